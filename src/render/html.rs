//! The HTML digest: table layout, inline styles, a 600 px column that
//! shrinks on phones, a hidden preheader and a dark-mode block, as mail
//! clients from Outlook to Apple Mail need. Feed text is escaped by Maud.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Briefing, Page, local_time};
use crate::model::{EditionArticle, EditionSection};

/// Markers where the per-subscriber pieces go into the shared skeleton.
const SLOTS: [&str; 4] = [
    "\u{1}preheader\u{1}",
    "\u{1}greeting\u{1}",
    "\u{1}sections\u{1}",
    "\u{1}footer\u{1}",
];

/// The document around the per-subscriber pieces, rendered once per edition
/// and cut at the slots: 5 parts.
pub(crate) fn skeleton(briefing: &Briefing, date_line: &str) -> Vec<String> {
    let t = &briefing.theme;
    let c = &t.colors;
    let body_font = &t.fonts.body;
    let head_font = &t.fonts.heading;
    let dark = ":root{color-scheme:light dark;supported-color-schemes:light dark}\
         @media (prefers-color-scheme: dark){.bg{background:#111418 !important}.card{background:#1c2128 !important}\
         .txt{color:#e6e6e6 !important}.muted{color:#a0a7b0 !important}.link{color:#8ab4f8 !important}}\
         @media screen and (max-width:620px){.container{width:100% !important}.pad{padding-left:16px !important;padding-right:16px !important}}";
    let markup = html! {
        (DOCTYPE)
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="X-UA-Compatible" content="IE=edge";
                meta name="color-scheme" content="light dark";
                meta name="supported-color-schemes" content="light dark";
                title { (briefing.title) " · " (date_line) }
                style { (PreEscaped(dark)) }
            }
            body class="bg" style=(format!("margin:0;padding:0;background:{};", c.background)) {
                div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;" {
                    (PreEscaped(SLOTS[0]))
                }
                table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="bg"
                    style=(format!("background:{};", c.background)) {
                    tr { td align="center" style="padding:16px 8px;" {
                        table role="presentation" class="container card" width="600" cellpadding="0" cellspacing="0" border="0"
                            style=(format!("width:600px;max-width:600px;background:{};", c.card)) {
                            tr { td class="pad" style=(format!("padding:24px 32px;background:{};", c.accent)) {
                                h1 style=(format!("margin:0;font-family:{head_font};font-size:26px;line-height:32px;color:#ffffff;")) {
                                    (briefing.title)
                                }
                                p style=(format!("margin:6px 0 0;font-family:{head_font};font-size:14px;line-height:20px;color:#dfe7ef;")) {
                                    (date_line) " · " (t.text.tagline)
                                }
                            } }
                            tr { td class="pad txt" style=(format!("padding:24px 32px 0;font-family:{body_font};font-size:17px;line-height:26px;color:{};", c.text)) {
                                (PreEscaped(SLOTS[1]))
                            } }
                            (PreEscaped(SLOTS[2]))
                            tr { td class="pad muted" style=(format!("padding:32px 32px 28px;font-family:{head_font};font-size:13px;line-height:20px;color:{};", c.muted)) {
                                (PreEscaped(SLOTS[3]))
                            } }
                        }
                    } }
                }
            }
        }
    };
    let mut rest = break_lines(markup.into_string());
    let mut parts = Vec::with_capacity(SLOTS.len() + 1);
    for slot in SLOTS {
        let (before, after) = rest
            .split_once(slot)
            .expect("every slot is in the skeleton");
        let (before, after) = (before.to_string(), after.to_string());
        parts.push(before);
        rest = after;
    }
    parts.push(rest);
    parts
}

/// The rows of one section: its heading and its articles.
pub(crate) fn section_block(section: &EditionSection, briefing: &Briefing) -> String {
    let t = &briefing.theme;
    let c = &t.colors;
    let head_font = &t.fonts.heading;
    let rows = html! {
        tr { td class="pad" style="padding:24px 32px 0;" {
            h2 class="txt" style=(format!("margin:0;padding-bottom:6px;border-bottom:2px solid {};font-family:{head_font};font-size:20px;line-height:26px;color:{};", c.accent, c.text)) {
                (section.name)
            }
        } }
        @for article in &section.articles {
            tr { td class="pad" style="padding:16px 32px 0;" { (article_block(briefing, article)) } }
        }
    }
    .into_string();
    break_lines(rows)
}

/// The footer's content: why the reader gets this, the postal address, and
/// the unsubscribe and browser links.
pub(crate) fn footer(page: &Page<'_>) -> String {
    let c = &page.briefing.theme.colors;
    let footer = html! {
        p style="margin:0 0 8px;" { (page.why()) }
        @if let Some(address) = &page.briefing.postal_address {
            p style="margin:0 0 8px;" { (address) }
        }
        p style="margin:0;" {
            a class="link" href=(page.reader.unsubscribe_url) style=(format!("color:{};text-decoration:underline;", c.accent)) { "Unsubscribe from this list" }
            " · "
            a class="link" href=(page.view_online_url()) style=(format!("color:{};text-decoration:underline;", c.accent)) { "View this briefing in your browser" }
        }
    };
    break_lines(footer.into_string())
}

/// Puts a line break after block-level closing tags, so no line of the
/// HTML comes near the 998-octet limit of mail and the body can travel as
/// 8bit text. Whitespace between these tags does not change the rendering.
pub(crate) fn break_lines(html: String) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 40);
    let mut rest = html.as_str();
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
        ) {
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

fn article_block(briefing: &Briefing, article: &EditionArticle) -> Markup {
    let t = &briefing.theme;
    let c = &t.colors;
    let body_font = &t.fonts.body;
    let head_font = &t.fonts.heading;
    let link = safe_link(&article.url);
    let meta = match local_time(briefing, article.published) {
        Some(time) => format!("{} · {}", article.source, time),
        None => article.source.clone(),
    };
    html! {
        h3 style=(format!("margin:0 0 4px;font-family:{head_font};font-size:18px;line-height:24px;")) {
            @if let Some(href) = &link {
                a class="link" href=(href) style=(format!("color:{};text-decoration:none;", c.accent)) { (article.title) }
            } @else {
                span class="txt" style=(format!("color:{};", c.text)) { (article.title) }
            }
        }
        p class="muted" style=(format!("margin:0 0 8px;font-family:{head_font};font-size:13px;line-height:18px;color:{};", c.muted)) { (meta) }
        p class="txt" style=(format!("margin:0 0 10px;font-family:{body_font};font-size:16px;line-height:25px;color:{};", c.text)) { (article.lead) }
        @if let Some(quote) = &article.quote {
            table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 10px;" {
                tr { td style=(format!("padding:4px 0 4px 14px;border-left:3px solid {};", c.quote_rule)) {
                    blockquote class="txt" style=(format!("margin:0;font-family:{body_font};font-size:16px;line-height:25px;font-style:italic;color:{};", c.text)) {
                        "“" (quote.text) "”"
                    }
                    @if let Some(speaker) = &quote.speaker {
                        p class="muted" style=(format!("margin:4px 0 0;font-family:{head_font};font-size:13px;line-height:18px;color:{};", c.muted)) { "— " (speaker) }
                    }
                } }
            }
        }
        @if let Some(href) = &link {
            p style=(format!("margin:0;font-family:{head_font};font-size:14px;line-height:20px;")) {
                a class="link" href=(href) style=(format!("color:{};text-decoration:underline;", c.accent)) {
                    "Read the full story at " (article.source)
                }
            }
        }
    }
}

/// Only http(s) links go into the mail; anything else is dropped.
fn safe_link(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}
