//! Home: a welcome with sign-in and registration when signed out; a few big tiles when
//! signed in (only for what exists, so an elderly resident never sees more than six).

use leptos::prelude::*;
use linli_api::auth::Role;

use super::icons::{self, icon};
use super::{ErrorBox, Loading};
use crate::i18n::{t_args, tr};
use crate::me::{ElderlyToggle, LanguageSelect};
use crate::session::{can_invite, can_publish, Auth, Session};

#[derive(Debug, Clone, Copy, PartialEq)]
enum HomeState {
    Checking,
    SignedOut,
    Failed(linli_api::ErrorCode),
    SignedIn(Role),
}

#[component]
pub fn Home() -> impl IntoView {
    let session = Session::get();
    let state = Memo::new(move |_| {
        session.auth.with(|auth| match auth {
            Auth::Checking => HomeState::Checking,
            Auth::SignedOut => HomeState::SignedOut,
            Auth::Failed(code) => HomeState::Failed(*code),
            Auth::SignedIn(me) => HomeState::SignedIn(me.role),
        })
    });
    let retry = Callback::new(move |_| session.check());
    view! {
        <header class="bar home-bar">
            <ElderlyToggle id="home-elderly-mode"/>
        </header>
        {move || match state.get() {
            HomeState::Checking => view! {
                <main id="home"><h1>{tr("app-name")}</h1><Loading/></main>
            }.into_any(),
            HomeState::Failed(code) => view! {
                <main id="home"><h1>{tr("app-name")}</h1><ErrorBox code retry/></main>
            }.into_any(),
            HomeState::SignedOut => view! { <Welcome/> }.into_any(),
            HomeState::SignedIn(role) => view! { <Tiles role/> }.into_any(),
        }}
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <main id="home" class="welcome">
            <h1 class="app-name">{tr("app-name")}</h1>
            <p class="tagline">{tr("app-tagline")}</p>
            <div class="welcome-actions">
                <a class="button primary" href="/sign-in">{tr("home-sign-in")}</a>
                <a class="button" href="/register">{tr("home-register")}</a>
                <LanguageSelect id="home-language"/>
            </div>
        </main>
    }
}

#[component]
fn Tiles(role: Role) -> impl IntoView {
    let session = Session::get();
    let greeting = move || {
        session.me().map(|me| t_args("home-greeting", &[("name", me.name.into()), ("community", me.community.name.into())]))
    };
    view! {
        <main id="home">
            <h1 class="app-name">{tr("app-name")}</h1>
            <p class="greeting">{greeting}</p>
            <nav id="tiles" aria-label=tr("home-tiles-label")>
                <a class="tile" href="/notices">
                    {icon(icons::NOTICES)}
                    <span class="tile-label">{tr("tile-notices")}</span>
                    <UnreadBadge/>
                </a>
                {can_publish(role).then(|| view! {
                    <a class="tile" href="/notices/new">
                        {icon(icons::COMPOSE)}
                        <span class="tile-label">{tr("tile-compose")}</span>
                    </a>
                })}
                {can_invite(role).then(|| view! {
                    <a class="tile" href="/invites">
                        {icon(icons::INVITE)}
                        <span class="tile-label">{tr("tile-invites")}</span>
                    </a>
                })}
                <a class="tile" href="/me">
                    {icon(icons::ME)}
                    <span class="tile-label">{tr("tile-me")}</span>
                </a>
            </nav>
        </main>
    }
}

/// The unread count on the notices tile: the number for the eye, words for the ear.
#[component]
fn UnreadBadge() -> impl IntoView {
    let unread = Session::get().notices.unread;
    move || {
        let count = unread.get();
        (count > 0).then(|| {
            view! {
                <span class="badge" id="unread-badge">
                    <span aria-hidden="true">{count}</span>
                    <span class="visually-hidden">{move || t_args("notices-unread-count", &[("count", count.into())])}</span>
                </span>
            }
        })
    }
}
