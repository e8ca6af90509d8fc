//! Maskinporten stand-in and Altinn authentication's Maskinporten token exchange.
//!
//! - `POST /maskinporten/token`: the JWT-bearer grant (RFC 7523). The client posts
//!   `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>`; the assertion
//!   is signed RS256/RS384/RS512 with the client's private key (`kid` optional) and carries
//!   `aud = {public_base_url}/maskinporten/`, `iss = client id`, `scope`, `iat`, `exp`
//!   (at most 120 s after `iat`, 10 s clock skew) and a `jti` that is never accepted twice.
//!   The answer is `{access_token, token_type: "Bearer", expires_in, scope}`; the access token
//!   is an EdDSA JWT signed by the simulator (`iss = {public_base_url}/maskinporten/`,
//!   `client_id`, `scope`, `consumer: {authority: "iso6523-actorid-upis", ID: "0192:<orgno>"}`).
//!   Errors are RFC 6749 JSON with 400: `invalid_request`, `unsupported_grant_type`,
//!   `invalid_client` (unknown client), `invalid_grant` (signature, audience, lifetime,
//!   replay), `invalid_scope`.
//! - `GET /authentication/api/v1/exchange/maskinporten` with the Maskinporten token as
//!   Bearer: the Altinn token as `text/plain`, with `urn:altinn:org` for registered service
//!   owners ([`SERVICE_OWNERS`]), signed like the token generator's tokens, so the
//!   Notifications simulator accepts it. 401 for a token the simulator did not issue or that
//!   expired.
//! - `GET /sim/api/maskinporten/stats`: `{grants, exchanges}` (how many tokens were issued).
//!
//! Maskinporten reads the wall clock (assertions are made on real clocks); the Altinn token is
//! minted on the Notifications simulator's clock, like the token generator's.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rsa::pkcs1::{DecodeRsaPublicKey, EncodeRsaPublicKey};
use rsa::pkcs8::DecodePublicKey;
use serde_json::{Value, json};

use crate::Sim;
use crate::notifications::Claims;

/// The grant type of RFC 7523.
pub const JWT_BEARER_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// The scope Altinn Notifications requires.
pub const NOTIFICATIONS_SCOPE: &str = "altinn:serviceowner/notifications.create";
/// Longest assertion lifetime (`exp - iat`) accepted.
pub const MAX_ASSERTION_SECONDS: i64 = 120;
/// Clock skew tolerated on `iat` and `exp`.
pub const CLOCK_SKEW_SECONDS: i64 = 10;
/// Organisation numbers of the simulated service owners and their Altinn org codes.
pub const SERVICE_OWNERS: &[(&str, &str)] = &[
    ("991825827", "ttd"),
    ("974761076", "skd"),
    ("889640782", "nav"),
    ("971526920", "ssb"),
    ("971032081", "svv"),
];

/// A client registered with the simulated Maskinporten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskinportenClient {
    pub client_id: String,
    /// The client's RSA public key, PEM (`BEGIN PUBLIC KEY` or `BEGIN RSA PUBLIC KEY`).
    pub public_key_pem: String,
    /// The organisation the client belongs to (nine digits).
    pub org_number: String,
    /// Scopes the client may request.
    pub scopes: Vec<String>,
}

impl MaskinportenClient {
    /// A client allowed the Notifications scope.
    pub fn new(
        client_id: impl Into<String>,
        public_key_pem: impl Into<String>,
        org_number: impl Into<String>,
    ) -> MaskinportenClient {
        MaskinportenClient {
            client_id: client_id.into(),
            public_key_pem: public_key_pem.into(),
            org_number: org_number.into(),
            scopes: vec![NOTIFICATIONS_SCOPE.to_owned()],
        }
    }

    /// Checks that the public key is an RSA public key in PEM.
    pub fn check_key(&self) -> Result<(), String> {
        decoding_key(&self.public_key_pem).map(|_| ())
    }
}

/// Maskinporten settings of a simulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskinportenConfig {
    pub clients: Vec<MaskinportenClient>,
    /// Lifetime of Maskinporten access tokens (default 120 s).
    pub access_token_seconds: i64,
    /// Lifetime of exchanged Altinn tokens (default 1800 s, as in Altinn).
    pub altinn_token_seconds: i64,
}

