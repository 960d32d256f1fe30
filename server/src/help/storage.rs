//! SQL of help requests.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use linli_api::ids::{CommunityId, HelpRequestId, HouseholdId, UserId};
use sqlx::AnyConnection;

use super::rules::Progress;
use crate::db::{from_millis, to_millis};

pub struct NewHelp<'a> {
    pub community: CommunityId,
    pub resident: UserId,
    pub resident_name: &'a str,
    pub household: Option<HouseholdId>,
    pub callback_phone: &'a str,
    pub at: DateTime<Utc>,
}

/// Inserts a request; a second open one for the same resident is a unique violation.
pub async fn insert(conn: &mut AnyConnection, help: &NewHelp<'_>) -> Result<HelpRequestId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO help_requests (community_id, resident_id, resident_name, household_id, callback_phone, raised_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(help.community.0)
    .bind(help.resident.0)
    .bind(help.resident_name)
    .bind(help.household.map(|h| h.0))
    .bind(help.callback_phone)
    .bind(to_millis(help.at))
    .fetch_one(conn)
    .await?;
    Ok(HelpRequestId(id))
}

#[derive(Debug, Clone)]
pub struct HelpRow {
    pub id: HelpRequestId,
    pub resident: UserId,
    pub resident_name: String,
    pub household: Option<HouseholdId>,
    pub callback_phone: String,
    pub raised_at: DateTime<Utc>,
    pub acknowledger_name: Option<String>,
    pub progress: Progress,
}

type Tuple = (i64, i64, String, Option<i64>, String, i64, Option<String>, Option<i64>, Option<i64>);

fn row((id, resident, name, household, phone, raised, acknowledger, acknowledged, closed): Tuple) -> HelpRow {
    HelpRow {
        id: HelpRequestId(id),
        resident: UserId(resident),
        resident_name: name,
        household: household.map(HouseholdId),
        callback_phone: phone,
        raised_at: from_millis(raised),
        acknowledger_name: acknowledger,
        progress: Progress { acknowledged_at: acknowledged.map(from_millis), closed_at: closed.map(from_millis) },
    }
}

const COLUMNS: &str = "SELECT id, resident_id, resident_name, household_id, callback_phone, raised_at,
        acknowledger_name, acknowledged_at, closed_at FROM help_requests";

/// The resident's newest request, open or not.
pub async fn latest_of(conn: &mut AnyConnection, resident: UserId) -> Result<Option<HelpRow>, sqlx::Error> {
    let found: Option<Tuple> = sqlx::query_as(&format!("{COLUMNS} WHERE resident_id = $1 ORDER BY raised_at DESC, id DESC LIMIT 1"))
        .bind(resident.0)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(row))
}

pub async fn open_of(conn: &mut AnyConnection, resident: UserId) -> Result<Option<HelpRow>, sqlx::Error> {
    let found: Option<Tuple> = sqlx::query_as(&format!("{COLUMNS} WHERE resident_id = $1 AND closed_at IS NULL"))
        .bind(resident.0)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(row))
}

pub async fn find(conn: &mut AnyConnection, community: CommunityId, id: HelpRequestId) -> Result<Option<HelpRow>, sqlx::Error> {
    let found: Option<Tuple> = sqlx::query_as(&format!("{COLUMNS} WHERE id = $1 AND community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(row))
}

/// Requests not yet closed, and those closed after `closed_since`, oldest first.
pub async fn board(
    conn: &mut AnyConnection,
    community: CommunityId,
    closed_since: DateTime<Utc>,
) -> Result<Vec<HelpRow>, sqlx::Error> {
    let rows: Vec<Tuple> = sqlx::query_as(&format!(
        "{COLUMNS} WHERE community_id = $1 AND (closed_at IS NULL OR closed_at > $2) ORDER BY raised_at, id"
    ))
    .bind(community.0)
    .bind(to_millis(closed_since))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(row).collect())
}

/// Marks who is coming, only if nobody is yet and it is still open; false otherwise.
pub async fn acknowledge(
    conn: &mut AnyConnection,
    id: HelpRequestId,
    staff: UserId,
    staff_name: &str,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE help_requests SET acknowledged_by = $1, acknowledger_name = $2, acknowledged_at = $3
         WHERE id = $4 AND acknowledged_at IS NULL AND closed_at IS NULL",
    )
    .bind(staff.0)
    .bind(staff_name)
    .bind(to_millis(at))
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Closes it if still open; false when it was closed already.
pub async fn close(conn: &mut AnyConnection, id: HelpRequestId, by: UserId, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE help_requests SET closed_by = $1, closed_at = $2 WHERE id = $3 AND closed_at IS NULL")
        .bind(by.0)
        .bind(to_millis(at))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Open help requests per community.
pub async fn open_counts(conn: &mut AnyConnection, communities: &[CommunityId]) -> Result<HashMap<CommunityId, i64>, sqlx::Error> {
    let ids: Vec<i64> = communities.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, i64)> = crate::db::select_in(
        conn,
        "SELECT community_id, COUNT(*) FROM help_requests WHERE community_id IN ({ids}) AND closed_at IS NULL GROUP BY community_id",
        &ids,
        &[],
    )
    .await?;
    Ok(rows.into_iter().map(|(community, count)| (CommunityId(community), count)).collect())
}
