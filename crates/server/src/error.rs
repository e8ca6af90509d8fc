//! One error type for every handler, written to the client as `application/problem+json`.
//!
//! Internal details (upstream errors, SQL errors) go to the log only; the client gets a
//! status, a title and a stable machine-readable `code`.

use altinn::ProblemDetails;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Everything a handler can fail with.
#[derive(Debug)]
pub enum AppError {
    /// No (valid) session: the portal should send the user to `/api/login`.
    Unauthenticated,
    /// A state-changing request that did not come from our own origin.
    CrossOrigin,
    /// The route does not exist under `/api`.
    NotFound,
    /// The request is malformed (`detail` is safe to show).
    BadRequest(String),
    /// A request body over the limit.
    PayloadTooLarge,
    /// The upstream could not be reached or answered garbage (detail is logged only).
    BadGateway(String),
    /// The upstream did not answer within the configured timeout.
    GatewayTimeout,
    /// A bug or a storage failure (detail is logged only).
    Internal(String),
    /// A complete problem whose every member is safe to show (validation errors, an
    /// upstream refusal); see the constructors in [`crate::problems`].
    Problem(Box<ProblemDetails>),
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "Not logged in or the session has expired.",
                "session-expired",
            ),
            AppError::CrossOrigin => (
                StatusCode::FORBIDDEN,
                "Cross-origin request refused.",
                "cross-origin",
            ),
            AppError::NotFound => (StatusCode::NOT_FOUND, "Resource not found.", "not-found"),
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "Bad request.", "bad-request"),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Request body too large.",
                "payload-too-large",
            ),
            AppError::BadGateway(_) => (
                StatusCode::BAD_GATEWAY,
                "The upstream service could not be reached.",
                "upstream-unavailable",
            ),
            AppError::GatewayTimeout => (
                StatusCode::GATEWAY_TIMEOUT,
                "The upstream service did not answer in time.",
                "upstream-timeout",
            ),
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal server error.",
                "internal",
            ),
            AppError::Problem(p) => (
                p.status
                    .and_then(|s| StatusCode::from_u16(s).ok())
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                "Problem.",
                "problem",
            ),
        }
    }

    /// The problem body sent to the client.
    pub fn problem(&self) -> ProblemDetails {
        if let AppError::Problem(p) = self {
            return (**p).clone();
        }
        let (status, title, code) = self.parts();
        let mut p = ProblemDetails::new(status.as_u16(), title);
        p.code = Some(code.to_owned());
        if let AppError::BadRequest(detail) = self {
            p.detail = Some(detail.clone());
        }
        p
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (status, title, _) = self.parts();
        write!(f, "{status} {title}")?;
        match self {
            AppError::BadRequest(d) | AppError::BadGateway(d) | AppError::Internal(d) => {
                write!(f, ": {d}")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for AppError {}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(d) => tracing::error!(detail = %d, "internal error"),
            AppError::BadGateway(d) => tracing::warn!(detail = %d, "upstream failure"),
            AppError::GatewayTimeout => tracing::warn!("upstream timeout"),
            _ => tracing::debug!(error = %self, "request refused"),
        }
        problem_response(&self.problem())
    }
}

/// Serialises a problem with its status and `application/problem+json`.
pub fn problem_response(problem: &ProblemDetails) -> Response {
    let status = problem
        .status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            _ => AppError::BadRequest(rejection.body_text()),
        }
    }
}

impl From<crate::store::StoreError> for AppError {
    fn from(e: crate::store::StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// A JSON body extractor whose rejection is an [`AppError`] (so a problem+json body).
#[derive(Debug, Clone, Copy, Default, axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
