//! The form residents fill when they book, as rows in the order they will see it: each field's
//! label, its kind (text, number, date, single or multiple choice, phone, ID number, photo),
//! whether it must be filled, and for a choice its options, one per line.

use leptos::prelude::*;
use linli_api::appointments::{limits, FieldKind, FormField};
use linli_api::{validate, ApiError, ErrorCode};

use super::draft::input_id;
use super::rows::{forget_rows, wrong_at, wrong_id, RowInput, RowWrong};
use crate::appointments::field_kind_label;
use crate::native::focus_soon;
use crate::i18n::{t, t_args, tr};

/// One field as typed; its options one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDraft {
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    pub options: String,
}

impl Default for FieldDraft {
    fn default() -> Self {
        FieldDraft { label: String::new(), kind: FieldKind::Text, required: true, options: String::new() }
    }
}

impl FieldDraft {
    pub fn of(field: &FormField) -> Self {
        FieldDraft { label: field.label.clone(), kind: field.kind, required: field.required, options: field.options.join("\n") }
    }
}

/// The options typed one per line, trimmed, blank lines dropped.
pub fn options_of(raw: &str) -> Vec<String> {
    raw.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

/// The field a row describes, or its first wrong field (`form.N.label`, `form.N.options`).
/// Options typed for a kind that has none are kept in the box but not sent.
pub fn check_field(index: usize, draft: &FieldDraft) -> Result<FormField, ApiError> {
    let label = validate::required_text(&draft.label, limits::LABEL_MAX_CHARS, &format!("form.{index}.label"))?;
    let options = if draft.kind.has_options() {
        let at = format!("form.{index}.options");
        let options = options_of(&draft.options);
        if options.is_empty() || options.len() > limits::MAX_OPTIONS {
            return Err(ApiError::on_field(ErrorCode::InvalidValue, at));
        }
        if options.iter().any(|option| option.chars().count() > limits::OPTION_MAX_CHARS) {
            return Err(ApiError::on_field(ErrorCode::FieldTooLong, at));
        }
        options
    } else {
        Vec::new()
    };
    Ok(FormField { label, kind: draft.kind, required: draft.required, options })
}

/// A field's row, as signals.
#[derive(Clone, Copy)]
pub struct FieldRow {
    pub key: u32,
    pub label: RwSignal<String>,
    pub kind: RwSignal<FieldKind>,
    pub required: RwSignal<bool>,
    pub options: RwSignal<String>,
}

impl FieldRow {
    /// Its signals belong to the current owner (the form's).
    pub fn new(key: u32, draft: &FieldDraft) -> Self {
        FieldRow {
            key,
            label: RwSignal::new(draft.label.clone()),
            kind: RwSignal::new(draft.kind),
            required: RwSignal::new(draft.required),
            options: RwSignal::new(draft.options.clone()),
        }
    }

    pub fn draft(&self) -> FieldDraft {
        FieldDraft {
            label: self.label.get_untracked(),
            kind: self.kind.get_untracked(),
            required: self.required.get_untracked(),
            options: self.options.get_untracked(),
        }
    }
}

#[component]
pub fn FieldRows(rows: RwSignal<Vec<FieldRow>>, errors: RwSignal<Option<ApiError>>, add: Callback<()>) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= limits::MAX_FIELDS;
    view! {
        <section id="form-fields" aria-labelledby="form-fields-heading">
            <h2 id="form-fields-heading" tabindex="-1">{tr("staff-fields-heading")}</h2>
            <p class="hint">{tr("staff-fields-intro")}</p>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="empty" id="form-fields-none">{tr("staff-fields-none")}</p> })}
            <ul class="editor-rows">
                <For each=move || rows.get() key=|row| row.key let:row>
                    <FieldFields row rows errors/>
                </For>
            </ul>
            {move || (!full()).then(|| view! {
                <button type="button" class="button" id="add-form-field" on:click=move |_| add.run(())>{tr("staff-fields-add")}</button>
            })}
        </section>
    }
}

/// Moves the row `key` one place up (`-1`) or down (`1`); its new place, if it moved.
fn shift(rows: RwSignal<Vec<FieldRow>>, key: u32, by: isize) -> Option<usize> {
    let mut moved = None;
    rows.update(|rows| {
        let Some(from) = rows.iter().position(|r| r.key == key) else { return };
        let to = from.checked_add_signed(by).filter(|to| *to < rows.len());
        if let Some(to) = to {
            rows.swap(from, to);
            moved = Some(to);
        }
    });
    moved
}

