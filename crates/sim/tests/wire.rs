//! The simulator's JSON reads into (and round-trips through) the `altinn` crate's typed models.

mod common;

use altinn::{
    Dialog, DialogActivitySearchItem, DialogSearchPage, DialogSeenLogSearchItem,
    DialogTransmissionSearchItem, LabelAssignmentLog, Parties, ProblemDetails,
};
use common::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Deserializes into T, serializes back and reports fields that got lost or changed.
fn roundtrip<T: DeserializeOwned + Serialize>(what: &str, v: &Value) -> T {
    let t: T = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{what}: {e}\n{v:#}"));
    let back = serde_json::to_value(&t).unwrap();
    let mut diffs = vec![];
    diff("", v, &back, &mut diffs);
    assert!(
        diffs.is_empty(),
        "{what}: differences after round trip:\n{}",
        diffs.join("\n")
    );
    t
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, out),
                    None => out.push(format!("{path}.{k} missing")),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        (Value::String(x), Value::String(y)) if x != y => {
            // dates may be re-formatted; compare as instants
            let (px, py) = (
                chrono::DateTime::parse_from_rfc3339(x),
                chrono::DateTime::parse_from_rfc3339(y),
            );
            if !(px.is_ok() && px == py) {
                out.push(format!("{path}: {a} != {b}"));
            }
        }
        _ if a != b => out.push(format!("{path}: {a} != {b}")),
        _ => {}
    }
}

#[tokio::test]
async fn responses_match_the_typed_models() {
    let h = harness(1);
    let parties = h.get("/dialogporten/api/v1/enduser/parties").await.json();
    roundtrip::<Parties>("parties", &parties);
    let pq = party_query(&h.searchable_parties().await);
    let page = h.search(&format!("{pq}&limit=1000")).await.json();
    let typed: DialogSearchPage = roundtrip("search page", &page);
    assert!(typed.items.len() >= 250);
    let mut n = 0;
    for item in page["items"].as_array().unwrap().iter().step_by(9) {
        let id = item["id"].as_str().unwrap();
        let d = h
            .get(&format!("/dialogporten/api/v1/enduser/dialogs/{id}"))
            .await
            .json();
        roundtrip::<Dialog>("dialog", &d);
        let t = h
            .get(&format!(
                "/dialogporten/api/v1/enduser/dialogs/{id}/transmissions"
            ))
            .await
            .json();
        roundtrip::<Vec<DialogTransmissionSearchItem>>("transmissions", &t);
        let a = h
            .get(&format!(
                "/dialogporten/api/v1/enduser/dialogs/{id}/activities"
            ))
            .await
            .json();
        roundtrip::<Vec<DialogActivitySearchItem>>("activities", &a);
        let s = h
            .get(&format!(
                "/dialogporten/api/v1/enduser/dialogs/{id}/seenlog"
            ))
            .await
            .json();
        roundtrip::<Vec<DialogSeenLogSearchItem>>("seenlog", &s);
        let l = h
            .get(&format!(
                "/dialogporten/api/v1/enduser/dialogs/{id}/context/labellog"
            ))
            .await
            .json();
        roundtrip::<Vec<LabelAssignmentLog>>("labellog", &l);
        n += 1;
    }
    assert!(n > 20);
    let bad = h.search("limit=5").await.json();
    roundtrip::<ProblemDetails>("problem", &bad);
}
