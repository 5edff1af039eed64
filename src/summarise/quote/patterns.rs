//! How articles attribute speech, as regular expressions: the verbs
//! ("said", "sagte", "a déclaré"), names and the descriptions around
//! them, before or after a quotation, named and unnamed sources.

use std::sync::LazyLock;

use regex::Regex;

// Adverbs that may stand between a speaker and the verb ("Berg also
// said", "she later told reporters", "he has repeatedly warned").
macro_rules! adverb {
    () => {
        r"(?:also|later|once|then|further|previously|earlier|recently|reportedly|famously|repeatedly|again|finally|separately|subsequently|additionally|often|publicly|privately|bluntly|flatly|simply|también|además)"
    };
}

/// Verbs and phrases that attribute speech, in the languages of our
/// sources, with an adverb before them ("also said", "a également déclaré").
pub(super) const VERBS: &str = concat!(
    r"(?:",
    adverb!(),
    r"\s+)?(?:(?:has|had|have)\s+(?:",
    adverb!(),
    r"\s+)?(?:said|told|written|argued|warned|noted|explained|stated|added)|(?:was|is)\s+quoted\s+as\s+saying|a\s+(?:également|aussi|encore|ensuite)\s+(?:dit|déclaré|ajouté|expliqué|affirmé|estimé|souligné|assuré|indiqué|précisé)|",
    r"said|says|added|adds|told|tells|wrote|writes|stated|states|explained|explains|warned|warns|insisted|insists|argued|argues|noted|notes|declared|declares|continued|replied|stressed|stresses|announced|affirmed|affirms|shared|remarked|emphasi[sz]ed|emphasi[sz]es|recalled|recalls|observed|admitted|admits|acknowledged|conceded|asserted|asserts|commented|concluded|concludes|agreed|agrees|put\s+it|puts\s+it|a\s+souligné|souligne|a\s+assuré|assure|a\s+indiqué|indique|a\s+précisé|précise|erläuterte|warnte|kritisierte|forderte|indicó|destacó|subrayó|advirtió|afirma|explica|añade|ha\s+sottolineato|ha\s+osservato|spiega|dit|a\s+dit|a\s+déclaré|déclare|a\s+affirmé|affirme|a\s+ajouté|ajoute|a\s+expliqué|explique|a\s+estimé|estime|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte\s+hinzu|dijo|dice|afirmó|explicó|añadió|señaló|aseguró|ha\s+dicho|ha\s+afirmado|ha\s+explicado|ha\s+añadido|ha\s+señalado|ha\s+asegurado|ha\s+declarado|ha\s+detto|ha\s+dichiarato|ha\s+affermato|ha\s+spiegato|ha\s+aggiunto|claimed|claims|vowed|vows|pledged|pledges|responded|responds|answered|cautioned|cautions|urged|urges|suggested|suggests|predicted|predicts|complained|complains|posted|tweeted|joked|quipped|maintained|maintains|reiterated|reiterates|countered|retorted|confirmed|confirms|testified|lamented|laments|boasted|pointed\s+out|points\s+out|recounted|schrieb|ergänzte|räumte|mahnte|fügte|teilte|unterstrich|versicherte|bekräftigte|kündigte|twitterte|declaró|sostuvo|agregó|manifestó|insistió|recalcó|apuntó|comentó|reconoció|precisó|concluyó|escribió|ha\s+indicado|ha\s+subrayado|ha\s+destacado|ha\s+advertido|ha\s+insistido|ha\s+recordado|ha\s+reconocido|ha\s+defendido|ha\s+agregado|ha\s+precisado|ha\s+ribadito|ha\s+(?:poi|anche|inoltre|quindi)\s+(?:detto|aggiunto|spiegato|sottolineato|dichiarato|affermato|ribadito|precisato|scritto|concluso)|ha\s+replicato|ha\s+risposto|han\s+(?:señalado|indicado|explicado|asegurado|dicho|afirmado|precisado|apuntado)|señalan|indican|explican|aseguran|apuntan|hanno\s+(?:detto|spiegato|riferito|fatto\s+sapere|sottolineato|precisato)|riferiscono|spiegano|fanno\s+sapere|sottolineano|sentenció|ha\s+sentenciado|zanjó|ha\s+zanjado|remarcó|ha\s+remarcado|incidió|ha\s+incidido|valoró|ha\s+valorado|ha\s+fatto\s+sapere|fa\s+sapere|ha\s+commentato|ha\s+avvertito|ha\s+precisato|ha\s+scritto|ha\s+concluso|ha\s+assicurato|ha\s+annunciato|ha\s+ammesso|ha\s+evidenziato|afferma|sottolinea|aggiunge|commenta|a\s+prévenu|a\s+martelé|a\s+insisté|a\s+reconnu|a\s+rappelé|a\s+poursuivi|a\s+averti|a\s+jugé|a\s+lancé|a\s+répondu|a\s+soufflé|souffle|a\s+réagi|réagit|a\s+tweeté|a\s+commenté|a\s+rétorqué|rétorque|a\s+répliqué|réplique|a\s+plaidé|plaide|a\s+confié|a\s+écrit|a\s+annoncé|a\s+conclu|poursuit|rappelle|martèle|prévient|reconnaît|confie",
    // the present tense of reported speech, as features and analyses use it
    r"|insiste|tranche|glisse|résume|détaille|déplore|regrette|dénonce|raconte|avertit|a\s+tranché|a\s+glissé|a\s+résumé|a\s+détaillé|a\s+déploré|a\s+regretté|a\s+dénoncé|a\s+raconté|warnt|kritisiert|fordert|mahnt|meint|ergänzt|schreibt|asegura|señala|advierte|subraya|apunta|reconoce|sostiene|lamenta|denuncia|recuerda|osserva|ricorda|avverte|conclude|racconta|ha\s+ricordato|ha\s+insistito|ha\s+denunciato|ha\s+criticato",
    // Dutch
    r"|zei|zegt|voegde|voegt|verklaarde|verklaart|stelde|stelt|benadrukte|benadrukt|waarschuwde|waarschuwt|schreef|schrijft|vertelde|vertelt|reageerde|reageert|liet\s+weten|laat\s+weten|liet|laat",
    // (separable verbs whose particle follows the speaker: "gaf Schoof
    // aan", "legde ze uit", "merkte hij op")
    r"|gaf|geeft|legde|legt|merkte|merkt|vond|vindt|meende|meent|erkende|erkent|beloofde|belooft|antwoordde|antwoordt|herhaalde|herhaalt|onderstreepte|onderstreept|concludeerde|concludeert",
    // Polish, in both genders ("powiedział", "powiedziała"), and the
    // present tense
    r"|powiedziała?|dodała?|podkreśliła?|napisała?|mówiła?|stwierdziła?|zaznaczyła?|oceniła?|przekonywała?|wyjaśniła?|zapowiedziała?|oświadczyła?|przyznała?|ostrzegła?|zauważyła?|tłumaczyła?|zapewniła?|poinformowała?|przekazała?|argumentowała?|mówi|podkreśla|dodaje|twierdzi|uważa|pisze|ocenia|zaznacza",
    // Portuguese
    r"|disse|afirmou|declarou|acrescentou|sublinhou|explicou|referiu|adiantou|defendeu|garantiu|salientou|frisou|considerou|escreveu|alertou|admitiu|reconheceu|assegurou|lembrou|respondeu|concluiu|avisou|indicou|destacou|apontou|diz|afirma|acrescenta|sublinha|defende|garante|considera",
    ")"
);
/// Most words between a speech verb and the quotation it introduces
/// ("Kallas told a press conference in Brussels: “…”", "said in a post on
/// X: “…”").
const LEAD_IN_WORDS: usize = 6;
/// Introductions that put the speaker after the verb.
pub(super) const ACCORDING: &str = r"(?i:according\s+to|in\s+the\s+words\s+of|selon|laut|según|secondo|volgens|aldus|segundo|de\s+acordo\s+com|według|zdaniem)";
/// Offices named before a person set off by commas: "the health minister,
/// Claire Moreau, …", "le secrétaire général, Jens Stoltenberg, …".
pub(super) const OFFICE: &str = r"(?i:primeiro-ministro|primeira-ministra|minister|ministre|ministra|ministro|ministerin|president|président|présidente|presidente|präsident|präsidentin|secretary|secrétaire|spokesman|spokeswoman|spokesperson|porte-parole|sprecher|sprecherin|chancellor|kanzler|kanzlerin|commissioner|mayor|maire|sindaco|alcalde|burgemeester|woordvoerder|director|directeur|directrice|chief|head|leader|chair|chairman|chairwoman|ceo|secretary-general|général|general)";

