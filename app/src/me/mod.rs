//! Me (我的): who I am, where I live, and my settings.

mod controls;
mod password;
mod prefs;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::auth::{Me, Role};
use linli_api::community::HouseholdLabel;

use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, Guarded, Page};
use crate::session::Session;

pub use controls::{ElderlyToggle, LanguageSelect, NotifyToggle};
pub use prefs::Prefs;

/// The Fluent message naming a role.
pub fn role_id(role: Role) -> &'static str {
    match role {
        Role::Resident => "role-resident",
        Role::Staff => "role-staff",
        Role::Property => "role-property",
        Role::Merchant => "role-merchant",
        Role::Admin => "role-admin",
        Role::Family => "role-family",
    }
}

/// 3栋 2单元 501, worded by the locale.
pub fn household_text(household: &HouseholdLabel) -> String {
    t_args(
        "household",
        &[
            ("building", household.building.clone().into()),
            ("unit", household.unit.clone().into()),
            ("room", household.room.clone().into()),
        ],
    )
}

#[component]
pub fn MePage() -> impl IntoView {
    view! {
        <Page back="/" title="me-title">
            <Guarded>
                <Profile/>
                <p><a id="me-family" class="button" href="/family">{tr("family-title")}</a></p>
                <Settings/>
                <password::PasswordSection/>
                <SignOut/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Profile() -> impl IntoView {
    let session = Session::get();
    move || {
        session.me().map(|me: Me| {
            let Me { name, phone_masked, role, is_owner, community, household, .. } = me;
            let role_text = move || {
                let role = t(role_id(role));
                if is_owner { t_args("me-role-owner", &[("role", role.into())]) } else { role }
            };
            let household = household.clone();
            view! {
                <dl class="profile">
                    <dt>{tr("me-name")}</dt>
                    <dd id="me-name">{name}</dd>
                    <dt>{tr("me-phone")}</dt>
                    <dd id="me-phone">{phone_masked}</dd>
                    <dt>{tr("me-community")}</dt>
                    <dd>{community.name}</dd>
                    <dt>{tr("me-household")}</dt>
                    <dd id="me-household">
                        {move || household.as_ref().map(household_text).unwrap_or_else(|| t("me-household-none"))}
                    </dd>
                    <dt>{tr("me-role")}</dt>
                    <dd id="me-role">{role_text}</dd>
                </dl>
            }
        })
    }
}

#[component]
fn Settings() -> impl IntoView {
    let save_error = Session::get().prefs.save_error;
    view! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{tr("me-settings")}</h2>
            <LanguageSelect id="language"/>
            <ElderlyToggle id="elderly-mode" hint=true/>
            <NotifyToggle/>
            <p role="alert" class="error" class:empty=move || save_error.get().is_none()>
                {move || save_error.get().map(error_text)}
            </p>
            <p><a href="/privacy">{tr("me-privacy-link")}</a></p>
        </section>
    }
}

#[component]
fn SignOut() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    view! {
        <button
            type="button"
            id="sign-out"
            class="button danger"
            on:click=move |_| {
                // Leave the guarded page first, so its gate does not send us to sign-in.
                navigate("/", Default::default());
                set_timeout(move || session.sign_out(), std::time::Duration::ZERO);
            }
        >
            {tr("sign-out")}
        </button>
    }
}
