//! The discussion hall (议事厅): votes and their lawful tallies.
//!
//! Owners' decisions follow the Civil Code, Article 278 (see `STANDARDS.md` §3): a double
//! threshold, by exclusive floor area and by headcount, first for taking part and then for
//! approving. A result names every threshold with its numbers, so a resident can see why a
//! decision passed or failed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{TopicId, VoteId};

/// The matters Article 278 lists. Items 6, 7 and 8 need three quarters to pass; the others
/// more than half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    /// (1) The rules of procedure of the owners' assembly.
    AssemblyRules,
    /// (2) The management rules (管理规约).
    ManagementRules,
    /// (3) Electing or replacing the owners' committee.
    OwnersCommittee,
    /// (4) Hiring or dismissing the property-service company.
    PropertyCompany,
    /// (5) Using the building maintenance fund.
    UseMaintenanceFund,
    /// (6) Raising the building maintenance fund.
    RaiseMaintenanceFund,
    /// (7) Rebuilding or reconstructing buildings and their ancillary facilities.
    Rebuilding,
    /// (8) Changing the use of common parts or using them for business.
    CommonPartsUse,
    /// (9) Other major matters.
    OtherMajor,
}

impl Matter {
    pub const ALL: [Matter; 9] = [
        Matter::AssemblyRules,
        Matter::ManagementRules,
        Matter::OwnersCommittee,
        Matter::PropertyCompany,
        Matter::UseMaintenanceFund,
        Matter::RaiseMaintenanceFund,
        Matter::Rebuilding,
        Matter::CommonPartsUse,
        Matter::OtherMajor,
    ];

    /// The rule approval must meet for this matter.
    pub fn approval_rule(self) -> ThresholdRule {
        match self {
            Matter::RaiseMaintenanceFund | Matter::Rebuilding | Matter::CommonPartsUse => ThresholdRule::AtLeastThreeQuarters,
            _ => ThresholdRule::MoreThanHalf,
        }
    }
}

/// How a share is compared: 以上 is inclusive, 过半数 is strictly more than half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ThresholdRule {
    AtLeastTwoThirds,
    AtLeastThreeQuarters,
    MoreThanHalf,
}

impl ThresholdRule {
    /// Whether `count` out of `of` meets the rule; nothing out of nothing never does.
    pub fn is_met(self, count: i64, of: i64) -> bool {
        if of <= 0 {
            return false;
        }
        let (count, of) = (i128::from(count), i128::from(of));
        match self {
            ThresholdRule::AtLeastTwoThirds => count * 3 >= of * 2,
            ThresholdRule::AtLeastThreeQuarters => count * 4 >= of * 3,
            ThresholdRule::MoreThanHalf => count * 2 > of,
        }
    }
}

/// What a threshold measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Exclusive floor area, in hundredths of a square metre.
    Area,
    /// Owners, each counted once however many units they own.
    Headcount,
}

/// Which stage a threshold belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Of all owners: enough took part.
    Participation,
    /// Of those who took part: enough approved.
    Approval,
}

/// One threshold with its numbers: `count` out of `of` against `rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Threshold {
    pub stage: Stage,
    pub measure: Measure,
    pub rule: ThresholdRule,
    pub count: i64,
    pub of: i64,
    pub met: bool,
}

/// An owners' decision under Article 278: the four thresholds and the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnersDecision {
    pub matter: Matter,
    /// Participation by area, participation by headcount, approval by area, approval by
    /// headcount, in that order.
    pub thresholds: Vec<Threshold>,
    /// Every threshold met.
    pub approved: bool,
}

/// What a vote asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    /// Options 0, 1, 2 are yes, no, abstain.
    YesNoAbstain,
    /// One of the options.
    Single,
    /// Up to `max_choices` of the options.
    Multiple,
}

/// Who may vote, chosen per vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// Every resident, one ballot each.
    Residents,
    /// One ballot per household.
    Households,
    /// Owners' decision (业主表决): one ballot per owned unit (co-owners count as one),
    /// weighted by floor area and counted by headcount under Article 278.
    Owners,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VotePhase {
    Scheduled,
    Open,
    Closed,
}

