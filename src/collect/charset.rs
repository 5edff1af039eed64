//! Bytes from the web as UTF-8 text. Feeds and pages declare their encoding
//! in a byte-order mark, the XML prolog, a `<meta charset>` or the HTTP
//! Content-Type, and the declaration is often wrong: a body that is valid
//! UTF-8 is read as UTF-8 whatever it claims (legacy text is almost never
//! valid UTF-8 by accident); otherwise the declared encoding is used, and
//! windows-1252 when nothing usable is declared.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The encoding named in a Content-Type's `charset` parameter.
fn http_charset(content_type: Option<&str>) -> Option<&'static Encoding> {
    let ct = content_type?;
    let value = ct
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))?
        .1
        .trim()
        .trim_matches(['"', '\'']);
    Encoding::for_label(value.as_bytes())
}

/// The value of `encoding="…"` in an XML prolog, with its byte range.
fn prolog_encoding(head: &[u8]) -> Option<(std::ops::Range<usize>, &'static Encoding)> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    if !head[start..].starts_with(b"<?xml") {
        return None;
    }
    let end = start + head[start..].windows(2).position(|w| w == b"?>")?;
    let prolog = &head[start..end];
    let at = prolog.windows(8).position(|w| w == b"encoding")?;
    let rest = &prolog[at + 8..];
    let eq = rest.iter().position(|b| *b == b'=')?;
    let after = &rest[eq + 1..];
    let q = after.iter().position(|b| *b == b'"' || *b == b'\'')?;
    let quote = after[q];
    let value_start = q + 1;
    let len = after[value_start..].iter().position(|b| *b == quote)?;
    let value = &after[value_start..value_start + len];
    let abs = start + at + 8 + eq + 1 + value_start;
    Encoding::for_label(value).map(|e| (abs..abs + len, e))
}

/// The encoding of an HTML `<meta charset>` or `http-equiv` Content-Type in
/// the first 2 KB.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
    let at = text.find("charset=")?;
    let value: String = text[at + 8..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(value.as_bytes())
}

/// Decodes `bytes` in the first of `candidates` that reads them without
/// errors, else in the last one with replacement characters.
fn decode(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    fallback: Option<&'static Encoding>,
) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    for enc in [declared, fallback].into_iter().flatten() {
        if enc == UTF_8 {
            continue;
        }
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return text.into_owned();
        }
    }
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// A feed document as UTF-8 bytes, its XML prolog (if any) saying UTF-8 so
/// the parser does not decode it a second time; repaired if it was encoded
/// twice.
pub fn feed_to_utf8(body: &[u8], content_type: Option<&str>) -> Vec<u8> {
    let declared = prolog_encoding(&body[..body.len().min(512)]).map(|(_, e)| e);
    rewrite_prolog(to_text(body, declared, content_type).into_bytes())
}

/// `body` as text: by its byte-order mark, else as [`decode`] reads it with
/// what the document and the HTTP header declare; repaired if it was
/// encoded twice.
fn to_text(body: &[u8], declared: Option<&'static Encoding>, content_type: Option<&str>) -> String {
    let text = match Encoding::for_bom(body) {
        Some((enc, bom)) => enc.decode_without_bom_handling(&body[bom..]).0.into_owned(),
        None => decode(body, declared, http_charset(content_type)),
    };
    repair_double_encoding(text)
}

fn rewrite_prolog(mut utf8: Vec<u8>) -> Vec<u8> {
    let head = utf8[..utf8.len().min(512)].to_vec();
    if let Some((range, _)) = prolog_encoding(&head) {
        utf8.splice(range, b"UTF-8".iter().copied());
    }
    drop_later_declarations(utf8)
}

