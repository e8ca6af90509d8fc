//! The list of dialogs: one row per dialog with its title (a link to the dialog), sender,
//! summary, status, dates, unread marker and attachment count; optionally a "Select"
//! checkbox and a menu button with label actions per row. Rows sit under a heading per month
//! of the date the list is sorted on ([`crate::month_groups`]); the words of a free-text
//! search are marked in titles and summaries ([`crate::highlight`]).
//!
//! Rows are plain, non-reactive markup built once per (dialog, revision, language); only
//! the checkbox and the menu follow signals. Long pages (up to 1,000 rows) are built
//! progressively: the first [`FIRST_ROWS`] at once, then [`ROWS_PER_FRAME`] per animation
//! frame until every row is in the DOM, so the first screen appears quickly and input stays
//! responsive; rows added by "Load more" start with the first new ones.

use std::collections::HashSet;

use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

use leptos::either::Either;

use crate::components::menu_button;
use crate::format::{long_date, short_date};
use crate::highlight::{search_words, split_matches};
use crate::i18n::{Key, Lang, use_i18n};
use crate::inbox_model::{DialogRow, LabelAction};
use crate::inbox_search::SortChoice;
use crate::month_groups::{
    group_by_month, local_month, month_heading, month_heading_id, sort_date,
};
use crate::routes::Page;

/// The id of the link of the dialog with `id` (focus moves there after "Load more").
pub fn row_link_id(id: &str) -> String {
    format!("dialog-{id}")
}

/// The id of the row menu's button of the dialog with `id`.
pub fn row_menu_button_id(id: &str) -> String {
    format!("dialog-menu-button-{id}")
}

/// Shows `dialogs` in a region named "Dialogs": a heading per month of the sort date, each
/// followed by a list of that month's rows; each row links to the dialog.
#[component]
pub fn DialogList(
    /// The rows, in display order.
    #[prop(into)]
    dialogs: Signal<Vec<DialogRow>>,
    /// The party whose inbox this is; used in links for rows that do not name their own.
    #[prop(optional, into)]
    party: Option<Signal<Option<String>>>,
    /// The ids of the selected rows; with it, each row gets a "Select" checkbox.
    #[prop(optional)]
    selected: Option<RwSignal<HashSet<String>>>,
    /// Called when the user picks a label action from a row's menu; without it no menu.
    #[prop(optional, into)]
    on_action: Option<Callback<(LabelAction, DialogRow)>>,
    /// The order of the list: rows are grouped by the month of the date it sorts on.
    #[prop(optional, into)]
    sort: Signal<SortChoice>,
    /// The free-text search: its words are marked in titles and summaries.
    #[prop(optional, into)]
    search: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open_menu = RwSignal::new(None::<String>);
    let progress = StoredValue::new(Progress::default());
    // Bumped once per animation frame while rows are still to be added.
    let frame = RwSignal::new(0u32);
    Effect::new(move |_| {
        frame.track();
        let len = dialogs.with(Vec::len);
        if progress.with_value(|p| p.shown < len) {
            request_animation_frame(move || {
                progress.update_value(|p| p.shown = (p.shown + ROWS_PER_FRAME).min(p.len));
                frame.update(|n| *n = n.wrapping_add(1));
            });
        }
    });
    // The rows built so far, by month. A month continued by "Load more" keeps its group.
    let groups = Memo::new(move |_| {
        frame.track();
        let sort = sort.get();
        dialogs.with(|rows| {
            let shown = progress
                .try_update_value(|p| p.next(rows.first().map(|r| r.id.as_str()), rows.len()))
                .unwrap_or(rows.len());
            group_by_month(
                rows.iter()
                    .take(shown)
                    .map(|r| sort_date(r, sort).map(local_month)),
            )
        })
    });
    // Both lists are keyed by strings: the keyed-list code is then shared (a smaller wasm).
    view! {
        <section class="dialog-list" aria-label=i18n.tr(Key::Dialogs)>
            <For
                each=move || {
                    let lang = i18n.lang();
                    let search = search.get();
                    groups.with(|g| g.iter().map(|g| (lang, g.month, search.clone())).collect::<Vec<_>>())
                }
                key=|(lang, month, search)| format!("{}|{}|{search}", lang.code(), month_heading_id(*month))
                children=move |(lang, month, search)| {
                    let heading_id = month_heading_id(month);
                    view! {
                        <h2 class="dialog-list__month" id=heading_id.clone()>
                            {month_heading(month, lang)}
                        </h2>
                        <ul class="dialog-list__rows" aria-labelledby=heading_id>
                            <For
                                each=move || {
                                    groups
                                        .with(|g| {
                                            dialogs
                                                .with(|rows| {
                                                    g.iter()
                                                        .find(|g| g.month == month)
                                                        .map(|g| g.rows.iter().filter_map(|&i| rows.get(i).cloned()).collect())
                                                        .unwrap_or_else(Vec::new)
                                                })
                                        })
                                }
                                key=|row| {
                                    format!("{}|{}|{}|{}", row.id, row.revision, row.unread, row.updated_at.timestamp())
                                }
                                children=move |row| {
                                    let fallback = party.and_then(|p| p.get_untracked());
                                    let words = search_words(&search);
                                    dialog_row(row, lang, &words, fallback, selected, on_action, open_menu)
                                }
                            />
                        </ul>
                    }
                }
            />
        </section>
    }
}

