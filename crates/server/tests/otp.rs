//! `/api/otp`: oneshot tests with a fake Notifications client and an injected clock, and
//! one test through the real simulator on an ephemeral port.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use altinn::notifications::{
    InstantOrderNotification, InstantOrderResponse, InstantSmsOrderRequest, OrderType,
    ProcessingLifecycle, RecipientType, Shipment, ShipmentRecipient,
};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode};
use chrono::{TimeZone, Utc};
use portal_server::config::Config;
use portal_server::otp::clock::ManualClock;
use portal_server::otp::notifications::{
    NotificationsClient, NotificationsError, NotificationsFuture,
};
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use serde_json::{Value, json};
use tower::ServiceExt;
use uuid::Uuid;

const ORIGIN: &str = "http://127.0.0.1:8080";
const STAFF_PID: &str = "11111111111";

/// Records orders; answers scripted errors first; optional delay per order.
#[derive(Default)]
struct FakeNotifications {
    orders: Mutex<Vec<InstantSmsOrderRequest>>,
    script: Mutex<Vec<NotificationsError>>,
    delay: Mutex<Duration>,
    statuses: Mutex<HashMap<Uuid, ProcessingLifecycle>>,
}

impl FakeNotifications {
    fn orders(&self) -> Vec<InstantSmsOrderRequest> {
        self.orders.lock().unwrap().clone()
    }

    /// The code in the last SMS to `to`.
    fn code_sent_to(&self, to: &str) -> String {
        let orders = self.orders();
        let order = orders
            .iter()
            .rev()
            .find(|o| o.recipient_sms.phone_number == to)
            .expect("an SMS to the number");
        code_in(&order.recipient_sms.sms_settings.body)
    }
}

fn code_in(body: &str) -> String {
    body.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a six-digit code in the SMS")
        .to_owned()
}

/// A stable id derived from text (the fake's shipment and order ids).
fn derived(text: &str) -> Uuid {
    use sha2::Digest as _;
    Uuid::from_slice(&sha2::Sha256::digest(text.as_bytes())[..16]).unwrap()
}

fn shipment_id_for(idempotency_id: &str) -> Uuid {
    derived(idempotency_id)
}

impl NotificationsClient for FakeNotifications {
    fn order_instant_sms(
        &self,
        order: &InstantSmsOrderRequest,
    ) -> NotificationsFuture<'_, InstantOrderResponse> {
        let order = order.clone();
        Box::pin(async move {
            let delay = *self.delay.lock().unwrap();
            tokio::time::sleep(delay).await;
            self.orders.lock().unwrap().push(order.clone());
            let scripted = {
                let mut s = self.script.lock().unwrap();
                (!s.is_empty()).then(|| s.remove(0))
            };
            if let Some(e) = scripted {
                return Err(e);
            }
            let shipment_id = shipment_id_for(&order.idempotency_id);
            Ok(InstantOrderResponse {
                notification_order_id: derived(&format!("order-{shipment_id}")),
                notification: InstantOrderNotification {
                    shipment_id,
                    senders_reference: order.senders_reference.clone(),
                },
            })
        })
    }

    fn shipment(&self, shipment_id: Uuid) -> NotificationsFuture<'_, Shipment> {
        Box::pin(async move {
            let status = self
                .statuses
                .lock()
                .unwrap()
                .get(&shipment_id)
                .cloned()
                .unwrap_or(ProcessingLifecycle::SmsAccepted);
            Ok(Shipment {
                shipment_id,
                senders_reference: None,
                order_type: OrderType::Instant,
                status: ProcessingLifecycle::OrderProcessed,
                last_update: Utc::now(),
                recipients: vec![ShipmentRecipient {
                    recipient_type: Some(RecipientType::Sms),
                    destination: "+4791234567".into(),
                    status,
                    last_update: Utc::now(),
                }],
            })
        })
    }
}

