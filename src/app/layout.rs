//! Turns a [`Document`] into what the reading view shows: paragraphs of
//! words, with highlighted spans nested around the words they cover. Kept
//! apart from the component so the nesting rules are tested natively.

use crate::analysis::{Document, Span};

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A word, by index into `Document::words`.
    Word(usize),
    /// Whitespace inside a line, shown as it is.
    Space(String),
    /// A single line break inside a paragraph.
    Break,
    /// A highlighted span (by index into `Document::spans`) around its words.
    Mark(usize, Vec<Node>),
}

/// Paragraphs (split at blank lines), each a list of nodes.
pub fn paragraphs(doc: &Document) -> Vec<Vec<Node>> {
    let spans = nested_spans(doc);
    let mut paragraphs: Vec<Vec<Node>> = Vec::new();
    // A stack of open marks: (span index, children so far).
    let mut stack: Vec<(usize, Vec<Node>)> = Vec::new();
    let mut current: Vec<Node> = Vec::new();
    let mut next_span = 0;

    fn push(stack: &mut [(usize, Vec<Node>)], current: &mut Vec<Node>, node: Node) {
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => current.push(node),
        }
    }
    fn close(stack: &mut Vec<(usize, Vec<Node>)>, current: &mut Vec<Node>) {
        if let Some((span, children)) = stack.pop() {
            push(stack, current, Node::Mark(span, children));
        }
    }

    let mut i = 0;
    while i < doc.words.len() {
        let word = doc.words[i];
        while let Some(&(top, _)) = stack.last() {
            if doc.spans[top].end <= word.start {
                close(&mut stack, &mut current);
            } else {
                break;
            }
        }
        while next_span < spans.len() && doc.spans[spans[next_span]].start <= word.start {
            stack.push((spans[next_span], Vec::new()));
            next_span += 1;
        }
        let is_space =
            |w: &crate::analysis::Word| doc.chars[w.start..w.end].iter().all(|c| c.is_whitespace());
        if !is_space(&word) {
            push(&mut stack, &mut current, Node::Word(i));
            i += 1;
            continue;
        }
        // The segmenter may split a whitespace run (each newline alone), so
        // take the whole run before deciding between space, break and paragraph.
        let mut end = i + 1;
        while end < doc.words.len() && is_space(&doc.words[end]) {
            end += 1;
        }
        let chars = &doc.chars[word.start..doc.words[end - 1].end];
        i = end;
        let newlines = count_line_breaks(chars);
        if newlines >= 2 {
            while !stack.is_empty() {
                close(&mut stack, &mut current);
            }
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else if newlines == 1 {
            push(&mut stack, &mut current, Node::Break);
        } else {
            push(
                &mut stack,
                &mut current,
                Node::Space(chars.iter().collect()),
            );
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut current);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// CRLF counts once; a lone CR counts as a line end too.
fn count_line_breaks(chars: &[char]) -> usize {
    let mut n = 0;
    let mut prev = '\0';
    for &c in chars {
        match c {
            '\n' if prev == '\r' => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => n += 1,
            _ => {}
        }
        prev = c;
    }
    n
}

/// The indices of the spans to show, in document order, keeping only spans
/// that nest properly: a span that starts inside another and ends outside it
/// would break the element tree, so the later one is dropped. Spans must also
/// sit on word boundaries, which the analyser guarantees.
fn nested_spans(doc: &Document) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.spans.len()).collect();
    order.sort_by_key(|&i| {
        let s: &Span = &doc.spans[i];
        (s.start, std::cmp::Reverse(s.end), s.kind)
    });
    let mut kept: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for i in order {
        let s = &doc.spans[i];
        if s.start >= s.end {
            continue;
        }
        while let Some(&top) = open.last() {
            if doc.spans[top].end <= s.start {
                open.pop();
            } else {
                break;
            }
        }
        if let Some(&top) = open.last() {
            if s.end > doc.spans[top].end {
                continue;
            }
        }
        open.push(i);
        kept.push(i);
    }
    kept
}

/// An element's box in viewport coordinates (CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// Where a card goes: fixed to the viewport, beside its anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub left: f64,
    pub width: f64,
    /// Set when the card opens below the anchor.
    pub top: Option<f64>,
    /// Set (distance from the viewport's bottom) when it opens above.
    pub bottom: Option<f64>,
    pub max_height: f64,
}

impl Placement {
    pub fn style(&self) -> String {
        let vertical = match (self.top, self.bottom) {
            (Some(top), _) => format!("top:{top:.0}px"),
            (None, Some(bottom)) => format!("bottom:{bottom:.0}px"),
            (None, None) => String::new(),
        };
        format!(
            "position:fixed;left:{:.0}px;width:{:.0}px;max-height:{:.0}px;{vertical}",
            self.left, self.width, self.max_height
        )
    }
}

/// Margin kept between a card and the viewport's edges or its anchor.
const GAP: f64 = 8.0;
const CARD_WIDTH: f64 = 360.0;

/// Places a card next to `anchor` so that it never leaves a `vw` × `vh`
/// viewport: below the word when there is at least as much room there as
/// above, otherwise above (flip); clamped sideways; and no taller than the
/// room it has (it scrolls inside).
pub fn place_card(anchor: Rect, vw: f64, vh: f64) -> Placement {
    let width = CARD_WIDTH.min(vw - 2.0 * GAP).max(0.0);
    let left = anchor.left.min(vw - GAP - width).max(GAP);
    // An anchor scrolled out of view still gets a card inside the viewport.
    let anchor = Rect {
        top: anchor.top.clamp(0.0, vh),
        bottom: anchor.bottom.clamp(0.0, vh),
        ..anchor
    };
    let room_below = vh - anchor.bottom - 2.0 * GAP;
    let room_above = anchor.top - 2.0 * GAP;
    if room_below >= room_above || room_below >= 240.0 {
        Placement {
            left,
            width,
            top: Some(anchor.bottom + GAP),
            bottom: None,
            max_height: room_below.max(80.0),
        }
    } else {
        Placement {
            left,
            width,
            top: None,
            bottom: Some(vh - anchor.top + GAP),
            max_height: room_above.max(80.0),
        }
    }
}
