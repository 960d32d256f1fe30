//! `/shop/scan`: the shop checks the pickup code a household shows, typed (`1234-5678`, the
//! dash optional) or, in the app on a phone, scanned with the camera. A good code marks the
//! order picked up and shows what to hand over and what the household pays; a wrong one, a
//! code used before, or a group that has not formed is said in words under the input.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{display_pickup_code, limits, yuan, Order, OrderState, PickupRequest};
use linli_api::{validate, ApiError, ClientError, ErrorCode};

use super::picking::lines_text;
use super::{is_merchant, ShopPage};
use crate::i18n::{t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError, Guarded};
use crate::me::household_text;
use crate::native;
use crate::session::Session;

#[component]
pub fn ScanPage() -> impl IntoView {
    view! {
        <ShopPage id="scan" back="/shop">
            <h1 tabindex="-1">{tr("shop-scan-title")}</h1>
            <Guarded allow=is_merchant>
                <Scanner/>
            </Guarded>
        </ShopPage>
    }
}

/// The server's refusal as the form shows it: the refusals about the code itself go under
/// the input, whatever field the server named.
pub fn code_error(error: &ClientError) -> ApiError {
    match error.code() {
        code @ (ErrorCode::PickupCodeInvalid | ErrorCode::AlreadyPickedUp | ErrorCode::NotFormed) => ApiError::on_field(code, "code"),
        code => ApiError { code, field: error.field().map(str::to_owned) },
    }
}

#[component]
fn Scanner() -> impl IntoView {
    let session = Session::get();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["code"]);
    let picked = RwSignal::new(None::<Order>);
    let camera_failed = RwSignal::new(false);
    let camera = native::is_mobile_tauri();

    let check = move || {
        if busy.get_untracked() {
            return;
        }
        picked.set(None);
        camera_failed.set(false);
        let typed = code.get_untracked();
        let checked = match validate::pickup_code(&typed) {
            Ok(checked) => checked,
            Err(error) => {
                form.set(Some(error));
                super::focus_soon("#pickup-code-input");
                return;
            }
        };
        form.clear();
        busy.set(true);
        let client = session.client();
        spawn_local(async move {
            match client.pick_up(&PickupRequest { code: checked }).await {
                Ok(order) => {
                    code.try_set(String::new());
                    picked.try_set(Some(order));
                }
                Err(error) => {
                    session.on_error(error.code());
                    form.set(Some(code_error(&error)));
                }
            }
            busy.try_set(false);
            // Ready for the next household's code.
            super::focus_soon("#pickup-code-input");
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        check();
    };
    let scan = move |_| {
        if !busy.get_untracked() {
            native::scan_into(code, camera_failed, "#pickup-code-input", check);
        }
    };
    view! {
        <form id="pickup-form" novalidate on:submit=submit>
            <FormAlert form/>
            <div class="field">
                <label for="pickup-code-input">{tr("shop-field-pickup-code")}</label>
                <input id="pickup-code-input" class="pickup-code" name="code" type="text" inputmode="numeric"
                    autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="done" required
                    maxlength=limits::PICKUP_CODE_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("code")
                    aria-describedby=move || form.described_by("code", Some("pickup-code-hint"))
                    bind:value=code/>
                <p id="pickup-code-hint" class="hint">{tr("shop-pickup-code-hint")}</p>
                <FieldError form field="code"/>
            </div>
            <button type="submit" id="pickup-submit" class="button primary big" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("shop-pickup-submit") }}
            </button>
            {camera.then(|| view! {
                <button type="button" id="scan-camera" class="button big" disabled=move || busy.get() on:click=scan>
                    {tr("shop-scan-camera")}
                </button>
            })}
            <p id="scan-camera-status" role="status" class="hint">{move || camera_failed.get().then(|| t("shop-scan-camera-failed"))}</p>
        </form>
        <section id="pickup-result" aria-live="polite" aria-labelledby="pickup-result-heading">
            <h2 id="pickup-result-heading" class="visually-hidden">{tr("shop-pickup-result-heading")}</h2>
            {move || picked.get().map(|order| view! { <PickedUp order/> })}
        </section>
    }
}

/// The order just handed over: whose, what, and what they pay.
#[component]
fn PickedUp(order: Order) -> impl IntoView {
    let Order { id, campaign_title, household, lines, total_fen, state, pickup_code, .. } = order;
    let code = pickup_code.map(|code| display_pickup_code(&code));
    let picked = state == OrderState::PickedUp;
    view! {
        <div class="done pickup-card" id=format!("pickup-order-{id}")>
            <p class="pickup-state">{move || t(if picked { "shop-pickup-done" } else { "shop-pickup-checked" })}</p>
            <p class="participant-name" id="pickup-household">{move || household_text(&household)}</p>
            <p class="hint">{campaign_title}</p>
            {code.map(|code| view! { <p class="hint">{move || t_args("shop-pickup-code-was", &[("code", code.clone().into())])}</p> })}
            <ul class="picking-products">
                {lines.iter().map(|line| {
                    let line = line.clone();
                    let one = std::slice::from_ref(&line).to_vec();
                    view! { <li>{move || lines_text(&one)}" "{yuan(line.subtotal_fen)}</li> }
                }).collect_view()}
            </ul>
            <p class="pickup-total" id="pickup-total">{move || t_args("shop-pay-on-pickup", &[("total", yuan(total_fen).into())])}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_about_the_code_are_shown_under_it() {
        let refused = |code: ErrorCode, field: Option<&str>| ClientError::Api { status: 409, error: ApiError { code, field: field.map(str::to_owned) } };
        for code in [ErrorCode::PickupCodeInvalid, ErrorCode::AlreadyPickedUp, ErrorCode::NotFormed] {
            assert_eq!(code_error(&refused(code, None)), ApiError::on_field(code, "code"));
        }
        assert_eq!(code_error(&refused(ErrorCode::Forbidden, None)), ApiError { code: ErrorCode::Forbidden, field: None });
        assert_eq!(code_error(&ClientError::Network("down".into())).code, ErrorCode::Network);
    }
}
