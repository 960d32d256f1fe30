//! The end-to-end harness: the real server (in-process, on a random loopback port, over a
//! fresh SQLite file, serving the built web app) and real browsers driven over WebDriver.

pub mod screens;

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client as Browser, ClientBuilder, Locator};
use linli_server::state::Clock;
use linli_server::{Config, Running};
use serde_json::{json, Value};

pub use linli_server::seed::{DEMO_INVITE_CODE, DEMO_PASSWORD};

/// The phone-first viewport every screen is laid out for.
pub const PHONE: (u32, u32) = (360, 780);

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn artifacts_dir() -> PathBuf {
    let dir = workspace_root().join("tests/artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// When a prerequisite is missing: fail if the test command demanded it, else say why and skip.
pub fn skip_or_fail(requirement_env: &str, why: &str) -> bool {
    if std::env::var(requirement_env).as_deref() == Ok("1") {
        panic!("{requirement_env}=1 but {why}");
    }
    eprintln!("skipped: {why}");
    true
}

/// A child process started in a process group of its own, which is killed whole when
/// dropped, so that a failing test leaves nothing behind (not even the browsers a driver
/// started).
pub struct ChildGuard(pub Child);

impl ChildGuard {
    pub fn spawn(command: &mut Command) -> std::io::Result<Self> {
        use std::os::unix::process::CommandExt;
        command.process_group(0).spawn().map(ChildGuard)
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct WebApp {
    pub server: Running,
    _folder: tempfile::TempDir,
}

impl WebApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    pub fn api(&self) -> linli_api::Client {
        linli_api::Client::new(self.server.url())
    }

    /// The API signed in as a demo account (password [`DEMO_PASSWORD`]).
    pub async fn api_as(&self, phone: &str) -> linli_api::Client {
        let api = self.api();
        let request = linli_api::auth::SignInRequest { phone: phone.into(), password: DEMO_PASSWORD.into() };
        let session = api.sign_in(&request).await.unwrap_or_else(|e| panic!("{phone} signs in: {e}"));
        api.with_token(session.token)
    }
}

/// The server with the demo community, serving `app/dist`; None (skip) when the app is not built.
pub async fn start_web_app() -> Option<WebApp> {
    start_web_app_on(Clock::system()).await
}

/// A clock the test moves forward instead of waiting: the server's workers (a case nobody
/// accepted in time going up a level, reminders) read it.
#[derive(Clone, Default)]
pub struct MovableClock(std::sync::Arc<std::sync::atomic::AtomicI64>);

impl MovableClock {
    pub fn advance(&self, by: chrono::Duration) {
        self.0.fetch_add(by.num_milliseconds(), std::sync::atomic::Ordering::SeqCst);
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + chrono::Duration::milliseconds(self.0.load(std::sync::atomic::Ordering::SeqCst))
    }
}

/// [`start_web_app`] with the server on `clock`.
pub async fn start_web_app_with_clock(clock: &MovableClock) -> Option<WebApp> {
    let clock = clock.clone();
    start_web_app_on(Clock::from_fn(move || clock.now())).await
}

/// [`start_web_app`] on a fresh database of the test command's PostgreSQL
/// (`LINLI_TEST_POSTGRES_URL`); None (skip) without one, unless `LINLI_REQUIRE_POSTGRES=1`.
pub async fn start_web_app_on_postgres() -> Option<WebApp> {
    let admin_url = match std::env::var("LINLI_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            skip_or_fail("LINLI_REQUIRE_POSTGRES", "LINLI_TEST_POSTGRES_URL is not set");
            return None;
        }
    };
    let database = fresh_postgres_database(&admin_url).await;
    start_web_app_with(Clock::system(), |_| database, |_| {}).await
}

/// A new, empty database on the PostgreSQL server at `admin_url`; its URL.
async fn fresh_postgres_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("linli_e2e_{}", &linli_server::auth::token::hash_token(&linli_server::auth::token::new_token())[..16]);
    let mut admin = sqlx::PgConnection::connect(admin_url).await.expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("database created");
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database path");
    format!("{base}/{name}")
}

async fn start_web_app_on(clock: Clock) -> Option<WebApp> {
    start_web_app_with(clock, sqlite_in, |_| {}).await
}

/// [`start_web_app`] with adjusted settings (a small live-event buffer, say).
pub async fn start_web_app_configured(adjust: impl FnOnce(&mut Config)) -> Option<WebApp> {
    start_web_app_with(Clock::system(), sqlite_in, adjust).await
}

fn sqlite_in(folder: &Path) -> String {
    format!("sqlite://{}?mode=rwc", folder.join("linli.db").display())
}

async fn start_web_app_with(clock: Clock, database_url: impl FnOnce(&Path) -> String, adjust: impl FnOnce(&mut Config)) -> Option<WebApp> {
    let web_dir = workspace_root().join("app/dist");
    if !web_dir.join("index.html").exists() && skip_or_fail("LINLI_REQUIRE_BROWSER", "app/dist is not built (scripts/build-web.sh)") {
        return None;
    }
    let folder = tempfile::tempdir().expect("temp folder");
    let mut config = Config::for_tests(database_url(folder.path()));
    config.no_demo = false;
    config.web_dir = web_dir;
    adjust(&mut config);
    let server = linli_server::spawn(config, clock).await.expect("server starts");
    Some(WebApp { server, _folder: folder })
}

/// A running chromedriver for Debian's Chromium.
pub struct ChromeDriver {
    _process: ChildGuard,
    port: u16,
}

pub async fn chromedriver() -> Option<ChromeDriver> {
    let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let spawned = ChildGuard::spawn(Command::new(&driver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()));
    let process = match spawned {
        Ok(process) => process,
        Err(error) => {
            skip_or_fail("LINLI_REQUIRE_BROWSER", &format!("cannot start {driver}: {error}"));
            return None;
        }
    };
    wait_until(Duration::from_secs(20), || async move {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    })
    .await
    .expect("chromedriver listens");
    Some(ChromeDriver { _process: process, port })
}

impl ChromeDriver {
    /// A fresh headless Chromium (own profile, offline-quiet flags) with the given viewport.
    pub async fn open(&self, (width, height): (u32, u32)) -> Browser {
        let profile = tempfile::tempdir().expect("profile folder").keep();
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.display()),
                    format!("--window-size={width},{height}"), "--lang=zh-CN",
                ],
            }
        });
        let Value::Object(capabilities) = capabilities else { unreachable!() };
        let browser = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a browser session");
        // Headless window sizes include no chrome, but set the viewport exactly anyway.
        let (outer_w, outer_h) = browser
            .execute("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]", vec![])
            .await
            .ok()
            .and_then(|v| Some((v[0].as_u64()? as u32, v[1].as_u64()? as u32)))
            .unwrap_or((0, 0));
        let _ = browser.set_window_size(width + outer_w, height + outer_h).await;
        browser
    }
}

