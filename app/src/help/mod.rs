//! One-tap help (一键求助). `/help`: a resident presses one big button, confirms once on a
//! large-type screen, and then sees, live, that the staff were told and who is coming; below,
//! the ways to report a problem and to post a wish, for what is not an emergency.
//! `/help/requests`: the staff on duty see requests arrive live and acknowledge them.

mod board;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::help::{HelpRequest, HelpState, MyHelp};
use linli_api::ErrorCode;

use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::icons::{self, icon};
use crate::layout::{ErrorBox, Guarded, Loading, Page};
use crate::me::household_text;
use crate::session::Session;

pub use board::HelpBoardPage;

/// Whether a role asks for help (residents) or answers it (staff), as the server decides.
pub fn asks_for_help(role: linli_api::auth::Role) -> bool {
    role == linli_api::auth::Role::Resident
}

pub fn answers_help(role: linli_api::auth::Role) -> bool {
    matches!(role, linli_api::auth::Role::Staff | linli_api::auth::Role::Admin)
}

/// Where a request came from, in words: name and household.
pub fn requester_text(request: &HelpRequest) -> String {
    match &request.household {
        Some(household) => t_args(
            "help-requester",
            &[("name", request.resident_name.clone().into()), ("household", household_text(household).into())],
        ),
        None => request.resident_name.clone(),
    }
}

/// `tel:` link target: digits and the plus sign only.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <Page back="/" title="help-title">
            <Guarded allow=asks_for_help>
                <AskForHelp/>
                // Not an emergency: 长辈版 residents find these here, their home's six tiles being taken.
                <HelpEntry id="report-entry" heading="report-entry-heading" text="report-entry-text" icon=icons::REPORT
                    new_href="/reports/new" new_label="report-new-title" mine_href="/reports" mine_label="reports-mine-heading"/>
                <HelpEntry id="wish-entry" heading="wish-entry-heading" text="wish-entry-text" icon=icons::WISH
                    new_href="/wishes/new" new_label="wish-new-title" mine_href="/wishes/mine" mine_label="wish-mine-title"/>
            </Guarded>
        </Page>
    }
}

/// Another module's way in on the help screen, for what is not an emergency: a heading, a
/// sentence, the big button to start (with its icon) and the way to one's own. The ids derive
/// from `id`: `{id}-heading`, `{id}-new`, `{id}-mine`.
#[component]
fn HelpEntry(
    id: &'static str,
    heading: &'static str,
    text: &'static str,
    icon: &'static str,
    new_href: &'static str,
    new_label: &'static str,
    mine_href: &'static str,
    mine_label: &'static str,
) -> impl IntoView {
    view! {
        <section id=id class="wish-entry" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{tr(heading)}</h2>
            <p>{tr(text)}</p>
            <a class="button" id=format!("{id}-new") href=new_href>{icons::icon(icon)}<span>{tr(new_label)}</span></a>
            <a class="button" id=format!("{id}-mine") href=mine_href>{tr(mine_label)}</a>
        </section>
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(ErrorCode),
    Ready(Box<MyHelp>),
}

#[component]
fn AskForHelp() -> impl IntoView {
    let session = Session::get();
    let state = RwSignal::new(Load::Loading);
    let load = move || {
        let client = session.client();
        spawn_local(async move {
            match client.my_help().await {
                Ok(mine) => state.set(Load::Ready(Box::new(mine))),
                Err(error) => {
                    session.on_error(error.code());
                    state.set(Load::Failed(error.code()));
                }
            }
        });
    };
    load();
    // A staff member's acknowledgement arrives over the event stream.
    Effect::new(move |_| {
        let Some(update) = session.live.help_update.get() else { return };
        state.update(|state| {
            if let Load::Ready(mine) = state {
                if mine.request.as_ref().is_some_and(|request| request.id == update.id) {
                    mine.request = Some(update);
                }
            }
        });
    });
    session.live.reload_on_resync(load);
    let retry = Callback::new(move |_| load());
    move || match state.get() {
        Load::Loading => view! { <Loading/> }.into_any(),
        Load::Failed(code) => view! { <ErrorBox code retry/> }.into_any(),
        Load::Ready(mine) => view! { <HelpFlow mine=*mine state/> }.into_any(),
    }
}

#[component]
fn HelpFlow(mine: MyHelp, state: RwSignal<Load>) -> impl IntoView {
    let session = Session::get();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let service_phone = mine.service_phone.clone();
    let active = mine.request.clone().filter(|request| request.state != HelpState::Closed);

    let settle = move |result: Result<HelpRequest, linli_api::ClientError>| match result {
        Ok(request) => {
            busy.set(false);
            confirming.set(false);
            state.update(|state| {
                if let Load::Ready(mine) = state {
                    mine.request = Some(request);
                }
            });
        }
        Err(failure) => {
            busy.set(false);
            session.on_error(failure.code());
            error.set(Some(failure.code()));
        }
    };
    let ask = move |_| {
        busy.set(true);
        error.set(None);
        let client = session.client();
        spawn_local(async move { settle(client.ask_for_help().await) });
    };
    let call_off = move |id| {
        busy.set(true);
        error.set(None);
        let client = session.client();
        spawn_local(async move { settle(client.close_help(id).await) });
    };

    let call_link = {
        let phone = service_phone.clone();
        let href = tel_href(&phone);
        view! {
            <a id="help-call" class="button call" href=href>
                {icon(icons::PHONE)}
                <span>{move || t_args("help-call", &[("phone", phone.clone().into())])}</span>
            </a>
        }
    };
    let failure = move || error.get().map(|code| view! { <ErrorBox code/> });

    match active {
        Some(request) => {
            let id = request.id;
            let raised_at = request.raised_at;
            view! {
                <section id="help-active" class="help-active" aria-labelledby="help-active-heading">
                    <h2 id="help-active-heading">{tr("help-sent-heading")}</h2>
                    <p id="help-status" role="status" class="help-status">
                        {match request.acknowledged_by.clone() {
                            Some(name) => t_args("help-coming", &[("name", name.into())]).into_any(),
                            None => tr("help-waiting").into_any(),
                        }}
                    </p>
                    <p class="hint">
                        {move || t_args("help-raised-at", &[("time", format_datetime(locale(), raised_at, session.utc_offset()).into())])}
                    </p>
                    {call_link}
                    {failure}
                    <button type="button" id="help-call-off" class="button" disabled=move || busy.get()
                        on:click=move |_| call_off(id)>
                        {tr("help-call-off")}
                    </button>
                </section>
            }
            .into_any()
        }
        None => view! {
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <p class="help-intro">{tr("help-intro")}</p>
                    <button type="button" id="help-ask" class="button help-button" on:click=move |_| confirming.set(true)>
                        {icon(icons::HELP)}
                        <span>{tr("help-button")}</span>
                    </button>
                }
            >
                // One confirmation, in large type, on its own screen rather than a pop-up.
                <section id="help-confirm-screen" class="confirm" aria-labelledby="help-confirm-heading">
                    <h2 id="help-confirm-heading">{tr("help-confirm-question")}</h2>
                    <p>{tr("help-confirm-detail")}</p>
                    {failure}
                    <button type="button" id="help-confirm" class="button primary help-button" disabled=move || busy.get() on:click=ask>
                        {move || if busy.get() { tr("busy").into_any() } else { tr("help-confirm-yes").into_any() }}
                    </button>
                    <button type="button" id="help-confirm-back" class="button" on:click=move |_| confirming.set(false)>
                        {tr("help-confirm-no")}
                    </button>
                </section>
            </Show>
            {call_link}
        }
        .into_any(),
    }
}
