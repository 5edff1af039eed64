//! The plain-text twin: wrapped at 72 columns, sections underlined, links
//! as numbered references listed at the end of each section.

use std::fmt::Write;

use super::{Briefing, Page, local_time};
use crate::model::EditionSection;

/// Column at which prose is wrapped.
const WIDTH: usize = 72;

/// The masthead, rendered once per edition.
pub(crate) fn header(briefing: &Briefing, date_line: &str) -> String {
    format!("{}\n{date_line}\n\n", briefing.title.to_uppercase())
}

/// The greeting line of one reader.
pub(crate) fn greeting(greeting: &str) -> String {
    let mut out = String::new();
    push_wrapped(&mut out, greeting, "");
    out
}

/// One section: underlined name, articles with numbered links, the links.
pub(crate) fn section_block(section: &EditionSection, briefing: &Briefing) -> String {
    let mut out = String::new();
    out.push('\n');
    let _ = writeln!(out, "{}", section.name);
    let _ = writeln!(
        out,
        "{}",
        "=".repeat(textwrap::core::display_width(&section.name).max(3))
    );
    let mut links = Vec::new();
    for article in &section.articles {
        out.push('\n');
        links.push(article.url.clone());
        let headline = format!("{} [{}]", article.title, links.len());
        push_wrapped(&mut out, &headline, "");
        let meta = match local_time(briefing, article.published) {
            Some(time) => format!("{} · {}", article.source, time),
            None => article.source.clone(),
        };
        push_wrapped(&mut out, &meta, "");
        out.push('\n');
        push_wrapped(&mut out, &article.lead, "");
        if let Some(quote) = &article.quote {
            out.push('\n');
            push_wrapped(&mut out, &format!("“{}”", quote.text), "  > ");
            if let Some(speaker) = &quote.speaker {
                push_wrapped(&mut out, &format!("— {speaker}"), "    ");
            }
        }
    }
    out.push('\n');
    for (i, link) in links.iter().enumerate() {
        let _ = writeln!(out, "[{}] {}", i + 1, link);
    }
    out
}

/// The footer of one reader: why, address, unsubscribe and browser links.
pub(crate) fn footer(page: &Page<'_>) -> String {
    let mut out = String::new();
    out.push('\n');
    let _ = writeln!(out, "{}", "-".repeat(WIDTH));
    push_wrapped(&mut out, &page.why(), "");
    if let Some(address) = &page.briefing.postal_address {
        push_wrapped(&mut out, address, "");
    }
    out.push('\n');
    let _ = writeln!(out, "Unsubscribe:");
    let _ = writeln!(out, "{}", page.reader.unsubscribe_url);
    let _ = writeln!(out, "View in your browser:");
    let _ = writeln!(out, "{}", page.view_online_url());
    out
}

fn push_wrapped(out: &mut String, text: &str, indent: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false);
    for line in textwrap::wrap(text, options) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
