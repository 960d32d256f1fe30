//! Setting up a real community on both databases: from the command line on an empty
//! server (create, list, add staff, import the sample ledger), and in the app by the street
//! office's administrator (a community, its first staff account, every community at a glance).

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Backend, ADMIN, STAFF};
use linli_api::admin::{NewAccountRequest, NewCommunity, ResetPassword};
use linli_api::auth::{Role, SignInRequest};
use linli_api::{Client, ErrorCode};
use linli_server::state::Clock;
use linli_server::Config;

const SAMPLE_LEDGER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/ledger.csv");

/// What one run of `linli-server …` did: its success, standard output and standard error.
struct Ran {
    ok: bool,
    out: String,
    err: String,
}

fn linli_server(database_url: &str, args: &[&str], stdin: &str) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_linli-server"))
        .args(args)
        .env("LINLI_DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    Ran {
        ok: output.status.success(),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

async fn empty_database(backend: Backend, folder: &tempfile::TempDir) -> Option<String> {
    Some(match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", folder.path().join("linli.db").display()),
        Backend::Postgres => common::fresh_postgres_database(&common::postgres_url()?).await,
    })
}

async fn a_community_is_set_up_from_the_command_line(backend: Backend) {
    let folder = tempfile::tempdir().unwrap();
    let Some(url) = empty_database(backend, &folder).await else { return };
    for help in [&["--help"][..], &["community", "create", "--help"], &["staff", "add", "--help"], &["import", "--help"]] {
        let ran = linli_server(&url, help, "");
        assert!(ran.ok && ran.out.contains("Usage"), "{help:?}: {}", ran.err);
    }
    let ran = linli_server(&url, &["staff", "add", "--help"], "");
    assert!(ran.out.contains("never from the command line"), "{}", ran.out);

    let create = |name: &str, phone: &str| linli_server(&url, &["community", "create", "--name", name, "--service-phone", phone], "");
    let ran = create("阳光苑社区", "021-6666-0100");
    assert!(ran.ok, "{}", ran.err);
    assert!(ran.out.contains("阳光苑社区") && ran.out.contains("id 1"), "{}", ran.out);
    let ran = create("阳光苑社区", "021-6666-0100");
    assert!(!ran.ok && ran.err.contains("name"), "a second community of one name: {}", ran.err);
    let ran = create("海棠湾社区", "call us");
    assert!(!ran.ok && ran.err.contains("service_phone"), "{}", ran.err);
    let ran = linli_server(&url, &["community", "create", "--name", "海棠湾社区", "--service-phone", "0898-1234", "--time-zone", "Mars/Base"], "");
    assert!(!ran.ok && ran.err.contains("time_zone"), "{}", ran.err);
    let ran = linli_server(&url, &["community", "list"], "");
    assert!(ran.ok && ran.out.contains("阳光苑社区") && !ran.out.contains("海棠湾"), "{}", ran.out);

    let add = |args: &[&str], stdin: &str| {
        let mut all = vec!["staff", "add"];
        all.extend_from_slice(args);
        linli_server(&url, &all, stdin)
    };
    let ran = add(&["--community", "7", "--phone", "13800000011", "--name", "周主任"], "a good password\n");
    assert!(!ran.ok && ran.err.contains("no community has the id 7"), "{}", ran.err);
    let ran = add(&["--community", "1", "--phone", "13800000011", "--name", "周主任"], "");
    assert!(!ran.ok && ran.err.contains("no password"), "{}", ran.err);
    let ran = add(&["--community", "1", "--phone", "13800000011", "--name", "周主任"], "short\n");
    assert!(!ran.ok && ran.err.contains("password_too_short"), "{}", ran.err);
    let ran = add(&["--community", "1", "--phone", "12345", "--name", "周主任"], "a good password\n");
    assert!(!ran.ok && ran.err.contains("invalid_phone"), "{}", ran.err);
    let ran = add(&["--community", "1", "--phone", "13800000011", "--name", "周主任"], "a good password\n");
    assert!(ran.ok, "{}", ran.err);
    let ran = add(&["--community", "1", "--phone", "13800000011", "--name", "周主任"], "a good password\n");
    assert!(!ran.ok && ran.err.contains("phone"), "one account per phone: {}", ran.err);

    // The sample ledger has one bad row: nothing is imported until it is fixed.
    let ran = linli_server(&url, &["import", "--community", "1", SAMPLE_LEDGER], "");
    assert!(!ran.ok, "{}", ran.out);
    assert!(ran.out.contains("line 28: floor_area: area_not_a_number (\"12O.35\")"), "{}", ran.out);
    assert!(ran.err.contains("1 problem"), "{}", ran.err);
    let fixed = folder.path().join("ledger.csv");
    std::fs::write(&fixed, std::fs::read_to_string(SAMPLE_LEDGER).unwrap().replace("12O.35", "120.35")).unwrap();
    let fixed = fixed.display().to_string();
    let ran = linli_server(&url, &["import", "--community", "1", "--dry-run", &fixed], "");
    assert!(ran.ok && ran.out.contains("would import 2 new buildings, 4 new units, 40 new households"), "{}", ran.out);
    let ran = linli_server(&url, &["import", "--community", "1", &fixed], "");
    assert!(ran.ok && ran.out.contains("imported 2 new buildings, 4 new units, 40 new households"), "{}", ran.out);
    let ran = linli_server(&url, &["import", "--community", "1", &fixed], "");
    assert!(ran.ok && ran.out.contains("40 unchanged"), "{}", ran.out);
    let ran = linli_server(&url, &["import", "--community", "1", "/no/such/ledger.csv"], "");
    assert!(!ran.ok && ran.err.contains("cannot read"), "{}", ran.err);

    // The server on that database: staff sign in and find the register.
    let mut config = Config::for_tests(url);
    config.web_dir = folder.path().join("no-web");
    let running = linli_server::spawn(config, Clock::system()).await.unwrap();
    let staff = Client::new(running.url());
    let session = staff.sign_in(&SignInRequest { phone: "13800000011".into(), password: "a good password".into() }).await.unwrap();
    assert_eq!((session.me.role, session.me.community.name.as_str()), (Role::Staff, "阳光苑社区"));
    let staff = staff.with_token(session.token);
    let page = staff.register_page(None, Some(100)).await.unwrap();
    assert_eq!(page.households_total, 40);
    running.stop().await;
}

