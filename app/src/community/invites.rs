//! `/invites` (staff): pick a household, issue an invite, show the code and its QR code.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::community::{Invite, NewInvite};
use linli_api::ids::HouseholdId;

use crate::i18n::{format_datetime, locale, t, t_args, tr};
use super::HouseholdPicker;
use crate::layout::{FormAlert, FormError, Guarded, Page};
use crate::me::household_text;
use crate::native;
use crate::session::{can_invite, Session};

/// An SVG document as a `data:` URI for an `<img>` (which never runs scripts inside it).
pub fn svg_data_uri(svg: &str) -> String {
    let mut uri = String::from("data:image/svg+xml;utf8,");
    for byte in svg.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b' ' | b'-' | b'_' | b'.' | b'/' | b':' | b'=' | b',' | b';' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[component]
pub fn Invites() -> impl IntoView {
    view! {
        <Page back="/" title="invites-title">
            <Guarded allow=can_invite>
                <InviteDesk/>
            </Guarded>
        </Page>
    }
}

#[component]
fn InviteDesk() -> impl IntoView {
    view! {
        <p>{tr("invites-intro")}</p>
        <p class="staff-links">
            <a class="button" id="invites-print-link" href="/invites/print">{tr("households-print-link")}</a>
        </p>
        <IssueForm/>
    }
}

#[component]
fn IssueForm() -> impl IntoView {
    let session = Session::get();
    let selected = RwSignal::new(String::new());
    let invite = RwSignal::new(None::<Invite>);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["household_id"]);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Ok(id) = selected.get_untracked().parse::<i64>() else { return };
        if busy.get_untracked() {
            return;
        }
        let client = session.client();
        let request = async move { client.create_invite(&NewInvite { household_id: HouseholdId(id) }).await };
        form.send(session, busy, request, move |issued| {
            invite.set(Some(issued));
            busy.set(false);
        });
    };

    view! {
        <form id="create-invite" on:submit=submit>
            <FormAlert form/>
            <HouseholdPicker id="invite-household" chosen=selected form field="household_id" with_counts=true/>
            <button type="submit" class="button primary" disabled=move || busy.get() || selected.with(String::is_empty)>
                {move || if busy.get() { t("busy") } else { t("invites-create") }}
            </button>
        </form>
        {move || invite.get().map(|invite| view! { <IssuedInvite invite/> })}
    }
}

#[component]
fn IssuedInvite(invite: Invite) -> impl IntoView {
    let session = Session::get();
    let Invite { code, household, expires_at, max_uses, uses, qr_svg } = invite;
    // The server serves the app too, so its address is where a resident registers.
    let link = format!("{}/register?code={code}", native::server_url());
    let alt_code = code.clone();
    view! {
        <section id="invite" class="invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{tr("invites-code-label")}</h2>
            <p class="invite-code" id="invite-code">{code}</p>
            <img class="qr" src=svg_data_uri(&qr_svg) width="240" height="240"
                alt=move || t_args("invites-qr-alt", &[("code", alt_code.clone().into())])/>
            <p>{move || household_text(&household)}</p>
            <p>{move || t_args("invites-expires", &[("date", format_datetime(locale(), expires_at, session.utc_offset()).into())])}</p>
            <p>{move || t_args("invites-uses", &[("uses", uses.into()), ("max", max_uses.into())])}</p>
            <p class="hint">{tr("invites-link")}" "<span class="invite-link">{link}</span></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_becomes_a_data_uri_without_raw_markup() {
        let uri = svg_data_uri(r##"<svg xmlns="http://www.w3.org/2000/svg"><path fill="#000" d="M0 0h1"/></svg>"##);
        assert!(uri.starts_with("data:image/svg+xml;utf8,%3Csvg"));
        assert!(!uri.contains('<') && !uri.contains('"') && !uri.contains('#'));
        assert!(uri.contains("%23000"));
    }
}
