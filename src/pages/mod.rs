//! One component per route.

pub mod article;
pub mod library;
pub mod name;
pub mod not_found;
