//! Orders: a household places, changes or cancels its order before the cut-off, looks at
//! its orders (with the pickup code once the campaign formed), buys again; the shop checks
//! the pickup code at handover.

use std::collections::HashMap;

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use linli_api::events::Event;
use linli_api::groceries::{
    display_pickup_code, BuyAgain, Campaign, Fulfilment, Order, OrderLine, OrderLineView, OrderPage, OrderState, PickupRequest, PlaceOrder, Product,
};
use linli_api::ids::{CampaignId, CommunityId, HouseholdId, OrderId, UserId};
use linli_api::paging::PageQuery;
use linli_api::{validate, ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::campaigns::{describe, phase_of};
use super::merchants::MerchantsOnly;
use super::rules::{self, Closed, OnSale, Offer, PickupRefusal};
use super::storage::{self, CampaignRow, NewOrderRow, OrderRow, StoredFulfilment};
use crate::auth::{Caller, ResidentsOnly, Signed};
use crate::community::rules::qr_svg;
use crate::community::storage::{household_building, household_labels, people_of};
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::events::{Audience, EventHub};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;

/// Orders a page of the household's list holds unless asked otherwise.
const MY_ORDERS_PAGE: u32 = 20;
/// How many of the household's latest orders "buy again" looks through for shops.
const BUY_AGAIN_LOOKS_BACK: i64 = 50;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(place, cancel))
        .routes(routes!(mine))
        .routes(routes!(one))
        .routes(routes!(buy_again))
        .routes(routes!(pick_up))
}

/// Each order's lines, with the names and units of `products`.
pub async fn line_views(conn: &mut AnyConnection, orders: &[OrderRow], products: &[Product]) -> AppResult<HashMap<OrderId, Vec<OrderLineView>>> {
    let ids: Vec<OrderId> = orders.iter().map(|order| order.id).collect();
    let mut views: HashMap<OrderId, Vec<OrderLineView>> = HashMap::new();
    for line in storage::lines_of(conn, &ids).await? {
        let Some(product) = products.iter().find(|product| product.id == line.product) else { continue };
        views.entry(line.order).or_default().push(OrderLineView {
            product_id: line.product,
            name: product.name.clone(),
            unit: product.unit.clone(),
            price_fen: line.price_fen,
            quantity: line.quantity,
            subtotal_fen: rules::total_fen(&[(line.price_fen, line.quantity)]),
        });
    }
    Ok(views)
}

/// The orders as their household sees them (`reveal_code`) or as the shop does.
pub async fn order_views(conn: &mut AnyConnection, caller: &Caller, rows: Vec<OrderRow>, now: DateTime<Utc>, reveal_code: bool) -> AppResult<Vec<Order>> {
    let campaign_ids: Vec<CampaignId> = rows.iter().map(|order| order.campaign).collect();
    let campaign_rows = storage::campaigns_in(conn, caller.community_id, &campaign_ids).await?;
    let campaigns: HashMap<CampaignId, Campaign> =
        describe(conn, caller, campaign_rows, now).await?.into_iter().map(|campaign| (campaign.id, campaign)).collect();
    let products: Vec<Product> = campaigns.values().flat_map(|campaign| campaign.products.clone()).collect();
    let mut lines = line_views(conn, &rows, &products).await?;
    let labels = household_labels(conn, &rows.iter().map(|order| order.household).collect::<Vec<_>>()).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let campaign = campaigns.get(&row.campaign)?;
            let state = rules::order_state(row.cancelled, row.picked_up_at.is_some(), campaign.phase);
            let show_code = reveal_code && matches!(state, OrderState::AwaitingPickup | OrderState::PickedUp);
            let code = display_pickup_code(&row.pickup_code);
            Some(Order {
                id: row.id,
                campaign_id: row.campaign,
                campaign_title: campaign.title.clone(),
                merchant_name: campaign.merchant_name.clone(),
                cut_off: campaign.cut_off,
                household: labels.get(&row.household)?.clone(),
                lines: lines.remove(&row.id).unwrap_or_default(),
                total_fen: row.total_fen,
                fulfilment: match row.fulfilment {
                    StoredFulfilment::Pickup => Fulfilment::Pickup,
                    StoredFulfilment::Delivery(batch_id) => Fulfilment::Delivery { batch_id },
                },
                state,
                pickup_qr_svg: show_code.then(|| qr_svg(&row.pickup_code)),
                pickup_code: show_code.then_some(code),
                picked_up_at: row.picked_up_at,
            })
        })
        .collect())
}

