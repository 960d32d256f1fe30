//! The discussion hall (议事厅): votes and their lawful tallies.
//!
//! Owners' decisions follow the Civil Code, Article 278 (see `STANDARDS.md` §3): a double
//! threshold, by exclusive floor area and by headcount, first for taking part and then for
//! approving. A result names every threshold with its numbers, so a resident can see why a
//! decision passed or failed.

use serde::{Deserialize, Serialize};

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
