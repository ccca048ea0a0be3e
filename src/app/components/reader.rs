//! The reading view: the article as paragraphs of word elements.
//!
//! Contract for later features and for tests: the root has `id="reader"`;
//! every word element carries `data-start` and `data-end` (Unicode scalar
//! offsets, end exclusive); every highlighted span carries `data-kind`.
//!
//! Interaction is delegated to the root: a click or tap pins the card of
//! the innermost highlight (or of the word), or closes it when it is pinned
//! already; a mouse that moves onto a word reports it (`on_hover`: the app
//! opens its card after a short delay) and reports leaving it
//! (`on_hover_leave`); the arrow keys move word to word, Tab moves between
//! highlights, Enter or Space opens, Escape closes.
//!
//! In the original view (`as_original`) a spun word is shown as its likely
//! original: one word element over the spun word's offsets, holding the
//! original, with the spun word in `data-spun`.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::markup::{Reading, Rendered};
use crate::analysis::{Document, Kind};
use crate::app::dict::SharedDict;
use crate::app::layout::paragraphs;
use crate::app::state::Doc;
use crate::app::state::OpenCard;
use crate::share::Mark;

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
    /// The text is shown before any analysis (an opened link): the summary
    /// says its highlights are coming.
    #[prop_or_default]
    pub unread: bool,
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
    /// Enter or Space on a word or highlight.
    #[prop_or_default]
    pub on_open: Callback<OpenCard>,
    /// A click or tap on a word or highlight.
    #[prop_or_default]
    pub on_click: Callback<OpenCard>,
    /// A mouse moved over a word or highlight (a real move, not the page
    /// moving under a resting pointer).
    #[prop_or_default]
    pub on_hover: Callback<OpenCard>,
    /// The mouse left a word or highlight.
    #[prop_or_default]
    pub on_hover_leave: Callback<()>,
    /// The mouse is over a word or highlight, moved or not (the page may
    /// have changed under it): keeps its card open, never opens one.
    #[prop_or_default]
    pub on_hover_keep: Callback<OpenCard>,
    #[prop_or_default]
    pub on_close: Callback<()>,
    /// Show spun words as their likely originals.
    #[prop_or_default]
    pub as_original: bool,
    /// "Read as original" in the spun-text banner.
    #[prop_or_default]
    pub on_toggle_original: Callback<()>,
    /// When set, pinyin from this dictionary is shown above every word.
    #[prop_or_default]
    pub pinyin: Option<SharedDict>,
    /// The reading above the words is zhuyin (bopomofo) instead of pinyin.
    #[prop_or_default]
    pub zhuyin: bool,
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
    // By its stretch and kind, not by the index it was written with: a
    // paragraph still showing the previous reading of the same text (while
    // a new one replaces the shown paragraphs slice by slice) carries that
    // reading's indices.
    let at = |name| mark.get_attribute(name)?.parse::<usize>().ok();
    let (start, end) = (at("data-start")?, at("data-end")?);
    let kind = mark.get_attribute("data-kind")?;
    let index: usize = mark.get_attribute("data-span")?.parse().ok()?;
    let fits = |i: usize| {
        doc.spans
            .get(i)
            .is_some_and(|s| s.start == start && s.end == end && s.kind.as_str() == kind)
    };
    if fits(index) {
        return Some(OpenCard::span(index));
    }
    match doc
        .spans
        .iter()
        .position(|s| s.start == start && s.end == end && s.kind.as_str() == kind)
    {
        Some(i) => Some(OpenCard::span(i)),
        // Gone from the new reading: the word there.
        None => {
            let i = doc.words.binary_search_by_key(&start, |w| w.start).ok()?;
            Some(OpenCard::word(i, start))
        }
    }
}

