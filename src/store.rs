//! The state that must survive between runs, in one SQLite file under
//! `[state] dir`: the send ledger (who got which edition), the suppression
//! list (unsubscribes and permanent bounces), and the collector's memory
//! (HTTP validators for conditional GET, when each article was first seen
//! and in which edition it went out).
//!
//! SQLite in WAL mode keeps every write atomic, so a run killed at any point
//! leaves the file consistent; a lock file keeps two sends from overlapping.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};

/// Why the state could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: another `digest send` is running on this state (it holds the lock); try again when it ends"
    )]
    Busy { path: PathBuf },
    #[error("state database {path}: {source}")]
    Sql {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

/// Where a message stands in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeliveryState {
    /// Known, not yet tried.
    Pending,
    /// Handed to the relay; no answer recorded yet.
    InFlight,
    /// Accepted by the relay (or written to the outbox).
    Sent,
    /// Refused for now (4xx, dropped connection); tried again next run.
    Deferred,
    /// Refused for good (5xx); not tried again.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::InFlight => "in_flight",
            DeliveryState::Sent => "sent",
            DeliveryState::Deferred => "deferred",
            DeliveryState::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Option<DeliveryState> {
        Some(match s {
            "pending" => DeliveryState::Pending,
            "in_flight" => DeliveryState::InFlight,
            "sent" => DeliveryState::Sent,
            "deferred" => DeliveryState::Deferred,
            "failed" => DeliveryState::Failed,
            _ => return None,
        })
    }
}

/// One change to the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerUpdate {
    pub edition: NaiveDate,
    pub list: String,
    pub email: String,
    pub state: DeliveryState,
    /// The reply or error text, for deferred and failed messages.
    pub error: Option<String>,
    /// SMTP transactions tried since the last update, added to the count.
    pub attempts: u32,
    /// When set, the address is also suppressed on every list, for this reason.
    pub suppress: Option<String>,
}

/// Counts per list and state, for `digest status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRow {
    pub list: String,
    pub state: DeliveryState,
    pub count: u64,
}

/// A message of an edition that is not (yet) sent, for `digest status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsent {
    pub list: String,
    pub email: String,
    pub state: DeliveryState,
    pub attempts: u32,
    pub last_error: String,
}

/// Holds the lock that makes one send the only writer of a state folder.
#[derive(Debug)]
pub struct StateLock {
    _file: File,
}

/// Takes the send lock of the state folder, or says who holds it.
pub fn lock_state(dir: &Path) -> Result<StateLock, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join("send.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(StateLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(StoreError::Busy { path }),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}

/// Opens `state.sqlite` in `dir` (creating the folder, the file and the
/// tables as needed), in WAL mode so readers and one writer never block
/// each other for long and a killed run leaves the file consistent.
fn connect(dir: &Path) -> Result<(Connection, PathBuf), StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join("state.sqlite");
    let sql = |source| StoreError::Sql {
        path: path.clone(),
        source,
    };
    let conn = Connection::open(&path).map_err(sql)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(sql)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         CREATE TABLE IF NOT EXISTS deliveries (
             edition    TEXT NOT NULL,
             list       TEXT NOT NULL,
             email      TEXT NOT NULL,
             state      TEXT NOT NULL,
             attempts   INTEGER NOT NULL DEFAULT 0,
             last_error TEXT,
             updated_at TEXT NOT NULL,
             PRIMARY KEY (edition, list, email)
         ) WITHOUT ROWID;
         CREATE TABLE IF NOT EXISTS suppressions (
             list       TEXT NOT NULL,
             email      TEXT NOT NULL,
             reason     TEXT NOT NULL,
             created_at TEXT NOT NULL,
             PRIMARY KEY (list, email)
         ) WITHOUT ROWID;
         CREATE TABLE IF NOT EXISTS http_cache (
             url           TEXT PRIMARY KEY,
             etag          TEXT,
             last_modified TEXT,
             body          BLOB NOT NULL,
             stored_at     TEXT NOT NULL
         ) WITHOUT ROWID;
         CREATE TABLE IF NOT EXISTS articles (
             key          TEXT PRIMARY KEY,
             first_seen   TEXT NOT NULL,
             sent_edition TEXT
         ) WITHOUT ROWID;",
    )
    .map_err(sql)?;
    Ok((conn, path))
}

