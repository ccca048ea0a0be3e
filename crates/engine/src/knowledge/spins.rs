//! The spin table: words a spinning tool substitutes, what they most likely
//! were, and the contexts in which the word is genuine.

use super::{check_field_count, list_field, tsv_rows, DataError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Almost never used in the original's sense in normal writing: one hit
    /// is evidence that the text was spun.
    Strong,
    /// Also an ordinary word: flagged only in a text already judged spun.
    Weak,
}

/// A context in which the surface is genuine: `before` must stand right
/// before the occurrence and `after` right after it (pattern `自然_` or `_优势`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SpinRule {
    pub surface: String,
    pub original: String,
    pub tier: Tier,
    pub genuine: Vec<Context>,
    /// A short English gloss of the original.
    pub note: String,
}

/// Parses `surface<TAB>original<TAB>tier<TAB>genuine contexts<TAB>note` lines.
pub fn parse(file: &str, text: &str) -> Result<Vec<SpinRule>, DataError> {
    let mut rules = Vec::new();
    for (line, fields) in tsv_rows(text) {
        let err = |field: &str, message: String| DataError::at(file, line, field, message);
        check_field_count(file, line, &fields, 5, 5)?;
        let tier = match fields[2] {
            "strong" => Tier::Strong,
            "weak" => Tier::Weak,
            other => return Err(err("tier", format!("{other:?} is not strong or weak"))),
        };
        let mut genuine = Vec::new();
        for pattern in list_field(fields[3]) {
            let Some((before, after)) = pattern.split_once('_') else {
                return Err(err(
                    "genuine_contexts",
                    format!("{pattern:?} has no `_` for the word"),
                ));
            };
            genuine.push(Context {
                before: before.into(),
                after: after.into(),
            });
        }
        if fields[0].is_empty() || fields[1].is_empty() {
            return Err(err(
                "surface",
                "surface and original must not be empty".into(),
            ));
        }
        rules.push(SpinRule {
            surface: fields[0].into(),
            original: fields[1].into(),
            tier,
            genuine,
            note: fields[4].into(),
        });
    }
    Ok(rules)
}

pub fn builtin() -> Result<Vec<SpinRule>, DataError> {
    parse("spins.tsv", super::SPINS_FILE)
}
