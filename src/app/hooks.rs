//! The app's hooks: the store with its effect runner and engine
//! ([`use_app`]), and what the page does around the reducer (restoring the
//! last visit, keeping the reading, hover timers, the card dictionary).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::app::dict::{self, DictState};
use crate::app::effects::{self, Runner};
use crate::app::state::{Action, AppState, CardTarget, EngineStatus, OpenCard, Screen};
use crate::app::{components, dom, engine, offline, storage};

/// The app's state and the one way to change it. `dispatch` applies an
/// action, shows the new state, and carries out what the transition asked
/// for, in order; the engine starts in its worker at once (the page does
/// not wait for it) and its replies come back as actions.
#[hook]
pub fn use_app() -> (Rc<AppState>, Callback<Action>) {
    let store = use_mut_ref(|| Rc::new(AppState::default()));
    let runner = use_memo((), |_| Rc::new(Runner::default()));
    let update = use_force_update();
    let dispatch = {
        let (store, runner) = (store.clone(), (*runner).clone());
        use_memo((), move |_| dispatcher(store, runner, update))
    };
    {
        let dispatch = (*dispatch).clone();
        use_effect_with((), move |_| {
            dom::set_root_data("engine", "loading");
            engine::start(effects::on_engine_event(dispatch));
        });
    }
    let state = store.borrow().clone();
    (state, (*dispatch).clone())
}

fn dispatcher(
    store: Rc<RefCell<Rc<AppState>>>,
    runner: Rc<Runner>,
    update: UseForceUpdateHandle,
) -> Callback<Action> {
    Callback::from(move |action| {
        let (next, effects) = store.borrow().apply(action);
        if next != **store.borrow() {
            *store.borrow_mut() = Rc::new(next);
            update.force_update();
        }
        let dispatch = dispatcher(store.clone(), runner.clone(), update.clone());
        for effect in effects {
            runner.run(effect, &dispatch);
        }
    })
}

/// Where the page starts: a link's article, or the article that was being
/// read (with its marks) if it is the draft, or the draft; the reader's own
/// glossary from an earlier visit. Also follows the mouse from the start
/// (see `reader::track_pointer`) and links opened in this tab later.
#[hook]
pub fn use_restore(dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let draft = storage::load(storage::DRAFT_KEY).filter(|d| !d.trim().is_empty());
        let (_, fragment) = dom::location();
        if fragment.is_empty() {
            let reading = storage::load(storage::READING_KEY)
                .and_then(|json| serde_json::from_str::<storage::Reading>(&json).ok())
                .zip(draft.as_ref())
                .and_then(|(reading, draft)| reading.over(draft));
            match (reading, draft) {
                (Some(shared), _) => dispatch.emit(Action::OpenShared {
                    shared,
                    previous: None,
                }),
                (None, Some(draft)) => dispatch.emit(Action::RestoreDraft(draft)),
                (None, None) => {}
            }
        } else {
            effects::open_link(&dispatch, &fragment, draft);
        }
        if let Some((name, text)) = storage::load(storage::GLOSSARY_KEY)
            .as_deref()
            .and_then(|s| s.split_once('\n'))
        {
            dispatch.emit(Action::ImportGlossary {
                name: name.into(),
                text: text.into(),
                save: false,
            });
        }
        // A deliberate crash, so that the end-to-end tests can prove the crash message works.
        if dom::location_search().contains("selftest=panic") {
            Timeout::new(50, || panic!("self-test: a deliberate panic")).forget();
        }
        let listeners = (components::track_pointer(), hash_listener(dispatch));
        move || drop(listeners)
    });
}

/// A link opened in a tab that already shows dudong changes only the fragment.
#[cfg(target_arch = "wasm32")]
fn hash_listener(dispatch: Callback<Action>) -> Vec<gloo_events::EventListener> {
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
                effects::open_link(&dispatch, &fragment, draft);
            }
        },
    )]
}

#[cfg(not(target_arch = "wasm32"))]
fn hash_listener(_dispatch: Callback<Action>) -> Vec<()> {
    Vec::new()
}

