//! An office standing for the person who holds it: "…," the chancellor
//! said; „…“, sagte der Minister; « … », a déclaré le président. The
//! speaker is the person the article last named with that office before
//! the quotation: "German Chancellor Friedrich Merz", "Friedrich Merz, the
//! German chancellor," or "the German chancellor, Friedrich Merz". When
//! the article names nobody with it, the office gives no speaker.

use std::sync::LazyLock;

use regex::Regex;

use super::names::{person_named_after_body, possessive_of, reduce_name};
use super::patterns::{
    ACCORDING, AFTER_QUOTATION, CAPITALISED_NAME, NAME, PREPOSITIONS, VERB_AFTER_SUBJECT,
    VERB_LEADING_IN, VERBS, attribution_regex, leads_in,
};

/// Offices a report refers back to once it has named their holder, in the
/// languages the digest reads. Longer forms first ("prime minister" before
/// "minister").
macro_rules! roles {
    () => {
        r"(?i:chef\s+de\s+l[’']\s*[ée]tat|capo\s+dello\s+stato|chef(?:fe)?\s+du\s+gouvernement|jef[ea]\s+del\s+(?:gobierno|ejecutivo)|capo\s+del\s+governo|premi(?:er|ère)\s+ministre|primeiro-ministro|primeira-ministra|primer[oa]?\s+ministr[oa]|prim[oa]\s+ministr[oa]|prime\s+minister|chancellor|chanceli(?:er|ère)|canciller|cancellier[ea]|chanceler|kanselier|president|minister|premier|commissioner|mayor|governor|secretary-general|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chief\s+executive|ceo|chief|chefin|chef|leader|l[íi]der|mandatari[oa]|ambassador|envoy|prosecutor|judge|senator|coach|manager|kanzlerin|kanzler|präsidentin|präsident|ministerin|bürgermeisterin|bürgermeister|sprecherin|sprecher|présidente|président|ministre|maire|porte-parole|presidenta|presidente|ministra|ministro|alcaldesa|alcalde|portavoz|sindaca|sindaco|portavoce|burgemeester|woordvoerder)"
    };
}

/// A nationality as French, Spanish, Italian and Portuguese set it after an
/// office ("le chancelier allemand Friedrich Merz", "el primer ministro
/// británico", "il presidente ucraino"), and English, German and Dutch
/// before it ("the German chancellor", "der österreichische Kanzler", "de
/// Duitse bondskanselier"): the countries European news names most.
macro_rules! national_adjective {
    () => {
        r"(?i:german|allemand|allemande|alem[aá]n|alemana|tedesc[oa]|alem[ãa]o?|deutsch\p{Ll}{0,2}|duitse|french|fran[cç]ais|fran[cç]aise|franc[eé]s|francesa|frances[ei]|franc[eê]s|franz[öo]sisch\p{Ll}{0,2}|franse|american|am[ée]ricaine?|estadounidense|statunitense|american[oa]|norte-american[oa]|amerikanisch\p{Ll}{0,2}|amerikaanse|british|britannique|brit[aá]nic[oa]|britannic[oa]|brit[âa]nic[oa]|britisch\p{Ll}{0,2}|britse|italian|italien(?:ne)?|italian[oa]|italienisch\p{Ll}{0,2}|italiaanse|spanish|espagnole?|espa[ñn]ol|espa[ñn]ola|spagnol[oa]|espanhola?|spanisch\p{Ll}{0,2}|spaanse|russian|russe|rus[oa]|russ[oa]|russisch\p{Ll}{0,2}|russische|ukrainian|ukrainien(?:ne)?|ucranian[oa]|ucrain[oa]|ukrainisch\p{Ll}{0,2}|oekra[ïi]ense|chinese|chinoise?|chin[oa]|cinese|chin[eê]s|chinesisch\p{Ll}{0,2}|polish|polonaise?|polac[oa]|polacc[oa]|polon[eê]s|polnisch\p{Ll}{0,2}|poolse|dutch|n[ée]erlandaise?|neerland[eé]s|neerlandesa|olandese|holand[eê]s|niederl[äa]ndisch\p{Ll}{0,2}|nederlandse|belgian|belge|belga|belgisch\p{Ll}{0,2}|belgische|portuguese|portugaise?|portugu[eé]s|portuguesa|portoghese|portugiesisch\p{Ll}{0,2}|portugese|greek|grecque|grec|grieg[oa]|grec[oa]|greg[oa]|griechisch\p{Ll}{0,2}|griekse|turkish|turque|turc|turc[oa]|t[üu]rkisch\p{Ll}{0,2}|turkse|hungarian|hongroise?|h[úu]ngar[oa]|ungherese|ungarisch\p{Ll}{0,2}|hongaarse|austrian|autrichien(?:ne)?|austr[ií]ac[oa]|[öo]sterreichisch\p{Ll}{0,2}|oostenrijkse|swedish|su[ée]doise?|suec[oa]|svedese|schwedisch\p{Ll}{0,2}|zweedse|danish|danoise?|dan[eé]s|danesa|danese|dinamarqu[eê]s|d[äa]nisch\p{Ll}{0,2}|deense|finnish|finlandaise?|finland[eé]s|finlandesa|finlandese|finnisch\p{Ll}{0,2}|finse|irish|irlandaise?|irland[eé]s|irlandesa|irlandese|irisch\p{Ll}{0,2}|ierse|romanian|roumaine?|ruman[oa]|romen[oa]|rum[äa]nisch\p{Ll}{0,2}|roemeense|israeli|isra[ée]lien(?:ne)?|israel[ií]|israelian[oa]|israelense|israelisch\p{Ll}{0,2}|isra[ëe]lische|iranian|iranien(?:ne)?|iran[ií]|iranian[oa]|iranisch\p{Ll}{0,2}|iraanse|japanese|japonaise?|japon[eé]s|japonesa|giapponese|japon[eê]s|japanisch\p{Ll}{0,2}|japanse|canadian|canadien(?:ne)?|canadiense|canadese|canadense|kanadisch\p{Ll}{0,2}|swiss|suisse|suiz[oa]|svizzer[oa]|su[íi][çc][oa]|schweizer\p{Ll}{0,5}|zwitserse|czech|tch[èe]que|chec[oa]|cec[oa]|tschechisch\p{Ll}{0,2}|tsjechische|european|europ[ée]en(?:ne)?|europe[oa]|europeu|europeia|europ[äa]isch\p{Ll}{0,2}|europese)"
    };
}

