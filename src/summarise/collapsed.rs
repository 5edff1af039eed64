//! Sections folded away behind a button: accordions, "Show more" panels,
//! FAQ answers. The page hides each one (`display:none`, `hidden`,
//! `aria-hidden`) until its button, which names it in `aria-controls`, is
//! pressed. A reader can open them, so they are article text; Readability
//! drops whatever is hidden, so they are unfolded before it reads the page.

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, Matcher};

/// Cheap test on the raw page: does anything control another element?
pub fn has_controls(html: &str) -> bool {
    html.contains("aria-controls")
}

/// Shows every hidden element a control on the page opens. Returns how
/// many were unfolded.
pub fn unfold(page: &Document) -> usize {
    static CONTROLS: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new("[aria-controls]").expect("static selector"));
    static IDENTIFIED: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new("[id]").expect("static selector"));
    let controls: Vec<_> = page
        .select_matcher(&CONTROLS)
        .nodes()
        .iter()
        .filter_map(|c| c.attr("aria-controls"))
        .collect();
    let controlled: HashSet<&str> = controls
        .iter()
        .flat_map(|ids| ids.split_whitespace())
        .collect();
    if controlled.is_empty() {
        return 0;
    }
    let mut unfolded = 0;
    for node in page.select_matcher(&IDENTIFIED).nodes() {
        if !node
            .id_attr()
            .is_some_and(|id| controlled.contains(id.as_ref()))
        {
            continue;
        }
        let mut shown = false;
        if node.has_attr("hidden") {
            node.remove_attr("hidden");
            shown = true;
        }
        if node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
            node.remove_attr("aria-hidden");
            shown = true;
        }
        if let Some(style) = node.attr("style") {
            let folded: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if folded.contains("display:none") || folded.contains("visibility:hidden") {
                node.remove_attr("style");
                shown = true;
            }
        }
        unfolded += usize::from(shown);
    }
    unfolded
}

#[cfg(test)]
mod tests {
    use super::super::extract::extract;

    fn para(n: usize) -> String {
        format!(
            "<p>Step {n} of the installation: the crew checks the roof, the wiring and the \
             permits before the panels go up, and the utility signs off on the meter.</p>"
        )
    }

    #[test]
    fn folded_sections_are_read_but_hidden_furniture_is_not() {
        let sections: String = (1..=4)
            .map(|n| {
                format!(
                    "<div class=accordion><a role=button aria-controls=\"sec{n} extra\" \
                     aria-expanded=false>Week {n}</a>\
                     <div id=\"sec{n}\" style=\"display: None;\" role=region>{}</div></div>",
                    para(n)
                )
            })
            .collect();
        let page = format!(
            "<html><head><title>Installing solar panels</title></head><body><article>\
             <h1>Installing solar panels</h1>{}{sections}\
             <div id=sec5 hidden>{}</div><div aria-hidden=true id=\"sec6\">{}</div>\
             <div style=\"display:none\">Cookie settings saved for this visit only.</div>\
             </article></body></html>",
            para(0),
            para(5),
            para(6),
        );
        let paragraphs = extract(&page).paragraphs;
        for n in 1..=4 {
            assert!(
                paragraphs
                    .iter()
                    .any(|p| p.starts_with(&format!("Step {n} "))),
                "section {n} missing from {paragraphs:?}"
            );
        }
        // hidden, but no control opens them
        for hidden in ["Step 5 ", "Step 6 ", "Cookie settings"] {
            assert!(
                !paragraphs.iter().any(|p| p.starts_with(hidden)),
                "{hidden}"
            );
        }
    }

    #[test]
    fn every_way_of_hiding_is_undone_for_a_controlled_element() {
        let page = dom_query::Document::from(
            "<button aria-controls=a>A</button><button aria-controls='b c'>B</button>\
             <div id=a hidden>a</div><div id=b aria-hidden=true>b</div>\
             <div id=c style='visibility: hidden'>c</div><div id=d hidden>d</div>",
        );
        assert_eq!(super::unfold(&page), 3);
        assert!(page.select("#d").has_attr("hidden"));
        assert!(!page.select("#c").has_attr("style"));
    }
}
