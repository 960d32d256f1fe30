//! SQL of votes, the ballot chain and who took part.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use linli_api::hall::{Eligibility, Matter, NewVote, VoteKind};
use linli_api::ids::{CommunityId, HouseholdId, TopicId, UserId, VoteId};
use sqlx::AnyConnection;

use super::ballot::{genesis, Kind};
use super::batch::Standing;
use crate::db::{flag, from_millis, placeholders, to_millis};

/// Enums in their stored form: their serde (snake_case) names.
fn stored<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn parsed<T: serde::de::DeserializeOwned>(raw: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).ok()
}

/// Choices in their stored form, `0,2`.
pub fn encode_choices(choices: &[u32]) -> String {
    choices.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

pub fn decode_choices(stored: &str) -> Vec<u32> {
    stored.split(',').filter_map(|choice| choice.parse().ok()).collect()
}

#[derive(Debug, Clone)]
pub struct VoteRow {
    pub id: VoteId,
    pub community: CommunityId,
    pub question: String,
    pub description_html: String,
    pub kind: VoteKind,
    pub options: Vec<String>,
    pub max_choices: u32,
    pub eligibility: Eligibility,
    pub matter: Option<Matter>,
    pub secret: bool,
    pub final_on_cast: bool,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The topic the vote decides.
    pub topic: Option<TopicId>,
    /// The register an owners' vote counts, as it stood when the vote was published.
    pub register_snapshot: Option<i64>,
}

impl VoteRow {
    /// The kind as the ballot rules see it.
    pub fn ballot_kind(&self) -> Kind {
        let options = self.options.len() as u32;
        match self.kind {
            VoteKind::YesNoAbstain => Kind::YesNoAbstain,
            VoteKind::Single => Kind::Single { options },
            VoteKind::Multiple => Kind::Multiple { options, max: self.max_choices },
        }
    }
}

type VoteTuple = (i64, i64, String, String, String, String, i64, String, Option<String>, i64, i64, i64, i64, Option<i64>, Option<i64>);

const VOTE_COLUMNS: &str = "SELECT id, community_id, question, description_html, kind, options, max_choices, eligibility, matter,
        secret, final_on_cast, opens_at, closes_at, (SELECT t.id FROM topics t WHERE t.vote_id = votes.id) AS topic_id,
        register_snapshot_id FROM votes";

fn vote_row(row: VoteTuple) -> Option<VoteRow> {
    let (id, community, question, description_html, kind, options, max_choices, eligibility, matter, secret, final_on_cast, opens, closes, topic, snapshot) =
        row;
    Some(VoteRow {
        id: VoteId(id),
        community: CommunityId(community),
        question,
        description_html,
        kind: parsed(&kind)?,
        options: serde_json::from_str(&options).ok()?,
        max_choices: u32::try_from(max_choices).ok()?,
        eligibility: parsed(&eligibility)?,
        matter: matter.as_deref().and_then(parsed),
        secret: secret != 0,
        final_on_cast: final_on_cast != 0,
        opens_at: from_millis(opens),
        closes_at: from_millis(closes),
        topic: topic.map(TopicId),
        register_snapshot: snapshot,
    })
}

/// Fixes the register an owners' vote counts.
pub async fn set_register_snapshot(conn: &mut AnyConnection, vote: VoteId, snapshot: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE votes SET register_snapshot_id = $1 WHERE id = $2").bind(snapshot).bind(vote.0).execute(conn).await?;
    Ok(())
}

pub async fn insert_vote(
    conn: &mut AnyConnection,
    community: CommunityId,
    created_by: UserId,
    vote: &NewVote,
    description_html: &str,
    max_choices: u32,
    now: DateTime<Utc>,
) -> Result<VoteId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO votes (community_id, question, description_markdown, description_html, kind, options, max_choices,
                            eligibility, matter, secret, final_on_cast, opens_at, closes_at, created_by, created_at,
                            chain_head)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '') RETURNING id",
    )
    .bind(community.0)
    .bind(&vote.question)
    .bind(&vote.description)
    .bind(description_html)
    .bind(stored(vote.kind))
    .bind(serde_json::to_string(&vote.options).unwrap_or_else(|_| "[]".into()))
    .bind(i64::from(max_choices))
    .bind(stored(vote.eligibility))
    .bind(vote.matter.map(stored))
    .bind(flag(vote.secret))
    .bind(flag(vote.final_on_cast))
    .bind(to_millis(vote.opens_at))
    .bind(to_millis(vote.closes_at))
    .bind(created_by.0)
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE votes SET chain_head = $1 WHERE id = $2").bind(genesis(id)).bind(id).execute(&mut *conn).await?;
    let options = match vote.kind {
        VoteKind::YesNoAbstain => 3,
        _ => vote.options.len() as i64,
    };
    for option in -1..options {
        sqlx::query("INSERT INTO vote_totals (vote_id, option_index) VALUES ($1, $2)").bind(id).bind(option).execute(&mut *conn).await?;
    }
    Ok(VoteId(id))
}