/// Rows built at once when a list appears (more than a tall screen holds).
pub const FIRST_ROWS: usize = 40;
/// Rows added per animation frame after the first ones.
pub const ROWS_PER_FRAME: usize = 80;

/// How far the progressive build of the current list has come.
#[derive(Debug, Default, Clone, PartialEq)]
struct Progress {
    /// The first row's id: a new first row means a new list (another search).
    head: Option<String>,
    /// The list's length when last seen.
    len: usize,
    /// How many rows are built.
    shown: usize,
}

impl Progress {
    /// The number of rows to build for a list with first row `head` and `len` rows: a new
    /// list starts again from [`FIRST_ROWS`]; a longer one (rows loaded with "Load more")
    /// gets its first new rows at once, so focus can move to them.
    fn next(&mut self, head: Option<&str>, len: usize) -> usize {
        if self.head.as_deref() != head {
            *self = Progress {
                head: head.map(str::to_owned),
                len: 0,
                shown: FIRST_ROWS,
            };
        } else if len > self.len {
            self.shown = self.shown.max(self.len + FIRST_ROWS);
        }
        self.len = len;
        self.shown = self.shown.min(len);
        self.shown
    }
}

fn dialog_row(
    row: DialogRow,
    lang: Lang,
    words: &[String],
    fallback_party: Option<String>,
    selected: Option<RwSignal<HashSet<String>>>,
    on_action: Option<Callback<(LabelAction, DialogRow)>>,
    open_menu: RwSignal<Option<String>>,
) -> impl IntoView + use<> {
    let party = Some(row.party.clone())
        .filter(|p| !p.is_empty())
        .or(fallback_party);
    let href = Page::Dialog {
        id: row.id.clone(),
        party,
    }
    .href();
    let now = Local::now().naive_local();
    let (updated_short, updated_long, updated_iso) = dates(row.updated_at, now, lang);
    let due = row.due_at.map(|due| dates(due, now, lang));
    let attachments = (row.attachments > 0).then(|| {
        lang.count(
            Key::ListOneAttachment,
            Key::ListAttachments,
            row.attachments as usize,
        )
    });

    let checkbox = selected.map(|selected| {
        let id = row.id.clone();
        let toggle_id = row.id.clone();
        view! {
            <input
                type="checkbox"
                class="dialog__select"
                aria-label=lang.tf(Key::ListSelect, &[("title", &row.title)])
                prop:checked=move || selected.with(|s| s.contains(&id))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    selected
                        .update(|s| {
                            if on {
                                s.insert(toggle_id.clone());
                            } else {
                                s.remove(&toggle_id);
                            }
                        });
                }
            />
        }
    });
    let menu = on_action.map(|on_action| row_menu(row.clone(), lang, on_action, open_menu));

    view! {
        <li class="dialog" class:dialog--unread=row.unread>
            {checkbox}
            <div class="dialog__body">
                <a class="dialog__link" id=row_link_id(&row.id) href=href>
                    <span class="dialog__title">{marked(&row.title, words)}</span>
                </a>
                {row
                    .unread
                    .then(|| view! { <span class="badge badge--unread">{lang.t(Key::Unread)}</span> })}
                <p class="dialog__meta">
                    <span class="dialog__sender">{row.sender.clone()}</span>
                    <span class=format!(
                        "status status--{}",
                        row.status_class,
                    )>{lang.t(row.status)}</span>
                    <time datetime=updated_iso title=updated_long>
                        {updated_short}
                    </time>
                    {due
                        .map(|(short, long, iso)| {
                            view! {
                                <span class="dialog__due">
                                    {lang.t(Key::ListDue)} " "
                                    <time datetime=iso title=long>
                                        {short}
                                    </time>
                                </span>
                            }
                        })}
                    {attachments.map(|text| view! { <span class="dialog__attachments">{text}</span> })}
                </p>
                {row
                    .summary
                    .as_deref()
                    .map(|summary| view! { <p class="dialog__summary">{marked(summary, words)}</p> })}
            </div>
            {menu}
        </li>
    }
}

