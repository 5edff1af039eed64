//! Stage 3: an edition becomes, for each subscriber, a digest: an HTML mail
//! body built with Maud (`html`) and its plain-text twin (`text`), in the
//! editor-owned look of `templates/` (`theme`).

pub mod html;
pub mod text;
pub mod theme;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use url::Url;

use crate::language::Language;
use crate::model::{Digest, Edition, EditionSection, EncodedBodies, Format, Subscriber};
pub use theme::Theme;

/// Gmail clips a message's HTML past about 102 KB, hiding the footer and
/// its unsubscribe link; the default budget stays under it.
pub const DEFAULT_HTML_BUDGET: usize = 100_000;

/// What every digest of a run shares: the briefing's identity and look.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub title: String,
    pub base_url: Url,
    pub postal_address: Option<String>,
    /// Defaults for readers who set neither.
    pub timezone: Tz,
    pub language: Language,
    /// Largest HTML body, in bytes, before sections are cut.
    pub html_budget: usize,
    pub theme: Theme,
    /// The theme's footer note, sanitised, and as plain text for the twin.
    pub note_html: Option<String>,
    pub note_text: Option<String>,
}

impl Briefing {
    /// A briefing in `theme`'s look; the footer note is sanitised here.
    pub fn new(
        title: String,
        base_url: Url,
        postal_address: Option<String>,
        timezone: Tz,
        language: Language,
        theme: Theme,
    ) -> Briefing {
        let note_html = theme.text.note_html.as_deref().map(sanitise_note);
        let note_text = note_html.as_deref().map(text::note_text);
        Briefing {
            title,
            base_url,
            postal_address,
            timezone,
            language,
            html_budget: DEFAULT_HTML_BUDGET,
            theme,
            note_html,
            note_text,
        }
    }
}

/// Keeps only simple inline markup and http(s)/mailto links.
pub fn sanitise_note(html: &str) -> String {
    ammonia::Builder::default()
        .tags(["a", "b", "strong", "i", "em", "br"].into_iter().collect())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Why an edition could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot apply templates/digest.css: {0}")]
    Css(String),
    #[error("the inlined HTML lost its section markers")]
    Layout,
}

/// What a subscriber's digest differs in.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    pub subscriber: &'a Subscriber,
    /// Link that removes this subscriber from the list.
    pub unsubscribe_url: String,
}

/// An edition with everything subscribers share rendered once per language
/// and timezone: the inlined HTML around the reader's parts, each section's
/// HTML and text. Rendering for a reader then only adds the preheader, the
/// greeting, the chosen sections and the footer.
pub struct Prepared<'a> {
    edition: &'a Edition,
    briefing: &'a Briefing,
    default: Arc<Variant>,
    others: Mutex<HashMap<(Language, Tz), Arc<Variant>>>,
}

/// Whose edition a variant is: the reader's language and timezone, and the
/// date as that reader sees it.
pub(crate) struct Locale {
    pub language: Language,
    pub timezone: Tz,
    pub date: NaiveDate,
    pub date_line: String,
}

/// The edition rendered for one language and timezone.
pub(crate) struct Variant {
    locale: Locale,
    subject: String,
    html: HtmlParts,
    text_header: Chunk,
    text_sections: Vec<Chunk>,
    /// How many articles of each section made it under the budget.
    kept: Vec<usize>,
}

struct HtmlParts {
    top: Chunk,
    after_preheader: Chunk,
    after_greeting: Chunk,
    sections: Vec<Chunk>,
    footer: String,
    bottom: Chunk,
}

/// A piece of a body, as text and quoted-printable. Every chunk ends with a
/// line break, so encoded chunks can be joined as they are.
struct Chunk {
    plain: String,
    qp: Vec<u8>,
}

impl Chunk {
    fn new(mut plain: String) -> Chunk {
        if !plain.ends_with('\n') {
            plain.push('\n');
        }
        let qp = quoted_printable::encode(plain.replace('\n', "\r\n"));
        Chunk { plain, qp }
    }
}

