//! `/family/history`: everything family members did for me, and what I did for others.

use leptos::prelude::*;
use linli_api::family::{FamilyActivity, FamilyActivityKind, Grant};
use linli_api::paging::PageQuery;

use super::grants_text;
use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::{ErrorBox, Guarded, ListPage, Loading, MoreButton, Page, Pages};
use crate::session::Session;

#[component]
pub fn FamilyHistoryPage() -> impl IntoView {
    view! {
        <Page back="/family" title="family-history-title">
            <Guarded>
                <History/>
            </Guarded>
        </Page>
    }
}

/// One line of history in words: who did what for whom.
pub fn activity_text(activity: &FamilyActivity) -> String {
    let (id, detail) = match activity.kind {
        FamilyActivityKind::Linked => ("family-activity-linked", grants_of(&activity.detail)),
        FamilyActivityKind::GrantsChanged => ("family-activity-grants-changed", grants_of(&activity.detail)),
        FamilyActivityKind::Revoked => ("family-activity-revoked", activity.detail.clone()),
        FamilyActivityKind::ReadNotice => ("family-activity-read-notice", activity.detail.clone()),
        FamilyActivityKind::Voted => ("family-activity-voted", activity.detail.clone()),
        FamilyActivityKind::PostedWish => ("family-activity-posted-wish", activity.detail.clone()),
        FamilyActivityKind::ConfirmedWish => ("family-activity-confirmed-wish", activity.detail.clone()),
        FamilyActivityKind::WithdrewWish => ("family-activity-withdrew-wish", activity.detail.clone()),
        FamilyActivityKind::BookedAppointment => ("family-activity-booked-appointment", activity.detail.clone()),
        FamilyActivityKind::CancelledAppointment => ("family-activity-cancelled-appointment", activity.detail.clone()),
        FamilyActivityKind::ReportedProblem => ("family-activity-reported-problem", activity.detail.clone()),
        FamilyActivityKind::ConfirmedReport => ("family-activity-confirmed-report", activity.detail.clone()),
        FamilyActivityKind::ReopenedReport => ("family-activity-reopened-report", activity.detail.clone()),
    };
    t_args(
        id,
        &[
            ("member", activity.member_name.clone().into()),
            ("resident", activity.resident_name.clone().into()),
            ("detail", detail.into()),
        ],
    )
}

/// The stored grant list (`read_notices,vote_proxy`) in words.
fn grants_of(stored: &str) -> String {
    let grants: Vec<Grant> = stored.split(',').filter_map(Grant::parse).collect();
    grants_text(&grants)
}

#[component]
fn History() -> impl IntoView {
    let session = Session::get();
    let pages: Pages<FamilyActivity> = Pages::new();
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let page = client.family_history(&PageQuery::after(after.as_deref(), None)).await?;
            Ok(ListPage { items: page.items, next: page.next_after, total: None })
        })
    };
    load(true);
    let retry = Callback::new(move |_| load(true));
    let more = Callback::new(move |_| load(false));
    view! {
        {move || (pages.loading() && pages.items.with(Vec::is_empty)).then(|| view! { <Loading/> })}
        {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
        {move || pages.is_empty().then(|| view! { <p class="empty">{tr("family-history-none")}</p> })}
        <ol id="family-history" class="history">
            <For each=move || pages.items.get().into_iter().enumerate() key=|(index, _)| *index let:numbered>
                {
                    let activity = numbered.1;
                    let at = activity.at;
                    let kind = activity.kind.as_str();
                    view! {
                        <li class="history-item" data-kind=kind>
                            <time datetime=at.to_rfc3339()>{move || format_datetime(locale(), at, session.utc_offset())}</time>
                            <p>{move || activity_text(&activity)}</p>
                        </li>
                    }
                }
            </For>
        </ol>
        <MoreButton id="more-history" label="family-history-more" shown=Signal::derive(move || pages.has_more()) more/>
    }
}
