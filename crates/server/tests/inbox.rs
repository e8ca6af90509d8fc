//! The inbox routes against the real simulator on an ephemeral port (the server reaches it
//! over HTTP): dialog tokens never reach the browser, dialog content rendered inert,
//! GUI actions performed server-side. Edge cases use a small fake Dialogporten.

mod common;

use std::sync::{Arc, Mutex};

use altinn_sim::{Sim, SimConfig};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get as route_get};
use common::*;
use portal_api::content::{Block, Inline, RenderedContent};
use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use serde_json::{Value, json};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:8080";

/// A simulator served on 127.0.0.1 with its public URL set to where it listens.
async fn start_sim() -> (Arc<Sim>, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let sim = Arc::new(Sim::new(SimConfig {
        public_base_url: base.clone(),
        ..SimConfig::default()
    }));
    let router = altinn_sim::router_with(sim.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (sim, base)
}

/// A portal state (custom environment) over `dialogporten`, with a 2 s upstream timeout.
fn state_for(dir: &tempfile::TempDir, dialogporten: &str) -> AppState {
    let mut settings = custom_settings(
        &dir.path().join("dist"),
        &dir.path().join("portal.sqlite3"),
        dialogporten,
    );
    settings.insert("upstream_timeout_seconds".into(), "2".into());
    AppState::open(Config::from_settings(&settings).unwrap()).unwrap()
}

/// Stores a session for `pid` holding `access_token`; returns the cookie.
async fn session_for(state: &AppState, pid: &str, access_token: &str) -> String {
    let id = format!("session-{pid}-{}", now_unix());
    let now = now_unix();
    let session = Session {
        access_token: access_token.to_owned(),
        pid: Some(pid.to_owned()),
        name: Some("Test".into()),
        subject: format!("sub-{pid}"),
        created_at: now,
        expires_at: now + 600,
    };
    state.sessions.insert_session(&id, &session).await.unwrap();
    format!("portal_session={id}")
}

async fn call(state: &AppState, request: Request<Body>) -> (StatusCode, String) {
    let (status, _, body) = text(app(state.clone()).oneshot(request).await.unwrap()).await;
    // No /api answer ever carries a dialog token.
    assert!(!body.contains("dialogToken"), "{body}");
    (status, body)
}

fn post(uri: &str, cookie: &str, origin: Option<&str>) -> Request<Body> {
    let mut b = Request::builder()
        .method("POST")
        .uri(uri)
        .header("cookie", cookie);
    if let Some(o) = origin {
        b = b.header("origin", o);
    }
    b.body(Body::empty()).unwrap()
}

struct SimPortal {
    sim: Arc<Sim>,
    sim_base: String,
    state: AppState,
    cookie: String,
    token: String,
    _dir: tempfile::TempDir,
}

async fn sim_portal() -> SimPortal {
    let (sim, sim_base) = start_sim().await;
    let dir = temp_dist();
    let state = state_for(&dir, &format!("{sim_base}/dialogporten"));
    let pid = sim.personas()[0].pid.clone();
    let token = sim.access_token_for(&pid, "portal-local").unwrap();
    let cookie = session_for(&state, &pid, &token).await;
    SimPortal {
        sim,
        sim_base,
        state,
        cookie,
        token,
        _dir: dir,
    }
}

impl SimPortal {
    /// A dialog's details straight from the simulator (the test plays Dialogporten's client).
    async fn details_direct(&self, id: &str) -> Value {
        reqwest::Client::new()
            .get(format!(
                "{}/dialogporten/api/v1/enduser/dialogs/{id}",
                self.sim_base
            ))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Ids of the persona's dialogs (first page of the default search on their own party).
    async fn dialog_ids(&self) -> Vec<String> {
        let parties: Value = reqwest::Client::new()
            .get(format!(
                "{}/dialogporten/api/v1/enduser/parties",
                self.sim_base
            ))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let party = parties["authorizedParties"][0]["party"].as_str().unwrap();
        let page: Value = reqwest::Client::new()
            .get(format!(
                "{}/dialogporten/api/v1/enduser/dialogs",
                self.sim_base
            ))
            .query(&[("party", party), ("limit", "200")])
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect()
    }
}

fn all_text(blocks: &[Block]) -> String {
    serde_json::to_string(blocks).unwrap()
}

fn has_link(blocks: &[Block], prefix: &str) -> bool {
    let json = serde_json::to_value(blocks).unwrap();
    fn walk(v: &Value, prefix: &str) -> bool {
        match v {
            Value::Object(m) => {
                m.get("link")
                    .is_some_and(|link| link["href"].as_str().unwrap().starts_with(prefix))
                    || m.values().any(|x| walk(x, prefix))
            }
            Value::Array(a) => a.iter().any(|x| walk(x, prefix)),
            _ => false,
        }
    }
    walk(&json, prefix)
}

#[tokio::test]
async fn dialog_token_is_stripped_and_the_content_rendered_inert() {
    let p = sim_portal().await;
    let id = p.sim.fixtures().with_script_content.to_string();

    // Details through the proxy: no token, the rest intact.
    let (status, body) = call(
        &p.state,
        get(
            &format!("/api/dialogporten/api/v1/enduser/dialogs/{id}"),
            Some(&p.cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let details: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(details["id"], id.as_str());
    assert!(details.get("dialogToken").is_none());
    assert!(details["content"]["mainContentReference"].is_object());
    assert!(!body.contains("eyJ"), "something JWT-like leaked: {body}");
    assert_eq!(p.state.dialog_grants.len(), 1);

    // Main content with the kept token: script, img and javascript: link stay inert.
    let (status, body) = call(
        &p.state,
        get(
            &format!("/api/dialogs/{id}/content?ref=main"),
            Some(&p.cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let content: RenderedContent = serde_json::from_str(&body).unwrap();
    assert_eq!(content.media_type, "text/markdown");
    assert!(matches!(content.blocks[0], Block::Heading { level: 1, .. }));
    let text = all_text(&content.blocks);
    assert!(text.contains("<script>alert('xss fra dialoginnhold')</script>"));
    assert!(text.contains("onerror"));
    assert!(!has_link(&content.blocks, "javascript:"));
    assert!(has_link(&content.blocks, "https://"));
    assert!(content.blocks.iter().any(|b| matches!(
        b,
        Block::Paragraph { inlines } if matches!(&inlines[..], [Inline::Text { text }] if text.starts_with("<script>"))
    )));
}

#[tokio::test]
async fn transmission_content_and_unknown_refs() {
    let p = sim_portal().await;
    // A dialog with a transmission that has content.
    let mut found = None;
    for id in p.dialog_ids().await {
        let d = p.details_direct(&id).await;
        if let Some(t) = d["transmissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["content"].get("contentReference").is_some())
        {
            found = Some((id, t["id"].as_str().unwrap().to_owned()));
            break;
        }
    }
    let (id, tid) = found.expect("the simulator seeds transmissions with content");

    // No details fetched through the proxy first: the server fetches the dialog itself.
    let (status, body) = call(
        &p.state,
        get(
            &format!("/api/dialogs/{id}/content?ref=transmission:{tid}"),
            Some(&p.cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let content: RenderedContent = serde_json::from_str(&body).unwrap();
    assert!(matches!(content.blocks[0], Block::Heading { level: 2, .. }));

    let unknown = uuid::Uuid::from_u128(42);
    for (uri, expected) in [
        (
            format!("/api/dialogs/{id}/content?ref=transmission:{unknown}"),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/api/dialogs/{unknown}/content?ref=main"),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/api/dialogs/{id}/content?ref=attachment:x"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/dialogs/not-a-uuid/content?ref=main".to_owned(),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let (status, body) = call(&p.state, get(&uri, Some(&p.cookie))).await;
        assert_eq!(status, expected, "{uri}: {body}");
        assert!(body.contains("\"status\""), "problem body: {body}");
    }
    // Without a session.
    let (status, _) = call(
        &p.state,
        get(&format!("/api/dialogs/{id}/content?ref=main"), None),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Dialogporten's own refusals pass through: deleted (410), not visible yet (404).
    let f = p.sim.fixtures();
    for (dialog, expected) in [
        (f.deleted, StatusCode::GONE),
        (f.not_visible_yet, StatusCode::NOT_FOUND),
    ] {
        let (status, body) = call(
            &p.state,
            get(
                &format!("/api/dialogs/{dialog}/content?ref=main"),
                Some(&p.cookie),
            ),
        )
        .await;
        assert_eq!(status, expected, "{body}");
    }
}

#[tokio::test]
async fn a_simulator_action_is_performed_with_the_dialog_token() {
    let p = sim_portal().await;
    let mut found = None;
    for id in p.dialog_ids().await {
        let d = p.details_direct(&id).await;
        if let Some(a) = d["guiActions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["httpMethod"] == "POST" && a["isAuthorized"] == true)
        {
            found = Some((id, a["id"].as_str().unwrap().to_owned()));
            break;
        }
    }
    let (id, action) = found.expect("the simulator seeds POST actions");
    let uri = format!("/api/dialogs/{id}/actions/{action}");
    let (status, body) = call(&p.state, post(&uri, &p.cookie, Some(ORIGIN))).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = call(&p.state, post(&uri, &p.cookie, None)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "Origin check");
}

// ------------------------------------------------------------------ fake Dialogporten

/// What the fake saw.
#[derive(Default)]
struct Seen {
    dialog_fetches: usize,
    /// (method, path, authorization) of calls to content and action URLs.
    calls: Vec<(String, String, String)>,
}

type Shared = Arc<Mutex<Seen>>;

const DIALOG: &str = "0194a3c0-0000-7000-8000-000000000001";
const OK_ACTION: &str = "0194a3c0-0000-7000-8000-0000000000a1";
const UNAUTHORIZED_ACTION: &str = "0194a3c0-0000-7000-8000-0000000000a2";
const GET_ACTION: &str = "0194a3c0-0000-7000-8000-0000000000a3";
const FAILING_ACTION: &str = "0194a3c0-0000-7000-8000-0000000000a4";
const T_PLAIN: &str = "0194a3c0-0000-7000-8000-0000000000b1";
const T_HTML: &str = "0194a3c0-0000-7000-8000-0000000000b2";
const T_401: &str = "0194a3c0-0000-7000-8000-0000000000b3";
const T_BIG: &str = "0194a3c0-0000-7000-8000-0000000000b4";

fn embed(kind: &str) -> String {
    format!("application/vnd.dialogporten.frontchannelembed-url;type={kind}")
}

fn fake_dialog(base: &str, n: usize) -> Value {
    let cv = |url: String, media: String| json!({"value": [{"value": url, "languageCode": "nb"}], "mediaType": media});
    let tx = |id: &str, url: &str, media: String| {
        json!({"id": id, "createdAt": "2026-01-01T00:00:00Z", "type": "Information", "isAuthorized": true,
               "sender": {"actorType": "ServiceOwner"},
               "content": {"title": cv("t".into(), "text/plain".into()), "contentReference": cv(format!("{base}{url}"), media)}})
    };
    let action = |id: &str, method: &str, url: String, authorized: bool| {
        json!({"id": id, "action": "write", "url": url, "isAuthorized": authorized, "priority": "Secondary",
               "httpMethod": method, "title": [{"value": "x", "languageCode": "nb"}]})
    };
    json!({
        "id": DIALOG,
        "party": "urn:altinn:person:identifier-no:08844397713",
        "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
        "contentUpdatedAt": "2026-01-01T00:00:00Z", "status": "InProgress",
        "dialogToken": format!("dialog-token-{n}"),
        "content": {"title": cv("Title".into(), "text/plain".into()),
                    "mainContentReference": cv(format!("{base}/embed/main.md"), embed("text/markdown"))},
        "transmissions": [
            tx(T_PLAIN, "/embed/plain.txt", embed("text/plain")),
            tx(T_HTML, "/embed/page.html", "text/html".into()),
            tx(T_401, "/embed/401", embed("text/markdown")),
            tx(T_BIG, "/embed/big", embed("text/markdown")),
        ],
        "guiActions": [
            action(OK_ACTION, "POST", format!("{base}/act/ok"), true),
            action(UNAUTHORIZED_ACTION, "POST", "urn:dialogporten:unauthorized".into(), false),
            action(GET_ACTION, "GET", format!("{base}/act/link"), true),
            action(FAILING_ACTION, "DELETE", format!("{base}/act/conflict"), true),
        ],
    })
}

async fn fake_upstream() -> (String, Shared) {
    let seen: Shared = Arc::default();
    async fn dialog(
        State((seen, base)): State<(Shared, Arc<Mutex<String>>)>,
        Path(id): Path<String>,
    ) -> Response {
        if id != DIALOG {
            return (
                StatusCode::NOT_FOUND,
                [("content-type", "application/problem+json")],
                r#"{"title":"Resource not found.","status":404}"#,
            )
                .into_response();
        }
        let n = {
            let mut s = seen.lock().unwrap();
            s.dialog_fetches += 1;
            s.dialog_fetches
        };
        let base = base.lock().unwrap().clone();
        axum::Json(fake_dialog(&base, n)).into_response()
    }
    async fn service(
        State((seen, _)): State<(Shared, Arc<Mutex<String>>)>,
        headers: HeaderMap,
        request: Request,
    ) -> Response {
        let path = request.uri().path().to_owned();
        let auth = headers
            .get("authorization")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        seen.lock()
            .unwrap()
            .calls
            .push((request.method().to_string(), path.clone(), auth));
        match path.as_str() {
            "/embed/main.md" => "# Hei\n\n<b>fet</b> [x](javascript:y)".into_response(),
            "/embed/plain.txt" => "line 1\nline 2".into_response(),
            "/embed/401" => StatusCode::UNAUTHORIZED.into_response(),
            "/embed/big" => "x".repeat(600 * 1024).into_response(),
            "/act/ok" => StatusCode::NO_CONTENT.into_response(),
            "/dialogporten/api/v1/enduser/odd" => axum::Json(json!({
                "items": [{"id": 1, "dialogToken": "nested-secret"}],
                "DialogToken": "cased-secret",
                "kept": true,
            }))
            .into_response(),
            "/dialogporten/api/v1/enduser/not-json" => "dialogToken: raw-secret".into_response(),
            "/act/conflict" => StatusCode::CONFLICT.into_response(),
            _ => StatusCode::NOT_FOUND.into_response(),
        }
    }
    let base = Arc::new(Mutex::new(String::new()));
    let router = Router::new()
        .route(
            "/dialogporten/api/v1/enduser/dialogs/{id}",
            route_get(dialog),
        )
        .fallback(any(service))
        .with_state((seen.clone(), base.clone()));
    let addr = serve(router).await;
    *base.lock().unwrap() = format!("http://{addr}");
    (format!("http://{addr}"), seen)
}

async fn fake_portal() -> (AppState, String, Shared, tempfile::TempDir) {
    let (base, seen) = fake_upstream().await;
    let dir = temp_dist();
    let state = state_for(&dir, &format!("{base}/dialogporten"));
    let cookie = session_for(&state, "08844397713", "access-token").await;
    (state, cookie, seen, dir)
}

#[tokio::test]
async fn content_edge_cases() {
    let (state, cookie, seen, _dir) = fake_portal().await;
    let content = |r: &str| {
        get(
            &format!("/api/dialogs/{DIALOG}/content?ref={r}"),
            Some(&cookie),
        )
    };

    let (status, body) = call(&state, content("main")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let c: RenderedContent = serde_json::from_str(&body).unwrap();
    assert!(!has_link(&c.blocks, "javascript"));
    assert!(all_text(&c.blocks).contains("<b>fet</b>"));
    {
        let s = seen.lock().unwrap();
        assert_eq!(s.dialog_fetches, 1);
        assert_eq!(
            s.calls[0],
            (
                "GET".to_owned(),
                "/embed/main.md".to_owned(),
                "Bearer dialog-token-1".to_owned()
            )
        );
    }

    // The grant is reused: no new dialog fetch.
    let (status, body) = call(&state, content(&format!("transmission:{T_PLAIN}"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let c: RenderedContent = serde_json::from_str(&body).unwrap();
    assert_eq!(c.media_type, "text/plain");
    assert_eq!(
        c.blocks,
        [Block::Paragraph {
            inlines: vec![
                Inline::Text {
                    text: "line 1".into()
                },
                Inline::LineBreak,
                Inline::Text {
                    text: "line 2".into()
                }
            ]
        }]
    );
    assert_eq!(seen.lock().unwrap().dialog_fetches, 1);

    // Not an embed: refused without fetching.
    let calls_before = seen.lock().unwrap().calls.len();
    let (status, body) = call(&state, content(&format!("transmission:{T_HTML}"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("unsupported-content"));
    assert_eq!(seen.lock().unwrap().calls.len(), calls_before);

    // The service refuses the token: one retry with a fresh token, then 502.
    let (status, body) = call(&state, content(&format!("transmission:{T_401}"))).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert!(body.contains("upstream-rejected-token"));
    {
        let s = seen.lock().unwrap();
        let auths: Vec<_> = s
            .calls
            .iter()
            .filter(|c| c.1 == "/embed/401")
            .map(|c| c.2.as_str())
            .collect();
        assert_eq!(auths, ["Bearer dialog-token-1", "Bearer dialog-token-2"]);
    }

    // Too large.
    let (status, body) = call(&state, content(&format!("transmission:{T_BIG}"))).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert!(body.contains("content-too-large"));

    // Dialogporten's 404 is passed on.
    let (status, body) = call(
        &state,
        get(
            "/api/dialogs/0194a3c0-0000-7000-8000-00000000ffff/content?ref=main",
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
}

#[tokio::test]
async fn actions_are_checked_and_performed() {
    let (state, cookie, seen, _dir) = fake_portal().await;
    let uri = |a: &str| format!("/api/dialogs/{DIALOG}/actions/{a}");

    let (status, body) = call(&state, post(&uri(OK_ACTION), &cookie, Some(ORIGIN))).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert!(seen.lock().unwrap().calls.contains(&(
        "POST".into(),
        "/act/ok".into(),
        "Bearer dialog-token-1".into()
    )));

    let problem = |body: &str| serde_json::from_str::<Value>(body).unwrap();
    let (status, body) = call(
        &state,
        post(&uri(UNAUTHORIZED_ACTION), &cookie, Some(ORIGIN)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(problem(&body)["code"], "action-unauthorized");

    let (status, body) = call(&state, post(&uri(GET_ACTION), &cookie, Some(ORIGIN))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(problem(&body)["code"], "action-is-link");

    let (status, body) = call(
        &state,
        post(
            &uri("0194a3c0-0000-7000-8000-0000000000ff"),
            &cookie,
            Some(ORIGIN),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    let (status, body) = call(&state, post(&uri(FAILING_ACTION), &cookie, Some(ORIGIN))).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(problem(&body)["code"], "upstream-refused");
    assert!(seen.lock().unwrap().calls.iter().any(|c| c.0 == "DELETE"));

    // Cross-origin and sessionless requests never reach the service.
    let before = seen.lock().unwrap().calls.len();
    let (status, body) = call(
        &state,
        post(&uri(OK_ACTION), &cookie, Some("https://evil.example")),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(problem(&body)["code"], "cross-origin");
    let (status, _) = call(&state, post(&uri(OK_ACTION), "x=1", Some(ORIGIN))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(seen.lock().unwrap().calls.len(), before);
}

#[tokio::test]
async fn grants_are_per_session() {
    let (state, cookie, seen, _dir) = fake_portal().await;
    let other = session_for(&state, "12345678901", "other-token").await;
    assert_ne!(cookie, other);
    for c in [&cookie, &other] {
        let (status, _) = call(
            &state,
            get(&format!("/api/dialogs/{DIALOG}/content?ref=main"), Some(c)),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    // Each session fetched the dialog (and so got its own token) once.
    assert_eq!(seen.lock().unwrap().dialog_fetches, 2);
}

#[tokio::test]
async fn proxy_strips_the_token_and_the_routes_reuse_it() {
    let (state, cookie, seen, _dir) = fake_portal().await;
    let (status, body) = call(
        &state,
        get(
            &format!("/api/dialogporten/api/v1/enduser/dialogs/{DIALOG}"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let details: Value = serde_json::from_str(&body).unwrap();
    assert!(details.get("dialogToken").is_none());
    assert_eq!(details["guiActions"].as_array().unwrap().len(), 4);
    assert!(!body.contains("dialog-token-"));
    assert_eq!(seen.lock().unwrap().dialog_fetches, 1);

    // The content and action routes use the token the proxy kept.
    let (status, _) = call(
        &state,
        get(
            &format!("/api/dialogs/{DIALOG}/content?ref=main"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        &state,
        post(
            &format!("/api/dialogs/{DIALOG}/actions/{OK_ACTION}"),
            &cookie,
            Some(ORIGIN),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    {
        let s = seen.lock().unwrap();
        assert_eq!(s.dialog_fetches, 1);
        assert!(s.calls.iter().all(|c| c.2 == "Bearer dialog-token-1"));
    }

    // Tokens anywhere in any proxied body are removed; a non-JSON body with one is refused.
    let (status, body) = call(
        &state,
        get("/api/dialogporten/api/v1/enduser/odd", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(!body.contains("secret"), "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({"items": [{"id": 1}], "kept": true})
    );
    let (status, body) = call(
        &state,
        get("/api/dialogporten/api/v1/enduser/not-json", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert!(!body.contains("secret"));
}
