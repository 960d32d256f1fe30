//! When a service is open: weekly opening hours as rows (a weekday, opening and closing time
//! on the community's clock, places per slot), cut into slots of the service's length; and
//! closed days (holidays, a day off) on which no slot is offered.

use chrono::{Duration, NaiveDate, NaiveTime};
use leptos::prelude::*;
use linli_api::appointments::{limits, WeeklyHours};
use linli_api::{ApiError, ErrorCode};

use super::rows::{forget_rows, RowInput, RowWrong};
use crate::appointments::staff::whole_number;
use crate::appointments::weekday_label;
use crate::native::focus_soon;
use crate::i18n::{t, t_args, tr};

/// One row of opening hours as typed: `09:00`, `11:30`, `3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursDraft {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub opens: String,
    pub closes: String,
    pub capacity: String,
}

impl HoursDraft {
    pub fn of(hours: &WeeklyHours) -> Self {
        HoursDraft {
            weekday: hours.weekday,
            opens: hours.opens.format("%H:%M").to_string(),
            closes: hours.closes.format("%H:%M").to_string(),
            capacity: hours.capacity.to_string(),
        }
    }
}

/// A new row: the day after the last row's, at its times (Monday to Friday alike in four
/// taps); Monday morning when there is none.
pub fn next_hours(last: Option<&HoursDraft>) -> HoursDraft {
    match last {
        Some(last) => HoursDraft { weekday: last.weekday % 7 + 1, ..last.clone() },
        None => HoursDraft { weekday: 1, opens: "09:00".into(), closes: "11:30".into(), capacity: "2".into() },
    }
}

/// What a time input holds: `09:00`, seconds optional. Browsers give a valid time or nothing.
fn time(raw: &str) -> Option<NaiveTime> {
    ["%H:%M", "%H:%M:%S"].iter().find_map(|format| NaiveTime::parse_from_str(raw.trim(), format).ok())
}

/// The opening hours a row describes, or its first wrong field (`hours.N.opens`, `.closes`,
/// `.capacity`): closing at least one slot after opening, 1 to 100 places.
pub fn check_hours(index: usize, draft: &HoursDraft, duration_minutes: u32) -> Result<WeeklyHours, ApiError> {
    let at = |part: &str| format!("hours.{index}.{part}");
    let opens = time(&draft.opens).ok_or_else(|| ApiError::on_field(ErrorCode::FieldRequired, at("opens")))?;
    let closes = time(&draft.closes).ok_or_else(|| ApiError::on_field(ErrorCode::FieldRequired, at("closes")))?;
    if (closes - opens).num_minutes() < i64::from(duration_minutes) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, at("closes")));
    }
    let capacity = whole_number(&draft.capacity, &at("capacity"))?;
    if !(1..=limits::MAX_CAPACITY).contains(&capacity) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, at("capacity")));
    }
    Ok(WeeklyHours { weekday: draft.weekday, opens, closes, capacity })
}

/// A closed day as a date input holds it (`2026-10-01`), or `closed_days.N` to be filled.
pub fn check_day(index: usize, raw: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| ApiError::on_field(ErrorCode::FieldRequired, format!("closed_days.{index}")))
}

/// The day after a `YYYY-MM-DD` date: a new closed day after the last one.
pub fn next_day(raw: &str) -> Option<String> {
    let day = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()?;
    Some((day + Duration::days(1)).to_string())
}

/// A row of opening hours, as signals.
#[derive(Clone, Copy)]
pub struct HoursRow {
    pub key: u32,
    pub weekday: RwSignal<u8>,
    pub opens: RwSignal<String>,
    pub closes: RwSignal<String>,
    pub capacity: RwSignal<String>,
}

