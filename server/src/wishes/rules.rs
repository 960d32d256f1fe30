//! A wish's state machine, who may do what, and the clock of a claim: plain functions over
//! plain data.

use chrono::{DateTime, Duration, Utc};
use linli_api::wishes::{WishAction, WishNews, WishState};

/// How the viewer stands to a wish. One person may be several (staff who posted it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewer {
    /// The wisher, or a family member acting for them.
    pub wisher: bool,
    /// The volunteer holding the live claim.
    pub claimer: bool,
    /// Residents' committee staff, who moderate and may confirm for someone without the app.
    pub staff: bool,
    /// May volunteer: a member of the community acting for themselves (not a family account).
    pub volunteer: bool,
}

impl Viewer {
    /// Who sees the wisher's contact: the volunteer holding the wish, and staff.
    pub fn sees_contact(self) -> bool {
        self.claimer || self.staff
    }

    /// Who sees the whole history.
    pub fn sees_history(self) -> bool {
        self.wisher || self.claimer || self.staff
    }

    /// Who sees a wish that is not on the board (pending, declined, withdrawn).
    pub fn sees_unpublished(self) -> bool {
        self.wisher || self.staff || self.claimer
    }
}

/// The state after `action`, or None when the action does not apply in `state`.
pub fn next_state(state: WishState, action: WishAction) -> Option<WishState> {
    use WishAction as A;
    use WishState as S;
    match (state, action) {
        (S::Pending, A::Approve) => Some(S::Open),
        (S::Pending, A::Reject) => Some(S::Rejected),
        (S::Open, A::Claim) => Some(S::Claimed),
        (S::Claimed, A::Release) => Some(S::Open),
        (S::Claimed, A::Fulfil) => Some(S::Fulfilled),
        (S::Fulfilled, A::Confirm) => Some(S::Closed),
        (S::Pending | S::Open | S::Claimed | S::Fulfilled, A::Withdraw) => Some(S::Withdrawn),
        _ => None,
    }
}

/// Whether the viewer's standing lets them take `action` at all.
pub fn may(viewer: Viewer, action: WishAction) -> bool {
    match action {
        WishAction::Approve | WishAction::Reject => viewer.staff,
        // Nobody claims their own wish.
        WishAction::Claim => viewer.volunteer && !viewer.wisher,
        WishAction::Release | WishAction::Fulfil => viewer.claimer,
        WishAction::Confirm | WishAction::Withdraw => viewer.wisher || viewer.staff,
    }
}

const EVERY_ACTION: [WishAction; 7] = [
    WishAction::Approve,
    WishAction::Reject,
    WishAction::Claim,
    WishAction::Release,
    WishAction::Fulfil,
    WishAction::Confirm,
    WishAction::Withdraw,
];

/// What the viewer may do to a wish in `state` now.
pub fn actions(state: WishState, viewer: Viewer) -> Vec<WishAction> {
    EVERY_ACTION.into_iter().filter(|action| may(viewer, *action) && next_state(state, *action).is_some()).collect()
}

/// When a claim made at `claimed_at` runs out.
pub fn claim_expires_at(claimed_at: DateTime<Utc>, claim_days: u32) -> DateTime<Utc> {
    claimed_at + Duration::days(i64::from(claim_days))
}

/// When the volunteer is reminded: a day before the claim runs out, or halfway through a
/// claim shorter than two days.
pub fn reminder_at(claimed_at: DateTime<Utc>, expires_at: DateTime<Utc>) -> DateTime<Utc> {
    let lead = Duration::days(1).min((expires_at - claimed_at) / 2);
    expires_at - lead
}

pub fn claim_is_live(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < expires_at
}

