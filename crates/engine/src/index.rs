//! The search index, built once by the indexer from the articles and carried in the corpus file.
//!
//! Layout (chosen so that decoding is a few `memcpy`s, whatever the corpus size):
//! - `terms`: an `fst` map from each term to the byte offset of its postings. It answers
//!   exact, prefix and edit-distance look-ups without visiting every term.
//! - `postings`: per term, `df`, the offset of its positions, then one entry per article
//!   (delta-coded article number, term frequency per field, byte length of its
//!   positions), all as LEB128 varints.
//! - `positions`: per (term, article), delta-coded positions in title, byline and body.
//!   Body positions run across blocks with a gap of [`BLOCK_GAP`], so phrases never
//!   straddle two blocks.
//! - `stems`: an `fst` map from `lang \0 stem` to a group of term offsets: every indexed
//!   term with that Snowball stem in that language.
//! - per article: field lengths (in terms), facet values (interned), and the body
//!   position where each text block starts (so a position tells its block: excerpts).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

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

/// A term of the dictionary: where its postings start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermRef(u64);

/// One article's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    /// Occurrences in title, byline and body.
    pub tf: [u32; 3],
    /// Where this entry's positions start in the positions blob.
    positions: usize,
}

#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    terms: Dict,
    stems: Dict,
    postings: Bytes,
    positions: Bytes,
    groups: Bytes,
    /// Primary language subtags of the corpus that have a stemmer (keys of `stems`).
    stem_langs: Vec<String>,
    /// Per article: number of terms in title, byline and body.
    lengths: Vec<[u32; 3]>,
    /// Per article: the body position of each text block's first term (blocks without
    /// terms share the next one's), so a position tells its block without the text.
    block_starts: Vec<Vec<u32>>,
    /// Mean of `lengths` per field (at least 1).
    avg_len: [f32; 3],
    pub facets: FacetIndex,
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
        f.debug_struct("Index")
            .field("terms", &self.terms.0.len())
            .field("stems", &self.stems.0.len())
            .field("postings_bytes", &self.postings.0.len())
            .field("positions_bytes", &self.positions.0.len())
            .field("articles", &self.lengths.len())
            .finish()
    }
}

/// What the builder gathers for one term.
#[derive(Default)]
struct TermBuild {
    /// (article, positions per field), articles ascending.
    docs: Vec<(u32, [Vec<u32>; 3])>,
    /// Stemming languages of the articles it occurs in.
    langs: Vec<u16>,
}

