//! SQL of group buying: shops, campaigns with their products and delivery rounds, and
//! households' orders. Stock moves only through [`move_stock`], whose condition is what
//! keeps every product from being oversold.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use linli_api::groceries::{CampaignStanding, MerchantStanding, NewCampaign};
use linli_api::ids::{BuildingId, CampaignId, CommunityId, DeliveryBatchId, HouseholdId, OrderId, ProductId, UploadId, UserId};
use sqlx::AnyConnection;

use crate::clock::Resume;
use crate::db::{from_millis, select_in, to_millis, value_rows};

// --- merchants -------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct MerchantRow {
    pub user: UserId,
    pub shop_name: String,
    pub contact_name: String,
    pub phone: String,
    pub standing: MerchantStanding,
    pub reason: Option<String>,
    pub applied_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

fn merchant_standing(stored: &str) -> MerchantStanding {
    match stored {
        "approved" => MerchantStanding::Approved,
        "rejected" => MerchantStanding::Rejected,
        _ => MerchantStanding::Pending,
    }
}

fn stored_merchant_standing(standing: MerchantStanding) -> &'static str {
    match standing {
        MerchantStanding::Pending => "pending",
        MerchantStanding::Approved => "approved",
        MerchantStanding::Rejected => "rejected",
    }
}

type MerchantRecord = (i64, String, String, String, String, Option<String>, i64, Option<i64>);

fn merchant_row((user, shop_name, contact_name, phone, standing, reason, applied, reviewed): MerchantRecord) -> MerchantRow {
    MerchantRow {
        user: UserId(user),
        shop_name,
        contact_name,
        phone,
        standing: merchant_standing(&standing),
        reason,
        applied_at: from_millis(applied),
        reviewed_at: reviewed.map(from_millis),
    }
}

const MERCHANT: &str = "SELECT m.user_id, m.shop_name, u.name, u.phone, m.standing, m.reason, m.applied_at, m.reviewed_at
     FROM merchants m JOIN users u ON u.id = m.user_id";

