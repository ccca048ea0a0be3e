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
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::analysis::{Document, Kind};
use crate::app::components::kind_label;
use crate::app::layout::{paragraphs, Node};
use crate::app::state::OpenCard;
use crate::app::study;
use crate::app::dict::SharedDict;
use crate::share::Mark;
use crate::dictionary::Dictionary;

/// How long a mouse rests on a word before its card opens.
const HOVER_DELAY_MS: u32 = 350;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub document: Rc<Document>,
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
}

/// The card an element stands for: the innermost highlight around it, or the word.
fn card_for(el: &Element) -> Option<OpenCard> {
    let target = el.closest("[data-span], [data-word]").ok().flatten()?;
    // A word inside a highlight opens the highlight's card.
    let Some(mut mark) = target.closest("[data-span]").ok().flatten() else {
        return target.get_attribute("data-word").and_then(|v| v.parse().ok()).map(OpenCard::word);
    };
    // Of highlights over the same stretch (a spun term is a term and a spin),
    // the outermost opens: the term's card says it looks spun.
    while let Some(parent) = mark.parent_element().and_then(|p| p.closest("[data-span]").ok().flatten()) {
        if parent.get_attribute("data-start") != mark.get_attribute("data-start")
            || parent.get_attribute("data-end") != mark.get_attribute("data-end")
        {
            break;
        }
        mark = parent;
    }
    mark.get_attribute("data-span").and_then(|v| v.parse().ok()).map(OpenCard::span)
}

fn event_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let doc = &*props.document;
    let paragraphs = paragraphs(doc);
    let hover: Rc<RefCell<Option<gloo_timers::callback::Timeout>>> = use_mut_ref(|| None);

    let onclick = {
        let (on_open, on_close, open) = (props.on_open.clone(), props.on_close.clone(), props.open.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(card) = event_element(&e).and_then(|el| card_for(&el)) else {
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
        let (on_open, hover) = (props.on_open.clone(), hover.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            let Some(card) = event_element(&e).and_then(|el| card_for(&el)) else { return };
            let on_open = on_open.clone();
            *hover.borrow_mut() = Some(gloo_timers::callback::Timeout::new(HOVER_DELAY_MS, move || on_open.emit(card)));
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
        let (on_open, on_close) = (props.on_open.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = event_element(&e) else { return };
            match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    e.prevent_default();
                    move_word(&el, 1);
                }
                "ArrowLeft" | "ArrowUp" => {
                    e.prevent_default();
                    move_word(&el, -1);
                }
                "Enter" | " " => {
                    if let Some(card) = card_for(&el) {
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
    let mut hidden: Vec<String> = props.hidden.iter().map(|k| format!("hide-{}", k.as_str())).collect();
    if props.pinyin.is_some() {
        hidden.push("pinyin".into());
    }
    let dict = props.pinyin.as_ref().map(|d| &*d.0);
    let marks = &props.marks[..];
    html! {
        <>
        <p id="summary" class="summary" aria-live="polite">{ doc.summary.line() }</p>
        <article id="reader" class={classes!("reader", hidden)} lang="zh" aria-label="Article"
            {onclick} {onpointerover} {onpointerout} {onkeydown} {onpointerup} {onkeyup}>
            { for paragraphs.iter().map(|nodes| html! {
                <p>{ for nodes.iter().map(|node| render(doc, node, dict, marks)) }</p>
            }) }
        </article>
        </>
    }
}

/// Moves focus to the next (or previous) word element in reading order.
fn move_word(from: &Element, step: i32) {
    let Some(root) = from.closest("#reader").ok().flatten() else { return };
    let Ok(words) = root.query_selector_all(".w") else { return };
    let current = from.closest(".w").ok().flatten().or_else(|| from.query_selector(".w").ok().flatten());
    let n = words.length();
    let mut index = None;
    if let Some(current) = current {
        for i in 0..n {
            if words.get(i).map(|w| w.is_same_node(Some(&current))).unwrap_or(false) {
                index = Some(i);
                break;
            }
        }
    }
    let next = match index {
        Some(i) if step > 0 => (i + 1).min(n.saturating_sub(1)),
        Some(i) => i.saturating_sub(1),
        None => 0,
    };
    if let Some(word) = words.get(next).and_then(|w| w.dyn_into::<HtmlElement>().ok()) {
        let _ = word.focus();
    }
}

/// A one-line description for screen readers and the tooltip: "Spun wording: 乐成, likely 成功".
fn describe(doc: &Document, span: &crate::analysis::Span) -> String {
    let mut text = format!("{}: {}", kind_label(span.kind), doc.slice(span.start, span.end));
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

fn render(doc: &Document, node: &Node, dict: Option<&Dictionary>, marks: &[Mark]) -> Html {
    match node {
        Node::Word(i) => {
            let word = doc.words[*i];
            let text: String = doc.chars[word.start..word.end].iter().collect();
            // Pinyin sits in an attribute that CSS shows above the word, so the
            // word element's text stays exactly the article's.
            let py = dict.map(|d| study::pinyin(d, &text)).filter(|p| !p.is_empty());
            // The reader's own mark over this word, if any.
            let mark = marks.iter().position(|m| m.start <= word.start && word.end <= m.end);
            let note = mark.map(|m| marks[m].note.clone()).filter(|n| !n.is_empty());
            html! {
                <span class={classes!("w", mark.map(|_| "marked"))} data-mark={mark.map(|m| m.to_string())}
                    title={note} data-word={i.to_string()} tabindex="-1" data-py={py}
                    data-start={word.start.to_string()} data-end={word.end.to_string()}>
                    { text }
                </span>
            }
        }
        Node::Space(text) => html! { { text.clone() } },
        Node::Break => html! { <br /> },
        Node::Mark(i, children) => {
            let span = &doc.spans[*i];
            let kind = span.kind.as_str();
            let label = describe(doc, span);
            html! {
                <mark class={classes!("hl", kind)} data-kind={kind} data-span={i.to_string()} tabindex="0"
                    title={label.clone()} aria-label={label} aria-haspopup="dialog"
                    data-start={span.start.to_string()} data-end={span.end.to_string()}>
                    { for children.iter().map(|child| render(doc, child, dict, marks)) }
                </mark>
            }
        }
    }
}
