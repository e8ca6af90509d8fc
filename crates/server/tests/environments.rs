//! `PORTAL_ENV`: the base URLs of each environment, and the start-up refusals (one message
//! naming every missing or invalid setting).

use std::collections::HashMap;

use portal_server::config::{Config, Environment};
use portal_server::service_token::ServiceTokenSettings;

/// TEST-ONLY key pair (see `tests/keys/README.md`).
const TEST_KEY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/keys/maskinporten-test.pem"
);

fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Settings an Altinn environment needs besides ours (the OIDC client).
fn altinn_env(env: &str, extra: &[(&str, &str)]) -> HashMap<String, String> {
    let mut m = map(&[
        ("env", env),
        ("public_url", "https://portal.example"),
        ("oidc_client_id", "client"),
        ("oidc_client_secret", "secret"),
    ]);
    m.extend(map(extra));
    m
}

fn maskinporten(c: &Config) -> &portal_server::service_token::MaskinportenSettings {
    match &c.notifications.token_source {
        ServiceTokenSettings::Maskinporten(m) => m,
        other => panic!("expected Maskinporten, got {other:?}"),
    }
}

fn errors(settings: &HashMap<String, String>) -> String {
    Config::from_settings(settings).unwrap_err().to_string()
}

#[test]
fn local_points_every_url_at_the_embedded_simulator() {
    let c = Config::from_settings(&map(&[("public_url", "http://127.0.0.1:8081/")])).unwrap();
    assert_eq!(c.environment, Environment::Local);
    assert_eq!(c.oidc.issuer, "http://127.0.0.1:8081/idporten");
    assert_eq!(c.dialogporten_url, "http://127.0.0.1:8081/dialogporten");
    assert_eq!(
        c.notifications.url,
        "http://127.0.0.1:8081/notifications/api/v1"
    );
    let m = maskinporten(&c);
    assert_eq!(m.token_url, "http://127.0.0.1:8081/maskinporten/token");
    assert_eq!(m.audience, "http://127.0.0.1:8081/maskinporten/");
    assert_eq!(
        m.altinn_auth_url,
        "http://127.0.0.1:8081/authentication/api/v1"
    );
    assert_eq!(m.client_id, "portal-local");
    assert_eq!(m.scope, "altinn:serviceowner/notifications.create");
    assert_eq!(m.key_id, None);

    // The token generator stays available in local mode when asked for.
    let c = Config::from_settings(&map(&[(
        "notifications_token_url",
        "http://127.0.0.1:8080/sim/token-generator/GetEnterpriseToken?env=tt02&org=ttd",
    )]))
    .unwrap();
    assert!(matches!(
        &c.notifications.token_source,
        ServiceTokenSettings::Generator { user, .. } if user == "sim"
    ));
}

#[test]
fn tt02_defaults() {
    let c = Config::from_settings(&altinn_env(
        "tt02",
        &[
            ("maskinporten_client_id", "my-client"),
            ("maskinporten_key", TEST_KEY),
            ("maskinporten_key_id", "kid-1"),
        ],
    ))
    .unwrap();
    assert_eq!(c.environment, Environment::Tt02);
    assert_eq!(c.oidc.issuer, "https://test.idporten.no");
    assert_eq!(
        c.dialogporten_url,
        "https://platform.tt02.altinn.no/dialogporten"
    );
    assert_eq!(
        c.notifications.url,
        "https://platform.tt02.altinn.no/notifications/api/v1"
    );
    let m = maskinporten(&c);
    assert_eq!(m.token_url, "https://test.maskinporten.no/token");
    assert_eq!(m.audience, "https://test.maskinporten.no/");
    assert_eq!(
        m.altinn_auth_url,
        "https://platform.tt02.altinn.no/authentication/api/v1"
    );
    assert_eq!(m.client_id, "my-client");
    assert_eq!(m.key_id.as_deref(), Some("kid-1"));
    assert_eq!(c.redirect_uri(), "https://portal.example/api/auth/callback");

    // The test token generator is allowed in TT02.
    let c = Config::from_settings(&altinn_env(
        "tt02",
        &[
            (
                "notifications_token_url",
                "https://altinn-testtools-token-generator.azurewebsites.net/api/GetEnterpriseToken?env=tt02",
            ),
            ("notifications_token_user", "u"),
            ("notifications_token_password", "p"),
        ],
    ))
    .unwrap();
    assert!(matches!(
        c.notifications.token_source,
        ServiceTokenSettings::Generator { .. }
    ));
}

