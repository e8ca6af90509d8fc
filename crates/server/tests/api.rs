//! The API through `app(state).oneshot(...)`: proxy, errors, Origin check, headers,
//! static files and persistence. Upstreams are tiny local servers.

mod common;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use common::*;
use portal_server::app;
use tower::ServiceExt;

#[tokio::test]
async fn proxy_passes_query_auth_and_returns_status_body_etag() {
    let dir = temp_dist();
    let upstream = fake_dialogporten().await;
    let state = test_state(&dir, &upstream);
    let cookie = login_directly(&state, "access-token-1").await;

    let request = Request::builder()
        .method("PUT")
        .uri("/api/dialogporten/api/v1/enduser/dialogs/abc/context/systemlabels?x=1&status=A&status=B")
        .header("cookie", format!("{cookie}; other=1"))
        .header("origin", "http://127.0.0.1:8080")
        .header("content-type", "application/json")
        .header("accept-language", "nb")
        .header("if-match", "\"rev-0\"")
        .header("x-forwarded-for", "1.2.3.4")
        .body(Body::from(r#"{"addLabels":["Bin"]}"#))
        .unwrap();
    let (status, headers, body) = text(app(state).oneshot(request).await.unwrap()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(headers["etag"], "\"rev-1\"");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(headers.get("x-internal").is_none());
    assert!(headers.get("connection").is_none());
    let echo: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(echo["method"], "PUT");
    assert_eq!(
        echo["path"],
        "/dialogporten/api/v1/enduser/dialogs/abc/context/systemlabels"
    );
    assert_eq!(echo["query"], "x=1&status=A&status=B");
    assert_eq!(echo["authorization"], "Bearer access-token-1");
    assert_eq!(echo["acceptLanguage"], "nb");
    assert_eq!(echo["ifMatch"], "\"rev-0\"");
    assert_eq!(echo["cookie"], serde_json::Value::Null);
    assert_eq!(echo["body"], r#"{"addLabels":["Bin"]}"#);
}

#[tokio::test]
async fn proxy_without_session_is_401_problem() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let (status, headers, body) = text(
        app(state)
            .oneshot(get(
                "/api/dialogporten/api/v1/enduser/parties",
                Some("portal_session=nope"),
            ))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers["content-type"], "application/problem+json");
    let p: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(p["status"], 401);
    assert_eq!(p["code"], "session-expired");
}

#[tokio::test]
async fn upstream_401_asks_for_a_new_login() {
    let dir = temp_dist();
    let upstream = fake_dialogporten().await;
    let state = test_state(&dir, &upstream);
    let cookie = login_directly(&state, "t").await;
    let response = app(state)
        .oneshot(get(
            "/api/dialogporten/api/v1/enduser/unauthorized",
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn proxy_refuses_paths_outside_enduser() {
    let dir = temp_dist();
    let upstream = fake_dialogporten().await;
    let state = test_state(&dir, &upstream);
    let cookie = login_directly(&state, "t").await;
    for path in [
        "/api/dialogporten/api/v1/serviceowner/dialogs",
        "/api/dialogporten/api/v1/enduser/../serviceowner/dialogs",
        "/api/dialogporten/api/v1/enduser/%2e%2e/x",
    ] {
        let response = app(state.clone())
            .oneshot(get(path, Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn proxy_upstream_down_is_502() {
    // A port that was just free: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = temp_dist();
    let state = test_state(&dir, &format!("http://127.0.0.1:{port}/dialogporten"));
    let cookie = login_directly(&state, "t").await;
    let (status, headers, body) = text(
        app(state)
            .oneshot(get(
                "/api/dialogporten/api/v1/enduser/parties",
                Some(&cookie),
            ))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{body}");
    assert_eq!(headers["content-type"], "application/problem+json");
    assert!(
        !body.contains("127.0.0.1"),
        "internal detail leaked: {body}"
    );
}

#[tokio::test]
async fn proxy_timeout_is_504() {
    let dir = temp_dist();
    let upstream = fake_dialogporten().await;
    let state = test_state(&dir, &upstream); // timeout 0.5 s, the upstream takes 2 s
    let cookie = login_directly(&state, "t").await;
    let (status, _, body) = text(
        app(state)
            .oneshot(get("/api/dialogporten/api/v1/enduser/slow", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT, "{body}");
    assert!(body.contains("upstream-timeout"));
}

#[tokio::test]
async fn cross_origin_post_is_403() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let post = |origin: Option<&str>, fetch_site: Option<&str>| {
        let mut b = Request::builder().method("POST").uri("/api/logout");
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        if let Some(s) = fetch_site {
            b = b.header("sec-fetch-site", s);
        }
        b.body(Body::empty()).unwrap()
    };
    let cases = [
        (Some("https://evil.example"), None, StatusCode::FORBIDDEN),
        (Some("null"), None, StatusCode::FORBIDDEN),
        (None, None, StatusCode::FORBIDDEN),
        (None, Some("cross-site"), StatusCode::FORBIDDEN),
        (Some("http://127.0.0.1:8080"), None, StatusCode::OK),
        (None, Some("same-origin"), StatusCode::OK),
    ];
    for (origin, site, expected) in cases {
        let (status, headers, _) = text(
            app(state.clone())
                .oneshot(post(origin, site))
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, expected, "{origin:?} {site:?}");
        if expected == StatusCode::FORBIDDEN {
            assert_eq!(headers["content-type"], "application/problem+json");
        }
    }
}

#[tokio::test]
async fn security_headers_and_caching() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let (_, headers, _) = text(app(state.clone()).oneshot(get("/", None)).await.unwrap()).await;
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("form-action 'self' http://127.0.0.1:9"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["cross-origin-opener-policy"], "same-origin");
    assert!(headers.contains_key("permissions-policy"));
    assert_eq!(headers["cache-control"], "no-cache");

    let (_, headers, _) = text(
        app(state.clone())
            .oneshot(get("/api/session", None))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(headers["cache-control"], "no-store");

    let (status, headers, _) = text(
        app(state)
            .oneshot(get("/portal-0123456789abcdef_bg.wasm", None))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn spa_fallback_and_api_404() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let (status, headers, body) = text(
        app(state.clone())
            .oneshot(get("/inbox/123?party=x", None))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("portal index"));
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );

    for path in ["/api/unknown", "/api", "/api/session/extra"] {
        let (status, headers, body) =
            text(app(state.clone()).oneshot(get(path, None)).await.unwrap()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            headers["content-type"], "application/problem+json",
            "{path}"
        );
        assert!(body.contains("\"status\":404"), "{body}");
    }
}

#[tokio::test]
async fn precompressed_files_are_served() {
    let dir = temp_dist();
    let dist = dir.path().join("dist");
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("app.js.br"), b"br-bytes").unwrap();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let request = Request::builder()
        .uri("/app.js")
        .header("accept-encoding", "br")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = text(app(state).oneshot(request).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(body, "br-bytes");
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let dir = temp_dist();
    let cookie = {
        let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
        login_directly(&state, "kept").await
    };
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let (status, _, body) = text(
        app(state)
            .oneshot(get("/api/session", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let s: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(s["authenticated"], true);
    assert_eq!(s["name"], "Test Person");
    assert_eq!(s["isStaff"], false);
    assert!(!body.contains("kept"), "token leaked: {body}");
}

#[tokio::test]
async fn callback_with_unknown_state_is_refused() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    for uri in [
        "/api/auth/callback?code=abc&state=bogus",
        "/api/auth/callback?code=abc",
    ] {
        let response = app(state.clone()).oneshot(get(uri, None)).await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()["location"],
            "/login-error?reason=invalid-state"
        );
        assert!(response.headers().get("set-cookie").is_none());
    }
    let response = app(state)
        .oneshot(get("/api/auth/callback?error=access_denied&state=x", None))
        .await
        .unwrap();
    assert_eq!(
        response.headers()["location"],
        "/login-error?reason=access-denied"
    );
}

#[tokio::test]
async fn login_with_unreachable_provider_reports_it() {
    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let response = app(state).oneshot(get("/api/login", None)).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"],
        "/login-error?reason=provider-unavailable"
    );
}
