//! The engine on the project's own fixtures: short original texts, one
//! written normally and one in the style of a spinning tool.

use dudong::analysis::{Analyzer, Document, Kind, Span};

const NORMAL: &str = include_str!("fixtures/normal.txt");
const SPUN: &str = include_str!("fixtures/spun.txt");

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

fn spans_with<'a>(doc: &'a Document, text: &str, kind: Kind) -> Vec<&'a Span> {
    doc.spans
        .iter()
        .filter(|s| s.kind == kind && doc.slice(s.start, s.end) == text)
        .collect()
}

fn assert_has(doc: &Document, text: &str, kind: Kind) -> Span {
    spans_with(doc, text, kind)
        .first()
        .map(|s| (*s).clone())
        .unwrap_or_else(|| {
            let found: Vec<String> = doc
                .spans
                .iter()
                .map(|s| format!("{}:{}", s.kind.as_str(), doc.slice(s.start, s.end)))
                .collect();
            panic!("no {kind:?} span for {text:?}; found {found:?}")
        })
}

/// Offsets are chars, `text` slices agree, and words tile the text.
fn assert_well_formed(doc: &Document) {
    let n = doc.chars.len();
    for s in &doc.spans {
        assert!(s.start < s.end && s.end <= n, "{s:?} out of range {n}");
    }
    let mut pos = 0;
    for w in &doc.words {
        assert_eq!(w.start, pos);
        pos = w.end;
    }
    assert_eq!(pos, n);
    // Every span starts and ends on a word boundary (the reader relies on it).
    let bounds: std::collections::HashSet<usize> =
        doc.words.iter().flat_map(|w| [w.start, w.end]).collect();
    for s in &doc.spans {
        assert!(
            bounds.contains(&s.start) && bounds.contains(&s.end),
            "{s:?} cuts a word"
        );
    }
}

#[test]
fn entities_in_a_normal_article() {
    let doc = analyzer().analyze(NORMAL);
    assert_well_formed(&doc);
    assert_has(&doc, "雷军", Kind::Person);
    assert_has(&doc, "小米集团", Kind::Org);
    assert_has(&doc, "比亚迪", Kind::Org);
    assert_has(&doc, "浙江大学", Kind::Org);
    for place in ["北京", "深圳", "合肥"] {
        assert_has(&doc, place, Kind::Place);
    }
    // Nothing ordinary is called a person.
    let people: Vec<String> = doc
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Person)
        .map(|s| doc.slice(s.start, s.end))
        .collect();
    assert_eq!(people, vec!["雷军"]);
}

/// Words jieba's dictionary lacks get no part-of-speech tag from the
/// segmenter (x); their shape decides: a family name and two characters
/// beside a cue, a place suffix. Two characters are not enough for a name.
#[test]
fn unknown_words_are_judged_by_their_shape() {
    let text = "创始人祝铭明表示，公司在经开区设了实验室。创始人常说，名字不重要。";
    let segmenter = analyzer().segmenter();
    for word in ["祝铭明", "经开区", "常说"] {
        let tagged = segmenter.tag(text);
        let chars: Vec<char> = text.chars().collect();
        let t = tagged
            .iter()
            .find(|t| chars[t.word.start..t.word.end].iter().collect::<String>() == word)
            .unwrap();
        assert!(
            !t.known && t.tag == "x",
            "{word} is an unknown word to the segmenter"
        );
    }
    let doc = analyzer().analyze(text);
    assert_has(&doc, "祝铭明", Kind::Person);
    assert_has(&doc, "经开区", Kind::Place);
    assert!(spans_with(&doc, "常说", Kind::Person).is_empty());
}

#[test]
fn common_words_before_a_suffix_or_around_a_dot_are_not_names() {
    let text = "灵伴科技与两家软件公司、一家保险公司签约。诗人·书画家吴某会见了埃隆·马斯克。";
    let doc = analyzer().analyze(text);
    assert_has(&doc, "灵伴科技", Kind::Org);
    assert_has(&doc, "埃隆·马斯克", Kind::Person);
    let names: Vec<String> = doc
        .spans
        .iter()
        .filter(|s| matches!(s.kind, Kind::Org | Kind::Person))
        .map(|s| doc.slice(s.start, s.end).to_string())
        .collect();
    for kind_of_thing in ["软件公司", "保险公司", "诗人·书画家", "书画家吴某"] {
        assert!(
            !names.iter().any(|n| n.contains(kind_of_thing)),
            "{kind_of_thing} is not a name; found {names:?}"
        );
    }
}

