//! Where the server's own service-owner token comes from (`PORTAL_MASKINPORTEN_*`,
//! `PORTAL_NOTIFICATIONS_TOKEN*`, `PORTAL_ALTINN_AUTH_URL`), checked at start-up.

use std::collections::HashMap;

use jsonwebtoken::EncodingKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey, LineEnding};
use rsa::traits::PublicKeyParts;

use crate::altinn_urls::{AltinnUrls, check_url};
use crate::config::Environment;

/// The scope requested from Maskinporten by default.
pub const DEFAULT_SCOPE: &str = "altinn:serviceowner/notifications.create";
/// The client id of the built-in local Maskinporten client.
pub const LOCAL_CLIENT_ID: &str = "portal-local";
/// The organisation number the embedded simulator registers the local client under (the
/// simulator's service owner `ttd`).
pub const LOCAL_ORG_NUMBER: &str = "991825827";
/// The built-in key of the local client: a well-known TEST-ONLY key (like the local OIDC
/// client secret), accepted by nobody but the embedded simulator.
const LOCAL_KEY_PEM: &str = include_str!("../../keys/local-maskinporten.pem");

/// An RSA private key for signing Maskinporten assertions. Its `Debug` shows no key material.
#[derive(Clone)]
pub struct MaskinportenKey {
    encoding: EncodingKey,
    public_pem: String,
    bits: usize,
}

impl std::fmt::Debug for MaskinportenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MaskinportenKey(RSA {} bits, <redacted>)", self.bits)
    }
}

impl MaskinportenKey {
    /// Reads an RSA private key from PEM (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1
    /// `BEGIN RSA PRIVATE KEY`). The error never contains key material.
    pub fn from_pem(pem: &str) -> Result<MaskinportenKey, String> {
        let pem = pem.trim();
        if pem.contains("ENCRYPTED") {
            return Err("an encrypted private key cannot be used; give it unencrypted".into());
        }
        let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| {
                "not an RSA private key in PEM (PKCS#8 \"BEGIN PRIVATE KEY\" or PKCS#1 \
                 \"BEGIN RSA PRIVATE KEY\")"
                    .to_owned()
            })?;
        key.validate()
            .map_err(|_| "the RSA private key is inconsistent".to_owned())?;
        let bits = key.size() * 8;
        if bits < 2048 {
            return Err(format!(
                "the RSA key has {bits} bits; Maskinporten needs at least 2048"
            ));
        }
        let der = key
            .to_pkcs1_der()
            .map_err(|_| "the RSA private key cannot be encoded".to_owned())?;
        let public_pem = key
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|_| "the RSA public key cannot be encoded".to_owned())?;
        Ok(MaskinportenKey {
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            public_pem,
            bits,
        })
    }

    /// `PORTAL_MASKINPORTEN_KEY`: the PEM itself (also with `\n` escapes, as in a one-line
    /// environment variable) or the path of a PEM file.
    pub fn from_setting(value: &str) -> Result<MaskinportenKey, String> {
        let value = value.trim();
        if value.contains("-----BEGIN") {
            return MaskinportenKey::from_pem(&value.replace("\\n", "\n"));
        }
        match std::fs::read_to_string(value) {
            Ok(pem) => MaskinportenKey::from_pem(&pem),
            // The value is not printed: it could be mangled key material rather than a path.
            Err(e) => Err(format!(
                "neither a PEM private key nor the path of a readable file ({})",
                e.kind()
            )),
        }
    }

    /// The built-in TEST-ONLY key of local mode.
    pub fn local() -> MaskinportenKey {
        MaskinportenKey::from_pem(LOCAL_KEY_PEM).expect("the built-in local key parses")
    }

    pub(crate) fn encoding_key(&self) -> &EncodingKey {
        &self.encoding
    }

    /// The public half as SPKI PEM (`BEGIN PUBLIC KEY`), to register the client.
    pub fn public_key_pem(&self) -> &str {
        &self.public_pem
    }
}

/// A Maskinporten client and the Altinn token exchange behind it.
#[derive(Debug, Clone)]
pub struct MaskinportenSettings {
    /// The token endpoint, e.g. `https://test.maskinporten.no/token`.
    pub token_url: String,
    /// The assertion's `aud`, e.g. `https://test.maskinporten.no/`.
    pub audience: String,
    pub client_id: String,
    pub key: MaskinportenKey,
    /// `kid` in the assertion header, when the key is registered with one.
    pub key_id: Option<String>,
    /// Requested scopes, space separated.
    pub scope: String,
    /// Altinn authentication base including `/authentication/api/v1`; the exchange is
    /// `GET {altinn_auth_url}/exchange/maskinporten`.
    pub altinn_auth_url: String,
}