/// Removes XML declarations after the first one. They are not well-formed
/// XML, and one naming an encoding makes the XML reader under feed-rs
/// panic (found by the fuzz tests); the text is UTF-8 by now anyway.
fn drop_later_declarations(utf8: Vec<u8>) -> Vec<u8> {
    let first = utf8
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .filter(|&i| utf8[i..].starts_with(b"<?xml"))
        .map_or(0, |i| i + 5);
    let later = |from: usize| {
        utf8[from..]
            .windows(5)
            .position(|w| w.eq_ignore_ascii_case(b"<?xml"))
            .map(|i| i + from)
    };
    let Some(mut at) = later(first) else {
        return utf8;
    };
    let mut out = Vec::with_capacity(utf8.len());
    out.extend_from_slice(&utf8[..at]);
    loop {
        let end = utf8[at..]
            .windows(2)
            .position(|w| w == b"?>")
            .map_or(utf8.len(), |e| at + e + 2);
        match later(end) {
            Some(next) => {
                out.extend_from_slice(&utf8[end..next]);
                at = next;
            }
            None => {
                out.extend_from_slice(&utf8[end..]);
                return out;
            }
        }
    }
}

/// An HTML page as text, repaired if it was encoded twice.
pub fn page_to_string(body: &[u8], content_type: Option<&str>) -> String {
    to_text(body, meta_charset(body), content_type)
}

/// Repairs below this many on one page are taken for legitimate text
/// ("Gruß»" reads as a two-byte sequence too).
const DOUBLE_ENCODED_FROM: usize = 3;

/// Text that was UTF-8, was read as Latin-1 or windows-1252 somewhere on
/// its way (a CMS, a database) and written out as UTF-8 again: "â€™" for
/// "’", "Ã©" for "é", or, read as Latin-1, "â" followed by two invisible
/// control characters. Each such run is read back as the UTF-8 it was. A
/// page is repaired only when it holds at least [`DOUBLE_ENCODED_FROM`]
/// runs, so that text which merely looks like one ("Gruß»") is left alone.
pub fn repair_double_encoding(text: String) -> String {
    // cheap look first: C1 controls (U+0080..U+009F) or "â€"
    let bytes = text.as_bytes();
    let c1 = memchr::memchr_iter(0xC2, bytes)
        .any(|at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
    if !c1 && !text.contains("\u{e2}\u{20ac}") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let continuation = match u32::from(c) {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => {
                out.push(c);
                continue;
            }
        };
        // the lead byte and its continuation bytes, as first written
        let mut seq = vec![u32::from(c) as u8];
        seq.extend(
            chars
                .as_str()
                .chars()
                .take(continuation)
                .map_while(latin1_or_1252_byte),
        );
        let original = (seq.len() == continuation + 1)
            .then(|| std::str::from_utf8(&seq).ok()?.chars().next())
            .flatten();
        match original {
            Some(meant) => {
                out.push(meant);
                repaired += 1;
                for _ in 0..continuation {
                    chars.next();
                }
            }
            None => out.push(c),
        }
    }
    if repaired < DOUBLE_ENCODED_FROM {
        return text;
    }
    out
}

