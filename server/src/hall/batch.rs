//! Planning a batch of ballots on one vote, as plain data: which may be cast, their places
//! and hashes in the chain, each voter's counted ballot afterwards, and how the running
//! totals move. The ballot box writes the plan in one transaction (group commit), so a
//! thousand residents tapping at once share a handful of statements instead of queueing
//! one by one behind the vote's lock.

use std::collections::{BTreeMap, HashMap};

use super::ballot::{link_hash, may_cast, CastRefusal, Phase};

/// A ballot waiting in the box, already checked (choices valid, voter eligible).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub voter_key: String,
    pub choices: Vec<u32>,
    /// Floor area the ballot carries in an owners' vote, else 0.
    pub area: i64,
    /// A fresh receipt, drawn by the caller so this stays deterministic.
    pub receipt: String,
}

/// A voter's counted ballot as far as totals care: choices and area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub choices: Vec<u32>,
    pub area: i64,
}

/// An entry to append to the chain; `ballot` is the index in the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    pub ballot: usize,
    pub sequence: i64,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Per incoming ballot: its chain place, or why it was refused.
    pub outcomes: Vec<Result<Appended, CastRefusal>>,
    /// The chain's new length and head (unchanged when nothing was cast).
    pub length: i64,
    pub head: String,
    /// Each voter's counted ballot after the batch: the index of their last cast ballot.
    pub counted: BTreeMap<String, usize>,
    /// Change of (ballots, area) per option index; -1 is the whole vote.
    pub deltas: BTreeMap<i64, (i64, i64)>,
}

