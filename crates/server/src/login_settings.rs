//! End-user login settings: how the OpenID Connect client authenticates at the token
//! endpoint (`PORTAL_OIDC_CLIENT_SECRET`, or `PORTAL_OIDC_CLIENT_KEY` with
//! `PORTAL_OIDC_CLIENT_KEY_ID` for `private_key_jwt`) and Altinn's test token generator for
//! demo logins (`PORTAL_TOKEN_GENERATOR_*`). Parsed once from [`crate::config::Config`].

use std::collections::HashMap;
use std::sync::Arc;

use jsonwebtoken::EncodingKey;

use crate::config::{Environment, LOCAL_CLIENT_SECRET};

/// The TT02 test token generator (Altinn's test tools), without the operation name.
pub const TT02_TOKEN_GENERATOR_URL: &str =
    "https://altinn-testtools-token-generator.azurewebsites.net/api";

/// How the client proves who it is at the token endpoint.
#[derive(Clone)]
pub enum ClientAuth {
    /// `client_secret_basic`.
    Secret(String),
    /// `private_key_jwt`: an RS256 client assertion signed with this key, `kid` in the header.
    PrivateKey { key: Arc<EncodingKey>, kid: String },
}

impl std::fmt::Debug for ClientAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientAuth::Secret(_) => f.write_str("Secret(<redacted>)"),
            ClientAuth::PrivateKey { kid, .. } => f
                .debug_struct("PrivateKey")
                .field("key", &"<redacted>")
                .field("kid", kid)
                .finish(),
        }
    }
}

impl ClientAuth {
    /// The `token_endpoint_auth_method` name.
    pub fn method(&self) -> &'static str {
        match self {
            ClientAuth::Secret(_) => "client_secret_basic",
            ClientAuth::PrivateKey { .. } => "private_key_jwt",
        }
    }
}

/// Altinn's test token generator (`GetPersonalToken`), for demo logins.
#[derive(Clone)]
pub struct TokenGeneratorSettings {
    /// Base URL without a trailing slash, e.g. `https://…/api`.
    pub url: String,
    pub user: String,
    pub password: String,
    /// The generator's `env` parameter, e.g. `tt02`.
    pub env: String,
}

impl std::fmt::Debug for TokenGeneratorSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenGeneratorSettings")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("password", &"<redacted>")
            .field("env", &self.env)
            .finish()
    }
}

/// What [`parse`] found.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    pub client_auth: ClientAuth,
    /// Demo login is available exactly when this is set.
    pub token_generator: Option<TokenGeneratorSettings>,
    /// Whether ID-porten login is configured (always in local mode; elsewhere unless no
    /// client setting is given and demo login is).
    pub oidc_login: bool,
}

