//! Pinyin lookup, sentences and the Anki export.

use dudong::analysis::Analyzer;
use dudong::app::state::CardTarget;
use dudong::app::study::{anki_csv, notes, pinyin, sentence_around};
use dudong::dictionary::Dictionary;

fn dict() -> Dictionary {
    Dictionary::parse(
        "中国\t中國\tZhōng guó\tChina\n国\t國\tguó\tcountry\n好\t好\thǎo\tgood\n好\t好\thào\tto be fond of\n资本\t資本\tzī běn\tcapital\n",
    )
}

#[test]
fn pinyin_for_words_and_characters() {
    let d = dict();
    assert_eq!(pinyin(&d, "中国"), "Zhōngguó");
    assert_eq!(
        pinyin(&d, "好国"),
        "hǎoguó",
        "character by character, first reading"
    );
    assert_eq!(pinyin(&d, "DeepSeek"), "");
}

#[test]
fn the_anki_export_has_one_quoted_line_per_opened_card() {
    let doc = Analyzer::new().analyze("第一句话。杭州的“耐心资本”很多。\n第三句");
    let term = doc
        .spans
        .iter()
        .position(|s| s.term.as_deref() == Some("耐心资本"))
        .unwrap();
    assert_eq!(
        sentence_around(&doc, doc.spans[term].start, doc.spans[term].end),
        "杭州的“耐心资本”很多。"
    );
    let opened = vec![
        CardTarget::Span(term),
        CardTarget::Span(term),
        CardTarget::Term("竹林效应".into()),
    ];
    let glossary = |t: &str| {
        dudong::knowledge::glossary::builtin()
            .unwrap()
            .into_iter()
            .find(|e| e.term == t)
    };
    let notes = notes(&doc, &opened, glossary, Some(&dict()));
    assert_eq!(notes.len(), 2, "each card once");
    assert_eq!(notes[0].meaning, "patient capital");
    let csv = anki_csv(&notes);
    assert!(csv.starts_with("#separator:Comma"));
    assert!(
        csv.contains(
            "\"耐心资本\",\"nàixīn zīběn\",\"patient capital\",\"杭州的“耐心资本”很多。\""
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().filter(|l| !l.starts_with('#')).count(), 2);
}
