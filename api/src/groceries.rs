//! Group grocery ordering (社区团购): a merchant approved for the community publishes a
//! campaign; households order before the cut-off; at the cut-off the campaign forms (成团)
//! if enough households ordered, or is cancelled; formed orders are picked up with a code.
//!
//! Money is always an exact integer number of fen (分); the app formats it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::community::HouseholdLabel;
use crate::ids::{BuildingId, CampaignId, DeliveryBatchId, OrderId, ProductId, UploadId};

pub mod limits {
    pub const TITLE_MAX_CHARS: usize = 80;
    pub const DESCRIPTION_MAX_CHARS: usize = 2_000;
    pub const PRODUCT_NAME_MAX_CHARS: usize = 60;
    pub const UNIT_MAX_CHARS: usize = 10;
    pub const PICKUP_POINT_MAX_CHARS: usize = 100;
    pub const REASON_MAX_CHARS: usize = 200;
    pub const MAX_PRODUCTS: usize = 30;
    pub const MAX_BATCHES: usize = 30;
    /// ¥100,000.00: no grocery costs more; it also keeps every total far from overflow.
    pub const MAX_PRICE_FEN: i64 = 10_000_000;
    pub const MAX_STOCK: i64 = 100_000;
    pub const MAX_MIN_HOUSEHOLDS: u32 = 10_000;
    /// How far ahead a cut-off may be.
    pub const MAX_CUT_OFF_DAYS: i64 = 60;
}

/// What a campaign is doing, as everyone sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CampaignPhase {
    /// Taking orders until the cut-off.
    Open,
    /// Staff paused it (with a reason); orders stay, none are taken.
    Paused,
    /// Staff withdrew it (with a reason); every order is void.
    Withdrawn,
    /// The cut-off passed with enough households: orders will be delivered or picked up.
    Formed,
    /// The cut-off passed without enough households: every order is void.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProduct {
    pub name: String,
    /// e.g. 斤, 袋, 盒.
    pub unit: String,
    pub price_fen: i64,
    pub stock: i64,
    pub per_household_limit: i64,
    #[serde(default)]
    pub photo: Option<UploadId>,
}

/// A delivery round to one building in a time window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDeliveryBatch {
    pub building_id: BuildingId,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCampaign {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub products: Vec<NewProduct>,
    /// 成团人数: households that must order for the campaign to form.
    pub min_households: u32,
    pub cut_off: DateTime<Utc>,
    /// Where formed orders are picked up, if they can be.
    #[serde(default)]
    pub pickup_point: Option<String>,
    /// Deliveries per building, if the merchant delivers.
    #[serde(default)]
    pub batches: Vec<NewDeliveryBatch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    pub unit: String,
    pub price_fen: i64,
    pub stock: i64,
    /// Ordered by households so far (never more than `stock`).
    pub ordered: i64,
    pub per_household_limit: i64,
    pub photo: Option<UploadId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryBatch {
    pub id: DeliveryBatchId,
    pub building_id: BuildingId,
    pub building: String,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Campaign {
    pub id: CampaignId,
    pub merchant_name: String,
    pub title: String,
    pub description: String,
    pub products: Vec<Product>,
    pub min_households: u32,
    /// Households with an order now.
    pub households: i64,
    pub cut_off: DateTime<Utc>,
    pub pickup_point: Option<String>,
    pub batches: Vec<DeliveryBatch>,
    pub phase: CampaignPhase,
    /// Why staff paused or withdrew it.
    pub reason: Option<String>,
    /// The reader's household's order, if it has one.
    pub my_order: Option<OrderId>,
}

/// How a household gets its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fulfilment {
    Pickup,
    Delivery { batch_id: DeliveryBatchId },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLine {
    pub product_id: ProductId,
    pub quantity: i64,
}

/// Places the household's order, or replaces it (before the cut-off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceOrder {
    pub lines: Vec<OrderLine>,
    pub fulfilment: Fulfilment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Placed; the campaign has not reached its cut-off.
    Placed,
    /// The household called it off before the cut-off.
    Cancelled,
    /// The campaign formed: to be delivered or picked up, paid on handover.
    AwaitingPickup,
    /// Handed over (the merchant checked the pickup code).
    PickedUp,
    /// The campaign was cancelled or withdrawn.
    Void,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLineView {
    pub product_id: ProductId,
    pub name: String,
    pub unit: String,
    pub price_fen: i64,
    pub quantity: i64,
    pub subtotal_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    pub id: OrderId,
    pub campaign_id: CampaignId,
    pub campaign_title: String,
    pub household: HouseholdLabel,
    pub lines: Vec<OrderLineView>,
    pub total_fen: i64,
    pub fulfilment: Fulfilment,
    pub state: OrderState,
    /// Shown (and as a QR code) once the campaign formed, to the household only.
    pub pickup_code: Option<String>,
    pub pickup_qr_svg: Option<String>,
    pub picked_up_at: Option<DateTime<Utc>>,
}
