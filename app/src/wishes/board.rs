//! `/wishes`: the board. Wishes staff approved, those still in need first, filtered by
//! category and state; each card shows the wisher as initials and building only. The list
//! follows the board live. Links lead to posting, one's own wishes, the thanks wall and,
//! for staff, the review queue.

use leptos::prelude::*;
use linli_api::wishes::{WishBoardQuery, WishCategory, WishState, WishSummary};

use super::{category_label, posts_wishes, reviews_wishes, state_label, WishCard};
use crate::i18n::{t, tr};
use crate::layout::{ErrorBox, Guarded, ListPage, Loading, MoreButton, Page, Pages};
use crate::session::{is_member, Session};

#[component]
pub fn WishBoardPage() -> impl IntoView {
    view! {
        <Page back="/" title="wishes-title">
            <Guarded allow=is_member>
                <Board/>
            </Guarded>
        </Page>
    }
}

/// The states a neighbour may filter by (an empty choice: those still in need).
const BOARD_STATES: [WishState; 4] = [WishState::Open, WishState::Claimed, WishState::Fulfilled, WishState::Closed];

#[component]
fn Board() -> impl IntoView {
    let session = Session::get();
    let category = RwSignal::new(String::new());
    let state = RwSignal::new(String::new());
    let pages: Pages<WishSummary> = Pages::new();
    let fetch = move |from_start: bool| {
        let (category, state) = (WishCategory::parse(&category.get_untracked()), WishState::parse(&state.get_untracked()));
        pages.load(session, from_start, move |client, after| async move {
            let page = client.wish_board(&WishBoardQuery { category, state, after, limit: None }).await?;
            Ok(ListPage { items: page.wishes, next: page.next_after, total: None })
        })
    };
    let load = move || fetch(true);
    load();
    // Another's claim or a new approval changes the board.
    session.live.reload_on_any(session.live.wish_changed, load);
    let retry = Callback::new(move |_| load());
    let more = Callback::new(move |_| fetch(false));
    let role = move || session.me().map(|me| me.role);
    view! {
        <p class="summary">{tr("wishes-intro")}</p>
        <nav class="wish-links" aria-label=tr("wishes-links-label")>
            {move || role().filter(|role| posts_wishes(*role)).map(|_| view! {
                <a class="button primary" id="wish-new-link" href="/wishes/new">{tr("wish-new-title")}</a>
            })}
            <a class="button" id="wish-mine-link" href="/wishes/mine">{tr("wish-mine-title")}</a>
            <a class="button" id="wish-thanks-link" href="/wishes/thanks">{tr("wish-thanks-title")}</a>
            {move || role().filter(|role| reviews_wishes(*role)).map(|_| view! {
                <a class="button" id="wish-review-link" href="/wishes/review">{tr("wish-review-title")}</a>
            })}
        </nav>
        <form class="wish-filters" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="wish-filter-category">{tr("wish-filter-category")}</label>
                <select id="wish-filter-category" on:change=move |ev| { category.set(event_target_value(&ev)); load(); }>
                    <option value="">{tr("wish-filter-any-category")}</option>
                    {WishCategory::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{tr(category_label(c))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="wish-filter-state">{tr("wish-filter-state")}</label>
                <select id="wish-filter-state" on:change=move |ev| { state.set(event_target_value(&ev)); load(); }>
                    <option value="">{tr("wish-filter-in-need")}</option>
                    {BOARD_STATES.into_iter().map(|s| view! { <option value=s.as_str()>{tr(state_label(s))}</option> }).collect_view()}
                </select>
            </div>
        </form>
        {move || (pages.loading() && pages.items.with(Vec::is_empty)).then(|| view! { <Loading/> })}
        {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
        {move || pages.is_empty().then(|| view! { <p class="empty" id="wishes-none">{move || t("wishes-none")}</p> })}
        {move || (!pages.items.with(Vec::is_empty)).then(|| view! {
            <ul id="wish-list" class="wish-list">
                {pages.items.get().into_iter().map(|wish| view! { <WishCard wish/> }).collect_view()}
            </ul>
        })}
        <MoreButton id="more-wishes" label="wishes-more" shown=Signal::derive(move || pages.has_more()) more/>
    }
}
