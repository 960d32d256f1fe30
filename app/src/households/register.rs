//! `/households` (staff): the household register. Importing the ledger first (`import.rs`),
//! then the register a page at a time ("more" brings the next; never all at once), each
//! household leading to its page; the whole register as CSV, and the way to print invite
//! codes.

use leptos::prelude::*;
use linli_api::register::{RegisterEntry, RegisterPage};

use super::import::LedgerImport;
use super::{area_text, owners_text};
use crate::i18n::{t_args, tr};
use crate::layout::{CsvDownload, ErrorBox, Guarded, ListPage, Loading, MoreButton, Page, Pages};
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

/// The register a page at a time, from the start or after the last page loaded.
fn load(pages: Pages<RegisterEntry>, session: Session, from_start: bool) {
    pages.load(session, from_start, |client, after| async move {
        let RegisterPage { entries, next, households_total } = client.register_page(after.as_deref(), None).await?;
        Ok(ListPage { items: entries, next, total: Some(households_total) })
    });
}

#[component]
fn Register() -> impl IntoView {
    let session = Session::get();
    let pages = Pages::new();
    load(pages, session, true);
    let imported = Callback::new(move |_| load(pages, session, true));
    // After a failure: the page that failed (the first, when nothing loaded).
    let retry = Callback::new(move |_| load(pages, session, false));
    let more = Callback::new(move |_| load(pages, session, false));
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
                <For each=move || pages.items.get() key=|entry| entry.household.id let:entry>
                    <EntryCard entry/>
                </For>
            </ul>
            {move || pages.loading().then(|| view! { <Loading/> })}
            {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
            <MoreButton id="register-more" label="households-more" shown=Signal::derive(move || pages.has_more()) more/>
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

