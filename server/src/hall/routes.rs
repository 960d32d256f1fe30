//! Handlers of votes: open one (staff), list and read them, cast a ballot with one tap
//! (for oneself or as a family proxy), and the published record anyone can check.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use linli_api::family::FamilyActivityKind;
use linli_api::hall::{
    CastBallot, ChainEntry, Eligibility, MyBallot, NewVote, Participant, ParticipantPage, Tally, Vote, VoteKind, VotePhase,
    VoteRecord,
};
use linli_api::ids::{CommunityId, HouseholdId, UserId, VoteId};
use linli_api::paging::PageQuery;
use linli_api::{ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ballot::{self, BallotError, Phase};
use super::ballot_box::Submission;
use super::export;
use super::rules::{self, Voter};
use super::storage::{self, VoteRow};
use super::tally::{decide, owners_decision, Electorate, OwnersTotals, Stance};
use crate::auth::storage::{name_of, names_of, profile_of};
use crate::auth::{Signed, StaffOnly};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::family::{Acting, ActingFor, Subject, VoteProxy};
use crate::notices::rules::render_markdown;
use crate::state::AppState;

/// The most votes a list returns.
const LIST_LIMIT: i64 = 100;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(cast))
        .routes(routes!(record))
        .routes(routes!(receipt))
        .routes(routes!(participants))
        .routes(routes!(export_csv))
}

/// Staff open a vote; it opens and closes by its times alone.
#[utoipa::path(post, path = "/hall/votes", tag = "hall", security(("bearer" = [])), request_body = NewVote,
    responses((status = 201, body = Vote), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(vote): ApiJson<NewVote>,
) -> AppResult<(StatusCode, Json<Vote>)> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let id = open_vote(&mut tx, caller.community_id, caller.user_id, &vote, now).await?;
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let reader = Reader::of(&mut conn, Subject::from(&caller)).await?;
    Ok((StatusCode::CREATED, Json(describe(&mut conn, row, &reader, now).await?)))
}

/// Checks and stores a new vote; it opens and closes by its times alone.
pub async fn open_vote(
    conn: &mut AnyConnection,
    community: CommunityId,
    created_by: UserId,
    vote: &NewVote,
    now: DateTime<Utc>,
) -> AppResult<VoteId> {
    let checked = rules::check_new_vote(vote, now)?;
    let description_html = render_markdown(&checked.vote.description);
    let id = storage::insert_vote(&mut *conn, community, created_by, &checked.vote, &description_html, checked.kind.max_choices(), now).await?;
    // Article 278 counts the owners and areas of record: those of the day it was published,
    // whatever staff change in the register while it runs.
    if checked.vote.eligibility == Eligibility::Owners {
        let snapshot = community::snapshot_register(&mut *conn, community, now).await?;
        storage::set_register_snapshot(conn, id, snapshot).await?;
    }
    Ok(id)
}

/// Whether the vote exists in `community` (for modules that point at one, e.g. notices).
pub async fn vote_exists(conn: &mut AnyConnection, community: CommunityId, id: VoteId) -> AppResult<bool> {
    Ok(storage::find_vote(conn, community, id).await?.is_some())
}

/// The phase of a vote of `community`, if it exists.
pub async fn vote_phase(conn: &mut AnyConnection, community: CommunityId, id: VoteId, now: DateTime<Utc>) -> AppResult<Option<VotePhase>> {
    Ok(storage::find_vote(conn, community, id).await?.map(|row| phase_of(row.opens_at, row.closes_at, now)))
}

fn phase_of(opens_at: DateTime<Utc>, closes_at: DateTime<Utc>, now: DateTime<Utc>) -> VotePhase {
    match ballot::phase(opens_at, closes_at, now) {
        Phase::Scheduled => VotePhase::Scheduled,
        Phase::Open => VotePhase::Open,
        Phase::Closed => VotePhase::Closed,
    }
}

