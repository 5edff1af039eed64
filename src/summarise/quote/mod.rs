//! The key quote: a direct quotation of whole sentences, attributed to a
//! speaker (named, or else described as the article describes an unnamed
//! source), that says something. No quote is better than a bad one.

use std::sync::LazyLock;

use regex::Regex;

mod office;

use crate::model::Quote;
use crate::summarise::sentences::{is_abbreviation, sentences_within, split_sentences};
use crate::text::word_count;

/// Shortest and longest quotation worth putting in a digest, in words.
const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 60;

/// Verbs and phrases that attribute speech, in the languages of our sources.
const VERBS: &str = r"(?:has|had|have)\s+(?:said|told|written|argued|warned|noted|explained|stated|added)|said|says|added|adds|told|tells|wrote|writes|stated|states|explained|explains|warned|warns|insisted|insists|argued|argues|noted|notes|declared|declares|continued|replied|stressed|stresses|announced|affirmed|affirms|shared|remarked|emphasi[sz]ed|emphasi[sz]es|recalled|recalls|observed|admitted|admits|acknowledged|conceded|asserted|asserts|commented|concluded|concludes|agreed|agrees|put\s+it|puts\s+it|a\s+souligné|souligne|a\s+assuré|assure|a\s+indiqué|indique|a\s+précisé|précise|erläuterte|warnte|kritisierte|forderte|indicó|destacó|subrayó|advirtió|afirma|explica|añade|ha\s+sottolineato|ha\s+osservato|spiega|dit|a\s+dit|a\s+déclaré|déclare|a\s+affirmé|affirme|a\s+ajouté|ajoute|a\s+expliqué|explique|a\s+estimé|estime|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte\s+hinzu|dijo|dice|afirmó|explicó|añadió|señaló|aseguró|ha\s+dicho|ha\s+afirmado|ha\s+explicado|ha\s+añadido|ha\s+señalado|ha\s+asegurado|ha\s+declarado|ha\s+detto|ha\s+dichiarato|ha\s+affermato|ha\s+spiegato|ha\s+aggiunto";
/// Introductions that put the speaker after the verb.
const ACCORDING: &str = r"(?i:according\s+to|in\s+the\s+words\s+of|selon|laut|según|secondo)";
/// Offices named before a person set off by commas: "the health minister,
/// Claire Moreau, …", "le secrétaire général, Jens Stoltenberg, …".
const OFFICE: &str = r"(?i:minister|ministre|ministra|ministro|ministerin|president|président|présidente|presidente|präsident|präsidentin|secretary|secrétaire|spokesman|spokeswoman|spokesperson|porte-parole|sprecher|sprecherin|chancellor|kanzler|kanzlerin|commissioner|mayor|maire|sindaco|alcalde|director|directeur|directrice|chief|head|leader|chair|chairman|chairwoman|ceo|secretary-general|général|general)";

/// A pronoun after its verb: "sagte er", "dijo él", French "a-t-elle ajouté",
/// "ajoute-t-il", "said she".
const INVERTED: &str = r"(?:(?:said|sagte|sagt|erklärte|betonte|meinte|dijo|dice|afirmó|explicó|añadió|ha\s+detto|ha\s+aggiunto)\s+(?P<who4>(?i:he|she|er|sie|él|ella|lui|lei))|(?:a-t-|(?:dit|ajoute|explique|estime|affirme|assure|souligne|poursuit)-t?-?)(?P<who5>il|elle)(?:\s+(?:dit|déclaré|ajouté|expliqué|affirmé|estimé|assuré|souligné|poursuivi))?)(?:[^\p{L}\p{N}_]|$)";
/// A person's or organisation's name: capitalised words, with the usual particles.
const NAME: &str = r"(?:(?:von|van|de|di|da|du|del|della|der|den)\s+)*[\p{Lu}][\p{L}’'.\-]*(?:\s+(?:[\p{Lu}][\p{L}’'.\-]*|della|del|der|den|de|van|von|da|di|du|bin|al|le|la))*";

/// A name after the verb may follow a title written in lower case
/// ("said Icelandic foreign minister Guðrún Jónsdóttir"); the title is
/// dropped later by `reduce_name`.
const TITLED_NAME: &str = r"(?:[\p{Lu}][\p{L}’'.\-]*\s+|(?:foreign|prime|finance|economy|economics|defence|defense|interior|health|justice|trade|energy|climate|transport|education|deputy|vice|chief|senior|former|minister|ministers|secretary|spokesman|spokeswoman|spokesperson|president|chancellor|commissioner|ambassador|mayor|governor|director|general|head|leader|chair|chairman|chairwoman|executive|officer|economist|analyst|professor|researcher|lawyer|port|union|party|police|city|state|regional|national|central|bank|opposition|government|company|army|border|fire|health|industry|labour|labor|green|for)\s+)*";

/// The same pronouns as a pattern, in any case.
const PRONOUN: &str = r"(?i:he|she|they|il|elle|ils|elles|er|sie|él|ella|lui|lei)";

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
    "meister",
    "meisterin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
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

// The parts of a description set off by commas ("the city's deputy mayor",
// "NATO's secretary-general"): the word it opens with, and its text. (The
// text is unbounded: what is searched is short, see `ATTRIBUTION_REACH`,
// and a counted repetition would multiply the automaton's states.)
macro_rules! determiner {
    () => {
        r"(?i:the|a|an|one|its|their|his|her|our|le|la|l’|der|die|el|il)\s+"
    };
}
macro_rules! possessive {
    () => {
        r"[\p{Lu}][\p{L}.\-]*(?:’s|'s)\s+"
    };
}
macro_rules! description {
    () => {
        r"[^,.;:“”«»„\x22]+?"
    };
}

// A role without an article: words in lower case, then what it is of or
// at ("chief executive of the FMB"). A name inside it ends it ("founder
// Ben Zettler" is a name with its title, not a description). Words are
// told by their first letter (ASCII or Latin-1), not by Unicode classes,
// which would make the patterns that use this much bigger automata.
macro_rules! role {
    () => {
        concat!(
            r"[a-zß-öø-ÿ][^\s,.;:“”«»„\x22]*(?:\s+[a-zß-öø-ÿ][^\s,.;:“”«»„\x22]*)*(?:\s+(?:of|at|for|in|with)\s+",
            description!(),
            ")?"
        )
    };
}

/// A description put before a name: "the city's deputy mayor, ".
const APPOSITION: &str = concat!(
    "(?:(?:",
    determiner!(),
    description!(),
    ",?|",
    possessive!(),
    description!(),
    r",)\s+)"
);

/// What follows a name before the verb: a description set off by commas
/// ("Martin Daly, the federation's youngest board member, said"; "Brian
/// Berry, chief executive of the FMB, said"), an age, alone or before a
/// description ("Anna Berger, 54, said"; "…, 54, a teacher, said"), or a
/// party or country in brackets ("Anna Berger (Greens) said").
const APPOSITION_AFTER: &str = concat!(
    r"(?:\s*,\s+(?:\d{1,3},\s+)?(?:(?:",
    determiner!(),
    "|",
    possessive!(),
    ")",
    description!(),
    "|",
    role!(),
    r"),|\s*,\s+\d{1,3},|\s+\([^()]{1,40}\))"
);

/// Small words inside names: "von der Leyen", "da Silva", "bin Salman".
const PARTICLES: &[&str] = &[
    "della", "del", "der", "den", "de", "van", "von", "da", "di", "du", "bin", "al", "le", "la",
];

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
    "both",
    "still",
    "meanwhile",
    "however",
    "later",
    "earlier",
    "speaking",
    "asked",
    "this",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "that",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
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
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "co-owner",
    "editor",
    "officer",
    "manager",
    "expert",
    "coach",
    "chef",
    "reporter",
    "writer",
    "author",
    "producer",
    "designer",
    "engineer",
    "partner",
    "adviser",
    "advisor",
    "consultant",
];

