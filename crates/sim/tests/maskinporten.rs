//! The simulated Maskinporten token endpoint (request checks) and Altinn's Maskinporten
//! token exchange. Assertions signed with RSA keys are tested end to end from the server
//! (`crates/server/tests/maskinporten.rs`).

mod common;

use axum::http::{Method, StatusCode};
use base64::Engine as _;
use serde_json::{Value, json};

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

async fn grant(h: &common::H, form: &str) -> common::Resp {
    h.req(
        Method::POST,
        "/maskinporten/token",
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(form.as_bytes().to_vec()),
    )
    .await
}

/// A Maskinporten access token as the simulator issues them, for `org_number`.
fn maskinporten_token(h: &common::H, org_number: &str, exp_in: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    h.sim.maskinporten.keys().sign(&json!({
        "iss": h.sim.maskinporten.issuer(),
        "client_id": "client-1",
        "scope": "altinn:serviceowner/notifications.create",
        "consumer": {"authority": "iso6523-actorid-upis", "ID": format!("0192:{org_number}")},
        "iat": now,
        "exp": now + exp_in,
    }))
}

async fn exchange(h: &common::H, token: &str) -> common::Resp {
    h.get_as("/authentication/api/v1/exchange/maskinporten", token)
        .await
}

#[tokio::test]
async fn the_token_endpoint_answers_oauth_errors() {
    let h = common::harness(1);
    let r = grant(&h, "grant_type=client_credentials").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "unsupported_grant_type");
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));

    let r = grant(&h, "").await;
    assert_eq!(r.json()["error"], "invalid_request");

    let r = grant(
        &h,
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "invalid_request");

    let r = grant(
        &h,
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=not.a.jwt",
    )
    .await;
    assert_eq!(r.json()["error"], "invalid_grant");

    // An EdDSA token is not an acceptable assertion.
    let eddsa = maskinporten_token(&h, "991825827", 60);
    let r = grant(
        &h,
        &format!(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion={eddsa}"
        ),
    )
    .await;
    assert_eq!(r.json()["error"], "invalid_grant");
    assert!(
        r.json()["error_description"]
            .as_str()
            .unwrap()
            .contains("RS256")
    );
    assert_eq!(h.sim.maskinporten.stats().grants, 0);
}

#[tokio::test]
async fn the_exchange_gives_a_notifications_token_to_service_owners() {
    let h = common::harness(1);
    let r = exchange(&h, &maskinporten_token(&h, "991825827", 120)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    let altinn = r.text();
    let c = claims_of(&altinn);
    assert_eq!(c["urn:altinn:org"], "ttd");
    assert_eq!(c["urn:altinn:orgNumber"], "991825827");
    assert_eq!(c["urn:altinn:authenticatemethod"], "maskinporten");
    assert_eq!(c["scope"], "altinn:serviceowner/notifications.create");
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        1800
    );
    assert_eq!(c["consumer"]["ID"], "0192:991825827");
    assert_eq!(h.sim.maskinporten.stats().exchanges, 1);

    // Notifications accepts it like a token generator token.
    let order = json!({
        "idempotencyId": "exchange-1",
        "recipientSms": {"phoneNumber": "+4791234567", "timeToLiveInSeconds": 300,
                         "smsSettings": {"body": "hello"}}
    });
    let auth = format!("Bearer {altinn}");
    let r = h
        .req(
            Method::POST,
            "/notifications/api/v1/future/orders/instant/sms",
            &[
                ("authorization", auth.as_str()),
                ("content-type", "application/json"),
            ],
            Some(serde_json::to_vec(&order).unwrap()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());

    // An organisation that is no service owner gets a token without `urn:altinn:org`, which
    // Notifications refuses.
    let other = exchange(&h, &maskinporten_token(&h, "912345678", 120))
        .await
        .text();
    assert!(claims_of(&other).get("urn:altinn:org").is_none());
    let auth = format!("Bearer {other}");
    let r = h
        .req(
            Method::POST,
            "/notifications/api/v1/future/orders/instant/sms",
            &[
                ("authorization", auth.as_str()),
                ("content-type", "application/json"),
            ],
            Some(serde_json::to_vec(&order).unwrap()),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_exchange_refuses_foreign_and_expired_tokens() {
    let h = common::harness(1);
    let r = h
        .req(
            Method::GET,
            "/authentication/api/v1/exchange/maskinporten",
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // An ID-porten token of the same simulator is not a Maskinporten token.
    assert_eq!(
        exchange(&h, &h.token).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Expired (beyond the 30 s leeway).
    let expired = maskinporten_token(&h, "991825827", -60);
    assert_eq!(
        exchange(&h, &expired).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Another simulator's Maskinporten key.
    let other = common::harness(2);
    let foreign = maskinporten_token(&other, "991825827", 120);
    assert_eq!(
        exchange(&h, &foreign).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(h.sim.maskinporten.stats().exchanges, 0);

    let stats = h
        .req(Method::GET, "/sim/api/maskinporten/stats", &[], None)
        .await;
    assert_eq!(stats.json(), json!({"grants": 0, "exchanges": 0}));
}
