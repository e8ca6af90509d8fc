//! Client authentication at the token endpoint: `client_secret_basic`,
//! `client_secret_post`, and `private_key_jwt` (an RS256 client assertion signed with the
//! key whose public half the client registered, RFC 7523).

use std::collections::HashMap;

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

use crate::Sim;
use crate::oidc::oauth_error;

/// `client_assertion_type` of a JWT client assertion.
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// Longest accepted assertion lifetime (`exp - iat`), as ID-porten and Maskinporten.
pub const MAX_ASSERTION_LIFETIME_SECS: i64 = 120;
/// Clock skew allowed on `exp` and `iat`.
const LEEWAY_SECS: i64 = 5;

fn refused(description: &str) -> Response {
    oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", description)
}

/// The authenticated client's id, or the `invalid_client` answer.
#[allow(clippy::result_large_err)]
pub(crate) fn authenticate(
    sim: &Sim,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> Result<String, Response> {
    if let Some(assertion) = form.get("client_assertion") {
        if form.get("client_assertion_type").map(String::as_str) != Some(ASSERTION_TYPE) {
            return Err(refused("client_assertion_type must be jwt-bearer."));
        }
        return verify_assertion(sim, assertion, form.get("client_id").map(String::as_str))
            .map_err(|why| refused(&why));
    }
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let (id, secret) = s.split_once(':')?;
            let dec = |x: &str| {
                form_urlencoded::parse(format!("x={x}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
            };
            Some((dec(id)?, dec(secret)?))
        });
    let creds = basic.or_else(|| {
        Some((
            form.get("client_id")?.clone(),
            form.get("client_secret")?.clone(),
        ))
    });
    let Some((client_id, secret)) = creds else {
        return Err(refused("Client authentication is required."));
    };
    let known = sim.config.clients.iter().any(|c| {
        !c.client_secret.is_empty() && c.client_id == client_id && c.client_secret == secret
    });
    if !known {
        return Err(refused("Client authentication failed."));
    }
    Ok(client_id)
}

/// An RSA public key from PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`).
fn rsa_public_key(pem: &str) -> Option<DecodingKey> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use rsa::pkcs8::DecodePublicKey;
    use rsa::traits::PublicKeyParts;
    let key = rsa::RsaPublicKey::from_public_key_pem(pem.trim())
        .or_else(|_| rsa::RsaPublicKey::from_pkcs1_pem(pem.trim()))
        .ok()?;
    Some(DecodingKey::from_rsa_raw_components(
        &key.n().to_bytes_be(),
        &key.e().to_bytes_be(),
    ))
}

/// Checks a client assertion: registered key (by `iss`), RS256 signature, `iss` = `sub` =
/// client id, `aud` = the issuer or the token endpoint, `exp` in the future and at most
/// [`MAX_ASSERTION_LIFETIME_SECS`] after `iat`, and a `jti` not seen before.
fn verify_assertion(
    sim: &Sim,
    assertion: &str,
    form_client_id: Option<&str>,
) -> Result<String, String> {
    let header =
        jsonwebtoken::decode_header(assertion).map_err(|_| "The client assertion is not a JWT.")?;
    if header.alg != Algorithm::RS256 {
        return Err("The client assertion must be signed with RS256.".into());
    }
    // The issuer names the client (and so the key); the signature is checked next.
    let unverified: Value = assertion
        .split('.')
        .nth(1)
        .and_then(|p| URL_SAFE_NO_PAD.decode(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or("The client assertion has no readable claims.")?;
    let client_id = unverified["iss"]
        .as_str()
        .ok_or("The client assertion has no iss.")?
        .to_owned();
    if form_client_id.is_some_and(|id| id != client_id) {
        return Err("client_id differs from the assertion's iss.".into());
    }
    let pem = sim
        .config
        .clients
        .iter()
        .find(|c| c.client_id == client_id)
        .and_then(|c| c.public_key_pem.as_deref())
        .ok_or("No key is registered for this client.")?;
    let key = rsa_public_key(pem).ok_or("The client's registered key is not an RSA public key.")?;
    let issuer = sim.issuer();
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[issuer.clone(), format!("{issuer}/token")]);
    validation.set_issuer(&[client_id.as_str()]);
    validation.sub = Some(client_id.clone());
    validation.set_required_spec_claims(&["exp", "iat", "iss", "sub", "aud"]);
    validation.leeway = LEEWAY_SECS as u64;
    let claims = jsonwebtoken::decode::<Value>(assertion, &key, &validation)
        .map_err(|e| format!("The client assertion was refused: {e}."))?
        .claims;
    let now = chrono::Utc::now().timestamp();
    let (Some(iat), Some(exp)) = (claims["iat"].as_i64(), claims["exp"].as_i64()) else {
        return Err("iat and exp must be numbers.".into());
    };
    if iat > now + LEEWAY_SECS {
        return Err("The client assertion is issued in the future.".into());
    }
    if exp - iat > MAX_ASSERTION_LIFETIME_SECS {
        return Err(format!(
            "The client assertion may live at most {MAX_ASSERTION_LIFETIME_SECS} seconds."
        ));
    }
    let jti = claims["jti"]
        .as_str()
        .filter(|j| !j.is_empty())
        .ok_or("The client assertion has no jti.")?;
    let mut seen = sim.assertion_jtis.lock().unwrap();
    seen.retain(|_, until| *until + LEEWAY_SECS >= now);
    if seen.contains_key(jti) {
        return Err("The client assertion was already used (jti).".into());
    }
    seen.insert(jti.to_owned(), exp);
    Ok(client_id)
}
