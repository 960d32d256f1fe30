//! The harness every server test uses: the real server on a random loopback port, over a
//! fresh database (a SQLite file in a temporary folder, or a new PostgreSQL database), with
//! the demo community seeded, talked to through `linli_api::Client` over real HTTP.

#![allow(dead_code)]

use chrono::Utc;
use linli_api::auth::{Role, SignInRequest};
use linli_api::ids::{CommunityId, UserId};
use linli_api::community::HouseholdEntry;
use linli_api::Client;
use linli_server::auth::storage::{insert_account, NewAccount};
use linli_server::community::storage as community;
use linli_server::seed::DEMO_PASSWORD;
use linli_server::state::Clock;
use linli_server::{Config, Running};

pub const STAFF: &str = "13800000001";
pub const PROPERTY: &str = "13800000002";
pub const MERCHANT: &str = "13800000003";
pub const OWNER: &str = "13900000001";
pub const ELDERLY: &str = "13900000002";
pub const RESIDENT: &str = "13900000003";
/// The street office's administrator.
pub const ADMIN: &str = "13800000004";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub running: Running,
    _folder: tempfile::TempDir,
}

impl TestApp {
    pub fn client(&self) -> Client {
        Client::new(self.running.url())
    }

    pub async fn sign_in(&self, phone: &str) -> Client {
        self.sign_in_with(phone, DEMO_PASSWORD).await
    }

    pub async fn sign_in_with(&self, phone: &str, password: &str) -> Client {
        let session = self
            .client()
            .sign_in(&SignInRequest { phone: phone.into(), password: password.into() })
            .await
            .unwrap_or_else(|e| panic!("sign-in of {phone} failed: {e}"));
        self.client().with_token(session.token)
    }

    pub fn db(&self) -> &linli_server::db::Db {
        &self.running.state.db
    }

    /// A second community with one staff member and one resident, for isolation tests.
    /// Returns their phone numbers (password `DEMO_PASSWORD`).
    pub async fn add_other_community(&self) -> (CommunityId, String, String) {
        let now = Utc::now();
        let mut tx = self.db().pool.begin().await.unwrap();
        let id = community::insert_community(&mut tx, "对面社区", "021-0000-0000", 480, now).await.unwrap();
        let building = community::insert_building(&mut tx, id, "9栋").await.unwrap();
        let households = community::insert_unit_with_rooms(&mut tx, id, building, "1单元", &[("901", 9000)]).await.unwrap();
        let hash = linli_server::auth::password::hash(DEMO_PASSWORD.into()).await.unwrap();
        let add = |phone: &'static str, role: Role, household| NewAccount {
            community: id,
            household,
            role,
            name: "外社区",
            phone,
            password_hash: &hash,
            is_owner: false,
            locale: Default::default(),
            consented_at: Some(now),
            now,
        };
        let staff = add("13700000001", Role::Staff, None);
        let resident = add("13700000002", Role::Resident, Some(households[0]));
        let _: UserId = insert_account(&mut tx, &staff).await.unwrap();
        let _: UserId = insert_account(&mut tx, &resident).await.unwrap();
        tx.commit().await.unwrap();
        (id, "13700000001".into(), "13700000002".into())
    }

    /// `n` residents of the demo community, each in a household of their own in a new
    /// building, signed in. Accounts and sessions are written directly: signing in `n`
    /// times would mostly measure argon2.
    pub async fn residents_of_new_households(&self, building_name: &str, n: usize) -> Vec<Client> {
        let now = Utc::now();
        let (community,): (i64,) = sqlx::query_as("SELECT id FROM communities ORDER BY id").fetch_one(&self.db().pool).await.unwrap();
        let community = CommunityId(community);
        let mut tx = self.db().pool.begin().await.unwrap();
        let building = community::insert_building(&mut tx, community, building_name).await.unwrap();
        let rooms: Vec<String> = (0..100).map(|room| format!("{}{:02}", room / 10 + 1, room % 10 + 1)).collect();
        let mut households = Vec::with_capacity(n);
        for unit in 0..n.div_ceil(100) {
            let these: Vec<(&str, i64)> = rooms.iter().take(n - households.len()).map(|room| (room.as_str(), 9000)).collect();
            households.extend(community::insert_unit_with_rooms(&mut tx, community, building, &format!("{}单元", unit + 1), &these).await.unwrap());
        }
        let hash = linli_server::auth::password::hash(DEMO_PASSWORD.into()).await.unwrap();
        let base = self.client();
        let mut clients = Vec::with_capacity(n);
        for (index, household) in households.into_iter().enumerate() {
            let phone = format!("17{:09}", building.0 * 100_000 + index as i64);
            let account = person(community, Some(household), Role::Resident, "团购居民", &phone, &hash, now);
            clients.push(signed_in_account(&mut tx, &base, &account).await);
        }
        tx.commit().await.unwrap();
        clients
    }

    /// `n` more people of `role` in the demo community (the property company's handlers,
    /// say), signed in. Written directly, like [`Self::residents_of_new_households`].
    pub async fn colleagues(&self, role: Role, n: usize) -> Vec<Client> {
        let now = Utc::now();
        let (community,): (i64,) = sqlx::query_as("SELECT id FROM communities ORDER BY id").fetch_one(&self.db().pool).await.unwrap();
        let hash = linli_server::auth::password::hash(DEMO_PASSWORD.into()).await.unwrap();
        let base = self.client();
        let mut tx = self.db().pool.begin().await.unwrap();
        let mut clients = Vec::with_capacity(n);
        for index in 0..n {
            let phone = format!("166{:08}", index);
            let name = format!("同事{}", index + 1);
            let account = person(CommunityId(community), None, role, &name, &phone, &hash, now);
            clients.push(signed_in_account(&mut tx, &base, &account).await);
        }
        tx.commit().await.unwrap();
        clients
    }

    pub async fn count(&self, table: &str) -> i64 {
        let (count,): (i64,) =
            sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&self.db().pool).await.unwrap();
        count
    }
}

