//! Curated data, embedded at compile time.

/// A short article written for the project, shown by "Try a sample".
pub const SAMPLE_ARTICLE: &str = include_str!("sample.txt");
