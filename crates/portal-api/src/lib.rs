//! The JSON contract between the portal (browser, wasm) and the portal server (`/api/*`).
//!
//! Altinn's own API shapes live in the `altinn` crate; this crate holds only what *our*
//! server answers. Both sides compile against these types, so a change on one side that
//! the other does not follow fails to build instead of failing in a browser.

pub mod api_log;
pub mod auth;
pub mod content;
pub mod otp;
pub mod saved_search;
