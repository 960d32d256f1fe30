//! 长辈版 (elderly mode) meets our numbers (STANDARDS.md §1 "Our goal") on every screen of
//! the shared list (`linli_e2e::screens`), in headless Chromium at phone size (360×780):
//! - text: every visible text's font-size ≥ 24 CSS px (h1/h2 ≥ 30), line height ≥ 1.5,
//!   contrast ≥ 7:1 against the first opaque background behind it;
//! - targets: every visible link, button, input, select, textarea, summary and
//!   `[role=button]` ≥ 60×60 CSS px (a checkbox or radio inside a label counts as its label);
//! - reflow, in both modes and all three languages: no sideways scrolling and no clipped text
//!   at 320 CSS px, nor at 360 px with the text doubled (the root font size × 2);
//! - a visible back link on every screen but home, and no pop-ups;
//! - the first-start offer of 长辈版 on home, the simplified home (≤ 6 choices, one column), the
//!   setting in Me (named 长辈版, mentioning 关怀版), and read-aloud (朗读) in each language.
//!
//! 长辈版 is switched on through the UI on Me for both signed-in audiences, and by the device
//! setting (localStorage) for the signed-out screens.

use std::time::Duration;

use fantoccini::Client as Browser;
use linli_api::auth::{Locale, SignInRequest};
use linli_e2e::screens::{Audience, Tour};
use linli_e2e::*;
use serde_json::{json, Value};

/// The numbers of STANDARDS.md §1 "Our goal", in CSS px and ratios.
fn limits() -> Value {
    json!({ "text": 24.0, "heading": 30.0, "target": 60.0, "contrast": 7.0, "line_height": 1.5 })
}

/// How many offenders a failure lists.
const LISTED: usize = 20;

/// Measures the page as it is; returns one line per offender (selector and numbers).
const MEASURE: &str = r##"
const limits = arguments[0];
const out = [];
const px = v => parseFloat(v) || 0;
function hidden(el) {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === "none" || s.visibility === "hidden" || s.opacity === "0") return true;
        const r = e.getBoundingClientRect();
        // Visually hidden (screen-reader only): a 1-pixel box that hides its overflow.
        if ((r.width <= 1 || r.height <= 1) && s.overflow !== "visible") return true;
    }
    return false;
}
function name(el) {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
        let part = e.tagName.toLowerCase();
        if (e.id) { parts.unshift(part + "#" + e.id); break; }
        if (e.classList.length) part += "." + [...e.classList].join(".");
        parts.unshift(part);
    }
    return parts.join(" > ");
}
function rgba(css) {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const v = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
}
function luminance([r, g, b]) {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function background(el) {
    for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] >= 1) return c;
    }
    return [255, 255, 255, 1];
}
function contrast(el) {
    const bg = background(el);
    let fg = rgba(getComputedStyle(el).color);
    const a = fg[3];
    fg = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}
function checkText(el, sample) {
    const s = getComputedStyle(el);
    const size = px(s.fontSize);
    const min = el.closest("h1, h2") ? limits.heading : limits.text;
    if (size < min - 0.01) out.push(`font-size ${size}px < ${min}px: ${name(el)} "${sample}"`);
    const ratio = s.lineHeight === "normal" ? NaN : px(s.lineHeight) / size;
    if (!(ratio >= limits.line_height - 0.001))
        out.push(`line-height ${s.lineHeight} (${ratio.toFixed(2)}) < ${limits.line_height}: ${name(el)} "${sample}"`);
    const c = contrast(el);
    if (c < limits.contrast) out.push(`contrast ${c.toFixed(2)} < ${limits.contrast}: ${name(el)} "${sample}"`);
}
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node; (node = walker.nextNode()); ) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || seen.has(el) || el.closest("script, style, noscript, option")) continue;
    seen.add(el);
    if (!hidden(el)) checkText(el, text.slice(0, 30));
}
// Form fields show their value or chosen option as text too.
for (const el of document.querySelectorAll("select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden])")) {
    if (!hidden(el)) checkText(el, el.value.slice(0, 30));
}
for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]")) {
    if (hidden(el)) continue;
    const label = ["checkbox", "radio"].includes(el.type) && el.closest("label");
    const r = (label || el).getBoundingClientRect();
    if (r.width < limits.target - 0.5 || r.height < limits.target - 0.5)
        out.push(`target ${Math.round(r.width)}×${Math.round(r.height)} < ${limits.target}×${limits.target}: ${name(label || el)}`);
}
return out;
"##;

