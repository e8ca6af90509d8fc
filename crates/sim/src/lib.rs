//! The Altinn simulator: an in-process stand-in for ID-porten (OpenID Connect) and the
//! Dialogporten end-user REST API, with deterministic, seeded data.
//!
//! ```no_run
//! let app = altinn_sim::router(altinn_sim::SimConfig::default());
//! ```
//!
//! Routes (all under the host's root; `public_base_url` is only used to build absolute URLs):
//! - `GET /idporten/.well-known/openid-configuration`, `GET /idporten/jwks`,
//!   `GET|POST /idporten/authorize`, `POST /idporten/token` (authorization code with PKCE,
//!   refresh tokens rotated on use; client secret or `private_key_jwt`),
//!   `GET /idporten/endsession` (logout: `id_token_hint`, registered post-logout URI)
//! - `GET /sim/token-generator/GetPersonalToken` (Basic auth): end-user tokens of the
//!   simulated Altinn authentication, accepted by the simulated Dialogporten
//! - `GET /dialogporten/api/v1/.well-known/jwks.json` (dialog-token keys)
//! - `/dialogporten/api/v1/enduser/...`: `parties`, `serviceresources`, `dialogs` (search), `dialogs/{id}`,
//!   `dialogs/{id}/transmissions[/{tid}]`, `dialogs/{id}/activities[/{aid}]`,
//!   `dialogs/{id}/seenlog`, `dialogs/{id}/context/labellog`,
//!   `PUT dialogs/{id}/context/systemlabels`, `POST dialogs/context/systemlabels/actions/bulkset`
//! - `GET /sim/api/personas`, `GET /sim/api/fixtures`, `GET /sim/content/{id}/main.md`,
//!   `GET /sim/content/{id}/transmissions/{tid}.md`, `POST|DELETE /sim/actions/{id}/{action}`
//! - Notifications (`/notifications/api/v1/future/...`), the SMS/e-mail outboxes
//!   (`/sim/api/sms?to=`, `/sim/api/sms-outbox`, `/sim/sms-outbox`, …) and the token
//!   generator (`/sim/token-generator/GetEnterpriseToken`): see [`notifications`].
//! - Maskinporten (`POST /maskinporten/token`, JWT-bearer grant), Altinn authentication's
//!   `GET /authentication/api/v1/exchange/maskinporten` and `GET /sim/api/maskinporten/stats`:
//!   see [`maskinporten`].
//!
//! 422 trigger (documented behaviour of the simulator): a free-text `search` without
//! `contentUpdatedAfter` over more than [`dialogporten::MAX_FREE_TEXT_PARTIES`] parties, or
//! any search whose term contains `timeout`, answers 422 like the real API's statement timeout.

pub mod catalogue;
pub mod client_auth;
pub mod content;
pub mod dialogporten;
pub mod ids;
pub mod jwt;
pub mod maskinporten;
pub mod notifications;
pub mod oidc;
pub mod oidc_session;
pub mod personal_token;
mod rng;
pub mod service_resources;
pub mod views;
pub mod world;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::Router;
use axum::routing::{get, post, put};
use chrono::{DateTime, Utc};

pub use world::Fixtures;

/// Which amount of data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// About 300 dialogs over 11 parties for persona 1 (fast startup).
    #[default]
    Demo,
    /// 15,000 parties and 100,000 dialogs for persona 1.
    Large,
}

impl std::str::FromStr for Scale {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "demo" => Ok(Scale::Demo),
            "large" => Ok(Scale::Large),
            _ => Err(format!("unknown scale {s:?} (demo|large)")),
        }
    }
}

/// An OAuth client the OIDC provider accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OidcClient {
    pub client_id: String,
    /// `client_secret_basic`/`client_secret_post`; empty: the client has no secret.
    pub client_secret: String,
    /// `private_key_jwt`: the client's RSA public key (PEM, SPKI or PKCS#1); its RS256
    /// client assertions are accepted instead of a secret.
    pub public_key_pem: Option<String>,
    /// Where `/idporten/endsession` may send the browser after logout.
    pub post_logout_redirect_uris: Vec<String>,
}

