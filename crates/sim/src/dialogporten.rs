//! Dialogporten end-user REST API (`/dialogporten/api/v1/enduser/...`).

// Handlers return ready-made responses as errors (the axum idiom).
#![allow(clippy::result_large_err)]

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::Sim;
use crate::catalogue::owner;
use crate::views::{self, ts};
use crate::world::{Dialog, Label, LabelLog, Seen, World};

/// A free-text search without `contentUpdatedAfter` over more parties than this answers 422.
pub const MAX_FREE_TEXT_PARTIES: usize = 50;
pub const MAX_PARTY_FILTER: usize = 100;
pub const MAX_OTHER_FILTER: usize = 20;
const DIALOG_TOKEN_TTL: i64 = 600;
const API_PREFIX: &str = "/api/v1/enduser";

/// The authenticated end user.
#[derive(Debug, Clone)]
pub struct User {
    pub persona: usize,
    pub auth_level: u8,
}

fn unauthorized() -> Response {
    let mut r = StatusCode::UNAUTHORIZED.into_response();
    r.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    r
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let t = v
        .strip_prefix("Bearer ")
        .or_else(|| v.strip_prefix("bearer "))?
        .trim();
    (!t.is_empty()).then_some(t)
}

/// Verifies the end user's token (signature, expiry, issuer, scope): an ID-porten access
/// token, or a token of the (simulated) Altinn authentication such as the test token
/// generator's personal tokens.
pub fn authenticate(sim: &Sim, headers: &HeaderMap) -> Result<User, Response> {
    let token = bearer(headers).ok_or_else(unauthorized)?;
    let now = Utc::now().timestamp();
    let issued_by = |keys: &crate::jwt::Keys, issuer: String| {
        keys.verify(token, now)
            .ok()
            .filter(|c| c["iss"].as_str() == Some(issuer.as_str()))
    };
    let claims = issued_by(&sim.idp_keys, sim.issuer())
        .or_else(|| issued_by(&sim.platform_keys, sim.platform_issuer()))
        .ok_or_else(unauthorized)?;
    let scope_ok = claims["scope"].as_str().is_some_and(|s| {
        s.split(' ')
            .any(|x| x == "digdir:dialogporten" || x == "digdir:dialogporten.noconsent")
    });
    if !scope_ok {
        return Err(unauthorized());
    }
    let pid = claims["pid"].as_str().ok_or_else(unauthorized)?;
    let w = sim.world.read().unwrap();
    let persona = w
        .personas
        .iter()
        .position(|p| p.pid == pid)
        .ok_or_else(unauthorized)?;
    let auth_level = claims["urn:altinn:authlevel"].as_u64().unwrap_or(3) as u8;
    Ok(User {
        persona,
        auth_level,
    })
}

fn trace_id(sim: &Sim) -> String {
    let u = sim.unique();
    format!("00-{}-{}-00", &u[..32.min(u.len())], &u[..16])
}

/// An `application/problem+json` answer like the real API's.
pub fn problem(sim: &Sim, status: StatusCode, instance: &str, errors: Value) -> Response {
    let (ty, title) = match status.as_u16() {
        400 => (
            "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "One or more validation errors occurred.",
        ),
        403 => (
            "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3",
            "Forbidden.",
        ),
        404 => (
            "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
            "Resource not found.",
        ),
        409 => (
            "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.8",
            "Conflict.",
        ),
        410 => (
            "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.9",
            "Resource no longer available.",
        ),
        412 => (
            "https://datatracker.ietf.org/doc/html/rfc7232#section-4.2",
            "Precondition failed.",
        ),
        422 => (
            "https://datatracker.ietf.org/doc/html/rfc4918#section-11.2",
            "Unprocessable request.",
        ),
        _ => ("about:blank", "Error."),
    };
    let body = json!({
        "type": ty, "title": title, "status": status.as_u16(), "instance": instance,
        "traceId": trace_id(sim), "errors": errors,
    });
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    r
}

pub(crate) fn json_ok(v: Value, headers: &HeaderMap) -> Response {
    let mut v = v;
    let langs = accept_languages(headers);
    if !langs.is_empty() {
        views::trim_localizations(&mut v, &langs);
    }
    let mut r = Json(v).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

/// Languages from `accept-language`, best first, as two-letter codes (`no` → `nb`).
pub fn accept_languages(headers: &HeaderMap) -> Vec<String> {
    let Some(h) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return vec![];
    };
    let mut v: Vec<(f32, String)> = h
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = tag.split('-').next()?.to_owned();
            let lang = if lang == "no" { "nb".to_owned() } else { lang };
            (!lang.is_empty() && lang != "*").then_some((q, lang))
        })
        .collect();
    v.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(Ordering::Equal));
    v.into_iter().map(|(_, l)| l).collect()
}

pub async fn dialog_jwks(State(sim): State<Arc<Sim>>) -> Json<Value> {
    Json(json!({"keys": [sim.dialog_keys.jwk()]}))
}

