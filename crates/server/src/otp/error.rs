//! The OTP routes' errors as `application/problem+json`, each with its own `code`.

use altinn::ProblemDetails;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, problem_response};

#[derive(Debug)]
pub enum OtpError {
    /// 401/500/… from the shared error type.
    App(AppError),
    /// 403: the user is not service desk staff.
    NotStaff,
    /// 404: no such challenge for this staff user.
    NotFound,
    /// 400 with field errors (`errors.phoneNumber`, …).
    Invalid {
        field: &'static str,
        message: String,
        code: &'static str,
    },
    /// 400: the `Idempotency-Key` header is missing or unusable.
    IdempotencyKey,
    /// 422: the key was used before for another number.
    IdempotencyKeyReused,
    /// 429 with `Retry-After`.
    Throttled {
        code: &'static str,
        retry_after_seconds: u64,
    },
    /// 422: wrong code.
    WrongCode { attempts_left: u32 },
    /// 423: too many wrong codes.
    Locked,
    /// 410: the code expired.
    Expired,
    /// 409: the code was used.
    Used,
    /// 409: a newer code replaced this one.
    Superseded,
    /// 502: the SMS could not be ordered (details logged).
    SmsOrderFailed { upstream_code: Option<String> },
    /// 502: no service-owner token for Notifications (which step failed, upstream status).
    ServiceToken(crate::service_token::TokenError),
}

impl From<AppError> for OtpError {
    fn from(e: AppError) -> Self {
        OtpError::App(e)
    }
}

impl From<crate::store::StoreError> for OtpError {
    fn from(e: crate::store::StoreError) -> Self {
        OtpError::App(AppError::from(e))
    }
}

fn problem(status: StatusCode, title: &str, code: &str) -> ProblemDetails {
    let mut p = ProblemDetails::new(status.as_u16(), title);
    p.code = Some(code.to_owned());
    p
}

impl OtpError {
    pub fn problem(&self) -> ProblemDetails {
        match self {
            OtpError::App(e) => e.problem(),
            OtpError::NotStaff => problem(
                StatusCode::FORBIDDEN,
                "Only service desk staff may verify phone numbers.",
                "not-staff",
            ),
            OtpError::NotFound => problem(
                StatusCode::NOT_FOUND,
                "No such verification.",
                "otp-not-found",
            ),
            OtpError::Invalid {
                field,
                message,
                code,
            } => {
                let mut p = problem(
                    StatusCode::BAD_REQUEST,
                    "One or more fields are invalid.",
                    code,
                );
                p.detail = Some(message.clone());
                p.errors.insert((*field).to_owned(), vec![message.clone()]);
                p
            }
            OtpError::IdempotencyKey => {
                let mut p = problem(
                    StatusCode::BAD_REQUEST,
                    "The Idempotency-Key header is required.",
                    "idempotency-key-missing",
                );
                p.detail = Some("Send a unique Idempotency-Key (1–128 visible ASCII characters) with each new code request.".into());
                p
            }
            OtpError::IdempotencyKeyReused => problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "This Idempotency-Key was used for another phone number.",
                "idempotency-key-reused",
            ),
            OtpError::Throttled {
                code,
                retry_after_seconds,
            } => {
                let title = if *code == "otp-cooldown" {
                    "A code was just sent to this number; wait before sending a new one."
                } else {
                    "Too many codes were sent; try again later."
                };
                let mut p = problem(StatusCode::TOO_MANY_REQUESTS, title, code);
                p.extensions
                    .insert("retryAfter".into(), (*retry_after_seconds).into());
                p
            }
            OtpError::WrongCode { attempts_left } => {
                let mut p = problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "The code is wrong.",
                    "otp-wrong-code",
                );
                p.extensions
                    .insert("attemptsLeft".into(), (*attempts_left).into());
                p
            }
            OtpError::Locked => {
                let mut p = problem(
                    StatusCode::LOCKED,
                    "Too many wrong codes: this verification is locked. Send a new code.",
                    "otp-locked",
                );
                p.extensions.insert("attemptsLeft".into(), 0.into());
                p
            }
            OtpError::Expired => problem(
                StatusCode::GONE,
                "The code has expired. Send a new code.",
                "otp-expired",
            ),
            OtpError::Used => problem(
                StatusCode::CONFLICT,
                "This code has already been used.",
                "otp-used",
            ),
            OtpError::Superseded => problem(
                StatusCode::CONFLICT,
                "A newer code was sent to this number; use that one.",
                "otp-superseded",
            ),
            OtpError::SmsOrderFailed { upstream_code } => {
                let mut p = problem(
                    StatusCode::BAD_GATEWAY,
                    "The SMS could not be ordered from Altinn Notifications.",
                    "otp-sms-order-failed",
                );
                if let Some(c) = upstream_code {
                    p.extensions.insert("upstreamCode".into(), c.clone().into());
                }
                p
            }
            OtpError::ServiceToken(e) => {
                let mut p = problem(
                    StatusCode::BAD_GATEWAY,
                    "The SMS could not be ordered from Altinn Notifications.",
                    "otp-sms-order-failed",
                );
                p.detail = Some(format!(
                    "No service-owner token for Altinn Notifications: {}.",
                    e.detail
                ));
                p.extensions
                    .insert("tokenStep".into(), e.step.as_str().into());
                if let Some(status) = e.status {
                    p.extensions.insert("upstreamStatus".into(), status.into());
                }
                p
            }
        }
    }
}

impl IntoResponse for OtpError {
    fn into_response(self) -> Response {
        if let OtpError::App(e) = self {
            return e.into_response();
        }
        let mut response = problem_response(&self.problem());
        if let OtpError::Throttled {
            retry_after_seconds,
            ..
        } = self
            && let Ok(v) = HeaderValue::from_str(&retry_after_seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response
    }
}
