//! Registration, sign-in and the signed-in person.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::community::{CommunityInfo, HouseholdLabel};
use crate::ids::UserId;

/// What an account may do. Residents may additionally be owners (see [`Me::is_owner`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    Staff,
    Property,
    Merchant,
    Admin,
    /// A resident's family member (亲属), who may live anywhere: belongs to no household and
    /// sees nothing of the community except what a family link grants them.
    Family,
}

impl Role {
    pub const ALL: [Role; 6] = [Role::Resident, Role::Staff, Role::Property, Role::Merchant, Role::Admin, Role::Family];

    /// The roles of the community's own people; a family account is not one of them.
    pub const MEMBERS: [Role; 5] = [Role::Resident, Role::Staff, Role::Property, Role::Merchant, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Staff => "staff",
            Role::Property => "property",
            Role::Merchant => "merchant",
            Role::Admin => "admin",
            Role::Family => "family",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == raw)
    }
}

/// The languages Linli ships. Simplified Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];

    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    pub fn parse(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|locale| locale.tag().eq_ignore_ascii_case(tag))
    }
}

/// Registration of a resident into the household an invite code belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    pub invite_code: String,
    pub phone: String,
    pub name: String,
    pub password: String,
    /// Must be true: the resident has read and accepts the privacy policy.
    pub accept_privacy_policy: bool,
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    pub phone: String,
    pub password: String,
}

/// A new session. The token goes into `Authorization: Bearer …` on every later request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub me: Me,
}

/// The signed-in person, as they see themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: UserId,
    pub name: String,
    pub phone_masked: String,
    pub role: Role,
    pub is_owner: bool,
    pub community: CommunityInfo,
    pub household: Option<HouseholdLabel>,
    pub preferences: Preferences,
}

/// Per-account settings that follow the person to a new phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preferences {
    pub elderly_mode: bool,
    pub locale: Locale,
}

/// A partial change of [`Preferences`]; absent fields stay as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdatePreferences {
    #[serde(default)]
    pub elderly_mode: Option<bool>,
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// Limits shared by the server's validation and the app's forms.
pub mod limits {
    pub const NAME_MAX_CHARS: usize = 40;
    pub const PASSWORD_MIN_CHARS: usize = 8;
    pub const PASSWORD_MAX_CHARS: usize = 128;
    pub const INVITE_CODE_MAX_CHARS: usize = 32;
}
