//! `GET /dialogporten/api/v1/enduser/serviceresources`: the spec's shape, scoped to the
//! user's (or the requested) parties, usable as `serviceResource` search filters.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

const PATH: &str = "/dialogporten/api/v1/enduser/serviceresources";

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn ids(body: &Value) -> BTreeSet<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["serviceResource"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn resources_of_the_users_dialogs() {
    let h = harness(1);
    assert_eq!(
        h.req(axum::http::Method::GET, PATH, &[], None).await.status,
        401
    );

    let all = h.get(PATH).await;
    assert_eq!(all.status, 200);
    let body = all.json();
    assert!(body.get("isFullCatalogueFallback").is_none());
    let item = &body["items"][0];
    for key in [
        "id",
        "name",
        "resourceType",
        "status",
        "isDelegable",
        "minimumAuthenticationLevel",
    ] {
        assert!(item["serviceResource"].get(key).is_some(), "{key}: {item}");
    }
    for key in ["code", "name", "orgNumber"] {
        assert!(item["serviceOwner"].get(key).is_some(), "{key}: {item}");
    }
    // Only keys the spec has (additionalProperties: false).
    let allowed: BTreeSet<&str> =
        ["serviceResource", "serviceOwner", "roles", "accessPackages"].into();
    assert!(
        item.as_object()
            .unwrap()
            .keys()
            .all(|k| allowed.contains(k.as_str()))
    );

    // Every listed resource finds dialogs when used as a filter on one party.
    let party = h.searchable_parties().await.remove(0);
    let one = h.get(&format!("{PATH}?party={}", enc(&party))).await.json();
    let one_ids = ids(&one);
    assert!(!one_ids.is_empty() && one_ids.is_subset(&ids(&body)));
    for id in &one_ids {
        let page = h
            .get(&format!(
                "/dialogporten/api/v1/enduser/dialogs?party={}&serviceResource={}&limit=1",
                enc(&party),
                enc(id)
            ))
            .await
            .json();
        assert_eq!(page["items"].as_array().unwrap().len(), 1, "{id}");
    }

    // Names are localised; accept-language trims them to one.
    let en = h
        .req(
            axum::http::Method::GET,
            PATH,
            &[
                ("authorization", &format!("Bearer {}", h.token)),
                ("accept-language", "en"),
            ],
            None,
        )
        .await
        .json();
    let names = en["items"][0]["serviceResource"]["name"]
        .as_array()
        .unwrap();
    assert_eq!(names.len(), 1);
    assert_eq!(names[0]["languageCode"], "en");

    // A party the user cannot represent is ignored.
    let none = h
        .get(&format!(
            "{PATH}?party={}",
            enc("urn:altinn:organization:identifier-no:999999999")
        ))
        .await
        .json();
    assert!(ids(&none).is_empty());
}
