//! OpenID Connect provider standing in for ID-porten: discovery, JWKS, a test-user login
//! page, authorization code + PKCE (S256) and the token endpoint.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::Sim;

pub const DEFAULT_SCOPE: &str = "openid digdir:dialogporten";
const CODE_TTL_SECS: u64 = 60;
/// Lifetime of ID tokens.
const TOKEN_TTL_SECS: i64 = 3_600;
/// Default lifetime of access tokens ([`crate::SimConfig::access_token_ttl_secs`]).
pub const DEFAULT_ACCESS_TOKEN_TTL_SECS: i64 = 3_600;

pub async fn discovery(State(sim): State<Arc<Sim>>) -> Json<Value> {
    let iss = sim.issuer();
    Json(json!({
        "issuer": iss,
        "authorization_endpoint": format!("{iss}/authorize"),
        "token_endpoint": format!("{iss}/token"),
        "jwks_uri": format!("{iss}/jwks"),
        "end_session_endpoint": format!("{iss}/endsession"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "subject_types_supported": ["pairwise"],
        "scopes_supported": ["openid", "profile", "digdir:dialogporten", "digdir:dialogporten.noconsent"],
        "code_challenge_methods_supported": ["S256"],
        "id_token_signing_alg_values_supported": ["EdDSA"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "acr_values_supported": ["idporten-loa-substantial", "idporten-loa-high"],
        "ui_locales_supported": ["nb", "nn", "en"],
        "claims_supported": ["iss", "sub", "aud", "pid", "acr", "amr", "nonce", "iat", "exp", "name"],
    }))
}

pub async fn jwks(State(sim): State<Arc<Sim>>) -> Json<Value> {
    Json(json!({ "keys": [sim.idp_keys.jwk()] }))
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Signs (access token, ID token) for persona `p`.
pub(crate) fn make_tokens(
    sim: &Sim,
    p: usize,
    client_id: &str,
    nonce: Option<&str>,
    acr: &str,
    scope: &str,
) -> (String, String) {
    let w = sim.world.read().unwrap();
    let persona = &w.personas[p];
    let party = &w.parties[persona.party];
    let iat = now_secs();
    let sub = {
        let h = Sha256::digest(format!("{}|{client_id}", persona.pid));
        URL_SAFE_NO_PAD.encode(&h[..24])
    };
    let level = if acr == "idporten-loa-high" { 4 } else { 3 };
    let access = json!({
        "iss": sim.issuer(),
        "client_id": client_id,
        "aud": format!("{}/dialogporten", sim.base),
        "sub": sub,
        "pid": persona.pid,
        "acr": acr,
        "scope": scope,
        "urn:altinn:userid": persona.user_id.to_string(),
        "urn:altinn:partyid": party.party_id,
        "urn:altinn:party:uuid": party.uuid,
        "urn:altinn:authlevel": level,
        "iat": iat,
        "nbf": iat,
        "exp": iat + sim.config.access_token_ttl_secs,
        "jti": sim.unique(),
    });
    let mut id = json!({
        "iss": sim.issuer(),
        "aud": client_id,
        "sub": sub,
        "pid": persona.pid,
        "acr": acr,
        "amr": ["TestID"],
        "iat": iat,
        "exp": iat + TOKEN_TTL_SECS,
        "jti": sim.unique(),
        // Real ID-porten does not give names; the simulator adds one for convenience.
        "name": persona.name,
        "locale": "nb",
    });
    if let Some(n) = nonce {
        id["nonce"] = json!(n);
    }
    (sim.idp_keys.sign(&access), sim.idp_keys.sign(&id))
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn error_page(status: StatusCode, msg: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Login error</title></head>\
         <body><main><h1>Login error</h1><p role=\"alert\">{}</p></main></body></html>",
        esc(msg)
    );
    (status, Html(body)).into_response()
}

const PASSTHROUGH: &[&str] = &[
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "acr_values",
    "ui_locales",
];

/// Validates an authorization request; Err is a user-facing message.
fn validate(sim: &Sim, q: &HashMap<String, String>) -> Result<(), String> {
    let client_id = q.get("client_id").map(String::as_str).unwrap_or("");
    if !sim.config.clients.iter().any(|c| c.client_id == client_id) {
        return Err(format!("Unknown client_id {client_id:?}."));
    }
    let redirect = q.get("redirect_uri").map(String::as_str).unwrap_or("");
    if !(redirect.starts_with("http://") || redirect.starts_with("https://"))
        || redirect.contains('#')
    {
        return Err("redirect_uri must be an absolute http(s) URL without a fragment.".into());
    }
    if q.get("response_type").map(String::as_str) != Some("code") {
        return Err("response_type must be \"code\".".into());
    }
    if q.get("code_challenge").is_none_or(|c| c.len() < 43) {
        return Err("code_challenge (PKCE) is required.".into());
    }
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return Err("code_challenge_method must be S256.".into());
    }
    if q.get("state").is_none_or(String::is_empty) {
        return Err("state is required.".into());
    }
    if q.get("nonce").is_none_or(String::is_empty) {
        return Err("nonce is required.".into());
    }
    if let Some(acr) = q.get("acr_values")
        && !acr
            .split(' ')
            .all(|a| a == "idporten-loa-substantial" || a == "idporten-loa-high")
    {
        return Err("Unsupported acr_values.".into());
    }
    Ok(())
}

pub async fn authorize_page(
    State(sim): State<Arc<Sim>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Err(e) = validate(&sim, &q) {
        return error_page(StatusCode::BAD_REQUEST, &e);
    }
    let lang = match q.get("ui_locales").and_then(|l| l.split(' ').next()) {
        Some("nn") => "nn",
        Some("nb") | Some("no") => "nb",
        _ => "en",
    };
    let (title, intro, can_rep, only_self) = match lang {
        "nn" => (
            "Vel ein testbrukar",
            "Dette er ein simulator av ID-porten. Vel kven du vil logge inn som.",
            "kan representere",
            "representerer berre seg sjølv",
        ),
        "nb" => (
            "Velg en testbruker",
            "Dette er en simulator av ID-porten. Velg hvem du vil logge inn som.",
            "kan representere",
            "representerer bare seg selv",
        ),
        _ => (
            "Choose a test user",
            "This is a simulator of ID-porten. Choose whom to log in as.",
            "can represent",
            "represents only themself",
        ),
    };
    let hidden: String = PASSTHROUGH
        .iter()
        .filter_map(|k| {
            q.get(*k)
                .map(|v| format!("<input type=\"hidden\" name=\"{k}\" value=\"{}\">", esc(v)))
        })
        .collect();
    let w = sim.world.read().unwrap();
    let mut items = String::new();
    for p in &w.personas {
        let others: Vec<String> = p
            .access
            .iter()
            .filter(|a| a.party != p.party)
            .map(|a| {
                let party = &w.parties[a.party];
                let mut s = title_case(&party.name);
                if !a.subs.is_empty() {
                    s.push_str(&format!(" (+{})", a.subs.len()));
                }
                s
            })
            .collect();
        let what = if others.is_empty() {
            only_self.to_owned()
        } else if others.len() > 6 {
            format!(
                "{can_rep} {}, {} …",
                others[..5].join(", "),
                others.len() - 5
            )
        } else {
            format!("{can_rep} {}", others.join(", "))
        };
        items.push_str(&format!(
            "<li><form method=\"post\" action=\"authorize\">{hidden}\
             <button type=\"submit\" name=\"pid\" value=\"{pid}\"><strong>{name}</strong> <span>– {what}</span></button>\
             </form></li>",
            pid = esc(&p.pid),
            name = esc(&p.name),
            what = esc(&what),
        ));
    }
    let body = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – ID-porten (simulator)</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}}\
         ul{{list-style:none;padding:0}}li{{margin:.5rem 0}}button{{width:100%;text-align:left;padding:.75rem 1rem;font-size:1rem;cursor:pointer}}\
         button:focus-visible{{outline:3px solid #1a5fb4;outline-offset:2px}}</style></head>\
         <body><main><h1>{title}</h1><p>{intro}</p><ul>{items}</ul></main></body></html>"
    );
    Html(body).into_response()
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.len() <= 3
                && w.chars().all(|c| c.is_uppercase())
                && (w == "AS" || w == "ASA" || w == "DDG" || w == "EAS")
            {
                return w.to_owned();
            }
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn authorize_submit(
    State(sim): State<Arc<Sim>>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    if let Err(e) = validate(&sim, &f) {
        return error_page(StatusCode::BAD_REQUEST, &e);
    }
    let pid = f.get("pid").map(String::as_str).unwrap_or("");
    let Some(persona) = sim
        .world
        .read()
        .unwrap()
        .personas
        .iter()
        .position(|p| p.pid == pid)
    else {
        return error_page(StatusCode::BAD_REQUEST, "Unknown test user.");
    };
    let acr = f
        .get("acr_values")
        .and_then(|a| a.split(' ').next())
        .unwrap_or("idporten-loa-substantial")
        .to_owned();
    let code = sim.unique();
    let redirect_uri = f["redirect_uri"].clone();
    {
        let mut codes = sim.codes.lock().unwrap();
        codes.retain(|_, c| c.issued.elapsed().as_secs() < CODE_TTL_SECS);
        codes.insert(
            code.clone(),
            crate::AuthCode {
                client_id: f["client_id"].clone(),
                redirect_uri: redirect_uri.clone(),
                code_challenge: f["code_challenge"].clone(),
                nonce: f.get("nonce").cloned(),
                persona,
                acr,
                scope: f
                    .get("scope")
                    .cloned()
                    .unwrap_or_else(|| DEFAULT_SCOPE.to_owned()),
                issued: std::time::Instant::now(),
            },
        );
    }
    let sep = if redirect_uri.contains('?') { '&' } else { '?' };
    let location = format!(
        "{redirect_uri}{sep}code={}&state={}",
        enc(&code),
        enc(f.get("state").map(String::as_str).unwrap_or(""))
    );
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub(crate) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut r = (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, "no-store".parse().unwrap());
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            "Basic realm=\"idporten\"".parse().unwrap(),
        );
    }
    r
}

