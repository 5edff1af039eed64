//! Commands for editors looking after sources: `digest feed` (what does this
//! feed hold?) and `digest check` (are all configured sources healthy?).

use std::io::Write;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use super::{Outcome, partial_if};
use newsdigest::collect::{self, Fetcher, charset, feed};
use newsdigest::config::Config;
use newsdigest::text::{html_to_plain, word_count};

#[derive(Serialize)]
struct FeedListing {
    title: String,
    items: Vec<ItemListing>,
}

#[derive(Serialize)]
struct ItemListing {
    title: String,
    url: String,
    published: Option<String>,
    summary_words: usize,
}

/// `digest feed FILE|URL`: every item of one feed, whatever its date.
pub(super) async fn feed(input: &str, json: bool, allow_private_hosts: bool) -> Result<Outcome> {
    let fetched = super::read_input(input, allow_private_hosts).await?;
    let utf8 = charset::feed_to_utf8(&fetched.body, fetched.content_type.as_deref());
    let parsed =
        feed::parse_feed(&utf8, fetched.url.as_ref()).with_context(|| input.to_string())?;
    let listing = FeedListing {
        title: parsed.title.unwrap_or_default(),
        items: parsed
            .items
            .iter()
            .map(|item| ItemListing {
                title: item.title.clone(),
                url: item.url.clone(),
                published: item
                    .published
                    .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
                summary_words: word_count(&html_to_plain(&item.content)),
            })
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &listing)?;
        writeln!(out)?;
        return Ok(Outcome::Done);
    }
    writeln!(out, "{} ({} items)", listing.title, listing.items.len())?;
    for (item, parsed) in listing.items.iter().zip(&parsed.items) {
        let teaser = if collect::is_teaser(&parsed.content) {
            ", teaser: the page would be fetched"
        } else {
            ""
        };
        writeln!(
            out,
            "\n{}\n  {}\n  {}; {} words{teaser}",
            item.title,
            item.url,
            item.published.as_deref().unwrap_or("no date"),
            item.summary_words
        )?;
    }
    Ok(Outcome::Done)
}

/// `digest check`: each configured source's health.
pub(super) async fn check(config: &Config, date: Option<NaiveDate>) -> Result<Outcome> {
    let date = date.unwrap_or_else(|| collect::window::today(config.digest.timezone));
    let window = collect::edition_window(date, config.collect.cutoff, config.digest.timezone);
    let fetcher = Fetcher::new(&config.collect)?;
    let fetcher = &fetcher;
    let checks = config.sections.iter().flat_map(|section| {
        section.sources.iter().map(move |source| async move {
            let started = Instant::now();
            let read = collect::read_source(fetcher, source).await;
            (section, source, read, started.elapsed())
        })
    });
    let results = futures_util::future::join_all(checks).await;
    let now = Utc::now();
    let mut failed = 0;
    let mut out = std::io::stdout().lock();
    writeln!(out, "edition {date}: sources checked against its window")?;
    for (section, source, read, took) in results {
        match read {
            Ok(read) => {
                let in_window = read
                    .items
                    .iter()
                    .filter(|i| window.contains(i.published.unwrap_or(now)))
                    .count();
                let undated = read.items.iter().filter(|i| i.published.is_none()).count();
                let title = source.name.clone().or(read.title).unwrap_or_default();
                writeln!(
                    out,
                    "ok    {:<12} {}  {title}: {} items, {in_window} in the window{} ({:.2} s)",
                    section.name,
                    source.location,
                    read.items.len(),
                    if undated > 0 {
                        format!(", {undated} undated")
                    } else {
                        String::new()
                    },
                    took.as_secs_f64()
                )?;
            }
            Err(reason) => {
                failed += 1;
                writeln!(
                    out,
                    "FAIL  {:<12} {}  {reason}",
                    section.name, source.location
                )?;
            }
        }
    }
    writeln!(
        out,
        "{} source(s), {failed} failing",
        config
            .sections
            .iter()
            .map(|s| s.sources.len())
            .sum::<usize>()
    )?;
    Ok(partial_if(failed > 0))
}
