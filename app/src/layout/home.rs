//! Home: a welcome with sign-in and registration when signed out; big tiles when signed
//! in: the richer set normally, at most six in 长辈版. At first start, before the device has
//! a 长辈版 setting, a card at the top offers it.

use leptos::prelude::*;
use linli_api::auth::Role;

use super::icons::{self, icon};
use super::{ErrorBox, Loading};
use crate::i18n::{t, t_args, tr};
use crate::me::{ElderlyToggle, LanguageSelect};
use crate::help::{answers_help, asks_for_help};
use crate::native;
use crate::session::{administers, can_invite, can_publish, is_member, Auth, Session};

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
    let prefs = session.prefs;
    let state = Memo::new(move |_| {
        session.auth.with(|auth| match auth {
            Auth::Checking => HomeState::Checking,
            Auth::SignedOut => HomeState::SignedOut,
            Auth::Failed(code) => HomeState::Failed(*code),
            Auth::SignedIn(me) => HomeState::SignedIn(me.role),
        })
    });
    let retry = Callback::new(move |_| session.check());
    // The header switch: not while the offer asks the same, and not on the simplified
    // home, whose choices are its tiles (the switch is in Me).
    let show_switch = move || {
        prefs.elderly_chosen.get() && !(prefs.elderly.get() && matches!(state.get(), HomeState::SignedIn(_)))
    };
    view! {
        <header class="bar home-bar">
            {move || show_switch().then(|| view! { <ElderlyToggle id="home-elderly-mode"/> })}
        </header>
        {move || match state.get() {
            HomeState::Checking => view! {
                <main id="home"><ElderlyOffer/><h1 tabindex="-1">{tr("app-name")}</h1><Loading/></main>
            }.into_any(),
            HomeState::Failed(code) => view! {
                <main id="home"><ElderlyOffer/><h1 tabindex="-1">{tr("app-name")}</h1><ErrorBox code retry/></main>
            }.into_any(),
            HomeState::SignedOut => view! { <Welcome/> }.into_any(),
            HomeState::SignedIn(role) => view! { <Tiles role/> }.into_any(),
        }}
    }
}

/// The first-start offer of 长辈版: one plain sentence, two big buttons, inline (never a
/// pop-up). Gone once answered; the answer is kept on the device and the account.
#[component]
fn ElderlyOffer() -> impl IntoView {
    let session = Session::get();
    let prefs = session.prefs;
    let answered = RwSignal::new(None::<bool>);
    let choose = move |on: bool| {
        prefs.set_elderly(on, session);
        answered.set(Some(on));
        // The pressed button is gone: continue from the page's heading.
        native::focus("main h1");
    };
    view! {
        {move || (!prefs.elderly_chosen.get()).then(|| view! {
            <section id="elderly-offer" class="offer" aria-labelledby="elderly-offer-text">
                <p id="elderly-offer-text" class="offer-text">
                    {icon(icons::TEXT_SIZE)}<span>{tr("elderly-offer-text")}</span>
                </p>
                <div class="offer-actions">
                    <button type="button" id="elderly-offer-yes" class="button primary" on:click=move |_| choose(true)>
                        {tr("elderly-offer-yes")}
                    </button>
                    <button type="button" id="elderly-offer-no" class="button" on:click=move |_| choose(false)>
                        {tr("elderly-offer-no")}
                    </button>
                </div>
            </section>
        })}
        <p class="visually-hidden" role="status">
            {move || answered.get().map(|on| if on { t("elderly-offer-on") } else { t("elderly-offer-off") })}
        </p>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <main id="home" class="welcome">
            <ElderlyOffer/>
            <h1 class="app-name" tabindex="-1">{tr("app-name")}</h1>
            <p class="tagline">{tr("app-tagline")}</p>
            <div class="welcome-actions">
                <a class="button primary" href="/sign-in">{tr("home-sign-in")}</a>
                <a class="button" href="/register">{tr("home-register")}</a>
                <LanguageSelect id="home-language"/>
            </div>
            <p class="shop-apply"><a id="shop-apply-link" href="/shop/apply">{tr("groceries-shop-apply-link")}</a></p>
        </main>
    }
}

/// Which home a tile is on: the standard one, 长辈版 (at most six tiles for any role), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modes {
    Standard,
    Elderly,
    Both,
}

impl Modes {
    fn shown(self, elderly: bool) -> bool {
        match self {
            Modes::Standard => !elderly,
            Modes::Elderly => elderly,
            Modes::Both => true,
        }
    }
}

/// One tile of the home screen: a module's entry, as icon and word.
pub struct Tile {
    /// The Fluent id of its word.
    pub label: &'static str,
    pub icon: &'static str,
    pub href: &'static str,
    /// Who sees it.
    pub shown_to: fn(Role) -> bool,
    /// On which home.
    pub modes: Modes,
}

