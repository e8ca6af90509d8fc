//! Challenges and their audit trail, in the same SQL database as the sessions.
//!
//! [`OtpStore`] is the seam for PostgreSQL (several server instances side by side). The SQL
//! is written to port: `BIGINT` unix milliseconds, `INSERT … ON CONFLICT DO NOTHING`,
//! `RETURNING`; the two read-modify-write operations run in one transaction each (in
//! PostgreSQL: `SELECT … FOR UPDATE` on the challenge row). Idempotency does not rely on a
//! check-then-insert: the `UNIQUE (staff_id, idempotency_key)` constraint decides which of
//! two parallel requests creates the challenge.

use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use uuid::Uuid;

use crate::store::{StoreError, StoreFuture};

/// Where a challenge is in its life (`expired` is written when a verification finds it so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredState {
    Pending,
    Verified,
    Locked,
    Expired,
    Superseded,
}

impl StoredState {
    fn as_str(self) -> &'static str {
        match self {
            StoredState::Pending => "pending",
            StoredState::Verified => "verified",
            StoredState::Locked => "locked",
            StoredState::Expired => "expired",
            StoredState::Superseded => "superseded",
        }
    }

    fn parse(s: &str) -> StoredState {
        match s {
            "verified" => StoredState::Verified,
            "locked" => StoredState::Locked,
            "expired" => StoredState::Expired,
            "superseded" => StoredState::Superseded,
            _ => StoredState::Pending,
        }
    }
}

/// The SMS order of a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderState {
    /// The order call is under way.
    Ordering,
    /// Notifications accepted it (201/200).
    Ordered,
    /// It failed for good (after the retries).
    Failed,
}

impl OrderState {
    fn as_str(self) -> &'static str {
        match self {
            OrderState::Ordering => "ordering",
            OrderState::Ordered => "ordered",
            OrderState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> OrderState {
        match s {
            "ordered" => OrderState::Ordered,
            "failed" => OrderState::Failed,
            _ => OrderState::Ordering,
        }
    }
}

/// One challenge row. Times are unix milliseconds.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredChallenge {
    pub id: Uuid,
    /// The staff user's pid.
    pub staff_id: String,
    pub staff_name: String,
    pub idempotency_key: String,
    /// E.164.
    pub phone_number: String,
    pub case_reference: Option<String>,
    pub language: String,
    /// HMAC-SHA256 of the code.
    pub code_mac: Vec<u8>,
    pub created_at: i64,
    pub expires_at: i64,
    pub state: StoredState,
    pub failed_attempts: u32,
    pub completed_at: Option<i64>,
    pub order: OrderState,
    pub shipment_id: Option<Uuid>,
    pub notification_order_id: Option<Uuid>,
}

impl std::fmt::Debug for StoredChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredChallenge")
            .field("id", &self.id)
            .field("phone_number", &super::phone::mask(&self.phone_number))
            .field("state", &self.state)
            .field("failed_attempts", &self.failed_attempts)
            .field("order", &self.order)
            .finish_non_exhaustive()
    }
}

/// Cooldown and rate limits applied when a challenge is created (milliseconds).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub cooldown_ms: i64,
    pub rate_limit: u32,
    pub window_ms: i64,
}

/// Which limit refused a new challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// A code went to this number less than the cooldown ago.
    Cooldown,
    /// Too many codes to this number in the window.
    Number,
    /// Too many codes from this staff user in the window.
    Staff,
}

#[derive(Debug)]
pub enum CreateOutcome {
    Created(StoredChallenge),
    /// The same staff user already used this idempotency key.
    Existing(StoredChallenge),
    Throttled {
        limit: Throttle,
        retry_after_ms: i64,
    },
}

/// What a verification did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyOutcome {
    Verified,
    WrongCode,
    /// This wrong code used the last attempt.
    NowLocked,
    AlreadyLocked,
    Expired,
    Used,
    Superseded,
}

/// Decides whether the submitted code matches the stored MAC (runs inside the transaction).
pub type CodeCheck = Box<dyn FnOnce(&[u8]) -> bool + Send>;

