mod card;
mod glossary_import;
mod panel;
mod paste_area;
mod reader;
mod comfort;
mod library;
mod update_notice;

pub use paste_area::{PasteArea, PasteAreaProps, MAX_FILE_BYTES};
pub use reader::{Reader, ReaderProps};
pub use card::{kind_label, CardPopup, CardPopupProps, CardView, CardViewProps};
pub use panel::{overview, Item, Panel, PanelProps};
pub use glossary_import::{GlossaryImport, GlossaryImportProps};
pub use comfort::{Comfort, ComfortProps};
pub use library::{Library, LibraryProps};
pub use update_notice::UpdateNotice;
