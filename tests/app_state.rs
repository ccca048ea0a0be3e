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
