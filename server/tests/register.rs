//! The household register over real HTTP on both databases: importing the property
//! company's ledger (bad rows write nothing, a re-import changes nothing, a correction
//! corrects), paging, export, editing a household, an owners' vote that keeps the register
//! it was published with, residents moving out, and isolation between communities.

mod common;

use chrono::{Duration, Utc};
use common::{Backend, OWNER, RESIDENT, STAFF};
use linli_api::auth::{Locale, RegisterRequest};
use linli_api::community::{InviteSheetRequest, NewInvite};
use linli_api::hall::{CastBallot, Eligibility, Matter, NewVote, VoteKind};
use linli_api::ids::HouseholdId;
use linli_api::register::{HouseholdChange, LedgerColumn, LedgerProblem, OwnerInput};
use linli_api::{Client, ErrorCode};

const CSV: &str = "text/csv";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A ledger of the `buildings` (numbered; the demo has 1栋 to 3栋) × 2 units × `rooms`
/// households, with a title row above the header as property companies write them; every
/// household has an owner with a phone.
fn ledger(buildings: std::ops::RangeInclusive<usize>, rooms: usize) -> String {
    let mut text = String::from("幸福里小区房屋台账（2026年12月）\n楼栋,单元,房号,专有面积(㎡),业主姓名,业主电话\n");
    for building in buildings {
        for unit in 1..=2 {
            for room in 0..rooms {
                let floor = room / 4 + 1;
                let door = room % 4 + 1;
                let phone = format!("150{:08}", building * 100_000 + unit * 1000 + room);
                text.push_str(&format!("{building}栋,{unit}单元,{floor}0{door},{}.{:02},业主{building}{unit}{room},{phone}\n", 80 + room, room % 100));
            }
        }
    }
    text
}

async fn import(staff: &Client, text: &str, apply: bool) -> linli_api::register::ImportSummary {
    staff.import_ledger(CSV, text.as_bytes().to_vec(), apply).await.unwrap()
}

