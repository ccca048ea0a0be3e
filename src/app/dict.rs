//! The card dictionary's loading state. The dictionary is large, so the page
//! becomes readable first and the dictionary arrives afterwards.

use std::rc::Rc;

use crate::dictionary::Dictionary;

#[derive(Clone)]
pub enum DictState {
    Loading,
    Ready(Rc<Dictionary>),
    Failed(String),
}

impl PartialEq for DictState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DictState::Loading, DictState::Loading) => true,
            (DictState::Ready(a), DictState::Ready(b)) => Rc::ptr_eq(a, b),
            (DictState::Failed(a), DictState::Failed(b)) => a == b,
            _ => false,
        }
    }
}
