//! Topics of the hall in the browser at phone size: a resident in 长辈版 backs a neighbour's
//! proposal with one big button; residents comment with a photo and reply; staff hide a
//! comment giving the reason inline (no pop-up), open the topic's vote from the topic, and
//! post what was done.

use std::time::Duration;

use fantoccini::Client as Browser;
use linli_api::ids::TopicId;
use linli_api::topics::{NewComment, NewTopic};
use linli_e2e::*;
use serde_json::json;

const STAFF: &str = "13800000001";
const OWNER: &str = "13900000001";
const ELDERLY: &str = "13900000002";


async fn create_topic(app: &WebApp, phone: &str, title: &str) -> TopicId {
    let topic = NewTopic { title: title.into(), body: "请大家说说看法。".into(), images: vec![], vote: None };
    app.api_as(phone).await.create_topic(&topic).await.expect("the topic is created").id
}

async fn no_pop_ups(browser: &Browser, page: &str) {
    let open = script(browser, "return document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]').length").await;
    assert_eq!(open, json!(0), "{page}: a pop-up is open");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elderly_resident_backs_a_proposal_with_one_button_for_the_household() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = create_topic(&app, OWNER, "在 2 栋楼下增设电动车充电桩").await;

    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    click(&elderly, "nav#tiles a[href='/hall']").await;
    let card = text_of(&elderly, &format!("#topic-{id}")).await;
    assert!(card.contains("充电桩") && card.contains("0 / 20"), "the list shows the proposal and its support: {card}");
    click(&elderly, &format!("#topic-{id} a.topic-title")).await;

    let before = text_of(&elderly, "#support .support-count").await;
    assert!(before.contains("0 / 20"), "{before}");
    let size = script(&elderly, "const r = document.querySelector('#support-button').getBoundingClientRect(); return [r.width, r.height]").await;
    assert!(size[0].as_f64().unwrap() >= 280.0 && size[1].as_f64().unwrap() >= 60.0, "a big button: {size}");
    click(&elderly, "#support-button").await;
    wait_until(Duration::from_secs(10), || async { text_of(&elderly, "#supported").await.contains("您家已经支持") })
        .await
        .expect("the page says the household supports it");
    assert!(script(&elderly, "return document.querySelector('#support-button') === null").await == json!(true), "once is enough");
    wait_until(Duration::from_secs(10), || async { text_of(&elderly, "#support .support-count").await.contains("1 / 20") })
        .await
        .expect("the count includes the household");
    assert_eq!(attr_of(&elderly, "#support [role=progressbar]", "aria-valuenow").await.as_deref(), Some("1"));
    assert_no_sideways_scroll(&elderly, "/hall/topics (proposal, 长辈版)").await;
    screenshot(&elderly, "elderly-topic-supported").await;
}

