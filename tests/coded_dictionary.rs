//! The card dictionary's coded form (`dictionary::coded`): what the build
//! script writes decodes to the very entries of the TSV it came from, and a
//! damaged file is refused with a reason.

use dudong::dictionary::{decode_coded, is_coded, CodedDictionary, Dictionary};

const TSV: &str = include_str!("fixtures/cedict-pinyin.tsv");
/// `python3 scripts/build-dictionary.py --code tests/fixtures/cedict-pinyin.tsv tests/fixtures/cedict-pinyin.bin`
const CODED: &[u8] = include_bytes!("fixtures/cedict-pinyin.bin");

fn heads(tsv: &str) -> Vec<&str> {
    let mut heads: Vec<&str> = tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    heads.dedup();
    heads
}

#[test]
fn the_coded_form_decodes_to_the_same_entries() {
    let plain = Dictionary::parse(TSV);
    assert!(is_coded(CODED) && !is_coded(TSV.as_bytes()));
    let coded = decode_coded(CODED.to_vec()).expect("the fixture decodes");
    assert_eq!(coded.len(), plain.len());
    let heads = heads(TSV);
    assert!(heads.len() > 50);
    for head in heads {
        assert_eq!(coded.lookup(head), plain.lookup(head), "{head}");
    }
    // Cross-references were written short and come back whole.
    let ge = coded.lookup("个");
    assert!(
        ge.iter()
            .any(|e| e.senses.iter().any(|s| s == "variant of 個|个[ge4]")),
        "{ge:?}"
    );
    // Capitalised readings (surnames) keep their capital.
    assert!(coded.lookup("万").iter().any(|e| e.pinyin == "Wàn"));
}

#[test]
fn decoding_in_small_steps_gives_the_same_dictionary() {
    let mut stepwise = CodedDictionary::open(CODED.to_vec()).unwrap();
    let mut steps = 0;
    while !stepwise.step(97).unwrap() {
        steps += 1;
        assert!(stepwise.progress() < 1.0);
    }
    assert!(steps > 10);
    let stepwise = stepwise.finish().unwrap();
    let whole = decode_coded(CODED.to_vec()).unwrap();
    for head in heads(TSV) {
        assert_eq!(stepwise.lookup(head), whole.lookup(head));
    }
}

#[test]
fn a_damaged_file_is_refused_with_a_reason() {
    let mut flipped = CODED.to_vec();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    let why = decode_coded(flipped)
        .expect_err("a flipped byte is caught")
        .to_string();
    assert!(why.contains("card dictionary"), "{why}");

    let truncated = CODED[..CODED.len() / 2].to_vec();
    let why = decode_coded(truncated)
        .expect_err("a cut file is caught")
        .to_string();
    assert!(why.contains("card dictionary"), "{why}");

    let why = decode_coded(TSV.as_bytes().to_vec())
        .expect_err("a TSV is not coded")
        .to_string();
    assert!(why.contains("card dictionary"), "{why}");
}
