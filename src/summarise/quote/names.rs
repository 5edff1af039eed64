//! People's names in attributions: titles and particles ("U.S. President
//! Joe Biden" is "Joe Biden", "von der Leyen" keeps its particles),
//! pronouns, sentence subjects and surnames completed from the article.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{APPOSITION_AFTER, EPITHET, NAME, OFFICE, attribution_regex};
use crate::summarise::sentences::{is_abbreviation, split_sentences};

/// Endings of compound job titles ("Finanzminister", "Regierungssprecher"),
/// in any case ("des Bundeskanzlers").
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
    // German offices in another case: "den Präsidenten", "des Kanzlers"
    "präsidenten",
    "kanzlers",
    "ministers",
    "sprechers",
    "meisters",
    "direktors",
    "leiters",
    "chefs",
    "vorsitzenden",
];

/// Small words inside names: "von der Leyen", "da Silva", "bin Salman".
const PARTICLES: &[&str] = &[
    "della", "del", "der", "den", "de", "van", "von", "da", "di", "du", "bin", "al", "le", "la",
];

/// Pronouns that stand for the last person named.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "il", "elle", "ils", "elles", "er", "sie", "él", "ella", "lui", "lei",
    "hij", "zij", "ze",
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
    "jefe",
    "jefa",
    "capo",
    "monsieur",
    "m.",
    "mme",
    "herr",
    "frau",
    "mevrouw",
    "meneer",
    "burgemeester",
    "woordvoerder",
    "woordvoerster",
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
    // Polish
    "prezydent",
    "prezydentka",
    "marszałek",
    "rzecznik",
    "rzeczniczka",
    "szef",
    "szefowa",
    "poseł",
    "posłanka",
];

/// The word a possessive is made of ("Barnier’s" → "Barnier"), if `word`
/// is one.
pub(super) fn possessive_of(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
}

/// Is this word (and its lower case) a title, an article or a possessive
/// rather than part of a person's name?
fn is_title(word: &str, lower: &str) -> bool {
    NOT_NAMES.contains(&lower)
        || TITLE_ENDINGS.iter().any(|e| lower.ends_with(e))
        || word.ends_with("’s")
        || word.ends_with("'s")
        // a plural's possessive: "Companies’ claims"
        || word.ends_with(['’', '\''])
}

/// A pronoun, or a person called by their age or party ("the
/// 54-year-old", "der CDU-Politiker"), which stands for the person named
/// before it in the same way.
pub(super) fn is_pronoun(name: &str) -> bool {
    PRONOUNS.contains(&name.to_lowercase().as_str()) || EPITHET.is_match(name)
}

