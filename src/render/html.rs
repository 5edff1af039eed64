//! The HTML digest: table layout for every mail client from Outlook to Apple
//! Mail, styled by the editor's `templates/digest.css`, which css-inline
//! writes into each element's `style` attribute (the `@media` rules for dark
//! mode and phones stay in a `<style>` block). Feed text is escaped by Maud.
//!
//! The whole edition is rendered and inlined once per language and timezone,
//! with HTML comments marking where the per-subscriber parts go and where
//! each section and article begins; [`Layout::parse`] cuts it there, so a
//! subscriber's digest is assembled from inlined pieces without parsing
//! HTML again.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Briefing, Locale, clean_text, local_time};
use crate::model::{EditionArticle, EditionSection};

/// Placeholders replaced per subscriber inside the inlined footer, and per
/// cut section inside the "more online" line. They are plain ASCII so they
/// survive HTML serialisation in text and attributes alike.
pub(crate) const WHY: &str = "ND-PLACEHOLDER-WHY";
pub(crate) const UNSUBSCRIBE_URL: &str = "ND-PLACEHOLDER-UNSUBSCRIBE-URL";
pub(crate) const MORE_TEXT: &str = "ND-PLACEHOLDER-MORE-TEXT";

/// Longest headline kept, in characters; a feed can send anything.
const MAX_TITLE_CHARS: usize = 300;

fn marker(name: &str) -> PreEscaped<String> {
    PreEscaped(format!("<!--ND:{name}-->"))
}

/// The whole edition as one document, with markers, before inlining.
pub(crate) fn document(
    briefing: &Briefing,
    locale: &Locale,
    sections: &[EditionSection],
) -> String {
    let text = &briefing.theme.text;
    let markup = html! {
        (DOCTYPE)
        html lang=(locale.language.html_tag()) dir=(locale.language.direction()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="X-UA-Compatible" content="IE=edge";
                meta name="color-scheme" content="light dark";
                meta name="supported-color-schemes" content="light dark";
                title { (briefing.title) " · " (locale.date_line) }
                style { (PreEscaped(&briefing.theme.css)) }
            }
            body class="bg" {
                div class="preheader" style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:transparent;" {
                    (marker("preheader"))
                }
                table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="bg" {
                    tr { td align="center" class="outer" {
                        table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" {
                            tr { td class="masthead" {
                                h1 { (briefing.title) }
                                p { (locale.date_line) " · " (text.tagline) }
                            } }
                            tr { td class="greeting" { (marker("greeting")) } }
                            @for section in sections {
                                (marker("section"))
                                tr { td class="section-head" { h2 { (clean_text(&section.name, 120)) } } }
                                @for article in &section.articles {
                                    (marker("article"))
                                    tr { td class="article" { (article_block(briefing, locale, article)) } }
                                }
                                (marker("more"))
                                tr { td class="article" {
                                    p class="more-online" {
                                        a class="link" href=(view_online_url(briefing, locale)) { (MORE_TEXT) }
                                    }
                                } }
                                (marker("section-end"))
                            }
                            (marker("footer"))
                            tr { td class="footer" { (footer(briefing, locale)) } }
                            (marker("footer-end"))
                        }
                    } }
                }
            }
        }
    };
    markup.into_string()
}

fn view_online_url(briefing: &Briefing, locale: &Locale) -> String {
    super::view_online_url(briefing, locale.date)
}

fn footer(briefing: &Briefing, locale: &Locale) -> Markup {
    let text = &briefing.theme.text;
    html! {
        p { (WHY) }
        @if let Some(address) = &briefing.postal_address {
            p { (address) }
        }
        @if let Some(note) = &briefing.note_html {
            p { (PreEscaped(note)) }
        }
        p {
            a class="link" href=(UNSUBSCRIBE_URL) { (text.unsubscribe) }
            " · "
            a class="link" href=(view_online_url(briefing, locale)) { (text.view_online) }
        }
    }
}

