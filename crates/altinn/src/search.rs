//! The dialog search query: `GET /api/v1/enduser/dialogs?...`.
//!
//! [`DialogSearchQuery`] holds every query parameter of the endpoint. Clients
//! turn it into a query string ([`DialogSearchQuery::to_query_string`]); the
//! server and simulator read it back ([`DialogSearchQuery::from_query_pairs`])
//! and may apply the API's rules ([`DialogSearchQuery::validate`]).
//! [`OrderBy`] (in [`crate::order_by`]) parses and formats the `orderBy` syntax.

use core::fmt;
use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::dialog::{DialogStatus, SystemLabel};
use crate::party::PartyUrn;
use crate::problem::ProblemDetails;

pub use crate::order_by::{OrderBy, OrderByError, OrderDirection, OrderKey, OrderTerm};

/// Default page size.
pub const DEFAULT_LIMIT: i32 = 100;
/// Largest page size.
pub const MAX_LIMIT: i32 = 1000;
/// Shortest free-text search.
pub const MIN_SEARCH_LENGTH: usize = 3;
/// Default cap on `party` values (configurable upstream).
pub const MAX_PARTY_FILTER_VALUES: usize = 100;
/// Default cap on `serviceResource`, `org` and `extendedStatus` values.
pub const MAX_OTHER_FILTER_VALUES: usize = 20;

/// Every query parameter name, in the order of the spec.
pub const PARAMETER_NAMES: &[&str] = &[
    "org",
    "serviceResource",
    "party",
    "extendedStatus",
    "externalReference",
    "status",
    "createdAfter",
    "createdBefore",
    "updatedAfter",
    "updatedBefore",
    "contentUpdatedAfter",
    "contentUpdatedBefore",
    "isContentSeen",
    "dueAfter",
    "dueBefore",
    "process",
    "systemLabel",
    "excludeApiOnly",
    "search",
    "searchLanguageCode",
    "orderBy",
    "continuationToken",
    "limit",
];

/// Every query parameter of `GET /api/v1/enduser/dialogs`.
///
/// Array parameters are sent as repeated keys; values of one parameter are
/// OR-ed, different parameters AND-ed. Dates are sent as RFC 3339 in UTC
/// with `Z` (the API rejects dates without an offset).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DialogSearchQuery {
    /// Service owner codes (`digdir`, `skd`).
    pub org: Vec<String>,
    /// `urn:altinn:resource:<id>` values.
    pub service_resource: Vec<String>,
    /// Party URNs. Either this or `service_resource` is required.
    pub party: Vec<PartyUrn>,
    /// Extended status values.
    pub extended_status: Vec<String>,
    /// External reference.
    pub external_reference: Option<String>,
    /// Statuses.
    pub status: Vec<DialogStatus>,
    /// Created at or after.
    pub created_after: Option<DateTime<Utc>>,
    /// Created at or before.
    pub created_before: Option<DateTime<Utc>>,
    /// Updated at or after.
    pub updated_after: Option<DateTime<Utc>>,
    /// Updated at or before.
    pub updated_before: Option<DateTime<Utc>>,
    /// Content updated at or after (bounds free-text scans).
    pub content_updated_after: Option<DateTime<Utc>>,
    /// Content updated at or before.
    pub content_updated_before: Option<DateTime<Utc>>,
    /// Seen since last content update (and not marked as unopened).
    pub is_content_seen: Option<bool>,
    /// Due at or after.
    pub due_after: Option<DateTime<Utc>>,
    /// Due at or before.
    pub due_before: Option<DateTime<Utc>>,
    /// Process URI.
    pub process: Option<String>,
    /// System labels.
    pub system_label: Vec<SystemLabel>,
    /// Leave out API-only dialogs (default false).
    pub exclude_api_only: Option<bool>,
    /// Free text, at least 3 characters.
    pub search: Option<String>,
    /// Language of `search`, e.g. `nb`.
    pub search_language_code: Option<String>,
    /// Sort order; send the same one with every page.
    pub order_by: Option<OrderBy>,
    /// Token from the previous page.
    pub continuation_token: Option<String>,
    /// Page size 1–1000 (default 100).
    pub limit: Option<i32>,
}

/// Bad query parameters, by parameter name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryError {
    /// Messages per parameter name (the spec's camelCase name).
    pub errors: BTreeMap<String, Vec<String>>,
}

