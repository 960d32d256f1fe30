//! Micro-wishes in the browser at phone size against the real server: the elderly resident,
//! in 长辈版, posts a wish from the help screen; staff approve it on the review page (her open
//! page follows, and she is notified); a neighbour finds it on the board, takes it on, sees
//! her phone number and says it is done; she confirms and thanks, and the thanks wall shows it.

use std::time::Duration;

use fantoccini::Locator;
use linli_api::wishes::WishState;
use linli_e2e::*;
use serde_json::json;

const ELDERLY: &str = "13900000002";
const STAFF: &str = "13800000001";
const NEIGHBOUR: &str = "13900000003";



#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elderly_resident_posts_a_wish_a_neighbour_fulfils_it_and_she_thanks_them() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let wish_what = "想请人陪我去菜场买菜";

    // 陈秀英's account starts in 长辈版; she finds wishes on the help screen.
    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    assert_eq!(script(&elderly, "return document.documentElement.classList.contains('elderly')").await, json!(true), "长辈版 is on");
    click(&elderly, "nav#tiles a[href='/help']").await;
    click(&elderly, "#wish-entry-new").await;
    fill(&elderly, "#wish-what", wish_what).await;
    fill(&elderly, "#wish-why", "腿脚不太方便，提不动重的东西。").await;
    click(&elderly, "label[for='wish-category-company']").await;
    assert_big_target(&elderly, "#wish-submit").await;
    assert_no_sideways_scroll(&elderly, "/wishes/new (长辈版)").await;
    screenshot(&elderly, "wish-new-elderly").await;
    click(&elderly, "#wish-submit").await;
    wait_for_text(&elderly, "#wish-state", "等待审核", "her wish waits for staff").await;
    let wish_id: i64 = attr_of(&elderly, "article#wish", "data-wish-id").await.and_then(|id| id.parse().ok()).expect("the wish's id");
    let elderly_api = app.api_as(ELDERLY).await;
    let posted = elderly_api.wish(linli_api::ids::WishId(wish_id)).await.unwrap();
    assert_eq!((posted.summary.what.as_str(), posted.summary.category), (wish_what, linli_api::wishes::WishCategory::Company));
    record_notifications(&elderly).await;

    // Staff approve it from the review queue.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/wishes/review")).await.unwrap();
    wait_for_text(&staff, &format!("#wish-{wish_id}"), wish_what, "the queue lists her wish").await;
    assert_no_sideways_scroll(&staff, "/wishes/review").await;
    click(&staff, &format!("#wish-{wish_id} a.wish-link")).await;
    wait_for_text(&staff, "#wish-contact-name", "陈秀英", "staff see who asked").await;
    click(&staff, "#wish-approve").await;
    wait_for_text(&staff, "#wish-state", "等待认领", "approved: on the board").await;

    // Her open page follows, and she is told.
    wait_for_text(&elderly, "#wish-state", "等待认领", "her page shows it on the board without a reload").await;
    wait_until(Duration::from_secs(15), || async { script(&elderly, "return window.__notified.length").await.as_u64().unwrap_or(0) >= 1 })
        .await
        .expect("the approval raises a notification");
    let notified = script(&elderly, "return window.__notified[0]").await;
    assert_eq!(notified[1], json!(wish_what), "the notification names the wish: {notified}");

    // A neighbour finds it on the board, where only her surname and building show.
    let neighbour = driver.open(PHONE).await;
    sign_in_ui(&neighbour, &app, NEIGHBOUR).await;
    click(&neighbour, "nav#tiles a[href='/wishes']").await;
    let card = format!("#wish-{wish_id}");
    wait_for_text(&neighbour, &card, "陈**", "the board shows initials").await;
    let board_text = text_of(&neighbour, "#wish-list").await;
    assert!(!board_text.contains("陈秀英") && !board_text.contains("13900000002"), "no name or phone on the board: {board_text}");
    assert_no_sideways_scroll(&neighbour, "/wishes").await;
    click(&neighbour, &format!("{card} a.wish-link")).await;
    wait_for_text(&neighbour, "article#wish h1", wish_what, "the wish's page").await;
    assert!(neighbour.find(Locator::Css("#wish-contact")).await.is_err(), "no contact before the claim");
    fill(&neighbour, "#wish-organisation", "阳光志愿服务队").await;
    click(&neighbour, "#wish-claim").await;
    wait_for_text(&neighbour, "#wish-contact-phone", "13900000002", "the volunteer gets her phone number").await;
    wait_for_text(&elderly, "#wish-volunteer", "刘洋", "she sees who is coming").await;
    fill(&neighbour, "#wish-note", "周六上午陪陈阿姨去了菜场，帮忙提回家。").await;
    neighbour.find(Locator::Css("#wish-minutes")).await.unwrap().select_by_value("90").await.unwrap();
    assert_no_sideways_scroll(&neighbour, "/wishes/:id (volunteer)").await;
    click(&neighbour, "#wish-fulfil").await;
    wait_for_text(&neighbour, "#wish-state", "待确认", "done, waiting for her").await;

    // She confirms and thanks, on her open page, in large type.
    wait_for_text(&elderly, "#wish-confirm-form", "心愿实现了吗", "she is asked to confirm").await;
    wait_for_text(&elderly, "#wish-fulfilment-note", "陪陈阿姨去了菜场", "she reads what the volunteer did").await;
    fill(&elderly, "#wish-thanks-text", "谢谢小刘，菜都买齐了！").await;
    assert_no_sideways_scroll(&elderly, "/wishes/:id (长辈版, confirm)").await;
    click(&elderly, "#wish-confirm").await;
    wait_for_text(&elderly, "#wish-state", "已实现", "the wish came true").await;
    wait_for_text(&elderly, "#wish-thanks", "谢谢小刘", "her thanks show on the wish").await;
    screenshot(&elderly, "wish-closed-elderly").await;
    let closed = elderly_api.wish(linli_api::ids::WishId(wish_id)).await.unwrap();
    assert_eq!(closed.summary.state, WishState::Closed);
    assert_eq!(closed.fulfilment.and_then(|done| done.minutes), Some(90));

    // The thanks wall and the volunteer record show it.
    neighbour.goto(&app.url("/wishes/thanks")).await.unwrap();
    wait_for_text(&neighbour, "#thanks-wall", "谢谢小刘，菜都买齐了！", "the thanks wall").await;
    wait_for_text(&neighbour, "#volunteer-tallies", "刘洋", "the volunteer record").await;
    assert_no_sideways_scroll(&neighbour, "/wishes/thanks").await;
    screenshot(&neighbour, "wish-thanks-wall").await;
}
