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

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::fmt;
use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::article::Article;
use super::fuzzy::Levenshtein;
use super::tokenize::{self, Stemmer};

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

/// Facet values, interned: each list is sorted, and articles refer to them by number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetIndex {
    pub sources: Vec<String>,
    pub bylines: Vec<String>,
    pub tags: Vec<String>,
    /// Primary language subtags, lowercase.
    pub langs: Vec<String>,
    pub docs: Vec<DocFacets>,
}

/// One article's facet values, as numbers into [`FacetIndex`]'s lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacets {
    pub source: Option<u32>,
    pub byline: Option<u32>,
    pub tags: Vec<u32>,
    pub lang: u32,
    /// Publication date as `yyyymmdd`.
    pub date: Option<u32>,
    /// Rank of the article when sorted by folded title.
    pub title_rank: u32,
}

impl DocFacets {
    pub fn year(&self) -> Option<u16> {
        self.date.map(|d| (d / 10_000) as u16)
    }
}

/// A date as the sortable number `yyyymmdd`.
pub fn date_key(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)
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

/// What the builder gathers for one term.
#[derive(Default)]
struct TermBuild {
    /// (article, positions per field), articles ascending.
    docs: Vec<(u32, [Vec<u32>; 3])>,
    /// Stemming languages of the articles it occurs in.
    langs: Vec<u16>,
}

impl TermBuild {
    /// About how many bytes the term's postings and positions take.
    fn weight(&self) -> usize {
        self.docs.iter().map(|(_, fields)| 4 + fields.iter().map(Vec::len).sum::<usize>()).sum()
    }
}

/// Dictionary shards hold at least this many terms: small corpora get one or a few, large
/// ones one per first character.
pub const SHARD_TERMS: usize = 4096;

/// Postings chunks hold about this many bytes of postings and positions: a search fetches
/// the chunks of the terms it expands to, not every posting of a first character.
pub const CHUNK_BYTES: usize = 16 * 1024;

/// What [`Index::build`] finds besides the index: per article, the body position where each
/// text block starts (blocks without terms share the next one's), which travels with the
/// article's body.
pub type BlockStarts = Vec<Vec<u32>>;

fn first_char(term: &str) -> u32 {
    term.chars().next().map_or(0, u32::from)
}

impl Index {
    /// Indexes `articles`; article `i` of the slice is article number `i` of the index.
    /// Every shard is installed.
    pub fn build(articles: &[Article]) -> (Index, BlockStarts) {
        Index::build_sharded(articles, SHARD_TERMS, CHUNK_BYTES)
    }

