//! `/privacy`: the privacy policy residents accept when they register (PIPL: informed,
//! specific consent, in words a resident can read).

use leptos::prelude::*;

use super::Session;
use crate::i18n::tr;
use crate::layout::Page;

#[component]
pub fn Privacy() -> impl IntoView {
    let back = if Session::get().is_signed_in_untracked() { "/me" } else { "/register" };
    view! {
        <Page back title="privacy-title">
            <div class="policy">
                <p>{tr("privacy-intro")}</p>
                <h2>{tr("privacy-collect-heading")}</h2>
                <p>{tr("privacy-collect-body")}</p>
                <h2>{tr("privacy-why-heading")}</h2>
                <p>{tr("privacy-why-body")}</p>
                <h2>{tr("privacy-who-heading")}</h2>
                <p>{tr("privacy-who-body")}</p>
                <h2>{tr("privacy-keep-heading")}</h2>
                <p>{tr("privacy-keep-body")}</p>
                <h2>{tr("privacy-rights-heading")}</h2>
                <p>{tr("privacy-rights-body")}</p>
                <h2>{tr("privacy-contact-heading")}</h2>
                <p>{tr("privacy-contact-body")}</p>
            </div>
        </Page>
    }
}
