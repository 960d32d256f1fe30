//! SQL of problem reports. A case's state moves only by a conditional update from the state
//! the caller saw, so of two handlers tapping "accept" at once exactly one gets the case, and
//! the clock never escalates a case a handler has just accepted; "me too" is one row per
//! person and case (a primary key).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use linli_api::ids::{CommunityId, HouseholdId, ReportId, UploadId, UserId};
use linli_api::reports::{Party, ReportCategory, ReportEvent, ReportEventKind, ReportRules, ReportState, Route};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rules::CaseTimes;
use crate::clock::Resume;
use crate::db::{flag, from_millis, to_millis};

/// The community's routes and reopening time; the defaults for whatever it never set.
pub async fn rules_of(conn: &mut AnyConnection, community: CommunityId) -> Result<ReportRules, sqlx::Error> {
    let mut rules = ReportRules::default();
    let routes: Vec<(String, String, Option<String>, i64)> =
        sqlx::query_as("SELECT category, party, pool, accept_within_minutes FROM report_routes WHERE community_id = $1")
            .bind(community.0)
            .fetch_all(&mut *conn)
            .await?;
    for (category, party, pool, minutes) in routes {
        let (Some(category), Some(party)) = (ReportCategory::parse(&category), Party::parse(&party)) else { continue };
        if let Some(route) = rules.routes.iter_mut().find(|route| route.category == category) {
            *route = Route { category, party, pool, accept_within_minutes: u32::try_from(minutes).unwrap_or(route.accept_within_minutes) };
        }
    }
    rules.reopen_days = reopen_days_of(conn, community).await?;
    Ok(rules)
}

/// How long after "resolved" the community's reporters may reopen a case.
pub async fn reopen_days_of(conn: &mut AnyConnection, community: CommunityId) -> Result<u32, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT reopen_days FROM report_rules WHERE community_id = $1").bind(community.0).fetch_optional(conn).await?;
    Ok(row.and_then(|(days,)| u32::try_from(days).ok()).unwrap_or(linli_api::reports::limits::DEFAULT_REOPEN_DAYS))
}

pub async fn set_rules(conn: &mut AnyConnection, community: CommunityId, rules: &ReportRules) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM report_routes WHERE community_id = $1").bind(community.0).execute(&mut *conn).await?;
    for route in &rules.routes {
        sqlx::query("INSERT INTO report_routes (community_id, category, party, pool, accept_within_minutes) VALUES ($1, $2, $3, $4, $5)")
            .bind(community.0)
            .bind(route.category.as_str())
            .bind(route.party.as_str())
            .bind(route.pool.as_deref())
            .bind(i64::from(route.accept_within_minutes))
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "INSERT INTO report_rules (community_id, reopen_days) VALUES ($1, $2)
         ON CONFLICT (community_id) DO UPDATE SET reopen_days = excluded.reopen_days",
    )
    .bind(community.0)
    .bind(i64::from(rules.reopen_days))
    .execute(conn)
    .await?;
    Ok(())
}

pub struct NewReportRow<'a> {
    pub community: CommunityId,
    pub reporter: UserId,
    pub reported_by: UserId,
    pub household: Option<HouseholdId>,
    pub category: ReportCategory,
    pub location: &'a str,
    pub description: &'a str,
    pub public: bool,
    pub route: &'a Route,
    pub photos: &'a [UploadId],
    pub at: DateTime<Utc>,
}

