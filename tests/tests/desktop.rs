//! Desktop smoke test: the real Tauri window (`src-tauri/`, built with the embedded
//! `app/dist`) driven over WebDriver through `tauri-driver` and WebKitWebDriver.
//!
//! It checks that the window starts and the Leptos app mounts its signed-out home
//! (`main#home h1`), that the shell hands the app its server (`window.__LINLI_SERVER__`
//! from `LINLI_SERVER_URL`) and the CSP lets the app reach it (and loopback servers) but
//! no other origin, takes a screenshot
//! (`tests/artifacts/desktop-home.png`), that the `notify` command resolves and, on a
//! session bus, reaches `org.freedesktop.Notifications.Notify`, and the whole chain: a
//! resident signed in in the window, staff publish an urgent notice on the real server, and
//! it arrives as an OS notification. Then read-aloud: WebKitGTK has no speech synthesis, so
//! the notice's 朗读 button must call the shell's `speak` command, which runs `spd-say`; a
//! recording stand-in for `spd-say` is first on the window's PATH (this tests our side, what
//! is asked to be said and in which language, not speech itself), and pressing the button
//! again must stop it (`stop_speaking`, then `spd-say -C`).
//!
//! Environment:
//! - `LINLI_DESKTOP_BINARY`: the shell binary (`target/debug/linli` built with
//!   `--features custom-protocol`). Unset: the test says it skipped, unless
//!   `LINLI_REQUIRE_DESKTOP=1`, then it fails.
//! - `DISPLAY` (or `WAYLAND_DISPLAY`): a display; `scripts/desktop-smoke.sh` provides Xvfb.
//! - `TAURI_DRIVER`: the tauri-driver binary (default: `tauri-driver` on PATH).
//! - `DBUS_SESSION_BUS_ADDRESS`: when set and `dbus-monitor` is installed, the Notify call
//!   is observed on the bus (and `dunst` is started if no notification daemon runs).
//!
//! Run it all with `bash scripts/desktop-smoke.sh`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use linli_e2e::free_port;
use serde_json::{json, Value};

