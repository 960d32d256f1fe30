//! The residents registered in a household, as staff see them: name, masked phone, whether
//! they own it; "moved out" after a confirmation (it signs them out and takes them off the
//! household; their past records stay), and a one-time code for a forgotten password, shown
//! large to hand over in person.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::admin::OneTimeCode;
use linli_api::ids::UserId;
use linli_api::register::{HouseholdDetail, HouseholdResident};
use linli_api::ErrorCode;

use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::error_text;
use crate::native::focus_soon;
use crate::session::Session;

#[component]
pub fn Residents(shown: RwSignal<HouseholdDetail>) -> impl IntoView {
    // Said once a resident is gone from the list (their card with them).
    let moved_out = RwSignal::new(None::<String>);
    view! {
        <section id="household-residents" aria-labelledby="household-residents-heading">
            <h2 id="household-residents-heading" tabindex="-1">{tr("households-residents-heading")}</h2>
            <p id="household-moved-out" class="done" role="status">
                {move || moved_out.get().map(|name| t_args("households-moved-out-done", &[("name", name.into())]))}
            </p>
            {move || shown.with(|d| d.residents.is_empty()).then(|| view! {
                <p class="empty" id="household-residents-none">{tr("households-residents-none")}</p>
            })}
            <ul class="staff-cards" id="household-resident-list">
                <For each=move || shown.with(|d| d.residents.clone()) key=|resident| resident.id let:resident>
                    <ResidentCard resident shown moved_out/>
                </For>
            </ul>
        </section>
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Idle,
    Confirming,
    Busy,
    Failed(ErrorCode),
}

#[component]
fn ResidentCard(resident: HouseholdResident, shown: RwSignal<HouseholdDetail>, moved_out: RwSignal<Option<String>>) -> impl IntoView {
    let session = Session::get();
    let HouseholdResident { id, name, phone_masked, is_owner } = resident;
    let step = RwSignal::new(Step::Idle);
    let code = RwSignal::new(None::<OneTimeCode>);
    let code_busy = RwSignal::new(false);
    let code_error = RwSignal::new(None::<ErrorCode>);
    let who = name.clone();

    let confirm = move |_| {
        step.set(Step::Confirming);
        focus_soon(&format!("#move-out-yes-{id}"));
    };
    let cancel = move |_| {
        step.set(Step::Idle);
        focus_soon(&format!("#move-out-{id}"));
    };
    let move_out = {
        let name = name.clone();
        move |_| {
            if step.get_untracked() == Step::Busy {
                return;
            }
            step.set(Step::Busy);
            let client = session.client();
            let name = name.clone();
            spawn_local(async move {
                match client.move_out(id).await {
                    Ok(()) => {
                        moved_out.try_set(Some(name));
                        shown.try_update(|d| d.residents.retain(|r| r.id != id));
                        focus_soon("#household-residents-heading");
                    }
                    Err(error) => {
                        session.on_error(error.code());
                        step.try_set(Step::Failed(error.code()));
                    }
                }
            });
        }
    };
    let issue_code = move |_| {
        if code_busy.get_untracked() {
            return;
        }
        code_busy.set(true);
        code_error.set(None);
        let client = session.client();
        spawn_local(async move {
            let answer = client.reset_code(id).await;
            code_busy.try_set(false);
            match answer {
                Ok(issued) => {
                    code.try_set(Some(issued));
                    focus_soon(&format!("#reset-code-{id} .reset-code-heading"));
                }
                Err(error) => {
                    session.on_error(error.code());
                    code_error.try_set(Some(error.code()));
                }
            }
        });
    };
    let whose = move || view! { <span class="visually-hidden">" "{who.clone()}</span> };
    let whose_too = whose.clone();
    let confirming = move || matches!(step.get(), Step::Confirming | Step::Busy);
    let question_name = name.clone();
    view! {
        <li class="staff-card resident-card" id=format!("resident-{id}")>
            <h3 class="staff-card-title">
                {name.clone()}
                {is_owner.then(|| view! { " "<span class="tag">{tr("households-owner-mark")}</span> })}
            </h3>
            <p class="resident-phone-line">{move || t_args("households-resident-phone", &[("phone", phone_masked.clone().into())])}</p>
            {move || (!confirming()).then(|| view! {
                <div class="row-actions">
                    <button type="button" class="button" id=format!("reset-{id}") on:click=issue_code disabled=move || code_busy.get()>
                        {move || if code_busy.get() { t("busy") } else { t("households-reset-code") }}{whose()}
                    </button>
                    <button type="button" class="button danger" id=format!("move-out-{id}") on:click=confirm>
                        {tr("households-move-out")}{whose_too()}
                    </button>
                </div>
            })}
            {move || confirming().then(|| view! {
                <div class="inline-form" id=format!("move-out-confirm-{id}")>
                    <p>{t_args("households-move-out-question", &[("name", question_name.clone().into())])}</p>
                    <div class="row-actions">
                        <button type="button" class="button danger" id=format!("move-out-yes-{id}") on:click=move_out.clone()
                            disabled=move || step.get() == Step::Busy>
                            {move || if step.get() == Step::Busy { t("busy") } else { t("households-move-out-confirm") }}
                        </button>
                        <button type="button" class="button" id=format!("move-out-no-{id}") on:click=cancel>{tr("households-move-out-cancel")}</button>
                    </div>
                </div>
            })}
            {move || match step.get() {
                Step::Failed(code) => Some(view! { <p class="error" role="alert" id=format!("move-out-error-{id}")>{move || error_text(code)}</p> }),
                _ => None,
            }}
            {move || code_error.get().map(|code| view! {
                <p class="error" role="alert" id=format!("reset-error-{id}")>{move || error_text(code)}</p>
            })}
            {move || code.get().map(|issued| view! { <ResetCode id issued/> })}
        </li>
    }
}

/// The one-time code, large, with whom it is for, until when, and how to hand it over.
#[component]
fn ResetCode(id: UserId, issued: OneTimeCode) -> impl IntoView {
    let session = Session::get();
    let OneTimeCode { account, code, expires_at } = issued;
    let until = move || format_datetime(locale(), expires_at, session.utc_offset());
    view! {
        <div class="callout reset-code" id=format!("reset-code-{id}")>
            <p class="reset-code-heading" tabindex="-1">
                {move || t_args("households-reset-code-for", &[("name", account.name.clone().into()), ("phone", account.phone_masked.clone().into())])}
            </p>
            <p class="invite-code reset-code-digits" id=format!("reset-code-value-{id}")>{code}</p>
            <p>{move || t_args("households-reset-code-until", &[("until", until().into())])}</p>
            <p>{move || t("households-reset-code-hand-over")}</p>
        </div>
    }
}
