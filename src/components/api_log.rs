//! The developer "API log": a toggle button ("API log") and a panel listing the calls the
//! server made to Altinn for the current page (method, masked URL, status, duration, and
//! an error's ProblemDetails behind a disclosure), newest first.
//!
//! Shown only when the server offers the log (`apiLog` in `/api/session`). The open state
//! lives in a context ([`provide_api_log`]) above the routes, so it survives navigation;
//! the list follows the page number of [`crate::api::page`]. While open, the panel reads
//! the log again when the page changes or another request has finished (its own reads do
//! not count), one read at a time; closed, it reads nothing.
//!
//! Reading and drawing the log are code only developers need: the release build fetches
//! them as a module of their own the first time the panel opens (`#[lazy]`, see
//! `lazy_page!` in app.rs).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::api::ApiError;
use crate::api::api_log::{ApiLog, ApiLogEntry, Failure, Upstream, get_api_log};
use crate::api::page;
use crate::i18n::{Key, Lang, use_i18n};
use crate::session::use_session;

/// The panel's element id (the toggle's `aria-controls`).
pub const PANEL_ID: &str = "api-log";
const HEADING_ID: &str = "api-log-heading";

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    /// Nothing read yet for the current page.
    Loading,
    Loaded {
        page: u64,
        entries: Vec<ApiLogEntry>,
    },
    Failed(ApiError),
}

/// The API log's state, shared by the toggle and the panel.
#[derive(Clone, Copy)]
pub struct ApiLogState {
    open: RwSignal<bool>,
    shown: RwSignal<Shown>,
    reading: StoredValue<bool>,
    again: StoredValue<bool>,
}

/// Provides the API log's state and keeps the open panel up to date.
pub fn provide_api_log() -> ApiLogState {
    let state = ApiLogState {
        open: RwSignal::new(false),
        shown: RwSignal::new(Shown::Loading),
        reading: StoredValue::new(false),
        again: StoredValue::new(false),
    };
    provide_context(state);
    let session = use_session();
    let i18n = use_i18n();
    Effect::new(move |_| {
        if !(state.open.get() && session.api_log_available()) {
            return;
        }
        page::watch();
        page::completed();
        state.read(i18n.lang_signal().get_untracked());
    });
    state
}

impl ApiLogState {
    /// Reads the current page's log; while a read is under way, one more follows it.
    fn read(self, lang: Lang) {
        if self.reading.get_value() {
            self.again.set_value(true);
            return;
        }
        self.reading.set_value(true);
        let session = use_session();
        spawn_local(async move {
            loop {
                self.again.set_value(false);
                let page = page::current();
                let shown = match read_log(page, lang).await {
                    Ok(log) => Shown::Loaded {
                        page,
                        entries: log.entries,
                    },
                    Err(error) => {
                        session.observe(&error);
                        Shown::Failed(error)
                    }
                };
                self.shown.set(shown);
                if !self.again.get_value() {
                    break;
                }
            }
            self.reading.set_value(false);
        });
    }
}

/// The "API log" button (a disclosure for the panel), when the server offers the log.
#[component]
pub fn ApiLogToggle() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Without the provider (a view mounted on its own) there is no log to toggle.
    let Some(state) = use_context::<ApiLogState>() else {
        return ().into_any();
    };
    view! {
        <Show when=move || session.api_log_available()>
            <button
                type="button"
                class="button api-log-toggle"
                aria-expanded=move || state.open.get().to_string()
                aria-controls=PANEL_ID
                on:click=move |_| state.open.update(|open| *open = !*open)
            >
                {i18n.tr(Key::ApiLog)}
            </button>
        </Show>
    }
    .into_any()
}

/// The panel: a region labelled "API log" with the current page's calls.
#[component]
pub fn ApiLogPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let Some(state) = use_context::<ApiLogState>() else {
        return ().into_any();
    };
    let visible = move || state.open.get() && session.api_log_available();
    let body = move || {
        let lang = i18n.lang();
        let current = page::watch();
        match state.shown.get() {
            Shown::Loaded { page, entries } if page == current => {
                if entries.is_empty() {
                    view! { <p class="api-log__note">{lang.t(Key::ApiLogEmpty)}</p> }.into_any()
                } else {
                    Suspend::new(list_view(entries, lang)).into_any()
                }
            }
            Shown::Failed(_) => {
                view! { <p class="api-log__note" role="status">{lang.t(Key::ApiLogFailed)}</p> }
                    .into_any()
            }
            Shown::Loaded { .. } | Shown::Loading => {
                view! { <p class="api-log__note">{lang.t(Key::ApiLogLoading)}</p> }.into_any()
            }
        }
    };
    // The element stays (hidden) so that the toggle's aria-controls always names it.
    view! {
        <section
            id=PANEL_ID
            class="api-log"
            aria-labelledby=HEADING_ID
            hidden=move || !visible()
        >
            <div class="api-log__inner">
                <h2 id=HEADING_ID class="api-log__heading">{i18n.tr(Key::ApiLog)}</h2>
                <p class="api-log__intro">{i18n.tr(Key::ApiLogIntro)}</p>
                {move || visible().then(body)}
            </div>
        </section>
    }
    .into_any()
}

