//! ID token verification against a JWKS: EdDSA (the simulator) and RS256 (ID-porten),
//! and the claims that must make it fail. The keys below are test-only.

use axum::Router;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use portal_server::config::OidcSettings;
use portal_server::now_unix;
use portal_server::oidc::OidcClient;
use serde_json::json;

const ED_PKCS8: &str = "MC4CAQAwBQYDK2VwBCIEIOx/tDlt902yU73Gw4o7eGN15jszQB3K+X/QMW3agQVZ";
const ED_X: &str = "b-0FeW_i0SsQx_d4FUC1TRs7I3Bw4j-_eO44AwJg2Ac";
/// PKCS#1 DER of a 2048-bit test key.
const RSA_DER: &str = "MIIEpAIBAAKCAQEAyiv8WYLywVOCJwiQMoi3nAtms5XDQX0dUWEBquDrHH9Bf/o4rGSb4c6P10Ljvz3LrSotbJPMSjTjCLjRm18R5JQYi3QtJOogNJCtLniUfBuhhtR0YG+mcMPun2SCEgikBdw/oXH5wd1dYDDKmXIOh47kwt3EgfHTrXeiJ0/I29IovssPvgd8fNighBhWBdqCepa6n5/Vr7w08fe5cNqqfeXwmAOmJAj9xTDEv4BY5V3RaOtjS0yrFLxqvnA1APeInjvVZxBjtKnOGd04Ugra9+6UDwdI4utzKvbdtcGoUjP8y0qnxA0ErcvM0XBeCrGufB6u+CDUAlJaD6X2zYvuYQIDAQABAoIBAAR0QmGm+cnyWO1a+hFQ84mhsyws9iGu29rfgiHFhYyJzbO/+6hpqYkIq+DcWYfsuLxqj9hi67btUhyutLiBeFOSwzUsVLPJ4DaEQvqBf9T5p14A94Tp5M76dBsJI/f5foKeCv1XtV7U7ZIZVRdbHNCWAHp+GA6cWTNqzbTjxDs6jKW47+HR2xH8NFhutg8TJcveFrPc1sutYLoM/vMMIM20h1EYTJ2D1jstDyHkVuf9o74XpeFQx0BqCexYhgQC5+0tkJLCcgnyUhy4seFkxmP6V2z7hMwNBlbG+ITdgD5Run8N84owaNpKVHpT2RvPj3ZQjNn3ga8ihjOpy08eeWECgYEA+5xK9hwJ74ytbINn+CgWG32/hrzhFvrTuMLZUsJ94+mZkCCnJHdmApi63d0OzJj6BptTKiBj3ejOmT9Rq+C2iaHMjIwRCMXtAURX47Gc69dLC4Z6lCwxpdaaHx94G8JxG1ODlrf1UbZVntmUFokNDJrgTmEIa92Pc0WG2JXg4FECgYEAzbLllhMQ6wCQj3zbGQAxgmZr4QdIqCRr8snoNqtVpMQ+Xb2S8eTwJuXunHL4gndVMKSzsAgyZDhEMU3AIB0N4MN6efoLP3hZA4YaKArCls8gxN52LvjvUnNyH4h5+ipOUOrr5//Ye+bI/3cgcMoQBzUJxzjc8KPZVjvtWIU7ORECgYA8vnjifdZwPNhJkFfzc0oTDQLGNqdo8tlWi8QH1Oirs2PdheSUSzcXfWPv2ESQZIZIPguP6g3yLxhhqwW+pxuqkqNdcxtRsOcNHUDSubiWv31gpPDHAPxjezHuPZyzpvfDjx//rR3OwmRdW04DOscpueJZSdfMosrVG334oAaQYQKBgQCbii74sCoWyTKGjY7O9Mp7JB9m5S8XlZLa37nrvNrh4FKYZ4T5zHebsjofqwAnBz0vrxsAfPI9vh4yeexRXCbmUmoGWgCvWb1VYM3egWRqzOymcOFE24979TfSiExT0jGuFjWUFG4KIpTSN64cG27LRFvEfUbz37Gz91SdnwENQQKBgQDf2KAKCshwHOmiR2uggUzYDzBVBLgV+O01oFXqk+puKXmClXBS9nYsfCkp0PpeT1vRzJBLUVD0SGbLxrhIwy8KoUrG9ic2M+5l873clGPOYsqAnf0HoWCi1Z3805yMq02blRH+VnERabmriLvU1sWWGUjkJ43X5jefmoAGaqY8ww==";
const RSA_N: &str = "yiv8WYLywVOCJwiQMoi3nAtms5XDQX0dUWEBquDrHH9Bf_o4rGSb4c6P10Ljvz3LrSotbJPMSjTjCLjRm18R5JQYi3QtJOogNJCtLniUfBuhhtR0YG-mcMPun2SCEgikBdw_oXH5wd1dYDDKmXIOh47kwt3EgfHTrXeiJ0_I29IovssPvgd8fNighBhWBdqCepa6n5_Vr7w08fe5cNqqfeXwmAOmJAj9xTDEv4BY5V3RaOtjS0yrFLxqvnA1APeInjvVZxBjtKnOGd04Ugra9-6UDwdI4utzKvbdtcGoUjP8y0qnxA0ErcvM0XBeCrGufB6u-CDUAlJaD6X2zYvuYQ";