async fn a_ledger_with_bad_rows_writes_nothing_and_a_good_one_imports_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let households_before = app.count("households").await;
    let audit_before = app.count("audit_log").await;

    let bad = "楼栋,单元,房号,面积,业主,电话\n\
               1栋,1单元,101,89.50,王一,13900001111\n\
               1栋,1单元,101,90,王二,\n\
               1栋,1单元,102,八十,王三,\n\
               1栋,1单元,103,0,王四,\n\
               1栋,1单元,104,88,王五,12345\n\
               ,1单元,105,88,王六,\n\
               1栋,1单元,106,88.123,\"王七\",\n";
    for apply in [false, true] {
        let summary = import(&staff, bad, apply).await;
        assert!(!summary.applied);
        let found: Vec<(u32, LedgerColumn, LedgerProblem)> =
            summary.problems.iter().map(|problem| (problem.line, problem.column, problem.problem)).collect();
        assert_eq!(
            found,
            vec![
                (3, LedgerColumn::Room, LedgerProblem::DuplicateRoom),
                (4, LedgerColumn::FloorArea, LedgerProblem::AreaNotANumber),
                (5, LedgerColumn::FloorArea, LedgerProblem::AreaOutOfRange),
                (6, LedgerColumn::OwnerPhones, LedgerProblem::PhoneInvalid),
                (7, LedgerColumn::Building, LedgerProblem::Missing),
                (8, LedgerColumn::FloorArea, LedgerProblem::AreaNotANumber),
            ]
        );
        assert_eq!(summary.problems_total, 6);
        assert_eq!(summary.rows, 7);
    }
    assert_eq!(app.count("households").await, households_before, "nothing written while a row is bad");
    assert_eq!(app.count("audit_log").await, audit_before);

    // Unreadable files and files without the needed headers say so, and write nothing.
    let error = staff.import_ledger(CSV, vec![0xFF, 0xFE, 0x00, 0x81, 0x30], true).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(422), ErrorCode::LedgerUnreadable));
    let error = staff.import_ledger(CSV, "名称,备注\n甲,乙\n".as_bytes().to_vec(), true).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::LedgerColumnsMissing, Some("building")));
    let error = staff.import_ledger("image/png", ledger(11..=11, 2).into_bytes(), true).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::UnsupportedMediaType);

    let good = ledger(11..=12, 50);
    let preview = import(&staff, &good, false).await;
    assert_eq!(
        (preview.rows, preview.buildings_new, preview.units_new, preview.households_new, preview.applied),
        (200, 2, 4, 200, false)
    );
    assert_eq!(app.count("households").await, households_before, "a preview writes nothing");
    let imported = import(&staff, &good, true).await;
    assert!(imported.applied);
    assert_eq!(imported.households_new, 200);
    assert_eq!(app.count("households").await, households_before + 200);
    assert_eq!(app.count("household_owners").await, 201, "the demo owner and one owner per imported household");

    let again = import(&staff, &good, true).await;
    assert_eq!((again.households_new, again.households_changed, again.households_unchanged, again.applied), (0, 0, 200, false));
    let audit_after_import = app.count("audit_log").await;
    assert_eq!(audit_after_import, audit_before + 1, "one line for the import, none for the repeat");

    // The same file as Excel writes it in China (GB18030) is the same register.
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&good);
    let same = staff.import_ledger(CSV, gb18030.into_owned(), true).await.unwrap();
    assert_eq!((same.households_unchanged, same.applied), (200, false));

    // A corrected area corrects that household and nothing else.
    let corrected = good.replace("11栋,1单元,101,80.00", "11栋,1单元,101,81.25");
    assert_ne!(corrected, good);
    let summary = import(&staff, &corrected, true).await;
    assert_eq!((summary.households_changed, summary.households_unchanged, summary.applied), (1, 199, true));
    let page = staff.register_page(None, Some(100)).await.unwrap();
    let entry = page.entries.iter().find(|entry| entry.household.building == "11栋" && entry.household.room == "101" && entry.household.unit == "1单元").unwrap();
    assert_eq!(entry.floor_area_centi_m2, 8125);
    assert_eq!(entry.owners[0].phone_masked.as_deref(), Some("150****1000"));

    // Many corrections at once: every area one square metre larger.
    let larger: String = good
        .lines()
        .enumerate()
        .map(|(index, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            if index >= 2 {
                let (metres, centi) = cells[3].split_once('.').unwrap();
                cells[3] = format!("{}.{centi}", metres.parse::<i64>().unwrap() + 1);
            }
            cells.join(",") + "\n"
        })
        .collect();
    let summary = import(&staff, &larger, true).await;
    assert_eq!((summary.households_changed, summary.applied), (200, true));
    let page = staff.register_page(None, Some(100)).await.unwrap();
    let entry = page.entries.iter().find(|entry| entry.household.building == "11栋" && entry.household.room == "101" && entry.household.unit == "1单元").unwrap();
    assert_eq!(entry.floor_area_centi_m2, 8100, "80.00 → 81.00 (the 81.25 correction was undone by this file)");

    // The export imports back unchanged, and the export itself is audit-logged.
    let exported = staff.register_csv().await.unwrap();
    assert!(exported.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel");
    let round_trip = staff.import_ledger(CSV, exported, false).await.unwrap();
    assert_eq!((round_trip.problems_total, round_trip.households_new, round_trip.households_changed), (0, 0, 0));
    assert_eq!(app.count("audit_log").await, audit_after_import + 3);
}

