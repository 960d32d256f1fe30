//! The scale data set: one community of 10,000 households and 20,000 residents with all
//! the years of use that size brings (20,000 notices, an owners' vote with a ballot from
//! every owner, 5,000 topics, 100,000 problem reports, 2,000 group buys with 200,000
//! orders, 50,000 bookings, wishes, help requests, family links), and 999 small communities
//! beside it, so that every query has to find its own community's rows by index.
//!
//! It fills an empty database for the scale benchmark (`cargo bench --bench scale`) or by
//! hand (`linli-server seed-scale`). Rows go in with multi-row inserts in a few large
//! transactions (`bulk`); ballots go through the hall's own planning of a batch, so the
//! vote's hash chain verifies; every count the server keeps beside its rows is set from
//! those rows, and [`check::kept_counts`] says whether they agree. The generator is
//! deterministic: the same scale gives the same data.
//!
//! `scale` shrinks every count in proportion (0.01 for a quick run); well-known accounts
//! ([`RESIDENT_PHONE`] and the others, password [`PASSWORD`]) and the biggest items are
//! found again by [`landmarks::find`].

pub mod bulk;
pub mod check;
mod groceries;
mod hall;
pub mod landmarks;
mod neighbours;
mod notices;
mod people;
mod reports;
mod services;
mod small;
mod text;

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::auth::password;
use crate::db::{Backend, Db};
use crate::error::AppError;

/// The password of every account of the data set.
pub const PASSWORD: &str = "scale2026";
/// The big community's name, by which the benchmark finds it (and when it was seeded).
pub const COMMUNITY_NAME: &str = "万家花园社区（规模测试）";
/// The resident the benchmark reads as: an owner who voted, reads notices, orders, books,
/// reports, wishes and volunteers, has asked for help and has a family member linked.
pub const RESIDENT_PHONE: &str = "13900000000";
pub const STAFF_PHONE: &str = "13800000000";
pub const PROPERTY_PHONE: &str = "13810000000";
/// The shop of the biggest campaign.
pub const MERCHANT_PHONE: &str = "13820000000";
pub const ADMIN_PHONE: &str = "13830000000";
/// The family member of [`RESIDENT_PHONE`], with the longest family history.
pub const FAMILY_PHONE: &str = "13500000000";

/// How many of each thing, at `scale` of the full size (every count at least one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub scale: f64,
    pub households: usize,
    pub residents_per_household: usize,
    pub staff: usize,
    pub property: usize,
    pub merchants: usize,
    pub notices: usize,
    /// The notices each resident has read besides the urgent one (the newest ones).
    pub notices_read_each: usize,
    /// The notices the benchmark's resident has read.
    pub notices_read_by_resident: usize,
    pub votes: usize,
    /// Ballots on each vote besides the owners' vote.
    pub ballots_per_vote: usize,
    pub topics: usize,
    pub thread_comments: usize,
    pub comments_per_topic: usize,
    pub proposals_gathering: usize,
    pub reports: usize,
    pub me_too_on_biggest: usize,
    pub campaigns: usize,
    pub campaigns_open: usize,
    pub orders: usize,
    pub bookings: usize,
    pub wishes: usize,
    pub volunteers: usize,
    pub help_requests: usize,
    pub family_links: usize,
    pub family_activity_each: usize,
    pub family_activity_of_resident: usize,
    pub small_communities: usize,
}

impl Sizes {
    pub fn at(scale: f64) -> Self {
        let n = |full: usize| ((full as f64 * scale).round() as usize).max(1);
        Sizes {
            scale,
            households: n(10_000),
            residents_per_household: 2,
            staff: n(8),
            property: n(4),
            merchants: n(40),
            notices: n(20_000),
            notices_read_each: 3,
            notices_read_by_resident: n(1_000),
            votes: n(50),
            ballots_per_vote: n(200),
            topics: n(5_000),
            thread_comments: n(5_000),
            comments_per_topic: 8,
            proposals_gathering: n(40),
            reports: n(100_000),
            me_too_on_biggest: n(2_000),
            campaigns: n(2_000),
            campaigns_open: n(30),
            orders: n(200_000),
            bookings: n(50_000),
            wishes: n(5_000),
            volunteers: n(300),
            help_requests: n(2_000),
            family_links: n(2_000),
            family_activity_each: 10,
            family_activity_of_resident: n(2_000),
            small_communities: n(999),
        }
    }