pub async fn parties(State(sim): State<Arc<Sim>>, headers: HeaderMap) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let w = sim.world.read().unwrap();
    let list: Vec<Value> = w.personas[user.persona]
        .access
        .iter()
        .map(|a| views::authorized_party(&w, a, user.persona))
        .collect();
    json_ok(json!({"authorizedParties": list}), &headers)
}

// ---------------------------------------------------------------- search

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    ContentUpdatedAt,
    UpdatedAt,
    CreatedAt,
    DueAt,
    Id,
}

impl SortKey {
    fn parse(s: &str) -> Option<SortKey> {
        Some(match s.to_ascii_lowercase().as_str() {
            "contentupdatedat" => SortKey::ContentUpdatedAt,
            "updatedat" => SortKey::UpdatedAt,
            "createdat" => SortKey::CreatedAt,
            "dueat" => SortKey::DueAt,
            "id" => SortKey::Id,
            _ => return None,
        })
    }
    fn name(self) -> &'static str {
        match self {
            SortKey::ContentUpdatedAt => "contentupdatedat",
            SortKey::UpdatedAt => "updatedat",
            SortKey::CreatedAt => "createdat",
            SortKey::DueAt => "dueat",
            SortKey::Id => "id",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum KeyVal {
    Time(Option<DateTime<Utc>>),
    Id(Uuid),
}

fn key_of(d: &Dialog, k: SortKey) -> KeyVal {
    match k {
        SortKey::ContentUpdatedAt => KeyVal::Time(Some(d.content_updated_at)),
        SortKey::UpdatedAt => KeyVal::Time(Some(d.updated_at)),
        SortKey::CreatedAt => KeyVal::Time(Some(d.created_at)),
        SortKey::DueAt => KeyVal::Time(d.due_at),
        SortKey::Id => KeyVal::Id(d.id),
    }
}

/// Ascending comparison; nulls sort last (as in PostgreSQL).
fn cmp_val(a: &KeyVal, b: &KeyVal) -> Ordering {
    match (a, b) {
        (KeyVal::Time(x), KeyVal::Time(y)) => match (x, y) {
            (Some(x), Some(y)) => x.cmp(y),
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
        },
        (KeyVal::Id(x), KeyVal::Id(y)) => x.cmp(y),
        _ => Ordering::Equal,
    }
}

fn cmp_keys(order: &[(SortKey, bool)], a: &[KeyVal], b: &[KeyVal]) -> Ordering {
    for (i, (_, desc)) in order.iter().enumerate() {
        let c = cmp_val(&a[i], &b[i]);
        let c = if *desc { c.reverse() } else { c };
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

/// Parses `orderBy` into keys with direction (true = desc), `id` appended last.
pub fn parse_order_by(s: Option<&str>) -> Result<Vec<(SortKey, bool)>, String> {
    let mut out: Vec<(SortKey, bool)> = Vec::new();
    if let Some(s) = s.filter(|s| !s.trim().is_empty()) {
        for part in s.split(',') {
            let part = part.trim();
            let (k, dir) = match part.rsplit_once('_') {
                Some((k, d)) if d.eq_ignore_ascii_case("asc") || d.eq_ignore_ascii_case("desc") => {
                    (k, d.eq_ignore_ascii_case("desc"))
                }
                _ => (part, true),
            };
            let key = SortKey::parse(k).ok_or_else(|| format!("Invalid orderBy key '{k}'. Valid keys are contentUpdatedAt, updatedAt, createdAt, dueAt and id."))?;
            if out.iter().any(|(x, _)| *x == key) {
                return Err(format!("Duplicate orderBy key '{k}'."));
            }
            out.push((key, dir));
        }
    }
    if out.is_empty() || out.iter().all(|(k, _)| *k == SortKey::Id) {
        out.insert(0, (SortKey::ContentUpdatedAt, true));
    }
    if !out.iter().any(|(k, _)| *k == SortKey::Id) {
        out.push((SortKey::Id, true));
    }
    if out.last().map(|(k, _)| *k) != Some(SortKey::Id) {
        return Err("'id' must be the last orderBy key.".into());
    }
    Ok(out)
}

fn order_by_string(order: &[(SortKey, bool)]) -> String {
    order
        .iter()
        .map(|(k, d)| format!("{}_{}", k.name(), if *d { "desc" } else { "asc" }))
        .collect::<Vec<_>>()
        .join(",")
}

fn token_for(order: &[(SortKey, bool)], d: &Dialog) -> String {
    order
        .iter()
        .map(|(k, _)| {
            let v = match key_of(d, *k) {
                KeyVal::Time(Some(t)) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                KeyVal::Time(None) => "null".into(),
                KeyVal::Id(u) => u.to_string(),
            };
            format!("{}_{v}", k.name())
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_token(order: &[(SortKey, bool)], token: &str) -> Result<Vec<KeyVal>, String> {
    let mut pairs = Vec::new();
    for part in token.split(',') {
        let (k, v) = part.split_once('_').ok_or("Invalid continuation token.")?;
        let key = SortKey::parse(k).ok_or("Invalid continuation token.")?;
        pairs.push((key, v));
    }
    let missing: Vec<&str> = order
        .iter()
        .filter(|(k, _)| !pairs.iter().any(|(p, _)| p == k))
        .map(|(k, _)| k.name())
        .collect();
    if !missing.is_empty() || pairs.len() != order.len() {
        return Err(format!(
            "ContinuationToken does not match OrderBy. Missing token keys: {}.",
            missing.join(", ")
        ));
    }
    order
        .iter()
        .map(|(k, _)| {
            let v = pairs.iter().find(|(p, _)| p == k).unwrap().1;
            Ok(match k {
                SortKey::Id => {
                    KeyVal::Id(Uuid::parse_str(v).map_err(|_| "Invalid continuation token.")?)
                }
                _ if v == "null" => KeyVal::Time(None),
                _ => KeyVal::Time(Some(
                    DateTime::parse_from_rfc3339(v)
                        .map_err(|_| "Invalid continuation token.")?
                        .with_timezone(&Utc),
                )),
            })
        })
        .collect()
}

#[derive(Default)]
struct Errors(BTreeMap<String, Vec<String>>);

impl Errors {
    fn add(&mut self, k: &str, msg: impl Into<String>) {
        self.0.entry(k.to_owned()).or_default().push(msg.into());
    }
    fn to_json(&self) -> Value {
        json!(self.0)
    }
}

/// An optional (after, before) bound.
type Range = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The parsed search query.
struct Query {
    org: Vec<String>,
    service_resource: Vec<String>,
    party: Vec<String>,
    extended_status: Vec<String>,
    external_reference: Option<String>,
    status: Vec<String>,
    ranges: [Range; 4], // created, updated, contentUpdated, due
    is_content_seen: Option<bool>,
    process: Option<String>,
    system_label: Vec<Label>,
    exclude_api_only: bool,
    search: Option<String>,
    search_lang: Option<usize>,
    order: Vec<(SortKey, bool)>,
    token: Option<Vec<KeyVal>>,
    limit: usize,
}

const PARTY_PREFIXES: &[&str] = &[
    "urn:altinn:person:identifier-no:",
    "urn:altinn:organization:identifier-no:",
    "urn:altinn:person:idporten-email:",
    "urn:altinn:person:legacy-selfidentified:",
];

fn valid_party_urn(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    PARTY_PREFIXES.iter().any(|p| {
        lower.starts_with(p) && {
            let rest = &s[p.len()..];
            match *p {
                "urn:altinn:person:identifier-no:" => crate::ids::is_valid_pid(rest),
                "urn:altinn:organization:identifier-no:" => {
                    rest.len() == 9 && rest.chars().all(|c| c.is_ascii_digit())
                }
                _ => !rest.is_empty(),
            }
        }
    })
}

fn parse_query(raw: &str) -> Result<Query, Errors> {
    let mut e = Errors::default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
        .map(|(k, v)| (k.to_ascii_lowercase(), v.into_owned()))
        .collect();
    let all = |k: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
            .collect()
    };
    let one = |k: &str| -> Option<String> {
        pairs
            .iter()
            .rev()
            .find(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let date = |k: &str, name: &str, e: &mut Errors| -> Option<DateTime<Utc>> {
        let v = one(k)?;
        match DateTime::parse_from_rfc3339(&v) {
            Ok(t) => Some(t.with_timezone(&Utc)),
            Err(_) => {
                e.add(name, format!("The value '{v}' is not valid for {name}. Dates must include an offset (e.g. 'Z')."));
                None
            }
        }
    };
    let mut ranges = [(None, None); 4];
    for (i, n) in ["created", "updated", "contentUpdated", "due"]
        .iter()
        .enumerate()
    {
        let after = format!("{n}After");
        let before = format!("{n}Before");
        let a = date(&after.to_ascii_lowercase(), &after, &mut e);
        let b = date(&before.to_ascii_lowercase(), &before, &mut e);
        if let (Some(a), Some(b)) = (a, b)
            && a > b
        {
            let cap = |s: &str| s[..1].to_uppercase() + &s[1..];
            e.add(
                &cap(&after),
                format!(
                    "'{}' must be less than or equal to '{}'.",
                    cap(&after),
                    cap(&before)
                ),
            );
        }
        ranges[i] = (a, b);
    }
    let org = all("org");
    let service_resource = all("serviceresource");
    let party = all("party");
    let extended_status = all("extendedstatus");
    if party.is_empty() && service_resource.is_empty() {
        e.add("", "Either ServiceResource or Party must be specified.");
    }
    if party.len() > MAX_PARTY_FILTER {
        e.add(
            "Party",
            format!("Maximum {MAX_PARTY_FILTER} values allowed in 'Party'."),
        );
    }
    for (v, name) in [
        (&service_resource, "ServiceResource"),
        (&org, "Org"),
        (&extended_status, "ExtendedStatus"),
    ] {
        if v.len() > MAX_OTHER_FILTER {
            e.add(
                name,
                format!("Maximum {MAX_OTHER_FILTER} values allowed in '{name}'."),
            );
        }
    }
    for p in &party {
        if !valid_party_urn(p) {
            e.add(
                "Party",
                format!(
                    "'{p}' is not a valid party identifier. Valid formats: {}<id>.",
                    PARTY_PREFIXES.join("<id>, ")
                ),
            );
        }
    }
    for s in &service_resource {
        if !s.to_ascii_lowercase().starts_with("urn:altinn:resource:") {
            e.add(
                "ServiceResource",
                format!("'{s}' must start with 'urn:altinn:resource:'."),
            );
        }
    }
    let mut status = Vec::new();
    for s in all("status") {
        match crate::world::STATUSES
            .iter()
            .find(|x| x.eq_ignore_ascii_case(&s))
        {
            Some(x) => status.push((*x).to_owned()),
            None => e.add(
                "Status",
                format!("The value '{s}' is not valid for Status."),
            ),
        }
    }
    let mut system_label = Vec::new();
    for s in all("systemlabel") {
        match Label::parse(&s) {
            Some(l) => system_label.push(l),
            None => e.add(
                "SystemLabel",
                format!("The value '{s}' is not valid for SystemLabel."),
            ),
        }
    }
    let bool_of = |k: &str, name: &str, e: &mut Errors| -> Option<bool> {
        let v = one(k)?;
        match v.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                e.add(name, format!("The value '{v}' is not valid for {name}."));
                None
            }
        }
    };
    let is_content_seen = bool_of("iscontentseen", "IsContentSeen", &mut e);
    let exclude_api_only = bool_of("excludeapionly", "ExcludeApiOnly", &mut e).unwrap_or(false);
    let process = one("process");
    if let Some(p) = &process
        && !(p.contains(':')
            && !p.contains(' ')
            && p.split(':').next().is_some_and(|s| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            }))
    {
        e.add("Process", "'Process' must be a valid URI.");
    }
    let search = one("search");
    if let Some(s) = &search
        && s.chars().count() < 3
    {
        e.add(
            "Search",
            format!(
                "The length of 'Search' must be at least 3 characters. You entered {} characters.",
                s.chars().count()
            ),
        );
    }
    let search_lang = match one("searchlanguagecode") {
        None => None,
        Some(l) => match l.to_ascii_lowercase().as_str() {
            "nb" | "no" | "nob" => Some(0),
            "nn" | "nno" => Some(1),
            "en" | "eng" => Some(2),
            _ => {
                e.add(
                    "SearchLanguageCode",
                    format!("'{l}' is not a valid language code."),
                );
                None
            }
        },
    };
    let limit = match one("limit") {
        None => 100,
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=1000).contains(&n) => n as usize,
            Ok(n) => {
                e.add(
                    "Limit",
                    format!("'Limit' must be between 1 and 1000. You entered {n}."),
                );
                100
            }
            Err(_) => {
                e.add("Limit", format!("The value '{v}' is not valid for Limit."));
                100
            }
        },
    };
    let order = match parse_order_by(one("orderby").as_deref()) {
        Ok(o) => o,
        Err(m) => {
            e.add("OrderBy", m);
            parse_order_by(None).unwrap()
        }
    };
    let token = match one("continuationtoken") {
        None => None,
        Some(t) => match parse_token(&order, &t) {
            Ok(k) => Some(k),
            Err(m) => {
                e.add("ContinuationToken", m);
                None
            }
        },
    };
    if !e.0.is_empty() {
        return Err(e);
    }
    Ok(Query {
        org,
        service_resource,
        party,
        extended_status,
        external_reference: one("externalreference"),
        status,
        ranges,
        is_content_seen,
        process,
        system_label,
        exclude_api_only,
        search,
        search_lang,
        order,
        token,
        limit,
    })
}

fn in_range(
    t: Option<DateTime<Utc>>,
    (a, b): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
) -> bool {
    if a.is_none() && b.is_none() {
        return true;
    }
    let Some(t) = t else { return false };
    a.is_none_or(|a| t >= a) && b.is_none_or(|b| t <= b)
}

/// Is the dialog listed at all (not deleted, visible)?
fn listable(d: &Dialog, now: DateTime<Utc>) -> bool {
    !d.deleted && d.visible_from.is_none_or(|v| v <= now) && d.expires_at.is_none_or(|e| e > now)
}

fn matches(w: &World, d: &Dialog, q: &Query, me: usize, needle: Option<&str>) -> bool {
    let t = &crate::catalogue::TEMPLATES[d.template];
    (q.org.is_empty() || q.org.iter().any(|o| o.eq_ignore_ascii_case(d.org)))
        && (q.service_resource.is_empty()
            || q.service_resource
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&d.service_resource)))
        && (q.extended_status.is_empty()
            || d.extended_status
                .is_some_and(|e| q.extended_status.iter().any(|x| x == t.ext[e].0)))
        && q.external_reference
            .as_ref()
            .is_none_or(|r| d.external_reference.as_deref() == Some(r.as_str()))
        && (q.status.is_empty() || q.status.iter().any(|s| s == d.status))
        && in_range(Some(d.created_at), q.ranges[0])
        && in_range(Some(d.updated_at), q.ranges[1])
        && in_range(Some(d.content_updated_at), q.ranges[2])
        && in_range(d.due_at, q.ranges[3])
        && q.is_content_seen
            .is_none_or(|s| views::is_content_seen(d, me) == s)
        && q.process
            .as_ref()
            .is_none_or(|p| d.process.as_deref() == Some(p.as_str()))
        && (q.system_label.is_empty() || q.system_label.iter().any(|l| d.has(*l)))
        && !(q.exclude_api_only && d.api_only)
        && needle.is_none_or(|n| {
            let sender = &owner(d.org).name;
            let langs: Vec<usize> = match q.search_lang {
                Some(l) => vec![l],
                None => vec![0, 1, 2],
            };
            !d.api_only
                && langs.iter().any(|&l| {
                    d.title[l].to_lowercase().contains(n)
                        || d.summary[l].to_lowercase().contains(n)
                        || sender[l].to_lowercase().contains(n)
                })
        })
        && {
            let _ = w;
            true
        }
}

pub async fn search(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let instance = format!("{API_PREFIX}/dialogs");
    let q = match parse_query(raw.as_deref().unwrap_or("")) {
        Ok(q) => q,
        Err(e) => return problem(&sim, StatusCode::BAD_REQUEST, &instance, e.to_json()),
    };
    let w = sim.world.read().unwrap();
    let persona = &w.personas[user.persona];
    // parties: requested ∩ authorized (unauthorized ones are silently dropped)
    let parties: Vec<usize> = if q.party.is_empty() {
        let mut v: Vec<usize> = persona.authorized.iter().copied().collect();
        v.sort_unstable();
        v
    } else {
        let mut seen = HashSet::new();
        q.party
            .iter()
            .filter_map(|p| {
                w.party_by_urn
                    .get(p.as_str())
                    .or_else(|| w.party_by_urn.get(&p.to_ascii_lowercase()))
                    .copied()
            })
            .filter(|p| persona.authorized.contains(p) && seen.insert(*p))
            .collect()
    };
    let needle = q.search.as_ref().map(|s| s.to_lowercase());
    if let Some(n) = &needle
        && (n.contains("timeout")
            || (q.ranges[2].0.is_none() && parties.len() > MAX_FREE_TEXT_PARTIES))
    {
        return problem(
            &sim,
            StatusCode::UNPROCESSABLE_ENTITY,
            &instance,
            json!({"Search": ["The search took too long and was cancelled. Narrow it down, e.g. with contentUpdatedAfter or fewer parties."]}),
        );
    }
    let now = Utc::now();
    let mut hits: Vec<(Vec<KeyVal>, usize)> = Vec::new();
    for p in &parties {
        for &i in w.by_party.get(p).map(Vec::as_slice).unwrap_or(&[]) {
            let d = &w.dialogs[i];
            if listable(d, now) && matches(&w, d, &q, user.persona, needle.as_deref()) {
                let keys: Vec<KeyVal> = q.order.iter().map(|(k, _)| key_of(d, *k)).collect();
                if q.token
                    .as_ref()
                    .is_none_or(|t| cmp_keys(&q.order, &keys, t) == Ordering::Greater)
                {
                    hits.push((keys, i));
                }
            }
        }
    }
    let take = q.limit.min(hits.len());
    if take < hits.len() {
        hits.select_nth_unstable_by(take, |a, b| cmp_keys(&q.order, &a.0, &b.0));
    }
    let has_next = hits.len() > take;
    hits.truncate(take);
    hits.sort_by(|a, b| cmp_keys(&q.order, &a.0, &b.0));
    let items: Vec<Value> = hits
        .iter()
        .map(|(_, i)| views::list_item(&w, &w.dialogs[*i], user.persona, &sim.base))
        .collect();
    let token = hits
        .last()
        .map(|(_, i)| token_for(&q.order, &w.dialogs[*i]));
    json_ok(
        json!({"items": items, "hasNextPage": has_next, "continuationToken": token, "orderBy": order_by_string(&q.order)}),
        &headers,
    )
}

// ---------------------------------------------------------------- details

fn not_found(sim: &Sim, instance: &str, id: &str) -> Response {
    problem(
        sim,
        StatusCode::NOT_FOUND,
        instance,
        json!({"DialogEntity": [format!("Entity 'DialogEntity' with the following key(s) was not found: ({id}).")]}),
    )
}

/// Looks a dialog up for the user, in the order the real handler checks.
/// `strict` adds the auth-level and visibility checks of GET details.
fn find(
    sim: &Sim,
    w: &World,
    user: &User,
    id: &str,
    instance: &str,
    strict: bool,
) -> Result<usize, Response> {
    let Some(&i) = Uuid::parse_str(id).ok().and_then(|u| w.by_id.get(&u)) else {
        return Err(not_found(sim, instance, id));
    };
    let d = &w.dialogs[i];
    if !w.personas[user.persona].authorized.contains(&d.party) {
        return Err(problem(
            sim,
            StatusCode::FORBIDDEN,
            instance,
            json!({"Forbidden": ["Forbidden"]}),
        ));
    }
    if d.deleted {
        return Err(problem(
            sim,
            StatusCode::GONE,
            instance,
            json!({"DialogEntity": [format!("Entity 'DialogEntity' with the following key(s) is removed: ({id}).")]}),
        ));
    }
    if strict && user.auth_level < d.auth_level {
        return Err(problem(
            sim,
            StatusCode::FORBIDDEN,
            instance,
            json!({"Forbidden": ["Altinn authentication level too low."]}),
        ));
    }
    let now = Utc::now();
    if let Some(v) = d.visible_from
        && v > now
    {
        let mut r = problem(
            sim,
            StatusCode::NOT_FOUND,
            instance,
            json!({"DialogEntity": [format!("Dialog is not visible until {}", v.format("%Y-%m-%dT%H:%M:%S"))]}),
        );
        r.headers_mut().insert(
            header::EXPIRES,
            HeaderValue::from_str(&v.format("%a, %d %b %Y %H:%M:%S GMT").to_string()).unwrap(),
        );
        return Err(r);
    }
    if let Some(e) = d.expires_at
        && e <= now
    {
        return Err(problem(
            sim,
            StatusCode::NOT_FOUND,
            instance,
            json!({"DialogEntity": [format!("Dialog expired at {}", ts(e))]}),
        ));
    }
    Ok(i)
}

fn new_uuid(sim: &Sim) -> Uuid {
    let u = sim.unique();
    let mut b = [0u8; 16];
    for (i, chunk) in u.as_bytes().chunks(2).take(16).enumerate() {
        b[i] = u8::from_str_radix(std::str::from_utf8(chunk).unwrap_or("0"), 16).unwrap_or(0);
    }
    uuid::Builder::from_random_bytes(b).into_uuid()
}

/// A dialog token (EdDSA JWT) for `d`, valid 10 minutes. Claims as in Dialogporten:
/// `c` (end user), `l` (auth level), `p` (party), `s` (service resource), `i` (dialog id),
/// `a` (authorized actions).
pub fn dialog_token(sim: &Sim, w: &World, user: &User, d: &Dialog) -> String {
    let now = Utc::now().timestamp();
    sim.dialog_keys.sign(&json!({
        "jti": new_uuid(sim),
        "c": format!("urn:altinn:person:identifier-no:{}", w.personas[user.persona].pid),
        "l": user.auth_level,
        "p": w.parties[d.party].urn,
        "s": d.service_resource,
        "i": d.id,
        "a": "read;write;delete",
        "iss": format!("{}/dialogporten/api/v1", sim.base),
        "iat": now,
        "nbf": now,
        "exp": now + DIALOG_TOKEN_TTL,
    }))
}

fn log_label(d: &mut Dialog, l: Label, action: &'static str, persona: usize) {
    d.label_log.push(LabelLog {
        at: Utc::now(),
        name: format!("systemlabel:{}", l.name()),
        action,
        persona,
    });
}

pub async fn get_dialog(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let instance = format!("{API_PREFIX}/dialogs/{id}");
    let mut w = sim.world.write().unwrap();
    let i = match find(&sim, &w, &user, &id, &instance, true) {
        Ok(i) => i,
        Err(r) => return r,
    };
    // side effects: seen-log entry, MarkedAsUnopened removed
    let seen_id = new_uuid(&sim);
    let eu_rev = new_uuid(&sim);
    {
        let d = &mut w.dialogs[i];
        d.seen.push(Seen {
            id: seen_id,
            at: Utc::now(),
            persona: user.persona,
        });
        if d.has(Label::MarkedAsUnopened) {
            d.labels.retain(|l| *l != Label::MarkedAsUnopened);
            log_label(d, Label::MarkedAsUnopened, "remove", user.persona);
            d.eu_revision = eu_rev;
        }
    }
    let w = std::sync::RwLockWriteGuard::downgrade(w);
    let d = &w.dialogs[i];
    let token = dialog_token(&sim, &w, &user, d);
    let body = views::details(&w, d, user.persona, &sim.base, &token);
    let mut r = json_ok(body, &headers);
    r.headers_mut().insert(
        header::ETAG,
        HeaderValue::from_str(&d.revision.to_string()).unwrap(),
    );
    r
}

macro_rules! with_dialog {
    ($sim:expr, $headers:expr, $id:expr, $suffix:expr, |$w:ident, $user:ident, $d:ident| $body:expr) => {{
        let $user = match authenticate(&$sim, &$headers) {
            Ok(u) => u,
            Err(r) => return r,
        };
        let instance = format!("{API_PREFIX}/dialogs/{}{}", $id, $suffix);
        let $w = $sim.world.read().unwrap();
        let i = match find(&$sim, &$w, &$user, &$id, &instance, false) {
            Ok(i) => i,
            Err(r) => return r,
        };
        let $d = &$w.dialogs[i];
        $body
    }};
}

pub async fn transmissions(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_dialog!(sim, headers, id, "/transmissions", |w, _user, d| {
        let x = views::extras(&w, d, &sim.base);
        json_ok(
            Value::Array(
                x.transmissions
                    .into_iter()
                    .map(views::transmission_item)
                    .collect(),
            ),
            &headers,
        )
    })
}

pub async fn transmission(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path((id, sub)): Path<(String, String)>,
) -> Response {
    with_dialog!(
        sim,
        headers,
        id,
        format!("/transmissions/{sub}"),
        |w, _user, d| {
            let x = views::extras(&w, d, &sim.base);
            match x
                .transmissions
                .into_iter()
                .find(|t| t["id"] == sub.as_str())
            {
                Some(t) => json_ok(views::transmission_item(t), &headers),
                None => problem(
                    &sim,
                    StatusCode::NOT_FOUND,
                    &format!("{API_PREFIX}/dialogs/{id}/transmissions/{sub}"),
                    json!({"DialogTransmission": [format!("Entity 'DialogTransmission' with the following key(s) was not found: ({sub}).")]}),
                ),
            }
        }
    )
}

pub async fn activities(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_dialog!(sim, headers, id, "/activities", |w, _user, d| {
        let x = views::extras(&w, d, &sim.base);
        json_ok(
            Value::Array(x.activities.into_iter().map(views::activity_item).collect()),
            &headers,
        )
    })
}

pub async fn activity(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path((id, sub)): Path<(String, String)>,
) -> Response {
    with_dialog!(
        sim,
        headers,
        id,
        format!("/activities/{sub}"),
        |w, _user, d| {
            let x = views::extras(&w, d, &sim.base);
            match x.activities.into_iter().find(|t| t["id"] == sub.as_str()) {
                Some(t) => json_ok(t, &headers),
                None => problem(
                    &sim,
                    StatusCode::NOT_FOUND,
                    &format!("{API_PREFIX}/dialogs/{id}/activities/{sub}"),
                    json!({"DialogActivity": [format!("Entity 'DialogActivity' with the following key(s) was not found: ({sub}).")]}),
                ),
            }
        }
    )
}

pub async fn seenlog(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_dialog!(sim, headers, id, "/seenlog", |w, user, d| json_ok(
        views::seenlog(&w, d, user.persona),
        &headers
    ))
}

pub async fn labellog(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_dialog!(
        sim,
        headers,
        id,
        "/context/labellog",
        |w, _user, d| json_ok(views::labellog(&w, d), &headers)
    )
}

// ---------------------------------------------------------------- labels

fn parse_labels(v: &Value, key: &str, e: &mut Errors) -> Vec<Label> {
    let mut out = Vec::new();
    if let Some(a) = v.get(key).and_then(Value::as_array) {
        for x in a {
            match x.as_str().and_then(Label::parse) {
                Some(Label::Sent) => e.add(
                    key_cap(key),
                    "'Sent' cannot be added or removed by end users.",
                ),
                Some(l) => out.push(l),
                None => e.add(
                    key_cap(key),
                    format!("The value {x} is not valid for SystemLabel."),
                ),
            }
        }
    }
    out
}

fn key_cap(k: &str) -> &'static str {
    match k {
        "addLabels" => "AddLabels",
        "removeLabels" => "RemoveLabels",
        _ => "SystemLabels",
    }
}

