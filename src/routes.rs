//! The portal's addresses as data: every link is built from a [`Page`], never by hand.

/// A page of the portal (or the server's login entry point).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: welcome; logged-in users go on to the inbox.
    Start,
    /// `/login`: sends the browser on to the server's login.
    Login,
    /// `/login-error?reason=…`: the login did not succeed.
    LoginError { reason: Option<String> },
    /// `/inbox?party=…`: the dialogs of one party.
    Inbox { party: Option<String> },
    /// `/inbox/{id}?party=…`: one dialog (the page comes later).
    Dialog { id: String, party: Option<String> },
    /// `/verify-phone`: service desk staff confirm a caller's phone number by SMS code.
    VerifyPhone,
    /// `/api/login?returnTo=…`: the server starts the login and brings the user back.
    ApiLogin { return_to: String },
    /// `/saved-searches`: the user's saved searches.
    SavedSearches,
    /// `/demo-login`: log in as a test person through the test token generator.
    DemoLogin,
}

impl Page {
    /// The address of the page, with its query string.
    pub fn href(&self) -> String {
        match self {
            Page::Start => "/".to_owned(),
            Page::Login => "/login".to_owned(),
            Page::LoginError { reason } => with_query("/login-error", "reason", reason.as_deref()),
            Page::Inbox { party } => with_query("/inbox", "party", party.as_deref()),
            Page::Dialog { id, party } => with_query(
                &format!("/inbox/{}", encode_component(id)),
                "party",
                party.as_deref(),
            ),
            Page::VerifyPhone => "/verify-phone".to_owned(),
            Page::ApiLogin { return_to } => {
                with_query("/api/login", "returnTo", Some(&safe_return_to(return_to)))
            }
            Page::SavedSearches => "/saved-searches".to_owned(),
            Page::DemoLogin => "/demo-login".to_owned(),
        }
    }
}

/// Where to come back to after login: a path on this site, else the inbox. Pages that only
/// lead to login (the start page, login and its errors) also send the user to the inbox.
pub fn safe_return_to(path: &str) -> String {
    let own_path = path.starts_with('/') && !path.starts_with("//") && !path.contains('\\');
    let route = path.split(['?', '#']).next().unwrap_or_default();
    let leads_to_login = matches!(route, "/" | "/login" | "/login-error" | "/demo-login");
    if own_path && !leads_to_login {
        path.to_owned()
    } else {
        Page::Inbox { party: None }.href()
    }
}

/// A path and a raw query string (with or without its `?`) as one address.
pub fn path_with_query(path: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{search}")
    }
}

fn with_query(path: &str, key: &str, value: Option<&str>) -> String {
    match value {
        Some(value) => format!("{path}?{key}={}", encode_component(value)),
        None => path.to_owned(),
    }
}

/// Percent-encodes a query or path component (everything but RFC 3986 unreserved bytes).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn hrefs_encode_their_parameters() {
        let party = "urn:altinn:person:identifier-no:08844397713".to_owned();
        assert_eq!(
            Page::Inbox {
                party: Some(party.clone())
            }
            .href(),
            "/inbox?party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A08844397713"
        );
        assert_eq!(Page::Inbox { party: None }.href(), "/inbox");
        assert_eq!(
            Page::Dialog {
                id: "0198".into(),
                party: None
            }
            .href(),
            "/inbox/0198"
        );
        assert_eq!(encode_component("æ ø"), "%C3%A6%20%C3%B8");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn login_returns_only_to_own_pages() {
        let login = |path: &str| {
            Page::ApiLogin {
                return_to: path.into(),
            }
            .href()
        };
        assert_eq!(
            login("/inbox?party=x"),
            "/api/login?returnTo=%2Finbox%3Fparty%3Dx"
        );
        assert_eq!(login("/"), "/api/login?returnTo=%2Finbox");
        assert_eq!(
            login("/login-error?reason=x"),
            "/api/login?returnTo=%2Finbox"
        );
        assert_eq!(login("//evil.example"), "/api/login?returnTo=%2Finbox");
        assert_eq!(
            login("https://evil.example"),
            "/api/login?returnTo=%2Finbox"
        );
    }
}