/// Who hears of a step, and what: (news for the wisher, news for the volunteer). `by_staff`:
/// staff, not the wisher, took the step.
pub fn news_of(action: WishAction, by_staff: bool) -> (Option<WishNews>, Option<WishNews>) {
    match action {
        WishAction::Approve => (Some(WishNews::Approved), None),
        WishAction::Reject => (Some(WishNews::Rejected), None),
        WishAction::Claim => (Some(WishNews::Claimed), None),
        WishAction::Release => (Some(WishNews::BackOnBoard), None),
        WishAction::Fulfil => (Some(WishNews::Fulfilled), None),
        WishAction::Confirm => (None, Some(WishNews::Confirmed)),
        WishAction::Withdraw => (by_staff.then_some(WishNews::Withdrawn), Some(WishNews::Withdrawn)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WishAction as A;
    use WishState as S;

    #[test]
    fn every_allowed_transition() {
        let allowed = [
            (S::Pending, A::Approve, S::Open),
            (S::Pending, A::Reject, S::Rejected),
            (S::Pending, A::Withdraw, S::Withdrawn),
            (S::Open, A::Claim, S::Claimed),
            (S::Open, A::Withdraw, S::Withdrawn),
            (S::Claimed, A::Release, S::Open),
            (S::Claimed, A::Fulfil, S::Fulfilled),
            (S::Claimed, A::Withdraw, S::Withdrawn),
            (S::Fulfilled, A::Confirm, S::Closed),
            (S::Fulfilled, A::Withdraw, S::Withdrawn),
        ];
        for (state, action, after) in allowed {
            assert_eq!(next_state(state, action), Some(after), "{state:?} + {action:?}");
        }
        // Every other pair is forbidden.
        let mut forbidden = 0;
        for state in S::ALL {
            for action in EVERY_ACTION {
                if !allowed.iter().any(|(s, a, _)| *s == state && *a == action) {
                    assert_eq!(next_state(state, action), None, "{state:?} + {action:?}");
                    forbidden += 1;
                }
            }
        }
        assert_eq!(forbidden, S::ALL.len() * EVERY_ACTION.len() - allowed.len());
    }

    #[test]
    fn finished_wishes_take_no_action() {
        for state in [S::Rejected, S::Closed, S::Withdrawn] {
            let everyone = Viewer { wisher: true, claimer: true, staff: true, volunteer: true };
            assert!(actions(state, everyone).is_empty(), "{state:?}");
        }
    }

    #[test]
    fn staff_moderate_neighbours_claim_and_the_claimer_fulfils() {
        let staff = Viewer { staff: true, volunteer: true, ..Viewer::default() };
        let neighbour = Viewer { volunteer: true, ..Viewer::default() };
        let wisher = Viewer { wisher: true, volunteer: true, ..Viewer::default() };
        let claimer = Viewer { claimer: true, volunteer: true, ..Viewer::default() };
        assert_eq!(actions(S::Pending, staff), [A::Approve, A::Reject, A::Withdraw]);
        assert_eq!(actions(S::Pending, neighbour), []);
        assert_eq!(actions(S::Pending, wisher), [A::Withdraw]);
        assert_eq!(actions(S::Open, neighbour), [A::Claim]);
        assert_eq!(actions(S::Open, wisher), [A::Withdraw], "nobody claims their own wish");
        assert_eq!(actions(S::Claimed, neighbour), []);
        assert_eq!(actions(S::Claimed, claimer), [A::Release, A::Fulfil]);
        assert_eq!(actions(S::Fulfilled, claimer), [], "the volunteer does not confirm their own work");
        assert_eq!(actions(S::Fulfilled, wisher), [A::Confirm, A::Withdraw]);
        assert_eq!(actions(S::Fulfilled, staff), [A::Confirm, A::Withdraw], "for a resident without the app");
    }

    #[test]
    fn a_family_member_acting_for_the_wisher_cannot_volunteer() {
        let family = Viewer { wisher: true, ..Viewer::default() };
        assert!(!may(family, A::Claim));
        assert!(!may(Viewer::default(), A::Claim));
    }

    #[test]
    fn contact_and_history_go_only_to_those_involved() {
        let claimer = Viewer { claimer: true, volunteer: true, ..Viewer::default() };
        let wisher = Viewer { wisher: true, ..Viewer::default() };
        let neighbour = Viewer { volunteer: true, ..Viewer::default() };
        assert!(claimer.sees_contact() && claimer.sees_history());
        assert!(!wisher.sees_contact() && wisher.sees_history());
        assert!(!neighbour.sees_contact() && !neighbour.sees_history() && !neighbour.sees_unpublished());
    }

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(hours * 3600, 0).unwrap()
    }

    #[test]
    fn a_claim_lasts_the_days_staff_set_and_not_a_moment_longer() {
        let expires = claim_expires_at(at(0), 7);
        assert_eq!(expires, at(7 * 24));
        assert!(claim_is_live(expires, at(7 * 24) - Duration::milliseconds(1)));
        assert!(!claim_is_live(expires, at(7 * 24)));
    }

    #[test]
    fn the_reminder_comes_a_day_before_or_halfway_through_a_short_claim() {
        assert_eq!(reminder_at(at(0), claim_expires_at(at(0), 7)), at(6 * 24));
        assert_eq!(reminder_at(at(0), claim_expires_at(at(0), 2)), at(24));
        assert_eq!(reminder_at(at(0), claim_expires_at(at(0), 1)), at(12));
    }

    #[test]
    fn each_step_tells_the_other_party() {
        assert_eq!(news_of(A::Claim, false), (Some(WishNews::Claimed), None));
        assert_eq!(news_of(A::Fulfil, false), (Some(WishNews::Fulfilled), None));
        assert_eq!(news_of(A::Confirm, true), (None, Some(WishNews::Confirmed)));
        assert_eq!(news_of(A::Withdraw, false), (None, Some(WishNews::Withdrawn)));
        assert_eq!(news_of(A::Withdraw, true), (Some(WishNews::Withdrawn), Some(WishNews::Withdrawn)), "taken down by staff");
    }
}
