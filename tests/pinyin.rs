//! Pinyin in context (`dudong::pinyin`), against a small CC-CEDICT subset
//! (`tests/fixtures/cedict-pinyin.tsv`) and the embedded polyphone table.

use dudong::dictionary::Dictionary;
use dudong::pinyin::{self, marks_to_numbered, Polyphones};

fn dict() -> Dictionary {
    Dictionary::parse(include_str!("fixtures/cedict-pinyin.tsv"))
}

/// The reading of `words[i]` in the sentence made of `words`.
fn read(words: &[&str], i: usize) -> String {
    pinyin::read(&dict(), words, i)
}

/// The reading of a word on its own.
fn word(w: &str) -> String {
    read(&[w], 0)
}

#[test]
fn whole_words_take_their_usual_reading() {
    assert_eq!(word("重要"), "zhòngyào");
    assert_eq!(word("银行"), "yínháng");
    assert_eq!(word("行走"), "xíngzǒu");
    assert_eq!(word("还是"), "háishi");
    assert_eq!(word("长大"), "zhǎngdà");
    assert_eq!(word("提前"), "tíqián");
    assert_eq!(word("产量"), "chǎnliàng");
    assert_eq!(word("重新"), "chóngxīn");
    assert_eq!(word("校长"), "xiàozhǎng");
    // Two ordinary entries: the one with more senses (the everyday word).
    assert_eq!(word("便宜"), "piányi");
    assert_eq!(word("东西"), "dōngxi");
    // A traditional text's words are looked up by their traditional form.
    assert_eq!(word("銀行"), "yínháng");
    assert_eq!(word("經濟運行"), "jīngjìyùnxíng");
}

#[test]
fn a_word_the_dictionary_lacks_is_read_by_its_parts() {
    assert_eq!(word("经济运行"), "jīngjìyùnxíng");
    assert_eq!(word("执行力"), "zhíxínglì");
    // 万 has a surname-only entry (Mò) listed before wàn.
    assert_eq!(word("万亿元"), "wànyìyuán");
    // 个 after a numeral: the classifier, neutral in 一个 (CC-CEDICT's word).
    assert_eq!(word("一个"), "yīge");
    assert_eq!(word("三个"), "sāngè");
}

#[test]
fn single_characters_take_their_common_reading() {
    assert_eq!(word("看"), "kàn");
    assert_eq!(word("更"), "gèng");
    assert_eq!(word("比"), "bǐ");
    assert_eq!(word("个"), "gè");
    assert_eq!(word("的"), "de");
}

#[test]
fn single_characters_are_read_by_their_sentence() {
    // 了: particle after a verb.
    assert_eq!(read(&["他", "走", "了", "。"], 2), "le");
    // 得: complement marker after a verb, "must" before one.
    assert_eq!(read(&["他", "跑", "得", "很快", "。"], 2), "de");
    assert_eq!(read(&["我", "得", "走", "了", "。"], 1), "děi");
    // 还: "still" before a verb.
    assert_eq!(read(&["他", "还", "没来", "。"], 1), "hái");
    // 为: "for" before its object.
    assert_eq!(read(&["为", "人民", "服务", "。"], 0), "wèi");
    // 都: "all" before a verb.
    assert_eq!(read(&["我们", "都", "来", "了", "。"], 1), "dōu");
    // 重: "heavy" at the end of a sentence.
    assert_eq!(read(&["很", "重", "。"], 1), "zhòng");
    // 长: "long" after 很.
    assert_eq!(read(&["这样", "很", "长", "。"], 2), "cháng");
}

#[test]
fn names_read_their_surname_as_a_surname() {
    let d = dict();
    let chars = |s: &str| s.chars().collect::<Vec<char>>();
    assert_eq!(pinyin::read_name(&d, &chars("李强")), "Lǐ Qiáng");
    assert_eq!(pinyin::read_name(&d, &chars("蔡奇")), "Cài Qí");
    assert_eq!(pinyin::read_name(&d, &chars("单田芳")), "Shàn Tiánfāng");
    // Unknown 2–3 character words starting with a surname read as names…
    let text = chars("李强说");
    assert_eq!(pinyin::display(&d, &text, 0, 2, false), "Lǐ Qiáng");
    // …but not those that start with a dictionary word.
    let text = chars("万亿元");
    assert_eq!(pinyin::display(&d, &text, 0, 3, false), "wànyìyuán");
    // A person span reads as a name even when the engine alone would not.
    let text = chars("单田芳");
    assert_eq!(pinyin::display(&d, &text, 0, 3, true), "Shàn Tiánfāng");
    // A surname the segmenter cut off, at the start of a person span.
    assert_eq!(pinyin::display(&d, &text, 0, 1, true), "Shàn");
    assert_eq!(pinyin::display(&d, &text, 0, 1, false), "dān");
}

