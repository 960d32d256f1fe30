//! The household register (房屋台账): the property company's ledger imported (`plan` says
//! what an import changes, `storage` writes it in batches), paged, exported, and edited one
//! household at a time (`edit`).

pub mod edit;
pub mod export;
pub mod plan;
pub mod routes;
pub mod storage;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use linli_api::register::limits::PROBLEMS_LISTED;
use linli_api::register::ImportSummary;

use crate::auth;
use crate::community::ledger::Ledger;
use crate::community::storage::audit_detail;
use crate::db::{is_unique_violation, Db};
use crate::error::{AppError, AppResult};

/// Compares a ledger with the register and, when asked and every row is good, writes it in
/// one transaction. `actor` is the staff member, or none for the server's operator.
pub async fn import_ledger(
    db: &Db,
    community: CommunityId,
    actor: Option<UserId>,
    ledger: &Ledger,
    apply: bool,
    now: DateTime<Utc>,
) -> AppResult<ImportSummary> {
    let apply = apply && ledger.problems.is_empty();
    // The register is read inside the writing transaction, so what is compared is what is changed.
    let mut tx = if apply { db.begin_write().await? } else { db.pool.begin().await? };
    let (register, buildings, units) = storage::recorded(&mut tx, community).await?;
    let plan = plan::plan(&register, &buildings, &units, &ledger.rows);
    let lines_with_problems: BTreeSet<u32> = ledger.problems.iter().map(|problem| problem.line).collect();
    let apply = apply && !plan.changes_nothing();
    let summary = ImportSummary {
        rows: (ledger.rows.len() + lines_with_problems.len()) as u32,
        buildings_new: plan.new_buildings.len() as u32,
        units_new: plan.new_units.len() as u32,
        households_new: plan.new_households.len() as u32,
        households_changed: plan.corrections.len() as u32,
        households_unchanged: plan.unchanged as u32,
        problems: ledger.problems.iter().take(PROBLEMS_LISTED).cloned().collect(),
        problems_total: ledger.problems.len() as u32,
        applied: apply,
    };
    if !apply {
        return Ok(summary);
    }
    let written = async {
        storage::apply(&mut tx, community, &plan).await?;
        let owners_changed: Vec<HouseholdId> = plan.corrections.iter().filter(|c| c.owners.is_some()).map(|c| c.household).collect();
        auth::storage::refresh_owner_flags(&mut tx, &owners_changed).await?;
        let detail = format!(
            "buildings +{}, units +{}, households +{}, corrected {}",
            summary.buildings_new, summary.units_new, summary.households_new, summary.households_changed
        );
        audit_detail(&mut tx, community, actor, "register_imported", "register", &detail, now).await
    };
    match written.await {
        // Another import of the same community got there first.
        Err(error) if is_unique_violation(&error) => return Err(AppError::RegisterChanged),
        other => other?,
    }
    tx.commit().await?;
    Ok(summary)
}
