//! What both benchmarks share: the server with a baseline route, residents with sessions
//! made directly, firing requests in a burst or paced, and the report.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use chrono::Utc;
use linli_api::auth::{Locale, Role};
use linli_api::ids::{CommunityId, HouseholdId};
use linli_api::Client;
use linli_server::auth::storage::{create_session, insert_account, NewAccount};
use linli_server::auth::{password, token, Signed};
use linli_server::error::AppResult;
use linli_server::extract::ApiJson;
use linli_server::state::{AppState, Clock};
use linli_server::{Config, Running};

#[derive(serde::Deserialize, serde::Serialize)]
pub struct Row {
    pub n: i64,
}

/// The baseline: what every request pays (auth, JSON, one pooled connection, one insert).
pub async fn plain_insert(State(state): State<AppState>, Signed(caller, ..): Signed, ApiJson(row): ApiJson<Row>) -> AppResult<StatusCode> {
    sqlx::query("INSERT INTO bench_rows (user_id, n) VALUES ($1, $2)")
        .bind(caller.user_id.0)
        .bind(row.n)
        .execute(&state.db.pool)
        .await?;
    Ok(StatusCode::CREATED)
}

pub struct Measured {
    pub ok: usize,
    pub wall: Duration,
    pub latencies: Vec<Duration>,
}

impl Measured {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.wall.as_secs_f64()
    }

    pub fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len().saturating_sub(1));
        sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

async fn gather(tasks: Vec<tokio::task::JoinHandle<(bool, Duration)>>, began: Instant) -> Measured {
    let mut measured = Measured { ok: 0, wall: Duration::ZERO, latencies: Vec::new() };
    for task in tasks {
        let (ok, latency) = task.await.expect("request task");
        measured.ok += usize::from(ok);
        measured.latencies.push(latency);
    }
    measured.wall = began.elapsed();
    measured
}

/// Fires one request per client at the same moment and times each.
pub async fn all_at_once<F, Fut>(clients: &[Client], request: F) -> Measured
where
    F: Fn(Client, usize) -> Fut,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    let start = Arc::new(tokio::sync::Barrier::new(clients.len()));
    let began = Instant::now();
    let tasks: Vec<_> = clients
        .iter()
        .enumerate()
        .map(|(i, client)| {
            let (start, call) = (start.clone(), request(client.clone(), i));
            tokio::spawn(async move {
                start.wait().await;
                let sent = Instant::now();
                let ok = call.await;
                (ok, sent.elapsed())
            })
        })
        .collect();
    gather(tasks, began).await
}

/// Sends client i's request at `i / rate` seconds from the start, and times each.
pub async fn paced<F, Fut>(clients: &[Client], rate: f64, request: F) -> Measured
where
    F: Fn(Client, usize) -> Fut,
    Fut: std::future::Future<Output = bool> + Send + 'static,
{
    let began = tokio::time::Instant::now();
    let started = Instant::now();
    let tasks: Vec<_> = clients
        .iter()
        .enumerate()
        .map(|(i, client)| {
            let call = request(client.clone(), i);
            let at = began + Duration::from_secs_f64(i as f64 / rate);
            tokio::spawn(async move {
                tokio::time::sleep_until(at).await;
                let sent = Instant::now();
                let ok = call.await;
                (ok, sent.elapsed())
            })
        })
        .collect();
    gather(tasks, started).await
}

pub fn report(backend: &str, path: &str, sent: usize, measured: &Measured) {
    println!(
        "{backend:<10} {path:<22} {sent:>6} {:>6} {:>9.0} {:>9.1} {:>9.1}",
        measured.ok,
        measured.per_second(),
        measured.percentile(0.5),
        measured.percentile(0.99)
    );
}

/// The server on `database_url` with the demo community and the baseline route
/// `POST /api/v1/bench/insert`; the folder holds its web root and must outlive it.
pub async fn start(database_url: String, folder: &tempfile::TempDir) -> Running {
    let mut config = Config::for_tests(database_url);
    config.no_demo = false;
    config.web_dir = folder.path().join("no-web");
    let baseline_route = Router::new().route("/api/v1/bench/insert", post(plain_insert));
    let prepared = linli_server::prepare(config, Clock::system()).await.expect("server prepares").with_routes(baseline_route);
    let running = prepared.spawn();
    sqlx::query("CREATE TABLE bench_rows (user_id BIGINT NOT NULL, n BIGINT NOT NULL)").execute(&running.state.db.pool).await.expect("bench table");
    running
}

