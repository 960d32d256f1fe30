//! The bridge to what hosts the app: the browser, or the Tauri shell around it.
//!
//! Device storage, the server's address, the `<html>` element, and notifications. In the
//! Tauri shell a notification goes through the shell's `notify` command (a real OS
//! notification); in a browser through the Notification API, after permission.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{NotificationOptions, NotificationPermission};

/// Now, by the host's clock. (chrono's `Utc::now` panics in wasm without its `wasmbind`
/// feature, which would also pull js-sys into every native build of linli-api.)
pub fn now() -> chrono::DateTime<chrono::Utc> {
    #[cfg(target_arch = "wasm32")]
    {
        chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::Utc::now()
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn global(name: &str) -> Option<JsValue> {
    let value = Reflect::get(window()?.as_ref(), &JsValue::from_str(name)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

// --- device storage ----------------------------------------------------------------------

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn storage_remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

// --- where the server is -----------------------------------------------------------------

/// `window.__LINLI_SERVER__` (set by the Tauri shell), else the page's own origin.
pub fn server_url() -> String {
    if let Some(url) = global("__LINLI_SERVER__").and_then(|v| v.as_string()) {
        if !url.is_empty() {
            return url;
        }
    }
    window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

// --- the document ------------------------------------------------------------------------

fn html() -> Option<web_sys::Element> {
    window()?.document()?.document_element()
}

pub fn set_html_lang(tag: &str) {
    if let Some(html) = html() {
        let _ = html.set_attribute("lang", tag);
    }
}

pub fn set_html_class(class: &str, on: bool) {
    if let Some(html) = html() {
        let _ = html.class_list().toggle_with_force(class, on);
    }
}

/// Moves keyboard focus to the first element matching `selector` (it needs a tabindex
/// unless it is focusable anyway), e.g. after the focused button went away.
pub fn focus(selector: &str) {
    let element = window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses `selector` once the screen has been drawn (the element may be new).
pub fn focus_soon(selector: &str) {
    let selector = selector.to_owned();
    leptos::prelude::request_animation_frame(move || focus(&selector));
}

pub fn set_document_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

// --- notifications -----------------------------------------------------------------------

/// Whether the page runs inside the Tauri shell.
pub fn is_tauri() -> bool {
    global("__TAURI__").is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    /// Not asked yet.
    Prompt,
    /// This browser has no Notification API.
    Unsupported,
}

/// What the device lets us do. Inside Tauri the shell owns permission, so it is granted.
pub fn notification_permission() -> Permission {
    if is_tauri() {
        return Permission::Granted;
    }
    if global("Notification").is_none() {
        return Permission::Unsupported;
    }
    match web_sys::Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Prompt,
    }
}

/// Asks the browser for permission; call it from a user gesture (a click).
pub async fn request_notification_permission() -> Permission {
    let current = notification_permission();
    if current != Permission::Prompt {
        return current;
    }
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let _ = JsFuture::from(promise).await;
    }
    notification_permission()
}

/// Raises an OS notification (Tauri) or a browser one (when permission is granted).
pub fn notify(title: &str, body: &str) {
    if is_tauri() {
        let _ = tauri_notify(title, body);
    } else if notification_permission() == Permission::Granted {
        let options = NotificationOptions::new();
        options.set_body(body);
        let _ = web_sys::Notification::new_with_options(title, &options);
    }
}

/// `window.__TAURI__.core.invoke("notify", { title, body })`.
fn tauri_notify(title: &str, body: &str) -> Result<(), JsValue> {
    let tauri = global("__TAURI__").ok_or(JsValue::NULL)?;
    let core = Reflect::get(&tauri, &JsValue::from_str("core"))?;
    let invoke: Function = Reflect::get(&core, &JsValue::from_str("invoke"))?.dyn_into()?;
    let args = Object::new();
    Reflect::set(&args, &JsValue::from_str("title"), &JsValue::from_str(title))?;
    Reflect::set(&args, &JsValue::from_str("body"), &JsValue::from_str(body))?;
    let result = invoke.call2(&core, &JsValue::from_str("notify"), &args)?;
    // The command answers with a promise; a refusal must not become an unhandled rejection.
    if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
    Ok(())
}

// --- the camera (Tauri on Android and iOS) -------------------------------------------------

/// Whether a user agent is a phone's or a tablet's: Android, iPhone, iPad (an iPad on iPadOS
/// calls itself a Mac, told apart by its touch screen).
pub fn is_mobile_user_agent(user_agent: &str, max_touch_points: u32) -> bool {
    ["Android", "iPhone", "iPad", "iPod"].iter().any(|name| user_agent.contains(name))
        || (user_agent.contains("Macintosh") && max_touch_points > 1)
}

/// Whether the page runs in the Tauri shell on a phone or tablet, where the barcode scanner
/// plugin is installed. The shell does not say its platform, so the web view's user agent does.
pub fn is_mobile_tauri() -> bool {
    if !is_tauri() {
        return false;
    }
    let Some(navigator) = global("navigator") else { return false };
    let user_agent = Reflect::get(&navigator, &JsValue::from_str("userAgent")).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let touch_points = Reflect::get(&navigator, &JsValue::from_str("maxTouchPoints")).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    is_mobile_user_agent(&user_agent, touch_points as u32)
}

/// Scans one QR code with the camera, full screen, through the barcode scanner plugin
/// (`plugin:barcode-scanner|scan`); its text, or None when there is no shell or plugin, the
/// camera was refused, or the person cancelled.
pub async fn scan_qr() -> Option<String> {
    let call = || -> Result<js_sys::Promise, JsValue> {
        let internals = global("__TAURI_INTERNALS__").ok_or(JsValue::NULL)?;
        let invoke: Function = Reflect::get(&internals, &JsValue::from_str("invoke"))?.dyn_into()?;
        let args = Object::new();
        Reflect::set(&args, &JsValue::from_str("windowed"), &JsValue::FALSE)?;
        let formats = js_sys::Array::of1(&JsValue::from_str("QR_CODE"));
        Reflect::set(&args, &JsValue::from_str("formats"), &formats)?;
        invoke.call2(&internals, &JsValue::from_str("plugin:barcode-scanner|scan"), &args)?.dyn_into()
    };
    let scanned = JsFuture::from(call().ok()?).await.ok()?;
    Reflect::get(&scanned, &JsValue::from_str("content")).ok()?.as_string().filter(|content| !content.trim().is_empty())
}

/// A code scanned with the camera goes into `code` and is checked at once; with no camera,
/// or when the person cancelled, `failed` says so and the focus goes to the typed `input`.
pub fn scan_into(code: leptos::prelude::RwSignal<String>, failed: leptos::prelude::RwSignal<bool>, input: &'static str, check: impl Fn() + 'static) {
    use leptos::prelude::Set;
    failed.set(false);
    leptos::task::spawn_local(async move {
        match scan_qr().await {
            Some(content) => {
                code.set(content);
                check();
            }
            None => {
                failed.set(true);
                focus_soon(input);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_tablets_are_told_by_their_user_agent() {
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0 Mobile Safari/537.36";
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
        let ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
        let windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36 Edg/125.0";
        assert!(is_mobile_user_agent(android, 5));
        assert!(is_mobile_user_agent(iphone, 5));
        assert!(is_mobile_user_agent(ipad, 5), "iPadOS says Macintosh but has a touch screen");
        assert!(!is_mobile_user_agent(ipad, 0), "a Mac");
        assert!(!is_mobile_user_agent(windows, 10), "a touch-screen laptop scans no codes");
    }
}
