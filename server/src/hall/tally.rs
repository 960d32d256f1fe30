//! Article 278 of the Civil Code as a pure function: who may decide, who took part, who
//! approved, by floor area and by headcount.

use std::collections::BTreeMap;

use linli_api::hall::{Matter, Measure, OwnersDecision, Stage, Threshold, ThresholdRule};

/// What an owner's ballot says on a yes/no/abstain question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    Yes,
    No,
    /// Takes part, does not approve.
    Abstain,
}

/// The owners of a community as the law counts them: each person once, with the exclusive
/// floor area of all their units (hundredths of a square metre).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Electorate {
    area_by_owner: BTreeMap<i64, i64>,
}

impl Electorate {
    /// From every (owner, unit area) holding; an owner of several units appears once.
    pub fn from_holdings(holdings: impl IntoIterator<Item = (i64, i64)>) -> Self {
        let mut area_by_owner = BTreeMap::new();
        for (owner, area) in holdings {
            *area_by_owner.entry(owner).or_insert(0) += area.max(0);
        }
        Self { area_by_owner }
    }

    pub fn headcount(&self) -> i64 {
        self.area_by_owner.len() as i64
    }

    pub fn area(&self) -> i64 {
        self.area_by_owner.values().sum()
    }

    pub fn area_of(&self, owner: i64) -> Option<i64> {
        self.area_by_owner.get(&owner).copied()
    }
}

/// The sums Article 278 is decided on (areas in hundredths of m²).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OwnersTotals {
    pub electorate_area: i64,
    pub electorate_owners: i64,
    pub took_part_area: i64,
    pub took_part_owners: i64,
    pub yes_area: i64,
    pub yes_owners: i64,
}

/// Decides `matter` from the sums: the four thresholds, each with its numbers.
pub fn decide(matter: Matter, totals: &OwnersTotals) -> OwnersDecision {
    let check = |stage, measure, rule: ThresholdRule, count, of| Threshold { stage, measure, rule, count, of, met: rule.is_met(count, of) };
    let approval = matter.approval_rule();
    let thresholds = vec![
        check(Stage::Participation, Measure::Area, ThresholdRule::AtLeastTwoThirds, totals.took_part_area, totals.electorate_area),
        check(Stage::Participation, Measure::Headcount, ThresholdRule::AtLeastTwoThirds, totals.took_part_owners, totals.electorate_owners),
        check(Stage::Approval, Measure::Area, approval, totals.yes_area, totals.took_part_area),
        check(Stage::Approval, Measure::Headcount, approval, totals.yes_owners, totals.took_part_owners),
    ];
    let approved = thresholds.iter().all(|threshold| threshold.met);
    OwnersDecision { matter, thresholds, approved }
}

