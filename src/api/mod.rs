//! Typed clients for the backends the portal reaches, all through our own server (`/api/*`).
//!
//! One error type for every fetch ([`ApiError`]), one place where requests are built and
//! sent ([`send`], [`send_json`]: language, `Accept`, the page for the API log) and one
//! place that turns a response into a value or an error ([`into_json`]). These modules know
//! nothing of views.

pub mod actions;
pub mod api_log;
pub mod bulk_labels;
pub mod dialog_content;
pub mod dialogporten;
pub mod labels;
pub mod otp;
pub mod page;
pub mod saved_searches;
pub mod service_catalogue;
pub mod session;
pub mod wire;

use gloo_net::http::{RequestBuilder, Response};
use serde::de::DeserializeOwned;

pub use wire::ProblemDetails;

use crate::i18n::Lang;

/// Why a request to the server failed. Each case gets its own message in the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, connection reset, aborted).
    Network(String),
    /// 401: there is no session (any more); the user must log in.
    Unauthorized,
    /// Any other non-success answer, with the server's problem details (or ones made up
    /// from the status line when the body had none).
    Problem {
        status: u16,
        problem: ProblemDetails,
    },
    /// A success answer whose body was not what we expected.
    Decode(String),
}

impl ApiError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized => Some(401),
            ApiError::Problem { status, .. } => Some(*status),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Network(reason) => write!(f, "network error: {reason}"),
            ApiError::Unauthorized => f.write_str("unauthorized"),
            ApiError::Problem { status, problem } => {
                write!(
                    f,
                    "HTTP {status}: {}",
                    problem.title.as_deref().unwrap_or("")
                )
            }
            ApiError::Decode(reason) => write!(f, "unexpected response: {reason}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// Every request gets its headers here: `Accept`, the UI language as `Accept-Language`,
/// and the page it belongs to ([`page`]) for the server's API log.
fn prepare(request: RequestBuilder, lang: Lang) -> RequestBuilder {
    request
        .header("Accept", "application/json")
        .header("Accept-Language", lang.code())
        .header(page::PAGE_HEADER, &page::current().to_string())
}

/// Sends a request (see [`prepare`]); its end is counted in [`page::completed`].
pub(crate) async fn send(request: RequestBuilder, lang: Lang) -> Result<Response, ApiError> {
    let result = prepare(request, lang).send().await;
    page::note_completed();
    result.map_err(|err| ApiError::Network(err.to_string()))
}

/// Sends `body` as JSON (see [`prepare`]); its end is counted in [`page::completed`].
pub(crate) async fn send_json<B: serde::Serialize>(
    request: RequestBuilder,
    body: &B,
    lang: Lang,
) -> Result<Response, ApiError> {
    let request = prepare(request, lang)
        .json(body)
        .map_err(|err| ApiError::Decode(err.to_string()))?;
    let result = request.send().await;
    page::note_completed();
    result.map_err(|err| ApiError::Network(err.to_string()))
}

/// Sends a request without counting it in [`page::completed`] (the API log's own reads,
/// which would otherwise make it refresh itself forever).
pub(crate) async fn send_uncounted(
    request: RequestBuilder,
    lang: Lang,
) -> Result<Response, ApiError> {
    prepare(request, lang)
        .send()
        .await
        .map_err(|err| ApiError::Network(err.to_string()))
}

/// Turns a response into `T` when it succeeded, else into the matching [`ApiError`].
pub async fn into_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let response = ensure_ok(response).await?;
    let body = response
        .text()
        .await
        .map_err(|err| ApiError::Network(err.to_string()))?;
    serde_json::from_str(&body).map_err(|err| ApiError::Decode(err.to_string()))
}

/// Passes a successful response through; turns any other into an [`ApiError`].
pub async fn ensure_ok(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    if status == 401 {
        return Err(ApiError::Unauthorized);
    }
    // Problem bodies are JSON; a 503 from Altinn is plain text, and a proxy may send HTML.
    let body = response.text().await.unwrap_or_default();
    let problem = serde_json::from_str::<ProblemDetails>(&body)
        .ok()
        .unwrap_or_else(|| problem_from_status(status, &response.status_text()));
    Err(ApiError::Problem { status, problem })
}

fn problem_from_status(status: u16, status_text: &str) -> ProblemDetails {
    ProblemDetails {
        title: Some(status_text.to_owned()).filter(|t| !t.is_empty()),
        status: Some(status),
        ..ProblemDetails::default()
    }
}
