//! The token generator's `GetPersonalToken` stand-in, and what discovery says about
//! refresh, `private_key_jwt` and logout.

mod common;

use axum::http::{Method, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::{BASE, harness};

fn basic(user: &str, password: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
}

fn claims(token: &str) -> serde_json::Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn personal_tokens_for_the_simulators_persons() {
    let h = harness(1);
    let auth = basic("sim", "sim");
    let uri = |q: &str| format!("/sim/token-generator/GetPersonalToken?{q}");
    let ok = h
        .req(
            Method::GET,
            &uri(&format!(
                "env=tt02&scopes=digdir:dialogporten&pid={}&ttl=600",
                h.ola
            )),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert!(ok.header("content-type").unwrap().starts_with("text/plain"));
    let token = ok.text();
    let c = claims(&token);
    assert_eq!(c["pid"], h.ola);
    assert_eq!(c["iss"], format!("{BASE}/authentication/api/v1/openid/"));
    assert_eq!(c["scope"], "digdir:dialogporten");
    assert_eq!(c["urn:altinn:authlevel"], 3);
    assert_eq!(c["acr"], "idporten-loa-substantial");
    assert!(c["urn:altinn:userid"].is_string());
    assert!(c["urn:altinn:partyid"].is_i64());
    assert!(c["urn:altinn:party:uuid"].is_string());
    let lifetime = c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap();
    assert_eq!(lifetime, 600);

    // Dialogporten accepts it like an ID-porten token, for the same person.
    let parties = h
        .get_as("/dialogporten/api/v1/enduser/parties", &token)
        .await;
    assert_eq!(parties.status, StatusCode::OK);
    assert_eq!(
        parties.json(),
        h.get("/dialogporten/api/v1/enduser/parties").await.json()
    );

    // authLvl 4 is the high level.
    let high = h
        .req(
            Method::GET,
            &uri(&format!(
                "env=tt02&scopes=digdir:dialogporten&pid={}&authLvl=4",
                h.ola
            )),
            &[("authorization", &auth)],
            None,
        )
        .await;
    let c = claims(&high.text());
    assert_eq!(c["urn:altinn:authlevel"], 4);
    assert_eq!(c["acr"], "idporten-loa-high");

    // A token signed by anyone else with the same issuer is refused.
    let forged = altinn_sim::jwt::Keys::from_seed(99, "altinn-platform").sign(&claims(&token));
    let refused = h
        .get_as("/dialogporten/api/v1/enduser/parties", &forged)
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn personal_token_errors() {
    let h = harness(1);
    let uri = format!(
        "/sim/token-generator/GetPersonalToken?env=tt02&scopes=digdir:dialogporten&pid={}",
        h.ola
    );
    let none = h.req(Method::GET, &uri, &[], None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert!(
        none.header("www-authenticate")
            .unwrap()
            .starts_with("Basic")
    );
    let wrong = h
        .req(
            Method::GET,
            &uri,
            &[("authorization", &basic("sim", "nope"))],
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let auth = basic("sim", "sim");
    for (query, message) in [
        ("scopes=digdir:dialogporten&pid=01010010183", "env"),
        ("env=tt02&pid=01010010183", "scopes"),
        ("env=tt02&scopes=digdir:dialogporten&pid=123", "pid"),
        (
            "env=tt02&scopes=digdir:dialogporten&pid=01010010183&ttl=-1",
            "ttl",
        ),
        (
            "env=tt02&scopes=digdir:dialogporten&pid=01010010183&authLvl=9",
            "authLvl",
        ),
        (
            "env=tt02&scopes=digdir:dialogporten&pid=01010010183",
            "No test person",
        ),
    ] {
        let r = h
            .req(
                Method::GET,
                &format!("/sim/token-generator/GetPersonalToken?{query}"),
                &[("authorization", &auth)],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(r.text().contains(message), "{query}: {}", r.text());
    }
}

#[tokio::test]
async fn discovery_offers_refresh_private_key_jwt_and_logout() {
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
    assert_eq!(
        d["end_session_endpoint"],
        format!("{BASE}/idporten/endsession")
    );
    assert!(
        d["grant_types_supported"]
            .as_array()
            .unwrap()
            .contains(&"refresh_token".into())
    );
    assert!(
        d["token_endpoint_auth_methods_supported"]
            .as_array()
            .unwrap()
            .contains(&"private_key_jwt".into())
    );
    // Logout needs a hint.
    let r = h.req(Method::GET, "/idporten/endsession", &[], None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}
