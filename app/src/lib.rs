//! Linli's app: Leptos, rendered in the browser (CSR), talking to the server only through
//! `linli_api::Client`. The same bundle runs in a browser and inside the Tauri shell.

pub mod community;
pub mod i18n;
pub mod layout;
pub mod live;
pub mod me;
pub mod native;
pub mod notices;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let prefs = me::Prefs::init();
    session::Session::provide(prefs);
    view! {
        <Router>
            <Routes fallback=layout::NotFound>
                <Route path=path!("/") view=layout::Home/>
                <Route path=path!("/sign-in") view=session::SignIn/>
                <Route path=path!("/register") view=session::Register/>
                <Route path=path!("/privacy") view=session::Privacy/>
                <Route path=path!("/notices") view=notices::NoticeList/>
                <Route path=path!("/notices/new") view=notices::Compose/>
                <Route path=path!("/notices/:id/reads") view=notices::ReadStatsPage/>
                <Route path=path!("/notices/:id") view=notices::NoticeDetail/>
                <Route path=path!("/invites") view=community::Invites/>
                <Route path=path!("/me") view=me::MePage/>
            </Routes>
        </Router>
    }
}