/// Reduces "U.S. President Joe Biden" to "Joe Biden" and "Then Merkel" to
/// "Merkel"; `None` when nothing name-like is left.
pub(super) fn reduce_name(raw: &str) -> Option<String> {
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
    // the writer speaking is nobody the reader can be told of
    if raw == "I" {
        return None;
    }
    if EPITHET.is_match(raw) {
        return Some(raw.to_string());
    }
    if is_pronoun(raw) {
        return Some(raw.to_lowercase());
    }
    let mut tokens: Vec<&str> = raw.split_whitespace().collect();
    // a full stop after a word ends a sentence, not a name: "says Dan. Here"
    if let Some(k) = tokens.iter().position(|t| ends_sentence(t)) {
        tokens[k] = tokens[k].trim_end_matches('.');
        tokens.truncate(k + 1);
    }
    // an article after a name opens the next phrase ("sagte Berg der
    // Deutschen Presse-Agentur", "ha detto Berg al Corriere"), unless a
    // particle leads into it ("von der Leyen", "Van der Bellen")
    if let Some(k) = (1..tokens.len()).find(|&k| {
        matches!(tokens[k], "der" | "den" | "al")
            && !PARTICLES.contains(&tokens[k - 1].to_lowercase().as_str())
    }) {
        tokens.truncate(k);
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
        // so is an initial between names ("Marguerita M. Cheng"), which
        // opening a name is French "M." for "Monsieur"
        let initial = k > 0 && name_part(k - 1) && name_part(k + 1) && initial_at_end(t) == Some(t);
        // a surname that is also a title, before a generational suffix
        // ("Martin Luther King Jr.")
        let surname = k > 0
            && name_part(k - 1)
            && k + 1 < tokens.len()
            && tokens[k + 1..]
                .iter()
                .all(|t| matches!(*t, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"));
        // "Vice-President", "Deputy-Chairman": the title is the last part
        let last_part = lower.rsplit('-').next().unwrap_or_default();
        !in_name && !initial && !surname && (is_title(t, &lower) || NOT_NAMES.contains(&last_part))
    });
    let rest = match last_title {
        Some(k) => &tokens[k + 1..],
        None => &tokens[..],
    };
    // a particle opening three capitalised words or more joins an office
    // to what it heads: "del Consiglio Giorgia Meloni", "der Europäischen
    // Zentralbank Christine Lagarde" (not "von der Leyen")
    let opened = rest.iter().take_while(|t| PARTICLES.contains(t)).count();
    let rest = if opened > 0 && rest.len() - opened >= 3 && capitalised(&rest[opened..]) {
        person_after_body(&rest[opened..]).unwrap_or(rest)
    } else {
        rest
    };
    // lower-case words left of the name go, except the particles it
    // opens with ("von der Leyen"); particles after it ("Merz der
    // „Bild“") are not part of it
    let mut rest: Vec<&str> = rest
        .iter()
        .copied()
        .skip_while(|t| t.starts_with(|c: char| !c.is_uppercase()) && !PARTICLES.contains(t))
        .collect();
    // German "von" and Dutch "van" after a full name open where the person
    // works ("Joachim Nagel von der Bundesbank", "Mona Keijzer van
    // Volkshuisvesting"); after one given name they are particles
    // ("Ursula von der Leyen", "Richard von Weizsäcker", "Ruud van
    // Nistelrooy"). Dutch "van der" and "van den" open a surname after
    // two given names too ("Jan Peter van der Berg"): no employer goes by
    // them.
    if let Some(k) = (2..rest.len()).find(|&k| {
        matches!(rest[k], "von" | "vom" | "van")
            && !(rest[k] == "van" && rest.get(k + 1).is_some_and(|t| matches!(*t, "der" | "den")))
            && rest[k - 2..k]
                .iter()
                .all(|t| t.starts_with(char::is_uppercase))
    }) {
        rest.truncate(k);
    }
    while rest.last().is_some_and(|t| PARTICLES.contains(t)) {
        rest.pop();
    }
    if rest.is_empty() {
        None
    } else {
        Some(rest.join(" "))
    }
}

/// The text without the capitalised words it ends in, each followed by
/// one space: "ministro de " from "ministro de Asuntos ".
fn without_capitalised_tail(mut text: &str) -> &str {
    while let Some(trimmed) = text.strip_suffix(' ') {
        let word_at = trimmed.rfind(' ').map_or(0, |at| at + 1);
        if !trimmed[word_at..].starts_with(char::is_uppercase) {
            break;
        }
        text = &trimmed[..word_at];
    }
    text
}

/// Does every word open with a capital?
fn capitalised(words: &[&str]) -> bool {
    words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Words that join an office to what it heads: "presidente del
/// Consiglio", "président de la République", "Präsidentin der
/// Europäischen Zentralbank", "Leader of the Opposition", "minister van
/// Financiën" (as words; `office.rs` has them as a pattern, `link!`).
const OFFICE_LINKS: &[&str] = &[
    "of", "for", "the", "de", "la", "los", "las", "l’", "des", "du", "del", "della", "dello",
    "dei", "degli", "delle", "di", "der", "van",
];

/// Does `before` end in an office and the words that join it to what it
/// heads ("presidente del", "Leader of the")? Then the capitalised words
/// after it open with that body's name ("In the words of Ed Begley Jr."
/// has no office).
pub(super) fn ends_in_office_link(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    let mut links = 0;
    while words.next_if(|w| OFFICE_LINKS.contains(w)).is_some() {
        links += 1;
    }
    links > 0 && words.next().is_some_and(|w| is_title(w, &w.to_lowercase()))
}

/// A name of three capitalised words or more set after an office's link
/// word ("le président de la République Emmanuel Macron") is the body's
/// name and then the person's: the person is the last two words, or three
/// with a compound given name ("ministra de Hacienda María Jesús Montero").
pub(super) fn without_office_body(before: &str, name: String) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 3 && capitalised(&words) && ends_in_office_link(before) {
        person_after_body(&words)
            .map(|person| person.join(" "))
            .unwrap_or(name)
    } else {
        name
    }
}

/// The person named at the end of `run`, a body's name and then theirs
/// ("Economia Giancarlo Giorgetti"), as `person_after_body` finds them.
pub(super) fn person_named_after_body(run: &str) -> Option<String> {
    let words: Vec<&str> = run.split_whitespace().collect();
    person_after_body(&words).map(|person| person.join(" "))
}

/// The person's words at the end of a body's name and theirs ("Consiglio
/// Giorgia Meloni", "Hacienda María Jesús Montero", "Comisión Europea
/// Ursula von der Leyen"): the surname, from its particles on, and the
/// given names before it. `None` when too few words come before the
/// surname to hold a body and a given name (with particles, three: "Santa
/// Cruz de Tenerife" is a place).
fn person_after_body<'w>(words: &'w [&'w str]) -> Option<&'w [&'w str]> {
    let particle = words
        .iter()
        .skip(1)
        .position(|w| PARTICLES.contains(w))
        .map(|k| k + 1);
    let surname = particle.unwrap_or(words.len().checked_sub(1)?);
    let before = &words[..surname];
    let least = if particle.is_some() { 3 } else { 2 };
    if before.len() < least {
        return None;
    }
    let given = given_names_after_body(before.iter().rev().copied());
    Some(&words[surname - given..])
}

/// Given names that open a compound given name, as Spanish, Catalan and
/// Portuguese write them unhyphenated: "María Jesús", "José Manuel",
/// "Maria João".
const COMPOUND_GIVEN: &[&str] = &[
    "María",
    "Maria",
    "José",
    "Josep",
    "Juan",
    "Joan",
    "João",
    "Ana",
    "Luis",
    "Miguel",
    "Francisco",
];

/// How many of the capitalised words before a surname, nearest first,
/// after an office and the body it heads, are the person's given names:
/// one ("presidente del Consiglio Giorgia Meloni"), or two when the one
/// before opens a compound given name and the body still comes before
/// it ("de Hacienda María Jesús Montero").
fn given_names_after_body<'a>(mut nearest_first: impl Iterator<Item = &'a str>) -> usize {
    let _given = nearest_first.next();
    match (nearest_first.next(), nearest_first.next()) {
        (Some(second), Some(_body)) if COMPOUND_GIVEN.contains(&second) => 2,
        _ => 1,
    }
}

/// Where the last sentence of a name a pattern captured before its verb
/// starts: the pattern may run on from the sentence before ("… met in
/// Paris. Barnier added:" captures "Paris. Barnier"), and the verb's
/// subject is the part after the last word that ends a sentence.
pub(super) fn last_sentence_start(raw: &str) -> usize {
    let mut start = 0;
    let mut words = raw
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - raw.as_ptr() as usize, w))
        .peekable();
    while let Some((_, word)) = words.next() {
        if let Some(&(next, _)) = words.peek()
            && ends_sentence(word)
        {
            start = next;
        }
    }
    start
}

