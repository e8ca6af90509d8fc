//! The list of dialogs: one link per dialog with its title, sender, status and date.

use chrono::Local;
use leptos::prelude::*;

use crate::format::{long_date, short_date};
use crate::i18n::{Key, use_i18n};
use crate::inbox_model::DialogRow;
use crate::routes::Page;

/// Shows `dialogs` as a list named "Dialogs"; each row links to the dialog.
#[component]
pub fn DialogList(
    /// The rows, in display order.
    #[prop(into)]
    dialogs: Signal<Vec<DialogRow>>,
    /// The party whose inbox this is; kept in the links so "back" returns to it.
    #[prop(into)]
    party: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="dialog-list" aria-label=move || i18n.t(Key::Dialogs)>
            <For
                each=move || dialogs.get()
                key=|row| (row.id.clone(), row.title.clone(), row.unread, row.updated_at)
                children=move |row| view! { <DialogListRow row=row party=party /> }
            />
        </ul>
    }
}

#[component]
fn DialogListRow(row: DialogRow, party: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = row.id.clone();
    let href = move || {
        Page::Dialog {
            id: id.clone(),
            party: party.get(),
        }
        .href()
    };
    let local = row.updated_at.with_timezone(&Local).naive_local();
    let datetime = row
        .updated_at
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let status = row.status;
    view! {
        <li class="dialog" class:dialog--unread=row.unread>
            <a class="dialog__link" href=href>
                <span class="dialog__title">{row.title}</span>
                {row
                    .unread
                    .then(|| {
                        view! { <span class="badge badge--unread">{move || i18n.t(Key::Unread)}</span> }
                    })}
                <span class="dialog__meta">
                    <span class="dialog__sender">{row.sender}</span>
                    <span class=format!("status status--{}", row.status_class)>
                        {move || i18n.t(status)}
                    </span>
                    <time
                        datetime=datetime
                        title=move || long_date(local, i18n.lang())
                    >
                        {move || short_date(local, Local::now().naive_local(), i18n.lang())}
                    </time>
                </span>
            </a>
        </li>
    }
}
