//! Handlers that move a case along: accept, start, resolve, confirm (with a rating),
//! reopen, reassign, merge.
//!
//! Each runs in one write transaction: read the case, ask the rules whether this viewer may
//! take this step now, move the state by a conditional update from what was read, write the
//! line of the record (who, when, what), commit, then tell whoever the step concerns.

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use linli_api::family::FamilyActivityKind;
use linli_api::ids::{ReportId, UploadId};
use linli_api::reports::{ConfirmReport, MergeReport, Party, ReassignReport, ReopenReport, Report, ReportAction, ReportEventKind, ReportState, ResolveReport};
use linli_api::validate::reports as check;
use linli_api::{ErrorBody, ErrorCode};
use sqlx::{Any, AnyConnection, Transaction};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::routes::detail;
use super::rules::{self, Viewer};
use super::storage::{self, NewEvent, Placed, ReportRow};
use super::{announce, visible, Actor, Recipients};
use crate::auth::storage::name_of;
use crate::auth::{Publishers, Signed, StaffOnly};
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::extract::{ApiJson, ApiPath};
use crate::family::{Acting, ActingFor, ReportProblems};
use crate::state::AppState;
use crate::uploads::{check_attachable, keep_private};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(accept))
        .routes(routes!(start))
        .routes(routes!(resolve))
        .routes(routes!(confirm))
        .routes(routes!(reopen))
        .routes(routes!(reassign))
        .routes(routes!(merge))
}

/// Why a step cannot be taken: not theirs to take (403), or not in this state (409).
fn refusal(row: &ReportRow, viewer: Viewer, action: ReportAction) -> Option<AppError> {
    if !rules::may(viewer, action) {
        return Some(AppError::Forbidden);
    }
    if rules::next_state(row.state, action).is_none() {
        return Some(match (action, row.state) {
            (ReportAction::Accept, ReportState::Accepted | ReportState::InProgress) => AppError::ReportTaken,
            _ => AppError::ReportChanged,
        });
    }
    None
}

/// Opens the step's transaction with the case, or refuses the step.
async fn begin(state: &AppState, actor: &Actor, id: i64, action: ReportAction) -> AppResult<(Transaction<'static, Any>, ReportRow)> {
    let mut tx = state.db.begin_write().await?;
    let (row, viewer) = visible(&mut tx, actor, ReportId(id)).await?;
    if let Some(refused) = refusal(&row, viewer, action) {
        return Err(refused);
    }
    Ok((tx, row))
}

/// What a step writes into the record.
struct Line<'a> {
    kind: ReportEventKind,
    detail: &'a str,
    party: Option<Party>,
    photos: &'a [UploadId],
}

impl<'a> Line<'a> {
    fn plain(kind: ReportEventKind) -> Self {
        Line { kind, detail: "", party: None, photos: &[] }
    }
}

/// After the case moved: its line of the record, the case as the caller now sees it, and
/// the news for the others once committed.
async fn finish(
    state: &AppState,
    mut tx: Transaction<'static, Any>,
    actor: &Actor,
    before: &ReportRow,
    line: Line<'_>,
    at: DateTime<Utc>,
) -> AppResult<Json<Report>> {
    let caller = &actor.caller;
    let actor_name = name_of(&mut tx, caller.user_id).await?;
    let event = NewEvent { report: before.id, kind: line.kind, actor: Some(caller.user_id), actor_name: &actor_name, detail: line.detail, party: line.party, at };
    storage::record(&mut tx, &event, line.photos).await?;
    let row = storage::report(&mut tx, actor.community, before.id).await?.ok_or(AppError::NotFound)?;
    let viewer = super::viewer(&mut tx, actor, &row).await?;
    let answer = detail(&mut tx, actor, &row, viewer).await?;
    let followers = storage::followers(&mut tx, row.id).await?;
    tx.commit().await?;
    announce(state, &row, line.kind, &Recipients { reporter: row.reporter, handler: before.handler.or(row.handler), followers });
    Ok(Json(answer))
}