/// A discussion longer than a page: the next comments and a comment's further replies
/// come on request, in place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_discussion_loads_more_comments_and_replies_on_request() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = create_topic(&app, STAFF, "小区停车位规划").await;
    let owner_api = app.api_as(OWNER).await;
    let says = |body: String, reply_to| NewComment { body, images: vec![], reply_to };
    let first = owner_api.comment(id, &says("第 1 条意见".into(), None)).await.unwrap();
    for i in 1..=8 {
        owner_api.comment(id, &says(format!("回复 {i}"), Some(first.id))).await.unwrap();
    }
    for i in 2..=55 {
        owner_api.comment(id, &says(format!("第 {i} 条意见"), None)).await.unwrap();
    }

    let owner = driver.open(PHONE).await;
    sign_in_ui(&owner, &app, OWNER).await;
    owner.goto(&app.url(&format!("/hall/topics/{id}"))).await.unwrap();
    let top_level = "return document.querySelectorAll('#comments > li.comment').length";
    wait_until(Duration::from_secs(10), || async { script(&owner, top_level).await == json!(50) })
        .await
        .expect("the first page of 50 comments");
    let replies = format!("return document.querySelectorAll('#comment-{} .replies > li').length", first.id);
    assert_eq!(script(&owner, &replies).await, json!(5), "a comment comes with its first replies");
    let more_replies = text_of(&owner, &format!("#comment-{} .more-replies", first.id)).await;
    assert!(more_replies.contains('3'), "{more_replies}");
    click(&owner, &format!("#comment-{} .more-replies", first.id)).await;
    wait_until(Duration::from_secs(10), || async { script(&owner, &replies).await == json!(8) })
        .await
        .expect("the other three replies, in place");
    assert!(script(&owner, &format!("return document.querySelector('#comment-{} .more-replies') === null", first.id)).await == json!(true));
    click(&owner, "#more-comments").await;
    wait_until(Duration::from_secs(10), || async { script(&owner, top_level).await == json!(55) })
        .await
        .expect("the last five comments after the first fifty");
    assert!(text_of(&owner, "#comments > li.comment:last-of-type").await.contains("第 55 条意见"));
    assert!(script(&owner, "return document.querySelector('#more-comments') === null").await == json!(true), "nothing more");
    assert_no_sideways_scroll(&owner, "/hall/topics (a long discussion)").await;
    screenshot(&owner, "resident-topic-more-comments").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn residents_discuss_with_photos_and_replies_and_staff_hide_a_comment_inline() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = create_topic(&app, STAFF, "东门加装雨棚：请大家说说意见").await;
    let page = format!("/hall/topics/{id}");

    // The owner comments with a photo.
    let owner = driver.open(PHONE).await;
    sign_in_ui(&owner, &app, OWNER).await;
    owner.goto(&app.url(&page)).await.unwrap();
    text_of(&owner, "#thread-heading").await;
    let photo = workspace_root().join("tests/fixtures/stripes.png").canonicalize().unwrap();
    element(&owner, "#comment-images").await.send_keys(&photo.display().to_string()).await.expect("choose a photo");
    wait_until(Duration::from_secs(10), || async {
        script(&owner, "const img = document.querySelector('#comment-form .thumbs img.photo'); return !!img && img.src.startsWith('blob:') && img.naturalWidth > 0").await == json!(true)
    })
    .await
    .expect("the uploaded photo shows as a thumbnail, loaded with the token");
    fill(&owner, "#comment-body", "支持。最好加宽一点，轮椅也能避雨。").await;
    click(&owner, "#comment-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async { text_of(&owner, "#comments").await.contains("轮椅") })
        .await
        .expect("the comment appears in the thread");
    wait_until(Duration::from_secs(10), || async {
        script(&owner, "const img = document.querySelector('#comments .photos img.photo'); return !!img && img.naturalWidth > 0 && img.alt.length > 0").await == json!(true)
    })
    .await
    .expect("the comment's photo shows, with alt text");
    assert_eq!(prop_of(&owner, "#comment-body", "value").await.as_deref(), Some(""), "the form is emptied");

    // The elderly resident replies under it.
    let elderly = driver.open(PHONE).await;
    sign_in_ui(&elderly, &app, ELDERLY).await;
    elderly.goto(&app.url(&page)).await.unwrap();
    click(&elderly, "#comments li.comment .reply-button").await;
    assert_eq!(attr_of(&elderly, "#comments li.comment .reply-button", "aria-expanded").await.as_deref(), Some("true"));
    fill(&elderly, "#reply-body", "同意，雨棚下面能不能加两张长椅？").await;
    click(&elderly, "#reply-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async { text_of(&elderly, "#comments .replies").await.contains("长椅") })
        .await
        .expect("the reply appears indented under the comment");
    assert!(script(&elderly, "return document.querySelector('#reply-form') === null").await == json!(true), "the reply field closes");
    fill(&elderly, "#comment-body", "这条和议题无关。").await;
    click(&elderly, "#comment-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async { text_of(&elderly, "#comments").await.contains("无关") }).await.unwrap();
    assert_no_sideways_scroll(&elderly, "/hall/topics (thread, 长辈版)").await;
    no_pop_ups(&elderly, "thread").await;
    screenshot(&elderly, "elderly-topic-thread").await;

    // Staff hide the off-topic comment: the reason is asked right there, not in a pop-up.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url(&page)).await.unwrap();
    text_of(&staff, "#comments").await;
    let last = "#comments > li.comment:last-of-type";
    click(&staff, &format!("{last} .hide-button")).await;
    no_pop_ups(&staff, "hide").await;
    click(&staff, "#hide-form button[type=submit]").await;
    assert!(text_of(&staff, "#hide-form").await.contains("请填写"), "a reason is required");
    fill(&staff, "#hide-reason", "与议题无关").await;
    click(&staff, "#hide-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async { text_of(&staff, last).await.contains("与议题无关") })
        .await
        .expect("the comment shows why it was hidden");
    assert!(script(&staff, &format!("return document.querySelector('{last} .hide-button') === null")).await == json!(true));

    // Its author still sees their words, marked hidden; the owner sees only the reason.
    elderly.refresh().await.unwrap();
    wait_until(Duration::from_secs(10), || async { text_of(&elderly, last).await.contains("与议题无关") }).await.unwrap();
    assert!(text_of(&elderly, &format!("{last} .hidden-original")).await.contains("无关"));
    owner.refresh().await.unwrap();
    wait_until(Duration::from_secs(10), || async { text_of(&owner, last).await.contains("与议题无关") }).await.unwrap();
    assert!(!text_of(&owner, last).await.contains("这条和议题无关"), "others do not see the hidden words");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_post_what_was_done_and_open_a_topics_vote_from_the_topic() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let done_id = create_topic(&app, STAFF, "楼道灯坏了好几盏").await;
    let vote_id = create_topic(&app, STAFF, "是否在小广场增设健身器材").await;

    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;

    // A discussion without a vote: staff say what was done; the topic is concluded.
    staff.goto(&app.url(&format!("/hall/topics/{done_id}"))).await.unwrap();
    fill(&staff, "#follow-up-body", "已更换 1 栋、2 栋所有楼道灯。").await;
    click(&staff, "#follow-up-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async {
        script(&staff, "return document.querySelector('#follow-up-form') === null").await == json!(true)
    })
    .await
    .expect("the form gives way to what was posted");
    assert!(text_of(&staff, "#follow-up").await.contains("已更换"));

    // Another: staff open its vote from the topic, and come back to it.
    staff.goto(&app.url(&format!("/hall/topics/{vote_id}"))).await.unwrap();
    click(&staff, "#open-topic-vote").await;
    wait_until(Duration::from_secs(10), || async { prop_of(&staff, "#vote-question", "value").await.unwrap_or_default().contains("健身器材") })
        .await
        .expect("the question starts as the topic's title");
    click(&staff, "#new-vote-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async {
        staff.current_url().await.map(|url| url.path() == format!("/hall/topics/{vote_id}")).unwrap_or(false)
    })
    .await
    .expect("back on the topic");
    text_of(&staff, "#topic-vote .vote-card").await;
    assert!(script(&staff, "return document.querySelector('#open-topic-vote') === null").await == json!(true), "one vote per topic");
    assert!(!text_of(&staff, "#follow-up-wait").await.is_empty(), "what was done waits for the vote to close");
    assert_no_sideways_scroll(&staff, "/hall/topics (vote)").await;
    screenshot(&staff, "topic-with-vote").await;

    // The vote's own page leads back to its discussion.
    click(&staff, "#topic-vote-link").await;
    let back = attr_of(&staff, "#vote-topic-link", "href").await;
    assert_eq!(back.as_deref(), Some(format!("/hall/topics/{vote_id}").as_str()));
}
