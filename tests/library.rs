//! The library's pure half (app::library) and the text-size steps
//! (app::comfort), natively.

use dudong::app::comfort;
use dudong::app::library::{self, Article, Entry};
use dudong::share::{Mark, SharedState, View};

fn shared(text: &str, marks: Vec<Mark>) -> SharedState {
    SharedState {
        text: text.into(),
        marks,
        view: View::default(),
    }
}

fn mark(start: usize, end: usize, note: &str) -> Mark {
    Mark {
        start,
        end,
        note: note.into(),
    }
}

#[test]
fn the_same_text_is_the_same_article_and_any_change_is_another() {
    let a = library::article_id("合肥的耐心资本");
    assert_eq!(a, library::article_id("合肥的耐心资本"));
    assert!(a.ends_with("-7"), "{a}");
    assert_ne!(a, library::article_id("合肥的耐心资本。"));
    assert_ne!(a, library::article_id("合肥的耐心资夲"));
    assert_ne!(library::article_id(""), library::article_id(" "));
}

#[test]
fn a_title_is_the_first_line_or_its_first_sentence() {
    assert_eq!(
        library::title_of("\n\n  # 合肥的“耐心资本”\n正文……"),
        "合肥的“耐心资本”"
    );
    let long = "国家统计局今天发布了十一月的数据。全市战略性新兴产业产值同比增长百分之十二点五，占规模以上工业的比重超过一半，这里还常被人称作最大的县城。";
    assert_eq!(
        library::title_of(long),
        "国家统计局今天发布了十一月的数据。"
    );
    let no_stop: String = "长".repeat(60);
    let title = library::title_of(&no_stop);
    assert_eq!(title.chars().count(), 41);
    assert!(title.ends_with('…'));
    assert_eq!(library::title_of("  \n\t\n"), "Untitled");
    assert_eq!(library::title_of("控制\u{7}字符"), "控制 字符");
}

#[test]
fn a_typed_title_is_tidied_and_an_empty_one_refused() {
    assert_eq!(
        library::clean_title("  我的\n  标题 \t ").unwrap(),
        "我的 标题"
    );
    assert!(library::clean_title(" \n ")
        .unwrap_err()
        .contains("old title is kept"));
    assert_eq!(
        library::clean_title(&"字".repeat(500))
            .unwrap()
            .chars()
            .count(),
        library::MAX_TITLE_CHARS
    );
}

#[test]
fn reading_again_keeps_the_title_and_first_date_and_takes_the_new_marks() {
    let first = library::entry_for(&shared("第一段。\n第二段。", vec![]), 1000.0, None);
    assert_eq!(
        (first.title.as_str(), first.added, first.read, first.chars),
        ("第一段。", 1000.0, 1000.0, 9)
    );
    let renamed = Entry {
        title: "我的标题".into(),
        ..first.clone()
    };
    let later = shared("第一段。\n第二段。", vec![mark(0, 3, "看")]);
    assert!(!library::unchanged(&later, &renamed));
    let again = library::entry_for(&later, 5000.0, Some(&renamed));
    assert_eq!(
        (again.title.as_str(), again.added, again.read),
        ("我的标题", 1000.0, 5000.0)
    );
    assert_eq!(again.marks, vec![mark(0, 3, "看")]);
    assert!(library::unchanged(&later, &again));
    // An entry for another text is not reused.
    let other = library::entry_for(&shared("别的文章", vec![]), 6000.0, Some(&again));
    assert_eq!((other.title.as_str(), other.added), ("别的文章", 6000.0));
    // Reopening gives back the text, marks and view.
    let reopened = library::to_shared(&again, "第一段。\n第二段。".into());
    assert_eq!(reopened, later);
}

#[test]
fn the_list_shows_the_latest_read_first_with_local_dates() {
    let e = |title: &str, read: f64| Entry {
        read,
        title: title.into(),
        ..library::entry_for(&shared(title, vec![]), 0.0, None)
    };
    let list = library::sorted(vec![e("甲", 1.0), e("乙", 3.0), e("丙", 2.0)]);
    assert_eq!(
        list.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(),
        ["乙", "丙", "甲"]
    );
    // 2026-11-27 23:30 UTC is already the 28th in Beijing (UTC+8).
    let ms = 1_795_822_200_000.0;
    assert_eq!(library::date_label(ms, 0), "2026-11-27");
    assert_eq!(library::date_label(ms, 480), "2026-11-28");
    assert_eq!(library::date_label(0.0, 0), "1970-01-01");
    assert_eq!(library::date_label(951_825_600_000.0, 0), "2000-02-29");
    let entry = Entry {
        marks: vec![mark(0, 1, ""), mark(1, 2, "")],
        chars: 3806,
        read: ms,
        ..e("x", 0.0)
    };
    assert_eq!(
        library::describe(&entry, 0),
        "2026-11-27 · 3,806 characters · 2 marks"
    );
}