pub async fn insert_merchant(
    conn: &mut AnyConnection,
    user: UserId,
    community: CommunityId,
    shop_name: &str,
    standing: MerchantStanding,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO merchants (user_id, community_id, shop_name, standing, applied_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(user.0)
        .bind(community.0)
        .bind(shop_name)
        .bind(stored_merchant_standing(standing))
        .bind(to_millis(at))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn merchant(conn: &mut AnyConnection, community: CommunityId, user: UserId) -> Result<Option<MerchantRow>, sqlx::Error> {
    let row: Option<MerchantRecord> = sqlx::query_as(&format!("{MERCHANT} WHERE m.user_id = $1 AND m.community_id = $2"))
        .bind(user.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(merchant_row))
}

/// The community's shops: applications waiting first, then by name.
pub async fn merchants(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<MerchantRow>, sqlx::Error> {
    let rows: Vec<MerchantRecord> = sqlx::query_as(&format!(
        "{MERCHANT} WHERE m.community_id = $1
         ORDER BY CASE m.standing WHEN 'pending' THEN 0 ELSE 1 END, m.applied_at DESC"
    ))
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(merchant_row).collect())
}

pub async fn review_merchant(
    conn: &mut AnyConnection,
    community: CommunityId,
    user: UserId,
    standing: MerchantStanding,
    reason: Option<&str>,
    by: UserId,
    at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE merchants SET standing = $1, reason = $2, reviewed_by = $3, reviewed_at = $4
         WHERE user_id = $5 AND community_id = $6",
    )
    .bind(stored_merchant_standing(standing))
    .bind(reason)
    .bind(by.0)
    .bind(to_millis(at))
    .bind(user.0)
    .bind(community.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

// --- campaigns -------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct CampaignRow {
    pub id: CampaignId,
    pub merchant: UserId,
    pub merchant_name: String,
    pub title: String,
    pub description: String,
    pub min_households: u32,
    pub cut_off: DateTime<Utc>,
    pub pickup_point: Option<String>,
    pub standing: CampaignStanding,
    pub reason: Option<String>,
    /// `formed`, `cancelled` or `withdrawn` once decided.
    pub outcome: Option<String>,
}

fn campaign_standing(stored: &str) -> CampaignStanding {
    match stored {
        "paused" => CampaignStanding::Paused,
        "withdrawn" => CampaignStanding::Withdrawn,
        _ => CampaignStanding::Running,
    }
}

pub fn stored_campaign_standing(standing: CampaignStanding) -> &'static str {
    match standing {
        CampaignStanding::Running => "running",
        CampaignStanding::Paused => "paused",
        CampaignStanding::Withdrawn => "withdrawn",
    }
}

type CampaignRecord = (i64, i64, String, String, String, i64, i64, Option<String>, String, Option<String>, Option<String>);

fn campaign_row(record: CampaignRecord) -> CampaignRow {
    let (id, merchant, merchant_name, title, description, min, cut_off, pickup_point, standing, reason, outcome) = record;
    CampaignRow {
        id: CampaignId(id),
        merchant: UserId(merchant),
        merchant_name,
        title,
        description,
        min_households: u32::try_from(min).unwrap_or(u32::MAX),
        cut_off: from_millis(cut_off),
        pickup_point,
        standing: campaign_standing(&standing),
        reason,
        outcome,
    }
}

const CAMPAIGN: &str = "SELECT c.id, c.merchant_id, m.shop_name, c.title, c.description, c.min_households, c.cut_off,
            c.pickup_point, c.standing, c.reason, c.outcome
     FROM campaigns c JOIN merchants m ON m.user_id = c.merchant_id";

/// Inserts a checked campaign with its products (in the given order) and delivery rounds.
pub async fn insert_campaign(
    conn: &mut AnyConnection,
    community: CommunityId,
    merchant: UserId,
    campaign: &NewCampaign,
    at: DateTime<Utc>,
) -> Result<CampaignId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO campaigns (community_id, merchant_id, title, description, min_households, cut_off, pickup_point,
                                standing, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8) RETURNING id",
    )
    .bind(community.0)
    .bind(merchant.0)
    .bind(&campaign.title)
    .bind(&campaign.description)
    .bind(i64::from(campaign.min_households))
    .bind(to_millis(campaign.cut_off))
    .bind(campaign.pickup_point.as_deref())
    .bind(to_millis(at))
    .fetch_one(&mut *conn)
    .await?;
    for (position, product) in campaign.products.iter().enumerate() {
        sqlx::query(
            "INSERT INTO products (campaign_id, position, name, unit, price_fen, stock, per_household_limit, photo_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(&product.name)
        .bind(&product.unit)
        .bind(product.price_fen)
        .bind(product.stock)
        .bind(product.per_household_limit)
        .bind(product.photo.map(|photo| photo.0))
        .execute(&mut *conn)
        .await?;
    }
    for batch in &campaign.batches {
        sqlx::query("INSERT INTO delivery_batches (campaign_id, building_id, window_start, window_end) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(batch.building_id.0)
            .bind(to_millis(batch.window_start))
            .bind(to_millis(batch.window_end))
            .execute(&mut *conn)
            .await?;
    }
    Ok(CampaignId(id))
}

pub async fn campaign(conn: &mut AnyConnection, community: CommunityId, id: CampaignId) -> Result<Option<CampaignRow>, sqlx::Error> {
    let row: Option<CampaignRecord> = sqlx::query_as(&format!("{CAMPAIGN} WHERE c.id = $1 AND c.community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(campaign_row))
}

/// These campaigns, those of `community` only.
pub async fn campaigns_in(conn: &mut AnyConnection, community: CommunityId, ids: &[CampaignId]) -> Result<Vec<CampaignRow>, sqlx::Error> {
    let sql = format!("{CAMPAIGN} WHERE c.id IN ({{ids}}) AND c.community_id = {{next}} ORDER BY c.id");
    let rows: Vec<CampaignRecord> = select_in(conn, &sql, &ids.iter().map(|id| id.0).collect::<Vec<_>>(), &[community.0]).await?;
    Ok(rows.into_iter().map(campaign_row).collect())
}

/// The community's campaigns whose cut-off is after `since` (or one shop's, all of them),
/// latest cut-off first.
pub async fn campaigns(
    conn: &mut AnyConnection,
    community: CommunityId,
    since: DateTime<Utc>,
    merchant: Option<UserId>,
    limit: i64,
) -> Result<Vec<CampaignRow>, sqlx::Error> {
    let rows: Vec<CampaignRecord> = match merchant {
        Some(merchant) => {
            sqlx::query_as(&format!("{CAMPAIGN} WHERE c.community_id = $1 AND c.merchant_id = $2 ORDER BY c.cut_off DESC LIMIT $3"))
                .bind(community.0)
                .bind(merchant.0)
                .bind(limit)
                .fetch_all(conn)
                .await?
        }
        None => {
            sqlx::query_as(&format!("{CAMPAIGN} WHERE c.community_id = $1 AND c.cut_off > $2 ORDER BY c.cut_off DESC LIMIT $3"))
                .bind(community.0)
                .bind(to_millis(since))
                .bind(limit)
                .fetch_all(conn)
                .await?
        }
    };
    Ok(rows.into_iter().map(campaign_row).collect())
}

/// Open campaigns of these shops (for buying again).
pub async fn open_campaigns_of(
    conn: &mut AnyConnection,
    community: CommunityId,
    merchants: &[UserId],
    now: DateTime<Utc>,
) -> Result<Vec<CampaignRow>, sqlx::Error> {
    let sql = format!(
        "{CAMPAIGN} WHERE c.merchant_id IN ({{ids}}) AND c.community_id = {{next}} AND c.cut_off > {{next2}}
           AND c.standing = 'running' AND c.outcome IS NULL
         ORDER BY c.cut_off"
    );
    let ids: Vec<i64> = merchants.iter().map(|id| id.0).collect();
    let rows: Vec<CampaignRecord> = select_in(conn, &sql, &ids, &[community.0, to_millis(now)]).await?;
    Ok(rows.into_iter().map(campaign_row).collect())
}

#[derive(Debug, Clone)]
pub struct ProductRow {
    pub id: ProductId,
    pub campaign: CampaignId,
    pub name: String,
    pub unit: String,
    pub price_fen: i64,
    pub stock: i64,
    pub ordered: i64,
    pub per_household_limit: i64,
    pub photo: Option<UploadId>,
}

type ProductRecord = (i64, i64, String, String, i64, i64, i64, i64, Option<i64>);

/// The products of these campaigns, each campaign's in its own order.
pub async fn products_of(conn: &mut AnyConnection, campaigns: &[CampaignId]) -> Result<Vec<ProductRow>, sqlx::Error> {
    let sql = "SELECT id, campaign_id, name, unit, price_fen, stock, ordered, per_household_limit, photo_id
         FROM products WHERE campaign_id IN ({ids}) ORDER BY campaign_id, position";
    let rows: Vec<ProductRecord> = select_in(conn, sql, &campaigns.iter().map(|id| id.0).collect::<Vec<_>>(), &[]).await?;
    Ok(rows
        .into_iter()
        .map(|(id, campaign, name, unit, price_fen, stock, ordered, per_household_limit, photo)| ProductRow {
            id: ProductId(id),
            campaign: CampaignId(campaign),
            name,
            unit,
            price_fen,
            stock,
            ordered,
            per_household_limit,
            photo: photo.map(UploadId),
        })
        .collect())
}

#[derive(Debug, Clone)]
pub struct BatchRow {
    pub id: DeliveryBatchId,
    pub campaign: CampaignId,
    pub building: BuildingId,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
}

pub async fn batches_of(conn: &mut AnyConnection, campaigns: &[CampaignId]) -> Result<Vec<BatchRow>, sqlx::Error> {
    let sql = "SELECT id, campaign_id, building_id, window_start, window_end
         FROM delivery_batches WHERE campaign_id IN ({ids}) ORDER BY window_start, id";
    let rows: Vec<(i64, i64, i64, i64, i64)> = select_in(conn, sql, &campaigns.iter().map(|id| id.0).collect::<Vec<_>>(), &[]).await?;
    Ok(rows
        .into_iter()
        .map(|(id, campaign, building, start, end)| BatchRow {
            id: DeliveryBatchId(id),
            campaign: CampaignId(campaign),
            building: BuildingId(building),
            window_start: from_millis(start),
            window_end: from_millis(end),
        })
        .collect())
}

/// Households with a standing (not cancelled) order, per campaign, as kept.
pub async fn household_counts(conn: &mut AnyConnection, campaigns: &[CampaignId]) -> Result<HashMap<CampaignId, i64>, sqlx::Error> {
    let sql = "SELECT id, households FROM campaigns WHERE id IN ({ids})";
    let rows: Vec<(i64, i64)> = select_in(conn, sql, &campaigns.iter().map(|id| id.0).collect::<Vec<_>>(), &[]).await?;
    Ok(rows.into_iter().map(|(id, count)| (CampaignId(id), count)).collect())
}

/// The household's order (standing or cancelled) in each of these campaigns.
pub async fn household_order_ids(
    conn: &mut AnyConnection,
    household: HouseholdId,
    campaigns: &[CampaignId],
) -> Result<HashMap<CampaignId, OrderId>, sqlx::Error> {
    let sql = "SELECT campaign_id, id FROM orders WHERE campaign_id IN ({ids}) AND household_id = {next}";
    let rows: Vec<(i64, i64)> = select_in(conn, sql, &campaigns.iter().map(|id| id.0).collect::<Vec<_>>(), &[household.0]).await?;
    Ok(rows.into_iter().map(|(campaign, order)| (CampaignId(campaign), OrderId(order))).collect())
}

pub async fn set_standing(
    conn: &mut AnyConnection,
    id: CampaignId,
    standing: CampaignStanding,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE campaigns SET standing = $1, reason = $2 WHERE id = $3")
        .bind(stored_campaign_standing(standing))
        .bind(reason)
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_cut_off(conn: &mut AnyConnection, id: CampaignId, cut_off: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE campaigns SET cut_off = $1 WHERE id = $2 AND outcome IS NULL")
        .bind(to_millis(cut_off))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records the outcome once: false when it was already decided (by another worker).
pub async fn decide(conn: &mut AnyConnection, id: CampaignId, outcome: &str, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE campaigns SET outcome = $1, decided_at = $2 WHERE id = $3 AND outcome IS NULL")
        .bind(outcome)
        .bind(to_millis(at))
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Campaigns past their cut-off that nobody has decided yet, with their community.
/// A campaign past its cut-off and not decided yet, and where the clock's reading goes on.
pub type Undecided = (CampaignId, CommunityId, Resume);

/// Up to `limit` campaigns past their cut-off at `now` and not decided, after `after`
/// (cut-off, id), the earliest first.
pub async fn undecided_due(conn: &mut AnyConnection, now: DateTime<Utc>, after: Option<Resume>, limit: i64) -> Result<Vec<Undecided>, sqlx::Error> {
    let (at, id) = after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, community_id, cut_off FROM campaigns
         WHERE outcome IS NULL AND cut_off <= $1 AND (cut_off, id) > ($2, $3) ORDER BY cut_off, id LIMIT $4",
    )
    .bind(to_millis(now))
    .bind(at)
    .bind(id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, community, cut_off)| (CampaignId(id), CommunityId(community), (cut_off, id))).collect())
}

// --- orders ----------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredFulfilment {
    Pickup,
    Delivery(DeliveryBatchId),
}

#[derive(Debug, Clone)]
pub struct OrderRow {
    pub id: OrderId,
    pub campaign: CampaignId,
    pub household: HouseholdId,
    pub fulfilment: StoredFulfilment,
    pub total_fen: i64,
    pub pickup_code: String,
    pub cancelled: bool,
    pub picked_up_at: Option<DateTime<Utc>>,
}

type OrderRecord = (i64, i64, i64, String, Option<i64>, i64, String, Option<i64>, Option<i64>);

fn order_row((id, campaign, household, fulfilment, batch, total, code, cancelled, picked_up): OrderRecord) -> OrderRow {
    OrderRow {
        id: OrderId(id),
        campaign: CampaignId(campaign),
        household: HouseholdId(household),
        fulfilment: match (fulfilment.as_str(), batch) {
            ("delivery", Some(batch)) => StoredFulfilment::Delivery(DeliveryBatchId(batch)),
            _ => StoredFulfilment::Pickup,
        },
        total_fen: total,
        pickup_code: code,
        cancelled: cancelled.is_some(),
        picked_up_at: picked_up.map(from_millis),
    }
}

const ORDER: &str = "SELECT id, campaign_id, household_id, fulfilment, batch_id, total_fen, pickup_code, cancelled_at, picked_up_at
     FROM orders";

fn stored_fulfilment(fulfilment: StoredFulfilment) -> (&'static str, Option<i64>) {
    match fulfilment {
        StoredFulfilment::Pickup => ("pickup", None),
        StoredFulfilment::Delivery(batch) => ("delivery", Some(batch.0)),
    }
}

/// The household's order in the campaign, locked for this transaction (on PostgreSQL the
/// row lock; SQLite's one writer holds everything already).
pub async fn lock_order(conn: &mut AnyConnection, campaign: CampaignId, household: HouseholdId) -> Result<Option<OrderRow>, sqlx::Error> {
    let row: Option<OrderRecord> = sqlx::query_as(
        "UPDATE orders SET updated_at = updated_at WHERE campaign_id = $1 AND household_id = $2
         RETURNING id, campaign_id, household_id, fulfilment, batch_id, total_fen, pickup_code, cancelled_at, picked_up_at",
    )
    .bind(campaign.0)
    .bind(household.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(order_row))
}

pub struct NewOrderRow<'a> {
    pub campaign: CampaignId,
    pub household: HouseholdId,
    /// The household's building, where the order is handed over.
    pub building: Option<BuildingId>,
    pub placed_by: UserId,
    pub fulfilment: StoredFulfilment,
    pub total_fen: i64,
    pub pickup_code: &'a str,
    pub at: DateTime<Utc>,
}

/// Fails with a unique violation when the household ordered meanwhile or the code is taken.
pub async fn insert_order(conn: &mut AnyConnection, order: &NewOrderRow<'_>) -> Result<OrderId, sqlx::Error> {
    let (fulfilment, batch) = stored_fulfilment(order.fulfilment);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO orders (campaign_id, household_id, placed_by, fulfilment, batch_id, total_fen, pickup_code, created_at, updated_at, building_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id",
    )
    .bind(order.campaign.0)
    .bind(order.household.0)
    .bind(order.placed_by.0)
    .bind(fulfilment)
    .bind(batch)
    .bind(order.total_fen)
    .bind(order.pickup_code)
    .bind(to_millis(order.at))
    .bind(order.building.map(|building| building.0))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE campaigns SET households = households + 1 WHERE id = $1").bind(order.campaign.0).execute(conn).await?;
    Ok(OrderId(id))
}

/// Replaces a (possibly cancelled) order's terms; it stands again.
pub async fn update_order(
    conn: &mut AnyConnection,
    id: OrderId,
    placed_by: UserId,
    fulfilment: StoredFulfilment,
    total_fen: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let (fulfilment, batch) = stored_fulfilment(fulfilment);
    // A cancelled order standing again counts its household again.
    sqlx::query("UPDATE campaigns SET households = households + 1 WHERE id = (SELECT campaign_id FROM orders WHERE id = $1 AND cancelled_at IS NOT NULL)")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE orders SET placed_by = $1, fulfilment = $2, batch_id = $3, total_fen = $4, updated_at = $5, cancelled_at = NULL
         WHERE id = $6",
    )
    .bind(placed_by.0)
    .bind(fulfilment)
    .bind(batch)
    .bind(total_fen)
    .bind(to_millis(at))
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Cancels a standing order (again changes nothing) and stops counting its household.
pub async fn cancel_order(conn: &mut AnyConnection, id: OrderId, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let done = sqlx::query("UPDATE orders SET cancelled_at = $1, updated_at = $1 WHERE id = $2 AND cancelled_at IS NULL")
        .bind(to_millis(at))
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE campaigns SET households = households - 1 WHERE id = (SELECT campaign_id FROM orders WHERE id = $1)")
            .bind(id.0)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Replaces the order's lines: `(product, quantity, price_fen)` each.
pub async fn replace_lines(conn: &mut AnyConnection, order: OrderId, lines: &[(ProductId, i64, i64)]) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM order_lines WHERE order_id = $1").bind(order.0).execute(&mut *conn).await?;
    if lines.is_empty() {
        return Ok(());
    }
    let values = value_rows(lines.len(), 4);
    let sql = format!("INSERT INTO order_lines (order_id, product_id, quantity, price_fen) VALUES {values}");
    let mut query = sqlx::query(&sql);
    for (product, quantity, price) in lines {
        query = query.bind(order.0).bind(product.0).bind(*quantity).bind(*price);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Moves a product's ordered quantity by `change`. An increase happens only if the stock
/// covers it (false otherwise, and nothing moved); the row lock this takes makes orders
/// of the same product take turns, so no two can both see the last units as free.
pub async fn move_stock(conn: &mut AnyConnection, campaign: CampaignId, product: ProductId, change: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE products SET ordered = ordered + $1 WHERE id = $2 AND campaign_id = $3 AND ordered + $1 <= stock AND ordered + $1 >= 0",
    )
    .bind(change)
    .bind(product.0)
    .bind(campaign.0)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, Copy)]
pub struct LineRow {
    pub order: OrderId,
    pub product: ProductId,
    pub quantity: i64,
    pub price_fen: i64,
}

/// The lines of these orders, in product order.
pub async fn lines_of(conn: &mut AnyConnection, orders: &[OrderId]) -> Result<Vec<LineRow>, sqlx::Error> {
    let sql = "SELECT order_id, product_id, quantity, price_fen FROM order_lines WHERE order_id IN ({ids}) ORDER BY order_id, product_id";
    let rows: Vec<(i64, i64, i64, i64)> = select_in(conn, sql, &orders.iter().map(|id| id.0).collect::<Vec<_>>(), &[]).await?;
    Ok(rows
        .into_iter()
        .map(|(order, product, quantity, price_fen)| LineRow { order: OrderId(order), product: ProductId(product), quantity, price_fen })
        .collect())
}

/// Up to `limit` of the household's orders, newest first (ids grow with time), before `before`.
pub async fn household_orders(conn: &mut AnyConnection, household: HouseholdId, before: Option<OrderId>, limit: i64) -> Result<Vec<OrderRow>, sqlx::Error> {
    let rows: Vec<OrderRecord> = sqlx::query_as(&format!("{ORDER} WHERE household_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"))
        .bind(household.0)
        .bind(before.map_or(i64::MAX, |order| order.0))
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(order_row).collect())
}

