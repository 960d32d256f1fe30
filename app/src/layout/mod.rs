//! The shell every screen shares: header with a back link, one `<main>` with one `<h1>`,
//! the sign-in/role gate, loading and error display, and the home screen.

mod download;
mod error;
mod field;
mod home;
mod pages;
pub mod icons;
mod photo;
mod stars;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use linli_api::auth::Role;
use linli_api::ErrorCode;

use crate::i18n::{format_datetime, locale, tr};
use crate::session::{Auth, Session};

pub use download::CsvDownload;
pub use error::{error_text, field_error_id, ErrorBox, FieldError, FormAlert, FormError};
pub use field::{Choice, ConsentCheck, Hint, RadioChoices, SubmitButton, TextArea, TextField};
pub use home::Home;
pub use pages::{MoreButton, Page as ListPage, PageState, Pages};
pub use photo::OnePhoto;
pub use stars::{RatingForm, StarsShown};

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

/// Loads what `request` asks the server for into a new slot, now and again whenever the
/// callback it returns runs ("try again", a live change).
pub fn loading<T, Fut>(session: Session, request: impl Fn(linli_api::Client) -> Fut + Send + Sync + 'static) -> (Loaded<T>, Callback<()>)
where
    T: Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, linli_api::ClientError>> + 'static,
{
    let slot: Loaded<T> = RwSignal::new(None);
    let load = Callback::new(move |_| load_into(session, slot, request(session.client())));
    load.run(());
    (slot, load)
}

/// Draws what a screen loaded: "loading", the error (with "try again" when `retry` is
/// given), or `ready`'s view of it, again whenever it loads again.
pub fn loaded_view<T, V>(slot: Loaded<T>, retry: Option<Callback<()>>, ready: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match (slot.get(), retry) {
        (None, _) => view! { <Loading/> }.into_any(),
        (Some(Err(code)), Some(retry)) => view! { <ErrorBox code retry/> }.into_any(),
        (Some(Err(code)), None) => view! { <ErrorBox code/> }.into_any(),
        (Some(Ok(value)), _) => ready(value).into_any(),
    }
}

/// A case's record under its heading (`{id}-heading`): its steps, oldest first.
#[component]
pub fn HistoryList(id: &'static str, heading: &'static str, children: Children) -> impl IntoView {
    view! {
        <section id=id aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{tr(heading)}</h2>
            <ol class="history">{children()}</ol>
        </section>
    }
}

/// One step of a case's record: what happened, in words; when, in the community's zone; and
/// what it came with (a handler's photos).
#[component]
pub fn HistoryItem(
    /// The kind of step, for the `data-kind` attribute.
    kind: &'static str,
    #[prop(into)] text: Signal<String>,
    at: DateTime<Utc>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let session = Session::get();
    view! {
        <li class="history-item" data-kind=kind>
            <p>{move || text.get()}</p>
            <p class="hint"><time datetime=at.to_rfc3339()>{move || format_datetime(locale(), at, session.utc_offset())}</time></p>
            {children.map(|children| children())}
        </li>
    }
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
