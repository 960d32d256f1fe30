//! Benchmark of the vote path: N residents cast a one-tap ballot on one vote at the same
//! moment, against a baseline measured in the same run on the same server: the same HTTP
//! stack (router, layers, bearer-token check, JSON body) doing one plain insert per request.
//! The machines are noisy, so the figure to read is the ratio, not the absolute numbers.
//!
//!     cargo bench -p linli-server --bench ballots
//!
//! Two shapes of load: a burst (all N at the same instant: throughput, and the worst
//! queueing there can be) and paced (the N taps spread evenly at `LINLI_BENCH_RATE` per
//! second, default 500, as when a thousand residents vote within a couple of seconds of a
//! notice: the latency a resident feels).
//!
//! SQLite always; PostgreSQL too when `LINLI_TEST_POSTGRES_URL` names a server (the test
//! command's throwaway cluster, for instance). `LINLI_BENCH_VOTERS` sets N (default 1,000).
//! Client and server share the process and its two cores, as on these machines.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use chrono::Utc;
use linli_api::auth::{Locale, Role, SignInRequest};
use linli_api::hall::{CastBallot, Eligibility, NewVote, VoteKind};
use linli_api::Client;
use linli_server::auth::storage::{create_session, insert_account, NewAccount};
use linli_server::auth::{password, token, Signed};
use linli_server::error::AppResult;
use linli_server::extract::ApiJson;
use linli_server::state::{AppState, Clock};
use linli_server::Config;

#[derive(serde::Deserialize, serde::Serialize)]
struct Row {
    n: i64,
}

/// The baseline: what every request pays (auth, JSON, one pooled connection, one insert).
async fn plain_insert(State(state): State<AppState>, Signed(caller, ..): Signed, ApiJson(row): ApiJson<Row>) -> AppResult<StatusCode> {
    sqlx::query("INSERT INTO bench_rows (user_id, n) VALUES ($1, $2)")
        .bind(caller.user_id.0)
        .bind(row.n)
        .execute(&state.db.pool)
        .await?;
    Ok(StatusCode::CREATED)
}