pub async fn find_vote(conn: &mut AnyConnection, community: CommunityId, id: VoteId) -> Result<Option<VoteRow>, sqlx::Error> {
    let row: Option<VoteTuple> = sqlx::query_as(&format!("{VOTE_COLUMNS} WHERE id = $1 AND community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(vote_row))
}

/// The community's votes, newest closing time first (the handler puts open ones first).
pub async fn votes(conn: &mut AnyConnection, community: CommunityId, limit: i64) -> Result<Vec<VoteRow>, sqlx::Error> {
    let rows: Vec<VoteTuple> = sqlx::query_as(&format!("{VOTE_COLUMNS} WHERE community_id = $1 ORDER BY closes_at DESC, id DESC LIMIT $2"))
        .bind(community.0)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(vote_row).collect())
}

/// Takes the next place in the vote's chain: its sequence number and the hash before it.
/// Run first in the casting transaction, so casts on one vote take their turn.
/// Locks the vote's row until commit and reads its chain's length and head: batches of
/// ballots on one vote take their turn here (a row lock on PostgreSQL; SQLite has one
/// writer anyway).
pub async fn lock_chain(conn: &mut AnyConnection, vote: VoteId) -> Result<(i64, String), sqlx::Error> {
    sqlx::query_as("UPDATE votes SET chain_length = chain_length WHERE id = $1 RETURNING chain_length, chain_head")
        .bind(vote.0)
        .fetch_one(conn)
        .await
}

pub async fn set_chain(conn: &mut AnyConnection, vote: VoteId, length: i64, head: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE votes SET chain_length = $1, chain_head = $2 WHERE id = $3")
        .bind(length)
        .bind(head)
        .bind(vote.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// The counted ballots of `voter_keys` on the vote: choices and area.
pub async fn standings(conn: &mut AnyConnection, vote: VoteId, voter_keys: &[&str]) -> Result<HashMap<String, Standing>, sqlx::Error> {
    if voter_keys.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT p.voter_key, c.choices, p.area
         FROM vote_participation p JOIN ballot_chain c ON c.vote_id = p.vote_id AND c.sequence = p.counted_sequence
         WHERE p.vote_id = $1 AND p.voter_key IN ({})",
        placeholders(2, voter_keys.len())
    );
    let mut query = sqlx::query_as::<_, (String, String, i64)>(&sql).bind(vote.0);
    for key in voter_keys {
        query = query.bind(*key);
    }
    let rows = query.fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(key, choices, area)| (key, Standing { choices: decode_choices(&choices), area })).collect())
}

/// One entry to append to a vote's chain.
pub struct ChainRow<'a> {
    pub sequence: i64,
    pub receipt: &'a str,
    pub choices: &'a [u32],
    pub hash: &'a str,
}

