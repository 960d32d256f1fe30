//! One labelled text input with its hint and its error, wired for screen readers: the
//! pattern every form uses; and a set of big radio choices.

use leptos::prelude::*;

use super::{FieldError, FormError};
use crate::i18n::{t, tr};

/// Consent to the privacy policy, required at every registration (PIPL).
#[component]
pub fn ConsentCheck(form: FormError, id: &'static str, accept: RwSignal<bool>) -> impl IntoView {
    let field = "accept_privacy_policy";
    view! {
        <div class="check">
            <input id=id name=field type="checkbox" required
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, None)
                bind:checked=accept/>
            <label for=id>
                {move || t("register-accept")}" "<a href="/privacy">{move || t("register-privacy-link")}</a>
            </label>
        </div>
        <FieldError form field/>
    }
}

/// A hint under a field: the id of its element and its words.
#[derive(Clone, Copy)]
pub struct Hint {
    pub id: &'static str,
    pub text: Signal<String>,
}

#[component]
pub fn TextField(
    form: FormError,
    /// The request field this input fills; errors about it show here.
    field: &'static str,
    id: &'static str,
    /// Fluent id of the label.
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<Hint>,
    #[prop(optional)] maxlength: Option<usize>,
    /// A code read off paper: capitals, no spell checking.
    #[prop(optional)]
    code: bool,
    /// May be left empty.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let inputmode = (kind == "tel").then_some("tel");
    let (autocapitalize, spellcheck) = if code { (Some("characters"), Some("false")) } else { (None, None) };
    view! {
        <div class="field">
            <label for=id>{move || t(label)}</label>
            <input id=id name=field type=kind autocomplete=autocomplete inputmode=inputmode required=!optional
                autocapitalize=autocapitalize spellcheck=spellcheck
                maxlength=maxlength.map(|max| max.to_string())
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, hint.map(|hint| hint.id))
                bind:value=value/>
            {hint.map(|hint| view! { <p id=hint.id class="hint">{move || hint.text.get()}</p> })}
            <FieldError form field/>
        </div>
    }
}

/// A labelled text area with its hint and its error: the long-text twin of [`TextField`].
#[component]
pub fn TextArea(
    form: FormError,
    /// The request field this area fills; errors about it show here.
    field: &'static str,
    id: &'static str,
    /// Fluent id of the label.
    label: &'static str,
    value: RwSignal<String>,
    rows: u32,
    #[prop(optional)] hint: Option<Hint>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || t(label)}</label>
            <textarea id=id name=field rows=rows.to_string() required=required
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, hint.map(|hint| hint.id))
                bind:value=value></textarea>
            {hint.map(|hint| view! { <p id=hint.id class="hint">{move || hint.text.get()}</p> })}
            <FieldError form field/>
        </div>
    }
}

/// One of a set of radio choices: its value, the word its input's id ends with, the Fluent
/// ids of its label and (optionally) of a sentence under it that says what it means.
pub struct Choice<T> {
    pub value: T,
    pub key: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
}

/// Radio choices as big targets (the whole label is one); each input's id is
/// `{id}-{key}`.
#[component]
pub fn RadioChoices<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    /// The request field they fill.
    name: &'static str,
    /// Fluent id of the legend.
    legend: &'static str,
    choices: Vec<Choice<T>>,
    chosen: RwSignal<T>,
) -> impl IntoView {
    view! {
        <fieldset class="choices" id=id>
            <legend>{tr(legend)}</legend>
            {choices.into_iter().map(|Choice { value, key, label, hint }| {
                let input_id = format!("{id}-{key}");
                let hint_id = hint.map(|_| format!("{input_id}-hint"));
                view! {
                    <div class="check">
                        <input type="radio" id=input_id.clone() name=name value=key aria-describedby=hint_id.clone()
                            prop:checked=move || chosen.get() == value
                            on:change=move |_| chosen.set(value)/>
                        <label for=input_id>{tr(label)}</label>
                    </div>
                    {hint.map(|hint| view! { <p class="hint choice-hint" id=hint_id>{tr(hint)}</p> })}
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A form's submit button: "please wait" while the form is busy; disabled then, and while
/// `waiting` (e.g. photos still uploading).
#[component]
pub fn SubmitButton(
    id: &'static str,
    /// Fluent id of its word.
    label: &'static str,
    busy: RwSignal<bool>,
    #[prop(optional, into)] waiting: Option<Signal<bool>>,
    #[prop(default = "button primary")] class: &'static str,
) -> impl IntoView {
    view! {
        <button type="submit" class=class id=id disabled=move || busy.get() || waiting.is_some_and(|waiting| waiting.get())>
            {move || if busy.get() { t("busy") } else { t(label) }}
        </button>
    }
}
