//! Live updates over Server-Sent Events: one `EventSource` per session.
//!
//! `EventSource` cannot send a bearer token, so each connection first asks for a
//! single-use ticket. When the stream breaks, it is closed and reopened with a fresh ticket
//! after a pause (the browser's own retry would reuse the spent ticket).
//!
//! When the stream missed events (the server says `resync` because it fell behind in a
//! burst, or it was down and has reconnected), every screen that follows live changes
//! reloads what it shows: they follow through [`Live::reload_on`], [`Live::reload_on_any`]
//! and [`Live::reload_on_resync`], and the notices catch up.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::events::Event;
use linli_api::help::HelpRequest;
use linli_api::hall::Tally;
use linli_api::ids::{BookingId, CampaignId, NoticeId, ReportId, ServiceId, TopicId, VoteId, WishId};
use linli_api::ErrorCode;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

use crate::i18n::{locale_untracked, translate};
use crate::native;
use crate::session::Session;

const RETRY_FIRST: Duration = Duration::from_secs(3);
const RETRY_MAX: Duration = Duration::from_secs(30);

#[derive(Clone, Copy)]
pub struct Live {
    /// The latest read count pushed by the server (staff and property receive these).
    pub read_count: RwSignal<Option<(NoticeId, i64)>>,
    /// The latest help request raised or changed (staff receive every one of their
    /// community's; a resident, changes to their own).
    pub help_update: RwSignal<Option<HelpRequest>>,
    /// The latest live count of a vote.
    pub vote_tally: RwSignal<Option<(VoteId, Tally)>>,
    /// The latest topic that changed, with a counter so the same topic twice still notifies.
    pub topic_changed: RwSignal<Option<(TopicId, u64)>>,
    /// The latest campaign whose stock, households or phase changed (with a counter).
    pub campaign_changed: RwSignal<Option<(CampaignId, u64)>>,
    /// Bumped whenever one of the household's orders changed on the server (its campaign
    /// was decided, or it was picked up): the orders page reloads.
    pub orders_changed: RwSignal<u64>,
    /// The latest wish that changed (with a counter): boards, lists and its page reload.
    pub wish_changed: RwSignal<Option<(WishId, u64)>>,
    /// The latest service whose slots or queue changed, and the latest booking that changed
    /// (each with a counter): slot lists, tickets, desks and booking pages reload.
    pub slots_changed: RwSignal<Option<(ServiceId, u64)>>,
    pub queue_changed: RwSignal<Option<(ServiceId, u64)>>,
    pub booking_changed: RwSignal<Option<(BookingId, u64)>>,
    /// The latest problem report that changed (with a counter): its page and lists reload.
    pub report_changed: RwSignal<Option<(ReportId, u64)>>,
    /// Bumped when the stream missed events: what every screen shows may be out of date.
    pub resync: RwSignal<u64>,
}

/// The open stream and the callbacks it holds; dropping them closes it.
struct Connection {
    source: EventSource,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _on_open: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.source.set_onmessage(None);
        self.source.set_onerror(None);
        self.source.set_onopen(None);
        self.source.close();
    }
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    /// Bumped by every start and stop, so a stale retry knows to give up.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

impl Default for Live {
    fn default() -> Self {
        Self::new()
    }
}

impl Live {
    pub fn new() -> Self {
        Self { read_count: RwSignal::new(None), help_update: RwSignal::new(None), vote_tally: RwSignal::new(None), topic_changed: RwSignal::new(None), campaign_changed: RwSignal::new(None), orders_changed: RwSignal::new(0), wish_changed: RwSignal::new(None), slots_changed: RwSignal::new(None), queue_changed: RwSignal::new(None), booking_changed: RwSignal::new(None), report_changed: RwSignal::new(None), resync: RwSignal::new(0) }
    }

    /// Opens the stream for a session that just signed in.
    pub fn start(self, session: Session) {
        let generation = next_generation();
        connect(session, generation, RETRY_FIRST, false);
    }

    /// Closes the stream (sign-out).
    pub fn stop(self) {
        next_generation();
        CONNECTION.with(|c| c.borrow_mut().take());
    }
}

