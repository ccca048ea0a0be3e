//! Carries out what the reducer asks for ([`Effect`]), and turns what the
//! engine and the address bar bring into actions: the app's one way to the
//! engine, storage and the page outside Yew's tree.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::Callback;

use crate::app::protocol::Reply;
use crate::app::state::{Action, Effect};
use crate::app::{components, dom, engine, export, fetch, state, storage};

/// How long the reader pauses typing before the draft is saved.
const AUTOSAVE_AFTER_MS: u32 = 400;

/// What the runner keeps between effects: the draft waiting to be saved.
#[derive(Default)]
pub struct Runner {
    autosave: RefCell<Option<Timeout>>,
}

impl Runner {
    /// Carries out `effect`; what comes of it later arrives through `dispatch`.
    pub fn run(self: &Rc<Self>, effect: Effect, dispatch: &Callback<Action>) {
        match effect {
            Effect::Send(request) => engine::send(request),
            Effect::Save { key, value } => save(key, &value, dispatch),
            Effect::SaveDraftSoon(text) => {
                // The draft is saved after a pause, so that a reload, a crash
                // or an opened link never loses it.
                let dispatch = dispatch.clone();
                *self.autosave.borrow_mut() = Some(Timeout::new(AUTOSAVE_AFTER_MS, move || {
                    save(storage::DRAFT_KEY, &text, &dispatch)
                }));
            }
            Effect::Forget(key) => storage::remove(key),
            Effect::Reveal(anchor) => {
                if let Some(selector) = dom::selector(&anchor) {
                    dom::reveal(&selector);
                }
            }
            Effect::Focus(anchor) => {
                if let Some(selector) = dom::selector(&anchor) {
                    dom::focus(&selector);
                }
            }
            Effect::Download { name, mime, body } => dom::download(name, mime, &body),
            Effect::CopyLink(shared) => copy_link(shared, dispatch.clone()),
        }
    }
}

/// Keeps `value`; a refusal reaches the reader, and what is on screen stays.
fn save(key: &'static str, value: &str, dispatch: &Callback<Action>) {
    if let Err(why) = storage::save(key, value) {
        dispatch.emit(Action::NotSaved { key, why });
    }
}

/// Makes the link (fetching the link model first if this page has not needed
/// it yet), copies it, puts it in the address bar and says how long it is.
fn copy_link(shared: crate::share::SharedState, dispatch: Callback<Action>) {
    let (base, _) = dom::location();
    yew::platform::spawn_local(async move {
        if let Err(why) = fetch::share_model().await {
            dispatch.emit(Action::Notice(format!(
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
            format!(
                "The browser would not copy the link ({} characters); it is in the address bar.",
                state::group(length)
            )
        };
        if length > export::SAFE_LINK_CHARS {
            note.push_str(&format!(
                " Chat apps and mail may cut links longer than {} characters: use “Download as a file” instead.",
                state::group(export::SAFE_LINK_CHARS)
            ));
        }
        dom::set_fragment(&link);
        dispatch.emit(Action::Notice(note));
    });
}

/// Opens what a link's fragment holds. A damaged link says what is wrong and
/// leaves the reader's own draft where it was. (The link model is fetched
/// first if this page has not needed it yet.)
pub fn open_link(dispatch: &Callback<Action>, fragment: &str, draft: Option<String>) {
    let (dispatch, fragment) = (dispatch.clone(), fragment.to_string());
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
                dispatch.emit(Action::OpenShared { shared, previous });
            }
            Err(error) => {
                if let Some(draft) = draft {
                    dispatch.emit(Action::RestoreDraft(draft));
                }
                dispatch.emit(Action::Notice(format!(
                    "{error}. Nothing you had here was changed."
                )));
            }
        }
    });
}

/// Turns what the engine says into actions (and the marks the benchmark reads).
pub fn on_engine_event(dispatch: Callback<Action>) -> Callback<engine::Event> {
    Callback::from(move |event| match event {
        engine::Event::Reply(reply) => {
            mark_for_bench(&reply);
            if let Reply::WarmedUp { document } = reply {
                if let Some(document) = document.with_text(crate::knowledge::WARM_UP_TEXT.into()) {
                    components::warm_up_reader(&document);
                }
                return;
            }
            if let Some(action) = Action::from_reply(reply) {
                dispatch.emit(action);
            }
        }
        engine::Event::Failed(why) => {
            dom::set_root_data("engine", "failed");
            dispatch.emit(Action::EngineFailed(why));
        }
    })
}

/// What tests and the benchmark read on `<html>`: the analysis's id and time,
/// memory, the engine ready and its later downloads in or failed.
fn mark_for_bench(reply: &Reply) {
    if let Reply::Analyzed { ms, id, .. } = reply {
        dom::set_root_data("analysisId", &id.to_string());
        // Tenths by integers: the first float formatting would cost the
        // first article a millisecond of compiling.
        let tenths = (ms * 10.0).round() as u64;
        dom::set_root_data("analysisMs", &format!("{}.{}", tenths / 10, tenths % 10));
    }
    if let Reply::Ready { memory } | Reply::Analyzed { memory, .. } = reply {
        dom::set_root_data("workerMemory", &memory.to_string());
        dom::set_root_data("wasmMemory", &dom::wasm_memory_bytes().to_string());
    }
    if let Reply::Models {
        names,
        terms,
        spins,
        dictionary,
    } = reply
    {
        let state = |r: &Result<u32, String>| if r.is_ok() { "ready" } else { "failed" };
        dom::set_root_data("namesModel", state(names));
        dom::set_root_data("termsLexicon", state(terms));
        dom::set_root_data("spinContext", state(spins));
        dom::set_root_data("dictionary", state(dictionary));
    }
    if let Reply::Ready { .. } = reply {
        dom::set_root_data("engine", "ready");
        dom::perf_mark("dudong:engine-ready");
    }
}
