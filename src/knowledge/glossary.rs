//! The glossary: terms a reader wants explained, with their aliases and the
//! forms a spinning tool makes of them.

use serde::{Deserialize, Serialize};

use super::DataError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: String,
    pub pinyin: String,
    /// A short English gloss.
    pub en: String,
    pub category: String,
    /// One to three sentences in Chinese.
    pub zh: String,
    /// One to three sentences in English.
    pub explain: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Forms a spinning tool makes of the term (耐心资本 → 耐烦资源).
    #[serde(default)]
    pub spun: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Deserialize)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<GlossaryEntry>,
}

/// Parses one glossary file in TOML (`[[term]]` tables).
pub fn parse_toml(file: &str, text: &str) -> Result<Vec<GlossaryEntry>, DataError> {
    let parsed: GlossaryFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1).unwrap_or(0);
        DataError { file: file.into(), line, field: String::new(), message: e.message().to_string() }
    })?;
    // Find each entry's line for the messages below.
    let starts: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[term]]")
        .map(|(i, _)| i + 1)
        .collect();
    for (i, entry) in parsed.term.iter().enumerate() {
        check_entry(file, starts.get(i).copied().unwrap_or(0), entry)?;
    }
    Ok(parsed.term)
}

/// Every entry needs its text fields; the message names the missing one.
pub fn check_entry(file: &str, line: usize, entry: &GlossaryEntry) -> Result<(), DataError> {
    let fields = [
        ("term", &entry.term),
        ("pinyin", &entry.pinyin),
        ("en", &entry.en),
        ("category", &entry.category),
        ("zh", &entry.zh),
        ("explain", &entry.explain),
    ];
    for (name, value) in fields {
        if value.trim().is_empty() {
            return Err(DataError {
                file: file.into(),
                line,
                field: name.into(),
                message: format!("entry {:?} has an empty `{name}`", entry.term),
            });
        }
    }
    Ok(())
}

/// The built-in glossary: every file in [`super::GLOSSARY_FILES`].
pub fn builtin() -> Result<Vec<GlossaryEntry>, DataError> {
    let mut all = Vec::new();
    for (name, text) in super::GLOSSARY_FILES {
        all.extend(parse_toml(name, text)?);
    }
    Ok(all)
}