/// A conditional update found the case changed since it was read (a handler or the clock
/// was quicker): say which.
async fn lost_race(conn: &mut AnyConnection, actor: &Actor, id: ReportId) -> AppError {
    match storage::report(conn, actor.community, id).await {
        Ok(Some(row)) if matches!(row.state, ReportState::Accepted | ReportState::InProgress) => AppError::ReportTaken,
        Ok(_) => AppError::ReportChanged,
        Err(error) => error.into(),
    }
}

/// A handler of the party the case is with takes it on; of several tapping at once, one
/// gets it and the others hear it was taken.
#[utoipa::path(post, path = "/reports/{id}/accept", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")),
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn accept(State(state): State<AppState>, Signed(caller, ..): Signed<Publishers>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let caller = &actor.caller;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Accept).await?;
    let now = state.clock.now();
    if !storage::accept(&mut tx, row.id, row.party, caller.user_id, now).await? {
        return Err(lost_race(&mut tx, &actor, row.id).await);
    }
    finish(&state, tx, &actor, &row, Line::plain(ReportEventKind::Accepted), now).await
}

/// The handler says work has begun.
#[utoipa::path(post, path = "/reports/{id}/start", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")),
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn start(State(state): State<AppState>, Signed(caller, ..): Signed<Publishers>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let caller = &actor.caller;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Start).await?;
    if !storage::start(&mut tx, row.id, caller.user_id).await? {
        return Err(AppError::ReportChanged);
    }
    finish(&state, tx, &actor, &row, Line::plain(ReportEventKind::Started), state.clock.now()).await
}

/// The handler says it is done, with a note and photos of the work; the reporter is asked to
/// confirm it, and may reopen it for the days the community set.
#[utoipa::path(post, path = "/reports/{id}/resolve", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")), request_body = ResolveReport,
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn resolve(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Publishers>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(resolution): ApiJson<ResolveReport>,
) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let caller = &actor.caller;
    let resolution = check::resolution(&resolution).map_err(AppError::Invalid)?;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Resolve).await?;
    if !resolution.photos.is_empty() {
        check_attachable(&mut tx, caller.community_id, caller.user_id, &resolution.photos)
            .await
            .map_err(|_| AppError::invalid(ErrorCode::InvalidValue, "photos"))?;
    }
    let now = state.clock.now();
    if !storage::resolve(&mut tx, row.id, caller.user_id, now).await? {
        return Err(AppError::ReportChanged);
    }
    if !row.public {
        let mut readers = storage::followers(&mut tx, row.id).await?;
        readers.push(row.reporter);
        keep_private(&mut tx, &resolution.photos, &readers).await?;
    }
    let line = Line { detail: &resolution.note, photos: &resolution.photos, ..Line::plain(ReportEventKind::Resolved) };
    finish(&state, tx, &actor, &row, line, now).await
}

/// The resolution the reporter answers, as they saw it.
fn resolved_at(row: &ReportRow) -> AppResult<DateTime<Utc>> {
    row.resolved_at.ok_or(AppError::ReportChanged)
}

/// The reporter (or their family member, for them) confirms it is done and rates the
/// handling, 1 to 5 with a comment.
#[utoipa::path(post, path = "/reports/{id}/confirm", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id"), ActingFor), request_body = ConfirmReport,
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn confirm(
    State(state): State<AppState>,
    acting: Acting<ReportProblems>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(confirmation): ApiJson<ConfirmReport>,
) -> AppResult<Json<Report>> {
    let actor = Actor::from_acting(&acting);
    let confirmation = check::confirmation(&confirmation).map_err(AppError::Invalid)?;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Confirm).await?;
    let now = state.clock.now();
    let rating = Some((confirmation.stars, confirmation.comment.as_str()));
    if !storage::confirm(&mut tx, row.id, resolved_at(&row)?, rating, now).await? {
        return Err(AppError::ReportChanged);
    }
    let line = Line { detail: &confirmation.comment, ..Line::plain(ReportEventKind::Confirmed) };
    acting.record(&mut tx, FamilyActivityKind::ConfirmedReport, &row.location, now).await?;
    finish(&state, tx, &actor, &row, line, now).await
}

