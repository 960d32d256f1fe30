//! Bulk writing for the scale data set: rows go out in multi-row INSERTs of up to a thousand
//! rows, with ids the seeder assigns itself, so that rows can point at each other without
//! reading anything back (a million rows one statement each would take an hour).

use sqlx::AnyConnection;

use crate::db::{value_rows, Backend};

/// One value of a row. Nulls carry their column's kind: PostgreSQL refuses a BIGINT null
/// for a TEXT column.
#[derive(Debug, Clone)]
pub enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Bytes(Vec<u8>),
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Value::Int(Some(value))
    }
}

impl From<Option<i64>> for Value {
    fn from(value: Option<i64>) -> Self {
        Value::Int(value)
    }
}

/// Flags are 0/1 integers in both backends.
impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Int(Some(i64::from(value)))
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::Text(Some(value.to_owned()))
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::Text(Some(value))
    }
}

impl From<Option<String>> for Value {
    fn from(value: Option<String>) -> Self {
        Value::Text(value)
    }
}

impl From<Option<&str>> for Value {
    fn from(value: Option<&str>) -> Self {
        Value::Text(value.map(str::to_owned))
    }
}

impl From<Vec<u8>> for Value {
    fn from(value: Vec<u8>) -> Self {
        Value::Bytes(value)
    }
}

/// A row's values in column order: `row![id, name, None::<i64>]`.
macro_rules! row {
    ($($value:expr),* $(,)?) => {
        vec![$($crate::seed::scale::bulk::Value::from($value)),*]
    };
}
pub(crate) use row;

/// Bind parameters per statement. Both backends allow far more (SQLite 32,766, PostgreSQL
/// 65,535), but SQLite looks each `$n` up among those before it while parsing, so a
/// statement's parse time grows with the square of its parameters: 21,000 took seconds.
const MAX_PARAMETERS: usize = 4_000;
const MAX_ROWS: usize = 1_000;

/// Rows waiting to be written into one table; they go out whenever a statement's worth
/// has gathered, and the rest at [`Table::finish`]. Parents must be finished before their
/// children are written (foreign keys are checked at once on both backends).
pub struct Table {
    name: &'static str,
    columns: &'static [&'static str],
    per_statement: usize,
    waiting: Vec<Vec<Value>>,
    written: usize,
}

impl Table {
    pub fn new(name: &'static str, columns: &'static [&'static str]) -> Self {
        let per_statement = (MAX_PARAMETERS / columns.len()).min(MAX_ROWS);
        Table { name, columns, per_statement, waiting: Vec::with_capacity(per_statement), written: 0 }
    }

    /// Adds a row (its values in the table's column order); writes when a statement is full.
    pub async fn add(&mut self, conn: &mut AnyConnection, row: Vec<Value>) -> Result<(), sqlx::Error> {
        debug_assert_eq!(row.len(), self.columns.len(), "a row of {} has a value per column", self.name);
        self.waiting.push(row);
        if self.waiting.len() == self.per_statement {
            self.flush(conn).await?;
        }
        Ok(())
    }

    /// Adds a row that points at rows of `parent` that may still be waiting: whenever this
    /// table writes, the parent writes first.
    pub async fn add_under(&mut self, conn: &mut AnyConnection, parent: &mut Table, row: Vec<Value>) -> Result<(), sqlx::Error> {
        self.waiting.push(row);
        if self.waiting.len() == self.per_statement {
            parent.flush(conn).await?;
            self.flush(conn).await?;
        }
        Ok(())
    }

    /// Keeps a row to be written at [`Table::finish`] (for rows whose parents are not all
    /// written yet).
    pub fn hold(&mut self, row: Vec<Value>) {
        self.waiting.push(row);
    }

    /// Writes what is left; returns how many rows the table received.
    pub async fn finish(mut self, conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
        self.flush(conn).await?;
        Ok(self.written)
    }

    async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        while !self.waiting.is_empty() {
            let rows = self.waiting.len().min(self.per_statement);
            self.write(conn, rows).await?;
        }
        Ok(())
    }

    /// Writes the first `rows` waiting rows in one statement.
    async fn write(&mut self, conn: &mut AnyConnection, rows: usize) -> Result<(), sqlx::Error> {
        let sql = format!("INSERT INTO {} ({}) VALUES {}", self.name, self.columns.join(", "), value_rows(rows, self.columns.len()));
        let mut query = sqlx::query(&sql);
        for value in self.waiting.drain(..rows).flatten() {
            query = match value {
                Value::Int(value) => query.bind(value),
                Value::Text(value) => query.bind(value),
                Value::Bytes(value) => query.bind(value),
            };
        }
        let done = query.execute(&mut *conn).await?;
        self.written += done.rows_affected() as usize;
        Ok(())
    }
}

/// The first id to give new rows of `table`: one past the largest it holds.
pub async fn first_free_id(conn: &mut AnyConnection, table: &str) -> Result<i64, sqlx::Error> {
    let (largest,): (Option<i64>,) = sqlx::query_as(&format!("SELECT MAX(id) FROM {table}")).fetch_one(conn).await?;
    Ok(largest.unwrap_or(0) + 1)
}

/// Ids handed out in turn, from one past the largest a table holds.
pub struct Ids {
    next: i64,
}

impl Ids {
    pub async fn of(conn: &mut AnyConnection, table: &str) -> Result<Self, sqlx::Error> {
        Ok(Ids { next: first_free_id(conn, table).await? })
    }

    pub fn take(&mut self) -> i64 {
        self.next += 1;
        self.next - 1
    }
}

/// After rows were written with ids of the seeder's choosing, the ids the server generates
/// next must follow them (see [`crate::db::continue_ids`]).
pub async fn continue_ids(conn: &mut AnyConnection, backend: Backend, tables: &[&str]) -> Result<(), sqlx::Error> {
    crate::db::continue_ids(conn, backend, tables).await
}
