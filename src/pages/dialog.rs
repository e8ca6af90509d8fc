//! `/inbox/{id}?party=…`: one dialog. A first, read-only view (title, sender, status, date,
//! summary); actions, attachments, transmissions and embedded content come later.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::a11y::use_page_title_with;
use crate::api::ApiError;
use crate::api::dialogporten::get_dialog;
use crate::api::wire::Dialog;
use crate::components::ApiErrorNotice;
use crate::format::long_date;
use crate::i18n::{Key, Lang, use_i18n};
use crate::inbox_model::status_word;
use crate::routes::Page;
use crate::session::use_session;

/// What the page shows of a dialog, in one language.
#[derive(Clone, Debug, PartialEq)]
struct DialogView {
    title: String,
    sender: String,
    status: Key,
    status_class: &'static str,
    summary: Option<String>,
    updated: String,
    updated_iso: String,
}

impl DialogView {
    fn new(dialog: &Dialog, lang: Lang) -> Self {
        let code = lang.code();
        let content = &dialog.content;
        let (status, status_class) = status_word(&dialog.status);
        let local = dialog
            .content_updated_at
            .with_timezone(&Local)
            .naive_local();
        DialogView {
            title: content
                .title
                .best(code)
                .filter(|t| !t.trim().is_empty())
                .unwrap_or(lang.t(Key::Untitled))
                .to_owned(),
            sender: content
                .sender_name
                .as_ref()
                .and_then(|name| name.best(code))
                .map(str::to_owned)
                .unwrap_or_else(|| dialog.org.clone()),
            status,
            status_class,
            summary: content
                .summary
                .as_ref()
                .and_then(|s| s.best(code))
                .map(str::to_owned),
            updated: long_date(local, lang),
            updated_iso: dialog
                .content_updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }
}

/// One dialog.
#[component]
pub fn DialogPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();

    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let dialog: LocalResource<Result<Dialog, ApiError>> = LocalResource::new(move || {
        let (id, lang) = (id.get(), i18n.lang());
        async move {
            let result = get_dialog(&id, lang).await;
            if let Err(error) = &result {
                session.observe(error);
            }
            result
        }
    });
    let view_model = move || {
        let lang = i18n.lang();
        dialog.with(|answer| match answer {
            Some(Ok(dialog)) => Some(Ok(DialogView::new(dialog, lang))),
            Some(Err(error)) => Some(Err(error.clone())),
            None => None,
        })
    };
    let back_href = move || {
        Page::Inbox {
            party: query.with(|q| q.get("party")),
        }
        .href()
    };
    let heading = move || match view_model() {
        Some(Ok(view)) => view.title,
        _ => i18n.t(Key::DialogHeading).to_owned(),
    };

    use_page_title_with(heading);

    view! {
        <div class="page page--narrow dialog-page">
            <p>
                <a href=back_href>{move || i18n.t(Key::BackToInbox)}</a>
            </p>
            <h1 tabindex="-1">{heading}</h1>
            <div aria-busy=move || view_model().is_none().to_string()>
                {move || match view_model() {
                    None => view! { <p role="status">{move || i18n.t(Key::LoadingDialog)}</p> }.into_any(),
                    Some(Err(error)) => {
                        view! { <ApiErrorNotice error=error on_retry=Callback::new(move |_| dialog.refetch()) /> }
                            .into_any()
                    }
                    Some(Ok(view)) => {
                        view! {
                            <dl class="facts">
                                <dt>{move || i18n.t(Key::From)}</dt>
                                <dd>{view.sender}</dd>
                                <dt>{move || i18n.t(Key::Status)}</dt>
                                <dd>
                                    <span class=format!("status status--{}", view.status_class)>
                                        {move || i18n.t(view.status)}
                                    </span>
                                </dd>
                                <dt>{move || i18n.t(Key::Updated)}</dt>
                                <dd>
                                    <time datetime=view.updated_iso>{view.updated}</time>
                                </dd>
                            </dl>
                            {view
                                .summary
                                .map(|summary| {
                                    view! {
                                        <h2>{move || i18n.t(Key::Summary)}</h2>
                                        <p class="dialog-page__summary">{summary}</p>
                                    }
                                })}
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
