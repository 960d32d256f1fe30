//! `/wishes/:id`: one wish as the reader may see it, read aloud on request, following its
//! changes live: what and why, who (initials and building) and by when; the volunteer who
//! took it on; for that volunteer and staff, the wisher's contact; for those involved, what
//! the volunteer wrote and the history. What the reader may do now is below (`steps.rs`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::ids::{UserId, WishId};
use linli_api::wishes::{Wish, WishEvent, WishEventKind};
use linli_api::ErrorCode;

use super::steps::Steps;
use super::{category_label, face_text, parse_wish_id, volunteer_text, wanted_by_text, StateTag};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::hall::images::AuthImage;
use crate::help::tel_href;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::me::household_text;
use crate::session::Session;
use crate::speech::{reading_text, ReadAloud};

#[component]
pub fn WishPage() -> impl IntoView {
    let id = parse_wish_id(use_params_map().read_untracked().get("id"));
    let resident = acting_for();
    view! {
        <Page back=keep_for(if resident.is_some() { "/wishes/mine" } else { "/wishes" }, resident)>
            <Guarded>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                {match id {
                    Some(id) => view! { <OneWish id resident/> }.into_any(),
                    None => view! { <h1>{tr("wishes-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn OneWish(id: WishId, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let wish: Loaded<Wish> = RwSignal::new(None);
    let load = move || {
        let client = session.client_for(resident);
        load_into(session, wish, async move { client.wish(id).await });
    };
    load();
    session.live.reload_on(session.live.wish_changed, id, load);
    let retry = Callback::new(move |_| load());
    move || match wish.get() {
        None => view! { <h1>{tr("wishes-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("wishes-title")}</h1><ErrorBox code retry/> }.into_any(),
        Some(Ok(shown)) => view! { <WishView wish=shown current=wish resident/> }.into_any(),
    }
}

/// One line of history in words.
fn event_text(event: &WishEvent) -> String {
    let id = match event.kind {
        WishEventKind::Posted => "wish-event-posted",
        WishEventKind::Approved => "wish-event-approved",
        WishEventKind::Rejected => "wish-event-rejected",
        WishEventKind::Claimed => "wish-event-claimed",
        WishEventKind::Released => "wish-event-released",
        WishEventKind::Reminded => "wish-event-reminded",
        WishEventKind::Expired => "wish-event-expired",
        WishEventKind::Fulfilled => "wish-event-fulfilled",
        WishEventKind::Confirmed => "wish-event-confirmed",
        WishEventKind::Withdrawn => "wish-event-withdrawn",
    };
    let said = t_args(id, &[("actor", event.actor.clone().into())]);
    if event.detail.is_empty() {
        said
    } else {
        t_args("wish-event-with-detail", &[("event", said.into()), ("detail", event.detail.clone().into())])
    }
}

/// Minutes given, in hours and minutes.
pub fn minutes_text(minutes: u32) -> String {
    t_args("wish-minutes", &[("hours", (minutes / 60).into()), ("minutes", (minutes % 60).into())])
}

#[component]
fn WishView(wish: Wish, current: Loaded<Wish>, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let summary = wish.summary.clone();
    let when = move |at| format_datetime(locale(), at, session.utc_offset());
    let reading = {
        let (what, why) = (summary.what.clone(), wish.why.clone());
        let (face, category, state) = (summary.clone(), summary.category, summary.state);
        Signal::derive(move || {
            let meta = format!("{} · {}", face_text(&face.wisher), wanted_by_text(face.wanted_by));
            reading_text(&[&what, &t(category_label(category)), &t(super::state_label(state)), &meta, &why])
        })
    };
    let face = summary.wisher.clone();
    let claim = wish.claim.clone();
    let contact = wish.contact.clone();
    let fulfilment = wish.fulfilment.clone();
    let history = wish.history.clone();
    let subject = Signal::stored(summary.what.clone());
    view! {
        <article id="wish" data-wish-id=summary.id.to_string()>
            <h1 tabindex="-1">{summary.what.clone()}</h1>
            <ReadAloud text=reading/>
            <p class="topic-tags">
                <span class="tag" id="wish-category">{tr(category_label(summary.category))}</span>
                <StateTag state=summary.state id="wish-state"/>
            </p>
            <p class="wish-meta" id="wish-face">{move || face_text(&face)}" · "{move || wanted_by_text(summary.wanted_by)}</p>
            {summary.photo.map(|photo| view! { <div class="wish-photo"><AuthImage id=photo alt=subject/></div> })}
            {(!wish.why.is_empty()).then(|| view! { <p id="wish-why" class="wish-why">{wish.why.clone()}</p> })}
            {wish.reason.clone().map(|reason| view! {
                <p class="callout" id="wish-reason">{move || t_args("wish-reason", &[("reason", reason.clone().into())])}</p>
            })}
            {claim.map(|claim| {
                let who = {
                    let (name, organisation) = (claim.volunteer.clone(), claim.organisation.clone());
                    move || volunteer_text(&name, organisation.as_deref())
                };
                let until = claim.expires_at;
                let claimed = summary.state == linli_api::wishes::WishState::Claimed;
                view! {
                    <section id="wish-claim" class="wish-section" aria-labelledby="wish-claim-heading">
                        <h2 id="wish-claim-heading">{tr("wish-claim-heading")}</h2>
                        <p id="wish-volunteer">{who}</p>
                        {claimed.then(|| view! { <p class="hint" id="wish-claim-until">{move || t_args("wish-claim-until", &[("when", when(until).into())])}</p> })}
                    </section>
                }
            })}
            {contact.map(|contact| {
                let household = contact.household.clone();
                view! {
                    <section id="wish-contact" class="wish-section" aria-labelledby="wish-contact-heading">
                        <h2 id="wish-contact-heading">{tr("wish-contact-heading")}</h2>
                        <p id="wish-contact-name">{contact.name.clone()}</p>
                        {household.map(|household| view! { <p id="wish-contact-household">{move || household_text(&household)}</p> })}
                        {contact.phone.clone().map(|phone| {
                            let href = tel_href(&phone);
                            view! {
                                <a class="button call" id="wish-contact-phone" href=href>
                                    {move || t_args("wish-contact-call", &[("phone", phone.clone().into())])}
                                </a>
                            }
                        })}
                    </section>
                }
            })}
            {fulfilment.map(|done| view! {
                <section id="wish-fulfilment" class="wish-section" aria-labelledby="wish-fulfilment-heading">
                    <h2 id="wish-fulfilment-heading">{tr("wish-fulfilment-heading")}</h2>
                    <p id="wish-fulfilment-note">{done.note.clone()}</p>
                    {done.minutes.map(|minutes| view! { <p class="hint">{move || minutes_text(minutes)}</p> })}
                    {done.photo.map(|photo| view! { <div class="wish-photo"><AuthImage id=photo alt=Signal::derive(move || t("wish-fulfilment-photo"))/></div> })}
                </section>
            })}
            {wish.thanks.clone().map(|thanks| view! {
                <blockquote id="wish-thanks" class="wish-thanks">{thanks}</blockquote>
            })}
            <Steps wish=wish.clone() current resident/>
            {(!history.is_empty()).then(|| view! {
                <section id="wish-history" aria-labelledby="wish-history-heading">
                    <h2 id="wish-history-heading">{tr("wish-history-heading")}</h2>
                    <ol class="history">
                        {history.into_iter().map(|event| {
                            let at = event.at;
                            view! {
                                <li class="history-item">
                                    <p>{move || event_text(&event)}</p>
                                    <p class="hint"><time datetime=at.to_rfc3339()>{move || when(at)}</time></p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            })}
        </article>
    }
}
