//! Phone-number verification by one-time code (`/api/otp/*`), for service desk staff.
//! The code itself never appears in any of these types.
//!
//! - `POST /api/otp/challenges` (header `Idempotency-Key`) with [`CreateChallenge`] →
//!   201 [`Challenge`] (200 with the same body on a repeated key); 400 ProblemDetails with
//!   `errors.phoneNumber`; 429 with `Retry-After`; 401/403; 502 when Notifications fails.
//! - `GET /api/otp/challenges/{id}` → [`Challenge`] (state, seconds left, attempts left,
//!   delivery status from the Notifications shipment).
//! - `POST /api/otp/challenges/{id}/verify` with [`VerifyCode`] → 200 [`Challenge`] in
//!   state `verified`; 422 `otp-wrong-code` (with `attemptsLeft`), 423 `otp-locked`,
//!   410 `otp-expired`, 409 `otp-used`/`otp-superseded` as ProblemDetails `code`.
//! - `GET /api/otp/verifications` → [`VerificationLog`] for the staff user.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateChallenge {
    pub phone_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    /// `nb`, `nn` or `en`: the language of the SMS text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyCode {
    pub code: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChallengeState {
    Pending,
    Verified,
    Expired,
    Locked,
    /// A newer challenge for the same number replaced this one.
    Superseded,
}

/// Delivery progress of the SMS, from the Notifications shipment status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeliveryState {
    /// Ordered; not yet handed to the operator.
    Sending,
    /// Accepted by the SMS operator, not yet confirmed delivered.
    Accepted,
    Delivered,
    Failed,
    /// The status could not be read (yet), or was one we do not know.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub state: DeliveryState,
    /// The raw Notifications status, e.g. `SMS_Failed_InvalidRecipient`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// For failures: a stable reason code (`invalid-recipient`, `ttl-expired`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Challenge {
    pub id: Uuid,
    pub state: ChallengeState,
    /// The number in E.164, masked except the last 3 digits (`+47*****678`).
    pub phone_number_masked: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    #[serde(with = "altinn::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "altinn::time::rfc3339")]
    pub expires_at: DateTime<Utc>,
    pub seconds_left: u32,
    pub attempts_left: u32,
    /// When "Send new code" may be used (the resend cooldown).
    #[serde(with = "altinn::time::rfc3339")]
    pub resend_available_at: DateTime<Utc>,
    pub delivery: Delivery,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_order_id: Option<Uuid>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum VerificationResult {
    Pending,
    Verified,
    Locked,
    Expired,
    Superseded,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationRecord {
    pub challenge_id: Uuid,
    pub phone_number_masked: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    pub staff_name: String,
    #[serde(with = "altinn::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(
        default,
        with = "altinn::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_at: Option<DateTime<Utc>>,
    pub result: VerificationResult,
    pub failed_attempts: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationLog {
    pub items: Vec<VerificationRecord>,
}