impl Default for MaskinportenConfig {
    fn default() -> Self {
        MaskinportenConfig {
            clients: Vec::new(),
            access_token_seconds: 120,
            altinn_token_seconds: 1800,
        }
    }
}

/// How many tokens the simulator issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TokenStats {
    /// Maskinporten access tokens (successful JWT-bearer grants).
    pub grants: u64,
    /// Altinn tokens from the Maskinporten exchange.
    pub exchanges: u64,
}

struct Registered {
    client: MaskinportenClient,
    key: Result<DecodingKey, String>,
}

/// The Maskinporten part of a simulator.
pub struct MaskinportenSim {
    base: String,
    keys: crate::jwt::Keys,
    clients: Vec<Registered>,
    access_token_seconds: i64,
    altinn_token_seconds: i64,
    /// `jti` of accepted assertions → until when they are remembered.
    seen: Mutex<HashMap<String, i64>>,
    grants: AtomicU64,
    exchanges: AtomicU64,
}

impl std::fmt::Debug for MaskinportenSim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MaskinportenSim")
            .field("base", &self.base)
            .field("clients", &self.clients.len())
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

fn decoding_key(pem: &str) -> Result<DecodingKey, String> {
    let key = rsa::RsaPublicKey::from_public_key_pem(pem.trim())
        .or_else(|_| rsa::RsaPublicKey::from_pkcs1_pem(pem.trim()))
        .map_err(|_| "not an RSA public key in PEM".to_owned())?;
    let der = key
        .to_pkcs1_der()
        .map_err(|_| "the RSA public key cannot be encoded".to_owned())?;
    Ok(DecodingKey::from_rsa_der(der.as_bytes()))
}

