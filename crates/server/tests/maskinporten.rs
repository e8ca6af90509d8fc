//! The server's own Notifications token through Maskinporten and Altinn's token exchange,
//! against the simulator on an ephemeral 127.0.0.1 port (the server in `custom` mode, every
//! base URL pointing at the simulator): sending, caching, refresh, a refused token, and
//! rejected assertions. The RSA keys in `tests/keys/` are TEST-ONLY fixtures.

mod common;

use std::collections::HashMap;
use std::sync::Arc;

use altinn_sim::maskinporten::{MaskinportenClient, MaskinportenConfig, TokenStats};
use altinn_sim::notifications::ManualClock;
use altinn_sim::{Sim, SimConfig};
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::pkcs8::DecodePrivateKey;
use serde_json::{Value, json};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:8080";
const STAFF_PID: &str = "11111111111";
const CLIENT_ID: &str = "portal-test";
/// The test client's key pair (registered with the simulator).
const TEST_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/keys/maskinporten-test.pem"
);
const TEST_PUBLIC_KEY: &str = include_str!("keys/maskinporten-test.pub.pem");
/// Another key pair (the built-in local one), not registered for the test client.
const OTHER_KEY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/keys/local-maskinporten.pem");
const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// A simulator knowing the test client (org 991825827 = `ttd`), Altinn tokens lasting
/// `altinn_token_seconds`, Notifications on `clock` when given.
async fn start_sim(
    altinn_token_seconds: i64,
    clock: Option<Arc<ManualClock>>,
) -> (Arc<Sim>, String) {
    common::global_logs();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut sim = Sim::new(SimConfig {
        public_base_url: base.clone(),
        maskinporten: MaskinportenConfig {
            clients: vec![MaskinportenClient::new(
                CLIENT_ID,
                TEST_PUBLIC_KEY,
                "991825827",
            )],
            altinn_token_seconds,
            ..MaskinportenConfig::default()
        },
        ..SimConfig::default()
    });
    if let Some(clock) = clock {
        sim.notifications = sim.notifications.clone().with_clock(clock);
    }
    let sim = Arc::new(sim);
    let router = altinn_sim::router_with(sim.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (sim, base)
}

/// `custom` settings with every base URL at the simulator and the test client; `{sim}` in
/// an override is replaced by the simulator's base URL.
fn settings(
    dir: &tempfile::TempDir,
    sim: &str,
    overrides: &[(&str, &str)],
) -> HashMap<String, String> {
    let mut s = common::custom_settings(
        &dir.path().join("dist"),
        &dir.path().join("data/portal.sqlite3"),
        &format!("{sim}/dialogporten"),
    );
    for (k, v) in [
        ("oidc_issuer", format!("{sim}/idporten")),
        ("notifications_url", format!("{sim}/notifications/api/v1")),
        ("maskinporten_url", format!("{sim}/maskinporten/token")),
        ("maskinporten_audience", format!("{sim}/maskinporten/")),
        ("altinn_auth_url", format!("{sim}/authentication/api/v1")),
        ("maskinporten_client_id", CLIENT_ID.to_owned()),
        ("maskinporten_key", TEST_KEY.to_owned()),
        ("maskinporten_key_id", "test-key-1".to_owned()),
        ("staff_pids", STAFF_PID.to_owned()),
    ] {
        s.insert(k.to_owned(), v);
    }
    for (k, v) in overrides {
        s.insert((*k).to_owned(), v.replace("{sim}", sim));
    }
    s
}

struct Server {
    state: AppState,
    cookie: String,
    sim: Arc<Sim>,
    sim_base: String,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn server_with(
    altinn_token_seconds: i64,
    clock: Option<Arc<ManualClock>>,
    overrides: &[(&str, &str)],
) -> Server {
    let (sim, sim_base) = start_sim(altinn_token_seconds, clock).await;
    let dir = common::temp_dist();
    let config = Config::from_settings(&settings(&dir, &sim_base, overrides)).unwrap();
    let state = AppState::open(config).unwrap();
    let id = "session-staff";
    let now = now_unix();
    let session = Session {
        access_token: "token".into(),
        pid: Some(STAFF_PID.into()),
        name: Some("Siri Service Desk".into()),
        subject: STAFF_PID.into(),
        created_at: now,
        expires_at: now + 3600,
    };
    state.sessions.insert_session(id, &session).await.unwrap();
    Server {
        state,
        cookie: format!("portal_session={id}"),
        sim,
        sim_base,
        http: reqwest::Client::new(),
        _dir: dir,
    }
}

async fn server() -> Server {
    server_with(1800, None, &[]).await
}

impl Server {
    async fn post(&self, uri: &str, key: Option<&str>, body: Value) -> (StatusCode, Value) {
        let mut b = Request::post(uri)
            .header("cookie", &self.cookie)
            .header("origin", ORIGIN)
            .header("content-type", "application/json");
        if let Some(k) = key {
            b = b.header("idempotency-key", k);
        }
        let request = b.body(Body::from(body.to_string())).unwrap();
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let (status, _, text) = common::text(response).await;
        let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, json)
    }

    /// Asks for a code to `phone`.
    async fn send(&self, key: &str, phone: &str) -> (StatusCode, Value) {
        self.post(
            "/api/otp/challenges",
            Some(key),
            json!({"phoneNumber": phone, "language": "en"}),
        )
        .await
    }

    /// Every SMS the simulator received for `phone`.
    async fn sms_to(&self, phone: &str) -> Vec<Value> {
        let url = format!(
            "{}/sim/api/sms?to={}",
            self.sim_base,
            phone.replace('+', "%2B")
        );
        let v: Value = self
            .http
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v.as_array().unwrap().clone()
    }

    /// The statuses of this session's calls to Notifications, oldest first (developer API log).
    async fn notifications_calls(&self) -> Vec<Option<u16>> {
        let request = Request::get("/api/dev/api-log")
            .header("cookie", &self.cookie)
            .body(Body::empty())
            .unwrap();
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let (status, _, text) = common::text(response).await;
        assert_eq!(status, StatusCode::OK, "{text}");
        let log: portal_api::api_log::ApiLog = serde_json::from_str(&text).unwrap();
        let mut calls: Vec<_> = log
            .entries
            .iter()
            .filter(|e| e.upstream == portal_api::api_log::Upstream::Notifications)
            .map(|e| (e.seq, e.status))
            .collect();
        calls.sort();
        calls.into_iter().map(|(_, status)| status).collect()
    }

    fn stats(&self) -> TokenStats {
        self.sim.maskinporten.stats()
    }
}

fn stats(grants: u64, exchanges: u64) -> TokenStats {
    TokenStats { grants, exchanges }
}

fn code_in(body: &str) -> String {
    body.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a six-digit code in the SMS")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_goes_through_maskinporten_and_the_exchange_and_the_token_is_cached() {
    let s = server().await;
    assert_eq!(s.stats(), stats(0, 0), "no token before the first send");

    let (status, c) = s.send("k1", "+4791234567").await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    assert_eq!(s.stats(), stats(1, 1));
    let sms = s.sms_to("+4791234567").await;
    assert_eq!(sms.len(), 1, "{sms:?}");
    let code = code_in(sms[0]["body"].as_str().unwrap());
    let id = c["id"].as_str().unwrap();
    let (status, v) = s
        .post(
            &format!("/api/otp/challenges/{id}/verify"),
            None,
            json!({ "code": code }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["state"], "verified");

    // A second code (another number): the cached Altinn token is used.
    let (status, _) = s.send("k2", "+4791234568").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(s.sms_to("+4791234568").await.len(), 1);
    assert_eq!(
        s.stats(),
        stats(1, 1),
        "one grant and one exchange for two sends"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_sends_share_one_token_fetch() {
    let s = Arc::new(server().await);
    let mut tasks = Vec::new();
    for i in 0..4 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            s.send(&format!("k{i}"), &format!("+479123450{i}")).await.0
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::CREATED);
    }
    assert_eq!(s.stats(), stats(1, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_used_until_a_minute_before_they_expire() {
    // 90 s tokens: used for 30 s, so two sends in a row share one.
    let s = server_with(90, None, &[]).await;
    assert_eq!(s.send("k1", "+4791234567").await.0, StatusCode::CREATED);
    assert_eq!(s.send("k2", "+4791234568").await.0, StatusCode::CREATED);
    assert_eq!(s.stats(), stats(1, 1));

    // 30 s tokens: inside the one-minute margin at once, so every send fetches a new one.
    let s = server_with(30, None, &[]).await;
    assert_eq!(s.send("k1", "+4791234567").await.0, StatusCode::CREATED);
    assert_eq!(s.stats(), stats(1, 1));
    assert_eq!(s.send("k2", "+4791234568").await.0, StatusCode::CREATED);
    assert_eq!(s.stats(), stats(2, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_from_notifications_drops_the_cached_token_and_the_send_tries_once_more() {
    let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
    let s = server_with(1800, Some(clock.clone()), &[]).await;
    assert_eq!(s.send("k1", "+4791234567").await.0, StatusCode::CREATED);
    assert_eq!(s.stats(), stats(1, 1));

    // Altinn's clock is 31 minutes ahead: the cached token has expired there. The refused
    // token is dropped and the same order (same idempotencyId) is sent with a new token.
    clock.advance_secs(31 * 60);
    let (status, p) = s.send("k2", "+4791234568").await;
    assert_eq!(status, StatusCode::CREATED, "{p}");
    assert_eq!(s.stats(), stats(2, 2), "one new token for the second try");
    assert_eq!(s.sms_to("+4791234568").await.len(), 1, "one SMS, not two");

    // The new token is cached and used by the next send.
    let (status, p) = s.send("k3", "+4791234569").await;
    assert_eq!(status, StatusCode::CREATED, "{p}");
    assert_eq!(s.stats(), stats(2, 2));
    assert_eq!(s.sms_to("+4791234569").await.len(), 1);

    // Both orders went out once with the refused token and once more with the new one.
    let calls = s.notifications_calls().await;
    assert_eq!(
        calls,
        [Some(201), Some(401), Some(201), Some(201)],
        "oldest first"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_fixed_token_is_not_sent_a_second_time() {
    let s = server_with(
        1800,
        None,
        &[("notifications_token", "not-an-altinn-token")],
    )
    .await;
    let (status, p) = s.send("k1", "+4791234567").await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{p}");
    assert_eq!(p["code"], "otp-sms-order-failed");
    assert!(s.sms_to("+4791234567").await.is_empty());
    assert_eq!(
        s.notifications_calls().await,
        [Some(401)],
        "the same token again would only be refused again"
    );
    assert_eq!(s.stats(), stats(0, 0));
}

/// Sends one code with `overrides` and returns the problem (expects a 502).
async fn token_failure(overrides: &[(&str, &str)]) -> (Value, TokenStats) {
    let s = server_with(1800, None, overrides).await;
    let (status, p) = s.send("k1", "+4791234567").await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{p}");
    assert_eq!(p["code"], "otp-sms-order-failed");
    assert!(s.sms_to("+4791234567").await.is_empty());
    (p, s.stats())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_grants_and_exchanges_answer_502_naming_the_step() {
    let (p, st) = token_failure(&[("maskinporten_client_id", "unknown-client")]).await;
    assert_eq!(p["tokenStep"], "maskinporten", "{p}");
    assert_eq!(p["upstreamStatus"], 400);
    assert!(
        p["detail"].as_str().unwrap().contains("invalid_client"),
        "{p}"
    );
    assert_eq!(st, stats(0, 0));

    let (p, _) = token_failure(&[("maskinporten_key", OTHER_KEY)]).await;
    assert_eq!(p["tokenStep"], "maskinporten");
    assert_eq!(p["upstreamStatus"], 400);
    let detail = p["detail"].as_str().unwrap();
    assert!(
        detail.contains("invalid_grant") && detail.contains("signature"),
        "{p}"
    );

    let (p, _) = token_failure(&[("maskinporten_audience", "https://test.maskinporten.no/")]).await;
    assert_eq!(p["tokenStep"], "maskinporten");
    let detail = p["detail"].as_str().unwrap();
    assert!(
        detail.contains("invalid_grant") && detail.contains("aud"),
        "{p}"
    );

    let (p, _) =
        token_failure(&[("maskinporten_scope", "altinn:serviceowner/instances.read")]).await;
    assert!(
        p["detail"].as_str().unwrap().contains("invalid_scope"),
        "{p}"
    );

    // Maskinporten grants, but the exchange is not where it is said to be.
    let (p, st) = token_failure(&[("altinn_auth_url", "{sim}/authentication/api/v0")]).await;
    assert_eq!(p["tokenStep"], "exchange", "{p}");
    assert_eq!(p["upstreamStatus"], 404);
    assert_eq!(st, stats(1, 0));
    let (p, _) = token_failure(&[(
        "altinn_auth_url",
        "http://127.0.0.1:9/authentication/api/v1",
    )])
    .await;
    assert_eq!(p["tokenStep"], "exchange", "{p}");
    assert!(p.get("upstreamStatus").is_none(), "no answer at all: {p}");
}

fn encoding_key(path: &str) -> EncodingKey {
    let pem = std::fs::read_to_string(path).unwrap();
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(&pem)
        .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(&pem))
        .unwrap();
    EncodingKey::from_rsa_der(key.to_pkcs1_der().unwrap().as_bytes())
}

fn assertion(key: &EncodingKey, claims: Value) -> String {
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, key).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_simulated_maskinporten_checks_assertions() {
    let (sim, base) = start_sim(1800, None).await;
    let http = reqwest::Client::new();
    let key = encoding_key(TEST_KEY);
    let now = now_unix();
    let good = |jti: &str| {
        json!({
            "aud": format!("{base}/maskinporten/"),
            "iss": CLIENT_ID,
            "scope": "altinn:serviceowner/notifications.create",
            "iat": now,
            "exp": now + 120,
            "jti": jti,
        })
    };
    let post = |assertion: String| {
        http.post(format!("{base}/maskinporten/token"))
            .form(&[
                ("grant_type", JWT_BEARER),
                ("assertion", assertion.as_str()),
            ])
            .send()
    };
    let error_of = |r: reqwest::Response| async move {
        assert_eq!(r.status(), 400);
        let v: Value = r.json().await.unwrap();
        v["error"].as_str().unwrap().to_owned()
    };

    let a = assertion(&key, good("jti-1"));
    let r = post(a.clone()).await.unwrap();
    assert_eq!(r.status(), 200);
    let grant: Value = r.json().await.unwrap();
    assert_eq!(grant["token_type"], "Bearer");
    assert_eq!(grant["expires_in"], 120);
    assert_eq!(grant["scope"], "altinn:serviceowner/notifications.create");
    let token = grant["access_token"].as_str().unwrap();
    let claims = sim.maskinporten.keys().verify(token, now).unwrap();
    assert_eq!(claims["iss"], format!("{base}/maskinporten/"));
    assert_eq!(claims["client_id"], CLIENT_ID);
    assert_eq!(
        claims["consumer"],
        json!({"authority": "iso6523-actorid-upis", "ID": "0192:991825827"})
    );

    // The same assertion (jti) again.
    assert_eq!(error_of(post(a).await.unwrap()).await, "invalid_grant");
    // Signed with a key that is not the client's.
    let other = encoding_key(OTHER_KEY);
    assert_eq!(
        error_of(post(assertion(&other, good("jti-2"))).await.unwrap()).await,
        "invalid_grant"
    );
    // Wrong audience.
    let mut c = good("jti-3");
    c["aud"] = json!("https://test.maskinporten.no/");
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_grant"
    );
    // Unknown client.
    let mut c = good("jti-4");
    c["iss"] = json!("someone-else");
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_client"
    );
    // A scope the client does not have.
    let mut c = good("jti-5");
    c["scope"] =
        json!("altinn:serviceowner/notifications.create digdir:dialogporten.serviceprovider");
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_scope"
    );
    // Longer than 120 s.
    let mut c = good("jti-6");
    c["exp"] = json!(now + 300);
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_grant"
    );
    // Expired.
    let mut c = good("jti-7");
    c["iat"] = json!(now - 200);
    c["exp"] = json!(now - 100);
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_grant"
    );
    // No jti.
    let mut c = good("x");
    c.as_object_mut().unwrap().remove("jti");
    assert_eq!(
        error_of(post(assertion(&key, c)).await.unwrap()).await,
        "invalid_grant"
    );

    assert_eq!(sim.maskinporten.stats(), stats(1, 0));
}

/// Lines of base64 in a PEM file (the key material).
fn key_lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() > 20)
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn no_key_assertion_or_token_in_logs_or_debug_output() {
    let s = server().await;
    assert_eq!(s.send("k1", "+4791234567").await.0, StatusCode::CREATED);
    // The logs of this and every other test in this file that ran so far.
    let logs = common::global_logs().text();
    assert!(logs.contains("service-owner token fetched"), "{logs}");
    assert!(logs.contains("otp sms ordered"), "{logs}");
    assert!(!logs.contains("eyJ"), "a JWT was logged:\n{logs}");
    for line in key_lines(TEST_KEY) {
        assert!(!logs.contains(&line));
    }

    let debug = format!("{:?}", s.state.config);
    assert!(debug.contains("Maskinporten"), "{debug}");
    assert!(debug.contains(CLIENT_ID));
    assert!(!debug.contains("PRIVATE KEY"), "{debug}");
    for line in key_lines(TEST_KEY) {
        assert!(!debug.contains(&line), "key material in Debug output");
    }

    // A fixed token and the token generator's password are redacted too.
    let dir = common::temp_dist();
    let mut fixed = settings(&dir, "http://127.0.0.1:9", &[]);
    fixed.insert("notifications_token".into(), "fixed-secret-token".into());
    let debug = format!("{:?}", Config::from_settings(&fixed).unwrap());
    assert!(!debug.contains("fixed-secret-token"), "{debug}");
    let mut generator = settings(&dir, "http://127.0.0.1:9", &[]);
    generator.remove("maskinporten_client_id");
    generator.remove("maskinporten_key");
    for (k, v) in [
        (
            "notifications_token_url",
            "https://tokens.example/GetEnterpriseToken",
        ),
        ("notifications_token_user", "user"),
        ("notifications_token_password", "generator-password"),
    ] {
        generator.insert(k.into(), v.into());
    }
    let debug = format!("{:?}", Config::from_settings(&generator).unwrap());
    assert!(debug.contains("Generator"), "{debug}");
    assert!(!debug.contains("generator-password"), "{debug}");
}