// A person the article calls by their age or party, as it would by a
// pronoun, once it has named them: "the 54-year-old", "der 54-Jährige",
// "die 54-Jährige", Italian "il 54enne", "la 54enne"; German "der
// CDU-Politiker", "die Grünen-Vorsitzende", "der SPD-Chef".
macro_rules! age_or_party {
    () => {
        r"(?i:the\s+\d{1,3}-year-old|(?:der|die)\s+\d{1,3}-jährige|(?:il|la)\s+\d{1,3}enne)|(?i:der|die)\s+[\p{Lu}][\p{L}]*-(?i:Politikerin|Politiker|Chefin|Chef|Vorsitzende|Vorsitzender|Abgeordnete|Abgeordneter|Spitzenkandidatin|Spitzenkandidat|Fraktionschefin|Fraktionschef)"
    };
}

// A person called by their nationality, as English reports do once they
// have named them: "the Estonian", "the Spaniard", "the Dutchwoman".
// (Names that are also plurals, "the Swiss", "the Portuguese", are left
// out: they may be a people or its government.)
macro_rules! nationality {
    () => {
        r"(?i:the)\s+(?:Albanian|Austrian|Belarusian|Belgian|Bosnian|Briton|Bulgarian|Croat|Cypriot|Czech|Dane|Dutch(?:man|woman)|English(?:man|woman)|Estonian|Finn|French(?:man|woman)|Georgian|German|Greek|Hungarian|Icelander|Irish(?:man|woman)|Italian|Latvian|Lithuanian|Luxembourger|Moldovan|Montenegrin|Norwegian|Pole|Romanian|Russian|Scot|Scots(?:man|woman)|Serb|Slovak|Slovenian|Spaniard|Swede|Turk|Ukrainian|Welsh(?:man|woman)|American|Australian|Brazilian|Canadian)"
    };
}