fn sample_articles() -> Vec<Article> {
    let one = library::entry_for(
        &shared("第一篇文章。", vec![mark(0, 3, "note \"quoted\" <b>")]),
        1000.0,
        None,
    );
    let two = library::entry_for(
        &SharedState {
            view: View {
                hidden_kinds: vec!["place".into()],
                pinyin: true,
                open_card: None,
            },
            ..shared("第二篇\n文章", vec![])
        },
        2000.0,
        None,
    );
    vec![
        Article {
            entry: Entry {
                title: "改过的标题".into(),
                ..one
            },
            text: "第一篇文章。".into(),
        },
        Article {
            entry: two,
            text: "第二篇\n文章".into(),
        },
    ]
}

#[test]
fn export_then_import_gives_back_every_article() {
    let articles = sample_articles();
    let json = library::export_json(&articles, 9000.0);
    let back =
        library::parse_export("library.json", &json, 0.0).expect("its own export reads back");
    assert_eq!(back, articles);
    // A byte-order mark (some editors add one) is no obstacle.
    assert_eq!(
        library::parse_export("library.json", &format!("\u{feff}{json}"), 0.0).unwrap(),
        articles
    );
}

#[test]
fn a_bad_library_file_is_named_with_what_is_wrong() {
    let good: serde_json::Value =
        serde_json::from_str(&library::export_json(&sample_articles(), 0.0)).unwrap();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        edit(&mut v);
        library::parse_export("lib.json", &v.to_string(), 0.0).unwrap_err()
    };
    let cases: Vec<(String, &str)> = vec![
        (
            library::parse_export("lib.json", "{\"format\": ", 0.0).unwrap_err(),
            "lib.json is not a JSON file (EOF while parsing",
        ),
        (
            library::parse_export("lib.json", "[1, 2]", 0.0).unwrap_err(),
            "not a dudong library",
        ),
        (
            library::parse_export("notes.json", "{\"terms\": []}", 0.0).unwrap_err(),
            "notes.json is not a dudong library: it has no \"format\"",
        ),
        (
            with(&|v| v["version"] = 2.into()),
            "newer dudong (library format 2)",
        ),
        (
            with(&|v| v["version"] = "1".into()),
            "\"version\" is missing or not a whole number",
        ),
        (
            with(&|v| v["articles"] = serde_json::json!({})),
            "\"articles\" is missing or not a list",
        ),
        (
            with(&|v| {
                v["articles"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("text")
                    .map(|_| ())
                    .unwrap()
            }),
            "lib.json: article 2: \"text\" is missing",
        ),
        (
            with(&|v| v["articles"][0]["text"] = 7.into()),
            "article 1: \"text\" is not a string",
        ),
        (
            with(&|v| v["articles"][0]["text"] = " \n".into()),
            "article 1: \"text\" is empty",
        ),
        (
            with(&|v| v["articles"][0]["text"] = "长".repeat(300_001).into()),
            "article 1: \"text\" has 300,001 characters; dudong reads up to 300,000",
        ),
        (
            with(&|v| v["articles"][0]["marks"][0]["end"] = 99.into()),
            "article 1: mark 1: it ends at 99, after the text's 6 characters",
        ),
        (
            with(&|v| v["articles"][0]["marks"][0]["start"] = 3.into()),
            "article 1: mark 1: it starts at 3 and ends at 3",
        ),
        (
            with(&|v| v["articles"][0]["marks"][0]["start"] = (-1).into()),
            "mark 1: \"start\" is missing or not a whole number",
        ),
        (
            with(&|v| v["articles"][0]["marks"][0]["note"] = 5.into()),
            "mark 1: \"note\" is not a string",
        ),
        (
            with(&|v| v["articles"][0]["marks"] = "none".into()),
            "article 1: \"marks\" is not a list",
        ),
        (
            with(&|v| v["articles"][1]["added"] = "yesterday".into()),
            "article 2: \"added\" is not a time in milliseconds",
        ),
        (
            with(&|v| v["articles"][1]["pinyin"] = "yes".into()),
            "article 2: \"pinyin\" is not true or false",
        ),
        (
            with(&|v| v["articles"][1]["hidden"] = serde_json::json!([1])),
            "article 2: \"hidden\" holds something",
        ),
        (
            with(&|v| v["articles"][0]["title"] = 3.into()),
            "article 1: \"title\" is not a string",
        ),
        (
            with(&|v| v["articles"][0] = 3.into()),
            "article 1: not an object",
        ),
    ];
    for (error, expected) in cases {
        assert!(
            error.contains(expected),
            "{error:?} should contain {expected:?}"
        );
    }
    // Missing optional fields take sensible values.
    let minimal = r#"{"format":"dudong-library","version":1,"articles":[{"text":"只有正文。"}]}"#;
    let read = library::parse_export("min.json", minimal, 42.0).unwrap();
    assert_eq!(
        (
            read[0].entry.title.as_str(),
            read[0].entry.added,
            read[0].entry.marks.len()
        ),
        ("只有正文。", 42.0, 0)
    );
}

