//! The dictionary's parser, lookups and sense formatting.
use super::*;

// Hand-written sample (senses paraphrased for the tests, not taken from the data).
const SAMPLE: &str = "\
# sample dictionary for the tests
大\t大\tdà\tlarge / grown-up
大学\t大學\tdà xué\tuniversity
大学生\t大學生\tdà xué shēng\tcollege student
大学生活\t大學生活\tdà xué shēng huó\tcampus life
头发\t頭髮\ttóu fa\thair on the head
干\t乾\tgān\tnot wet
干\t干\tgān\tto be involved with
干\t幹\tgàn\tto work at something
乾\t乾\tqián\tfirst of the eight trigrams
了\t了\tle\tparticle for a completed action
了\t了\tliǎo\tto wrap up
";

fn words(entries: &[DictEntry]) -> Vec<(&str, &str)> {
    entries
        .iter()
        .map(|e| (e.simplified.as_str(), e.pinyin.as_str()))
        .collect()
}

#[test]
fn parses_and_counts() {
    let d = Dictionary::parse(SAMPLE);
    assert_eq!(d.len(), 11);
    assert!(!d.is_empty());
    let e = &d.lookup("大学")[0];
    assert_eq!(
        e,
        &DictEntry {
            simplified: "大学".into(),
            traditional: "大學".into(),
            pinyin: "dà xué".into(),
            senses: vec!["university".into()],
        }
    );
    assert_eq!(d.lookup("大")[0].senses, vec!["large", "grown-up"]);
    assert!(d.lookup("小").is_empty());
    assert!(d.lookup("").is_empty());
    assert!(d.contains("大学生") && !d.contains("学生"));
}

#[test]
fn multiple_entries_per_word_keep_their_order() {
    let d = Dictionary::parse(SAMPLE);
    assert_eq!(words(&d.lookup("了")), vec![("了", "le"), ("了", "liǎo")]);
    let gan: Vec<String> = d.lookup("干").into_iter().map(|e| e.traditional).collect();
    assert_eq!(gan, vec!["乾", "干", "幹"]);
}

#[test]
fn traditional_lookup() {
    let d = Dictionary::parse(SAMPLE);
    assert_eq!(words(&d.lookup("頭髮")), vec![("头发", "tóu fa")]);
    assert_eq!(words(&d.lookup("幹")), vec![("干", "gàn")]);
    // 乾 is a simplified headword (qián) and the traditional form of 干 gān:
    // simplified matches first, then traditional ones.
    assert_eq!(words(&d.lookup("乾")), vec![("乾", "qián"), ("干", "gān")]);
    // An entry whose two forms are equal is not listed twice.
    assert_eq!(d.lookup("大").len(), 1);
}

#[test]
fn prefix_lookup() {
    let d = Dictionary::parse(SAMPLE);
    // Four prefixes are words (大学生活, 大学生, 大学, 大): the longest three.
    let got = d.lookup_prefixes("大学生活动中心");
    assert_eq!(
        words(&got),
        vec![
            ("大学生活", "dà xué shēng huó"),
            ("大学生", "dà xué shēng"),
            ("大学", "dà xué")
        ]
    );
    // All entries of a prefix, and the text itself counts.
    assert_eq!(
        words(&d.lookup_prefixes("了")),
        vec![("了", "le"), ("了", "liǎo")]
    );
    assert_eq!(words(&d.lookup_prefixes("大人")), vec![("大", "dà")]);
    // Traditional prefixes.
    assert_eq!(
        words(&d.lookup_prefixes("大學生們")),
        vec![("大学生", "dà xué shēng"), ("大学", "dà xué"), ("大", "dà")]
    );
    assert!(d.lookup_prefixes("小大学").is_empty());
    assert!(d.lookup_prefixes("").is_empty());
}

#[test]
fn empty_input() {
    for text in ["", "\n\n", "# only a comment\n"] {
        let d = Dictionary::parse(text);
        assert_eq!(d.len(), 0);
        assert!(d.is_empty());
        assert!(d.lookup("大").is_empty());
        assert!(d.lookup_prefixes("大学").is_empty());
    }
    assert!(Dictionary::default().is_empty());
}

#[test]
fn malformed_lines_are_skipped() {
    let text = "\
大\t大\tdà\tbig
no tabs at all
two\tfields
\t空\tkōng\tno simplified form
多\t多\tduō\tmany\tan extra field

好\t好\thǎo\tgood\r
人\t\trén\tperson
书\t書\tshū\t
";
    let d = Dictionary::parse(text);
    assert_eq!(d.len(), 4);
    assert!(d.lookup("多").is_empty() && d.lookup("空").is_empty());
    // Windows line ends are tolerated.
    assert_eq!(d.lookup("好")[0].senses, vec!["good"]);
    // An empty traditional field means "same as simplified".
    assert_eq!(d.lookup("人")[0].traditional, "人");
    // Empty senses are allowed.
    assert!(d.lookup("书")[0].senses.is_empty());
    assert_eq!(d.lookup("書")[0].simplified, "书");
}