/// The community's votes, open ones first, each with the reader's ballot and the live tally.
#[utoipa::path(get, path = "/hall/votes", tag = "hall", security(("bearer" = [])), params(ActingFor),
    responses((status = 200, body = [Vote]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list(State(state): State<AppState>, reader: Acting<VoteProxy>) -> AppResult<Json<Vec<Vote>>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::votes(&mut conn, reader.subject.community_id, LIST_LIMIT).await?;
    // Who reads and how large the community is are the same for every vote: asked once.
    let reader = Reader::of(&mut conn, reader.subject).await?;
    let mut votes = Vec::with_capacity(rows.len());
    for row in rows {
        votes.push(describe(&mut conn, row, &reader, now).await?);
    }
    // Open first, soonest to close first; then scheduled; then closed, newest first.
    votes.sort_by_key(|vote| match vote.phase {
        VotePhase::Open => (0, vote.closes_at.timestamp_millis()),
        VotePhase::Scheduled => (1, vote.opens_at.timestamp_millis()),
        VotePhase::Closed => (2, -vote.closes_at.timestamp_millis()),
    });
    Ok(Json(votes))
}

/// One vote with the reader's ballot and the live tally.
#[utoipa::path(get, path = "/hall/votes/{id}", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "vote id"), ActingFor),
    responses((status = 200, body = Vote), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, reader: Acting<VoteProxy>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Vote>> {
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, reader.subject.community_id, VoteId(id)).await?.ok_or(AppError::NotFound)?;
    let reader = Reader::of(&mut conn, reader.subject).await?;
    Ok(Json(describe(&mut conn, row, &reader, state.clock.now()).await?))
}

/// Casts (or, where allowed, changes) a ballot; as a family proxy with `linli-acting-for`.
#[utoipa::path(post, path = "/hall/votes/{id}/ballot", tag = "hall", security(("bearer" = [])), request_body = CastBallot,
    params(("id" = i64, Path, description = "vote id"), ActingFor),
    responses((status = 200, body = Vote), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn cast(
    State(state): State<AppState>,
    voter: Acting<VoteProxy>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(ballot): ApiJson<CastBallot>,
) -> AppResult<Json<Vote>> {
    let subject = voter.subject.clone();
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, subject.community_id, VoteId(id)).await?.ok_or(AppError::NotFound)?;
    let choices = ballot::check_choices(row.ballot_kind(), &ballot.choices).map_err(|error| match error {
        BallotError::WrongNumberOfChoices | BallotError::NoSuchOption | BallotError::Repeated => {
            AppError::invalid(ErrorCode::InvalidValue, "choices")
        }
    })?;
    let person = voter_of(&mut conn, &subject).await?;
    let key = rules::voter_key(row.eligibility, &person).ok_or(AppError::NotEligible)?;
    let area = match (row.eligibility, person.household, row.register_snapshot) {
        (Eligibility::Owners, Some(household), Some(snapshot)) => {
            community::snapshot_area(&mut conn, snapshot, household).await?.ok_or(AppError::NotEligible)?
        }
        (Eligibility::Owners, Some(household), None) => community::household_area(&mut conn, household).await?,
        _ => 0,
    };
    let proxy_name = if voter.is_for_someone_else() { Some(name_of(&mut conn, voter.caller.user_id).await?) } else { None };
    drop(conn);
    let submission = Submission {
        voter_key: key,
        choices,
        area,
        resident: subject.user_id,
        cast_by: voter.caller.user_id,
        household: person.household,
        history: voter.history_entry(FamilyActivityKind::Voted, &row.question),
    };
    // The box answers once the batch holding this ballot committed (see `ballot_box`).
    let counted = state.ballot_boxes.cast(&state, &row, submission).await?;
    let phase = phase_of(row.opens_at, row.closes_at, state.clock.now());
    let my_ballot = MyBallot { choices: counted.choices, receipt: counted.receipt, cast_at: counted.cast_at, proxy_name };
    Ok(Json(vote_view(row, phase, phase == VotePhase::Open, Some(my_ballot), counted.tally)))
}

/// Every ballot cast, chained by hash and without voters, marked counted or replaced, a page
/// at a time: anyone in the community can find their receipt and check the chain.
#[utoipa::path(get, path = "/hall/votes/{id}/record", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "vote id"), PageQuery, ActingFor),
    responses((status = 200, body = VoteRecord), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn record(
    State(state): State<AppState>,
    reader: Acting<VoteProxy>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<VoteRecord>> {
    let after = match page.after.as_deref() {
        None => 0,
        Some(raw) => raw.parse::<i64>().ok().filter(|after| *after >= 0).ok_or_else(|| AppError::InvalidQuery("after".into()))?,
    };
    Ok(Json(vote_record(&state, &reader.subject, VoteId(id), after, paging::limit(page.limit)).await?))
}

/// One receipt's entry in the record: a voter checks that their ballot is there and counted
/// without paging through everyone else's. Typed in any case, with or without separators.
#[utoipa::path(get, path = "/hall/votes/{id}/receipts/{receipt}", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "vote id"), ("receipt" = String, Path, description = "the receipt"), ActingFor),
    responses((status = 200, body = ChainEntry), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn receipt(
    State(state): State<AppState>,
    reader: Acting<VoteProxy>,
    ApiPath((id, receipt)): ApiPath<(i64, String)>,
) -> AppResult<Json<ChainEntry>> {
    let receipt = ballot::normalize_receipt(&receipt).ok_or(AppError::NotFound)?;
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, reader.subject.community_id, VoteId(id)).await?.ok_or(AppError::NotFound)?;
    let entry = storage::chain_entry_by_receipt(&mut conn, row.id, &receipt).await?.ok_or(AppError::NotFound)?;
    Ok(Json(chain_entry(entry)))
}

/// A page of the record: `limit` chain entries after entry `after`, checked against the
/// entry before them.
async fn vote_record(state: &AppState, subject: &Subject, id: VoteId, after: i64, limit: i64) -> AppResult<VoteRecord> {
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, subject.community_id, id).await?.ok_or(AppError::NotFound)?;
    let (entries, next) = paging::split(storage::chain_page(&mut conn, row.id, after, limit + 1).await?, limit, |last| last.0);
    let previous = match after {
        0 => Some(ballot::genesis(row.id.0)),
        after => storage::chain_hash(&mut conn, row.id, after).await?,
    };
    let chain_intact = previous.is_some_and(|previous| ballot::first_broken_link_after(previous, &checkable(&entries)).is_none());
    let chain_length = storage::chain_length(&mut conn, row.id).await?;
    let chain = entries.into_iter().map(chain_entry).collect();
    let reader = Reader::of(&mut conn, subject.clone()).await?;
    let vote = describe(&mut conn, row, &reader, state.clock.now()).await?;
    Ok(VoteRecord { vote, chain, chain_intact, chain_length, next_after: next.map(|sequence| sequence.to_string()) })
}

fn chain_entry((sequence, receipt, choices, cast_at, hash, counted): storage::PublishedEntry) -> ChainEntry {
    ChainEntry { sequence, receipt, choices, cast_at, hash, counted }
}

fn checkable(entries: &[storage::PublishedEntry]) -> Vec<ballot::ChainEntry> {
    entries
        .iter()
        .map(|(sequence, receipt, choices, at, hash, _)| ballot::ChainEntry {
            sequence: *sequence,
            receipt: receipt.clone(),
            choices: choices.clone(),
            cast_at_millis: at.timestamp_millis(),
            hash: hash.clone(),
        })
        .collect()
}

/// Who took part (staff), a page at a time in the order they did: names, households and
/// times; what they chose only if the vote is not secret. Each first page viewed is written
/// to the audit log.
#[utoipa::path(get, path = "/hall/votes/{id}/participants", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "vote id"), PageQuery),
    responses((status = 200, body = ParticipantPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn participants(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<ParticipantPage>> {
    let after = match page.after.as_deref() {
        None => None,
        Some(raw) => Some(storage::ParticipationCursor::decode(raw).ok_or_else(|| AppError::InvalidQuery("after".into()))?),
    };
    let limit = paging::limit(page.limit);
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::find_vote(&mut conn, caller.community_id, VoteId(id)).await?.ok_or(AppError::NotFound)?;
    let rows = storage::participation_page(&mut conn, row.id, after.as_ref(), limit + 1).await?;
    let (rows, next) = paging::split(rows, limit, |last| last.5.encode());
    // Names and households of the whole page in one statement each, not three per person.
    let people: Vec<UserId> = rows.iter().flat_map(|(resident, by, ..)| [*resident, *by]).collect();
    let names = names_of(&mut conn, &people).await?;
    let households: Vec<HouseholdId> = rows.iter().filter_map(|row| row.2).collect();
    let labels = community::household_labels(&mut conn, &households).await?;
    let name = |user: &UserId| names.get(user).cloned().unwrap_or_default();
    let participants = rows
        .iter()
        .map(|(resident, cast_by, household, cast_at, choices, _)| Participant {
            name: name(resident),
            household: household.and_then(|household| labels.get(&household).cloned()),
            cast_at: *cast_at,
            proxy_name: (cast_by != resident).then(|| name(cast_by)),
            choices: (!row.secret).then(|| choices.clone()),
        })
        .collect();
    let total = match storage::totals(&mut conn, row.id).await? {
        Some(((ballots, _), _)) => ballots,
        None => storage::participation_count(&mut conn, row.id).await?,
    };
    if after.is_none() {
        let now = state.clock.now();
        community::audit(&mut conn, caller.community_id, caller.user_id, "view_vote_participants", &format!("vote:{}", row.id), now).await?;
    }
    Ok(Json(ParticipantPage { participants, total, next_after: next }))
}

/// Chain entries the CSV export reads per statement.
const EXPORT_BATCH: i64 = 1000;

/// The result as CSV (staff): question, count, thresholds and the ballot chain, no voters.
#[utoipa::path(get, path = "/hall/votes/{id}/export.csv", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "vote id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn export_csv(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Response> {
    let VoteRecord { vote, mut chain, mut next_after, .. } =
        vote_record(&state, &Subject::from(&caller), VoteId(id), 0, EXPORT_BATCH).await?;
    // The rest of the chain a thousand entries per statement.
    let mut conn = state.db.pool.acquire().await?;
    while let Some(after) = next_after.and_then(|after| after.parse::<i64>().ok()) {
        let rows = storage::chain_page(&mut conn, vote.id, after, EXPORT_BATCH + 1).await?;
        let (rows, next) = paging::split(rows, EXPORT_BATCH, |last| last.0.to_string());
        chain.extend(rows.into_iter().map(chain_entry));
        next_after = next;
    }
    let body = export::result_csv(&vote, &chain).map_err(|error| AppError::Internal(error.to_string()))?;
    let disposition = format!("attachment; filename=\"vote-{}.csv\"", vote.id);
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
}

async fn voter_of(conn: &mut AnyConnection, subject: &Subject) -> AppResult<Voter> {
    let profile = profile_of(conn, subject.user_id).await?.ok_or(AppError::Unauthenticated)?;
    Ok(Voter { user: subject.user_id, role: subject.role, household: subject.household_id, is_owner: profile.is_owner })
}

/// How many hold a ballot under each eligibility, and the owners' total floor area.
#[derive(Debug, Clone, Copy)]
pub struct CommunitySizes {
    residents: i64,
    households: i64,
    units: i64,
    units_area: i64,
}

impl CommunitySizes {
    fn eligible(&self, eligibility: Eligibility) -> i64 {
        match eligibility {
            Eligibility::Residents => self.residents,
            Eligibility::Households => self.households,
            Eligibility::Owners => self.units,
        }
    }
}

pub async fn community_sizes(conn: &mut AnyConnection, community_id: CommunityId) -> AppResult<CommunitySizes> {
    let (residents, households) = community::resident_and_household_counts(&mut *conn, community_id).await?;
    let (units, units_area) = community::unit_totals(&mut *conn, community_id).await?;
    Ok(CommunitySizes { residents, households, units, units_area })
}

/// Everything about the reader a vote's description needs, looked up once per request.
struct Reader {
    voter: Voter,
    sizes: CommunitySizes,
}

impl Reader {
    async fn of(conn: &mut AnyConnection, subject: Subject) -> AppResult<Self> {
        let voter = voter_of(&mut *conn, &subject).await?;
        let sizes = community_sizes(&mut *conn, subject.community_id).await?;
        Ok(Reader { voter, sizes })
    }
}

/// The live count, from the running totals the casting transaction keeps.
pub async fn tally(conn: &mut AnyConnection, sizes: &CommunitySizes, row: &VoteRow) -> AppResult<Tally> {
    let Some(((ballots, took_part_area), options)) = storage::totals(&mut *conn, row.id).await? else {
        return recount(conn, row).await;
    };
    let (units, units_area) = match row.register_snapshot {
        Some(snapshot) => community::snapshot_totals(&mut *conn, snapshot).await?,
        None => (sizes.units, sizes.units_area),
    };
    let eligible = match row.eligibility {
        Eligibility::Owners => units,
        other => sizes.eligible(other),
    };
    let owners = match (row.eligibility, row.kind, row.matter) {
        (Eligibility::Owners, VoteKind::YesNoAbstain, Some(matter)) => {
            let (yes_owners, yes_area) = options.first().copied().unwrap_or_default();
            let totals = OwnersTotals {
                electorate_area: units_area,
                electorate_owners: units,
                took_part_area,
                took_part_owners: ballots,
                yes_area,
                yes_owners,
            };
            Some(decide(matter, &totals))
        }
        _ => None,
    };
    Ok(Tally { ballots, eligible, counts: options.iter().map(|(count, _)| *count).collect(), owners })
}

/// The count recounted from every counted ballot: for votes opened before running totals
/// were kept, and the reference the totals are tested against.
pub async fn recount(conn: &mut AnyConnection, row: &VoteRow) -> AppResult<Tally> {
    let counted = storage::counted_ballots(&mut *conn, row.id).await?;
    let choices: Vec<Vec<u32>> = counted.iter().map(|(_, _, choices)| choices.clone()).collect();
    let (residents, households) = community::resident_and_household_counts(&mut *conn, row.community).await?;
    let units = match row.register_snapshot {
        Some(snapshot) => community::snapshot_units(&mut *conn, snapshot).await?,
        None => community::unit_areas(&mut *conn, row.community).await?,
    };
    let eligible = match row.eligibility {
        Eligibility::Residents => residents,
        Eligibility::Households => households,
        Eligibility::Owners => units.len() as i64,
    };
    let owners = match (row.eligibility, row.kind, row.matter) {
        (Eligibility::Owners, VoteKind::YesNoAbstain, Some(matter)) => {
            let electorate = Electorate::from_holdings(units);
            let ballots: Vec<(i64, Stance)> = counted
                .iter()
                .filter_map(|(key, _, choices)| Some((unit_of(key)?, stance(choices.first().copied()?)?)))
                .collect();
            Some(owners_decision(matter, &electorate, &ballots))
        }
        _ => None,
    };
    Ok(Tally { ballots: counted.len() as i64, eligible, counts: ballot::count(row.ballot_kind(), &choices), owners })
}

fn unit_of(voter_key: &str) -> Option<i64> {
    voter_key.strip_prefix("unit:")?.parse().ok()
}

fn stance(choice: u32) -> Option<Stance> {
    match choice {
        0 => Some(Stance::Yes),
        1 => Some(Stance::No),
        2 => Some(Stance::Abstain),
        _ => None,
    }
}

async fn describe(conn: &mut AnyConnection, row: VoteRow, reader: &Reader, now: DateTime<Utc>) -> AppResult<Vote> {
    let phase = phase_of(row.opens_at, row.closes_at, now);
    let key = rules::voter_key(row.eligibility, &reader.voter);
    let counted = match &key {
        Some(key) => storage::counted_ballot(&mut *conn, row.id, key).await?,
        None => None,
    };
    let my_ballot = match counted {
        Some(ballot) => {
            let proxy_name = if ballot.cast_by != ballot.resident { Some(name_of(&mut *conn, ballot.cast_by).await?) } else { None };
            Some(MyBallot { choices: ballot.choices, receipt: ballot.receipt, cast_at: ballot.cast_at, proxy_name })
        }
        None => None,
    };
    let tally = tally(&mut *conn, &reader.sizes, &row).await?;
    let can_vote = key.is_some() && phase == VotePhase::Open;
    Ok(vote_view(row, phase, can_vote, my_ballot, tally))
}

fn vote_view(row: VoteRow, phase: VotePhase, can_vote: bool, my_ballot: Option<MyBallot>, tally: Tally) -> Vote {
    Vote {
        id: row.id,
        question: row.question,
        description: row.description_html,
        kind: row.kind,
        options: row.options,
        max_choices: row.max_choices,
        eligibility: row.eligibility,
        matter: row.matter,
        secret: row.secret,
        final_on_cast: row.final_on_cast,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        phase,
        can_vote,
        my_ballot,
        tally,
        topic_id: row.topic,
    }
}