/// The collector's memory between runs, shared by its concurrent fetches.
/// A failure to read or write it is logged and costs only the memory: the
/// run goes on as if the state were empty.
pub struct Memory {
    conn: std::sync::Mutex<Connection>,
    path: PathBuf,
}

impl Memory {
    /// Opens the state in `dir`.
    pub fn open(dir: &Path) -> Result<Memory, StoreError> {
        let (conn, path) = connect(dir)?;
        Ok(Memory {
            conn: std::sync::Mutex::new(conn),
            path,
        })
    }

    fn with<T>(
        &self,
        what: &str,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Option<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        match f(&mut conn) {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::warn!("state database {}: cannot {what}: {e}", self.path.display());
                None
            }
        }
    }

    /// Records that the articles with these keys went out in `edition`
    /// (the earliest edition is kept).
    pub fn mark_sent<'a>(&self, edition: NaiveDate, keys: impl IntoIterator<Item = &'a str>) {
        let now = Utc::now().to_rfc3339();
        let edition = edition.to_string();
        let keys: Vec<&str> = keys.into_iter().collect();
        self.with("record the sent articles", |conn| {
            let tx = conn.transaction()?;
            {
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO articles (key, first_seen, sent_edition) VALUES (?1, ?2, ?3)
                     ON CONFLICT(key) DO UPDATE SET sent_edition = excluded.sent_edition
                     WHERE sent_edition IS NULL OR sent_edition > excluded.sent_edition",
                )?;
                for key in &keys {
                    stmt.execute(params![key, now, edition])?;
                }
            }
            tx.commit()
        });
    }
}

impl crate::collect::History for Memory {
    fn first_seen(&self, keys: &[String], now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
        let stamp = now.to_rfc3339();
        self.with("record when articles were first seen", |conn| {
            let tx = conn.transaction()?;
            let mut earliest: Option<String> = None;
            {
                let mut get = tx.prepare_cached("SELECT first_seen FROM articles WHERE key = ?1")?;
                for key in keys {
                    if let Some(seen) = get
                        .query_row([key], |r| r.get::<_, String>(0))
                        .optional()?
                        && earliest.as_ref().is_none_or(|e| seen < *e)
                    {
                        earliest = Some(seen);
                    }
                }
                let first = earliest.clone().unwrap_or_else(|| stamp.clone());
                let mut put = tx.prepare_cached(
                    "INSERT INTO articles (key, first_seen) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING",
                )?;
                for key in keys {
                    put.execute(params![key, first])?;
                }
            }
            tx.commit()?;
            Ok(earliest)
        })
        .flatten()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
        .map_or(now, |t| t.with_timezone(&Utc))
    }

    fn sent_in(&self, keys: &[String]) -> Option<NaiveDate> {
        self.with("look up sent articles", |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT sent_edition FROM articles WHERE key = ?1 AND sent_edition IS NOT NULL",
            )?;
            let mut found = None;
            for key in keys {
                if let Some(e) = stmt
                    .query_row([key], |r| r.get::<_, String>(0))
                    .optional()?
                {
                    found = e.parse().ok();
                    break;
                }
            }
            Ok(found)
        })
        .flatten()
    }
}

impl crate::collect::fetch::HttpCache for Memory {
    fn get(&self, url: &str) -> Option<crate::collect::fetch::Cached> {
        self.with("read the HTTP cache", |conn| {
            conn.prepare_cached("SELECT etag, last_modified, body FROM http_cache WHERE url = ?1")?
                .query_row([url], |r| {
                    Ok(crate::collect::fetch::Cached {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        body: r.get(2)?,
                    })
                })
                .optional()
        })
        .flatten()
    }

