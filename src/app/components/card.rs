//! The card beside a word: what a highlight or a word means.
//!
//! `CardView` renders the content (pure, testable with the server-side
//! renderer); `CardPopup` places it next to its anchor, inside the viewport,
//! and keeps it there while the page scrolls. Cards are non-modal dialogs
//! (WCAG 1.4.13): a card opened by hovering stays while the pointer is on
//! its word or on the card and closes when it has left both (the app gives
//! it a short grace to travel between them); a clicked, tapped or keyed card
//! is pinned and stays until dismissed (Escape, ×, a click elsewhere). Only
//! one is open at a time. "+ Anki" puts what the card explains on the study
//! list.

use yew::prelude::*;

use crate::analysis::{Kind, Script, Span};
use crate::app::dict::DictState;
use crate::app::layout::Placement;
#[cfg(target_arch = "wasm32")]
use crate::app::layout::{place_card, Rect};
use crate::app::state::Doc;
use crate::app::state::{Anchor, CardTarget, OpenCard};
use crate::dictionary::{rank_entries, readable_sense, word_parts, Dictionary, SensePart};
use crate::knowledge::glossary::GlossaryEntry;

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub document: Doc,
    pub target: CardTarget,
    pub dictionary: DictState,
    /// Opens another card (a related term, another mention).
    pub on_open: Callback<OpenCard>,
    pub on_close: Callback<()>,
}

pub fn kind_label(kind: Kind) -> &'static str {
    kind.names().label
}

#[function_component(CardView)]
pub fn card_view(props: &CardViewProps) -> Html {
    let doc = &*props.document;
    let close = props.on_close.reform(|_: MouseEvent| ());
    let (label, body) = match &props.target {
        CardTarget::Span(i) => match doc.spans.get(*i) {
            // A term the open word lists found is not a glossary term.
            Some(span)
                if span.kind == Kind::Term
                    && span.term.as_deref().is_some_and(|t| doc.entry(t).is_none()) =>
            {
                ("Term".to_string(), span_body(props, *i, span))
            }
            Some(span) => (
                kind_label(span.kind).to_string(),
                span_body(props, *i, span),
            ),
            None => (
                "Card".to_string(),
                html! { <p>{ "This highlight is no longer in the text." }</p> },
            ),
        },
        CardTarget::Word(i) => {
            let word = doc
                .words
                .get(*i)
                .map(|w| doc.slice(w.start, w.end))
                .unwrap_or_default();
            (
                "Dictionary".to_string(),
                dictionary_body(&props.dictionary, &word, &props.on_open),
            )
        }
        CardTarget::Lookup(word) => (
            "Dictionary".to_string(),
            dictionary_body(&props.dictionary, word, &props.on_open),
        ),
        CardTarget::Term(term) => {
            let entry = doc.entry(term).cloned();
            match entry {
                Some(entry) => ("Glossary term".to_string(), term_body(props, &entry, None)),
                None => (
                    "Glossary term".to_string(),
                    html! { <p>{ format!("{term} is not in the glossary.") }</p> },
                ),
            }
        }
    };
    // What "Listen" reads: the word, then the sentence it stands in.
    let spoken: Vec<String> = match &props.target {
        CardTarget::Span(i) => doc.spans.get(*i).map(|s| (s.start, s.end)),
        CardTarget::Word(i) => doc.words.get(*i).map(|w| (w.start, w.end)),
        CardTarget::Lookup(_) | CardTarget::Term(_) => None,
    }
    .map(|(start, end)| {
        vec![
            doc.slice(start, end).to_string(),
            crate::app::study::sentence_around(doc, start, end),
        ]
    })
    .or_else(|| match &props.target {
        CardTarget::Lookup(word) | CardTarget::Term(word) => Some(vec![word.clone()]),
        _ => None,
    })
    .unwrap_or_default();
    let listen = (!spoken.is_empty() && crate::app::speech::available()).then(|| {
        let traditional = doc.script == Script::Traditional;
        let onclick = Callback::from(move |_: MouseEvent| {
            crate::app::speech::speak(&spoken, traditional)
        });
        html! {
            <button class="card-listen" aria-label="Listen: the word, then its sentence" title="Listen" {onclick}>{ "🔊" }</button>
        }
    });
    html! {
        <>
            <div class="card-head">
                <span class="card-kind">{ label }</span>
                { for listen }
                <button class="card-close" aria-label="Close card" onclick={close}>{ "×" }</button>
            </div>
            { body }
        </>
    }
}

