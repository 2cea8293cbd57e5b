//! One component per route.

pub mod article;
pub mod library;
pub mod not_found;
