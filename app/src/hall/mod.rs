//! The discussion hall (议事厅): `/hall` lists votes, open ones first, with a one-tap
//! yes/no/abstain right in the list; `/hall/votes/:id` is one vote with its live tally and,
//! for owners' decisions, every Article 278 threshold in plain words; `/hall/votes/:id/record`
//! lets anyone find their receipt; `/hall/new` is where staff open a vote. Staff also get,
//! on the vote page, who took part (`/hall/votes/:id/participants`, `participants.rs`) and
//! the result as a CSV file (`export.rs`).
//!
//! Topics (议题): `/hall` lists them below the votes (`topics.rs`); `/hall/topics/:id` is one
//! topic with its support, its vote, what was done after it (`topic.rs`) and its discussion
//! (`thread.rs`); `/hall/topics/new` is where residents propose one and staff open one
//! (`new_topic.rs`); `images.rs` uploads and shows their photos.

pub(crate) mod export;
pub(crate) mod images;
mod list;
pub(crate) mod new;
mod new_topic;
mod participants;
mod record;
mod tally;
mod thread;
mod topic;
mod topics;
mod vote;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::hall::{CastBallot, Vote, VoteKind};
use linli_api::ErrorCode;

use crate::i18n::{t, t_args};
use crate::session::Session;

pub use list::{HallPage, VoteCard};
pub use new::NewVotePage;
pub use new_topic::NewTopicPage;
pub use participants::ParticipantsPage;
pub use record::RecordPage;
pub use topic::TopicPage;
pub use vote::VotePage;

/// The words of option `index`: yes/no/abstain from Fluent, others as staff wrote them.
pub fn option_text(vote: &Vote, index: u32) -> String {
    match vote.kind {
        VoteKind::YesNoAbstain => t(match index {
            0 => "vote-yes",
            1 => "vote-no",
            _ => "vote-abstain",
        }),
        _ => vote.options.get(index as usize).cloned().unwrap_or_default(),
    }
}

/// How many options the vote has.
pub fn option_count(vote: &Vote) -> u32 {
    match vote.kind {
        VoteKind::YesNoAbstain => 3,
        _ => vote.options.len() as u32,
    }
}

/// A topic id from the route or the query string: a positive number, or nothing.
pub fn parse_topic_id(raw: Option<String>) -> Option<linli_api::ids::TopicId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(linli_api::ids::TopicId)
}

/// Time left until `closes_at`, in the largest whole unit: (Fluent id, count).
pub fn time_left(now: DateTime<Utc>, closes_at: DateTime<Utc>) -> (&'static str, i64) {
    let minutes = (closes_at - now).num_minutes().max(0);
    match minutes {
        m if m >= 60 * 24 => ("vote-left-days", m / (60 * 24)),
        m if m >= 60 => ("vote-left-hours", m / 60),
        m => ("vote-left-minutes", m.max(1)),
    }
}

pub fn time_left_text(closes_at: DateTime<Utc>) -> String {
    let (id, count) = time_left(crate::native::now(), closes_at);
    t_args(id, &[("count", count.into())])
}

/// Casts `choices` on `vote` through `client` (the reader's own, or acting as a family
/// proxy) and hands the vote as it now stands to `done`; an error to `failed`.
pub fn cast(
    session: Session,
    client: linli_api::Client,
    vote: &Vote,
    choices: Vec<u32>,
    done: impl FnOnce(Vote) + 'static,
    failed: RwSignal<Option<ErrorCode>>,
) {
    let id = vote.id;
    failed.set(None);
    spawn_local(async move {
        match client.cast_ballot(id, &CastBallot { choices }).await {
            Ok(vote) => done(vote),
            Err(error) => {
                session.on_error(error.code());
                failed.set(Some(error.code()));
            }
        }
    });
}

/// Keeps `vote`'s tally in step with the live counts the server pushes; after a resync
/// (counts were missed) loads the vote again through `client` (the reader's, or a proxy's).
pub fn follow_tally(session: Session, vote: RwSignal<Option<Vote>>, client: impl Fn() -> linli_api::Client + 'static) {
    Effect::new(move |_| {
        let Some((id, tally)) = session.live.vote_tally.get() else { return };
        vote.update(|vote| {
            if let Some(vote) = vote.as_mut().filter(|vote| vote.id == id) {
                vote.tally = tally;
            }
        });
    });
    session.live.reload_on_resync(move || {
        let Some(id) = vote.with_untracked(|vote| vote.as_ref().map(|vote| vote.id)) else { return };
        let client = client();
        spawn_local(async move {
            // A failed reload leaves the count as it was; the next event or resync corrects it.
            if let Ok(fresh) = client.vote(id).await {
                vote.try_set(Some(fresh));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn time_left_uses_the_largest_whole_unit() {
        let now = Utc::now();
        assert_eq!(time_left(now, now + Duration::days(3) + Duration::hours(5)), ("vote-left-days", 3));
        assert_eq!(time_left(now, now + Duration::hours(5)), ("vote-left-hours", 5));
        assert_eq!(time_left(now, now + Duration::seconds(20)), ("vote-left-minutes", 1));
        assert_eq!(time_left(now, now - Duration::hours(1)), ("vote-left-minutes", 1));
    }

    #[test]
    fn only_positive_numbers_are_topic_ids() {
        use linli_api::ids::TopicId;
        assert_eq!(parse_topic_id(Some("12".into())), Some(TopicId(12)));
        for bad in ["0", "-3", "abc", ""] {
            assert_eq!(parse_topic_id(Some(bad.into())), None, "{bad}");
        }
        assert_eq!(parse_topic_id(None), None);
    }
}
