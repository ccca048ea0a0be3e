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

/// Fetches and parses the dictionary, then reports the outcome. Called once
/// the page is readable; natively (server-side rendering) it does nothing.
pub fn load(done: yew::Callback<DictState>) {
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        done.emit(match fetch_text(DICTIONARY_URL).await {
            Ok(text) => DictState::Ready(Rc::new(Dictionary::from_string(text))),
            Err(why) => DictState::Failed(why),
        });
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable body".to_string())?)
        .await
        .map_err(|_| "the download was interrupted".to_string())?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