/// "– Anna Berger, commuter": a quotation signed after a dash, right after
/// it or on the line below (group `who7`).
fn signed_with_a_dash() -> String {
    format!(r"[—–-]\s*(?P<who7>{NAME})\s*(?:[,(]|$)")
}

/// German wire copy's "„…“, so Wirtschaftsminister Robert Habeck": "so"
/// right after the quotation, then the speaker and the sentence's end
/// (group `who9`).
fn german_so() -> String {
    format!(
        r"so\s+(?:(?i:der|die)\s+)?(?P<who9>{NAME})\s*(?:[.,;]|$|\s+(?:am|im|bei|in|auf|gegenüber|nach|vor|zu|zum|zur)\s)"
    )
}

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.:;—–-]?\s*(?:{APPOSITION}?(?P<who>{PRONOUN}|{NAME}){APPOSITION_AFTER}?\s*,?\s+(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)|{INVERTED}|(?:{VERBS})\s+{APPOSITION}?(?:[\p{{Lu}}][\p{{L}}\-]*\s+)?(?:(?i:the|el|la|le|il|der|die)\s+)?(?:(?i:co-?founder|founder|owner|editor)|{OFFICE})(?:\s+(?i:of|for|at|del|de|du|des|der|di|della)\s+(?:(?i:the|la|le|el)\s+)?{NAME})?,\s+(?P<who8>{NAME})|(?:{VERBS})\s+{APPOSITION}?(?P<who2>{TITLED_NAME}{NAME})|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME})|{so}|{signed})",
        so = german_so(),
        signed = signed_with_a_dash()
    ))
    .expect("after-quote attribution pattern")
});

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:^|[^\p{{L}}\p{{N}}_])(?P<who>{PRONOUN}|{NAME}){APPOSITION_AFTER}?\s*,?\s+(?:{VERBS})(?:\s+[\p{{L}}][\p{{L}}’'\-]*){{0,4}}|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME}){APPOSITION_AFTER}?)\s*[:,]?\s*$"
    ))
    .expect("before-quote attribution pattern")
});

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{OFFICE})[^,.;:]{{0,40}}?,\s+(?P<who6>{NAME})\s*,|(?P<who>{NAME}){APPOSITION_AFTER}?\s*,?\s+(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)|(?:{VERBS})\s+(?P<who2>{NAME})|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME})"
    ))
    .expect("speaker mention pattern")
});

/// The indefinite articles that open an unnamed source's description.
macro_rules! indefinite {
    () => {
        r"(?i:a|an|one|un|une|ein|eine|uno|una)"
    };
}

/// A source the article does not name: "a senior EU diplomat", "one
/// tester", "a resident of the town", "a source familiar with the talks",
/// "un diplomate européen", "ein Sprecher des Ministeriums". Up to three
/// words may describe the person before the noun, and a short phrase may
/// place them after it. (Nouns are matched in the case they are written in,
/// and the words around them by what they are not: both keep the pattern
/// small to compile.)
const UNNAMED: &str = concat!(
    indefinite!(),
    r"\s+(?:[^\s,.;:“”«»„\x22]+\s+){0,3}?(?:diplomats?|officials?|officers?|sources?|spokes(?:person|man|woman)|analysts?|residents?|witness|testers?|participants?|readers?|users?|customers?|students?|teachers?|workers?|employees?|farmers?|drivers?|passengers?|commuters?|doctors?|nurses?|economists?|traders?|bankers?|investors?|voters?|protesters?|activists?|members?|advisers?|advisors?|aides?|executives?|negotiators?|organi[sz]ers?|engineers?|researchers?|scientists?|experts?|observers?|survivors?|graduates?|parents?|owners?|shopkeepers?|visitors?|volunteers?|delegates?|lawmakers?|insiders?|diplomate|responsable|porte-parole|conseill(?:er|ère)|Berater(?:in)?|asesora?|consigliere|Sprecher(?:in)?|Diplomat(?:in)?|Beamter|Beamtin|diplomático|diplomática|fuente|portavoz|funzionario|funzionaria|fonte|portavoce)(?:\s+[a-zà-ÿ][^\s,.;:“”«»„\x22]*)?(?:\s+(?:at|from|for|of|in|with|close\s+to|familiar\s+with|des|der|de|du|del|della|di)\s+[^,.;:“”«»„\x22]{1,40}?)?"
);

/// An organisation speaking as itself: "the ministry", "the Kremlin",
/// "the Dutch government". The definite article, then up to three
/// capitalised words and a common noun for a body, or one to four
/// capitalised words alone.
const ORGANISATION: &str = r"(?i:the)\s+(?:(?:[\p{Lu}][\p{L}’'\-]*\s+){0,3}(?:ministry|government|commission|company|police|army|military|council|court|bank|agency|embassy|office|presidency|parliament|union|party|department|prosecutors?|group|firm|federation|association|institute|organi[sz]ation|authority|authorities|regulator|spokesperson)|[\p{Lu}][\p{L}’'\-]*(?:\s+[\p{Lu}][\p{L}’'\-]*){0,3})";

/// An unnamed source beside the quotation: after it ("…,” a senior EU
/// diplomat said; "…,” said one official) or introducing it ("One tester
/// noted, “…”").
static UNNAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.:;—–-]?\s*(?:(?P<who>{UNNAMED}|{ORGANISATION})\s*,?\s+(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)|(?:{VERBS}|{ACCORDING})\s+(?P<who2>{UNNAMED}|{ORGANISATION})(?:\s*[.,;:!?)]|\s*$|\s+(?i:{relatives}|in)(?-u:\b)))",
        relatives = RELATIVES.join("|")
    ))
    .expect("unnamed source after a quotation")
});

static UNNAMED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}_])(?P<who>{UNNAMED}|{ORGANISATION})\s*,?\s+(?:{VERBS})(?:\s+[\p{{L}}][\p{{L}}’'\-]*){{0,4}}\s*[:,]?\s*$"
    ))
    .expect("unnamed source before a quotation")
});

/// Words that open a clause after a noun, not describe it.
const RELATIVES: &[&str] = &[
    "who", "whom", "whose", "that", "which", "qui", "que", "der", "die", "das", "che", "quien",
];

/// How much a quotation from an unnamed source counts for less than one
/// from a named person: more than a good length earns, so a named speaker
/// anywhere in the article wins.
const UNNAMED_PENALTY: f32 = 0.6;

/// How much a quotation cut to its opening sentences counts less than a
/// whole one: a whole quotation a few places later still wins.
const CUT_PENALTY: f32 = 0.05;

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    /// The paragraph the quotation opens in (earlier than `paragraph` when
    /// it runs over several).
    first: usize,
    /// The paragraph it closes in.
    paragraph: usize,
    /// Byte offsets of the opening and after the closing mark.
    start: usize,
    end: usize,
    text: String,
}

/// The marks that open a quotation (those `closers` knows).
const OPENING_MARKS: [char; 9] = ['“', '"', '„', '«', '»', '‘', '‚', '‹', '›'];

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

/// Whether the mark `c` at byte `pos` opens a quotation: it follows a
/// space, a bracket, a dash or a colon (or starts the text) and comes right
/// before a word (guillemets may be spaced off in the French way).
fn opens_at(text: &str, pos: usize, c: char) -> bool {
    let after_ok = text[pos + c.len_utf8()..]
        .chars()
        .next()
        .is_some_and(|n| !n.is_whitespace() || matches!(c, '«' | '‹'));
    let before_ok = text[..pos].chars().next_back().is_none_or(|prev| {
        prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':' | '\u{a0}')
    });
    after_ok && before_ok
}