pub async fn token(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    // client_secret_basic, client_secret_post or private_key_jwt
    let client_id = match crate::client_auth::authenticate(&sim, &headers, &f) {
        Ok(id) => id,
        Err(refusal) => return refusal,
    };
    match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => code_grant(&sim, &client_id, &f),
        Some("refresh_token") => crate::oidc_session::refresh_grant(&sim, &client_id, &f),
        _ => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only authorization_code and refresh_token are supported.",
        ),
    }
}

fn code_grant(sim: &Sim, client_id: &str, f: &HashMap<String, String>) -> Response {
    let (Some(code), Some(redirect_uri), Some(verifier)) =
        (f.get("code"), f.get("redirect_uri"), f.get("code_verifier"))
    else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code, redirect_uri and code_verifier are required.",
        );
    };
    // single use: removed whatever happens next
    let Some(entry) = sim.codes.lock().unwrap().remove(code) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Unknown, expired or already used code.",
        );
    };
    if entry.issued.elapsed().as_secs() >= CODE_TTL_SECS {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "The code has expired.",
        );
    }
    if entry.client_id != client_id {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "The code was issued to another client.",
        );
    }
    if &entry.redirect_uri != redirect_uri {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "redirect_uri does not match the authorization request.",
        );
    }
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    if challenge != entry.code_challenge {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "PKCE verification failed.",
        );
    }
    let (access, id) = make_tokens(
        sim,
        entry.persona,
        client_id,
        entry.nonce.as_deref(),
        &entry.acr,
        &entry.scope,
    );
    let refresh = crate::oidc_session::issue_refresh_token(
        sim,
        crate::oidc_session::RefreshGrant::new(client_id, entry.persona, &entry.acr, &entry.scope),
    );
    let mut r = Json(json!({
        "access_token": access,
        "id_token": id,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": sim.config.access_token_ttl_secs,
        "scope": entry.scope,
    }))
    .into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, "no-store".parse().unwrap());
    r
}
