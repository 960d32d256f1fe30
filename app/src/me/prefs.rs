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

#[derive(Clone, Copy)]
pub struct Prefs {
    pub elderly: RwSignal<bool>,
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
        let elderly = native::storage_get(ELDERLY_KEY).as_deref() == Some("true");
        let notify = native::storage_get(NOTIFY_KEY).as_deref() != Some("false");
        let prefs = Prefs {
            elderly: RwSignal::new(elderly),
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
            native::storage_set(ELDERLY_KEY, if on { "true" } else { "false" });
        });
        Effect::new(move |_| {
            native::storage_set(NOTIFY_KEY, if prefs.notify.get() { "true" } else { "false" });
        });
        prefs
    }

    /// Takes over the signed-in account's preferences.
    pub fn adopt(&self, preferences: Preferences) {
        i18n::set_locale(preferences.locale);
        self.elderly.set(preferences.elderly_mode);
    }

    pub fn set_locale(&self, locale: Locale, session: Session) {
        i18n::set_locale(locale);
        self.save(session, UpdatePreferences { locale: Some(locale), ..Default::default() });
    }

    pub fn set_elderly(&self, on: bool, session: Session) {
        self.elderly.set(on);
        self.save(session, UpdatePreferences { elderly_mode: Some(on), ..Default::default() });
    }

    fn save(&self, session: Session, change: UpdatePreferences) {
        if !session.is_signed_in_untracked() {
            return;
        }
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
