//! Markdown (and plain text) to the inert document tree of [`portal_api::content`].
//!
//! Dialog content is written by service owners and must never become markup in the
//! portal: raw HTML arrives as literal text, images become their alt text (or a link to
//! the image), and only `http:`, `https:` and `mailto:` targets become links. Nesting is
//! capped so a hostile document cannot build a tree deep enough to exhaust a stack.

use portal_api::content::{Block, Inline};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Deepest nesting of containers (quotes, lists, emphasis, links) kept as structure;
/// anything deeper is flattened into its parent.
const MAX_DEPTH: usize = 16;

/// Converts markdown into blocks.
pub fn markdown_to_blocks(source: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut builder = Builder::new();
    for event in Parser::new_ext(source, options) {
        builder.event(event);
    }
    builder.finish()
}

/// Converts plain text into paragraphs (blank lines separate them, single line breaks stay).
pub fn plain_text_to_blocks(source: &str) -> Vec<Block> {
    let normalized = source.replace("\r\n", "\n");
    normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut inlines = Vec::new();
            for (i, line) in p.lines().enumerate() {
                if i > 0 {
                    inlines.push(Inline::LineBreak);
                }
                inlines.push(Inline::Text {
                    text: line.to_owned(),
                });
            }
            Block::Paragraph { inlines }
        })
        .collect()
}

/// The link target if it is safe to follow: `http`, `https` or `mailto`, as normalised
/// by the URL parser (so entity- or case-disguised schemes are caught).
pub fn safe_href(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Some(url.into()),
        "mailto" => Some(url.into()),
        _ => None,
    }
}

enum Frame {
    /// Holds blocks: the document, a quote, a list item.
    Blocks(BlocksKind, Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Holds inlines.
    Inlines(InlinesKind, Vec<Inline>),
    Code(String),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
    },
    /// A tag kept only as its content (unknown, or nested too deep).
    Transparent,
}

#[derive(Clone, Copy, PartialEq)]
enum BlocksKind {
    Root,
    Quote,
    Item,
}

#[derive(Clone, PartialEq)]
enum InlinesKind {
    Paragraph,
    /// Inline content directly in a list item or quote (tight lists).
    ImplicitParagraph,
    /// Raw HTML block, shown as text.
    Html,
    Heading(u8),
    Strong,
    Emphasis,
    /// A link to a safe target, or `None` (the content stays, the link goes).
    Link(Option<String>),
    /// An image: its alt text, and the image URL when it may be linked.
    Image(Option<String>),
    Cell,
}

