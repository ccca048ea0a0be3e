mod card;
mod comfort;
mod glossary_import;
mod library;
mod markup;
mod panel;
mod paste_area;
mod reader;
mod update_notice;

pub use crate::analysis::overview::{counted, overview, spun_count, summary_line, Item};
pub use card::{kind_label, CardPopup, CardPopupProps, CardView, CardViewProps};
pub use comfort::{Comfort, ComfortProps};
pub use glossary_import::{GlossaryImport, GlossaryImportProps};
pub use library::{Library, LibraryProps};
pub use panel::{Panel, PanelProps};
pub use paste_area::{PasteArea, PasteAreaProps, MAX_FILE_BYTES};
pub use reader::{track_pointer, warm_up as warm_up_reader, Reader, ReaderProps};
pub use update_notice::UpdateNotice;
