//! The server's own service-owner token (for Altinn Notifications), from one of three
//! sources behind one [`ServiceTokenProvider`]: a fixed token, Altinn's test token generator,
//! or Maskinporten's JWT-bearer grant followed by Altinn's token exchange (the production
//! path, also used against the embedded simulator in local mode).
//!
//! Fetched tokens are cached until 60 s before their `exp`; concurrent callers share one
//! fetch (the cache lock is held while fetching); a token the API refused with 401 is
//! dropped. Assertions and tokens are never logged; errors say which step failed and the
//! upstream status.

mod maskinporten;
pub mod settings;

pub use settings::{MaskinportenKey, MaskinportenSettings, ServiceTokenSettings};

use base64::Engine as _;

/// Seconds before `exp` at which a cached token is replaced.
pub const TOKEN_MARGIN_SECONDS: i64 = 60;
/// Assumed lifetime of a token whose `exp` cannot be read.
const UNKNOWN_LIFETIME_SECONDS: i64 = 300;

/// Which step of getting a token failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenStep {
    /// No token source is configured.
    Configuration,
    /// Making the assertion or the grant at Maskinporten's token endpoint.
    Maskinporten,
    /// Altinn's `GET /authentication/api/v1/exchange/maskinporten`.
    Exchange,
    /// Altinn's test token generator.
    TokenGenerator,
}

impl TokenStep {
    /// `configuration`, `maskinporten`, `exchange` or `token-generator`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenStep::Configuration => "configuration",
            TokenStep::Maskinporten => "maskinporten",
            TokenStep::Exchange => "exchange",
            TokenStep::TokenGenerator => "token-generator",
        }
    }
}

/// Why no token could be had (safe to log and show: no assertion, no token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenError {
    pub step: TokenStep,
    /// The upstream HTTP status, when there was an answer.
    pub status: Option<u16>,
    pub detail: String,
}

impl TokenError {
    pub(crate) fn new(step: TokenStep, status: Option<u16>, detail: impl Into<String>) -> Self {
        TokenError {
            step,
            status,
            detail: detail.into(),
        }
    }

    pub(crate) fn transport(step: TokenStep, e: reqwest::Error) -> Self {
        let detail = if e.is_timeout() {
            "no answer within the timeout".to_owned()
        } else {
            // Without the URL (a token generator URL could carry credentials).
            e.without_url().to_string()
        };
        TokenError::new(step, None, detail)
    }
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.step.as_str(), self.detail)
    }
}

impl std::error::Error for TokenError {}

struct Cached {
    token: String,
    /// Unix seconds until which the token is used.
    until: i64,
}

/// Hands out the service-owner bearer token, whatever its source.
pub struct ServiceTokenProvider {
    settings: ServiceTokenSettings,
    http: reqwest::Client,
    cache: tokio::sync::Mutex<Option<Cached>>,
}

impl std::fmt::Debug for ServiceTokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceTokenProvider")
            .field("source", &self.settings.kind())
            .finish_non_exhaustive()
    }
}

impl ServiceTokenProvider {
    /// A provider calling out with `http` (its timeout applies to each call).
    pub fn new(settings: ServiceTokenSettings, http: reqwest::Client) -> ServiceTokenProvider {
        ServiceTokenProvider {
            settings,
            http,
            cache: tokio::sync::Mutex::new(None),
        }
    }

