//! The parts of the dialog details page (`/inbox/{id}`): rendered content, attachments,
//! GUI and API actions with their confirmation, transmissions, activity log and seen-by,
//! label moves, and the explanations of why a dialog cannot be shown.
//!
//! Unlike the other components, the content parts fetch what they show when it is opened
//! (a transmission's content), because the page cannot know in advance what will be.

pub mod actions;
pub mod attachments;
pub mod confirm;
pub mod content;
pub mod history;
pub mod labels;
pub mod load_error;
pub mod model;
pub mod transmissions;

use leptos::prelude::*;

pub use actions::{ApiActions, GuiActions};
pub use attachments::AttachmentList;
pub use content::RenderedBlocks;
pub use history::{ActivityLog, Moment, SeenBy};
pub use labels::LabelActions;
pub use load_error::DialogLoadNotice;
pub use transmissions::Transmissions;

/// A message for the page's status region, optionally with "Undo".
#[derive(Clone)]
pub struct Notice {
    /// What to tell.
    pub text: String,
    /// Whether something failed.
    pub is_error: bool,
    /// Undoes what was just done.
    pub undo: Option<Callback<()>>,
}

impl Notice {
    /// Something happened.
    pub fn info(text: String) -> Self {
        Notice {
            text,
            is_error: false,
            undo: None,
        }
    }

    /// Something failed.
    pub fn error(text: String) -> Self {
        Notice {
            text,
            is_error: true,
            undo: None,
        }
    }

    /// Something happened that can be undone.
    pub fn with_undo(text: String, undo: Callback<()>) -> Self {
        Notice {
            text,
            is_error: false,
            undo: Some(undo),
        }
    }
}

/// The details page's status region, shared through context.
#[derive(Clone, Copy)]
pub struct DetailsStatus(pub RwSignal<Option<Notice>>);

impl DetailsStatus {
    /// Shows (and announces) `notice`.
    pub fn show(&self, notice: Notice) {
        self.0.set(Some(notice));
    }
}

/// The status region: announced politely; "Undo" when the last change can be undone.
#[component]
pub fn StatusRegion(
    /// The region's state.
    status: DetailsStatus,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let notice = status.0;
    view! {
        <div role="status" class="details-status" class:details-status--error=move || notice.with(|n| n.as_ref().is_some_and(|n| n.is_error))>
            {move || {
                notice
                    .get()
                    .map(|n| {
                        let undo = n.undo;
                        view! {
                            <p class="details-status__text">{n.text}</p>
                            {undo
                                .map(|undo| {
                                    view! {
                                        <button
                                            type="button"
                                            class="button"
                                            on:click=move |_| undo.run(())
                                        >
                                            {i18n.tr(crate::i18n::DialogKey::Undo)}
                                        </button>
                                    }
                                })}
                        }
                    })
            }}
        </div>
    }
}
