//! Pure rules of topics: where a topic stands, when a proposal goes to a vote, what its
//! vote is, and how a thread is put together (one level of replies).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use linli_api::hall::{Eligibility, NewVote, VoteKind, VotePhase};
use linli_api::ids::CommentId;
use linli_api::topics::{ProposalRules, TopicState};

use crate::error::AppError;

/// What decides a topic's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicFacts {
    pub proposal: bool,
    pub support_count: i64,
    pub support_needed: i64,
    pub support_deadline: DateTime<Utc>,
    pub has_vote: bool,
    pub has_follow_up: bool,
}

pub fn state(facts: TopicFacts, now: DateTime<Utc>) -> TopicState {
    if facts.has_follow_up {
        TopicState::Concluded
    } else if !facts.proposal || facts.has_vote {
        TopicState::Discussion
    } else if now > facts.support_deadline {
        TopicState::Lapsed
    } else {
        TopicState::Proposed
    }
}

/// Support is taken only while a proposal is gathering it.
pub fn may_support(state: TopicState) -> Result<(), AppError> {
    match state {
        TopicState::Proposed => Ok(()),
        _ => Err(AppError::SupportClosed),
    }
}

/// Whether the support just counted takes the proposal to its vote. Supports are counted
/// one at a time under the topic's row lock, and the vote is opened only while the topic
/// has none, so exactly one supporter opens it however many press at once.
pub fn goes_to_vote(support_count: i64, support_needed: i64, has_vote: bool) -> bool {
    !has_vote && support_count >= support_needed
}

/// The vote a supported proposal goes to: yes/no/abstain, one ballot per household (the
/// unit that supported it), secret, open at once for the community's set number of days.
pub fn proposal_vote(title: &str, body: &str, vote_days: i64, now: DateTime<Utc>) -> NewVote {
    NewVote {
        question: title.to_owned(),
        description: body.to_owned(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility: Eligibility::Households,
        matter: None,
        secret: true,
        final_on_cast: false,
        opens_at: now,
        closes_at: now + Duration::days(vote_days),
    }
}

/// The deadline of a proposal made now.
pub fn support_deadline(rules: ProposalRules, now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(i64::from(rules.support_days))
}

/// The follow-up comes after the vote, or at any time for a topic without one.
pub fn may_post_follow_up(vote: Option<VotePhase>) -> Result<(), AppError> {
    match vote {
        Some(VotePhase::Scheduled | VotePhase::Open) => Err(AppError::VoteStillOpen),
        Some(VotePhase::Closed) | None => Ok(()),
    }
}

/// A reply to a reply joins its thread: it hangs under the top-level comment, so the
/// discussion stays one level deep without refusing anyone.
pub fn reply_parent(target: CommentId, target_parent: Option<CommentId>) -> CommentId {
    target_parent.unwrap_or(target)
}

/// Groups comments (oldest first) into threads: top-level comments each with their
/// replies, oldest first. Replies whose parent is missing are dropped, never promoted.
pub fn threads<C>(comments: Vec<(CommentId, Option<CommentId>, C)>) -> Vec<(C, Vec<C>)> {
    let mut replies: BTreeMap<CommentId, Vec<C>> = BTreeMap::new();
    let mut top = Vec::new();
    for (id, parent, comment) in comments {
        match parent {
            Some(parent) => replies.entry(parent).or_default().push(comment),
            None => top.push((id, comment)),
        }
    }
    top.into_iter().map(|(id, comment)| (comment, replies.remove(&id).unwrap_or_default())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 8, 0, 0).unwrap()
    }

    fn proposal() -> TopicFacts {
        TopicFacts {
            proposal: true,
            support_count: 3,
            support_needed: 20,
            support_deadline: at(15),
            has_vote: false,
            has_follow_up: false,
        }
    }

    #[test]
    fn a_proposal_gathers_support_until_its_deadline_then_lapses() {
        assert_eq!(state(proposal(), at(10)), TopicState::Proposed);
        assert_eq!(state(proposal(), at(15)), TopicState::Proposed, "the deadline itself still counts");
        assert_eq!(state(proposal(), at(16)), TopicState::Lapsed);
        assert_eq!(may_support(TopicState::Lapsed).unwrap_err().to_string(), AppError::SupportClosed.to_string());
    }

    #[test]
    fn a_proposal_with_its_vote_is_a_discussion_and_takes_no_more_support() {
        let voted = TopicFacts { has_vote: true, support_count: 20, ..proposal() };
        assert_eq!(state(voted, at(20)), TopicState::Discussion, "a vote never lapses afterwards");
        assert!(may_support(state(voted, at(10))).is_err());
    }

    #[test]
    fn staff_topics_never_lapse_and_a_follow_up_concludes_any_topic() {
        let staff = TopicFacts { proposal: false, ..proposal() };
        assert_eq!(state(staff, at(30)), TopicState::Discussion);
        assert_eq!(state(TopicFacts { has_follow_up: true, ..staff }, at(30)), TopicState::Concluded);
    }

    #[test]
    fn the_supporter_who_reaches_the_threshold_opens_the_vote_once() {
        assert!(!goes_to_vote(19, 20, false));
        assert!(goes_to_vote(20, 20, false));
        assert!(!goes_to_vote(21, 20, true), "the vote is already open");
        assert!(goes_to_vote(1, 1, false), "a threshold of one household");
    }

    #[test]
    fn a_proposal_vote_asks_the_households_for_the_set_days() {
        let rules = ProposalRules { support_households: 20, support_days: 14, vote_days: 7 };
        let vote = proposal_vote("加装电梯", "", i64::from(rules.vote_days), at(1));
        assert_eq!((vote.eligibility, vote.kind, vote.closes_at), (Eligibility::Households, VoteKind::YesNoAbstain, at(8)));
        assert_eq!(support_deadline(rules, at(1)), at(15));
    }

    #[test]
    fn the_follow_up_waits_for_the_vote_to_close() {
        assert!(may_post_follow_up(Some(VotePhase::Open)).is_err());
        assert!(may_post_follow_up(Some(VotePhase::Scheduled)).is_err());
        assert!(may_post_follow_up(Some(VotePhase::Closed)).is_ok());
        assert!(may_post_follow_up(None).is_ok());
    }

    #[test]
    fn threads_are_one_level_deep() {
        let (a, b, c) = (CommentId(1), CommentId(2), CommentId(3));
        assert_eq!(reply_parent(b, Some(a)), a, "a reply to a reply joins the thread");
        assert_eq!(reply_parent(a, None), a);
        let grouped = threads(vec![(a, None, "a"), (b, Some(a), "b"), (c, None, "c"), (CommentId(4), Some(a), "d")]);
        assert_eq!(grouped, vec![("a", vec!["b", "d"]), ("c", vec![])]);
        let orphan = threads(vec![(b, Some(CommentId(99)), "b")]);
        assert!(orphan.is_empty());
    }
}
