//! `POST /api/demo-login`: a login without ID-porten, for demos in test environments. The
//! server asks Altinn's test token generator (`GetPersonalToken`, HTTP Basic) for an
//! end-user token for the given national identity number and starts a session with it,
//! exactly like the OIDC callback does. Available only when `PORTAL_TOKEN_GENERATOR_*` is
//! configured, never in production (the configuration refuses it).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use portal_api::auth::DemoLogin;

use crate::auth::begin_session;
use crate::error::{AppError, Json};
use crate::login_settings::TokenGeneratorSettings;
use crate::store::Session;
use crate::{AppState, now_unix};
use altinn::ProblemDetails;

/// Why the national identity number was refused (`None`: it is valid).
pub fn pid_problem(pid: &str) -> Option<&'static str> {
    if pid.len() != 11 || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return Some("A national identity number has 11 digits.");
    }
    let d: Vec<u32> = pid.bytes().map(|b| u32::from(b - b'0')).collect();
    let control = |weights: &[u32]| {
        let sum: u32 = weights.iter().zip(&d).map(|(w, x)| w * x).sum();
        match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        }
    };
    let k1 = control(&[3, 7, 6, 1, 8, 9, 4, 5, 2]);
    let k2 = control(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if k1 != Some(d[9]) || k2 != Some(d[10]) {
        return Some("The control digits of the national identity number are wrong.");
    }
    // D-numbers add 40 to the day; H-numbers 40 and synthetic test persons 80 to the month.
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let day = if day > 40 { day - 40 } else { day };
    let month = match month {
        81..=92 => month - 80,
        41..=52 => month - 40,
        m => m,
    };
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return Some("The national identity number does not start with a valid date.");
    }
    None
}

fn pid_refused(message: &str) -> AppError {
    let mut p = ProblemDetails::new(400, "One or more validation errors occurred.");
    p.code = Some("validation".into());
    p.errors.insert("pid".into(), vec![message.to_owned()]);
    AppError::Problem(Box::new(p))
}

fn generator_failed(detail: &str) -> AppError {
    tracing::warn!(detail, "test token generator failed");
    let mut p = ProblemDetails::new(502, "The test token generator failed.");
    p.code = Some("token-generator-failed".into());
    AppError::Problem(Box::new(p))
}

/// The claims of the generator's token that the session needs.
#[derive(Debug, PartialEq, Eq)]
pub struct TokenFacts {
    pub pid: String,
    pub exp: i64,
    /// `acr`, or the level from `urn:altinn:authlevel`.
    pub level: Option<String>,
}

/// Reads the claims of a JWT without checking its signature (the token comes straight
/// from the generator over TLS; Dialogporten is the one that trusts or refuses it).
pub fn token_facts(token: &str) -> Option<TokenFacts> {
    let payload = token.split('.').nth(1)?;
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?)
            .ok()?;
    let level =
        claims["acr"].as_str().map(str::to_owned).or_else(
            || match &claims["urn:altinn:authlevel"] {
                serde_json::Value::Number(n) => Some(format!("level {n}")),
                serde_json::Value::String(s) => Some(format!("level {s}")),
                _ => None,
            },
        );
    Some(TokenFacts {
        pid: claims["pid"].as_str()?.to_owned(),
        exp: claims["exp"].as_i64()?,
        level,
    })
}

/// `POST /api/demo-login` with `{"pid": "…"}` → 204 and a new session cookie.
pub async fn demo_login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<DemoLogin>,
) -> Result<Response, AppError> {
    let Some(generator) = state.config.token_generator.clone() else {
        return Err(AppError::NotFound);
    };
    let pid = body.pid.trim().to_owned();
    if let Some(problem) = pid_problem(&pid) {
        return Err(pid_refused(problem));
    }
    let ttl = state.config.session_ttl.as_secs() as i64;
    let token = personal_token(&state, &generator, &pid, ttl).await?;
    let now = now_unix();
    let facts = token_facts(&token).ok_or_else(|| generator_failed("the answer is not a JWT"))?;
    if facts.pid != pid {
        return Err(generator_failed("the token is for another person"));
    }
    if facts.exp <= now + 30 {
        return Err(generator_failed("the token has expired"));
    }
    let name = own_name(&state, &token).await;
    let session = Session {
        access_token: token,
        pid: Some(pid),
        name,
        subject: format!("demo:{}", facts.pid),
        created_at: now,
        expires_at: facts.exp.min(now + ttl),
    };
    let cookie = begin_session(&state, &headers, &session, None).await?;
    tracing::info!(level = facts.level.as_deref(), "demo login completed");
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    Ok(response)
}

