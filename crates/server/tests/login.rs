//! The whole login against the real simulator, served on an ephemeral port (the server
//! reaches the simulator over HTTP, so this cannot be a oneshot test).

mod common;

use std::collections::HashMap;

use portal_server::config::Config;
use portal_server::{AppState, app};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

struct Portal {
    base: String,
    browser: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn start_local_portal() -> Portal {
    let dir = common::temp_dist();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let settings: HashMap<String, String> = [
        ("env", "local"),
        ("public_url", base.as_str()),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        (
            "database",
            dir.path().join("portal.sqlite3").to_str().unwrap(),
        ),
        ("upstream_timeout_seconds", "10"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    tokio::spawn(async move { axum::serve(listener, app(state)).await.unwrap() });
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Portal {
        base,
        browser,
        _dir: dir,
    }
}

/// The query of a URL as a map.
fn query(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()[LOCATION].to_str().unwrap().to_owned()
}

struct LoggedIn {
    cookie: String,
    set_cookie: String,
    location: String,
    callback: String,
}

impl Portal {
    async fn personas(&self) -> Vec<serde_json::Value> {
        self.browser
            .get(format!("{}/sim/api/personas", self.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// `/api/login` → the simulator's login page → choose `pid` → callback.
    async fn login(&self, pid: &str, return_to: &str, old_cookie: Option<&str>) -> LoggedIn {
        let r = self
            .browser
            .get(format!("{}/api/login", self.base))
            .query(&[("returnTo", return_to), ("lang", "en")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let authorize = location(&r);
        assert!(
            authorize.starts_with(&format!("{}/idporten/authorize?", self.base)),
            "{authorize}"
        );
        let q = query(&authorize);
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["client_id"], "portal-local");
        assert_eq!(
            q["redirect_uri"],
            format!("{}/api/auth/callback", self.base)
        );
        assert_eq!(q["scope"], "openid digdir:dialogporten");
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(q["code_challenge"].len(), 43);
        assert_eq!(q["acr_values"], "idporten-loa-substantial");
        assert_eq!(q["ui_locales"], "en");
        assert!(q["state"].len() >= 43 && q["nonce"].len() >= 43);

        let page = self.browser.get(&authorize).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.headers().contains_key("content-security-policy"));

        let mut form: Vec<(String, String)> = q.into_iter().collect();
        form.push(("pid".into(), pid.into()));
        let chosen = self
            .browser
            .post(format!("{}/idporten/authorize", self.base))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
        let callback = location(&chosen);
        assert!(callback.starts_with(&format!("{}/api/auth/callback?", self.base)));

        let mut request = self.browser.get(&callback);
        if let Some(old) = old_cookie {
            request = request.header(COOKIE, old);
        }
        let done = request.send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let set_cookie = done
            .headers()
            .get(SET_COOKIE)
            .unwrap_or_else(|| panic!("no cookie; went to {}", location(&done)))
            .to_str()
            .unwrap()
            .to_owned();
        let cookie = set_cookie.split(';').next().unwrap().to_owned();
        LoggedIn {
            cookie,
            set_cookie,
            location: location(&done),
            callback,
        }
    }

    async fn session(&self, cookie: &str) -> serde_json::Value {
        let r = self
            .browser
            .get(format!("{}/api/session", self.base))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let text = r.text().await.unwrap();
        assert!(!text.contains("Token") && !text.contains("token"), "{text}");
        serde_json::from_str(&text).unwrap()
    }
}

#[tokio::test]
async fn full_login_flow_against_the_simulator() {
    let portal = start_local_portal().await;
    let personas = portal.personas().await;
    let ola = &personas[0];
    let pid = ola["pid"].as_str().unwrap();

    let first = portal.login(pid, "/inbox?party=x", None).await;
    assert_eq!(first.location, "/inbox?party=x");
    assert!(first.cookie.starts_with("portal_session="));
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(first.set_cookie.contains(attribute), "{}", first.set_cookie);
    }
    assert!(!first.set_cookie.contains("Secure"));

    let s = portal.session(&first.cookie).await;
    assert_eq!(s["authenticated"], true);
    assert_eq!(s["pid"], pid);
    assert_eq!(s["name"], ola["name"]);
    assert_eq!(s["isStaff"], false);
    assert!(s["expiresAt"].as_str().unwrap().ends_with('Z'));

    // The proxy reaches the simulator's Dialogporten with the session's token.
    let parties = portal
        .browser
        .get(format!(
            "{}/api/dialogporten/api/v1/enduser/parties",
            portal.base
        ))
        .header(COOKIE, &first.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(parties.status(), StatusCode::OK);
    assert!(parties.text().await.unwrap().contains("urn:altinn:"));

    // A callback works once.
    let replay = portal.browser.get(&first.callback).send().await.unwrap();
    assert_eq!(location(&replay), "/login-error?reason=invalid-state");

    // Logging in again renews the session id; the old cookie stops working.
    let second = portal.login(pid, "/", Some(&first.cookie)).await;
    assert_ne!(second.cookie, first.cookie);
    assert_eq!(portal.session(&first.cookie).await["authenticated"], false);
    assert_eq!(portal.session(&second.cookie).await["authenticated"], true);

    // Logout deletes the session and clears the cookie.
    let out = portal
        .browser
        .post(format!("{}/api/logout", portal.base))
        .header(COOKIE, &second.cookie)
        .header("origin", &portal.base)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    assert!(
        out.headers()[SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // Then on to the simulator's logout, which comes back to the start page.
    let next: serde_json::Value = out.json().await.unwrap();
    let end_session = next["redirect"].as_str().unwrap();
    assert!(
        end_session.starts_with(&format!("{}/idporten/endsession?", portal.base)),
        "{end_session}"
    );
    let back = portal.browser.get(end_session).send().await.unwrap();
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    assert!(location(&back).starts_with(&format!("{}/?state=", portal.base)));
    assert_eq!(portal.session(&second.cookie).await["authenticated"], false);
}

#[tokio::test]
async fn open_redirects_are_refused_and_staff_is_recognised() {
    let portal = start_local_portal().await;
    let personas = portal.personas().await;
    let staff = personas
        .iter()
        .find(|p| p["roles"].as_array().unwrap().iter().any(|r| r == "staff"))
        .expect("the simulator has a staff persona");
    for evil in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let done = portal
            .login(staff["pid"].as_str().unwrap(), evil, None)
            .await;
        assert_eq!(done.location, "/", "{evil}");
        assert_eq!(portal.session(&done.cookie).await["isStaff"], true);
    }
}
