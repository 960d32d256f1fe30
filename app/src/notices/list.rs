//! `/notices`: pinned first, then newest; unread ones marked in words and with a dot.

use leptos::prelude::*;
use linli_api::notices::{NoticeCategory, NoticeSummary};

use super::{category_id, LoadState};
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::icons::{self, icon};
use crate::layout::{ErrorBox, Guarded, Loading, Page};
use crate::session::Session;

#[component]
pub fn NoticeList() -> impl IntoView {
    view! {
        <Page back="/" title="notices-title">
            <Guarded>
                <Notices/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let session = Session::get();
    let store = session.notices;
    store.arrived.set(None);
    store.refresh(session.client());
    let retry = Callback::new(move |_| store.refresh(session.client()));
    let failed = move || match store.state.get() {
        LoadState::Failed(code) => Some(code),
        _ => None,
    };
    let first_load = move || store.state.get() == LoadState::Loading && store.items.with(Vec::is_empty);
    let empty = move || store.state.get() == LoadState::Loaded && store.items.with(Vec::is_empty);
    view! {
        <p class="summary">
            {move || t_args("notices-unread-count", &[("count", store.unread.get().into())])}
        </p>
        // New notices arrive without a reload; screen readers hear their titles politely.
        <p id="notices-arrived" class="visually-hidden" role="status">
            {move || store.arrived.get().map(|title| t_args("notices-arrived", &[("title", title.into())]))}
        </p>
        <ul id="notice-list" class="notice-list">
            {move || store.items.get().into_iter().map(|notice| view! { <NoticeItem notice/> }).collect_view()}
        </ul>
        {move || first_load().then(|| view! { <Loading/> })}
        {move || empty().then(|| view! { <p class="empty">{tr("notices-empty")}</p> })}
        {move || failed().map(|code| view! { <ErrorBox code retry/> })}
        {move || (store.has_more() && store.state.get() == LoadState::Loaded).then(|| view! {
            <button type="button" id="more" class="button" on:click=move |_| store.load_more(session.client())>
                {tr("notices-more")}
            </button>
        })}
    }
}

#[component]
fn NoticeItem(notice: NoticeSummary) -> impl IntoView {
    let session = Session::get();
    let NoticeSummary { id, title, category, pinned, urgent, published_at, read, .. } = notice;
    let date = move || format_datetime(locale(), published_at, session.utc_offset());
    view! {
        <li data-notice-id=id.to_string() data-read=if read { "true" } else { "false" } class:unread=!read class:urgent=urgent>
            <a href=format!("/notices/{id}")>
                <span class="notice-title">
                    {(!read).then(|| view! {
                        <span class="dot" aria-hidden="true"></span>
                        <span class="visually-hidden">{tr("notice-unread")}</span>
                    })}
                    {title}
                </span>
                <span class="notice-meta">
                    {urgent.then(|| view! { <span class="tag urgent">{icon(icons::URGENT)}{tr("notice-urgent")}</span> })}
                    {pinned.then(|| view! { <span class="tag pinned">{icon(icons::PIN)}{tr("notice-pinned")}</span> })}
                    // An urgent notice in the urgent category needs the word only once.
                    {(!(urgent && category == NoticeCategory::Urgent)).then(|| view! {
                        <span class="tag category">{move || t(category_id(category))}</span>
                    })}
                    <time datetime=published_at.to_rfc3339()>{date}</time>
                </span>
            </a>
        </li>
    }
}
