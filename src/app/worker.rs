//! The worker's side: builds the engine once, then answers the page's
//! requests in order. It runs in a dedicated Web Worker, so analysing a long
//! article never blocks typing, scrolling or cards.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::analysis::ner::NerModel;
use crate::analysis::open_terms::OpenTerms;
use crate::analysis::spin_context::SpinContext;
use crate::analysis::{Analyzer, Document, Segmenter};
use crate::app::dom::perf_mark;
use crate::app::protocol::{
    answer, Reply, Request, DICTIONARY_URL, NAMES_MODEL_AFTER_ANSWER_MS, NAMES_MODEL_AFTER_MS,
    NAMES_MODEL_URL, OPENING_LINK, SPIN_CONTEXT_URL, TERMS_LEXICON_URL, WARM_UP_RUNS,
};

/// This instance's wasm memory, in bytes (reported for the benchmark).
fn memory_bytes() -> u32 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    match serde::Serialize::serialize(reply, &serializer) {
        Ok(value) => {
            let _ = scope.post_message(&value);
        }
        Err(e) => web_sys::console::error_1(&format!("dudong worker: {e}").into()),
    }
}

/// Builds the engine (phase one: the core dictionary, see
/// [`Analyzer::core`]), listens, and says it is ready.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // `Analyzer::core()`, in two steps so that `make bench` sees how the
    // start-up splits (with the loader's `dudong:worker-compiled`).
    let segmenter = Segmenter::core();
    perf_mark("dudong:worker-segmenter-built");
    let analyzer = Rc::new(RefCell::new(Analyzer::with_segmenter(segmenter)));
    perf_mark("dudong:worker-engine-built");
    // Whether the page has asked for an analysis: the warm-up stops then.
    let asked = Rc::new(Cell::new(false));
    let load: Rc<dyn Fn()> = {
        let (scope, analyzer, started) = (scope.clone(), analyzer.clone(), Cell::new(false));
        Rc::new(move || {
            if !started.replace(true) {
                wasm_bindgen_futures::spawn_local(load_models(scope.clone(), analyzer.clone()));
            }
        })
    };
    let on_message = {
        let (scope, analyzer, asked) = (scope.clone(), analyzer.clone(), asked.clone());
        let load = load.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match serde_wasm_bindgen::from_value::<Request>(event.data()) {
                Ok(request) => {
                    let analyse = matches!(request, Request::Analyze { .. });
                    if analyse {
                        asked.set(true);
                    }
                    let clock = || scope.performance().map(|p| p.now()).unwrap_or(0.0);
                    answer(
                        &mut analyzer.borrow_mut(),
                        request,
                        &clock,
                        memory_bytes,
                        |reply| post(&scope, &reply),
                    );
                    if analyse {
                        // Once the page has had time to show the article.
                        let load = load.clone();
                        gloo_timers::callback::Timeout::new(
                            NAMES_MODEL_AFTER_ANSWER_MS,
                            move || load(),
                        )
                        .forget();
                    }
                }
                Err(e) => web_sys::console::error_1(
                    &format!("dudong worker: unreadable request: {e}").into(),
                ),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(
        &scope,
        &Reply::Ready {
            memory: memory_bytes(),
        },
    );
    // The name model is a download of its own, asked for a while after the
    // first article is answered or when the reader has not pasted for a
    // while, so that it never shares the network, the worker or the page's
    // rendering with the first highlights.
    let idle = {
        let load = load.clone();
        gloo_timers::callback::Timeout::new(NAMES_MODEL_AFTER_MS, move || load())
    };
    idle.forget();
    // Right after Ready, while the reader is still pasting. A page opened
    // from a share link has its article's request on the way (it says so in
    // this worker's address), and no warm-up run may stand before it.
    let opening_link = scope.location().search().contains(OPENING_LINK);
    let runs = if opening_link { 0 } else { WARM_UP_RUNS };
    // The page makes each document's markup, unshown, to warm up its side.
    // Once it has asked for an analysis the rest is left out: it then never
    // waits behind more than the run in progress.
    warm_up(
        analyzer,
        runs,
        move || !asked.get(),
        move |document| post(&scope, &Reply::WarmedUp { document }),
        || {},
    );
}

/// Phase two: fetches and checks jieba's full dictionary, the name model,
/// the term lexicon and the spin context table, puts them in the engine, and tells the page once,
/// which then reads its article again (once, not once per download).
async fn load_models(scope: DedicatedWorkerGlobalScope, analyzer: Rc<RefCell<Analyzer>>) {
    // All requests go out now; the bodies are read one after the other.
    let dictionary = scope.fetch_with_str(DICTIONARY_URL);
    let names = scope.fetch_with_str(NAMES_MODEL_URL);
    let terms = scope.fetch_with_str(TERMS_LEXICON_URL);
    let spins = scope.fetch_with_str(SPIN_CONTEXT_URL);
    let dictionary = read_bytes(dictionary, "full dictionary").await;
    let names = read_bytes(names, "name model").await;
    let terms = read_bytes(terms, "term lexicon").await;
    let spins = read_bytes(spins, "spin context table").await;
    // The core segmenter goes first, so that the full one is built in its
    // memory rather than beside it (a wasm heap never shrinks). Nothing can
    // ask for an analysis meanwhile: this is one task. A damaged download
    // brings the core one back.
    let dictionary = dictionary.and_then(|bytes| {
        let mut analyzer = analyzer.borrow_mut();
        analyzer.set_segmenter(Segmenter::empty());
        match Segmenter::from_dictionary(&bytes) {
            Ok(segmenter) => {
                analyzer.set_segmenter(segmenter);
                Ok(bytes.len() as u32)
            }
            Err(_) => {
                analyzer.set_segmenter(Segmenter::core());
                Err("the full dictionary is damaged".to_string())
            }
        }
    });
    let names = names
        .and_then(|bytes| NerModel::from_bytes(&bytes).map_err(|e| e.to_string()))
        .map(|model| {
            let size = model.size() as u32;
            analyzer.borrow_mut().set_ner_model(Some(model));
            size
        });
    let terms = terms
        .and_then(|bytes| OpenTerms::from_bytes(&bytes).map_err(|e| e.to_string()))
        .map(|lexicon| {
            let size = lexicon.len() as u32;
            analyzer.borrow_mut().set_open_terms(Some(lexicon));
            size
        });
    let spins = spins
        .and_then(|bytes| SpinContext::from_bytes(&bytes).map_err(|e| e.to_string()))
        .map(|table| {
            let size = table.judged_words() as u32;
            analyzer.borrow_mut().set_spin_context(Some(table));
            size
        });
    for e in [&dictionary, &names, &terms, &spins]
        .into_iter()
        .filter_map(|r| r.as_ref().err())
    {
        web_sys::console::warn_1(&format!("dudong worker: {e}").into());
    }
    // The page reads its article again as soon as it hears of the models.
    // Their code has never run in this worker: the browser compiles a wasm
    // function the first time it is called and optimises it only once it
    // has run a while, so the models are warmed up as the engine was at
    // Ready; after a single run the re-read still took twice as long as
    // later reads. Each run is a task of its own, so a request from the
    // page never waits behind more than one.
    let reply = Reply::Models {
        names,
        terms,
        spins,
        dictionary,
    };
    warm_up(
        analyzer,
        WARM_UP_RUNS,
        || true,
        drop,
        move || post(&scope, &reply),
    );
}

/// The body of a response, or why there is none; `what` names the file.
pub(crate) async fn read_bytes(request: js_sys::Promise, what: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: JsValue| format!("the {what} could not be downloaded ({e:?})");
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the {what} could not be downloaded (HTTP {})",
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Analyses the warm-up text up to `runs` times, one task each (see
/// [`WARM_UP_RUNS`]), and gives `each` every document. A task whose
/// `go_on` is false ends the runs, without `done`; after the last run,
/// `done`.
fn warm_up(
    analyzer: Rc<RefCell<Analyzer>>,
    runs: u32,
    go_on: impl Fn() -> bool + 'static,
    each: impl Fn(Document) + 'static,
    done: impl FnOnce() + 'static,
) {
    if runs == 0 {
        return done();
    }
    gloo_timers::callback::Timeout::new(0, move || {
        if !go_on() {
            return;
        }
        each(analyzer.borrow().warm_up());
        warm_up(analyzer, runs - 1, go_on, each, done);
    })
    .forget();
}
