//! Special recipients whose messages fail in a known way, and the status timelines.

use chrono::Duration;
use serde::Serialize;

/// The SMS is `SMS_Sending` until this many seconds after the order, then `SMS_Accepted`.
pub const ACCEPTED_AFTER_SECS: i64 = 1;
/// An ordinary SMS/e-mail is delivered this many seconds after the order.
pub const DELIVERED_AFTER_SECS: i64 = 3;
/// An SMS still `SMS_Accepted` after order time + TTL + this grace becomes `SMS_Failed_TTL`.
pub const TTL_GRACE_SECS: i64 = 300;
/// A final order shows up in the status feed this many seconds after it became final.
pub const FEED_DELAY_SECS: i64 = 2;

/// What happens to a message sent to a special test recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TestRecipient {
    /// Phone number (E.164) or e-mail address.
    pub recipient: &'static str,
    /// The final recipient status, or `null` when the order itself is refused (503).
    pub final_status: Option<&'static str>,
    /// Seconds after the order when the final status is reached; `null` when it depends on
    /// the order's `timeToLiveInSeconds` (TTL + 300 s) or when the order is refused.
    pub final_after_seconds: Option<i64>,
    /// HTTP status of the order request.
    pub order_http_status: u16,
    pub description: &'static str,
}

/// SMS test numbers. Every other valid number is delivered after [`DELIVERED_AFTER_SECS`].
pub const TEST_PHONE_NUMBERS: &[TestRecipient] = &[
    TestRecipient {
        recipient: "+4799999001",
        final_status: Some("SMS_Failed_InvalidRecipient"),
        final_after_seconds: Some(ACCEPTED_AFTER_SECS),
        order_http_status: 201,
        description: "The gateway rejects the recipient (\"Invalid RCV\"); the order is still accepted (201).",
    },
    TestRecipient {
        recipient: "+4799999002",
        final_status: Some("SMS_Failed_TTL"),
        final_after_seconds: None,
        order_http_status: 201,
        description: "No delivery report ever arrives: SMS_Accepted until order time + timeToLiveInSeconds + 300 s, then SMS_Failed_TTL.",
    },
    TestRecipient {
        recipient: "+4799999003",
        final_status: Some("SMS_Failed_Undelivered"),
        final_after_seconds: Some(DELIVERED_AFTER_SECS),
        order_http_status: 201,
        description: "The operator reports the message as undelivered.",
    },
    TestRecipient {
        recipient: "+4799999004",
        final_status: Some("SMS_Failed_Expired"),
        final_after_seconds: Some(DELIVERED_AFTER_SECS),
        order_http_status: 201,
        description: "The operator reports that the message expired (phone off).",
    },
    TestRecipient {
        recipient: "+4799999005",
        final_status: Some("SMS_Failed_BarredReceiver"),
        final_after_seconds: Some(DELIVERED_AFTER_SECS),
        order_http_status: 201,
        description: "The receiver is barred from receiving SMS.",
    },
    TestRecipient {
        recipient: "+4799999006",
        final_status: Some("SMS_Failed"),
        final_after_seconds: Some(ACCEPTED_AFTER_SECS),
        order_http_status: 201,
        description: "Generic gateway failure.",
    },
    TestRecipient {
        recipient: "+4799999009",
        final_status: None,
        final_after_seconds: None,
        order_http_status: 503,
        description: "The internal SMS service is unreachable: 503 NOT-00004 and nothing is stored (retry with the same idempotencyId).",
    },
];

/// E-mail test addresses (case-insensitive). Every other valid address is delivered.
pub const TEST_EMAIL_ADDRESSES: &[TestRecipient] = &[
    TestRecipient {
        recipient: "sim-bounced@example.com",
        final_status: Some("Email_Failed_Bounced"),
        final_after_seconds: Some(DELIVERED_AFTER_SECS),
        order_http_status: 201,
        description: "The receiving mail server bounces the message.",
    },
    TestRecipient {
        recipient: "sim-quarantined@example.com",
        final_status: Some("Email_Failed_Quarantined"),
        final_after_seconds: Some(DELIVERED_AFTER_SECS),
        order_http_status: 201,
        description: "The message is quarantined.",
    },
    TestRecipient {
        recipient: "sim-unavailable@example.com",
        final_status: None,
        final_after_seconds: None,
        order_http_status: 503,
        description: "The internal e-mail service is unreachable: 503 NOT-00004 and nothing is stored.",
    },
];

/// Digits of a phone number with a leading `00` treated as `+` (for matching only; orders
/// keep the number exactly as given, like the real service).
pub fn phone_key(number: &str) -> String {
    let trimmed = number.trim();
    let rest = trimmed.strip_prefix("00").unwrap_or(trimmed);
    rest.chars().filter(char::is_ascii_digit).collect()
}

fn find_phone(number: &str) -> Option<&'static TestRecipient> {
    let key = phone_key(number);
    TEST_PHONE_NUMBERS
        .iter()
        .find(|t| phone_key(t.recipient) == key)
}

fn find_email(address: &str) -> Option<&'static TestRecipient> {
    let a = address.trim();
    TEST_EMAIL_ADDRESSES
        .iter()
        .find(|t| t.recipient.eq_ignore_ascii_case(a))
}

/// True when an order to this number must be refused with 503.
pub fn sms_unavailable(number: &str) -> bool {
    find_phone(number).is_some_and(|t| t.order_http_status == 503)
}

pub fn email_unavailable(address: &str) -> bool {
    find_email(address).is_some_and(|t| t.order_http_status == 503)
}

/// Steps (offset from order time, recipient status); the last one is final.
pub type Timeline = Vec<(Duration, &'static str)>;

pub fn sms_timeline(number: &str, ttl_secs: i64) -> Timeline {
    let s = Duration::seconds;
    let mut steps = vec![(s(0), "SMS_Sending")];
    match find_phone(number) {
        Some(t) if t.final_status == Some("SMS_Failed_TTL") => {
            steps.push((s(ACCEPTED_AFTER_SECS), "SMS_Accepted"));
            steps.push((s(ttl_secs + TTL_GRACE_SECS), "SMS_Failed_TTL"));
        }
        Some(TestRecipient {
            final_status: Some(status),
            final_after_seconds: Some(after),
            ..
        }) => {
            if *after > ACCEPTED_AFTER_SECS {
                steps.push((s(ACCEPTED_AFTER_SECS), "SMS_Accepted"));
            }
            steps.push((s(*after), status));
        }
        _ => {
            steps.push((s(ACCEPTED_AFTER_SECS), "SMS_Accepted"));
            steps.push((s(DELIVERED_AFTER_SECS), "SMS_Delivered"));
        }
    }
    steps
}

pub fn email_timeline(address: &str) -> Timeline {
    let s = Duration::seconds;
    let mut steps = vec![
        (s(0), "Email_Sending"),
        (s(ACCEPTED_AFTER_SECS), "Email_Succeeded"),
    ];
    match find_email(address) {
        Some(TestRecipient {
            final_status: Some(status),
            final_after_seconds: Some(after),
            ..
        }) => {
            steps.push((s(*after), status));
        }
        _ => steps.push((s(DELIVERED_AFTER_SECS), "Email_Delivered")),
    }
    steps
}
