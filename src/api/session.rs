//! Our server's session API: who is logged in, and logging out.
//!
//! Logging in is a full-page navigation to `/api/login` (see [`crate::routes::Page`]).

use gloo_net::http::Request;
use serde::Deserialize;

use super::{ApiError, ensure_ok, into_json, send};
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
}

/// Asks the server whether there is a session.
pub async fn get_session(lang: Lang) -> Result<Session, ApiError> {
    into_json(send(Request::get("/api/session"), lang).await?).await
}

/// Ends the session (`POST /api/logout`, 204).
pub async fn logout(lang: Lang) -> Result<(), ApiError> {
    ensure_ok(send(Request::post("/api/logout"), lang).await?).await?;
    Ok(())
}
