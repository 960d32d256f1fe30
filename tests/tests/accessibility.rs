//! Every screen (the shared list in `linli_e2e::screens`) passes axe-core's WCAG 2.2 A/AA
//! rules, at phone size, in normal and elderly mode, in zh-CN, zh-TW and en; and elderly mode
//! really enlarges text. Normal mode runs as a first start (no 长辈版 setting on the device),
//! so the home screens carry the first-start offer of 长辈版 and axe checks it too.
//!
//! axe-core comes from its npm package (offline): `AXE_CORE_JS` names `axe.min.js`, or the
//! test looks in `$LINLI_TOOLS/npm/node_modules/axe-core/` where scripts/test.sh installs it.


use fantoccini::Client as Browser;
use linli_api::auth::Locale;
use linli_e2e::screens::{Audience, Tour};
use linli_e2e::*;
use serde_json::json;

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

/// Visits `audience`'s screens on a device set to `mode`.
async fn check_pages(browser: &Browser, app: &WebApp, axe: &str, tour: &Tour, audience: Audience, mode: Mode) -> Vec<String> {
    let device_elderly = if mode.elderly { Some(true) } else { None };
    tour.use_device(browser, app, audience, mode.locale, device_elderly).await;
    let mut failures = Vec::new();
    for page in tour.screens(audience) {
        browser.goto(&app.url(&page)).await.unwrap();
        settled(browser, &page).await;
        let lang = script(browser, "return document.documentElement.lang").await;
        assert_eq!(lang, json!(mode.locale.tag()), "{page} in {mode}");
        let size = script(browser, "return parseFloat(getComputedStyle(document.body).fontSize)").await.as_f64().unwrap();
        if mode.elderly {
            assert!(size >= 24.0, "{page} in {mode}: body text {size}px");
        }
        assert_no_sideways_scroll(browser, &format!("{page} in {mode}")).await;
        for violation in axe_violations(browser, Some(axe)).await {
            failures.push(format!("{page} ({audience:?}, {mode}): {violation}"));
        }
    }
    failures
}

/// Every screen in `locale`, normal then elderly. One tour per language, each with its own
/// server and browser, so the test runner audits two languages at once (axe is single-threaded
/// work in one renderer; the tour of all six modes in a row took five and a half minutes).
async fn every_screen_passes_axe_in(locale: Locale) {
    let Some(app) = start_web_app().await else { return };
    let Some(axe) = axe_source() else {
        skip_or_fail("LINLI_REQUIRE_BROWSER", "axe-core is not installed (npm axe-core)");
        return;
    };
    let Some(driver) = chromedriver().await else { return };
    let tour = Tour::start(&app).await;

    let browser = driver.open(PHONE).await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for elderly in [false, true] {
        tour.set_accounts(locale, elderly).await;
        let mode = Mode { locale, elderly };
        for audience in Audience::ALL {
            failures.extend(check_pages(&browser, &app, &axe, &tour, audience, mode).await);
            checked += tour.screens(audience).len();
        }
    }
    assert_eq!(checked, 2 * linli_e2e::screens::SCREENS.len());
    assert!(failures.is_empty(), "axe-core found {} violations:\n{}", failures.len(), failures.join("\n"));
    browser.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_passes_axe_in_simplified_chinese_in_both_modes() {
    every_screen_passes_axe_in(Locale::ZhCn).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_passes_axe_in_traditional_chinese_in_both_modes() {
    every_screen_passes_axe_in(Locale::ZhTw).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_passes_axe_in_english_in_both_modes() {
    every_screen_passes_axe_in(Locale::En).await;
}

#[test]
fn the_three_tours_cover_every_language() {
    assert_eq!(Locale::ALL, [Locale::ZhCn, Locale::ZhTw, Locale::En]);
}
