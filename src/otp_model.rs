//! The rules of the phone-verification page that need no browser: the code field's
//! clean-up, the countdown and when to announce it, and what each server answer means to
//! the staff user. Plain Rust, tested natively and in the browser.

use chrono::{DateTime, Utc};
use portal_api::otp::{Challenge, ChallengeState, Delivery, DeliveryState, VerificationResult};

use crate::api::ApiError;
use crate::i18n::{Lang, OtpKey};

/// How many digits a one-time code has.
pub const CODE_LENGTH: usize = 6;

/// The code as typed or pasted ("123 456", "123-456", "１２３") reduced to at most
/// [`CODE_LENGTH`] ASCII digits. Anything else (spaces, dashes, letters) is dropped.
pub fn normalize_code(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| match c {
            // Full-width digits, as some input methods type them.
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
            '0'..='9' => Some(c),
            _ => None,
        })
        .take(CODE_LENGTH)
        .collect()
}

/// True when `code` is exactly [`CODE_LENGTH`] ASCII digits.
pub fn is_complete_code(code: &str) -> bool {
    code.len() == CODE_LENGTH && code.bytes().all(|b| b.is_ascii_digit())
}

/// A number of seconds as `mm:ss` (minutes grow past 59: `75:00`).
pub fn format_countdown(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// A moment of the countdown worth saying aloud (the visible clock changes every second,
/// which would drown a screen reader).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Milestone {
    /// A whole number of minutes is left.
    Minutes(u32),
    /// Thirty seconds are left.
    HalfMinute,
}

impl Milestone {
    /// The text to announce and its `{n}`, if any.
    pub fn key(self) -> (OtpKey, Option<u32>) {
        match self {
            Milestone::Minutes(1) => (OtpKey::OtpExpiresInOneMinute, None),
            Milestone::Minutes(n) => (OtpKey::OtpExpiresInMinutes, Some(n)),
            Milestone::HalfMinute => (OtpKey::OtpExpiresInHalfMinute, None),
        }
    }
}

/// The milestone passed when the countdown went from `before` to `now` seconds (a tick
/// may skip a second when the tab was busy). The lowest one passed wins.
pub fn milestone_passed(before: u32, now: u32) -> Option<Milestone> {
    if now >= before || now == 0 {
        return None;
    }
    if (now..before).contains(&30) {
        return Some(Milestone::HalfMinute);
    }
    // The lowest whole minute m with now <= m*60 < before.
    let minute = now.div_ceil(60);
    (minute > 0 && minute * 60 < before).then_some(Milestone::Minutes(minute))
}

/// A challenge's clocks, anchored to the local time it was received so that a browser
/// whose clock differs from the server's still counts down correctly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChallengeClock {
    received_at: DateTime<Utc>,
    seconds_left: u32,
    resend_after: u32,
}

impl ChallengeClock {
    /// `received_at`: the local time the challenge arrived.
    pub fn new(challenge: &Challenge, received_at: DateTime<Utc>) -> Self {
        // The server's "now" when it answered, from its own numbers.
        let server_now =
            challenge.expires_at - chrono::Duration::seconds(challenge.seconds_left.into());
        let resend_after = (challenge.resend_available_at - server_now)
            .num_milliseconds()
            .max(0);
        Self {
            received_at,
            seconds_left: challenge.seconds_left,
            resend_after: u32::try_from((resend_after + 999) / 1000).unwrap_or(u32::MAX),
        }
    }

    fn elapsed(&self, now: DateTime<Utc>) -> u32 {
        let ms = (now - self.received_at).num_milliseconds().max(0);
        u32::try_from(ms / 1000).unwrap_or(u32::MAX)
    }

    /// Whole seconds until the code expires.
    pub fn seconds_left(&self, now: DateTime<Utc>) -> u32 {
        self.seconds_left.saturating_sub(self.elapsed(now))
    }

