//! Who is signed in: the token (kept on the device), the `Me` the server returned, and
//! the screens that change them (sign-in, registration, the privacy policy they accept).
//!
//! `Session` is the app's hub, a bundle of `Copy` handles provided as context: components
//! take it with `Session::get()` and hand it to async tasks by value.

mod privacy;
mod register;
mod sign_in;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::auth::{Me, Role};
use linli_api::{Client, ErrorCode};

use crate::i18n::DEFAULT_UTC_OFFSET_MINUTES;
use crate::live::Live;
use crate::me::Prefs;
use crate::native;
use crate::notices::NoticeStore;

pub use privacy::Privacy;
pub use register::{validate_registration, Register};
pub use sign_in::{sign_in_then, SignIn};

/// localStorage key of the session token.
pub const TOKEN_KEY: &str = "linli.token";

#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// A stored token is being checked with `me()`.
    Checking,
    SignedOut,
    SignedIn(Box<Me>),
    /// The stored token could not be checked (server unreachable, …); it is kept.
    Failed(ErrorCode),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub auth: RwSignal<Auth>,
    token: RwSignal<Option<String>>,
    pub prefs: Prefs,
    pub notices: NoticeStore,
    pub live: Live,
}

impl Session {
    /// Creates the session, provides it as context and checks a stored token.
    pub fn provide(prefs: Prefs) -> Self {
        let token = native::storage_get(TOKEN_KEY).filter(|t| !t.is_empty());
        let session = Session {
            auth: RwSignal::new(if token.is_some() { Auth::Checking } else { Auth::SignedOut }),
            token: RwSignal::new(token.clone()),
            prefs,
            notices: NoticeStore::new(),
            live: Live::new(),
        };
        provide_context(session);
        crate::live::follow_page_lifecycle(session);
        if token.is_some() {
            session.check();
        }
        session
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// A client for the server, carrying the token when signed in.
    pub fn client(&self) -> Client {
        let client = Client::new(native::server_url());
        match self.token.get_untracked() {
            Some(token) => client.with_token(token),
            None => client,
        }
    }

    /// A client acting for `resident` through a family link, or for oneself.
    pub fn client_for(&self, resident: Option<linli_api::ids::UserId>) -> Client {
        match resident {
            Some(resident) => self.client().acting_for(resident),
            None => self.client(),
        }
    }

    /// The signed-in person (tracked).
    pub fn me(&self) -> Option<Me> {
        match self.auth.get() {
            Auth::SignedIn(me) => Some(*me),
            _ => None,
        }
    }

    pub fn is_signed_in_untracked(&self) -> bool {
        matches!(self.auth.get_untracked(), Auth::SignedIn(_))
    }

    /// The community's offset from UTC in minutes (tracked), CST until known.
    pub fn utc_offset(&self) -> i32 {
        self.auth.with(|auth| match auth {
            Auth::SignedIn(me) => me.community.utc_offset_minutes,
            _ => DEFAULT_UTC_OFFSET_MINUTES,
        })
    }

    /// Checks the stored token with `me()`; an expired token is dropped.
    pub fn check(self) {
        self.auth.set(Auth::Checking);
        let client = self.client();
        spawn_local(async move {
            match client.me().await {
                Ok(me) => self.signed_in(me),
                Err(error) if error.code() == ErrorCode::Unauthenticated => self.forget(),
                Err(error) => self.auth.set(Auth::Failed(error.code())),
            }
        });
    }

    /// Starts a session the server just granted (sign-in or registration).
    pub fn begin(self, session: linli_api::auth::Session) {
        native::storage_set(TOKEN_KEY, &session.token);
        self.token.set(Some(session.token));
        self.signed_in(session.me);
    }

    fn signed_in(self, me: Me) {
        // On a signed-in device the account's preferences win over the device's.
        self.prefs.adopt(me.preferences, self);
        self.auth.set(Auth::SignedIn(Box::new(me)));
        self.notices.refresh(self.client());
        self.live.start(self);
    }

    /// Signs out on the server (best effort) and forgets the session here.
    pub fn sign_out(self) {
        let client = self.client();
        spawn_local(async move {
            let _ = client.sign_out().await;
        });
        self.forget();
    }

    /// Forgets the token, e.g. after the server answered `unauthenticated`.
    pub fn forget(self) {
        native::storage_remove(TOKEN_KEY);
        self.live.stop();
        self.token.set(None);
        self.notices.clear();
        self.auth.set(Auth::SignedOut);
    }

    /// Reacts to an error from any call: `unauthenticated` means the session is over.
    pub fn on_error(self, code: ErrorCode) {
        if code == ErrorCode::Unauthenticated && self.is_signed_in_untracked() {
            self.forget();
        }
    }
}

/// Whether a role is one of the community's own people (a family account is not: it sees a
/// community only through the residents it acts for).
pub fn is_member(role: Role) -> bool {
    Role::MEMBERS.contains(&role)
}

/// Whether a role may publish notices and see read receipts (the server's `Publishers`).
pub fn can_publish(role: Role) -> bool {
    matches!(role, Role::Staff | Role::Property | Role::Admin)
}

/// Whether a role may issue invite codes (the server's `StaffOnly`).
pub fn can_invite(role: Role) -> bool {
    matches!(role, Role::Staff | Role::Admin)
}

/// Whether a role is the street office's administrator, who sees every community and sets
/// new ones up (the server's `AdminOnly`).
pub fn administers(role: Role) -> bool {
    role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_and_property_publish_but_only_staff_invite() {
        assert!(can_publish(Role::Staff) && can_publish(Role::Property) && can_publish(Role::Admin));
        assert!(!can_publish(Role::Resident) && !can_publish(Role::Merchant));
        assert!(can_invite(Role::Staff) && can_invite(Role::Admin));
        assert!(!can_invite(Role::Property) && !can_invite(Role::Resident));
    }

    #[test]
    fn only_the_administrator_administers() {
        assert!(administers(Role::Admin));
        assert!(Role::ALL.into_iter().filter(|role| *role != Role::Admin).all(|role| !administers(role)));
    }
}
