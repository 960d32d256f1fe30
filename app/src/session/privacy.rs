//! `/privacy`: the privacy policy residents accept when they register (PIPL: informed,
//! specific consent, in words a resident can read, or hear: it can be read aloud).

use leptos::prelude::*;

use super::Session;
use crate::i18n::{t, tr};
use crate::layout::Page;
use crate::speech::{reading_text, ReadAloud};

/// The policy's sections, heading and text (the introduction has no heading).
const SECTIONS: [(Option<&str>, &str); 7] = [
    (None, "privacy-intro"),
    (Some("privacy-collect-heading"), "privacy-collect-body"),
    (Some("privacy-why-heading"), "privacy-why-body"),
    (Some("privacy-who-heading"), "privacy-who-body"),
    (Some("privacy-keep-heading"), "privacy-keep-body"),
    (Some("privacy-rights-heading"), "privacy-rights-body"),
    (Some("privacy-contact-heading"), "privacy-contact-body"),
];

#[component]
pub fn Privacy() -> impl IntoView {
    let back = if Session::get().is_signed_in_untracked() { "/me" } else { "/register" };
    let reading = Signal::derive(|| {
        let texts: Vec<String> =
            SECTIONS.iter().flat_map(|(heading, body)| heading.iter().chain([body]).map(|id| t(id))).collect();
        reading_text(&texts.iter().map(String::as_str).collect::<Vec<_>>())
    });
    view! {
        <Page back title="privacy-title">
            <ReadAloud text=reading/>
            <div class="policy">
                {SECTIONS.into_iter().map(|(heading, body)| view! {
                    {heading.map(|id| view! { <h2>{move || t(id)}</h2> })}
                    <p>{tr(body)}</p>
                }).collect_view()}
            </div>
        </Page>
    }
}
