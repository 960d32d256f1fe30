//! The counts the server keeps beside its rows (read counts, unread, comments, supports,
//! "me too", ordered quantities, places taken, queue numbers, vote totals and the ballot
//! chain): set from the rows once the data set is in, and checked against a recount.

use linli_api::ids::{CommunityId, VoteId};
use sqlx::AnyConnection;

use crate::error::AppError;
use crate::hall::ballot::{first_broken_link, ChainEntry};
use crate::hall::routes::{community_sizes, recount, tally};
use crate::hall::storage::{decode_choices, find_vote};

/// Statements that set each kept count from its rows; the seeder writes the others
/// (products' quantities, places taken, queue numbers, vote totals) with their rows. The
/// data set fills an empty database, so whole tables are its own. Columns are set only
/// where rows count (the rest are 0 already), which spares PostgreSQL rewriting every row.
const SET: [&str; 9] = [
    "INSERT INTO notice_counts (community_id, notices) SELECT community_id, COUNT(*) FROM notices GROUP BY community_id",
    "INSERT INTO notice_reader_counts (user_id, community_id, reads)
     SELECT r.user_id, n.community_id, COUNT(*) FROM notice_reads r JOIN notices n ON n.id = r.notice_id GROUP BY r.user_id, n.community_id",
    "INSERT INTO notice_building_reads (notice_id, building_id, reads)
     SELECT r.notice_id, u.building_id, COUNT(*)
     FROM notice_reads r JOIN users p ON p.id = r.user_id JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id
     WHERE r.reader_role = 'resident' GROUP BY r.notice_id, u.building_id",
    "UPDATE notices SET resident_reads = (SELECT COUNT(*) FROM notice_reads r WHERE r.notice_id = notices.id AND r.reader_role = 'resident')
     WHERE id IN (SELECT notice_id FROM notice_reads WHERE reader_role = 'resident')",
    "UPDATE topics SET comment_count = (SELECT COUNT(*) FROM topic_comments c WHERE c.topic_id = topics.id)
     WHERE id IN (SELECT topic_id FROM topic_comments)",
    "UPDATE topic_comments SET reply_count = (SELECT COUNT(*) FROM topic_comments r WHERE r.parent_id = topic_comments.id)
     WHERE id IN (SELECT parent_id FROM topic_comments WHERE parent_id IS NOT NULL)",
    "UPDATE topics SET support_count = (SELECT COUNT(*) FROM topic_support s WHERE s.topic_id = topics.id)
     WHERE id IN (SELECT topic_id FROM topic_support)",
    "UPDATE reports SET me_too = (SELECT COUNT(*) FROM report_seconds s WHERE s.report_id = reports.id)
     WHERE id IN (SELECT report_id FROM report_seconds)",
    "UPDATE campaigns SET households = (SELECT COUNT(*) FROM orders o WHERE o.campaign_id = campaigns.id AND o.cancelled_at IS NULL)
     WHERE id IN (SELECT campaign_id FROM orders WHERE cancelled_at IS NULL)",
];

/// Sets every kept count that the seeder did not write with its rows.
pub async fn set_kept_counts(conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
    let mut rows = 0;
    for statement in SET {
        rows += sqlx::query(statement).execute(&mut *conn).await?.rows_affected() as usize;
    }
    Ok(rows)
}