async fn order_of(conn: &mut AnyConnection, caller: &Caller, id: OrderId, now: DateTime<Utc>, reveal_code: bool) -> AppResult<Order> {
    let row = storage::order(conn, id).await?.ok_or(AppError::NotFound)?;
    order_views(conn, caller, vec![row], now, reveal_code).await?.pop().ok_or(AppError::NotFound)
}

/// The campaign, if it takes (and lets households change) orders now.
async fn taking_orders(conn: &mut AnyConnection, community: CommunityId, id: CampaignId, now: DateTime<Utc>) -> AppResult<CampaignRow> {
    let row = storage::campaign(conn, community, id).await?.ok_or(AppError::NotFound)?;
    // Households only matter once the cut-off passed, and then ordering is over either way.
    match rules::may_order(phase_of(&row, 0, now)) {
        Ok(()) => Ok(row),
        Err(Closed::Paused) => Err(AppError::CampaignPaused),
        Err(Closed::Over) => Err(AppError::OrdersClosed),
    }
}

/// How the household gets its order must be one this campaign offers it: the pickup point,
/// or the delivery round of its own building.
async fn check_fulfilment(conn: &mut AnyConnection, campaign: &CampaignRow, household: HouseholdId, wanted: Fulfilment) -> AppResult<StoredFulfilment> {
    let refused = || AppError::invalid(ErrorCode::InvalidValue, "fulfilment");
    match wanted {
        Fulfilment::Pickup if campaign.pickup_point.is_some() => Ok(StoredFulfilment::Pickup),
        Fulfilment::Pickup => Err(refused()),
        Fulfilment::Delivery { batch_id } => {
            let building = household_building(conn, household).await?;
            let batches = storage::batches_of(conn, &[campaign.id]).await?;
            match batches.iter().find(|batch| batch.id == batch_id) {
                Some(batch) if Some(batch.building) == building => Ok(StoredFulfilment::Delivery(batch_id)),
                _ => Err(refused()),
            }
        }
    }
}

fn publish_change(events: &EventHub, community: CommunityId, campaign: CampaignId) {
    events.publish(community, Audience::Members, Event::CampaignChanged { campaign_id: campaign });
}

