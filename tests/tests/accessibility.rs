//! Every screen of the first slice passes axe-core's WCAG 2.2 A/AA rules, at phone size,
//! in normal and elderly mode, in zh-CN, zh-TW and en; and elderly mode really enlarges text.
//!
//! axe-core comes from its npm package (offline): `AXE_CORE_JS` names `axe.min.js`, or the
//! test looks in `$LINLI_TOOLS/npm/node_modules/axe-core/` where scripts/test.sh installs it.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::Client as Browser;
use linli_api::auth::{Locale, SignInRequest, UpdatePreferences};
use linli_api::notices::NoticeListQuery;
use linli_e2e::*;
use serde_json::{json, Value};

const STAFF: &str = "13800000001";
const RESIDENT: &str = "13900000003";

fn axe_source() -> Option<String> {
    let path = std::env::var_os("AXE_CORE_JS").map(PathBuf::from).or_else(|| {
        let tools = std::env::var_os("LINLI_TOOLS")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/linli/tools")))?;
        Some(tools.join("npm/node_modules/axe-core/axe.min.js"))
    })?;
    std::fs::read_to_string(path).ok()
}

/// Waits for the page's heading and for every loading indicator to go.
async fn settled(browser: &Browser, page: &str) {
    text_of(browser, "main h1").await;
    let done = wait_until(Duration::from_secs(15), || async {
        script(browser, "return document.querySelectorAll('.loading').length").await == json!(0)
    })
    .await;
    if done.is_err() {
        let body = script(browser, "return document.body.innerText").await;
        panic!("{page} is still loading after 15 s: {body}");
    }
}

/// The violations axe finds on the current page, as `rule: targets` lines.
async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
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

#[derive(Clone, Copy)]
struct Mode {
    locale: Locale,
    elderly: bool,
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.locale.tag(), if self.elderly { "elderly" } else { "normal" })
    }
}

/// Visits `pages` as the holder of `token` (or signed out) on this device setting.
async fn check_pages(browser: &Browser, app: &WebApp, axe: &str, token: Option<&String>, pages: &[String], mode: Mode) -> Vec<String> {
    browser.goto(&app.url("/privacy")).await.unwrap();
    let setup = json!({ "token": token, "locale": mode.locale.tag(), "elderly": mode.elderly.to_string() });
    browser
        .execute(
            r#"const s = arguments[0];
               localStorage.clear();
               if (s.token) localStorage.setItem("linli.token", s.token);
               localStorage.setItem("linli.locale", s.locale);
               localStorage.setItem("linli.elderly", s.elderly);"#,
            vec![setup],
        )
        .await
        .unwrap();
    let mut failures = Vec::new();
    for page in pages {
        browser.goto(&app.url(page)).await.unwrap();
        settled(browser, page).await;
        let lang = script(browser, "return document.documentElement.lang").await;
        assert_eq!(lang, json!(mode.locale.tag()), "{page} in {mode}");
        let size = script(browser, "return parseFloat(getComputedStyle(document.body).fontSize)").await.as_f64().unwrap();
        if mode.elderly {
            assert!(size >= 24.0, "{page} in {mode}: body text {size}px");
        }
        assert_no_sideways_scroll(browser, &format!("{page} in {mode}")).await;
        for violation in violations(browser, axe).await {
            failures.push(format!("{page} ({mode}): {violation}"));
        }
    }
    failures
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_passes_axe_in_both_modes_and_all_three_languages() {
    let Some(app) = start_web_app().await else { return };
    let Some(axe) = axe_source() else {
        skip_or_fail("LINLI_REQUIRE_BROWSER", "axe-core is not installed (npm axe-core)");
        return;
    };
    let Some(driver) = chromedriver().await else { return };

    let sign_in = |phone: &'static str| {
        let api = app.api();
        async move {
            let session = api.sign_in(&SignInRequest { phone: phone.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
            (api.with_token(session.token.clone()), session.token)
        }
    };
    let (resident_api, resident_token) = sign_in(RESIDENT).await;
    let (staff_api, staff_token) = sign_in(STAFF).await;
    let notice = resident_api.notices(NoticeListQuery::default()).await.unwrap().items[0].id;

    let signed_out = ["/", "/sign-in", "/register", "/privacy"];
    let resident_pages = ["/".to_owned(), "/notices".to_owned(), format!("/notices/{notice}"), "/me".to_owned()];
    let staff_pages = ["/notices/new".to_owned(), format!("/notices/{notice}/reads"), "/invites".to_owned()];

    let browser = driver.open(PHONE).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for locale in Locale::ALL {
        for elderly in [false, true] {
            let preferences = UpdatePreferences { elderly_mode: Some(elderly), locale: Some(locale) };
            resident_api.update_preferences(&preferences).await.unwrap();
            staff_api.update_preferences(&preferences).await.unwrap();

            let signed_out: Vec<String> = signed_out.iter().map(|p| p.to_string()).collect();
            for (token, pages) in [(None, &signed_out[..]), (Some(&resident_token), &resident_pages[..]), (Some(&staff_token), &staff_pages[..])] {
                let mode = Mode { locale, elderly };
                failures.extend(check_pages(&browser, &app, &axe, token, pages, mode).await);
                checked += pages.len();
            }
        }
    }
    assert_eq!(checked, 6 * (signed_out.len() + resident_pages.len() + staff_pages.len()));
    assert!(failures.is_empty(), "axe-core found {} violations:\n{}", failures.len(), failures.join("\n"));
    browser.close().await.ok();
}
