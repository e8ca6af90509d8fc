//! The developer API log (`GET /api/dev/api-log`): against the real simulator on an
//! ephemeral port (Dialogporten and Notifications over HTTP), plus a fake Dialogporten for
//! timeouts. URLs come masked, entries per page and per session, problems of errors kept.

mod common;

use std::sync::Arc;

use altinn_sim::{Sim, SimConfig};
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use common::*;
use portal_api::api_log::{ApiLog, ApiLogEntry, Failure, Upstream};
use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use serde_json::{Value, json};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:8080";

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

/// A portal (custom environment) whose Dialogporten and Notifications are the simulator's.
struct Portal {
    sim: Arc<Sim>,
    state: AppState,
    _dir: tempfile::TempDir,
}

async fn portal(extra: &[(&str, &str)]) -> Portal {
    let (sim, base) = start_sim().await;
    let dir = temp_dist();
    let mut settings = custom_settings(
        &dir.path().join("dist"),
        &dir.path().join("portal.sqlite3"),
        &format!("{base}/dialogporten"),
    );
    settings.insert("upstream_timeout_seconds".into(), "5".into());
    settings.insert(
        "notifications_url".into(),
        format!("{base}/notifications/api/v1"),
    );
    settings.insert(
        "notifications_token_url".into(),
        format!(
            "{base}/sim/token-generator/GetEnterpriseToken?env=tt02&scopes=altinn:serviceowner/notifications.create&org=ttd&orgNo=991825827"
        ),
    );
    settings.insert("notifications_token_user".into(), "sim".into());
    settings.insert("notifications_token_password".into(), "sim".into());
    // The first persona may send codes here (the staff check only looks at the pid).
    settings.insert("staff_pids".into(), sim.personas()[0].pid.clone());
    for (k, v) in extra {
        settings.insert((*k).into(), (*v).into());
    }
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    Portal {
        sim,
        state,
        _dir: dir,
    }
}

impl Portal {
    /// A session of the `n`th persona with a simulator access token; the cookie.
    async fn session(&self, n: usize) -> String {
        let persona = &self.sim.personas()[n];
        let token = self
            .sim
            .access_token_for(&persona.pid, "portal-local")
            .unwrap();
        let id = format!("api-log-{n}-{}", persona.pid);
        let now = now_unix();
        let session = Session {
            access_token: token,
            pid: Some(persona.pid.clone()),
            name: Some(persona.name.clone()),
            subject: format!("sub-{n}"),
            created_at: now,
            expires_at: now + 600,
        };
        self.state
            .sessions
            .insert_session(&id, &session)
            .await
            .unwrap();
        format!("portal_session={id}")
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, String) {
        let (status, _, body) = text(app(self.state.clone()).oneshot(request).await.unwrap()).await;
        (status, body)
    }

    async fn log(&self, cookie: &str, page: Option<u64>) -> (StatusCode, String) {
        let uri = match page {
            Some(p) => format!("/api/dev/api-log?page={p}"),
            None => "/api/dev/api-log".to_owned(),
        };
        self.send(get(&uri, Some(cookie))).await
    }

    async fn entries(&self, cookie: &str, page: Option<u64>) -> Vec<ApiLogEntry> {
        let (status, body) = self.log(cookie, page).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_str::<ApiLog>(&body).unwrap().entries
    }
}

fn on_page(uri: &str, cookie: &str, page: u64) -> Request<Body> {
    Request::builder()
        .uri(uri)
        .header("cookie", cookie)
        .header("x-portal-page", page.to_string())
        .body(Body::empty())
        .unwrap()
}

/// Whether `text` holds a run of exactly eleven digits (a national identity number).
fn has_pid(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 11)
}