/// Where the service-owner bearer token for Notifications comes from.
#[derive(Clone)]
pub enum ServiceTokenSettings {
    /// A fixed token (`PORTAL_NOTIFICATIONS_TOKEN`).
    Fixed(String),
    /// Altinn's test token generator (`GetEnterpriseToken`, HTTP Basic); never in production.
    Generator {
        url: String,
        user: String,
        password: String,
    },
    /// Maskinporten (JWT-bearer grant) and then Altinn's exchange.
    Maskinporten(MaskinportenSettings),
    /// None configured (only allowed in `custom`: sending a code then answers 502).
    None,
}

impl std::fmt::Debug for ServiceTokenSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceTokenSettings::Fixed(_) => f.write_str("Fixed(<redacted>)"),
            ServiceTokenSettings::Generator { url, user, .. } => f
                .debug_struct("Generator")
                .field("url", url)
                .field("user", user)
                .field("password", &"<redacted>")
                .finish(),
            ServiceTokenSettings::Maskinporten(m) => {
                f.debug_tuple("Maskinporten").field(m).finish()
            }
            ServiceTokenSettings::None => f.write_str("None"),
        }
    }
}

impl ServiceTokenSettings {
    /// `fixed`, `token-generator`, `maskinporten` or `none` (for logs).
    pub fn kind(&self) -> &'static str {
        match self {
            ServiceTokenSettings::Fixed(_) => "fixed",
            ServiceTokenSettings::Generator { .. } => "token-generator",
            ServiceTokenSettings::Maskinporten(_) => "maskinporten",
            ServiceTokenSettings::None => "none",
        }
    }
}

