//! The card dictionary's decoder worker (built by Trunk as a Web Worker; see
//! index.html and `app::dict`): it decodes `cedict.bin` off the page's
//! thread, and its wasm is downloaded only when the dictionary is.

#[cfg(target_arch = "wasm32")]
fn main() {
    dudong::app::dict::run_decoder();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dudong-dict-worker runs inside the browser app (make run); the CLI is `dudong`.");
    std::process::exit(2);
}
