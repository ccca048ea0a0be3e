//! The app's transitions, natively: Read, Try a sample, Edit again.

use std::cell::{Cell, RefCell};

use dudong::analysis::Analyzer;
use dudong::app::protocol::{answer, Reply, Request};
use dudong::app::state::{Action, AppState, Effect, GlossaryStatus, Screen};
use dudong::knowledge::SAMPLE_ARTICLE;

thread_local! {
    /// Each test (one thread each) has its own engine, as each page has its worker.
    static ENGINE: RefCell<Analyzer> = RefCell::new(Analyzer::new());
    /// Every request the reducer asked for ([`Effect::Send`]), oldest first,
    /// and how many of them the engine has answered.
    static ASKED: RefCell<Vec<Request>> = const { RefCell::new(Vec::new()) };
    static SENT: Cell<usize> = const { Cell::new(0) };
}

/// A newly opened page (its request ids start again).
fn page() -> AppState {
    ASKED.with(|a| a.borrow_mut().clear());
    SENT.set(0);
    AppState::default()
}

/// How many requests the engine has been asked, and the last one.
fn asked() -> usize {
    ASKED.with(|a| a.borrow().len())
}
fn last_request() -> Option<Request> {
    ASKED.with(|a| a.borrow().last().cloned())
}

/// The replies the engine gives to the requests asked for and not yet sent.
fn replies() -> Vec<Reply> {
    let mut out = Vec::new();
    let requests: Vec<Request> = ASKED.with(|a| a.borrow()[SENT.get()..].to_vec());
    SENT.set(asked());
    for request in requests {
        ENGINE.with(|e| {
            answer(
                &mut e.borrow_mut(),
                request,
                &|| 0.0,
                || 0,
                |reply| out.push(reply),
            )
        });
    }
    out
}

/// `apply` as the app runs it: requests for the engine are kept for
/// [`replies`]; the other effects are the browser's.
trait Act {
    fn act(&self, action: Action) -> AppState;
    /// `act`, then what the engine answers, until it has nothing more to say.
    fn run(self, action: Action) -> AppState;
}

impl Act for AppState {
    fn act(&self, action: Action) -> AppState {
        let (state, effects) = self.apply(action);
        for effect in effects {
            if let Effect::Send(request) = effect {
                ASKED.with(|a| a.borrow_mut().push(request));
            }
        }
        state
    }

    fn run(self, action: Action) -> AppState {
        let mut state = self.act(action);
        loop {
            let replies = replies();
            if replies.is_empty() {
                return state;
            }
            for action in replies.into_iter().filter_map(Action::from_reply) {
                state = state.act(action);
            }
        }
    }
}

#[test]
fn read_empty_text_says_so_and_keeps_the_draft() {
    let state = page().run(Action::Edit("   \n".into())).run(Action::Read);
    assert!(matches!(state.screen, Screen::Edit));
    assert!(state
        .message
        .as_deref()
        .unwrap()
        .contains("nothing to read"));
    assert_eq!(state.draft, "   \n");
}

#[test]
fn read_then_edit_keeps_the_text_intact() {
    let text = "第一段。\r\n\r\n第二段，Grok-3。";
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let Screen::Read(doc) = &state.screen else {
        panic!("not reading")
    };
    assert_eq!(doc.text, text);
    let back = state.run(Action::BackToEdit);
    assert!(matches!(back.screen, Screen::Edit));
    assert_eq!(back.draft, text);
}

#[test]
fn the_sample_has_the_promised_content() {
    let state = page().run(Action::LoadSample);
    let Screen::Read(doc) = &state.screen else {
        panic!("not reading")
    };
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
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let Screen::Read(before) = &state.screen else {
        panic!()
    };
    assert!(before
        .spans
        .iter()
        .all(|s| s.term.as_deref() != Some("数据要素")));
    let state = state.run(Action::ImportGlossary {
        name: "mine.csv".into(),
        text: csv.into(),
        save: false,
    });
    let Screen::Read(after) = &state.screen else {
        panic!()
    };
    let span = after
        .spans
        .iter()
        .find(|s| s.term.as_deref() == Some("数据要素"))
        .expect("the spun form of the reader's term is found");
    assert_eq!(after.slice(span.start, span.end), "数据因素");
    assert!(
        matches!(&state.glossary, Some(GlossaryStatus::Loaded(note)) if note.contains("1 terms from mine.csv"))
    );
    let state = state.run(Action::ImportGlossary {
        name: "bad.csv".into(),
        text: "term,pinyin\n甲,jiǎ\n".into(),
        save: false,
    });
    assert!(
        matches!(&state.glossary, Some(GlossaryStatus::NotLoaded(m)) if m.contains("bad.csv") && m.contains("`en`"))
    );
    // The earlier glossary is still in use: nothing the reader had is lost.
    let Screen::Read(still) = &state.screen else {
        panic!()
    };
    assert!(still
        .spans
        .iter()
        .any(|s| s.term.as_deref() == Some("数据要素")));
}