/// The byte 0x80..=0xBF that `c` stands for when UTF-8 continuation bytes
/// were read as Latin-1 (U+0080..U+00BF) or windows-1252 ("€", "™", "œ" …).
fn latin1_or_1252_byte(c: char) -> Option<u8> {
    static HIGH_1252: std::sync::LazyLock<Vec<(char, u8)>> = std::sync::LazyLock::new(|| {
        (0x80u8..=0x9F)
            .filter_map(|b| {
                let byte = [b];
                let (text, _, bad) = WINDOWS_1252.decode(&byte);
                let c = text.chars().next()?;
                (!bad && u32::from(c) > 0xFF).then_some((c, b))
            })
            .collect()
    });
    match u32::from(c) {
        code @ 0x80..=0xBF => Some(code as u8),
        _ => HIGH_1252
            .iter()
            .find(|(high, _)| *high == c)
            .map(|&(_, b)| b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_encoded_twice_is_read_as_meant() {
        // UTF-8 read as Latin-1: "“" became "â" and two control characters
        let latin1 = "<p>\u{e2}\u{80}\u{9c}The fact is,\u{e2}\u{80}\u{9d} Dr. Parr says. \
                      1.\u{c2}\u{a0}Myth</p>";
        assert_eq!(
            page_to_string(latin1.as_bytes(), None),
            "<p>“The fact is,” Dr. Parr says. 1.\u{a0}Myth</p>"
        );
        // read as windows-1252: "Iâ€™d", "cafÃ©", "naÃ¯ve"
        let cp1252 = "<p>Iâ€™d say the cafÃ© is naÃ¯ve — Zürich</p>";
        assert_eq!(
            page_to_string(cp1252.as_bytes(), None),
            "<p>I’d say the café is naïve — Zürich</p>"
        );
        // feeds too
        let feed = "<rss><item><title>Iâ€™d go â€“ now</title><description>cafÃ© \
                    crÃ¨me</description></item></rss>";
        assert_eq!(
            String::from_utf8(feed_to_utf8(feed.as_bytes(), None)).unwrap(),
            "<rss><item><title>I’d go – now</title><description>café \
             crème</description></item></rss>"
        );
        // a single look-alike is legitimate text, and so is a page without
        // the telltale marks
        for legit in [
            "<p>Iâ€™d say «Gruß» and Öl</p>",
            "<p>«Gruß» und «Maß» und «Spaß»</p>",
        ] {
            assert_eq!(page_to_string(legit.as_bytes(), None), legit);
        }
    }

    #[test]
    fn declared_legacy_encodings_are_decoded() {
        // "Zürich – €5" in ISO-8859-15 (the euro sign is 0xA4 there)
        let latin9 =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss><t>Z\xfcrich \xa4</t></rss>";
        let out = String::from_utf8(feed_to_utf8(latin9, None)).unwrap();
        assert_eq!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><t>Zürich €</t></rss>"
        );
        // windows-1252 curly quotes, declared by HTTP only
        let cp1252 = b"<rss><t>\x93Yes\x94</t></rss>";
        let out = String::from_utf8(feed_to_utf8(cp1252, Some("text/xml; charset=windows-1252")))
            .unwrap();
        assert_eq!(out, "<rss><t>“Yes”</t></rss>");
        // ISO-8859-2: "Łódź"
        let latin2 = b"<?xml version='1.0' encoding='iso-8859-2'?><t>\xa3\xf3d\xbc</t>";
        assert!(
            String::from_utf8(feed_to_utf8(latin2, None))
                .unwrap()
                .contains("Łódź")
        );
    }

    #[test]
    fn a_wrong_prolog_or_a_bom_does_not_garble_the_text() {
        // says ISO-8859-1, is UTF-8
        let body = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Zürich</t>".as_bytes();
        assert!(
            String::from_utf8(feed_to_utf8(body, None))
                .unwrap()
                .contains("<t>Zürich</t>")
        );
        // says UTF-8, is latin-1
        let body = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Z\xfcrich</t>";
        assert!(
            String::from_utf8(feed_to_utf8(body, None))
                .unwrap()
                .contains("<t>Zürich</t>")
        );
        // a UTF-8 BOM
        let body = "\u{feff}<rss><t>é</t></rss>".as_bytes();
        assert_eq!(feed_to_utf8(body, None), "<rss><t>é</t></rss>".as_bytes());
        // UTF-16LE with a BOM
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<t>ü</t>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(feed_to_utf8(&utf16, None), "<t>ü</t>".as_bytes());
    }

    #[test]
    fn a_second_declaration_is_dropped() {
        let twice = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t/></rss>";
        assert_eq!(
            feed_to_utf8(twice, None),
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><t/></rss>"
        );
        let unclosed = b"<rss><?xml encoding=\"x\"";
        assert_eq!(feed_to_utf8(unclosed, None), b"<rss>");
    }

    #[test]
    fn pages_follow_their_meta_charset() {
        let page = b"<html><head><meta charset=\"windows-1250\"></head><body>P\xf8\xedli\x9a</body></html>";
        assert!(page_to_string(page, None).contains("Příliš"));
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>caf\xe9";
        assert!(page_to_string(page, Some("text/html")).contains("café"));
    }
}
