//! Masking for the API log: what it shows of a URL or an error body never holds a token, a
//! password or a national identity number.
//!
//! - Query parameters that carry secrets (`token`, `access_token`, `code`, `assertion`,
//!   `password`, and any name containing `token`, `secret` or `password`) keep their name;
//!   the value becomes [`MASK`].
//! - Every run of exactly eleven digits (a national identity number, also inside party URNs
//!   such as `urn:altinn:person:identifier-no:…`) becomes eleven `*`, in the path, the query
//!   and bodies. A percent escape (`%3A`) counts as a separator, so URL-encoded URNs are
//!   caught as well.
//! - User info and fragments are dropped from URLs.
//! - In error bodies, members whose name carries a secret are masked, JWT-shaped strings
//!   become [`MASK`] and phone numbers (`+` and 8–15 digits) become `+***`; the body is cut
//!   at [`PROBLEM_LIMIT`] bytes.

use url::Url;

/// What a secret value is replaced with.
pub const MASK: &str = "***";
/// Largest error body kept (bytes, after masking and pretty-printing).
pub const PROBLEM_LIMIT: usize = 4096;
/// Largest URL kept (bytes, after masking).
pub const URL_LIMIT: usize = 2048;

const PID_LEN: usize = 11;
const PID_MASK: &str = "***********";

/// Names whose value is a secret wherever they appear (compared in lower case).
const SECRET_NAMES: [&str; 8] = [
    "assertion",
    "client_assertion",
    "code_verifier",
    "apikey",
    "api_key",
    "authorization",
    "sig",
    "signature",
];
/// Query parameters only: in a ProblemDetails, `code` is the error code.
const SECRET_QUERY_NAMES: [&str; 2] = ["code", "key"];
/// Any name containing one of these is a secret.
const SECRET_PARTS: [&str; 4] = ["token", "secret", "password", "passwd"];

/// Whether a JSON member's name says its value is a secret.
pub fn is_secret_member(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES.contains(&lower.as_str()) || SECRET_PARTS.iter().any(|p| lower.contains(p))
}

/// Whether a query parameter's name says its value is a secret.
pub fn is_secret_parameter(name: &str) -> bool {
    is_secret_member(name) || SECRET_QUERY_NAMES.contains(&name.to_ascii_lowercase().as_str())
}

/// A URL as the log shows it.
pub fn mask_url(url: &Url) -> String {
    let mut base = url.clone();
    // Both only fail for URLs that cannot have user info (then there is none to drop).
    let _ = base.set_username("");
    let _ = base.set_password(None);
    let mut out = base[..url::Position::BeforePath].to_owned();
    out.push_str(&mask_pids(url.path()));
    if let Some(query) = url.query() {
        out.push('?');
        out.push_str(&mask_query(query));
    }
    cap(out, URL_LIMIT).0
}

/// A query string with secret values masked and identity numbers hidden.
pub fn mask_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| {
            let (name, value) = match pair.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (pair, None),
            };
            let decoded: String = url::form_urlencoded::parse(name.as_bytes())
                .map(|(k, _)| k.into_owned())
                .next()
                .unwrap_or_default();
            let name = mask_pids(name);
            match value {
                Some(_) if is_secret_parameter(&decoded) => format!("{name}={MASK}"),
                Some(v) => format!("{name}={}", mask_pids(v)),
                None => name,
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Replaces every run of exactly eleven ASCII digits with `*`. Runs end at any other
/// character; a percent escape (`%` and two hex digits) is a separator, so the digits of
/// `%3A12345678901` and `%2012345678901` are found.
pub fn mask_pids(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            i += 3;
            continue;
        }
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == PID_LEN {
            out.push_str(&text[copied..start]);
            out.push_str(PID_MASK);
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// An error body as the log shows it: JSON is pretty-printed with secret members masked,
/// anything else is kept as text; then identity numbers, JWTs and phone numbers are hidden
/// and the result is cut at [`PROBLEM_LIMIT`]. `None` for an empty or non-UTF-8 body.
/// The flag tells whether it was cut.
pub fn mask_problem(body: &[u8]) -> Option<(String, bool)> {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut value) => {
            mask_members(&mut value);
            serde_json::to_string_pretty(&value).ok()?
        }
        Err(_) => std::str::from_utf8(body).ok()?.trim().to_owned(),
    };
    if text.is_empty() {
        return None;
    }
    let text = mask_phones(&mask_jwts(&mask_pids(&text)));
    Some(cap(text, PROBLEM_LIMIT))
}

fn mask_members(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                if is_secret_member(name) && !member.is_object() && !member.is_array() {
                    *member = serde_json::Value::String(MASK.to_owned());
                } else {
                    mask_members(member);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(mask_members),
        _ => {}
    }
}

fn is_b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Replaces JWT-shaped words (`eyJ…` `.` `…` `.` `…`) with [`MASK`].
fn mask_jwts(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(found) = text[i..].find("eyJ") {
        let start = i + found;
        let at_word_start = start == 0 || !is_b64url(bytes[start - 1]);
        let mut end = start;
        let mut dots = 0;
        while end < bytes.len() && (is_b64url(bytes[end]) || (bytes[end] == b'.' && dots < 2)) {
            if bytes[end] == b'.' {
                dots += 1;
            }
            end += 1;
        }
        if at_word_start && dots == 2 {
            out.push_str(&text[copied..start]);
            out.push_str(MASK);
            copied = end;
        }
        i = end.max(start + 3);
    }
    out.push_str(&text[copied..]);
    out
}

