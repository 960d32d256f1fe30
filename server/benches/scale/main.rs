//! The scale benchmark: every GET route of the OpenAPI document, timed on the scale data
//! set (one community of 10,000 households and 20,000 residents with years of use, 999
//! small communities beside it; see `linli_server::seed::scale`) as the role that uses it:
//! lists at their first page and a deep one (following `next_after` cursors, 20 pages in),
//! one-item routes with the biggest item (the 5,000-comment topic, the 10,000-ballot vote,
//! the notice everyone read, the campaign every household ordered from…).
//!
//!     cargo bench -p linli-server --bench scale
//!
//! Each case is asked once to warm up, then up to `LINLI_BENCH_REPEATS` times (default 20,
//! at least 3, fewer once a case has taken `LINLI_BENCH_CASE_SECONDS`, default 10) one
//! request after another; p50 and p95 are of the client's wall time from sending the
//! request to the last byte of the answer, over loopback, with client and server sharing
//! the process and its two cores. The server runs without clock workers (nothing else
//! touches the database meanwhile) and with its clock at the moment the data set was
//! seeded, so a reused data set looks exactly as new.
//!
//! `LINLI_SCALE` (default 1.0) shrinks the data set (0.01 for a quick run). On SQLite the
//! seeded file is kept (`target/tmp/scale-v3-<scale>.db`, or `LINLI_SCALE_DB`) and reused by
//! the next run, unless `LINLI_SCALE_KEEP=0`; PostgreSQL, when `LINLI_TEST_POSTGRES_URL`
//! names a server, is seeded in a fresh database each run (dropped after). On both, the
//! statements the cases run are captured and explained, and whole-table scans of tables
//! that grow are reported (see `explain.rs`). `LINLI_BENCH_PAGES` sets how deep the deep
//! page is.
//!
//! The table is printed and written to `server/benches/scale-results.md` at full size (to
//! `target/tmp/scale-results-<scale>.md` otherwise). Routes whose p95 is 50 ms or more are
//! flagged (the goal is under 50 ms) but do not fail the run; a GET route of the document
//! that no case covers does, and so does an answer other than success.
//!
//! Run by `cargo test` (the test command does) it seeds a tiny data set and asks every case
//! three times: a check that the cases cover every GET route and that the seeder's kept
//! counts agree, not a measurement.

#[path = "../harness/mod.rs"]
mod harness;

mod cases;
mod explain;
mod report;
mod timing;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use linli_server::db::Db;
use linli_server::seed::scale::{self, landmarks::Landmarks, Sizes};
use linli_server::state::Clock;
use linli_server::{Config, Running};

use report::Measured;

/// Bump when the data set changes, so that an old seeded file is not reused.
const DATA_SET_VERSION: u32 = 3;

/// The knobs, read once.
pub struct Knobs {
    pub scale: f64,
    pub repeats: usize,
    pub case_budget: Duration,
    pub pages: usize,
    /// Keep the seeded SQLite file for the next run (`LINLI_SCALE_KEEP=0`: remove it
    /// after the SQLite part, where disk is short: at full size it is about 200 MB).
    pub keep_sqlite: bool,
}

impl Knobs {
    /// `cargo bench` passes `--bench`; without it (`cargo test`, which the test command runs)
    /// this is a check, not a measurement: a tiny data set, so that every GET route is still
    /// covered and answers, and every kept count the seeder sets agrees with its rows.
    fn read() -> Self {
        let measuring = std::env::args().any(|arg| arg == "--bench");
        let number = |name: &str| std::env::var(name).ok().and_then(|value| value.parse::<f64>().ok()).filter(|value| *value > 0.0);
        Knobs {
            scale: number("LINLI_SCALE").unwrap_or(if measuring { 1.0 } else { SMOKE_SCALE }).min(1.0),
            repeats: number("LINLI_BENCH_REPEATS").map_or(if measuring { 20 } else { 3 }, |n| (n as usize).max(3)),
            case_budget: Duration::from_secs_f64(number("LINLI_BENCH_CASE_SECONDS").unwrap_or(10.0)),
            pages: number("LINLI_BENCH_PAGES").map_or(if measuring { 20 } else { 2 }, |n| (n as usize).max(2)),
            keep_sqlite: measuring && std::env::var("LINLI_SCALE_KEEP").map_or(true, |keep| keep != "0"),
        }
    }
}

/// The data set's size when run as a test.
const SMOKE_SCALE: f64 = 0.005;

