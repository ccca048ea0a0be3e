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

/// Compressed bytes decoded per task: about 10 ms of the main thread, so the
/// page stays responsive while the dictionary arrives.
#[cfg(target_arch = "wasm32")]
const DECODE_SLICE_BYTES: usize = 24 << 10;

/// Fetches and decodes the dictionary, a slice per task, then reports the
/// outcome. Called once the page is readable; natively (server-side
/// rendering) it does nothing.
pub fn load(done: yew::Callback<DictState>) {
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        done.emit(match fetch_and_decode().await {
            Ok(dict) => DictState::Ready(Rc::new(dict)),
            Err(why) => DictState::Failed(why),
        });
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}

#[cfg(target_arch = "wasm32")]
async fn fetch_and_decode() -> Result<Dictionary, String> {
    use crate::dictionary::CodedDictionary;
    let bytes = crate::app::fetch::bytes(DICTIONARY_URL).await?;
    let mut coded = CodedDictionary::open(bytes).map_err(|e| e.to_string())?;
    while !coded.step(DECODE_SLICE_BYTES).map_err(|e| e.to_string())? {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    coded.finish().map_err(|e| e.to_string())
}
