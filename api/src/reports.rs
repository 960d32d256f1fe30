//! Problem reports (报事报修): a resident reports once (what kind, where, what, photos),
//! the community's routing sends the case to the party responsible and its handlers, and
//! the resident sees it accepted, handled and resolved, then confirms and rates it, or
//! reopens it. A case nobody accepts in time goes up a level, and staff are told live.
//!
//! A public case is seen by neighbours (who may add "me too") but never shows who reported
//! it; a private one is seen only by the reporter, staff and those handling it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{ReportId, UploadId};

pub mod limits {
    pub const LOCATION_MAX_CHARS: usize = 80;
    pub const DESCRIPTION_MAX_CHARS: usize = 1_000;
    pub const NOTE_MAX_CHARS: usize = 500;
    pub const COMMENT_MAX_CHARS: usize = 300;
    pub const POOL_NAME_MAX_CHARS: usize = 40;
    pub const MAX_PHOTOS: usize = 6;
    /// The range staff may set for a category's time to accept (minutes), and the defaults.
    pub const MIN_ACCEPT_MINUTES: u32 = 15;
    pub const MAX_ACCEPT_MINUTES: u32 = 7 * 24 * 60;
    pub const SAFETY_ACCEPT_MINUTES: u32 = 2 * 60;
    pub const DEFAULT_ACCEPT_MINUTES: u32 = 24 * 60;
    /// How long after "resolved" the reporter may reopen the case; then it is confirmed.
    pub const MIN_REOPEN_DAYS: u32 = 1;
    pub const MAX_REOPEN_DAYS: u32 = 30;
    pub const DEFAULT_REOPEN_DAYS: u32 = 7;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    /// Repairs inside one's home: a leaking pipe, a broken socket.
    HomeRepair,
    /// The building's and the estate's common parts: lifts, stairwell lights, doors.
    CommonAreas,
    /// Environment and rubbish.
    Environment,
    Parking,
    /// Safety: a missing manhole cover, a blocked fire exit.
    Safety,
    /// A dispute between neighbours.
    NeighbourDispute,
    Other,
}

impl ReportCategory {
    pub const ALL: [ReportCategory; 7] =
        [Self::HomeRepair, Self::CommonAreas, Self::Environment, Self::Parking, Self::Safety, Self::NeighbourDispute, Self::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HomeRepair => "home_repair",
            Self::CommonAreas => "common_areas",
            Self::Environment => "environment",
            Self::Parking => "parking",
            Self::Safety => "safety",
            Self::NeighbourDispute => "neighbour_dispute",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|category| category.as_str() == raw)
    }
}

/// Who answers for a case. Escalation goes up this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The property management company (物业公司).
    PropertyCompany,
    /// The residents' committee (居委会).
    ResidentsCommittee,
    /// The street office (街道办).
    StreetOffice,
}

impl Party {
    pub const ALL: [Party; 3] = [Self::PropertyCompany, Self::ResidentsCommittee, Self::StreetOffice];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PropertyCompany => "property_company",
            Self::ResidentsCommittee => "residents_committee",
            Self::StreetOffice => "street_office",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|party| party.as_str() == raw)
    }

    /// The level a case goes up to when nobody here accepts it in time; none above the
    /// street office.
    pub fn above(self) -> Option<Party> {
        match self {
            Self::PropertyCompany => Some(Self::ResidentsCommittee),
            Self::ResidentsCommittee => Some(Self::StreetOffice),
            Self::StreetOffice => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// Reported, waiting for a handler to accept it.
    Submitted,
    /// A handler has it.
    Accepted,
    /// Work has begun.
    InProgress,
    /// The handler says it is done; the reporter may confirm or reopen it.
    Resolved,
    /// The reporter confirmed it (or the time to reopen ran out).
    Confirmed,
    /// A duplicate, folded into another case, which carries on.
    Merged,
}

impl ReportState {
    pub const ALL: [ReportState; 6] = [Self::Submitted, Self::Accepted, Self::InProgress, Self::Resolved, Self::Confirmed, Self::Merged];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::InProgress => "in_progress",
            Self::Resolved => "resolved",
            Self::Confirmed => "confirmed",
            Self::Merged => "merged",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == raw)
    }

    /// Still needs someone's work.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Submitted | Self::Accepted | Self::InProgress)
    }
}

