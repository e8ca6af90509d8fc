//! Helpers shared by the integration tests: configurations, a served app on an
//! ephemeral port, a fake Dialogporten, and request/response shortcuts.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use http_body_util::BodyExt;
use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, now_unix};

/// Settings for a non-local configuration whose providers are never reached.
pub fn custom_settings(dist: &Path, db: &Path, dialogporten: &str) -> HashMap<String, String> {
    [
        ("env", "custom"),
        ("public_url", "http://127.0.0.1:8080"),
        ("oidc_issuer", "http://127.0.0.1:9/idporten"),
        ("oidc_client_id", "portal-test"),
        ("oidc_client_secret", "secret"),
        ("dialogporten_url", dialogporten),
        ("dist_dir", dist.to_str().unwrap()),
        ("database", db.to_str().unwrap()),
        ("upstream_timeout_seconds", "0.5"),
        (
            "notifications_url",
            "http://127.0.0.1:9/notifications/api/v1",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// A temporary directory with `dist/index.html` and one hashed asset.
pub fn temp_dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Portal</title><p>portal index</p>",
    )
    .unwrap();
    std::fs::write(dist.join("portal-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    dir
}

/// A state over a temporary dist and database, with Dialogporten at `dialogporten`.
pub fn test_state(dir: &tempfile::TempDir, dialogporten: &str) -> AppState {
    let settings = custom_settings(
        &dir.path().join("dist"),
        &dir.path().join("data/portal.sqlite3"),
        dialogporten,
    );
    AppState::open(Config::from_settings(&settings).unwrap()).unwrap()
}

/// Stores a session with `token` and returns its cookie header value.
pub async fn login_directly(state: &AppState, token: &str) -> String {
    let id = format!("test-session-{token}");
    let now = now_unix();
    let session = Session {
        access_token: token.to_owned(),
        pid: Some("12345678901".into()),
        name: Some("Test Person".into()),
        subject: "sub".into(),
        created_at: now,
        expires_at: now + 600,
    };
    state.sessions.insert_session(&id, &session).await.unwrap();
    format!("portal_session={id}")
}

/// Serves `router` on 127.0.0.1 at an ephemeral port.
pub async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    addr
}

/// A fake Dialogporten: echoes what it received as JSON, with an ETag;
/// `/api/v1/enduser/slow` answers after 2 s, `/api/v1/enduser/unauthorized` is a 401.
pub async fn fake_dialogporten() -> String {
    async fn echo(request: Request) -> Response {
        let path = request.uri().path().to_owned();
        if path.ends_with("/slow") {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
        if path.ends_with("/unauthorized") {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        let (parts, body) = request.into_parts();
        let header = |name: &str| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let body = body.collect().await.unwrap().to_bytes();
        let echo = serde_json::json!({
            "method": parts.method.as_str(),
            "path": path,
            "query": parts.uri.query(),
            "authorization": header("authorization"),
            "acceptLanguage": header("accept-language"),
            "ifMatch": header("if-match"),
            "cookie": header("cookie"),
            "body": String::from_utf8_lossy(&body),
        });
        let status = if parts.method == axum::http::Method::PUT {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        let mut response = (status, axum::Json(echo)).into_response();
        let h = response.headers_mut();
        h.insert("etag", "\"rev-1\"".parse().unwrap());
        h.insert("connection", "close".parse().unwrap());
        h.insert("x-internal", "secret".parse().unwrap());
        response
    }
    let addr = serve(Router::new().fallback(any(echo))).await;
    format!("http://{addr}/dialogporten")
}

/// Body of a oneshot response as text.
pub async fn text(response: Response) -> (StatusCode, HeaderMap, String) {
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// A GET request with optional cookie.
pub fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().uri(uri);
    if let Some(c) = cookie {
        b = b.header("cookie", c);
    }
    b.body(Body::empty()).unwrap()
}

/// Everything logged by every test of a test binary: one global subscriber, set by the first
/// test that asks. (Thread-local subscribers race with other test threads over tracing's
/// callsite interest cache, so a thread-local capture can miss lines.)
#[derive(Clone, Default)]
#[allow(dead_code)]
pub struct LogBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

#[allow(dead_code)]
impl LogBuffer {
    /// What was logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The binary's log capture (installs the global subscriber, all levels, on first use).
#[allow(dead_code)]
pub fn global_logs() -> &'static LogBuffer {
    static LOGS: std::sync::OnceLock<LogBuffer> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = LogBuffer::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        logs
    })
}
