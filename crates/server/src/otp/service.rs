//! The one-time-code rules: create (validate, throttle, hash, order the SMS), read (with the
//! delivery status), verify (attempts, expiry, single use) and the staff user's audit log.

use std::sync::Arc;
use std::time::Duration;

use altinn::notifications::{
    InstantSmsOrderRequest, MAX_SMS_TTL_SECONDS, MIN_SMS_TTL_SECONDS, RecipientSms, SmsSettings,
};
use chrono::{DateTime, Utc};
use portal_api::otp::{
    Challenge, ChallengeState, CreateChallenge, Delivery, DeliveryState, VerificationLog,
    VerificationRecord, VerificationResult,
};
use uuid::Uuid;

use super::clock::{Clock, SystemClock};
use super::code::{CodeMac, OneTimeCode};
use super::error::OtpError;
use super::notifications::{NotificationsClient, NotificationsError};
use super::phone;
use super::settings::OtpSettings;
use super::sms::{delivery_of, language, sms_body};
use super::store::{
    CreateOutcome, Limits, OrderState, OtpStore, StoredChallenge, StoredState, Throttle,
    VerifyOutcome,
};

/// Pauses before the retries of an SMS order (so at most three calls, one at a time).
const ORDER_BACKOFF: [Duration; 2] = [Duration::from_millis(250), Duration::from_millis(1000)];
/// How long a repeated request waits for the first one's SMS order to finish.
const REPLAY_WAIT: Duration = Duration::from_secs(20);
/// Records in `GET /api/otp/verifications`.
const LOG_LIMIT: u32 = 50;
const MAX_CASE_REFERENCE: usize = 100;

/// The staff user making a request.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: String,
    pub name: String,
    /// Where the request's Notifications calls are recorded (the developer API log).
    pub log: crate::api_log::UpstreamLog,
}

/// Whether a create made a new challenge (201) or answered a repeated key (200).
pub enum Created {
    New(Challenge),
    Repeated(Challenge),
}

/// The OTP service; cheap to clone.
#[derive(Clone)]
pub struct OtpService {
    store: Arc<dyn OtpStore>,
    notifications: Arc<dyn NotificationsClient>,
    clock: Arc<dyn Clock>,
    mac: CodeMac,
    settings: Arc<OtpSettings>,
}

fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

impl OtpService {
    pub fn new(
        store: Arc<dyn OtpStore>,
        notifications: Arc<dyn NotificationsClient>,
        mac: CodeMac,
        settings: OtpSettings,
    ) -> OtpService {
        OtpService {
            store,
            notifications,
            clock: Arc::new(SystemClock),
            mac,
            settings: Arc::new(settings),
        }
    }

    /// The same service with another Notifications client (tests).
    pub fn with_notifications(mut self, notifications: Arc<dyn NotificationsClient>) -> Self {
        self.notifications = notifications;
        self
    }

    /// The same service on another clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The same service with other rules (tests; the secret is not changed).
    pub fn with_settings(mut self, settings: OtpSettings) -> Self {
        self.settings = Arc::new(settings);
        self
    }

    fn now(&self) -> i64 {
        millis(self.clock.now())
    }

    /// `POST /api/otp/challenges`.
    pub async fn create(
        &self,
        staff: &Staff,
        idempotency_key: &str,
        request: CreateChallenge,
    ) -> Result<Created, OtpError> {
        let phone_number =
            phone::normalise(&request.phone_number).map_err(|message| OtpError::Invalid {
                field: "phoneNumber",
                message: message.to_owned(),
                code: "otp-invalid-phone-number",
            })?;
        let case_reference = request
            .case_reference
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        if case_reference.as_ref().is_some_and(|c| {
            c.chars().count() > MAX_CASE_REFERENCE || c.chars().any(char::is_control)
        }) {
            return Err(OtpError::Invalid {
                field: "caseReference",
                message: format!("At most {MAX_CASE_REFERENCE} characters, on one line."),
                code: "otp-invalid-case-reference",
            });
        }
        let id = uuid::Builder::from_random_bytes(random_bytes()).into_uuid();
        let code = OneTimeCode::generate();
        let now = self.now();
        let s = &self.settings;
        let new = StoredChallenge {
            id,
            staff_id: staff.id.clone(),
            staff_name: staff.name.clone(),
            idempotency_key: idempotency_key.to_owned(),
            phone_number: phone_number.clone(),
            case_reference,
            language: language(request.language.as_deref()).to_owned(),
            code_mac: self.mac.mac(id, &code),
            created_at: now,
            expires_at: now + i64::from(s.ttl_seconds) * 1000,
            state: StoredState::Pending,
            failed_attempts: 0,
            completed_at: None,
            order: OrderState::Ordering,
            shipment_id: None,
            notification_order_id: None,
        };
        let limits = Limits {
            cooldown_ms: i64::from(s.resend_cooldown_seconds) * 1000,
            rate_limit: s.rate_limit,
            window_ms: i64::from(s.rate_window_seconds) * 1000,
        };
        match self.store.create(new, limits, now).await? {
            CreateOutcome::Created(challenge) => {
                tracing::info!(
                    challenge = %challenge.id,
                    phone = %phone::mask(&challenge.phone_number),
                    "otp challenge created"
                );
                // The order runs in its own task: a client that goes away does not leave the
                // challenge half-ordered.
                let service = self.clone();
                let log = staff.log.clone();
                let ordered = tokio::spawn(
                    log.scope(async move { service.order_sms(challenge, code).await }),
                )
                .await
                .map_err(|e| OtpError::App(crate::error::AppError::Internal(e.to_string())))??;
                Ok(Created::New(self.view(&ordered, None)))
            }
            CreateOutcome::Existing(mut challenge) => {
                if challenge.phone_number != phone_number {
                    return Err(OtpError::IdempotencyKeyReused);
                }
                let deadline = tokio::time::Instant::now() + REPLAY_WAIT;
                while challenge.order == OrderState::Ordering
                    && tokio::time::Instant::now() < deadline
                {
                    tokio::time::sleep(Duration::from_millis(25)).await;
                    if let Some(c) = self.store.challenge(challenge.id, &staff.id).await? {
                        challenge = c;
                    }
                }
                if challenge.order == OrderState::Failed {
                    return Err(OtpError::SmsOrderFailed {
                        upstream_code: None,
                    });
                }
                Ok(Created::Repeated(self.view(&challenge, None)))
            }
            CreateOutcome::Throttled {
                limit,
                retry_after_ms,
            } => {
                let retry_after_seconds = (retry_after_ms.max(1) as u64).div_ceil(1000);
                tracing::info!(phone = %phone::mask(&phone_number), ?limit, retry_after_seconds, "otp challenge throttled");
                Err(OtpError::Throttled {
                    code: match limit {
                        Throttle::Cooldown => "otp-cooldown",
                        Throttle::Number | Throttle::Staff => "otp-rate-limited",
                    },
                    retry_after_seconds,
                })
            }
        }
    }

