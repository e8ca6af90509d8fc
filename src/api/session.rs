//! Our server's session API: who is logged in, demo login, and logging out.
//!
//! Logging in is a full-page navigation to `/api/login` (see [`crate::routes::Page`]).

use gloo_net::http::Request;
use serde::Deserialize;

pub use portal_api::auth::{DemoLogin, LogoutAnswer};

use super::{ApiError, ensure_ok, into_json, send, send_json};
use crate::i18n::Lang;

/// `GET /api/session`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub authenticated: bool,
    /// The user's name (present when authenticated).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub is_staff: bool,
    /// When the session ends (RFC 3339).
    #[serde(default)]
    pub expires_at: Option<String>,
    /// Whether the server keeps the developer API log (`/api/dev/api-log`).
    #[serde(default)]
    pub api_log: bool,
    /// The national identity number (present when authenticated).
    #[serde(default)]
    pub pid: Option<String>,
    /// Whether demo login (the test token generator) is available.
    #[serde(default)]
    pub demo_login: bool,
    /// Whether "Log in" (OpenID Connect, e.g. ID-porten) is configured.
    #[serde(default = "yes")]
    pub oidc_login: bool,
}

fn yes() -> bool {
    true
}

/// Asks the server whether there is a session.
pub async fn get_session(lang: Lang) -> Result<Session, ApiError> {
    into_json(send(Request::get("/api/session"), lang).await?).await
}

/// Ends the session (`POST /api/logout`); the answer says where the browser goes next
/// (the identity provider's logout, or a page here).
pub async fn logout(lang: Lang) -> Result<LogoutAnswer, ApiError> {
    into_json(send(Request::post("/api/logout"), lang).await?).await
}

/// Logs in as a test person through the test token generator (`POST /api/demo-login`, 204).
pub async fn demo_login(pid: &str, lang: Lang) -> Result<(), ApiError> {
    let body = DemoLogin {
        pid: pid.to_owned(),
    };
    ensure_ok(send_json(Request::post("/api/demo-login"), &body, lang).await?).await?;
    Ok(())
}
