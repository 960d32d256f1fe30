//! When a new vote opens and closes: now or at a date and time, closing a number of days
//! after opening or at a date and time. Times are typed in the community's zone
//! (`CommunityInfo.utc_offset_minutes`), whatever the device's own zone is, and checked here
//! before anything is sent: the opening not in the past, the closing after the opening.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Timelike, Utc};
use leptos::prelude::*;

use crate::i18n::{format_datetime, locale, t, t_args, tr, DEFAULT_UTC_OFFSET_MINUTES};
use crate::layout::{field_error_id, FieldError, FormError};
use crate::session::Session;

/// The days a vote may stay open, counted from its opening.
pub const DAYS: [i64; 4] = [1, 3, 7, 14];

/// What `<input type="datetime-local">` holds: `2026-11-23T14:05` (seconds optional).
const INPUT_FORMATS: [&str; 2] = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"];

fn zone(utc_offset_minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(utc_offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(DEFAULT_UTC_OFFSET_MINUTES * 60).expect("CST is valid"))
}

/// A `datetime-local` value read as a time in the community's zone; None when empty or
/// not a date and time.
pub fn parse_local(raw: &str, utc_offset_minutes: i32) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    let naive = INPUT_FORMATS.iter().find_map(|format| NaiveDateTime::parse_from_str(raw, format).ok())?;
    Some(naive.and_local_timezone(zone(utc_offset_minutes)).single()?.with_timezone(&Utc))
}

/// `at` as a `datetime-local` value in the community's zone, to the minute.
pub fn to_local_input(at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    at.with_timezone(&zone(utc_offset_minutes)).format("%Y-%m-%dT%H:%M").to_string()
}

/// The zone as people read it on a clock: `UTC+08:00`.
pub fn zone_text(utc_offset_minutes: i32) -> String {
    let sign = if utc_offset_minutes < 0 { '-' } else { '+' };
    let minutes = utc_offset_minutes.abs();
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The next whole hour after `now` (what the form offers when a later opening is chosen).
pub fn next_whole_hour(now: DateTime<Utc>) -> DateTime<Utc> {
    let hour = now.with_nanosecond(0).and_then(|t| t.with_second(0)).and_then(|t| t.with_minute(0)).unwrap_or(now);
    hour + Duration::hours(1)
}

/// When the vote opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opens {
    Now,
    /// A `datetime-local` value in the community's zone.
    At(String),
}

/// When the vote closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closes {
    AfterDays(i64),
    /// A `datetime-local` value in the community's zone.
    At(String),
}

/// Which time is wrong, and the Fluent id of the sentence that says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeError {
    pub opening: bool,
    pub message: &'static str,
}

impl TimeError {
    fn opening(message: &'static str) -> Self {
        TimeError { opening: true, message }
    }

    fn closing(message: &'static str) -> Self {
        TimeError { opening: false, message }
    }
}

/// The vote's `opens_at` and `closes_at`, or what is wrong with them. An opening earlier in
/// the current minute counts as now (the input has no seconds).
pub fn resolve(opens: &Opens, closes: &Closes, now: DateTime<Utc>, utc_offset_minutes: i32) -> Result<(DateTime<Utc>, DateTime<Utc>), TimeError> {
    let opens_at = match opens {
        Opens::Now => now,
        Opens::At(raw) if raw.trim().is_empty() => return Err(TimeError::opening("hall-staff-error-time-missing")),
        Opens::At(raw) => {
            let at = parse_local(raw, utc_offset_minutes).ok_or(TimeError::opening("hall-staff-error-time-invalid"))?;
            if at + Duration::minutes(1) <= now {
                return Err(TimeError::opening("hall-staff-error-opens-past"));
            }
            at.max(now)
        }
    };
    let closes_at = match closes {
        Closes::AfterDays(days) => opens_at + Duration::days(*days),
        Closes::At(raw) if raw.trim().is_empty() => return Err(TimeError::closing("hall-staff-error-time-missing")),
        Closes::At(raw) => parse_local(raw, utc_offset_minutes).ok_or(TimeError::closing("hall-staff-error-time-invalid"))?,
    };
    if closes_at <= opens_at {
        return Err(TimeError::closing("hall-staff-error-closes-before-opens"));
    }
    Ok((opens_at, closes_at))
}

