//! Benchmark of importing the property company's household ledger (房屋台账): staff upload
//! a CSV of N households (default 10,000) into an empty register, over HTTP as the app does,
//! against a baseline measured in the same run through the same database pool: the same
//! building, unit and household rows written with plain multi-row inserts (1,000 rows a
//! statement) in one transaction, with nothing parsed, compared or read back and no owners.
//! That baseline is what storage alone costs, so the figure to read is baseline ÷ import
//! (1.0 = the import is as fast as the bare inserts).
//!
//!     cargo bench -p linli-server --bench import
//!
//! Each round uses two fresh communities (one imported into, one for the baseline) and also
//! times importing the same file again, which must change nothing. The table shows the
//! median of the rounds. Goals, on each backend: import under 10 s, and baseline ÷ import
//! at least 0.3; a missed goal makes the benchmark exit with an error.
//!
//! SQLite always; PostgreSQL too when `LINLI_TEST_POSTGRES_URL` names a server.
//! `LINLI_BENCH_HOUSEHOLDS` sets N (at most the ledger's 20,000 rows). Client and server
//! share the process and its two cores, as on these machines.

mod harness;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use linli_api::ids::CommunityId;
use linli_api::Client;
use linli_server::community::register::plan::sort_key;
use linli_server::community::storage::insert_community;
use linli_server::db::{value_rows, Db};

const ROUNDS: usize = 3;
const UNITS_PER_BUILDING: usize = 4;
/// 25 floors of two doors: rooms 101, 102, … 2502.
const ROOMS_PER_UNIT: usize = 50;
/// As the import writes them.
const ROWS_PER_STATEMENT: usize = 1000;
const IMPORT_GOAL: Duration = Duration::from_secs(10);
const RATIO_GOAL: f64 = 0.3;

const SURNAMES: [&str; 12] = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];
const GIVEN_NAMES: [&str; 10] = ["伟", "芳", "娜", "秀英", "敏", "静", "建国", "丽", "强", "桂兰"];

/// One line of the ledger.
struct Household {
    building: String,
    unit: String,
    room: String,
    /// As the ledger writes it: square metres with two decimals.
    area: String,
    owner_names: String,
    owner_phones: String,
}

/// `n` households, 200 to a building (4 units × 50 rooms), each with one or two owners,
/// most with a phone, as a property company's spreadsheet lists them.
fn ledger_households(n: usize) -> Vec<Household> {
    let name = |i: usize| format!("{}{}", SURNAMES[i % SURNAMES.len()], GIVEN_NAMES[i / SURNAMES.len() % GIVEN_NAMES.len()]);
    (0..n)
        .map(|i| {
            let (building, in_building) = (i / (UNITS_PER_BUILDING * ROOMS_PER_UNIT), i % (UNITS_PER_BUILDING * ROOMS_PER_UNIT));
            let (unit, in_unit) = (in_building / ROOMS_PER_UNIT, in_building % ROOMS_PER_UNIT);
            let centi_m2 = 6_000 + i * 7_919 % 9_000;
            let first_phone = format!("139{:08}", 2 * i);
            // A third of households have two owners; one in ten gave the property company no phone.
            let (owner_names, owner_phones) = match (i % 3 == 0, i % 10 == 9) {
                (false, false) => (name(i), first_phone),
                (false, true) => (name(i), String::new()),
                (true, false) => (format!("{}、{}", name(i), name(i + 5)), format!("{first_phone}、139{:08}", 2 * i + 1)),
                (true, true) => (format!("{}、{}", name(i), name(i + 5)), String::new()),
            };
            Household {
                building: format!("{}栋", building + 1),
                unit: format!("{}单元", unit + 1),
                room: format!("{}{:02}", in_unit / 2 + 1, in_unit % 2 + 1),
                area: format!("{}.{:02}", centi_m2 / 100, centi_m2 % 100),
                owner_names,
                owner_phones,
            }
        })
        .collect()
}

