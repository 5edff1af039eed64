//! Splitting text into sentences without breaking at abbreviations,
//! initials or decimals.

use crate::text::word_count;

/// Words that end in a full stop without ending the sentence, compared
/// without their final dot and case-sensitively where case matters.
const ABBREVIATIONS: &[&str] = &[
    // English titles and common shortenings
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
    "Capt", "Sgt", "Maj", "Adm", "Rev", "Hon", "Pres", "No", "Nos", "vs", "etc", "approx", "est",
    "Inc", "Ltd", "Corp", "Co", "Mt", "Ft", "Ave", "cf", "al", "fig", "Fig", "pp", "vol",
    // months
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // dotted abbreviations, compared without their last dot
    "U.S", "U.K", "U.N", "E.U", "e.g", "i.e", "a.m", "p.m", "z.B", "z. B", "d.h", "u.a", "v.a",
    // French, German, Italian, Spanish
    "M", "Mme", "Mmes", "MM", "Mlle", "Me", "Dr", "bzw", "ca", "Nr", "Str", "ggf", "usw", "vgl",
    "Sig", "Sr", "Sra", "Dña", "Ud", "art", "Art", "Mio", "Mrd", "Tsd", "Jh", "Jhd", "Abs", "sog",
    "geb", "inkl", "evtl", "zzgl", "Hrsg", "Dipl", "Ing", "Dott", "Avv", "Srta", "Dra", "Sres",
    "Uds",
    // Italian titles in lower case ("il sig. Rossi", "il dott. Bianchi") and
    // "l'On. Meloni"; Dutch ones ("dhr. Schoof", "mevr. Keijzer", "mr.
    // Visser", "drs.", "ir.") and shortenings ("bijv.", "o.a.", "d.w.z.")
    "sig", "sigg", "dott", "avv", "prof", "ing", "On", "dhr", "mevr", "mr", "drs", "ir", "bijv",
    "o.a", "d.w.z", "m.b.t", "t.o.v", "i.p.v",
    // first halves of split German abbreviations ("z. B.", "d. h.", "u. a.", "v. a.", "o. ä.")
    "z", "d", "u", "v", "o",
];

/// Splits `text` into sentences, returned as trimmed slices of `text`.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // take the whole run of terminal punctuation and closing marks
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!'
                        | '?'
                        | '…'
                        | '"'
                        | '”'
                        | '’'
                        | '»'
                        | '«'
                        | '“'
                        | ')'
                        | ']'
                        | '\''
                        | '›'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let followed_by_space = j >= chars.len() || chars[j].1.is_whitespace();
            if followed_by_space
                && (j >= chars.len() || next_starts_sentence(&chars, j))
                && !(c == '.'
                    && (is_abbreviation(&text[start..pos])
                        || is_ordinal_date(&text[start..pos], &text[end..])))
            {
                let s = text[start..end].trim();
                if !s.is_empty() {
                    sentences.push(s);
                }
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

/// The opening sentences of `text`, as many as fit in `budget` words
/// together (none when the first alone is longer), and their word count.
pub fn sentences_within(text: &str, budget: usize) -> (Vec<&str>, usize) {
    let mut kept = Vec::new();
    let mut words = 0;
    for sentence in split_sentences(text) {
        let n = word_count(sentence);
        if words + n > budget {
            break;
        }
        words += n;
        kept.push(sentence);
    }
    (kept, words)
}

/// After white space, does the next word look like the start of a sentence?
fn next_starts_sentence(chars: &[(usize, char)], mut j: usize) -> bool {
    while j < chars.len() && chars[j].1.is_whitespace() {
        j += 1;
    }
    match chars.get(j) {
        None => true,
        Some(&(_, c)) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(
                    c,
                    '"' | '“' | '„' | '«' | '»' | '‘' | '\'' | '(' | '[' | '¿' | '¡' | '‚' | '‹'
                )
        }
    }
}

