//! Furniture a page marks by class, taken out before Readability reads
//! it. Six kinds:
//!
//! - The standfirst (a "dek" in American newsrooms): the sentence or two
//!   set under the headline to sell the story. It is a subtitle, not the
//!   story's first paragraph, and it repeats what the story says, so
//!   neither the body nor the lead should start with it.
//! - The photo caption: it describes a picture the digest does not show.
//! - The kicker (an "eyebrow", "overline" or "supertitle") set above the headline: a
//!   label of a few words such as "Haushalt 2027", not a sentence of the
//!   story.
//! - The breadcrumb trail ("Accueil › Politique"), which a page may set
//!   inside its article as a list, one link per line.
//! - The byline block (date, writer, place, share buttons, often glued
//!   together as inline elements) and the list of the story's tags.
//!
//! All are found by the page's own class names (or the component names
//! it sets in `data-` attributes), not guessed from their words. The
//! page's text is scanned for those names first, so the parsed page is
//! only searched for the ones it actually uses.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use dom_query::{Document, Matcher};
use regex::Regex;

use crate::text::word_count;

/// Words that name a kicker, a standfirst, a caption, a breadcrumb trail,
/// a byline or a list of tags inside a class token, split at `-` and `_`
/// ("article__kicker", "article__standfirst", "ArticleHero_dek__x1",
/// "v2-subhed", "subhead", "photo-caption", "wp-caption",
/// "c-breadcrumb__item", "byline-block", "post-tags").
const NAMES: [&str; 16] = [
    "kicker",
    "eyebrow",
    "overline",
    "supertitle",
    "dek",
    "deck",
    "standfirst",
    "subhed",
    "subheadline",
    "subhead",
    "strapline",
    "caption",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "tags",
];

/// Whole class tokens that mark a post's excerpt set above the post
/// itself (WordPress's excerpt block, Elementor's excerpt widget). A bare
/// "post-excerpt" is not one: listings of other posts use it.
const EXCERPT_BLOCKS: [&str; 2] = [
    "wp-block-post-excerpt",
    "elementor-widget-theme-post-excerpt",
];

/// A standfirst or a caption is a sentence or two; anything longer that
/// carries the class is a wrapper around more than that.
const MAX_WORDS: usize = 60;

/// Does this one class token mark a standfirst or a caption?
fn is_marked(token: &str) -> bool {
    EXCERPT_BLOCKS.contains(&token) || token.split(['-', '_']).any(|word| NAMES.contains(&word))
}

/// The marking class tokens the page's markup uses, read from its text:
/// every hit of a name that falls inside a `class` attribute gives that
/// attribute's tokens. One pass over the page for all the names at once.
pub fn marked_classes(html: &str) -> BTreeSet<&str> {
    static ANY_NAME: LazyLock<Regex> = LazyLock::new(|| {
        let names: Vec<&str> = NAMES.into_iter().chain(["post-excerpt"]).collect();
        Regex::new(&names.join("|")).expect("marking class names")
    });
    let mut found = BTreeSet::new();
    let mut from = 0;
    while let Some(hit) = ANY_NAME.find_at(html, from) {
        from = hit.end();
        let Some((value, end)) = class_value_around(html, hit.start()) else {
            continue;
        };
        found.extend(value.split_ascii_whitespace().filter(|t| is_marked(t)));
        from = from.max(end);
    }
    found
}