#[test]
fn figures_with_normalised_values() {
    let doc = analyzer().analyze(NORMAL);
    for figure in ["2024年", "240亿元", "25%", "2026年3月", "三分之一"] {
        assert_has(&doc, figure, Kind::Figure);
    }
    let amount = assert_has(&doc, "240亿元", Kind::Figure);
    assert!(
        amount.note.unwrap().contains("24,000,000,000"),
        "the card shows the value written out"
    );
    // 一位 (an indefinite 'a') is not a figure.
    assert!(spans_with(&doc, "一位", Kind::Figure).is_empty());
}

#[test]
fn glossary_terms_and_their_spun_forms() {
    let doc = analyzer().analyze(NORMAL);
    assert_eq!(
        assert_has(&doc, "耐心资本", Kind::Term).term.as_deref(),
        Some("耐心资本")
    );
    assert_has(&doc, "产业链", Kind::Term);
    assert_has(&doc, "出海", Kind::Term);
    let spun = analyzer().analyze(SPUN);
    let term = assert_has(&spun, "耐烦资源", Kind::Term);
    assert_eq!(term.term.as_deref(), Some("耐心资本"));
    assert_eq!(
        assert_has(&spun, "财产链", Kind::Term).term.as_deref(),
        Some("产业链")
    );
}

#[test]
fn a_normal_article_gets_no_spin_warnings() {
    let doc = analyzer().analyze(NORMAL);
    assert!(!doc.summary.spun, "{:?}", doc.summary);
    assert!(doc.spans.iter().all(|s| s.kind != Kind::Spin));
    assert!(!doc.summary_line().contains("spun"));
}

#[test]
fn spun_wording_is_found_with_its_likely_original() {
    let doc = analyzer().analyze(SPUN);
    assert_well_formed(&doc);
    assert!(doc.summary.spun, "{:?}", doc.summary);
    for (surface, original) in [
        ("乐成", "成功"),
        ("首创人", "创始人"),
        ("本日", "今天"),
        ("斲丧", "消费"),
        ("告急", "重要"),
        ("掉队", "落后"),
        ("强盛", "强大"),
        ("底子", "基础"),
    ] {
        let span = assert_has(&doc, surface, Kind::Spin);
        assert_eq!(span.original.as_deref(), Some(original), "{surface}");
    }
    assert_has(&doc, "任正非", Kind::Person);
    assert!(
        doc.summary_line().contains("machine-spun"),
        "{}",
        doc.summary_line()
    );
}

#[test]
fn bad_input_never_panics_and_keeps_offsets_exact() {
    let cases = [
        String::new(),
        "   \n\t".to_string(),
        "\u{0}\u{1}控制\u{7f}字符\u{202e}反向".to_string(),
        "e\u{301}\u{301}👨‍👩‍👧‍👦🇨🇳中文".to_string(),
        "第一行\r\n第二行\r第三行".to_string(),
        "no chinese here at all, 123 and 45%".to_string(),
        "<script>alert('x')</script>**Markdown**".to_string(),
        "杭州".repeat(5000),
    ];
    for text in &cases {
        let doc = analyzer().analyze(text);
        assert_well_formed(&doc);
        assert_eq!(
            doc.words
                .iter()
                .map(|w| doc.slice(w.start, w.end))
                .collect::<String>(),
            *text
        );
    }
}

