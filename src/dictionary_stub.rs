//! Temporary stand-in until the CC-CEDICT module lands.
use serde::{Deserialize, Serialize};
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DictEntry { pub simplified: String, pub traditional: String, pub pinyin: String, pub senses: Vec<String> }
#[derive(Debug, Default)]
pub struct Dictionary { entries: Vec<DictEntry> }
impl Dictionary {
    pub fn parse(_tsv: &str) -> Dictionary { Dictionary::default() }
    pub fn lookup(&self, word: &str) -> Vec<DictEntry> { self.entries.iter().filter(|e| e.simplified == word).cloned().collect() }
}