// Either way of calling a person the article has named.
macro_rules! epithet {
    () => {
        concat!(age_or_party!(), "|", nationality!())
    };
}

/// A pronoun after its verb: "sagte er", "dijo él", French "a-t-elle ajouté",
/// "ajoute-t-il", "said she", "said the 54-year-old", "sagte der
/// CDU-Politiker"; the particle of a separable verb may follow ("fügte er
/// hinzu", "räumte sie ein", Dutch "voegde ze eraan toe").
/// An epithet followed by a name is the name's title ("sagte der
/// CDU-Vorsitzende Friedrich Merz"), so it must be followed by
/// punctuation, the end or a word in lower case (group `who10`).
const INVERTED: &str = concat!(
    r"(?:(?:said|sagte|sagt|erklärte|betonte|meinte|fügte|räumte|teilte|kündigte|ergänzte|warnte|mahnte|schrieb|dijo|dice|afirmó|explicó|añadió|agregó|ha\s+detto|ha\s+aggiunto|zei|zegt|verklaarde|stelde|voegde|voegt|benadrukte|waarschuwde|schreef|gaf|legde|merkte|vond|meende|erkende|antwoordde)\s+(?:(?P<who4>(?i:he|she|er|sie|él|ella|lui|lei|hij|zij|ze))(?:[^\p{L}\p{N}_]|$)|(?P<who10>",
    age_or_party!(),
    r")(?:\s*[^\p{L}\p{N}_\s]|\s*$|\s+\p{Ll})|(?P<who11>",
    nationality!(),
    r")(?:\s*[^\p{L}\p{N}_\s]|\s*$|\s+(?:on|in|at|after|before|during|as|when|who|to|from)\s))|(?:a-t-|(?:dit|ajoute|explique|estime|affirme|assure|souligne|poursuit)-t?-?)(?P<who5>il|elle)(?:\s+(?:dit|déclaré|ajouté|expliqué|affirmé|estimé|assuré|souligné|poursuivi))?(?:[^\p{L}\p{N}_]|$))"
);

// A name from its first capital on: capitalised words and the particles
// inside names.
macro_rules! capitalised_name {
    () => {
        r"[\p{Lu}][\p{L}’'.\-]*(?:\s+(?:[\p{Lu}][\p{L}’'.\-]*|della|del|der|den|de|van|von|da|di|du|bin|al|le|la))*"
    };
}

/// A person's or organisation's name: capitalised words, with the usual particles.
pub(super) const NAME: &str = concat!(
    r"(?:(?:von|van|de|di|da|du|del|della|der|den)\s+)*",
    capitalised_name!()
);
/// A name that opens with a capital ("Leyen", not "von der Leyen").
pub(super) const CAPITALISED_NAME: &str = capitalised_name!();

