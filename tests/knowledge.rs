//! The curated data files load, are complete, and do not contradict each other.

use std::collections::{HashMap, HashSet};

use dudong::knowledge::{gazetteer, glossary, rules, spins};

#[test]
fn every_glossary_entry_is_complete() {
    let entries = glossary::builtin().expect("the built-in glossary parses");
    assert!(
        entries.len() >= 200,
        "only {} glossary entries",
        entries.len()
    );
    for e in &entries {
        assert!(
            !e.term.is_empty() && !e.pinyin.is_empty() && !e.en.is_empty(),
            "{e:?}"
        );
        assert!(
            !e.zh.is_empty() && !e.explain.is_empty() && !e.category.is_empty(),
            "{e:?}"
        );
        // Pinyin carries tone marks (or is a Latin acronym such as GDP).
        let has_tone = e
            .pinyin
            .chars()
            .any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c));
        let latin = e.term.chars().any(|c| c.is_ascii_alphanumeric());
        assert!(
            has_tone || latin,
            "no tone marks in the pinyin of {}: {}",
            e.term,
            e.pinyin
        );
    }
    for required in [
        "耐心资本",
        "竹林效应",
        "新质生产力",
        "杭州六小龙",
        "营商环境",
        "厚积薄发",
    ] {
        assert!(
            entries.iter().any(|e| e.term == required),
            "glossary lacks {required}"
        );
    }
}

#[test]
fn no_glossary_form_points_at_two_terms() {
    let entries = glossary::builtin().unwrap();
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for e in &entries {
        for form in std::iter::once(&e.term).chain(&e.aliases).chain(&e.spun) {
            if let Some(other) = owner.insert(form, &e.term) {
                assert_eq!(
                    other, e.term,
                    "{form} points at both {other} and {}",
                    e.term
                );
            }
        }
    }
    // Related terms lead somewhere.
    let known: HashSet<&str> = owner.keys().copied().collect();
    let dangling: Vec<String> = entries
        .iter()
        .flat_map(|e| {
            e.related
                .iter()
                .filter(|r| !known.contains(r.as_str()))
                .map(move |r| format!("{} → {r}", e.term))
        })
        .collect();
    assert!(
        dangling.len() * 10 <= entries.len(),
        "too many related terms lead nowhere: {dangling:?}"
    );
}

#[test]
fn a_bad_glossary_file_names_the_line_and_field() {
    let text = "[[term]]\nterm = \"甲\"\npinyin = \"jiǎ\"\nen = \"a\"\ncategory = \"x\"\nzh = \"说明\"\nexplain = \"\"\n";
    let err = glossary::parse_toml("mine.toml", text).unwrap_err();
    assert_eq!((err.line, err.field.as_str()), (1, "explain"), "{err}");
    let err =
        glossary::parse_toml("mine.toml", "[[term]]\nterm = \"甲\"\npinyin = 3\n").unwrap_err();
    assert_eq!(err.line, 3, "{err}");
}

#[test]
fn the_gazetteer_is_general_and_consistent() {
    let entries = gazetteer::builtin().expect("the gazetteer parses");
    assert!(
        entries.len() >= 300,
        "only {} gazetteer entries",
        entries.len()
    );
    let mut seen = HashSet::new();
    for e in &entries {
        for form in std::iter::once(&e.name).chain(&e.short_forms) {
            assert!(seen.insert(form.clone()), "{form} is listed twice");
            let han = form.chars().filter(|c| !c.is_ascii()).count();
            assert!(
                han != 1 || form.chars().count() > 1,
                "one-character form {form} would match everywhere"
            );
        }
    }
    let err = gazetteer::parse("g.tsv", "# c\n杭州\tcity\t-\tHangzhou\n").unwrap_err();
    assert_eq!((err.line, err.field.as_str()), (2, "kind"));
}

