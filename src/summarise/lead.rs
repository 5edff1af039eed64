//! The lead: the first paragraph that carries the news, cut to the word
//! budget at a sentence boundary.

use std::sync::LazyLock;

use regex::Regex;

use crate::summarise::clean::is_author_box;
use crate::summarise::extract::CELL_SEPARATOR;
use crate::summarise::sentences::{AFTER_AN_ORDINAL, sentences_within, split_sentences};
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
        Some(p) => trim_to_sentences(without_dateline(p), lead_words),
        None => title.unwrap_or_default().to_string(),
    }
}

/// A place name in capitals, as a dateline sets it: "BRUSSELS", "SAN
/// SEBASTIÁN", "L'AQUILA".
const PLACE_IN_CAPITALS: &str = r"[\p{Lu}][\p{Lu}’'.\-]+(?:[ /][\p{Lu}][\p{Lu}’'.\-]+)*";

/// The paragraph without the wire dateline it opens with: "BRUSSELS, Nov
/// 27 (Reuters) - ", "Berlin (dpa) - ", "Madrid, 27 nov (EFE).- ",
/// "(ANSA) - ROMA, 27 NOV - ", "LONDON — ". The digest gives the source and
/// the time beside the lead; the body keeps the dateline. A place in
/// mixed case needs its agency; one in capitals an agency, a date or an em
/// dash ("NATO - Russia talks" is news), or an article after the dash
/// ("ROMA – Il governo …"); the news after the dash opens with a capital, a
/// digit or a quotation mark.
fn without_dateline(p: &str) -> &str {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        let agency = r"\([\p{L}][\p{L}.&\s]{1,24}\)";
        let place_in_capitals = PLACE_IN_CAPITALS;
        let place = r"[\p{Lu}][\p{L}’'.\-]+(?:\s[\p{Lu}][\p{L}’'.\-]+)*";
        let date = r",\s*[^()\-–—\n]{1,30}?";
        Regex::new(&format!(
            r"^(?:{agency}\s*[-–—]\s*)?(?:(?:{place_in_capitals}(?:{date})?\s*{agency}|{place_in_capitals}{date}|{place}(?:{date})?\s*{agency})\s*\.?\s*[-–—]+|{place_in_capitals}\s+—)\s+[\p{{Lu}}\p{{N}}“\x22«„]"
        ))
        .expect("dateline pattern")
    });
    // "ROMA – Il governo …", "PARIS - Le gouvernement …"
    static PLACE_THEN_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{PLACE_IN_CAPITALS}\s+[-–]\s+(L['’]\p{{L}}|(?:The|An|Il|Lo|La|Gli|Le|Les|Un|Une|Uno|Una|Der|Die|Das|Ein|Eine|El|Los|Las)\s)"
        ))
        .expect("dateline before an article")
    });
    if let Some(news) = DATELINE
        .find(p)
        // the match ends with the news's first character
        .map(|m| m.end() - p[..m.end()].chars().next_back().map_or(0, char::len_utf8))
        .or_else(|| {
            PLACE_THEN_ARTICLE
                .captures(p)
                .and_then(|c| c.get(1))
                .map(|m| m.start())
        })
    {
        return &p[news..];
    }
    p
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
        && !is_numbered_item(p)
}

/// An item of a numbered list ("1. Weigh your flours …", "2) Data analysis
/// tools …"): a step or a takeaway, not the story's opening. A German
/// ordinal ("12. Februar 2026 – Der Bundestag …") is no list number.
fn is_numbered_item(p: &str) -> bool {
    let digits = p.len() - p.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(rest) = p[digits..]
        .strip_prefix(['.', ')'])
        .and_then(|rest| rest.strip_prefix(' '))
    else {
        return false;
    };
    let next = rest.split_whitespace().next().unwrap_or_default();
    (1..=2).contains(&digits) && !AFTER_AN_ORDINAL.contains(&next.trim_end_matches([',', '.']))
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
    fn a_numbered_item_is_not_the_lead() {
        for (texts, lead) in [
            (
                [
                    "1. Data analysis tools help organisations process and interpret large volumes of data.",
                    "Data analysis is crucial to businesses, which create more data every day than they can read.",
                ],
                "Data analysis is crucial",
            ),
            // a year or a figure opening a sentence is no list number
            (
                [
                    "2026 was the year the ports of Antwerp and Rotterdam handled more containers than ever before.",
                    "Both ports now plan to widen their access channels for the largest ships by the end of 2028.",
                ],
                "2026 was",
            ),
            (
                [
                    "12. Februar 2026 – Der Bundestag hat den Haushalt für das kommende Jahr mit knapper Mehrheit beschlossen.",
                    "Die Opposition kündigte an, gegen einzelne Posten vor dem Bundesverfassungsgericht zu klagen.",
                ],
                "12. Februar",
            ),
        ] {
            assert!(
                pick_lead(&paras(&texts), None, 60).starts_with(lead),
                "{lead}"
            );
        }
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
    fn the_lead_goes_without_its_wire_dateline() {
        const NEWS: &str = "European Union finance ministers agreed on Wednesday on new rules for national budgets after all-night talks.";
        for dateline in [
            "BRUSSELS, Nov 27 (Reuters) - ",
            "BRUSSELS (AP) — ",
            "LONDON — ",
            "Brüssel (dpa) - ",
            "Bruxelles, 27 nov (EFE).- ",
            "(ANSA) - BRUXELLES, 27 NOV - ",
            "SAN SEBASTIÁN, Spain – ",
        ] {
            let p = paras(&[&format!("{dateline}{NEWS}")]);
            assert_eq!(pick_lead(&p, None, 60), NEWS, "{dateline}");
        }
        // in capitals before a plain dash, a place when an article opens the news
        for (dateline, news) in [
            (
                "ROMA – ",
                "La Camera ha approvato il decreto sull'energia con 180 voti favorevoli e 110 contrari.",
            ),
            (
                "PARIS - ",
                "Le gouvernement a présenté mercredi son plan pour réduire le déficit public en 2027.",
            ),
            (
                "MADRID - ",
                "El Gobierno aprobó este martes el anteproyecto de ley de presupuestos para el próximo año.",
            ),
            (
                "BERLIN - ",
                "Die Bundesregierung hat am Mittwoch den Haushaltsentwurf für das kommende Jahr beschlossen.",
            ),
            (
                "MILANO – ",
                "L'inflazione nell'area dell'euro è scesa a novembre al livello più basso da tre anni.",
            ),
        ] {
            let p = paras(&[&format!("{dateline}{news}")]);
            assert_eq!(pick_lead(&p, None, 60), news, "{dateline}");
        }
        // a capitalised word that opens the news is no dateline
        for kept in [
            "NATO - the alliance of thirty-two countries - agreed on Wednesday to raise its spending target again.",
            "Ursula von der Leyen - re-elected in July - named her new team of commissioners on Wednesday in Strasbourg.",
            "NATO - Russia Council talks resumed on Wednesday in Brussels for the first time in four years.",
            "EU - Mercosur: the trade deal that took twenty-five years to negotiate was finally signed on Wednesday.",
        ] {
            assert_eq!(pick_lead(&paras(&[kept]), None, 60), kept);
        }
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
