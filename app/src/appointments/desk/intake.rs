//! Who joins the queue at the desk: a walk-in gets the next number to the name staff write
//! down; a resident who booked is checked in by their booking's code, typed (eight digits,
//! spaces or a dash allowed) or, in the app on a phone, scanned with the camera from the QR
//! code on their phone, as the shop's scanner does.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::appointments::{limits, DeskCheckIn, DeskTicket, WalkIn};
use linli_api::ids::ServiceId;
use linli_api::validate::appointments as check;
use linli_api::{ApiError, ClientError, ErrorCode};

use crate::native::focus_soon;
use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, field_error_id, FieldError, FormAlert, FormError};
use crate::native;
use crate::session::Session;

/// How a number given at the desk reads: `A014 张大爷`.
fn given_text(ticket: &DeskTicket) -> String {
    t_args("staff-desk-given", &[("number", ticket.number.clone().into()), ("name", ticket.name.clone().into())])
}

#[component]
pub fn WalkInForm(id: ServiceId, reload: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["name"]);
    let given = RwSignal::new(None::<DeskTicket>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        given.set(None);
        let walk_in = match check::walk_in(&WalkIn { name: name.get_untracked() }) {
            Ok(walk_in) => walk_in,
            Err(error) => {
                form.set(Some(error));
                focus_soon("#walk-in-name");
                return;
            }
        };
        let client = session.client();
        form.send(session, busy, async move { client.walk_in(id, &walk_in).await }, move |ticket| {
            busy.set(false);
            name.set(String::new());
            given.set(Some(ticket));
            reload.run(());
            // Ready for the next person at the desk.
            focus_soon("#walk-in-name");
        });
    };
    view! {
        <section id="walk-in" class="desk-intake-part" aria-labelledby="walk-in-heading">
            <h2 id="walk-in-heading">{tr("staff-walk-in-heading")}</h2>
            <form id="walk-in-form" novalidate on:submit=submit>
                <FormAlert form/>
                <div class="field">
                    <label for="walk-in-name">{tr("staff-walk-in-name")}</label>
                    <input id="walk-in-name" name="name" type="text" autocomplete="off" required
                        maxlength=limits::WALK_IN_NAME_MAX_CHARS.to_string()
                        aria-invalid=move || form.invalid("name")
                        aria-describedby=move || form.described_by("name", Some("walk-in-name-hint"))
                        bind:value=name/>
                    <p id="walk-in-name-hint" class="hint">{tr("staff-walk-in-hint")}</p>
                    <FieldError form field="name"/>
                </div>
                <button type="submit" id="walk-in-submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { t("busy") } else { t("staff-walk-in-submit") }}
                </button>
                <p id="walk-in-number" role="status" class="done desk-given">{move || given.get().map(|ticket| given_text(&ticket))}</p>
            </form>
        </section>
    }
}

/// A booking's code as typed or scanned: its eight digits, whatever spaces, dashes or
/// full-width digits came with them.
pub fn booking_code(typed: &str) -> Result<String, ApiError> {
    let digits: String = typed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            other => other,
        })
        .filter(char::is_ascii_digit)
        .collect();
    match digits.len() {
        0 if typed.trim().is_empty() => Err(ApiError::on_field(ErrorCode::FieldRequired, "booking_code")),
        8 => Ok(digits),
        _ => Err(ApiError::on_field(ErrorCode::InvalidValue, "booking_code")),
    }
}

/// The server's refusal as the form shows it: those about the booking go under the input,
/// whatever field the server named.
pub fn check_in_error(error: &ClientError) -> ApiError {
    match error.code() {
        code @ (ErrorCode::BookingCodeInvalid | ErrorCode::NotCheckInTime | ErrorCode::BookingChanged) => ApiError::on_field(code, "booking_code"),
        code => ApiError { code, field: error.field().map(str::to_owned) },
    }
}

/// The sentence under the code: a clearer one when the typed code is not eight digits.
fn code_sentence(code: ErrorCode) -> String {
    if code == ErrorCode::InvalidValue { t("staff-check-in-format") } else { error_text(code) }
}

