//! What every handler can reach.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::auth::limiter::SignInLimiter;
use crate::db::Db;
use crate::events::EventHub;
use crate::hall::ballot_box::BallotBoxes;

/// The time source. Rules take time as a parameter; handlers ask the clock, so tests of
/// time-driven behaviour (expiry, escalation) can move time instead of sleeping.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    pub fn system() -> Self {
        Self(Arc::new(Utc::now))
    }

    pub fn from_fn(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        Self(Arc::new(now))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub events: EventHub,
    pub sign_in_limiter: Arc<SignInLimiter>,
    pub clock: Clock,
    pub ballot_boxes: BallotBoxes,
}
