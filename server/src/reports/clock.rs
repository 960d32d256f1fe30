//! What time does to cases: one nobody accepted in time goes up a level (property company →
//! residents' committee → street office; at the top, staff are alerted again) with staff
//! alerted live, and a resolution the reporter left unanswered past the time to reopen is
//! confirmed. Each move is a conditional update from what the clock read, so a handler who
//! accepts at the same moment wins cleanly; the clock (`crate::clock`) looks every few seconds.

use chrono::{DateTime, Utc};
use linli_api::reports::{Party, ReportEventKind};

use super::rules::{self, Overdue};
use super::storage::{self, NewEvent, Placed, ReportRow, Waiting};
use super::{announce, Recipients};
use crate::clock::{self, Pass};
use crate::error::AppResult;
use crate::state::AppState;

/// A line of the record written by the clock.
fn by_the_clock(row: &ReportRow, kind: ReportEventKind, party: Option<Party>, at: DateTime<Utc>) -> NewEvent<'static> {
    NewEvent { report: row.id, kind, actor: None, actor_name: "", detail: "", party, at }
}

/// Escalates one case if it is still waiting past its time; true when it moved.
async fn escalate(state: &AppState, waiting: Waiting) -> AppResult<bool> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(row) = storage::report(&mut tx, waiting.community, waiting.id).await? else { return Ok(false) };
    let Some(overdue) = rules::overdue(row.state, row.party, row.routed_at, row.accept_within_minutes, now) else { return Ok(false) };
    // At the top there is nowhere to go: the case stays, staff are alerted again, and its
    // clock starts anew so they are not alerted on every tick.
    let to = match overdue {
        Overdue::Up(party) => party,
        Overdue::AtTop => row.party,
    };
    if !storage::send_to(&mut tx, row.id, Placed::of(&row), to, None, true, now).await? {
        return Ok(false);
    }
    storage::record(&mut tx, &by_the_clock(&row, ReportEventKind::Escalated, Some(to), now), &[]).await?;
    let Some(after) = storage::report(&mut tx, waiting.community, waiting.id).await? else { return Ok(false) };
    let followers = storage::followers(&mut tx, row.id).await?;
    tx.commit().await?;
    announce(state, &after, ReportEventKind::Escalated, &Recipients { reporter: row.reporter, handler: None, followers });
    Ok(true)
}

/// Escalates every case nobody accepted in time; returns how many went up.
pub async fn escalate_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let due = |after, limit| async move {
        let mut conn = state.db.pool.acquire().await?;
        Ok(storage::overdue(&mut conn, now, after, limit).await?)
    };
    clock::each_due("escalating a case", due, |waiting: &Waiting| waiting.resume, |waiting| escalate(state, waiting)).await
}

/// Confirms one resolution its reporter left unanswered past the time to reopen.
async fn confirm(state: &AppState, waiting: Waiting) -> AppResult<bool> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(row) = storage::report(&mut tx, waiting.community, waiting.id).await? else { return Ok(false) };
    let Some(resolved_at) = row.resolved_at else { return Ok(false) };
    let reopen_days = storage::reopen_days_of(&mut tx, waiting.community).await?;
    if !rules::confirms_itself(row.state, resolved_at, reopen_days, now) || !storage::confirm(&mut tx, row.id, resolved_at, None, now).await? {
        return Ok(false);
    }
    storage::record(&mut tx, &by_the_clock(&row, ReportEventKind::AutoConfirmed, None, now), &[]).await?;
    let Some(after) = storage::report(&mut tx, waiting.community, waiting.id).await? else { return Ok(false) };
    tx.commit().await?;
    announce(state, &after, ReportEventKind::AutoConfirmed, &Recipients { reporter: row.reporter, handler: row.handler, followers: Vec::new() });
    Ok(true)
}

/// Confirms every resolution left unanswered past its time to reopen; returns how many.
pub async fn confirm_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let due = |after, limit| async move {
        let mut conn = state.db.pool.acquire().await?;
        Ok(storage::unanswered(&mut conn, now, after, limit).await?)
    };
    clock::each_due("confirming a resolution", due, |waiting: &Waiting| waiting.resume, |waiting| confirm(state, waiting)).await
}

/// What time does to cases, for the clock's runner.
pub fn passes() -> [Pass; 2] {
    [
        Pass { what: "escalating cases nobody accepted", run: |state| Box::pin(async move { escalate_due(&state).await }) },
        Pass { what: "confirming unanswered resolutions", run: |state| Box::pin(async move { confirm_due(&state).await }) },
    ]
}
