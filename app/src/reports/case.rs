//! `/reports/:id`: one case as the reader may see it, read aloud on request. Where and what,
//! its kind and state, the photos; who has it (the party and its pool, the handler), by when
//! it must be accepted while it waits, how often it went up a level, until when it may be
//! reopened once resolved, the case it was merged into, the rating; the reporter and their
//! phone for those who have to call them; how many neighbours said "me too"; what the reader
//! may do now (`steps.rs`, `staff_steps.rs`); and the record, step by step.
//!
//! The page follows the case live. It is drawn again only when the case itself moved on
//! (a neighbour's "me too" only changes the count), so a note being typed stays.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::ids::{ReportId, UserId};
use linli_api::reports::{Report, ReportEvent, ReportEventKind};
use linli_api::{Client, ErrorCode};

use super::steps::{MeToo, Steps};
use super::{category_label, handles_reports, parse_report_id, party_label, party_text, state_label, when_text, StateTag};
use crate::hall::images::Photos;
use crate::help::tel_href;
use crate::i18n::{t, t_args, tr};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::layout::{load_into, ErrorBox, Guarded, HistoryItem, HistoryList, Loaded, Loading, Page, StarsShown};
use crate::native;
use crate::session::{is_member, Auth, Session};
use crate::speech::{reading_text, ReadAloud};

