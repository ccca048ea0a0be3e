//! The browser app: [`App`] composes the paste area and the reading view;
//! [`state`] holds every transition in one reducer; `components/` has one
//! file per component. Components are thin: they render state and dispatch
//! actions, and all analysis happens in [`crate::analysis`].

pub mod components;
pub mod crash;
pub mod dict;
pub mod dom;
pub mod engine;
pub mod export;
pub mod fetch;
pub mod layout;
pub mod protocol;
pub mod speech;
pub mod state;
pub mod storage;
pub mod study;
#[cfg(target_arch = "wasm32")]
pub mod worker;
// Everyday use: reading comfort, the library, offline.
pub mod comfort;
pub mod library;
pub mod offline;
pub mod rich_text;

use yew::prelude::*;

use components::{CardPopup, GlossaryImport, Panel, PasteArea, Reader};
use components::{Comfort, Library, UpdateNotice};
use dict::DictState;
use protocol::Reply;
use state::{Action, AppState, EngineStatus, OpenCard, Screen};

#[cfg(target_arch = "wasm32")]
fn hash_listener(dispatcher: UseReducerDispatcher<AppState>) -> Vec<gloo_events::EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    vec![gloo_events::EventListener::new(
        &window,
        "hashchange",
        move |_| {
            let (_, fragment) = dom::location();
            if !fragment.is_empty() {
                let draft = storage::load(storage::DRAFT_KEY).filter(|d| !d.trim().is_empty());
                open_link(&dispatcher, &fragment, draft);
            }
        },
    )]
}

#[cfg(not(target_arch = "wasm32"))]
fn hash_listener(_dispatcher: UseReducerDispatcher<AppState>) -> Vec<()> {
    Vec::new()
}

/// Opens what a link's fragment holds. A damaged link says what is wrong and
/// leaves the reader's own draft where it was. (The link model is fetched
/// first if this page has not needed it yet.)
fn open_link(dispatcher: &UseReducerDispatcher<AppState>, fragment: &str, draft: Option<String>) {
    let (dispatcher, fragment) = (dispatcher.clone(), fragment.to_string());
    yew::platform::spawn_local(async move {
        let opened = match fetch::share_model().await {
            Ok(()) => {
                crate::share::decode(crate::share::payload_of(&fragment)).map_err(|e| e.to_string())
            }
            Err(why) => Err(format!("This link cannot be opened yet: {why}")),
        };
        match opened {
            Ok(shared) => {
                let previous = draft.filter(|d| *d != shared.text);
                dispatcher.dispatch(Action::OpenShared { shared, previous });
            }
            Err(error) => {
                if let Some(draft) = draft {
                    dispatcher.dispatch(Action::RestoreDraft(draft));
                }
                dispatcher.dispatch(Action::Notice(format!(
                    "{error}. Nothing you had here was changed."
                )));
            }
        }
    });
}

/// Turns what the engine says into actions (and the marks the benchmark reads).
fn on_engine_event(dispatcher: UseReducerDispatcher<AppState>) -> Callback<engine::Event> {
    Callback::from(move |event| match event {
        engine::Event::Reply(reply) => {
            if let Reply::Analyzed { ms, id, .. } = &reply {
                dom::set_root_data("analysisId", &id.to_string());
                // Tenths by integers: the first float formatting would cost
                // the first article a millisecond of compiling.
                let tenths = (ms * 10.0).round() as u64;
                dom::set_root_data("analysisMs", &format!("{}.{}", tenths / 10, tenths % 10));
            }
            if let Reply::Ready { memory } | Reply::Analyzed { memory, .. } = &reply {
                dom::set_root_data("workerMemory", &memory.to_string());
                dom::set_root_data("wasmMemory", &dom::wasm_memory_bytes().to_string());
            }
            if let Reply::Models {
                names,
                terms,
                dictionary,
            } = &reply
            {
                // For tests and the benchmark: the engine is complete.
                let state = |r: &Result<u32, String>| if r.is_ok() { "ready" } else { "failed" };
                dom::set_root_data("namesModel", state(names));
                dom::set_root_data("termsLexicon", state(terms));
                dom::set_root_data("dictionary", state(dictionary));
            }
            if let Reply::Ready { .. } = &reply {
                dom::set_root_data("engine", "ready");
                dom::perf_mark("dudong:engine-ready");
            }
            if let Reply::WarmedUp { document } = reply {
                if let Some(document) = document.with_text(crate::knowledge::WARM_UP_TEXT.into()) {
                    components::warm_up_reader(&document);
                }
                return;
            }
            if let Some(action) = Action::from_reply(reply) {
                dispatcher.dispatch(action);
            }
        }
        engine::Event::Failed(why) => {
            dom::set_root_data("engine", "failed");
            dispatcher.dispatch(Action::EngineFailed(why));
        }
    })
}

