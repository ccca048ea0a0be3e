//! The highlighted article as one self-contained HTML file: what a reader
//! sends instead of a link that is too long for chat apps. Everything from
//! the article is escaped; the file has no script and opens offline.

use crate::analysis::Document;
use crate::app::layout::{paragraphs, Node};
use crate::share::Mark;

/// Links longer than this may be cut by chat apps and mail clients; past it
/// the reader is offered the file instead.
pub const SAFE_LINK_CHARS: usize = 32_000;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Text for HTML: the five characters that could end a text node or an
/// attribute value are escaped, so the reader's text is only ever text (the
/// reading view's markup and this file share it).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

const STYLE: &str = "body{max-width:46rem;margin:2rem auto;padding:0 1rem;font:1.15rem/2 serif;color:#1f2328;background:#fbfaf7}\
mark{color:inherit;border-radius:3px}.person{background:#fde2c8}.org{background:#d5e6fb}.place{background:#d8f0d2}\
.product{background:#eadcf8}.figure{background:#fff1a8}.term{background:#cdeee9}.spin{background:#f9c9cf}\
.marked{outline:2px solid #b4232a}.legend span{padding:0 .4rem;margin-right:.3rem;border-radius:3px;font:0.9rem sans-serif}\
footer{color:#5f6670;font:0.85rem sans-serif;margin-top:2rem}";

/// The article with its highlights and the reader's marks.
pub fn standalone_html(doc: &Document, marks: &[Mark]) -> String {
    let mut body = String::new();
    for nodes in paragraphs(doc) {
        body.push_str("<p>");
        for node in &nodes {
            write_node(doc, node, marks, &mut body);
        }
        body.push_str("</p>\n");
    }
    let legend = "<p class=\"legend\"><span class=\"person\">person</span><span class=\"org\">organisation</span>\
<span class=\"place\">place</span><span class=\"product\">product</span><span class=\"figure\">figure</span>\
<span class=\"term\">term</span><span class=\"spin\">spun wording</span><span class=\"marked\">reader's mark</span></p>";
    let notes: String = marks
        .iter()
        .filter(|m| !m.note.is_empty())
        .map(|m| {
            format!(
                "<li><q>{}</q>: {}</li>",
                escape(&doc.slice(m.start, m.end)),
                escape(&m.note)
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>dudong</title><style>{STYLE}</style></head>\
<body>{legend}<p>{}</p>\n{body}{}<footer>Made with dudong (读懂).</footer></body></html>\n",
        escape(&doc.summary_line()),
        if notes.is_empty() { String::new() } else { format!("<h2>Notes</h2><ul>{notes}</ul>") },
    )
}

fn write_node(doc: &Document, node: &Node, marks: &[Mark], out: &mut String) {
    match node {
        Node::Word(i) => {
            let w = doc.words[*i];
            let text = escape(&doc.slice(w.start, w.end));
            if marks.iter().any(|m| m.start <= w.start && w.end <= m.end) {
                out.push_str(&format!("<span class=\"marked\">{text}</span>"));
            } else {
                out.push_str(&text);
            }
        }
        Node::Space(text) => out.push_str(&escape(text)),
        Node::Break => out.push_str("<br>"),
        Node::Mark(i, children) => {
            let span = &doc.spans[*i];
            let title = escape(
                &span
                    .original
                    .clone()
                    .or_else(|| span.note.clone())
                    .unwrap_or_default(),
            );
            out.push_str(&format!(
                "<mark class=\"{}\" title=\"{title}\">",
                span.kind.as_str()
            ));
            for child in children {
                write_node(doc, child, marks, out);
            }
            out.push_str("</mark>");
        }
    }
}
