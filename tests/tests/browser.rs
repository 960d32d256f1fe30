//! The first slice end to end, in headless Chromium at phone size against the real server:
//! a resident registers with an invite code and signs in; staff publish an urgent notice;
//! the resident's open list shows it without a reload; the resident reads it; staff's read
//! count changes live; the resident switches to English and to elderly mode.

use std::time::Duration;

use fantoccini::Locator;
use linli_api::auth::SignInRequest;
use linli_e2e::*;

const STAFF: &str = "13800000001";
const NEW_RESIDENT: &str = "13612345678";
const URGENT_TITLE: &str = "紧急：今晚 20:00 停电检修";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_registers_reads_an_urgent_notice_live_and_switches_language_and_elderly_mode() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    // Staff sign in and issue an invite code (with its QR code) for a household.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    click(&staff, "a.tile[href='/invites']").await;
    click(&staff, "form#create-invite button[type=submit]").await;
    let code = text_of(&staff, "#invite-code").await.trim().to_owned();
    assert_eq!(code.len(), 9, "a code like K7PM-4XQ2: {code:?}");
    assert!(attr_of(&staff, "#invite img", "alt").await.is_some_and(|alt| !alt.is_empty()), "the QR code has a text alternative");
    assert_no_sideways_scroll(&staff, "/invites").await;
    screenshot(&staff, "staff-invite").await;

    // The resident registers from the QR link, then signs out and in again.
    let resident = driver.open(PHONE).await;
    resident.goto(&app.url(&format!("/register?code={code}"))).await.unwrap();
    assert_eq!(
        prop_of(&resident, "input[name=invite_code]", "value").await.as_deref(),
        Some(code.as_str()),
        "the code from the link is filled in"
    );
    fill(&resident, "input[name=phone]", NEW_RESIDENT).await;
    fill(&resident, "input[name=name]", "赵新邻").await;
    fill(&resident, "input[name=password]", "a good password").await;
    click(&resident, "input[name=accept_privacy_policy]").await;
    assert_no_sideways_scroll(&resident, "/register").await;
    click(&resident, "form#register button[type=submit]").await;
    text_of(&resident, "nav#tiles").await;
    screenshot(&resident, "resident-home").await;

    resident.goto(&app.url("/me")).await.unwrap();
    click(&resident, "#sign-out").await;
    click(&resident, "main#home a[href='/sign-in']").await;
    fill(&resident, "input[name=phone]", NEW_RESIDENT).await;
    fill(&resident, "input[name=password]", "wrong password").await;
    click(&resident, "form#sign-in button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async { !text_of(&resident, "[role=alert]").await.trim().is_empty() })
        .await
        .expect("a wrong password is said in words");
    fill(&resident, "input[name=password]", "a good password").await;
    click(&resident, "form#sign-in button[type=submit]").await;
    text_of(&resident, "nav#tiles").await;

    // The resident keeps the notice list open.
    click(&resident, "a.tile[href='/notices']").await;
    text_of(&resident, "#notice-list li").await;
    assert_no_sideways_scroll(&resident, "/notices").await;

    // Staff publish an urgent notice from their own browser.
    staff.goto(&app.url("/")).await.unwrap();
    click(&staff, "a.tile[href='/notices/new']").await;
    fill(&staff, "input[name=title]", URGENT_TITLE).await;
    fill(&staff, "textarea[name=body_markdown]", "因线路检修，**1栋**今晚 20:00–22:00 停电。").await;
    click(&staff, "select[name=category] option[value=urgent]").await;
    assert_no_sideways_scroll(&staff, "/notices/new").await;
    click(&staff, "form#compose-notice button[type=submit]").await;
    assert_eq!(text_of(&staff, "article#notice h1").await, URGENT_TITLE);
    let notice_url = staff.current_url().await.unwrap();
    let notice_id: i64 = notice_url.path().trim_start_matches("/notices/").parse().expect("on the notice's page");

    // It appears in the resident's open list without a reload.
    let item = format!("#notice-list li[data-notice-id='{notice_id}']");
    let arrived = wait_until(Duration::from_secs(10), || async {
        resident.find(Locator::Css(&item)).await.is_ok()
    })
    .await;
    assert!(arrived.is_ok(), "the urgent notice did not reach the open list live");
    assert_eq!(attr_of(&resident, &item, "data-read").await.as_deref(), Some("false"));
    assert!(text_of(&resident, &item).await.contains(URGENT_TITLE));
    screenshot(&resident, "resident-list-live").await;

    // Staff watch the read count; the resident opens the notice; the count changes live.
    staff.goto(&app.url(&format!("/notices/{notice_id}/reads"))).await.unwrap();
    assert_eq!(text_of(&staff, "#read-count").await.trim(), "0");
    click(&resident, &format!("{item} a")).await;
    assert_eq!(text_of(&resident, "article#notice h1").await, URGENT_TITLE);
    assert!(text_of(&resident, "article#notice").await.contains("停电"));
    assert_no_sideways_scroll(&resident, "/notices/:id").await;
    wait_until(Duration::from_secs(10), || async { text_of(&staff, "#read-count").await.trim() == "1" })
        .await
        .expect("the staff page's read count went from 0 to 1 without a reload");
    screenshot(&staff, "staff-read-count").await;
    // Who has not read it, building by building, on request: everyone but the reader.
    let residents: i64 = text_of(&staff, "#resident-count").await.trim().parse().unwrap();
    script(&staff, "document.querySelectorAll('#unread-residents .show-names').forEach(b => b.click()); return true").await;
    let listed = "return document.querySelectorAll('#unread-residents .residents li').length";
    wait_until(Duration::from_secs(10), || async { script(&staff, listed).await == serde_json::json!(residents - 1) })
        .await
        .expect("every building's list of who has not read it");
    let figures = "return [...document.querySelectorAll('#unread-residents .building-count')].map(c => parseInt(c.textContent.match(/\\d+/)[0])).reduce((a, b) => a + b, 0)";
    wait_until(Duration::from_secs(10), || async { script(&staff, figures).await == serde_json::json!(residents - 1) })
        .await
        .expect("the buildings' figures agree with the names listed");
    let phones = script(&staff, "return [...document.querySelectorAll('.resident-phone')].every(p => p.textContent.includes('****'))").await;
    assert_eq!(phones, serde_json::json!(true), "phones are masked");
    assert_no_sideways_scroll(&staff, "/notices/:id/reads").await;
    screenshot(&staff, "staff-who-has-not-read").await;

    // English, then elderly mode, from "Me".
    resident.goto(&app.url("/me")).await.unwrap();
    let chinese_heading = text_of(&resident, "h1").await;
    click(&resident, "select#language option[value=en]").await;
    wait_until(Duration::from_secs(5), || async {
        script(&resident, "return document.documentElement.lang").await == "en"
    })
    .await
    .expect("html lang becomes en");
    let english_heading = text_of(&resident, "h1").await;
    assert_ne!(english_heading, chinese_heading);
    assert!(english_heading.is_ascii(), "the heading is in English: {english_heading}");

    let body_size = |browser| async move {
        script(browser, "return parseFloat(getComputedStyle(document.body).fontSize)").await.as_f64().unwrap()
    };
    let normal_text = body_size(&resident).await;
    assert_eq!(attr_of(&resident, "#elderly-mode", "aria-pressed").await.as_deref(), Some("false"));
    click(&resident, "#elderly-mode").await;
    wait_until(Duration::from_secs(5), || async {
        script(&resident, "return document.documentElement.classList.contains('elderly')").await == true
    })
    .await
    .expect("elderly mode turns on app-wide");
    let elderly_text = body_size(&resident).await;
    assert!(elderly_text >= 24.0 && elderly_text > normal_text, "body text {normal_text}px → {elderly_text}px");
    let button = script(&resident, "const r = document.querySelector('#sign-out').getBoundingClientRect(); return [r.width, r.height]").await;
    assert!(button[0].as_f64().unwrap() >= 60.0 && button[1].as_f64().unwrap() >= 60.0, "sign-out target {button}");
    assert_no_sideways_scroll(&resident, "/me in elderly mode").await;
    screenshot(&resident, "resident-me-elderly-en").await;

    // The choice is kept on the account.
    let me = app.api().sign_in(&SignInRequest { phone: NEW_RESIDENT.into(), password: "a good password".into() }).await.unwrap().me;
    assert!(me.preferences.elderly_mode);
    assert_eq!(me.preferences.locale, linli_api::auth::Locale::En);

    resident.close().await.ok();
    staff.close().await.ok();
    app.server.stop().await;
}

