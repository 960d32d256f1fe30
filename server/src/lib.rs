//! Linli's server: an axum application over SQLite or PostgreSQL.
//!
//! Each module (`auth`, `community`, `notices`, …) is a folder with its routes, its pure
//! rules and its SQL. Shared parts live once: `error`, `extract`, `db`, `events`, `http`.

pub mod admin;
pub mod appointments;
pub mod auth;
pub mod clock;
pub mod community;
pub mod config;
pub mod db;
pub mod error;
pub mod events;
pub mod extract;
pub mod family;
pub mod groceries;
pub mod hall;
pub mod help;
pub mod http;
pub mod notices;
pub mod paging;
pub mod reports;
pub mod seed;
pub mod state;
pub mod uploads;
pub mod wishes;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

pub use crate::config::{Cli, Config};
use crate::auth::limiter::SignInLimiter;
use crate::db::Db;
use crate::events::EventHub;
use crate::state::{AppState, Clock};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data folder {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("seeding the demo community: {0}")]
    Seed(#[from] error::AppError),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
}

/// A server that is bound and ready to serve.
pub struct Prepared {
    pub listener: TcpListener,
    pub address: SocketAddr,
    pub state: AppState,
    pub seeded: bool,
    config: Config,
    extra_routes: axum::Router<AppState>,
}

/// Opens the configured database (creating the data folder for SQLite) and applies migrations.
pub async fn open_database(config: &Config) -> Result<Db, StartError> {
    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| StartError::DataDir(config.data_dir.display().to_string(), e))?;
    }
    Ok(Db::connect(&config.database_url()).await?)
}

/// Opens the database, applies migrations, seeds the demo community when asked, and binds.
pub async fn prepare(config: Config, clock: Clock) -> Result<Prepared, StartError> {
    let db = open_database(&config).await?;
    let seeded = if config.no_demo { false } else { seed::seed_demo_if_empty(&db, clock.now()).await? };
    let state = AppState {
        db,
        events: EventHub::with_capacity(config.event_buffer),
        sign_in_limiter: Arc::new(SignInLimiter::new(config.sign_in_per_phone, config.sign_in_per_address)),
        clock,
        ballot_boxes: Default::default(),
    };
    let listener = TcpListener::bind(config.bind).await.map_err(|e| StartError::Bind(config.bind, e))?;
    let address = listener.local_addr().map_err(|e| StartError::Bind(config.bind, e))?;
    Ok(Prepared { listener, address, state, seeded, config, extra_routes: axum::Router::new() })
}

impl Prepared {
    /// Serves `extra` routes too, behind the same layers (benchmarks compare against them).
    pub fn with_routes(mut self, extra: axum::Router<AppState>) -> Self {
        self.extra_routes = extra;
        self
    }

    /// Serves in the background (tests, tools); dropping the handle does not stop it.
    pub fn spawn(self) -> Running {
        let address = self.address;
        let state = self.state.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(self.serve(async move {
            let _ = stopped.await;
        }));
        Running { address, state, stop: Some(stop), task }
    }

    /// Serves until `shutdown` resolves, then lets open requests finish.
    pub async fn serve(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let limiter = self.state.sign_in_limiter.clone();
        let pruning = tokio::spawn(async move {
            let mut every_minute = tokio::time::interval(Duration::from_secs(60));
            loop {
                every_minute.tick().await;
                limiter.prune();
            }
        });
        let clocks = (!self.config.no_clock_workers).then(|| tokio::spawn(clock::run(self.state.clone(), clock_passes())));
        let pool = self.state.db.pool.clone();
        let events = self.state.events.clone();
        let app = http::router_with(self.state, &self.config, self.extra_routes);
        let shutdown = async move {
            shutdown.await;
            // Event streams never end by themselves; graceful shutdown waits for them.
            events.end_open_streams();
        };
        let served = axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await;
        pruning.abort();
        if let Some(clocks) = clocks {
            clocks.abort();
        }
        // Closing checkpoints SQLite's write-ahead log into the database file.
        pool.close().await;
        served
    }
}

/// What time does, module by module, for the one clock runner.
pub fn clock_passes() -> Vec<clock::Pass> {
    let mut passes = Vec::new();
    passes.extend(groceries::cut_off::passes());
    passes.extend(wishes::clock::passes());
    passes.extend(appointments::clock::passes());
    passes.extend(reports::clock::passes());
    passes
}

/// Starts a server in the background (tests, tools); dropping the handle does not stop it.
pub async fn spawn(config: Config, clock: Clock) -> Result<Running, StartError> {
    Ok(prepare(config, clock).await?.spawn())
}

pub struct Running {
    pub address: SocketAddr,
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops accepting, lets open requests finish, and closes the database.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }
}