const VISIBLE_BACK: &str = "const a = document.querySelector('header a.back[href]'); if (!a) return false; const r = a.getBoundingClientRect(); return r.width > 1 && r.height > 1 && !!a.textContent.trim();";
const POP_UPS: &str = "return document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]').length";

async fn measure(browser: &Browser) -> Vec<String> {
    match browser.execute(MEASURE, vec![limits()]).await.expect("measure the page") {
        Value::Array(lines) => lines.into_iter().filter_map(|l| l.as_str().map(str::to_owned)).collect(),
        other => vec![format!("unexpected answer {other}")],
    }
}

/// The server, a chromedriver and a prepared tour; `None` when the test is skipped.
async fn start() -> Option<(WebApp, ChromeDriver, Tour)> {
    let app = start_web_app().await?;
    let driver = chromedriver().await?;
    let tour = Tour::start(&app).await;
    Some((app, driver, tour))
}

/// Whether the account behind `phone` has 长辈版 on, within 10 s (saving is asynchronous).
async fn account_has_elderly(app: &WebApp, phone: &str) -> bool {
    let request = SignInRequest { phone: phone.into(), password: DEMO_PASSWORD.into() };
    let api = app.api();
    wait_until(Duration::from_secs(10), || async {
        api.sign_in(&request).await.is_ok_and(|session| session.me.preferences.elderly_mode)
    })
    .await
    .is_ok()
}

async fn is_elderly(browser: &Browser) -> bool {
    script(browser, "return document.documentElement.classList.contains('elderly')").await == json!(true)
}

async fn wait_for_elderly(browser: &Browser, on: bool, what: &str) {
    wait_until(Duration::from_secs(10), || async { is_elderly(browser).await == on })
        .await
        .unwrap_or_else(|_| panic!("{what}: <html class=elderly> is not {on}"));
}

/// Turns 长辈版 on from Me, as a person would, and waits for the account to have it.
async fn switch_on_in_me(browser: &Browser, app: &WebApp, phone: &str) {
    sign_in_ui(browser, app, phone).await;
    browser.goto(&app.url("/me")).await.unwrap();
    assert_eq!(attr_of(browser, "#elderly-mode", "aria-pressed").await.as_deref(), Some("false"));
    click(browser, "#elderly-mode").await;
    wait_for_elderly(browser, true, "the switch in Me").await;
    assert!(account_has_elderly(app, phone).await, "{phone}: 长辈版 chosen in Me is saved to the account");
}

fn fail_listing(what: &str, offenders: &[String]) {
    let shown: Vec<&str> = offenders.iter().take(LISTED).map(String::as_str).collect();
    assert!(
        offenders.is_empty(),
        "{what}: {} offenders, the first {}:\n{}",
        offenders.len(),
        shown.len(),
        shown.join("\n")
    );
}

