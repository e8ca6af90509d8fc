//! Altinn Notifications: instant SMS/e-mail orders, shipment status and the status feed.
//!
//! Base URL `https://platform.{tt02.}altinn.no/notifications/api/v1`; routes:
//! `POST /future/orders/instant/sms` ([`InstantSmsOrderRequest`] →
//! [`InstantOrderResponse`], 201 new / 200 same idempotency id),
//! `POST /future/orders/instant/email` ([`InstantEmailOrderRequest`]),
//! `GET /future/shipment/{shipmentId}` ([`Shipment`]) and
//! `GET /future/shipment/feed` ([`StatusFeedEntry`] list). Errors are
//! [`NotificationsProblem`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::serde_util::{null_as_default, null_as_empty};
use crate::string_enum::string_enum;

/// Smallest `timeToLiveInSeconds`.
pub const MIN_SMS_TTL_SECONDS: i32 = 60;
/// Largest `timeToLiveInSeconds` (48 h).
pub const MAX_SMS_TTL_SECONDS: i32 = 172_800;
/// Sender used when `sender` is empty.
pub const DEFAULT_SMS_SENDER: &str = "Altinn";
/// Grace period after the TTL before a still-accepted SMS becomes `SMS_Failed_TTL`.
pub const SMS_EXPIRY_GRACE_SECONDS: i64 = 300;

/// Body of `POST /future/orders/instant/sms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstantSmsOrderRequest {
    /// Caller-chosen id; a repeat with the same id returns the first response.
    pub idempotency_id: String,
    /// Caller's own reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
    /// Recipient and message.
    pub recipient_sms: RecipientSms,
}

/// The recipient of an instant SMS (`ShortMessageDeliveryDetailsExt`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientSms {
    /// `+<country><number>` (or `00…`); sent as given, so use E.164.
    pub phone_number: String,
    /// 60–172800 seconds.
    pub time_to_live_in_seconds: i32,
    /// Sender and text.
    pub sms_settings: SmsSettings,
}

/// Sender and text of an SMS (`ShortMessageContentExt`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsSettings {
    /// Sender name or number; `Altinn` when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// Message text (required, no maximum length).
    pub body: String,
}

/// Is `n` acceptable as a phone number at the syntax level: starts with `+`
/// or `00` (not `++`), then 7–15 digits. The real service additionally runs
/// libphonenumber's validity check.
pub fn is_plausible_phone_number(n: &str) -> bool {
    let digits = if let Some(rest) = n.strip_prefix('+') {
        rest
    } else if let Some(rest) = n.strip_prefix("00") {
        rest
    } else {
        return false;
    };
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

impl InstantSmsOrderRequest {
    /// An order with the given id, number, TTL and text (default sender).
    pub fn new(
        idempotency_id: impl Into<String>,
        phone_number: impl Into<String>,
        time_to_live_in_seconds: i32,
        body: impl Into<String>,
    ) -> Self {
        Self {
            idempotency_id: idempotency_id.into(),
            senders_reference: None,
            recipient_sms: RecipientSms {
                phone_number: phone_number.into(),
                time_to_live_in_seconds,
                sms_settings: SmsSettings {
                    sender: None,
                    body: body.into(),
                },
            },
        }
    }

    /// The service's validation rules, with its messages, keyed by JSON path.
    pub fn validate(&self) -> Result<(), BTreeMap<String, Vec<String>>> {
        let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut add = |k: &str, m: &str| errors.entry(k.to_owned()).or_default().push(m.to_owned());
        if self.idempotency_id.trim().is_empty() {
            add("IdempotencyId", "IdempotencyId cannot be null or empty.");
        }
        let r = &self.recipient_sms;
        if !is_plausible_phone_number(&r.phone_number) {
            add(
                "RecipientSms.PhoneNumber",
                "Recipient phone number is not a valid mobile number.",
            );
        }
        if !(MIN_SMS_TTL_SECONDS..=MAX_SMS_TTL_SECONDS).contains(&r.time_to_live_in_seconds) {
            add(
                "RecipientSms.TimeToLiveInSeconds",
                "Time-to-live must be between 60 and 172800 seconds (48 hours).",
            );
        }
        if r.sms_settings.body.is_empty() {
            add(
                "RecipientSms.SmsSettings.Body",
                "The Body field is required.",
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

string_enum! {
    /// Body format of an instant e-mail.
    pub enum EmailContentType {
        /// Plain text (the default).
        Plain => "Plain",
        /// HTML.
        Html => "Html",
    }
}

/// Body of `POST /future/orders/instant/email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstantEmailOrderRequest {
    /// Caller-chosen id.
    pub idempotency_id: String,
    /// Caller's own reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
    /// Recipient and message.
    pub recipient_email: RecipientEmail,
}

/// The recipient of an instant e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientEmail {
    /// One address.
    pub email_address: String,
    /// Subject, body and format.
    pub email_settings: EmailSettings,
}

/// Subject, body and format of an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSettings {
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// From address; `noreply@altinn.cloud` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_email_address: Option<String>,
    /// `Plain` (default) or `Html`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<EmailContentType>,
}

/// 201/200 body of the instant order endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstantOrderResponse {
    /// The order-chain id.
    pub notification_order_id: Uuid,
    /// The notification.
    pub notification: InstantOrderNotification,
}

/// The notification of an instant order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstantOrderNotification {
    /// Id for `GET /future/shipment/{shipmentId}`.
    pub shipment_id: Uuid,
    /// The caller's reference, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
}

