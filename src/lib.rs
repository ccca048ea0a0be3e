//! 读懂 dudong: a reading companion for Chinese articles.
//!
//! Data flows one way: text → [`analysis`] → [`analysis::Document`] → [`app`] (the reading view).
//! The engine is its own crate (`crates/engine`, `dudong-engine`) with no web
//! dependency, so the browser, the `dudong` command-line tool
//! (`crates/cli`) and the tests all run the same code; its modules are
//! re-exported here under their usual paths.

pub use dudong_engine::{analysis, dictionary, fnv, knowledge, pinyin, share};

/// The Yew components of the browser app (they also render natively for tests).
pub mod app;
