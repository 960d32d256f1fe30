//! Micro-wishes (微心愿): a resident in need (often elderly) posts a small wish, staff
//! approve it for the board, a volunteer (a neighbour, a party member, an organisation's
//! member, a shop) claims it, fulfils it, and the wisher confirms and may thank publicly.
//!
//! The board shows a wisher as initials and building only; the claimer alone (and staff)
//! get the contact, once the wish is theirs.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::community::HouseholdLabel;
use crate::ids::{HouseholdId, UploadId, WishId};

pub mod limits {
    pub const WHAT_MAX_CHARS: usize = 80;
    pub const WHY_MAX_CHARS: usize = 500;
    pub const NOTE_MAX_CHARS: usize = 500;
    pub const THANKS_MAX_CHARS: usize = 300;
    pub const ORGANISATION_MAX_CHARS: usize = 40;
    pub const REASON_MAX_CHARS: usize = 200;
    pub const WISHER_NAME_MAX_CHARS: usize = 40;
    /// How far ahead a wanted-by date may be.
    pub const MAX_WANTED_DAYS: i64 = 180;
    /// The range staff may set for how long a claim lasts, and the default.
    pub const MIN_CLAIM_DAYS: u32 = 1;
    pub const MAX_CLAIM_DAYS: u32 = 60;
    pub const DEFAULT_CLAIM_DAYS: u32 = 7;
    /// Time given to one wish: at most a day's work.
    pub const MAX_MINUTES: u32 = 24 * 60;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishCategory {
    /// Something to have: a radio, a walking stick.
    Goods,
    /// Help with a task: a lift to hospital, filling in a form.
    Task,
    /// Company or a visit.
    Company,
    Other,
}

impl WishCategory {
    pub const ALL: [WishCategory; 4] = [Self::Goods, Self::Task, Self::Company, Self::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Goods => "goods",
            Self::Task => "task",
            Self::Company => "company",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|category| category.as_str() == raw)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishState {
    /// Posted, waiting for staff; only the wisher and staff see it.
    Pending,
    /// Staff declined it, with a reason the wisher sees.
    Rejected,
    /// On the board, waiting for a volunteer.
    Open,
    /// A volunteer took it on; it returns to the board if not fulfilled in time.
    Claimed,
    /// The volunteer says it is done; waiting for the wisher to confirm.
    Fulfilled,
    /// The wisher (or their family, or staff) confirmed it: done.
    Closed,
    /// Taken back by the wisher, or taken down by staff (with a reason).
    Withdrawn,
}

impl WishState {
    pub const ALL: [WishState; 7] =
        [Self::Pending, Self::Rejected, Self::Open, Self::Claimed, Self::Fulfilled, Self::Closed, Self::Withdrawn];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Rejected => "rejected",
            Self::Open => "open",
            Self::Claimed => "claimed",
            Self::Fulfilled => "fulfilled",
            Self::Closed => "closed",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == raw)
    }

    /// Whether neighbours see a wish in this state on the board.
    pub fn is_public(self) -> bool {
        matches!(self, Self::Open | Self::Claimed | Self::Fulfilled | Self::Closed)
    }
}

/// Something someone may do to a wish now; the server lists what the viewer may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishAction {
    Approve,
    Reject,
    Claim,
    /// The volunteer gives the wish back to the board.
    Release,
    Fulfil,
    Confirm,
    Withdraw,
}

/// A resident posts a wish for themselves (or a family member for them). Staff post for a
/// resident without the app by naming the household and the person; theirs needs no approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewWish {
    /// What is wished for, in a line.
    pub what: String,
    /// Why (optional): the story that helps a volunteer.
    #[serde(default)]
    pub why: String,
    pub category: WishCategory,
    #[serde(default)]
    pub photo: Option<UploadId>,
    /// The day by which it is wanted, in the community's calendar.
    pub wanted_by: NaiveDate,
    /// Staff only: the household of the resident the wish is for.
    #[serde(default)]
    pub for_household: Option<HouseholdId>,
    /// Staff only: that resident's name.
    #[serde(default)]
    pub wisher_name: Option<String>,
    /// Staff only, optional: a number the volunteer may call.
    #[serde(default)]
    pub wisher_phone: Option<String>,
}

