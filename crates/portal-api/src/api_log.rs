//! The developer "API log" (`GET /api/dev/api-log?page=N`): the upstream calls (Dialogporten,
//! Notifications, service owners' URLs) that this session's requests caused, newest first.
//!
//! The portal sends [`PAGE_HEADER`] with every `/api` request: an opaque number that grows on
//! each route change, so the log can be read per page. URLs come masked (tokens, national
//! identity numbers); a failed call carries its problem body, masked and capped. Answers: 200
//! [`ApiLog`]; 401 without a session; 404 when the server has the log turned off (and
//! `GET /api/session` then says `"apiLog": false`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The request header naming the portal page a request belongs to (a decimal number).
pub const PAGE_HEADER: &str = "x-portal-page";

/// `GET /api/dev/api-log`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiLog {
    /// Newest first.
    pub entries: Vec<ApiLogEntry>,
}

/// One upstream call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiLogEntry {
    /// Grows with every call of the session (a stable key for lists).
    pub seq: u64,
    /// The page (`X-Portal-Page`) of the request that caused the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// When the call started.
    #[serde(with = "altinn::time::rfc3339")]
    pub at: DateTime<Utc>,
    pub upstream: Upstream,
    /// `GET`, `POST`, …
    pub method: String,
    /// The upstream URL, masked.
    pub url: String,
    /// The HTTP status, when there was an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why there was no answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    /// Until the answer's headers (or the failure), in milliseconds.
    pub duration_ms: u64,
    /// The body of an error answer (a ProblemDetails, pretty-printed), masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// Whether `problem` was cut at the size cap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub problem_truncated: bool,
}

impl ApiLogEntry {
    /// An answer of 400 or more, or no answer at all.
    pub fn is_error(&self) -> bool {
        self.failure.is_some() || self.status.is_none_or(|s| s >= 400)
    }
}

/// Which service was called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Upstream {
    Dialogporten,
    Notifications,
    /// A URL a dialog names (front-channel embed, GUI action) at the service owner.
    ServiceOwner,
    /// A token endpoint.
    Token,
}

/// A call that got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Failure {
    Timeout,
    Connection,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_camel_case_and_leave_out_what_is_absent() {
        let entry = ApiLogEntry {
            seq: 3,
            page: Some(17),
            at: DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
                .unwrap()
                .with_timezone(&Utc),
            upstream: Upstream::ServiceOwner,
            method: "GET".into(),
            url: "https://svc.example/a".into(),
            status: Some(200),
            failure: None,
            duration_ms: 12,
            problem: None,
            problem_truncated: false,
        };
        let value = serde_json::to_value(&entry).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "seq": 3, "page": 17, "at": "2026-01-02T03:04:05Z", "upstream": "serviceOwner",
                "method": "GET", "url": "https://svc.example/a", "status": 200, "durationMs": 12
            })
        );
        assert!(!entry.is_error());

        let failed: ApiLogEntry = serde_json::from_value(serde_json::json!({
            "seq": 4, "at": "2026-01-02T03:04:05Z", "upstream": "notifications",
            "method": "POST", "url": "https://n.example/x", "failure": "timeout",
            "durationMs": 15000, "problem": "{}", "problemTruncated": true
        }))
        .unwrap();
        assert_eq!(failed.failure, Some(Failure::Timeout));
        assert_eq!(failed.page, None);
        assert!(failed.problem_truncated && failed.is_error());
    }
}
