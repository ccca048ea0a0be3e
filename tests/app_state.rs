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
