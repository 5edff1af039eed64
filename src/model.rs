//! Plain data passed between the pipeline stages:
//! `collect` yields [`Article`]s, `summarise` turns each into a [`Summary`],
//! the two together make an [`Edition`], `render` turns an edition into a
//! per-subscriber [`Digest`], and `send` reports a [`Delivery`] for each one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One article as found by the collector, before it is summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Canonical link to the story.
    pub url: String,
    /// Headline as given by the feed, decoded to plain text.
    pub title: String,
    /// Human name of the source (the feed's title, or the name set in the config).
    pub source: String,
    /// When the feed says the story was published.
    pub published: Option<DateTime<Utc>>,
    /// The story itself: HTML or plain text, from the feed or from the article page.
    pub content: String,
}

/// A direct quotation picked from an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, verbatim from the article, without the quote marks.
    pub text: String,
    /// Who said it, when the article attributes it.
    pub speaker: Option<String>,
}

/// What a reader needs of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Headline found in the page itself, if any.
    pub title: Option<String>,
    /// Cleaned article text, paragraphs separated by a blank line.
    pub body: String,
    /// The paragraph that carries the news, trimmed at a sentence boundary.
    pub lead: String,
    /// The key quotation, if the article has one worth reading.
    pub quote: Option<Quote>,
}

/// One summarised article as it appears in an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionArticle {
    pub url: String,
    pub title: String,
    pub source: String,
    pub published: Option<DateTime<Utc>>,
    pub lead: String,
    pub quote: Option<Quote>,
}

/// One section of an edition, in the order of `digest.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionSection {
    pub name: String,
    pub articles: Vec<EditionArticle>,
}

/// Everything that goes out on one day, shared by all subscribers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    pub date: NaiveDate,
    pub sections: Vec<EditionSection>,
}

impl Edition {
    /// Number of articles across all sections.
    pub fn article_count(&self) -> usize {
        self.sections.iter().map(|s| s.articles.len()).sum()
    }
}

/// Preferred body format of a subscriber.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `multipart/alternative` with a plain-text and an HTML part.
    #[default]
    Html,
    /// Plain text only.
    Text,
}

/// One row of a subscriber list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    /// Name of the list (the CSV file's stem).
    pub list: String,
    pub email: String,
    pub name: Option<String>,
    /// Sections this subscriber reads; empty means all.
    pub sections: Vec<String>,
    pub format: Format,
    /// Language of the masthead date; the briefing's when absent.
    pub language: Option<crate::language::Language>,
    /// Timezone for the articles' times; the briefing's when absent.
    pub timezone: Option<chrono_tz::Tz>,
}

/// The rendered digest for one subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub subject: String,
    /// Absent for subscribers who asked for plain text only.
    pub html: Option<String>,
    pub text: String,
    /// The same bodies, quoted-printable with CRLF line ends, ready for MIME.
    pub encoded: EncodedBodies,
}

/// Quoted-printable bodies of a digest. Rendering encodes the parts all
/// subscribers share once per edition and joins them per subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedBodies {
    pub text: Vec<u8>,
    pub html: Option<Vec<u8>>,
}

impl Digest {
    /// A digest from plain bodies, encoding them whole.
    pub fn new(subject: String, html: Option<String>, text: String) -> Digest {
        let encode =
            |s: &str| quoted_printable::encode(s.replace("\r\n", "\n").replace('\n', "\r\n"));
        let encoded = EncodedBodies {
            text: encode(&text),
            html: html.as_deref().map(encode),
        };
        Digest {
            subject,
            html,
            text,
            encoded,
        }
    }
}

/// How the delivery of one digest ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    /// Accepted by the relay, or written to the outbox.
    Sent,
    /// Refused for now (4xx, connection trouble); tried again next run.
    Deferred(String),
    /// Refused for good (5xx); the reason is kept for the report.
    Failed(String),
}

/// The record of one attempt to deliver a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub list: String,
    pub email: String,
    pub outcome: DeliveryOutcome,
}
