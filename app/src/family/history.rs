//! `/family/history`: everything family members did for me, and what I did for others.

use leptos::prelude::*;
use linli_api::family::{FamilyActivity, FamilyActivityKind, FamilyHistory, FamilyHistoryQuery, Grant};
use linli_api::ErrorCode;

use super::grants_text;
use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
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
    let history = RwSignal::new(None::<Result<FamilyHistory, ErrorCode>>);
    let load = move || {
        let client = session.client();
        load_into(session, history, async move { client.family_history(FamilyHistoryQuery::default()).await });
    };
    load();
    let retry = Callback::new(move |_| load());
    move || match history.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => view! { <p class="empty">{tr("family-history-none")}</p> }.into_any(),
        Some(Ok(page)) => view! {
            <ol id="family-history" class="history">
                {page.items.into_iter().map(|activity| {
                    let at = activity.at;
                    let kind = activity.kind.as_str();
                    view! {
                        <li class="history-item" data-kind=kind>
                            <time datetime=at.to_rfc3339()>{move || format_datetime(locale(), at, session.utc_offset())}</time>
                            <p>{move || activity_text(&activity)}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }.into_any(),
    }
}
