//! The household register (房屋台账) and printed invite codes in the browser, against the
//! real server.
//!
//! Staff at phone size pick the property company's sample ledger in the file input, check it
//! and read what is wrong with line 28 in words; pick a corrected copy, check and import it
//! (40 new homes); import a generated ledger of 200 homes; page through the register; change
//! one home's area; give the demo owner a reset code and mark him moved out. Then they print
//! invite codes for one building (and the print layout puts eight cards on an A4 page), and a
//! new resident registers in a second, signed-out browser with a code taken from the page and
//! lands in that home. That walk runs on PostgreSQL (a real service's database; every other
//! browser test runs on SQLite, and the server's own tests cover both).
//!
//! The same import once at desktop width, and the screens once in 长辈版, with axe-core over
//! the states the shared screen tour never reaches (a checked ledger, a reset code, a move-out
//! question, a wrong area, printed cards).

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::PrintConfiguration;
use fantoccini::Client as Browser;
use linli_api::auth::{Locale, SignInRequest, UpdatePreferences};
use linli_api::ids::HouseholdId;
use linli_e2e::*;
use serde_json::json;

const STAFF: &str = "13800000001";
const OWNER: &str = "13900000001";
const NEW_RESIDENT: &str = "13700000123";
const DESKTOP: (u32, u32) = (1280, 800);

/// The sample ledger: 40 homes, and on line 28 the area `12O.35` (a letter O for a zero).
fn sample_ledger() -> PathBuf {
    workspace_root().join("server/samples/ledger.csv").canonicalize().expect("the sample ledger")
}

/// The sample with line 28 put right, as a file of its own.
fn corrected_ledger(folder: &Path) -> PathBuf {
    let text = std::fs::read_to_string(sample_ledger()).unwrap();
    assert!(text.contains("12O.35"), "the sample still has its mistake");
    let path = folder.join("ledger-corrected.csv");
    std::fs::write(&path, text.replace("12O.35", "120.35")).unwrap();
    path
}

