//! Reusable pieces of the user interface. Each takes documented props and knows no fetching.

pub mod api_log;
pub mod details;
pub mod dialog_list;
pub mod error_notice;
pub mod header;
pub mod inbox_filters;
pub mod inbox_list_parts;
pub mod language_picker;
pub mod party_picker;
pub mod phone_verification;
pub mod verification_log;
// The WAI-ARIA menu button (row menus, "More actions").
pub mod menu_button;

pub use dialog_list::DialogList;
pub use error_notice::ApiErrorNotice;
pub use header::SiteHeader;
pub use language_picker::LanguagePicker;
pub use party_picker::PartyPicker;
pub use phone_verification::PhoneVerification;
pub use verification_log::VerificationLogList;
