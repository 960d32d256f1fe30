//! A one-time code as staff show it across the counter: the eight digits large, whom it is
//! for, until when it works, and what to say when handing it over.

use leptos::prelude::*;
use linli_api::admin::OneTimeCode;

use crate::i18n::{format_datetime, locale, t, t_args};
use crate::me::role_id;
use crate::session::Session;

/// What a code is for: a new account's first password (24 hours) or a forgotten one (30 minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Setup,
    Reset,
}

/// The level of the code's heading where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingLevel {
    H2,
    H3,
}

/// The code under a heading naming the person (`{id}-heading`, focusable, so the page can
/// move there once the code arrives); the digits are `#{id}-value`.
#[component]
pub fn IssuedCode(id: String, issued: OneTimeCode, kind: CodeKind, level: HeadingLevel) -> impl IntoView {
    let session = Session::get();
    let OneTimeCode { account, code, expires_at } = issued;
    let heading_id = format!("{id}-heading");
    let name = account.name.clone();
    let heading = move || {
        let message = if kind == CodeKind::Setup { "accounts-setup-heading" } else { "accounts-reset-heading" };
        t_args(message, &[("name", name.clone().into())])
    };
    let heading = match level {
        HeadingLevel::H2 => view! { <h2 id=heading_id.clone() tabindex="-1">{heading}</h2> }.into_any(),
        HeadingLevel::H3 => view! { <h3 id=heading_id.clone() tabindex="-1">{heading}</h3> }.into_any(),
    };
    let role = account.role;
    let phone = account.phone_masked.clone();
    let whom = move || t_args("accounts-code-for", &[("role", t(role_id(role)).into()), ("phone", phone.clone().into())]);
    let until = move || t_args("accounts-code-until", &[("when", format_datetime(locale(), expires_at, session.utc_offset()).into())]);
    let tell = move || t(if kind == CodeKind::Setup { "accounts-setup-tell" } else { "accounts-reset-tell" });
    view! {
        <section class="invite one-time-code" id=id.clone() aria-labelledby=heading_id data-kind=if kind == CodeKind::Setup { "setup" } else { "reset" }>
            {heading}
            <p class="invite-code" id=format!("{id}-value")>{code}</p>
            <p>{whom}</p>
            <p id=format!("{id}-until")>{until}</p>
            <p class="callout">{tell}</p>
        </section>
    }
}
