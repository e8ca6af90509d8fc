//! The dialog's GUI actions (links and buttons by priority, a "More actions" menu, a
//! confirmation for prompts, unauthorised ones disabled with the reason) and its API actions
//! in a collapsed "For developers" section.

use altinn::{BestMatch, DialogApiAction, DialogGuiAction};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::confirm::{ConfirmDialog, ConfirmRequest};
use super::model::{ActionKind, action_kind, arrange_actions, priority_class};
use super::{DetailsStatus, Notice};
use crate::api::actions::perform_gui_action;
use crate::components::menu_button;
use crate::i18n::{DialogKey, Key, Lang, use_i18n};

fn title_of(action: &DialogGuiAction, lang: Lang) -> String {
    action
        .title
        .best_match(lang.code())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(action.action.as_str())
        .to_owned()
}

/// The GUI actions of a dialog.
#[component]
pub fn GuiActions(
    /// The dialog's id.
    dialog_id: String,
    /// Every GUI action of the dialog.
    actions: Vec<DialogGuiAction>,
    /// Whether the dialog is in the bin (delete actions show only there).
    #[prop(into)]
    in_bin: Signal<bool>,
    /// Called after an action that deleted the dialog succeeded.
    on_deleted: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = expect_context::<DetailsStatus>();
    let pending = RwSignal::new(None::<DialogGuiAction>);
    let busy = RwSignal::new(false);
    let dialog_id = StoredValue::new(dialog_id);
    let arranged = Memo::new(move |_| arrange_actions(&actions, in_bin.get()));

    let perform = move |action: DialogGuiAction| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let lang = i18n.lang_signal().get_untracked();
        let title = title_of(&action, lang);
        status.show(Notice::info(
            lang.tf(DialogKey::ActionWorking, &[("action", &title)]),
        ));
        let id = dialog_id.get_value();
        spawn_local(async move {
            let result = perform_gui_action(&id, &action.id.to_string(), lang).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    status.show(Notice::info(
                        lang.tf(DialogKey::ActionDone, &[("action", &title)]),
                    ));
                    if action.is_delete_dialog_action {
                        on_deleted.run(());
                    }
                }
                Err(error) => {
                    let code = error
                        .status()
                        .map(|s| {
                            format!(
                                " ({})",
                                lang.tf(Key::ErrorCode, &[("status", &s.to_string())])
                            )
                        })
                        .unwrap_or_default();
                    status.show(Notice::error(format!(
                        "{}{code}",
                        lang.tf(DialogKey::ActionFailed, &[("action", &title)])
                    )))
                }
            }
        });
    };
    let start = Callback::new(move |action: DialogGuiAction| {
        if action.prompt.as_ref().is_some_and(|p| !p.is_empty()) {
            pending.set(Some(action));
        } else {
            perform(action);
        }
    });
    let request = Signal::derive(move || {
        let lang = i18n.lang();
        pending.with(|p| {
            p.as_ref().map(|action| ConfirmRequest {
                heading: title_of(action, lang),
                text: action
                    .prompt
                    .as_deref()
                    .and_then(|p| p.best_match(lang.code()))
                    .unwrap_or_default()
                    .to_owned(),
            })
        })
    });
    let on_answer = Callback::new(move |yes: bool| {
        if let Some(action) = pending.get_untracked() {
            pending.set(None);
            if yes {
                perform(action);
            }
        }
    });

    // "More actions": a menu button ([`menu_button`]).
    let more_open = RwSignal::new(false);
    let close_more = move || more_open.set(false);
    let picked = Callback::new(move |ev: web_sys::MouseEvent| {
        menu_button::return_focus(&ev);
        close_more();
    });

    view! {
        <div class="gui-actions" role="group" aria-label=i18n.tr(DialogKey::Actions)>
            <ul class="gui-actions__list">
                {move || {
                    arranged
                        .get()
                        .0
                        .into_iter()
                        .map(|action| view! { <li><GuiAction action=action busy=busy start=start /></li> })
                        .collect_view()
                }}
            </ul>
            <Show when=move || arranged.with(|(_, more)| !more.is_empty())>
                <div
                    class="gui-actions__more"
                    on:focusout=move |ev| {
                        if menu_button::focus_left(&ev) {
                            close_more();
                        }
                    }
                >
                    <button
                        type="button"
                        id="more-actions-button"
                        class="button button--tertiary"
                        aria-haspopup="menu"
                        aria-expanded=move || more_open.get().to_string()
                        aria-controls="more-actions"
                        on:click=move |ev| {
                            menu_button::button_click(
                                &ev,
                                || {
                                    more_open.update(|open| *open = !*open);
                                    more_open.get_untracked()
                                },
                            )
                        }
                        on:keydown=move |ev| menu_button::button_keydown(&ev, move || more_open.set(true))
                    >
                        {i18n.tr(DialogKey::MoreActions)}
                    </button>
                    <ul
                        id="more-actions"
                        role="menu"
                        tabindex="-1"
                        aria-labelledby="more-actions-button"
                        class="gui-actions__menu"
                        hidden=move || !more_open.get()
                        on:keydown=move |ev| menu_button::menu_keydown(&ev, close_more)
                    >
                        {move || {
                            arranged
                                .get()
                                .1
                                .into_iter()
                                .map(|action| {
                                    view! {
                                        <li role="none">
                                            <GuiAction action=action busy=busy start=start picked=picked />
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <ConfirmDialog request=request on_answer=on_answer />
        </div>
    }
}

/// One GUI action: a link, a button, or a disabled button with the reason.
#[component]
fn GuiAction(
    action: DialogGuiAction,
    busy: RwSignal<bool>,
    start: Callback<DialogGuiAction>,
    /// Set for an item of the "More actions" menu: called when it is chosen.
    #[prop(optional)]
    picked: Option<Callback<web_sys::MouseEvent>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = priority_class(&action.priority);
    let role = picked.map(|_| "menuitem");
    let tabindex = picked.map(|_| "-1");
    let pick = move |ev: web_sys::MouseEvent| {
        if let Some(picked) = picked {
            picked.run(ev);
        }
    };
    let title = {
        let action = action.clone();
        move || title_of(&action, i18n.lang())
    };
    match action_kind(&action) {
        ActionKind::Link => view! {
            <a class=class href=action.url.clone() role=role tabindex=tabindex>
                {title}
            </a>
        }
        .into_any(),
        ActionKind::Request => view! {
            <button
                type="button"
                class=class
                role=role
                tabindex=tabindex
                aria-disabled=move || busy.get().then_some("true")
                on:click=move |ev| {
                    pick(ev);
                    if !busy.get_untracked() {
                        start.run(action.clone());
                    }
                }
            >
                {title}
            </button>
        }
        .into_any(),
        ActionKind::Unauthorized => {
            let reason_id = format!("action-reason-{}", action.id);
            view! {
                <button
                    type="button"
                    class=format!("{class} button--unavailable")
                    role=role
                    tabindex=tabindex
                    aria-disabled="true"
                    aria-describedby=reason_id.clone()
                >
                    {title}
                </button>
                <span id=reason_id class="gui-actions__reason">
                    {i18n.tr(DialogKey::ActionNotAuthorized)}
                </span>
            }
            .into_any()
        }
    }
}

/// The API actions, for developers, collapsed by default.
#[component]
pub fn ApiActions(
    /// The dialog's API actions.
    actions: Vec<DialogApiAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = actions
        .into_iter()
        .flat_map(|action| {
            let name = action.name.clone().unwrap_or_else(|| action.action.clone());
            action.endpoints.into_iter().map(move |endpoint| {
                let docs = endpoint.documentation_url.clone();
                view! {
                    <li class="api-action">
                        <p class="api-action__name">
                            <strong>{name.clone()}</strong>
                            " (" {action.action.clone()} ")"
                            {endpoint.version.clone().map(|v| format!(" · {v}"))}
                            {endpoint
                                .deprecated
                                .then(|| view! { " · " {i18n.tr(DialogKey::ApiDeprecated)} })}
                        </p>
                        <p class="api-action__endpoint">
                            <span class="api-action__method">
                                <span class="visually-hidden">{i18n.tr(DialogKey::ApiMethod)} ": "</span>
                                {endpoint.http_method.as_str().to_owned()}
                            </span>
                            " "
                            <code class="api-action__url">{endpoint.url.clone()}</code>
                        </p>
                        {docs
                            .map(|url| {
                                view! {
                                    <p>
                                        <a href=url target="_blank" rel="noopener noreferrer">
                                            {i18n.tr(DialogKey::ApiDocs)}
                                            <span class="visually-hidden">
                                                " " {i18n.tr(DialogKey::OpensInNewTab)}
                                            </span>
                                        </a>
                                    </p>
                                }
                            })}
                    </li>
                }
            })
        })
        .collect_view();
    view! {
        <details class="api-actions">
            <summary>{i18n.tr(DialogKey::ForDevelopers)}</summary>
            <p>{i18n.tr(DialogKey::ApiActionsIntro)}</p>
            <ul class="api-actions__list">{rows}</ul>
        </details>
    }
}