    /// `fixed`, `token-generator`, `maskinporten` or `none`.
    pub fn kind(&self) -> &'static str {
        self.settings.kind()
    }

    /// The current token: cached, or fetched (one fetch at a time).
    pub async fn token(&self) -> Result<String, TokenError> {
        match &self.settings {
            ServiceTokenSettings::Fixed(token) => return Ok(token.clone()),
            ServiceTokenSettings::None => {
                return Err(TokenError::new(
                    TokenStep::Configuration,
                    None,
                    "no service-owner token is configured (set PORTAL_MASKINPORTEN_CLIENT_ID and \
                     PORTAL_MASKINPORTEN_KEY, PORTAL_NOTIFICATIONS_TOKEN_URL or PORTAL_NOTIFICATIONS_TOKEN)",
                ));
            }
            ServiceTokenSettings::Generator { .. } | ServiceTokenSettings::Maskinporten(_) => {}
        }
        let mut cached = self.cache.lock().await;
        let now = crate::now_unix();
        if let Some(c) = cached.as_ref()
            && c.until > now
        {
            return Ok(c.token.clone());
        }
        let token = match &self.settings {
            ServiceTokenSettings::Generator {
                url,
                user,
                password,
            } => self.fetch_from_generator(url, user, password).await?,
            ServiceTokenSettings::Maskinporten(m) => maskinporten::fetch(&self.http, m).await?,
            ServiceTokenSettings::Fixed(_) | ServiceTokenSettings::None => unreachable!(),
        };
        let until = cache_until(&token, now);
        tracing::info!(
            source = self.kind(),
            valid_for_seconds = until - now,
            "service-owner token fetched"
        );
        *cached = Some(Cached {
            token: token.clone(),
            until,
        });
        Ok(token)
    }

    /// Drops `refused` from the cache (the API answered 401), so the next call fetches anew.
    pub async fn forget(&self, refused: &str) {
        let mut cached = self.cache.lock().await;
        if cached.as_ref().is_some_and(|c| c.token == refused) {
            *cached = None;
            tracing::info!(source = self.kind(), "service-owner token refused; dropped");
        }
    }

    async fn fetch_from_generator(
        &self,
        url: &str,
        user: &str,
        password: &str,
    ) -> Result<String, TokenError> {
        let request = self.http.get(url).basic_auth(user, Some(password));
        token_text(
            TokenStep::TokenGenerator,
            request,
            "the token generator",
            "the answer is not a JWT",
        )
        .await
    }
}

/// Sends `request` and reads a JWT from the answer's text (raw or a JSON string); a
/// transport error, a non-success status (`who` answered …) or a body that is no JWT
/// (`not_a_jwt`) becomes a [`TokenError`] of `step`.
pub(crate) async fn token_text(
    step: TokenStep,
    request: reqwest::RequestBuilder,
    who: &str,
    not_a_jwt: &str,
) -> Result<String, TokenError> {
    let response = request
        .send()
        .await
        .map_err(|e| TokenError::transport(step, e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(TokenError::new(
            step,
            Some(status.as_u16()),
            format!("{who} answered {status}"),
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| TokenError::transport(step, e))?;
    read_token_text(&text).ok_or_else(|| TokenError::new(step, Some(status.as_u16()), not_a_jwt))
}

/// Until when a token fetched at `now` is used: 60 s before its `exp`.
pub fn cache_until(token: &str, now: i64) -> i64 {
    jwt_exp(token).unwrap_or(now + UNKNOWN_LIFETIME_SECONDS) - TOKEN_MARGIN_SECONDS
}

/// A token answered as text: the raw JWT or a JSON string (`"eyJ…"`).
pub fn read_token_text(text: &str) -> Option<String> {
    let text = text.trim();
    let token = if text.starts_with('"') {
        serde_json::from_str::<String>(text).ok()?
    } else {
        text.to_owned()
    };
    let token = token.trim().to_owned();
    let parts: Vec<&str> = token.split('.').collect();
    let jwt_like = parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'='));
    jwt_like.then_some(token)
}

/// `exp` of a JWT (unverified: only to know when to fetch a new one).
pub fn jwt_exp(token: &str) -> Option<i64> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()?
        .get("exp")?
        .as_i64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> String {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!("{}.{}.sig", b64.encode("{}"), b64.encode(claims))
    }

    #[test]
    fn reads_exp_and_caches_until_a_minute_before() {
        assert_eq!(jwt_exp(&jwt(r#"{"exp":1234}"#)), Some(1234));
        assert_eq!(jwt_exp("garbage"), None);
        assert_eq!(cache_until(&jwt(r#"{"exp":10000}"#), 5000), 9940);
        assert_eq!(cache_until("no.exp.here", 5000), 5240);
        // A token shorter-lived than the margin is used once and fetched again next time.
        assert!(cache_until(&jwt(r#"{"exp":5030}"#), 5000) <= 5000);
    }

    #[test]
    fn token_text_raw_or_quoted() {
        let t = jwt(r#"{"exp":1}"#);
        assert_eq!(read_token_text(&format!("{t}\n")), Some(t.clone()));
        assert_eq!(read_token_text(&format!("\"{t}\"")), Some(t.clone()));
        assert_eq!(read_token_text("<html>error</html>"), None);
        assert_eq!(read_token_text("\"unterminated"), None);
        assert_eq!(read_token_text(""), None);
    }

    #[test]
    fn steps_have_names() {
        let e = TokenError::new(TokenStep::Exchange, Some(401), "Altinn answered 401");
        assert_eq!(e.to_string(), "exchange: Altinn answered 401");
        assert_eq!(TokenStep::Maskinporten.as_str(), "maskinporten");
    }
}
