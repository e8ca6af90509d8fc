//! Saved searches per user in the server's database ([`SavedSearchStore`]; SQLite table
//! `saved_searches`, created next to the sessions).

use chrono::{DateTime, Utc};
use portal_api::saved_search::SavedSearch;
use rusqlite::{OptionalExtension, params};
use uuid::Uuid;

use crate::store::{SqliteStore, StoreError, StoreFuture};

/// The table, created at start-up (idempotent).
pub const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS saved_searches (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     name TEXT NOT NULL,
     query TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
 );
 CREATE INDEX IF NOT EXISTS saved_searches_owner ON saved_searches (owner);";

/// Saved searches of users; `owner` is the user's stable identifier (their pid).
/// Every method is scoped to the owner: another user's id reads as absent.
pub trait SavedSearchStore: Send + Sync {
    /// The owner's searches, by name (case-insensitive), then creation.
    fn list(&self, owner: &str) -> StoreFuture<'_, Vec<SavedSearch>>;
    /// Inserts `search` unless the owner already has `max` searches (`Ok(false)`).
    fn insert(&self, owner: &str, search: &SavedSearch, max: usize) -> StoreFuture<'_, bool>;
    /// Replaces name, query and `updated_at`; `None` when the owner has no such search.
    fn update(
        &self,
        owner: &str,
        id: Uuid,
        name: &str,
        query: &str,
        now: DateTime<Utc>,
    ) -> StoreFuture<'_, Option<SavedSearch>>;
    /// Deletes; `false` when the owner has no such search.
    fn delete(&self, owner: &str, id: Uuid) -> StoreFuture<'_, bool>;
}

fn row_to_search(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<(String, String, String, String, String)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn to_search(
    (id, name, query, created, updated): (String, String, String, String, String),
) -> Result<SavedSearch, StoreError> {
    let time = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| StoreError(format!("saved search time {t:?}: {e}")))
    };
    Ok(SavedSearch {
        id: Uuid::parse_str(&id).map_err(|e| StoreError(e.to_string()))?,
        name,
        query,
        created_at: time(&created)?,
        updated_at: time(&updated)?,
    })
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl SavedSearchStore for SqliteStore {
    fn list(&self, owner: &str) -> StoreFuture<'_, Vec<SavedSearch>> {
        let owner = owner.to_owned();
        self.run(move |c| {
            let mut stmt = c.prepare(
                "SELECT id, name, query, created_at, updated_at FROM saved_searches
                 WHERE owner = ?1 ORDER BY lower(name), created_at, id",
            )?;
            let rows = stmt.query_map(params![owner], row_to_search)?;
            rows.map(|r| to_search(r?)).collect()
        })
    }

    fn insert(&self, owner: &str, search: &SavedSearch, max: usize) -> StoreFuture<'_, bool> {
        let owner = owner.to_owned();
        let s = search.clone();
        self.run(move |c| {
            let tx = c.unchecked_transaction()?;
            let count: i64 = tx.query_row(
                "SELECT COUNT(*) FROM saved_searches WHERE owner = ?1",
                params![owner],
                |r| r.get(0),
            )?;
            if count as usize >= max {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO saved_searches (id, owner, name, query, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    s.id.to_string(),
                    owner,
                    s.name,
                    s.query,
                    stamp(s.created_at),
                    stamp(s.updated_at)
                ],
            )?;
            tx.commit()?;
            Ok(true)
        })
    }

    fn update(
        &self,
        owner: &str,
        id: Uuid,
        name: &str,
        query: &str,
        now: DateTime<Utc>,
    ) -> StoreFuture<'_, Option<SavedSearch>> {
        let (owner, name, query) = (owner.to_owned(), name.to_owned(), query.to_owned());
        self.run(move |c| {
            let row = c
                .query_row(
                    "UPDATE saved_searches SET name = ?3, query = ?4, updated_at = ?5
                     WHERE id = ?1 AND owner = ?2
                     RETURNING id, name, query, created_at, updated_at",
                    params![id.to_string(), owner, name, query, stamp(now)],
                    row_to_search,
                )
                .optional()?;
            row.map(to_search).transpose()
        })
    }

    fn delete(&self, owner: &str, id: Uuid) -> StoreFuture<'_, bool> {
        let owner = owner.to_owned();
        self.run(move |c| {
            let n = c.execute(
                "DELETE FROM saved_searches WHERE id = ?1 AND owner = ?2",
                params![id.to_string(), owner],
            )?;
            Ok(n > 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::SubsecRound;

    fn search(name: &str) -> SavedSearch {
        let now = Utc::now();
        SavedSearch {
            id: Uuid::from_u128(rand_u128()),
            name: name.into(),
            query: "/inbox?search=x".into(),
            created_at: now,
            updated_at: now,
        }
    }

    fn rand_u128() -> u128 {
        let mut b = [0u8; 16];
        getrandom::fill(&mut b).unwrap();
        u128::from_le_bytes(b)
    }

    #[tokio::test]
    async fn scoped_to_the_owner_and_capped() {
        let store = SqliteStore::in_memory().unwrap();
        let b = search("b");
        let a = search("A");
        assert!(store.insert("u1", &b, 2).await.unwrap());
        assert!(store.insert("u1", &a, 2).await.unwrap());
        assert!(!store.insert("u1", &search("c"), 2).await.unwrap());
        let names: Vec<_> = store
            .list("u1")
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["A", "b"]);
        assert!(store.list("u2").await.unwrap().is_empty());
        assert!(
            store
                .update("u2", a.id, "x", "/", Utc::now())
                .await
                .unwrap()
                .is_none()
        );
        assert!(!store.delete("u2", a.id).await.unwrap());
        let renamed = store
            .update("u1", a.id, "Z", "/inbox", Utc::now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(renamed.name, "Z");
        assert_eq!(renamed.created_at, a.created_at.trunc_subsecs(3));
        assert!(store.delete("u1", a.id).await.unwrap());
        assert_eq!(store.list("u1").await.unwrap().len(), 1);
    }
}
