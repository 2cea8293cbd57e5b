//! The one definition of the corpus file's format: a magic tag, a format version, then
//! the corpus encoded with postcard. The indexer writes it; the app reads it.

use super::corpus::Corpus;

/// Bump whenever the encoded shape of [`Corpus`] changes.
pub const FORMAT_VERSION: u32 = 3;
const MAGIC: &[u8; 4] = b"LCTN";

pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(corpus, out).expect("encoding into a Vec cannot fail")
}

pub fn decode(bytes: &[u8]) -> Result<Corpus, String> {
    let body = bytes.strip_prefix(MAGIC).ok_or("not a Lectern corpus bundle")?;
    let (version, body) = body.split_at_checked(4).ok_or("truncated corpus bundle")?;
    let version = u32::from_le_bytes(version.try_into().expect("four bytes"));
    if version != FORMAT_VERSION {
        return Err(format!("corpus bundle has format {version}, this build reads {FORMAT_VERSION}"));
    }
    let corpus: Corpus = postcard::from_bytes(body).map_err(|e| format!("corrupt corpus bundle: {e}"))?;
    if corpus.index.len() != corpus.articles.len() || corpus.index.facets.docs.len() != corpus.articles.len() {
        return Err("corrupt corpus bundle: the index and the articles disagree".into());
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_foreign_and_old_bundles() {
        assert!(decode(b"nope").is_err());
        let mut old = encode(&Corpus::default());
        old[4] = 99;
        assert!(decode(&old).unwrap_err().contains("format 99"));
        let good = encode(&Corpus::default());
        assert_eq!(decode(&good), Ok(Corpus::default()));
        assert!(decode(&good[..good.len() - 1]).is_err());
    }
}
