//! The portal: a Leptos single-page app (client-side rendered, WebAssembly) for Altinn's
//! inbox. It reaches Altinn only through our server's `/api/*`.
//!
//! Pure logic (translations, party ordering, dates, routes, row models) lives in modules
//! without Leptos so it is tested natively; views live in [`components`] and [`pages`].

pub mod a11y;
pub mod api;
pub mod app;
pub mod case;
pub mod components;
pub mod format;
pub mod i18n;
pub mod inbox_model;
pub mod inbox_search;
pub mod load;
pub mod otp_model;
pub mod pages;
pub mod party_tree;
pub mod routes;
pub mod session;
// Inbox list: month groups and search-match highlighting.
pub mod highlight;
pub mod month_groups;

pub use app::App;

// Unit tests run natively (`cargo test`) and in headless Chromium (`--target wasm32-…`).
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Starts the app in the page's `<body>`.
pub fn run() {
    // Debug builds print a panic's message to the console. The release build aborts at
    // once without formatting one (see build-web in the Makefile), so no hook there.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