/// Finds the quotations of one paragraph, outermost first.
fn quotations(paragraph: usize, text: &str) -> Vec<Found> {
    // most paragraphs quote no one
    if !text.contains(OPENING_MARKS) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let close = closers(c);
        if close.is_empty() || !opens_at(text, pos, c) {
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
                first: paragraph,
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

/// A quotation that runs over several paragraphs. It opens in paragraph
/// `k` and is not closed there (`in_first`: the quotations closed within
/// `k`); each following paragraph either reopens it, in the press's way,
/// or closes it, where a page broke one paragraph of speech in two
/// ("…shared: “I started with zero background.¶The projects made all the
/// difference.” What's…").
fn spanning_quotation(paragraphs: &[String], k: usize, in_first: &[Found]) -> Option<Found> {
    let first = &paragraphs[k];
    let (start, open) = unclosed_opening(first, in_first)?;
    let close = closers(open);
    let mut parts = vec![first[start + open.len_utf8()..].trim()];
    for (m, p) in paragraphs.iter().enumerate().skip(k + 1).take(MAX_SPAN - 1) {
        let (text, end) = match p.strip_prefix(open) {
            Some(body) => match quotations(m, p).into_iter().find(|f| f.start == 0) {
                Some(last) => (last.text, last.end),
                None => {
                    parts.push(body.trim());
                    continue;
                }
            },
            None => {
                // the paragraph must go on with the same sentence-ended
                // speech and close it before anything opens
                if !parts.last()?.ends_with(['.', '!', '?', '…']) {
                    return None;
                }
                let at = closing_mark(p, open, close)?;
                let mark = p[at..].chars().next()?;
                (p[..at].trim().to_string(), at + mark.len_utf8())
            }
        };
        parts.push(&text);
        let text = parts.join(" ");
        return Some(Found {
            first: k,
            paragraph: m,
            start,
            end,
            text,
        });
    }
    None
}

/// The opening mark of a paragraph that no closing mark answers, with its
/// byte offset: the first such mark outside the quotations closed within it.
fn unclosed_opening(text: &str, closed: &[Found]) -> Option<(usize, char)> {
    text.char_indices().find(|&(pos, c)| {
        let close = closers(c);
        !close.is_empty()
            && !closed.iter().any(|f| (f.start..f.end).contains(&pos))
            && opens_at(text, pos, c)
            && !text[pos + c.len_utf8()..].contains(close)
    })
}

/// Where the continuation of a broken quotation closes: the first closing
/// mark after a sentence's end, with no mark opening before it.
fn closing_mark(text: &str, open: char, close: &[char]) -> Option<usize> {
    for (pos, c) in text.char_indices() {
        if close.contains(&c) {
            let spoken = text[..pos].trim_end();
            return (spoken.len() == pos && spoken.ends_with(['.', '!', '?', '…', ',']))
                .then_some(pos);
        }
        if c == open && opens_at(text, pos, c) {
            return None;
        }
    }
    None
}

/// Most paragraphs one quotation may run over.
const MAX_SPAN: usize = 4;

/// Whole sentences: starts with a capital (or a number) and ends with
/// sentence punctuation or the comma of a "…,” he said" attribution.
fn is_complete(found: &Found, paragraphs: &[String]) -> bool {
    let paragraph = &paragraphs[found.paragraph];
    // "…,” he said" and, in the British style, "… all those fixes”."
    let comma_after = paragraph[found.end..]
        .trim_start()
        .starts_with([',', '.', '!', '?']);
    let first = found.text.chars().find(|c| c.is_alphanumeric());
    let starts_ok = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let from = if found.first == found.paragraph {
        found.start
    } else {
        0
    };
    let raw_inner = &paragraph[from..found.end];
    let raw_inner = raw_inner.trim_end_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?' | '…' | ',')
    });
    let ends_ok =
        found.text.ends_with(['.', '!', '?', '…']) || raw_inner.ends_with(',') || comma_after;
    starts_ok && ends_ok
}

fn who(caps: &regex::Captures<'_>) -> Option<String> {
    who_match(caps).map(|m| m.as_str().trim().to_string())
}

fn who_match<'h>(caps: &regex::Captures<'h>) -> Option<regex::Match<'h>> {
    [
        "who", "who2", "who3", "who4", "who5", "who6", "who7", "who8", "who9",
    ]
    .into_iter()
    .find_map(|group| caps.name(group))
}

/// Is a capitalised name part of an unnamed person's description, as in
/// "a spokesperson for the Commission", "a spokesman for the German
/// finance ministry" or "a senior EU official"? Then it names an
/// organisation or a place, not the speaker. Told by the text before it:
/// an indefinite article with no break between it and the name. A
/// description that gives way to the name ("a former nurse named Marta
/// Kowalska") describes the speaker instead.
fn ends_in_unnamed_description(before_name: &str) -> bool {
    const NAMING: &[&str] = &[
        "named", "called", "nommé", "nommée", "namens", "llamado", "llamada", "chiamato",
        "chiamata",
    ];
    if before_name
        .split_whitespace()
        .next_back()
        .is_some_and(|w| NAMING.contains(&w))
    {
        return false;
    }
    static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?:^|[^\p{L}])(?P<article>",
            indefinite!(),
            r")\s+(?P<next>[^\s,.;:“”«»„\x22]+)[^,.;:“”«»„\x22]*$",
        ))
        .expect("unnamed description pattern")
    });
    // French "a déclaré", "a dit": an auxiliary verb, not an article
    DESCRIPTION.captures(before_name).is_some_and(|c| {
        let next = &c["next"];
        !(&c["article"] == "a" && (next.ends_with('é') || matches!(next, "dit" | "écrit")))
    })
}

/// Is this word (and its lower case) a title, an article or a possessive
/// rather than part of a person's name?
fn is_title(word: &str, lower: &str) -> bool {
    NOT_NAMES.contains(&lower)
        || TITLE_ENDINGS.iter().any(|e| lower.ends_with(e))
        || word.ends_with("’s")
        || word.ends_with("'s")
}

fn is_pronoun(name: &str) -> bool {
    PRONOUNS.contains(&name.to_lowercase().as_str())
}

/// Reduces "U.S. President Joe Biden" to "Joe Biden" and "Then Merkel" to
/// "Merkel"; `None` when nothing name-like is left.
fn reduce_name(raw: &str) -> Option<String> {
    let raw = raw.trim_end_matches(',');
    // a full stop ends the sentence, unless it closes an initial or an
    // abbreviation that belongs to the name ("Kumar B.", "King Jr.")
    let keeps_stop = raw
        .rsplit_once(' ')
        .is_some_and(|(_, last)| last.ends_with('.') && !ends_sentence(last));
    let raw = if keeps_stop {
        raw
    } else {
        raw.trim_end_matches(['.', ','])
    };
    if is_pronoun(raw) {
        return Some(raw.to_lowercase());
    }
    let mut tokens: Vec<&str> = raw.split_whitespace().collect();
    // a full stop after a word ends a sentence, not a name: "says Dan. Here"
    if let Some(k) = tokens.iter().position(|t| ends_sentence(t)) {
        tokens[k] = tokens[k].trim_end_matches('.');
        tokens.truncate(k + 1);
    }
    let last_title = (0..tokens.len()).rev().find(|&k| {
        let t = tokens[k];
        let lower = t.to_lowercase();
        // a particle inside a name ("Ursula von der Leyen", "Marine Le
        // Pen", "von der Leyen") is no title
        let name_part = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t: &&str| t.starts_with(char::is_uppercase) || PARTICLES.contains(t))
        };
        let in_name =
            PARTICLES.contains(&lower.as_str()) && (k > 0 && name_part(k - 1) || name_part(k + 1));
        // "Vice-President", "Deputy-Chairman": the title is the last part
        let last_part = lower.rsplit('-').next().unwrap_or_default();
        !in_name && (is_title(t, &lower) || NOT_NAMES.contains(&last_part))
    });
    let rest = match last_title {
        Some(k) => &tokens[k + 1..],
        None => &tokens[..],
    };
    // lower-case words left of the name go, except the particles it
    // opens with ("von der Leyen"); particles after it ("Merz der
    // „Bild“") are not part of it
    let mut rest: Vec<&str> = rest
        .iter()
        .copied()
        .skip_while(|t| t.starts_with(|c: char| !c.is_uppercase()) && !PARTICLES.contains(t))
        .collect();
    while rest.last().is_some_and(|t| PARTICLES.contains(t)) {
        rest.pop();
    }
    if rest.is_empty() {
        None
    } else {
        Some(rest.join(" "))
    }
}

