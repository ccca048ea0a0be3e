//! The compressed dictionary segments as jieba-rs's own does. The reference
//! is `jieba_rs::Jieba::new()` (its embedded dict.txt; the dev-dependency
//! turns that feature on). `examples/seg_agreement.rs` prints the figures.

use dudong::analysis::jieba_dict::measure::{agreement, synthetic_text};
use dudong::analysis::jieba_dict::{Entries, JIEBA_DICT};
use dudong::analysis::Segmenter;
use dudong::knowledge::{glossary, SAMPLE_ARTICLE};

fn texts() -> Vec<(&'static str, String)> {
    let definitions: Vec<String> = glossary::builtin().unwrap().into_iter().map(|e| e.zh).collect();
    vec![
        ("normal.txt", include_str!("fixtures/normal.txt").to_string()),
        ("normal_tricky.txt", include_str!("fixtures/normal_tricky.txt").to_string()),
        ("spun.txt", include_str!("fixtures/spun.txt").to_string()),
        ("sample.txt", SAMPLE_ARTICLE.to_string()),
        ("glossary definitions", definitions.join("\n")),
        ("synthetic", synthetic_text(100_000)),
    ]
}

#[test]
fn tokens_and_tags_agree_with_jieba_rs() {
    let reference = jieba_rs::Jieba::new();
    let ours = Segmenter::new();
    for (name, text) in texts() {
        let a = agreement(&reference, &ours, &text);
        assert!(a.tokens > text.chars().count() / 3, "{name}: {a:?}");
        // Frequencies of 16 and more are rounded, which moves a near tie
        // now and then (one token in several thousand).
        assert!(a.tokens_ratio() >= 0.995, "{name}: {a:?}");
        // Dictionary words keep their tags; unknown ones are x in ours.
        assert!(a.known_tags_ratio() == 1.0, "{name}: {a:?}");
        assert!(a.tags_ratio() >= 0.9, "{name}: {a:?}");
    }
}

#[test]
fn every_word_is_a_word_of_jieba_rs() {
    let reference = jieba_rs::Jieba::new();
    let mut entries = Entries::new(JIEBA_DICT).unwrap();
    let mut n = 0;
    while let Some(entry) = entries.next_entry() {
        let (word, _, _) = entry.unwrap();
        assert!(reference.has_word(word), "{word}");
        n += 1;
    }
    // dict.txt has as many lines, all distinct.
    assert_eq!(n, 349_045);
}