impl QueryError {
    fn add(&mut self, key: &str, msg: impl Into<String>) {
        self.errors
            .entry(key.to_owned())
            .or_default()
            .push(msg.into());
    }

    /// The names of the bad parameters.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.errors.keys().map(String::as_str)
    }

    /// True when no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// A 400 ProblemDetails as Dialogporten sends for validation errors.
    pub fn to_problem_details(&self) -> ProblemDetails {
        let mut p = ProblemDetails::new(400, "One or more validation errors occurred.");
        p.errors = self.errors.clone();
        p
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid query parameters: ")?;
        for (i, (k, msgs)) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{k}: {}", msgs.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

/// Formats a date as the API wants it: RFC 3339, UTC, `Z`.
pub fn format_date(d: &DateTime<Utc>) -> String {
    d.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space); invalid escapes are kept as-is.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl DialogSearchQuery {
    /// A query for the given parties.
    pub fn for_parties(parties: impl IntoIterator<Item = PartyUrn>) -> Self {
        Self {
            party: parties.into_iter().collect(),
            ..Self::default()
        }
    }

    /// The query as `(name, value)` pairs in spec order; arrays as repeated keys.
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: String| out.push((k.to_owned(), v));
        for v in &self.org {
            push("org", v.clone());
        }
        for v in &self.service_resource {
            push("serviceResource", v.clone());
        }
        for v in &self.party {
            push("party", v.to_string());
        }
        for v in &self.extended_status {
            push("extendedStatus", v.clone());
        }
        if let Some(v) = &self.external_reference {
            push("externalReference", v.clone());
        }
        for v in &self.status {
            push("status", v.as_str().to_owned());
        }
        let dates = [
            ("createdAfter", &self.created_after),
            ("createdBefore", &self.created_before),
            ("updatedAfter", &self.updated_after),
            ("updatedBefore", &self.updated_before),
            ("contentUpdatedAfter", &self.content_updated_after),
            ("contentUpdatedBefore", &self.content_updated_before),
        ];
        for (k, v) in dates {
            if let Some(d) = v {
                push(k, format_date(d));
            }
        }
        if let Some(v) = self.is_content_seen {
            push("isContentSeen", v.to_string());
        }
        for (k, v) in [
            ("dueAfter", &self.due_after),
            ("dueBefore", &self.due_before),
        ] {
            if let Some(d) = v {
                push(k, format_date(d));
            }
        }
        if let Some(v) = &self.process {
            push("process", v.clone());
        }
        for v in &self.system_label {
            push("systemLabel", v.as_str().to_owned());
        }
        if let Some(v) = self.exclude_api_only {
            push("excludeApiOnly", v.to_string());
        }
        if let Some(v) = &self.search {
            push("search", v.clone());
        }
        if let Some(v) = &self.search_language_code {
            push("searchLanguageCode", v.clone());
        }
        if let Some(v) = &self.order_by {
            push("orderBy", v.to_string());
        }
        if let Some(v) = &self.continuation_token {
            push("continuationToken", v.clone());
        }
        if let Some(v) = self.limit {
            push("limit", v.to_string());
        }
        out
    }

    /// The percent-encoded query string, without the leading `?`.
    pub fn to_query_string(&self) -> String {
        self.to_query_pairs()
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Parses a raw query string (with or without `?`); see [`Self::from_query_pairs`].
    pub fn from_query_string(query: &str) -> Result<Self, QueryError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        Self::from_query_pairs(query.split('&').filter(|p| !p.is_empty()).map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        }))
    }

    /// Reads decoded `(name, value)` pairs, as a server receives them.
    ///
    /// Names match case-insensitively (as ASP.NET binds them); unknown names
    /// are ignored; for scalar parameters the last value wins. Every value that
    /// does not parse is reported under its parameter name. This only checks
    /// syntax; see [`Self::validate`] for the API's rules.
    pub fn from_query_pairs<I, K, V>(pairs: I) -> Result<Self, QueryError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut q = Self::default();
        let mut err = QueryError::default();
        for (k, v) in pairs {
            let Some(name) = PARAMETER_NAMES
                .iter()
                .copied()
                .find(|n| n.eq_ignore_ascii_case(k.as_ref()))
            else {
                continue;
            };
            let v = v.as_ref();
            let date = |err: &mut QueryError| match DateTime::parse_from_rfc3339(v) {
                Ok(d) => Some(d.with_timezone(&Utc)),
                Err(_) => {
                    err.add(
                        name,
                        format!("'{v}' is not a date-time with an explicit offset (RFC 3339)"),
                    );
                    None
                }
            };
            let boolean = |err: &mut QueryError| {
                if v.eq_ignore_ascii_case("true") {
                    Some(true)
                } else if v.eq_ignore_ascii_case("false") {
                    Some(false)
                } else {
                    err.add(name, format!("'{v}' is not a boolean"));
                    None
                }
            };
            match name {
                "org" => q.org.push(v.to_owned()),
                "serviceResource" => q.service_resource.push(v.to_owned()),
                "party" => match v.parse::<PartyUrn>() {
                    Ok(p) => q.party.push(p),
                    Err(e) => err.add(name, e.to_string()),
                },
                "extendedStatus" => q.extended_status.push(v.to_owned()),
                "externalReference" => q.external_reference = Some(v.to_owned()),
                "status" => match DialogStatus::from_wire(v) {
                    DialogStatus::Unknown(_) => {
                        err.add(name, format!("'{v}' is not a valid DialogStatus"))
                    }
                    s => q.status.push(s),
                },
                "createdAfter" => q.created_after = date(&mut err),
                "createdBefore" => q.created_before = date(&mut err),
                "updatedAfter" => q.updated_after = date(&mut err),
                "updatedBefore" => q.updated_before = date(&mut err),
                "contentUpdatedAfter" => q.content_updated_after = date(&mut err),
                "contentUpdatedBefore" => q.content_updated_before = date(&mut err),
                "isContentSeen" => q.is_content_seen = boolean(&mut err),
                "dueAfter" => q.due_after = date(&mut err),
                "dueBefore" => q.due_before = date(&mut err),
                "process" => q.process = Some(v.to_owned()),
                "systemLabel" => match SystemLabel::from_wire(v) {
                    SystemLabel::Unknown(_) => {
                        err.add(name, format!("'{v}' is not a valid SystemLabel"))
                    }
                    l => q.system_label.push(l),
                },
                "excludeApiOnly" => q.exclude_api_only = boolean(&mut err),
                "search" => q.search = Some(v.to_owned()),
                "searchLanguageCode" => q.search_language_code = Some(v.to_owned()),
                "orderBy" => match v.parse::<OrderBy>() {
                    Ok(o) => q.order_by = Some(o),
                    Err(e) => err.add(name, e.to_string()),
                },
                "continuationToken" => q.continuation_token = Some(v.to_owned()),
                "limit" => match v.parse::<i32>() {
                    Ok(n) => q.limit = Some(n),
                    Err(_) => err.add(name, format!("'{v}' is not an integer")),
                },
                _ => {}
            }
        }
        if err.is_empty() { Ok(q) } else { Err(err) }
    }

    /// Applies the API's validation rules with the default caps: `party` or
    /// `serviceResource` required; caps on the number of filter values; party
    /// URNs of the four accepted kinds; every `*After` ≤ its `*Before`;
    /// `search` at least 3 characters; `limit` 1–1000; `process` a URI.
    pub fn validate(&self) -> Result<(), QueryError> {
        let mut err = QueryError::default();
        if self.party.is_empty() && self.service_resource.is_empty() {
            let msg = "Either ServiceResource or Party must be specified.";
            err.add("serviceResource", msg);
            err.add("party", msg);
        }
        let caps = [
            ("party", self.party.len(), MAX_PARTY_FILTER_VALUES),
            (
                "serviceResource",
                self.service_resource.len(),
                MAX_OTHER_FILTER_VALUES,
            ),
            ("org", self.org.len(), MAX_OTHER_FILTER_VALUES),
            (
                "extendedStatus",
                self.extended_status.len(),
                MAX_OTHER_FILTER_VALUES,
            ),
        ];
        for (name, n, max) in caps {
            if n > max {
                err.add(name, format!("Maximum {max} values allowed, got {n}."));
            }
        }
        for p in &self.party {
            if !p.is_accepted_by_dialogporten() {
                err.add("party", format!("'{p}' is not a valid party identifier."));
            }
        }
        let ranges = [
            ("createdAfter", self.created_after, self.created_before),
            ("updatedAfter", self.updated_after, self.updated_before),
            (
                "contentUpdatedAfter",
                self.content_updated_after,
                self.content_updated_before,
            ),
            ("dueAfter", self.due_after, self.due_before),
        ];
        for (name, after, before) in ranges {
            if let (Some(a), Some(b)) = (after, before)
                && a > b
            {
                let before_name = name.replace("After", "Before");
                err.add(
                    name,
                    format!("'{name}' must be less than or equal to '{before_name}'."),
                );
            }
        }
        if let Some(s) = &self.search
            && s.chars().count() < MIN_SEARCH_LENGTH
        {
            err.add(
                "search",
                format!("'search' must be at least {MIN_SEARCH_LENGTH} characters."),
            );
        }
        if let Some(n) = self.limit
            && !(1..=MAX_LIMIT).contains(&n)
        {
            err.add(
                "limit",
                format!("'limit' must be between 1 and {MAX_LIMIT}."),
            );
        }
        if let Some(p) = &self.process {
            let scheme_ok = p.split_once(':').is_some_and(|(scheme, rest)| {
                !scheme.is_empty()
                    && !rest.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            if !scheme_ok {
                err.add("process", "'process' must be a valid URI.");
            }
        }
        if err.is_empty() { Ok(()) } else { Err(err) }
    }

    /// The page size in force (`limit` or the default 100).
    pub fn effective_limit(&self) -> i32 {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }

    /// The order in force (`orderBy` or the default).
    pub fn effective_order_by(&self) -> OrderBy {
        self.order_by.clone().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn query_string_repeats_keys_and_formats_dates() {
        let q = DialogSearchQuery {
            party: vec![
                PartyUrn::organization("310010693").unwrap(),
                PartyUrn::person("08844397713").unwrap(),
            ],
            status: vec![DialogStatus::InProgress, DialogStatus::Awaiting],
            created_after: Some(Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap()),
            search: Some("skatt & avgift".into()),
            limit: Some(50),
            ..Default::default()
        };
        assert_eq!(
            q.to_query_string(),
            "party=urn%3Aaltinn%3Aorganization%3Aidentifier-no%3A310010693\
             &party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A08844397713\
             &status=InProgress&status=Awaiting\
             &createdAfter=2024-01-02T03%3A04%3A05Z\
             &search=skatt%20%26%20avgift&limit=50"
        );
        let back = DialogSearchQuery::from_query_string(&q.to_query_string()).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn offsets_are_converted_to_utc_and_required() {
        let q = DialogSearchQuery::from_query_pairs([
            ("party", "urn:altinn:organization:identifier-no:310010693"),
            ("dueBefore", "2024-06-01T12:00:00+02:00"),
        ])
        .unwrap();
        assert_eq!(
            q.to_query_pairs()[1],
            ("dueBefore".to_owned(), "2024-06-01T10:00:00Z".to_owned())
        );
        let err = DialogSearchQuery::from_query_pairs([
            ("dueBefore", "2024-06-01T12:00:00"),
            ("PARTY", "urn:altinn:organization:identifier-no:1"),
            ("status", "Nope"),
            ("limit", "x"),
            ("orderBy", "size"),
            ("isContentSeen", "yes"),
            ("unknownKey", "ignored"),
        ])
        .unwrap_err();
        assert_eq!(
            err.keys().collect::<Vec<_>>(),
            [
                "dueBefore",
                "isContentSeen",
                "limit",
                "orderBy",
                "party",
                "status"
            ]
        );
        assert_eq!(err.to_problem_details().status, Some(400));
    }

    #[test]
    fn validate_rules() {
        assert!(DialogSearchQuery::default().validate().is_err());
        let mut q = DialogSearchQuery::for_parties([PartyUrn::organization("310010693").unwrap()]);
        assert!(q.validate().is_ok());
        q.search = Some("ab".into());
        q.limit = Some(0);
        q.created_after = Some(Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap());
        q.created_before = Some(Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap());
        q.process = Some("not a uri".into());
        let e = q.validate().unwrap_err();
        assert_eq!(
            e.keys().collect::<Vec<_>>(),
            ["createdAfter", "limit", "process", "search"]
        );
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_encode("æ ø/å"), "%C3%A6%20%C3%B8%2F%C3%A5");
        assert_eq!(percent_decode("%C3%A6+%C3%B8%2f%zz%"), "æ ø/%zz%");
    }
}