fn wall_now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl MaskinportenSim {
    pub(crate) fn new(base: &str, seed: u64, config: &MaskinportenConfig) -> MaskinportenSim {
        MaskinportenSim {
            base: base.to_owned(),
            keys: crate::jwt::Keys::from_seed(seed, "maskinporten"),
            clients: config
                .clients
                .iter()
                .map(|c| Registered {
                    client: c.clone(),
                    key: decoding_key(&c.public_key_pem),
                })
                .collect(),
            access_token_seconds: config.access_token_seconds.max(1),
            altinn_token_seconds: config.altinn_token_seconds.max(1),
            seen: Mutex::new(HashMap::new()),
            grants: AtomicU64::new(0),
            exchanges: AtomicU64::new(0),
        }
    }

    /// `{public_base_url}/maskinporten/`: the assertion audience and the token issuer.
    pub fn issuer(&self) -> String {
        format!("{}/maskinporten/", self.base)
    }

    /// Tokens issued so far.
    pub fn stats(&self) -> TokenStats {
        TokenStats {
            grants: self.grants.load(Ordering::Relaxed),
            exchanges: self.exchanges.load(Ordering::Relaxed),
        }
    }

    /// Keys that sign the simulator's Maskinporten access tokens.
    pub fn keys(&self) -> &crate::jwt::Keys {
        &self.keys
    }

    /// Checks an assertion and answers the granted (client, scope) or an OAuth error.
    fn check_assertion(
        &self,
        assertion: &str,
        now: i64,
    ) -> Result<(&MaskinportenClient, String), OAuthError> {
        let bad = |text: &str| OAuthError::new("invalid_grant", text);
        let header = jsonwebtoken::decode_header(assertion)
            .map_err(|_| bad("Invalid assertion: not a signed JWT"))?;
        if !matches!(
            header.alg,
            Algorithm::RS256 | Algorithm::RS384 | Algorithm::RS512
        ) {
            return Err(bad("Invalid assertion: alg must be RS256, RS384 or RS512"));
        }
        let unverified: Value = jsonwebtoken::dangerous::insecure_decode::<Value>(assertion)
            .map_err(|_| bad("Invalid assertion: unreadable claims"))?
            .claims;
        let Some(iss) = unverified.get("iss").and_then(Value::as_str) else {
            return Err(bad("Invalid assertion: iss (the client id) is missing"));
        };
        let Some(registered) = self.clients.iter().find(|r| r.client.client_id == iss) else {
            return Err(OAuthError::new(
                "invalid_client",
                "Invalid client: no client with this client id (iss)",
            ));
        };
        let key = registered.key.as_ref().map_err(|_| {
            OAuthError::new(
                "invalid_client",
                "Invalid client: the registered public key is unusable",
            )
        })?;
        let mut validation = Validation::new(header.alg);
        validation.leeway = CLOCK_SKEW_SECONDS as u64;
        validation.set_audience(&[self.issuer()]);
        validation.set_issuer(&[iss]);
        validation.set_required_spec_claims(&["exp", "aud", "iss"]);
        validation.reject_tokens_expiring_in_less_than = 0;
        let claims = jsonwebtoken::decode::<Value>(assertion, key, &validation)
            .map_err(|e| {
                use jsonwebtoken::errors::ErrorKind as K;
                match e.kind() {
                    K::InvalidSignature => bad(
                        "Invalid assertion: the signature does not match the client's public key",
                    ),
                    K::InvalidAudience => {
                        bad(&format!("Invalid assertion: aud must be {}", self.issuer()))
                    }
                    K::ExpiredSignature => bad("Invalid assertion: expired"),
                    K::MissingRequiredClaim(c) => {
                        bad(&format!("Invalid assertion: {c} is missing"))
                    }
                    _ => bad("Invalid assertion"),
                }
            })?
            .claims;
        let (Some(iat), Some(exp)) = (
            claims.get("iat").and_then(Value::as_i64),
            claims.get("exp").and_then(Value::as_i64),
        ) else {
            return Err(bad("Invalid assertion: iat and exp are required"));
        };
        if iat > now + CLOCK_SKEW_SECONDS {
            return Err(bad("Invalid assertion: iat is in the future"));
        }
        if exp - iat > MAX_ASSERTION_SECONDS || exp <= iat {
            return Err(bad(
                "Invalid assertion: the lifetime (exp - iat) must be at most 120 seconds",
            ));
        }
        let Some(jti) = claims
            .get("jti")
            .and_then(Value::as_str)
            .filter(|j| !j.is_empty())
        else {
            return Err(bad("Invalid assertion: jti is required"));
        };
        let requested: Vec<&str> = claims
            .get("scope")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .split(' ')
            .filter(|s| !s.is_empty())
            .collect();
        if requested.is_empty() {
            return Err(OAuthError::new("invalid_scope", "No scope was requested"));
        }
        if let Some(s) = requested
            .iter()
            .find(|s| !registered.client.scopes.iter().any(|a| a == *s))
        {
            return Err(OAuthError::new(
                "invalid_scope",
                &format!("The client is not allowed the scope {s}"),
            ));
        }
        {
            let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
            seen.retain(|_, until| *until >= now);
            let key = format!("{iss}\n{jti}");
            if seen.contains_key(&key) {
                return Err(bad("Invalid assertion: this jti was used before"));
            }
            seen.insert(key, exp + CLOCK_SKEW_SECONDS);
        }
        Ok((&registered.client, requested.join(" ")))
    }
}

/// An RFC 6749 error answer.
#[derive(Debug)]
struct OAuthError {
    error: &'static str,
    description: String,
}

