//! Registers the service worker (see `app::offline`) and, when a new build
//! has been installed, offers to reload into it. Reloading loses nothing: the
//! draft and the reading are kept in the browser as the reader works.

use yew::prelude::*;

use crate::app::offline;

/// How long after the engine is ready the service worker is registered: its
/// first install downloads every built file again, which must not compete
/// with the segmenter's start or the reader's first article.
const REGISTER_AFTER_MS: u32 = 3_000;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    /// The analysis engine is ready (registration waits for it).
    #[prop_or_default]
    pub engine_ready: bool,
}

#[function_component(UpdateNotice)]
pub fn update_notice(props: &UpdateNoticeProps) -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with(props.engine_ready, move |engine_ready| {
            let timer = engine_ready.then(|| {
                gloo_timers::callback::Timeout::new(REGISTER_AFTER_MS, move || {
                    offline::register(Callback::from(move |_| ready.set(true)))
                })
            });
            move || drop(timer)
        });
    }
    if !*ready {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| offline::apply_update());
    html! {
        <p id="update-ready" class="toast" role="status">
            { "A new version of dudong is ready. " }
            <button id="update-reload" class="primary" {onclick}>{ "Reload" }</button>
        </p>
    }
}
