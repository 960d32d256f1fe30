//! What time does to claims: the volunteer is reminded before a claim runs out, and a claim
//! that ran out sends the wish back to the board. Each happens once (conditional updates);
//! the clock (`crate::clock`) makes these passes every few seconds.

use chrono::Duration as Span;
use linli_api::wishes::{WishEventKind, WishNews, WishState};

use super::rules;
use super::storage::{self, ClaimOutcome, NewEvent, RunningClaim, StateChange};
use crate::clock::{self, Pass};
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::state::AppState;

/// Reminds every volunteer whose reminder is due; returns how many were reminded.
pub async fn remind_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    // No reminder comes earlier than a day before the end.
    let soon = |after, limit| async move {
        let mut conn = state.db.pool.acquire().await?;
        Ok(storage::running_claims(&mut conn, now + Span::days(1), true, after, limit).await?)
    };
    // Read in batches past those not due yet, so that they never hold up the later ones.
    clock::each_due("reminding a volunteer", soon, RunningClaim::resume, |claim| async move {
        if rules::reminder_at(claim.claimed_at, claim.expires_at) > now {
            return Ok(false);
        }
        remind(state, &claim, now).await
    })
    .await
}

/// Reminds one volunteer, once; true when this call did.
async fn remind(state: &AppState, claim: &RunningClaim, now: chrono::DateTime<chrono::Utc>) -> AppResult<bool> {
    let mut tx = state.db.begin_write().await?;
    if !storage::mark_reminded(&mut tx, claim.claim, now).await? {
        return Ok(false);
    }
    let Some(row) = storage::wish(&mut tx, claim.community, claim.wish).await? else { return Ok(false) };
    storage::record(&mut tx, &NewEvent { wish: claim.wish, kind: WishEventKind::Reminded, actor: None, actor_name: "", detail: "", at: now }).await?;
    tx.commit().await?;
    let event = linli_api::events::Event::WishNews { wish_id: row.id, what: row.what.clone(), news: WishNews::ClaimEndingSoon };
    state.events.publish(claim.community, Audience::Person(claim.claimer), event);
    Ok(true)
}

/// Ends one claim that ran out, if it is still running; the wish goes back to the board.
async fn expire(state: &AppState, claim: &RunningClaim) -> AppResult<bool> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(row) = storage::wish(&mut tx, claim.community, claim.wish).await? else { return Ok(false) };
    let still_running = row.claim.as_ref().is_some_and(|live| live.id == claim.claim && !rules::claim_is_live(live.expires_at, now));
    if row.state != WishState::Claimed || !still_running {
        return Ok(false);
    }
    if !storage::move_state(&mut tx, row.id, WishState::Claimed, WishState::Open, &StateChange::default()).await? {
        return Ok(false);
    }
    storage::end_claim(&mut tx, row.id, ClaimOutcome::Expired, now).await?;
    storage::record(&mut tx, &NewEvent { wish: row.id, kind: WishEventKind::Expired, actor: None, actor_name: "", detail: "", at: now }).await?;
    let after = storage::wish(&mut tx, claim.community, claim.wish).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    super::announce(state, &after, true, (Some(WishNews::BackOnBoard), Some(WishNews::ClaimExpired)), Some(claim.claimer));
    Ok(true)
}

/// Ends every claim that ran out; returns how many.
pub async fn expire_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let due = |after, limit| async move {
        let mut conn = state.db.pool.acquire().await?;
        Ok(storage::running_claims(&mut conn, now, false, after, limit).await?)
    };
    clock::each_due("ending a claim that ran out", due, RunningClaim::resume, |claim| async move { expire(state, &claim).await }).await
}

/// What time does to claims, for the clock's runner.
pub fn passes() -> [Pass; 2] {
    [
        Pass { what: "reminding volunteers", run: |state| Box::pin(async move { remind_due(&state).await }) },
        Pass { what: "ending claims that ran out", run: |state| Box::pin(async move { expire_due(&state).await }) },
    ]
}