/// Replaces `+` followed by 8 to 15 digits (a phone number in E.164) with `+***`.
fn mask_phones(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'+' {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if (8..=15).contains(&(end - start - 1)) {
            out.push_str(&text[copied..start]);
            out.push('+');
            out.push_str(MASK);
            copied = end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// `text` cut to at most `limit` bytes on a character boundary, and whether it was cut.
fn cap(mut text: String, limit: usize) -> (String, bool) {
    if text.len() <= limit {
        return (text, false);
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push('…');
    (text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PID: &str = "12345678901";

    fn url(text: &str) -> String {
        mask_url(&Url::parse(text).unwrap())
    }

    #[test]
    fn identity_numbers_in_the_path_are_hidden() {
        assert_eq!(
            url(&format!("https://dp.example/api/v1/persons/{PID}/dialogs")),
            "https://dp.example/api/v1/persons/***********/dialogs"
        );
    }

    #[test]
    fn identity_numbers_in_the_query_and_urns_are_hidden() {
        let masked = url(&format!(
            "https://dp.example/api/v1/enduser/dialogs?party=urn:altinn:person:identifier-no:{PID}&party=urn:altinn:organization:identifier-no:310000001&limit=100"
        ));
        assert_eq!(
            masked,
            "https://dp.example/api/v1/enduser/dialogs?party=urn:altinn:person:identifier-no:***********&party=urn:altinn:organization:identifier-no:310000001&limit=100"
        );
    }

    #[test]
    fn url_encoded_urns_are_hidden() {
        let masked = url(&format!(
            "https://dp.example/dialogs?party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A{PID}&q=a%20{PID}&x=%2B{PID}"
        ));
        assert!(!masked.contains(PID), "{masked}");
        assert!(masked.contains("identifier-no%3A***********"), "{masked}");
        assert!(masked.contains("q=a%20***********"), "{masked}");
    }

    #[test]
    fn other_numbers_stay() {
        // Organisation numbers (9 digits), longer and shorter runs, UUIDs.
        for text in [
            "310000001",
            "123456789012",
            "1234567890",
            "0193a1b2-0000-7000-8000-123456789012",
        ] {
            assert_eq!(mask_pids(text), text);
        }
        assert_eq!(mask_pids(&format!("a{PID}b")), "a***********b");
        assert_eq!(
            mask_pids(&format!("{PID},{PID}")),
            "***********,***********"
        );
    }

    #[test]
    fn secret_query_parameters_are_masked() {
        let masked = url(
            "https://idp.example/token?code=abc&access_token=xyz&Token=t&assertion=jwt&password=pw&client_secret=s&state=keep&limit=10",
        );
        assert_eq!(
            masked,
            "https://idp.example/token?code=***&access_token=***&Token=***&assertion=***&password=***&client_secret=***&state=keep&limit=10"
        );
        // An encoded name is still recognised.
        assert_eq!(mask_query("access%5Ftoken=xyz"), "access%5Ftoken=***");
        assert_eq!(mask_query("flag&x=1"), "flag&x=1");
    }

    #[test]
    fn user_info_and_fragments_are_dropped() {
        assert_eq!(
            url("https://user:pw@svc.example:8443/a?b=1#frag"),
            "https://svc.example:8443/a?b=1"
        );
    }

    #[test]
    fn long_urls_are_capped() {
        let long = format!("https://svc.example/{}", "a".repeat(5000));
        let masked = url(&long);
        assert!(masked.len() <= URL_LIMIT + '…'.len_utf8());
        assert!(masked.ends_with('…'));
    }

    #[test]
    fn problem_bodies_are_masked() {
        let body = serde_json::json!({
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            "title": "Not found",
            "status": 404,
            "code": "NOT-00004",
            "detail": format!("No dialog for urn:altinn:person:identifier-no:{PID}"),
            "accessToken": "opaque",
            "errors": { "party": [format!("{PID} is not a party")], "phone": ["+4799999001 failed"] },
            "echo": "Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl end"
        });
        let (text, cut) = mask_problem(body.to_string().as_bytes()).unwrap();
        assert!(!cut);
        assert!(!text.contains(PID), "{text}");
        assert!(text.contains("identifier-no:***********"), "{text}");
        assert!(text.contains("\"accessToken\": \"***\""), "{text}");
        // `code` of a ProblemDetails is its error code, not a secret: only query `code` is.
        assert!(!text.contains("eyJ"), "{text}");
        assert!(text.contains("Bearer *** end"), "{text}");
        assert!(text.contains("+*** failed"), "{text}");
        assert!(text.contains("\"code\": \"NOT-00004\""), "{text}");
        assert!(text.contains("\"status\": 404"), "{text}");
    }

    #[test]
    fn problem_bodies_are_capped() {
        let detail = "x".repeat(PROBLEM_LIMIT * 2);
        let body = serde_json::json!({ "title": "Big", "detail": detail });
        let (text, cut) = mask_problem(body.to_string().as_bytes()).unwrap();
        assert!(cut);
        assert!(text.len() <= PROBLEM_LIMIT + '…'.len_utf8());
        // Multi-byte characters are not split.
        let (text, cut) = mask_problem("æ".repeat(PROBLEM_LIMIT).as_bytes()).unwrap();
        assert!(cut);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn plain_text_and_empty_bodies() {
        assert_eq!(
            mask_problem(format!("Service unavailable for {PID}").as_bytes()),
            Some(("Service unavailable for ***********".to_owned(), false))
        );
        assert_eq!(mask_problem(b""), None);
        assert_eq!(mask_problem(b"  \n"), None);
        assert_eq!(mask_problem(&[0xff, 0xfe]), None);
    }
}