fn span_body(props: &CardViewProps, i: usize, span: &Span) -> Html {
    let doc = &*props.document;
    let surface = doc.slice(span.start, span.end);
    match span.kind {
        Kind::Term => {
            let term = span.term.clone().unwrap_or_else(|| surface.clone());
            let entry = doc.entry(&term).cloned();
            // The text wrote the term another way (国内生产总值 for GDP), or
            // in traditional characters (產業鏈 for 产业链).
            let alias = (span.original.is_none() && surface != term).then_some(surface.as_str());
            let spun = span.original.is_some().then(|| {
                html! {
                    <p class="card-spun" role="note">
                        { "likely " }<strong lang="zh">{ &term }</strong>
                        { format!(" — “{surface}” looks machine-spun") }
                    </p>
                }
            });
            // A term of the open lexicon has no curated entry: its card is
            // the dictionary's, saying where the word list comes from.
            let body = match entry {
                Some(e) => term_body(props, &e, alias),
                None => html! {
                    <>
                        { dictionary_body(&props.dictionary, &term, &props.on_open) }
                        <p class="card-hint term-source">
                            { "Not in dudong's glossary: picked from open word lists (THUOCL, CC-CEDICT) as a field term, idiom or rare word of this text." }
                        </p>
                    </>
                },
            };
            html! {
                <>
                    { for spun }
                    { body }
                </>
            }
        }
        Kind::Spin => {
            let original = span.original.clone().unwrap_or_default();
            // A table hit carries the original's meaning; a word judged by
            // its neighbours carries the counts that show it.
            let why = match &span.evidence {
                Some(evidence) => html! {
                    <>
                        <p>{ format!("Here “{surface}” most likely stands for {original}.") }</p>
                        <p class="spin-evidence" lang="zh">{ evidence }</p>
                    </>
                },
                None => html! {
                    <p>{ format!("Here “{surface}” most likely stands for {original}: ") }
                        <strong>{ span.note.clone().unwrap_or_default() }</strong>{ "." }</p>
                },
            };
            html! {
                <>
                    <p class="card-title" lang="zh">
                        <span class="surface">{ &surface }</span>{ " → likely " }<strong>{ &original }</strong>
                    </p>
                    { why }
                    <p class="card-hint">{ "A spinning tool swapped the original word for a near-synonym; read it as the original." }</p>
                    { dictionary_body(&props.dictionary, &original, &props.on_open) }
                </>
            }
        }
        Kind::Figure => html! {
            <>
                <p class="card-title" lang="zh">{ &surface }</p>
                <p>{ span.note.clone().unwrap_or_default() }</p>
            </>
        },
        Kind::Person | Kind::Org | Kind::Place | Kind::Product => {
            entity_body(props, i, span, &surface)
        }
    }
}

