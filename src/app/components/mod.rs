mod paste_area;
mod reader;

pub use paste_area::{PasteArea, PasteAreaProps};
pub use reader::{Reader, ReaderProps};