/// Decides `matter` from the owners' ballots. A ballot from someone who is not an owner is
/// not counted; an owner's later ballot replaces an earlier one.
pub fn owners_decision(matter: Matter, electorate: &Electorate, ballots: &[(i64, Stance)]) -> OwnersDecision {
    let mut last: BTreeMap<i64, Stance> = BTreeMap::new();
    for (owner, stance) in ballots {
        if electorate.area_of(*owner).is_some() {
            last.insert(*owner, *stance);
        }
    }
    let mut totals = OwnersTotals {
        electorate_area: electorate.area(),
        electorate_owners: electorate.headcount(),
        took_part_owners: last.len() as i64,
        ..OwnersTotals::default()
    };
    for (owner, stance) in &last {
        let area = electorate.area_of(*owner).unwrap_or(0);
        totals.took_part_area += area;
        if *stance == Stance::Yes {
            totals.yes_area += area;
            totals.yes_owners += 1;
        }
    }
    decide(matter, &totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stance::*;

    /// Owners 1..=n with the given areas (m², stored as hundredths).
    fn owners(areas: &[i64]) -> Electorate {
        Electorate::from_holdings(areas.iter().enumerate().map(|(i, area)| (i as i64 + 1, area * 100)))
    }

    fn met(decision: &OwnersDecision) -> [bool; 4] {
        [0, 1, 2, 3].map(|i| decision.thresholds[i].met)
    }

    #[test]
    fn exactly_two_thirds_taking_part_is_enough() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[100, 100, 100]), &[(1, Yes), (2, Yes)]);
        assert_eq!((decision.thresholds[0].count, decision.thresholds[0].of), (20_000, 30_000));
        assert_eq!(met(&decision), [true, true, true, true]);
        assert!(decision.approved);
    }

    #[test]
    fn just_under_two_thirds_by_area_fails_even_with_enough_owners() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[100, 100, 101]), &[(1, Yes), (2, Yes)]);
        assert_eq!(met(&decision), [false, true, true, true]);
        assert!(!decision.approved);
    }

    #[test]
    fn exactly_three_quarters_passes_the_strict_matters() {
        let everyone = owners(&[100, 100, 100, 100]);
        let decision = owners_decision(Matter::RaiseMaintenanceFund, &everyone, &[(1, Yes), (2, Yes), (3, Yes), (4, No)]);
        assert_eq!(decision.thresholds[2].rule, ThresholdRule::AtLeastThreeQuarters);
        assert!(decision.approved);
        let decision = owners_decision(Matter::Rebuilding, &everyone, &[(1, Yes), (2, Yes), (3, No), (4, Abstain)]);
        assert_eq!(met(&decision), [true, true, false, false]);
    }

    #[test]
    fn exactly_half_is_not_more_than_half() {
        let decision = owners_decision(Matter::PropertyCompany, &owners(&[100, 100, 100, 100]), &[(1, Yes), (2, Yes), (3, No), (4, No)]);
        assert_eq!(met(&decision), [true, true, false, false]);
        assert!(!decision.approved);
    }

    #[test]
    fn abstentions_take_part_but_do_not_approve() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[100, 100, 100]), &[(1, Yes), (2, Abstain), (3, Abstain)]);
        assert_eq!(met(&decision), [true, true, false, false]);
        assert_eq!((decision.thresholds[3].count, decision.thresholds[3].of), (1, 3));
    }

    #[test]
    fn with_no_floor_area_recorded_nothing_can_pass() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[0, 0, 0]), &[(1, Yes), (2, Yes), (3, Yes)]);
        assert_eq!(met(&decision), [false, true, false, true]);
        assert!(!decision.approved);
    }

    #[test]
    fn an_owner_of_two_units_counts_once_with_all_their_area() {
        let electorate = Electorate::from_holdings([(1, 10_000), (1, 10_000), (2, 10_000), (3, 10_000)]);
        assert_eq!((electorate.headcount(), electorate.area()), (3, 40_000));
        let alone = owners_decision(Matter::OtherMajor, &electorate, &[(1, Yes)]);
        assert_eq!(met(&alone), [false, false, true, true], "half the area and a third of the owners");
        let with_neighbour = owners_decision(Matter::OtherMajor, &electorate, &[(1, Yes), (2, Yes)]);
        assert_eq!((with_neighbour.thresholds[0].count, with_neighbour.thresholds[1].count), (30_000, 2));
        assert!(with_neighbour.approved);
    }

    #[test]
    fn area_and_headcount_must_both_approve() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[300, 50, 50]), &[(1, Yes), (2, No), (3, No)]);
        assert_eq!(met(&decision), [true, true, true, false], "the large owner alone is most of the area, not of the owners");
        assert!(!decision.approved);
    }

    #[test]
    fn strangers_do_not_count_and_the_last_ballot_does() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[100, 100, 100]), &[(1, No), (9, Yes), (2, Yes), (1, Yes)]);
        assert_eq!((decision.thresholds[1].count, decision.thresholds[3].count), (2, 2));
        assert!(decision.approved);
    }

    #[test]
    fn nobody_voting_decides_nothing() {
        let decision = owners_decision(Matter::OtherMajor, &owners(&[100, 100]), &[]);
        assert_eq!(met(&decision), [false, false, false, false]);
    }
}
