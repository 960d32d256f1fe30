//! `/reset-password` (signed out): the phone, the eight-digit code staff handed over (a reset
//! code for a forgotten password, or a new account's setup code) and a new password typed
//! twice; the server answers with a session, so the person lands signed in on home.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::admin::ResetPassword;
use linli_api::{validate, ApiError, ErrorCode};

use super::{passwords_match, NewPasswordTwice, WordedField};
use crate::i18n::{t, tr};
use crate::layout::{FormAlert, FormError, Hint, Page, SubmitButton, TextField};
use crate::session::Session;

const FIELDS: &[&str] = &["phone", "code", "new_password", "new_password_again"];

/// How many digits a code has.
const CODE_DIGITS: usize = 8;

/// The code as typed (spaces, dashes, full-width digits) as its eight digits, or why not.
pub fn normalize_code(raw: &str) -> Result<String, ApiError> {
    let mut digits = String::new();
    for c in raw.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '０'..='９' => digits.extend(char::from_u32(c as u32 - '０' as u32 + '0' as u32)),
            ' ' | '\u{3000}' | '-' | '－' => {}
            _ => return Err(ApiError::on_field(ErrorCode::InvalidValue, "code")),
        }
    }
    match digits.len() {
        0 => Err(ApiError::on_field(ErrorCode::FieldRequired, "code")),
        CODE_DIGITS => Ok(digits),
        _ => Err(ApiError::on_field(ErrorCode::InvalidValue, "code")),
    }
}

/// What the form can tell before asking the server, in the order of its fields.
fn checked(phone: &str, code: &str, new_password: &str, again: &str) -> Result<ResetPassword, ApiError> {
    let phone = validate::phone(phone)?;
    let code = normalize_code(code)?;
    validate::new_password(new_password, "new_password")?;
    passwords_match(new_password, again)?;
    Ok(ResetPassword { phone: phone.into(), code, new_password: new_password.to_owned() })
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    view! {
        <Page back="/sign-in" title="reset-title">
            <p class="summary">{tr("reset-intro")}</p>
            <ResetForm/>
        </Page>
    }
}

#[component]
fn ResetForm() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = checked(&phone.get_untracked(), &code.get_untracked(), &new_password.get_untracked(), &again.get_untracked());
        let Some(request) = form.checked(typed) else { return };
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.reset_password(&request).await }, move |granted| {
            session.begin(granted);
            navigate("/", Default::default());
        });
    };
    let code_hint = Hint { id: "reset-code-hint", text: Signal::derive(|| t("reset-code-hint")) };
    view! {
        <form id="reset-password" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="phone" id="reset-phone" label="field-phone" value=phone kind="tel" autocomplete="tel"/>
            <WordedField form field="code" id="reset-code" label="reset-code" value=code inputmode="numeric"
                autocomplete="one-time-code" hint=code_hint maxlength=16 class="pickup-code"
                worded=(ErrorCode::InvalidValue, "reset-code-format")/>
            <NewPasswordTwice form id="reset-new-password" again_id="reset-new-password-again" hint_id="reset-password-hint"
                new_password again/>
            <SubmitButton id="reset-submit" label="reset-submit" busy/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typed_any_way_a_phone_allows() {
        assert_eq!(normalize_code("1234 5678"), Ok("12345678".into()));
        assert_eq!(normalize_code(" 1234-5678 "), Ok("12345678".into()));
        assert_eq!(normalize_code("１２３４　５６７８"), Ok("12345678".into()));
        assert_eq!(normalize_code("  "), Err(ApiError::on_field(ErrorCode::FieldRequired, "code")));
        for bad in ["1234 567", "1234 56789", "1234 567a", "ABCD-EFGH"] {
            assert_eq!(normalize_code(bad), Err(ApiError::on_field(ErrorCode::InvalidValue, "code")), "{bad}");
        }
    }

    #[test]
    fn each_problem_names_its_field_in_the_forms_order() {
        let field = |result: Result<ResetPassword, ApiError>| result.unwrap_err().field.unwrap_or_default();
        assert_eq!(field(checked("123", "1234 5678", "long enough", "long enough")), "phone");
        assert_eq!(field(checked("13900000002", "1234", "long enough", "long enough")), "code");
        assert_eq!(field(checked("13900000002", "1234 5678", "short", "short")), "new_password");
        assert_eq!(field(checked("13900000002", "1234 5678", "long enough", "long enuf")), "new_password_again");
        let request = checked("139 0000 0002", "1234 5678", "long enough", "long enough").unwrap();
        assert_eq!((request.phone.as_str(), request.code.as_str()), ("13900000002", "12345678"));
    }
}
