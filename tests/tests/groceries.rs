//! Group buying in the browser at phone size against the real server: a resident orders
//! from the campaign page; the shop ends orders on its dashboard, so the campaign forms and
//! the resident is notified; the resident's orders page shows the pickup code; the shop types it on its scan page; the
//! resident's open page shows the order picked up. And in 长辈版, "buy again" orders the
//! last order again with one big button.

use std::time::Duration;

use linli_api::groceries::{Campaign, Fulfilment, NewCampaign, NewProduct, OrderLine, OrderState, PlaceOrder};
use linli_e2e::*;
use serde_json::json;

const MERCHANT: &str = "13800000003";
const OWNER: &str = "13900000001";
const ELDERLY: &str = "13900000002";


async fn publish(app: &WebApp, title: &str, product: &str) -> Campaign {
    let campaign = NewCampaign {
        title: title.into(),
        description: "本地农场直供。".into(),
        products: vec![NewProduct { name: product.into(), unit: "盒".into(), price_fen: 2_880, stock: 20, per_household_limit: 3, photo: None }],
        min_households: 1,
        cut_off: chrono::Utc::now() + chrono::Duration::days(1),
        pickup_point: Some("东门快递柜旁".into()),
        batches: vec![],
    };
    app.api_as(MERCHANT).await.create_campaign(&campaign).await.expect("the shop publishes")
}


