//! Curated data, embedded at compile time, and the parsers that read it.
//! Each file is reviewed data, not code: to add a term, a name or a spin
//! pair, change the file, not a match arm.
//!
//! | file | parser | what |
//! |---|---|---|
//! | `glossary/*.toml` | [`glossary`] | terms with pinyin, gloss, explanations, aliases, spun forms |
//! | `gazetteer.tsv` | [`gazetteer`] | people, organisations, places, products |
//! | `spins.tsv` | [`spins`] | spinner substitutions with the contexts where a word is genuine |
//! | `rules.toml` | [`rules`] | family names, cue words and suffixes for the entity rules |
//! | `sample.txt` | - | the article behind "Try a sample" |

pub mod gazetteer;
pub mod glossary;
pub mod rules;
pub mod spins;

use std::fmt;

/// A short article written for the project, shown by "Try a sample".
pub const SAMPLE_ARTICLE: &str = include_str!("sample.txt");

/// The built-in glossary files: (name, contents).
pub const GLOSSARY_FILES: &[(&str, &str)] = &[
    ("glossary/tech_economy.toml", include_str!("glossary/tech_economy.toml")),
    ("glossary/policy_society_idioms.toml", include_str!("glossary/policy_society_idioms.toml")),
];
pub const GAZETTEER_FILE: &str = include_str!("gazetteer.tsv");
pub const SPINS_FILE: &str = include_str!("spins.tsv");
pub const RULES_FILE: &str = include_str!("rules.toml");

/// What is wrong with a data file, said so that a person can fix it: which
/// file, which line (1-based), which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}, line {}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}, line {}, field `{}`: {}", self.file, self.line, self.field, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// Splits a tab-separated data file into (1-based line number, fields),
/// skipping blank lines and `#` comments.
pub(crate) fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

/// A comma-separated list field where `-` means none.
pub(crate) fn list_field(field: &str) -> Vec<String> {
    if field == "-" || field.is_empty() {
        return Vec::new();
    }
    field.split([',', '，']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}
