//! Moving the dialog between inbox, archive and bin, and marking it as unread, with an
//! undo-able confirmation. Every change carries `If-Match` with the end-user context
//! revision; a 412 means someone changed the dialog meanwhile, so it is reloaded and the
//! user told.

use altinn::{DialogEndUserContext, SystemLabel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::model::{LabelMove, apply_change, label_moves, undo_change};
use super::{DetailsStatus, Notice};
use crate::api::ApiError;
use crate::api::labels::set_system_labels;
use crate::i18n::{DialogKey, Key, Lang, use_i18n};

/// The label buttons of one dialog.
#[component]
pub fn LabelActions(
    /// The dialog's id.
    dialog_id: String,
    /// The dialog's labels and revision; updated here after each change.
    context: RwSignal<DialogEndUserContext>,
    /// Called when the dialog must be reloaded (it changed elsewhere).
    on_reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = expect_context::<DetailsStatus>();
    let busy = RwSignal::new(false);
    let group = NodeRef::<leptos::html::Div>::new();
    // The pressed button may be gone after a move: keep keyboard focus in the group.
    let refocus = move || {
        request_animation_frame(move || {
            if let Some(button) = group
                .get_untracked()
                .and_then(|g| g.query_selector("button").ok().flatten())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        });
    };
    let dialog_id = StoredValue::new(dialog_id);

    // Applies a change; on success returns the labels from before it.
    let change = move |add: Vec<SystemLabel>,
                       remove: Vec<SystemLabel>,
                       lang: Lang,
                       done: Box<dyn FnOnce(Vec<SystemLabel>) + 'static>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let before = context.get_untracked();
        let id = dialog_id.get_value();
        spawn_local(async move {
            let result =
                set_system_labels(&id, before.revision, add.clone(), remove.clone(), lang).await;
            busy.set(false);
            match result {
                Ok(revision) => {
                    context.update(|c| {
                        c.system_labels = apply_change(&c.system_labels, &add, &remove);
                        if let Some(revision) = revision {
                            c.revision = revision;
                        }
                    });
                    refocus();
                    done(before.system_labels);
                }
                Err(ApiError::Problem { status: 412, .. }) => {
                    status.show(Notice::error(lang.t(DialogKey::LabelConflict).to_owned()));
                    on_reload.run(());
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
                        lang.t(DialogKey::LabelChangeFailed)
                    )));
                }
            }
        });
    };

    let run = move |step: LabelMove| {
        let lang = i18n.lang_signal().get_untracked();
        let (add, remove) = step.change();
        change(
            add,
            remove,
            lang,
            Box::new(move |before: Vec<SystemLabel>| {
                let undo = Callback::new(move |_: ()| {
                    let (add, remove) = undo_change(step, &before);
                    change(
                        add,
                        remove,
                        lang,
                        Box::new(move |_| {
                            status.show(Notice::info(lang.t(DialogKey::UndoDone).to_owned()))
                        }),
                    );
                });
                status.show(Notice::with_undo(lang.t(step.done_key()).to_owned(), undo));
            }),
        );
    };

    view! {
        <div class="label-actions" node_ref=group role="group" aria-label=i18n.tr(DialogKey::Organise)>
            {move || {
                label_moves(&context.with(|c| c.system_labels.clone()))
                    .into_iter()
                    .map(|step| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                aria-disabled=move || busy.get().then_some("true")
                                on:click=move |_| run(step)
                            >
                                {i18n.tr(step.key())}
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
