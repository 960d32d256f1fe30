//! Handlers that change a wish: post, review, claim, release, fulfil, confirm, withdraw.
//!
//! Each runs in one write transaction: read the wish, ask the rules whether this viewer may
//! take this step now, move the state conditionally from what was read, write the history
//! line, commit, then tell whoever needs to hear.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use linli_api::auth::Role;
use linli_api::family::FamilyActivityKind;
use linli_api::ids::{UploadId, UserId, WishId};
use linli_api::validate::{self, wishes as check};
use linli_api::wishes::{
    ClaimWish, ConfirmWish, FulfilWish, NewWish, ReviewWish, Wish, WishAction, WishEventKind, WishState, WithdrawWish,
};
use linli_api::{ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, Viewer};
use super::storage::{self, ClaimOutcome, NewEvent, StateChange, WishRow};
use super::{announce, view, visible, Actor};
use crate::auth::storage::{name_of, profile_of};
use crate::auth::{Members, Signed, StaffOnly};
use crate::community::storage as community;
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath};
use crate::family::{Acting, ActingFor, PostWishes};
use crate::state::AppState;
use crate::uploads::{check_attachable, keep_private, make_public};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(review))
        .routes(routes!(claim))
        .routes(routes!(release))
        .routes(routes!(fulfil))
        .routes(routes!(confirm))
        .routes(routes!(withdraw))
}

/// Why a step cannot be taken: not theirs to take (403), or not in this state (409).
fn refusal(row: &WishRow, viewer: Viewer, action: WishAction, now: DateTime<Utc>) -> Option<AppError> {
    if !rules::may(viewer, action) {
        return Some(match action {
            WishAction::Claim if viewer.wisher => AppError::OwnWish,
            _ => AppError::Forbidden,
        });
    }
    if rules::next_state(row.state, action).is_none() {
        return Some(match (action, row.state) {
            (WishAction::Claim, WishState::Claimed | WishState::Fulfilled) => AppError::WishTaken,
            _ => AppError::WishChanged,
        });
    }
    let claim_ran_out = row.claim.as_ref().is_some_and(|claim| !rules::claim_is_live(claim.expires_at, now));
    (matches!(action, WishAction::Fulfil) && claim_ran_out).then_some(AppError::ClaimExpired)
}

/// The community's date now: wanted-by dates are days of its calendar.
async fn community_today(conn: &mut AnyConnection, actor: &Actor, now: DateTime<Utc>) -> AppResult<NaiveDate> {
    let info = community::community_info(conn, actor.caller.community_id).await?;
    Ok((now + Duration::minutes(i64::from(info.utc_offset_minutes))).date_naive())
}

/// A photo must be the caller's own upload in the community.
async fn check_photo(conn: &mut AnyConnection, actor: &Actor, photo: Option<UploadId>) -> AppResult<()> {
    let Some(photo) = photo else { return Ok(()) };
    check_attachable(conn, actor.caller.community_id, actor.caller.user_id, &[photo])
        .await
        .map_err(|_| AppError::invalid(ErrorCode::InvalidValue, "photo"))
}

/// The step's history line, written by whoever took it.
async fn record(conn: &mut AnyConnection, actor: &Actor, wish: WishId, kind: WishEventKind, detail: &str, at: DateTime<Utc>) -> AppResult<()> {
    let actor_name = name_of(&mut *conn, actor.caller.user_id).await?;
    let event = NewEvent { wish, kind, actor: Some(actor.caller.user_id), actor_name: &actor_name, detail, at };
    storage::record(conn, &event).await?;
    Ok(())
}

