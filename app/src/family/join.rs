//! `/family/join?code=…`: the page a family code opens. Signed in, one button links the
//! accounts; without an account, a short registration makes a family account.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use linli_api::auth::limits;
use linli_api::family::{AcceptFamilyInvite, FamilyRegisterRequest};
use linli_api::validate;

use crate::i18n::{self, t, t_args, tr};
use crate::layout::{ConsentCheck, FormAlert, FormError, Hint, Loading, Page, TextField};
use crate::session::{sign_in_then, Auth, Session};

#[component]
pub fn JoinFamily() -> impl IntoView {
    let session = Session::get();
    let query = use_query_map();
    let code = RwSignal::new(query.read_untracked().get("code").unwrap_or_default());
    view! {
        <Page back="/" title="family-join-title">
            <p>{tr("family-join-intro")}</p>
            {move || match session.auth.get() {
                Auth::Checking => view! { <Loading/> }.into_any(),
                Auth::SignedIn(_) => view! { <AcceptForm code/> }.into_any(),
                Auth::SignedOut | Auth::Failed(_) => view! { <RegisterForm code/> }.into_any(),
            }}
        </Page>
    }
}

fn code_hint() -> Hint {
    Hint { id: "family-code-hint", text: Signal::derive(|| t("family-code-hint")) }
}

#[component]
fn AcceptForm(code: RwSignal<String>) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let form = FormError::new(&["code"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let client = session.client();
        let accept = AcceptFamilyInvite { code: code.get_untracked() };
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.accept_family_invite(&accept).await }, move |_| {
            navigate("/family", Default::default());
        });
    };
    view! {
        <form id="family-accept" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="code" id="family-join-code" label="family-code-field" value=code
                autocomplete="off" code=true hint=code_hint() maxlength=limits::INVITE_CODE_MAX_CHARS/>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("family-accept") }}
            </button>
        </form>
    }
}

#[component]
fn RegisterForm(code: RwSignal<String>) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let phone = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["code", "phone", "name", "password", "accept_privacy_policy"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = FamilyRegisterRequest {
            code: code.get_untracked(),
            phone: phone.get_untracked(),
            name: name.get_untracked(),
            password: password.get_untracked(),
            accept_privacy_policy: accept.get_untracked(),
            locale: Some(i18n::locale_untracked()),
        };
        let request = match validate::family_registration(&request) {
            Ok(checked) => checked,
            Err(error) => return form.set(Some(error)),
        };
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.register_family_member(&request).await }, move |registered| {
            session.begin(registered.session);
            navigate("/family", Default::default());
        });
    };
    let password_hint = Hint {
        id: "family-password-hint",
        text: Signal::derive(|| t_args("field-password-hint", &[("min", limits::PASSWORD_MIN_CHARS.into())])),
    };
    view! {
        <form id="family-register" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="code" id="family-join-code" label="family-code-field" value=code
                autocomplete="off" code=true hint=code_hint() maxlength=limits::INVITE_CODE_MAX_CHARS/>
            <TextField form field="name" id="family-name" label="field-name" value=name autocomplete="name"
                maxlength=limits::NAME_MAX_CHARS/>
            <TextField form field="phone" id="family-phone" label="field-phone" value=phone kind="tel" autocomplete="tel"/>
            <TextField form field="password" id="family-password" label="field-password" value=password
                kind="password" autocomplete="new-password" hint=password_hint/>
            <ConsentCheck form id="family-accept-privacy" accept/>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("family-register") }}
            </button>
        </form>
        <p class="aside">
            {tr("family-join-have-account")}" "
            <a id="family-join-sign-in" href=move || sign_in_then(&format!("/family/join?code={}", code.get()))>{tr("home-sign-in")}</a>
        </p>
    }
}
