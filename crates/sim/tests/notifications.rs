//! The Notifications simulator through its router (tower `oneshot`, no ports, no sleeps).

use std::sync::Arc;

use altinn_sim::notifications::{self, Claims, ManualClock, NotificationsSim};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use tower::ServiceExt;

const SCOPE: &str = "altinn:serviceowner/notifications.create";

// Test tokens: "test." + hex(JSON claims). The real simulator plugs in its JWT module.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

fn sign(claims: &Claims) -> String {
    format!("test.{}", hex(&serde_json::to_vec(claims).unwrap()))
}

fn verify(token: &str) -> Option<Claims> {
    serde_json::from_slice(&unhex(token.strip_prefix("test.")?)?).ok()
}

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-24T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

struct Sim {
    app: Router,
    clock: Arc<ManualClock>,
}

fn sim() -> Sim {
    let clock = Arc::new(ManualClock::new(start()));
    let state = NotificationsSim::new(42, Arc::new(|t: &str, _now: i64| verify(t)))
        .with_clock(clock.clone())
        .with_signer(Arc::new(sign))
        .with_public_base_url("http://127.0.0.1:8080");
    Sim {
        app: notifications::router(state),
        clock,
    }
}

fn token_for(org: Option<&str>, scope: &str) -> String {
    let now = start().timestamp();
    let mut c = json!({ "scope": scope, "iat": now, "exp": now + 100_000, "urn:altinn:orgNumber": "991825827" });
    if let Some(org) = org {
        c["urn:altinn:org"] = json!(org);
    }
    sign(c.as_object().unwrap())
}

fn ttd() -> String {
    token_for(Some("ttd"), SCOPE)
}

struct Res {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Res {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Sim {
    async fn send(&self, req: Request<Body>) -> Res {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Res {
            status,
            headers,
            body,
        }
    }

