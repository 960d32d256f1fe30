//! Handlers: report a problem, the lists (mine, the community's public cases, what one's
//! party handles), one case, "me too", the community's routing and its monthly figures.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use linli_api::auth::Role;
use linli_api::family::FamilyActivityKind;
use linli_api::ids::ReportId;
use linli_api::reports::{
    FiguresQuery, MonthFigures, NewReport, Report, ReportEventKind, ReportListQuery, ReportRules, ReportPage, ReportScope,
};
use linli_api::paging::PageQuery;
use linli_api::validate::reports as check;
use linli_api::{ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, Viewer};
use super::storage::{self, CaseList, NewEvent, NewReportRow, ReportRow};
use super::{announce, party_of, view, visible, Actor, Recipients};
use crate::auth::storage::name_of;
use crate::auth::{Members, Signed, StaffOnly};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::family::{Acting, ActingFor, ReportProblems};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;
use crate::uploads::{check_attachable, keep_private};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, report))
        .routes(routes!(get_rules, set_rules))
        .routes(routes!(figures))
        .routes(routes!(one))
        .routes(routes!(second))
}

/// The case as the actor sees it now.
pub async fn detail(conn: &mut AnyConnection, actor: &Actor, row: &ReportRow, viewer: Viewer) -> AppResult<Report> {
    let reopen_days = storage::reopen_days_of(&mut *conn, actor.community).await?;
    Ok(view::detail(conn, row, viewer, actor.subject, reopen_days).await?)
}

/// A resident reports a problem (or their family member, for them, without photos: those
/// would be the family member's own uploads); the community's routing sends it to the party
/// (and pool) responsible for its category, whose time to accept starts now.
#[utoipa::path(post, path = "/reports", tag = "reports", security(("bearer" = [])), params(ActingFor), request_body = NewReport,
    responses((status = 201, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn report(
    State(state): State<AppState>,
    acting: Acting<ReportProblems>,
    ApiJson(report): ApiJson<NewReport>,
) -> AppResult<(StatusCode, Json<Report>)> {
    if acting.subject.role != Role::Resident {
        return Err(AppError::Forbidden);
    }
    let actor = Actor::from_acting(&acting);
    let report = check::new_report(&report).map_err(AppError::Invalid)?;
    if actor.acting && !report.photos.is_empty() {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "photos"));
    }
    let caller = &actor.caller;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if !report.photos.is_empty() {
        check_attachable(&mut tx, actor.community, caller.user_id, &report.photos)
            .await
            .map_err(|_| AppError::invalid(ErrorCode::InvalidValue, "photos"))?;
        if !report.public {
            // A private case's photos (often of someone's home) are the case's readers' only.
            keep_private(&mut tx, &report.photos, &[]).await?;
        }
    }
    let route = storage::rules_of(&mut tx, actor.community).await?.route_for(report.category);
    let row = NewReportRow {
        community: actor.community,
        reporter: actor.subject,
        reported_by: caller.user_id,
        household: acting.subject.household_id,
        category: report.category,
        location: &report.location,
        description: &report.description,
        public: report.public,
        route: &route,
        photos: &report.photos,
        at: now,
    };
    let id = storage::insert_report(&mut tx, &row).await?;
    let name = name_of(&mut tx, caller.user_id).await?;
    let event = NewEvent { report: id, kind: ReportEventKind::Submitted, actor: Some(caller.user_id), actor_name: &name, detail: "", party: None, at: now };
    storage::record(&mut tx, &event, &[]).await?;
    acting.record(&mut tx, FamilyActivityKind::ReportedProblem, &report.location, now).await?;
    let row = storage::report(&mut tx, actor.community, id).await?.ok_or(AppError::NotFound)?;
    let viewer = super::viewer(&mut tx, &actor, &row).await?;
    let answer = detail(&mut tx, &actor, &row, viewer).await?;
    tx.commit().await?;
    announce(&state, &row, ReportEventKind::Submitted, &Recipients { reporter: row.reporter, handler: None, followers: Vec::new() });
    Ok((StatusCode::CREATED, Json(answer)))
}

