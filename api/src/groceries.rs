//! Group grocery ordering (社区团购): a merchant approved for the community publishes a
//! campaign; households order before the cut-off; at the cut-off the campaign forms (成团)
//! if enough households ordered, or is cancelled; formed orders are picked up with a code.
//!
//! Money is always an exact integer number of fen (分); the app formats it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Locale;
use crate::community::HouseholdLabel;
use crate::ids::{BuildingId, CampaignId, CommunityId, DeliveryBatchId, OrderId, ProductId, UploadId, UserId};

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
    pub const SHOP_NAME_MAX_CHARS: usize = 40;
    /// Pickup codes as typed: `1234-5678` (the dash optional).
    pub const PICKUP_CODE_MAX_CHARS: usize = 20;
}

// --- merchants -------------------------------------------------------------------------

/// A shop asks to sell in a community; it may publish campaigns once staff approve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MerchantApplication {
    pub community_id: CommunityId,
    pub shop_name: String,
    /// The person who signs in for the shop.
    pub contact_name: String,
    pub phone: String,
    pub password: String,
    pub accept_privacy_policy: bool,
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MerchantStanding {
    /// Applied; staff have not decided.
    Pending,
    Approved,
    /// Staff refused (with a reason the shop sees).
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Merchant {
    pub id: UserId,
    pub shop_name: String,
    pub contact_name: String,
    /// Masked for everyone but staff reviewing the application.
    pub phone: String,
    pub standing: MerchantStanding,
    pub reason: Option<String>,
    pub applied_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

/// Staff decide an application (or change their mind); a refusal needs its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewMerchant {
    pub approve: bool,
    #[serde(default)]
    pub reason: Option<String>,
}

// --- campaigns -------------------------------------------------------------------------

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
    pub merchant_id: UserId,
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
    /// The reader's household's order, if it has one (cancelled ones included).
    pub my_order: Option<OrderId>,
}

/// What staff may do to a campaign before its cut-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CampaignStanding {
    /// Taking orders again after a pause.
    Running,
    Paused,
    /// Final: every order is void.
    Withdrawn,
}

/// Staff pause, resume or withdraw a campaign; pausing and withdrawing need a reason,
/// which residents see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetCampaignStanding {
    pub standing: CampaignStanding,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The merchant's and staff's view while a campaign runs and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignDashboard {
    /// With live stock per product and the households so far.
    pub campaign: Campaign,
    /// Orders standing (not cancelled).
    pub orders: i64,
    pub picked_up: i64,
    /// What all standing orders come to, in fen.
    pub total_fen: i64,
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
    pub merchant_name: String,
    /// Until when the household may change or cancel it.
    pub cut_off: DateTime<Utc>,
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

/// The household's last order of a merchant, matched to what that merchant sells now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BuyAgain {
    pub campaign: Campaign,
    /// The last order's products that the open campaign sells, within its limits and stock.
    pub lines: Vec<OrderLine>,
    pub total_fen: i64,
    pub from_order: OrderId,
}

/// One page of the household's orders, newest first (`PageQuery`: after a cursor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderPage {
    pub orders: Vec<Order>,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

/// The merchant types (or scans) the code a household shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickupRequest {
    pub code: String,
}

/// How one group of orders is handed over: a delivery round, or the pickup point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Handover {
    Pickup { point: String },
    Delivery { batch: DeliveryBatch },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductTotal {
    pub product_id: ProductId,
    pub name: String,
    pub unit: String,
    pub quantity: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickingHousehold {
    pub order_id: OrderId,
    pub household: HouseholdLabel,
    pub lines: Vec<OrderLineView>,
    pub total_fen: i64,
    pub picked_up: bool,
}

/// One building's share of one handover: what to bring, for how many households, what they
/// pay together and how many have picked up. Its households come a page at a time
/// (`Client::picking_households`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickingGroup {
    pub handover: Handover,
    pub building_id: BuildingId,
    pub building: String,
    pub products: Vec<ProductTotal>,
    pub households: i64,
    pub total_fen: i64,
    pub picked_up: i64,
}

impl PickingGroup {
    /// The delivery round of the group; none for the pickup point.
    pub fn batch(&self) -> Option<DeliveryBatchId> {
        match &self.handover {
            Handover::Pickup { .. } => None,
            Handover::Delivery { batch } => Some(batch.id),
        }
    }
}

/// Which group's households to list (`batch` absent: the pickup point), a page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct PickingHouseholdsQuery {
    pub building: i64,
    #[serde(default)]
    pub batch: Option<i64>,
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of a group's households, in the order of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickingHouseholds {
    pub households: Vec<PickingHousehold>,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

/// The picking list of a campaign's standing orders, per handover and building.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PickingList {
    pub campaign_id: CampaignId,
    pub title: String,
    pub groups: Vec<PickingGroup>,
}

/// `1234-5678` from the stored `12345678`: easier to read aloud and to type.
pub fn display_pickup_code(code: &str) -> String {
    match code.len() {
        8 if code.is_ascii() => format!("{}-{}", &code[..4], &code[4..]),
        _ => code.to_owned(),
    }
}

/// The stored form of a typed or scanned code: digits only.
pub fn normalise_pickup_code(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// `¥28.80` from 2880 fen (the app shows it; CSV uses it too).
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}¥{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pickup_codes_read_in_two_halves_and_are_typed_loosely() {
        assert_eq!(display_pickup_code("12345678"), "1234-5678");
        assert_eq!(normalise_pickup_code(" 1234 - 5678 "), "12345678");
        assert_eq!(normalise_pickup_code("１２"), "", "only ASCII digits are kept");
    }

    #[test]
    fn money_is_shown_in_yuan_exactly() {
        assert_eq!(yuan(2_880), "¥28.80");
        assert_eq!(yuan(5), "¥0.05");
        assert_eq!(yuan(-199), "-¥1.99");
    }
}