pub async fn order(conn: &mut AnyConnection, id: OrderId) -> Result<Option<OrderRow>, sqlx::Error> {
    let row: Option<OrderRecord> = sqlx::query_as(&format!("{ORDER} WHERE id = $1")).bind(id.0).fetch_optional(conn).await?;
    Ok(row.map(order_row))
}

pub async fn order_by_code(conn: &mut AnyConnection, code: &str) -> Result<Option<OrderRow>, sqlx::Error> {
    let row: Option<OrderRecord> = sqlx::query_as(&format!("{ORDER} WHERE pickup_code = $1")).bind(code).fetch_optional(conn).await?;
    Ok(row.map(order_row))
}

/// Marks the order handed over, once: false if it already was.
pub async fn mark_picked_up(conn: &mut AnyConnection, id: OrderId, by: UserId, at: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE orders SET picked_up_at = $1, picked_up_by = $2 WHERE id = $3 AND picked_up_at IS NULL")
        .bind(to_millis(at))
        .bind(by.0)
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The campaign's standing (not cancelled) orders, in the order they were placed.
pub async fn standing_orders(conn: &mut AnyConnection, campaign: CampaignId) -> Result<Vec<OrderRow>, sqlx::Error> {
    let rows: Vec<OrderRecord> = sqlx::query_as(&format!("{ORDER} WHERE campaign_id = $1 AND cancelled_at IS NULL ORDER BY id"))
        .bind(campaign.0)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(order_row).collect())
}

