//! The result of analysing one text: its words and its highlighted spans.

use serde::{Deserialize, Serialize};

use super::script::Script;
use crate::knowledge::glossary::GlossaryEntry;

/// One word of the segmented text. `start..end` are Unicode scalar offsets
/// into the analysed text, end exclusive. Whitespace runs are words too, so
/// the words tile the whole text without gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// What a highlighted span is. The names are the `data-kind` values in the
/// reading view and the `kind` values of `dudong annotate --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Org,
    Place,
    Product,
    Figure,
    Term,
    Spin,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Person,
        Kind::Org,
        Kind::Place,
        Kind::Product,
        Kind::Figure,
        Kind::Term,
        Kind::Spin,
    ];

    /// Everything a view says about the kind, from the one table of kinds.
    pub const fn names(self) -> &'static KindNames {
        &KIND_NAMES[self as usize]
    }

    /// The `data-kind` value, CSS class and `annotate --json` kind.
    pub fn as_str(self) -> &'static str {
        self.names().id
    }
}

/// What the reading view, cards, panel, legend and summary line call a kind.
/// Its colour is the stylesheet's, keyed by `id` (`mark.person`,
/// `[data-kind="person"]`).
#[derive(Debug)]
pub struct KindNames {
    pub id: &'static str,
    /// A card's label: "Organisation".
    pub label: &'static str,
    /// The panel's heading and the legend's entry: "Organisations".
    pub heading: &'static str,
    /// Counted in the summary line: "1 organisation", "2 organisations".
    pub one: &'static str,
    pub many: &'static str,
}

/// The one table of kinds, in the order of [`Kind`].
const KIND_NAMES: [KindNames; 7] = [
    KindNames {
        id: "person",
        label: "Person",
        heading: "People",
        one: "person",
        many: "people",
    },
    KindNames {
        id: "org",
        label: "Organisation",
        heading: "Organisations",
        one: "organisation",
        many: "organisations",
    },
    KindNames {
        id: "place",
        label: "Place",
        heading: "Places",
        one: "place",
        many: "places",
    },
    KindNames {
        id: "product",
        label: "Product",
        heading: "Products",
        one: "product",
        many: "products",
    },
    KindNames {
        id: "figure",
        label: "Figure",
        heading: "Figures",
        one: "figure",
        many: "figures",
    },
    KindNames {
        id: "term",
        label: "Glossary term",
        heading: "Terms",
        one: "term",
        many: "terms",
    },
    KindNames {
        id: "spin",
        label: "Spun wording",
        heading: "Spun wording",
        one: "swapped word",
        many: "swapped words",
    },
];

/// A highlighted stretch of text. `term` is the canonical glossary term (for a
/// spun surface such as 耐烦资源 it is 耐心资本); `original` is what a spun
/// word most likely was; `note` is a one-line explanation for the card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub term: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub original: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    /// For a spun word judged by its neighbours: the counts that show it,
    /// as a sentence for its card.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<String>,
}

impl Span {
    pub fn new(start: usize, end: usize, kind: Kind) -> Span {
        Span {
            start,
            end,
            kind,
            term: None,
            original: None,
            note: None,
            evidence: None,
        }
    }
}

/// An analysed text.
///
/// Its serde form leaves the text out (the page already has it; see
/// [`Document::with_text`]) and writes the words as one byte buffer of
/// their ends. The worker sends it to the page in the [`wire`] form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The text exactly as given (in traditional characters if it was written so).
    #[serde(skip)]
    pub text: String,
    /// The text as chars, so that views can slice by the offsets cheaply.
    #[serde(skip)]
    pub chars: Vec<char>,
    #[serde(with = "word_ends")]
    pub words: Vec<Word>,
    pub spans: Vec<Span>,
    pub summary: Summary,
    /// The glossary entries the term spans name, and the entries those list
    /// as related, so that a card needs nothing but the document.
    #[serde(default)]
    pub entries: Vec<GlossaryEntry>,
    /// The script the text was written in; a traditional text was analysed
    /// as its simplified form (offsets are the same).
    #[serde(default)]
    pub script: Script,
    /// The article's body (char offsets) when the text is a whole web page;
    /// `None` when the whole text is the body. Spans outside it are still
    /// there, but the summary counts only those inside.
    #[serde(default)]
    pub body: Option<(usize, usize)>,
}

/// Words that tile a text, as the little-endian `u32` end offset of each.
mod word_ends {
    use super::Word;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(words: &[Word], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = words
            .iter()
            .flat_map(|w| (w.end as u32).to_le_bytes())
            .collect();
        serde_bytes::serialize(&bytes, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Word>, D::Error> {
        let bytes: serde_bytes::ByteBuf = Deserialize::deserialize(d)?;
        let mut start = 0;
        let mut words = Vec::with_capacity(bytes.len() / 4);
        for end in bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        {
            if end < start {
                return Err(serde::de::Error::custom("word ends go backwards"));
            }
            words.push(Word { start, end });
            start = end;
        }
        Ok(words)
    }
}

/// A document's form between the analysis worker and the page: everything
/// but the words as one JSON string, and the words as one byte buffer (see
/// `word_ends`). Two values cross the boundary instead of a tree of
/// JavaScript objects built and read one field at a time: for the seed
/// article that was 27 ms of the worker's and the page's time; as JSON text
/// it is about 1 ms natively. Use with `#[serde(with = "...::wire")]`.
pub mod wire {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Document, GlossaryEntry, Script, Span, Summary};

    /// The document without its text and words.
    #[derive(Serialize)]
    struct Rest<'a> {
        spans: &'a [Span],
        summary: &'a Summary,
        entries: &'a [GlossaryEntry],
        script: Script,
        body: Option<(usize, usize)>,
    }

