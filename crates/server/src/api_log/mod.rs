//! The developer API log: which upstream calls (Dialogporten, Notifications, service owners'
//! URLs) each request of a session caused, for `GET /api/dev/api-log?page=N`.
//!
//! A handler gets an [`UpstreamLog`] for its request (`dialog_access::Caller::log`, or
//! [`UpstreamLog::for_request`]) and sends its upstream requests through
//! [`UpstreamLog::send`], which times them and records method, masked URL ([`mask`]),
//! status or failure and, for an error answer, its masked problem body. Authorization
//! headers and the bodies of successful calls are never looked at. Each entry carries the
//! page the portal named in `X-Portal-Page`. Behind a trait (the Notifications client), the
//! handle travels as a task-local: [`UpstreamLog::scope`] and [`UpstreamLog::current`].
//! `PORTAL_API_LOG` ([`settings`]) turns it all off: nothing is recorded and the route
//! answers 404.

pub mod mask;
pub mod recorder;
pub mod settings;

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use portal_api::api_log::{ApiLog, ApiLogEntry, Failure, PAGE_HEADER, Upstream};

use crate::AppState;
use crate::auth::session_cookie;
use crate::error::{AppError, Json};
use crate::store::hash_key;
pub use recorder::Recorder;

/// Bytes of an error answer read (and handed on) at most.
pub const ERROR_BODY_LIMIT: usize = crate::proxy::BODY_LIMIT;

/// Where a request's upstream calls are recorded: its session and page. Cheap to clone.
#[derive(Clone, Default)]
pub struct UpstreamLog {
    target: Option<Arc<Target>>,
}

struct Target {
    recorder: Arc<Recorder>,
    /// The session as the server keys it in memory (a hash of the cookie).
    session_key: String,
    page: Option<u64>,
}

impl std::fmt::Debug for UpstreamLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpstreamLog")
            .field("on", &self.target.is_some())
            .field("page", &self.target.as_ref().and_then(|t| t.page))
            .finish()
    }
}

tokio::task_local! {
    static CURRENT: UpstreamLog;
}

/// The page a request names (`X-Portal-Page`), if it is a number.
pub fn page_of(headers: &HeaderMap) -> Option<u64> {
    headers.get(PAGE_HEADER)?.to_str().ok()?.trim().parse().ok()
}

impl UpstreamLog {
    /// A log that records nothing.
    pub fn off() -> UpstreamLog {
        UpstreamLog::default()
    }

    /// The log of the request's session (by its cookie) and page; off when the API log is
    /// turned off or there is no session cookie.
    pub fn for_request(state: &AppState, headers: &HeaderMap) -> UpstreamLog {
        match session_cookie(headers) {
            Some(cookie) if state.api_log.enabled() => UpstreamLog {
                target: Some(Arc::new(Target {
                    recorder: state.api_log.clone(),
                    session_key: hash_key(&cookie),
                    page: page_of(headers),
                })),
            },
            _ => UpstreamLog::off(),
        }
    }

    /// Runs `future` with this log as [`UpstreamLog::current`].
    pub fn scope<F: Future>(&self, future: F) -> impl Future<Output = F::Output> + use<F> {
        CURRENT.scope(self.clone(), future)
    }

    /// The log of the enclosing [`UpstreamLog::scope`], else one that records nothing.
    pub fn current() -> UpstreamLog {
        CURRENT.try_with(Clone::clone).unwrap_or_default()
    }

    /// Sends `request` and records the call. An error answer's body is read here (at most
    /// [`ERROR_BODY_LIMIT`] bytes) and handed on in the returned response.
    pub async fn send(
        &self,
        upstream: Upstream,
        request: reqwest::RequestBuilder,
    ) -> reqwest::Result<reqwest::Response> {
        let Some(target) = &self.target else {
            return request.send().await;
        };
        let (client, request) = request.build_split();
        let request = request?;
        let mut entry = ApiLogEntry {
            seq: 0,
            page: target.page,
            at: chrono::Utc::now(),
            upstream,
            method: request.method().to_string(),
            url: mask::mask_url(request.url()),
            status: None,
            failure: None,
            duration_ms: 0,
            problem: None,
            problem_truncated: false,
        };
        let started = Instant::now();
        let result = client.execute(request).await;
        entry.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let response = match result {
            Ok(r) => r,
            Err(e) => {
                entry.failure = Some(if e.is_timeout() {
                    Failure::Timeout
                } else {
                    Failure::Connection
                });
                target.recorder.record(&target.session_key, entry);
                return Err(e);
            }
        };
        entry.status = Some(response.status().as_u16());
        if response.status().as_u16() < 400 {
            target.recorder.record(&target.session_key, entry);
            return Ok(response);
        }
        let buffered = buffer(response).await;
        if let Ok((_, body)) = &buffered
            && let Some((problem, cut)) = mask::mask_problem(body)
        {
            entry.problem = Some(problem);
            entry.problem_truncated = cut;
        }
        target.recorder.record(&target.session_key, entry);
        buffered.map(|(response, _)| response)
    }
}

/// Reads an (error) answer's body, up to [`ERROR_BODY_LIMIT`] bytes, and rebuilds the
/// answer around it.
async fn buffer(mut response: reqwest::Response) -> reqwest::Result<(reqwest::Response, Vec<u8>)> {
    let status = response.status();
    let version = response.version();
    let mut headers = response.headers().clone();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = ERROR_BODY_LIMIT - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() >= ERROR_BODY_LIMIT {
            break;
        }
    }
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::TRANSFER_ENCODING);
    let mut rebuilt = axum::http::Response::new(body.clone());
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok((reqwest::Response::from(rebuilt), body))
}

/// `GET /api/dev/api-log?page=N`: this session's calls, newest first (all pages without
/// `page`); 401 without a session, 404 when the log is off, 400 for a bad `page`.
pub async fn route(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if !state.api_log.enabled() {
        return Err(AppError::NotFound);
    }
    let caller = crate::dialog_access::caller(&state, &headers).await?;
    let mut page = None;
    for (name, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        if name == "page" {
            page = Some(value.trim().parse::<u64>().map_err(|_| {
                AppError::BadRequest("page must be a whole number of at least 0".into())
            })?);
        }
    }
    let entries = state.api_log.entries(&caller.key, page);
    let mut response = Json(ApiLog { entries }).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