#[test]
fn unsorted_input_is_sorted() {
    let text = "学\t學\txué\tto learn\n大\t大\tdà\tbig\n学\t學\txiáo\ta second reading\n";
    let d = Dictionary::parse(text);
    assert_eq!(words(&d.lookup("学")), vec![("学", "xué"), ("学", "xiáo")]);
    assert_eq!(words(&d.lookup("大")), vec![("大", "dà")]);
    assert_eq!(words(&d.lookup("學")).len(), 2);
}

#[test]
fn tone_marks_go_on_a_or_e_first() {
    assert_eq!(numbered_to_marks("hao3"), "hǎo");
    assert_eq!(numbered_to_marks("mei2"), "méi");
    assert_eq!(numbered_to_marks("xue2"), "xué");
    assert_eq!(numbered_to_marks("guai4"), "guài");
    assert_eq!(numbered_to_marks("er4"), "èr");
}

#[test]
fn tone_marks_ou_then_last_vowel() {
    assert_eq!(numbered_to_marks("gou3"), "gǒu");
    assert_eq!(numbered_to_marks("you3"), "yǒu");
    assert_eq!(numbered_to_marks("gui4"), "guì");
    assert_eq!(numbered_to_marks("liu2"), "liú");
    assert_eq!(numbered_to_marks("duo1"), "duō");
    assert_eq!(numbered_to_marks("zhong1 guo2"), "zhōng guó");
    assert_eq!(numbered_to_marks("shi4"), "shì");
}

#[test]
fn tone_marks_u_umlaut() {
    assert_eq!(numbered_to_marks("lu:4"), "lǜ");
    assert_eq!(numbered_to_marks("nu:3"), "nǚ");
    assert_eq!(numbered_to_marks("lu:e4"), "lüè");
    assert_eq!(numbered_to_marks("Lu:3"), "Lǚ");
    assert_eq!(numbered_to_marks("nv3"), "nǚ");
    assert_eq!(numbered_to_marks("lü2"), "lǘ");
    assert_eq!(numbered_to_marks("nu:5"), "nü");
}

#[test]
fn neutral_tone_and_odd_syllables() {
    assert_eq!(numbered_to_marks("de5"), "de");
    assert_eq!(numbered_to_marks("r5"), "r");
    assert_eq!(numbered_to_marks("xx5"), "xx");
    assert_eq!(numbered_to_marks("ma0"), "ma");
    assert_eq!(numbered_to_marks("m2"), "ḿ");
    assert_eq!(numbered_to_marks("m4"), "m\u{300}");
    assert_eq!(numbered_to_marks("ng2"), "ńg");
    assert_eq!(numbered_to_marks("n3"), "ň");
    assert_eq!(numbered_to_marks("hm5"), "hm");
    assert_eq!(numbered_to_marks("e^2"), "ế");
}

#[test]
fn capitals_and_non_syllables() {
    assert_eq!(numbered_to_marks("Zhong1 guo2"), "Zhōng guó");
    assert_eq!(numbered_to_marks("An1 hui1"), "Ān huī");
    assert_eq!(numbered_to_marks("Ou1 zhou1"), "Ōu zhōu");
    assert_eq!(numbered_to_marks("Er4"), "Èr");
    assert_eq!(numbered_to_marks("san1 C"), "sān C");
    assert_eq!(numbered_to_marks("Ma3 ke4 · Tu3 wen1"), "Mǎ kè · Tǔ wēn");
    assert_eq!(numbered_to_marks("yi1 , er4"), "yī , èr");
    assert_eq!(numbered_to_marks("  da4   xue2 "), "dà xué");
    assert_eq!(numbered_to_marks(""), "");
    assert_eq!(numbered_to_marks("a:b3 4S"), "a:b3 4S");
}

#[test]
fn senses_cross_references() {
    assert_eq!(
        sense_to_marks("same as 大學|大学[da4 xue2]"),
        "same as 大學|大学[dà xué]"
    );
    assert_eq!(
        sense_to_marks("see 綠|绿[lu:4] and [sic]"),
        "see 綠|绿[lǜ] and [sic]"
    );
    assert_eq!(sense_to_marks("unclosed [da4"), "unclosed [da4");
    assert_eq!(sense_to_marks("no brackets"), "no brackets");
}

#[test]
fn entries_serialize() {
    fn is_serde<T: Serialize + for<'de> Deserialize<'de>>() {}
    is_serde::<DictEntry>();
    let debug = format!("{:?}", Dictionary::parse(SAMPLE));
    assert_eq!(
        debug,
        format!("Dictionary {{ entries: 11, bytes: {} }}", SAMPLE.len())
    );
}
