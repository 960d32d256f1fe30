//! The query plans of the statements the routes run: each case is asked once more while
//! sqlx's statement events are captured, and each distinct SELECT is explained. PostgreSQL
//! gives the plan it would use for any parameters (a generic plan: `plan_cache_mode =
//! force_generic_plan`, then `EXPLAIN EXECUTE` of the prepared statement); SQLite its
//! `EXPLAIN QUERY PLAN` with every parameter NULL (as `tests/statements.rs` reads it). A
//! whole-table (or whole-index) scan of a table that grows is reported with the routes
//! that ran it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use sqlx::{Connection, SqliteConnection};
use tracing::subscriber::Interest;
use tracing::{Metadata, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

use crate::cases::Case;
use crate::timing::People;

/// Tables with fewer rows than this are not worth an index (a planner rightly scans them);
/// every table with more grows with the communities or their use (even `communities`).
const GROWING: f32 = 1_000.0;

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

/// What the plans showed: the scans of growing tables, out of how many distinct SELECTs
/// were explained (and how many could not be explained on their own).
pub struct Plans {
    pub backend: &'static str,
    pub scans: Vec<Scan>,
    pub explained: usize,
    pub unexplained: usize,
}

/// A scan of a whole growing table in the plan of a statement some routes ran.
pub struct Scan {
    pub table: String,
    pub rows: f32,
    pub statement: String,
    pub cases: BTreeSet<String>,
}

/// The statements each case runs: every case asked once while they are captured.
async fn statements(people: &People, cases: &[Case]) -> BTreeMap<String, BTreeSet<String>> {
    SEEN.lock().expect("statements").clear();
    CAPTURING.store(true, Ordering::SeqCst);
    for case in cases {
        *CURRENT.lock().expect("current case") = format!("{} as {} ({})", case.route, case.who.name(), case.variant);
        let _ = people.ask(case).await;
    }
    CAPTURING.store(false, Ordering::SeqCst);
    std::mem::take(&mut *SEEN.lock().expect("statements"))
}

/// A database to explain statements on.
enum Explainer {
    Postgres(sqlx::PgConnection),
    Sqlite(SqliteConnection),
}

impl Explainer {
    async fn connect(backend: &str, url: &str) -> Self {
        if backend == "postgres" {
            let mut conn = sqlx::PgConnection::connect(url).await.expect("PostgreSQL reachable");
            sqlx::query("SET plan_cache_mode = force_generic_plan").execute(&mut conn).await.expect("generic plans");
            Explainer::Postgres(conn)
        } else {
            Explainer::Sqlite(SqliteConnection::connect(url).await.expect("SQLite file opens"))
        }
    }

    /// The tables the statement's plan reads whole; None when it cannot be explained alone.
    async fn scanned(&mut self, sql: &str) -> Option<BTreeSet<String>> {
        match self {
            Explainer::Postgres(conn) => Some(scanned_tables(&generic_plan(conn, sql).await?)),
            Explainer::Sqlite(conn) => sqlite_scans(conn, sql).await,
        }
    }

    /// The table's rows: PostgreSQL's estimate (kept by ANALYZE), SQLite's count.
    async fn rows(&mut self, table: &str) -> f32 {
        match self {
            Explainer::Postgres(conn) => sqlx::query_as::<_, (f32,)>("SELECT reltuples FROM pg_class WHERE relname = $1 AND relkind = 'r'")
                .bind(table)
                .fetch_optional(conn)
                .await
                .ok()
                .flatten()
                .map_or(0.0, |(rows,)| rows),
            Explainer::Sqlite(conn) if table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                sqlx::query_as::<_, (i64,)>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(conn).await.map_or(0.0, |(rows,)| rows as f32)
            }
            Explainer::Sqlite(_) => 0.0,
        }
    }
}

/// Asks every case once, capturing its statements, and explains each distinct SELECT on
/// the `backend` database at `url`.
pub async fn full_scans(people: &People, cases: &[Case], backend: &'static str, url: &str) -> Plans {
    let seen = statements(people, cases).await;
    let mut explainer = Explainer::connect(backend, url).await;
    let mut plans = Plans { backend, scans: Vec::new(), explained: 0, unexplained: 0 };
    for (sql, ran_by) in seen.into_iter().filter(|(sql, _)| is_read(sql)) {
        let Some(tables) = explainer.scanned(&sql).await else {
            println!("{backend:<10} could not explain: {}", one_line(&sql));
            plans.unexplained += 1;
            continue;
        };
        plans.explained += 1;
        for table in tables {
            let rows = explainer.rows(&table).await;
            if rows >= GROWING {
                plans.scans.push(Scan { table, rows, statement: one_line(&sql), cases: ran_by.clone() });
            }
        }
    }
    println!("{backend:<10} explained {} distinct SELECTs ({} could not be explained alone)", plans.explained, plans.unexplained);
    plans
}

fn is_read(sql: &str) -> bool {
    let start = sql.trim_start().to_ascii_uppercase();
    start.starts_with("SELECT") || start.starts_with("WITH")
}

