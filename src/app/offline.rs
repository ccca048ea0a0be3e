//! Working offline: registers the service worker (`sw.js`, written after the
//! build by `scripts/make-sw.py` from `assets/sw.template.js`), asks it to
//! keep the card dictionary, and tells the page when a newer build has been
//! installed and waits for a reload. Natively (server-side rendering tests)
//! everything here does nothing.

/// Where the built app serves its service worker (next to index.html).
pub const WORKER_URL: &str = "sw.js";

/// Registers the worker. `on_update_ready` is called when a new build is
/// installed and waiting (the reader may reload into it with [`apply_update`]).
pub fn register(on_update_ready: yew::Callback<()>) {
    #[cfg(target_arch = "wasm32")]
    browser::register(on_update_ready);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = on_update_ready;
}

/// The page's own load of the card dictionary has ended (loaded or not):
/// the worker may now keep its copy. Until then it is not asked, because two
/// downloads of the same 9 MB file at once can fail the page's (the browser
/// reports a cache write failure).
pub fn dictionary_settled() {
    #[cfg(target_arch = "wasm32")]
    browser::dictionary_settled();
}

/// Lets the waiting build take over; the page reloads when it has.
pub fn apply_update() {
    #[cfg(target_arch = "wasm32")]
    browser::apply_update();
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;

    use gloo_events::EventListener;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
    };

    thread_local! {
        /// Set when the reader pressed Reload: the next change of controller reloads the page.
        static RELOADING: Cell<bool> = const { Cell::new(false) };
    }

    /// The page's service worker container, where the browser offers one
    /// (secure contexts only: https, or http on 127.0.0.1 and localhost).
    fn container() -> Option<ServiceWorkerContainer> {
        let navigator = web_sys::window()?.navigator();
        let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
        (!present.is_undefined()).then(|| navigator.service_worker())
    }

    thread_local! {
        /// Whether the page's load of the card dictionary has ended.
        static DICTIONARY_SETTLED: Cell<bool> = const { Cell::new(false) };
    }

    pub fn dictionary_settled() {
        DICTIONARY_SETTLED.with(|d| d.set(true));
        if let Some(container) = container() {
            keep_data(&container);
        }
    }

    fn keep_data(container: &ServiceWorkerContainer) {
        if !DICTIONARY_SETTLED.with(Cell::get) {
            return;
        }
        if let Some(controller) = container.controller() {
            let _ = controller.post_message(&JsValue::from_str("keep-data"));
        }
    }

    thread_local! {
        static REGISTERED: Cell<bool> = const { Cell::new(false) };
    }

    pub fn register(on_update_ready: yew::Callback<()>) {
        // Once per page: a second registration would add a second listener
        // and ask for the large files twice.
        if REGISTERED.with(|r| r.replace(true)) {
            return;
        }
        let Some(container) = container() else { return };
        keep_data(&container);
        {
            let container2 = container.clone();
            EventListener::new(&container, "controllerchange", move |_| {
                if RELOADING.with(Cell::get) {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                } else {
                    // The first visit's page just came under the worker's control.
                    keep_data(&container2);
                }
            })
            .forget();
        }
        let promise = container.register(super::WORKER_URL);
        yew::platform::spawn_local(async move {
            let Ok(registration) = JsFuture::from(promise).await else {
                return;
            };
            let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            watch(&container, &registration, on_update_ready);
        });
    }

    /// A worker that is installed while another controls the page is a new build.
    fn watch(
        container: &ServiceWorkerContainer,
        registration: &ServiceWorkerRegistration,
        on_update_ready: yew::Callback<()>,
    ) {
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready.emit(());
        }
        let (container, registration2) = (container.clone(), registration.clone());
        EventListener::new(registration, "updatefound", move |_| {
            let Some(worker) = registration2.installing() else {
                return;
            };
            let (container, on_update_ready, worker2) =
                (container.clone(), on_update_ready.clone(), worker.clone());
            EventListener::new(&worker, "statechange", move |_| {
                if worker2.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    on_update_ready.emit(());
                }
            })
            .forget();
        })
        .forget();
    }

    pub fn apply_update() {
        let Some(container) = container() else { return };
        RELOADING.with(|r| r.set(true));
        yew::platform::spawn_local(async move {
            let Ok(registration) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            match registration.waiting() {
                Some(worker) => post(&worker, "skip-waiting"),
                // Nothing waits any more (another tab took the update): just reload.
                None => {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }
            }
        });
    }

    fn post(worker: &ServiceWorker, message: &str) {
        let _ = worker.post_message(&JsValue::from_str(message));
    }
}
