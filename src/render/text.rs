//! The plain-text twin: wrapped at 72 columns, sections underlined, links
//! as numbered references listed at the end of each section.

use std::fmt::Write;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::{Briefing, Page, clean_text, local_time, view_online_url};
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
    push_wrapped_fast(&mut out, greeting, "");
    out
}

/// One section: underlined name, its first `kept` articles with numbered
/// links, the "more online" line when cut, then the links.
pub(crate) fn section_block(
    section: &EditionSection,
    kept: usize,
    more: Option<&(String, String)>,
    timezone: Tz,
) -> String {
    let mut out = String::new();
    out.push('\n');
    let name = clean_text(&section.name, 120);
    let _ = writeln!(out, "{name}");
    let _ = writeln!(
        out,
        "{}",
        "=".repeat(textwrap::core::display_width(&name).clamp(3, WIDTH))
    );
    let mut links = Vec::new();
    for article in section.articles.iter().take(kept) {
        out.push('\n');
        let title = clean_text(&article.title, 300);
        let headline = match super::html::safe_link(&article.url) {
            Some(url) => {
                links.push(url);
                format!("{title} [{}]", links.len())
            }
            None => title,
        };
        push_wrapped(&mut out, &headline, "");
        let source = clean_text(&article.source, 80);
        let meta = match local_time(timezone, article.published) {
            Some(time) => format!("{source} · {time}"),
            None => source,
        };
        push_wrapped(&mut out, &meta, "");
        out.push('\n');
        push_wrapped(&mut out, &clean_text(&article.lead, 2_000), "");
        if let Some(quote) = &article.quote {
            out.push('\n');
            push_wrapped(
                &mut out,
                &format!("“{}”", clean_text(&quote.text, 1_000)),
                "  > ",
            );
            if let Some(speaker) = &quote.speaker {
                push_wrapped(&mut out, &format!("— {}", clean_text(speaker, 120)), "    ");
            }
        }
    }
    if let Some((line, url)) = more {
        out.push('\n');
        push_wrapped(&mut out, &format!("{line}:"), "");
        let _ = writeln!(out, "{url}");
    }
    out.push('\n');
    for (i, link) in links.iter().enumerate() {
        let _ = writeln!(out, "[{}] {}", i + 1, link);
    }
    out
}

/// The footer of one reader: why, address, unsubscribe and browser links.
pub(crate) fn footer(page: &Page<'_>, date: NaiveDate) -> String {
    let text = &page.briefing.theme.text;
    let mut out = String::new();
    out.push('\n');
    let _ = writeln!(out, "{}", "-".repeat(WIDTH));
    push_wrapped_fast(&mut out, &page.why(), "");
    if let Some(address) = &page.briefing.postal_address {
        push_wrapped_fast(&mut out, address, "");
    }
    if let Some(note) = &page.briefing.note_text {
        push_wrapped_fast(&mut out, note, "");
    }
    out.push('\n');
    let _ = writeln!(out, "{}:", text.unsubscribe);
    let _ = writeln!(out, "{}", page.reader.unsubscribe_url);
    let _ = writeln!(out, "{}:", text.view_online);
    let _ = writeln!(out, "{}", view_online_url(page.briefing, date));
    out
}

/// The sanitised footer note as text: tags dropped, a link's address put
/// after its text when the text does not already say it.
pub(crate) fn note_text(html: &str) -> String {
    fn walk(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String) {
        for child in node.children() {
            match child.value() {
                scraper::Node::Text(t) => out.push_str(t),
                scraper::Node::Element(el) if el.name() == "br" => out.push(' '),
                scraper::Node::Element(el) => {
                    let start = out.len();
                    walk(child, out);
                    if let Some(href) = el.attr("href").filter(|_| el.name() == "a") {
                        let target = href.strip_prefix("mailto:").unwrap_or(href);
                        if out[start..].trim() != target {
                            out.push_str(&format!(" <{target}>"));
                        }
                    }
                }
                _ => walk(child, out),
            }
        }
    }
    let fragment = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    walk(*fragment.root_element(), &mut out);
    out
}

/// Wraps prose with the optimal-fit algorithm: even line lengths, for the
/// parts rendered once per edition.
fn push_wrapped(out: &mut String, text: &str, indent: &str) {
    wrap_into(
        out,
        text,
        indent,
        textwrap::WrapAlgorithm::new_optimal_fit(),
    );
}

/// Wraps with first fit: for the short per-reader lines, where optimal fit
/// would cost more than it shows.
fn push_wrapped_fast(out: &mut String, text: &str, indent: &str) {
    wrap_into(out, text, indent, textwrap::WrapAlgorithm::FirstFit);
}

fn wrap_into(out: &mut String, text: &str, indent: &str, algorithm: textwrap::WrapAlgorithm) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .wrap_algorithm(algorithm);
    for line in textwrap::wrap(text, options) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
