//! Logging in and out beyond the OpenID Connect redirect (`/api/login`).
//!
//! - `POST /api/demo-login` with [`DemoLogin`] → 204 and a new session cookie; 400
//!   `validation` with `errors.pid` (not a valid national identity number); 404 when demo
//!   login is not available (see `demoLogin` in `GET /api/session`); 502
//!   `token-generator-failed` when the test token generator refused or failed.
//! - `POST /api/logout` → 200 [`LogoutAnswer`]: where the browser goes next (the identity
//!   provider's logout, which comes back to the start page, or the start page itself).

use serde::{Deserialize, Serialize};

/// A demo login as a test person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoLogin {
    /// The national identity number (11 digits, valid control digits; synthetic test
    /// numbers with month + 80 or day + 40 are accepted).
    pub pid: String,
}

/// The answer to `POST /api/logout`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogoutAnswer {
    /// An absolute URL (the provider's end-session endpoint) or a path on this site.
    pub redirect: String,
}