fn event_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let doc = &*props.document;

    // The paragraphs and their markup, built once per document, pinyin and
    // marks; markup is made only for the paragraphs shown so far.
    let dict = props.pinyin.as_ref().map(|d| d.0.clone());
    let rendered = use_memo(
        (
            props.document.clone(),
            props.pinyin.clone(),
            props.zhuyin,
            props.marks.clone(),
        ),
        |_| RefCell::new(Rendered::new(paragraphs(doc))),
    );
    // Markup is made per view: the original view's is made (and kept) apart.
    rendered.borrow_mut().set_view(props.as_original);
    // How many paragraphs are in the page: a first screen at once, then more
    // in later tasks until all are (progressive rendering of long texts).
    // A document of the text already shown (read again with a model that
    // arrived later) keeps everything shown so far, so nothing below the
    // reader's scroll position disappears and comes back.
    // Such a document replaces the paragraphs shown slice by slice too: the
    // first `fresh` are made from it, the others keep the markup in the
    // page (`on_screen`) until their turn, so that reading a long article
    // again never blocks the page for the time of all its markup.
    let shown = use_mut_ref(|| Shown {
        document: None,
        upto: 0,
        fresh: 0,
    });
    let on_screen = use_mut_ref(Vec::<AttrValue>::new);
    let doc_ptr = Rc::as_ptr(&props.document.0);
    let is_new = !matches!(&shown.borrow().document, Some(d) if Rc::ptr_eq(d, &props.document.0));
    let total = rendered.borrow().paragraphs.len();
    if is_new {
        let budget = if doc.chars.len() <= WHOLE_AT_ONCE_CHARS {
            usize::MAX
        } else {
            FIRST_SCREEN_CHARS
        };
        let first = rendered.borrow().count_until(0, budget);
        let mut shown = shown.borrow_mut();
        let same_text = matches!(&shown.document, Some(d) if d.text == doc.text)
            && on_screen.borrow().len() >= shown.upto;
        let (upto, fresh) = if same_text {
            (first.max(shown.upto).min(total), first.min(total))
        } else {
            (first, first)
        };
        *shown = Shown {
            document: Some(props.document.0.clone()),
            upto,
            fresh,
        };
    }
    let (upto, fresh) = {
        let shown = shown.borrow();
        (shown.upto, shown.fresh.min(shown.upto))
    };
    let refreshing = fresh < upto;
    let refresh = use_force_update();
    // Moments on the performance timeline for `make bench`: the first screen
    // of a reading is in the page, and then all of it. They are taken when
    // the page's DOM holds them: Yew makes the DOM changes of this render
    // before the microtask queued here runs, but its effects may wait for a
    // task after the browser's next frame (its scheduler yields once a
    // render passes 16 ms), which would count the frame as the app's time.
    let timeline = use_mut_ref(|| (0u32, 0u32));
    let completes = upto == total && fresh == upto && props.complete;
    {
        let mut marked = timeline.borrow_mut();
        let first = marked.0 != props.reading;
        let whole = completes && marked.1 != props.reading;
        if first {
            marked.0 = props.reading;
        }
        if whole {
            marked.1 = props.reading;
        }
        if first || whole {
            crate::app::dom::after_commit(move || {
                if first {
                    crate::app::dom::perf_mark("dudong:first-screen");
                }
                if whole {
                    crate::app::dom::perf_mark("dudong:complete");
                }
            });
        }
    }
    {
        let (shown, rendered, reading) = (shown.clone(), rendered.clone(), props.reading);
        let on_complete = props.on_complete.clone();
        use_effect_with((doc_ptr as usize, upto, fresh, completes), move |_| {
            let timer = if !completes {
                (upto < total || fresh < upto).then(|| {
                    gloo_timers::callback::Timeout::new(0, move || {
                        let mut shown = shown.borrow_mut();
                        if fresh < upto {
                            shown.fresh =
                                rendered.borrow().count_until(fresh, SLICE_CHARS).min(upto);
                        } else {
                            shown.upto = rendered.borrow().count_until(upto, SLICE_CHARS);
                            shown.fresh = shown.upto;
                        }
                        drop(shown);
                        refresh.force_update();
                    })
                })
            } else {
                crate::app::dom::set_root_data(
                    "wasmMemory",
                    &crate::app::dom::wasm_memory_bytes().to_string(),
                );
                on_complete.emit(reading);
                None
            };
            move || drop(timer)
        });
    }

    let onclick = {
        let document = props.document.clone();
        let (on_click, on_close) = (props.on_click.clone(), props.on_close.clone());
        Callback::from(move |e: MouseEvent| {
            match event_element(&e).and_then(|el| card_for(&document, &el)) {
                Some(card) => on_click.emit(card),
                None => on_close.emit(()),
            }
        })
    };
    let onpointermove = {
        let document = props.document.clone();
        let on_hover = props.on_hover.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" || !POINTER.with(|p| p.borrow().moved) {
                return;
            }
            if let Some(card) = event_element(&e).and_then(|el| card_for(&document, &el)) {
                on_hover.emit(card);
            }
        })
    };
    let onpointerover = {
        let document = props.document.clone();
        let on_hover_keep = props.on_hover_keep.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            if let Some(card) = event_element(&e).and_then(|el| card_for(&document, &el)) {
                on_hover_keep.emit(card);
            }
        })
    };
    let onpointerout = {
        let document = props.document.clone();
        let on_hover_leave = props.on_hover_leave.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            // Only leaving a word or highlight for something else counts: not
            // the page changing under a resting pointer (the text read again:
            // the browser then reports the pointer leaving at the place of
            // its last move, or leaving an element taken out of the page),
            // nor a move between the words of one highlight.
            let rests = POINTER.with(|p| p.borrow().last == Some((e.screen_x(), e.screen_y())));
            let Some(from) = event_element(&e).filter(|el| el.is_connected() && !rests) else {
                return;
            };
            let Some(card) = card_for(&document, &from) else {
                return;
            };
            let to = e
                .related_target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| card_for(&document, &el));
            if to.as_ref() != Some(&card) {
                on_hover_leave.emit(());
            }
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
        if props.zhuyin {
            hidden.push("zhuyin".into());
        }
    }
    if props.whole_page {
        hidden.push("whole-page".into());
    }
    let markup: Vec<AttrValue> = {
        let mut rendered = rendered.borrow_mut();
        let mut on_screen = on_screen.borrow_mut();
        let reading = dict.as_deref().map(|dict| Reading {
            dict,
            zhuyin: props.zhuyin,
        });
        let mut made: Vec<AttrValue> = (0..fresh)
            .map(|i| rendered.paragraph(i, doc, reading, &props.marks))
            .collect();
        made.extend(
            on_screen[fresh.min(on_screen.len())..upto.min(on_screen.len())]
                .iter()
                .cloned(),
        );
        *on_screen = made.clone();
        made
    };
    let progress = if upto < total || refreshing || !props.complete {
        "partial"
    } else {
        "complete"
    };
    if props.as_original {
        hidden.push("as-original".into());
    }
    // The summary and the banner count as the panel does (distinct items,
    // with their mentions); once per document.
    let counts = use_memo(props.document.clone(), |d| {
        let groups = crate::app::components::overview(d);
        (
            crate::app::components::summary_line(d, &groups),
            crate::app::components::spun_count(&groups),
        )
    });
    let (summary, spun) = &*counts;
    let banner = doc.summary.spun.then(|| {
        let (items, mentions) = *spun;
        let toggle = props.on_toggle_original.reform(|_: MouseEvent| ());
        html! {
            <div id="spun-banner" class="spun-banner" role="note">
                <p>{ format!("This text looks machine-spun: {}", crate::app::components::counted(items, mentions, "swapped word", "swapped words", "places")) }
                    if props.as_original { <span class="spun-hint">{ " Shown with the likely originals, underlined." }</span> }
                </p>
                <button id="read-original" aria-pressed={props.as_original.to_string()} onclick={toggle}
                    title="Show the likely original words in place of the spun ones">{ "Read as original" }</button>
            </div>
        }
    });
    html! {
        <>
        <p id="summary" class="summary" aria-live="polite">{
            if props.unread { "Finding the names, figures and terms…".to_string() } else { summary.clone() }
        }</p>
        { for banner }
        <article id="reader" class={classes!("reader", hidden)} lang="zh" aria-label="Article" data-progress={progress}
            data-names={if doc.summary.names_model && !refreshing { "model" } else { "lists" }}
            data-view={if props.as_original { "original" } else { "pasted" }}
            {onclick} {onpointermove} {onpointerover} {onpointerout} {onkeydown} {onpointerup} {onkeyup}>
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

/// Where the mouse was at the last pointermove anywhere in the page, and
/// whether that move changed it.
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct PointerTrack {
    last: Option<(i32, i32)>,
    moved: bool,
}

thread_local! {
    static POINTER: RefCell<PointerTrack> = RefCell::new(PointerTrack::default());
}

/// Follows the mouse over the whole page from the start, so that the reader
/// can tell a real move over a word from the article appearing (or moving)
/// under a resting mouse: the browser then sends moves at the pointer's old
/// position, which must not open a card. The listener captures each move
/// before the reader's own handler sees it. Keep the returned listener.
#[cfg(target_arch = "wasm32")]
pub fn track_pointer() -> Vec<gloo_events::EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    vec![gloo_events::EventListener::new_with_options(
        &window,
        "pointermove",
        gloo_events::EventListenerOptions {
            // Before the reader's own handler sees the same event.
            phase: gloo_events::EventListenerPhase::Capture,
            passive: true,
        },
        move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            let at = (e.screen_x(), e.screen_y());
            POINTER.with(|track| {
                let mut track = track.borrow_mut();
                // A pointer never seen before counts as resting: the first move
                // of a mouse that sat still while the page changed is not the
                // reader's.
                track.moved = track.last.is_some_and(|last| last != at);
                track.last = Some(at);
            });
        },
    )]
}

#[cfg(not(target_arch = "wasm32"))]
pub fn track_pointer() -> Vec<()> {
    Vec::new()
}

/// How much of the current document is in the page: paragraphs `..upto`,
/// of which `..fresh` are made from it (the others still show the previous
/// reading of the same text).
struct Shown {
    document: Option<Rc<Document>>,
    upto: usize,
    fresh: usize,
}
