//! Dialogporten's end-user API, through our server's proxy (`/api/dialogporten/...`).

use gloo_net::http::Request;

use super::{ApiError, into_json, send};
use crate::api::wire::{Dialog, DialogListItem, DialogSearchQuery, PaginatedList, Parties};
use crate::i18n::Lang;
use crate::routes::encode_component;

const END_USER: &str = "/api/dialogporten/api/v1/enduser";

/// The parties the user may act for (`GET …/enduser/parties`).
pub async fn get_parties(lang: Lang) -> Result<Parties, ApiError> {
    into_json(send(Request::get(&format!("{END_USER}/parties")), lang).await?).await
}

/// One page of dialogs matching `query` (`GET …/enduser/dialogs?…`).
pub async fn search_dialogs(
    query: &DialogSearchQuery,
    lang: Lang,
) -> Result<PaginatedList<DialogListItem>, ApiError> {
    let url = format!("{END_USER}/dialogs?{}", query.to_query_string());
    into_json(send(Request::get(&url), lang).await?).await
}

/// One dialog with everything in it (`GET …/enduser/dialogs/{id}`). Dialogporten records
/// this as the user having seen the dialog.
pub async fn get_dialog(id: &str, lang: Lang) -> Result<Dialog, ApiError> {
    let url = format!("{END_USER}/dialogs/{}", encode_component(id));
    into_json(send(Request::get(&url), lang).await?).await
}
