//! `/households` (staff): the household register. Importing the ledger first (`import.rs`),
//! then the register a page at a time ("more" brings the next; never all at once), each
//! household leading to its page; the whole register as CSV, and the way to print invite
//! codes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::register::{RegisterEntry, RegisterPage};
use linli_api::ErrorCode;

use super::download::CsvDownload;
use super::import::LedgerImport;
use super::{area_text, owners_text};
use crate::i18n::{t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loading, Page};
use crate::me::household_text;
use crate::session::{can_invite, Session};

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    view! {
        <Page back="/" title="households-title">
            <Guarded allow=can_invite>
                <Register/>
            </Guarded>
        </Page>
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Loading,
    Loaded,
    Failed(ErrorCode),
}

/// The register as loaded so far.
#[derive(Clone, Copy)]
struct Pages {
    entries: RwSignal<Vec<RegisterEntry>>,
    next: RwSignal<Option<String>>,
    total: RwSignal<Option<i64>>,
    state: RwSignal<State>,
    /// Counts loads from the start, so an older answer never lands after a newer one.
    generation: RwSignal<u32>,
}

impl Pages {
    fn new() -> Self {
        Pages {
            entries: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            total: RwSignal::new(None),
            state: RwSignal::new(State::Loading),
            generation: RwSignal::new(0),
        }
    }

    /// The first page again (after an import), or the page after the last one loaded.
    fn load(self, session: Session, from_start: bool) {
        if !from_start && self.state.get_untracked() == State::Loading {
            return;
        }
        if from_start {
            self.generation.update(|g| *g += 1);
        }
        let generation = self.generation.get_untracked();
        let after = if from_start { None } else { self.next.get_untracked() };
        self.state.set(State::Loading);
        let client = session.client();
        spawn_local(async move {
            let answer = client.register_page(after.as_deref(), None).await;
            if self.generation.try_get_untracked() != Some(generation) {
                return;
            }
            match answer {
                Ok(RegisterPage { entries, next, households_total }) => {
                    self.entries.update(|list| {
                        if from_start {
                            list.clear();
                        }
                        list.extend(entries);
                    });
                    self.next.set(next);
                    self.total.set(Some(households_total));
                    self.state.set(State::Loaded);
                }
                Err(error) => {
                    session.on_error(error.code());
                    self.state.try_set(State::Failed(error.code()));
                }
            }
        });
    }
}

#[component]
fn Register() -> impl IntoView {
    let session = Session::get();
    let pages = Pages::new();
    pages.load(session, true);
    let imported = Callback::new(move |_| pages.load(session, true));
    let retry = Callback::new(move |_| pages.load(session, pages.entries.with_untracked(Vec::is_empty)));
    let failed = move || match pages.state.get() {
        State::Failed(code) => Some(code),
        _ => None,
    };
    let more = move || pages.next.with(Option::is_some) && pages.state.get() == State::Loaded;
    view! {
        <p class="summary">{tr("households-intro")}</p>
        <p class="staff-links">
            <a class="button" id="print-invites-link" href="/invites/print">{tr("households-print-link")}</a>
        </p>
        <LedgerImport imported/>
        <section id="register" aria-labelledby="register-heading">
            <h2 id="register-heading">{tr("households-list-heading")}</h2>
            <p id="register-total" class="summary">
                {move || pages.total.get().map(|total| t_args("households-total", &[("count", total.into())]))}
            </p>
            <CsvDownload id="register-export" label="households-export" file="register.csv"
                fetch=|client: linli_api::Client| async move { client.register_csv().await }/>
            {move || (pages.total.get() == Some(0)).then(|| view! { <p class="empty" id="register-empty">{tr("households-empty")}</p> })}
            <ul id="register-list" class="staff-cards">
                <For each=move || pages.entries.get() key=|entry| entry.household.id let:entry>
                    <EntryCard entry/>
                </For>
            </ul>
            {move || (pages.state.get() == State::Loading).then(|| view! { <Loading/> })}
            {move || failed().map(|code| view! { <ErrorBox code retry/> })}
            {move || more().then(|| view! {
                <button type="button" id="register-more" class="button" on:click=move |_| pages.load(session, false)>
                    {tr("households-more")}
                </button>
            })}
        </section>
    }
}

#[component]
fn EntryCard(entry: RegisterEntry) -> impl IntoView {
    let RegisterEntry { household, floor_area_centi_m2, owners, resident_count } = entry;
    let id = household.id;
    view! {
        <li class="staff-card register-entry" id=format!("household-{id}")>
            <a class="staff-card-link" href=format!("/households/{id}")>{move || household_text(&household)}</a>
            <p class="staff-card-meta">
                <span class="register-area">{move || t_args("households-area", &[("area", area_text(floor_area_centi_m2).into())])}</span>
                <span>{move || t_args("households-residents-count", &[("count", resident_count.into())])}</span>
            </p>
            <p class="register-owners">{move || t_args("households-owners-line", &[("owners", owners_text(&owners).into())])}</p>
        </li>
    }
}

