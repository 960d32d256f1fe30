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
