//! The card dictionary's loading state. The dictionary is large, so the page
//! becomes readable first and the dictionary arrives afterwards.

use std::rc::Rc;

use crate::dictionary::Dictionary;

#[derive(Clone)]
pub enum DictState {
    Loading,
    Ready(Rc<Dictionary>),
    Failed(String),
}

/// A loaded dictionary as a component property: equal when it is the same one.
#[derive(Clone)]
pub struct SharedDict(pub Rc<Dictionary>);

impl PartialEq for SharedDict {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for DictState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DictState::Loading, DictState::Loading) => true,
            (DictState::Ready(a), DictState::Ready(b)) => Rc::ptr_eq(a, b),
            (DictState::Failed(a), DictState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Where the built app serves the dictionary (copied into dist/ by Trunk):
/// the coded form of `dictionary::coded`, less than half the gzipped TSV.
pub const DICTIONARY_URL: &str = "cedict.bin";

/// When nothing asks for the dictionary, it loads this long after an
/// article is on screen, or after the engine is ready if none is read.
pub const AFTER_ARTICLE_MS: u32 = 1_500;
pub const AFTER_READY_MS: u32 = 5_000;

/// The worker that decodes the dictionary (its own small wasm, `dudong-dict-worker`,
/// loaded only when the dictionary is: the LZMA decoder never weighs on the
/// page's first download, and decoding never blocks the page).
pub const DECODER_URL: &str = "./dict-worker-loader.js";

/// Starts the decoder worker, then reports the dictionary or why there is
/// none. Called once the page is readable; natively (server-side rendering)
/// it does nothing.
pub fn load(done: yew::Callback<DictState>) {
    #[cfg(target_arch = "wasm32")]
    start_decoder(done);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}

#[cfg(target_arch = "wasm32")]
fn start_decoder(done: yew::Callback<DictState>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let worker = match web_sys::Worker::new(DECODER_URL) {
        Ok(worker) => worker,
        Err(_) => {
            return done.emit(DictState::Failed(
                "the dictionary decoder could not start".into(),
            ))
        }
    };
    // The worker says one thing: the TSV's bytes and the polyphone table's
    // (two buffers in an array), or why it has none.
    let on_message = {
        let (done, worker) = (done.clone(), worker.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            worker.terminate();
            let data = event.data();
            done.emit(match data.dyn_into::<js_sys::Array>() {
                Ok(parts) => ready(parts),
                Err(why) => DictState::Failed(
                    why.as_string()
                        .unwrap_or_else(|| "the dictionary decoder failed".into()),
                ),
            });
        })
    };
    let on_error = {
        let worker = worker.clone();
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            event.prevent_default();
            worker.terminate();
            done.emit(DictState::Failed(format!(
                "the dictionary decoder stopped ({})",
                event.message()
            )));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // One dictionary per page: the handlers live as long as it does.
    on_message.forget();
    on_error.forget();
}

/// The dictionary from the decoder's two buffers, with the polyphone table
/// put in use first (a reading without it could be wrong, which is worse
/// than none: then there is no dictionary).
#[cfg(target_arch = "wasm32")]
fn ready(parts: js_sys::Array) -> DictState {
    use wasm_bindgen::JsCast;
    let text = |i: u32| {
        parts
            .get(i)
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
    };
    let (Some(tsv), Some(polyphones)) = (text(0), text(1)) else {
        return DictState::Failed("the dictionary is not UTF-8 text".into());
    };
    match crate::pinyin::Polyphones::parse(&polyphones) {
        Ok(table) => {
            crate::pinyin::Polyphones::install(table);
            DictState::Ready(Rc::new(Dictionary::from_string(tsv)))
        }
        Err(e) => DictState::Failed(format!("the polyphone table is damaged ({e})")),
    }
}

/// The decoder worker's side (`src/dict_worker_main.rs`): fetches the coded
/// dictionary, decodes it and posts the TSV's bytes with the polyphone
/// table's, which this worker's wasm carries (both transferred, not
/// copied), or a message saying why not.
#[cfg(target_arch = "wasm32")]
pub fn run_decoder() {
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_and_decode(&scope).await {
            Ok(tsv) => {
                let tsv = js_sys::Uint8Array::from(tsv.as_bytes());
                // In this worker's wasm only (see `Polyphones::in_use`).
                let polyphones = js_sys::Uint8Array::from(crate::pinyin::POLYPHONES_TSV.as_bytes());
                let parts = js_sys::Array::of2(&tsv, &polyphones);
                let transfer = js_sys::Array::of2(&tsv.buffer(), &polyphones.buffer());
                let _ = scope.post_message_with_transfer(&parts, &transfer);
            }
            Err(why) => {
                let _ = scope.post_message(&why.into());
            }
        }
    });
}

#[cfg(target_arch = "wasm32")]
async fn fetch_and_decode(scope: &web_sys::DedicatedWorkerGlobalScope) -> Result<String, String> {
    use crate::dictionary::CodedDictionary;
    let request = scope.fetch_with_str(DICTIONARY_URL);
    let bytes = crate::app::worker::read_bytes(request, "dictionary").await?;
    CodedDictionary::open(bytes)
        .and_then(CodedDictionary::finish_tsv)
        .map_err(|e| e.to_string())
}
