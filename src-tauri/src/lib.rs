//! Linli (邻里) shell: the Tauri 2 window around the Leptos app (`app/dist`).
//!
//! What the shell adds to the web build:
//! - `window.__LINLI_SERVER__`: the server the app talks to, from env `LINLI_SERVER_URL`
//!   (default [`DEFAULT_SERVER_URL`]), set by an initialization script before the app runs;
//! - the `notify` command: an OS notification (`window.__TAURI__.core.invoke("notify",
//!   {title, body})`);
//! - the `speak` and `stop_speaking` commands: read aloud (朗读) with the desktop's speech
//!   program, for webviews without speech synthesis (see [`speech`]);
//! - on Android and iOS, the barcode scanner plugin (QR codes for pickups and check-ins).

pub mod speech;

use tauri::utils::config::{Csp, CspDirectiveSources};
use tauri::{AppHandle, State, Url, WebviewWindowBuilder};
use tauri_plugin_notification::NotificationExt;

/// The server an unconfigured shell talks to: `LINLI_SERVER_URL` as it was when the shell
/// was built (phones have no environment to set at run time), else the embedded server's
/// default address.
pub const DEFAULT_SERVER_URL: &str = match option_env!("LINLI_SERVER_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8080",
};

/// The label of the one window; the capabilities name it.
const MAIN_WINDOW: &str = "main";

/// The server URL from `LINLI_SERVER_URL`, or the default when unset, empty or not an
/// http(s) URL (then a warning goes to stderr). No trailing slash.
pub fn server_url_from_env() -> String {
    match std::env::var("LINLI_SERVER_URL") {
        Ok(raw) if !raw.trim().is_empty() => match parse_server_url(&raw) {
            Some(url) => url,
            None => {
                eprintln!(
                    "linli: LINLI_SERVER_URL={raw:?} is not an http(s) URL; using {DEFAULT_SERVER_URL}"
                );
                DEFAULT_SERVER_URL.to_owned()
            }
        },
        _ => DEFAULT_SERVER_URL.to_owned(),
    }
}

/// Normalises a server URL: http or https with a host, without a trailing slash.
pub fn parse_server_url(raw: &str) -> Option<String> {
    let url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    Some(url.as_str().trim_end_matches('/').to_owned())
}

/// The initialization script that hands the server URL to the app. The URL is written as a
/// JSON string literal, so no character in it can end the string or the script.
pub fn server_init_script(server_url: &str) -> String {
    let literal = serde_json::to_string(server_url)
        .expect("a string always serialises")
        // Valid in JSON and in ES2019 strings, but line terminators in older engines.
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.__LINLI_SERVER__ = {literal};")
}

/// The configured CSP allows the app to reach `http://127.0.0.1:*` and
/// `http://localhost:*`. A server elsewhere (e.g. `https://linli.example.cn`) must be added
/// to `connect-src` (API and events) and `img-src` (uploaded pictures), or the webview
/// blocks every request to it. The CSP header is computed per request from the runtime
/// config, so changing the context's config before the app starts is enough.
fn allow_server_in_csp(csp: &mut Option<Csp>, server_url: &str) {
    let Some(origin) = Url::parse(server_url)
        .ok()
        .map(|u| u.origin().ascii_serialization())
    else {
        return;
    };
    let Some(csp) = csp else { return };
    for directive in ["connect-src", "img-src"] {
        match csp {
            Csp::DirectiveMap(map) => {
                let sources = map
                    .entry(directive.to_owned())
                    .or_insert_with(|| CspDirectiveSources::List(vec!["'self'".to_owned()]));
                if !covered(sources, &origin) {
                    sources.push(&origin);
                }
            }
            Csp::Policy(policy) => {
                // A single-string policy: append to the directive if present.
                let needle = format!("{directive} ");
                if let Some(at) = policy.find(&needle) {
                    let end = policy[at..].find(';').map_or(policy.len(), |e| at + e);
                    if !policy[at..end].split_whitespace().any(|s| s == origin) {
                        policy.insert_str(end, &format!(" {origin}"));
                    }
                }
            }
        }
    }
}

/// Whether `origin` is already allowed by one of the loopback wildcards or listed itself.
fn covered(sources: &CspDirectiveSources, origin: &str) -> bool {
    if sources.contains(origin) {
        return true;
    }
    let Ok(url) = Url::parse(origin) else {
        return false;
    };
    url.scheme() == "http"
        && match url.host_str() {
            Some("127.0.0.1") => sources.contains("http://127.0.0.1:*"),
            Some("localhost") => sources.contains("http://localhost:*"),
            _ => false,
        }
}

/// Shows an OS notification: the app calls it for new notices, group-buy pickups,
/// appointment reminders. Errors come back to the app as their message.
#[tauri::command]
async fn notify(app: AppHandle, title: String, body: String) -> Result<(), String> {
    app.notification()
        .builder()
        .title(title)
        .body(body)
        .show()
        .map_err(|e| e.to_string())
}

/// Reads `text` aloud in `lang` (`zh-CN`, `zh-TW`, `en`), ending any reading before it;
/// answers when the reading is over or stopped. Errors: `unavailable`, `failed: …`.
#[tauri::command]
async fn speak(speaker: State<'_, speech::Speaker>, text: String, lang: String) -> Result<(), String> {
    speaker.speak(&text, &lang).await
}

