//! Property tests over the paths that eat bytes from the web: feed decoding
//! and parsing, page decoding and summarising. Whatever arrives, nothing
//! panics and every input is done within a second (a hang would show as a
//! case far past that budget). `PROPTEST_CASES=5000 cargo test --test
//! fuzz_feeds_and_pages` runs a longer campaign.

use std::time::{Duration, Instant};

use newsdigest::collect::{charset, feed};
use newsdigest::summarise::summarise;
use proptest::prelude::*;

const BUDGET: Duration = Duration::from_secs(1);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < BUDGET, "{what} took {took:?}");
    out
}

/// Fragments that steer random input into the parsers' deeper paths.
fn feedish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".to_string()),
            Just("<rss version=\"2.0\"><channel>".to_string()),
            Just("<feed xmlns=\"http://www.w3.org/2005/Atom\">".to_string()),
            Just("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">".to_string()),
            Just("<item><title>".to_string()),
            Just("</title><link>".to_string()),
            Just("</link><pubDate>".to_string()),
            Just("Wed, 25 Nov 2026 12:00:00 GMT".to_string()),
            Just("</pubDate><description><![CDATA[".to_string()),
            Just("]]></description></item>".to_string()),
            Just("<entry><title type=\"html\">&lt;b&gt;".to_string()),
            Just("<link href=\"../x\"/></entry>".to_string()),
            Just(
                "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"url\":"
                    .to_string()
            ),
            Just("&amp;&#x1F600;&#0;&bogus;".to_string()),
            "\\PC{0,40}",
        ],
        0..40,
    );
    (pieces, prop::collection::vec(any::<u8>(), 0..64)).prop_map(|(p, noise)| {
        let mut bytes = p.concat().into_bytes();
        bytes.extend(noise);
        bytes
    })
}

fn pageish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("<html><head><meta charset=\"windows-1250\"><title>".to_string()),
            Just("</title></head><body><article>".to_string()),
            Just("<p>“We will not stop,” said Minister Ana Lima. ".to_string()),
            Just("« Nous verrons », a déclaré M. Dupont.</p>".to_string()),
            Just("<nav>Home Europe</nav><div class=\"share\">Share".to_string()),
            Just("<script>var x = '<p>';</script><style>p{}</style>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("<ol start=\"-3\"><li value=\"x\">".to_string()),
            Just(
                "<!--$?--><template id=\"B:0\"></template><div>Loading</div><!--/$-->".to_string()
            ),
            Just("<template id=\"P:1\"></template><!--$-->".to_string()),
            Just("<div hidden id=\"S:0\"><p>Streamed <template id=\"B:0\"></template>".to_string()),
            Just("<div hidden id=\"S:1\"><template id=\"P:1\"></template></div>".to_string()),
            Just("</div></span></p></article>".to_string()),
            Just("<aside><aside>Box</aside><nav><nav>Menu".to_string()),
            Just("</aside></form></nav></footer></select>".to_string()),
            Just("<form><form><input name=q></form><select><option>A".to_string()),
            Just(
                "<!-- <footer> <svg/><SVG viewBox=\"0 0 1 1\"><link rel=x><noscript><p>"
                    .to_string()
            ),
            Just(
                "<button aria-controls=\"a b\">More</button><div id=\"a\" style=\"display:none\" \
                 hidden aria-hidden=\"true\"><p>Folded"
                    .to_string()
            ),
            Just("Iâ€™d cafÃ© \u{e2}\u{80}\u{9c}Ã\u{a0}\u{c2}".to_string()),
            Just("U.S. Mr. Jan. 3.5 z. B. … ".to_string()),
            "\\PC{0,60}",
        ],
        0..60,
    );
    (pieces, prop::collection::vec(any::<u8>(), 0..64)).prop_map(|(p, noise)| {
        let mut bytes = p.concat().into_bytes();
        bytes.extend(noise);
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_a_feed(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        timed("feed", || {
            let utf8 = charset::feed_to_utf8(&bytes, Some("text/xml; charset=iso-8859-2"));
            let _ = feed::parse_feed(&utf8, None);
        });
    }

    #[test]
    fn feed_shaped_bytes(bytes in feedish()) {
        timed("feed", || {
            let utf8 = charset::feed_to_utf8(&bytes, None);
            prop_assert!(std::str::from_utf8(&utf8).is_ok());
            let base = url::Url::parse("https://news.test/feeds/main.xml").unwrap();
            if let Ok(parsed) = feed::parse_feed(&utf8, Some(&base)) {
                // every link that came out is absolute
                for item in parsed.items {
                    prop_assert!(url::Url::parse(&item.url).is_ok() || !item.url.contains(':'), "{}", item.url);
                }
            }
            Ok(())
        })?;
    }

    #[test]
    fn any_bytes_as_a_page(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        timed("page", || {
            let text = charset::page_to_string(&bytes, None);
            let _ = summarise(&text, 60);
        });
    }

    #[test]
    fn page_shaped_bytes(bytes in pageish()) {
        timed("page", || {
            let text = charset::page_to_string(&bytes, Some("text/html"));
            let summary = summarise(&text, 60);
            // the lead comes from the body, or is the headline of a page without one
            prop_assert!(
                summary.lead.is_empty()
                    || !summary.body.is_empty()
                    || summary.title.as_deref() == Some(summary.lead.as_str())
            );
            if let Some(q) = summary.quote {
                prop_assert!(!q.text.trim().is_empty());
            }
            Ok(())
        })?;
    }
}
