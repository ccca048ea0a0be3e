//! The reader's library: every article they read, kept in this browser with
//! its title, dates, marks and view, to reopen, rename or delete, and to
//! export as one JSON file and import back.
//!
//! Everything above [`store`] is pure and tested natively (`tests/library.rs`).
//! The store keeps the list (small entries) apart from the texts (up to
//! 300,000 characters each) in IndexedDB, whose room is far larger than
//! localStorage's; a write the browser refuses changes nothing that was kept.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::app::state::{group, MAX_READ_CHARS};
use crate::share::{Mark, SharedState, View};

/// What the list shows of an article; its text is kept apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// [`article_id`] of the text: the same text read again is the same entry.
    pub id: String,
    pub title: String,
    /// First and last read, in milliseconds since 1970 (UTC).
    pub added: f64,
    pub read: f64,
    /// The text's length in characters.
    pub chars: usize,
    #[serde(default)]
    pub marks: Vec<Mark>,
    /// Kinds whose highlights the reader switched off, and the pinyin toggle.
    #[serde(default)]
    pub hidden: Vec<String>,
    #[serde(default)]
    pub pinyin: bool,
}

/// An entry with its text (what export writes and import reads).
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub entry: Entry,
    pub text: String,
}

/// The longest title kept (a rename is cut there).
pub const MAX_TITLE_CHARS: usize = 120;

/// A library file larger than this is refused before it is read.
pub const MAX_IMPORT_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

/// The export format's name and version (import refuses newer versions).
pub const FORMAT: &str = "dudong-library";
pub const FORMAT_VERSION: u64 = 1;

/// A stable identity for a text: 64-bit FNV-1a of its UTF-8 and its length
/// in characters.
pub fn article_id(text: &str) -> String {
    let hash = crate::fnv::fnv1a(text.as_bytes());
    format!("{hash:016x}-{}", text.chars().count())
}

/// The title an article gets: its first line with text, or that line's first
/// sentence when the line is long, shortened with "…" past 40 characters.
pub fn title_of(text: &str) -> String {
    const LONG: usize = 40;
    let line = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| l.chars().any(|c| !c.is_whitespace() && !c.is_control()))
        .unwrap_or("");
    let line: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = line.chars().collect();
    if chars.is_empty() {
        return "Untitled".into();
    }
    if chars.len() <= LONG {
        return line;
    }
    if let Some(end) = chars.iter().position(|c| "。！？!?；;".contains(*c)) {
        if (4..LONG).contains(&end) {
            return chars[..=end].iter().collect();
        }
    }
    let mut short: String = chars[..LONG].iter().collect();
    short.push('…');
    short
}

/// A title the reader typed: spaces and control characters collapsed, cut
/// at [`MAX_TITLE_CHARS`]; an empty one is refused.
pub fn clean_title(typed: &str) -> Result<String, String> {
    let words: Vec<&str> = typed
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    if joined.is_empty() {
        return Err("A title needs at least one character; the old title is kept.".into());
    }
    Ok(joined.chars().take(MAX_TITLE_CHARS).collect())
}

/// The entry for what is being read now: a new one, or `existing` with the
/// new marks, view and reading time (its title and first date kept).
pub fn entry_for(shared: &SharedState, now: f64, existing: Option<&Entry>) -> Entry {
    let id = article_id(&shared.text);
    match existing.filter(|e| e.id == id) {
        Some(e) => Entry {
            read: now,
            marks: shared.marks.clone(),
            hidden: shared.view.hidden_kinds.clone(),
            pinyin: shared.view.pinyin,
            ..e.clone()
        },
        None => Entry {
            id,
            title: title_of(&shared.text),
            added: now,
            read: now,
            chars: shared.text.chars().count(),
            marks: shared.marks.clone(),
            hidden: shared.view.hidden_kinds.clone(),
            pinyin: shared.view.pinyin,
        },
    }
}

/// Whether saving `shared` over `existing` would change anything but the date.
pub fn unchanged(shared: &SharedState, existing: &Entry) -> bool {
    existing.id == article_id(&shared.text)
        && existing.marks == shared.marks
        && existing.hidden == shared.view.hidden_kinds
        && existing.pinyin == shared.view.pinyin
}

/// What reopening an article shows: its text, marks and view.
pub fn to_shared(entry: &Entry, text: String) -> SharedState {
    SharedState {
        text,
        marks: entry.marks.clone(),
        view: View {
            hidden_kinds: entry.hidden.clone(),
            pinyin: entry.pinyin,
            open_card: None,
        },
    }
}

/// The list in the order it is shown: the most recently read first.
pub fn sorted(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| {
        b.read
            .total_cmp(&a.read)
            .then_with(|| a.title.cmp(&b.title))
    });
    entries
}

