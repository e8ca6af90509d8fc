//! Serves the Altinn simulator (ID-porten, Dialogporten, Notifications, Maskinporten) alone:
//! `altinn-sim [--port 8090] [--seed 1] [--scale demo|large] [--maskinporten-client ID=public.pem[,orgno]]…`.

use altinn_sim::maskinporten::{MaskinportenClient, MaskinportenConfig};
use altinn_sim::{OidcClient, Scale, SimConfig};

const USAGE: &str = "altinn-sim [--port 8090] [--seed 1] [--scale demo|large] [--public-base-url URL] \
[--maskinporten-client ID=path/to/public.pem[,orgno]]... [--altinn-token-seconds 1800]";

/// `ID=path/to/public.pem[,orgno]` (orgno defaults to 991825827, the service owner `ttd`).
fn maskinporten_client(spec: &str) -> Result<MaskinportenClient, String> {
    let (id, rest) = spec
        .split_once('=')
        .filter(|(id, _)| !id.is_empty())
        .ok_or_else(|| format!("--maskinporten-client {spec:?}: expected ID=public.pem[,orgno]"))?;
    let (path, org) = rest.split_once(',').unwrap_or((rest, "991825827"));
    if org.len() != 9 || !org.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "--maskinporten-client {id}: orgno {org:?} is not nine digits"
        ));
    }
    let pem = std::fs::read_to_string(path)
        .map_err(|e| format!("--maskinporten-client {id}: cannot read {path}: {e}"))?;
    let client = MaskinportenClient::new(id, pem, org);
    client
        .check_key()
        .map_err(|e| format!("--maskinporten-client {id}: {path}: {e}"))?;
    Ok(client)
}

fn main() {
    let mut port: u16 = 8090;
    let mut seed: u64 = 1;
    let mut scale = Scale::Demo;
    let mut public: Option<String> = None;
    let mut maskinporten = MaskinportenConfig::default();
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
            "--maskinporten-client" => maskinporten
                .clients
                .push(maskinporten_client(&val()).unwrap_or_else(|e| die(&e))),
            "--altinn-token-seconds" => {
                maskinporten.altinn_token_seconds = val()
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .unwrap_or_else(|| die("bad --altinn-token-seconds"))
            }
            "-h" | "--help" => {
                println!("{USAGE}");
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
        maskinporten,
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