/// Joins chunks into a plain body and its encoded twin.
#[derive(Default)]
struct Body {
    plain: String,
    qp: Vec<u8>,
}

impl Body {
    fn with_capacity(n: usize) -> Body {
        Body {
            plain: String::with_capacity(n),
            qp: Vec::with_capacity(n + n / 8),
        }
    }

    fn push(&mut self, chunk: &Chunk) {
        self.plain.push_str(&chunk.plain);
        self.qp.extend_from_slice(&chunk.qp);
    }
}

impl Variant {
    fn new(
        edition: &Edition,
        briefing: &Briefing,
        language: Language,
        timezone: Tz,
    ) -> Result<Variant, RenderError> {
        let locale = Locale {
            language,
            timezone,
            date: edition.date,
            date_line: language.long_date(edition.date),
        };
        let document = html::document(briefing, &locale, &edition.sections);
        let inliner = css_inline::CSSInliner::options()
            .load_remote_stylesheets(false)
            .keep_at_rules(true)
            .build();
        let inlined = inliner
            .inline(&document)
            .map_err(|e| RenderError::Css(e.to_string()))?;
        let layout = html::Layout::parse(&inlined).ok_or(RenderError::Layout)?;
        if layout.sections.len() != edition.sections.len() {
            return Err(RenderError::Layout);
        }
        let kept = fit_budget(&layout, briefing.html_budget);
        if kept
            .iter()
            .zip(&edition.sections)
            .any(|(k, s)| *k < s.articles.len())
        {
            tracing::info!(
                "edition {}: sections cut to {:?} articles to keep the HTML under {} bytes",
                edition.date,
                kept,
                briefing.html_budget
            );
        }
        let text = &briefing.theme.text;
        let more_line = |section: &EditionSection, kept: usize| {
            (kept < section.articles.len()).then(|| {
                text.more_online
                    .replace("{count}", &(section.articles.len() - kept).to_string())
                    .replace("{section}", &section.name)
            })
        };
        let html_sections = layout
            .sections
            .iter()
            .zip(&edition.sections)
            .zip(&kept)
            .map(|((parts, section), &k)| {
                let mut out = parts.head.clone();
                for a in &parts.articles[..k] {
                    out.push_str(a);
                }
                if let Some(line) = more_line(section, k) {
                    out.push_str(&parts.more.replace(html::MORE_TEXT, &html::escape(&line)));
                }
                Chunk::new(html::break_lines(&out))
            })
            .collect();
        let text_sections = edition
            .sections
            .iter()
            .zip(&kept)
            .map(|(s, &k)| {
                let more =
                    more_line(s, k).map(|line| (line, view_online_url(briefing, edition.date)));
                Chunk::new(text::section_block(s, k, more.as_ref(), timezone))
            })
            .collect();
        Ok(Variant {
            subject: format!("{}: {}", briefing.title, language.short_date(edition.date)),
            html: HtmlParts {
                top: Chunk::new(html::break_lines(&layout.top)),
                after_preheader: Chunk::new(html::break_lines(&layout.after_preheader)),
                after_greeting: Chunk::new(html::break_lines(&layout.after_greeting)),
                sections: html_sections,
                footer: html::break_lines(&layout.footer),
                bottom: Chunk::new(html::break_lines(&layout.bottom)),
            },
            text_header: Chunk::new(text::header(briefing, &locale.date_line)),
            text_sections,
            kept,
            locale,
        })
    }
}

/// Room for the per-reader parts: preheader, greeting, footer wording and
/// the unsubscribe link, escaped.
const READER_ALLOWANCE: usize = 2_000;