async fn an_excel_ledger_imports_like_its_csv(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in ["Building", "Unit", "Room", "Floor area (m²)", "Owner", "Owner phone"].iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    for row in 1..=30u32 {
        sheet.write_string(row, 0, "A座").unwrap();
        sheet.write_string(row, 1, "").unwrap();
        sheet.write_number(row, 2, f64::from(100 + row)).unwrap();
        sheet.write_number(row, 3, 88.5).unwrap();
        sheet.write_string(row, 4, format!("业主{row}")).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let summary = staff.import_ledger(XLSX, bytes.clone(), true).await.unwrap();
    assert_eq!((summary.households_new, summary.problems_total, summary.applied), (30, 0, true));
    let again = staff.import_ledger(XLSX, bytes, true).await.unwrap();
    assert_eq!(again.households_unchanged, 30);
    let page = staff.register_page(None, Some(100)).await.unwrap();
    let room = page.entries.iter().find(|entry| entry.household.building == "A座" && entry.household.room == "101").unwrap();
    assert_eq!(room.floor_area_centi_m2, 8850, "a number cell of 88.5 m²");
}

async fn the_register_pages_in_building_unit_and_room_order(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    import(&staff, &ledger(4..=11, 6), true).await;
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = staff.register_page(after.as_deref(), Some(17)).await.unwrap();
        assert!(page.entries.len() <= 17);
        seen.extend(page.entries.iter().map(|entry| entry.household.clone()));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
        assert_eq!(page.households_total, app.count("households").await);
    }
    assert_eq!(seen.len() as i64, app.count("households").await, "every household once");
    let mut ids: Vec<HouseholdId> = seen.iter().map(|label| label.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), seen.len());
    let position = |building: &str| seen.iter().position(|label| label.building == building).unwrap();
    assert!(position("9栋") < position("10栋"), "numbers by value");
    assert!(position("3栋") < position("4栋"));
    let error = staff.register_page(Some("not a cursor"), None).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(400), ErrorCode::InvalidQuery));
    let resident = app.sign_in(RESIDENT).await;
    assert_eq!(resident.register_page(None, None).await.unwrap_err().code(), ErrorCode::Forbidden);
}

fn owners_vote(now: chrono::DateTime<Utc>) -> NewVote {
    NewVote {
        question: "是否同意改造小区停车场？".into(),
        description: "按《民法典》第二百七十八条表决。".into(),
        kind: VoteKind::YesNoAbstain,
        options: vec![],
        max_choices: None,
        eligibility: Eligibility::Owners,
        matter: Some(Matter::CommonPartsUse),
        secret: false,
        final_on_cast: false,
        opens_at: now - Duration::minutes(1),
        closes_at: now + Duration::days(7),
    }
}

async fn an_owners_vote_counts_the_register_as_it_stood_when_published(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let household = owner.me().await.unwrap().household.unwrap().id;
    let before = staff.household(household).await.unwrap();
    let vote = staff.create_vote(&owners_vote(Utc::now())).await.unwrap();
    let electorate = vote.tally.owners.clone().unwrap().thresholds[0].of;
    let units = vote.tally.eligible;

    // While it runs, staff correct the owner's area and a whole building joins the register.
    staff.change_household(household, &HouseholdChange { floor_area_centi_m2: Some(before.floor_area_centi_m2 + 5000), ..Default::default() }).await.unwrap();
    import(&staff, &ledger(11..=11, 10), true).await;

    let cast = owner.cast_ballot(vote.id, &CastBallot { choices: vec![0] }).await.unwrap();
    let decision = cast.tally.owners.unwrap();
    assert_eq!(decision.thresholds[0].of, electorate, "the electorate's area is the published one");
    assert_eq!(decision.thresholds[0].count, before.floor_area_centi_m2, "the ballot weighs the area of record at publishing");
    assert_eq!(cast.tally.eligible, units, "households added later are not in this vote");
    let mut conn = app.db().pool.acquire().await.unwrap();
    let community = owner.me().await.unwrap().community.id;
    let row = linli_server::hall::storage::find_vote(&mut conn, community, vote.id).await.unwrap().unwrap();
    let sizes = linli_server::hall::routes::community_sizes(&mut conn, community).await.unwrap();
    let kept = linli_server::hall::routes::tally(&mut conn, &sizes, &row).await.unwrap();
    assert_eq!(kept, linli_server::hall::routes::recount(&mut conn, &row).await.unwrap(), "a recount agrees");

    // A vote published now counts the register as it is now.
    let later = staff.create_vote(&owners_vote(Utc::now())).await.unwrap();
    assert_eq!(later.tally.eligible, units + 20);
    assert_eq!(later.tally.owners.unwrap().thresholds[0].of, electorate + 5000 + (0..10).map(|room| (80 + room) * 100 + room).sum::<i64>() * 2);
}