struct Fixture {
    state: AppState,
    fake: Arc<FakeNotifications>,
    clock: Arc<ManualClock>,
    staff: String,
    other_staff: String,
    citizen: String,
    dir: tempfile::TempDir,
}

fn settings(dir: &tempfile::TempDir) -> HashMap<String, String> {
    let mut s = common::custom_settings(
        &dir.path().join("dist"),
        &dir.path().join("data/portal.sqlite3"),
        "http://127.0.0.1:9/dialogporten",
    );
    s.insert("staff_pids".into(), format!("{STAFF_PID},22222222222"));
    s
}

fn open_state(
    dir: &tempfile::TempDir,
    fake: &Arc<FakeNotifications>,
    clock: &Arc<ManualClock>,
) -> AppState {
    let mut state = AppState::open(Config::from_settings(&settings(dir)).unwrap()).unwrap();
    state.otp = state
        .otp
        .clone()
        .with_notifications(fake.clone())
        .with_clock(clock.clone());
    state
}

async fn session(state: &AppState, pid: &str, name: &str) -> String {
    let id = format!("session-{pid}");
    let now = now_unix();
    let s = Session {
        access_token: "token".into(),
        pid: Some(pid.into()),
        name: Some(name.into()),
        subject: pid.into(),
        created_at: now,
        expires_at: now + 3600,
    };
    state.sessions.insert_session(&id, &s).await.unwrap();
    format!("portal_session={id}")
}

async fn fixture() -> Fixture {
    let dir = common::temp_dist();
    let fake = Arc::new(FakeNotifications::default());
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
    ));
    let state = open_state(&dir, &fake, &clock);
    let staff = session(&state, STAFF_PID, "Siri Service Desk").await;
    let other_staff = session(&state, "22222222222", "Sven Service Desk").await;
    let citizen = session(&state, "33333333333", "Ola Nordmann").await;
    Fixture {
        state,
        fake,
        clock,
        staff,
        other_staff,
        citizen,
        dir,
    }
}

struct Res {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Res {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

/// Every response body of a test, to check that none contains a code.
static BODIES: Mutex<Vec<String>> = Mutex::new(Vec::new());

impl Fixture {
    async fn send(&self, request: Request<Body>) -> Res {
        let (status, headers, body) =
            common::text(app(self.state.clone()).oneshot(request).await.unwrap()).await;
        BODIES.lock().unwrap().push(body.clone());
        Res {
            status,
            headers,
            body,
        }
    }

    async fn post(&self, uri: &str, cookie: &str, key: Option<&str>, body: Value) -> Res {
        let mut b = Request::post(uri)
            .header("cookie", cookie)
            .header("origin", ORIGIN)
            .header("content-type", "application/json");
        if let Some(k) = key {
            b = b.header("idempotency-key", k);
        }
        self.send(b.body(Body::from(body.to_string())).unwrap())
            .await
    }

    async fn create(&self, key: &str, phone: &str) -> Res {
        self.post(
            "/api/otp/challenges",
            &self.staff,
            Some(key),
            json!({"phoneNumber": phone, "caseReference": "SD-1234"}),
        )
        .await
    }

    async fn verify(&self, id: &str, code: &str) -> Res {
        self.post(
            &format!("/api/otp/challenges/{id}/verify"),
            &self.staff,
            None,
            json!({ "code": code }),
        )
        .await
    }

