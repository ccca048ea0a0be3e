//! 读懂 dudong: a reading companion for Chinese articles.
//!
//! Data flows one way: text → [`analysis`] → [`analysis::Document`] → [`app`] (the reading view).
//! The analysis half is plain Rust with no web dependency, so the browser, the
//! `dudong` command-line tool and the tests all run the same code.

/// Segmentation and annotation: words, entities, figures, terms and spins.
pub mod analysis;
/// The Yew components of the browser app (they also render natively for tests).
pub mod app;
/// CC-CEDICT lookups for the dictionary cards (loaded after the page is readable).
pub mod dictionary;
/// Curated data the engine embeds: glossary, gazetteer, spin table, sample article.
pub mod knowledge;
/// Pinyin in context: polyphonic characters read by their sentence (pure Rust).
pub mod pinyin;
/// Share links: the article, marks and view packed into a URL fragment (pure Rust, frozen format).
pub mod share;
