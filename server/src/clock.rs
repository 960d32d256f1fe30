//! The one runner of the clock workers. Each module names what time does to its rows as
//! passes (campaigns decided at their cut-off, reminders, claims running out, cases going up a
//! level, resolutions confirming themselves); the runner makes every pass every few seconds.
//! A pass that fails is logged and made again at the next tick while the others run on; within
//! a pass, a row that fails is logged and skipped ([`row_done`]) so that it cannot hold up the
//! rows after it.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::error::AppResult;
use crate::state::AppState;

/// How often the clock looks.
pub const TICK: Duration = Duration::from_secs(5);

/// One pass over what is due; answers how many rows it changed.
pub type PassFuture = Pin<Box<dyn Future<Output = AppResult<usize>> + Send>>;

/// A module's pass, named for the log.
#[derive(Clone, Copy)]
pub struct Pass {
    pub what: &'static str,
    pub run: fn(AppState) -> PassFuture,
}

/// Runs every pass on every tick until the task is aborted (at shutdown).
pub async fn run(state: AppState, passes: Vec<Pass>) {
    let mut ticks = tokio::time::interval(TICK);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        for pass in &passes {
            if let Err(error) = (pass.run)(state.clone()).await {
                tracing::warn!(%error, what = pass.what, "a clock pass failed; trying again shortly");
            }
        }
    }
}

/// Rows a pass reads at a time: a pass goes through what is due batch after batch, so that
/// no tick holds every due row of a thousand communities at once.
pub const BATCH: i64 = 500;

/// Where a batch read stopped: the order key (a time) and the id of its last row.
pub type Resume = (i64, i64);

/// Makes `step` on every row `due` finds, a batch at a time: `due(after, BATCH)` answers
/// the rows after `after` in the order `resume_at` describes. A row whose step fails is
/// logged and left for the next tick, and the pass goes on past it. Answers how many steps
/// changed their row.
pub async fn each_due<Row, Due, DueFut, Step, StepFut>(what: &'static str, due: Due, resume_at: fn(&Row) -> Resume, step: Step) -> AppResult<usize>
where
    Due: FnMut(Option<Resume>, i64) -> DueFut,
    DueFut: Future<Output = AppResult<Vec<Row>>>,
    Step: FnMut(Row) -> StepFut,
    StepFut: Future<Output = AppResult<bool>>,
{
    each_due_by(BATCH, what, due, resume_at, step).await
}

async fn each_due_by<Row, Due, DueFut, Step, StepFut>(
    batch_size: i64,
    what: &'static str,
    mut due: Due,
    resume_at: fn(&Row) -> Resume,
    mut step: Step,
) -> AppResult<usize>
where
    Due: FnMut(Option<Resume>, i64) -> DueFut,
    DueFut: Future<Output = AppResult<Vec<Row>>>,
    Step: FnMut(Row) -> StepFut,
    StepFut: Future<Output = AppResult<bool>>,
{
    let mut after = None;
    let mut changed = 0;
    loop {
        let batch = due(after, batch_size).await?;
        let full = batch.len() as i64 >= batch_size;
        let Some(last) = batch.last() else { break };
        let next = resume_at(last);
        for row in batch {
            if row_done(what, step(row).await) == Some(true) {
                changed += 1;
            }
        }
        if !full {
            break;
        }
        after = Some(next);
    }
    Ok(changed)
}

/// One row's outcome within a pass: a failure is logged and the pass goes on to the next row.
pub fn row_done<T>(what: &'static str, outcome: AppResult<T>) -> Option<T> {
    match outcome {
        Ok(value) => Some(value),
        Err(error) => {
            tracing::warn!(%error, what, "a clock pass skipped a row it could not change; it comes again next tick");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    #[tokio::test]
    async fn a_pass_reads_batch_after_batch_and_goes_on_past_rows_that_fail() {
        // Rows (due time, id); the even ones fail, the rest change.
        let rows: Vec<Resume> = (1..=23).map(|id| (1_000 + id / 2, id)).collect();
        let reads = std::cell::Cell::new(0);
        let due = |after: Option<Resume>, limit: i64| {
            reads.set(reads.get() + 1);
            let batch: Vec<Resume> = rows.iter().copied().filter(|row| after.is_none_or(|after| *row > after)).take(limit as usize).collect();
            async move { Ok(batch) }
        };
        let seen = std::cell::RefCell::new(Vec::new());
        let step = |row: Resume| {
            seen.borrow_mut().push(row.1);
            async move { if row.1 % 2 == 0 { Err(AppError::NotFound) } else { Ok(true) } }
        };
        let changed = each_due_by(5, "testing", due, |row| *row, step).await.unwrap();
        assert_eq!(changed, 12, "the odd ids changed");
        assert_eq!(*seen.borrow(), (1..=23).collect::<Vec<_>>(), "every row once, in order");
        assert_eq!(reads.get(), 5, "five batches of at most five");
    }
}
