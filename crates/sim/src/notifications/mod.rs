//! Altinn Notifications simulator: instant SMS and e-mail orders, shipment status, the
//! status feed, a simulated phone/mailbox ("outbox") and an offline stand-in for the test
//! token generator's `GetEnterpriseToken`.
//!
//! Contract: `shared/reference/notifications/API-SUMMARY.md` (request/response shapes,
//! validation messages, `NOT-0000x` codes, status names).
//!
//! # Routes
//! | route | what |
//! |---|---|
//! | `POST /notifications/api/v1/future/orders/instant/sms` | 201 new / 200 repeated `idempotencyId` (original body) / 400 / 401 / 403 / 415 / 503 `NOT-00004` |
//! | `POST /notifications/api/v1/future/orders/instant/email` | the same for e-mail |
//! | `GET /notifications/api/v1/future/shipment/{shipmentId}` | status of the caller's own shipment; 404 `NOT-00003` |
//! | `GET /notifications/api/v1/future/shipment/feed?seq=&pageSize=&orderBy=` | the status feed (one entry per final order) |
//! | `GET /sim/api/sms?to=+47…` | every SMS ordered to the number (whatever its status), newest first: `[{to, body, sentAt, status}]` |
//! | `GET /sim/api/sms-outbox?phoneNumber=+47…[&all=true]` | delivered SMS, newest first (`all=true`: every SMS whatever its status) |
//! | `GET /sim/sms-outbox?phoneNumber=…` | the same as an HTML page (heading "SMS outbox", one table per message) |
//! | `GET /sim/api/email-outbox?emailAddress=…`, `GET /sim/email-outbox` | the same for e-mail |
//! | `GET /sim/api/notifications/test-numbers` | the special recipients below, as JSON |
//! | `GET /sim/token-generator/GetEnterpriseToken?env=tt02&scopes=…&org=ttd&orgNo=…&ttl=1800` | HTTP Basic (default `sim`/`sim`); the signed JWT as `text/plain` |
//!
//! The Notifications routes need `Authorization: Bearer <jwt>` with the scope
//! `altinn:serviceowner/notifications.create` (else 403) and the claim `urn:altinn:org`
//! (else 403, checked after request validation like the real service). Orders, idempotency,
//! shipments and the feed are scoped to that org.
//!
//! # Status timeline (computed from the order time and the [`Clock`]; no background tasks)
//! - SMS: `SMS_Sending` → after 1 s `SMS_Accepted` → after 3 s `SMS_Delivered`.
//! - E-mail: `Email_Sending` → after 1 s `Email_Succeeded` → after 3 s `Email_Delivered`.
//! - The order is `Order_Processed` until the recipient status is final, then `Order_Completed`.
//! - The status feed lists an order 2 s after it became final; sequence numbers follow the
//!   order in which orders became final, and are shared by all orgs.
//!
//! # Test recipients
//! | recipient | outcome |
//! |---|---|
//! | `+4799999001` | `SMS_Failed_InvalidRecipient` after 1 s (gateway "Invalid RCV"; the order still gets 201) |
//! | `+4799999002` | `SMS_Accepted` forever, then `SMS_Failed_TTL` at order + `timeToLiveInSeconds` + 300 s |
//! | `+4799999003` | `SMS_Failed_Undelivered` after 3 s |
//! | `+4799999004` | `SMS_Failed_Expired` after 3 s |
//! | `+4799999005` | `SMS_Failed_BarredReceiver` after 3 s |
//! | `+4799999006` | `SMS_Failed` after 1 s |
//! | `+4799999009` | 503 `NOT-00004`, nothing stored (retry with the same `idempotencyId`) |
//! | `sim-bounced@example.com` | `Email_Failed_Bounced` after 3 s |
//! | `sim-quarantined@example.com` | `Email_Failed_Quarantined` after 3 s |
//! | `sim-unavailable@example.com` | 503 `NOT-00004`, nothing stored |
//!
//! `0047…` matches like `+47…`. Messages to failing recipients never appear as delivered in
//! the outbox. Every other valid number/address is delivered.
//!
//! # Phone numbers
//! Must start with `+` or `00` (not `++`), E.164 length (8–15 digits), with per-country length
//! and leading-digit rules for the Nordic countries, the UK, Germany and NANP — a small
//! stand-in for libphonenumber's `IsValidNumber`. `+4712345678` is invalid, `+4799999999` valid.

mod api;
mod clock;
mod outbox;
mod problem;
mod store;
mod testdata;
mod token;
mod validate;

use axum::Router;
use axum::routing::{get, post};

pub use clock::{Clock, ManualClock, SystemClock};
pub use outbox::{OutboxEmail, OutboxSms, SentSms};
pub use store::{
    Claims, DEFAULT_ISSUER, NotificationsSim, ORG_CLAIM, REQUIRED_SCOPE, SignFn, VerifyFn,
};
pub use testdata::{
    ACCEPTED_AFTER_SECS, DELIVERED_AFTER_SECS, FEED_DELAY_SECS, TEST_EMAIL_ADDRESSES,
    TEST_PHONE_NUMBERS, TTL_GRACE_SECS, TestRecipient,
};
pub use validate::{is_valid_email, is_valid_mobile_number};

/// All Notifications-simulator routes, with the state applied (merge into the app).
pub fn router(sim: NotificationsSim) -> Router {
    routes().with_state(sim)
}

/// The routes before the state is applied.
pub fn routes() -> Router<NotificationsSim> {
    Router::new()
        .route(
            "/notifications/api/v1/future/orders/instant/sms",
            post(api::post_instant_sms),
        )
        .route(
            "/notifications/api/v1/future/orders/instant/email",
            post(api::post_instant_email),
        )
        .route(
            "/notifications/api/v1/future/shipment/feed",
            get(api::get_feed),
        )
        .route(
            "/notifications/api/v1/future/shipment/{shipment_id}",
            get(api::get_shipment),
        )
        .route("/sim/api/sms", get(outbox::sms_sent_json))
        .route("/sim/api/sms-outbox", get(outbox::sms_outbox_json))
        .route("/sim/sms-outbox", get(outbox::sms_outbox_page))
        .route("/sim/api/email-outbox", get(outbox::email_outbox_json))
        .route("/sim/email-outbox", get(outbox::email_outbox_page))
        .route(
            "/sim/api/notifications/test-numbers",
            get(outbox::test_numbers),
        )
        .route(
            "/sim/token-generator/GetEnterpriseToken",
            get(token::get_enterprise_token),
        )
}
