//! The app's transitions, natively: Read, Try a sample, Edit again.

use dudong::app::state::{Action, AppState, Screen};
use dudong::knowledge::SAMPLE_ARTICLE;

#[test]
fn read_empty_text_says_so_and_keeps_the_draft() {
    let state = AppState::default().apply(Action::Edit("   \n".into())).apply(Action::Read);
    assert!(matches!(state.screen, Screen::Edit));
    assert!(state.message.as_deref().unwrap().contains("nothing to read"));
    assert_eq!(state.draft, "   \n");
}

#[test]
fn read_then_edit_keeps_the_text_intact() {
    let text = "第一段。\r\n\r\n第二段，Grok-3。";
    let state = AppState::default().apply(Action::Edit(text.into())).apply(Action::Read);
    let Screen::Read(doc) = &state.screen else { panic!("not reading") };
    assert_eq!(doc.text, text);
    let back = state.apply(Action::BackToEdit);
    assert!(matches!(back.screen, Screen::Edit));
    assert_eq!(back.draft, text);
}

#[test]
fn the_sample_has_the_promised_content() {
    let state = AppState::default().apply(Action::LoadSample);
    let Screen::Read(doc) = &state.screen else { panic!("not reading") };
    assert_eq!(doc.text, SAMPLE_ARTICLE);
    for needle in ["耐心资本", "竹林效应", "%", "年", "亿元"] {
        assert!(SAMPLE_ARTICLE.contains(needle), "sample lacks {needle}");
    }
}

#[test]
fn an_imported_glossary_highlights_its_terms_and_a_bad_one_says_why() {
    let csv = "term,pinyin,en,category,zh,explain,aliases,spun,related\n\
               数据要素,shùjù yàosù,data as a factor of production,economy,数据是生产要素。,Data as a factor of production.,,数据因素,\n";
    let text = "各地都在推进数据因素市场化。";
    let state = AppState::default().apply(Action::Edit(text.into())).apply(Action::Read);
    let Screen::Read(before) = &state.screen else { panic!() };
    assert!(before.spans.iter().all(|s| s.term.as_deref() != Some("数据要素")));
    let state = state.apply(Action::ImportGlossary { name: "mine.csv".into(), text: csv.into(), save: false });
    let Screen::Read(after) = &state.screen else { panic!() };
    let span = after.spans.iter().find(|s| s.term.as_deref() == Some("数据要素")).expect("the spun form of the reader's term is found");
    assert_eq!(after.slice(span.start, span.end), "数据因素");
    assert!(matches!(&state.glossary, Some(Ok(note)) if note.contains("1 terms from mine.csv")));
    let state = state.apply(Action::ImportGlossary { name: "bad.csv".into(), text: "term,pinyin\n甲,jiǎ\n".into(), save: false });
    assert!(matches!(&state.glossary, Some(Err(m)) if m.contains("bad.csv") && m.contains("`en`")));
    // The earlier glossary is still in use: nothing the reader had is lost.
    let Screen::Read(still) = &state.screen else { panic!() };
    assert!(still.spans.iter().any(|s| s.term.as_deref() == Some("数据要素")));
}

#[test]
fn what_is_shared_reopens_as_it_was() {
    use dudong::analysis::Kind;
    use dudong::app::state::{CardTarget, OpenCard};
    let text = include_str!("fixtures/spun.txt");
    let state = AppState::default().apply(Action::Edit(text.into())).apply(Action::Read);
    let state = state.apply(Action::AddMark { start: 3, end: 9, note: "注意".into() }).apply(Action::ToggleKind(Kind::Figure));
    let Screen::Read(doc) = &state.screen else { panic!() };
    let term = doc.spans.iter().position(|s| s.kind == Kind::Term && doc.slice(s.start, s.end) == "耐烦资源").unwrap();
    let state = state.apply(Action::OpenCard(OpenCard::span(term)));
    // Words are cut at the mark's edges.
    assert!(doc.words.iter().any(|w| w.start == 3) && doc.words.iter().any(|w| w.end == 9));
    let shared = state.shared().expect("reading");
    let link = dudong::share::make_link("http://127.0.0.1:8080/", &shared);
    let back = dudong::share::decode(dudong::share::payload_of(&link)).unwrap();
    assert_eq!(back, shared);
    let opened = AppState::default().apply(Action::OpenShared { shared: back, previous: Some("我的草稿".into()) });
    let Screen::Read(doc2) = &opened.screen else { panic!() };
    assert_eq!(doc2.text, text);
    assert_eq!(opened.marks.len(), 1);
    assert_eq!(opened.marks[0].note, "注意");
    assert!(opened.hidden.contains(&Kind::Figure));
    let Some(card) = &opened.card else { panic!("the open card comes back") };
    let CardTarget::Span(i) = card.target else { panic!() };
    assert_eq!(doc2.slice(doc2.spans[i].start, doc2.spans[i].end), "耐烦资源");
    // The reader's own draft can be restored.
    let restored = opened.apply(Action::RestorePrevious);
    assert_eq!(restored.draft, "我的草稿");
    assert!(matches!(restored.screen, Screen::Edit));
}

#[test]
fn a_mark_outside_the_text_is_refused_with_a_message() {
    let state = AppState::default().apply(Action::Edit("短文本。".into())).apply(Action::Read);
    let state = state.apply(Action::AddMark { start: 2, end: 99, note: String::new() });
    assert!(state.marks.is_empty());
    assert!(state.message.unwrap().contains("Select"));
}

#[test]
fn the_standalone_file_escapes_everything() {
    let state = AppState::default().apply(Action::Edit("<script>alert(1)</script>杭州".into())).apply(Action::Read);
    let Screen::Read(doc) = &state.screen else { panic!() };
    let marks = vec![dudong::share::Mark { start: 0, end: 8, note: "<b>x</b>".into() }];
    let html = dudong::app::export::standalone_html(doc, &marks);
    assert!(!html.contains("<script>") && !html.contains("<b>x"), "{html}");
    assert!(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(html.contains("<mark class=\"place\""), "{html}");
}

#[test]
fn a_text_past_the_reading_limit_is_kept_with_a_message() {
    use dudong::app::state::MAX_READ_CHARS;
    let text = "长".repeat(MAX_READ_CHARS + 1);
    let state = AppState::default().apply(Action::Edit(text.clone())).apply(Action::Read);
    assert!(matches!(state.screen, Screen::Edit));
    assert_eq!(state.draft, text);
    assert!(state.message.unwrap().contains("300,001 characters"));
}

#[test]
fn the_newest_text_wins() {
    let state = AppState::default()
        .apply(Action::Edit("第一篇文章。".into()))
        .apply(Action::Read)
        .apply(Action::BackToEdit)
        .apply(Action::Edit("第二篇文章，更新的。".into()))
        .apply(Action::Read);
    let Screen::Read(doc) = &state.screen else { panic!() };
    assert_eq!(doc.text, "第二篇文章，更新的。");
}