/// A ledger of `homes` homes in new buildings (10号楼 on), 40 to a building, each with an owner.
fn generated_ledger(folder: &Path, homes: usize) -> PathBuf {
    let mut csv = String::from("楼栋,单元,房号,专有面积(㎡),业主姓名,业主电话\n");
    for n in 0..homes {
        let building = 10 + n / 40;
        let unit = 1 + (n / 20) % 2;
        let room = 101 + (n % 20) / 2 * 100 + n % 2;
        csv.push_str(&format!("{building}号楼,{unit}单元,{room},{}.{:02},业主{n},139{:08}\n", 60 + n % 70, n % 100, 20_000_000 + n));
    }
    let path = folder.join("ledger-generated.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

/// Picks `file` in the ledger's file input and waits until the page has read it.
async fn pick(browser: &Browser, file: &Path) {
    element(browser, "#ledger-file").await.send_keys(&file.display().to_string()).await.expect("choose the ledger");
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    wait_for_text(browser, "#ledger-status", &name, "the chosen file is named").await;
}

/// Picks, checks and imports a ledger with nothing wrong; waits for the new homes.
async fn import(browser: &Browser, file: &Path, homes: u32) {
    pick(browser, file).await;
    click(browser, "#ledger-check").await;
    wait_for_text(browser, "#ledger-preview-figures-households", &homes.to_string(), "the check counts the new homes").await;
    click(browser, "#ledger-apply").await;
    wait_for_text(browser, "#ledger-result-text", &format!("新增 {homes} 户"), "the import says what it did").await;
}

/// A home of the register, found through the API.
async fn household(api: &linli_api::Client, building: &str, unit: &str, room: &str) -> HouseholdId {
    let mut after = None;
    loop {
        let page = api.register_page(after.as_deref(), Some(100)).await.expect("a page of the register");
        if let Some(entry) = page.entries.iter().find(|e| (e.household.building.as_str(), e.household.unit.as_str(), e.household.room.as_str()) == (building, unit, room)) {
            return entry.household.id;
        }
        after = Some(page.next.unwrap_or_else(|| panic!("no {building} {unit} {room} in the register")));
    }
}

async fn count(browser: &Browser, css: &str) -> u64 {
    script(browser, &format!("return document.querySelectorAll({}).length", json!(css))).await.as_u64().unwrap_or(0)
}

/// The smallest font size of visible text under `css`, in CSS px.
async fn smallest_text(browser: &Browser, css: &str) -> f64 {
    let js = format!(
        r#"let min = 1e9;
           for (const el of document.querySelectorAll({} + " *")) {{
               const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
               const r = el.getBoundingClientRect();
               if (own && r.width > 1 && r.height > 1) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
           }}
           return min;"#,
        json!(css)
    );
    script(browser, &js).await.as_f64().unwrap_or(0.0)
}

/// How many pages a PDF has (Chromium writes each page object uncompressed).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_import_the_ledger_keep_the_register_and_print_invite_codes_a_neighbour_registers_with() {
    let Some(app) = start_web_app_on_postgres().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let folder = tempfile::tempdir().unwrap();
    let staff_api = app.api_as(STAFF).await;
    let before = staff_api.register_page(None, None).await.unwrap().households_total;

    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    click(&staff, "nav#tiles a[href='/households']").await;
    settled(&staff, "/households").await;
    wait_for_text(&staff, "#register-total", &format!("共 {before} 户"), "the register counts the demo's homes").await;

    // The sample has a mistake on line 28: said in words, and nothing to import.
    pick(&staff, &sample_ledger()).await;
    click(&staff, "#ledger-check").await;
    wait_for_text(&staff, "#ledger-problems", "第 28 行 · 面积：不是有效的面积（12O.35）", "line 28's area is named").await;
    wait_for_text(&staff, "#ledger-problems-count", "有 1 处需要改正", "the problems are counted").await;
    assert_eq!(count(&staff, "#ledger-apply").await, 0, "nothing to import while a row is wrong");
    assert_no_sideways_scroll(&staff, "/households (problems)").await;
    let axe = axe_source();
    let mut violations = axe_violations(&staff, axe.as_deref()).await;
    screenshot(&staff, "households-problems").await;
    assert_eq!(staff_api.register_page(None, None).await.unwrap().households_total, before, "a check writes nothing");

    // The corrected copy: 40 new homes, imported.
    let corrected = corrected_ledger(folder.path());
    pick(&staff, &corrected).await;
    assert_eq!(count(&staff, "#ledger-preview").await, 0, "a new file forgets the old check");
    click(&staff, "#ledger-check").await;
    wait_for_text(&staff, "#ledger-preview-figures-households", "40", "40 new homes").await;
    wait_for_text(&staff, "#ledger-preview-figures-buildings", "2", "in two new buildings").await;
    screenshot(&staff, "households-ready").await;
    click(&staff, "#ledger-apply").await;
    wait_for_text(&staff, "#ledger-result-text", "导入完成：新增 40 户，更正 0 户。", "the import says what it did").await;
    wait_for_text(&staff, "#register-total", &format!("共 {} 户", before + 40), "the register below follows").await;
    assert_no_sideways_scroll(&staff, "/households (imported)").await;
    screenshot(&staff, "households-imported").await;
    assert_eq!(staff_api.register_page(None, None).await.unwrap().households_total, before + 40);

    // A generated ledger of 200 homes.
    import(&staff, &generated_ledger(folder.path(), 200), 200).await;
    let total = before + 240;
    wait_for_text(&staff, "#register-total", &format!("共 {total} 户"), "200 more").await;

    // The register comes a page at a time.
    wait_until(Duration::from_secs(15), || async { count(&staff, "#register-list > li").await == 50 }).await.expect("a first page of 50");
    click(&staff, "#register-more").await;
    wait_until(Duration::from_secs(15), || async { count(&staff, "#register-list > li").await == 100 }).await.expect("the next 50 added");
    let first = household(&staff_api, "1号楼", "1单元", "102").await;
    wait_for_text(&staff, &format!("#household-{first}"), "120.35 ㎡", "an entry shows its area").await;
    wait_for_text(&staff, &format!("#household-{first}"), "李秀英（139****1002）", "and its owner with the phone masked").await;
    assert_no_sideways_scroll(&staff, "/households (list)").await;
    screenshot(&staff, "households-list").await;

    // One home: its area changes, its owner keeps the phone on record.
    click(&staff, &format!("#household-{first} a")).await;
    wait_for_text(&staff, "main h1", "1号楼 1单元 102", "the home's page").await;
    wait_for_text(&staff, "#owner-0-phone-hint", "139****1002", "the phone on record is shown masked").await;
    fill(&staff, "#household-area", "92.055").await;
    click(&staff, "#household-save").await;
    wait_for_text(&staff, "#floor-area-centi-m2-error", "最多两位小数", "a wrong area is said in words at its input").await;
    assert_eq!(attr_of(&staff, "#household-area", "aria-invalid").await.as_deref(), Some("true"));
    fill(&staff, "#household-area", "92.05").await;
    fill(&staff, "#household-note", "2026 年 12 月核对过产权证").await;
    click(&staff, "#household-save").await;
    wait_for_text(&staff, "#household-saved", "已保存", "saved").await;
    wait_for_text(&staff, "#household-area-shown", "92.05 ㎡", "the new area shows").await;
    assert_no_sideways_scroll(&staff, "/households/:id").await;
    screenshot(&staff, "household-edited").await;
    let saved = staff_api.household(first).await.unwrap();
    assert_eq!(saved.floor_area_centi_m2, 9205, "92.05 m² exactly");
    assert_eq!(saved.owners[0].phone_masked.as_deref(), Some("139****1002"), "the phone on record is kept");
    assert_eq!(saved.note, "2026 年 12 月核对过产权证");

    // The demo owner's home: a reset code to hand over, then he moves out.
    let owner_api = app.api_as(OWNER).await;
    let owner = owner_api.me().await.unwrap();
    let home = owner.household.clone().expect("the owner's home").id;
    staff.goto(&app.url(&format!("/households/{home}"))).await.unwrap();
    click(&staff, &format!("#reset-{}", owner.id)).await;
    let code = text_of(&staff, &format!("#reset-code-value-{}", owner.id)).await;
    assert!(code.len() == 9 && code.chars().filter(char::is_ascii_digit).count() == 8, "eight digits shown as 1234 5678: {code:?}");
    wait_for_text(&staff, &format!("#reset-code-{}", owner.id), "有效期至", "until when it works, as the server said").await;
    wait_for_text(&staff, &format!("#reset-code-{}", owner.id), "当面交给本人", "hand it over in person").await;
    click(&staff, &format!("#move-out-{}", owner.id)).await;
    wait_for_text(&staff, &format!("#move-out-confirm-{}", owner.id), "退出登录", "moving out is confirmed first").await;
    assert_no_sideways_scroll(&staff, "/households/:id (move out)").await;
    violations.extend(axe_violations(&staff, axe.as_deref()).await);
    screenshot(&staff, "household-residents").await;
    click(&staff, &format!("#move-out-yes-{}", owner.id)).await;
    wait_for_text(&staff, "#household-moved-out", "王建国已从这一户移除", "moved out").await;
    assert_eq!(count(&staff, &format!("#resident-{}", owner.id)).await, 0, "his card is gone");
    assert!(owner_api.me().await.is_err(), "he is signed out");
    assert!(staff_api.household(home).await.unwrap().residents.iter().all(|r| r.id != owner.id), "and off the home");

    // Invite codes on paper for 1号楼.
    staff.goto(&app.url("/invites")).await.unwrap();
    click(&staff, "#invites-print-link").await;
    settled(&staff, "/invites/print").await;
    let buildings = staff_api.buildings().await.unwrap();
    let building = buildings.iter().find(|b| b.name == "1号楼").expect("1号楼 was imported").id;
    click(&staff, &format!("#print-building option[value='{building}']")).await;
    click(&staff, "#print-prepare").await;
    wait_for_text(&staff, "#invite-sheet-count", "共 20 户的邀请码", "one card per home of 1号楼").await;
    assert_eq!(count(&staff, "#print-cards > li.print-card").await, 20);
    assert!(attr_of(&staff, ".print-card img", "alt").await.is_some_and(|alt| alt.contains("二维码")), "the QR code has a text alternative");
    assert_eq!(count(&staff, "#print-sheet").await, 1, "a print button");
    assert_no_sideways_scroll(&staff, "/invites/print").await;
    violations.extend(axe_violations(&staff, axe.as_deref()).await);
    assert!(violations.is_empty(), "axe: {violations:#?}");
    screenshot(&staff, "invites-print").await;
    // On paper: only the cards, eight to an A4 page.
    let pdf = staff.print(PrintConfiguration::builder().build().unwrap()).await.expect("print to PDF");
    std::fs::write(artifacts_dir().join("invites-print.pdf"), &pdf).unwrap();
    assert_eq!(pdf_pages(&pdf), 3, "20 cards on 3 A4 pages");

    let card = element(&staff, "#print-cards > li.print-card").await;
    let card_id = card.attr("id").await.unwrap().unwrap();
    let card_home = HouseholdId(card_id.trim_start_matches("print-card-").parse().unwrap());
    let place = text_of(&staff, &format!("#{card_id} .print-card-place")).await;
    let code = text_of(&staff, &format!("#{card_id} .print-card-code")).await;

    // A neighbour registers with the printed code, in a browser of her own.
    let neighbour = driver.open(PHONE).await;
    neighbour.goto(&app.url("/register")).await.unwrap();
    fill(&neighbour, "input[name=invite_code]", &code).await;
    fill(&neighbour, "input[name=phone]", NEW_RESIDENT).await;
    fill(&neighbour, "input[name=name]", "林晓").await;
    fill(&neighbour, "input[name=password]", "a good password").await;
    click(&neighbour, "input[name=accept_privacy_policy]").await;
    click(&neighbour, "form#register button[type=submit]").await;
    text_of(&neighbour, "nav#tiles").await;
    neighbour.goto(&app.url("/me")).await.unwrap();
    wait_for_text(&neighbour, "main", &place, "she is signed in, in the home on the card").await;
    let session = app.api().sign_in(&SignInRequest { phone: NEW_RESIDENT.into(), password: "a good password".into() }).await.unwrap();
    assert_eq!(session.me.household.map(|h| h.id), Some(card_home), "registered into the card's home");

    // Preparing again: her home needs no code any more; the others keep theirs.
    click(&staff, "#print-prepare").await;
    wait_for_text(&staff, "#invite-sheet-count", "共 19 户的邀请码", "her home is done").await;
    assert_eq!(count(&staff, &format!("#print-card-{card_home}")).await, 0);
    neighbour.close().await.unwrap();
    staff.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_import_works_at_desktop_width_too() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let folder = tempfile::tempdir().unwrap();
    let staff = driver.open(DESKTOP).await;
    sign_in_ui(&staff, &app, STAFF).await;
    staff.goto(&app.url("/households")).await.unwrap();
    settled(&staff, "/households").await;
    pick(&staff, &sample_ledger()).await;
    click(&staff, "#ledger-check").await;
    wait_for_text(&staff, "#ledger-problems li[data-line='28']", "12O.35", "line 28 at desktop width").await;
    screenshot(&staff, "households-problems-desktop").await;
    import(&staff, &corrected_ledger(folder.path()), 40).await;
    assert_no_sideways_scroll(&staff, "/households (desktop)").await;
    screenshot(&staff, "households-imported-desktop").await;
    staff.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_screens_in_elderly_mode() {
    let Some(app) = start_web_app().await else { return };
    let Some(driver) = chromedriver().await else { return };
    let axe = axe_source();
    if axe.is_none() {
        eprintln!("axe-core is not installed: the states the tour cannot reach are not audited");
    }
    let staff_api = app.api_as(STAFF).await;
    let change = UpdatePreferences { elderly_mode: Some(true), locale: Some(Locale::ZhCn) };
    staff_api.update_preferences(&change).await.unwrap();
    let staff = driver.open(PHONE).await;
    sign_in_ui(&staff, &app, STAFF).await;
    assert_eq!(script(&staff, "return document.documentElement.classList.contains('elderly')").await, json!(true), "长辈版 is on");

    staff.goto(&app.url("/households")).await.unwrap();
    settled(&staff, "/households").await;
    assert_big_target(&staff, "label[for='ledger-file']").await;
    pick(&staff, &sample_ledger()).await;
    assert_big_target(&staff, "#ledger-check").await;
    click(&staff, "#ledger-check").await;
    wait_for_text(&staff, "#ledger-problems", "第 28 行", "line 28 in 长辈版").await;
    assert_no_sideways_scroll(&staff, "/households (长辈版)").await;
    assert!(smallest_text(&staff, "#ledger-import").await >= 24.0, "the check's result in 长辈版 type");
    let mut violations = axe_violations(&staff, axe.as_deref()).await;
    screenshot(&staff, "households-problems-elderly").await;

    let owner = app.api_as(OWNER).await.me().await.unwrap();
    let home = owner.household.expect("the owner's home").id;
    staff.goto(&app.url(&format!("/households/{home}"))).await.unwrap();
    settled(&staff, "/households/:id").await;
    assert_big_target(&staff, &format!("#reset-{}", owner.id)).await;
    assert_big_target(&staff, "#owner-add").await;
    screenshot(&staff, "household-elderly").await;
    click(&staff, &format!("#reset-{}", owner.id)).await;
    text_of(&staff, &format!("#reset-code-value-{}", owner.id)).await;
    click(&staff, &format!("#move-out-{}", owner.id)).await;
    assert_big_target(&staff, &format!("#move-out-yes-{}", owner.id)).await;
    fill(&staff, "#household-area", "九十二").await;
    click(&staff, "#household-save").await;
    text_of(&staff, "#floor-area-centi-m2-error").await;
    assert_no_sideways_scroll(&staff, "/households/:id (长辈版)").await;
    assert!(smallest_text(&staff, "#household-residents").await >= 24.0, "the residents in 长辈版 type");
    violations.extend(axe_violations(&staff, axe.as_deref()).await);
    screenshot(&staff, "household-reset-code-elderly").await;

    staff.goto(&app.url("/invites/print")).await.unwrap();
    settled(&staff, "/invites/print").await;
    click(&staff, "#print-prepare").await;
    text_of(&staff, "#print-cards > li.print-card").await;
    assert_big_target(&staff, "#print-sheet").await;
    assert_no_sideways_scroll(&staff, "/invites/print (长辈版)").await;
    assert!(smallest_text(&staff, "#print-cards").await >= 24.0, "the cards in 长辈版 type");
    violations.extend(axe_violations(&staff, axe.as_deref()).await);
    screenshot(&staff, "invites-print-elderly").await;
    assert!(violations.is_empty(), "axe in 长辈版: {violations:#?}");
    staff.close().await.unwrap();
}
