//! The desk's sign: the service's check-in code, large, and its QR code, to print and put at
//! the desk. Residents who booked scan it (or type the code) on their phone when they arrive
//! and get their queue number. With the way to the desk and to the hall's screen.

use leptos::prelude::*;
use linli_api::appointments::Service;

use crate::community::svg_data_uri;
use crate::i18n::{t, t_args, tr};

/// Prints the page; the print style keeps only the sign.
fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[component]
pub fn DeskSign(service: Service, saved: RwSignal<bool>) -> impl IntoView {
    let Service { id, name, desk_code, desk_qr_svg, .. } = service;
    let code = desk_code.unwrap_or_default();
    let alt_code = code.clone();
    view! {
        <section id="desk-sign" class="desk-sign" aria-labelledby="desk-sign-heading">
            <p id="service-saved" role="status" class="done">{move || saved.get().then(|| t("staff-sign-saved"))}</p>
            <h2 id="desk-sign-heading" tabindex="-1">{tr("staff-sign-heading")}</h2>
            <p class="desk-sign-name">{name}</p>
            <p class="invite-code" id="desk-code">{code}</p>
            {desk_qr_svg.map(|svg| view! {
                <img class="qr" id="desk-qr" src=svg_data_uri(&svg) width="240" height="240"
                    alt=move || t_args("staff-sign-qr-alt", &[("code", alt_code.clone().into())])/>
            })}
            <p class="hint desk-sign-hint">{tr("staff-sign-hint")}</p>
            <div class="staff-links desk-sign-actions">
                <button type="button" class="button" id="print-desk-sign" on:click=move |_| print_page()>{tr("staff-sign-print")}</button>
                <a class="button" id="desk-link" href=format!("/services/{id}/desk")>{tr("staff-open-desk")}</a>
                <a class="button" id="display-link" href=format!("/display/{id}")>{tr("staff-open-display")}</a>
            </div>
        </section>
    }
}
