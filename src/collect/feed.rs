//! Turning the bytes of an RSS, Atom or JSON Feed document into plain items.

use chrono::{DateTime, Utc};
use url::Url;

use crate::text::html_to_plain;

/// One entry of a feed, decoded to plain values.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The feed's own identifier (guid, id), or the link when absent.
    pub id: String,
    /// Plain-text headline.
    pub title: String,
    /// Absolute link to the article page.
    pub url: String,
    pub published: Option<DateTime<Utc>>,
    /// The richest text the feed offers (full content, else summary), as HTML or text.
    pub content: String,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a valid RSS, Atom or JSON feed: {0}")]
pub struct FeedError(String);

/// Parses RSS 0.9x/1.0/2.0, Atom or JSON Feed; relative links are resolved
/// against `base` when given.
pub fn parse_feed(body: &[u8], base: Option<&Url>) -> Result<ParsedFeed, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.map(|u| u.as_str()))
        .build();
    // The XML reader below feed-rs has panicked on hostile input before;
    // a source must never take the run down with it.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(body)))
        .map_err(|_| FeedError("the feed parser failed on this document".into()))?;
    let feed = parsed.map_err(|e| {
        FeedError(match &e {
            feed_rs::parser::ParseFeedError::JsonSerde(_) => describe_feed_error(&e),
            _ => xml_error_at_line(body).unwrap_or_else(|| describe_feed_error(&e)),
        })
    })?;
    let title = feed
        .title
        .map(|t| html_to_plain(&t.content))
        .filter(|t| !t.is_empty());
    let items = feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.clone())?;
            let url = match base {
                Some(b) => b.join(&link).map(|u| u.to_string()).unwrap_or(link),
                None => link,
            };
            let title = entry
                .title
                .map(|t| html_to_plain(&t.content))
                .unwrap_or_default();
            let content = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content))
                .unwrap_or_default();
            let id = if entry.id.is_empty() {
                url.clone()
            } else {
                entry.id
            };
            Some(FeedItem {
                id,
                title,
                url,
                published: entry.published.or(entry.updated),
                content,
            })
        })
        .collect();
    Ok(ParsedFeed { title, items })
}

/// Where an XML document stops being well-formed: "XML error at line N: …".
fn xml_error_at_line(body: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(_) => buf.clear(),
            Err(e) => {
                let at = (reader.error_position() as usize).min(body.len());
                let line = body[..at].iter().filter(|b| **b == b'\n').count() + 1;
                return Some(format!("XML error at line {line}: {e}"));
            }
        }
    }
}

fn describe_feed_error(e: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::ParseFeedError as E;
    match e {
        E::ParseError(kind) => format!("{kind:?}"),
        E::IoError(e) => e.to_string(),
        E::JsonSerde(e) => format!(
            "JSON error at line {}, column {}: {e}",
            e.line(),
            e.column()
        ),
        E::JsonUnsupportedVersion(v) => format!("unsupported JSON Feed version {v}"),
        E::XmlReader(e) => format!("XML error: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_decoded_and_links_resolved() {
        let rss = br#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire &amp; Co</title>
<item><title><![CDATA[Ministers &amp; unions <b>agree</b>]]></title><link>/a/1</link>
<guid>id-1</guid><pubDate>Wed, 25 Nov 2026 08:00:00 +0100</pubDate><description>Short.</description></item>
</channel></rss>"#;
        let base = Url::parse("https://news.example.org/feed.xml").unwrap();
        let feed = parse_feed(rss, Some(&base)).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Wire & Co"));
        let item = &feed.items[0];
        assert_eq!(item.title, "Ministers & unions agree");
        assert_eq!(item.url, "https://news.example.org/a/1");
        assert_eq!(item.id, "id-1");
        assert_eq!(
            item.published.unwrap().to_rfc3339(),
            "2026-11-25T07:00:00+00:00"
        );
    }

    #[test]
    fn json_feed_is_read() {
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
            {"id":"1","url":"https://x.example/1","title":"One","content_text":"Body text.","date_published":"2026-11-25T10:00:00Z"}]}"#;
        let feed = parse_feed(json, None).unwrap();
        assert_eq!(feed.items[0].content, "Body text.");
    }

    #[test]
    fn malformed_xml_is_an_error_with_its_line() {
        let err = parse_feed(b"<rss>\n<channel>\n<item>\n</rss>", None).unwrap_err();
        assert!(err.to_string().contains("at line 4"), "{err}");
    }
}