/// A name after the verb may follow a title written in lower case
/// ("said Icelandic foreign minister Guðrún Jónsdóttir"); the title is
/// dropped later by `reduce_name`.
const TITLED_NAME: &str = r"(?:[\p{Lu}][\p{L}’'.\-]*\s+|(?:foreign|prime|finance|economy|economics|defence|defense|interior|health|justice|trade|energy|climate|transport|education|deputy|vice|chief|senior|former|minister|ministers|secretary|spokesman|spokeswoman|spokesperson|president|chancellor|commissioner|ambassador|mayor|governor|director|general|head|leader|chair|chairman|chairwoman|executive|officer|economist|analyst|professor|researcher|lawyer|port|union|party|police|city|state|regional|national|central|bank|opposition|government|company|army|border|fire|health|industry|labour|labor|green|for|burgemeester|woordvoerder|woordvoerster|farm|agriculture|environment|culture|digital|affairs|home|migration|housing|budget|competition|employment|science|research|development|tourism|fisheries|family|top|veteran|outgoing|incoming|acting|caretaker)\s+)*";

/// The same pronouns as a pattern, in any case, and a person called by
/// their age or party.
const PRONOUN: &str = concat!(
    r"(?i:he|she|they|il|elle|ils|elles|er|sie|él|ella|lui|lei|hij|zij|ze)|",
    epithet!()
);

/// A person called by their age or party, as the whole text.
pub(super) static EPITHET: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(concat!("^(?:", epithet!(), ")$")).expect("epithet pattern")
});

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

// A role without an article: words in lower case (or a German office,
// capitalised: "Bürgermeisterin"), then what it is of or at ("chief
// executive of the FMB", "maire de Rotterdam"). A name inside it ends it ("founder
// Ben Zettler" is a name with its title, not a description). Words are
// told by their first letter (ASCII or Latin-1), not by Unicode classes,
// which would make the patterns that use this much bigger automata.
macro_rules! role {
    () => {
        concat!(
            r"(?:[a-zß-öø-ÿ][^\s,.;:“”«»„\x22]*|[A-ZÀ-Ö][^\s,.;:“”«»„\x22]*(?:meisterin|meister|ministerin|minister|präsidentin|präsident|sprecherin|sprecher|kanzlerin|kanzler|direktorin|direktor|leiterin|leiter|chefin|chef|vorsitzende|vorsitzender))(?:\s+[a-zß-öø-ÿ][^\s,.;:“”«»„\x22]*)*(?:\s+(?:of|at|for|in|with|de|du|des|di|del|della|von|vom|der)\s+",
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
/// description ("Anna Berger, 54, said"; "…, 54, a teacher, said"), a
/// relative clause ("Anna Berger, who has taught since 1995, said"; "Berger,
/// die seit 1995 unterrichtet, sagte"), or a party or country in brackets
/// ("Anna Berger (Greens) said").
pub(super) const APPOSITION_AFTER: &str = concat!(
    r"(?:\s*,\s+(?:\d{1,3},\s+)?(?:(?:",
    determiner!(),
    "|",
    possessive!(),
    ")",
    description!(),
    "|",
    role!(),
    r"|(?:who|der|die|qui|quien|che)\s+",
    description!(),
    r"),|\s*,\s+\d{1,3},|\s+\([^()]{1,40}\))"
);

/// "– Anna Berger, commuter": a quotation signed after a dash, right after
/// it or on the line below (group `who7`).
fn signed_with_a_dash() -> String {
    format!(r"[—–-]\s*(?P<who7>{NAME})\s*(?:[,(]|$)")
}

/// German wire copy's "„…“, so Wirtschaftsminister Robert Habeck", and
/// Italian's "«…», così Meloni": "so" or "così" right after the quotation,
/// then the speaker and the sentence's end (group `who9`).
fn so_says() -> String {
    format!(
        r"(?:so|così)\s+(?:(?i:der|die|il|la)\s+)?(?P<who9>{NAME})\s*(?:[.,;]|$|\s+(?:am|im|bei|in|auf|gegenüber|nach|vor|zu|zum|zur|a|al|alla|nel|nella|durante|dopo)\s)"
    )
}

/// Where an attribution after a quotation opens: right after the closing
/// mark, or past a comma, a stop or a dash ("…," she said; "…” –
/// powiedział Tusk").
pub(super) const AFTER_QUOTATION: &str = r"^\s*[,.:;—–-]?\s*";

/// A verb of speech after its subject, as a whole word ("Barnier said",
/// "Barnier, said").
pub(super) static VERB_AFTER_SUBJECT: LazyLock<String> =
    LazyLock::new(|| format!(r"\s*,?\s+(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)"));

/// A verb of speech after its subject, then up to `LEAD_IN_WORDS` words,
/// ending the text before a quotation ("Barnier told reporters in
/// Brussels:").
pub(super) static VERB_LEADING_IN: LazyLock<String> = LazyLock::new(|| {
    format!(r"\s*,?\s+(?:{VERBS})(?:\s+[\p{{L}}][\p{{L}}’'\-]*){{0,{LEAD_IN_WORDS}}}\s*[:,]?\s*$")
});

/// The organisation a person speaks for, after their name: "of the Bank of
/// England", "at Deutsche Bank", "from Annuity.org". It belongs to the
/// attribution, not to the name ("Andrew Bailey of the Bank of England
/// said" is Andrew Bailey, not "England").
const OF_ORGANISATION: &str = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[\p{Lu}][\p{L}.’'\-&]*(?:\s+(?:(?:of|for|and|&)\s+)?[\p{Lu}][\p{L}.’'\-&]*)*)";

pub(super) static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"{AFTER_QUOTATION}(?:{APPOSITION}?(?P<who>{PRONOUN}|{TITLED_NAME}{NAME}){OF_ORGANISATION}?{APPOSITION_AFTER}?{verb_after_subject}|{INVERTED}|(?:{VERBS})\s+{APPOSITION}?(?:[\p{{Lu}}][\p{{L}}\-]*\s+)?(?:(?i:the|el|la|le|il|der|die)\s+)?(?:(?i:co-?founder|founder|owner|editor)|{OFFICE})(?:\s+(?i:of|for|at|del|de|du|des|der|di|della)\s+{description})?,\s+(?P<who8>{NAME})|(?:{VERBS})\s+{APPOSITION}?(?P<who2>{TITLED_NAME}{NAME})|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME})|{so}|{signed})",
        verb_after_subject = VERB_AFTER_SUBJECT.as_str(),
        so = so_says(),
        signed = signed_with_a_dash(),
        description = description!(),
    ))
    .expect("after-quote attribution pattern")
});

