//! Word cards never dead-end: entries in order of use, CC-CEDICT's markup
//! made readable, and an unknown word broken into the words it is made of.

use std::rc::Rc;

use dudong::analysis::{Analyzer, Kind};
use dudong::app::components::{CardView, CardViewProps};
use dudong::app::dict::DictState;
use dudong::app::state::{CardTarget, Doc};
use dudong::dictionary::{
    rank_entries, readable_sense, readable_sense_text, word_parts, Dictionary, SensePart,
};
use yew::{Callback, LocalServerRenderer};

/// Lines from CC-CEDICT, in the converted format the app loads (tone marks
/// in the pinyin field, numbered pinyin inside the senses).
const FIXTURE: &str = "\
比\t比\tBǐ\tBelgium / Belgian / abbr. for 比利時|比利时[Bi3 li4 shi2]
比\t比\tbī\teuphemistic variant of 屄[bi1]
比\t比\tbǐ\tto compare / (followed by a noun and adjective) more {adj.} than {noun} / ratio / to gesture / (Taiwan pr. [bi4] in some compounds derived from Classical Chinese)
比利时\t比利時\tBǐ lì shí\tBelgium
还\t還\tHuán\tsurname Huan
还\t還\thái\tstill / still in progress / still more / yet / even more / in addition / fairly / passably (good) / as early as / even / also / else
还\t還\thuán\tto pay back / to return
稳\t穩\twěn\tsettled; steady; stable
中\t中\tZhōng\t(bound form) China; Chinese / surname Zhong
中\t中\tzhōng\twithin; among; in / middle; center / while (doing sth); during / (dialect) OK; all right
中\t中\tzhòng\tto hit (a target) / to be struck by (a bullet, illness etc) / to win (a prize or lottery)
有\t有\tyǒu\tto have; there is / (bound form) having; with; -ful; -ed; -al (as in 有意[you3 yi4] intentional)
进\t進\tjìn\tto go forward / to advance / to go in / to enter
年\t年\tNián\tsurname Nian
年\t年\tnián\tyear / CL:個|个[ge4]
年\t秊\tnián\tgrain / harvest (old) / variant of 年[nian2]
期\t朞\tqī\tvariant of 期[qi1] / period / cycle
期\t期\tqī\ta period of time / phase / stage / classifier for issues of a periodical, courses of study / time / term / period / to hope / Taiwan pr. [qi2]
超\t超\tchāo\tto exceed / to overtake / to surpass / to transcend / ultra- / super-
大规模\t大規模\tdà guī mó\tlarge scale / extensive / wide scale / broad scale
规模\t規模\tguī mó\tscale; scope; extent
大楼\t大樓\tdà lóu\tbuilding (a relatively large, multistory one) / CL:幢[zhuang4],座[zuo4]
公园\t公園\tgōng yuán\tpark (for public recreation) / CL:座[zuo4]
拉\t拉\tlā\tto pull / to play (a bowed instrument) / to drag / to draw / to chat
拉\t拉\tlà\tused in 拉拉蛄[la4 la4 gu3] / variant of 落[la4]
货\t貨\thuò\tgoods / money / commodity / CL:個|个[ge4]
国内生产总值\t國內生產總值\tguó nèi shēng chǎn zǒng zhí\tgross domestic product (GDP)
";

fn dict() -> Dictionary {
    Dictionary::parse(FIXTURE)
}

fn readings(entries: &[dudong::dictionary::DictEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.pinyin.as_str()).collect()
}

#[test]
fn common_readings_come_first() {
    let d = dict();
    let bi = rank_entries(d.lookup("比"));
    assert_eq!(readings(&bi), vec!["bǐ", "Bǐ", "bī"]);
    assert_eq!(bi[0].senses[0], "to compare");
    let hai = rank_entries(d.lookup("还"));
    assert_eq!(readings(&hai)[0], "hái");
    assert_eq!(*readings(&hai).last().unwrap(), "Huán");
    // Traditional headwords rank the same way.
    assert_eq!(readings(&rank_entries(d.lookup("還")))[0], "hái");
    let la = rank_entries(d.lookup("拉"));
    assert_eq!(readings(&la), vec!["lā", "là"]);
}

#[test]
fn surname_and_variant_senses_go_last_inside_an_entry() {
    let d = dict();
    let zhong = rank_entries(d.lookup("中"));
    let proper = zhong.iter().find(|e| e.pinyin == "Zhōng").unwrap();
    assert_eq!(
        proper.senses,
        vec!["(bound form) China; Chinese", "surname Zhong"]
    );
    let qi = rank_entries(d.lookup("期"));
    assert_eq!(qi[0].senses[0], "period", "{qi:?}");
    assert_eq!(qi[0].senses.last().unwrap(), "variant of 期[qi1]");
}

#[test]
fn cross_references_read_as_words_with_tone_marks() {
    assert_eq!(
        readable_sense("abbr. for 比利時|比利时[Bi3 li4 shi2]"),
        vec![
            SensePart::Text("abbr. for ".into()),
            SensePart::Word {
                word: "比利时".into(),
                pinyin: "Bǐlìshí".into()
            },
        ]
    );
    assert_eq!(
        readable_sense_text("abbr. for 比利時|比利时[Bi3 li4 shi2]"),
        "abbr. for 比利时 Bǐlìshí"
    );
    assert_eq!(readable_sense_text("CL:座[zuo4]"), "measure word: 座 zuò");
    assert_eq!(
        readable_sense_text("CL:幢[zhuang4],座[zuo4]"),
        "measure word: 幢 zhuàng, 座 zuò"
    );
    assert_eq!(readable_sense_text("CL:個|个[ge4]"), "measure word: 个 gè");
    assert_eq!(
        readable_sense_text("(Taiwan pr. [bi4] in some compounds)"),
        "(Taiwan pr. bì in some compounds)"
    );
    assert_eq!(
        readable_sense_text("-al (as in 有意[you3 yi4] intentional)"),
        "-al (as in 有意 yǒuyì intentional)"
    );
    // Brackets that are not pinyin stay; plain text is untouched.
    assert_eq!(readable_sense_text("see [sic]"), "see [sic]");
    assert_eq!(readable_sense_text("to compare"), "to compare");
    assert_eq!(readable_sense_text(""), "");
}

