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

/// Where the built app serves the dictionary (copied into dist/ by Trunk).
pub const DICTIONARY_URL: &str = "cedict.tsv";

/// When nothing asks for the dictionary, it loads this long after an
/// article is on screen, or after the engine is ready if none is read.
pub const AFTER_ARTICLE_MS: u32 = 1_500;
pub const AFTER_READY_MS: u32 = 5_000;

/// Fetches and parses the dictionary, then reports the outcome. Called once
/// the page is readable; natively (server-side rendering) it does nothing.
pub fn load(done: yew::Callback<DictState>) {
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        let text = crate::app::fetch::bytes(DICTIONARY_URL)
            .await
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| "the dictionary file is not UTF-8".to_string())
            });
        done.emit(match text {
            Ok(text) => DictState::Ready(Rc::new(Dictionary::from_string(text))),
            Err(why) => DictState::Failed(why),
        });
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}