#[test]
fn the_spin_table_is_general_and_consistent() {
    let rules = spins::builtin().expect("the spin table parses");
    assert!(rules.len() >= 200, "only {} spin pairs", rules.len());
    let mut seen = HashSet::new();
    for r in &rules {
        assert!(
            seen.insert(r.surface.clone()),
            "{} is listed twice",
            r.surface
        );
        assert_ne!(r.surface, r.original);
    }
    let err = spins::parse("s.tsv", "乐成\t成功\tmaybe\t-\tsuccess\n").unwrap_err();
    assert_eq!(err.field, "tier");
    let err = spins::parse("s.tsv", "都会\t城市\tweak\t都会有\tcity\n").unwrap_err();
    assert_eq!(err.field, "genuine_contexts");
}

#[test]
fn the_entity_rules_load() {
    let r = rules::builtin().expect("rules.toml parses");
    assert!(r.surnames.chars().count() > 200);
    assert!(r.person_cues_before.iter().any(|c| c == "创始人"));
}

const MINE_CSV: &str = "term,pinyin,en,category,zh,explain,aliases,spun,related\n\
数据要素,shùjù yàosù,data as a factor of production,economy,把数据当作和土地、资本一样的生产要素。,Treating data as a factor of production like land or capital.,数据资源化|数据要素化,数据因素,数字经济\n";

#[test]
fn a_readers_glossary_in_csv_json_or_toml() {
    let csv = glossary::parse_any("mine.csv", MINE_CSV).expect("csv parses");
    assert_eq!(csv.len(), 1);
    assert_eq!(csv[0].aliases, vec!["数据资源化", "数据要素化"]);
    assert_eq!(csv[0].related, vec!["数字经济"]);
    let json = r#"[{"term":"数据要素","pinyin":"shùjù yàosù","en":"data","category":"economy","zh":"说明","explain":"text","aliases":[],"spun":["数据因素"],"related":[]}]"#;
    assert_eq!(
        glossary::parse_any("mine.json", json).unwrap()[0].spun,
        vec!["数据因素"]
    );
    let toml = "[[term]]\nterm = \"数据要素\"\npinyin = \"shùjù yàosù\"\nen = \"data\"\ncategory = \"economy\"\nzh = \"说明\"\nexplain = \"text\"\n";
    assert_eq!(
        glossary::parse_any("mine.toml", toml).unwrap()[0].term,
        "数据要素"
    );
}

#[test]
fn a_bad_readers_glossary_names_line_and_field() {
    // CSV: the second data row (line 3) has an empty explanation.
    let bad = format!("{MINE_CSV}算力网,suànlì wǎng,compute network,tech,说明,,,,\n");
    let err = glossary::parse_any("mine.csv", &bad).unwrap_err();
    assert_eq!((err.line, err.field.as_str()), (3, "explain"), "{err}");
    assert!(
        err.to_string()
            .contains("mine.csv, line 3, field `explain`"),
        "{err}"
    );
    // CSV without a required column.
    let err = glossary::parse_any("mine.csv", "term,pinyin\n甲,jiǎ\n").unwrap_err();
    assert_eq!(err.field, "en");
    // JSON missing a field.
    let err = glossary::parse_any(
        "mine.json",
        "[\n{\"term\": \"甲\",\n \"pinyin\": \"jiǎ\"}\n]",
    )
    .unwrap_err();
    assert_eq!(err.field, "en", "{err}");
    assert!(err.line >= 2, "{err}");
    // Not a glossary at all.
    assert!(glossary::parse_any("mine.toml", "\u{0}\u{1}binary").is_err());
}

#[test]
fn a_readers_entry_replaces_the_builtin_one() {
    let builtin = glossary::builtin().unwrap();
    let mut mine = glossary::parse_any("mine.csv", MINE_CSV).unwrap();
    mine[0].term = "耐心资本".into();
    let merged = glossary::merge(builtin.clone(), &mine);
    assert_eq!(merged.len(), builtin.len());
    assert_eq!(
        merged.iter().find(|e| e.term == "耐心资本").unwrap().en,
        "data as a factor of production"
    );
}
