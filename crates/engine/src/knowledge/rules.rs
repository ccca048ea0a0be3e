//! Cue lists for the entity rules (`rules.toml`).

use serde::Deserialize;

use super::DataError;

#[derive(Debug, Clone, Deserialize)]
pub struct EntityRules {
    pub surnames: String,
    pub compound_surnames: Vec<String>,
    pub person_cues_before: Vec<String>,
    pub person_cues_after: Vec<String>,
    pub org_suffixes: Vec<String>,
    pub org_suffix_not_before: Vec<String>,
    pub org_prefix_stop: Vec<String>,
    pub place_suffixes: Vec<String>,
    pub tag_stop: Vec<String>,
    pub name_breakers: String,
}

pub fn builtin() -> Result<EntityRules, DataError> {
    toml::from_str(super::RULES_FILE).map_err(|e| DataError {
        file: "rules.toml".into(),
        line: e
            .span()
            .map(|s| super::RULES_FILE[..s.start].matches('\n').count() + 1)
            .unwrap_or(0),
        field: String::new(),
        message: e.message().to_string(),
    })
}
