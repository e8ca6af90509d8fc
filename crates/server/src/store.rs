//! Server-side state that must survive a restart: sessions and pending logins.
//!
//! Keys are stored as SHA-256 hashes, so a copy of the database does not contain live
//! cookie values or login `state`s. [`SessionStore`] is the seam for another database.

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use crate::session_tokens::SessionTokens;

/// A logged-in user.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Session {
    /// The access token for Dialogporten; never sent to the browser or logged.
    pub access_token: String,
    pub pid: Option<String>,
    pub name: Option<String>,
    /// The ID token's `sub`.
    pub subject: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("access_token", &"<redacted>")
            .field("pid", &self.pid)
            .field("name", &self.name)
            .field("subject", &self.subject)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A login that went to the identity provider and has not come back yet.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct PendingLogin {
    pub nonce: String,
    pub code_verifier: String,
    pub return_to: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A storage failure (details for the log).
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "session store: {}", self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// The future every store method returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Sessions and pending logins. `now` is Unix seconds; expired rows are never returned.
pub trait SessionStore: Send + Sync {
    fn insert_session(&self, id: &str, session: &Session) -> StoreFuture<'_, ()>;
    fn session(&self, id: &str, now: i64) -> StoreFuture<'_, Option<Session>>;
    fn delete_session(&self, id: &str) -> StoreFuture<'_, ()>;
    fn insert_pending(&self, state: &str, pending: &PendingLogin) -> StoreFuture<'_, ()>;
    /// Returns and removes the pending login (single use).
    fn take_pending(&self, state: &str, now: i64) -> StoreFuture<'_, Option<PendingLogin>>;
    /// Deletes expired sessions and pending logins; returns how many rows went.
    fn sweep(&self, now: i64) -> StoreFuture<'_, usize>;
    /// Stores (replaces) the session's refresh and ID tokens; they go with the session.
    fn insert_tokens(
        &self,
        id: &str,
        tokens: &SessionTokens,
        expires_at: i64,
    ) -> StoreFuture<'_, ()>;
    /// The session's refresh and ID tokens, if it has any.
    fn tokens(&self, id: &str) -> StoreFuture<'_, Option<SessionTokens>>;
}

/// SHA-256 of a secret key, hex encoded.
pub fn hash_key(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SQLite in WAL mode behind one mutex; every call runs on the blocking pool.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    /// Opens (and creates, with its parent directory) the database file.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError(format!("cannot create {}: {e}", parent.display())))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Self::init(conn)
    }

    /// An in-memory database (tests).
    pub fn in_memory() -> Result<SqliteStore, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS sessions (
                 id_hash TEXT PRIMARY KEY,
                 data TEXT NOT NULL,
                 expires_at INTEGER NOT NULL
             );
             CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_at);
             CREATE TABLE IF NOT EXISTS pending_logins (
                 state_hash TEXT PRIMARY KEY,
                 data TEXT NOT NULL,
                 expires_at INTEGER NOT NULL
             );",
        )?;
        conn.execute_batch(crate::saved_search_store::SCHEMA)?;
        conn.execute_batch(crate::session_tokens::SCHEMA)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// The shared connection, for other stores in the same database (the OTP tables).
    pub fn connection(&self) -> Arc<Mutex<Connection>> {
        self.conn.clone()
    }

    pub(crate) fn run<T, F>(&self, f: F) -> StoreFuture<'static, T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        run_blocking(self.conn.clone(), f)
    }
}

/// Runs `f` on a shared SQLite connection on the blocking thread pool (rusqlite is
/// synchronous). Every SQLite-backed store goes through this one function.
pub(crate) fn run_blocking<T, F>(conn: Arc<Mutex<Connection>>, f: F) -> StoreFuture<'static, T>
where
    T: Send + 'static,
    F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
{
    Box::pin(async move {
        tokio::task::spawn_blocking(move || {
            let guard = conn
                .lock()
                .map_err(|_| StoreError("poisoned lock".into()))?;
            f(&guard)
        })
        .await
        .map_err(|e| StoreError(e.to_string()))?
    })
}

