//! SQL of notices and read receipts.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use linli_api::auth::Role;
use linli_api::ids::{CommunityId, NoticeId, UserId, VoteId};
use linli_api::notices::{Notice, NoticeCategory, NoticeSummary};
use sqlx::AnyConnection;

use super::rules::{CheckedNotice, PageWindow};
use crate::db::{flag, from_millis, to_millis};

const SUMMARY_COLUMNS: &str = "n.id, n.title, n.category, n.pinned, n.urgent, n.published_at, n.author_name,
     CAST(CASE WHEN r.user_id IS NULL THEN 0 ELSE 1 END AS BIGINT), n.vote_id";

type SummaryRow = (i64, String, String, i64, i64, i64, String, i64, Option<i64>);

fn summary((id, title, category, pinned, urgent, published_at, author_name, read, vote_id): SummaryRow) -> NoticeSummary {
    NoticeSummary {
        id: NoticeId(id),
        title,
        category: NoticeCategory::parse(&category).unwrap_or(NoticeCategory::Government),
        pinned: pinned != 0,
        urgent: urgent != 0,
        published_at: from_millis(published_at),
        author_name,
        read: read != 0,
        vote_id: vote_id.map(VoteId),
    }
}

pub async fn insert(
    conn: &mut AnyConnection,
    community: CommunityId,
    author: UserId,
    author_name: &str,
    notice: &CheckedNotice,
    now: DateTime<Utc>,
) -> Result<NoticeSummary, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO notices (community_id, author_id, author_name, title, body_markdown, body_html,
                              category, pinned, urgent, published_at, vote_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(community.0)
    .bind(author.0)
    .bind(author_name)
    .bind(&notice.title)
    .bind(&notice.body_markdown)
    .bind(&notice.body_html)
    .bind(notice.category.as_str())
    .bind(flag(notice.pinned))
    .bind(flag(notice.urgent))
    .bind(to_millis(now))
    .bind(notice.vote_id.map(|vote| vote.0))
    .fetch_one(conn)
    .await?;
    Ok(NoticeSummary {
        id: NoticeId(id),
        title: notice.title.clone(),
        category: notice.category,
        pinned: notice.pinned,
        urgent: notice.urgent,
        published_at: from_millis(to_millis(now)),
        author_name: author_name.to_owned(),
        read: false,
        vote_id: notice.vote_id,
    })
}

/// One page, pinned first, then newest; `read` is the reader's own state.
pub async fn page(
    conn: &mut AnyConnection,
    community: CommunityId,
    reader: UserId,
    window: PageWindow,
) -> Result<Vec<NoticeSummary>, sqlx::Error> {
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1
         WHERE n.community_id = $2
         ORDER BY n.pinned DESC, n.published_at DESC, n.id DESC
         LIMIT $3 OFFSET $4"
    ))
    .bind(reader.0)
    .bind(community.0)
    .bind(i64::from(window.per_page))
    .bind(window.offset())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(summary).collect())
}

/// How many notices the community has, and how many of them `reader` has not read.
pub async fn totals(conn: &mut AnyConnection, community: CommunityId, reader: UserId) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*), COUNT(*) - COUNT(r.user_id)
         FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1
         WHERE n.community_id = $2",
    )
    .bind(reader.0)
    .bind(community.0)
    .fetch_one(conn)
    .await
}

/// The notice, only if it belongs to `community`.
pub async fn find(
    conn: &mut AnyConnection,
    community: CommunityId,
    id: NoticeId,
    reader: UserId,
) -> Result<Option<Notice>, sqlx::Error> {
    type NoticeRow = (i64, String, String, i64, i64, i64, String, i64, Option<i64>, String, String);
    let row: Option<NoticeRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, n.body_markdown, n.body_html
         FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1
         WHERE n.id = $2 AND n.community_id = $3"
    ))
    .bind(reader.0)
    .bind(id.0)
    .bind(community.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, title, category, pinned, urgent, published_at, author_name, read, vote_id, body_markdown, body_html)| Notice {
        summary: summary((id, title, category, pinned, urgent, published_at, author_name, read, vote_id)),
        body_markdown,
        body_html,
    }))
}

/// Records the read once; true when this call was the first read by this person.
pub async fn mark_read(
    conn: &mut AnyConnection,
    notice: NoticeId,
    reader: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO notice_reads (notice_id, user_id, reader_role, read_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (notice_id, user_id) DO NOTHING",
    )
    .bind(notice.0)
    .bind(reader.0)
    .bind(role.as_str())
    .bind(to_millis(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a resident's first read on the notice's kept count, in the reading transaction;
/// the count after it.
pub async fn count_resident_read(conn: &mut AnyConnection, notice: NoticeId) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) = sqlx::query_as("UPDATE notices SET resident_reads = resident_reads + 1 WHERE id = $1 RETURNING resident_reads")
        .bind(notice.0)
        .fetch_one(conn)
        .await?;
    Ok(count)
}

/// Residents who have read it (staff opening it do not count), as kept.
pub async fn resident_read_count(conn: &mut AnyConnection, notice: NoticeId) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT resident_reads FROM notices WHERE id = $1").bind(notice.0).fetch_one(conn).await?;
    Ok(count)
}

pub async fn readers(conn: &mut AnyConnection, notice: NoticeId) -> Result<HashSet<UserId>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT user_id FROM notice_reads WHERE notice_id = $1")
        .bind(notice.0)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| UserId(id)).collect())
}