fn entity_body(props: &CardViewProps, i: usize, span: &Span, surface: &str) -> Html {
    let doc = &*props.document;
    let name = span.term.clone().unwrap_or_else(|| surface.to_string());
    // Every mention of the same entity: same kind and same canonical name.
    let mentions: Vec<usize> = doc
        .spans
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.kind == span.kind
                && s.term.clone().unwrap_or_else(|| doc.slice(s.start, s.end)) == name
        })
        .map(|(j, _)| j)
        .collect();
    let at = mentions.iter().position(|&j| j == i).unwrap_or(0);
    let step = |delta: isize| {
        let n = mentions.len() as isize;
        let j = mentions[((at as isize + delta).rem_euclid(n)) as usize];
        props.on_open.reform(move |_: MouseEvent| OpenCard::span(j))
    };
    // Only what the text shows: a name outside the curated list gets its
    // reading and its mentions, never a description made up for it.
    let pinyin = match &props.dictionary {
        DictState::Ready(dict) => {
            let syllables = crate::pinyin::read_span(dict, &doc.chars, span.start, span.end);
            let syllables: Vec<&str> = syllables
                .iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect();
            (!syllables.is_empty()).then(|| syllables.join(" "))
        }
        _ => None,
    };
    let unlisted = (span.term.is_none() && span.note.is_none()).then(|| {
        html! {
            <p class="card-hint">{ "Found in this text; not in dudong's list of names." }</p>
        }
    });
    // A traditional text's canonical name is simplified (the knowledge is):
    // its card shows the name only as the text wrote it, since there is no
    // one-to-one way back from simplified characters to the reader's.
    let traditional = doc.script == Script::Traditional;
    let short_form = (name != surface && !traditional).then(|| {
        html! {
            <p>{ "Short form of " }<strong lang="zh">{ &name }</strong></p>
        }
    });
    html! {
        <>
            <p class="card-title"><span lang="zh">{ surface }</span>
                if let Some(py) = &pinyin { <span class="pinyin">{ format!(" {py}") }</span> }
                if let Some(en) = &span.note { <span class="card-en">{ format!(" {en}") }</span> }
            </p>
            { for short_form }
            { for unlisted }
            <p class="card-mentions">
                { format!("Mention {} of {} in this article", at + 1, mentions.len()) }
            </p>
            if mentions.len() > 1 {
                <div class="card-actions">
                    <button onclick={step(-1)}>{ "← Previous" }</button>
                    <button onclick={step(1)}>{ "Next →" }</button>
                </div>
            }
        </>
    }
}

/// Whether a glossary pinyin field says more than the term itself (not for
/// `GDP`, whose "pinyin" is `GDP`).
fn pinyin_adds(term: &str, pinyin: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    !pinyin.trim().is_empty() && squash(term) != squash(pinyin)
}

/// The joined dictionary reading of `word`, when the dictionary is loaded
/// and lists it.
fn dictionary_pinyin(dictionary: &DictState, word: &str) -> Option<String> {
    match dictionary {
        DictState::Ready(dict) => {
            crate::pinyin::word_syllables(dict, word).map(|s| crate::pinyin::join(&s))
        }
        _ => None,
    }
}

/// A glossary term's card. `alias` is how the text wrote it when that is
/// not the term (国内生产总值 for GDP): the title shows the text's words and
/// names the term below.
fn term_body(props: &CardViewProps, entry: &GlossaryEntry, alias: Option<&str>) -> Html {
    let related = entry.related.iter().map(|r| {
        let r = r.clone();
        let onclick = props.on_open.reform({
            let r = r.clone();
            move |_: MouseEvent| OpenCard {
                target: CardTarget::Term(r.clone()),
                anchor: Anchor::FromCard,
            }
        });
        html! { <button class="related" lang="zh" {onclick}>{ r }</button> }
    });
    let term_pinyin = pinyin_adds(&entry.term, &entry.pinyin).then(|| entry.pinyin.clone());
    // A traditional text's card does not name a term in simplified
    // characters the reader did not write (a Latin term like GDP it does);
    // the title, as the text wrote it, then carries the term's reading.
    let simplified_only =
        props.document.script == Script::Traditional && entry.term.chars().any(|c| c >= '\u{3400}');
    let (title, title_pinyin) = match alias {
        Some(a) => (
            a.to_string(),
            dictionary_pinyin(&props.dictionary, a)
                .or_else(|| term_pinyin.clone().filter(|_| simplified_only)),
        ),
        None => (entry.term.clone(), term_pinyin.clone()),
    };
    let names_term = alias.filter(|_| !simplified_only).map(|_| {
        html! {
            <p class="card-alias">{ "Glossary term " }<strong lang="zh">{ &entry.term }</strong>
                if let Some(py) = &term_pinyin { <span class="pinyin">{ format!(" {py}") }</span> }
            </p>
        }
    });
    html! {
        <>
            <p class="card-title"><span lang="zh">{ title }</span>
                if let Some(py) = title_pinyin { <span class="pinyin">{ format!(" {py}") }</span> }
            </p>
            { for names_term }
            <p class="card-gloss">{ &entry.en }</p>
            <p lang="zh">{ &entry.zh }</p>
            <p>{ &entry.explain }</p>
            if !entry.related.is_empty() {
                <div class="card-related"><span>{ "Related: " }</span>{ for related }</div>
            }
        </>
    }
}

