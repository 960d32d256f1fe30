//! The ballot box: group commit of ballots, one worker per vote.
//!
//! Ballots on one vote must take their turn (each extends the vote's hash chain), and a
//! turn used to cost a transaction of its own behind the vote's row lock. Here the ballots
//! that arrive while a batch is being written wait together and go into the next batch:
//! one transaction, one lock, a few multi-row statements for up to [`MAX_BATCH`] ballots.
//! Every tap still gets its own answer, and only after the batch holding it committed.
//! Several server processes stay correct: each batch takes the vote's row lock.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use linli_api::events::Event;
use linli_api::hall::Tally;
use linli_api::ids::{HouseholdId, UserId, VoteId};
use tokio::sync::{mpsc, oneshot};

use super::ballot::{self, CastRefusal};
use super::batch::{self, Incoming};
use super::routes::{community_sizes, tally};
use super::storage::{self, ChainRow, ParticipationRow, VoteRow};
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::family::HistoryEntry;
use crate::state::AppState;

/// The most ballots written in one transaction.
pub const MAX_BATCH: usize = 128;
/// A vote's worker stops after this long without ballots (a new one starts on the next).
const IDLE: Duration = Duration::from_secs(30);

/// A checked ballot: valid choices from an eligible voter.
#[derive(Debug)]
pub struct Submission {
    pub voter_key: String,
    pub choices: Vec<u32>,
    pub area: i64,
    pub resident: UserId,
    pub cast_by: UserId,
    pub household: Option<HouseholdId>,
    /// For a family proxy's ballot: the entry for the resident's history.
    pub history: Option<HistoryEntry>,
}

/// What the voter is told once their ballot is counted.
#[derive(Debug, Clone)]
pub struct Counted {
    pub receipt: String,
    pub cast_at: chrono::DateTime<chrono::Utc>,
    pub choices: Vec<u32>,
    /// The tally as of the batch that counted it.
    pub tally: Tally,
}

struct Waiting {
    submission: Submission,
    answer: oneshot::Sender<AppResult<Counted>>,
}

/// One channel per vote with ballots in flight; each worker knows its own generation, so
/// an idle one never removes its successor.
#[derive(Clone, Default)]
pub struct BallotBoxes(Arc<Mutex<Boxes>>);

#[derive(Default)]
struct Boxes {
    open: HashMap<VoteId, (u64, mpsc::UnboundedSender<Waiting>)>,
    generations: u64,
}

impl BallotBoxes {
    /// Puts the ballot in the vote's box and waits until it is counted or refused.
    pub async fn cast(&self, state: &AppState, vote: &VoteRow, submission: Submission) -> AppResult<Counted> {
        let (answer, answered) = oneshot::channel();
        let mut waiting = Waiting { submission, answer };
        // A worker that just went idle has left the map, but its channel may close a moment
        // later than we looked: then the ballot comes back and a fresh worker takes it.
        loop {
            let sender = self.sender(state, vote);
            match sender.send(waiting) {
                Ok(()) => break,
                Err(mpsc::error::SendError(returned)) => {
                    self.forget(vote.id, &sender);
                    waiting = returned;
                }
            }
        }
        answered.await.map_err(|_| AppError::Internal("the ballot box stopped".into()))?
    }

    fn sender(&self, state: &AppState, vote: &VoteRow) -> mpsc::UnboundedSender<Waiting> {
        let mut boxes = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, sender)) = boxes.open.get(&vote.id) {
            return sender.clone();
        }
        boxes.generations += 1;
        let generation = boxes.generations;
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(work(state.clone(), vote.clone(), generation, receiver));
        boxes.open.insert(vote.id, (generation, sender.clone()));
        sender
    }

    fn forget(&self, vote: VoteId, sender: &mpsc::UnboundedSender<Waiting>) {
        let mut boxes = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if boxes.open.get(&vote).is_some_and(|(_, current)| current.same_channel(sender)) {
            boxes.open.remove(&vote);
        }
    }

    fn retire(&self, vote: VoteId, generation: u64) {
        let mut boxes = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if boxes.open.get(&vote).is_some_and(|(current, _)| *current == generation) {
            boxes.open.remove(&vote);
        }
    }
}

/// A vote's worker: takes whatever is waiting (up to a batch), writes it, answers, repeats.
async fn work(state: AppState, vote: VoteRow, generation: u64, mut receiver: mpsc::UnboundedReceiver<Waiting>) {
    loop {
        let first = match tokio::time::timeout(IDLE, receiver.recv()).await {
            Ok(Some(first)) => first,
            Ok(None) => return,
            Err(_idle) => {
                // No new ballots reach a closed channel; those already in it are still
                // taken by this loop, then `recv` answers `None`.
                receiver.close();
                state.ballot_boxes.retire(vote.id, generation);
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(waiting) => batch.push(waiting),
                Err(_) => break,
            }
        }
        write_batch(&state, &vote, batch).await;
    }
}

