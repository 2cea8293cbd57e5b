//! Building the index from the articles (natively, in the indexer): the terms with their
//! positions, cut into postings chunks of about [`CHUNK_BYTES`] and dictionary shards of
//! at least [`SHARD_TERMS`] terms by first character.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use super::encoding::{put, Bytes, Dict};
use super::facets::FacetIndex;
use super::{first_char, stem_key, Field, Index, Shard, BLOCK_GAP};
use crate::article::Article;
use crate::tokenize::{self, Stemmer};

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
}