    /// Whole seconds until "Send new code" may be used.
    pub fn resend_wait(&self, now: DateTime<Utc>) -> u32 {
        self.resend_after.saturating_sub(self.elapsed(now))
    }
}

/// True while the SMS may still change status (worth asking the server again).
pub fn delivery_in_progress(delivery: &Delivery) -> bool {
    matches!(
        delivery.state,
        DeliveryState::Sending | DeliveryState::Accepted | DeliveryState::Unknown
    )
}

/// The delivery to show after an answer that may not have asked Notifications (the verify
/// answer carries no shipment status): a known status is not replaced by an unknown one.
pub fn merge_delivery(previous: &Delivery, next: Delivery) -> Delivery {
    if next.status.is_none() && previous.status.is_some() {
        previous.clone()
    } else {
        next
    }
}

/// True while a code can still be entered for the challenge.
pub fn is_open(challenge: &Challenge) -> bool {
    challenge.state == ChallengeState::Pending
}

/// The plain words for the delivery state.
pub fn delivery_key(delivery: &Delivery) -> OtpKey {
    match delivery.state {
        DeliveryState::Sending => OtpKey::OtpDeliverySending,
        DeliveryState::Accepted => OtpKey::OtpDeliveryAccepted,
        DeliveryState::Delivered => OtpKey::OtpDeliveryDelivered,
        DeliveryState::Failed => OtpKey::OtpDeliveryFailed,
        DeliveryState::Unknown => OtpKey::OtpDeliveryUnknown,
    }
}

/// Why the SMS failed, in words, from the server's reason code or else the raw
/// Notifications status (`SMS_Failed_InvalidRecipient`, …).
pub fn failure_reason_key(delivery: &Delivery) -> OtpKey {
    let reason = delivery.reason.as_deref().unwrap_or_default();
    let status = delivery.status.as_deref().unwrap_or_default();
    let said = |reason_code: &str, status_suffix: &str| {
        reason.eq_ignore_ascii_case(reason_code)
            || status.eq_ignore_ascii_case(&format!("SMS_Failed_{status_suffix}"))
    };
    if said("invalid-recipient", "InvalidRecipient")
        || said("recipient-not-identified", "RecipientNotIdentified")
        || said("recipient-reserved", "RecipientReserved")
    {
        OtpKey::OtpReasonInvalidRecipient
    } else if said("ttl-expired", "TTL") {
        OtpKey::OtpReasonTtlExpired
    } else if said("expired", "Expired") {
        OtpKey::OtpReasonPhoneUnreachable
    } else if said("barred-receiver", "BarredReceiver") || said("barred", "Barred") {
        OtpKey::OtpReasonBarred
    } else if said("undelivered", "Undelivered") {
        OtpKey::OtpReasonUndelivered
    } else if reason.eq_ignore_ascii_case("order-failed") {
        OtpKey::OtpReasonOrderFailed
    } else {
        OtpKey::OtpReasonGeneric
    }
}

/// The word for an audit record's result.
pub fn result_key(result: VerificationResult) -> OtpKey {
    match result {
        VerificationResult::Pending => OtpKey::OtpResultPending,
        VerificationResult::Verified => OtpKey::OtpResultVerified,
        VerificationResult::Locked => OtpKey::OtpResultLocked,
        VerificationResult::Expired => OtpKey::OtpResultExpired,
        VerificationResult::Superseded => OtpKey::OtpResultSuperseded,
    }
}

/// What an error answer from `/api/otp/*` means for the page.
#[derive(Clone, Debug, PartialEq)]
pub enum OtpProblem {
    /// 422 `otp-wrong-code`.
    WrongCode { attempts_left: Option<u32> },
    /// 423 `otp-locked`: too many wrong codes.
    Locked,
    /// 410 `otp-expired`.
    Expired,
    /// 409 `otp-used`: already verified once.
    Used,
    /// 409 `otp-superseded`: a newer code was sent to the number.
    Superseded,
    /// 429 `otp-cooldown`: a code was just sent to the number.
    Cooldown { retry_after: Option<u32> },
    /// 429 (`otp-rate-limited`): too many codes to the number or by the staff user; with
    /// `Retry-After` in seconds when the server gave it.
    RateLimited { retry_after: Option<u32> },
    /// 400 with `errors.phoneNumber` (the server's own words, when given).
    InvalidPhone { message: Option<String> },
    /// Anything else: shown by the generic error notice.
    Other(ApiError),
}

