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
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(0);
        DataError {
            file: file.into(),
            line,
            field: missing_field(e.message()),
            message: e.message().to_string(),
        }
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

/// Parses a reader's glossary file. The format is taken from the name's
/// extension (`.toml`, `.json`, `.csv`), or guessed from the content.
pub fn parse_any(file: &str, text: &str) -> Result<Vec<GlossaryEntry>, DataError> {
    let text = text.trim_start_matches('\u{feff}');
    let lower = file.to_lowercase();
    if lower.ends_with(".json")
        || (!lower.ends_with(".toml")
            && !lower.ends_with(".csv")
            && text.trim_start().starts_with(['[', '{']))
            && !text.trim_start().starts_with("[[")
    {
        parse_json(file, text)
    } else if lower.ends_with(".csv")
        || (!lower.ends_with(".toml")
            && text
                .lines()
                .next()
                .is_some_and(|l| l.contains(',') && l.contains("term")))
    {
        parse_csv(file, text)
    } else {
        parse_toml(file, text)
    }
}

/// JSON: an array of entries, or `{"term": [...]}` like the TOML files.
pub fn parse_json(file: &str, text: &str) -> Result<Vec<GlossaryEntry>, DataError> {
    let err = |line: usize, field: String, message: String| DataError {
        file: file.into(),
        line,
        field,
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| err(e.line(), String::new(), e.to_string()))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove("term") {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                return Err(err(
                    1,
                    "term".into(),
                    "expected a list of entries, or an object with a `term` list".into(),
                ))
            }
        },
        _ => {
            return Err(err(
                1,
                String::new(),
                "expected a list of glossary entries".into(),
            ))
        }
    };
    // The line of each entry's "term" key, for the messages.
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("\"term\""))
        .map(|(i, _)| i + 1)
        .collect();
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let entry: GlossaryEntry = serde_json::from_value(item).map_err(|e| {
            let message = e.to_string();
            err(
                line,
                missing_field(&message),
                format!("entry {}: {message}", i + 1),
            )
        })?;
        check_entry(file, line, &entry)?;
        entries.push(entry);
    }
    Ok(entries)
}

/// CSV with a header row naming the fields; list fields are separated by `|`.
pub fn parse_csv(file: &str, text: &str) -> Result<Vec<GlossaryEntry>, DataError> {
    let err = |line: usize, field: &str, message: String| DataError {
        file: file.into(),
        line,
        field: field.into(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| err(1, "", e.to_string()))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    for required in ["term", "pinyin", "en", "category", "zh", "explain"] {
        if column(required).is_none() {
            return Err(err(
                1,
                required,
                format!("the header row has no `{required}` column"),
            ));
        }
    }
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            err(line, "", e.to_string())
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let get = |name: &str| {
            column(name)
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_string()
        };
        let list = |name: &str| -> Vec<String> {
            get(name)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let entry = GlossaryEntry {
            term: get("term"),
            pinyin: get("pinyin"),
            en: get("en"),
            category: get("category"),
            zh: get("zh"),
            explain: get("explain"),
            aliases: list("aliases"),
            spun: list("spun"),
            related: list("related"),
        };
        check_entry(file, line, &entry)?;
        entries.push(entry);
    }
    Ok(entries)
}

/// serde says "missing field `pinyin`"; the field's name is the useful part.
fn missing_field(message: &str) -> String {
    message
        .split_once("missing field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(field, _)| field.to_string())
        .unwrap_or_default()
}

/// The reader's entries over the built-in ones: an imported term replaces
/// the built-in entry of the same name; new terms are added.
pub fn merge(builtin: Vec<GlossaryEntry>, mine: &[GlossaryEntry]) -> Vec<GlossaryEntry> {
    let mut merged: Vec<GlossaryEntry> = builtin
        .into_iter()
        .filter(|b| mine.iter().all(|m| m.term != b.term))
        .collect();
    merged.extend(mine.iter().cloned());
    merged
}

/// The built-in glossary: every file in [`super::GLOSSARY_FILES`].
pub fn builtin() -> Result<Vec<GlossaryEntry>, DataError> {
    let mut all = Vec::new();
    for (name, text) in super::GLOSSARY_FILES {
        all.extend(parse_toml(name, text)?);
    }
    Ok(all)
}
