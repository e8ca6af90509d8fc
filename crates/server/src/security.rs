//! Response security headers and the Origin check for state-changing API requests.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::AppError;

/// Paths the embedded simulator owns (its pages bring their own needs).
const SIM_PREFIXES: [&str; 4] = ["/idporten", "/dialogporten", "/notifications", "/sim"];

/// The portal's Content-Security-Policy.
pub fn portal_csp(extra_script_src: &[String], issuer_origin: Option<&str>) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for source in extra_script_src {
        script_src.push(' ');
        script_src.push_str(source);
    }
    let mut form_action = String::from("'self'");
    if let Some(origin) = issuer_origin {
        form_action.push(' ');
        form_action.push_str(origin);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action {form_action}; \
         object-src 'none'"
    )
}

/// CSP sources (`'sha256-…'`) for the inline scripts of the built `index.html`.
///
/// trunk writes a small inline module script that loads the wasm. Hashing it at start-up
/// lets the CSP allow exactly that script and nothing else, without `'unsafe-inline'`.
pub fn inline_script_hashes(index_html: &str) -> Vec<String> {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = Vec::new();
    let mut rest = index_html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_and_more = &after[tag_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = sha2::Sha256::digest(&body_and_more.as_bytes()[..close]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{b64}'"));
        }
        rest = &body_and_more[close + "</script>".len()..];
    }
    hashes
}

/// The simulator's pages: a server-rendered login form posting to its own origin.
const SIM_CSP: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/// Adds security and caching headers to every response.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    );
    let is_sim = SIM_PREFIXES
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        let csp = if is_sim { SIM_CSP } else { &state.csp };
        if let Ok(v) = HeaderValue::from_str(csp) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    if path == "/api" || path.starts_with("/api/") {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if !is_sim && !h.contains_key(header::CACHE_CONTROL) {
        let value = if is_hashed_asset(&path) && response.status().is_success() {
            "public, max-age=31536000, immutable"
        } else {
            // index.html and other unhashed files: revalidate every time.
            "no-cache"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

fn set(h: &mut HeaderMap, name: &'static str, value: &'static str) {
    h.entry(name).or_insert(HeaderValue::from_static(value));
}

/// A file name trunk fingerprinted, like `portal-3f2a9c0d1e2b4a5c_bg.wasm` or `style-<hash>.css`.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    file.split(['-', '_', '.'])
        .any(|part| part.len() >= 16 && part.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Refuses state-changing `/api` requests that do not come from the public origin.
pub async fn origin_check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let path = request.uri().path();
    let is_api = path == "/api" || path.starts_with("/api/");
    if safe || !is_api || same_origin(request.headers(), &state.origin) {
        next.run(request).await
    } else {
        tracing::info!(method = %request.method(), path, "cross-origin request refused");
        AppError::CrossOrigin.into_response()
    }
}

fn same_origin(headers: &HeaderMap, origin: &str) -> bool {
    match headers.get(header::ORIGIN) {
        Some(value) => value.as_bytes() == origin.as_bytes(),
        None => headers
            .get("sec-fetch-site")
            .is_some_and(|v| v.as_bytes() == b"same-origin"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/portal-3f2a9c0d1e2b4a5c_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/inbox"));
    }

    #[test]
    fn csp_takes_extra_sources() {
        let csp = portal_csp(
            &["'sha256-abc'".into()],
            Some("https://login.test.idporten.no"),
        );
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(csp.contains("form-action 'self' https://login.test.idporten.no"));
    }
}

#[cfg(test)]
mod inline_script_tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<html><head><script type="module">import init from '/a.js';</script>
            <script src="/x.js"></script><script>alert(1)</script></head></html>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        // sha256("alert(1)") in base64
        assert_eq!(
            hashes[1],
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        assert!(hashes[0].starts_with("'sha256-") && hashes[0] != hashes[1]);
    }
}