    async fn get(&self, uri: &str, cookie: &str) -> Res {
        self.send(common::get(uri, Some(cookie))).await
    }
}

fn wrong(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

#[tokio::test]
async fn a_code_is_sent_verified_once_and_logged() {
    let f = fixture().await;
    let r = f.create("k1", "+47 912 34 567").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let c = r.json();
    let id = c["id"].as_str().unwrap().to_owned();
    assert_eq!(r.headers["location"], format!("/api/otp/challenges/{id}"));
    assert_eq!(c["state"], "pending");
    assert_eq!(c["phoneNumberMasked"], "+47*****567");
    assert_eq!(c["caseReference"], "SD-1234");
    assert_eq!(c["secondsLeft"], 300);
    assert_eq!(c["attemptsLeft"], 5);
    assert_eq!(c["expiresAt"], "2026-11-24T09:05:00Z");
    assert_eq!(c["resendAvailableAt"], "2026-11-24T09:00:30Z");
    assert_eq!(c["delivery"]["state"], "sending");
    assert_eq!(
        c["shipmentId"],
        shipment_id_for(&id).to_string(),
        "shipment id from the order"
    );
    assert!(c["notificationOrderId"].is_string());

    let orders = f.fake.orders();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(o.idempotency_id, id);
    assert_eq!(o.recipient_sms.phone_number, "+4791234567");
    assert_eq!(o.recipient_sms.time_to_live_in_seconds, 300);
    assert_eq!(
        o.recipient_sms.sms_settings.sender.as_deref(),
        Some("Altinn")
    );
    let code = f.fake.code_sent_to("+4791234567");
    assert_eq!(
        o.recipient_sms.sms_settings.body,
        format!("Din engangskode er: {code}. Koden utløper om 5 minutter.")
    );
    assert!(!r.body.contains(&code));

    let got = f.get(&format!("/api/otp/challenges/{id}"), &f.staff).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.json()["delivery"]["state"], "accepted");
    assert_eq!(got.json()["delivery"]["status"], "SMS_Accepted");

    f.clock.advance_secs(20);
    let ok = f
        .verify(&id, &format!(" {} {} ", &code[..3], &code[3..]))
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.json()["state"], "verified");
    assert_eq!(ok.json()["secondsLeft"], 0);

    let again = f.verify(&id, &code).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json()["code"], "otp-used");
    assert_eq!(again.headers["content-type"], "application/problem+json");

    let log = f.get("/api/otp/verifications", &f.staff).await.json();
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["challengeId"], id.as_str());
    assert_eq!(items[0]["result"], "verified");
    assert_eq!(items[0]["phoneNumberMasked"], "+47*****567");
    assert_eq!(items[0]["staffName"], "Siri Service Desk");
    assert_eq!(items[0]["caseReference"], "SD-1234");
    assert_eq!(items[0]["failedAttempts"], 0);
    assert_eq!(items[0]["completedAt"], "2026-11-24T09:00:20Z");
    // Another staff user sees neither the record nor the challenge.
    let other = f.get("/api/otp/verifications", &f.other_staff).await.json();
    assert_eq!(other["items"], json!([]));
    let other = f
        .get(&format!("/api/otp/challenges/{id}"), &f.other_staff)
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn invalid_numbers_get_a_field_error_and_no_sms() {
    let f = fixture().await;
    for bad in ["12345", "+4721234567", "++4791234567", "hello"] {
        let r = f.create(&format!("bad-{bad}"), bad).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.body);
        let p = r.json();
        assert_eq!(p["code"], "otp-invalid-phone-number");
        assert!(p["errors"]["phoneNumber"][0].as_str().unwrap().len() > 10);
    }
    assert!(f.fake.orders().is_empty());
    let no_key = f
        .post(
            "/api/otp/challenges",
            &f.staff,
            None,
            json!({"phoneNumber": "91234567"}),
        )
        .await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_key.json()["code"], "idempotency-key-missing");
    let malformed = f.verify(&Uuid::nil().to_string(), "12a456").await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json()["code"], "otp-invalid-code-format");
    let unknown = f.verify(&Uuid::nil().to_string(), "123456").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn codes_expire() {
    let f = fixture().await;
    let c = f.create("k1", "91234567").await.json();
    let id = c["id"].as_str().unwrap();
    let code = f.fake.code_sent_to("+4791234567");
    f.clock.advance_secs(299);
    let g = f
        .get(&format!("/api/otp/challenges/{id}"), &f.staff)
        .await
        .json();
    assert_eq!(g["state"], "pending");
    assert_eq!(g["secondsLeft"], 1);
    f.clock.advance_secs(1);
    let g = f
        .get(&format!("/api/otp/challenges/{id}"), &f.staff)
        .await
        .json();
    assert_eq!(g["state"], "expired");
    assert_eq!(g["secondsLeft"], 0);
    let r = f.verify(id, &code).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert_eq!(r.json()["code"], "otp-expired");
    let log = f.get("/api/otp/verifications", &f.staff).await.json();
    assert_eq!(log["items"][0]["result"], "expired");
}