/// "Dan." ends a sentence; "K.", "Jr." and "Dr." do not.
fn ends_sentence(token: &str) -> bool {
    token
        .strip_suffix('.')
        .is_some_and(|word| !word.is_empty() && !is_abbreviation(word))
}

/// The last full name in the sentence that `text` ends in.
fn named_in_sentence(text: &str) -> Option<String> {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| Regex::new(NAME).expect("name pattern"));
    let sentence = split_sentences(text).pop()?;
    NAMED
        .find_iter(sentence)
        .filter_map(|m| reduce_name(m.as_str()))
        .filter(|n| n.contains(' '))
        .last()
}

/// Names spoken of as sources before `(paragraph, offset)`, most recent
/// last; in the quotation's own paragraph also a person a sentence opens
/// with ("Anna Berger runs the depot. “…,” she says").
fn speakers_before(paragraphs: &[String], paragraph: usize, offset: usize) -> Vec<String> {
    let mut names = Vec::new();
    for (k, p) in paragraphs.iter().enumerate().take(paragraph + 1) {
        let text = &p[..if k == paragraph { offset } else { p.len() }];
        let mut found: Vec<(usize, String)> = MENTION
            .captures_iter(text)
            .filter_map(|caps| {
                let name = who(&caps).as_deref().and_then(reduce_name)?;
                Some((caps.get(0)?.start(), name))
            })
            .filter(|(_, name)| !is_pronoun(name))
            .collect();
        if k == paragraph {
            found.extend(sentence_subjects(text));
            found.sort_by_key(|(at, _)| *at);
        }
        names.extend(found.into_iter().map(|(_, name)| name));
    }
    names
}

/// Words that open the name of a body or a thing, not of a person.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "our", "my", "its", "their", "le", "la",
    "les", "l’", "un", "une", "der", "die", "das", "ein", "eine", "el", "los", "las", "il", "lo",
    "gli", "uno", "una",
];

/// People the sentences of `text` open with, as the subject of a verb
/// written in lower case ("Anna Berger, 54, has run the bakery …"), with
/// their offsets, titles dropped. Only full names count: a single capitalised word opening
/// a sentence is too often not a person.
fn sentence_subjects(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?P<who>{NAME}){APPOSITION_AFTER}?\s+\p{{Ll}}"))
            .expect("sentence subject pattern")
    });
    split_sentences(text)
        .into_iter()
        .filter_map(move |sentence| {
            let raw = SUBJECT.captures(sentence)?.name("who")?.as_str();
            // "The European Union agreed …" opens with a body, not a person
            let first = raw.split_whitespace().next()?.to_lowercase();
            if ARTICLES.contains(&first.as_str()) {
                return None;
            }
            let name = reduce_name(raw)?;
            let at = sentence.as_ptr() as usize - text.as_ptr() as usize;
            name.contains(' ').then_some((at, name))
        })
}

/// Given names taken before a surname, at most ("Nadia Nunes Cavalcante
/// Parr").
const GIVEN_NAMES: usize = 3;

/// "Stoltenberg" becomes "Jens Stoltenberg" when the article names him in full.
fn full_name(name: &str, paragraphs: &[String]) -> String {
    if name.contains(' ') {
        return name.to_string();
    }
    let given_name = |p: &str, at: usize| -> Option<String> {
        // the name is a whole word ...
        if p[at + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        // ... after capitalised words, each followed by one space
        let mut before = &p[..at];
        let mut names = Vec::new();
        while names.len() < GIVEN_NAMES {
            let Some(trimmed) = before.strip_suffix(' ') else {
                break;
            };
            let word = trimmed
                .rsplit(|c: char| !(c.is_alphabetic() || matches!(c, '’' | '\'' | '-')))
                .next()?;
            let mut chars = word.chars();
            let capitalised =
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_some();
            let lower = word.to_lowercase();
            if !capitalised || is_title(word, &lower) {
                break;
            }
            names.push(word);
            before = &trimmed[..trimmed.len() - word.len()];
        }
        names.reverse();
        (!names.is_empty()).then(|| names.join(" "))
    };
    paragraphs
        .iter()
        .flat_map(|p| p.match_indices(name).map(move |(at, _)| (p, at)))
        .find_map(|(p, at)| given_name(p, at))
        .map(|first| format!("{first} {name}"))
        .unwrap_or_else(|| name.to_string())
}

/// A signature line under a quotation: "— Kanhaiya Kumar, Content Creator",
/// "Doug McMillon, CEO of Walmart (on the earnings call)".
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{signed}|(?P<who>{NAME})\s*,)",
        signed = signed_with_a_dash()
    ))
    .expect("signature pattern")
});

/// Longest signature line, in words.
const SIGNATURE_WORDS: usize = 15;

/// The full name a signature line gives, if it is one.
fn signature(line: &str) -> Option<String> {
    if word_count(line) > SIGNATURE_WORDS {
        return None;
    }
    let name = SIGNATURE
        .captures(line)
        .and_then(|c| who(&c))
        .as_deref()
        .and_then(reduce_name)?;
    name.contains(' ').then_some(name)
}

/// Does this page sign its quotations on the line above them rather than
/// below? Counted over its signature lines: more of them open a quotation
/// ("Jane Roe, economist" then "“…”") than close one ("“…”" then "Jane
/// Roe, economist"). In a run of signed quotations each line sits between
/// two quotations, so only the ends of the run tell.
fn signatures_go_above(paragraphs: &[String]) -> bool {
    let opens = |p: &str| p.trim_start().starts_with(OPENING_MARKS);
    let closes = |p: &str| {
        p.trim_end()
            .trim_end_matches('.')
            .ends_with(['”', '"', '»', '«', '’', '“'])
    };
    let (mut above, mut below) = (0, 0);
    for (i, line) in paragraphs.iter().enumerate() {
        if signature(line).is_none() {
            continue;
        }
        above += usize::from(paragraphs.get(i + 1).is_some_and(|p| opens(p)));
        below += usize::from(i > 0 && closes(&paragraphs[i - 1]));
    }
    above > below
}

/// Bytes either side of a quotation searched for its attribution.
const ATTRIBUTION_REACH: usize = 240;

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    name: String,
    /// False for a source the article leaves unnamed ("a senior diplomat").
    named: bool,
}

/// The speaker of a quotation: a person the article names, else a source
/// it describes without naming.
fn speaker_of(found: &Found, paragraphs: &[String]) -> Option<Speaker> {
    let (before, after) = beside(found, paragraphs);
    if let Some(name) = named_speaker_of(found, paragraphs, before, after) {
        return Some(Speaker { name, named: true });
    }
    // "…," the chancellor said: the person the article named with that office
    if let Some(name) = office::office_beside(before, after)
        .and_then(|office| office::holder(&office, paragraphs, found.first, found.start))
    {
        return Some(Speaker {
            name: full_name(&name, paragraphs),
            named: true,
        });
    }
    let caps = UNNAMED_AFTER
        .captures(after)
        .or_else(|| UNNAMED_BEFORE.captures(before))?;
    let phrase = who(&caps)?;
    // the word after the noun may open a clause rather than describe the
    // source: "a recent graduate who asked not to be named"
    let phrase = match phrase.rsplit_once(' ') {
        Some((head, last)) if RELATIVES.contains(&last.to_lowercase().as_str()) => head,
        _ => phrase.as_str(),
    };
    // a description, not a name: it reads in lower case after a dash
    let mut chars = phrase.chars();
    let name = chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())?;
    Some(Speaker { name, named: false })
}

