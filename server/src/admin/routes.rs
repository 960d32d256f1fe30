//! The street office's administrator: every community on one page, a new community, and
//! its first staff account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use linli_api::admin::{CommunityOverview, CommunityOverviewPage, CommunityQuery, NewAccountRequest, NewCommunity, OneTimeCode};
use linli_api::auth::Role;
use linli_api::community::CommunityInfo;
use linli_api::ids::CommunityId;
use linli_api::{validate, ErrorBody};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::accounts::open_with_setup_code;
use crate::auth::{AdminOnly, Signed};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;
use crate::{groceries, hall, help, reports};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(overview, create)).routes(routes!(first_account))
}

/// Every community of the server at a glance, by when it was created: households on record
/// and registered, residents, open help requests, overdue problem reports, votes open and
/// group buys running. A page costs the same few queries however many rows it shows.
#[utoipa::path(get, path = "/admin/communities", tag = "admin", security(("bearer" = [])), params(CommunityQuery),
    responses((status = 200, body = CommunityOverviewPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn overview(
    State(state): State<AppState>,
    Signed(_caller, ..): Signed<AdminOnly>,
    ApiQuery(query): ApiQuery<CommunityQuery>,
) -> AppResult<Json<CommunityOverviewPage>> {
    let limit = paging::limit(query.limit);
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let rows = community::communities_after(&mut conn, query.after.unwrap_or(0), limit + 1).await?;
    let (page, next) = paging::split(rows, limit, |last| last.id);
    let ids: Vec<CommunityId> = page.iter().map(|info| info.id).collect();
    let register = community::register_counts(&mut conn, &ids).await?;
    let help = help::storage::open_counts(&mut conn, &ids).await?;
    let overdue = reports::storage::overdue_counts(&mut conn, &ids, now).await?;
    let votes = hall::storage::open_vote_counts(&mut conn, &ids, now).await?;
    let campaigns = groceries::storage::running_campaign_counts(&mut conn, &ids, now).await?;
    let communities_total = community::community_count(&mut conn).await?;
    let count = |counts: &std::collections::HashMap<CommunityId, i64>, id| counts.get(&id).copied().unwrap_or(0);
    let communities = page
        .into_iter()
        .map(|info| {
            let (households_on_record, households_registered, residents) = register.get(&info.id).copied().unwrap_or_default();
            CommunityOverview {
                households_on_record,
                households_registered,
                residents,
                open_help_requests: count(&help, info.id),
                overdue_reports: count(&overdue, info.id),
                votes_open: count(&votes, info.id),
                campaigns_running: count(&campaigns, info.id),
                community: info,
            }
        })
        .collect();
    Ok(Json(CommunityOverviewPage { communities, next, communities_total }))
}

/// Creates a community (name, service phone, time zone).
#[utoipa::path(post, path = "/admin/communities", tag = "admin", security(("bearer" = [])), request_body = NewCommunity,
    responses((status = 201, body = CommunityInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<AdminOnly>,
    ApiJson(request): ApiJson<NewCommunity>,
) -> AppResult<(StatusCode, Json<CommunityInfo>)> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let info = super::create_community(&mut tx, &request, now).await?;
    let subject = format!("community:{}", info.id);
    community::audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "community_created", &subject, &info.name, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(info)))
}

/// Opens a staff (or administrator) account in a community; the answer carries the one-time
/// setup code with which they choose their password.
#[utoipa::path(post, path = "/admin/communities/{id}/accounts", tag = "admin", security(("bearer" = [])),
    params(("id" = i64, Path, description = "community id")), request_body = NewAccountRequest,
    responses((status = 201, body = OneTimeCode), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn first_account(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<AdminOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<NewAccountRequest>,
) -> AppResult<(StatusCode, Json<OneTimeCode>)> {
    let request = validate::admin::new_account(&request, true).map_err(AppError::Invalid)?;
    if !matches!(request.role, Role::Staff | Role::Admin) {
        return Err(AppError::invalid(linli_api::ErrorCode::InvalidValue, "role"));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let target = CommunityId(id);
    if !community::community_exists(&mut tx, target).await? {
        return Err(AppError::NotFound);
    }
    let issued = open_with_setup_code(&mut tx, target, &request, Some(caller.user_id), now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(issued)))
}
