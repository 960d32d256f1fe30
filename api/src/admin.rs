//! Setting communities up: the street office's administrator creates communities and their
//! first staff account, and sees every community on one page; staff run their community's
//! accounts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::community::CommunityInfo;
use crate::ids::{CommunityId, UserId};

pub mod limits {
    /// A community's name, e.g. 阳光花园社区.
    pub const COMMUNITY_NAME_MAX_CHARS: usize = 60;
    /// The service centre's phone as people dial it, landline or mobile.
    pub const SERVICE_PHONE_MAX_CHARS: usize = 20;
}

/// A community to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCommunity {
    pub name: String,
    /// The community service centre's phone, e.g. 021-5555-0100.
    pub service_phone: String,
    /// An IANA zone of China (`Asia/Shanghai`, `Asia/Urumqi`, `Asia/Hong_Kong`, `Asia/Taipei`…)
    /// or a fixed offset such as `+08:00`; none of them observe daylight saving.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// An account staff (or the administrator) open for someone: they choose their own
/// password with the one-time setup code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAccountRequest {
    pub name: String,
    pub phone: String,
    /// Staff open `staff`, `property` and `merchant` accounts; the administrator also `admin`.
    pub role: Role,
}

/// An account of the community as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountEntry {
    pub id: UserId,
    pub name: String,
    pub phone_masked: String,
    pub role: Role,
    pub disabled: bool,
}

/// A one-time code, shown once: the person types it with a password of their choosing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OneTimeCode {
    pub account: AccountEntry,
    /// Eight digits, shown as `1234 5678`.
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

/// A page of accounts (staff, property, merchants; `?role=resident` for residents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountPage {
    pub accounts: Vec<AccountEntry>,
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AccountQuery {
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Setting a new password with a code from staff (no session needed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    pub phone: String,
    pub code: String,
    pub new_password: String,
}

/// Changing one's own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    pub current_password: String,
    pub new_password: String,
}

/// One community at a glance, for the street office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityOverview {
    pub community: CommunityInfo,
    pub households_on_record: i64,
    /// Households with at least one registered resident.
    pub households_registered: i64,
    pub residents: i64,
    pub open_help_requests: i64,
    /// Problem reports not accepted by their deadline.
    pub overdue_reports: i64,
    pub votes_open: i64,
    pub campaigns_running: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityOverviewPage {
    pub communities: Vec<CommunityOverview>,
    pub next: Option<CommunityId>,
    pub communities_total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct CommunityQuery {
    /// The last community id of the previous page.
    #[serde(default)]
    pub after: Option<i64>,
    #[serde(default)]
    pub limit: Option<u32>,
}