/// "2026-11-27" for a time in ms, shifted by the reader's UTC offset in minutes.
pub fn date_label(ms: f64, utc_offset_minutes: i64) -> String {
    let days = ((ms / 1000.0).floor() as i64 + utc_offset_minutes * 60).div_euclid(86_400);
    // Days since 1970-01-01 to a civil date (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// One line of the list under the title: "2026-11-27 · 3,806 characters · 2 marks".
pub fn describe(entry: &Entry, utc_offset_minutes: i64) -> String {
    let mut line = format!(
        "{} · {} characters",
        date_label(entry.read, utc_offset_minutes),
        group(entry.chars)
    );
    match entry.marks.len() {
        0 => {}
        1 => line.push_str(" · 1 mark"),
        n => line.push_str(&format!(" · {n} marks")),
    }
    line
}

/// The whole library as one JSON file.
pub fn export_json(articles: &[Article], now: f64) -> String {
    let articles: Vec<Value> = articles
        .iter()
        .map(|a| {
            json!({
                "title": a.entry.title,
                "added": a.entry.added,
                "read": a.entry.read,
                "text": a.text,
                "marks": a.entry.marks,
                "hidden": a.entry.hidden,
                "pinyin": a.entry.pinyin,
            })
        })
        .collect();
    let file = json!({ "format": FORMAT, "version": FORMAT_VERSION, "exported": now, "articles": articles });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a library file. The error names the file and what is wrong with it
/// ("library.json: article 3: mark 2 ends at 5,000, after the text's 4,000 characters").
pub fn parse_export(name: &str, contents: &str, now: f64) -> Result<Vec<Article>, String> {
    let value: Value = serde_json::from_str(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("{name} is not a JSON file ({e})"))?;
    let Value::Object(top) = value else {
        return Err(format!("{name} is not a dudong library: it is JSON, but not an object with \"format\": \"{FORMAT}\""));
    };
    if top.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!(
            "{name} is not a dudong library: it has no \"format\": \"{FORMAT}\""
        ));
    }
    match top.get("version").and_then(Value::as_u64) {
        None => return Err(format!("{name}: \"version\" is missing or not a whole number")),
        Some(v) if v > FORMAT_VERSION => {
            return Err(format!("{name} was written by a newer dudong (library format {v}); this one reads format {FORMAT_VERSION}"))
        }
        Some(_) => {}
    }
    let Some(list) = top.get("articles").and_then(Value::as_array) else {
        return Err(format!("{name}: \"articles\" is missing or not a list"));
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            article_from(v, now).map_err(|why| format!("{name}: article {}: {why}", i + 1))
        })
        .collect()
}

fn article_from(value: &Value, now: f64) -> Result<Article, String> {
    let Value::Object(obj) = value else {
        return Err("not an object".into());
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"text\" is not a string".into()),
        None => return Err("\"text\" is missing".into()),
    };
    let chars = text.chars().count();
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    if chars > MAX_READ_CHARS {
        return Err(format!(
            "\"text\" has {} characters; dudong reads up to {}",
            group(chars),
            group(MAX_READ_CHARS)
        ));
    }
    let title = match obj.get("title") {
        None | Some(Value::Null) => title_of(&text),
        Some(Value::String(s)) => clean_title(s).unwrap_or_else(|_| title_of(&text)),
        Some(_) => return Err("\"title\" is not a string".into()),
    };
    let added = time(obj, "added", now)?;
    let read = time(obj, "read", added)?;
    let marks = match obj.get("marks") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(j, m)| mark_from(m, chars).map_err(|why| format!("mark {}: {why}", j + 1)))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("\"marks\" is not a list".into()),
    };
    let hidden = match obj.get("hidden") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|k| {
                k.as_str().map(str::to_string).ok_or_else(|| {
                    "\"hidden\" holds something that is not a kind's name".to_string()
                })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("\"hidden\" is not a list".into()),
    };
    let pinyin = match obj.get("pinyin") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err("\"pinyin\" is not true or false".into()),
    };
    let entry = Entry {
        id: article_id(&text),
        title,
        added,
        read,
        chars,
        marks,
        hidden,
        pinyin,
    };
    Ok(Article { entry, text })
}

fn time(obj: &Map<String, Value>, field: &str, default: f64) -> Result<f64, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_f64()
            .filter(|t| t.is_finite() && *t >= 0.0)
            .ok_or_else(|| format!("\"{field}\" is not a time in milliseconds")),
    }
}

fn mark_from(value: &Value, chars: usize) -> Result<Mark, String> {
    let Value::Object(obj) = value else {
        return Err("not an object".into());
    };
    let offset = |field: &str| -> Result<usize, String> {
        obj.get(field)
            .and_then(Value::as_u64)
            .map(|n| n as usize)
            .ok_or_else(|| format!("\"{field}\" is missing or not a whole number"))
    };
    let (start, end) = (offset("start")?, offset("end")?);
    if start >= end {
        return Err(format!(
            "it starts at {start} and ends at {end}; it must end after it starts"
        ));
    }
    if end > chars {
        return Err(format!(
            "it ends at {}, after the text's {} characters",
            group(end),
            group(chars)
        ));
    }
    let note = match obj.get("note") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("\"note\" is not a string".into()),
    };
    Ok(Mark { start, end, note })
}