#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_orders_the_group_forms_and_the_shop_hands_it_over_by_code() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let campaign = publish(&app, "端到端鲜蛋团", "散养土鸡蛋").await;
    let eggs = campaign.products[0].id;

    // The resident finds it from the home tiles and orders two boxes.
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, OWNER).await;
    click(&resident, "nav#tiles a[href='/groceries']").await;
    wait_for_text(&resident, &format!("#campaign-{}", campaign.id), "端到端鲜蛋团", "the list shows the campaign").await;
    assert_no_sideways_scroll(&resident, "/groceries").await;
    resident.goto(&app.url(&format!("/groceries/campaigns/{}", campaign.id))).await.unwrap();
    wait_for_text(&resident, "#campaign-title", "端到端鲜蛋团", "the campaign page").await;
    click(&resident, &format!("#qty-plus-{eggs}")).await;
    click(&resident, &format!("#qty-plus-{eggs}")).await;
    wait_for_text(&resident, "#cart-total", "57.60", "the cart adds up in yuan").await;
    assert_no_sideways_scroll(&resident, "/groceries/campaigns (cart)").await;
    click(&resident, "#place-order").await;
    let owner = app.api_as(OWNER).await;
    wait_until(Duration::from_secs(15), || async { !owner.my_orders(&Default::default()).await.map(|page| page.orders.is_empty()).unwrap_or(true) })
        .await
        .expect("the order reaches the server");
    let order = owner.my_orders(&Default::default()).await.unwrap().orders.remove(0);
    assert_eq!((order.lines[0].quantity, order.total_fen, order.state), (2, 5_760, OrderState::Placed));
    screenshot(&resident, "groceries-ordered").await;

    // Headless Chromium shows no permission prompt: record what the page would notify.
    record_notifications(&resident).await;

    // The shop ends orders on its dashboard (one household is the minimum): it forms.
    let shop = driver.open(PHONE).await;
    sign_in_ui(&shop, &app, MERCHANT).await;
    shop.goto(&app.url(&format!("/shop/campaigns/{}", campaign.id))).await.unwrap();
    wait_for_text(&shop, "#dashboard-households", "1", "the dashboard counts the household").await;
    click(&shop, "#close-orders").await;
    click(&shop, "#close-orders-confirm").await;
    wait_until(Duration::from_secs(15), || async { attr_of(&shop, "#dashboard-phase", "data-phase").await.as_deref() == Some("formed") })
        .await
        .expect("the dashboard shows the campaign formed");

    // The buyer is told, on the open page and as a notification naming the campaign.
    wait_until(Duration::from_secs(15), || async {
        script(&resident, "return window.__notified.length").await.as_u64().unwrap_or(0) >= 1
    })
    .await
    .expect("the forming raises a notification");
    let notified = script(&resident, "return window.__notified[0]").await;
    assert_eq!(notified[1], json!("端到端鲜蛋团"), "the notification names the campaign: {notified}");
    assert!(notified[0].as_str().unwrap_or_default().contains("成团"), "and says it formed: {notified}");

    // The resident's orders page shows the pickup code and its QR code.
    resident.goto(&app.url("/groceries/orders")).await.unwrap();
    let code_css = format!("#pickup-code-{}", order.id);
    wait_until(Duration::from_secs(15), || async {
        resident.find(fantoccini::Locator::Css(&code_css)).await.is_ok() && text_of(&resident, &code_css).await.contains('-')
    })
    .await
    .expect("the formed order shows its pickup code");
    let code = text_of(&resident, &code_css).await.trim().to_owned();
    let qr = script(&resident, &format!("const img = document.querySelector('#order-{} img'); return !!img && img.naturalWidth > 0 && img.alt.length > 0", order.id)).await;
    assert_eq!(qr, json!(true), "the QR code shows, with alt text");
    assert_no_sideways_scroll(&resident, "/groceries/orders").await;
    screenshot(&resident, "groceries-pickup-code").await;

    // The shop types the code; a second try is refused; the resident's open page updates.
    shop.goto(&app.url("/shop/scan")).await.unwrap();
    fill(&shop, "#pickup-code-input", &code).await;
    click(&shop, "#pickup-submit").await;
    wait_for_text(&shop, "#pickup-result", "57.60", "the shop sees what to collect").await;
    fill(&shop, "#pickup-code-input", &code).await;
    click(&shop, "#pickup-submit").await;
    wait_until(Duration::from_secs(10), || async {
        shop.find(fantoccini::Locator::Css("#code-error")).await.is_ok() && !text_of(&shop, "#code-error").await.is_empty()
    })
    .await
    .expect("a code works once");
    assert_no_sideways_scroll(&shop, "/shop/scan").await;
    wait_until(Duration::from_secs(15), || async {
        owner.order(order.id).await.is_ok_and(|order| order.state == OrderState::PickedUp)
    })
    .await
    .expect("the server has it picked up");
    let row = format!("#order-{}", order.id);
    wait_until(Duration::from_secs(15), || async { attr_of(&resident, &row, "data-state").await.as_deref() == Some("picked_up") })
        .await
        .expect("the resident's open orders page shows it picked up without a reload");
    screenshot(&resident, "groceries-picked-up").await;

    // The shop's picking list: one group, its households shown at once, this one picked up;
    // the group's button hides them.
    shop.goto(&app.url(&format!("/shop/campaigns/{}/picking", campaign.id))).await.unwrap();
    let household = format!("#picking-order-{}.picked-up", order.id);
    wait_until(Duration::from_secs(15), || async { shop.find(fantoccini::Locator::Css(&household)).await.is_ok() })
        .await
        .expect("the picking list shows the household picked up");
    assert_eq!(attr_of(&shop, "#picking-group-0 .picking-toggle", "aria-expanded").await.as_deref(), Some("true"));
    assert_no_sideways_scroll(&shop, "/shop/campaigns/picking").await;
    screenshot(&shop, "shop-picking").await;
    click(&shop, "#picking-group-0 .picking-toggle").await;
    wait_until(Duration::from_secs(5), || async {
        script(&shop, "return document.querySelector('#picking-group-0-households').hidden").await == json!(true)
    })
    .await
    .expect("the button hides the households");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elderly_resident_buys_again_with_one_big_button() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    // Last week's order, formed; this week the shop sells the same eggs again.
    let last_week = publish(&app, "上周鲜蛋团", "散养土鸡蛋").await;
    let elderly_api = app.api_as(ELDERLY).await;
    let order = PlaceOrder { lines: vec![OrderLine { product_id: last_week.products[0].id, quantity: 2 }], fulfilment: Fulfilment::Pickup };
    elderly_api.place_order(last_week.id, &order).await.expect("last week's order");
    app.api_as(MERCHANT).await.close_orders_now(last_week.id).await.expect("it formed");
    let this_week = publish(&app, "本周鲜蛋团", "散养土鸡蛋").await;

    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    click(&elderly, "nav#tiles a[href='/groceries/again']").await;
    let button = format!("#buy-again-{}", this_week.id);
    wait_until(Duration::from_secs(15), || async { elderly.find(fantoccini::Locator::Css(&button)).await.is_ok() })
        .await
        .expect("the offer to buy again shows");
    let size = script(&elderly, &format!("const r = document.querySelector('{button}').getBoundingClientRect(); return [r.width, r.height]")).await;
    assert!(size[0].as_f64().unwrap() >= 280.0 && size[1].as_f64().unwrap() >= 60.0, "a big button: {size}");
    assert_no_sideways_scroll(&elderly, "/groceries/again (长辈版)").await;
    click(&elderly, &button).await;
    wait_until(Duration::from_secs(15), || async {
        elderly_api.my_orders(&Default::default()).await.map(|page| page.orders).unwrap_or_default().iter().any(|order| order.campaign_id == this_week.id && order.total_fen == 5_760)
    })
    .await
    .expect("the same order is placed again");
    screenshot(&elderly, "elderly-buy-again").await;
}
