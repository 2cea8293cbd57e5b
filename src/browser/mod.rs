//! Adapters to the browser, each small and with no state of the app: fetching a file,
//! local storage (and the table of its keys), the DOM text selection, saving a file,
//! scrolling, focus, the hand-over from the static first view, the guard on the address's hash, the crash view, and User Timing marks.

pub mod crash;
pub mod download;
pub mod fetch;
pub mod first_paint;
pub mod focus;
pub mod hash_guard;
pub mod scroll;
pub mod selection;
pub mod service_worker;
pub mod storage;
pub mod timing;