/// The reading (text, marks, view) is kept as the reader changes it; an
/// article opens at the top of the page, however far down the paste screen
/// was scrolled to reach Read.
#[hook]
pub fn use_keep_reading(state: &AppState, dispatch: &Callback<Action>) {
    let reading = matches!(state.screen, Screen::Read(_) | Screen::Preview(_));
    use_effect_with(reading, |&reading| {
        if reading {
            dom::scroll_to_top();
        }
    });
    let kept = match &state.screen {
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
    let dispatch = dispatch.clone();
    // While an opened link's article is shown over the reader's own draft,
    // the draft stays what is saved, until they choose.
    let keeps_draft = state.previous_draft.is_some();
    use_effect_with(kept, move |_| {
        if let Some(shared) = shared.filter(|_| !keeps_draft) {
            let _ = storage::save(storage::DRAFT_KEY, &shared.text);
            let reading = serde_json::to_string(&storage::Reading::of(&shared)).unwrap_or_default();
            if let Err(why) = storage::save(storage::READING_KEY, &reading) {
                dispatch.emit(Action::NotSaved {
                    key: storage::READING_KEY,
                    why,
                });
            }
        }
    });
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
    open: Option<(CardTarget, Timeout)>,
    close: Option<Timeout>,
}

/// What the reading view and the card report about the pointer.
#[derive(Clone, PartialEq)]
pub struct Hover {
    /// A real move over a word: its card opens after a delay.
    pub over: Callback<OpenCard>,
    /// Left a word or the card: an unpinned card closes after a grace.
    pub left: Callback<()>,
    /// Still over a word (moved or not): its open card stays.
    pub keep: Callback<OpenCard>,
    /// Over the card itself: nothing opens or closes meanwhile.
    pub on_card: Callback<()>,
    /// A click or tap: whatever was about to happen is off.
    pub click: Callback<OpenCard>,
}

/// Hovering: the delay and the grace (the reducer decides what opens, what
/// is pinned and what joins the study list).
#[hook]
pub fn use_hover(state: &Rc<AppState>, dispatch: &Callback<Action>) -> Hover {
    let timers = use_mut_ref(HoverTimers::default);
    let open = state.card.as_ref().map(|c| c.target.clone());
    let over = {
        let (timers, dispatch, open, state) = (
            timers.clone(),
            dispatch.clone(),
            open.clone(),
            state.clone(),
        );
        Callback::from(move |card: OpenCard| {
            let mut pending = timers.borrow_mut();
            if open.as_ref() == Some(&card.target) {
                // Back on the open card's word: it stays.
                pending.close = None;
                return;
            }
            if pending
                .open
                .as_ref()
                .is_some_and(|(t, _)| *t == card.target)
            {
                return;
            }
            let Some((start, end)) = state.range_of(&card.target) else {
                return;
            };
            let (dispatch, timers) = (dispatch.clone(), timers.clone());
            let timeout = Timeout::new(HOVER_DELAY_MS, move || {
                timers.borrow_mut().close = None;
                dispatch.emit(Action::HoverAt { start, end });
            });
            pending.open = Some((card.target, timeout));
        })
    };
    let left = {
        let (timers, dispatch, is_open) = (timers.clone(), dispatch.clone(), open.is_some());
        Callback::from(move |_: ()| {
            let mut pending = timers.borrow_mut();
            pending.open = None;
            if is_open {
                let dispatch = dispatch.clone();
                pending.close = Some(Timeout::new(HOVER_GRACE_MS, move || {
                    dispatch.emit(Action::HoverEnd)
                }));
            }
        })
    };
    let keep = {
        let timers = timers.clone();
        Callback::from(move |card: OpenCard| {
            if open.as_ref() == Some(&card.target) {
                timers.borrow_mut().close = None;
            }
        })
    };
    let on_card = {
        let timers = timers.clone();
        Callback::from(move |_: ()| *timers.borrow_mut() = HoverTimers::default())
    };
    let click = {
        let dispatch = dispatch.clone();
        Callback::from(move |card: OpenCard| {
            *timers.borrow_mut() = HoverTimers::default();
            dispatch.emit(Action::ClickCard(card))
        })
    };
    Hover {
        over,
        left,
        keep,
        on_card,
        click,
    }
}

/// The card dictionary (9 MB) loads when a card or pinyin first needs it,
/// or once the page is quiet: soon after a whole article is in the page, or
/// a while after the engine is ready if nothing is read. Earlier, it would
/// share the network and the main thread with the first article. Returns
/// its state and what the reading view calls when a reading is wholly shown.
#[hook]
pub fn use_card_dictionary(
    state: &AppState,
    dispatch: &Callback<Action>,
) -> (DictState, Callback<u32>) {
    let dict_state = use_state(|| DictState::Loading);
    let article_shown = use_state(|| false);
    let on_reading_complete = {
        let (article_shown, dispatch) = (article_shown.clone(), dispatch.clone());
        Callback::from(move |reading: u32| {
            article_shown.set(true);
            dispatch.emit(Action::Shown(reading));
        })
    };
    let started = use_mut_ref(|| false);
    let engine_ready = state.engine == EngineStatus::Ready;
    let needed_now = state.card.is_some() || state.pinyin;
    {
        let dict_state = dict_state.clone();
        use_effect_with(
            (engine_ready, needed_now, *article_shown),
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
                    timer = Some(Timeout::new(quiet_ms, start));
                }
                move || drop(timer)
            },
        );
    }
    ((*dict_state).clone(), on_reading_complete)
}