/// Plans `batch` in arrival order against the chain's current `length` and `head` and the
/// voters' counted ballots `before`, at time `now` in `phase`.
pub fn plan(
    batch: &[Incoming],
    length: i64,
    head: &str,
    before: &HashMap<String, Standing>,
    phase: Phase,
    final_on_cast: bool,
    now_millis: i64,
) -> Plan {
    let mut standing: HashMap<&str, Standing> = before.iter().map(|(key, standing)| (key.as_str(), standing.clone())).collect();
    let mut plan = Plan { outcomes: Vec::with_capacity(batch.len()), length, head: head.to_owned(), counted: BTreeMap::new(), deltas: BTreeMap::new() };
    for (index, ballot) in batch.iter().enumerate() {
        let replaced = standing.get(ballot.voter_key.as_str()).cloned();
        if let Err(refusal) = may_cast(phase, replaced.is_some(), final_on_cast) {
            plan.outcomes.push(Err(refusal));
            continue;
        }
        plan.length += 1;
        plan.head = link_hash(&plan.head, plan.length, &ballot.receipt, &ballot.choices, now_millis);
        let mut add = |option: i64, ballots: i64, area: i64| {
            let delta = plan.deltas.entry(option).or_default();
            delta.0 += ballots;
            delta.1 += area;
        };
        match &replaced {
            Some(old) => {
                for choice in &old.choices {
                    add(i64::from(*choice), -1, -old.area);
                }
                add(-1, 0, ballot.area - old.area);
            }
            None => add(-1, 1, ballot.area),
        }
        for choice in &ballot.choices {
            add(i64::from(*choice), 1, ballot.area);
        }
        standing.insert(&ballot.voter_key, Standing { choices: ballot.choices.clone(), area: ballot.area });
        plan.counted.insert(ballot.voter_key.clone(), index);
        plan.outcomes.push(Ok(Appended { ballot: index, sequence: plan.length, hash: plan.head.clone() }));
    }
    plan.deltas.retain(|_, delta| *delta != (0, 0));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hall::ballot::{count, first_broken_link, genesis, ChainEntry, Kind};

    fn ballot(key: &str, choices: &[u32], receipt: &str) -> Incoming {
        Incoming { voter_key: key.into(), choices: choices.to_vec(), area: 0, receipt: receipt.into() }
    }

    #[test]
    fn a_batch_chains_in_arrival_order_as_single_ballots_would() {
        let batch = [ballot("a", &[0], "R1"), ballot("b", &[1], "R2"), ballot("c", &[0], "R3")];
        let planned = plan(&batch, 0, &genesis(9), &HashMap::new(), Phase::Open, false, 5_000);
        let entries: Vec<ChainEntry> = planned
            .outcomes
            .iter()
            .map(|outcome| outcome.clone().unwrap())
            .map(|appended| ChainEntry {
                sequence: appended.sequence,
                receipt: batch[appended.ballot].receipt.clone(),
                choices: batch[appended.ballot].choices.clone(),
                cast_at_millis: 5_000,
                hash: appended.hash,
            })
            .collect();
        assert_eq!(first_broken_link(9, &entries), None);
        assert_eq!((planned.length, planned.head.as_str()), (3, entries[2].hash.as_str()));
        assert_eq!(planned.deltas, BTreeMap::from([(-1, (3, 0)), (0, (2, 0)), (1, (1, 0))]));
    }

    #[test]
    fn the_same_voter_twice_in_one_batch_counts_once_with_the_last_ballot() {
        let batch = [ballot("a", &[0], "R1"), ballot("a", &[2], "R2")];
        let planned = plan(&batch, 4, "head", &HashMap::new(), Phase::Open, false, 0);
        assert_eq!(planned.counted, BTreeMap::from([("a".to_owned(), 1)]));
        assert_eq!(planned.deltas, BTreeMap::from([(-1, (1, 0)), (2, (1, 0))]), "option 0 came and went");
        assert_eq!(planned.length, 6, "both ballots are in the chain");
    }

    #[test]
    fn final_on_cast_refuses_the_second_tap_even_within_one_batch() {
        let before = HashMap::from([("b".to_owned(), Standing { choices: vec![1], area: 0 })]);
        let batch = [ballot("a", &[0], "R1"), ballot("a", &[1], "R2"), ballot("b", &[0], "R3")];
        let planned = plan(&batch, 1, "head", &before, Phase::Open, true, 0);
        let refused: Vec<_> = planned.outcomes.iter().map(|outcome| outcome.as_ref().err().copied()).collect();
        assert_eq!(refused, [None, Some(CastRefusal::AlreadyFinal), Some(CastRefusal::AlreadyFinal)]);
        assert_eq!(planned.length, 2);
    }

    #[test]
    fn a_closed_vote_takes_nothing_and_moves_nothing() {
        let planned = plan(&[ballot("a", &[0], "R1")], 7, "head", &HashMap::new(), Phase::Closed, false, 0);
        assert_eq!(planned.outcomes, [Err(CastRefusal::Closed)]);
        assert_eq!((planned.length, planned.head.as_str(), planned.deltas.is_empty()), (7, "head", true));
    }

    #[test]
    fn area_moves_with_a_changed_owners_ballot() {
        let before = HashMap::from([("unit:1".to_owned(), Standing { choices: vec![0], area: 8_000 })]);
        let batch = [Incoming { voter_key: "unit:1".into(), choices: vec![1], area: 9_000, receipt: "R".into() }];
        let planned = plan(&batch, 1, "head", &before, Phase::Open, false, 0);
        assert_eq!(planned.deltas, BTreeMap::from([(-1, (0, 1_000)), (0, (-1, -8_000)), (1, (1, 9_000))]));
    }

    #[test]
    fn totals_after_any_batch_equal_a_recount() {
        // A fixed pseudo-random sequence of taps by five voters, planned in batches of
        // varying size: the running totals always equal a count of the last ballots.
        let kind = Kind::Multiple { options: 4, max: 2 };
        let mut state = 0x2785_u64;
        let mut next = move |n: u64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let mut standing: HashMap<String, Standing> = HashMap::new();
        let mut totals: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
        let (mut length, mut head) = (0, genesis(1));
        for round in 0..40 {
            let size = 1 + next(6) as usize;
            let batch: Vec<Incoming> = (0..size)
                .map(|i| {
                    let first = next(4) as u32;
                    let mut choices = vec![first];
                    if next(2) == 0 {
                        choices.push((first + 1 + next(3) as u32) % 4);
                        choices.sort_unstable();
                    }
                    let key = format!("resident:{}", next(5));
                    Incoming { voter_key: key, choices, area: 0, receipt: format!("R{round}-{i}") }
                })
                .collect();
            let planned = plan(&batch, length, &head, &standing, Phase::Open, false, round);
            for (option, (ballots, area)) in &planned.deltas {
                let total = totals.entry(*option).or_default();
                total.0 += ballots;
                total.1 += area;
            }
            for (key, index) in &planned.counted {
                standing.insert(key.clone(), Standing { choices: batch[*index].choices.clone(), area: 0 });
            }
            (length, head) = (planned.length, planned.head);
            let last: Vec<Vec<u32>> = standing.values().map(|s| s.choices.clone()).collect();
            let recount = count(kind, &last);
            let kept: Vec<i64> = (0..4).map(|option| totals.get(&option).map_or(0, |t| t.0)).collect();
            assert_eq!(kept, recount, "round {round}");
            assert_eq!(totals.get(&-1).map_or(0, |t| t.0), standing.len() as i64);
        }
    }
}