    #[derive(Deserialize)]
    struct OwnedRest {
        spans: Vec<Span>,
        summary: Summary,
        entries: Vec<GlossaryEntry>,
        script: Script,
        body: Option<(usize, usize)>,
    }

    #[derive(Serialize)]
    struct Packed<'a> {
        rest: String,
        #[serde(with = "super::word_ends")]
        words: &'a [super::Word],
    }

    #[derive(Deserialize)]
    struct OwnedPacked {
        rest: String,
        #[serde(with = "super::word_ends")]
        words: Vec<super::Word>,
    }

    pub fn serialize<S: Serializer>(doc: &Document, s: S) -> Result<S::Ok, S::Error> {
        let rest = Rest {
            spans: &doc.spans,
            summary: &doc.summary,
            entries: &doc.entries,
            script: doc.script,
            body: doc.body,
        };
        let rest = serde_json::to_string(&rest).map_err(S::Error::custom)?;
        Packed {
            rest,
            words: &doc.words,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Document, D::Error> {
        let packed = OwnedPacked::deserialize(d)?;
        let rest: OwnedRest = serde_json::from_str(&packed.rest).map_err(D::Error::custom)?;
        Ok(Document {
            text: String::new(),
            chars: Vec::new(),
            words: packed.words,
            spans: rest.spans,
            summary: rest.summary,
            entries: rest.entries,
            script: rest.script,
            body: rest.body,
        })
    }
}

/// Counts over the article (its body, when the text is a whole web page),
/// for the one-line summary above it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Distinct surface forms per entity kind, and mentions for the rest.
    pub people: usize,
    pub orgs: usize,
    pub places: usize,
    pub products: usize,
    pub figures: usize,
    pub terms: usize,
    /// Spun substitutions found (only when the text is judged spun).
    pub spins: usize,
    pub spun: bool,
    pub spins_per_thousand: f64,
    /// Spans outside the article's body (navigation, related links, ads).
    #[serde(default)]
    pub outside_body: usize,
    /// Written in traditional characters and analysed as simplified.
    #[serde(default)]
    pub traditional: bool,
    /// Names were also looked for with the learned model (it was loaded).
    #[serde(default)]
    pub names_model: bool,
}

impl Summary {
    /// Counts the spans that start inside `body` (all of them when `None`).
    pub fn count(
        spans: &[Span],
        verdict: &crate::analysis::spin::SpinVerdict,
        body: Option<(usize, usize)>,
    ) -> Summary {
        let inside = |s: &&Span| body.is_none_or(|(from, to)| s.start >= from && s.start < to);
        let n = |kind: Kind| {
            spans
                .iter()
                .filter(inside)
                .filter(|s| s.kind == kind)
                .count()
        };
        Summary {
            people: n(Kind::Person),
            orgs: n(Kind::Org),
            places: n(Kind::Place),
            products: n(Kind::Product),
            figures: n(Kind::Figure),
            terms: n(Kind::Term),
            spins: n(Kind::Spin),
            spun: verdict.spun,
            spins_per_thousand: verdict.per_thousand,
            outside_body: spans.len() - spans.iter().filter(inside).count(),
            traditional: false,
            names_model: false,
        }
    }
}

impl Document {
    /// The summary line over the article, counted as the reader counts
    /// (distinct items and their mentions; [`super::overview`]).
    pub fn summary_line(&self) -> String {
        super::overview::summary_line(self, &super::overview::overview(self))
    }

    pub fn new(text: &str, words: Vec<Word>, spans: Vec<Span>) -> Document {
        Document {
            text: text.to_owned(),
            chars: text.chars().collect(),
            words,
            spans,
            summary: Summary::default(),
            entries: Vec::new(),
            script: Script::Simplified,
            body: None,
        }
    }

    /// A document that arrived without its text (from the analysis worker),
    /// given the text it was made from. `None` when they do not fit together.
    pub fn with_text(mut self, text: String) -> Option<Document> {
        self.chars = text.chars().collect();
        self.text = text;
        let fits = self
            .words
            .last()
            .map_or(self.chars.is_empty(), |w| w.end == self.chars.len())
            && self
                .spans
                .iter()
                .all(|s| s.start < s.end && s.end <= self.chars.len())
            && self
                .body
                .is_none_or(|(from, to)| from <= to && to <= self.chars.len());
        fits.then_some(self)
    }

    /// The glossary entry of `term`, if the document carries it.
    pub fn entry(&self, term: &str) -> Option<&GlossaryEntry> {
        self.entries.iter().find(|e| e.term == term)
    }

    /// Whether a span starts inside the article's body (always, when the
    /// whole text is the body).
    pub fn in_body(&self, span: &Span) -> bool {
        self.body
            .is_none_or(|(from, to)| span.start >= from && span.start < to)
    }

    /// The text between two char offsets.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

#[cfg(test)]
mod kind_table {
    use super::Kind;

    #[test]
    fn the_table_follows_the_kinds() {
        for kind in Kind::ALL {
            // The id is the serde name: the table's order is the enum's.
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.names().id), "{kind:?}");
            assert!(!kind.names().label.is_empty() && !kind.names().heading.is_empty());
        }
    }
}