#[test]
fn what_is_shared_reopens_as_it_was() {
    use dudong::analysis::Kind;
    use dudong::app::state::{CardTarget, OpenCard};
    let text = include_str!("fixtures/spun.txt");
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let state = state
        .run(Action::AddMark {
            start: 3,
            end: 9,
            note: "注意".into(),
        })
        .run(Action::ToggleKind(Kind::Figure));
    let Screen::Read(doc) = state.screen.clone() else {
        panic!()
    };
    let term = doc
        .spans
        .iter()
        .position(|s| s.kind == Kind::Term && doc.slice(s.start, s.end) == "耐烦资源")
        .unwrap();
    let state = state.run(Action::OpenCard(OpenCard::span(term)));
    // Words are cut at the mark's edges.
    assert!(doc.words.iter().any(|w| w.start == 3) && doc.words.iter().any(|w| w.end == 9));
    let shared = state.shared().expect("reading");
    let link = dudong::share::make_link("http://127.0.0.1:8080/", &shared);
    let back = dudong::share::decode(dudong::share::payload_of(&link)).unwrap();
    assert_eq!(back, shared);
    let opened = page().run(Action::OpenShared {
        shared: back,
        previous: Some("我的草稿".into()),
    });
    let Screen::Read(doc2) = &opened.screen else {
        panic!()
    };
    assert_eq!(doc2.text, text);
    assert_eq!(opened.marks.len(), 1);
    assert_eq!(opened.marks[0].note, "注意");
    assert!(opened.hidden.contains(&Kind::Figure));
    let Some(card) = &opened.card else {
        panic!("the open card comes back")
    };
    let CardTarget::Span(i) = card.target else {
        panic!()
    };
    assert_eq!(
        doc2.slice(doc2.spans[i].start, doc2.spans[i].end),
        "耐烦资源"
    );
    // The reader's own draft can be restored.
    let restored = opened.run(Action::RestorePrevious);
    assert_eq!(restored.draft, "我的草稿");
    assert!(matches!(restored.screen, Screen::Edit));
}

#[test]
fn an_opened_link_shows_its_text_before_its_highlights() {
    let text = include_str!("fixtures/spun.txt");
    let shared = dudong::share::SharedState {
        text: text.into(),
        marks: vec![dudong::share::Mark {
            start: 3,
            end: 9,
            note: String::new(),
        }],
        view: Default::default(),
    };
    // Before the engine answers: the text, as the reading view lays it out,
    // and nothing found in it yet.
    let waiting = page().act(Action::OpenShared {
        shared,
        previous: None,
    });
    let Screen::Preview(unread) = &waiting.screen else {
        panic!("the text is shown at once")
    };
    assert_eq!(unread.text, text);
    assert!(unread.spans.is_empty());
    let rebuilt: String = unread
        .words
        .iter()
        .map(|w| unread.slice(w.start, w.end))
        .collect();
    assert_eq!(rebuilt, text, "the words tile the text");
    assert!(unread.words.iter().all(|w| unread.chars[w.start..w.end]
        .iter()
        .all(|c| c.is_whitespace())
        || unread.chars[w.start..w.end]
            .iter()
            .all(|c| !c.is_whitespace())));
    assert!(
        waiting.shared().is_none(),
        "nothing is kept or shared unread"
    );
    // The engine's answer replaces it with the reading, marks and all.
    let read = waiting.run(Action::EngineReady);
    let Screen::Read(doc) = &read.screen else {
        panic!("the reading replaces the unread text")
    };
    assert_eq!(doc.text, text);
    assert!(!doc.spans.is_empty());
    assert_eq!(read.marks.len(), 1);
    // If the engine stops instead, the text waits in the paste area.
    let failed = page()
        .act(Action::OpenShared {
            shared: dudong::share::SharedState {
                text: text.into(),
                marks: Vec::new(),
                view: Default::default(),
            },
            previous: None,
        })
        .act(Action::EngineFailed("out of memory".into()));
    assert!(matches!(failed.screen, Screen::Edit));
    assert_eq!(failed.draft, text);
}