pub async fn insert_report(conn: &mut AnyConnection, report: &NewReportRow<'_>) -> Result<ReportId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO reports (community_id, reporter_id, reported_by, household_id, category, location, description, public,
                              state, party, pool, routed_at, accept_within_minutes, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(report.community.0)
    .bind(report.reporter.0)
    .bind(report.reported_by.0)
    .bind(report.household.map(|household| household.0))
    .bind(report.category.as_str())
    .bind(report.location)
    .bind(report.description)
    .bind(flag(report.public))
    .bind(ReportState::Submitted.as_str())
    .bind(report.route.party.as_str())
    .bind(report.route.pool.as_deref())
    .bind(to_millis(report.at))
    .bind(i64::from(report.route.accept_within_minutes))
    .bind(to_millis(report.at))
    .fetch_one(&mut *conn)
    .await?;
    for (position, photo) in report.photos.iter().enumerate() {
        sqlx::query("INSERT INTO report_photos (report_id, position, upload_id) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(position as i64)
            .bind(photo.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(ReportId(id))
}

/// A case as stored, with its reporter's name and phone and its handler's name.
#[derive(Debug, Clone)]
pub struct ReportRow {
    pub id: ReportId,
    pub community: CommunityId,
    pub reporter: UserId,
    pub reporter_name: String,
    pub reporter_phone: String,
    pub category: ReportCategory,
    pub location: String,
    pub description: String,
    pub public: bool,
    pub state: ReportState,
    pub party: Party,
    pub pool: Option<String>,
    pub routed_at: DateTime<Utc>,
    pub accept_within_minutes: u32,
    pub handler: Option<UserId>,
    pub handler_name: Option<String>,
    pub merged_into: Option<ReportId>,
    pub escalations: u32,
    pub stars: Option<u8>,
    pub comment: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub seconds: u32,
    pub first_photo: Option<UploadId>,
}

const SELECT: &str = "SELECT r.id, r.community_id, r.reporter_id, u.name AS reporter_name, u.phone AS reporter_phone, r.category,
        r.location, r.description, r.public, r.state, r.party, r.pool, r.routed_at, r.accept_within_minutes, r.handler_id,
        h.name AS handler_name, r.merged_into, r.escalations, r.rating_stars, r.rating_comment, r.submitted_at, r.resolved_at,
        r.me_too AS seconds,
        (SELECT p.upload_id FROM report_photos p WHERE p.report_id = r.id AND p.position = 0) AS first_photo
    FROM reports r JOIN users u ON u.id = r.reporter_id LEFT JOIN users h ON h.id = r.handler_id";

fn decode_error(column: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode { index: column.into(), source: format!("unknown value in {column}").into() }
}

fn report_row(row: &AnyRow) -> Result<ReportRow, sqlx::Error> {
    let category: String = row.try_get("category")?;
    let state: String = row.try_get("state")?;
    let party: String = row.try_get("party")?;
    let time = |column: &str| -> Result<Option<DateTime<Utc>>, sqlx::Error> { Ok(row.try_get::<Option<i64>, _>(column)?.map(from_millis)) };
    Ok(ReportRow {
        id: ReportId(row.try_get("id")?),
        community: CommunityId(row.try_get("community_id")?),
        reporter: UserId(row.try_get("reporter_id")?),
        reporter_name: row.try_get("reporter_name")?,
        reporter_phone: row.try_get("reporter_phone")?,
        category: ReportCategory::parse(&category).ok_or_else(|| decode_error("category"))?,
        location: row.try_get("location")?,
        description: row.try_get("description")?,
        public: row.try_get::<i64, _>("public")? != 0,
        state: ReportState::parse(&state).ok_or_else(|| decode_error("state"))?,
        party: Party::parse(&party).ok_or_else(|| decode_error("party"))?,
        pool: row.try_get("pool")?,
        routed_at: from_millis(row.try_get("routed_at")?),
        accept_within_minutes: u32::try_from(row.try_get::<i64, _>("accept_within_minutes")?).unwrap_or(u32::MAX),
        handler: row.try_get::<Option<i64>, _>("handler_id")?.map(UserId),
        handler_name: row.try_get("handler_name")?,
        merged_into: row.try_get::<Option<i64>, _>("merged_into")?.map(ReportId),
        escalations: u32::try_from(row.try_get::<i64, _>("escalations")?).unwrap_or(0),
        stars: row.try_get::<Option<i64>, _>("rating_stars")?.and_then(|stars| u8::try_from(stars).ok()),
        comment: row.try_get("rating_comment")?,
        submitted_at: from_millis(row.try_get("submitted_at")?),
        resolved_at: time("resolved_at")?,
        seconds: u32::try_from(row.try_get::<i64, _>("seconds")?).unwrap_or(0),
        first_photo: row.try_get::<Option<i64>, _>("first_photo")?.map(UploadId),
    })
}

fn report_rows(rows: Vec<AnyRow>) -> Result<Vec<ReportRow>, sqlx::Error> {
    rows.iter().map(report_row).collect()
}

/// The case, only within `community`.
pub async fn report(conn: &mut AnyConnection, community: CommunityId, id: ReportId) -> Result<Option<ReportRow>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} WHERE r.id = $1 AND r.community_id = $2")).bind(id.0).bind(community.0).fetch_optional(conn).await?;
    row.as_ref().map(report_row).transpose()
}

/// A list of cases: a resident's own, the community's public ones, or those a party
/// handles (staff: every party's).
#[derive(Debug, Clone, Copy)]
pub enum CaseList {
    Mine(CommunityId, UserId),
    Public(CommunityId),
    Handling(CommunityId, Option<Party>),
}

/// A list's two parts, paged one after the other: its open cases, then the rest (a
/// resident's own list is one part, newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Open,
    Rest,
}

