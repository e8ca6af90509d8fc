//! One module per route. Pages own their data: they fetch, and hand plain values to
//! components.

pub mod demo_login;
pub mod dialog;
pub mod inbox;
pub mod login;
pub mod not_found;
pub mod saved_searches;
pub mod start;
pub mod verify_phone;

pub use demo_login::DemoLoginPage;
pub use dialog::DialogPage;
pub use inbox::InboxPage;
pub use login::{LoginErrorPage, LoginPage};
pub use not_found::NotFoundPage;
pub use saved_searches::SavedSearchesPage;
pub use start::StartPage;
pub use verify_phone::VerifyPhonePage;
