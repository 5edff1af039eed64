//! Removing what surrounds an article but is not part of it: breadcrumbs,
//! bylines, share and cookie prompts, "Related Posts", captions and the like.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::word_count;

/// Short lines that are navigation or prompts, whatever else they say.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            source\ link | related(?:\ posts|\ articles|\ stories|\ news|\ content|\ topics)? |
            read\ (?:more|also|next)(?:\ about)?\b.* | see\ also\b.* | more\ on\ this\ story | most\ read |
            (?:share|tweet|email|print|copy\ link)(?:\ (?:this(?:\ article|\ story|\ page)?|on\ \S+|via\ \S+|article|story|the\ article))?:? |
            (?:teilen|artikel\ teilen|partager|condividi|compartir)(?:\ (?:auf|sur|su|en)\ \S+)?:? |
            (?:follow|like)\ us\b.* | sign\ up\b.* | subscribe\b.* | .*\bnewsletter\b.* |
            .*\bcookies?\b.* | advertisement | advertising | anzeige | publicité | pubblicità | publicidad | sponsored |
            \d+\ comments? | comments? | leave\ a\ (?:comment|reply) | no\ comments\ yet.* |
            (?:photo|image|picture|foto|bild|credit|crédit|source|quelle)s?\s*[:/©].* |
            .*\b(?:getty\ images|afp\ photo|reuters/|ap\ photo|shutterstock|epa-efe)\b.* |
            ©.* | copyright\b.* | all\ rights\ reserved.* |
            (?:published|updated|posted|last\ updated|veröffentlicht|aktualisiert|publié|mis\ à\ jour)\b.* |
            tags?\s*:.* | topics?\s*:.* | filed\ under\b.* | skip\ to\ (?:main\ )?content |
            back\ to\ top | click\ here\b.* | table\ of\ contents | contents | learn\ more | contact\ us | get\ in\ touch |
            author | about\ the\ author | written\ by | (?:in\ )?this\ article | jump\ to\b.* | listen\ to\ (?:this\ )?article.* | \d+\ min(?:ute)?s?\ read
        )$",
    )
    .expect("boilerplate pattern")
});

/// Bylines: "by editor", "By Jane Doe and John Roe", "Von Anna Weber", "Par …".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted\ |written\ |reported\ )?(?:by|von|par|di|por|door|av|przez)\s+[\p{L}.'’\- ,&]+$").expect("byline pattern")
});

/// Affiliate and sponsorship disclosures, whatever their length.
static DISCLOSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\baffiliate (?:links?|commission)\b|\b(?:may|might|could) earn (?:us )?(?:a )?(?:small )?commission\b|\bearn(?:s)? (?:us )?a commission\b|\bthis (?:post|article|page) (?:may )?contains? (?:affiliate|sponsored)\b|\bindependently (?:selected|chosen|reviewed) by (?:our )?editors\b",
    )
    .expect("disclosure pattern")
});

/// Headings after which a page has only furniture left: related stories,
/// comments, the author's box.
static END_OF_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            related\ (?:posts|articles|stories|reading|content) | you\ (?:may|might)\ also\ (?:like|enjoy)\b.* |
            more\ (?:from\ \S+(?:\ \S+){0,3}|stories|articles) | recommended(?:\ for\ you|\ reading|\ articles)? | (?:popular|trending)(?:\ posts|\ now|\ stories)? |
            reader\ interactions | (?:\d+\ )?comments?(?:\ \(\d+\))? | leave\ a\ (?:comment|reply) | join\ the\ (?:conversation|discussion) |
            about\ the\ author | share\ this:? | like\ this:? | weitere\ artikel | à\ lire\ aussi | lire\ aussi | leggi\ anche | te\ puede\ interesar
        )$",
    )
    .expect("end-of-article pattern")
});

/// Longest line, in words, that the short-line patterns may remove.
const SHORT_LINE_WORDS: usize = 14;

/// Is this paragraph page furniture rather than article text?
pub fn is_boilerplate(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.is_empty() {
        return true;
    }
    let words = word_count(p);
    if words <= SHORT_LINE_WORDS && (BOILERPLATE.is_match(p) || (words <= 8 && BYLINE.is_match(p)))
    {
        return true;
    }
    if words <= 80 && DISCLOSURE.is_match(p) {
        return true;
    }
    is_breadcrumb(p)
}

/// "Home Europe …", "Home > World > Europe": a trail of links, no sentence.
fn is_breadcrumb(p: &str) -> bool {
    let lower = p.to_lowercase();
    let starts_home = [
        "home ",
        "home>",
        "home›",
        "home »",
        "startseite ",
        "accueil ",
        "inicio ",
        "portada ",
    ]
    .iter()
    .any(|h| lower.starts_with(h));
    let trail_marks = p.matches(['>', '›', '»', '/', '|']).count();
    let ends_as_sentence = p.ends_with(['.', '!', '?', '"', '”']);
    word_count(p) <= 25
        && !ends_as_sentence
        && (starts_home || trail_marks >= 2 && word_count(p) <= 10)
}

/// Drops boilerplate paragraphs and repeats, keeping order, and cuts the
/// page at a heading that starts the furniture after an article ("Related
/// Posts", "Comments", "About the author") once the article had its say.
pub fn clean_paragraphs(paragraphs: Vec<String>) -> Vec<String> {
    let total: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let mut seen = 0;
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let words = word_count(&p);
        if words <= 6
            && (seen >= 150 || seen * 10 >= total * 4)
            && END_OF_ARTICLE.is_match(p.trim())
        {
            break;
        }
        seen += words;
        if is_boilerplate(&p) || kept.iter().any(|k| k == &p) {
            continue;
        }
        kept.push(p);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        for line in [
            "Home Europe NATO urges political solution to Afghanistan conflict",
            "Home > World > Europe",
            "by editor",
            "By Jane Doe and John Roe",
            "Source link",
            "Related Posts",
            "Share this article",
            "We use cookies to improve your experience",
            "Sign up for our morning newsletter",
            "Advertisement",
            "12 comments",
            "Photo: Jane Doe/Reuters",
            "Published 25 November 2026",
            "Read more: Ministers meet in Brussels",
            "Teilen auf Facebook",
            "This article contains affiliate links that may earn us a commission at no extra cost to you.",
            "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn article_text_is_kept() {
        for line in [
            "Ministers met in Brussels on Tuesday to discuss the budget.",
            "By the end of the week, the talks had collapsed and both sides blamed each other for the failure.",
            "Share prices fell sharply after the announcement, traders said.",
            "The new rules",
            "Home owners across Spain face higher mortgage costs after the central bank raised rates again.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
