//! A help request's state, derived from its timestamps, and what may happen next.

use chrono::{DateTime, Utc};
use linli_api::help::HelpState;

/// The stored facts of a request that decide its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

pub fn state(progress: Progress) -> HelpState {
    match progress {
        Progress { closed_at: Some(_), .. } => HelpState::Closed,
        Progress { acknowledged_at: Some(_), .. } => HelpState::Acknowledged,
        _ => HelpState::Open,
    }
}

/// What acknowledging does to a request in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acknowledge {
    /// The first staff member to acknowledge is the one coming.
    Take,
    /// Someone already is: acknowledging again changes nothing.
    AlreadyTaken,
    Refuse,
}

pub fn acknowledge(state: HelpState) -> Acknowledge {
    match state {
        HelpState::Open => Acknowledge::Take,
        HelpState::Acknowledged => Acknowledge::AlreadyTaken,
        HelpState::Closed => Acknowledge::Refuse,
    }
}

/// How long a closed request stays on the staff board and on the resident's screen.
pub const RECENT_HOURS: i64 = 24;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(minute * 60, 0)
    }

    #[test]
    fn the_state_follows_the_timestamps() {
        assert_eq!(state(Progress { acknowledged_at: None, closed_at: None }), HelpState::Open);
        assert_eq!(state(Progress { acknowledged_at: at(1), closed_at: None }), HelpState::Acknowledged);
        assert_eq!(state(Progress { acknowledged_at: at(1), closed_at: at(2) }), HelpState::Closed);
        // Called off by the resident before anyone came.
        assert_eq!(state(Progress { acknowledged_at: None, closed_at: at(2) }), HelpState::Closed);
    }

    #[test]
    fn only_an_open_request_can_be_taken() {
        assert_eq!(acknowledge(HelpState::Open), Acknowledge::Take);
        assert_eq!(acknowledge(HelpState::Acknowledged), Acknowledge::AlreadyTaken);
        assert_eq!(acknowledge(HelpState::Closed), Acknowledge::Refuse);
    }
}
