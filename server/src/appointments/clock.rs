//! What time does to bookings: the day-before and hour-before reminders; an unapproved
//! booking whose slot ended gives its place up; a confirmed one whose slot ended without a
//! check-in is a no-show. Each happens once (conditional updates); the worker looks every
//! few seconds.

use std::time::Duration;

use chrono::Duration as Span;
use linli_api::appointments::{BookingNews, BookingState, CaseEventKind};

use super::bookings::{step, Change};
use super::rules::{self, BookingStep};
use super::storage::{self, Reminder};
use super::{record, slots_changed, tell};
use crate::error::AppResult;
use crate::state::AppState;

const TICK: Duration = Duration::from_secs(5);

/// Sends the reminders that are due; returns how many.
pub async fn remind_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let soon = {
        let mut conn = state.db.pool.acquire().await?;
        storage::bookings_due(&mut conn, &[BookingState::Confirmed], "starts_at", now + Span::days(1)).await?
    };
    let mut sent = 0;
    for row in soon.into_iter().filter(|row| row.starts_at > now) {
        let (day_before, hour_before) = rules::reminder_times(row.starts_at, row.booked_at);
        let reminder = if hour_before <= now {
            Some((Reminder::HourBefore, BookingNews::HourBefore))
        } else if day_before.is_some_and(|at| at <= now) {
            Some((Reminder::DayBefore, BookingNews::DayBefore))
        } else {
            None
        };
        let Some((reminder, news)) = reminder else { continue };
        let mut tx = state.db.begin_write().await?;
        if !storage::mark_reminded(&mut tx, row.id, reminder, now).await? {
            continue;
        }
        // An hour before, the day-before reminder (if it never went) is past saying.
        if reminder == Reminder::HourBefore {
            storage::mark_reminded(&mut tx, row.id, Reminder::DayBefore, now).await?;
        }
        record(&mut tx, row.id, CaseEventKind::Reminded, None, "", now).await?;
        tx.commit().await?;
        tell(state, &row, news);
        sent += 1;
    }
    Ok(sent)
}

/// Closes the bookings whose slot ended: unapproved ones give their place up, confirmed
/// ones that never checked in are no-shows. Returns how many.
pub async fn close_ended(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let ended = {
        let mut conn = state.db.pool.acquire().await?;
        storage::bookings_due(&mut conn, &[BookingState::Pending, BookingState::Confirmed], "ends_at", now).await?
    };
    let mut closed = 0;
    for row in &ended {
        let (how, kind) = match row.state {
            BookingState::Pending => (BookingStep::Lapse, CaseEventKind::Cancelled),
            _ => (BookingStep::MissSlot, CaseEventKind::NoShow),
        };
        let mut tx = state.db.begin_write().await?;
        match step(&mut tx, row, how, Change { kind, by: None, reason: None, detail: "" }, now).await {
            Ok(_) => {
                tx.commit().await?;
                slots_changed(state, row.community, row.service);
                closed += 1;
            }
            // Moved on meanwhile (checked in at the last moment): nothing to do.
            Err(crate::error::AppError::BookingChanged) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(closed)
}

/// Runs until the task is aborted (at shutdown).
pub async fn run(state: AppState) {
    let mut ticks = tokio::time::interval(TICK);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = remind_due(&state).await {
            tracing::warn!(%error, "reminding residents of bookings failed; trying again shortly");
        }
        if let Err(error) = close_ended(&state).await {
            tracing::warn!(%error, "closing ended bookings failed; trying again shortly");
        }
    }
}