/// What someone does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    Accept,
    Start,
    Resolve,
    Confirm,
    Reopen,
    /// Staff send it to another party or pool (it waits to be accepted there).
    Reassign,
    /// Staff fold it into another case as a duplicate.
    Merge,
}

impl ReportAction {
    pub const ALL: [ReportAction; 7] = [Self::Accept, Self::Start, Self::Resolve, Self::Confirm, Self::Reopen, Self::Reassign, Self::Merge];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Start => "start",
            Self::Resolve => "resolve",
            Self::Confirm => "confirm",
            Self::Reopen => "reopen",
            Self::Reassign => "reassign",
            Self::Merge => "merge",
        }
    }
}

/// Where a category goes in one community: the party, optionally one of its handler pools
/// (e.g. the property company's plumbing team), and how soon it must be accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Route {
    pub category: ReportCategory,
    pub party: Party,
    #[serde(default)]
    pub pool: Option<String>,
    pub accept_within_minutes: u32,
}

impl Route {
    /// Where a category goes until staff say otherwise: the home, the common parts, the
    /// environment and parking to the property company, the rest to the residents'
    /// committee; safety within two hours, everything else within a day.
    pub fn default_for(category: ReportCategory) -> Route {
        let party = match category {
            ReportCategory::HomeRepair | ReportCategory::CommonAreas | ReportCategory::Environment | ReportCategory::Parking => {
                Party::PropertyCompany
            }
            ReportCategory::Safety | ReportCategory::NeighbourDispute | ReportCategory::Other => Party::ResidentsCommittee,
        };
        let accept_within_minutes =
            if category == ReportCategory::Safety { limits::SAFETY_ACCEPT_MINUTES } else { limits::DEFAULT_ACCEPT_MINUTES };
        Route { category, party, pool: None, accept_within_minutes }
    }
}

/// What a resident reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReport {
    pub category: ReportCategory,
    /// Where: a building and unit, or a place in the community ("东门岗亭旁").
    pub location: String,
    pub description: String,
    /// Up to six photos, uploaded first.
    #[serde(default)]
    pub photos: Vec<UploadId>,
    /// Neighbours may see it (never who reported it) and add "me too".
    pub public: bool,
}

/// The handler says what was done, with photos if they like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolveReport {
    pub note: String,
    #[serde(default)]
    pub photos: Vec<UploadId>,
}

/// The reporter says it is not done, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReopenReport {
    pub reason: String,
}

/// The reporter confirms it is done and rates the handling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmReport {
    /// 1 to 5.
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

/// Staff send a case to another party or pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReassignReport {
    pub party: Party,
    #[serde(default)]
    pub pool: Option<String>,
    pub note: String,
}

/// Staff fold a duplicate into the case that carries on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeReport {
    pub into: ReportId,
}

/// What staff set for the community's cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRules {
    /// One route per category, each category once.
    pub routes: Vec<Route>,
    /// How long after "resolved" the reporter may reopen a case.
    pub reopen_days: u32,
}

impl ReportRules {
    /// Where a category goes (its default when the rules lack it).
    pub fn route_for(&self, category: ReportCategory) -> Route {
        self.routes.iter().find(|route| route.category == category).cloned().unwrap_or_else(|| Route::default_for(category))
    }
}

impl Default for ReportRules {
    fn default() -> Self {
        ReportRules { routes: ReportCategory::ALL.into_iter().map(Route::default_for).collect(), reopen_days: limits::DEFAULT_REOPEN_DAYS }
    }
}

/// One step of a case's handling record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportEventKind {
    Submitted,
    Accepted,
    Started,
    Resolved,
    Confirmed,
    Reopened,
    Reassigned,
    Merged,
    /// Nobody accepted it in time: it went up a level.
    Escalated,
    /// The reporter did not answer within the time to reopen: the clock confirmed it.
    AutoConfirmed,
}