struct Measured {
    ok: usize,
    wall: Duration,
    latencies: Vec<Duration>,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.ok as f64 / self.wall.as_secs_f64()
    }

    fn percentile(&self, p: f64) -> f64 {
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
async fn all_at_once<F, Fut>(clients: &[Client], request: F) -> Measured
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
async fn paced<F, Fut>(clients: &[Client], rate: f64, request: F) -> Measured
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

fn report(backend: &str, path: &str, sent: usize, measured: &Measured) {
    println!(
        "{backend:<10} {path:<22} {sent:>6} {:>6} {:>9.0} {:>9.1} {:>9.1}",
        measured.ok,
        measured.per_second(),
        measured.percentile(0.5),
        measured.percentile(0.99)
    );
}

async fn bench(backend: &str, database_url: String, voters: usize, rate: f64) {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut config = Config::for_tests(database_url);
    config.no_demo = false;
    config.web_dir = folder.path().join("no-web");
    let baseline_route = Router::new().route("/api/v1/bench/insert", post(plain_insert));
    let prepared = linli_server::prepare(config, Clock::system()).await.expect("server prepares").with_routes(baseline_route);
    let running = prepared.spawn();
    let db = &running.state.db;
    sqlx::query("CREATE TABLE bench_rows (user_id BIGINT NOT NULL, n BIGINT NOT NULL)").execute(&db.pool).await.expect("bench table");

    // N residents with sessions, made directly (signing in 1,000 times would benchmark argon2).
    let hash = password::hash("bench-password".into()).await.expect("hash");
    let households: Vec<(i64,)> = sqlx::query_as("SELECT id FROM households").fetch_all(&db.pool).await.expect("households");
    let (community,): (i64,) = sqlx::query_as("SELECT id FROM communities").fetch_one(&db.pool).await.expect("community");
    // Clones share one connection pool.
    let base = Client::new(running.url());
    let mut clients = Vec::with_capacity(voters);
    let mut tx = db.pool.begin().await.expect("tx");
    let now = Utc::now();
    for i in 0..voters {
        let phone = format!("170{i:08}");
        let account = NewAccount {
            community: linli_api::ids::CommunityId(community),
            household: Some(linli_api::ids::HouseholdId(households[i % households.len()].0)),
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
    tx.commit().await.expect("commit voters");

    let staff = base.clone();
    let session = staff.sign_in(&SignInRequest { phone: "13800000001".into(), password: "linli2026".into() }).await.expect("staff");
    let vote = staff
        .with_token(session.token)
        .create_vote(&NewVote {
            question: "基准测试".into(),
            description: String::new(),
            kind: VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: None,
            eligibility: Eligibility::Residents,
            matter: None,
            secret: false,
            final_on_cast: false,
            opens_at: now - chrono::Duration::minutes(1),
            closes_at: now + chrono::Duration::days(1),
        })
        .await
        .expect("vote");

    let baseline = all_at_once(&clients, |client, i| async move {
        client.raw(reqwest::Method::POST, "/bench/insert", Some(&Row { n: i as i64 })).await.is_ok_and(|(status, _)| status == 201)
    })
    .await;
    let id = vote.id;
    let ballots = all_at_once(&clients, |client, i| async move {
        client.cast_ballot(id, &CastBallot { choices: vec![(i % 3) as u32] }).await.is_ok()
    })
    .await;

    // Paced: each voter changes their ballot, the taps spread at `rate` per second.
    let paced_baseline = paced(&clients, rate, |client, i| async move {
        client.raw(reqwest::Method::POST, "/bench/insert", Some(&Row { n: i as i64 })).await.is_ok_and(|(status, _)| status == 201)
    })
    .await;
    let paced_ballots = paced(&clients, rate, |client, i| async move {
        client.cast_ballot(id, &CastBallot { choices: vec![((i + 1) % 3) as u32] }).await.is_ok()
    })
    .await;

    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM bench_rows").fetch_one(&db.pool).await.expect("count");
    let tally = clients[0].vote(id).await.expect("vote").tally;
    assert_eq!(rows as usize, baseline.ok + paced_baseline.ok, "every acknowledged insert was stored");
    assert_eq!(tally.ballots as usize, ballots.ok, "one counted ballot per voter");
    let expected: Vec<i64> = (0..3).map(|option| (0..voters).filter(|i| (i + 1) % 3 == option).count() as i64).collect();
    assert_eq!(tally.counts, expected, "every voter's last ballot counts");

    report(backend, "burst: baseline insert", voters, &baseline);
    report(backend, "burst: one-tap ballot", voters, &ballots);
    println!(
        "{backend:<10} burst: ballots/s ÷ baseline/s = {:.2} (goal ≥ 0.50)",
        ballots.per_second() / baseline.per_second()
    );
    report(backend, &format!("paced {rate:.0}/s: baseline"), voters, &paced_baseline);
    report(backend, &format!("paced {rate:.0}/s: ballot"), voters, &paced_ballots);
    println!(
        "{backend:<10} paced: ballot p99 {:.1} ms (goal < 50 ms), baseline p99 {:.1} ms",
        paced_ballots.percentile(0.99),
        paced_baseline.percentile(0.99)
    );
    running.stop().await;
}

fn main() {
    let voters: usize = std::env::var("LINLI_BENCH_VOTERS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000);
    let rate: f64 = std::env::var("LINLI_BENCH_RATE").ok().and_then(|v| v.parse().ok()).filter(|r: &f64| *r > 0.0).unwrap_or(500.0);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        println!("{:<10} {:<22} {:>6} {:>6} {:>9} {:>9} {:>9}", "backend", "path", "sent", "ok", "req/s", "p50 ms", "p99 ms");
        let folder = tempfile::tempdir().expect("temp dir");
        let sqlite = format!("sqlite://{}?mode=rwc", folder.path().join("bench.db").display());
        bench("sqlite", sqlite, voters, rate).await;
        match std::env::var("LINLI_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => bench("postgres", fresh_database(&url).await, voters, rate).await,
            _ => println!("postgres   skipped: set LINLI_TEST_POSTGRES_URL"),
        }
    });
}

async fn fresh_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("linli_bench_{}", &token::hash_token(&token::new_token())[..12]);
    let mut admin = sqlx::PgConnection::connect(admin_url).await.expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create database");
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database path");
    format!("{base}/{name}")
}