fn everyone(_: Role) -> bool {
    true
}

fn family_account(role: Role) -> bool {
    !is_member(role)
}

/// Households order group buys.
fn buys_groceries(role: Role) -> bool {
    role == Role::Resident
}

/// The community's staff and property company follow the group buys (staff also pause them).
fn follows_groceries(role: Role) -> bool {
    matches!(role, Role::Staff | Role::Admin | Role::Property)
}

fn runs_a_shop(role: Role) -> bool {
    role == Role::Merchant
}

/// Every tile, in the order home shows them. 长辈版 keeps, in the order of the issue:
/// notices, vote, groceries, appointments, help, me; a new module adds its row where its
/// place in that order is (vote, groceries and appointments go after notices). A resident's
/// groceries in 长辈版 are "buy again", the simplified way to order.
pub const TILES: &[Tile] = &[
    Tile { label: "tile-notices", icon: icons::NOTICES, href: "/notices", shown_to: is_member, modes: Modes::Both },
    Tile { label: "tile-hall", icon: icons::VOTE, href: "/hall", shown_to: is_member, modes: Modes::Both },
    Tile { label: "groceries-tile", icon: icons::GROCERIES, href: "/groceries", shown_to: buys_groceries, modes: Modes::Standard },
    Tile { label: "groceries-tile-again", icon: icons::AGAIN, href: "/groceries/again", shown_to: buys_groceries, modes: Modes::Elderly },
    Tile { label: "groceries-tile", icon: icons::GROCERIES, href: "/groceries", shown_to: follows_groceries, modes: Modes::Both },
    Tile { label: "groceries-tile-shop", icon: icons::SHOP, href: "/shop", shown_to: runs_a_shop, modes: Modes::Both },
    Tile { label: "tile-appointments", icon: icons::APPOINTMENTS, href: "/services", shown_to: crate::appointments::books, modes: Modes::Both },
    Tile { label: "tile-appointments", icon: icons::APPOINTMENTS, href: "/services", shown_to: crate::appointments::runs_services, modes: Modes::Both },
    // 长辈版 residents find problem reports and wishes on the help screen: its six tiles are taken.
    Tile { label: "tile-reports", icon: icons::REPORT, href: "/reports", shown_to: crate::reports::follows_reports, modes: Modes::Standard },
    Tile { label: "tile-wishes", icon: icons::WISH, href: "/wishes", shown_to: is_member, modes: Modes::Standard },
    Tile { label: "tile-compose", icon: icons::COMPOSE, href: "/notices/new", shown_to: can_publish, modes: Modes::Standard },
    Tile { label: "tile-invites", icon: icons::INVITE, href: "/invites", shown_to: can_invite, modes: Modes::Standard },
    Tile { label: "households-tile", icon: icons::REGISTER, href: "/households", shown_to: can_invite, modes: Modes::Standard },
    Tile { label: "tile-accounts", icon: crate::accounts::ACCOUNTS_ICON, href: "/accounts", shown_to: can_invite, modes: Modes::Standard },
    Tile { label: "tile-communities", icon: crate::accounts::COMMUNITIES_ICON, href: "/admin/communities", shown_to: administers, modes: Modes::Standard },
    Tile { label: "tile-help", icon: icons::HELP, href: "/help", shown_to: asks_for_help, modes: Modes::Both },
    Tile { label: "tile-help-requests", icon: icons::HELP, href: "/help/requests", shown_to: answers_help, modes: Modes::Both },
    Tile { label: "tile-family", icon: icons::FAMILY, href: "/family", shown_to: is_member, modes: Modes::Standard },
    // For a family account, its links are everything it has: 长辈版 keeps them.
    Tile { label: "tile-family", icon: icons::FAMILY, href: "/family", shown_to: family_account, modes: Modes::Both },
    Tile { label: "tile-me", icon: icons::ME, href: "/me", shown_to: everyone, modes: Modes::Both },
];

/// The tiles `role` sees, in standard mode or in 长辈版.
pub fn tiles_for(role: Role, elderly: bool) -> impl Iterator<Item = &'static Tile> {
    TILES.iter().filter(move |tile| (tile.shown_to)(role) && tile.modes.shown(elderly))
}

