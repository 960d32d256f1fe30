//! `/register`: a resident joins the household an invite code belongs to. The code comes
//! prefilled from `?code=`, so the QR code staff show can link straight here.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use linli_api::auth::{limits, RegisterRequest};
use linli_api::{validate, ApiError};

use super::Session;
use crate::i18n::{self, t, t_args, tr};
use crate::layout::{ConsentCheck, FormAlert, FormError, Hint, Page, TextField};

const FIELDS: &[&str] = &["invite_code", "phone", "name", "password", "accept_privacy_policy"];

/// What the form can tell before asking the server (the server's own checks, from
/// `linli_api::validate`); on success the request is trimmed and its phone normalised.
pub fn validate_registration(request: &mut RegisterRequest) -> Option<ApiError> {
    match validate::registration(request) {
        Ok(checked) => {
            *request = checked;
            None
        }
        Err(error) => Some(error),
    }
}

#[component]
pub fn Register() -> impl IntoView {
    view! {
        <Page back="/" title="register-title">
            <RegisterForm/>
        </Page>
    }
}

#[component]
fn RegisterForm() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let query = use_query_map();
    let invite_code = RwSignal::new(query.read_untracked().get("code").unwrap_or_default());
    let phone = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut request = RegisterRequest {
            invite_code: invite_code.get_untracked(),
            phone: phone.get_untracked(),
            name: name.get_untracked(),
            password: password.get_untracked(),
            accept_privacy_policy: accept.get_untracked(),
            locale: Some(i18n::locale_untracked()),
        };
        if let Some(error) = validate_registration(&mut request) {
            form.set(Some(error));
            return;
        }
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.register(&request).await }, move |granted| {
            session.begin(granted);
            navigate("/", Default::default());
        });
    };

    let code_hint = Hint { id: "register-invite-code-hint", text: Signal::derive(|| t("field-invite-code-hint")) };
    let password_hint = Hint {
        id: "register-password-hint",
        text: Signal::derive(|| t_args("field-password-hint", &[("min", limits::PASSWORD_MIN_CHARS.into())])),
    };
    view! {
        <form id="register" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="invite_code" id="register-invite-code" label="field-invite-code" value=invite_code
                autocomplete="off" code=true hint=code_hint maxlength=limits::INVITE_CODE_MAX_CHARS/>
            <TextField form field="phone" id="register-phone" label="field-phone" value=phone kind="tel" autocomplete="tel"/>
            <TextField form field="name" id="register-name" label="field-name" value=name autocomplete="name"
                maxlength=limits::NAME_MAX_CHARS/>
            <TextField form field="password" id="register-password" label="field-password" value=password
                kind="password" autocomplete="new-password" hint=password_hint/>
            <ConsentCheck form id="register-accept" accept/>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("register-submit") }}
            </button>
        </form>
        <p class="aside">{tr("register-have-account")}" "<a href="/sign-in">{tr("home-sign-in")}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::ErrorCode;

    fn request() -> RegisterRequest {
        RegisterRequest {
            invite_code: " AB12CD ".into(),
            phone: "138 1234 5678".into(),
            name: "王阿姨".into(),
            password: "secret-enough".into(),
            accept_privacy_policy: true,
            locale: None,
        }
    }

    fn field_of(request: &mut RegisterRequest) -> Option<(ErrorCode, String)> {
        validate_registration(request).map(|e| (e.code, e.field.unwrap_or_default()))
    }

    #[test]
    fn a_complete_registration_is_normalised_and_passes() {
        let mut ok = request();
        assert_eq!(validate_registration(&mut ok), None);
        assert_eq!(ok.phone, "13812345678");
        assert_eq!(ok.invite_code, "AB12CD");
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut r = request();
        r.invite_code = " ".into();
        assert_eq!(field_of(&mut r), Some((ErrorCode::FieldRequired, "invite_code".into())));
        let mut r = request();
        r.phone = "12345".into();
        assert_eq!(field_of(&mut r), Some((ErrorCode::InvalidPhone, "phone".into())));
        let mut r = request();
        r.password = "short".into();
        assert_eq!(field_of(&mut r), Some((ErrorCode::PasswordTooShort, "password".into())));
    }

    #[test]
    fn registration_needs_consent_to_the_privacy_policy() {
        let mut r = request();
        r.accept_privacy_policy = false;
        assert_eq!(field_of(&mut r), Some((ErrorCode::ConsentRequired, "accept_privacy_policy".into())));
    }
}
