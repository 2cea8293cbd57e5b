//! Reusable view pieces. Components get props and emit callbacks; they do no IO.

pub mod article_body;
pub mod article_meta;
pub mod facet_panel;
pub mod filter_chips;
pub mod highlighted;
pub mod match_nav;
pub mod query_link;
pub mod result_list;
pub mod search_box;
