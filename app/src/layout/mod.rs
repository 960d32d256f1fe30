//! The shell every screen shares: header with a back link, one `<main>` with one `<h1>`,
//! the sign-in/role gate, loading and error display, and the home screen.

mod error;
mod field;
mod home;
pub mod icons;
mod photo;

use leptos::prelude::*;
use leptos_router::components::Redirect;
use linli_api::auth::Role;
use linli_api::ErrorCode;

use crate::i18n::tr;
use crate::session::{Auth, Session};

pub use error::{error_text, field_error_id, ErrorBox, FieldError, FormAlert, FormError};
pub use field::{ConsentCheck, Hint, TextArea, TextField};
pub use home::Home;
pub use photo::OnePhoto;

/// A screen below home: header with the back link, then `<main>` with the page's `<h1>`
/// (the Fluent id `title`; pages whose heading is data render their own).
#[component]
pub fn Page(
    #[prop(into)] back: String,
    #[prop(optional)] title: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <header class="bar">
            <a class="back" href=back>{icons::icon(icons::BACK)}<span>{tr("nav-back")}</span></a>
            <span class="brand">{tr("app-name")}</span>
        </header>
        <main>
            {title.map(|id| view! { <h1>{tr(id)}</h1> })}
            {children()}
        </main>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr("loading")}</p> }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Gate {
    Checking,
    SignedOut,
    Failed(ErrorCode),
    Allowed,
    Forbidden,
}

/// Shows `children` only to a signed-in person whose role `allow` accepts (any role when
/// absent); sends everyone else to sign in or tells them they may not.
#[component]
pub fn Guarded(#[prop(optional)] allow: Option<fn(Role) -> bool>, children: ChildrenFn) -> impl IntoView {
    let session = Session::get();
    let gate = Memo::new(move |_| {
        session.auth.with(|auth| match auth {
            Auth::Checking => Gate::Checking,
            Auth::SignedOut => Gate::SignedOut,
            Auth::Failed(code) => Gate::Failed(*code),
            Auth::SignedIn(me) if allow.is_none_or(|allow| allow(me.role)) => Gate::Allowed,
            Auth::SignedIn(_) => Gate::Forbidden,
        })
    });
    let retry = Callback::new(move |_| session.check());
    move || match gate.get() {
        Gate::Checking => view! { <Loading/> }.into_any(),
        Gate::SignedOut => view! { <Redirect path="/sign-in"/> }.into_any(),
        Gate::Failed(code) => view! { <ErrorBox code retry/> }.into_any(),
        Gate::Forbidden => view! { <ErrorBox code=ErrorCode::Forbidden/> }.into_any(),
        Gate::Allowed => children().into_any(),
    }
}

/// What a screen loaded: nothing yet, the answer, or why not.
pub type Loaded<T> = RwSignal<Option<Result<T, ErrorCode>>>;

/// Runs `request` and puts its answer into `slot`; a failure keeps its code (and an
/// expired session is dropped).
pub fn load_into<T: Send + Sync + 'static>(
    session: Session,
    slot: Loaded<T>,
    request: impl std::future::Future<Output = Result<T, linli_api::ClientError>> + 'static,
) {
    leptos::task::spawn_local(async move {
        let result = request.await.map_err(|error| {
            session.on_error(error.code());
            error.code()
        });
        slot.set(Some(result));
    });
}

/// Any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page back="/" title="not-found-title">
            <p>{move || error_text(ErrorCode::NotFound)}</p>
        </Page>
    }
}