#[test]
fn non_chinese_words_have_no_reading() {
    assert_eq!(word("DeepSeek"), "");
    assert_eq!(word("2025"), "");
}

#[test]
fn numbered_pinyin_round_trips_through_marks() {
    for s in ["xing2", "le5", "lu:4", "nu:e4", "zhong4", "er2", "shi5"] {
        let marked = dudong::dictionary::numbered_to_marks(s);
        assert_eq!(marks_to_numbered(&marked), s, "{s} → {marked}");
    }
    assert_eq!(marks_to_numbered("Zhōng"), "zhong1");
}

#[test]
fn dictionary_entries_are_ranked_for_running_text() {
    let senses = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(pinyin::entry_penalty("zhòng", &senses(&["heavy"])), 0);
    assert!(pinyin::entry_penalty("Mò", &senses(&["surname Mo"])) > 1);
    assert!(pinyin::entry_penalty("gè", &senses(&["variant of 個|个[ge4]"])) > 0);
}

const TABLE: &str = include_str!("../crates/engine/src/pinyin/polyphones.tsv");

#[test]
fn the_embedded_table_loads() {
    let table = Polyphones::parse(TABLE).expect("the committed table parses");
    assert!(table.len() > 600, "{} characters", table.len());
    assert_eq!(Polyphones::in_use().len(), table.len());
}

#[test]
fn a_damaged_table_is_refused() {
    // A count changed in a rule.
    let at = TABLE.find(" 3/3").expect("a 3/3 rule");
    let changed = format!("{} 2/3{}", &TABLE[..at], &TABLE[at + 4..]);
    let err = Polyphones::parse(&changed).unwrap_err();
    assert!(err.message.contains("digest"), "{err}");
    // Truncated: no #end line.
    let half = (TABLE.len() / 2..)
        .find(|&i| TABLE.is_char_boundary(i))
        .unwrap();
    let cut = &TABLE[..half];
    let cut = &cut[..cut.rfind('\n').unwrap() + 1];
    assert!(Polyphones::parse(cut).is_err());
    // Truncated mid-line.
    assert!(Polyphones::parse(&TABLE[..half]).is_err());
    // A line dropped.
    let first = TABLE.find("\n万\t").expect("the line of 万") + 1;
    let next = first + TABLE[first..].find('\n').unwrap() + 1;
    let dropped = format!("{}{}", &TABLE[..first], &TABLE[next..]);
    assert!(Polyphones::parse(&dropped).is_err());
    // Text after the end.
    assert!(Polyphones::parse(&format!("{TABLE}万\twan4 1/1\n")).is_err());
    // A malformed line with a matching digest is still refused.
    let bad = "行\txing 3/4\n";
    let body = format!("# test\n{bad}#end\t1\t{:016x}\n", fnv(bad.as_bytes()));
    let err = Polyphones::parse(&body).unwrap_err();
    assert!(err.message.contains("numbered"), "{err}");
    let good = "行\txing2 3/4\tL1银 hang2 2/2\n";
    let body = format!("# test\n{good}#end\t1\t{:016x}\n", fnv(good.as_bytes()));
    assert_eq!(Polyphones::parse(&body).map(|t| t.len()), Ok(1));
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[test]
fn zhuyin_reads_the_same_syllables_as_pinyin() {
    let dict = dict();
    let text: Vec<char> = "银行很重要。".chars().collect();
    let zhuyin = |start, end| pinyin::zhuyin::display(&dict, &text, start, end, false);
    assert_eq!(zhuyin(0, 2), "ㄧㄣˊ ㄏㄤˊ");
    assert_eq!(zhuyin(3, 5), "ㄓㄨㄥˋ ㄧㄠˋ");
    // Punctuation has no reading.
    assert_eq!(zhuyin(5, 6), "");
}