/// How many parameters a statement takes: its largest `$n`.
fn parameters(sql: &str) -> usize {
    sql.split('$').skip(1).filter_map(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok()).max().unwrap_or(0)
}

/// The plan PostgreSQL would use for any parameters, line by line; None when the statement
/// cannot be prepared alone.
async fn generic_plan(conn: &mut sqlx::PgConnection, sql: &str) -> Option<Vec<String>> {
    let parameters = parameters(sql);
    sqlx::query(&format!("PREPARE scale_plan AS {sql}")).execute(&mut *conn).await.ok()?;
    let nulls = vec!["NULL"; parameters].join(", ");
    let execute = if parameters == 0 { "EXPLAIN EXECUTE scale_plan".to_owned() } else { format!("EXPLAIN EXECUTE scale_plan({nulls})") };
    let plan: Result<Vec<(String,)>, _> = sqlx::query_as(&execute).fetch_all(&mut *conn).await;
    let _ = sqlx::query("DEALLOCATE scale_plan").execute(&mut *conn).await;
    Some(plan.ok()?.into_iter().map(|(line,)| line).collect())
}

/// The tables a PostgreSQL plan reads whole: `Seq Scan on <table>`.
fn scanned_tables(plan: &[String]) -> BTreeSet<String> {
    plan.iter()
        .filter_map(|line| line.split("Seq Scan on ").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// The tables SQLite's plan reads whole (`SCAN <table or alias>`), with every parameter NULL.
async fn sqlite_scans(conn: &mut SqliteConnection, sql: &str) -> Option<BTreeSet<String>> {
    let explain = format!("EXPLAIN QUERY PLAN {sql}");
    let mut query = sqlx::query_as::<_, (i64, i64, i64, String)>(&explain);
    for _ in 0..parameters(sql) {
        query = query.bind(None::<i64>);
    }
    let steps = query.fetch_all(conn).await.ok()?;
    let names = table_names(sql);
    Some(
        steps
            .iter()
            // An automatic index is built from a whole table, for this statement alone.
            .filter_map(|(_, _, _, step)| step.strip_prefix("SCAN ").or_else(|| step.contains("AUTOMATIC").then(|| step.trim_start_matches("SEARCH "))))
            // A subquery's rows or a constant row are not a table.
            .filter(|scanned| !scanned.starts_with('(') && !scanned.starts_with("page_") && !scanned.contains("CONSTANT ROW"))
            .filter_map(|scanned| scanned.split_whitespace().next())
            .map(|name| names.get(name).cloned().unwrap_or_else(|| name.to_owned()))
            .collect(),
    )
}

/// The tables of a statement by the names its plan uses: `FROM notices n` gives `n` (and
/// `notices`) for `notices`.
fn table_names(sql: &str) -> BTreeMap<String, String> {
    const NOT_ALIASES: [&str; 12] = ["WHERE", "JOIN", "LEFT", "ON", "ORDER", "GROUP", "LIMIT", "INNER", "CROSS", "UNION", "AS", "USING"];
    let words: Vec<&str> = sql.split(|c: char| c.is_whitespace() || c == ',' || c == ')' || c == '(').filter(|word| !word.is_empty()).collect();
    let mut names = BTreeMap::new();
    for pair in words.windows(3) {
        if pair[0].eq_ignore_ascii_case("FROM") || pair[0].eq_ignore_ascii_case("JOIN") {
            let table = pair[1].to_owned();
            names.insert(table.clone(), table.clone());
            if !NOT_ALIASES.iter().any(|keyword| pair[2].eq_ignore_ascii_case(keyword)) {
                names.insert(pair[2].to_owned(), table);
            }
        }
    }
    names
}

fn one_line(sql: &str) -> String {
    let line = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 240 { format!("{}…", line.chars().take(240).collect::<String>()) } else { line }
}

/// The scans as a Markdown paragraph and list.
pub fn describe(plans: &Plans) -> String {
    let how = if plans.backend == "postgres" {
        "generic plans (`plan_cache_mode = force_generic_plan`)"
    } else {
        "`EXPLAIN QUERY PLAN` with every parameter NULL (a `SCAN`, or an automatic index built for the statement)"
    };
    let mut text = format!(
        "The {how} of the {} distinct SELECT statements the cases ran ({} could not be explained on their own), for tables of \
         {GROWING} rows or more: ",
        plans.explained, plans.unexplained
    );
    if plans.scans.is_empty() {
        text.push_str("no whole-table scan; every such table is reached through an index.\n");
        return text;
    }
    text.push_str("these read a whole table (or a whole index).\n\n");
    for scan in &plans.scans {
        let cases: Vec<&str> = scan.cases.iter().map(String::as_str).collect();
        text.push_str(&format!("- **{}** (~{:.0} rows), by {}:\n  `{}`\n", scan.table, scan.rows, cases.join("; "), scan.statement));
    }
    text
}