impl Index {
    /// Indexes `articles`; article `i` of the slice is article number `i` of the index.
    pub fn build(articles: &[Article]) -> Index {
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
        let mut postings = Vec::new();
        let mut positions = Vec::new();
        let mut dict = fst::MapBuilder::memory();
        let stemmers: Vec<Stemmer> = stem_langs.iter().map(|l| Stemmer::for_lang(l)).collect();
        let mut stem_groups: BTreeMap<Vec<u8>, Vec<u64>> = BTreeMap::new();
        for (term, build) in &sorted {
            let offset = postings.len() as u64;
            dict.insert(term, offset).expect("terms are sorted and unique");
            for &lang in &build.langs {
                let stem = stemmers[usize::from(lang)].stem(term);
                stem_groups.entry(stem_key(&stem_langs[usize::from(lang)], &stem)).or_default().push(offset);
            }
            put(&mut postings, build.docs.len() as u64);
            put(&mut postings, positions.len() as u64);
            let mut previous = 0;
            for (doc, fields) in &build.docs {
                let start = positions.len();
                for field in fields {
                    let mut last = 0;
                    for &p in field {
                        put(&mut positions, u64::from(p - last));
                        last = p;
                    }
                }
                put(&mut postings, u64::from(doc - previous));
                previous = *doc;
                let [title, byline, body] = fields.each_ref().map(|f| f.len() as u64);
                put(&mut postings, body << 2 | u64::from(title > 0) << 1 | u64::from(byline > 0));
                if title > 0 {
                    put(&mut postings, title);
                }
                if byline > 0 {
                    put(&mut postings, byline);
                }
                put(&mut postings, (positions.len() - start) as u64);
            }
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
        Index {
            terms: Dict::from_builder(dict),
            stems: Dict::from_builder(stems),
            postings: Bytes(postings),
            positions: Bytes(positions),
            groups: Bytes(groups),
            stem_langs,
            avg_len: Field::ALL.map(|field| {
                let total: u64 = lengths.iter().map(|l| u64::from(l[field as usize])).sum();
                (total as f32 / lengths.len().max(1) as f32).max(1.0)
            }),
            lengths,
            block_starts,
            facets: FacetIndex::build(articles),
        }
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

    /// The text block (its index in `Article::texts()`) holding body position `position`
    /// of article `doc`.
    pub fn block_at(&self, doc: u32, position: u32) -> usize {
        self.block_starts[doc as usize].partition_point(|&start| start <= position).saturating_sub(1)
    }

    /// Mean field length over all articles (at least 1).
    pub fn avg_len(&self, field: Field) -> f32 {
        self.avg_len[field as usize]
    }

    /// The term exactly as given (already folded).
    pub fn exact(&self, term: &str) -> Option<TermRef> {
        self.terms.0.get(term).map(TermRef)
    }

    /// Terms starting with `prefix`: the `limit` most frequent, as (term, ref).
    pub fn prefixed(&self, prefix: &str, limit: usize) -> Vec<(String, TermRef)> {
        let automaton = fst::automaton::Str::new(prefix).starts_with();
        self.best(self.matching(automaton), limit, |_| 0)
    }

    /// Terms within `max` edits of `term`: the `limit` closest (then most frequent),
    /// as (term, ref).
    pub fn fuzzy(&self, term: &str, max: u8, limit: usize) -> Vec<(String, TermRef)> {
        let Some(automaton) = Levenshtein::new(term, max) else { return Vec::new() };
        let found = self.matching(automaton);
        self.best(found, limit, |key| super::fuzzy::distance(term, key, max).unwrap_or(max))
    }

    fn matching(&self, automaton: impl Automaton) -> Vec<(String, TermRef)> {
        let mut stream = self.terms.0.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((key, offset)) = stream.next() {
            found.push((String::from_utf8_lossy(key).into_owned(), TermRef(offset)));
        }
        found
    }

    /// The `limit` best of `found` by `rank` (lower first), then by frequency.
    fn best(&self, found: Vec<(String, TermRef)>, limit: usize, rank: impl Fn(&str) -> u8) -> Vec<(String, TermRef)> {
        let mut ranked: Vec<_> =
            found.into_iter().map(|(key, r)| (rank(&key), std::cmp::Reverse(self.df(r)), key, r)).collect();
        if ranked.len() > limit {
            ranked.select_nth_unstable(limit);
            ranked.truncate(limit);
        }
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, _, key, r)| (key, r)).collect()
    }

    /// Terms sharing a stem with `term` in any stemming language of the corpus.
    pub fn stem_variants(&self, term: &str) -> Vec<TermRef> {
        let mut out = Vec::new();
        for lang in &self.stem_langs {
            let stem = Stemmer::for_lang(lang).stem(term);
            let Some(at) = self.stems.0.get(stem_key(lang, &stem)) else { continue };
            let mut at = at as usize;
            let count = take(&self.groups.0, &mut at);
            let mut offset = 0;
            for _ in 0..count {
                offset += take(&self.groups.0, &mut at);
                out.push(TermRef(offset));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Number of articles containing the term.
    pub fn df(&self, term: TermRef) -> u32 {
        let mut at = term.0 as usize;
        take(&self.postings.0, &mut at) as u32
    }

    /// The term's postings, articles ascending.
    pub fn postings(&self, term: TermRef) -> Postings<'_> {
        let mut at = term.0 as usize;
        let remaining = take(&self.postings.0, &mut at) as u32;
        let positions = take(&self.postings.0, &mut at) as usize;
        Postings { bytes: &self.postings.0, at, remaining, doc: 0, positions }
    }

    /// Positions of a posting's term in title, byline and body.
    pub fn positions(&self, posting: &Posting) -> [Vec<u32>; 3] {
        let mut at = posting.positions;
        posting.tf.map(|tf| {
            let mut last = 0;
            (0..tf)
                .map(|_| {
                    last += take(&self.positions.0, &mut at) as u32;
                    last
                })
                .collect()
        })
    }
}

/// Iterator over one term's postings.
pub struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    remaining: u32,
    doc: u32,
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
        let posting = Posting { doc: self.doc, tf: [title, byline, (head >> 2) as u32], positions: self.positions };
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

    fn sample() -> Index {
        Index::build(&[
            article("Troops in Kursk", "en", &["Russian troops advanced.", "Troops rested in Kursk."]),
            article("Les troupes", "fr", &["Les autorités françaises", "l'avion"]),
        ])
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
        let bytes = postcard::to_allocvec(&index).unwrap();
        let back: Index = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, index);
        assert_eq!(back.prefixed("kur", 5).len(), 1);
    }
}