fn parse_label_body(body: &Value) -> Result<(Vec<Label>, Vec<Label>), Errors> {
    let mut e = Errors::default();
    let mut add = parse_labels(body, "addLabels", &mut e);
    add.extend(parse_labels(body, "systemLabels", &mut e));
    let remove = parse_labels(body, "removeLabels", &mut e);
    if add.iter().filter(|l| l.is_folder()).count() > 1 {
        e.add(
            "AddLabels",
            "Only one of Default, Bin and Archive can be added.",
        );
    }
    if add.iter().any(|l| remove.contains(l)) {
        e.add("AddLabels", "A label cannot be both added and removed.");
    }
    if e.0.is_empty() {
        Ok((add, remove))
    } else {
        Err(e)
    }
}

/// Applies label changes with Dialogporten's rules and logs them.
fn apply_labels(d: &mut Dialog, add: &[Label], remove: &[Label], persona: usize, new_rev: Uuid) {
    for &l in remove {
        if d.has(l) {
            d.labels.retain(|x| *x != l);
            log_label(d, l, "remove", persona);
        }
    }
    for &l in add {
        if l.is_folder() {
            let others: Vec<Label> = d
                .labels
                .iter()
                .copied()
                .filter(|x| x.is_folder() && *x != l)
                .collect();
            for o in others {
                d.labels.retain(|x| *x != o);
                log_label(d, o, "remove", persona);
            }
        }
        if !d.has(l) {
            d.labels.push(l);
            log_label(d, l, "set", persona);
        }
    }
    if !d.labels.iter().any(|l| l.is_folder()) {
        d.labels.push(Label::Default);
        log_label(d, Label::Default, "set", persona);
    }
    d.eu_revision = new_rev;
}