string_enum! {
    /// Order type of a shipment.
    pub enum OrderType {
        /// Ordinary notification order.
        Notification => "Notification",
        /// Reminder.
        Reminder => "Reminder",
        /// Instant order.
        Instant => "Instant",
        /// Composed order.
        Composed => "Composed",
    }
}

string_enum! {
    /// Recipient kind in a shipment (the polymorphic discriminator `type`).
    pub enum RecipientType {
        /// SMS.
        Sms => "SMS",
        /// E-mail.
        Email => "Email",
    }
}

string_enum! {
    /// Status of an order or a notification (`ProcessingLifecycleExt`).
    pub enum ProcessingLifecycle {
        /// Order registered.
        OrderRegistered => "Order_Registered",
        /// Order being processed.
        OrderProcessing => "Order_Processing",
        /// All notifications final.
        OrderCompleted => "Order_Completed",
        /// Send condition not met.
        OrderSendConditionNotMet => "Order_SendConditionNotMet",
        /// Cancelled.
        OrderCancelled => "Order_Cancelled",
        /// Processed; notifications not yet final.
        OrderProcessed => "Order_Processed",
        /// SMS created.
        SmsNew => "SMS_New",
        /// SMS being sent.
        SmsSending => "SMS_Sending",
        /// Gateway accepted the SMS.
        SmsAccepted => "SMS_Accepted",
        /// Delivered.
        SmsDelivered => "SMS_Delivered",
        /// Failed.
        SmsFailed => "SMS_Failed",
        /// Invalid recipient.
        SmsFailedInvalidRecipient => "SMS_Failed_InvalidRecipient",
        /// Recipient reserved.
        SmsFailedRecipientReserved => "SMS_Failed_RecipientReserved",
        /// Barred receiver.
        SmsFailedBarredReceiver => "SMS_Failed_BarredReceiver",
        /// Deleted.
        SmsFailedDeleted => "SMS_Failed_Deleted",
        /// Operator reported expiry.
        SmsFailedExpired => "SMS_Failed_Expired",
        /// Undelivered.
        SmsFailedUndelivered => "SMS_Failed_Undelivered",
        /// Recipient not identified.
        SmsFailedRecipientNotIdentified => "SMS_Failed_RecipientNotIdentified",
        /// Rejected.
        SmsFailedRejected => "SMS_Failed_Rejected",
        /// Altinn's TTL timer ran out.
        SmsFailedTtl => "SMS_Failed_TTL",
        /// E-mail created.
        EmailNew => "Email_New",
        /// E-mail being sent.
        EmailSending => "Email_Sending",
        /// Handed over.
        EmailSucceeded => "Email_Succeeded",
        /// Delivered.
        EmailDelivered => "Email_Delivered",
        /// Failed.
        EmailFailed => "Email_Failed",
        /// Recipient reserved.
        EmailFailedRecipientReserved => "Email_Failed_RecipientReserved",
        /// Recipient not identified.
        EmailFailedRecipientNotIdentified => "Email_Failed_RecipientNotIdentified",
        /// Invalid format.
        EmailFailedInvalidFormat => "Email_Failed_InvalidFormat",
        /// Suppressed recipient.
        EmailFailedSuppressedRecipient => "Email_Failed_SuppressedRecipient",
        /// Transient error.
        EmailFailedTransientError => "Email_Failed_TransientError",
        /// Bounced.
        EmailFailedBounced => "Email_Failed_Bounced",
        /// Filtered as spam.
        EmailFailedFilteredSpam => "Email_Failed_FilteredSpam",
        /// Quarantined.
        EmailFailedQuarantined => "Email_Failed_Quarantined",
        /// TTL ran out.
        EmailFailedTtl => "Email_Failed_TTL",
        /// Invalid SAS URL.
        EmailFailedInvalidSasUrl => "Email_Failed_InvalidSasUrl",
        /// Payload too large.
        EmailFailedPayloadTooLarge => "Email_Failed_PayloadTooLarge",
    }
}