/// An office as a word of its own or the end of a compound
/// ("Finanzminister", "Ministerpräsident"), in the group named; the
/// compound's first part ("Finanz", "Nato-") in the group named with
/// `_head` after it.
macro_rules! role {
    ($group:literal) => {
        concat!(
            r"(?P<",
            $group,
            r"_head>[\p{L}\-]*?)(?P<",
            $group,
            ">",
            roles!(),
            ")"
        )
    };
}

/// The words that join an office to what it heads: "of the", "de la",
/// "del", "dell’", "der", "van" ("minister of Finance", "ministro
/// dell'Economia", "minister van Financiën").
macro_rules! link {
    () => {
        r"(?i:of\s+the|of|for|de\s+la|de\s+los|de\s+las|de|del|della|dello|degli|delle|dei|dell[’']|d[’']|des|du|der|di|van)"
    };
}

/// "the chancellor", "the German chancellor", "der Minister", "le
/// président": a definite article, at most two words, the office, the
/// pattern given after it, if any (a nationality: "le chancelier
/// allemand"), and what it heads ("el presidente del Gobierno", "the
/// president of the European Commission").
macro_rules! reference {
    ($group:literal, $qualifier:literal, $body:literal) => {
        reference!($group, $qualifier, $body, "")
    };
    ($group:literal, $qualifier:literal, $body:literal, $($after:tt)+) => {
        concat!(
            r"(?i:the|der|die|le|la|l’|l'|el|il|de|het|o)\s+(?P<",
            $qualifier,
            r">(?:[\p{L}\-]+\s+){0,2}?)",
            role!($group),
            $($after)+,
            r"(?:\s+",
            link!(),
            r"\s+(?:l[’']\s*)?(?P<",
            $body,
            r">[\p{Lu}][\p{L}\-]*(?:\s+[\p{Lu}][\p{L}\-]*){0,2}))?"
        )
    };
}

/// A newspaper or broadcaster the office spoke to, in the German dative
/// with no preposition and named in quotation marks: "der „Bild“", "dem
/// „Spiegel“", "der Wochenzeitung „Die Zeit“" (other languages give it a
/// preposition: "au « Monde »").
const OUTLET: &str = r"(?i:der|dem)\s+(?:[\p{L}\-]+\s+)?[„“\x22«»‚‹]";

