//! Problem reports in the browser at phone size against the real server.
//!
//! The elderly resident, in 长辈版, reports a public problem in the common areas with a photo
//! from the help screen; the property manager finds it in the cases to handle, accepts it
//! (her open page follows, and she is notified), starts and resolves it with a note and a
//! photo; she confirms with five stars and a comment, the record shows every step, and the
//! month's figures count her rating.
//!
//! 陈秀英's daughter, who lives elsewhere, reports a leak at her mother's home in her name
//! from her family page and, once it is fixed, confirms it for her.
//!
//! A safety case nobody accepts in time goes up a level: the server's clock is moved past
//! the two hours instead of waiting, and the staff member's open page shows the case with the
//! street office, live, with a notification and the step in the record.

use std::time::Duration;

use linli_api::paging::PageQuery;
use linli_api::family::FamilyActivityKind;
use linli_api::ids::ReportId;
use linli_api::reports::{Party, ReportCategory, ReportState};
use linli_e2e::*;
use serde_json::json;

const ELDERLY: &str = "13900000002";
const NEIGHBOUR: &str = "13900000003";
const STAFF: &str = "13800000001";
const PROPERTY: &str = "13800000002";
const STREET_OFFICE: &str = "13800000004";
const DAUGHTER: &str = "13500000001";

/// Chooses the fixture photo in a file input and waits for its thumbnail.
async fn add_photo(browser: &fantoccini::Client, input: &str) {
    let photo = workspace_root().join("tests/fixtures/stripes.png").canonicalize().unwrap();
    element(browser, input).await.send_keys(&photo.display().to_string()).await.expect("choose a photo");
    wait_until(Duration::from_secs(15), || async { script(browser, "return document.querySelectorAll('.thumb img.photo').length").await == json!(1) })
        .await
        .expect("the uploaded photo shows as a thumbnail");
}

