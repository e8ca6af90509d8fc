//! Which portal page a request belongs to, for the server's developer API log.
//!
//! The page is an opaque number that grows whenever the route changes. It starts at the
//! load time in milliseconds, so the pages of two loads of the app (a reload, another tab
//! of the same session) do not share numbers.
//! The router registers where the current route is read ([`follow_route`]); the number is
//! brought up to date when a request is built, so a request started by a new page carries
//! that page's number whatever order effects run in. [`completed`] counts finished
//! requests, so the API log can refresh when a call the user caused has been answered.
//! This module knows no views: it only reads the route through the registered function.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

/// The request header carrying the page number.
pub use portal_api::api_log::PAGE_HEADER;

struct State {
    route: Option<String>,
    source: Option<Rc<dyn Fn() -> String>>,
    page: ArcRwSignal<u64>,
    completed: ArcRwSignal<u64>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        route: None,
        source: None,
        page: ArcRwSignal::new(chrono::Utc::now().timestamp_millis().max(0) as u64),
        completed: ArcRwSignal::new(0),
    });
}

/// Registers the function that reads the current route; the page number grows each time
/// its answer changes.
pub fn follow_route(source: impl Fn() -> String + 'static) {
    STATE.with(|s| s.borrow_mut().source = Some(Rc::new(source)));
    sync();
}

/// Brings the page number up to date with the route; call it on route changes.
pub fn sync() {
    let source = STATE.with(|s| s.borrow().source.clone());
    let Some(source) = source else {
        return;
    };
    note_route(&source());
}

/// Counts a route: the page number grows when it differs from the last one seen.
pub fn note_route(route: &str) {
    let bumped = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.route.as_deref() == Some(route) {
            return None;
        }
        let first = s.route.is_none();
        s.route = Some(route.to_owned());
        (!first).then(|| s.page.clone())
    });
    if let Some(page) = bumped {
        page.update(|n| *n += 1);
    }
}

/// The current page number, brought up to date first (not tracked).
pub fn current() -> u64 {
    sync();
    STATE.with(|s| s.borrow().page.get_untracked())
}

/// The current page number (tracked: a view re-runs when it changes).
pub fn watch() -> u64 {
    let page = STATE.with(|s| s.borrow().page.clone());
    page.get()
}

/// How many requests have finished (tracked).
pub fn completed() -> u64 {
    let completed = STATE.with(|s| s.borrow().completed.clone());
    completed.get()
}

/// Notes that a request has finished.
pub(crate) fn note_completed() {
    let completed = STATE.with(|s| s.borrow().completed.clone());
    completed.update(|n| *n += 1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn the_page_grows_only_when_the_route_changes() {
        let route = Rc::new(RefCell::new("/inbox".to_owned()));
        let read = route.clone();
        follow_route(move || read.borrow().clone());
        let first = current();
        assert_eq!(current(), first);
        *route.borrow_mut() = "/inbox/1".to_owned();
        let second = current();
        assert_eq!(second, first + 1);
        assert_eq!(current(), second);
        // Back to an earlier route is a new page too.
        *route.borrow_mut() = "/inbox".to_owned();
        assert_eq!(current(), second + 1);
        note_route("/inbox");
        assert_eq!(current(), second + 1);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn finished_requests_are_counted() {
        let before = STATE.with(|s| s.borrow().completed.get_untracked());
        note_completed();
        note_completed();
        assert_eq!(
            STATE.with(|s| s.borrow().completed.get_untracked()),
            before + 2
        );
    }
}