/// Articles kept per section so that the largest digest (all sections)
/// stays within `budget` bytes: the longest section loses its last article
/// first, and every section keeps at least one.
fn fit_budget(layout: &html::Layout, budget: usize) -> Vec<usize> {
    let mut kept: Vec<usize> = layout.sections.iter().map(|s| s.articles.len()).collect();
    let fixed = layout.top.len()
        + layout.after_preheader.len()
        + layout.after_greeting.len()
        + layout.footer.len()
        + layout.bottom.len()
        + READER_ALLOWANCE;
    let size = |kept: &[usize]| {
        fixed
            + layout
                .sections
                .iter()
                .zip(kept)
                .map(|(s, &k)| {
                    let more = if k < s.articles.len() {
                        s.more.len() + 100
                    } else {
                        0
                    };
                    s.head.len() + s.articles[..k].iter().map(String::len).sum::<usize>() + more
                })
                .sum::<usize>()
    };
    while size(&kept) > budget {
        let Some((i, _)) = kept
            .iter()
            .enumerate()
            .filter(|(_, k)| **k > 1)
            .max_by_key(|(i, k)| (**k, *i))
        else {
            break;
        };
        kept[i] -= 1;
    }
    kept
}

impl<'a> Prepared<'a> {
    /// Renders the shared parts of `edition` in the briefing's language and
    /// timezone; other readers' variants are rendered when first needed.
    pub fn new(edition: &'a Edition, briefing: &'a Briefing) -> Result<Prepared<'a>, RenderError> {
        let default = Arc::new(Variant::new(
            edition,
            briefing,
            briefing.language,
            briefing.timezone,
        )?);
        Ok(Prepared {
            edition,
            briefing,
            default,
            others: Mutex::new(HashMap::new()),
        })
    }

    fn variant(&self, subscriber: &Subscriber) -> Arc<Variant> {
        let language = subscriber.language.unwrap_or(self.briefing.language);
        let timezone = subscriber.timezone.unwrap_or(self.briefing.timezone);
        if language == self.default.locale.language && timezone == self.default.locale.timezone {
            return Arc::clone(&self.default);
        }
        let mut others = self.others.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = others.get(&(language, timezone)) {
            return Arc::clone(v);
        }
        // The stylesheet and markup are the default's, which rendered; if
        // this one fails anyway, the reader still gets the default.
        let variant = match Variant::new(self.edition, self.briefing, language, timezone) {
            Ok(v) => Arc::new(v),
            Err(e) => {
                tracing::warn!("cannot render the {language} / {timezone} edition: {e}");
                Arc::clone(&self.default)
            }
        };
        others.insert((language, timezone), Arc::clone(&variant));
        variant
    }

    /// Articles kept per section, in edition order, after fitting the
    /// briefing's HTML budget.
    pub fn kept(&self) -> &[usize] {
        &self.default.kept
    }

    /// The digest for one reader.
    pub fn render(&self, reader: &Reader<'_>) -> Digest {
        let variant = self.variant(reader.subscriber);
        let chosen = sections_for(self.edition, reader.subscriber);
        let page = Page {
            briefing: self.briefing,
            reader,
        };
        let greeting = page.greeting();

        let mut text = Body::with_capacity(
            variant
                .text_sections
                .iter()
                .map(|c| c.plain.len())
                .sum::<usize>()
                + 1024,
        );
        text.push(&variant.text_header);
        text.push(&Chunk::new(text::greeting(&greeting)));
        for &i in &chosen {
            text.push(&variant.text_sections[i]);
        }
        text.push(&Chunk::new(text::footer(&page, self.edition.date)));

        let html = (reader.subscriber.format == Format::Html).then(|| {
            let p = &variant.html;
            let size = p.top.plain.len()
                + p.sections.iter().map(|c| c.plain.len()).sum::<usize>()
                + p.footer.len()
                + 4096;
            let mut html = Body::with_capacity(size);
            html.push(&p.top);
            html.push(&Chunk::new(html::escape(&preheader(self.edition, &chosen))));
            html.push(&p.after_preheader);
            html.push(&Chunk::new(html::escape(&greeting)));
            html.push(&p.after_greeting);
            for &i in &chosen {
                html.push(&p.sections[i]);
            }
            let footer = p
                .footer
                .replace(html::WHY, &html::escape(&page.why()))
                .replace(
                    html::UNSUBSCRIBE_URL,
                    &html::escape(&reader.unsubscribe_url),
                );
            html.push(&Chunk::new(footer));
            html.push(&p.bottom);
            html
        });
        let (html, html_qp) = match html {
            Some(b) => (Some(b.plain), Some(b.qp)),
            None => (None, None),
        };
        Digest {
            subject: variant.subject.clone(),
            html,
            text: text.plain,
            encoded: EncodedBodies {
                text: text.qp,
                html: html_qp,
            },
        }
    }
}