    /// Orders the SMS: idempotencyId = challenge id, TTL = the code's remaining lifetime;
    /// timeouts, 499 and 503 are retried one at a time with the same id.
    async fn order_sms(
        &self,
        mut challenge: StoredChallenge,
        code: OneTimeCode,
    ) -> Result<StoredChallenge, OtpError> {
        let mut attempt = 0;
        let result = loop {
            let remaining_ms = challenge.expires_at - self.now();
            let ttl = (remaining_ms.max(0) as u64).div_ceil(1000) as i32;
            let ttl = ttl.clamp(MIN_SMS_TTL_SECONDS, MAX_SMS_TTL_SECONDS);
            let minutes = (ttl as u32).div_ceil(60);
            let order = InstantSmsOrderRequest {
                idempotency_id: challenge.id.to_string(),
                senders_reference: Some(format!("otp-{}", challenge.id)),
                recipient_sms: RecipientSms {
                    phone_number: challenge.phone_number.clone(),
                    time_to_live_in_seconds: ttl,
                    sms_settings: SmsSettings {
                        sender: Some(self.settings.sms_sender.clone()),
                        body: sms_body(&challenge.language, code.expose(), minutes),
                    },
                },
            };
            match self.notifications.order_instant_sms(&order).await {
                Ok(response) => break Ok(response),
                Err(e) if e.is_retryable() && attempt < ORDER_BACKOFF.len() => {
                    tracing::warn!(challenge = %challenge.id, error = %e, attempt, "sms order failed; retrying");
                    tokio::time::sleep(ORDER_BACKOFF[attempt]).await;
                    attempt += 1;
                }
                Err(e) => break Err(e),
            }
        };
        drop(code);
        match result {
            Ok(response) => {
                let ids = (
                    response.notification.shipment_id,
                    response.notification_order_id,
                );
                self.store
                    .set_order(challenge.id, OrderState::Ordered, Some(ids))
                    .await?;
                challenge.order = OrderState::Ordered;
                challenge.shipment_id = Some(ids.0);
                challenge.notification_order_id = Some(ids.1);
                tracing::info!(challenge = %challenge.id, shipment = %ids.0, "otp sms ordered");
                Ok(challenge)
            }
            Err(e) => {
                tracing::warn!(challenge = %challenge.id, phone = %phone::mask(&challenge.phone_number), error = %e, "otp sms order failed");
                self.store
                    .set_order(challenge.id, OrderState::Failed, None)
                    .await?;
                Err(match e {
                    NotificationsError::Token(t) => OtpError::ServiceToken(t),
                    NotificationsError::Status { code, .. } => OtpError::SmsOrderFailed {
                        upstream_code: code,
                    },
                    _ => OtpError::SmsOrderFailed {
                        upstream_code: None,
                    },
                })
            }
        }
    }

