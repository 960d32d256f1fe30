//! SQL of topics, their support, comments and the community's proposal rules.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use linli_api::ids::{CommentId, CommunityId, HouseholdId, TopicId, UploadId, UserId, VoteId};
use linli_api::topics::ProposalRules;
use sqlx::AnyConnection;

use crate::db::{flag, from_millis, placeholders, to_millis};

/// Upload ids in their stored form, `3,7`.
fn encode_images(images: &[UploadId]) -> String {
    images.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(",")
}

fn decode_images(stored: &str) -> Vec<UploadId> {
    stored.split(',').filter_map(|id| id.parse().ok()).map(UploadId).collect()
}

pub async fn proposal_rules(conn: &mut AnyConnection, community: CommunityId) -> Result<ProposalRules, sqlx::Error> {
    let row: Option<(i64, i64, i64)> =
        sqlx::query_as("SELECT support_households, support_days, vote_days FROM proposal_rules WHERE community_id = $1")
            .bind(community.0)
            .fetch_optional(conn)
            .await?;
    Ok(match row {
        Some((households, support_days, vote_days)) => ProposalRules {
            support_households: u32::try_from(households).unwrap_or(u32::MAX),
            support_days: u32::try_from(support_days).unwrap_or(u32::MAX),
            vote_days: u32::try_from(vote_days).unwrap_or(u32::MAX),
        },
        None => ProposalRules::default(),
    })
}

pub async fn set_proposal_rules(conn: &mut AnyConnection, community: CommunityId, rules: ProposalRules) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO proposal_rules (community_id, support_households, support_days, vote_days) VALUES ($1, $2, $3, $4)
         ON CONFLICT (community_id) DO UPDATE SET support_households = $2, support_days = $3, vote_days = $4",
    )
    .bind(community.0)
    .bind(i64::from(rules.support_households))
    .bind(i64::from(rules.support_days))
    .bind(i64::from(rules.vote_days))
    .execute(conn)
    .await?;
    Ok(())
}

pub struct NewTopicRow<'a> {
    pub community: CommunityId,
    pub author: UserId,
    pub title: &'a str,
    pub body_markdown: &'a str,
    pub body_html: &'a str,
    pub images: &'a [UploadId],
    pub proposal: bool,
    pub support_needed: i64,
    pub support_deadline: DateTime<Utc>,
    pub vote_days: i64,
    pub vote: Option<VoteId>,
    pub at: DateTime<Utc>,
}

pub async fn insert_topic(conn: &mut AnyConnection, topic: &NewTopicRow<'_>) -> Result<TopicId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO topics (community_id, title, body_markdown, body_html, images, author_id, created_at, proposal,
                             support_needed, support_deadline, vote_days, vote_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(topic.community.0)
    .bind(topic.title)
    .bind(topic.body_markdown)
    .bind(topic.body_html)
    .bind(encode_images(topic.images))
    .bind(topic.author.0)
    .bind(to_millis(topic.at))
    .bind(flag(topic.proposal))
    .bind(topic.support_needed)
    .bind(to_millis(topic.support_deadline))
    .bind(topic.vote_days)
    .bind(topic.vote.map(|vote| vote.0))
    .fetch_one(conn)
    .await?;
    Ok(TopicId(id))
}

#[derive(Debug, Clone)]
pub struct TopicRow {
    pub id: TopicId,
    pub title: String,
    pub body_markdown: String,
    pub body_html: String,
    pub images: Vec<UploadId>,
    pub author: UserId,
    pub created_at: DateTime<Utc>,
    pub proposal: bool,
    pub support_needed: i64,
    pub support_deadline: DateTime<Utc>,
    pub vote_days: i64,
    pub support_count: i64,
    pub vote: Option<VoteId>,
    pub follow_up: Option<FollowUpRow>,
    pub comments: i64,
}