/// The user's own name, as Dialogporten's party list has it (the party marked
/// `isCurrentEndUser`): the generator's token carries none. Best effort: when the list
/// cannot be had the portal shows the national identity number instead.
async fn own_name(state: &AppState, token: &str) -> Option<String> {
    let url = format!("{}/api/v1/enduser/parties", state.config.dialogporten_url);
    let response = state
        .http
        .get(url)
        .bearer_auth(token)
        .timeout(state.config.upstream_timeout)
        .send()
        .await;
    let parties = match response {
        Ok(r) if r.status().is_success() => r.json::<altinn::party::Parties>().await.ok(),
        Ok(r) => {
            tracing::warn!(
                status = r.status().as_u16(),
                "demo login: no party list for the name"
            );
            None
        }
        Err(e) => {
            tracing::warn!(error = %e.without_url(), "demo login: no party list for the name");
            None
        }
    }?;
    parties
        .authorized_parties
        .into_iter()
        .find(|p| p.is_current_end_user)
        .map(|p| p.name)
        .filter(|name| !name.trim().is_empty())
}

/// `GET {base}/GetPersonalToken?env=…&scopes=…&pid=…&ttl=…` with Basic auth; the raw JWT.
async fn personal_token(
    state: &AppState,
    generator: &TokenGeneratorSettings,
    pid: &str,
    ttl: i64,
) -> Result<String, AppError> {
    let scopes = state
        .config
        .oidc
        .scope
        .split_whitespace()
        .filter(|s| *s != "openid")
        .collect::<Vec<_>>()
        .join(" ");
    let ttl = ttl.to_string();
    let response = state
        .http
        .get(format!("{}/GetPersonalToken", generator.url))
        .query(&[
            ("env", generator.env.as_str()),
            ("scopes", scopes.as_str()),
            ("pid", pid),
            ("ttl", ttl.as_str()),
        ])
        .basic_auth(&generator.user, Some(&generator.password))
        .send()
        .await
        // Neither the URL (it holds the pid) nor the credentials go to the log.
        .map_err(|e| generator_failed(&e.without_url().to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(generator_failed(&format!("status {status}")));
    }
    let text = response
        .text()
        .await
        .map_err(|e| generator_failed(&e.without_url().to_string()))?;
    // The generator answers the JWT as text (some versions quote it as a JSON string).
    Ok(text.trim().trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_identity_numbers() {
        // A synthetic test person (month + 80) and an ordinary number.
        assert_eq!(pid_problem("12838310026"), None, "synthetic");
        assert_eq!(pid_problem("01010010183"), None, "ordinary");
        // A D-number (day + 40).
        assert_eq!(pid_problem("41010010096"), None, "D-number");
        assert!(
            pid_problem("01010010184")
                .unwrap()
                .contains("control digits")
        );
        assert!(pid_problem("1234567890").unwrap().contains("11 digits"));
        assert!(pid_problem("0101001235a").unwrap().contains("11 digits"));
        assert!(pid_problem("32010010054").is_some());
    }

    #[test]
    fn facts_from_a_token() {
        let claims = serde_json::json!({"pid": "12838300125", "exp": 2_000_000_000, "urn:altinn:authlevel": 3});
        let token = format!("e30.{}.sig", URL_SAFE_NO_PAD.encode(claims.to_string()));
        assert_eq!(
            token_facts(&token),
            Some(TokenFacts {
                pid: "12838300125".into(),
                exp: 2_000_000_000,
                level: Some("level 3".into())
            })
        );
        assert_eq!(token_facts("not a token"), None);
    }
}