#[component]
pub fn CheckInForm(id: ServiceId, reload: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["booking_code"]);
    let checked_in = RwSignal::new(None::<DeskTicket>);
    let camera_failed = RwSignal::new(false);
    let camera = native::is_mobile_tauri();

    let check = move || {
        if busy.get_untracked() {
            return;
        }
        checked_in.set(None);
        camera_failed.set(false);
        let booking_code = match booking_code(&code.get_untracked()) {
            Ok(booking_code) => booking_code,
            Err(error) => {
                form.set(Some(error));
                focus_soon("#booking-code-input");
                return;
            }
        };
        form.clear();
        busy.set(true);
        let client = session.client();
        spawn_local(async move {
            match client.desk_check_in(id, &DeskCheckIn { booking_code }).await {
                Ok(ticket) => {
                    code.try_set(String::new());
                    checked_in.try_set(Some(ticket));
                    reload.run(());
                }
                Err(error) => {
                    session.on_error(error.code());
                    form.set(Some(check_in_error(&error)));
                }
            }
            busy.try_set(false);
            focus_soon("#booking-code-input");
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        check();
    };
    let scan = move |_| {
        if !busy.get_untracked() {
            native::scan_into(code, camera_failed, "#booking-code-input", check);
        }
    };
    let code_error = move || {
        form.on("booking_code").map(|error| {
            view! { <p id=field_error_id("booking_code") class="field-error" role="alert">{move || code_sentence(error)}</p> }
        })
    };
    view! {
        <section id="check-in" class="desk-intake-part" aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">{tr("staff-check-in-heading")}</h2>
            <form id="check-in-form" novalidate on:submit=submit>
                <FormAlert form/>
                <div class="field">
                    <label for="booking-code-input">{tr("staff-check-in-code")}</label>
                    <input id="booking-code-input" class="pickup-code" name="booking_code" type="text" inputmode="numeric"
                        autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="done" required maxlength="20"
                        aria-invalid=move || form.invalid("booking_code")
                        aria-describedby=move || form.described_by("booking_code", Some("booking-code-hint"))
                        bind:value=code/>
                    <p id="booking-code-hint" class="hint">{tr("staff-check-in-hint")}</p>
                    {code_error}
                </div>
                <button type="submit" id="booking-code-submit" class="button primary" disabled=move || busy.get()>
                    {move || if busy.get() { t("busy") } else { t("staff-check-in-submit") }}
                </button>
                {camera.then(|| view! {
                    <button type="button" id="booking-code-camera" class="button" disabled=move || busy.get() on:click=scan>
                        {tr("staff-check-in-camera")}
                    </button>
                })}
                <p id="booking-code-camera-status" role="status" class="hint">{move || camera_failed.get().then(|| t("staff-check-in-camera-failed"))}</p>
                <p id="check-in-result" role="status" class="done desk-given">{move || checked_in.get().map(|ticket| given_text(&ticket))}</p>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_code_is_eight_digits_however_typed() {
        assert_eq!(booking_code("1234 5678"), Ok("12345678".into()));
        assert_eq!(booking_code("１２３４-５６７８"), Ok("12345678".into()));
        assert_eq!(booking_code("  "), Err(ApiError::on_field(ErrorCode::FieldRequired, "booking_code")));
        assert_eq!(booking_code("1234567"), Err(ApiError::on_field(ErrorCode::InvalidValue, "booking_code")));
        assert_eq!(booking_code("abc"), Err(ApiError::on_field(ErrorCode::InvalidValue, "booking_code")));
    }

    #[test]
    fn refusals_about_the_booking_are_shown_under_the_code() {
        let refused = |code: ErrorCode| ClientError::Api { status: 409, error: ApiError { code, field: None } };
        for code in [ErrorCode::BookingCodeInvalid, ErrorCode::NotCheckInTime, ErrorCode::BookingChanged] {
            assert_eq!(check_in_error(&refused(code)), ApiError::on_field(code, "booking_code"));
        }
        assert_eq!(check_in_error(&refused(ErrorCode::Forbidden)).field, None);
    }
}
