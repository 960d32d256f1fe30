//! The administration subcommands: set up a community on an empty server from a terminal.
//!
//! ```text
//! linli-server community create --name 幸福里社区 --service-phone 021-5555-0199
//! linli-server community list
//! linli-server staff add --community 2 --phone 13800000011 --name 周主任
//! linli-server import --community 2 ledger.xlsx [--dry-run]
//! linli-server seed-scale [--scale 0.01]
//! ```

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use linli_api::admin::NewCommunity;
use linli_api::auth::Role;
use linli_api::ids::CommunityId;
use linli_api::register::limits::LEDGER_MAX_BYTES;
use linli_api::{validate, ApiError};

use crate::auth::{password, storage::NewAccount};
use crate::community::{register, storage as community};
use crate::db::Db;
use crate::error::AppError;

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Serve the app and the API (what runs without a subcommand).
    Serve,
    /// Create and list the communities on this server.
    #[command(subcommand)]
    Community(CommunityCommand),
    /// Add a staff account to a community.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Import the property company's household ledger (CSV or Excel) into a community's
    /// register; nothing is written unless every row is good.
    Import(ImportArgs),
    /// Fill an empty database with the scale data set for benchmarks: a community of
    /// 10,000 households with years of use, and 999 small ones beside it.
    SeedScale(SeedScaleArgs),
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum CommunityCommand {
    /// Create a community and print its id.
    Create {
        /// The community's name, e.g. 幸福里社区.
        #[arg(long)]
        name: String,
        /// The community service centre's phone, e.g. 021-5555-0199.
        #[arg(long)]
        service_phone: String,
        /// An IANA zone of China (Asia/Shanghai, Asia/Urumqi…) or an offset such as +08:00.
        #[arg(long, default_value = "Asia/Shanghai")]
        time_zone: String,
    },
    /// List the communities: id, name, service phone, households on record.
    List,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum StaffCommand {
    /// Add an account that signs in with a password. The password is asked twice on a
    /// terminal, or read from the first line of standard input; never from the command line.
    Add {
        /// The community's id (see `community list`).
        #[arg(long)]
        community: i64,
        /// The mobile number they sign in with.
        #[arg(long)]
        phone: String,
        #[arg(long)]
        name: String,
        /// staff (居委会), admin (街道办, sets communities up) or property (物业).
        #[arg(long, default_value = "staff", value_parser = ["staff", "admin", "property"])]
        role: String,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The community's id (see `community list`).
    #[arg(long)]
    pub community: i64,
    /// Only show what would change.
    #[arg(long)]
    pub dry_run: bool,
    /// The ledger: .csv (UTF-8 or GB18030) or .xlsx.
    pub file: PathBuf,
}

#[derive(Debug, Clone, clap::Args)]
pub struct SeedScaleArgs {
    /// The fraction of the full size (above 0, at most 1): 0.01 seeds a hundredth of everything.
    #[arg(long, env = "LINLI_SCALE", default_value_t = 1.0)]
    pub scale: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{}", refused(.0))]
    Refused(#[from] AppError),
    #[error("no community has the id {0} (see `linli-server community list`)")]
    NoSuchCommunity(i64),
    #[error("the two passwords differ")]
    PasswordsDiffer,
    #[error("no password on standard input")]
    NoPassword,
    #[error("cannot read {0}: {1}")]
    Read(String, std::io::Error),
    #[error("{0} is larger than {LEDGER_MAX_BYTES} bytes; import it building by building")]
    FileTooLarge(String),
    #[error("the ledger has {0} problem(s); nothing was imported")]
    LedgerProblems(u32),
    #[error("{0}")]
    Seed(#[from] crate::seed::scale::SeedError),
    #[error("kept counts disagree with their rows: {}", .0.join("; "))]
    KeptCounts(Vec<String>),
}

/// A refusal as a sentence for a terminal: the error code and the field it concerns.
fn refused(error: &AppError) -> String {
    match error {
        AppError::Invalid(ApiError { code, field: Some(field) }) => format!("{field}: {code}"),
        AppError::Invalid(ApiError { code, field: None }) => code.to_string(),
        AppError::LedgerColumnsMissing(column) => format!("the ledger has no header for the column {column}"),
        other => other.to_string(),
    }
}

/// Runs an administration command and prints what it did.
pub async fn run(db: &Db, command: Command, now: DateTime<Utc>, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        Command::Serve => Ok(()),
        Command::Community(CommunityCommand::Create { name, service_phone, time_zone }) => {
            let mut tx = db.begin_write().await?;
            let request = NewCommunity { name, service_phone, time_zone: Some(time_zone) };
            let info = super::create_community(&mut tx, &request, now).await?;
            tx.commit().await?;
            let _ = writeln!(out, "created community {} ({}), id {}", info.name, info.service_phone, info.id);
            Ok(())
        }
        Command::Community(CommunityCommand::List) => {
            let mut conn = db.pool.acquire().await?;
            let communities = community::communities_after(&mut conn, 0, i64::MAX).await?;
            let ids: Vec<CommunityId> = communities.iter().map(|info| info.id).collect();
            let counts = community::register_counts(&mut conn, &ids).await?;
            let _ = writeln!(out, "{:>6}  {:<24} {:<16} households", "id", "name", "service phone");
            for info in communities {
                let (households, ..) = counts.get(&info.id).copied().unwrap_or_default();
                let _ = writeln!(out, "{:>6}  {:<24} {:<16} {households}", info.id, info.name, info.service_phone);
            }
            Ok(())
        }
        Command::Staff(StaffCommand::Add { community, phone, name, role }) => {
            let role = Role::parse(&role).unwrap_or(Role::Staff);
            let request = linli_api::admin::NewAccountRequest { name, phone, role };
            let checked = validate::admin::new_account(&request, true).map_err(|error| CliError::Refused(AppError::Invalid(error)))?;
            let mut conn = db.pool.acquire().await?;
            if !community::community_exists(&mut conn, CommunityId(community)).await? {
                return Err(CliError::NoSuchCommunity(community));
            }
            drop(conn);
            let password = read_new_password()?;
            validate::new_password(&password, "password").map_err(|error| CliError::Refused(AppError::Invalid(error)))?;
            let password_hash = password::hash(password).await?;
            let account = NewAccount {
                community: CommunityId(community),
                household: None,
                role: checked.role,
                name: &checked.name,
                phone: &checked.phone,
                password_hash: &password_hash,
                is_owner: false,
                locale: Default::default(),
                consented_at: None,
                now,
            };
            let mut tx = db.begin_write().await?;
            let user = match crate::auth::storage::insert_account(&mut tx, &account).await {
                Err(error) if crate::db::is_unique_violation(&error) => return Err(AppError::PhoneTaken.into()),
                other => other?,
            };
            community::audit_detail(&mut tx, CommunityId(community), None, "account_opened", &format!("user:{user}"), role.as_str(), now)
                .await?;
            tx.commit().await?;
            let _ = writeln!(out, "added {} {} ({}), who can sign in now", role.as_str(), checked.name, checked.phone);
            Ok(())
        }
        Command::Import(ImportArgs { community, dry_run, file }) => {
            let shown = file.display().to_string();
            let size = std::fs::metadata(&file).map_err(|error| CliError::Read(shown.clone(), error))?.len();
            if size > LEDGER_MAX_BYTES as u64 {
                return Err(CliError::FileTooLarge(shown));
            }
            let bytes = std::fs::read(&file).map_err(|error| CliError::Read(shown.clone(), error))?;
            let mut conn = db.pool.acquire().await?;
            if !community::community_exists(&mut conn, CommunityId(community)).await? {
                return Err(CliError::NoSuchCommunity(community));
            }
            drop(conn);
            let ledger = crate::community::register::routes::read(bytes.into()).await?;
            let summary = register::import_ledger(db, CommunityId(community), None, &ledger, !dry_run, now).await?;
            for problem in &summary.problems {
                let _ = writeln!(
                    out,
                    "line {}: {}: {} ({:?})",
                    problem.line,
                    problem.column.as_str(),
                    problem.problem.as_str(),
                    problem.value
                );
            }
            let verb = if summary.applied { "imported" } else { "would import" };
            let _ = writeln!(
                out,
                "{} rows: {verb} {} new buildings, {} new units, {} new households, {} corrected; {} unchanged",
                summary.rows,
                summary.buildings_new,
                summary.units_new,
                summary.households_new,
                summary.households_changed,
                summary.households_unchanged
            );
            if summary.problems_total > 0 {
                return Err(CliError::LedgerProblems(summary.problems_total));
            }
            Ok(())
        }
        Command::SeedScale(SeedScaleArgs { scale }) => seed_scale(db, scale, now, out).await,
    }
}

/// Seeds the scale data set, says how long each part took, and checks that every count
/// kept beside its rows agrees with them.
async fn seed_scale(db: &Db, scale: f64, now: DateTime<Utc>, out: &mut impl Write) -> Result<(), CliError> {
    let _ = writeln!(out, "seeding the scale data set at scale {scale} ({:?})", crate::seed::scale::Sizes::at(scale));
    let timings = crate::seed::scale::seed(db, scale, now).await?;
    let _ = writeln!(out, "seeded in {:.1} s:\n{timings}", timings.total.as_secs_f64());
    let problems = crate::seed::scale::check::kept_counts(&mut *db.pool.acquire().await?).await?;
    if !problems.is_empty() {
        return Err(CliError::KeptCounts(problems));
    }
    let _ = writeln!(out, "every kept count agrees with its rows; every ballot chain verifies");
    Ok(())
}

/// The password from the terminal (asked twice, not echoed) or from standard input's first line.
fn read_new_password() -> Result<String, CliError> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|error| CliError::Read("the terminal".into(), error))?;
        let second = rpassword::prompt_password("Password again: ").map_err(|error| CliError::Read("the terminal".into(), error))?;
        if first != second {
            return Err(CliError::PasswordsDiffer);
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|error| CliError::Read("standard input".into(), error))?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(CliError::NoPassword);
    }
    Ok(password)
}