/// `n` residents with sessions, made directly (signing in `n` times would benchmark
/// argon2), living in `households` in turn.
pub async fn residents(running: &Running, households: &[HouseholdId], n: usize) -> Vec<Client> {
    let db = &running.state.db;
    let hash = password::hash("bench-password".into()).await.expect("hash");
    let (community,): (i64,) = sqlx::query_as("SELECT id FROM communities").fetch_one(&db.pool).await.expect("community");
    // Clones share one connection pool.
    let base = Client::new(running.url());
    let mut clients = Vec::with_capacity(n);
    let mut tx = db.pool.begin().await.expect("tx");
    let now = Utc::now();
    for i in 0..n {
        let phone = format!("170{i:08}");
        let account = NewAccount {
            community: CommunityId(community),
            household: Some(households[i % households.len()]),
            role: Role::Resident,
            name: "居民",
            phone: &phone,
            password_hash: &hash,
            is_owner: false,
            locale: Locale::ZhCn,
            consented_at: Some(now),
            now,
        };
        let user = insert_account(&mut tx, &account).await.expect("account");
        let secret = token::new_token();
        create_session(&mut tx, user, &token::hash_token(&secret), now, now + chrono::Duration::days(1)).await.expect("session");
        clients.push(base.clone().with_token(secret));
    }
    tx.commit().await.expect("commit residents");
    clients
}

/// Every household of the demo community.
pub async fn households(running: &Running) -> Vec<HouseholdId> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM households").fetch_all(&running.state.db.pool).await.expect("households");
    rows.into_iter().map(|(id,)| HouseholdId(id)).collect()
}

/// The header of [`report`]'s table.
pub fn header() {
    println!("{:<10} {:<22} {:>6} {:>6} {:>9} {:>9} {:>9}", "backend", "path", "sent", "ok", "req/s", "p50 ms", "p99 ms");
}

pub async fn fresh_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("linli_bench_{}", &token::hash_token(&token::new_token())[..12]);
    let mut admin = sqlx::PgConnection::connect(admin_url).await.expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create database");
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database path");
    format!("{base}/{name}")
}

/// `n` new households of the demo community, in a building of their own.
pub async fn new_households(running: &Running, building: &str, n: usize) -> Vec<HouseholdId> {
    use linli_server::community::storage as community;
    let db = &running.state.db;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM communities").fetch_one(&db.pool).await.expect("community");
    let mut tx = db.pool.begin().await.expect("tx");
    let building = community::insert_building(&mut tx, CommunityId(id), building).await.expect("building");
    let rooms: Vec<String> = (0..100).map(|room| format!("{}{:02}", room / 10 + 1, room % 10 + 1)).collect();
    let mut households = Vec::with_capacity(n);
    for unit in 0..n.div_ceil(100) {
        let these: Vec<(&str, i64)> = rooms.iter().take(n - households.len()).map(|room| (room.as_str(), 9000)).collect();
        let unit = format!("{}单元", unit + 1);
        households.extend(community::insert_unit_with_rooms(&mut tx, CommunityId(id), building, &unit, &these).await.expect("households"));
    }
    tx.commit().await.expect("commit households");
    households
}

/// A new community of its own (not the demo's) with one staff member, whose session is
/// made directly; returns the community and that staff member's client.
pub async fn new_community_with_staff(running: &Running, name: &str) -> (CommunityId, Client) {
    use linli_server::community::storage::insert_community;
    let db = &running.state.db;
    let hash = password::hash("bench-password".into()).await.expect("hash");
    let now = Utc::now();
    let mut tx = db.pool.begin().await.expect("tx");
    let community = insert_community(&mut tx, name, "021-5555-0199", 480, now).await.expect("community");
    // Phones are unique across communities; the community's id keeps them apart.
    let phone = format!("171{:08}", community.0);
    let account = NewAccount {
        community,
        household: None,
        role: Role::Staff,
        name: "社区工作人员",
        phone: &phone,
        password_hash: &hash,
        is_owner: false,
        locale: Locale::ZhCn,
        consented_at: Some(now),
        now,
    };
    let user = insert_account(&mut tx, &account).await.expect("staff account");
    let secret = token::new_token();
    create_session(&mut tx, user, &token::hash_token(&secret), now, now + chrono::Duration::days(1)).await.expect("session");
    tx.commit().await.expect("commit community");
    (community, Client::new(running.url()).with_token(secret))
}