fn if_match(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(|s| {
            s.trim()
                .trim_start_matches("W/")
                .trim_matches('"')
                .to_owned()
        })
}

pub async fn set_labels(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let instance = format!("{API_PREFIX}/dialogs/{id}/context/systemlabels");
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return problem(
            &sim,
            StatusCode::BAD_REQUEST,
            &instance,
            json!({"body": ["The request body is not valid JSON."]}),
        );
    };
    let (add, remove) = match parse_label_body(&body) {
        Ok(x) => x,
        Err(e) => return problem(&sim, StatusCode::BAD_REQUEST, &instance, e.to_json()),
    };
    let mut w = sim.world.write().unwrap();
    let i = match find(&sim, &w, &user, &id, &instance, false) {
        Ok(i) => i,
        Err(r) => return r,
    };
    if let Some(rev) = if_match(&headers)
        && rev != "*"
        && Uuid::parse_str(&rev).ok() != Some(w.dialogs[i].eu_revision)
    {
        return problem(
            &sim,
            StatusCode::PRECONDITION_FAILED,
            &instance,
            json!({"IfMatchEndUserContextRevision": [format!("The supplied revision ({rev}) does not match the current revision of the end user context.")]}),
        );
    }
    let rev = new_uuid(&sim);
    apply_labels(&mut w.dialogs[i], &add, &remove, user.persona, rev);
    let mut r = StatusCode::NO_CONTENT.into_response();
    r.headers_mut().insert(
        header::ETAG,
        HeaderValue::from_str(&rev.to_string()).unwrap(),
    );
    r
}