/// The whole test, start to teardown; past it the test fails (and the guard still cleans up).
const OVERALL: Duration = Duration::from_secs(240);
/// How long the window may take to start and the app to mount.
const APP_START: Duration = Duration::from_secs(60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desktop_window_shows_home_and_turns_urgent_notices_into_os_notifications() {
    let Some(setup) = Setup::from_env() else {
        return;
    };
    let mut processes = Processes::default();
    let outcome = tokio::time::timeout(OVERALL, run(setup, &mut processes)).await;
    drop(processes); // kills tauri-driver (and the window), dunst and dbus-monitor
    outcome.unwrap_or_else(|_| panic!("the desktop smoke test took longer than {OVERALL:?}"));
}

// --- what the test needs from its environment ----------------------------------------------

struct Setup {
    binary: PathBuf,
    tauri_driver: PathBuf,
}

impl Setup {
    /// `None` when the test should be skipped (and is allowed to be).
    fn from_env() -> Option<Setup> {
        let required = std::env::var("LINLI_REQUIRE_DESKTOP").is_ok_and(|v| v == "1");
        let skip = |why: &str| -> Option<Setup> {
            if required {
                panic!("LINLI_REQUIRE_DESKTOP=1 but {why}");
            }
            // Straight to stderr, past the test harness's capture, so that the skip shows.
            let _ = writeln!(
                std::io::stderr(),
                "desktop smoke test skipped: {why} (see scripts/desktop-smoke.sh)"
            );
            None
        };
        let Some(binary) = std::env::var_os("LINLI_DESKTOP_BINARY").filter(|v| !v.is_empty())
        else {
            return skip("set LINLI_DESKTOP_BINARY to the Tauri shell binary");
        };
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return skip("no display (DISPLAY is not set; run under Xvfb)");
        }
        // From here on the desktop test was asked for: what is missing is a failure.
        let mut binary = PathBuf::from(binary);
        if binary.is_relative() && !binary.is_file() {
            // `cargo test` runs in tests/: read a relative path from the workspace root.
            binary = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(binary);
        }
        assert!(
            binary.is_file(),
            "LINLI_DESKTOP_BINARY={} is not a file",
            binary.display()
        );
        let binary = binary
            .canonicalize()
            .expect("absolute path of the shell binary");
        let tauri_driver = std::env::var_os("TAURI_DRIVER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| which("tauri-driver"))
            .expect("tauri-driver not found: set TAURI_DRIVER or put it on PATH (scripts/desktop-smoke.sh installs it)");
        assert!(
            which("WebKitWebDriver").is_some(),
            "WebKitWebDriver is not on PATH (Debian: apt-get install webkit2gtk-driver)"
        );
        Some(Setup {
            binary,
            tauri_driver,
        })
    }
}

// --- the test ------------------------------------------------------------------------------

async fn run(setup: Setup, processes: &mut Processes) {
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&artifacts).expect("create tests/artifacts");

    // The real Linli server (demo community) on 127.0.0.2, which the configured CSP does not
    // list: the shell must add it at start. Stand-ins on 127.0.0.1 check the CSP's standing
    // loopback allowance, on 127.0.0.3 that the CSP is enforced at all.
    let server = LinliServer::start("127.0.0.2").await;
    let loopback = ProbeServer::start("127.0.0.1");
    let forbidden = ProbeServer::start("127.0.0.3");

    // A recording `spd-say`, first on the window's PATH (for this test only).
    let speech = FakeSpeech::install();

    // tauri-driver (which starts WebKitWebDriver, which starts the window) in a process group
    // of its own, so that the whole tree can be ended at once.
    let port = free_port();
    let native_port = free_port();
    let log_path = artifacts.join("desktop-tauri-driver.log");
    let log = std::fs::File::create(&log_path).expect("create the tauri-driver log");
    let driver = Command::new(&setup.tauri_driver)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("LINLI_SERVER_URL", format!("{}/", server.url()))
        .env("PATH", speech.path())
        .env("LINLI_FAKE_SPEECH_LOG", &speech.log)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", setup.tauri_driver.display()));
    processes.push("tauri-driver", driver, true);
    wait_for(Duration::from_secs(20), "tauri-driver to listen", || {
        processes.assert_running("tauri-driver", &log_path);
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });

    let Value::Object(capabilities) =
        json!({ "tauri:options": { "application": setup.binary.to_string_lossy() } })
    else {
        unreachable!()
    };
    let client = ClientBuilder::rustls()
        .expect("TLS setup")
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "a WebDriver session with the Linli window: {e} (log: {})",
                log_path.display()
            )
        });

    // The app mounts its signed-out home.
    let heading = wait_for_text(&client, "main#home h1", APP_START).await;
    assert!(!heading.trim().is_empty(), "the home page has a heading");
    println!("home heading: {heading:?}");

    // The shell set the server URL (normalised, no trailing slash) before the app ran...
    let injected = client
        .execute("return window.__LINLI_SERVER__ ?? null", vec![])
        .await
        .unwrap();
    assert_eq!(
        injected,
        json!(server.url()),
        "window.__LINLI_SERVER__ comes from LINLI_SERVER_URL"
    );
    // ...and the CSP lets the app fetch from it and from loopback servers, and nowhere else.
    let probe = |url: String| {
        let client = &client;
        async move {
            client
                .execute_async(
                    r#"const [url, done] = arguments;
                       fetch(url)
                         .then(r => r.text().then(t => done({ ok: r.ok, body: t })))
                         .catch(e => done({ ok: false, error: String(e) }));"#,
                    vec![json!(url)],
                )
                .await
                .unwrap()
        }
    };
    let ok = json!({ "ok": true, "body": "probe ok" });
    let health = probe(format!("{}/healthz", server.url())).await;
    assert_eq!(health["ok"], json!(true), "the app can reach its server: {health}");
    assert_eq!(
        probe(format!("{}/linli-smoke-probe", loopback.url)).await,
        ok,
        "the CSP allows loopback servers"
    );
    let blocked = probe(format!("{}/linli-smoke-probe", forbidden.url)).await;
    assert_eq!(
        blocked["ok"],
        json!(false),
        "the CSP blocks other origins: {blocked}"
    );
    assert!(
        forbidden.origins().is_empty(),
        "a blocked request never leaves the window"
    );

    // A screenshot of the window through WebDriver, kept for people to look at.
    let png = client
        .screenshot()
        .await
        .expect("a screenshot of the window");
    let shot = artifacts.join("desktop-home.png");
    std::fs::write(&shot, &png).expect("write the screenshot");
    let (width, height, colours) = png_summary(&png);
    println!(
        "screenshot {}: {width}×{height}, {} bytes, {colours} colours",
        shot.display(),
        png.len()
    );
    assert!(
        width >= 300 && height >= 300,
        "the window has a phone-like size, not {width}×{height}"
    );
    assert!(
        colours >= 16,
        "the screenshot is not blank ({colours} distinct colours)"
    );

    // The notification bridge: the app's call resolves, and on a session bus the
    // notification reaches the notification service.
    let title = format!("邻里 smoke {}", std::process::id());
    let body = "明天上午九点停水 (desktop smoke test)";
    let monitor = NotifyMonitor::start(processes);
    let invoked = client
        .execute_async(
            r#"const [title, body, done] = arguments;
               window.__TAURI__.core.invoke("notify", { title, body })
                 .then(() => done({ ok: true }))
                 .catch(e => done({ ok: false, error: String(e) }));"#,
            vec![json!(title), json!(body)],
        )
        .await
        .unwrap();
    assert_eq!(
        invoked,
        json!({ "ok": true }),
        "invoke(\"notify\") resolves"
    );
    let Some(monitor) = monitor else {
        println!("no session bus or dbus-monitor: the Notify calls themselves were not observed");
        let _ = client.close().await;
        return;
    };
    let seen = monitor.wait_for(&title, Duration::from_secs(15));
    assert!(
        seen,
        "Notify with title {title:?} on the session bus; dbus-monitor saw:\n{}",
        monitor.output()
    );
    println!("the session bus carried Notify({title:?}, …)");

    // The whole chain: a resident signs in in the window; staff publish an urgent notice;
    // it reaches the window over the event stream and becomes an OS notification.
    click(&client, "main#home a[href='/sign-in']").await;
    type_into(&client, "input[name=phone]", RESIDENT).await;
    type_into(&client, "input[name=password]", linli_e2e::DEMO_PASSWORD).await;
    click(&client, "form#sign-in button[type=submit]").await;
    wait_for_text(&client, "nav#tiles", APP_START).await;
    wait_for(Duration::from_secs(20), "the window's event stream to open", || {
        server.running.state.events.subscriber_count() >= 1
    });
    let urgent_title = format!("紧急：停电通知 {}", std::process::id());
    server.publish_urgent(&urgent_title).await;
    let seen = monitor.wait_for(&urgent_title, Duration::from_secs(15));
    assert!(
        seen,
        "an urgent notice became Notify({urgent_title:?}); dbus-monitor saw:\n{}",
        monitor.output()
    );
    println!("an urgent notice reached the desktop as an OS notification");

    // Read aloud: the notice's 朗读 button goes through the shell's `speak` command.
    click(&client, "a.tile[href='/notices']").await;
    click(&client, "#notice-list li a").await;
    let title = wait_for_text(&client, "article#notice h1", APP_START).await;
    click(&client, "#read-aloud").await;
    let spoken = speech.wait_for(|args| args.first().map(String::as_str) == Some("-w")).await;
    assert_eq!(spoken.len(), 5, "spd-say -w -l zh -- <text>: {spoken:?}");
    assert_eq!(spoken[..4], ["-w", "-l", "zh", "--"], "in the app's language (zh-CN → zh)");
    assert!(spoken[4].starts_with(title.trim()), "spd-say reads the notice, title first: {spoken:?}");
    assert!(spoken[4].lines().count() > 1, "then its text: {spoken:?}");
    wait_for_pressed(&client, "true").await;
    click(&client, "#read-aloud").await;
    speech.wait_for(|args| args == ["-C"]).await;
    wait_for_pressed(&client, "false").await;
    println!("read-aloud ran spd-say with {spoken:?} and stopped it");

    // Ending the session closes the window; the guard ends the rest.
    let _ = client.close().await;
}