impl CaseList {
    pub fn parts(self) -> &'static [Part] {
        match self {
            CaseList::Mine(..) => &[Part::Rest],
            _ => &[Part::Open, Part::Rest],
        }
    }

    /// Where a case stands in this list: the time it is ordered by, and its id.
    pub fn position(self, row: &ReportRow) -> [i64; 2] {
        let at = match self {
            CaseList::Handling(..) => row.routed_at,
            _ => row.submitted_at,
        };
        [to_millis(at), row.id.0]
    }
}

/// Up to `limit` cases of one part of a list after `after` (a `position`). Open cases
/// being handled come longest-waiting first; everything else newest first.
pub async fn cases(conn: &mut AnyConnection, list: CaseList, part: Part, after: Option<[i64; 2]>, limit: i64) -> Result<Vec<ReportRow>, sqlx::Error> {
    let (filter, community) = match list {
        CaseList::Mine(community, _) => ("r.reporter_id = $5 AND r.community_id = $1", community),
        CaseList::Public(community) => ("r.community_id = $1 AND r.public = 1 AND r.state <> 'merged'", community),
        CaseList::Handling(community, None) => ("r.community_id = $1", community),
        CaseList::Handling(community, Some(_)) => ("r.community_id = $1 AND r.party = $5", community),
    };
    let open = match (list, part) {
        (CaseList::Mine(..), _) => "",
        (_, Part::Open) => " AND r.is_open = 1",
        (_, Part::Rest) => " AND r.is_open = 0",
    };
    let column = if matches!(list, CaseList::Handling(..)) { "r.routed_at" } else { "r.submitted_at" };
    let oldest_first = matches!((list, part), (CaseList::Handling(..), Part::Open));
    let (after_sign, order, start) = if oldest_first { (">", "", i64::MIN) } else { ("<", " DESC", i64::MAX) };
    let [at, id] = after.unwrap_or([start; 2]);
    let sql = format!(
        "{SELECT} WHERE {filter}{open} AND ({column}, r.id) {after_sign} ($2, $3) ORDER BY {column}{order}, r.id{order} LIMIT $4"
    );
    let query = sqlx::query(&sql).bind(community.0).bind(at).bind(id).bind(limit);
    let query = match list {
        CaseList::Mine(_, reporter) => query.bind(reporter.0),
        CaseList::Handling(_, Some(party)) => query.bind(party.as_str()),
        _ => query,
    };
    report_rows(query.fetch_all(conn).await?)
}

/// How many cases of a handling list wait to be accepted (0 for the other lists).
pub async fn waiting_count(conn: &mut AnyConnection, list: CaseList) -> Result<i64, sqlx::Error> {
    let query = match list {
        CaseList::Handling(community, None) => {
            sqlx::query_as("SELECT COUNT(*) FROM reports WHERE community_id = $1 AND state = 'submitted'").bind(community.0)
        }
        CaseList::Handling(community, Some(party)) => {
            sqlx::query_as("SELECT COUNT(*) FROM reports WHERE community_id = $1 AND party = $2 AND is_open = 1 AND state = 'submitted'")
                .bind(community.0)
                .bind(party.as_str())
        }
        _ => return Ok(0),
    };
    let (count,): (i64,) = query.fetch_one(conn).await?;
    Ok(count)
}

pub async fn photos(conn: &mut AnyConnection, report: ReportId) -> Result<Vec<UploadId>, sqlx::Error> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT upload_id FROM report_photos WHERE report_id = $1 ORDER BY position").bind(report.0).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id,)| UploadId(id)).collect())
}