/// In a flash sale most buyers arrive after the stock is gone; refusing them from what was
/// just read spares them queueing for the product's row lock. Only a refusal is decided
/// here: the stock a buyer gets is still decided under the lock.
async fn refuse_early_if_sold_out(
    conn: &mut AnyConnection,
    products: &[storage::ProductRow],
    household: HouseholdId,
    campaign: CampaignId,
    lines: &[(linli_api::ids::ProductId, i64)],
) -> AppResult<()> {
    let wants_more_of_sold_out = |(product, change): &(linli_api::ids::ProductId, i64)| {
        *change > 0 && products.iter().any(|p| p.id == *product && p.ordered + change > p.stock)
    };
    if !rules::stock_moves(&[], lines).iter().any(wants_more_of_sold_out) {
        return Ok(());
    }
    // Only now (rarely) look at what the household already holds: keeping it is no move.
    let held: Vec<_> = match storage::household_order_ids(conn, household, &[campaign]).await?.get(&campaign) {
        Some(order) => match storage::order(conn, *order).await? {
            Some(row) if !row.cancelled => storage::lines_of(conn, &[row.id]).await?.into_iter().map(|l| (l.product, l.quantity)).collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    if rules::stock_moves(&held, lines).iter().any(wants_more_of_sold_out) {
        return Err(AppError::SoldOut);
    }
    Ok(())
}

/// Places the household's order in one transaction: lock its order row, move each
/// product's stock by the difference (in product order, only if the stock covers it), and
/// write the lines. Anything refused rolls all of it back.
async fn try_place(state: &AppState, caller: &Caller, household: HouseholdId, id: CampaignId, order: &PlaceOrder, now: DateTime<Utc>) -> AppResult<OrderId> {
    let mut tx = state.db.begin_write().await?;
    let campaign = taking_orders(&mut tx, caller.community_id, id, now).await?;
    let products = storage::products_of(&mut tx, &[id]).await?;
    let offers: Vec<Offer> =
        products.iter().map(|p| Offer { id: p.id, price_fen: p.price_fen, per_household_limit: p.per_household_limit }).collect();
    let lines = rules::check_lines(&order.lines, &offers).map_err(AppError::Invalid)?;
    let fulfilment = check_fulfilment(&mut tx, &campaign, household, order.fulfilment).await?;
    refuse_early_if_sold_out(&mut tx, &products, household, id, &lines).await?;
    let existing = storage::lock_order(&mut tx, id, household).await?;
    let before: Vec<_> = match &existing {
        Some(order) if !order.cancelled => {
            storage::lines_of(&mut tx, &[order.id]).await?.into_iter().map(|line| (line.product, line.quantity)).collect()
        }
        _ => Vec::new(),
    };
    for (product, change) in rules::stock_moves(&before, &lines) {
        if !storage::move_stock(&mut tx, id, product, change).await? {
            return Err(AppError::SoldOut);
        }
    }
    let priced: Vec<_> = lines
        .iter()
        .map(|(product, quantity)| (*product, *quantity, offers.iter().find(|o| o.id == *product).map_or(0, |o| o.price_fen)))
        .collect();
    let total_fen = rules::total_fen(&priced.iter().map(|(_, quantity, price)| (*price, *quantity)).collect::<Vec<_>>());
    let order_id = match existing {
        Some(order) => {
            storage::update_order(&mut tx, order.id, caller.user_id, fulfilment, total_fen, now).await?;
            order.id
        }
        None => {
            let code = rules::new_pickup_code(&mut rand::thread_rng());
            let building = household_building(&mut tx, household).await?;
            let row = NewOrderRow { campaign: id, household, building, placed_by: caller.user_id, fulfilment, total_fen, pickup_code: &code, at: now };
            storage::insert_order(&mut tx, &row).await?
        }
    };
    storage::replace_lines(&mut tx, order_id, &priced).await?;
    tx.commit().await?;
    Ok(order_id)
}

/// Places the household's order, or replaces it, before the cut-off.
#[utoipa::path(put, path = "/groceries/campaigns/{id}/order", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")), request_body = PlaceOrder,
    responses((status = 200, body = Order), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn place(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<ResidentsOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(order): ApiJson<PlaceOrder>,
) -> AppResult<Json<Order>> {
    let household = caller.household_id.ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    let id = CampaignId(id);
    // A unique violation means the same household ordered at the same moment from another
    // phone (or, once in a hundred million, a pickup code clashed): the next try sees it.
    let mut attempt = 0;
    let order_id = loop {
        attempt += 1;
        match try_place(&state, &caller, household, id, &order, now).await {
            Err(AppError::Database(error)) if is_unique_violation(&error) && attempt < 3 => continue,
            other => break other?,
        }
    };
    publish_change(&state.events, caller.community_id, id);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(order_of(&mut conn, &caller, order_id, now, true).await?))
}

/// Cancels the household's order before the cut-off; its stock is free again.
#[utoipa::path(delete, path = "/groceries/campaigns/{id}/order", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "campaign id")),
    responses((status = 200, body = Order), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn cancel(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Order>> {
    let household = caller.household_id.ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    let id = CampaignId(id);
    let mut tx = state.db.begin_write().await?;
    taking_orders(&mut tx, caller.community_id, id, now).await?;
    let order = match storage::lock_order(&mut tx, id, household).await? {
        Some(order) if !order.cancelled => order,
        _ => return Err(AppError::NotFound),
    };
    let before: Vec<_> = storage::lines_of(&mut tx, &[order.id]).await?.into_iter().map(|line| (line.product, line.quantity)).collect();
    for (product, change) in rules::stock_moves(&before, &[]) {
        storage::move_stock(&mut tx, id, product, change).await?;
    }
    storage::cancel_order(&mut tx, order.id, now).await?;
    tx.commit().await?;
    publish_change(&state.events, caller.community_id, id);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(order_of(&mut conn, &caller, order.id, now, true).await?))
}

/// The household's orders, newest first, a page at a time, with pickup codes once their
/// campaign formed.
#[utoipa::path(get, path = "/groceries/orders", tag = "groceries", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = OrderPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>, ApiQuery(page): ApiQuery<PageQuery>) -> AppResult<Json<OrderPage>> {
    let household = caller.household_id.ok_or(AppError::Forbidden)?;
    let before = paging::decode::<1>(page.after.as_deref())?.map(|[id]| OrderId(id));
    let limit = paging::limit(page.limit.or(Some(MY_ORDERS_PAGE)));
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::household_orders(&mut conn, household, before, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |order| paging::encode(&[order.id.0]));
    Ok(Json(OrderPage { orders: order_views(&mut conn, &caller, rows, state.clock.now(), true).await?, next_after }))
}

#[utoipa::path(get, path = "/groceries/orders/{id}", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "order id")),
    responses((status = 200, body = Order), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Order>> {
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::order(&mut conn, OrderId(id)).await?.ok_or(AppError::NotFound)?;
    if Some(row.household) != caller.household_id {
        return Err(AppError::NotFound);
    }
    Ok(Json(order_views(&mut conn, &caller, vec![row], state.clock.now(), true).await?.pop().ok_or(AppError::NotFound)?))
}

/// For each shop the household bought from, its open campaign with the last order's
/// products it sells now (within limits and stock): one tap orders them again.
#[utoipa::path(get, path = "/groceries/buy-again", tag = "groceries", security(("bearer" = [])),
    responses((status = 200, body = [BuyAgain]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn buy_again(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>) -> AppResult<Json<Vec<BuyAgain>>> {
    let household = caller.household_id.ok_or(AppError::Forbidden)?;
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let past = storage::household_orders(&mut conn, household, None, BUY_AGAIN_LOOKS_BACK).await?;
    let past: Vec<Order> = order_views(&mut conn, &caller, past, now, false).await?.into_iter().filter(|order| order.state != OrderState::Cancelled).collect();
    let past_ids: Vec<CampaignId> = past.iter().map(|order| order.campaign_id).collect();
    let past_campaigns = storage::campaigns_in(&mut conn, caller.community_id, &past_ids).await?;
    let shop_of = |order: &Order| past_campaigns.iter().find(|row| row.id == order.campaign_id).map(|row| row.merchant);
    let shops: Vec<UserId> = past.iter().filter_map(shop_of).collect();
    let open = storage::open_campaigns_of(&mut conn, caller.community_id, &shops, now).await?;
    let open = describe(&mut conn, &caller, open, now).await?;
    let mut offers = Vec::new();
    let mut seen_shops = Vec::new();
    for campaign in open {
        // One offer per shop: its nearest cut-off; none where the household already ordered.
        if seen_shops.contains(&campaign.merchant_id) || campaign.my_order.is_some() {
            continue;
        }
        let Some(last) = past.iter().find(|order| shop_of(order) == Some(campaign.merchant_id)) else { continue };
        let on_sale: Vec<OnSale> = campaign
            .products
            .iter()
            .map(|p| OnSale { id: p.id, name: p.name.clone(), unit: p.unit.clone(), price_fen: p.price_fen, per_household_limit: p.per_household_limit, left: p.stock - p.ordered })
            .collect();
        let wanted: Vec<_> = last.lines.iter().map(|line| (line.name.clone(), line.unit.clone(), line.quantity)).collect();
        let lines = rules::reorder(&wanted, &on_sale);
        if lines.is_empty() {
            continue;
        }
        let total_fen = rules::total_fen(
            &lines.iter().filter_map(|(id, quantity)| on_sale.iter().find(|p| p.id == *id).map(|p| (p.price_fen, *quantity))).collect::<Vec<_>>(),
        );
        seen_shops.push(campaign.merchant_id);
        let lines = lines.into_iter().map(|(product_id, quantity)| OrderLine { product_id, quantity }).collect();
        offers.push(BuyAgain { campaign, lines, total_fen, from_order: last.id });
    }
    Ok(Json(offers))
}

/// The shop checks the code a household shows (typed or scanned) and hands the order over.
/// A code works once, and only for the shop's own formed campaigns.
#[utoipa::path(post, path = "/groceries/pickups", tag = "groceries", security(("bearer" = [])), request_body = PickupRequest,
    responses((status = 200, body = Order), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn pick_up(State(state): State<AppState>, Signed(caller, ..): Signed<MerchantsOnly>, ApiJson(pickup): ApiJson<PickupRequest>) -> AppResult<Json<Order>> {
    let code = validate::pickup_code(&pickup.code).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let order = storage::order_by_code(&mut tx, &code).await?.ok_or(AppError::PickupCodeInvalid)?;
    let campaign = match storage::campaign(&mut tx, caller.community_id, order.campaign).await? {
        Some(campaign) if campaign.merchant == caller.user_id => campaign,
        _ => return Err(AppError::PickupCodeInvalid),
    };
    let households = storage::household_counts(&mut tx, &[campaign.id]).await?.get(&campaign.id).copied().unwrap_or(0);
    let state_now = rules::order_state(order.cancelled, order.picked_up_at.is_some(), phase_of(&campaign, households, now));
    match rules::may_pick_up(state_now) {
        Ok(()) => {}
        Err(PickupRefusal::AlreadyPickedUp) => return Err(AppError::AlreadyPickedUp),
        Err(PickupRefusal::NotFormed) => return Err(AppError::NotFormed),
    }
    if !storage::mark_picked_up(&mut tx, order.id, caller.user_id, now).await? {
        return Err(AppError::AlreadyPickedUp);
    }
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    for person in people_of(&mut conn, &[order.household]).await? {
        state.events.publish(caller.community_id, Audience::Person(person), Event::OrderPickedUp { order_id: order.id, campaign_id: campaign.id });
    }
    publish_change(&state.events, caller.community_id, campaign.id);
    Ok(Json(order_of(&mut conn, &caller, order.id, now, false).await?))
}