/// Stops reading aloud.
#[tauri::command]
async fn stop_speaking(speaker: State<'_, speech::Speaker>) -> Result<(), String> {
    let speaker = speaker.inner().clone();
    tauri::async_runtime::spawn_blocking(move || speaker.stop())
        .await
        .map_err(|e| e.to_string())
}

/// The window is a phone-like column (420×860 logical pixels); on a screen less tall than
/// that (a 1366×768 laptop), shrink it to the work area, keeping its minimum size, so that
/// its title bar and bottom stay reachable.
#[cfg(desktop)]
fn fit_to_screen(app: &AppHandle, config: &mut tauri::utils::config::WindowConfig) {
    /// Room left for the window's decorations and a panel.
    const MARGIN: f64 = 48.0;
    let Ok(Some(monitor)) = app.primary_monitor() else {
        return;
    };
    let area = monitor
        .work_area()
        .size
        .to_logical::<f64>(monitor.scale_factor());
    let max_width = (area.width - MARGIN).max(config.min_width.unwrap_or(0.0));
    let max_height = (area.height - MARGIN).max(config.min_height.unwrap_or(0.0));
    config.width = config.width.min(max_width);
    config.height = config.height.min(max_height);
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let server_url = server_url_from_env();
    let init_script = server_init_script(&server_url);

    let mut context = tauri::generate_context!("../tauri.conf.json");
    allow_server_in_csp(&mut context.config_mut().app.security.csp, &server_url);

    let builder = tauri::Builder::default().plugin(tauri_plugin_notification::init());
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_barcode_scanner::init());

    builder
        .manage(speech::Speaker::default())
        .invoke_handler(tauri::generate_handler![notify, speak, stop_speaking])
        .setup(move |app| {
            // The window is declared in tauri.conf.json with `"create": false` (title, size)
            // and built here, so that the initialization script runs before the app.
            #[allow(unused_mut)]
            let mut config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == MAIN_WINDOW)
                .cloned()
                .ok_or("tauri.conf.json declares no `main` window")?;
            #[cfg(desktop)]
            fit_to_screen(app.handle(), &mut config);
            WebviewWindowBuilder::from_config(app.handle(), &config)?
                .initialization_script(&init_script)
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("error while running the Linli shell");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_url_is_normalised_and_checked() {
        assert_eq!(
            parse_server_url(" http://127.0.0.1:8080/ ").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            parse_server_url("https://linli.example.cn/base/").as_deref(),
            Some("https://linli.example.cn/base")
        );
        assert_eq!(parse_server_url("ftp://example.cn"), None);
        assert_eq!(parse_server_url("127.0.0.1:8080"), None);
        assert_eq!(parse_server_url("javascript:alert(1)"), None);
    }

    #[test]
    fn init_script_escapes_the_url() {
        assert_eq!(
            server_init_script("http://127.0.0.1:8080"),
            r#"window.__LINLI_SERVER__ = "http://127.0.0.1:8080";"#
        );
        let script = server_init_script("http://x/\"</script>\u{2028}");
        assert_eq!(
            script,
            "window.__LINLI_SERVER__ = \"http://x/\\\"</script>\\u2028\";"
        );
    }

    fn map_csp(connect: &str) -> Option<Csp> {
        let mut map = std::collections::HashMap::new();
        map.insert(
            "connect-src".to_owned(),
            CspDirectiveSources::Inline(connect.to_owned()),
        );
        Some(Csp::DirectiveMap(map))
    }

    fn connect_src(csp: &Option<Csp>) -> String {
        match csp {
            Some(Csp::DirectiveMap(map)) => match &map["connect-src"] {
                CspDirectiveSources::Inline(s) => s.clone(),
                CspDirectiveSources::List(l) => l.join(" "),
            },
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn loopback_servers_need_no_csp_change() {
        let base = "'self' ipc: http://127.0.0.1:* http://localhost:*";
        let mut csp = map_csp(base);
        allow_server_in_csp(&mut csp, "http://127.0.0.1:9000");
        allow_server_in_csp(&mut csp, "http://localhost:3000");
        assert_eq!(connect_src(&csp), base);
    }

    #[test]
    fn remote_server_is_added_once() {
        let mut csp = map_csp("'self' ipc: http://127.0.0.1:*");
        allow_server_in_csp(&mut csp, "https://linli.example.cn/api");
        allow_server_in_csp(&mut csp, "https://linli.example.cn/api");
        assert_eq!(
            connect_src(&csp),
            "'self' ipc: http://127.0.0.1:* https://linli.example.cn"
        );
    }

    #[test]
    fn single_string_policy_is_extended() {
        let mut csp = Some(Csp::Policy(
            "default-src 'self'; connect-src 'self' ipc:; img-src 'self'".to_owned(),
        ));
        allow_server_in_csp(&mut csp, "https://linli.example.cn");
        assert_eq!(
            csp,
            Some(Csp::Policy(
                "default-src 'self'; connect-src 'self' ipc: https://linli.example.cn; img-src 'self' https://linli.example.cn".to_owned()
            ))
        );
    }
}