    /// [`Index::build`] with dictionary shards of at least `shard_terms` terms and postings
    /// chunks of about `chunk_bytes`.
    pub(crate) fn build_sharded(articles: &[Article], shard_terms: usize, chunk_bytes: usize) -> (Index, BlockStarts) {
        let mut terms: HashMap<String, TermBuild> = HashMap::new();
        let mut lengths = Vec::with_capacity(articles.len());
        let mut block_starts = Vec::with_capacity(articles.len());
        let mut stem_langs: Vec<String> = Vec::new();
        for (doc, article) in articles.iter().enumerate() {
            let doc = doc as u32;
            let primary = tokenize::primary_subtag(&article.lang);
            let lang = tokenize::has_stemmer(&primary).then(|| {
                stem_langs.iter().position(|l| *l == primary).unwrap_or_else(|| {
                    stem_langs.push(primary.clone());
                    stem_langs.len() - 1
                }) as u16
            });
            let mut len = [0u32; 3];
            let mut add = |field: Field, text: &str, base: u32| -> u32 {
                let found = tokenize::terms_with(text, str::to_string);
                for t in &found {
                    let entry = terms.entry(t.term.clone()).or_default();
                    if entry.docs.last().is_none_or(|(d, _)| *d != doc) {
                        entry.docs.push((doc, Default::default()));
                        if let Some(lang) = lang.filter(|l| !entry.langs.contains(l)) {
                            entry.langs.push(lang);
                        }
                    }
                    let (_, positions) = entry.docs.last_mut().expect("just pushed");
                    positions[field as usize].push(base + t.position);
                }
                len[field as usize] += found.len() as u32;
                found.len() as u32
            };
            add(Field::Title, &article.title, 0);
            add(Field::Byline, article.byline.as_deref().unwrap_or(""), 0);
            let mut base = 0;
            let mut starts = Vec::new();
            for text in article.texts() {
                starts.push(base);
                let n = add(Field::Body, &text.text, base);
                if n > 0 {
                    base += n + BLOCK_GAP;
                }
            }
            lengths.push(len);
            block_starts.push(starts);
        }

        let mut sorted: Vec<(String, TermBuild)> = terms.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Postings chunks: consecutive terms, each where its chunk and offset are.
        let mut chunks: Vec<Shard> = Vec::new();
        let mut located: Vec<(usize, u64)> = Vec::with_capacity(sorted.len());
        let mut weight = 0;
        for (_, build) in &sorted {
            if chunks.is_empty() || (weight > 0 && weight + build.weight() > chunk_bytes) {
                chunks.push(Shard::default());
                weight = 0;
            }
            let number = chunks.len() - 1;
            let chunk = &mut chunks[number];
            located.push((number, chunk.postings.0.len() as u64));
            chunk.add_postings(build);
            weight += build.weight();
        }
        // Dictionary shards: cut where a first character starts, once a shard has enough.
        let mut shard_starts = vec![0u32];
        let mut cuts = vec![0usize];
        for (i, (term, _)) in sorted.iter().enumerate() {
            let c = first_char(term);
            if i - cuts[cuts.len() - 1] >= shard_terms && first_char(&sorted[i - 1].0) != c {
                shard_starts.push(c);
                cuts.push(i);
            }
        }
        cuts.push(sorted.len());
        let stemmers: Vec<Stemmer> = stem_langs.iter().map(|l| Stemmer::for_lang(l)).collect();
        let first_chunk = shard_starts.len();
        let mut shards: Vec<OnceLock<Shard>> = cuts
            .windows(2)
            .map(|w| {
                let terms = sorted[w[0]..w[1]].iter().zip(&located[w[0]..w[1]]);
                let terms =
                    terms.map(|((term, build), &(chunk, offset))| (term.as_str(), build, first_chunk + chunk, offset));
                OnceLock::from(Shard::dictionary(terms, &stem_langs, &stemmers))
            })
            .collect();
        let chunk_count = chunks.len() as u32;
        shards.extend(chunks.into_iter().map(OnceLock::from));
        let index = Index {
            shard_starts,
            chunks: chunk_count,
            shards,
            stem_langs,
            avg_len: Field::ALL.map(|field| {
                let total: u64 = lengths.iter().map(|l| u64::from(l[field as usize])).sum();
                (total as f32 / lengths.len().max(1) as f32).max(1.0)
            }),
            lengths,
            facets: FacetIndex::build(articles),
        };
        (index, block_starts)
    }

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
    /// The dictionary shard of `terms` (sorted, unique; each with the shard number of its
    /// postings chunk and its offset there), with stem groups for `stem_langs`.
    fn dictionary<'a>(
        terms: impl IntoIterator<Item = (&'a str, &'a TermBuild, usize, u64)>,
        stem_langs: &[String],
        stemmers: &[Stemmer],
    ) -> Shard {
        let mut entries = Vec::new();
        let mut dict = fst::MapBuilder::memory();
        let mut stem_groups: BTreeMap<Vec<u8>, Vec<u64>> = BTreeMap::new();
        for (term, build, chunk, at) in terms {
            let offset = entries.len() as u64;
            dict.insert(term, offset).expect("terms are sorted and unique");
            for &lang in &build.langs {
                let lang = usize::from(lang);
                stem_groups.entry(stem_key(&stem_langs[lang], &stemmers[lang].stem(term))).or_default().push(offset);
            }
            put(&mut entries, build.docs.len() as u64);
            put(&mut entries, chunk as u64);
            put(&mut entries, at);
        }
        let mut groups = Vec::new();
        let mut stems = fst::MapBuilder::memory();
        for (key, members) in stem_groups {
            stems.insert(&key, groups.len() as u64).expect("keys come sorted from a BTreeMap");
            put(&mut groups, members.len() as u64);
            let mut last = 0;
            for offset in members {
                put(&mut groups, offset - last);
                last = offset;
            }
        }
        Shard {
            terms: Dict::from_builder(dict),
            stems: Dict::from_builder(stems),
            postings: Bytes(entries),
            positions: Bytes::default(),
            groups: Bytes(groups),
        }
    }

    /// Adds a term's postings and positions to this chunk.
    fn add_postings(&mut self, build: &TermBuild) {
        let (postings, positions) = (&mut self.postings.0, &mut self.positions.0);
        put(postings, positions.len() as u64);
        let mut previous = 0;
        for (doc, fields) in &build.docs {
            let start = positions.len();
            for field in fields {
                let mut last = 0;
                for &p in field {
                    put(positions, u64::from(p - last));
                    last = p;
                }
            }
            put(postings, u64::from(doc - previous));
            previous = *doc;
            let [title, byline, body] = fields.each_ref().map(|f| f.len() as u64);
            put(postings, body << 2 | u64::from(title > 0) << 1 | u64::from(byline > 0));
            if title > 0 {
                put(postings, title);
            }
            if byline > 0 {
                put(postings, byline);
            }
            put(postings, (positions.len() - start) as u64);
        }
    }

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

