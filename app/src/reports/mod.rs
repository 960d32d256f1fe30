//! Problem reports (报事报修).
//!
//! Residents: `/reports` their reports and the neighbourhood's public cases (`hub.rs`),
//! `/reports/new` reporting a problem (`new.rs`), `/reports/:id` one case with its record and
//! what the reader may do now (`case.rs`, its steps in `steps.rs` and `staff_steps.rs`).
//! Those who handle cases (the property company, the residents' committee, the street
//! office): `/reports/handling` their party's cases (`handling.rs`); staff also
//! `/reports/rules`, where each category goes (`rules.rs`). Everyone: `/reports/figures`, the
//! month's figures (`figures.rs`).
//!
//! This file holds what they share: who does what, words for categories, parties, states,
//! news and lengths of time, and the case's card in a list. 长辈版 residents find reports on
//! the help screen.

mod case;
mod figures;
mod handling;
mod hub;
mod new;
mod rules;
mod staff_steps;
mod steps;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use linli_api::auth::Role;
use linli_api::ids::{ReportId, UserId};
use linli_api::reports::{Party, ReportCategory, ReportNews, ReportState, ReportSummary, Route};

use crate::family::keep_for;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::session::{can_invite, can_publish, Session};

pub use case::ReportPage;
pub use figures::FiguresPage;
pub use handling::HandlingPage;
pub use hub::ReportsPage;
pub use new::NewReportPage;
pub use rules::RulesPage;

/// Who reports problems: residents (the server's `ResidentsOnly`). Family accounts do not
/// report for someone in this version.
pub fn reports_problems(role: Role) -> bool {
    role == Role::Resident
}

/// Who handles cases: the property company, the residents' committee and the street office.
pub fn handles_reports(role: Role) -> bool {
    can_publish(role)
}

/// Who sets where each category goes (the server's `StaffOnly`).
pub fn sets_report_rules(role: Role) -> bool {
    can_invite(role)
}

/// Whose home has the reports tile: those who report and those who handle.
pub fn follows_reports(role: Role) -> bool {
    reports_problems(role) || handles_reports(role)
}

/// A case id from the route: a positive number, or nothing.
pub fn parse_report_id(raw: Option<String>) -> Option<ReportId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(ReportId)
}

pub fn category_label(category: ReportCategory) -> &'static str {
    match category {
        ReportCategory::HomeRepair => "report-category-home-repair",
        ReportCategory::CommonAreas => "report-category-common-areas",
        ReportCategory::Environment => "report-category-environment",
        ReportCategory::Parking => "report-category-parking",
        ReportCategory::Safety => "report-category-safety",
        ReportCategory::NeighbourDispute => "report-category-neighbour-dispute",
        ReportCategory::Other => "report-category-other",
    }
}

pub fn party_label(party: Party) -> &'static str {
    match party {
        Party::PropertyCompany => "report-party-property-company",
        Party::ResidentsCommittee => "report-party-residents-committee",
        Party::StreetOffice => "report-party-street-office",
    }
}

pub fn state_label(state: ReportState) -> &'static str {
    match state {
        ReportState::Submitted => "report-state-submitted",
        ReportState::Accepted => "report-state-accepted",
        ReportState::InProgress => "report-state-in-progress",
        ReportState::Resolved => "report-state-resolved",
        ReportState::Confirmed => "report-state-confirmed",
        ReportState::Merged => "report-state-merged",
    }
}

/// The title of the OS notification for a case's news (its text is where the problem is).
pub fn news_title(news: ReportNews) -> &'static str {
    match news {
        ReportNews::New => "notify-report-new",
        ReportNews::Accepted => "notify-report-accepted",
        ReportNews::Resolved => "notify-report-resolved",
        ReportNews::Reopened => "notify-report-reopened",
        ReportNews::Confirmed => "notify-report-confirmed",
        ReportNews::Escalated => "notify-report-escalated",
        ReportNews::Reassigned => "notify-report-reassigned",
        ReportNews::Merged => "notify-report-merged",
    }
}

/// The party, with the handler pool within it when there is one: `物业公司（水电班）`.
pub fn party_text(party: Party, pool: Option<&str>) -> String {
    match pool {
        Some(pool) => t_args("report-party-pool", &[("party", t(party_label(party)).into()), ("pool", pool.to_owned().into())]),
        None => t(party_label(party)),
    }
}

/// A length of time cut for reading: minutes under an hour, hours and minutes up to two days
/// (a day to accept is "24 hours"), days and whole hours beyond.
fn duration_parts(minutes: i64) -> (i64, i64, i64) {
    let minutes = minutes.max(0);
    if minutes <= 48 * 60 {
        return (0, minutes / 60, minutes % 60);
    }
    let hours = (minutes + 30) / 60;
    (hours / 24, hours % 24, 0)
}

/// `2 小时 5 分钟` / `2 h 5 min` / `3 天`.
pub fn duration_text(minutes: i64) -> String {
    let (days, hours, minutes) = duration_parts(minutes);
    let parts = [("report-days", days), ("report-hours", hours), ("report-minutes", minutes)];
    let said: Vec<String> = parts.iter().filter(|(_, count)| *count > 0).map(|(id, count)| t_args(id, &[("count", (*count).into())])).collect();
    if said.is_empty() {
        t_args("report-minutes", &[("count", 0.into())])
    } else {
        said.join(" ")
    }
}

