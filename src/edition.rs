//! Assembling an edition: each collected article paired with its summary.

use crate::collect::Collection;
use crate::model::{Article, Edition, EditionArticle, EditionSection};
use crate::summarise::summarise;

/// Summarises every collected article and lays them out by section.
pub fn assemble(collection: &Collection, lead_words: usize) -> Edition {
    Edition {
        date: collection.date,
        sections: collection
            .sections
            .iter()
            .map(|section| EditionSection {
                name: section.name.clone(),
                articles: section
                    .articles
                    .iter()
                    .map(|a| summarise_article(a, lead_words))
                    .collect(),
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
