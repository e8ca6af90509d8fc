//! `GET /api/dialogs/{dialogId}/content?ref=main|transmission:{transmissionId}`: a
//! front-channel embed of the dialog, fetched with the dialog token and rendered into the
//! inert tree of [`portal_api::content::RenderedContent`].
//!
//! Only a URL that the dialog itself names is fetched, only with an embed media type
//! (`application/vnd.dialogporten.frontchannelembed-url;type=text/markdown|text/plain`),
//! with the upstream timeout, no redirects and at most [`CONTENT_LIMIT`] bytes.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use portal_api::api_log::Upstream;
use portal_api::content::RenderedContent;
use serde::Deserialize;
use uuid::Uuid;

use crate::AppState;
use crate::dialog_access::{
    Caller, Freshness, callable_url, caller, grant, problem, read_limited, service_refusal,
    upstream_error,
};
use crate::dialog_grants::{ContentRef, DialogGrant};
use crate::error::{AppError, Json};
use crate::markdown::{markdown_to_blocks, plain_text_to_blocks};

/// Largest embed read (bytes).
pub const CONTENT_LIMIT: usize = 512 * 1024;
const EMBED_PREFIX: &str = "application/vnd.dialogporten.frontchannelembed-url;type=";

#[derive(Debug, Deserialize)]
pub struct ContentQuery {
    #[serde(rename = "ref")]
    reference: Option<String>,
}

/// Which content of the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContentRefId {
    Main,
    Transmission(Uuid),
}

fn parse_ref(reference: Option<&str>) -> Result<ContentRefId, AppError> {
    match reference.unwrap_or("main") {
        "main" => Ok(ContentRefId::Main),
        other => other
            .strip_prefix("transmission:")
            .and_then(|id| Uuid::parse_str(id).ok())
            .map(ContentRefId::Transmission)
            .ok_or_else(|| {
                AppError::BadRequest("ref must be main or transmission:{transmissionId}".into())
            }),
    }
}

fn lookup(grant: &DialogGrant, which: ContentRefId) -> Option<ContentRef> {
    match which {
        ContentRefId::Main => grant.main_content.clone(),
        ContentRefId::Transmission(id) => grant.transmission_content.get(&id).cloned(),
    }
}

/// The embedded media type (`text/markdown` or `text/plain`) of an embed media type.
fn embedded_type(media_type: &str) -> Option<&'static str> {
    let normalized: String = media_type
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match normalized.strip_prefix(EMBED_PREFIX)? {
        "text/markdown" => Some("text/markdown"),
        "text/plain" => Some("text/plain"),
        _ => None,
    }
}

/// The route.
pub async fn content(
    State(state): State<AppState>,
    Path(dialog_id): Path<String>,
    Query(query): Query<ContentQuery>,
    headers: HeaderMap,
) -> Result<Json<RenderedContent>, AppError> {
    let dialog_id = Uuid::parse_str(&dialog_id).map_err(|_| AppError::NotFound)?;
    let which = parse_ref(query.reference.as_deref())?;
    let caller = caller(&state, &headers).await?;

    let (mut grant, mut freshness) = grant_for(&state, &caller, dialog_id, &headers, false).await?;
    let reference = match lookup(&grant, which) {
        Some(r) => r,
        // The cached dialog may predate a new transmission.
        None if freshness == Freshness::Cached => {
            (grant, freshness) = grant_for(&state, &caller, dialog_id, &headers, true).await?;
            lookup(&grant, which).ok_or(AppError::NotFound)?
        }
        None => return Err(AppError::NotFound),
    };
    let media_type = embedded_type(&reference.media_type).ok_or_else(|| {
        problem(
            StatusCode::BAD_REQUEST,
            "unsupported-content",
            "The content is not an embeddable markdown or plain-text document.",
        )
    })?;
    let url = callable_url(&reference.url)
        .ok_or_else(|| AppError::BadGateway("content URL is not http(s)".into()))?;

    let mut response = fetch(&state, &caller, &url, &grant.token, &headers).await?;
    if response.status() == StatusCode::UNAUTHORIZED && freshness == Freshness::Cached {
        (grant, _) = grant_for(&state, &caller, dialog_id, &headers, true).await?;
        response = fetch(&state, &caller, &url, &grant.token, &headers).await?;
    }
    let status = response.status();
    if !status.is_success() {
        return Err(service_refusal(status));
    }
    let body = read_limited(response, CONTENT_LIMIT).await?;
    let text = String::from_utf8_lossy(&body);
    let blocks = match media_type {
        "text/markdown" => markdown_to_blocks(&text),
        _ => plain_text_to_blocks(&text),
    };
    Ok(Json(RenderedContent {
        media_type: media_type.to_owned(),
        blocks,
    }))
}

async fn grant_for(
    state: &AppState,
    caller: &Caller,
    dialog_id: Uuid,
    headers: &HeaderMap,
    refresh: bool,
) -> Result<(DialogGrant, Freshness), AppError> {
    grant(state, caller, dialog_id, headers, refresh).await
}

async fn fetch(
    state: &AppState,
    caller: &Caller,
    url: &url::Url,
    token: &str,
    headers: &HeaderMap,
) -> Result<reqwest::Response, AppError> {
    let mut request = state
        .http
        .get(url.clone())
        .bearer_auth(token)
        .header(header::ACCEPT, "text/markdown, text/plain;q=0.9");
    if let Some(lang) = headers.get(header::ACCEPT_LANGUAGE) {
        request = request.header(header::ACCEPT_LANGUAGE, lang);
    }
    tracing::debug!(
        host = url.host_str().unwrap_or(""),
        "fetching dialog content"
    );
    caller
        .log
        .send(Upstream::ServiceOwner, request)
        .await
        .map_err(upstream_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_parse() {
        assert_eq!(parse_ref(None).unwrap(), ContentRefId::Main);
        assert_eq!(parse_ref(Some("main")).unwrap(), ContentRefId::Main);
        let id = Uuid::from_u128(7);
        assert_eq!(
            parse_ref(Some(&format!("transmission:{id}"))).unwrap(),
            ContentRefId::Transmission(id)
        );
        for bad in ["", "transmission:", "transmission:x", "other"] {
            assert!(parse_ref(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_embed_types_are_accepted() {
        assert_eq!(
            embedded_type("application/vnd.dialogporten.frontchannelembed-url;type=text/markdown"),
            Some("text/markdown")
        );
        assert_eq!(
            embedded_type("application/vnd.dialogporten.frontchannelembed-url; type=text/plain"),
            Some("text/plain")
        );
        for bad in [
            "text/markdown",
            "text/plain",
            "application/vnd.dialogporten.frontchannelembed-url;type=text/html",
            "application/vnd.dialogporten.frontchannelembed+json;type=markdown",
        ] {
            assert_eq!(embedded_type(bad), None, "{bad}");
        }
    }
}
