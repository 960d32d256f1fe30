//! `/services/:id`: one service: what it is, what to bring, whether staff approve it and how
//! long it takes (read aloud on request); then its times for the next seven days, a row of
//! days and the chosen day's times as big buttons with the places left, following other
//! people's bookings live. A resident (or their family, `?for=`) who picks a time fills the
//! service's form (`form.rs`) and books; staff see the same page with the ways to the desk,
//! the editor and the hall's screen instead of the form.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use linli_api::appointments::{NewBooking, Service, Slot, SlotDay, SlotQuery};
use linli_api::auth::Role;
use linli_api::ids::{ServiceId, UserId};
use linli_api::ErrorCode;

use super::form::{answer_index, focus_selector, typed_answers, AnswerFields, FieldInput, ANSWER_FIELDS};
use super::mine::bookings_title;
use super::{books, parse_service_id, runs_services, slot_text, weekday_label};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, FormAlert, FormError, Guarded, Loaded, Loading, Page};
use crate::native;
use crate::session::{is_member, Session};
use crate::speech::{reading_text, ReadAloud};

/// How many days of times the page offers.
const DAYS_SHOWN: u32 = 7;

#[component]
pub fn ServicePage() -> impl IntoView {
    let id = parse_service_id(use_params_map().read_untracked().get("id"));
    let resident = acting_for();
    let allow: fn(Role) -> bool = if resident.is_some() { |_| true } else { is_member };
    view! {
        <Page back=keep_for("/services", resident)>
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                {match id {
                    Some(id) => view! { <OneService id resident/> }.into_any(),
                    None => view! { <h1>{tr("services-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn OneService(id: ServiceId, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let service: Loaded<Service> = RwSignal::new(None);
    let load = move || {
        let client = session.client_for(resident);
        load_into(session, service, async move { client.service(id).await });
    };
    load();
    let retry = Callback::new(move |_| load());
    move || match service.get() {
        None => view! { <h1>{tr("services-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("services-title")}</h1><ErrorBox code retry/> }.into_any(),
        Some(Ok(shown)) => view! { <ServiceView service=shown resident/> }.into_any(),
    }
}

/// `30 分钟` / `30 minutes`.
pub fn duration_text(minutes: u32) -> String {
    t_args("services-duration", &[("minutes", minutes.into())])
}

#[component]
fn ServiceView(service: Service, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let role = session.me().map(|me| me.role);
    let booking = resident.is_some() || role.is_some_and(books);
    let staff = resident.is_none() && role.is_some_and(runs_services);
    let id = service.id;
    let reading = {
        let service = service.clone();
        Signal::derive(move || {
            let documents = if service.documents.is_empty() {
                String::new()
            } else {
                t_args("services-documents", &[("documents", service.documents.clone().into())])
            };
            let approval = if service.needs_approval { t("services-needs-approval") } else { String::new() };
            reading_text(&[&service.name, &service.description, &documents, &approval, &duration_text(service.duration_minutes)])
        })
    };
    let documents = service.documents.clone();
    let minutes = service.duration_minutes;
    // Made here, not in the form, so what was typed stays while another time is chosen.
    let inputs: Vec<FieldInput> = service.form.iter().map(|_| FieldInput::default()).collect();
    let chosen = RwSignal::new(None::<Slot>);
    view! {
        <article id="service" data-service-id=id.to_string()>
            <h1 tabindex="-1">{service.name.clone()}</h1>
            <ReadAloud text=reading/>
            {(!service.description.is_empty()).then(|| view! { <p class="service-description" id="service-description">{service.description.clone()}</p> })}
            {(!documents.is_empty()).then(|| view! {
                <p class="service-documents" id="service-documents">
                    {move || t_args("services-documents", &[("documents", documents.clone().into())])}
                </p>
            })}
            {service.needs_approval.then(|| view! { <p class="callout" id="service-approval">{tr("services-needs-approval")}</p> })}
            <p class="hint" id="service-duration">{move || duration_text(minutes)}</p>
            {staff.then(|| view! {
                <nav class="service-links" aria-label=tr("services-staff-links")>
                    <a class="button" id="service-desk-link" href=format!("/services/{id}/desk")>{tr("services-desk")}</a>
                    <a class="button" id="service-edit-link" href=format!("/services/{id}/edit")>{tr("services-edit")}</a>
                    <a class="button" id="service-display-link" href=format!("/display/{id}")>{tr("services-display")}</a>
                </nav>
            })}
            <Slots id resident chosen choosing=booking/>
            {booking.then(|| view! { <BookForm id fields=service.form.clone() inputs chosen resident/> })}
        </article>
    }
}

/// The first day with a free place, else the first day.
fn first_open_day(days: &[SlotDay]) -> Option<NaiveDate> {
    days.iter().find(|day| !day.closed && day.slots.iter().any(|slot| slot.free > 0)).or(days.first()).map(|day| day.date)
}

/// What a day button says under its date, when the day offers nothing to book.
fn day_note(day: &SlotDay) -> Option<&'static str> {
    if day.closed {
        Some("services-day-closed")
    } else if day.slots.is_empty() {
        Some("services-day-none")
    } else if day.slots.iter().all(|slot| slot.free == 0) {
        Some("services-day-full")
    } else {
        None
    }
}

/// The community's time zone (CST when the offset makes no sense).
pub fn zone(utc_offset_minutes: i32) -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or_else(|| chrono::FixedOffset::east_opt(8 * 3600).expect("CST"))
}

/// `09:00–09:30` in the community's clock.
fn clock_range(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let zone = zone(utc_offset_minutes);
    format!("{}–{}", starts_at.with_timezone(&zone).format("%H:%M"), ends_at.with_timezone(&zone).format("%H:%M"))
}

/// A slot's element id: its start in the community's clock (`slot-0930`), unique in a day.
fn slot_id(starts_at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    format!("slot-{}", starts_at.with_timezone(&zone(utc_offset_minutes)).format("%H%M"))
}

fn date_text(date: NaiveDate) -> String {
    t_args("services-day-date", &[("month", date.month().into()), ("day", date.day().into())])
}

/// The days and the chosen day's times; reloads when a place is taken or given back. Picking
/// a time (`choosing`) fills `chosen`; staff only look.
#[component]
fn Slots(id: ServiceId, resident: Option<UserId>, chosen: RwSignal<Option<Slot>>, choosing: bool) -> impl IntoView {
    let session = Session::get();
    let days: Loaded<Vec<SlotDay>> = RwSignal::new(None);
    let day = RwSignal::new(None::<NaiveDate>);
    // The chosen time was taken by someone else meanwhile.
    let lost = RwSignal::new(false);
    let apply = move |list: &[SlotDay]| {
        if day.get_untracked().is_none() {
            day.set(first_open_day(list));
        }
        if let Some(slot) = chosen.get_untracked() {
            match list.iter().flat_map(|day| &day.slots).find(|other| other.starts_at == slot.starts_at) {
                Some(now) if now.free > 0 => chosen.set(Some(*now)),
                _ => {
                    chosen.set(None);
                    lost.set(true);
                }
            }
        }
    };
    let load = move || {
        let client = session.client_for(resident);
        spawn_local(async move {
            let result = client.service_slots(id, &SlotQuery { from: None, days: Some(DAYS_SHOWN) }).await.map_err(|error| {
                session.on_error(error.code());
                error.code()
            });
            if let Ok(list) = &result {
                if days.try_get_untracked().is_none() {
                    return;
                }
                apply(list);
            }
            days.try_set(Some(result));
        });
    };
    load();
    session.live.reload_on(session.live.slots_changed, id, load);
    let retry = Callback::new(move |_| load());
    let list = Memo::new(move |_| days.with(|days| days.as_ref().and_then(|days| days.as_ref().ok()).cloned().unwrap_or_default()));
    let today = Memo::new(move |_| {
        let date = day.get();
        list.with(|list| list.iter().find(|d| Some(d.date) == date).cloned())
    });
    // What the chosen day shows: a sentence when it offers nothing, else its times (only a
    // change between these builds the list again; within it, each time follows its places).
    let nothing = Memo::new(move |_| {
        today.with(|shown| {
            shown.as_ref().map(|shown| {
                if shown.closed {
                    Some("services-closed-that-day")
                } else if shown.slots.is_empty() {
                    Some("services-none-that-day")
                } else {
                    None
                }
            })
        })
    });
    let choose = move |slot: Slot| {
        chosen.set(Some(slot));
        lost.set(false);
        request_animation_frame(|| native::focus("#book-heading"));
    };
    view! {
        <section id="service-slots" aria-labelledby="service-slots-heading">
            <h2 id="service-slots-heading">{tr(if choosing { "services-choose-time" } else { "services-times" })}</h2>
            {move || match days.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <div class="day-row" id="service-days" role="group" aria-label=tr("services-days-label")>
                <For each=move || list.get() key=|d| (d.date, day_note(d)) children=move |d| {
                    let date = d.date;
                    let note = day_note(&d);
                    let weekday = weekday_label(date.weekday().number_from_monday() as u8);
                    view! {
                        <button type="button" class="button day" id=format!("day-{date}") class:quiet=note.is_some()
                            aria-pressed=move || if day.get() == Some(date) { "true" } else { "false" }
                            on:click=move |_| day.set(Some(date))>
                            <span class="day-date">{move || date_text(date)}</span>
                            <span class="day-weekday">{tr(weekday)}</span>
                            {note.map(|note| view! { <span class="day-note">{tr(note)}</span> })}
                        </button>
                    }
                }/>
            </div>
            <p class="hint" role="status" id="slot-lost">{move || lost.get().then(|| t("services-slot-lost"))}</p>
            {move || match nothing.get() {
                None => ().into_any(),
                Some(Some(sentence)) => view! { <p class="empty" id="slots-none">{tr(sentence)}</p> }.into_any(),
                Some(None) => view! {
                    <ul class="slot-list" id="slot-list">
                        <For each=move || today.get().map(|d| d.slots).unwrap_or_default() key=|slot| (slot.starts_at, slot.free) children=move |slot| {
                            let offset = session.utc_offset();
                            let time = clock_range(slot.starts_at, slot.ends_at, offset);
                            let places = move || if slot.free == 0 { t("services-slot-full") } else { t_args("services-places-left", &[("count", slot.free.into())]) };
                            if choosing {
                                view! {
                                    <li>
                                        <button type="button" class="button slot" id=slot_id(slot.starts_at, offset)
                                            data-starts-at=slot.starts_at.to_rfc3339() disabled=slot.free == 0
                                            aria-pressed=move || if chosen.get().is_some_and(|c| c.starts_at == slot.starts_at) { "true" } else { "false" }
                                            on:click=move |_| choose(slot)>
                                            <span class="slot-time">{time}</span>
                                            <span class="slot-free">{places}</span>
                                        </button>
                                    </li>
                                }.into_any()
                            } else {
                                view! {
                                    <li class="slot-item" id=slot_id(slot.starts_at, offset)>
                                        <span class="slot-time">{time}</span>
                                        <span class="slot-free">{places}</span>
                                    </li>
                                }.into_any()
                            }
                        }/>
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// The form for the chosen time; a booking made opens its page.
#[component]
fn BookForm(
    id: ServiceId,
    fields: Vec<linli_api::appointments::FormField>,
    inputs: Vec<FieldInput>,
    chosen: RwSignal<Option<Slot>>,
    resident: Option<UserId>,
) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let uploading = RwSignal::new(0_usize);
    let form = FormError::new(&ANSWER_FIELDS);
    let submit = {
        let (fields, inputs) = (fields.clone(), inputs.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() || uploading.get_untracked() > 0 {
                return;
            }
            let Some(slot) = chosen.get_untracked() else { return };
            let typed: Vec<_> = inputs.iter().map(FieldInput::typed).collect();
            let answers = match typed_answers(&fields, &typed) {
                Ok(answers) => answers,
                Err(error) => {
                    if let Some(index) = error.field.as_deref().and_then(answer_index) {
                        let selector = focus_selector(&fields, index);
                        request_animation_frame(move || native::focus(&selector));
                    }
                    return form.set(Some(error));
                }
            };
            let booking = NewBooking { slot_starts_at: slot.starts_at, answers };
            let client = session.client_for(resident);
            let navigate = navigate.clone();
            form.send(session, busy, async move { client.book(id, &booking).await }, move |booked| {
                navigate(&keep_for(&format!("/bookings/{}", booked.id), resident), Default::default());
            });
        }
    };
    let heading = move || {
        chosen.get().map(|slot| t_args("book-heading", &[("time", slot_text(slot.starts_at, slot.ends_at, session.utc_offset()).into())]))
    };
    view! {
        <Show when=move || chosen.get().is_some()>
            <form id="book-form" class="book-form" novalidate on:submit=submit.clone()>
                <h2 id="book-heading" tabindex="-1">{heading}</h2>
                <FormAlert form/>
                {move || (form.general() == Some(ErrorCode::AlreadyBooked)).then(|| view! {
                    <a class="button" id="book-mine-link" href=keep_for("/bookings", resident)>{tr(bookings_title(resident))}</a>
                })}
                <AnswerFields fields=fields.clone() inputs=inputs.clone() form for_oneself=resident.is_none() uploading/>
                <button type="submit" class="button primary big" id="book-submit" disabled=move || busy.get() || (uploading.get() > 0)>
                    {move || if busy.get() { t("busy") } else { t("book-submit") }}
                </button>
            </form>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 9, hour, 0, 0).unwrap()
    }

    fn day(date: u32, closed: bool, free: &[u32]) -> SlotDay {
        let slots = free.iter().map(|free| Slot { starts_at: at(1), ends_at: at(2), capacity: 3, free: *free }).collect();
        SlotDay { date: NaiveDate::from_ymd_opt(2026, 12, date).unwrap(), closed, slots }
    }

    #[test]
    fn the_page_opens_on_the_first_day_with_a_free_place() {
        let days = [day(9, false, &[0, 0]), day(10, true, &[]), day(11, false, &[]), day(12, false, &[0, 2])];
        assert_eq!(first_open_day(&days), Some(days[3].date));
        assert_eq!(first_open_day(&days[..3]), Some(days[0].date), "nothing free: the first day");
        assert_eq!(first_open_day(&[]), None);
        let notes: Vec<_> = days.iter().map(day_note).collect();
        assert_eq!(notes, [Some("services-day-full"), Some("services-day-closed"), Some("services-day-none"), None]);
    }

    #[test]
    fn times_are_the_communitys_clock() {
        // 01:00 UTC is 09:00 in Beijing.
        assert_eq!(clock_range(at(1), at(2), 480), "09:00–10:00");
        assert_eq!(slot_id(at(1), 480), "slot-0900");
    }
}