async fn write_batch(state: &AppState, vote: &VoteRow, batch: Vec<Waiting>) {
    let (submissions, answers): (Vec<Submission>, Vec<_>) = batch.into_iter().map(|w| (w.submission, w.answer)).unzip();
    match commit_batch(state, vote, &submissions).await {
        Ok((outcomes, tally)) => {
            if outcomes.iter().any(Result::is_ok) {
                state.events.publish(vote.community, Audience::Members, Event::VoteTally { vote_id: vote.id, tally });
            }
            for (answer, outcome) in answers.into_iter().zip(outcomes) {
                let _ = answer.send(outcome);
            }
        }
        Err(error) => {
            tracing::error!(%error, vote = %vote.id, "a batch of ballots failed; none of it was written");
            for answer in answers {
                let _ = answer.send(Err(AppError::Internal("ballot batch failed".into())));
            }
        }
    }
}

type Outcomes = Vec<AppResult<Counted>>;

async fn commit_batch(state: &AppState, vote: &VoteRow, submissions: &[Submission]) -> AppResult<(Outcomes, Tally)> {
    let now = state.clock.now();
    let incoming: Vec<Incoming> = submissions
        .iter()
        .map(|s| Incoming {
            voter_key: s.voter_key.clone(),
            choices: s.choices.clone(),
            area: s.area,
            receipt: crate::community::rules::new_invite_code(&mut rand::thread_rng()),
        })
        .collect();
    // The community's size (the tally's denominator) is read before the vote's chain is
    // locked: counting 10,000 households under the lock would hold up every other ballot.
    let sizes = {
        let mut conn = state.db.pool.acquire().await?;
        community_sizes(&mut conn, vote.community).await?
    };
    let mut tx = state.db.begin_write().await?;
    let (length, head) = storage::lock_chain(&mut tx, vote.id).await?;
    let mut keys: Vec<&str> = incoming.iter().map(|i| i.voter_key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let before = storage::standings(&mut tx, vote.id, &keys).await?;
    let phase = ballot::phase(vote.opens_at, vote.closes_at, now);
    let plan = batch::plan(&incoming, length, &head, &before, phase, vote.final_on_cast, now.timestamp_millis());

    let appended: Vec<_> = plan.outcomes.iter().filter_map(|outcome| outcome.as_ref().ok()).collect();
    let chain: Vec<ChainRow> = appended
        .iter()
        .map(|a| ChainRow { sequence: a.sequence, receipt: &incoming[a.ballot].receipt, choices: &incoming[a.ballot].choices, hash: &a.hash })
        .collect();
    let sequences: HashMap<usize, i64> = appended.iter().map(|a| (a.ballot, a.sequence)).collect();
    let participation: Vec<ParticipationRow> = plan
        .counted
        .values()
        .map(|&index| {
            let s = &submissions[index];
            ParticipationRow {
                voter_key: &s.voter_key,
                resident: s.resident,
                cast_by: s.cast_by,
                household: s.household,
                area: s.area,
                counted_sequence: sequences[&index],
            }
        })
        .collect();
    if !chain.is_empty() {
        storage::append_chain(&mut tx, vote.id, now, &chain).await?;
        storage::count_ballots(&mut tx, vote.id, now, &participation).await?;
        storage::set_chain(&mut tx, vote.id, plan.length, &plan.head).await?;
        storage::add_to_totals(&mut tx, vote.id, &plan.deltas).await?;
        for appended in &appended {
            if let Some(history) = &submissions[appended.ballot].history {
                history.write(&mut tx, now).await?;
            }
        }
    }
    let tally = tally(&mut tx, &sizes, vote).await?;
    tx.commit().await?;

    let outcomes = plan
        .outcomes
        .into_iter()
        .zip(incoming)
        .map(|(outcome, ballot)| match outcome {
            Ok(_) => Ok(Counted { receipt: ballot.receipt, cast_at: now, choices: ballot.choices, tally: tally.clone() }),
            Err(CastRefusal::NotOpenYet) => Err(AppError::VoteNotOpen),
            Err(CastRefusal::Closed) => Err(AppError::VoteClosed),
            Err(CastRefusal::AlreadyFinal) => Err(AppError::BallotFinal),
        })
        .collect();
    Ok((outcomes, tally))
}
