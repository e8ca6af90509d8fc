//! ID-porten stand-in: discovery, JWKS, login page, code + PKCE flow, tokens.

mod common;

use axum::http::{Method, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::*;
use ed25519_dalek::VerifyingKey;
use sha2::{Digest, Sha256};

const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP";
const REDIRECT: &str = "http://127.0.0.1:8080/api/auth/callback";

fn challenge(v: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(v.as_bytes()))
}

fn auth_params(extra: &str) -> String {
    format!(
        "client_id=portal-local&redirect_uri={}&response_type=code&scope={}&state=st4te&nonce=n0nce&code_challenge={}&code_challenge_method=S256&acr_values=idporten-loa-substantial{extra}",
        enc(REDIRECT),
        enc("openid digdir:dialogporten"),
        challenge(VERIFIER)
    )
}

async fn login(h: &H, pid: &str) -> String {
    let body = format!("{}&pid={pid}", auth_params(""));
    let r = h
        .req(
            Method::POST,
            "/idporten/authorize",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(body.into_bytes()),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let loc = r.header("location").unwrap();
    assert!(loc.starts_with(&format!("{REDIRECT}?code=")), "{loc}");
    assert!(loc.ends_with("&state=st4te"), "{loc}");
    loc.split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

async fn exchange(h: &H, code: &str, verifier: &str, basic: bool) -> Resp {
    let mut body = format!(
        "grant_type=authorization_code&code={code}&redirect_uri={}&code_verifier={verifier}",
        enc(REDIRECT)
    );
    let basic_hdr = format!(
        "Basic {}",
        STANDARD.encode("portal-local:portal-local-secret")
    );
    let mut headers = vec![("content-type", "application/x-www-form-urlencoded")];
    if basic {
        headers.push(("authorization", basic_hdr.as_str()));
    } else {
        body.push_str("&client_id=portal-local&client_secret=portal-local-secret");
    }
    h.req(
        Method::POST,
        "/idporten/token",
        &headers,
        Some(body.into_bytes()),
    )
    .await
}

#[tokio::test]
async fn discovery_and_jwks() {
    let h = harness(1);
    let d = h
        .req(
            Method::GET,
            "/idporten/.well-known/openid-configuration",
            &[],
            None,
        )
        .await
        .json();
    assert_eq!(d["issuer"], format!("{BASE}/idporten"));
    assert_eq!(
        d["authorization_endpoint"],
        format!("{BASE}/idporten/authorize")
    );
    assert_eq!(d["token_endpoint"], format!("{BASE}/idporten/token"));
    assert_eq!(d["jwks_uri"], format!("{BASE}/idporten/jwks"));
    assert_eq!(
        d["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );
    assert_eq!(
        d["id_token_signing_alg_values_supported"],
        serde_json::json!(["EdDSA"])
    );
    assert!(d["acr_values_supported"].as_array().unwrap().len() >= 2);
    let j = h.req(Method::GET, "/idporten/jwks", &[], None).await.json();
    let k = &j["keys"][0];
    assert_eq!(k["kty"], "OKP");
    assert_eq!(k["crv"], "Ed25519");
    assert!(k["kid"].as_str().is_some());
    // same seed → same key
    let j2 = harness(1)
        .req(Method::GET, "/idporten/jwks", &[], None)
        .await
        .json();
    assert_eq!(j, j2);
}

#[tokio::test]
async fn login_page_lists_personas() {
    let h = harness(1);
    let r = h
        .req(
            Method::GET,
            &format!("/idporten/authorize?{}", auth_params("")),
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<h1>Choose a test user</h1>"));
    let personas = h.sim.personas();
    assert_eq!(html.matches("<button").count(), personas.len());
    // the button's text starts with the persona's full name
    assert!(html.contains(&format!(
        "value=\"{}\"><strong>Ola Nordmann</strong> <span>– can represent",
        personas[0].pid
    )));
    assert!(html.contains("name=\"state\" value=\"st4te\""));
    let nn = h
        .req(
            Method::GET,
            &format!("/idporten/authorize?{}", auth_params("&ui_locales=nn")),
            &[],
            None,
        )
        .await
        .text();
    assert!(nn.contains("<html lang=\"nn\">") && nn.contains("<h1>Vel ein testbrukar</h1>"));
    let nb = h
        .req(
            Method::GET,
            &format!("/idporten/authorize?{}", auth_params("&ui_locales=nb")),
            &[],
            None,
        )
        .await
        .text();
    assert!(nb.contains("<h1>Velg en testbruker</h1>"));
}

#[tokio::test]
async fn authorize_validates_request() {
    let h = harness(1);
    for bad in [
        auth_params("").replace("client_id=portal-local", "client_id=nope"),
        auth_params("").replace("response_type=code", "response_type=token"),
        auth_params("").replace("code_challenge_method=S256", "code_challenge_method=plain"),
        auth_params("").replace(&format!("&code_challenge={}", challenge(VERIFIER)), ""),
        auth_params("").replace("&state=st4te", ""),
        auth_params("").replace("&nonce=n0nce", ""),
        auth_params("").replace(&enc(REDIRECT), "relative%2Fpath"),
    ] {
        let r = h
            .req(
                Method::GET,
                &format!("/idporten/authorize?{bad}"),
                &[],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn code_flow_with_pkce() {
    let h = harness(1);
    let pid = h.ola.clone();

    // wrong verifier → invalid_grant (and the code is spent)
    let code = login(&h, &pid).await;
    let r = exchange(
        &h,
        &code,
        "wrong-verifier-wrong-verifier-wrong-verifier-000",
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "invalid_grant");
    assert_eq!(
        exchange(&h, &code, VERIFIER, true).await.status,
        StatusCode::BAD_REQUEST
    );

    // right verifier, client_secret_basic
    let code = login(&h, &pid).await;
    let r = exchange(&h, &code, VERIFIER, true).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let t = r.json();
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(t["expires_in"], 3600);
    assert_eq!(t["scope"], "openid digdir:dialogporten");
    // reuse rejected
    let again = exchange(&h, &code, VERIFIER, true).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["error"], "invalid_grant");

    // verify both tokens with the published JWKS
    let jwks = h.req(Method::GET, "/idporten/jwks", &[], None).await.json();
    let x: [u8; 32] = URL_SAFE_NO_PAD
        .decode(jwks["keys"][0]["x"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let key = VerifyingKey::from_bytes(&x).unwrap();
    let now = chrono::Utc::now().timestamp();
    let id = altinn_sim::jwt::verify(&key, t["id_token"].as_str().unwrap(), now).unwrap();
    assert_eq!(id["iss"], format!("{BASE}/idporten"));
    assert_eq!(id["aud"], "portal-local");
    assert_eq!(id["nonce"], "n0nce");
    assert_eq!(id["pid"], pid);
    assert_eq!(id["name"], "Ola Nordmann");
    assert_eq!(id["acr"], "idporten-loa-substantial");
    let at = altinn_sim::jwt::verify(&key, t["access_token"].as_str().unwrap(), now).unwrap();
    assert_eq!(at["scope"], "openid digdir:dialogporten");
    assert_eq!(at["urn:altinn:authlevel"], 3);
    assert_eq!(at["client_id"], "portal-local");
    assert!(at["exp"].as_i64().unwrap() - at["iat"].as_i64().unwrap() == 3600);
    // a tampered token fails
    // (flip the signature's first character: it carries six full bits, so the bytes change)
    let token = t["access_token"].as_str().unwrap();
    let sig_start = token.rfind('.').unwrap() + 1;
    let first = &token[sig_start..sig_start + 1];
    let bad = format!(
        "{}{}{}",
        &token[..sig_start],
        if first == "A" { "B" } else { "A" },
        &token[sig_start + 1..]
    );
    assert!(altinn_sim::jwt::verify(&key, &bad, now).is_err());

    // the access token works against Dialogporten
    let r = h
        .get_as(
            "/dialogporten/api/v1/enduser/parties",
            t["access_token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);

    // client_secret_post
    let code = login(&h, &pid).await;
    assert_eq!(
        exchange(&h, &code, VERIFIER, false).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn token_endpoint_client_auth() {
    let h = harness(1);
    let code = login(&h, &h.ola.clone()).await;
    let body = format!(
        "grant_type=authorization_code&code={code}&redirect_uri={}&code_verifier={VERIFIER}",
        enc(REDIRECT)
    );
    let bad = format!("Basic {}", STANDARD.encode("portal-local:wrong"));
    let r = h
        .req(
            Method::POST,
            "/idporten/token",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("authorization", &bad),
            ],
            Some(body.clone().into_bytes()),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["error"], "invalid_client");
    let r = h
        .req(
            Method::POST,
            "/idporten/token",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(body.into_bytes()),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // wrong redirect_uri
    let body = format!(
        "grant_type=authorization_code&code={code}&redirect_uri=http%3A%2F%2Fevil&code_verifier={VERIFIER}&client_id=portal-local&client_secret=portal-local-secret"
    );
    let r = h
        .req(
            Method::POST,
            "/idporten/token",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(body.into_bytes()),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "invalid_grant");
}

#[tokio::test]
async fn personas_json() {
    let h = harness(1);
    let r = h.req(Method::GET, "/sim/api/personas", &[], None).await;
    assert_eq!(r.status, StatusCode::OK);
    let p = r.json();
    let list = p.as_array().unwrap();
    assert!(list.len() >= 6);
    assert_eq!(list[0]["name"], "Ola Nordmann");
    for x in list {
        let pid = x["pid"].as_str().unwrap();
        assert!(altinn_sim::ids::is_valid_pid(pid), "{pid}");
        assert!(x["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(x["roles"].as_array().is_some());
    }
    assert!(
        list.iter()
            .any(|x| x["roles"].as_array().unwrap().iter().any(|r| r == "staff"))
    );
}

#[tokio::test]
async fn dialogporten_needs_the_scope() {
    let h = harness(1);
    let body = format!(
        "{}&pid={}",
        auth_params("").replace(&enc("openid digdir:dialogporten"), "openid"),
        h.ola
    );
    let r = h
        .req(
            Method::POST,
            "/idporten/authorize",
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(body.into_bytes()),
        )
        .await;
    let loc = r.header("location").unwrap();
    let code = loc
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let t = exchange(&h, &code, VERIFIER, true).await.json();
    assert_eq!(t["scope"], "openid");
    let r = h
        .get_as(
            "/dialogporten/api/v1/enduser/parties",
            t["access_token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}
