//! End-user tokens against the simulator on its own port, the server in `custom` mode
//! (only configuration differs from TT02): `private_key_jwt` client authentication,
//! refreshing the access token before it expires, and logout at the provider.

mod common;

use std::collections::HashMap;
use std::sync::Arc;

use altinn_sim::{OidcClient, Sim, SimConfig};
use portal_server::config::Config;
use portal_server::login_settings::load_private_key;
use portal_server::oidc::client_assertion;
use portal_server::{AppState, app, now_unix};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

const CLIENT_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/test-client-key.pem"
);
const CLIENT_PUBLIC_KEY: &str = include_str!("fixtures/test-client-key.pub.pem");
const OTHER_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/test-other-key.pem"
);

/// How the client authenticates in a test.
#[derive(Clone, Copy)]
enum Auth {
    Secret,
    Key,
}

struct Setup {
    sim: Arc<Sim>,
    sim_base: String,
    base: String,
    state: AppState,
    browser: reqwest::Client,
    _dir: tempfile::TempDir,
}

/// The simulator (client `portal-test` registered with a secret or a public key, access
/// tokens living `access_ttl` seconds) and the server in front of it, each on its own port.
async fn setup(auth: Auth, access_ttl: i64) -> Setup {
    let sim_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sim_base = format!("http://{}", sim_listener.local_addr().unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());

    let client = match auth {
        Auth::Secret => OidcClient {
            client_id: "portal-test".into(),
            client_secret: "test-secret".into(),
            post_logout_redirect_uris: vec![format!("{base}/")],
            ..OidcClient::default()
        },
        Auth::Key => OidcClient {
            client_id: "portal-test".into(),
            public_key_pem: Some(CLIENT_PUBLIC_KEY.into()),
            post_logout_redirect_uris: vec![format!("{base}/")],
            ..OidcClient::default()
        },
    };
    let sim = Arc::new(Sim::new(SimConfig {
        public_base_url: sim_base.clone(),
        clients: vec![client],
        access_token_ttl_secs: access_ttl,
        ..SimConfig::default()
    }));
    let sim_router = altinn_sim::router_with(sim.clone());
    tokio::spawn(async move { axum::serve(sim_listener, sim_router).await.unwrap() });

    let dir = common::temp_dist();
    let mut settings: HashMap<String, String> = [
        ("env", "custom"),
        ("public_url", base.as_str()),
        ("oidc_issuer", &format!("{sim_base}/idporten")),
        ("oidc_client_id", "portal-test"),
        ("dialogporten_url", &format!("{sim_base}/dialogporten")),
        (
            "notifications_url",
            &format!("{sim_base}/notifications/api/v1"),
        ),
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
    match auth {
        Auth::Secret => settings.insert("oidc_client_secret".into(), "test-secret".into()),
        Auth::Key => {
            settings.insert("oidc_client_key".into(), CLIENT_KEY.into());
            settings.insert("oidc_client_key_id".into(), "test-key-1".into())
        }
    };
    let config = Config::from_settings(&settings).unwrap();
    let state = AppState::open(config).unwrap();
    let served = state.clone();
    tokio::spawn(async move { axum::serve(listener, app(served)).await.unwrap() });
    Setup {
        sim,
        sim_base,
        base,
        state,
        browser: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        _dir: dir,
    }
}

fn location(r: &reqwest::Response) -> String {
    r.headers()[LOCATION].to_str().unwrap().to_owned()
}

fn query(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

impl Setup {
    fn pid(&self) -> String {
        self.sim.personas()[0].pid.clone()
    }

    /// `/api/login` → the simulator's login page → the first persona → callback; the cookie.
    async fn login(&self) -> String {
        let r = self
            .browser
            .get(format!("{}/api/login", self.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let authorize = location(&r);
        let mut form: Vec<(String, String)> = query(&authorize).into_iter().collect();
        form.push(("pid".into(), self.pid()));
        let chosen = self
            .browser
            .post(format!("{}/idporten/authorize", self.sim_base))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
        let done = self.browser.get(location(&chosen)).send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let cookie = done
            .headers()
            .get(SET_COOKIE)
            .unwrap_or_else(|| panic!("no session; went to {}", location(&done)))
            .to_str()
            .unwrap();
        cookie.split(';').next().unwrap().to_owned()
    }

    /// The access token stored for the session (the cookie's value is its id).
    async fn stored_token(&self, cookie: &str) -> Option<String> {
        let id = cookie.strip_prefix("portal_session=").unwrap();
        self.state
            .sessions
            .session(id, now_unix())
            .await
            .unwrap()
            .map(|s| s.access_token)
    }

    async fn parties(&self, cookie: &str) -> StatusCode {
        self.browser
            .get(format!(
                "{}/api/dialogporten/api/v1/enduser/parties",
                self.base
            ))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap()
            .status()
    }

    async fn session(&self, cookie: &str) -> serde_json::Value {
        self.browser
            .get(format!("{}/api/session", self.base))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn logout(&self, cookie: &str) -> reqwest::Response {
        self.browser
            .post(format!("{}/api/logout", self.base))
            .header(COOKIE, cookie)
            .header("origin", &self.base)
            .send()
            .await
            .unwrap()
    }

    /// A token request with the given client assertion (and a refresh token the simulator
    /// never issued): 401 `invalid_client` if the assertion is refused, else 400
    /// `invalid_grant` (the client was authenticated, the grant is bad).
    async fn token_with_assertion(&self, assertion: &str) -> (StatusCode, String) {
        let r = self
            .browser
            .post(format!("{}/idporten/token", self.sim_base))
            .form(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", "never-issued"),
                (
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ),
                ("client_assertion", assertion),
            ])
            .send()
            .await
            .unwrap();
        let status = r.status();
        let body: serde_json::Value = r.json().await.unwrap();
        (
            status,
            body["error"].as_str().unwrap_or_default().to_owned(),
        )
    }
}

#[tokio::test]
async fn private_key_jwt_login_end_to_end_and_provider_logout() {
    let s = setup(Auth::Key, 3600).await;
    let cookie = s.login().await;
    let session = s.session(&cookie).await;
    assert_eq!(session["authenticated"], true);
    assert_eq!(session["pid"], s.pid());
    assert_eq!(s.parties(&cookie).await, StatusCode::OK);
    // A token far from expiry is used as it is (no refresh).
    let token = s.stored_token(&cookie).await.unwrap();
    assert_eq!(s.parties(&cookie).await, StatusCode::OK);
    assert_eq!(s.stored_token(&cookie).await.unwrap(), token);

    // Logout: the local session ends, and the browser is sent to the provider's logout.
    let out = s.logout(&cookie).await;
    assert_eq!(out.status(), StatusCode::OK);
    assert!(
        out.headers()[SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let body: serde_json::Value = out.json().await.unwrap();
    let redirect = body["redirect"].as_str().unwrap();
    assert!(
        redirect.starts_with(&format!("{}/idporten/endsession?", s.sim_base)),
        "{redirect}"
    );
    let q = query(redirect);
    assert_eq!(q["post_logout_redirect_uri"], format!("{}/", s.base));
    assert!(q["state"].len() >= 43);
    assert_eq!(q["id_token_hint"].split('.').count(), 3);
    assert_eq!(s.session(&cookie).await["authenticated"], false);
    assert_eq!(s.stored_token(&cookie).await, None);

    // The simulator checks the hint and the registered URI, then sends the browser back.
    let back = s.browser.get(redirect).send().await.unwrap();
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&back), format!("{}/?state={}", s.base, q["state"]));
    // The provider ended its side too: the session's refresh token is revoked.
    assert_eq!(s.sim.live_refresh_tokens(), 0);

    // An unregistered post-logout URI or a forged hint is refused.
    let mut evil = url::Url::parse(redirect).unwrap();
    evil.query_pairs_mut()
        .clear()
        .append_pair("id_token_hint", &q["id_token_hint"])
        .append_pair("post_logout_redirect_uri", "https://evil.example/");
    let refused = s.browser.get(evil.as_str()).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let forged = s
        .browser
        .get(format!(
            "{}/idporten/endsession?id_token_hint=a.b.c&post_logout_redirect_uri={}/",
            s.sim_base, s.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);

    // Logging out without a session goes to the start page.
    let again: serde_json::Value = s.logout(&cookie).await.json().await.unwrap();
    assert_eq!(again["redirect"], "/");
}

#[tokio::test]
async fn the_simulator_refuses_bad_client_assertions() {
    let s = setup(Auth::Key, 3600).await;
    let issuer = format!("{}/idporten", s.sim_base);
    let key = load_private_key(CLIENT_KEY).unwrap();
    let sign = |claims: serde_json::Value, key: &jsonwebtoken::EncodingKey| {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
        header.kid = Some("test-key-1".into());
        jsonwebtoken::encode(&header, &claims, key).unwrap()
    };
    let now = now_unix();
    let claims = |jti: &str, iat: i64, aud: &str| serde_json::json!({"iss": "portal-test", "sub": "portal-test", "aud": aud, "jti": jti, "iat": iat, "exp": iat + 120});

    // The server's own assertion is accepted (the grant is what fails then) ...
    let good = client_assertion("portal-test", &issuer, &key, "test-key-1").unwrap();
    assert_eq!(
        s.token_with_assertion(&good).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
    // ... once: the same jti again is a replay.
    assert_eq!(
        s.token_with_assertion(&good).await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );
    // The token endpoint is a valid audience too.
    let to_endpoint = sign(claims("t-1", now, &format!("{issuer}/token")), &key);
    assert_eq!(
        s.token_with_assertion(&to_endpoint).await.0,
        StatusCode::BAD_REQUEST
    );

    let other = load_private_key(OTHER_KEY).unwrap();
    let refused = [
        ("wrong key", sign(claims("r-1", now, &issuer), &other)),
        ("expired", sign(claims("r-2", now - 300, &issuer), &key)),
        (
            "other audience",
            sign(claims("r-3", now, "https://elsewhere.example"), &key),
        ),
        (
            "too long-lived",
            sign(
                serde_json::json!({"iss": "portal-test", "sub": "portal-test", "aud": issuer, "jti": "r-4", "iat": now, "exp": now + 3600}),
                &key,
            ),
        ),
        (
            "unknown client",
            sign(
                serde_json::json!({"iss": "someone", "sub": "someone", "aud": issuer, "jti": "r-5", "iat": now, "exp": now + 60}),
                &key,
            ),
        ),
        ("not a JWT", "garbage".to_owned()),
    ];
    for (why, assertion) in refused {
        assert_eq!(
            s.token_with_assertion(&assertion).await,
            (StatusCode::UNAUTHORIZED, "invalid_client".into()),
            "{why}"
        );
    }

    // A server configured with a key the simulator does not know cannot log in.
    let mut settings: HashMap<String, String> = HashMap::new();
    settings.insert("env".into(), "custom".into());
    settings.insert("oidc_issuer".into(), issuer.clone());
    settings.insert("oidc_client_id".into(), "portal-test".into());
    settings.insert("oidc_client_key".into(), OTHER_KEY.into());
    settings.insert("oidc_client_key_id".into(), "k".into());
    settings.insert(
        "dialogporten_url".into(),
        format!("{}/dialogporten", s.sim_base),
    );
    settings.insert(
        "notifications_url".into(),
        format!("{}/notifications/api/v1", s.sim_base),
    );
    let dir = tempfile::tempdir().unwrap();
    settings.insert(
        "database".into(),
        dir.path().join("db.sqlite3").to_str().unwrap().into(),
    );
    let config = Config::from_settings(&settings).unwrap();
    let state = AppState::open(config).unwrap();
    let Err(err) = state.oidc.exchange("no-code", "verifier", "nonce").await else {
        panic!("an unknown key must not authenticate");
    };
    let text = err.to_string();
    assert!(
        text.contains("401") && text.contains("invalid_client"),
        "{text}"
    );
}

#[tokio::test]
async fn the_access_token_is_renewed_before_it_expires() {
    // Access tokens live 1 s, so every use is within the refresh margin.
    let s = setup(Auth::Secret, 1).await;
    let cookie = s.login().await;
    let first = s.stored_token(&cookie).await.unwrap();
    // The session lasts the session TTL, not the first access token's second.
    let expires = s.session(&cookie).await["expiresAt"]
        .as_str()
        .unwrap()
        .to_owned();
    let expires = chrono::DateTime::parse_from_rfc3339(&expires).unwrap();
    assert!(expires.timestamp() > now_unix() + 3000, "{expires}");

    assert_eq!(s.parties(&cookie).await, StatusCode::OK);
    let second = s.stored_token(&cookie).await.unwrap();
    assert_ne!(second, first, "the proxied call used a renewed token");
    // The provider rotated the refresh token: one live token for the session.
    assert_eq!(s.sim.live_refresh_tokens(), 1);

    // Concurrent requests refresh one at a time: with rotation, two refreshes with the
    // same refresh token would end the session.
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let request = s
            .browser
            .get(format!(
                "{}/api/dialogporten/api/v1/enduser/parties",
                s.base
            ))
            .header(COOKIE, cookie.clone());
        calls.spawn(async move { request.send().await.unwrap().status() });
    }
    while let Some(status) = calls.join_next().await {
        assert_eq!(status.unwrap(), StatusCode::OK);
    }
    assert_eq!(s.session(&cookie).await["authenticated"], true);
    assert_eq!(s.sim.live_refresh_tokens(), 1);

    // The provider revokes the refresh token: the next use ends the session with 401.
    assert_eq!(s.sim.revoke_refresh_tokens(&s.pid()), 1);
    assert_eq!(s.parties(&cookie).await, StatusCode::UNAUTHORIZED);
    assert_eq!(s.stored_token(&cookie).await, None);
    assert_eq!(s.session(&cookie).await["authenticated"], false);
}

#[tokio::test]
async fn a_reused_refresh_token_ends_its_family_at_the_simulator() {
    let s = setup(Auth::Secret, 3600).await;
    let token = |refresh: &str| {
        s.browser
            .post(format!("{}/idporten/token", s.sim_base))
            .basic_auth("portal-test", Some("test-secret"))
            .form(&[("grant_type", "refresh_token"), ("refresh_token", refresh)])
            .send()
    };
    let cookie = s.login().await;
    assert_eq!(s.sim.live_refresh_tokens(), 1);
    // The simulator's refresh token is not visible to the test, so use the store's copy.
    let id = cookie.strip_prefix("portal_session=").unwrap();
    let kept = s.state.sessions.tokens(id).await.unwrap().unwrap();
    let old = kept.refresh_token.unwrap();
    assert!(kept.id_token.is_some());

    let renewed: serde_json::Value = token(&old).await.unwrap().json().await.unwrap();
    let new = renewed["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(renewed["access_token"].is_string());
    assert_eq!(renewed["expires_in"], 3600);
    // The old one no longer works, and its reuse revokes the new one as well.
    let reused = token(&old).await.unwrap();
    assert_eq!(reused.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = reused.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");
    assert_eq!(token(&new).await.unwrap().status(), StatusCode::BAD_REQUEST);
    assert_eq!(s.sim.live_refresh_tokens(), 0);
}
