//! An offline stand-in for the Altinn test token generator's `GetPersonalToken`: end-user
//! tokens of the simulated Altinn authentication for the simulator's persons, which the
//! simulated Dialogporten accepts like ID-porten tokens.
//!
//! `GET /sim/token-generator/GetPersonalToken?env=tt02&scopes=digdir:dialogporten&pid=…&ttl=1800&authLvl=3`
//! with HTTP Basic (the same credentials as `GetEnterpriseToken`, default `sim`/`sim`);
//! answers the signed JWT as `text/plain`, 400 with the reasons as text, 401 without
//! valid credentials.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use crate::Sim;

const ENVIRONMENTS: &[&str] = &["tt02", "at22", "at23", "at24", "yt01", "local", "none"];
const DEFAULT_TTL_SECS: i64 = 1800;

impl Sim {
    /// `iss` of the simulated Altinn authentication's tokens,
    /// `{public_base_url}/authentication/api/v1/openid/`.
    pub fn platform_issuer(&self) -> String {
        format!("{}/authentication/api/v1/openid/", self.base)
    }

    /// Keys that sign the simulated Altinn authentication's tokens.
    pub fn platform_keys(&self) -> &crate::jwt::Keys {
        &self.platform_keys
    }
}

fn text(status: StatusCode, body: String) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

fn authorized(sim: &Sim, headers: &HeaderMap) -> bool {
    let settings = &sim.notifications.settings;
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .and_then(|(_, b)| STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .is_some_and(|pair| {
            pair.split_once(':').is_some_and(|(user, password)| {
                user == settings.token_user && password == settings.token_password
            })
        })
}

/// `GET /sim/token-generator/GetPersonalToken`.
pub async fn get_personal_token(
    State(sim): State<Arc<Sim>>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if !authorized(&sim, &headers) {
        let mut res = text(StatusCode::UNAUTHORIZED, "Unauthorized".to_owned());
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Altinn simulator token generator\""),
        );
        return res;
    }
    let get = |name: &str| {
        q.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut errors: Vec<String> = Vec::new();

    match get("env") {
        Some(env) if ENVIRONMENTS.contains(&env.to_ascii_lowercase().as_str()) => {}
        Some(env) => errors.push(format!(
            "Invalid env '{env}'. Allowed: {}",
            ENVIRONMENTS.join(", ")
        )),
        None => errors.push(format!("Missing env. Allowed: {}", ENVIRONMENTS.join(", "))),
    }
    let scopes = get("scopes").unwrap_or_default();
    let scopes_ok = !scopes.is_empty()
        && scopes.len() <= 500
        && scopes
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b":/_-,. ".contains(&c));
    if !scopes_ok {
        errors.push("Missing or invalid scopes (comma- or space-separated, [a-z0-9:/_-,. ], at most 500 characters)".to_owned());
    }
    let pid = get("pid").unwrap_or_default();
    if pid.len() != 11 || !pid.bytes().all(|c| c.is_ascii_digit()) {
        errors.push("Missing or invalid pid (11 digits)".to_owned());
    }
    let ttl = match get("ttl").map(|t| t.parse::<i64>()) {
        None => DEFAULT_TTL_SECS,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            errors.push("Invalid ttl (a positive number of seconds)".to_owned());
            0
        }
    };
    let level = match get("authLvl").map(|l| l.parse::<u8>()) {
        None => 3,
        Some(Ok(n)) if n <= 4 => n,
        Some(_) => {
            errors.push("Invalid authLvl (0-4)".to_owned());
            0
        }
    };
    if !errors.is_empty() {
        return text(StatusCode::BAD_REQUEST, errors.join("\n"));
    }

    let claims = {
        let w = sim.world.read().unwrap();
        let Some(persona) = w.personas.iter().find(|p| p.pid == pid) else {
            return text(
                StatusCode::BAD_REQUEST,
                format!("No test person with pid {pid} in this environment"),
            );
        };
        let party = &w.parties[persona.party];
        let now = chrono::Utc::now().timestamp();
        let scope = scopes
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        json!({
            "iss": sim.platform_issuer(),
            "pid": persona.pid,
            "sub": persona.pid,
            "urn:altinn:userid": persona.user_id.to_string(),
            "urn:altinn:partyid": party.party_id,
            "urn:altinn:party:uuid": party.uuid,
            "urn:altinn:authlevel": level,
            "urn:altinn:authenticatemethod": "NotDefined",
            "acr": if level >= 4 { "idporten-loa-high" } else { "idporten-loa-substantial" },
            "scope": scope,
            "token_type": "Bearer",
            "iat": now,
            "nbf": now,
            "exp": now + ttl,
            "jti": sim.unique(),
        })
    };
    text(StatusCode::OK, sim.platform_keys.sign(&claims))
}
