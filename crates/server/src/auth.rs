//! Login, callback, session and logout: the browser only ever holds an opaque,
//! HttpOnly session cookie; tokens stay on the server.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Json};
use crate::oidc::{AuthorizeParams, random_token};
use crate::store::{PendingLogin, Session, SessionTokens};
use crate::{AppState, now_unix};
use portal_api::auth::LogoutAnswer;

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
    if !state.config.oidc_login {
        return Ok(login_error("login-not-configured"));
    }
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

    let ttl = state.config.session_ttl.as_secs() as i64;
    let access_expires_at = match tokens.expires_in {
        Some(secs) if secs > 0 => now + secs,
        _ => now + ttl,
    };
    // With a refresh token the session lasts its TTL (the access token is renewed);
    // without one it ends with the access token.
    let expires_at = if tokens.refresh_token.is_some() {
        now + ttl
    } else {
        access_expires_at.min(now + ttl)
    };
    let session = Session {
        access_token: tokens.access_token,
        pid: identity.pid,
        name: identity.name,
        subject: identity.subject,
        created_at: now,
        expires_at,
    };
    let kept = SessionTokens {
        access_expires_at,
        refresh_token: tokens.refresh_token,
        id_token: Some(tokens.id_token),
    };
    let cookie = begin_session(&state, &headers, &session, Some(&kept)).await?;
    tracing::info!("login completed");

    let mut response = Redirect::to(&pending.return_to).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Stores a new session under a fresh id (no session fixation: the request's old session
/// ends) and returns its `Set-Cookie` value. Every kind of login ends here.
pub async fn begin_session(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
    tokens: Option<&SessionTokens>,
) -> Result<HeaderValue, AppError> {
    if let Some(old) = session_cookie(headers) {
        state.sessions.delete_session(&old).await?;
        state.api_log.forget(&crate::store::hash_key(&old));
    }
    let id = random_token();
    if let Some(tokens) = tokens {
        state
            .sessions
            .insert_tokens(&id, tokens, session.expires_at)
            .await?;
    }
    state.sessions.insert_session(&id, session).await?;
    Ok(session_cookie_header(
        &id,
        session.expires_at - session.created_at,
        state.config.secure_cookies(),
    ))
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
    /// Whether `POST /api/demo-login` (the test token generator) is available.
    #[serde(default)]
    pub demo_login: bool,
    /// Whether `/api/login` (OpenID Connect, e.g. ID-porten) is configured.
    #[serde(default)]
    pub oidc_login: bool,
}

/// `GET /api/session`: who is logged in (never the token).
pub async fn session(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionInfo>, AppError> {
    let demo_login = state.config.token_generator.is_some();
    let Some(session) = current_session(&state, &headers).await? else {
        return Ok(Json(SessionInfo {
            authenticated: false,
            name: None,
            pid: None,
            is_staff: None,
            expires_at: None,
            api_log: None,
            demo_login,
            oidc_login: state.config.oidc_login,
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
        demo_login,
        oidc_login: state.config.oidc_login,
    }))
}

/// `POST /api/logout`: the session is deleted and the cookie cleared; the answer says
/// where the browser goes next: the provider's end-session endpoint (with the ID token as
/// hint, coming back to the start page) when the provider has one and the session came
/// from an OIDC login, else the start page.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let mut redirect = None;
    if let Some(id) = session_cookie(&headers) {
        let id_token = match state.sessions.session(&id, now_unix()).await? {
            Some(_) => state.sessions.tokens(&id).await?.and_then(|t| t.id_token),
            None => None,
        };
        state.sessions.delete_session(&id).await?;
        state.api_log.forget(&crate::store::hash_key(&id));
        if let Some(id_token) = id_token {
            let back = format!("{}/", state.config.public_base());
            redirect = state
                .oidc
                .end_session_url(&id_token, &back, &random_token())
                .await;
        }
    }
    let answer = LogoutAnswer {
        redirect: redirect.unwrap_or_else(|| "/".to_owned()),
    };
    let mut response = Json(answer).into_response();
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
    let Some(id) = session_cookie(headers) else {
        return Ok(None);
    };
    match state.sessions.session(&id, now_unix()).await? {
        Some(session) => crate::session_tokens::ensure_fresh(state, &id, session).await,
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
