//! The case at the desk: the booking code and its QR code to show there; checking in with
//! the code on the desk's sign, typed or (in the app on a phone) scanned; and the queue
//! number, large, with the number being served and how many are ahead, and "it is your
//! turn" said aloud by screen readers when it is called.

use chrono::{DateTime, Duration, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::appointments::{limits, CheckIn, TicketState};
use linli_api::groceries::display_pickup_code;
use linli_api::ids::{BookingId, UserId};
use linli_api::{ApiError, ClientError, ErrorCode};

use super::booking::Shown;
use super::service::zone;
use super::ticket_state_label;
use crate::community::svg_data_uri;
use crate::i18n::{t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError};
use crate::native;
use crate::session::Session;

/// The booking's code, large and as `1234-5678`, with its QR code for the desk to scan.
#[component]
pub fn BookingCode(code: String, qr: Option<String>) -> impl IntoView {
    let code = display_pickup_code(&code);
    let alt_code = code.clone();
    view! {
        <section class="pickup booking-code" id="booking-code-section" aria-labelledby="booking-code-heading">
            <h2 class="pickup-label" id="booking-code-heading">{tr("booking-code-heading")}</h2>
            <p class="pickup-code" id="booking-code">{code}</p>
            {qr.map(|svg| view! {
                <img class="qr" id="booking-qr" src=svg_data_uri(&svg) width="240" height="240"
                    alt=move || t_args("booking-qr-alt", &[("code", alt_code.clone().into())])/>
            })}
            <p>{tr("booking-code-show")}</p>
        </section>
    }
}

/// The server's refusal as the form shows it: a wrong desk code goes under the input.
fn check_in_error(error: &ClientError) -> ApiError {
    match error.code() {
        ErrorCode::DeskCodeInvalid => ApiError::on_field(ErrorCode::DeskCodeInvalid, "desk_code"),
        code => ApiError { code, field: error.field().map(str::to_owned) },
    }
}

/// At the desk: its code typed or scanned gives the queue number.
#[component]
pub fn CheckInForm(id: BookingId, shown: Shown, resident: Option<UserId>, starts_at: DateTime<Utc>) -> impl IntoView {
    let session = Session::get();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["desk_code"]);
    let camera_failed = RwSignal::new(false);
    let camera = native::is_mobile_tauri();
    let focus_input = || request_animation_frame(|| native::focus("#desk-code"));
    let check = move || {
        if busy.get_untracked() {
            return;
        }
        camera_failed.set(false);
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            form.set(Some(ApiError::on_field(ErrorCode::FieldRequired, "desk_code")));
            return focus_input();
        }
        form.clear();
        busy.set(true);
        let client = session.client_for(resident);
        spawn_local(async move {
            match client.check_in(id, &CheckIn { desk_code: typed }).await {
                Ok(ticket) => shown.checked_in(ticket),
                Err(error) => {
                    session.on_error(error.code());
                    form.set(Some(check_in_error(&error)));
                    busy.try_set(false);
                    focus_input();
                }
            }
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        check();
    };
    let scan = move |_| {
        if !busy.get_untracked() {
            native::scan_into(code, camera_failed, "#desk-code", check);
        }
    };
    let opens = move || {
        let at = (starts_at - Duration::minutes(limits::CHECK_IN_EARLY_MINUTES)).with_timezone(&zone(session.utc_offset()));
        t_args("check-in-opens", &[("time", at.format("%H:%M").to_string().into())])
    };
    view! {
        <form id="check-in-form" class="booking-section" novalidate on:submit=submit>
            <h2 id="check-in-heading">{tr("check-in-heading")}</h2>
            <p id="check-in-opens">{opens}</p>
            <FormAlert form/>
            <div class="field">
                <label for="desk-code">{tr("check-in-field")}</label>
                <input id="desk-code" class="desk-code-input" name="desk_code" type="text" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" enterkeyhint="done" required maxlength="20"
                    aria-invalid=move || form.invalid("desk_code")
                    aria-describedby=move || form.described_by("desk_code", Some("desk-code-hint"))
                    bind:value=code/>
                <p id="desk-code-hint" class="hint">{tr("check-in-hint")}</p>
                <FieldError form field="desk_code"/>
            </div>
            <button type="submit" id="check-in" class="button primary big" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("check-in-submit") }}
            </button>
            {camera.then(|| view! {
                <button type="button" id="check-in-scan" class="button big" disabled=move || busy.get() on:click=scan>
                    {tr("check-in-scan")}
                </button>
            })}
            <p id="check-in-camera-status" role="status" class="hint">{move || camera_failed.get().then(|| t("check-in-camera-failed"))}</p>
        </form>
    }
}

/// The queue number and where it stands, following the queue. The texts that change sit in
/// one steady status region (read out politely); being called is an alert.
#[component]
pub fn TicketPanel(shown: Shown) -> impl IntoView {
    let ticket = Memo::new(move |_| shown.with(|b| b.ticket.clone()).flatten());
    let state = Memo::new(move |_| ticket.with(|ticket| ticket.as_ref().map(|ticket| ticket.state)));
    let waiting = move || state.get() == Some(TicketState::Waiting);
    // Called again, the alert is made anew so that screen readers say it again.
    let called = Memo::new(move |_| {
        ticket.with(|ticket| ticket.as_ref().filter(|ticket| ticket.state == TicketState::Called).map(|ticket| ticket.called_at))
    });
    let now_serving = move || {
        ticket.with(|ticket| match ticket.as_ref().and_then(|ticket| ticket.now_serving.clone()) {
            Some(number) => t_args("ticket-now-serving", &[("number", number.into())]),
            None => t("ticket-not-started"),
        })
    };
    let ahead = move || t_args("ticket-ahead", &[("count", ticket.with(|ticket| ticket.as_ref().map_or(0, |ticket| ticket.ahead)).into())]);
    view! {
        <section class="ticket" id="ticket" aria-labelledby="ticket-heading">
            <h2 id="ticket-heading">{tr("ticket-heading")}</h2>
            <p class="ticket-number" id="ticket-number">{move || ticket.with(|ticket| ticket.as_ref().map(|ticket| ticket.number.clone()))}</p>
            <div class="ticket-standing" role="status">
                {move || waiting().then(|| view! {
                    <p class="ticket-ahead" id="ticket-ahead">{ahead}</p>
                    <p id="ticket-now-serving">{now_serving}</p>
                })}
                {move || state.get().filter(|state| matches!(state, TicketState::Served | TicketState::NoShow)).map(|state| view! {
                    <p id="ticket-state">{tr(ticket_state_label(state))}</p>
                })}
            </div>
            {move || called.get().map(|_| view! {
                <p class="ticket-called" id="ticket-called" role="alert">{tr("ticket-called")}</p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_desk_code_is_said_under_its_input() {
        let refused = |code: ErrorCode| ClientError::Api { status: 409, error: ApiError { code, field: None } };
        assert_eq!(check_in_error(&refused(ErrorCode::DeskCodeInvalid)), ApiError::on_field(ErrorCode::DeskCodeInvalid, "desk_code"));
        assert_eq!(check_in_error(&refused(ErrorCode::NotCheckInTime)), ApiError { code: ErrorCode::NotCheckInTime, field: None });
    }
}
