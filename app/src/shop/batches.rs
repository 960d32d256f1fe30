//! The editor's delivery rounds: a building of the community, a day and a time window, typed
//! in the community's zone. A round starts after the cut-off (the shop must know what to
//! bring) and ends after it starts: the shared validation's rule, checked here row by row.

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use linli_api::community::Building;
use linli_api::groceries::{limits, NewDeliveryBatch};
use linli_api::ids::BuildingId;

use super::rows::{problem_at, Problem, RowError};
use crate::hall::new::schedule::parse_local;
use crate::i18n::{t, t_args, tr};

/// One delivery round as typed: the building's id as chosen in the list, `2026-11-24`,
/// `09:00`, `12:00`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchDraft {
    pub building: String,
    pub date: String,
    pub start: String,
    pub end: String,
}

/// A date input and a time input read together in the community's zone.
pub fn date_and_time(date: &str, time: &str, utc_offset_minutes: i32) -> Result<DateTime<Utc>, Problem> {
    let (date, time) = (date.trim(), time.trim());
    if date.is_empty() || time.is_empty() {
        return Err(Problem::Required);
    }
    parse_local(&format!("{date}T{time}"), utc_offset_minutes).ok_or(Problem::TimeInvalid)
}

/// The round a row describes, or its first wrong field (`building`, `date`, `start`, `end`).
/// `cut_off` is the campaign's, when it reads.
pub fn check_batch(row: u32, draft: &BatchDraft, cut_off: Option<DateTime<Utc>>, utc_offset_minutes: i32) -> Result<NewDeliveryBatch, RowError> {
    let at = |field: &'static str| move |problem| RowError::new(row, field, problem);
    let building_id = draft.building.trim().parse().ok().filter(|id| *id > 0).map(BuildingId).ok_or(RowError::new(row, "building", Problem::Required))?;
    if draft.date.trim().is_empty() {
        return Err(RowError::new(row, "date", Problem::Required));
    }
    let window_start = date_and_time(&draft.date, &draft.start, utc_offset_minutes).map_err(at("start"))?;
    let window_end = date_and_time(&draft.date, &draft.end, utc_offset_minutes).map_err(at("end"))?;
    if cut_off.is_some_and(|cut_off| window_start < cut_off) {
        return Err(RowError::new(row, "start", Problem::BeforeCutOff));
    }
    if window_end <= window_start {
        return Err(RowError::new(row, "end", Problem::EndBeforeStart));
    }
    Ok(NewDeliveryBatch { building_id, window_start, window_end })
}

/// The day after a `YYYY-MM-DD` date (a new round's day, after the cut-off's), or nothing.
pub fn next_day(date: &str) -> Option<String> {
    let day = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    Some((day + Duration::days(1)).format("%Y-%m-%d").to_string())
}

/// A delivery row's fields, as signals.
#[derive(Clone, Copy)]
pub struct BatchRow {
    pub key: u32,
    pub building: RwSignal<String>,
    pub date: RwSignal<String>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
}

impl BatchRow {
    /// A round to `building` on `date`, in the morning; its signals belong to the current owner.
    pub fn new(key: u32, building: Option<BuildingId>, date: String) -> Self {
        BatchRow {
            key,
            building: RwSignal::new(building.map(|id| id.to_string()).unwrap_or_default()),
            date: RwSignal::new(date),
            start: RwSignal::new("09:00".to_owned()),
            end: RwSignal::new("12:00".to_owned()),
        }
    }

    pub fn draft(&self) -> BatchDraft {
        BatchDraft {
            building: self.building.get_untracked(),
            date: self.date.get_untracked(),
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
        }
    }
}

/// The first building no round goes to yet (else the first), for a new round.
pub fn next_building(buildings: &[Building], taken: &[String]) -> Option<BuildingId> {
    buildings.iter().find(|b| !taken.contains(&b.id.to_string())).or(buildings.first()).map(|b| b.id)
}

pub fn batch_input_id(field: &str, index: usize) -> String {
    format!("batch-{field}-{index}")
}

#[component]
pub fn BatchRows(
    rows: RwSignal<Vec<BatchRow>>,
    buildings: StoredValue<Vec<Building>>,
    error: RwSignal<Option<RowError>>,
    add: Callback<()>,
) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= limits::MAX_BATCHES;
    view! {
        <ul class="batch-rows" id="batches">
            <For each=move || rows.get() key=|row| row.key let:row>
                <BatchFields row rows buildings error/>
            </For>
        </ul>
        {move || (!full()).then(|| view! {
            <button type="button" class="button" id="add-batch" on:click=move |_| add.run(())>{tr("shop-add-batch")}</button>
        })}
    }
}