/// A sense with its cross-references as buttons that open their own card
/// (`比利时 Bǐlìshí`) and `CL:` written out as "measure word".
fn sense_html(sense: &str, on_open: &Callback<OpenCard>) -> Html {
    let parts = readable_sense(sense).into_iter().map(|part| match part {
        SensePart::Text(t) => html! { { t } },
        SensePart::Word { word, pinyin } => {
            let onclick = on_open.reform({
                let word = word.clone();
                move |_: MouseEvent| OpenCard {
                    target: CardTarget::Lookup(word.clone()),
                    anchor: Anchor::FromCard,
                }
            });
            html! {
                <button class="xref" {onclick}><span lang="zh">{ word }</span>
                    if !pinyin.is_empty() { <span class="pinyin">{ format!(" {pinyin}") }</span> }
                </button>
            }
        }
    });
    html! { <>{ for parts }</> }
}

fn dictionary_body(dictionary: &DictState, word: &str, on_open: &Callback<OpenCard>) -> Html {
    match dictionary {
        DictState::Loading => html! { <p class="card-hint">{ "loading dictionary…" }</p> },
        DictState::Failed(why) => {
            html! { <p class="card-hint">{ format!("The dictionary could not be loaded: {why}") }</p> }
        }
        DictState::Ready(dict) => {
            let entries = rank_entries(dict.lookup(word));
            if entries.is_empty() {
                return unknown_word_body(dict, word, on_open);
            }
            html! {
                <>
                    { for entries.iter().take(4).map(|e| html! {
                        <div class="dict-entry">
                            <p class="card-title"><span lang="zh">{ &e.simplified }</span>
                                if e.traditional != e.simplified {
                                    <span class="trad" lang="zh-Hant">{ format!(" ({})", e.traditional) }</span>
                                }
                                <span class="pinyin">{ format!(" {}", e.pinyin) }</span></p>
                            <ol class="senses">{ for e.senses.iter().take(6).map(|s| html! { <li>{ sense_html(s, on_open) }</li> }) }</ol>
                        </div>
                    }) }
                </>
            }
        }
    }
}

/// A word the dictionary does not list: the words and characters it is
/// made of, each with its reading and first sense, each opening its card.
fn unknown_word_body(dict: &Dictionary, word: &str, on_open: &Callback<OpenCard>) -> Html {
    let parts = word_parts(dict, word);
    if parts.iter().all(|p| p.gloss.is_none()) {
        return html! { <p class="card-title" lang="zh">{ word }<span class="card-hint">{ " — not in the dictionary" }</span></p> };
    }
    let items = parts.into_iter().map(|p| {
        let onclick = on_open.reform({
            let text = p.text.clone();
            move |_: MouseEvent| OpenCard {
                target: CardTarget::Lookup(text.clone()),
                anchor: Anchor::FromCard,
            }
        });
        let known = p.gloss.is_some();
        html! {
            <li>
                if known {
                    <button class="xref" {onclick}><span lang="zh">{ &p.text }</span>
                        if !p.pinyin.is_empty() { <span class="pinyin">{ format!(" {}", p.pinyin) }</span> }
                    </button>
                } else {
                    <span lang="zh">{ &p.text }</span>
                }
                if let Some(g) = &p.gloss { <span class="part-gloss">{ format!(" — {g}") }</span> }
            </li>
        }
    });
    html! {
        <>
            <p class="card-title" lang="zh">{ word }</p>
            <p class="card-hint">{ "Not in the dictionary as one word. Its parts:" }</p>
            <ul class="word-parts">{ for items }</ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardPopupProps {
    pub document: Doc,
    pub card: OpenCard,
    pub dictionary: DictState,
    pub on_open: Callback<OpenCard>,
    pub on_close: Callback<()>,
    /// Clicked, tapped or keyed open (it stays until dismissed).
    #[prop_or_default]
    pub pinned: bool,
    /// What the card explains is on the study list.
    #[prop_or_default]
    pub in_study: bool,
    /// "+ Anki": add to the study list or take it off.
    #[prop_or_default]
    pub on_study: Callback<CardTarget>,
    /// The pointer came onto the card, or left it.
    #[prop_or_default]
    pub on_pointer_enter: Callback<()>,
    #[prop_or_default]
    pub on_pointer_leave: Callback<()>,
}

/// The positioned dialog around a `CardView`.
#[function_component(CardPopup)]
pub fn card_popup(props: &CardPopupProps) -> Html {
    let placement = use_state(|| None::<Placement>);
    {
        let placement = placement.clone();
        let anchor = props.card.anchor.clone();
        let on_close = props.on_close.clone();
        use_effect_with(anchor, move |anchor| {
            let selector = crate::app::dom::selector(anchor).unwrap_or_default();
            let listeners = position::follow(selector, placement, on_close);
            move || drop(listeners)
        });
    }
    let style = match *placement {
        Some(p) => p.style(),
        None => "visibility:hidden".to_string(),
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    let on_study = {
        let target = props.card.target.clone();
        props.on_study.reform(move |_: MouseEvent| target.clone())
    };
    let mouse_only = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                callback.emit(());
            }
        })
    };
    html! {
        <div id="card" class={classes!("card", props.pinned.then_some("pinned"))} role="dialog" aria-modal="false"
             aria-label="Word card" aria-live="polite" data-pinned={props.pinned.to_string()}
             {style} {onkeydown} tabindex="-1"
             onpointerenter={mouse_only(&props.on_pointer_enter)} onpointerleave={mouse_only(&props.on_pointer_leave)}>
            <CardView document={props.document.clone()} target={props.card.target.clone()}
                dictionary={props.dictionary.clone()} on_open={props.on_open.clone()} on_close={props.on_close.clone()} />
            <div class="card-study">
                <button id="card-anki" class="card-anki" aria-pressed={props.in_study.to_string()} onclick={on_study}
                    title="Add this to the words you export for Anki">
                    { if props.in_study { "✓ In Anki list" } else { "+ Anki" } }</button>
            </div>
        </div>
    }
}