async fn staff_edit_a_household_and_every_change_is_audited(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let household = owner.me().await.unwrap().household.unwrap().id;
    let detail = staff.household(household).await.unwrap();
    assert_eq!(detail.owners[0].name, "王建国");
    assert_eq!(detail.owners[0].phone_masked.as_deref(), Some("139****0001"));
    assert!(detail.residents.iter().any(|resident| resident.name == "王建国" && resident.is_owner));
    let audit_before = app.count("audit_log").await;

    let change = HouseholdChange {
        floor_area_centi_m2: Some(9205),
        owners: Some(vec![
            OwnerInput { name: "王建国".into(), phone: None, keep_phone_of: Some(0) },
            OwnerInput { name: "李桂芳".into(), phone: Some("13911112222".into()), keep_phone_of: None },
        ]),
        note: Some("产权证已核对".into()),
    };
    let changed = staff.change_household(household, &change).await.unwrap();
    assert_eq!(changed.floor_area_centi_m2, 9205);
    assert_eq!(changed.owners.len(), 2);
    assert_eq!(changed.owners[0].phone_masked.as_deref(), Some("139****0001"), "kept");
    assert_eq!(changed.note, "产权证已核对");
    assert!(owner.me().await.unwrap().is_owner, "still an owner by the phone on record");
    let (action, detail): (String, String) =
        sqlx::query_as("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(action, "household_changed");
    assert!(detail.contains("area") && detail.contains("92.05") && detail.contains("李桂芳"), "{detail}");
    assert_eq!(app.count("audit_log").await, audit_before + 1);

    // Correcting an owner's name keeps the phone on record at that place.
    let renamed = HouseholdChange {
        owners: Some(vec![
            OwnerInput { name: "王建國".into(), phone: None, keep_phone_of: Some(0) },
            OwnerInput { name: "李桂芳".into(), phone: None, keep_phone_of: Some(1) },
        ]),
        ..Default::default()
    };
    let changed = staff.change_household(household, &renamed).await.unwrap();
    assert_eq!(changed.owners[0].name, "王建國");
    assert_eq!(changed.owners[0].phone_masked.as_deref(), Some("139****0001"), "renamed, phone kept");
    assert_eq!(changed.owners[1].phone_masked.as_deref(), Some("139****2222"));
    assert!(owner.me().await.unwrap().is_owner);

    // Dropping him from the owners of record makes him a resident who is not an owner.
    let without = HouseholdChange { owners: Some(vec![OwnerInput { name: "李桂芳".into(), phone: None, keep_phone_of: Some(1) }]), ..Default::default() };
    staff.change_household(household, &without).await.unwrap();
    assert!(!owner.me().await.unwrap().is_owner);
    // An owner without a phone before one with a phone survives the export and re-import.
    let gap = HouseholdChange {
        owners: Some(vec![
            OwnerInput { name: "王小明".into(), phone: None, keep_phone_of: None },
            OwnerInput { name: "李桂芳".into(), phone: None, keep_phone_of: Some(0) },
        ]),
        ..Default::default()
    };
    staff.change_household(household, &gap).await.unwrap();
    let round_trip = staff.import_ledger(CSV, staff.register_csv().await.unwrap(), false).await.unwrap();
    assert_eq!((round_trip.problems_total, round_trip.households_changed), (0, 0), "{round_trip:?}");

    // Bad input changes nothing.
    for (bad, field) in [
        (HouseholdChange { floor_area_centi_m2: Some(0), ..Default::default() }, "floor_area_centi_m2"),
        (HouseholdChange { note: Some("x\u{0}".into()), ..Default::default() }, "note"),
        (HouseholdChange { owners: Some(vec![OwnerInput { name: "甲".into(), phone: Some("123".into()), keep_phone_of: None }]), ..Default::default() }, "owners[0].phone"),
    ] {
        let error = staff.change_household(household, &bad).await.unwrap_err();
        assert_eq!((error.status(), error.field()), (Some(422), Some(field)));
    }
    assert_eq!(staff.household(household).await.unwrap().floor_area_centi_m2, 9205);
    assert_eq!(staff.household(HouseholdId(999_999)).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(owner.household(household).await.unwrap_err().code(), ErrorCode::Forbidden);
}

async fn an_owner_on_record_is_recognised_when_registering(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    import(&staff, "楼栋,单元,房号,面积,业主,电话\n8栋,1单元,101,95,赵业主、钱家人,13655550001\n", true).await;
    let page = staff.register_page(None, Some(100)).await.unwrap();
    let household = page.entries.iter().find(|entry| entry.household.building == "8栋").unwrap().household.id;
    let register = |phone: &str, code: &str| RegisterRequest {
        invite_code: code.into(),
        phone: phone.into(),
        name: "新住户".into(),
        password: "a good password".into(),
        accept_privacy_policy: true,
        locale: Some(Locale::ZhCn),
    };
    let invite = staff.create_invite(&NewInvite { household_id: household }).await.unwrap();
    let owner = app.client().register(&register("13655550001", &invite.code)).await.unwrap();
    assert!(owner.me.is_owner, "the phone on the register is the owner's");
    let tenant = app.client().register(&register("13655550002", &invite.code)).await.unwrap();
    assert!(!tenant.me.is_owner);
}

async fn a_resident_who_moved_out_is_signed_out_and_leaves_the_household(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let resident = app.sign_in(RESIDENT).await;
    let me = resident.me().await.unwrap();
    let household = me.household.unwrap().id;
    let users_before = app.count("users").await;
    staff.move_out(me.id).await.unwrap();

    assert_eq!(resident.me().await.unwrap_err().code(), ErrorCode::Unauthenticated, "signed out at once");
    let error = app.client().sign_in(&linli_api::auth::SignInRequest { phone: RESIDENT.into(), password: linli_server::seed::DEMO_PASSWORD.into() }).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::AccountDisabled));
    assert!(staff.household(household).await.unwrap().residents.iter().all(|person| person.id != me.id));
    assert_eq!(app.count("users").await, users_before, "the account and its records stay");
    let (moved_out,): (Option<i64>,) =
        sqlx::query_as("SELECT household_id FROM users WHERE id = $1").bind(me.id.0).fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(moved_out, None);
    assert_eq!(staff.move_out(me.id).await.unwrap_err().code(), ErrorCode::NotFound, "only once");

    // Moving into another household: the same phone registers again with the password it
    // had, and the same account (its records, its history) lives on in the new household.
    let new_home = staff.register_page(None, Some(100)).await.unwrap().entries.into_iter().map(|entry| entry.household.id)
        .find(|id| *id != household).unwrap();
    let invite = staff.create_invite(&NewInvite { household_id: new_home }).await.unwrap();
    let again = |password: &str| RegisterRequest {
        invite_code: invite.code.clone(),
        name: "王秀兰".into(),
        phone: RESIDENT.into(),
        password: password.into(),
        accept_privacy_policy: true,
        locale: Some(Locale::ZhCn),
    };
    let error = app.client().register(&again("not-her-old-password")).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::PhoneTaken, "someone else's phone is still taken");
    let back = app.client().register(&again(linli_server::seed::DEMO_PASSWORD)).await.unwrap();
    assert_eq!(back.me.id, me.id, "the same account");
    assert_eq!(back.me.household.unwrap().id, new_home);
    assert_eq!(app.count("users").await, users_before);
    assert!(staff.household(new_home).await.unwrap().residents.iter().any(|person| person.id == me.id));
    let error = app.client().register(&again(linli_server::seed::DEMO_PASSWORD)).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::PhoneTaken, "once moved in, the phone is taken again");
}

