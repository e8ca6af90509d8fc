//! Dialogporten end-user REST: search, paging, details, labels, content.

mod common;

use std::collections::HashSet;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{Value, json};

const DIALOGS: &str = "/dialogporten/api/v1/enduser/dialogs";

async fn all_items(h: &H, base_query: &str, limit: usize) -> Vec<Value> {
    let mut out = vec![];
    let mut token: Option<String> = None;
    loop {
        let mut q = format!("{base_query}&limit={limit}");
        if let Some(t) = &token {
            q.push_str(&format!("&continuationToken={}", enc(t)));
        }
        let r = h.search(&q).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let j = r.json();
        out.extend(j["items"].as_array().unwrap().iter().cloned());
        if j["hasNextPage"] != true {
            break;
        }
        token = Some(j["continuationToken"].as_str().unwrap().to_owned());
    }
    out
}

#[tokio::test]
async fn requires_valid_bearer_token() {
    let h = harness(1);
    let r = h
        .req(
            Method::GET,
            "/dialogporten/api/v1/enduser/parties",
            &[],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.is_empty());
    let r = h
        .get_as("/dialogporten/api/v1/enduser/parties", "abc.def.ghi")
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // a token from a simulator with another seed is not accepted
    let other = harness(2);
    let r = h
        .get_as("/dialogporten/api/v1/enduser/parties", &other.token)
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn parties_of_persona_one() {
    let h = harness(1);
    let p = h.get("/dialogporten/api/v1/enduser/parties").await.json();
    let list = p["authorizedParties"].as_array().unwrap();
    let total: usize = list
        .iter()
        .map(|a| 1 + a["subParties"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(total >= 5);
    assert_eq!(
        list.iter()
            .filter(|a| a["isCurrentEndUser"] == true)
            .count(),
        1
    );
    assert!(list.iter().any(|a| a["isDeleted"] == true));
    assert!(list.iter().any(|a| a["hasOnlyAccessToSubParties"] == true && a["subParties"].as_array().is_some()));
    assert!(
        list.iter()
            .any(|a| a["partyType"] == "Person" && a["isCurrentEndUser"] == false)
    );
    let ddg = list.iter().find(|a| a["name"] == "DDG FITNESS AS").unwrap();
    assert_eq!(ddg["subParties"].as_array().unwrap().len(), 3);
    for a in list {
        let urn = a["party"].as_str().unwrap();
        if let Some(org) = urn.strip_prefix("urn:altinn:organization:identifier-no:") {
            assert!(altinn_sim::ids::is_valid_org_number(org), "{org}");
        }
    }
}

#[tokio::test]
async fn persona_one_has_rich_data() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let items = all_items(&h, &party_query(&parties), 1000).await;
    assert!(items.len() >= 250, "{}", items.len());
    let set = |k: &str| {
        items
            .iter()
            .filter_map(|i| i[k].as_str().map(str::to_owned))
            .collect::<HashSet<_>>()
    };
    assert_eq!(set("status").len(), 6);
    assert!(set("org").len() >= 8);
    let labels: HashSet<String> = items
        .iter()
        .flat_map(|i| {
            i["endUserContext"]["systemLabels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(labels.len(), 5, "{labels:?}");
    for i in &items {
        let folders = i["endUserContext"]["systemLabels"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| ["Default", "Bin", "Archive"].contains(&l.as_str().unwrap()))
            .count();
        assert_eq!(folders, 1);
    }
    assert!(items.iter().any(|i| i["dueAt"].is_string()));
    assert!(items.iter().any(|i| i["extendedStatus"].is_string()));
    let langs: HashSet<&str> = items[0]["content"]["title"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["languageCode"].as_str().unwrap())
        .collect();
    assert_eq!(langs, HashSet::from(["nb", "nn", "en"]));
    // accept-language trims localizations
    let auth = format!("Bearer {}", h.token);
    let r = h
        .req(
            Method::GET,
            &format!("{DIALOGS}?{}&limit=1", party_query(&parties)),
            &[
                ("authorization", &auth),
                ("accept-language", "nn-NO,nn;q=0.9"),
            ],
            None,
        )
        .await;
    let t = &r.json()["items"][0]["content"]["title"]["value"];
    assert_eq!(t.as_array().unwrap().len(), 1);
    assert_eq!(t[0]["languageCode"], "nn");
}

#[tokio::test]
async fn same_seed_same_data() {
    let a = harness(42);
    let b = harness(42);
    let c = harness(43);
    let pa = a.searchable_parties().await;
    let q = format!("{}&limit=1000&orderBy=createdAt_asc", party_query(&pa));
    let ra = a.search(&q).await.json();
    let rb = b.search(&q).await.json();
    assert_eq!(ra, rb);
    assert_ne!(
        ra["items"],
        c.search(&format!(
            "{}&limit=1000",
            party_query(&c.searchable_parties().await)
        ))
        .await
        .json()["items"]
    );
    assert_eq!(a.sim.fixtures().deleted, b.sim.fixtures().deleted);
}

#[tokio::test]
async fn every_search_filter() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let pq = party_query(&parties);
    let all = all_items(&h, &pq, 1000).await;
    let check = |q: String, pred: &dyn Fn(&Value) -> bool| {
        let expected: Vec<String> = all
            .iter()
            .filter(|i| pred(i))
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        (q, expected)
    };
    let one_party = parties[2].clone();
    let some = &all[7];
    let sr = some["serviceResource"].as_str().unwrap().to_owned();
    let ext = all
        .iter()
        .find_map(|i| i["extendedStatus"].as_str())
        .unwrap()
        .to_owned();
    let xref = all
        .iter()
        .find_map(|i| i["externalReference"].as_str())
        .unwrap()
        .to_owned();
    let process = all
        .iter()
        .find_map(|i| i["process"].as_str())
        .unwrap()
        .to_owned();
    let mid = all[all.len() / 2]["createdAt"].as_str().unwrap().to_owned();
    let mid_u = all[all.len() / 3]["updatedAt"].as_str().unwrap().to_owned();
    let mid_c = all[all.len() / 4]["contentUpdatedAt"]
        .as_str()
        .unwrap()
        .to_owned();
    let due = all
        .iter()
        .find_map(|i| i["dueAt"].as_str())
        .unwrap()
        .to_owned();
    let ts = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let cases: Vec<(String, Vec<String>)> = vec![
        check(format!("{pq}&org=skd&org=nav"), &|i| {
            i["org"] == "skd" || i["org"] == "nav"
        }),
        check(format!("{pq}&serviceResource={}", enc(&sr)), &|i| {
            i["serviceResource"] == sr.as_str()
        }),
        check(format!("party={}", enc(&one_party)), &|i| {
            i["party"] == one_party.as_str()
        }),
        check(format!("{pq}&extendedStatus={}", enc(&ext)), &|i| {
            i["extendedStatus"] == ext.as_str()
        }),
        check(format!("{pq}&externalReference={}", enc(&xref)), &|i| {
            i["externalReference"] == xref.as_str()
        }),
        check(format!("{pq}&status=Draft&status=Awaiting"), &|i| {
            i["status"] == "Draft" || i["status"] == "Awaiting"
        }),
        check(format!("{pq}&createdAfter={}", enc(&mid)), &|i| {
            ts(&i["createdAt"]) >= t(&mid)
        }),
        check(format!("{pq}&createdBefore={}", enc(&mid)), &|i| {
            ts(&i["createdAt"]) <= t(&mid)
        }),
        check(format!("{pq}&updatedAfter={}", enc(&mid_u)), &|i| {
            ts(&i["updatedAt"]) >= t(&mid_u)
        }),
        check(format!("{pq}&updatedBefore={}", enc(&mid_u)), &|i| {
            ts(&i["updatedAt"]) <= t(&mid_u)
        }),
        check(format!("{pq}&contentUpdatedAfter={}", enc(&mid_c)), &|i| {
            ts(&i["contentUpdatedAt"]) >= t(&mid_c)
        }),
        check(format!("{pq}&contentUpdatedBefore={}", enc(&mid_c)), &|i| {
            ts(&i["contentUpdatedAt"]) <= t(&mid_c)
        }),
        check(format!("{pq}&dueAfter={}", enc(&due)), &|i| {
            i["dueAt"].is_string() && ts(&i["dueAt"]) >= t(&due)
        }),
        check(format!("{pq}&dueBefore={}", enc(&due)), &|i| {
            i["dueAt"].is_string() && ts(&i["dueAt"]) <= t(&due)
        }),
        check(format!("{pq}&isContentSeen=true"), &|i| {
            i["isContentSeen"] == true
        }),
        check(format!("{pq}&isContentSeen=false"), &|i| {
            i["isContentSeen"] == false
        }),
        check(format!("{pq}&process={}", enc(&process)), &|i| {
            i["process"] == process.as_str()
        }),
        check(format!("{pq}&systemLabel=Bin"), &|i| {
            i["endUserContext"]["systemLabels"]
                .as_array()
                .unwrap()
                .contains(&json!("Bin"))
        }),
        check(format!("{pq}&systemLabel=Archive&systemLabel=Sent"), &|i| {
            let l = i["endUserContext"]["systemLabels"].as_array().unwrap();
            l.contains(&json!("Archive")) || l.contains(&json!("Sent"))
        }),
        check(format!("{pq}&excludeApiOnly=true"), &|i| {
            i["isApiOnly"] == false
        }),
        check(format!("{pq}&search=SKATTEMELDING"), &|i| {
            i["content"]["title"]["value"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(
                    i["content"]["summary"]["value"]
                        .as_array()
                        .into_iter()
                        .flatten(),
                )
                .any(|l| {
                    l["value"]
                        .as_str()
                        .unwrap()
                        .to_lowercase()
                        .contains("skattemelding")
                })
        }),
        check(
            format!("{pq}&search=tax+return&searchLanguageCode=en"),
            &|i| {
                i["content"]["title"]["value"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .chain(
                        i["content"]["summary"]["value"]
                            .as_array()
                            .into_iter()
                            .flatten(),
                    )
                    .any(|l| {
                        l["languageCode"] == "en"
                            && l["value"]
                                .as_str()
                                .unwrap()
                                .to_lowercase()
                                .contains("tax return")
                    })
            },
        ),
        check(format!("{pq}&search=vegvesen"), &|i| {
            i["content"].is_object()
                && (i["org"] == "svv"
                    || i["content"]["summary"]
                        .to_string()
                        .to_lowercase()
                        .contains("vegvesen"))
        }),
    ];
    for (q, expected) in cases {
        assert!(!expected.is_empty(), "no data to test {q}");
        let got: Vec<String> = all_items(&h, &q, 1000)
            .await
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        let (g, e): (HashSet<_>, HashSet<_>) = (got.iter().collect(), expected.iter().collect());
        assert_eq!(g, e, "{q}");
    }
    // serviceResource without party searches all the user's parties
    let r = all_items(&h, &format!("serviceResource={}", enc(&sr)), 1000).await;
    assert_eq!(
        r.len(),
        all.iter()
            .filter(|i| i["serviceResource"] == sr.as_str())
            .count()
    );
    // a party the user can't represent is silently dropped
    let kari_party = format!(
        "urn:altinn:person:identifier-no:{}",
        h.sim.personas()[1].pid
    );
    let r = h.search(&format!("party={}", enc(&kari_party))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["items"], json!([]));
}

#[tokio::test]
async fn default_order_and_paging_inbox_created_asc() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let pq = party_query(&parties);
    let r = h.search(&format!("{pq}&limit=5")).await.json();
    assert_eq!(r["orderBy"], "contentupdatedat_desc,id_desc");
    let tok = r["continuationToken"].as_str().unwrap();
    assert!(
        tok.starts_with("contentupdatedat_") && tok.contains("Z,id_"),
        "{tok}"
    );
    let items = r["items"].as_array().unwrap();
    for w in items.windows(2) {
        assert!(w[0]["contentUpdatedAt"].as_str() >= w[1]["contentUpdatedAt"].as_str());
    }

    let inbox = format!("{pq}&systemLabel=Default&orderBy=createdAt_asc");
    let full = h.search(&format!("{inbox}&limit=1000")).await.json();
    assert_eq!(full["hasNextPage"], false);
    assert_eq!(full["orderBy"], "createdat_asc,id_desc");
    let expected: Vec<Value> = full["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    assert!(expected.len() > 100);

    let mut got = vec![];
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut q = format!("{inbox}&limit=17");
        if let Some(t) = &token {
            q.push_str(&format!("&continuationToken={}", enc(t)));
        }
        let j = h.search(&q).await.json();
        pages += 1;
        got.extend(
            j["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].clone()),
        );
        if j["hasNextPage"] != true {
            break;
        }
        token = Some(j["continuationToken"].as_str().unwrap().to_owned());
        assert!(token.as_ref().unwrap().starts_with("createdat_"));
    }
    assert_eq!(got, expected);
    assert_eq!(pages, expected.len().div_ceil(17));
    let uniq: HashSet<_> = got.iter().collect();
    assert_eq!(uniq.len(), got.len());

    // token from another orderBy is rejected
    let r = h
        .search(&format!("{pq}&continuationToken={}", enc(tok)))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = h
        .search(&format!("{inbox}&continuationToken={}", enc(tok)))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.json()["errors"]["ContinuationToken"][0]
            .as_str()
            .unwrap()
            .contains("does not match OrderBy")
    );

    // dueAt ordering with nulls last (asc) pages correctly too
    let due_all = all_items(&h, &format!("{pq}&orderBy=dueAt_asc"), 1000).await;
    let due_paged = all_items(&h, &format!("{pq}&orderBy=dueAt_asc"), 23).await;
    assert_eq!(due_all, due_paged);
}

#[tokio::test]
async fn validation_errors() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let p = format!("party={}", enc(&parties[0]));
    for (q, key) in [
        ("limit=10".to_owned(), ""),
        (format!("{p}&search=ab"), "Search"),
        (format!("{p}&limit=0"), "Limit"),
        (format!("{p}&limit=1001"), "Limit"),
        (
            format!("{p}&createdAfter=2025-02-01T00:00:00Z&createdBefore=2025-01-01T00:00:00Z"),
            "CreatedAfter",
        ),
        (
            format!("{p}&dueAfter=2025-02-01T00:00:00Z&dueBefore=2025-01-01T00:00:00Z"),
            "DueAfter",
        ),
        ("party=urn:altinn:foo:123".to_owned(), "Party"),
        (
            "party=urn:altinn:organization:identifier-no:12345".to_owned(),
            "Party",
        ),
        (format!("{p}&status=Nope"), "Status"),
        (format!("{p}&systemLabel=Nope"), "SystemLabel"),
        (format!("{p}&orderBy=title_asc"), "OrderBy"),
        (format!("{p}&process=not%20a%20uri"), "Process"),
        (
            format!("{p}&createdAfter=2025-01-01T00:00:00"),
            "createdAfter",
        ),
    ] {
        let r = h.search(&q).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{q}");
        assert_eq!(
            r.header("content-type").unwrap(),
            "application/problem+json"
        );
        let j = r.json();
        assert_eq!(
            j["type"],
            "https://tools.ietf.org/html/rfc9110#section-15.5.1"
        );
        assert_eq!(j["title"], "One or more validation errors occurred.");
        assert_eq!(j["status"], 400);
        assert!(j["errors"][key].is_array(), "{q}: {j}");
    }
    let many: Vec<String> = (0..101)
        .map(|i| {
            format!(
                "urn:altinn:organization:identifier-no:{}",
                altinn_sim::ids::org_number(80_000_000 + i * 13)
            )
        })
        .collect();
    let r = h.search(&party_query(&many)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json()["errors"]["Party"].is_array());
    // 422: "timeout" in the search term
    let r = h.search(&format!("{p}&search=timeout")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["title"], "Unprocessable request.");
}

#[tokio::test]
async fn details_side_effects_and_token() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let all = all_items(
        &h,
        &format!("{}&systemLabel=MarkedAsUnopened", party_query(&parties)),
        1000,
    )
    .await;
    let item = all
        .iter()
        .find(|i| !i["isApiOnly"].as_bool().unwrap())
        .unwrap();
    assert_eq!(item["isContentSeen"], false);
    let id = item["id"].as_str().unwrap();
    let r = h.get(&format!("{DIALOGS}/{id}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let d = r.json();
    assert_eq!(r.header("etag").unwrap(), d["revision"].as_str().unwrap());
    assert!(
        !d["endUserContext"]["systemLabels"]
            .as_array()
            .unwrap()
            .contains(&json!("MarkedAsUnopened"))
    );
    assert_eq!(d["isContentSeen"], true);
    assert!(
        d["seenSinceLastContentUpdate"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["isCurrentEndUser"] == true)
    );
    for k in [
        "attachments",
        "guiActions",
        "apiActions",
        "activities",
        "transmissions",
    ] {
        assert!(d[k].is_array(), "{k}");
    }
    let main = &d["content"]["mainContentReference"];
    assert_eq!(
        main["mediaType"],
        "application/vnd.dialogporten.frontchannelembed-url;type=text/markdown"
    );
    let url = main["value"][0]["value"].as_str().unwrap();
    assert_eq!(url, format!("{BASE}/sim/content/{id}/main.md"));
    // the dialog token verifies with the published key and names the dialog
    let dt = d["dialogToken"].as_str().unwrap();
    let claims = h
        .sim
        .dialog_token_keys()
        .verify(dt, chrono::Utc::now().timestamp())
        .unwrap();
    assert_eq!(claims["i"], id);
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        600
    );
    // search shows it as seen now
    let again = h
        .search(&format!(
            "party={}&limit=1000&systemLabel=MarkedAsUnopened",
            enc(item["party"].as_str().unwrap())
        ))
        .await
        .json();
    assert!(
        !again["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == id)
    );
    // seen log and label log
    let seen = h.get(&format!("{DIALOGS}/{id}/seenlog")).await.json();
    assert!(
        seen.as_array()
            .unwrap()
            .iter()
            .any(|s| s["isCurrentEndUser"] == true)
    );
    let ll = h
        .get(&format!("{DIALOGS}/{id}/context/labellog"))
        .await
        .json();
    assert!(
        ll.as_array()
            .unwrap()
            .iter()
            .any(|l| l["name"] == "systemlabel:MarkedAsUnopened" && l["action"] == "remove")
    );
    // sub-resources
    let acts = h.get(&format!("{DIALOGS}/{id}/activities")).await.json();
    let first = &acts[0];
    assert!(first.get("performedBy").is_none());
    let one = h
        .get(&format!(
            "{DIALOGS}/{id}/activities/{}",
            first["id"].as_str().unwrap()
        ))
        .await
        .json();
    assert!(one["performedBy"].is_object());
    assert!(
        h.get(&format!("{DIALOGS}/{id}/transmissions"))
            .await
            .json()
            .is_array()
    );

    // content: needs the dialog token of this very dialog
    let path = format!("/sim/content/{id}/main.md");
    assert_eq!(
        h.req(Method::GET, &path, &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let at = format!("Bearer {}", h.token);
    assert_eq!(
        h.req(Method::GET, &path, &[("authorization", &at)], None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let auth = format!("Bearer {dt}");
    let md = h
        .req(Method::GET, &path, &[("authorization", &auth)], None)
        .await;
    assert_eq!(md.status, StatusCode::OK);
    assert!(
        md.header("content-type")
            .unwrap()
            .starts_with("text/markdown")
    );
    let text = md.text();
    assert!(
        text.starts_with("# ")
            && text.contains("\n## ")
            && text.contains("\n1. ")
            && text.contains("](https://")
    );
    let other = all.iter().find(|i| i["id"] != id).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = h
        .req(
            Method::GET,
            &format!("/sim/content/{other}/main.md"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn fixtures_and_error_statuses() {
    let h = harness(1);
    let f = h
        .req(Method::GET, "/sim/api/fixtures", &[], None)
        .await
        .json();
    for k in [
        "notVisibleYet",
        "deleted",
        "highAuthLevel",
        "withScriptContent",
        "withManyTransmissions",
    ] {
        assert!(f[k].is_string(), "{k}");
    }
    let r = h
        .get(&format!("{DIALOGS}/{}", f["deleted"].as_str().unwrap()))
        .await;
    assert_eq!(r.status, StatusCode::GONE);
    assert_eq!(r.json()["title"], "Resource no longer available.");
    let r = h
        .get(&format!(
            "{DIALOGS}/{}",
            f["highAuthLevel"].as_str().unwrap()
        ))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        r.json()["errors"]["Forbidden"][0],
        "Altinn authentication level too low."
    );
    let r = h
        .get(&format!(
            "{DIALOGS}/{}",
            f["notVisibleYet"].as_str().unwrap()
        ))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let exp = r.header("expires").unwrap();
    assert!(chrono::DateTime::parse_from_rfc2822(&exp).is_ok(), "{exp}");
    assert!(exp.ends_with(" GMT"));
    assert!(
        r.json()["errors"]["DialogEntity"][0]
            .as_str()
            .unwrap()
            .starts_with("Dialog is not visible until ")
    );
    let r = h
        .get(&format!("{DIALOGS}/0193a0b0-0000-7000-8000-000000000000"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json()["title"], "Resource not found.");
    // another persona may not read Ola's dialog
    let kari = h.token_for(1);
    let r = h
        .get_as(
            &format!("{DIALOGS}/{}", f["withScriptContent"].as_str().unwrap()),
            &kari,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // the script fixture's markdown contains active content for the portal to neutralise
    let id = f["withScriptContent"].as_str().unwrap();
    let d = h.get(&format!("{DIALOGS}/{id}")).await.json();
    let auth = format!("Bearer {}", d["dialogToken"].as_str().unwrap());
    let md = h
        .req(
            Method::GET,
            &format!("/sim/content/{id}/main.md"),
            &[("authorization", &auth)],
            None,
        )
        .await
        .text();
    assert!(md.contains("<script>") && md.contains("onerror="));
    // not listed in search: deleted and not-yet-visible
    let parties = h.searchable_parties().await;
    let items = all_items(&h, &party_query(&parties), 1000).await;
    assert!(
        !items
            .iter()
            .any(|i| i["id"] == f["deleted"] || i["id"] == f["notVisibleYet"])
    );
}

#[tokio::test]
async fn system_labels_put_and_bulk() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let items = all_items(
        &h,
        &format!("{}&systemLabel=Default", party_query(&parties)),
        1000,
    )
    .await;
    let item = &items[3];
    let id = item["id"].as_str().unwrap();
    let rev = item["endUserContext"]["revision"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = format!("{DIALOGS}/{id}/context/systemlabels");

    let r = h
        .send_json(
            Method::PUT,
            &url,
            &json!({"addLabels": ["Bin"]}),
            &[("if-match", "00000000-0000-0000-0000-000000000000")],
        )
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(r.json()["status"], 412);
    let r = h
        .send_json(
            Method::PUT,
            &url,
            &json!({"addLabels": ["Bin"]}),
            &[("if-match", &format!("\"{rev}\""))],
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let new_rev = r.header("etag").unwrap();
    assert_ne!(new_rev, rev);
    let labels = |d: &Value| {
        d["endUserContext"]["systemLabels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let d = h.get(&format!("{DIALOGS}/{id}")).await.json();
    assert!(labels(&d).contains(&"Bin".to_owned()) && !labels(&d).contains(&"Default".to_owned()));
    assert_eq!(d["endUserContext"]["revision"], new_rev.as_str());
    // old revision is stale now
    let r = h
        .send_json(
            Method::PUT,
            &url,
            &json!({"addLabels": ["Archive"]}),
            &[("if-match", &rev)],
        )
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
    // Archive replaces Bin
    assert_eq!(
        h.send_json(Method::PUT, &url, &json!({"addLabels": ["Archive"]}), &[])
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let d = h.get(&format!("{DIALOGS}/{id}")).await.json();
    assert!(labels(&d).contains(&"Archive".to_owned()) && !labels(&d).contains(&"Bin".to_owned()));
    // removing Archive re-adds Default
    assert_eq!(
        h.send_json(
            Method::PUT,
            &url,
            &json!({"removeLabels": ["Archive"]}),
            &[]
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    let d = h.get(&format!("{DIALOGS}/{id}")).await.json();
    assert!(labels(&d).contains(&"Default".to_owned()));
    // Sent cannot be changed by end users
    let r = h
        .send_json(Method::PUT, &url, &json!({"addLabels": ["Sent"]}), &[])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = h
        .send_json(Method::PUT, &url, &json!({"removeLabels": ["Sent"]}), &[])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // label log records it all
    let ll = h
        .get(&format!("{DIALOGS}/{id}/context/labellog"))
        .await
        .json();
    assert!(ll.as_array().unwrap().len() >= 4);

    // bulk
    let ids: Vec<Value> = items[10..15].iter().map(|i| json!({"dialogId": i["id"], "endUserContextRevision": i["endUserContext"]["revision"]})).collect();
    let bulk = "/dialogporten/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset";
    let r = h
        .send_json(
            Method::POST,
            bulk,
            &json!({"dialogs": ids, "addLabels": ["Archive", "MarkedAsUnopened"]}),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let arch = all_items(
        &h,
        &format!("{}&systemLabel=Archive", party_query(&parties)),
        1000,
    )
    .await;
    for i in &items[10..15] {
        let a = arch.iter().find(|x| x["id"] == i["id"]).expect("archived");
        assert!(
            a["endUserContext"]["systemLabels"]
                .as_array()
                .unwrap()
                .contains(&json!("MarkedAsUnopened"))
        );
    }
    // stale revisions → 412, nothing changed
    let r = h
        .send_json(
            Method::POST,
            bulk,
            &json!({"dialogs": ids, "addLabels": ["Bin"]}),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED);
    let r = h
        .send_json(
            Method::POST,
            bulk,
            &json!({"dialogs": [], "addLabels": ["Bin"]}),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let many: Vec<Value> = items
        .iter()
        .take(101)
        .map(|i| json!({"dialogId": i["id"]}))
        .collect();
    let r = h
        .send_json(
            Method::POST,
            bulk,
            &json!({"dialogs": many, "addLabels": ["Bin"]}),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn delete_gui_action() {
    let h = harness(1);
    let parties = h.searchable_parties().await;
    let drafts = all_items(&h, &format!("{}&status=Draft", party_query(&parties)), 1000).await;
    let id = drafts[0]["id"].as_str().unwrap();
    let d = h.get(&format!("{DIALOGS}/{id}")).await.json();
    let del = d["guiActions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isDeleteDialogAction"] == true)
        .unwrap();
    assert_eq!(del["httpMethod"], "DELETE");
    assert!(del["prompt"].is_array());
    let path = del["url"]
        .as_str()
        .unwrap()
        .strip_prefix(BASE)
        .unwrap()
        .to_owned();
    assert_eq!(
        h.req(Method::DELETE, &path, &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let auth = format!("Bearer {}", d["dialogToken"].as_str().unwrap());
    assert_eq!(
        h.req(Method::DELETE, &path, &[("authorization", &auth)], None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        h.get(&format!("{DIALOGS}/{id}")).await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn free_text_over_many_parties_is_422() {
    // the accountant has 27 parties; Large-scale persona 1 has 15,000. Use the rule directly:
    let h = harness(1);
    let per = h.token_for(2);
    let r = h
        .get_as(
            &format!(
                "{DIALOGS}?serviceResource=urn%3Aaltinn%3Aresource%3Askd-mva-melding&search=mva"
            ),
            &per,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(altinn_sim::dialogporten::MAX_FREE_TEXT_PARTIES, 50);
}