pub async fn bulk_set(State(sim): State<Arc<Sim>>, headers: HeaderMap, body: Bytes) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let instance = format!("{API_PREFIX}/dialogs/context/systemlabels/actions/bulkset");
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return problem(
            &sim,
            StatusCode::BAD_REQUEST,
            &instance,
            json!({"body": ["The request body is not valid JSON."]}),
        );
    };
    let (add, remove) = match parse_label_body(&body) {
        Ok(x) => x,
        Err(e) => return problem(&sim, StatusCode::BAD_REQUEST, &instance, e.to_json()),
    };
    let dialogs = body
        .get("dialogs")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if dialogs.is_empty() || dialogs.len() > 100 {
        return problem(
            &sim,
            StatusCode::BAD_REQUEST,
            &instance,
            json!({"Dialogs": ["'Dialogs' must contain between 1 and 100 items."]}),
        );
    }
    let mut targets = Vec::new();
    for d in &dialogs {
        let Some(id) = d.get("dialogId").and_then(Value::as_str) else {
            return problem(
                &sim,
                StatusCode::BAD_REQUEST,
                &instance,
                json!({"Dialogs": ["'DialogId' must not be empty."]}),
            );
        };
        let rev = d
            .get("endUserContextRevision")
            .and_then(Value::as_str)
            .map(str::to_owned);
        targets.push((id.to_owned(), rev));
    }
    let mut w = sim.world.write().unwrap();
    let mut idx = Vec::new();
    for (id, rev) in &targets {
        let i = match find(&sim, &w, &user, id, &instance, false) {
            Ok(i) => i,
            Err(r) => return r,
        };
        if let Some(rev) = rev
            && Uuid::parse_str(rev).ok() != Some(w.dialogs[i].eu_revision)
        {
            return problem(
                &sim,
                StatusCode::PRECONDITION_FAILED,
                &instance,
                json!({"EndUserContextRevision": [format!("The supplied revision ({rev}) for dialog {id} does not match the current revision.")]}),
            );
        }
        idx.push(i);
    }
    for i in idx {
        let rev = new_uuid(&sim);
        apply_labels(&mut w.dialogs[i], &add, &remove, user.persona, rev);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Verifies a dialog token from `Authorization: Bearer` for dialog `id`:
/// Err(401) without a valid token, Err(403) for a token of another dialog.
pub fn check_dialog_token(sim: &Sim, headers: &HeaderMap, id: &str) -> Result<Value, StatusCode> {
    let t = bearer(headers).ok_or(StatusCode::UNAUTHORIZED)?;
    let claims = sim
        .dialog_keys
        .verify(t, Utc::now().timestamp())
        .map_err(|_| StatusCode::UNAUTHORIZED)?;
    if claims["i"].as_str().map(str::to_ascii_lowercase) != Some(id.to_ascii_lowercase()) {
        return Err(StatusCode::FORBIDDEN);
    }
    Ok(claims)
}

pub(crate) fn mark_deleted(sim: &Sim, id: &str) -> bool {
    let mut w = sim.world.write().unwrap();
    let Some(&i) = Uuid::parse_str(id).ok().and_then(|u| w.by_id.get(&u)) else {
        return false;
    };
    let rev = new_uuid(sim);
    let d = &mut w.dialogs[i];
    d.deleted = true;
    d.revision = rev;
    true
}
