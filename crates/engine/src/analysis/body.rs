//! The article body of a whole pasted web page: navigation above it, related
//! links, comments, ads and a footer below. Found from the page's structure
//! alone, line by line:
//!
//! 1. Each line is classed: page chrome (a marker from `page.toml` such as
//!    相关阅读 or 责任编辑 at its start), a terminator (-END-, （完）), a byline
//!    or date line, a menu (a row of short items, mostly menu words, or a
//!    bulleted link), prose (sentence punctuation) or a short line.
//! 2. Prose scores its length less a toll (smaller for a line that ends a
//!    sentence), everything else scores below zero; the body's core is the run of lines with the highest total
//!    that crosses no chrome line (the maximum-subarray idea of body-text
//!    extraction). Long paragraphs pay for the short headings and captions
//!    between them; the short items of menus and link lists never pay.
//! 3. The core grows upward over bylines (and a toolbar below a byline) to
//!    the nearest headline-like line, and downward to a terminator close
//!    below it or over the short closing sentences of the article.
//!
//! The result is a char range from the start of the first body line to the
//! end of the last; `None` when that is the whole text.

use std::collections::HashSet;

use crate::knowledge::page::PageRules;

/// What a prose line must beat, in chars, to count for the body: more than
/// a headline or a link title, less than a paragraph.
const TOLL: i64 = 25;
/// A line that ends a sentence (。！？) is prose even when short, as in
/// articles written one sentence a line; link titles and menus do not end so.
const SENTENCE_TOLL: i64 = 6;
/// A core weaker than this is no body at all (a list of links, a few words).
const MIN_CORE: i64 = 2 * TOLL;
/// Lines searched above the core for its headline, below it for a terminator.
const HEAD_WINDOW: usize = 5;
const TAIL_WINDOW: usize = 10;
/// A toolbar or share bar inside an article's head is at most this long (chars).
const BAR_LEN: usize = 40;
/// A headline is this long (chars).
const HEADLINE_LEN: std::ops::RangeInclusive<usize> = 6..=80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Chrome,
    Terminator,
    Byline,
    Menu,
    Prose,
    Short,
}

#[derive(Debug, Clone)]
struct Line {
    /// Char offsets of the line without its surrounding whitespace.
    start: usize,
    end: usize,
    /// Chars that are not whitespace.
    len: usize,
    class: Class,
    /// Ends with a full stop, a question or exclamation mark, a closing quote or bracket.
    closes: bool,
}

impl Line {
    fn score(&self) -> i64 {
        match self.class {
            Class::Prose if self.closes => self.len as i64 - SENTENCE_TOLL,
            Class::Prose => self.len as i64 - TOLL,
            Class::Menu => -2 * TOLL,
            Class::Byline => -TOLL / 2,
            Class::Chrome | Class::Terminator | Class::Short => -TOLL,
        }
    }
}

pub struct BodyFinder {
    rules: PageRules,
    menu_words: HashSet<String>,
}

impl BodyFinder {
    pub fn new(rules: PageRules) -> BodyFinder {
        let menu_words = rules.menu_words.iter().map(|w| w.to_uppercase()).collect();
        let mut rules = rules;
        for list in [
            &mut rules.chrome_markers,
            &mut rules.chrome_anywhere,
            &mut rules.byline_markers,
            &mut rules.terminators,
        ] {
            for w in list.iter_mut() {
                *w = w.to_uppercase();
            }
        }
        BodyFinder { rules, menu_words }
    }

    /// The body's char range in `chars`, or `None` when the whole text is the body.
    pub fn find(&self, chars: &[char]) -> Option<(usize, usize)> {
        let lines = self.lines(chars);
        if lines.len() < 3 {
            return None;
        }
        let (first, last) = core(&lines)?;
        let first = self.grow_up(&lines, first);
        let last = grow_down(&lines, last);
        if first == 0 && last == lines.len() - 1 {
            return None;
        }
        Some((lines[first].start, lines[last].end))
    }

