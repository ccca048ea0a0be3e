//! Rich paste's pre-pass (app::rich_text::defuse_html), natively.

use dudong::app::rich_text::defuse_html;

#[test]
fn handlers_and_style_elements_are_renamed() {
    assert_eq!(
        defuse_html(r#"<img src=x onerror=alert(1)>"#),
        r#"<img src=x x-onerror=alert(1)>"#
    );
    assert_eq!(
        defuse_html(r#"<P ONCLICK="go()" class=a>文</P>"#),
        r#"<P x-ONCLICK="go()" class=a>文</P>"#
    );
    assert_eq!(
        defuse_html("<svg/onload=alert(3)>"),
        "<svg/x-onload=alert(3)>"
    );
    assert_eq!(
        defuse_html("<style>p{}</style><STYLE media=x>a{}</STYLE >"),
        "<x-style>p{}</x-style><x-STYLE media=x>a{}</x-STYLE >"
    );
    // Newlines and tabs separate attributes too.
    assert_eq!(
        defuse_html("<a\nonmouseover=x\ttitle=y\tonfocus=z>"),
        "<a\nx-onmouseover=x\ttitle=y\tx-onfocus=z>"
    );
}

#[test]
fn text_quoted_values_and_comments_are_left_alone() {
    for untouched in [
        "普通的文字 on=1，style 和 &lt;style onclick=2&gt; 都是文字；一 < 二 onclick=3",
        r#"<p title="turn on=this > that" data-x='a onclick=b'>文</p>"#,
        "<!-- <img onerror=x> <style> --><p>文</p>",
        "<div>a<b>c</b></div>",
        "<!doctype html><html><head></head><body>正文</body></html>",
        "",
    ] {
        assert_eq!(defuse_html(untouched), untouched);
    }
    // A tag cut off at the end of the input is still a tag.
    assert_eq!(defuse_html("半截的 <p onclick"), "半截的 <p x-onclick");
}

#[test]
fn any_input_keeps_its_text_outside_tags() {
    // Characters outside ASCII and cut-off markup never panic or change.
    for s in [
        "<",
        "<a",
        "</",
        "</x",
        "<p '>文",
        "😀<b on",
        "<!--",
        "<a\"b>",
        "< 中 >",
    ] {
        let out = defuse_html(s);
        assert_eq!(out.replace("x-", ""), s, "{s:?} → {out:?}");
    }
}
