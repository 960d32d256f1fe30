//! The rules of appointments as plain functions: slots from the weekly schedule, what may be
//! booked, cancelled and checked in when, the order the queue is called in, and the pause
//! after repeated no-shows.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use linli_api::appointments::{limits, AppointmentRules, BookingState, TicketState, WeeklyHours};

/// What slot generation needs of a service.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub duration_minutes: u32,
    pub hours: Vec<WeeklyHours>,
    pub closed_days: Vec<NaiveDate>,
}

/// A slot as the schedule makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotTime {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: u32,
}

pub fn zone(utc_offset_minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or_else(|| FixedOffset::east_opt(8 * 3600).expect("CST"))
}

/// The community's date at `at`.
pub fn local_date(at: DateTime<Utc>, utc_offset_minutes: i32) -> NaiveDate {
    at.with_timezone(&zone(utc_offset_minutes)).date_naive()
}

/// The slots of one day: each opening block of that weekday cut into whole slots of the
/// service's duration (a remainder too short for a slot is not offered). None on a closed day.
pub fn slots_of_day(schedule: &Schedule, date: NaiveDate, utc_offset_minutes: i32) -> Vec<SlotTime> {
    if schedule.closed_days.contains(&date) {
        return Vec::new();
    }
    let zone = zone(utc_offset_minutes);
    let weekday = date.weekday().number_from_monday() as u8;
    let length = Duration::minutes(i64::from(schedule.duration_minutes.max(1)));
    let mut blocks: Vec<&WeeklyHours> = schedule.hours.iter().filter(|block| block.weekday == weekday).collect();
    blocks.sort_by_key(|block| block.opens);
    let mut slots = Vec::new();
    for block in blocks {
        let Some(opens) = zone.from_local_datetime(&date.and_time(block.opens)).single() else { continue };
        let Some(closes) = zone.from_local_datetime(&date.and_time(block.closes)).single() else { continue };
        let mut start = opens;
        while start + length <= closes {
            slots.push(SlotTime { starts_at: start.with_timezone(&Utc), ends_at: (start + length).with_timezone(&Utc), capacity: block.capacity });
            start += length;
        }
    }
    slots
}

/// Why a time cannot be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbookable {
    /// Not the start of a slot of the schedule (or a closed day).
    NotASlot,
    Past,
    TooFarAhead,
}

/// The slot starting at `starts_at`, if residents may book it now.
pub fn bookable_slot(schedule: &Schedule, starts_at: DateTime<Utc>, now: DateTime<Utc>, utc_offset_minutes: i32) -> Result<SlotTime, Unbookable> {
    let date = local_date(starts_at, utc_offset_minutes);
    let slot = slots_of_day(schedule, date, utc_offset_minutes)
        .into_iter()
        .find(|slot| slot.starts_at == starts_at)
        .ok_or(Unbookable::NotASlot)?;
    if slot.starts_at <= now {
        return Err(Unbookable::Past);
    }
    if date > local_date(now, utc_offset_minutes) + Duration::days(limits::BOOK_AHEAD_DAYS) {
        return Err(Unbookable::TooFarAhead);
    }
    Ok(slot)
}

/// Places left in a slot (never below zero, even if staff lowered the capacity).
pub fn free_places(capacity: u32, booked: u32) -> u32 {
    capacity.saturating_sub(booked)
}

/// A resident may cancel until the service's cut-off before the slot.
pub fn may_cancel(state: BookingState, starts_at: DateTime<Utc>, cancel_hours: u32, now: DateTime<Utc>) -> bool {
    matches!(state, BookingState::Pending | BookingState::Confirmed) && now < starts_at - Duration::hours(i64::from(cancel_hours))
}

/// Check-in is open from an hour before the slot until it ends.
pub fn may_check_in(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    starts_at - Duration::minutes(limits::CHECK_IN_EARLY_MINUTES) <= now && now < ends_at
}