/// Polls `check` until it is true or `timeout` passes.
pub async fn wait_until<F, Fut>(timeout: Duration, mut check: F) -> Result<(), String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < timeout {
        if check().await {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("not true within {timeout:?}"))
}

/// Waits up to 15 s for an element to be in the page.
pub async fn element(browser: &Browser, css: &str) -> fantoccini::elements::Element {
    match browser.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(css)).await {
        Ok(element) => element,
        Err(error) => panic!("no {css} on {:?}: {error}", browser.current_url().await.ok()),
    }
}

/// Waits for an element and returns its text.
pub async fn text_of(browser: &Browser, css: &str) -> String {
    element(browser, css).await.text().await.unwrap_or_default()
}

/// Waits up to 15 s for `css` to hold `wanted`; otherwise fails with `what` and the page's text.
pub async fn wait_for_text(browser: &Browser, css: &str, wanted: &str, what: &str) {
    let found = wait_until(Duration::from_secs(15), || async {
        browser.find(Locator::Css(css)).await.is_ok() && text_of(browser, css).await.contains(wanted)
    })
    .await;
    if found.is_err() {
        let body = script(browser, "return document.body.innerText").await;
        panic!("{what}: {css} never said {wanted:?}; the page:\n{body}");
    }
}

/// Waits for an element and returns an attribute.
pub async fn attr_of(browser: &Browser, css: &str, name: &str) -> Option<String> {
    element(browser, css).await.attr(name).await.unwrap_or(None)
}