impl FacetIndex {
    fn build(articles: &[Article]) -> FacetIndex {
        fn intern<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
            let mut all: Vec<String> = values.map(str::to_string).collect();
            all.sort();
            all.dedup();
            all
        }
        let sources = intern(articles.iter().filter_map(|a| a.source.as_deref()));
        let bylines = intern(articles.iter().filter_map(|a| a.byline.as_deref()));
        let tags = intern(articles.iter().flat_map(|a| a.tags.iter().map(String::as_str)));
        let primaries: Vec<String> = articles.iter().map(|a| tokenize::primary_subtag(&a.lang)).collect();
        let langs = intern(primaries.iter().map(String::as_str));
        let find =
            |list: &[String], value: &str| list.binary_search_by(|v| v.as_str().cmp(value)).ok().map(|i| i as u32);
        let mut by_title: Vec<(String, usize)> =
            // Leading quotes and punctuation do not decide the order: 'What… sorts under W.
            articles.iter().enumerate().map(|(i, a)| (tokenize::fold(a.title.trim_start_matches(|c: char| !c.is_alphanumeric())), i)).collect();
        by_title.sort();
        let mut title_rank = vec![0; articles.len()];
        for (rank, (_, doc)) in by_title.into_iter().enumerate() {
            title_rank[doc] = rank as u32;
        }
        let docs = articles
            .iter()
            .zip(&primaries)
            .zip(title_rank)
            .map(|((a, primary), title_rank)| DocFacets {
                source: a.source.as_deref().and_then(|s| find(&sources, s)),
                byline: a.byline.as_deref().and_then(|s| find(&bylines, s)),
                tags: {
                    let mut ids: Vec<u32> = a.tags.iter().filter_map(|t| find(&tags, t)).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                },
                lang: find(&langs, primary).expect("every language was interned"),
                date: a.published.map(|p| date_key(p.year, p.month, p.day)),
                title_rank,
            })
            .collect();
        FacetIndex { sources, bylines, tags, langs, docs }
    }
}

/// Appends `value` as a LEB128 varint.
fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it. Truncated input reads as what is there.
fn take(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 || shift >= 64 {
            break;
        }
    }
    value
}

/// A byte blob that serializes as one byte string (a `memcpy` to decode with postcard).
#[derive(Clone, Default, PartialEq)]
struct Bytes(Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

/// An `fst` map stored as its bytes and reopened (checked, not copied) when decoded.
#[derive(Clone, Default)]
struct Dict(fst::Map<Vec<u8>>);

impl Dict {
    fn from_builder(builder: fst::MapBuilder<Vec<u8>>) -> Dict {
        let bytes = builder.into_inner().expect("writing to memory cannot fail");
        Dict(fst::Map::new(bytes).expect("a map just built is valid"))
    }
}

impl PartialEq for Dict {
    fn eq(&self, other: &Dict) -> bool {
        self.0.as_fst().as_bytes() == other.0.as_fst().as_bytes()
    }
}

impl Serialize for Dict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0.as_fst().as_bytes())
    }
}