/// Appends entries to the chain in one statement.
pub async fn append_chain(conn: &mut AnyConnection, vote: VoteId, at: DateTime<Utc>, rows: &[ChainRow<'_>]) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let values: Vec<String> = (0..rows.len()).map(|i| format!("({})", placeholders(1 + i * 6, 6))).collect();
    let sql = format!("INSERT INTO ballot_chain (vote_id, sequence, receipt, choices, cast_at, hash) VALUES {}", values.join(", "));
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = query.bind(vote.0).bind(row.sequence).bind(row.receipt).bind(encode_choices(row.choices)).bind(to_millis(at)).bind(row.hash);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Who took part and which entry counts for them.
pub struct ParticipationRow<'a> {
    pub voter_key: &'a str,
    /// The resident the ballot is for, and who pressed the button (a proxy, or them).
    pub resident: UserId,
    pub cast_by: UserId,
    pub household: Option<HouseholdId>,
    pub area: i64,
    pub counted_sequence: i64,
}

/// Makes each row's entry its voter's counted ballot, in one statement; at most one row
/// per voter (a statement may not update one row twice).
pub async fn count_ballots(conn: &mut AnyConnection, vote: VoteId, at: DateTime<Utc>, rows: &[ParticipationRow<'_>]) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let values: Vec<String> = (0..rows.len()).map(|i| format!("({})", placeholders(1 + i * 8, 8))).collect();
    let sql = format!(
        "INSERT INTO vote_participation (vote_id, voter_key, resident_id, cast_by, household_id, area, counted_sequence, cast_at)
         VALUES {}
         ON CONFLICT (vote_id, voter_key) DO UPDATE SET resident_id = excluded.resident_id, cast_by = excluded.cast_by,
             area = excluded.area, counted_sequence = excluded.counted_sequence, cast_at = excluded.cast_at",
        values.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = query
            .bind(vote.0)
            .bind(row.voter_key)
            .bind(row.resident.0)
            .bind(row.cast_by.0)
            .bind(row.household.map(|h| h.0))
            .bind(row.area)
            .bind(row.counted_sequence)
            .bind(to_millis(at));
    }
    query.execute(conn).await?;
    Ok(())
}

/// A voter's counted ballot, and the area behind it.
#[derive(Debug, Clone)]
pub struct CountedBallot {
    pub choices: Vec<u32>,
    pub receipt: String,
    pub cast_at: DateTime<Utc>,
    /// Who pressed the button: the resident, or a family proxy.
    pub cast_by: UserId,
    pub resident: UserId,
    pub area: i64,
}

pub async fn counted_ballot(conn: &mut AnyConnection, vote: VoteId, voter_key: &str) -> Result<Option<CountedBallot>, sqlx::Error> {
    let row: Option<(String, String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT c.choices, c.receipt, c.cast_at, p.cast_by, p.resident_id, p.area
         FROM vote_participation p JOIN ballot_chain c ON c.vote_id = p.vote_id AND c.sequence = p.counted_sequence
         WHERE p.vote_id = $1 AND p.voter_key = $2",
    )
    .bind(vote.0)
    .bind(voter_key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(choices, receipt, at, by, resident, area)| CountedBallot {
        choices: decode_choices(&choices),
        receipt,
        cast_at: from_millis(at),
        cast_by: UserId(by),
        resident: UserId(resident),
        area,
    }))
}

/// Every counted ballot: the voter's unit, its area and its choices (the tally's input).
pub async fn counted_ballots(conn: &mut AnyConnection, vote: VoteId) -> Result<Vec<(String, i64, Vec<u32>)>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT p.voter_key, p.area, c.choices
         FROM vote_participation p JOIN ballot_chain c ON c.vote_id = p.vote_id AND c.sequence = p.counted_sequence
         WHERE p.vote_id = $1",
    )
    .bind(vote.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(key, area, choices)| (key, area, decode_choices(&choices))).collect())
}

/// A chain entry as stored: sequence, receipt, choices, when, hash, and whether it is a
/// voter's counted ballot.
pub type PublishedEntry = (i64, String, Vec<u32>, DateTime<Utc>, String, bool);

/// A chain entry and whether it is counted: a join on the participation's index, not a
/// count per entry.
const PUBLISHED_ENTRY: &str = "SELECT c.sequence, c.receipt, c.choices, c.cast_at, c.hash, p.voter_key
     FROM ballot_chain c
     LEFT JOIN vote_participation p ON p.vote_id = c.vote_id AND p.counted_sequence = c.sequence";

type PublishedRow = (i64, String, String, i64, String, Option<String>);

fn published((sequence, receipt, choices, at, hash, counted): PublishedRow) -> PublishedEntry {
    (sequence, receipt, decode_choices(&choices), from_millis(at), hash, counted.is_some())
}

/// Up to `limit` chain entries after `after` (0: from the start), in order, each marked
/// counted or replaced.
pub async fn chain_page(conn: &mut AnyConnection, vote: VoteId, after: i64, limit: i64) -> Result<Vec<PublishedEntry>, sqlx::Error> {
    let rows: Vec<PublishedRow> =
        sqlx::query_as(&format!("{PUBLISHED_ENTRY} WHERE c.vote_id = $1 AND c.sequence > $2 ORDER BY c.sequence LIMIT $3"))
            .bind(vote.0)
            .bind(after)
            .bind(limit)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(published).collect())
}

/// The chain entry with this receipt.
pub async fn chain_entry_by_receipt(conn: &mut AnyConnection, vote: VoteId, receipt: &str) -> Result<Option<PublishedEntry>, sqlx::Error> {
    let row: Option<PublishedRow> = sqlx::query_as(&format!("{PUBLISHED_ENTRY} WHERE c.vote_id = $1 AND c.receipt = $2"))
        .bind(vote.0)
        .bind(receipt)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(published))
}

/// The hash of chain entry `sequence`, which the next page links to.
pub async fn chain_hash(conn: &mut AnyConnection, vote: VoteId, sequence: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT hash FROM ballot_chain WHERE vote_id = $1 AND sequence = $2")
        .bind(vote.0)
        .bind(sequence)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(hash,)| hash))
}