/// Staff open a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewVote {
    pub question: String,
    #[serde(default)]
    pub description: String,
    pub kind: VoteKind,
    /// The options of a single or multiple choice; empty for yes/no/abstain.
    #[serde(default)]
    pub options: Vec<String>,
    /// For multiple choice: at most this many options per ballot.
    #[serde(default)]
    pub max_choices: Option<u32>,
    pub eligibility: Eligibility,
    /// Required for an owners' yes/no/abstain vote: which Article 278 matter it decides.
    #[serde(default)]
    pub matter: Option<Matter>,
    /// Nobody, staff included, can see who chose what; only who took part.
    pub secret: bool,
    /// The first ballot counts and cannot be changed.
    pub final_on_cast: bool,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// The caller's (or, acting as proxy, the resident's) ballot on a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyBallot {
    pub choices: Vec<u32>,
    /// A short code the voter can look for in the published result.
    pub receipt: String,
    pub cast_at: DateTime<Utc>,
    /// The family member who cast it as proxy, if one did.
    pub proxy_name: Option<String>,
}

/// The live count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tally {
    /// Ballots counted (one per voter, the last one cast).
    pub ballots: i64,
    /// Who may vote: residents, households or owned units.
    pub eligible: i64,
    /// Ballots per option.
    pub counts: Vec<i64>,
    /// For an owners' yes/no/abstain vote: the Article 278 thresholds so far.
    pub owners: Option<OwnersDecision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Vote {
    pub id: VoteId,
    pub question: String,
    pub description: String,
    pub kind: VoteKind,
    /// The options in order; for yes/no/abstain these are empty and the app words them.
    pub options: Vec<String>,
    pub max_choices: u32,
    pub eligibility: Eligibility,
    pub matter: Option<Matter>,
    pub secret: bool,
    pub final_on_cast: bool,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub phase: VotePhase,
    /// Whether the reader may vote on it (eligible and, for owners' votes, an owner).
    pub can_vote: bool,
    pub my_ballot: Option<MyBallot>,
    pub tally: Tally,
    /// The topic it decides, whose discussion and follow-up belong to it.
    pub topic_id: Option<TopicId>,
}

/// One tap: the option indexes chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CastBallot {
    pub choices: Vec<u32>,
}

/// A page of who took part, in the order they did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipantPage {
    pub participants: Vec<Participant>,
    /// How many took part in all.
    pub total: i64,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

/// Who took part in a vote, as staff see it: for a secret vote without the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    pub name: String,
    pub household: Option<crate::community::HouseholdLabel>,
    pub cast_at: DateTime<Utc>,
    /// The family member who cast it as proxy, if one did.
    pub proxy_name: Option<String>,
    /// What they chose; always `None` for a secret vote.
    pub choices: Option<Vec<u32>>,
}

/// One published entry of a vote's ballot chain: no voter, only the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainEntry {
    pub sequence: i64,
    pub receipt: String,
    pub choices: Vec<u32>,
    pub cast_at: DateTime<Utc>,
    /// SHA-256 over the previous entry's hash and this entry.
    pub hash: String,
    /// Whether this entry is a voter's last ballot (the one that counts).
    pub counted: bool,
}

/// What anyone in the community can check: the ballots cast, chained, a page at a time, and
/// the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteRecord {
    pub vote: Vote,
    /// This page of the chain, in order.
    pub chain: Vec<ChainEntry>,
    /// Every hash on this page follows from the entry before it (the previous page's last
    /// entry, or the chain's start); walking every page checks the whole chain.
    pub chain_intact: bool,
    /// Entries in the whole chain.
    pub chain_length: i64,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_inclusive_except_more_than_half() {
        assert!(ThresholdRule::AtLeastTwoThirds.is_met(2, 3));
        assert!(!ThresholdRule::AtLeastTwoThirds.is_met(199_999, 300_000));
        assert!(ThresholdRule::AtLeastThreeQuarters.is_met(3, 4));
        assert!(!ThresholdRule::AtLeastThreeQuarters.is_met(74, 100));
        assert!(!ThresholdRule::MoreThanHalf.is_met(1, 2), "exactly half is not more than half");
        assert!(ThresholdRule::MoreThanHalf.is_met(51, 100));
        for rule in [ThresholdRule::AtLeastTwoThirds, ThresholdRule::AtLeastThreeQuarters, ThresholdRule::MoreThanHalf] {
            assert!(!rule.is_met(0, 0), "{rule:?} of nothing");
        }
    }

    #[test]
    fn no_overflow_with_large_areas() {
        let huge = i64::MAX / 2;
        assert!(ThresholdRule::AtLeastTwoThirds.is_met(huge, huge));
    }

    #[test]
    fn items_six_to_eight_need_three_quarters() {
        let strict: Vec<_> = Matter::ALL.into_iter().filter(|m| m.approval_rule() == ThresholdRule::AtLeastThreeQuarters).collect();
        assert_eq!(strict, [Matter::RaiseMaintenanceFund, Matter::Rebuilding, Matter::CommonPartsUse]);
    }
}