impl HoursRow {
    /// Its signals belong to the current owner (the form's).
    pub fn new(key: u32, draft: &HoursDraft) -> Self {
        HoursRow {
            key,
            weekday: RwSignal::new(draft.weekday),
            opens: RwSignal::new(draft.opens.clone()),
            closes: RwSignal::new(draft.closes.clone()),
            capacity: RwSignal::new(draft.capacity.clone()),
        }
    }

    pub fn draft(&self) -> HoursDraft {
        HoursDraft {
            weekday: self.weekday.get_untracked(),
            opens: self.opens.get_untracked(),
            closes: self.closes.get_untracked(),
            capacity: self.capacity.get_untracked(),
        }
    }
}

#[component]
pub fn HoursRows(rows: RwSignal<Vec<HoursRow>>, errors: RwSignal<Option<ApiError>>, add: Callback<()>) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= limits::MAX_HOURS;
    view! {
        <section id="hours" aria-labelledby="hours-heading">
            <h2 id="hours-heading" tabindex="-1">{tr("staff-hours-heading")}</h2>
            <p class="hint">{tr("staff-hours-intro")}</p>
            <ul class="editor-rows">
                <For each=move || rows.get() key=|row| row.key let:row>
                    <HoursFields row rows errors/>
                </For>
            </ul>
            {move || (!full()).then(|| view! {
                <button type="button" class="button" id="add-hours" on:click=move |_| add.run(())>{tr("staff-hours-add")}</button>
            })}
        </section>
    }
}

#[component]
fn HoursFields(row: HoursRow, rows: RwSignal<Vec<HoursRow>>, errors: RwSignal<Option<ApiError>>) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let name = Signal::derive(move || t_args("staff-hours-legend", &[("number", (index.get() + 1).into())]));
    let field = move |part: &'static str| Signal::derive(move || format!("hours.{}.{part}", index.get()));
    let row_field = Signal::derive(move || format!("hours.{}", index.get()));
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        forget_rows(errors, "hours.");
        focus_soon("#hours-heading");
    };
    let many = move || rows.with(Vec::len) > 1;
    view! {
        <li class="editor-row">
            <fieldset id=move || format!("hours-{}", index.get())>
                <legend>{move || name.get()}</legend>
                <WeekdaySelect row index name/>
                <div class="field-pair">
                    <RowInput field=field("opens") label=Signal::derive(|| t("staff-hours-opens")) row=name value=row.opens errors
                        kind="time" row_field/>
                    <RowInput field=field("closes") label=Signal::derive(|| t("staff-hours-closes")) row=name value=row.closes errors
                        kind="time" row_field/>
                </div>
                <RowInput field=field("capacity") label=Signal::derive(|| t("staff-hours-capacity")) row=name value=row.capacity errors
                    inputmode="numeric" maxlength=3/>
                <RowWrong errors field=row_field/>
                {move || many().then(|| view! {
                    <button type="button" class="button danger" id=move || format!("hours-remove-{}", index.get()) on:click=remove>
                        {move || t_args("staff-hours-remove", &[("number", (index.get() + 1).into())])}
                    </button>
                })}
            </fieldset>
        </li>
    }
}

