//! The OpenID Connect relying party: discovery, authorization URL, code exchange and
//! ID token verification against the provider's JWKS (EdDSA and RS256).

use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::RwLock;
use url::Url;

use crate::config::OidcSettings;

/// How long discovery and JWKS documents are reused.
const METADATA_TTL: Duration = Duration::from_secs(3600);

/// The parts of the discovery document we use.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

/// The token endpoint's answer.
#[derive(Clone, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub id_token: String,
    #[serde(default)]
    pub expires_in: Option<i64>,
}

/// The verified identity from an ID token.
#[derive(Debug, Clone)]
pub struct Identity {
    pub subject: String,
    pub pid: Option<String>,
    pub name: Option<String>,
}

/// Why a login could not complete (the `reason` shown on the login error page).
#[derive(Debug)]
pub enum OidcError {
    /// Discovery or JWKS could not be fetched (detail logged).
    Provider(String),
    /// The token endpoint refused the code or failed (detail logged).
    Exchange(String),
    /// The ID token did not verify (detail logged).
    InvalidIdToken(String),
}

impl OidcError {
    /// A short code for `/login-error?reason=`.
    pub fn reason(&self) -> &'static str {
        match self {
            OidcError::Provider(_) => "provider-unavailable",
            OidcError::Exchange(_) => "token-exchange-failed",
            OidcError::InvalidIdToken(_) => "invalid-id-token",
        }
    }
}

impl std::fmt::Display for OidcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OidcError::Provider(d) => write!(f, "identity provider: {d}"),
            OidcError::Exchange(d) => write!(f, "code exchange: {d}"),
            OidcError::InvalidIdToken(d) => write!(f, "id token: {d}"),
        }
    }
}

/// What an authorization request carries besides the client's settings.
pub struct AuthorizeParams<'a> {
    pub state: &'a str,
    pub nonce: &'a str,
    pub code_verifier: &'a str,
    pub ui_locales: &'a str,
    /// Overrides the configured `acr_values` for this login (a step-up to a higher level).
    pub acr_values: Option<&'a str>,
}

/// An OIDC client for one provider; caches discovery and keys.
pub struct OidcClient {
    http: reqwest::Client,
    settings: OidcSettings,
    redirect_uri: String,
    discovery: RwLock<Option<(Discovery, Instant)>>,
    jwks: RwLock<Option<(JwkSet, Instant)>>,
}

impl OidcClient {
    pub fn new(http: reqwest::Client, settings: OidcSettings, redirect_uri: String) -> Self {
        OidcClient {
            http,
            settings,
            redirect_uri,
            discovery: RwLock::new(None),
            jwks: RwLock::new(None),
        }
    }

    /// The issuer's origin (for the CSP's `form-action`).
    pub fn issuer_origin(&self) -> Option<String> {
        Url::parse(&self.settings.issuer)
            .ok()
            .map(|u| u.origin().ascii_serialization())
    }

