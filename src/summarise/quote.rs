//! The key quote: a direct quotation of whole sentences, attributed to a
//! named speaker, that says something. No quote is better than a bad one.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Quote;
use crate::text::word_count;

/// Shortest and longest quotation worth putting in a digest, in words.
const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 60;

/// Verbs and phrases that attribute speech, in the languages of our sources.
const VERBS: &str = r"said|says|added|adds|told|tells|wrote|writes|stated|states|explained|warned|insisted|argued|noted|declared|continued|replied|stressed|announced|dit|a\s+dit|a\s+déclaré|déclare|a\s+affirmé|affirme|a\s+ajouté|ajoute|a\s+expliqué|explique|a\s+estimé|estime|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte\s+hinzu|dijo|dice|afirmó|explicó|añadió|señaló|aseguró|ha\s+detto|ha\s+dichiarato|ha\s+affermato|ha\s+spiegato|ha\s+aggiunto";
/// Introductions that put the speaker after the verb.
const ACCORDING: &str = r"according\s+to|selon|laut|según|secondo";
/// A person's or organisation's name: capitalised words, with the usual particles.
const NAME: &str = r"[\p{Lu}][\p{L}’'.\-]*(?:\s+(?:[\p{Lu}][\p{L}’'.\-]*|de|van|von|der|den|da|di|del|della|du|bin|al|le|la))*";

/// A name after the verb may follow a title written in lower case
/// ("said Icelandic foreign minister Guðrún Jónsdóttir"); the title is
/// dropped later by `reduce_name`.
const TITLED_NAME: &str = r"(?:[\p{Lu}][\p{L}’'.\-]*\s+|(?:foreign|prime|finance|economy|economics|defence|defense|interior|health|justice|trade|energy|climate|transport|education|deputy|vice|chief|senior|former|minister|ministers|secretary|spokesman|spokeswoman|spokesperson|president|chancellor|commissioner|ambassador|mayor|governor|director|general|head|leader|chair|chairman|chairwoman|executive|officer|economist|analyst|professor|researcher|lawyer|for)\s+)*";

/// The same pronouns as a pattern, in any case.
const PRONOUN: &str = r"(?i:he|she|they|il|elle|ils|elles|er|sie|él|ella|lui|lei)\b";

/// Endings of compound job titles ("Finanzminister", "Regierungssprecher").
const TITLE_ENDINGS: &[&str] = &[
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "vorsitzende",
    "vorsitzender",
    "ministre",
    "président",
    "présidente",
    "ministro",
    "ministra",
];

/// A description put before a name: "the city's deputy mayor, ".
const APPOSITION: &str = r"(?:(?i:the|a|an|its|their|his|her|our|le|la|l’|der|die|el|il)\s+[^,.;:“”«»„\x22]{1,60}?,?\s+)";

/// Pronouns that stand for the last person named.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "il", "elle", "ils", "elles", "er", "sie", "él", "ella", "lui", "lei",
];

/// Words that are capitalised at the start of a sentence, or are job titles,
/// and so are never the name itself.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "but",
    "and",
    "then",
    "yet",
    "so",
    "as",
    "also",
    "still",
    "meanwhile",
    "however",
    "later",
    "earlier",
    "speaking",
    "asked",
    "this",
    "that",
    "it",
    "le",
    "la",
    "les",
    "der",
    "die",
    "das",
    "el",
    "il",
    "lo",
    "los",
    "las",
    "un",
    "une",
    "ein",
    "eine",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "secretary-general",
    "general",
    "gen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "senator",
    "sen.",
    "rep.",
    "governor",
    "mayor",
    "king",
    "queen",
    "pope",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "economy",
    "vice",
    "deputy",
    "former",
    "premier",
    "président",
    "präsident",
    "kanzler",
    "bundeskanzler",
    "ministerin",
    "presidente",
    "ministro",
    "monsieur",
    "m.",
    "mme",
    "herr",
    "frau",
    "sr.",
    "sra.",
    "signor",
    "leader",
    "head",
    "justice",
    "judge",
    "lawyer",
    "professor",
    "analyst",
    "economist",
    "officials",
    "official",
    "colonel",
    "captain",
    "admiral",
    "sir",
    "dame",
    "lord",
];

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.:;—–-]?\s*(?:{APPOSITION}?(?P<who>{PRONOUN}|{NAME})\s*,?\s+(?:{VERBS})\b|(?:{VERBS})\s+{APPOSITION}?(?P<who2>{TITLED_NAME}{NAME})|(?:{ACCORDING})\s+(?P<who3>{NAME}))"
    ))
    .expect("after-quote attribution pattern")
});

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<who>{PRONOUN}|{NAME})\s*,?\s+(?:{VERBS})(?:\s+[\p{{Ll}}][\p{{L}}’'\-]*){{0,4}}|(?:{ACCORDING})\s+(?P<who3>{NAME}))\s*[:,]?\s*$"
    ))
    .expect("before-quote attribution pattern")
});

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<who>{NAME})\s*,?\s+(?:{VERBS})\b|(?:{VERBS})\s+(?P<who2>{NAME})|(?:{ACCORDING})\s+(?P<who3>{NAME})"
    ))
    .expect("speaker mention pattern")
});

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    paragraph: usize,
    /// Byte offsets of the opening and after the closing mark.
    start: usize,
    end: usize,
    text: String,
}

