//! At the cut-off a campaign is decided: it forms (成团) if enough households ordered,
//! otherwise it is cancelled; a withdrawn one is decided at once. Deciding records the
//! outcome exactly once (a conditional update) and tells every buyer.
//!
//! The phase everyone sees already follows from the clock, so a late worker changes only
//! when the buyers hear of it. The worker looks every few seconds; ending orders early or
//! withdrawing decides at once.

use linli_api::events::Event;
use linli_api::ids::{CampaignId, CommunityId};

use super::campaigns::phase_of;
use super::rules;
use super::storage;
use crate::community::storage::people_of;
use crate::clock::{self, Pass};
use crate::error::AppResult;
use crate::events::Audience;
use crate::state::AppState;

/// Decides the campaign if its time has come and nobody has yet; tells its buyers.
pub async fn decide(state: &AppState, community: CommunityId, id: CampaignId) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(row) = storage::campaign(&mut tx, community, id).await? else { return Ok(()) };
    if row.outcome.is_some() {
        return Ok(());
    }
    let orders = storage::standing_orders(&mut tx, id).await?;
    let phase = phase_of(&row, orders.len() as i64, now);
    let Some(outcome) = rules::outcome_of(phase) else { return Ok(()) };
    if !storage::decide(&mut tx, id, outcome, now).await? {
        return Ok(());
    }
    tx.commit().await?;
    let households: Vec<_> = orders.iter().map(|order| order.household).collect();
    let mut conn = state.db.pool.acquire().await?;
    let formed = phase == linli_api::groceries::CampaignPhase::Formed;
    for person in people_of(&mut conn, &households).await? {
        let event = Event::CampaignDecided { campaign_id: id, title: row.title.clone(), formed };
        state.events.publish(community, Audience::Person(person), event);
    }
    state.events.publish(community, Audience::Members, Event::CampaignChanged { campaign_id: id });
    Ok(())
}

/// Decides every campaign whose cut-off has passed.
pub async fn decide_due(state: &AppState) -> AppResult<usize> {
    let now = state.clock.now();
    let due = |after, limit| async move {
        let mut conn = state.db.pool.acquire().await?;
        Ok(storage::undecided_due(&mut conn, now, after, limit).await?)
    };
    let resume_at = |(_, _, resume): &storage::Undecided| *resume;
    clock::each_due("deciding a campaign", due, resume_at, |(id, community, _)| async move {
        decide(state, community, id).await.map(|_| true)
    })
    .await
}

/// What time does to campaigns, for the clock's runner.
pub fn passes() -> [Pass; 1] {
    [Pass { what: "deciding campaigns at their cut-off", run: |state| Box::pin(async move { decide_due(&state).await }) }]
}
