//! Registers the service worker (see `app::offline`) and, when a new build
//! has been installed, offers to reload into it. Reloading loses nothing: the
//! draft and the reading are kept in the browser as the reader works.

use yew::prelude::*;

use crate::app::offline;

#[function_component(UpdateNotice)]
pub fn update_notice() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| offline::register(Callback::from(move |_| ready.set(true))));
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
