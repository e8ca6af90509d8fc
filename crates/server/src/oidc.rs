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
use crate::login_settings::ClientAuth;

/// How long discovery and JWKS documents are reused.
const METADATA_TTL: Duration = Duration::from_secs(3600);

/// The parts of the discovery document we use.
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    /// RP-initiated logout, when the provider offers it.
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
}

/// The token endpoint's answer.
#[derive(Clone, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub id_token: String,
    #[serde(default)]
    pub expires_in: Option<i64>,
    /// Kept with the session on the server, to renew the access token.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// The token endpoint's answer to a refresh.
#[derive(Clone, Deserialize)]
pub struct RefreshedTokens {
    pub access_token: String,
    #[serde(default)]
    pub expires_in: Option<i64>,
    /// The rotated refresh token (absent: keep using the old one).
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// Why a refresh did not work.
#[derive(Debug)]
pub enum RefreshError {
    /// The provider refused (4xx, e.g. `invalid_grant`): the session is over.
    Rejected(String),
    /// The provider could not be reached or failed (5xx, timeout).
    Unavailable(String),
}

impl std::fmt::Display for RefreshError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RefreshError::Rejected(d) => write!(f, "refresh refused: {d}"),
            RefreshError::Unavailable(d) => write!(f, "refresh failed: {d}"),
        }
    }
}

/// `client_assertion_type` for `private_key_jwt` (RFC 7523).
pub const CLIENT_ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// Lifetime of a client assertion.
pub const CLIENT_ASSERTION_TTL_SECS: i64 = 120;

/// A `private_key_jwt` client assertion: `iss` = `sub` = the client id, `aud` = the
/// issuer, a fresh `jti`, `iat`, `exp` = `iat` + 120 s; RS256 with `kid`.
pub fn client_assertion(
    client_id: &str,
    issuer: &str,
    key: &jsonwebtoken::EncodingKey,
    kid: &str,
) -> Result<String, jsonwebtoken::errors::Error> {
    let iat = crate::now_unix();
    let claims = serde_json::json!({
        "iss": client_id,
        "sub": client_id,
        "aud": issuer,
        "jti": random_token(),
        "iat": iat,
        "exp": iat + CLIENT_ASSERTION_TTL_SECS,
    });
    let mut header = jsonwebtoken::Header::new(Algorithm::RS256);
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, &claims, key)
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

    /// Exchanges the code (client authentication as configured) and verifies the ID token.
    pub async fn exchange(
        &self,
        code: &str,
        code_verifier: &str,
        nonce: &str,
    ) -> Result<(TokenResponse, Identity), OidcError> {
        let d = self.discovery().await?;
        let form = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.to_owned()),
            ("redirect_uri", self.redirect_uri.clone()),
            ("code_verifier", code_verifier.to_owned()),
        ];
        let response = self
            .token_request(&d, form)?
            .send()
            .await
            .map_err(|e| OidcError::Exchange(format!("POST token: {}", e.without_url())))?;
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

    /// A POST to the token endpoint with the client's authentication: Basic with the
    /// secret, or a signed client assertion in the form (`private_key_jwt`).
    fn token_request(
        &self,
        d: &Discovery,
        mut form: Vec<(&'static str, String)>,
    ) -> Result<reqwest::RequestBuilder, OidcError> {
        let mut request = self.http.post(&d.token_endpoint);
        match &self.settings.client_auth {
            ClientAuth::Secret(secret) => {
                request = request.basic_auth(
                    form_encode(&self.settings.client_id),
                    Some(form_encode(secret)),
                );
            }
            ClientAuth::PrivateKey { key, kid } => {
                let assertion = client_assertion(&self.settings.client_id, &d.issuer, key, kid)
                    .map_err(|e| OidcError::Exchange(format!("client assertion: {e}")))?;
                form.push(("client_id", self.settings.client_id.clone()));
                form.push(("client_assertion_type", CLIENT_ASSERTION_TYPE.to_owned()));
                form.push(("client_assertion", assertion));
            }
        }
        Ok(request.form(&form))
    }

    /// `grant_type=refresh_token`: a new access token (and usually a new refresh token).
    pub async fn refresh(&self, refresh_token: &str) -> Result<RefreshedTokens, RefreshError> {
        let d = self
            .discovery()
            .await
            .map_err(|e| RefreshError::Unavailable(e.to_string()))?;
        let form = vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh_token.to_owned()),
        ];
        let response = self
            .token_request(&d, form)
            .map_err(|e| RefreshError::Unavailable(e.to_string()))?
            .send()
            .await
            .map_err(|e| RefreshError::Unavailable(format!("POST token: {}", e.without_url())))?;
        let status = response.status();
        if status.is_client_error() {
            let body = response.text().await.unwrap_or_default();
            let body: String = body.chars().take(300).collect();
            return Err(RefreshError::Rejected(format!("status {status}: {body}")));
        }
        if !status.is_success() {
            return Err(RefreshError::Unavailable(format!("status {status}")));
        }
        response
            .json()
            .await
            .map_err(|e| RefreshError::Unavailable(format!("token response: {e}")))
    }

    /// Where to send the browser to log out at the provider too, if it has an
    /// `end_session_endpoint`: with `id_token_hint`, `post_logout_redirect_uri` and `state`.
    pub async fn end_session_url(
        &self,
        id_token: &str,
        post_logout_redirect_uri: &str,
        state: &str,
    ) -> Option<String> {
        let d = match self.discovery().await {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(error = %e, "no provider logout: discovery failed");
                return None;
            }
        };
        let mut url = Url::parse(d.end_session_endpoint.as_deref()?).ok()?;
        url.query_pairs_mut()
            .append_pair("id_token_hint", id_token)
            .append_pair("post_logout_redirect_uri", post_logout_redirect_uri)
            .append_pair("state", state);
        Some(url.into())
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
