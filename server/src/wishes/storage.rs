//! SQL of micro-wishes. A wish's state moves only by a conditional update from the state
//! the caller saw, so two people acting at once cannot both succeed.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use linli_api::ids::{CommunityId, HouseholdId, UploadId, UserId, WishId};
use linli_api::wishes::{VolunteerTally, WishCategory, WishEvent, WishEventKind, WishRules, WishState};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::clock::Resume;
use crate::db::{from_millis, to_millis};

pub async fn rules_of(conn: &mut AnyConnection, community: CommunityId) -> Result<WishRules, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT claim_days FROM wish_rules WHERE community_id = $1")
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map_or_else(WishRules::default, |(days,)| WishRules { claim_days: u32::try_from(days).unwrap_or(1) }))
}

pub async fn set_rules(conn: &mut AnyConnection, community: CommunityId, rules: WishRules) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO wish_rules (community_id, claim_days) VALUES ($1, $2)
         ON CONFLICT (community_id) DO UPDATE SET claim_days = excluded.claim_days",
    )
    .bind(community.0)
    .bind(i64::from(rules.claim_days))
    .execute(conn)
    .await?;
    Ok(())
}

pub struct NewWishRow<'a> {
    pub community: CommunityId,
    pub wisher: Option<UserId>,
    pub wisher_name: &'a str,
    pub wisher_phone: Option<&'a str>,
    pub household: Option<HouseholdId>,
    pub posted_by: UserId,
    pub what: &'a str,
    pub why: &'a str,
    pub category: WishCategory,
    pub photo: Option<UploadId>,
    pub wanted_by: NaiveDate,
    pub state: WishState,
    pub at: DateTime<Utc>,
}

pub async fn insert_wish(conn: &mut AnyConnection, wish: &NewWishRow<'_>) -> Result<WishId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO wishes (community_id, wisher_id, wisher_name, wisher_phone, household_id, posted_by, what, why,
                             category, photo_id, wanted_by, state, posted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(wish.community.0)
    .bind(wish.wisher.map(|user| user.0))
    .bind(wish.wisher_name)
    .bind(wish.wisher_phone)
    .bind(wish.household.map(|household| household.0))
    .bind(wish.posted_by.0)
    .bind(wish.what)
    .bind(wish.why)
    .bind(wish.category.as_str())
    .bind(wish.photo.map(|photo| photo.0))
    .bind(wish.wanted_by.to_string())
    .bind(wish.state.as_str())
    .bind(to_millis(wish.at))
    .fetch_one(conn)
    .await?;
    Ok(WishId(id))
}

/// The claim a wish shows: the live one (the volunteer holding it, and their fulfilment once
/// done) or, once the wish is closed, the one its confirmation closed. A wish has at most one
/// of either, never both.
#[derive(Debug, Clone)]
pub struct ClaimRow {
    pub id: i64,
    pub claimer: UserId,
    pub claimer_name: String,
    pub organisation: Option<String>,
    pub claimed_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub note: Option<String>,
    pub note_photo: Option<UploadId>,
    pub minutes: Option<i64>,
    pub fulfilled_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct WishRow {
    pub id: WishId,
    pub community: CommunityId,
    pub wisher: Option<UserId>,
    pub wisher_name: String,
    pub wisher_phone: Option<String>,
    pub household: Option<HouseholdId>,
    pub what: String,
    pub why: String,
    pub category: WishCategory,
    pub photo: Option<UploadId>,
    pub wanted_by: NaiveDate,
    pub state: WishState,
    pub reason: Option<String>,
    pub thanks: Option<String>,
    pub posted_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub claim: Option<ClaimRow>,
}

const SELECT: &str = "SELECT w.id, w.community_id, w.wisher_id, w.wisher_name, w.wisher_phone, w.household_id, w.what,
        w.why, w.category, w.photo_id, w.wanted_by, w.state, w.reason, w.thanks, w.posted_at, w.closed_at,
        c.id AS claim_id, c.claimer_id, c.claimer_name, c.organisation, c.claimed_at, c.expires_at, c.note,
        c.note_photo_id, c.minutes, c.fulfilled_at
    FROM wishes w LEFT JOIN wish_claims c ON c.wish_id = w.id AND (c.ended_at IS NULL OR c.outcome = 'confirmed')";

fn corrupt(column: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("wishes.{column} holds a value this version does not know").into())
}

