//! What an article holds, counted as a reader counts it: distinct names,
//! terms, figures and spun words (the items), each with its mentions, and
//! the one-line summary built from them. The reading view's summary and
//! panel, the standalone export and the command-line listing all show this.
//! Only the article's body counts: a whole pasted page's menus and links are
//! dimmed, not counted.

use std::collections::HashMap;

use super::{Document, Kind, Script};

/// One line of the overview: a name and how often it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub count: usize,
    pub first_span: usize,
}

/// Items per kind: entities and terms by canonical name, figures and spins by surface.
/// A traditional text's entities and terms are grouped by their canonical
/// (simplified) name but labelled as the text first wrote them: the panel
/// never shows characters the reader did not paste.
pub fn overview(doc: &Document) -> Vec<(Kind, Vec<Item>)> {
    let traditional = doc.script == Script::Traditional;
    Kind::ALL
        .iter()
        .map(|&kind| {
            let mut items: Vec<Item> = Vec::new();
            // Where each label is in `items` (a long article has thousands).
            let mut index: HashMap<String, usize> = HashMap::new();
            // Only the article: a whole pasted page's menus and links are dimmed, not counted.
            for (i, s) in doc
                .spans
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == kind && doc.in_body(s))
            {
                let surface = doc.slice(s.start, s.end);
                let key = match kind {
                    Kind::Spin => {
                        format!("{} → {}", surface, s.original.clone().unwrap_or_default())
                    }
                    Kind::Figure => surface.clone(),
                    _ => s.term.clone().unwrap_or_else(|| surface.clone()),
                };
                match index.get(&key) {
                    Some(&at) => items[at].count += 1,
                    None => {
                        let label = match kind {
                            Kind::Spin | Kind::Figure => key.clone(),
                            _ if traditional => surface,
                            _ => key.clone(),
                        };
                        index.insert(key, items.len());
                        items.push(Item {
                            label,
                            count: 1,
                            first_span: i,
                        });
                    }
                }
            }
            items.sort_by(|a, b| b.count.cmp(&a.count).then(a.first_span.cmp(&b.first_span)));
            (kind, items)
        })
        .collect()
}

/// "3 people (12 mentions)": distinct items, and their mentions when there
/// are more mentions than items. The summary line, the spun-text banner
/// and the panel all count this way.
pub fn counted(items: usize, mentions: usize, one: &str, many: &str, unit: &str) -> String {
    let noun = if items == 1 { one } else { many };
    if mentions > items {
        format!("{items} {noun} ({mentions} {unit})")
    } else {
        format!("{items} {noun}")
    }
}

/// Distinct spun words and the places they occur (the spin group of `groups`).
pub fn spun_count(groups: &[(Kind, Vec<Item>)]) -> (usize, usize) {
    groups
        .iter()
        .find(|(k, _)| *k == Kind::Spin)
        .map(|(_, items)| (items.len(), items.iter().map(|i| i.count).sum()))
        .unwrap_or((0, 0))
}

/// The line over the article: "1 person, 7 organisations (9 mentions), …,
/// 27 swapped words (40 places)", counted from `groups` (see [`overview`]),
/// then what else the engine noticed.
pub fn summary_line(doc: &Document, groups: &[(Kind, Vec<Item>)]) -> String {
    let mut parts: Vec<String> = groups
        .iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(kind, items)| {
            let mentions = items.iter().map(|i| i.count).sum();
            let (one, many) = (kind.names().one, kind.names().many);
            match kind {
                Kind::Spin => counted(items.len(), mentions, one, many, "places"),
                _ => counted(items.len(), mentions, one, many, "mentions"),
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push("nothing highlighted".into());
    }
    let mut line = parts.join(", ");
    if doc.summary.spun {
        line.push_str("; this text looks machine-spun");
    }
    if doc.summary.outside_body > 0 {
        line.push_str(&format!(
            "; {} more outside the article",
            doc.summary.outside_body
        ));
    }
    if doc.summary.traditional {
        line.push_str("; traditional characters, read as simplified");
    }
    line
}
