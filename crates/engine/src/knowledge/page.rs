//! Marker words for finding an article's body in a whole web page (`page.toml`).

use serde::Deserialize;

use super::DataError;

#[derive(Debug, Clone, Deserialize)]
pub struct PageRules {
    /// Markers count only on lines this short (in chars).
    pub max_marker_line: usize,
    pub chrome_markers: Vec<String>,
    /// Chrome markers that count anywhere in a line this short.
    pub max_anywhere_line: usize,
    pub chrome_anywhere: Vec<String>,
    pub terminators: Vec<String>,
    pub byline_markers: Vec<String>,
    pub menu_words: Vec<String>,
}

pub fn parse(file: &str, text: &str) -> Result<PageRules, DataError> {
    toml::from_str(text).map_err(|e| DataError {
        file: file.into(),
        line: e
            .span()
            .map(|s| text[..s.start].matches('\n').count() + 1)
            .unwrap_or(0),
        field: String::new(),
        message: e.message().to_string(),
    })
}

pub fn builtin() -> Result<PageRules, DataError> {
    parse("page.toml", super::PAGE_FILE)
}
