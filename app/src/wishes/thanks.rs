//! `/wishes/thanks`: the community's thanks wall (what wishers wrote to their volunteers)
//! and the volunteer record: people and organisations by wishes fulfilled and time given.

use leptos::prelude::*;
use linli_api::wishes::{ThanksNote, VolunteerRecord, VolunteerTally};

use super::detail::minutes_text;
use super::{face_text, volunteer_text};
use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::session::{is_member, Session};

#[component]
pub fn ThanksPage() -> impl IntoView {
    view! {
        <Page back="/wishes" title="wish-thanks-title">
            <Guarded allow=is_member>
                <Wall/>
                <Record/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Wall() -> impl IntoView {
    let session = Session::get();
    let notes: Loaded<Vec<ThanksNote>> = RwSignal::new(None);
    let client = session.client();
    load_into(session, notes, async move { client.thanks_wall().await });
    move || match notes.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code/> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="thanks-none">{tr("wish-thanks-none")}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <ul id="thanks-wall" class="wish-list">
                {list.into_iter().map(|note| {
                    let at = note.at;
                    let (face, volunteer, organisation) = (note.wisher.clone(), note.volunteer.clone(), note.organisation.clone());
                    let from_to = move || {
                        let to = volunteer_text(&volunteer, organisation.as_deref());
                        t_args("wish-thanks-from", &[("from", face_text(&face).into()), ("to", to.into())])
                    };
                    view! {
                        <li class="wish-card thanks-note">
                            <blockquote class="wish-thanks">{note.thanks.clone()}</blockquote>
                            <p class="wish-meta">{from_to}</p>
                            <a class="wish-link" href=format!("/wishes/{}", note.wish_id)>{note.what.clone()}</a>
                            <p class="wish-meta">
                                <time datetime=at.to_rfc3339()>{move || format_datetime(locale(), at, session.utc_offset())}</time>
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any(),
    }
}

fn tally_line(tally: &VolunteerTally) -> String {
    let given = u32::try_from(tally.minutes).unwrap_or(u32::MAX);
    t_args("wish-tally", &[("wishes", tally.wishes.into()), ("time", minutes_text(given).into())])
}

#[component]
fn Tallies(list: Vec<VolunteerTally>, id: &'static str) -> impl IntoView {
    view! {
        <ul id=id class="tally-list">
            {list.into_iter().map(|tally| {
                let line = tally.clone();
                view! {
                    <li class="tally">
                        <span class="tally-name">{tally.name.clone()}</span>
                        {tally.organisation.clone().map(|organisation| view! { <span class="hint">{organisation}</span> })}
                        <span class="tally-count">{move || tally_line(&line)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Record() -> impl IntoView {
    let session = Session::get();
    let record: Loaded<VolunteerRecord> = RwSignal::new(None);
    let client = session.client();
    load_into(session, record, async move { client.volunteer_record().await });
    view! {
        <section id="volunteer-record" aria-labelledby="volunteer-record-heading">
            <h2 id="volunteer-record-heading">{tr("wish-record-heading")}</h2>
            {move || match record.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code/> }.into_any(),
                Some(Ok(record)) if record.volunteers.is_empty() => view! { <p class="empty">{tr("wish-record-none")}</p> }.into_any(),
                Some(Ok(record)) => view! {
                    <h3>{tr("wish-record-people")}</h3>
                    <Tallies list=record.volunteers id="volunteer-tallies"/>
                    {(!record.organisations.is_empty()).then(|| view! {
                        <h3>{tr("wish-record-organisations")}</h3>
                        <Tallies list=record.organisations id="organisation-tallies"/>
                    })}
                }.into_any(),
            }}
        </section>
    }
}