/// The office beside a quotation: after it ("…," the chancellor said;
/// „…“, sagte der Minister; « … », selon le chef de l’État; in Polish,
/// which has no article, „…” – dodał premier) or opening the sentence
/// that introduces it ("The minister said: “…”").
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"{AFTER_QUOTATION}(?:{subject}{verb_after_subject}|(?:{VERBS}|{ACCORDING})\s+{object}(?:\s*[.,;:!?)]|\s*$|\s+(?:{prepositions})\s|\s+{OUTLET})|(?:{VERBS})\s+{bare}\s*(?:[.,;!?]|$))",
        verb_after_subject = VERB_AFTER_SUBJECT.as_str(),
        subject = reference!("role", "qualifier", "body"),
        // (only after a verb: "a déclaré le chancelier allemand")
        object = reference!(
            "role2",
            "qualifier2",
            "body2",
            concat!(r"(?:\s+(?P<nationality>", national_adjective!(), "))?")
        ),
        bare = role!("role3"),
        prepositions = PREPOSITIONS.join("|"),
    ))
    .expect("office after a quotation")
});

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"(?:^|[.!?]\s+){reference}{verb_leading_in}",
        verb_leading_in = VERB_LEADING_IN.as_str(),
        reference = reference!("role", "qualifier", "body"),
    ))
    .expect("office before a quotation")
});

/// A short sentence opening with the office that leads into the quotation
/// with a colon ("Le ministre était catégorique :", "Der Kanzler machte
/// klar:", "The minister was blunt:"), or ends right before a quotation
/// nothing after it attributes ("The minister did not mince his words.").
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"(?:^|[.!?]\s+){reference}\s+\p{{Ll}}[^:.!?;“”«»„\x22]{{0,60}}?\s*[:.!]\s*$",
        reference = reference!("role", "qualifier", "body"),
    ))
    .expect("office opening a sentence that leads into a quotation")
});

/// Where the article names the holder: "the president of the European
/// Council, António Costa", "il ministro dell'Economia, Giancarlo
/// Giorgetti" (groups `r3`, `w3`, tried first: "ministro de Economía" is no
/// name); "Chancellor Friedrich Merz", "Finanzminister Klaus Becker", "le
/// président Emmanuel Macron" (`r1`, `w1`); "Friedrich Merz, the German
/// chancellor," or "Friedrich Merz, Germany's chancellor," (`w2`, `r2`);
/// without the article, "Anna Berg, Bürgermeisterin von Rotterdam," when
/// no name follows the office (`w4`, `r4`: in "On Monday, Mayor Anna
/// Berg" the holder is the name after it); without commas, "il ministro
/// dell'Economia Giancarlo Giorgetti", the body's name, then the person's
/// (`r5`, `w5`, tried before `r1`: in "la presidenta de la Comisión
/// Europea Ursula von der Leyen", "de la" opens no name). A German office
/// may stand in another case before the name ("den Präsidenten Emmanuel
/// Macron", "des Bundeskanzlers Friedrich Merz").
static HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    let roles = roles!();
    let link = link!();
    let nationality = national_adjective!();
    attribution_regex(&format!(
        r"(?:^|[^\p{{L}}])(?P<h3>[\p{{L}}\-]*?)(?P<r3>{roles})(?:en|s)?(?:\s+{nationality})?(?:\s+{link}\s*[^,.;:“”«»„]{{1,40}}?)?,\s+(?P<w3>{NAME})|(?:^|[^\p{{L}}])(?P<h5>[\p{{L}}\-]*?)(?P<r5>{roles})(?:en|s)?\s+{link}\s*(?:l[’']\s*)?(?P<w5>[\p{{Lu}}][\p{{L}}’'\-]*(?:\s+[\p{{Lu}}][\p{{L}}’'\-]*){{1,5}}(?:(?:\s+(?:von|van|de|der|den|la|le|da|di|du|del|della))+\s+[\p{{Lu}}][\p{{L}}’'\-]*)?)|(?:^|[^\p{{L}}])(?P<h1>[\p{{L}}\-]*?)(?P<r1>{roles})(?:en|s)?(?:\s+{nationality})?\s+(?P<w1>(?:(?:von|van|de)\s+(?:der|den|la)\s+)?{CAPITALISED_NAME})|(?P<w2>{NAME})(?:\s+\([^()]{{1,40}}\))?,\s+(?:(?i:the|der|die|le|la|l’|l'|el|il)\s+|[\p{{Lu}}][\p{{L}}\-]*(?:’s|'s)\s+)(?:[^,.;:“”«»„]{{0,40}}?\s)?(?P<h2>[\p{{L}}\-]*?)(?P<r2>{roles})(?:[^\p{{L}}]|$)|(?P<w4>{NAME})(?:\s+\([^()]{{1,40}}\))?,\s+(?P<h4>[\p{{L}}\-]*?)(?P<r4>{roles})(?:\s*[,.;:]|\s+\p{{Ll}}|$)"
    ))
    .expect("office holder pattern")
});

