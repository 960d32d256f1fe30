//! Appointments in the browser at phone size against the real server: the elderly resident,
//! in 长辈版, books a service that staff approve and fills its form (a wrong ID number is
//! caught at its field); staff approve on the approvals page and her open page follows; at
//! the desk she types the desk's code and gets a number; staff call it from the desk and her
//! page says it is her turn (and she is notified); staff mark it served, she rates it, and
//! staff see the rating in the service's figures. The hall's screen shows the number, never
//! her name.
//!
//! The service is open round the clock, so the next slot always starts within the hour
//! and check-in is open whatever time the test runs.

use linli_api::appointments::BookingState;
use linli_api::ids::BookingId;
use linli_e2e::screens::appointments::{pension_like_form, round_the_clock, ID_NUMBER};
use linli_e2e::*;
use serde_json::json;

const ELDERLY: &str = "13900000002";
const STAFF: &str = "13800000001";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elderly_resident_books_is_approved_checks_in_is_called_and_rates() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let staff_api = app.api_as(STAFF).await;
    let service = staff_api.create_service(&round_the_clock("老年优待证办理", true, pension_like_form())).await.expect("staff define a service");
    let desk_code = service.desk_code.clone().expect("staff see the desk's code");

    // 陈秀英's account starts in 长辈版; the service is one tap from home.
    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    assert_eq!(script(&elderly, "return document.documentElement.classList.contains('elderly')").await, json!(true), "长辈版 is on");
    record_notifications(&elderly).await;
    click(&elderly, "nav#tiles a[href='/services']").await;
    click(&elderly, &format!("#service-{} a.service-link", service.id)).await;
    wait_for_text(&elderly, "article#service h1", "老年优待证办理", "the service's page").await;
    click(&elderly, "#slot-list button.slot:not([disabled])").await;
    wait_for_text(&elderly, "#book-heading", "预约", "the form for the chosen time").await;
    // A wrong checksum is caught before anything is booked, at its field.
    fill(&elderly, "#answer-0", "110105194912310021").await;
    click(&elderly, "label[for='answer-1-0']").await;
    click(&elderly, "#book-submit").await;
    wait_for_text(&elderly, "#answer-0-error", "身份证号码不对", "the ID number's error under it").await;
    assert!(elderly_api_bookings(&app).await.is_empty(), "nothing was booked");
    fill(&elderly, "#answer-0", &ID_NUMBER.to_lowercase()).await;
    assert_big_target(&elderly, "#book-submit").await;
    assert_no_sideways_scroll(&elderly, "/services/:id (长辈版, form)").await;
    screenshot(&elderly, "booking-form-elderly").await;
    click(&elderly, "#book-submit").await;
    wait_for_text(&elderly, "#booking-state", "等待审核", "her booking waits for staff").await;
    let booking_id: i64 = attr_of(&elderly, "article#booking", "data-booking-id").await.and_then(|id| id.parse().ok()).expect("the booking's id");
    let booking_id = BookingId(booking_id);
    let elderly_api = app.api_as(ELDERLY).await;
    let booked = elderly_api.booking(booking_id).await.unwrap();
    assert_eq!(booked.answers[0], Some(linli_api::appointments::Answer::IdNumber(ID_NUMBER.into())), "stored checked, with a capital X");

    // Staff approve it from the approvals.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/services/manage")).await.unwrap();
    wait_for_text(&staff, &format!("#pending-{booking_id}"), "陈秀英", "the approvals list her booking").await;
    assert_no_sideways_scroll(&staff, "/services/manage").await;
    click(&staff, &format!("#pending-link-{booking_id}")).await;
    wait_for_text(&staff, "#booking-answers", "110***********002X", "staff read her form, the ID number masked").await;
    assert!(!text_of(&staff, "#booking-answers").await.contains(ID_NUMBER), "the whole ID number stays hidden");
    click(&staff, "#booking-approve").await;
    wait_for_text(&staff, "#booking-state", "已预约", "approved").await;

    // Her open page follows, and she is told.
    wait_for_text(&elderly, "#booking-state", "已预约", "her page shows it approved without a reload").await;
    let approved = notification(&elderly, "您的预约已通过").await;
    assert_eq!(approved[1], json!("老年优待证办理"), "the notification names the service: {approved}");

    // At the desk she types the desk's code and gets her number.
    fill(&elderly, "#desk-code", "WRONG1").await;
    click(&elderly, "#check-in").await;
    wait_for_text(&elderly, "#desk-code-error", "不是本服务窗口的签到码", "a wrong code is refused at its input").await;
    assert_eq!(elderly_api.booking(booking_id).await.unwrap().state, BookingState::Confirmed, "a wrong code changes nothing");
    fill(&elderly, "#desk-code", &desk_code.to_lowercase()).await;
    click(&elderly, "#check-in").await;
    wait_for_text(&elderly, "#ticket-number", "D", "her queue number").await;
    let number = text_of(&elderly, "#ticket-number").await;
    wait_for_text(&elderly, "#ticket-ahead", "下一个就是您", "nobody ahead of her").await;
    let number_size = script(&elderly, "return parseFloat(getComputedStyle(document.querySelector('#ticket-number')).fontSize)").await;
    assert!(number_size.as_f64().unwrap() >= 48.0, "the number is the biggest thing on her screen: {number_size}px");
    assert_no_sideways_scroll(&elderly, "/bookings/:id (长辈版, ticket)").await;
    screenshot(&elderly, "booking-ticket-elderly").await;

    // Staff call the next number at the desk; her page says it is her turn.
    staff.goto(&app.url(&format!("/services/{}/desk", service.id))).await.unwrap();
    wait_for_text(&staff, "#waiting-list", &number, "the desk has her waiting").await;
    assert_no_sideways_scroll(&staff, "/services/:id/desk").await;
    click(&staff, "#call-next").await;
    wait_for_text(&staff, "#call-next-status", &number, "the desk called her number").await;
    wait_for_text(&elderly, "#ticket-called", "轮到您了", "her open page says she is called").await;
    let called = notification(&elderly, "轮到您了，请到窗口办理").await;
    assert_eq!(called[1], json!("老年优待证办理"), "{called}");

    // The hall's screen shows the number, never a name.
    let hall = driver.open(PHONE).await;
    hall.goto(&app.url(&format!("/display/{}", service.id))).await.unwrap();
    wait_for_text(&hall, "#now-serving", &number, "the hall's screen shows who is served").await;
    let on_screen = text_of(&hall, "#queue-screen").await;
    assert!(!on_screen.contains("陈秀英") && !on_screen.contains("陈**"), "no name on the public screen: {on_screen}");

    // Served; she rates it; staff see it in the figures.
    let served_button = script(&staff, "return document.querySelector('#called-list button[id^=served-]')?.id").await;
    let served_button = served_button.as_str().expect("a served button for the called number").to_owned();
    click(&staff, &format!("#{served_button}")).await;
    wait_for_text(&elderly, "#booking-state", "已办结", "her page shows it served").await;
    click(&elderly, "#rate-5").await;
    fill(&elderly, "#rate-comment", "工作人员很耐心，十分钟就办好了。").await;
    assert_no_sideways_scroll(&elderly, "/bookings/:id (长辈版, rate)").await;
    click(&elderly, "#rate-submit").await;
    wait_for_text(&elderly, "#rating-comment", "很耐心", "her rating shows").await;
    screenshot(&elderly, "booking-rated-elderly").await;
    // The hour-before reminder comes at once (the slot is within the hour); the rest in order.
    let history = elderly_api.booking(booking_id).await.unwrap().history;
    let record: Vec<_> = history.iter().map(|event| event.kind.as_str()).filter(|kind| *kind != "reminded").collect();
    assert_eq!(record, ["booked", "approved", "checked_in", "called", "served", "rated"], "the handling record");
    staff.goto(&app.url("/services/manage")).await.unwrap();
    wait_for_text(&staff, &format!("#stats-stars-{}", service.id), "5", "the service's average").await;
}

