//! Family links (亲情账号): a resident lets a family member, who may live anywhere, do chosen
//! things for them, and sees everything done in their name.
//!
//! Acting for someone is one mechanism for every module: the request carries the header
//! [`ACTING_FOR_HEADER`] with the resident's user id, and the server checks that a live
//! link grants the [`Grant`] the endpoint needs, then records both people.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::{Locale, Session};
use crate::community::HouseholdLabel;
use crate::ids::{FamilyLinkId, UserId};

/// Request header naming the resident (user id) a family member acts for.
pub const ACTING_FOR_HEADER: &str = "linli-acting-for";

/// How long a family code works, and that it works once.
pub const FAMILY_CODE_HOURS: i64 = 72;

/// One thing a resident allows a family member to do for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    ReadNotices,
    BookAppointments,
    OrderGroceries,
    PostWishes,
    /// Vote as the resident's proxy (a ballot records who cast it for whom).
    VoteProxy,
    /// Report a problem for the resident, and confirm or reopen it when it is handled.
    ReportProblems,
}

impl Grant {
    pub const ALL: [Grant; 6] = [
        Grant::ReadNotices,
        Grant::BookAppointments,
        Grant::OrderGroceries,
        Grant::PostWishes,
        Grant::VoteProxy,
        Grant::ReportProblems,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Grant::ReadNotices => "read_notices",
            Grant::BookAppointments => "book_appointments",
            Grant::OrderGroceries => "order_groceries",
            Grant::PostWishes => "post_wishes",
            Grant::VoteProxy => "vote_proxy",
            Grant::ReportProblems => "report_problems",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|grant| grant.as_str() == raw)
    }
}

/// A resident asks for a code to give to a family member, choosing what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFamilyInvite {
    pub grants: Vec<Grant>,
}

/// A single-use family code, with a QR code of the link that accepts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyInvite {
    /// Shown as `K7PM-4XQ2`; typing is forgiving about case, spaces and dashes.
    pub code: String,
    pub grants: Vec<Grant>,
    pub expires_at: DateTime<Utc>,
    /// The app path that accepts the code, e.g. `/family/join?code=K7PM-4XQ2`.
    pub join_path: String,
    pub qr_svg: String,
}

/// A signed-in person (of any community, or a family account) accepts a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptFamilyInvite {
    pub code: String,
}

/// Someone with no Linli account registers as a family member with a code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyRegisterRequest {
    pub code: String,
    pub phone: String,
    pub name: String,
    pub password: String,
    pub accept_privacy_policy: bool,
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// Registration answers with the new session and the link it made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyRegistration {
    pub session: Session,
    pub link: FamilyLink,
}

/// One side of a link, as the other side sees them (phone masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedPerson {
    pub id: UserId,
    pub name: String,
    pub phone_masked: String,
    /// Where the resident lives; a family member's household is none of the app's business.
    pub household: Option<HouseholdLabel>,
    pub community_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyLink {
    pub id: FamilyLinkId,
    /// The person things are done for.
    pub resident: LinkedPerson,
    /// The family member who may do them.
    pub member: LinkedPerson,
    pub grants: Vec<Grant>,
    pub since: DateTime<Utc>,
}

/// The caller's live links, from both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyLinks {
    /// Family members who may act for me.
    pub my_family: Vec<FamilyLink>,
    /// Residents I may act for.
    pub i_help: Vec<FamilyLink>,
}

/// The resident changes what a family member may do (an empty list keeps the link).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateGrants {
    pub grants: Vec<Grant>,
}

/// What happened between a resident and a family member; later modules add kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FamilyActivityKind {
    Linked,
    GrantsChanged,
    Revoked,
    ReadNotice,
    /// Voted as the resident's proxy (the detail is the vote's question, never the choice).
    Voted,
    /// Posted a micro-wish for the resident (the detail is what was wished for).
    PostedWish,
    /// Confirmed that the resident's wish was fulfilled.
    ConfirmedWish,
    /// Took the resident's wish back.
    WithdrewWish,
    /// Booked an appointment for the resident (the detail names the service and the slot).
    BookedAppointment,
    CancelledAppointment,
    /// Reported a problem for the resident (the detail is where).
    ReportedProblem,
    /// Confirmed that the resident's reported problem was solved (the detail is where).
    ConfirmedReport,
    /// Said the resident's reported problem was not solved (the detail is where).
    ReopenedReport,
}

impl FamilyActivityKind {
    pub const ALL: [FamilyActivityKind; 13] = [
        Self::Linked,
        Self::GrantsChanged,
        Self::Revoked,
        Self::ReadNotice,
        Self::Voted,
        Self::PostedWish,
        Self::ConfirmedWish,
        Self::WithdrewWish,
        Self::BookedAppointment,
        Self::CancelledAppointment,
        Self::ReportedProblem,
        Self::ConfirmedReport,
        Self::ReopenedReport,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Linked => "linked",
            Self::GrantsChanged => "grants_changed",
            Self::Revoked => "revoked",
            Self::ReadNotice => "read_notice",
            Self::Voted => "voted",
            Self::PostedWish => "posted_wish",
            Self::ConfirmedWish => "confirmed_wish",
            Self::WithdrewWish => "withdrew_wish",
            Self::BookedAppointment => "booked_appointment",
            Self::CancelledAppointment => "cancelled_appointment",
            Self::ReportedProblem => "reported_problem",
            Self::ConfirmedReport => "confirmed_report",
            Self::ReopenedReport => "reopened_report",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// One line of history: who did what, for whom, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyActivity {
    pub at: DateTime<Utc>,
    pub kind: FamilyActivityKind,
    /// The person it was done for.
    pub resident_name: String,
    /// The family member who did it (or whose link changed).
    pub member_name: String,
    /// What it concerned, in words (a notice's title, the grants after a change).
    pub detail: String,
}

/// One page of history, newest first (`PageQuery`: after a cursor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyHistory {
    pub items: Vec<FamilyActivity>,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_and_kinds_round_trip_through_their_wire_names() {
        for grant in Grant::ALL {
            assert_eq!(Grant::parse(grant.as_str()), Some(grant));
            assert_eq!(serde_json::to_value(grant).unwrap(), serde_json::json!(grant.as_str()));
        }
        for kind in FamilyActivityKind::ALL {
            assert_eq!(FamilyActivityKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(kind.as_str()));
        }
    }
}