/// What importing does to the library: entries to write (with the text for
/// new articles), and counts for the message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub writes: Vec<(Entry, Option<String>)>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportPlan {
    /// "Imported 3 articles: 2 new, 1 with marks added, 4 already here."
    pub fn summary(&self, name: &str) -> String {
        let total = self.added + self.updated + self.unchanged;
        let mut parts = vec![format!("{} new", self.added)];
        if self.updated > 0 {
            parts.push(format!("{} with marks added", self.updated));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} already here", self.unchanged));
        }
        let noun = if total == 1 { "article" } else { "articles" };
        format!("Imported {name}: {total} {noun} ({}).", parts.join(", "))
    }
}

/// Merges imported articles into the library without losing anything: a new
/// text is added; a text already kept keeps its title and gains the marks it
/// lacked; nothing is removed.
pub fn plan_import(existing: &[Entry], incoming: Vec<Article>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut known: Vec<Entry> = existing.to_vec();
    for Article { entry, text } in incoming {
        match known.iter_mut().find(|e| e.id == entry.id) {
            None => {
                known.push(entry.clone());
                plan.writes.push((entry, Some(text)));
                plan.added += 1;
            }
            Some(kept) => {
                let mut marks = kept.marks.clone();
                for m in entry.marks {
                    if !marks.contains(&m) {
                        marks.push(m);
                    }
                }
                if marks.len() == kept.marks.len() {
                    plan.unchanged += 1;
                    continue;
                }
                marks.sort_by_key(|m| (m.start, m.end));
                kept.marks = marks;
                kept.added = kept.added.min(entry.added);
                kept.read = kept.read.max(entry.read);
                let updated = kept.clone();
                // An article added earlier in this same file: write it once, with its text.
                match plan.writes.iter_mut().find(|(e, _)| e.id == updated.id) {
                    Some(write) => write.0 = updated,
                    None => {
                        plan.writes.push((updated, None));
                        plan.updated += 1;
                    }
                }
            }
        }
    }
    plan
}

/// Why the browser did not keep something.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser's storage for this page is full (quota).
    Full,
    /// No IndexedDB (a privacy mode, or an old browser).
    Unavailable,
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => write!(f, "the browser's storage for this page is full"),
            StoreError::Unavailable => write!(
                f,
                "this browser keeps no library for the page (private browsing?)"
            ),
            StoreError::Failed(why) => write!(f, "the browser's storage failed ({why})"),
        }
    }
}

/// The message when an article could not be kept.
pub fn not_kept_message(title: &str, error: &StoreError) -> String {
    match error {
        StoreError::Full => format!(
            "Your library is full: “{title}” is not kept in it. The browser gives this page no more room; \
             delete articles you no longer need (Export all first, if you like). Nothing else changed, and the article stays open."
        ),
        other => format!("“{title}” is not kept in your library: {other}. Nothing else changed."),
    }
}

/// IndexedDB: the store "entries" holds [`Entry`] as JSON, "texts" the texts,
/// both keyed by [`article_id`]. Natively a thread-local map stands in, so
/// that the components compile and render in tests.
pub mod store {
    use super::{Article, Entry, StoreError};

    #[cfg(target_arch = "wasm32")]
    pub use browser::*;
    #[cfg(not(target_arch = "wasm32"))]
    pub use native::*;

    #[cfg(target_arch = "wasm32")]
    mod browser {
        use super::*;
        use idb::{
            builder::DatabaseBuilder, builder::ObjectStoreBuilder, Database, Error, TransactionMode,
        };
        use wasm_bindgen::JsValue;

        const DB: &str = "dudong-library";
        const ENTRIES: &str = "entries";
        const TEXTS: &str = "texts";

        fn classify(error: Error) -> StoreError {
            if let Error::DomException(e) = &error {
                if e.name() == "QuotaExceededError" {
                    return StoreError::Full;
                }
            }
            let text = format!("{error:?} {error}");
            if text.contains("QuotaExceeded") || text.contains("quota") {
                StoreError::Full
            } else {
                StoreError::Failed(error.to_string())
            }
        }

        async fn open() -> Result<Database, StoreError> {
            DatabaseBuilder::new(DB)
                .version(1)
                .add_object_store(ObjectStoreBuilder::new(ENTRIES))
                .add_object_store(ObjectStoreBuilder::new(TEXTS))
                .build()
                .await
                .map_err(|e| match e {
                    Error::IndexedDbNotFound(_) => StoreError::Unavailable,
                    other => classify(other),
                })
        }

