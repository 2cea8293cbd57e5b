//! Hooks that connect components to the browser.

pub mod use_document_title;
pub mod use_highlights;
pub mod use_mark_positions;
pub mod use_marks;
pub mod use_prefs;
pub mod use_read_aloud;
pub mod use_reading_position;
pub mod use_settled;
pub mod use_shortcuts;
