//! Large-scale generation: counts, and that it stays fast.

use altinn_sim::world::World;

use altinn_sim::{Scale, Sim, SimConfig};

#[test]
fn large_scale_counts() {
    let started = std::time::Instant::now();
    let w = World::build(7, Scale::Large, altinn_sim::world::anchor_now());
    let built = started.elapsed();
    assert!(w.party_count(0) >= 15_000, "{}", w.party_count(0));
    assert!(w.party_count(0) <= 15_010);
    assert!(w.dialog_count(0) >= 100_000);
    let orgs = w.personas[0]
        .access
        .iter()
        .filter(|a| !w.parties[a.party].is_person)
        .count();
    let with_subs = w.personas[0]
        .access
        .iter()
        .filter(|a| !a.subs.is_empty())
        .count();
    assert!(orgs > 3_000 && with_subs > 1_000, "{orgs} {with_subs}");
    // all party URNs are distinct
    assert_eq!(w.party_by_urn.len(), w.parties.len());
    eprintln!("large world built in {built:?}");
    assert!(built.as_secs() < 20, "{built:?}");
}

#[test]
fn demo_scale_is_quick_and_counted() {
    let started = std::time::Instant::now();
    let sim = Sim::new(SimConfig::default());
    assert!(started.elapsed().as_millis() < 1_000);
    let pid = sim.personas()[0].pid.clone();
    let (parties, dialogs) = sim.counts(&pid).unwrap();
    assert!(parties >= 5 && dialogs >= 250, "{parties} {dialogs}");
}

mod common;

#[tokio::test]
async fn large_scale_through_the_api() {
    use axum::http::StatusCode;
    use std::sync::Arc;
    let sim = Arc::new(Sim::new_at(
        SimConfig {
            scale: Scale::Large,
            ..common::config(3)
        },
        common::fixed_now(),
    ));
    let app = altinn_sim::router_with(sim.clone());
    let ola = sim.personas()[0].pid.clone();
    let token = sim.access_token_for(&ola, "portal-local").unwrap();
    let h = common::H {
        sim,
        app,
        ola,
        token,
    };
    let parties = h.searchable_parties().await;
    assert!(parties.len() >= 14_900, "{}", parties.len());
    // free text over all parties without contentUpdatedAfter → 422
    let r = h
        .search("serviceResource=urn%3Aaltinn%3Aresource%3Askd-mva-melding&search=mva")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // narrowed with contentUpdatedAfter it answers
    let r = h.search("serviceResource=urn%3Aaltinn%3Aresource%3Askd-mva-melding&search=mva&contentUpdatedAfter=2000-01-01T00%3A00%3A00Z&limit=10").await;
    assert_eq!(r.status, StatusCode::OK);
    // 100 parties, two pages
    let q = common::party_query(&parties[..100]);
    let p1 = h.search(&format!("{q}&limit=50")).await.json();
    assert_eq!(p1["items"].as_array().unwrap().len(), 50);
    assert_eq!(p1["hasNextPage"], true);
    let t = common::enc(p1["continuationToken"].as_str().unwrap());
    let p2 = h
        .search(&format!("{q}&limit=50&continuationToken={t}"))
        .await
        .json();
    assert_ne!(p1["items"][0]["id"], p2["items"][0]["id"]);
}
