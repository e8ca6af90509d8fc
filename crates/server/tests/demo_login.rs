//! Demo login with the test token generator (`POST /api/demo-login`), against the embedded
//! simulator in local mode (its generator at `{public}/sim/token-generator`, `sim`/`sim`).

mod common;

use std::collections::HashMap;

use portal_server::config::Config;
use portal_server::{AppState, app};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};

struct Portal {
    base: String,
    browser: reqwest::Client,
    _dir: tempfile::TempDir,
}

/// The server in local mode with extra settings.
async fn start(extra: &[(&str, &str)]) -> Portal {
    let dir = common::temp_dist();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut settings: HashMap<String, String> = [
        ("env", "local"),
        ("public_url", base.as_str()),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        (
            "database",
            dir.path().join("portal.sqlite3").to_str().unwrap(),
        ),
        ("upstream_timeout_seconds", "10"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    for (k, v) in extra {
        settings.insert((*k).to_owned(), (*v).to_owned());
    }
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    tokio::spawn(async move { axum::serve(listener, app(state)).await.unwrap() });
    Portal {
        base,
        browser: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        _dir: dir,
    }
}

impl Portal {
    async fn personas(&self) -> Vec<serde_json::Value> {
        self.browser
            .get(format!("{}/sim/api/personas", self.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn demo_login(&self, pid: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut r = self
            .browser
            .post(format!("{}/api/demo-login", self.base))
            .header("origin", &self.base)
            .json(&serde_json::json!({ "pid": pid }));
        if let Some(c) = cookie {
            r = r.header(COOKIE, c);
        }
        r.send().await.unwrap()
    }

    async fn session(&self, cookie: Option<&str>) -> serde_json::Value {
        let mut r = self.browser.get(format!("{}/api/session", self.base));
        if let Some(c) = cookie {
            r = r.header(COOKIE, c);
        }
        r.send().await.unwrap().json().await.unwrap()
    }
}

fn cookie_of(r: &reqwest::Response) -> (String, String) {
    let set = r.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    (set.split(';').next().unwrap().to_owned(), set)
}

async fn problem(r: reqwest::Response) -> serde_json::Value {
    assert_eq!(
        r.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    r.json().await.unwrap()
}

#[tokio::test]
async fn demo_login_starts_a_session_that_reaches_dialogporten() {
    let portal = start(&[]).await;
    assert_eq!(portal.session(None).await["demoLogin"], true);
    let personas = portal.personas().await;
    let pid = personas[0]["pid"].as_str().unwrap();

    let r = portal.demo_login(pid, None).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let (cookie, set_cookie) = cookie_of(&r);
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    let s = portal.session(Some(&cookie)).await;
    assert_eq!(s["authenticated"], true);
    assert_eq!(s["pid"], pid);
    assert_eq!(s["isStaff"], false);
    assert!(!s.to_string().to_lowercase().contains("token\""), "{s}");

    // The simulated Dialogporten accepts the generator's token like an ID-porten token.
    let parties = portal
        .browser
        .get(format!(
            "{}/api/dialogporten/api/v1/enduser/parties",
            portal.base
        ))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(parties.status(), StatusCode::OK);
    let parties: serde_json::Value = parties.json().await.unwrap();
    assert!(parties.to_string().contains(pid));
    // The session's name is the user's own party's, as Altinn writes it ("NORDMANN OLA").
    let own = parties["authorizedParties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["isCurrentEndUser"] == true)
        .unwrap();
    assert!(own["name"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(s["name"], own["name"], "the name comes from the party list");

    // Another demo login renews the session id; the old cookie stops working.
    let other = personas[1]["pid"].as_str().unwrap();
    let again = portal.demo_login(other, Some(&cookie)).await;
    assert_eq!(again.status(), StatusCode::NO_CONTENT);
    let (second, _) = cookie_of(&again);
    assert_ne!(second, cookie);
    assert_eq!(portal.session(Some(&cookie)).await["authenticated"], false);
    assert_eq!(portal.session(Some(&second)).await["pid"], other);

    // Logout: no provider session to end, so back to the start page.
    let out = portal
        .browser
        .post(format!("{}/api/logout", portal.base))
        .header(COOKIE, &second)
        .header("origin", &portal.base)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    let body: serde_json::Value = out.json().await.unwrap();
    assert_eq!(body["redirect"], "/");
    assert_eq!(portal.session(Some(&second)).await["authenticated"], false);
}

#[tokio::test]
async fn bad_numbers_are_refused_naming_the_field() {
    let portal = start(&[]).await;
    let real = portal.personas().await[0]["pid"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut wrong_control = real.clone();
    let last = wrong_control.pop().unwrap();
    let next = (last.to_digit(10).unwrap() + 1) % 10;
    wrong_control.push(char::from_digit(next, 10).unwrap());
    for bad in [
        "",
        "123",
        "abcdefghijk",
        "1234567890123",
        wrong_control.as_str(),
    ] {
        let r = portal.demo_login(bad, None).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert!(r.headers().get(SET_COOKIE).is_none());
        let p = problem(r).await;
        assert_eq!(p["code"], "validation");
        assert!(p["errors"]["pid"][0].as_str().unwrap().len() > 10, "{p}");
    }
    // Not JSON at all.
    let r = portal
        .browser
        .post(format!("{}/api/demo-login", portal.base))
        .header("origin", &portal.base)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // A valid number the generator does not know: the generator's 400 becomes a 502.
    let r = portal.demo_login("01010010183", None).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(problem(r).await["code"], "token-generator-failed");

    // A state-changing route: another origin is refused.
    let r = portal
        .browser
        .post(format!("{}/api/demo-login", portal.base))
        .header("origin", "https://evil.example")
        .json(&serde_json::json!({ "pid": real }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_generator_refusing_the_credentials_is_a_bad_gateway() {
    let portal = start(&[("token_generator_password", "not-the-password")]).await;
    let pid = portal.personas().await[0]["pid"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = portal.demo_login(&pid, None).await;
    assert_eq!(r.status(), StatusCode::BAD_GATEWAY);
    assert!(r.headers().get(SET_COOKIE).is_none());
    let p = problem(r).await;
    assert_eq!(p["code"], "token-generator-failed");
    assert_eq!(p["title"], "The test token generator failed.");
    assert!(!p.to_string().contains("not-the-password"));
}

#[tokio::test]
async fn demo_login_is_unavailable_without_a_generator() {
    let dir = common::temp_dist();
    let state = common::test_state(&dir, "http://127.0.0.1:9/dialogporten");
    assert!(state.config.token_generator.is_none());
    let router = app(state);
    let session = tower::ServiceExt::oneshot(router.clone(), common::get("/api/session", None))
        .await
        .unwrap();
    let (_, _, body) = common::text(session).await;
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["demoLogin"], false);

    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/api/demo-login")
        .header("origin", "http://127.0.0.1:8080")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"pid":"01010010183"}"#))
        .unwrap();
    let r = tower::ServiceExt::oneshot(router, request).await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[test]
fn the_generator_is_refused_in_production_and_needs_credentials_in_tt02() {
    let settings = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let production = Config::from_settings(&settings(&[
        ("env", "production"),
        ("public_url", "https://portal.example"),
        ("oidc_client_id", "c"),
        ("oidc_client_secret", "s"),
        ("token_generator_user", "u"),
        ("token_generator_password", "p"),
    ]))
    .unwrap_err()
    .to_string();
    assert!(
        production.contains(
            "PORTAL_TOKEN_GENERATOR_USER: the test token generator (demo login) is not allowed when PORTAL_ENV=production"
        ),
        "{production}"
    );
    assert!(!production.contains("\"p\""));

    let tt02 = |extra: &[(&str, &str)]| {
        let mut s = settings(&[
            ("env", "tt02"),
            ("public_url", "https://portal.example"),
            ("oidc_client_id", "c"),
            ("oidc_client_secret", "s"),
            // A Notifications token source is required in tt02 too.
            ("notifications_token", "t"),
        ]);
        s.extend(settings(extra));
        Config::from_settings(&s)
    };
    let without = tt02(&[]).unwrap();
    assert!(without.token_generator.is_none());
    let with = tt02(&[
        ("token_generator_user", "demo-user"),
        ("token_generator_password", "tg-password-1"),
    ])
    .unwrap();
    let g = with.token_generator.as_ref().unwrap();
    assert_eq!(
        g.url,
        "https://altinn-testtools-token-generator.azurewebsites.net/api"
    );
    assert_eq!(g.env, "tt02");
    let debug = format!("{with:?}");
    assert!(debug.contains("demo-user"), "{debug}");
    assert!(!debug.contains("tg-password-1"), "{debug}");
    // The client secret is not shown either.
    assert!(!debug.contains("client_secret: \"s\""), "{debug}");
    assert!(debug.contains("Secret(<redacted>)"), "{debug}");
}

#[tokio::test]
async fn demo_login_alone_is_enough_outside_production_and_log_in_says_so() {
    let settings = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let dir = common::temp_dist();
    let db = dir.path().join("portal.sqlite3");
    let base = [
        ("env", "tt02"),
        ("public_url", "https://portal.example"),
        ("notifications_token", "t"),
        ("database", db.to_str().unwrap()),
    ];
    // A demo without an ID-porten client: only the token generator's credentials.
    let mut demo = settings(&base);
    demo.extend(settings(&[
        ("token_generator_user", "u"),
        ("token_generator_password", "p"),
    ]));
    let config = Config::from_settings(&demo).unwrap();
    assert!(!config.oidc_login);
    assert!(config.token_generator.is_some());

    // "Log in" is not offered: the session says so, and /api/login explains why.
    let router = app(AppState::open(config).unwrap());
    let session = tower::ServiceExt::oneshot(router.clone(), common::get("/api/session", None))
        .await
        .unwrap();
    let (_, _, body) = common::text(session).await;
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (body["oidcLogin"].clone(), body["demoLogin"].clone()),
        (false.into(), true.into())
    );
    let login = tower::ServiceExt::oneshot(router, common::get("/api/login", None))
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        login.headers()["location"],
        "/login-error?reason=login-not-configured"
    );

    // Without demo login the ID-porten client is required, and named.
    let err = Config::from_settings(&settings(&base))
        .unwrap_err()
        .to_string();
    assert!(err.contains("PORTAL_OIDC_CLIENT_ID"), "{err}");
    assert!(
        err.contains("PORTAL_OIDC_CLIENT_SECRET or PORTAL_OIDC_CLIENT_KEY"),
        "{err}"
    );
    // Any client setting means the client is meant to be used: it must be complete.
    let mut half = demo.clone();
    half.insert("oidc_client_id".into(), "c".into());
    let err = Config::from_settings(&half).unwrap_err().to_string();
    assert!(
        err.contains("PORTAL_OIDC_CLIENT_SECRET or PORTAL_OIDC_CLIENT_KEY"),
        "{err}"
    );
}
