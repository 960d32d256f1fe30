//! Accounts and passwords: staff run their community's accounts (`/accounts`), the street
//! office's administrator sees every community and sets new ones up (`/admin/communities`),
//! and anyone with a one-time code from staff sets a new password (`/reset-password`).
//!
//! There is no SMS: every code is handed over in person, shown once, large, with whom it is
//! for and until when it works.

mod code;
mod communities;
mod list;
mod reset;

use leptos::prelude::*;
use linli_api::{ApiError, ErrorCode};

use crate::i18n::{t, t_args};
use crate::layout::{error_text, field_error_id, FormError, Hint, TextField};

pub use code::{CodeKind, HeadingLevel, IssuedCode};
pub use communities::CommunitiesPage;
pub use list::AccountsPage;
pub use reset::{normalize_code, ResetPasswordPage};

/// A key: the community's accounts (账号管理).
pub const ACCOUNTS_ICON: &str = r#"<circle cx="8" cy="15" r="4.5"/><path d="M11.2 11.8L20 3"/><path d="M16.5 6.5l3 3"/><path d="M14 9l2 2"/>"#;
/// Two buildings: every community at a glance (社区总览).
pub const COMMUNITIES_ICON: &str = r#"<path d="M3 21h18"/><path d="M5 21V7l6-3v17"/><path d="M11 21V10h8v11"/><path d="M8 9v1M8 13v1M8 17v1M14.5 14v1M14.5 17v1"/>"#;

/// The second typing of a new password matches the first, or the error to show under it.
pub fn passwords_match(new_password: &str, again: &str) -> Result<(), ApiError> {
    if again.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "new_password_again"));
    }
    if new_password != again {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "new_password_again"));
    }
    Ok(())
}

/// The name and phone of an account being opened; a phone that already has an account is
/// said as such under it.
#[component]
pub fn NameAndPhone(
    form: FormError,
    name_id: &'static str,
    phone_id: &'static str,
    name: RwSignal<String>,
    phone: RwSignal<String>,
) -> impl IntoView {
    view! {
        <TextField form field="name" id=name_id label="field-name" value=name autocomplete="off"
            maxlength=linli_api::auth::limits::NAME_MAX_CHARS/>
        <WordedField form field="phone" id=phone_id label="field-phone" value=phone kind="tel" autocomplete="off"
            worded=(ErrorCode::PhoneTaken, "accounts-phone-taken")/>
    }
}

/// A new password typed twice (`new_password`, `new_password_again`) with the length hint,
/// as a password change and a reset ask for it; the hint's id is `{id}-hint`.
#[component]
pub fn NewPasswordTwice(
    form: FormError,
    id: &'static str,
    again_id: &'static str,
    hint_id: &'static str,
    new_password: RwSignal<String>,
    again: RwSignal<String>,
) -> impl IntoView {
    let hint = Hint {
        id: hint_id,
        text: Signal::derive(|| t_args("field-password-hint", &[("min", linli_api::auth::limits::PASSWORD_MIN_CHARS.into())])),
    };
    view! {
        <TextField form field="new_password" id label="password-new" value=new_password kind="password" autocomplete="new-password" hint/>
        <WordedField form field="new_password_again" id=again_id label="password-new-again" value=again
            kind="password" autocomplete="new-password" worded=(ErrorCode::InvalidValue, "password-mismatch")/>
    }
}

/// A labelled input with its hint and its error, like `TextField`, but free to word one
/// error code its own way (a "not allowed" that means "the two passwords differ").
#[component]
pub fn WordedField(
    form: FormError,
    /// The request field this input fills; errors about it show here.
    field: &'static str,
    id: &'static str,
    /// Fluent id of the label.
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<Hint>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] class: Option<&'static str>,
    /// An error code said with this Fluent message instead of the general sentence.
    #[prop(optional)]
    worded: Option<(ErrorCode, &'static str)>,
) -> impl IntoView {
    let inputmode = inputmode.or((kind == "tel").then_some("tel"));
    let text = move |code: ErrorCode| match worded {
        Some((special, id)) if special == code => t(id),
        _ => error_text(code),
    };
    view! {
        <div class="field">
            <label for=id>{move || t(label)}</label>
            <input id=id name=field type=kind autocomplete=autocomplete inputmode=inputmode required class=class
                maxlength=maxlength.map(|max| max.to_string())
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, hint.map(|hint| hint.id))
                bind:value=value/>
            {hint.map(|hint| view! { <p id=hint.id class="hint">{move || hint.text.get()}</p> })}
            {move || form.on(field).map(|code| view! {
                <p id=field_error_id(field) class="field-error" role="alert">{move || text(code)}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_password_must_be_typed_and_equal() {
        assert_eq!(passwords_match("long enough", "long enough"), Ok(()));
        assert_eq!(passwords_match("long enough", ""), Err(ApiError::on_field(ErrorCode::FieldRequired, "new_password_again")));
        assert_eq!(passwords_match("long enough", "long enougH"), Err(ApiError::on_field(ErrorCode::InvalidValue, "new_password_again")));
    }
}
