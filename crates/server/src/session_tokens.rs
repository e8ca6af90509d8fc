//! The tokens a session keeps besides its access token: the refresh token (to renew the
//! access token before it expires) and the ID token (the hint for the provider's logout).
//! They live in the database next to the session (table `session_tokens`, keyed by the
//! session id's hash), never reach the browser, and are never logged.
//!
//! [`ensure_fresh`] runs whenever a request's session is looked up: when the access token
//! expires within [`REFRESH_MARGIN_SECS`], it is renewed with the refresh token first, one
//! refresh at a time per session (the provider rotates refresh tokens, so two concurrent
//! refreshes with the same one would end the session).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::oidc::RefreshError;
use crate::store::{Session, hash_key};
use crate::{AppState, now_unix};

/// Renew the access token when it expires within this many seconds.
pub const REFRESH_MARGIN_SECS: i64 = 60;
/// Assumed lifetime of a renewed access token whose answer has no `expires_in`.
const DEFAULT_ACCESS_TTL_SECS: i64 = 120;

/// The table, created with the other tables (see [`crate::store::SqliteStore`]).
pub const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS session_tokens (
    id_hash TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);";

/// A session's tokens besides the access token.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SessionTokens {
    /// When the session's access token expires (Unix seconds).
    pub access_expires_at: i64,
    pub refresh_token: Option<String>,
    /// The ID token from the login, for `id_token_hint` at logout.
    pub id_token: Option<String>,
}

impl std::fmt::Debug for SessionTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |t: &Option<String>| t.as_ref().map(|_| "<redacted>");
        f.debug_struct("SessionTokens")
            .field("access_expires_at", &self.access_expires_at)
            .field("refresh_token", &redacted(&self.refresh_token))
            .field("id_token", &redacted(&self.id_token))
            .finish()
    }
}

/// One lock per session that is being refreshed (weak, so finished ones go away).
#[derive(Default)]
pub struct RefreshLocks(Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>);

impl RefreshLocks {
    fn lock_for(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, lock| lock.strong_count() > 0);
        if let Some(lock) = map.get(key).and_then(Weak::upgrade) {
            return lock;
        }
        let lock = Arc::new(tokio::sync::Mutex::new(()));
        map.insert(key.to_owned(), Arc::downgrade(&lock));
        lock
    }
}

/// The session with an access token that is good for at least the margin, renewing it
/// if needed; `None` when the session ended (a refused refresh, or an expired access
/// token that cannot be renewed). Sessions without stored tokens are returned as they are.
pub async fn ensure_fresh(
    state: &AppState,
    id: &str,
    session: Session,
) -> Result<Option<Session>, AppError> {
    let Some(tokens) = state.sessions.tokens(id).await? else {
        return Ok(Some(session));
    };
    if tokens.access_expires_at - now_unix() > REFRESH_MARGIN_SECS {
        return Ok(Some(session));
    }
    if tokens.refresh_token.is_none() {
        return keep_until_expiry(state, id, session, &tokens).await;
    }

    let lock = state.refresh_locks.lock_for(&hash_key(id));
    let _guard = lock.lock().await;
    // Another request may have renewed the token (or ended the session) while we waited.
    let now = now_unix();
    let Some(mut session) = state.sessions.session(id, now).await? else {
        return Ok(None);
    };
    let Some(mut tokens) = state.sessions.tokens(id).await? else {
        return Ok(Some(session));
    };
    if tokens.access_expires_at - now > REFRESH_MARGIN_SECS {
        return Ok(Some(session));
    }
    let Some(refresh_token) = tokens.refresh_token.clone() else {
        return keep_until_expiry(state, id, session, &tokens).await;
    };
    match state.oidc.refresh(&refresh_token).await {
        Ok(renewed) => {
            let lifetime = renewed
                .expires_in
                .filter(|s| *s > 0)
                .unwrap_or(DEFAULT_ACCESS_TTL_SECS);
            session.access_token = renewed.access_token;
            tokens.access_expires_at = now + lifetime;
            if let Some(rotated) = renewed.refresh_token {
                tokens.refresh_token = Some(rotated);
            }
            // Tokens first: a crash in between leaves the new refresh token stored.
            state
                .sessions
                .insert_tokens(id, &tokens, session.expires_at)
                .await?;
            state.sessions.insert_session(id, &session).await?;
            // Dialog tokens were issued for the old access token; they stay valid until
            // they expire, like the session's own grants.
            tracing::debug!("access token renewed");
            Ok(Some(session))
        }
        Err(RefreshError::Unavailable(detail)) if tokens.access_expires_at > now => {
            // The provider is down for now; the current token still works.
            tracing::warn!(
                detail,
                "token refresh failed; using the current access token"
            );
            Ok(Some(session))
        }
        Err(e) => {
            tracing::info!(error = %e, "token refresh failed; the session ends");
            state.sessions.delete_session(id).await?;
            Ok(None)
        }
    }
}

async fn keep_until_expiry(
    state: &AppState,
    id: &str,
    session: Session,
    tokens: &SessionTokens,
) -> Result<Option<Session>, AppError> {
    if tokens.access_expires_at > now_unix() {
        Ok(Some(session))
    } else {
        state.sessions.delete_session(id).await?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_tokens() {
        let t = SessionTokens {
            access_expires_at: 5,
            refresh_token: Some("refresh-secret".into()),
            id_token: Some("id-secret".into()),
        };
        let text = format!("{t:?}");
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains("<redacted>"));
    }

    #[tokio::test]
    async fn one_lock_per_session_while_in_use() {
        let locks = RefreshLocks::default();
        let a = locks.lock_for("a");
        let again = locks.lock_for("a");
        assert!(Arc::ptr_eq(&a, &again));
        let b = locks.lock_for("b");
        assert!(!Arc::ptr_eq(&a, &b));
        drop((a, again, b));
        let fresh = locks.lock_for("c");
        assert_eq!(locks.0.lock().unwrap().len(), 1);
        drop(fresh);
    }
}