impl ProcessingLifecycle {
    /// A final state: delivered, any failure, or a final order state.
    pub fn is_final(&self) -> bool {
        use ProcessingLifecycle as P;
        match self {
            P::SmsDelivered | P::EmailDelivered | P::EmailSucceeded => true,
            P::OrderCompleted | P::OrderSendConditionNotMet | P::OrderCancelled => true,
            P::Unknown(_) => false,
            other => other.is_failure(),
        }
    }

    /// Any `*_Failed*` state.
    pub fn is_failure(&self) -> bool {
        self.is_known() && self.as_str().contains("_Failed")
    }
}

/// `GET /future/shipment/{shipmentId}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shipment {
    /// Shipment id.
    pub shipment_id: Uuid,
    /// The caller's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
    /// Order type.
    #[serde(rename = "type")]
    pub order_type: OrderType,
    /// Order status (`Order_Processed` until the notification is final).
    pub status: ProcessingLifecycle,
    /// Last change.
    #[serde(with = "crate::time::rfc3339")]
    pub last_update: DateTime<Utc>,
    /// One entry per recipient.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub recipients: Vec<ShipmentRecipient>,
}

/// A recipient's delivery status (in shipments and the feed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipmentRecipient {
    /// `SMS` or `Email` (absent in the feed).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<RecipientType>,
    /// Phone number or e-mail address.
    #[serde(default)]
    pub destination: String,
    /// Notification status, e.g. `SMS_Delivered`.
    pub status: ProcessingLifecycle,
    /// Last change.
    #[serde(with = "crate::time::rfc3339")]
    pub last_update: DateTime<Utc>,
}

/// One entry of `GET /future/shipment/feed` (one per order, once final).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusFeedEntry {
    /// Pass the highest one as the next `seq`.
    pub sequence_number: i64,
    /// Shipment id.
    pub shipment_id: Uuid,
    /// The caller's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
    /// Recipients.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub recipients: Vec<ShipmentRecipient>,
    /// Order status.
    pub status: ProcessingLifecycle,
    /// Last change.
    #[serde(with = "crate::time::rfc3339")]
    pub last_update: DateTime<Utc>,
    /// Order type, as the code names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_type: Option<OrderType>,
    /// Order type, as the docs name it.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub order_type: Option<OrderType>,
}

/// `NOT-00001`: missing contact information (422, ordinary orders only).
pub const NOT_00001: &str = "NOT-00001";
/// `NOT-00002`: the client cancelled (499).
pub const NOT_00002: &str = "NOT-00002";
/// `NOT-00003`: shipment not found (404).
pub const NOT_00003: &str = "NOT-00003";
/// `NOT-00004`: temporary network failure towards the SMS/e-mail service (503).
pub const NOT_00004: &str = "NOT-00004";