#[tokio::test]
async fn a_search_and_an_sms_order_are_logged_per_page_with_masked_urls() {
    let p = portal(&[]).await;
    let cookie = p.session(0).await;
    let pid = p.sim.personas()[0].pid.clone();
    let party = format!("urn:altinn:person:identifier-no:{pid}");

    // Page 1: the parties. Page 2: a dialog search on the person (URL-encoded URN).
    let (status, _) = p
        .send(on_page(
            "/api/dialogporten/api/v1/enduser/parties",
            &cookie,
            1,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let encoded: String = url::form_urlencoded::byte_serialize(party.as_bytes()).collect();
    let search = format!("/api/dialogporten/api/v1/enduser/dialogs?party={encoded}&limit=10");
    let (status, body) = p.send(on_page(&search, &cookie, 2)).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Page 3: a one-time code by SMS through Notifications.
    let order = Request::builder()
        .method("POST")
        .uri("/api/otp/challenges")
        .header("cookie", &cookie)
        .header("origin", ORIGIN)
        .header("idempotency-key", "api-log-1")
        .header("x-portal-page", "3")
        .header("content-type", "application/json")
        .body(Body::from(
            json!({"phoneNumber": "+4791234567", "language": "en"}).to_string(),
        ))
        .unwrap();
    let (status, body) = p.send(order).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let page2 = p.entries(&cookie, Some(2)).await;
    assert_eq!(page2.len(), 1, "{page2:?}");
    let search = &page2[0];
    assert_eq!(search.method, "GET");
    assert_eq!(search.upstream, Upstream::Dialogporten);
    assert_eq!(search.status, Some(200));
    assert_eq!(search.page, Some(2));
    assert!(search.problem.is_none());
    assert!(
        search
            .url
            .contains("/dialogporten/api/v1/enduser/dialogs?party=")
            && search.url.contains("identifier-no%3A***********")
            && search.url.ends_with("&limit=10"),
        "{}",
        search.url
    );

    let page3 = p.entries(&cookie, Some(3)).await;
    assert_eq!(page3.len(), 1, "{page3:?}");
    let sms = &page3[0];
    assert_eq!(sms.method, "POST");
    assert_eq!(sms.upstream, Upstream::Notifications);
    assert!(matches!(sms.status, Some(200 | 201)), "{sms:?}");
    assert!(
        sms.url
            .ends_with("/notifications/api/v1/future/orders/instant/sms"),
        "{}",
        sms.url
    );

    // Without a page: everything, newest first; nothing secret anywhere.
    let (_, all_text) = p.log(&cookie, None).await;
    let all: ApiLog = serde_json::from_str(&all_text).unwrap();
    let pages: Vec<_> = all.entries.iter().map(|e| e.page).collect();
    assert_eq!(pages, [Some(3), Some(2), Some(1)]);
    assert!(all.entries.windows(2).all(|w| w[0].seq > w[1].seq));
    assert!(!has_pid(&all_text), "{all_text}");
    assert!(!all_text.contains("4791234567"), "{all_text}");
    assert!(!all_text.contains("eyJ"), "{all_text}");
    assert!(
        !all_text.to_ascii_lowercase().contains("bearer"),
        "{all_text}"
    );
    assert!(!all_text.contains("one-time code"), "{all_text}");
}

#[tokio::test]
async fn an_error_answer_keeps_its_problem_details() {
    let p = portal(&[]).await;
    let cookie = p.session(0).await;
    let deleted = p.sim.fixtures().deleted;
    let (status, body) = p
        .send(on_page(
            &format!("/api/dialogporten/api/v1/enduser/dialogs/{deleted}"),
            &cookie,
            7,
        ))
        .await;
    assert_eq!(status, StatusCode::GONE);
    // The browser still gets the whole problem.
    let upstream: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(upstream["status"], 410);

    let entries = p.entries(&cookie, Some(7)).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(e.status, Some(410));
    assert!(e.is_error());
    let problem = e.problem.as_deref().expect("the problem body");
    let logged: Value = serde_json::from_str(problem).unwrap();
    assert_eq!(logged["status"], 410);
    assert_eq!(logged["title"], upstream["title"]);
    assert!(!e.problem_truncated);

    // The content route's own Dialogporten call (the dialog details) is logged too.
    let missing = "01930000-0000-7000-8000-000000000000";
    let (status, _) = p
        .send(on_page(
            &format!("/api/dialogs/{missing}/content"),
            &cookie,
            8,
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let entries = p.entries(&cookie, Some(8)).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].status, Some(404));
    assert!(
        entries[0]
            .url
            .ends_with(&format!("/enduser/dialogs/{missing}"))
    );
    assert!(entries[0].problem.as_deref().unwrap().contains("404"));
}

#[tokio::test]
async fn a_session_sees_only_its_own_calls() {
    let p = portal(&[]).await;
    let ola = p.session(0).await;
    let kari = p.session(1).await;
    p.send(on_page("/api/dialogporten/api/v1/enduser/parties", &ola, 1))
        .await;
    assert_eq!(p.entries(&ola, None).await.len(), 1);
    assert!(p.entries(&kari, None).await.is_empty());
    p.send(on_page(
        "/api/dialogporten/api/v1/enduser/parties",
        &kari,
        1,
    ))
    .await;
    assert_eq!(p.entries(&kari, None).await.len(), 1);
    assert_eq!(p.entries(&ola, None).await.len(), 1);

    // Without a session (or with an unknown one): 401.
    let (status, _) = p.send(get("/api/dev/api-log", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = p.log("portal_session=nobody", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // A page that is not a number: 400 problem.
    let (status, body) = p.send(get("/api/dev/api-log?page=x", Some(&ola))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("\"status\":400"), "{body}");

    // Logging out drops the log.
    assert_eq!(p.state.api_log.session_count(), 2);
    let logout = Request::builder()
        .method("POST")
        .uri("/api/logout")
        .header("cookie", &ola)
        .header("origin", ORIGIN)
        .body(Body::empty())
        .unwrap();
    assert_eq!(p.send(logout).await.0, StatusCode::OK);
    assert_eq!(p.state.api_log.session_count(), 1);
}

#[tokio::test]
async fn turned_off_the_route_is_404_nothing_is_kept_and_the_session_says_so() {
    let p = portal(&[("api_log", "off")]).await;
    let cookie = p.session(0).await;
    let (status, _) = p
        .send(on_page(
            "/api/dialogporten/api/v1/enduser/parties",
            &cookie,
            1,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(p.log(&cookie, None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(p.state.api_log.session_count(), 0);
    let (_, body) = p.send(get("/api/session", Some(&cookie))).await;
    let session: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(session["apiLog"], false);

    let on = portal(&[]).await;
    let cookie = on.session(0).await;
    let (_, body) = on.send(get("/api/session", Some(&cookie))).await;
    let session: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(session["apiLog"], true);
}

#[tokio::test]
async fn timeouts_and_refused_connections_are_logged_as_such() {
    let dir = temp_dist();
    let state = test_state(&dir, &fake_dialogporten().await);
    let cookie = login_directly(&state, "token-1").await;
    let status = app(state.clone())
        .oneshot(on_page("/api/dialogporten/api/v1/enduser/slow", &cookie, 4))
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT);
    let entries = state.api_log.entries(&hashed(&cookie), Some(4));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].failure, Some(Failure::Timeout));
    assert_eq!(entries[0].status, None);
    assert!(entries[0].duration_ms >= 400, "{:?}", entries[0]);

    let dir = temp_dist();
    let state = test_state(&dir, "http://127.0.0.1:9/dialogporten");
    let cookie = login_directly(&state, "token-2").await;
    let status = app(state.clone())
        .oneshot(on_page(
            "/api/dialogporten/api/v1/enduser/parties",
            &cookie,
            5,
        ))
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    let entries = state.api_log.entries(&hashed(&cookie), None);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].failure, Some(Failure::Connection));
    assert_eq!(entries[0].page, Some(5));
}

/// The in-memory key of a session cookie header (`portal_session=…`).
fn hashed(cookie: &str) -> String {
    portal_server::store::hash_key(cookie.strip_prefix("portal_session=").unwrap())
}