impl OAuthError {
    fn new(error: &'static str, description: &str) -> OAuthError {
        OAuthError {
            error,
            description: description.to_owned(),
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        json_response(
            StatusCode::BAD_REQUEST,
            &json!({ "error": self.error, "error_description": self.description }),
        )
    }
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut res = (status, body.to_string()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `POST /maskinporten/token`.
pub(crate) async fn token(State(sim): State<Arc<Sim>>, body: Bytes) -> Response {
    let form: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    match form.get("grant_type").map(String::as_str) {
        Some(JWT_BEARER_GRANT) => {}
        Some(_) => {
            return OAuthError::new(
                "unsupported_grant_type",
                "Only urn:ietf:params:oauth:grant-type:jwt-bearer is supported",
            )
            .into_response();
        }
        None => {
            return OAuthError::new("invalid_request", "grant_type is missing").into_response();
        }
    }
    let Some(assertion) = form.get("assertion").filter(|a| !a.is_empty()) else {
        return OAuthError::new("invalid_request", "assertion is missing").into_response();
    };
    let mp = &sim.maskinporten;
    let now = wall_now();
    let (client, scope) = match mp.check_assertion(assertion, now) {
        Ok(granted) => granted,
        Err(e) => return e.into_response(),
    };
    let claims = json!({
        "iss": mp.issuer(),
        "client_amr": "private_key_jwt",
        "token_type": "Bearer",
        "scope": scope,
        "client_id": client.client_id,
        "consumer": {
            "authority": "iso6523-actorid-upis",
            "ID": format!("0192:{}", client.org_number),
        },
        "iat": now,
        "exp": now + mp.access_token_seconds,
        "jti": sim.unique(),
    });
    let access_token = mp.keys.sign(&claims);
    mp.grants.fetch_add(1, Ordering::Relaxed);
    json_response(
        StatusCode::OK,
        &json!({
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": mp.access_token_seconds,
            "scope": scope,
        }),
    )
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn unauthorized() -> Response {
    let mut res = StatusCode::UNAUTHORIZED.into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// `GET /authentication/api/v1/exchange/maskinporten`.
pub(crate) async fn exchange(State(sim): State<Arc<Sim>>, headers: HeaderMap) -> Response {
    let mp = &sim.maskinporten;
    let Some(token) = bearer(&headers) else {
        return unauthorized();
    };
    let claims = match mp.keys.verify(token, wall_now()) {
        Ok(Value::Object(c)) => c,
        _ => return unauthorized(),
    };
    if claims.get("iss").and_then(Value::as_str) != Some(mp.issuer().as_str())
        || claims
            .get("exp")
            .and_then(Value::as_i64)
            .is_none_or(|exp| exp <= wall_now())
    {
        return unauthorized();
    }
    let Some(sign) = sim.notifications.sign.clone() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Token signing is not configured in this simulator.",
        )
            .into_response();
    };
    let consumer = claims.get("consumer").cloned().unwrap_or(Value::Null);
    let org_number = consumer
        .get("ID")
        .and_then(Value::as_str)
        .and_then(|id| id.strip_prefix("0192:"))
        .unwrap_or_default()
        .to_owned();
    let now = sim.notifications.now().timestamp();
    let mut out = Claims::new();
    out.insert(
        "scope".into(),
        claims.get("scope").cloned().unwrap_or(json!("")),
    );
    out.insert("token_type".into(), json!("Bearer"));
    out.insert("exp".into(), json!(now + mp.altinn_token_seconds));
    out.insert("iat".into(), json!(now));
    out.insert("nbf".into(), json!(now));
    out.insert(
        "client_id".into(),
        claims.get("client_id").cloned().unwrap_or(Value::Null),
    );
    out.insert("jti".into(), json!(sim.unique()));
    out.insert("consumer".into(), consumer);
    out.insert("urn:altinn:orgNumber".into(), json!(org_number));
    out.insert(
        "urn:altinn:authenticatemethod".into(),
        json!("maskinporten"),
    );
    out.insert("urn:altinn:authlevel".into(), json!(3));
    if let Some((_, org)) = SERVICE_OWNERS.iter().find(|(no, _)| *no == org_number) {
        out.insert(crate::notifications::ORG_CLAIM.into(), json!(org));
    }
    out.insert("iss".into(), json!(sim.notifications.settings.issuer));
    let altinn_token = sign(&out);
    mp.exchanges.fetch_add(1, Ordering::Relaxed);
    let mut res = (StatusCode::OK, altinn_token).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

/// `GET /sim/api/maskinporten/stats`.
pub(crate) async fn stats(State(sim): State<Arc<Sim>>) -> Response {
    json_response(
        StatusCode::OK,
        &serde_json::to_value(sim.maskinporten.stats()).unwrap_or(Value::Null),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_public_keys_are_reported() {
        let c = MaskinportenClient::new("c", "not a key", "991825827");
        assert!(c.check_key().is_err());
        assert_eq!(c.scopes, vec![NOTIFICATIONS_SCOPE.to_owned()]);
    }

    #[test]
    fn bearer_is_read_case_insensitively() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "bearer abc".parse().unwrap());
        assert_eq!(bearer(&h), Some("abc"));
        h.insert(header::AUTHORIZATION, "Basic abc".parse().unwrap());
        assert_eq!(bearer(&h), None);
    }
}
