//! `portal-server`: the backend-for-frontend of the Altinn inbox portal.
//!
//! It serves the portal (`dist/`), logs users in with OpenID Connect (authorization code,
//! PKCE, ID token verified against the JWKS), keeps sessions in SQLite behind an HttpOnly
//! cookie, proxies the Dialogporten end-user API with the session's access token, and lets
//! service desk staff verify phone numbers by one-time SMS code ([`otp`], `/api/otp`).
//! In local mode the Altinn simulator is mounted at `/idporten`, `/dialogporten`,
//! `/notifications`, `/sim`.

pub mod actions;
pub mod altinn_urls;
pub mod api_log;
pub mod auth;
pub mod config;
pub mod content;
pub mod demo_login;
pub mod dialog_access;
pub mod dialog_grants;
pub mod error;
pub mod local;
pub mod login_settings;
pub mod markdown;
pub mod oidc;
pub mod otp;
pub mod proxy;
pub mod saved_search_store;
pub mod saved_searches;
pub mod security;
pub mod service_token;
pub mod session_tokens;
pub mod store;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::{any, get, post, put};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

use crate::config::{Config, Environment};
use crate::dialog_grants::DialogGrants;
use crate::error::AppError;
use crate::oidc::OidcClient;
use crate::saved_search_store::SavedSearchStore;
use crate::store::{SessionStore, SqliteStore, StoreError};

pub use crate::config::ConfigError;

/// Everything the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub sessions: Arc<dyn SessionStore>,
    /// Saved searches per user.
    pub saved_searches: Arc<dyn SavedSearchStore>,
    /// Dialog tokens kept server-side per (session, dialog).
    pub dialog_grants: Arc<DialogGrants>,
    pub oidc: Arc<OidcClient>,
    /// The client for Dialogporten (with the upstream timeout).
    pub http: reqwest::Client,
    /// Configured staff pids plus, in local mode, the simulator's staff personas.
    pub staff_pids: Arc<Vec<String>>,
    /// The portal's Content-Security-Policy.
    pub csp: Arc<str>,
    /// The public origin as sent in `Origin`.
    pub origin: Arc<str>,
    /// Phone-number verification (`/api/otp`): its store, Notifications client and clock.
    pub otp: otp::OtpService,
    /// The simulator's routes (local mode).
    sim: Option<Router>,
    /// The developer API log of each session (`/api/dev/api-log`, `PORTAL_API_LOG`).
    pub api_log: Arc<api_log::Recorder>,
    /// One token refresh at a time per session.
    pub refresh_locks: Arc<session_tokens::RefreshLocks>,
}

impl AppState {
    /// State over opened stores; in local mode the simulator is created here. The code
    /// secret is `PORTAL_OTP_SECRET`, or one generated once and kept in `otp_store`.
    pub fn new(
        config: Config,
        sessions: Arc<dyn SessionStore>,
        saved_searches: Arc<dyn SavedSearchStore>,
        otp_store: Arc<dyn otp::store::OtpStore>,
    ) -> Result<AppState, StoreError> {
        let secret = match &config.otp.secret {
            Some(s) => s.clone(),
            None => otp_store.secret_or_create(otp::code::new_secret())?,
        };
        let notifications = Arc::new(otp::notifications::HttpNotificationsClient::new(
            &config.notifications,
        ));
        let otp = otp::OtpService::new(
            otp_store,
            notifications,
            otp::code::CodeMac::new(secret.as_bytes()),
            config.otp.clone(),
        );
        let http = reqwest::Client::builder()
            .timeout(config.upstream_timeout)
            .connect_timeout(config.upstream_timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("portal-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the HTTP client builds with rustls");
        let oidc = OidcClient::new(http.clone(), config.oidc.clone(), config.redirect_uri());
        let mut staff_pids = config.staff_pids.clone();
        let sim = match config.environment {
            Environment::Local => {
                let (router, staff) = local::simulator(&config);
                staff_pids.extend(staff);
                Some(router)
            }
            Environment::Tt02 | Environment::Production | Environment::Custom => None,
        };
        let mut script_src = config.csp_script_src.clone();
        if let Ok(index) = std::fs::read_to_string(config.dist_dir.join("index.html")) {
            script_src.extend(security::inline_script_hashes(&index));
        }
        let csp = security::portal_csp(&script_src, oidc.issuer_origin().as_deref());
        Ok(AppState {
            api_log: Arc::new(api_log::Recorder::new(config.api_log, config.session_ttl)),
            otp,
            origin: config.public_origin().into(),
            config: Arc::new(config),
            sessions,
            saved_searches,
            dialog_grants: Arc::new(DialogGrants::default()),
            oidc: Arc::new(oidc),
            http,
            staff_pids: Arc::new(staff_pids),
            csp: csp.into(),
            sim,
            refresh_locks: Arc::default(),
        })
    }

    /// State with the SQLite database named in the configuration.
    pub fn open(config: Config) -> Result<AppState, StoreError> {
        let store = Arc::new(SqliteStore::open(&config.database)?);
        let otp_store = otp::store::SqliteOtpStore::new(store.connection())?;
        AppState::new(config, store.clone(), store, Arc::new(otp_store))
    }
}

/// The whole application: `/api`, the simulator in local mode, then the portal's files.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/session", get(auth::session))
        .route("/login", get(auth::login))
        .route("/auth/callback", get(auth::callback))
        .route("/logout", post(auth::logout))
        .route("/demo-login", post(demo_login::demo_login))
        .route("/dialogporten/{*path}", any(proxy::forward))
        .nest("/otp", otp::routes())
        .route("/dialogs/{dialog_id}/content", get(content::content))
        .route(
            "/dialogs/{dialog_id}/actions/{action_id}",
            post(actions::perform),
        )
        .route(
            "/saved-searches",
            get(saved_searches::list).post(saved_searches::create),
        )
        .route(
            "/saved-searches/{id}",
            put(saved_searches::update).delete(saved_searches::delete),
        )
        .route("/dev/api-log", get(api_log::route))
        .fallback(api_not_found);

    let dist = &state.config.dist_dir;
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        );

    let mut router = Router::new().nest("/api", api).with_state(state.clone());
    if let Some(sim) = state.sim.clone() {
        router = router.merge(sim);
    }
    router
        .fallback_service(files)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::origin_check,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state,
            security::headers,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

async fn api_not_found() -> AppError {
    AppError::NotFound
}

/// Deletes expired sessions and pending logins every few minutes.
pub fn spawn_sweeper(sessions: Arc<dyn SessionStore>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            match sessions.sweep(now_unix()).await {
                Ok(0) => {}
                Ok(n) => tracing::debug!(removed = n, "swept expired sessions"),
                Err(e) => tracing::warn!(error = %e, "session sweep failed"),
            }
        }
    })
}

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