/// The ledger as a spreadsheet saves it: a title line, then the header, then the rows.
fn ledger_csv(households: &[Household]) -> Vec<u8> {
    let mut text = String::from("基准花园房屋台账（基准测试生成）\n楼栋,单元,房号,专有面积,业主,业主电话\n");
    for h in households {
        text.push_str(&format!("{},{},{},{},{},{}\n", h.building, h.unit, h.room, h.area, h.owner_names, h.owner_phones));
    }
    text.into_bytes()
}

/// Times the import as staff do it (from sending the file to the answer), then importing
/// the same file again, which must find everything unchanged.
async fn import_twice(staff: &Client, csv: &[u8], n: usize) -> (Duration, Duration) {
    let body = csv.to_vec();
    let started = Instant::now();
    let first = staff.import_ledger("text/csv", body, true).await.expect("import");
    let import = started.elapsed();
    assert!(first.applied && first.problems_total == 0, "the import applies without problems: {first:?}");
    assert_eq!(first.households_new as usize, n, "every household is new");

    let body = csv.to_vec();
    let started = Instant::now();
    let again = staff.import_ledger("text/csv", body, true).await.expect("re-import");
    let reimport = started.elapsed();
    assert!(!again.applied && again.households_new == 0 && again.households_changed == 0, "the re-import changes nothing: {again:?}");
    assert_eq!(again.households_unchanged as usize, n, "every household is unchanged");
    (import, reimport)
}

/// The storage limit: the households' buildings, units and rows written into `community`
/// with multi-row inserts in one transaction. Timed from taking the connection to the commit.
async fn bulk_insert(db: &Db, community: CommunityId, households: &[Household]) -> Duration {
    let buildings = distinct(households.iter().map(|h| h.building.as_str()));
    let units = distinct(households.iter().map(|h| (h.building.as_str(), h.unit.as_str())));
    // Prepared before the clock starts: this side reads and computes nothing.
    let rows: Vec<(&Household, i64, String)> = households
        .iter()
        .map(|h| {
            let (whole, hundredths) = h.area.split_once('.').expect("two decimals");
            let centi_m2 = whole.parse::<i64>().expect("area") * 100 + hundredths.parse::<i64>().expect("area");
            (h, centi_m2, sort_key(&h.building, &h.unit, &h.room))
        })
        .collect();

    let started = Instant::now();
    let mut tx = db.begin_write().await.expect("transaction");
    let mut building_ids: HashMap<String, i64> = HashMap::new();
    for chunk in buildings.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("INSERT INTO buildings (community_id, name) VALUES {} RETURNING id, name", value_rows(chunk.len(), 2));
        let mut insert = sqlx::query_as::<_, (i64, String)>(&sql);
        for name in chunk {
            insert = insert.bind(community.0).bind(*name);
        }
        building_ids.extend(insert.fetch_all(&mut *tx).await.expect("buildings").into_iter().map(|(id, name)| (name, id)));
    }
    let mut unit_ids: HashMap<(i64, String), i64> = HashMap::new();
    for chunk in units.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("INSERT INTO units (building_id, name) VALUES {} RETURNING id, building_id, name", value_rows(chunk.len(), 2));
        let mut insert = sqlx::query_as::<_, (i64, i64, String)>(&sql);
        for (building, unit) in chunk {
            insert = insert.bind(building_ids[*building]).bind(*unit);
        }
        unit_ids.extend(insert.fetch_all(&mut *tx).await.expect("units").into_iter().map(|(id, building, name)| ((building, name), id)));
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO households (community_id, unit_id, room, floor_area_centi_m2, sort_key) VALUES {}",
            value_rows(chunk.len(), 5)
        );
        let mut insert = sqlx::query(&sql);
        for (h, centi_m2, sort_key) in chunk {
            let unit = unit_ids[&(building_ids[&h.building], h.unit.clone())];
            insert = insert.bind(community.0).bind(unit).bind(h.room.as_str()).bind(*centi_m2).bind(sort_key.as_str());
        }
        insert.execute(&mut *tx).await.expect("households");
    }
    tx.commit().await.expect("commit");
    started.elapsed()
}

