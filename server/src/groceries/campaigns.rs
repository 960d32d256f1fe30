//! Campaigns: an approved shop publishes one; residents browse them; staff pause, resume
//! or withdraw one; the shop (or staff) may end ordering early; the shop and staff follow
//! it on a dashboard and get its picking list.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Duration, FixedOffset, Utc};
use linli_api::events::Event;
use linli_api::groceries::{
    Campaign, CampaignDashboard, CampaignPhase, CampaignStanding, DeliveryBatch, NewCampaign, PickingGroup, PickingHouseholds,
    PickingHouseholdsQuery, PickingList, Product, SetCampaignStanding,
};
use linli_api::ids::{BuildingId, CampaignId, DeliveryBatchId, HouseholdId, UploadId};
use linli_api::{validate, ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::merchants::{approved, MerchantsOnly};
use super::orders::line_views;
use super::picking::{self, PickingOrder};
use super::rules;
use super::storage::{self, BatchRow, CampaignRow, OrderRow, StoredFulfilment};
use super::cut_off;
use crate::auth::{Caller, Members, Signed};
use crate::community::storage::{audit, building_names, community_info, household_labels};
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;
use crate::uploads::check_attachable;

const LIST_LIMIT: i64 = 100;
/// Decided campaigns stay in residents' list this long after their cut-off.
const LIST_DAYS: i64 = 14;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(set_standing))
        .routes(routes!(close_now))
        .routes(routes!(dashboard))
        .routes(routes!(picking_list))
        .routes(routes!(picking_households))
        .routes(routes!(picking_csv))
}

/// The campaign's phase now: what it was decided as, or what the clock says.
pub fn phase_of(row: &CampaignRow, households: i64, now: DateTime<Utc>) -> CampaignPhase {
    match &row.outcome {
        Some(outcome) => rules::decided_phase(outcome),
        None => rules::phase(row.standing, row.cut_off, households, row.min_households, now),
    }
}

fn batch_view(batch: &BatchRow, buildings: &HashMap<linli_api::ids::BuildingId, String>) -> DeliveryBatch {
    DeliveryBatch {
        id: batch.id,
        building_id: batch.building,
        building: buildings.get(&batch.building).cloned().unwrap_or_default(),
        window_start: batch.window_start,
        window_end: batch.window_end,
    }
}

/// The campaigns as `caller` sees them: products with live stock, rounds, households so
/// far, the phase, and the caller's household's order.
pub async fn describe(conn: &mut AnyConnection, caller: &Caller, rows: Vec<CampaignRow>, now: DateTime<Utc>) -> AppResult<Vec<Campaign>> {
    let ids: Vec<CampaignId> = rows.iter().map(|row| row.id).collect();
    let products = storage::products_of(conn, &ids).await?;
    let batches = storage::batches_of(conn, &ids).await?;
    let buildings = building_names(conn, caller.community_id).await?;
    let counts = storage::household_counts(conn, &ids).await?;
    let mine = match caller.household_id {
        Some(household) => storage::household_order_ids(conn, household, &ids).await?,
        None => HashMap::new(),
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            let households = counts.get(&row.id).copied().unwrap_or(0);
            Campaign {
                id: row.id,
                merchant_id: row.merchant,
                merchant_name: row.merchant_name.clone(),
                title: row.title.clone(),
                description: row.description.clone(),
                products: products
                    .iter()
                    .filter(|product| product.campaign == row.id)
                    .map(|product| Product {
                        id: product.id,
                        name: product.name.clone(),
                        unit: product.unit.clone(),
                        price_fen: product.price_fen,
                        stock: product.stock,
                        ordered: product.ordered,
                        per_household_limit: product.per_household_limit,
                        photo: product.photo,
                    })
                    .collect(),
                min_households: row.min_households,
                households,
                cut_off: row.cut_off,
                pickup_point: row.pickup_point.clone(),
                batches: batches.iter().filter(|batch| batch.campaign == row.id).map(|batch| batch_view(batch, &buildings)).collect(),
                phase: phase_of(&row, households, now),
                reason: row.reason.clone(),
                my_order: mine.get(&row.id).copied(),
            }
        })
        .collect())
}

