//! Who said a quotation: the attribution beside it, a signature line,
//! a pronoun or an office resolved to the person the article named, or a
//! source it describes without naming.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::marks::{Found, OPENING_MARKS};
use super::names::{
    ARTICLES, Gender, ends_in_office_link, full_name, gender_of, honorific_genders, is_pronoun,
    last_sentence_start, named_in_sentence, nominative, possessive_of, pronoun_gender, reduce_name,
    sentence_subjects, without_office_body,
};
use super::patterns::{
    AFTER, AFTER_QUOTATION, BEFORE, LEAD_IN, MENTION, NAME, PERSON_OF, PREPOSITIONS, RELATIVES,
    SIGNATURE, UNNAMED_AFTER, UNNAMED_BEFORE, UNNAMED_DESCRIPTION, VERB_AFTER_SUBJECT, VERB_AHEAD,
    VERB_ALONE, VERB_LEADING_IN, attribution_regex, leads_in,
};
use super::{described, office};
use crate::summarise::sentences::split_sentences;
use crate::text::word_count;

pub(super) fn who(caps: &regex::Captures<'_>) -> Option<String> {
    who_match(caps).map(|m| m.text.trim().to_string())
}

/// The speaker an attribution pattern captured, and where it starts.
#[derive(Debug, Clone, Copy)]
struct Who<'h> {
    start: usize,
    text: &'h str,
}

fn who_match<'h>(caps: &regex::Captures<'h>) -> Option<Who<'h>> {
    let (group, m) = [
        "who", "who2", "who3", "who4", "who5", "who6", "who7", "who8", "who9", "who10", "who11",
        "who12", "who13",
    ]
    .into_iter()
    .find_map(|group| Some((group, caps.name(group)?)))?;
    // a name before its verb starts with that verb's sentence
    let skip = if group == "who" {
        last_sentence_start(m.as_str())
    } else {
        0
    };
    Some(Who {
        start: m.start() + skip,
        text: &m.as_str()[skip..],
    })
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
    // French "a déclaré", "a reconnu", "a dit", "a également dit": an
    // auxiliary before a participle or a speech verb, not an article
    UNNAMED_DESCRIPTION.captures(before_name).is_some_and(|c| {
        let Some(article) = c.name("article") else {
            return false;
        };
        let auxiliary = article.as_str() == "a"
            && (c["next"].ends_with(['é', 'u', 'i'])
                || VERB_AHEAD.is_match(&before_name[article.start()..]));
        !auxiliary
    })
}

/// Does the text before a name end in a preposition ("vor", "to",
/// "devant", "ante", Italian "a")? Then the name is where or to whom it was said
/// ("according to X" names the speaker, and in "il ministro degli Esteri
/// Antonio Tajani" the preposition joins the office to what it heads).
fn after_preposition(before_name: &str) -> bool {
    if before_name
        .trim_end()
        .to_lowercase()
        .ends_with("according to")
        || ends_in_office_link(before_name)
    {
        return false;
    }
    // (an article may come between: "vor dem Abflug", "after the summit";
    // not `names::ARTICLES`, whose "a" is a preposition here)
    const ARTICLES_AFTER_PREPOSITIONS: &[&str] = &[
        "the", "dem", "der", "den", "des", "die", "das", "le", "la", "les", "el", "los", "las",
        "il", "lo", "gli",
    ];
    let mut words = before_name
        .split_whitespace()
        .rev()
        .map(|w| w.to_lowercase());
    let is_preposition = |w: &str| PREPOSITIONS.contains(&w);
    match words.next() {
        Some(w) if ARTICLES_AFTER_PREPOSITIONS.contains(&w.as_str()) => {
            words.next().is_some_and(|p| is_preposition(&p))
        }
        Some(w) => is_preposition(&w),
        None => false,
    }
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

/// Longest signature line, in words.
const SIGNATURE_WORDS: usize = 15;

/// The full name a signature line gives, if it is one.
pub(super) fn signature(line: &str) -> Option<String> {
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
pub(super) const ATTRIBUTION_REACH: usize = 240;

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Speaker {
    pub(super) name: String,
    /// False for a source the article leaves unnamed ("a senior diplomat").
    pub(super) named: bool,
}

/// Common words an unnamed source's description may open with, besides an
/// article: a number, a rank, the sources themselves.
#[rustfmt::skip]
const COMMON_OPENINGS: &[&str] = &[
    "one", "het", "de", "senior", "several", "some", "many", "two", "three", "four", "other",
    "western", "local", "government", "military", "police", "security", "intelligence",
    "industry", "union", "officials", "diplomats", "sources", "analysts", "economists",
    "experts", "residents", "witnesses", "observers", "lawmakers", "negotiators", "investors",
    "traders", "aides", "advisers", "campaigners", "activists", "organisers", "organizers",
    "people", "fuentes", "fonti",
];

/// The speaker of a quotation: a person the article names, else a source
/// it describes without naming.
pub(super) fn speaker_of(found: &Found, paragraphs: &[String]) -> Option<Speaker> {
    let (before, after) = beside(found, paragraphs);
    // "…," Reuters quoted him as saying: the one quoted is the speaker, as
    // in "…," he said, and the one who reports it never is
    if let Some(said) = quoted_as_saying(after) {
        return speaker_beside(found, paragraphs, before, &said);
    }
    speaker_beside(found, paragraphs, before, after).or_else(|| {
        // Spanish copy sets the attribution inside the quotation, between
        // dashes: «Es un buen acuerdo —dijo Sánchez—, pero …»
        let aside = aside_in(&found.text)?;
        speaker_beside(found, paragraphs, "", aside)
    })
}

/// "Reuters quoted him as saying", "Macron’s office quoted him as
/// saying", "the newspaper cited the minister as saying" after a
/// quotation, as the attribution it reports: ", he said.", ", the minister
/// said.".
fn quoted_as_saying(after: &str) -> Option<String> {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        attribution_regex(
            r"^\s*[,.]?\s*(?:[^.!?“”«»„\x22]{1,60}?\s)?(?:quoted|cited)\s+(?P<who>[^.!?,;“”«»„\x22]{1,60}?)\s+as\s+(?:saying|having\s+said)(?:[^\p{L}]|$)",
        )
        .expect("quoted-as-saying pattern")
    });
    let who = QUOTED.captures(after)?.name("who")?.as_str();
    let subject = match who {
        "him" => "he",
        "her" => "she",
        "them" => "they",
        other => other,
    };
    Some(format!(", {subject} said."))
}