fn distinct<T: Copy + Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    items.filter(|item| seen.insert(*item)).collect()
}

async fn household_count(db: &Db, community: CommunityId) -> usize {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM households WHERE community_id = $1").bind(community.0).fetch_one(&db.pool).await.expect("count");
    count as usize
}

fn median(mut durations: Vec<Duration>) -> f64 {
    durations.sort();
    durations[durations.len() / 2].as_secs_f64()
}

/// Runs the rounds on one backend, prints its line of the table and its goals, and says
/// whether both goals were met.
async fn bench(backend: &str, database_url: String, households: &[Household]) -> bool {
    let folder = tempfile::tempdir().expect("temp dir");
    let running = harness::start(database_url, &folder).await;
    let db = &running.state.db;
    let csv = ledger_csv(households);
    let n = households.len();
    let (mut imports, mut reimports, mut baselines) = (Vec::new(), Vec::new(), Vec::new());
    for round in 1..=ROUNDS {
        let (imported, staff) = harness::new_community_with_staff(&running, &format!("导入基准小区{round}")).await;
        let (import, reimport) = import_twice(&staff, &csv, n).await;
        assert_eq!(household_count(db, imported).await, n, "the import wrote every household");

        let mut conn = db.pool.acquire().await.expect("connection");
        let inserted = insert_community(&mut conn, &format!("对照小区{round}"), "021-5555-0198", 480, chrono::Utc::now()).await.expect("community");
        drop(conn);
        let baseline = bulk_insert(db, inserted, households).await;
        assert_eq!(household_count(db, inserted).await, n, "the baseline wrote every household");

        println!(
            "{backend:<10} round {round}: import {:.3} s, baseline {:.3} s, re-import {:.3} s",
            import.as_secs_f64(),
            baseline.as_secs_f64(),
            reimport.as_secs_f64()
        );
        imports.push(import);
        reimports.push(reimport);
        baselines.push(baseline);
    }
    running.stop().await;

    let (import, baseline, reimport) = (median(imports), median(baselines), median(reimports));
    let ratio = baseline / import;
    println!("{backend:<10} {n:>10} {import:>9.3} {baseline:>11.3} {ratio:>6.2} {reimport:>12.3}   (median of {ROUNDS})");
    let fast_enough = import < IMPORT_GOAL.as_secs_f64();
    let near_storage = ratio >= RATIO_GOAL;
    let verdict = |met: bool| if met { "PASS" } else { "FAIL" };
    println!("{backend:<10} goal: import < {} s: {} ({import:.2} s)", IMPORT_GOAL.as_secs(), verdict(fast_enough));
    println!("{backend:<10} goal: baseline ÷ import ≥ {RATIO_GOAL}: {} ({ratio:.2})", verdict(near_storage));
    fast_enough && near_storage
}

fn main() {
    let n: usize = std::env::var("LINLI_BENCH_HOUSEHOLDS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(10_000);
    let households = ledger_households(n);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let all_met = runtime.block_on(async {
        println!("{:<10} {:>10} {:>9} {:>11} {:>6} {:>12}", "backend", "households", "import s", "baseline s", "ratio", "re-import s");
        let folder = tempfile::tempdir().expect("temp dir");
        let sqlite = format!("sqlite://{}?mode=rwc", folder.path().join("bench.db").display());
        let mut all_met = bench("sqlite", sqlite, &households).await;
        match std::env::var("LINLI_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => all_met &= bench("postgres", harness::fresh_database(&url).await, &households).await,
            _ => println!("postgres   skipped: set LINLI_TEST_POSTGRES_URL"),
        }
        all_met
    });
    if !all_met {
        eprintln!("import benchmark: a goal was missed");
        std::process::exit(1);
    }
}
