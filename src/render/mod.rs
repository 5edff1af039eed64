//! Stage 3: an edition becomes, for each subscriber, a digest: an HTML mail
//! body built with Maud (`html`) and its plain-text twin (`text`), in the
//! editor-owned look of `templates/` (`theme`).

pub mod html;
pub mod text;
pub mod theme;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use url::Url;

use crate::model::{Digest, Edition, EditionSection, Format, Subscriber};
pub use theme::Theme;

/// What every digest of a run shares: the briefing's identity and look.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub title: String,
    pub base_url: Url,
    pub postal_address: Option<String>,
    pub timezone: Tz,
    pub theme: Theme,
    /// Address readers can write to, to leave the list.
    pub reply_address: String,
}

/// What a subscriber's digest differs in.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    pub subscriber: &'a Subscriber,
    /// Link that removes this subscriber from the list.
    pub unsubscribe_url: String,
}

/// Renders the digest of `edition` for one reader.
pub fn render_digest(edition: &Edition, briefing: &Briefing, reader: &Reader<'_>) -> Digest {
    let sections = sections_for(edition, reader.subscriber);
    let page = Page {
        edition,
        briefing,
        reader,
        sections: &sections,
    };
    Digest {
        subject: subject(edition, briefing),
        html: (reader.subscriber.format == Format::Html).then(|| html::render(&page)),
        text: text::render(&page),
    }
}

/// Everything a template needs for one digest.
pub(crate) struct Page<'a> {
    pub edition: &'a Edition,
    pub briefing: &'a Briefing,
    pub reader: &'a Reader<'a>,
    pub sections: &'a [&'a EditionSection],
}

impl Page<'_> {
    pub fn date_line(&self) -> String {
        self.edition.date.format("%A %-d %B %Y").to_string()
    }

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

    /// Local time of publication, as "08:15".
    pub fn local_time(&self, t: Option<DateTime<Utc>>) -> Option<String> {
        t.map(|t| {
            t.with_timezone(&self.briefing.timezone)
                .format("%H:%M")
                .to_string()
        })
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

/// The sections a subscriber chose, in edition order; all when none chosen.
fn sections_for<'a>(edition: &'a Edition, subscriber: &Subscriber) -> Vec<&'a EditionSection> {
    edition
        .sections
        .iter()
        .filter(|s| !s.articles.is_empty())
        .filter(|s| {
            subscriber.sections.is_empty()
                || subscriber
                    .sections
                    .iter()
                    .any(|chosen| chosen.eq_ignore_ascii_case(&s.name))
        })
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
