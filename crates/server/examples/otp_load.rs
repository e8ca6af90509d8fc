//! A bounded loopback load test of `/api/otp`: creates N challenges with a few concurrent
//! workers, reads each code from the simulator's SMS outbox, verifies each, and prints
//! challenges per second and p50/p99 latency of create and verify.
//!
//! The server runs in local mode on 127.0.0.1:0 with the embedded simulator, so each create
//! goes the real way: SQLite transaction, token (cached) and an HTTP instant-SMS order to the
//! Notifications simulator. The staff session is written to the store directly (the login
//! is not what is measured); cooldown and rate limits are lifted (one number per challenge).
//!
//! `cargo run --release -p portal-server --example otp_load` — `OTP_LOAD_N` (default 2000,
//! at most 20000), `OTP_LOAD_WORKERS` (default 8), stops after 120 s whatever happens.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use portal_server::config::Config;
use portal_server::store::Session;
use portal_server::{AppState, app, now_unix};
use serde_json::{Value, json};

const TIME_LIMIT: Duration = Duration::from_secs(120);

fn env_number(name: &str, default: usize, max: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .clamp(1, max)
}

#[derive(Default)]
struct Sample {
    create: Vec<Duration>,
    verify: Vec<Duration>,
    ids: Vec<String>,
    errors: Vec<String>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let n = env_number("OTP_LOAD_N", 2000, 20_000);
    let workers = env_number("OTP_LOAD_WORKERS", 8, 64);
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(dir.path().join("dist/index.html"), "<!doctype html>").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let settings: HashMap<String, String> = [
        ("env", "local"),
        ("public_url", base.as_str()),
        ("dist_dir", dir.path().join("dist").to_str().unwrap()),
        (
            "database",
            dir.path().join("load.sqlite3").to_str().unwrap(),
        ),
        ("otp_resend_cooldown_seconds", "0"),
        ("otp_rate_limit", "1000000"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let state = AppState::open(Config::from_settings(&settings).unwrap()).unwrap();
    let pid = state.staff_pids.first().expect("a staff persona").clone();
    let now = now_unix();
    let session = Session {
        access_token: "unused".into(),
        pid: Some(pid),
        name: Some("Load Test".into()),
        subject: "load".into(),
        created_at: now,
        expires_at: now + 3600,
    };
    state
        .sessions
        .insert_session("load-session", &session)
        .await
        .unwrap();
    tokio::spawn(axum::serve(listener, app(state)).into_future());

    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(workers)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    println!(
        "otp_load: {n} challenges, {workers} workers, server {base} (local mode, Notifications simulator over HTTP)"
    );

    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + TIME_LIMIT;
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (http, base, next) = (http.clone(), base.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut s = Sample::default();
            let cookie = "portal_session=load-session";
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n || Instant::now() > deadline {
                    break;
                }
                let phone = format!("+474{:07}", i);
                let t = Instant::now();
                let r = http
                    .post(format!("{base}/api/otp/challenges"))
                    .header("cookie", cookie)
                    .header("origin", &base)
                    .header("idempotency-key", format!("load-{i}"))
                    .json(&json!({ "phoneNumber": phone, "caseReference": format!("LOAD-{i}") }))
                    .send()
                    .await;
                let c: Value = match r {
                    Ok(r) if r.status() == 201 => r.json().await.unwrap(),
                    Ok(r) => {
                        s.errors.push(format!("create {i}: {}", r.status()));
                        continue;
                    }
                    Err(e) => {
                        s.errors.push(format!("create {i}: {e}"));
                        continue;
                    }
                };
                s.create.push(t.elapsed());
                let id = c["id"].as_str().unwrap().to_owned();
                let sms: Value = http
                    .get(format!("{base}/sim/api/sms"))
                    .query(&[("to", phone.as_str())])
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                let Some(code) = sms[0]["body"].as_str().and_then(|b| {
                    b.split(|c: char| !c.is_ascii_digit())
                        .find(|w| w.len() == 6)
                        .map(str::to_owned)
                }) else {
                    s.errors.push(format!("no SMS for {i}"));
                    continue;
                };
                let t = Instant::now();
                let v = http
                    .post(format!("{base}/api/otp/challenges/{id}/verify"))
                    .header("cookie", cookie)
                    .header("origin", &base)
                    .json(&json!({ "code": code }))
                    .send()
                    .await;
                match v {
                    Ok(v) if v.status() == 200 => {
                        s.verify.push(t.elapsed());
                        s.ids.push(id);
                    }
                    Ok(v) => s.errors.push(format!("verify {i}: {}", v.status())),
                    Err(e) => s.errors.push(format!("verify {i}: {e}")),
                }
            }
            s
        }));
    }
    let mut all = Sample::default();
    for t in tasks {
        let s = t.await.unwrap();
        all.create.extend(s.create);
        all.verify.extend(s.verify);
        all.ids.extend(s.ids);
        all.errors.extend(s.errors);
    }
    let elapsed = started.elapsed();

    // Nothing lost: every challenge verified once, one SMS each, and a second try is refused.
    let unique: HashSet<&String> = all.ids.iter().collect();
    let sms_total = http
        .get(format!("{base}/sim/api/sms"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()
        .as_array()
        .map_or(0, Vec::len);
    let mut used = 0;
    for id in all.ids.iter().step_by((all.ids.len() / 20).max(1)) {
        let r = http
            .post(format!("{base}/api/otp/challenges/{id}/verify"))
            .header("cookie", "portal_session=load-session")
            .header("origin", &base)
            .json(&json!({ "code": "000000" }))
            .send()
            .await
            .unwrap();
        if r.status() == 409 {
            used += 1;
        }
    }
    let sampled = all.ids.iter().step_by((all.ids.len() / 20).max(1)).count();

    all.create.sort();
    all.verify.sort();
    let rate = all.ids.len() as f64 / elapsed.as_secs_f64();
    println!(
        "completed {} of {n} in {:.2} s: {rate:.0} challenges/s (create + read SMS + verify)",
        all.ids.len(),
        elapsed.as_secs_f64()
    );
    println!(
        "create: p50 {}  p99 {}  max {}",
        ms(percentile(&all.create, 50.0)),
        ms(percentile(&all.create, 99.0)),
        ms(all.create.last().copied().unwrap_or_default())
    );
    println!(
        "verify: p50 {}  p99 {}  max {}",
        ms(percentile(&all.verify, 50.0)),
        ms(percentile(&all.verify, 99.0)),
        ms(all.verify.last().copied().unwrap_or_default())
    );
    println!(
        "checks: {} unique challenges verified, {sms_total} SMS in the outbox, {used}/{sampled} sampled re-verifications refused as used, {} errors",
        unique.len(),
        all.errors.len()
    );
    let ok = all.errors.is_empty()
        && all.ids.len() == n
        && unique.len() == n
        && sms_total == n
        && used == sampled;
    for e in all.errors.iter().take(10) {
        eprintln!("  {e}");
    }
    if !ok {
        eprintln!("otp_load: FAILED (lost or failed challenges, or time limit reached)");
        std::process::exit(1);
    }
    println!("otp_load: OK, nothing lost");
}
