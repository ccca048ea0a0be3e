//! The reading view: the article as paragraphs of word elements.
//!
//! Contract for later features and for tests: the root has `id="reader"`;
//! every word element carries `data-start` and `data-end` (Unicode scalar
//! offsets, end exclusive); every highlighted span carries `data-kind`.
//!
//! Interaction is delegated to the root: a click or tap toggles the card of
//! the innermost highlight (or of the word), a mouse resting on a word opens
//! its card after a short delay, the arrow keys move word to word, Tab moves
//! between highlights, Enter or Space opens, Escape closes.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::analysis::{Document, Kind};
use crate::app::components::kind_label;
use crate::app::dict::SharedDict;
use crate::app::layout::{paragraphs, Node};
use crate::app::state::Doc;
use crate::app::state::OpenCard;
use crate::dictionary::Dictionary;
use crate::share::Mark;

/// How long a mouse rests on a word before its card opens.
const HOVER_DELAY_MS: u32 = 350;

/// The first render holds paragraphs up to about this many characters (more
/// than a screenful); the rest follow in slices of about [`SLICE_CHARS`], one
/// per task, so that no single task blocks the page for long.
const FIRST_SCREEN_CHARS: usize = 3_000;
const SLICE_CHARS: usize = 4_000;
/// A text up to this long is rendered in one go: splitting it would cost a
/// layout and a frame between the parts (about 30 ms for a 4,000-character
/// article) for a first render only a little shorter.
const WHOLE_AT_ONCE_CHARS: usize = 8_000;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub document: Doc,
    /// False while this is the first part of a long text and the rest is
    /// still being analysed.
    #[prop_or(true)]
    pub complete: bool,
    /// Which reading this is (the engine request's id): the first part of a
    /// long text and the whole of it are one reading.
    #[prop_or_default]
    pub reading: u32,
    /// Show the page around the article (of a whole pasted page) undimmed.
    #[prop_or_default]
    pub whole_page: bool,
    #[prop_or_default]
    pub hidden: BTreeSet<Kind>,
    #[prop_or_default]
    pub open: Option<OpenCard>,
    #[prop_or_default]
    pub on_open: Callback<OpenCard>,
    #[prop_or_default]
    pub on_close: Callback<()>,
    /// When set, pinyin from this dictionary is shown above every word.
    #[prop_or_default]
    pub pinyin: Option<SharedDict>,
    /// The reader's marks, sorted by start.
    #[prop_or_default]
    pub marks: Vec<Mark>,
    /// The reader selected `start..end` of the text (for Mark).
    #[prop_or_default]
    pub on_select: Callback<(usize, usize)>,
    /// The whole of reading `reading` is in the page.
    #[prop_or_default]
    pub on_complete: Callback<u32>,
}

/// The card an element stands for: the innermost highlight around it, or
/// the word (found in `doc` by the offset the element carries).
fn card_for(doc: &Document, el: &Element) -> Option<OpenCard> {
    let target = el.closest("[data-span], .w").ok().flatten()?;
    // A word inside a highlight opens the highlight's card.
    let Some(mut mark) = target.closest("[data-span]").ok().flatten() else {
        let start: usize = target.get_attribute("data-start")?.parse().ok()?;
        let i = doc.words.binary_search_by_key(&start, |w| w.start).ok()?;
        return Some(OpenCard::word(i, start));
    };
    // Of highlights over the same stretch (a spun term is a term and a spin),
    // the outermost opens: the term's card says it looks spun.
    while let Some(parent) = mark
        .parent_element()
        .and_then(|p| p.closest("[data-span]").ok().flatten())
    {
        if parent.get_attribute("data-start") != mark.get_attribute("data-start")
            || parent.get_attribute("data-end") != mark.get_attribute("data-end")
        {
            break;
        }
        mark = parent;
    }
    mark.get_attribute("data-span")
        .and_then(|v| v.parse().ok())
        .map(OpenCard::span)
}