#[derive(Debug, Clone)]
pub struct FollowUpRow {
    pub body_html: String,
    pub by: UserId,
    pub at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct TopicRecord {
    id: i64,
    title: String,
    body_markdown: String,
    body_html: String,
    images: String,
    author_id: i64,
    created_at: i64,
    proposal: i64,
    support_needed: i64,
    support_deadline: i64,
    vote_days: i64,
    support_count: i64,
    vote_id: Option<i64>,
    follow_up_html: Option<String>,
    follow_up_by: Option<i64>,
    follow_up_at: Option<i64>,
    comments: i64,
}

const TOPIC_COLUMNS: &str = "SELECT t.id, t.title, t.body_markdown, t.body_html, t.images, t.author_id, t.created_at,
        t.proposal, t.support_needed, t.support_deadline, t.vote_days, t.support_count, t.vote_id,
        t.follow_up_html, t.follow_up_by, t.follow_up_at,
        t.comment_count AS comments
     FROM topics t";

fn topic_row(row: TopicRecord) -> TopicRow {
    let follow_up = match (row.follow_up_html, row.follow_up_by, row.follow_up_at) {
        (Some(body_html), Some(by), Some(at)) => Some(FollowUpRow { body_html, by: UserId(by), at: from_millis(at) }),
        _ => None,
    };
    TopicRow {
        id: TopicId(row.id),
        title: row.title,
        body_markdown: row.body_markdown,
        body_html: row.body_html,
        images: decode_images(&row.images),
        author: UserId(row.author_id),
        created_at: from_millis(row.created_at),
        proposal: row.proposal != 0,
        support_needed: row.support_needed,
        support_deadline: from_millis(row.support_deadline),
        vote_days: row.vote_days,
        support_count: row.support_count,
        vote: row.vote_id.map(VoteId),
        follow_up,
        comments: row.comments,
    }
}

/// Up to `limit` of the community's topics after `after` (created_at, id), newest first.
pub async fn topics(
    conn: &mut AnyConnection,
    community: CommunityId,
    after: Option<[i64; 2]>,
    limit: i64,
) -> Result<Vec<TopicRow>, sqlx::Error> {
    let [at, id] = after.unwrap_or([i64::MAX; 2]);
    let rows: Vec<TopicRecord> = sqlx::query_as(&format!(
        "{TOPIC_COLUMNS} WHERE t.community_id = $1 AND (t.created_at, t.id) < ($2, $3)
         ORDER BY t.created_at DESC, t.id DESC LIMIT $4"
    ))
    .bind(community.0)
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(topic_row).collect())
}

/// Up to `limit` proposals still gathering support at `now` (no vote yet, deadline ahead),
/// the soonest to close first.
pub async fn gathering(conn: &mut AnyConnection, community: CommunityId, now: DateTime<Utc>, limit: i64) -> Result<Vec<TopicRow>, sqlx::Error> {
    let rows: Vec<TopicRecord> = sqlx::query_as(&format!(
        "{TOPIC_COLUMNS} WHERE t.community_id = $1 AND t.proposal = 1 AND t.support_deadline > $2 AND t.vote_id IS NULL
         ORDER BY t.support_deadline LIMIT $3"
    ))
    .bind(community.0)
    .bind(to_millis(now))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(topic_row).collect())
}