/// The text either side of a quotation that an attribution may sit in: a
/// sentence's worth of its own paragraph (all the patterns need to see),
/// or the end of the paragraph before when that leads into it ("The
/// minister said:").
fn beside<'a>(found: &Found, paragraphs: &'a [String]) -> (&'a str, &'a str) {
    let after = &paragraphs[found.paragraph][found.end..];
    let mut before = &paragraphs[found.first][..found.start];
    if before.trim().is_empty() && found.first > 0 {
        let previous = paragraphs[found.first - 1].trim_end();
        if previous.ends_with([':', ',']) {
            before = previous;
        }
    }
    let after = &after[..after.floor_char_boundary(ATTRIBUTION_REACH)];
    let before =
        &before[before.ceil_char_boundary(before.len().saturating_sub(ATTRIBUTION_REACH))..];
    (before, after)
}

/// A named speaker, from the lines around the quotation or the
/// attribution `beside` it.
fn named_speaker_of(
    found: &Found,
    paragraphs: &[String],
    before: &str,
    after: &str,
) -> Option<String> {
    // "The minister said:", "According to Gallagher," or "Uli Lorimer,
    // Director of Horticulture:" closing the paragraph before the quotation
    if paragraphs[found.first][..found.start].trim().is_empty() && found.first > 0 {
        let previous = paragraphs[found.first - 1].trim_end();
        if let Some(name) = signature(previous) {
            // ending in a colon, or a heading over the quotation ("Lawrence
            // Yun, NAR Chief Economist") on a page that signs above
            if previous.ends_with(':')
                || !previous.ends_with(['.', '!', '?', '”', '"', '»'])
                    && signatures_go_above(paragraphs)
            {
                return Some(name);
            }
        }
    }
    // a testimonial signed on the line below: "Jim Long, Managing Partner"
    if paragraphs[found.paragraph][found.end..].trim().is_empty()
        && let Some(name) = paragraphs
            .get(found.paragraph + 1)
            .and_then(|next| signature(next))
    {
        return Some(name);
    }
    // an attribution sits right next to the quotation
    // (`lead_in`: the words before a pronoun that introduces the quotation)
    // (a name inside an unnamed source's description is not the speaker)
    let (raw, lead_in) = match AFTER.captures(after).as_ref().and_then(who_match) {
        Some(m) if ends_in_unnamed_description(&after[..m.start()]) => return None,
        Some(m) => (m.as_str().trim().to_string(), None),
        None => {
            let caps = BEFORE.captures(before)?;
            let m = who_match(&caps)?;
            if ends_in_unnamed_description(&before[..m.start()]) {
                return None;
            }
            let at = caps.name("who").map_or(0, |m| m.start());
            (m.as_str().trim().to_string(), Some(&before[..at]))
        }
    };
    let name = reduce_name(&raw)?;
    let name = if is_pronoun(&name) {
        // "Henry David Thoreau is as relevant as ever when he writes, “…”":
        // the person named earlier in the same sentence, else the last
        // person quoted or named as a source (or opening a sentence of this
        // paragraph), else one opening a sentence of the paragraph before
        lead_in
            .and_then(named_in_sentence)
            .or_else(|| {
                speakers_before(paragraphs, found.first, found.start)
                    .into_iter()
                    .rev()
                    .find(|n| n.contains(' ') || n.chars().skip(1).any(|c| c.is_lowercase()))
            })
            .or_else(|| {
                let previous = paragraphs.get(found.first.checked_sub(1)?)?;
                sentence_subjects(previous).last().map(|(_, name)| name)
            })?
    } else {
        name
    };
    Some(full_name(&name, paragraphs))
}

/// Picks the key quote of an article, or none when no quotation qualifies.
/// Speakers are looked up only for quotations that qualify otherwise.
pub fn pick_key_quote(paragraphs: &[String], lead: &str) -> Option<Quote> {
    let mut best: Option<(f32, String, String)> = None;
    let mut order = 0.0_f32;
    let mut k = 0;
    while k < paragraphs.len() {
        let p = &paragraphs[k];
        let closed_here = quotations(k, p);
        let spanning = spanning_quotation(paragraphs, k, &closed_here);
        let next = spanning.as_ref().map_or(k + 1, |f| f.paragraph + 1);
        // the quotations closed before one that runs on, then that one
        let found_here = match spanning {
            Some(f) => {
                let mut before: Vec<Found> = closed_here
                    .into_iter()
                    .filter(|c| c.end <= f.start)
                    .collect();
                before.push(f);
                before
            }
            None => closed_here,
        };
        for (n, found) in found_here.iter().enumerate() {
            order += 1.0;
            let whole = word_count(&found.text);
            if whole < MIN_WORDS || !is_complete(found, paragraphs) {
                continue;
            }
            let Some((text, words)) = digest_length(&found.text, whole) else {
                continue;
            };
            if lead.contains(text) {
                continue;
            }
            let mut score = 1.0 - 0.01 * order;
            if text.len() < found.text.len() {
                score -= CUT_PENALTY;
            }
            if (12..=45).contains(&words) {
                score += 0.5;
            }
            let beaten = |score: f32| best.as_ref().is_some_and(|(s, _, _)| score <= *s);
            if beaten(score) {
                continue;
            }
            let Some(speaker) = speaker_of(found, paragraphs)
                .or_else(|| split_speaker(&found_here[..n], found, paragraphs))
            else {
                continue;
            };
            if !speaker.named {
                score -= UNNAMED_PENALTY;
                if beaten(score) {
                    continue;
                }
            }
            best = Some((score, text.to_string(), speaker.name));
        }
        k = next;
    }
    best.map(|(_, text, speaker)| Quote {
        text,
        speaker: Some(speaker),
    })
}

/// A quotation of `words` words as the digest gives it, with its length:
/// whole when it fits in `MAX_WORDS`, else its opening sentences, as many as
/// fit (a long statement is cut the way an editor cuts it, at a full stop).
/// None when even the first sentence is too long.
fn digest_length(text: &str, words: usize) -> Option<(&str, usize)> {
    if words <= MAX_WORDS {
        return Some((text, words));
    }
    let (kept, kept_words) = sentences_within(text, MAX_WORDS);
    let last = kept.last()?;
    // the sentences are slices of `text`: cut where the last one ends
    let opening = &text[..last.as_ptr() as usize - text.as_ptr() as usize + last.len()];
    (kept_words >= MIN_WORDS && opening.ends_with(['.', '!', '?', '…']))
        .then_some((opening, kept_words))
}