/// An attribution introducing the quotation: "Kallas said:", "According to
/// Kallas,", and French, Spanish and Italian "Pour Emmanuel Macron, « … »",
/// "Para Sánchez, «…»", "Per Meloni, «…»" opening the sentence (group
/// `who12`; after the quotation "pour Macron" is who it is for, not who
/// said it).
pub(super) static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"(?:(?:^|[^\p{{L}}\p{{N}}_])(?P<who>{PRONOUN}|{NAME}){APPOSITION_AFTER}?\s*,?\s+(?:{VERBS})(?:\s+[\p{{L}}][\p{{L}}’'\-]*){{0,{LEAD_IN_WORDS}}}|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME}){APPOSITION_AFTER}?|(?:^|[.!?]\s+)(?:Pour|Para|Per)\s+(?P<who12>{NAME})\s*,)\s*[:,]?\s*$"
    ))
    .expect("before-quote attribution pattern")
});

/// Does the text before a quotation lead into it: ending in a colon, or in
/// a full stop (or "!") when nothing after the quotation attributes it?
pub(super) fn leads_in(before: &str, after: &str) -> bool {
    let end = before.trim_end();
    end.ends_with(':') || end.ends_with(['.', '!']) && after.trim().is_empty()
}

/// A short sentence about a person that leads into the quotation with a
/// colon ("Barnier was blunt:", "Barnier’s verdict:", "Merz wurde
/// deutlich:", "Macron a été clair :"), or that ends before a quotation
/// nothing attributes ("Barnier did not mince his words. “…”"). The whole
/// text is the sentence; a possessive stays on the name ("Barnier’s").
pub(super) static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"^(?P<who>{PRONOUN}|{NAME})\s+\p{{Ll}}[^:.!?;“”«»„\x22]{{0,60}}?\s*[:.!]\s*$"
    ))
    .expect("lead-in pattern")
});