/// "Dan." ends a sentence; "K.", "Jr." and "Dr." do not.
fn ends_sentence(token: &str) -> bool {
    token
        .strip_suffix('.')
        .is_some_and(|word| !word.is_empty() && !is_abbreviation(word))
}

/// The last full name in the sentence that `text` ends in.
pub(super) fn named_in_sentence(text: &str) -> Option<String> {
    static NAMED: LazyLock<Regex> =
        LazyLock::new(|| attribution_regex(NAME).expect("name pattern"));
    let sentence = split_sentences(text).pop()?;
    NAMED
        .find_iter(sentence)
        .filter_map(|m| reduce_name(m.as_str()))
        .filter(|n| n.contains(' '))
        .last()
}

/// A person's gender as the article shows it, by the honorific it gives
/// them or the pronoun it refers to them with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Female,
    Male,
}

/// The gender a pronoun, or a person called by their age or nationality,
/// tells: "she", "il", "die 54-Jährige", "the Frenchman". None for "they",
/// German "sie" (also "they"), "the 54-year-old" and "the German".
pub(super) fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    let lower = pronoun.to_lowercase();
    match lower.as_str() {
        "he" | "er" | "il" | "él" | "lui" | "hij" => Some(Gender::Male),
        "she" | "elle" | "ella" | "lei" => Some(Gender::Female),
        // "the Dutchwoman", "the Frenchman" (not "the German")
        _ if lower.ends_with("woman") => Some(Gender::Female),
        _ if lower.ends_with("hman") || lower.ends_with("sman") => Some(Gender::Male),
        _ if lower.starts_with("der ") || lower.starts_with("il ") => Some(Gender::Male),
        _ if lower.starts_with("die ") || lower.starts_with("la ") => Some(Gender::Female),
        _ => None,
    }
}