impl<'de> Deserialize<'de> for Dict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Bytes(bytes) = Bytes::deserialize(deserializer)?;
        fst::Map::new(bytes).map(Dict).map_err(serde::de::Error::custom)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Published, Text};

    fn article(title: &str, lang: &str, body: &[&str]) -> Article {
        Article {
            slug: String::new(),
            title: title.into(),
            byline: Some("Jane Doe".into()),
            source: Some("CNN".into()),
            published: Some(Published { year: 2025, month: 4, day: 26, time: None }),
            url: None,
            tags: vec!["war".into(), "russia".into()],
            lang: lang.into(),
            blocks: body.iter().map(|t| Block::Paragraph(Text::plain(*t))).collect(),
            excerpt: String::new(),
            word_count: 0,
            reading_minutes: 1,
            file: String::new(),
        }
    }

    fn articles() -> Vec<Article> {
        vec![
            article("Troops in Kursk", "en", &["Russian troops advanced.", "Troops rested in Kursk."]),
            article("Les troupes", "fr", &["Les autorités françaises", "l'avion"]),
        ]
    }

    fn sample() -> Index {
        Index::build(&articles()).0
    }

    #[test]
    fn shards_cut_by_first_character_and_answer_once_installed() {
        // A dictionary shard per first character, and all postings in one chunk.
        let (index, starts) = Index::build_sharded(&articles(), 1, usize::MAX);
        assert_eq!(starts[0], vec![0, 3 + BLOCK_GAP]);
        // The first shard starts at 0 and holds the a-words.
        let starts: String = index.shard_starts.iter().filter_map(|&c| char::from_u32(c)).collect();
        assert_eq!(starts, "\0dfijklrt");
        assert_eq!(index.shard_count(), starts.chars().count() + 1);
        assert_eq!(index.shard_of("troupes"), index.shard_of("troops"));
        assert_ne!(index.shard_of("kursk"), index.shard_of("troops"));
        // Decoded, nothing is installed: every look-up misses until its shard arrives.
        let mut decoded: Index = postcard::from_bytes(&postcard::to_allocvec(&index).unwrap()).unwrap();
        decoded.expect_shards();
        let copy = |s: usize| -> Shard {
            postcard::from_bytes(&postcard::to_allocvec(index.shard(s).unwrap()).unwrap()).unwrap()
        };
        assert_eq!(decoded.exact("troops"), None);
        assert!(decoded.prefixed("tr", 5).is_empty() && decoded.fuzzy("trops", 1, 5).is_empty());
        let t = index.shard_of("troops").unwrap();
        let mut both = vec![t, index.shard_of("kursk").unwrap()];
        both.sort();
        assert_eq!(decoded.missing(["troops", "troupes", "kursk"]), both);
        assert!(decoded.install(t, copy(t)));
        assert!(!decoded.install(t, copy(t)), "a shard is installed once");
        assert!(!decoded.install(99, Shard::default()));
        assert_eq!(decoded.missing(["troops"]), Vec::<usize>::new());
        assert_eq!(decoded.prefixed("tr", 10).len(), 2);
        // The dictionary knows the term and its frequency; its postings wait for their chunk.
        let troops = decoded.exact("troops").unwrap();
        assert_eq!(decoded.df(troops), 1);
        assert_eq!(decoded.stem_variants("troop"), vec![troops]);
        assert_eq!(decoded.postings(troops).count(), 0);
        let chunk = decoded.missing_postings([troops]);
        assert_eq!(chunk, [index.shard_count() - 1]);
        assert!(decoded.install(chunk[0], copy(chunk[0])));
        assert_eq!(decoded.missing_postings([troops]), Vec::<usize>::new());
        let postings: Vec<Posting> = decoded.postings(troops).collect();
        assert_eq!(decoded.positions(&postings[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
        assert_eq!(decoded.exact("kursk"), None);
        // Small corpora come as one dictionary shard and one chunk.
        assert_eq!(sample().shard_count(), 2);
        assert_eq!(Index::build(&[]).0.shard_count(), 1);
    }

    #[test]
    fn postings_come_in_chunks_and_a_heavy_term_has_one_of_its_own() {
        // `jane` and `doe` (the byline of both articles) weigh 10 bytes, `troops` 7.
        let (index, _) = Index::build_sharded(&articles(), SHARD_TERMS, 10);
        let chunk = |term: &str| index.entry(index.exact(term).unwrap()).1;
        assert_eq!(index.shard_count(), 1 + index.chunks as usize);
        assert!(index.chunks > 3);
        assert_ne!(chunk("doe"), chunk("jane"));
        assert_ne!(chunk("doe"), chunk("francaises"));
        // Terms share chunks, in dictionary order.
        assert_eq!(chunk("advanced"), chunk("autorites"));
        let doe: Vec<Posting> = index.postings(index.exact("doe").unwrap()).collect();
        assert_eq!(doe.iter().map(|p| (p.doc, p.tf)).collect::<Vec<_>>(), [(0, [0, 1, 0]), (1, [0, 1, 0])]);
        assert_eq!(index.positions(&doe[1]), [vec![], vec![1], vec![]]);
        let troops: Vec<Posting> = index.postings(index.exact("troops").unwrap()).collect();
        assert_eq!(index.positions(&troops[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
    }

    #[test]
    fn postings_keep_fields_and_positions() {
        let index = sample();
        let troops = index.exact("troops").unwrap();
        assert_eq!(index.df(troops), 1);
        let postings: Vec<Posting> = index.postings(troops).collect();
        assert_eq!(postings.len(), 1);
        assert_eq!(postings[0].tf, [1, 0, 2]);
        // "Russian troops advanced." is 3 terms, then the gap, then "Troops".
        assert_eq!(index.positions(&postings[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
        let kursk: Vec<Posting> = index.postings(index.exact("kursk").unwrap()).collect();
        assert_eq!(index.positions(&kursk[0]), [vec![2], vec![], vec![3 + BLOCK_GAP + 3]]);
        let doe: Vec<Posting> = index.postings(index.exact("doe").unwrap()).collect();
        assert_eq!(doe.iter().map(|p| (p.doc, p.tf)).collect::<Vec<_>>(), [(0, [0, 1, 0]), (1, [0, 1, 0])]);
        assert_eq!(index.field_len(0, Field::Body), 7);
        assert_eq!(index.field_len(1, Field::Title), 2);
    }

    #[test]
    fn dictionary_answers_prefix_fuzzy_and_stem_lookups() {
        let index = sample();
        let names = |v: Vec<(String, TermRef)>| v.into_iter().map(|(t, _)| t).collect::<Vec<_>>();
        assert_eq!(names(index.prefixed("tr", 10)), ["troops", "troupes"]);
        assert_eq!(names(index.prefixed("tr", 1)).len(), 1);
        assert_eq!(names(index.fuzzy("kursks", 1, 10)), ["kursk"]);
        assert_eq!(names(index.fuzzy("trops", 1, 10)), ["troops"]);
        let troop = index.stem_variants("troop");
        assert_eq!(troop, vec![index.exact("troops").unwrap()]);
        // French stems come from French articles only.
        assert!(index.stem_variants("autorite").contains(&index.exact("autorites").unwrap()));
        assert!(index.exact("avion").is_some());
    }

    #[test]
    fn facets_are_interned() {
        let index = sample();
        assert_eq!(index.facets.langs, ["en", "fr"]);
        assert_eq!(index.facets.tags, ["russia", "war"]);
        assert_eq!(index.facets.docs[1].lang, 1);
        assert_eq!(index.facets.docs[0].tags, [0, 1]);
        assert_eq!(index.facets.docs[0].year(), Some(2025));
        assert_eq!(index.facets.docs[0].title_rank, 1);
    }

    #[test]
    fn round_trips_through_postcard() {
        let index = sample();
        let mut back: Index = postcard::from_bytes(&postcard::to_allocvec(&index).unwrap()).unwrap();
        back.expect_shards();
        for s in 0..index.shard_count() {
            let shard = postcard::from_bytes(&postcard::to_allocvec(index.shard(s).unwrap()).unwrap()).unwrap();
            assert!(back.install(s, shard));
        }
        assert_eq!(back, index);
        assert_eq!(back.prefixed("kur", 5).len(), 1);
    }
}
