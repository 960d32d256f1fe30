//! A case's state machine, who may do and see what, its clocks (acceptance, escalation,
//! reopening) and the community's monthly figures: plain functions over plain data.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use linli_api::reports::{Party, ReportAction, ReportCategory, ReportEventKind, ReportFigures, ReportNews, ReportState};

/// How the viewer stands to a case. One person may be several (a handler who reported it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Who reported it, or their family acting for them.
    pub reporter: bool,
    /// The handler who accepted it.
    pub handler: bool,
    /// Belongs to the party (and pool) the case is with now, so may accept it.
    pub in_charge: bool,
    /// Residents' committee staff, who oversee every case: reassign and merge.
    pub staff: bool,
    /// A member of the community (a neighbour), who sees public cases.
    pub neighbour: bool,
    /// Reported a duplicate that staff merged into this case, and follows it here.
    pub follower: bool,
}

impl Viewer {
    /// A private case is the reporter's, staff's and its handlers' only (and followers',
    /// whose own report it absorbed).
    pub fn sees_case(self, public: bool) -> bool {
        self.reporter || self.handler || self.in_charge || self.staff || self.follower || (public && self.neighbour)
    }

    /// Who reported it, never shown to neighbours, even on a public case.
    pub fn sees_reporter(self) -> bool {
        self.reporter || self.handler || self.in_charge || self.staff
    }

    /// Neighbours who are not the reporter may say "me too" on a public case.
    pub fn may_second(self, public: bool, state: ReportState) -> bool {
        public && self.neighbour && !self.reporter && state.is_open()
    }
}

/// The steps only the reporter takes (or their family member, for them): whoever took them is
/// not named to those who may not know who reported the case.
pub fn by_reporter(kind: ReportEventKind) -> bool {
    matches!(kind, ReportEventKind::Submitted | ReportEventKind::Confirmed | ReportEventKind::Reopened)
}

/// The state after `action`, or None when the action does not apply in `state`.
pub fn next_state(state: ReportState, action: ReportAction) -> Option<ReportState> {
    use ReportAction as A;
    use ReportState as S;
    match (state, action) {
        (S::Submitted, A::Accept) => Some(S::Accepted),
        (S::Accepted, A::Start) => Some(S::InProgress),
        // A small job may be done on the spot, without a separate start.
        (S::Accepted | S::InProgress, A::Resolve) => Some(S::Resolved),
        (S::Resolved, A::Confirm) => Some(S::Confirmed),
        // Back to whoever handled it, who knows the case.
        (S::Resolved, A::Reopen) => Some(S::InProgress),
        // Sent elsewhere, it waits to be accepted there.
        (S::Submitted | S::Accepted | S::InProgress, A::Reassign) => Some(S::Submitted),
        (S::Submitted | S::Accepted | S::InProgress, A::Merge) => Some(S::Merged),
        _ => None,
    }
}

/// Whether the viewer's standing lets them take `action` at all.
pub fn may(viewer: Viewer, action: ReportAction) -> bool {
    match action {
        ReportAction::Accept => viewer.in_charge,
        ReportAction::Start | ReportAction::Resolve => viewer.handler,
        ReportAction::Confirm | ReportAction::Reopen => viewer.reporter,
        ReportAction::Reassign | ReportAction::Merge => viewer.staff,
    }
}

/// What the viewer may do to a case in `state` now.
pub fn actions(state: ReportState, viewer: Viewer) -> Vec<ReportAction> {
    ReportAction::ALL.into_iter().filter(|action| may(viewer, *action) && next_state(state, *action).is_some()).collect()
}

/// Whom a step's news goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whom {
    Reporter,
    /// Those whose duplicates were merged into the case.
    Followers,
    /// The handler who accepted it.
    Handler,
    /// Whoever may accept it now: the party it is with, and staff, who oversee every case.
    InCharge,
}

/// Who hears what after a step of the record. Steps that only move the work along (a start,
/// the clock's confirmation) reach open pages but raise no notification.
pub fn news_of(kind: ReportEventKind) -> &'static [(Whom, ReportNews)] {
    use ReportNews as N;
    use Whom as W;
    match kind {
        ReportEventKind::Submitted => &[(W::InCharge, N::New)],
        ReportEventKind::Accepted => &[(W::Reporter, N::Accepted)],
        ReportEventKind::Resolved => &[(W::Reporter, N::Resolved), (W::Followers, N::Resolved)],
        ReportEventKind::Reopened => &[(W::Handler, N::Reopened)],
        ReportEventKind::Confirmed => &[(W::Handler, N::Confirmed)],
        ReportEventKind::Escalated => &[(W::InCharge, N::Escalated), (W::Reporter, N::Escalated)],
        ReportEventKind::Reassigned => &[(W::InCharge, N::Reassigned), (W::Reporter, N::Reassigned)],
        ReportEventKind::Merged => &[(W::Reporter, N::Merged)],
        ReportEventKind::Started | ReportEventKind::AutoConfirmed => &[],
    }
}

