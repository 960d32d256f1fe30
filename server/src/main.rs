use clap::Parser;
use linli_server::seed::{DEMO_ACCOUNTS, DEMO_INVITE_CODE, DEMO_PASSWORD};
use linli_server::state::Clock;
use linli_server::admin::cli::Command;
use linli_server::{Cli, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn")))
        .init();
    let Cli { config, command } = Cli::parse();
    if let Some(command) = command.filter(|command| !matches!(command, Command::Serve)) {
        return administer(&config, command).await;
    }
    let started = std::time::Instant::now();
    let prepared = match linli_server::prepare(config, Clock::system()).await {
        Ok(prepared) => prepared,
        Err(error) => {
            eprintln!("linli-server: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    if prepared.seeded {
        tracing::info!("created the demo community");
    }
    let address = prepared.address;
    tracing::info!(%address, ready_in_ms = started.elapsed().as_millis() as u64, "Linli server ready");
    println!("Linli is running at http://{address}/");
    println!("Demo sign-ins (password {DEMO_PASSWORD}):");
    for account in &DEMO_ACCOUNTS {
        println!("  {:<9} {}  {}", account.role.as_str(), account.phone, account.name);
    }
    println!("Demo invite code for registering: {DEMO_INVITE_CODE}");
    if let Err(error) = prepared.serve(shutdown_signal()).await {
        eprintln!("linli-server: {error}");
        return std::process::ExitCode::FAILURE;
    }
    tracing::info!("stopped cleanly");
    std::process::ExitCode::SUCCESS
}

/// Runs an administration subcommand on the configured database.
async fn administer(config: &Config, command: Command) -> std::process::ExitCode {
    let db = match linli_server::open_database(config).await {
        Ok(db) => db,
        Err(error) => {
            eprintln!("linli-server: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = linli_server::admin::cli::run(&db, command, chrono::Utc::now(), &mut std::io::stdout()).await;
    db.pool.close().await;
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("linli-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Ctrl-C or SIGTERM: stop accepting, finish open requests, close the database.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