/// Waits until `css` matches an element with non-empty text, and returns that text.
async fn wait_for_text(client: &Client, css: &str, limit: Duration) -> String {
    let start = Instant::now();
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if !text.trim().is_empty() {
                    return text;
                }
            }
        }
        if start.elapsed() > limit {
            let source = client.source().await.unwrap_or_default();
            panic!("no text in `{css}` after {limit:?}; the page:\n{source}");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

async fn click(client: &Client, css: &str) {
    wait_for_element(client, css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn type_into(client: &Client, css: &str, text: &str) {
    wait_for_element(client, css).await.send_keys(text).await.unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

async fn wait_for_element(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(APP_START)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} in the window: {e}"))
}

/// Waits up to 10 s for the 朗读 button's `aria-pressed` to be `want`.
async fn wait_for_pressed(client: &Client, want: &str) {
    let start = Instant::now();
    loop {
        if let Ok(button) = client.find(Locator::Css("#read-aloud")).await {
            if button.attr("aria-pressed").await.ok().flatten().as_deref() == Some(want) {
                return;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(10), "#read-aloud never had aria-pressed={want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A stand-in for speech-dispatcher's `spd-say` that records its arguments (each ended by
/// U+001F, each call by U+001E: the text may hold line breaks), and "speaks" for 30 s unless
/// it is cancelling (`-C`).
struct FakeSpeech {
    folder: tempfile::TempDir,
    log: PathBuf,
}

impl FakeSpeech {
    fn install() -> FakeSpeech {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("a folder for the fake spd-say");
        let log = folder.path().join("spoken.log");
        let script = folder.path().join("spd-say");
        std::fs::write(
            &script,
            "#!/bin/sh\n\
             { for arg in \"$@\"; do printf '%s\\037' \"$arg\"; done; printf '\\036'; } >> \"$LINLI_FAKE_SPEECH_LOG\"\n\
             [ \"$1\" = -C ] && exit 0\n\
             exec sleep 30\n",
        )
        .expect("write the fake spd-say");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("make it executable");
        FakeSpeech { folder, log }
    }

    /// PATH with the fake first.
    fn path(&self) -> std::ffi::OsString {
        let mut paths = vec![self.folder.path().to_path_buf()];
        paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        std::env::join_paths(paths).expect("a PATH")
    }

    fn calls(&self) -> Vec<Vec<String>> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        // The script writes a call in several writes: a call still being written (after the
        // last U+001E) is not a call yet.
        let complete = text.rfind('\u{1e}').map_or("", |end| &text[..end]);
        complete
            .split('\u{1e}')
            .filter(|call| !call.is_empty())
            .map(|call| call.split('\u{1f}').filter(|a| !a.is_empty()).map(str::to_owned).collect())
            .collect()
    }

    /// Waits up to 15 s for a call whose arguments `matches` accepts.
    async fn wait_for(&self, matches: impl Fn(&[String]) -> bool) -> Vec<String> {
        let start = Instant::now();
        loop {
            if let Some(call) = self.calls().into_iter().find(|call| matches(call)) {
                return call;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "spd-say was not called as expected; calls: {:?}", self.calls());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Width, height and number of distinct colours of a PNG.
fn png_summary(bytes: &[u8]) -> (u32, u32, usize) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("the screenshot is a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a sane PNG size")];
    let info = reader
        .next_frame(&mut buffer)
        .expect("decode the screenshot");
    let channels = info.color_type.samples();
    let colours: std::collections::HashSet<&[u8]> = buffer[..info.buffer_size()]
        .chunks_exact(channels)
        .collect();
    (info.width, info.height, colours.len())
}

// --- the servers ---------------------------------------------------------------------------

const STAFF: &str = "13800000001";
const RESIDENT: &str = "13900000003";

/// The real Linli server, in this process, with the demo community, on `ip`.
struct LinliServer {
    running: linli_server::Running,
    _data: tempfile::TempDir,
}

impl LinliServer {
    async fn start(ip: &str) -> LinliServer {
        let data = tempfile::tempdir().expect("a data folder");
        let database = format!("sqlite://{}?mode=rwc", data.path().join("linli.db").display());
        let mut config = linli_server::Config::for_tests(database);
        config.no_demo = false;
        config.bind = format!("{ip}:0").parse().expect("an address");
        let running = linli_server::spawn(config, linli_server::state::Clock::system())
            .await
            .expect("the Linli server starts");
        LinliServer { running, _data: data }
    }

    fn url(&self) -> String {
        self.running.url()
    }

    async fn publish_urgent(&self, title: &str) {
        use linli_api::auth::SignInRequest;
        use linli_api::notices::{NewNotice, NoticeCategory};
        let api = linli_api::Client::new(self.url());
        let session = api
            .sign_in(&SignInRequest { phone: STAFF.into(), password: linli_e2e::DEMO_PASSWORD.into() })
            .await
            .expect("staff sign in");
        api.with_token(session.token)
            .publish_notice(&NewNotice {
                title: title.into(),
                body_markdown: "今晚 20:00–22:00 停电检修。".into(),
                category: NoticeCategory::Urgent,
                pinned: false,
                urgent: true,
                vote_id: None,
            })
            .await
            .expect("staff publish an urgent notice");
    }
}


/// Answers `GET /linli-smoke-probe` with `probe ok` (CORS open) and anything else with 404,
/// remembering the `Origin` of each request (`(none)` without one).
struct ProbeServer {
    url: String,
    /// The `Origin` header of every request received.
    origins: Arc<Mutex<Vec<String>>>,
}

impl ProbeServer {
    fn start(ip: &str) -> ProbeServer {
        let listener = TcpListener::bind((ip, 0))
            .unwrap_or_else(|e| panic!("bind a probe server on {ip}: {e}"));
        let url = format!("http://{ip}:{}", listener.local_addr().unwrap().port());
        let origins = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&origins);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let seen = Arc::clone(&seen);
                std::thread::spawn(move || answer(stream, &seen));
            }
        });
        ProbeServer { url, origins }
    }

    fn origins(&self) -> Vec<String> {
        self.origins.lock().unwrap().clone()
    }
}

fn answer(stream: TcpStream, origins: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut content_length = 0usize;
    let mut origin = String::from("(none)");
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("origin:") {
            origin = value.trim().to_owned();
        } else if let Some(length) = lower.strip_prefix("content-length:") {
            content_length = length.trim().parse().unwrap_or(0);
        }
    }
    let _ = reader
        .by_ref()
        .take(content_length as u64)
        .read_to_end(&mut Vec::new());
    origins.lock().unwrap().push(origin);
    let method_and_path: Vec<&str> = request_line.split_whitespace().take(2).collect();
    let (status, body) = match method_and_path.as_slice() {
        ["GET", "/linli-smoke-probe"] => ("200 OK", "probe ok"),
        ["OPTIONS", _] => ("204 No Content", ""),
        _ => ("404 Not Found", ""),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: *\r\n\
         Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = (&stream).write_all(response.as_bytes());
}

// --- watching the session bus --------------------------------------------------------------

/// `dbus-monitor` on the Notify method of the notification service, its output collected.
struct NotifyMonitor {
    output: Arc<Mutex<String>>,
}

impl NotifyMonitor {
    /// `None` without a session bus or without dbus-monitor. Starts `dunst` when no
    /// notification daemon owns `org.freedesktop.Notifications` (Notify would fail then).
    fn start(processes: &mut Processes) -> Option<NotifyMonitor> {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS")?;
        which("dbus-monitor")?;
        if notification_service_owned() == Some(false) {
            if which("dunst").is_some() {
                let dunst = Command::new("dunst")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start dunst");
                processes.push("dunst", dunst, false);
                wait_for(
                    Duration::from_secs(10),
                    "dunst to own org.freedesktop.Notifications",
                    || notification_service_owned() == Some(true),
                );
            } else {
                println!("no notification daemon and no dunst: Notify may fail, the call is still observed");
            }
        }
        let mut monitor = Command::new("dbus-monitor")
            .args([
                "--session",
                "interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dbus-monitor");
        let output = Arc::new(Mutex::new(String::new()));
        for stream in [
            Box::new(monitor.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(monitor.stderr.take().unwrap()),
        ] {
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    let mut output = output.lock().unwrap();
                    output.push_str(&line);
                    output.push('\n');
                }
            });
        }
        processes.push("dbus-monitor", monitor, false);
        // dbus-monitor prints the NameAcquired/NameLost signals of becoming a monitor first.
        let ready = Arc::clone(&output);
        wait_for(Duration::from_secs(10), "dbus-monitor to start", || {
            !ready.lock().unwrap().is_empty()
        });
        Some(NotifyMonitor { output })
    }

    fn wait_for(&self, text: &str, limit: Duration) -> bool {
        let needle = format!("string \"{text}\"");
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.output.lock().unwrap().contains(&needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }
}

/// Whether some process owns the notification service name; `None` when it can't be asked.
fn notification_service_owned() -> Option<bool> {
    let out = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    if text.contains("boolean true") {
        Some(true)
    } else if text.contains("boolean false") {
        Some(false)
    } else {
        None
    }
}

// --- processes -----------------------------------------------------------------------------

/// The processes the test started; dropping it ends them all, also when the test fails.
#[derive(Default)]
struct Processes {
    children: Vec<(&'static str, Child, bool)>,
}

impl Processes {
    /// `group`: the child leads a process group of its own (spawned with `process_group(0)`)
    /// and the whole group is ended, so that what it started ends too.
    fn push(&mut self, name: &'static str, child: Child, group: bool) {
        self.children.push((name, child, group));
    }

    fn assert_running(&mut self, name: &str, log: &Path) {
        for (n, child, _) in &mut self.children {
            if *n == name {
                if let Ok(Some(status)) = child.try_wait() {
                    let log = std::fs::read_to_string(log).unwrap_or_default();
                    panic!("{name} exited ({status}):\n{log}");
                }
            }
        }
    }
}

impl Drop for Processes {
    fn drop(&mut self) {
        // Last started, first ended; SIGTERM first so that WebKitWebDriver can close the
        // window, SIGKILL for whatever is still there after a grace period.
        for (_, child, group) in self.children.iter_mut().rev() {
            signal(child.id(), *group, "TERM");
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        for (_, child, group) in self.children.iter_mut().rev() {
            while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(50));
            }
            if matches!(child.try_wait(), Ok(None)) {
                signal(child.id(), *group, "KILL");
                let _ = child.wait();
            } else if *group {
                // The leader is gone; its group (the window) may not be.
                signal(child.id(), true, "KILL");
            }
        }
    }
}

fn signal(pid: u32, group: bool, signal: &str) {
    let target = if group {
        format!("-{pid}")
    } else {
        pid.to_string()
    };
    let _ = Command::new("kill")
        .args([format!("-{signal}"), "--".into(), target])
        .stderr(Stdio::null())
        .status();
}

// --- small helpers -------------------------------------------------------------------------

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
