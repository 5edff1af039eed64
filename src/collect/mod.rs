//! Stage 1: gather the day's articles for every section of the briefing.
//!
//! Each source is read (`fetch`), parsed (`feed`), kept to the edition's
//! window (`window`) and de-duplicated across sections (`dedupe`); when a
//! feed gives only a teaser, the article page is fetched in its place. A
//! source that fails is reported and the others go on.

pub mod charset;
pub mod dedupe;
pub mod feed;
pub mod fetch;
pub mod window;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
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
    pub stats: CollectStats,
}

/// Counts for the run's summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectStats {
    pub sources: usize,
    /// Feeds the server said had not changed (304).
    pub not_modified: usize,
    pub pages_fetched: usize,
    /// Items left out because an earlier edition carried them.
    pub already_sent: usize,
}

/// What the collector remembers between runs: when an article was first
/// seen (the date of items that carry none), and whether an earlier edition
/// already carried it. Keys are canonical URLs and `id:` + the feed's guid.
pub trait History: Send + Sync {
    fn first_seen(&self, keys: &[String], now: DateTime<Utc>) -> DateTime<Utc>;
    fn sent_in(&self, keys: &[String]) -> Option<NaiveDate>;
}

/// No memory at all: every item is new, undated ones dated now.
pub struct Forgetful;

impl History for Forgetful {
    fn first_seen(&self, _: &[String], now: DateTime<Utc>) -> DateTime<Utc> {
        now
    }
    fn sent_in(&self, _: &[String]) -> Option<NaiveDate> {
        None
    }
}

/// Steps reported while collecting, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// This many more things to fetch.
    Queued(usize),
    /// One feed or page done.
    Done,
}

/// One collecting run: where to fetch from, what to remember, whom to tell.
pub struct Collector<'a> {
    pub config: &'a Config,
    pub fetcher: &'a Fetcher,
    pub history: &'a dyn History,
    pub progress: &'a (dyn Fn(Progress) + Send + Sync),
}

/// The keys an item is known by across feeds and runs.
pub fn item_keys(url: &str, id: &str) -> Vec<String> {
    vec![dedupe::canonical_url(url), format!("id:{id}")]
}

