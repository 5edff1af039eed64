//! Stage 1: gather the day's articles for every section of the briefing.
//!
//! Each source is read (`fetch`), parsed (`feed`), kept to the edition's
//! window (`window`) and de-duplicated across sections (`dedupe`); when a
//! feed gives only a teaser, the article page is fetched in its place. A
//! source that fails is reported and the others go on.

pub mod dedupe;
pub mod feed;
pub mod fetch;
pub mod window;

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use futures_util::future::join_all;
use futures_util::stream::{self, StreamExt};
use url::Url;

use crate::config::{Config, FullText, Source, SourceLocation};
use crate::model::Article;
use crate::text::{html_to_plain, word_count};
use feed::FeedItem;
pub use fetch::{FetchError, Fetcher};
pub use window::{EditionWindow, edition_window};

/// A feed item this short (in words) is taken for a teaser.
const TEASER_WORDS: usize = 120;
/// Article pages fetched at once.
const PAGE_CONCURRENCY: usize = 8;

/// The articles of one section, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionArticles {
    pub name: String,
    pub articles: Vec<Article>,
}

/// A source or page that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFailure {
    pub section: String,
    /// The file or URL.
    pub source: String,
    pub reason: String,
}

impl std::fmt::Display for SourceFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "section `{}`: {}: {}",
            self.section, self.source, self.reason
        )
    }
}

/// What collecting an edition produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    pub date: NaiveDate,
    pub window: EditionWindow,
    pub sections: Vec<SectionArticles>,
    pub failures: Vec<SourceFailure>,
}

/// Collects the edition dated `date` from every section's sources.
pub async fn collect_edition(config: &Config, fetcher: &Fetcher, date: NaiveDate) -> Collection {
    let window = edition_window(date, config.collect.cutoff, config.digest.timezone);
    let now = Utc::now();
    let mut failures = Vec::new();
    let mut seen = HashSet::new();
    let mut sections = Vec::with_capacity(config.sections.len());

    for section in &config.sections {
        let reads = join_all(section.sources.iter().map(|s| read_source(fetcher, s))).await;
        let mut candidates: Vec<(FeedItem, &Source, String)> = Vec::new();
        for (source, result) in section.sources.iter().zip(reads) {
            match result {
                Ok((feed_title, items)) => {
                    let name = source
                        .name
                        .clone()
                        .or(feed_title)
                        .unwrap_or_else(|| default_source_name(&source.location));
                    candidates.extend(items.into_iter().map(|i| (i, source, name.clone())));
                }
                Err(reason) => {
                    let failure = SourceFailure {
                        section: section.name.clone(),
                        source: source.location.to_string(),
                        reason,
                    };
                    tracing::warn!("{failure}");
                    failures.push(failure);
                }
            }
        }
        // Undated items count as first seen now.
        candidates.retain(|(item, _, _)| window.contains(item.published.unwrap_or(now)));
        candidates.sort_by_key(|c| std::cmp::Reverse(c.0.published));
        let mut picked = Vec::new();
        for candidate in candidates {
            if picked.len() == section.max_articles {
                break;
            }
            let keys = [
                dedupe::canonical_url(&candidate.0.url),
                format!("id:{}", candidate.0.id),
            ];
            if keys.iter().any(|k| seen.contains(k)) {
                continue;
            }
            seen.extend(keys);
            picked.push(candidate);
        }

        let pages = stream::iter(picked.into_iter().map(|(item, source, name)| async move {
            complete_article(fetcher, item, source, name).await
        }))
        .buffered(PAGE_CONCURRENCY)
        .collect::<Vec<_>>()
        .await;
        let mut articles = Vec::with_capacity(pages.len());
        for (article, page_failure) in pages {
            if let Some(reason) = page_failure {
                let failure = SourceFailure {
                    section: section.name.clone(),
                    source: article.url.clone(),
                    reason: format!("{reason}; using the feed's text"),
                };
                tracing::warn!("{failure}");
                failures.push(failure);
            }
            articles.push(article);
        }
        sections.push(SectionArticles {
            name: section.name.clone(),
            articles,
        });
    }
    Collection {
        date,
        window,
        sections,
        failures,
    }
}

/// Reads and parses one source: its title and items, or why it failed.
pub async fn read_source(
    fetcher: &Fetcher,
    source: &Source,
) -> Result<(Option<String>, Vec<FeedItem>), String> {
    let fetched = fetcher
        .fetch_source(&source.location)
        .await
        .map_err(|e| strip_location(&e.to_string(), &source.location))?;
    let parsed =
        feed::parse_feed(&fetched.body, fetched.url.as_ref()).map_err(|e| e.to_string())?;
    Ok((parsed.title, parsed.items))
}

/// Error texts from `fetch` name the location; the failure report names it too.
fn strip_location(message: &str, location: &SourceLocation) -> String {
    message
        .strip_prefix(&format!("{location}: "))
        .unwrap_or(message)
        .to_string()
}

fn default_source_name(location: &SourceLocation) -> String {
    match location {
        SourceLocation::Url(u) => u
            .host_str()
            .unwrap_or("feed")
            .trim_start_matches("www.")
            .to_string(),
        SourceLocation::File(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "feed".into()),
    }
}

/// True when a feed's text is only a pointer to the article.
pub fn is_teaser(content: &str) -> bool {
    let plain = html_to_plain(content);
    let trimmed = plain.trim_end();
    let lower = trimmed.to_lowercase();
    word_count(&plain) < TEASER_WORDS
        || trimmed.ends_with('…')
        || trimmed.ends_with("...")
        || trimmed.ends_with("[…]")
        || [
            "read more",
            "continue reading",
            "lire la suite",
            "weiterlesen",
            "leggi tutto",
            "seguir leyendo",
        ]
        .iter()
        .any(|tail| lower.ends_with(tail))
}

/// Turns a feed item into an article, fetching its page when the feed gives
/// only a teaser. A page that cannot be fetched leaves the feed's text in
/// place, and the reason is returned for the report.
async fn complete_article(
    fetcher: &Fetcher,
    item: FeedItem,
    source: &Source,
    source_name: String,
) -> (Article, Option<String>) {
    let wants_page = match source.full_text {
        FullText::Always => true,
        FullText::Never => false,
        FullText::Auto => is_teaser(&item.content),
    };
    let link = dedupe::strip_tracking(&item.url);
    let mut content = item.content;
    let mut failure = None;
    if wants_page {
        match Url::parse(&link) {
            Ok(url) => match fetcher.fetch_url(&url).await {
                Ok(page) => content = String::from_utf8_lossy(&page.body).into_owned(),
                Err(e) => failure = Some(strip_location(&e.to_string(), &SourceLocation::Url(url))),
            },
            Err(e) => failure = Some(format!("invalid article link: {e}")),
        }
    }
    let article = Article {
        url: link,
        title: item.title,
        source: source_name,
        published: item.published,
        content,
    };
    (article, failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_are_recognised() {
        assert!(is_teaser("<p>Ministers met on Tuesday…</p>"));
        assert!(is_teaser("Short summary. Read more"));
        let long = "word ".repeat(200) + "end.";
        assert!(!is_teaser(&long));
        assert!(is_teaser(&(long + " Continue reading")));
    }
}