/// The genders an article's honorifics give, by surname: "Mr Visser",
/// "Ms Berg", "Frau Berg", "Mme Moreau", "la señora Berg". A surname
/// given both is of no known gender (`None`).
pub(super) fn honorific_genders(paragraphs: &[String]) -> HashMap<&str, Option<Gender>> {
    static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| {
        attribution_regex(
            r"(?:^|[^\p{L}.])(?P<honorific>Mrs|Mr|Ms|Miss|Sir|Dame|Herr|Frau|M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|Sra|Sr|[Ss]eñora|[Ss]eñor|Doña|Sig\.ra|Sig|[Ss]ignora|[Ss]ignor|[Mm]evrouw|[Mm]eneer|de\s+heer)\.?\s+(?P<name>[\p{Lu}][\p{L}’'\-]+(?:\s+[\p{Lu}][\p{L}’'\-]+){0,2})",
        )
        .expect("honorific pattern")
    });
    let mut genders: HashMap<&str, Option<Gender>> = HashMap::new();
    for paragraph in paragraphs {
        for caps in HONORIFIC.captures_iter(paragraph) {
            let (Some(honorific), Some(named)) = (caps.name("honorific"), caps.name("name")) else {
                continue;
            };
            // "M." after a capitalised word is an initial ("Marguerita M.
            // Cheng"), not French "Monsieur"
            let word_before = paragraph[..honorific.start()]
                .split_whitespace()
                .next_back();
            if honorific.as_str() == "M."
                && word_before.is_some_and(|w| {
                    w.starts_with(char::is_uppercase) && !w.ends_with(['.', '!', '?', ':'])
                })
            {
                continue;
            }
            let Some(surname) = named.as_str().split_whitespace().next_back() else {
                continue;
            };
            let gender = match honorific.as_str().to_lowercase().as_str() {
                "mrs" | "ms" | "miss" | "dame" | "frau" | "mme" | "mlle" | "madame"
                | "mademoiselle" | "sra" | "señora" | "doña" | "sig.ra" | "signora" | "mevrouw" => {
                    Gender::Female
                }
                _ => Gender::Male,
            };
            genders
                .entry(surname)
                .and_modify(|known| {
                    if *known != Some(gender) {
                        *known = None;
                    }
                })
                .or_insert(Some(gender));
        }
    }
    genders
}

/// The gender of `name`, by the honorific its surname has in `genders`.
pub(super) fn gender_of(name: &str, genders: &HashMap<&str, Option<Gender>>) -> Option<Gender> {
    genders
        .get(name.split_whitespace().next_back()?)
        .copied()
        .flatten()
}

/// Words that open the name of a body or a thing, not of a person.
pub(super) const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "our", "my", "its", "their", "le", "la",
    "les", "l’", "un", "une", "der", "die", "das", "ein", "eine", "el", "los", "las", "il", "lo",
    "gli", "uno", "una",
];

/// People the sentences of `text` open with, as the subject of a verb
/// written in lower case ("Anna Berger, 54, has run the bakery …"), with
/// their offsets, titles dropped. Only full names count: a single capitalised word opening
/// a sentence is too often not a person, unless an office comes before it
/// ("La ministra Montero defendió …").
pub(super) fn sentence_subjects(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        // after a possessive and a title ("Rotterdam's mayor Anna Berg"),
        // or an office in lower case ("Il ministro Giancarlo Giorgetti",
        // "Finance minister Eelco Heinen"), with a party and a description
        // after ("Anna Berg (VVD), the mayor, …")
        attribution_regex(&format!(
            r"^(?:[\p{{Lu}}][\p{{L}}.\-]*(?:’s|'s)\s+(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}|(?P<office>(?:[\p{{Lu}}][\p{{L}}\-]*\s+)?(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,2}}?(?:{OFFICE})\s+))?(?P<who>{NAME})(?:{APPOSITION_AFTER}){{0,2}}\s+\p{{Ll}}"
        ))
            .expect("sentence subject pattern")
    });
    split_sentences(text)
        .into_iter()
        .filter_map(move |sentence| {
            let caps = SUBJECT.captures(sentence)?;
            let after_office = caps.name("office").is_some();
            let raw = caps.name("who")?.as_str();
            // "The European Union agreed …" opens with a body, not a
            // person; "Die IG-Metall-Chefin Christiane Benner hat …" with a
            // person's title
            let mut words = raw.split_whitespace();
            let first = words.next()?.to_lowercase();
            if ARTICLES.contains(&first.as_str())
                && !words.next().is_some_and(|w| is_title(w, &w.to_lowercase()))
            {
                return None;
            }
            let name = reduce_name(raw)?;
            let at = sentence.as_ptr() as usize - text.as_ptr() as usize;
            // "Die SPD-Vorsitzende sagte" calls someone named before
            ((name.contains(' ') || after_office) && !is_pronoun(&name)).then_some((at, name))
        })
}