/// The reporter says it is not done, and why, within the days the community set; it goes
/// back to the handler who resolved it.
#[utoipa::path(post, path = "/reports/{id}/reopen", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id"), ActingFor), request_body = ReopenReport,
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reopen(
    State(state): State<AppState>,
    acting: Acting<ReportProblems>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(reopening): ApiJson<ReopenReport>,
) -> AppResult<Json<Report>> {
    let actor = Actor::from_acting(&acting);
    let reopening = check::reopening(&reopening).map_err(AppError::Invalid)?;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Reopen).await?;
    let now = state.clock.now();
    let reopen_days = storage::reopen_days_of(&mut tx, actor.community).await?;
    if !rules::may_reopen(resolved_at(&row)?, reopen_days, now) {
        return Err(AppError::ReopenTooLate);
    }
    if !storage::reopen(&mut tx, row.id, resolved_at(&row)?).await? {
        return Err(AppError::ReportChanged);
    }
    let line = Line { detail: &reopening.reason, ..Line::plain(ReportEventKind::Reopened) };
    acting.record(&mut tx, FamilyActivityKind::ReopenedReport, &row.location, now).await?;
    finish(&state, tx, &actor, &row, line, now).await
}

/// Staff send a case to another party or pool, with a note; it waits to be accepted there,
/// and its clock starts anew.
#[utoipa::path(post, path = "/reports/{id}/reassign", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")), request_body = ReassignReport,
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reassign(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(reassignment): ApiJson<ReassignReport>,
) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let reassignment = check::reassignment(&reassignment).map_err(AppError::Invalid)?;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Reassign).await?;
    if reassignment.party == row.party && reassignment.pool == row.pool {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "party"));
    }
    let now = state.clock.now();
    if !storage::send_to(&mut tx, row.id, Placed::of(&row), reassignment.party, reassignment.pool.as_deref(), false, now).await? {
        return Err(AppError::ReportChanged);
    }
    let line = Line { detail: &reassignment.note, party: Some(reassignment.party), ..Line::plain(ReportEventKind::Reassigned) };
    finish(&state, tx, &actor, &row, line, now).await
}

/// Staff fold a duplicate into the case that carries on: the duplicate's reporter counts as
/// a "me too" there and follows it.
#[utoipa::path(post, path = "/reports/{id}/merge", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")), request_body = MergeReport,
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn merge(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(merge): ApiJson<MergeReport>,
) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let caller = &actor.caller;
    let (mut tx, row) = begin(&state, &actor, id, ReportAction::Merge).await?;
    let into = storage::report(&mut tx, caller.community_id, merge.into).await?;
    let Some(into) = into.filter(|into| into.id != row.id && into.state != ReportState::Merged) else {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "into"));
    };
    let now = state.clock.now();
    if !storage::merge(&mut tx, row.id, Placed::of(&row), into.id).await? {
        return Err(AppError::ReportChanged);
    }
    if into.reporter != row.reporter {
        storage::second(&mut tx, into.id, row.reporter, now).await?;
        if !into.public {
            let photos = storage::all_photos(&mut tx, into.id).await?;
            keep_private(&mut tx, &photos, &[row.reporter]).await?;
        }
    }
    let answer = finish(&state, tx, &actor, &row, Line::plain(ReportEventKind::Merged), now).await?;
    let audience = if into.public { Audience::Members } else { Audience::Publishers };
    state.events.publish(into.community, audience, linli_api::events::Event::ReportChanged { report_id: into.id });
    Ok(answer)
}
