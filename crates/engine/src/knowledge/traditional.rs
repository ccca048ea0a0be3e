//! Traditional → simplified tables (`traditional_chars.tsv`,
//! `traditional_phrases.tsv`), generated from OpenCC's dictionaries by
//! `scripts/gen-traditional.py`. Every entry keeps the length in chars, so a
//! converted text has the same offsets as the text the reader pasted.

use super::{check_field_count, tsv_rows, DataError};

/// When a character is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A traditional-only character: converting it never changes a simplified text.
    Always,
    /// Also written in simplified text (後, 於, 乾): only in a text that reads as traditional.
    InTraditionalText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharEntry {
    pub traditional: char,
    pub simplified: char,
    pub when: When,
}

/// A phrase whose characters convert differently together (乾隆 stays 乾隆,
/// 反覆 is 反复); same length on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseEntry {
    pub traditional: String,
    pub simplified: String,
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// Parses `traditional<TAB>simplified[<TAB>traditional-text]` lines.
pub fn parse_chars(file: &str, text: &str) -> Result<Vec<CharEntry>, DataError> {
    let mut entries = Vec::new();
    for (line, fields) in tsv_rows(text) {
        let err = |field: &str, message: String| DataError::at(file, line, field, message);
        check_field_count(file, line, &fields, 2, 3)?;
        let traditional = single_char(fields[0]).ok_or_else(|| {
            err(
                "traditional",
                format!("{:?} is not one character", fields[0]),
            )
        })?;
        let simplified = single_char(fields[1]).ok_or_else(|| {
            err(
                "simplified",
                format!("{:?} is not one character", fields[1]),
            )
        })?;
        let when = match fields.get(2) {
            None => When::Always,
            Some(&"traditional-text") => When::InTraditionalText,
            Some(other) => return Err(err("when", format!("{other:?} is not `traditional-text`"))),
        };
        entries.push(CharEntry {
            traditional,
            simplified,
            when,
        });
    }
    Ok(entries)
}

/// Parses `traditional<TAB>simplified` phrase lines of equal length.
pub fn parse_phrases(file: &str, text: &str) -> Result<Vec<PhraseEntry>, DataError> {
    let mut entries = Vec::new();
    for (line, fields) in tsv_rows(text) {
        let err = |field: &str, message: String| DataError::at(file, line, field, message);
        check_field_count(file, line, &fields, 2, 2)?;
        let (t, s) = (fields[0], fields[1]);
        if t.is_empty() || t.chars().count() != s.chars().count() {
            return Err(err(
                "simplified",
                format!("{s:?} is not as long as {t:?}: offsets would shift"),
            ));
        }
        entries.push(PhraseEntry {
            traditional: t.into(),
            simplified: s.into(),
        });
    }
    Ok(entries)
}

pub fn builtin_chars() -> Result<Vec<CharEntry>, DataError> {
    parse_chars("traditional_chars.tsv", super::TRADITIONAL_CHARS_FILE)
}

pub fn builtin_phrases() -> Result<Vec<PhraseEntry>, DataError> {
    parse_phrases("traditional_phrases.tsv", super::TRADITIONAL_PHRASES_FILE)
}
