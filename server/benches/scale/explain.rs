//! PostgreSQL's plans of the statements the routes run: each case is asked once more while
//! sqlx's statement events are captured, and each distinct SELECT is explained with the
//! plan PostgreSQL would use for any parameters (a generic plan: `plan_cache_mode =
//! force_generic_plan`, then `EXPLAIN EXECUTE` of the prepared statement). A sequential
//! scan of a table that grows is reported with the routes that ran it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use sqlx::Connection;
use tracing::subscriber::Interest;
use tracing::{Metadata, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

use crate::cases::Case;
use crate::timing::People;

/// Tables with fewer rows than this are not worth an index (PostgreSQL rightly scans them).
const GROWING: f32 = 5_000.0;

static CAPTURING: AtomicBool = AtomicBool::new(false);
/// The case being asked, and every statement seen with the cases that ran it.
static CURRENT: Mutex<String> = Mutex::new(String::new());
static SEEN: Mutex<BTreeMap<String, BTreeSet<String>>> = Mutex::new(BTreeMap::new());

/// Records sqlx's statement events (target `sqlx::query`) while capturing; otherwise says it
/// wants none, so that sqlx does not even format them while cases are timed.
struct CaptureStatements;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for CaptureStatements {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if metadata.target() == "sqlx::query" { Interest::sometimes() } else { Interest::never() }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.target() == "sqlx::query" && CAPTURING.load(Ordering::SeqCst)
    }

    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut statement = Statement::default();
        event.record(&mut statement);
        let sql = if statement.full.trim().is_empty() { statement.summary } else { statement.full.trim().to_owned() };
        let case = CURRENT.lock().expect("current case").clone();
        SEEN.lock().expect("statements").entry(sql).or_default().insert(case);
    }
}

/// The statement an event is about: sqlx gives its first words as `summary` and the whole
/// text as `db.statement`.
#[derive(Default)]
struct Statement {
    summary: String,
    full: String,
}

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        match field.name() {
            "summary" => self.summary = value.to_owned(),
            "db.statement" => self.full = value.to_owned(),
            _ => {}
        }
    }

    fn record_debug(&mut self, _: &tracing::field::Field, _: &dyn std::fmt::Debug) {}
}

/// Installs the capture (idle until [`sequential_scans`] asks for statements).
pub fn capture_statements() {
    let _ = tracing_subscriber::registry().with(CaptureStatements).try_init();
}

/// What the plans showed: the sequential scans of growing tables, out of how many distinct
/// SELECTs were explained (and how many could not be prepared on their own).
pub struct Plans {
    pub scans: Vec<Scan>,
    pub explained: usize,
    pub unprepared: usize,
}

/// A sequential scan of a growing table in the plan of a statement some routes ran.
pub struct Scan {
    pub table: String,
    pub rows: f32,
    pub statement: String,
    pub cases: BTreeSet<String>,
}

/// Asks every case once, capturing its statements, and explains each distinct SELECT on
/// the database at `url`.
pub async fn sequential_scans(people: &People, cases: &[Case], url: &str) -> Plans {
    SEEN.lock().expect("statements").clear();
    CAPTURING.store(true, Ordering::SeqCst);
    for case in cases {
        *CURRENT.lock().expect("current case") = format!("{} as {} ({})", case.route, case.who.name(), case.variant);
        let _ = people.ask(case).await;
    }
    CAPTURING.store(false, Ordering::SeqCst);
    let seen = std::mem::take(&mut *SEEN.lock().expect("statements"));

    let mut conn = sqlx::PgConnection::connect(url).await.expect("PostgreSQL reachable");
    sqlx::query("SET plan_cache_mode = force_generic_plan").execute(&mut conn).await.expect("generic plans");
    let mut plans = Plans { scans: Vec::new(), explained: 0, unprepared: 0 };
    for (sql, ran_by) in seen.into_iter().filter(|(sql, _)| is_read(sql)) {
        let Some(plan) = generic_plan(&mut conn, &sql).await else {
            println!("postgres   could not explain: {}", one_line(&sql));
            plans.unprepared += 1;
            continue;
        };
        plans.explained += 1;
        for table in scanned_tables(&plan) {
            let rows = table_rows(&mut conn, &table).await;
            if rows >= GROWING {
                plans.scans.push(Scan { table, rows, statement: one_line(&sql), cases: ran_by.clone() });
            }
        }
    }
    println!("postgres   explained {} distinct SELECTs ({} could not be prepared alone)", plans.explained, plans.unprepared);
    plans
}

fn is_read(sql: &str) -> bool {
    let start = sql.trim_start().to_ascii_uppercase();
    start.starts_with("SELECT") || start.starts_with("WITH")
}

/// The plan PostgreSQL would use for any parameters, line by line; None when the statement
/// cannot be prepared alone.
async fn generic_plan(conn: &mut sqlx::PgConnection, sql: &str) -> Option<Vec<String>> {
    let parameters = (1..=999).take_while(|n| sql.contains(&format!("${n}"))).count();
    sqlx::query(&format!("PREPARE scale_plan AS {sql}")).execute(&mut *conn).await.ok()?;
    let nulls = vec!["NULL"; parameters].join(", ");
    let execute = if parameters == 0 { "EXPLAIN EXECUTE scale_plan".to_owned() } else { format!("EXPLAIN EXECUTE scale_plan({nulls})") };
    let plan: Result<Vec<(String,)>, _> = sqlx::query_as(&execute).fetch_all(&mut *conn).await;
    let _ = sqlx::query("DEALLOCATE scale_plan").execute(&mut *conn).await;
    Some(plan.ok()?.into_iter().map(|(line,)| line).collect())
}

/// The tables a plan reads whole: `Seq Scan on <table>`.
fn scanned_tables(plan: &[String]) -> BTreeSet<String> {
    plan.iter()
        .filter_map(|line| line.split("Seq Scan on ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// PostgreSQL's estimate of a table's rows (kept by ANALYZE).
async fn table_rows(conn: &mut sqlx::PgConnection, table: &str) -> f32 {
    sqlx::query_as::<_, (f32,)>("SELECT reltuples FROM pg_class WHERE relname = $1 AND relkind = 'r'")
        .bind(table)
        .fetch_optional(conn)
        .await
        .ok()
        .flatten()
        .map_or(0.0, |(rows,)| rows)
}

fn one_line(sql: &str) -> String {
    let line = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 240 { format!("{}…", line.chars().take(240).collect::<String>()) } else { line }
}

/// The scans as a Markdown list.
pub fn describe(plans: &Plans) -> String {
    let mut text = format!(
        "The generic plans of the {} distinct SELECT statements the cases ran ({} could not be prepared on their own), for tables of \
         {GROWING} rows or more: ",
        plans.explained, plans.unprepared
    );
    if plans.scans.is_empty() {
        text.push_str("no sequential scan; every such table is reached through an index.\n");
        return text;
    }
    text.push_str("these scan a whole table.\n\n");
    for scan in &plans.scans {
        let cases: Vec<&str> = scan.cases.iter().map(String::as_str).collect();
        text.push_str(&format!("- **{}** (~{:.0} rows), by {}:\n  `{}`\n", scan.table, scan.rows, cases.join("; "), scan.statement));
    }
    text
}
