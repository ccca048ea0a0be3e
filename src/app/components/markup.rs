//! The reading view's markup: each paragraph of a document written as one
//! `<p>` of word elements and highlights, made once per paragraph and view
//! and kept ([`Rendered`]).

use std::fmt::Write;

use yew::AttrValue;

use crate::analysis::{Document, Kind};
use crate::app::components::kind_label;
use crate::app::export::escape_into;
use crate::app::layout::Node;
use crate::dictionary::Dictionary;
use crate::share::Mark;

/// A one-line description for screen readers and the tooltip: "Spun wording: 乐成, likely 成功".
fn describe(doc: &Document, span: &crate::analysis::Span) -> String {
    let mut text = format!(
        "{}: {}",
        kind_label(span.kind),
        doc.slice(span.start, span.end)
    );
    match (&span.original, &span.term) {
        (Some(original), _) => text.push_str(&format!(", likely {original}")),
        (None, Some(term)) => text.push_str(&format!(" ({term})")),
        _ => {}
    }
    if let Some(note) = &span.note {
        text.push_str(&format!(", {note}"));
    }
    text
}

/// The paragraphs of one document and the markup (each a `<p>` with its
/// words) of those already shown.
pub struct Rendered {
    pub paragraphs: Vec<Vec<Node>>,
    /// Each paragraph's length in chars (to slice the rendering).
    lengths: Vec<usize>,
    markup: Vec<Option<AttrValue>>,
    /// The original view's markup, made when first asked for.
    original: Vec<Option<AttrValue>>,
    as_original: bool,
}

impl Rendered {
    pub fn new(paragraphs: Vec<Vec<Node>>) -> Rendered {
        let lengths = paragraphs
            .iter()
            .map(|p| p.iter().map(node_len).sum())
            .collect();
        let markup = vec![None; paragraphs.len()];
        let original = vec![None; paragraphs.len()];
        Rendered {
            paragraphs,
            lengths,
            markup,
            original,
            as_original: false,
        }
    }

    pub fn set_view(&mut self, as_original: bool) {
        self.as_original = as_original;
    }

    /// The paragraph count after adding paragraphs from `from` until about
    /// `chars` more characters are in (at least one more, if any is left).
    pub fn count_until(&self, from: usize, chars: usize) -> usize {
        let mut n = from;
        let mut sum = 0;
        while n < self.lengths.len() && (n == from || sum < chars) {
            sum += self.lengths[n];
            n += 1;
        }
        n
    }

    pub fn paragraph(
        &mut self,
        i: usize,
        doc: &Document,
        dict: Option<Reading>,
        marks: &[Mark],
    ) -> AttrValue {
        let as_original = self.as_original;
        let cache = if as_original {
            &mut self.original
        } else {
            &mut self.markup
        };
        if cache[i].is_none() {
            let mut out = String::from("<p>");
            for node in &self.paragraphs[i] {
                write_node(&mut out, doc, node, dict, marks, as_original);
            }
            out.push_str("</p>");
            cache[i] = Some(AttrValue::from(out));
        }
        cache[i].clone().expect("made above")
    }
}

/// Whether char `at` lies in the page around the article (navigation, links,
/// footer), which the reading view dims unless the reader shows the whole page.
fn outside_body(doc: &Document, at: usize) -> bool {
    doc.body.is_some_and(|(start, end)| at < start || at >= end)
}

fn node_len(node: &Node) -> usize {
    match node {
        Node::Word(_) => 1,
        Node::Space(text) => text.chars().count(),
        Node::Break => 1,
        Node::Mark(_, children) => children.iter().map(node_len).sum(),
    }
}

/// The reading shown above every word: pinyin, or zhuyin, from `dict`.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub dict: &'a Dictionary,
    pub zhuyin: bool,
}