/// How a wisher appears to neighbours: initials and building, nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WisherFace {
    /// e.g. `陈**` or `W. J.`
    pub initials: String,
    pub building: Option<String>,
}

/// A wish on the board or in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishSummary {
    pub id: WishId,
    pub what: String,
    pub category: WishCategory,
    pub state: WishState,
    pub wisher: WisherFace,
    pub wanted_by: NaiveDate,
    pub photo: Option<UploadId>,
    pub posted_at: DateTime<Utc>,
    /// The volunteer's name once someone claimed it.
    pub volunteer: Option<String>,
    /// When the current claim runs out, while claimed.
    pub claim_expires_at: Option<DateTime<Utc>>,
}

/// Who holds the wish now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishClaim {
    pub volunteer: String,
    pub organisation: Option<String>,
    pub claimed_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishFulfilment {
    pub note: String,
    pub photo: Option<UploadId>,
    pub minutes: Option<u32>,
    pub fulfilled_at: DateTime<Utc>,
}

/// The wisher's contact: for the volunteer holding the wish, and for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WisherContact {
    pub name: String,
    pub phone: Option<String>,
    pub household: Option<HouseholdLabel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishEventKind {
    Posted,
    Approved,
    Rejected,
    Claimed,
    Released,
    /// The volunteer was reminded that the claim runs out soon.
    Reminded,
    /// The claim ran out; the wish went back to the board.
    Expired,
    Fulfilled,
    Confirmed,
    Withdrawn,
}

impl WishEventKind {
    pub const ALL: [WishEventKind; 10] = [
        Self::Posted,
        Self::Approved,
        Self::Rejected,
        Self::Claimed,
        Self::Released,
        Self::Reminded,
        Self::Expired,
        Self::Fulfilled,
        Self::Confirmed,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Posted => "posted",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Claimed => "claimed",
            Self::Released => "released",
            Self::Reminded => "reminded",
            Self::Expired => "expired",
            Self::Fulfilled => "fulfilled",
            Self::Confirmed => "confirmed",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// One step of a wish's history: what happened, who did it, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishEvent {
    pub kind: WishEventKind,
    /// Who did it; empty for what the clock did (an expired claim).
    pub actor: String,
    /// A reason, a note or the thanks, when the step had one.
    pub detail: String,
    pub at: DateTime<Utc>,
}

/// A wish as one viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Wish {
    pub summary: WishSummary,
    pub why: String,
    /// Why staff declined or took it down, or why the wisher withdrew it.
    pub reason: Option<String>,
    pub claim: Option<WishClaim>,
    pub fulfilment: Option<WishFulfilment>,
    /// The wisher's public thanks, once confirmed.
    pub thanks: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Only for the volunteer holding it and for staff.
    pub contact: Option<WisherContact>,
    /// For the wisher, the volunteer and staff; empty for everyone else.
    pub history: Vec<WishEvent>,
    /// What the viewer may do now.
    pub actions: Vec<WishAction>,
    /// Whether the viewer is (or acts for) the wisher.
    pub is_mine: bool,
}