/// Waits for an element and returns a DOM property (e.g. an input's current `value`).
pub async fn prop_of(browser: &Browser, css: &str, name: &str) -> Option<String> {
    element(browser, css).await.prop(name).await.unwrap_or(None)
}

pub async fn fill(browser: &Browser, css: &str, value: &str) {
    let input = element(browser, css).await;
    input.clear().await.expect("clear");
    input.send_keys(value).await.expect("type");
}

/// Clicks an element as a thumb would: brought to the middle of the screen first, since
/// WebDriver scrolls it to the very top, under the sticky bar.
pub async fn click(browser: &Browser, css: &str) {
    let target = element(browser, css).await;
    let arg = serde_json::to_value(&target).expect("an element as a script argument");
    browser.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![arg]).await.expect("scroll to the element");
    target.click().await.unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Signs in through the sign-in form (demo password) and waits for the home tiles.
pub async fn sign_in_ui(browser: &Browser, app: &WebApp, phone: &str) {
    browser.goto(&app.url("/sign-in")).await.expect("open /sign-in");
    fill(browser, "input[name=phone]", phone).await;
    fill(browser, "input[name=password]", DEMO_PASSWORD).await;
    click(browser, "form#sign-in button[type=submit]").await;
    text_of(browser, "nav#tiles").await;
}

pub async fn script(browser: &Browser, js: &str) -> Value {
    browser.execute(js, vec![]).await.unwrap_or_else(|e| panic!("script failed: {js}: {e}"))
}

pub async fn screenshot(browser: &Browser, name: &str) {
    if let Ok(png) = browser.screenshot().await {
        let _ = std::fs::write(artifacts_dir().join(format!("{name}.png")), png);
    }
}

