//! Login, callback, session and logout: the browser only ever holds an opaque,
//! HttpOnly session cookie; tokens stay on the server.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Json};
use crate::oidc::{AuthorizeParams, random_token};
use crate::store::{PendingLogin, Session};
use crate::{AppState, now_unix};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "portal_session";
/// How long a login may take at the identity provider.
const PENDING_TTL_SECONDS: i64 = 600;
/// Languages ID-porten offers.
const UI_LOCALES: [&str; 4] = ["nb", "nn", "en", "se"];

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    #[serde(rename = "returnTo")]
    return_to: Option<String>,
    lang: Option<String>,
    /// `high` asks the provider for the highest level of assurance (`idporten-loa-high`),
    /// e.g. after Dialogporten answered "Altinn authentication level too low".
    acr: Option<String>,
}

/// `GET /api/login`: remember state, nonce and PKCE verifier, then 303 to the provider.
pub async fn login(
    State(state): State<AppState>,
    Query(query): Query<LoginQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let now = now_unix();
    let login_state = random_token();
    let pending = PendingLogin {
        nonce: random_token(),
        code_verifier: random_token(),
        return_to: safe_return_to(query.return_to.as_deref()),
        created_at: now,
        expires_at: now + PENDING_TTL_SECONDS,
    };
    let ui_locales = ui_locale(query.lang.as_deref(), &headers);
    let url = match state
        .oidc
        .authorize_url(&AuthorizeParams {
            state: &login_state,
            nonce: &pending.nonce,
            code_verifier: &pending.code_verifier,
            ui_locales,
            acr_values: (query.acr.as_deref() == Some("high")).then_some("idporten-loa-high"),
        })
        .await
    {
        Ok(url) => url,
        Err(e) => {
            tracing::warn!(error = %e, "login could not start");
            return Ok(login_error(e.reason()));
        }
    };
    state
        .sessions
        .insert_pending(&login_state, &pending)
        .await?;
    Ok(Redirect::to(&url).into_response())
}

#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /api/auth/callback`: exchange the code, verify the ID token, start a new session.
pub async fn callback(
    State(state): State<AppState>,
    Query(query): Query<CallbackQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let now = now_unix();
    // The pending login is consumed whatever happens next: a state works once.
    let pending = match query.state.as_deref() {
        Some(s) if !s.is_empty() => state.sessions.take_pending(s, now).await?,
        _ => None,
    };
    if let Some(error) = query.error.as_deref() {
        tracing::info!(error, "identity provider returned an error");
        let reason = match error {
            "access_denied" => "access-denied",
            "login_required" | "interaction_required" => "login-required",
            _ => "provider-error",
        };
        return Ok(login_error(reason));
    }
    let Some(pending) = pending else {
        tracing::info!("callback with an unknown, used or expired state");
        return Ok(login_error("invalid-state"));
    };
    let Some(code) = query.code.as_deref().filter(|c| !c.is_empty()) else {
        return Ok(login_error("missing-code"));
    };
    let (tokens, identity) = match state
        .oidc
        .exchange(code, &pending.code_verifier, &pending.nonce)
        .await
    {
        Ok(ok) => ok,
        Err(e) => {
            tracing::warn!(error = %e, "login failed");
            return Ok(login_error(e.reason()));
        }
    };

    // A fresh id at every login (no session fixation); the old session ends.
    if let Some(old) = session_cookie(&headers) {
        state.sessions.delete_session(&old).await?;
        state.api_log.forget(&crate::store::hash_key(&old));
    }
    let ttl = state.config.session_ttl.as_secs() as i64;
    let expires_at = match tokens.expires_in {
        Some(secs) if secs > 0 => now + secs.min(ttl),
        _ => now + ttl,
    };
    let session = Session {
        access_token: tokens.access_token,
        pid: identity.pid,
        name: identity.name,
        subject: identity.subject,
        created_at: now,
        expires_at,
    };
    let id = random_token();
    state.sessions.insert_session(&id, &session).await?;
    tracing::info!("login completed");

    let cookie = session_cookie_header(&id, expires_at - now, state.config.secure_cookies());
    let mut response = Redirect::to(&pending.return_to).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// What `GET /api/session` answers.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    pub authenticated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_staff: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Whether the developer API log (`/api/dev/api-log`) is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_log: Option<bool>,
}