/// The closing marks that end a quotation opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”'],
        '"' => &['"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        '›' => &['‹'],
        _ => &[],
    }
}

/// Finds the quotations of one paragraph, outermost first.
fn quotations(paragraph: usize, text: &str) -> Vec<Found> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let close = closers(c);
        let opens_here = !close.is_empty()
            && (i == 0 || {
                let prev = chars[i - 1].1;
                prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':' | '\u{a0}')
            })
            && chars
                .get(i + 1)
                .is_some_and(|&(_, n)| !n.is_whitespace() || matches!(c, '«' | '‹'));
        if !opens_here {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut closed = None;
        while j < chars.len() {
            let (_, d) = chars[j];
            // an apostrophe inside a word ("won’t") does not close a single quote
            let inside_word = d == '’'
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic())
                && chars[j - 1].1.is_alphabetic();
            if close.contains(&d) && !inside_word {
                closed = Some(j);
                break;
            }
            j += 1;
        }
        let Some(j) = closed else {
            i += 1;
            continue;
        };
        let inner_start = pos + c.len_utf8();
        let inner_end = chars[j].0;
        let end = inner_end + chars[j].1.len_utf8();
        let inner = text[inner_start..inner_end]
            .trim_matches(|ch: char| ch.is_whitespace())
            .trim_end_matches([',', ';', ':'])
            .trim_end();
        if !inner.is_empty() {
            found.push(Found {
                paragraph,
                start: pos,
                end,
                text: inner.to_string(),
            });
        }
        i = j + 1;
    }
    found
}

/// Whole sentences: starts with a capital (or a number) and ends with
/// sentence punctuation or the comma of a "…,” he said" attribution.
fn is_complete(found: &Found, paragraph: &str) -> bool {
    let comma_after = paragraph[found.end..].trim_start().starts_with(',');
    let first = found.text.chars().find(|c| c.is_alphanumeric());
    let starts_ok = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let raw_inner = &paragraph[found.start..found.end];
    let raw_inner = raw_inner.trim_end_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '…' | ',')
    });
    let ends_ok =
        found.text.ends_with(['.', '!', '?', '…']) || raw_inner.ends_with(',') || comma_after;
    starts_ok && ends_ok
}

fn who(caps: &regex::Captures<'_>) -> Option<String> {
    caps.name("who")
        .or_else(|| caps.name("who2"))
        .or_else(|| caps.name("who3"))
        .map(|m| m.as_str().trim().to_string())
}

fn is_pronoun(name: &str) -> bool {
    PRONOUNS.contains(&name.to_lowercase().as_str())
}