/// The value of the marking attribute (`class`, …) that byte `at` falls
/// inside, and where the value ends; `None` when `at` is in text or
/// another attribute.
fn class_value_around(html: &str, at: usize) -> Option<(&str, usize)> {
    let before = &html[..at];
    let open = before.rfind(['"', '\'', '<', '>', '='])?;
    match html.as_bytes()[open] {
        quote @ (b'"' | b'\'') => {
            let name = before[..open].trim_end().strip_suffix('=')?;
            if !names_marking_attribute(name) {
                return None;
            }
            let end = at + html[at..].find(char::from(quote))?;
            Some((&html[open + 1..end], end))
        }
        // an unquoted value: one token, up to a space or the tag's end
        b'=' if !before[open + 1..].contains(|c: char| c.is_ascii_whitespace()) => {
            if !names_marking_attribute(&before[..open]) {
                return None;
            }
            let end = at
                + html[at..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(html.len() - at);
            Some((&html[open + 1..end], end))
        }
        _ => None,
    }
}

/// Attributes whose tokens name what an element is: the class, and the
/// names pages built from components give them where their classes are
/// hashed (the Guardian's `data-gu-name="standfirst"`, `data-testid`,
/// `data-component`).
const MARKING_ATTRIBUTES: [&str; 4] = ["class", "data-gu-name", "data-testid", "data-component"];

/// Does the text before an attribute's `=` end in one of
/// `MARKING_ATTRIBUTES`, as a name of its own (not `data-class`)?
fn names_marking_attribute(before_equals: &str) -> bool {
    let name = before_equals.trim_end();
    MARKING_ATTRIBUTES.iter().any(|attribute| {
        let Some(at) = name.len().checked_sub(attribute.len()) else {
            return false;
        };
        name.is_char_boundary(at)
            && name[at..].eq_ignore_ascii_case(attribute)
            && name[..at].ends_with(|c: char| c.is_ascii_whitespace())
    })
}

/// Removes every standfirst and caption the page marks with one of
/// `classes`, and returns how many. An element holding the headline or
/// more than a standfirst's words is left: it wraps the story, not only
/// its standfirst or caption.
pub fn remove(page: &Document, classes: &BTreeSet<&str>) -> usize {
    if classes.is_empty() {
        return 0;
    }
    let selector: Vec<String> = classes
        .iter()
        .flat_map(|token| {
            let token = token.replace(['"', '\\'], "");
            MARKING_ATTRIBUTES.map(|attribute| format!("[{attribute}~=\"{token}\"]"))
        })
        .collect();
    let Ok(candidates) = Matcher::new(&selector.join(", ")) else {
        return 0;
    };
    static CONTAINERS: LazyLock<Matcher> = LazyLock::new(|| {
        Matcher::new("html, body, main, article, section").expect("static selector")
    });
    static HEADLINE: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new("h1").expect("static selector"));
    let mut removed = 0;
    for node in page.select_matcher(&candidates).nodes() {
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
    fn class_tokens_that_mark_a_standfirst_or_caption() {
        for (html, token) in [
            (r#"<p class="dek">"#, "dek"),
            (
                r#"<p class="article__standfirst h5">"#,
                "article__standfirst",
            ),
            (
                r#"<div class='ArticleHero_dek__EqdkK'>"#,
                "ArticleHero_dek__EqdkK",
            ),
            (r#"<p class=v2-subhed>"#, "v2-subhed"),
            (r#"<h2 class="display-5 subhead spacer-small">"#, "subhead"),
            (
                r#"<p id=x CLASS = "content-subheadline">"#,
                "content-subheadline",
            ),
            (
                r#"<div class="wp-block-post-excerpt has-text-color">"#,
                "wp-block-post-excerpt",
            ),
            (r#"<p class="strapline">"#, "strapline"),
            (r#"<span class="article__kicker">"#, "article__kicker"),
            (r#"<p class="eyebrow text-sm">"#, "eyebrow"),
            (r#"<div class="photo-caption mt-2">"#, "photo-caption"),
            (r#"<div class="wp-caption alignnone">"#, "wp-caption"),
            (r#"<div data-gu-name="standfirst">"#, "standfirst"),
            (r#"<p data-testid="article-dek">"#, "article-dek"),
            (r#"<div class="c-byline">"#, "c-byline"),
            (r#"<div data-component="byline-block">"#, "byline-block"),
            (r#"<ul class="post-tags">"#, "post-tags"),
        ] {
            assert_eq!(marked_classes(html), BTreeSet::from([token]), "{html}");
        }
        for html in [
            r#"<div class="post-excerpt">"#,
            r#"<div class="decked-out dekstop-nav">"#,
            r#"<h2 class="subheading">"#,
            r#"<p class="intro summary">"#,
            r#"<div class="captioned-button-wrap">"#,
            r#"<p data-class="dek">"#,
            r#"<a title="caption">"#,
            "<p>On deck, the caption read: standfirst.</p>",
        ] {
            assert!(marked_classes(html).is_empty(), "{html}");
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
    fn a_standfirst_marked_by_component_name_is_neither_body_nor_lead() {
        let html = page(
            "<div data-gu-name=\"standfirst\"><div class=\"dcr-1yi1cnj\"><p>Drivers face a \
             long detour for a year and a half, but buses and bikes keep their route</p></div></div>",
        );
        let paragraphs = extract(&html).paragraphs;
        assert!(
            !paragraphs.iter().any(|p| p.starts_with("Drivers face")),
            "{paragraphs:?}"
        );
        let summary = crate::summarise::summarise(&html, 60);
        assert!(
            summary.lead.starts_with("The city council voted"),
            "{}",
            summary.lead
        );
    }

    #[test]
    fn a_byline_block_and_tags_marked_by_component_name_are_not_body() {
        let html = page(
            "<div data-component=\"byline-block\"><time>27 November 2026</time><span>Anna \
             Holligan</span><span>BBC News, The Hague</span><a>Share</a></div>",
        )
        .replace(
            "</article>",
            "<div data-component=\"tags\"><a>Netherlands</a><a>Europe</a></div></article>",
        );
        let paragraphs = extract(&html).paragraphs;
        assert!(
            paragraphs[0].starts_with("The city council voted"),
            "{paragraphs:?}"
        );
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    }

    #[test]
    fn a_caption_marked_by_class_is_not_body() {
        let html = page(
            "<div class=\"wp-caption aligncenter\"><img src=\"bridge.jpg\">\
             <p class=\"wp-caption-text\">The harbour bridge at dusk, seen from the \
             old customs house. Photo courtesy of the council</p></div>",
        );
        let paragraphs = extract(&html).paragraphs;
        assert!(
            paragraphs[0].starts_with("The city council voted"),
            "{paragraphs:?}"
        );
        assert!(!paragraphs.iter().any(|p| p.contains("at dusk")));
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    }

    #[test]
    fn a_kicker_and_a_breadcrumb_list_inside_the_article_are_not_body() {
        let html = page(
            "<span class=\"eyebrow\">Harbour works</span><ul class=\"c-breadcrumb\"><li class=\"c-breadcrumb__item\"><a href=\"/\">Accueil</a></li>\
             <li class=\"c-breadcrumb__item\"><a href=\"/politique/\">Politique</a></li></ul>",
        );
        assert_eq!(
            marked_classes(&html),
            BTreeSet::from(["c-breadcrumb", "c-breadcrumb__item", "eyebrow"])
        );
        let paragraphs = extract(&html).paragraphs;
        assert!(
            paragraphs[0].starts_with("The city council voted"),
            "{paragraphs:?}"
        );
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
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
        assert_eq!(remove(&document, &marked_classes(&html)), 0);
        assert!(document.select("h1").exists());
    }
}