#[test]
fn production_defaults() {
    let c = Config::from_settings(&altinn_env(
        "production",
        &[
            ("maskinporten_client_id", "my-client"),
            ("maskinporten_key", TEST_KEY),
            (
                "maskinporten_scope",
                "altinn:serviceowner/notifications.create altinn:serviceowner",
            ),
        ],
    ))
    .unwrap();
    assert!(!c.environment.allows_test_tools());
    assert_eq!(c.oidc.issuer, "https://idporten.no");
    assert_eq!(
        c.dialogporten_url,
        "https://platform.altinn.no/dialogporten"
    );
    assert_eq!(
        c.notifications.url,
        "https://platform.altinn.no/notifications/api/v1"
    );
    let m = maskinporten(&c);
    assert_eq!(m.token_url, "https://maskinporten.no/token");
    assert_eq!(m.audience, "https://maskinporten.no/");
    assert_eq!(
        m.altinn_auth_url,
        "https://platform.altinn.no/authentication/api/v1"
    );
    assert_eq!(
        m.scope,
        "altinn:serviceowner/notifications.create altinn:serviceowner"
    );
    // Explicit URLs win over the defaults.
    let c = Config::from_settings(&altinn_env(
        "production",
        &[
            ("maskinporten_client_id", "my-client"),
            ("maskinporten_key", TEST_KEY),
            (
                "maskinporten_url",
                "https://proxy.example/maskinporten/token",
            ),
            (
                "notifications_url",
                "https://proxy.example/notifications/api/v1/",
            ),
        ],
    ))
    .unwrap();
    assert_eq!(
        maskinporten(&c).token_url,
        "https://proxy.example/maskinporten/token"
    );
    assert_eq!(
        c.notifications.url,
        "https://proxy.example/notifications/api/v1"
    );
}

#[test]
fn custom_takes_every_url_as_given() {
    let c = Config::from_settings(&map(&[
        ("env", "custom"),
        ("oidc_issuer", "https://idp.example"),
        ("oidc_client_id", "c"),
        ("oidc_client_secret", "s"),
        ("dialogporten_url", "https://dp.example/dialogporten/"),
        (
            "notifications_url",
            "https://n.example/notifications/api/v1",
        ),
        ("maskinporten_client_id", "mp-client"),
        ("maskinporten_key", TEST_KEY),
        ("maskinporten_url", "https://mp.example/token"),
        ("maskinporten_audience", "https://mp.example/"),
        (
            "altinn_auth_url",
            "https://auth.example/authentication/api/v1/",
        ),
    ]))
    .unwrap();
    assert_eq!(c.oidc.issuer, "https://idp.example");
    assert_eq!(c.dialogporten_url, "https://dp.example/dialogporten");
    assert_eq!(
        c.notifications.url,
        "https://n.example/notifications/api/v1"
    );
    let m = maskinporten(&c);
    assert_eq!(m.token_url, "https://mp.example/token");
    assert_eq!(m.audience, "https://mp.example/");
    assert_eq!(
        m.altinn_auth_url,
        "https://auth.example/authentication/api/v1"
    );
}

#[test]
fn custom_names_every_missing_url() {
    let text = errors(&map(&[
        ("env", "custom"),
        ("maskinporten_client_id", "mp-client"),
        ("maskinporten_key", TEST_KEY),
    ]));
    for name in [
        "PORTAL_OIDC_ISSUER",
        "PORTAL_DIALOGPORTEN_URL",
        "PORTAL_NOTIFICATIONS_URL",
        "PORTAL_MASKINPORTEN_URL",
        "PORTAL_MASKINPORTEN_AUDIENCE",
        "PORTAL_ALTINN_AUTH_URL",
    ] {
        assert!(
            text.contains(&format!("{name}: required")),
            "{name}:\n{text}"
        );
    }
    // Without Maskinporten its URLs are not asked for (sending a code then answers 502).
    let text = errors(&map(&[("env", "custom")]));
    assert!(text.contains("PORTAL_NOTIFICATIONS_URL"), "{text}");
    assert!(!text.contains("PORTAL_MASKINPORTEN"), "{text}");
    // Bad URLs are named too.
    let text = errors(&map(&[
        ("env", "custom"),
        ("notifications_url", "notifications"),
        ("altinn_auth_url", "ftp://auth.example"),
    ]));
    assert!(
        text.contains("PORTAL_NOTIFICATIONS_URL: \"notifications\" is not an http(s) URL"),
        "{text}"
    );
    assert!(text.contains("PORTAL_ALTINN_AUTH_URL:"), "{text}");
}

