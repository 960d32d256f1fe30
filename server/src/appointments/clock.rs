//! What time does to bookings: the day-before and hour-before reminders; an unapproved
//! booking whose slot ended gives its place up; a confirmed one whose slot ended without a
//! check-in is a no-show. Each happens once (conditional updates); the clock (`crate::clock`)
//! looks every few seconds.

use chrono::{DateTime, Utc};
use linli_api::appointments::{BookingNews, BookingState, CaseEventKind};

use super::bookings::{step, Change};
use super::rules::{self, BookingStep};
use super::storage::{self, Reminder};
use super::{record, slots_changed, tell};
use crate::clock::{self, Pass};
use crate::error::AppResult;
use crate::state::AppState;

/// Sends the reminders that are due; returns how many.
pub async fn remind_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let due = {
        let mut conn = state.db.pool.acquire().await?;
        storage::reminders_due(&mut conn, now).await?
    };
    let mut sent = 0;
    for row in &due {
        if clock::row_done("reminding a resident of a booking", remind(state, row, now).await) == Some(true) {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Sends one booking's reminder that is due, once; true when this call sent it.
async fn remind(state: &AppState, row: &storage::BookingRow, now: DateTime<Utc>) -> AppResult<bool> {
    let (day_before, hour_before) = rules::reminder_times(row.starts_at, row.booked_at);
    let (reminder, news) = if hour_before <= now {
        (Reminder::HourBefore, BookingNews::HourBefore)
    } else if day_before.is_some_and(|at| at <= now) {
        (Reminder::DayBefore, BookingNews::DayBefore)
    } else {
        return Ok(false);
    };
    let mut tx = state.db.begin_write().await?;
    if !storage::mark_reminded(&mut tx, row.id, reminder, now).await? {
        return Ok(false);
    }
    // An hour before, the day-before reminder (if it never went) is past saying.
    if reminder == Reminder::HourBefore {
        storage::mark_reminded(&mut tx, row.id, Reminder::DayBefore, now).await?;
    }
    record(&mut tx, row.id, CaseEventKind::Reminded, None, "", now).await?;
    tx.commit().await?;
    tell(state, row, news);
    Ok(true)
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
            Err(error) => {
                clock::row_done::<()>("closing an ended booking", Err(error));
            }
        }
    }
    Ok(closed)
}

/// What time does to bookings, for the clock's runner.
pub fn passes() -> [Pass; 2] {
    [
        Pass { what: "reminding residents of bookings", run: |state| Box::pin(async move { remind_due(&state).await }) },
        Pass { what: "closing ended bookings", run: |state| Box::pin(async move { close_ended(&state).await }) },
    ]
}
