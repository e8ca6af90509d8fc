//! Rendered dialog content ([`RenderedContent`]) turned into DOM nodes element by element.
//!
//! There is no HTML string anywhere: text is text, so markup or scripts in the source show
//! as the characters they are. Headings sit below the heading of the place they appear in;
//! links open in a new tab without access to this page, and say so.

use leptos::prelude::*;

use super::model::{is_safe_href, opens_new_tab, shifted_heading, top_heading_level};
use crate::api::dialog_content::{Block, Inline, RenderedContent};
use crate::i18n::{DialogKey, use_i18n};

/// Shows `content`, its headings starting one level below `parent_level`.
#[component]
pub fn RenderedBlocks(
    /// The document.
    content: RenderedContent,
    /// The level of the heading the content sits under (1 below the page's `h1`).
    parent_level: u8,
) -> impl IntoView {
    let levels = Levels {
        parent: parent_level,
        top: top_heading_level(&content.blocks),
    };
    view! {
        <div class="rendered-content">
            {content
                .blocks
                .into_iter()
                .map(|block| block_view(block, levels))
                .collect_view()}
        </div>
    }
}

/// Where the content's headings go: below `parent`, its `top` level first.
#[derive(Clone, Copy)]
struct Levels {
    parent: u8,
    top: u8,
}

fn blocks_view(blocks: Vec<Block>, parent: Levels) -> AnyView {
    blocks
        .into_iter()
        .map(|block| block_view(block, parent))
        .collect_view()
        .into_any()
}

fn block_view(block: Block, parent: Levels) -> AnyView {
    match block {
        Block::Heading { level, inlines } => {
            let inner = inlines_view(inlines);
            match shifted_heading(level, parent.parent, parent.top) {
                2 => view! { <h2>{inner}</h2> }.into_any(),
                3 => view! { <h3>{inner}</h3> }.into_any(),
                4 => view! { <h4>{inner}</h4> }.into_any(),
                5 => view! { <h5>{inner}</h5> }.into_any(),
                _ => view! { <h6>{inner}</h6> }.into_any(),
            }
        }
        Block::Paragraph { inlines } => view! { <p>{inlines_view(inlines)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{blocks_view(item, parent)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Quote { blocks } => {
            view! { <blockquote>{blocks_view(blocks, parent)}</blockquote> }.into_any()
        }
        Block::Code { text } => view! {
            <pre>
                <code>{text}</code>
            </pre>
        }
        .into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
        Block::Table { head, rows } => {
            let head = head
                .into_iter()
                .map(|cell| view! { <th scope="col">{inlines_view(cell)}</th> })
                .collect_view();
            let rows = rows
                .into_iter()
                .map(|row| {
                    let cells = row
                        .into_iter()
                        .map(|cell| view! { <td>{inlines_view(cell)}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="rendered-content__table">
                    <table>
                        <thead>
                            <tr>{head}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}

fn inlines_view(inlines: Vec<Inline>) -> AnyView {
    inlines
        .into_iter()
        .map(inline_view)
        .collect_view()
        .into_any()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Strong { inlines } => view! { <strong>{inlines_view(inlines)}</strong> }.into_any(),
        Inline::Emphasis { inlines } => view! { <em>{inlines_view(inlines)}</em> }.into_any(),
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { href, inlines } if is_safe_href(&href) => {
            view! { <ContentLink href=href inlines=inlines /> }.into_any()
        }
        // Not a web or mail address: the words stay, the link goes.
        Inline::Link { inlines, .. } => inlines_view(inlines),
    }
}

/// A link in content: a new tab for web addresses, with `noopener noreferrer` and a hint.
#[component]
fn ContentLink(href: String, inlines: Vec<Inline>) -> impl IntoView {
    let i18n = use_i18n();
    if opens_new_tab(&href) {
        view! {
            <a href=href target="_blank" rel="noopener noreferrer">
                {inlines_view(inlines)}
                <span class="visually-hidden">" " {i18n.tr(DialogKey::OpensInNewTab)}</span>
            </a>
        }
        .into_any()
    } else {
        view! { <a href=href>{inlines_view(inlines)}</a> }.into_any()
    }
}
