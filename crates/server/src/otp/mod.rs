//! Phone-number verification by one-time SMS code, for service desk staff (`/api/otp/*`).
//!
//! The wire types are `portal_api::otp`. Routes (all answer problem+json on failure; 401
//! without a session, 403 `not-staff` for other users; POSTs pass the Origin check):
//! - `POST /api/otp/challenges` (header `Idempotency-Key`) → 201 [`Challenge`] with
//!   `Location`; 200 with the same challenge for a repeated key (never a second SMS, also
//!   for two parallel requests); 400 `otp-invalid-phone-number` with `errors.phoneNumber`;
//!   400 `idempotency-key-missing`; 422 `idempotency-key-reused` (another number);
//!   429 `otp-cooldown`/`otp-rate-limited` with `Retry-After`; 502 `otp-sms-order-failed`.
//! - `GET /api/otp/challenges/{id}` → [`Challenge`] with the shipment's delivery status.
//! - `POST /api/otp/challenges/{id}/verify` → 200 [`Challenge`] (`verified`); 422
//!   `otp-wrong-code` (`attemptsLeft`), 423 `otp-locked`, 410 `otp-expired`, 409
//!   `otp-used`/`otp-superseded`, 400 `otp-invalid-code-format`, 404 `otp-not-found`.
//! - `GET /api/otp/verifications` → [`VerificationLog`] of the staff user, newest first.
//!
//! [`Challenge`]: portal_api::otp::Challenge
//! [`VerificationLog`]: portal_api::otp::VerificationLog

pub mod clock;
pub mod code;
pub mod error;
pub mod notifications;
pub mod phone;
pub mod service;
pub mod settings;
pub mod sms;
pub mod store;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use portal_api::otp::{CreateChallenge, VerifyCode};
use uuid::Uuid;

use crate::AppState;
use crate::error::{AppError, Json};
use error::OtpError;
pub use service::{OtpService, Staff};

/// The routes, to nest under `/api/otp`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/challenges", post(create))
        .route("/challenges/{id}", get(read))
        .route("/challenges/{id}/verify", post(verify))
        .route("/verifications", get(verifications))
}

/// The logged-in staff user, or 401/403.
async fn staff(state: &AppState, headers: &HeaderMap) -> Result<Staff, OtpError> {
    let session = crate::auth::current_session(state, headers)
        .await?
        .ok_or(OtpError::App(AppError::Unauthenticated))?;
    match session.pid {
        Some(pid) if state.staff_pids.contains(&pid) => Ok(Staff {
            name: session.name.unwrap_or_else(|| pid.clone()),
            id: pid,
            log: crate::api_log::UpstreamLog::for_request(state, headers),
        }),
        _ => Err(OtpError::NotStaff),
    }
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, OtpError> {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 128 && k.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .ok_or(OtpError::IdempotencyKey)
}

fn challenge_id(id: &str) -> Result<Uuid, OtpError> {
    Uuid::parse_str(id).map_err(|_| OtpError::NotFound)
}

async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<CreateChallenge>, AppError>,
) -> Result<Response, OtpError> {
    let staff = staff(&state, &headers).await?;
    let key = idempotency_key(&headers)?;
    let Json(request) = body?;
    let (status, challenge) = match state.otp.create(&staff, &key, request).await? {
        service::Created::New(c) => (StatusCode::CREATED, c),
        service::Created::Repeated(c) => (StatusCode::OK, c),
    };
    let mut response = (status, Json(&challenge)).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/otp/challenges/{}", challenge.id)) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

async fn read(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, OtpError> {
    let staff = staff(&state, &headers).await?;
    let challenge = state.otp.get(&staff, challenge_id(&id)?).await?;
    Ok(Json(challenge).into_response())
}

async fn verify(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<VerifyCode>, AppError>,
) -> Result<Response, OtpError> {
    let staff = staff(&state, &headers).await?;
    let id = challenge_id(&id)?;
    let Json(request) = body?;
    let challenge = state.otp.verify(&staff, id, &request.code).await?;
    Ok(Json(challenge).into_response())
}

async fn verifications(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, OtpError> {
    let staff = staff(&state, &headers).await?;
    Ok(Json(state.otp.verifications(&staff).await?).into_response())
}
