//! A wish as each viewer may see it: neighbours get initials and building, the volunteer
//! holding it and staff get the contact, those involved get the history.

use std::collections::HashMap;

use linli_api::community::HouseholdLabel;
use linli_api::ids::HouseholdId;
use linli_api::wishes::{initials, Wish, WishClaim, WishFulfilment, WishState, WishSummary, WisherContact, WisherFace};
use sqlx::AnyConnection;

use super::rules::{self, Viewer};
use super::storage::{self, WishRow};
use crate::community::storage as community;

/// How a wisher appears to neighbours, from their name and household.
pub fn face(wisher_name: &str, household: Option<HouseholdId>, labels: &HashMap<HouseholdId, HouseholdLabel>) -> WisherFace {
    let building = household.and_then(|household| labels.get(&household)).map(|label| label.building.clone());
    WisherFace { initials: initials(wisher_name), building }
}

fn summary(row: &WishRow, labels: &HashMap<HouseholdId, HouseholdLabel>) -> WishSummary {
    WishSummary {
        id: row.id,
        what: row.what.clone(),
        category: row.category,
        state: row.state,
        wisher: face(&row.wisher_name, row.household, labels),
        wanted_by: row.wanted_by,
        photo: row.photo,
        posted_at: row.posted_at,
        volunteer: row.claim.as_ref().map(|claim| claim.claimer_name.clone()),
        claim_expires_at: row.claim.as_ref().filter(|_| row.state == WishState::Claimed).map(|claim| claim.expires_at),
    }
}

async fn labels_of<'a>(
    conn: &mut AnyConnection,
    rows: impl IntoIterator<Item = &'a WishRow>,
) -> Result<HashMap<HouseholdId, HouseholdLabel>, sqlx::Error> {
    let households: Vec<HouseholdId> = rows.into_iter().filter_map(|row| row.household).collect();
    community::household_labels(conn, &households).await
}

pub async fn summaries(conn: &mut AnyConnection, rows: &[WishRow]) -> Result<Vec<WishSummary>, sqlx::Error> {
    let labels = labels_of(conn, rows).await?;
    Ok(rows.iter().map(|row| summary(row, &labels)).collect())
}

/// The whole wish as `viewer` may see it.
pub async fn detail(conn: &mut AnyConnection, row: &WishRow, viewer: Viewer) -> Result<Wish, sqlx::Error> {
    let labels = labels_of(conn, std::slice::from_ref(row)).await?;
    let history = if viewer.sees_history() { storage::history(conn, row.id).await? } else { Vec::new() };
    Ok(detail_of(row, viewer, &labels, history))
}

/// Whole wishes, each as its viewer may see it, in a number of statements that does not
/// grow with the wishes.
pub async fn details(conn: &mut AnyConnection, rows: &[(WishRow, Viewer)]) -> Result<Vec<Wish>, sqlx::Error> {
    let labels = labels_of(conn, rows.iter().map(|(row, _)| row)).await?;
    let involved: Vec<_> = rows.iter().filter(|(_, viewer)| viewer.sees_history()).map(|(row, _)| row.id).collect();
    let mut histories = storage::histories(conn, &involved).await?;
    Ok(rows.iter().map(|(row, viewer)| detail_of(row, *viewer, &labels, histories.remove(&row.id).unwrap_or_default())).collect())
}

fn detail_of(row: &WishRow, viewer: Viewer, labels: &HashMap<HouseholdId, HouseholdLabel>, history: Vec<linli_api::wishes::WishEvent>) -> Wish {
    let involved = viewer.sees_history();
    let claim = row.claim.as_ref().map(|claim| WishClaim {
        volunteer: claim.claimer_name.clone(),
        organisation: claim.organisation.clone(),
        claimed_at: claim.claimed_at,
        expires_at: claim.expires_at,
    });
    // What the volunteer wrote may say where they went: only for those involved.
    let fulfilment = row.claim.as_ref().filter(|_| involved).and_then(|claim| {
        Some(WishFulfilment {
            note: claim.note.clone()?,
            photo: claim.note_photo,
            minutes: claim.minutes.and_then(|minutes| u32::try_from(minutes).ok()),
            fulfilled_at: claim.fulfilled_at?,
        })
    });
    let contact = viewer.sees_contact().then(|| WisherContact {
        name: row.wisher_name.clone(),
        phone: row.wisher_phone.clone(),
        household: row.household.and_then(|household| labels.get(&household).cloned()),
    });
    Wish {
        summary: summary(row, labels),
        why: row.why.clone(),
        reason: row.reason.clone().filter(|_| involved),
        claim,
        fulfilment,
        thanks: row.thanks.clone(),
        closed_at: row.closed_at,
        contact,
        history,
        actions: rules::actions(row.state, viewer),
        is_mine: viewer.wisher,
    }
}