/// The government a head of government heads, as Spanish and Italian name
/// it: "el jefe del Gobierno", "il capo del governo", "il presidente del
/// Consiglio".
const GOVERNMENTS: [&str; 4] = [
    "del gobierno",
    "del ejecutivo",
    "del consiglio",
    "del governo",
];

/// One spelling for an office, so "Prime  Minister" and "prime minister"
/// are the same.
fn key(role: &str) -> String {
    let key = role
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    // the head of state is the president: "le chef de l’État" after "le
    // président Emmanuel Macron", "il capo dello Stato" after "il
    // presidente Sergio Mattarella"
    if key.starts_with("chef de l") {
        "président".to_string()
    } else if key == "capo dello stato" {
        "presidente".to_string()
    } else if key == "primeira-ministra" {
        "primeiro-ministro".to_string()
    } else if key.starts_with("primer") {
        "primer ministro".to_string()
    } else if key.starts_with("prim") && key.ends_with("ministra") {
        "primo ministro".to_string()
    } else if key.ends_with("du gouvernement") || key == "première ministre" {
        // "le chef du gouvernement" after "le premier ministre, Sébastien
        // Lecornu"
        "premier ministre".to_string()
    } else if GOVERNMENTS.iter().any(|body| key.ends_with(body)) {
        // "el jefe del Gobierno", "el jefe del Ejecutivo", "il capo del
        // governo": the premier
        "premier".to_string()
    } else if key.starts_with("chef") {
        // the German "Chef", "Chefin": the head of something
        "chief".to_string()
    } else if matches!(
        key.as_str(),
        "líder" | "lider" | "mandatario" | "mandataria"
    ) {
        // the Spanish leader
        "leader".to_string()
    } else {
        key
    }
}

/// The office a compound names as a whole, from its first part (`head`,
/// lower case) and the office it ends in: the head of government
/// ("Regierungschef", "Ministerpräsident", "Premierministerin", the Dutch
/// "minister-president") and the head of state ("Staatschef"). None when
/// the first part only qualifies the office ("Finanzminister",
/// "Nato-Chef").
fn compound_key(head: &str, key: &str) -> Option<&'static str> {
    match (head, key) {
        (h, "chief") if h.ends_with("regierungs") => Some("premier"),
        (h, "chief") if h.ends_with("staats") => Some("präsident"),
        ("minister", "präsident" | "präsidentin" | "president")
        | ("premier", "minister" | "ministerin") => Some("premier"),
        _ => None,
    }
}

/// The office named by `role` after the first part of its compound
/// (`head`: "Finanz" in "Finanzminister", "" for a word of its own), and
/// that first part as a qualifier when it only qualifies the office.
fn office_of(head: &str, role: &str) -> (String, Option<String>) {
    let key = key(role);
    let head = head.trim_end_matches('-');
    match compound_key(&head.to_lowercase(), &key) {
        Some(whole) => (whole.to_string(), None),
        None => (key, (!head.is_empty()).then(|| head.to_string())),
    }
}

/// Words that make an office a deputy's ("the vice president", "der
/// Vizekanzler", "the deputy prime minister"): a deputy is not the one
/// they stand in for.
const DEPUTY: [&str; 6] = [
    "deputy",
    "vice",
    "vize",
    "stellvertretende",
    "stellvertretender",
    "adjoint",
];

/// Does `text` open with an office in lower case, alone or ending a
/// compound, in any case ("bondskanselier", "prime minister", "chancellor
/// said")?
pub(super) fn opens_with_office(text: &str) -> bool {
    static OFFICE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^[\p{L}\-]*?",
            roles!(),
            r"(?:en|s)?(?:[^\p{L}]|$)"
        ))
        .expect("an office first")
    });
    text.starts_with(char::is_lowercase) && OFFICE_FIRST.is_match(text)
}

/// Is `word` a nationality ("allemand", "German")?
fn is_nationality(word: &str) -> bool {
    static NATIONALITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!("^", national_adjective!(), "$")).expect("one nationality")
    });
    NATIONALITY.is_match(word)
}

/// Do `words` make an office a deputy's?
fn is_deputy(words: &str) -> bool {
    words_of(words).any(|w| {
        let w = w.to_lowercase();
        DEPUTY.contains(&w.as_str())
            // "Vizepräsident", "vicepremier"
            || (w.starts_with("vice") || w.starts_with("vize")) && opens_with_office(&w[4..])
    })
}