/// Until when booking is paused after no-shows: `limit` no-shows within `window_days`
/// pause it for `pause_days` after the latest of them.
pub fn paused_until(no_shows: &[DateTime<Utc>], rules: AppointmentRules, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let window_start = now - Duration::days(i64::from(rules.window_days));
    let recent: Vec<_> = no_shows.iter().filter(|at| **at > window_start && **at <= now).collect();
    if recent.len() < rules.no_show_limit as usize {
        return None;
    }
    let latest = recent.into_iter().max()?;
    let until = *latest + Duration::days(i64::from(rules.pause_days));
    (until > now).then_some(until)
}

/// What can happen to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingStep {
    Approve,
    Reject,
    Cancel,
    CheckIn,
    Serve,
    /// Called at the desk and not there.
    MissAtDesk,
    /// The slot ended without a check-in (the clock).
    MissSlot,
    /// The slot ended before staff decided (the clock): the place is given up.
    Lapse,
}

/// The booking's state after `step`, or None when the step does not apply.
pub fn next_booking_state(state: BookingState, step: BookingStep) -> Option<BookingState> {
    use BookingState as S;
    use BookingStep as B;
    match (state, step) {
        (S::Pending, B::Approve) => Some(S::Confirmed),
        (S::Pending, B::Reject) => Some(S::Rejected),
        (S::Pending | S::Confirmed, B::Cancel) => Some(S::Cancelled),
        (S::Pending, B::Lapse) => Some(S::Cancelled),
        (S::Confirmed, B::CheckIn) => Some(S::CheckedIn),
        (S::Confirmed, B::MissSlot) => Some(S::NoShow),
        (S::CheckedIn, B::Serve) => Some(S::Served),
        (S::CheckedIn, B::MissAtDesk) => Some(S::NoShow),
        _ => None,
    }
}

/// A ticket as the calling order sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub number: i64,
    pub state: TicketState,
    /// The booked slot's start; none for a walk-in.
    pub slot_starts_at: Option<DateTime<Utc>>,
    pub issued_at: DateTime<Utc>,
}

impl Queued {
    /// Booked check-ins go by their slot, walk-ins by when they came; within the same time
    /// a booking goes first, then the lower number.
    fn key(&self) -> (DateTime<Utc>, bool, i64) {
        match self.slot_starts_at {
            Some(slot) => (slot, false, self.number),
            None => (self.issued_at, true, self.number),
        }
    }
}

/// The waiting tickets in the order they will be called.
pub fn calling_order(tickets: &[Queued]) -> Vec<Queued> {
    let mut waiting: Vec<Queued> = tickets.iter().filter(|ticket| ticket.state == TicketState::Waiting).copied().collect();
    waiting.sort_by_key(Queued::key);
    waiting
}

/// How many are called before `ticket` (0 unless it is waiting).
pub fn ahead_of(tickets: &[Queued], ticket: i64) -> u32 {
    calling_order(tickets).iter().position(|queued| queued.id == ticket).map_or(0, |position| position as u32)
}

/// The label of a number: prefix and three digits (A007, A123, A1234).
pub fn ticket_label(prefix: &str, number: i64) -> String {
    format!("{prefix}{number:03}")
}

