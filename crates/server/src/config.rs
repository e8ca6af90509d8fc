//! Settings from `PORTAL_*` environment variables and an optional TOML file.
//!
//! `PORTAL_CONFIG=path.toml` names a file whose top-level keys are the variable names
//! without the prefix, in lower case (`public_url = "https://…"`); environment variables
//! win over the file. Every setting is listed in `crates/server/CONFIG.md`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use url::Url;

/// The client the embedded simulator accepts in local mode.
pub const LOCAL_CLIENT_ID: &str = "portal-local";
/// Its secret (a well-known value: the simulator is a local test double).
pub const LOCAL_CLIENT_SECRET: &str = "portal-local-secret";

/// Which identity provider and Dialogporten the server talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    /// The simulator is mounted in-process and reached over HTTP at the public URL.
    Local,
    /// Altinn's test environment TT02 with ID-porten's test issuer (defaults below).
    Tt02,
    /// Altinn production with ID-porten.
    Production,
    /// Every base URL is given (`PORTAL_OIDC_ISSUER`, `PORTAL_DIALOGPORTEN_URL`,
    /// `PORTAL_NOTIFICATIONS_URL`, and with Maskinporten `PORTAL_MASKINPORTEN_URL`,
    /// `PORTAL_MASKINPORTEN_AUDIENCE`, `PORTAL_ALTINN_AUTH_URL`); see [`crate::altinn_urls`].
    Custom,
}

impl Environment {
    /// The value of `PORTAL_ENV` that selects it.
    pub fn name(self) -> &'static str {
        match self {
            Environment::Local => "local",
            Environment::Tt02 => "tt02",
            Environment::Production => "production",
            Environment::Custom => "custom",
        }
    }

    /// Whether Altinn's test tools (the test token generator) may be used: never in production.
    pub fn allows_test_tools(self) -> bool {
        self != Environment::Production
    }

    /// Default ID-porten issuer, for the environments that have one.
    pub fn default_oidc_issuer(self) -> Option<&'static str> {
        match self {
            Environment::Tt02 => Some("https://test.idporten.no"),
            Environment::Production => Some("https://idporten.no"),
            Environment::Local | Environment::Custom => None,
        }
    }

    /// Default Dialogporten base (including `/dialogporten`), for the Altinn environments.
    pub fn default_dialogporten_url(self) -> Option<&'static str> {
        match self {
            Environment::Tt02 => Some("https://platform.tt02.altinn.no/dialogporten"),
            Environment::Production => Some("https://platform.altinn.no/dialogporten"),
            Environment::Local | Environment::Custom => None,
        }
    }
}

/// How much data the embedded simulator generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimScale {
    Demo,
    Large,
}

/// Settings of the embedded simulator (local mode only).
#[derive(Debug, Clone)]
pub struct SimSettings {
    pub seed: u64,
    pub scale: SimScale,
}

/// The OpenID Connect client.
#[derive(Clone)]
pub struct OidcSettings {
    /// Issuer identifier; discovery is at `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// Client authentication at the token endpoint (secret or private key).
    pub client_auth: crate::login_settings::ClientAuth,
    /// Requested scopes, space separated.
    pub scope: String,
    /// Requested level of assurance.
    pub acr_values: String,
}

impl std::fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_auth", &self.client_auth)
            .field("scope", &self.scope)
            .field("acr_values", &self.acr_values)
            .finish()
    }
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    /// Origin and base of redirect URIs, without a trailing slash.
    pub public_url: Url,
    pub dist_dir: PathBuf,
    pub database: PathBuf,
    pub environment: Environment,
    pub oidc: OidcSettings,
    /// Dialogporten base including `/dialogporten`, without a trailing slash.
    pub dialogporten_url: String,
    pub sim: SimSettings,
    pub session_ttl: Duration,
    pub upstream_timeout: Duration,
    /// Person identifiers (`pid`) with the staff role.
    pub staff_pids: Vec<String>,
    /// Extra `script-src` sources for the CSP (e.g. `'sha256-…'` of an inline script).
    pub csp_script_src: Vec<String>,
    /// Phone-number verification by one-time code (`PORTAL_OTP_*`).
    pub otp: crate::otp::settings::OtpSettings,
    /// Altinn Notifications (`PORTAL_NOTIFICATIONS_*`).
    pub notifications: crate::otp::settings::NotificationsSettings,
    /// Whether the developer API log is kept and served (`PORTAL_API_LOG`).
    pub api_log: bool,
    /// The test token generator for demo logins (`PORTAL_TOKEN_GENERATOR_*`); `None`: no demo login.
    pub token_generator: Option<crate::login_settings::TokenGeneratorSettings>,
    /// Whether "Log in" with OpenID Connect is offered (see [`crate::login_settings`]).
    pub oidc_login: bool,
}

