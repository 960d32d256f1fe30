//! The one seam between SQLite and PostgreSQL.
//!
//! Queries are written once in portable SQL (`$1` placeholders, `RETURNING`, `ON CONFLICT`)
//! and run through sqlx's `Any` driver. What differs between the two backends lives here:
//! connection settings and the migration folders. Times are stored as UTC milliseconds
//! since the epoch (BIGINT) and flags as 0/1 BIGINT, which both backends and the `Any`
//! driver agree on.

use std::collections::BTreeSet;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Executor};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    /// Connects and applies the backend's migrations.
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(sqlx::Error::Configuration(format!("unsupported database URL: {url}").into()));
        };
        // Statements go out as trace events (target `sqlx::query`): silent unless RUST_LOG asks
        // for them, and what the tests count to hold a request's statements constant.
        let options = AnyConnectOptions::from_str(url)?.log_statements(log::LevelFilter::Trace);
        let pool = match backend {
            Backend::Sqlite => {
                // WAL lets readers run beside the single writer; FULL makes every
                // acknowledged commit survive a power cut (STANDARDS.md §6).
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("PRAGMA journal_mode = WAL").await?;
                            conn.execute("PRAGMA synchronous = FULL").await?;
                            conn.execute("PRAGMA foreign_keys = ON").await?;
                            conn.execute("PRAGMA busy_timeout = 10000").await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?,
        };
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&pool).await?;
        Ok(Self { pool, backend })
    }
}

impl Db {
    /// Begins a transaction that will write. On SQLite it takes the write lock at `BEGIN`
    /// (`BEGIN IMMEDIATE`, waiting up to the busy timeout): a deferred transaction that reads
    /// first and writes later fails with SQLITE_BUSY whenever another writer committed in
    /// between, because a WAL read snapshot cannot be upgraded. PostgreSQL's row locks make
    /// its default `BEGIN` right as it is.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// After rows were written with ids of the writer's choosing (the scale seeder's bulk
/// inserts), makes the next id each of `tables` generates follow them. SQLite takes one past
/// the largest id anyway; a PostgreSQL identity column counts on its own sequence, which
/// explicit ids do not move.
pub async fn continue_ids(conn: &mut AnyConnection, backend: Backend, tables: &[&str]) -> Result<(), sqlx::Error> {
    if backend == Backend::Sqlite {
        return Ok(());
    }
    for table in tables {
        let sql = format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)");
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(())
}

/// UTC milliseconds, the storage form of every time.
pub fn to_millis(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

pub fn from_millis(millis: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(millis).single().unwrap_or_default()
}

/// `$first, $first+1, …` for `count` values: the bind list of an `IN (…)` or of one row
/// of a multi-row `VALUES`, in the placeholder style both backends accept.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// Flags are 0/1 integers in both backends.
pub fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// True when the error is a unique-constraint violation, on either backend.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// `($1, $2), ($3, $4), …`: the bind list of a multi-row `VALUES` of `rows` rows with
/// `columns` values each.
pub fn value_rows(rows: usize, columns: usize) -> String {
    (0..rows).map(|row| format!("({})", placeholders(row * columns + 1, columns))).collect::<Vec<_>>().join(", ")
}

/// Runs `sql`, whose `{ids}` is replaced by the placeholders of the distinct `ids` (bound
/// first) and whose later placeholders take `then` in turn.
pub async fn select_in<T>(conn: &mut AnyConnection, sql: &str, ids: &[i64], then: &[i64]) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let distinct: Vec<i64> = ids.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
    if distinct.is_empty() {
        return Ok(Vec::new());
    }
    let sql = sql.replace("{ids}", &placeholders(1, distinct.len())).replace("{next}", &format!("${}", distinct.len() + 1));
    let sql = sql.replace("{next2}", &format!("${}", distinct.len() + 2));
    let mut query = sqlx::query_as::<_, T>(&sql);
    for id in distinct.iter().chain(then) {
        query = query.bind(*id);
    }
    query.fetch_all(conn).await
}
