//! Communities, their buildings and households, and invite codes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{BuildingId, CommunityId, HouseholdId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityInfo {
    pub id: CommunityId,
    pub name: String,
    /// The community service centre's phone, offered in help flows.
    pub service_phone: String,
    /// Offset from UTC in minutes; times are shown in the community's zone (CST = 480).
    pub utc_offset_minutes: i32,
}

/// A community as anyone may see it: whom a shop applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityEntry {
    pub id: CommunityId,
    pub name: String,
}

/// A building of the community (delivery rounds go building by building).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Building {
    pub id: BuildingId,
    pub name: String,
}

/// Where a household is: building, unit and room, e.g. 3栋 2单元 501.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdLabel {
    pub id: HouseholdId,
    pub building: String,
    pub unit: String,
    pub room: String,
}

/// A household as staff see it when issuing invite codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdEntry {
    pub household: HouseholdLabel,
    pub resident_count: i64,
}

/// `?building=…`: households are listed one building at a time (a building's few hundred,
/// never a whole community's ten thousand).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct HouseholdsQuery {
    pub building: BuildingId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInvite {
    pub household_id: HouseholdId,
}

/// An invite code for one household, with its QR code as SVG.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invite {
    pub code: String,
    pub household: HouseholdLabel,
    pub expires_at: DateTime<Utc>,
    pub max_uses: i64,
    pub uses: i64,
    /// The code as a QR code, a self-contained SVG document.
    pub qr_svg: String,
}

/// Which households to print invite codes for: one building or the whole community, a page
/// at a time (after the `next` of the previous page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteSheetRequest {
    #[serde(default)]
    pub building: Option<BuildingId>,
    #[serde(default)]
    pub after: Option<String>,
}

/// One household's printed invite: where, the code, its QR code, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrintedInvite {
    pub household: HouseholdLabel,
    pub code: String,
    pub expires_at: DateTime<Utc>,
    /// The code as a QR code, a self-contained SVG document.
    pub qr_svg: String,
}

/// A page of printed invites, for the households where nobody has registered yet. Printing
/// again gives the same codes while they are valid and unused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteSheet {
    pub invites: Vec<PrintedInvite>,
    pub next: Option<String>,
}