/// Closes the stream when the page is hidden for navigation and reopens it when the page
/// comes back from the back/forward cache. Browsers keep a cached page's streams open, and
/// a handful of those exhaust the six connections a browser allows per server over HTTP/1.1,
/// after which every request of the app waits.
pub fn follow_page_lifecycle(session: Session) {
    let Some(window) = web_sys::window() else { return };
    let on_hide = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        next_generation();
        CONNECTION.with(|c| c.borrow_mut().take());
    });
    let on_show = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let restored = js_sys::Reflect::get(&event, &"persisted".into()).ok().and_then(|v| v.as_bool()) == Some(true);
        if restored && session.is_signed_in_untracked() {
            // What changed while the page was cached is reloaded once the stream is open.
            connect(session, next_generation(), RETRY_FIRST, true);
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("pageshow", on_show.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_hide.forget();
    on_show.forget();
}

fn next_generation() -> u64 {
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

fn current(generation: u64) -> bool {
    GENERATION.with(|g| g.get() == generation)
}

/// `catch_up`: this is a reconnection, so what was missed meanwhile is reloaded once open.
fn connect(session: Session, generation: u64, retry: Duration, catch_up: bool) {
    let client = session.client();
    spawn_local(async move {
        if !current(generation) {
            return;
        }
        let ticket = match client.event_ticket().await {
            Ok(ticket) => ticket,
            Err(error) if error.code() == ErrorCode::Unauthenticated => {
                session.on_error(error.code());
                return;
            }
            Err(_) => return reconnect_later(session, generation, retry),
        };
        if !current(generation) {
            return;
        }
        match open(session, generation, &client.events_url(&ticket.ticket), catch_up) {
            Ok(connection) => CONNECTION.with(|c| *c.borrow_mut() = Some(connection)),
            Err(_) => reconnect_later(session, generation, retry),
        }
    });
}

fn reconnect_later(session: Session, generation: u64, retry: Duration) {
    CONNECTION.with(|c| c.borrow_mut().take());
    set_timeout(
        move || connect(session, generation, (retry * 2).min(RETRY_MAX), true),
        retry,
    );
}

fn open(session: Session, generation: u64, url: &str, catch_up: bool) -> Result<Connection, wasm_bindgen::JsValue> {
    let source = EventSource::new(url)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
        if let Some(data) = message.data().as_string() {
            if let Ok(event) = serde_json::from_str::<Event>(&data) {
                handle(session, event);
            }
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if current(generation) {
            // Dropping the connection from inside its own callback is deferred a tick.
            set_timeout(move || reconnect_later(session, generation, RETRY_FIRST), Duration::ZERO);
        }
    });
    let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if catch_up {
            resync(session);
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    Ok(Connection { source, _on_message: on_message, _on_error: on_error, _on_open: on_open })
}

/// Applies one server event to the app's state.
pub fn handle(session: Session, event: Event) {
    match event {
        Event::NoticePublished { notice } => {
            let alert = notice.urgent && session.prefs.notify.get_untracked();
            let title = notice.title.clone();
            session.notices.published(notice);
            session.notices.arrived.set(Some(title.clone()));
            if alert {
                native::notify(&translate(locale_untracked(), "notify-urgent-title", None), &title);
            }
        }
        Event::NoticeReadCount { notice_id, read_count } => {
            session.live.read_count.set(Some((notice_id, read_count)));
        }
        Event::HelpRaised { request } => {
            // Staff on duty are alerted even when the help board is not open.
            if session.prefs.notify.get_untracked() {
                let title = translate(locale_untracked(), "notify-help-title", None);
                native::notify(&title, &crate::help::requester_text(&request));
            }
            session.live.help_update.set(Some(request));
        }
        Event::HelpUpdated { request } => session.live.help_update.set(Some(request)),
        Event::VoteTally { vote_id, tally } => session.live.vote_tally.set(Some((vote_id, tally))),
        Event::TopicChanged { topic_id } => {
            let count = session.live.topic_changed.get_untracked().map_or(0, |(_, count)| count + 1);
            session.live.topic_changed.set(Some((topic_id, count)));
        }
        Event::CampaignChanged { campaign_id } => campaign_changed(session, campaign_id),
        Event::CampaignDecided { campaign_id, title, formed } => {
            if session.prefs.notify.get_untracked() {
                let id = if formed { "notify-campaign-formed" } else { "notify-campaign-cancelled" };
                native::notify(&translate(locale_untracked(), id, None), &title);
            }
            campaign_changed(session, campaign_id);
            session.live.orders_changed.update(|count| *count += 1);
        }
        Event::OrderPickedUp { campaign_id, .. } => {
            campaign_changed(session, campaign_id);
            session.live.orders_changed.update(|count| *count += 1);
        }
        Event::WishChanged { wish_id } => wish_changed(session, wish_id),
        Event::WishNews { wish_id, what, news } => {
            if session.prefs.notify.get_untracked() {
                native::notify(&translate(locale_untracked(), crate::wishes::news_title(news), None), &what);
            }
            wish_changed(session, wish_id);
        }
        Event::SlotsChanged { service_id } => bump(session.live.slots_changed, service_id),
        Event::QueueChanged { service_id } => bump(session.live.queue_changed, service_id),
        Event::BookingChanged { booking_id, .. } => bump(session.live.booking_changed, booking_id),
        Event::BookingNews { booking_id, service_name, news } => {
            if session.prefs.notify.get_untracked() {
                native::notify(&translate(locale_untracked(), crate::appointments::news_title(news), None), &service_name);
            }
            bump(session.live.booking_changed, booking_id);
        }
        Event::ReportChanged { report_id } => bump(session.live.report_changed, report_id),
        Event::ReportNews { report_id, location, news, .. } => {
            if session.prefs.notify.get_untracked() {
                native::notify(&translate(locale_untracked(), crate::reports::news_title(news), None), &location);
            }
            bump(session.live.report_changed, report_id);
        }
        Event::Resync => resync(session),
    }
}

/// The stream missed events: every open screen that follows live changes reloads, and so
/// do the notices (the list and the unread count).
fn resync(session: Session) {
    session.live.resync.update(|count| *count += 1);
    session.notices.catch_up(session.client());
}

impl Live {
    /// Calls `reload` after every change `changed` reports, and after a resync (not at once:
    /// the caller loads first).
    pub fn reload_on_any(self, changed: impl Track + 'static, reload: impl Fn() + 'static) {
        let resync = self.resync;
        Effect::new(move |first: Option<()>| {
            changed.track();
            resync.track();
            if first.is_some() {
                reload();
            }
        });
    }

    /// Calls `reload` after every change `changed` reports of `id`, and after a resync.
    pub fn reload_on<Id: PartialEq + Send + Sync + 'static>(
        self,
        changed: RwSignal<Option<(Id, u64)>>,
        id: Id,
        reload: impl Fn() + 'static,
    ) {
        let resync = self.resync;
        // The effect keeps the resync count it last saw, to tell a resync from another id's change.
        Effect::new(move |seen: Option<u64>| {
            let this_one = changed.with(|last| last.as_ref().is_some_and(|(changed, _)| *changed == id));
            let count = resync.get();
            if seen.is_some_and(|seen| this_one || seen != count) {
                reload();
            }
            count
        });
    }

    /// Calls `reload` after a resync: for screens that apply what the stream pushes in place
    /// (a tally, a help request) and so have nothing to reload on otherwise.
    pub fn reload_on_resync(self, reload: impl Fn() + 'static) {
        self.reload_on_any(self.resync, reload);
    }
}

/// Sets `signal` to `id` with the next count, so the same id twice still notifies.
fn bump<Id: Send + Sync + 'static>(signal: RwSignal<Option<(Id, u64)>>, id: Id) {
    let count = signal.with_untracked(|last| last.as_ref().map_or(0, |(_, count)| count + 1));
    signal.set(Some((id, count)));
}

fn wish_changed(session: Session, wish_id: WishId) {
    bump(session.live.wish_changed, wish_id);
}

fn campaign_changed(session: Session, campaign_id: CampaignId) {
    let count = session.live.campaign_changed.get_untracked().map_or(0, |(_, count)| count + 1);
    session.live.campaign_changed.set(Some((campaign_id, count)));
}