pub(super) static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"(?:{OFFICE})[^,.;:]{{0,40}}?,\s+(?P<who6>{NAME})\s*,|(?P<who>{NAME}){OF_ORGANISATION}?{APPOSITION_AFTER}?{verb_after_subject}|(?:{VERBS})\s+(?P<who2>{NAME})|(?:{ACCORDING})\s+{APPOSITION}?(?P<who3>{NAME})",
        verb_after_subject = VERB_AFTER_SUBJECT.as_str(),
    ))
    .expect("speaker mention pattern")
});

/// A person's full name, then the organisation they speak for, up to its
/// last word ("Marguerita M. Cheng of Annuity.org", "Andrew Bailey of the
/// Bank of England"): the text before that last word, which the
/// attribution patterns take for the speaker. The name starts as late as
/// it can: a title before it is no part of it ("Certified Financial
/// Planner Marguerita M. Cheng").
pub(super) static PERSON_OF: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(
        r"^(?s:.*[^\p{L}])?(?P<person>[\p{Lu}][\p{L}’'\-]+(?:\s+(?:[\p{Lu}]\.|[\p{Lu}][\p{L}’'\-]+)){1,3})\s+(?:of|at|from)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.’'\-&]*\s+(?:(?:of|for|and|&)\s+)?)*$",
    )
    .expect("person of an organisation pattern")
});

/// The indefinite articles that open an unnamed source's description.
macro_rules! indefinite {
    () => {
        r"(?i:a|an|one|un|une|ein|eine|uno|una)"
    };
}

/// A source the article does not name: "a senior EU diplomat", "one
/// tester", "a resident of the town", "a source familiar with the talks",
/// "un diplomate européen", "ein Sprecher des Ministeriums", and Spanish
/// and Italian sources in the plural ("fuentes de Moncloa", "fonti
/// diplomatiche"). Up to three
/// words may describe the person before the noun, and a short phrase may
/// place them after it. (Nouns are matched in the case they are written in,
/// and the words around them by what they are not: both keep the pattern
/// small to compile.)
const UNNAMED: &str = concat!(
    indefinite!(),
    r"\s+(?:[^\s,.;:“”«»„\x22]+\s+){0,3}?(?:diplomats?|officials?|officers?|sources?|spokes(?:person|man|woman)|analysts?|residents?|witness|testers?|participants?|readers?|users?|customers?|students?|teachers?|workers?|employees?|farmers?|drivers?|passengers?|commuters?|doctors?|nurses?|economists?|traders?|bankers?|investors?|voters?|protesters?|activists?|members?|advisers?|advisors?|aides?|executives?|negotiators?|organi[sz]ers?|engineers?|researchers?|scientists?|experts?|observers?|survivors?|graduates?|parents?|owners?|shopkeepers?|visitors?|volunteers?|delegates?|lawmakers?|insiders?|diplomate|responsable|porte-parole|conseill(?:er|ère)|proches?|Berater(?:in)?|asesora?|consigliere|Sprecher(?:in)?|Diplomat(?:in)?|Beamter|Beamtin|diplomático|diplomática|fuente|portavoz|funzionario|funzionaria|fonte|portavoce)(?:\s+[a-zà-ÿ][^\s,.;:“”«»„\x22]*)?(?:\s+(?:at|from|for|of|in|with|close\s+to|familiar\s+with|des|der|de|du|del|della|di)\s+[^,.;:“”«»„\x22]{1,40}?)?",
    // English sources in the plural, without an article: "EU officials",
    // "senior diplomats", "two people familiar with the talks"
    r"|(?:(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\-]*|senior|western|local|other|several|some|many|two|three|four|government|military|police|security|intelligence|industry|union)\s+){0,2}(?:officials|diplomats|sources|analysts|economists|experts|residents|witnesses|observers|lawmakers|negotiators|investors|traders|aides|advisers|campaigners|activists|organi[sz]ers|people\s+familiar\s+with\s+[^,.;:“”«»„\x22]{1,40}?)",
    // sources in the plural, without an article: "fuentes de Moncloa",
    // "fonti di Palazzo Chigi", "fuentes cercanas al Gobierno"
    r"|(?:fuentes|fonti)\s+(?:(?:[a-zà-ÿ]+\s+){0,2}?(?:de|del|de\s+la|di|del|della|dello|dell[’']|vicine\s+a|vicine\s+al|cercanas\s+a|cercanas\s+al|próximas\s+a|próximas\s+al)\s*[^,.;:“”«»„\x22]{1,40}?|[a-zà-ÿ]+)",
    // someone who speaks for a person or a body, named by whose they are:
    // "Barnier’s spokesperson", "Merz's office", "the Kremlin’s spokesman"
    r"|(?:the\s+)?(?:[\p{Lu}][\p{L}\-]*\s+){0,2}[\p{Lu}][\p{L}\-]*(?:’s|'s)\s+(?:spokes(?:person|man|woman)|office|press\s+office|lawyers?|attorneys?|aides?|advisers?|advisors?|representatives?|campaign|camp|team|family)"
);

