//! The lead: the first paragraph that carries the news, cut to the word
//! budget at a sentence boundary.

use crate::summarise::clean::is_author_box;
use crate::summarise::extract::CELL_SEPARATOR;
use crate::summarise::sentences::{sentences_within, split_sentences};
use crate::text::word_count;

/// Fewest words a paragraph needs to count as news rather than a kicker,
/// caption or subtitle.
const MIN_LEAD_WORDS: usize = 12;

/// Chooses and trims the lead among the cleaned paragraphs.
pub fn pick_lead(paragraphs: &[String], title: Option<&str>, lead_words: usize) -> String {
    let chosen = paragraphs
        .iter()
        .find(|p| carries_news(p, title))
        .or_else(|| paragraphs.iter().max_by_key(|p| word_count(p)));
    match chosen {
        Some(p) => trim_to_sentences(p, lead_words),
        None => title.unwrap_or_default().to_string(),
    }
}

/// Long enough, written as sentences, not a row of a table (three cells or
/// more) and not a repeat of the headline.
fn carries_news(p: &str, title: Option<&str>) -> bool {
    let t = p.trim_end();
    let ends_as_sentence = t.ends_with(['.', '!', '?', '…', '"', '”', '»', '“', '’', ')', ':']);
    word_count(p) >= MIN_LEAD_WORDS
        && (ends_as_sentence || is_unpunctuated_sentence(t))
        && title.is_none_or(|title| !p.eq_ignore_ascii_case(title))
        && p.matches(CELL_SEPARATOR).nth(1).is_none()
        && !is_author_box(p)
}

/// A long line written as a sentence but without its full stop, as
/// standfirsts often are: not in title case like a heading.
fn is_unpunctuated_sentence(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= UNPUNCTUATED_LEAD_WORDS && capitalised * 2 < words.len()
}

/// Fewest words of a lead whose last sentence has no full stop.
const UNPUNCTUATED_LEAD_WORDS: usize = 15;

/// Whole sentences from the start of `p` while they fit in `budget` words;
/// the first sentence is kept whole even when it alone is longer.
pub fn trim_to_sentences(p: &str, budget: usize) -> String {
    let (kept, _) = sentences_within(p, budget);
    if kept.is_empty() {
        return split_sentences(p)
            .first()
            .copied()
            .unwrap_or_default()
            .to_string();
    }
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn skips_kicker_and_title() {
        let p = paras(&[
            "Ports strike",
            "Dock workers in Antwerp and Rotterdam walked out on Monday, halting container traffic at Europe's two busiest ports.",
        ]);
        assert!(pick_lead(&p, Some("Ports strike"), 60).starts_with("Dock workers"));
    }

    #[test]
    fn a_table_row_is_not_the_lead() {
        let p = paras(&[
            "Rank · Agency · Year founded · Markets served · Headquarters · Rating · Notable clients · Speciality.",
            "We compared twelve agencies on price, reach and the results their clients reported over two years.",
        ]);
        assert!(pick_lead(&p, None, 60).starts_with("We compared"));
    }

    #[test]
    fn trims_at_sentence_boundary() {
        let p = "First sentence has five words. Second sentence has five words. Third one too here now.";
        assert_eq!(
            trim_to_sentences(p, 10),
            "First sentence has five words. Second sentence has five words."
        );
        assert_eq!(trim_to_sentences(p, 3), "First sentence has five words.");
    }
}