/// A quotation split by its attribution ("…,” she said. “…") continues the
/// speaker of the part before it.
fn split_speaker(earlier: &[Found], found: &Found, paragraphs: &[String]) -> Option<Speaker> {
    let previous = earlier.last()?;
    if previous.paragraph != found.first {
        return None;
    }
    let between = &paragraphs[found.first][previous.end..found.start];
    if word_count(between) > 8 || !AFTER.is_match(between) {
        return None;
    }
    speaker_of(previous, paragraphs)
        .or_else(|| split_speaker(&earlier[..earlier.len() - 1], previous, paragraphs))
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
    fn a_description_between_name_and_verb() {
        const LEAD: &str = "Builders in Dublin say small courtesies keep crews on site.";
        const DALY: &str = "Martin Daly, the federation’s youngest board member,";
        let cases: [(&[&str], &str); 5] = [
            // a role without an article, naming an organisation
            (
                &[
                    "Brian Berry, chief executive of the FMB, said: “The pressures facing builders are significant all year round, but they often peak in December.”",
                ],
                "Brian Berry",
            ),
            // a title before a name is not a description of the words before it
            (
                &[
                    "At Zettler Digital, founder Ben Zettler, said: “The right system should match how customers actually buy, not how a demo went.”",
                ],
                "Ben Zettler",
            ),
            // before the quotation
            (
                &[&format!(
                    "{DALY} said: “Being offered a cup of tea may seem like a small gesture, but it goes a long way on a cold site.”"
                )],
                "Martin Daly",
            ),
            // after it
            (
                &[
                    "“We will not recognise a government that takes power by force, and we will say so in every forum,” Jens Stoltenberg, NATO’s secretary-general, told reporters.",
                ],
                "Jens Stoltenberg",
            ),
            // and a pronoun later finds the person so described
            (
                &[
                    &format!("{DALY} said crews were asked to work longer shifts."),
                    "“Nobody has explained to us why the shifts got longer while the pay stayed the same,” he added.",
                ],
                "Martin Daly",
            ),
        ];
        for (text, speaker) in cases {
            let mut p = paras(&[LEAD]);
            p.extend(paras(text));
            let q = pick_key_quote(&p, LEAD).unwrap_or_else(|| panic!("no quote in {text:?}"));
            assert_eq!(q.speaker.as_deref(), Some(speaker), "{text:?}");
        }
    }

    /// The quotation in `line`, after the lead, is picked with `speaker`.
    fn assert_speaker(lead: &str, line: &str, speaker: &str) {
        let p = paras(&[lead, line]);
        let q = pick_key_quote(&p, lead).unwrap_or_else(|| panic!("no quote in {line}"));
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{line}");
    }

    fn assert_no_quote(lead: &str, line: &str) {
        assert_eq!(pick_key_quote(&paras(&[lead, line]), lead), None, "{line}");
    }

    #[test]
    fn unnamed_sources_are_described_not_dropped() {
        const LEAD: &str = "EU ministers failed to agree on the rail package on Tuesday.";
        const SAID: &str =
            "“We will not sign a deal that leaves the smaller networks to pay for the larger ones”";
        for (line, speaker) in [
            (
                format!("{SAID}, a senior EU diplomat said."),
                "a senior EU diplomat",
            ),
            (format!("{SAID}, said one official."), "one official"),
            (
                format!("{SAID}, said a source familiar with the talks."),
                "a source familiar with the talks",
            ),
            (
                format!("{SAID}, said a recent graduate who asked not to be named."),
                "a recent graduate",
            ),
            (
                format!("One tester noted, {}.”", SAID.trim_end_matches('”')),
                "one tester",
            ),
            (
                format!("{SAID}, a déclaré un diplomate européen."),
                "un diplomate européen",
            ),
            (
                format!("{SAID}, sagte ein Sprecher des Ministeriums."),
                "ein Sprecher des Ministeriums",
            ),
            // a name inside the description is the organisation's
            (
                format!("{SAID}, a spokesperson for the Commission said on Monday."),
                "a spokesperson for the Commission",
            ),
            (
                format!("{SAID}, said a spokesman for the German finance ministry."),
                "a spokesman for the German finance ministry",
            ),
            (
                format!("A spokeswoman for Deutsche Bahn said: {SAID}."),
                "a spokeswoman for Deutsche Bahn",
            ),
            // an organisation speaking as itself
            (
                format!("{SAID}, the Kremlin said in a statement."),
                "the Kremlin",
            ),
            (format!("{SAID}, the ministry said."), "the ministry"),
            (
                format!("The Dutch government said on Friday: {SAID}."),
                "the Dutch government",
            ),
        ] {
            assert_speaker(LEAD, &line, speaker);
        }
        // "one said" names nobody and describes nobody
        assert_no_quote(LEAD, &format!("{SAID}, one said."));
    }

    #[test]
    fn attributions_from_european_wire_copy() {
        const LEAD: &str = "European leaders met in Brussels on Thursday to discuss the budget.";
        const SAID: &str = "We will not accept a deal that leaves the smaller member states to pay";
        for (line, speaker) in [
            (
                format!("“{SAID},” said Ursula von der Leyen, president of the Commission."),
                "Ursula von der Leyen",
            ),
            (
                format!("“{SAID}”, dijo el presidente del Gobierno, Pedro Sánchez."),
                "Pedro Sánchez",
            ),
            (
                format!("“{SAID},” said the president of the European Council, António Costa."),
                "António Costa",
            ),
            (
                format!("“{SAID},” Commission Vice-President Teresa Ribera told MEPs."),
                "Teresa Ribera",
            ),
            (
                format!("„{SAID}“, so Wirtschaftsminister Robert Habeck am Dienstag."),
                "Robert Habeck",
            ),
            (format!("„{SAID}“, so Habeck."), "Habeck"),
            (format!("“{SAID},” said Marine Le Pen."), "Marine Le Pen"),
            (format!("“{SAID},” von der Leyen said."), "von der Leyen"),
            (
                format!("“{SAID},” one of the organisers, Maria Rossi, said."),
                "Maria Rossi",
            ),
            (
                format!("“{SAID},” Maria Rossi, one of the organisers, said."),
                "Maria Rossi",
            ),
            (format!("“{SAID},” Ms von der Leyen said."), "von der Leyen"),
            (
                format!(
                    "« {SAID} », a estimé la présidente de la Commission, Ursula von der Leyen."
                ),
                "Ursula von der Leyen",
            ),
            (
                format!("„{SAID}“, sagte der CDU-Vorsitzende Friedrich Merz der „Bild“-Zeitung."),
                "Friedrich Merz",
            ),
            (
                format!("«{SAID}», ha afirmado la vicepresidenta Yolanda Díaz."),
                "Yolanda Díaz",
            ),
            (
                format!("“{SAID},” said a senior EU diplomat."),
                "a senior EU diplomat",
            ),
            (
                format!("« {SAID} », selon un conseiller de l'Élysée."),
                "un conseiller de l'Élysée",
            ),
            (
                format!("“{SAID},” according to a senior EU official."),
                "a senior EU official",
            ),
        ] {
            assert_speaker(LEAD, &line, speaker);
        }
        // "so" in English prose introduces no speaker
        assert_no_quote(LEAD, &format!("“{SAID},” so I left the room early."));
    }

    #[test]
    fn a_named_speaker_wins_over_an_unnamed_one() {
        const LEAD: &str = "EU ministers failed to agree on the rail package on Tuesday.";
        let p = paras(&[
            LEAD,
            "“The package is dead for this year and everybody in the room knew it before lunch,” one diplomat said.",
            "“We will come back in March with a text that the smaller networks can live with,” said Transport Commissioner Elena Varga.",
        ]);
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Elena Varga"));
    }

    #[test]
    fn a_speaker_who_told_a_named_outlet() {
        let lead = "Dock workers in Antwerp walked out on Monday.";
        for (line, speaker) in [
            (
                "Marie Claes told Reuters: “We have asked for talks for six months and nobody has answered us.”",
                "Marie Claes",
            ),
            (
                "Chade-Meng Tan writes in Search Inside Yourself, “When we let go of a distraction, we gently invite it to stop distracting us.”",
                "Chade-Meng Tan",
            ),
        ] {
            let p = paras(&[lead, line]);
            let q = pick_key_quote(&p, lead).unwrap_or_else(|| panic!("no quote in {line:?}"));
            assert_eq!(q.speaker.as_deref(), Some(speaker), "{line:?}");
        }
    }

    #[test]
    fn signatures_above_or_below_their_quotations() {
        const YUN: &str = "“Home sales will pick up as mortgage rates ease, and first-time buyers will come back to the market.”";
        const LAUTZ: &str = "“We are watching the share of first-time buyers, which fell to a record low this year.”";
        let lead = "Economists expect a slow recovery of the housing market next year.";
        let above = paras(&[
            lead,
            "Lawrence Yun, NAR Chief Economist",
            YUN,
            "Jessica Lautz, NAR deputy chief economist",
            LAUTZ,
        ]);
        let below = paras(&[
            lead,
            YUN,
            "Lawrence Yun, NAR Chief Economist",
            LAUTZ,
            "Jessica Lautz, NAR deputy chief economist",
        ]);
        for p in [above, below] {
            let speakers: Vec<Option<String>> = p
                .iter()
                .enumerate()
                .flat_map(|(i, text)| quotations(i, text))
                .map(|f| speaker_of(&f, &p).map(|s| s.name))
                .collect();
            assert_eq!(
                speakers,
                [
                    Some("Lawrence Yun".to_string()),
                    Some("Jessica Lautz".to_string())
                ],
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_surname_takes_all_the_given_names_the_article_gives() {
        let p = paras(&[
            "Nadia Nunes Cavalcante Parr, MD, an internal medicine physician in Encinitas, clears up some myths about food.",
            "“The fact is there are healthy fats and unhealthy fats, and some of them protect the heart,” Dr. Parr says.",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Nadia Nunes Cavalcante Parr"));
        // a sentence's first word is not a given name
        let p = paras(&[
            "When Lindqvist took office, the quotas were already agreed.",
            "“Cod stocks will not recover unless we act now, and the coastal towns know it,” Lindqvist said.",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Lindqvist"));
    }

    #[test]
    fn signed_quotations_and_more_speech_verbs() {
        const TRAIN: &str = "“The night train gets me to Vienna rested, and I never have to wait at an airport gate again.”";
        const LINES: &str =
            "“Some of those lines will not come back, and the workers know it as well as we do.”";
        let signed = format!("{TRAIN} – Anna Berger, commuter from Munich");
        let affirms = format!("Port director Pieter de Vries affirms: {LINES}");
        let shared = format!("Port director Pieter de Vries shared: {LINES}");
        let has_said = format!("{LINES} Pieter de Vries has said.");
        let co_founder = format!("{LINES} says Co-Founder, Stephanie Özcan.");
        let founder = format!("Founder Ric Scalzo said it best: {LINES}");
        let sentence_after = format!("{LINES} says Dan. Here he explains how it works.");
        let writes = format!(
            "Anna Berger said the talks went well. Henry David Thoreau is as relevant as ever when he writes, {LINES}"
        );
        let british = "Pieter de Vries said: “Some of those lines will not come back, and the workers know it as well as we do”.";
        let cases: [(&[&str], Option<&str>); 15] = [
            // a dash and the name after the quotation
            (&[&signed], Some("Anna Berger")),
            // a signature line under it, initials kept
            (
                &[TRAIN, "Anna K. Berger, commuter from Munich"],
                Some("Anna K. Berger"),
            ),
            (&[TRAIN, "— Anna B."], Some("Anna B.")),
            // a heading below a quotation is not its signature
            (&[TRAIN, "Night Trains Return"], None),
            // "affirms:", "shared:", an introduction ending in a comma
            (&[&affirms], Some("Pieter de Vries")),
            (&[&shared], Some("Pieter de Vries")),
            (
                &["According to Pieter de Vries,", LINES],
                Some("Pieter de Vries"),
            ),
            // "has said", and a name and title introducing the quotation
            (&[&has_said], Some("Pieter de Vries")),
            // titles before the name, a sentence ending after it
            (&[&co_founder], Some("Stephanie Özcan")),
            (&[&founder], Some("Ric Scalzo")),
            (&[&sentence_after], Some("Dan")),
            // a pronoun's antecedent earlier in the same sentence, and a
            // full stop after the closing mark
            (&[&writes], Some("Henry David Thoreau")),
            (&[british], Some("Pieter de Vries")),
            // "agrees" names the person a later pronoun stands for
            (
                &[
                    "Anna Berger agrees that night trains are back.",
                    "“People want to go to sleep in one capital and wake up in another,” she explains.",
                ],
                Some("Anna Berger"),
            ),
            (
                &["Pieter de Vries, director of the port:", LINES],
                Some("Pieter de Vries"),
            ),
        ];
        for (article, speaker) in cases {
            let quote = pick_key_quote(&paras(article), "");
            assert_eq!(
                quote.and_then(|q| q.speaker).as_deref(),
                speaker,
                "{article:?}"
            );
        }
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
    fn a_quote_over_several_paragraphs_is_joined() {
        let p = paras(&[
            "The port authority's director, Pieter de Vries, said the strike had cost more than expected.",
            "“We have lost three weeks of traffic to Hamburg and Gdansk.",
            "“Some of those lines will not come back, and the workers know it as well as we do,” he said.",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert_eq!(
            q.text,
            "We have lost three weeks of traffic to Hamburg and Gdansk. Some of those lines will not come back, and the workers know it as well as we do"
        );
        assert_eq!(q.speaker.as_deref(), Some("Pieter de Vries"));
        // an opening mark with no continuation is no quotation
        let p = paras(&[
            "“We have lost three weeks of traffic to Hamburg and Gdansk, said nobody.",
            "The strike ended on Friday after the union accepted a new offer.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
    }

    #[test]
    fn a_description_that_gives_way_to_a_name_names_the_speaker() {
        let p = paras(&[
            "One of the first students, a former nurse named Marta Kowalska, said: “The projects we built with real clients made all the difference for me.”",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Marta Kowalska"));
        // a name inside the description is not the speaker's
        let p = paras(&[
            "A spokesman for Marta Kowalska said: “The projects we built with real clients made all the difference for me.”",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("a spokesman for Marta Kowalska"));
    }

    #[test]
    fn a_quotation_broken_over_two_paragraphs_is_joined() {
        // the page cut one paragraph of speech in two, mid-quotation
        let p = paras(&[
            "The bootcamp has a waiting list, and one of last year's students, a former nurse named Marta Kowalska shared: \"I started with no background in programming at all.",
            "The projects we built together with real clients made all the difference for me.\" Applications close in March.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(
            q.text,
            "I started with no background in programming at all. The projects we built together with real clients made all the difference for me."
        );
        assert_eq!(q.speaker.as_deref(), Some("Marta Kowalska"));
        // the next paragraph opens a quotation of its own first: no join
        let p = paras(&[
            "A former nurse named Marta Kowalska shared: \"I started with no background in programming at all.",
            "Her teacher said \"the projects we built with real clients made all the difference\" and left.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
        // the first part stops mid-sentence: a stray mark, not speech
        let p = paras(&[
            "A former nurse named Marta Kowalska shared: \"I started with no background in",
            "programming, and the projects with real clients made all the difference for me.\" Applications close in March.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
    }

    #[test]
    fn an_introduction_in_the_paragraph_before_names_the_speaker() {
        let p = paras(&[
            "Chancellor Friedrich Weber told parliament:",
            "„Wir werden die Schuldenbremse in diesem Jahr nicht aussetzen, auch wenn es schwerfällt.“",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Friedrich Weber"));
    }

    #[test]
    fn every_quote_style_and_language() {
        // (paragraph, start of the quotation, speaker)
        let cases = [
            (
                "“The harbour will reopen on Monday once the divers have finished their inspection,” said port director Anna Berg.",
                "The harbour will reopen",
                "Anna Berg",
            ),
            (
                "\"We cannot let the lorries wait at the border for three days again this winter,\" Transport Minister Piotr Nowak told Reuters.",
                "We cannot let the lorries",
                "Piotr Nowak",
            ),
            (
                "‘There is no money left in the budget for another rescue of the regional airline,’ the finance minister, Sarah Collins, wrote on Tuesday.",
                "There is no money left",
                "Sarah Collins",
            ),
            (
                "« Nous ne signerons pas cet accord tant que les agriculteurs ne seront pas protégés », a déclaré le ministre Jean Dupont.",
                "Nous ne signerons pas",
                "Jean Dupont",
            ),
            (
                "„Die Brücke bleibt bis zum Frühjahr für Lastwagen gesperrt, das ist leider unvermeidlich“, sagte Bürgermeisterin Petra Lang.",
                "Die Brücke bleibt",
                "Petra Lang",
            ),
            (
                "»Wir haben die Warnungen der Fachleute viel zu lange nicht ernst genommen«, erklärte Umweltminister Jonas Roth.",
                "Wir haben die Warnungen",
                "Jonas Roth",
            ),
            (
                "‚Die Verhandlungen sind noch lange nicht zu Ende, wir reden weiter‘, sagte Gewerkschaftschef Uwe Brandt.",
                "Die Verhandlungen sind",
                "Uwe Brandt",
            ),
            (
                "‹ Les hôpitaux manquent de personnel dans toutes les régions du pays cet hiver ›, selon Claire Moreau.",
                "Les hôpitaux manquent",
                "Claire Moreau",
            ),
            (
                "“El Gobierno aprobará el nuevo plan de vivienda antes de que termine el año”, dijo la ministra Lucía Ortega.",
                "El Gobierno aprobará",
                "Lucía Ortega",
            ),
            (
                "«Il governo non aumenterà le tasse sulla casa per nessuna famiglia italiana», ha detto il ministro Marco Bianchi.",
                "Il governo non aumenterà",
                "Marco Bianchi",
            ),
            (
                "According to Elena Petrova, “The new reactor will not be ready before the end of the decade, whatever the company says.”",
                "The new reactor",
                "Elena Petrova",
            ),
        ];
        for (paragraph, start, speaker) in cases {
            let p = paras(&[paragraph]);
            let q = pick_key_quote(&p, "").unwrap_or_else(|| panic!("no quote in {paragraph}"));
            assert!(q.text.starts_with(start), "{paragraph}: {}", q.text);
            assert!(paragraph.contains(&q.text), "verbatim: {}", q.text);
            assert_eq!(q.speaker.as_deref(), Some(speaker), "{paragraph}");
        }
    }

    #[test]
    fn pronouns_in_other_languages_resolve_to_the_last_name() {
        let p = paras(&[
            "La ministre de la Santé, Claire Moreau, a présenté le plan mardi.",
            "« Nous allons recruter dix mille infirmières avant la fin de l’année prochaine », a-t-elle ajouté. Elle a dit : « Les hôpitaux ne peuvent plus attendre un seul hiver de plus. »",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Claire Moreau"), "{q:?}");
        let p = paras(&[
            "Der Kanzler Friedrich Weber sagte am Montag, der Haushalt stehe.",
            "„Wir werden keine neuen Schulden für den Bau der Straßen aufnehmen“, sagte er.",
        ]);
        let q = pick_key_quote(&p, &p[0]).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Friedrich Weber"), "{q:?}");
    }

    #[test]
    fn ages_parties_and_descriptions_beside_the_name() {
        const LEAD: &str = "Regional elections in Bavaria drew a record turnout on Sunday.";
        const SAID: &str = "Nobody here wants the new motorway, and the vote shows it very clearly";
        for (line, speaker) in [
            (format!("“{SAID},” Anna Berger, 54, said."), "Anna Berger"),
            (format!("“{SAID},” Berger, 54, said."), "Anna Berger"),
            (
                format!("“{SAID},” Anna Berger, 54, a teacher from Passau, said."),
                "Anna Berger",
            ),
            (format!("Anna Berger, 54, said: “{SAID}.”"), "Anna Berger"),
            (
                format!("“{SAID},” Anna Berger (Greens) said."),
                "Anna Berger",
            ),
            (
                format!("Anna Berger (Greens) told reporters: “{SAID}.”"),
                "Anna Berger",
            ),
            (
                format!("According to Anna Berger, a teacher from Passau, “{SAID}.”"),
                "Anna Berger",
            ),
            // a stray space before the comma, as some pages have it
            (
                format!("According to Roomy Khan , an analyst, “{SAID}.”"),
                "Roomy Khan",
            ),
            (
                format!("In the words of Anna Berger, “{SAID}.”"),
                "Anna Berger",
            ),
            (format!("As Anna Berger put it, “{SAID}.”"), "Anna Berger"),
            (
                format!("Anna Berger put it bluntly: “{SAID}.”"),
                "Anna Berger",
            ),
        ] {
            // "Berger" alone is given in full from the lead-in
            let lead = format!("{LEAD} Anna Berger voted early.");
            assert_speaker(&lead, &line, speaker);
        }
    }

    #[test]
    fn a_pronoun_after_a_person_a_sentence_opens_with() {
        const SAID: &str =
            "“We bake four hundred loaves a day and still sell out before noon,” she says.";
        const HIRING: &str = "Bakeries in Lyon are hiring again after a difficult winter.";
        const HUBER: &str =
            "“It is a good year for the trade,” said Karl Huber, who heads the guild.";
        let cases: [(&[&str], &str); 4] = [
            // a feature's portrait, then the quotation
            (
                &[
                    HIRING,
                    "Anna Berger, 54, has run her shop for thirty years. {SAID}",
                ],
                "Anna Berger",
            ),
            // the person nearest the quotation, not the last one quoted earlier
            (
                &[HUBER, "Anna Berger runs the shop on the square. {SAID}"],
                "Anna Berger",
            ),
            // in the paragraph before, when nobody was quoted or named as a
            // source earlier
            (
                &[
                    HIRING,
                    "Anna Berger has run her shop for thirty years.",
                    "{SAID}",
                ],
                "Anna Berger",
            ),
            // a body opening a sentence is not a person
            (
                &[
                    HUBER,
                    "The Lyon Chamber of Commerce counts 400 bakeries. {SAID}",
                ],
                "Karl Huber",
            ),
        ];
        for (lines, speaker) in cases {
            let lines: Vec<String> = lines.iter().map(|l| l.replace("{SAID}", SAID)).collect();
            let p = paras(&lines.iter().map(String::as_str).collect::<Vec<_>>());
            let q = pick_key_quote(&p, &p[0]).unwrap();
            assert!(q.text.starts_with("We bake"), "{q:?}");
            assert_eq!(q.speaker.as_deref(), Some(speaker), "{lines:?}");
        }
    }

    #[test]
    fn an_office_speaks_for_the_person_named_with_it() {
        const SAID: &str = "We will not accept a deal that leaves the smaller member states to pay";
        for (lead, line, speaker) in [
            (
                "German Chancellor Friedrich Merz arrived in Brussels on Thursday.",
                format!("“{SAID},” the chancellor said."),
                "Friedrich Merz",
            ),
            (
                "The president of the European Council, António Costa, opened the summit.",
                format!("The president told reporters: “{SAID}.”"),
                "António Costa",
            ),
            (
                "Finanzminister Lars Klingbeil stellte am Dienstag den Haushalt vor.",
                "„Wir werden keine neuen Schulden für den Bau der Straßen aufnehmen“, sagte der Minister.".to_string(),
                "Lars Klingbeil",
            ),
            (
                "Le président Emmanuel Macron a reçu mardi les dirigeants européens.",
                "« Nous n'accepterons pas un accord qui laisse les petits pays payer pour les grands », a déclaré le président.".to_string(),
                "Emmanuel Macron",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
        // nobody named with the office: no speaker, so no quote
        assert_no_quote(
            "Talks in Brussels went on late into the night.",
            &format!("“{SAID},” the minister said."),
        );
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
    fn a_long_statement_gives_its_opening_sentences() {
        let statement = "We welcome the agreement on the new border rules. It protects people who have \
                         waited years for an answer and it gives the towns along the border a say. \
                         Hardware, food and medicine will move faster from the first of March. \
                         Nobody in the region should have to wait at the crossing for half a day \
                         again, and nobody will, if the ministries keep their word on staffing.";
        assert!(word_count(statement) > MAX_WORDS);
        let p = paras(&[
            "Ministers agreed new border rules on Tuesday after two years of talks in Brussels.",
            &format!("“{statement}” said Kyle Wiens, the mayor of Görlitz."),
        ]);
        let q = pick_key_quote(&p, "").expect("the opening of the statement");
        assert_eq!(q.speaker.as_deref(), Some("Kyle Wiens"));
        assert!(statement.starts_with(&q.text), "verbatim: {}", q.text);
        assert!(q.text.ends_with("from the first of March."), "{}", q.text);
        assert!(word_count(&q.text) <= MAX_WORDS);

        // one sentence longer than the limit cannot be cut at a full stop
        let long_sentence = vec!["word"; MAX_WORDS + 5].join(" ");
        let p = paras(&[&format!("“This {long_sentence} ends here,” she said.")]);
        assert_eq!(pick_key_quote(&p, ""), None);

        // a whole quotation nearby wins over a cut one
        let p = paras(&[
            &format!("“{statement}” said Kyle Wiens, the mayor of Görlitz."),
            "“The queues at the crossing will be gone by the end of the summer,” said Anna Berg.",
        ]);
        let q = pick_key_quote(&p, "").expect("the whole quotation");
        assert_eq!(q.speaker.as_deref(), Some("Anna Berg"));
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
