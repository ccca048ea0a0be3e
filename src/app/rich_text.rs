//! Rich content (pasted HTML, opened .html files) is parsed by the browser
//! inertly, but parsing alone makes the page's Content-Security-Policy report
//! every inline event handler and `<style>` element it meets (a pasted Word
//! document has large style blocks). [`defuse_html`] renames those in the
//! markup first, so that the browser has nothing to report; the text between
//! the tags is never touched.

/// `on…=` attributes become `x-on…=`, `<style>` becomes `<x-style>` (which
/// the caller drops with scripts); comments and everything outside tags are
/// copied as they are.
pub fn defuse_html(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 16);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = html[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |end| i + 4 + end + 3);
            continue;
        }
        let opens_tag = bytes[i] == b'<'
            && match bytes.get(i + 1) {
                Some(b'/') => bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic(),
                None => false,
            };
        if !opens_tag {
            i += 1;
            continue;
        }
        let end = tag_end(bytes, i);
        out.push_str(&html[copied..i]);
        out.push_str(&rewrite_tag(&html[i..end]));
        copied = end;
        i = end;
    }
    out.push_str(&html[copied..]);
    out
}

/// Where the tag starting at `start` ends (after its `>`, or at the end of
/// the input), skipping `>` inside quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (j, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn rewrite_tag(tag: &str) -> String {
    let bytes = tag.as_bytes();
    let name_start = if bytes.get(1) == Some(&b'/') { 2 } else { 1 };
    let name_end = bytes[name_start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
        .map_or(bytes.len(), |n| name_start + n);
    let mut out = String::with_capacity(tag.len() + 8);
    out.push_str(&tag[..name_start]);
    if tag[name_start..name_end].eq_ignore_ascii_case("style") {
        out.push_str("x-");
    }
    out.push_str(&tag[name_start..name_end]);
    // Attributes: a name starting with "on" after a space or "/" gets "x-".
    let mut quote = None;
    let mut copied = name_end;
    for j in name_end..bytes.len() {
        let b = bytes[j];
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, _)
                if (b.is_ascii_whitespace() || b == b'/')
                    && bytes
                        .get(j + 1)
                        .is_some_and(|c| c.eq_ignore_ascii_case(&b'o'))
                    && bytes
                        .get(j + 2)
                        .is_some_and(|c| c.eq_ignore_ascii_case(&b'n')) =>
            {
                out.push_str(&tag[copied..=j]);
                out.push_str("x-");
                copied = j + 1;
            }
            _ => {}
        }
    }
    out.push_str(&tag[copied..]);
    out
}
