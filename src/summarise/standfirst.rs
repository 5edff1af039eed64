//! The standfirst (a "dek" in American newsrooms): the sentence or two a
//! page sets under its headline to sell the story. It is a subtitle, not
//! the story's first paragraph, and it repeats what the story says, so it
//! is taken out before Readability reads the page: neither the body nor
//! the lead starts with it. Pages name it in their markup, so it is found
//! by class, not guessed from its words.

use std::sync::LazyLock;

use dom_query::{Document, Matcher};
use regex::Regex;

use crate::text::word_count;

/// Words that name a standfirst inside a class token, split at `-` and
/// `_` ("article__standfirst", "ArticleHero_dek__x1", "v2-subhed").
const NAMES: [&str; 6] = [
    "dek",
    "deck",
    "standfirst",
    "subhed",
    "subheadline",
    "strapline",
];

/// Whole class tokens that mark a post's excerpt set above the post
/// itself (WordPress's excerpt block, Elementor's excerpt widget). A bare
/// "post-excerpt" is not one: listings of other posts use it.
const EXCERPT_BLOCKS: [&str; 2] = [
    "wp-block-post-excerpt",
    "elementor-widget-theme-post-excerpt",
];

/// A standfirst is a sentence or two; anything longer that carries the
/// class is a wrapper around more than the standfirst.
const MAX_WORDS: usize = 60;

/// What a class attribute must contain to name a standfirst at all (every
/// excerpt block's token holds "post-excerpt").
fn class_fragments() -> impl Iterator<Item = &'static str> {
    NAMES.into_iter().chain(["post-excerpt"])
}

/// Cheap test on the page: could any class name a standfirst? One pass
/// over the page for all the names at once.
pub fn may_have_standfirst(html: &str) -> bool {
    static ANY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&class_fragments().collect::<Vec<_>>().join("|")).expect("standfirst names")
    });
    ANY_NAME.is_match(html)
}

fn names_standfirst(class: &str) -> bool {
    class.split_whitespace().any(|token| {
        EXCERPT_BLOCKS.contains(&token) || token.split(['-', '_']).any(|word| NAMES.contains(&word))
    })
}

/// Removes every standfirst the page marks, and returns how many. An
/// element holding the headline or more than a standfirst's words is
/// left: it wraps the story, not only its standfirst.
pub fn remove(page: &Document) -> usize {
    static CANDIDATES: LazyLock<Matcher> = LazyLock::new(|| {
        let selectors: Vec<String> = class_fragments()
            .map(|name| format!("[class*={name}]"))
            .collect();
        Matcher::new(&selectors.join(", ")).expect("standfirst selector")
    });
    static CONTAINERS: LazyLock<Matcher> = LazyLock::new(|| {
        Matcher::new("html, body, main, article, section").expect("static selector")
    });
    static HEADLINE: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new("h1").expect("static selector"));
    let mut removed = 0;
    for node in page.select_matcher(&CANDIDATES).nodes() {
        if !node.attr("class").is_some_and(|c| names_standfirst(&c)) {
            continue;
        }
        if node.is_match(&CONTAINERS)
            || dom_query::Selection::from(*node)
                .select_single_matcher(&HEADLINE)
                .exists()
            || word_count(&node.text()) > MAX_WORDS
        {
            continue;
        }
        node.remove_from_parent();
        removed += 1;
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::super::extract::extract;
    use super::*;

    const STORY: &str = "<p>The city council voted on Tuesday to close the old harbour \
        bridge to cars from March, after engineers found corrosion in two of its \
        supporting piers during a routine inspection.</p>\
        <p>Buses and bicycles will still cross while the repairs, expected to take \
        eighteen months, are carried out in stages over the winter and spring.</p>\
        <p>The council will publish the detours and the new bus timetable online \
        next week, and shops near the bridge will get help with deliveries.</p>";

    fn page(head: &str) -> String {
        format!(
            "<html><head><title>Harbour bridge to close to cars</title></head><body>\
             <article><h1>Harbour bridge to close to cars</h1>{head}{STORY}</article>\
             </body></html>"
        )
    }

    #[test]
    fn class_tokens_that_name_a_standfirst() {
        for class in [
            "dek",
            "article__standfirst h5",
            "ArticleHero_dek__EqdkK",
            "v2-subhed",
            "content-subheadline",
            "wp-block-post-excerpt has-text-color",
            "strapline",
        ] {
            assert!(names_standfirst(class), "{class}");
        }
        for class in [
            "post-excerpt",
            "decked-out",
            "dekstop-nav",
            "subheading",
            "intro",
            "summary",
        ] {
            assert!(!names_standfirst(class), "{class}");
        }
    }

    #[test]
    fn the_standfirst_is_neither_body_nor_lead() {
        let html = page(
            "<p class=\"article__standfirst\">Drivers face a long detour for a year and \
             a half, but buses and bikes keep their route.</p>",
        );
        let paragraphs = extract(&html).paragraphs;
        assert!(
            paragraphs[0].starts_with("The city council voted"),
            "{paragraphs:?}"
        );
        assert!(!paragraphs.iter().any(|p| p.starts_with("Drivers face")));
        let summary = crate::summarise::summarise(&html, 60);
        assert!(summary.lead.starts_with("The city council voted"));
    }

    #[test]
    fn a_wrapper_holding_the_headline_or_the_story_stays() {
        let html = format!(
            "<html><head><title>Harbour bridge to close to cars</title></head><body>\
             <div class=\"title-deck-block\"><h1>Harbour bridge to close to cars</h1>\
             <p>By a staff reporter</p></div><div class=\"deck-layout\">{STORY}</div>\
             </body></html>"
        );
        let document = Document::from(html.as_str());
        assert_eq!(remove(&document), 0);
        assert!(document.select("h1").exists());
    }
}