/// One picking group's figures: its round (none: the pickup point) and building, counted
/// from the campaign's standing orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFigures {
    pub batch: Option<DeliveryBatchId>,
    pub building: BuildingId,
    pub households: i64,
    pub total_fen: i64,
    pub picked_up: i64,
}

/// How much of each product one picking group needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupProduct {
    pub batch: Option<DeliveryBatchId>,
    pub building: BuildingId,
    pub product: ProductId,
    pub quantity: i64,
}

/// The campaign's picking groups with their figures, and what each needs, in two statements
/// (grouped in the database, from the picking index).
pub async fn picking_groups(conn: &mut AnyConnection, campaign: CampaignId) -> Result<(Vec<GroupFigures>, Vec<GroupProduct>), sqlx::Error> {
    let groups: Vec<(i64, Option<i64>, i64, i64, i64)> = sqlx::query_as(
        "SELECT building_id, batch_id, COUNT(*), CAST(COALESCE(SUM(total_fen), 0) AS BIGINT), COUNT(picked_up_at)
         FROM orders WHERE campaign_id = $1 AND cancelled_at IS NULL AND building_id IS NOT NULL GROUP BY building_id, batch_id",
    )
    .bind(campaign.0)
    .fetch_all(&mut *conn)
    .await?;
    let products: Vec<(i64, Option<i64>, i64, i64)> = sqlx::query_as(
        "SELECT o.building_id, o.batch_id, l.product_id, CAST(SUM(l.quantity) AS BIGINT)
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.campaign_id = $1 AND o.cancelled_at IS NULL AND o.building_id IS NOT NULL GROUP BY o.building_id, o.batch_id, l.product_id",
    )
    .bind(campaign.0)
    .fetch_all(&mut *conn)
    .await?;
    let groups = groups
        .into_iter()
        .map(|(building, batch, households, total_fen, picked_up)| GroupFigures {
            batch: batch.map(DeliveryBatchId),
            building: BuildingId(building),
            households,
            total_fen,
            picked_up,
        })
        .collect();
    let products = products
        .into_iter()
        .map(|(building, batch, product, quantity)| GroupProduct {
            batch: batch.map(DeliveryBatchId),
            building: BuildingId(building),
            product: ProductId(product),
            quantity,
        })
        .collect();
    Ok((groups, products))
}

