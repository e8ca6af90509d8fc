//! Server proxy overhead: the same dialog search straight to the simulator and through
//! `/api/dialogporten/...`, interleaved, with p50/p99 of each and their difference.
//!
//! `cargo run --release -p portal-server --example proxy_overhead`
//! Environment: `PROXY_BENCH_REQUESTS` (default 500), `PROXY_BENCH_SCALE` (`demo`|`large`),
//! `PROXY_BENCH_LIMIT` (page size, default 100).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use altinn_sim::{Scale, Sim, SimConfig};
use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    base
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let requests: usize = env_or("PROXY_BENCH_REQUESTS", 2000).max(1);
    let limit: usize = env_or("PROXY_BENCH_LIMIT", 100);
    let scale: Scale = env_or("PROXY_BENCH_SCALE", Scale::Demo);

    // The simulator on its own port, as Dialogporten.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sim_base = format!("http://{}", listener.local_addr().unwrap());
    let sim = Arc::new(Sim::new(SimConfig {
        public_base_url: sim_base.clone(),
        scale,
        ..SimConfig::default()
    }));
    let sim_router = altinn_sim::router_with(sim.clone());
    tokio::spawn(async move { axum::serve(listener, sim_router).await.unwrap() });

    // The portal server in front of it, with a session made directly from a sim token.
    let dir = tempfile::tempdir().unwrap();
    let settings: HashMap<String, String> = [
        ("env", "custom"),
        ("oidc_issuer", &format!("{sim_base}/idporten")),
        ("oidc_client_id", "portal-local"),
        ("oidc_client_secret", "portal-local-secret"),
        ("dialogporten_url", &format!("{sim_base}/dialogporten")),
        (
            "notifications_url",
            &format!("{sim_base}/notifications/api/v1"),
        ),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        (
            "database",
            dir.path().join("portal.sqlite3").to_str().unwrap(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    let persona = sim.personas().remove(0);
    let token = sim
        .access_token_for(&persona.pid, "portal-local")
        .expect("persona 1 exists");
    let now = now_unix();
    state
        .sessions
        .insert_session(
            "bench-session",
            &Session {
                access_token: token.clone(),
                pid: Some(persona.pid.clone()),
                name: Some(persona.name.clone()),
                subject: "bench".into(),
                created_at: now,
                expires_at: now + 3600,
            },
        )
        .await
        .unwrap();
    let portal_base = serve(app(state)).await;

    let client = reqwest::Client::new();
    let parties: serde_json::Value = client
        .get(format!("{sim_base}/dialogporten/api/v1/enduser/parties"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let party = parties["authorizedParties"][0]["party"]
        .as_str()
        .expect("a party")
        .to_owned();
    let query = format!(
        "party={}&limit={limit}",
        url::form_urlencoded::byte_serialize(party.as_bytes()).collect::<String>()
    );
    let direct_url = format!("{sim_base}/dialogporten/api/v1/enduser/dialogs?{query}");
    let proxied_url = format!("{portal_base}/api/dialogporten/api/v1/enduser/dialogs?{query}");

    let direct = || async {
        let t = Instant::now();
        let r = client
            .get(&direct_url)
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "direct: {}", r.status());
        let n = r.bytes().await.unwrap().len();
        (t.elapsed(), n)
    };
    let proxied = || async {
        let t = Instant::now();
        let r = client
            .get(&proxied_url)
            .header("cookie", "portal_session=bench-session")
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "proxied: {}", r.status());
        let n = r.bytes().await.unwrap().len();
        (t.elapsed(), n)
    };

    for _ in 0..20.min(requests) {
        direct().await;
        proxied().await;
    }
    let (mut d, mut p) = (Vec::with_capacity(requests), Vec::with_capacity(requests));
    // Each proxied request minus the direct one just before it (same moment, same load).
    let mut paired = Vec::with_capacity(requests);
    let mut bytes = 0;
    for _ in 0..requests {
        let (t, n) = direct().await;
        d.push(t);
        bytes = n;
        let tp = proxied().await.0;
        p.push(tp);
        paired.push(ms(tp) - ms(t));
    }
    d.sort();
    p.sort();
    paired.sort_by(f64::total_cmp);
    let (d50, d99, p50, p99) = (
        percentile(&d, 0.5),
        percentile(&d, 0.99),
        percentile(&p, 0.5),
        percentile(&p, 0.99),
    );
    let pair = |q: f64| paired[((paired.len() - 1) as f64 * q).round() as usize];
    println!(
        "server proxy overhead ({requests} identical searches, {limit} per page, {bytes} bytes each, {scale:?} simulator):"
    );
    println!(
        "  direct to the simulator: p50 {:.2} ms, p99 {:.2} ms",
        ms(d50),
        ms(d99)
    );
    println!(
        "  through the proxy:       p50 {:.2} ms, p99 {:.2} ms",
        ms(p50),
        ms(p99)
    );
    // Signed: a negative p99 difference means the tails are noise larger than the proxy.
    println!(
        "  overhead (p of proxied - p of direct): p50 {:+.2} ms, p99 {:+.2} ms",
        ms(p50) - ms(d50),
        ms(p99) - ms(d99)
    );
    println!(
        "  overhead per pair (proxied - direct just before): p50 {:+.2} ms, p99 {:+.2} ms",
        pair(0.5),
        pair(0.99)
    );
}
