//! The spin context table: the shipped file, what a damaged file gets, how
//! a word is judged against its neighbours, and what the full engine then
//! finds in spun and in normal text.

use dudong::analysis::envelope::DataError;
use dudong::analysis::spin_context::{self, SpinContext};
use dudong::analysis::{Analyzer, Document, Kind};

/// News sentences with words a spinning tool wrote that the curated table
/// (`spins.tsv`) does not hold: 得悉 for 获悉, 悠远 for 遥远, 不单 for 不但,
/// 偕行 for 同行, 晓得 for 知道. The last sentence brings the snippet to the
/// density of swaps a text needs to be called spun.
const SPUN_BEYOND_THE_TABLE: &str =
    "记者昨日得悉，这家公司的研发团队已经完成新一代产品的技术手册。\
负责人介绍，这条路虽然悠远，但只要坚持下去，就一定能够走到终点。\
公司不单要做好产品，还要做好服务。据了解，公司将与多家企业偕行，共同开拓海外市场。\
他说，这样的机会并不多见，大家都晓得这一点。\
该公司首次公然垦行股票的筹划已经乐成，将在来往所上市。";

fn full() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(|| Analyzer::with_builtin_models().expect("the shipped files are whole"))
}

fn spins(doc: &Document) -> Vec<(String, String)> {
    doc.spans
        .iter()
        .filter(|s| s.kind == Kind::Spin)
        .map(|s| {
            (
                doc.slice(s.start, s.end).to_string(),
                s.original.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// A table small enough to reason about: 主要 may stand for 重要; in "news
/// text" 重要 was seen after 最 and before 作用, 主要 before 原因.
const SMALL: &str = "1000\t1000\t50
主要\t40\t40\t重要\t\t原因 12
作用\t30\t30
原因\t20\t20
最\t60\t60
重要\t50\t400\t\t最 9 ^ 2\t作用 7
";

#[test]
fn a_word_is_taken_for_a_swap_only_where_its_original_fits_better() {
    let table = SpinContext::from_bytes(&SpinContext::pack(SMALL)).unwrap();
    let j = table
        .judge(Some("最"), "主要", Some("作用"))
        .expect("最主要作用: 重要 fits here");
    assert_eq!(j.original, "重要");
    assert!(j.gain > 1.0 && j.rarity > 9.0, "{j:?}");
    // The evidence shown is the neighbour the original was seen with most.
    assert_eq!(j.evidence.neighbour.as_deref(), Some("最"));
    assert!(j.evidence.before);
    assert_eq!((j.evidence.original_count, j.evidence.word_count), (9, 0));
    // 主要原因 is what writers write: the word was seen in this place.
    assert_eq!(table.judge(Some("最"), "主要", Some("原因")), None);
    // No evidence for the original beside these neighbours: nothing said.
    assert_eq!(table.judge(Some("的"), "主要", Some("问题")), None);
    // A word no spinner writes, and the original itself, are never judged.
    assert_eq!(table.judge(Some("最"), "作用", None), None);
    assert_eq!(table.judge(Some("最"), "重要", Some("作用")), None);
    // A sentence edge is a neighbour too.
    assert!(table.judge(None, "主要", Some("作用")).is_some());
}

#[test]
fn the_shipped_table_is_whole_and_judges_thousands_of_words() {
    let table = spin_context::builtin().expect("the shipped spin context table is whole");
    assert!(
        table.judged_words() >= 4_000,
        "{} words judged",
        table.judged_words()
    );
}

#[test]
fn a_damaged_table_is_refused_with_its_reason() {
    let good = spin_context::BUILTIN_BYTES;
    let mut flipped = good.to_vec();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x01;
    assert!(matches!(
        SpinContext::from_bytes(&flipped),
        Err(DataError::Corrupted { .. })
    ));
    assert!(matches!(
        SpinContext::from_bytes(&good[..good.len() / 3]),
        Err(DataError::Truncated { .. })
    ));
    assert!(matches!(
        SpinContext::from_bytes(b"DDTERMS\0 a term lexicon, not this"),
        Err(DataError::WrongKind { .. })
    ));
    for (payload, line) in [
        ("1000\t1000\n", 1),
        ("1000\t1000\t50\n主要\t40\n", 2),
        ("1000\t1000\t50\n主要\t40\t40\t重要\t\t原因 12\n", 2),
        ("1000\t1000\t50\n重要\t5\t5\n重要\t5\t5\n", 3),
        ("1000\t1000\t50\n重要\t5\tmany\n", 2),
        ("1000\t1000\t50\n最\t1\t1\n重要\t5\t5\t\t最\t\n", 3),
        ("1000\t1000\t50\n重要\t5\t5\n最\t1\t1\n", 3),
        ("1000\t1000\t50\n最\t1\t1\n重要\t5\t5\t\t^ 2 最 9\t\n", 3),
    ] {
        let result = SpinContext::from_bytes(&SpinContext::pack(payload));
        let Err(e @ DataError::Malformed { line: at, .. }) = &result else {
            panic!("{payload:?} was accepted")
        };
        assert_eq!(*at, line, "{payload:?}: {e}");
        assert!(e.to_string().contains("spin context table"), "{e}");
    }
}

/// Mutated payloads (inside a valid envelope, so that the parser itself is
/// reached): every one is a table or an error, never a panic.
#[test]
fn a_mutated_table_never_panics() {
    let payload = SMALL.as_bytes();
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3_000 {
        let mut bytes = payload.to_vec();
        for _ in 0..1 + next() % 4 {
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = b"\t \n^0123456789"[(next() % 14) as usize],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, b'\t'),
            }
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Ok(table) = SpinContext::from_bytes(&SpinContext::pack(text)) {
            let _ = table.judge(Some("最"), "主要", Some("作用"));
            let _ = table.judge(None, "主要", None);
        }
    }
}

#[test]
fn spun_words_outside_the_curated_table_are_found_in_context() {
    let doc = full().analyze(SPUN_BEYOND_THE_TABLE);
    assert!(doc.summary.spun, "{:?}", doc.summary);
    let found = spins(&doc);
    for (word, original) in [("悠远", "遥远"), ("偕行", "同行"), ("不单", "不但")] {
        assert!(
            found.contains(&(word.to_string(), original.to_string())),
            "{word} → {original} not in {found:?}"
        );
    }
    // The card says why, from the counts.
    let span = doc
        .spans
        .iter()
        .find(|s| s.kind == Kind::Spin && doc.slice(s.start, s.end) == "不单")
        .unwrap();
    let evidence = span.evidence.as_deref().unwrap();
    assert!(
        evidence.contains("不但要") && evidence.contains("不单要"),
        "{evidence}"
    );
    // The curated table alone sees none of it.
    let mut curated = Analyzer::with_builtin_models().unwrap();
    curated.set_spin_context(None);
    let doc = curated.analyze(SPUN_BEYOND_THE_TABLE);
    assert!(!doc.summary.spun, "{:?}", doc.summary);
}

#[test]
fn normal_articles_stay_silent_with_the_context_table() {
    for text in [
        include_str!("fixtures/normal.txt"),
        include_str!("fixtures/normal_tricky.txt"),
        include_str!("fixtures/normal_traditional.txt"),
        include_str!("fixtures/page_portal.txt"),
        dudong::knowledge::SAMPLE_ARTICLE,
    ] {
        let doc = full().analyze(text);
        assert!(!doc.summary.spun, "{:?}", doc.summary);
        assert_eq!(spins(&doc), Vec::<(String, String)>::new());
    }
}

#[test]
fn the_seed_style_spun_fixture_keeps_its_table_hits() {
    let with_context = full().analyze(include_str!("fixtures/spun.txt"));
    let mut curated = Analyzer::with_builtin_models().unwrap();
    curated.set_spin_context(None);
    let table_only = curated.analyze(include_str!("fixtures/spun.txt"));
    assert!(with_context.summary.spun && table_only.summary.spun);
    // The context table adds; it never takes a table hit away.
    let more = spins(&with_context);
    for hit in spins(&table_only) {
        assert!(more.contains(&hit), "{hit:?} lost");
    }
}