#[tokio::test]
async fn five_wrong_codes_lock_the_challenge() {
    let f = fixture().await;
    let c = f.create("k1", "91234567").await.json();
    let id = c["id"].as_str().unwrap();
    let code = f.fake.code_sent_to("+4791234567");
    for left in (1..5).rev() {
        let r = f.verify(id, &wrong(&code)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.json()["code"], "otp-wrong-code");
        assert_eq!(r.json()["attemptsLeft"], left);
    }
    let r = f.verify(id, &wrong(&code)).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.json()["code"], "otp-locked");
    let r = f.verify(id, &code).await;
    assert_eq!(
        r.status,
        StatusCode::LOCKED,
        "the right code no longer works"
    );
    let g = f
        .get(&format!("/api/otp/challenges/{id}"), &f.staff)
        .await
        .json();
    assert_eq!(g["state"], "locked");
    assert_eq!(g["attemptsLeft"], 0);
    let log = f.get("/api/otp/verifications", &f.staff).await.json();
    assert_eq!(log["items"][0]["result"], "locked");
    assert_eq!(log["items"][0]["failedAttempts"], 5);
}

#[tokio::test]
async fn a_repeated_idempotency_key_returns_the_same_challenge_and_sends_once() {
    let f = fixture().await;
    let first = f.create("same", "91234567").await;
    let again = f.create("same", "+4791234567").await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(first.json(), again.json());
    assert_eq!(f.fake.orders().len(), 1);
    // The same key for another number is a client bug.
    let other = f.create("same", "+4741234567").await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.json()["code"], "idempotency-key-reused");
    // Keys belong to a staff user: another one's "same" is a new challenge.
    f.clock.advance_secs(30);
    let theirs = f
        .post(
            "/api/otp/challenges",
            &f.other_staff,
            Some("same"),
            json!({"phoneNumber": "41234567"}),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED);
    assert_eq!(f.fake.orders().len(), 2);
}

#[tokio::test]
async fn two_parallel_requests_with_one_key_send_one_sms() {
    let f = fixture().await;
    *f.fake.delay.lock().unwrap() = Duration::from_millis(300);
    let (a, b) = tokio::join!(f.create("dbl", "91234567"), f.create("dbl", "91234567"));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
    assert_eq!(a.json()["id"], b.json()["id"]);
    assert_eq!(a.json(), b.json(), "the repeat waits for the order's ids");
    assert_eq!(f.fake.orders().len(), 1);
}