/// The log of `page`, read by code fetched on first use.
#[cfg_attr(
    portal_split,
    leptos::wasm_split::wasm_split(
        api_log_fetch,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn fetch_log(page: u64, lang: Lang) -> Result<LogFuture, SplitLoaderError> {
    Ok(Box::pin(get_api_log(page, lang)))
}

type LogFuture = Pin<Box<dyn Future<Output = Result<ApiLog, ApiError>>>>;

async fn read_log(page: u64, lang: Lang) -> Result<ApiLog, ApiError> {
    #[cfg(portal_split)]
    let read = fetch_log(page, lang).await;
    #[cfg(not(portal_split))]
    let read = fetch_log(page, lang);
    match read {
        Ok(read) => read.await,
        // The module did not arrive: told as the log's own failure ("could not be read").
        Err(_) => Err(ApiError::Network(
            "the API log's module did not load".into(),
        )),
    }
}

/// The entries as a list, drawn by code fetched on first use.
#[cfg_attr(
    portal_split,
    leptos::wasm_split::wasm_split(
        api_log_draw,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn draw_list(entries: Vec<ApiLogEntry>, lang: Lang) -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <ol class="api-log__list" aria-labelledby=HEADING_ID tabindex="0">
            {entries.iter().map(|e| entry_view(e, lang)).collect_view()}
        </ol>
    }
    .into_any())
}

async fn list_view(entries: Vec<ApiLogEntry>, lang: Lang) -> AnyView {
    #[cfg(portal_split)]
    let view = draw_list(entries, lang).await;
    #[cfg(not(portal_split))]
    let view = draw_list(entries, lang);
    view.unwrap_or_else(|_| {
        view! { <p class="api-log__note" role="status">{lang.t(Key::ApiLogFailed)}</p> }.into_any()
    })
}

fn entry_view(entry: &ApiLogEntry, lang: Lang) -> impl IntoView + use<> {
    let error = entry.is_error();
    let class = if error {
        "api-log__entry api-log__entry--error"
    } else {
        "api-log__entry"
    };
    let problem = entry.problem.clone().map(|text| {
        view! { <ProblemDisclosure seq=entry.seq text=text cut=entry.problem_truncated /> }
    });
    view! {
        <li class=class>
            <p class="api-log__line">
                <span class="api-log__method">{entry.method.clone()}</span>
                " "
                <span class="api-log__outcome">{outcome_text(entry, lang)}</span>
                " "
                <span class="api-log__duration">
                    {lang.tf(Key::ApiLogDuration, &[("ms", &entry.duration_ms.to_string())])}
                </span>
                " "
                <span class="api-log__upstream">{lang.t(upstream_key(entry.upstream))}</span>
            </p>
            <p class="api-log__url">
                <code>{entry.url.clone()}</code>
            </p>
            {problem}
        </li>
    }
}

/// An error answer's body behind a button (a disclosure), closed at first.
#[component]
fn ProblemDisclosure(seq: u64, text: String, cut: bool) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let id = format!("api-log-problem-{seq}");
    view! {
        <div class="api-log__problem">
            <button
                type="button"
                class="api-log__problem-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {i18n.tr(Key::ApiLogProblem)}
            </button>
            <div id=id hidden=move || !open.get()>
                <pre>{text}</pre>
                {cut.then(|| view! { <p class="api-log__cut">{i18n.tr(Key::ApiLogProblemCut)}</p> })}
            </div>
        </div>
    }
}

/// "HTTP 404", or why there was no answer.
fn outcome_text(entry: &ApiLogEntry, lang: Lang) -> String {
    match (entry.status, entry.failure) {
        (_, Some(Failure::Timeout)) => lang.t(Key::ApiLogTimeout).to_owned(),
        (_, Some(Failure::Connection)) | (None, None) => lang.t(Key::ApiLogNoConnection).to_owned(),
        (Some(status), None) => lang.tf(Key::ApiLogStatus, &[("status", &status.to_string())]),
    }
}

fn upstream_key(upstream: Upstream) -> Key {
    match upstream {
        Upstream::Dialogporten => Key::ApiLogDialogporten,
        Upstream::Notifications => Key::ApiLogNotifications,
        Upstream::ServiceOwner => Key::ApiLogServiceOwner,
        Upstream::Token => Key::ApiLogToken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn entry(status: Option<u16>, failure: Option<Failure>) -> ApiLogEntry {
        ApiLogEntry {
            seq: 1,
            page: Some(1),
            at: chrono::Utc::now(),
            upstream: Upstream::Dialogporten,
            method: "GET".into(),
            url: "https://dp.example/api/v1/enduser/dialogs".into(),
            status,
            failure,
            duration_ms: 12,
            problem: None,
            problem_truncated: false,
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn outcomes_are_told_apart() {
        assert_eq!(outcome_text(&entry(Some(200), None), Lang::En), "HTTP 200");
        assert_eq!(outcome_text(&entry(Some(410), None), Lang::Nb), "HTTP 410");
        assert_eq!(
            outcome_text(&entry(None, Some(Failure::Timeout)), Lang::En),
            "Timed out"
        );
        assert_eq!(
            outcome_text(&entry(None, Some(Failure::Connection)), Lang::En),
            "No connection"
        );
        assert!(!entry(Some(200), None).is_error());
        assert!(entry(Some(404), None).is_error());
        assert!(entry(None, Some(Failure::Timeout)).is_error());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_upstream_has_a_name() {
        for upstream in [
            Upstream::Dialogporten,
            Upstream::Notifications,
            Upstream::ServiceOwner,
            Upstream::Token,
        ] {
            assert!(!Lang::En.t(upstream_key(upstream)).is_empty());
        }
    }
}