#[test]
fn tt02_refuses_to_start_without_public_url_and_token_source_naming_each() {
    let text = errors(&map(&[("env", "tt02")]));
    assert!(text.starts_with("invalid configuration:"), "{text}");
    let public = text
        .lines()
        .find(|l| l.contains("PORTAL_PUBLIC_URL"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(public.contains("required when PORTAL_ENV=tt02"), "{public}");
    assert!(public.contains("redirect URL"), "{public}");
    let token = text
        .lines()
        .find(|l| l.contains("PORTAL_MASKINPORTEN_CLIENT_ID"))
        .unwrap_or_else(|| panic!("{text}"));
    for name in [
        "PORTAL_MASKINPORTEN_KEY",
        "PORTAL_NOTIFICATIONS_TOKEN_URL",
        "PORTAL_NOTIFICATIONS_TOKEN_USER",
        "PORTAL_NOTIFICATIONS_TOKEN_PASSWORD",
        "PORTAL_NOTIFICATIONS_TOKEN",
    ] {
        assert!(token.contains(name), "{name}: {token}");
    }

    // A client id without its key, a key without its client id.
    let text = errors(&altinn_env("tt02", &[("maskinporten_client_id", "c")]));
    assert!(
        text.contains("PORTAL_MASKINPORTEN_KEY: required with PORTAL_MASKINPORTEN_CLIENT_ID"),
        "{text}"
    );
    let text = errors(&altinn_env("tt02", &[("maskinporten_key", TEST_KEY)]));
    assert!(
        text.contains("PORTAL_MASKINPORTEN_CLIENT_ID: required with PORTAL_MASKINPORTEN_KEY"),
        "{text}"
    );
    // The token generator without its credentials.
    let text = errors(&altinn_env(
        "tt02",
        &[(
            "notifications_token_url",
            "https://tokens.example/GetEnterpriseToken",
        )],
    ));
    assert!(
        text.contains("PORTAL_NOTIFICATIONS_TOKEN_USER: required"),
        "{text}"
    );
    assert!(
        text.contains("PORTAL_NOTIFICATIONS_TOKEN_PASSWORD: required"),
        "{text}"
    );
    // A fixed token is enough.
    assert!(Config::from_settings(&altinn_env("tt02", &[("notifications_token", "t")])).is_ok());
}

#[test]
fn production_refuses_the_test_token_generator() {
    let text = errors(&altinn_env(
        "production",
        &[
            (
                "notifications_token_url",
                "https://tokens.example/GetEnterpriseToken",
            ),
            ("notifications_token_user", "u"),
            ("notifications_token_password", "p"),
        ],
    ));
    let line = text
        .lines()
        .find(|l| l.contains("PORTAL_NOTIFICATIONS_TOKEN_URL"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("not allowed when PORTAL_ENV=production"),
        "{line}"
    );
    assert!(
        !text.contains("tokens.example"),
        "the URL is not repeated: {text}"
    );

    // Without a source, production does not suggest the token generator.
    let text = errors(&map(&[("env", "production")]));
    assert!(text.contains("PORTAL_PUBLIC_URL"), "{text}");
    assert!(text.contains("PORTAL_MASKINPORTEN_CLIENT_ID, PORTAL_MASKINPORTEN_KEY: required when PORTAL_ENV=production"), "{text}");
    assert!(!text.contains("PORTAL_NOTIFICATIONS_TOKEN_URL"), "{text}");
}

#[test]
fn a_key_that_does_not_parse_is_named_without_its_content() {
    let pem = std::fs::read_to_string(TEST_KEY).unwrap();
    // Drop one line of the key: no longer an RSA key.
    let mut lines: Vec<&str> = pem.lines().collect();
    lines.remove(5);
    let broken = lines.join("\n");
    let text = errors(&altinn_env(
        "tt02",
        &[
            ("maskinporten_client_id", "c"),
            ("maskinporten_key", &broken),
        ],
    ));
    let line = text
        .lines()
        .find(|l| l.contains("PORTAL_MASKINPORTEN_KEY"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("not an RSA private key"), "{line}");
    for key_line in lines.iter().filter(|l| !l.starts_with("-----")) {
        assert!(!text.contains(key_line), "key material in the message");
    }
    // A path that does not exist.
    let text = errors(&altinn_env(
        "tt02",
        &[
            ("maskinporten_client_id", "c"),
            ("maskinporten_key", "/nonexistent/key.pem"),
        ],
    ));
    assert!(
        text.contains("PORTAL_MASKINPORTEN_KEY: neither a PEM private key nor"),
        "{text}"
    );
    // A public key is not a private key.
    let public = std::fs::read_to_string(TEST_KEY.replace(".pem", ".pub.pem")).unwrap();
    let text = errors(&altinn_env(
        "tt02",
        &[
            ("maskinporten_client_id", "c"),
            ("maskinporten_key", &public),
        ],
    ));
    assert!(
        text.contains("PORTAL_MASKINPORTEN_KEY: not an RSA private key"),
        "{text}"
    );
}

#[test]
fn the_server_binary_refuses_to_start_with_the_message() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .env_clear()
        .env("PORTAL_ENV", "production")
        .env("PORTAL_NOTIFICATIONS_TOKEN_URL", "https://tokens.example/x")
        .env("PORTAL_LISTEN", "127.0.0.1:0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("portal-server: invalid configuration:"),
        "{stderr}"
    );
    for name in [
        "PORTAL_PUBLIC_URL",
        "PORTAL_NOTIFICATIONS_TOKEN_URL",
        "PORTAL_MASKINPORTEN_CLIENT_ID",
    ] {
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
    assert!(
        !stderr.contains("PORTAL_NOTIFICATIONS_TOKEN_USER"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing was served");
}
