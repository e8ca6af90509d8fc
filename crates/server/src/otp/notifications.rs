//! The Altinn Notifications client: instant SMS orders and shipment status.
//!
//! [`NotificationsClient`] is the seam; [`HttpNotificationsClient`] is used in every mode (in
//! local mode it reaches the embedded simulator over HTTP, with a token from the simulated
//! Maskinporten and token exchange, see [`crate::service_token`]), tests plug in a fake. Order bodies contain the code: they are never
//! logged, and errors carry only status, `code` and title.

use std::future::Future;
use std::pin::Pin;

use altinn::notifications::{
    InstantOrderResponse, InstantSmsOrderRequest, NotificationsProblem, Shipment,
};
use portal_api::api_log::Upstream;
use uuid::Uuid;

use super::settings::NotificationsSettings;
use crate::service_token::{ServiceTokenProvider, TokenError};

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
    /// No service-owner token could be had (which step failed, the upstream status).
    Token(TokenError),
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

/// Notifications over HTTP (the real API or the simulator).
pub struct HttpNotificationsClient {
    http: reqwest::Client,
    base: String,
    token: ServiceTokenProvider,
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
        let token = ServiceTokenProvider::new(settings.token_source.clone(), http.clone());
        HttpNotificationsClient {
            http,
            base: settings.url.clone(),
            token,
        }
    }

    /// The service-owner token provider.
    pub fn token_provider(&self) -> &ServiceTokenProvider {
        &self.token
    }

    /// Sends `request` with the service-owner token. When Notifications refuses the token
    /// (401: revoked, or Altinn's clock is ahead of ours) the token is dropped and the call
    /// is made once more with a newly fetched one (not with a fixed token, which would only
    /// be refused again); the order's `idempotencyId` makes the second try safe. A token
    /// refused again is dropped too and the 401 returned.
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, NotificationsError> {
        let second_try = request.try_clone();
        let token = self.token().await?;
        let (mut status, mut body) = self.send_once(request, &token).await?;
        if status == 401 {
            self.token.forget(&token).await;
            let new_token = self.token().await?;
            if let Some(second_try) = second_try.filter(|_| new_token != token) {
                (status, body) = self.send_once(second_try, &new_token).await?;
                if status == 401 {
                    self.token.forget(&new_token).await;
                }
            }
        }
        match status {
            200 | 201 => {
                serde_json::from_slice(&body).map_err(|e| NotificationsError::Decode(e.to_string()))
            }
            _ => Err(NotificationsError::from_response(status, &body)),
        }
    }

    async fn token(&self) -> Result<String, NotificationsError> {
        self.token.token().await.map_err(NotificationsError::Token)
    }

    /// One call with `token`: the status and the body.
    async fn send_once(
        &self,
        request: reqwest::RequestBuilder,
        token: &str,
    ) -> Result<(u16, axum::body::Bytes), NotificationsError> {
        // Recorded in the developer API log of the request being served, if any (the
        // order's body, with the phone number and the code, is never looked at).
        let response = crate::api_log::UpstreamLog::current()
            .send(Upstream::Notifications, request.bearer_auth(token))
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        let body = response.bytes().await.map_err(transport)?;
        Ok((status, body))
    }
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
}
