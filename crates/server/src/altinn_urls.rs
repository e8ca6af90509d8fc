//! Every Altinn, ID-porten and Maskinporten base URL per environment.
//!
//! The simulator and TT02/production differ only in these URLs and in where tokens come
//! from: `local` points every one at the embedded simulator under `PORTAL_PUBLIC_URL`,
//! `tt02` and `production` at Altinn's and Digdir's services, and `custom` has no defaults
//! (each one must be given).

use crate::config::Environment;

/// The base URLs of one environment, without trailing slashes (except the Maskinporten
/// audience, which is an exact string compared by Maskinporten).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AltinnUrls {
    /// ID-porten issuer (`PORTAL_OIDC_ISSUER`).
    pub oidc_issuer: String,
    /// Dialogporten including `/dialogporten` (`PORTAL_DIALOGPORTEN_URL`).
    pub dialogporten: String,
    /// Altinn Notifications including `/notifications/api/v1` (`PORTAL_NOTIFICATIONS_URL`).
    pub notifications: String,
    /// Altinn authentication including `/authentication/api/v1` (`PORTAL_ALTINN_AUTH_URL`).
    pub altinn_auth: String,
    /// Maskinporten's token endpoint (`PORTAL_MASKINPORTEN_URL`).
    pub maskinporten_token: String,
    /// The `aud` of Maskinporten assertions (`PORTAL_MASKINPORTEN_AUDIENCE`).
    pub maskinporten_audience: String,
}

impl AltinnUrls {
    /// The defaults of `environment`; `public_base` (`PORTAL_PUBLIC_URL` without a trailing
    /// slash) is where the simulator is in `local` mode. `None` for `custom`.
    pub fn defaults(environment: Environment, public_base: &str) -> Option<AltinnUrls> {
        let fixed = |platform: &str, idporten: &str, maskinporten: &str| AltinnUrls {
            oidc_issuer: idporten.to_owned(),
            dialogporten: format!("{platform}/dialogporten"),
            notifications: format!("{platform}/notifications/api/v1"),
            altinn_auth: format!("{platform}/authentication/api/v1"),
            maskinporten_token: format!("{maskinporten}/token"),
            maskinporten_audience: format!("{maskinporten}/"),
        };
        match environment {
            Environment::Local => {
                let base = public_base.trim_end_matches('/');
                Some(AltinnUrls {
                    oidc_issuer: format!("{base}/idporten"),
                    dialogporten: format!("{base}/dialogporten"),
                    notifications: format!("{base}/notifications/api/v1"),
                    altinn_auth: format!("{base}/authentication/api/v1"),
                    maskinporten_token: format!("{base}/maskinporten/token"),
                    maskinporten_audience: format!("{base}/maskinporten/"),
                })
            }
            Environment::Tt02 => Some(fixed(
                "https://platform.tt02.altinn.no",
                "https://test.idporten.no",
                "https://test.maskinporten.no",
            )),
            Environment::Production => Some(fixed(
                "https://platform.altinn.no",
                "https://idporten.no",
                "https://maskinporten.no",
            )),
            Environment::Custom => None,
        }
    }
}

/// Checks that `value` is an absolute http(s) URL; the message names the setting.
pub fn check_url(setting: &str, value: &str) -> Result<(), String> {
    match url::Url::parse(value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(()),
        _ => Err(format!("{setting}: {value:?} is not an http(s) URL")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_points_everything_at_the_simulator() {
        let u = AltinnUrls::defaults(Environment::Local, "http://127.0.0.1:8080/").unwrap();
        assert_eq!(u.oidc_issuer, "http://127.0.0.1:8080/idporten");
        assert_eq!(u.dialogporten, "http://127.0.0.1:8080/dialogporten");
        assert_eq!(
            u.notifications,
            "http://127.0.0.1:8080/notifications/api/v1"
        );
        assert_eq!(u.altinn_auth, "http://127.0.0.1:8080/authentication/api/v1");
        assert_eq!(
            u.maskinporten_token,
            "http://127.0.0.1:8080/maskinporten/token"
        );
        assert_eq!(
            u.maskinporten_audience,
            "http://127.0.0.1:8080/maskinporten/"
        );
    }

    #[test]
    fn tt02_and_production() {
        let t = AltinnUrls::defaults(Environment::Tt02, "https://portal.example").unwrap();
        assert_eq!(
            t,
            AltinnUrls {
                oidc_issuer: "https://test.idporten.no".into(),
                dialogporten: "https://platform.tt02.altinn.no/dialogporten".into(),
                notifications: "https://platform.tt02.altinn.no/notifications/api/v1".into(),
                altinn_auth: "https://platform.tt02.altinn.no/authentication/api/v1".into(),
                maskinporten_token: "https://test.maskinporten.no/token".into(),
                maskinporten_audience: "https://test.maskinporten.no/".into(),
            }
        );
        let p = AltinnUrls::defaults(Environment::Production, "https://portal.example").unwrap();
        assert_eq!(
            p,
            AltinnUrls {
                oidc_issuer: "https://idporten.no".into(),
                dialogporten: "https://platform.altinn.no/dialogporten".into(),
                notifications: "https://platform.altinn.no/notifications/api/v1".into(),
                altinn_auth: "https://platform.altinn.no/authentication/api/v1".into(),
                maskinporten_token: "https://maskinporten.no/token".into(),
                maskinporten_audience: "https://maskinporten.no/".into(),
            }
        );
        // The ID-porten and Dialogporten defaults of `Environment` agree.
        for env in [Environment::Tt02, Environment::Production] {
            let u = AltinnUrls::defaults(env, "https://portal.example").unwrap();
            assert_eq!(Some(u.oidc_issuer.as_str()), env.default_oidc_issuer());
            assert_eq!(
                Some(u.dialogporten.as_str()),
                env.default_dialogporten_url()
            );
        }
    }

    #[test]
    fn custom_has_no_defaults() {
        assert_eq!(
            AltinnUrls::defaults(Environment::Custom, "https://portal.example"),
            None
        );
    }

    #[test]
    fn urls_are_checked() {
        assert!(check_url("PORTAL_X", "https://a.example/b").is_ok());
        let e = check_url("PORTAL_X", "ftp://a").unwrap_err();
        assert!(e.starts_with("PORTAL_X: "), "{e}");
        assert!(check_url("PORTAL_X", "not a url").is_err());
    }
}