pub async fn campaign_of(conn: &mut AnyConnection, caller: &Caller, id: CampaignId, now: DateTime<Utc>) -> AppResult<Campaign> {
    let row = storage::campaign(conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    describe(conn, caller, vec![row], now).await?.pop().ok_or(AppError::NotFound)
}

/// The campaign, if the caller runs it (its shop) or oversees it (staff).
async fn managed(conn: &mut AnyConnection, caller: &Caller, id: CampaignId) -> AppResult<CampaignRow> {
    let row = storage::campaign(conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    if caller.is_staff() || row.merchant == caller.user_id {
        Ok(row)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Residents and staff: the community's campaigns, open ones first (nearest cut-off
/// first), then those decided in the last two weeks. A shop: its own.
#[utoipa::path(get, path = "/groceries/campaigns", tag = "groceries", security(("bearer" = [])),
    responses((status = 200, body = [Campaign]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<Vec<Campaign>>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let shop = (caller.role == linli_api::auth::Role::Merchant).then_some(caller.user_id);
    let rows = storage::campaigns(&mut conn, caller.community_id, now - Duration::days(LIST_DAYS), shop, LIST_LIMIT).await?;
    let mut campaigns = describe(&mut conn, &caller, rows, now).await?;
    campaigns.sort_by_key(|campaign| match campaign.phase {
        CampaignPhase::Open | CampaignPhase::Paused => (0, campaign.cut_off.timestamp_millis()),
        _ => (1, -campaign.cut_off.timestamp_millis()),
    });
    Ok(Json(campaigns))
}

/// An approved shop publishes a campaign.
#[utoipa::path(post, path = "/groceries/campaigns", tag = "groceries", security(("bearer" = [])), request_body = NewCampaign,
    responses((status = 201, body = Campaign), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<MerchantsOnly>,
    ApiJson(campaign): ApiJson<NewCampaign>,
) -> AppResult<(StatusCode, Json<Campaign>)> {
    let now = state.clock.now();
    let campaign = validate::new_campaign(&campaign, now).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    approved(&mut tx, caller.community_id, caller.user_id).await?;
    let photos: Vec<UploadId> = campaign.products.iter().filter_map(|product| product.photo).collect();
    check_attachable(&mut tx, caller.community_id, caller.user_id, &photos).await?;
    let buildings = building_names(&mut tx, caller.community_id).await?;
    if campaign.batches.iter().any(|batch| !buildings.contains_key(&batch.building_id)) {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "batches"));
    }
    let id = storage::insert_campaign(&mut tx, caller.community_id, caller.user_id, &campaign, now).await?;
    tx.commit().await?;
    state.events.publish(caller.community_id, Audience::Members, Event::CampaignChanged { campaign_id: id });
    let mut conn = state.db.pool.acquire().await?;
    Ok((StatusCode::CREATED, Json(campaign_of(&mut conn, &caller, id, now).await?)))
}

#[utoipa::path(get, path = "/groceries/campaigns/{id}", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, body = Campaign), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Campaign>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(campaign_of(&mut conn, &caller, CampaignId(id), state.clock.now()).await?))
}

/// Staff pause, resume or withdraw a campaign before its cut-off. A pause or withdrawal
/// needs a reason, which residents see; a withdrawal is final and voids every order.
#[utoipa::path(post, path = "/groceries/campaigns/{id}/standing", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")), request_body = SetCampaignStanding,
    responses((status = 200, body = Campaign), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn set_standing(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<crate::auth::StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<SetCampaignStanding>,
) -> AppResult<Json<Campaign>> {
    let reason = validate::reason(change.reason.as_deref(), change.standing != CampaignStanding::Running).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let id = CampaignId(id);
    let mut tx = state.db.begin_write().await?;
    let row = storage::campaign(&mut tx, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    if row.outcome.is_some() || row.standing == CampaignStanding::Withdrawn || now >= row.cut_off {
        return Err(AppError::OrdersClosed);
    }
    storage::set_standing(&mut tx, id, change.standing, reason.as_deref()).await?;
    let action = format!("campaign.{}", storage::stored_campaign_standing(change.standing));
    audit(&mut tx, caller.community_id, caller.user_id, &action, &format!("campaign:{}", id.0), now).await?;
    tx.commit().await?;
    state.events.publish(caller.community_id, Audience::Members, Event::CampaignChanged { campaign_id: id });
    if change.standing == CampaignStanding::Withdrawn {
        cut_off::decide(&state, caller.community_id, id).await?;
    }
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(campaign_of(&mut conn, &caller, id, now).await?))
}

/// The shop (or staff) ends ordering now, e.g. when it sold out: the cut-off becomes now
/// and the campaign is decided at once.
#[utoipa::path(post, path = "/groceries/campaigns/{id}/close", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, body = Campaign), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn close_now(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Campaign>> {
    let now = state.clock.now();
    let id = CampaignId(id);
    let mut tx = state.db.begin_write().await?;
    let row = managed(&mut tx, &caller, id).await?;
    if row.outcome.is_some() || row.standing == CampaignStanding::Withdrawn || now >= row.cut_off {
        return Err(AppError::OrdersClosed);
    }
    storage::set_cut_off(&mut tx, id, now).await?;
    tx.commit().await?;
    cut_off::decide(&state, caller.community_id, id).await?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(campaign_of(&mut conn, &caller, id, now).await?))
}

/// Orders, households against the minimum, live stock and what it all comes to.
#[utoipa::path(get, path = "/groceries/campaigns/{id}/dashboard", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, body = CampaignDashboard), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn dashboard(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<CampaignDashboard>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let row = managed(&mut conn, &caller, CampaignId(id)).await?;
    let orders = storage::standing_orders(&mut conn, row.id).await?;
    let campaign = describe(&mut conn, &caller, vec![row], now).await?.pop().ok_or(AppError::NotFound)?;
    Ok(Json(CampaignDashboard {
        campaign,
        orders: orders.len() as i64,
        picked_up: orders.iter().filter(|order| order.picked_up_at.is_some()).count() as i64,
        total_fen: orders.iter().map(|order| order.total_fen).sum(),
    }))
}

