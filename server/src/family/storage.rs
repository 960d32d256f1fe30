//! SQL of family codes, links and the activity history.

use chrono::{DateTime, Utc};
use linli_api::family::{FamilyActivityKind, Grant};
use linli_api::ids::{CommunityId, FamilyLinkId, UserId};
use sqlx::AnyConnection;

use super::rules::{decode_grants, encode_grants};
use crate::db::{from_millis, to_millis};

pub struct NewInviteRow<'a> {
    pub community: CommunityId,
    pub resident: UserId,
    pub code: &'a str,
    pub grants: &'a [Grant],
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_invite(conn: &mut AnyConnection, invite: &NewInviteRow<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO family_invites (community_id, resident_id, code, grants, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(invite.community.0)
    .bind(invite.resident.0)
    .bind(invite.code)
    .bind(encode_grants(invite.grants))
    .bind(to_millis(invite.created_at))
    .bind(to_millis(invite.expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// The community of a code that can still be used.
pub async fn invite_community(conn: &mut AnyConnection, code: &str, now: DateTime<Utc>) -> Result<Option<CommunityId>, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT community_id FROM family_invites WHERE code = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(code)
            .bind(to_millis(now))
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(community,)| CommunityId(community)))
}

/// What a used code grants, and to whose benefit.
pub struct ClaimedInvite {
    pub community: CommunityId,
    pub resident: UserId,
    pub grants: Vec<Grant>,
}

/// Uses a fresh, unused code in one conditional update, so two people racing for the same
/// code cannot both get it.
pub async fn claim_invite(
    conn: &mut AnyConnection,
    code: &str,
    member: UserId,
    now: DateTime<Utc>,
) -> Result<Option<ClaimedInvite>, sqlx::Error> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "UPDATE family_invites SET used_by = $1, used_at = $2
         WHERE code = $3 AND used_at IS NULL AND expires_at > $2
         RETURNING community_id, resident_id, grants",
    )
    .bind(member.0)
    .bind(to_millis(now))
    .bind(code)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(community, resident, grants)| ClaimedInvite {
        community: CommunityId(community),
        resident: UserId(resident),
        grants: decode_grants(&grants),
    }))
}

#[derive(Debug, Clone)]
pub struct LinkRow {
    pub id: FamilyLinkId,
    pub community: CommunityId,
    pub resident: UserId,
    pub member: UserId,
    pub grants: Vec<Grant>,
    pub since: DateTime<Utc>,
}

type LinkTuple = (i64, i64, i64, i64, String, i64);

fn link_row((id, community, resident, member, grants, since): LinkTuple) -> LinkRow {
    LinkRow {
        id: FamilyLinkId(id),
        community: CommunityId(community),
        resident: UserId(resident),
        member: UserId(member),
        grants: decode_grants(&grants),
        since: from_millis(since),
    }
}

const LINK_COLUMNS: &str = "SELECT id, community_id, resident_id, member_id, grants, created_at FROM family_links";

/// Links the pair with these grants; a revoked link between them comes back to life.
pub async fn upsert_link(
    conn: &mut AnyConnection,
    invite: &ClaimedInvite,
    member: UserId,
    now: DateTime<Utc>,
) -> Result<LinkRow, sqlx::Error> {
    let row: LinkTuple = sqlx::query_as(
        "INSERT INTO family_links (community_id, resident_id, member_id, grants, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (resident_id, member_id)
         DO UPDATE SET grants = excluded.grants, created_at = excluded.created_at, revoked_at = NULL
         RETURNING id, community_id, resident_id, member_id, grants, created_at",
    )
    .bind(invite.community.0)
    .bind(invite.resident.0)
    .bind(member.0)
    .bind(encode_grants(&invite.grants))
    .bind(to_millis(now))
    .fetch_one(conn)
    .await?;
    Ok(link_row(row))
}

