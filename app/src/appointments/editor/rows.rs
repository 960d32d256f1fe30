//! What the editor's repeated rows share: the one error of the editor, when it is about a
//! row's field (`hours.2.closes`), shown under that input; and a row's labelled input.
//!
//! A row's fields are named by its place, as the shared validation names them; when rows move
//! or go, a place holds another row, so its error is forgotten.

use leptos::prelude::*;
use linli_api::{ApiError, ErrorCode};

use super::draft::{error_sentence, input_id};

/// The id of the sentence about a row's field: `hours-2-closes-error`.
pub fn wrong_id(field: &str) -> String {
    format!("{}-error", field.replace(['.', '_'], "-"))
}

/// The error code about exactly `field`, if the editor's one error is about it (tracked).
pub fn wrong_at(errors: RwSignal<Option<ApiError>>, field: &str) -> Option<ErrorCode> {
    errors.with(|error| error.as_ref().filter(|error| error.field.as_deref() == Some(field)).map(|error| error.code))
}

/// Forgets a row's error once rows move or go: it names a place that now holds another row.
pub fn forget_rows(errors: RwSignal<Option<ApiError>>, prefix: &str) {
    let about_rows = errors.with_untracked(|error| error.as_ref().and_then(|error| error.field.as_deref()).is_some_and(|field| field.starts_with(prefix)));
    if about_rows {
        errors.set(None);
    }
}

/// The sentence about a row's `field`, present only while the editor's error is about it.
#[component]
pub fn RowWrong(errors: RwSignal<Option<ApiError>>, #[prop(into)] field: Signal<String>) -> impl IntoView {
    move || {
        let field = field.get();
        let code = wrong_at(errors, &field)?;
        let id = wrong_id(&field);
        Some(view! { <p id=id class="field-error" role="alert">{move || error_sentence(&field, code)}</p> })
    }
}

/// A labelled input of a repeated row. Its label says which row for screen readers (the
/// legend says it for everyone); its sentence shows under it while it is wrong, and so does
/// the row's own (`hours.2`) when `row_field` names it.
#[component]
pub fn RowInput(
    /// The field it fills, by the row's place: `hours.2.opens`; its id follows from it.
    #[prop(into)]
    field: Signal<String>,
    #[prop(into)] label: Signal<String>,
    /// The row's name, heard after the label: `opening hours 3` (none when the label says it).
    #[prop(optional, into)]
    row: Option<Signal<String>>,
    value: RwSignal<String>,
    errors: RwSignal<Option<ApiError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] row_field: Option<Signal<String>>,
) -> impl IntoView {
    let id = move || input_id(&field.get());
    let row_wrong = move || row_field.is_some_and(|row_field| wrong_at(errors, &row_field.get()).is_some());
    let invalid = move || (wrong_at(errors, &field.get()).is_some() || row_wrong()).then_some("true");
    let described_by = move || {
        let mut ids = Vec::new();
        if wrong_at(errors, &field.get()).is_some() {
            ids.push(wrong_id(&field.get()));
        }
        if let Some(row_field) = row_field.filter(|_| row_wrong()) {
            ids.push(wrong_id(&row_field.get()));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field">
            <label for=id>
                {move || label.get()}
                {row.map(|row| view! { <span class="visually-hidden">" "{move || row.get()}</span> })}
            </label>
            <input id=id name=move || field.get() type=kind inputmode=inputmode autocomplete="off" required
                maxlength=maxlength.map(|max| max.to_string())
                aria-invalid=invalid aria-describedby=described_by
                bind:value=value/>
            <RowWrong errors field/>
        </div>
    }
}

