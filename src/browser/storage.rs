//! The browser's localStorage, where it works. Storage that is missing or throws
//! (private mode, quota, blocked cookies) reads as empty and drops writes: the app keeps
//! working without persistence.

// Every key Lectern stores under, in one table, so that none collides or is forgotten.
/// Reading settings (`prefs.rs`).
pub const PREFS: &str = "lectern.prefs";
/// Reading positions per article (`reading_progress.rs`).
pub const PROGRESS: &str = "lectern.progress";
/// The reader's highlights (`highlights.rs`).
pub const HIGHLIGHTS: &str = "lectern.highlights";
/// Damaged highlights are kept aside under this, then `.` and the time in milliseconds.
pub const HIGHLIGHTS_UNREADABLE: &str = "lectern.highlights.unreadable";
/// The read-aloud speed.
pub const SPEECH_RATE: &str = "lectern.speech-rate";
/// Which build of the corpus was saved for offline reading, and its size (`offline.rs`).
pub const OFFLINE: &str = "lectern.offline";

/// The stored value of `key`, if storage works and holds one.
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when storage refused it.
pub fn write(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
