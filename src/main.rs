//! The browser app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    dudong::app::crash::install();
    yew::Renderer::<dudong::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dudong-web is the browser app: build it with `make run`; the CLI is `dudong`.");
    std::process::exit(2);
}
