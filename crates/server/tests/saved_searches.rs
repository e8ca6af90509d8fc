//! `/api/saved-searches` through `app(state).oneshot(...)`: CRUD, validation, the per-user
//! limit, isolation between users, the Origin check and survival across a restart.

mod common;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use common::*;
use portal_api::saved_search::{SavedSearch, SavedSearchList};
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use serde_json::{Value, json};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:8080";

async fn user(state: &AppState, pid: &str) -> String {
    let now = now_unix();
    let id = format!("saved-search-session-{pid}");
    let session = Session {
        access_token: "t".into(),
        pid: Some(pid.into()),
        name: None,
        subject: format!("sub-{pid}"),
        created_at: now,
        expires_at: now + 600,
    };
    state.sessions.insert_session(&id, &session).await.unwrap();
    format!("portal_session={id}")
}

fn json_request(method: &str, uri: &str, cookie: &str, body: Option<Value>) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie)
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .body(body.map_or(Body::empty(), |b| Body::from(b.to_string())))
        .unwrap()
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, String) {
    let (status, _, body) = text(app(state.clone()).oneshot(request).await.unwrap()).await;
    (status, body)
}

async fn list(state: &AppState, cookie: &str) -> Vec<SavedSearch> {
    let (status, body) = send(state, get("/api/saved-searches", Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str::<SavedSearchList>(&body)
        .unwrap()
        .items
}

async fn create(state: &AppState, cookie: &str, name: &str, query: &str) -> (StatusCode, String) {
    send(
        state,
        json_request(
            "POST",
            "/api/saved-searches",
            cookie,
            Some(json!({"name": name, "query": query})),
        ),
    )
    .await
}

#[tokio::test]
async fn crud_and_restart() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let ola = user(&state, "11111111111").await;
    assert!(list(&state, &ola).await.is_empty());

    let (status, body) = create(&state, &ola, "  Skatt  ", "/inbox?party=x&search=skatt").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let created: SavedSearch = serde_json::from_str(&body).unwrap();
    assert_eq!(created.name, "Skatt");
    assert_eq!(created.query, "/inbox?party=x&search=skatt");
    assert_eq!(created.created_at, created.updated_at);
    let (status, _) = create(&state, &ola, "arkiv", "/archive").await;
    assert_eq!(status, StatusCode::CREATED);
    let names: Vec<_> = list(&state, &ola)
        .await
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["arkiv", "Skatt"]);

    // Rename.
    let (status, body) = send(
        &state,
        json_request(
            "PUT",
            &format!("/api/saved-searches/{}", created.id),
            &ola,
            Some(json!({"name": "Skatt 2025", "query": "/inbox?search=skatt"})),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let renamed: SavedSearch = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (renamed.id, renamed.name.as_str()),
        (created.id, "Skatt 2025")
    );
    assert_eq!(renamed.created_at, created.created_at);
    assert!(renamed.updated_at >= created.updated_at);

    // A restart keeps them.
    drop(state);
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let after = list(&state, &ola).await;
    assert_eq!(after.len(), 2);
    assert!(after.contains(&renamed));

    // Delete, then it is gone.
    let uri = format!("/api/saved-searches/{}", created.id);
    let (status, _) = send(&state, json_request("DELETE", &uri, &ola, None)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = send(&state, json_request("DELETE", &uri, &ola, None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(list(&state, &ola).await.len(), 1);
}

#[tokio::test]
async fn validation_errors_name_the_field() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let ola = user(&state, "11111111111").await;
    let long = "x".repeat(101);
    for (name, query, field) in [
        ("", "/inbox", "name"),
        ("   ", "/inbox", "name"),
        (long.as_str(), "/inbox", "name"),
        ("ok", "https://evil.example/", "query"),
        ("ok", "//evil.example", "query"),
        ("ok", "inbox", "query"),
    ] {
        let (status, body) = create(&state, &ola, name, query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name:?} {query:?}");
        let p: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(p["status"], 400);
        assert!(p["errors"][field].is_array(), "{body}");
    }
    // Malformed JSON is a problem too.
    let (status, body) = send(
        &state,
        json_request(
            "POST",
            "/api/saved-searches",
            &ola,
            Some(json!({"name": 1})),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(list(&state, &ola).await.is_empty());
}

#[tokio::test]
async fn users_are_isolated_and_limited() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let ola = user(&state, "11111111111").await;
    let kari = user(&state, "22222222222").await;
    let (_, body) = create(&state, &ola, "mine", "/inbox").await;
    let mine: SavedSearch = serde_json::from_str(&body).unwrap();

    assert!(list(&state, &kari).await.is_empty());
    let uri = format!("/api/saved-searches/{}", mine.id);
    let (status, _) = send(
        &state,
        json_request(
            "PUT",
            &uri,
            &kari,
            Some(json!({"name": "taken", "query": "/"})),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = send(&state, json_request("DELETE", &uri, &kari, None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(list(&state, &ola).await, [mine]);

    // 100 per user; the 101st is a 409 for Ola only.
    for i in 1..100 {
        let (status, _) = create(&state, &ola, &format!("s{i}"), "/inbox").await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, body) = create(&state, &ola, "one too many", "/inbox").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("saved-search-limit"));
    let (status, _) = create(&state, &kari, "hers", "/inbox").await;
    assert_eq!(status, StatusCode::CREATED);

    // No session: 401; a foreign origin: 403.
    let (status, _) = send(&state, get("/api/saved-searches", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let foreign = Request::builder()
        .method("POST")
        .uri("/api/saved-searches")
        .header("cookie", &kari)
        .header("origin", "https://evil.example")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"name":"x","query":"/"}"#))
        .unwrap();
    let (status, _) = send(&state, foreign).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
