//! No token, secret or password reaches the log: every log line of a login, token
//! refreshes, a failed refresh, demo logins (one refused by the generator) and a logout is
//! captured at `trace` level and searched for them. One test in its own binary, since it
//! installs the global log subscriber.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use altinn_sim::{OidcClient, Sim, SimConfig};
use portal_server::config::Config;
use portal_server::{AppState, app, now_unix};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

const CLIENT_SECRET: &str = "client-secret-9f8e7d";
const GENERATOR_PASSWORD: &str = "generator-password-4c3b2a";

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

/// The session's access, refresh and ID tokens as stored now.
async fn stored_secrets(state: &AppState, id: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(s) = state.sessions.session(id, now_unix()).await.unwrap() {
        found.push(s.access_token);
    }
    if let Some(t) = state.sessions.tokens(id).await.unwrap() {
        found.extend(t.refresh_token);
        found.extend(t.id_token);
    }
    found
}

fn location(r: &reqwest::Response) -> String {
    r.headers()[LOCATION].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn tokens_and_secrets_never_reach_the_log() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_ansi(false)
        .with_writer(capture.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let sim_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sim_base = format!("http://{}", sim_listener.local_addr().unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut sim = Sim::new(SimConfig {
        public_base_url: sim_base.clone(),
        clients: vec![OidcClient {
            client_id: "portal-test".into(),
            client_secret: CLIENT_SECRET.into(),
            post_logout_redirect_uris: vec![format!("{base}/")],
            ..OidcClient::default()
        }],
        access_token_ttl_secs: 1,
        ..SimConfig::default()
    });
    sim.notifications = sim
        .notifications
        .clone()
        .with_token_generator_credentials("demo", GENERATOR_PASSWORD);
    let sim = Arc::new(sim);
    let sim_router = altinn_sim::router_with(sim.clone());
    tokio::spawn(async move { axum::serve(sim_listener, sim_router).await.unwrap() });

    let dir = common::temp_dist();
    let settings: HashMap<String, String> = [
        ("env", "custom"),
        ("public_url", base.as_str()),
        ("oidc_issuer", &format!("{sim_base}/idporten")),
        ("oidc_client_id", "portal-test"),
        ("oidc_client_secret", CLIENT_SECRET),
        ("dialogporten_url", &format!("{sim_base}/dialogporten")),
        (
            "notifications_url",
            &format!("{sim_base}/notifications/api/v1"),
        ),
        (
            "token_generator_url",
            &format!("{sim_base}/sim/token-generator"),
        ),
        ("token_generator_user", "demo"),
        ("token_generator_password", GENERATOR_PASSWORD),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        (
            "database",
            dir.path().join("portal.sqlite3").to_str().unwrap(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let config = Config::from_settings(&settings).unwrap();
    tracing::info!(?config, "configuration");
    let state = AppState::open(config).unwrap();
    let served = state.clone();
    tokio::spawn(async move { axum::serve(listener, app(served)).await.unwrap() });
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let pid = sim.personas()[0].pid.clone();

    // Everything secret the flow handles, collected as it goes.
    let mut secrets = vec![CLIENT_SECRET.to_owned(), GENERATOR_PASSWORD.to_owned()];
    let remember = |cookie: &str, secrets: &mut Vec<String>| {
        let id = cookie.strip_prefix("portal_session=").unwrap().to_owned();
        secrets.push(id);
    };

    // OIDC login.
    let r = browser
        .get(format!("{base}/api/login"))
        .send()
        .await
        .unwrap();
    let authorize = location(&r);
    let mut form: Vec<(String, String)> = url::Url::parse(&authorize)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    form.push(("pid".into(), pid.clone()));
    let chosen = browser
        .post(format!("{sim_base}/idporten/authorize"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let done = browser.get(location(&chosen)).send().await.unwrap();
    let cookie = done.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    remember(&cookie, &mut secrets);
    let id = cookie.strip_prefix("portal_session=").unwrap();
    secrets.extend(stored_secrets(&state, id).await);

    // Two proxied calls, each renewing the 1-second access token.
    let parties = format!("{base}/api/dialogporten/api/v1/enduser/parties");
    for _ in 0..2 {
        let r = browser
            .get(&parties)
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        secrets.extend(stored_secrets(&state, id).await);
    }
    // A refused refresh ends the session.
    sim.revoke_refresh_tokens(&pid);
    let r = browser
        .get(&parties)
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // Demo login, then logout.
    let demo = browser
        .post(format!("{base}/api/demo-login"))
        .header("origin", &base)
        .json(&serde_json::json!({ "pid": pid }))
        .send()
        .await
        .unwrap();
    assert_eq!(demo.status(), StatusCode::NO_CONTENT);
    let demo_cookie = demo.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    remember(&demo_cookie, &mut secrets);
    let demo_id = demo_cookie.strip_prefix("portal_session=").unwrap();
    let demo_session = state
        .sessions
        .session(demo_id, now_unix())
        .await
        .unwrap()
        .unwrap();
    secrets.push(demo_session.access_token.clone());
    let r = browser
        .get(&parties)
        .header(COOKIE, &demo_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let out = browser
        .post(format!("{base}/api/logout"))
        .header("origin", &base)
        .header(COOKIE, &demo_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);

    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    // The flow was logged ...
    for expected in [
        "login completed",
        "access token renewed",
        "token refresh failed; the session ends",
        "demo login completed",
        "configuration",
    ] {
        assert!(log.contains(expected), "{expected:?} missing from the log");
    }
    // ... without any of its secrets.
    assert!(secrets.len() >= 9, "{}", secrets.len());
    for secret in &secrets {
        assert!(secret.len() >= 20);
        assert!(
            !log.contains(secret.as_str()),
            "a secret ({} characters) is in the log",
            secret.len()
        );
    }
    assert!(!log.contains("BEGIN"));
}