        pub async fn list() -> Result<Vec<Entry>, StoreError> {
            let db = open().await?;
            let tx = db
                .transaction(&[ENTRIES], TransactionMode::ReadOnly)
                .map_err(classify)?;
            let store = tx.object_store(ENTRIES).map_err(classify)?;
            let values = store
                .get_all(None, None)
                .map_err(classify)?
                .await
                .map_err(classify)?;
            db.close();
            Ok(values
                .iter()
                .filter_map(|v| v.as_string())
                .filter_map(|s| serde_json::from_str(&s).ok())
                .collect())
        }

        pub async fn text(id: &str) -> Result<Option<String>, StoreError> {
            let db = open().await?;
            let tx = db
                .transaction(&[TEXTS], TransactionMode::ReadOnly)
                .map_err(classify)?;
            let store = tx.object_store(TEXTS).map_err(classify)?;
            let value = store
                .get(JsValue::from_str(id))
                .map_err(classify)?
                .await
                .map_err(classify)?;
            db.close();
            Ok(value.and_then(|v| v.as_string()))
        }

        /// Writes entries (and texts where given) in one transaction: all or nothing.
        pub async fn put(writes: &[(Entry, Option<String>)]) -> Result<(), StoreError> {
            let db = open().await?;
            let tx = db
                .transaction(&[ENTRIES, TEXTS], TransactionMode::ReadWrite)
                .map_err(classify)?;
            let entries = tx.object_store(ENTRIES).map_err(classify)?;
            let texts = tx.object_store(TEXTS).map_err(classify)?;
            for (entry, text) in writes {
                let key = JsValue::from_str(&entry.id);
                let json =
                    serde_json::to_string(entry).map_err(|e| StoreError::Failed(e.to_string()))?;
                entries
                    .put(&JsValue::from_str(&json), Some(&key))
                    .map_err(classify)?;
                if let Some(text) = text {
                    texts
                        .put(&JsValue::from_str(text), Some(&key))
                        .map_err(classify)?;
                }
            }
            let result = tx.commit().map_err(classify)?.await.map_err(classify);
            db.close();
            match result? {
                idb::TransactionResult::Committed => Ok(()),
                // An aborted write is almost always the quota.
                idb::TransactionResult::Aborted => Err(StoreError::Full),
            }
        }

        pub async fn delete(id: &str) -> Result<(), StoreError> {
            let db = open().await?;
            let tx = db
                .transaction(&[ENTRIES, TEXTS], TransactionMode::ReadWrite)
                .map_err(classify)?;
            for name in [ENTRIES, TEXTS] {
                tx.object_store(name)
                    .map_err(classify)?
                    .delete(JsValue::from_str(id))
                    .map_err(classify)?;
            }
            let result = tx.commit().map_err(classify)?.await.map_err(classify);
            db.close();
            result.map(|_| ())
        }

        pub async fn all_articles() -> Result<Vec<Article>, StoreError> {
            let mut articles = Vec::new();
            for entry in super::super::sorted(list().await?) {
                if let Some(text) = text(&entry.id).await? {
                    articles.push(Article { entry, text });
                }
            }
            Ok(articles)
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod native {
        use super::*;
        use std::cell::RefCell;
        use std::collections::BTreeMap;

        thread_local! {
            static KEPT: RefCell<BTreeMap<String, (Entry, String)>> = const { RefCell::new(BTreeMap::new()) };
        }

        pub async fn list() -> Result<Vec<Entry>, StoreError> {
            Ok(KEPT.with(|k| k.borrow().values().map(|(e, _)| e.clone()).collect()))
        }

        pub async fn text(id: &str) -> Result<Option<String>, StoreError> {
            Ok(KEPT.with(|k| k.borrow().get(id).map(|(_, t)| t.clone())))
        }

        pub async fn put(writes: &[(Entry, Option<String>)]) -> Result<(), StoreError> {
            KEPT.with(|k| {
                let mut kept = k.borrow_mut();
                for (entry, text) in writes {
                    let text = text
                        .clone()
                        .or_else(|| kept.get(&entry.id).map(|(_, t)| t.clone()))
                        .unwrap_or_default();
                    kept.insert(entry.id.clone(), (entry.clone(), text));
                }
            });
            Ok(())
        }

        pub async fn delete(id: &str) -> Result<(), StoreError> {
            KEPT.with(|k| k.borrow_mut().remove(id));
            Ok(())
        }

        pub async fn all_articles() -> Result<Vec<Article>, StoreError> {
            Ok(KEPT.with(|k| {
                k.borrow()
                    .values()
                    .map(|(entry, text)| Article {
                        entry: entry.clone(),
                        text: text.clone(),
                    })
                    .collect()
            }))
        }
    }
}