/// Up to `limit` standing orders of one picking group, by household, after household `after`.
pub async fn group_orders(
    conn: &mut AnyConnection,
    campaign: CampaignId,
    building: BuildingId,
    batch: Option<DeliveryBatchId>,
    after: Option<HouseholdId>,
    limit: i64,
) -> Result<Vec<OrderRow>, sqlx::Error> {
    // Two statements rather than one with `batch_id IS $3`, which PostgreSQL does not have
    // and an `OR` would keep from the index.
    let round = if batch.is_some() { "batch_id = $3" } else { "batch_id IS NULL AND $3 IS NULL" };
    let sql = format!(
        "{ORDER} WHERE campaign_id = $1 AND building_id = $2 AND {round} AND cancelled_at IS NULL AND household_id > $4
         ORDER BY household_id LIMIT $5"
    );
    let rows: Vec<OrderRecord> = sqlx::query_as(&sql)
        .bind(campaign.0)
        .bind(building.0)
        .bind(batch.map(|batch| batch.0))
        .bind(after.map_or(i64::MIN, |household| household.0))
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(order_row).collect())
}

/// Campaigns taking orders now (running, not yet at their cut-off), per community.
pub async fn running_campaign_counts(conn: &mut AnyConnection, communities: &[CommunityId], now: DateTime<Utc>) -> Result<HashMap<CommunityId, i64>, sqlx::Error> {
    let ids: Vec<i64> = communities.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, i64)> = crate::db::select_in(
        conn,
        "SELECT community_id, COUNT(*) FROM campaigns WHERE community_id IN ({ids}) AND standing = 'running' AND outcome IS NULL
           AND cut_off > {next} GROUP BY community_id",
        &ids,
        &[to_millis(now)],
    )
    .await?;
    Ok(rows.into_iter().map(|(community, count)| (CommunityId(community), count)).collect())
}
