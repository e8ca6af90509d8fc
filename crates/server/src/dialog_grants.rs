//! Dialog tokens stay on the server. When a dialog's details pass through (the proxy or
//! a server-side fetch), its `dialogToken` is removed from the JSON and kept here per
//! (session, dialog) together with what it may be used for: the content URLs and GUI
//! actions that appear in that dialog. The content and action routes use only these, so
//! the server never fetches a URL the dialog did not name (no SSRF through our routes).
//!
//! The map lives in memory, bounded, with each entry expiring with its token. With more
//! than one server instance behind a load balancer an entry may be missing on the instance
//! that gets the next request; callers then fetch the dialog again (a fresh token), so
//! that costs a round trip, not correctness.

use std::collections::HashMap;
use std::sync::Mutex;

use altinn::{Dialog, DialogGuiAction};
use base64::Engine as _;
use uuid::Uuid;

/// Entries kept at most (about 1 KiB each).
pub const DEFAULT_CAPACITY: usize = 20_000;
/// A token is not used in its last seconds (clock skew, request time).
const EXPIRY_MARGIN_SECONDS: i64 = 30;
/// Lifetime assumed when a token's `exp` cannot be read (Dialogporten uses 10 minutes).
const FALLBACK_LIFETIME_SECONDS: i64 = 300;

/// A front-channel embed named by the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentRef {
    pub url: String,
    pub media_type: String,
}

/// A dialog token and what the dialog allows it to be sent to.
#[derive(Clone, Debug)]
pub struct DialogGrant {
    pub token: String,
    /// Unix seconds.
    pub expires_at: i64,
    /// The dialog's `content.mainContentReference`, when authorised.
    pub main_content: Option<ContentRef>,
    /// Each authorised transmission's `content.contentReference`.
    pub transmission_content: HashMap<Uuid, ContentRef>,
    pub gui_actions: Vec<DialogGuiAction>,
}

impl DialogGrant {
    /// The grant of a dialog as Dialogporten sent it; `None` without a dialog token.
    pub fn from_dialog(dialog: &Dialog, now: i64) -> Option<DialogGrant> {
        let token = dialog.dialog_token.clone().filter(|t| !t.is_empty())?;
        let expires_at = token_expiry(&token).unwrap_or(now + FALLBACK_LIFETIME_SECONDS);
        let main_content = dialog
            .content
            .main_content_reference
            .as_ref()
            .and_then(content_ref);
        let transmission_content = dialog
            .transmissions
            .iter()
            .filter(|t| t.is_authorized)
            .filter_map(|t| Some((t.id, content_ref(t.content.content_reference.as_ref()?)?)))
            .collect();
        Some(DialogGrant {
            token,
            expires_at,
            main_content,
            transmission_content,
            gui_actions: dialog.gui_actions.clone(),
        })
    }

    fn usable(&self, now: i64) -> bool {
        self.expires_at - EXPIRY_MARGIN_SECONDS > now
    }
}

fn content_ref(value: &altinn::ContentValue) -> Option<ContentRef> {
    if value.is_authorized == Some(false) {
        return None;
    }
    let url = value.value.first()?.value.trim();
    if url.is_empty() || url.starts_with("urn:") {
        return None;
    }
    Some(ContentRef {
        url: url.to_owned(),
        media_type: value.media_type.clone(),
    })
}

/// `exp` of a JWT, read without verifying (the token is only passed on, never trusted here).
fn token_expiry(token: &str) -> Option<i64> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    claims.get("exp")?.as_i64()
}

/// Grants per (session key, dialog id), bounded and expiring.
pub struct DialogGrants {
    entries: Mutex<HashMap<(String, Uuid), DialogGrant>>,
    capacity: usize,
}

impl DialogGrants {
    pub fn new(capacity: usize) -> DialogGrants {
        DialogGrants {
            entries: Mutex::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    /// The grant if it exists and its token is still usable.
    pub fn get(&self, session_key: &str, dialog: Uuid, now: i64) -> Option<DialogGrant> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&(session_key.to_owned(), dialog))
            .filter(|g| g.usable(now))
            .cloned()
    }

    /// Keeps a grant; when full, expired entries go first, then the one expiring soonest.
    pub fn put(&self, session_key: &str, dialog: Uuid, grant: DialogGrant, now: i64) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let key = (session_key.to_owned(), dialog);
        if !entries.contains_key(&key) && entries.len() >= self.capacity {
            entries.retain(|_, g| g.usable(now));
            if entries.len() >= self.capacity
                && let Some(oldest) = entries
                    .iter()
                    .min_by_key(|(_, g)| g.expires_at)
                    .map(|(k, _)| k.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(key, grant);
    }

    /// Forgets a grant (after an action changed the dialog).
    pub fn remove(&self, session_key: &str, dialog: Uuid) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.remove(&(session_key.to_owned(), dialog));
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for DialogGrants {
    fn default() -> Self {
        DialogGrants::new(DEFAULT_CAPACITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(token: &str, expires_at: i64) -> DialogGrant {
        DialogGrant {
            token: token.into(),
            expires_at,
            main_content: None,
            transmission_content: HashMap::new(),
            gui_actions: Vec::new(),
        }
    }

    #[test]
    fn entries_expire_and_are_bounded() {
        let grants = DialogGrants::new(2);
        let (a, b, c) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        grants.put("s", a, grant("ta", 1000), 0);
        grants.put("s", b, grant("tb", 2000), 0);
        assert_eq!(grants.get("s", a, 0).unwrap().token, "ta");
        assert!(grants.get("other", a, 0).is_none());
        assert!(grants.get("s", a, 980).is_none(), "within the margin");
        grants.put("s", c, grant("tc", 3000), 0);
        assert_eq!(grants.len(), 2);
        assert!(grants.get("s", a, 0).is_none(), "soonest-expiring evicted");
        grants.remove("s", b);
        assert!(grants.get("s", b, 0).is_none());
    }

    #[test]
    fn expiry_is_read_from_the_token() {
        let payload =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"exp":1234,"i":"x"}"#);
        assert_eq!(token_expiry(&format!("h.{payload}.s")), Some(1234));
        assert_eq!(token_expiry("garbage"), None);
    }
}