/// A configuration that cannot be used; the message names every bad setting.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid configuration:")?;
        for problem in &self.0 {
            write!(f, "\n  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads `PORTAL_CONFIG` (if set) and the `PORTAL_*` environment variables.
    pub fn from_env() -> Result<Config, ConfigError> {
        let mut settings = HashMap::new();
        if let Ok(path) = std::env::var("PORTAL_CONFIG") {
            settings = read_file(&path)?;
        }
        for (key, value) in std::env::vars() {
            if let Some(name) = key.strip_prefix("PORTAL_")
                && name != "CONFIG"
            {
                settings.insert(name.to_ascii_lowercase(), value);
            }
        }
        Config::from_settings(&settings)
    }

    /// Builds a configuration from `name → value` pairs (names as in the file, e.g. `public_url`).
    pub fn from_settings(settings: &HashMap<String, String>) -> Result<Config, ConfigError> {
        let mut errors = Vec::new();
        let get = |name: &str| {
            settings
                .get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let parse = |name: &str, default: &str| -> String {
            get(name).unwrap_or_else(|| default.to_owned())
        };

        let listen_text = parse("listen", "127.0.0.1:8080");
        let public_text = parse("public_url", "http://127.0.0.1:8080");
        let dist_dir = PathBuf::from(parse("dist_dir", "dist"));
        let database = PathBuf::from(parse("database", "data/portal.sqlite3"));
        let env_text = parse("env", "local");
        let seed_text = parse("sim_seed", "1");
        let scale_text = parse("sim_scale", "demo");
        let ttl_text = parse("session_ttl_minutes", "60");
        let timeout_text = parse("upstream_timeout_seconds", "20");
        let staff_text = parse("staff_pids", "");
        let csp_text = parse("csp_script_src", "");

        let listen = listen_text.parse::<SocketAddr>().unwrap_or_else(|_| {
            errors.push(format!(
                "PORTAL_LISTEN: {listen_text:?} is not an address like 127.0.0.1:8080"
            ));
            SocketAddr::from(([127, 0, 0, 1], 8080))
        });
        let public_url = match Url::parse(public_text.trim_end_matches('/')) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => u,
            _ => {
                errors.push(format!(
                    "PORTAL_PUBLIC_URL: {public_text:?} is not an http(s) URL"
                ));
                Url::parse("http://127.0.0.1:8080").expect("static url")
            }
        };
        let base = public_base(&public_url);
        let environment = match env_text.to_ascii_lowercase().as_str() {
            "local" => Environment::Local,
            "tt02" => Environment::Tt02,
            "production" => Environment::Production,
            "custom" => Environment::Custom,
            other => {
                errors.push(format!(
                    "PORTAL_ENV: unknown environment {other:?} (local|tt02|production|custom)"
                ));
                Environment::Local
            }
        };
        let seed = seed_text.parse::<u64>().unwrap_or_else(|_| {
            errors.push(format!("PORTAL_SIM_SEED: {seed_text:?} is not a number"));
            1
        });
        let scale = match scale_text.to_ascii_lowercase().as_str() {
            "demo" => SimScale::Demo,
            "large" => SimScale::Large,
            other => {
                errors.push(format!(
                    "PORTAL_SIM_SCALE: unknown scale {other:?} (demo|large)"
                ));
                SimScale::Demo
            }
        };
        let session_ttl = match ttl_text.parse::<u64>() {
            Ok(m) if m > 0 => Duration::from_secs(m * 60),
            _ => {
                errors.push(format!(
                    "PORTAL_SESSION_TTL_MINUTES: {ttl_text:?} is not a positive number"
                ));
                Duration::from_secs(3600)
            }
        };
        let upstream_timeout = match timeout_text.parse::<f64>() {
            Ok(s) if s > 0.0 && s.is_finite() => Duration::from_secs_f64(s),
            _ => {
                errors.push(format!(
                    "PORTAL_UPSTREAM_TIMEOUT_SECONDS: {timeout_text:?} is not a positive number"
                ));
                Duration::from_secs(20)
            }
        };
        let staff_pids = split_list(&staff_text, ',');
        let csp_script_src = split_list(&csp_text, ' ');

        let scope = parse("oidc_scope", "openid digdir:dialogporten");
        let acr_values = parse("oidc_acr_values", "idporten-loa-substantial");
        let login = crate::login_settings::parse(settings, environment, &base, &mut errors);
        let (oidc, dialogporten_url) = match environment {
            Environment::Local => (
                OidcSettings {
                    issuer: format!("{base}/idporten"),
                    client_id: LOCAL_CLIENT_ID.into(),
                    client_auth: login.client_auth,
                    scope,
                    acr_values,
                },
                format!("{base}/dialogporten"),
            ),
            Environment::Tt02 | Environment::Production | Environment::Custom => {
                let mut required = |name: &str| {
                    let default = match name {
                        "oidc_issuer" => environment.default_oidc_issuer(),
                        "dialogporten_url" => environment.default_dialogporten_url(),
                        _ => None,
                    };
                    get(name).or(default.map(str::to_owned)).unwrap_or_else(|| {
                        errors.push(format!(
                            "PORTAL_{}: required when PORTAL_ENV={env_text}",
                            name.to_ascii_uppercase()
                        ));
                        String::new()
                    })
                };
                let issuer = required("oidc_issuer");
                let client_id = if login.oidc_login {
                    required("oidc_client_id")
                } else {
                    String::new()
                };
                let dialogporten = required("dialogporten_url");
                (
                    OidcSettings {
                        issuer: issuer.trim_end_matches('/').to_owned(),
                        client_id,
                        client_auth: login.client_auth,
                        scope,
                        acr_values,
                    },
                    dialogporten.trim_end_matches('/').to_owned(),
                )
            }
        };
        if matches!(environment, Environment::Tt02 | Environment::Production)
            && get("public_url").is_none()
        {
            errors.push(format!(
                "PORTAL_PUBLIC_URL: required when PORTAL_ENV={env_text}: the OIDC redirect URL \
                 ({{PORTAL_PUBLIC_URL}}/api/auth/callback, registered with ID-porten) and the \
                 allowed Origin derive from it"
            ));
        }
        let (otp, notifications) =
            crate::otp::settings::parse(settings, environment, &base, &mut errors);
        let api_log = crate::api_log::settings::parse(settings, environment, &mut errors);
        if !errors.is_empty() {
            return Err(ConfigError(errors));
        }
        Ok(Config {
            api_log,
            otp,
            notifications,
            token_generator: login.token_generator,
            oidc_login: login.oidc_login,
            listen,
            public_url,
            dist_dir,
            database,
            environment,
            oidc,
            dialogporten_url,
            sim: SimSettings { seed, scale },
            session_ttl,
            upstream_timeout,
            staff_pids,
            csp_script_src,
        })
    }

    /// The public URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    pub fn public_base(&self) -> String {
        public_base(&self.public_url)
    }

    /// The public origin as browsers send it in `Origin`.
    pub fn public_origin(&self) -> String {
        self.public_url.origin().ascii_serialization()
    }

    /// `{public_url}/api/auth/callback`.
    pub fn redirect_uri(&self) -> String {
        format!("{}/api/auth/callback", self.public_base())
    }

    /// Whether cookies get `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

fn public_base(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_owned()
}

fn split_list(text: &str, sep: char) -> Vec<String> {
    text.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads a TOML file into `name → value` strings (arrays become comma lists).
fn read_file(path: &str) -> Result<HashMap<String, String>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(vec![format!("PORTAL_CONFIG: cannot read {path}: {e}")]))?;
    parse_toml(&text).map_err(|e| ConfigError(vec![format!("PORTAL_CONFIG: {path}: {e}")]))
}

