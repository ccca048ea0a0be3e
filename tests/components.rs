//! The components rendered natively through Yew's server-side renderer.

use std::rc::Rc;

use dudong::analysis::{Analyzer, Document, Kind, Span, Word};
use dudong::app::components::{PasteArea, PasteAreaProps, Reader, ReaderProps};
use yew::{Callback, LocalServerRenderer};

async fn render_reader(document: Document) -> String {
    LocalServerRenderer::<Reader>::with_props(ReaderProps { document: Rc::new(document) })
        .hydratable(false)
        .render()
        .await
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
            piece[at..at + piece[at..].find('"').unwrap()].parse().unwrap()
        };
        let text_start = piece.find('>').unwrap() + 1;
        let text_end = piece.find("</span>").unwrap();
        out.push((attr("data-start"), attr("data-end"), piece[text_start..text_end].to_string()));
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
    };
    let html = LocalServerRenderer::<PasteArea>::with_props(props).hydratable(false).render().await;
    assert!(html.contains("Try a sample"), "{html}");
    assert!(html.contains("There is nothing to read yet"), "{html}");
    assert!(html.contains("2 characters"), "{html}");
}