impl OtpProblem {
    /// Classifies an error by its ProblemDetails `code`, else by its status.
    pub fn from_error(error: &ApiError) -> Self {
        let ApiError::Problem { status, problem } = error else {
            return OtpProblem::Other(error.clone());
        };
        let number = |name: &str| {
            problem
                .extensions
                .get(name)
                .and_then(|v| v.as_u64().or_else(|| v.as_str()?.trim().parse().ok()))
                .and_then(|n| u32::try_from(n).ok())
        };
        match (problem.code.as_deref(), *status) {
            (Some("otp-wrong-code"), _) | (None, 422) => OtpProblem::WrongCode {
                attempts_left: number("attemptsLeft"),
            },
            (Some("otp-locked"), _) | (None, 423) => OtpProblem::Locked,
            (Some("otp-expired"), _) | (None, 410) => OtpProblem::Expired,
            (Some("otp-used"), _) => OtpProblem::Used,
            (Some("otp-superseded"), _) => OtpProblem::Superseded,
            (Some("otp-cooldown"), _) => OtpProblem::Cooldown {
                retry_after: number("retryAfter"),
            },
            (_, 429) => OtpProblem::RateLimited {
                retry_after: number("retryAfter"),
            },
            (_, 400) => {
                let field = problem
                    .errors
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case("phoneNumber"))
                    .map(|(_, messages)| messages.join(" "));
                match field {
                    Some(message) => OtpProblem::InvalidPhone {
                        message: Some(message).filter(|m| !m.trim().is_empty()),
                    },
                    None => OtpProblem::Other(error.clone()),
                }
            }
            _ => OtpProblem::Other(error.clone()),
        }
    }

    /// The message for the status region, with its `{n}`/`{time}` value; `None` for
    /// [`OtpProblem::Other`], which the generic error notice explains.
    pub fn message(&self) -> Option<(OtpKey, Option<String>)> {
        Some(match self {
            // The last wrong try locks the challenge.
            OtpProblem::WrongCode {
                attempts_left: Some(0),
            } => (OtpKey::OtpLocked, None),
            OtpProblem::WrongCode {
                attempts_left: Some(n),
            } => (OtpKey::OtpWrongCode, Some(n.to_string())),
            OtpProblem::WrongCode {
                attempts_left: None,
            } => (OtpKey::OtpWrongCodeNoCount, None),
            OtpProblem::Locked => (OtpKey::OtpLocked, None),
            OtpProblem::Expired => (OtpKey::OtpExpired, None),
            OtpProblem::Used => (OtpKey::OtpUsed, None),
            OtpProblem::Superseded => (OtpKey::OtpSuperseded, None),
            OtpProblem::RateLimited {
                retry_after: Some(secs),
            } => (OtpKey::OtpRateLimited, Some(format_countdown(*secs))),
            OtpProblem::RateLimited { retry_after: None }
            | OtpProblem::Cooldown { retry_after: None } => (OtpKey::OtpRateLimitedNoTime, None),
            OtpProblem::Cooldown {
                retry_after: Some(secs),
            } => (OtpKey::OtpCooldown, Some(format_countdown(*secs))),
            OtpProblem::InvalidPhone { .. } => (OtpKey::OtpInvalidPhone, None),
            OtpProblem::Other(_) => return None,
        })
    }

    /// The state the challenge is in after this answer, when the answer says so.
    pub fn closes_challenge(&self) -> Option<ChallengeState> {
        match self {
            OtpProblem::Locked => Some(ChallengeState::Locked),
            OtpProblem::Expired => Some(ChallengeState::Expired),
            OtpProblem::Used => Some(ChallengeState::Verified),
            OtpProblem::Superseded => Some(ChallengeState::Superseded),
            OtpProblem::WrongCode {
                attempts_left: Some(0),
            } => Some(ChallengeState::Locked),
            _ => None,
        }
    }
}