    pub fn residents(&self) -> usize {
        self.households * self.residents_per_household
    }
}

/// What every part of the seeding shares.
pub struct Seeding {
    pub backend: Backend,
    pub now: DateTime<Utc>,
    pub sizes: Sizes,
    pub rng: StdRng,
    /// Every account's password hash (hashing 30,000 passwords would take minutes).
    pub password_hash: String,
}

impl Seeding {
    /// `days` days before now (fractions allowed), as stored: UTC milliseconds.
    pub fn ago(&self, days: f64) -> i64 {
        crate::db::to_millis(self.now) - (days * 86_400_000.0) as i64
    }

    pub fn now_millis(&self) -> i64 {
        crate::db::to_millis(self.now)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the database already has {0} communities; the scale data set goes into an empty one")]
    NotEmpty(i64),
    #[error("scale must be above 0 and at most 1, not {0}")]
    BadScale(f64),
    #[error(transparent)]
    App(#[from] AppError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// How long each part took, for the report.
#[derive(Debug, Default)]
pub struct Timings {
    pub parts: Vec<(&'static str, Duration, usize)>,
    pub total: Duration,
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (part, took, rows) in &self.parts {
            writeln!(f, "  {part:<24} {:>8.1} s {rows:>10} rows", took.as_secs_f64())?;
        }
        write!(f, "  {:<24} {:>8.1} s", "total", self.total.as_secs_f64())
    }
}

/// Fills an empty database with the data set at `scale` as of `now`.
pub async fn seed(db: &Db, scale: f64, now: DateTime<Utc>) -> Result<Timings, SeedError> {
    if !(scale > 0.0 && scale <= 1.0) {
        return Err(SeedError::BadScale(scale));
    }
    let communities = crate::community::storage::community_count(&mut *db.pool.acquire().await?).await?;
    if communities > 0 {
        return Err(SeedError::NotEmpty(communities));
    }
    let started = Instant::now();
    let mut seeding = Seeding {
        backend: db.backend,
        now,
        sizes: Sizes::at(scale),
        rng: StdRng::seed_from_u64(2026),
        password_hash: password::hash(PASSWORD.to_owned()).await?,
    };
    let mut timings = Timings::default();
    let mut part = Instant::now();
    let mut done = |name: &'static str, rows: usize, timings: &mut Timings| {
        timings.parts.push((name, part.elapsed(), rows));
        part = Instant::now();
    };

    // Each part is one transaction: a failure leaves the parts before it, and the
    // benchmark starts again from an empty database.
    let mut tx = db.begin_write().await?;
    let (town, rows) = people::settle(&mut tx, &mut seeding).await?;
    tx.commit().await?;
    done("people", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let (owners_vote, rows) = hall::votes(&mut tx, &mut seeding, &town).await?;
    tx.commit().await?;
    done("votes and ballots", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = notices::publish(&mut tx, &mut seeding, &town, owners_vote).await?;
    tx.commit().await?;
    done("notices and reads", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = hall::topics(&mut tx, &mut seeding, &town, owners_vote).await?;
    tx.commit().await?;
    done("topics and comments", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = reports::report(&mut tx, &mut seeding, &town).await?;
    tx.commit().await?;
    done("problem reports", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = groceries::buy(&mut tx, &mut seeding, &town).await?;
    tx.commit().await?;
    done("group buying", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = services::book(&mut tx, &mut seeding, &town).await?;
    tx.commit().await?;
    done("appointments", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = neighbours::help_each_other(&mut tx, &mut seeding, &town).await?;
    tx.commit().await?;
    done("wishes, help, family", rows, &mut timings);

    let mut tx = db.begin_write().await?;
    let rows = small::communities(&mut tx, &mut seeding).await?;
    tx.commit().await?;
    done("small communities", rows, &mut timings);

    // Counts kept beside the rows, set from the rows once everything is in.
    let mut tx = db.begin_write().await?;
    let rows = check::set_kept_counts(&mut tx).await?;
    tx.commit().await?;
    done("kept counts", rows, &mut timings);

    // PostgreSQL's autovacuum would gather the planner's statistics on these new tables
    // within a minute or so; the data set is used at once, so it gets them now. (SQLite
    // plans without statistics unless told to gather them, which the server never does.)
    if db.backend == Backend::Postgres {
        sqlx::query("ANALYZE").execute(&db.pool).await?;
        done("planner statistics", 0, &mut timings);
    }
    timings.total = started.elapsed();
    Ok(timings)
}