/// Configuration of a simulator.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Where the simulator is reached, without a trailing slash, e.g. `http://127.0.0.1:8080`.
    pub public_base_url: String,
    pub seed: u64,
    pub scale: Scale,
    pub clients: Vec<OidcClient>,
    /// Maskinporten clients and token lifetimes (Maskinporten and the Altinn token exchange).
    pub maskinporten: maskinporten::MaskinportenConfig,
    /// Lifetime of the access tokens the OIDC provider issues (at login and refresh).
    pub access_token_ttl_secs: i64,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            public_base_url: "http://127.0.0.1:8080".into(),
            seed: 1,
            scale: Scale::Demo,
            clients: vec![OidcClient {
                client_id: "portal-local".into(),
                client_secret: "portal-local-secret".into(),
                post_logout_redirect_uris: vec!["http://127.0.0.1:8080/".into()],
                ..OidcClient::default()
            }],
            maskinporten: maskinporten::MaskinportenConfig::default(),
            access_token_ttl_secs: oidc::DEFAULT_ACCESS_TOKEN_TTL_SECS,
        }
    }
}

/// One persona as `GET /sim/api/personas` lists it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct PersonaInfo {
    pub name: String,
    pub pid: String,
    pub roles: Vec<String>,
    pub description: String,
}

pub(crate) struct AuthCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub nonce: Option<String>,
    pub persona: usize,
    pub acr: String,
    pub scope: String,
    pub issued: std::time::Instant,
}

/// The shared state of one simulator.
pub struct Sim {
    pub config: SimConfig,
    pub(crate) base: String,
    pub(crate) idp_keys: jwt::Keys,
    pub(crate) dialog_keys: jwt::Keys,
    pub(crate) world: RwLock<world::World>,
    pub(crate) codes: Mutex<HashMap<String, AuthCode>>,
    /// The Notifications simulator (instant SMS/e-mail, outbox, token generator).
    pub notifications: notifications::NotificationsSim,
    /// Maskinporten and the Altinn token exchange (token counts in [`maskinporten::MaskinportenSim::stats`]).
    pub maskinporten: maskinporten::MaskinportenSim,
    counter: AtomicU64,
    /// Keys of the simulated Altinn authentication (personal tokens of the token generator).
    pub(crate) platform_keys: jwt::Keys,
    /// Refresh tokens issued by the OIDC provider.
    pub(crate) refresh_tokens: Mutex<oidc_session::RefreshTokens>,
    /// `jti`s of client assertions already used (with their `exp`), against replay.
    pub(crate) assertion_jtis: Mutex<HashMap<String, i64>>,
}

impl Sim {
    /// Generates the world for `config`.
    pub fn new(config: SimConfig) -> Sim {
        Sim::new_at(config, world::anchor_now())
    }

    /// Like [`Sim::new`] with an explicit "now" that all generated dates are relative to.
    pub fn new_at(config: SimConfig, now: DateTime<Utc>) -> Sim {
        let world = world::World::build(config.seed, config.scale, now);
        Sim {
            base: config.public_base_url.trim_end_matches('/').to_owned(),
            idp_keys: jwt::Keys::from_seed(config.seed, "idporten"),
            dialog_keys: jwt::Keys::from_seed(config.seed, "dialogporten"),
            world: RwLock::new(world),
            codes: Mutex::new(HashMap::new()),
            notifications: notifications::NotificationsSim::from_seed(config.seed)
                .with_public_base_url(config.public_base_url.clone()),
            maskinporten: maskinporten::MaskinportenSim::new(
                config.public_base_url.trim_end_matches('/'),
                config.seed,
                &config.maskinporten,
            ),
            counter: AtomicU64::new(0),
            platform_keys: jwt::Keys::from_seed(config.seed, "altinn-platform"),
            refresh_tokens: Mutex::new(oidc_session::RefreshTokens::default()),
            assertion_jtis: Mutex::new(HashMap::new()),
            config,
        }
    }

    /// The OIDC issuer, `{public_base_url}/idporten`.
    pub fn issuer(&self) -> String {
        format!("{}/idporten", self.base)
    }

    /// Keys that sign ID-porten tokens (access and ID tokens).
    pub fn idporten_keys(&self) -> &jwt::Keys {
        &self.idp_keys
    }

    /// Keys that sign dialog tokens.
    pub fn dialog_token_keys(&self) -> &jwt::Keys {
        &self.dialog_keys
    }