/// A normal article full of words a spinner would also produce (资源, 部门,
/// 表现, 水平, 告急 as "critically low", 题目 as "exam question", 运动, 大概):
/// no spin warnings, and common words the segmenter tags as names stay plain.
#[test]
fn a_normal_article_with_ambiguous_words_stays_silent() {
    let doc = analyzer().analyze(include_str!("fixtures/normal_tricky.txt"));
    assert!(!doc.summary.spun, "{:?}", doc.summary);
    assert!(doc.spans.iter().all(|s| s.kind != Kind::Spin));
    assert!(spans_with(&doc, "马拉松", Kind::Person).is_empty());
    assert!(spans_with(&doc, "大都市", Kind::Place).is_empty());
    assert_has(&doc, "国家统计局", Kind::Org);
    assert_has(&doc, "中央财经委员会", Kind::Org);
    assert_has(&doc, "5.3%", Kind::Figure);
    assert_has(&doc, "一哄而上", Kind::Term);
}

/// One line of over a megabyte with no breaks: analysed, offsets exact.
#[test]
fn a_one_megabyte_line_without_breaks() {
    let text = "杭州的科技企业获得了耐心资本".repeat(26_000);
    assert!(text.len() > 1_000_000 && !text.contains('\n'));
    let doc = analyzer().analyze(&text);
    assert_well_formed(&doc);
    assert!(doc
        .spans
        .iter()
        .any(|s| s.term.as_deref() == Some("耐心资本")));
}

#[test]
fn warming_up_changes_no_result() {
    // A fresh engine reads an article, then one warmed up beforehand reads it
    // again: jieba's lazily built tables must not change a word or a span.
    let text = "记者在华为总部采访了张伟，深圳的新能源汽车产量增长了12.5%。龘靐齉爩这些字很少见。";
    let cold = Analyzer::new().analyze(text);
    let warm = Analyzer::new();
    warm.warm_up();
    let again = warm.analyze(text);
    assert_eq!(
        serde_json::to_string(&cold).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
    assert!(cold.words.len() > 10);
}

#[test]
fn the_warm_up_runs_every_stage_and_reaches_the_page_whole() {
    use dudong::app::protocol::Reply;
    use dudong::knowledge::WARM_UP_TEXT;
    // What the worker analyses at start-up must exercise what a reader's
    // pasted page does: the body finder, spin, every kind of highlight.
    let doc = analyzer().warm_up();
    assert_eq!(doc.text, WARM_UP_TEXT);
    let (start, end) = doc.body.expect("a page around the article");
    assert!(0 < start && end < doc.chars.len());
    assert!(doc.summary.spun, "it reads as spun");
    for kind in [
        Kind::Person,
        Kind::Org,
        Kind::Place,
        Kind::Figure,
        Kind::Term,
        Kind::Spin,
    ] {
        assert!(doc.spans.iter().any(|s| s.kind == kind), "no {kind:?}");
    }
    // The page gets the warm-up document as it gets any: without its text.
    let wire = serde_json::to_string(&Reply::WarmedUp {
        document: doc.clone(),
    })
    .unwrap();
    let Reply::WarmedUp { document } = serde_json::from_str(&wire).unwrap() else {
        panic!("not WarmedUp")
    };
    assert_eq!(document.with_text(WARM_UP_TEXT.to_string()).unwrap(), doc);
}

#[test]
fn a_document_crosses_to_the_page_whole() {
    use dudong::app::protocol::Reply;
    // A whole page in traditional characters: words, spans, a body, glossary entries.
    let text = "首頁 | 新聞 | 登錄\n\n耐心資本正在湧入深圳的人工智能企業。記者在華為總部採訪了張偉，營收增長了12.5%。\n\n相關閱讀 | 版權所有";
    let doc = analyzer().analyze(text);
    assert!(!doc.spans.is_empty() && !doc.entries.is_empty());
    let reply = Reply::Analyzed {
        id: 7,
        chars: 60,
        complete: true,
        document: doc.clone(),
        memory: 1,
        ms: 2.0,
    };
    let wire = serde_json::to_string(&reply).unwrap();
    let Reply::Analyzed { id, document, .. } = serde_json::from_str(&wire).unwrap() else {
        panic!("not Analyzed")
    };
    assert_eq!(id, 7);
    assert_eq!(document.with_text(text.to_string()).unwrap(), doc);
    // A damaged document is an error, not a panic or a wrong document.
    let damaged = wire.replacen("spans", "spams", 1);
    assert!(serde_json::from_str::<Reply>(&damaged).is_err());
}