fn wish_row(row: &AnyRow) -> Result<WishRow, sqlx::Error> {
    let claim = match row.try_get::<Option<i64>, _>("claim_id")? {
        None => None,
        Some(id) => Some(ClaimRow {
            id,
            claimer: UserId(row.try_get("claimer_id")?),
            claimer_name: row.try_get("claimer_name")?,
            organisation: row.try_get("organisation")?,
            claimed_at: from_millis(row.try_get("claimed_at")?),
            expires_at: from_millis(row.try_get("expires_at")?),
            note: row.try_get("note")?,
            note_photo: row.try_get::<Option<i64>, _>("note_photo_id")?.map(UploadId),
            minutes: row.try_get("minutes")?,
            fulfilled_at: row.try_get::<Option<i64>, _>("fulfilled_at")?.map(from_millis),
        }),
    };
    let category: String = row.try_get("category")?;
    let state: String = row.try_get("state")?;
    let wanted_by: String = row.try_get("wanted_by")?;
    Ok(WishRow {
        id: WishId(row.try_get("id")?),
        community: CommunityId(row.try_get("community_id")?),
        wisher: row.try_get::<Option<i64>, _>("wisher_id")?.map(UserId),
        wisher_name: row.try_get("wisher_name")?,
        wisher_phone: row.try_get("wisher_phone")?,
        household: row.try_get::<Option<i64>, _>("household_id")?.map(HouseholdId),
        what: row.try_get("what")?,
        why: row.try_get("why")?,
        category: WishCategory::parse(&category).ok_or_else(|| corrupt("category"))?,
        photo: row.try_get::<Option<i64>, _>("photo_id")?.map(UploadId),
        wanted_by: wanted_by.parse().map_err(|_| corrupt("wanted_by"))?,
        state: WishState::parse(&state).ok_or_else(|| corrupt("state"))?,
        reason: row.try_get("reason")?,
        thanks: row.try_get("thanks")?,
        posted_at: from_millis(row.try_get("posted_at")?),
        closed_at: row.try_get::<Option<i64>, _>("closed_at")?.map(from_millis),
        claim,
    })
}

fn wish_rows(rows: Vec<AnyRow>) -> Result<Vec<WishRow>, sqlx::Error> {
    rows.iter().map(wish_row).collect()
}

/// The wish, only within `community`.
pub async fn wish(conn: &mut AnyConnection, community: CommunityId, id: WishId) -> Result<Option<WishRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE w.id = $1 AND w.community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(wish_row).transpose()
}

/// The most a review answer lists.
pub const REVIEW_LIMIT: i64 = 200;
/// The most of one person's wishes (posted, or held as a volunteer) an answer lists: the
/// latest posted, the claims that run out soonest.
pub const OWN_LIMIT: i64 = 100;

/// Where a board page ends: the place of the wish's state among those asked, its wanted-by
/// day as `YYYYMMDD`, and its id.
pub type BoardCursor = [i64; 3];

fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.year()) * 10_000 + i64::from(day.month()) * 100 + i64::from(day.day())
}

/// The stored form (`YYYY-MM-DD`) of a cursor's day; a cursor is the caller's, so any
/// number makes some text, and the comparison does the rest.
fn day_text(number: i64) -> String {
    format!("{:04}-{:02}-{:02}", number / 10_000, number / 100 % 100, number % 100)
}

/// Up to `limit` wishes in `states`, state by state in that order and within a state wanted
/// soonest first, optionally of one category, after `after`. One statement per state the
/// page reaches, each an index range.
pub async fn board_page(
    conn: &mut AnyConnection,
    community: CommunityId,
    states: &[WishState],
    category: Option<WishCategory>,
    after: Option<BoardCursor>,
    limit: i64,
) -> Result<Vec<(WishRow, BoardCursor)>, sqlx::Error> {
    let sql = format!(
        "{SELECT} WHERE w.community_id = $1 AND w.state = $2 AND ($3 = '' OR w.category = $3) AND (w.wanted_by, w.id) > ($4, $5)
         ORDER BY w.wanted_by, w.id LIMIT $6"
    );
    let first = after.map_or(0, |[part, _, _]| part.max(0) as usize);
    let mut page = Vec::new();
    for (part, state) in states.iter().enumerate().skip(first) {
        let wanted = limit - page.len() as i64;
        if wanted <= 0 {
            break;
        }
        // Within the cursor's own state, after its wish; in the states after it, from the start.
        let (day, id) = match after {
            Some([_, day, id]) if part == first => (day_text(day), id),
            _ => (String::new(), 0),
        };
        let rows = sqlx::query(&sql)
            .bind(community.0)
            .bind(state.as_str())
            .bind(category.map_or("", WishCategory::as_str))
            .bind(day)
            .bind(id)
            .bind(wanted)
            .fetch_all(&mut *conn)
            .await?;
        for row in wish_rows(rows)? {
            let cursor = [part as i64, day_number(row.wanted_by), row.id.0];
            page.push((row, cursor));
        }
    }
    Ok(page)
}