/// The form's time fields, as signals.
#[derive(Clone, Copy)]
pub struct Schedule {
    opens_later: RwSignal<bool>,
    opens_at: RwSignal<String>,
    closes_at_time: RwSignal<bool>,
    days: RwSignal<i64>,
    closes_at: RwSignal<String>,
    error: RwSignal<Option<TimeError>>,
}

impl Default for Schedule {
    fn default() -> Self {
        Self::new()
    }
}

impl Schedule {
    /// Opens now, closes after seven days.
    pub fn new() -> Self {
        Schedule {
            opens_later: RwSignal::new(false),
            opens_at: RwSignal::new(String::new()),
            closes_at_time: RwSignal::new(false),
            days: RwSignal::new(7),
            closes_at: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    fn opens(&self) -> Opens {
        if self.opens_later.get() { Opens::At(self.opens_at.get()) } else { Opens::Now }
    }

    fn closes(&self) -> Closes {
        if self.closes_at_time.get() { Closes::At(self.closes_at.get()) } else { Closes::AfterDays(self.days.get()) }
    }

    /// The times to send, as of `now`; when they are wrong, the form shows why (and the
    /// form's own, server-side error is cleared, so one message speaks at a time).
    pub fn times(&self, form: FormError, utc_offset_minutes: i32, now: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let result = untrack(|| resolve(&self.opens(), &self.closes(), now, utc_offset_minutes));
        match result {
            Ok(times) => {
                self.error.set(None);
                Some(times)
            }
            Err(error) => {
                form.clear();
                self.error.set(Some(error));
                None
            }
        }
    }

    fn error_on(&self, opening: bool) -> Option<&'static str> {
        self.error.get().filter(|error| error.opening == opening).map(|error| error.message)
    }
}

/// The id of the element showing this form's own sentence about a time.
fn local_error_id(opening: bool) -> &'static str {
    if opening { "vote-opens-at-error" } else { "vote-closes-at-error" }
}

/// `aria-describedby` of a time input: its hint, then the sentence about it, if any.
fn described_by(form: FormError, schedule: Schedule, field: &'static str, opening: bool, hint: &'static str) -> String {
    let mut ids = vec![hint.to_owned()];
    if schedule.error_on(opening).is_some() {
        ids.push(local_error_id(opening).to_owned());
    }
    if form.on(field).is_some() {
        ids.push(field_error_id(field));
    }
    ids.join(" ")
}

#[component]
fn LocalError(schedule: Schedule, opening: bool) -> impl IntoView {
    move || {
        schedule.error_on(opening).map(|message| {
            view! { <p id=local_error_id(opening) class="field-error" role="alert">{move || t(message)}</p> }
        })
    }
}

