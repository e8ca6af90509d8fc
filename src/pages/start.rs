//! The start page: a welcome for visitors; logged-in users go straight on to the inbox.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::login::LoginErrorMessage;
use crate::a11y::use_page_title;
use crate::i18n::{Key, use_i18n};
use crate::routes::Page;
use crate::session::{SessionStatus, use_session};

/// `/`: welcome, or on to the inbox. Shows `?loginError=` when the login failed.
#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(Key::StartHeading);

    let inbox_href = Page::Inbox { party: None }.href();
    let login_error = move || query.with(|q| q.get("loginError"));
    Effect::new(move |_| {
        if session.is_logged_in() && login_error().is_none() {
            navigate(
                &Page::Inbox { party: None }.href(),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });

    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(Key::StartHeading)}</h1>
            {move || login_error().map(|reason| view! { <LoginErrorMessage reason=reason /> })}
            <p class="lead">{i18n.tr(Key::StartIntro)}</p>
            {move || match session.status() {
                SessionStatus::LoggedIn { .. } => view! {
                    <p>
                        <a href=inbox_href.clone()>{i18n.tr(Key::GoToInbox)}</a>
                    </p>
                }
                .into_any(),
                SessionStatus::LoggedOut => view! {
                    <p>{i18n.tr(Key::StartLoginHint)}</p>
                    <Show when=move || session.demo_login_available()>
                        <p>
                            <a href=Page::DemoLogin.href()>{i18n.tr(Key::DemoLoginLink)}</a>
                        </p>
                    </Show>
                }
                .into_any(),
                SessionStatus::Unknown => ().into_any(),
            }}
        </div>
    }
}
