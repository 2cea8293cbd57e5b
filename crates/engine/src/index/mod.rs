//! The search index, built once by the indexer from the articles and carried in the
//! corpus files: two kinds of index file, both [`Shard`]s, fetched as searches need them.
//!
//! - **Dictionary shards** cut the terms by their first character (a shard holds at least
//!   [`SHARD_TERMS`] terms; a first character is never split), so that every look-up of a
//!   word (exact, stems, prefix completions, typo corrections) stays within one shard: the
//!   typo walk never changes the first character, and a stem keeps the word's start. A
//!   dictionary shard has `terms`, an `fst` map from each term to its entry in `postings`
//!   (the number of articles with the term, and where its postings are: a chunk and an
//!   offset), and `stems`, an `fst` map from `lang \0 stem` to a group of entries (every
//!   term of the shard with that Snowball stem in that language).
//! - **Postings chunks** hold the postings of consecutive terms, about [`CHUNK_BYTES`] of
//!   them (a heavier term, such as `the`, has a chunk of its own). Per term, the start of
//!   its positions, then one entry per article (delta-coded article number, term frequency
//!   per field, byte length of its positions), as LEB128 varints; and `positions`: per
//!   (term, article), delta-coded positions in title, byline and body. Body positions run
//!   across blocks with a gap of [`BLOCK_GAP`], so phrases never straddle two blocks.
//!
//! A search is planned: the dictionary shards of its words, then the chunks of the terms
//! they expand to; shards are installed as they arrive ([`Index::install`]), and a look-up
//! in a shard that is not installed finds nothing. Always there (in the first file): per
//! article, field lengths (in terms) and facet values (interned); which first characters
//! each dictionary shard holds. The layout decodes with a few `memcpy`s, whatever its size.
//!
//! Submodules: `build` (the index from the articles), `facets` (interned facet values),
//! `encoding` (varints, byte strings, `fst` maps).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};
use serde::{Deserialize, Serialize};

use super::fuzzy::Levenshtein;
use super::tokenize::Stemmer;

mod build;
mod encoding;
mod facets;
#[cfg(test)]
mod tests;

pub use build::{BlockStarts, CHUNK_BYTES, SHARD_TERMS};
use encoding::{take, Bytes, Dict};
pub use facets::{date_key, DocFacets, FacetIndex};

/// Positions skipped between two body blocks.
pub const BLOCK_GAP: u32 = 8;

/// The ranked text fields of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title = 0,
    Byline = 1,
    Body = 2,
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Title, Field::Byline, Field::Body];
}

/// A term of the dictionary: its dictionary shard, and where its entry is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermRef {
    shard: u32,
    offset: u64,
}

/// One article's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Occurrences in title, byline and body.
    pub tf: [u32; 3],
    /// The postings chunk it comes from.
    shard: u32,
    /// Where this entry's positions start in its chunk's positions blob.
    positions: usize,
}

#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// The first character (as a code point) of the first term of each dictionary shard:
    /// shard `i` holds the terms whose first character is in `starts[i]..starts[i + 1]`.
    shard_starts: Vec<u32>,
    /// Number of postings chunks, numbered after the dictionary shards.
    chunks: u32,
    /// The shards, each set once it has arrived (all of them when built natively).
    #[serde(skip)]
    shards: Vec<OnceLock<Shard>>,
    /// Primary language subtags of the corpus that have a stemmer.
    stem_langs: Vec<String>,
    /// Per article: number of terms in title, byline and body.
    lengths: Vec<[u32; 3]>,
    /// Mean of `lengths` per field (at least 1).
    avg_len: [f32; 3],
    pub facets: FacetIndex,
}

/// A file of the index: a dictionary shard (`terms`, `stems`, `groups`, and in
/// `postings` each term's entry) or a postings chunk (`postings` and `positions`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    terms: Dict,
    stems: Dict,
    postings: Bytes,
    positions: Bytes,
    groups: Bytes,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loaded: Vec<&Shard> = self.shards.iter().filter_map(OnceLock::get).collect();
        f.debug_struct("Index")
            .field("shards", &self.shard_starts.len())
            .field("loaded", &loaded.len())
            .field("terms", &loaded.iter().map(|s| s.terms.0.len()).sum::<usize>())
            .field("articles", &self.lengths.len())
            .finish()
    }
}

impl fmt::Debug for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shard")
            .field("terms", &self.terms.0.len())
            .field("postings_bytes", &self.postings.0.len())
            .field("positions_bytes", &self.positions.0.len())
            .finish()
    }
}

/// A prefix completion being ranked: more frequent first, then earlier in the dictionary.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Completion {
    df: u32,
    key: Reverse<Vec<u8>>,
    offset: u64,
}