/// "Opens" and "Closes", each a choice of two, with the date-and-time inputs in the
/// community's zone.
#[component]
pub fn ScheduleFields(form: FormError, schedule: Schedule) -> impl IntoView {
    let session = Session::get();
    let offset = move || session.utc_offset();
    let zone_hint = move || t_args("hall-staff-zone-hint", &[("zone", zone_text(offset()).into())]);
    let Schedule { opens_later, opens_at, closes_at_time, days, closes_at, .. } = schedule;
    // Choosing a time starts from a sensible one: the next whole hour, closing a week on.
    let choose_later = move |later: bool| {
        opens_later.set(later);
        if later && opens_at.get_untracked().trim().is_empty() {
            opens_at.set(to_local_input(next_whole_hour(crate::native::now()), untrack(offset)));
        }
    };
    let choose_closing_time = move |at_time: bool| {
        closes_at_time.set(at_time);
        if at_time && closes_at.get_untracked().trim().is_empty() {
            let offset = untrack(offset);
            let from = match untrack(|| schedule.opens()) {
                Opens::At(raw) => parse_local(&raw, offset).unwrap_or_else(crate::native::now),
                Opens::Now => crate::native::now(),
            };
            closes_at.set(to_local_input(from + Duration::days(days.get_untracked()), offset));
        }
    };
    // Once the form has said what is wrong, it says it again, or stops, as the times change.
    Effect::new(move |_| {
        let (opens, closes, offset) = (schedule.opens(), schedule.closes(), offset());
        if schedule.error.get_untracked().is_some() {
            schedule.error.set(resolve(&opens, &closes, crate::native::now(), offset).err());
        }
    });
    // When it will close, in words, while the times add up.
    let preview = move || {
        resolve(&schedule.opens(), &schedule.closes(), crate::native::now(), offset())
            .ok()
            .map(|(_, closes)| t_args("hall-staff-closes-preview", &[("date", format_datetime(locale(), closes, offset()).into())]))
    };
    let min = move || to_local_input(crate::native::now(), offset());
    view! {
        <fieldset class="grants schedule" id="vote-opens">
            <legend>{tr("hall-staff-opens-legend")}</legend>
            <div class="check">
                <input id="vote-opens-now" name="opens" type="radio" value="now"
                    prop:checked=move || !opens_later.get() on:change=move |_| choose_later(false)/>
                <label for="vote-opens-now">{tr("hall-staff-opens-now")}</label>
            </div>
            <div class="check">
                <input id="vote-opens-later" name="opens" type="radio" value="at"
                    prop:checked=move || opens_later.get() on:change=move |_| choose_later(true)/>
                <label for="vote-opens-later">{tr("hall-staff-opens-later")}</label>
            </div>
            <Show when=move || opens_later.get()>
                <div class="field">
                    <label for="vote-opens-at">{tr("hall-staff-opens-at")}</label>
                    <input id="vote-opens-at" name="opens_at" type="datetime-local" required min=min
                        aria-invalid=move || (schedule.error_on(true).is_some() || form.on("opens_at").is_some()).then_some("true")
                        aria-describedby=move || described_by(form, schedule, "opens_at", true, "vote-opens-at-hint")
                        bind:value=opens_at/>
                    <p id="vote-opens-at-hint" class="hint">{zone_hint}</p>
                    <LocalError schedule opening=true/>
                </div>
            </Show>
            <FieldError form field="opens_at"/>
        </fieldset>
        <fieldset class="grants schedule" id="vote-closes">
            <legend>{tr("hall-staff-closes-legend")}</legend>
            <div class="check">
                <input id="vote-closes-after" name="closes" type="radio" value="days"
                    prop:checked=move || !closes_at_time.get() on:change=move |_| choose_closing_time(false)/>
                <label for="vote-closes-after">{tr("hall-staff-closes-after")}</label>
            </div>
            <div class="check">
                <input id="vote-closes-at-time" name="closes" type="radio" value="at"
                    prop:checked=move || closes_at_time.get() on:change=move |_| choose_closing_time(true)/>
                <label for="vote-closes-at-time">{tr("hall-staff-closes-at-time")}</label>
            </div>
            {move || if closes_at_time.get() {
                view! {
                    <div class="field">
                        <label for="vote-closes-at">{tr("hall-staff-closes-at")}</label>
                        <input id="vote-closes-at" name="closes_at" type="datetime-local" required min=min
                            aria-invalid=move || (schedule.error_on(false).is_some() || form.on("closes_at").is_some()).then_some("true")
                            aria-describedby=move || described_by(form, schedule, "closes_at", false, "vote-closes-at-hint")
                            bind:value=closes_at/>
                        <p id="vote-closes-at-hint" class="hint">{zone_hint}</p>
                        <LocalError schedule opening=false/>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="vote-days">{tr("hall-field-days")}</label>
                        <select id="vote-days" name="days"
                            aria-invalid=move || (schedule.error_on(false).is_some() || form.on("closes_at").is_some()).then_some("true")
                            aria-describedby=move || described_by(form, schedule, "closes_at", false, "vote-closes-preview")
                            on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(7))>
                            {DAYS.map(|d| view! { <option value=d.to_string() prop:selected=move || days.get() == d>{d}</option> }).collect_view()}
                        </select>
                        <LocalError schedule opening=false/>
                    </div>
                }.into_any()
            }}
            <p id="vote-closes-preview" class="hint" aria-live="polite">{preview}</p>
            <FieldError form field="closes_at"/>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: i32 = 480;

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    #[test]
    fn typed_times_are_read_in_the_community_zone() {
        // 09:30 in Beijing is 01:30 UTC, whatever the device's zone.
        assert_eq!(parse_local("2026-11-24T09:30", CST), Some(at("2026-11-24T01:30:00Z")));
        assert_eq!(parse_local("2026-11-24T09:30:15", CST), Some(at("2026-11-24T01:30:15Z")));
        assert_eq!(parse_local("2026-11-24T09:30", 0), Some(at("2026-11-24T09:30:00Z")));
        assert_eq!(parse_local("", CST), None);
        assert_eq!(parse_local("24/11/2026 09:30", CST), None);
        assert_eq!(to_local_input(at("2026-11-23T20:30:00Z"), CST), "2026-11-24T04:30");
    }

    #[test]
    fn the_zone_is_written_as_on_a_clock() {
        assert_eq!(zone_text(480), "UTC+08:00");
        assert_eq!(zone_text(0), "UTC+00:00");
        assert_eq!(zone_text(-210), "UTC-03:30");
    }

    #[test]
    fn a_later_opening_is_offered_at_the_next_whole_hour() {
        assert_eq!(next_whole_hour(at("2026-11-23T06:20:31Z")), at("2026-11-23T07:00:00Z"));
    }

    #[test]
    fn now_and_a_number_of_days() {
        let now = at("2026-11-23T06:00:00Z");
        assert_eq!(resolve(&Opens::Now, &Closes::AfterDays(7), now, CST), Ok((now, at("2026-11-30T06:00:00Z"))));
    }

    #[test]
    fn a_later_opening_counts_the_days_from_itself() {
        let now = at("2026-11-23T06:00:00Z");
        let opens = Opens::At("2026-11-25T08:00".into());
        assert_eq!(resolve(&opens, &Closes::AfterDays(3), now, CST), Ok((at("2026-11-25T00:00:00Z"), at("2026-11-28T00:00:00Z"))));
        let closes = Closes::At("2026-11-26T20:00".into());
        assert_eq!(resolve(&opens, &closes, now, CST), Ok((at("2026-11-25T00:00:00Z"), at("2026-11-26T12:00:00Z"))));
    }

    #[test]
    fn an_opening_in_the_past_is_refused_but_this_minute_is_now() {
        let now = at("2026-11-23T06:00:40Z"); // 14:00:40 in Beijing
        let past = resolve(&Opens::At("2026-11-23T13:59".into()), &Closes::AfterDays(1), now, CST);
        assert_eq!(past, Err(TimeError { opening: true, message: "hall-staff-error-opens-past" }));
        let this_minute = resolve(&Opens::At("2026-11-23T14:00".into()), &Closes::AfterDays(1), now, CST);
        assert_eq!(this_minute, Ok((now, now + Duration::days(1))));
    }

    #[test]
    fn the_closing_must_come_after_the_opening() {
        let now = at("2026-11-23T06:00:00Z");
        let opens = Opens::At("2026-11-25T08:00".into());
        for closes in ["2026-11-25T08:00", "2026-11-24T08:00"] {
            assert_eq!(
                resolve(&opens, &Closes::At(closes.into()), now, CST),
                Err(TimeError { opening: false, message: "hall-staff-error-closes-before-opens" }),
                "{closes}"
            );
        }
        // Opening now and closing in the past is the same mistake.
        assert_eq!(
            resolve(&Opens::Now, &Closes::At("2026-11-23T13:00".into()), now, CST),
            Err(TimeError { opening: false, message: "hall-staff-error-closes-before-opens" })
        );
    }

    #[test]
    fn an_empty_or_unreadable_time_says_so() {
        let now = at("2026-11-23T06:00:00Z");
        assert_eq!(
            resolve(&Opens::At(" ".into()), &Closes::AfterDays(1), now, CST),
            Err(TimeError { opening: true, message: "hall-staff-error-time-missing" })
        );
        assert_eq!(
            resolve(&Opens::Now, &Closes::At("soon".into()), now, CST),
            Err(TimeError { opening: false, message: "hall-staff-error-time-invalid" })
        );
    }
}