fn event_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let doc = &*props.document;
    let hover: Rc<RefCell<Option<gloo_timers::callback::Timeout>>> = use_mut_ref(|| None);

    // The paragraphs and their markup, built once per document, pinyin and
    // marks; markup is made only for the paragraphs shown so far.
    let dict = props.pinyin.as_ref().map(|d| d.0.clone());
    let rendered = use_memo(
        (
            props.document.clone(),
            props.pinyin.clone(),
            props.marks.clone(),
        ),
        |_| RefCell::new(Rendered::new(paragraphs(doc))),
    );
    // How many paragraphs are in the page: a first screen at once, then more
    // in later tasks until all are (progressive rendering of long texts).
    // A document of the text already shown (read again with a model that
    // arrived later) keeps everything shown so far, so nothing below the
    // reader's scroll position disappears and comes back.
    let shown = use_mut_ref(|| (None::<Rc<Document>>, 0usize));
    let doc_ptr = Rc::as_ptr(&props.document.0);
    let is_new = !matches!(&shown.borrow().0, Some(d) if Rc::ptr_eq(d, &props.document.0));
    if is_new {
        let budget = if doc.chars.len() <= WHOLE_AT_ONCE_CHARS {
            usize::MAX
        } else {
            FIRST_SCREEN_CHARS
        };
        let first = rendered.borrow().count_until(0, budget);
        let before = shown.borrow().1;
        let same_text = matches!(&shown.borrow().0, Some(d) if d.text == doc.text);
        let upto = if same_text { first.max(before) } else { first };
        *shown.borrow_mut() = (Some(props.document.0.clone()), upto);
    }
    let upto = shown.borrow().1;
    let total = rendered.borrow().paragraphs.len();
    let refresh = use_force_update();
    // Moments on the performance timeline for `make bench`: the first screen
    // of a reading is in the page, and then all of it.
    let timeline = use_mut_ref(|| (0u32, 0u32));
    {
        let (shown, rendered, complete, reading) = (
            shown.clone(),
            rendered.clone(),
            props.complete,
            props.reading,
        );
        let on_complete = props.on_complete.clone();
        use_effect_with((doc_ptr as usize, upto, complete), move |_| {
            let mut marked = timeline.borrow_mut();
            if marked.0 != reading {
                marked.0 = reading;
                crate::app::dom::perf_mark("dudong:first-screen");
            }
            let timer = if upto < total {
                Some(gloo_timers::callback::Timeout::new(0, move || {
                    let next = rendered.borrow().count_until(upto, SLICE_CHARS);
                    shown.borrow_mut().1 = next;
                    refresh.force_update();
                }))
            } else {
                if complete && marked.1 != reading {
                    marked.1 = reading;
                    crate::app::dom::perf_mark("dudong:complete");
                    crate::app::dom::set_root_data(
                        "wasmMemory",
                        &crate::app::dom::wasm_memory_bytes().to_string(),
                    );
                    on_complete.emit(reading);
                }
                None
            };
            move || drop(timer)
        });
    }

    let onclick = {
        let document = props.document.clone();
        let (on_open, on_close, open) = (
            props.on_open.clone(),
            props.on_close.clone(),
            props.open.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let Some(card) = event_element(&e).and_then(|el| card_for(&document, &el)) else {
                on_close.emit(());
                return;
            };
            if open.as_ref() == Some(&card) {
                on_close.emit(());
            } else {
                on_open.emit(card);
            }
        })
    };
    let onpointerover = {
        let document = props.document.clone();
        let (on_open, hover) = (props.on_open.clone(), hover.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            let Some(card) = event_element(&e).and_then(|el| card_for(&document, &el)) else {
                return;
            };
            let on_open = on_open.clone();
            *hover.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                HOVER_DELAY_MS,
                move || on_open.emit(card),
            ));
        })
    };
    let onpointerout = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| {
            // Leaving before the delay cancels; an open card stays until dismissed.
            hover.borrow_mut().take();
        })
    };
    let onkeydown = {
        let document = props.document.clone();
        let (on_open, on_close) = (props.on_open.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = event_element(&e) else { return };
            match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    e.prevent_default();
                    move_word(&document, &el, 1);
                }
                "ArrowLeft" | "ArrowUp" => {
                    e.prevent_default();
                    move_word(&document, &el, -1);
                }
                "Enter" | " " => {
                    if let Some(card) = card_for(&document, &el) {
                        e.prevent_default();
                        on_open.emit(card);
                    }
                }
                "Escape" => on_close.emit(()),
                _ => {}
            }
        })
    };

    // Remember a selection when it is made: typing a note afterwards moves
    // the browser's selection into the note field.
    let onpointerup = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some(range) = crate::app::dom::selected_range() {
                on_select.emit(range);
            }
        })
    };
    let onkeyup = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: KeyboardEvent| {
            if let Some(range) = crate::app::dom::selected_range() {
                on_select.emit(range);
            }
        })
    };
    let mut hidden: Vec<String> = props
        .hidden
        .iter()
        .map(|k| format!("hide-{}", k.as_str()))
        .collect();
    if props.pinyin.is_some() {
        hidden.push("pinyin".into());
    }
    if props.whole_page {
        hidden.push("whole-page".into());
    }
    let markup: Vec<AttrValue> = {
        let mut rendered = rendered.borrow_mut();
        (0..upto)
            .map(|i| rendered.paragraph(i, doc, dict.as_deref(), &props.marks))
            .collect()
    };
    let progress = if upto < total || !props.complete {
        "partial"
    } else {
        "complete"
    };
    html! {
        <>
        <p id="summary" class="summary" aria-live="polite">{ doc.summary.line() }</p>
        <article id="reader" class={classes!("reader", hidden)} lang="zh" aria-label="Article" data-progress={progress}
            data-names={if doc.summary.names_model { "model" } else { "lists" }}
            {onclick} {onpointerover} {onpointerout} {onkeydown} {onpointerup} {onkeyup}>
            // Keyed, so that adding paragraphs at the end leaves those already
            // in the page untouched (Yew matches unkeyed lists from the end).
            // Each is one raw `<p>`: Yew inserts a raw node's top-level nodes
            // one by one, and a paragraph's words would be hundreds of them.
            { for markup.into_iter().enumerate().map(|(i, paragraph)| html! {
                <key={i}>{ Html::from_html_unchecked(paragraph) }</>
            }) }
        </article>
        </>
    }
}