/// Wishes in `states` (optionally of one category), those wanted soonest first.
pub async fn in_states(
    conn: &mut AnyConnection,
    community: CommunityId,
    states: &[WishState],
    category: Option<WishCategory>,
) -> Result<Vec<WishRow>, sqlx::Error> {
    let state_list = crate::db::placeholders(3, states.len());
    let sql = format!(
        "{SELECT} WHERE w.community_id = $1 AND ($2 = '' OR w.category = $2) AND w.state IN ({state_list})
         ORDER BY w.wanted_by, w.id LIMIT {REVIEW_LIMIT}"
    );
    let mut query = sqlx::query(&sql).bind(community.0).bind(category.map_or("", WishCategory::as_str));
    for state in states {
        query = query.bind(state.as_str());
    }
    wish_rows(query.fetch_all(conn).await?)
}

/// A resident's wishes, newest first (the latest [`OWN_LIMIT`]).
pub async fn of_wisher(conn: &mut AnyConnection, community: CommunityId, wisher: UserId) -> Result<Vec<WishRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SELECT} WHERE w.community_id = $1 AND w.wisher_id = $2 ORDER BY w.posted_at DESC, w.id DESC LIMIT {OWN_LIMIT}"))
        .bind(community.0)
        .bind(wisher.0)
        .fetch_all(conn)
        .await?;
    wish_rows(rows)
}

/// The wishes a volunteer holds now (claimed or fulfilled, not yet confirmed).
pub async fn held_by(conn: &mut AnyConnection, community: CommunityId, claimer: UserId) -> Result<Vec<WishRow>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SELECT} WHERE w.community_id = $1 AND c.claimer_id = $2 AND c.ended_at IS NULL ORDER BY c.expires_at, w.id LIMIT {OWN_LIMIT}"))
        .bind(community.0)
        .bind(claimer.0)
        .fetch_all(conn)
        .await?;
    wish_rows(rows)
}

/// What a step writes into the wish row besides its state.
#[derive(Debug, Default)]
pub struct StateChange<'a> {
    pub reason: Option<&'a str>,
    pub thanks: Option<&'a str>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// Moves the wish from `from` to `to`; false when it was no longer in `from`.
