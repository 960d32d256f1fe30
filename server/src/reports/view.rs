//! What each viewer sees of a case: neighbours never learn who reported a public case; the
//! reporter's phone is for those who have to call them.

use linli_api::ids::UserId;
use linli_api::reports::{Report, ReportEvent, ReportState, ReportSummary};
use sqlx::AnyConnection;

use super::rules::{self, Viewer};
use super::storage::{self, ReportRow};

pub fn summary(row: &ReportRow) -> ReportSummary {
    ReportSummary {
        id: row.id,
        category: row.category,
        location: row.location.clone(),
        description: row.description.clone(),
        public: row.public,
        state: row.state,
        party: row.party,
        submitted_at: row.submitted_at,
        seconds: row.seconds,
        photo: row.first_photo,
        accept_by: (row.state == ReportState::Submitted).then(|| rules::accept_by(row.routed_at, row.accept_within_minutes)),
        escalations: row.escalations,
    }
}

pub async fn detail(conn: &mut AnyConnection, row: &ReportRow, viewer: Viewer, user: UserId, reopen_days: u32) -> Result<Report, sqlx::Error> {
    let sees_reporter = viewer.sees_reporter();
    let seconded = storage::has_seconded(&mut *conn, row.id, user).await?;
    Ok(Report {
        summary: summary(row),
        photos: storage::photos(&mut *conn, row.id).await?,
        reporter: sees_reporter.then(|| row.reporter_name.clone()),
        reporter_phone: (viewer.handler || viewer.in_charge || viewer.staff).then(|| row.reporter_phone.clone()),
        pool: row.pool.clone(),
        handler: row.handler_name.clone(),
        reopen_until: row.resolved_at.filter(|_| row.state == ReportState::Resolved).map(|at| rules::reopen_until(at, reopen_days)),
        merged_into: row.merged_into,
        stars: row.stars,
        comment: row.comment.clone(),
        seconded,
        actions: rules::actions(row.state, viewer),
        may_second: viewer.may_second(row.public, row.state) && !seconded,
        history: record(storage::history(conn, row.id).await?, sees_reporter),
    })
}

/// The case's record for a viewer: those who may not know who reported it are not told who
/// took the reporter's steps.
fn record(mut history: Vec<ReportEvent>, sees_reporter: bool) -> Vec<ReportEvent> {
    if !sees_reporter {
        for event in history.iter_mut().filter(|event| rules::by_reporter(event.kind)) {
            event.actor.clear();
        }
    }
    history
}
