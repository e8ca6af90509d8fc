//! Serves the Altinn simulator (ID-porten, Dialogporten and the Notifications simulator) alone: `altinn-sim [--port 8090] [--seed 1] [--scale demo|large]`.

use altinn_sim::{OidcClient, Scale, SimConfig};

fn main() {
    let mut port: u16 = 8090;
    let mut seed: u64 = 1;
    let mut scale = Scale::Demo;
    let mut public: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next()
                .unwrap_or_else(|| die(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--port" => port = val().parse().unwrap_or_else(|_| die("bad --port")),
            "--seed" => seed = val().parse().unwrap_or_else(|_| die("bad --seed")),
            "--scale" => scale = val().parse().unwrap_or_else(|e: String| die(&e)),
            "--public-base-url" => public = Some(val()),
            "-h" | "--help" => {
                println!(
                    "altinn-sim [--port 8090] [--seed 1] [--scale demo|large] [--public-base-url URL]"
                );
                return;
            }
            _ => die(&format!("unknown argument {a}")),
        }
    }
    let public_base_url = public.unwrap_or_else(|| format!("http://127.0.0.1:{port}"));
    let config = SimConfig {
        clients: vec![OidcClient {
            client_id: "portal-local".into(),
            client_secret: "portal-local-secret".into(),
            post_logout_redirect_uris: vec![format!("{public_base_url}/")],
            ..OidcClient::default()
        }],
        public_base_url,
        seed,
        scale,
        ..SimConfig::default()
    };
    let rt = tokio::runtime::Runtime::new().expect("tokio runtime");
    rt.block_on(async move {
        let started = std::time::Instant::now();
        let base = config.public_base_url.clone();
        let app = altinn_sim::router(config);
        eprintln!("altinn-sim: data generated in {:?}", started.elapsed());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap_or_else(|e| die(&format!("bind: {e}")));
        eprintln!("altinn-sim: listening on {base} (issuer {base}/idporten)");
        axum::serve(listener, app)
            .await
            .unwrap_or_else(|e| die(&format!("serve: {e}")));
    });
}

fn die(msg: &str) -> ! {
    eprintln!("altinn-sim: {msg}");
    std::process::exit(2)
}
