//! Stage 2: from an article page (HTML or plain text) to what a reader
//! needs: the cleaned text, a lead cut at a sentence boundary, and the key
//! quote with its speaker.
//!
//! `streamed` puts the late parts of a streamed (React) page in place,
//! `collapsed` unfolds sections hidden behind a button, `marked` takes
//! out the subtitle and photo captions a page marks by class, `extract` finds the
//! paragraphs, `clean` drops page furniture, `lead` picks the paragraph
//! that carries the news, `quote` the quotation worth reading; `sentences`
//! is shared by the last two.

pub mod clean;
pub mod collapsed;
pub mod extract;
pub mod lead;
pub mod marked;
pub mod quote;
pub mod sentences;
pub mod streamed;

use crate::model::Summary;
use crate::text::word_count;

/// A heading is short and does not end like a sentence; a quotation may
/// close it ("Manovra, Giorgetti: «Nessuna nuova tassa per le famiglie»").
fn is_heading_like(p: &str) -> bool {
    let words = word_count(p);
    let t = p.trim_end();
    let quoted = t.ends_with(['"', '”', '»', '“']) && t.contains(": ");
    let t = if quoted {
        t.trim_end_matches(['"', '”', '»', '“'])
    } else {
        t
    };
    (3..=25).contains(&words) && !t.ends_with(['.', '!', '?', '"', '”', '»', ':', ';', ','])
}

/// Summarises one article page; `lead_words` is the lead's word budget.
pub fn summarise(input: &str, lead_words: usize) -> Summary {
    let extracted = extract::extract(input);
    let mut paragraphs = clean::clean_paragraphs(extracted.paragraphs);

    // The headline: from the markup, or the first heading-like line of text.
    let mut title = extracted.title;
    if !extracted.title_from_markup && paragraphs.first().is_some_and(|p| is_heading_like(p)) {
        title = Some(paragraphs.remove(0));
    }
    if let Some(t) = &title {
        paragraphs.retain(|p| !same_text(p, t));
    }

    let lead = lead::pick_lead(&paragraphs, title.as_deref(), lead_words);
    let quote = quote::pick_key_quote(&paragraphs, &lead);
    Summary {
        title,
        body: paragraphs.join("\n\n"),
        lead,
        quote,
    }
}

/// The same words, case and punctuation aside. (Compared as it goes, so
/// most paragraphs differ from the headline within a few letters.)
fn same_text(a: &str, b: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    }
    letters(a).eq(letters(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_page_in_the_seed_style() {
        let page = "Home Europe Ports strike halts traffic in Antwerp\n\nPorts strike halts traffic in Antwerp\n\nby editor\n\n\
Dock workers in Antwerp walked out on Monday, halting container traffic at Europe’s second-busiest port, the union’s general secretary, Marie Claes, said.\n\n\
“We have asked for talks for six months and nobody has answered us. Now the ships will wait,” she told reporters at the gate.\n\n\
Source link\n\nRelated Posts";
        let s = summarise(page, 60);
        assert_eq!(
            s.title.as_deref(),
            Some("Ports strike halts traffic in Antwerp")
        );
        assert!(s.lead.starts_with("Dock workers in Antwerp"), "{}", s.lead);
        let q = s.quote.unwrap();
        assert!(q.text.starts_with("We have asked for talks"));
        assert_eq!(q.speaker.as_deref(), Some("Marie Claes"));
        for junk in ["Home Europe", "by editor", "Source link", "Related Posts"] {
            assert!(!s.body.contains(junk), "{junk} left in body");
        }
        assert_eq!(s.body.split("\n\n").count(), 2);
    }

    #[test]
    fn a_headline_may_end_in_a_quotation() {
        let page = "Manovra, Giorgetti: «Nessuna nuova tassa per le famiglie»\n\ndi Marco Rossi\n\n27 novembre 2026\n\n\
ROMA - Il ministro dell'Economia, Giancarlo Giorgetti, ha presentato giovedì la manovra da 30 miliardi per il 2027.\n\n\
«Non ci sarà nessuna nuova tassa per le famiglie, e il taglio del cuneo diventa strutturale», ha detto il ministro in conferenza stampa a Palazzo Chigi.";
        let s = summarise(page, 60);
        assert_eq!(
            s.title.as_deref(),
            Some("Manovra, Giorgetti: «Nessuna nuova tassa per le famiglie»")
        );
        assert!(s.body.starts_with("ROMA - Il ministro"), "{}", s.body);
        let q = s.quote.unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Giancarlo Giorgetti"));
        // a quotation alone is no headline
        assert!(!is_heading_like("«Nessuna nuova tassa per le famiglie»"));
    }
}