    fn put(&self, url: &str, cached: &crate::collect::fetch::Cached) {
        self.with("write the HTTP cache", |conn| {
            conn.prepare_cached(
                "INSERT INTO http_cache (url, etag, last_modified, body, stored_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                 body = excluded.body, stored_at = excluded.stored_at",
            )?
            .execute(params![url, cached.etag, cached.last_modified, cached.body, Utc::now().to_rfc3339()])
        });
    }
}

/// The state database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) `state.sqlite` in `dir`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let (conn, path) = connect(dir)?;
        Ok(Store { conn, path })
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            source,
        }
    }

    /// The recorded state of every subscriber of `list` for an edition.
    pub fn delivery_states(
        &self,
        edition: NaiveDate,
        list: &str,
    ) -> Result<std::collections::HashMap<String, DeliveryState>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT email, state FROM deliveries WHERE edition = ?1 AND list = ?2")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![edition.to_string(), list], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.sql(e))?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (email, state) = row.map_err(|e| self.sql(e))?;
            if let Some(state) = DeliveryState::parse(&state) {
                out.insert(email, state);
            }
        }
        Ok(out)
    }

    /// The state of one message, if recorded.
    pub fn delivery_state(
        &self,
        edition: NaiveDate,
        list: &str,
        email: &str,
    ) -> Result<Option<DeliveryState>, StoreError> {
        self.conn
            .query_row(
                "SELECT state FROM deliveries WHERE edition = ?1 AND list = ?2 AND email = ?3",
                params![edition.to_string(), list, email],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map(|s| s.and_then(|s| DeliveryState::parse(&s)))
            .map_err(|e| self.sql(e))
    }

    /// Applies updates in one transaction: all of them or none reach the file.
    pub fn apply(&mut self, updates: &[LedgerUpdate]) -> Result<(), StoreError> {
        let now = Utc::now().to_rfc3339();
        let path = self.path.clone();
        let sql = |source| StoreError::Sql {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sql)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO deliveries (edition, list, email, state, attempts, last_error, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (edition, list, email) DO UPDATE SET
                         state = excluded.state,
                         attempts = attempts + excluded.attempts,
                         last_error = COALESCE(excluded.last_error, last_error),
                         updated_at = excluded.updated_at",
                )
                .map_err(sql)?;
            let mut suppress = tx
                .prepare_cached(
                    "INSERT INTO suppressions (list, email, reason, created_at) VALUES ('*', ?1, ?2, ?3)
                     ON CONFLICT (list, email) DO NOTHING",
                )
                .map_err(sql)?;
            for u in updates {
                if let Some(reason) = &u.suppress {
                    suppress
                        .execute(params![u.email.to_lowercase(), reason, now])
                        .map_err(sql)?;
                }
                stmt.execute(params![
                    u.edition.to_string(),
                    u.list,
                    u.email,
                    u.state.as_str(),
                    i64::from(u.attempts),
                    u.error,
                    now
                ])
                .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)
    }

    /// Counts per list and state for an edition.
    pub fn status(&self, edition: NaiveDate) -> Result<Vec<StatusRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT list, state, COUNT(*) FROM deliveries WHERE edition = ?1
                 GROUP BY list, state ORDER BY list, state",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![edition.to_string()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (list, state, count) = row.map_err(|e| self.sql(e))?;
            if let Some(state) = DeliveryState::parse(&state) {
                out.push(StatusRow {
                    list,
                    state,
                    count: count as u64,
                });
            }
        }
        Ok(out)
    }

    /// The last error recorded for messages of an edition that are not sent.
    pub fn problems(&self, edition: NaiveDate) -> Result<Vec<Unsent>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT list, email, state, attempts, COALESCE(last_error, '') FROM deliveries
                 WHERE edition = ?1 AND state IN ('deferred', 'failed', 'in_flight')
                 ORDER BY list, email",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![edition.to_string()], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get(4)?,
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (list, email, state, attempts, error): (String, String, String, i64, String) =
                row.map_err(|e| self.sql(e))?;
            if let Some(state) = DeliveryState::parse(&state) {
                out.push(Unsent {
                    list,
                    email,
                    state,
                    attempts: attempts as u32,
                    last_error: error,
                });
            }
        }
        Ok(out)
    }

    /// Records that `email` gets no more mail from `list` (`"*"`: from any list).
    pub fn suppress(&self, list: &str, email: &str, reason: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO suppressions (list, email, reason, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (list, email) DO NOTHING",
                params![list, email.to_lowercase(), reason, Utc::now().to_rfc3339()],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    /// Lifts a suppression of `email` on `list` (a reader subscribing again).
    /// Bounces suppressed on every list (`"*"`) stay.
    pub fn unsuppress(&self, list: &str, email: &str) -> Result<bool, StoreError> {
        self.conn
            .execute(
                "DELETE FROM suppressions WHERE list = ?1 AND email = ?2",
                params![list, email.to_lowercase()],
            )
            .map(|n| n > 0)
            .map_err(|e| self.sql(e))
    }

    /// Addresses that must not be mailed from `list`, lower-cased.
    pub fn suppressed(&self, list: &str) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT email FROM suppressions WHERE list = ?1 OR list = '*'")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![list], |r| r.get::<_, String>(0))
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(email: &str, state: DeliveryState) -> LedgerUpdate {
        LedgerUpdate {
            edition: "2026-11-27".parse().unwrap(),
            list: "europe".into(),
            email: email.into(),
            state,
            error: None,
            attempts: u32::from(state != DeliveryState::InFlight),
            suppress: None,
        }
    }

    #[test]
    fn ledger_records_attempts_and_final_state() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let d = "2026-11-27".parse().unwrap();
        store
            .apply(&[update("a@x.org", DeliveryState::InFlight)])
            .unwrap();
        store
            .apply(&[LedgerUpdate {
                error: Some("451 try later".into()),
                ..update("a@x.org", DeliveryState::Deferred)
            }])
            .unwrap();
        store
            .apply(&[update("a@x.org", DeliveryState::InFlight)])
            .unwrap();
        store
            .apply(&[update("a@x.org", DeliveryState::Sent)])
            .unwrap();
        assert_eq!(
            store.delivery_state(d, "europe", "a@x.org").unwrap(),
            Some(DeliveryState::Sent)
        );
        let problems = store.problems(d).unwrap();
        assert!(problems.is_empty());
        let status = store.status(d).unwrap();
        assert_eq!(
            status,
            vec![StatusRow {
                list: "europe".into(),
                state: DeliveryState::Sent,
                count: 1
            }]
        );
        let attempts: i64 = store
            .conn
            .query_row("SELECT attempts FROM deliveries", [], |r| r.get(0))
            .unwrap();
        assert_eq!(attempts, 2);
    }

    #[test]
    fn state_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        Store::open(dir.path())
            .unwrap()
            .apply(&[update("b@x.org", DeliveryState::Deferred)])
            .unwrap();
        let store = Store::open(dir.path()).unwrap();
        let states = store
            .delivery_states("2026-11-27".parse().unwrap(), "europe")
            .unwrap();
        assert_eq!(states.get("b@x.org"), Some(&DeliveryState::Deferred));
    }

    #[test]
    fn second_lock_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _held = lock_state(dir.path()).unwrap();
        assert!(matches!(
            lock_state(dir.path()),
            Err(StoreError::Busy { .. })
        ));
    }

    #[test]
    fn suppression_applies_per_list_and_everywhere() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.suppress("europe", "A@x.org", "unsubscribed").unwrap();
        store
            .suppress("*", "gone@x.org", "550 5.1.1 no such user")
            .unwrap();
        let s = store.suppressed("europe").unwrap();
        assert!(s.contains("a@x.org") && s.contains("gone@x.org"));
        let s = store.suppressed("economy").unwrap();
        assert!(!s.contains("a@x.org") && s.contains("gone@x.org"));
    }
}
