//! `/family/invite` (residents): choose what a relative may do, get a single-use code.

use leptos::prelude::*;
use linli_api::family::{FamilyInvite, Grant, NewFamilyInvite};

use super::{grants_text, GrantChoices};
use crate::community::svg_data_uri;
use crate::help::asks_for_help;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{FormAlert, FormError, Guarded, Page};
use crate::native;
use crate::session::Session;

#[component]
pub fn InviteFamily() -> impl IntoView {
    view! {
        <Page back="/family" title="family-invite-title">
            <Guarded allow=asks_for_help>
                <InviteForm/>
            </Guarded>
        </Page>
    }
}

#[component]
fn InviteForm() -> impl IntoView {
    let session = Session::get();
    let chosen = RwSignal::new(vec![Grant::ReadNotices]);
    let issued = RwSignal::new(None::<FamilyInvite>);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["grants"]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let client = session.client();
        let request = NewFamilyInvite { grants: chosen.get_untracked() };
        form.send(session, busy, async move { client.create_family_invite(&request).await }, move |invite| {
            issued.set(Some(invite));
            busy.set(false);
        });
    };
    view! {
        <p>{tr("family-invite-intro")}</p>
        <form id="family-invite-form" on:submit=submit>
            <FormAlert form/>
            <GrantChoices chosen id_prefix="invite-grant".to_owned()/>
            <crate::layout::FieldError form field="grants"/>
            <button type="submit" class="button primary" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("family-invite-create") }}
            </button>
        </form>
        {move || issued.get().map(|invite| view! { <IssuedCode invite/> })}
    }
}

#[component]
fn IssuedCode(invite: FamilyInvite) -> impl IntoView {
    let session = Session::get();
    let FamilyInvite { code, grants, expires_at, join_path, qr_svg } = invite;
    let link = format!("{}{join_path}", native::server_url());
    let alt_code = code.clone();
    view! {
        <section id="family-code" class="invite" aria-labelledby="family-code-heading">
            <h2 id="family-code-heading">{tr("family-code-label")}</h2>
            <p class="invite-code" id="family-code-value">{code}</p>
            <img class="qr" src=svg_data_uri(&qr_svg) width="240" height="240"
                alt=move || t_args("invites-qr-alt", &[("code", alt_code.clone().into())])/>
            <p>{move || t_args("family-may", &[("grants", grants_text(&grants).into())])}</p>
            <p>{move || t_args("family-code-expires", &[("date", format_datetime(locale(), expires_at, session.utc_offset()).into())])}</p>
            <p class="hint">{tr("family-code-link")}" "<span class="invite-link">{link}</span></p>
        </section>
    }
}
