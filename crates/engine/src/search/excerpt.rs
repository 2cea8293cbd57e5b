//! Where a query matched in one article, as the result list shows it: the marks in the
//! title, and an excerpt of about [`EXCERPT_WORDS`] words around the densest cluster of
//! matches in the body (or the article's opening), with its marks.

use std::ops::Range;

use super::super::corpus::{Body, Corpus};
use super::super::index::{Field, Index};
use super::super::mark::Marker;
use super::super::tokenize;
use super::{Hit, Results};

/// Where a query matched in one article, for the result list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitDetails {
    /// Match ranges in the title.
    pub title_ranges: Vec<Range<usize>>,
    pub excerpt: Excerpt,
}

/// About [`EXCERPT_WORDS`] words of the body around the densest cluster of matches (or
/// the article's opening), with the matches in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Excerpt {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

/// Length of an excerpt, in words.
pub const EXCERPT_WORDS: usize = 30;

/// Where the query of `results` matched in `hit`: marks what ranked it, no more. The
/// excerpt's block is found from the index's positions, and only that block's text is
/// read, so a result costs the same for a 100-word and a 100,000-word article. Until the
/// article's body is installed, there is no excerpt.
pub fn details(corpus: &Corpus, results: &Results, hit: &Hit) -> HitDetails {
    let a = &corpus.articles[hit.article];
    let marker = Marker::new(&corpus.index, &results.expansion, hit.limits);
    let title_ranges = marker.ranges(Field::Title, &a.title);
    let in_block = |text: &str| densest(&[text], &[(0, marker.ranges(Field::Body, text))]);
    // The block a phrase's first word points to may not hold the phrase: then look on.
    let Some(body) = corpus.body(hit.article) else { return HitDetails { title_ranges, excerpt: Excerpt::default() } };
    let texts = body.article.texts();
    let opening = &body.article.excerpt;
    let excerpt = densest_block(&corpus.index, body, hit)
        .and_then(|block| {
            texts
                .get(block)
                .and_then(|text| in_block(&text.text))
                .or_else(|| texts.iter().find_map(|t| in_block(&t.text)))
        })
        .unwrap_or_else(|| Excerpt { ranges: marker.ranges(Field::Body, opening), text: opening.clone() });
    HitDetails { title_ranges, excerpt }
}

/// The text block holding the densest cluster of the hit's matched words, from their
/// body positions in the index: the window of [`EXCERPT_WORDS`] positions with the most
/// distinct words, then the most matches. `None` when no word matched in the body.
fn densest_block(index: &Index, body: &Body, hit: &Hit) -> Option<usize> {
    let mut at: Vec<(u32, usize)> = Vec::new();
    for (word, posting) in hit.words.iter().enumerate() {
        if let Some(p) = posting {
            at.extend(index.positions(p)[Field::Body as usize].iter().map(|&pos| (pos, word)));
        }
    }
    at.sort_unstable();
    let mut counts = vec![0usize; hit.words.len()];
    let (mut distinct, mut left) = (0, 0);
    let mut best: Option<((usize, usize), u32)> = None;
    for right in 0..at.len() {
        let (pos, word) = at[right];
        counts[word] += 1;
        distinct += usize::from(counts[word] == 1);
        // A window stays within one block (blocks are only `BLOCK_GAP` positions apart).
        while pos - at[left].0 >= EXCERPT_WORDS as u32 || body.block_at(at[left].0) != body.block_at(pos) {
            let gone = at[left].1;
            counts[gone] -= 1;
            distinct -= usize::from(counts[gone] == 0);
            left += 1;
        }
        let score = (distinct, right - left + 1);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, at[left].0));
        }
    }
    best.map(|(_, pos)| body.block_at(pos))
}

/// The window of [`EXCERPT_WORDS`] words holding the most matches, over the given
/// blocks, centred on its matches, with `…` where it cuts the block.
fn densest(texts: &[&str], blocks: &[(usize, Vec<Range<usize>>)]) -> Option<Excerpt> {
    // Best window so far: ((distinct matched words, matches), block, first word, last word).
    // Distinct words come first, so "the war" shows a window with "war" in it rather than
    // one crowded with "the".
    let mut best: Option<((usize, usize), usize, usize, usize)> = None;
    let mut words_of: Vec<Vec<tokenize::Token>> = Vec::new();
    for (slot, (block, ranges)) in blocks.iter().enumerate() {
        let text = texts[*block];
        let words: Vec<tokenize::Token> = tokenize::words(text).collect();
        // The word each match starts in, and what it matched (folded).
        let starts: Vec<usize> = ranges.iter().map(|r| words.partition_point(|w| w.end <= r.start)).collect();
        let keys: Vec<String> = ranges.iter().map(|r| tokenize::fold(text.get(r.clone()).unwrap_or(""))).collect();
        let mut left = 0;
        for right in 0..starts.len() {
            while starts[right] - starts[left] >= EXCERPT_WORDS {
                left += 1;
            }
            let window = &keys[left..=right];
            let distinct = window.iter().enumerate().filter(|(i, k)| !window[..*i].contains(k)).count();
            let score = (distinct, right - left + 1);
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, slot, starts[left], starts[right]));
            }
        }
        words_of.push(words);
    }
    let (_, slot, first, last) = best?;
    let (block, ranges) = &blocks[slot];
    let words = &words_of[slot];
    let text = texts[*block];
    if words.is_empty() {
        return None;
    }
    let spare = EXCERPT_WORDS.saturating_sub(last - first + 1);
    let start_word = first.saturating_sub(spare / 2).min(words.len().saturating_sub(EXCERPT_WORDS));
    let end_word = (start_word + EXCERPT_WORDS).min(words.len()) - 1;
    let from = if start_word == 0 { 0 } else { words[start_word].start };
    let to = if end_word + 1 == words.len() { text.len() } else { words[end_word].end };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    let shifted = ranges
        .iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(|r| r.start - from + lead.len()..r.end - from + lead.len())
        .collect();
    Some(Excerpt { text: format!("{lead}{}{tail}", &text[from..to]), ranges: shifted })
}