#[component]
fn Tiles(role: Role) -> impl IntoView {
    let session = Session::get();
    let elderly = session.prefs.elderly;
    let greeting = move || {
        session.me().map(|me| t_args("home-greeting", &[("name", me.name.into()), ("community", me.community.name.into())]))
    };
    view! {
        <main id="home">
            <ElderlyOffer/>
            <h1 class="app-name" tabindex="-1">{tr("app-name")}</h1>
            <p class="greeting">{greeting}</p>
            <nav id="tiles" aria-label=tr("home-tiles-label")>
                {move || tiles_for(role, elderly.get()).map(|tile| view! {
                    <a class="tile" href=tile.href>
                        {icon(tile.icon)}
                        <span class="tile-label">{tr(tile.label)}</span>
                        // The notices tile alone carries a count.
                        {(tile.href == "/notices").then(|| view! { <UnreadBadge/> })}
                    </a>
                }).collect_view()}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(role: Role, elderly: bool) -> Vec<&'static str> {
        tiles_for(role, elderly).map(|tile| tile.label).collect()
    }

    #[test]
    fn elderly_home_has_at_most_six_tiles_for_every_role() {
        for role in Role::ALL {
            let count = tiles_for(role, true).count();
            assert!((1..=6).contains(&count), "{role:?}: {count} tiles");
        }
    }

    #[test]
    fn elderly_home_keeps_the_issues_order() {
        assert_eq!(labels(Role::Resident, true), ["tile-notices", "tile-hall", "groceries-tile-again", "tile-appointments", "tile-help", "tile-me"]);
        assert_eq!(labels(Role::Staff, true), ["tile-notices", "tile-hall", "groceries-tile", "tile-appointments", "tile-help-requests", "tile-me"]);
        assert_eq!(labels(Role::Merchant, true), ["tile-notices", "tile-hall", "groceries-tile-shop", "tile-me"]);
    }

    #[test]
    fn standard_home_shows_each_role_its_own_tools() {
        assert_eq!(
            labels(Role::Resident, false),
            ["tile-notices", "tile-hall", "groceries-tile", "tile-appointments", "tile-reports", "tile-wishes", "tile-help", "tile-family", "tile-me"]
        );
        assert_eq!(
            labels(Role::Staff, false),
            ["tile-notices", "tile-hall", "groceries-tile", "tile-appointments", "tile-reports", "tile-wishes", "tile-compose", "tile-invites", "households-tile", "tile-accounts", "tile-help-requests", "tile-family", "tile-me"]
        );
        // Help is asked by residents and answered by the residents' committee (as the server has it).
        assert_eq!(
            labels(Role::Property, false),
            ["tile-notices", "tile-hall", "groceries-tile", "tile-reports", "tile-wishes", "tile-compose", "tile-family", "tile-me"]
        );
        // A shop volunteers for wishes too.
        assert_eq!(labels(Role::Merchant, false), ["tile-notices", "tile-hall", "groceries-tile-shop", "tile-wishes", "tile-family", "tile-me"]);
        assert_eq!(labels(Role::Family, false), ["tile-family", "tile-me"]);
        assert_eq!(labels(Role::Family, true), ["tile-family", "tile-me"]);
    }

    #[test]
    fn each_groceries_tile_leads_where_its_role_works() {
        let hrefs = |role, elderly| {
            let shopping = |href: &&str| href.starts_with("/groceries") || href.starts_with("/shop");
            tiles_for(role, elderly).map(|tile| tile.href).filter(shopping).collect::<Vec<_>>()
        };
        assert_eq!(hrefs(Role::Resident, false), ["/groceries"]);
        assert_eq!(hrefs(Role::Resident, true), ["/groceries/again"]);
        for role in [Role::Staff, Role::Admin, Role::Property] {
            assert_eq!(hrefs(role, false), ["/groceries"], "{role:?}");
            assert_eq!(hrefs(role, true), ["/groceries"], "{role:?}");
        }
        assert_eq!(hrefs(Role::Merchant, true), ["/shop"]);
        assert!(hrefs(Role::Family, false).is_empty());
    }

    #[test]
    fn accounts_are_run_by_staff_and_the_overview_is_the_administrators() {
        let hrefs = |role, elderly| tiles_for(role, elderly).map(|tile| tile.href).collect::<Vec<_>>();
        for role in [Role::Staff, Role::Admin] {
            assert!(hrefs(role, false).contains(&"/accounts"), "{role:?}");
            assert!(!hrefs(role, true).contains(&"/accounts"), "{role:?}: not on the six tiles of 长辈版");
        }
        assert!(hrefs(Role::Admin, false).contains(&"/admin/communities"));
        assert!(!hrefs(Role::Admin, true).contains(&"/admin/communities"));
        for role in [Role::Resident, Role::Property, Role::Merchant, Role::Family] {
            assert!(!hrefs(role, false).contains(&"/accounts") && !hrefs(role, false).contains(&"/admin/communities"), "{role:?}");
        }
        assert!(!hrefs(Role::Staff, false).contains(&"/admin/communities"));
    }
}