/// Reads the settings (names as in the file, e.g. `oidc_client_key`); every problem is
/// pushed to `errors` naming its variable. `base` is the public URL without a slash.
pub fn parse(
    settings: &HashMap<String, String>,
    environment: Environment,
    base: &str,
    errors: &mut Vec<String>,
) -> LoginSettings {
    let get = |name: &str| {
        settings
            .get(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let token_generator = token_generator(
        [
            get("token_generator_url"),
            get("token_generator_user"),
            get("token_generator_password"),
        ],
        get("token_generator_env"),
        environment,
        base,
        errors,
    );
    // Without any ID-porten client setting, demo login alone is enough (a demo without an
    // ID-porten client); "Log in" is then not offered. Production has no demo login.
    let no_client = get("oidc_client_id").is_none()
        && get("oidc_client_secret").is_none()
        && get("oidc_client_key").is_none();
    let oidc_login = environment == Environment::Local || !(no_client && token_generator.is_some());
    let client_auth = match environment {
        // The simulator's registered client.
        Environment::Local => ClientAuth::Secret(LOCAL_CLIENT_SECRET.to_owned()),
        _ if !oidc_login => ClientAuth::Secret(String::new()),
        Environment::Tt02 | Environment::Production | Environment::Custom => client_auth(
            get("oidc_client_secret"),
            get("oidc_client_key"),
            get("oidc_client_key_id"),
            environment,
            errors,
        ),
    };
    LoginSettings {
        client_auth,
        token_generator,
        oidc_login,
    }
}

fn client_auth(
    secret: Option<String>,
    key: Option<String>,
    kid: Option<String>,
    environment: Environment,
    errors: &mut Vec<String>,
) -> ClientAuth {
    let placeholder = ClientAuth::Secret(String::new());
    match (secret, key) {
        (Some(_), Some(_)) => {
            errors.push(
                "PORTAL_OIDC_CLIENT_SECRET and PORTAL_OIDC_CLIENT_KEY: set only one of them"
                    .to_owned(),
            );
            placeholder
        }
        (Some(secret), None) => ClientAuth::Secret(secret),
        (None, Some(key)) => {
            let key = match load_private_key(&key) {
                Ok(k) => Some(k),
                Err(problem) => {
                    errors.push(format!("PORTAL_OIDC_CLIENT_KEY: {problem}"));
                    None
                }
            };
            if kid.is_none() {
                errors.push(
                    "PORTAL_OIDC_CLIENT_KEY_ID: required with PORTAL_OIDC_CLIENT_KEY (the key's kid)"
                        .to_owned(),
                );
            }
            match (key, kid) {
                (Some(key), Some(kid)) => ClientAuth::PrivateKey {
                    key: Arc::new(key),
                    kid,
                },
                _ => placeholder,
            }
        }
        (None, None) => {
            errors.push(format!(
                "PORTAL_OIDC_CLIENT_SECRET or PORTAL_OIDC_CLIENT_KEY: required when PORTAL_ENV={}",
                environment.name()
            ));
            placeholder
        }
    }
}

/// An RSA private key from PEM text or from the file the value names. Errors never
/// contain the key.
pub fn load_private_key(value: &str) -> Result<EncodingKey, String> {
    use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
    use rsa::pkcs8::DecodePrivateKey;
    let pem = if value.contains("-----BEGIN") {
        // A PEM in an environment variable may come with `\n` written out.
        value.replace("\\n", "\n")
    } else {
        std::fs::read_to_string(value).map_err(|e| format!("cannot read the file {value}: {e}"))?
    };
    let pem = pem.trim();
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem)
        .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(pem))
        .map_err(|_| {
            "not an RSA private key in PEM (\"PRIVATE KEY\" or \"RSA PRIVATE KEY\")".to_owned()
        })?;
    let der = key
        .to_pkcs1_der()
        .map_err(|_| "the RSA private key cannot be encoded".to_owned())?;
    Ok(EncodingKey::from_rsa_der(der.as_bytes()))
}