fn first_char(term: &str) -> u32 {
    term.chars().next().map_or(0, u32::from)
}

impl Index {
    /// Readies a decoded index to receive its shards (none is installed).
    pub fn expect_shards(&mut self) {
        self.shards = (0..self.shard_count()).map(|_| OnceLock::new()).collect();
    }

    /// Number of shards.
    pub fn shard_count(&self) -> usize {
        self.shard_starts.len() + self.chunks as usize
    }

    /// The dictionary shard holding `term` (folded).
    pub fn shard_of(&self, term: &str) -> Option<usize> {
        let c = first_char(term);
        self.shard_starts.partition_point(|&start| start <= c).checked_sub(1)
    }

    /// The shard, when installed.
    pub fn shard(&self, shard: usize) -> Option<&Shard> {
        self.shards.get(shard).and_then(OnceLock::get)
    }

    /// Installs an arrived shard; false when the index has no such shard or has it already.
    pub fn install(&self, shard: usize, data: Shard) -> bool {
        self.shards.get(shard).is_some_and(|slot| slot.set(data).is_ok())
    }

    /// The shards that look-ups of `terms` (folded) need and that are not installed,
    /// ascending.
    pub fn missing<'a>(&self, terms: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
        self.not_installed(terms.into_iter().filter_map(|t| self.shard_of(t)))
    }

    /// The postings chunks of `terms` that are not installed, ascending.
    pub fn missing_postings(&self, terms: impl IntoIterator<Item = TermRef>) -> Vec<usize> {
        self.not_installed(terms.into_iter().map(|t| self.entry(t).1))
    }

    fn not_installed(&self, shards: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = shards.filter(|&s| self.shard(s).is_none()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A term's dictionary entry: its article count, and its chunk and offset there.
    fn entry(&self, term: TermRef) -> (u32, usize, usize) {
        let bytes = self.blob(term.shard, |s| &s.postings);
        let mut at = term.offset as usize;
        let df = take(bytes, &mut at) as u32;
        let chunk = take(bytes, &mut at) as usize;
        (df, chunk, take(bytes, &mut at) as usize)
    }

    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Number of terms in `field` of article `doc`.
    pub fn field_len(&self, doc: u32, field: Field) -> u32 {
        self.lengths[doc as usize][field as usize]
    }

    /// Mean field length over all articles (at least 1).
    pub fn avg_len(&self, field: Field) -> f32 {
        self.avg_len[field as usize]
    }

    /// The installed shard holding `term`, with its number.
    fn shard_for(&self, term: &str) -> Option<(u32, &Shard)> {
        let at = self.shard_of(term)?;
        Some((at as u32, self.shard(at)?))
    }

    /// The term exactly as given (already folded).
    pub fn exact(&self, term: &str) -> Option<TermRef> {
        let (shard, data) = self.shard_for(term)?;
        data.terms.0.get(term).map(|offset| TermRef { shard, offset })
    }

    /// Terms starting with `prefix` (not empty): the `limit` most frequent, as (term, ref).
    /// A short prefix begins thousands of terms: they are ranked as they stream out of the
    /// dictionary, and only the kept ones are copied.
    pub fn prefixed(&self, prefix: &str, limit: usize) -> Vec<(String, TermRef)> {
        let Some((shard, data)) = self.shard_for(prefix).filter(|_| !prefix.is_empty()) else { return Vec::new() };
        let automaton = fst::automaton::Str::new(prefix).starts_with();
        let mut stream = data.terms.0.search(automaton).into_stream();
        // The most frequent so far, least frequent on top (on equal counts, the later term).
        let mut kept: BinaryHeap<Reverse<Completion>> = BinaryHeap::with_capacity(limit + 1);
        while let Some((key, offset)) = stream.next() {
            let df = take(&data.postings.0, &mut (offset as usize)) as u32;
            if kept.len() == limit && kept.peek().is_some_and(|least| df <= least.0.df) {
                continue;
            }
            kept.push(Reverse(Completion { df, key: Reverse(key.to_vec()), offset }));
            if kept.len() > limit {
                kept.pop();
            }
        }
        let mut found: Vec<Completion> = kept.into_iter().map(|Reverse(c)| c).collect();
        found.sort_unstable_by(|a, b| b.cmp(a));
        found
            .into_iter()
            .map(|c| (String::from_utf8_lossy(&c.key.0).into_owned(), TermRef { shard, offset: c.offset }))
            .collect()
    }

    /// Terms within `max` edits of `term` (never of its first character): the `limit`
    /// closest (then most frequent), as (term, ref).
    pub fn fuzzy(&self, term: &str, max: u8, limit: usize) -> Vec<(String, TermRef)> {
        let Some((shard, data)) = self.shard_for(term) else { return Vec::new() };
        let Some(automaton) = Levenshtein::new(term, max) else { return Vec::new() };
        let found = data.matching(shard, automaton);
        self.best(found, limit, |key| super::fuzzy::distance(term, key, max).unwrap_or(max))
    }

    /// The `limit` best of `found` by `rank` (lower first), then by frequency.
    fn best(&self, found: Vec<(String, TermRef)>, limit: usize, rank: impl Fn(&str) -> u8) -> Vec<(String, TermRef)> {
        let mut ranked: Vec<_> = found.into_iter().map(|(key, r)| (rank(&key), Reverse(self.df(r)), key, r)).collect();
        if ranked.len() > limit {
            ranked.select_nth_unstable(limit);
            ranked.truncate(limit);
        }
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, _, key, r)| (key, r)).collect()
    }

    /// Terms sharing a stem with `term` in any stemming language of the corpus (those of
    /// `term`'s shard: a stem keeps the first character of its words).
    pub fn stem_variants(&self, term: &str) -> Vec<TermRef> {
        let Some((shard, data)) = self.shard_for(term) else { return Vec::new() };
        let mut out = Vec::new();
        for lang in &self.stem_langs {
            let stem = Stemmer::for_lang(lang).stem(term);
            let Some(at) = data.stems.0.get(stem_key(lang, &stem)) else { continue };
            let mut at = at as usize;
            let count = take(&data.groups.0, &mut at);
            let mut offset = 0;
            for _ in 0..count {
                offset += take(&data.groups.0, &mut at);
                out.push(TermRef { shard, offset });
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The bytes of an installed shard's blob (none when it is not installed: a search
    /// only reads the shards it planned, and finds nothing in the others).
    fn blob(&self, shard: u32, of: impl Fn(&Shard) -> &Bytes) -> &[u8] {
        self.shard(shard as usize).map_or(&[], |s| &of(s).0)
    }

    /// Number of articles containing the term.
    pub fn df(&self, term: TermRef) -> u32 {
        let mut at = term.offset as usize;
        take(self.blob(term.shard, |s| &s.postings), &mut at) as u32
    }

    /// The term's postings, articles ascending (none while its chunk is not installed).
    pub fn postings(&self, term: TermRef) -> Postings<'_> {
        let (df, chunk, mut at) = self.entry(term);
        let shard = chunk as u32;
        let bytes = self.blob(shard, |s| &s.postings);
        if bytes.is_empty() {
            return Postings { bytes, at: 0, remaining: 0, doc: 0, shard, positions: 0 };
        }
        let positions = take(bytes, &mut at) as usize;
        Postings { bytes, at, remaining: df, doc: 0, shard, positions }
    }

    /// Positions of a posting's term in title, byline and body.
    pub fn positions(&self, posting: &Posting) -> [Vec<u32>; 3] {
        let bytes = self.blob(posting.shard, |s| &s.positions);
        let mut at = posting.positions;
        posting.tf.map(|tf| {
            let mut last = 0;
            (0..tf)
                .map(|_| {
                    last += take(bytes, &mut at) as u32;
                    last
                })
                .collect()
        })
    }
}

impl Shard {
    fn matching(&self, shard: u32, automaton: impl Automaton) -> Vec<(String, TermRef)> {
        let mut stream = self.terms.0.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((key, offset)) = stream.next() {
            found.push((String::from_utf8_lossy(key).into_owned(), TermRef { shard, offset }));
        }
        found
    }
}

/// Iterator over one term's postings.
pub struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    remaining: u32,
    doc: u32,
    shard: u32,
    positions: usize,
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        self.doc += take(self.bytes, &mut self.at) as u32;
        let head = take(self.bytes, &mut self.at);
        let title = if head & 2 != 0 { take(self.bytes, &mut self.at) as u32 } else { 0 };
        let byline = if head & 1 != 0 { take(self.bytes, &mut self.at) as u32 } else { 0 };
        let length = take(self.bytes, &mut self.at) as usize;
        let posting = Posting {
            doc: self.doc,
            tf: [title, byline, (head >> 2) as u32],
            shard: self.shard,
            positions: self.positions,
        };
        self.positions += length;
        Some(posting)
    }
}

/// Key of the `stems` map: `lang \0 stem`.
fn stem_key(lang: &str, stem: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(lang.len() + 1 + stem.len());
    key.extend_from_slice(lang.as_bytes());
    key.push(0);
    key.extend_from_slice(stem.as_bytes());
    key
}