/// By when a case sent to its party at `routed_at` must be accepted.
pub fn accept_by(routed_at: DateTime<Utc>, accept_within_minutes: u32) -> DateTime<Utc> {
    routed_at + Duration::minutes(i64::from(accept_within_minutes))
}

/// What the clock does to a case nobody accepted in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overdue {
    /// It goes up to this party, whose clock starts anew.
    Up(Party),
    /// There is no level above: staff are alerted again, and the clock starts anew.
    AtTop,
}

/// Whether a submitted case, with `party` since `routed_at`, is overdue at `now`, and where
/// it goes. Only a case waiting to be accepted escalates.
pub fn overdue(state: ReportState, party: Party, routed_at: DateTime<Utc>, accept_within_minutes: u32, now: DateTime<Utc>) -> Option<Overdue> {
    if state != ReportState::Submitted || now < accept_by(routed_at, accept_within_minutes) {
        return None;
    }
    Some(party.above().map_or(Overdue::AtTop, Overdue::Up))
}

/// Until when the reporter may reopen a case resolved at `resolved_at`.
pub fn reopen_until(resolved_at: DateTime<Utc>, reopen_days: u32) -> DateTime<Utc> {
    resolved_at + Duration::days(i64::from(reopen_days))
}

pub fn may_reopen(resolved_at: DateTime<Utc>, reopen_days: u32, now: DateTime<Utc>) -> bool {
    now < reopen_until(resolved_at, reopen_days)
}

/// A resolved case the reporter left alone past the time to reopen is confirmed by the clock.
pub fn confirms_itself(state: ReportState, resolved_at: DateTime<Utc>, reopen_days: u32, now: DateTime<Utc>) -> bool {
    state == ReportState::Resolved && !may_reopen(resolved_at, reopen_days, now)
}

/// One case's times, for the figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaseTimes {
    pub category: ReportCategory,
    pub party: Party,
    pub submitted_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub stars: Option<u8>,
}

/// The middle value (the mean of the two middle ones for an even count, rounded down).
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    values.sort_unstable();
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle]),
        _ => Some((values[middle - 1] + values[middle]).div_euclid(2)),
    }
}

/// Figures per category and party, in that order, of the cases given (one month's).
pub fn figures(cases: &[CaseTimes]) -> Vec<ReportFigures> {
    let mut groups: BTreeMap<(ReportCategory, Party), Vec<&CaseTimes>> = BTreeMap::new();
    for case in cases {
        groups.entry((case.category, case.party)).or_default().push(case);
    }
    groups
        .into_iter()
        .map(|((category, party), group)| {
            let minutes = |to: fn(&CaseTimes) -> Option<DateTime<Utc>>| {
                median(group.iter().filter_map(|case| to(case).map(|at| (at - case.submitted_at).num_minutes())).collect())
            };
            let stars: Vec<f64> = group.iter().filter_map(|case| case.stars).map(f64::from).collect();
            ReportFigures {
                category,
                party,
                cases: group.len() as u32,
                median_accept_minutes: minutes(|case| case.accepted_at),
                median_resolve_minutes: minutes(|case| case.resolved_at),
                satisfaction: (!stars.is_empty()).then(|| stars.iter().sum::<f64>() / stars.len() as f64),
                ratings: stars.len() as u32,
            }
        })
        .collect()
}

/// The first instant of a month and of the next, in the community's clock; None for a
/// month that does not exist.
pub fn month_bounds(year: i32, month: u32, utc_offset_minutes: i32) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let zone = FixedOffset::east_opt(utc_offset_minutes * 60)?;
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(year, month + 1, 1)? };
    let start = |date: NaiveDate| zone.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).single().map(|at| at.with_timezone(&Utc));
    Some((start(first)?, start(next)?))
}