#[tokio::test]
async fn cooldown_and_rate_limits_answer_429_with_retry_after() {
    let f = fixture().await;
    assert_eq!(f.create("a1", "91234567").await.status, StatusCode::CREATED);
    f.clock.advance_secs(10);
    let r = f.create("a2", "91234567").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["retry-after"], "20");
    assert_eq!(r.json()["code"], "otp-cooldown");
    assert_eq!(r.json()["retryAfter"], 20);
    // Five per number in 15 minutes.
    for i in 2..=5 {
        f.clock.advance_secs(30);
        let r = f.create(&format!("a{i}-ok"), "91234567").await;
        assert_eq!(r.status, StatusCode::CREATED, "{i}: {}", r.body);
    }
    f.clock.advance_secs(30);
    let r = f.create("a6", "91234567").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.json()["code"], "otp-rate-limited");
    // The first went at 09:00:00, now is 09:02:40: it leaves the window at 09:15:00.
    assert_eq!(r.headers["retry-after"], (900 - 160).to_string());
    assert_eq!(f.fake.orders().len(), 5);
    // Five per staff user: the user who sent five is refused for another number too.
    let r = f.create("b1", "41234567").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.json()["code"], "otp-rate-limited");
    f.clock.advance_secs(900 - 160);
    assert_eq!(f.create("b2", "41234567").await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_new_code_supersedes_the_previous_one() {
    let f = fixture().await;
    let c1 = f.create("r1", "91234567").await.json();
    let code1 = f.fake.code_sent_to("+4791234567");
    f.clock.advance_secs(30);
    let c2 = f.create("r2", "91234567").await.json();
    let code2 = f.fake.code_sent_to("+4791234567");
    let id1 = c1["id"].as_str().unwrap();
    let id2 = c2["id"].as_str().unwrap();
    let g = f
        .get(&format!("/api/otp/challenges/{id1}"), &f.staff)
        .await
        .json();
    assert_eq!(g["state"], "superseded");
    let r = f.verify(id1, &code1).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json()["code"], "otp-superseded");
    assert_eq!(f.verify(id2, &code2).await.status, StatusCode::OK);
    let log = f.get("/api/otp/verifications", &f.staff).await.json();
    assert_eq!(log["items"][0]["challengeId"], id2);
    assert_eq!(log["items"][0]["result"], "verified");
    assert_eq!(log["items"][1]["result"], "superseded");
}