/// Reads the token source. Precedence: a fixed token, then an explicitly configured
/// Maskinporten client, then the token generator URL, then the environment's default (in
/// `local` the built-in Maskinporten client of the embedded simulator). Problems are appended
/// to `errors`, each naming its setting.
pub fn parse(
    settings: &HashMap<String, String>,
    environment: Environment,
    public_base: &str,
    errors: &mut Vec<String>,
) -> ServiceTokenSettings {
    let get = |name: &str| {
        settings
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let env = environment.name();
    let local = environment == Environment::Local;
    let defaults = AltinnUrls::defaults(environment, public_base);

    let fixed = get("notifications_token");
    let generator_url = get("notifications_token_url");
    let client_id = get("maskinporten_client_id");
    let key_text = get("maskinporten_key");

    if generator_url.is_some() && !environment.allows_test_tools() {
        errors.push(format!(
            "PORTAL_NOTIFICATIONS_TOKEN_URL: Altinn's test token generator is not allowed when \
             PORTAL_ENV={env}; use Maskinporten (PORTAL_MASKINPORTEN_CLIENT_ID, PORTAL_MASKINPORTEN_KEY)"
        ));
    }

    let explicit_maskinporten = client_id.is_some() || key_text.is_some();
    let maskinporten = if explicit_maskinporten || (local && generator_url.is_none()) {
        let client_id = client_id.or_else(|| local.then(|| LOCAL_CLIENT_ID.to_owned()));
        let key = match (&key_text, local) {
            (Some(text), _) => match MaskinportenKey::from_setting(text) {
                Ok(k) => Some(k),
                Err(e) => {
                    errors.push(format!("PORTAL_MASKINPORTEN_KEY: {e}"));
                    None
                }
            },
            (None, true) => Some(MaskinportenKey::local()),
            (None, false) => {
                errors.push(
                    "PORTAL_MASKINPORTEN_KEY: required with PORTAL_MASKINPORTEN_CLIENT_ID (the \
                     RSA private key: a PEM file path or the PEM itself)"
                        .to_owned(),
                );
                None
            }
        };
        if client_id.is_none() {
            errors.push(
                "PORTAL_MASKINPORTEN_CLIENT_ID: required with PORTAL_MASKINPORTEN_KEY".to_owned(),
            );
        }
        let mut url = |name: &str, default: Option<&String>| -> Option<String> {
            let setting = format!("PORTAL_{}", name.to_ascii_uppercase());
            match get(name).or_else(|| default.cloned()) {
                Some(v) => match check_url(&setting, &v) {
                    Ok(()) => Some(v),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                },
                None => {
                    errors.push(format!(
                        "{setting}: required when PORTAL_ENV={env} and Maskinporten is used"
                    ));
                    None
                }
            }
        };
        let token_url = url(
            "maskinporten_url",
            defaults.as_ref().map(|d| &d.maskinporten_token),
        );
        let audience = url(
            "maskinporten_audience",
            defaults.as_ref().map(|d| &d.maskinporten_audience),
        );
        let altinn_auth_url = url("altinn_auth_url", defaults.as_ref().map(|d| &d.altinn_auth));
        match (client_id, key, token_url, audience, altinn_auth_url) {
            (Some(client_id), Some(key), Some(token_url), Some(audience), Some(auth)) => {
                Some(MaskinportenSettings {
                    token_url,
                    audience,
                    client_id,
                    key,
                    key_id: get("maskinporten_key_id"),
                    scope: get("maskinporten_scope").unwrap_or_else(|| DEFAULT_SCOPE.to_owned()),
                    altinn_auth_url: auth.trim_end_matches('/').to_owned(),
                })
            }
            _ => None,
        }
    } else {
        if let Some(auth) = get("altinn_auth_url")
            && let Err(e) = check_url("PORTAL_ALTINN_AUTH_URL", &auth)
        {
            errors.push(e);
        }
        None
    };

    // In production the token generator is refused above; its credentials are not asked for.
    let generator = generator_url
        .filter(|_| environment.allows_test_tools())
        .map(|url| {
            let mut credential = |name: &str| {
                get(name)
                    .or_else(|| local.then(|| "sim".to_owned()))
                    .unwrap_or_else(|| {
                        errors.push(format!(
                            "PORTAL_{}: required with PORTAL_NOTIFICATIONS_TOKEN_URL",
                            name.to_ascii_uppercase()
                        ));
                        String::new()
                    })
            };
            let user = credential("notifications_token_user");
            let password = credential("notifications_token_password");
            if check_url("PORTAL_NOTIFICATIONS_TOKEN_URL", &url).is_err() {
                // Without the value: a token generator URL could carry credentials.
                errors.push("PORTAL_NOTIFICATIONS_TOKEN_URL: not an http(s) URL".to_owned());
            }
            ServiceTokenSettings::Generator {
                url,
                user,
                password,
            }
        });

    let source = match (fixed, maskinporten, generator) {
        (Some(token), _, _) => ServiceTokenSettings::Fixed(token),
        (None, Some(m), _) => ServiceTokenSettings::Maskinporten(m),
        (None, None, Some(g)) if !explicit_maskinporten => g,
        _ => ServiceTokenSettings::None,
    };
    if matches!(source, ServiceTokenSettings::None)
        && !explicit_maskinporten
        && matches!(environment, Environment::Tt02 | Environment::Production)
    {
        let alternatives = if environment.allows_test_tools() {
            "; or Altinn's test token generator (PORTAL_NOTIFICATIONS_TOKEN_URL with \
             PORTAL_NOTIFICATIONS_TOKEN_USER and PORTAL_NOTIFICATIONS_TOKEN_PASSWORD)"
        } else {
            ""
        };
        errors.push(format!(
            "PORTAL_MASKINPORTEN_CLIENT_ID, PORTAL_MASKINPORTEN_KEY: required when PORTAL_ENV={env} \
             for the Notifications service-owner token{alternatives}; or a fixed \
             PORTAL_NOTIFICATIONS_TOKEN"
        ));
    }
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_key_parses_and_shows_nothing() {
        let key = MaskinportenKey::local();
        assert!(
            key.public_key_pem()
                .starts_with("-----BEGIN PUBLIC KEY-----")
        );
        let debug = format!("{key:?}");
        assert_eq!(debug, "MaskinportenKey(RSA 2048 bits, <redacted>)");
    }

    #[test]
    fn bad_keys_are_described_without_their_content() {
        let e = MaskinportenKey::from_setting(
            "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----",
        )
        .unwrap_err();
        assert!(e.contains("not an RSA private key"), "{e}");
        assert!(!e.contains("c2VjcmV0"));
        let e = MaskinportenKey::from_setting("c2VjcmV0LWJ1dC1ub3QtYS1rZXk=").unwrap_err();
        assert!(e.contains("neither a PEM private key nor"), "{e}");
        assert!(!e.contains("c2VjcmV0"));
        let e = MaskinportenKey::from_setting(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
        )
        .unwrap_err();
        assert!(e.contains("encrypted"), "{e}");
    }

    #[test]
    fn a_one_line_pem_with_escaped_newlines_is_read() {
        let pem = include_str!("../../keys/local-maskinporten.pem").replace('\n', "\\n");
        let key = MaskinportenKey::from_setting(&pem).unwrap();
        assert_eq!(
            key.public_key_pem(),
            MaskinportenKey::local().public_key_pem()
        );
    }
}