async fn the_administrator_sets_up_a_community_and_sees_every_community(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let admin = app.sign_in(ADMIN).await;
    let community = NewCommunity { name: " 海棠湾社区 ".into(), service_phone: "0898-8888-0100".into(), time_zone: None };
    let created = admin.create_community(&community).await.unwrap();
    assert_eq!((created.name.as_str(), created.utc_offset_minutes), ("海棠湾社区", 480));
    assert_eq!(admin.create_community(&community).await.unwrap_err().code(), ErrorCode::CommunityExists);
    let far_west = NewCommunity { name: "天山社区".into(), service_phone: "0991-1234567".into(), time_zone: Some("Asia/Urumqi".into()) };
    assert_eq!(admin.create_community(&far_west).await.unwrap().utc_offset_minutes, 360);

    let first = NewAccountRequest { name: "吴主任".into(), phone: "13822220001".into(), role: Role::Staff };
    let issued = admin.open_community_account(created.id, &first).await.unwrap();
    assert_eq!(admin.open_community_account(linli_api::ids::CommunityId(9999), &first).await.unwrap_err().code(), ErrorCode::NotFound);
    let merchant = NewAccountRequest { role: Role::Merchant, ..first.clone() };
    assert_eq!(admin.open_community_account(created.id, &merchant).await.unwrap_err().field(), Some("role"));
    let session = app
        .client()
        .reset_password(&ResetPassword { phone: first.phone.clone(), code: issued.code.clone(), new_password: "吴主任的密码01".into() })
        .await
        .unwrap();
    assert_eq!(session.me.community.id, created.id);
    let new_staff = app.client().with_token(session.token);
    let ledger = std::fs::read_to_string(SAMPLE_LEDGER).unwrap().replace("12O.35", "120.35");
    new_staff.import_ledger("text/csv", ledger.into_bytes(), true).await.unwrap();
    assert_eq!(new_staff.register_page(None, None).await.unwrap().households_total, 40);

    let overview = admin.community_overview(None, None).await.unwrap();
    assert_eq!(overview.communities_total, 3);
    let demo = &overview.communities[0];
    assert_eq!(demo.households_on_record, 36);
    assert!(demo.residents >= 3 && demo.households_registered >= 2, "{demo:?}");
    assert!(demo.votes_open + demo.campaigns_running > 0, "the demo has something running: {demo:?}");
    let haitang = overview.communities.iter().find(|entry| entry.community.id == created.id).unwrap();
    assert_eq!((haitang.households_on_record, haitang.households_registered, haitang.residents), (40, 0, 0));
    // Page by page, the same communities.
    let first_page = admin.community_overview(None, Some(2)).await.unwrap();
    let second_page = admin.community_overview(first_page.next, Some(2)).await.unwrap();
    assert_eq!(first_page.communities.len() + second_page.communities.len(), 3);
    assert_eq!(second_page.next, None);

    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.community_overview(None, None).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(staff.create_community(&far_west).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(new_staff.open_community_account(created.id, &first).await.unwrap_err().code(), ErrorCode::Forbidden);
}

on_both_databases!(a_community_is_set_up_from_the_command_line, the_administrator_sets_up_a_community_and_sees_every_community);