/// Short (relative) text, long text and ISO form of a date.
fn dates(at: DateTime<Utc>, now: chrono::NaiveDateTime, lang: Lang) -> (String, String, String) {
    let local = at.with_timezone(&Local).naive_local();
    (
        short_date(local, now, lang),
        long_date(local, lang),
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
}

/// `text` as text nodes, with the parts the search `words` match in `<mark>` elements.
fn marked(text: &str, words: &[String]) -> Vec<Either<String, impl IntoView + use<>>> {
    if words.is_empty() {
        return vec![Either::Left(text.to_owned())];
    }
    split_matches(text, words)
        .into_iter()
        .map(|(hit, part)| {
            let part = part.to_owned();
            if hit {
                Either::Right(view! { <mark>{part}</mark> })
            } else {
                Either::Left(part)
            }
        })
        .collect()
}

/// A menu button ([`menu_button`]) with the label actions that make sense for the row's
/// folder.
fn row_menu(
    row: DialogRow,
    lang: Lang,
    on_action: Callback<(LabelAction, DialogRow)>,
    open_menu: RwSignal<Option<String>>,
) -> impl IntoView {
    let menu_id = format!("dialog-menu-{}", row.id);
    let button_id = row_menu_button_id(&row.id);
    let id = StoredValue::new(row.id.clone());
    let is_open = Memo::new(move |_| {
        open_menu.with(|open| id.with_value(|id| open.as_deref() == Some(id.as_str())))
    });
    let close = move || {
        if is_open.get_untracked() {
            open_menu.set(None);
        }
    };
    let open = move || open_menu.set(Some(id.get_value()));
    let label = lang.tf(Key::ListRowActions, &[("title", &row.title)]);
    let items = LabelAction::for_row(&row)
        .into_iter()
        .map(|action| {
            let row = row.clone();
            view! {
                <button
                    type="button"
                    role="menuitem"
                    tabindex="-1"
                    class="button button--small row-menu__item"
                    on:click=move |ev| {
                        menu_button::return_focus(&ev);
                        open_menu.set(None);
                        on_action.run((action, row.clone()));
                    }
                >
                    {lang.t(action.key())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            class="row-menu"
            on:focusout=move |ev| {
                if menu_button::focus_left(&ev) {
                    close();
                }
            }
        >
            <button
                type="button"
                id=button_id.clone()
                class="button button--small row-menu__toggle"
                aria-haspopup="menu"
                aria-expanded=move || is_open.get().to_string()
                aria-controls=menu_id.clone()
                aria-label=label
                on:click=move |ev| {
                    menu_button::button_click(
                        &ev,
                        || {
                            if is_open.get_untracked() {
                                open_menu.set(None);
                                false
                            } else {
                                open();
                                true
                            }
                        },
                    )
                }
                on:keydown=move |ev| menu_button::button_keydown(&ev, open)
            >
                "⋯"
            </button>
            <div
                id=menu_id
                role="menu"
                tabindex="-1"
                aria-labelledby=button_id
                class="row-menu__items"
                hidden=move || !is_open.get()
                on:keydown=move |ev| menu_button::menu_keydown(&ev, close)
            >
                {items}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn a_new_list_starts_with_the_first_rows_and_grows() {
        let mut p = Progress::default();
        assert_eq!(p.next(Some("a"), 1000), FIRST_ROWS);
        // Frames add rows until all are built.
        p.shown = (p.shown + ROWS_PER_FRAME).min(p.len);
        assert_eq!(p.next(Some("a"), 1000), FIRST_ROWS + ROWS_PER_FRAME);
        p.shown = 1000;
        assert_eq!(p.next(Some("a"), 1000), 1000);
        // Another search (another first row) starts again.
        assert_eq!(p.next(Some("b"), 1000), FIRST_ROWS);
        // Short lists are built whole.
        assert_eq!(p.next(Some("c"), 12), 12);
        assert_eq!(p.next(None, 0), 0);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn load_more_builds_the_first_new_rows_at_once() {
        let mut p = Progress::default();
        assert_eq!(p.next(Some("a"), 30), 30);
        // "Load more" appends 1,000 rows: the old 30 and the first new ones at once.
        assert_eq!(p.next(Some("a"), 1030), 30 + FIRST_ROWS);
        // Rows removed (moved to the archive) shrink what is shown.
        let mut q = Progress::default();
        q.next(Some("a"), 20);
        assert_eq!(q.next(Some("a"), 19), 19);
    }
}
