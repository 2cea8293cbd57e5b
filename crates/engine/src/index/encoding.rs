//! How the index's blobs are stored: LEB128 varints, byte strings that decode with one
//! `memcpy`, and `fst` maps kept as their bytes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Appends `value` as a LEB128 varint.
pub(super) fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it. Truncated input reads as what is there.
pub(super) fn take(bytes: &[u8], at: &mut usize) -> u64 {
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
pub(super) struct Bytes(pub(super) Vec<u8>);

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
pub(super) struct Dict(pub(super) fst::Map<Vec<u8>>);

impl Dict {
    pub(super) fn from_builder(builder: fst::MapBuilder<Vec<u8>>) -> Dict {
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
