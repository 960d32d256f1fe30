//! Family links in the browser at phone size: a resident invites a relative with a code,
//! the relative registers from the link and reads a notice for the resident, the resident
//! changes what they may do, sees it in their history, and revokes the link, which stops
//! the relative at once.

use std::time::Duration;

use linli_e2e::*;

const RESIDENT: &str = "13900000003";
const RELATIVE: &str = "13611112222";
const OWNER: &str = "13900000001";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relative_is_invited_acts_for_the_resident_and_is_revoked() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };

    // The resident creates a family code from Me.
    let resident = driver.open(PHONE).await;
    sign_in_ui(&resident, &app, RESIDENT).await;
    resident.goto(&app.url("/me")).await.unwrap();
    click(&resident, "#me-family").await;
    text_of(&resident, "#my-family-heading").await;
    click(&resident, "#family-invite").await;
    assert_eq!(prop_of(&resident, "#invite-grant-read-notices", "checked").await.as_deref(), Some("true"), "reading is offered first");
    click(&resident, "#invite-grant-vote-proxy").await;
    click(&resident, "form#family-invite-form button[type=submit]").await;
    let code = text_of(&resident, "#family-code-value").await.trim().to_owned();
    assert_eq!(code.len(), 9, "a code like K7PM-4XQ2: {code:?}");
    let link = text_of(&resident, "#family-code .invite-link").await;
    assert!(link.ends_with(&format!("/family/join?code={code}")), "{link}");
    assert_no_sideways_scroll(&resident, "/family/invite").await;

    // The relative, with no account, registers from the link on their own phone.
    let relative = driver.open(PHONE).await;
    relative.goto(&app.url(&format!("/family/join?code={code}"))).await.unwrap();
    assert_eq!(prop_of(&relative, "#family-join-code", "value").await.as_deref(), Some(code.as_str()));
    fill(&relative, "#family-name", "刘小妹").await;
    fill(&relative, "#family-phone", RELATIVE).await;
    fill(&relative, "#family-password", "family password").await;
    click(&relative, "#family-accept-privacy").await;
    click(&relative, "form#family-register button[type=submit]").await;
    let helped = text_of(&relative, "#i-help").await;
    assert!(helped.contains("刘洋"), "{helped}");
    assert!(script(&relative, "return document.querySelector('#my-family') === null").await == serde_json::json!(true),
        "a family account has nobody acting for it");

    // Acting for the resident: their notices, read in their name.
    click(&relative, "#i-help a.button.primary").await;
    let banner = text_of(&relative, "#acting-for").await;
    assert!(banner.contains("刘洋"), "who is being acted for is always visible: {banner}");
    let title = text_of(&relative, "#their-notices li.unread .notice-title").await;
    click(&relative, "#their-notices li.unread a").await;
    assert_eq!(text_of(&relative, "article#notice h1").await, title);
    assert!(element(&relative, "header a.back").await.attr("href").await.unwrap().unwrap().starts_with("/family/for/"));

    // The resident sees it in their history and narrows what the relative may do.
    resident.goto(&app.url("/family/history")).await.unwrap();
    let history = text_of(&resident, "#family-history li[data-kind=read_notice]").await;
    assert!(history.contains("刘小妹") && history.contains(&title), "{history}");
    resident.goto(&app.url("/family")).await.unwrap();
    let link_item = attr_of(&resident, "#my-family li.family-item", "id").await.unwrap();
    let link_id = link_item.trim_start_matches("family-link-");
    click(&resident, &format!("#grant-{link_id}-vote-proxy")).await;
    click(&resident, &format!("#family-save-{link_id}")).await;
    wait_until(Duration::from_secs(10), || async { !text_of(&resident, &format!("#{link_item} .saved")).await.trim().is_empty() })
        .await
        .expect("saving says so in words");

    // Revoking is confirmed in place, and stops the relative at once.
    click(&resident, &format!("#family-revoke-{link_id}")).await;
    click(&resident, &format!("#family-revoke-yes-{link_id}")).await;
    wait_until(Duration::from_secs(10), || async {
        script(&resident, "return document.querySelectorAll('#my-family li').length").await == serde_json::json!(0)
    })
    .await
    .expect("the link is gone from the resident's list");
    relative.refresh().await.unwrap();
    let refused = text_of(&relative, "[role=alert]").await;
    assert!(!refused.trim().is_empty(), "the relative is told in words");
    resident.goto(&app.url("/family/history")).await.unwrap();
    text_of(&resident, "#family-history li[data-kind=revoked]").await;
    let kinds = script(&resident, "return [...document.querySelectorAll('#family-history li')].map(li => li.dataset.kind)").await;
    assert_eq!(kinds, serde_json::json!(["revoked", "grants_changed", "read_notice", "linked"]));
    screenshot(&resident, "resident-family-history").await;

    // A relative who already has an account signs in from the link and comes back to it.
    resident.goto(&app.url("/family/invite")).await.unwrap();
    click(&resident, "form#family-invite-form button[type=submit]").await;
    let code = text_of(&resident, "#family-code-value").await.trim().to_owned();
    let neighbour = driver.open(PHONE).await;
    neighbour.goto(&app.url(&format!("/family/join?code={code}"))).await.unwrap();
    click(&neighbour, "#family-join-sign-in").await;
    fill(&neighbour, "input[name=phone]", OWNER).await;
    fill(&neighbour, "input[name=password]", DEMO_PASSWORD).await;
    click(&neighbour, "form#sign-in button[type=submit]").await;
    assert_eq!(prop_of(&neighbour, "form#family-accept #family-join-code", "value").await.as_deref(), Some(code.as_str()));
    click(&neighbour, "form#family-accept button[type=submit]").await;
    assert!(text_of(&neighbour, "#i-help").await.contains("刘洋"));
}