/// How long a mouse rests on a word before its card opens.
const HOVER_DELAY_MS: u32 = 350;
/// How long a card opened by hovering stays after the pointer left its word
/// or the card: time to travel from one to the other (shorter than the
/// delay, so that it never closes the next word's card).
const HOVER_GRACE_MS: u32 = 300;

/// The pending hover timers: the card about to open (for which target),
/// and the unpinned card about to close.
#[derive(Default)]
struct HoverTimers {
    open: Option<(state::CardTarget, gloo_timers::callback::Timeout)>,
    close: Option<gloo_timers::callback::Timeout>,
}

/// A small sign while the engine (the segmenter) loads: the page is usable
/// meanwhile, and says so in a reader's words.
fn engine_indicator(status: &EngineStatus) -> Html {
    match status {
        EngineStatus::Starting => html! {
            <p id="engine-status" class="engine-status" role="status">
                <span class="spinner" aria-hidden="true"></span>{ "Getting ready: you can paste already" }</p>
        },
        EngineStatus::Ready => html! {},
        EngineStatus::Failed(why) => html! {
            <p id="engine-status" class="engine-status failed" role="alert">
                { format!("The segmenter stopped: {why}. Press Read to start it again.") }</p>
        },
    }
}

/// `callback`, or one that does nothing while the text on screen is unread.
fn live<T: 'static>(unread: bool, callback: Callback<T>) -> Callback<T> {
    if unread {
        Callback::noop()
    } else {
        callback
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);

    // The mouse is followed from the start, so that a card never opens under
    // a pointer that did not move (see `reader::track_pointer`).
    use_effect_with((), |_| {
        let listener = components::track_pointer();
        move || drop(listener)
    });
    // The engine starts in its worker at once; the page does not wait for it.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            dom::set_root_data("engine", "loading");
            engine::start(on_engine_event(dispatcher));
        });
    }
    // Every request the reducer queued goes to the engine once, in order.
    {
        let sent = use_mut_ref(|| 0u32);
        let outbox = state.outbox.clone();
        use_effect_with(state.next_id, move |_| {
            for request in outbox.iter() {
                if request.id() > *sent.borrow() {
                    *sent.borrow_mut() = request.id();
                    engine::send(request.clone());
                }
            }
        });
    }

    // The draft is saved as the reader types (after a pause), so that a
    // reload, a crash or an opened link never loses it.
    let autosave = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let on_input = {
        let state = state.dispatcher();
        Callback::from(move |text: String| {
            let (saved, dispatcher) = (text.clone(), state.clone());
            *autosave.borrow_mut() = Some(gloo_timers::callback::Timeout::new(400, move || {
                if let Err(why) = storage::save(storage::DRAFT_KEY, &saved) {
                    // The text stays on screen; the reader learns it is not kept.
                    dispatcher.dispatch(Action::Notice(format!(
                        "Your text is not saved in this browser: {why}."
                    )));
                }
            }));
            state.dispatch(Action::Edit(text))
        })
    };
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let draft = storage::load(storage::DRAFT_KEY).filter(|d| !d.trim().is_empty());
            let (_, fragment) = dom::location();
            if fragment.is_empty() {
                // The article that was being read, with its marks, if it is the draft.
                let reading = storage::load(storage::READING_KEY)
                    .and_then(|json| serde_json::from_str::<storage::Reading>(&json).ok())
                    .zip(draft.as_ref())
                    .and_then(|(reading, draft)| reading.over(draft));
                match (reading, draft) {
                    (Some(shared), _) => dispatcher.dispatch(Action::OpenShared {
                        shared,
                        previous: None,
                    }),
                    (None, Some(draft)) => dispatcher.dispatch(Action::RestoreDraft(draft)),
                    (None, None) => {}
                }
            } else {
                open_link(&dispatcher, &fragment, draft);
            }
            // A deliberate crash, so that the end-to-end tests can prove the crash message works.
            if dom::location_search().contains("selftest=panic") {
                gloo_timers::callback::Timeout::new(50, || panic!("self-test: a deliberate panic"))
                    .forget();
            }
        });
    }
    let on_read = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::Read))
    };
    let on_sample = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::LoadSample))
    };
    let on_edit = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::BackToEdit))
    };
    let on_open = {
        let state = state.dispatcher();
        Callback::from(move |card: OpenCard| {
            if !card.anchor.is_empty() {
                dom::reveal(&card.anchor);
            }
            state.dispatch(Action::OpenCard(card))
        })
    };
    // An article opens at the top of the page, however far down the paste
    // screen was scrolled to reach Read (on a phone, the article's first
    // line is then in the top quarter of the screen).
    {
        let reading = matches!(state.screen, Screen::Read(_) | Screen::Preview(_));
        use_effect_with(reading, |&reading| {
            if reading {
                dom::scroll_to_top();
            }
        });
    }
    // Hovering: a real move over a word opens its card after a delay; leaving
    // the word and the card closes it after a grace (the reducer keeps a
    // pinned card).
    let hover = use_mut_ref(HoverTimers::default);
    let on_hover = {
        let (hover, dispatcher) = (hover.clone(), state.dispatcher());
        let open = state.card.as_ref().map(|c| c.target.clone());
        let state_now = state.clone();
        let range_of = move |target: &state::CardTarget| state_now.range_of(target);
        Callback::from(move |card: OpenCard| {
            let mut timers = hover.borrow_mut();
            if open.as_ref() == Some(&card.target) {
                // Back on the open card's word: it stays.
                timers.close = None;
                return;
            }
            if timers.open.as_ref().is_some_and(|(t, _)| *t == card.target) {
                return;
            }
            let Some((start, end)) = range_of(&card.target) else {
                return;
            };
            let (dispatcher, timers_ref) = (dispatcher.clone(), hover.clone());
            let target = card.target;
            let timeout = gloo_timers::callback::Timeout::new(HOVER_DELAY_MS, move || {
                timers_ref.borrow_mut().close = None;
                dispatcher.dispatch(Action::HoverAt { start, end });
            });
            timers.open = Some((target, timeout));
        })
    };
    let close_later = {
        let (hover, dispatcher) = (hover.clone(), state.dispatcher());
        let open = state.card.is_some();
        Callback::from(move |_: ()| {
            let mut timers = hover.borrow_mut();
            timers.open = None;
            if open {
                let dispatcher = dispatcher.clone();
                timers.close = Some(gloo_timers::callback::Timeout::new(
                    HOVER_GRACE_MS,
                    move || dispatcher.dispatch(Action::HoverEnd),
                ));
            }
        })
    };
    let on_hover_keep = {
        let hover = hover.clone();
        let open = state.card.as_ref().map(|c| c.target.clone());
        Callback::from(move |card: OpenCard| {
            if open.as_ref() == Some(&card.target) {
                hover.borrow_mut().close = None;
            }
        })
    };
    let on_card_enter = {
        let hover = hover.clone();
        Callback::from(move |_: ()| {
            let mut timers = hover.borrow_mut();
            timers.close = None;
            timers.open = None;
        })
    };
    let on_click = {
        let (hover, dispatcher) = (hover.clone(), state.dispatcher());
        Callback::from(move |card: OpenCard| {
            *hover.borrow_mut() = HoverTimers::default();
            if !card.anchor.is_empty() {
                dom::reveal(&card.anchor);
            }
            dispatcher.dispatch(Action::ClickCard(card))
        })
    };
    let on_study = state.dispatcher().to_callback().reform(Action::ToggleStudy);
    let on_toggle_original = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: ()| dispatcher.dispatch(Action::ToggleOriginal))
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        let anchor = state.card.as_ref().map(|c| c.anchor.clone());
        Callback::from(move |_: ()| {
            dispatcher.dispatch(Action::CloseCard);
            // Focus returns to the word the card belonged to.
            if let Some(anchor) = &anchor {
                dom::focus(anchor);
            }
        })
    };
    let on_toggle = {
        let state = state.dispatcher();
        Callback::from(move |kind| state.dispatch(Action::ToggleKind(kind)))
    };
    let on_jump = Callback::from(|i: usize| dom::jump_to(&OpenCard::span(i).anchor));
    let on_jump_mark =
        Callback::from(|i: usize| dom::jump_to(&format!("#reader [data-mark=\"{i}\"]")));
    let on_remove_mark = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i| dispatcher.dispatch(Action::RemoveMark(i)))
    };
    let on_zhuyin = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleZhuyin))
    };
    let on_pinyin = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::TogglePinyin))
    };
    let on_whole_page = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleWholePage))
    };
    // The card dictionary (9 MB) loads when a card or pinyin first needs it,
    // or once the page is quiet: soon after a whole article is in the page,
    // or a while after the engine is ready if nothing is read. Earlier, it
    // would share the network and the main thread with the first article.
    let dict_state = use_state(|| DictState::Loading);
    let article_shown = use_state(|| false);
    let on_reading_complete = {
        let article_shown = article_shown.clone();
        let state = state.dispatcher();
        Callback::from(move |reading: u32| {
            article_shown.set(true);
            state.dispatch(Action::Shown(reading));
        })
    };
    {
        let dict_state = dict_state.clone();
        let engine_ready = state.engine == EngineStatus::Ready;
        let needed_now = state.card.is_some() || state.pinyin;
        let article_shown = *article_shown;
        let started = use_mut_ref(|| false);
        use_effect_with(
            (engine_ready, needed_now, article_shown),
            move |&(ready, now, shown)| {
                let start = move || {
                    if !started.replace(true) {
                        dict::load(Callback::from(move |loaded| {
                            dict_state.set(loaded);
                            offline::dictionary_settled();
                        }));
                    }
                };
                let mut timer = None;
                if ready && now {
                    start();
                } else if ready {
                    let quiet_ms = if shown {
                        dict::AFTER_ARTICLE_MS
                    } else {
                        dict::AFTER_READY_MS
                    };
                    timer = Some(gloo_timers::callback::Timeout::new(quiet_ms, start));
                }
                move || drop(timer)
            },
        );
    }
    let dictionary = (*dict_state).clone();
    // The reader's own glossary, kept from an earlier visit.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some((name, text)) = storage::load(storage::GLOSSARY_KEY)
                .as_deref()
                .and_then(|s| s.split_once('\n'))
            {
                dispatcher.dispatch(Action::ImportGlossary {
                    name: name.into(),
                    text: text.into(),
                    save: false,
                });
            }
        });
    }
    // A link opened in a tab that already shows dudong changes only the fragment.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = hash_listener(dispatcher);
            move || drop(listener)
        });
    }
    // The reading (text, marks, view) is kept as the reader changes it.
    {
        let reading = match &state.screen {
            Screen::Read(doc) => Some((
                doc.text.len(),
                state.marks.clone(),
                state.hidden.clone(),
                state.pinyin,
            )),
            Screen::Edit | Screen::Preview(_) => None,
        };
        let shared = state.shared().map(|s| crate::share::SharedState {
            view: crate::share::View {
                open_card: None,
                ..s.view
            },
            ..s
        });
        let dispatcher = state.dispatcher();
        // While an opened link's article is shown over the reader's own draft,
        // the draft stays what is saved, until they choose.
        let keeps_draft = state.previous_draft.is_some();
        use_effect_with(reading, move |_| {
            if let Some(shared) = shared.filter(|_| !keeps_draft) {
                let _ = storage::save(storage::DRAFT_KEY, &shared.text);
                let reading =
                    serde_json::to_string(&storage::Reading::of(&shared)).unwrap_or_default();
                if let Err(why) = storage::save(storage::READING_KEY, &reading) {
                    dispatcher.dispatch(Action::Notice(format!(
                        "Your marks are not saved in this browser: {why}."
                    )));
                }
            }
        });
    }
    let on_article_file = {
        let dispatcher = state.dispatcher();
        Callback::from(
            move |(name, text): (String, Result<String, String>)| match text {
                Ok(text) => {
                    let _ = storage::save(storage::DRAFT_KEY, &text);
                    dispatcher.dispatch(Action::Edit(text));
                    dispatcher.dispatch(Action::Notice(format!("Opened {name}. Press Read.")));
                }
                Err(why) => dispatcher.dispatch(Action::Notice(why)),
            },
        )
    };
    let on_glossary_file = {
        let state = state.dispatcher();
        Callback::from(
            move |(name, text): (String, Result<String, String>)| match text {
                Ok(text) => state.dispatch(Action::ImportGlossary {
                    name,
                    text,
                    save: true,
                }),
                Err(why) => state.dispatch(Action::GlossaryUnreadable(format!(
                    "{name} was not loaded: {why}."
                ))),
            },
        )
    };
    let on_forget_glossary = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::ForgetGlossary))
    };

    let pinyin_dict = match (&*dict_state, state.pinyin) {
        (DictState::Ready(d), true) => Some(dict::SharedDict(d.clone())),
        _ => None,
    };
    let loading = matches!(&*dict_state, DictState::Loading) && state.pinyin;
    let pinyin_label = if loading && !state.zhuyin {
        "Pinyin (loading dictionary…)"
    } else {
        "Pinyin"
    };
    let zhuyin_label = if loading && state.zhuyin {
        "Zhuyin (loading dictionary…)"
    } else {
        "Zhuyin ㄅㄆㄇ"
    };
    let on_export = {
        let (state, dict_state) = (state.clone(), dict_state.clone());
        Callback::from(move |_: MouseEvent| {
            let Screen::Read(doc) = &state.screen else {
                return;
            };
            let dict = match &*dict_state {
                DictState::Ready(d) => Some(d.clone()),
                _ => None,
            };
            let notes = study::notes(
                doc,
                &state.study,
                |t| doc.entry(t).cloned(),
                dict.as_deref(),
            );
            dom::download(
                "dudong-anki.csv",
                "text/csv;charset=utf-8",
                &study::anki_csv(&notes),
            );
        })
    };
    let on_share = {
        let (state, dispatcher) = (state.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let Some(shared) = state.shared() else { return };
            let (base, _) = dom::location();
            let dispatcher = dispatcher.clone();
            yew::platform::spawn_local(async move {
                if let Err(why) = fetch::share_model().await {
                    dispatcher.dispatch(Action::Notice(format!(
                        "No link was made: {why}. Try again, or use “Download as a file”."
                    )));
                    return;
                }
                let link = crate::share::make_link(&base, &shared);
                let length = link.chars().count();
                let copied = dom::copy_text(&link).await;
                let mut note = if copied {
                    format!("Link copied: {} characters.", state::group(length))
                } else {
                    format!("The browser would not copy the link ({} characters); it is in the address bar.", state::group(length))
                };
                if length > export::SAFE_LINK_CHARS {
                    note.push_str(&format!(
                        " Chat apps and mail may cut links longer than {} characters: use “Download as a file” instead.",
                        state::group(export::SAFE_LINK_CHARS)
                    ));
                }
                dom::set_fragment(&link);
                dispatcher.dispatch(Action::Notice(note));
            });
        })
    };
    let on_send = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            // The system share sheet needs the click itself, so no waiting
            // here: the link model is fetched as soon as an article is shown.
            match state.shared() {
                Some(shared) if crate::share::model_is_ready() => {
                    dom::web_share(&crate::share::make_link(&dom::location().0, &shared))
                }
                Some(_) => state.dispatch(Action::Notice(
                    "The link is still being prepared: try again in a moment.".into(),
                )),
                None => {}
            }
        })
    };
    let on_download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Screen::Read(doc) = &state.screen {
                dom::download(
                    "dudong-article.html",
                    "text/html;charset=utf-8",
                    &export::standalone_html(doc, &state.marks),
                );
            }
        })
    };
    // The actions menu of a phone's reading bar (always shown on wider screens).
    let menu_open = use_state(|| false);
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let close_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            // An action was chosen (typing a note keeps the menu open).
            let on_button = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button").ok().flatten())
                .is_some();
            if on_button && *menu_open {
                menu_open.set(false);
            }
        })
    };
    let note_ref = use_node_ref();
    let last_selection = use_mut_ref(|| None::<(usize, usize)>);
    let on_select = {
        let last_selection = last_selection.clone();
        Callback::from(move |range| *last_selection.borrow_mut() = Some(range))
    };
    let on_mark = {
        let (dispatcher, note_ref, last_selection) =
            (state.dispatcher(), note_ref.clone(), last_selection.clone());
        Callback::from(move |_: MouseEvent| {
            let note = note_ref.cast::<web_sys::HtmlInputElement>().map(|i| {
                let v = i.value();
                i.set_value("");
                v
            });
            match dom::selected_range().or_else(|| last_selection.borrow_mut().take()) {
                Some((start, end)) => dispatcher.dispatch(Action::AddMark {
                    start,
                    end,
                    note: note.unwrap_or_default(),
                }),
                None => dispatcher.dispatch(Action::Notice(
                    "Select some of the article's text first, then press Mark.".into(),
                )),
            }
        })
    };
    let on_restore = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::RestorePrevious))
    };
    let notice = state
        .message
        .clone()
        .map(|m| html! { <p id="notice" class="message" role="status">{ m }</p> });
    let restore = state.previous_draft.is_some().then(|| html! {
        <p class="restore" role="status">{ "Your previous text is saved. " }
            <button id="restore-previous" class="link" onclick={on_restore}>{ "Restore it" }</button></p>
    });
    let waiting = match (&state.engine, &state.analysing) {
        (EngineStatus::Starting, Some(_)) => {
            Some("Reading… (dudong is still getting ready)".to_string())
        }
        (_, Some(_)) => Some("Reading…".to_string()),
        _ => None,
    };
    let complete = state.analysing.is_none();
    let unread = matches!(state.screen, Screen::Preview(_));
    let body = match &state.screen {
        Screen::Edit => html! {
            <>
            { for restore.clone() }
            <PasteArea
                text={state.draft.clone()}
                message={state.message.clone().or(waiting)}
                {on_input} {on_read} {on_sample} on_file={on_article_file} />
            </>
        },
        // An unread text (an opened link before its analysis) is laid out
        // exactly as its reading will be, by the same elements, so that the
        // reading replaces it in place; until then nothing in it opens.
        Screen::Read(document) | Screen::Preview(document) => html! {
            <>
                // One bar: on a phone the less frequent actions fold into a
                // menu, so that the article starts near the top of the screen.
                <div class="toolbar reading-bar">
                    <button class="secondary" onclick={on_edit}>{ "← Edit text" }</button>
                    <button id="pinyin-toggle" aria-pressed={(state.pinyin && !state.zhuyin).to_string()} onclick={on_pinyin}>{ pinyin_label }</button>
                    <button id="more-actions" class="more-actions" aria-expanded={menu_open.to_string()} aria-controls="reading-actions"
                        onclick={toggle_menu}>{ if *menu_open { "Actions ▴" } else { "Actions ▾" } }</button>
                    <div id="reading-actions" class={classes!("reading-actions", menu_open.then_some("open"))} onclick={close_menu}>
                        <button id="zhuyin-toggle" aria-pressed={(state.pinyin && state.zhuyin).to_string()} onclick={on_zhuyin}
                            title="Zhuyin (bopomofo) above every word instead of pinyin">{ zhuyin_label }</button>
                        if document.body.is_some() {
                            <button id="whole-page" aria-pressed={state.whole_page.to_string()} onclick={on_whole_page}
                                title="This looks like a whole web page: the menus and links around the article are dimmed and left out of the counts">
                                { "Show the whole page" }</button>
                        }
                        <button id="anki-export" onclick={on_export} disabled={state.study.is_empty()}
                            title="The words you added (“+ Anki” on a card, or a card you clicked open), as a CSV that Anki imports">
                            { format!("Export for Anki ({})", state.study.len()) }</button>
                        <button id="share" class="primary" onclick={on_share} disabled={unread}>{ "Share highlighted link" }</button>
                        if dom::can_web_share() {
                            <button id="send" onclick={on_send} disabled={unread}>{ "Send…" }</button>
                        }
                        <button id="download" onclick={on_download} disabled={unread}>{ "Download as a file" }</button>
                        <div class="marking">
                            <label for="mark-note" class="visually-hidden">{ "Note for the mark" }</label>
                            <input id="mark-note" ref={note_ref} type="text" placeholder="Note (optional)" maxlength="500" />
                            <button id="mark" onclick={on_mark} disabled={unread}
                                title="Select a passage of the article, then press Mark">{ "Mark selection" }</button>
                        </div>
                    </div>
                </div>
                { for notice.clone() }
                { for restore.clone() }
                <div class="reading">
                    <div class="reading-main">
                        if !complete && !unread {
                            <p class="progress" role="status">{ "Reading the rest of the article…" }</p>
                        }
                        <Reader document={document.clone()} {complete} {unread} reading={state.reading} whole_page={state.whole_page} hidden={state.hidden.clone()} open={state.card.clone()}
                            on_open={live(unread, on_open.clone())} on_click={live(unread, on_click)} on_hover={live(unread, on_hover)}
                            on_hover_leave={close_later.clone()} on_hover_keep={live(unread, on_hover_keep)} on_close={on_close.clone()}
                            as_original={state.as_original} {on_toggle_original}
                            pinyin={pinyin_dict.filter(|_| !unread)} zhuyin={state.zhuyin} marks={state.marks.clone()} {on_select} on_complete={on_reading_complete.clone()} />
                    </div>
                    <Panel document={document.clone()} hidden={state.hidden.clone()} {on_toggle} {on_jump}
                        marks={state.marks.clone()} {on_jump_mark} {on_remove_mark} lists_later=true />
                </div>
                if let Some(card) = &state.card {
                    <CardPopup document={document.clone()} card={card.clone()} {dictionary}
                        on_open={on_open.clone()} on_close={on_close.clone()} pinned={state.is_pinned()}
                        in_study={state.study.contains(&card.target)} {on_study}
                        on_pointer_enter={on_card_enter} on_pointer_leave={close_later.clone()} />
                }
            </>
        },
    };

    let reading_document = match &state.screen {
        Screen::Read(document) | Screen::Preview(document) => Some(document.clone()),
        Screen::Edit => None,
    };
    html! {
        <main class="app">
            <header class="masthead">
                <h1><span lang="zh">{ "读懂" }</span>{ " dudong" }</h1>
                <p class="tagline">{ "Paste a Chinese article and read it word by word." }</p>
                { engine_indicator(&state.engine) }
                <Comfort document={reading_document} marks={!state.marks.is_empty()} on_notice={state.dispatcher().to_callback().reform(Action::Notice)} />
            </header>
            { body }
            <Library current={state.shared()} on_open={state.dispatcher().to_callback()
                .reform(|(shared, previous)| Action::OpenShared { shared, previous })} />
            <UpdateNotice engine_ready={state.engine == EngineStatus::Ready} />
            <GlossaryImport status={state.glossary.clone()} on_file={on_glossary_file} on_forget={on_forget_glossary} />
            <footer class="about">
                <details>
                    <summary>{ "About dudong" }</summary>
                    <p>{ "dudong runs entirely in your browser: the text you paste is analysed here and never sent anywhere." }</p>
                    <p>{ "Word cards use " }<strong>{ "CC-CEDICT" }</strong>
                        { ", the community Chinese-English dictionary published by MDBG, under the Creative Commons \
                           Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0), based on CEDICT by Paul Andrew Denisowski; \
                           the copy served with this app is converted to tone-mark pinyin (see ATTRIBUTION.txt beside it)." }</p>
                    <p>{ "Word segmentation: jieba-rs (MIT) with jieba's dictionary. Traditional characters are read \
                          through OpenCC's traditional-to-simplified tables (Apache-2.0, © BYVoid and the OpenCC \
                          contributors). Glossary, gazetteer, spin table and sample article: written for dudong." }</p>
                </details>
            </footer>
        </main>
    }
}