/// When the day-before and hour-before reminders are due; none for a booking made after
/// its reminder's time would have come.
pub fn reminder_times(starts_at: DateTime<Utc>, booked_at: DateTime<Utc>) -> (Option<DateTime<Utc>>, DateTime<Utc>) {
    let day_before = starts_at - Duration::days(1);
    ((booked_at < day_before).then_some(day_before), starts_at - Duration::hours(1))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    const CST: i32 = 480;

    fn time(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    /// 2026-12-07 is a Monday.
    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn cst(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
        zone(CST).from_local_datetime(&date.and_time(time(hour, minute))).unwrap().with_timezone(&Utc)
    }

    fn schedule() -> Schedule {
        Schedule {
            duration_minutes: 30,
            hours: vec![
                WeeklyHours { weekday: 1, opens: time(14, 0), closes: time(15, 15), capacity: 2 },
                WeeklyHours { weekday: 1, opens: time(9, 0), closes: time(10, 0), capacity: 3 },
                WeeklyHours { weekday: 3, opens: time(9, 0), closes: time(9, 30), capacity: 1 },
            ],
            closed_days: vec![monday() + Duration::days(7)],
        }
    }

    #[test]
    fn a_day_is_cut_into_whole_slots_in_the_community_zone() {
        let slots = slots_of_day(&schedule(), monday(), CST);
        let starts: Vec<_> = slots.iter().map(|slot| slot.starts_at).collect();
        // 14:00-15:15 holds two whole slots; the last 15 minutes are not offered.
        assert_eq!(starts, [cst(monday(), 9, 0), cst(monday(), 9, 30), cst(monday(), 14, 0), cst(monday(), 14, 30)]);
        assert_eq!(slots[0].starts_at.to_rfc3339(), "2026-12-07T01:00:00+00:00", "09:00 in Beijing is 01:00 UTC");
        assert_eq!((slots[0].capacity, slots[2].capacity), (3, 2));
        assert_eq!(slots[3].ends_at, cst(monday(), 15, 0));
        assert!(slots_of_day(&schedule(), monday() + Duration::days(1), CST).is_empty(), "no hours on Tuesday");
        assert!(slots_of_day(&schedule(), monday() + Duration::days(7), CST).is_empty(), "a closed day");
        assert_eq!(slots_of_day(&schedule(), monday() + Duration::days(14), CST).len(), 4, "the next Monday again");
    }

    #[test]
    fn only_future_slots_of_the_schedule_within_the_booking_window_can_be_booked() {
        let now = cst(monday(), 9, 10);
        assert_eq!(bookable_slot(&schedule(), cst(monday(), 9, 30), now, CST).map(|slot| slot.capacity), Ok(3));
        assert_eq!(bookable_slot(&schedule(), cst(monday(), 9, 0), now, CST), Err(Unbookable::Past), "it started");
        assert_eq!(bookable_slot(&schedule(), cst(monday(), 9, 15), now, CST), Err(Unbookable::NotASlot), "not a slot's start");
        assert_eq!(bookable_slot(&schedule(), cst(monday() + Duration::days(7), 9, 0), now, CST), Err(Unbookable::NotASlot), "closed");
        let far = monday() + Duration::days(35);
        assert_eq!(bookable_slot(&schedule(), cst(far, 9, 0), now, CST), Err(Unbookable::TooFarAhead));
        let last_day = monday() + Duration::days(28);
        assert!(bookable_slot(&schedule(), cst(last_day, 9, 0), now, CST).is_ok(), "four weeks ahead is within 30 days");
    }

    #[test]
    fn free_places_never_go_below_zero() {
        assert_eq!(free_places(3, 1), 2);
        assert_eq!(free_places(3, 3), 0);
        assert_eq!(free_places(2, 3), 0, "staff lowered the capacity after bookings");
    }

    #[test]
    fn cancelling_closes_at_the_cut_off_and_check_in_opens_an_hour_before() {
        let starts = cst(monday(), 14, 0);
        assert!(may_cancel(BookingState::Confirmed, starts, 2, cst(monday(), 11, 59)));
        assert!(!may_cancel(BookingState::Confirmed, starts, 2, cst(monday(), 12, 0)));
        assert!(!may_cancel(BookingState::CheckedIn, starts, 2, cst(monday(), 9, 0)), "not once at the desk");
        assert!(may_cancel(BookingState::Pending, starts, 0, cst(monday(), 13, 59)));
        let ends = cst(monday(), 14, 30);
        assert!(!may_check_in(starts, ends, cst(monday(), 12, 59)));
        assert!(may_check_in(starts, ends, cst(monday(), 13, 0)));
        assert!(may_check_in(starts, ends, cst(monday(), 14, 29)));
        assert!(!may_check_in(starts, ends, ends));
    }

    #[test]
    fn repeated_no_shows_pause_booking_for_a_while() {
        let rules = AppointmentRules { no_show_limit: 3, window_days: 90, pause_days: 30 };
        let now = cst(monday(), 12, 0);
        let days_ago = |days| now - Duration::days(days);
        assert_eq!(paused_until(&[days_ago(10), days_ago(20)], rules, now), None, "two are not three");
        assert_eq!(paused_until(&[days_ago(10), days_ago(20), days_ago(5)], rules, now), Some(days_ago(5) + Duration::days(30)));
        assert_eq!(paused_until(&[days_ago(100), days_ago(20), days_ago(5)], rules, now), None, "one is outside the window");
        assert_eq!(paused_until(&[days_ago(40), days_ago(45), days_ago(50)], rules, now), None, "the pause is over");
    }

    fn queued(id: i64, number: i64, slot: Option<DateTime<Utc>>, issued: DateTime<Utc>) -> Queued {
        Queued { id, number, state: TicketState::Waiting, slot_starts_at: slot, issued_at: issued }
    }

    #[test]
    fn booked_check_ins_go_ahead_of_walk_ins_within_their_slot() {
        let day = monday();
        let tickets = [
            // A walk-in at 9:20, before the 9:30 slot began.
            queued(1, 1, None, cst(day, 9, 20)),
            // Booked for 9:30, came early at 9:10.
            queued(2, 2, Some(cst(day, 9, 30)), cst(day, 9, 10)),
            // A walk-in at 9:30 sharp: the booking of that slot goes first.
            queued(3, 3, None, cst(day, 9, 30)),
            // Booked for 9:00 and late.
            queued(4, 4, Some(cst(day, 9, 0)), cst(day, 9, 40)),
            Queued { state: TicketState::Served, ..queued(5, 5, None, cst(day, 8, 50)) },
        ];
        let order: Vec<i64> = calling_order(&tickets).iter().map(|ticket| ticket.id).collect();
        assert_eq!(order, [4, 1, 2, 3]);
        assert_eq!(ahead_of(&tickets, 2), 2);
        assert_eq!(ahead_of(&tickets, 4), 0);
        assert_eq!(ahead_of(&tickets, 5), 0, "served: nobody ahead");
    }

    #[test]
    fn every_allowed_booking_step_and_only_those() {
        use BookingState as S;
        use BookingStep as B;
        let allowed = [
            (S::Pending, B::Approve, S::Confirmed),
            (S::Pending, B::Reject, S::Rejected),
            (S::Pending, B::Cancel, S::Cancelled),
            (S::Pending, B::Lapse, S::Cancelled),
            (S::Confirmed, B::Cancel, S::Cancelled),
            (S::Confirmed, B::CheckIn, S::CheckedIn),
            (S::Confirmed, B::MissSlot, S::NoShow),
            (S::CheckedIn, B::Serve, S::Served),
            (S::CheckedIn, B::MissAtDesk, S::NoShow),
        ];
        let steps = [B::Approve, B::Reject, B::Cancel, B::CheckIn, B::Serve, B::MissAtDesk, B::MissSlot, B::Lapse];
        for state in S::ALL {
            for step in steps {
                let expected = allowed.iter().find(|(s, b, _)| *s == state && *b == step).map(|(_, _, after)| *after);
                assert_eq!(next_booking_state(state, step), expected, "{state:?} + {step:?}");
            }
        }
        // A booking that gave up its place frees it; the others keep it.
        assert!(S::Confirmed.holds_place() && !S::Cancelled.holds_place() && !S::Rejected.holds_place() && !S::NoShow.holds_place());
    }

    #[test]
    fn numbers_carry_the_prefix_and_three_digits() {
        assert_eq!(ticket_label("A", 7), "A007");
        assert_eq!(ticket_label("BB", 123), "BB123");
        assert_eq!(ticket_label("A", 1234), "A1234");
    }

    #[test]
    fn reminders_come_a_day_and_an_hour_before() {
        let starts = cst(monday(), 14, 0);
        let (day, hour) = reminder_times(starts, cst(monday(), 9, 0) - Duration::days(3));
        assert_eq!((day, hour), (Some(cst(monday(), 14, 0) - Duration::days(1)), cst(monday(), 13, 0)));
        let (day, _) = reminder_times(starts, cst(monday(), 9, 0));
        assert_eq!(day, None, "booked the same morning: no day-before reminder");
    }
}
