//! The open term lexicon: the shipped file, what a damaged file gets, and
//! which words of a text it highlights.

use dudong::analysis::envelope::DataError;
use dudong::analysis::open_terms::{self, OpenTerms};
use dudong::analysis::{Analyzer, Document, Kind};

const EARNINGS: &str = "受益于订单增长，公司上半年净利润同比增长三成，市净率明显低于行业平均水平。\
分析师认为，公司现金流充裕，可转债配售完成后资产负债率将下降。\
他说，今天的会议开得很好，大家都很满意，下个月还会再来这里看一看。\
上午的天气不错，很多人走到河边散步，孩子们在草地上跑来跑去。\
晚上他们一起吃饭，聊起小时候的事情，一直说到很晚才回家休息。\
第二天早上，他们又去了一趟市场，买了一些水果和蔬菜，然后坐车回去。\
路上车不多，司机一边开车一边听广播，偶尔和坐在后面的客人说几句话。\
到家以后，母亲已经做好了午饭，桌上摆着刚出锅的饺子和几碟小菜。\
下午大家在院子里喝茶，看着太阳慢慢落下去，谁也不想先站起来。";

fn terms(doc: &Document) -> Vec<String> {
    let mut t: Vec<String> = doc
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Term)
        .map(|s| doc.slice(s.start, s.end).to_string())
        .collect();
    t.sort();
    t.dedup();
    t
}

fn words_in(doc: &Document) -> usize {
    doc.words
        .iter()
        .filter(|w| doc.slice(w.start, w.end).chars().any(|c| c > '\u{2E80}'))
        .count()
}

#[test]
fn the_shipped_lexicon_is_whole_and_large() {
    let lexicon = open_terms::builtin().expect("the shipped term lexicon is whole");
    assert!(
        lexicon.len() >= 40_000,
        "an open lexicon in the tens of thousands, not {}",
        lexicon.len()
    );
}

#[test]
fn a_damaged_lexicon_is_refused_with_its_reason() {
    let good = open_terms::BUILTIN_BYTES;
    let mut flipped = good.to_vec();
    let last = flipped.len() - 2;
    flipped[last] ^= 0x20;
    assert!(matches!(
        OpenTerms::from_bytes(&flipped),
        Err(DataError::Corrupted { .. })
    ));
    assert!(matches!(
        OpenTerms::from_bytes(&good[..good.len() / 2]),
        Err(DataError::Truncated { .. })
    ));
    assert!(matches!(
        OpenTerms::from_bytes(b"DDNER\0\0\0 a name model"),
        Err(DataError::WrongKind { .. })
    ));
    let malformed = OpenTerms::from_bytes(&OpenTerms::pack("估值\t57\t2\n市盈率\t63 2\n"));
    let Err(e @ DataError::Malformed { line: 2, .. }) = malformed else {
        panic!("line 2 has two fields: {:?}", malformed.err())
    };
    assert!(e.to_string().contains("term lexicon"), "{e}");
    // Every truncation is an error or a whole lexicon, never a panic.
    for cut in (0..good.len()).step_by(good.len() / 200) {
        let _ = OpenTerms::from_bytes(&good[..cut]);
    }
}

#[test]
fn the_lexicon_finds_the_terms_the_glossary_lacks() {
    let curated = Analyzer::new();
    let full = Analyzer::with_builtin_models().unwrap();
    let before = terms(&curated.analyze(EARNINGS));
    let after = terms(&full.analyze(EARNINGS));
    let wanted = ["市净率", "现金流", "可转债", "资产负债率"];
    // The budget of a text this short (about 130 words) leaves room for
    // four terms, the curated 净利润 among them.
    let found: Vec<&str> = wanted
        .into_iter()
        .filter(|t| after.contains(&t.to_string()))
        .collect();
    assert!(found.len() >= 2, "{found:?} of {wanted:?} in {after:?}");
    assert!(
        found.iter().all(|t| !before.contains(&t.to_string())),
        "the glossary had {before:?}"
    );
    assert!(after.len() <= 5, "{after:?}");
    // Words every business text uses are not highlighted.
    for plain in ["同比", "行业", "增长", "公司"] {
        assert!(!after.contains(&plain.to_string()), "{plain} highlighted");
    }
}

