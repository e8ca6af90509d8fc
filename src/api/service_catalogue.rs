//! The services the user's parties have access to (`GET …/enduser/serviceresources`), with
//! their names and service owners: the inbox's "Service" and "Sender" filters show these
//! names instead of codes.

use gloo_net::http::Request;
use serde::Deserialize;

use super::{ApiError, into_json, send};
use crate::api::wire::Localization;
use crate::i18n::Lang;
use crate::routes::encode_component;

/// `{ items: [ServiceResourceMetadata] }`, as much as the filters need.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceCatalogue {
    #[serde(default)]
    pub items: Vec<ServiceMetadata>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceMetadata {
    pub service_resource: NamedThing,
    #[serde(default)]
    pub service_owner: Option<NamedThing>,
}

/// A resource (`id`) or a service owner (`code`) with localised names.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedThing {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub name: Vec<Localization>,
}

/// The services of `parties` (at most 100; all the user's when empty).
pub async fn get_service_catalogue(
    parties: &[String],
    lang: Lang,
) -> Result<ServiceCatalogue, ApiError> {
    let query = parties
        .iter()
        .map(|p| format!("party={}", encode_component(p)))
        .collect::<Vec<_>>()
        .join("&");
    let url = format!("/api/dialogporten/api/v1/enduser/serviceresources?{query}");
    into_json(send(Request::get(&url), lang).await?).await
}
