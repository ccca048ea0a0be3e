//! The article body of a whole pasted web page, on the project's own
//! fixtures, all written for the project: `whole_page.txt` (an article inside
//! navigation, related links, an ad, comments and a footer), `page_portal.txt`
//! (a notice on an official portal: lines without blank lines between, a
//! toolbar between byline and text) and `page_short_lines.txt` (a personal
//! account's post, one short sentence a line, closed by -END-).

use dudong::analysis::{Analyzer, Document, Kind, Script};

const PAGE: &str = include_str!("fixtures/whole_page.txt");
const PAGE_TRADITIONAL: &str = include_str!("fixtures/whole_page_traditional.txt");

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Char offset of the first occurrence of `needle` in `text`.
fn char_at(text: &str, needle: &str) -> usize {
    text[..text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))]
        .chars()
        .count()
}

/// From the headline to the article's closing （完）.
fn expected_body(text: &str, headline: &str, closing: &str) -> (usize, usize) {
    (
        char_at(text, headline),
        char_at(text, closing) + closing.chars().count(),
    )
}

#[test]
fn the_body_of_a_whole_page_runs_from_headline_to_closing_line() {
    let doc = analyzer().analyze(PAGE);
    assert_eq!(
        doc.body,
        Some(expected_body(PAGE, "夜校走红", "（完）")),
        "body: {:?}",
        doc.body.map(|(a, b)| doc.slice(a, b))
    );
}

#[test]
fn other_page_layouts() {
    for (page, headline, closing) in [
        (
            include_str!("fixtures/page_portal.txt"),
            "市交通局召开",
            "及时处置。",
        ),
        (
            include_str!("fixtures/page_short_lines.txt"),
            "凌晨四点的菜市场",
            "-END-",
        ),
    ] {
        let doc = analyzer().analyze(page);
        assert_eq!(
            doc.body,
            Some(expected_body(page, headline, closing)),
            "body: {:?}",
            doc.body.map(|(a, b)| doc.slice(a, b))
        );
    }
}

#[test]
fn the_summary_counts_the_body_only() {
    let doc = analyzer().analyze(PAGE);
    let inside: Vec<_> = doc.spans.iter().filter(|s| doc.in_body(s)).collect();
    let count = |kind: Kind| inside.iter().filter(|s| s.kind == kind).count();
    let summary = &doc.summary;
    assert_eq!(
        (
            summary.people,
            summary.orgs,
            summary.places,
            summary.products,
            summary.figures,
            summary.terms,
            summary.spins
        ),
        (
            count(Kind::Person),
            count(Kind::Org),
            count(Kind::Place),
            count(Kind::Product),
            count(Kind::Figure),
            count(Kind::Term),
            count(Kind::Spin)
        )
    );
    // The related links name 杭州: still highlighted (the view dims it), not counted.
    let hangzhou = doc
        .spans
        .iter()
        .find(|s| doc.slice(s.start, s.end) == "杭州")
        .expect("杭州 is found outside the body");
    assert!(!doc.in_body(hangzhou));
    assert_eq!(summary.outside_body, doc.spans.len() - inside.len());
    assert!(summary.outside_body > 0);
    assert!(
        doc.summary_line().contains("more outside the article"),
        "{}",
        doc.summary_line()
    );
    assert!(summary.places >= 1, "宁波市 in the body is counted");
}

#[test]
fn the_same_page_in_traditional_characters() {
    let doc = analyzer().analyze(PAGE_TRADITIONAL);
    assert_eq!(doc.script, Script::Traditional);
    assert_eq!(
        doc.body,
        Some(expected_body(PAGE_TRADITIONAL, "夜校走紅", "（完）"))
    );
    assert_eq!(doc.body, analyzer().analyze(PAGE).body);
    assert_eq!(doc.text, PAGE_TRADITIONAL);
}

#[test]
fn a_plain_article_is_all_body() {
    let page = analyzer().analyze(PAGE);
    let (start, end) = page.body.unwrap();
    let article = page.slice(start, end);
    for text in [
        article.as_str(),
        include_str!("fixtures/normal.txt"),
        include_str!("fixtures/normal_tricky.txt"),
        include_str!("fixtures/spun.txt"),
        include_str!("fixtures/normal_traditional.txt"),
        dudong::knowledge::SAMPLE_ARTICLE,
        "一句话。",
        "",
    ] {
        let doc = analyzer().analyze(text);
        assert_eq!(
            doc.body,
            None,
            "{:?}",
            text.chars().take(30).collect::<String>()
        );
        assert_eq!(doc.summary.outside_body, 0);
    }
}

fn body_text(doc: &Document) -> Option<String> {
    doc.body.map(|(a, b)| doc.slice(a, b))
}

#[test]
fn without_a_closing_line_the_body_stops_at_the_page_chrome() {
    // The article without （完） and 责任编辑, straight into the related links.
    let page = PAGE.replace("（完）\n责任编辑：周宁\n", "");
    let doc = analyzer().analyze(&page);
    let body = body_text(&doc).unwrap();
    assert!(body.starts_with("夜校走红"), "{body}");
    assert!(body.ends_with("家庭理财等课程。"), "{body}");
}

#[test]
fn comments_and_ads_after_the_chrome_stay_out_even_when_long() {
    // Long comments below 网友评论 are prose too, but the body does not cross the marker.
    let comment =
        "我觉得这样的课程很好，价格便宜，老师认真，下班以后有个去处，比一个人在家刷手机强多了。";
    let page = PAGE.replace(
        "路人甲：两百元一学期，比健身房划算多了。",
        &format!("路人甲：{comment}"),
    );
    let doc = analyzer().analyze(&page);
    let body = body_text(&doc).unwrap();
    assert!(
        !body.contains("路人甲") && !body.contains("网友评论") && !body.contains("相关阅读"),
        "{body}"
    );
}

#[test]
fn a_spun_article_inside_a_page_is_judged_on_its_body() {
    // The navigation and footer add characters but no spins: the density is the body's.
    let spun = include_str!("fixtures/spun.txt");
    let head = "首页 | 新闻 | 财经 | 科技\n登录 注册\n当前位置：首页 > 财经 > 正文\n\n";
    let tail = "\n\n相关阅读\n· 一家企业的出海之路\n· 新能源汽车产业链观察\n关于我们 | 联系我们 | 网站地图\n";
    let page = format!("{head}{spun}{tail}");
    let alone = analyzer().analyze(spun.trim());
    let doc = analyzer().analyze(&page);
    assert_eq!(body_text(&doc).as_deref(), Some(spun.trim()));
    assert!(doc.summary.spun);
    assert_eq!(doc.summary.spins, alone.summary.spins);
    assert!((doc.summary.spins_per_thousand - alone.summary.spins_per_thousand).abs() < 1e-9);
}

#[test]
fn a_sentence_that_starts_like_a_byline_is_still_the_article() {
    // 作者 and a date open bylines, but a line with a sentence in it is prose.
    let last = "作者认为，夜校能不能长久，关键看课程质量。";
    let page = PAGE.replace("（完）\n责任编辑：周宁\n", &format!("{last}\n"));
    let doc = analyzer().analyze(&page);
    assert!(
        body_text(&doc).unwrap().ends_with(last),
        "{:?}",
        body_text(&doc)
    );
}
