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

mod harness;

use chrono::Utc;
use harness::{all_at_once, paced, report, Row};
use linli_api::auth::SignInRequest;
use linli_api::hall::{CastBallot, Eligibility, NewVote, VoteKind};
use linli_api::Client;

async fn bench(backend: &str, database_url: String, voters: usize, rate: f64) {
    let folder = tempfile::tempdir().expect("temp dir");
    let running = harness::start(database_url, &folder).await;
    let db = &running.state.db;
    let households = harness::households(&running).await;
    let clients = harness::residents(&running, &households, voters).await;
    let base = Client::new(running.url());
    let now = Utc::now();

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
        harness::header();
        let folder = tempfile::tempdir().expect("temp dir");
        let sqlite = format!("sqlite://{}?mode=rwc", folder.path().join("bench.db").display());
        bench("sqlite", sqlite, voters, rate).await;
        match std::env::var("LINLI_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => bench("postgres", harness::fresh_database(&url).await, voters, rate).await,
            _ => println!("postgres   skipped: set LINLI_TEST_POSTGRES_URL"),
        }
    });
}