#[test]
fn an_open_term_never_overlaps_a_name_or_a_figure_and_carries_its_form() {
    let full = Analyzer::with_builtin_models().unwrap();
    let doc = full.analyze("比亚迪上半年现金流为一百亿元，市净率低于宁德时代。");
    for t in doc.spans.iter().filter(|s| s.kind == Kind::Term) {
        assert_eq!(t.term.clone(), Some(doc.slice(t.start, t.end).to_string()));
        for other in doc.spans.iter().filter(|s| s.kind != Kind::Term) {
            assert!(
                t.end <= other.start || other.end <= t.start,
                "{:?} overlaps {:?}",
                doc.slice(t.start, t.end),
                doc.slice(other.start, other.end)
            );
        }
    }
}

#[test]
fn highlights_stay_within_one_term_per_twelve_words() {
    let full = Analyzer::with_builtin_models().unwrap();
    // A text dense with lexicon words: the budget, not the lexicon, decides.
    let text = EARNINGS.repeat(3)
        + "区块链、云计算、半导体、光刻机、量化宽松、逆回购、可转债、市净率、毛利率、\
           商誉减值、股权质押、做市商、对冲基金、私募股权、风险投资、天使投资。";
    let doc = full.analyze(&text);
    let marked = doc.spans.iter().filter(|s| s.kind == Kind::Term).count();
    let words = words_in(&doc);
    assert!(marked > 0);
    assert!(
        marked * 12 <= words,
        "{marked} term highlights in {words} words"
    );
}

#[test]
fn a_traditional_text_gets_the_same_terms() {
    let full = Analyzer::with_builtin_models().unwrap();
    let simplified = terms(&full.analyze(EARNINGS));
    let traditional = full.analyze(
        "受益於訂單增長，公司上半年淨利潤同比增長三成，市淨率明顯低於行業平均水平。\
         分析師認為，公司現金流充裕，可轉債配售完成後資產負債率將下降。\
         他說，今天的會議開得很好，大家都很滿意，下個月還會再來這裡看一看。\
         上午的天氣不錯，很多人走到河邊散步，孩子們在草地上跑來跑去。\
         晚上他們一起吃飯，聊起小時候的事情，一直說到很晚才回家休息。\
         第二天早上，他們又去了一趟市場，買了一些水果和蔬菜，然後坐車回去。\
         路上車不多，司機一邊開車一邊聽廣播，偶爾和坐在後面的客人說幾句話。\
         到家以後，母親已經做好了午飯，桌上擺著剛出鍋的餃子和幾碟小菜。\
         下午大家在院子裡喝茶，看著太陽慢慢落下去，誰也不想先站起來。",
    );
    let found: Vec<&str> = traditional
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Term)
        .filter_map(|s| s.term.as_deref())
        .collect();
    for term in ["市净率", "资产负债率"] {
        assert!(simplified.contains(&term.to_string()));
        assert!(found.contains(&term), "{term} missing in {found:?}");
    }
}

#[test]
fn a_field_term_outranks_a_rarer_idiom_and_the_budget_keeps_the_best() {
    // Four lexicon words, each used once, in a text of about 40 words:
    // room for three highlights, so the last ranked loses its place.
    let lexicon = OpenTerms::pack("市净率\t60\t2\n一心一意\t130\t1\n珠宝\t90\t0\n饺子\t80\t0\n");
    let mut analyzer = Analyzer::new();
    analyzer.set_open_terms(Some(OpenTerms::from_bytes(&lexicon).unwrap()));
    let doc = analyzer.analyze(
        "他一心一意经营珠宝生意，他说这家公司的市净率不高。今天的天气很好，\
         大家都很高兴，晚上一起去吃饺子，吃完以后又在河边走了很久才回家。",
    );
    let found = terms(&doc);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.contains(&"市净率".to_string()),
        "the field term first: {found:?}"
    );
    assert!(
        found.contains(&"一心一意".to_string()),
        "then the idiom: {found:?}"
    );
    assert!(
        found.contains(&"珠宝".to_string()),
        "then the rarer noun: {found:?}"
    );
}