#[component]
fn BatchFields(row: BatchRow, rows: RwSignal<Vec<BatchRow>>, buildings: StoredValue<Vec<Building>>, error: RwSignal<Option<RowError>>) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        error.update(|e| {
            if e.is_some_and(|e| e.row == key) {
                *e = None;
            }
        });
        super::focus_soon("#handover-heading");
    };
    view! {
        <li class="batch-row">
            <fieldset id=move || batch_input_id("row", index.get())>
                <legend>{move || t_args("shop-batch-legend", &[("number", (index.get() + 1).into())])}</legend>
                <BatchSelect row index buildings error/>
                <BatchInput row=key index field="date" kind="date" label="shop-field-batch-date" value=row.date error/>
                <div class="field-pair">
                    <BatchInput row=key index field="start" kind="time" label="shop-field-batch-start" value=row.start error/>
                    <BatchInput row=key index field="end" kind="time" label="shop-field-batch-end" value=row.end error/>
                </div>
                <button type="button" class="button danger" id=move || batch_input_id("remove", index.get()) on:click=remove>
                    {move || t_args("shop-remove-batch", &[("number", (index.get() + 1).into())])}
                </button>
            </fieldset>
        </li>
    }
}

/// `aria-describedby` of a round's input: the sentence about it, when there is one.
fn error_ref(error: RwSignal<Option<RowError>>, row: u32, field: &'static str, id: String) -> Option<String> {
    problem_at(error, row, field).map(|_| format!("{id}-error"))
}

#[component]
fn RowProblem(error: RwSignal<Option<RowError>>, row: u32, field: &'static str, id: Signal<String>) -> impl IntoView {
    move || {
        problem_at(error, row, field).map(|problem| {
            view! { <p id=format!("{}-error", id.get_untracked()) class="field-error" role="alert">{move || problem.text()}</p> }
        })
    }
}

#[component]
fn BatchSelect(row: BatchRow, index: Memo<usize>, buildings: StoredValue<Vec<Building>>, error: RwSignal<Option<RowError>>) -> impl IntoView {
    let id = Signal::derive(move || batch_input_id("building", index.get()));
    let chosen = row.building;
    view! {
        <div class="field">
            <label for=move || id.get()>{tr("shop-field-batch-building")}</label>
            <select id=move || id.get() name="building" required
                aria-invalid=move || problem_at(error, row.key, "building").map(|_| "true")
                aria-describedby=move || error_ref(error, row.key, "building", id.get())
                on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="" prop:selected=move || chosen.with(String::is_empty)>{move || t("shop-field-batch-building-choose")}</option>
                {buildings.get_value().into_iter().map(|building| {
                    let value = building.id.to_string();
                    let mine = value.clone();
                    view! { <option value=value prop:selected=move || chosen.with(|c| *c == mine)>{building.name}</option> }
                }).collect_view()}
            </select>
            <RowProblem error row=row.key field="building" id/>
        </div>
    }
}

#[component]
fn BatchInput(
    row: u32,
    index: Memo<usize>,
    field: &'static str,
    kind: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<RowError>>,
) -> impl IntoView {
    let id = Signal::derive(move || batch_input_id(field, index.get()));
    view! {
        <div class="field">
            <label for=move || id.get()>{move || t(label)}</label>
            <input id=move || id.get() name=field type=kind required
                aria-invalid=move || problem_at(error, row, field).map(|_| "true")
                aria-describedby=move || error_ref(error, row, field, id.get())
                bind:value=value/>
            <RowProblem error row field id/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: i32 = 480;

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    fn draft() -> BatchDraft {
        BatchDraft { building: "3".into(), date: "2026-12-06".into(), start: "09:00".into(), end: "12:00".into() }
    }

    fn wrong(spoil: fn(&mut BatchDraft)) -> (&'static str, Problem) {
        let mut bad = draft();
        spoil(&mut bad);
        let error = check_batch(1, &bad, Some(at("2026-12-05T12:00:00Z")), CST).unwrap_err();
        (error.field, error.problem)
    }

    #[test]
    fn a_round_is_read_in_the_community_zone() {
        let batch = check_batch(0, &draft(), Some(at("2026-12-05T12:00:00Z")), CST).unwrap();
        assert_eq!(batch, NewDeliveryBatch { building_id: BuildingId(3), window_start: at("2026-12-06T01:00:00Z"), window_end: at("2026-12-06T04:00:00Z") });
    }

    #[test]
    fn each_wrong_field_of_a_round_is_named() {
        assert_eq!(wrong(|d| d.building = "".into()), ("building", Problem::Required));
        assert_eq!(wrong(|d| d.date = " ".into()), ("date", Problem::Required));
        assert_eq!(wrong(|d| d.start = "".into()), ("start", Problem::Required));
        assert_eq!(wrong(|d| d.end = "noon".into()), ("end", Problem::TimeInvalid));
        assert_eq!(wrong(|d| d.date = "2026-12-05".into()), ("start", Problem::BeforeCutOff), "09:00 CST is before a 20:00 cut-off");
        assert_eq!(wrong(|d| d.end = "09:00".into()), ("end", Problem::EndBeforeStart));
    }

    #[test]
    fn a_new_round_goes_the_day_after_to_a_building_without_one() {
        assert_eq!(next_day("2026-12-31").as_deref(), Some("2027-01-01"));
        assert_eq!(next_day(""), None);
        let buildings = vec![Building { id: BuildingId(1), name: "1栋".into() }, Building { id: BuildingId(2), name: "2栋".into() }];
        assert_eq!(next_building(&buildings, &["1".into()]), Some(BuildingId(2)));
        assert_eq!(next_building(&buildings, &["1".into(), "2".into()]), Some(BuildingId(1)));
        assert_eq!(next_building(&[], &[]), None);
    }
}
