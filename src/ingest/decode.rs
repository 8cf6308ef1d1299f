//! Bytes → UTF-8 text: byte-order marks, UTF-16, Windows-1252, and refusing binary files.
//!
//! A UTF-8 byte-order mark is dropped, so every offset the rest of the program reports is into
//! the BOM-less text (three bytes less than the file). Windows-1252 files are re-encoded as UTF-8,
//! so their offsets are into the decoded text, not the file's bytes.

use std::path::Path;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::IngestError;

/// How far into a file NUL bytes mark it as binary.
const NUL_WINDOW: usize = 1024;

/// Decodes a file's bytes to text, refusing empty and binary files.
pub(crate) fn decode_text(name: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            path: name.to_path_buf(),
        });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(IngestError::Binary {
            path: name.to_path_buf(),
            kind: kind.to_string(),
        });
    }
    Ok(decode_known_text(bytes))
}

/// The kind of binary file these bytes start like, if any.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\x1f\x8b", "gzip archive"),
        (b"BM", "BMP image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    for (magic, kind) in MAGIC {
        // "BM" alone is too short to trust for text that happens to start with it.
        if *kind == "BMP image" {
            if bytes.len() > 14 && bytes.starts_with(magic) && bytes[6..10] == [0, 0, 0, 0] {
                return Some(kind);
            }
            continue;
        }
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if utf16_bom(bytes).is_none()
        && utf16_by_zeros(bytes).is_none()
        // (a slice's `contains` searches many bytes at a time; a byte-by-byte loop through
        // `take` cost a dozen instructions a byte, for every line of a stream)
        && bytes[..bytes.len().min(NUL_WINDOW)].contains(&0)
    {
        return Some("NUL bytes in the first kilobyte");
    }
    None
}

/// [`decode_text`] of bytes the caller has no more use for: plain UTF-8 (nearly every file)
/// becomes the text without a copy, which for a 10 MB file is 10 MB less to copy and to hold.
pub(crate) fn decode_text_owned(name: &Path, bytes: Vec<u8>) -> Result<String, IngestError> {
    let plain_utf8 = !bytes.starts_with(b"\xef\xbb\xbf")
        && utf16_bom(&bytes).is_none()
        && !bytes.is_empty()
        && binary_kind(&bytes).is_none()
        && utf16_by_zeros(&bytes).is_none();
    if !plain_utf8 {
        return decode_text(name, &bytes);
    }
    // what `utf8_or_1252` gives, without copying valid UTF-8
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| {
        let (text, _had_errors) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
        text.into_owned()
    }))
}

/// Decodes bytes already known not to be binary.
pub(crate) fn decode_known_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8_or_1252(rest);
    }
    if let Some(big_endian) = utf16_bom(bytes) {
        let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
        let (text, _had_errors) = encoding.decode_with_bom_removal(bytes);
        return text.into_owned();
    }
    if let Some(big_endian) = utf16_by_zeros(bytes) {
        let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
        let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    utf8_or_1252(bytes)
}

/// UTF-16 saved without a byte-order mark, told by its zeros: in mostly-Latin text every other
/// byte is zero, on the same side (`Some(true)` big-endian, `Some(false)` little-endian).
fn utf16_by_zeros(bytes: &[u8]) -> Option<bool> {
    let window = &bytes[..bytes.len().min(NUL_WINDOW) & !1];
    let units = window.len() / 2;
    // Without a single zero byte it is not UTF-16: one search answers nearly every file.
    if units < 4 || !window.contains(&0) {
        return None;
    }
    let zeros_at = |parity: usize| {
        window
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most units carry one zero byte on one side, and almost none on the other.
    if even * 10 >= units * 7 && odd * 20 <= units {
        Some(true)
    } else if odd * 10 >= units * 7 && even * 20 <= units {
        Some(false)
    } else {
        None
    }
}

fn utf8_or_1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let (text, _had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

/// `Some(true)` for a UTF-16 BE byte-order mark, `Some(false)` for LE.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xfe, 0xff, ..] => Some(true),
        [0xff, 0xfe, ..] => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<String, IngestError> {
        decode_text(Path::new("f.txt"), bytes)
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xef\xbb\xbfMoscow").unwrap(), "Moscow");
    }

    #[test]
    fn utf16_both_orders_decode() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(
                "Kerry – Lavrov"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes()),
            )
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(
                "Kerry – Lavrov"
                    .encode_utf16()
                    .flat_map(|u| u.to_be_bytes()),
            )
            .collect();
        assert_eq!(decode(&le).unwrap(), "Kerry – Lavrov");
        assert_eq!(decode(&be).unwrap(), "Kerry – Lavrov");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_told_by_its_zeros() {
        let text = "Talks resumed in Geneva on 3 March 2016.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        assert_eq!(decode(b"caf\xe9 \x93quoted\x94").unwrap(), "café “quoted”");
    }

    #[test]
    fn binary_files_are_named_by_kind() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(
            matches!(decode(png), Err(IngestError::Binary { kind, .. }) if kind == "PNG image")
        );
        assert!(matches!(
            decode(b"%PDF-1.4\n"),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"text\0with nul"),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(decode(b""), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn text_starting_like_a_short_magic_is_still_text() {
        assert_eq!(decode(b"BMW sales rose.").unwrap(), "BMW sales rose.");
    }
}