/// The words of `text`, apostrophes kept ("France's"), hyphens split
/// ("EU-Kommissionschefin").
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || c == '’' || c == '\''))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Does a holder named with `role`, followed in the text by `after`, hold
/// `office`? The head of government goes by several names: "the premier"
/// after "Prime Minister Dick Schoof", "the prime minister" after "Premier
/// Dick Schoof"; Spain's and Italy's are presidents of a body ("el
/// presidente del Gobierno, Pedro Sánchez", "il presidente del Consiglio
/// Giorgia Meloni"): the president, and the premier too. A "leader" is
/// any head of government or state, a "chief" the head of anything (the
/// qualifiers then decide).
fn holds(office: &Office, key: &str, after: &str) -> bool {
    if key == office.key {
        return true;
    }
    // (only a qualified reference reads a generic office so widely: "the
    // opposition leader" is no prime minister)
    let qualified = !office.qualifiers.is_empty();
    match office.key.as_str() {
        "chief" => return qualified,
        "leader" => {
            return qualified
                && (HEADS_OF_GOVERNMENT.contains(&key) || OTHER_LEADERS.contains(&key));
        }
        _ => {}
    }
    let office = office.key.as_str();
    if !HEADS_OF_GOVERNMENT.contains(&office) {
        return false;
    }
    HEADS_OF_GOVERNMENT.contains(&key)
        || matches!(key, "presidente" | "presidenta")
            && GOVERNMENTS.iter().any(|g| {
                let body: String = after.trim_start().chars().take(g.len()).collect();
                body.to_lowercase() == *g
            })
}

/// Words that put an office in the past.
const FORMER: &[&str] = &[
    "former",
    "ex",
    "late",
    "then",
    "previous",
    "ehemalige",
    "ehemaliger",
    "frühere",
    "früherer",
    "ancien",
    "ancienne",
    "expresidente",
    "exministro",
    "exministra",
];

/// An office a quotation is attributed to: its one spelling (`key`), the
/// words the reference gave with it ("German" in "the German chancellor",
/// "finance" in "the finance minister", "Commission" in "the Commission
/// chief", "Finanz" in "der Finanzminister", "European Central Bank" in
/// "the president of the European Central Bank"), and whether it is a
/// deputy's ("the vice president").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Office {
    pub(super) key: String,
    pub(super) qualifiers: Vec<String>,
    pub(super) deputy: bool,
}

/// Offices that say only that their holder heads something: "the Dutch
/// leader", "the Commission chief". They name nobody unless the article
/// named the holder with the same qualifier ("Dutch Prime Minister Dick
/// Schoof", "Commission President Ursula von der Leyen").
const GENERIC: [&str; 2] = ["leader", "chief"];

/// The head of government's names, one for another.
const HEADS_OF_GOVERNMENT: [&str; 6] = [
    "premier",
    "prime minister",
    "premier ministre",
    "primeiro-ministro",
    "primer ministro",
    "primo ministro",
];

/// Offices a "leader" holds besides those: a chancellor, a president, a
/// leader.
#[rustfmt::skip]
const OTHER_LEADERS: &[&str] = &[
    "leader", "chancellor", "president", "kanzler", "kanzlerin", "präsident", "präsidentin",
    "président", "présidente", "presidente", "presidenta",
];

/// Nationalities whose country's name begins otherwise ("the French
/// president" after "France's President Emmanuel Macron").
#[rustfmt::skip]
const NATIONALITIES: &[(&str, &str)] = &[
    ("french", "france"), ("dutch", "netherlands"), ("spanish", "spain"),
    ("polish", "poland"), ("danish", "denmark"), ("swedish", "sweden"),
    ("finnish", "finland"), ("irish", "ireland"), ("swiss", "switzerland"),
    ("cypriot", "cyprus"), ("british", "uk"),
];

/// A people's name for one of them whose adjective begins otherwise.
#[rustfmt::skip]
const DEMONYMS: &[(&str, &str)] = &[
    ("Pole", "Polish"), ("Dane", "Danish"), ("Swede", "Swedish"), ("Finn", "Finnish"),
    ("Spaniard", "Spanish"), ("Turk", "Turkish"), ("Briton", "British"), ("Scot", "Scottish"),
    ("Serb", "Serbian"), ("Croat", "Croatian"),
];

