//! `ANY /api/dialogporten/{*path}`: the end-user Dialogporten API with the session's
//! bearer token. Only `api/v1/enduser/...` is reachable, so this is not an open relay.
//! `dialogToken` is removed from every answer (and a dialog's token kept server-side).

use axum::body::{Body, to_bytes};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{HeaderName, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portal_api::api_log::Upstream;

use crate::AppState;
use crate::dialog_access::{caller, strip_dialog_tokens};
use crate::error::AppError;

/// Largest request body forwarded.
pub const BODY_LIMIT: usize = 1024 * 1024;
const PREFIX: &str = "/api/dialogporten/";
const ALLOWED: &str = "api/v1/enduser/";

/// Request headers passed to Dialogporten (everything else, cookies included, stays here).
const FORWARD_REQUEST: [HeaderName; 5] = [
    header::ACCEPT,
    header::ACCEPT_LANGUAGE,
    header::CONTENT_TYPE,
    header::IF_MATCH,
    header::IF_NONE_MATCH,
];
/// Response headers passed back to the browser.
const FORWARD_RESPONSE: [HeaderName; 5] = [
    header::CONTENT_TYPE,
    header::ETAG,
    header::EXPIRES,
    header::RETRY_AFTER,
    header::LAST_MODIFIED,
];

/// Forwards one request.
pub async fn forward(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    request: Request,
) -> Result<Response, AppError> {
    let (parts, body) = request.into_parts();
    // The raw (still percent-encoded) path, so it reaches Dialogporten as the portal wrote
    // it; the original URI, since `nest` strips `/api` from `parts.uri`.
    let path = uri.path().strip_prefix(PREFIX).ok_or(AppError::NotFound)?;
    if !path.starts_with(ALLOWED) || !is_plain_path(path) {
        return Err(AppError::NotFound);
    }
    let caller = caller(&state, &parts.headers).await?;
    let session = &caller.session;

    let mut target = format!("{}/{path}", state.config.dialogporten_url);
    if let Some(query) = uri.query() {
        target.push('?');
        target.push_str(query);
    }
    let body = to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| AppError::PayloadTooLarge)?;

    let mut upstream = state
        .http
        .request(parts.method.clone(), &target)
        .bearer_auth(&session.access_token);
    for name in &FORWARD_REQUEST {
        for value in parts.headers.get_all(name) {
            upstream = upstream.header(name, value);
        }
    }
    if !body.is_empty() {
        upstream = upstream.body(body);
    }
    // Log method and path only: the token is in a header, the query may hold party ids.
    tracing::debug!(method = %parts.method, path, "proxy");
    let response = caller
        .log
        .send(Upstream::Dialogporten, upstream)
        .await
        .map_err(upstream_error)?;
    let status = response.status();
    if status == StatusCode::UNAUTHORIZED {
        // Dialogporten's 401 has no body; the portal needs to log in again.
        return Err(AppError::Unauthenticated);
    }
    let headers = response.headers().clone();
    let bytes = response.bytes().await.map_err(upstream_error)?;
    // Dialog tokens stay here (see `dialog_grants`); the details go on without them.
    let keep = parts.method == Method::GET && status == StatusCode::OK;
    let bytes = strip_dialog_tokens(&state, &caller.key, bytes, keep)?;

    let mut out = (status, Body::from(bytes)).into_response();
    for name in &FORWARD_RESPONSE {
        for value in headers.get_all(name) {
            out.headers_mut().append(name, value.clone());
        }
    }
    Ok(out)
}

fn upstream_error(e: reqwest::Error) -> AppError {
    if e.is_timeout() {
        AppError::GatewayTimeout
    } else {
        // reqwest's error text holds the URL but never the headers.
        AppError::BadGateway(e.to_string())
    }
}

/// No dot segments (plain or encoded), backslashes or empty segments that could climb
/// out of the allowed prefix once the URL is normalised.
fn is_plain_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    !lower.contains("%2e")
        && !lower.contains("%2f")
        && !lower.contains("%5c")
        && !path.contains('\\')
        && path
            .split('/')
            .all(|segment| segment != "." && segment != "..")
        && !path.contains("//")
}

#[cfg(test)]
mod tests {
    use super::is_plain_path;

    #[test]
    fn dot_segments_are_refused() {
        assert!(is_plain_path("api/v1/enduser/dialogs"));
        assert!(is_plain_path(
            "api/v1/enduser/dialogs/abc/context/systemlabels"
        ));
        for bad in [
            "api/v1/enduser/../../admin",
            "api/v1/enduser/%2e%2e/x",
            "api/v1/enduser/%2E./x",
            "api/v1/enduser//x",
            "api/v1/enduser/a\\..\\b",
            "api/v1/enduser/a%2fb",
        ] {
            assert!(!is_plain_path(bad), "{bad}");
        }
    }
}