async fn elderly_api_bookings(app: &WebApp) -> Vec<linli_api::appointments::Booking> {
    app.api_as(ELDERLY).await.my_bookings().await.expect("her bookings")
}

/// Staff define a service on the phone: a name, a form field for the ID number, Monday and
/// Tuesday mornings; a place count of 0 is caught at its input; once saved, the desk's sign
/// shows its code, and residents see the service with its form and hours.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_define_a_service_with_its_form_and_hours_in_the_editor() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/services")).await.unwrap();
    click(&staff, "#service-new-link").await;
    fill(&staff, "#service-name", "老年卡办理").await;
    fill(&staff, "#service-documents", "身份证、一寸照片").await;
    click(&staff, "#add-form-field").await;
    fill(&staff, "#form-field-label-0", "身份证号").await;
    let id_number_kind = linli_api::appointments::FieldKind::ALL.iter().position(|kind| *kind == linli_api::appointments::FieldKind::IdNumber).unwrap();
    staff.find(fantoccini::Locator::Css("#form-field-kind-0")).await.unwrap().select_by_value(&id_number_kind.to_string()).await.unwrap();
    click(&staff, "#add-hours").await;
    fill(&staff, "#hours-capacity-1", "0").await;
    assert_no_sideways_scroll(&staff, "/services/new").await;
    click(&staff, "#service-save").await;
    wait_for_text(&staff, "#service-form", "每个时段可约 1 到 100 人", "a place count of 0 is refused").await;
    let focused = script(&staff, "return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused, json!("hours-capacity-1"), "the focus goes to the wrong input");
    assert!(app.api_as(STAFF).await.services().await.unwrap().iter().all(|service| service.name != "老年卡办理"), "nothing saved");
    fill(&staff, "#hours-capacity-1", "3").await;
    click(&staff, "#service-save").await;
    wait_for_text(&staff, "#service-saved", "已保存", "saved").await;
    let code = text_of(&staff, "#desk-sign #desk-code").await;
    assert!(!code.trim().is_empty(), "the desk's sign shows its code");
    screenshot(&staff, "service-editor-saved").await;

    let resident = app.api_as(ELDERLY).await;
    let services = resident.services().await.unwrap();
    let made = services.iter().find(|service| service.name == "老年卡办理").expect("residents see the new service");
    assert_eq!(made.form.len(), 1);
    assert_eq!((made.form[0].label.as_str(), made.form[0].kind), ("身份证号", linli_api::appointments::FieldKind::IdNumber));
    let days: Vec<_> = made.hours.iter().map(|hours| (hours.weekday, hours.capacity)).collect();
    assert_eq!(days, [(1, 2), (2, 3)], "Monday as it came, Tuesday with three places");
    assert_eq!(made.desk_code, None, "residents never see the desk's code");
}