/// Prepositions before where or to whom something was said ("vor
/// Journalisten", "a Palazzo Chigi", "devant la presse"): no name follows
/// them, and an office may be followed by them.
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "a", "to", "at", "in", "on", "before", "after", "with", "from", "for", "during",
    "vor", "bei", "im", "am", "an", "auf", "gegenüber", "zu", "zum", "zur", "nach", "mit", "für", "über",
    "vom", "beim", "aus", "während",
    "devant", "lors", "à", "au", "aux", "dans", "avec", "pour", "en", "sur", "chez", "après", "avant",
    "depuis", "pendant",
    "ante", "con", "para", "sobre", "tras", "desde", "durante",
    "ai", "al", "davanti", "dello", "degli", "delle", "dei", "dopo", "su", "sul", "sulla", "nel",
    "nella",
    "na", "tijdens", "op", "bij", "tegen", "tegenover",
];

/// A speech verb after a quotation with no subject, as Spanish and
/// Italian write it ("«…», aseguró.", "«…», ha detto in conferenza
/// stampa."): the end of the sentence or a preposition follows it (not
/// "a", which may be an article: "said a recent graduate").
pub(super) static VERB_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"^\s*[,.—–-]?\s*(?:{VERBS})(?:\s*[.;]|\s*$|\s+(?:en|ante|durante|tras|desde|con|in|nel|nella|dopo|davanti|alla|al|ai|per|sul|sulla|w|na|po|podczas|em|no|após)\s)",
    ))
    .expect("verb without a subject pattern")
});

/// A speech verb where the text starts ("a dit", "a également déclaré").
pub(super) static VERB_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(r"^(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)"))
        .expect("verb ahead pattern")
});

/// An indefinite article and what follows it up to the end of the text,
/// with no break: the description of an unnamed source that a name inside
/// it belongs to ("a spokesperson for the Commission").
pub(super) static UNNAMED_DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(concat!(
        r"(?:^|[^\p{L}])(?P<article>",
        indefinite!(),
        r")\s+(?P<next>[^\s,.;:“”«»„\x22]+)[^,.;:“”«»„\x22]*$",
    ))
    .expect("unnamed description pattern")
});

/// An organisation speaking as itself: "the ministry", "the Kremlin",
/// "the Dutch government"; "die Bundesregierung", "das Innenministerium";
/// "le ministère de l’Intérieur", "l’Élysée", "el Gobierno", "il governo",
/// "het kabinet". In English, the definite article, then up to three
/// capitalised words and a common noun for a body, or one to four
/// capitalised words alone. German capitalises every noun, so a German
/// body is told by how its name ends ("-regierung", "-ministerium",
/// "-polizei"); French, Spanish, Italian and Dutch ones by a common noun
/// for a body and what it is of, or capitalised words after the article.
/// A French, Spanish or Italian noun may have its adjective after it ("le
/// gouvernement français"); a Dutch one not, as the word after it may be
/// a verb's particle ("liet het kabinet weten"). An office written with a
/// capital ("el Presidente") is an office, not a body: offices are read
/// first. Letters are told by Latin-1 ranges, not Unicode classes, in the
/// forms of the other languages: the pattern appears in two attribution
/// patterns, and the classes would make their automata much bigger.
const ORGANISATION: &str = concat!(
    r"(?:(?i:the)\s+(?:(?:[\p{Lu}][\p{L}’'\-]*\s+){0,3}(?:ministry|government|commission|company|police|army|military|council|court|bank|agency|embassy|office|presidency|parliament|union|party|department|prosecutors?|group|firm|federation|association|institute|organi[sz]ation|authority|authorities|regulator|spokesperson)|[\p{Lu}][\p{L}’'\-]*(?:\s+[\p{Lu}][\p{L}’'\-]*){0,3})",
    r"|(?i:der|die|das)\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\-]*?(?:regierung|ministerium|kommission|polizei|staatsanwaltschaft|behörde|amt|bank|partei|gewerkschaft|konzern|verband|gericht|armee)",
    r"|(?:(?i:le|la|les|el|los|las|il|lo|gli)\s+|(?i:l[’']))(?:(?:gouvernement|ministère|parquet|police|gendarmerie|préfecture|mairie|gobierno|ministerio|policía|fiscalía|ayuntamiento|governo|ministero|polizia|procura|comune|commission|comisión|commissione)(?:\s+[a-zß-öø-ÿ]+)?(?:\s+(?:de|du|des|del|della|dello|dell[’'])\s*(?:l[’']\s*|la\s+)?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\-]*)?|[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ’'\-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ’'\-]*){0,2})",
    r"|(?i:het|de)\s+(?:(?:regering|ministerie|politie|kabinet|gemeente|commissie)(?:\s+van\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\-]*)?|[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ’'\-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ’'\-]*){0,2})",
    ")"
);