/// Words a German ordinal stands before: months ("am 3. Oktober", "bis
/// zum 1. Jan.") and centuries ("im 19. Jahrhundert").
pub const AFTER_AN_ORDINAL: &[&str] = &[
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Jan",
    "Feb",
    "Mär",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Okt",
    "Nov",
    "Dez",
    "Jahrhundert",
    "Jh",
    "Jhd",
];

/// A day or century written as a German ordinal, "3." or "19.", followed
/// by a month ("am 3. Oktober") or by "Jahrhundert": not a sentence's end.
fn is_ordinal_date(before: &str, after: &str) -> bool {
    let number = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphabetic());
    (1..=2).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && AFTER_AN_ORDINAL.contains(&next)
}

/// Does the text before a full stop end in an abbreviation or an initial?
pub fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '„' | '«'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // a single capital letter: an initial ("J. K. Rowling")
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true;
    }
    // after an elided article: "l'On. Meloni", "l’ing. Verdi"
    let elided = word.rsplit(['\'', '’']).next().unwrap_or(word);
    if ABBREVIATIONS.contains(&word) || ABBREVIATIONS.contains(&elided) {
        return true;
    }
    // "z. B." is split by a space: look at the last two words together
    let tail: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    if tail.len() == 2 {
        let pair = format!("{} {}", tail[1], tail[0]);
        if ABBREVIATIONS.contains(&pair.as_str()) {
            return true;
        }
    }
    // dotted acronyms such as "U.S" or "e.g" not in the list
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split_sentences("One two. Three four! Five?"),
            vec!["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        let text = "Mr. Smith met U.S. officials on Jan. 5 at 3.5 p.m. in Brussels. J. K. Rowling was there. Next.";
        let s = split_sentences(text);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].ends_with("Brussels."));
        assert_eq!(s[1], "J. K. Rowling was there.");
    }

    #[test]
    fn german_and_french_abbreviations() {
        let s = split_sentences("Es gibt z. B. Probleme. M. Macron a parlé. Fin.");
        assert_eq!(
            s,
            vec!["Es gibt z. B. Probleme.", "M. Macron a parlé.", "Fin."]
        );
    }

    #[test]
    fn italian_and_dutch_titles_and_shortenings() {
        for text in [
            "Il sig. Rossi e l'On. Meloni si sono incontrati a Roma. L'incontro è durato tre ore.",
            "Il dott. Bianchi e l'ing. Verdi hanno firmato il progetto. Il cantiere apre a maggio.",
            "Volgens dhr. Schoof en mevr. Keijzer is het plan o.a. bedoeld om sneller te bouwen. Het kabinet wil meer.",
            "Advocaat mr. Visser en ir. De Boer tekenden bijv. het contract in Utrecht. Daarna volgde de rest.",
        ] {
            assert_eq!(split_sentences(text).len(), 2, "{text}");
        }
    }

    #[test]
    fn german_ordinals_and_amounts() {
        let s = split_sentences(
            "Am 3. Oktober wurde gefeiert. Der Etat wächst um 4,5 Mrd. Euro. Im 19. Jahrhundert war das anders. Bis zum 1. Jan. bleibt alles.",
        );
        assert_eq!(
            s,
            vec![
                "Am 3. Oktober wurde gefeiert.",
                "Der Etat wächst um 4,5 Mrd. Euro.",
                "Im 19. Jahrhundert war das anders.",
                "Bis zum 1. Jan. bleibt alles.",
            ]
        );
        // a count at the end of a sentence still ends it
        assert_eq!(
            split_sentences("The vote was 52 to 48. Critics said it was rushed.").len(),
            2
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let s = split_sentences("He said: “We will win.” Then he left.");
        assert_eq!(s, vec!["He said: “We will win.”", "Then he left."]);
    }

    #[test]
    fn lowercase_after_full_stop_is_not_a_break() {
        assert_eq!(split_sentences("Version 2. it works.").len(), 1);
    }
}