/// Measuring and following the anchor needs the browser; natively there is
/// nothing to measure and the card stays hidden.
mod position {
    use super::*;

    #[cfg(target_arch = "wasm32")]
    pub fn follow(
        anchor: String,
        placement: UseStateHandle<Option<Placement>>,
        on_close: Callback<()>,
    ) -> Vec<gloo_events::EventListener> {
        let window = web_sys::window().expect("window");
        let update = {
            let placement = placement.clone();
            let anchor = anchor.clone();
            move || {
                let Some(window) = web_sys::window() else {
                    return;
                };
                let Some(doc) = window.document() else { return };
                let Ok(Some(el)) = doc.query_selector(&anchor) else {
                    return;
                };
                let r = el.get_bounding_client_rect();
                let vw = window
                    .inner_width()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(800.0);
                let vh = window
                    .inner_height()
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(600.0);
                let rect = Rect {
                    left: r.left(),
                    top: r.top(),
                    right: r.right(),
                    bottom: r.bottom(),
                };
                placement.set(Some(place_card(rect, vw, vh)));
            }
        };
        update();
        let on_scroll = {
            let update = update.clone();
            gloo_events::EventListener::new_with_options(
                &window,
                "scroll",
                gloo_events::EventListenerOptions {
                    phase: gloo_events::EventListenerPhase::Capture,
                    passive: true,
                },
                move |_| update(),
            )
        };
        let on_resize = gloo_events::EventListener::new(&window, "resize", move |_| update());
        // Escape dismisses the card wherever focus is (WCAG 1.4.13).
        let on_escape = {
            let on_close = on_close.clone();
            gloo_events::EventListener::new(&window, "keydown", move |e| {
                use wasm_bindgen::JsCast;
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    if e.key() == "Escape" {
                        on_close.emit(());
                    }
                }
            })
        };
        // A click outside the card and the article dismisses it too.
        let on_outside = gloo_events::EventListener::new(&window, "click", move |e| {
            use wasm_bindgen::JsCast;
            let inside = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("#card, #reader").ok().flatten())
                .is_some();
            if !inside {
                on_close.emit(());
            }
        });
        vec![on_scroll, on_resize, on_escape, on_outside]
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn follow(
        _anchor: String,
        _placement: UseStateHandle<Option<Placement>>,
        _on_close: Callback<()>,
    ) -> Vec<()> {
        Vec::new()
    }
}
