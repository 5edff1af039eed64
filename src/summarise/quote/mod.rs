//! The key quote: a direct quotation of whole sentences, attributed to a
//! speaker (named, or else described as the article describes an unnamed
//! source), that says something. No quote is better than a bad one.

mod described;
mod marks;
mod names;
mod office;
mod patterns;
mod speaker;

use crate::model::Quote;
use crate::summarise::sentences::{sentences_within, split_sentences};
use crate::text::word_count;

use marks::{Found, is_complete, quotations, spanning_quotation};
use speaker::{speaker_of, split_speaker};

/// Shortest and longest quotation worth putting in a digest, in words.
const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 60;

/// How much a quotation from an unnamed source counts for less than one
/// from a named person: more than a good length earns, so a named speaker
/// anywhere in the article wins.
const UNNAMED_PENALTY: f32 = 0.6;

/// How much a quotation cut to its opening sentences counts less than a
/// whole one: a whole quotation a few places later still wins.
const CUT_PENALTY: f32 = 0.05;

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
            if whole < MIN_WORDS || !is_complete(found, paragraphs) || only_asks(&found.text) {
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

/// A quotation made only of questions asks rather than says: an
/// interviewer's question, a reader's query ("X said when asked, “What is
/// the one piece of advice you would give?”").
fn only_asks(text: &str) -> bool {
    split_sentences(text)
        .iter()
        .all(|s| s.trim_end().ends_with('?'))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A French quotation the office tests attribute in several ways.
    const DIT: &str =
        "« Nous n'accepterons pas un accord qui laisse nos agriculteurs dans une situation pire »";

    /// A German quotation the office tests attribute in several ways.
    const GESAGT: &str =
        "„Wir werden keinem Abkommen zustimmen, das unsere Landwirte schlechter stellt“";

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
        // sources in the plural, without an article
        for (line, speaker) in [
            (format!("{SAID}, EU officials said."), "EU officials"),
            (
                format!("{SAID}, senior diplomats told Reuters."),
                "senior diplomats",
            ),
            (
                format!("{SAID}, said two people familiar with the talks."),
                "two people familiar with the talks",
            ),
        ] {
            assert_speaker(LEAD, &line, speaker);
        }
        // Spanish and Italian sources in the plural, without an article
        for (line, speaker) in [
            (
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura», han señalado fuentes de Moncloa.",
                "fuentes de Moncloa",
            ),
            (
                "«Non accetteremo un accordo che lascia pagare ai piccoli paesi il conto», riferiscono fonti diplomatiche.",
                "fonti diplomatiche",
            ),
            (
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura», según fuentes cercanas al Gobierno.",
                "fuentes cercanas al Gobierno",
            ),
        ] {
            assert_speaker(LEAD, line, speaker);
        }
        // "one said" names nobody and describes nobody
        assert_no_quote(LEAD, &format!("{SAID}, one said."));
        // an office nobody was named with is no organisation either
        assert_no_quote(LEAD, &format!("{SAID}, the Prime Minister said."));
    }

    #[test]
    fn someone_speaking_for_another_is_named_by_whose_they_are() {
        const LEAD: &str =
            "French farm minister Jean Barnier met his German counterpart in Brussels on Thursday.";
        const SAID: &str =
            "“We will not accept a deal that leaves our farmers worse off than last year”";
        for (line, speaker) in [
            (
                format!("{SAID}, Barnier’s spokesperson told reporters."),
                "Barnier’s spokesperson",
            ),
            (
                format!("{SAID}, said Barnier’s spokeswoman."),
                "Barnier’s spokeswoman",
            ),
            (
                format!("{SAID}, Jean Barnier's office said in a statement."),
                "Jean Barnier's office",
            ),
            (
                format!("{SAID}, the Kremlin’s spokesman said."),
                "the Kremlin’s spokesman",
            ),
            // not the person they speak for
            (
                format!("Barnier’s office said in a statement: {SAID}."),
                "Barnier’s office",
            ),
            // a name given wins
            (
                format!("{SAID}, Barnier’s spokesman Paul Martin said."),
                "Paul Martin",
            ),
        ] {
            assert_speaker(LEAD, &line, speaker);
        }
    }

    #[test]
    fn for_a_person_introduces_what_they_said() {
        for (lead, line, speaker) in [
            (
                "Le président Emmanuel Macron a reçu jeudi à Paris les ministres pour discuter du budget.",
                "Pour Emmanuel Macron, « Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver ».",
                "Emmanuel Macron",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves a los presidentes autonómicos.",
                "Para Sánchez, «No aceptaremos ningún retraso en el apoyo a Ucrania este invierno».",
                "Pedro Sánchez",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
        // after the quotation, "pour" says whom it is for
        assert_no_quote(
            "Les ministres se sont réunis jeudi à Paris pour discuter du budget.",
            "« Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver », un message pour Emmanuel Macron.",
        );
    }

    #[test]
    fn european_organisations_speak_as_themselves() {
        const LEAD: &str = "Die Verhandlungen in Brüssel dauerten bis tief in die Nacht.";
        for (line, speaker) in [
            (
                "„Wir werden die Hilfen für die Ukraine im Winter nicht kürzen“, erklärte die Bundesregierung.",
                "die Bundesregierung",
            ),
            (
                "„Die Lage an der Grenze ist ruhig, die Kontrollen laufen wie geplant“, teilte das Innenministerium mit.",
                "das Innenministerium",
            ),
            (
                "« Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver », a réagi l’Élysée.",
                "l’Élysée",
            ),
            (
                "« Les contrôles à la frontière se poursuivront tout l’hiver », a indiqué le ministère de l’Intérieur.",
                "le ministère de l’Intérieur",
            ),
            (
                "«No aceptaremos ningún retraso en el apoyo a Ucrania este invierno», afirmó el Gobierno.",
                "el Gobierno",
            ),
            (
                "«Non accetteremo alcun ritardo nel sostegno all’Ucraina quest’inverno», ha fatto sapere il governo.",
                "il governo",
            ),
            (
                "\"We accepteren geen vertraging in de steun aan Oekraïne deze winter\", liet het kabinet weten.",
                "het kabinet",
            ),
        ] {
            assert_speaker(LEAD, line, speaker);
        }
        // unnamed sources told by an impersonal verb
        for (line, speaker) in [
            (
                "„Wir werden die Hilfen für die Ukraine im Winter nicht kürzen“, hieß es aus Regierungskreisen.",
                "aus Regierungskreisen",
            ),
            (
                "„Wir werden die Hilfen für die Ukraine im Winter nicht kürzen“, hieß es am Abend in der Koalition.",
                "in der Koalition",
            ),
            (
                "« Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver », a-t-on appris de source diplomatique.",
                "de source diplomatique",
            ),
            (
                "« Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver », indique-t-on à l’Élysée.",
                "à l’Élysée",
            ),
            (
                "«Non accetteremo alcun ritardo nel sostegno all’Ucraina quest’inverno», si apprende da fonti di governo.",
                "da fonti di governo",
            ),
            (
                "« Nous n’accepterons aucun retard dans le soutien à l’Ukraine cet hiver », souffle un proche du président.",
                "un proche du président",
            ),
        ] {
            assert_speaker(LEAD, line, speaker);
        }
        // an office is no organisation: with nobody named with it, no quote
        for line in [
            "„Wir werden die Hilfen für die Ukraine im Winter nicht kürzen“, sagte der Minister.",
            "«No aceptaremos ningún retraso en el apoyo a Ucrania este invierno», afirmó el Presidente.",
        ] {
            assert_no_quote(LEAD, line);
        }
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
            // what the office is of may run on in lower case or with "y"
            (
                format!(
                    "« {SAID} », a déclaré la ministre des Comptes publics, Amélie de Montchalin."
                ),
                "Amélie de Montchalin",
            ),
            (
                format!(
                    "«{SAID}», dijo el ministro de Transportes y Movilidad Sostenible, Óscar Puente."
                ),
                "Óscar Puente",
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
        // an office that told a newspaper named in quotation marks (in
        // German without a preposition)
        const MERZ: &str = "Bundeskanzler Friedrich Merz traf am Donnerstag die Staats- und Regierungschefs in Brüssel.";
        const MACRON: &str =
            "Le président Emmanuel Macron a reçu jeudi les dirigeants européens à l'Élysée.";
        for (lead, line, speaker) in [
            (
                MERZ,
                format!("{GESAGT}, sagte der Kanzler der „Bild“."),
                "Friedrich Merz",
            ),
            (
                MERZ,
                format!("{GESAGT}, sagte der Kanzler dem „Spiegel“."),
                "Friedrich Merz",
            ),
            (
                MERZ,
                format!("{GESAGT}, sagte der Kanzler der Wochenzeitung „Die Zeit“."),
                "Friedrich Merz",
            ),
            (
                MACRON,
                format!("{DIT}, a déclaré le président au « Monde »."),
                "Emmanuel Macron",
            ),
            (
                MACRON,
                format!("{DIT}, a dit le chef de l’État au journal « Le Parisien »."),
                "Emmanuel Macron",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
    }

    #[test]
    fn a_quotation_reported_by_others_is_the_speakers() {
        const MACRON: &str =
            "French President Emmanuel Macron met EU leaders in Brussels on Thursday.";
        const SAID: &str = "“We will not accept any deal that weakens the farmers of this country";
        for attribution in [
            "Macron’s office quoted him as saying",
            "Reuters quoted Macron as saying",
            "Le Monde quoted the president as saying",
            "the newspaper cited him as saying",
        ] {
            assert_speaker(
                MACRON,
                &format!("{SAID},” {attribution}."),
                "Emmanuel Macron",
            );
        }
        // one who reports a quotation is not its speaker
        assert_no_quote(
            "EU leaders met in Brussels on Thursday.",
            &format!("{SAID},” Reuters quoted the minister as saying."),
        );
        assert_speaker(
            "EU leaders met in Brussels on Thursday.",
            &format!("{SAID},” Reuters quoted an EU diplomat as saying."),
            "an EU diplomat",
        );
    }

    #[test]
    fn two_people_speaking_together_are_both_the_speaker() {
        const LEAD: &str = "European Commission President Ursula von der Leyen and European Council President António Costa met President Volodymyr Zelensky in Kyiv on Monday.";
        const SAID: &str =
            "We will keep our promise to Ukraine this winter and the next, whatever it costs";
        for line in [
            format!("“{SAID},” von der Leyen and Costa said in a joint statement."),
            format!("Von der Leyen and Costa said in a joint statement: “{SAID}.”"),
        ] {
            assert_speaker(LEAD, &line, "Ursula von der Leyen and António Costa");
        }
        // countries speaking together are no people
        assert_no_quote(
            "Talks in Brussels went on late into the night.",
            &format!("“{SAID},” France and Germany said in a joint statement."),
        );
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
    fn a_surname_alone_takes_the_full_name_with_its_initials() {
        let p = paras(&[
            "The trial's lead author, Elizabeth A. Hoge of Georgetown University, followed 276 adults for two months.",
            "“The FDA would never approve a drug based on such a clinical trial design,” said Hoge.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Elizabeth A. Hoge"));
        // a surname with its particles ("von der Leyen", "de Montchalin")
        for (lead, line, speaker) in [
            (
                "European Commission President Ursula von der Leyen unveiled the plan in Strasbourg on Tuesday.",
                "“We will not let the smaller member states pay for the mistakes of the larger ones,” von der Leyen told MEPs.",
                "Ursula von der Leyen",
            ),
            (
                "La ministre Amélie de Montchalin a présenté mardi le projet de budget aux députés.",
                "« Nous ne laisserons pas les petites communes payer les erreurs des grandes villes », a déclaré de Montchalin.",
                "Amélie de Montchalin",
            ),
            // the particle capitalised, opening a sentence
            (
                "European Commission President Ursula von der Leyen unveiled the plan in Strasbourg on Tuesday.",
                "Von der Leyen told MEPs: “We will not let the smaller member states pay for the mistakes of the larger ones.”",
                "Ursula von der Leyen",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
    }

    #[test]
    fn a_given_name_alone_takes_the_surname_the_article_gave_it() {
        let p = paras(&[
            "Deputy Editor Katie Bandurski has tested the service every month since May.",
            "“One other cool aspect of the club is that these titles are not the hardbacks you find in every shop,” says Katie.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Katie Bandurski"));
        // a brand before its product is no given name before a surname
        let p = paras(&[
            "For less money we recommend the Suunto Run, or a Suunto Run paired with a chest strap.",
            "Best beginner watch: Suunto Run",
            "“There are numerous challenges in forming an elevation profile over a long route,” says Suunto.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Suunto"));
    }

    #[test]
    fn an_adverb_may_stand_between_speaker_and_verb() {
        const QUOTE: &str =
            "“We will not approve a terminal that doubles the lorry traffic through the old town,”";
        let cases = [
            ("Anna Berg also said", "Anna Berg"),
            ("Anna Berg later told reporters", "Anna Berg"),
            ("Anna Berg has repeatedly warned", "Anna Berg"),
            ("Anna Berg was quoted as saying", "Anna Berg"),
            ("she reportedly said", "Anna Berg"),
        ];
        for (attribution, speaker) in cases {
            let p = paras(&[
                "Anna Berg, who chairs the harbour committee, called a vote on the new container terminal for Monday.",
                &format!("{QUOTE} {attribution}."),
            ]);
            let q = pick_key_quote(&p, "").unwrap_or_else(|| panic!("{attribution}"));
            assert_eq!(q.speaker.as_deref(), Some(speaker), "{attribution}");
        }
        let p = paras(&[
            "« Nous ne laisserons pas nos ports seuls face à cette concurrence déloyale », a également déclaré Marie Dubois.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Marie Dubois"));
    }

    #[test]
    fn attributions_of_the_european_press() {
        // (the person introduced with an office and no article, the
        // quotation, the attributions after it)
        let cases: [(&str, &str, &[&str]); 5] = [
            (
                "Anna Berg, the mayor of Rotterdam, called a vote on the new container terminal for Monday.",
                "“We will not approve a terminal that doubles the lorry traffic through the old town,”",
                &[
                    "Berg tweeted.",
                    "Berg vowed.",
                    "Berg pointed out.",
                    "Berg cautioned.",
                ],
            ),
            (
                "Anna Berg, Bürgermeisterin von Rotterdam, hat die Abstimmung über das neue Terminal für Montag angesetzt.",
                "„Wir werden kein Terminal genehmigen, das den Lastwagenverkehr durch die Altstadt verdoppelt“,",
                &[
                    "sagte die Bürgermeisterin vor Journalisten.",
                    "sagte Berg der Deutschen Presse-Agentur.",
                    "sagte die Bürgermeisterin.",
                    "sagte sie.",
                    "räumte Berg ein.",
                    "schrieb Berg auf X.",
                ],
            ),
            (
                "Anna Berg, alcaldesa de Róterdam, convocó para el lunes la votación sobre la nueva terminal.",
                "«No aprobaremos una terminal que duplique el tráfico de camiones por el casco antiguo»,",
                &["explicó la alcaldesa.", "declaró Berg.", "sostuvo Berg."],
            ),
            (
                "Anna Berg, sindaca di Rotterdam, ha convocato per lunedì il voto sul nuovo terminal container.",
                "«Non approveremo un terminal che raddoppia il traffico dei camion nel centro storico»,",
                &[
                    "ha detto la sindaca in conferenza stampa a Palazzo Chigi.",
                    "ha detto Berg al Corriere della Sera.",
                    "ha sottolineato la sindaca.",
                    "ha ribadito Berg.",
                ],
            ),
            (
                "Anna Berg, maire de Rotterdam, a convoqué pour lundi le vote sur le nouveau terminal à conteneurs.",
                "« Nous n’approuverons pas un terminal qui double le trafic des camions dans la vieille ville »,",
                &["a-t-elle ajouté.", "a reconnu Berg.", "a rappelé la maire."],
            ),
        ];
        for (intro, quotation, attributions) in cases {
            for attribution in attributions {
                let p = paras(&[intro, &format!("{quotation} {attribution}")]);
                let q = pick_key_quote(&p, "").unwrap_or_else(|| panic!("{attribution}"));
                assert_eq!(q.speaker.as_deref(), Some("Anna Berg"), "{attribution}");
            }
        }
    }

    #[test]
    fn a_person_speaks_for_an_organisation_a_plural_possessive_for_nobody() {
        for (intro, speaker) in [
            (
                "Certified Financial Planner Marguerita M. Cheng of Annuity.org confirms,",
                "Marguerita M. Cheng",
            ),
            (
                "Andrew Bailey of the Bank of England said:",
                "Andrew Bailey",
            ),
        ] {
            let p = paras(&[&format!(
                "{intro} “Some misconceptions about millennials are that they do not plan their finances at all.”"
            )]);
            let q = pick_key_quote(&p, "").unwrap_or_else(|| panic!("{intro}"));
            assert_eq!(q.speaker.as_deref(), Some(speaker));
        }
        // after the quotation, and as the source a later pronoun stands for
        const SAID: &str = "“Inflation is falling faster than we expected, and rates can come down gently next year,”";
        for (intro, line, speaker) in [
            (
                "The economy is slowing more quickly than forecast.",
                format!("{SAID} Andrew Bailey of the Bank of England said."),
                "Andrew Bailey",
            ),
            (
                "Andrew Bailey of the Bank of England said on Tuesday that the economy was slowing.",
                format!("{SAID} he said."),
                "Andrew Bailey",
            ),
            (
                "Die Wirtschaft kühlt schneller ab als erwartet.",
                "„Die Inflation sinkt schneller als erwartet, und die Zinsen können sanft fallen“, sagte Joachim Nagel von der Bundesbank.".to_string(),
                "Joachim Nagel",
            ),
            (
                "Die Wirtschaft kühlt schneller ab als erwartet.",
                "„Die Inflation sinkt schneller als erwartet, und die Zinsen können sanft fallen“, sagte Kommissionspräsidentin Ursula von der Leyen.".to_string(),
                "Ursula von der Leyen",
            ),
        ] {
            assert_speaker(intro, &line, speaker);
        }
        // "claims" is a noun here, and "Companies’" no name
        let p = paras(&[
            "Companies’ claims about battery life assume standard GPS tracking alone.",
            "“There are numerous challenges in forming an elevation profile over a long trail run,” they said.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
    }

    #[test]
    fn a_pronoun_finds_a_subject_behind_a_possessive_title_or_a_party() {
        for intro in [
            "Rotterdam's mayor Anna Berg called a vote on the new container terminal for Monday.",
            "Anna Berg (VVD), the mayor of Rotterdam, called a vote on the new container terminal for Monday.",
        ] {
            let p = paras(&[
                intro,
                "“We will not approve a terminal that doubles the lorry traffic through the old town,” she said.",
            ]);
            let q = pick_key_quote(&p, "").unwrap_or_else(|| panic!("{intro}"));
            assert_eq!(q.speaker.as_deref(), Some("Anna Berg"), "{intro}");
        }
    }

    #[test]
    fn a_quotation_that_only_asks_is_no_key_quote() {
        let p = paras(&[
            "Steve Rowe said when asked, “What is the one piece of advice you would give to a founder?”",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
        // a question answered in the same quotation says something
        let p = paras(&[
            "“Why should the taxpayers pay for the banks? They will not, and I will see to it before the summer,” said Anna Berg.",
        ]);
        let q = pick_key_quote(&p, "").unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Anna Berg"));
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
            // the typewriter's single quote, around apostrophes
            (
                "'The farmers' unions won't accept a deal that leaves them worse off than in the '90s,' said Agriculture Minister Jean Barnier.",
                "The farmers' unions won't",
                "Jean Barnier",
            ),
            (
                "'The lorries will not wait at the border for three days again this winter', Transport Minister Piotr Nowak told Reuters.",
                "The lorries will not",
                "Piotr Nowak",
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
    fn an_apostrophe_opens_no_quotation() {
        for text in [
            "The farmers' union met in the '90s to play rock 'n' roll.",
            "Ministers' aides said the 'Big Three' would decide the budget on Friday.",
        ] {
            let texts: Vec<String> = quotations(0, text).into_iter().map(|f| f.text).collect();
            assert!(texts.iter().all(|t| t == "Big Three"), "{text}: {texts:?}");
        }
        // nor does one go on into the next paragraph
        let p = paras(&[
            "'Tis the season, the farm minister Jean Barnier told farmers' leaders on Friday.",
            "They will meet again in January, when the talks on the budget resume.",
        ]);
        assert_eq!(pick_key_quote(&p, ""), None);
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
    fn a_person_called_by_their_age_or_party_is_the_person_named_before() {
        for (lead, line) in [
            (
                "Anna Berg, the mayor of Rotterdam, said on Tuesday that the harbour bridge will close in spring.",
                "“The bridge has served this city for ninety years and deserves a careful repair,” the 54-year-old said.",
            ),
            (
                "Anna Berg, the mayor of Rotterdam, said on Tuesday that the harbour bridge will close in spring.",
                "“The bridge has served this city for ninety years and deserves a careful repair,” said the 54-year-old.",
            ),
            (
                "Anna Berg, Bürgermeisterin von Rotterdam, sagte am Dienstag, die Hafenbrücke werde im Frühjahr geschlossen.",
                "„Die Brücke hat dieser Stadt neunzig Jahre gedient und verdient eine sorgfältige Reparatur“, sagte die 54-Jährige.",
            ),
            (
                "Anna Berg, sindaca di Rotterdam, ha detto martedì che il ponte del porto chiuderà in primavera.",
                "«Il ponte ha servito questa città per novant’anni e merita una riparazione attenta», ha detto la 54enne.",
            ),
            (
                "Anna Berg, Bürgermeisterin von Rotterdam, sagte am Dienstag, die Hafenbrücke werde im Frühjahr geschlossen.",
                "„Die Brücke hat dieser Stadt neunzig Jahre gedient und verdient eine sorgfältige Reparatur“, sagte die Grünen-Politikerin.",
            ),
            (
                "Anna Berg, Bürgermeisterin von Rotterdam, sagte am Dienstag, die Hafenbrücke werde im Frühjahr geschlossen.",
                "Die SPD-Vorsitzende sagte: „Die Brücke hat dieser Stadt neunzig Jahre gedient und verdient eine sorgfältige Reparatur.“",
            ),
        ] {
            assert_speaker(lead, line, "Anna Berg");
        }
    }

    #[test]
    fn a_person_called_by_their_nationality_is_the_person_named_before() {
        const LEAD: &str = "Estonian Prime Minister Kristen Michal arrived in Brussels on Thursday for the budget talks, which have dragged on for weeks.";
        const SAID: &str = "“We will not accept a budget that cuts research and leaves our universities without the money they need";
        for line in [
            format!("{SAID},” the Estonian told reporters."),
            format!("{SAID},” said the Estonian."),
            format!("{SAID},” said the Estonian on his way into the meeting."),
            format!("The Estonian said: {SAID}.”"),
        ] {
            assert_speaker(LEAD, &line, "Kristen Michal");
        }
        // the woman, not the man named after her
        // "-woman" and "-man" tell the gender, as "she" and "he" do
        const BERG: &str = "Anna Berg, the Dutch negotiator, spoke to the press on Thursday. Ms Berg meets her Belgian counterpart on Friday.";
        assert_speaker(BERG, &format!("{SAID},” said the Dutchwoman."), "Anna Berg");
        assert_speaker(BERG, &format!("{SAID},” said the German."), "Anna Berg");
        let p = paras(&[BERG, &format!("{SAID},” said the Dutchman.")]);
        let q = pick_key_quote(&p, BERG);
        assert_ne!(q.and_then(|q| q.speaker).as_deref(), Some("Anna Berg"));
        // a people's name for one of them: "the Pole" is Polish
        const WARSAW: &str = "NATO Secretary-General Mark Rutte met Ukrainian President Volodymyr Zelensky and Polish Prime Minister Donald Tusk in Warsaw on Friday.";
        assert_speaker(WARSAW, &format!("{SAID},” said the Pole."), "Donald Tusk");
        assert_speaker(
            WARSAW,
            &format!("{SAID},” said the Ukrainian."),
            "Volodymyr Zelensky",
        );
        // a former office holder the article never named is nobody, and
        // the nationality before the office no name
        assert_no_quote(
            WARSAW,
            &format!("{SAID},” said the former Dutch prime minister."),
        );
        // of several people named, the one named with that nationality
        for lead in [
            "European Commission President Ursula von der Leyen met Hungarian Prime Minister Viktor Orbán in Brussels on Thursday.",
            "Hungarian Prime Minister Viktor Orbán met European Commission President Ursula von der Leyen in Brussels on Thursday.",
        ] {
            assert_speaker(
                lead,
                &format!("{SAID},” said the Hungarian."),
                "Viktor Orbán",
            );
        }
        // a nationality before a noun is an organisation's, not a person's
        let p = paras(&[LEAD, &format!("{SAID},” said the Estonian government.")]);
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("the Estonian government"));
    }

    #[test]
    fn a_german_office_in_another_case_is_still_an_office() {
        // "den Präsidenten", "des Bundeskanzlers": the name after it is the
        // person's, and the office stands for them later
        const MACRON: &str = "Bundeskanzler Friedrich Merz hat am Donnerstag den französischen Präsidenten Emmanuel Macron in Berlin empfangen.";
        const MERZ: &str =
            "Die Regierung des Bundeskanzlers Friedrich Merz legte am Donnerstag den Haushalt vor.";
        for (lead, attribution, speaker) in [
            (MACRON, "sagte Macron", "Emmanuel Macron"),
            (MACRON, "sagte der Präsident", "Emmanuel Macron"),
            (
                MACRON,
                "sagte der französische Präsident",
                "Emmanuel Macron",
            ),
            (MACRON, "sagte der Kanzler", "Friedrich Merz"),
            (MERZ, "sagte Merz", "Friedrich Merz"),
            (MERZ, "sagte der Kanzler", "Friedrich Merz"),
        ] {
            assert_speaker(lead, &format!("{GESAGT}, {attribution}."), speaker);
        }
    }

    #[test]
    fn a_nationality_after_the_office_qualifies_it() {
        // French, Spanish, Italian and Portuguese set the nationality after
        // the office: "le chancelier allemand Friedrich Merz"
        const DIJO: &str =
            "«No aceptaremos un acuerdo que deje a nuestros agricultores peor que el año pasado»";
        const DETTO: &str =
            "«Non accetteremo un accordo che lascia pagare ai piccoli paesi il conto dei grandi»";
        const ELYSEE: &str = "Le président Emmanuel Macron a reçu jeudi le chancelier allemand Friedrich Merz à l'Élysée.";
        const TRUMP: &str =
            "Le président américain Donald Trump a appelé jeudi le président Emmanuel Macron.";
        const MONCLOA: &str = "El presidente del Gobierno, Pedro Sánchez, recibió el jueves al canciller alemán, Friedrich Merz, en la Moncloa.";
        const STARMER: &str =
            "El primer ministro británico, Keir Starmer, llegó el jueves a Bruselas.";
        const CHIGI: &str = "La presidente del Consiglio Giorgia Meloni ha ricevuto giovedì il presidente ucraino Volodymyr Zelensky a Palazzo Chigi.";
        for (lead, line, speaker) in [
            (
                ELYSEE,
                format!("{DIT}, a ajouté le chancelier."),
                "Friedrich Merz",
            ),
            (
                ELYSEE,
                format!("{DIT}, a déclaré le chancelier allemand."),
                "Friedrich Merz",
            ),
            (
                ELYSEE,
                format!("{DIT}, a déclaré le président français."),
                "Emmanuel Macron",
            ),
            (
                TRUMP,
                format!("{DIT}, a déclaré le président américain."),
                "Donald Trump",
            ),
            (TRUMP, format!("{DIT}, a déclaré Trump."), "Donald Trump"),
            (
                MONCLOA,
                format!("{DIJO}, dijo el canciller alemán."),
                "Friedrich Merz",
            ),
            (
                MONCLOA,
                format!("{DIJO}, afirmó el canciller."),
                "Friedrich Merz",
            ),
            (
                STARMER,
                format!("{DIJO}, dijo el primer ministro."),
                "Keir Starmer",
            ),
            (
                STARMER,
                format!("{DIJO}, afirmó el premier británico."),
                "Keir Starmer",
            ),
            (
                CHIGI,
                format!("{DETTO}, ha detto il presidente ucraino."),
                "Volodymyr Zelensky",
            ),
            // the body an office heads is one of its words
            (
                CHIGI,
                format!("{DETTO}, ha affermato la presidente del Consiglio."),
                "Giorgia Meloni",
            ),
            // the Spanish leader: "líder", "mandatario"
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves al presidente ucraniano, Volodímir Zelenski.",
                format!("{DIJO}, señaló el mandatario ucraniano."),
                "Volodímir Zelenski",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves al presidente ucraniano, Volodímir Zelenski.",
                format!("{DIJO}, ha dicho el líder ucraniano."),
                "Volodímir Zelenski",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
        // the nationality of nobody named with the office
        assert_no_quote(
            ELYSEE,
            &format!("{DIT}, a déclaré le chancelier autrichien."),
        );
        assert_no_quote(
            "German Chancellor Friedrich Merz arrived in Brussels on Thursday.",
            "“We will not accept a deal that leaves the smaller member states to pay,” the Austrian chancellor said.",
        );
    }

    #[test]
    fn a_person_named_after_an_office_and_the_body_it_heads_is_the_person() {
        for (lead, line, speaker) in [
            (
                "La presidente del Consiglio Giorgia Meloni ha difeso mercoledì la legge di bilancio dopo settimane di trattative.",
                "«È una manovra seria, che non mette le mani nelle tasche degli italiani», ha detto Meloni a Repubblica.",
                "Giorgia Meloni",
            ),
            (
                "Die Zinsen im Euroraum bleiben unverändert, wie die Notenbank am Donnerstag in Frankfurt mitteilte.",
                "„Die Inflation ist noch nicht besiegt, wir müssen wachsam bleiben“, sagte die Präsidentin der Europäischen Zentralbank Christine Lagarde.",
                "Christine Lagarde",
            ),
            (
                "La réforme des retraites a été défendue mercredi devant les parlementaires de la majorité réunis à l’Élysée.",
                "« Nous ne reculerons pas sur la réforme, elle est indispensable pour le pays », a déclaré le président de la République Emmanuel Macron.",
                "Emmanuel Macron",
            ),
            (
                "The government's budget was debated in the Commons on Wednesday after weeks of leaks and briefings.",
                "“We will hold this government to account on every broken promise it has made,” said the Leader of the Opposition Kemi Badenoch.",
                "Kemi Badenoch",
            ),
            // no office before "of": the three words are the name
            (
                "Buying recycled goods matters as much as sorting the waste that goes out on collection day.",
                "In the words of Ed Begley Jr., “If you are not buying recycled products, you are not really recycling at all.”",
                "Ed Begley Jr.",
            ),
            // a person a sentence opens with, after an article and a title
            (
                "Die IG-Metall-Chefin Christiane Benner hat die Entscheidung des Konzerns scharf kritisiert, drei Werke zu schließen.",
                "„Das ist ein schwarzer Tag für die deutsche Industrie und für Hunderttausende Beschäftigte“, sagte sie.",
                "Christiane Benner",
            ),
            // a compound given name after the body ("María Jesús")
            (
                "Las cuentas llegarán al Congreso la próxima semana, tras meses de negociaciones con los socios.",
                "«No vamos a subir los impuestos a las familias trabajadoras en ningún caso este año», dijo la ministra de Hacienda María Jesús Montero en rueda de prensa.",
                "María Jesús Montero",
            ),
            (
                "El ministro de Asuntos Exteriores José Manuel Albares defendió el jueves la posición española en Bruselas.",
                "«España no va a aceptar un acuerdo que deje fuera a los países del sur de Europa», dijo Albares.",
                "José Manuel Albares",
            ),
            (
                "La ministra de Transición Ecológica Sara Aagesen presentó el lunes el plan de respuesta a la sequía en Madrid.",
                "«Tenemos agua suficiente para este verano, pero tenemos que prepararnos para los próximos», dijo la ministra de Transición Ecológica Sara Aagesen.",
                "Sara Aagesen",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
    }

    #[test]
    fn an_attribution_between_dashes_inside_the_quotation() {
        const SANCHEZ: &str = "El presidente del Gobierno, Pedro Sánchez, presentó el miércoles los presupuestos tras semanas de negociaciones.";
        for (lead, line, speaker) in [
            (
                SANCHEZ,
                "«Es un buen acuerdo para España y para Europa —dijo Sánchez—, pero hay que seguir trabajando en la vivienda».",
                "Pedro Sánchez",
            ),
            (
                SANCHEZ,
                "«Es un buen acuerdo para España y para Europa —afirmó el presidente del Gobierno—, pero hay que seguir trabajando».",
                "Pedro Sánchez",
            ),
            (
                "La presidente del Consiglio Giorgia Meloni ha difeso mercoledì la legge di bilancio dopo settimane di trattative.",
                "«È una manovra seria – ha aggiunto Meloni – che guarda alla crescita e non alle tasse degli italiani».",
                "Giorgia Meloni",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
        // the quotation stays verbatim, aside and all
        let p = paras(&[
            SANCHEZ,
            "«Es un buen acuerdo para España y para Europa —dijo Sánchez—, pero hay que seguir trabajando en la vivienda».",
        ]);
        let q = pick_key_quote(&p, SANCHEZ).unwrap();
        assert_eq!(
            q.text,
            "Es un buen acuerdo para España y para Europa —dijo Sánchez—, pero hay que seguir trabajando en la vivienda"
        );
        // an aside that attributes nothing gives no speaker
        assert_no_quote(
            "Prime Minister Keir Starmer presented the deal on Wednesday after weeks of talks.",
            "“The deal is good for Britain — and for Europe — and we will sign it next week in Brussels without delay.”",
        );
    }

    #[test]
    fn an_office_with_the_body_it_heads_speaks_for_its_holder() {
        for (lead, line, speaker) in [
            (
                "El presidente del Gobierno, Pedro Sánchez, presentó el miércoles los presupuestos tras semanas de negociaciones.",
                "«Es un buen acuerdo para España y para Europa, pero hay que seguir trabajando en la vivienda», afirmó el presidente del Gobierno.",
                "Pedro Sánchez",
            ),
            (
                "Ursula von der Leyen, the president of the European Commission, spoke in Strasbourg on Wednesday about the budget.",
                "“Europe must stand together now and keep supporting Ukraine, with weapons and with money,” the president of the European Commission said.",
                "Ursula von der Leyen",
            ),
            (
                "Le président de la République, Emmanuel Macron, a reçu mercredi les chefs de parti à l’Élysée pour parler du budget.",
                "« Nous ne laisserons pas filer le déficit, ni cette année ni la suivante », a déclaré le président de la République.",
                "Emmanuel Macron",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
    }

    #[test]
    fn a_few_words_may_come_between_the_verb_and_the_quotation() {
        const LEAD: &str = "Kaja Kallas, the EU’s foreign policy chief, arrived in Kyiv on Wednesday for talks on air defence.";
        for line in [
            "Kallas told a press conference in Brussels: “We cannot let Russia decide the security of Europe, not now and not ever.”",
            "Kallas said in a post on X: “We cannot let Russia decide the security of Europe, not now and not ever.”",
        ] {
            assert_speaker(LEAD, line, "Kaja Kallas");
        }
    }

    #[test]
    fn a_verb_without_its_subject_stands_for_the_person_named_before() {
        for (lead, line, speaker) in [
            (
                "La ministra de Hacienda, María Jesús Montero, defendió el martes las cuentas en rueda de prensa.",
                "«Son unos presupuestos expansivos pero responsables, que protegen a la clase media», dijo.",
                "María Jesús Montero",
            ),
            (
                "Las cuentas llegarán al Congreso la próxima semana.",
                "La ministra de Hacienda, María Jesús Montero, defendió las cuentas. «Son unos presupuestos expansivos pero responsables, que protegen a la clase media», aseguró en rueda de prensa.",
                "María Jesús Montero",
            ),
            (
                "Giancarlo Giorgetti ha difeso martedì la manovra dopo il Consiglio dei ministri.",
                "«Non aumenteremo le tasse, ma chiederemo uno sforzo a chi ha di più per la sanità», ha detto in conferenza stampa.",
                "Giancarlo Giorgetti",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
        // "said a …" opens an unnamed source's description
        let lead = "Jan Liphardt, a professor at Stanford, said graduates struggle to find jobs.";
        let p = paras(&[
            lead,
            "“There’s definitely a very dreary mood on campus this year, and everyone feels it,” said a recent graduate.",
        ]);
        let q = pick_key_quote(&p, lead).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("a recent graduate"));
    }

    #[test]
    fn a_subject_may_open_with_its_title_in_lower_case() {
        for (lead, line, speaker) in [
            (
                "Il ministro Giancarlo Giorgetti ha difeso giovedì la manovra da 30 miliardi davanti alle commissioni riunite.",
                "«Non ci sarà nessuna nuova tassa per le famiglie, e il taglio del cuneo diventa strutturale», ha detto.",
                "Giancarlo Giorgetti",
            ),
            (
                "Finance minister Eelco Heinen defended the spring budget in parliament on Tuesday after weeks of talks.",
                "“We will not accept a budget that cuts research and leaves our universities without money,” he said.",
                "Eelco Heinen",
            ),
            (
                "La ministra Montero defendió este martes los presupuestos en el Congreso de los Diputados.",
                "«No vamos a subir los impuestos a las familias trabajadoras en ningún caso este año», aseguró.",
                "Montero",
            ),
            (
                "Der Minister Lars Klingbeil verteidigte am Dienstag den Haushalt im Bundestag gegen die Kritik der Opposition.",
                "„Wir werden bei der Bildung und bei der Forschung keinen einzigen Euro kürzen“, sagte er.",
                "Lars Klingbeil",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
        // a word in lower case that is no title keeps the sentence's
        // subject unknown: here the reporters asked, and "he" is nobody
        // named
        assert_no_quote(
            "Reporters asked Eelco Heinen about the spring budget in parliament on Tuesday.",
            "“We will not accept a budget that cuts research and leaves our universities without money,” he said.",
        );
    }

    #[test]
    fn speech_verbs_in_the_present_tense() {
        for (lead, line, speaker) in [
            (
                "La ministre du Travail, Astrid Panosyan-Bouvet, a présenté mercredi un projet de loi sur l’assurance chômage.",
                "« Nous voulons que le travail paie mieux que l’inactivité, partout et pour tous », insiste la ministre.",
                "Astrid Panosyan-Bouvet",
            ),
            (
                "La vicepresidenta María Jesús Montero defendió el miércoles la reforma fiscal en el Congreso.",
                "«La reforma fiscal es imprescindible para sostener el Estado del bienestar en los próximos años», advierte Montero.",
                "María Jesús Montero",
            ),
            (
                "Wirtschaftsministerin Katherina Reiche hat am Mittwoch ein Entlastungspaket für die Industrie vorgestellt.",
                "„Wir müssen die Energiepreise jetzt senken, sonst verlieren wir Arbeitsplätze in großer Zahl“, mahnt Reiche.",
                "Katherina Reiche",
            ),
            (
                "Il ministro dell’Economia Giancarlo Giorgetti ha presentato mercoledì la legge di bilancio.",
                "«Non aumenteremo le tasse, ma chiederemo uno sforzo a chi ha di più per sostenere la sanità», ricorda Giorgetti.",
                "Giancarlo Giorgetti",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
    }

    #[test]
    fn a_pronoun_passes_over_a_person_of_the_other_gender() {
        const LEAD: &str = "Rotterdam will close its harbour bridge for repairs next spring.";
        let p = paras(&[
            LEAD,
            "Anna Berg, the mayor, said the city would pay. Mr Visser, the city engineer, said the bridge was unsafe. Ms Berg agreed.",
            "“The steel is tired and the bolts are older than anyone in this room,” he said.",
        ]);
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Visser"), "{q:?}");
        let p = paras(&[
            LEAD,
            "Die Bürgermeisterin Anna Berg sagte, die Stadt zahle. Herr Visser, der Ingenieur, sagte, die Brücke sei unsicher.",
            "„Der Stahl ist müde und die Bolzen sind älter als alle in diesem Raum“, sagte sie.",
        ]);
        // German "sie" may be "they": no gender to go by
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Visser"), "{q:?}");
        let p = paras(&[
            LEAD,
            "La maire, Anna Berg, a dit que la ville paierait. M. Visser, l’ingénieur, a dit que le pont était dangereux.",
            "« L’acier est fatigué et les boulons sont plus vieux que tout le monde dans cette salle », a-t-elle ajouté.",
        ]);
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Anna Berg"), "{q:?}");
        // "M." after a given name is an initial, not "Monsieur"
        let p = paras(&[
            LEAD,
            "Tom Visser said the bridge was unsafe. Marguerita M. Cheng said the costs were fair.",
            "“The steel is tired and the bolts are older than anyone in this room,” she said.",
        ]);
        let q = pick_key_quote(&p, LEAD).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Marguerita M. Cheng"), "{q:?}");
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
        // a relative clause between the name and the verb (the mayor is
        // named last)
        let lead = format!("{LEAD} Anna Berger voted early, Mayor Karl Huber late.");
        for line in [
            format!("“{SAID},” Berger, who has taught in Passau for 30 years, said."),
            format!("“{SAID},” Berger, who has taught since 1995, said."),
            format!("“{SAID},” Berger, who founded the Passau Greens, said."),
            format!("Anna Berger, who voted early, told reporters: “{SAID}.”"),
            format!("Berger, die seit 30 Jahren in Passau unterrichtet, sagte: „{SAID}.“"),
        ] {
            assert_speaker(&lead, &line, "Anna Berger");
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
            // the head of state is the president
            (
                "Le président Emmanuel Macron a reçu mardi les dirigeants européens.",
                "« Nous n'accepterons pas un accord qui laisse les petits pays payer pour les grands », a déclaré le chef de l’Etat devant la presse.".to_string(),
                "Emmanuel Macron",
            ),
            (
                "Il presidente Sergio Mattarella ha ricevuto giovedì al Quirinale i rappresentanti degli agricoltori.",
                "«Non accetteremo un accordo che lascia pagare ai piccoli paesi il conto dei grandi», ha detto il capo dello Stato.".to_string(),
                "Sergio Mattarella",
            ),
            // the head of government is the prime minister
            (
                "Le premier ministre, Sébastien Lecornu, a engagé jeudi la responsabilité de son gouvernement sur le budget.",
                "« Nous avons cherché un compromis jusqu’au bout, mais le pays ne peut pas rester sans budget », a déclaré le chef du gouvernement devant les députés.".to_string(),
                "Sébastien Lecornu",
            ),
            (
                "Le premier ministre, Sébastien Lecornu, a engagé jeudi la responsabilité de son gouvernement sur le budget.",
                "« Nous avons cherché un compromis jusqu’au bout, mais le pays ne peut pas rester sans budget », a déclaré le premier ministre devant les députés.".to_string(),
                "Sébastien Lecornu",
            ),
            // the office, the body it heads and the name, without commas
            (
                "(ANSA) - ROMA, 27 NOV - Il ministro dell'Economia Giancarlo Giorgetti ha difeso la manovra davanti alle commissioni.",
                "«Non ci sarà nessuna nuova tassa per le famiglie, e il taglio del cuneo diventa strutturale», ha detto il ministro.".to_string(),
                "Giancarlo Giorgetti",
            ),
            // "così" as German "so"; an adverb inside the perfect tense
            (
                "La presidente del Consiglio Giorgia Meloni ha ricevuto giovedì a Roma i sindacati.",
                "«Non accetteremo alcun ritardo nel sostegno all’Ucraina quest’inverno», così Meloni al termine dell’incontro.".to_string(),
                "Giorgia Meloni",
            ),
            (
                "La presidente del Consiglio Giorgia Meloni ha ricevuto giovedì a Roma i sindacati.",
                "Meloni ha poi aggiunto: «Non accetteremo alcun ritardo nel sostegno all’Ucraina quest’inverno».".to_string(),
                "Giorgia Meloni",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves en la Moncloa a los presidentes autonómicos.",
                "«No aceptaremos ningún retraso en el apoyo a Ucrania este invierno», sentenció Sánchez.".to_string(),
                "Pedro Sánchez",
            ),
            // the office joined to what it heads by "degli", "delle", "dei"
            (
                "Il vertice si è chiuso a Roma in serata senza un accordo sul bilancio.",
                "«Non accetteremo alcun ritardo nel sostegno all’Ucraina quest’inverno», ha detto il ministro degli Esteri Antonio Tajani.".to_string(),
                "Antonio Tajani",
            ),
            (
                "Il vertice si è chiuso a Roma in serata senza un accordo sul bilancio.",
                "«Non accetteremo alcun ritardo nei cantieri delle nuove linee quest’inverno», ha spiegato il ministro dei Trasporti Matteo Salvini.".to_string(),
                "Matteo Salvini",
            ),
            // the head of government by another of its names
            (
                "Dutch Prime Minister Dick Schoof said on Thursday the government would not back the budget.",
                format!("“{SAID},” the premier said."),
                "Dick Schoof",
            ),
            (
                "Premier Dick Schoof said on Thursday the government would not back the budget.",
                format!("“{SAID},” the prime minister told reporters."),
                "Dick Schoof",
            ),
            // an office after "according to"
            (
                "Le président Emmanuel Macron a reçu mardi les dirigeants européens.",
                "« Nous n'accepterons pas un accord qui laisse les petits pays payer pour les grands », selon le chef de l’État.".to_string(),
                "Emmanuel Macron",
            ),
            (
                "German Chancellor Friedrich Merz arrived in Brussels on Thursday.",
                format!("“{SAID},” according to the chancellor."),
                "Friedrich Merz",
            ),
            // Spain's and Italy's heads of government are presidents of
            // the government or of the council of ministers
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves en la Moncloa a los presidentes autonómicos.",
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura de los grandes», afirmó el jefe del Gobierno.".to_string(),
                "Pedro Sánchez",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves en la Moncloa a los presidentes autonómicos.",
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura de los grandes», ha subrayado el presidente.".to_string(),
                "Pedro Sánchez",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves en la Moncloa a los presidentes autonómicos.",
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura de los grandes», afirmó el jefe del Ejecutivo en rueda de prensa.".to_string(),
                "Pedro Sánchez",
            ),
            (
                "Il presidente del Consiglio Giorgia Meloni ha ricevuto giovedì a Palazzo Chigi i sindacati.",
                "«Non accetteremo un accordo che lascia pagare ai piccoli paesi il conto dei grandi», ha sottolineato la premier.".to_string(),
                "Giorgia Meloni",
            ),
            (
                "Il presidente del Consiglio Giorgia Meloni ha ricevuto giovedì a Palazzo Chigi i sindacati.",
                "«Non accetteremo un accordo che lascia pagare ai piccoli paesi il conto dei grandi», ha detto il capo del governo.".to_string(),
                "Giorgia Meloni",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
        // nobody named with the office: no speaker, so no quote
        assert_no_quote(
            "Talks in Brussels went on late into the night.",
            &format!("“{SAID},” the minister said."),
        );
        // a president who heads no government is no "jefe del Gobierno",
        // and the body he would head is no speaker
        for lead in [
            "Las negociaciones en Bruselas continuaron hasta bien entrada la noche.",
            "El presidente de la Comisión, Carlos Ruiz, recibió el jueves a los presidentes autonómicos.",
        ] {
            assert_no_quote(
                lead,
                "«No aceptaremos un acuerdo que deje a los países pequeños pagando la factura de los grandes», afirmó el jefe del Gobierno.",
            );
        }
    }

    #[test]
    fn an_office_with_a_qualifier_speaks_for_the_holder_named_with_it() {
        const SAID: &str = "We will not accept a deal that leaves the smaller member states to pay";
        const TWO_PREMIERS: &str = "Dutch Prime Minister Dick Schoof met Belgian Prime Minister Bart De Wever in Brussels on Thursday.";
        const COMMISSION: &str = "European Commission President Ursula von der Leyen met Chancellor Friedrich Merz in Brussels on Thursday.";
        for (lead, attribution, speaker) in [
            // of two holders of the office, the one with the qualifier
            (TWO_PREMIERS, "the Dutch prime minister said", "Dick Schoof"),
            (
                TWO_PREMIERS,
                "the Belgian prime minister said",
                "Bart De Wever",
            ),
            // "leader" and "chief" stand for a head the article named with
            // the same qualifier
            (TWO_PREMIERS, "the Dutch leader said", "Dick Schoof"),
            (
                COMMISSION,
                "the Commission chief said",
                "Ursula von der Leyen",
            ),
            (
                COMMISSION,
                "said the president of the Commission",
                "Ursula von der Leyen",
            ),
            // a nationality and its country
            (
                "France's President Emmanuel Macron met Chancellor Friedrich Merz in Brussels on Thursday.",
                "the French leader told reporters",
                "Emmanuel Macron",
            ),
            (
                "Emmanuel Macron, the French president, met Friedrich Merz, the German chancellor, on Thursday.",
                "the German leader said",
                "Friedrich Merz",
            ),
            // a qualifier the article never gave the specific office
            (COMMISSION, "the German chancellor said", "Friedrich Merz"),
        ] {
            assert_speaker(lead, &format!("“{SAID},” {attribution}."), speaker);
        }
        // a head the article named with no such qualifier, or an office
        // that is no head of government
        for (lead, attribution) in [
            (TWO_PREMIERS, "the German leader said"),
            (TWO_PREMIERS, "the Commission chief said"),
            (COMMISSION, "the German leader said"),
            (TWO_PREMIERS, "the opposition leader said"),
        ] {
            assert_no_quote(lead, &format!("“{SAID},” {attribution}."));
        }
    }

    #[test]
    fn the_words_an_office_is_given_tell_its_holders_apart() {
        const SAID: &str = "We will not accept a deal that leaves the smaller member states to pay";
        const TWO_MINISTERS: &str = "Finance Minister Lars Klingbeil met Foreign Minister Jean-Noël Barrot in Berlin on Thursday.";
        const ZWEI_MINISTER: &str = "Finanzminister Lars Klingbeil traf am Donnerstag Außenminister Johann Wadephul in Berlin.";
        const VIZE: &str = "Bundeskanzler Friedrich Merz und Vizekanzler Lars Klingbeil stellten am Donnerstag den Haushalt vor.";
        const VICE: &str = "President Emmanuel Macron and Vice President Anna Lund arrived in Brussels on Thursday.";
        for (lead, line, speaker) in [
            // a qualifier in lower case
            (
                TWO_MINISTERS,
                format!("“{SAID},” the finance minister said."),
                "Lars Klingbeil",
            ),
            (
                TWO_MINISTERS,
                format!("“{SAID},” the foreign minister said."),
                "Jean-Noël Barrot",
            ),
            // words that only describe the holder do not hide them
            (
                TWO_MINISTERS,
                format!("“{SAID},” the visiting foreign minister said."),
                "Jean-Noël Barrot",
            ),
            // the first part of a German compound
            (
                ZWEI_MINISTER,
                format!("{GESAGT}, sagte der Finanzminister."),
                "Lars Klingbeil",
            ),
            (
                ZWEI_MINISTER,
                format!("{GESAGT}, sagte der Außenminister."),
                "Johann Wadephul",
            ),
            // German heads: of the Commission, of NATO, of the government
            (
                "EU-Kommissionschefin Ursula von der Leyen traf am Donnerstag Bundeskanzler Friedrich Merz.",
                format!("{GESAGT}, sagte die Kommissionschefin."),
                "Ursula von der Leyen",
            ),
            (
                "Nato-Chef Mark Rutte traf am Donnerstag Bundeskanzler Friedrich Merz in Berlin.",
                format!("{GESAGT}, sagte der Nato-Chef."),
                "Mark Rutte",
            ),
            (
                "Der niederländische Ministerpräsident Dick Schoof traf am Donnerstag Bundeskanzler Friedrich Merz.",
                format!("{GESAGT}, sagte der Regierungschef."),
                "Dick Schoof",
            ),
            (
                "Frankreichs Präsident Emmanuel Macron traf am Donnerstag Bundeskanzler Friedrich Merz.",
                format!("{GESAGT}, sagte der Staatschef."),
                "Emmanuel Macron",
            ),
            // a deputy is not the one they stand in for
            (
                VIZE,
                format!("{GESAGT}, sagte der Kanzler."),
                "Friedrich Merz",
            ),
            (
                VIZE,
                format!("{GESAGT}, sagte der Vizekanzler."),
                "Lars Klingbeil",
            ),
            (
                VICE,
                format!("“{SAID},” the president said."),
                "Emmanuel Macron",
            ),
            (
                VICE,
                format!("“{SAID},” the vice president said."),
                "Anna Lund",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
        // a German "Chef" is generic: the article must have named them so
        for (lead, line) in [
            (
                "Nato-Chef Mark Rutte traf am Donnerstag Bundeskanzler Friedrich Merz in Berlin.",
                format!("{GESAGT}, sagte der Kommissionschef."),
            ),
            (
                "Talks in Brussels went on late into the night.",
                format!("“{SAID},” the opposition leader said."),
            ),
            (
                TWO_MINISTERS,
                format!("“{SAID},” the opposition leader said."),
            ),
        ] {
            assert_no_quote(lead, &line);
        }
    }

    #[test]
    fn what_follows_an_office_after_a_preposition_is_no_name() {
        // the occasion or the medium, with or without an article, is where
        // or when it was said; the office still names its holder
        for (lead, line, speaker) in [
            (
                "Bundeskanzler Friedrich Merz hat am Donnerstag Emmanuel Macron in Berlin empfangen.",
                "„Wir werden keinem Abkommen zustimmen, das unsere Landwirte schlechter stellt“, sagte der Kanzler nach dem Treffen.",
                "Friedrich Merz",
            ),
            (
                "Bundeskanzler Friedrich Merz hat am Donnerstag Emmanuel Macron in Berlin empfangen.",
                "„Wir werden keinem Abkommen zustimmen, das unsere Landwirte schlechter stellt“, sagte der Kanzler vor dem Abflug.",
                "Friedrich Merz",
            ),
            (
                "Le président Emmanuel Macron a reçu jeudi le chancelier Friedrich Merz à l'Élysée.",
                "« Nous n'accepterons pas un accord qui laisse nos agriculteurs dans une situation pire », a écrit le président sur X.",
                "Emmanuel Macron",
            ),
            (
                "Le président Emmanuel Macron a reçu jeudi le chancelier Friedrich Merz à l'Élysée.",
                "« Nous n'accepterons pas un accord qui laisse nos agriculteurs dans une situation pire », a réagi le président sur Twitter.",
                "Emmanuel Macron",
            ),
            (
                "El presidente del Gobierno, Pedro Sánchez, recibió el jueves en la Moncloa al canciller Friedrich Merz.",
                "«No aceptaremos un acuerdo que deje a nuestros agricultores peor que el año pasado», dijo el jefe del Ejecutivo durante el Consejo Europeo.",
                "Pedro Sánchez",
            ),
        ] {
            assert_speaker(lead, line, speaker);
        }
    }

    #[test]
    fn a_description_speaks_for_the_person_it_was_set_beside() {
        const SAID: &str =
            "We will keep every promise we made to Ukraine, this winter and the next";
        for (lead, line) in [
            (
                "Kaja Kallas, the EU's top diplomat, arrived in Kyiv on Monday for talks on air defence.",
                format!("“{SAID},” the EU's top diplomat said."),
            ),
            (
                "The bloc’s foreign policy chief, Kaja Kallas, arrived in Kyiv on Monday for talks on air defence.",
                format!("“{SAID},” said the bloc’s foreign policy chief."),
            ),
        ] {
            assert_speaker(lead, &line, "Kaja Kallas");
        }
        // a description the article never set beside a name
        assert_no_quote(
            "Talks in Brussels went on late into the night.",
            &format!("“{SAID},” the EU's top diplomat said."),
        );
    }

    #[test]
    fn dutch_attributions() {
        const LEAD: &str = "Minister Mona Keijzer van Volkshuisvesting presenteerde vanochtend het woningplan in Den Haag.";
        const SAID: &str = "\"We moeten sneller bouwen, en daarvoor gaan we de regels voor gemeenten en bouwers flink vereenvoudigen\"";
        for line in [
            format!("{SAID}, zei Keijzer op een persconferentie."),
            format!("{SAID}, aldus Keijzer."),
            format!("{SAID}, zei ze."),
            format!("{SAID}, zegt de minister."),
            format!("Keijzer verklaarde: {SAID}."),
            format!("Volgens Keijzer {SAID}."),
            // a separable verb around the speaker
            format!("{SAID}, voegde Keijzer eraan toe."),
            format!("{SAID}, voegde ze eraan toe."),
            format!("{SAID}, voegde ze toe."),
            format!("{SAID}, benadrukte ze."),
            format!("{SAID}, gaf Keijzer aan."),
            format!("{SAID}, gaf ze toe."),
            format!("{SAID}, legde ze uit tegen de NOS."),
            format!("{SAID}, merkte Keijzer op."),
            format!("{SAID}, vindt Keijzer."),
            format!("{SAID}, erkende de minister."),
            format!("{SAID}, antwoordde Keijzer op vragen van de Kamer."),
        ] {
            assert_speaker(LEAD, &line, "Mona Keijzer");
        }
        assert_speaker(
            LEAD,
            &format!("{SAID}, zegt burgemeester Femke Halsema van Amsterdam."),
            "Femke Halsema",
        );
        // an office with its ministry, or a preposition after it
        assert_speaker(
            "Minister van Financiën Eelco Heinen presenteerde dinsdag de Voorjaarsnota.",
            &format!("{SAID}, zei de minister van Financiën."),
            "Eelco Heinen",
        );
        assert_speaker(
            "Premier Dick Schoof dreigt met een veto tegen de nieuwe Europese begroting.",
            &format!("{SAID}, zei de premier na afloop van de ministerraad."),
            "Dick Schoof",
        );
        // "van der" after two given names opens the surname
        assert_speaker(
            LEAD,
            &format!("{SAID}, zei Jan Peter van der Berg, wethouder in Utrecht."),
            "Jan Peter van der Berg",
        );
        // Dutch capitalises a nationality: before an office it qualifies
        // the office, and names nobody
        const MERZ: &str = "Premier Dick Schoof ontving donderdag in Den Haag de Duitse bondskanselier Friedrich Merz.";
        for line in [
            format!("{SAID}, zei de Duitse bondskanselier."),
            format!("{SAID}, zei de bondskanselier."),
        ] {
            assert_speaker(MERZ, &line, "Friedrich Merz");
        }
        assert_no_quote(
            MERZ,
            &format!("{SAID}, zei de Oostenrijkse bondskanselier."),
        );
        // "hij" is a man: it passes over a woman the article calls "mevrouw"
        let lead =
            "Mevrouw Keijzer sprak na het overleg met de wethouders van de vier grote steden.";
        assert_no_quote(lead, &format!("{SAID}, zei hij."));
    }

    #[test]
    fn polish_and_portuguese_attributions() {
        const TUSK: &str =
            "Premier Donald Tusk spotkał się w czwartek w Brukseli z kanclerzem Niemiec.";
        const SAID_PL: &str = "„Nie zaakceptujemy porozumienia, które sprawi, że nasi rolnicy będą w gorszej sytuacji”";
        for attribution in [
            " – powiedział Tusk.",
            ", podkreślił Tusk.",
            " – napisał Tusk na X.",
            " – mówił Tusk dziennikarzom.",
            // the subject left out, and the office without an article
            " – stwierdził.",
            " – dodał premier.",
        ] {
            assert_speaker(TUSK, &format!("{SAID_PL}{attribution}"), "Donald Tusk");
        }
        assert_speaker(TUSK, &format!("Tusk powiedział: {SAID_PL}."), "Donald Tusk");
        // a minister the article never named is nobody
        assert_no_quote(TUSK, &format!("{SAID_PL} – powiedział minister."));
        // "według" (according to) and "zdaniem" (in the view of) decline
        // the name: the speaker is the person as the article named them
        for (lead, line, speaker) in [
            (TUSK, format!("Według Tuska {SAID_PL}."), "Donald Tusk"),
            (
                TUSK,
                format!("{SAID_PL}, według Donalda Tuska."),
                "Donald Tusk",
            ),
            (
                "Prezydent Karol Nawrocki spotkał się w czwartek w Warszawie z premierem.",
                format!("Zdaniem Nawrockiego {SAID_PL}."),
                "Karol Nawrocki",
            ),
            (
                "Minister Anna Kowalska spotkała się w czwartek w Brukseli z rolnikami.",
                format!("{SAID_PL}, według Anny Kowalskiej."),
                "Anna Kowalska",
            ),
        ] {
            assert_speaker(lead, &line, speaker);
        }
        // a name the article never gave in full is nobody's
        assert_no_quote(
            "Rolnicy protestowali w czwartek w Brukseli przeciwko porozumieniu.",
            &format!("Według Kowalskiego {SAID_PL}."),
        );
        const MONTENEGRO: &str = "O primeiro-ministro Luís Montenegro reuniu-se na quinta-feira em Bruxelas com o chanceler alemão.";
        const SAID_PT: &str = "“Não aceitaremos um acordo que deixe os nossos agricultores em pior situação do que no ano passado”";
        for attribution in [
            ", disse Montenegro.",
            ", declarou Montenegro aos jornalistas.",
            ", acrescentou Montenegro.",
            ", afirmou o primeiro-ministro.",
            ", sublinhou.",
        ] {
            assert_speaker(
                MONTENEGRO,
                &format!("{SAID_PT}{attribution}"),
                "Luís Montenegro",
            );
        }
        assert_speaker(
            MONTENEGRO,
            &format!("Segundo Montenegro, {SAID_PT}."),
            "Luís Montenegro",
        );
    }

    #[test]
    fn german_verbs_that_split_around_the_speaker() {
        const LEAD: &str = "Bundeskanzler Friedrich Merz sprach am Donnerstag in Berlin mit den Ministerpräsidenten über den Haushalt.";
        const SAID: &str = "„Wir akzeptieren keine Verzögerung bei der Unterstützung der Ukraine in diesem Winter“";
        for line in [
            format!("{SAID}, fügte er hinzu."),
            format!("{SAID}, räumte er ein."),
            format!("{SAID}, teilte er mit."),
            format!("{SAID}, kündigte er an."),
            format!("{SAID}, ergänzte er."),
            format!("{SAID}, warnte er."),
            format!("{SAID}, fügte Merz hinzu."),
        ] {
            assert_speaker(LEAD, &line, "Friedrich Merz");
        }
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

    /// What the farm-minister tests below report and quote.
    const FARM_LEAD: &str = "EU farm ministers failed to agree on the subsidy package on Tuesday.";
    const FARM_SAID: &str =
        "“We will not accept any deal that leaves our farmers worse off than they are today.”";
    /// A sentence naming the farm minister in full, after a title and
    /// before his office.
    const BARNIER_TITLED: &str =
        "French farm minister Jean Barnier met farmers in Paris on Tuesday.";
    const BARNIER_OFFICE: &str = "Jean Barnier, the French farm minister, spoke after the meeting.";

    /// A paragraph naming Barnier, then `lead_in` and the quotation, gives
    /// him as the speaker.
    fn assert_barnier_leads_in(lead_in: &str) {
        assert_speaker(
            FARM_LEAD,
            &format!("{BARNIER_OFFICE} {lead_in} {FARM_SAID}"),
            "Jean Barnier",
        );
    }

    #[test]
    fn a_sentence_before_the_attribution_lends_it_no_name() {
        // the full stop after "Paris" ends a sentence: the speaker is the
        // person the next one opens with, not the city
        for opening in [
            "Jean Barnier, the French farm minister, spoke after the meeting in Paris.",
            "Jean Barnier, the French farm minister, spoke after the meeting on Friday.",
        ] {
            for attribution in [
                "Barnier added:",
                "He said:",
                "Jean Barnier said",
                "Barnier said that",
            ] {
                let line = format!("{opening} {attribution} {FARM_SAID}");
                assert_speaker(FARM_LEAD, &line, "Jean Barnier");
            }
        }
        // a short abbreviation or an initial still belongs to the name
        for (line, speaker) in [
            (format!("Dr. Anna Berg said: {FARM_SAID}"), "Anna Berg"),
            (
                format!("Martin Luther King Jr. said: {FARM_SAID}"),
                "Martin Luther King Jr.",
            ),
            (format!("J. K. Rowling said: {FARM_SAID}"), "J. K. Rowling"),
        ] {
            assert_speaker(FARM_LEAD, &line, speaker);
        }
    }

    #[test]
    fn a_short_sentence_with_a_colon_introduces_its_speaker() {
        for lead_in in [
            "Barnier was blunt:",
            "Barnier’s message was clear:",
            "Barnier's verdict:",
            "He did not hold back:",
        ] {
            assert_barnier_leads_in(lead_in);
        }
        assert_speaker(
            FARM_LEAD,
            "Bundeskanzler Friedrich Merz hat am Dienstag mit den Landwirten gesprochen. Merz \
             wurde deutlich: „Wir werden keinem Abkommen zustimmen, das unsere Landwirte \
             schlechter stellt als heute.“",
            "Friedrich Merz",
        );
        assert_speaker(
            FARM_LEAD,
            "Le président Emmanuel Macron a reçu mardi les agriculteurs. Macron a été clair : « \
             Nous n’accepterons aucun accord qui laisse nos agriculteurs dans une situation pire \
             qu’aujourd’hui. »",
            "Emmanuel Macron",
        );
        // an office opening the sentence speaks for the person named with it
        for (named, lead_in, said, speaker) in [
            (
                BARNIER_TITLED,
                "The minister was blunt:",
                FARM_SAID,
                "Jean Barnier",
            ),
            (
                "Le ministre de l’Agriculture, Jean Barnier, a reçu mardi les agriculteurs.",
                "Le ministre était catégorique :",
                "« Nous n’accepterons aucun accord qui laisse nos agriculteurs dans une \
                 situation pire qu’aujourd’hui. »",
                "Jean Barnier",
            ),
            (
                "Bundeskanzler Friedrich Merz hat am Dienstag mit den Landwirten gesprochen.",
                "Der Kanzler machte klar:",
                "„Wir werden keinem Abkommen zustimmen, das unsere Landwirte schlechter stellt \
                 als heute.“",
                "Friedrich Merz",
            ),
        ] {
            assert_speaker(FARM_LEAD, &format!("{named} {lead_in} {said}"), speaker);
        }
        assert_no_quote(
            FARM_LEAD,
            &format!("{BARNIER_TITLED} The former minister was blunt: {FARM_SAID}"),
        );
        // a place, a body or the writer is nobody the article named
        for lead_in in [
            "Germany’s position is clear:",
            "Brussels was blunt:",
            "Paris was in no mood to compromise:",
            "I put it to the minister:",
        ] {
            assert_no_quote(
                FARM_LEAD,
                &format!("{BARNIER_OFFICE} {lead_in} {FARM_SAID}"),
            );
        }
    }

    #[test]
    fn a_short_sentence_before_a_quotation_nothing_attributes_names_its_speaker() {
        for lead_in in [
            "Barnier did not mince his words.",
            "He was in no mood to compromise!",
        ] {
            assert_barnier_leads_in(lead_in);
        }
        // an office opening it speaks for the person named with it
        assert_speaker(
            FARM_LEAD,
            &format!("{BARNIER_TITLED} The minister did not mince his words. {FARM_SAID}"),
            "Jean Barnier",
        );
        // a place or a body is nobody; a sentence after the quotation may
        // be what attributes it, so it must end the paragraph
        for (lead_in, after) in [
            ("Germany was in no mood to compromise.", ""),
            ("Barnier did not mince his words.", " The talks went on."),
            (
                "The minister did not mince his words.",
                " The talks went on.",
            ),
        ] {
            assert_no_quote(
                FARM_LEAD,
                &format!("{BARNIER_OFFICE} {lead_in} {FARM_SAID}{after}"),
            );
        }
    }

    #[test]
    fn a_title_in_lower_case_before_the_speaker_after_the_quotation() {
        let said = FARM_SAID.trim_end_matches(".”");
        for (attribution, speaker) in [
            (
                "Commission chief Ursula von der Leyen said.",
                "Ursula von der Leyen",
            ),
            ("EU trade chief Maroš Šefčovič said.", "Maroš Šefčovič"),
            (
                "French farm minister Jean Barnier told reporters.",
                "Jean Barnier",
            ),
            ("EU foreign affairs chief Kaja Kallas said.", "Kaja Kallas"),
            (
                "outgoing Dutch prime minister Dick Schoof said.",
                "Dick Schoof",
            ),
        ] {
            assert_speaker(FARM_LEAD, &format!("{said},” {attribution}"), speaker);
        }
    }
}
