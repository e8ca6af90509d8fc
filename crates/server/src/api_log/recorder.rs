//! The in-memory store of the API log: per session, the last [`MAX_ENTRIES`] calls (and at
//! most [`MAX_BYTES`] of them), for at most [`MAX_SESSIONS`] sessions. A session's log is
//! dropped at logout, at a new login, and after it has been idle for the session lifetime.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use portal_api::api_log::ApiLogEntry;

/// Entries kept per session.
pub const MAX_ENTRIES: usize = 200;
/// Bytes (URLs and problem bodies, roughly) kept per session.
pub const MAX_BYTES: usize = 256 * 1024;
/// Sessions with a log; the least recently used one goes first.
pub const MAX_SESSIONS: usize = 256;
/// How often idle logs are looked for.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The API log of every session, in memory.
pub struct Recorder {
    enabled: bool,
    idle_ttl: Duration,
    inner: Mutex<Inner>,
}

struct Inner {
    sessions: HashMap<String, SessionLog>,
    last_sweep: Instant,
}

struct SessionLog {
    entries: VecDeque<ApiLogEntry>,
    bytes: usize,
    next_seq: u64,
    last_used: Instant,
}

fn size_of(entry: &ApiLogEntry) -> usize {
    128 + entry.url.len() + entry.method.len() + entry.problem.as_ref().map_or(0, String::len)
}

impl Recorder {
    /// A recorder; `enabled` is `PORTAL_API_LOG`, `idle_ttl` the longest session.
    pub fn new(enabled: bool, idle_ttl: Duration) -> Recorder {
        Recorder {
            enabled,
            idle_ttl,
            inner: Mutex::new(Inner {
                sessions: HashMap::new(),
                last_sweep: Instant::now(),
            }),
        }
    }