/// A Notifications error body (Altinn.Authorization.ProblemDetails).
///
/// The code says `code` + `title`; the docs say `errorCode` + `detail`. Both
/// are read; use [`Self::error_code`] and [`Self::message`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationsProblem {
    /// `urn:altinn:error:NOT-0000x`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub problem_type: Option<String>,
    /// Message text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Message text (docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// `NOT-0000x`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `NOT-0000x` (docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Trace id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// Text for the status code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_description: Option<String>,
    /// Validation messages per path (400).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub errors: BTreeMap<String, Vec<String>>,
}

impl NotificationsProblem {
    /// A problem with a `NOT-0000x` code, as the service writes it.
    pub fn coded(status: u16, code: &str, title: impl Into<String>) -> Self {
        Self {
            problem_type: Some(format!("urn:altinn:error:{code}")),
            title: Some(title.into()),
            status: Some(status),
            code: Some(code.to_owned()),
            ..Self::default()
        }
    }

    /// 404 `NOT-00003` "Shipment not found".
    pub fn shipment_not_found() -> Self {
        Self::coded(404, NOT_00003, "Shipment not found")
    }

    /// 503 `NOT-00004` "A temporary network failure occurred".
    pub fn temporary_network_failure() -> Self {
        Self::coded(503, NOT_00004, "A temporary network failure occurred")
    }

    /// `code`, else `errorCode`.
    pub fn error_code(&self) -> Option<&str> {
        self.code.as_deref().or(self.error_code.as_deref())
    }

    /// `title`, else `detail`.
    pub fn message(&self) -> Option<&str> {
        self.title.as_deref().or(self.detail.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_request_shape_and_validation() {
        let r = InstantSmsOrderRequest::new("id-1", "+4799999999", 300, "Koden er 123456");
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({
                "idempotencyId": "id-1",
                "recipientSms": {
                    "phoneNumber": "+4799999999",
                    "timeToLiveInSeconds": 300,
                    "smsSettings": {"body": "Koden er 123456"}
                }
            })
        );
        assert!(r.validate().is_ok());
        let bad = InstantSmsOrderRequest::new("", "++4799", 59, "x");
        let e = bad.validate().unwrap_err();
        assert_eq!(e.len(), 3);
        assert!(is_plausible_phone_number("004799999999"));
        assert!(!is_plausible_phone_number("4799999999"));
    }

    #[test]
    fn shipment_and_problem() {
        let s: Shipment = serde_json::from_str(
            r#"{"shipmentId":"0191f3c0-0000-7000-8000-000000000001","type":"Instant","status":"Order_Processed",
                "lastUpdate":"2026-01-01T10:00:00Z",
                "recipients":[{"type":"SMS","destination":"+4799999999","status":"SMS_Accepted","lastUpdate":"2026-01-01T10:00:00Z"},
                              {"type":"SMS","destination":"+4799999998","status":"SMS_Failed_Brand_New","lastUpdate":"2026-01-01T10:00:00Z"}]}"#,
        )
        .unwrap();
        assert_eq!(s.order_type, OrderType::Instant);
        assert_eq!(s.recipients[0].status, ProcessingLifecycle::SmsAccepted);
        assert!(!s.recipients[0].status.is_final());
        assert_eq!(
            s.recipients[1].status,
            ProcessingLifecycle::Unknown("SMS_Failed_Brand_New".into())
        );
        assert!(ProcessingLifecycle::SmsFailedTtl.is_final());
        let p: NotificationsProblem = serde_json::from_str(
            r#"{"type":"urn:altinn:error:NOT-00003","errorCode":"NOT-00003","detail":"Shipment not found","status":404}"#,
        )
        .unwrap();
        assert_eq!(p.error_code(), Some(NOT_00003));
        assert_eq!(p.message(), Some("Shipment not found"));
        assert_eq!(
            NotificationsProblem::shipment_not_found().error_code(),
            Some(NOT_00003)
        );
    }
}
