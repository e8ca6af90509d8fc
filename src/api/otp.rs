//! Our server's phone-verification API (`/api/otp/*`), typed with `portal_api::otp`.
//!
//! Errors stay [`ApiError`]s; [`crate::otp_model::OtpProblem`] tells their `code`s apart.
//! A 429's `Retry-After` header is copied into the problem as `retryAfter` (seconds), so
//! it survives the trip through the one error type.

use gloo_net::http::{Request, Response};
use portal_api::otp::{Challenge, CreateChallenge, VerificationLog, VerifyCode};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::{ApiError, ensure_ok, into_json, send, send_json};
use crate::i18n::Lang;

/// One user intent to send a code ("Send code", "Send new code"). Sent as the
/// `Idempotency-Key` header: a retry of the same intent reuses it, so the server returns
/// the same challenge and never sends a second SMS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(Uuid);

impl IdempotencyKey {
    /// A fresh key for a new intent.
    pub fn new() -> Self {
        Self(Uuid::new_v4())
    }

    /// The header value.
    pub fn as_header(&self) -> String {
        self.0.to_string()
    }
}

impl Default for IdempotencyKey {
    fn default() -> Self {
        Self::new()
    }
}

/// `POST /api/otp/challenges`: sends a code to the number.
pub async fn create_challenge(
    request: &CreateChallenge,
    key: IdempotencyKey,
    lang: Lang,
) -> Result<Challenge, ApiError> {
    let builder = Request::post("/api/otp/challenges").header("Idempotency-Key", &key.as_header());
    decode(send_json(builder, request, lang).await?).await
}

/// `GET /api/otp/challenges/{id}`: state, time left, attempts left and delivery status.
pub async fn get_challenge(id: Uuid, lang: Lang) -> Result<Challenge, ApiError> {
    let builder =
        Request::get(&format!("/api/otp/challenges/{id}")).header("Cache-Control", "no-store");
    into_json(send(builder, lang).await?).await
}

/// `POST /api/otp/challenges/{id}/verify`: checks the code the caller read back.
pub async fn verify_code(id: Uuid, code: &str, lang: Lang) -> Result<Challenge, ApiError> {
    let body = VerifyCode {
        code: code.to_owned(),
    };
    let builder = Request::post(&format!("/api/otp/challenges/{id}/verify"));
    decode(send_json(builder, &body, lang).await?).await
}

/// `GET /api/otp/verifications`: the staff user's audit log, newest first.
pub async fn list_verifications(lang: Lang) -> Result<VerificationLog, ApiError> {
    let builder = Request::get("/api/otp/verifications").header("Cache-Control", "no-store");
    into_json(send(builder, lang).await?).await
}

/// Like [`into_json`], with a 429's `Retry-After` (seconds) copied into the problem.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let retry_after = (response.status() == 429)
        .then(|| response.headers().get("retry-after"))
        .flatten()
        .and_then(|value| value.trim().parse::<u64>().ok());
    match ensure_ok(response).await {
        Ok(response) => into_json(response).await,
        Err(ApiError::Problem {
            status,
            mut problem,
        }) => {
            if let Some(secs) = retry_after {
                problem
                    .extensions
                    .entry("retryAfter".to_owned())
                    .or_insert_with(|| secs.into());
            }
            Err(ApiError::Problem { status, problem })
        }
        Err(other) => Err(other),
    }
}