    fn lines(&self, chars: &[char]) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut start = 0;
        for i in 0..=chars.len() {
            if i < chars.len() && chars[i] != '\n' {
                continue;
            }
            let line = &chars[start..i];
            let lead = line.iter().take_while(|c| c.is_whitespace()).count();
            let trail = line[lead..]
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
            let content = &line[lead..line.len() - trail];
            if !content.is_empty() {
                lines.push(Line {
                    start: start + lead,
                    end: i - trail,
                    len: content.iter().filter(|c| !c.is_whitespace()).count(),
                    class: self.class(content),
                    closes: content.last().is_some_and(|c| CLOSING.contains(*c)),
                });
            }
            start = i + 1;
        }
        lines
    }

    fn class(&self, content: &[char]) -> Class {
        let text: String = content.iter().collect::<String>().to_uppercase();
        let len = content.iter().filter(|c| !c.is_whitespace()).count();
        let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        if self.rules.terminators.contains(&letters) {
            return Class::Terminator;
        }
        let bare = text.trim_start_matches(|c: char| c.is_whitespace() || DECORATION.contains(c));
        if len <= self.rules.max_marker_line
            && self
                .rules
                .chrome_markers
                .iter()
                .any(|m| bare.starts_with(m.as_str()))
        {
            return Class::Chrome;
        }
        if len <= self.rules.max_anywhere_line
            && self
                .rules
                .chrome_anywhere
                .iter()
                .any(|m| text.contains(m.as_str()))
        {
            return Class::Chrome;
        }
        let punctuation = sentence_punctuation(content);
        // A byline has no sentence in it: 作者认为，… is prose.
        if len <= self.rules.max_marker_line
            && punctuation == 0
            && (self
                .rules
                .byline_markers
                .iter()
                .any(|m| bare.starts_with(m.as_str()))
                || has_date(content))
        {
            return Class::Byline;
        }
        if punctuation == 0 && self.is_menu(&text, len) {
            return Class::Menu;
        }
        if punctuation > 0 {
            Class::Prose
        } else {
            Class::Short
        }
    }

    /// A row of short items, most of them menu words, or a breadcrumb, or a bulleted link.
    fn is_menu(&self, text: &str, len: usize) -> bool {
        let first = text.trim_start().chars().next().unwrap_or(' ');
        if BULLETS.contains(first) && len <= 40 {
            return true;
        }
        let separated = text.chars().any(|c| SEPARATORS.contains(c));
        let items: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || SEPARATORS.contains(c) || c == '：' || c == ':')
            .filter(|s| !s.is_empty())
            .collect();
        if items.is_empty() || items.iter().any(|s| s.chars().count() > 10) {
            return false;
        }
        let menu = items
            .iter()
            .filter(|s| self.menu_words.contains(**s))
            .count();
        match items.len() {
            1 => menu == 1,
            n => (separated && n >= 3) || menu * 2 >= n,
        }
    }

    /// Up over bylines to the nearest headline-like line above the core. A
    /// toolbar or share bar between the byline and the text (【打印】【关闭】)
    /// is passed over only when a byline above it shows that this is still
    /// the article's head; otherwise it is where the page's chrome begins.
    fn grow_up(&self, lines: &[Line], first: usize) -> usize {
        let mut top = first;
        let mut skipped_bar = false;
        for i in (first.saturating_sub(HEAD_WINDOW)..first).rev() {
            match lines[i].class {
                Class::Byline => {
                    top = i;
                    skipped_bar = false;
                }
                Class::Menu | Class::Chrome if lines[i].len <= BAR_LEN => skipped_bar = true,
                Class::Prose | Class::Short
                    if HEADLINE_LEN.contains(&lines[i].len) && !skipped_bar =>
                {
                    return i
                }
                _ => break,
            }
        }
        top
    }
}

/// The run of lines with the highest total score that crosses no chrome line.
fn core(lines: &[Line]) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut run: Option<(i64, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.class == Class::Chrome {
            run = None;
            continue;
        }
        let score = line.score();
        run = match run {
            Some((sum, from)) if sum > 0 => Some((sum + score, from)),
            _ => Some((score, i)),
        };
        let (sum, from) = run.unwrap();
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, from, i));
        }
    }
    best.filter(|(sum, _, _)| *sum >= MIN_CORE)
        .map(|(_, from, to)| (from, to))
}

/// Down to a terminator within reach (no chrome in between), or else over
/// the short sentences that close the article.
fn grow_down(lines: &[Line], last: usize) -> usize {
    let reach = (last + 1 + TAIL_WINDOW).min(lines.len());
    for (i, line) in lines.iter().enumerate().take(reach).skip(last + 1) {
        match line.class {
            Class::Terminator => return i,
            Class::Chrome | Class::Menu => break,
            _ => {}
        }
    }
    let mut end = last;
    while end + 1 < lines.len() && lines[end + 1].class == Class::Prose && lines[end + 1].closes {
        end += 1;
    }
    end
}

/// Bullets, brackets and rules that decorate the start of a line.
const DECORATION: &str = "•·・●○■□◆◇▶►▪>»|｜-—–=*#【】[]（）()<>《》「」『』:：";
const CLOSING: &str = "。！？!?…”’」』）)";
const BULLETS: &str = "•·・●○■□◆◇▶►▪";
/// What separates the items of a menu, a breadcrumb or a toolbar (【打印】【关闭】).
const SEPARATORS: &str = "|｜/>›»＞·•【】[]";

/// Commas, full stops and the like, full or half width (spun and pasted text
/// often has half-width ones); a comma between digits is a thousands separator.
fn sentence_punctuation(chars: &[char]) -> usize {
    chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| match c {
            '。' | '，' | '、' | '；' | '？' | '！' | '…' | ';' | '?' | '!' => true,
            ',' => !chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        })
        .count()
}

/// A date such as 2025-06-12, 2025/6/12, 2025.06.12 or 2025年6月12日.
fn has_date(chars: &[char]) -> bool {
    chars.windows(6).any(|w| {
        w[..4].iter().all(char::is_ascii_digit)
            && matches!(w[4], '-' | '/' | '.' | '年')
            && w[5].is_ascii_digit()
    })
}
