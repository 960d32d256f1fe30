//! `/sign-in`: phone number and password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;
use linli_api::auth::SignInRequest;
use linli_api::{ApiError, ErrorCode, PhoneNumber};

use super::Session;
use crate::i18n::{t, tr};
use crate::layout::{FieldError, FormAlert, FormError, Page};

const FIELDS: &[&str] = &["phone", "password"];

#[component]
pub fn SignIn() -> impl IntoView {
    let session = Session::get();
    let signed_in = Memo::new(move |_| session.me().is_some());
    view! {
        <Page back="/" title="sign-in-title">
            {move || if signed_in.get() {
                view! { <Redirect path="/"/> }.into_any()
            } else {
                view! { <SignInForm/> }.into_any()
            }}
        </Page>
    }
}

#[component]
fn SignInForm() -> impl IntoView {
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
        form.send(session, busy, async move { client.sign_in(&request).await }, move |granted| {
            session.begin(granted);
            navigate("/", Default::default());
        });
    };

    view! {
        <form id="sign-in" novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for="sign-in-phone">{tr("field-phone")}</label>
                <input id="sign-in-phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required
                    aria-invalid=move || form.invalid("phone")
                    aria-describedby=move || form.described_by("phone", None)
                    bind:value=phone/>
                <FieldError form field="phone"/>
            </div>
            <div class="field">
                <label for="sign-in-password">{tr("field-password")}</label>
                <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required
                    aria-invalid=move || form.invalid("password")
                    aria-describedby=move || form.described_by("password", None)
                    bind:value=password/>
                <FieldError form field="password"/>
            </div>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("sign-in-submit") }}
            </button>
        </form>
        <p class="aside">{tr("sign-in-no-account")}" "<a href="/register">{tr("home-register")}</a></p>
    }
}
