//! `/reports`: a resident's way in. The big "report a problem" button first (in thumb reach
//! at the top of a short screen), then one of two lists: the cases I reported, or the
//! neighbourhood's public cases with their "me too" counts (`?show=neighbourhood`), each a
//! link to the case. Those who handle cases find their list here, and everyone the month's
//! figures. A family member acting for a resident (`?for=`) finds the button and the
//! resident's own cases. The lists follow every change live.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use linli_api::ids::UserId;
use linli_api::paging::PageQuery;
use linli_api::reports::{ReportScope, ReportSummary};

use super::handling::Standing;
use super::{handles_reports, reports_problems, ReportCard};
use crate::i18n::tr;
use crate::layout::icons::{self, icon};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::layout::{ErrorBox, Guarded, ListPage, Loading, MoreButton, Page, PageState, Pages};
use crate::session::{is_member, Session};

/// The query value of the neighbourhood's list.
const NEIGHBOURHOOD: &str = "neighbourhood";

#[component]
pub fn ReportsPage() -> impl IntoView {
    let resident = acting_for();
    match resident {
        Some(resident) => view! {
            <Page back=format!("/family/for/{resident}") title="reports-title">
                <Guarded>
                    <ActingBanner resident/>
                    <TheirReports resident/>
                </Guarded>
            </Page>
        }
        .into_any(),
        None => view! {
            <Page back="/" title="reports-title">
                <Guarded allow=is_member>
                    <Hub/>
                </Guarded>
            </Page>
        }
        .into_any(),
    }
}

/// A list of `scope`'s cases (the resident's, when acting for one), a page at a time: its
/// first page loads now and again whenever a case changes; `more` loads the next.
#[derive(Clone, Copy)]
pub struct LiveCases {
    pub pages: Pages<ReportSummary>,
    pub more: Callback<()>,
}

pub fn live_reports(session: Session, scope: ReportScope, resident: Option<UserId>) -> LiveCases {
    let pages: Pages<ReportSummary> = Pages::new();
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |_, after| {
            let client = session.client_for(resident);
            async move {
                let page = client.reports(scope, &PageQuery::after(after.as_deref(), None)).await?;
                // The handling list counts the cases waiting to be accepted as its total.
                Ok(ListPage { items: page.reports, next: page.next_after, total: page.waiting })
            }
        })
    };
    load(true);
    session.live.reload_on_any(session.live.report_changed, move || load(true));
    LiveCases { pages, more: Callback::new(move |_| load(false)) }
}

/// The cases loaded so far as cards (or the sentence that says there are none), and the
/// "more" button while there are more.
#[component]
pub fn PagedCases(
    cases: LiveCases,
    /// Which of the loaded cases to show (none: all).
    #[prop(optional)]
    keep: Option<Signal<Option<Standing>>>,
    id: &'static str,
    empty: &'static str,
    #[prop(optional)] for_handlers: bool,
    #[prop(default = None)] resident: Option<UserId>,
) -> impl IntoView {
    let LiveCases { pages, more } = cases;
    let shown = move || {
        let standing = keep.and_then(|keep| keep.get());
        pages.items.with(|items| items.iter().filter(|case| standing.is_none_or(|s| Standing::of(case.state) == s)).cloned().collect::<Vec<_>>())
    };
    view! {
        {move || (pages.loading() && pages.items.with(Vec::is_empty)).then(|| view! { <Loading/> })}
        {move || pages.failed().map(|code| view! { <ErrorBox code retry=more/> })}
        {move || (pages.state.get() == PageState::Loaded || !pages.items.with(Vec::is_empty))
            .then(|| view! { <CaseCards cases=shown() id empty for_handlers resident/> })}
        <MoreButton id="more-reports" label="reports-more" shown=Signal::derive(move || pages.has_more()) more/>
    }
}

/// For a family member: report a problem for the resident, and the resident's cases.
#[component]
fn TheirReports(resident: UserId) -> impl IntoView {
    view! {
        <a class="button primary big" id="report-new-link" href=keep_for("/reports/new", Some(resident))>
            {icon(icons::REPORT)}<span>{tr("report-new-title")}</span>
        </a>
        <CaseList scope=ReportScope::Mine id="reports-mine" heading="reports-their-heading" empty="reports-their-none" resident/>
    }
}

#[component]
fn Hub() -> impl IntoView {
    let session = Session::get();
    let role = session.me().map(|me| me.role);
    let reports = role.is_some_and(reports_problems);
    let query = use_query_map();
    // Those who do not report have no list of their own: the neighbourhood's is theirs.
    let neighbourhood = Memo::new(move |_| !reports || query.read().get("show").as_deref() == Some(NEIGHBOURHOOD));
    view! {
        <p class="summary">{tr(if reports { "reports-intro" } else { "reports-intro-handler" })}</p>
        {reports.then(|| view! {
            <a class="button primary big" id="report-new-link" href="/reports/new">{icon(icons::REPORT)}<span>{tr("report-new-title")}</span></a>
        })}
        <nav class="report-links" aria-label=tr("reports-links-label")>
            {role.filter(|role| handles_reports(*role)).map(|_| view! {
                <a class="button primary" id="report-handling-link" href="/reports/handling">{tr("report-handling-title")}</a>
            })}
            <a class="button" id="report-figures-link" href="/reports/figures">{tr("report-figures-title")}</a>
        </nav>
        {reports.then(|| view! { <Views neighbourhood/> })}
        {move || if neighbourhood.get() {
            view! { <CaseList scope=ReportScope::Public id="reports-public" heading="reports-public-heading" empty="reports-public-none"/> }.into_any()
        } else {
            view! { <CaseList scope=ReportScope::Mine id="reports-mine" heading="reports-mine-heading" empty="reports-mine-none"/> }.into_any()
        }}
    }
}

/// Mine or the neighbourhood's: two big links, the current one marked (in words for screen
/// readers through `aria-current`, and filled for the eye).
#[component]
fn Views(neighbourhood: Memo<bool>) -> impl IntoView {
    let current = move |this: bool| move || (neighbourhood.get() == this).then_some("page");
    view! {
        <nav class="report-views" aria-label=tr("reports-views-label")>
            <a class="button" id="reports-view-mine" href="/reports" aria-current=current(false)>{tr("reports-mine-heading")}</a>
            <a class="button" id="reports-view-public" href=format!("/reports?show={NEIGHBOURHOOD}") aria-current=current(true)>
                {tr("reports-public-heading")}
            </a>
        </nav>
    }
}

#[component]
fn CaseList(
    scope: ReportScope,
    id: &'static str,
    heading: &'static str,
    empty: &'static str,
    #[prop(optional)] resident: Option<UserId>,
) -> impl IntoView {
    let session = Session::get();
    let cases = live_reports(session, scope, resident);
    view! {
        <section aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{tr(heading)}</h2>
            <PagedCases cases id empty resident/>
        </section>
    }
}

/// Cases as cards, or the sentence that says there are none.
#[component]
pub fn CaseCards(
    cases: Vec<ReportSummary>,
    id: &'static str,
    empty: &'static str,
    /// Handlers see which party has each case.
    #[prop(optional)]
    for_handlers: bool,
    /// The resident a family member acts for, whose cases these are.
    #[prop(default = None)]
    resident: Option<UserId>,
) -> impl IntoView {
    if cases.is_empty() {
        return view! { <p class="empty" id=format!("{id}-none")>{tr(empty)}</p> }.into_any();
    }
    view! {
        <ul id=id class="report-list">{cases.into_iter().map(|report| view! { <ReportCard report for_handlers resident/> }).collect_view()}</ul>
    }
    .into_any()
}