/// Every photo of a case: the reporter's and those of its resolutions.
pub async fn all_photos(conn: &mut AnyConnection, report: ReportId) -> Result<Vec<UploadId>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT upload_id FROM report_photos WHERE report_id = $1
         UNION SELECT p.upload_id FROM report_event_photos p JOIN report_events e ON e.id = p.event_id WHERE e.report_id = $1",
    )
    .bind(report.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| UploadId(id)).collect())
}

/// "Me too": true when it was new (a second tap changes nothing).
pub async fn second(conn: &mut AnyConnection, report: ReportId, user: UserId, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("INSERT INTO report_seconds (report_id, user_id, at) VALUES ($1, $2, $3) ON CONFLICT (report_id, user_id) DO NOTHING")
        .bind(report.0)
        .bind(user.0)
        .bind(to_millis(at))
        .execute(&mut *conn)
        .await?;
    let new = done.rows_affected() == 1;
    if new {
        sqlx::query("UPDATE reports SET me_too = me_too + 1 WHERE id = $1").bind(report.0).execute(conn).await?;
    }
    Ok(new)
}

pub async fn has_seconded(conn: &mut AnyConnection, report: ReportId, user: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM report_seconds WHERE report_id = $1 AND user_id = $2")
        .bind(report.0)
        .bind(user.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

pub struct NewEvent<'a> {
    pub report: ReportId,
    pub kind: ReportEventKind,
    pub actor: Option<UserId>,
    pub actor_name: &'a str,
    pub detail: &'a str,
    /// Where the case went, on an escalation or a reassignment.
    pub party: Option<Party>,
    pub at: DateTime<Utc>,
}

/// Writes a line of the record, with its photos (a resolution's).
pub async fn record(conn: &mut AnyConnection, event: &NewEvent<'_>, photos: &[UploadId]) -> Result<(), sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO report_events (report_id, kind, actor_id, actor_name, detail, party, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id",
    )
    .bind(event.report.0)
    .bind(event.kind.as_str())
    .bind(event.actor.map(|actor| actor.0))
    .bind(event.actor_name)
    .bind(event.detail)
    .bind(event.party.map(Party::as_str))
    .bind(to_millis(event.at))
    .fetch_one(&mut *conn)
    .await?;
    for (position, photo) in photos.iter().enumerate() {
        sqlx::query("INSERT INTO report_event_photos (event_id, position, upload_id) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(position as i64)
            .bind(photo.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The record, oldest first; `hiding` someone, their name is left out of it (a public
/// case's reporter, for neighbours).
pub async fn history(conn: &mut AnyConnection, report: ReportId) -> Result<Vec<ReportEvent>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, Option<String>, i64)> =
        sqlx::query_as("SELECT id, kind, actor_name, detail, party, at FROM report_events WHERE report_id = $1 ORDER BY id")
            .bind(report.0)
            .fetch_all(&mut *conn)
            .await?;
    let photos: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT p.event_id, p.upload_id FROM report_event_photos p JOIN report_events e ON e.id = p.event_id
         WHERE e.report_id = $1 ORDER BY p.event_id, p.position",
    )
    .bind(report.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, kind, actor, detail, party, at)| {
            let kind = ReportEventKind::parse(&kind)?;
            let photos = photos.iter().filter(|(event, _)| *event == id).map(|(_, upload)| UploadId(*upload)).collect();
            let party = party.as_deref().and_then(Party::parse);
            Some(ReportEvent { kind, actor, detail, party, photos, at: from_millis(at) })
        })
        .collect())
}

/// Whether `user` reported a case that staff merged into `report`.
pub async fn follows(conn: &mut AnyConnection, report: ReportId, user: UserId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM reports WHERE merged_into = $1 AND reporter_id = $2 LIMIT 1")
        .bind(report.0)
        .bind(user.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// The reporters of the cases merged into `report`.
pub async fn followers(conn: &mut AnyConnection, report: ReportId) -> Result<Vec<UserId>, sqlx::Error> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT DISTINCT reporter_id FROM reports WHERE merged_into = $1").bind(report.0).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id,)| UserId(id)).collect())
}

/// Runs one conditional update of a case; true when it applied (the case was as the guard
/// says), false when someone or the clock changed it first.
async fn transition<'q>(conn: &mut AnyConnection, query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>) -> Result<bool, sqlx::Error> {
    Ok(query.execute(conn).await?.rows_affected() == 1)
}

