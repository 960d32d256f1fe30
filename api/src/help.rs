//! One-tap help (一键求助): a resident asks, the community staff on duty see it at once with
//! the household and a number to call back, one of them acknowledges, and the resident
//! sees that someone is coming.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::community::HouseholdLabel;
use crate::ids::HelpRequestId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpState {
    /// Waiting for a staff member.
    Open,
    /// A staff member is on the way.
    Acknowledged,
    /// Dealt with, or called off by the resident.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpRequest {
    pub id: HelpRequestId,
    pub state: HelpState,
    pub resident_name: String,
    pub household: Option<HouseholdLabel>,
    /// The resident's phone in full: staff need it to call back. Only the resident and the
    /// community's staff ever receive it, and each staff listing is written to the audit log.
    pub callback_phone: String,
    pub raised_at: DateTime<Utc>,
    /// Who is coming, once a staff member acknowledged.
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// The resident's own request, if one is open or was recently closed, and the number
/// they can phone meanwhile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyHelp {
    pub request: Option<HelpRequest>,
    pub service_phone: String,
}

/// What staff see: open requests first, then the last day's closed ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpBoard {
    pub open: Vec<HelpRequest>,
    pub recently_closed: Vec<HelpRequest>,
}