#[tokio::test]
async fn a_restart_loses_no_challenge_and_no_record() {
    let f = fixture().await;
    let c = f.create("k1", "91234567").await.json();
    let id = c["id"].as_str().unwrap().to_owned();
    let code = f.fake.code_sent_to("+4791234567");
    assert_eq!(
        f.verify(&id, &wrong(&code)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let Fixture {
        state,
        fake,
        clock,
        staff,
        dir,
        ..
    } = f;
    drop(state);
    // A new process over the same file: the generated secret was kept, so the hash matches.
    let reopened = Fixture {
        state: open_state(&dir, &fake, &clock),
        fake,
        clock,
        staff,
        other_staff: String::new(),
        citizen: String::new(),
        dir,
    };
    let g = reopened
        .get(&format!("/api/otp/challenges/{id}"), &reopened.staff)
        .await
        .json();
    assert_eq!(g["state"], "pending");
    assert_eq!(g["attemptsLeft"], 4);
    assert_eq!(
        reopened.create("k1", "91234567").await.status,
        StatusCode::OK
    );
    let r = reopened.verify(&id, &code).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let log = reopened
        .get("/api/otp/verifications", &reopened.staff)
        .await
        .json();
    assert_eq!(log["items"][0]["result"], "verified");
    assert_eq!(log["items"][0]["failedAttempts"], 1);
    assert_eq!(reopened.fake.orders().len(), 1);
}

#[tokio::test]
async fn only_staff_from_our_origin_may_use_otp() {
    let f = fixture().await;
    let anon = f
        .send(
            Request::post("/api/otp/challenges")
                .header("origin", ORIGIN)
                .header("idempotency-key", "x")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"phoneNumber":"91234567"}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(anon.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anon.json()["code"], "session-expired");
    let citizen = f
        .post(
            "/api/otp/challenges",
            &f.citizen,
            Some("x"),
            json!({"phoneNumber": "91234567"}),
        )
        .await;
    assert_eq!(citizen.status, StatusCode::FORBIDDEN);
    assert_eq!(citizen.json()["code"], "not-staff");
    assert_eq!(citizen.headers["content-type"], "application/problem+json");
    let log = f.get("/api/otp/verifications", &f.citizen).await;
    assert_eq!(log.status, StatusCode::FORBIDDEN);
    let foreign = f
        .send(
            Request::post("/api/otp/challenges")
                .header("cookie", &f.staff)
                .header("origin", "https://evil.example")
                .header("idempotency-key", "x")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"phoneNumber":"91234567"}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(foreign.json()["code"], "cross-origin");
    assert!(f.fake.orders().is_empty());
}

#[tokio::test]
async fn sms_orders_are_retried_only_when_the_summary_says_so() {
    let f = fixture().await;
    let unavailable = || NotificationsError::Status {
        status: 503,
        code: Some("NOT-00004".into()),
        title: None,
    };
    *f.fake.script.lock().unwrap() = vec![unavailable(), NotificationsError::Timeout];
    let r = f.create("t1", "91234567").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let orders = f.fake.orders();
    assert_eq!(orders.len(), 3, "two retries, one at a time");
    assert!(orders.iter().all(|o| o.idempotency_id == r.json()["id"]));
    assert!(
        orders.windows(2).all(|w| w[0] == w[1]),
        "the same order each time"
    );

    *f.fake.script.lock().unwrap() = vec![NotificationsError::Status {
        status: 400,
        code: None,
        title: Some("One or more validation errors occurred.".into()),
    }];
    f.clock.advance_secs(30);
    let r = f.create("t2", "41234567").await;
    assert_eq!(r.status, StatusCode::BAD_GATEWAY);
    assert_eq!(r.json()["code"], "otp-sms-order-failed");
    assert_eq!(f.fake.orders().len(), 4, "a 400 is not retried");
    // The same key replays the failure without a new order.
    let again = f.create("t2", "41234567").await;
    assert_eq!(again.status, StatusCode::BAD_GATEWAY);
    assert_eq!(f.fake.orders().len(), 4);
    // A failed order does not start the cooldown: a new key may try again at once.
    assert_eq!(f.create("t3", "41234567").await.status, StatusCode::CREATED);

    *f.fake.script.lock().unwrap() = vec![unavailable(), unavailable(), unavailable()];
    f.clock.advance_secs(30);
    let r = f.create("t4", "91234567").await;
    assert_eq!(r.status, StatusCode::BAD_GATEWAY);
    assert_eq!(r.json()["upstreamCode"], "NOT-00004");
}

#[tokio::test]
async fn delivery_failures_are_shown_with_their_reason() {
    let f = fixture().await;
    let c = f.create("k1", "+4799999001").await.json();
    let id = c["id"].as_str().unwrap();
    f.fake.statuses.lock().unwrap().insert(
        shipment_id_for(id),
        ProcessingLifecycle::SmsFailedInvalidRecipient,
    );
    let g = f
        .get(&format!("/api/otp/challenges/{id}"), &f.staff)
        .await
        .json();
    assert_eq!(
        g["delivery"],
        json!({"state": "failed", "status": "SMS_Failed_InvalidRecipient", "reason": "invalid-recipient"})
    );
    f.fake.statuses.lock().unwrap().insert(
        shipment_id_for(id),
        ProcessingLifecycle::Unknown("SMS_Beamed".into()),
    );
    let g = f
        .get(&format!("/api/otp/challenges/{id}"), &f.staff)
        .await
        .json();
    assert_eq!(g["delivery"]["state"], "unknown");
    assert_eq!(g["delivery"]["status"], "SMS_Beamed");
}

#[tokio::test]
async fn no_response_and_no_log_line_contains_a_code() {
    let logs = common::global_logs();
    BODIES.lock().unwrap().clear();

    let f = fixture().await;
    let c = f.create("k1", "91234567").await.json();
    let id = c["id"].as_str().unwrap().to_owned();
    f.create("k1", "91234567").await;
    let code = f.fake.code_sent_to("+4791234567");
    f.verify(&id, &wrong(&code)).await;
    f.get(&format!("/api/otp/challenges/{id}"), &f.staff).await;
    f.verify(&id, &code).await;
    f.verify(&id, &code).await;
    f.get("/api/otp/verifications", &f.staff).await;
    f.clock.advance_secs(30);
    *f.fake.script.lock().unwrap() = vec![NotificationsError::Timeout];
    f.create("k2", "41234567").await;
    let code2 = f.fake.code_sent_to("+4741234567");

    let logs = logs.text();
    assert!(
        logs.contains("otp verification"),
        "logging was captured: {logs}"
    );
    assert!(logs.contains("+47*****567"));
    for c in [&code, &code2] {
        assert!(
            !logs.contains(c.as_str()),
            "a log line contains a code:\n{logs}"
        );
        for body in BODIES.lock().unwrap().iter() {
            assert!(
                !body.contains(c.as_str()),
                "a response contains a code: {body}"
            );
        }
    }
    assert!(
        !logs.contains("91234567") && !logs.contains("41234567"),
        "numbers are masked"
    );
}

/// The whole path through the real simulator: the server orders the SMS over HTTP with a
/// token from the simulated Maskinporten and token exchange (local mode's default), the code
/// is read from the SMS outbox.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_the_simulator_the_code_arrives_and_verifies() {
    let dir = common::temp_dist();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let settings: HashMap<String, String> = [
        ("env", "local"),
        ("public_url", base.as_str()),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        ("database", dir.path().join("p.sqlite3").to_str().unwrap()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    let siri = state.staff_pids[0].clone();
    let cookie = session(&state, &siri, "Siri Service Desk").await;
    tokio::spawn(axum::serve(listener, app(state)).into_future());
    let http = reqwest::Client::new();

    let personas: Value = http
        .get(format!("{base}/sim/api/personas"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let staff = personas
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["pid"] == siri.as_str())
        .unwrap();
    assert!(staff["name"].as_str().unwrap().contains("Service Desk"));

    let create = |key: &'static str, phone: &'static str| {
        http.post(format!("{base}/api/otp/challenges"))
            .header("cookie", &cookie)
            .header("origin", &base)
            .header("idempotency-key", key)
            .json(&json!({"phoneNumber": phone, "language": "en"}))
            .send()
    };
    let r = create("sim-1", "+4791234567").await.unwrap();
    assert_eq!(r.status(), 201);
    let c: Value = r.json().await.unwrap();
    let id = c["id"].as_str().unwrap().to_owned();
    assert!(c["shipmentId"].is_string());
    assert_eq!(create("sim-1", "+4791234567").await.unwrap().status(), 200);

    let sms: Value = http
        .get(format!("{base}/sim/api/sms?to=%2B4791234567"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(sms.as_array().unwrap().len(), 1, "one SMS: {sms}");
    let body = sms[0]["body"].as_str().unwrap();
    assert!(body.starts_with("Your one-time code is: "), "{body}");
    assert!(body.ends_with("The code expires in 5 minutes."));
    let code = code_in(body);

    let g: Value = http
        .get(format!("{base}/api/otp/challenges/{id}"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        g["delivery"]["status"]
            .as_str()
            .unwrap()
            .starts_with("SMS_"),
        "{g}"
    );

    let v = http
        .post(format!("{base}/api/otp/challenges/{id}/verify"))
        .header("cookie", &cookie)
        .header("origin", &base)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(v.status(), 200);
    let v: Value = v.json().await.unwrap();
    assert_eq!(v["state"], "verified");

    // A failing test number: the order is accepted, the shipment reports the failure.
    let r = create("sim-2", "+4799999001").await.unwrap();
    assert_eq!(r.status(), 201);
    let id: String = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .into();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let g: Value = http
            .get(format!("{base}/api/otp/challenges/{id}"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if g["delivery"]["state"] == "failed" {
            assert_eq!(g["delivery"]["reason"], "invalid-recipient");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no failure: {g}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
