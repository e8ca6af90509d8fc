//! Saved searches, stored by the server per user (`/api/saved-searches`).
//!
//! - `GET /api/saved-searches` → [`SavedSearchList`]
//! - `POST /api/saved-searches` with [`SaveSearch`] → 201 [`SavedSearch`]
//! - `PUT /api/saved-searches/{id}` with [`SaveSearch`] (rename or replace) → 200 [`SavedSearch`]
//! - `DELETE /api/saved-searches/{id}` → 204
//!
//! Items are sorted by name (case-insensitive). Errors are ProblemDetails: 400 `validation`
//! with `errors.name` (empty or over 100 characters once trimmed) and/or `errors.query`
//! (not a same-origin path starting with `/`, or over 2000 characters); 404 for an unknown
//! id or another user's; 409 `saved-search-limit` at 100 searches; 401 without a session.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveSearch {
    /// 1–100 characters.
    pub name: String,
    /// The portal route and query string of the search, e.g. `/inbox?party=…&search=skatt`.
    pub query: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSearch {
    pub id: Uuid,
    pub name: String,
    pub query: String,
    #[serde(with = "altinn::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "altinn::time::rfc3339")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSearchList {
    pub items: Vec<SavedSearch>,
}
