//! Dialog content (front-channel embeds such as markdown) rendered by the server into an
//! inert document tree. The portal turns it into DOM nodes element by element; there is
//! no HTML string anywhere, so user-supplied content cannot inject markup or scripts.
//!
//! `GET /api/dialogs/{dialogId}/content?ref=main` (the dialog's `mainContentReference`) or
//! `?ref=transmission:{transmissionId}` (a transmission's `contentReference`).
//!
//! The enums are externally tagged (`{"paragraph": {"inlines": [...]}}`, `"rule"`): serde
//! reads that shape without buffering each node first, which an internal `"type"` tag needs;
//! measured −7.7 KB brotli on the portal's wasm.

use serde::{Deserialize, Serialize};

/// A rendered content document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RenderedContent {
    /// The upstream media type, e.g. `text/markdown` or `text/plain`.
    pub media_type: String,
    pub blocks: Vec<Block>,
}

/// Block-level content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Block {
    /// Levels 1–6 as written; the portal shifts them below its own page heading.
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph {
        inlines: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Rule,
    /// A table: header cells, then rows of cells.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Inline {
    /// Plain text. Raw HTML in the source arrives here as literal text.
    Text {
        text: String,
    },
    Strong {
        inlines: Vec<Inline>,
    },
    Emphasis {
        inlines: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// Only `https:`, `http:` and `mailto:` targets become links; others become text.
    Link {
        href: String,
        inlines: Vec<Inline>,
    },
    LineBreak,
}