impl Collector<'_> {
    /// Collects the edition dated `date` from every section's sources. All
    /// sources are read at once (within the fetcher's limits), then each
    /// section takes its newest items in the window that no earlier section
    /// and no earlier edition has, then teaser pages are fetched at once.
    pub async fn collect(&self, date: NaiveDate) -> Collection {
        let config = self.config;
        let window = edition_window(date, config.collect.cutoff, config.digest.timezone);
        let now = Utc::now();
        let mut failures = Vec::new();
        let mut stats = CollectStats::default();
        let all_sources: Vec<(usize, &Source)> = config
            .sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.sources.iter().map(move |src| (i, src)))
            .collect();
        stats.sources = all_sources.len();
        (self.progress)(Progress::Queued(all_sources.len()));
        let reads = stream::iter(all_sources.iter().map(|(_, source)| async move {
            let read = read_source(self.fetcher, source).await;
            (self.progress)(Progress::Done);
            read
        }))
        .buffered(all_sources.len().max(1))
        .collect::<Vec<_>>()
        .await;

        let mut per_section: Vec<Vec<(FeedItem, &Source, String)>> =
            vec![Vec::new(); config.sections.len()];
        for ((i, source), result) in all_sources.iter().zip(reads) {
            match result {
                Ok(read) => {
                    if read.not_modified {
                        stats.not_modified += 1;
                    }
                    let name = source
                        .name
                        .clone()
                        .or(read.title)
                        .unwrap_or_else(|| default_source_name(&source.location));
                    per_section[*i]
                        .extend(read.items.into_iter().map(|it| (it, *source, name.clone())));
                }
                Err(reason) => {
                    let failure = SourceFailure {
                        section: config.sections[*i].name.clone(),
                        source: source.location.to_string(),
                        reason,
                    };
                    tracing::warn!("{failure}");
                    failures.push(failure);
                }
            }
        }

        let mut seen = HashSet::new();
        // (section, item, whether its page is fetched, source name)
        let mut picked_all: Vec<(usize, FeedItem, bool, String)> = Vec::new();
        for (i, (section, mut candidates)) in config.sections.iter().zip(per_section).enumerate() {
            // Items without a date count from when they were first seen.
            for (item, _, _) in candidates.iter_mut() {
                if item.published.is_none() {
                    item.published = Some(
                        self.history
                            .first_seen(&item_keys(&item.url, &item.id), now),
                    );
                }
            }
            candidates.retain(|(item, _, _)| item.published.is_some_and(|t| window.contains(t)));
            candidates.sort_by_key(|c| std::cmp::Reverse(c.0.published));
            let mut picked = 0;
            for (item, source, name) in candidates {
                if picked == section.max_articles {
                    break;
                }
                let keys = item_keys(&item.url, &item.id);
                if keys.iter().any(|k| seen.contains(k)) {
                    continue;
                }
                seen.extend(keys.iter().cloned());
                if let Some(edition) = self.history.sent_in(&keys)
                    && edition != date
                {
                    stats.already_sent += 1;
                    continue;
                }
                picked += 1;
                let fetch = wants_page(&item, source);
                picked_all.push((i, item, fetch, name));
            }
        }

        let wanted = picked_all.iter().filter(|(_, _, fetch, _)| *fetch).count();
        (self.progress)(Progress::Queued(wanted));
        let completed = stream::iter(picked_all.into_iter().map(
            |(i, item, fetch, name)| async move {
                let done = complete_article(self.fetcher, item, fetch, name).await;
                if fetch {
                    (self.progress)(Progress::Done);
                }
                (i, fetch, done)
            },
        ))
        .buffered(config.collect.concurrency.max(1) * 2)
        .collect::<Vec<_>>()
        .await;

        let mut sections: Vec<SectionArticles> = config
            .sections
            .iter()
            .map(|s| SectionArticles {
                name: s.name.clone(),
                articles: Vec::new(),
            })
            .collect();
        for (i, fetched, (article, page_failure)) in completed {
            if fetched && page_failure.is_none() {
                stats.pages_fetched += 1;
            }
            if let Some(reason) = page_failure {
                let failure = SourceFailure {
                    section: config.sections[i].name.clone(),
                    source: article.url.clone(),
                    reason: format!("{reason}; using the feed's text"),
                };
                tracing::warn!("{failure}");
                failures.push(failure);
            }
            sections[i].articles.push(article);
        }
        Collection {
            date,
            window,
            sections,
            failures,
            stats,
        }
    }
}

/// Collects with no memory and no progress reports.
pub async fn collect_edition(config: &Config, fetcher: &Fetcher, date: NaiveDate) -> Collection {
    Collector {
        config,
        fetcher,
        history: &Forgetful,
        progress: &|_| {},
    }
    .collect(date)
    .await
}

/// A source as read: its title, items, and whether it was unchanged.
#[derive(Debug, Clone)]
pub struct SourceRead {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
    /// The server answered 304; the items are those kept from last time.
    pub not_modified: bool,
}

/// Reads and parses one source, or says why it failed.
pub async fn read_source(fetcher: &Fetcher, source: &Source) -> Result<SourceRead, String> {
    let fetched = fetcher
        .fetch_source(&source.location)
        .await
        .map_err(|e| strip_location(&e.to_string(), &source.location))?;
    let body = charset::feed_to_utf8(&fetched.body, fetched.content_type.as_deref());
    let parsed = feed::parse_feed(&body, fetched.url.as_ref()).map_err(|e| e.to_string())?;
    Ok(SourceRead {
        title: parsed.title,
        items: parsed.items,
        not_modified: fetched.not_modified,
    })
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

fn wants_page(item: &FeedItem, source: &Source) -> bool {
    match source.full_text {
        FullText::Always => true,
        FullText::Never => false,
        FullText::Auto => is_teaser(&item.content),
    }
}

/// Turns a feed item into an article, fetching its page when `fetch_page`
/// (the feed gives only a teaser). A page that cannot be fetched leaves the
/// feed's text in place, and the reason is returned for the report.
async fn complete_article(
    fetcher: &Fetcher,
    item: FeedItem,
    fetch_page: bool,
    source_name: String,
) -> (Article, Option<String>) {
    let link = dedupe::strip_tracking(&item.url);
    let mut content = item.content;
    let mut failure = None;
    if fetch_page {
        match Url::parse(&link) {
            Ok(url) => match fetcher.fetch_url(&url).await {
                Ok(page) => {
                    content = charset::page_to_string(&page.body, page.content_type.as_deref())
                }
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
