//! Reusable view pieces. Components get props and emit callbacks; they do no IO.

pub mod article_body;
pub mod article_card;
pub mod article_meta;
