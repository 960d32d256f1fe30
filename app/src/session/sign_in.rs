//! `/sign-in`: phone number and password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_query_map};
use linli_api::auth::SignInRequest;
use linli_api::{ApiError, ErrorCode, PhoneNumber};

use super::Session;
use crate::i18n::{t, tr};
use crate::layout::{FormAlert, FormError, Page, TextField};

const FIELDS: &[&str] = &["phone", "password"];

/// Where to go after signing in: `?next=` when it is a path of this app, else home (so a
/// crafted link cannot send anyone to another site).
pub fn next_path(raw: Option<String>) -> String {
    match raw {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path,
        _ => "/".to_owned(),
    }
}

/// A link to sign in that comes back to `path` afterwards.
pub fn sign_in_then(path: &str) -> String {
    format!("/sign-in?next={}", String::from(js_sys::encode_uri_component(path)))
}

#[component]
pub fn SignIn() -> impl IntoView {
    let session = Session::get();
    let next = next_path(use_query_map().read_untracked().get("next"));
    let signed_in = Memo::new(move |_| session.me().is_some());
    view! {
        <Page back="/" title="sign-in-title">
            {move || if signed_in.get() {
                view! { <Redirect path=next.clone()/> }.into_any()
            } else {
                view! { <SignInForm next=next.clone()/> }.into_any()
            }}
        </Page>
    }
}

#[component]
fn SignInForm(next: String) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let raw_phone = phone.get_untracked();
        let request = SignInRequest {
            // Sent as typed when it does not parse: the server words the refusal.
            phone: PhoneNumber::parse(&raw_phone).map(String::from).unwrap_or(raw_phone),
            password: password.get_untracked(),
        };
        if request.phone.trim().is_empty() {
            form.set(Some(ApiError::on_field(ErrorCode::FieldRequired, "phone")));
            return;
        }
        if request.password.is_empty() {
            form.set(Some(ApiError::on_field(ErrorCode::FieldRequired, "password")));
            return;
        }
        let client = session.client();
        let navigate = navigate.clone();
        let next = next.clone();
        form.send(session, busy, async move { client.sign_in(&request).await }, move |granted| {
            session.begin(granted);
            navigate(&next, Default::default());
        });
    };

    view! {
        <form id="sign-in" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="phone" id="sign-in-phone" label="field-phone" value=phone kind="tel" autocomplete="tel"/>
            <TextField form field="password" id="sign-in-password" label="field-password" value=password
                kind="password" autocomplete="current-password"/>
            <p class="forgot-password"><a id="forgot-password" class="staff-card-link" href="/reset-password">{tr("sign-in-forgot")}</a></p>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("sign-in-submit") }}
            </button>
        </form>
        <p class="aside">{tr("sign-in-no-account")}" "<a href="/register">{tr("home-register")}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_app_are_followed_after_sign_in() {
        assert_eq!(next_path(Some("/family/join?code=K7PM-4XQ2".into())), "/family/join?code=K7PM-4XQ2");
        for away in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", ""] {
            assert_eq!(next_path(Some(away.into())), "/", "{away}");
        }
        assert_eq!(next_path(None), "/");
    }
}