/// Entries in the chain (sequences run 1, 2, 3, … without gaps), read off its key.
pub async fn chain_length(conn: &mut AnyConnection, vote: VoteId) -> Result<i64, sqlx::Error> {
    let (length,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(sequence) FROM ballot_chain WHERE vote_id = $1").bind(vote.0).fetch_one(conn).await?;
    Ok(length.unwrap_or(0))
}

/// Where a page of participants ends: when and whose ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationCursor {
    pub cast_at_millis: i64,
    pub voter_key: String,
}

impl ParticipationCursor {
    pub fn encode(&self) -> String {
        format!("{}:{}", self.cast_at_millis, self.voter_key)
    }

    pub fn decode(raw: &str) -> Option<Self> {
        let (at, key) = raw.split_once(':')?;
        Some(Self { cast_at_millis: at.parse().ok()?, voter_key: key.to_owned() })
    }
}

/// A participant as stored: the resident, who pressed the button, their household, when,
/// what they chose (the handler drops the choices of a secret vote), and the page cursor.
pub type Participation = (UserId, UserId, Option<HouseholdId>, DateTime<Utc>, Vec<u32>, ParticipationCursor);

/// Up to `limit` participants after `after`, in the order they took part.
pub async fn participation_page(
    conn: &mut AnyConnection,
    vote: VoteId,
    after: Option<&ParticipationCursor>,
    limit: i64,
) -> Result<Vec<Participation>, sqlx::Error> {
    let (at, key) = after.map_or((i64::MIN, String::new()), |cursor| (cursor.cast_at_millis, cursor.voter_key.clone()));
    let rows: Vec<(i64, i64, Option<i64>, i64, String, String)> = sqlx::query_as(
        "SELECT p.resident_id, p.cast_by, p.household_id, p.cast_at, c.choices, p.voter_key
         FROM vote_participation p JOIN ballot_chain c ON c.vote_id = p.vote_id AND c.sequence = p.counted_sequence
         WHERE p.vote_id = $1 AND (p.cast_at > $2 OR (p.cast_at = $2 AND p.voter_key > $3))
         ORDER BY p.cast_at, p.voter_key LIMIT $4",
    )
    .bind(vote.0)
    .bind(at)
    .bind(key)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(resident, by, household, at, choices, voter_key)| {
            let cursor = ParticipationCursor { cast_at_millis: at, voter_key };
            (UserId(resident), UserId(by), household.map(HouseholdId), from_millis(at), decode_choices(&choices), cursor)
        })
        .collect())
}

/// How many took part.
pub async fn participation_count(conn: &mut AnyConnection, vote: VoteId) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM vote_participation WHERE vote_id = $1").bind(vote.0).fetch_one(conn).await?;
    Ok(count)
}

/// Moves the running totals by a batch's changes (per option index; -1 is the whole
/// vote), in the casting transaction, so the totals always equal a recount.
pub async fn add_to_totals(conn: &mut AnyConnection, vote: VoteId, deltas: &BTreeMap<i64, (i64, i64)>) -> Result<(), sqlx::Error> {
    for (option, (ballots, area)) in deltas {
        sqlx::query("UPDATE vote_totals SET ballots = ballots + $1, area = area + $2 WHERE vote_id = $3 AND option_index = $4")
            .bind(*ballots)
            .bind(*area)
            .bind(vote.0)
            .bind(*option)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The running totals: the whole vote (ballots, area), then each option's, in order; none
/// for a vote opened before totals were kept.
pub async fn totals(conn: &mut AnyConnection, vote: VoteId) -> Result<Option<((i64, i64), Vec<(i64, i64)>)>, sqlx::Error> {
    let rows: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT option_index, ballots, area FROM vote_totals WHERE vote_id = $1 ORDER BY option_index")
            .bind(vote.0)
            .fetch_all(conn)
            .await?;
    let Some(((-1, ballots, area), options)) = rows.split_first().map(|(first, rest)| (*first, rest)) else {
        return Ok(None);
    };
    Ok(Some(((ballots, area), options.iter().map(|(_, ballots, area)| (*ballots, *area)).collect())))
}

/// Votes taking ballots now, per community.
pub async fn open_vote_counts(conn: &mut AnyConnection, communities: &[CommunityId], now: DateTime<Utc>) -> Result<HashMap<CommunityId, i64>, sqlx::Error> {
    let ids: Vec<i64> = communities.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, i64)> = crate::db::select_in(
        conn,
        "SELECT community_id, COUNT(*) FROM votes WHERE community_id IN ({ids}) AND opens_at <= {next} AND closes_at > {next} GROUP BY community_id",
        &ids,
        &[to_millis(now)],
    )
    .await?;
    Ok(rows.into_iter().map(|(community, count)| (CommunityId(community), count)).collect())
}