/// Why the page at its current width scrolls sideways or clips text, if it does: the
/// document is wider than the viewport, or an element that hides its overflow has text
/// cut off (a scrolling box, like a wide table's, is allowed).
pub async fn reflow_problem(browser: &Browser) -> Option<String> {
    let found = script(
        browser,
        r#"const html = document.documentElement;
           if (html.scrollWidth > window.innerWidth) {
               // Name the innermost element that sticks out, to say what to fix.
               const out = [...document.body.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1);
               const culprit = out.filter(e => !out.some(o => o !== e && e.contains(o)))[0];
               const what = culprit ? ` (<${culprit.tagName.toLowerCase()} class="${culprit.getAttribute("class") || ""}"> "${culprit.textContent.trim().slice(0, 30)}")` : "";
               return `content ${html.scrollWidth}px in a ${window.innerWidth}px viewport${what}`;
           }
           for (const el of document.body.querySelectorAll("*")) {
               if (el.matches("input, select, textarea, svg, svg *")) continue; // scroll their own
               const s = getComputedStyle(el);
               if (!["hidden", "clip"].includes(s.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
               const r = el.getBoundingClientRect();
               if (r.width <= 1 || r.height <= 1 || !el.textContent.trim()) continue; // visually hidden
               return `clipped text in <${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}">: ${el.textContent.trim().slice(0, 40)}`;
           }
           return null;"#,
    )
    .await;
    found.as_str().map(str::to_owned)
}

/// Fails when the page scrolls sideways at its current width (phones first).
pub async fn assert_no_sideways_scroll(browser: &Browser, page: &str) {
    if let Some(problem) = reflow_problem(browser).await {
        panic!("{page} does not reflow: {problem}");
    }
}

/// Waits for the page's heading and for every loading indicator to go.
pub async fn settled(browser: &Browser, page: &str) {
    text_of(browser, "main h1").await;
    let done = wait_until(Duration::from_secs(15), || async {
        script(browser, "return document.querySelectorAll('.loading').length").await == json!(0)
    })
    .await;
    if done.is_err() {
        let body = script(browser, "return document.body.innerText").await;
        panic!("{page} is still loading after 15 s: {body}");
    }
    // A button enabled as the page loads fades to its colours over 0.15 s; measuring contrast
    // half way through reads white text on a pale background.
    const FADING: &str = "return document.getAnimations().filter(a => a.playState === 'running' \
        && Number.isFinite(a.effect.getComputedTiming().endTime)).length";
    wait_until(Duration::from_secs(5), || async { script(browser, FADING).await == json!(0) }).await.ok();
}

/// Replaces the page's `Notification` with a recorder that reports permission granted
/// (headless Chromium cannot show the prompt); `window.__notified` collects `[title, body]`.
pub async fn record_notifications(browser: &Browser) {
    script(
        browser,
        r#"window.__notified = [];
           window.Notification = class {
               static get permission() { return "granted"; }
               static requestPermission() { return Promise.resolve("granted"); }
               constructor(title, options) { window.__notified.push([title, options && options.body]); }
           };
           return true;"#,
    )
    .await;
}

/// The OS notification the page raised with this title (`[title, body]`), waiting up to 15 s
/// for it; needs [`record_notifications`] first.
pub async fn notification(browser: &Browser, title: &str) -> Value {
    let find = format!("return (window.__notified || []).find(n => n[0] === {}) || null", json!(title));
    wait_until(Duration::from_secs(15), || async { !script(browser, &find).await.is_null() })
        .await
        .unwrap_or_else(|_| panic!("no notification {title:?}"));
    script(browser, &find).await
}

/// Fails unless `css` is at least 60 CSS px tall, 长辈版's target size.
pub async fn assert_big_target(browser: &Browser, css: &str) {
    let size = script(browser, &format!("const r = document.querySelector({}).getBoundingClientRect(); return [r.width, r.height]", json!(css))).await;
    assert!(size[1].as_f64().unwrap_or(0.0) >= 60.0, "{css} is a big target in 长辈版: {size}");
}

/// axe-core's `axe.min.js`, if installed: `AXE_CORE_JS`, or where scripts/test.sh installs
/// it (`$LINLI_TOOLS/npm/node_modules/axe-core/`).
pub fn axe_source() -> Option<String> {
    let path = std::env::var_os("AXE_CORE_JS").map(PathBuf::from).or_else(|| {
        let tools = std::env::var_os("LINLI_TOOLS")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/linli/tools")))?;
        Some(tools.join("npm/node_modules/axe-core/axe.min.js"))
    })?;
    std::fs::read_to_string(path).ok()
}

/// The WCAG 2.2 A/AA violations axe finds on the page as it is now, as `rule: targets` lines;
/// nothing when axe-core is not installed (`axe` is None).
pub async fn axe_violations(browser: &Browser, axe: Option<&str>) -> Vec<String> {
    let Some(axe) = axe else { return Vec::new() };
    if script(browser, "return typeof window.axe").await != json!("object") {
        browser.execute(axe, vec![]).await.expect("inject axe-core");
    }
    let found = browser
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
                 .then(r => done(r.violations.map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))))
                 .catch(e => done(["axe failed: " + e]));"#,
            vec![],
        )
        .await
        .expect("run axe");
    match found {
        Value::Array(lines) => lines.into_iter().filter_map(|line| line.as_str().map(str::to_owned)).collect(),
        other => vec![format!("unexpected axe answer {other}")],
    }
}