/// A provider that only publishes discovery and keys; returns its issuer.
async fn provider() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}/idp", listener.local_addr().unwrap());
    let discovery = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
    });
    let jwks = json!({ "keys": [
        { "kty": "OKP", "crv": "Ed25519", "x": ED_X, "kid": "ed-1", "alg": "EdDSA", "use": "sig" },
        { "kty": "RSA", "n": RSA_N, "e": "AQAB", "kid": "rsa-1", "alg": "RS256", "use": "sig" },
    ]});
    let router = Router::new()
        .route(
            "/idp/.well-known/openid-configuration",
            get(move || async move { axum::Json(discovery) }),
        )
        .route("/idp/jwks", get(move || async move { axum::Json(jwks) }));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    issuer
}

fn client(issuer: &str) -> OidcClient {
    OidcClient::new(
        reqwest::Client::new(),
        OidcSettings {
            issuer: issuer.to_owned(),
            client_id: "portal-test".into(),
            client_auth: portal_server::login_settings::ClientAuth::Secret("secret".into()),
            scope: "openid".into(),
            acr_values: "idporten-loa-substantial".into(),
        },
        "http://127.0.0.1:8080/api/auth/callback".into(),
    )
}

fn sign(alg: Algorithm, kid: &str, claims: &serde_json::Value) -> String {
    let mut header = Header::new(alg);
    header.kid = Some(kid.to_owned());
    let key = match alg {
        Algorithm::EdDSA => EncodingKey::from_ed_der(&STANDARD.decode(ED_PKCS8).unwrap()),
        _ => EncodingKey::from_rsa_der(&STANDARD.decode(RSA_DER).unwrap()),
    };
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

fn claims(issuer: &str) -> serde_json::Value {
    json!({
        "iss": issuer, "aud": "portal-test", "sub": "subject-1", "nonce": "n-1",
        "pid": "01010112345", "given_name": "Kari", "family_name": "Nordmann",
        "iat": now_unix(), "exp": now_unix() + 120,
    })
}

#[tokio::test]
async fn eddsa_and_rs256_tokens_verify() {
    let issuer = provider().await;
    let oidc = client(&issuer);
    for (alg, kid) in [(Algorithm::EdDSA, "ed-1"), (Algorithm::RS256, "rsa-1")] {
        let token = sign(alg, kid, &claims(&issuer));
        let id = oidc.verify_id_token(&token, "n-1").await.unwrap();
        assert_eq!(id.pid.as_deref(), Some("01010112345"));
        assert_eq!(id.name.as_deref(), Some("Kari Nordmann"));
        assert_eq!(id.subject, "subject-1");
    }
}

#[tokio::test]
async fn bad_tokens_are_refused() {
    let issuer = provider().await;
    let oidc = client(&issuer);
    let with = |key: &str, value: serde_json::Value| {
        let mut c = claims(&issuer);
        c[key] = value;
        c
    };
    let cases = [
        (
            "wrong nonce",
            sign(Algorithm::EdDSA, "ed-1", &with("nonce", json!("other"))),
        ),
        (
            "wrong audience",
            sign(
                Algorithm::EdDSA,
                "ed-1",
                &with("aud", json!("someone-else")),
            ),
        ),
        (
            "wrong issuer",
            sign(
                Algorithm::EdDSA,
                "ed-1",
                &with("iss", json!("http://evil.example")),
            ),
        ),
        (
            "expired",
            sign(
                Algorithm::EdDSA,
                "ed-1",
                &with("exp", json!(now_unix() - 3600)),
            ),
        ),
        (
            "unknown kid",
            sign(Algorithm::EdDSA, "ed-2", &claims(&issuer)),
        ),
        (
            "key of another type",
            sign(Algorithm::EdDSA, "rsa-1", &claims(&issuer)),
        ),
    ];
    for (what, token) in cases {
        assert!(oidc.verify_id_token(&token, "n-1").await.is_err(), "{what}");
    }
    // A symmetric token signed with anything public must never pass.
    let hs = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims(&issuer),
        &EncodingKey::from_secret(ED_X.as_bytes()),
    )
    .unwrap();
    assert!(oidc.verify_id_token(&hs, "n-1").await.is_err());
    // A tampered payload fails the signature.
    let token = sign(Algorithm::RS256, "rsa-1", &claims(&issuer));
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(serde_json::to_vec(&with("pid", json!("99999999999"))).unwrap());
    parts[1] = &forged;
    assert!(oidc.verify_id_token(&parts.join("."), "n-1").await.is_err());
}