/// Reduces "U.S. President Joe Biden" to "Joe Biden" and "Then Merkel" to
/// "Merkel"; `None` when nothing name-like is left.
fn reduce_name(raw: &str) -> Option<String> {
    let raw = raw.trim_end_matches(['.', ',']);
    if is_pronoun(raw) {
        return Some(raw.to_lowercase());
    }
    let tokens: Vec<&str> = raw.split_whitespace().collect();
    let last_title = tokens.iter().rposition(|t| {
        let lower = t.to_lowercase();
        NOT_NAMES.contains(&lower.as_str())
            || TITLE_ENDINGS.iter().any(|e| lower.ends_with(e))
            || t.ends_with("’s")
            || t.ends_with("'s")
    });
    let rest = match last_title {
        Some(k) => &tokens[k + 1..],
        None => &tokens[..],
    };
    let rest: Vec<&str> = rest
        .iter()
        .copied()
        .skip_while(|t| t.chars().next().is_some_and(|c| !c.is_uppercase()))
        .collect();
    if rest.is_empty() {
        None
    } else {
        Some(rest.join(" "))
    }
}

/// Names spoken of as sources before `(paragraph, offset)`, most recent last.
fn speakers_before(paragraphs: &[String], paragraph: usize, offset: usize) -> Vec<String> {
    let mut names = Vec::new();
    for (k, p) in paragraphs.iter().enumerate().take(paragraph + 1) {
        let limit = if k == paragraph { offset } else { p.len() };
        for caps in MENTION.captures_iter(&p[..limit]) {
            if let Some(name) = who(&caps).as_deref().and_then(reduce_name)
                && !is_pronoun(&name)
            {
                names.push(name);
            }
        }
    }
    names
}

/// "Stoltenberg" becomes "Jens Stoltenberg" when the article names him in full.
fn full_name(name: &str, paragraphs: &[String]) -> String {
    if name.contains(' ') {
        return name.to_string();
    }
    let pattern = format!(r"([\p{{Lu}}][\p{{L}}’'\-]+)\s+{}\b", regex::escape(name));
    let Ok(re) = Regex::new(&pattern) else {
        return name.to_string();
    };
    paragraphs
        .iter()
        .flat_map(|p| re.captures_iter(p).collect::<Vec<_>>())
        .map(|c| c[1].to_string())
        .find(|first| {
            !NOT_NAMES.contains(&first.to_lowercase().as_str())
                && !first.ends_with("’s")
                && !first.ends_with("'s")
        })
        .map(|first| format!("{first} {name}"))
        .unwrap_or_else(|| name.to_string())
}

/// Who said the quotation, from the words around it.
fn speaker_of(found: &Found, paragraphs: &[String]) -> Option<String> {
    let p = &paragraphs[found.paragraph];
    let after = &p[found.end..];
    let before = &p[..found.start];
    let raw = AFTER
        .captures(after)
        .and_then(|c| who(&c))
        .or_else(|| BEFORE.captures(before).and_then(|c| who(&c)))?;
    let name = reduce_name(&raw)?;
    let name = if is_pronoun(&name) {
        speakers_before(paragraphs, found.paragraph, found.start)
            .into_iter()
            .rev()
            .find(|n| n.contains(' ') || n.chars().skip(1).any(|c| c.is_lowercase()))?
    } else {
        name
    };
    Some(full_name(&name, paragraphs))
}