async fn another_communitys_register_is_out_of_reach(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let (_, other_staff_phone, other_resident_phone) = app.add_other_community().await;
    let other_staff = app.sign_in(&other_staff_phone).await;
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let household = owner.me().await.unwrap().household.unwrap().id;
    let owner_id = owner.me().await.unwrap().id;

    assert_eq!(other_staff.household(household).await.unwrap_err().code(), ErrorCode::NotFound);
    let change = HouseholdChange { floor_area_centi_m2: Some(1), ..Default::default() };
    assert_eq!(other_staff.change_household(household, &change).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(other_staff.move_out(owner_id).await.unwrap_err().code(), ErrorCode::NotFound);
    let theirs = other_staff.register_page(None, None).await.unwrap();
    assert_eq!((theirs.entries.len(), theirs.households_total), (1, 1));
    assert_eq!(theirs.entries[0].household.building, "9栋");
    // An import into their community leaves ours alone, even with the same building names.
    other_staff.import_ledger(CSV, ledger(11..=11, 4).into_bytes(), true).await.unwrap();
    let ours = staff.register_page(None, Some(100)).await.unwrap();
    assert!(ours.entries.iter().all(|entry| entry.household.building != "11栋"));
    let other_resident = app.sign_in(&other_resident_phone).await;
    assert!(other_resident.me().await.unwrap().household.is_some());
    assert_eq!(staff.household(other_resident.me().await.unwrap().household.unwrap().id).await.unwrap_err().code(), ErrorCode::NotFound);
}

async fn staff_print_invites_for_the_households_awaiting_residents(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    import(&staff, &ledger(11..=12, 50), true).await;
    let building = staff.buildings().await.unwrap().into_iter().find(|building| building.name == "11栋").unwrap();
    let one_building = InviteSheetRequest { building: Some(building.id), after: None };
    let sheet = staff.invite_sheet(&one_building).await.unwrap();
    assert_eq!((sheet.invites.len(), sheet.next.as_deref()), (100, None));
    assert!(sheet.invites.iter().all(|invite| invite.household.building == "11栋" && invite.qr_svg.contains("<svg")));
    // Compared without the QR codes, which would fill a failure's message.
    let codes = |invites: &[linli_api::community::PrintedInvite]| -> Vec<(HouseholdId, String, chrono::DateTime<Utc>)> {
        invites.iter().map(|invite| (invite.household.id, invite.code.clone(), invite.expires_at)).collect()
    };
    let again = staff.invite_sheet(&one_building).await.unwrap();
    assert_eq!(codes(&again.invites), codes(&sheet.invites), "printing again hands out the same codes");
    let csv = String::from_utf8(staff.invite_sheet_csv(&one_building).await.unwrap()).unwrap();
    assert_eq!(csv.lines().count(), 101);
    assert!(sheet.invites.iter().all(|invite| csv.contains(&invite.code)), "the CSV has the printed codes");

    // The whole community, page by page: every household where nobody registered, once.
    let awaiting: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.household_id = h.id)")
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let mut whole = InviteSheetRequest::default();
    let mut printed = Vec::new();
    loop {
        let page = staff.invite_sheet(&whole).await.unwrap();
        assert!(page.invites.len() <= 200);
        printed.extend(page.invites);
        match page.next {
            Some(next) => whole.after = Some(next),
            None => break,
        }
    }
    assert_eq!(printed.len() as i64, awaiting.0);
    let printed = codes(&printed);
    assert!(codes(&sheet.invites).iter().all(|invite| printed.contains(invite)), "the building's codes again");

    // A resident registers with a printed code: that household leaves the sheet, the others keep theirs.
    let used = &sheet.invites[7];
    let registration = RegisterRequest {
        invite_code: used.code.clone(),
        phone: "13677778888".into(),
        name: "新住户".into(),
        password: "a good password".into(),
        accept_privacy_policy: true,
        locale: Some(Locale::ZhCn),
    };
    let session = app.client().register(&registration).await.unwrap();
    assert_eq!(session.me.household.unwrap().id, used.household.id);
    let after = staff.invite_sheet(&one_building).await.unwrap();
    assert_eq!(after.invites.len(), 99);
    let before = codes(&sheet.invites);
    assert!(codes(&after.invites).iter().all(|invite| invite.0 != used.household.id && before.contains(invite)));

    let (_, other_staff, _) = app.add_other_community().await;
    let other_staff = app.sign_in(&other_staff).await;
    assert_eq!(other_staff.invite_sheet(&one_building).await.unwrap_err().code(), ErrorCode::NotFound);
    let resident = app.sign_in(RESIDENT).await;
    assert_eq!(resident.invite_sheet(&one_building).await.unwrap_err().code(), ErrorCode::Forbidden);
}

on_both_databases!(
    a_ledger_with_bad_rows_writes_nothing_and_a_good_one_imports_once,
    an_excel_ledger_imports_like_its_csv,
    the_register_pages_in_building_unit_and_room_order,
    an_owners_vote_counts_the_register_as_it_stood_when_published,
    staff_edit_a_household_and_every_change_is_audited,
    an_owner_on_record_is_recognised_when_registering,
    a_resident_who_moved_out_is_signed_out_and_leaves_the_household,
    another_communitys_register_is_out_of_reach,
    staff_print_invites_for_the_households_awaiting_residents,
);