/// The caller's own reports (the default; a family member: the resident's), the community's
/// public cases, or what the caller's party handles (staff: every case).
#[utoipa::path(get, path = "/reports", tag = "reports", security(("bearer" = [])), params(ReportListQuery, PageQuery, ActingFor),
    responses((status = 200, body = ReportPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    acting: Acting<ReportProblems>,
    ApiQuery(query): ApiQuery<ReportListQuery>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<ReportPage>> {
    let actor = Actor::from_acting(&acting);
    let caller = &actor.caller;
    if actor.acting && query.scope != ReportScope::Mine {
        return Err(AppError::Forbidden);
    }
    let list = match query.scope {
        ReportScope::Mine => CaseList::Mine(actor.community, actor.subject),
        ReportScope::Public => CaseList::Public(caller.community_id),
        ReportScope::Handling if caller.is_staff() => CaseList::Handling(caller.community_id, None),
        ReportScope::Handling => CaseList::Handling(caller.community_id, Some(party_of(caller.role).ok_or(AppError::Forbidden)?)),
    };
    let after = paging::decode::<3>(page.after.as_deref())?;
    let limit = paging::limit(page.limit);
    let parts = list.parts();
    // The cursor says which part it is in: `[part, time, id]`.
    let (mut part, mut position) = match after {
        Some([part, at, id]) => (usize::try_from(part).ok().filter(|part| *part < parts.len()).ok_or_else(|| AppError::InvalidQuery("after".into()))?, Some([at, id])),
        None => (0, None),
    };
    let mut conn = state.db.pool.acquire().await?;
    // Each row with the part it came from: a page may end one part and begin the next.
    let mut rows: Vec<(usize, ReportRow)> = Vec::new();
    let mut next_after = None;
    while part < parts.len() {
        let found = storage::cases(&mut conn, list, parts[part], position, limit + 1 - rows.len() as i64).await?;
        rows.extend(found.into_iter().map(|row| (part, row)));
        if rows.len() as i64 > limit {
            rows.truncate(limit as usize);
            let (last_part, last) = rows.last().expect("a full page");
            let [at, id] = list.position(last);
            next_after = Some(paging::encode(&[*last_part as i64, at, id]));
            break;
        }
        part += 1;
        position = None;
    }
    let waiting = match list {
        CaseList::Handling(..) if after.is_none() => Some(storage::waiting_count(&mut conn, list).await?),
        _ => None,
    };
    Ok(Json(ReportPage { reports: rows.iter().map(|(_, row)| view::summary(row)).collect(), next_after, waiting }))
}

/// One case as the caller (or the resident they act for) may see it; those handling it see
/// the reporter's contact, which is logged as a view of personal data.
#[utoipa::path(get, path = "/reports/{id}", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id"), ActingFor),
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, acting: Acting<ReportProblems>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Report>> {
    let actor = Actor::from_acting(&acting);
    let caller = &actor.caller;
    let mut conn = state.db.pool.acquire().await?;
    let (row, viewer) = visible(&mut conn, &actor, ReportId(id)).await?;
    let answer = detail(&mut conn, &actor, &row, viewer).await?;
    if answer.reporter_phone.is_some() && row.reporter != caller.user_id {
        let now = state.clock.now();
        community::audit(&mut conn, caller.community_id, caller.user_id, "view_report_contact", &format!("report:{id}"), now).await?;
    }
    Ok(Json(answer))
}

/// A neighbour says "me too" on a public case still open; a second tap changes nothing.
#[utoipa::path(post, path = "/reports/{id}/me-too", tag = "reports", security(("bearer" = [])),
    params(("id" = i64, Path, description = "report id")),
    responses((status = 200, body = Report), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn second(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Report>> {
    let actor = Actor::for_self(caller);
    let caller = &actor.caller;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let (row, viewer) = visible(&mut tx, &actor, ReportId(id)).await?;
    if !viewer.may_second(row.public, row.state) {
        return Err(if viewer.reporter || !row.public { AppError::Forbidden } else { AppError::ReportChanged });
    }
    let new = storage::second(&mut tx, row.id, caller.user_id, now).await?;
    let row = storage::report(&mut tx, caller.community_id, row.id).await?.ok_or(AppError::NotFound)?;
    let answer = detail(&mut tx, &actor, &row, viewer).await?;
    tx.commit().await?;
    if new {
        // Lists and open pages show the new count.
        state.events.publish(row.community, crate::events::Audience::Members, linli_api::events::Event::ReportChanged { report_id: row.id });
    }
    Ok(Json(answer))
}

/// Where each category goes and how soon it must be accepted; how long a resident may reopen.
/// A family member reporting for a resident reads the resident's community's.
#[utoipa::path(get, path = "/reports/rules", tag = "reports", security(("bearer" = [])), params(ActingFor),
    responses((status = 200, body = ReportRules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_rules(State(state): State<AppState>, acting: Acting<ReportProblems>) -> AppResult<Json<ReportRules>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::rules_of(&mut conn, acting.subject.community_id).await?))
}

/// Staff set the routing (new cases; cases already sent keep their party and clock).
#[utoipa::path(put, path = "/reports/rules", tag = "reports", security(("bearer" = [])), request_body = ReportRules,
    responses((status = 200, body = ReportRules), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_rules(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(rules): ApiJson<ReportRules>,
) -> AppResult<Json<ReportRules>> {
    let rules = check::rules(&rules).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    storage::set_rules(&mut tx, caller.community_id, &rules).await?;
    tx.commit().await?;
    Ok(Json(rules))
}

/// A month's figures per category and party, for everyone in the community: how many cases,
/// how soon they were accepted and resolved (medians), and how satisfied their reporters were.
#[utoipa::path(get, path = "/reports/figures", tag = "reports", security(("bearer" = [])), params(FiguresQuery),
    responses((status = 200, body = MonthFigures), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn figures(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiQuery(query): ApiQuery<FiguresQuery>,
) -> AppResult<Json<MonthFigures>> {
    let mut conn = state.db.pool.acquire().await?;
    let offset = community::community_info(&mut conn, caller.community_id).await?.utc_offset_minutes;
    let (this_year, this_month) = rules::month_of(state.clock.now(), offset);
    let (year, month) = (query.year.unwrap_or(this_year), query.month.unwrap_or(this_month));
    let (from, until) = rules::month_bounds(year, month, offset).ok_or_else(|| AppError::invalid(ErrorCode::InvalidValue, "month"))?;
    let cases = storage::case_times(&mut conn, caller.community_id, from, until).await?;
    Ok(Json(MonthFigures { year, month, rows: rules::figures(&cases) }))
}
