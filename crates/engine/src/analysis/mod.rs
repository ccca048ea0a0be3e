//! The analysis engine. [`Analyzer::new`] does the expensive set-up once
//! (dictionary, automata); [`Analyzer::analyze`] turns a text into a
//! [`Document`] that the reading view, the CLI and the tests all consume.
//!
//! | module | finds |
//! |---|---|
//! | [`segment`] | words (jieba-rs), with part-of-speech tags |
//! | [`entities`] | person, org, place, product (curated lists and rules, and [`ner`]) |
//! | [`ner`] | the learned name recogniser (a CRF over characters) |
//! | [`figures`] | dates, amounts, percentages, fractions, ranks |
//! | [`glossary`] | glossary terms, their aliases and spun forms |
//! | [`open_terms`] | other terms, from an open lexicon ranked by TF-IDF |
//! | [`spin`] | spun wording and the document's verdict |
//! | [`spin_context`] | spun words judged by their neighbours (a bigram table of news text) |
//! | [`script`] | traditional text, read through a simplified copy with the same offsets |
//! | [`body`] | the article's body in a whole pasted web page |

pub mod body;
mod document;
pub mod entities;
pub mod envelope;
pub mod figures;
pub mod glossary;
pub mod jieba_dict;
pub mod ner;
pub mod open_terms;
pub mod overview;
pub mod script;
pub mod segment;
pub mod spin;
pub mod spin_context;
pub mod text;

pub use document::{wire as document_wire, Document, Kind, KindNames, Span, Summary, Word};
pub use script::Script;
pub use segment::Segmenter;

use body::BodyFinder;
use entities::{EntityRecognizer, Tagged};
use glossary::GlossaryMatcher;
use open_terms::OpenTerms;
use script::Simplifier;
use spin::{InContext, SpinDetector};
use spin_context::SpinContext;
use text::Boundaries;

use crate::knowledge;

/// Holds everything that is built once per page (or process) and reused for
/// every text the reader pastes.
pub struct Analyzer {
    segmenter: Segmenter,
    entities: EntityRecognizer,
    glossary: GlossaryMatcher,
    /// Loaded after the first highlights in the browser; until then only
    /// curated terms are found.
    open_terms: Option<OpenTerms>,
    spins: SpinDetector,
    /// Loaded after the first highlights in the browser; until then spun
    /// words come from the curated table alone.
    spin_context: Option<SpinContext>,
    simplifier: Simplifier,
    body: BodyFinder,
}

impl Analyzer {
    /// Builds the engine from the built-in knowledge files and jieba's full
    /// dictionary. They are checked by tests, so a failure here is a bug in
    /// a data file, not in the input.
    pub fn new() -> Analyzer {
        Analyzer::with_segmenter(Segmenter::new())
    }

    /// Phase one of the browser's worker: the engine with the core of
    /// jieba's dictionary ([`Segmenter::core`]), so that the worker's wasm
    /// holds and builds only that. [`Analyzer::set_segmenter`] with the full
    /// dictionary then makes it exactly [`Analyzer::new`]'s engine.
    pub fn core() -> Analyzer {
        Analyzer::with_segmenter(Segmenter::core())
    }

    /// The engine around `segmenter`, with the built-in knowledge files.
    pub fn with_segmenter(segmenter: Segmenter) -> Analyzer {
        // The segmenter first: its tables grow by doubling, and the memory a
        // grown table leaves behind is then reused by the knowledge below
        // instead of growing the wasm heap past it.
        let gazetteer = knowledge::gazetteer::builtin().unwrap_or_else(|e| panic!("{e}"));
        let rules = knowledge::rules::builtin().unwrap_or_else(|e| panic!("{e}"));
        let glossary = knowledge::glossary::builtin().unwrap_or_else(|e| panic!("{e}"));
        let spins = knowledge::spins::builtin().unwrap_or_else(|e| panic!("{e}"));
        let traditional = knowledge::traditional::builtin_chars().unwrap_or_else(|e| panic!("{e}"));
        let phrases = knowledge::traditional::builtin_phrases().unwrap_or_else(|e| panic!("{e}"));
        let page = knowledge::page::builtin().unwrap_or_else(|e| panic!("{e}"));
        Analyzer {
            segmenter,
            entities: EntityRecognizer::new(&gazetteer, rules),
            glossary: GlossaryMatcher::new(glossary),
            open_terms: None,
            spins: SpinDetector::new(spins),
            spin_context: None,
            simplifier: Simplifier::new(&traditional, &phrases),
            body: BodyFinder::new(page),
        }
    }

