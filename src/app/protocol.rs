//! The messages between the page and the analysis worker. Both sides are
//! this crate, so the types are shared and cross as structured values
//! (serde-wasm-bindgen), never as JSON text.

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzer, Document};
use crate::knowledge::glossary;

/// Texts longer than this get a first part analysed and shown before the
/// rest, so that the first screen of a long article appears at once.
pub const PREVIEW_OVER_CHARS: usize = 12_000;

/// About how much the first part holds (it ends at a line break after this).
pub const PREVIEW_CHARS: usize = 4_000;

/// How many times the worker analyses `knowledge::WARM_UP_TEXT` after saying
/// Ready. The browser first compiles wasm with a quick baseline compiler and
/// optimises a function only once it has run a while, so the reader's first
/// article would run mostly unoptimised (in the worker, the seed article
/// took 16 ms the first time against 6 ms from the fourth), and a function
/// is compiled at all only when first called. Each run is a task of its own,
/// and none starts once the page has asked for an analysis.
pub const WARM_UP_RUNS: u32 = 20;

/// In the worker's address (`worker-loader.js?link`, index.html's inline
/// script): the page was opened from a share link, so its article's request
/// comes at once and the worker starts no warm-up run.
pub const OPENING_LINK: &str = "link";

/// From the page to the worker. Every request carries an id; replies name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Request {
    Analyze {
        id: u32,
        text: String,
        /// Analyse it in one go, without a first part: the text is already
        /// on screen and is being read again (a model arrived).
        #[serde(default)]
        whole: bool,
    },
    /// The reader's glossary file, used over the built-in one from now on.
    Glossary { id: u32, name: String, text: String },
    /// Back to the built-in glossary alone.
    ForgetGlossary { id: u32 },
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Analyze { id, .. }
            | Request::Glossary { id, .. }
            | Request::ForgetGlossary { id } => *id,
        }
    }
}

/// From the worker to the page. `memory` is the worker's wasm memory in bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Reply {
    /// The engine is built and can analyse.
    Ready { memory: u32 },
    /// The analysis of the first `chars` characters of request `id`'s text
    /// (all of them when `complete`). The document comes without its text.
    /// `ms` is how long the analysis itself took (for the benchmark's breakdown).
    Analyzed {
        id: u32,
        chars: u32,
        complete: bool,
        #[serde(with = "crate::analysis::document_wire")]
        document: Document,
        memory: u32,
        ms: f64,
    },
    /// `knowledge::WARM_UP_TEXT`, analysed after Ready to warm the engine up
    /// ([`WARM_UP_RUNS`] times); the page makes its markup, unshown, for the
    /// same reason. Nothing the reader asked for.
    WarmedUp {
        #[serde(with = "crate::analysis::document_wire")]
        document: Document,
    },
    /// Phase two: the downloads that complete the engine arrived and are in
    /// use from now on (each one's size in bytes), or could not be
    /// loaded (why: the engine goes on with the curated lists and rules for
    /// that part, and with the core dictionary for words).
    Models {
        names: Result<u32, String>,
        terms: Result<u32, String>,
        spins: Result<u32, String>,
        dictionary: Result<u32, String>,
    },
    /// The number of terms in the reader's glossary, or what is wrong with it.
    Glossary {
        id: u32,
        result: Result<u32, String>,
    },
}

/// The name model's file, beside the app (`index.html` copies it into dist/).
pub const NAMES_MODEL_URL: &str = "./ner.model";

/// The open term lexicon's file, beside the app.
pub const TERMS_LEXICON_URL: &str = "./terms.lex";

/// The spin context table's file, beside the app.
pub const SPIN_CONTEXT_URL: &str = "./spin-lm.bin";

/// jieba's full dictionary, beside the app: the worker starts with its core
/// (embedded) and fetches this with the models.
pub const DICTIONARY_URL: &str = "./jieba-dict.bin";

/// How long after Ready the worker asks for the name model if no article
/// came first (one that comes first gets it asked for once it is answered).
pub const NAMES_MODEL_AFTER_MS: u32 = 3_000;

/// How long after answering the first article the worker asks for the name
/// model: the page shows that article meanwhile (the reading with the model
/// then replaces it in place).
pub const NAMES_MODEL_AFTER_ANSWER_MS: u32 = 1_500;

/// Where the first part of a long text ends (a char offset just after a line
/// break), or `None` when the text is short enough to analyse in one go.
pub fn preview_end(text: &str) -> Option<usize> {
    let mut n = 0;
    for c in text.chars() {
        n += 1;
        if n >= PREVIEW_CHARS && c == '\n' {
            break;
        }
    }
    let total = text.chars().count();
    if total <= PREVIEW_OVER_CHARS {
        return None;
    }
    // A text without line breaks is cut mid-sentence, still at a char.
    Some(n.min(PREVIEW_CHARS * 2).min(total))
}

/// Answers one request with `analyzer`, giving each reply to `emit` as soon
/// as it is made (the first part of a long text before the rest is
/// analysed). The worker and the native engine both answer through this;
/// `clock` gives milliseconds (`performance.now()` in the worker).
pub fn answer(
    analyzer: &mut Analyzer,
    request: Request,
    clock: &dyn Fn() -> f64,
    memory: impl Fn() -> u32,
    mut emit: impl FnMut(Reply),
) {
    match request {
        Request::Analyze { id, text, whole } => {
            if let Some(end) = preview_end(&text).filter(|_| !whole) {
                let prefix: String = text.chars().take(end).collect();
                let t = clock();
                let document = analyzer.analyze(&prefix);
                let ms = clock() - t;
                emit(Reply::Analyzed {
                    id,
                    chars: end as u32,
                    complete: false,
                    document,
                    memory: memory(),
                    ms,
                });
            }
            let t = clock();
            let document = analyzer.analyze(&text);
            let ms = clock() - t;
            let chars = document.chars.len() as u32;
            emit(Reply::Analyzed {
                id,
                chars,
                complete: true,
                document,
                memory: memory(),
                ms,
            });
        }
        Request::Glossary { id, name, text } => {
            let result = glossary::parse_any(&name, &text).map(|mine| {
                analyzer.set_glossary(glossary::merge(
                    glossary::builtin().unwrap_or_default(),
                    &mine,
                ));
                mine.len() as u32
            });
            emit(Reply::Glossary {
                id,
                result: result.map_err(|e| e.to_string()),
            });
        }
        Request::ForgetGlossary { id } => {
            analyzer.set_glossary(glossary::builtin().unwrap_or_default());
            emit(Reply::Glossary { id, result: Ok(0) });
        }
    }
}
