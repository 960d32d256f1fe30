use clap::Parser;
use linli_server::seed::{DEMO_ACCOUNTS, DEMO_INVITE_CODE, DEMO_PASSWORD};
use linli_server::state::Clock;
use linli_server::Config;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn")))
        .init();
    let config = Config::parse();
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
