//! What the content and action routes share: the caller's session, the dialog's grant
//! (cached, or from a fresh `GET dialogs/{id}`), removing dialog tokens from bodies on the
//! way to the browser, and mapping answers of service-owner URLs to problems.

use altinn::{Dialog, ProblemDetails};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use portal_api::api_log::Upstream;
use uuid::Uuid;

use crate::api_log::UpstreamLog;
use crate::auth::{current_session, session_cookie};
use crate::dialog_grants::DialogGrant;
use crate::error::AppError;
use crate::store::{Session, hash_key};
use crate::{AppState, now_unix};

/// A logged-in caller.
pub struct Caller {
    pub session: Session,
    /// Identifies the session in server memory (a hash of the cookie value).
    pub key: String,
    /// Where this request's upstream calls are recorded (the developer API log).
    pub log: UpstreamLog,
}

/// The caller, or 401.
pub async fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, AppError> {
    let session = current_session(state, headers)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let key = session_cookie(headers)
        .map(|c| hash_key(&c))
        .ok_or(AppError::Unauthenticated)?;
    let log = UpstreamLog::for_request(state, headers);
    Ok(Caller { session, key, log })
}

/// Removes every `dialogToken` member (any depth, any letter case) from a JSON body on
/// its way to the browser. When the body is a dialog (a top-level token), its grant is
/// kept for `caller_key` if `keep` (a 200 answer to a GET). Deciding by the body rather
/// than by the path means no path spelling (case, trailing slash) lets a token through.
/// A body that mentions a token but is not JSON is refused (502).
pub fn strip_dialog_tokens(
    state: &AppState,
    caller_key: &str,
    body: Bytes,
    keep: bool,
) -> Result<Bytes, AppError> {
    if !mentions_token(&body) {
        return Ok(body);
    }
    let mut value: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| AppError::BadGateway("a body with a dialog token is not JSON".into()))?;
    let top_level = value.as_object().and_then(|o| {
        o.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(TOKEN_KEY))
            .map(|(_, v)| v.clone())
    });
    let typed = keep.then(|| value.clone());
    remove_tokens(&mut value);
    if let (Some(serde_json::Value::String(_)), Some(typed)) = (top_level, typed) {
        match serde_json::from_value::<Dialog>(typed) {
            Ok(dialog) => keep_grant(state, caller_key, dialog.id, &dialog),
            // The browser still gets the details; content and actions will fetch them anew.
            Err(e) => tracing::warn!(error = %e, "dialog details did not match the model"),
        }
    }
    serde_json::to_vec(&value)
        .map(Bytes::from)
        .map_err(|e| AppError::Internal(e.to_string()))
}

const TOKEN_KEY: &str = "dialogToken";

/// Whether the body contains the key in any letter case (a SIMD substring search over a
/// lower-cased copy: this runs on every proxied body, so it must stay cheap).
fn mentions_token(body: &[u8]) -> bool {
    if memchr::memmem::find(body, TOKEN_KEY.as_bytes()).is_some() {
        return true;
    }
    let lower = body.to_ascii_lowercase();
    memchr::memmem::find(&lower, b"dialogtoken").is_some()
}

fn remove_tokens(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(o) => {
            o.retain(|k, _| !k.eq_ignore_ascii_case(TOKEN_KEY));
            o.values_mut().for_each(remove_tokens);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(remove_tokens),
        _ => {}
    }
}

fn keep_grant(state: &AppState, caller_key: &str, dialog_id: Uuid, dialog: &Dialog) {
    let now = now_unix();
    if let Some(grant) = DialogGrant::from_dialog(dialog, now) {
        state.dialog_grants.put(caller_key, dialog_id, grant, now);
    }
}

/// Where a grant came from: a fresh fetch may not be retried.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Freshness {
    Cached,
    Fetched,
}

