//! Ballots as plain data: what a ballot may say for each kind of vote, when one may be
//! cast, how they are counted, and the hash chain that makes a later change detectable.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// The question a vote asks. Choices are option indexes; yes/no/abstain are 0, 1, 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    YesNoAbstain,
    Single { options: u32 },
    Multiple { options: u32, max: u32 },
}

impl Kind {
    /// How many options one ballot may choose.
    pub fn max_choices(self) -> u32 {
        match self {
            Kind::YesNoAbstain | Kind::Single { .. } => 1,
            Kind::Multiple { max, .. } => max,
        }
    }

    pub fn option_count(self) -> u32 {
        match self {
            Kind::YesNoAbstain => 3,
            Kind::Single { options } | Kind::Multiple { options, .. } => options,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotError {
    /// Nothing chosen, or more than the vote allows.
    WrongNumberOfChoices,
    /// An option the vote does not have.
    NoSuchOption,
    /// The same option twice.
    Repeated,
}

/// The ballot's choices in their stored form (ascending), or why they cannot be cast.
pub fn check_choices(kind: Kind, choices: &[u32]) -> Result<Vec<u32>, BallotError> {
    if choices.is_empty() || choices.len() > kind.max_choices() as usize {
        return Err(BallotError::WrongNumberOfChoices);
    }
    if choices.iter().any(|choice| *choice >= kind.option_count()) {
        return Err(BallotError::NoSuchOption);
    }
    let mut sorted = choices.to_vec();
    sorted.sort_unstable();
    if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(BallotError::Repeated);
    }
    Ok(sorted)
}

/// Where a vote is in time. Closing needs no request: a vote is closed once its time is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Scheduled,
    Open,
    Closed,
}

pub fn phase(opens_at: DateTime<Utc>, closes_at: DateTime<Utc>, now: DateTime<Utc>) -> Phase {
    if now < opens_at {
        Phase::Scheduled
    } else if now < closes_at {
        Phase::Open
    } else {
        Phase::Closed
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastRefusal {
    NotOpenYet,
    Closed,
    /// The vote counts the first ballot and allows no change.
    AlreadyFinal,
}

/// Whether a ballot may be cast now: while open; a change only if the vote allows changes.
pub fn may_cast(phase: Phase, already_cast: bool, final_on_cast: bool) -> Result<(), CastRefusal> {
    match phase {
        Phase::Scheduled => Err(CastRefusal::NotOpenYet),
        Phase::Closed => Err(CastRefusal::Closed),
        Phase::Open if already_cast && final_on_cast => Err(CastRefusal::AlreadyFinal),
        Phase::Open => Ok(()),
    }
}

/// Ballots per option; each ballot's choices count once each.
pub fn count(kind: Kind, ballots: &[Vec<u32>]) -> Vec<i64> {
    let mut counts = vec![0; kind.option_count() as usize];
    for choices in ballots {
        for choice in choices {
            if let Some(count) = counts.get_mut(*choice as usize) {
                *count += 1;
            }
        }
    }
    counts
}

/// One entry of a vote's ballot chain: what is published, without the voter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEntry {
    pub sequence: i64,
    pub receipt: String,
    pub choices: Vec<u32>,
    pub cast_at_millis: i64,
    /// `link_hash` of the previous entry's hash and this entry.
    pub hash: String,
}

/// The hash that starts every vote's chain.
pub fn genesis(vote_id: i64) -> String {
    hex(&Sha256::digest(format!("linli-vote:{vote_id}").as_bytes()))
}

/// The hash of an entry, chained to the one before it: changing, dropping or reordering
/// any earlier ballot changes every hash after it.
pub fn link_hash(previous: &str, sequence: i64, receipt: &str, choices: &[u32], cast_at_millis: i64) -> String {
    let choices: Vec<String> = choices.iter().map(u32::to_string).collect();
    let text = format!("{previous}\n{sequence}\n{receipt}\n{}\n{cast_at_millis}", choices.join(","));
    hex(&Sha256::digest(text.as_bytes()))
}

/// The index of the first entry whose hash does not follow from the chain before it.
pub fn first_broken_link(vote_id: i64, entries: &[ChainEntry]) -> Option<usize> {
    first_broken_link_after(genesis(vote_id), entries)
}

/// The same for a page of the chain, from the hash of the entry before the page.
pub fn first_broken_link_after(mut previous: String, entries: &[ChainEntry]) -> Option<usize> {
    for (index, entry) in entries.iter().enumerate() {
        let expected = link_hash(&previous, entry.sequence, &entry.receipt, &entry.choices, entry.cast_at_millis);
        if entry.hash != expected {
            return Some(index);
        }
        previous = expected;
    }
    None
}

/// A receipt as someone typed it (`k7pm-4xq2`) in its stored form; None when it cannot be
/// one (receipts are made like invite codes: eight letters and digits).
pub fn normalize_receipt(typed: &str) -> Option<String> {
    let receipt = crate::community::rules::normalize_invite_code(typed);
    (receipt.len() == 8).then_some(receipt)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn each_kind_takes_its_own_number_of_choices() {
        use BallotError::*;
        assert_eq!(check_choices(Kind::YesNoAbstain, &[2]), Ok(vec![2]));
        assert_eq!(check_choices(Kind::YesNoAbstain, &[3]), Err(NoSuchOption));
        assert_eq!(check_choices(Kind::YesNoAbstain, &[0, 1]), Err(WrongNumberOfChoices));
        assert_eq!(check_choices(Kind::Single { options: 4 }, &[]), Err(WrongNumberOfChoices));
        let multiple = Kind::Multiple { options: 5, max: 2 };
        assert_eq!(check_choices(multiple, &[4, 1]), Ok(vec![1, 4]));
        assert_eq!(check_choices(multiple, &[1, 1]), Err(Repeated));
        assert_eq!(check_choices(multiple, &[0, 1, 2]), Err(WrongNumberOfChoices));
    }

    #[test]
    fn a_receipt_is_found_however_it_is_typed() {
        assert_eq!(normalize_receipt("k7pm-4xq2").as_deref(), Some("K7PM4XQ2"));
        assert_eq!(normalize_receipt(" K7PM 4XQ2 ").as_deref(), Some("K7PM4XQ2"));
        assert_eq!(normalize_receipt("K7PM4XQ"), None);
        assert_eq!(normalize_receipt("K7PM4XQ2X"), None);
    }

    #[test]
    fn a_vote_opens_and_closes_by_the_clock_alone() {
        let at = |hour| Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap();
        assert_eq!(phase(at(9), at(18), at(8)), Phase::Scheduled);
        assert_eq!(phase(at(9), at(18), at(9)), Phase::Open);
        assert_eq!(phase(at(9), at(18), at(18)), Phase::Closed, "closing time itself is closed");
    }

    #[test]
    fn a_ballot_changes_until_closing_unless_the_vote_is_final_on_cast() {
        assert_eq!(may_cast(Phase::Open, true, false), Ok(()));
        assert_eq!(may_cast(Phase::Open, true, true), Err(CastRefusal::AlreadyFinal));
        assert_eq!(may_cast(Phase::Open, false, true), Ok(()));
        assert_eq!(may_cast(Phase::Closed, false, false), Err(CastRefusal::Closed));
        assert_eq!(may_cast(Phase::Scheduled, false, false), Err(CastRefusal::NotOpenYet));
    }

    #[test]
    fn counting_adds_every_choice_once() {
        let ballots = vec![vec![0], vec![0, 2], vec![2], vec![1]];
        assert_eq!(count(Kind::Multiple { options: 3, max: 2 }, &ballots), [2, 1, 2]);
    }

    fn chain(vote_id: i64, ballots: &[(&str, Vec<u32>)]) -> Vec<ChainEntry> {
        let mut previous = genesis(vote_id);
        ballots
            .iter()
            .enumerate()
            .map(|(i, (receipt, choices))| {
                let hash = link_hash(&previous, i as i64 + 1, receipt, choices, 1_000 * i as i64);
                previous = hash.clone();
                ChainEntry { sequence: i as i64 + 1, receipt: receipt.to_string(), choices: choices.clone(), cast_at_millis: 1_000 * i as i64, hash }
            })
            .collect()
    }

    #[test]
    fn the_chain_exposes_a_changed_ballot_and_everything_after_it() {
        let entries = chain(7, &[("AAAA", vec![0]), ("BBBB", vec![1]), ("CCCC", vec![0])]);
        assert_eq!(first_broken_link(7, &entries), None);
        let mut changed = entries.clone();
        changed[1].choices = vec![0];
        assert_eq!(first_broken_link(7, &changed), Some(1));
        let mut dropped = entries.clone();
        dropped.remove(0);
        assert_eq!(first_broken_link(7, &dropped), Some(0));
        assert_eq!(first_broken_link(8, &entries), Some(0), "a chain belongs to one vote");
    }
}
