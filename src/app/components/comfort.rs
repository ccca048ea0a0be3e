//! Text size (A−, A+, kept in the browser) and, while reading, Print with a
//! legend of the highlight kinds that only the printed page shows.

use yew::prelude::*;

use crate::analysis::Kind;
use crate::app::comfort;
use crate::app::components::kind_label;
use crate::app::state::Doc;

#[derive(Properties, PartialEq)]
pub struct ComfortProps {
    /// The article being read, if any (Print and the legend need it).
    #[prop_or_default]
    pub document: Option<Doc>,
    /// Whether the reader marked anything (the legend then explains marks).
    #[prop_or_default]
    pub marks: bool,
    /// Told when the size could not be kept (storage full or blocked).
    #[prop_or_default]
    pub on_notice: Callback<String>,
}

#[function_component(Comfort)]
pub fn comfort_controls(props: &ComfortProps) -> Html {
    let scale = use_state(comfort::saved_scale);
    {
        let scale = *scale;
        use_effect_with(scale.to_bits(), move |_| comfort::apply_scale(scale));
    }
    let change = |step: i32| {
        let (scale, on_notice) = (scale.clone(), props.on_notice.clone());
        Callback::from(move |_: MouseEvent| {
            let next = comfort::step_scale(*scale, step);
            if let Err(why) = comfort::set_scale(next) {
                on_notice.emit(format!("The text size is not kept for next time: {why}."));
            }
            scale.set(next);
        })
    };
    let smallest = *scale <= comfort::SCALES[0];
    let largest = *scale >= comfort::SCALES[comfort::SCALES.len() - 1];
    let kinds: Vec<Kind> = props
        .document
        .as_ref()
        .map(|doc| {
            Kind::ALL
                .iter()
                .copied()
                .filter(|k| doc.spans.iter().any(|s| s.kind == *k))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <div class="comfort">
            <div class="comfort-controls" role="group" aria-label="Text size">
                <button id="font-smaller" onclick={change(-1)} disabled={smallest} aria-label="Smaller text">{ "A−" }</button>
                <span id="font-size" class="font-size" aria-live="polite">{ comfort::percent(*scale) }</span>
                <button id="font-larger" onclick={change(1)} disabled={largest} aria-label="Larger text">{ "A+" }</button>
                if props.document.is_some() {
                    <button id="print" onclick={Callback::from(|_: MouseEvent| comfort::print())}
                        title="Print the highlighted article with a legend">{ "Print" }</button>
                }
            </div>
            if props.document.is_some() {
                <div id="print-legend" class="print-legend">
                    <strong>{ "Highlights: " }</strong>
                    { for kinds.iter().map(|k| html! {
                        <span class="legend-item">
                            <mark class={classes!("hl", k.as_str())}>{ kind_label(*k) }</mark>
                        </span>
                    }) }
                    if props.marks {
                        <span class="legend-item"><span class="w marked">{ "your marks" }</span></span>
                    }
                </div>
            }
        </div>
    }
}