/// Renders the digest of `edition` for one reader (for many readers, make a
/// [`Prepared`] once and render from it).
pub fn render_digest(
    edition: &Edition,
    briefing: &Briefing,
    reader: &Reader<'_>,
) -> Result<Digest, RenderError> {
    Ok(Prepared::new(edition, briefing)?.render(reader))
}

/// What the per-reader wording needs.
pub(crate) struct Page<'a> {
    pub briefing: &'a Briefing,
    pub reader: &'a Reader<'a>,
}

impl Page<'_> {
    pub fn greeting(&self) -> String {
        let text = &self.briefing.theme.text;
        match self.reader.subscriber.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => {
                text.greeting.replace("{name}", &clean_text(name, 80))
            }
            _ => text.greeting_anonymous.clone(),
        }
    }

    pub fn why(&self) -> String {
        self.briefing
            .theme
            .text
            .why
            .replace("{title}", &self.briefing.title)
            .replace("{list}", &self.reader.subscriber.list)
    }
}

/// The edition's page on the briefing's site.
pub fn view_online_url(briefing: &Briefing, date: NaiveDate) -> String {
    let mut url = briefing.base_url.clone();
    url.set_path(&format!("archive/{date}.html"));
    url.to_string()
}

/// The inbox preview line: the first lead the reader gets, cut at a word
/// within 100 characters.
fn preheader(edition: &Edition, chosen: &[usize]) -> String {
    let lead = chosen
        .iter()
        .flat_map(|&i| &edition.sections[i].articles)
        .map(|a| a.lead.as_str())
        .next()
        .unwrap_or_default();
    cut_at_word(&clean_text(lead, 400), 100)
}

/// Local time of publication in `timezone`, as "08:15".
pub(crate) fn local_time(timezone: Tz, t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.with_timezone(&timezone).format("%H:%M").to_string())
}

/// Feed text made safe to show: control characters and bidirectional
/// overrides removed (a stray U+202E would reverse the rest of the line,
/// footer included), whitespace collapsed, cut at a word within `max`
/// characters. Escaping is left to Maud.
pub(crate) fn clean_text(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max * 4));
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        if out.len() > max * 4 + 8 {
            break;
        }
    }
    cut_at_word(&out, max)
}

/// Indices of the sections a subscriber chose, in edition order; all when
/// none chosen. Empty sections are left out.
fn sections_for(edition: &Edition, subscriber: &Subscriber) -> Vec<usize> {
    edition
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.articles.is_empty())
        .filter(|(_, s)| {
            subscriber.sections.is_empty()
                || subscriber
                    .sections
                    .iter()
                    .any(|chosen| chosen.eq_ignore_ascii_case(&s.name))
        })
        .map(|(i, _)| i)
        .collect()
}

