//! 读懂 dudong's engine: everything that reads an article, in plain Rust.
//!
//! Data flows one way: text → [`analysis`] → [`analysis::Document`], which
//! the browser app (the workspace's top-level crate), the `dudong`
//! command-line tool (`crates/cli`) and the tests all consume. This crate
//! depends on nothing from the web (no yew, web-sys or wasm-bindgen), so the
//! compiler keeps the two halves apart.

/// Segmentation and annotation: words, entities, figures, terms and spins.
pub mod analysis;
/// CC-CEDICT lookups for the dictionary cards (loaded after the page is readable).
pub mod dictionary;
/// The one hash of the engine and app (FNV-1a, 64 bits).
pub mod fnv;
/// Curated data the engine embeds: glossary, gazetteer, spin table, sample article.
pub mod knowledge;
/// Pinyin in context: polyphonic characters read by their sentence (pure Rust).
pub mod pinyin;
/// Share links: the article, marks and view packed into a URL fragment (pure Rust, frozen format).
pub mod share;
