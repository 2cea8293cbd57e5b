//! The current match of the reading view: none until the reader steps (`n`/`N`, the
//! buttons, Enter in the find box) or picks one on the rail; back to none when the
//! article or what is marked changes. The current match is scrolled into view once it
//! is rendered.

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use crate::browser::scroll::scroll_to;
use crate::corpus::ArticleRef;

#[derive(Clone, PartialEq)]
pub struct MatchCursor {
    /// The current match, numbered in reading order (title marks first).
    pub current: Option<usize>,
    /// Steps forward (`1`) or back (`-1`), wrapping around; from none, to the first or last.
    pub step: Callback<isize>,
    /// Makes match `i` the current one.
    pub select: Callback<usize>,
}

/// The cursor over `total` matches of `marked` in `article`.
#[hook]
pub fn use_match_cursor(article: ArticleRef, marked: String, total: usize) -> MatchCursor {
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((article, marked), move |_| current.set(None));
    }
    use_effect_with(*current, |current| {
        if let Some(i) = current {
            scroll_to(&format!("mark[data-match=\"{i}\"]"), ScrollLogicalPosition::Center);
        }
    });
    let step = {
        let current = current.clone();
        Callback::from(move |step: isize| {
            if let Some(next) = stepped(*current, step, total) {
                current.set(Some(next));
            }
        })
    };
    let select = {
        let current = current.clone();
        Callback::from(move |i: usize| current.set(Some(i)))
    };
    MatchCursor { current: *current, step, select }
}

/// The match one `step` from `current` among `total`, wrapping around; none when there
/// are no matches.
pub fn stepped(current: Option<usize>, step: isize, total: usize) -> Option<usize> {
    if total == 0 {
        return None;
    }
    Some(match current {
        None if step > 0 => 0,
        None => total - 1,
        Some(i) => (i as isize + step).rem_euclid(total as isize) as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::stepped;

    #[test]
    fn steps_wrap_around_and_start_at_either_end() {
        assert_eq!(stepped(None, 1, 3), Some(0));
        assert_eq!(stepped(None, -1, 3), Some(2));
        assert_eq!(stepped(Some(2), 1, 3), Some(0));
        assert_eq!(stepped(Some(0), -1, 3), Some(2));
        assert_eq!(stepped(Some(1), 1, 3), Some(2));
        assert_eq!(stepped(None, 1, 0), None);
    }
}