/// The aside between dashes inside a quotation's text ("—dijo Sánchez—",
/// "– ha aggiunto il ministro –"), when an attribution may sit in it.
fn aside_in(text: &str) -> Option<&str> {
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        attribution_regex(r"\s[—–]\s?(?P<aside>[\p{Ll}][^—–]{2,80}?)\s?[—–]")
            .expect("aside pattern")
    });
    ASIDE.captures(text)?.name("aside").map(|m| m.as_str())
}

/// Two people speaking together, after the quotation ("…," von der Leyen
/// and Costa said in a joint statement) or before it ("Von der Leyen and
/// Costa said:"): both, joined as the article joins them, when the article
/// named both in full.
fn joint_speakers(before: &str, after: &str, paragraphs: &[String]) -> Option<String> {
    const AND: &str = r"(?P<and>and|und|et|y|e|en)";
    static JOINT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        attribution_regex(&format!(
            r"{AFTER_QUOTATION}(?P<a>{NAME})\s+{AND}\s+(?P<b>{NAME}){verb_after_subject}",
            verb_after_subject = VERB_AFTER_SUBJECT.as_str(),
        ))
        .expect("joint speakers after a quotation")
    });
    static JOINT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        attribution_regex(&format!(
            r"(?:^|[.!?]\s+)(?P<a>{NAME})\s+{AND}\s+(?P<b>{NAME}){verb_leading_in}",
            verb_leading_in = VERB_LEADING_IN.as_str(),
        ))
        .expect("joint speakers before a quotation")
    });
    let caps = JOINT_AFTER
        .captures(after)
        .or_else(|| JOINT_BEFORE.captures(before))?;
    let person = |group: &str| {
        let name = full_name(&reduce_name(caps.name(group)?.as_str())?, paragraphs);
        name.contains(' ').then_some(name)
    };
    Some(format!(
        "{} {} {}",
        person("a")?,
        caps.name("and")?.as_str(),
        person("b")?
    ))
}

