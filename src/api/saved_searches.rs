//! The user's saved searches, stored by our server (`/api/saved-searches`).

use gloo_net::http::{Method, RequestBuilder};
use serde::Serialize;

use super::{ApiError, ensure_ok, into_json, send};
use crate::i18n::Lang;
use crate::routes::encode_component;
pub use portal_api::saved_search::{SaveSearch, SavedSearch, SavedSearchList};

const BASE: &str = "/api/saved-searches";

fn builder(method: Method, url: &str) -> RequestBuilder {
    RequestBuilder::new(url).method(method)
}

async fn send_json<B: Serialize>(
    method: Method,
    url: &str,
    body: &B,
    lang: Lang,
) -> Result<gloo_net::http::Response, ApiError> {
    super::send_json(builder(method, url), body, lang).await
}

/// `GET /api/saved-searches`.
pub async fn list_saved_searches(lang: Lang) -> Result<SavedSearchList, ApiError> {
    into_json(send(builder(Method::GET, BASE), lang).await?).await
}

/// `POST /api/saved-searches` → the new saved search.
pub async fn create_saved_search(search: &SaveSearch, lang: Lang) -> Result<SavedSearch, ApiError> {
    into_json(send_json(Method::POST, BASE, search, lang).await?).await
}

/// `PUT /api/saved-searches/{id}` (rename or replace).
pub async fn update_saved_search(
    id: &str,
    search: &SaveSearch,
    lang: Lang,
) -> Result<SavedSearch, ApiError> {
    let url = format!("{BASE}/{}", encode_component(id));
    into_json(send_json(Method::PUT, &url, search, lang).await?).await
}

/// `DELETE /api/saved-searches/{id}`.
pub async fn delete_saved_search(id: &str, lang: Lang) -> Result<(), ApiError> {
    let url = format!("{BASE}/{}", encode_component(id));
    ensure_ok(send(builder(Method::DELETE, &url), lang).await?)
        .await
        .map(|_| ())
}