/// The particle a separable verb leaves after its subject: "teilte das
/// Ministerium mit", "liet het kabinet weten".
const SEPARATED: &str = r"(?:\s+(?:mit|an|ein|hinzu|weten|toe|eraan\s+toe))?";

/// An unnamed source beside the quotation: after it ("…,” a senior EU
/// diplomat said; "…,” said one official) or introducing it ("One tester
/// noted, “…”").
/// Unnamed sources told by an impersonal verb and where the words came
/// from: German "„…“, hieß es aus Regierungskreisen", "hieß es am Abend
/// in der Koalition"; French "« … », a-t-on appris de source
/// diplomatique", "indique-t-on à l’Élysée"; Italian "«…», si apprende da
/// fonti di governo" (group `who13`, the phrase from its preposition to
/// the sentence's end).
const IMPERSONAL: &str = r"(?:hieß\s+es\s+(?:am\s+\p{L}+\s+)?|a-t-on\s+(?:appris|indiqué|expliqué|précisé)\s+|(?:indique|explique|précise|souligne|assure|confie|glisse)-t-on\s+|si\s+apprende\s+)(?P<who13>(?:aus|in|von|im|bei|à|au|aux|dans|de|du|des|auprès\s+d[eu’']|da|dal|dalla)\s*[^,.;:“”«»„\x22]{3,40}?)\s*(?:[.,;]|$)";

pub(super) static UNNAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"{AFTER_QUOTATION}(?:(?P<who>{UNNAMED}|{ORGANISATION}){verb_after_subject}|(?:{VERBS}|{ACCORDING})\s+(?P<who2>{UNNAMED}|{ORGANISATION}){SEPARATED}(?:\s*[.,;:!?)]|\s*$|\s+(?i:{relatives}|in)(?-u:\b))|{IMPERSONAL})",
        verb_after_subject = VERB_AFTER_SUBJECT.as_str(),
        relatives = RELATIVES.join("|")
    ))
    .expect("unnamed source after a quotation")
});

pub(super) static UNNAMED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}_])(?P<who>{UNNAMED}|{ORGANISATION}){verb_leading_in}",
        verb_leading_in = VERB_LEADING_IN.as_str(),
    ))
    .expect("unnamed source before a quotation")
});

/// Words that open a clause after a noun, not describe it.
pub(super) const RELATIVES: &[&str] = &[
    "who", "whom", "whose", "that", "which", "qui", "que", "der", "die", "das", "che", "quien",
];

/// A signature line under a quotation: "— Kanhaiya Kumar, Content Creator",
/// "Doug McMillon, CEO of Walmart (on the earnings call)".
pub(super) static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    attribution_regex(&format!(
        r"^(?:{signed}|(?P<who>{NAME})\s*,)",
        signed = signed_with_a_dash()
    ))
    .expect("signature pattern")
});

/// Builds an attribution pattern. These patterns are large (every verb of
/// speech in seven languages, names, offices), and with the default cache
/// the lazy DFA behind a search fills it up on long pages and starts over
/// many times. A larger cache made the summariser about 15 % faster on one
/// core (`cargo bench --bench summarise`; the README gives the figures).
pub(super) fn attribution_regex(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(ATTRIBUTION_DFA_BYTES)
        .build()
}

/// Most memory the lazy DFA of one attribution pattern may use per thread.
const ATTRIBUTION_DFA_BYTES: usize = 32 << 20;
