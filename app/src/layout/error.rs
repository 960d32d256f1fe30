//! Errors as sentences: every `ErrorCode` has a Fluent message `error-…`, shown in words
//! (never only in colour) in an element screen readers announce.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::{ApiError, ClientError, ErrorCode};

use crate::i18n::{t, tr};
use crate::session::Session;

/// The localised sentence for an error code.
pub fn error_text(code: ErrorCode) -> String {
    t(&code.message_id())
}

/// An error with its sentence, and a "try again" button when `retry` is given.
#[component]
pub fn ErrorBox(code: ErrorCode, #[prop(optional)] retry: Option<Callback<()>>) -> impl IntoView {
    view! {
        <div class="error-box">
            <p role="alert" class="error">{move || error_text(code)}</p>
            {retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>{tr("retry")}</button>
            })}
        </div>
    }
}

/// The error of a form: either about one of its fields or about the whole form.
#[derive(Clone, Copy)]
pub struct FormError {
    error: RwSignal<Option<ApiError>>,
    fields: &'static [&'static str],
}

impl FormError {
    /// `fields` are the form's field names; an error on any other field is shown form-wide.
    pub fn new(fields: &'static [&'static str]) -> Self {
        Self { error: RwSignal::new(None), fields }
    }

    pub fn set(&self, error: Option<ApiError>) {
        self.error.set(error);
    }

    pub fn from_client(&self, error: &ClientError) {
        let api = ApiError { code: error.code(), field: error.field().map(str::to_owned) };
        self.error.set(Some(api));
    }

    pub fn clear(&self) {
        self.error.set(None);
    }

    /// What the form's own checks made of what was typed, or nothing once its error is shown.
    pub fn checked<T>(&self, result: Result<T, ApiError>) -> Option<T> {
        result.map_err(|error| self.error.set(Some(error))).ok()
    }

    /// Sends the form's request: clears the old error and marks the form busy; on failure
    /// shows the error (and drops an expired session) and frees the form; on success hands
    /// the answer to `on_success`, which decides what comes next.
    pub fn send<T: 'static>(
        self,
        session: Session,
        busy: RwSignal<bool>,
        request: impl Future<Output = Result<T, ClientError>> + 'static,
        on_success: impl FnOnce(T) + 'static,
    ) {
        self.clear();
        busy.set(true);
        spawn_local(async move {
            match request.await {
                Ok(answer) => on_success(answer),
                Err(error) => {
                    session.on_error(error.code());
                    self.from_client(&error);
                    busy.set(false);
                }
            }
        });
    }

    /// The error about `field`, if any (tracked).
    pub fn on(&self, field: &str) -> Option<ErrorCode> {
        self.error.with(|e| e.as_ref().filter(|e| e.field.as_deref() == Some(field)).map(|e| e.code))
    }

    /// The error not about any of the form's fields (tracked).
    pub fn general(&self) -> Option<ErrorCode> {
        let fields = self.fields;
        self.error.with(|e| {
            e.as_ref()
                .filter(|e| e.field.as_deref().is_none_or(|f| !fields.contains(&f)))
                .map(|e| e.code)
        })
    }

    /// The `aria-describedby` of a field: its hint and, when present, its error.
    pub fn described_by(&self, field: &'static str, hint_id: Option<&str>) -> Option<String> {
        let mut ids: Vec<String> = hint_id.map(str::to_owned).into_iter().collect();
        if self.on(field).is_some() {
            ids.push(field_error_id(field));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    pub fn invalid(&self, field: &'static str) -> Option<&'static str> {
        self.on(field).map(|_| "true")
    }
}

/// The id of the element that shows a field's error.
pub fn field_error_id(field: &str) -> String {
    format!("{}-error", field.replace('_', "-"))
}

/// The sentence next to a field, present only while the field has an error.
#[component]
pub fn FieldError(form: FormError, field: &'static str) -> impl IntoView {
    move || {
        form.on(field).map(|code| {
            view! { <p id=field_error_id(field) class="field-error" role="alert">{move || error_text(code)}</p> }
        })
    }
}

/// The form-wide error, in an always-present `role="alert"` element.
#[component]
pub fn FormAlert(form: FormError) -> impl IntoView {
    view! {
        <p role="alert" class="error" class:empty=move || form.general().is_none()>
            {move || form.general().map(error_text)}
        </p>
    }
}