/// The caller's grant for a dialog: the cached one unless `refresh`, else the dialog is
/// fetched (`GET dialogs/{id}`, which Dialogporten counts as "seen", as the details page
/// already did). Dialogporten's refusals (403, 404, 410) are passed on as problems.
pub async fn grant(
    state: &AppState,
    caller: &Caller,
    dialog_id: Uuid,
    headers: &HeaderMap,
    refresh: bool,
) -> Result<(DialogGrant, Freshness), AppError> {
    if !refresh && let Some(g) = state.dialog_grants.get(&caller.key, dialog_id, now_unix()) {
        return Ok((g, Freshness::Cached));
    }
    let url = format!(
        "{}/api/v1/enduser/dialogs/{dialog_id}",
        state.config.dialogporten_url
    );
    let mut request = state
        .http
        .get(&url)
        .bearer_auth(&caller.session.access_token)
        .header(header::ACCEPT, "application/json");
    if let Some(lang) = headers.get(header::ACCEPT_LANGUAGE) {
        request = request.header(header::ACCEPT_LANGUAGE, lang);
    }
    let response = caller
        .log
        .send(Upstream::Dialogporten, request)
        .await
        .map_err(upstream_error)?;
    let status = response.status();
    if status == StatusCode::UNAUTHORIZED {
        return Err(AppError::Unauthenticated);
    }
    let body = read_limited(response, crate::proxy::BODY_LIMIT * 8).await?;
    if !status.is_success() {
        return Err(dialogporten_refusal(status, &body));
    }
    let dialog: Dialog = serde_json::from_slice(&body)
        .map_err(|e| AppError::BadGateway(format!("dialog details: {e}")))?;
    let grant = DialogGrant::from_dialog(&dialog, now_unix()).ok_or_else(|| {
        problem(
            StatusCode::FORBIDDEN,
            "dialog-token-missing",
            "Dialogporten did not issue a dialog token for this dialog.",
        )
    })?;
    state
        .dialog_grants
        .put(&caller.key, dialog_id, grant.clone(), now_unix());
    Ok((grant, Freshness::Fetched))
}

/// A problem built here (safe to show).
pub fn problem(status: StatusCode, code: &str, detail: &str) -> AppError {
    let title = altinn::problem::default_title(status.as_u16())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("Error."));
    let mut p = ProblemDetails::new(status.as_u16(), title);
    p.code = Some(code.to_owned());
    p.detail = Some(detail.to_owned());
    AppError::Problem(Box::new(p))
}

/// Dialogporten's own 4xx problem, passed on (it names the reason, e.g. "not visible
/// until"); 5xx becomes 502.
fn dialogporten_refusal(status: StatusCode, body: &[u8]) -> AppError {
    if !status.is_client_error() {
        return AppError::BadGateway(format!("dialog details: {status}"));
    }
    let mut p = serde_json::from_slice::<ProblemDetails>(body)
        .unwrap_or_else(|_| ProblemDetails::for_status(status.as_u16()));
    p.status = Some(status.as_u16());
    p.code.get_or_insert_with(|| "upstream-refused".to_owned());
    AppError::Problem(Box::new(p))
}

/// An answer of a service owner's URL (embed or action) that is not a success.
/// 401 means our dialog token was refused, which the user cannot fix: 502. Other 4xx keep
/// their status; anything else is 502.
pub fn service_refusal(status: StatusCode) -> AppError {
    match status.as_u16() {
        401 => problem(
            StatusCode::BAD_GATEWAY,
            "upstream-rejected-token",
            "The service did not accept the dialog token.",
        ),
        400..=499 => problem(
            status,
            "upstream-refused",
            "The service refused the request.",
        ),
        _ => AppError::BadGateway(format!("service answered {status}")),
    }
}

/// Transport errors: 504 on timeout, else 502.
pub fn upstream_error(e: reqwest::Error) -> AppError {
    if e.is_timeout() {
        AppError::GatewayTimeout
    } else {
        AppError::BadGateway(e.to_string())
    }
}

/// The body, or 502 `content-too-large` past `limit` bytes.
pub async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, AppError> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(upstream_error)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn too_large() -> AppError {
    problem(
        StatusCode::BAD_GATEWAY,
        "content-too-large",
        "The content is larger than the portal shows.",
    )
}

/// A URL the server may call: absolute `http` or `https` with a host.
pub fn callable_url(url: &str) -> Option<url::Url> {
    url::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}
