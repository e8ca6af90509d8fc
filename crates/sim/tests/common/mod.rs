#![allow(dead_code)]
//! Shared helpers: drive the router with `oneshot`.

use std::sync::Arc;

use altinn_sim::{Sim, SimConfig};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub const BASE: &str = "http://sim.test";

pub struct H {
    pub sim: Arc<Sim>,
    pub app: Router,
    pub ola: String,
    pub token: String,
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, k: &str) -> Option<String> {
        self.headers.get(k).map(|v| v.to_str().unwrap().to_owned())
    }
}

pub fn config(seed: u64) -> SimConfig {
    SimConfig {
        public_base_url: BASE.into(),
        seed,
        ..SimConfig::default()
    }
}

pub fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    altinn_sim::world::anchor_now()
}

pub fn harness(seed: u64) -> H {
    let sim = Arc::new(Sim::new_at(config(seed), fixed_now()));
    let app = altinn_sim::router_with(sim.clone());
    let ola = sim.personas()[0].pid.clone();
    let token = sim.access_token_for(&ola, "portal-local").unwrap();
    H {
        sim,
        app,
        ola,
        token,
    }
}

impl H {
    pub fn token_for(&self, persona: usize) -> String {
        let pid = self.sim.personas()[persona].pid.clone();
        self.sim.access_token_for(&pid, "portal-local").unwrap()
    }

    pub async fn req(
        &self,
        method: Method,
        uri: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Resp {
        let mut b = Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let req = b
            .body(body.map(Body::from).unwrap_or_else(Body::empty))
            .unwrap();
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Resp {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Resp {
        let auth = format!("Bearer {}", self.token);
        self.req(Method::GET, uri, &[("authorization", &auth)], None)
            .await
    }

    pub async fn get_as(&self, uri: &str, token: &str) -> Resp {
        let auth = format!("Bearer {token}");
        self.req(Method::GET, uri, &[("authorization", &auth)], None)
            .await
    }

    pub async fn send_json(
        &self,
        method: Method,
        uri: &str,
        body: &Value,
        extra: &[(&str, &str)],
    ) -> Resp {
        let auth = format!("Bearer {}", self.token);
        let mut h = vec![
            ("authorization", auth.as_str()),
            (header::CONTENT_TYPE.as_str(), "application/json"),
        ];
        h.extend_from_slice(extra);
        self.req(method, uri, &h, Some(serde_json::to_vec(body).unwrap()))
            .await
    }

    /// Party URNs persona 1 can search (sub-units included, hierarchy-only parents excluded).
    pub async fn searchable_parties(&self) -> Vec<String> {
        let p = self
            .get("/dialogporten/api/v1/enduser/parties")
            .await
            .json();
        let mut out = vec![];
        for a in p["authorizedParties"].as_array().unwrap() {
            if a["hasOnlyAccessToSubParties"] != true {
                out.push(a["party"].as_str().unwrap().to_owned());
            }
            for s in a["subParties"].as_array().into_iter().flatten() {
                out.push(s["party"].as_str().unwrap().to_owned());
            }
        }
        out
    }

    pub async fn search(&self, query: &str) -> Resp {
        self.get(&format!("/dialogporten/api/v1/enduser/dialogs?{query}"))
            .await
    }
}

pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn party_query(parties: &[String]) -> String {
    parties
        .iter()
        .map(|p| format!("party={}", enc(p)))
        .collect::<Vec<_>>()
        .join("&")
}
