//! What the reader keeps in this browser (localStorage). Natively there is no
//! storage: reads find nothing and writes succeed without effect.

/// The text in the paste area, saved as the reader types.
pub const DRAFT_KEY: &str = "dudong.draft.v1";

/// The article being read, with the reader's marks and view, as a share
/// payload, so that a reload brings the marks back.
pub const READING_KEY: &str = "dudong.reading.v1";

/// The reader's own glossary: `file name \n contents`.
pub const GLOSSARY_KEY: &str = "dudong.glossary.v1";

pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Saves `value`; the error says why it could not be kept (quota, privacy mode).
pub fn save(key: &str, value: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or("this browser keeps no local storage for the page")?;
        storage
            .set_item(key, value)
            .map_err(|_| "the browser's storage for this page is full or blocked".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, value);
        Ok(())
    }
}

pub fn remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