    /// Analyses `text`. Offsets in the result count Unicode scalar values.
    /// A traditional text is analysed as its simplified copy (same offsets);
    /// the document keeps the text as given.
    pub fn analyze(&self, given: &str) -> Document {
        let (simplified, script) = self.simplifier.simplify(given);
        let text: &str = &simplified;
        let tagged: Vec<Tagged> = self.segmenter.tag(text);
        let words: Vec<Word> = tagged.iter().map(|t| t.word).collect();
        let bounds = Boundaries::new(text, &words);

        let mut spans = self.entities.find(text, &bounds, &tagged);
        let found = figures::find_figures_in(bounds.chars(), script);
        spans.extend(found.into_iter().map(|f| {
            let mut span = Span::new(f.start, f.end, Kind::Figure);
            span.note = Some(f.value.describe());
            span
        }));
        let terms = self.glossary.find(text, &bounds);
        // A glossary term is a concept, not an organisation (人形机器人
        // ends like one): an organisation found without a canonical form
        // that is exactly a term gives way to it. Places stay (经开区 is
        // both a kind of place and a term).
        spans.retain(|name| {
            name.kind != Kind::Org
                || name.term.is_some()
                || !terms
                    .iter()
                    .any(|t| (t.start, t.end) == (name.start, name.end))
        });
        spans.extend(terms);
        let body = self.body.find(bounds.chars());
        let context = self.spin_context.as_ref().map(|table| InContext {
            table,
            words: &words,
            taken: &spans,
        });
        let (spin_spans, verdict) = self.spins.detect(text, &bounds, body, context);
        spans.extend(spin_spans);
        // After the spins: a spun word (题目 for 问题) is not a term.
        if let Some(open) = &self.open_terms {
            let more = open.find(bounds.chars(), &words, &spans, body);
            spans.extend(more);
        }
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.kind));

        let mut summary = Summary::count(&spans, &verdict, body);
        summary.traditional = script == Script::Traditional;
        summary.names_model = self.has_ner_model();
        let cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        let words = split_words(words, cuts);
        let mut doc = Document::new(given, words, spans);
        doc.summary = summary;
        doc.entries = self.glossary.entries_for(&doc.spans);
        doc.script = script;
        doc.body = body;
        doc
    }

    /// Does, ahead of the reader's first article, the set-up jieba leaves to
    /// its first use (its HMM tables for unknown words): that first analysis
    /// takes several times as long as later ones (22 ms against 3 ms for the
    /// seed article natively). In the browser it is run a few times, for the
    /// same reason (see `app::protocol::WARM_UP_RUNS`). Returns the document
    /// of [`knowledge::WARM_UP_TEXT`].
    pub fn warm_up(&self) -> Document {
        self.analyze(knowledge::WARM_UP_TEXT)
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    pub fn simplifier(&self) -> &Simplifier {
        &self.simplifier
    }

    pub fn glossary(&self) -> &GlossaryMatcher {
        &self.glossary
    }

    /// Adds the learned name recogniser (or removes it with `None`). Until
    /// one is added, names come from the curated gazetteer and rules alone.
    pub fn set_ner_model(&mut self, model: Option<ner::NerModel>) {
        self.entities.set_model(model);
    }

    /// The names the learned recogniser alone finds in `text` (none without
    /// a model), for measuring it apart from the curated layer.
    pub fn model_names(&self, text: &str) -> Vec<(usize, usize, Kind)> {
        let (simplified, _) = self.simplifier.simplify(text);
        let tagged = self.segmenter.tag(&simplified);
        let chars: Vec<char> = simplified.chars().collect();
        self.entities
            .model()
            .map_or_else(Vec::new, |m| m.find(&chars, &tagged))
    }

    pub fn has_ner_model(&self) -> bool {
        self.entities.model().is_some()
    }

    /// The engine with the models it ships with (native builds: the CLI,
    /// tests and benches). The browser's worker builds [`Analyzer::new`]
    /// and adds the models when their downloads arrive.
    /// An error only if the shipped model is damaged, which a test rules out.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_builtin_models() -> Result<Analyzer, envelope::DataError> {
        let mut analyzer = Analyzer::new();
        analyzer.set_ner_model(Some(ner::builtin()?));
        analyzer.set_open_terms(Some(open_terms::builtin()?));
        analyzer.set_spin_context(Some(spin_context::builtin()?));
        Ok(analyzer)
    }

    /// Replaces the segmenter (phase two in the browser: the full
    /// dictionary once downloaded, in place of the core one). Nothing else
    /// depends on it, so analyses from now on are those of an engine built
    /// with `segmenter` in the first place.
    pub fn set_segmenter(&mut self, segmenter: Segmenter) {
        self.segmenter = segmenter;
    }

    /// Adds the open term lexicon (or removes it with `None`).
    pub fn set_open_terms(&mut self, lexicon: Option<OpenTerms>) {
        self.open_terms = lexicon;
    }

    pub fn has_open_terms(&self) -> bool {
        self.open_terms.is_some()
    }

    /// Adds the spin context table (or removes it with `None`).
    pub fn set_spin_context(&mut self, table: Option<SpinContext>) {
        self.spin_context = table;
    }

    pub fn has_spin_context(&self) -> bool {
        self.spin_context.is_some()
    }

    /// Replaces the glossary (the built-in one merged with a reader's own).
    pub fn set_glossary(&mut self, entries: Vec<knowledge::glossary::GlossaryEntry>) {
        self.glossary = GlossaryMatcher::new(entries);
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Cuts words at the given char offsets (where a span or a reader's mark
/// starts or ends inside them), so that every span covers whole word elements.
pub fn split_words(words: Vec<Word>, mut cuts: Vec<usize>) -> Vec<Word> {
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(words.len() + cuts.len());
    let mut c = 0;
    for w in words {
        let mut start = w.start;
        while c < cuts.len() && cuts[c] <= start {
            c += 1;
        }
        while c < cuts.len() && cuts[c] < w.end {
            out.push(Word {
                start,
                end: cuts[c],
            });
            start = cuts[c];
            c += 1;
        }
        out.push(Word { start, end: w.end });
    }
    out
}