/// The live link through which `member` may act for `resident`.
pub async fn live_link(conn: &mut AnyConnection, resident: UserId, member: UserId) -> Result<Option<LinkRow>, sqlx::Error> {
    let row: Option<LinkTuple> =
        sqlx::query_as(&format!("{LINK_COLUMNS} WHERE resident_id = $1 AND member_id = $2 AND revoked_at IS NULL"))
            .bind(resident.0)
            .bind(member.0)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(link_row))
}

/// A live link the caller is a party to (either side).
pub async fn live_link_of(conn: &mut AnyConnection, id: FamilyLinkId, party: UserId) -> Result<Option<LinkRow>, sqlx::Error> {
    let row: Option<LinkTuple> = sqlx::query_as(&format!(
        "{LINK_COLUMNS} WHERE id = $1 AND (resident_id = $2 OR member_id = $2) AND revoked_at IS NULL"
    ))
    .bind(id.0)
    .bind(party.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(link_row))
}

/// Every live link the person is a party to, oldest first.
pub async fn live_links(conn: &mut AnyConnection, party: UserId) -> Result<Vec<LinkRow>, sqlx::Error> {
    let rows: Vec<LinkTuple> = sqlx::query_as(&format!(
        "{LINK_COLUMNS} WHERE (resident_id = $1 OR member_id = $1) AND revoked_at IS NULL ORDER BY created_at, id"
    ))
    .bind(party.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(link_row).collect())
}

pub async fn set_grants(conn: &mut AnyConnection, id: FamilyLinkId, grants: &[Grant]) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE family_links SET grants = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(encode_grants(grants))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends the link; false when it was already ended.
pub async fn revoke(conn: &mut AnyConnection, id: FamilyLinkId, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE family_links SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(to_millis(now))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub struct Activity<'a> {
    pub community: CommunityId,
    pub link: FamilyLinkId,
    pub resident: UserId,
    pub member: UserId,
    pub kind: FamilyActivityKind,
    pub detail: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn record(conn: &mut AnyConnection, activity: &Activity<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO family_activity (community_id, link_id, resident_id, member_id, kind, detail, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(activity.community.0)
    .bind(activity.link.0)
    .bind(activity.resident.0)
    .bind(activity.member.0)
    .bind(activity.kind.as_str())
    .bind(activity.detail)
    .bind(to_millis(activity.at))
    .execute(conn)
    .await?;
    Ok(())
}

pub struct ActivityRow {
    pub id: i64,
    pub resident: UserId,
    pub member: UserId,
    pub kind: FamilyActivityKind,
    pub detail: String,
    pub at: DateTime<Utc>,
}

/// Up to `limit` lines of what was done for or by the person, newest first, after the
/// cursor `(at, id)`. Each side is read through its own index and the two are merged: an
/// `OR` of the two columns would read every line of both to sort them.
pub async fn history(
    conn: &mut AnyConnection,
    party: UserId,
    after: Option<[i64; 2]>,
    limit: i64,
) -> Result<Vec<ActivityRow>, sqlx::Error> {
    let side = |column: &str| {
        format!(
            "SELECT * FROM (SELECT id, resident_id, member_id, kind, detail, at FROM family_activity
             WHERE {column} = $1 AND (at < $2 OR (at = $2 AND id < $3)) ORDER BY at DESC, id DESC LIMIT $4) AS {column}_side"
        )
    };
    let sql = format!("{} UNION ALL {} ORDER BY at DESC, id DESC LIMIT $4", side("resident_id"), side("member_id"));
    let [at, id] = after.unwrap_or([i64::MAX, i64::MAX]);
    let rows: Vec<(i64, i64, i64, String, String, i64)> =
        sqlx::query_as(&sql).bind(party.0).bind(at).bind(id).bind(limit).fetch_all(&mut *conn).await?;
    let items = rows
        .into_iter()
        .filter_map(|(id, resident, member, kind, detail, at)| {
            Some(ActivityRow {
                id,
                resident: UserId(resident),
                member: UserId(member),
                kind: FamilyActivityKind::parse(&kind)?,
                detail,
                at: from_millis(at),
            })
        })
        .collect();
    Ok(items)
}