/// Makes the markup of every paragraph of `doc` and throws it away: run on
/// the worker's warm-up documents (`Reply::WarmedUp`), so that the browser
/// has compiled and optimised this code before the first article needs it.
/// Returns the markup's length (so that the work is not optimised away).
pub fn warm_up(doc: &Document) -> usize {
    let mut rendered = Rendered::new(paragraphs(doc));
    (0..rendered.paragraphs.len())
        .map(|i| rendered.paragraph(i, doc, None, &[]).len())
        .sum()
}

/// Moves focus to the next (or previous) word in reading order, skipping
/// whitespace; words are found by their offsets, so a long article costs
/// one lookup, not a walk over every word element.
fn move_word(doc: &Document, from: &Element, step: i32) {
    let Some(root) = from.closest("#reader").ok().flatten() else {
        return;
    };
    let current = from
        .closest(".w")
        .ok()
        .flatten()
        .or_else(|| from.query_selector(".w").ok().flatten());
    let start: Option<usize> = current
        .and_then(|c| c.get_attribute("data-start"))
        .and_then(|v| v.parse().ok());
    let is_word = |i: usize| {
        doc.chars[doc.words[i].start..doc.words[i].end]
            .iter()
            .any(|c| !c.is_whitespace())
    };
    let mut next = match start.and_then(|s| doc.words.binary_search_by_key(&s, |w| w.start).ok()) {
        // From a highlight, the first arrow press lands on its first word.
        Some(i) if from.closest(".w").ok().flatten().is_none() => Some(i),
        Some(i) => {
            let mut j = i as i64 + step as i64;
            while j >= 0 && (j as usize) < doc.words.len() && !is_word(j as usize) {
                j += step as i64;
            }
            (j >= 0 && (j as usize) < doc.words.len()).then_some(j as usize)
        }
        None => (0..doc.words.len()).find(|&i| is_word(i)),
    };
    if let Some(i) = next.take() {
        let selector = format!(".w[data-start=\"{}\"]", doc.words[i].start);
        if let Some(word) = root
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|w| w.dyn_into::<HtmlElement>().ok())
        {
            // Words become focusable only when reached, to keep the markup small.
            let _ = word.set_attribute("tabindex", "-1");
            let _ = word.focus();
        }
    }
}

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
struct Rendered {
    paragraphs: Vec<Vec<Node>>,
    /// Each paragraph's length in chars (to slice the rendering).
    lengths: Vec<usize>,
    markup: Vec<Option<AttrValue>>,
}

impl Rendered {
    fn new(paragraphs: Vec<Vec<Node>>) -> Rendered {
        let lengths = paragraphs
            .iter()
            .map(|p| p.iter().map(node_len).sum())
            .collect();
        let markup = vec![None; paragraphs.len()];
        Rendered {
            paragraphs,
            lengths,
            markup,
        }
    }

    /// The paragraph count after adding paragraphs from `from` until about
    /// `chars` more characters are in (at least one more, if any is left).
    fn count_until(&self, from: usize, chars: usize) -> usize {
        let mut n = from;
        let mut sum = 0;
        while n < self.lengths.len() && (n == from || sum < chars) {
            sum += self.lengths[n];
            n += 1;
        }
        n
    }

    fn paragraph(
        &mut self,
        i: usize,
        doc: &Document,
        dict: Option<&Dictionary>,
        marks: &[Mark],
    ) -> AttrValue {
        if self.markup[i].is_none() {
            let mut out = String::from("<p>");
            for node in &self.paragraphs[i] {
                write_node(&mut out, doc, node, dict, marks);
            }
            out.push_str("</p>");
            self.markup[i] = Some(AttrValue::from(out));
        }
        self.markup[i].clone().expect("made above")
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

use crate::app::export::escape_into;

/// One node's markup. The reading view is written as markup rather than
/// built element by element because a long article has a hundred thousand
/// word elements, and the browser's parser makes them far faster than one
/// DOM call per attribute from wasm; every piece of text goes through
/// [`escape_into`].
fn write_node(
    out: &mut String,
    doc: &Document,
    node: &Node,
    dict: Option<&Dictionary>,
    marks: &[Mark],
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
                    crate::pinyin::display(d, &doc.chars, word.start, word.end, person)
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
            for child in children {
                write_node(out, doc, child, dict, marks);
            }
            out.push_str("</mark>");
        }
    }
}