/// The id of the case on the page.
async fn case_id(browser: &fantoccini::Client) -> ReportId {
    let id = attr_of(browser, "article#report", "data-report-id").await.and_then(|id| id.parse().ok()).expect("the case's id");
    ReportId(id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_reports_with_a_photo_the_property_company_resolves_it_and_she_rates_it() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let location = "6栋1单元门口";
    let note = "已更换单元门的闭门器，门能自己关上了。";

    // 陈秀英's account starts in 长辈版; reports are on her help screen.
    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    assert_eq!(script(&elderly, "return document.documentElement.classList.contains('elderly')").await, json!(true), "长辈版 is on");
    record_notifications(&elderly).await;
    click(&elderly, "nav#tiles a[href='/help']").await;
    click(&elderly, "#report-entry-new").await;
    click(&elderly, "label[for='report-category-common_areas']").await;
    fill(&elderly, "#report-location", location).await;
    fill(&elderly, "#report-description", "单元门关不上，风一吹就来回撞，晚上很吵。").await;
    add_photo(&elderly, "#report-photos").await;
    click(&elderly, "label[for='report-visibility-public']").await;
    wait_for_text(&elderly, "#report-goes-to", "将交给物业公司，24 小时内受理", "she is told where it goes").await;
    assert_big_target(&elderly, "#report-submit").await;
    assert_no_sideways_scroll(&elderly, "/reports/new (长辈版)").await;
    screenshot(&elderly, "report-new-elderly").await;
    click(&elderly, "#report-submit").await;
    wait_for_text(&elderly, "#report-state", "等待受理", "her report waits to be accepted").await;
    wait_for_text(&elderly, "#report-party", "物业公司", "it went to the property company").await;
    let id = case_id(&elderly).await;
    let elderly_api = app.api_as(ELDERLY).await;
    let sent = elderly_api.problem_report(id).await.unwrap();
    assert_eq!((sent.summary.category, sent.summary.public, sent.photos.len()), (ReportCategory::CommonAreas, true, 1));

    // The property manager finds it in his list, with who reported it.
    let property = driver.open(PHONE).await;
    sign_in_ui(&property, &app, PROPERTY).await;
    click(&property, "nav#tiles a[href='/reports']").await;
    click(&property, "#report-handling-link").await;
    wait_for_text(&property, &format!("#report-{id}"), location, "his list has her report").await;
    wait_for_text(&property, "#report-waiting-count", "等待受理", "waiting ones are counted").await;
    assert_no_sideways_scroll(&property, "/reports/handling").await;
    screenshot(&property, "report-handling").await;
    click(&property, &format!("#report-{id} a.report-link")).await;
    wait_for_text(&property, "#report-reporter", "陈秀英", "he sees who reported it").await;
    assert_eq!(attr_of(&property, "#report-reporter-phone", "href").await.as_deref(), Some("tel:13900000002"), "and can call her");
    click(&property, "#report-accept").await;
    wait_for_text(&property, "#report-state", "已受理", "accepted").await;

    // Her open page follows, and she is told.
    wait_for_text(&elderly, "#report-state", "已受理", "her page shows it accepted without a reload").await;
    wait_for_text(&elderly, "#report-handler", "张经理", "and who handles it").await;
    let accepted = notification(&elderly, "您报的事已受理").await;
    assert_eq!(accepted[1], json!(location), "the notification says where: {accepted}");

    // He starts, then says it is done, with a note and a photo.
    click(&property, "#report-start").await;
    wait_for_text(&property, "#report-state", "正在处理", "work has begun").await;
    fill(&property, "#report-resolve-note", note).await;
    add_photo(&property, "#report-resolve-photos").await;
    assert_no_sideways_scroll(&property, "/reports/:id (handler)").await;
    click(&property, "#report-resolve").await;
    wait_for_text(&property, "#report-state", "已处理，待确认", "resolved").await;

    // She confirms with five stars and a comment, on her open page, in large type.
    wait_for_text(&elderly, "#report-confirm-form", "问题解决了吗", "she is asked to confirm").await;
    notification(&elderly, "您报的事已处理完毕，请确认并评价").await;
    wait_for_text(&elderly, "#report-record", note, "she reads what was done").await;
    wait_for_text(&elderly, "#report-reopen-until", "前可以要求重新处理", "and until when she may reopen it").await;
    click(&elderly, "#rate-5").await;
    fill(&elderly, "#rate-comment", "修得很快，谢谢张经理！").await;
    assert_no_sideways_scroll(&elderly, "/reports/:id (长辈版, confirm)").await;
    click(&elderly, "#rate-submit").await;
    wait_for_text(&elderly, "#report-state", "已解决", "solved").await;
    wait_for_text(&elderly, "#rating-comment", "修得很快", "her rating shows").await;
    screenshot(&elderly, "report-confirmed-elderly").await;

    // The record shows every step, the resolution with its photo.
    let steps = script(&elderly, "return [...document.querySelectorAll('#report-record li.history-item')].map(li => li.dataset.kind)").await;
    assert_eq!(steps, json!(["submitted", "accepted", "started", "resolved", "confirmed"]), "the record on the page");
    assert_eq!(script(&elderly, "return document.querySelectorAll('#report-record li[data-kind=resolved] .photos li').length").await, json!(1));
    let done = elderly_api.problem_report(id).await.unwrap();
    assert_eq!((done.summary.state, done.stars), (ReportState::Confirmed, Some(5)));
    let kinds: Vec<_> = done.history.iter().map(|event| event.kind.as_str()).collect();
    assert_eq!(kinds, ["submitted", "accepted", "started", "resolved", "confirmed"], "the record");
    assert_eq!(done.history[3].photos.len(), 1, "the handler's photo is on the resolved step");

    // Her list has it solved, and the month's figures count it with her five stars.
    click(&elderly, "header a.back").await;
    wait_for_text(&elderly, &format!("#report-state-{id}"), "已解决", "her list shows it solved").await;
    assert_no_sideways_scroll(&elderly, "/reports (长辈版)").await;
    screenshot(&elderly, "reports-mine-elderly").await;
    click(&elderly, "#report-figures-link").await;
    wait_for_text(&elderly, "#figures-satisfaction-common_areas-property_company", "5.0 星（1 人评价）", "the figures count her rating").await;
    assert_no_sideways_scroll(&elderly, "/reports/figures (长辈版)").await;
    screenshot(&elderly, "report-figures-elderly").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_safety_case_nobody_accepts_in_time_goes_up_to_the_street_office() {
    let clock = MovableClock::default();
    let Some(app) = start_web_app_with_clock(&clock).await else { return };
    let Some(driver) = chromedriver().await else { return };
    let location = "西门停车场出口";

    // A resident reports a safety problem: the residents' committee has two hours.
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, NEIGHBOUR).await;
    click(&resident, "nav#tiles a[href='/reports']").await;
    click(&resident, "#report-new-link").await;
    click(&resident, "label[for='report-category-safety']").await;
    fill(&resident, "#report-location", location).await;
    fill(&resident, "#report-description", "出口的减速带断了，露出好几根钢钉。").await;
    wait_for_text(&resident, "#report-goes-to", "将交给居委会，2 小时内受理", "safety goes to the committee within 2 hours").await;
    click(&resident, "#report-submit").await;
    wait_for_text(&resident, "#report-accept-by", "前受理", "the page says by when").await;
    let id = case_id(&resident).await;
    record_notifications(&resident).await;

    // Staff have the case open, and nobody accepts it.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url(&format!("/reports/{id}"))).await.unwrap();
    wait_for_text(&staff, "#report-party", "居委会", "the case waits with the committee").await;
    record_notifications(&staff).await;
    assert_no_sideways_scroll(&staff, "/reports/:id (staff)").await;

    // Two hours pass on the server's clock; its worker (called here at once) sends it up.
    clock.advance(chrono::Duration::minutes(121));
    linli_server::reports::clock::escalate_due(&app.server.state).await.expect("escalating runs");
    wait_for_text(&staff, "#report-party", "街道办", "staff's open page shows it with the street office, live").await;
    wait_for_text(&staff, "#report-escalations", "已上报 1 次", "and that it went up once").await;
    wait_for_text(&staff, "#report-record li[data-kind=escalated]", "超时无人受理，上报给街道办", "the record says so").await;
    let told = notification(&staff, "报事超时无人受理，已上报上一级").await;
    assert_eq!(told[1], json!(location), "staff are alerted with where: {told}");
    screenshot(&staff, "report-escalated").await;
    wait_for_text(&resident, "#report-party", "街道办", "the resident's page follows too").await;
    notification(&resident, "报事超时无人受理，已上报上一级").await;

    // The handling list shows it with its new party; the street office takes it from there.
    staff.goto(&app.url("/reports/handling")).await.unwrap();
    wait_for_text(&staff, &format!("#report-{id}"), "街道办", "the list shows the street office").await;
    wait_for_text(&staff, &format!("#report-escalated-{id}"), "已上报", "and that it went up").await;
    wait_for_text(&staff, &format!("#report-accept-by-{id}"), "前受理", "and by when the street office must accept it").await;
    assert_no_sideways_scroll(&staff, "/reports/handling (staff)").await;
    let street_office = app.api_as(STREET_OFFICE).await;
    let accepted = street_office.accept_report(id).await.expect("the street office accepts it");
    assert_eq!((accepted.summary.party, accepted.summary.state, accepted.summary.escalations), (Party::StreetOffice, ReportState::Accepted, 1));
    wait_for_text(&resident, "#report-state", "已受理", "accepted at the new level").await;

    // Staff give safety one hour from now on; a quarter of an hour less than allowed is refused.
    click(&staff, "#report-rules-link").await;
    fill(&staff, "#rule-safety-hours", "0.1").await;
    click(&staff, "#report-rules-save").await;
    wait_for_text(&staff, "#rule-safety .field-error", "最少 0.25 小时", "too short a time is refused at its input").await;
    assert_eq!(attr_of(&staff, "#rule-safety-hours", "aria-invalid").await.as_deref(), Some("true"));
    fill(&staff, "#rule-safety-hours", "1").await;
    fill(&staff, "#rule-safety-pool", "安全巡查组").await;
    click(&staff, "#report-rules-save").await;
    wait_for_text(&staff, "#report-rules-saved", "已保存", "saved").await;
    assert_no_sideways_scroll(&staff, "/reports/rules").await;
    screenshot(&staff, "report-rules").await;
    let safety = street_office.report_rules().await.unwrap().route_for(ReportCategory::Safety);
    assert_eq!((safety.accept_within_minutes, safety.pool.as_deref()), (60, Some("安全巡查组")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_daughter_reports_a_problem_for_her_mother_and_confirms_it() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let mother_api = app.api_as(ELDERLY).await;
    let mother = mother_api.me().await.unwrap().id;
    let location = "5栋1单元301 厨房";

    let daughter = driver.open(PHONE).await;
    sign_in_ui(&daughter, &app, DAUGHTER).await;
    daughter.goto(&app.url(&format!("/family/for/{mother}"))).await.unwrap();
    click(&daughter, "#their-report-new").await;
    wait_for_text(&daughter, "#acting-for", "陈秀英", "the screen says in whose name").await;
    assert_eq!(script(&daughter, "return document.querySelector('#report-photos') === null").await, json!(true), "no photos of her own");
    click(&daughter, "label[for='report-category-home_repair']").await;
    fill(&daughter, "#report-location", location).await;
    fill(&daughter, "#report-description", "妈妈说厨房水管接头漏水，地上一直是湿的。").await;
    wait_for_text(&daughter, "#report-goes-to", "将交给物业公司", "she is told where it goes").await;
    assert_no_sideways_scroll(&daughter, "/reports/new?for= (family)").await;
    click(&daughter, "#report-submit").await;
    wait_for_text(&daughter, "#report-state", "等待受理", "the case waits").await;
    wait_for_text(&daughter, "#report-reporter", "陈秀英", "it is her mother's case").await;
    let id = case_id(&daughter).await;
    assert!(mother_api.reports(Default::default(), &PageQuery::default()).await.unwrap().reports.iter().any(|case| case.id == id), "in her mother's own list");

    // The property company fixes it; the daughter confirms for her mother.
    let property = app.api_as(PROPERTY).await;
    property.accept_report(id).await.unwrap();
    let fixture = std::fs::read(workspace_root().join("tests/fixtures/stripes.png")).unwrap();
    let work = property.upload_image("image/png", fixture).await.unwrap().id;
    property.resolve_report(id, &linli_api::reports::ResolveReport { note: "换了水管接头。".into(), photos: vec![work] }).await.unwrap();
    click(&daughter, "header a.back").await;
    wait_for_text(&daughter, &format!("#report-state-{id}"), "已处理，待确认", "her mother's list shows it resolved").await;
    click(&daughter, &format!("#report-{id} a.report-link")).await;
    // The handler's photo of a private case is her mother's to see, so hers too.
    wait_until(Duration::from_secs(15), || async {
        script(&daughter, "return document.querySelectorAll('#report-record li[data-kind=resolved] img.photo').length").await == json!(1)
    })
    .await
    .expect("the photo of the work done shows");
    click(&daughter, "#rate-5").await;
    click(&daughter, "#rate-submit").await;
    wait_for_text(&daughter, "#report-state", "已解决", "confirmed in her mother's name").await;
    assert_no_sideways_scroll(&daughter, "/reports/:id?for= (family)").await;
    screenshot(&daughter, "report-confirmed-family").await;
    let history = mother_api.family_history(&Default::default()).await.unwrap();
    let kinds: Vec<_> = history.items.iter().take(2).map(|item| item.kind).collect();
    assert_eq!(kinds, [FamilyActivityKind::ConfirmedReport, FamilyActivityKind::ReportedProblem], "her mother sees both in her history");
}
