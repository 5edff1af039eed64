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

/// Collapses runs of white space to one space and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
    }
}
