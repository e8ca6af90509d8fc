//! What happens after the login: refresh tokens (rotated on every use; reusing a rotated
//! token revokes its whole family) and the end-session (logout) endpoint.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use crate::Sim;
use crate::oidc::{make_tokens, oauth_error};

/// What a refresh token stands for.
#[derive(Debug, Clone)]
pub(crate) struct RefreshGrant {
    client_id: String,
    persona: usize,
    acr: String,
    scope: String,
    /// Every token rotated from one login shares the family.
    family: String,
}

impl RefreshGrant {
    pub(crate) fn new(client_id: &str, persona: usize, acr: &str, scope: &str) -> RefreshGrant {
        RefreshGrant {
            client_id: client_id.to_owned(),
            persona,
            acr: acr.to_owned(),
            scope: scope.to_owned(),
            family: String::new(),
        }
    }
}

/// Live refresh tokens, and the rotated ones (token → family) to detect reuse.
#[derive(Debug, Default)]
pub struct RefreshTokens {
    live: HashMap<String, RefreshGrant>,
    rotated: HashMap<String, String>,
}

impl RefreshTokens {
    fn revoke_family(&mut self, family: &str) {
        self.live.retain(|_, g| g.family != family);
    }
}

/// Issues a refresh token for `grant` (a new family unless the grant has one).
pub(crate) fn issue_refresh_token(sim: &Sim, mut grant: RefreshGrant) -> String {
    if grant.family.is_empty() {
        grant.family = sim.unique();
    }
    let token = sim.unique();
    sim.refresh_tokens
        .lock()
        .unwrap()
        .live
        .insert(token.clone(), grant);
    token
}

impl Sim {
    /// Revokes every refresh token of the persona with `pid` (as if the user had ended
    /// all sessions); returns how many were live.
    pub fn revoke_refresh_tokens(&self, pid: &str) -> usize {
        let persona = {
            let w = self.world.read().unwrap();
            w.personas.iter().position(|p| p.pid == pid)
        };
        let Some(persona) = persona else { return 0 };
        let mut tokens = self.refresh_tokens.lock().unwrap();
        let before = tokens.live.len();
        tokens.live.retain(|_, g| g.persona != persona);
        before - tokens.live.len()
    }

    /// How many refresh tokens are live (tests).
    pub fn live_refresh_tokens(&self) -> usize {
        self.refresh_tokens.lock().unwrap().live.len()
    }
}

/// `grant_type=refresh_token`: a new access token and a new refresh token; the old one
/// stops working.
pub(crate) fn refresh_grant(sim: &Sim, client_id: &str, f: &HashMap<String, String>) -> Response {
    let Some(token) = f.get("refresh_token").filter(|t| !t.is_empty()) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "refresh_token is required.",
        );
    };
    let grant = {
        let mut tokens = sim.refresh_tokens.lock().unwrap();
        match tokens.live.remove(token) {
            Some(g) if g.client_id == client_id => {
                tokens.rotated.insert(token.clone(), g.family.clone());
                Some(g)
            }
            Some(g) => {
                // Another client's token: refused, and left as it was.
                tokens.live.insert(token.clone(), g);
                None
            }
            None => {
                if let Some(family) = tokens.rotated.get(token).cloned() {
                    // A rotated token came back: someone kept a copy. End the family.
                    tokens.revoke_family(&family);
                }
                None
            }
        }
    };
    let Some(grant) = grant else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Unknown, used or revoked refresh token.",
        );
    };
    let (access, _) = make_tokens(
        sim,
        grant.persona,
        client_id,
        None,
        &grant.acr,
        &grant.scope,
    );
    let scope = grant.scope.clone();
    let refresh = issue_refresh_token(sim, grant);
    let mut r = Json(json!({
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": sim.config.access_token_ttl_secs,
        "scope": scope,
    }))
    .into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, "no-store".parse().unwrap());
    r
}

fn page(status: StatusCode, heading: &str, message: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{heading}</title></head>\
         <body><main><h1>{heading}</h1><p role=\"status\">{message}</p></main></body></html>"
    );
    (status, Html(body)).into_response()
}

/// `GET /idporten/endsession?id_token_hint=…&post_logout_redirect_uri=…&state=…`: checks the
/// hint (an ID token this provider signed; it may have expired), revokes the user's
/// refresh tokens for that client, and sends the browser to the post-logout URI if the
/// client registered it (with `state`), else shows "Logged out".
pub async fn end_session(
    State(sim): State<Arc<Sim>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let Some(hint) = q.get("id_token_hint").filter(|h| !h.is_empty()) else {
        return page(
            StatusCode::BAD_REQUEST,
            "Logout error",
            "id_token_hint is required.",
        );
    };
    let claims = match crate::jwt::verify_signature(&sim.idp_keys.verifying_key(), hint) {
        Ok(c) if c["iss"].as_str() == Some(sim.issuer().as_str()) => c,
        _ => {
            return page(
                StatusCode::BAD_REQUEST,
                "Logout error",
                "id_token_hint is not an ID token from this provider.",
            );
        }
    };
    let client_id = claims["aud"].as_str().unwrap_or_default();
    let Some(client) = sim.config.clients.iter().find(|c| c.client_id == client_id) else {
        return page(StatusCode::BAD_REQUEST, "Logout error", "Unknown client.");
    };
    let redirect = q.get("post_logout_redirect_uri").filter(|u| !u.is_empty());
    if let Some(uri) = redirect
        && !client.post_logout_redirect_uris.iter().any(|r| r == uri)
    {
        return page(
            StatusCode::BAD_REQUEST,
            "Logout error",
            "post_logout_redirect_uri is not registered for the client.",
        );
    }
    if let Some(pid) = claims["pid"].as_str() {
        let persona = sim
            .world
            .read()
            .unwrap()
            .personas
            .iter()
            .position(|p| p.pid == pid);
        if let Some(persona) = persona {
            sim.refresh_tokens
                .lock()
                .unwrap()
                .live
                .retain(|_, g| !(g.persona == persona && g.client_id == client_id));
        }
    }
    match redirect {
        Some(uri) => {
            let mut location = uri.clone();
            if let Some(state) = q.get("state").filter(|s| !s.is_empty()) {
                let sep = if uri.contains('?') { '&' } else { '?' };
                let state: String = form_urlencoded::byte_serialize(state.as_bytes()).collect();
                location.push_str(&format!("{sep}state={state}"));
            }
            (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
        }
        None => page(StatusCode::OK, "Logged out", "You are logged out."),
    }
}
