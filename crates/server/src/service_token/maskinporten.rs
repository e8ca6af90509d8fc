//! Maskinporten's JWT-bearer grant (RFC 7523) and Altinn's Maskinporten token exchange.

use jsonwebtoken::{Algorithm, Header};
use serde::Deserialize;
use serde_json::json;

use super::settings::MaskinportenSettings;
use super::{TokenError, TokenStep};

/// The grant type of RFC 7523.
pub const JWT_BEARER_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// Lifetime of an assertion (Maskinporten accepts at most 120 s).
pub const ASSERTION_SECONDS: i64 = 120;

#[derive(Deserialize)]
struct Grant {
    access_token: String,
}

#[derive(Deserialize)]
struct OAuthError {
    error: Option<String>,
    error_description: Option<String>,
}

fn random_jti() -> Result<String, TokenError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| {
        TokenError::new(
            TokenStep::Maskinporten,
            None,
            "no randomness for the assertion's jti",
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The signed assertion: RS256, `kid` when configured; `aud`, `iss` = client id, `scope`,
/// `iat`, `exp` = `iat` + 120, a random `jti`.
pub(crate) fn assertion(m: &MaskinportenSettings, now: i64) -> Result<String, TokenError> {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = m.key_id.clone();
    let claims = json!({
        "aud": m.audience,
        "iss": m.client_id,
        "scope": m.scope,
        "iat": now,
        "exp": now + ASSERTION_SECONDS,
        "jti": random_jti()?,
    });
    jsonwebtoken::encode(&header, &claims, m.key.encoding_key()).map_err(|_| {
        TokenError::new(
            TokenStep::Maskinporten,
            None,
            "the assertion could not be signed with PORTAL_MASKINPORTEN_KEY",
        )
    })
}

/// A short, printable rendering of an OAuth error answer (`invalid_grant: …`).
fn oauth_error(body: &[u8]) -> String {
    let Ok(e) = serde_json::from_slice::<OAuthError>(body) else {
        return String::new();
    };
    let clean = |s: String| -> String {
        s.chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect::<String>()
    };
    match (e.error.map(clean), e.error_description.map(clean)) {
        (Some(code), Some(text)) => format!(" ({code}: {text})"),
        (Some(code), None) => format!(" ({code})"),
        (None, Some(text)) => format!(" ({text})"),
        (None, None) => String::new(),
    }
}

/// Grant at Maskinporten, then exchange for the Altinn token.
pub(crate) async fn fetch(
    http: &reqwest::Client,
    m: &MaskinportenSettings,
) -> Result<String, TokenError> {
    let step = TokenStep::Maskinporten;
    let assertion = assertion(m, crate::now_unix())?;
    let response = http
        .post(&m.token_url)
        .form(&[
            ("grant_type", JWT_BEARER_GRANT),
            ("assertion", assertion.as_str()),
        ])
        .send()
        .await
        .map_err(|e| TokenError::transport(step, e))?;
    drop(assertion);
    let status = response.status();
    let body = response
        .bytes()
        .await
        .map_err(|e| TokenError::transport(step, e))?;
    if !status.is_success() {
        return Err(TokenError::new(
            step,
            Some(status.as_u16()),
            format!("Maskinporten answered {status}{}", oauth_error(&body)),
        ));
    }
    let grant: Grant = serde_json::from_slice(&body).map_err(|_| {
        TokenError::new(
            step,
            Some(status.as_u16()),
            "Maskinporten's answer has no access_token",
        )
    })?;

    let request = http
        .get(format!("{}/exchange/maskinporten", m.altinn_auth_url))
        .bearer_auth(&grant.access_token);
    super::token_text(
        TokenStep::Exchange,
        request,
        "Altinn's token exchange",
        "Altinn's token exchange answered something that is not a JWT",
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service_token::MaskinportenKey;
    use base64::Engine as _;

    fn settings(kid: Option<&str>) -> MaskinportenSettings {
        MaskinportenSettings {
            token_url: "https://mp.example/token".into(),
            audience: "https://mp.example/".into(),
            client_id: "client-1".into(),
            key: MaskinportenKey::local(),
            key_id: kid.map(str::to_owned),
            scope: "altinn:serviceowner/notifications.create".into(),
            altinn_auth_url: "https://auth.example/authentication/api/v1".into(),
        }
    }

    fn part(token: &str, i: usize) -> serde_json::Value {
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(token.split('.').nth(i).unwrap())
            .unwrap();
        serde_json::from_slice(&b).unwrap()
    }

    #[test]
    fn the_assertion_has_the_claims_maskinporten_wants() {
        let a = assertion(&settings(Some("key-2025")), 1_000_000).unwrap();
        let h = part(&a, 0);
        assert_eq!(h["alg"], "RS256");
        assert_eq!(h["kid"], "key-2025");
        let c = part(&a, 1);
        assert_eq!(c["aud"], "https://mp.example/");
        assert_eq!(c["iss"], "client-1");
        assert_eq!(c["scope"], "altinn:serviceowner/notifications.create");
        assert_eq!(c["iat"], 1_000_000);
        assert_eq!(c["exp"], 1_000_120);
        assert_eq!(c["jti"].as_str().unwrap().len(), 32);
        let b = assertion(&settings(None), 1_000_000).unwrap();
        assert!(part(&b, 0).get("kid").is_none());
        assert_ne!(part(&b, 1)["jti"], c["jti"], "jti is random");
    }

    #[test]
    fn oauth_errors_are_summarised() {
        assert_eq!(
            oauth_error(br#"{"error":"invalid_grant","error_description":"bad\nsig"}"#),
            " (invalid_grant: badsig)"
        );
        assert_eq!(oauth_error(b"<html>"), "");
    }
}
