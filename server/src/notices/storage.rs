//! SQL of notices and read receipts.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use linli_api::auth::Role;
use linli_api::ids::{BuildingId, CommunityId, NoticeId, UserId, VoteId};
use linli_api::notices::{Notice, NoticeCategory, NoticeSummary};
use sqlx::AnyConnection;

use super::rules::CheckedNotice;
use crate::db::{flag, from_millis, select_in, to_millis};

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

/// Publishes the notice and counts it (call within a transaction).
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
    .fetch_one(&mut *conn)
    .await?;
    count_notice(conn, community).await?;
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

/// Where the list stands: a notice's (pinned, published_at, id), the order it is listed in.
pub type ListPosition = [i64; 3];

/// Up to `limit` notices after `after`, pinned first, then newest; `read` is the
/// reader's own state. The last item's position is the next page's `after`.
pub async fn page(
    conn: &mut AnyConnection,
    community: CommunityId,
    reader: UserId,
    after: Option<ListPosition>,
    limit: i64,
) -> Result<Vec<(NoticeSummary, ListPosition)>, sqlx::Error> {
    // Past the largest position there is: the first page.
    let [pinned, at, id] = after.unwrap_or([i64::MAX; 3]);
    let rows: Vec<SummaryRow> = sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1
         WHERE n.community_id = $2 AND (n.pinned, n.published_at, n.id) < ($3, $4, $5)
         ORDER BY n.pinned DESC, n.published_at DESC, n.id DESC
         LIMIT $6"
    ))
    .bind(reader.0)
    .bind(community.0)
    .bind(pinned)
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let position = [row.3, row.5, row.0];
            (summary(row), position)
        })
        .collect())
}

/// How many notices the community has, and how many of them `reader` has not read, as kept.
pub async fn totals(conn: &mut AnyConnection, community: CommunityId, reader: UserId) -> Result<(i64, i64), sqlx::Error> {
    let (notices, reads): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE((SELECT notices FROM notice_counts WHERE community_id = $1), 0),
                COALESCE((SELECT reads FROM notice_reader_counts WHERE community_id = $1 AND user_id = $2), 0)",
    )
    .bind(community.0)
    .bind(reader.0)
    .fetch_one(conn)
    .await?;
    Ok((notices, (notices - reads).max(0)))
}

/// Counts a published notice on its community's kept count (part of `insert`).
async fn count_notice(conn: &mut AnyConnection, community: CommunityId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notice_counts (community_id, notices) VALUES ($1, 1)
         ON CONFLICT (community_id) DO UPDATE SET notices = notice_counts.notices + 1",
    )
    .bind(community.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Counts a first read on the reader's kept count of what they have read.
pub async fn count_read_by(conn: &mut AnyConnection, community: CommunityId, reader: UserId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notice_reader_counts (user_id, community_id, reads) VALUES ($1, $2, 1)
         ON CONFLICT (user_id, community_id) DO UPDATE SET reads = notice_reader_counts.reads + 1",
    )
    .bind(reader.0)
    .bind(community.0)
    .execute(conn)
    .await?;
    Ok(())
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

/// Counts a resident's first read on the notice's kept counts (of the whole community and
/// of their building), in the reading transaction; the community's count after it.
pub async fn count_resident_read(
    conn: &mut AnyConnection,
    notice: NoticeId,
    building: Option<BuildingId>,
) -> Result<i64, sqlx::Error> {
    if let Some(building) = building {
        sqlx::query(
            "INSERT INTO notice_building_reads (notice_id, building_id, reads) VALUES ($1, $2, 1)
             ON CONFLICT (notice_id, building_id) DO UPDATE SET reads = notice_building_reads.reads + 1",
        )
        .bind(notice.0)
        .bind(building.0)
        .execute(&mut *conn)
        .await?;
    }
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

/// Residents of each building who have read it, as kept.
pub async fn reads_per_building(conn: &mut AnyConnection, notice: NoticeId) -> Result<HashMap<BuildingId, i64>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT building_id, reads FROM notice_building_reads WHERE notice_id = $1")
        .bind(notice.0)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(building, reads)| (BuildingId(building), reads)).collect())
}

/// Which of `people` have read it.
pub async fn readers_among(conn: &mut AnyConnection, notice: NoticeId, people: &[UserId]) -> Result<HashSet<UserId>, sqlx::Error> {
    let ids: Vec<i64> = people.iter().map(|person| person.0).collect();
    let rows: Vec<(i64,)> =
        select_in(conn, "SELECT user_id FROM notice_reads WHERE user_id IN ({ids}) AND notice_id = {next}", &ids, &[notice.0]).await?;
    Ok(rows.into_iter().map(|(id,)| UserId(id)).collect())
}