    async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Res {
        let mut req = Request::post(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Res {
        let mut req = Request::get(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    async fn sms(&self, token: &str, body: &Value) -> Res {
        self.post(
            "/notifications/api/v1/future/orders/instant/sms",
            Some(token),
            body,
        )
        .await
    }

    async fn shipment(&self, id: &str) -> Value {
        let res = self
            .get(
                &format!("/notifications/api/v1/future/shipment/{id}"),
                Some(&ttd()),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()
    }

    async fn feed(&self, query: &str) -> Res {
        self.get(
            &format!("/notifications/api/v1/future/shipment/feed{query}"),
            Some(&ttd()),
        )
        .await
    }

    fn advance(&self, secs: i64) {
        self.clock.advance_secs(secs);
    }
}

fn sms_order(idempotency_id: &str, phone: &str) -> Value {
    json!({
        "idempotencyId": idempotency_id,
        "sendersReference": "ref-1",
        "recipientSms": {
            "phoneNumber": phone,
            "timeToLiveInSeconds": 300,
            "smsSettings": { "sender": "Altinn-test", "body": "Your code is 123456" }
        }
    })
}

fn shipment_id(order_response: &Value) -> String {
    order_response["notification"]["shipmentId"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn sms_order_is_created_with_the_documented_shape() {
    let s = sim();
    let res = s.sms(&ttd(), &sms_order("idem-1", "+4799999999")).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let body = res.json();
    let order_id = body["notificationOrderId"].as_str().unwrap();
    uuid::Uuid::parse_str(order_id).unwrap();
    uuid::Uuid::parse_str(&shipment_id(&body)).unwrap();
    assert_eq!(body["notification"]["sendersReference"], "ref-1");
    assert_eq!(body.as_object().unwrap().len(), 2);
    assert_eq!(
        res.headers[header::LOCATION],
        format!("http://127.0.0.1:8080/notifications/api/v1/orders/chain/{order_id}").as_str()
    );
    assert!(
        res.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );

    // sendersReference is omitted when null; 00-prefixed numbers are accepted; sender defaults.
    let mut order = sms_order("idem-2", "004799999998");
    order.as_object_mut().unwrap().remove("sendersReference");
    order["recipientSms"]["smsSettings"]
        .as_object_mut()
        .unwrap()
        .remove("sender");
    let res = s.sms(&ttd(), &order).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert!(res.json()["notification"].get("sendersReference").is_none());
    s.advance(3);
    let outbox = s
        .get("/sim/api/sms-outbox?phoneNumber=%2B4799999998", None)
        .await
        .json();
    assert_eq!(outbox[0]["sender"], "Altinn");
    assert_eq!(outbox[0]["to"], "004799999998");
}

#[tokio::test]
async fn repeated_idempotency_id_answers_200_with_the_original_body_and_sends_once() {
    let s = sim();
    let first = s.sms(&ttd(), &sms_order("same", "+4799999999")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    s.advance(1);
    // A different body is neither compared nor used.
    let second = s.sms(&ttd(), &sms_order("same", "+4741234567")).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.json(), first.json());
    // The lookup is shared with the e-mail endpoint.
    let email = json!({"idempotencyId": "same", "recipientEmail": {"emailAddress": "ola@example.com",
        "emailSettings": {"subject": "s", "body": "b"}}});
    let third = s
        .post(
            "/notifications/api/v1/future/orders/instant/email",
            Some(&ttd()),
            &email,
        )
        .await;
    assert_eq!(third.status, StatusCode::OK);
    assert_eq!(third.json(), first.json());
    // Another org has its own idempotency space.
    let other = s
        .sms(
            &token_for(Some("skd"), SCOPE),
            &sms_order("same", "+4799999999"),
        )
        .await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_ne!(other.json(), first.json());

    s.advance(5);
    let outbox = s.get("/sim/api/sms-outbox?all=true", None).await.json();
    assert_eq!(outbox.as_array().unwrap().len(), 2, "{outbox}");
    let ttd_messages: Vec<&Value> = outbox
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["org"] == "ttd")
        .collect();
    assert_eq!(ttd_messages.len(), 1);
    assert_eq!(ttd_messages[0]["to"], "+4799999999");
}

async fn validation_errors(s: &Sim, body: &Value) -> Value {
    let res = s.sms(&ttd(), body).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.text());
    assert!(
        res.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    let p = res.json();
    assert_eq!(p["status"], 400);
    assert_eq!(p["title"], "One or more validation errors occurred.");
    assert!(p["traceId"].as_str().is_some_and(|t| t.starts_with("00-")));
    p["errors"].clone()
}

#[tokio::test]
async fn invalid_orders_get_validation_problem_details() {
    let s = sim();
    for bad in [
        "+4712345678",
        "4799999999",
        "1234567890",
        "invalid-phone",
        "++4799999999",
        "+479999999",
    ] {
        let errors = validation_errors(&s, &sms_order("v1", bad)).await;
        assert_eq!(
            errors["RecipientSms.PhoneNumber"][0],
            "Recipient phone number is not a valid mobile number.",
            "{bad}"
        );
    }
    for ttl in [0, 59, 172_801] {
        let mut o = sms_order("v2", "+4799999999");
        o["recipientSms"]["timeToLiveInSeconds"] = json!(ttl);
        let errors = validation_errors(&s, &o).await;
        assert_eq!(
            errors["RecipientSms.TimeToLiveInSeconds"][0],
            "Time-to-live must be between 60 and 172800 seconds (48 hours)."
        );
    }
    for (i, ttl) in [60, 172_800].into_iter().enumerate() {
        let mut o = sms_order(&format!("ok-{i}"), "+4799999999");
        o["recipientSms"]["timeToLiveInSeconds"] = json!(ttl);
        assert_eq!(s.sms(&ttd(), &o).await.status, StatusCode::CREATED);
    }

    let mut o = sms_order("", "+4799999999");
    assert_eq!(
        validation_errors(&s, &o).await["IdempotencyId"][0],
        "IdempotencyId cannot be null or empty."
    );
    o.as_object_mut().unwrap().remove("idempotencyId");
    assert_eq!(
        validation_errors(&s, &o).await["IdempotencyId"][0],
        "IdempotencyId cannot be null or empty."
    );

    let mut o = sms_order("v3", "+4799999999");
    o["recipientSms"]["smsSettings"]["body"] = json!("  ");
    assert_eq!(
        validation_errors(&s, &o).await["RecipientSms.SmsSettings.Body"][0],
        "The Body field is required."
    );
    o["recipientSms"]["smsSettings"]
        .as_object_mut()
        .unwrap()
        .remove("body");
    assert!(
        validation_errors(&s, &o)
            .await
            .get("RecipientSms.SmsSettings.Body")
            .is_some()
    );

    let mut o = sms_order("v4", "+4799999999");
    o["recipientSms"]
        .as_object_mut()
        .unwrap()
        .remove("timeToLiveInSeconds");
    let errors = validation_errors(&s, &o).await;
    assert!(
        errors["$"][0]
            .as_str()
            .unwrap()
            .contains("timeToLiveInSeconds"),
        "{errors}"
    );
    assert!(errors.get("request").is_some());

    let mut o = sms_order("v5", "+4799999999");
    o.as_object_mut().unwrap().remove("recipientSms");
    assert!(
        validation_errors(&s, &o)
            .await
            .get("RecipientSms")
            .is_some()
    );

    let mut o = sms_order("v6", "+4799999999");
    o["recipientSms"]
        .as_object_mut()
        .unwrap()
        .remove("phoneNumber");
    assert!(
        validation_errors(&s, &o)
            .await
            .get("RecipientSms.PhoneNumber")
            .is_some()
    );

    // Not JSON at all, and not a JSON content type.
    let req = Request::post("/notifications/api/v1/future/orders/instant/sms")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {}", ttd()))
        .body(Body::from("{not json"))
        .unwrap();
    assert_eq!(s.send(req).await.status, StatusCode::BAD_REQUEST);
    let req = Request::post("/notifications/api/v1/future/orders/instant/sms")
        .header(header::CONTENT_TYPE, "text/plain")
        .header(header::AUTHORIZATION, format!("Bearer {}", ttd()))
        .body(Body::from(sms_order("v7", "+4799999999").to_string()))
        .unwrap();
    assert_eq!(s.send(req).await.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // Nothing invalid was sent.
    s.advance(10);
    assert_eq!(
        s.get("/sim/api/sms-outbox?all=true", None)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn tokens_are_required_and_need_scope_and_org() {
    let s = sim();
    let order = sms_order("auth", "+4799999999");
    let res = s
        .post(
            "/notifications/api/v1/future/orders/instant/sms",
            None,
            &order,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(res.body.is_empty());
    assert_eq!(
        s.sms("garbage", &order).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Expired by the simulator's clock.
    let expired = sign(
        json!({"scope": SCOPE, "urn:altinn:org": "ttd", "exp": start().timestamp() - 1})
            .as_object()
            .unwrap(),
    );
    assert_eq!(
        s.sms(&expired, &order).await.status,
        StatusCode::UNAUTHORIZED
    );

    let res = s
        .sms(
            &token_for(Some("ttd"), "altinn:serviceowner/instances.read"),
            &order,
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body.is_empty());
    let res = s.sms(&token_for(None, SCOPE), &order).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body.is_empty());

    for path in [
        "/notifications/api/v1/future/shipment/feed",
        "/notifications/api/v1/future/shipment/2d7d3a2e-0000-4000-8000-000000000000",
    ] {
        assert_eq!(
            s.get(path, None).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        assert_eq!(
            s.get(path, Some(&token_for(None, SCOPE))).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            s.get(path, Some(&token_for(Some("ttd"), "other")))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    s.advance(10);
    assert_eq!(
        s.get("/sim/api/sms-outbox?all=true", None).await.json(),
        json!([])
    );
}

#[tokio::test]
async fn shipment_status_progresses_with_the_clock() {
    let s = sim();
    let id = shipment_id(&s.sms(&ttd(), &sms_order("p", "+4799999999")).await.json());

    let v = s.shipment(&id).await;
    assert_eq!(v["shipmentId"], id.as_str());
    assert_eq!(v["sendersReference"], "ref-1");
    assert_eq!(v["type"], "Instant");
    assert_eq!(v["status"], "Order_Processed");
    assert_eq!(v["lastUpdate"], "2026-11-24T08:00:00.000Z");
    assert_eq!(
        v["recipients"],
        json!([{"type": "SMS", "destination": "+4799999999", "status": "SMS_Sending", "lastUpdate": "2026-11-24T08:00:00.000Z"}])
    );

    s.advance(1);
    let v = s.shipment(&id).await;
    assert_eq!(v["recipients"][0]["status"], "SMS_Accepted");
    assert_eq!(v["recipients"][0]["lastUpdate"], "2026-11-24T08:00:01.000Z");
    assert_eq!(v["status"], "Order_Processed");

    s.advance(2);
    let v = s.shipment(&id).await;
    assert_eq!(v["recipients"][0]["status"], "SMS_Delivered");
    assert_eq!(v["status"], "Order_Completed");
    assert_eq!(v["lastUpdate"], "2026-11-24T08:00:03.000Z");

    // Other orgs cannot see it; unknown ids are NOT-00003; non-GUIDs match no route.
    let res = s
        .get(
            &format!("/notifications/api/v1/future/shipment/{id}"),
            Some(&token_for(Some("skd"), SCOPE)),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let p = res.json();
    assert_eq!(p["code"], "NOT-00003");
    assert_eq!(p["type"], "urn:altinn:error:NOT-00003");
    assert_eq!(p["title"], "Shipment not found");
    assert_eq!(p["status"], 404);
    let res = s
        .get(
            "/notifications/api/v1/future/shipment/not-a-guid",
            Some(&ttd()),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.body.is_empty());
}

#[tokio::test]
async fn email_orders_progress_and_land_in_the_email_outbox() {
    let s = sim();
    let order = json!({"idempotencyId": "e1", "sendersReference": "mail-1", "recipientEmail": {
        "emailAddress": "ola@example.com",
        "emailSettings": {"subject": "Din kode", "body": "Koden er 654321", "contentType": "Plain"}}});
    let res = s
        .post(
            "/notifications/api/v1/future/orders/instant/email",
            Some(&ttd()),
            &order,
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let id = shipment_id(&res.json());
    assert_eq!(
        s.shipment(&id).await["recipients"][0]["status"],
        "Email_Sending"
    );
    assert_eq!(s.shipment(&id).await["recipients"][0]["type"], "Email");
    s.advance(3);
    assert_eq!(
        s.shipment(&id).await["recipients"][0]["status"],
        "Email_Delivered"
    );
    let outbox = s
        .get("/sim/api/email-outbox?emailAddress=ola@example.com", None)
        .await
        .json();
    assert_eq!(outbox[0]["subject"], "Din kode");
    assert_eq!(outbox[0]["from"], "noreply@altinn.cloud");
    assert!(
        s.get("/sim/email-outbox", None)
            .await
            .text()
            .contains("Koden er 654321")
    );

    let bad = json!({"idempotencyId": "e2", "recipientEmail": {"emailAddress": "not-an-address",
        "emailSettings": {"subject": "", "body": "b"}}});
    let res = s
        .post(
            "/notifications/api/v1/future/orders/instant/email",
            Some(&ttd()),
            &bad,
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let errors = res.json()["errors"].clone();
    assert!(
        errors.get("RecipientEmail.EmailAddress").is_some(),
        "{errors}"
    );
    assert!(
        errors.get("RecipientEmail.EmailSettings.Subject").is_some(),
        "{errors}"
    );
}

#[tokio::test]
async fn failing_test_numbers_end_in_their_failure_statuses() {
    let s = sim();
    let invalid = shipment_id(&s.sms(&ttd(), &sms_order("f1", "+4799999001")).await.json());
    let mut ttl_order = sms_order("f2", "+4799999002");
    ttl_order["recipientSms"]["timeToLiveInSeconds"] = json!(60);
    let ttl = shipment_id(&s.sms(&ttd(), &ttl_order).await.json());

    let unavailable = s.sms(&ttd(), &sms_order("f9", "+4799999009")).await;
    assert_eq!(unavailable.status, StatusCode::SERVICE_UNAVAILABLE);
    let p = unavailable.json();
    assert_eq!(p["code"], "NOT-00004");
    assert_eq!(p["title"], "A temporary network failure occurred");
    // Nothing stored: a retry with the same idempotencyId fails the same way (not 200).
    assert_eq!(
        s.sms(&ttd(), &sms_order("f9", "+4799999009")).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );

    s.advance(1);
    assert_eq!(
        s.shipment(&invalid).await["recipients"][0]["status"],
        "SMS_Failed_InvalidRecipient"
    );
    assert_eq!(s.shipment(&invalid).await["status"], "Order_Completed");
    assert_eq!(
        s.shipment(&ttl).await["recipients"][0]["status"],
        "SMS_Accepted"
    );

    s.advance(358); // 359 s: TTL 60 + grace 300 not yet passed
    assert_eq!(
        s.shipment(&ttl).await["recipients"][0]["status"],
        "SMS_Accepted"
    );
    assert_eq!(s.shipment(&ttl).await["status"], "Order_Processed");
    s.advance(1);
    assert_eq!(
        s.shipment(&ttl).await["recipients"][0]["status"],
        "SMS_Failed_TTL"
    );

    // Failed messages are not delivered: absent from the outbox, present with all=true.
    assert_eq!(s.get("/sim/api/sms-outbox", None).await.json(), json!([]));
    let all = s.get("/sim/api/sms-outbox?all=true", None).await.json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|m| m["deliveredAt"].is_null())
    );

    let numbers = s
        .get("/sim/api/notifications/test-numbers", None)
        .await
        .json();
    let sms = numbers["sms"].as_array().unwrap();
    assert!(
        sms.iter().any(|n| n["recipient"] == "+4799999001"
            && n["finalStatus"] == "SMS_Failed_InvalidRecipient")
    );
    assert!(
        sms.iter()
            .any(|n| n["recipient"] == "+4799999002" && n["finalStatus"] == "SMS_Failed_TTL")
    );
    assert!(
        sms.iter()
            .any(|n| n["recipient"] == "+4799999009" && n["orderHttpStatus"] == 503)
    );
}

#[tokio::test]
async fn status_feed_lists_final_orders_in_pages() {
    let s = sim();
    let mut ids = Vec::new();
    for (i, phone) in ["+4799999991", "+4799999001", "+4799999992"]
        .into_iter()
        .enumerate()
    {
        ids.push(shipment_id(
            &s.sms(&ttd(), &sms_order(&format!("feed-{i}"), phone))
                .await
                .json(),
        ));
    }
    // Another org's order does not show in ttd's feed.
    s.sms(
        &token_for(Some("skd"), SCOPE),
        &sms_order("feed-skd", "+4799999993"),
    )
    .await;
    // The TTL case stays out of the feed until it is final.
    s.sms(&ttd(), &sms_order("feed-ttl", "+4799999002")).await;

    assert_eq!(s.feed("").await.json(), json!([]));
    s.advance(3); // 001 final at 1 s and visible from 3 s; the others final at 3 s
    let v = s.feed("").await.json();
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["shipmentId"], ids[1].as_str());
    s.advance(2);

    let page1 = s.feed("?pageSize=2").await;
    assert_eq!(page1.status, StatusCode::OK);
    let page1 = page1.json();
    assert_eq!(page1.as_array().unwrap().len(), 2);
    let e = &page1[0];
    assert_eq!(e["sequenceNumber"], 1);
    assert_eq!(e["shipmentId"], ids[1].as_str());
    assert_eq!(e["sendersReference"], "ref-1");
    assert_eq!(e["status"], "Order_Completed");
    assert_eq!(e["shipmentType"], "Instant");
    assert_eq!(e["lastUpdate"], "2026-11-24T08:00:01.000Z");
    assert_eq!(
        e["recipients"],
        json!([{"destination": "+4799999001", "status": "SMS_Failed_InvalidRecipient", "lastUpdate": "2026-11-24T08:00:01.000Z"}])
    );
    assert_eq!(page1[1]["shipmentId"], ids[0].as_str());
    assert_eq!(page1[1]["recipients"][0]["status"], "SMS_Delivered");

    let last = page1[1]["sequenceNumber"].as_i64().unwrap();
    let page2 = s
        .feed(&format!("?seq={last}&pageSize=2&orderBy=asc"))
        .await
        .json();
    let seqs: Vec<i64> = page2
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sequenceNumber"].as_i64().unwrap())
        .collect();
    assert_eq!(page2.as_array().unwrap().len(), 1, "{page2}");
    assert_eq!(page2[0]["shipmentId"], ids[2].as_str());
    assert!(seqs[0] > last);
    assert_eq!(s.feed(&format!("?seq={}", seqs[0])).await.json(), json!([]));

    // The tail, then backwards.
    let tail = s.feed("?orderBy=desc&pageSize=1").await.json();
    assert_eq!(tail[0]["shipmentId"], ids[2].as_str());
    let before = s
        .feed(&format!("?orderBy=desc&seq={}", seqs[0]))
        .await
        .json();
    assert_eq!(before.as_array().unwrap().len(), 2);
    assert_eq!(before[0]["sequenceNumber"], last);

    // Bad parameters.
    for q in ["?seq=-1", "?seq=abc", "?orderBy=sideways", "?pageSize=x"] {
        let res = s.feed(q).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{q}");
        assert!(res.json()["errors"].is_object());
    }
    // pageSize is clamped, not rejected.
    assert_eq!(
        s.feed("?pageSize=0").await.json().as_array().unwrap().len(),
        1
    );
    assert_eq!(
        s.feed("?pageSize=100000")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );

    s.advance(700); // the TTL order (TTL 300) is final at 600 s
    let all = s.feed("").await.json();
    assert_eq!(all.as_array().unwrap().len(), 4);
    assert_eq!(all[3]["recipients"][0]["status"], "SMS_Failed_TTL");
}

#[tokio::test]
async fn outbox_lists_delivered_messages_newest_first_as_json_and_html() {
    let s = sim();
    s.sms(&ttd(), &sms_order("o1", "+4799999999")).await;
    s.advance(10);
    let mut second = sms_order("o2", "+4799999999");
    second["recipientSms"]["smsSettings"]["body"] =
        json!("Koden din er 987654 <b>ikke</b> del den");
    let id2 = shipment_id(&s.sms(&ttd(), &second).await.json());
    s.sms(&ttd(), &sms_order("o3", "+4741234567")).await;
    s.sms(&ttd(), &sms_order("o4", "+4799999001")).await;

    // Not yet delivered.
    let v = s
        .get("/sim/api/sms-outbox?phoneNumber=%2B4799999999", None)
        .await
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1);
    s.advance(3);

    let v = s
        .get("/sim/api/sms-outbox?phoneNumber=%2B4799999999", None)
        .await
        .json();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let m = &list[0];
    assert_eq!(m["to"], "+4799999999");
    assert_eq!(m["sender"], "Altinn-test");
    assert_eq!(m["body"], "Koden din er 987654 <b>ikke</b> del den");
    assert_eq!(m["shipmentId"], id2.as_str());
    assert_eq!(m["status"], "SMS_Delivered");
    assert_eq!(m["orderedAt"], "2026-11-24T08:00:10.000Z");
    assert_eq!(m["deliveredAt"], "2026-11-24T08:00:13.000Z");
    assert_eq!(list[1]["body"], "Your code is 123456");

    // An unencoded '+' arrives as a space; 0047 matches too.
    for q in ["+4799999999", "004799999999", "4799999999"] {
        let v = s
            .get(&format!("/sim/api/sms-outbox?phoneNumber={q}"), None)
            .await
            .json();
        assert_eq!(v.as_array().unwrap().len(), 2, "{q}");
    }
    // All delivered messages: the invalid-recipient number is not among them.
    let v = s.get("/sim/api/sms-outbox", None).await.json();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|m| m["to"] != "+4799999001")
    );

    let res = s
        .get("/sim/sms-outbox?phoneNumber=%2B4799999999", None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = res.text();
    assert!(html.contains("<h1>SMS outbox</h1>"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<form method=\"get\" action=\"/sim/sms-outbox\""));
    assert!(html.contains("<label for=\"phoneNumber\">Phone number</label>"));
    assert!(html.contains("value=\"+4799999999\""));
    assert_eq!(html.matches("<table>").count(), 2);
    assert!(html.contains("Koden din er 987654 &lt;b&gt;ikke&lt;/b&gt; del den"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    let first = html.find("987654").unwrap();
    assert!(
        first < html.find("Your code is 123456").unwrap(),
        "newest first"
    );

    let empty = s
        .get("/sim/sms-outbox?phoneNumber=%2B4790000000", None)
        .await
        .text();
    assert!(empty.contains("No messages."));
}

#[tokio::test]
async fn token_generator_mints_service_owner_tokens() {
    let s = sim();
    let path = "/sim/token-generator/GetEnterpriseToken?env=tt02&scopes=altinn:serviceowner/notifications.create&org=ttd&orgNo=991825827&ttl=1800";
    let res = s.get(path, None).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(
        res.headers[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );

    let basic = |cred: &str| {
        Request::get(path)
            .header(header::AUTHORIZATION, format!("Basic {cred}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        s.send(basic("c2ltOndyb25n")).await.status,
        StatusCode::UNAUTHORIZED
    ); // sim:wrong
    let res = s.send(basic("c2ltOnNpbQ==")).await; // sim:sim
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(
        res.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let token = res.text();
    let claims = verify(&token).unwrap();
    assert_eq!(claims["urn:altinn:org"], "ttd");
    assert_eq!(claims["urn:altinn:orgNumber"], "991825827");
    assert_eq!(claims["scope"], SCOPE);
    assert_eq!(claims["iss"], notifications::DEFAULT_ISSUER);
    assert_eq!(claims["iat"], start().timestamp());
    assert_eq!(claims["exp"], start().timestamp() + 1800);

    // The minted token works against the API.
    assert_eq!(
        s.sms(&token, &sms_order("tg", "+4799999999")).await.status,
        StatusCode::CREATED
    );

    // Without org: a token, but Notifications answers 403.
    let req = Request::get("/sim/token-generator/GetEnterpriseToken?env=tt02&scopes=altinn:serviceowner/notifications.create")
        .header(header::AUTHORIZATION, "Basic c2ltOnNpbQ==")
        .body(Body::empty())
        .unwrap();
    let res = s.send(req).await;
    assert_eq!(res.status, StatusCode::OK);
    let no_org = res.text();
    assert!(
        verify(&no_org).unwrap()["urn:altinn:orgNumber"]
            .as_str()
            .unwrap()
            .len()
            == 9
    );
    assert_eq!(
        s.sms(&no_org, &sms_order("tg2", "+4799999999"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Invalid parameters: 400 with a list of errors.
    let req = Request::get("/sim/token-generator/GetEnterpriseToken?scopes=BAD!&orgNo=12")
        .header(header::AUTHORIZATION, "Basic c2ltOnNpbQ==")
        .body(Body::empty())
        .unwrap();
    let res = s.send(req).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.text().lines().count(), 3, "{}", res.text());
}

#[tokio::test]
async fn from_seed_uses_real_eddsa_tokens_end_to_end() {
    let clock = Arc::new(ManualClock::new(start()));
    let app = notifications::router(NotificationsSim::from_seed(7).with_clock(clock.clone()));
    let s = Sim { app, clock };
    let req = Request::get("/sim/token-generator/GetEnterpriseToken?env=tt02&scopes=altinn:serviceowner/notifications.create&org=digdir&orgNo=991825827&ttl=60")
        .header(header::AUTHORIZATION, "Basic c2ltOnNpbQ==")
        .body(Body::empty())
        .unwrap();
    let res = s.send(req).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let jwt = res.text();
    assert_eq!(jwt.split('.').count(), 3);
    assert_eq!(
        s.sms(&jwt, &sms_order("jwt-1", "+4799999999")).await.status,
        StatusCode::CREATED
    );
    // A hand-made token is not accepted, and the real one expires with the simulator's clock.
    assert_eq!(
        s.sms(&ttd(), &sms_order("jwt-2", "+4799999999"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    s.advance(120);
    assert_eq!(
        s.sms(&jwt, &sms_order("jwt-3", "+4799999999")).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn sms_list_shows_every_message_to_a_number_newest_first_with_its_status() {
    let s = sim();
    s.sms(&ttd(), &sms_order("a1", "+4799999999")).await;
    s.advance(5);
    let mut second = sms_order("a2", "+4799999999");
    second["recipientSms"]["smsSettings"]["body"] = json!("Din engangskode er: 654321.");
    s.sms(&ttd(), &second).await;
    s.sms(&ttd(), &sms_order("a3", "+4741234567")).await;
    s.sms(&ttd(), &sms_order("a4", "+4799999001")).await;

    // `+` unencoded arrives as a space: still the same number.
    let v = s.get("/sim/api/sms?to=+4799999999", None).await.json();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2, "{v}");
    assert_eq!(
        list[0],
        json!({"to": "+4799999999", "body": "Din engangskode er: 654321.",
               "sentAt": "2026-11-24T08:00:05.000Z", "status": "SMS_Sending"})
    );
    assert_eq!(list[1]["status"], "SMS_Delivered");
    assert_eq!(list[1]["sentAt"], "2026-11-24T08:00:00.000Z");

    s.advance(2);
    let v = s.get("/sim/api/sms?to=%2B4799999001", None).await.json();
    assert_eq!(v[0]["status"], "SMS_Failed_InvalidRecipient");
    let none = s.get("/sim/api/sms?to=%2B4790000000", None).await.json();
    assert_eq!(none, json!([]));
}
