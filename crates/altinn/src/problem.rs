//! Dialogporten error bodies (`application/problem+json`, `ProblemDetails`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::serde_util::{null_as_default, null_as_empty};

/// An RFC 7807 problem as Dialogporten sends it.
///
/// Unknown members are ignored on input. Everything but `errors` is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    /// A URI for the problem type (Dialogporten: an RFC 7231 section link).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub problem_type: Option<String>,
    /// Short summary, e.g. `Resource not found.`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// HTTP status code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Longer explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// W3C trace id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// Machine-readable error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Text for the status code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_description: Option<String>,
    /// Messages per key (property name or entity), e.g. `{"DialogEntity": ["…"]}`.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub errors: BTreeMap<String, Vec<String>>,
    /// Structured validation errors (`ProblemDetails_Error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_errors: Option<Vec<ProblemDetailsError>>,
    /// Any other members (RFC 7807 extension members), kept as they came.
    #[serde(flatten)]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

/// One structured validation error (`ProblemDetails_Error`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetailsError {
    /// Error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// JSON paths the error concerns.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub paths: Vec<String>,
}

/// The RFC 7231 section Dialogporten uses as `type` for a status.
pub fn rfc7231_type(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
        403 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3",
        404 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
        406 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6",
        409 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.8",
        410 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.9",
        412 => "https://datatracker.ietf.org/doc/html/rfc7232#section-4.2",
        422 => "https://datatracker.ietf.org/doc/html/rfc4918#section-11.2",
        500 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.1",
        503 => "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.4",
        _ => return None,
    })
}

/// The title Dialogporten uses for a status, e.g. 404 → `Resource not found.`
pub fn default_title(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "One or more validation errors occurred.",
        403 => "Forbidden.",
        404 => "Resource not found.",
        409 => "Conflict.",
        410 => "Resource no longer available.",
        412 => "Precondition failed.",
        422 => "Unprocessable request.",
        _ => return None,
    })
}

impl ProblemDetails {
    /// A problem with status and title; `type` is set from the status when known.
    pub fn new(status: u16, title: impl Into<String>) -> Self {
        Self {
            problem_type: rfc7231_type(status).map(str::to_owned),
            title: Some(title.into()),
            status: Some(status),
            ..Self::default()
        }
    }

    /// A problem with Dialogporten's standard title for `status`
    /// (the canonical reason phrase otherwise is left out).
    pub fn for_status(status: u16) -> Self {
        let mut p = Self::new(status, default_title(status).unwrap_or_default());
        if p.title.as_deref() == Some("") {
            p.title = None;
        }
        p
    }

    /// Sets `detail`.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`.
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets `traceId`.
    pub fn with_trace_id(mut self, trace_id: impl Into<String>) -> Self {
        self.trace_id = Some(trace_id.into());
        self
    }

    /// Sets `code`.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets `type`.
    pub fn with_type(mut self, problem_type: impl Into<String>) -> Self {
        self.problem_type = Some(problem_type.into());
        self
    }

    /// Appends `message` to `errors[key]`.
    pub fn with_error(mut self, key: impl Into<String>, message: impl Into<String>) -> Self {
        self.errors
            .entry(key.into())
            .or_default()
            .push(message.into());
        self
    }

    /// Every message in `errors`, in key order.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.errors.values().flatten().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_and_wire_shape() {
        let p = ProblemDetails::new(404, "Resource not found.")
            .with_instance("/api/v1/enduser/dialogs/x")
            .with_error("DialogEntity", "not found")
            .with_error("DialogEntity", "really");
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
                "title": "Resource not found.",
                "status": 404,
                "instance": "/api/v1/enduser/dialogs/x",
                "errors": {"DialogEntity": ["not found", "really"]}
            })
        );
        assert_eq!(p.messages().count(), 2);
        assert_eq!(
            ProblemDetails::for_status(410).title.as_deref(),
            Some("Resource no longer available.")
        );
        assert_eq!(ProblemDetails::for_status(418).title, None);
    }

    #[test]
    fn tolerant_of_unknown_fields() {
        let p: ProblemDetails =
            serde_json::from_str(r#"{"title":"x","status":400,"extra":{"a":1},"errors":null}"#)
                .unwrap();
        assert_eq!(p.status, Some(400));
        assert!(p.errors.is_empty());
        assert_eq!(p.extensions["extra"]["a"], 1);
        assert_eq!(serde_json::to_value(&p).unwrap()["extra"]["a"], 1);
    }
}
