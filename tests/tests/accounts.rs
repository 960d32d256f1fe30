//! Accounts and passwords in the browser against the real server.
//!
//! The street office's administrator creates a second community and its first staff
//! account in the app and reads the setup code off the screen; the new staff member, on a
//! fresh signed-out phone, types their phone and that code on `/reset-password`, chooses a
//! password and lands signed in on the new community's home (at phone size and once at
//! desktop width).
//!
//! The elderly resident 陈秀英 forgot her password: staff give her a reset code (over the API:
//! residents are not on `/accounts`), and she sets a new one on a phone in 长辈版, whose code
//! field and button are large.
//!
//! Staff disable the property manager's account on `/accounts` (after a confirmation that
//! says what it does) while he has the app open: his next request signs him out, and he
//! cannot sign in until staff enable it again. Staff open an account for a shop and hand a
//! colleague a reset code.
//!
//! A resident changes her password in Me (a wrong current password is said at its field),
//! then signs out on every device: her other open browser is signed out too.

use std::time::Duration;

use fantoccini::Client as Browser;
use linli_api::admin::ResetPassword;
use linli_api::auth::{SignInRequest, UpdatePreferences};
use linli_api::ErrorCode;
use linli_e2e::*;
use serde_json::json;

const ADMIN: &str = "13800000004";
const STAFF: &str = "13800000001";
const PROPERTY: &str = "13800000002";
const MERCHANT: &str = "13800000003";
const ELDERLY: &str = "13900000002";
const NEIGHBOUR: &str = "13900000003";

const NEW_COMMUNITY: &str = "海棠湾社区";
const NEW_STAFF: &str = "周晓梅";
const NEW_STAFF_PHONE: &str = "13700001111";

/// Eight digits shown in two groups, `1234 5678`.
fn is_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 9 && bytes[4] == b' ' && bytes.iter().enumerate().all(|(i, b)| i == 4 || b.is_ascii_digit())
}

async fn is_elderly(browser: &Browser) -> bool {
    script(browser, "return document.documentElement.classList.contains('elderly')").await == json!(true)
}

/// Whether the browser is on `path`.
async fn on_path(browser: &Browser, path: &str) -> bool {
    browser.current_url().await.is_ok_and(|url| url.path() == path)
}

/// Scrolls `css` to the top of the screen, below the sticky bar, for a screenshot.
async fn show(browser: &Browser, css: &str) {
    let js = format!("const e = document.querySelector({}); window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - document.querySelector('header.bar').offsetHeight - 8)", json!(css));
    script(browser, &js).await;
}

/// A device whose 长辈版 setting is `elderly`, signed out, in Simplified Chinese.
async fn fresh_device(browser: &Browser, app: &WebApp, elderly: bool) {
    browser.goto(&app.url("/privacy")).await.unwrap();
    let setup = format!("localStorage.clear(); localStorage.setItem('linli.locale', 'zh-CN'); localStorage.setItem('linli.elderly', '{elderly}');");
    script(browser, &setup).await;
}

/// Fails unless the computed font size of `css` is at least `min` CSS px.
async fn assert_font_at_least(browser: &Browser, css: &str, min: f64) {
    let size = script(browser, &format!("return parseFloat(getComputedStyle(document.querySelector({})).fontSize)", json!(css))).await;
    assert!(size.as_f64().unwrap_or(0.0) >= min, "{css}: font-size {size} < {min}");
}