/// Do two words name the same thing: the same word, a word and its longer
/// form ("German", "Germany"; "Commission", "Commissioner"), a compound
/// and its part ("Kommissions", "Kommissionschefin"), or a nationality
/// and its country ("Dutch", "Netherlands")?
fn akin(a: &str, b: &str) -> bool {
    let clean = |w: &str| possessive_of(w).unwrap_or(w).to_lowercase();
    let (a, b) = (clean(a), clean(b));
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common + 3 >= shorter
        // a compound's part: "Finanz" and "Bundesfinanzminister"
        || shorter >= 5 && (a.contains(&b) || b.contains(&a))
        || NATIONALITIES
            .iter()
            .any(|&(n, c)| (a == n && b == c) || (a == c && b == n))
}

/// The capitalised words among `words`, which a reference gave with its
/// office.
fn capitalised(words: &str) -> impl Iterator<Item = &str> {
    words
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
}

/// The office an attribution beside a quotation refers to, if it refers
/// to one: `after` is the text after the quotation, `before` the text
/// before it.
pub(super) fn office_beside(before: &str, after: &str) -> Option<Office> {
    let caps = AFTER
        .captures(after)
        .or_else(|| BEFORE.captures(before))
        .or_else(|| LEAD_IN.captures(before).filter(|_| leads_in(before, after)))?;
    let whole = caps.get(0)?;
    let (head, role) = ["role", "role2", "role3"].into_iter().find_map(|group| {
        let role = caps.name(group)?;
        Some((caps.name(&format!("{group}_head"))?.as_str(), role))
    })?;
    // "the former president" is not the one in office: the words of the
    // reference (article, up to two words, office) are read for it
    let reference = &whole.as_str()[..role.end() - whole.start()];
    let former = reference
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .take(4)
        .any(|w| FORMER.contains(&w.to_lowercase().as_str()));
    if former {
        return None;
    }
    let (key, head) = office_of(head, role.as_str());
    let words = ["qualifier", "qualifier2", "nationality"]
        .into_iter()
        .filter_map(|group| caps.name(group))
        .flat_map(|m| words_of(m.as_str()));
    let body = ["body", "body2"]
        .into_iter()
        .filter_map(|group| caps.name(group))
        .flat_map(|m| capitalised(m.as_str()));
    let qualifiers = words
        .chain(head.as_deref())
        .filter(|w| !is_deputy(w))
        .chain(body)
        .map(String::from)
        .collect();
    Some(Office {
        key,
        qualifiers,
        deputy: is_deputy(reference),
    })
}

/// The capitalised words right before `at` in `text`, up to three, each
/// followed by one space: "European Commission" before "President Ursula
/// von der Leyen".
fn capitalised_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for _ in 0..3 {
        let Some(trimmed) = text[..start].strip_suffix(' ') else {
            break;
        };
        let word_start = trimmed
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == ',')
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        if !trimmed[word_start..].starts_with(char::is_uppercase) {
            break;
        }
        start = word_start;
    }
    &text[start..at]
}

/// A person the article named with an office, and the words it named the
/// office with (the holder's name left out).
struct Named {
    name: String,
    words: String,
}

impl Named {
    /// How many of the reference's qualifiers the article gave this
    /// holder's office.
    fn fit(&self, office: &Office) -> usize {
        office
            .qualifiers
            .iter()
            .filter(|q| words_of(&self.words).any(|w| akin(q, w)))
            .count()
    }
}

/// The people named with `office` in `text`, in order (each name reduced
/// to its words, titles dropped).
fn named_with(office: &Office, text: &str) -> Vec<Named> {
    HOLDER
        .captures_iter(text)
        .filter_map(|caps| {
            // (`w5` holds the body's name before the person's)
            let (head, role, who, after_body) = [
                ("h1", "r1", "w1", false),
                ("h2", "r2", "w2", false),
                ("h3", "r3", "w3", false),
                ("h4", "r4", "w4", false),
                ("h5", "r5", "w5", true),
            ]
            .into_iter()
            .find_map(|(h, r, w, body)| {
                Some((caps.name(h)?, caps.name(r)?, caps.name(w)?, body))
            })?;
            let (key, _) = office_of(head.as_str(), role.as_str());
            holds(office, &key, &text[role.end()..]).then_some(())?;
            let name = if after_body {
                // the body, then the person
                person_named_after_body(who.as_str())
            } else {
                reduce_name(who.as_str())
            }?;
            let whole = caps.get(0)?;
            // (the match may open with the character before the office)
            let start =
                whole.start() + whole.as_str().find(char::is_alphabetic).unwrap_or_default();
            // (`w5` opens with the body's name: "Consiglio" in "la presidente
            // del Consiglio Giorgia Meloni")
            let body = if after_body {
                who.as_str()
                    .rfind(name.as_str())
                    .map_or("", |at| &who.as_str()[..at])
            } else {
                ""
            };
            let words = format!(
                "{} {} {body} {}",
                capitalised_before(text, start),
                &text[start..who.start()],
                &text[who.end()..whole.end()]
            );
            // a deputy holds the deputy's office only
            (is_deputy(&words) == office.deputy).then_some(Named { name, words })
        })
        .collect()
}

