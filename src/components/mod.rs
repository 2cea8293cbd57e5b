//! Reusable view pieces. Components get props and emit callbacks; they do no IO.

pub mod article_body;
pub mod article_meta;
pub mod continue_reading;
pub mod facet_panel;
pub mod filter_chips;
pub mod find_box;
pub mod highlights_panel;
pub mod lens_toggles;
pub mod load_failed;
pub mod marked_text;
pub mod match_nav;
pub mod match_rail;
pub mod name_card;
pub mod names_found;
pub mod offline_controls;
pub mod query_link;
pub mod read_aloud;
pub mod reader_header;
pub mod reader_settings;
pub mod result_list;
pub mod result_pager;
pub mod search_box;
pub mod selection_bar;
pub mod shortcut_help;
pub mod storage_notice;
pub mod table_of_contents;
