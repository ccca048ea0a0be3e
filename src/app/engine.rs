//! The page's side of the analysis engine. In the browser the engine lives
//! in a Web Worker (`app::worker`, its own wasm): [`start`] spawns it, [`send`]
//! queues requests until it says it is ready, and every reply goes to the
//! callback given to `start`. Natively (server-side renders, tests) the same
//! calls analyse in place, so the app's flow is one code path.

use std::cell::RefCell;

use yew::Callback;

use crate::app::protocol::{Reply, Request};

/// What the page hears from the engine.
// A reply carries a whole document and a failure a line of text: each event
// is made once per worker message and moved straight to the reducer, so
// boxing the large variant would add an allocation and save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Event {
    Reply(Reply),
    /// The worker could not start or stopped (the message says why). The
    /// next request starts a new one.
    Failed(String),
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{ErrorEvent, MessageEvent, Worker};

    /// The worker's start script (`assets/worker-loader.js`, copied by Trunk).
    const WORKER_SCRIPT: &str = "./worker-loader.js";

    struct Client {
        worker: Worker,
        ready: bool,
        queue: Vec<Request>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(ErrorEvent)>,
    }

    thread_local! {
        static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
        static LISTENER: RefCell<Callback<Event>> = RefCell::new(Callback::noop());
    }

    fn emit(event: Event) {
        let listener = LISTENER.with(|l| l.borrow().clone());
        listener.emit(event);
    }

    fn post(worker: &Worker, request: &Request) {
        crate::app::dom::perf_mark("dudong:request");
        match serde_wasm_bindgen::to_value(request) {
            Ok(value) => {
                if let Err(e) = worker.post_message(&value) {
                    emit(Event::Failed(format!("{e:?}")));
                }
            }
            Err(e) => emit(Event::Failed(e.to_string())),
        }
    }

    /// A reply from the worker (or one it sent before the app took it over).
    fn on_reply(data: JsValue) {
        crate::app::dom::perf_mark("dudong:reply");
        let reply = match serde_wasm_bindgen::from_value::<Reply>(data) {
            Ok(reply) => reply,
            Err(e) => {
                return emit(Event::Failed(format!(
                    "an unreadable reply from the analysis worker: {e}"
                )))
            }
        };
        if let Reply::Ready { .. } = reply {
            // Send what the reader asked for while it was starting.
            let queued = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let Some(client) = c.as_mut() else {
                    return Vec::new();
                };
                client.ready = true;
                std::mem::take(&mut client.queue)
                    .into_iter()
                    .map(|r| (client.worker.clone(), r))
                    .collect()
            });
            for (worker, request) in queued {
                post(&worker, &request);
            }
        }
        crate::app::dom::perf_mark("dudong:reply-decoded");
        emit(Event::Reply(reply));
    }

    /// The worker failed: it is dropped, and the next request starts a fresh one.
    fn on_failure(why: String) {
        if let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) {
            client.worker.terminate();
        }
        emit(Event::Failed(if why.is_empty() {
            "the analysis worker stopped".into()
        } else {
            why
        }));
    }

    /// The worker `index.html`'s inline script started while the page loaded, and
    /// what it said before the app was there to listen.
    fn take_early() -> Option<(Worker, Vec<Result<JsValue, String>>)> {
        let window = web_sys::window()?;
        let key = JsValue::from_str("dudongWorker");
        let early = js_sys::Reflect::get(&window, &key)
            .ok()
            .filter(|v| v.is_object())?;
        let _ = js_sys::Reflect::delete_property(&window, &key);
        let worker: Worker = js_sys::Reflect::get(&early, &"worker".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let said: js_sys::Array = js_sys::Reflect::get(&early, &"early".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let said =
            said.iter()
                .map(|item| {
                    match js_sys::Reflect::get(&item, &"error".into())
                        .ok()
                        .and_then(|e| e.as_string())
                    {
                        Some(error) => Err(error),
                        None => Ok(js_sys::Reflect::get(&item, &"data".into())
                            .unwrap_or(JsValue::UNDEFINED)),
                    }
                })
                .collect();
        Some((worker, said))
    }

    fn spawn() -> Result<(Client, Vec<Result<JsValue, String>>), String> {
        let (worker, said) = match take_early() {
            Some(early) => early,
            None => (
                Worker::new(WORKER_SCRIPT)
                    .map_err(|e| format!("the analysis worker would not start ({e:?})"))?,
                Vec::new(),
            ),
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            on_reply(event.data())
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            on_failure(event.message());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok((
            Client {
                worker,
                ready: false,
                queue: Vec::new(),
                _on_message: on_message,
                _on_error: on_error,
            },
            said,
        ))
    }

    pub fn start(listener: Callback<Event>) {
        LISTENER.with(|l| *l.borrow_mut() = listener);
        ensure_started();
    }

    fn ensure_started() -> bool {
        if CLIENT.with(|c| c.borrow().is_some()) {
            return true;
        }
        match spawn() {
            Ok((client, said)) => {
                CLIENT.with(|c| *c.borrow_mut() = Some(client));
                for message in said {
                    match message {
                        Ok(data) => on_reply(data),
                        Err(why) => on_failure(why),
                    }
                }
                CLIENT.with(|c| c.borrow().is_some())
            }
            Err(why) => {
                emit(Event::Failed(why));
                false
            }
        }
    }

    pub fn send(request: Request) {
        if !ensure_started() {
            return;
        }
        let ready_worker = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let client = c.as_mut()?;
            if client.ready {
                Some(client.worker.clone())
            } else {
                client.queue.push(request.clone());
                None
            }
        });
        if let Some(worker) = ready_worker {
            post(&worker, &request);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use crate::analysis::Analyzer;

    thread_local! {
        static ANALYZER: RefCell<Option<Analyzer>> = const { RefCell::new(None) };
        static LISTENER: RefCell<Callback<Event>> = RefCell::new(Callback::noop());
    }

    pub fn start(listener: Callback<Event>) {
        LISTENER.with(|l| *l.borrow_mut() = listener.clone());
        listener.emit(Event::Reply(Reply::Ready { memory: 0 }));
    }

    /// Answers at once, in place (no worker natively).
    pub fn send(request: Request) {
        let listener = LISTENER.with(|l| l.borrow().clone());
        ANALYZER.with(|cell| {
            let mut cell = cell.borrow_mut();
            let analyzer = cell.get_or_insert_with(Analyzer::new);
            crate::app::protocol::answer(
                analyzer,
                request,
                &|| 0.0,
                || 0,
                |reply| listener.emit(Event::Reply(reply)),
            );
        });
    }
}

pub use imp::{send, start};