/// A handler of the party takes a case still waiting there.
pub async fn accept(conn: &mut AnyConnection, id: ReportId, party: Party, handler: UserId, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let query = sqlx::query(
        "UPDATE reports SET state = 'accepted', handler_id = $1, accepted_at = COALESCE(accepted_at, $2)
         WHERE id = $3 AND state = 'submitted' AND party = $4",
    )
    .bind(handler.0)
    .bind(to_millis(at))
    .bind(id.0)
    .bind(party.as_str());
    transition(conn, query).await
}

/// The handler's own steps: work begins, or it is done.
pub async fn start(conn: &mut AnyConnection, id: ReportId, handler: UserId) -> Result<bool, sqlx::Error> {
    let query = sqlx::query("UPDATE reports SET state = 'in_progress' WHERE id = $1 AND state = 'accepted' AND handler_id = $2")
        .bind(id.0)
        .bind(handler.0);
    transition(conn, query).await
}

pub async fn resolve(conn: &mut AnyConnection, id: ReportId, handler: UserId, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let query = sqlx::query(
        "UPDATE reports SET state = 'resolved', resolved_at = $1
         WHERE id = $2 AND state IN ('accepted', 'in_progress') AND handler_id = $3",
    )
    .bind(to_millis(at))
    .bind(id.0)
    .bind(handler.0);
    transition(conn, query).await
}

/// The reporter's answer to a resolution (or, with no rating, the clock's when they gave
/// none in time): confirmed only if it is still the resolution they saw.
pub async fn confirm(
    conn: &mut AnyConnection,
    id: ReportId,
    resolved_at: DateTime<Utc>,
    rating: Option<(u8, &str)>,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let query = sqlx::query(
        "UPDATE reports SET state = 'confirmed', confirmed_at = $1, rating_stars = $2, rating_comment = $3
         WHERE id = $4 AND state = 'resolved' AND resolved_at = $5",
    )
    .bind(to_millis(at))
    .bind(rating.map(|(stars, _)| i64::from(stars)))
    .bind(rating.map(|(_, comment)| comment).filter(|comment| !comment.is_empty()))
    .bind(id.0)
    .bind(to_millis(resolved_at));
    transition(conn, query).await
}

/// Back to the handler who resolved it.
pub async fn reopen(conn: &mut AnyConnection, id: ReportId, resolved_at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let query = sqlx::query("UPDATE reports SET state = 'in_progress' WHERE id = $1 AND state = 'resolved' AND resolved_at = $2")
        .bind(id.0)
        .bind(to_millis(resolved_at));
    transition(conn, query).await
}

/// Where a case is and since when, as the one moving it saw it.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub state: ReportState,
    pub party: Party,
    pub routed_at: DateTime<Utc>,
}

impl Placed {
    pub fn of(row: &ReportRow) -> Self {
        Placed { state: row.state, party: row.party, routed_at: row.routed_at }
    }
}

/// Sends a case to `party` (and `pool`), where it waits to be accepted from `at`:
/// staff's reassignment, or the clock's escalation (`escalated`).
pub async fn send_to(
    conn: &mut AnyConnection,
    id: ReportId,
    seen: Placed,
    party: Party,
    pool: Option<&str>,
    escalated: bool,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let query = sqlx::query(
        "UPDATE reports SET state = 'submitted', party = $1, pool = $2, routed_at = $3, handler_id = NULL,
                            escalations = escalations + $4
         WHERE id = $5 AND state = $6 AND party = $7 AND routed_at = $8",
    )
    .bind(party.as_str())
    .bind(pool)
    .bind(to_millis(at))
    .bind(i64::from(escalated))
    .bind(id.0)
    .bind(seen.state.as_str())
    .bind(seen.party.as_str())
    .bind(to_millis(seen.routed_at));
    transition(conn, query).await
}

/// Folds a duplicate into `into`; its reporter becomes one of the case's "me too"s.
pub async fn merge(conn: &mut AnyConnection, id: ReportId, seen: Placed, into: ReportId) -> Result<bool, sqlx::Error> {
    let query = sqlx::query("UPDATE reports SET state = 'merged', merged_into = $1 WHERE id = $2 AND state = $3 AND party = $4 AND routed_at = $5")
        .bind(into.0)
        .bind(id.0)
        .bind(seen.state.as_str())
        .bind(seen.party.as_str())
        .bind(to_millis(seen.routed_at));
    transition(conn, query).await
}

