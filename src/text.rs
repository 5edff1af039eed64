//! Small text helpers shared by the stages.

use scraper::Html;

/// Decodes entities and drops tags from a snippet of HTML (titles, teasers),
/// folding white space. Plain text passes through unchanged but for spaces.
pub fn html_to_plain(snippet: &str) -> String {
    let decoded = if snippet.contains('<') || snippet.contains('&') {
        let fragment = Html::parse_fragment(snippet);
        let text: String = fragment.root_element().text().collect();
        // CDATA titles sometimes carry escaped markup: decode a second layer.
        if text.contains('<') && text.contains('>') || text.contains('&') {
            Html::parse_fragment(&text).root_element().text().collect()
        } else {
            text
        }
    } else {
        snippet.to_string()
    };
    fold_whitespace(&decoded)
}

/// Collapses runs of white space to one space, drops invisible characters
/// and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    if s.contains(INVISIBLE) {
        let visible: String = s.chars().filter(|c| !INVISIBLE.contains(c)).collect();
        return fold_whitespace(&visible);
    }
    // (written straight into one string: this runs for every block of
    // every page)
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(first);
    for word in words {
        out.push(' ');
        out.push_str(word);
    }
    out
}

/// Characters that take no room and carry no text: zero-width space, word
/// joiner, byte order mark. (Zero-width joiners stay: emoji and some
/// scripts need them.)
const INVISIBLE: [char; 3] = ['\u{200B}', '\u{2060}', '\u{FEFF}'];

/// Number of words, as a reader counts them.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_of_snippets() {
        assert_eq!(html_to_plain("A &amp; B"), "A & B");
        assert_eq!(html_to_plain("<p>Hello <b>world</b></p>\n "), "Hello world");
        assert_eq!(html_to_plain("&lt;b&gt;Bold&lt;/b&gt; move"), "Bold move");
        assert_eq!(html_to_plain("Plain  text"), "Plain text");
        assert_eq!(
            fold_whitespace("\u{200B}\u{200B}I ordered  it\u{FEFF}."),
            "I ordered it."
        );
    }
}
