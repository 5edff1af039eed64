//! Pages rendered by React with streaming (Next.js and its kin) send the
//! article's text after the layout: each late part arrives as a hidden
//! `<div id="S:…">` at the end of the body, and a script moves it into the
//! place held by `<template id="B:…">` (a boundary, shown until then with a
//! fallback such as "Loading paragraph…") or `<template id="P:…">` (a bare
//! placeholder). We read pages without running their scripts, so the same
//! move is done here, before the main text is looked for; otherwise the
//! article is a column of "Loading…" lines and its text sits hidden at the
//! bottom of the page.

use std::collections::HashMap;
use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeData, NodeRef};

use crate::text::word_count;

/// Cheap test on the raw page: is there any streamed part to put in place?
pub fn has_streamed_parts(html: &str) -> bool {
    html.contains("id=\"S:")
}

/// Moves every hidden streamed part into its placeholder, dropping the
/// boundary's fallback. Returns how many parts were put in place.
pub fn put_in_place(page: &Document) -> usize {
    static PARTS: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new("[hidden][id^='S:']").expect("static selector"));
    static HOLDERS: LazyLock<Matcher> = LazyLock::new(|| {
        Matcher::new("template[id^='B:'], template[id^='P:']").expect("static selector")
    });
    let parts: HashMap<String, NodeRef<'_>> = page
        .select_matcher(&PARTS)
        .nodes()
        .iter()
        .filter_map(|part| Some((part.id_attr()?.get(2..)?.to_string(), *part)))
        .collect();
    if parts.is_empty() {
        return 0;
    }
    let mut placed = 0;
    for holder in page.select_matcher(&HOLDERS).nodes() {
        let Some(id) = holder.id_attr() else {
            continue;
        };
        let Some(part) = id.get(2..).and_then(|key| parts.get(key)) else {
            continue;
        };
        // a broken page may hold a placeholder inside its own part: moving
        // the part there would put a node inside itself
        if holder.ancestors_it(None).any(|above| above.id == part.id) {
            continue;
        }
        if id.starts_with('B') {
            drop_fallback(holder);
        }
        for child in part.children() {
            holder.insert_before(&child);
        }
        holder.remove_from_parent();
        part.remove_from_parent();
        placed += 1;
    }
    placed
}

/// A boundary's fallback runs from its template to the comment `/$` that
/// closes the boundary (boundaries nest: `$`, `$?` and `$!` open one). A page
/// saved without its comments keeps only the fallback element itself, which
/// is dropped when it is a few words at most ("Loading image…", a spinner).
fn drop_fallback(holder: &NodeRef<'_>) {
    let mut doomed = Vec::new();
    let mut depth = 0usize;
    let mut closed = false;
    let mut next = holder.next_sibling();
    while let Some(node) = next {
        next = node.next_sibling();
        if let Some(comment) = comment_of(&node) {
            match comment.as_str() {
                "/$" if depth == 0 => {
                    closed = true;
                    break;
                }
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
        doomed.push(node);
    }
    if closed {
        doomed.iter().for_each(|node| node.remove_from_parent());
        return;
    }
    const FALLBACK_MAX_WORDS: usize = 4;
    if let Some(fallback) = holder.next_element_sibling()
        && word_count(&fallback.text()) <= FALLBACK_MAX_WORDS
    {
        fallback.remove_from_parent();
    }
}

fn comment_of(node: &NodeRef<'_>) -> Option<String> {
    node.query(|n| match &n.data {
        NodeData::Comment { contents } => Some(contents.to_string()),
        _ => None,
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's paragraphs and headings, in order, once the parts are placed.
    fn blocks(html: &str) -> Vec<String> {
        let page = Document::from(html);
        put_in_place(&page);
        page.select("body h1, body p, body div:not(:has(*)), body span, body i")
            .iter()
            .map(|block| crate::text::fold_whitespace(&block.text()))
            .collect()
    }

    #[test]
    fn boundary_fallback_is_replaced_by_the_streamed_part() {
        let html = r#"<body><article><h1>Budget</h1>
            <!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->
            <p>Closing line.</p></article>
            <div hidden id="S:0"><p>The budget passed at midnight.</p></div></body>"#;
        assert_eq!(
            blocks(html),
            ["Budget", "The budget passed at midnight.", "Closing line."]
        );
    }

    #[test]
    fn pages_saved_without_comments_lose_only_a_short_fallback() {
        let html = r#"<body><div><template id="B:0"></template><div>Loading paragraph...</div>
            <template id="B:1"></template><p>A real paragraph stays where it is.</p></div>
            <div hidden id="S:0"><p>First streamed.</p></div>
            <div hidden id="S:1"><p>Second streamed.</p></div></body>"#;
        assert_eq!(
            blocks(html),
            [
                "First streamed.",
                "Second streamed.",
                "A real paragraph stays where it is."
            ]
        );
    }

    #[test]
    fn segments_and_nested_boundaries_are_resolved() {
        let html = r#"<body><main><template id="P:2"></template></main>
            <div hidden id="S:2"><p>Outer part.</p><!--$?--><template id="B:3"></template>
            <span>Loading</span><!--$--><i>inner fallback</i><!--/$--><!--/$--></div>
            <div hidden id="S:3"><p>Inner part.</p></div></body>"#;
        assert_eq!(blocks(html), ["Outer part.", "Inner part."]);
    }

    #[test]
    fn a_placeholder_inside_its_own_part_is_left_alone() {
        let html = r#"<body><div hidden id="S:0"><p>Streamed <template id="B:0"></template> text.</p></div>
            <p>After.</p></body>"#;
        assert_eq!(blocks(html), ["Streamed text.", "After."]);
    }

    #[test]
    fn pages_without_streaming_are_untouched() {
        let html = "<body><template id=\"B:0\"></template><p>Plain page.</p></body>";
        let page = Document::from(html);
        assert_eq!(put_in_place(&page), 0);
        assert!(!has_streamed_parts(html));
    }
}