/// Given names taken before a surname, at most ("Nadia Nunes Cavalcante
/// Parr").
const GIVEN_NAMES: usize = 3;

/// The initial `text` ends with, as a word of its own: "A." in "Elizabeth
/// A." (not the end of "U.S." or of "Mr.").
fn initial_at_end(text: &str) -> Option<&str> {
    let mut chars = text.char_indices().rev();
    let (_, stop) = chars.next()?;
    let (at, letter) = chars.next()?;
    let starts_word = chars.next().is_none_or(|(_, c)| c == ' ');
    (stop == '.' && letter.is_uppercase() && starts_word).then(|| &text[at..])
}

/// "Stoltenberg" becomes "Jens Stoltenberg" when the article names him in
/// full, and "von der Leyen" (or "Von der Leyen" opening a sentence)
/// "Ursula von der Leyen": a surname alone, with its particles.
pub(super) fn full_name(name: &str, paragraphs: &[String]) -> String {
    // "Von der Leyen" opening a sentence is the article's "von der Leyen",
    // when the article writes it so
    if let Some((first, rest)) = name.split_once(' ')
        && first.starts_with(char::is_uppercase)
        && PARTICLES.contains(&first.to_lowercase().as_str())
    {
        let lowered = format!("{} {rest}", first.to_lowercase());
        let full = full_name(&lowered, paragraphs);
        if full != lowered {
            return full;
        }
    }
    let surname_with_particles = name.starts_with(char::is_lowercase);
    if name.contains(' ') && !surname_with_particles {
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
        // ... after capitalised words and initials ("Elizabeth A. Hoge"),
        // each followed by one space
        let mut before = &p[..at];
        let mut names = Vec::new();
        while names.len() < GIVEN_NAMES {
            let Some(trimmed) = before.strip_suffix(' ') else {
                break;
            };
            let word = match initial_at_end(trimmed) {
                Some(initial) => initial,
                None => {
                    let word = trimmed
                        .rsplit(|c: char| !(c.is_alphabetic() || matches!(c, '’' | '\'' | '-')))
                        .next()?;
                    let mut chars = word.chars();
                    let capitalised =
                        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some();
                    if !capitalised || is_title(word, &word.to_lowercase()) {
                        break;
                    }
                    word
                }
            };
            names.push(word);
            before = &trimmed[..trimmed.len() - word.len()];
        }
        // "presidente del Consiglio Giorgia Meloni": the word nearest the
        // surname is the given name, the others name the body, which may
        // run on before them ("de Asuntos Exteriores José Manuel")
        if names.len() > 1 && ends_in_office_link(without_capitalised_tail(before)) {
            names.truncate(given_names_after_body(names.iter().copied()));
        }
        names.reverse();
        (!names.is_empty()).then(|| names.join(" "))
    };
    let mentions = || {
        paragraphs
            .iter()
            .flat_map(|p| p.match_indices(name).map(move |(at, _)| (p, at)))
    };
    mentions()
        .find_map(|(p, at)| given_name(p, at))
        .map(|first| format!("{first} {name}"))
        .or_else(|| {
            if surname_with_particles {
                return None;
            }
            let full = mentions()
                .find_map(|(p, at)| surname_after(p, at, name))
                .map(|last| format!("{name} {last}"))?;
            // a thing, not a person, when the article writes it after an
            // article anywhere ("the Suunto Run")
            let a_thing = paragraphs.iter().any(|p| {
                p.match_indices(&full)
                    .any(|(at, _)| after_article(&p[..at]))
            });
            (!a_thing).then_some(full)
        })
        .unwrap_or_else(|| name.to_string())
}