struct Builder {
    stack: Vec<Frame>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            stack: vec![Frame::Blocks(BlocksKind::Root, Vec::new())],
        }
    }

    fn depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| !matches!(f, Frame::Transparent))
            .count()
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => self.inline(Inline::Code {
                text: code.into_string(),
            }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            Event::FootnoteReference(r) => self.text(&format!("[^{r}]")),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => self.block(Block::Rule),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        // A block starting inside an implicit paragraph ends that paragraph.
        if is_block_tag(&tag) {
            self.close_implicit();
        }
        let deep = self.depth() >= MAX_DEPTH;
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlinesKind::Paragraph, Vec::new()),
            Tag::Heading { level, .. } => {
                Frame::Inlines(InlinesKind::Heading(level as u8), Vec::new())
            }
            Tag::HtmlBlock => Frame::Inlines(InlinesKind::Html, Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::Table(_) => Frame::Table {
                head: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Transparent,
            Tag::TableCell => Frame::Inlines(InlinesKind::Cell, Vec::new()),
            _ if deep => Frame::Transparent,
            Tag::BlockQuote(_) => Frame::Blocks(BlocksKind::Quote, Vec::new()),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                items: Vec::new(),
            },
            Tag::Item => Frame::Blocks(BlocksKind::Item, Vec::new()),
            Tag::Strong => Frame::Inlines(InlinesKind::Strong, Vec::new()),
            Tag::Emphasis => Frame::Inlines(InlinesKind::Emphasis, Vec::new()),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let href = if link_type == LinkType::Email && !dest_url.contains(':') {
                    safe_href(&format!("mailto:{dest_url}"))
                } else {
                    safe_href(&dest_url)
                };
                Frame::Inlines(InlinesKind::Link(href), Vec::new())
            }
            Tag::Image { dest_url, .. } => {
                let href = safe_href(&dest_url).filter(|h| h.starts_with("http"));
                Frame::Inlines(InlinesKind::Image(href), Vec::new())
            }
            _ => Frame::Transparent,
        };
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        self.close_implicit();
        if self.stack.len() <= 1 {
            return; // unbalanced: never pop the root
        }
        let frame = self.stack.pop().expect("checked above");
        match end {
            TagEnd::TableHead => self.finish_row(true),
            TagEnd::TableRow => self.finish_row(false),
            _ => {}
        }
        self.deliver(frame);
    }

    /// The cells read since the last row end make the head or a body row.
    fn finish_row(&mut self, is_head: bool) {
        if let Some(Frame::Table { head, rows, row }) = self.target_mut() {
            let cells = std::mem::take(row);
            if is_head {
                *head = cells;
            } else {
                rows.push(cells);
            }
        }
    }

    /// Hands a finished frame to its parent.
    fn deliver(&mut self, frame: Frame) {
        match frame {
            Frame::Transparent => {}
            Frame::Blocks(BlocksKind::Root, _) => {}
            Frame::Blocks(BlocksKind::Quote, blocks) => self.block(Block::Quote { blocks }),
            Frame::Blocks(BlocksKind::Item, blocks) => match self.target_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => blocks.into_iter().for_each(|b| self.block(b)),
            },
            Frame::List { ordered, items } => self.block(Block::List { ordered, items }),
            Frame::Code(mut text) => {
                if text.ends_with('\n') {
                    text.pop();
                }
                self.block(Block::Code { text });
            }
            Frame::Table { head, rows, .. } => self.block(Block::Table { head, rows }),
            Frame::Inlines(kind, mut inlines) => match kind {
                InlinesKind::Paragraph | InlinesKind::ImplicitParagraph | InlinesKind::Html => {
                    while matches!(inlines.last(), Some(Inline::LineBreak)) {
                        inlines.pop();
                    }
                    if !inlines.is_empty() {
                        self.block(Block::Paragraph { inlines });
                    }
                }
                InlinesKind::Heading(level) => self.block(Block::Heading { level, inlines }),
                InlinesKind::Strong => self.inline(Inline::Strong { inlines }),
                InlinesKind::Emphasis => self.inline(Inline::Emphasis { inlines }),
                InlinesKind::Link(Some(href)) => self.inline(Inline::Link { href, inlines }),
                InlinesKind::Link(None) => inlines.into_iter().for_each(|i| self.inline(i)),
                InlinesKind::Image(href) => {
                    let alt = plain_text(&inlines);
                    match href {
                        Some(href) => {
                            let label = if alt.trim().is_empty() {
                                href.clone()
                            } else {
                                alt
                            };
                            self.inline(Inline::Link {
                                href,
                                inlines: vec![Inline::Text { text: label }],
                            });
                        }
                        None if !alt.is_empty() => self.text(&alt),
                        None => {}
                    }
                }
                InlinesKind::Cell => {
                    if let Some(Frame::Table { row, .. }) = self.target_mut() {
                        row.push(inlines);
                    }
                }
            },
        }
    }

    /// The innermost frame that is not transparent.
    fn target_mut(&mut self) -> Option<&mut Frame> {
        self.stack
            .iter_mut()
            .rev()
            .find(|f| !matches!(f, Frame::Transparent))
    }

    fn close_implicit(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Inlines(InlinesKind::ImplicitParagraph, _))
        ) {
            let frame = self.stack.pop().expect("checked above");
            self.deliver(frame);
        }
    }

    fn block(&mut self, block: Block) {
        match self.target_mut() {
            Some(Frame::Blocks(_, blocks)) => blocks.push(block),
            Some(Frame::List { items, .. }) => items.push(vec![block]),
            Some(Frame::Inlines(_, inlines)) => {
                let text = plain_text_of_block(&block);
                push_inline(inlines, Inline::Text { text });
            }
            Some(Frame::Code(text)) => text.push_str(&plain_text_of_block(&block)),
            Some(Frame::Table { .. } | Frame::Transparent) | None => {}
        }
    }

    fn inline(&mut self, inline: Inline) {
        if matches!(
            self.target_mut(),
            Some(Frame::Blocks(..) | Frame::List { .. })
        ) {
            self.stack
                .push(Frame::Inlines(InlinesKind::ImplicitParagraph, Vec::new()));
        }
        match self.target_mut() {
            Some(Frame::Inlines(_, inlines)) => push_inline(inlines, inline),
            Some(Frame::Code(text)) => text.push_str(&plain_text(&[inline])),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(Frame::Code(code)) = self.target_mut() {
            code.push_str(text);
            return;
        }
        self.inline(Inline::Text {
            text: text.to_owned(),
        });
    }

    /// Raw HTML: its source, as text. In an HTML block each source line keeps its line.
    fn html(&mut self, html: &str) {
        let in_block = matches!(
            self.target_mut(),
            Some(Frame::Inlines(InlinesKind::Html, _))
        );
        if !in_block {
            self.text(html);
            return;
        }
        for line in html.split_inclusive('\n') {
            let (content, newline) = match line.strip_suffix('\n') {
                Some(c) => (c.strip_suffix('\r').unwrap_or(c), true),
                None => (line, false),
            };
            if !content.is_empty() {
                self.text(content);
            }
            if newline {
                self.inline(Inline::LineBreak);
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close_implicit();
        while self.stack.len() > 1 {
            let frame = self.stack.pop().expect("len > 1");
            self.deliver(frame);
        }
        match self.stack.pop() {
            Some(Frame::Blocks(_, blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

fn is_block_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::MetadataBlock(_)
    )
}

/// Appends, merging adjacent text.
fn push_inline(inlines: &mut Vec<Inline>, inline: Inline) {
    if let Inline::Text { text } = &inline
        && let Some(Inline::Text { text: last }) = inlines.last_mut()
    {
        last.push_str(text);
        return;
    }
    if matches!(&inline, Inline::Text { text } if text.is_empty()) {
        return;
    }
    inlines.push(inline);
}

fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Strong { inlines }
            | Inline::Emphasis { inlines }
            | Inline::Link { inlines, .. } => out.push_str(&plain_text(inlines)),
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}

fn plain_text_of_block(block: &Block) -> String {
    match block {
        Block::Heading { inlines, .. } | Block::Paragraph { inlines } => plain_text(inlines),
        Block::Code { text } => text.clone(),
        Block::Rule => String::new(),
        Block::Quote { blocks } => blocks.iter().map(plain_text_of_block).collect(),
        Block::List { items, .. } => items.iter().flatten().map(plain_text_of_block).collect(),
        Block::Table { head, rows } => head
            .iter()
            .chain(rows.iter().flatten())
            .map(|c| plain_text(c))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    /// Every link in the tree.
    fn links(blocks: &[Block]) -> Vec<String> {
        fn inl(out: &mut Vec<String>, inlines: &[Inline]) {
            for i in inlines {
                match i {
                    Inline::Link { href, inlines } => {
                        out.push(href.clone());
                        inl(out, inlines);
                    }
                    Inline::Strong { inlines } | Inline::Emphasis { inlines } => inl(out, inlines),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Block::Heading { inlines, .. } | Block::Paragraph { inlines } => {
                    inl(&mut out, inlines)
                }
                Block::Quote { blocks } => out.extend(links(blocks)),
                Block::List { items, .. } => items.iter().for_each(|i| out.extend(links(i))),
                Block::Table { head, rows } => head
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| inl(&mut out, c)),
                Block::Code { .. } | Block::Rule => {}
            }
        }
        out
    }

    /// The simulator's `withScriptContent` section, verbatim.
    const SCRIPT_CONTENT: &str = "## Aktivt innhold\n\nDenne teksten inneholder HTML som aldri skal kjøres:\n\n\
         <script>alert('xss fra dialoginnhold')</script>\n\n\
         <img src=\"x\" onerror=\"alert('xss fra bilde')\">\n\n\
         [Klikk her](javascript:alert('xss fra lenke'))\n";

    #[test]
    fn script_content_stays_inert_text() {
        let blocks = markdown_to_blocks(SCRIPT_CONTENT);
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 2,
                inlines: vec![text("Aktivt innhold")]
            }
        );
        assert_eq!(
            blocks[2],
            Block::Paragraph {
                inlines: vec![text("<script>alert('xss fra dialoginnhold')</script>")]
            }
        );
        assert_eq!(
            blocks[3],
            Block::Paragraph {
                inlines: vec![text("<img src=\"x\" onerror=\"alert('xss fra bilde')\">")]
            }
        );
        assert!(links(&blocks).is_empty(), "{blocks:?}");
        let json = serde_json::to_string(&blocks).unwrap();
        assert!(json.contains("Klikk her"));
        // The tree has no type that could carry markup or an attribute.
        for forbidden in ["\"html\"", "\"image\"", "\"src\"", "\"attributes\""] {
            assert!(!json.contains(forbidden), "{forbidden} in {json}");
        }
    }

    #[test]
    fn unsafe_link_targets_become_text() {
        let md = "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](jav&#x61;script:x) \
                  [d](data:text/html,x) [e](/relative) [f](vbscript:x) [ok](https://ok.example/x) \
                  [m](mailto:a@b.no) <https://auto.example> <post@c.no>";
        let blocks = markdown_to_blocks(md);
        assert_eq!(
            links(&blocks),
            [
                "https://ok.example/x",
                "mailto:a@b.no",
                "https://auto.example/",
                "mailto:post@c.no"
            ]
        );
        let Block::Paragraph { inlines } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(matches!(&inlines[0], Inline::Text { text } if text.starts_with("a b c d e f ")));
    }

    #[test]
    fn images_become_alt_text_or_a_link() {
        let blocks =
            markdown_to_blocks("![Logo](https://x.example/l.png) ![Bad](javascript:x) ![](data:x)");
        assert_eq!(
            blocks,
            [Block::Paragraph {
                inlines: vec![
                    Inline::Link {
                        href: "https://x.example/l.png".into(),
                        inlines: vec![text("Logo")]
                    },
                    text(" Bad "),
                ]
            }]
        );
    }

    #[test]
    fn structure_is_kept() {
        let md = "# T\n\nA *b* **c** `d`  \nnext\n\n1. one\n2. two\n   - nested\n\n> q\n\n```\ncode\n```\n\n---\n\n| h1 | h2 |\n|---|---|\n| a | b |\n";
        let blocks = markdown_to_blocks(md);
        assert_eq!(
            blocks[1],
            Block::Paragraph {
                inlines: vec![
                    text("A "),
                    Inline::Emphasis {
                        inlines: vec![text("b")]
                    },
                    text(" "),
                    Inline::Strong {
                        inlines: vec![text("c")]
                    },
                    text(" "),
                    Inline::Code { text: "d".into() },
                    Inline::LineBreak,
                    text("next"),
                ]
            }
        );
        assert_eq!(
            blocks[2],
            Block::List {
                ordered: true,
                items: vec![
                    vec![Block::Paragraph {
                        inlines: vec![text("one")]
                    }],
                    vec![
                        Block::Paragraph {
                            inlines: vec![text("two")]
                        },
                        Block::List {
                            ordered: false,
                            items: vec![vec![Block::Paragraph {
                                inlines: vec![text("nested")]
                            }]]
                        }
                    ],
                ]
            }
        );
        assert_eq!(
            blocks[3],
            Block::Quote {
                blocks: vec![Block::Paragraph {
                    inlines: vec![text("q")]
                }]
            }
        );
        assert_eq!(
            blocks[4],
            Block::Code {
                text: "code".into()
            }
        );
        assert_eq!(blocks[5], Block::Rule);
        assert_eq!(
            blocks[6],
            Block::Table {
                head: vec![vec![text("h1")], vec![text("h2")]],
                rows: vec![vec![vec![text("a")], vec![text("b")]]]
            }
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md = format!("{}deep", "> ".repeat(5000));
        let blocks = markdown_to_blocks(&md);
        fn depth(b: &Block) -> usize {
            match b {
                Block::Quote { blocks } => 1 + blocks.iter().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        assert!(depth(&blocks[0]) <= MAX_DEPTH, "{}", depth(&blocks[0]));
        assert!(serde_json::to_string(&blocks).unwrap().contains("deep"));
    }

    #[test]
    fn plain_text_paragraphs() {
        assert_eq!(
            plain_text_to_blocks("a\nb\r\n\r\n<b>c</b>\n"),
            [
                Block::Paragraph {
                    inlines: vec![text("a"), Inline::LineBreak, text("b")]
                },
                Block::Paragraph {
                    inlines: vec![text("<b>c</b>")]
                },
            ]
        );
    }
}
