//! The Altinn Notifications client: instant SMS orders and shipment status.
//!
//! [`NotificationsClient`] is the seam; [`HttpNotificationsClient`] is used in every mode (in
//! local mode it reaches the embedded simulator over HTTP, with a token from the simulator's
//! token generator), tests plug in a fake. Order bodies contain the code: they are never
//! logged, and errors carry only status, `code` and title.

use std::future::Future;
use std::pin::Pin;

use altinn::notifications::{
    InstantOrderResponse, InstantSmsOrderRequest, NotificationsProblem, Shipment,
};
use base64::Engine as _;
use portal_api::api_log::Upstream;
use uuid::Uuid;

use super::settings::NotificationsSettings;

pub type NotificationsFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, NotificationsError>> + Send + 'a>>;

/// The two calls the OTP service makes.
pub trait NotificationsClient: Send + Sync {
    /// `POST /future/orders/instant/sms`; 201 and 200 (a repeated `idempotencyId`) alike.
    fn order_instant_sms(
        &self,
        order: &InstantSmsOrderRequest,
    ) -> NotificationsFuture<'_, InstantOrderResponse>;
    /// `GET /future/shipment/{shipmentId}`.
    fn shipment(&self, shipment_id: Uuid) -> NotificationsFuture<'_, Shipment>;
}

/// Why a call failed (safe to log: no request body, no token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotificationsError {
    /// No answer within the timeout.
    Timeout,
    /// The connection failed.
    Transport(String),
    /// A non-success status; `code` is the ProblemDetails `code` or `errorCode` (`NOT-0000x`).
    Status {
        status: u16,
        code: Option<String>,
        title: Option<String>,
    },
    /// A success status with a body we could not read.
    Decode(String),
    /// No service-owner token could be had.
    Token(String),
}

impl NotificationsError {
    /// Timeouts, connection failures, 499 and 503 may be retried (one at a time, with the
    /// same `idempotencyId`); 400/401/403 and the rest never.
    pub fn is_retryable(&self) -> bool {
        match self {
            NotificationsError::Timeout | NotificationsError::Transport(_) => true,
            NotificationsError::Status { status, .. } => matches!(status, 499 | 503),
            _ => false,
        }
    }

    /// A problem body read tolerantly (`code|errorCode`, `title|detail`).
    pub fn from_response(status: u16, body: &[u8]) -> NotificationsError {
        let problem: Option<NotificationsProblem> = serde_json::from_slice(body).ok();
        NotificationsError::Status {
            status,
            code: problem
                .as_ref()
                .and_then(|p| p.error_code())
                .map(str::to_owned),
            title: problem
                .as_ref()
                .and_then(|p| p.message())
                .map(str::to_owned),
        }
    }
}

impl std::fmt::Display for NotificationsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotificationsError::Timeout => write!(f, "timeout"),
            NotificationsError::Transport(e) => write!(f, "transport: {e}"),
            NotificationsError::Status {
                status,
                code,
                title,
            } => write!(
                f,
                "status {status} {} {}",
                code.as_deref().unwrap_or("-"),
                title.as_deref().unwrap_or("")
            ),
            NotificationsError::Decode(e) => write!(f, "unreadable answer: {e}"),
            NotificationsError::Token(e) => write!(f, "no token: {e}"),
        }
    }
}

fn transport(e: reqwest::Error) -> NotificationsError {
    if e.is_timeout() {
        NotificationsError::Timeout
    } else {
        // Without the URL's query (a token generator URL could carry credentials).
        NotificationsError::Transport(e.without_url().to_string())
    }
}

/// Where the bearer token comes from.
enum TokenSource {
    Static(String),
    Generator {
        url: String,
        user: String,
        password: String,
        /// (token, unix seconds until which it is used).
        cache: tokio::sync::Mutex<Option<(String, i64)>>,
    },
    Missing,
}

/// Seconds before `exp` at which a cached token is replaced.
const TOKEN_MARGIN_SECONDS: i64 = 60;

/// Notifications over HTTP (the real API or the simulator).
pub struct HttpNotificationsClient {
    http: reqwest::Client,
    base: String,
    token: TokenSource,
}