/// The topic, only if it belongs to `community`.
pub async fn find_topic(conn: &mut AnyConnection, community: CommunityId, id: TopicId) -> Result<Option<TopicRow>, sqlx::Error> {
    let row: Option<TopicRecord> = sqlx::query_as(&format!("{TOPIC_COLUMNS} WHERE t.id = $1 AND t.community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(topic_row))
}

/// The topic that a vote decides, if any.
pub async fn topic_of_vote(conn: &mut AnyConnection, vote: VoteId) -> Result<Option<TopicId>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM topics WHERE vote_id = $1").bind(vote.0).fetch_optional(conn).await?;
    Ok(row.map(|(id,)| TopicId(id)))
}

pub async fn supports(conn: &mut AnyConnection, topic: TopicId, household: HouseholdId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT topic_id FROM topic_support WHERE topic_id = $1 AND household_id = $2")
        .bind(topic.0)
        .bind(household.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// Which of `topics` the household backs, in one query.
pub async fn supported_by(conn: &mut AnyConnection, household: HouseholdId, topics: &[TopicId]) -> Result<HashSet<TopicId>, sqlx::Error> {
    if topics.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!("SELECT topic_id FROM topic_support WHERE household_id = $1 AND topic_id IN ({})", placeholders(2, topics.len()));
    let mut query = sqlx::query_as::<_, (i64,)>(&sql).bind(household.0);
    for topic in topics {
        query = query.bind(topic.0);
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(|(id,)| TopicId(id)).collect())
}

/// Records the household's support; false when it already backed the proposal.
pub async fn add_support(
    conn: &mut AnyConnection,
    topic: TopicId,
    household: HouseholdId,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO topic_support (topic_id, household_id, user_id, supported_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (topic_id, household_id) DO NOTHING",
    )
    .bind(topic.0)
    .bind(household.0)
    .bind(user.0)
    .bind(to_millis(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts one more supporter and answers the new count and the topic's vote, as of the
/// row lock this update holds until commit.
pub async fn count_support(conn: &mut AnyConnection, topic: TopicId) -> Result<(i64, Option<VoteId>), sqlx::Error> {
    let (count, vote): (i64, Option<i64>) =
        sqlx::query_as("UPDATE topics SET support_count = support_count + 1 WHERE id = $1 RETURNING support_count, vote_id")
            .bind(topic.0)
            .fetch_one(conn)
            .await?;
    Ok((count, vote.map(VoteId)))
}

/// Gives the topic its vote, unless it has one; false when it already had.
pub async fn set_vote(conn: &mut AnyConnection, topic: TopicId, vote: VoteId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE topics SET vote_id = $1 WHERE id = $2 AND vote_id IS NULL")
        .bind(vote.0)
        .bind(topic.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_follow_up(
    conn: &mut AnyConnection,
    topic: TopicId,
    markdown: &str,
    html: &str,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE topics SET follow_up_markdown = $1, follow_up_html = $2, follow_up_by = $3, follow_up_at = $4 WHERE id = $5")
        .bind(markdown)
        .bind(html)
        .bind(by.0)
        .bind(to_millis(now))
        .bind(topic.0)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct CommentRow {
    pub id: CommentId,
    pub topic: TopicId,
    pub parent: Option<CommentId>,
    pub author: UserId,
    pub body: String,
    pub images: Vec<UploadId>,
    pub created_at: DateTime<Utc>,
    pub hidden: Option<(String, UserId, DateTime<Utc>)>,
    /// Its replies, as kept (a reply has none).
    pub replies: i64,
}

type CommentTuple = (i64, i64, Option<i64>, i64, String, String, i64, Option<String>, Option<i64>, Option<i64>, i64);

const COMMENT_COLUMNS: &str =
    "SELECT c.id, c.topic_id, c.parent_id, c.author_id, c.body, c.images, c.created_at, c.hidden_reason, c.hidden_by, c.hidden_at,
            c.reply_count
     FROM topic_comments c";

fn comment_row(row: CommentTuple) -> CommentRow {
    let (id, topic, parent, author, body, images, created, reason, by, at, replies) = row;
    let hidden = match (reason, by, at) {
        (Some(reason), Some(by), Some(at)) => Some((reason, UserId(by), from_millis(at))),
        _ => None,
    };
    CommentRow {
        id: CommentId(id),
        topic: TopicId(topic),
        parent: parent.map(CommentId),
        author: UserId(author),
        body,
        images: decode_images(&images),
        created_at: from_millis(created),
        hidden,
        replies,
    }
}

pub struct NewCommentRow<'a> {
    pub topic: TopicId,
    pub parent: Option<CommentId>,
    pub author: UserId,
    pub body: &'a str,
    pub images: &'a [UploadId],
    pub at: DateTime<Utc>,
}

pub async fn insert_comment(conn: &mut AnyConnection, comment: &NewCommentRow<'_>) -> Result<CommentId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO topic_comments (topic_id, parent_id, author_id, body, images, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(comment.topic.0)
    .bind(comment.parent.map(|parent| parent.0))
    .bind(comment.author.0)
    .bind(comment.body)
    .bind(encode_images(comment.images))
    .bind(to_millis(comment.at))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE topics SET comment_count = comment_count + 1 WHERE id = $1").bind(comment.topic.0).execute(&mut *conn).await?;
    if let Some(parent) = comment.parent {
        sqlx::query("UPDATE topic_comments SET reply_count = reply_count + 1 WHERE id = $1").bind(parent.0).execute(conn).await?;
    }
    Ok(CommentId(id))
}

/// Up to `limit` top-level comments of a topic after the comment `after`, oldest first.
pub async fn top_comments(conn: &mut AnyConnection, topic: TopicId, after: i64, limit: i64) -> Result<Vec<CommentRow>, sqlx::Error> {
    let rows: Vec<CommentTuple> =
        sqlx::query_as(&format!("{COMMENT_COLUMNS} WHERE c.topic_id = $1 AND c.parent_id IS NULL AND c.id > $2 ORDER BY c.id LIMIT $3"))
            .bind(topic.0)
            .bind(after)
            .bind(limit)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(comment_row).collect())
}

/// The first `each` replies of each of `parents`, oldest first, in one statement: one
/// bounded index read per parent (`page_N`), however many replies each has.
pub async fn first_replies(conn: &mut AnyConnection, parents: &[CommentId], each: i64) -> Result<Vec<CommentRow>, sqlx::Error> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<String> = (0..parents.len())
        .map(|n| format!("SELECT * FROM ({COMMENT_COLUMNS} WHERE c.parent_id = ${} ORDER BY c.id LIMIT $1) AS page_{n}", n + 2))
        .collect();
    let sql = format!("{} ORDER BY 1", parts.join(" UNION ALL "));
    let mut query = sqlx::query_as::<_, CommentTuple>(&sql).bind(each);
    for parent in parents {
        query = query.bind(parent.0);
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(comment_row).collect())
}

/// Up to `limit` replies to `parent` after the reply `after`, oldest first.
pub async fn replies(conn: &mut AnyConnection, parent: CommentId, after: i64, limit: i64) -> Result<Vec<CommentRow>, sqlx::Error> {
    let rows: Vec<CommentTuple> = sqlx::query_as(&format!("{COMMENT_COLUMNS} WHERE c.parent_id = $1 AND c.id > $2 ORDER BY c.id LIMIT $3"))
        .bind(parent.0)
        .bind(after)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(comment_row).collect())
}

/// The comment, only if its topic belongs to `community`.
pub async fn find_comment(conn: &mut AnyConnection, community: CommunityId, id: CommentId) -> Result<Option<CommentRow>, sqlx::Error> {
    let row: Option<CommentTuple> = sqlx::query_as(&format!(
        "{COMMENT_COLUMNS} JOIN topics t ON t.id = c.topic_id WHERE c.id = $1 AND t.community_id = $2"
    ))
    .bind(id.0)
    .bind(community.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(comment_row))
}

/// Hides the comment with the reason; hiding again keeps the first reason.
pub async fn hide_comment(conn: &mut AnyConnection, id: CommentId, reason: &str, by: UserId, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE topic_comments SET hidden_reason = $1, hidden_by = $2, hidden_at = $3 WHERE id = $4 AND hidden_reason IS NULL")
        .bind(reason)
        .bind(by.0)
        .bind(to_millis(now))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}