fn article_block(briefing: &Briefing, locale: &Locale, article: &EditionArticle) -> Markup {
    let text = &briefing.theme.text;
    let link = safe_link(&article.url);
    let title = clean_text(&article.title, MAX_TITLE_CHARS);
    let source = clean_text(&article.source, 80);
    let meta = match local_time(locale.timezone, article.published) {
        Some(time) => format!("{source} · {time}"),
        None => source.clone(),
    };
    html! {
        h3 {
            @if let Some(href) = &link {
                a class="headline" href=(href) { (title) }
            } @else {
                span class="headline-plain" { (title) }
            }
        }
        p class="meta" { (meta) }
        p class="lead" { (clean_text(&article.lead, 2_000)) }
        @if let Some(quote) = &article.quote {
            table role="presentation" class="quote" width="100%" cellpadding="0" cellspacing="0" border="0" {
                tr { td class="quote-cell" {
                    blockquote { "“" (clean_text(&quote.text, 1_000)) "”" }
                    @if let Some(speaker) = &quote.speaker {
                        p class="speaker" { "— " (clean_text(speaker, 120)) }
                    }
                } }
            }
        }
        @if let Some(href) = &link {
            p class="read-more" {
                a class="link" href=(href) { (text.read_more.replace("{source}", &source)) }
            }
        }
    }
}

/// Only http(s) links go into the mail; anything else is dropped.
pub(crate) fn safe_link(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// One section of the inlined document.
#[derive(Debug, Clone)]
pub(crate) struct SectionParts {
    pub head: String,
    pub articles: Vec<String>,
    /// The "more online" row, with [`MORE_TEXT`] still in it.
    pub more: String,
}

/// The inlined document cut at its markers.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// Before the preheader, between preheader and greeting, between the
    /// greeting and the first section, and after the footer.
    pub top: String,
    pub after_preheader: String,
    pub after_greeting: String,
    pub sections: Vec<SectionParts>,
    /// The footer row, with [`WHY`] and [`UNSUBSCRIBE_URL`] still in it.
    pub footer: String,
    pub bottom: String,
}

impl Layout {
    /// Cuts the inlined document; `None` if a marker went missing, which
    /// would mean the inliner moved content around.
    pub(crate) fn parse(inlined: &str) -> Option<Layout> {
        let mut pieces = Vec::new();
        let mut rest = inlined;
        let mut name = "";
        while let Some(start) = rest.find("<!--ND:") {
            let end = start + rest[start..].find("-->")?;
            pieces.push((name, &rest[..start]));
            name = &rest[start + 7..end];
            rest = &rest[end + 3..];
        }
        pieces.push((name, rest));

        let mut it = pieces.into_iter();
        let mut next = |want: &str| {
            it.next()
                .filter(|(n, _)| *n == want)
                .map(|(_, t)| t.to_string())
        };
        let top = next("")?;
        let after_preheader = next("preheader")?;
        let after_greeting = next("greeting")?;
        let mut sections = Vec::new();
        let footer = loop {
            let (n, text) = it.next()?;
            match n {
                "section" => {
                    let head = text.to_string();
                    let mut articles = Vec::new();
                    let more = loop {
                        let (n, text) = it.next()?;
                        match n {
                            "article" => articles.push(text.to_string()),
                            "more" => break text.to_string(),
                            _ => return None,
                        }
                    };
                    if it.next()?.0 != "section-end" {
                        return None;
                    }
                    sections.push(SectionParts {
                        head,
                        articles,
                        more,
                    });
                }
                "footer" => break text.to_string(),
                _ => return None,
            }
        };
        let (n, bottom) = it.next()?;
        (n == "footer-end" && it.next().is_none()).then(|| Layout {
            top,
            after_preheader,
            after_greeting,
            sections,
            footer,
            bottom: bottom.to_string(),
        })
    }
}

/// Puts a line break after block-level closing tags, so no line of the
/// HTML comes near the 998-octet limit of mail and the source stays
/// readable. Whitespace between these tags does not change the rendering.
pub(crate) fn break_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 40);
    let mut rest = html;
    while let Some(i) = rest.find("</") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let tag = &tail[..end];
        out.push_str(tag);
        if matches!(
            tag,
            "</p>"
                | "</tr>"
                | "</td>"
                | "</table>"
                | "</h1>"
                | "</h2>"
                | "</h3>"
                | "</blockquote>"
                | "</div>"
                | "</head>"
                | "</style>"
                | "</title>"
        ) && !tail[end..].starts_with('\n')
        {
            out.push('\n');
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Escapes text for HTML, as Maud does.
pub(crate) fn escape(text: &str) -> String {
    html! { (text) }.into_string()
}