/// The person who holds `office`, as the article last named them before
/// `(paragraph, offset)`: of those named with most of the reference's
/// qualifiers, the last ("the Dutch prime minister" after the Belgian one;
/// "the visiting foreign minister" after "Foreign Minister Jean-Noël
/// Barrot"), else, when the office is specific, the last named with it at
/// all (but not one named with another nationality).
pub(super) fn holder(
    office: &Office,
    paragraphs: &[String],
    paragraph: usize,
    offset: usize,
) -> Option<String> {
    // one named with another nationality is not the one: "le chancelier
    // autrichien" is not "le chancelier allemand Friedrich Merz"
    let national: Vec<&String> = office
        .qualifiers
        .iter()
        .filter(|q| is_nationality(q))
        .collect();
    let foreign = |n: &Named| {
        let mut theirs = words_of(&n.words).filter(|w| is_nationality(w)).peekable();
        !national.is_empty()
            && theirs.peek().is_some()
            && !theirs.any(|t| national.iter().any(|q| akin(q, t)))
    };
    let named: Vec<Named> = paragraphs[..=paragraph]
        .iter()
        .enumerate()
        .flat_map(|(k, p)| named_with(office, if k == paragraph { &p[..offset] } else { p }))
        .filter(|n| !foreign(n))
        .collect();
    // (each holder's fit is counted once)
    let fits: Vec<usize> = named.iter().map(|n| n.fit(office)).collect();
    let most = fits.iter().copied().max().unwrap_or_default();
    if most == 0 && GENERIC.contains(&office.key.as_str()) {
        return None;
    }
    named
        .iter()
        .zip(&fits)
        .rfind(|&(_, &fit)| fit == most)
        .map(|(n, _)| n.name.clone())
}

