//! `/invites/print` (staff): invite codes on paper, for the households of one building (or
//! the whole community) where nobody has registered yet. "Prepare" brings the first page of
//! codes and "more" the next; each household gets a card with its place, the code large, its
//! QR code and how to register, to cut out and put through the door. The print style keeps
//! only the cards, several to an A4 page, none split across pages. Printing again gives the
//! same codes while they are valid and unused. The same codes as CSV for a mail merge.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::community::{Building, InviteSheet, InviteSheetRequest, PrintedInvite};
use linli_api::ids::BuildingId;
use linli_api::ErrorCode;

use crate::community::svg_data_uri;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{CsvDownload, loaded_view, loading, ErrorBox, Guarded, Loading, Page};
use crate::me::household_text;
use crate::session::{can_invite, Session};

#[component]
pub fn PrintInvitesPage() -> impl IntoView {
    view! {
        <Page back="/invites" title="households-print-title">
            <Guarded allow=can_invite>
                <PrintInvites/>
            </Guarded>
        </Page>
    }
}

/// Prints the page; the print style keeps only the cards.
fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[component]
fn PrintInvites() -> impl IntoView {
    let session = Session::get();
    let (buildings, retry) = loading(session, |client| async move { client.buildings().await });
    view! {
        <p class="summary">{tr("households-print-intro")}</p>
        {loaded_view(buildings, Some(retry), |buildings| view! { <Sheet buildings/> })}
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Idle,
    Loading,
    Loaded,
    Failed(ErrorCode),
}

#[component]
fn Sheet(buildings: Vec<Building>) -> impl IntoView {
    let session = Session::get();
    let chosen = RwSignal::new(None::<BuildingId>);
    // What the shown cards were prepared for; "more" and the CSV follow it, not the select.
    let prepared = RwSignal::new(None::<Option<BuildingId>>);
    let cards = RwSignal::new(Vec::<PrintedInvite>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(State::Idle);

    let load = move |building: Option<BuildingId>, after: Option<String>| {
        state.set(State::Loading);
        let client = session.client();
        let request = InviteSheetRequest { building, after: after.clone() };
        spawn_local(async move {
            match client.invite_sheet(&request).await {
                Ok(InviteSheet { invites, next: following }) => {
                    cards.try_update(|cards| {
                        if after.is_none() {
                            cards.clear();
                        }
                        cards.extend(invites);
                    });
                    next.try_set(following);
                    state.try_set(State::Loaded);
                }
                Err(error) => {
                    session.on_error(error.code());
                    state.try_set(State::Failed(error.code()));
                }
            }
        });
    };
    let prepare = move |ev: SubmitEvent| {
        ev.prevent_default();
        if state.get_untracked() == State::Loading {
            return;
        }
        let building = chosen.get_untracked();
        prepared.set(Some(building));
        cards.set(Vec::new());
        next.set(None);
        load(building, None);
    };
    let more = move |_| {
        if let (Some(building), Some(after)) = (prepared.get_untracked(), next.get_untracked()) {
            load(building, Some(after));
        }
    };
    let names = StoredValue::new(buildings.iter().map(|b| (b.id, b.name.clone())).collect::<Vec<_>>());
    // The heading of the cards: the building they were prepared for, or the whole community.
    let shown_for = move || {
        prepared.get().map(|building| match building {
            Some(id) => names.with_value(|names| names.iter().find(|(b, _)| *b == id).map(|(_, name)| name.clone()).unwrap_or_default()),
            None => t("households-print-whole"),
        })
    };
    let failed = move || match state.get() {
        State::Failed(code) => Some(code),
        _ => None,
    };
    view! {
        <form id="print-form" novalidate on:submit=prepare>
            <div class="field">
                <label for="print-building">{tr("households-print-building")}</label>
                <select id="print-building" name="building" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok().map(BuildingId))>
                    <option value="" prop:selected=move || chosen.get().is_none()>{tr("households-print-whole")}</option>
                    {buildings.into_iter().map(|building| {
                        let id = building.id;
                        view! { <option value=id.0.to_string() prop:selected=move || chosen.get() == Some(id)>{building.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button primary" id="print-prepare" disabled=move || state.get() == State::Loading>
                {move || if state.get() == State::Loading { t("busy") } else { t("households-print-prepare") }}
            </button>
        </form>
        {move || failed().map(|code| view! { <ErrorBox code/> })}
        {move || prepared.get().is_some().then(|| view! {
            <section id="invite-sheet" aria-labelledby="invite-sheet-heading">
                <h2 id="invite-sheet-heading">{move || shown_for().unwrap_or_default()}</h2>
                <p id="invite-sheet-count" class="summary" role="status">
                    {move || (state.get() == State::Loaded).then(|| t_args("households-print-count", &[("count", cards.with(Vec::len).into())]))}
                </p>
                {move || (state.get() == State::Loaded && cards.with(Vec::is_empty)).then(|| view! {
                    <p class="empty" id="invite-sheet-empty">{tr("households-print-none")}</p>
                })}
                {move || (!cards.with(Vec::is_empty)).then(|| view! {
                    <div class="staff-links print-actions">
                        <button type="button" class="button primary" id="print-sheet" on:click=move |_| print_page()>{tr("households-print-print")}</button>
                    </div>
                    <div class="print-actions">
                        <CsvDownload id="print-csv" label="households-print-csv" file="invites.csv"
                            fetch=move |client: linli_api::Client| {
                                let building = prepared.get_untracked().flatten();
                                async move { client.invite_sheet_csv(&InviteSheetRequest { building, after: None }).await }
                            }/>
                    </div>
                    <p class="hint print-actions">{tr("households-print-hint")}</p>
                })}
                <ul class="print-cards" id="print-cards">
                    <For each=move || cards.get() key=|card| card.household.id let:card>
                        <PrintCard card/>
                    </For>
                </ul>
                {move || (state.get() == State::Loading).then(|| view! { <Loading/> })}
                {move || (state.get() == State::Loaded && next.with(Option::is_some)).then(|| view! {
                    <button type="button" class="button print-actions" id="print-more" on:click=more>{tr("households-print-more")}</button>
                })}
            </section>
        })}
    }
}

#[component]
fn PrintCard(card: PrintedInvite) -> impl IntoView {
    let session = Session::get();
    let PrintedInvite { household, code, expires_at, qr_svg } = card;
    let id = household.id;
    let alt_code = code.clone();
    view! {
        <li class="print-card" id=format!("print-card-{id}")>
            <p class="print-card-place">{move || household_text(&household)}</p>
            <p class="print-card-label">{tr("invites-code-label")}</p>
            <p class="print-card-code">{code}</p>
            <img class="print-card-qr" src=svg_data_uri(&qr_svg) width="160" height="160"
                alt=move || t_args("invites-qr-alt", &[("code", alt_code.clone().into())])/>
            <ol class="print-card-steps">
                <li>{tr("households-print-step-open")}</li>
                <li>{tr("households-print-step-code")}</li>
            </ol>
            <p class="print-card-until">
                {move || t_args("invites-expires", &[("date", format_datetime(locale(), expires_at, session.utc_offset()).into())])}
            </p>
        </li>
    }
}