#[component]
fn FieldFields(row: FieldRow, rows: RwSignal<Vec<FieldRow>>, errors: RwSignal<Option<ApiError>>) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let count = move || rows.with(Vec::len);
    let name = Signal::derive(move || t_args("staff-field-legend", &[("number", (index.get() + 1).into())]));
    let number = move || index.get() + 1;
    let label_field = Signal::derive(move || format!("form.{}.label", index.get()));
    let move_by = move |by: isize| {
        if let Some(to) = shift(rows, key, by) {
            forget_rows(errors, "form.");
            // The same button at the row's new place, or the other one at either end.
            let last = rows.with_untracked(Vec::len) - 1;
            let button = match (by < 0, to) {
                (true, 0) => "down",
                (false, to) if to == last => "up",
                (true, _) => "up",
                (false, _) => "down",
            };
            focus_soon(&format!("#form-field-{button}-{to}"));
        }
    };
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        forget_rows(errors, "form.");
        focus_soon("#form-fields-heading");
    };
    view! {
        <li class="editor-row">
            <fieldset id=move || format!("form-field-{}", index.get())>
                <legend>{move || name.get()}</legend>
                <RowInput field=label_field label=Signal::derive(|| t("staff-field-label")) row=name value=row.label errors
                    maxlength=limits::LABEL_MAX_CHARS/>
                <KindSelect row index name/>
                <div class="check">
                    <input id=move || format!("form-field-required-{}", index.get()) name="required" type="checkbox" bind:checked=row.required/>
                    <label for=move || format!("form-field-required-{}", index.get())>
                        {tr("staff-field-required")}<span class="visually-hidden">" "{move || name.get()}</span>
                    </label>
                </div>
                {move || row.kind.get().has_options().then(|| view! { <OptionsBox row index name errors/> })}
                <div class="row-actions">
                    {move || (index.get() > 0).then(|| view! {
                        <button type="button" class="button" id=move || format!("form-field-up-{}", index.get()) on:click=move |_| move_by(-1)>
                            {move || t_args("staff-field-up", &[("number", number().into())])}
                        </button>
                    })}
                    {move || (index.get() + 1 < count()).then(|| view! {
                        <button type="button" class="button" id=move || format!("form-field-down-{}", index.get()) on:click=move |_| move_by(1)>
                            {move || t_args("staff-field-down", &[("number", number().into())])}
                        </button>
                    })}
                    <button type="button" class="button danger" id=move || format!("form-field-remove-{}", index.get()) on:click=remove>
                        {move || t_args("staff-field-remove", &[("number", number().into())])}
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn KindSelect(row: FieldRow, index: Memo<usize>, name: Signal<String>) -> impl IntoView {
    let id = move || format!("form-field-kind-{}", index.get());
    let chosen = row.kind;
    view! {
        <div class="field">
            <label for=id>{tr("staff-field-kind")}<span class="visually-hidden">" "{move || name.get()}</span></label>
            <select id=id name="kind" on:change=move |ev| {
                if let Some(kind) = event_target_value(&ev).parse::<usize>().ok().and_then(|at| FieldKind::ALL.get(at)) {
                    chosen.set(*kind);
                }
            }>
                {FieldKind::ALL.iter().enumerate().map(|(at, kind)| {
                    let kind = *kind;
                    view! { <option value=at.to_string() prop:selected=move || chosen.get() == kind>{tr(field_kind_label(kind))}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The options of a choice, one per line, with what is wrong with them.
#[component]
fn OptionsBox(row: FieldRow, index: Memo<usize>, name: Signal<String>, errors: RwSignal<Option<ApiError>>) -> impl IntoView {
    let field = Signal::derive(move || format!("form.{}.options", index.get()));
    let id = move || input_id(&field.get());
    let hint_id = move || format!("{}-hint", id());
    let described_by = move || {
        let mut ids = vec![hint_id()];
        if wrong_at(errors, &field.get()).is_some() {
            ids.push(wrong_id(&field.get()));
        }
        ids.join(" ")
    };
    view! {
        <div class="field">
            <label for=id>{tr("staff-field-options")}<span class="visually-hidden">" "{move || name.get()}</span></label>
            <textarea id=id name="options" rows="4" required
                aria-invalid=move || wrong_at(errors, &field.get()).map(|_| "true")
                aria-describedby=described_by
                bind:value=row.options></textarea>
            <p id=hint_id class="hint">
                {move || t_args("staff-field-options-hint", &[("options", limits::MAX_OPTIONS.into()), ("chars", limits::OPTION_MAX_CHARS.into())])}
            </p>
            <RowWrong errors field/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice() -> FieldDraft {
        FieldDraft { label: " 办理方式 ".into(), kind: FieldKind::SingleChoice, required: false, options: "本人\n代办".into() }
    }

    #[test]
    fn a_choice_needs_its_options_one_per_line() {
        let field = check_field(0, &choice()).unwrap();
        assert_eq!((field.label.as_str(), field.options.len()), ("办理方式", 2));
        let none = FieldDraft { options: " \n".into(), ..choice() };
        assert_eq!(check_field(2, &none).unwrap_err(), ApiError::on_field(ErrorCode::InvalidValue, "form.2.options"));
        let too_many = FieldDraft { options: (0..=limits::MAX_OPTIONS).map(|n| n.to_string()).collect::<Vec<_>>().join("\n"), ..choice() };
        assert_eq!(check_field(2, &too_many).unwrap_err().field.as_deref(), Some("form.2.options"));
        let long = FieldDraft { options: "长".repeat(limits::OPTION_MAX_CHARS + 1), ..choice() };
        assert_eq!(check_field(2, &long).unwrap_err(), ApiError::on_field(ErrorCode::FieldTooLong, "form.2.options"));
    }

    #[test]
    fn options_typed_for_another_kind_are_not_sent() {
        let text = FieldDraft { kind: FieldKind::Text, ..choice() };
        assert!(check_field(0, &text).unwrap().options.is_empty());
        assert_eq!(check_field(1, &FieldDraft::default()).unwrap_err(), ApiError::on_field(ErrorCode::FieldRequired, "form.1.label"));
        assert_eq!(FieldDraft::of(&check_field(0, &choice()).unwrap()), FieldDraft { label: "办理方式".into(), ..choice() });
    }

    #[test]
    fn rows_move_one_place_within_the_list() {
        let owner = Owner::new();
        owner.with(|| {
            let rows = RwSignal::new((0..3).map(|key| FieldRow::new(key, &FieldDraft::default())).collect::<Vec<_>>());
            let keys = || rows.with_untracked(|rows| rows.iter().map(|row| row.key).collect::<Vec<_>>());
            assert_eq!(shift(rows, 2, -1), Some(1));
            assert_eq!(keys(), [0, 2, 1]);
            assert_eq!(shift(rows, 0, -1), None, "the first stays first");
            assert_eq!(shift(rows, 1, 1), None, "the last stays last");
        });
    }
}