/// Where a category goes and how soon, in one sentence: "goes to the property company, to be
/// accepted within 24 hours".
pub fn route_text(route: &Route) -> String {
    t_args(
        "report-route",
        &[
            ("party", party_text(route.party, route.pool.as_deref()).into()),
            ("within", duration_text(i64::from(route.accept_within_minutes)).into()),
        ],
    )
}

/// A time in the community's zone, in the locale's words (tracked).
pub fn when_text(at: DateTime<Utc>) -> String {
    format_datetime(locale(), at, Session::get().utc_offset())
}

#[component]
pub fn StateTag(state: ReportState, #[prop(into)] id: String) -> impl IntoView {
    let class = match state {
        ReportState::Accepted | ReportState::InProgress | ReportState::Resolved => "tag pinned",
        _ => "tag",
    };
    view! { <span class=class id=id>{tr(state_label(state))}</span> }
}

/// What a list shows of a description: its first line, cut to a glance.
fn glance(description: &str) -> String {
    const GLANCE_CHARS: usize = 60;
    let first = description.lines().next().unwrap_or_default();
    if first.chars().count() > GLANCE_CHARS || description.lines().nth(1).is_some() {
        format!("{}…", first.chars().take(GLANCE_CHARS).collect::<String>())
    } else {
        first.to_owned()
    }
}

/// A case in a list: where (the link), what kind and its state, the start of what was said,
/// when, and how many neighbours said "me too". Handlers also see which party has it, by when
/// a waiting case must be accepted, and whether it went up a level because nobody did.
#[component]
pub fn ReportCard(report: ReportSummary, #[prop(optional)] for_handlers: bool, #[prop(default = None)] resident: Option<UserId>) -> impl IntoView {
    let ReportSummary { id, category, location, description, state, party, submitted_at, seconds, public, accept_by, escalations, .. } = report;
    view! {
        <li class="report-card" id=format!("report-{id}")>
            <h3 class="report-card-title"><a class="report-link" href=keep_for(&format!("/reports/{id}"), resident)>{location}</a></h3>
            <p class="topic-tags">
                <span class="tag">{tr(category_label(category))}</span>
                <StateTag state id=format!("report-state-{id}")/>
                {(!public).then(|| view! { <span class="tag">{tr("report-private-tag")}</span> })}
                {(for_handlers && escalations > 0).then(|| view! {
                    <span class="tag urgent" id=format!("report-escalated-{id}")>{tr("report-escalated-tag")}</span>
                })}
            </p>
            <p class="report-glance">{glance(&description)}</p>
            <p class="report-meta">
                <span>{move || t_args("report-reported-at", &[("when", when_text(submitted_at).into())])}</span>
                {for_handlers.then(|| view! { <span>{tr(party_label(party))}</span> })}
                {accept_by.filter(|_| for_handlers).map(|by| view! {
                    <span id=format!("report-accept-by-{id}")>{move || t_args("report-card-accept-by", &[("when", when_text(by).into())])}</span>
                })}
                {(seconds > 0).then(|| view! {
                    <span id=format!("report-seconds-{id}")>{move || t_args("report-seconds", &[("count", seconds.into())])}</span>
                })}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_ids_are_positive_numbers() {
        assert_eq!(parse_report_id(Some(" 7 ".into())), Some(ReportId(7)));
        for bad in ["0", "-1", "x", ""] {
            assert_eq!(parse_report_id(Some(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn residents_report_and_the_three_parties_handle() {
        assert!(reports_problems(Role::Resident) && !reports_problems(Role::Family) && !reports_problems(Role::Staff));
        for role in [Role::Property, Role::Staff, Role::Admin] {
            assert!(handles_reports(role) && follows_reports(role), "{role:?}");
        }
        assert!(!handles_reports(Role::Resident) && !follows_reports(Role::Merchant) && !follows_reports(Role::Family));
        assert!(sets_report_rules(Role::Staff) && sets_report_rules(Role::Admin) && !sets_report_rules(Role::Property));
    }

    #[test]
    fn lengths_of_time_are_cut_for_reading() {
        assert_eq!(duration_parts(45), (0, 0, 45));
        assert_eq!(duration_parts(125), (0, 2, 5));
        assert_eq!(duration_parts(24 * 60), (0, 24, 0), "a day to accept is 24 hours");
        assert_eq!(duration_parts(3 * 24 * 60 + 29), (3, 0, 0), "a few minutes more is still three days");
        assert_eq!(duration_parts(50 * 60 + 40), (2, 3, 0), "hours rounded beyond two days");
        assert_eq!(duration_parts(-5), (0, 0, 0));
    }

    #[test]
    fn a_list_shows_the_first_line_cut_to_a_glance() {
        assert_eq!(glance("井盖不见了"), "井盖不见了");
        assert_eq!(glance("第一行\n第二行"), "第一行…");
        assert_eq!(glance(&"长".repeat(80)).chars().count(), 61);
    }
}