async fn picking_of(conn: &mut AnyConnection, caller: &Caller, id: CampaignId, now: DateTime<Utc>) -> AppResult<(Campaign, Vec<PickingGroup>)> {
    let row = managed(conn, caller, id).await?;
    let campaign = describe(conn, caller, vec![row], now).await?.pop().ok_or(AppError::NotFound)?;
    let (figures, needs) = storage::picking_groups(conn, id).await?;
    let buildings = building_names(conn, caller.community_id).await?;
    let groups = picking::groups(figures, &needs, &campaign.products, &buildings, campaign.pickup_point.as_deref(), &campaign.batches);
    Ok((campaign, groups))
}

/// The orders as the picking list shows them: each with its household and lines.
async fn picking_orders(conn: &mut AnyConnection, orders: Vec<OrderRow>, products: &[Product]) -> AppResult<Vec<PickingOrder>> {
    let labels = household_labels(conn, &orders.iter().map(|order| order.household).collect::<Vec<_>>()).await?;
    let mut lines = line_views(conn, &orders, products).await?;
    Ok(orders
        .into_iter()
        .filter_map(|order| {
            Some(PickingOrder {
                id: order.id,
                household: labels.get(&order.household)?.clone(),
                batch: match order.fulfilment {
                    StoredFulfilment::Pickup => None,
                    StoredFulfilment::Delivery(batch) => Some(batch),
                },
                lines: lines.remove(&order.id).unwrap_or_default(),
                total_fen: order.total_fen,
                picked_up: order.picked_up_at.is_some(),
            })
        })
        .collect())
}

/// The picking list: per handover (pickup point or delivery round) and building, what to
/// bring, for how many households; each group's households page on their own route.
#[utoipa::path(get, path = "/groceries/campaigns/{id}/picking", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, body = PickingList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn picking_list(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<PickingList>> {
    let mut conn = state.db.pool.acquire().await?;
    let (campaign, groups) = picking_of(&mut conn, &caller, CampaignId(id), state.clock.now()).await?;
    Ok(Json(PickingList { campaign_id: campaign.id, title: campaign.title, groups }))
}

/// A page of one picking group's households (the register's order) with what each ordered.
#[utoipa::path(get, path = "/groceries/campaigns/{id}/picking/households", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id"), PickingHouseholdsQuery),
    responses((status = 200, body = PickingHouseholds), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn picking_households(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<PickingHouseholdsQuery>,
) -> AppResult<Json<PickingHouseholds>> {
    let id = CampaignId(id);
    let after = paging::decode::<1>(query.after.as_deref())?.map(|[household]| HouseholdId(household));
    let limit = paging::limit(query.limit);
    let mut conn = state.db.pool.acquire().await?;
    let row = managed(&mut conn, &caller, id).await?;
    let campaign = describe(&mut conn, &caller, vec![row], state.clock.now()).await?.pop().ok_or(AppError::NotFound)?;
    let batch = query.batch.map(DeliveryBatchId);
    let rows = storage::group_orders(&mut conn, campaign.id, BuildingId(query.building), batch, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |order| paging::encode(&[order.household.0]));
    let households = picking_orders(&mut conn, rows, &campaign.products).await?.into_iter().map(picking::household).collect();
    Ok(Json(PickingHouseholds { households, next_after }))
}

/// The picking list as CSV (UTF-8), one row per order line, times in the community's zone.
#[utoipa::path(get, path = "/groceries/campaigns/{id}/picking.csv", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, content_type = "text/csv"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn picking_csv(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Response> {
    let mut conn = state.db.pool.acquire().await?;
    let (campaign, groups) = picking_of(&mut conn, &caller, CampaignId(id), state.clock.now()).await?;
    let orders = storage::standing_orders(&mut conn, campaign.id).await?;
    let orders = picking_orders(&mut conn, orders, &campaign.products).await?;
    let info = community_info(&mut conn, caller.community_id).await?;
    let zone = FixedOffset::east_opt(info.utc_offset_minutes * 60).unwrap_or(FixedOffset::east_opt(8 * 3600).expect("UTC+8"));
    let text = picking::csv(&groups, orders, zone).map_err(|error| AppError::Internal(error.to_string()))?;
    let disposition = format!("attachment; filename=\"picking-{id}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], text).into_response())
}