impl HttpNotificationsClient {
    pub fn new(settings: &NotificationsSettings) -> HttpNotificationsClient {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(std::time::Duration::from_secs(5)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("portal-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the HTTP client builds with rustls");
        let token = match (&settings.token, &settings.token_url) {
            (Some(t), _) => TokenSource::Static(t.clone()),
            (None, Some(url)) => TokenSource::Generator {
                url: url.clone(),
                user: settings.token_user.clone().unwrap_or_default(),
                password: settings.token_password.clone().unwrap_or_default(),
                cache: tokio::sync::Mutex::new(None),
            },
            (None, None) => TokenSource::Missing,
        };
        HttpNotificationsClient {
            http,
            base: settings.url.clone(),
            token,
        }
    }

    async fn bearer(&self) -> Result<String, NotificationsError> {
        match &self.token {
            TokenSource::Static(t) => Ok(t.clone()),
            TokenSource::Missing => Err(NotificationsError::Token(
                "set PORTAL_NOTIFICATIONS_TOKEN or PORTAL_NOTIFICATIONS_TOKEN_URL".into(),
            )),
            TokenSource::Generator {
                url,
                user,
                password,
                cache,
            } => {
                let mut cached = cache.lock().await;
                let now = crate::now_unix();
                if let Some((token, until)) = cached.as_ref()
                    && *until > now
                {
                    return Ok(token.clone());
                }
                let response = self
                    .http
                    .get(url)
                    .basic_auth(user, Some(password))
                    .send()
                    .await
                    .map_err(|e| NotificationsError::Token(transport(e).to_string()))?;
                let status = response.status();
                if !status.is_success() {
                    return Err(NotificationsError::Token(format!(
                        "token generator answered {status}"
                    )));
                }
                let token = response
                    .text()
                    .await
                    .map_err(|e| NotificationsError::Token(transport(e).to_string()))?
                    .trim()
                    .to_owned();
                let until = jwt_exp(&token).unwrap_or(now + 300) - TOKEN_MARGIN_SECONDS;
                *cached = Some((token.clone(), until));
                Ok(token)
            }
        }
    }

    /// Drops a cached token the API refused, so the next call fetches a new one.
    async fn forget_token(&self) {
        if let TokenSource::Generator { cache, .. } = &self.token {
            *cache.lock().await = None;
        }
    }

    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, NotificationsError> {
        let token = self.bearer().await?;
        // Recorded in the developer API log of the request being served, if any (the
        // order's body, with the phone number and the code, is never looked at).
        let response = crate::api_log::UpstreamLog::current()
            .send(Upstream::Notifications, request.bearer_auth(token))
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        let body = response.bytes().await.map_err(transport)?;
        match status {
            200 | 201 => {
                serde_json::from_slice(&body).map_err(|e| NotificationsError::Decode(e.to_string()))
            }
            401 => {
                self.forget_token().await;
                Err(NotificationsError::from_response(status, &body))
            }
            _ => Err(NotificationsError::from_response(status, &body)),
        }
    }
}

/// `exp` of a JWT (unverified: only to know when to fetch a new one).
fn jwt_exp(token: &str) -> Option<i64> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()?
        .get("exp")?
        .as_i64()
}

impl NotificationsClient for HttpNotificationsClient {
    fn order_instant_sms(
        &self,
        order: &InstantSmsOrderRequest,
    ) -> NotificationsFuture<'_, InstantOrderResponse> {
        let request = self
            .http
            .post(format!("{}/future/orders/instant/sms", self.base))
            .json(order);
        Box::pin(self.call(request))
    }

    fn shipment(&self, shipment_id: Uuid) -> NotificationsFuture<'_, Shipment> {
        let request = self
            .http
            .get(format!("{}/future/shipment/{shipment_id}", self.base));
        Box::pin(self.call(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_read_with_code_or_error_code() {
        let e = NotificationsError::from_response(
            503,
            br#"{"type":"urn:altinn:error:NOT-00004","title":"A temporary network failure occurred","status":503,"code":"NOT-00004"}"#,
        );
        assert_eq!(
            e,
            NotificationsError::Status {
                status: 503,
                code: Some("NOT-00004".into()),
                title: Some("A temporary network failure occurred".into())
            }
        );
        assert!(e.is_retryable());
        let e = NotificationsError::from_response(
            499,
            br#"{"errorCode":"NOT-00002","detail":"cancelled"}"#,
        );
        assert!(matches!(&e, NotificationsError::Status { code: Some(c), .. } if c == "NOT-00002"));
        assert!(e.is_retryable());
        for status in [400, 401, 403, 404, 500] {
            assert!(!NotificationsError::from_response(status, b"").is_retryable());
        }
        assert!(NotificationsError::Timeout.is_retryable());
    }

    #[test]
    fn reads_exp_from_a_jwt() {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"exp":1234}"#);
        assert_eq!(jwt_exp(&format!("h.{payload}.s")), Some(1234));
        assert_eq!(jwt_exp("garbage"), None);
    }
}
