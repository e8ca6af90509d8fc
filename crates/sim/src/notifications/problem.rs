//! Error responses shaped like the real service's (ASP.NET `ValidationProblemDetails` and
//! Altinn.Authorization.ProblemDetails 5.4 `AltinnProblemDetails`).

use std::collections::BTreeMap;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

const PROBLEM_JSON: &str = "application/problem+json; charset=utf-8";

fn problem_response(status: StatusCode, body: Value) -> Response {
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    res
}

/// Validation errors keyed by model path, as ASP.NET collects them.
#[derive(Debug, Default)]
pub struct Errors(pub BTreeMap<String, Vec<String>>);

impl Errors {
    pub fn add(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.0.entry(key.into()).or_default().push(message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// 400 `ValidationProblemDetails`.
    pub fn into_response(self, trace_id: String) -> Response {
        problem_response(
            StatusCode::BAD_REQUEST,
            json!({
                "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                "title": "One or more validation errors occurred.",
                "status": 400,
                "errors": self.0,
                "traceId": trace_id,
            }),
        )
    }
}

/// A Notifications error code (`NOT-0000x`).
#[derive(Debug, Clone, Copy)]
pub struct ErrorCode {
    pub code: &'static str,
    pub status: StatusCode,
    pub title: &'static str,
}

// NOT-00001 (422) belongs to ordinary orders and NOT-00002 (499) to cancelled requests;
// neither can happen here.
pub const SHIPMENT_NOT_FOUND: ErrorCode = ErrorCode {
    code: "NOT-00003",
    status: StatusCode::NOT_FOUND,
    title: "Shipment not found",
};
pub const SEND_FAILED: ErrorCode = ErrorCode {
    code: "NOT-00004",
    status: StatusCode::SERVICE_UNAVAILABLE,
    title: "A temporary network failure occurred",
};

impl ErrorCode {
    pub fn into_response(self, trace_id: String) -> Response {
        problem_response(
            self.status,
            json!({
                "type": format!("urn:altinn:error:{}", self.code),
                "title": self.title,
                "status": self.status.as_u16(),
                "code": self.code,
                "traceId": trace_id,
                "statusDescription": self.status.canonical_reason().unwrap_or_default(),
            }),
        )
    }
}

/// 401 with no body, as the JWT bearer handler answers.
pub fn unauthorized() -> Response {
    let mut res = StatusCode::UNAUTHORIZED.into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// 403 with no body.
pub fn forbidden() -> Response {
    StatusCode::FORBIDDEN.into_response()
}

pub fn unsupported_media_type(trace_id: String) -> Response {
    problem_response(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        json!({
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            "title": "Unsupported Media Type",
            "status": 415,
            "traceId": trace_id,
        }),
    )
}