/// Board filters; without a state the board shows the wishes still in need, open ones
/// first. A page at a time: after the `next_after` of the previous page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct WishBoardQuery {
    #[serde(default)]
    pub category: Option<WishCategory>,
    #[serde(default)]
    pub state: Option<WishState>,
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishBoard {
    pub wishes: Vec<WishSummary>,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewWish {
    pub approve: bool,
    /// Needed when declining; the wisher sees it.
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimWish {
    /// The organisation the volunteer comes from (a party branch, a volunteer team, a shop).
    #[serde(default)]
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FulfilWish {
    pub note: String,
    #[serde(default)]
    pub photo: Option<UploadId>,
    /// Time the volunteer gave, for the volunteer record.
    #[serde(default)]
    pub minutes: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmWish {
    /// Thanks shown on the community's thanks wall (optional).
    #[serde(default)]
    pub thanks: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawWish {
    /// Needed when staff take a wish down; optional for the wisher.
    #[serde(default)]
    pub reason: Option<String>,
}

/// What staff set for the community's wishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WishRules {
    /// How long a volunteer has to fulfil a claimed wish.
    pub claim_days: u32,
}

impl Default for WishRules {
    fn default() -> Self {
        Self { claim_days: limits::DEFAULT_CLAIM_DAYS }
    }
}

/// One volunteer's (or one organisation's) fulfilled wishes and time given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerTally {
    pub name: String,
    /// For a volunteer, the organisation of their latest fulfilled wish.
    pub organisation: Option<String>,
    pub wishes: i64,
    pub minutes: i64,
}

/// The community's volunteer record: people and organisations, most wishes first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerRecord {
    pub volunteers: Vec<VolunteerTally>,
    pub organisations: Vec<VolunteerTally>,
}

/// A line of the thanks wall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThanksNote {
    pub wish_id: WishId,
    pub what: String,
    pub wisher: WisherFace,
    pub volunteer: String,
    pub organisation: Option<String>,
    pub thanks: String,
    pub at: DateTime<Utc>,
}

/// Why a wisher or volunteer is told something (an OS notification in the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WishNews {
    /// To the wisher: staff put it on the board.
    Approved,
    /// To the wisher: staff declined it.
    Rejected,
    /// To the wisher: a volunteer took it on.
    Claimed,
    /// To the wisher: the volunteer gave it back, or the claim ran out; it is on the board again.
    BackOnBoard,
    /// To the wisher: the volunteer says it is done; please confirm.
    Fulfilled,
    /// To the volunteer: the wisher confirmed and may have thanked them.
    Confirmed,
    /// To the volunteer: the claim runs out soon.
    ClaimEndingSoon,
    /// To the volunteer: the claim ran out; the wish is back on the board.
    ClaimExpired,
    /// To the volunteer: the wish was withdrawn or taken down; to the wisher when staff took it down.
    Withdrawn,
}

/// Initials of a name as the board shows it: a Chinese name keeps its surname (`陈**`),
/// a name in Latin letters its initials (`W. J.`).
pub fn initials(name: &str) -> String {
    let name = name.trim();
    let Some(first) = name.chars().next() else { return "**".to_owned() };
    if !first.is_ascii() {
        return format!("{first}**");
    }
    let letters: Vec<String> = name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .map(|letter| format!("{}.", letter.to_uppercase()))
        .collect();
    letters.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_hide_all_but_the_first_letters() {
        assert_eq!(initials("陈秀英"), "陈**");
        assert_eq!(initials("欧阳娜娜"), "欧**");
        assert_eq!(initials(" wang jianguo "), "W. J.");
        assert_eq!(initials("Ann"), "A.");
        assert_eq!(initials(""), "**");
    }

    #[test]
    fn only_board_states_are_public() {
        let public: Vec<_> = WishState::ALL.into_iter().filter(|state| state.is_public()).collect();
        assert_eq!(public, [WishState::Open, WishState::Claimed, WishState::Fulfilled, WishState::Closed]);
    }

    #[test]
    fn wire_names_round_trip() {
        for state in WishState::ALL {
            assert_eq!(WishState::parse(state.as_str()), Some(state));
            assert_eq!(serde_json::to_string(&state).unwrap(), format!("\"{}\"", state.as_str()));
        }
        for kind in WishEventKind::ALL {
            assert_eq!(WishEventKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.as_str()));
        }
        for category in WishCategory::ALL {
            assert_eq!(WishCategory::parse(category.as_str()), Some(category));
        }
    }
}
