//! The setting switches, shared by home and Me.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::auth::Locale;

use crate::i18n::{self, language_name_id, t, tr};
use crate::layout::icons::{self, icon};
use crate::native::{self, Permission};
use crate::session::Session;

fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// A labelled `<select>` of the shipped languages; switching re-renders every string.
#[component]
pub fn LanguageSelect(id: &'static str) -> impl IntoView {
    let session = Session::get();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(locale) = Locale::parse(&event_target_value(&ev)) {
            session.prefs.set_locale(locale, session);
        }
    };
    view! {
        <div class="field language">
            <label for=id>{tr("language-label")}</label>
            <select id=id name="language" on:change=on_change>
                {Locale::ALL.into_iter().map(|locale| view! {
                    <option value=locale.tag() lang=locale.tag() prop:selected=move || i18n::locale() == locale>
                        {tr(language_name_id(locale))}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// 长辈版: large text, large targets, higher contrast. With `hint` (in Me), a line under it
/// names it 关怀版 too, the name other apps use, so either word finds it.
#[component]
pub fn ElderlyToggle(id: &'static str, #[prop(optional)] hint: bool) -> impl IntoView {
    let session = Session::get();
    let elderly = session.prefs.elderly;
    let hint_id = format!("{id}-hint");
    view! {
        <button
            type="button"
            id=id
            class="switch elderly-toggle"
            aria-pressed=move || pressed(elderly.get())
            aria-describedby=hint.then(|| hint_id.clone())
            on:click=move |_| session.prefs.set_elderly(!elderly.get_untracked(), session)
        >
            {icon(icons::TEXT_SIZE)}
            <span class="switch-label">{tr("elderly-mode")}</span>
            <span class="switch-state" aria-hidden="true">
                {move || if elderly.get() { t("switch-on") } else { t("switch-off") }}
            </span>
        </button>
        {hint.then(|| view! { <p id=hint_id class="hint switch-hint">{tr("elderly-mode-hint")}</p> })}
    }
}

/// Alerts for urgent notices; asks the browser's permission on the click that turns them on.
#[component]
pub fn NotifyToggle() -> impl IntoView {
    let session = Session::get();
    let notify = session.prefs.notify;
    let permission = RwSignal::new(native::notification_permission());
    let on = move || notify.get() && permission.get() == Permission::Granted;
    let toggle = move |_| {
        if on() {
            notify.set(false);
            return;
        }
        notify.set(true);
        if permission.get_untracked() == Permission::Prompt {
            spawn_local(async move { permission.set(native::request_notification_permission().await) });
        }
    };
    let note = move || match permission.get() {
        Permission::Denied => Some(t("notifications-blocked")),
        Permission::Unsupported => Some(t("notifications-unsupported")),
        _ => None,
    };
    view! {
        <button
            type="button"
            id="notifications"
            class="switch"
            aria-pressed=move || pressed(on())
            aria-describedby=move || note().map(|_| "notifications-note")
            disabled=move || matches!(permission.get(), Permission::Denied | Permission::Unsupported)
            on:click=toggle
        >
            {icon(icons::NOTICES)}
            <span class="switch-label">{tr("notifications")}</span>
            <span class="switch-state" aria-hidden="true">
                {move || if on() { t("switch-on") } else { t("switch-off") }}
            </span>
        </button>
        {move || note().map(|note| view! { <p id="notifications-note" class="hint">{note}</p> })}
    }
}