/// The speaker given by the attribution in `before` and `after`.
fn speaker_beside(
    found: &Found,
    paragraphs: &[String],
    before: &str,
    after: &str,
) -> Option<Speaker> {
    if let Some(name) = joint_speakers(before, after, paragraphs) {
        return Some(Speaker { name, named: true });
    }
    if let Some(name) = named_speaker_of(found, paragraphs, before, after)
        .or_else(|| lead_in(found, paragraphs, before, after))
    {
        return Some(Speaker { name, named: true });
    }
    // "…," the chancellor said: the person the article named with that
    // office, and nobody when it named nobody with it (the office is
    // neither an organisation nor an unnamed source)
    if let Some(office) = office::office_beside(before, after) {
        let name = office::holder(&office, paragraphs, found.first, found.start)?;
        return Some(Speaker {
            name: full_name(&name, paragraphs),
            named: true,
        });
    }
    // "…," the EU's top diplomat said: the person the article set that
    // description beside
    if let Some(name) = described::description_beside(after)
        .and_then(|d| described::described(d, paragraphs, found.first, found.start))
    {
        return Some(Speaker {
            name: full_name(&name, paragraphs),
            named: true,
        });
    }
    // Spanish and Italian leave the subject out: "«…», aseguró." stands
    // for the person last named, as a pronoun would
    if VERB_ALONE.is_match(after)
        && let Some(name) = resolve_pronoun(None, None, found, paragraphs)
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
    // when it opens with a common word ("a senior EU diplomat", "the
    // Kremlin", "senior officials", "fuentes de Moncloa"), as written when
    // with a name ("EU officials", "German diplomats")
    let opens_in_lower_case = phrase.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        ARTICLES.contains(&w.as_str()) || COMMON_OPENINGS.contains(&w.as_str())
    });
    let name = if opens_in_lower_case {
        let mut chars = phrase.chars();
        chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())?
    } else {
        phrase.to_string()
    };
    Some(Speaker { name, named: false })
}

/// The text either side of a quotation that an attribution may sit in: a
/// sentence's worth of its own paragraph (all the patterns need to see),
/// or the end of the paragraph before when that leads into it ("The
/// minister said:").
pub(super) fn beside<'a>(found: &Found, paragraphs: &'a [String]) -> (&'a str, &'a str) {
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

/// Is `name`, after the text `before_name`, the body an office heads
/// rather than a person: "afirmó el presidente del Gobierno", "said the
/// president of the European Commission"? Then the office may still give
/// the name. Three capitalised words or more go on to a person ("der
/// Europäischen Zentralbank Christine Lagarde"), and "von" opens a name
/// after a title ("Kommissionspräsidentin von der Leyen").
fn heads_body(before_name: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let particles = words
        .iter()
        .take_while(|w| w.starts_with(char::is_lowercase))
        .count();
    words.len() - particles < 3
        && ends_in_office_link(&format!("{before_name} {}", words[..particles].join(" ")))
}

/// Does `rest`, the text after a capitalised word, open with an office in
/// lower case ("bondskanselier", "prime minister")? Then the word qualified
/// the office ("de Duitse bondskanselier") and was no name.
fn before_office(rest: &str) -> bool {
    rest.strip_prefix(' ')
        .is_some_and(office::opens_with_office)
}

/// Longest sentence, in words, that leads into a quotation and names its
/// speaker.
const LEAD_IN_SENTENCE_WORDS: usize = 10;

/// The person a short sentence leading into the quotation is about: with
/// a colon ("Barnier was blunt: “…”"), or ending in a full stop right
/// before a quotation that nothing after it attributes, in the same
/// paragraph ("Barnier did not mince his words. “…”"). Only a person the
/// article named in full before counts; a place or a body ("Germany’s
/// position is clear:") does not.
fn lead_in(found: &Found, paragraphs: &[String], before: &str, after: &str) -> Option<String> {
    // (someone speaking for them is no lead-in of theirs: "Barnier’s office
    // said in a statement:")
    // (and a quotation running over paragraphs only after a colon)
    let spans = found.first != found.paragraph && !before.trim_end().ends_with(':');
    if spans || !leads_in(before, after) || UNNAMED_BEFORE.is_match(before) {
        return None;
    }
    let sentence = split_sentences(before).pop()?;
    if word_count(sentence) > LEAD_IN_SENTENCE_WORDS {
        return None;
    }
    let caps = LEAD_IN.captures(sentence.trim())?;
    let who = caps.name("who")?.as_str();
    // "Barnier’s verdict:", and a plural's "Barniers’ verdict:"
    let who = possessive_of(who)
        .or_else(|| who.strip_suffix(['’', '\'']))
        .unwrap_or(who);
    // one word: a surname the article gave in full before, or a pronoun
    // for such a person ("PKO GitHub" is no one's); a single letter is
    // an initial, not a surname
    if who.contains(char::is_whitespace) || who.chars().count() < 2 {
        return None;
    }
    let name = reduce_name(who)?;
    if is_pronoun(&name) {
        return resolve_epithet(&name, None, found, paragraphs);
    }
    // the article named them before as a person: a source, or the subject
    // of a sentence ("Jean Barnier, the farm minister, spoke …")
    let name = full_name(&name, paragraphs);
    if !name.contains(' ') {
        return None;
    }
    let named_before = speakers_before(paragraphs, found.first, found.start)
        .into_iter()
        .chain(
            paragraphs[..found.first]
                .iter()
                .flat_map(|p| sentence_subjects(p).map(|(_, n)| n)),
        )
        .any(|n| n == name);
    named_before.then_some(name)
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
    let (raw, lead_in, declined) = match AFTER.captures(after).as_ref().and_then(who_match) {
        Some(m) if ends_in_unnamed_description(&after[..m.start]) => return None,
        // "sagte der Ministerpräsident vor Journalisten": a noun after a
        // preposition is no name (the office may still give one)
        Some(m) if after_preposition(&after[..m.start]) => return None,
        // "afirmó el presidente del Gobierno": the body the office heads
        // (the office may still give the name)
        Some(m) if heads_body(&after[..m.start], m.text) => return None,
        // "zei de Duitse bondskanselier": a word qualifying the office
        // after it, which may give the name
        Some(m) if before_office(&after[m.start + m.text.len()..]) => return None,
        Some(m) => (
            without_office_body(&after[..m.start], m.text.trim().to_string()),
            None,
            in_genitive(&after[..m.start]),
        ),
        None => {
            let caps = BEFORE.captures(before)?;
            let m = who_match(&caps)?;
            if ends_in_unnamed_description(&before[..m.start]) {
                return None;
            }
            let at = if caps.name("who").is_some() {
                m.start
            } else {
                0
            };
            // "Marguerita M. Cheng of Annuity.org confirms": the person,
            // not the organisation's name
            let person = PERSON_OF
                .captures(&before[..m.start])
                .and_then(|c| Some(c.name("person")?.as_str()));
            let raw = match person {
                Some(person) => person.trim().to_string(),
                None => without_office_body(&before[..m.start], m.text.trim().to_string()),
            };
            (raw, Some(&before[..at]), in_genitive(&before[..m.start]))
        }
    };
    let name = reduce_name(&raw)?;
    if declined {
        return nominative(&name, paragraphs);
    }
    let name = if is_pronoun(&name) {
        resolve_epithet(&name, lead_in, found, paragraphs)?
    } else {
        name
    };
    Some(full_name(&name, paragraphs))
}

/// Does the name after `before_name` stand in the genitive, as Polish
/// puts it after "według" (according to) and "zdaniem" (in the view of)?
fn in_genitive(before_name: &str) -> bool {
    before_name
        .split_whitespace()
        .next_back()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "według" | "zdaniem"))
}

