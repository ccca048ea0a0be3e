//! Traditional characters: a traditional article is analysed as well as its
//! simplified form, and shown as pasted. The traditional fixtures are the
//! project's own simplified fixtures in traditional characters (Taiwan's 為).

use dudong::analysis::{Analyzer, Document, Kind, Script, Span};
use dudong::knowledge;

const NORMAL: &str = include_str!("fixtures/normal.txt");
const NORMAL_TRADITIONAL: &str = include_str!("fixtures/normal_traditional.txt");
const SPUN: &str = include_str!("fixtures/spun.txt");
const SPUN_TRADITIONAL: &str = include_str!("fixtures/spun_traditional.txt");

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Spans compare whole: offsets, kind, term, original and note.
fn spans(doc: &Document) -> Vec<Span> {
    doc.spans.clone()
}

#[test]
fn a_traditional_article_is_analysed_as_its_simplified_form() {
    for (simplified, traditional) in [(NORMAL, NORMAL_TRADITIONAL), (SPUN, SPUN_TRADITIONAL)] {
        assert_ne!(simplified, traditional);
        let s = analyzer().analyze(simplified);
        let t = analyzer().analyze(traditional);
        assert!(!s.spans.is_empty());
        // Same spans (offsets, kinds, and the knowledge's simplified terms,
        // originals and notes), same words, same counts.
        assert_eq!(spans(&t), spans(&s));
        assert_eq!(t.words, s.words);
        assert_eq!(
            t.summary_line(),
            format!(
                "{}; traditional characters, read as simplified",
                s.summary_line()
            )
        );
        // Shown exactly as pasted.
        assert_eq!(t.text, traditional);
        assert_eq!(t.chars.len(), traditional.chars().count());
        assert_eq!(t.script, Script::Traditional);
        assert_eq!(s.script, Script::Simplified);
    }
}

#[test]
fn cards_get_the_readers_form_and_the_simplified_term() {
    let doc = analyzer().analyze(NORMAL_TRADITIONAL);
    let person = doc.spans.iter().find(|s| s.kind == Kind::Person).unwrap();
    assert_eq!(doc.slice(person.start, person.end), "雷軍");
    let term = doc
        .spans
        .iter()
        .find(|s| s.kind == Kind::Term && doc.slice(s.start, s.end) == "產業鏈")
        .unwrap();
    assert_eq!(term.term.as_deref(), Some("产业链"));
    let spun = analyzer().analyze(SPUN_TRADITIONAL);
    let spin = spun
        .spans
        .iter()
        .find(|s| s.kind == Kind::Spin && spun.slice(s.start, s.end) == "樂成")
        .unwrap();
    assert_eq!(spin.original.as_deref(), Some("成功"));
    assert!(spun.summary.spun && spun.summary.traditional);
}

#[test]
fn simplified_texts_and_the_knowledge_are_left_alone() {
    let simplifier = analyzer().simplifier();
    let texts = [
        NORMAL,
        SPUN,
        include_str!("fixtures/normal_tricky.txt"),
        include_str!("fixtures/whole_page.txt"),
        include_str!("fixtures/page_portal.txt"),
        include_str!("fixtures/page_short_lines.txt"),
        knowledge::SAMPLE_ARTICLE,
        knowledge::GAZETTEER_FILE,
        knowledge::SPINS_FILE,
        knowledge::RULES_FILE,
        knowledge::PAGE_FILE,
    ];
    for text in texts
        .iter()
        .chain(knowledge::GLOSSARY_FILES.iter().map(|(_, t)| t))
    {
        let (out, script) = simplifier.simplify(text);
        assert_eq!(script, Script::Simplified);
        let changed: Vec<(char, char)> = text
            .chars()
            .zip(out.chars())
            .filter(|(a, b)| a != b)
            .collect();
        assert!(changed.is_empty(), "a simplified text changed: {changed:?}");
    }
}

#[test]
fn a_few_traditional_names_in_a_simplified_article_are_still_read() {
    // 廣州 in place of 合肥: too few traditional characters to call the text
    // traditional, but the traditional-only one is read as 广.
    let mixed = NORMAL.replacen("合肥", "廣州", 1);
    let doc = analyzer().analyze(&mixed);
    assert_eq!(doc.script, Script::Simplified);
    let at = mixed
        .chars()
        .collect::<Vec<_>>()
        .windows(2)
        .position(|w| w == ['廣', '州'])
        .unwrap();
    assert!(
        doc.spans
            .iter()
            .any(|s| s.kind == Kind::Place && s.start == at && s.end == at + 2),
        "廣州 is a place: {:?}",
        doc.spans
    );
    assert_eq!(doc.text, mixed);
}

#[test]
fn characters_shared_with_simplified_change_only_in_traditional_text() {
    let simplifier = analyzer().simplifier();
    // 後 and 乾 are written in simplified text too (乾隆, a family name 於).
    let simplified = "乾隆年间，於先生后来去了北京。";
    assert_eq!(simplifier.simplify(simplified).0, simplified);
    // In traditional text they convert, except inside phrases that keep them.
    let (out, script) =
        simplifier.simplify("他們後來把房間打掃得乾乾淨淨，乾隆年間的瓷器擺在櫃子裡。");
    assert_eq!(script, Script::Traditional);
    assert_eq!(
        out,
        "他们后来把房间打扫得干干净净，乾隆年间的瓷器摆在柜子里。"
    );
}

#[test]
fn every_table_entry_keeps_the_length() {
    let chars = knowledge::traditional::builtin_chars().unwrap();
    let phrases = knowledge::traditional::builtin_phrases().unwrap();
    assert!(
        chars.len() > 3000 && phrases.len() > 100,
        "{} chars, {} phrases",
        chars.len(),
        phrases.len()
    );
    let mut seen = std::collections::HashSet::new();
    for e in &chars {
        assert_ne!(e.traditional, e.simplified, "{e:?} converts to itself");
        assert!(seen.insert(e.traditional), "{e:?} is listed twice");
    }
    // All of it at once, as one traditional text: as many chars out as in.
    let text: String = chars
        .iter()
        .map(|e| e.traditional)
        .chain(phrases.iter().flat_map(|p| p.traditional.chars()))
        .collect();
    let (out, script) = analyzer().simplifier().simplify(&text);
    assert_eq!(script, Script::Traditional);
    assert_eq!(out.chars().count(), text.chars().count());
    // Converting again changes nothing: no simplified form is itself converted.
    let (again, script) = analyzer().simplifier().simplify(&out);
    assert_eq!(script, Script::Simplified);
    assert_eq!(again, out);
}

#[test]
fn a_bad_table_line_is_named() {
    let err = knowledge::traditional::parse_chars("t.tsv", "萬\t万\n後\t后后\n").unwrap_err();
    assert_eq!((err.line, err.field.as_str()), (2, "simplified"));
    let err =
        knowledge::traditional::parse_phrases("p.tsv", "乾隆\t乾隆\n反覆\t反复复\n").unwrap_err();
    assert_eq!(err.line, 2);
}
