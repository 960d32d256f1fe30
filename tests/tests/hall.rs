//! The discussion hall in the browser at phone size: a resident votes with one tap from
//! the list and sees it counted; a neighbour's open vote page shows the count change live;
//! the voter finds their receipt in the published record.

use std::time::Duration;

use linli_api::auth::SignInRequest;
use linli_api::hall::{Eligibility, NewVote, VoteKind};
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
