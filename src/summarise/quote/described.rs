//! A description standing for the person it was first set beside: a
//! report names "Kaja Kallas, the EU's top diplomat," once and later
//! writes "…," the EU's top diplomat said. The speaker is the person the
//! article last set that same description beside, with commas, before the
//! quotation ("Kaja Kallas, the EU's top diplomat," or "the EU's top
//! diplomat, Kaja Kallas,"). A description the article never set beside a
//! name gives no speaker: "the spokesman said" may be anyone.

use std::sync::LazyLock;

use regex::Regex;

use super::names::reduce_name;
use super::patterns::{AFTER_QUOTATION, NAME, VERBS, attribution_regex};

/// Most words a description may have after its article.
const DESCRIPTION_WORDS: usize = 6;

/// "the EU's top diplomat" beside the quotation: before the verb ("…," the
/// EU's top diplomat said) or after it ("…," said the EU's top diplomat.).
/// Up to `DESCRIPTION_WORDS` words of any case ("the EU's top diplomat",
/// "the Dutch finance minister"); the description ends at the verb or at
/// the sentence's end.
static BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    let description = format!(
        r"(?i:the)\s+[\p{{L}}’'\-]+(?:\s+[\p{{L}}’'\-]+){{0,{}}}?",
        DESCRIPTION_WORDS - 1
    );
    attribution_regex(&format!(
        r"{AFTER_QUOTATION}(?:(?P<subject>{description})\s+(?:{VERBS})(?:[^\p{{L}}\p{{N}}_]|$)|(?:{VERBS})\s+(?P<object>{description})\s*(?:[.,;!?)]|$))"
    ))
    .expect("description beside a quotation")
});

/// The description beside a quotation, from the text after it, without
/// its article: "EU's top diplomat".
pub(super) fn description_beside(after: &str) -> Option<&str> {
    let caps = BESIDE.captures(after)?;
    let description = caps
        .name("subject")
        .or_else(|| caps.name("object"))?
        .as_str();
    let (_, words) = description.split_once(char::is_whitespace)?;
    let words = words.trim_start();
    // a pronoun-like article alone ("the latter") or a single common noun
    // ("the minister": the office's work) tells too little
    (words.split_whitespace().count() >= 2).then_some(words)
}

/// The person last set beside `description` in `paragraphs` before
/// `(paragraph, offset)`.
pub(super) fn described(
    description: &str,
    paragraphs: &[String],
    paragraph: usize,
    offset: usize,
) -> Option<String> {
    let texts = || {
        paragraphs[..=paragraph]
            .iter()
            .enumerate()
            .rev()
            .map(|(k, p)| {
                if k == paragraph {
                    &p[..offset]
                } else {
                    p.as_str()
                }
            })
    };
    // the pattern is built for this description only when the text before
    // the quotation holds its first word at all
    let first = description.split_whitespace().next()?.to_lowercase();
    if !texts().any(|text| text.to_lowercase().contains(&first)) {
        return None;
    }
    let words = regex::escape(description).replace(' ', r"\s+");
    let beside = attribution_regex(&format!(
        r"(?P<before>{NAME}),\s+(?i:the)\s+(?i:{words}),|(?i:the)\s+(?i:{words}),\s+(?P<after>{NAME})\s*[,.;]"
    ))
    .ok()?;
    texts().find_map(|text| {
        beside
            .captures_iter(text)
            .filter_map(|caps| {
                let name = caps.name("before").or_else(|| caps.name("after"))?;
                reduce_name(name.as_str())
            })
            .last()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_beside_a_quotation() {
        for (after, description) in [
            (", the EU's top diplomat said.", Some("EU's top diplomat")),
            (
                ", said the bloc’s foreign policy chief.",
                Some("bloc’s foreign policy chief"),
            ),
            (
                ", the Dutch finance minister told reporters.",
                Some("Dutch finance minister"),
            ),
            (", the minister said.", None),
            (", said Kaja Kallas.", None),
            (
                ", the EU's top diplomat said on a visit to Kyiv.",
                Some("EU's top diplomat"),
            ),
        ] {
            assert_eq!(description_beside(after), description, "{after}");
        }
    }

    #[test]
    fn the_person_set_beside_the_description() {
        let paragraphs: Vec<String> = [
            "Kaja Kallas, the EU's top diplomat, arrived in Kyiv on Monday.",
            "The European Council's president, António Costa, stayed in Brussels.",
            "“We will keep our promise to Ukraine this winter,” the EU's top diplomat said.",
        ]
        .map(String::from)
        .to_vec();
        let at = paragraphs[2].len();
        assert_eq!(
            described("EU's top diplomat", &paragraphs, 2, at).as_deref(),
            Some("Kaja Kallas")
        );
        let p = vec!["The EU's top diplomat, Kaja Kallas, arrived in Kyiv.".to_string()];
        assert_eq!(
            described("EU's top diplomat", &p, 0, p[0].len()).as_deref(),
            Some("Kaja Kallas")
        );
        // never set beside a name
        assert_eq!(described("bloc's top diplomat", &paragraphs, 2, at), None);
    }
}
