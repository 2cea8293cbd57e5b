//! Sentences of a text: Unicode sentence boundaries (UAX #29), with the spaces between
//! sentences left out, blank stretches skipped, and no end after an initial or a common
//! abbreviation ("Mr. Smith", "U.S. troops"). The one splitter: reading aloud speaks
//! these, and a title derived from a body is its first.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Words whose dot ends no sentence (one letter and a dot, an initial, is not one either).
const ABBREVIATIONS: [&str; 13] = ["Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep", "vs", "Jr", "Sr", "No"];

/// The byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, s) in text.split_sentence_bound_indices() {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = at + lead..at + lead + trimmed.len();
        match out.last_mut() {
            Some(last) if ends_in_abbreviation(&text[last.clone()]) => last.end = range.end,
            _ => out.push(range),
        }
    }
    out
}

/// Whether a sentence ends in the dot of an initial or an abbreviation (`U.S.`, `Mr.`).
fn ends_in_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else { return false };
    let word = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    last.chars().count() == 1 || ABBREVIATIONS.contains(&last)
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
    fn initials_and_abbreviations_end_no_sentence() {
        assert_eq!(
            pieces("Mr. Smith met Gen. Gerasimov. U.S. troops left. J. R. R. Tolkien wrote."),
            ["Mr. Smith met Gen. Gerasimov.", "U.S. troops left.", "J. R. R. Tolkien wrote."]
        );
        assert_eq!(pieces("It rose 3.5 percent. Then fell."), ["It rose 3.5 percent.", "Then fell."]);
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
