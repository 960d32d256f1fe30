//! Handlers that read wishes: the board, one's own, the ones one holds, the review queue,
//! one wish, the rules, the volunteer record and the thanks wall.

use axum::extract::State;
use axum::Json;
use linli_api::ids::WishId;
use linli_api::validate::wishes as check;
use linli_api::wishes::{ThanksNote, VolunteerRecord, VolunteerTally, Wish, WishBoard, WishBoardQuery, WishRules, WishState, WishSummary};
use linli_api::{ErrorBody, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::Viewer;
use super::steps::{__path_post, post};
use super::{storage, view, visible, Actor};
use crate::auth::{Members, Signed, StaffOnly};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::family::{Acting, ActingFor, PostWishes};
use crate::paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(board, post))
        .routes(routes!(mine))
        .routes(routes!(held))
        .routes(routes!(to_review))
        .routes(routes!(one))
        .routes(routes!(get_rules, set_rules))
        .routes(routes!(volunteers))
        .routes(routes!(thanks))
}

/// The board: wishes staff approved, wanted soonest first; without a state filter the ones
/// still in need (open, then claimed, then fulfilled).
#[utoipa::path(get, path = "/wishes", tag = "wishes", security(("bearer" = [])), params(WishBoardQuery),
    responses((status = 200, body = WishBoard), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn board(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiQuery(query): ApiQuery<WishBoardQuery>,
) -> AppResult<Json<WishBoard>> {
    let states = match query.state {
        None => vec![WishState::Open, WishState::Claimed, WishState::Fulfilled],
        Some(state) if state.is_public() => vec![state],
        Some(_) => return Err(AppError::invalid(ErrorCode::InvalidValue, "state")),
    };
    let after = paging::decode(query.after.as_deref())?;
    let limit = paging::limit(query.limit);
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::board_page(&mut conn, caller.community_id, &states, query.category, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |(_, cursor)| paging::encode(cursor));
    let rows: Vec<_> = rows.into_iter().map(|(row, _)| row).collect();
    Ok(Json(WishBoard { wishes: view::summaries(&mut conn, &rows).await?, next_after }))
}

/// The wishes the caller posted (or, with the family header, the resident's), in every state.
#[utoipa::path(get, path = "/wishes/mine", tag = "wishes", security(("bearer" = [])), params(ActingFor),
    responses((status = 200, body = [WishSummary]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, acting: Acting<PostWishes>) -> AppResult<Json<Vec<WishSummary>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::of_wisher(&mut conn, acting.subject.community_id, acting.subject.user_id).await?;
    Ok(Json(view::summaries(&mut conn, &rows).await?))
}

/// The wishes the caller holds as a volunteer: claimed, or fulfilled and awaiting the wisher.
#[utoipa::path(get, path = "/wishes/claimed", tag = "wishes", security(("bearer" = [])),
    responses((status = 200, body = [WishSummary]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn held(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<Vec<WishSummary>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::held_by(&mut conn, caller.community_id, caller.user_id).await?;
    Ok(Json(view::summaries(&mut conn, &rows).await?))
}

/// Staff: wishes waiting for approval, oldest wanted-by first, with the wisher's contact
/// (logged as a view of personal data).
#[utoipa::path(get, path = "/wishes/review", tag = "wishes", security(("bearer" = [])),
    responses((status = 200, body = [Wish]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn to_review(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Json<Vec<Wish>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::in_states(&mut conn, caller.community_id, &[WishState::Pending], None).await?;
    let actor = Actor::for_self(caller);
    let viewed: Vec<_> = rows
        .into_iter()
        .map(|row| {
            let viewer = actor.viewer(&row);
            (row, viewer)
        })
        .collect();
    let wishes = view::details(&mut conn, &viewed).await?;
    let now = state.clock.now();
    community::audit(&mut conn, actor.caller.community_id, actor.caller.user_id, "view_wishes_to_review", "wishes", now).await?;
    Ok(Json(wishes))
}

/// One wish as the caller may see it: neighbours see initials and building; the volunteer
/// holding it and staff see the contact; those involved see the history.
#[utoipa::path(get, path = "/wishes/{id}", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id"), ActingFor),
    responses((status = 200, body = Wish), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, acting: Acting<PostWishes>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Wish>> {
    let actor = Actor::from_acting(&acting);
    let mut conn = state.db.pool.acquire().await?;
    let (row, viewer): (_, Viewer) = visible(&mut conn, &actor, WishId(id)).await?;
    let wish = view::detail(&mut conn, &row, viewer).await?;
    if viewer.staff && !viewer.wisher {
        let now = state.clock.now();
        community::audit(&mut conn, actor.caller.community_id, actor.caller.user_id, "view_wish_contact", &format!("wish:{id}"), now).await?;
    }
    Ok(Json(wish))
}

/// How long a volunteer has to fulfil a claimed wish.
#[utoipa::path(get, path = "/wishes/rules", tag = "wishes", security(("bearer" = [])),
    responses((status = 200, body = WishRules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_rules(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<WishRules>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::rules_of(&mut conn, caller.community_id).await?))
}

/// Staff set how long a claim lasts (new claims; running ones keep their end).
#[utoipa::path(put, path = "/wishes/rules", tag = "wishes", security(("bearer" = [])), request_body = WishRules,
    responses((status = 200, body = WishRules), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_rules(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(rules): ApiJson<WishRules>,
) -> AppResult<Json<WishRules>> {
    let rules = check::rules(&rules).map_err(AppError::Invalid)?;
    let mut conn = state.db.pool.acquire().await?;
    storage::set_rules(&mut conn, caller.community_id, rules).await?;
    Ok(Json(rules))
}

/// The volunteer record: people and organisations by wishes fulfilled and confirmed, and time given.
#[utoipa::path(get, path = "/wishes/volunteers", tag = "wishes", security(("bearer" = [])),
    responses((status = 200, body = VolunteerRecord), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn volunteers(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<VolunteerRecord>> {
    let mut conn = state.db.pool.acquire().await?;
    let latest: std::collections::HashMap<_, _> =
        storage::latest_organisations(&mut conn, caller.community_id).await?.into_iter().collect();
    let volunteers = storage::volunteer_tallies(&mut conn, caller.community_id)
        .await?
        .into_iter()
        .map(|(id, tally)| VolunteerTally { organisation: latest.get(&id).cloned(), ..tally })
        .collect();
    let organisations = storage::organisation_tallies(&mut conn, caller.community_id).await?;
    Ok(Json(VolunteerRecord { volunteers, organisations }))
}

/// How many thanks the wall shows.
const THANKS_SHOWN: i64 = 100;

/// The community's thanks wall: what wishers wrote to their volunteers, newest first.
#[utoipa::path(get, path = "/wishes/thanks", tag = "wishes", security(("bearer" = [])),
    responses((status = 200, body = [ThanksNote]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn thanks(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<Vec<ThanksNote>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::thanks(&mut conn, caller.community_id, THANKS_SHOWN).await?;
    let households: Vec<_> = rows.iter().filter_map(|row| row.household).collect();
    let labels = community::household_labels(&mut conn, &households).await?;
    let notes = rows
        .into_iter()
        .map(|row| ThanksNote {
            wish_id: row.wish,
            what: row.what,
            wisher: view::face(&row.wisher_name, row.household, &labels),
            volunteer: row.volunteer,
            organisation: row.organisation,
            thanks: row.thanks,
            at: row.at,
        })
        .collect();
    Ok(Json(notes))
}