#[test]
fn a_mark_outside_the_text_is_refused_with_a_message() {
    let state = page()
        .run(Action::Edit("短文本。".into()))
        .run(Action::Read);
    let state = state.run(Action::AddMark {
        start: 2,
        end: 99,
        note: String::new(),
    });
    assert!(state.marks.is_empty());
    assert!(state.message.unwrap().contains("Select"));
}

#[test]
fn the_standalone_file_escapes_everything() {
    let state = page()
        .run(Action::Edit("<script>alert(1)</script>杭州".into()))
        .run(Action::Read);
    let Screen::Read(doc) = &state.screen else {
        panic!()
    };
    let marks = vec![dudong::share::Mark {
        start: 0,
        end: 8,
        note: "<b>x</b>".into(),
    }];
    let html = dudong::app::export::standalone_html(doc, &marks);
    assert!(
        !html.contains("<script>") && !html.contains("<b>x"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(html.contains("<mark class=\"place\""), "{html}");
}

#[test]
fn a_text_past_the_reading_limit_is_kept_with_a_message() {
    use dudong::app::state::MAX_READ_CHARS;
    let text = "长".repeat(MAX_READ_CHARS + 1);
    let state = page().run(Action::Edit(text.clone())).run(Action::Read);
    assert!(matches!(state.screen, Screen::Edit));
    assert_eq!(state.draft, text);
    assert!(state.message.unwrap().contains("300,001 characters"));
}

#[test]
fn the_newest_text_wins() {
    let state = page()
        .run(Action::Edit("第一篇文章。".into()))
        .run(Action::Read)
        .run(Action::BackToEdit)
        .run(Action::Edit("第二篇文章，更新的。".into()))
        .run(Action::Read);
    let Screen::Read(doc) = &state.screen else {
        panic!()
    };
    assert_eq!(doc.text, "第二篇文章，更新的。");
}

#[test]
fn a_long_text_shows_its_first_part_then_all_of_it_with_the_marks() {
    let paragraph = include_str!("fixtures/normal.txt").trim().to_string();
    let mut text = String::new();
    while text.chars().count() < dudong::app::protocol::PREVIEW_OVER_CHARS + 1_000 {
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    let n = text.chars().count();
    let state = page().run(Action::Edit(text.clone())).run(Action::Read);
    let state = state.run(Action::AddMark {
        start: n - 20,
        end: n - 10,
        note: "末尾".into(),
    });
    assert_eq!(state.marks.len(), 1);
    // Read again: the engine's first reply is a first part, shown at once.
    let state = state.act(Action::Read);
    let mut replies = replies().into_iter();
    let first = state.act(Action::from_reply(replies.next().unwrap()).unwrap());
    let Screen::Read(part) = &first.screen else {
        panic!("the first part is shown")
    };
    assert!(
        part.chars.len() < n && text.starts_with(&part.text),
        "a prefix of {} chars",
        part.chars.len()
    );
    assert!(first.analysing.is_some(), "the rest is still coming");
    assert!(
        first.shared().is_none(),
        "no link, library entry or saved reading holds a first part"
    );
    assert_eq!(first.marks.len(), 1, "a mark past the first part is kept");
    let marking = first.act(Action::AddMark {
        start: 0,
        end: 2,
        note: String::new(),
    });
    assert!(marking.message.unwrap().contains("still being read"));
    let all = first.act(Action::from_reply(replies.next().unwrap()).unwrap());
    let Screen::Read(doc) = &all.screen else {
        panic!()
    };
    assert_eq!(doc.text, text);
    assert!(all.analysing.is_none());
    assert_eq!(all.marks[0].note, "末尾");
    assert!(
        doc.words.iter().any(|w| w.start == n - 20),
        "words are cut at the mark"
    );
}

#[test]
fn a_reply_for_an_older_text_is_ignored() {
    let state = page()
        .act(Action::Edit("第一篇文章。".into()))
        .act(Action::Read);
    let old = replies();
    let state = state.act(Action::Edit("第二篇。".into())).act(Action::Read);
    let newer = replies();
    let state = old
        .into_iter()
        .filter_map(Action::from_reply)
        .fold(state, |s, a| s.act(a));
    assert!(
        matches!(state.screen, Screen::Edit),
        "the first text's document is not shown"
    );
    let state = newer
        .into_iter()
        .filter_map(Action::from_reply)
        .fold(state, |s, a| s.act(a));
    let Screen::Read(doc) = &state.screen else {
        panic!()
    };
    assert_eq!(doc.text, "第二篇。");
}

#[test]
fn an_engine_that_stops_keeps_the_text_and_says_so() {
    let state = page()
        .act(Action::Edit("一篇文章。".into()))
        .act(Action::Read);
    let state = state.act(Action::EngineFailed("out of memory".into()));
    assert!(matches!(state.screen, Screen::Edit));
    assert_eq!(state.draft, "一篇文章。");
    let message = state.message.unwrap();
    assert!(
        message.contains("out of memory") && message.contains("press Read"),
        "{message}"
    );
    // Read again works.
    let state = AppState {
        message: None,
        ..state
    }
    .run(Action::Read);
    assert!(matches!(state.screen, Screen::Read(_)));
}

#[test]
fn the_name_model_arriving_reads_the_article_again_keeping_the_readers_marks() {
    let text = "昨天，王海涛在云溪镇会见了蓝湾动力公司的代表。";
    let state = page()
        .run(Action::Edit(text.into()))
        .run(Action::Read)
        .run(Action::AddMark {
            start: 0,
            end: 2,
            note: "when".into(),
        });
    let Screen::Read(before) = &state.screen else {
        panic!("not reading")
    };
    let names = |doc: &dudong::app::state::Doc| {
        doc.spans
            .iter()
            .filter(|s| s.kind == dudong::analysis::Kind::Person)
            .map(|s| doc.slice(s.start, s.end).to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        names(before).is_empty(),
        "the curated lists alone know no 王海涛"
    );
    ENGINE.with(|e| {
        e.borrow_mut()
            .set_ner_model(Some(dudong::analysis::ner::builtin().unwrap()))
    });
    // The models arrive before the reader has put all of the article in the
    // page: nothing is asked of the engine until it has.
    let before = asked();
    let waiting = state.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    assert_eq!(
        asked(),
        before,
        "read again before the first reading was shown"
    );
    assert!(waiting.read_again);
    let reading = waiting.reading;
    let again = waiting.run(Action::Shown(reading));
    assert!(!again.read_again);
    assert_ne!(again.reading, reading, "the article was read again");
    let Some(Request::Analyze { whole, .. }) = last_request() else {
        panic!("no new analysis asked for")
    };
    assert!(
        whole,
        "the text on screen is read in one go, without a first part"
    );
    let Screen::Read(after) = &again.screen else {
        panic!("not reading")
    };
    assert_eq!(after.text, text);
    assert_eq!(names(after), ["王海涛"]);
    assert_eq!(again.marks.len(), 1);
    assert_eq!((again.marks[0].start, again.marks[0].end), (0, 2));
}

#[test]
fn a_name_model_that_cannot_load_is_a_notice_not_a_loss() {
    let text = "昨天，王海涛在云溪镇会见了代表。";
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let after = state.run(Action::Models {
        names: Err("name model is damaged (checksum mismatch)".into()),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    assert!(matches!(after.screen, Screen::Read(_)));
    let message = after.message.as_deref().unwrap();
    assert!(message.contains("may be missed") && message.contains("damaged"));
}

#[test]
fn a_spin_table_that_cannot_load_is_a_notice_and_the_article_stays() {
    let text = "昨天，王海涛在云溪镇会见了代表。";
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let after = state.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Err("not a dudong spin context table (wrong magic bytes)".into()),
        dictionary: Ok(1),
    });
    let Screen::Read(doc) = &after.screen else {
        panic!("the article is no longer shown")
    };
    assert_eq!(doc.text, text);
    let message = after.message.as_deref().unwrap().to_lowercase();
    assert!(
        message.contains("spun words") && message.contains("wrong magic bytes"),
        "{message}"
    );
    // The rest arrived: the article is read again with it.
    assert!(after.read_again);
}

#[test]
fn a_full_dictionary_that_cannot_load_is_a_notice_and_the_rest_is_read_again() {
    let text = "昨天，王海涛在云溪镇会见了代表。";
    let state = page().run(Action::Edit(text.into())).run(Action::Read);
    let reading = state.reading;
    let after = state.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Err("the full dictionary could not be downloaded (HTTP 404)".into()),
    });
    assert!(matches!(after.screen, Screen::Read(_)));
    let message = after.message.as_deref().unwrap();
    assert!(
        message.contains("rare words") && message.contains("HTTP 404"),
        "{message}"
    );
    // The models that did arrive are used: the article is read again once
    // its reading is shown.
    assert!(after.read_again);
    let again = after.run(Action::Shown(reading));
    assert_ne!(again.reading, reading, "read again with the models");
    // Nothing arrived at all: a notice, and no reading again.
    let none = page()
        .run(Action::Edit(text.into()))
        .run(Action::Read)
        .run(Action::Models {
            names: Err("offline".into()),
            terms: Err("offline".into()),
            spins: Err("offline".into()),
            dictionary: Err("offline".into()),
        });
    assert!(!none.read_again);
    let message = none.message.as_deref().unwrap();
    assert!(message.contains("rare words") && message.contains("may be missed"));
}

/// The sample, read and shown, with the index of its first highlight and of a second
/// one elsewhere.
fn reading_sample() -> (AppState, usize, usize) {
    let state = page().run(Action::LoadSample);
    // All of it is in the page (the reader says so).
    let reading = state.reading;
    let state = state.run(Action::Shown(reading));
    let Screen::Read(doc) = &state.screen else {
        panic!("not reading")
    };
    let first = 0;
    let other = doc
        .spans
        .iter()
        .position(|s| s.start >= doc.spans[first].end)
        .expect("a second highlight");
    (state, first, other)
}

#[test]
fn hovering_opens_an_unpinned_card_that_closes_and_adds_nothing_to_the_study_list() {
    use dudong::app::state::OpenCard;
    let (state, first, _) = reading_sample();
    let hovered = state.run(Action::HoverCard(OpenCard::span(first)));
    assert_eq!(hovered.card, Some(OpenCard::span(first)));
    assert!(!hovered.is_pinned());
    assert!(
        hovered.study.is_empty(),
        "hovering never adds to the study list"
    );
    let left = hovered.run(Action::HoverEnd);
    assert_eq!(left.card, None, "leaving word and card closes a hover card");
    assert!(left.study.is_empty());
}

#[test]
fn a_hover_names_its_stretch_and_opens_the_card_there_after_the_text_is_read_again() {
    use dudong::app::state::CardTarget;
    let (state, first, _) = reading_sample();
    let Screen::Read(doc) = &state.screen else {
        panic!()
    };
    let (start, end) = (doc.spans[first].start, doc.spans[first].end);
    assert_eq!(state.range_of(&CardTarget::Span(first)), Some((start, end)));
    // The name model arrives and the text is read again: the highlight's
    // index may change, its stretch does not.
    let again = state.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    let Screen::Read(doc2) = again.screen.clone() else {
        panic!()
    };
    let hovered = again.run(Action::HoverAt { start, end });
    let Some(card) = &hovered.card else {
        panic!("a card opened")
    };
    assert!(
        matches!(card.target, CardTarget::Span(i) if doc2.spans[i].start == start && doc2.spans[i].end == end)
    );
    assert!(!hovered.is_pinned() && hovered.study.is_empty());
    // A stretch that is no word or highlight opens nothing.
    let past = doc2.chars.len() + 10;
    let nothing = hovered.run(Action::CloseCard).run(Action::HoverAt {
        start: past,
        end: past,
    });
    assert_eq!(nothing.card, None);
}

#[test]
fn a_click_pins_the_card_and_adds_it_and_a_second_click_closes_it() {
    use dudong::app::state::OpenCard;
    let (state, first, other) = reading_sample();
    // A click on a word whose hover card is open pins that card.
    let pinned = state
        .run(Action::HoverCard(OpenCard::span(first)))
        .run(Action::ClickCard(OpenCard::span(first)));
    assert!(pinned.is_pinned());
    assert_eq!(pinned.study.len(), 1, "a pinned card joins the study list");
    // A pinned card stays when the pointer leaves, and hovering elsewhere
    // does not replace it.
    let stays = pinned
        .run(Action::HoverEnd)
        .run(Action::HoverCard(OpenCard::span(other)));
    assert_eq!(stays.card, Some(OpenCard::span(first)));
    assert!(stays.is_pinned());
    let closed = stays.run(Action::ClickCard(OpenCard::span(first)));
    assert_eq!(closed.card, None, "a second click closes a pinned card");
    assert_eq!(closed.study.len(), 1, "closing keeps it on the study list");
    // Once closed, hovering opens cards again.
    let again = closed.run(Action::HoverCard(OpenCard::span(other)));
    assert_eq!(again.card, Some(OpenCard::span(other)));
    assert!(!again.is_pinned());
}

#[test]
fn plus_anki_adds_a_hovered_card_and_pressing_again_takes_it_off() {
    use dudong::app::state::{CardTarget, OpenCard};
    let (state, first, _) = reading_sample();
    let hovered = state.run(Action::HoverCard(OpenCard::span(first)));
    let added = hovered.run(Action::ToggleStudy(CardTarget::Span(first)));
    assert_eq!(added.study, vec![CardTarget::Span(first)]);
    assert!(!added.is_pinned(), "adding does not pin");
    let removed = added.run(Action::ToggleStudy(CardTarget::Span(first)));
    assert!(removed.study.is_empty());
}

#[test]
fn read_as_original_toggles_and_a_new_text_starts_as_pasted() {
    let spun = include_str!("fixtures/spun.txt");
    let state = page().run(Action::Edit(spun.into())).run(Action::Read);
    assert!(!state.as_original);
    let original = state.run(Action::ToggleOriginal);
    assert!(original.as_original);
    assert!(
        !original.clone().run(Action::ToggleOriginal).as_original,
        "toggling back shows the text as pasted"
    );
    // The name model arriving reads the same text again: the view stays.
    let again = original.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    assert!(again.as_original);
    let other = again
        .run(Action::Edit("另一篇文章。".into()))
        .run(Action::Read);
    assert!(!other.as_original, "a new text is shown as pasted");
}

#[test]
fn reading_again_keeps_what_is_open_and_listed_when_it_arrives_renumbered() {
    use dudong::app::state::{CardTarget, OpenCard};
    let (state, first, other) = reading_sample();
    let Screen::Read(doc) = state.screen.clone() else {
        panic!()
    };
    let range = |d: &dudong::analysis::Document, i: usize| (d.spans[i].start, d.spans[i].end);
    // A hover card that closes while the text is being read again stays closed.
    let asked = state
        .run(Action::HoverCard(OpenCard::span(other)))
        .act(Action::Models {
            names: Ok(1),
            terms: Ok(1),
            spins: Ok(1),
            dictionary: Ok(1),
        });
    let closed = asked
        .act(Action::HoverEnd)
        .run(Action::Notice("read again".into()));
    assert_eq!(closed.card, None, "a closed hover card does not come back");
    // A pinned card and the study list follow their stretches into the new reading.
    let pinned = closed.run(Action::ClickCard(OpenCard::span(first)));
    let again = pinned.run(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    let Screen::Read(doc2) = again.screen.clone() else {
        panic!()
    };
    assert!(again.is_pinned());
    let Some(CardTarget::Span(j)) = again.card.as_ref().map(|c| c.target.clone()) else {
        panic!("the pinned card is still open")
    };
    assert_eq!(range(&doc2, j), range(&doc, first));
    assert_eq!(again.study, vec![CardTarget::Span(j)]);
}

#[test]
fn a_mark_made_while_the_text_is_read_again_is_kept() {
    let (state, _, _) = reading_sample();
    // The name model arrives: the same text is being read again.
    let asked = state.act(Action::Models {
        names: Ok(1),
        terms: Ok(1),
        spins: Ok(1),
        dictionary: Ok(1),
    });
    assert!(asked.analysing.is_some());
    let marked = asked.act(Action::AddMark {
        start: 0,
        end: 2,
        note: "合肥".into(),
    });
    assert_eq!(marked.marks.len(), 1, "{:?}", marked.message);
    let done = marked.run(Action::Notice("read again".into()));
    assert!(done.analysing.is_none());
    assert_eq!(done.marks.len(), 1, "the mark survives the new reading");
    assert_eq!(done.marks[0].note, "合肥");
    // A new text being read still refuses marks on the old one, with a message.
    let other = done.act(Action::Edit("另一篇。".into())).act(Action::Read);
    let refused = AppState {
        screen: done.screen.clone(),
        ..other
    }
    .act(Action::AddMark {
        start: 0,
        end: 2,
        note: String::new(),
    });
    assert!(refused
        .message
        .as_deref()
        .unwrap_or("")
        .contains("still being read"));
}

#[test]
fn pinyin_and_zhuyin_are_one_reading_at_a_time() {
    let shown = |s: &AppState| (s.pinyin, s.zhuyin);
    let zhuyin = page().run(Action::ToggleZhuyin);
    assert_eq!(shown(&zhuyin), (true, true), "zhuyin at once, from nothing");
    let pinyin = zhuyin.run(Action::TogglePinyin);
    assert_eq!(shown(&pinyin), (true, false), "pinyin replaces zhuyin");
    let none = pinyin.run(Action::TogglePinyin);
    assert!(!none.pinyin, "the shown script's button hides the reading");
    let back = none.run(Action::ToggleZhuyin).run(Action::ToggleZhuyin);
    assert!(!back.pinyin, "and so does zhuyin's");
}

#[test]
fn what_is_kept_in_the_browser_is_asked_for_never_written_by_the_reducer() {
    use dudong::app::storage::{StorageError, DRAFT_KEY, GLOSSARY_KEY, READING_KEY};
    let (typed, effects) = page().apply(Action::Edit("草稿".into()));
    assert_eq!(effects, vec![Effect::SaveDraftSoon("草稿".into())]);
    // A refusal reaches the reader; the text stays.
    let refused = typed.act(Action::NotSaved {
        key: DRAFT_KEY,
        why: StorageError::FullOrBlocked,
    });
    assert_eq!(refused.draft, "草稿");
    assert_eq!(
        refused.message.as_deref(),
        Some("Your text is not saved in this browser: the browser's storage for this page is full or blocked.")
    );
    let marks = typed.act(Action::NotSaved {
        key: READING_KEY,
        why: StorageError::NoStorage,
    });
    assert!(marks
        .message
        .unwrap()
        .starts_with("Your marks are not saved"));
    // A glossary the reader chose to keep is saved once the engine read it.
    let glossary = "term,pinyin,english\n数据要素,shùjù yàosù,data as a factor\n";
    let importing = page().act(Action::ImportGlossary {
        name: "mine.csv".into(),
        text: glossary.into(),
        save: true,
    });
    let id = importing.pending_glossary.as_ref().unwrap().id;
    let (read, effects) = importing.apply(Action::GlossaryRead { id, result: Ok(1) });
    assert!(effects.contains(&Effect::Save {
        key: GLOSSARY_KEY,
        value: format!("mine.csv\n{glossary}"),
    }));
    let not_kept = read.act(Action::NotSaved {
        key: GLOSSARY_KEY,
        why: StorageError::FullOrBlocked,
    });
    assert_eq!(
        not_kept.glossary,
        Some(GlossaryStatus::Loaded(
            "Your glossary: 1 terms from mine.csv, over the built-in ones. It is not kept for next time: the browser's storage for this page is full or blocked."
                .into()
        ))
    );
    let (_, effects) = not_kept.apply(Action::ForgetGlossary);
    assert_eq!(effects.first(), Some(&Effect::Forget(GLOSSARY_KEY)));
}

#[test]
fn closing_a_card_gives_the_focus_back_to_its_word() {
    use dudong::app::state::{Anchor, OpenCard};
    let state = page().run(Action::LoadSample);
    let Screen::Read(doc) = &state.screen else {
        panic!()
    };
    let start = doc.words[3].start;
    let (opened, effects) = state.apply(Action::OpenCard(OpenCard::word(3, start)));
    assert_eq!(effects, vec![Effect::Reveal(Anchor::Word(start))]);
    let (closed, effects) = opened.apply(Action::CloseCard);
    assert!(closed.card.is_none());
    assert_eq!(effects, vec![Effect::Focus(Anchor::Word(start))]);
}