#[component]
fn WeekdaySelect(row: HoursRow, index: Memo<usize>, name: Signal<String>) -> impl IntoView {
    let id = move || format!("hours-weekday-{}", index.get());
    let chosen = row.weekday;
    view! {
        <div class="field">
            <label for=id>{tr("staff-hours-weekday")}<span class="visually-hidden">" "{move || name.get()}</span></label>
            <select id=id name="weekday" on:change=move |ev| {
                if let Ok(weekday) = event_target_value(&ev).parse() {
                    chosen.set(weekday);
                }
            }>
                {(1..=7_u8).map(|weekday| view! {
                    <option value=weekday.to_string() prop:selected=move || chosen.get() == weekday>{tr(weekday_label(weekday))}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A closed day, as a signal.
#[derive(Clone, Copy)]
pub struct DayRow {
    pub key: u32,
    pub date: RwSignal<String>,
}

impl DayRow {
    pub fn new(key: u32, date: String) -> Self {
        DayRow { key, date: RwSignal::new(date) }
    }
}

#[component]
pub fn ClosedDays(rows: RwSignal<Vec<DayRow>>, errors: RwSignal<Option<ApiError>>, add: Callback<()>) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= limits::MAX_CLOSED_DAYS;
    view! {
        <section id="closed-days" aria-labelledby="closed-days-heading">
            <h2 id="closed-days-heading" tabindex="-1">{tr("staff-days-heading")}</h2>
            <p class="hint">{tr("staff-days-intro")}</p>
            <ul class="closed-days">
                <For each=move || rows.get() key=|row| row.key let:row>
                    <DayField row rows errors/>
                </For>
            </ul>
            {move || (!full()).then(|| view! {
                <button type="button" class="button" id="add-closed-day" on:click=move |_| add.run(())>{tr("staff-days-add")}</button>
            })}
        </section>
    }
}

#[component]
fn DayField(row: DayRow, rows: RwSignal<Vec<DayRow>>, errors: RwSignal<Option<ApiError>>) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let name = Signal::derive(move || t_args("staff-days-label", &[("number", (index.get() + 1).into())]));
    let field = Signal::derive(move || format!("closed_days.{}", index.get()));
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        forget_rows(errors, "closed_days.");
        focus_soon("#closed-days-heading");
    };
    view! {
        <li class="closed-day">
            <RowInput field label=name value=row.date errors kind="date"/>
            <button type="button" class="button danger" id=move || format!("closed-day-remove-{}", index.get()) on:click=remove>
                {tr("staff-days-remove")}<span class="visually-hidden">" "{move || name.get()}</span>
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours() -> HoursDraft {
        HoursDraft { weekday: 3, opens: "14:00".into(), closes: "17:00".into(), capacity: "２".into() }
    }

    #[test]
    fn a_row_reads_on_the_community_clock() {
        let checked = check_hours(0, &hours(), 30).unwrap();
        assert_eq!((checked.weekday, checked.opens.to_string(), checked.capacity), (3, "14:00:00".into(), 2));
        assert_eq!(HoursDraft::of(&checked), HoursDraft { capacity: "2".into(), ..hours() });
    }

    #[test]
    fn each_wrong_field_of_a_row_is_named() {
        let wrong = |spoil: fn(&mut HoursDraft)| {
            let mut bad = hours();
            spoil(&mut bad);
            let error = check_hours(4, &bad, 30).unwrap_err();
            (error.field.unwrap(), error.code)
        };
        assert_eq!(wrong(|h| h.opens = "".into()), ("hours.4.opens".into(), ErrorCode::FieldRequired));
        assert_eq!(wrong(|h| h.closes = "14:20".into()), ("hours.4.closes".into(), ErrorCode::InvalidValue), "less than a slot");
        assert_eq!(wrong(|h| h.closes = "13:00".into()), ("hours.4.closes".into(), ErrorCode::InvalidValue), "before it opens");
        assert_eq!(wrong(|h| h.capacity = "101".into()), ("hours.4.capacity".into(), ErrorCode::InvalidValue));
        assert_eq!(wrong(|h| h.capacity = " ".into()), ("hours.4.capacity".into(), ErrorCode::FieldRequired));
    }

    #[test]
    fn new_rows_follow_the_last_one() {
        assert_eq!(next_hours(Some(&hours())).weekday, 4);
        assert_eq!(next_hours(Some(&HoursDraft { weekday: 7, ..hours() })).weekday, 1, "after Sunday, Monday");
        assert_eq!(next_hours(None).weekday, 1);
        assert_eq!(next_day("2026-12-31").as_deref(), Some("2027-01-01"));
        assert_eq!(next_day(""), None);
        assert_eq!(check_day(2, "").unwrap_err().field.as_deref(), Some("closed_days.2"));
    }
}