fn token_generator(
    [url, user, password]: [Option<String>; 3],
    env: Option<String>,
    environment: Environment,
    base: &str,
    errors: &mut Vec<String>,
) -> Option<TokenGeneratorSettings> {
    if !environment.allows_test_tools() {
        for (name, value) in [("URL", &url), ("USER", &user), ("PASSWORD", &password)] {
            if value.is_some() {
                errors.push(format!(
                    "PORTAL_TOKEN_GENERATOR_{name}: the test token generator (demo login) is not allowed when PORTAL_ENV={}",
                    environment.name()
                ));
            }
        }
        return None;
    }
    let (default_url, default_user) = match environment {
        Environment::Local => (Some(format!("{base}/sim/token-generator")), Some("sim")),
        Environment::Tt02 => (Some(TT02_TOKEN_GENERATOR_URL.to_owned()), None),
        Environment::Production | Environment::Custom => (None, None),
    };
    let explicit_url = url.is_some();
    let url = url.or(default_url);
    let user = user.or(default_user.map(str::to_owned));
    let password = password.or(default_user.map(str::to_owned));
    match (url, user, password) {
        (Some(url), Some(user), Some(password)) => {
            let url = url.trim_end_matches('/').to_owned();
            match url::Url::parse(&url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                    Some(TokenGeneratorSettings {
                        url,
                        user,
                        password,
                        env: env.unwrap_or_else(|| "tt02".to_owned()),
                    })
                }
                _ => {
                    errors.push(format!(
                        "PORTAL_TOKEN_GENERATOR_URL: {url:?} is not an http(s) URL"
                    ));
                    None
                }
            }
        }
        (url, user, password) => {
            let partly = explicit_url || user.is_some() || password.is_some();
            if partly {
                for (name, missing) in [
                    ("URL", url.is_none()),
                    ("USER", user.is_none()),
                    ("PASSWORD", password.is_none()),
                ] {
                    if missing {
                        errors.push(format!(
                            "PORTAL_TOKEN_GENERATOR_{name}: required for demo login with the test token generator"
                        ));
                    }
                }
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(env: Environment, pairs: &[(&str, &str)]) -> (LoginSettings, Vec<String>) {
        let settings = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut errors = Vec::new();
        let s = parse(&settings, env, "http://127.0.0.1:8080", &mut errors);
        (s, errors)
    }

    #[test]
    fn local_has_the_simulator_client_and_generator() {
        let (s, errors) = run(Environment::Local, &[]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(s.client_auth.method(), "client_secret_basic");
        let g = s.token_generator.unwrap();
        assert_eq!(g.url, "http://127.0.0.1:8080/sim/token-generator");
        assert_eq!((g.user.as_str(), g.password.as_str()), ("sim", "sim"));
        assert_eq!(g.env, "tt02");
    }

    #[test]
    fn tt02_needs_a_secret_or_a_key_and_offers_demo_login_only_with_credentials() {
        let (s, errors) = run(Environment::Tt02, &[]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("PORTAL_OIDC_CLIENT_SECRET or PORTAL_OIDC_CLIENT_KEY"));
        assert!(s.token_generator.is_none());

        let (s, errors) = run(
            Environment::Tt02,
            &[
                ("oidc_client_secret", "s"),
                ("token_generator_user", "u"),
                ("token_generator_password", "p"),
            ],
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(s.token_generator.unwrap().url, TT02_TOKEN_GENERATOR_URL);

        let (_, errors) = run(
            Environment::Tt02,
            &[("oidc_client_secret", "s"), ("token_generator_user", "u")],
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("PORTAL_TOKEN_GENERATOR_PASSWORD"));
    }

    #[test]
    fn production_refuses_the_token_generator() {
        let (s, errors) = run(
            Environment::Production,
            &[
                ("oidc_client_secret", "s"),
                ("token_generator_user", "u"),
                ("token_generator_password", "p"),
            ],
        );
        assert!(s.token_generator.is_none());
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .all(|e| e.contains("not allowed when PORTAL_ENV=production"))
        );
    }

    #[test]
    fn key_problems_are_named_without_the_key() {
        let (_, errors) = run(
            Environment::Custom,
            &[(
                "oidc_client_key",
                "-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----",
            )],
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("PORTAL_OIDC_CLIENT_KEY: not an RSA private key"));
        assert!(!errors[0].contains("bm90IGEga2V5"));
        assert!(errors[1].starts_with("PORTAL_OIDC_CLIENT_KEY_ID: required"));

        let (_, errors) = run(
            Environment::Custom,
            &[
                ("oidc_client_key", "/nonexistent/key.pem"),
                ("oidc_client_key_id", "k1"),
            ],
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("cannot read the file /nonexistent/key.pem"));

        let (_, errors) = run(
            Environment::Custom,
            &[("oidc_client_key", "x.pem"), ("oidc_client_secret", "s")],
        );
        assert!(errors[0].contains("set only one"));
    }

    #[test]
    fn debug_output_redacts_secrets() {
        let g = TokenGeneratorSettings {
            url: "u".into(),
            user: "user".into(),
            password: "hunter2".into(),
            env: "tt02".into(),
        };
        assert!(!format!("{g:?}").contains("hunter2"));
        assert!(!format!("{:?}", ClientAuth::Secret("hunter2".into())).contains("hunter2"));
    }
}