/// Posts a wish: a resident's own (or, with the family header, the resident's), waiting for
/// staff; or, by staff, one for a named household, on the board at once.
#[utoipa::path(post, path = "/wishes", tag = "wishes", security(("bearer" = [])), params(ActingFor), request_body = NewWish,
    responses((status = 201, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn post(State(state): State<AppState>, acting: Acting<PostWishes>, ApiJson(wish): ApiJson<NewWish>) -> AppResult<(StatusCode, Json<Wish>)> {
    let actor = Actor::from_acting(&acting);
    let by_staff = !actor.acting && actor.caller.is_staff();
    if !by_staff && acting.subject.role != Role::Resident {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let wish = check::new_wish(&wish, community_today(&mut tx, &actor, now).await?, by_staff).map_err(AppError::Invalid)?;
    check_photo(&mut tx, &actor, wish.photo).await?;
    if let (Some(photo), false) = (wish.photo, by_staff) {
        // Until staff put it on the board, the wish and its photo are the wisher's and staff's.
        keep_private(&mut tx, &[photo], &[]).await?;
    }
    let (wisher, wisher_name, wisher_phone, household) = if by_staff {
        let household = wish.for_household.expect("checked for staff");
        if community::household_in(&mut tx, actor.caller.community_id, household).await?.is_none() {
            return Err(AppError::invalid(ErrorCode::InvalidValue, "for_household"));
        }
        (None, wish.wisher_name.clone().unwrap_or_default(), wish.wisher_phone.clone(), Some(household))
    } else {
        let profile = profile_of(&mut tx, actor.subject).await?.ok_or(AppError::NotFound)?;
        (Some(actor.subject), profile.name, Some(profile.phone), profile.household)
    };
    let row = storage::NewWishRow {
        community: actor.caller.community_id,
        wisher,
        wisher_name: &wisher_name,
        wisher_phone: wisher_phone.as_deref(),
        household,
        posted_by: actor.caller.user_id,
        what: &wish.what,
        why: &wish.why,
        category: wish.category,
        photo: wish.photo,
        wanted_by: wish.wanted_by,
        state: if by_staff { WishState::Open } else { WishState::Pending },
        at: now,
    };
    let id = storage::insert_wish(&mut tx, &row).await?;
    record(&mut tx, &actor, id, WishEventKind::Posted, "", now).await?;
    if by_staff {
        record(&mut tx, &actor, id, WishEventKind::Approved, "", now).await?;
    }
    acting.record(&mut tx, FamilyActivityKind::PostedWish, &wish.what, now).await?;
    let row = storage::wish(&mut tx, actor.caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let answer = view::detail(&mut tx, &row, actor.viewer(&row)).await?;
    tx.commit().await?;
    announce(&state, &row, false, (None, None), None);
    Ok((StatusCode::CREATED, Json(answer)))
}

/// One step on a wish: the action, its history line and what it writes into the wish.
struct Step<'a> {
    action: WishAction,
    kind: WishEventKind,
    detail: &'a str,
    change: StateChange<'a>,
}

/// Takes the step inside the transaction: the state moves from what was read, or the step
/// is refused and nothing happens.
async fn take(
    tx: &mut AnyConnection,
    actor: &Actor,
    row: &WishRow,
    step: Step<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let to = rules::next_state(row.state, step.action).ok_or(AppError::WishChanged)?;
    if !storage::move_state(&mut *tx, row.id, row.state, to, &step.change).await? {
        return Err(match step.action {
            WishAction::Claim => AppError::WishTaken,
            _ => AppError::WishChanged,
        });
    }
    record(tx, actor, row.id, step.kind, step.detail, now).await
}

/// After a step: the wish as the actor now sees it, and the news for the others.
async fn finish(
    state: &AppState,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    actor: &Actor,
    before: &WishRow,
    action: WishAction,
) -> AppResult<Json<Wish>> {
    let row = storage::wish(&mut tx, actor.caller.community_id, before.id).await?.ok_or(AppError::NotFound)?;
    let answer = view::detail(&mut tx, &row, actor.viewer(&row)).await?;
    tx.commit().await?;
    let by_staff = !actor.acting && actor.caller.is_staff() && before.wisher != Some(actor.subject);
    // The volunteer who held it before the step (a release or withdrawal ends their claim),
    // or the one who holds it now (a claim).
    let volunteer: Option<UserId> = before.claim.as_ref().or(row.claim.as_ref()).map(|claim| claim.claimer);
    announce(state, &row, before.state.is_public(), rules::news_of(action, by_staff), volunteer);
    Ok(Json(answer))
}

async fn begin(state: &AppState, actor: &Actor, id: WishId, action: WishAction) -> AppResult<(sqlx::Transaction<'static, sqlx::Any>, WishRow)> {
    let mut tx = state.db.begin_write().await?;
    let (row, viewer) = visible(&mut tx, actor, id).await?;
    if let Some(refused) = refusal(&row, viewer, action, state.clock.now()) {
        return Err(refused);
    }
    Ok((tx, row))
}

/// Staff put a pending wish on the board, or decline it with a reason the wisher sees.
#[utoipa::path(post, path = "/wishes/{id}/review", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id")), request_body = ReviewWish,
    responses((status = 200, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn review(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(review): ApiJson<ReviewWish>,
) -> AppResult<Json<Wish>> {
    let reason = validate::reason(review.reason.as_deref(), !review.approve).map_err(AppError::Invalid)?;
    let actor = Actor::for_self(caller);
    let action = if review.approve { WishAction::Approve } else { WishAction::Reject };
    let (mut tx, row) = begin(&state, &actor, WishId(id), action).await?;
    let kind = if review.approve { WishEventKind::Approved } else { WishEventKind::Rejected };
    let detail = reason.clone().unwrap_or_default();
    let change = StateChange { reason: reason.as_deref(), ..StateChange::default() };
    take(&mut tx, &actor, &row, Step { action, kind, detail: &detail, change }, state.clock.now()).await?;
    if let (Some(photo), true) = (row.photo, review.approve) {
        make_public(&mut tx, &[photo]).await?;
    }
    finish(&state, tx, &actor, &row, action).await
}

/// A volunteer takes a wish on: one at a time, however many tap at once. They then see the
/// wisher's contact, and have the days staff set to fulfil it.
#[utoipa::path(post, path = "/wishes/{id}/claim", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id")), request_body = ClaimWish,
    responses((status = 200, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn claim(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(claim): ApiJson<ClaimWish>,
) -> AppResult<Json<Wish>> {
    let claim = check::claim(&claim).map_err(AppError::Invalid)?;
    let actor = Actor::for_self(caller);
    let (mut tx, row) = begin(&state, &actor, WishId(id), WishAction::Claim).await?;
    let now = state.clock.now();
    let claim_days = storage::rules_of(&mut tx, actor.caller.community_id).await?.claim_days;
    let step = Step { action: WishAction::Claim, kind: WishEventKind::Claimed, detail: claim.organisation.as_deref().unwrap_or(""), change: StateChange::default() };
    take(&mut tx, &actor, &row, step, now).await?;
    let claimer_name = name_of(&mut tx, actor.caller.user_id).await?;
    let new_claim = storage::NewClaim {
        wish: row.id,
        claimer: actor.caller.user_id,
        claimer_name: &claimer_name,
        organisation: claim.organisation.as_deref(),
        claimed_at: now,
        expires_at: rules::claim_expires_at(now, claim_days),
    };
    match storage::insert_claim(&mut tx, &new_claim).await {
        Err(error) if is_unique_violation(&error) => return Err(AppError::WishTaken),
        other => other?,
    }
    finish(&state, tx, &actor, &row, WishAction::Claim).await
}

/// The volunteer gives the wish back to the board.
#[utoipa::path(post, path = "/wishes/{id}/release", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id")),
    responses((status = 200, body = Wish), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn release(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Wish>> {
    let actor = Actor::for_self(caller);
    let (mut tx, row) = begin(&state, &actor, WishId(id), WishAction::Release).await?;
    let now = state.clock.now();
    let step = Step { action: WishAction::Release, kind: WishEventKind::Released, detail: "", change: StateChange::default() };
    take(&mut tx, &actor, &row, step, now).await?;
    storage::end_claim(&mut tx, row.id, ClaimOutcome::Released, now).await?;
    finish(&state, tx, &actor, &row, WishAction::Release).await
}

/// The volunteer says it is done, with a note (and a photo, and the time given); the
/// wisher is asked to confirm.
#[utoipa::path(post, path = "/wishes/{id}/fulfil", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id")), request_body = FulfilWish,
    responses((status = 200, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn fulfil(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(fulfilment): ApiJson<FulfilWish>,
) -> AppResult<Json<Wish>> {
    let fulfilment = check::fulfilment(&fulfilment).map_err(AppError::Invalid)?;
    let actor = Actor::for_self(caller);
    let (mut tx, row) = begin(&state, &actor, WishId(id), WishAction::Fulfil).await?;
    check_photo(&mut tx, &actor, fulfilment.photo).await?;
    let now = state.clock.now();
    let done = storage::Fulfilment { note: &fulfilment.note, photo: fulfilment.photo, minutes: fulfilment.minutes, at: now };
    // The claim must still be live: the clock may have ended it a moment ago.
    if !storage::fulfil_claim(&mut tx, row.id, actor.caller.user_id, &done).await? {
        return Err(AppError::ClaimExpired);
    }
    let step = Step { action: WishAction::Fulfil, kind: WishEventKind::Fulfilled, detail: &fulfilment.note, change: StateChange::default() };
    take(&mut tx, &actor, &row, step, now).await?;
    finish(&state, tx, &actor, &row, WishAction::Fulfil).await
}

/// The wisher (or their family, or staff for a resident without the app) confirms it was
/// fulfilled, and may thank the volunteer on the community's thanks wall.
#[utoipa::path(post, path = "/wishes/{id}/confirm", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id"), ActingFor), request_body = ConfirmWish,
    responses((status = 200, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn confirm(
    State(state): State<AppState>,
    acting: Acting<PostWishes>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(confirmation): ApiJson<ConfirmWish>,
) -> AppResult<Json<Wish>> {
    let confirmation = check::confirmation(&confirmation).map_err(AppError::Invalid)?;
    let actor = Actor::from_acting(&acting);
    let (mut tx, row) = begin(&state, &actor, WishId(id), WishAction::Confirm).await?;
    let now = state.clock.now();
    let thanks = confirmation.thanks.as_deref();
    let change = StateChange { thanks, closed_at: Some(now), ..StateChange::default() };
    let step = Step { action: WishAction::Confirm, kind: WishEventKind::Confirmed, detail: thanks.unwrap_or(""), change };
    take(&mut tx, &actor, &row, step, now).await?;
    storage::end_claim(&mut tx, row.id, ClaimOutcome::Confirmed, now).await?;
    acting.record(&mut tx, FamilyActivityKind::ConfirmedWish, &row.what, now).await?;
    finish(&state, tx, &actor, &row, WishAction::Confirm).await
}

/// The wisher takes a wish back, or staff take it down with a reason; a volunteer holding
/// it is told.
#[utoipa::path(post, path = "/wishes/{id}/withdraw", tag = "wishes", security(("bearer" = [])),
    params(("id" = i64, Path, description = "wish id"), ActingFor), request_body = WithdrawWish,
    responses((status = 200, body = Wish), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn withdraw(
    State(state): State<AppState>,
    acting: Acting<PostWishes>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(withdrawal): ApiJson<WithdrawWish>,
) -> AppResult<Json<Wish>> {
    let actor = Actor::from_acting(&acting);
    let (mut tx, row) = begin(&state, &actor, WishId(id), WishAction::Withdraw).await?;
    // Staff taking down someone else's wish owe them the reason.
    let taking_down = row.wisher != Some(actor.subject);
    let reason = validate::reason(withdrawal.reason.as_deref(), taking_down).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let detail = reason.clone().unwrap_or_default();
    let change = StateChange { reason: reason.as_deref(), closed_at: Some(now), ..StateChange::default() };
    take(&mut tx, &actor, &row, Step { action: WishAction::Withdraw, kind: WishEventKind::Withdrawn, detail: &detail, change }, now).await?;
    storage::end_claim(&mut tx, row.id, ClaimOutcome::Withdrawn, now).await?;
    acting.record(&mut tx, FamilyActivityKind::WithdrewWish, &row.what, now).await?;
    finish(&state, tx, &actor, &row, WishAction::Withdraw).await
}