pub async fn move_state(
    conn: &mut AnyConnection,
    id: WishId,
    from: WishState,
    to: WishState,
    change: &StateChange<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE wishes SET state = $1, reason = COALESCE($2, reason), thanks = COALESCE($3, thanks),
                           closed_at = COALESCE($4, closed_at)
         WHERE id = $5 AND state = $6",
    )
    .bind(to.as_str())
    .bind(change.reason)
    .bind(change.thanks)
    .bind(change.closed_at.map(to_millis))
    .bind(id.0)
    .bind(from.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub struct NewClaim<'a> {
    pub wish: WishId,
    pub claimer: UserId,
    pub claimer_name: &'a str,
    pub organisation: Option<&'a str>,
    pub claimed_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A second live claim on the same wish is a unique violation.
pub async fn insert_claim(conn: &mut AnyConnection, claim: &NewClaim<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO wish_claims (wish_id, claimer_id, claimer_name, organisation, claimed_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(claim.wish.0)
    .bind(claim.claimer.0)
    .bind(claim.claimer_name)
    .bind(claim.organisation)
    .bind(to_millis(claim.claimed_at))
    .bind(to_millis(claim.expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// How a claim ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimOutcome {
    Released,
    Expired,
    Withdrawn,
    Confirmed,
}

impl ClaimOutcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Released => "released",
            Self::Expired => "expired",
            Self::Withdrawn => "withdrawn",
            Self::Confirmed => "confirmed",
        }
    }
}

/// Ends the wish's live claim, if it has one.
pub async fn end_claim(conn: &mut AnyConnection, wish: WishId, outcome: ClaimOutcome, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE wish_claims SET outcome = $1, ended_at = $2 WHERE wish_id = $3 AND ended_at IS NULL")
        .bind(outcome.as_str())
        .bind(to_millis(at))
        .bind(wish.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub struct Fulfilment<'a> {
    pub note: &'a str,
    pub photo: Option<UploadId>,
    pub minutes: Option<u32>,
    pub at: DateTime<Utc>,
}

/// Records the volunteer's fulfilment on their live claim, only while it has not run out.
pub async fn fulfil_claim(conn: &mut AnyConnection, wish: WishId, claimer: UserId, done: &Fulfilment<'_>) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE wish_claims SET note = $1, note_photo_id = $2, minutes = $3, fulfilled_at = $4
         WHERE wish_id = $5 AND claimer_id = $6 AND ended_at IS NULL AND expires_at > $4",
    )
    .bind(done.note)
    .bind(done.photo.map(|photo| photo.0))
    .bind(done.minutes.map(i64::from))
    .bind(to_millis(done.at))
    .bind(wish.0)
    .bind(claimer.0)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

pub struct NewEvent<'a> {
    pub wish: WishId,
    pub kind: WishEventKind,
    pub actor: Option<UserId>,
    pub actor_name: &'a str,
    pub detail: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn record(conn: &mut AnyConnection, event: &NewEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO wish_events (wish_id, kind, actor_id, actor_name, detail, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(event.wish.0)
        .bind(event.kind.as_str())
        .bind(event.actor.map(|actor| actor.0))
        .bind(event.actor_name)
        .bind(event.detail)
        .bind(to_millis(event.at))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn history(conn: &mut AnyConnection, wish: WishId) -> Result<Vec<WishEvent>, sqlx::Error> {
    Ok(histories(conn, &[wish]).await?.remove(&wish).unwrap_or_default())
}

/// The histories of these wishes, each oldest first, in one statement.
pub async fn histories(conn: &mut AnyConnection, wishes: &[WishId]) -> Result<HashMap<WishId, Vec<WishEvent>>, sqlx::Error> {
    let ids: Vec<i64> = wishes.iter().map(|wish| wish.0).collect();
    let rows: Vec<(i64, String, String, String, i64)> =
        crate::db::select_in(conn, "SELECT wish_id, kind, actor_name, detail, at FROM wish_events WHERE wish_id IN ({ids}) ORDER BY id", &ids, &[])
            .await?;
    let mut histories: HashMap<WishId, Vec<WishEvent>> = HashMap::new();
    for (wish, kind, actor, detail, at) in rows {
        if let Some(kind) = WishEventKind::parse(&kind) {
            histories.entry(WishId(wish)).or_default().push(WishEvent { kind, actor, detail, at: from_millis(at) });
        }
    }
    Ok(histories)
}

/// A live claim the clock has something to say about.
#[derive(Debug, Clone)]
pub struct RunningClaim {
    pub claim: i64,
    pub wish: WishId,
    pub community: CommunityId,
    pub claimer: UserId,
    pub claimed_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl RunningClaim {
    /// Where the clock's reading of running claims goes on from.
    pub fn resume(&self) -> Resume {
        (self.expires_at.timestamp_millis(), self.claim)
    }
}

/// Up to `limit` live claims of claimed (not yet fulfilled) wishes that run out before
/// `before` and whose volunteer was not reminded yet (`unreminded`), or all of them, after
/// `after` (`RunningClaim::resume`), the soonest to run out first.
pub async fn running_claims(
    conn: &mut AnyConnection,
    before: DateTime<Utc>,
    unreminded: bool,
    after: Option<Resume>,
    limit: i64,
) -> Result<Vec<RunningClaim>, sqlx::Error> {
    let (at, id) = after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<(i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT c.id, w.id, w.community_id, c.claimer_id, c.claimed_at, c.expires_at
         FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
         WHERE c.ended_at IS NULL AND w.state = 'claimed' AND c.expires_at <= $1 AND ($2 = 0 OR c.reminded_at IS NULL)
               AND (c.expires_at, c.id) > ($3, $4)
         ORDER BY c.expires_at, c.id LIMIT $5",
    )
    .bind(to_millis(before))
    .bind(i64::from(unreminded))
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(claim, wish, community, claimer, claimed_at, expires_at)| RunningClaim {
            claim,
            wish: WishId(wish),
            community: CommunityId(community),
            claimer: UserId(claimer),
            claimed_at: from_millis(claimed_at),
            expires_at: from_millis(expires_at),
        })
        .collect())
}

/// Marks the volunteer reminded, once.
pub async fn mark_reminded(conn: &mut AnyConnection, claim: i64, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE wish_claims SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL")
        .bind(to_millis(at))
        .bind(claim)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Volunteers by confirmed wishes and minutes given, most first. (PostgreSQL sums BIGINTs
/// as NUMERIC: the casts keep both backends answering BIGINT.)
pub async fn volunteer_tallies(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(UserId, VolunteerTally)>, sqlx::Error> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT c.claimer_id, MAX(c.claimer_name), COUNT(*), CAST(COALESCE(SUM(c.minutes), 0) AS BIGINT)
         FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
         WHERE w.community_id = $1 AND c.outcome = 'confirmed'
         GROUP BY c.claimer_id ORDER BY COUNT(*) DESC, COALESCE(SUM(c.minutes), 0) DESC, c.claimer_id",
    )
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, wishes, minutes)| (UserId(id), VolunteerTally { name, organisation: None, wishes, minutes }))
        .collect())
}

/// Each volunteer's organisation on their latest confirmed wish that named one.
pub async fn latest_organisations(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(UserId, String)>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT c.claimer_id, c.organisation FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
         WHERE w.community_id = $1 AND c.outcome = 'confirmed' AND c.organisation IS NOT NULL
         ORDER BY c.ended_at, c.id",
    )
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, organisation)| (UserId(id), organisation)).collect())
}