/// One node's markup. The reading view is written as markup rather than
/// built element by element because a long article has a hundred thousand
/// word elements, and the browser's parser makes them far faster than one
/// DOM call per attribute from wasm; every piece of text goes through
/// [`escape_into`].
fn write_node(
    out: &mut String,
    doc: &Document,
    node: &Node,
    dict: Option<Reading>,
    marks: &[Mark],
    as_original: bool,
) {
    match node {
        Node::Word(i) => {
            let word = doc.words[*i];
            let text: String = doc.chars[word.start..word.end].iter().collect();
            // The reader's own mark over this word, if any.
            let mark = marks
                .iter()
                .position(|m| m.start <= word.start && word.end <= m.end);
            // Only what the contract needs: the offsets (the card finds the
            // word by them); a long article has a hundred thousand of these.
            out.push_str("<span class=\"w");
            if mark.is_some() {
                out.push_str(" marked");
            }
            if outside_body(doc, word.start) {
                out.push_str(" out");
            }
            out.push('"');
            if let Some(m) = mark {
                let _ = write!(out, " data-mark=\"{m}\"");
                if !marks[m].note.is_empty() {
                    out.push_str(" title=\"");
                    escape_into(out, &marks[m].note);
                    out.push('"');
                }
            }
            let _ = write!(
                out,
                " data-start=\"{}\" data-end=\"{}\"",
                word.start, word.end
            );
            // Pinyin sits in an attribute that CSS shows above the word, so the
            // word element's text stays exactly the article's. It is read in
            // context (the sentence around the word picks the reading of a
            // polyphonic character), and a person's name reads as a name.
            if let Some(py) = dict
                .map(|d| {
                    let person = doc.spans.iter().any(|s| {
                        s.kind == Kind::Person && s.start == word.start && word.end <= s.end
                    });
                    if d.zhuyin {
                        crate::pinyin::zhuyin::display(
                            d.dict, &doc.chars, word.start, word.end, person,
                        )
                    } else {
                        crate::pinyin::display(d.dict, &doc.chars, word.start, word.end, person)
                    }
                })
                .filter(|p| !p.is_empty())
            {
                out.push_str(" data-py=\"");
                escape_into(out, &py);
                out.push('"');
            }
            out.push('>');
            escape_into(out, &text);
            out.push_str("</span>");
        }
        Node::Space(text) => escape_into(out, text),
        Node::Break => out.push_str("<br>"),
        Node::Mark(i, children) => {
            let span = &doc.spans[*i];
            let kind = span.kind.as_str();
            let mut label = String::new();
            escape_into(&mut label, &describe(doc, span));
            let out_class = if doc.in_body(span) { "" } else { " out" };
            let _ = write!(
                out,
                "<mark class=\"hl {kind}{out_class}\" data-kind=\"{kind}\" data-span=\"{i}\" tabindex=\"0\" \
                 aria-label=\"{label}\" aria-haspopup=\"dialog\" data-start=\"{}\" data-end=\"{}\">",
                span.start, span.end
            );
            match span.original.as_deref().filter(|_| as_original) {
                // The likely original in place of the spun words, as one word.
                Some(original) => {
                    out.push_str("<span class=\"w orig\"");
                    let _ = write!(
                        out,
                        " data-start=\"{}\" data-end=\"{}\" data-spun=\"",
                        span.start, span.end
                    );
                    escape_into(out, &doc.slice(span.start, span.end));
                    out.push('"');
                    if let Some(py) = dict
                        .map(|d| {
                            if d.zhuyin {
                                let chars: Vec<char> = original.chars().collect();
                                crate::pinyin::zhuyin::display(
                                    d.dict,
                                    &chars,
                                    0,
                                    chars.len(),
                                    false,
                                )
                            } else {
                                crate::app::study::pinyin(d.dict, original)
                            }
                        })
                        .filter(|p| !p.is_empty())
                    {
                        out.push_str(" data-py=\"");
                        escape_into(out, &py);
                        out.push('"');
                    }
                    out.push('>');
                    escape_into(out, original);
                    out.push_str("</span>");
                }
                None => {
                    for child in children {
                        write_node(out, doc, child, dict, marks, as_original);
                    }
                }
            }
            out.push_str("</mark>");
        }
    }
}