#[test]
fn importing_adds_new_articles_and_missing_marks_and_loses_nothing() {
    let kept = sample_articles();
    let existing: Vec<Entry> = kept.iter().map(|a| a.entry.clone()).collect();
    // The file: the first article with one more mark and another title, the
    // second unchanged, a new one, and the new one again with a mark.
    let mut first = kept[0].clone();
    first.entry.title = "别的标题".into();
    first.entry.marks.push(mark(3, 5, ""));
    let new = library::entry_for(&shared("第三篇。", vec![]), 3000.0, None);
    let new_marked = Entry {
        marks: vec![mark(0, 2, "")],
        ..new.clone()
    };
    let incoming = vec![
        first,
        kept[1].clone(),
        Article {
            entry: new.clone(),
            text: "第三篇。".into(),
        },
        Article {
            entry: new_marked,
            text: "第三篇。".into(),
        },
    ];
    let plan = library::plan_import(&existing, incoming);
    assert_eq!((plan.added, plan.updated, plan.unchanged), (1, 1, 1));
    assert_eq!(plan.writes.len(), 2);
    let (updated, text) = &plan.writes[0];
    assert_eq!(updated.title, "改过的标题", "the reader's own title stays");
    assert_eq!(
        updated.marks,
        vec![mark(0, 3, "note \"quoted\" <b>"), mark(3, 5, "")]
    );
    assert!(text.is_none(), "a kept text is not written again");
    let (added, text) = &plan.writes[1];
    assert_eq!(text.as_deref(), Some("第三篇。"));
    assert_eq!(
        added.marks,
        vec![mark(0, 2, "")],
        "a second copy in the same file adds its marks"
    );
    assert_eq!(
        plan.summary("lib.json"),
        "Imported lib.json: 3 articles (1 new, 1 with marks added, 1 already here)."
    );
}

#[test]
fn storage_errors_say_that_nothing_else_changed() {
    let full = library::not_kept_message("合肥", &library::StoreError::Full);
    assert!(
        full.contains("Your library is full: “合肥” is not kept")
            && full.contains("Nothing else changed"),
        "{full}"
    );
    let other = library::not_kept_message("合肥", &library::StoreError::Unavailable);
    assert!(other.contains("private browsing"), "{other}");
}

#[test]
fn the_text_size_steps_within_its_range_and_survives_odd_stored_values() {
    assert_eq!(comfort::parse_scale(None), 1.0);
    assert_eq!(comfort::parse_scale(Some("1.3")), 1.3);
    assert_eq!(comfort::parse_scale(Some("7")), 1.0, "not one of the sizes");
    assert_eq!(comfort::parse_scale(Some("NaN")), 1.0);
    assert_eq!(comfort::step_scale(1.0, 1), 1.15);
    assert_eq!(comfort::step_scale(1.0, -1), 0.85);
    assert_eq!(comfort::step_scale(0.85, -1), 0.85);
    assert_eq!(comfort::step_scale(2.5, 1), 2.5);
    assert_eq!(comfort::percent(1.15), "115%");
}
