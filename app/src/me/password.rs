//! Me's password and sign-in section: change the password (the current one first; the other
//! devices are signed out by the server), and sign out everywhere (a lost phone), after a
//! confirmation, which signs this device out too.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use linli_api::admin::ChangePassword;
use linli_api::{validate, ApiError, ErrorCode};

use crate::accounts::{passwords_match, NewPasswordTwice};
use crate::i18n::{t, tr};
use crate::layout::{ErrorBox, FormAlert, FormError, SubmitButton, TextField};
use crate::native;
use crate::session::Session;

const FIELDS: &[&str] = &["current_password", "new_password", "new_password_again"];

fn checked(current: &str, new_password: &str, again: &str) -> Result<ChangePassword, ApiError> {
    if current.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "current_password"));
    }
    validate::new_password(new_password, "new_password")?;
    passwords_match(new_password, again)?;
    Ok(ChangePassword { current_password: current.to_owned(), new_password: new_password.to_owned() })
}

#[component]
pub fn PasswordSection() -> impl IntoView {
    view! {
        <section id="password-section" aria-labelledby="password-heading">
            <h2 id="password-heading">{tr("password-heading")}</h2>
            <ChangePasswordForm/>
            <SignOutEverywhere/>
        </section>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let session = Session::get();
    let current = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let changed = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        changed.set(false);
        let typed = checked(&current.get_untracked(), &new_password.get_untracked(), &again.get_untracked());
        let Some(request) = form.checked(typed) else { return };
        let client = session.client();
        form.send(session, busy, async move { client.change_password(&request).await }, move |()| {
            for field in [current, new_password, again] {
                field.set(String::new());
            }
            busy.set(false);
            changed.set(true);
        });
    };
    view! {
        <form id="change-password" novalidate on:submit=submit>
            <h3>{tr("password-change-heading")}</h3>
            <FormAlert form/>
            <TextField form field="current_password" id="password-current" label="password-current" value=current
                kind="password" autocomplete="current-password"/>
            <NewPasswordTwice form id="password-new" again_id="password-new-again" hint_id="password-new-hint" new_password again/>
            <p class="done" role="status" id="password-changed">{move || changed.get().then(|| t("password-changed"))}</p>
            <SubmitButton id="password-change-submit" label="password-change-submit" busy/>
        </form>
    }
}

#[component]
fn SignOutEverywhere() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let leave = move || {
        // Leave the guarded page first, so its gate does not send us to sign-in.
        navigate("/", Default::default());
        set_timeout(move || session.forget(), std::time::Duration::ZERO);
    };
    let confirm = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let client = session.client();
        let leave = leave.clone();
        spawn_local(async move {
            match client.sign_out_everywhere().await {
                // Already signed out (this session was among those ended): the same outcome.
                Ok(()) => leave(),
                Err(failure) if failure.code() == ErrorCode::Unauthenticated => leave(),
                Err(failure) => {
                    error.try_set(Some(failure.code()));
                    busy.try_set(false);
                }
            }
        });
    };
    view! {
        <div id="sign-out-everywhere-section">
            <h3>{tr("sign-out-everywhere")}</h3>
            <p class="hint" id="sign-out-everywhere-hint">{tr("sign-out-everywhere-hint")}</p>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <div class="form-actions">
                        <button type="button" class="button danger" id="sign-out-everywhere" aria-describedby="sign-out-everywhere-hint"
                            on:click=move |_| {
                                asking.set(true);
                                native::focus_soon("#sign-out-everywhere-confirm");
                            }>
                            {tr("sign-out-everywhere")}
                        </button>
                    </div>
                }
            >
                <div class="inline-form" id="sign-out-everywhere-ask">
                    <p id="sign-out-everywhere-question">{tr("sign-out-everywhere-question")}</p>
                    <div class="form-actions">
                        <button type="button" class="button danger" id="sign-out-everywhere-confirm"
                            aria-describedby="sign-out-everywhere-question" disabled=move || busy.get() on:click=confirm.clone()>
                            {move || if busy.get() { t("busy") } else { t("sign-out-everywhere-confirm") }}
                        </button>
                        <button type="button" class="button" id="sign-out-everywhere-cancel" on:click=move |_| {
                            asking.set(false);
                            error.set(None);
                            native::focus_soon("#sign-out-everywhere");
                        }>{tr("accounts-cancel")}</button>
                    </div>
                </div>
            </Show>
            {move || error.get().map(|code| view! { <ErrorBox code/> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_password_then_the_new_one_twice() {
        let field = |result: Result<ChangePassword, ApiError>| result.unwrap_err().field.unwrap_or_default();
        assert_eq!(field(checked("", "long enough", "long enough")), "current_password");
        assert_eq!(field(checked("old one", "short", "short")), "new_password");
        assert_eq!(field(checked("old one", "long enough", "long enuff")), "new_password_again");
        assert_eq!(checked("old one", "long enough", "long enough").unwrap().new_password, "long enough");
    }
}