/// What the page's status region says (kept as keys, so a language switch retranslates).
#[derive(Clone, Debug, PartialEq)]
pub enum OtpMessage {
    Plain(OtpKey),
    /// A text with one `{name}` filled in.
    With(OtpKey, &'static str, String),
    /// The delivery failed, for this reason.
    DeliveryFailed(OtpKey),
}

impl OtpMessage {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            OtpMessage::Plain(key) => lang.t(*key).to_owned(),
            OtpMessage::With(key, name, value) => lang.tf(*key, &[(name, value)]),
            OtpMessage::DeliveryFailed(reason) => lang.tf(
                OtpKey::OtpDeliveryFailedBecause,
                &[("reason", lang.t(*reason))],
            ),
        }
    }

    /// For the CSS class: `success`, `error` or `info`.
    pub fn tone(&self) -> &'static str {
        match self {
            OtpMessage::With(OtpKey::OtpVerified, ..) => "success",
            OtpMessage::Plain(
                OtpKey::OtpCodeSent | OtpKey::OtpNewCodeSent | OtpKey::OtpSending,
            ) => "info",
            _ => "error",
        }
    }
}

/// A quick check before sending, to hint at the format; the server decides.
pub fn looks_like_phone_number(input: &str) -> bool {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let digits = compact
        .strip_prefix('+')
        .or_else(|| compact.strip_prefix("00"))
        .unwrap_or(&compact);
    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use altinn::ProblemDetails;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn problem(status: u16, code: Option<&str>, extra: &[(&str, serde_json::Value)]) -> ApiError {
        let mut problem = ProblemDetails {
            status: Some(status),
            code: code.map(str::to_owned),
            ..ProblemDetails::default()
        };
        for (name, value) in extra {
            problem.extensions.insert((*name).to_owned(), value.clone());
        }
        ApiError::Problem { status, problem }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn code_input_keeps_six_digits() {
        assert_eq!(normalize_code("123 456"), "123456");
        assert_eq!(normalize_code(" 123-456 "), "123456");
        assert_eq!(normalize_code("12a3b"), "123");
        assert_eq!(normalize_code("1234567890"), "123456");
        assert_eq!(normalize_code("１２３４５６"), "123456");
        assert_eq!(normalize_code(""), "");
        assert!(is_complete_code("000000"));
        assert!(!is_complete_code("12345"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn countdown_is_minutes_and_seconds() {
        assert_eq!(format_countdown(300), "05:00");
        assert_eq!(format_countdown(299), "04:59");
        assert_eq!(format_countdown(61), "01:01");
        assert_eq!(format_countdown(9), "00:09");
        assert_eq!(format_countdown(0), "00:00");
        assert_eq!(format_countdown(4500), "75:00");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn milestones_are_whole_minutes_and_half_a_minute() {
        assert_eq!(milestone_passed(301, 300), Some(Milestone::Minutes(5)));
        assert_eq!(milestone_passed(300, 299), None);
        assert_eq!(milestone_passed(241, 240), Some(Milestone::Minutes(4)));
        assert_eq!(milestone_passed(62, 59), Some(Milestone::Minutes(1)));
        assert_eq!(milestone_passed(31, 30), Some(Milestone::HalfMinute));
        assert_eq!(milestone_passed(32, 28), Some(Milestone::HalfMinute));
        assert_eq!(milestone_passed(30, 29), None);
        assert_eq!(milestone_passed(1, 0), None);
        assert_eq!(milestone_passed(10, 10), None);
        assert_eq!(
            Milestone::Minutes(1).key(),
            (OtpKey::OtpExpiresInOneMinute, None)
        );
        assert_eq!(
            Milestone::Minutes(3).key(),
            (OtpKey::OtpExpiresInMinutes, Some(3))
        );
    }

    fn challenge(seconds_left: u32, resend_in: i64) -> Challenge {
        let server_now = "2026-01-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        Challenge {
            id: uuid::Uuid::nil(),
            state: ChallengeState::Pending,
            phone_number_masked: "+47*****678".into(),
            case_reference: None,
            created_at: server_now,
            expires_at: server_now + chrono::Duration::seconds(seconds_left.into()),
            seconds_left,
            attempts_left: 5,
            resend_available_at: server_now + chrono::Duration::seconds(resend_in),
            delivery: Delivery {
                state: DeliveryState::Sending,
                status: None,
                reason: None,
            },
            shipment_id: None,
            notification_order_id: None,
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn clocks_count_from_the_local_receipt_time() {
        // The browser's clock is an hour off; only elapsed local time counts.
        let local = "2026-01-01T13:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let clock = ChallengeClock::new(&challenge(300, 30), local);
        assert_eq!(clock.seconds_left(local), 300);
        assert_eq!(clock.resend_wait(local), 30);
        let later = local + chrono::Duration::milliseconds(30_500);
        assert_eq!(clock.seconds_left(later), 270);
        assert_eq!(clock.resend_wait(later), 0);
        assert_eq!(clock.seconds_left(local + chrono::Duration::hours(1)), 0);
        let past = ChallengeClock::new(&challenge(100, -5), local);
        assert_eq!(past.resend_wait(local), 0);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn problems_are_told_apart_by_code() {
        let wrong = problem(422, Some("otp-wrong-code"), &[("attemptsLeft", 3.into())]);
        assert_eq!(
            OtpProblem::from_error(&wrong),
            OtpProblem::WrongCode {
                attempts_left: Some(3)
            }
        );
        assert_eq!(
            OtpProblem::from_error(&wrong).message(),
            Some((OtpKey::OtpWrongCode, Some("3".into())))
        );
        assert_eq!(
            OtpProblem::from_error(&problem(423, Some("otp-locked"), &[])),
            OtpProblem::Locked
        );
        assert_eq!(
            OtpProblem::from_error(&problem(410, Some("otp-expired"), &[])),
            OtpProblem::Expired
        );
        assert_eq!(
            OtpProblem::from_error(&problem(409, Some("otp-used"), &[])),
            OtpProblem::Used
        );
        assert_eq!(
            OtpProblem::from_error(&problem(409, Some("otp-superseded"), &[])),
            OtpProblem::Superseded
        );
        let cooldown = problem(429, Some("otp-cooldown"), &[("retryAfter", 12.into())]);
        assert_eq!(
            OtpProblem::from_error(&cooldown).message(),
            Some((OtpKey::OtpCooldown, Some("00:12".into())))
        );
        let limited = problem(429, Some("otp-rate-limited"), &[("retryAfter", 42.into())]);
        assert_eq!(
            OtpProblem::from_error(&limited),
            OtpProblem::RateLimited {
                retry_after: Some(42)
            }
        );
        assert_eq!(
            OtpProblem::from_error(&limited).message(),
            Some((OtpKey::OtpRateLimited, Some("00:42".into())))
        );
        let zero = problem(422, Some("otp-wrong-code"), &[("attemptsLeft", 0.into())]);
        assert_eq!(
            OtpProblem::from_error(&zero).message(),
            Some((OtpKey::OtpLocked, None))
        );
        assert_eq!(
            OtpProblem::from_error(&zero).closes_challenge(),
            Some(ChallengeState::Locked)
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_phone_field_error_is_kept_and_others_pass_through() {
        let mut bad = ProblemDetails {
            status: Some(400),
            ..ProblemDetails::default()
        };
        bad.errors
            .insert("phoneNumber".into(), vec!["Not a mobile number.".into()]);
        let error = ApiError::Problem {
            status: 400,
            problem: bad,
        };
        assert_eq!(
            OtpProblem::from_error(&error),
            OtpProblem::InvalidPhone {
                message: Some("Not a mobile number.".into())
            }
        );
        let network = ApiError::Network("offline".into());
        assert_eq!(
            OtpProblem::from_error(&network),
            OtpProblem::Other(network.clone())
        );
        assert_eq!(OtpProblem::from_error(&network).message(), None);
        let forbidden = problem(403, None, &[]);
        assert!(matches!(
            OtpProblem::from_error(&forbidden),
            OtpProblem::Other(_)
        ));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn delivery_failures_are_explained() {
        let failed = |reason: Option<&str>, status: Option<&str>| Delivery {
            state: DeliveryState::Failed,
            status: status.map(str::to_owned),
            reason: reason.map(str::to_owned),
        };
        assert_eq!(
            failure_reason_key(&failed(Some("invalid-recipient"), None)),
            OtpKey::OtpReasonInvalidRecipient
        );
        assert_eq!(
            failure_reason_key(&failed(None, Some("SMS_Failed_InvalidRecipient"))),
            OtpKey::OtpReasonInvalidRecipient
        );
        assert_eq!(
            failure_reason_key(&failed(Some("ttl-expired"), None)),
            OtpKey::OtpReasonTtlExpired
        );
        assert_eq!(
            failure_reason_key(&failed(None, Some("SMS_Failed_BarredReceiver"))),
            OtpKey::OtpReasonBarred
        );
        assert_eq!(
            failure_reason_key(&failed(Some("order-failed"), None)),
            OtpKey::OtpReasonOrderFailed
        );
        assert_eq!(
            failure_reason_key(&failed(Some("expired"), Some("SMS_Failed_Expired"))),
            OtpKey::OtpReasonPhoneUnreachable
        );
        assert_eq!(
            failure_reason_key(&failed(None, Some("SMS_Failed_Something_New"))),
            OtpKey::OtpReasonGeneric
        );
        assert!(!delivery_in_progress(&failed(None, None)));
        assert_eq!(delivery_key(&failed(None, None)), OtpKey::OtpDeliveryFailed);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_known_delivery_status_is_kept() {
        let delivered = Delivery {
            state: DeliveryState::Delivered,
            status: Some("SMS_Delivered".into()),
            reason: None,
        };
        let unread = Delivery {
            state: DeliveryState::Sending,
            status: None,
            reason: None,
        };
        assert_eq!(merge_delivery(&delivered, unread.clone()), delivered);
        assert_eq!(merge_delivery(&unread, delivered.clone()), delivered);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn messages_read_naturally_in_each_language() {
        let verified = OtpMessage::With(OtpKey::OtpVerified, "number", "+47*****678".into());
        assert_eq!(
            verified.text(Lang::En),
            "Verified. The caller has access to +47*****678."
        );
        assert!(verified.text(Lang::Nb).starts_with("Verifisert"));
        assert!(verified.text(Lang::Nn).starts_with("Verifisert"));
        assert_eq!(verified.tone(), "success");
        let failed = OtpMessage::DeliveryFailed(OtpKey::OtpReasonInvalidRecipient);
        assert_eq!(
            failed.text(Lang::En),
            "The SMS was not delivered: the number cannot receive SMS (invalid recipient). \
             Check the number with the caller and send a new code."
        );
        assert_eq!(failed.tone(), "error");
        assert_eq!(OtpMessage::Plain(OtpKey::OtpCodeSent).tone(), "info");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn phone_hint_accepts_plausible_numbers() {
        assert!(looks_like_phone_number("+47 912 34 567"));
        assert!(looks_like_phone_number("91234567"));
        assert!(looks_like_phone_number("0047 91234567"));
        assert!(!looks_like_phone_number("1234"));
        assert!(!looks_like_phone_number("+47 91a34567"));
    }
}