/// A case the clock may have to move.
#[derive(Debug, Clone, Copy)]
pub struct Waiting {
    pub id: ReportId,
    pub community: CommunityId,
    /// Where the clock's reading of due cases goes on from.
    pub resume: Resume,
}

/// Up to `limit` cases still waiting to be accepted past their time at `now`, after
/// `after` (accept-by time, id), soonest due first.
pub async fn overdue(conn: &mut AnyConnection, now: DateTime<Utc>, after: Option<Resume>, limit: i64) -> Result<Vec<Waiting>, sqlx::Error> {
    let (at, id) = after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, community_id, accept_by FROM reports
         WHERE state = 'submitted' AND accept_by <= $1 AND (accept_by, id) > ($2, $3)
         ORDER BY accept_by, id LIMIT $4",
    )
    .bind(to_millis(now))
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(waiting(rows))
}

/// Up to `limit` resolved cases whose reporter let the time to reopen pass by `now`, after
/// `after` (resolved time, id). Only cases resolved at least the shortest time to reopen
/// ago can be due, which bounds what the index search reads.
pub async fn unanswered(conn: &mut AnyConnection, now: DateTime<Utc>, after: Option<Resume>, limit: i64) -> Result<Vec<Waiting>, sqlx::Error> {
    let (at, id) = after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT r.id, r.community_id, r.resolved_at FROM reports r LEFT JOIN report_rules k ON k.community_id = r.community_id
         WHERE r.state = 'resolved' AND r.resolved_at <= $1 AND (r.resolved_at, r.id) > ($2, $3)
               AND r.resolved_at + COALESCE(k.reopen_days, $4) * 86400000 <= $5
         ORDER BY r.resolved_at, r.id LIMIT $6",
    )
    .bind(to_millis(now) - i64::from(linli_api::reports::limits::MIN_REOPEN_DAYS) * 86_400_000)
    .bind(at)
    .bind(id)
    .bind(i64::from(linli_api::reports::limits::DEFAULT_REOPEN_DAYS))
    .bind(to_millis(now))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(waiting(rows))
}

fn waiting(rows: Vec<(i64, i64, i64)>) -> Vec<Waiting> {
    rows.into_iter().map(|(id, community, at)| Waiting { id: ReportId(id), community: CommunityId(community), resume: (at, id) }).collect()
}

/// The times of the community's cases reported in [from, until), duplicates left out.
pub async fn case_times(conn: &mut AnyConnection, community: CommunityId, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<CaseTimes>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT category, party, submitted_at, accepted_at, resolved_at, rating_stars FROM reports
         WHERE community_id = $1 AND submitted_at >= $2 AND submitted_at < $3 AND state <> 'merged'",
    )
    .bind(community.0)
    .bind(to_millis(from))
    .bind(to_millis(until))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let category: String = row.try_get("category")?;
            let party: String = row.try_get("party")?;
            let time = |column: &str| -> Result<Option<DateTime<Utc>>, sqlx::Error> { Ok(row.try_get::<Option<i64>, _>(column)?.map(from_millis)) };
            Ok(CaseTimes {
                category: ReportCategory::parse(&category).ok_or_else(|| decode_error("category"))?,
                party: Party::parse(&party).ok_or_else(|| decode_error("party"))?,
                submitted_at: from_millis(row.try_get("submitted_at")?),
                accepted_at: time("accepted_at")?,
                resolved_at: time("resolved_at")?,
                stars: row.try_get::<Option<i64>, _>("rating_stars")?.and_then(|stars| u8::try_from(stars).ok()),
            })
        })
        .collect()
}

/// Cases nobody accepted in time per community: past their deadline, or already gone up a level.
pub async fn overdue_counts(conn: &mut AnyConnection, communities: &[CommunityId], now: DateTime<Utc>) -> Result<HashMap<CommunityId, i64>, sqlx::Error> {
    let ids: Vec<i64> = communities.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, i64)> = crate::db::select_in(
        conn,
        "SELECT community_id, COUNT(*) FROM reports WHERE community_id IN ({ids}) AND state = 'submitted'
           AND (escalations > 0 OR routed_at + accept_within_minutes * 60000 <= {next}) GROUP BY community_id",
        &ids,
        &[to_millis(now)],
    )
    .await?;
    Ok(rows.into_iter().map(|(community, count)| (CommunityId(community), count)).collect())
}