/// Notices published while the live stream was down (a network drop, a server restart)
/// appear once the app has reconnected, without a reload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_list_catches_up_on_notices_missed_while_the_stream_was_down() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, "13900000003").await;
    click(&resident, "a.tile[href='/notices']").await;
    text_of(&resident, "#notice-list li").await;
    let events = &app.server.state.events;
    wait_until(Duration::from_secs(10), || async { events.subscriber_count() == 1 }).await.expect("the list's stream opens");

    events.end_open_streams();
    wait_until(Duration::from_secs(10), || async { events.subscriber_count() == 0 }).await.expect("the stream ends");
    let staff = app.api();
    let session = staff.sign_in(&SignInRequest { phone: STAFF.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
    let missed = staff
        .with_token(session.token)
        .publish_notice(&linli_api::notices::NewNotice {
            title: "断线期间发布的通知".into(),
            body_markdown: "重连后应当出现。".into(),
            category: linli_api::notices::NoticeCategory::Activity,
            pinned: false,
            urgent: false,
            vote_id: None,
        })
        .await
        .unwrap();

    let item = format!("#notice-list li[data-notice-id='{}']", missed.id);
    let caught_up = wait_until(Duration::from_secs(20), || async { resident.find(Locator::Css(&item)).await.is_ok() }).await;
    assert!(caught_up.is_ok(), "the notice published while disconnected never appeared");
    assert_eq!(events.subscriber_count(), 1, "the app reconnected");
    resident.close().await.ok();
    app.server.stop().await;
}

/// On the web, an urgent notice raises a browser notification once the resident has allowed
/// them; an ordinary notice does not. Headless Chromium cannot show the permission prompt,
/// so the page's `Notification` is replaced by a recorder that reports permission granted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_urgent_notice_raises_a_browser_notification_and_an_ordinary_one_does_not() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, "13900000001").await;
    click(&resident, "a.tile[href='/notices']").await;
    text_of(&resident, "#notice-list li").await;
    record_notifications(&resident).await;
    let events = &app.server.state.events;
    wait_until(Duration::from_secs(10), || async { events.subscriber_count() == 1 }).await.expect("the stream opens");

    let api = app.api();
    let session = api.sign_in(&SignInRequest { phone: STAFF.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
    let staff = api.with_token(session.token);
    let notice = |title: &str, category| linli_api::notices::NewNotice {
        title: title.into(),
        body_markdown: "正文".into(),
        category,
        pinned: false,
        urgent: false,
        vote_id: None,
    };
    let ordinary = staff.publish_notice(&notice("普通活动通知", linli_api::notices::NoticeCategory::Activity)).await.unwrap();
    let urgent = staff.publish_notice(&notice("紧急：燃气泄漏排查", linli_api::notices::NoticeCategory::Urgent)).await.unwrap();
    for id in [ordinary.id, urgent.id] {
        let item = format!("#notice-list li[data-notice-id='{id}']");
        wait_until(Duration::from_secs(10), || async { resident.find(Locator::Css(&item)).await.is_ok() })
            .await
            .expect("both notices arrive live");
    }
    let notified = script(&resident, "return window.__notified").await;
    let notified = notified.as_array().expect("a list");
    assert_eq!(notified.len(), 1, "only the urgent notice notifies: {notified:?}");
    assert_eq!(notified[0][1], serde_json::json!(urgent.title), "the notification says which notice");
    resident.close().await.ok();
    app.server.stop().await;
}

/// A stream that falls behind (a burst bigger than what the server keeps for it) is told to
/// resync, and the open screens reload what they show: the resident's notice list and the
/// staff's help board each get the change whose own event was lost in the burst.
///
/// On a current-thread runtime the server's tasks run only while the test awaits, so what
/// is published without awaiting is a burst the streams cannot keep up with, every time.
#[tokio::test(flavor = "current_thread")]
async fn open_screens_reload_what_their_stream_missed_in_a_burst() {
    use linli_api::events::Event;
    use linli_server::events::Audience;

    let Some(app) = start_web_app_configured(|config| config.event_buffer = 8).await else { return };
    let Some(driver) = chromedriver().await else { return };
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, "13900000003").await;
    click(&resident, "a.tile[href='/notices']").await;
    text_of(&resident, "#notice-list li").await;
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/help/requests")).await.unwrap();
    text_of(&staff, "#help-none").await;
    let events = &app.server.state.events;
    wait_until(Duration::from_secs(10), || async { events.subscriber_count() == 2 }).await.expect("both screens' streams open");

    // A notice and a help request, stored as their routes store them.
    let staff_api = app.api_as(STAFF).await;
    let me = staff_api.me().await.unwrap();
    let elderly = app.api_as("13900000002").await.me().await.unwrap();
    let notice = linli_server::notices::rules::check_notice(&linli_api::notices::NewNotice {
        title: "抢购高峰时发布的通知".into(),
        body_markdown: "这条通知的事件在一阵突发中丢了。".into(),
        category: linli_api::notices::NoticeCategory::Activity,
        pinned: false,
        urgent: false,
        vote_id: None,
    })
    .unwrap();
    let mut db = app.server.state.db.pool.acquire().await.unwrap();
    let now = chrono::Utc::now();
    let missed_notice = linli_server::notices::storage::insert(&mut db, me.community.id, me.id, &me.name, &notice, now).await.unwrap();
    let help = linli_server::help::storage::NewHelp {
        community: me.community.id,
        resident: elderly.id,
        resident_name: &elderly.name,
        household: None,
        callback_phone: "13900000002",
        at: now,
    };
    let help_id = linli_server::help::storage::insert(&mut db, &help).await.unwrap();
    drop(db);
    let missed_help = staff_api.help_board().await.unwrap().open.into_iter().find(|r| r.id == help_id).expect("on the board");

    // Announced as the routes announce them, then a burst of read counts (residents opening
    // an urgent notice), all before the streams get to run: their buffer of 8 overflows.
    let community = me.community.id;
    events.publish(community, Audience::Members, Event::NoticePublished { notice: missed_notice.clone() });
    events.publish(community, Audience::Staff, Event::HelpRaised { request: missed_help });
    for read_count in 1..=100 {
        events.publish(community, Audience::Publishers, Event::NoticeReadCount { notice_id: missed_notice.id, read_count });
    }

    let item = format!("#notice-list li[data-notice-id='{}']", missed_notice.id);
    wait_until(Duration::from_secs(15), || async { resident.find(Locator::Css(&item)).await.is_ok() })
        .await
        .expect("the resident's list reloads and shows the notice it missed");
    let request = format!("#help-open li#help-{}", help_id.0);
    wait_until(Duration::from_secs(15), || async { staff.find(Locator::Css(&request)).await.is_ok() })
        .await
        .expect("the staff's help board reloads and shows the request it missed");
    assert!(text_of(&staff, &request).await.contains(&elderly.name));
    assert_eq!(events.subscriber_count(), 2, "both streams are still open");
    resident.close().await.ok();
    staff.close().await.ok();
    app.server.stop().await;
}
