//! The analysis worker's entry point (built by Trunk as a Web Worker; see
//! index.html and `app::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    dudong::app::worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dudong-worker runs inside the browser app (make run); the CLI is `dudong`.");
    std::process::exit(2);
}
