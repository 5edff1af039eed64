//! Stage 3: an edition becomes, for each subscriber, a digest: an HTML mail
//! body built with Maud (`html`) and its plain-text twin (`text`), in the
//! editor-owned look of `templates/` (`theme`).

pub mod html;
pub mod text;
pub mod theme;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use url::Url;

use crate::model::{Digest, Edition, EditionSection, EncodedBodies, Format, Subscriber};
pub use theme::Theme;

/// What every digest of a run shares: the briefing's identity and look.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub title: String,
    pub base_url: Url,
    pub postal_address: Option<String>,
    pub timezone: Tz,
    pub theme: Theme,
}

/// What a subscriber's digest differs in.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    pub subscriber: &'a Subscriber,
    /// Link that removes this subscriber from the list.
    pub unsubscribe_url: String,
}

/// An edition with everything subscribers share rendered once: the HTML
/// skeleton, each section's HTML and text. Rendering for a reader then only
/// adds the greeting, the chosen sections and the footer.
pub struct Prepared<'a> {
    edition: &'a Edition,
    briefing: &'a Briefing,
    date_line: String,
    html_parts: Vec<Chunk>,
    html_sections: Vec<Chunk>,
    text_header: Chunk,
    text_sections: Vec<Chunk>,
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

impl<'a> Prepared<'a> {
    /// Renders the shared parts of `edition`.
    pub fn new(edition: &'a Edition, briefing: &'a Briefing) -> Prepared<'a> {
        let date_line = edition.date.format("%A %-d %B %Y").to_string();
        Prepared {
            edition,
            briefing,
            html_parts: html::skeleton(briefing, &date_line)
                .into_iter()
                .map(Chunk::new)
                .collect(),
            html_sections: edition
                .sections
                .iter()
                .map(|s| Chunk::new(html::section_block(s, briefing)))
                .collect(),
            text_header: Chunk::new(text::header(briefing, &date_line)),
            text_sections: edition
                .sections
                .iter()
                .map(|s| Chunk::new(text::section_block(s, briefing)))
                .collect(),
            date_line,
        }
    }

    /// The digest for one reader.
    pub fn render(&self, reader: &Reader<'_>) -> Digest {
        let chosen = sections_for(self.edition, reader.subscriber);
        let page = Page {
            edition: self.edition,
            briefing: self.briefing,
            reader,
            sections: &chosen
                .iter()
                .map(|&i| &self.edition.sections[i])
                .collect::<Vec<_>>(),
        };
        let greeting = page.greeting();

        let mut text = Body::with_capacity(
            self.text_sections
                .iter()
                .map(|c| c.plain.len())
                .sum::<usize>()
                + 1024,
        );
        text.push(&self.text_header);
        text.push(&Chunk::new(text::greeting(&greeting)));
        for &i in &chosen {
            text.push(&self.text_sections[i]);
        }
        text.push(&Chunk::new(text::footer(&page)));

        let html = (reader.subscriber.format == Format::Html).then(|| {
            let p = &self.html_parts;
            let size = p
                .iter()
                .chain(&self.html_sections)
                .map(|c| c.plain.len())
                .sum::<usize>();
            let mut html = Body::with_capacity(size + 2048);
            html.push(&p[0]);
            html.push(&Chunk::new(html::escape(&page.preheader())));
            html.push(&p[1]);
            html.push(&Chunk::new(html::escape(&greeting)));
            html.push(&p[2]);
            for &i in &chosen {
                html.push(&self.html_sections[i]);
            }
            html.push(&p[3]);
            html.push(&Chunk::new(html::footer(&page)));
            html.push(&p[4]);
            html
        });
        let (html, html_qp) = match html {
            Some(b) => (Some(b.plain), Some(b.qp)),
            None => (None, None),
        };
        Digest {
            subject: subject(self.edition, self.briefing),
            html,
            text: text.plain,
            encoded: EncodedBodies {
                text: text.qp,
                html: html_qp,
            },
        }
    }

    /// The edition's date as shown in the masthead.
    pub fn date_line(&self) -> &str {
        &self.date_line
    }
}

/// Renders the digest of `edition` for one reader (for many readers, make a
/// [`Prepared`] once and render from it).
pub fn render_digest(edition: &Edition, briefing: &Briefing, reader: &Reader<'_>) -> Digest {
    Prepared::new(edition, briefing).render(reader)
}

/// Everything a template needs for one digest.
pub(crate) struct Page<'a> {
    pub edition: &'a Edition,
    pub briefing: &'a Briefing,
    pub reader: &'a Reader<'a>,
    pub sections: &'a [&'a EditionSection],
}

impl Page<'_> {
    pub fn greeting(&self) -> String {
        match self.reader.subscriber.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => format!("Good morning, {name}."),
            _ => "Good morning.".to_string(),
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

    pub fn view_online_url(&self) -> String {
        let mut url = self.briefing.base_url.clone();
        url.set_path(&format!("archive/{}.html", self.edition.date));
        url.to_string()
    }

    /// The inbox preview line: the first lead, cut at a word within 100 characters.
    pub fn preheader(&self) -> String {
        let lead = self
            .sections
            .iter()
            .flat_map(|s| &s.articles)
            .map(|a| a.lead.as_str())
            .next()
            .unwrap_or_default();
        cut_at_word(lead, 100)
    }
}

/// Local time of publication in the briefing's timezone, as "08:15".
pub(crate) fn local_time(briefing: &Briefing, t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| {
        t.with_timezone(&briefing.timezone)
            .format("%H:%M")
            .to_string()
    })
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

/// "Europe Morning Briefing: Friday 27 November".
pub fn subject(edition: &Edition, briefing: &Briefing) -> String {
    format!("{}: {}", briefing.title, edition.date.format("%A %-d %B"))
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
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EditionArticle, Quote};

    fn briefing() -> Briefing {
        Briefing {
            title: "Test Briefing".into(),
            base_url: "https://briefing.test".parse().unwrap(),
            postal_address: Some("1 Test Street".into()),
            timezone: chrono_tz::Europe::Brussels,
            theme: Theme::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/templates"
            )))
            .unwrap(),
        }
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
        };
        let reader = Reader {
            subscriber: &subscriber,
            unsubscribe_url: "https://briefing.test/u?t=1".into(),
        };
        let d = Prepared::new(&edition, &briefing).render(&reader);
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
}