pub trait OtpStore: Send + Sync {
    /// The persisted server secret, created on first use (local mode without a configured one).
    fn secret_or_create(&self, fresh: String) -> Result<String, StoreError>;
    /// Creates `new` unless its idempotency key was used or a limit refuses it; a created
    /// challenge supersedes the pending ones for the same number.
    fn create(
        &self,
        new: StoredChallenge,
        limits: Limits,
        now: i64,
    ) -> StoreFuture<'_, CreateOutcome>;
    /// The staff user's challenge.
    fn challenge(&self, id: Uuid, staff_id: &str) -> StoreFuture<'_, Option<StoredChallenge>>;
    /// Records the outcome of the SMS order.
    fn set_order(
        &self,
        id: Uuid,
        order: OrderState,
        ids: Option<(Uuid, Uuid)>,
    ) -> StoreFuture<'_, ()>;
    /// One verification attempt, atomically: state checks, the comparison, the counters.
    fn verify(
        &self,
        id: Uuid,
        staff_id: &str,
        check: CodeCheck,
        max_attempts: u32,
        now: i64,
    ) -> StoreFuture<'_, Option<(VerifyOutcome, StoredChallenge)>>;
    /// The staff user's challenges, newest first.
    fn verifications(&self, staff_id: &str, limit: u32) -> StoreFuture<'_, Vec<StoredChallenge>>;
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS otp_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS otp_challenges (
    id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    case_reference TEXT,
    language TEXT NOT NULL,
    code_mac TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    completed_at BIGINT,
    order_state TEXT NOT NULL,
    shipment_id TEXT,
    notification_order_id TEXT,
    CONSTRAINT otp_challenges_idempotency UNIQUE (staff_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS otp_challenges_phone ON otp_challenges (phone_number, created_at);
CREATE INDEX IF NOT EXISTS otp_challenges_staff ON otp_challenges (staff_id, created_at);
";

const COLUMNS: &str = "id, staff_id, staff_name, idempotency_key, phone_number, case_reference, \
    language, code_mac, created_at, expires_at, state, failed_attempts, completed_at, \
    order_state, shipment_id, notification_order_id";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

fn uuid_col(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<Uuid>> {
    let text: Option<String> = row.get(i)?;
    Ok(text.and_then(|t| Uuid::parse_str(&t).ok()))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredChallenge> {
    Ok(StoredChallenge {
        id: uuid_col(row, 0)?.unwrap_or_default(),
        staff_id: row.get(1)?,
        staff_name: row.get(2)?,
        idempotency_key: row.get(3)?,
        phone_number: row.get(4)?,
        case_reference: row.get(5)?,
        language: row.get(6)?,
        code_mac: unhex(&row.get::<_, String>(7)?),
        created_at: row.get(8)?,
        expires_at: row.get(9)?,
        state: StoredState::parse(&row.get::<_, String>(10)?),
        failed_attempts: row.get(11)?,
        completed_at: row.get(12)?,
        order: OrderState::parse(&row.get::<_, String>(13)?),
        shipment_id: uuid_col(row, 14)?,
        notification_order_id: uuid_col(row, 15)?,
    })
}

fn select_by_id(c: &Connection, id: Uuid) -> Result<Option<StoredChallenge>, StoreError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM otp_challenges WHERE id = ?1"),
        params![id.to_string()],
        from_row,
    )
    .optional()?)
}

/// (count, oldest created_at) of challenges matching `column = value` since `since`.
fn window(
    c: &Connection,
    column: &str,
    value: &str,
    since: i64,
) -> Result<(u32, Option<i64>), StoreError> {
    Ok(c.query_row(
        &format!(
            "SELECT COUNT(*), MIN(created_at) FROM otp_challenges \
             WHERE {column} = ?1 AND created_at > ?2"
        ),
        params![value, since],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// SQLite (WAL) over the session store's connection.
#[derive(Clone)]
pub struct SqliteOtpStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteOtpStore {
    /// Creates the tables (if missing) on `conn`.
    pub fn new(conn: Arc<Mutex<Connection>>) -> Result<SqliteOtpStore, StoreError> {
        conn.lock()
            .map_err(|_| StoreError("poisoned lock".into()))?
            .execute_batch(SCHEMA)?;
        Ok(SqliteOtpStore { conn })
    }

    fn run<T, F>(&self, f: F) -> StoreFuture<'static, T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        crate::store::run_blocking(self.conn.clone(), f)
    }
}

impl OtpStore for SqliteOtpStore {
    fn secret_or_create(&self, fresh: String) -> Result<String, StoreError> {
        let c = self
            .conn
            .lock()
            .map_err(|_| StoreError("poisoned lock".into()))?;
        c.execute(
            "INSERT INTO otp_secrets (name, value) VALUES ('code-mac', ?1) \
             ON CONFLICT (name) DO NOTHING",
            params![fresh],
        )?;
        Ok(c.query_row(
            "SELECT value FROM otp_secrets WHERE name = 'code-mac'",
            [],
            |r| r.get(0),
        )?)
    }

    fn create(
        &self,
        new: StoredChallenge,
        limits: Limits,
        now: i64,
    ) -> StoreFuture<'_, CreateOutcome> {
        self.run(move |c| {
            let tx = rusqlite::Transaction::new_unchecked(c, TransactionBehavior::Immediate)?;
            let existing = tx
                .query_row(
                    &format!(
                        "SELECT {COLUMNS} FROM otp_challenges \
                         WHERE staff_id = ?1 AND idempotency_key = ?2"
                    ),
                    params![new.staff_id, new.idempotency_key],
                    from_row,
                )
                .optional()?;
            if let Some(existing) = existing {
                return Ok(CreateOutcome::Existing(existing));
            }
            // The cooldown ignores orders that failed: nothing (or nothing known) was sent.
            let last: Option<i64> = tx.query_row(
                "SELECT MAX(created_at) FROM otp_challenges \
                 WHERE phone_number = ?1 AND order_state <> 'failed'",
                params![new.phone_number],
                |r| r.get(0),
            )?;
            if let Some(last) = last
                && last + limits.cooldown_ms > now
            {
                return Ok(CreateOutcome::Throttled {
                    limit: Throttle::Cooldown,
                    retry_after_ms: last + limits.cooldown_ms - now,
                });
            }
            let since = now - limits.window_ms;
            for (limit, column, value) in [
                (Throttle::Number, "phone_number", &new.phone_number),
                (Throttle::Staff, "staff_id", &new.staff_id),
            ] {
                let (count, oldest) = window(&tx, column, value, since)?;
                if count >= limits.rate_limit {
                    let oldest = oldest.unwrap_or(now);
                    return Ok(CreateOutcome::Throttled {
                        limit,
                        retry_after_ms: oldest + limits.window_ms - now,
                    });
                }
            }
            let inserted = tx.execute(
                &format!(
                    "INSERT INTO otp_challenges ({COLUMNS}) VALUES \
                     (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) \
                     ON CONFLICT (staff_id, idempotency_key) DO NOTHING"
                ),
                params![
                    new.id.to_string(),
                    new.staff_id,
                    new.staff_name,
                    new.idempotency_key,
                    new.phone_number,
                    new.case_reference,
                    new.language,
                    hex(&new.code_mac),
                    new.created_at,
                    new.expires_at,
                    new.state.as_str(),
                    new.failed_attempts,
                    new.completed_at,
                    new.order.as_str(),
                    new.shipment_id.map(|u| u.to_string()),
                    new.notification_order_id.map(|u| u.to_string()),
                ],
            )?;
            if inserted == 0 {
                // Another instance won the race for this key (PostgreSQL): answer its challenge.
                drop(tx);
                let existing = c
                    .query_row(
                        &format!(
                            "SELECT {COLUMNS} FROM otp_challenges \
                             WHERE staff_id = ?1 AND idempotency_key = ?2"
                        ),
                        params![new.staff_id, new.idempotency_key],
                        from_row,
                    )
                    .optional()?
                    .ok_or_else(|| StoreError("idempotency conflict without a row".into()))?;
                return Ok(CreateOutcome::Existing(existing));
            }
            tx.execute(
                "UPDATE otp_challenges SET state = 'superseded', completed_at = ?1 \
                 WHERE phone_number = ?2 AND state = 'pending' AND id <> ?3",
                params![now, new.phone_number, new.id.to_string()],
            )?;
            tx.commit()?;
            Ok(CreateOutcome::Created(new))
        })
    }

    fn challenge(&self, id: Uuid, staff_id: &str) -> StoreFuture<'_, Option<StoredChallenge>> {
        let staff_id = staff_id.to_owned();
        self.run(move |c| Ok(select_by_id(c, id)?.filter(|ch| ch.staff_id == staff_id)))
    }

    fn set_order(
        &self,
        id: Uuid,
        order: OrderState,
        ids: Option<(Uuid, Uuid)>,
    ) -> StoreFuture<'_, ()> {
        self.run(move |c| {
            c.execute(
                "UPDATE otp_challenges SET order_state = ?1, shipment_id = ?2, \
                 notification_order_id = ?3 WHERE id = ?4",
                params![
                    order.as_str(),
                    ids.map(|(s, _)| s.to_string()),
                    ids.map(|(_, o)| o.to_string()),
                    id.to_string()
                ],
            )?;
            Ok(())
        })
    }

    fn verify(
        &self,
        id: Uuid,
        staff_id: &str,
        check: CodeCheck,
        max_attempts: u32,
        now: i64,
    ) -> StoreFuture<'_, Option<(VerifyOutcome, StoredChallenge)>> {
        let staff_id = staff_id.to_owned();
        self.run(move |c| {
            let tx = rusqlite::Transaction::new_unchecked(c, TransactionBehavior::Immediate)?;
            let Some(ch) = select_by_id(&tx, id)?.filter(|ch| ch.staff_id == staff_id) else {
                return Ok(None);
            };
            let finish = |state: StoredState, failed: u32| -> Result<(), StoreError> {
                tx.execute(
                    "UPDATE otp_challenges SET state = ?1, failed_attempts = ?2, \
                     completed_at = CASE WHEN ?1 = 'pending' THEN completed_at ELSE ?3 END \
                     WHERE id = ?4",
                    params![state.as_str(), failed, now, id.to_string()],
                )?;
                Ok(())
            };
            let outcome = match ch.state {
                StoredState::Verified => VerifyOutcome::Used,
                StoredState::Superseded => VerifyOutcome::Superseded,
                StoredState::Locked => VerifyOutcome::AlreadyLocked,
                StoredState::Expired => VerifyOutcome::Expired,
                StoredState::Pending if now >= ch.expires_at => {
                    finish(StoredState::Expired, ch.failed_attempts)?;
                    VerifyOutcome::Expired
                }
                StoredState::Pending if check(&ch.code_mac) => {
                    finish(StoredState::Verified, ch.failed_attempts)?;
                    VerifyOutcome::Verified
                }
                StoredState::Pending => {
                    let failed = ch.failed_attempts + 1;
                    if failed >= max_attempts {
                        finish(StoredState::Locked, failed)?;
                        VerifyOutcome::NowLocked
                    } else {
                        finish(StoredState::Pending, failed)?;
                        VerifyOutcome::WrongCode
                    }
                }
            };
            let after = select_by_id(&tx, id)?;
            tx.commit()?;
            Ok(after.map(|a| (outcome, a)))
        })
    }

    fn verifications(&self, staff_id: &str, limit: u32) -> StoreFuture<'_, Vec<StoredChallenge>> {
        let staff_id = staff_id.to_owned();
        self.run(move |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM otp_challenges WHERE staff_id = ?1 \
                 ORDER BY created_at DESC, id DESC LIMIT ?2"
            ))?;
            let rows = stmt
                .query_map(params![staff_id, limit], from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }
}
