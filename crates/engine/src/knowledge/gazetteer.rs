//! The gazetteer: known people, organisations, places and products.

use crate::analysis::Kind;

use super::{check_field_count, list_field, tsv_rows, DataError};

#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    pub name: String,
    pub kind: Kind,
    /// Short forms that keep the kind (阿里 for 阿里巴巴).
    pub short_forms: Vec<String>,
    pub en: String,
}

/// Parses `name<TAB>kind<TAB>short forms<TAB>english` lines.
pub fn parse(file: &str, text: &str) -> Result<Vec<GazetteerEntry>, DataError> {
    let mut entries = Vec::new();
    for (line, fields) in tsv_rows(text) {
        let err = |field: &str, message: String| DataError::at(file, line, field, message);
        check_field_count(file, line, &fields, 4, 4)?;
        let kind = match fields[1] {
            "person" => Kind::Person,
            "org" => Kind::Org,
            "place" => Kind::Place,
            "product" => Kind::Product,
            other => {
                return Err(err(
                    "kind",
                    format!("{other:?} is not one of person, org, place, product"),
                ))
            }
        };
        if fields[0].is_empty() {
            return Err(err("name", "is empty".into()));
        }
        entries.push(GazetteerEntry {
            name: fields[0].to_string(),
            kind,
            short_forms: list_field(fields[2]),
            en: fields[3].to_string(),
        });
    }
    Ok(entries)
}

pub fn builtin() -> Result<Vec<GazetteerEntry>, DataError> {
    parse("gazetteer.tsv", super::GAZETTEER_FILE)
}