/// Parses the TOML config format into `name → value` strings.
pub fn parse_toml(text: &str) -> Result<HashMap<String, String>, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let mut out = HashMap::new();
    for (key, value) in table {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            toml::Value::Array(items) => items
                .iter()
                .map(|v| match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(if key == "csp_script_src" { " " } else { "," }),
            other => return Err(format!("{key}: unsupported value {other}")),
        };
        out.insert(key.to_ascii_lowercase(), text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_local() {
        let c = Config::from_settings(&HashMap::new()).unwrap();
        assert_eq!(c.environment, Environment::Local);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.public_base(), "http://127.0.0.1:8080");
        assert_eq!(c.oidc.issuer, "http://127.0.0.1:8080/idporten");
        assert_eq!(c.dialogporten_url, "http://127.0.0.1:8080/dialogporten");
        assert_eq!(c.oidc.client_id, "portal-local");
        assert_eq!(c.upstream_timeout, Duration::from_secs(20));
        assert!(!c.secure_cookies());
        assert_eq!(c.redirect_uri(), "http://127.0.0.1:8080/api/auth/callback");
    }

    #[test]
    fn custom_names_every_missing_setting() {
        let err = Config::from_settings(&settings(&[("env", "custom")])).unwrap_err();
        let text = err.to_string();
        for name in [
            "PORTAL_OIDC_ISSUER",
            "PORTAL_OIDC_CLIENT_ID",
            "PORTAL_OIDC_CLIENT_SECRET or PORTAL_OIDC_CLIENT_KEY",
            "PORTAL_DIALOGPORTEN_URL",
        ] {
            assert!(text.contains(name), "{text}");
        }
    }

    #[test]
    fn toml_file_values() {
        let map = parse_toml(
            "public_url = \"https://portal.example/\"\nstaff_pids = [\"1\", \"2\"]\nupstream_timeout_seconds = 5\n",
        )
        .unwrap();
        let c = Config::from_settings(&map).unwrap();
        assert_eq!(c.public_base(), "https://portal.example");
        assert_eq!(c.public_origin(), "https://portal.example");
        assert!(c.secure_cookies());
        assert_eq!(c.staff_pids, vec!["1", "2"]);
        assert_eq!(c.upstream_timeout, Duration::from_secs(5));
    }

    #[test]
    fn bad_values_are_reported() {
        let err = Config::from_settings(&settings(&[("listen", "nope"), ("sim_scale", "huge")]))
            .unwrap_err();
        assert_eq!(err.0.len(), 2);
    }
}