/// At most `max` characters, cut after a whole word, with "…" when cut.
pub fn cut_at_word(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // one enormous word: cut inside it
        out = s.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::model::{EditionArticle, Quote};

    fn briefing() -> Briefing {
        Briefing::new(
            "Test Briefing".into(),
            "https://briefing.test".parse().unwrap(),
            Some("1 Test Street".into()),
            chrono_tz::Europe::Brussels,
            Language::default(),
            Theme::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/templates"
            )))
            .unwrap(),
        )
    }

    fn edition() -> Edition {
        let article = |i: usize, section: &str| {
            EditionArticle {
            url: format!("https://news.test/{section}/{i}"),
            title: format!("Résumé {i}: ministers agree — “finally” = done"),
            source: "Wire".into(),
            published: None,
            lead: "A long lead with accents é, ü and a very long line that goes past seventy-six characters for sure, twice over, so that soft breaks appear.".into(),
            quote: Some(Quote { text: "We said what we meant".into(), speaker: Some("Ana Lima".into()) }),
        }
        };
        Edition {
            date: "2026-11-26".parse().unwrap(),
            sections: ["Europe", "World"]
                .iter()
                .map(|n| EditionSection {
                    name: n.to_string(),
                    articles: (0..2).map(|i| article(i, n)).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn joined_quoted_printable_decodes_to_the_plain_bodies() {
        let (edition, briefing) = (edition(), briefing());
        let subscriber = Subscriber {
            list: "europe".into(),
            email: "ana@example.org".into(),
            name: Some("Ana <Lima>".into()),
            sections: vec!["World".into()],
            format: Format::Html,
            language: None,
            timezone: None,
        };
        let reader = Reader {
            subscriber: &subscriber,
            unsubscribe_url: "https://briefing.test/u?t=1".into(),
        };
        let d = Prepared::new(&edition, &briefing).unwrap().render(&reader);
        let crlf = |s: &str| s.replace('\n', "\r\n").into_bytes();
        let decode =
            |b: &[u8]| quoted_printable::decode(b, quoted_printable::ParseMode::Strict).unwrap();
        assert_eq!(decode(&d.encoded.text), crlf(&d.text));
        assert_eq!(
            decode(d.encoded.html.as_ref().unwrap()),
            crlf(d.html.as_ref().unwrap())
        );
        for line in d.encoded.html.as_ref().unwrap().split(|b| *b == b'\n') {
            assert!(line.len() <= 77, "{}", String::from_utf8_lossy(line));
        }
        // only the chosen section, the greeting escaped
        assert!(d.text.contains("World") && !d.text.contains("Europe\n===="));
        assert!(
            d.html
                .as_ref()
                .unwrap()
                .contains("Good morning, Ana &lt;Lima&gt;.")
        );
    }

    fn reader_of(subscriber: &Subscriber) -> Reader<'_> {
        Reader {
            subscriber,
            unsubscribe_url: "https://briefing.test/unsubscribe?t=a&b".into(),
        }
    }

    fn subscriber() -> Subscriber {
        Subscriber {
            list: "europe".into(),
            email: "ana@example.org".into(),
            name: None,
            sections: vec![],
            format: Format::Html,
            language: None,
            timezone: None,
        }
    }

    #[test]
    fn styles_are_inlined_and_media_rules_kept() {
        let (edition, briefing) = (edition(), briefing());
        let d = Prepared::new(&edition, &briefing)
            .unwrap()
            .render(&reader_of(&subscriber()));
        let html = d.html.unwrap();
        // class rules from digest.css end up on the elements
        assert!(
            html.contains("<h3 style=\"margin: 0 0 4px;font-family: Arial"),
            "{html}"
        );
        assert!(html.contains("border-left: 3px solid #c9a227"), "{html}");
        // @media rules stay in a style block, plain rules do not
        let style = html
            .split("<style>")
            .nth(1)
            .unwrap()
            .split("</style>")
            .next()
            .unwrap();
        assert!(style.contains("prefers-color-scheme: dark") && style.contains("max-width: 620px"));
        assert!(!style.contains(".lead { margin"), "{style}");
        // no marker or placeholder is left, the unsubscribe link is escaped
        assert!(
            !html.contains("ND:") && !html.contains("ND-PLACEHOLDER"),
            "{html}"
        );
        assert!(html.contains("href=\"https://briefing.test/unsubscribe?t=a&amp;b\""));
        assert!(
            html.contains("You receive Test Briefing because you subscribed to the europe list.")
        );
        assert!(html.contains("<html lang=\"en-GB\" dir=\"ltr\""), "{html}");
        // the footer note is sanitised but kept
        assert!(
            html.contains("<a href=\"mailto:briefing@example.org\" rel=\"noopener noreferrer\"")
        );
        let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("Reply to this mail or write to briefing@example.org."),
            "{text}"
        );
    }

    #[test]
    fn the_footer_note_loses_script_and_unsafe_links() {
        let clean = sanitise_note(
            "Hi <script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a> \
             <img src=x onerror=alert(1)><a href=\"https://ok.test/\">ok</a><iframe src=\"https://e.test\"></iframe>",
        );
        assert!(
            !clean.contains("script")
                && !clean.contains("javascript")
                && !clean.contains("onclick")
        );
        assert!(!clean.contains("<img") && !clean.contains("onerror") && !clean.contains("iframe"));
        assert!(clean.contains("<a href=\"https://ok.test/\""), "{clean}");
    }

    #[test]
    fn readers_get_their_language_and_timezone() {
        let mut edition = edition();
        edition.sections[0].articles[0].published = Some("2026-11-26T05:30:00Z".parse().unwrap());
        let briefing = briefing();
        let prepared = Prepared::new(&edition, &briefing).unwrap();
        let mut sub = subscriber();
        let d = prepared.render(&reader_of(&sub));
        assert!(d.subject.ends_with("Thursday 26 November"), "{}", d.subject);
        assert!(d.text.contains("Wire · 06:30"), "{}", d.text);

        sub.language = Language::parse("fr");
        sub.timezone = Some(chrono_tz::Europe::London);
        let d = prepared.render(&reader_of(&sub));
        let html = d.html.unwrap();
        assert!(d.subject.ends_with("jeudi 26 novembre"), "{}", d.subject);
        assert!(html.contains("jeudi 26 novembre 2026") && html.contains("lang=\"fr-FR\""));
        assert!(d.text.contains("Wire · 05:30") && html.contains("Wire · 05:30"));
        // the default readers are unchanged by the other variant
        sub.language = None;
        sub.timezone = None;
        assert!(
            prepared
                .render(&reader_of(&sub))
                .text
                .contains("Wire · 06:30")
        );
    }

    #[test]
    fn a_big_edition_is_cut_to_the_budget_and_says_how_many_are_online() {
        let mut edition = edition();
        for section in &mut edition.sections {
            let first = section.articles[0].clone();
            section.articles = (0..60)
                .map(|i| EditionArticle {
                    url: format!("{}-{i}", first.url),
                    lead: first.lead.repeat(3),
                    ..first.clone()
                })
                .collect();
        }
        let briefing = briefing();
        let prepared = Prepared::new(&edition, &briefing).unwrap();
        let d = prepared.render(&reader_of(&subscriber()));
        let html = d.html.unwrap();
        assert!(html.len() <= DEFAULT_HTML_BUDGET, "{} bytes", html.len());
        let kept = prepared.kept().to_vec();
        assert!(kept.iter().all(|k| *k < 60 && *k > 1), "{kept:?}");
        let more = format!(
            "{} more stories in Europe in the online edition",
            60 - kept[0]
        );
        assert!(html.contains(&more), "{more}");
        assert!(d.text.contains(&more), "{more}");
        assert!(html.contains("https://briefing.test/archive/2026-11-26.html"));
        // the footer and its unsubscribe link survive the cut
        assert!(html.contains("Unsubscribe from this list"));

        // a small edition is not cut
        let small = self::edition();
        let prepared = Prepared::new(&small, &briefing).unwrap();
        assert_eq!(prepared.kept(), &[2, 2]);
        assert!(
            !prepared
                .render(&reader_of(&subscriber()))
                .text
                .contains("more stories")
        );
    }

    #[test]
    fn hostile_text_is_cleaned_and_capped() {
        assert_eq!(clean_text("a\u{202E}b\u{2066}c\u{0007} \n d", 50), "abc d");
        let long = "word ".repeat(1_000);
        assert!(clean_text(&long, 300).chars().count() <= 300);
        let one_word = "x".repeat(10_000);
        assert_eq!(clean_text(&one_word, 300).chars().count(), 300);
    }
}