/// Organisations by confirmed wishes and minutes, most first.
pub async fn organisation_tallies(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<VolunteerTally>, sqlx::Error> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT c.organisation, COUNT(*), CAST(COALESCE(SUM(c.minutes), 0) AS BIGINT)
         FROM wish_claims c JOIN wishes w ON w.id = c.wish_id
         WHERE w.community_id = $1 AND c.outcome = 'confirmed' AND c.organisation IS NOT NULL
         GROUP BY c.organisation ORDER BY COUNT(*) DESC, COALESCE(SUM(c.minutes), 0) DESC, c.organisation",
    )
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(name, wishes, minutes)| VolunteerTally { name, organisation: None, wishes, minutes }).collect())
}

/// A confirmed wish with its thanks and the volunteer whose claim it closed.
pub struct ThanksRow {
    pub wish: WishId,
    pub what: String,
    pub wisher_name: String,
    pub household: Option<HouseholdId>,
    pub volunteer: String,
    pub organisation: Option<String>,
    pub thanks: String,
    pub at: DateTime<Utc>,
}

/// The thanks wall: confirmed wishes whose wisher thanked publicly, newest first.
pub async fn thanks(conn: &mut AnyConnection, community: CommunityId, limit: i64) -> Result<Vec<ThanksRow>, sqlx::Error> {
    type Tuple = (i64, String, String, Option<i64>, String, Option<String>, String, i64);
    let rows: Vec<Tuple> = sqlx::query_as(
        "SELECT w.id, w.what, w.wisher_name, w.household_id, c.claimer_name, c.organisation, w.thanks, w.closed_at
         FROM wishes w JOIN wish_claims c ON c.wish_id = w.id AND c.outcome = 'confirmed'
         WHERE w.community_id = $1 AND w.state = 'closed' AND w.thanks IS NOT NULL
         ORDER BY w.closed_at DESC, w.id DESC LIMIT $2",
    )
    .bind(community.0)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(wish, what, wisher_name, household, volunteer, organisation, thanks, at)| ThanksRow {
            wish: WishId(wish),
            what,
            wisher_name,
            household: household.map(HouseholdId),
            volunteer,
            organisation,
            thanks,
            at: from_millis(at),
        })
        .collect())
}
