//! The components rendered natively through Yew's server-side renderer.

use std::rc::Rc;

use dudong::analysis::{Analyzer, Document, Kind, Span, Word};
use dudong::app::components::{
    CardView, CardViewProps, Panel, PanelProps, PasteArea, PasteAreaProps, Reader, ReaderProps,
};
use dudong::app::dict::DictState;
use dudong::app::state::{CardTarget, Doc};
use yew::{Callback, LocalServerRenderer};

async fn render_reader(document: Document) -> String {
    render_reader_view(document, false).await
}

/// The reading view as pasted, or (`as_original`) with spun words shown as
/// their likely originals.
async fn render_reader_view(document: Document, as_original: bool) -> String {
    let props = ReaderProps {
        document: Doc::from(document),
        complete: true,
        unread: false,
        reading: 1,
        whole_page: false,
        hidden: Default::default(),
        open: None,
        on_open: Callback::noop(),
        on_click: Callback::noop(),
        on_hover: Callback::noop(),
        on_hover_leave: Callback::noop(),
        on_hover_keep: Callback::noop(),
        on_close: Callback::noop(),
        as_original,
        on_toggle_original: Callback::noop(),
        pinyin: None,
        zhuyin: false,
        marks: Vec::new(),
        on_select: Callback::noop(),
        on_complete: Callback::noop(),
    };
    LocalServerRenderer::<Reader>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The reading view of a text shown before its analysis.
async fn render_unread_view(document: Document) -> String {
    let props = ReaderProps {
        document: Doc::from(document),
        complete: false,
        unread: true,
        reading: 1,
        whole_page: false,
        hidden: Default::default(),
        open: None,
        on_open: Callback::noop(),
        on_click: Callback::noop(),
        on_hover: Callback::noop(),
        on_hover_leave: Callback::noop(),
        on_hover_keep: Callback::noop(),
        on_close: Callback::noop(),
        as_original: false,
        on_toggle_original: Callback::noop(),
        pinyin: None,
        zhuyin: false,
        marks: Vec::new(),
        on_select: Callback::noop(),
        on_complete: Callback::noop(),
    };
    LocalServerRenderer::<Reader>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn analyzer() -> &'static Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(Analyzer::new)
}

async fn render_card(doc: &Doc, target: CardTarget) -> String {
    let props = CardViewProps {
        document: doc.clone(),
        target,
        dictionary: DictState::Loading,
        on_open: Callback::noop(),
        on_close: Callback::noop(),
    };
    LocalServerRenderer::<CardView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The index of the first span of `kind` whose text is `text`.
fn span_index(doc: &Document, kind: Kind, text: &str) -> usize {
    doc.spans
        .iter()
        .position(|s| s.kind == kind && doc.slice(s.start, s.end) == text)
        .unwrap_or_else(|| panic!("no {kind:?} span {text}"))
}

const SPUN: &str = include_str!("fixtures/spun.txt");
const NORMAL: &str = include_str!("fixtures/normal.txt");

#[tokio::test]
async fn a_spun_term_card_names_the_likely_term_and_explains_it() {
    let doc = Doc::from(analyzer().analyze(SPUN));
    let html = render_card(
        &doc,
        CardTarget::Span(span_index(&doc, Kind::Term, "耐烦资源")),
    )
    .await;
    assert!(html.contains("likely"), "{html}");
    assert!(html.contains("耐心资本"), "{html}");
    assert!(html.contains("machine-spun"), "{html}");
    assert!(html.contains("patient capital"), "{html}");
    assert!(html.contains("nàixīn"), "pinyin with tone marks: {html}");
}

#[tokio::test]
async fn a_spin_card_reads_the_word_as_its_original() {
    let doc = Doc::from(analyzer().analyze(SPUN));
    let html = render_card(&doc, CardTarget::Span(span_index(&doc, Kind::Spin, "告急"))).await;
    assert!(html.contains("重要"), "{html}");
    assert!(
        html.contains("important"),
        "the original's meaning, not 'emergency': {html}"
    );
    assert!(html.contains("loading dictionary"), "{html}");
}

#[tokio::test]
async fn an_entity_card_counts_mentions_and_names_the_long_form() {
    let doc = Doc::from(analyzer().analyze("阿里巴巴在杭州。阿里的员工很多，阿里云也在杭州。"));
    let html = render_card(&doc, CardTarget::Span(span_index(&doc, Kind::Org, "阿里"))).await;
    assert!(html.contains("Short form of"), "{html}");
    assert!(html.contains("Mention 2 of 2"), "{html}");
    assert!(html.contains("Next"), "{html}");
    let html = render_card(
        &doc,
        CardTarget::Span(span_index(&doc, Kind::Place, "杭州")),
    )
    .await;
    assert!(
        html.contains("Place") && html.contains("Mention 1 of 2"),
        "{html}"
    );
}

#[tokio::test]
async fn a_figure_card_writes_the_value_out() {
    let doc = Doc::from(analyzer().analyze("私募基金规模超1.5万亿元，增长了70%。"));
    let html = render_card(
        &doc,
        CardTarget::Span(span_index(&doc, Kind::Figure, "1.5万亿元")),
    )
    .await;
    assert!(html.contains("1,500,000,000,000"), "{html}");
    assert!(html.contains("trillion"), "{html}");
}

#[tokio::test]
async fn a_related_term_card_opens_by_name() {
    let doc = Doc::from(analyzer().analyze(NORMAL));
    // A term the article does not contain, listed as related by one it does:
    // the document carries its entry, so its card opens from the link.
    let in_text: Vec<&str> = doc.spans.iter().filter_map(|s| s.term.as_deref()).collect();
    let related = doc
        .entries
        .iter()
        .find(|e| !in_text.contains(&e.term.as_str()))
        .expect("a related entry travels with the document");
    let html = render_card(&doc, CardTarget::Term(related.term.clone())).await;
    assert!(
        html.contains(&related.term) && html.contains(&related.en),
        "{html}"
    );
    let missing = render_card(&doc, CardTarget::Term("不存在的术语".into())).await;
    assert!(missing.contains("is not in the glossary"), "{missing}");
}

async fn render_panel(doc: &Doc, lists_later: bool) -> String {
    let props = PanelProps {
        document: doc.clone(),
        hidden: Default::default(),
        on_toggle: Callback::noop(),
        on_jump: Callback::noop(),
        marks: Vec::new(),
        on_jump_mark: Callback::noop(),
        on_remove_mark: Callback::noop(),
        lists_later,
    };
    LocalServerRenderer::<Panel>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn the_panel_counts_what_the_engine_found() {
    let doc = Doc::from(analyzer().analyze(NORMAL));
    let html = render_panel(&doc, false).await;
    let figures = doc.spans.iter().filter(|s| s.kind == Kind::Figure).count();
    assert!(
        html.contains(&format!(r#"data-count="{figures}""#)),
        "{figures} figures in {html}"
    );
    assert!(html.contains("雷军"), "{html}");
    assert!(html.contains(r#"aria-busy="false""#), "{html}");
}

#[tokio::test]
async fn the_panel_can_leave_its_lists_to_a_later_task() {
    // The app's panel: its first render (the one in the same task as the
    // article) has the count but no lists, and says it is busy. Effects do
    // not run here; in the browser the lists follow a task later.
    let doc = Doc::from(analyzer().analyze(NORMAL));
    let html = render_panel(&doc, true).await;
    assert!(html.contains(r#"aria-busy="true""#), "{html}");
    assert!(
        html.contains(&format!("{} highlights", doc.spans.len())),
        "{html}"
    );
    assert!(
        !html.contains("data-count") && !html.contains("雷军"),
        "{html}"
    );
}

/// Pulls `(data-start, data-end, text)` of every word element out of the HTML.
fn word_elements(html: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for piece in html.split("<span ").skip(1) {
        let piece = &piece[..piece.find("</span>").unwrap() + "</span>".len()];
        if !piece[..piece.find('>').unwrap()].contains(r#"class="w""#) {
            continue;
        }
        let attr = |name: &str| -> usize {
            let key = format!(r#"{name}=""#);
            let at = piece.find(&key).unwrap() + key.len();
            piece[at..at + piece[at..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let text_start = piece.find('>').unwrap() + 1;
        let text_end = piece.find("</span>").unwrap();
        out.push((
            attr("data-start"),
            attr("data-end"),
            piece[text_start..text_end].to_string(),
        ));
    }
    out
}

#[tokio::test]
async fn reader_renders_every_word_with_offsets() {
    let text = "杭州的DeepSeek。\n\n第二段：耐心资本";
    let document = Analyzer::new().analyze(text);
    let html = render_reader(document).await;
    assert!(html.contains(r#"id="reader""#), "{html}");
    let chars: Vec<char> = text.chars().collect();
    let words = word_elements(&html);
    assert!(words.len() >= 6, "{words:?} in {html}");
    for (start, end, shown) in &words {
        let expected: String = chars[*start..*end].iter().collect();
        assert_eq!(&expected, shown);
    }
    // Two paragraphs for the blank line.
    assert_eq!(html.matches("<p>").count(), 2, "{html}");
}

#[tokio::test]
async fn reader_escapes_text_and_keeps_line_breaks() {
    let text = "<script>alert(1)</script>\n第二行";
    let html = render_reader(Analyzer::new().analyze(text)).await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;"), "{html}");
    assert!(html.contains("<br"), "{html}");
}

#[tokio::test]
async fn reader_markup_escapes_attributes_and_text() {
    // The reading view writes its paragraphs as markup: a quote in a note
    // or in the text must not end an attribute, an ampersand stays text.
    let text = "A\"B'C&D<b>杭州</b>";
    let document = Doc::from(Analyzer::new().analyze(text));
    let n = document.chars.len();
    let props = ReaderProps {
        document,
        complete: true,
        unread: false,
        reading: 1,
        whole_page: false,
        hidden: Default::default(),
        open: None,
        on_open: Callback::noop(),
        on_click: Callback::noop(),
        on_hover: Callback::noop(),
        on_hover_leave: Callback::noop(),
        on_hover_keep: Callback::noop(),
        on_close: Callback::noop(),
        as_original: false,
        on_toggle_original: Callback::noop(),
        pinyin: None,
        zhuyin: false,
        marks: vec![dudong::share::Mark {
            start: 0,
            end: n,
            note: "\"><img src=x onerror=alert(1)>&amp;".into(),
        }],
        on_select: Callback::noop(),
        on_complete: Callback::noop(),
    };
    let html = LocalServerRenderer::<Reader>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(!html.contains("<img") && !html.contains("<b>"), "{html}");
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"),
        "{html}"
    );
    for escaped in [">&quot;<", ">&#39;<", ">&amp;<", ">&lt;<"] {
        assert!(html.contains(escaped), "{escaped} in {html}");
    }
}

#[tokio::test]
async fn highlighted_spans_carry_their_kind_and_nest() {
    // 耐烦资源 (a spun term) with 资源 (the spun word) inside it.
    let text = "耐烦资源";
    let words = vec![Word { start: 0, end: 2 }, Word { start: 2, end: 4 }];
    let spans = vec![Span::new(2, 4, Kind::Spin), Span::new(0, 4, Kind::Term)];
    let html = render_reader(Document::new(text, words, spans)).await;
    let term = html.find(r#"data-kind="term""#).expect("term mark");
    let spin = html.find(r#"data-kind="spin""#).expect("spin mark");
    assert!(term < spin, "the longer span encloses the shorter: {html}");
}

#[tokio::test]
async fn paste_area_shows_text_and_message() {
    let props = PasteAreaProps {
        text: "你好".into(),
        message: Some("There is nothing to read yet".into()),
        on_input: Callback::noop(),
        on_read: Callback::noop(),
        on_sample: Callback::noop(),
        on_file: Callback::noop(),
    };
    let html = LocalServerRenderer::<PasteArea>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("Try a sample"), "{html}");
    assert!(html.contains("There is nothing to read yet"), "{html}");
    assert!(html.contains("2 characters"), "{html}");
}

#[tokio::test]
async fn a_word_card_shows_the_dictionary_entry_once_loaded() {
    use dudong::dictionary::Dictionary;
    // A two-line dictionary written for this test, in the converted format.
    let dict = Dictionary::parse(
        "资本\t資本\tzī běn\tcapital (economics)\n耐心\t耐心\tnài xīn\tto be patient / patience\n",
    );
    let doc = Doc::from(analyzer().analyze("耐心资本"));
    let word = doc
        .words
        .iter()
        .position(|w| doc.slice(w.start, w.end) == "资本")
        .expect("资本 is a word");
    let props = CardViewProps {
        document: doc.clone(),
        target: CardTarget::Word(word),
        dictionary: DictState::Ready(Rc::new(dict)),
        on_open: Callback::noop(),
        on_close: Callback::noop(),
    };
    let html = LocalServerRenderer::<CardView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(
        html.contains("zī běn") && html.contains("capital (economics)") && html.contains("資本"),
        "{html}"
    );
}

#[tokio::test]
async fn comfort_offers_print_and_a_legend_only_while_reading() {
    use dudong::app::components::{Comfort, ComfortProps};
    let doc = Doc::from(analyzer().analyze("李斌说，合肥的产值增长了12.5%。"));
    let render = |document: Option<Doc>, marks: bool| {
        LocalServerRenderer::<Comfort>::with_props(ComfortProps {
            document,
            marks,
            on_notice: Callback::noop(),
        })
        .hydratable(false)
        .render()
    };
    let reading = render(Some(doc), true).await;
    assert!(
        reading.contains(r#"id="print""#) && reading.contains(r#"id="print-legend""#),
        "{reading}"
    );
    for label in ["Person", "Place", "Figure", "your marks"] {
        assert!(
            reading.contains(label),
            "the legend names {label}: {reading}"
        );
    }
    assert!(
        !reading.contains("Spun wording"),
        "only the kinds the article has: {reading}"
    );
    let editing = render(None, false).await;
    assert!(
        editing.contains(r#"id="font-larger""#) && editing.contains("100%"),
        "{editing}"
    );
    assert!(
        !editing.contains(r#"id="print""#) && !editing.contains("print-legend"),
        "{editing}"
    );
}

/// The panel's item labels (the text of each `button.item`).
fn panel_items(html: &str) -> Vec<String> {
    html.split(r#"class="item""#)
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').map_or(0, |i| i + 1);
            let end = rest[start..].find('<').map_or(rest.len(), |i| start + i);
            rest[start..end].trim().to_string()
        })
        .collect()
}

#[tokio::test]
async fn taiwan_in_a_traditional_text_is_shown_as_written() {
    let doc = Doc::from(analyzer().analyze("台灣的半導體產業發展很快，台灣廠商也在擴張。"));
    assert_eq!(doc.script, dudong::analysis::Script::Traditional);
    let i = span_index(&doc, Kind::Place, "台灣");
    // The engine keeps the canonical simplified name, which is the plain name.
    assert_eq!(doc.spans[i].term.as_deref(), Some("台湾"));
    assert_eq!(doc.spans[i].note.as_deref(), Some("Taiwan"));
    let panel = render_panel(&doc, false).await;
    let items = panel_items(&panel);
    assert!(items.iter().any(|l| l == "台灣"), "{items:?}");
    assert!(
        !panel.contains("台湾"),
        "no simplified name in a traditional text's panel: {panel}"
    );
    let card = render_card(&doc, CardTarget::Span(i)).await;
    assert!(card.contains("台灣") && card.contains("Taiwan"), "{card}");
    assert!(!card.contains("台湾"), "{card}");
    assert!(!card.contains("Short form of"), "{card}");
    assert!(card.contains("Mention 1 of 2"), "{card}");
}

#[tokio::test]
async fn taiwan_in_a_simplified_text_is_taiwan() {
    let doc = Doc::from(analyzer().analyze("台湾的半导体产业发展很快，台湾厂商也在扩张。"));
    let i = span_index(&doc, Kind::Place, "台湾");
    assert_eq!(doc.spans[i].term.as_deref(), Some("台湾"));
    assert_eq!(doc.spans[i].note.as_deref(), Some("Taiwan"));
    let panel = render_panel(&doc, false).await;
    assert!(panel_items(&panel).iter().any(|l| l == "台湾"), "{panel}");
    assert!(!panel.contains("台湾省"), "{panel}");
    let card = render_card(&doc, CardTarget::Span(i)).await;
    assert!(card.contains("Taiwan"), "{card}");
    assert!(
        !card.contains("台湾省") && !card.contains("Short form of"),
        "{card}"
    );
}

#[tokio::test]
async fn a_traditional_texts_cards_and_panel_use_its_own_characters() {
    let doc = Doc::from(analyzer().analyze(include_str!("fixtures/normal_traditional.txt")));
    // A glossary term written in traditional characters: titled as written,
    // its simplified form not named.
    let i = span_index(&doc, Kind::Term, "產業鏈");
    let card = render_card(&doc, CardTarget::Span(i)).await;
    assert!(card.contains("產業鏈"), "{card}");
    assert!(!card.contains("card-alias"), "{card}");
    let items = panel_items(&render_panel(&doc, false).await);
    assert!(items.iter().any(|l| l.starts_with("產業鏈")), "{items:?}");
    assert!(items.iter().any(|l| l.starts_with("雷軍")), "{items:?}");
    assert!(
        !items
            .iter()
            .any(|l| l.starts_with("产业链") || l.starts_with("雷军")),
        "{items:?}"
    );
    // A simplified text still names the term a text wrote another way.
    let doc = Doc::from(analyzer().analyze("国内生产总值增长了5%。"));
    if let Some(i) = doc
        .spans
        .iter()
        .position(|s| s.kind == Kind::Term && doc.slice(s.start, s.end) == "国内生产总值")
    {
        let card = render_card(&doc, CardTarget::Span(i)).await;
        assert!(card.contains("card-alias"), "{card}");
    }
}

#[tokio::test]
async fn the_first_screen_says_what_dudong_highlights_in_the_panels_colours() {
    let props = PasteAreaProps {
        text: String::new(),
        message: None,
        on_input: Callback::noop(),
        on_read: Callback::noop(),
        on_sample: Callback::noop(),
        on_file: Callback::noop(),
    };
    let html = LocalServerRenderer::<PasteArea>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let start = html
        .find(r#"id="highlights-legend""#)
        .expect("the legend line");
    let line = &html[start..start + html[start..].find("</p>").expect("one paragraph")];
    assert!(line.contains("dudong highlights"), "{line}");
    for (kind, word) in [
        ("person", "people"),
        ("org", "organisations"),
        ("place", "places"),
        ("product", "products"),
        ("figure", "figures"),
        ("term", "terms"),
        ("spin", "spun wording"),
    ] {
        assert!(
            line.contains(&format!(r#"class="swatch {kind}""#)),
            "{kind}: {line}"
        );
        assert!(line.contains(word), "{word}: {line}");
    }
}

#[tokio::test]
async fn a_spun_text_has_a_banner_and_reads_as_original_with_the_spun_words_kept() {
    let doc = analyzer().analyze(SPUN);
    assert!(doc.summary.spun, "the fixture is judged spun");
    let spins: Vec<_> = doc
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Spin && s.original.is_some())
        .cloned()
        .collect();
    let distinct: std::collections::BTreeSet<(String, String)> = spins
        .iter()
        .map(|s| (doc.slice(s.start, s.end), s.original.clone().unwrap()))
        .collect();
    let pasted = render_reader_view(doc.clone(), false).await;
    // The banner counts distinct swapped words, as the panel does.
    let banner = format!(
        "This text looks machine-spun: {} swapped words",
        distinct.len()
    );
    assert!(pasted.contains(&banner), "{banner} in {pasted}");
    assert!(pasted.contains(r#"id="read-original""#) && pasted.contains(r#"aria-pressed="false""#));
    assert!(!pasted.contains("data-spun"), "{pasted}");
    let original = render_reader_view(doc.clone(), true).await;
    assert!(original.contains(r#"data-view="original""#), "{original}");
    for s in &spins {
        let spun = doc.slice(s.start, s.end);
        let word = format!(
            r#"<span class="w orig" data-start="{}" data-end="{}" data-spun="{spun}">{}</span>"#,
            s.start,
            s.end,
            s.original.as_deref().unwrap()
        );
        assert!(original.contains(&word), "{word} in {original}");
    }
    // A text that is not spun has no banner.
    let normal = render_reader_view(analyzer().analyze(NORMAL), false).await;
    assert!(
        !normal.contains("spun-banner") && !normal.contains("machine-spun"),
        "{normal}"
    );
}

#[test]
fn the_summary_counts_distinct_items_with_their_mentions_as_the_panel_does() {
    use dudong::app::components::{counted, overview, summary_line};
    assert_eq!(
        counted(27, 40, "swapped word", "swapped words", "places"),
        "27 swapped words (40 places)"
    );
    assert_eq!(counted(1, 1, "person", "people", "mentions"), "1 person");
    assert_eq!(
        counted(3, 12, "person", "people", "mentions"),
        "3 people (12 mentions)"
    );
    let doc = analyzer().analyze(SPUN);
    let groups = overview(&doc);
    let line = summary_line(&doc, &groups);
    for (kind, items) in &groups {
        if items.is_empty() {
            continue;
        }
        let mentions: usize = items.iter().map(|i| i.count).sum();
        let expected = match kind {
            Kind::Spin => format!("{} swapped words", items.len()),
            Kind::Term => format!("{} term", items.len()),
            _ => format!("{} ", items.len()),
        };
        assert!(line.contains(&expected), "{expected} in {line}");
        if mentions > items.len() {
            assert!(
                line.contains(&format!("({mentions} ")),
                "{mentions} mentions in {line}"
            );
        }
    }
    assert!(line.ends_with("; this text looks machine-spun"), "{line}");
}

#[tokio::test]
async fn an_unread_text_is_shown_whole_without_highlights() {
    let html = render_unread_view(dudong::app::state::unread(NORMAL.to_string())).await;
    assert!(!html.contains("<mark"), "{html}");
    assert!(
        html.contains("Finding the names, figures and terms"),
        "{html}"
    );
    // Every run of the text is one word element, in order.
    let mut from = 0;
    for run in NORMAL.split_whitespace() {
        let at = html[from..]
            .find(&format!(">{}</span>", dudong::app::export::escape(run)))
            .unwrap_or_else(|| panic!("{run} is not shown after byte {from}: {html}"));
        from += at + 1;
    }
}
