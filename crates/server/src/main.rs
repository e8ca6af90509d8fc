//! Reads the configuration, opens the session database and serves until ctrl-c/SIGTERM.

use portal_server::config::Config;
use portal_server::{AppState, app, spawn_sweeper};

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "portal_server=info,tower_http=warn".into()),
        )
        .init();

    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("portal-server: {e}");
            std::process::exit(2);
        }
    };
    let listen = config.listen;
    let public = config.public_base();
    let state = match AppState::open(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("portal-server: {e}");
            std::process::exit(1);
        }
    };
    spawn_sweeper(state.sessions.clone());
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("portal-server: cannot listen on {listen}: {e}");
            std::process::exit(1);
        }
    };
    println!("Portal running on {public}");
    if let Err(e) = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown())
        .await
    {
        eprintln!("portal-server: {e}");
        std::process::exit(1);
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
