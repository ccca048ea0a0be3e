//! Reading comfort: the text size the reader chose (kept in the browser) and
//! printing. Themes need no code: the stylesheet follows the system's
//! `prefers-color-scheme`.

use crate::app::storage;

/// The reader's text size as a factor of the default.
pub const FONT_SCALE_KEY: &str = "dudong.font-scale.v1";

/// The sizes the A− and A+ buttons step through.
pub const SCALES: [f64; 8] = [0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5];

/// The size the reader kept, or the default for a missing or odd value.
pub fn parse_scale(stored: Option<&str>) -> f64 {
    stored
        .and_then(|s| s.trim().parse::<f64>().ok())
        .and_then(|v| SCALES.iter().copied().find(|s| (s - v).abs() < 1e-9))
        .unwrap_or(1.0)
}

/// The next size up (`step` > 0) or down from `current`, staying within [`SCALES`].
pub fn step_scale(current: f64, step: i32) -> f64 {
    let i = SCALES
        .iter()
        .position(|s| (s - current).abs() < 1e-9)
        .unwrap_or(1) as i32;
    SCALES[(i + step).clamp(0, SCALES.len() as i32 - 1) as usize]
}

/// "115%".
pub fn percent(scale: f64) -> String {
    format!("{}%", (scale * 100.0).round())
}

/// The size kept from an earlier visit.
pub fn saved_scale() -> f64 {
    parse_scale(storage::load(FONT_SCALE_KEY).as_deref())
}

/// Shows the article (and the paste area and cards) at `scale` and keeps it.
pub fn set_scale(scale: f64) -> Result<(), storage::StorageError> {
    apply_scale(scale);
    storage::save(FONT_SCALE_KEY, &scale.to_string())
}

/// Sets the stylesheet's `--reading-scale` on the root element.
pub fn apply_scale(scale: f64) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = root
                .style()
                .set_property("--reading-scale", &scale.to_string());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = scale;
}

/// Opens the browser's print dialog (the stylesheet's print view).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