#[component]
pub fn ReportPage() -> impl IntoView {
    let session = Session::get();
    let id = parse_report_id(use_params_map().read_untracked().get("id"));
    let resident = acting_for();
    // Handlers come here from their list; residents (and family acting for one) from theirs.
    let handler = session.auth.with_untracked(|auth| matches!(auth, Auth::SignedIn(me) if handles_reports(me.role)));
    let allow: fn(linli_api::auth::Role) -> bool = if resident.is_some() { |_| true } else { is_member };
    view! {
        <Page back=if handler { "/reports/handling".to_owned() } else { keep_for("/reports", resident) }>
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                {match id {
                    Some(id) => view! { <OneCase id resident/> }.into_any(),
                    None => view! { <h1>{tr("reports-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

/// The case on screen, shared by its parts, and the resident it is shown for when a family
/// member acts for them.
#[derive(Clone, Copy)]
pub struct Shown {
    report: Loaded<Report>,
    resident: Option<UserId>,
}

impl Shown {
    /// A part of the case as last loaded (tracked); `None` while there is none.
    pub fn with<T>(&self, part: impl FnOnce(&Report) -> T) -> Option<T> {
        self.report.with(|report| report.as_ref().and_then(|report| report.as_ref().ok()).map(part))
    }

    /// A step's answer becomes the case on screen, and the focus goes to its heading.
    pub fn replace(&self, report: Report) {
        self.report.try_set(Some(Ok(report)));
        request_animation_frame(|| native::focus("article#report h1"));
    }

    /// The client for the case's steps: the reader's own, or acting for the resident.
    pub fn client(&self, session: Session) -> Client {
        session.client_for(self.resident)
    }
}

/// The case as far as drawing the page goes: all of it but the "me too" count.
fn shape(report: &Report) -> Report {
    let mut shape = report.clone();
    shape.summary.seconds = 0;
    shape
}

#[component]
fn OneCase(id: ReportId, resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let report: Loaded<Report> = RwSignal::new(None);
    let retry = Callback::new(move |_| {
        let client = session.client_for(resident);
        load_into(session, report, async move { client.problem_report(id).await });
    });
    retry.run(());
    session.live.reload_on(session.live.report_changed, id, move || retry.run(()));
    let drawn = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.as_ref().map(shape).map_err(|code| *code))));
    move || match drawn.get() {
        None => view! { <h1>{tr("reports-title")}</h1><Loading/> }.into_any(),
        Some(Err(code)) => view! { <h1>{tr("reports-title")}</h1><ErrorBox code retry/> }.into_any(),
        Some(Ok(case)) => view! { <CaseView case shown=Shown { report, resident }/> }.into_any(),
    }
}

#[component]
fn CaseView(case: Report, shown: Shown) -> impl IntoView {
    let summary = case.summary.clone();
    let id = summary.id;
    let reading = {
        let (location, description, category, state) = (summary.location.clone(), summary.description.clone(), summary.category, summary.state);
        Signal::derive(move || reading_text(&[&location, &t(category_label(category)), &t(state_label(state)), &description]))
    };
    view! {
        <article id="report" data-report-id=id.to_string() data-state=summary.state.as_str()>
            <h1 tabindex="-1">{summary.location.clone()}</h1>
            <ReadAloud text=reading/>
            <p class="topic-tags">
                <span class="tag" id="report-category">{tr(category_label(summary.category))}</span>
                <StateTag state=summary.state id="report-state"/>
                <span class="tag">{tr(if summary.public { "report-public-tag" } else { "report-private-tag" })}</span>
            </p>
            <p class="report-description" id="report-description">{summary.description.clone()}</p>
            <Photos ids=case.photos.clone()/>
            <Facts case=case.clone()/>
            <Clocks case=case.clone() resident=shown.resident/>
            {case.stars.map(|stars| view! {
                <section class="report-section" id="report-rating" aria-labelledby="report-rating-heading">
                    <h2 id="report-rating-heading">{tr("report-rating-heading")}</h2>
                    <StarsShown stars/>
                    {case.comment.clone().filter(|comment| !comment.is_empty()).map(|comment| view! {
                        <p id="rating-comment" class="rating-comment">{comment}</p>
                    })}
                </section>
            })}
            <MeToo case=case.clone() shown/>
            <Steps case=case.clone() shown/>
            <Record history=case.history.clone()/>
        </article>
    }
}

/// Who has the case, who handles it, who reported it (and their phone, for those who call).
#[component]
fn Facts(case: Report) -> impl IntoView {
    let Report { summary, pool, handler, reporter, reporter_phone, .. } = case;
    let (party, submitted_at) = (summary.party, summary.submitted_at);
    view! {
        <dl class="report-facts">
            <div class="report-fact">
                <dt>{tr("report-fact-party")}</dt>
                <dd id="report-party">{move || party_text(party, pool.as_deref())}</dd>
            </div>
            {handler.map(|handler| view! {
                <div class="report-fact"><dt>{tr("report-fact-handler")}</dt><dd id="report-handler">{handler}</dd></div>
            })}
            {reporter.map(|reporter| view! {
                <div class="report-fact"><dt>{tr("report-fact-reporter")}</dt><dd id="report-reporter">{reporter}</dd></div>
            })}
            <div class="report-fact">
                <dt>{tr("report-fact-reported-at")}</dt>
                <dd><time datetime=submitted_at.to_rfc3339()>{move || when_text(submitted_at)}</time></dd>
            </div>
        </dl>
        {reporter_phone.map(|phone| {
            let href = tel_href(&phone);
            view! {
                <a class="button call" id="report-reporter-phone" href=href>
                    {move || t_args("report-reporter-call", &[("phone", phone.clone().into())])}
                </a>
            }
        })}
    }
}

/// The case's clocks and where it went: accept by, went up a level, reopen until, merged.
#[component]
fn Clocks(case: Report, resident: Option<UserId>) -> impl IntoView {
    let Report { summary, reopen_until, merged_into, .. } = case;
    let (accept_by, escalations) = (summary.accept_by, summary.escalations);
    let overdue = accept_by.is_some_and(|by| by <= native::now());
    view! {
        {accept_by.map(|by| view! {
            <p class="callout" id="report-accept-by">
                {move || t_args(if overdue { "report-accept-overdue" } else { "report-accept-by" }, &[("when", when_text(by).into())])}
            </p>
        })}
        {(escalations > 0).then(|| view! {
            <p class="callout urgent" id="report-escalations">{move || t_args("report-escalations", &[("count", escalations.into())])}</p>
        })}
        {reopen_until.map(|until| view! {
            <p class="hint" id="report-reopen-until">{move || t_args("report-reopen-until", &[("when", when_text(until).into())])}</p>
        })}
        {merged_into.map(|into| view! {
            <p class="callout" id="report-merged">
                {tr("report-merged-text")}" "
                <a id="report-merged-into" href=keep_for(&format!("/reports/{into}"), resident)>{move || t_args("report-merged-link", &[("id", into.0.into())])}</a>
            </p>
        })}
    }
}

/// One step of the record in words: who did what (the clock's steps name no one), where it
/// went, and the note or reason it came with.
fn event_text(event: &ReportEvent) -> String {
    let id = match event.kind {
        ReportEventKind::Submitted => "report-event-submitted",
        ReportEventKind::Accepted => "report-event-accepted",
        ReportEventKind::Started => "report-event-started",
        ReportEventKind::Resolved => "report-event-resolved",
        ReportEventKind::Confirmed => "report-event-confirmed",
        ReportEventKind::Reopened => "report-event-reopened",
        ReportEventKind::Reassigned => "report-event-reassigned",
        ReportEventKind::Merged => "report-event-merged",
        ReportEventKind::Escalated => "report-event-escalated",
        ReportEventKind::AutoConfirmed => "report-event-auto-confirmed",
    };
    // Neighbours are not told who reported a public case: its reporter is "a resident".
    let actor = if event.actor.is_empty() { t("report-a-resident") } else { event.actor.clone() };
    let party = event.party.map(|party| t(party_label(party))).unwrap_or_default();
    let said = t_args(id, &[("actor", actor.into()), ("party", party.into())]);
    if event.detail.is_empty() {
        said
    } else {
        t_args("report-event-with-detail", &[("event", said.into()), ("detail", event.detail.clone().into())])
    }
}

/// The handling record, oldest first, each step with its time and the handler's photos.
#[component]
fn Record(history: Vec<ReportEvent>) -> impl IntoView {
    (!history.is_empty()).then(|| view! {
        <HistoryList id="report-record" heading="report-record-heading">
            {history.into_iter().map(|event| {
                let (at, kind, photos) = (event.at, event.kind.as_str(), event.photos.clone());
                view! {
                    <HistoryItem kind at text=Signal::derive(move || event_text(&event))>
                        <Photos ids=photos/>
                    </HistoryItem>
                }
            }).collect_view()}
        </HistoryList>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_of_the_record_has_words() {
        for kind in ReportEventKind::ALL {
            for actor in ["", "张经理（物业）"] {
                let event = ReportEvent { kind, actor: actor.into(), detail: String::new(), party: None, photos: vec![], at: chrono::Utc::now() };
                let text = event_text(&event);
                assert!(!text.starts_with("report-event-") && !text.contains('{'), "{kind:?} by {actor:?}: {text}");
            }
        }
    }

    #[test]
    fn a_me_too_does_not_redraw_the_page() {
        let submitted_at = chrono::Utc::now();
        let report = |seconds| Report {
            summary: linli_api::reports::ReportSummary {
                id: ReportId(1),
                category: linli_api::reports::ReportCategory::Safety,
                location: "东门".into(),
                description: "井盖不见了".into(),
                public: true,
                state: linli_api::reports::ReportState::Submitted,
                party: linli_api::reports::Party::ResidentsCommittee,
                submitted_at,
                seconds,
                photo: None,
                accept_by: None,
                escalations: 0,
            },
            photos: vec![],
            reporter: None,
            reporter_phone: None,
            pool: None,
            handler: None,
            reopen_until: None,
            merged_into: None,
            stars: None,
            comment: None,
            seconded: false,
            actions: vec![],
            may_second: true,
            history: vec![],
        };
        assert_eq!(shape(&report(1)), shape(&report(5)));
    }
}
