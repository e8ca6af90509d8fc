//! Our server's developer API log (`GET /api/dev/api-log?page=N`), typed with
//! `portal_api::api_log`. Its reads are not counted as finished requests ([`super::page`]),
//! so the log does not refresh itself.

use gloo_net::http::Request;
pub use portal_api::api_log::{ApiLog, ApiLogEntry, Failure, Upstream};

use super::{ApiError, into_json, send_uncounted};
use crate::i18n::Lang;

/// The calls made for `page`, newest first.
pub async fn get_api_log(page: u64, lang: Lang) -> Result<ApiLog, ApiError> {
    let url = format!("/api/dev/api-log?page={page}");
    let request = Request::get(&url).header("Cache-Control", "no-store");
    into_json(send_uncounted(request, lang).await?).await
}
