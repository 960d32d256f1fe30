//! Configuration by flags and environment.

use std::net::SocketAddr;
use std::path::PathBuf;

/// The command line: the server's settings, and an administration subcommand (or none, to serve).
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "linli-server", about = "Linli (邻里) community server", version)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<crate::admin::cli::Command>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Folder for the embedded SQLite database and other local data.
    #[arg(long, env = "LINLI_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Address and port to listen on.
    #[arg(long, env = "LINLI_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// `sqlite://…` or `postgres://…`; defaults to `linli.db` in the data folder.
    #[arg(long, env = "LINLI_DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// The built web app to serve at `/` (made by scripts/build-web.sh).
    #[arg(long, env = "LINLI_WEB_DIR", default_value = "app/dist")]
    pub web_dir: PathBuf,

    /// Do not create the demo community on an empty database.
    #[arg(long, env = "LINLI_NO_DEMO")]
    pub no_demo: bool,

    /// Extra origins allowed to call the API from a browser (besides the Tauri shell's).
    #[arg(long = "cors-origin", env = "LINLI_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Sign-in attempts allowed per phone number per minute.
    #[arg(long, env = "LINLI_SIGN_IN_PER_PHONE", default_value_t = 5)]
    pub sign_in_per_phone: u32,

    /// Sign-in attempts allowed per client address per minute.
    #[arg(long, env = "LINLI_SIGN_IN_PER_ADDRESS", default_value_t = 30)]
    pub sign_in_per_address: u32,

    /// Run no clock workers (campaign cut-offs, reminders, claims running out, escalation)
    /// in this process: for a process beside one that runs them, and for tests that count
    /// a request's SQL statements with nothing else running.
    #[arg(long, env = "LINLI_NO_CLOCK_WORKERS")]
    pub no_clock_workers: bool,

    /// How many events each community's live channel keeps for an event stream that is
    /// behind; a stream that falls further behind is told to reload what it shows (`resync`).
    #[arg(long, env = "LINLI_EVENT_BUFFER", default_value_t = crate::events::DEFAULT_BUFFER)]
    pub event_buffer: usize,
}

impl Config {
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("linli.db").display()))
    }

    /// Defaults for a server in tests: a random loopback port, no demo data.
    pub fn for_tests(database_url: String) -> Self {
        Self {
            data_dir: std::env::temp_dir(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: Some(database_url),
            web_dir: PathBuf::from("app/dist"),
            no_demo: true,
            cors_origins: Vec::new(),
            sign_in_per_phone: 5,
            sign_in_per_address: 1000,
            no_clock_workers: false,
            event_buffer: crate::events::DEFAULT_BUFFER,
        }
    }
}
