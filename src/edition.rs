//! Assembling an edition: each collected article paired with its summary.

use crate::collect::Collection;
use crate::model::{Article, Edition, EditionArticle, EditionSection};
use crate::summarise::summarise;

/// Summarises every collected article, on every core, and lays them out
/// by section in the collection's order.
pub fn assemble(collection: &Collection, lead_words: usize) -> Edition {
    let all: Vec<&Article> = collection
        .sections
        .iter()
        .flat_map(|s| &s.articles)
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = all.len().div_ceil(cores).max(1);
    let summaries: Vec<EditionArticle> = std::thread::scope(|scope| {
        let workers: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|a| summarise_article(a, lead_words))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("summarising never panics"))
            .collect()
    });
    let mut summaries = summaries.into_iter();
    Edition {
        date: collection.date,
        sections: collection
            .sections
            .iter()
            .map(|section| EditionSection {
                name: section.name.clone(),
                articles: summaries.by_ref().take(section.articles.len()).collect(),
            })
            .collect(),
    }
}

/// One article's entry in the edition.
pub fn summarise_article(article: &Article, lead_words: usize) -> EditionArticle {
    let summary = summarise(&article.content, lead_words);
    let title = if article.title.trim().is_empty() {
        summary.title.clone().unwrap_or_else(|| article.url.clone())
    } else {
        article.title.clone()
    };
    EditionArticle {
        url: article.url.clone(),
        title,
        source: article.source.clone(),
        published: article.published,
        lead: summary.lead,
        quote: summary.quote,
    }
}