/// The person a pronoun or an epithet stands for. A nationality ("the
/// Hungarian") is first the person the article named with it and an
/// office ("Hungarian Prime Minister Viktor Orbán"), then, as a pronoun is,
/// the person named before.
fn resolve_epithet(
    name: &str,
    lead_in: Option<&str>,
    found: &Found,
    paragraphs: &[String],
) -> Option<String> {
    office::named_with_nationality(name, paragraphs, found.first, found.start)
        .or_else(|| resolve_pronoun(pronoun_gender(name), lead_in, found, paragraphs))
}

/// The person a pronoun (of the gender `wanted`, if it tells one) stands
/// for. "Henry David Thoreau is as relevant as ever when he writes, “…”":
/// the person named earlier in the same sentence (`lead_in`), else the
/// last person quoted or named as a source (or opening a sentence of this
/// paragraph), else one opening a sentence of the paragraph before; "she"
/// passes over a man the article calls "Mr".
fn resolve_pronoun(
    wanted: Option<Gender>,
    lead_in: Option<&str>,
    found: &Found,
    paragraphs: &[String],
) -> Option<String> {
    let genders = if wanted.is_some() {
        honorific_genders(paragraphs)
    } else {
        HashMap::new()
    };
    let agrees =
        |person: &String| wanted.is_none_or(|w| gender_of(person, &genders).is_none_or(|g| g == w));
    lead_in
        .and_then(named_in_sentence)
        .filter(agrees)
        .or_else(|| {
            speakers_before(paragraphs, found.first, found.start)
                .into_iter()
                .rev()
                .filter(agrees)
                .find(|n| n.contains(' ') || n.chars().skip(1).any(|c| c.is_lowercase()))
        })
        .or_else(|| {
            let previous = paragraphs.get(found.first.checked_sub(1)?)?;
            sentence_subjects(previous)
                .map(|(_, name)| name)
                .filter(agrees)
                .last()
        })
}

/// A quotation split by its attribution ("…,” she said. “…") continues the
/// speaker of the part before it.
pub(super) fn split_speaker(
    earlier: &[Found],
    found: &Found,
    paragraphs: &[String],
) -> Option<Speaker> {
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
