//! What the reader keeps in this browser (localStorage). Natively there is no
//! storage: reads find nothing and writes succeed without effect.

/// The text in the paste area, saved as the reader types.
pub const DRAFT_KEY: &str = "dudong.draft.v1";

/// The reader's marks and view over the draft, so that a reload brings them
/// back: JSON of [`Reading`] (the text itself is the draft, saved apart).
pub const READING_KEY: &str = "dudong.reading.v2";

/// Marks and view, tied to the text they belong to by its length and CRC-32
/// (cheap to make for any text, unlike a share link, and never applied to a
/// different text).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reading {
    pub chars: usize,
    pub crc32: u32,
    pub marks: Vec<crate::share::Mark>,
    pub view: crate::share::View,
}

impl Reading {
    pub fn of(shared: &crate::share::SharedState) -> Reading {
        Reading {
            chars: shared.text.chars().count(),
            crc32: crc32fast::hash(shared.text.as_bytes()),
            marks: shared.marks.clone(),
            view: shared.view.clone(),
        }
    }

    /// The marks and view over `text`, if they were saved for it.
    pub fn over(self, text: &str) -> Option<crate::share::SharedState> {
        let fits =
            self.crc32 == crc32fast::hash(text.as_bytes()) && self.chars == text.chars().count();
        fits.then(|| crate::share::SharedState {
            text: text.to_string(),
            marks: self.marks,
            view: self.view,
        })
    }
}

/// The reader's own glossary: `file name \n contents`.
pub const GLOSSARY_KEY: &str = "dudong.glossary.v1";

pub fn load(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Why something could not be kept in this browser; said to the reader
/// after "… is not saved in this browser:".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The page has no local storage at all (some privacy modes).
    NoStorage,
    /// The storage refused the value (its quota is used up, or it is blocked).
    FullOrBlocked,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StorageError::NoStorage => "this browser keeps no local storage for the page",
            StorageError::FullOrBlocked => "the browser's storage for this page is full or blocked",
        })
    }
}

/// Saves `value`; the error says why it could not be kept (quota, privacy mode).
pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(StorageError::NoStorage)?;
        storage
            .set_item(key, value)
            .map_err(|_| StorageError::FullOrBlocked)
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
