//! The command-line tool on good and bad input: clear messages, never a panic.

use std::io::Write;
use std::process::{Command, Stdio};

fn dudong(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dudong"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn annotate_json_from_standard_input() {
    let text = "华为创始人任正非在深圳表示，研发投入超过1000亿元。";
    let (code, out, err) = dudong(&["annotate", "--json", "-"], text.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["chars"], text.chars().count());
    let chars: Vec<char> = text.chars().collect();
    for s in v["spans"].as_array().unwrap() {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            s["text"].as_str().unwrap(),
            chars[a..b].iter().collect::<String>()
        );
    }
    assert!(
        out.contains(r#""text":"任正非","kind":"person""#) || out.contains("任正非"),
        "{out}"
    );
}

#[test]
fn annotate_a_file_as_a_listing() {
    let dir = std::env::temp_dir().join(format!("dudong-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, "阿里巴巴在杭州。").unwrap();
    let (code, out, _) = dudong(&["annotate", file.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert!(
        out.lines().next().unwrap().contains("organisation"),
        "{out}"
    );
    assert!(out.contains("阿里巴巴") && out.contains("place"), "{out}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_input_gets_a_clear_message() {
    let (code, _, err) = dudong(&["annotate", "-"], b"  \n ");
    assert_eq!(code, 2);
    assert!(err.contains("holds no text"), "{err}");
    let (code, _, err) = dudong(
        &["annotate", "-"],
        &[0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
    let (code, _, err) = dudong(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("cannot open"), "{err}");
    let (code, _, err) = dudong(&["annotate", "-"], &vec![b'a'; 9 * 1024 * 1024]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than 8 MB"), "{err}");
    let (code, _, err) = dudong(&["frobnicate"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn five_megabytes_of_text_are_annotated() {
    let paragraph = "杭州的科技企业在2024年获得了超过100亿元的耐心资本。\n".repeat(70_000);
    assert!(paragraph.len() > 5_000_000);
    let (code, out, err) = dudong(&["annotate", "--json", "-"], paragraph.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"kind\":\"figure\""));
}

#[test]
fn segment_prints_one_word_per_line() {
    let (code, out, _) = dudong(&["segment", "-"], "杭州的DeepSeek".as_bytes());
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        vec!["杭州", "的", "DeepSeek"]
    );
}

#[test]
fn annotate_json_says_where_the_body_is_and_which_script() {
    let page = include_str!("../../../tests/fixtures/whole_page_traditional.txt");
    let (code, out, err) = dudong(&["annotate", "--json", "-"], page.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["script"], "traditional");
    let chars: Vec<char> = page.chars().collect();
    let (start, end) = (
        v["body"]["start"].as_u64().unwrap() as usize,
        v["body"]["end"].as_u64().unwrap() as usize,
    );
    let body: String = chars[start..end].iter().collect();
    assert!(
        body.starts_with("夜校走紅") && body.ends_with("（完）"),
        "{body}"
    );
    assert!(v["summary"]["outside_body"].as_u64().unwrap() > 0);
    // A plain article: the whole text is the body.
    let (_, out, _) = dudong(
        &["annotate", "--json", "-"],
        include_bytes!("../../../tests/fixtures/normal.txt"),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["script"].as_str(), v["body"].is_null()),
        (Some("simplified"), true)
    );
}

#[test]
fn the_cli_prints_each_word_with_its_reading() {
    let dir = std::env::temp_dir().join(format!("dudong-pinyin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("text.txt");
    std::fs::write(&text, "银行很重要。").unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/cedict-pinyin.tsv"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dudong"))
        .args(["pinyin", "--dict", fixture])
        .arg(&text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l == "银行\tyínháng"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "重要\tzhòngyào"), "{stdout}");
    // The coded form of the same entries reads the same.
    let coded = fixture.replace(".tsv", ".bin");
    let from_coded = std::process::Command::new(env!("CARGO_BIN_EXE_dudong"))
        .args(["pinyin", "--dict", &coded])
        .arg(&text)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(from_coded.stdout).unwrap(), stdout);
    // Without a dictionary: a message that says how to get one.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dudong"))
        .args(["pinyin", "--dict", "/nonexistent/cedict.tsv"])
        .arg(&text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("build-dictionary.py"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
