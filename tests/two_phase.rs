//! The browser's worker starts with the core of jieba's dictionary (phase
//! one) and puts the full one in once it is downloaded, with the models
//! (phase two). Phase two must be the engine the CLI and the tests build
//! directly; phase one must cut news text nearly as jieba does.

#[path = "support/jieba_measure.rs"]
mod jieba_measure;

use std::collections::HashMap;

use dudong::analysis::jieba_dict::{
    self, core_entries, encode, parse_dict_txt, parse_ranking, Entries, CORE_WORDS, JIEBA_CORE,
    JIEBA_DICT,
};
use dudong::analysis::{ner, open_terms, spin_context, Analyzer, Segmenter};
use dudong::knowledge::{SAMPLE_ARTICLE, WARM_UP_TEXT};
use jieba_measure::{agreement, registry_dict_txt};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = [
        "normal.txt",
        "normal_tricky.txt",
        "normal_traditional.txt",
        "spun.txt",
        "whole_page.txt",
        "page_portal.txt",
    ]
    .iter()
    .map(|n| (n.to_string(), fixture(n)))
    .collect();
    texts.push(("sample".into(), SAMPLE_ARTICLE.into()));
    texts.push(("warm-up".into(), WARM_UP_TEXT.into()));
    texts.push((
        "rare words".into(),
        "鳏寡孤独者皆有所养。饕餮之徒在犄角旮旯里觥筹交错，魑魅魍魉，耄耋老人踽踽独行。".into(),
    ));
    texts
}

fn full_engine() -> Analyzer {
    Analyzer::with_builtin_models().unwrap()
}

/// The worker's path: the core engine, used, then the full dictionary
/// decoded from its bytes and the models put in.
fn upgraded(first: &[(String, String)]) -> Analyzer {
    let mut analyzer = Analyzer::core();
    for (_, text) in first {
        analyzer.analyze(text);
    }
    analyzer.warm_up();
    analyzer.set_segmenter(Segmenter::from_dictionary(JIEBA_DICT).unwrap());
    analyzer.set_ner_model(Some(ner::builtin().unwrap()));
    analyzer.set_open_terms(Some(open_terms::builtin().unwrap()));
    analyzer.set_spin_context(Some(spin_context::builtin().unwrap()));
    analyzer
}

#[test]
fn phase_two_is_the_full_engine() {
    let texts = texts();
    let full = full_engine();
    let two = upgraded(&texts);
    let one = Analyzer::core();
    let mut differ = 0;
    for (name, text) in &texts {
        let want = full.analyze(text);
        assert_eq!(two.analyze(text), want, "{name}");
        assert!(want.words.len() > 10, "{name}");
        differ += (one.analyze(text).words != want.words) as usize;
    }
    // The comparison means something: phase one cuts some of them otherwise.
    assert!(differ >= 2, "phase one differs on {differ} texts");
}

#[test]
fn the_core_engine_finds_the_curated_layer() {
    let one = Analyzer::core();
    let full = Analyzer::new();
    let text = fixture("normal.txt");
    let (a, b) = (one.analyze(&text), full.analyze(&text));
    assert!(
        a.spans.len() >= b.spans.len() * 9 / 10,
        "{} of {}",
        a.spans.len(),
        b.spans.len()
    );
    let kinds = |d: &dudong::analysis::Document| {
        let mut k: Vec<_> = d.spans.iter().map(|s| s.kind).collect();
        k.sort();
        k.dedup();
        k
    };
    assert_eq!(kinds(&a), kinds(&b));
}

#[test]
fn the_core_file_is_jiebas_most_cut_words() {
    let mut full: HashMap<String, (u32, String)> = HashMap::new();
    let mut entries = Entries::new(JIEBA_DICT).unwrap();
    let mut full_total = 0u64;
    while let Some(e) = entries.next_entry() {
        let (w, f, t) = e.unwrap();
        full_total += f as u64;
        full.insert(w.to_string(), (f, t.to_string()));
    }
    let mut core = Entries::new(JIEBA_CORE).unwrap();
    let (mut words, mut padding, mut total) = (0, 0, 0u64);
    while let Some(e) = core.next_entry() {
        let (w, f, t) = e.unwrap();
        total += f as u64;
        if jieba_dict::is_padding(w) {
            padding += 1;
            continue;
        }
        words += 1;
        assert_eq!(full.get(w), Some(&(f, t.to_string())), "{w}");
    }
    assert_eq!(words, CORE_WORDS);
    assert!(padding <= 12, "{padding}");
    // Every word keeps its probability.
    assert_eq!(total, full_total);
    // Small beside the full file: the worker's first download has no room
    // for more (transfer_gz_bytes in make bench).
    assert!(JIEBA_CORE.len() * 3 < JIEBA_DICT.len());
    let core = Segmenter::core();
    for w in ["的", "中国", "经济", "人工智能", "公司", "发展"] {
        assert!(core.has_word(w), "{w}");
    }
}

#[test]
fn the_generator_reproduces_the_core_file() {
    let Some(path) = registry_dict_txt() else {
        eprintln!("jieba-rs 0.11.0's dict.txt is not in Cargo's registry; skipped");
        return;
    };
    let (entries, _) = parse_dict_txt(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ranking = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/training/jieba-core/words.txt"
    ))
    .unwrap();
    let core = core_entries(&entries, &parse_ranking(&ranking), CORE_WORDS);
    assert!(
        encode(&core).bytes == JIEBA_CORE,
        "regenerate: cargo run --release --example gen_jieba_dict"
    );
}

#[test]
fn phase_one_cuts_news_nearly_as_jieba_does() {
    let reference = jieba_rs::Jieba::new();
    let core = Segmenter::core();
    // Not the made-up text of rare words: news.
    for (name, text) in texts().into_iter().filter(|t| t.0 != "rare words") {
        let a = agreement(&reference, &core, &text);
        // Measured: 0.958 (spun.txt) to 1 (examples/seg_agreement.rs).
        assert!(a.tokens_ratio() >= 0.95, "{name}: {a:?}");
        assert!(a.known_tags_ratio() == 1.0, "{name}: {a:?}");
    }
}
