//! Any address the portal does not know.

use leptos::prelude::*;

use crate::a11y::use_page_title;
use crate::i18n::{Key, use_i18n};
use crate::routes::Page;

/// "Page not found", with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Key::NotFoundHeading);
    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(Key::NotFoundHeading)}</h1>
            <p>{i18n.tr(Key::NotFoundBody)}</p>
            <p>
                <a href=Page::Start.href()>{i18n.tr(Key::GoHome)}</a>
            </p>
        </div>
    }
}
