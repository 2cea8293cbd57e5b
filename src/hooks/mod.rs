//! Hooks that connect components to the browser and to the corpus store: each one
//! concern of a view (its state, effects and callbacks), in its own file.

pub mod use_article_highlights;
pub mod use_document_title;
pub mod use_find;
pub mod use_hand_over;
pub mod use_has_selection;
pub mod use_highlights;
pub mod use_lenses;
pub mod use_library_keys;
pub mod use_mark_positions;
pub mod use_marks;
pub mod use_match_cursor;
pub mod use_name_card;
pub mod use_neighbours;
pub mod use_notice;
pub mod use_offline;
pub mod use_prefs;
pub mod use_read_aloud;
pub mod use_reading_position;
pub mod use_reveal;
pub mod use_search;
pub mod use_seen_chunks;
pub mod use_settled;
pub mod use_shortcuts;
