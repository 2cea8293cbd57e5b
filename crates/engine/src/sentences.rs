//! Sentences of a text, for reading aloud: Unicode sentence boundaries (UAX #29), with
//! the spaces between sentences left out and blank stretches skipped.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    text.split_sentence_bound_indices()
        .filter_map(|(at, s)| {
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| at + lead..at + lead + trimmed.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends_and_trims() {
        assert_eq!(pieces("Russia said so. Kyiv denied it!  Why?"), ["Russia said so.", "Kyiv denied it!", "Why?"]);
    }

    #[test]
    fn keeps_abbreviation_like_text_in_one_piece_when_lowercase_follows() {
        assert_eq!(pieces("He met Mr. smith today."), ["He met Mr. smith today."]);
    }

    #[test]
    fn blank_text_has_no_sentences() {
        assert!(sentences("   \n ").is_empty());
        assert!(sentences("").is_empty());
    }

    #[test]
    fn other_scripts_split_too() {
        assert_eq!(pieces("你好。再见。"), ["你好。", "再见。"]);
    }
}