/// Endings a Polish name takes in its cases after the stem it shares with
/// its nominative: "Tusk", "Tuska"; "Nawrocki", "Nawrockiego"; "Kowalska",
/// "Kowalskiej"; "Anna", "Anny"; "Hołownia", "Hołowni".
#[rustfmt::skip]
const CASE_ENDINGS: &[&str] = &[
    "", "a", "u", "y", "i", "ą", "em", "iem", "owi", "ego", "iego", "emu", "m", "ej", "iej",
];

/// Endings of a nominative that its cases replace ("Kowalsk-a").
const NOMINATIVE_ENDINGS: [&str; 4] = ["", "a", "i", "y"];

/// Is `form` one of the cases of the name `nominative`, other than itself?
fn declines(nominative: &str, form: &str) -> bool {
    form != nominative
        && NOMINATIVE_ENDINGS.iter().any(|ending| {
            nominative.strip_suffix(ending).is_some_and(|stem| {
                stem.chars().count() >= 3
                    && form
                        .strip_prefix(stem)
                        .is_some_and(|rest| CASE_ENDINGS.contains(&rest))
            })
        })
}

/// The person a name in a Polish case stands for ("według Tuska",
/// "według Donalda Tuska", "zdaniem Anny Kowalskiej"): the full name of the
/// person the article named whose surname declines to the name's last
/// word, and whose given name declines to its first, if it has one. None
/// when the article names nobody so.
pub(super) fn nominative(name: &str, paragraphs: &[String]) -> Option<String> {
    let mut words = name.split_whitespace();
    let surname = words.next_back()?;
    let given = words.next();
    paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !(c.is_alphabetic() || c == '-')))
        .filter(|w| w.starts_with(char::is_uppercase) && declines(w, surname))
        .map(|w| full_name(w, paragraphs))
        .find(|full| {
            given.is_none_or(|g| {
                full.split_whitespace()
                    .next()
                    .is_some_and(|first| first == g || declines(first, g))
            })
        })
}

/// Does `before` end in an article ("the", "a", "der" …)?
fn after_article(before: &str) -> bool {
    let word = before.trim_end().rsplit(' ').next().unwrap_or_default();
    ARTICLES.contains(&word.to_lowercase().as_str())
}

/// The surname after a given name the article also uses alone ("says
/// Katie" after "Deputy Editor Katie Bandurski"): capitalised words and
/// initials right after the mention at `at`, each after one space. A
/// mention after an article names a thing ("The Joel Test"), and a
/// possessive ends the name ("Tiffany Waldorf's husband").
fn surname_after(p: &str, at: usize, name: &str) -> Option<String> {
    let before = &p[..at];
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        || after_article(before)
    {
        return None;
    }
    let mut rest = &p[at + name.len()..];
    let mut names = Vec::new();
    while names.len() < GIVEN_NAMES {
        let Some(next) = rest.strip_prefix(' ') else {
            break;
        };
        let word = next
            .split(|c: char| !(c.is_alphabetic() || matches!(c, '’' | '\'' | '-' | '.')))
            .next()
            .unwrap_or_default();
        let possessive = possessive_of(word);
        let bare = possessive.unwrap_or(word).trim_end_matches('.');
        // capitalised, not an acronym ("CEO")
        let capitalised =
            bare.starts_with(char::is_uppercase) && bare.chars().skip(1).any(char::is_lowercase);
        let initial = initial_at_end(word) == Some(word);
        if initial {
            names.push(word);
            rest = &next[word.len()..];
            continue;
        }
        if !capitalised || is_title(bare, &bare.to_lowercase()) {
            break;
        }
        names.push(bare);
        // a full stop or a possessive after the word ends the name
        if possessive.is_some() || word.ends_with('.') {
            break;
        }
        rest = &next[word.len()..];
    }
    // initials alone are no surname
    while names.last().is_some_and(|n| n.ends_with('.')) {
        names.pop();
    }
    (!names.is_empty()).then(|| names.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initial_is_a_single_capital_and_a_full_stop() {
        assert_eq!(initial_at_end("lead author Elizabeth A."), Some("A."));
        assert_eq!(initial_at_end("A."), Some("A."));
        for not_one in ["the U.S.", "said Mr.", "Elizabeth A", "a."] {
            assert_eq!(initial_at_end(not_one), None, "{not_one}");
        }
    }
}
