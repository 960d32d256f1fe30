//! `/display/:id`: the "now serving" screen on a display in the hall, open to anyone (no
//! sign-in: it runs unattended). The service, the number being served in very large type,
//! the numbers called before it, the next ones and how many are waiting: numbers only, never
//! names. Without a sign-in there is no event stream, so it asks again every five seconds;
//! a failed ask keeps the last numbers on screen and says the screen is reconnecting.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::appointments::QueueDisplay;
use linli_api::ids::ServiceId;
use linli_api::ErrorCode;

use super::parse_service_id;
use super::staff::StaffPage;
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, Loading};
use crate::session::Session;

const POLL: Duration = Duration::from_secs(5);

#[component]
pub fn DisplayPage() -> impl IntoView {
    let id = parse_service_id(use_params_map().read_untracked().get("id"));
    view! {
        <StaffPage id="queue-screen" back="/">
            {match id {
                Some(id) => view! { <Screen id/> }.into_any(),
                None => view! { <h1>{tr("staff-screen-title")}</h1><ErrorBox code=ErrorCode::NotFound/> }.into_any(),
            }}
        </StaffPage>
    }
}

#[component]
fn Screen(id: ServiceId) -> impl IntoView {
    let session = Session::get();
    let shown = RwSignal::new(None::<QueueDisplay>);
    // Why the last ask failed; the screen keeps what it showed before.
    let failed = RwSignal::new(None::<ErrorCode>);
    let ask = move || {
        let client = session.client();
        leptos::task::spawn_local(async move {
            match client.queue_display(id).await {
                Ok(display) => {
                    failed.try_set(None);
                    // Unchanged numbers are not set again, so nothing is announced twice.
                    if shown.try_with_untracked(|shown| shown.as_ref() != Some(&display)) == Some(true) {
                        shown.try_set(Some(display));
                    }
                }
                Err(error) => {
                    failed.try_set(Some(error.code()));
                }
            }
        });
    };
    ask();
    if let Ok(handle) = set_interval_with_handle(ask, POLL) {
        on_cleanup(move || handle.clear());
    }
    let retry = Callback::new(move |_| ask());
    // What the screen is: changes rarely, so the numbers' elements (and their live region)
    // stay while the numbers in them change.
    let state = Memo::new(move |_| match (shown.with(Option::is_some), failed.get()) {
        (false, None) => Showing::Waiting,
        // A service that does not exist will not come back: no point in waiting.
        (false, Some(code)) | (true, Some(code @ ErrorCode::NotFound)) => Showing::Failed(code),
        (true, _) => Showing::Numbers,
    });
    move || match state.get() {
        Showing::Waiting => view! { <h1>{tr("staff-screen-title")}</h1><Loading/> }.into_any(),
        Showing::Failed(code) => view! { <h1>{tr("staff-screen-title")}</h1><ErrorBox code retry/> }.into_any(),
        Showing::Numbers => view! { <Numbers shown failed/> }.into_any(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Showing {
    Waiting,
    Failed(ErrorCode),
    Numbers,
}

/// A list of numbers, or words that say there are none.
fn numbers_list(id: &'static str, numbers: Vec<String>, none: &'static str) -> impl IntoView {
    if numbers.is_empty() {
        view! { <p class="screen-none" id=id>{tr(none)}</p> }.into_any()
    } else {
        view! {
            <ol class="screen-numbers" id=id>
                {numbers.into_iter().map(|number| view! { <li>{number}</li> }).collect_view()}
            </ol>
        }
        .into_any()
    }
}

#[component]
fn Numbers(shown: RwSignal<Option<QueueDisplay>>, failed: RwSignal<Option<ErrorCode>>) -> impl IntoView {
    let part = move |pick: fn(&QueueDisplay) -> Vec<String>| Memo::new(move |_| shown.with(|shown| shown.as_ref().map(pick).unwrap_or_default()));
    let next = part(|display| display.next.clone());
    let recent = part(|display| display.recently_called.clone());
    let name = move || shown.with(|shown| shown.as_ref().map(|display| display.service_name.clone()).unwrap_or_default());
    let now_serving = Memo::new(move |_| shown.with(|shown| shown.as_ref().and_then(|display| display.now_serving.clone())));
    let waiting = move || shown.with(|shown| shown.as_ref().map_or(0, |display| display.waiting));
    view! {
        <h1 id="screen-service" class="screen-service">{name}</h1>
        <div class="screen-board">
            <section class="screen-now" aria-labelledby="now-serving-label">
                <h2 id="now-serving-label">{tr("staff-screen-now")}</h2>
                // Read out when it changes, for whoever cannot see the screen well.
                <p id="now-serving" class="screen-now-number" aria-live="polite" aria-atomic="true">
                    {move || now_serving.get().unwrap_or_else(|| t("staff-screen-none-yet"))}
                </p>
                <p class="screen-now-hint">{tr("staff-screen-go")}</p>
            </section>
            <div class="screen-lists">
                <section aria-labelledby="screen-next-heading">
                    <h2 id="screen-next-heading">{tr("staff-screen-next")}</h2>
                    {move || numbers_list("screen-next", next.get(), "staff-screen-next-none")}
                </section>
                <section aria-labelledby="screen-recent-heading">
                    <h2 id="screen-recent-heading">{tr("staff-screen-recent")}</h2>
                    {move || numbers_list("screen-recent", recent.get(), "staff-screen-recent-none")}
                </section>
                <p class="screen-waiting" id="screen-waiting">{move || t_args("staff-screen-waiting", &[("count", waiting().into())])}</p>
            </div>
        </div>
        <p class="hint screen-status" role="status">{move || failed.get().is_some().then(|| t("staff-screen-reconnecting"))}</p>
    }
}
