//! Temporary: axe over the opened states of the accounts screens.
use fantoccini::Client as Browser;
use linli_e2e::*;
use serde_json::{json, Value};

async fn violations(browser: &Browser) -> Vec<String> {
    let axe = std::fs::read_to_string(std::path::PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/linli/tools/npm/node_modules/axe-core/axe.min.js")).unwrap();
    if script(browser, "return typeof window.axe").await != json!("object") {
        browser.execute(&axe, vec![]).await.unwrap();
    }
    let found = browser.execute_async(r#"const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
          .then(r => done(r.violations.map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))));"#, vec![]).await.unwrap();
    match found { Value::Array(l) => l.into_iter().map(|v| v.to_string()).collect(), _ => vec![] }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opened_states() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let mut all = Vec::new();
    for elderly in [false, true] {
        let b = driver.open(PHONE).await;
        b.goto(&app.url("/privacy")).await.unwrap();
        script(&b, &format!("localStorage.setItem('linli.elderly', '{elderly}')")).await;
        sign_in_ui(&b, &app, "13800000004").await;
        if elderly { script(&b, "return 1").await; }
        b.goto(&app.url("/accounts")).await.unwrap();
        text_of(&b, "#accounts-list h3").await;
        click(&b, "#accounts-open-toggle").await;
        click(&b, "#open-account-submit").await;
        text_of(&b, "#name-error").await;
        let shop = app.api_as("13800000003").await.me().await.unwrap().id;
        click(&b, &format!("#account-{shop}-reset")).await;
        text_of(&b, &format!("#account-{shop}-code-value")).await;
        let prop = app.api_as("13800000002").await.me().await.unwrap().id;
        click(&b, &format!("#account-{prop}-disable")).await;
        text_of(&b, &format!("#account-{prop}-confirm-text")).await;
        all.extend(violations(&b).await.into_iter().map(|v| format!("accounts {elderly}: {v}")));
        if let Some(p) = reflow_problem(&b).await { all.push(format!("accounts reflow {elderly}: {p}")); }
        b.goto(&app.url("/admin/communities")).await.unwrap();
        click(&b, "#new-community-toggle").await;
        script(&b, "const s = document.querySelector('#new-community-zone'); s.value = 'other'; s.dispatchEvent(new Event('change'));").await;
        fill(&b, &"#new-community-name", &format!("测试社区{elderly}")).await;
        fill(&b, "#new-community-phone", "021-5555-0101").await;
        fill(&b, "#new-community-offset", "x").await;
        click(&b, "#new-community-submit").await;
        text_of(&b, "#time-zone-error").await;
        all.extend(violations(&b).await.into_iter().map(|v| format!("communities form {elderly}: {v}")));
        fill(&b, "#new-community-offset", "+08:00").await;
        click(&b, "#new-community-submit").await;
        fill(&b, "#first-staff-name", "王五").await;
        fill(&b, "#first-staff-phone", if elderly { "13711110001" } else { "13711110002" }).await;
        click(&b, "#first-staff-submit").await;
        text_of(&b, "#first-staff-code-value").await;
        all.extend(violations(&b).await.into_iter().map(|v| format!("communities code {elderly}: {v}")));
        if let Some(p) = reflow_problem(&b).await { all.push(format!("communities reflow {elderly}: {p}")); }
        b.goto(&app.url("/me")).await.unwrap();
        click(&b, "#password-change-submit").await;
        text_of(&b, "#current-password-error").await;
        click(&b, "#sign-out-everywhere").await;
        text_of(&b, "#sign-out-everywhere-question").await;
        all.extend(violations(&b).await.into_iter().map(|v| format!("me {elderly}: {v}")));
        b.close().await.ok();
    }
    assert!(all.is_empty(), "{all:#?}");
}