    /// `GET /api/otp/challenges/{id}`, with the delivery status read from Notifications.
    pub async fn get(&self, staff: &Staff, id: Uuid) -> Result<Challenge, OtpError> {
        let challenge = self
            .store
            .challenge(id, &staff.id)
            .await?
            .ok_or(OtpError::NotFound)?;
        let delivery = match (challenge.order, challenge.shipment_id) {
            (OrderState::Ordered, Some(shipment)) => {
                match staff.log.scope(self.notifications.shipment(shipment)).await {
                    Ok(s) => s
                        .recipients
                        .iter()
                        .find(|r| r.status.as_str().starts_with("SMS_"))
                        .or(s.recipients.first())
                        .map(|r| delivery_of(&r.status)),
                    Err(e) => {
                        tracing::debug!(challenge = %id, error = %e, "shipment status unavailable");
                        None
                    }
                }
            }
            _ => None,
        };
        Ok(self.view(&challenge, delivery))
    }

    /// `POST /api/otp/challenges/{id}/verify`.
    pub async fn verify(&self, staff: &Staff, id: Uuid, code: &str) -> Result<Challenge, OtpError> {
        let Some(code) = OneTimeCode::parse(code) else {
            return Err(OtpError::Invalid {
                field: "code",
                message: "The code has six digits.".to_owned(),
                code: "otp-invalid-code-format",
            });
        };
        let mac = self.mac.clone();
        let check = Box::new(move |stored: &[u8]| mac.matches(id, &code, stored));
        let (outcome, challenge) = self
            .store
            .verify(id, &staff.id, check, self.settings.max_attempts, self.now())
            .await?
            .ok_or(OtpError::NotFound)?;
        tracing::info!(
            challenge = %id,
            phone = %phone::mask(&challenge.phone_number),
            outcome = ?outcome,
            failed_attempts = challenge.failed_attempts,
            "otp verification"
        );
        match outcome {
            VerifyOutcome::Verified => Ok(self.view(&challenge, None)),
            VerifyOutcome::WrongCode => Err(OtpError::WrongCode {
                attempts_left: self
                    .settings
                    .max_attempts
                    .saturating_sub(challenge.failed_attempts),
            }),
            VerifyOutcome::NowLocked | VerifyOutcome::AlreadyLocked => Err(OtpError::Locked),
            VerifyOutcome::Expired => Err(OtpError::Expired),
            VerifyOutcome::Used => Err(OtpError::Used),
            VerifyOutcome::Superseded => Err(OtpError::Superseded),
        }
    }

    /// `GET /api/otp/verifications`: the staff user's own records, newest first.
    pub async fn verifications(&self, staff: &Staff) -> Result<VerificationLog, OtpError> {
        let now = self.now();
        let items = self
            .store
            .verifications(&staff.id, LOG_LIMIT)
            .await?
            .iter()
            .map(|c| VerificationRecord {
                challenge_id: c.id,
                phone_number_masked: phone::mask(&c.phone_number),
                case_reference: c.case_reference.clone(),
                staff_name: c.staff_name.clone(),
                created_at: time(c.created_at),
                completed_at: c.completed_at.map(time),
                result: match self.state_of(c, now) {
                    ChallengeState::Pending => VerificationResult::Pending,
                    ChallengeState::Verified => VerificationResult::Verified,
                    ChallengeState::Locked => VerificationResult::Locked,
                    ChallengeState::Expired => VerificationResult::Expired,
                    ChallengeState::Superseded => VerificationResult::Superseded,
                },
                failed_attempts: c.failed_attempts,
            })
            .collect();
        Ok(VerificationLog { items })
    }

    fn state_of(&self, c: &StoredChallenge, now: i64) -> ChallengeState {
        match c.state {
            StoredState::Pending if now >= c.expires_at => ChallengeState::Expired,
            StoredState::Pending => ChallengeState::Pending,
            StoredState::Verified => ChallengeState::Verified,
            StoredState::Locked => ChallengeState::Locked,
            StoredState::Expired => ChallengeState::Expired,
            StoredState::Superseded => ChallengeState::Superseded,
        }
    }

    /// The wire view of a challenge (never the code or its hash).
    fn view(&self, c: &StoredChallenge, delivery: Option<Delivery>) -> Challenge {
        let now = self.now();
        let state = self.state_of(c, now);
        let seconds_left = if state == ChallengeState::Pending {
            ((c.expires_at - now).max(0) as u64).div_ceil(1000) as u32
        } else {
            0
        };
        let attempts_left = match state {
            ChallengeState::Pending => self.settings.max_attempts.saturating_sub(c.failed_attempts),
            _ => 0,
        };
        let delivery = delivery.unwrap_or_else(|| match c.order {
            OrderState::Failed => Delivery {
                state: DeliveryState::Failed,
                status: None,
                reason: Some("order-failed".to_owned()),
            },
            OrderState::Ordering | OrderState::Ordered => Delivery {
                state: DeliveryState::Sending,
                status: None,
                reason: None,
            },
        });
        Challenge {
            id: c.id,
            state,
            phone_number_masked: phone::mask(&c.phone_number),
            case_reference: c.case_reference.clone(),
            created_at: time(c.created_at),
            expires_at: time(c.expires_at),
            seconds_left,
            attempts_left,
            resend_available_at: time(
                c.created_at + i64::from(self.settings.resend_cooldown_seconds) * 1000,
            ),
            delivery,
            shipment_id: c.shipment_id,
            notification_order_id: c.notification_order_id,
        }
    }
}

fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS random number generator failed");
    bytes
}
