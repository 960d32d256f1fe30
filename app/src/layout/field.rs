//! One labelled text input with its hint and its error, wired for screen readers: the
//! pattern every form uses.

use leptos::prelude::*;

use super::{FieldError, FormError};
use crate::i18n::t;

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
) -> impl IntoView {
    let inputmode = (kind == "tel").then_some("tel");
    let (autocapitalize, spellcheck) = if code { (Some("characters"), Some("false")) } else { (None, None) };
    view! {
        <div class="field">
            <label for=id>{move || t(label)}</label>
            <input id=id name=field type=kind autocomplete=autocomplete inputmode=inputmode required
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
