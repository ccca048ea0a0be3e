//! The word lists the figure finder reads, from the reviewed data file
//! `knowledge/figures.tsv` (set phrases, units, currencies and the words
//! around numbers that change what they mean). Each list's purpose is
//! written beside it in the file.

use std::sync::OnceLock;

use crate::knowledge::FIGURE_WORDS;

/// Every list of `figures.tsv`, as slices of the embedded file.
pub(super) struct FigureWords {
    /// Idioms, plan names and brands whose numerals are not figures.
    pub set_phrases: Vec<&'static str>,
    /// Measure words and units that may follow a number (longest match wins).
    pub units: Vec<&'static str>,
    pub currencies: Vec<&'static str>,
    /// Units a price can be quoted "per" (3000元/吨).
    pub per_units: Vec<&'static str>,
    /// Units that only count after Arabic digits (二级市场 is a word).
    pub arabic_only_units: Vec<&'static str>,
    /// The only units after which a lone 一 is a quantity.
    pub yi_ok_units: Vec<&'static str>,
    /// Characters before 一 that make it part of a word (之一, 统一).
    pub yi_bad_prev: Vec<char>,
    /// Characters after 成 that make it a word (成为, 成本), not "tenths".
    pub cheng_words: Vec<char>,
    /// Latin unit abbreviations allowed right after digits.
    pub latin_units: Vec<&'static str>,
    /// What may follow 第+numeral as part of the rank.
    pub rank_suffixes: Vec<&'static str>,
    /// Nouns after 第N大 that belong to the rank (第一大省).
    pub rank_da_nouns: Vec<&'static str>,
    /// Words before a 4-digit number + 年 that make it a span of years.
    pub duration_qualifiers: Vec<&'static str>,
    /// Qualifiers kept inside a span only when the rest would lose its number.
    pub qualifiers: Vec<&'static str>,
}

/// The lists, read from the embedded file on first use.
pub(super) fn words() -> &'static FigureWords {
    static WORDS: OnceLock<FigureWords> = OnceLock::new();
    WORDS.get_or_init(|| parse(FIGURE_WORDS).unwrap_or_else(|e| panic!("figures.tsv: {e}")))
}

/// Reads `name<TAB>entry entry …` lines (a list may take several lines;
/// `#` starts a comment line). Every list must be there and not empty.
fn parse(text: &'static str) -> Result<FigureWords, String> {
    let mut lists: Vec<(&str, Vec<&'static str>)> = [
        "set_phrases",
        "units",
        "currencies",
        "per_units",
        "arabic_only_units",
        "yi_ok_units",
        "yi_bad_prev",
        "cheng_words",
        "latin_units",
        "rank_suffixes",
        "rank_da_nouns",
        "duration_qualifiers",
        "qualifiers",
    ]
    .into_iter()
    .map(|name| (name, Vec::new()))
    .collect();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, entries) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: no tab after the list's name", n + 1))?;
        let list = lists
            .iter_mut()
            .find(|(known, _)| *known == name)
            .ok_or_else(|| format!("line {}: unknown list {name:?}", n + 1))?;
        list.1.extend(entries.split_whitespace());
    }
    if let Some((name, _)) = lists.iter().find(|(_, entries)| entries.is_empty()) {
        return Err(format!("the list {name:?} is missing or empty"));
    }
    let mut take = |name: &str| -> Vec<&'static str> {
        let at = lists
            .iter()
            .position(|(known, _)| *known == name)
            .expect("a known list");
        std::mem::take(&mut lists[at].1)
    };
    let chars = |name: &str, entries: Vec<&'static str>| -> Result<Vec<char>, String> {
        entries
            .into_iter()
            .map(|e| {
                let mut cs = e.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(format!("{name}: {e:?} is not one character")),
                }
            })
            .collect()
    };
    let yi_bad_prev = take("yi_bad_prev");
    let cheng_words = take("cheng_words");
    Ok(FigureWords {
        set_phrases: take("set_phrases"),
        units: take("units"),
        currencies: take("currencies"),
        per_units: take("per_units"),
        arabic_only_units: take("arabic_only_units"),
        yi_ok_units: take("yi_ok_units"),
        yi_bad_prev: chars("yi_bad_prev", yi_bad_prev)?,
        cheng_words: chars("cheng_words", cheng_words)?,
        latin_units: take("latin_units"),
        rank_suffixes: take("rank_suffixes"),
        rank_da_nouns: take("rank_da_nouns"),
        duration_qualifiers: take("duration_qualifiers"),
        qualifiers: take("qualifiers"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_has_every_list() {
        let w = words();
        assert!(w.units.contains(&"平方公里") && w.currencies.contains(&"美元"));
        assert!(w.yi_bad_prev.contains(&'之') && w.latin_units.contains(&"km/h"));
    }

    #[test]
    fn a_bad_file_is_refused_with_its_line() {
        let missing = parse("units\t个\n").err().unwrap();
        assert!(missing.contains("set_phrases"), "{missing}");
        let unknown = parse("unitz\t个\n").err().unwrap();
        assert!(
            unknown.contains("line 1") && unknown.contains("unitz"),
            "{unknown}"
        );
        let full: String = FIGURE_WORDS.replace("yi_bad_prev\t之", "yi_bad_prev\t之乎");
        let leaked: &'static str = Box::leak(full.into_boxed_str());
        let two = parse(leaked).err().unwrap();
        assert!(two.contains("not one character"), "{two}");
    }
}
