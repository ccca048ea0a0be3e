//! Fetching the app's own data files (the card dictionary, the link model)
//! as bytes: one copy into wasm memory, no detour through a JavaScript string.

/// The body of `url` (relative to the page), or why not, in words for the reader.
#[cfg(target_arch = "wasm32")]
pub async fn bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| "unreadable body".to_string())?,
    )
    .await
    .map_err(|_| "the download was interrupted".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Where the built app serves the link model (copied into dist/ by Trunk).
pub const SHARE_MODEL_URL: &str = "model-v1.bin";

/// Makes sure share links can be made and read: fetches and installs the
/// link model the first time (natively it is built in).
pub async fn share_model() -> Result<(), String> {
    if crate::share::model_is_ready() {
        return Ok(());
    }
    #[cfg(target_arch = "wasm32")]
    {
        let file = bytes(SHARE_MODEL_URL)
            .await
            .map_err(|why| format!("the link model could not be loaded: {why}"))?;
        crate::share::install_model(file)
    }
    #[cfg(not(target_arch = "wasm32"))]
    Ok(())
}