/// The month (year, month) an instant falls in, in the community's clock.
pub fn month_of(at: DateTime<Utc>, utc_offset_minutes: i32) -> (i32, u32) {
    let zone = FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or(FixedOffset::east_opt(8 * 3600).expect("CST"));
    let local = at.with_timezone(&zone);
    (local.year(), local.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportAction as A;
    use ReportState as S;

    fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, minute, 0).unwrap()
    }

    #[test]
    fn only_the_reporters_steps_go_unnamed() {
        use ReportEventKind as K;
        let unnamed: Vec<_> = K::ALL.into_iter().filter(|kind| by_reporter(*kind)).collect();
        assert_eq!(unnamed, [K::Submitted, K::Confirmed, K::Reopened], "handlers, staff and the clock are always named");
    }

    #[test]
    fn every_allowed_step_and_only_those() {
        let allowed = [
            (S::Submitted, A::Accept, S::Accepted),
            (S::Accepted, A::Start, S::InProgress),
            (S::Accepted, A::Resolve, S::Resolved),
            (S::InProgress, A::Resolve, S::Resolved),
            (S::Resolved, A::Confirm, S::Confirmed),
            (S::Resolved, A::Reopen, S::InProgress),
            (S::Submitted, A::Reassign, S::Submitted),
            (S::Accepted, A::Reassign, S::Submitted),
            (S::InProgress, A::Reassign, S::Submitted),
            (S::Submitted, A::Merge, S::Merged),
            (S::Accepted, A::Merge, S::Merged),
            (S::InProgress, A::Merge, S::Merged),
        ];
        for state in S::ALL {
            for action in A::ALL {
                let expected = allowed.iter().find(|(from, by, _)| *from == state && *by == action).map(|(_, _, to)| *to);
                assert_eq!(next_state(state, action), expected, "{state:?} + {action:?}");
            }
        }
        for ended in [S::Confirmed, S::Merged] {
            assert!(A::ALL.into_iter().all(|action| next_state(ended, action).is_none()), "{ended:?} is final");
        }
    }

    #[test]
    fn each_step_is_taken_by_whoever_it_belongs_to() {
        let reporter = Viewer { reporter: true, neighbour: true, ..Viewer::default() };
        let pool = Viewer { in_charge: true, ..Viewer::default() };
        let handler = Viewer { handler: true, in_charge: true, ..Viewer::default() };
        let staff = Viewer { staff: true, neighbour: true, ..Viewer::default() };
        let neighbour = Viewer { neighbour: true, ..Viewer::default() };
        assert_eq!(actions(S::Submitted, pool), [A::Accept]);
        assert_eq!(actions(S::Submitted, reporter), []);
        assert_eq!(actions(S::Accepted, handler), [A::Start, A::Resolve]);
        assert_eq!(actions(S::InProgress, handler), [A::Resolve]);
        assert_eq!(actions(S::Resolved, reporter), [A::Confirm, A::Reopen]);
        assert_eq!(actions(S::Resolved, handler), [], "the handler cannot confirm their own work");
        assert_eq!(actions(S::InProgress, staff), [A::Reassign, A::Merge]);
        assert_eq!(actions(S::Submitted, neighbour), []);
    }

    #[test]
    fn neighbours_see_public_cases_but_never_who_reported_them() {
        let neighbour = Viewer { neighbour: true, ..Viewer::default() };
        assert!(neighbour.sees_case(true) && !neighbour.sees_case(false));
        assert!(!neighbour.sees_reporter());
        assert!(neighbour.may_second(true, S::Submitted) && !neighbour.may_second(false, S::Submitted));
        assert!(!neighbour.may_second(true, S::Resolved), "nothing to back once it is resolved");
        let reporter = Viewer { reporter: true, neighbour: true, ..Viewer::default() };
        assert!(reporter.sees_case(false) && !reporter.may_second(true, S::Submitted), "no 'me too' on one's own case");
        let handler = Viewer { in_charge: true, ..Viewer::default() };
        assert!(handler.sees_case(false) && handler.sees_reporter(), "the handler needs to know whom to call");
    }

    #[test]
    fn followers_see_the_case_their_duplicate_went_into_but_not_who_reported_it() {
        let follower = Viewer { follower: true, neighbour: true, ..Viewer::default() };
        assert!(follower.sees_case(false), "even a private one: it absorbed their own report");
        assert!(!follower.sees_reporter());
        assert_eq!(actions(S::Resolved, follower), [], "only the reporter confirms");
    }

    #[test]
    fn news_reaches_whoever_waits_for_it() {
        assert_eq!(news_of(ReportEventKind::Submitted), [(Whom::InCharge, ReportNews::New)]);
        assert_eq!(news_of(ReportEventKind::Accepted), [(Whom::Reporter, ReportNews::Accepted)]);
        assert!(news_of(ReportEventKind::Resolved).contains(&(Whom::Followers, ReportNews::Resolved)));
        assert_eq!(news_of(ReportEventKind::Reopened), [(Whom::Handler, ReportNews::Reopened)]);
        assert!(news_of(ReportEventKind::Escalated).contains(&(Whom::InCharge, ReportNews::Escalated)), "staff are alerted");
        assert!(news_of(ReportEventKind::Started).is_empty() && news_of(ReportEventKind::AutoConfirmed).is_empty());
        for kind in ReportEventKind::ALL {
            let whom: Vec<Whom> = news_of(kind).iter().map(|(whom, _)| *whom).collect();
            assert!(whom.iter().enumerate().all(|(i, w)| !whom[i + 1..].contains(w)), "{kind:?} tells each once");
        }
    }

    #[test]
    fn a_case_not_accepted_in_time_goes_up_a_level_until_the_street_office() {
        let routed = at(2, 1, 0);
        let two_hours = 120;
        assert_eq!(accept_by(routed, two_hours), at(2, 3, 0));
        assert_eq!(overdue(S::Submitted, Party::PropertyCompany, routed, two_hours, at(2, 2, 59)), None);
        assert_eq!(overdue(S::Submitted, Party::PropertyCompany, routed, two_hours, at(2, 3, 0)), Some(Overdue::Up(Party::ResidentsCommittee)));
        assert_eq!(overdue(S::Submitted, Party::ResidentsCommittee, routed, two_hours, at(2, 5, 0)), Some(Overdue::Up(Party::StreetOffice)));
        assert_eq!(overdue(S::Submitted, Party::StreetOffice, routed, two_hours, at(2, 5, 0)), Some(Overdue::AtTop));
        assert_eq!(overdue(S::Accepted, Party::PropertyCompany, routed, two_hours, at(3, 0, 0)), None, "accepted cases do not escalate");
    }

    #[test]
    fn a_resolved_case_may_be_reopened_for_a_while_then_confirms_itself() {
        let resolved = at(1, 8, 0);
        assert!(may_reopen(resolved, 7, at(8, 7, 59)));
        assert!(!may_reopen(resolved, 7, at(8, 8, 0)));
        assert!(!confirms_itself(S::Resolved, resolved, 7, at(8, 7, 59)));
        assert!(confirms_itself(S::Resolved, resolved, 7, at(8, 8, 0)));
        assert!(!confirms_itself(S::InProgress, resolved, 7, at(20, 0, 0)), "only resolved cases");
    }

    #[test]
    fn medians_take_the_middle_and_figures_group_by_category_and_party() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![30, 10, 20]), Some(20));
        assert_eq!(median(vec![40, 10, 20, 30]), Some(25));
        let case = |category, party, accepted: Option<i64>, resolved: Option<i64>, stars| CaseTimes {
            category,
            party,
            submitted_at: at(1, 0, 0),
            accepted_at: accepted.map(|minutes| at(1, 0, 0) + Duration::minutes(minutes)),
            resolved_at: resolved.map(|minutes| at(1, 0, 0) + Duration::minutes(minutes)),
            stars,
        };
        let cases = [
            case(ReportCategory::Safety, Party::ResidentsCommittee, Some(30), Some(300), Some(4)),
            case(ReportCategory::HomeRepair, Party::PropertyCompany, Some(60), Some(600), Some(5)),
            case(ReportCategory::HomeRepair, Party::PropertyCompany, Some(120), None, None),
            case(ReportCategory::HomeRepair, Party::PropertyCompany, None, None, None),
            case(ReportCategory::HomeRepair, Party::PropertyCompany, Some(20), Some(100), Some(2)),
        ];
        let figures = figures(&cases);
        assert_eq!(figures.len(), 2);
        let repairs = &figures[0];
        assert_eq!((repairs.category, repairs.party, repairs.cases), (ReportCategory::HomeRepair, Party::PropertyCompany, 4));
        assert_eq!(repairs.median_accept_minutes, Some(60), "of the three accepted");
        assert_eq!(repairs.median_resolve_minutes, Some(350), "of the two resolved");
        assert_eq!((repairs.satisfaction, repairs.ratings), (Some(3.5), 2));
        assert_eq!(figures[1].category, ReportCategory::Safety);
    }

    #[test]
    fn months_are_the_communitys_clock() {
        let (start, end) = month_bounds(2026, 12, 480).unwrap();
        assert_eq!(start, Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap());
        assert_eq!(end, Utc.with_ymd_and_hms(2026, 12, 31, 16, 0, 0).unwrap());
        assert_eq!(month_bounds(2026, 13, 480), None);
        // 23:00 UTC on 30 November is already December in Beijing.
        assert_eq!(month_of(Utc.with_ymd_and_hms(2026, 11, 30, 23, 0, 0).unwrap(), 480), (2026, 12));
    }
}