/// The person "the Hungarian" stands for, when the article named one with
/// an office and that nationality before `(paragraph, offset)`: "Hungarian
/// Prime Minister Viktor Orbán", "Viktor Orbán, Hungary's prime minister,".
pub(super) fn named_with_nationality(
    epithet: &str,
    paragraphs: &[String],
    paragraph: usize,
    offset: usize,
) -> Option<String> {
    let (article, word) = epithet.split_once(' ')?;
    if !article.eq_ignore_ascii_case("the") || !word.starts_with(char::is_uppercase) {
        return None;
    }
    // "the Pole" is Polish
    let word = DEMONYMS
        .iter()
        .find(|&&(noun, _)| noun == word)
        .map_or(word, |&(_, adjective)| adjective);
    // (a "chief" is the head of anything, and names nobody unless the
    // qualifier fits)
    let office = Office {
        key: "chief".to_string(),
        qualifiers: vec![word.to_string()],
        deputy: false,
    };
    holder(&office, paragraphs, paragraph, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An office the reference gave without qualifiers.
    fn specific(key: &str) -> Office {
        Office {
            key: key.to_string(),
            qualifiers: Vec::new(),
            deputy: false,
        }
    }

    #[test]
    fn an_office_beside_a_quotation() {
        for (before, after, office) in [
            ("", ", the chancellor said.", Some("chancellor")),
            (
                "",
                ", the German chancellor told reporters.",
                Some("chancellor"),
            ),
            (
                "",
                ", said the finance minister on Tuesday.",
                Some("minister"),
            ),
            ("", ", the Prime Minister said.", Some("prime minister")),
            ("", ", sagte der Minister.", Some("minister")),
            // a German compound may name the office as a whole
            (
                "",
                ", sagte der Ministerpräsident am Montag.",
                Some("premier"),
            ),
            ("", ", sagte der Regierungschef.", Some("premier")),
            ("", ", zei de minister-president.", Some("premier")),
            ("", ", sagte die Staatschefin.", Some("präsident")),
            ("", ", sagte die Kommissionschefin.", Some("chief")),
            ("", ", sagte der Finanzminister.", Some("minister")),
            ("", ", a déclaré le président.", Some("président")),
            ("The minister said: ", "", Some("minister")),
            (
                "",
                ", the opposition leader told reporters.",
                Some("leader"),
            ),
            ("", ", the manager said after the match.", Some("manager")),
            ("", ", the former president said.", None),
            ("", ", sagte der frühere Minister.", None),
            // a word after the office is not part of it
            ("The minister said then: ", "", Some("minister")),
            ("", ", the ministry said.", None),
            ("", ", a minister said.", None),
        ] {
            assert_eq!(
                office_beside(before, after).map(|o| o.key).as_deref(),
                office,
                "{before}…{after}"
            );
        }
    }

    #[test]
    fn the_holder_is_the_last_person_named_with_the_office() {
        let paragraphs: Vec<String> = [
            "Chancellor Olaf Scholz lost the vote in December.",
            "Friedrich Merz, the new chancellor, and Finanzminister Lars Klingbeil met on Monday.",
            "“We will not raise taxes this year,” the chancellor said.",
        ]
        .map(String::from)
        .to_vec();
        let at = paragraphs[2].len();
        // an office with its department before the name; an office after
        // the name without an article; a name with two particles after the
        // office
        for (text, office, name) in [
            (
                "Anna Berg, Bürgermeisterin von Rotterdam, rief zur Abstimmung.",
                "bürgermeisterin",
                "Anna Berg",
            ),
            (
                "Anna Berg, alcaldesa de Róterdam, convocó la votación.",
                "alcaldesa",
                "Anna Berg",
            ),
            (
                "Kommissionspräsidentin von der Leyen reiste nach Kyjiw.",
                "präsidentin",
                "von der Leyen",
            ),
            (
                "Anna Berg (VVD), the mayor of Rotterdam, called the vote.",
                "mayor",
                "Anna Berg",
            ),
            (
                "Speaking on Monday, Mayor Anna Berg said the vote would go ahead.",
                "mayor",
                "Anna Berg",
            ),
            (
                "El ministro de Economía, Carlos Cuerpo, presentó los presupuestos.",
                "ministro",
                "Carlos Cuerpo",
            ),
            (
                "Il ministro dell'Economia, Giancarlo Giorgetti, ha presentato la manovra.",
                "ministro",
                "Giancarlo Giorgetti",
            ),
            (
                "Le ministre de l'Économie, Éric Lombard, a présenté le budget.",
                "ministre",
                "Éric Lombard",
            ),
            // the body the office heads between it and the name, without
            // commas
            (
                "Il ministro dell'Economia Giancarlo Giorgetti ha difeso la manovra.",
                "ministro",
                "Giancarlo Giorgetti",
            ),
            (
                "La ministra de Hacienda María Jesús Montero presentó las cuentas.",
                "ministra",
                "María Jesús Montero",
            ),
            (
                "Die Präsidentin der Europäischen Zentralbank Christine Lagarde sprach in Frankfurt.",
                "präsidentin",
                "Christine Lagarde",
            ),
            (
                "La presidenta de la Comisión Europea Ursula von der Leyen viajó a Kiev.",
                "presidenta",
                "Ursula von der Leyen",
            ),
            // with the comma, the name is after it
            (
                "The president of the European Central Bank, Christine Lagarde, spoke in Frankfurt.",
                "president",
                "Christine Lagarde",
            ),
        ] {
            let p = vec![text.to_string()];
            assert_eq!(
                holder(&specific(office), &p, 0, text.len()).as_deref(),
                Some(name)
            );
        }
        assert_eq!(
            holder(&specific("chancellor"), &paragraphs, 2, at).as_deref(),
            Some("Friedrich Merz")
        );
        assert_eq!(
            holder(&specific("minister"), &paragraphs, 2, at).as_deref(),
            Some("Lars Klingbeil")
        );
        assert_eq!(holder(&specific("mayor"), &paragraphs, 2, at), None);
        // the prime minister is not "the minister"
        let p = vec!["Le ministre de l'Économie, Roland Lescure, et le premier ministre, Sébastien Lecornu, ont présenté le budget.".to_string()];
        let at = p[0].len();
        assert_eq!(
            holder(&specific("ministre"), &p, 0, at).as_deref(),
            Some("Roland Lescure")
        );
        assert_eq!(
            holder(&specific("premier ministre"), &p, 0, at).as_deref(),
            Some("Sébastien Lecornu")
        );
        // a place after the office is no name
        for text in [
            "La alcaldesa de Róterdam convocó la votación.",
            "La alcaldesa de Róterdam Este convocó la votación.",
            "La alcaldesa de Santa Cruz de Tenerife convocó la votación.",
        ] {
            let p = vec![text.to_string()];
            assert_eq!(
                holder(&specific("alcaldesa"), &p, 0, p[0].len()),
                None,
                "{text}"
            );
        }
        // only what comes before the quotation counts
        assert_eq!(holder(&specific("chancellor"), &paragraphs, 0, 0), None);
    }
}
