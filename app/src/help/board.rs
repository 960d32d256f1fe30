//! `/help/requests` (staff on duty): requests arrive live; the first to acknowledge is the
//! one the resident sees coming.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::help::{HelpBoard, HelpRequest, HelpState};
use linli_api::ids::HelpRequestId;
use linli_api::ErrorCode;

use super::{answers_help, requester_text, tel_href};
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::session::Session;

#[component]
pub fn HelpBoardPage() -> impl IntoView {
    view! {
        <Page back="/" title="help-board-title">
            <Guarded allow=answers_help>
                <Board/>
            </Guarded>
        </Page>
    }
}

/// Puts a new or changed request where it belongs: open ones oldest first, closed ones newest first.
pub fn apply_update(board: &mut HelpBoard, request: HelpRequest) {
    board.open.retain(|r| r.id != request.id);
    board.recently_closed.retain(|r| r.id != request.id);
    if request.state == HelpState::Closed {
        board.recently_closed.insert(0, request);
    } else {
        let at = board.open.partition_point(|r| (r.raised_at, r.id) < (request.raised_at, request.id));
        board.open.insert(at, request);
    }
}

#[component]
fn Board() -> impl IntoView {
    let session = Session::get();
    let board = RwSignal::new(None::<Result<HelpBoard, ErrorCode>>);
    let action_error = RwSignal::new(None::<ErrorCode>);
    let load = move || {
        let client = session.client();
        load_into(session, board, async move { client.help_board().await });
    };
    load();
    Effect::new(move |_| {
        let Some(update) = session.live.help_update.get() else { return };
        board.update(|board| {
            if let Some(Ok(board)) = board {
                apply_update(board, update);
            }
        });
    });
    session.live.reload_on_resync(load);
    let act = move |id: HelpRequestId, acknowledge: bool| {
        action_error.set(None);
        let client = session.client();
        spawn_local(async move {
            let result = if acknowledge { client.acknowledge_help(id).await } else { client.close_help(id).await };
            match result {
                Ok(request) => board.update(|board| {
                    if let Some(Ok(board)) = board {
                        apply_update(board, request);
                    }
                }),
                Err(error) => {
                    session.on_error(error.code());
                    action_error.set(Some(error.code()));
                }
            }
        });
    };
    let retry = Callback::new(move |_| load());
    view! {
        <p>{tr("help-board-intro")}</p>
        {move || action_error.get().map(|code| view! { <ErrorBox code/> })}
        {move || match board.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(HelpBoard { open, recently_closed })) => view! {
                <section aria-labelledby="help-open-heading">
                    <h2 id="help-open-heading">{tr("help-board-open")}</h2>
                    // New requests are announced as they arrive.
                    <div aria-live="assertive">
                        {if open.is_empty() {
                            view! { <p class="empty" id="help-none">{tr("help-board-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul id="help-open" class="help-list">
                                    {open.into_iter().map(|request| view! { <RequestItem request act/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </div>
                </section>
                {(!recently_closed.is_empty()).then(|| view! {
                    <section aria-labelledby="help-closed-heading">
                        <h2 id="help-closed-heading">{tr("help-board-closed")}</h2>
                        <ul id="help-closed" class="help-list">
                            {recently_closed.into_iter().map(|request| view! { <RequestItem request act/> }).collect_view()}
                        </ul>
                    </section>
                })}
            }.into_any(),
        }}
    }
}

#[component]
fn RequestItem(request: HelpRequest, act: impl Fn(HelpRequestId, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let session = Session::get();
    let id = request.id;
    let raised_at = request.raised_at;
    let who = requester_text(&request);
    let phone = request.callback_phone.clone();
    let call_href = tel_href(&phone);
    let state_text = match (request.state, request.acknowledged_by.clone()) {
        (HelpState::Open, _) => t("help-state-open"),
        (HelpState::Acknowledged, Some(name)) => t_args("help-state-acknowledged", &[("name", name.into())]),
        (HelpState::Acknowledged, None) => t("help-state-open"),
        (HelpState::Closed, _) => t("help-state-closed"),
    };
    view! {
        <li class="help-item" id=format!("help-{id}") data-state=format!("{:?}", request.state).to_lowercase()>
            <p class="help-who">{who}</p>
            <p class="hint">
                <time datetime=raised_at.to_rfc3339()>{move || format_datetime(locale(), raised_at, session.utc_offset())}</time>
                " · "{state_text}
            </p>
            {(request.state != HelpState::Closed).then(|| view! {
                <a class="button call" href=call_href>{move || t_args("help-call-back", &[("phone", phone.clone().into())])}</a>
            })}
            {(request.state == HelpState::Open).then(|| view! {
                <button type="button" class="button primary" id=format!("help-ack-{id}") on:click=move |_| act(id, true)>
                    {tr("help-acknowledge")}
                </button>
            })}
            {(request.state != HelpState::Closed).then(|| view! {
                <button type="button" class="button" id=format!("help-close-{id}") on:click=move |_| act(id, false)>
                    {tr("help-close")}
                </button>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn request(id: i64, minute: u32, state: HelpState) -> HelpRequest {
        HelpRequest {
            id: HelpRequestId(id),
            state,
            resident_name: "陈秀英".into(),
            household: None,
            callback_phone: "13900000002".into(),
            raised_at: Utc.with_ymd_and_hms(2026, 11, 23, 9, minute, 0).unwrap(),
            acknowledged_by: None,
            acknowledged_at: None,
            closed_at: None,
        }
    }

    #[test]
    fn updates_keep_open_requests_oldest_first_and_move_closed_ones_out() {
        let mut board = HelpBoard::default();
        apply_update(&mut board, request(2, 10, HelpState::Open));
        apply_update(&mut board, request(1, 5, HelpState::Open));
        apply_update(&mut board, request(3, 20, HelpState::Open));
        assert_eq!(board.open.iter().map(|r| r.id.0).collect::<Vec<_>>(), [1, 2, 3]);
        apply_update(&mut board, request(2, 10, HelpState::Acknowledged));
        assert_eq!(board.open[1].state, HelpState::Acknowledged);
        apply_update(&mut board, request(1, 5, HelpState::Closed));
        assert_eq!(board.open.iter().map(|r| r.id.0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(board.recently_closed[0].id.0, 1);
    }

    #[test]
    fn phone_links_keep_only_digits() {
        assert_eq!(tel_href("021-5555 0100"), "tel:02155550100");
    }
}