/// A consenting non-owner's account.
fn person<'a>(
    community: CommunityId,
    household: Option<linli_api::ids::HouseholdId>,
    role: Role,
    name: &'a str,
    phone: &'a str,
    password_hash: &'a str,
    now: chrono::DateTime<Utc>,
) -> NewAccount<'a> {
    NewAccount { community, household, role, name, phone, password_hash, is_owner: false, locale: Default::default(), consented_at: Some(now), now }
}

/// Writes the account and a session for it, and returns the client signed in with it.
async fn signed_in_account(conn: &mut sqlx::AnyConnection, base: &Client, account: &NewAccount<'_>) -> Client {
    let now = account.now;
    let user = insert_account(&mut *conn, account).await.unwrap();
    let secret = linli_server::auth::token::new_token();
    let hashed = linli_server::auth::token::hash_token(&secret);
    linli_server::auth::storage::create_session(conn, user, &hashed, now, now + chrono::Duration::days(30)).await.unwrap();
    base.clone().with_token(secret)
}

/// The PostgreSQL server the test command started, if any. Without one the PostgreSQL
/// variants skip, unless `LINLI_REQUIRE_POSTGRES=1` (set by the test command) makes that a failure.
pub fn postgres_url() -> Option<String> {
    match std::env::var("LINLI_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("LINLI_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("LINLI_REQUIRE_POSTGRES=1 but LINLI_TEST_POSTGRES_URL is not set")
        }
        _ => {
            eprintln!("skipped: set LINLI_TEST_POSTGRES_URL to run the PostgreSQL variant");
            None
        }
    }
}

pub async fn spawn(backend: Backend) -> Option<TestApp> {
    spawn_with(backend, |_| {}).await
}

/// A clock the test moves forward, for rules driven by time (votes closing, expiry).
#[derive(Clone, Default)]
pub struct TestClock(std::sync::Arc<std::sync::atomic::AtomicI64>);

impl TestClock {
    pub fn advance(&self, by: chrono::Duration) {
        self.0.fetch_add(by.num_milliseconds(), std::sync::atomic::Ordering::SeqCst);
    }

    pub fn now(&self) -> chrono::DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.0.load(std::sync::atomic::Ordering::SeqCst))
    }

    fn as_clock(&self) -> Clock {
        let clock = self.clone();
        Clock::from_fn(move || clock.now())
    }
}

/// The server with a clock the test controls.
pub async fn spawn_with_clock(backend: Backend, clock: &TestClock) -> Option<TestApp> {
    spawn_full(backend, |_| {}, clock.as_clock()).await
}

/// The server with a clock the test controls and adjusted settings.
pub async fn spawn_with_clock_and(backend: Backend, clock: &TestClock, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    spawn_full(backend, adjust, clock.as_clock()).await
}

pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
    spawn_full(backend, adjust, Clock::system()).await
}

async fn spawn_full(backend: Backend, adjust: impl FnOnce(&mut Config), clock: Clock) -> Option<TestApp> {
    let folder = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", folder.path().join("linli.db").display()),
        Backend::Postgres => fresh_postgres_database(&postgres_url()?).await,
    };
    let mut config = Config::for_tests(url);
    config.no_demo = false;
    config.web_dir = folder.path().join("no-web");
    adjust(&mut config);
    let running = linli_server::spawn(config, clock).await.expect("server starts");
    Some(TestApp { running, _folder: folder })
}

/// A new, empty database on the test command's PostgreSQL server.
pub async fn fresh_postgres_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("linli_test_{}", linli_server::auth::token::hash_token(&linli_server::auth::token::new_token())[..16].to_owned());
    let mut admin = sqlx::PgConnection::connect(admin_url).await.expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.unwrap();
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database path");
    format!("{base}/{name}")
}

/// Runs each named `async fn(Backend)` test on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name(super::common::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                if super::common::postgres_url().is_some() {
                    super::$name(super::common::Backend::Postgres).await
                }
            })*
        }
    };
}

/// A small JPEG carrying a GPS position in an EXIF segment, as a phone's photo would.
pub fn photo_with_location() -> Vec<u8> {
    let mut photo = Vec::new();
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]))
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new(&mut photo))
        .expect("encode a JPEG");
    let mut with_location = photo[..2].to_vec();
    let segment = b"Exif\0\0GPSLatitude 31.2304N";
    with_location.extend_from_slice(&[0xFF, 0xE1]);
    with_location.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
    with_location.extend_from_slice(segment);
    with_location.extend_from_slice(&photo[2..]);
    with_location
}

/// Every household of the caller's community, building by building, as the invite desk
/// reads them.
#[allow(dead_code)]
pub async fn every_household(staff: &Client) -> Vec<HouseholdEntry> {
    let mut households = Vec::new();
    for building in staff.buildings().await.unwrap() {
        households.extend(staff.households(building.id).await.unwrap());
    }
    households
}
