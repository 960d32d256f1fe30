//! One-tap help in the browser: an elderly resident (in 长辈版) presses the big button and
//! confirms once; the staff member's open help board shows the request live with the
//! household and a callback link; staff acknowledge; the resident's open page says who is
//! coming, without a reload.

use std::time::Duration;

use linli_e2e::*;

const STAFF: &str = "13800000001";
const ELDERLY: &str = "13900000002";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_asks_staff_see_it_live_and_the_resident_sees_who_is_coming() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/help/requests")).await.unwrap();
    text_of(&staff, "#help-none").await;

    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    assert_eq!(script(&elderly, "return document.documentElement.classList.contains('elderly')").await, serde_json::json!(true));
    elderly.goto(&app.url("/help")).await.unwrap();
    assert!(attr_of(&elderly, "#help-call", "href").await.unwrap().starts_with("tel:"), "the service number is offered");
    click(&elderly, "#help-ask").await;
    // The one confirmation is a screen of its own in large type, not a pop-up.
    let question_size = script(&elderly, "return parseFloat(getComputedStyle(document.querySelector('#help-confirm-heading')).fontSize)").await;
    assert!(question_size.as_f64().unwrap() >= 30.0, "confirmation in large type: {question_size}");
    assert_no_sideways_scroll(&elderly, "/help confirm").await;
    click(&elderly, "#help-confirm").await;
    let waiting = text_of(&elderly, "#help-status").await;
    assert!(!waiting.trim().is_empty());

    // The staff board, open all along, shows it live.
    wait_until(Duration::from_secs(10), || async {
        script(&staff, "return document.querySelectorAll('#help-open li.help-item').length").await == serde_json::json!(1)
    })
    .await
    .expect("the request appears on the open board without a reload");
    let item = text_of(&staff, "#help-open li.help-item").await;
    assert!(item.contains("陈秀英"), "{item}");
    assert_eq!(attr_of(&staff, "#help-open li.help-item a.call", "href").await.as_deref(), Some(format!("tel:{ELDERLY}").as_str()));
    click(&staff, "#help-open li.help-item button.primary").await;

    wait_until(Duration::from_secs(10), || async { text_of(&elderly, "#help-status").await.contains("李主任") })
        .await
        .expect("the resident sees who is coming without a reload");
    screenshot(&elderly, "elderly-help-coming").await;
    assert_no_sideways_scroll(&elderly, "/help").await;

    // Staff close it; it moves to the closed list.
    click(&staff, "#help-open li.help-item button:not(.primary)").await;
    text_of(&staff, "#help-closed li.help-item").await;
}