impl ReportEventKind {
    pub const ALL: [ReportEventKind; 10] = [
        Self::Submitted,
        Self::Accepted,
        Self::Started,
        Self::Resolved,
        Self::Confirmed,
        Self::Reopened,
        Self::Reassigned,
        Self::Merged,
        Self::Escalated,
        Self::AutoConfirmed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Accepted => "accepted",
            Self::Started => "started",
            Self::Resolved => "resolved",
            Self::Confirmed => "confirmed",
            Self::Reopened => "reopened",
            Self::Reassigned => "reassigned",
            Self::Merged => "merged",
            Self::Escalated => "escalated",
            Self::AutoConfirmed => "auto_confirmed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportEvent {
    pub kind: ReportEventKind,
    /// Who did it; empty for what the clock did (an escalation, a confirmation left
    /// unanswered) and, for neighbours, where the reporter did it.
    pub actor: String,
    /// A note or a reason, when the step had one.
    pub detail: String,
    /// Where it went, on an escalation or a reassignment.
    #[serde(default)]
    pub party: Option<Party>,
    /// The handler's photos of the work done, on a "resolved" step.
    #[serde(default)]
    pub photos: Vec<UploadId>,
    pub at: DateTime<Utc>,
}

/// A case in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSummary {
    pub id: ReportId,
    pub category: ReportCategory,
    pub location: String,
    pub description: String,
    pub public: bool,
    pub state: ReportState,
    pub party: Party,
    pub submitted_at: DateTime<Utc>,
    /// Neighbours who said "me too".
    pub seconds: u32,
    /// The first photo, for the list.
    pub photo: Option<UploadId>,
    /// By when it must be accepted, while it waits.
    #[serde(default)]
    pub accept_by: Option<DateTime<Utc>>,
    /// How often nobody accepted it in time and it went up a level.
    #[serde(default)]
    pub escalations: u32,
}

/// A case as one viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub summary: ReportSummary,
    pub photos: Vec<UploadId>,
    /// Who reported it: for the reporter, staff and the handlers only, never neighbours.
    pub reporter: Option<String>,
    /// Their phone, for whoever has to call them about it.
    pub reporter_phone: Option<String>,
    pub pool: Option<String>,
    pub handler: Option<String>,
    /// Until when the reporter may reopen it, once resolved.
    pub reopen_until: Option<DateTime<Utc>>,
    pub merged_into: Option<ReportId>,
    pub stars: Option<u8>,
    pub comment: Option<String>,
    /// Whether the viewer said "me too".
    pub seconded: bool,
    /// What the viewer may do now.
    pub actions: Vec<ReportAction>,
    /// Whether the viewer may say "me too" now.
    pub may_second: bool,
    pub history: Vec<ReportEvent>,
}

/// Which cases a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportScope {
    /// The caller's own reports (or, acting for someone, theirs).
    #[default]
    Mine,
    /// The community's public cases.
    Public,
    /// What the caller's party handles (staff: every case).
    Handling,
}

/// News of a case for the people it concerns; the app raises an OS notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportNews {
    /// To the party responsible and to staff: a new case waits to be accepted.
    New,
    /// To the reporter: a handler accepted it.
    Accepted,
    /// To the reporter (and those whose duplicates were merged into it): the handler says it
    /// is done; the reporter may confirm or reopen it.
    Resolved,
    /// To the handler: the reporter says it is not done.
    Reopened,
    /// To the handler: the reporter confirmed it and rated the handling.
    Confirmed,
    /// To staff, the party it went up to and the reporter: nobody accepted it in time.
    Escalated,
    /// To the party it was sent to and the reporter: staff sent it elsewhere.
    Reassigned,
    /// To the reporter: staff folded it into another case about the same problem.
    Merged,
}

/// One category and party's figures for a month: cases reported in it, the median minutes
/// from report to acceptance and to resolution, and the mean rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportFigures {
    pub category: ReportCategory,
    pub party: Party,
    pub cases: u32,
    pub median_accept_minutes: Option<i64>,
    pub median_resolve_minutes: Option<i64>,
    /// The mean of the ratings given, 1 to 5.
    pub satisfaction: Option<f64>,
    pub ratings: u32,
}

/// A month's figures in the community's calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthFigures {
    pub year: i32,
    pub month: u32,
    /// Per category and party, in the categories' order.
    pub rows: Vec<ReportFigures>,
}

/// Which month; this month in the community's calendar when left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct FiguresQuery {
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub month: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ReportListQuery {
    // Inline: no response carries the scope, so the document has no component for it.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub scope: ReportScope,
}

/// A page of cases: open ones first (those being handled, longest waiting first; the
/// public ones newest first), then the rest newest first; a resident's own newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportPage {
    pub reports: Vec<ReportSummary>,
    pub next_after: Option<String>,
    /// On the first page of the handling list: how many of its cases wait to be accepted
    /// (all of them, not only those on the page).
    #[serde(default)]
    pub waiting: Option<i64>,
}