/// Every screen in 长辈版 in `locale` (Chinese, and English, whose words run longest). One
/// tour per language and per check, each with its own server and browser, so that the test
/// runner keeps both cores busy (the tours in a row took minutes each).
async fn every_screen_in_elderly_mode_meets_our_numbers_in(locale: Locale) {
    let Some((app, driver, tour)) = start().await else { return };
    let browser = driver.open(PHONE).await;

    for audience in [Audience::Resident, Audience::Staff] {
        tour.use_device(&browser, &app, Audience::SignedOut, Locale::ZhCn, Some(false)).await;
        switch_on_in_me(&browser, &app, audience.phone().unwrap()).await;
    }
    let mut offenders = Vec::new();
    let mut measured = 0;
    // The accounts keep 长辈版 (chosen in Me above); only the language changes here.
    tour.set_accounts(locale, true).await;
    for audience in Audience::ALL {
        tour.use_device(&browser, &app, audience, locale, Some(true)).await;
        for page in tour.screens(audience) {
            browser.goto(&app.url(&page)).await.unwrap();
            settled(&browser, &page).await;
            assert!(is_elderly(&browser).await, "{page} ({audience:?}) is in 长辈版");
            let mut found = measure(&browser).await;
            // A visible way back on every screen but home, and no pop-ups anywhere.
            if page != "/" && !script(&browser, VISIBLE_BACK).await.as_bool().unwrap_or(false) {
                found.push("no visible back link in the header".into());
            }
            if script(&browser, POP_UPS).await != json!(0) {
                found.push("a pop-up (dialog) is open".into());
            }
            println!("{page} ({audience:?}, {}): {} offenders", locale.tag(), found.len());
            offenders.extend(found.into_iter().map(|o| format!("{page} ({audience:?}, {}): {o}", locale.tag())));
            measured += 1;
        }
    }
    assert_eq!(measured, linli_e2e::screens::SCREENS.len());
    fail_listing("长辈版 below our numbers", &offenders);
    browser.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_in_elderly_mode_meets_our_text_target_and_contrast_numbers_in_chinese() {
    every_screen_in_elderly_mode_meets_our_numbers_in(Locale::ZhCn).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_in_elderly_mode_meets_our_text_target_and_contrast_numbers_in_english() {
    every_screen_in_elderly_mode_meets_our_numbers_in(Locale::En).await;
}

/// Every screen in `locale`, normal and 长辈版, at 320 px and at double text size.
async fn every_screen_reflows_in(locale: Locale) {
    let Some((app, driver, tour)) = start().await else { return };
    let narrow = driver.open((320, 780)).await;
    let phone = driver.open(PHONE).await;

    let mut problems = Vec::new();
    let mut checked = 0;
    for elderly in [false, true] {
        tour.set_accounts(locale, elderly).await;
        let mode = format!("{} {}", locale.tag(), if elderly { "elderly" } else { "normal" });
        for audience in Audience::ALL {
            for browser in [&narrow, &phone] {
                tour.use_device(browser, &app, audience, locale, Some(elderly)).await;
            }
            for page in tour.screens(audience) {
                narrow.goto(&app.url(&page)).await.unwrap();
                settled(&narrow, &page).await;
                if let Some(problem) = reflow_problem(&narrow).await {
                    problems.push(format!("{page} ({audience:?}, {mode}) at 320 px: {problem}"));
                }
                phone.goto(&app.url(&page)).await.unwrap();
                settled(&phone, &page).await;
                // Double whatever the root size is (16 px normally, 24 px in 长辈版).
                script(&phone, "const h = document.documentElement; h.style.fontSize = 2 * parseFloat(getComputedStyle(h).fontSize) + 'px'; return h.style.fontSize").await;
                if let Some(problem) = reflow_problem(&phone).await {
                    problems.push(format!("{page} ({audience:?}, {mode}) at 200 % text: {problem}"));
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * linli_e2e::screens::SCREENS.len());
    fail_listing("screens that do not reflow", &problems);
    narrow.close().await.ok();
    phone.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_reflows_at_320_px_and_at_double_text_in_both_modes_in_simplified_chinese() {
    every_screen_reflows_in(Locale::ZhCn).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_reflows_at_320_px_and_at_double_text_in_both_modes_in_traditional_chinese() {
    every_screen_reflows_in(Locale::ZhTw).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_reflows_at_320_px_and_at_double_text_in_both_modes_in_english() {
    every_screen_reflows_in(Locale::En).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_offers_elderly_mode_on_home_and_keeps_the_choice() {
    let Some((app, driver, tour)) = start().await else { return };
    let browser = driver.open(PHONE).await;

    // A fresh device: home offers 长辈版 inline (no dialog), above everything else in main.
    tour.use_device(&browser, &app, Audience::SignedOut, Locale::ZhCn, None).await;
    browser.goto(&app.url("/")).await.unwrap();
    let offer = text_of(&browser, "main#home > #elderly-offer").await;
    assert!(offer.contains("长辈版"), "the offer names 长辈版: {offer}");
    assert_eq!(script(&browser, "return document.querySelectorAll('dialog, [role=dialog], [role=alertdialog]').length").await, json!(0));
    assert_eq!(script(&browser, "return document.querySelector('main#home').firstElementChild.id").await, json!("elderly-offer"));
    for button in ["#elderly-offer-yes", "#elderly-offer-no"] {
        let size = script(&browser, &format!("const r = document.querySelector('{button}').getBoundingClientRect(); return [r.width, r.height]")).await;
        assert!(size[0].as_f64().unwrap() >= 200.0 && size[1].as_f64().unwrap() >= 44.0, "{button} is big: {size}");
    }
    assert_eq!(script(&browser, "return localStorage.getItem('linli.elderly')").await, Value::Null, "nothing stored before the choice");
    screenshot(&browser, "first-start-offer").await;

    // "Keep standard" is a choice too: the offer goes and stays gone.
    click(&browser, "#elderly-offer-no").await;
    wait_until(Duration::from_secs(5), || async { browser.find(fantoccini::Locator::Css("#elderly-offer")).await.is_err() })
        .await
        .expect("the offer goes once answered");
    assert!(!is_elderly(&browser).await);
    assert_eq!(script(&browser, "return localStorage.getItem('linli.elderly')").await, json!("false"));
    browser.refresh().await.unwrap();
    text_of(&browser, "main h1").await;
    assert!(browser.find(fantoccini::Locator::Css("#elderly-offer")).await.is_err(), "not offered again");

    // Another first start: choose 长辈版.
    tour.use_device(&browser, &app, Audience::SignedOut, Locale::ZhCn, None).await;
    browser.goto(&app.url("/")).await.unwrap();
    click(&browser, "#elderly-offer-yes").await;
    wait_for_elderly(&browser, true, "choosing 长辈版 in the offer").await;
    assert!(browser.find(fantoccini::Locator::Css("#elderly-offer")).await.is_err(), "the offer is gone");
    assert_eq!(script(&browser, "return localStorage.getItem('linli.elderly')").await, json!("true"));
    let status = script(&browser, "return [...document.querySelectorAll('main [role=status]')].map(e => e.textContent).join(' ')").await;
    assert!(status.as_str().unwrap().contains("长辈版"), "the choice is confirmed in words: {status}");

    // Signing in keeps the device's fresh choice and saves it to the account, whose
    // preference (never chosen) would otherwise win.
    sign_in_ui(&browser, &app, linli_e2e::screens::RESIDENT_PHONE).await;
    assert!(is_elderly(&browser).await, "still 长辈版 after signing in");
    browser.goto(&app.url("/me")).await.unwrap();
    assert_eq!(attr_of(&browser, "#elderly-mode", "aria-pressed").await.as_deref(), Some("true"), "Me shows 长辈版 on");
    assert!(text_of(&browser, "#elderly-mode").await.contains("长辈版"), "the setting is named 长辈版");
    assert!(text_of(&browser, "#elderly-mode-hint").await.contains("关怀版"), "and mentions 关怀版");
    assert!(account_has_elderly(&app, linli_e2e::screens::RESIDENT_PHONE).await, "the account has 长辈版 too");
    browser.close().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn elderly_home_offers_at_most_six_choices_in_one_column() {
    let Some((app, driver, tour)) = start().await else { return };
    let browser = driver.open(PHONE).await;
    tour.set_accounts(Locale::ZhCn, true).await;

    for (audience, expected) in [
        (Audience::Resident, vec!["/notices", "/hall", "/groceries/again", "/services", "/help", "/me"]),
        (Audience::Staff, vec!["/notices", "/hall", "/groceries", "/services", "/help/requests", "/me"]),
    ] {
        tour.use_device(&browser, &app, audience, Locale::ZhCn, Some(true)).await;
        browser.goto(&app.url("/")).await.unwrap();
        text_of(&browser, "nav#tiles a").await;
        let tiles = script(
            &browser,
            "return [...document.querySelectorAll('nav#tiles a.tile')].map(a => [a.getAttribute('href'), Math.round(a.getBoundingClientRect().left), a.querySelector('.icon') !== null, a.innerText.trim().length > 0])",
        )
        .await;
        let tiles = tiles.as_array().unwrap();
        let hrefs: Vec<&str> = tiles.iter().map(|t| t[0].as_str().unwrap()).collect();
        assert_eq!(hrefs, expected, "{audience:?}: the tiles of 长辈版, in the issue's order");
        assert!(tiles.iter().all(|t| t[1] == tiles[0][1]), "{audience:?}: one column: {tiles:?}");
        assert!(tiles.iter().all(|t| t[2] == json!(true) && t[3] == json!(true)), "{audience:?}: icon and word: {tiles:?}");
        // Every choice on the screen, tiles or not.
        let choices = script(
            &browser,
            "return [...document.querySelectorAll('a[href], button, input, select, textarea')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; }).length",
        )
        .await;
        assert!(choices.as_u64().unwrap() <= 6, "{audience:?}: {choices} choices on the 长辈版 home");
        screenshot(&browser, &format!("elderly-home-{audience:?}").to_lowercase()).await;
    }

    // Standard mode keeps the richer set.
    tour.set_accounts(Locale::ZhCn, false).await;
    tour.use_device(&browser, &app, Audience::Staff, Locale::ZhCn, Some(false)).await;
    browser.goto(&app.url("/")).await.unwrap();
    text_of(&browser, "nav#tiles a").await;
    let hrefs = script(&browser, "return [...document.querySelectorAll('nav#tiles a.tile')].map(a => a.getAttribute('href'))").await;
    assert_eq!(hrefs, json!(["/notices", "/hall", "/groceries", "/services", "/reports", "/wishes", "/notices/new", "/invites", "/households", "/accounts", "/help/requests", "/family", "/me"]));
    browser.close().await.ok();
}

/// Replaces the browser's speech with a recorder. Headless Chromium has no audio, so this
/// tests our side only: what we ask the Web Speech API to say, and in which language.
const RECORD_SPEECH: &str = r#"
window.__spoken = [];
window.speechSynthesis.speak = u => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null });
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_aloud_asks_the_browser_to_speak_the_notice_in_the_current_language() {
    let Some((app, driver, tour)) = start().await else { return };
    let browser = driver.open(PHONE).await;

    for locale in Locale::ALL {
        tour.set_accounts(locale, true).await;
        tour.use_device(&browser, &app, Audience::Resident, locale, Some(true)).await;
        browser.goto(&app.url(&format!("/notices/{}", tour.notice))).await.unwrap();
        let title = text_of(&browser, "article#notice h1").await;
        let word = text_of(&browser, "#read-aloud").await;
        assert_eq!(attr_of(&browser, "#read-aloud", "aria-pressed").await.as_deref(), Some("false"));
        script(&browser, RECORD_SPEECH).await;
        click(&browser, "#read-aloud").await;

        let spoken = script(&browser, "return window.__spoken").await;
        let spoken = spoken.as_array().unwrap();
        assert_eq!(spoken.len(), 1, "{}: one utterance: {spoken:?}", locale.tag());
        let text = spoken[0]["text"].as_str().unwrap();
        assert!(text.starts_with(&title), "{}: the title first: {text:?}", locale.tag());
        assert!(text.contains("请提前储水") && text.contains("物业公告"), "{}: then the body as plain text: {text:?}", locale.tag());
        assert!(!text.contains('<') && !text.contains("**"), "{}: no markup: {text:?}", locale.tag());
        assert_eq!(spoken[0]["lang"], json!(locale.tag()), "{}: spoken in the app's language", locale.tag());
        if let Some(voice) = spoken[0]["voice"].as_str() {
            assert!(voice.replace('_', "-").to_lowercase().starts_with(&locale.tag()[..2].to_lowercase()), "{}: a voice of the language: {voice}", locale.tag());
        }

        assert_eq!(attr_of(&browser, "#read-aloud", "aria-pressed").await.as_deref(), Some("true"));
        assert_ne!(text_of(&browser, "#read-aloud").await, word, "{}: the button now says stop", locale.tag());
        click(&browser, "#read-aloud").await;
        assert_eq!(attr_of(&browser, "#read-aloud", "aria-pressed").await.as_deref(), Some("false"), "pressed again, it stops");
    }

    // A signed-out text page reads aloud too.
    tour.use_device(&browser, &app, Audience::SignedOut, Locale::ZhCn, Some(true)).await;
    browser.goto(&app.url("/privacy")).await.unwrap();
    text_of(&browser, "#read-aloud").await;
    script(&browser, RECORD_SPEECH).await;
    click(&browser, "#read-aloud").await;
    let spoken = script(&browser, "return window.__spoken[0]").await;
    assert!(spoken["text"].as_str().unwrap().contains("个人信息"), "the privacy policy: {spoken}");
    assert_eq!(spoken["lang"], json!("zh-CN"));
    browser.close().await.ok();
}
