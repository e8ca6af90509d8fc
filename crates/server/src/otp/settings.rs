//! `PORTAL_OTP_*` and `PORTAL_NOTIFICATIONS_*` settings (listed in `crates/server/CONFIG.md`);
//! the token source is read by [`crate::service_token::settings`].

use std::collections::HashMap;
use std::time::Duration;

use crate::altinn_urls::{AltinnUrls, check_url};
use crate::config::Environment;
use crate::service_token::ServiceTokenSettings;

/// Rules of the one-time-code service.
#[derive(Clone)]
pub struct OtpSettings {
    /// HMAC key for the codes; `None`: generated once and kept in the database.
    pub secret: Option<String>,
    /// How long a code is valid (60–172800 s, the SMS time-to-live range).
    pub ttl_seconds: u32,
    /// Wrong codes before a challenge is locked.
    pub max_attempts: u32,
    /// Seconds between two codes to one number.
    pub resend_cooldown_seconds: u32,
    /// Codes per number and per staff user within the window.
    pub rate_limit: u32,
    pub rate_window_seconds: u32,
    /// SMS sender name.
    pub sms_sender: String,
}

impl std::fmt::Debug for OtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtpSettings")
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("ttl_seconds", &self.ttl_seconds)
            .field("max_attempts", &self.max_attempts)
            .field("resend_cooldown_seconds", &self.resend_cooldown_seconds)
            .field("rate_limit", &self.rate_limit)
            .field("rate_window_seconds", &self.rate_window_seconds)
            .field("sms_sender", &self.sms_sender)
            .finish()
    }
}

impl Default for OtpSettings {
    fn default() -> Self {
        OtpSettings {
            secret: None,
            ttl_seconds: 300,
            max_attempts: 5,
            resend_cooldown_seconds: 30,
            rate_limit: 5,
            rate_window_seconds: 900,
            sms_sender: altinn::notifications::DEFAULT_SMS_SENDER.to_owned(),
        }
    }
}

/// Where Altinn Notifications is and how the server gets a service-owner token.
#[derive(Clone, Debug)]
pub struct NotificationsSettings {
    /// Base including `/notifications/api/v1`, without a trailing slash.
    pub url: String,
    /// Where the service-owner token comes from (its `Debug` redacts secrets).
    pub token_source: ServiceTokenSettings,
    /// Timeout of one call (the order call waits for the SMS gateway).
    pub timeout: Duration,
}

/// Reads both groups; problems are appended to `errors`.
pub fn parse(
    settings: &HashMap<String, String>,
    environment: Environment,
    base: &str,
    errors: &mut Vec<String>,
) -> (OtpSettings, NotificationsSettings) {
    let get = |name: &str| {
        settings
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut number = |name: &str, default: u32, min: u32, max: u32| -> u32 {
        match get(name) {
            None => default,
            Some(text) => match text.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => n,
                _ => {
                    errors.push(format!(
                        "PORTAL_{}: {text:?} is not a whole number in {min}–{max}",
                        name.to_ascii_uppercase()
                    ));
                    default
                }
            },
        }
    };
    let d = OtpSettings::default();
    let ttl_seconds = number("otp_ttl_seconds", d.ttl_seconds, 60, 172_800);
    let max_attempts = number("otp_max_attempts", d.max_attempts, 1, 100);
    let resend_cooldown_seconds = number(
        "otp_resend_cooldown_seconds",
        d.resend_cooldown_seconds,
        0,
        86_400,
    );
    let rate_limit = number("otp_rate_limit", d.rate_limit, 1, u32::MAX);
    let rate_window_seconds = number("otp_rate_window_seconds", d.rate_window_seconds, 1, 604_800);
    let timeout_seconds = number("notifications_timeout_seconds", 15, 1, 600);
    let secret = get("otp_secret");
    if secret.as_ref().is_some_and(|s| s.len() < 32) {
        errors.push("PORTAL_OTP_SECRET: use at least 32 characters".to_owned());
    }
    let otp = OtpSettings {
        secret,
        ttl_seconds,
        max_attempts,
        resend_cooldown_seconds,
        rate_limit,
        rate_window_seconds,
        sms_sender: get("otp_sms_sender").unwrap_or(d.sms_sender),
    };
    let url = match get("notifications_url")
        .or_else(|| AltinnUrls::defaults(environment, base).map(|d| d.notifications))
    {
        Some(url) => {
            if let Err(e) = check_url("PORTAL_NOTIFICATIONS_URL", &url) {
                errors.push(e);
            }
            url.trim_end_matches('/').to_owned()
        }
        None => {
            errors.push(format!(
                "PORTAL_NOTIFICATIONS_URL: required when PORTAL_ENV={}",
                environment.name()
            ));
            String::new()
        }
    };
    let notifications = NotificationsSettings {
        url,
        token_source: crate::service_token::settings::parse(settings, environment, base, errors),
        timeout: Duration::from_secs(u64::from(timeout_seconds)),
    };
    (otp, notifications)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn local_defaults_point_at_the_simulator() {
        let mut errors = Vec::new();
        let (otp, n) = parse(
            &map(&[]),
            Environment::Local,
            "http://127.0.0.1:8080",
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(otp.ttl_seconds, 300);
        assert_eq!(otp.max_attempts, 5);
        assert_eq!(otp.resend_cooldown_seconds, 30);
        assert_eq!((otp.rate_limit, otp.rate_window_seconds), (5, 900));
        assert_eq!(otp.sms_sender, "Altinn");
        assert_eq!(n.url, "http://127.0.0.1:8080/notifications/api/v1");
        match &n.token_source {
            ServiceTokenSettings::Maskinporten(m) => {
                assert_eq!(m.client_id, "portal-local");
                assert_eq!(m.token_url, "http://127.0.0.1:8080/maskinporten/token");
                assert_eq!(m.audience, "http://127.0.0.1:8080/maskinporten/");
                assert_eq!(
                    m.altinn_auth_url,
                    "http://127.0.0.1:8080/authentication/api/v1"
                );
                assert_eq!(m.scope, "altinn:serviceowner/notifications.create");
            }
            other => panic!("local mode uses Maskinporten: {other:?}"),
        }
        assert_eq!(n.timeout, Duration::from_secs(15));
    }

    #[test]
    fn custom_values_and_errors() {
        let mut errors = Vec::new();
        let (otp, n) = parse(
            &map(&[
                ("otp_ttl_seconds", "120"),
                ("otp_secret", "0123456789abcdef0123456789abcdef"),
                ("notifications_token", "jwt-fixed-token"),
                ("notifications_url", "https://notifications.example/api/v1/"),
            ]),
            Environment::Custom,
            "https://portal.example",
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(otp.ttl_seconds, 120);
        assert!(!format!("{otp:?}").contains("0123456789abcdef"));
        assert!(!format!("{n:?}").contains("jwt-fixed-token"));
        assert_eq!(n.url, "https://notifications.example/api/v1");
        assert!(matches!(n.token_source, ServiceTokenSettings::Fixed(_)));
        let mut errors = Vec::new();
        parse(
            &map(&[("otp_ttl_seconds", "30"), ("otp_secret", "short")]),
            Environment::Local,
            "http://x",
            &mut errors,
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