/// Picks the key quote of an article, or none when no quotation qualifies.
pub fn pick_key_quote(paragraphs: &[String], lead: &str) -> Option<Quote> {
    let mut best: Option<(f32, Quote)> = None;
    let mut order = 0.0_f32;
    for (k, p) in paragraphs.iter().enumerate() {
        // the previous quotation of this paragraph: its end and speaker
        let mut previous: Option<(usize, Option<String>)> = None;
        for found in quotations(k, p) {
            order += 1.0;
            let own = speaker_of(&found, paragraphs);
            // a quotation split by its attribution ("…,” she said. “…")
            // continues the speaker of the part before it
            let speaker = own.or_else(|| {
                let (end, speaker) = previous.as_ref()?;
                let between = &p[*end..found.start];
                (word_count(between) <= 8 && AFTER.is_match(between))
                    .then(|| speaker.clone())
                    .flatten()
            });
            previous = Some((found.end, speaker.clone()));
            let words = word_count(&found.text);
            if !(MIN_WORDS..=MAX_WORDS).contains(&words)
                || !is_complete(&found, p)
                || lead.contains(&found.text)
            {
                continue;
            }
            let Some(speaker) = speaker else {
                continue;
            };
            let mut score = 1.0 - 0.01 * order;
            if (12..=45).contains(&words) {
                score += 0.5;
            }
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((
                    score,
                    Quote {
                        text: found.text,
                        speaker: Some(speaker),
                    },
                ));
            }
        }
    }
    best.map(|(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pronoun_resolves_to_full_name_of_last_speaker() {
        let p = paras(&[
            "Fishing quotas for the Baltic will be cut by a third, the bloc’s fisheries commissioner, Anna Lindqvist, said Tuesday.",
            "Lindqvist said member states “are worried about stocks.”",
            "“Cod stocks will not recover unless we act now. We owe it to the coastal towns that depend on them,” she said in a statement.",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert!(q.text.starts_with("Cod stocks will not recover"), "{q:?}");
        assert!(q.text.ends_with("depend on them"), "{q:?}");
        assert_eq!(q.speaker.as_deref(), Some("Anna Lindqvist"));
    }

    #[test]
    fn speaker_after_verb_and_titles_dropped() {
        let p = paras(&[
            "“We will not accept any deal that leaves our farmers worse off than before,” said French Agriculture Minister Marc Dubois.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Marc Dubois"));
        let p = paras(&[
            "“Our researchers need to be on the same ships again, sharing the same data, if we want to understand it,” said Icelandic foreign minister Guðrún Jónsdóttir after the meeting.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Guðrún Jónsdóttir"));
    }

    #[test]
    fn speaker_before_quote_and_guillemets() {
        let p = paras(&[
            "Le ministre Jean Martin a déclaré : « Nous allons réduire les émissions de moitié avant la fin de la décennie. »",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(
            q.text,
            "Nous allons réduire les émissions de moitié avant la fin de la décennie."
        );
        assert_eq!(q.speaker.as_deref(), Some("Jean Martin"));
    }

    #[test]
    fn described_speaker_after_quote() {
        let p = paras(&[
            "“Every flat roof in this city is a power station waiting to be switched on,” the city's deputy mayor, Lucía Moreno, said at the launch.",
        ]);
        assert_eq!(
            pick_key_quote(&p, "").unwrap().speaker.as_deref(),
            Some("Lucía Moreno")
        );
        let p = paras(&[
            "“Every flat roof in this city is a power station waiting to be switched on,” said the deputy mayor Lucía Moreno.",
        ]);
        assert_eq!(
            pick_key_quote(&p, "").unwrap().speaker.as_deref(),
            Some("Lucía Moreno")
        );
    }

    #[test]
    fn a_quote_split_by_its_attribution_keeps_its_speaker() {
        let p = paras(&[
            "Mayor Ana Lima said the margin was thin.",
            "“It was close,” she said. “But the city will now build the new tram line through every district that asked for it, starting next spring.”",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert!(
            q.text.starts_with("But the city will now build"),
            "{}",
            q.text
        );
        assert_eq!(q.speaker.as_deref(), Some("Ana Lima"));
        // verbatim from the article
        assert!(p[1].contains(&q.text));
        // without the attribution in between, the second part has no speaker
        let p = paras(&[
            "“It was close.” Later, a storm hit. “But the city will now build the new tram line through every district that asked for it.”",
        ]);
        assert!(pick_key_quote(&p, "").is_none());
    }

    #[test]
    fn german_quotes() {
        let p = paras(&[
            "„Wir werden die Schuldenbremse in diesem Jahr nicht aussetzen können“, sagte Finanzminister Klaus Becker.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Klaus Becker"));
    }

    #[test]
    fn fragments_and_unattributed_quotes_are_refused() {
        let p = paras(&[
            "The minister said talks were “deeply concerning for everyone involved in the process.”",
            "“This is a sentence of more than eight words with nobody saying it.”",
            "“Too short,” she said.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
    }

    #[test]
    fn apostrophes_do_not_end_single_quotes() {
        let found = quotations(
            0,
            "He said ‘we won’t give up on the people who elected us to lead.’ Then left.",
        );
        assert_eq!(
            found[0].text,
            "we won’t give up on the people who elected us to lead."
        );
    }
}