    /// Whether the log is kept and served.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves consistent data (every change is one step).
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a call to a session's log (its `seq` is set here); nothing when disabled.
    pub fn record(&self, session_key: &str, mut entry: ApiLogEntry) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let mut inner = self.lock();
        if now.duration_since(inner.last_sweep) >= SWEEP_EVERY.min(self.idle_ttl) {
            let ttl = self.idle_ttl;
            inner
                .sessions
                .retain(|_, log| now.duration_since(log.last_used) < ttl);
            inner.last_sweep = now;
        }
        if !inner.sessions.contains_key(session_key) && inner.sessions.len() >= MAX_SESSIONS {
            let oldest = inner
                .sessions
                .iter()
                .min_by_key(|(_, log)| log.last_used)
                .map(|(key, _)| key.clone());
            if let Some(key) = oldest {
                inner.sessions.remove(&key);
            }
        }
        let log = inner
            .sessions
            .entry(session_key.to_owned())
            .or_insert_with(|| SessionLog {
                entries: VecDeque::new(),
                bytes: 0,
                next_seq: 1,
                last_used: now,
            });
        entry.seq = log.next_seq;
        log.next_seq += 1;
        log.last_used = now;
        log.bytes += size_of(&entry);
        log.entries.push_back(entry);
        while log.entries.len() > MAX_ENTRIES || (log.bytes > MAX_BYTES && log.entries.len() > 1) {
            if let Some(old) = log.entries.pop_front() {
                log.bytes -= size_of(&old);
            }
        }
    }

    /// A session's calls, newest first; only those of `page` when given.
    pub fn entries(&self, session_key: &str, page: Option<u64>) -> Vec<ApiLogEntry> {
        let inner = self.lock();
        let Some(log) = inner.sessions.get(session_key) else {
            return Vec::new();
        };
        log.entries
            .iter()
            .rev()
            .filter(|e| page.is_none() || e.page == page)
            .cloned()
            .collect()
    }

    /// Drops a session's log (logout, new login).
    pub fn forget(&self, session_key: &str) {
        self.lock().sessions.remove(session_key);
    }

    /// Sessions with a log (tests and diagnostics).
    pub fn session_count(&self) -> usize {
        self.lock().sessions.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::api_log::Upstream;

    fn entry(page: Option<u64>, path: &str) -> ApiLogEntry {
        ApiLogEntry {
            seq: 0,
            page,
            at: chrono::Utc::now(),
            upstream: Upstream::Dialogporten,
            method: "GET".into(),
            url: format!("https://dp.example/{path}"),
            status: Some(200),
            failure: None,
            duration_ms: 3,
            problem: None,
            problem_truncated: false,
        }
    }

    fn hour() -> Duration {
        Duration::from_secs(3600)
    }

    #[test]
    fn keeps_the_last_entries_of_a_session() {
        let r = Recorder::new(true, hour());
        for i in 0..(MAX_ENTRIES + 25) {
            r.record("s1", entry(Some(1), &i.to_string()));
        }
        let all = r.entries("s1", None);
        assert_eq!(all.len(), MAX_ENTRIES);
        // Newest first, numbered in order; the first 25 are gone.
        assert_eq!(
            all[0].url,
            format!("https://dp.example/{}", MAX_ENTRIES + 24)
        );
        assert_eq!(all[0].seq, (MAX_ENTRIES + 25) as u64);
        assert_eq!(all.last().unwrap().url, "https://dp.example/25");
        assert!(all.windows(2).all(|w| w[0].seq == w[1].seq + 1));
    }

    #[test]
    fn keeps_at_most_max_bytes_per_session() {
        let r = Recorder::new(true, hour());
        let mut big = entry(Some(1), "big");
        big.problem = Some("p".repeat(4096));
        for _ in 0..MAX_ENTRIES {
            r.record("s1", big.clone());
        }
        let kept = r.entries("s1", None);
        let bytes: usize = kept.iter().map(size_of).sum();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert!(kept.len() < MAX_ENTRIES && !kept.is_empty());
    }

    #[test]
    fn filters_by_page() {
        let r = Recorder::new(true, hour());
        r.record("s1", entry(Some(1), "a"));
        r.record("s1", entry(Some(2), "b"));
        r.record("s1", entry(None, "c"));
        r.record("s1", entry(Some(2), "d"));
        let urls = |page| {
            r.entries("s1", page)
                .into_iter()
                .map(|e| e.url.rsplit('/').next().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(urls(Some(2)), ["d", "b"]);
        assert_eq!(urls(Some(1)), ["a"]);
        assert!(urls(Some(3)).is_empty());
        assert_eq!(urls(None), ["d", "c", "b", "a"]);
    }

    #[test]
    fn sessions_are_isolated_and_forgotten() {
        let r = Recorder::new(true, hour());
        r.record("s1", entry(Some(1), "mine"));
        r.record("s2", entry(Some(1), "theirs"));
        assert_eq!(r.entries("s1", None).len(), 1);
        assert_eq!(r.entries("s1", None)[0].url, "https://dp.example/mine");
        assert_eq!(r.entries("s2", None)[0].url, "https://dp.example/theirs");
        assert!(r.entries("s3", None).is_empty());
        r.forget("s1");
        assert!(r.entries("s1", None).is_empty());
        assert_eq!(r.entries("s2", None).len(), 1);
    }

    #[test]
    fn idle_sessions_are_dropped() {
        let r = Recorder::new(true, Duration::ZERO);
        r.record("old", entry(None, "a"));
        r.record("new", entry(None, "b"));
        assert!(r.entries("old", None).is_empty());
        assert_eq!(r.session_count(), 1);
    }

    #[test]
    fn the_number_of_sessions_is_bounded() {
        let r = Recorder::new(true, hour());
        for i in 0..(MAX_SESSIONS + 10) {
            r.record(&format!("s{i}"), entry(None, "a"));
        }
        assert_eq!(r.session_count(), MAX_SESSIONS);
        assert!(r.entries(&format!("s{}", MAX_SESSIONS + 9), None).len() == 1);
    }

    #[test]
    fn a_disabled_recorder_keeps_nothing() {
        let r = Recorder::new(false, hour());
        r.record("s1", entry(None, "a"));
        assert!(r.entries("s1", None).is_empty());
        assert_eq!(r.session_count(), 0);
    }
}
