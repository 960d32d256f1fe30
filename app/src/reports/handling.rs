//! `/reports/handling`: the cases of the caller's party (staff and the street office: every
//! case), those waiting to be accepted first, then the work under way, oldest first, as the
//! server orders them; filtered by where they stand. Each card leads to the case, where it is
//! accepted and handled. The list follows every change live; staff find the routing here.

use leptos::prelude::*;
use linli_api::reports::{ReportScope, ReportState};

use super::hub::{live_reports, PagedCases};
use super::{handles_reports, sets_report_rules};
use crate::i18n::{t_args, tr};
use crate::layout::{Guarded, Page};
use crate::session::Session;

#[component]
pub fn HandlingPage() -> impl IntoView {
    view! {
        <Page back="/reports" title="report-handling-title">
            <Guarded allow=handles_reports>
                <Handling/>
            </Guarded>
        </Page>
    }
}

/// Where a case stands, as the filter groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Waiting,
    UnderWay,
    Resolved,
    Closed,
}

impl Standing {
    const ALL: [Standing; 4] = [Standing::Waiting, Standing::UnderWay, Standing::Resolved, Standing::Closed];

    pub fn of(state: ReportState) -> Standing {
        match state {
            ReportState::Submitted => Standing::Waiting,
            ReportState::Accepted | ReportState::InProgress => Standing::UnderWay,
            ReportState::Resolved => Standing::Resolved,
            ReportState::Confirmed | ReportState::Merged => Standing::Closed,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Standing::Waiting => "waiting",
            Standing::UnderWay => "under-way",
            Standing::Resolved => "resolved",
            Standing::Closed => "closed",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Standing::Waiting => "report-filter-waiting",
            Standing::UnderWay => "report-filter-under-way",
            Standing::Resolved => "report-filter-resolved",
            Standing::Closed => "report-filter-closed",
        }
    }

    fn parse(raw: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|standing| standing.key() == raw)
    }
}

#[component]
fn Handling() -> impl IntoView {
    let session = Session::get();
    let staff = session.me().is_some_and(|me| sets_report_rules(me.role));
    let cases = live_reports(session, ReportScope::Handling, None);
    let standing = RwSignal::new(None::<Standing>);
    // Counted by the server over the whole list, not only the pages loaded.
    let waiting = move || cases.pages.total.get();
    view! {
        <p class="summary">{tr(if staff { "report-handling-intro-staff" } else { "report-handling-intro" })}</p>
        {staff.then(|| view! {
            <p class="staff-links"><a class="button" id="report-rules-link" href="/reports/rules">{tr("report-rules-title")}</a></p>
        })}
        <p class="callout" id="report-waiting-count" role="status">
            {move || waiting().map(|count| t_args("report-waiting-count", &[("count", count.into())]))}
        </p>
        <div class="field">
            <label for="report-filter">{tr("report-filter")}</label>
            <select id="report-filter" on:change=move |ev| standing.set(Standing::parse(&event_target_value(&ev)))>
                <option value="">{tr("report-filter-all")}</option>
                {Standing::ALL.into_iter().map(|s| view! { <option value=s.key()>{tr(s.label())}</option> }).collect_view()}
            </select>
        </div>
        <PagedCases cases keep=Signal::derive(move || standing.get()) id="report-handling-list" empty="report-handling-none" for_handlers=true/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_groups_the_states_as_handlers_see_them() {
        let groups: Vec<_> = ReportState::ALL.into_iter().map(Standing::of).collect();
        use Standing::*;
        assert_eq!(groups, [Waiting, UnderWay, UnderWay, Resolved, Closed, Closed]);
        for standing in Standing::ALL {
            assert_eq!(Standing::parse(standing.key()), Some(standing));
        }
        assert_eq!(Standing::parse(""), None);
    }
}