/// The administrator sets up 海棠湾社区 and its first staff account; the new staff member sets
/// a password with the setup code and lands on the new community's home.
async fn a_new_community_and_its_first_staff_member(size: (u32, u32), shots: &str) {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    let admin = driver.open(size).await;
    sign_in_ui(&admin, &app, ADMIN).await;
    click(&admin, "nav#tiles a[href='/admin/communities']").await;
    wait_for_text(&admin, "#communities-list", "阳光花园社区", "the demo community is listed").await;
    wait_for_text(&admin, "#communities-total", "共 1 个社区", "and counted").await;
    assert_no_sideways_scroll(&admin, "/admin/communities").await;
    screenshot(&admin, &format!("admin-communities{shots}")).await;

    click(&admin, "#new-community-toggle").await;
    assert_eq!(attr_of(&admin, "#new-community-toggle", "aria-expanded").await.as_deref(), Some("true"));
    // A phone nobody could dial is refused at its field, before anything is sent.
    fill(&admin, "#new-community-name", NEW_COMMUNITY).await;
    fill(&admin, "#new-community-phone", "call us").await;
    click(&admin, "#new-community-submit").await;
    wait_for_text(&admin, "#service-phone-error", "例如", "a bad service phone is said at its field, with an example").await;
    fill(&admin, "#new-community-phone", "021-5555-0188").await;
    assert_eq!(prop_of(&admin, "#new-community-zone", "value").await.as_deref(), Some("Asia/Shanghai"), "Beijing time by default");
    assert_no_sideways_scroll(&admin, "/admin/communities (new community)").await;
    screenshot(&admin, &format!("admin-new-community{shots}")).await;
    click(&admin, "#new-community-submit").await;
    wait_for_text(&admin, "#new-community-created", NEW_COMMUNITY, "the community is created").await;
    wait_for_text(&admin, "#communities-list", NEW_COMMUNITY, "and shows in the list at once").await;
    wait_for_text(&admin, "#communities-total", "共 2 个社区", "and is counted").await;

    // Its first staff account: the setup code shows large.
    wait_for_text(&admin, "#first-staff-heading", NEW_COMMUNITY, "the next step names the community").await;
    fill(&admin, "#first-staff-name", NEW_STAFF).await;
    fill(&admin, "#first-staff-phone", NEW_STAFF_PHONE).await;
    click(&admin, "#first-staff-submit").await;
    wait_for_text(&admin, "#first-staff-code-heading", NEW_STAFF, "the code says whose it is").await;
    let code = text_of(&admin, "#first-staff-code-value").await.trim().to_owned();
    assert!(is_code(&code), "an eight-digit code shown as 1234 5678: {code:?}");
    wait_for_text(&admin, "#first-staff-code", "137****1111", "with the masked phone").await;
    wait_for_text(&admin, "#first-staff-code", "24 小时内有效", "and what to say when handing it over").await;
    assert_font_at_least(&admin, "#first-staff-code-value", 32.0).await;
    assert_no_sideways_scroll(&admin, "/admin/communities (setup code)").await;
    show(&admin, "#first-staff-code").await;
    screenshot(&admin, &format!("admin-first-staff-code{shots}")).await;

    let overview = app.api_as(ADMIN).await.community_overview(None, None).await.unwrap();
    let created = overview.communities.iter().find(|c| c.community.name == NEW_COMMUNITY).expect("the new community");
    assert_eq!((overview.communities_total, created.community.service_phone.as_str(), created.community.utc_offset_minutes), (2, "021-5555-0188", 480));

    // The new staff member, on a fresh phone: sign-in, "forgot your password?", the code.
    let staff = driver.open(size).await;
    fresh_device(&staff, &app, false).await;
    staff.goto(&app.url("/sign-in")).await.unwrap();
    wait_for_text(&staff, "#forgot-password", "忘记密码", "the way to a new password is on the sign-in screen").await;
    screenshot(&staff, &format!("sign-in-forgot{shots}")).await;
    click(&staff, "#forgot-password").await;
    wait_for_text(&staff, "main h1", "设置新密码", "the reset screen").await;
    wait_for_text(&staff, "main .summary", "设置码", "which says it takes a setup code too").await;
    fill(&staff, "#reset-phone", NEW_STAFF_PHONE).await;
    fill(&staff, "#reset-code", &code).await;
    fill(&staff, "#reset-new-password", "haitang 2026").await;
    fill(&staff, "#reset-new-password-again", "haitang 2062").await;
    click(&staff, "#reset-submit").await;
    wait_for_text(&staff, "#new-password-again-error", "两次输入的新密码不一样", "different passwords are caught before sending").await;
    assert_eq!(attr_of(&staff, "#reset-new-password-again", "aria-invalid").await.as_deref(), Some("true"));
    fill(&staff, "#reset-new-password-again", "haitang 2026").await;
    assert_no_sideways_scroll(&staff, "/reset-password").await;
    screenshot(&staff, &format!("reset-password{shots}")).await;
    click(&staff, "#reset-submit").await;
    wait_for_text(&staff, ".greeting", NEW_COMMUNITY, "signed in, on the new community's home").await;
    wait_for_text(&staff, ".greeting", NEW_STAFF, "as the new staff member").await;
    assert!(on_path(&staff, "/").await, "home");
    wait_for_text(&staff, "nav#tiles", "账号管理", "with the staff's tools").await;
    screenshot(&staff, &format!("new-staff-home{shots}")).await;

    // The code worked once; the password is theirs.
    let again = ResetPassword { phone: NEW_STAFF_PHONE.into(), code: code.clone(), new_password: "another password".into() };
    assert_eq!(app.api().reset_password(&again).await.unwrap_err().code(), ErrorCode::ResetCodeInvalid, "a code works once");
    let session = app.api().sign_in(&SignInRequest { phone: NEW_STAFF_PHONE.into(), password: "haitang 2026".into() }).await.unwrap();
    assert_eq!(session.me.community.name, NEW_COMMUNITY);

    // The overview in 长辈版 too.
    let admin_api = app.api_as(ADMIN).await;
    admin_api.update_preferences(&UpdatePreferences { elderly_mode: Some(true), locale: None }).await.unwrap();
    fresh_device(&admin, &app, true).await;
    sign_in_ui(&admin, &app, ADMIN).await;
    admin.goto(&app.url("/admin/communities")).await.unwrap();
    wait_for_text(&admin, "#communities-list", NEW_COMMUNITY, "the overview in 长辈版").await;
    assert!(is_elderly(&admin).await);
    assert_big_target(&admin, "#new-community-toggle").await;
    assert_no_sideways_scroll(&admin, "/admin/communities (长辈版)").await;
    screenshot(&admin, &format!("admin-communities-elderly{shots}")).await;
    click(&admin, "#new-community-toggle").await;
    assert_big_target(&admin, "#new-community-zone").await;
    assert_no_sideways_scroll(&admin, "/admin/communities (长辈版, form)").await;
    screenshot(&admin, &format!("admin-new-community-elderly{shots}")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_administrator_sets_up_a_community_whose_first_staff_member_chooses_a_password() {
    a_new_community_and_its_first_staff_member(PHONE, "").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_at_desktop_width() {
    a_new_community_and_its_first_staff_member((1280, 800), "-desktop").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elderly_resident_sets_a_new_password_with_a_reset_code_in_elderly_mode() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    // Staff give her a code at the counter.
    let her_id = app.api_as(ELDERLY).await.me().await.unwrap().id;
    let issued = app.api_as(STAFF).await.reset_code(her_id).await.expect("staff issue a reset code");
    assert_eq!(issued.account.name, "陈秀英");
    assert!(is_code(&issued.code), "{:?}", issued.code);

    // Her phone is in 长辈版 (the device's setting); the reset screen is signed out.
    let phone = driver.open(PHONE).await;
    fresh_device(&phone, &app, true).await;
    phone.goto(&app.url("/sign-in")).await.unwrap();
    text_of(&phone, "#forgot-password").await;
    assert!(is_elderly(&phone).await, "长辈版 before signing in");
    assert_big_target(&phone, "#forgot-password").await;
    screenshot(&phone, "sign-in-forgot-elderly").await;
    click(&phone, "#forgot-password").await;
    wait_for_text(&phone, "main h1", "设置新密码", "the reset screen").await;
    assert_big_target(&phone, "#reset-code").await;
    assert_big_target(&phone, "#reset-submit").await;
    assert_font_at_least(&phone, "#reset-code", 30.0).await;
    assert_eq!(attr_of(&phone, "#reset-code", "inputmode").await.as_deref(), Some("numeric"));
    assert_eq!(attr_of(&phone, "#reset-new-password", "autocomplete").await.as_deref(), Some("new-password"));

    // A code typed wrong is said in words at its field.
    fill(&phone, "#reset-phone", ELDERLY).await;
    fill(&phone, "#reset-code", "1234 567").await;
    fill(&phone, "#reset-new-password", "chen xiuying 1948").await;
    fill(&phone, "#reset-new-password-again", "chen xiuying 1948").await;
    click(&phone, "#reset-submit").await;
    wait_for_text(&phone, "#code-error", "8 位数字", "too short a code").await;
    // The code as she reads it off the paper, with its space.
    fill(&phone, "#reset-code", &issued.code).await;
    assert_no_sideways_scroll(&phone, "/reset-password (长辈版)").await;
    screenshot(&phone, "reset-password-elderly").await;
    click(&phone, "#reset-submit").await;
    wait_for_text(&phone, ".greeting", "陈秀英", "signed in, home").await;
    assert!(is_elderly(&phone).await, "still 长辈版");
    wait_for_text(&phone, "nav#tiles a[href='/help']", "求助", "her simplified home").await;

    let old = SignInRequest { phone: ELDERLY.into(), password: DEMO_PASSWORD.into() };
    assert_eq!(app.api().sign_in(&old).await.unwrap_err().code(), ErrorCode::InvalidCredentials, "the old password is gone");
    let new = SignInRequest { phone: ELDERLY.into(), password: "chen xiuying 1948".into() };
    assert!(app.api().sign_in(&new).await.is_ok(), "the new one works");

    // Me keeps the password section usable in 长辈版.
    phone.goto(&app.url("/me")).await.unwrap();
    text_of(&phone, "#password-heading").await;
    for target in ["#password-current", "#password-change-submit", "#sign-out-everywhere"] {
        assert_big_target(&phone, target).await;
    }
    assert_no_sideways_scroll(&phone, "/me (长辈版)").await;
    show(&phone, "#password-heading").await;
    screenshot(&phone, "me-password-elderly").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_disable_a_property_account_whose_open_session_ends_at_once() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let manager = app.api_as(PROPERTY).await.me().await.unwrap().id;
    let shop = app.api_as(MERCHANT).await.me().await.unwrap().id;

    // The property manager has the app open.
    let property = driver.open(PHONE).await;
    sign_in_ui(&property, &app, PROPERTY).await;

    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    click(&staff, "nav#tiles a[href='/accounts']").await;
    let card = format!("#account-{manager}");
    wait_for_text(&staff, &card, "张经理", "his account is listed").await;
    wait_for_text(&staff, &card, "物业工作人员", "with its role").await;
    wait_for_text(&staff, &card, "138****0002", "and a masked phone").await;
    let listed = script(&staff, "return [...document.querySelectorAll('#accounts-list h3')].map(h => h.textContent)").await;
    assert!(!listed.to_string().contains("陈秀英"), "no residents on this list: {listed}");
    assert_no_sideways_scroll(&staff, "/accounts").await;
    screenshot(&staff, "accounts").await;

    // Disabling asks first, saying what it does.
    click(&staff, &format!("#account-{manager}-disable")).await;
    wait_for_text(&staff, &format!("#account-{manager}-confirm-text"), "立即在所有设备上退出登录", "the confirmation says so").await;
    screenshot(&staff, "accounts-disable-confirm").await;
    click(&staff, &format!("#account-{manager}-disable-confirm")).await;
    wait_for_text(&staff, &format!("#account-{manager}-status"), "已停用", "disabled, in words").await;
    wait_for_text(&staff, &format!("#account-{manager}-disabled"), "已停用", "and marked on the card").await;
    assert_eq!(attr_of(&staff, &card, "data-disabled").await.as_deref(), Some("true"));
    show(&staff, &card).await;
    screenshot(&staff, "accounts-disabled").await;

    // His next request finds the session gone: the app signs him out.
    click(&property, "nav#tiles a[href='/reports']").await;
    wait_until(Duration::from_secs(15), || async { on_path(&property, "/sign-in").await })
        .await
        .expect("the property manager is sent to sign in");
    fill(&property, "input[name=phone]", PROPERTY).await;
    fill(&property, "input[name=password]", DEMO_PASSWORD).await;
    click(&property, "form#sign-in button[type=submit]").await;
    wait_for_text(&property, "form#sign-in [role=alert]", "此账号已停用", "a disabled account cannot sign in").await;

    // Enabled again, he can sign in with his old password.
    click(&staff, &format!("#account-{manager}-enable")).await;
    wait_for_text(&staff, &format!("#account-{manager}-status"), "已重新启用", "enabled, in words").await;
    click(&property, "form#sign-in button[type=submit]").await;
    text_of(&property, "nav#tiles").await;

    // A colleague who forgot their password gets a reset code on the spot.
    click(&staff, &format!("#account-{shop}-reset")).await;
    wait_for_text(&staff, &format!("#account-{shop}-code-heading"), "鲜丰果蔬", "the code says whose it is").await;
    let code = text_of(&staff, &format!("#account-{shop}-code-value")).await.trim().to_owned();
    assert!(is_code(&code), "{code:?}");
    wait_for_text(&staff, &format!("#account-{shop}-code"), "前有效", "hand it over in person, valid until the time the server gave").await;
    assert_no_sideways_scroll(&staff, "/accounts (reset code)").await;
    show(&staff, &format!("#account-{shop}-code")).await;
    screenshot(&staff, "accounts-reset-code").await;

    // A new account for a shop: the setup code, and the shop is on the list.
    click(&staff, "#accounts-open-toggle").await;
    fill(&staff, "#open-account-name", "好邻居粮油").await;
    fill(&staff, "#open-account-phone", NEIGHBOUR).await;
    click(&staff, "label[for='open-account-role-merchant']").await;
    click(&staff, "#open-account-submit").await;
    wait_for_text(&staff, "#phone-error", "已经有账号", "a phone that has an account is refused in words").await;
    fill(&staff, "#open-account-phone", "13712345678").await;
    click(&staff, "#open-account-submit").await;
    wait_for_text(&staff, "#opened-code-heading", "好邻居粮油", "the setup code").await;
    assert!(is_code(text_of(&staff, "#opened-code-value").await.trim()));
    wait_for_text(&staff, "#opened-code", "忘记密码", "with what to tell them").await;
    wait_for_text(&staff, "#accounts-list", "好邻居粮油", "the new account is listed").await;
    let opened = app.api_as(STAFF).await.accounts(None).await.unwrap();
    let entry = opened.accounts.iter().find(|a| a.name == "好邻居粮油").expect("on the server");
    assert_eq!(entry.role, linli_api::auth::Role::Merchant);
    assert_no_sideways_scroll(&staff, "/accounts (setup code)").await;
    show(&staff, "#opened-code").await;
    screenshot(&staff, "accounts-opened").await;

    // /accounts in 长辈版.
    let staff_api = app.api_as(STAFF).await;
    staff_api.update_preferences(&UpdatePreferences { elderly_mode: Some(true), locale: None }).await.unwrap();
    fresh_device(&staff, &app, true).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/accounts")).await.unwrap();
    wait_for_text(&staff, &card, "张经理", "the list in 长辈版").await;
    assert!(is_elderly(&staff).await);
    for target in [format!("#account-{manager}-disable"), format!("#account-{manager}-reset"), "#accounts-open-toggle".into()] {
        assert_big_target(&staff, &target).await;
    }
    click(&staff, &format!("#account-{shop}-reset")).await;
    text_of(&staff, &format!("#account-{shop}-code-value")).await;
    assert_no_sideways_scroll(&staff, "/accounts (长辈版)").await;
    show(&staff, &format!("#account-{shop}-code")).await;
    screenshot(&staff, "accounts-reset-code-elderly").await;
    click(&staff, "#accounts-open-toggle").await;
    assert_big_target(&staff, "#open-account-role-property").await;
    assert_no_sideways_scroll(&staff, "/accounts (长辈版, form)").await;
    show(&staff, "#open-account").await;
    screenshot(&staff, "accounts-open-elderly").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_changes_her_password_and_signs_out_everywhere() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    let laptop = driver.open(PHONE).await;
    sign_in_ui(&laptop, &app, NEIGHBOUR).await;
    let phone = driver.open(PHONE).await;
    sign_in_ui(&phone, &app, NEIGHBOUR).await;

    phone.goto(&app.url("/me")).await.unwrap();
    fill(&phone, "#password-current", "not my password").await;
    fill(&phone, "#password-new", "liu yang 2026").await;
    fill(&phone, "#password-new-again", "liu yang 2026").await;
    click(&phone, "#password-change-submit").await;
    wait_for_text(&phone, "#current-password-error", "当前密码不正确", "a wrong current password is said at its field").await;
    assert_eq!(attr_of(&phone, "#password-current", "aria-invalid").await.as_deref(), Some("true"));
    fill(&phone, "#password-current", DEMO_PASSWORD).await;
    click(&phone, "#password-change-submit").await;
    wait_for_text(&phone, "#password-changed", "密码已修改", "changed, in words").await;
    assert_eq!(prop_of(&phone, "#password-new", "value").await.as_deref(), Some(""), "the fields are cleared");
    assert_no_sideways_scroll(&phone, "/me (password changed)").await;
    show(&phone, "#password-heading").await;
    screenshot(&phone, "me-password").await;

    // Changing the password signed the laptop out; sign in there again with the new one.
    laptop.goto(&app.url("/me")).await.unwrap();
    wait_until(Duration::from_secs(15), || async { on_path(&laptop, "/sign-in").await }).await.expect("the other device is signed out");
    fill(&laptop, "input[name=phone]", NEIGHBOUR).await;
    fill(&laptop, "input[name=password]", "liu yang 2026").await;
    click(&laptop, "form#sign-in button[type=submit]").await;
    text_of(&laptop, "nav#tiles").await;
    laptop.goto(&app.url("/me")).await.unwrap();
    text_of(&laptop, "#password-heading").await;

    // Sign out everywhere: asked first; then this phone is signed out, and so is the laptop.
    click(&phone, "#sign-out-everywhere").await;
    wait_for_text(&phone, "#sign-out-everywhere-question", "包括这一台", "the confirmation says what happens").await;
    screenshot(&phone, "me-sign-out-everywhere").await;
    click(&phone, "#sign-out-everywhere-confirm").await;
    text_of(&phone, "main#home.welcome").await;
    assert_eq!(script(&phone, "return localStorage.getItem('linli.token')").await, serde_json::Value::Null, "the token is forgotten here");
    laptop.refresh().await.unwrap();
    wait_until(Duration::from_secs(15), || async { on_path(&laptop, "/sign-in").await }).await.expect("the laptop is signed out too");
}
