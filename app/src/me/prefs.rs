//! Language, elderly mode and notifications: device settings kept in localStorage; when
//! signed in the account's preferences win, and changes are saved to the account.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::auth::{Locale, Preferences, UpdatePreferences};
use linli_api::ErrorCode;

use crate::i18n::{self, t};
use crate::native;
use crate::session::Session;

pub const LOCALE_KEY: &str = "linli.locale";
pub const ELDERLY_KEY: &str = "linli.elderly";
pub const NOTIFY_KEY: &str = "linli.notify";
/// Present while a 长辈版 choice made on this device signed out is on no account yet: the
/// next sign-in (or registration) saves it instead of taking the account's.
pub const ELDERLY_UNSAVED_KEY: &str = "linli.elderly.unsaved";

#[derive(Clone, Copy)]
pub struct Prefs {
    pub elderly: RwSignal<bool>,
    /// Whether 长辈版 has been chosen or declined on this device (or the account turned it
    /// on). Until then home offers it, and the device keeps no `linli.elderly` key.
    pub elderly_chosen: RwSignal<bool>,
    /// Whether urgent notices raise a notification (the resident can turn it off).
    pub notify: RwSignal<bool>,
    /// Why saving a preference to the account failed, if it did.
    pub save_error: RwSignal<Option<ErrorCode>>,
}

impl Prefs {
    /// Reads the device settings and keeps `<html lang>`, `<html class="elderly">`, the
    /// document title and storage in step with them.
    pub fn init() -> Self {
        if let Some(locale) = native::storage_get(LOCALE_KEY).as_deref().and_then(Locale::parse) {
            i18n::set_locale(locale);
        }
        let stored_elderly = native::storage_get(ELDERLY_KEY);
        let elderly = stored_elderly.as_deref() == Some("true");
        let notify = native::storage_get(NOTIFY_KEY).as_deref() != Some("false");
        let prefs = Prefs {
            elderly: RwSignal::new(elderly),
            elderly_chosen: RwSignal::new(stored_elderly.is_some()),
            notify: RwSignal::new(notify),
            save_error: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let locale = i18n::locale();
            native::set_html_lang(locale.tag());
            native::set_document_title(&t("app-name"));
            native::storage_set(LOCALE_KEY, locale.tag());
        });
        Effect::new(move |_| {
            let on = prefs.elderly.get();
            native::set_html_class("elderly", on);
            if prefs.elderly_chosen.get() {
                native::storage_set(ELDERLY_KEY, if on { "true" } else { "false" });
            }
        });
        Effect::new(move |_| {
            native::storage_set(NOTIFY_KEY, if prefs.notify.get() { "true" } else { "false" });
        });
        prefs
    }

    /// Takes over the signed-in account's preferences, except a 长辈版 choice just made on
    /// this device while signed out, which is saved to the account instead (the account's
    /// "off" may only mean it was never asked). An account in 长辈版 counts as a choice (the
    /// person or their family made it); one in standard mode may never have been asked, so
    /// the device's first-start offer stays until answered.
    pub fn adopt(&self, preferences: Preferences, session: Session) {
        i18n::set_locale(preferences.locale);
        let device = self.elderly.get_untracked();
        if native::storage_get(ELDERLY_UNSAVED_KEY).is_some() {
            native::storage_remove(ELDERLY_UNSAVED_KEY);
            if device != preferences.elderly_mode {
                self.send(session, UpdatePreferences { elderly_mode: Some(device), ..Default::default() });
            }
            return;
        }
        if preferences.elderly_mode {
            self.elderly_chosen.set(true);
        }
        self.elderly.set(preferences.elderly_mode);
    }

    pub fn set_locale(&self, locale: Locale, session: Session) {
        i18n::set_locale(locale);
        self.save(session, UpdatePreferences { locale: Some(locale), ..Default::default() });
    }

    /// The person's own choice (Me, the home switch, or the first-start offer).
    pub fn set_elderly(&self, on: bool, session: Session) {
        self.elderly_chosen.set(true);
        if !session.is_signed_in_untracked() {
            native::storage_set(ELDERLY_UNSAVED_KEY, "true");
        }
        self.elderly.set(on);
        self.save(session, UpdatePreferences { elderly_mode: Some(on), ..Default::default() });
    }

    fn save(&self, session: Session, change: UpdatePreferences) {
        if session.is_signed_in_untracked() {
            self.send(session, change);
        }
    }

    fn send(&self, session: Session, change: UpdatePreferences) {
        let save_error = self.save_error;
        let client = session.client();
        spawn_local(async move {
            match client.update_preferences(&change).await {
                Ok(_) => save_error.set(None),
                Err(error) => {
                    save_error.set(Some(error.code()));
                    session.on_error(error.code());
                }
            }
        });
    }
}