#[test]
fn an_unknown_word_splits_into_the_longest_words_then_characters() {
    let d = dict();
    let parts = word_parts(&d, "稳中有进");
    let shown: Vec<(&str, &str)> = parts
        .iter()
        .map(|p| (p.text.as_str(), p.pinyin.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![("稳", "wěn"), ("中", "zhōng"), ("有", "yǒu"), ("进", "jìn")]
    );
    assert_eq!(parts[1].gloss.as_deref(), Some("within; among; in"));
    let parts = word_parts(&d, "超大规模");
    let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, vec!["超", "大规模"]);
    assert_eq!(parts[1].pinyin, "dàguīmó");
    // Traditional characters are found too; unknown characters stand alone.
    let parts = word_parts(&d, "拉貨X");
    let shown: Vec<(&str, &str, bool)> = parts
        .iter()
        .map(|p| (p.text.as_str(), p.pinyin.as_str(), p.gloss.is_some()))
        .collect();
    assert_eq!(
        shown,
        vec![("拉", "lā", true), ("貨", "huò", true), ("X", "", false)]
    );
    // No markup left in a part's gloss.
    let parts = word_parts(&d, "年");
    assert_eq!(parts[0].gloss.as_deref(), Some("year"));
    assert!(word_parts(&d, "").is_empty());
}

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

async fn render(text: &str, word: &str) -> String {
    let doc = Doc::from(analyzer().analyze(text));
    let target = match doc
        .words
        .iter()
        .position(|w| doc.slice(w.start, w.end) == word)
    {
        Some(i) => CardTarget::Word(i),
        None => CardTarget::Lookup(word.to_string()),
    };
    let props = CardViewProps {
        document: doc,
        target,
        dictionary: DictState::Ready(Rc::new(dict())),
        on_open: Callback::noop(),
        on_close: Callback::noop(),
    };
    LocalServerRenderer::<CardView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The text of the senses list, tags dropped.
fn senses_text(html: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in html.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[tokio::test]
async fn a_card_lists_the_common_reading_first_and_no_markup() {
    let html = render("比", "比").await;
    let first_sense = html.find("to compare").expect("the bǐ senses");
    assert!(
        html.find("Belgium").is_some_and(|b| b > first_sense),
        "{html}"
    );
    let text = senses_text(&html);
    assert!(text.contains("比利时 Bǐlìshí"), "{text}");
    assert!(!text.contains('[') && !text.contains('|'), "{text}");
    let html = render("还", "还").await;
    let hai = html.find("hái").expect("hái");
    assert!(html.find("Huán").is_some_and(|h| h > hai), "{html}");
}

#[tokio::test]
async fn a_card_writes_measure_words_out() {
    let text = senses_text(&render("大楼", "大楼").await);
    assert!(text.contains("measure word: 幢 zhuàng, 座 zuò"), "{text}");
    assert!(!text.contains("CL:") && !text.contains('['), "{text}");
}

#[tokio::test]
async fn an_unknown_word_card_shows_its_parts() {
    let html = render("稳中有进", "稳中有进").await;
    assert!(!html.contains("not in the dictionary<"), "{html}");
    let text = senses_text(&html);
    for part in ["稳 wěn", "中 zhōng", "有 yǒu", "进 jìn"] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(text.contains("settled; steady; stable"), "{text}");
    assert!(!text.contains('['), "{text}");
}

#[tokio::test]
async fn a_term_written_another_way_is_titled_by_the_text_not_twice_by_the_term() {
    let doc = Doc::from(analyzer().analyze("今年国内生产总值增长5%。"));
    let span = doc
        .spans
        .iter()
        .position(|s| s.kind == Kind::Term && s.term.as_deref() == Some("GDP"))
        .expect("国内生产总值 is the glossary's GDP");
    let props = CardViewProps {
        document: doc,
        target: CardTarget::Span(span),
        dictionary: DictState::Ready(Rc::new(dict())),
        on_open: Callback::noop(),
        on_close: Callback::noop(),
    };
    let html = LocalServerRenderer::<CardView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let text = senses_text(&html);
    assert!(!text.contains("GDP GDP"), "{text}");
    assert!(
        text.contains("国内生产总值 guónèishēngchǎnzǒngzhí"),
        "{text}"
    );
    assert!(text.contains("gross domestic product"), "{text}");
}

#[test]
fn a_study_note_takes_the_common_reading_and_readable_senses() {
    let doc = analyzer().analyze("比利时还年年比。");
    let opened = [
        CardTarget::Lookup("还".into()),
        CardTarget::Lookup("年".into()),
    ];
    let d = dict();
    let notes = dudong::app::study::notes(&doc, &opened, |_| None, Some(&d));
    assert!(notes[0].meaning.starts_with("still; "), "{:?}", notes[0]);
    assert_eq!(notes[1].meaning, "year; measure word: 个 gè");
}
