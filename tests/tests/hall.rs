//! The discussion hall in the browser at phone size: a resident votes with one tap from
//! the list and sees it counted; a neighbour's open vote page shows the count change live;
//! the voter finds their receipt in the published record; an urgent notice carries a vote
//! answered with one tap on the notice; staff schedule a vote to open later; staff see who
//! took part in a secret vote (and not what they chose) and download the result as CSV.

use std::time::Duration;

use linli_api::auth::SignInRequest;
use linli_api::hall::{CastBallot, Eligibility, NewVote, VoteKind};
use linli_e2e::*;

const STAFF: &str = "13800000001";
const VOTER: &str = "13900000001";
const NEIGHBOUR: &str = "13900000002";

/// Staff open a yes/no/abstain vote for every resident, open for three days.
async fn open_vote(app: &WebApp, question: &str, secret: bool) -> linli_api::ids::VoteId {
    let staff = app.api();
    let session = staff.sign_in(&SignInRequest { phone: STAFF.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
    let now = chrono::Utc::now();
    let vote = NewVote {
        question: question.into(),
        description: String::new(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility: Eligibility::Residents,
        matter: None,
        secret,
        final_on_cast: false,
        opens_at: now - chrono::Duration::minutes(1),
        closes_at: now + chrono::Duration::days(3),
    };
    staff.with_token(session.token).create_vote(&vote).await.unwrap().id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_tap_ballot_is_counted_and_a_neighbours_open_page_follows_live() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = open_vote(&app, "是否同意周末在小广场举办跳蚤市场？", false).await;

    // The neighbour (in 长辈版) has the vote open.
    let neighbour = driver.open(PHONE).await;
    sign_in_ui(&neighbour, &app, NEIGHBOUR).await;
    neighbour.goto(&app.url(&format!("/hall/votes/{id}"))).await.unwrap();
    let before = text_of(&neighbour, ".tally .turnout").await;
    assert!(before.contains('0'), "{before}");

    // The voter taps 同意 in the list: one tap.
    let voter = driver.open(PHONE).await;
    sign_in_ui(&voter, &app, VOTER).await;
    click(&voter, "nav#tiles a[href='/hall']").await;
    click(&voter, &format!("#vote-{id}-0")).await;
    let shown = wait_until(Duration::from_secs(10), || async { text_of(&voter, &format!("#vote-{id} .my-ballot")).await.contains("同意") }).await;
    if shown.is_err() {
        screenshot(&voter, "hall-tap-failed").await;
        panic!("the card does not say the ballot is counted: {}", script(&voter, "return document.body.innerText").await);
    }
    let counted = text_of(&voter, &format!("#vote-{id} .my-ballot")).await;
    let receipt: String = counted.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    assert_eq!(receipt.len(), 8, "a receipt in {counted:?}");
    assert!(script(&voter, &format!("return document.querySelector('#vote-{id}-0') === null")).await == serde_json::json!(true),
        "the one-tap buttons give way to the counted ballot");
    assert_no_sideways_scroll(&voter, "/hall").await;

    // The neighbour's page follows without a reload.
    wait_until(Duration::from_secs(10), || async { text_of(&neighbour, ".tally .tally-option .tally-count").await.starts_with('1') })
        .await
        .expect("the neighbour's open page shows the new count live");
    screenshot(&neighbour, "elderly-vote-live-tally").await;
    // Read aloud: the question and the result as it stands. Headless Chromium has no audio,
    // so the page's speech is replaced by a recorder (this tests our side only).
    script(&neighbour, "window.__spoken = []; window.speechSynthesis.speak = u => window.__spoken.push(u.text); return true").await;
    click(&neighbour, ".read-aloud-button").await;
    let spoken = script(&neighbour, "return window.__spoken.join(' ')").await;
    let spoken = spoken.as_str().unwrap_or_default();
    assert!(spoken.contains("跳蚤市场") && spoken.contains("已投 1 票") && spoken.contains("同意 1 票"), "{spoken}");
    assert_no_sideways_scroll(&neighbour, "/hall/votes (长辈版)").await;

    // The voter checks the published record for their receipt.
    voter.goto(&app.url(&format!("/hall/votes/{id}/record"))).await.unwrap();
    text_of(&voter, "#chain li").await;
    fill(&voter, "#receipt", &receipt.to_lowercase()).await;
    wait_until(Duration::from_secs(5), || async { !text_of(&voter, "#receipt-check").await.trim().is_empty() })
        .await
        .expect("the receipt check answers");
    let check = text_of(&voter, "#receipt-check").await;
    assert!(check.contains("已计入"), "{check}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_proxy_votes_for_the_elderly_resident_who_sees_who_cast_it() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = open_vote(&app, "是否同意为老年活动室添置按摩椅？", true).await;

    // The daughter (the demo's family account, with the vote_proxy grant) votes for her mother.
    let daughter = driver.open(PHONE).await;
    sign_in_ui(&daughter, &app, linli_e2e::screens::FAMILY_PHONE).await;
    daughter.goto(&app.url("/family")).await.unwrap();
    click(&daughter, "#i-help a.button.primary").await;
    click(&daughter, &format!("#their-votes #vote-{id}-0")).await;
    wait_until(Duration::from_secs(10), || async { text_of(&daughter, &format!("#vote-{id} .my-ballot")).await.contains("陈小红") })
        .await
        .expect("the card says it was counted, cast by her as proxy");
    assert_no_sideways_scroll(&daughter, "/family/for (votes)").await;

    // The mother, in 长辈版, sees her ballot and who cast it.
    let mother = driver.open(PHONE).await;
    sign_in_ui(&mother, &app, NEIGHBOUR).await;
    mother.goto(&app.url(&format!("/hall/votes/{id}"))).await.unwrap();
    let mine = text_of(&mother, "#my-ballot").await;
    assert!(mine.contains("同意") && mine.contains("陈小红"), "{mine}");
}

/// Staff attach an open vote to an urgent notice in the compose form; the elderly resident
/// opens the notice and answers it with one tap right there, at phone size in 长辈版.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_urgent_notice_carries_a_vote_cast_with_one_tap_on_the_notice() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let id = open_vote(&app, "是否同意本周六上午对 2 栋外墙进行抢修？", false).await;

    // Staff publish the urgent notice with the vote attached.
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/notices/new")).await.unwrap();
    fill(&staff, "input[name=title]", "紧急：2 栋外墙抢修").await;
    fill(&staff, "textarea[name=body_markdown]", "外墙有脱落风险，**请今天内表态**。").await;
    click(&staff, "select[name=category] option[value=urgent]").await;
    click(&staff, "#compose-urgent").await;
    assert!(text_of(&staff, "label[for=compose-vote]").await.contains("投票"));
    click(&staff, &format!("select#compose-vote option[value='{id}']")).await;
    assert_no_sideways_scroll(&staff, "/notices/new (with a vote)").await;
    click(&staff, "form#compose-notice button[type=submit]").await;
    assert_eq!(text_of(&staff, "article#notice h1").await, "紧急：2 栋外墙抢修");
    let notice_id = attr_of(&staff, "article#notice", "data-notice-id").await.expect("the notice's id");
    // Staff see the vote on their notice too, without buttons (they do not vote).
    text_of(&staff, &format!("#notice-vote #vote-{id}")).await;

    // The resident, in 长辈版, opens the notice from the list and taps 同意 once.
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, NEIGHBOUR).await;
    click(&resident, "a.tile[href='/notices']").await;
    click(&resident, &format!("#notice-list li[data-notice-id='{notice_id}'] a")).await;
    assert!(text_of(&resident, "#notice-vote-heading").await.contains("投票"));
    assert!(text_of(&resident, &format!("#notice-vote #vote-{id} .vote-question")).await.contains("外墙"));
    assert_no_sideways_scroll(&resident, "/notices/:id with a vote (长辈版)").await;
    script(&resident, "document.querySelector('#notice-vote').scrollIntoView(); return true").await;
    screenshot(&resident, "elderly-notice-vote").await;
    click(&resident, &format!("#notice-vote #vote-{id}-0")).await;
    let shown = wait_until(Duration::from_secs(10), || async {
        text_of(&resident, &format!("#vote-{id} .my-ballot")).await.contains("同意")
    })
    .await;
    if shown.is_err() {
        screenshot(&resident, "notice-vote-tap-failed").await;
        panic!("the notice's card does not say the ballot is counted: {}", script(&resident, "return document.body.innerText").await);
    }
    assert!(script(&resident, &format!("return document.querySelector('#vote-{id}-0') === null")).await == serde_json::json!(true),
        "the one-tap buttons give way to the counted ballot");
    wait_until(Duration::from_secs(10), || async { text_of(&resident, &format!("#vote-{id} .turnout")).await.contains('1') })
        .await
        .expect("the card's count includes the ballot");
    assert_no_sideways_scroll(&resident, "/notices/:id after voting (长辈版)").await;
    screenshot(&resident, "elderly-notice-vote-counted").await;

    // The ballot is the resident's own, counted on the vote itself.
    let api = app.api();
    let session = api.sign_in(&SignInRequest { phone: NEIGHBOUR.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
    let vote = api.with_token(session.token).vote(id).await.unwrap();
    assert_eq!(vote.my_ballot.map(|ballot| ballot.choices), Some(vec![0]));
    assert_eq!(vote.tally.ballots, 1);

    // Her daughter, reading the notice for her, sees the same card: already counted.
    let daughter = driver.open(PHONE).await;
    sign_in_ui(&daughter, &app, linli_e2e::screens::FAMILY_PHONE).await;
    daughter.goto(&app.url("/family")).await.unwrap();
    click(&daughter, "#i-help a.button.primary").await;
    click(&daughter, &format!("#their-notices a[href$='/notices/{notice_id}']")).await;
    let theirs = text_of(&daughter, &format!("#notice-vote #vote-{id} .my-ballot")).await;
    assert!(theirs.contains("同意"), "{theirs}");
    assert!(daughter.find(fantoccini::Locator::Css(&format!("#vote-{id}-0"))).await.is_err(), "nothing left to tap");
    assert_no_sideways_scroll(&daughter, "/family/for/:resident/notices/:id with a vote").await;
}

/// Sets an `<input>`'s value as typing would (Leptos' `bind:value` listens for `input`);
/// a `datetime-local` takes `2026-11-24T09:30` whatever the browser's own format.
async fn set_input(browser: &fantoccini::Client, css: &str, value: &str) {
    element(browser, css).await;
    let js = format!(
        "const e = document.querySelector({css:?}); e.value = {value:?}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); return e.value"
    );
    assert_eq!(script(browser, &js).await, serde_json::json!(value), "{css} takes {value}");
}

/// Staff schedule a vote from the form: the opening and closing times are typed in the
/// community's zone (China Standard Time), whatever the browser's zone, and the form says in
/// words when the opening is past or the closing comes before it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_schedule_a_vote_to_open_later_in_the_communitys_time_zone() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let cst = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&cst).format("%Y-%m-%dT%H:%M").to_string();
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/hall/new")).await.unwrap();
    fill(&staff, "#vote-question", "是否同意下月起延长小区东门开放时间？").await;
    // "Now" is the default; choosing a later opening offers a time in the zone's words.
    assert_eq!(prop_of(&staff, "#vote-opens-now", "checked").await.as_deref(), Some("true"));
    click(&staff, "#vote-opens-later").await;
    assert!(!prop_of(&staff, "#vote-opens-at", "value").await.unwrap_or_default().is_empty(), "a later opening is offered");
    assert!(text_of(&staff, "#vote-opens-at-hint").await.contains("UTC+08:00"));

    // An opening in the past is refused in words, before anything is sent.
    set_input(&staff, "#vote-opens-at", &local(chrono::Utc::now() - chrono::Duration::hours(2))).await;
    click(&staff, "form#new-vote-form button[type=submit]").await;
    assert!(text_of(&staff, "#vote-opens-at-error").await.contains("已经过去"));
    assert_eq!(attr_of(&staff, "#vote-opens-at", "aria-invalid").await.as_deref(), Some("true"));

    // Tomorrow at 09:30 in Beijing; closing at the same time is refused too.
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).with_timezone(&cst).date_naive();
    let opens_at = tomorrow.and_hms_opt(9, 30, 0).unwrap().and_local_timezone(cst).unwrap().with_timezone(&chrono::Utc);
    set_input(&staff, "#vote-opens-at", &local(opens_at)).await;
    click(&staff, "#vote-closes-at-time").await;
    set_input(&staff, "#vote-closes-at", &local(opens_at)).await;
    click(&staff, "form#new-vote-form button[type=submit]").await;
    assert!(text_of(&staff, "#vote-closes-at-error").await.contains("晚于"));
    assert!(staff.find(fantoccini::Locator::Css("#vote-opens-at-error")).await.is_err(), "the opening is fine now");

    // Closing two days later: the sentence goes as the time is corrected, and the vote is
    // created, scheduled, at exactly those times.
    let closes_at = opens_at + chrono::Duration::days(2);
    set_input(&staff, "#vote-closes-at", &local(closes_at)).await;
    wait_until(Duration::from_secs(5), || async { staff.find(fantoccini::Locator::Css("#vote-closes-at-error")).await.is_err() })
        .await
        .expect("the closing time is fine now");
    assert!(text_of(&staff, "#vote-closes-preview").await.contains("截止"));
    assert_no_sideways_scroll(&staff, "/hall/new (scheduled)").await;
    script(&staff, "document.querySelector('#vote-opens').scrollIntoView(); return true").await;
    screenshot(&staff, "staff-vote-scheduled").await;
    click(&staff, "form#new-vote-form button[type=submit]").await;
    wait_until(Duration::from_secs(10), || async {
        staff.current_url().await.is_ok_and(|url| url.path().starts_with("/hall/votes/"))
    })
    .await
    .expect("the form goes to the new vote");
    let url = staff.current_url().await.unwrap();
    let id: i64 = url.path().trim_start_matches("/hall/votes/").parse().expect("on the vote's page");
    let api = app.api();
    let session = api.sign_in(&SignInRequest { phone: STAFF.into(), password: DEMO_PASSWORD.into() }).await.unwrap();
    let vote = api.with_token(session.token).vote(linli_api::ids::VoteId(id)).await.unwrap();
    assert_eq!(vote.phase, linli_api::hall::VotePhase::Scheduled);
    assert_eq!((vote.opens_at, vote.closes_at), (opens_at, closes_at));
}


/// Catches the page's downloads instead of letting the browser save them: a click on an
/// `<a download>` with a Blob URL is cancelled, and what the file would have held is kept in
/// `window.__download` (its name, the Blob's type, whether it starts with a UTF-8 byte order
/// mark, and its text with that mark kept).
const CATCH_DOWNLOADS: &str = r#"
window.__download = null;
document.addEventListener("click", event => {
    const link = event.target.closest && event.target.closest("a[download]");
    if (!link || !link.href.startsWith("blob:")) return;
    event.preventDefault();
    const file = { name: link.getAttribute("download"), href: link.href, done: false };
    window.__download = file;
    fetch(link.href)
        .then(response => { file.type = response.headers.get("content-type"); return response.arrayBuffer(); })
        .then(buffer => {
            const bytes = new Uint8Array(buffer);
            file.bom = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
            file.text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(buffer);
            file.done = true;
        })
        .catch(error => { file.error = String(error); file.done = true; });
}, true);
return true;
"#;

/// Staff open a secret vote; two residents vote. From the vote page at phone size, staff
/// follow the link to who took part: both names with their households and times, a line
/// saying the vote is secret, and no choices anywhere. Back on the vote page, "Download
/// result (CSV)" saves the server's CSV behind a byte order mark as `vote-<id>.csv`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_who_took_part_in_a_secret_vote_and_download_the_result() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let question = "是否同意在 1 栋门口增设快递柜？";
    let id = open_vote(&app, question, true).await;
    // 王建国 votes yes, 陈秀英 no.
    for (phone, choice) in [(VOTER, 0), (NEIGHBOUR, 1)] {
        app.api_as(phone).await.cast_ballot(id, &CastBallot { choices: vec![choice] }).await.unwrap();
    }

    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url(&format!("/hall/votes/{id}"))).await.unwrap();
    assert_eq!(text_of(&staff, "#vote h1").await, question);
    assert!(text_of(&staff, "#export-csv").await.contains("CSV"));
    assert_no_sideways_scroll(&staff, "/hall/votes/:id (staff)").await;
    click(&staff, "#participants-link").await;
    wait_until(Duration::from_secs(10), || async {
        staff.current_url().await.is_ok_and(|url| url.path() == format!("/hall/votes/{id}/participants"))
    })
    .await
    .expect("the link goes to the participants page");

    // The question heading is drawn once the list has loaded (the loading view has a title).
    assert_eq!(text_of(&staff, "#participants-question").await, question);
    assert!(text_of(&staff, "#participants-secret").await.contains("不记名"));
    assert!(text_of(&staff, "#participants-count").await.contains('2'));
    let list = text_of(&staff, "#participants").await;
    assert!(list.contains("王建国") && list.contains("陈秀英"), "{list}");
    assert!(list.contains("栋") && list.contains("投票时间"), "households and times: {list}");
    let cards = script(&staff, "return document.querySelectorAll('#participants li.participant').length").await;
    assert_eq!(cards, serde_json::json!(2));
    // Secret: nobody's choice is on the page.
    let page = script(&staff, "return document.querySelector('main').innerText").await;
    let page = page.as_str().unwrap_or_default();
    assert!(!page.contains("反对") && !page.contains("选择："), "no choices on a secret vote's list: {page}");
    assert!(staff.find(fantoccini::Locator::Css(".participant-choice")).await.is_err());
    assert_no_sideways_scroll(&staff, "/hall/votes/:id/participants").await;
    screenshot(&staff, "staff-vote-participants").await;
    assert_eq!(attr_of(&staff, "header a.back", "href").await.as_deref(), Some(format!("/hall/votes/{id}").as_str()));

    // Back to the vote, and the download, caught before the browser saves it.
    click(&staff, "#participants-back").await;
    assert_eq!(text_of(&staff, "#vote h1").await, question);
    script(&staff, CATCH_DOWNLOADS).await;
    click(&staff, "#export-csv").await;
    wait_until(Duration::from_secs(10), || async {
        script(&staff, "return !!(window.__download && window.__download.done)").await == serde_json::json!(true)
    })
    .await
    .expect("the button saves a file");
    let file = script(&staff, "return window.__download").await;
    assert_eq!(file["error"], serde_json::Value::Null, "{file}");
    assert_eq!(file["name"], serde_json::json!(format!("vote-{id}.csv")));
    assert_eq!(file["type"], serde_json::json!("text/csv;charset=utf-8"));
    assert_eq!(file["bom"], serde_json::json!(true), "a UTF-8 byte order mark first, for Excel");
    let csv = app.api_as(STAFF).await.export_vote_csv(id).await.unwrap();
    assert!(csv.contains(question), "{csv}");
    assert_eq!(file["text"].as_str(), Some(format!("\u{feff}{csv}").as_str()), "the file holds the server's CSV");
    assert!(text_of(&staff, "#export-csv-status").await.contains(&format!("vote-{id}.csv")));
    // The Blob URL does not outlive the download.
    wait_until(Duration::from_secs(15), || async {
        script(
            &staff,
            "fetch(window.__download.href).then(() => {}, () => { window.__revoked = true }); return window.__revoked === true",
        )
        .await
            == serde_json::json!(true)
    })
    .await
    .expect("the Blob URL is revoked after the download");
    assert_no_sideways_scroll(&staff, "/hall/votes/:id after the download").await;
}
