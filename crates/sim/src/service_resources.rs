//! `GET /dialogporten/api/v1/enduser/serviceresources?party=…` (`SearchAuthorizedServiceResources`):
//! `{ items: [ServiceResourceMetadata], isFullCatalogueFallback? }`.
//!
//! The simulator's "authorised resources" are the resources of the dialogs on the chosen
//! parties (all the user may represent when no `party` is given), so a service filter
//! built from it never offers an empty choice. Like the real API, an unfiltered request
//! by a user with more than [`FALLBACK_PARTIES`] parties answers the full catalogue with
//! `isFullCatalogueFallback: true`. Unauthorised or unknown parties are ignored.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{Value, json};

use crate::Sim;
use crate::catalogue::{TEMPLATES, owner};
use crate::dialogporten::{authenticate, json_ok};
use crate::views::loc3;

/// Above this many parties an unfiltered request gets the whole catalogue.
pub const FALLBACK_PARTIES: usize = 1000;

/// Display names (nb, nn, en) of the simulator's service resources.
pub fn resource_name(id: &str) -> [&'static str; 3] {
    match id {
        "skd-skattemelding" => ["Skattemelding", "Skattemelding", "Tax return"],
        "skd-skatteoppgjor" => ["Skatteoppgjør", "Skatteoppgjer", "Tax assessment"],
        "skd-mva-melding" => ["MVA-melding", "MVA-melding", "VAT return"],
        "skd-a-melding" => ["A-melding", "A-melding", "A-message (payroll report)"],
        "nav-foreldrepenger" => ["Foreldrepenger", "Foreldrepengar", "Parental benefit"],
        "nav-sykepengesoknad" => [
            "Sykepengesøknad",
            "Sjukepengesøknad",
            "Sickness benefit application",
        ],
        "nav-inntektsmelding" => ["Inntektsmelding", "Inntektsmelding", "Income report"],
        "nav-dagpenger-vedtak" => ["Dagpenger", "Dagpengar", "Unemployment benefit"],
        "svv-eu-kontroll" => ["EU-kontroll", "EU-kontroll", "Periodic vehicle inspection"],
        "svv-forerkort" => ["Førerkort", "Førarkort", "Driving licence"],
        "ssb-lonnsstatistikk" => ["Lønnsstatistikk", "Lønsstatistikk", "Wage statistics"],
        "ssb-levekar" => [
            "Levekårsundersøkelsen",
            "Levekårsundersøkinga",
            "Living conditions survey",
        ],
        "dibk-nabovarsel" => ["Nabovarsel", "Nabovarsel", "Neighbour notification"],
        "dibk-rammetillatelse" => ["Rammetillatelse", "Rammeløyve", "Outline permission"],
        "brg-arsregnskap" => ["Årsregnskap", "Årsrekneskap", "Annual accounts"],
        "brg-enhetsregisteret-endring" => [
            "Endring i Enhetsregisteret",
            "Endring i Einingsregisteret",
            "Central Coordinating Register changes",
        ],
        "digdir-krr" => [
            "Kontakt- og reservasjonsregisteret",
            "Kontakt- og reservasjonsregisteret",
            "Contact and reservation register",
        ],
        "udir-vitnemal" => ["Vitnemål", "Vitnemål", "Diploma"],
        "udir-larlingtilskudd" => ["Lærlingtilskudd", "Lærlingtilskot", "Apprentice grant"],
        "lanekassen-betalingsplan" => [
            "Betalingsplan for studielån",
            "Betalingsplan for studielån",
            "Student loan repayment plan",
        ],
        "ok-snorydding" => ["Snørydding", "Snørydding", "Snow clearing"],
        "ok-eiendomsskatt" => ["Eiendomsskatt", "Eigedomsskatt", "Property tax"],
        "ok-barnehageplass" => ["Barnehageplass", "Barnehageplass", "Kindergarten place"],
        "kv-tinglysing" => ["Tinglysing", "Tinglysing", "Land registration"],
        _ => ["Tjeneste", "Teneste", "Service"],
    }
}

/// One `ServiceResourceMetadata` for a template index.
fn metadata(template: usize) -> Value {
    let t = &TEMPLATES[template];
    let o = owner(t.owner);
    json!({
        "serviceResource": {
            "id": format!("urn:altinn:resource:{}", t.resource),
            "name": loc3(&resource_name(t.resource)),
            "resourceType": "GenericAccessResource",
            "status": "Completed",
            "isDelegable": true,
            "minimumAuthenticationLevel": 3,
        },
        "serviceOwner": {
            "code": o.code,
            "name": loc3(&o.name),
            "orgNumber": o.org_number,
        },
        "roles": [],
        "accessPackages": [],
    })
}

pub async fn service_resources(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let user = match authenticate(&sim, &headers) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let requested: Vec<String> = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .filter(|(k, _)| k.eq_ignore_ascii_case("party"))
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
        .collect();
    let w = sim.world.read().unwrap();
    let persona = &w.personas[user.persona];
    let parties: Vec<usize> = if requested.is_empty() {
        persona.authorized.iter().copied().collect()
    } else {
        requested
            .iter()
            .filter_map(|p| {
                w.party_by_urn
                    .get(p.as_str())
                    .or_else(|| w.party_by_urn.get(&p.to_ascii_lowercase()))
                    .copied()
            })
            .filter(|p| persona.authorized.contains(p))
            .collect()
    };
    let fallback = requested.is_empty() && parties.len() > FALLBACK_PARTIES;
    let templates: BTreeSet<usize> = if fallback {
        (0..TEMPLATES.len()).collect()
    } else {
        parties
            .iter()
            .flat_map(|p| w.by_party.get(p).map(Vec::as_slice).unwrap_or(&[]))
            .map(|&i| w.dialogs[i].template)
            .collect()
    };
    let mut body = json!({ "items": templates.into_iter().map(metadata).collect::<Vec<_>>() });
    if fallback {
        body["isFullCatalogueFallback"] = json!(true);
    }
    json_ok(body, &headers)
}
