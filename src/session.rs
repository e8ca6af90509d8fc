//! Whether someone is logged in, shared through context.
//!
//! Loaded once at start; a 401 from any API call marks the session as ended, so the header
//! offers "Log in" again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiError, session as api};
use crate::i18n::Lang;

/// What the portal knows about the session.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionStatus {
    /// Still asking the server.
    Unknown,
    LoggedOut,
    LoggedIn {
        name: String,
        /// Service desk staff (the server decides who counts).
        is_staff: bool,
        /// The user's own party (`urn:altinn:person:identifier-no:…`) when the session has
        /// a national identity number: the inbox searches it without waiting for the list
        /// of parties.
        party: Option<String>,
    },
}

/// The session context.
#[derive(Clone, Copy, Debug)]
pub struct SessionState {
    status: RwSignal<SessionStatus>,
    /// Whether the server offers the developer API log to this session.
    api_log: RwSignal<bool>,
    /// Whether the server offers demo login (the test token generator).
    demo_login: RwSignal<bool>,
    /// Whether the server offers "Log in" with OpenID Connect (ID-porten).
    oidc_login: RwSignal<bool>,
}

impl SessionState {
    /// A session context with a known status (tests, and [`provide_session`]).
    pub fn new(status: SessionStatus) -> Self {
        Self {
            status: RwSignal::new(status),
            api_log: RwSignal::new(false),
            demo_login: RwSignal::new(false),
            oidc_login: RwSignal::new(true),
        }
    }

    /// The current status (tracked).
    pub fn status(&self) -> SessionStatus {
        self.status.get()
    }

    /// True once the server has confirmed a session (tracked).
    pub fn is_logged_in(&self) -> bool {
        self.status
            .with(|s| matches!(s, SessionStatus::LoggedIn { .. }))
    }

    /// True once the server has confirmed a session of a staff user (tracked).
    pub fn is_staff(&self) -> bool {
        self.status
            .with(|s| matches!(s, SessionStatus::LoggedIn { is_staff: true, .. }))
    }

    /// The user's own party, once the server has confirmed a session that has one (tracked).
    pub fn own_party(&self) -> Option<String> {
        self.status.with(|s| match s {
            SessionStatus::LoggedIn { party, .. } => party.clone(),
            _ => None,
        })
    }

    /// True when logged in and the server offers the developer API log (tracked).
    pub fn api_log_available(&self) -> bool {
        self.is_logged_in() && self.api_log.get()
    }

    /// Sets whether the server offers the developer API log (tests, and [`Self::refresh`]).
    pub fn set_api_log_available(&self, available: bool) {
        self.api_log.set(available);
    }

    /// Whether the server offers demo login (tracked).
    pub fn demo_login_available(&self) -> bool {
        self.demo_login.get()
    }

    /// Whether the server offers "Log in" with OpenID Connect (tracked); without it only
    /// demo login is offered.
    pub fn oidc_login_available(&self) -> bool {
        self.oidc_login.get()
    }

    /// Notes that an API call found no session.
    pub fn ended(&self) {
        self.status.set(SessionStatus::LoggedOut);
    }

    /// Lets the error of an API call update the session (a 401 ends it).
    pub fn observe(&self, error: &ApiError) {
        if matches!(error, ApiError::Unauthorized) {
            self.ended();
        }
    }

    /// Asks the server about the session. A failure leaves the portal logged out: every
    /// page that needs a session reports its own errors.
    pub fn refresh(&self, lang: Lang) {
        let status = self.status;
        let api_log = self.api_log;
        let demo_login = self.demo_login;
        let oidc_login = self.oidc_login;
        spawn_local(async move {
            let next = match api::get_session(lang).await {
                Ok(session) => {
                    demo_login.set(session.demo_login);
                    oidc_login.set(session.oidc_login);
                    api_log.set(session.authenticated && session.api_log);
                    session_status(session)
                }
                Err(_) => SessionStatus::LoggedOut,
            };
            status.set(next);
        });
    }

    /// Logs out on the server, then forgets the session here whatever the answer. `Ok`
    /// holds where to go next: the identity provider's logout (an absolute URL) or a path.
    pub async fn log_out(&self, lang: Lang) -> Result<String, ApiError> {
        let result = api::logout(lang).await;
        self.status.set(SessionStatus::LoggedOut);
        result.map(|answer| answer.redirect)
    }
}

/// What the portal shows for the server's session. Sessions without a name (a demo login
/// whose party list could not be read) show the national identity number.
pub fn session_status(session: api::Session) -> SessionStatus {
    if !session.authenticated {
        return SessionStatus::LoggedOut;
    }
    let pid = session.pid.filter(|pid| !pid.trim().is_empty());
    SessionStatus::LoggedIn {
        party: pid
            .as_ref()
            .map(|pid| format!("{}{pid}", altinn::party::PERSON_IDENTIFIER_NO)),
        name: session
            .name
            .filter(|n| !n.trim().is_empty())
            .or(pid)
            .unwrap_or_default(),
        is_staff: session.is_staff,
    }
}

/// Provides the session context and starts asking the server about it.
pub fn provide_session(lang: Lang) -> SessionState {
    let state = SessionState::new(SessionStatus::Unknown);
    provide_context(state);
    state.refresh(lang);
    state
}

/// The session context; panics outside [`provide_session`] (a programming error).
pub fn use_session() -> SessionState {
    expect_context::<SessionState>()
}