    /// The discovery document (cached for an hour).
    pub async fn discovery(&self) -> Result<Discovery, OidcError> {
        if let Some((d, at)) = self.discovery.read().await.as_ref()
            && at.elapsed() < METADATA_TTL
        {
            return Ok(d.clone());
        }
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.settings.issuer.trim_end_matches('/')
        );
        let d: Discovery = self.get_json(&url).await?;
        if d.issuer.trim_end_matches('/') != self.settings.issuer.trim_end_matches('/') {
            return Err(OidcError::Provider(format!(
                "discovery issuer {} differs from the configured {}",
                d.issuer, self.settings.issuer
            )));
        }
        *self.discovery.write().await = Some((d.clone(), Instant::now()));
        Ok(d)
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, OidcError> {
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| OidcError::Provider(format!("GET {url}: {e}")))?;
        if !response.status().is_success() {
            return Err(OidcError::Provider(format!(
                "GET {url}: status {}",
                response.status()
            )));
        }
        response
            .json()
            .await
            .map_err(|e| OidcError::Provider(format!("GET {url}: {e}")))
    }

    /// The URL to send the browser to.
    pub async fn authorize_url(&self, p: &AuthorizeParams<'_>) -> Result<String, OidcError> {
        let d = self.discovery().await?;
        let mut url = Url::parse(&d.authorization_endpoint)
            .map_err(|e| OidcError::Provider(format!("authorization_endpoint: {e}")))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", &self.settings.scope)
            .append_pair("state", p.state)
            .append_pair("nonce", p.nonce)
            .append_pair("code_challenge", &pkce_challenge(p.code_verifier))
            .append_pair("code_challenge_method", "S256")
            .append_pair(
                "acr_values",
                p.acr_values.unwrap_or(&self.settings.acr_values),
            )
            .append_pair("ui_locales", p.ui_locales);
        Ok(url.into())
    }

    /// Exchanges the code (client_secret_basic) and verifies the ID token.
    pub async fn exchange(
        &self,
        code: &str,
        code_verifier: &str,
        nonce: &str,
    ) -> Result<(TokenResponse, Identity), OidcError> {
        let d = self.discovery().await?;
        let response = self
            .http
            .post(&d.token_endpoint)
            .basic_auth(
                form_encode(&self.settings.client_id),
                Some(form_encode(&self.settings.client_secret)),
            )
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &self.redirect_uri),
                ("code_verifier", code_verifier),
            ])
            .send()
            .await
            .map_err(|e| OidcError::Exchange(format!("POST token: {e}")))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            let body: String = body.chars().take(300).collect();
            return Err(OidcError::Exchange(format!("status {status}: {body}")));
        }
        let tokens: TokenResponse = response
            .json()
            .await
            .map_err(|e| OidcError::Exchange(format!("token response: {e}")))?;
        let identity = self.verify_id_token(&tokens.id_token, nonce).await?;
        Ok((tokens, identity))
    }

    async fn key_set(&self, refresh: bool) -> Result<JwkSet, OidcError> {
        if !refresh
            && let Some((set, at)) = self.jwks.read().await.as_ref()
            && at.elapsed() < METADATA_TTL
        {
            return Ok(set.clone());
        }
        let d = self.discovery().await?;
        let set: JwkSet = self.get_json(&d.jwks_uri).await?;
        *self.jwks.write().await = Some((set.clone(), Instant::now()));
        Ok(set)
    }

    /// Verifies signature (by `kid`), `iss`, `aud`, `exp` and `nonce`.
    pub async fn verify_id_token(&self, token: &str, nonce: &str) -> Result<Identity, OidcError> {
        let bad = |m: String| OidcError::InvalidIdToken(m);
        let header = jsonwebtoken::decode_header(token).map_err(|e| bad(e.to_string()))?;
        if !matches!(header.alg, Algorithm::EdDSA | Algorithm::RS256) {
            return Err(bad(format!("algorithm {:?} not accepted", header.alg)));
        }
        let mut set = self.key_set(false).await?;
        let mut jwk = find_key(&set, header.kid.as_deref());
        if jwk.is_none() {
            // The provider may have rotated its keys since we cached them.
            set = self.key_set(true).await?;
            jwk = find_key(&set, header.kid.as_deref());
        }
        let jwk = jwk.ok_or_else(|| bad(format!("no key {:?} in the JWKS", header.kid)))?;
        let key = DecodingKey::from_jwk(jwk).map_err(|e| bad(format!("jwk: {e}")))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[self.settings.issuer.as_str()]);
        validation.set_audience(&[self.settings.client_id.as_str()]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 60;
        let data = jsonwebtoken::decode::<serde_json::Value>(token, &key, &validation)
            .map_err(|e| bad(e.to_string()))?;
        let claims = data.claims;
        if claims.get("nonce").and_then(|n| n.as_str()) != Some(nonce) {
            return Err(bad("nonce mismatch".into()));
        }
        let text = |name: &str| claims.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        let name = text("name").or_else(|| match (text("given_name"), text("family_name")) {
            (Some(g), Some(f)) => Some(format!("{g} {f}")),
            (g, f) => g.or(f),
        });
        Ok(Identity {
            subject: text("sub").unwrap_or_default(),
            pid: text("pid"),
            name,
        })
    }
}

fn find_key<'a>(set: &'a JwkSet, kid: Option<&str>) -> Option<&'a jsonwebtoken::jwk::Jwk> {
    match kid {
        Some(kid) => set.find(kid),
        None if set.keys.len() == 1 => set.keys.first(),
        None => None,
    }
}

/// `BASE64URL(SHA256(verifier))` (RFC 7636 S256).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// RFC 6749 §2.3.1: client id and secret are form-encoded before Basic auth.
fn form_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// 32 random bytes from the OS, base64url (43 characters, 256 bits).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random number generator failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_matches_rfc7636_example() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn random_tokens_differ() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
    }
}
