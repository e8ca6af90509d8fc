//! Local mode: the Altinn simulator mounted in the same process (reached over HTTP like
//! the real services).

use std::sync::Arc;

use axum::Router;

use crate::config::{Config, LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET, SimScale};
use crate::service_token::ServiceTokenSettings;
use crate::service_token::settings::LOCAL_ORG_NUMBER;

/// The simulator's router and the pids of its staff personas.
pub fn simulator(config: &Config) -> (Router, Vec<String>) {
    let sim = altinn_sim::Sim::new(altinn_sim::SimConfig {
        public_base_url: config.public_base(),
        seed: config.sim.seed,
        scale: match config.sim.scale {
            SimScale::Demo => altinn_sim::Scale::Demo,
            SimScale::Large => altinn_sim::Scale::Large,
        },
        clients: vec![altinn_sim::OidcClient {
            client_id: LOCAL_CLIENT_ID.into(),
            client_secret: LOCAL_CLIENT_SECRET.into(),
            post_logout_redirect_uris: vec![format!("{}/", config.public_base())],
            ..altinn_sim::OidcClient::default()
        }],
        maskinporten: maskinporten_config(config),
        ..altinn_sim::SimConfig::default()
    });
    let staff = sim
        .personas()
        .into_iter()
        .filter(|p| p.roles.iter().any(|r| r == "staff"))
        .map(|p| p.pid)
        .collect();
    (altinn_sim::router_with(Arc::new(sim)), staff)
}

/// The simulated Maskinporten knows the configured client (by default the built-in
/// `portal-local` with its test-only key) under the service owner `ttd`.
fn maskinporten_config(config: &Config) -> altinn_sim::maskinporten::MaskinportenConfig {
    let mut clients = Vec::new();
    if let ServiceTokenSettings::Maskinporten(m) = &config.notifications.token_source {
        let mut client = altinn_sim::maskinporten::MaskinportenClient::new(
            m.client_id.clone(),
            m.key.public_key_pem(),
            LOCAL_ORG_NUMBER,
        );
        client.scopes.extend(
            m.scope
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        client.scopes.sort();
        client.scopes.dedup();
        clients.push(client);
    }
    altinn_sim::maskinporten::MaskinportenConfig {
        clients,
        ..Default::default()
    }
}