/// Each check counts the kept values that differ from a recount of their rows (0: all agree).
const CHECKS: [(&str, &str); 18] = [
    ("notice_counts", "SELECT COUNT(*) FROM notice_counts k WHERE k.notices <> (SELECT COUNT(*) FROM notices n WHERE n.community_id = k.community_id)"),
    ("notice_counts rows", "SELECT COUNT(*) FROM (SELECT DISTINCT community_id FROM notices) n
        WHERE NOT EXISTS (SELECT 1 FROM notice_counts k WHERE k.community_id = n.community_id)"),
    // Recounted once for everyone and joined: a count per person would read the
    // community's notices once per resident.
    ("notice_reader_counts", "SELECT COUNT(*) FROM notice_reader_counts k
        LEFT JOIN (SELECT r.user_id, n.community_id, COUNT(*) AS reads FROM notice_reads r JOIN notices n ON n.id = r.notice_id
                   GROUP BY r.user_id, n.community_id) a ON a.user_id = k.user_id AND a.community_id = k.community_id
        WHERE a.reads IS NULL OR a.reads <> k.reads"),
    ("notice_reader_counts rows", "SELECT COUNT(*) FROM (SELECT DISTINCT r.user_id, n.community_id FROM notice_reads r JOIN notices n ON n.id = r.notice_id) a
        WHERE NOT EXISTS (SELECT 1 FROM notice_reader_counts k WHERE k.user_id = a.user_id AND k.community_id = a.community_id)"),
    ("notice_building_reads", "SELECT COUNT(*) FROM notice_building_reads k WHERE k.reads <>
        (SELECT COUNT(*) FROM notice_reads r JOIN users p ON p.id = r.user_id JOIN households h ON h.id = p.household_id
         JOIN units u ON u.id = h.unit_id WHERE r.notice_id = k.notice_id AND u.building_id = k.building_id AND r.reader_role = 'resident')"),
    ("notice_building_reads rows", "SELECT COUNT(*) FROM (SELECT DISTINCT r.notice_id, u.building_id FROM notice_reads r JOIN users p ON p.id = r.user_id
         JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id WHERE r.reader_role = 'resident') a
        WHERE NOT EXISTS (SELECT 1 FROM notice_building_reads k WHERE k.notice_id = a.notice_id AND k.building_id = a.building_id)"),
    ("notices.resident_reads", "SELECT COUNT(*) FROM notices n WHERE n.resident_reads <>
        (SELECT COUNT(*) FROM notice_reads r WHERE r.notice_id = n.id AND r.reader_role = 'resident')"),
    ("topics.comment_count", "SELECT COUNT(*) FROM topics t WHERE t.comment_count <> (SELECT COUNT(*) FROM topic_comments c WHERE c.topic_id = t.id)"),
    ("topic_comments.reply_count", "SELECT COUNT(*) FROM topic_comments c WHERE c.reply_count <>
        (SELECT COUNT(*) FROM topic_comments r WHERE r.parent_id = c.id)"),
    ("topics.support_count", "SELECT COUNT(*) FROM topics t WHERE t.support_count <> (SELECT COUNT(*) FROM topic_support s WHERE s.topic_id = t.id)"),
    ("reports.me_too", "SELECT COUNT(*) FROM reports r WHERE r.me_too <> (SELECT COUNT(*) FROM report_seconds s WHERE s.report_id = r.id)"),
    ("campaigns.households", "SELECT COUNT(*) FROM campaigns c WHERE c.households <>
        (SELECT COUNT(*) FROM orders o WHERE o.campaign_id = c.id AND o.cancelled_at IS NULL)"),
    ("orders.building_id", "SELECT COUNT(*) FROM orders o WHERE o.building_id IS NULL OR o.building_id <>
        (SELECT u.building_id FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = o.household_id)"),
    ("products.ordered", "SELECT COUNT(*) FROM products p
        LEFT JOIN (SELECT l.product_id, SUM(l.quantity) AS quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
                   WHERE o.cancelled_at IS NULL GROUP BY l.product_id) s ON s.product_id = p.id
        WHERE p.ordered <> COALESCE(s.quantity, 0) OR p.ordered > p.stock"),
    ("service_slots.booked", "SELECT COUNT(*) FROM service_slots s
        LEFT JOIN (SELECT service_id, starts_at, COUNT(*) AS taken FROM bookings WHERE state IN ('pending', 'confirmed', 'checked_in', 'served')
                   GROUP BY service_id, starts_at) b ON b.service_id = s.service_id AND b.starts_at = s.starts_at
        WHERE s.booked > s.capacity OR s.booked <> COALESCE(b.taken, 0)"),
    ("service_slots rows", "SELECT COUNT(*) FROM bookings b WHERE b.state IN ('pending', 'confirmed', 'checked_in', 'served')
        AND NOT EXISTS (SELECT 1 FROM service_slots s WHERE s.service_id = b.service_id AND s.starts_at = b.starts_at)"),
    ("queue_days.last_number", "SELECT COUNT(*) FROM queue_days q WHERE q.last_number <>
        (SELECT MAX(t.number) FROM tickets t WHERE t.service_id = q.service_id AND t.day = q.day)"),
    ("bookings: one open per service and resident", "SELECT COUNT(*) FROM (SELECT service_id, resident_id FROM bookings
        WHERE state IN ('pending', 'confirmed', 'checked_in') GROUP BY service_id, resident_id HAVING COUNT(*) > 1) d"),
];

/// What disagrees: each kept count that differs from a recount of its rows, each vote
/// whose totals differ from a recount of its ballots, and each ballot chain that does not
/// verify. Empty when everything agrees.
pub async fn kept_counts(conn: &mut AnyConnection) -> Result<Vec<String>, AppError> {
    let mut problems = Vec::new();
    for (what, sql) in CHECKS {
        let (wrong,): (i64,) = sqlx::query_as(sql).fetch_one(&mut *conn).await?;
        if wrong > 0 {
            problems.push(format!("{what}: {wrong} differ from their rows"));
        }
    }
    let votes: Vec<(i64, i64)> = sqlx::query_as("SELECT id, community_id FROM votes ORDER BY id").fetch_all(&mut *conn).await?;
    for (vote, community) in votes {
        problems.extend(vote_problems(conn, VoteId(vote), CommunityId(community)).await?);
    }
    Ok(problems)
}

/// A vote's kept totals against a recount, and its ballot chain link by link.
async fn vote_problems(conn: &mut AnyConnection, vote: VoteId, community: CommunityId) -> Result<Vec<String>, AppError> {
    let mut problems = Vec::new();
    let row = find_vote(&mut *conn, community, vote).await?.ok_or(AppError::NotFound)?;
    let sizes = community_sizes(&mut *conn, community).await?;
    let (kept, counted) = (tally(&mut *conn, &sizes, &row).await?, recount(&mut *conn, &row).await?);
    if kept != counted {
        problems.push(format!("vote {vote}: totals {kept:?} differ from a recount {counted:?}"));
    }
    let chain: Vec<(i64, String, String, i64, String)> =
        sqlx::query_as("SELECT sequence, receipt, choices, cast_at, hash FROM ballot_chain WHERE vote_id = $1 ORDER BY sequence")
            .bind(vote.0)
            .fetch_all(&mut *conn)
            .await?;
    let entries: Vec<ChainEntry> = chain
        .into_iter()
        .map(|(sequence, receipt, choices, cast_at_millis, hash)| ChainEntry { sequence, receipt, choices: decode_choices(&choices), cast_at_millis, hash })
        .collect();
    if let Some(broken) = first_broken_link(vote.0, &entries) {
        problems.push(format!("vote {vote}: the ballot chain breaks at entry {}", broken + 1));
    }
    let (length, head): (i64, String) = sqlx::query_as("SELECT chain_length, chain_head FROM votes WHERE id = $1").bind(vote.0).fetch_one(&mut *conn).await?;
    let last = entries.last().map(|entry| (entry.sequence, entry.hash.clone()));
    if last.is_some_and(|last| last != (length, head)) {
        problems.push(format!("vote {vote}: the chain's kept length and head are not its last entry's"));
    }
    Ok(problems)
}