impl SessionStore for SqliteStore {
    fn insert_session(&self, id: &str, session: &Session) -> StoreFuture<'_, ()> {
        let key = hash_key(id);
        let data = serde_json::to_string(session);
        let expires = session.expires_at;
        self.run(move |c| {
            c.execute(
                "INSERT OR REPLACE INTO sessions (id_hash, data, expires_at) VALUES (?1, ?2, ?3)",
                params![key, data?, expires],
            )?;
            Ok(())
        })
    }

    fn session(&self, id: &str, now: i64) -> StoreFuture<'_, Option<Session>> {
        let key = hash_key(id);
        self.run(move |c| {
            let data: Option<String> = c
                .query_row(
                    "SELECT data FROM sessions WHERE id_hash = ?1 AND expires_at > ?2",
                    params![key, now],
                    |row| row.get(0),
                )
                .optional()?;
            Ok(data.map(|d| serde_json::from_str(&d)).transpose()?)
        })
    }

    fn delete_session(&self, id: &str) -> StoreFuture<'_, ()> {
        let key = hash_key(id);
        self.run(move |c| {
            c.execute("DELETE FROM sessions WHERE id_hash = ?1", params![key])?;
            c.execute(
                "DELETE FROM session_tokens WHERE id_hash = ?1",
                params![key],
            )?;
            Ok(())
        })
    }

    fn insert_pending(&self, state: &str, pending: &PendingLogin) -> StoreFuture<'_, ()> {
        let key = hash_key(state);
        let data = serde_json::to_string(pending);
        let expires = pending.expires_at;
        self.run(move |c| {
            c.execute(
                "INSERT INTO pending_logins (state_hash, data, expires_at) VALUES (?1, ?2, ?3)",
                params![key, data?, expires],
            )?;
            Ok(())
        })
    }

    fn take_pending(&self, state: &str, now: i64) -> StoreFuture<'_, Option<PendingLogin>> {
        let key = hash_key(state);
        self.run(move |c| {
            let row: Option<(String, i64)> = c
                .query_row(
                    "DELETE FROM pending_logins WHERE state_hash = ?1 RETURNING data, expires_at",
                    params![key],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            match row {
                Some((data, expires)) if expires > now => Ok(Some(serde_json::from_str(&data)?)),
                _ => Ok(None),
            }
        })
    }

    fn sweep(&self, now: i64) -> StoreFuture<'_, usize> {
        self.run(move |c| {
            let a = c.execute("DELETE FROM sessions WHERE expires_at <= ?1", params![now])?;
            let b = c.execute(
                "DELETE FROM pending_logins WHERE expires_at <= ?1",
                params![now],
            )?;
            c.execute(
                "DELETE FROM session_tokens WHERE expires_at <= ?1",
                params![now],
            )?;
            Ok(a + b)
        })
    }

    fn insert_tokens(
        &self,
        id: &str,
        tokens: &SessionTokens,
        expires_at: i64,
    ) -> StoreFuture<'_, ()> {
        let key = hash_key(id);
        let data = serde_json::to_string(tokens);
        self.run(move |c| {
            c.execute(
                "INSERT OR REPLACE INTO session_tokens (id_hash, data, expires_at) VALUES (?1, ?2, ?3)",
                params![key, data?, expires_at],
            )?;
            Ok(())
        })
    }

    fn tokens(&self, id: &str) -> StoreFuture<'_, Option<SessionTokens>> {
        let key = hash_key(id);
        self.run(move |c| {
            let data: Option<String> = c
                .query_row(
                    "SELECT data FROM session_tokens WHERE id_hash = ?1",
                    params![key],
                    |row| row.get(0),
                )
                .optional()?;
            Ok(data.map(|d| serde_json::from_str(&d)).transpose()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(expires_at: i64) -> Session {
        Session {
            access_token: "tok".into(),
            pid: Some("1".into()),
            name: None,
            subject: "s".into(),
            created_at: 0,
            expires_at,
        }
    }

    #[tokio::test]
    async fn sessions_expire_and_are_swept() {
        let store = SqliteStore::in_memory().unwrap();
        store.insert_session("a", &session(100)).await.unwrap();
        assert!(store.session("a", 99).await.unwrap().is_some());
        assert!(store.session("a", 100).await.unwrap().is_none());
        assert_eq!(store.sweep(100).await.unwrap(), 1);
        store.insert_session("b", &session(100)).await.unwrap();
        store.delete_session("b").await.unwrap();
        assert!(store.session("b", 0).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn pending_logins_are_single_use() {
        let store = SqliteStore::in_memory().unwrap();
        let p = PendingLogin {
            nonce: "n".into(),
            code_verifier: "v".into(),
            return_to: "/".into(),
            created_at: 0,
            expires_at: 600,
        };
        store.insert_pending("st", &p).await.unwrap();
        assert_eq!(store.take_pending("st", 1).await.unwrap(), Some(p.clone()));
        assert_eq!(store.take_pending("st", 1).await.unwrap(), None);
        store.insert_pending("late", &p).await.unwrap();
        assert_eq!(store.take_pending("late", 601).await.unwrap(), None);
    }

    #[test]
    fn keys_are_hashed() {
        assert_eq!(hash_key("abc").len(), 64);
        assert_ne!(hash_key("abc"), "abc");
    }
}