    /// The personas in login-page order (persona 1 first).
    pub fn personas(&self) -> Vec<PersonaInfo> {
        let w = self.world.read().unwrap();
        w.personas
            .iter()
            .map(|p| PersonaInfo {
                name: p.name.clone(),
                pid: p.pid.clone(),
                roles: p.roles.iter().map(|r| r.to_string()).collect(),
                description: p.description.clone(),
            })
            .collect()
    }

    /// Ids of the special dialogs.
    pub fn fixtures(&self) -> Fixtures {
        self.world.read().unwrap().fixtures.clone()
    }

    /// (parties in `GET parties`, dialogs on those parties) for the persona with `pid`.
    pub fn counts(&self, pid: &str) -> Option<(usize, usize)> {
        let w = self.world.read().unwrap();
        let p = w.personas.iter().position(|p| p.pid == pid)?;
        Some((w.party_count(p), w.dialog_count(p)))
    }

    /// Issues an ID-porten access token for a persona directly (tests, tools).
    pub fn access_token_for(&self, pid: &str, client_id: &str) -> Option<String> {
        let w = self.world.read().unwrap();
        let p = w.personas.iter().position(|p| p.pid == pid)?;
        drop(w);
        Some(
            oidc::make_tokens(
                self,
                p,
                client_id,
                None,
                "idporten-loa-substantial",
                oidc::DEFAULT_SCOPE,
            )
            .0,
        )
    }

    /// A unique, unpredictable-enough string (codes, jti).
    pub(crate) fn unique(&self) -> String {
        use sha2::{Digest, Sha256};
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let mut h = Sha256::new();
        h.update(self.config.seed.to_le_bytes());
        h.update(n.to_le_bytes());
        h.update(t.to_le_bytes());
        h.update(std::process::id().to_le_bytes());
        jwt::hex(&h.finalize()[..16])
    }
}

/// The simulator's routes under `/idporten`, `/dialogporten`, `/notifications` and `/sim`.
pub fn router(config: SimConfig) -> Router {
    router_with(Arc::new(Sim::new(config)))
}

/// Like [`router`] for a simulator you keep a handle to.
pub fn router_with(sim: Arc<Sim>) -> Router {
    use dialogporten as dp;
    Router::new()
        .route(
            "/idporten/.well-known/openid-configuration",
            get(oidc::discovery),
        )
        .route("/idporten/jwks", get(oidc::jwks))
        .route(
            "/idporten/authorize",
            get(oidc::authorize_page).post(oidc::authorize_submit),
        )
        .route("/idporten/token", post(oidc::token))
        .route("/idporten/endsession", get(oidc_session::end_session))
        .route(
            "/sim/token-generator/GetPersonalToken",
            get(personal_token::get_personal_token),
        )
        .route(
            "/dialogporten/api/v1/.well-known/jwks.json",
            get(dp::dialog_jwks),
        )
        .route("/dialogporten/api/v1/enduser/parties", get(dp::parties))
        .route("/dialogporten/api/v1/enduser/dialogs", get(dp::search))
        .route(
            "/dialogporten/api/v1/enduser/serviceresources",
            get(service_resources::service_resources),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}",
            get(dp::get_dialog),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/transmissions",
            get(dp::transmissions),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/transmissions/{sub}",
            get(dp::transmission),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/activities",
            get(dp::activities),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/activities/{sub}",
            get(dp::activity),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/seenlog",
            get(dp::seenlog),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/context/labellog",
            get(dp::labellog),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}/context/systemlabels",
            put(dp::set_labels),
        )
        .route(
            "/dialogporten/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset",
            post(dp::bulk_set),
        )
        .route("/sim/api/personas", get(content::personas))
        .route("/sim/api/fixtures", get(content::fixtures))
        .route("/sim/content/{id}/main.md", get(content::main_md))
        .route(
            "/sim/content/{id}/transmissions/{file}",
            get(content::transmission_md),
        )
        .route(
            "/sim/actions/{id}/{action}",
            post(content::action).delete(content::action),
        )
        .route("/maskinporten/token", post(maskinporten::token))
        .route(
            "/authentication/api/v1/exchange/maskinporten",
            get(maskinporten::exchange),
        )
        .route("/sim/api/maskinporten/stats", get(maskinporten::stats))
        .with_state(sim.clone())
        .merge(notifications::router(sim.notifications.clone()))
}
