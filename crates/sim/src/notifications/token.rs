//! An offline stand-in for the Altinn test token generator's `GetEnterpriseToken`.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::store::{Claims, NotificationsSim};

const ENVIRONMENTS: &[&str] = &["tt02", "at22", "at23", "at24", "yt01", "local", "none"];

fn text(status: StatusCode, body: String) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

/// Standard base64 (with or without padding).
fn base64_decode(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in input.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(base64_decode(encoded.trim())?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

/// Constant-time-ish comparison (length still leaks; fine for a simulator).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// `GET /sim/token-generator/GetEnterpriseToken?env=tt02&scopes=…&org=ttd&orgNo=991825827&ttl=1800`
pub(crate) async fn get_enterprise_token(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let authorized = basic_credentials(&headers).is_some_and(|(u, p)| {
        same(&u, &sim.settings.token_user) & same(&p, &sim.settings.token_password)
    });
    if !authorized {
        let mut res = text(StatusCode::UNAUTHORIZED, "Unauthorized".to_owned());
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"Altinn simulator token generator\""),
        );
        return res;
    }

    let get = |name: &str| {
        q.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
    };
    let mut errors: Vec<String> = Vec::new();

    let env = get("env").unwrap_or_default();
    if env.is_empty() {
        errors.push(
            "Missing or invalid env. Allowed: tt02, at22, at23, at24, yt01, local, none".to_owned(),
        );
    } else if !ENVIRONMENTS.contains(&env.to_ascii_lowercase().as_str()) {
        errors.push(format!(
            "Invalid env '{env}'. Allowed: {}",
            ENVIRONMENTS.join(", ")
        ));
    }

    let scopes = get("scopes").unwrap_or_default();
    let scopes_ok = !scopes.is_empty()
        && scopes.len() <= 500
        && scopes
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b":/_-,. ".contains(&c));
    if !scopes_ok {
        errors.push("Missing or invalid scopes (comma- or space-separated, [a-z0-9:/_-,. ], at most 500 characters)".to_owned());
    }

    let org = get("org").filter(|o| !o.is_empty());
    if let Some(o) = &org
        && (o.len() > 50
            || !o
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))
    {
        errors.push("Invalid org ([A-Za-z0-9_-], 1-50 characters)".to_owned());
    }

    let org_no = match get("orgNo").filter(|o| !o.is_empty()) {
        Some(n) if n.len() == 9 && n.bytes().all(|c| c.is_ascii_digit()) => n,
        Some(_) => {
            errors.push("Invalid orgNo (9 digits)".to_owned());
            String::new()
        }
        None => format!("{}", 800_000_000 + sim.lock().rng.next_u64() % 199_999_999),
    };

    let ttl = match get("ttl").filter(|t| !t.is_empty()) {
        None => 1800,
        Some(t) => match t.parse::<i64>() {
            Ok(n) if n > 0 => n,
            _ => {
                errors.push("Invalid ttl (a positive number of seconds)".to_owned());
                0
            }
        },
    };

    if !errors.is_empty() {
        return text(StatusCode::BAD_REQUEST, errors.join("\n"));
    }
    let Some(sign) = sim.sign.clone() else {
        return text(
            StatusCode::SERVICE_UNAVAILABLE,
            "Token signing is not configured in this simulator.".to_owned(),
        );
    };

    let scope = scopes
        .split([',', ' '])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let now = sim.now().timestamp();
    let (client_id, jti) = {
        let mut state = sim.lock();
        (state.rng.uuid(), state.rng.uuid())
    };
    let mut claims = Claims::new();
    claims.insert("scope".into(), Value::String(scope));
    claims.insert("token_type".into(), json!("Bearer"));
    claims.insert("exp".into(), json!(now + ttl));
    claims.insert("iat".into(), json!(now));
    claims.insert("nbf".into(), json!(now));
    claims.insert("client_id".into(), json!(client_id.to_string()));
    claims.insert("jti".into(), json!(jti.to_string()));
    claims.insert(
        "consumer".into(),
        json!({ "authority": "iso6523-actorid-upis", "ID": format!("0192:{org_no}") }),
    );
    claims.insert("urn:altinn:orgNumber".into(), json!(org_no));
    claims.insert(
        "urn:altinn:authenticatemethod".into(),
        json!("maskinporten"),
    );
    claims.insert("urn:altinn:authlevel".into(), json!(3));
    if let Some(o) = org {
        claims.insert("urn:altinn:org".into(), json!(o));
    }
    claims.insert("iss".into(), json!(sim.settings.issuer));
    text(StatusCode::OK, sign(&claims))
}

#[cfg(test)]
mod tests {
    use super::base64_decode;

    #[test]
    fn decodes_base64() {
        assert_eq!(base64_decode("c2ltOnNpbQ==").unwrap(), b"sim:sim");
        assert_eq!(base64_decode("YWJj").unwrap(), b"abc");
        assert_eq!(base64_decode("YWI").unwrap(), b"ab");
        assert!(base64_decode("**").is_none());
    }
}