/// The seeded SQLite file for this scale: reused when it holds the data set at this size.
fn sqlite_file(scale: f64) -> PathBuf {
    match std::env::var("LINLI_SCALE_DB") {
        Ok(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-v{DATA_SET_VERSION}-{scale}.db")),
    }
}

/// The data set's landmarks if `db` holds it at `scale`.
async fn seeded_at_scale(db: &Db, scale: f64) -> Option<Landmarks> {
    let landmarks = scale::landmarks::find(&mut *db.pool.acquire().await.ok()?).await.ok()?;
    (landmarks.households == Sizes::at(scale).households as i64).then_some(landmarks)
}

/// The moment the data set is made as of: the latest weekday half past ten in China
/// (UTC+8) that has passed, so that whenever the benchmark runs, today's desk has a
/// morning of queue numbers behind it and the afternoon's bookings ahead.
fn seeded_as_of() -> DateTime<Utc> {
    let china = FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    let now = Utc::now().with_timezone(&china);
    let mut day = now.date_naive();
    loop {
        let at = day.and_hms_opt(10, 30, 0).and_then(|time| time.and_local_timezone(china).single()).expect("a time in UTC+8");
        if at <= now && day.weekday().number_from_monday() <= 5 {
            return at.with_timezone(&Utc);
        }
        day = day.pred_opt().expect("a day before");
    }
}

/// Seeds the data set into the empty database at `url`, prints how long it took, and
/// checks that every kept count agrees with its rows.
async fn seed(backend: &str, url: &str, scale: f64) -> Duration {
    let db = Db::connect(url).await.expect("database opens");
    println!("{backend:<10} seeding the data set at scale {scale}…");
    let timings = scale::seed(&db, scale, seeded_as_of()).await.expect("the data set seeds");
    println!("{backend:<10} seeded in {:.1} s\n{timings}", timings.total.as_secs_f64());
    let started = Instant::now();
    let problems = scale::check::kept_counts(&mut db.pool.acquire().await.expect("connection")).await.expect("kept counts check");
    assert!(problems.is_empty(), "the seeded kept counts disagree with their rows: {problems:#?}");
    println!("{backend:<10} every kept count agrees with its rows, every ballot chain verifies ({:.1} s)", started.elapsed().as_secs_f64());
    db.pool.close().await;
    timings.total
}

/// Removes a SQLite database file and its write-ahead log.
fn remove_sqlite_file(file: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
}

/// A database holding the data set on SQLite: the kept file, or a new one seeded now.
async fn sqlite_database(scale: f64) -> (String, Option<Duration>) {
    let file = sqlite_file(scale);
    let url = format!("sqlite://{}?mode=rwc", file.display());
    if file.exists() {
        let db = Db::connect(&url).await.expect("the kept file opens");
        let found = seeded_at_scale(&db, scale).await;
        db.pool.close().await;
        if found.is_some() {
            println!("sqlite     reusing the data set in {}", file.display());
            return (url, None);
        }
        println!("sqlite     {} does not hold the data set at scale {scale}: seeding it again", file.display());
        remove_sqlite_file(&file);
    }
    let took = seed("sqlite", &url, scale).await;
    (url, Some(took))
}

/// The server on the data set, without clock workers, its clock running from the moment
/// the data set was seeded.
async fn start(url: &str, landmarks: &Landmarks, folder: &tempfile::TempDir) -> Running {
    let mut config = Config::for_tests(url.to_owned());
    config.no_clock_workers = true;
    config.web_dir = folder.path().join("no-web");
    let (seeded_at, started) = (landmarks.seeded_at, Instant::now());
    let clock = Clock::from_fn(move || seeded_at + chrono::Duration::from_std(started.elapsed()).unwrap_or_default());
    linli_server::spawn(config, clock).await.expect("server starts")
}

/// Everything measured on one backend.
pub struct Run {
    pub backend: &'static str,
    pub seeding: Option<Duration>,
    pub measured: Vec<Measured>,
    pub uncovered: Vec<String>,
    pub plans: explain::Plans,
}

async fn bench(backend: &'static str, url: String, seeding: Option<Duration>, knobs: &Knobs) -> Run {
    let db = Db::connect(&url).await.expect("database opens");
    let landmarks = seeded_at_scale(&db, knobs.scale).await.expect("the data set is there");
    db.pool.close().await;
    let folder = tempfile::tempdir().expect("temp dir");
    let running = start(&url, &landmarks, &folder).await;
    let people = timing::People::sign_in(&running, &landmarks).await;
    let mut cases = cases::all(&landmarks, running.state.clock.now());
    let uncovered = cases::uncovered(&people, &cases).await;
    timing::resolve_deep_pages(&people, &mut cases, knobs.pages).await;
    println!("{backend:<10} timing {} cases…", cases.len());
    let measured = timing::measure_all(backend, &people, &cases, knobs).await;
    let plans = explain::full_scans(&people, &cases, backend, &url).await;
    running.stop().await;
    Run { backend, seeding, measured, uncovered, plans }
}

/// Drops the run's PostgreSQL database: at full size it takes half a gigabyte.
async fn drop_database(admin: &str, url: &str) {
    use sqlx::Connection;
    let name = url.rsplit('/').next().expect("a database name");
    let mut conn = sqlx::PgConnection::connect(admin).await.expect("PostgreSQL reachable");
    if let Err(error) = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(&mut conn).await {
        println!("postgres   could not drop {name}: {error}");
    }
}

fn main() {
    let knobs = Knobs::read();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let runs = runtime.block_on(async {
        explain::capture_statements();
        let mut runs = Vec::new();
        let (sqlite, seeding) = sqlite_database(knobs.scale).await;
        runs.push(bench("sqlite", sqlite, seeding, &knobs).await);
        if !knobs.keep_sqlite {
            remove_sqlite_file(&sqlite_file(knobs.scale));
        }
        match std::env::var("LINLI_TEST_POSTGRES_URL") {
            Ok(admin) if !admin.is_empty() => {
                let url = harness::fresh_database(&admin).await;
                let seeding = seed("postgres", &url, knobs.scale).await;
                runs.push(bench("postgres", url.clone(), Some(seeding), &knobs).await);
                drop_database(&admin, &url).await;
            }
            _ => println!("postgres   skipped: set LINLI_TEST_POSTGRES_URL"),
        }
        runs
    });
    let text = report::markdown(&knobs, &runs);
    println!("\n{text}");
    let file = if knobs.scale == 1.0 {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/scale-results.md")
    } else {
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("scale-results-{}.md", knobs.scale))
    };
    std::fs::write(&file, &text).expect("results file");
    println!("written to {}", file.display());
    let failures = report::failures(&runs);
    if !failures.is_empty() {
        for failure in &failures {
            eprintln!("scale benchmark: {failure}");
        }
        std::process::exit(1);
    }
}
