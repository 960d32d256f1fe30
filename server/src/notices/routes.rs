//! Handlers of notices: thin glue between the extractors, the rules and the SQL.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::family::FamilyActivityKind;
use linli_api::ids::{BuildingId, NoticeId, UserId};
use linli_api::notices::limits::PER_PAGE;
use linli_api::notices::{BuildingUnread, NewNotice, Notice, NoticePage, NoticeSummary, ReadStats};
use linli_api::paging::PageQuery;
use linli_api::{ErrorBody, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{rules, storage};
use crate::auth::storage::name_of;
use crate::auth::{Publishers, Signed};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::family::{Acting, ActingFor, ReadNotices, Subject};
use crate::paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, publish))
        .routes(routes!(open))
        .routes(routes!(mark_read))
        .routes(routes!(read_stats))
        .routes(routes!(unread_in_building))
}

/// The community's notices, pinned first, then newest, with the reader's read state.
/// A family member reads a resident's notices with the `linli-acting-for` header.
#[utoipa::path(get, path = "/notices", tag = "notices", security(("bearer" = [])), params(PageQuery, ActingFor),
    responses((status = 200, body = NoticePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    reader: Acting<ReadNotices>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<NoticePage>> {
    let after = paging::decode(page.after.as_deref())?;
    let limit = paging::limit(page.limit.or(Some(PER_PAGE)));
    let Subject { community_id, user_id, .. } = reader.subject;
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::page(&mut conn, community_id, user_id, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |(_, position)| paging::encode(position));
    let (total, unread) = storage::totals(&mut conn, community_id, user_id).await?;
    Ok(Json(NoticePage { items: rows.into_iter().map(|(notice, _)| notice).collect(), next_after, total, unread }))
}

/// Publishes a notice to the caller's community; open screens receive it live.
#[utoipa::path(post, path = "/notices", tag = "notices", security(("bearer" = [])), request_body = NewNotice,
    responses((status = 201, body = NoticeSummary), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Publishers>,
    ApiJson(notice): ApiJson<NewNotice>,
) -> AppResult<(StatusCode, Json<NoticeSummary>)> {
    let notice = rules::check_notice(&notice)?;
    let mut tx = state.db.begin_write().await?;
    if let Some(vote) = notice.vote_id {
        if !crate::hall::routes::vote_exists(&mut tx, caller.community_id, vote).await? {
            return Err(AppError::invalid(ErrorCode::InvalidValue, "vote_id"));
        }
    }
    let author_name = name_of(&mut tx, caller.user_id).await?;
    let summary = storage::insert(&mut tx, caller.community_id, caller.user_id, &author_name, &notice, state.clock.now()).await?;
    tx.commit().await?;
    state.events.publish(caller.community_id, Audience::Members, Event::NoticePublished { notice: summary.clone() });
    Ok((StatusCode::CREATED, Json(summary)))
}

/// One notice of the reader's community.
#[utoipa::path(get, path = "/notices/{id}", tag = "notices", security(("bearer" = [])),
    params(("id" = i64, Path, description = "notice id"), ActingFor),
    responses((status = 200, body = Notice), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn open(
    State(state): State<AppState>,
    reader: Acting<ReadNotices>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Notice>> {
    let Subject { community_id, user_id, .. } = reader.subject;
    let mut conn = state.db.pool.acquire().await?;
    let notice = storage::find(&mut conn, community_id, NoticeId(id), user_id).await?;
    Ok(Json(notice.ok_or(AppError::NotFound)?))
}

/// Marks the notice read by the reader; reading twice changes nothing. A family member
/// reading it for a resident marks it read for them, and it goes into their history.
#[utoipa::path(post, path = "/notices/{id}/read", tag = "notices", security(("bearer" = [])),
    params(("id" = i64, Path, description = "notice id"), ActingFor),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn mark_read(
    State(state): State<AppState>,
    reader: Acting<ReadNotices>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    let id = NoticeId(id);
    let Subject { community_id, user_id, role, household_id } = reader.subject.clone();
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let notice = storage::find(&mut tx, community_id, id, user_id).await?.ok_or(AppError::NotFound)?;
    let first_read = storage::mark_read(&mut tx, id, user_id, role, now).await?;
    if first_read {
        reader.record(&mut tx, FamilyActivityKind::ReadNotice, &notice.summary.title, now).await?;
        storage::count_read_by(&mut tx, community_id, user_id).await?;
    }
    // Staff see the count change only when a resident's first reading changed it.
    let read_count = if first_read && role == Role::Resident {
        let building = match household_id {
            Some(household) => community::household_building(&mut tx, household).await?,
            None => None,
        };
        Some(storage::count_resident_read(&mut tx, id, building).await?)
    } else {
        None
    };
    tx.commit().await?;
    if let Some(read_count) = read_count {
        state.events.publish(community_id, Audience::Publishers, Event::NoticeReadCount { notice_id: id, read_count });
    }
    Ok(StatusCode::NO_CONTENT)
}

/// How many residents have read the notice, in all and per building.
#[utoipa::path(get, path = "/notices/{id}/reads", tag = "notices", security(("bearer" = [])),
    params(("id" = i64, Path, description = "notice id")),
    responses((status = 200, body = ReadStats), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn read_stats(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Publishers>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<ReadStats>> {
    let id = NoticeId(id);
    let mut conn = state.db.pool.acquire().await?;
    storage::find(&mut conn, caller.community_id, id, caller.user_id).await?.ok_or(AppError::NotFound)?;
    let buildings = community::residents_per_building(&mut conn, caller.community_id).await?;
    let reads = storage::reads_per_building(&mut conn, id).await?;
    let read_count = storage::resident_read_count(&mut conn, id).await?;
    let buildings = rules::building_reads(buildings, &reads);
    Ok(Json(ReadStats { notice_id: id, read_count, resident_count: buildings.iter().map(|b| b.residents).sum(), buildings }))
}

/// The residents of one building who have not read the notice yet, phones masked, so staff
/// can knock or phone. Each look is written to the audit log.
#[utoipa::path(get, path = "/notices/{id}/reads/{building}", tag = "notices", security(("bearer" = [])),
    params(("id" = i64, Path, description = "notice id"), ("building" = i64, Path, description = "building id")),
    responses((status = 200, body = BuildingUnread), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn unread_in_building(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Publishers>,
    ApiPath((id, building)): ApiPath<(i64, i64)>,
) -> AppResult<Json<BuildingUnread>> {
    let id = NoticeId(id);
    let mut conn = state.db.pool.acquire().await?;
    storage::find(&mut conn, caller.community_id, id, caller.user_id).await?.ok_or(AppError::NotFound)?;
    let (name, residents) = community::residents_of_building(&mut conn, caller.community_id, BuildingId(building))
        .await?
        .ok_or(AppError::NotFound)?;
    let people: Vec<UserId> = residents.iter().map(|resident| resident.id).collect();
    let readers = storage::readers_among(&mut conn, id, &people).await?;
    let detail = format!("notice:{id} building:{building}");
    community::audit(&mut conn, caller.community_id, caller.user_id, "view_unread_residents", &detail, state.clock.now()).await?;
    Ok(Json(rules::unread_in(name, &residents, &readers)))
}
