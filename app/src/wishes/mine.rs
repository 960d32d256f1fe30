//! `/wishes/mine`: the wishes I posted, in every state (declined ones with staff's reason on
//! their page), and the wishes I hold as a volunteer. A family member sees the resident's
//! wishes here (`?for=`) and posts for them.

use leptos::prelude::*;
use linli_api::ids::UserId;
use linli_api::wishes::WishSummary;

use super::WishCard;
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::i18n::tr;
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::session::{is_member, Session};

#[component]
pub fn MyWishesPage() -> impl IntoView {
    let resident = acting_for();
    let back = match resident {
        Some(resident) => format!("/family/for/{resident}"),
        None => "/wishes".to_owned(),
    };
    view! {
        <Page back title="wish-mine-title">
            <Guarded>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                <Mine resident/>
            </Guarded>
        </Page>
    }
}

/// A list that loads once and again whenever a wish changes.
fn live_list(session: Session, request: impl Fn() -> Option<linli_api::Client> + Copy + 'static, mine: bool) -> Loaded<Vec<WishSummary>> {
    let list: Loaded<Vec<WishSummary>> = RwSignal::new(None);
    let load = move || {
        if let Some(client) = request() {
            load_into(session, list, async move { if mine { client.my_wishes().await } else { client.claimed_wishes().await } });
        }
    };
    load();
    session.live.reload_on_any(session.live.wish_changed, load);
    list
}

#[component]
fn WishList(list: Loaded<Vec<WishSummary>>, id: &'static str, empty: &'static str, resident: Option<UserId>) -> impl IntoView {
    move || match list.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code/> }.into_any(),
        Some(Ok(wishes)) if wishes.is_empty() => view! { <p class="empty" id=format!("{id}-none")>{tr(empty)}</p> }.into_any(),
        Some(Ok(wishes)) => view! {
            <ul id=id class="wish-list">{wishes.into_iter().map(|wish| view! { <WishCard wish resident/> }).collect_view()}</ul>
        }.into_any(),
    }
}

#[component]
fn Mine(resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let role = session.me().map(|me| me.role);
    // Staff post for others: those wishes are not theirs.
    let posts = resident.is_some() || role == Some(linli_api::auth::Role::Resident);
    let volunteers = resident.is_none() && role.is_some_and(is_member);
    let client = move || session.client_for(resident);
    let posted = live_list(session, move || posts.then(client), true);
    let held = live_list(session, move || volunteers.then(client), false);
    view! {
        {posts.then(|| view! {
            <a class="button primary" id="wish-mine-new" href=keep_for("/wishes/new", resident)>{tr("wish-new-title")}</a>
            <section aria-labelledby="wish-posted-heading">
                <h2 id="wish-posted-heading">{tr("wish-posted-heading")}</h2>
                <WishList list=posted id="wish-posted" empty="wish-posted-none" resident/>
            </section>
        })}
        {volunteers.then(|| view! {
            <section aria-labelledby="wish-held-heading">
                <h2 id="wish-held-heading">{tr("wish-held-heading")}</h2>
                <WishList list=held id="wish-held" empty="wish-held-none" resident=None/>
            </section>
        })}
    }
}