/// `GET /api/session`: who is logged in (never the token).
pub async fn session(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionInfo>, AppError> {
    let Some(session) = current_session(&state, &headers).await? else {
        return Ok(Json(SessionInfo {
            authenticated: false,
            name: None,
            pid: None,
            is_staff: None,
            expires_at: None,
            api_log: None,
        }));
    };
    let is_staff = session
        .pid
        .as_ref()
        .is_some_and(|pid| state.staff_pids.iter().any(|s| s == pid));
    let expires_at = chrono::DateTime::from_timestamp(session.expires_at, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    Ok(Json(SessionInfo {
        authenticated: true,
        name: session.name,
        pid: session.pid,
        is_staff: Some(is_staff),
        expires_at,
        api_log: Some(state.api_log.enabled()),
    }))
}

/// `POST /api/logout`: the session is deleted and the cookie cleared.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(id) = session_cookie(&headers) {
        state.sessions.delete_session(&id).await?;
        state.api_log.forget(&crate::store::hash_key(&id));
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie_header("", 0, state.config.secure_cookies()),
    );
    Ok(response)
}

/// The session the request's cookie names, if it exists and has not expired.
pub async fn current_session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Session>, AppError> {
    match session_cookie(headers) {
        Some(id) => Ok(state.sessions.session(&id, now_unix()).await?),
        None => Ok(None),
    }
}

/// The `portal_session` cookie's value.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

fn session_cookie_header(id: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value =
        format!("{SESSION_COOKIE}={id}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&value).expect("cookie value is ASCII")
}

fn login_error(reason: &str) -> Response {
    Redirect::to(&format!("/login-error?reason={reason}")).into_response()
}

/// `returnTo` if it is a path on this origin (`/x`, not `//host` or `/\host`), else `/`.
pub fn safe_return_to(return_to: Option<&str>) -> String {
    match return_to {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.starts_with("/\\")
                && p.len() <= 2048
                && !p.chars().any(|c| c.is_control() || c == '\\') =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// `?lang=` if ID-porten offers it, else the first offered language in Accept-Language, else `nb`.
fn ui_locale(lang: Option<&str>, headers: &HeaderMap) -> &'static str {
    let pick = |tag: &str| {
        let primary = tag
            .trim()
            .split(['-', '_', ';'])
            .next()?
            .to_ascii_lowercase();
        let primary = if primary == "no" {
            "nb".to_owned()
        } else {
            primary
        };
        UI_LOCALES.iter().copied().find(|l| *l == primary)
    };
    if let Some(l) = lang.and_then(pick) {
        return l;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').find_map(pick))
        .unwrap_or("nb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_to_must_be_a_local_path() {
        assert_eq!(safe_return_to(Some("/inbox?party=x")), "/inbox?party=x");
        for bad in [
            "//evil.example",
            "https://evil.example/",
            "/\\evil",
            "inbox",
            "",
        ] {
            assert_eq!(safe_return_to(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_return_to(None), "/");
    }

    #[test]
    fn locale_from_query_or_header() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("de, en-GB;q=0.8"),
        );
        assert_eq!(ui_locale(None, &h), "en");
        assert_eq!(ui_locale(Some("nn"), &h), "nn");
        assert_eq!(ui_locale(Some("xx"), &HeaderMap::new()), "nb");
    }

    #[test]
    fn cookie_attributes() {
        let plain = session_cookie_header("id", 60, false);
        assert_eq!(
            plain,
            "portal_session=id; HttpOnly; SameSite=Lax; Path=/; Max-Age=60"
        );
        let secure = session_cookie_header("id", 60, true);
        assert!(secure.to_str().unwrap().ends_with("; Secure"));
    }

    #[test]
    fn cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; portal_session=abc; b=2"),
        );
        assert_eq!(session_cookie(&h).as_deref(), Some("abc"));
    }
}
