//! Finding the article in a page: the main text of an HTML document (via
//! `dom_smoothie`, a port of Mozilla's Readability), or the paragraphs of
//! pasted plain text, as a list of paragraphs.

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeData, NodeRef};

use crate::text::{fold_whitespace, word_count};

/// The raw material of a summary: a headline, if the page names one, and
/// its paragraphs in order, before boilerplate is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    /// True when `title` came from the page's markup rather than its text.
    pub title_from_markup: bool,
}

/// Does this look like an HTML document or fragment rather than plain text?
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with('<')
        || ["<html", "<body", "<p>", "<p ", "<div", "<br", "<article"]
            .iter()
            .any(|tag| head.contains(tag))
}

/// Extracts the article from HTML or plain text.
pub fn extract(input: &str) -> Extracted {
    if looks_like_html(input) {
        extract_html(input)
    } else {
        extract_text(input)
    }
}

/// Plain text: paragraphs are separated by blank lines (or by single line
/// breaks when the text has no blank line at all). Inside a block, lines
/// wrapped at the text's width are one paragraph, but a line that stops
/// well short of that width ends one: "Par Le Monde avec AFP" above "Publié
/// le 01 décembre 2026 à 09h14" are two lines of furniture, not a sentence.
pub fn extract_text(input: &str) -> Extracted {
    let input = input.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let blocks: Vec<&str> = if input.contains("\n\n") {
        input.split("\n\n").collect()
    } else {
        input.lines().collect()
    };
    let width = input.lines().map(|l| l.trim().chars().count()).max();
    let paragraphs = blocks
        .into_iter()
        .flat_map(|block| unwrap_lines(block, width.unwrap_or(0)))
        .map(|p| fold_whitespace(&p))
        .filter(|p| !p.is_empty())
        .collect();
    Extracted {
        title: None,
        paragraphs,
        title_from_markup: false,
    }
}

/// A line shorter than this share of the text's longest line ends a
/// paragraph rather than wrapping into the next line.
const SHORT_LINE_SHARE: f32 = 0.6;

/// The paragraphs of one block of plain text: its lines joined where they
/// wrap at `width`, split after a line that stops short of it.
fn unwrap_lines(block: &str, width: usize) -> Vec<String> {
    let lines: Vec<&str> = block.lines().map(str::trim).collect();
    let mut paragraphs = vec![String::new()];
    for (k, line) in lines.iter().enumerate() {
        let current = paragraphs.last_mut().expect("one paragraph at least");
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        let stops_short = (line.chars().count() as f32) < SHORT_LINE_SHARE * width as f32;
        if stops_short && k + 1 < lines.len() {
            paragraphs.push(String::new());
        }
    }
    paragraphs
}

/// HTML: Readability picks the main content, then its block elements become
/// paragraphs. A page Readability cannot read falls back to its whole body.
/// The page is parsed once: Readability works on a copy of the tree, the
/// fallback on the original.
pub fn extract_html(input: &str) -> Extracted {
    let stripped = strip_inert(input);
    let page = Document::from(stripped.as_ref());
    if super::streamed::has_streamed_parts(input) {
        super::streamed::put_in_place(&page);
    }
    if super::collapsed::has_controls(input) {
        super::collapsed::unfold(&page);
    }
    super::marked::remove(&page, &super::marked::marked_classes(&stripped));
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..Default::default()
    };
    let readable = dom_smoothie::Readability::with_document(page.clone(), None, Some(cfg))
        .and_then(|mut r| r.parse().map(|article| (article.title, r.doc)));
    match readable {
        Ok((title, readable)) => {
            static CONTENT: LazyLock<Matcher> = LazyLock::new(|| matcher("#readability-page-1"));
            let mut paragraphs = readable
                .select_single_matcher(&CONTENT)
                .nodes()
                .first()
                .map(|root| paragraphs_of(root, false))
                .unwrap_or_default();
            let words = words_in(&paragraphs);
            if words < FALLBACK_BELOW_WORDS
                && let Some(better) = container_fallback(&page, &paragraphs, words)
            {
                paragraphs = better;
            }
            let title = headline(&page, &title)
                .or_else(|| {
                    let title = fold_whitespace(&title);
                    Some(match site_name(&page) {
                        Some(site) => strip_named_site(&title, &site),
                        None => strip_site_name(&title),
                    })
                })
                .filter(|t| !t.is_empty());
            Extracted {
                title,
                paragraphs,
                title_from_markup: true,
            }
        }
        Err(_) => {
            let title = Some(page_title(&page)).filter(|t| !t.is_empty());
            Extracted {
                title,
                paragraphs: paragraphs_of(&page.root(), false),
                title_from_markup: true,
            }
        }
    }
}

/// How much of the page an element is cut with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// A void element: its tag alone.
    Tag,
    /// Raw text to the parser: up to the first closing tag.
    RawText,
    /// Everything up to the matching closing tag, counting nested ones.
    Element,
    /// An element that cannot nest (the parser ignores a `<form>` inside
    /// a form; a `<select>` holds options only): up to its first closing
    /// tag, as the parser has it, so an unclosed inner one cannot stretch
    /// the cut over the story.
    Flat,
}

/// What is cut before parsing: scripts and styles, inline SVG, the page
/// furniture Readability drops from the article anyway (`aside`, `footer`,
/// forms, `select`, `<link>`) or the walker never reads (`nav`,
/// `noscript`). Not buttons: pages that leave a button's tag unclosed put
/// the story inside it, and Readability still finds it there.
const CUT: [(&str, Cut); 12] = [
    ("script", Cut::RawText),
    ("style", Cut::RawText),
    ("noscript", Cut::RawText),
    ("textarea", Cut::RawText),
    ("iframe", Cut::RawText),
    ("svg", Cut::Element),
    ("nav", Cut::Element),
    ("aside", Cut::Element),
    ("footer", Cut::Element),
    ("form", Cut::Flat),
    ("select", Cut::Flat),
    ("link", Cut::Tag),
];

/// A form holding this many paragraphs (or a heading, `<article>` or
/// `<main>`) is not cut: some sites wrap the whole page in one.
const KEPT_FROM_PARAGRAPHS: usize = 5;

/// Scripts, styles, inline SVG, navigation, asides, footers and forms are
/// about three fifths of the bytes of a typical news page and never article
/// text: they are cut before parsing, which spares the HTML tokenizer and
/// Readability that work (measured on the eval's pages: 36.2M -> 29.4M
/// instructions per page, body F1 unchanged). JSON-LD stays (Readability
/// reads the headline from it), and so do comments (streamed pages mark
/// their parts with them).
pub fn strip_inert(html: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let open = at + found;
        at = open + 1;
        if html[open..].starts_with("<!--") {
            match html[open..].find("-->") {
                Some(end) => at = open + end + 3,
                None => break,
            }
            continue;
        }
        let Some((tag, cut)) = cut_at(html.as_bytes(), open + 1) else {
            continue;
        };
        let Some(open_end) = html[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let cut_end = match cut {
            Cut::Tag => Some(open_end),
            Cut::RawText if tag == "script" && html[open..open_end].contains("ld+json") => {
                // kept, and its text not looked into for tags
                match raw_text_end(html, open_end, tag) {
                    Some(end) => at = end,
                    None => break,
                }
                continue;
            }
            Cut::RawText => raw_text_end(html, open_end, tag),
            Cut::Element if self_closed(html, tag, open_end) => Some(open_end),
            Cut::Element => element_end(html, open_end, tag, true),
            Cut::Flat => element_end(html, open_end, tag, false),
        };
        // unclosed: left to the parser
        let Some(cut_end) = cut_end else {
            break;
        };
        // a story inside a form (a CMS's page-wide one) stays
        if cut == Cut::Flat && holds_article(&html[open_end..cut_end]) {
            continue;
        }
        out.push_str(&html[copied..open]);
        copied = cut_end;
        at = cut_end;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Does this stretch of markup hold a story rather than a few fields: a
/// heading, `<article>`, `<main>` or a few paragraphs?
fn holds_article(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut paragraphs = 0;
    for (lt, _) in html.match_indices('<') {
        if ["h1", "article", "main"]
            .iter()
            .any(|tag| is_name_at(bytes, lt + 1, tag))
        {
            return true;
        }
        if is_name_at(bytes, lt + 1, "p") {
            paragraphs += 1;
            if paragraphs >= KEPT_FROM_PARAGRAPHS {
                return true;
            }
        }
    }
    false
}

/// The element of [`CUT`] whose name starts at `at`, ignoring case.
fn cut_at(bytes: &[u8], at: usize) -> Option<(&'static str, Cut)> {
    // the longest name in CUT is 8 letters: read up to 9, lower-cased
    let mut name = [0u8; 9];
    let mut len = 0;
    for &b in bytes.get(at..)?.iter().take(name.len()) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        name[len] = b.to_ascii_lowercase();
        len += 1;
    }
    let name = &name[..len];
    CUT.iter()
        .copied()
        .find(|(cut, _)| cut.as_bytes() == name)
        .filter(|_| is_name_end(bytes.get(at + len)))
}

/// Does the tag name `name` start at `at` (and end there)?
fn is_name_at(bytes: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    bytes.len() > end
        && bytes[at..end].eq_ignore_ascii_case(name.as_bytes())
        && is_name_end(bytes.get(end))
}

/// Can this byte follow a tag name?
fn is_name_end(byte: Option<&u8>) -> bool {
    matches!(
        byte,
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
    )
}

/// Is the `tag` opening tag that ends at `tag_end` also its end (`<svg/>`)?
/// Only foreign elements such as SVG close themselves; `<aside/>` opens.
fn self_closed(html: &str, tag: &str, tag_end: usize) -> bool {
    tag == "svg" && html[..tag_end].ends_with("/>")
}

/// The end of the first `</tag ...>` from `from`.
fn raw_text_end(html: &str, from: usize, tag: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        let lt = at + html[at..].find('<')?;
        at = lt + 1;
        if bytes.get(lt + 1) == Some(&b'/') && is_name_at(bytes, lt + 2, tag) {
            return html[lt..].find('>').map(|i| lt + i + 1);
        }
    }
}

/// The end of the `</tag>` that closes an element whose opening tag ends
/// at `from`, counting nested elements of the same name if it `nests`, and
/// stepping over comments and raw text (a `"</aside>"` inside a script
/// closes nothing).
fn element_end(html: &str, from: usize, tag: &str, nests: bool) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 1usize;
    let mut at = from;
    while let Some(found) = html[at..].find('<') {
        let lt = at + found;
        if html[lt..].starts_with("<!--") {
            at = lt + html[lt..].find("-->")? + 3;
            continue;
        }
        let tag_end = lt + html[lt..].find('>')? + 1;
        at = tag_end;
        if bytes.get(lt + 1) == Some(&b'/') {
            if is_name_at(bytes, lt + 2, tag) {
                depth -= 1;
                if depth == 0 {
                    return Some(tag_end);
                }
            }
        } else if nests && is_name_at(bytes, lt + 1, tag) {
            if !self_closed(html, tag, tag_end) {
                depth += 1;
            }
        } else if let Some((raw, Cut::RawText)) = cut_at(bytes, lt + 1) {
            at = raw_text_end(html, tag_end, raw)?;
        }
    }
    None
}

fn matcher(css: &str) -> Matcher {
    Matcher::new(css).expect("static selector")
}

/// Readability's result shorter than this (in words) is checked against the
/// page's own article container.
const FALLBACK_BELOW_WORDS: usize = 800;

/// When Readability kept too little, the page's own article container
/// (`<article>`, `itemprop=articleBody`, `<main>`, the usual CMS classes)
/// often holds the whole text: use the smallest one that holds much more,
/// is mostly prose or has few links (not a list of links), and contains most of what
/// Readability found (unless that was next to nothing). With no container
/// at all and next to nothing found, the body without its furniture.
/// Measured on `../shared/eval`: body F1 0.925 -> 0.940.
fn container_fallback(page: &Document, found: &[String], words: usize) -> Option<Vec<String>> {
    static CANDIDATES: LazyLock<Matcher> = LazyLock::new(|| {
        matcher(
            "[itemprop=articleBody], article, main, .entry-content, .post-content, .article-body, .article-content, .post-body, .story-body, .c-article-body",
        )
    });
    let mut best: Option<(usize, Vec<String>)> = None;
    for el in page.select_matcher(&CANDIDATES).nodes() {
        let paras = paragraphs_of(el, true);
        let n = words_in(&paras);
        if n < words * 3 / 2 + 50 {
            continue;
        }
        // prose, not a list of links: most words sit in sentences
        let prose: usize = paras
            .iter()
            .map(|p| word_count(p))
            .filter(|&w| w >= 10)
            .sum();
        if prose * 10 < n * 6 {
            // short paragraphs, but not links: a list of points or steps
            let linked: usize = el.find(&["a"]).iter().map(|a| word_count(&a.text())).sum();
            if linked * 10 >= n {
                continue;
            }
        }
        // it must contain most of what Readability found
        let joined = paras.join(" ");
        let shared = found
            .iter()
            .filter(|p| joined.contains(p.as_str()))
            .map(|p| word_count(p))
            .sum::<usize>();
        if words >= 150 && shared * 10 < words * 7 {
            continue;
        }
        if best.as_ref().is_none_or(|(b, _)| n < *b) {
            best = Some((n, paras));
        }
    }
    if best.is_none() && words < 50 {
        // nothing article-like at all: the body without its furniture
        static BODY: LazyLock<Matcher> = LazyLock::new(|| matcher("body"));
        if let Some(body) = page.select_single_matcher(&BODY).nodes().first() {
            let paras = paragraphs_of(body, true);
            let n = words_in(&paras);
            if n > words * 2 + 50 {
                best = Some((n, paras));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// The text of the page's `<title>`, whitespace folded.
fn page_title(page: &Document) -> String {
    static TITLE: LazyLock<Matcher> = LazyLock::new(|| matcher("title"));
    fold_whitespace(&page.select_single_matcher(&TITLE).text())
}

/// Fewest and most words of a headline set in `<h1>`.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=30;

/// The headline as the page sets it in an `<h1>`, when the page's title
/// says the same (at least 60 % of the heading's words are in it): the
/// `<title>` adds the site's name, a rubric or a year for search engines
/// ("How To Book a Flight For Beginners | It’s All Trip To Me"), and a
/// one-word `<h1>` or a logo is no headline.
fn headline(page: &Document, title: &str) -> Option<String> {
    static H1: LazyLock<Matcher> = LazyLock::new(|| matcher("h1"));
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // the page's own title without the site's name, before or after it (a
    // blog's name in the `<h1>` is in the `<title>` too)
    let page_title = strip_site_name(&page_title(page));
    let own_title = if page_title.is_empty() {
        title.to_string()
    } else {
        strip_leading_site_name(&page_title)
    };
    let in_title: HashSet<String> = words(&own_title).into_iter().collect();
    let headings = page.select_matcher(&H1);
    // a page that sets its sections in `<h1>` has no one headline
    if headings.length() > MAX_HEADLINES {
        return None;
    }
    headings.nodes().iter().find_map(|h1| {
        let mut text = fold_whitespace(&h1.text());
        // a heading that repeats the whole title, site and section too
        while text.contains(" | ") {
            let shorter = strip_site_name(&text);
            if shorter == text {
                break;
            }
            text = shorter;
        }
        let own = words(&text);
        let shared = own.iter().filter(|w| in_title.contains(*w)).count();
        if !(HEADLINE_WORDS.contains(&own.len()) && shared * 10 >= own.len() * 6) {
            return None;
        }
        // a heading set in parts ("<span>EU-Gipfel</span> <span>Einigung
        // …</span>") loses the punctuation between them that the title,
        // written without markup, keeps: the same words in the same order,
        // not in capitals, are the same headline
        if !in_unpunctuated_parts(h1) {
            return Some(text);
        }
        let punctuated = [fold_whitespace(title), page_title.clone()]
            .into_iter()
            .find(|t| own == words(t) && t.chars().any(char::is_lowercase));
        Some(punctuated.unwrap_or(text))
    })
}

/// Is the heading set in two parts or more, all but the last ending
/// without punctuation ("<span>EU-Gipfel</span> <span>Einigung …</span>")?
fn in_unpunctuated_parts(h1: &NodeRef<'_>) -> bool {
    let parts: Vec<String> = h1
        .element_children()
        .iter()
        .map(|part| part.text().trim().to_string())
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() >= 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|part| !part.ends_with(|c: char| c.is_ascii_punctuation() || "–—…".contains(c)))
}

/// Most `<h1>` elements a page may have for one of them to be its headline.
const MAX_HEADLINES: usize = 3;

/// "Budget passes | Morgenpost" becomes "Budget passes": a short last part
/// after a separator is the site's name, not the headline.
pub fn strip_site_name(title: &str) -> String {
    strip_short_tail(title, &TITLE_SEPARATORS)
}

/// What sets a site's name or a section apart from the headline in a
/// `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " – ", " — ", " - ", " :: ", " · ", " » "];

/// The title without a part of at most four words after the last of
/// `separators`, when at least two words come before it.
fn strip_short_tail(title: &str, separators: &[&str]) -> String {
    for sep in separators {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 2
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// The site's name as the page declares it (`og:site_name`).
fn site_name(page: &Document) -> Option<String> {
    static SITE: LazyLock<Matcher> = LazyLock::new(|| matcher(r#"meta[property="og:site_name"]"#));
    page.select_single_matcher(&SITE)
        .attr("content")
        .map(|name| fold_whitespace(&name))
        .filter(|name| !name.is_empty())
}

/// The title without the site's name when the page names its site: the
/// part after the last separator goes only when it is that name ("… -
/// DER SPIEGEL" on a page whose site is "DER SPIEGEL" or "Spiegel"), so a
/// headline's own second half stays ("Klingbeil verteidigt Schuldenpläne
/// - Union kritisiert Tricks").
fn strip_named_site(title: &str, site: &str) -> String {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let site = letters(site);
    // a spaced colon sets a French headline's parts apart ("Budget : …"),
    // so it sets off only the site's own name
    for sep in TITLE_SEPARATORS.iter().chain(&[" : "]) {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = letters(tail);
            if !tail.is_empty()
                && !site.is_empty()
                && (tail.contains(&site) || site.contains(&tail))
            {
                return head.trim().to_string();
            }
        }
    }
    // a short part after a bar is a section ("… | District"); after a dash
    // it may be the headline's second half
    strip_short_tail(title, &[" | "])
}

/// "Morgenpost | Budget passes" and "RogerBW's Blog: Advent of Code 2025
/// week 2" lose their first part: a short part before a bar or a colon is
/// the site's name when more follows it. (Only to compare a heading with:
/// "Budget 2027: the Assembly votes" is a headline as it stands.)
fn strip_leading_site_name(title: &str) -> String {
    match title.split_once(" | ").or_else(|| title.split_once(": ")) {
        Some((head, tail))
            if head.split_whitespace().count() <= 4
                && tail.split_whitespace().count() > head.split_whitespace().count() =>
        {
            tail.trim().to_string()
        }
        _ => title.to_string(),
    }
}

/// Elements whose start and end break a paragraph.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "hr"
            | "figure"
            | "form"
            | "address"
            | "body"
            | "html"
    )
}

/// Elements whose text is never article text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "figcaption"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "head"
            | "title"
    )
}

/// The text of each block of an HTML fragment or document, in order.
pub fn html_paragraphs(html: &str) -> Vec<String> {
    let doc = Document::from(html);
    paragraphs_of(&doc.root(), false)
}

/// The text of each block under `node`; with `skip_furniture`, navigation,
/// asides, forms, headers and footers are left out too.
fn paragraphs_of(node: &NodeRef<'_>, skip_furniture: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    walk(
        node,
        list_start(node),
        skip_furniture,
        &mut current,
        &mut out,
    );
    flush(&mut current, &mut out);
    out
}

/// The elements the walker treats specially once inside them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Cell,
    ListItem,
    OrderedList,
    Other,
}

/// What the walker does after looking at a node once (text is taken as
/// it is seen).
enum Step {
    /// An element whose text counts; `block` breaks the paragraph around it.
    Descend { block: bool, tag: Tag },
    /// `<br>`: a line break inside the paragraph.
    LineBreak,
    /// Text already taken, or nothing of the article.
    Next,
}

/// `number` is the next item's number when `node` is an ordered list.
fn walk(
    node: &NodeRef<'_>,
    mut number: Option<i64>,
    skip_furniture: bool,
    current: &mut String,
    out: &mut Vec<String>,
) {
    for child in node.children_it(false) {
        let step = child.query_or(Step::Next, |n| match &n.data {
            NodeData::Text { contents } => {
                current.push_str(contents);
                Step::Next
            }
            NodeData::Element(e) => match &*e.name.local {
                "br" => Step::LineBreak,
                tag if is_skipped(tag)
                    || skip_furniture
                        && matches!(tag, "nav" | "aside" | "form" | "footer" | "header") =>
                {
                    Step::Next
                }
                tag => Step::Descend {
                    block: is_block(tag),
                    tag: match tag {
                        "td" | "th" => Tag::Cell,
                        "li" => Tag::ListItem,
                        "ol" => Tag::OrderedList,
                        _ => Tag::Other,
                    },
                },
            },
            _ => Step::Next,
        });
        match step {
            Step::LineBreak => current.push(LINE_BREAK),
            Step::Descend { block, tag } => {
                if block {
                    flush(current, out);
                } else if tag == Tag::Cell && !current.trim().is_empty() {
                    current.push_str(CELL_SEPARATOR);
                }
                let mut label = None;
                if let Some(n) = number.as_mut()
                    && tag == Tag::ListItem
                {
                    if let Some(value) = child.attr("value").and_then(|v| v.trim().parse().ok()) {
                        *n = value;
                    }
                    if !starts_with_number(&child.text()) {
                        let text = format!("{n}.");
                        current.push_str(&text);
                        current.push(' ');
                        label = Some((out.len(), text));
                    }
                    *n = n.saturating_add(1);
                }
                let numbered = (tag == Tag::OrderedList).then(|| first_number(&child));
                walk(&child, numbered, skip_furniture, current, out);
                if block {
                    flush(current, out);
                }
                // an item opening with a heading or paragraph: its number
                // goes with that block, not on a line of its own; an item
                // with no text (an image, a button) leaves no number behind
                if let Some((at, text)) = label
                    && out.get(at) == Some(&text)
                {
                    let number = out.remove(at);
                    if let Some(first) = out.get_mut(at) {
                        first.insert(0, ' ');
                        first.insert_str(0, &number);
                    }
                }
            }
            Step::Next => {}
        }
    }
}

/// The number of the first item when `node` is an ordered list.
fn list_start(node: &NodeRef<'_>) -> Option<i64> {
    node.has_name("ol").then(|| first_number(node))
}

/// The number of an ordered list's first item (`start=`, else 1).
fn first_number(ol: &NodeRef<'_>) -> i64 {
    ol.attr("start")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// "3. Preheat…", "3) Preheat…": the item carries its own number.
fn starts_with_number(text: &str) -> bool {
    let text = text.trim_start();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && text[digits..].starts_with(['.', ')', ':'])
}

fn words_in(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| word_count(p)).sum()
}

/// Between the cells of a table row, which reads as one line: "Founded ·
/// 1946" (not '|', which marks breadcrumb trails).
pub const CELL_SEPARATOR: &str = " · ";

/// Where a `<br>` broke a block; resolved when the block is flushed.
const LINE_BREAK: char = '\u{2028}';

/// Ends the current block. Lines broken by `<br>` stay one paragraph when
/// the break falls mid-sentence (a line that does not end a sentence,
/// followed by one in lower case: hard-wrapped text); otherwise each line
/// is a paragraph of its own (addresses, lists, verse).
fn flush(current: &mut String, out: &mut Vec<String>) {
    // a cell that opens with a block ends the row's line before it
    if let Some(row) = current.trim_end().strip_suffix(CELL_SEPARATOR.trim_end()) {
        current.truncate(row.len());
    }
    if !current.contains(LINE_BREAK) {
        let p = fold_whitespace(current);
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
        return;
    }
    let mut paragraph = String::new();
    for line in current.split(LINE_BREAK).map(fold_whitespace) {
        if line.is_empty() {
            continue;
        }
        let continues = !paragraph.is_empty()
            && !paragraph.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '»'])
            && line.chars().next().is_some_and(char::is_lowercase);
        if continues {
            paragraph.push(' ');
        } else if !paragraph.is_empty() {
            out.push(std::mem::take(&mut paragraph));
        }
        paragraph.push_str(&line);
    }
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_paragraphs() {
        let e = extract("Title line\n\nFirst  paragraph\nwraps here.\n\n\nSecond.\n");
        assert_eq!(
            e.paragraphs,
            vec!["Title line", "First paragraph wraps here.", "Second."]
        );
        // a byline and a time stamp on lines of their own, above a
        // paragraph wrapped at 60 columns
        let e = extract(
            "Par Le Monde avec AFP\nPublié le 01 décembre 2026 à 09h14\n\n\
             Le président a appelé mardi les Vingt-Sept à rester unis dans\n\
             les négociations sur le prochain budget de l'Union, lors d'une\n\
             conférence de presse.\n",
        );
        assert_eq!(
            e.paragraphs,
            vec![
                "Par Le Monde avec AFP",
                "Publié le 01 décembre 2026 à 09h14",
                "Le président a appelé mardi les Vingt-Sept à rester unis dans les négociations sur le prochain budget de l'Union, lors d'une conférence de presse."
            ]
        );
    }

    #[test]
    fn html_blocks_become_paragraphs() {
        let p = html_paragraphs(
            "<div><h2>Head</h2><p>One <b>bold</b> word.</p><figure><img><figcaption>Caption</figcaption></figure><p>Two<br>Three</p><script>x()</script></div>",
        );
        assert_eq!(p, vec!["Head", "One bold word.", "Two", "Three"]);
    }

    #[test]
    fn scripts_styles_and_svg_are_cut_before_parsing() {
        let page = "<html><head><STYLE>p{color:red}</style><script type=\"application/ld+json\">{\"headline\":\"H\"}</script>\
<script>if (a < b) { document.write('<p>no</p>') }</script></head><body><p>One</p><svg viewBox=\"0 0 1 1\"><title>icon</title></svg>\
<Script src=x.js></SCRIPT><p>Two</p><scripted>kept</scripted></body></html>";
        let stripped = strip_inert(page);
        assert!(!stripped.contains("color:red"));
        assert!(!stripped.contains("document.write"));
        assert!(!stripped.contains("icon"));
        assert!(stripped.contains("ld+json"), "JSON-LD stays");
        assert!(stripped.contains("<scripted>kept</scripted>"));
        assert_eq!(html_paragraphs(&stripped), vec!["One", "Two", "kept"]);
        // nothing to cut: the page itself, not a copy
        assert!(matches!(
            strip_inert("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        // an unclosed script is left to the parser
        assert!(strip_inert("<p>a</p><script>x").contains("<script>x"));
    }

    #[test]
    fn page_furniture_is_cut_before_parsing_with_its_nested_parts() {
        let page = "<html><head><link rel=stylesheet href=a.css><script type=\"application/ld+json\">{\"x\":\"<nav>\"}</script></head><body>\
<NAV><ul><li><nav>Sub</nav></li><li>Menu</li></ul></NAV><p>One</p>\
<aside>Box<aside>inner</aside><script>s = '</aside>';</script><!-- </aside> -->still box</aside>\
<p>Two<svg/></p><form action=/search><input name=q><button>Go</button></form>\
<footer>Contact</footer><!-- <footer> --><p>Three</p></body></html>";
        let stripped = strip_inert(page);
        for gone in [
            "Menu",
            "Sub",
            "Box",
            "inner",
            "still box",
            "Go",
            "Contact",
            "a.css",
        ] {
            assert!(!stripped.contains(gone), "{gone} cut in {stripped}");
        }
        assert!(
            stripped.contains("{\"x\":\"<nav>\"}"),
            "JSON-LD is not read for tags"
        );
        assert_eq!(html_paragraphs(&stripped), vec!["One", "Two", "Three"]);
        // a form holding the story is the page, not furniture
        let wrapped = format!(
            "<script>{}</script><form id=aspnetForm><H1>Title</H1><p>The whole story is in here.</p></form>",
            "x".repeat(10_000)
        );
        assert!(strip_inert(&wrapped).contains("whole story"));
        let paragraphs = "<form><p>1.</p><p>2.</p><p>3.</p><p>4.</p><P class=x>Five.</P></form>";
        assert!(strip_inert(paragraphs).contains("Five."));
        assert!(!strip_inert("<form><p>Sign up.</p><p>Weekly.</p></form>").contains("Sign up"));
        // a form inside a form is ignored by the parser, which ends both at
        // the first </form>: so does the cut
        let unclosed = "<form><form><input name=q></form><p>The story.</p><form></form>";
        let stripped = strip_inert(unclosed);
        assert!(!stripped.contains("<input"), "{stripped}");
        assert_eq!(html_paragraphs(&stripped), vec!["The story."]);
        // an unclosed aside is left to the parser
        assert!(strip_inert("<p>a</p><aside>x").contains("<aside>x"));
    }

    #[test]
    fn streamed_article_text_is_read_in_its_place() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the streamed story says what the council decided about \
                 the tram line, who voted for it and what it will cost the city each year.</p>"
            )
        };
        let streamed: String = (1..=6).map(para).collect();
        let page = format!(
            "<html><head><title>Tram line approved</title></head><body><nav><a href=/>Home</a></nav>\
             <article><h1>Tram line approved</h1><template id=\"B:0\"></template>\
             <div>Loading paragraph...</div></article><footer>About us</footer>\
             <div hidden id=\"S:0\">{streamed}</div></body></html>"
        );
        let e = extract(&page);
        assert!(!e.paragraphs.iter().any(|p| p.starts_with("Loading")));
        assert_eq!(
            e.paragraphs
                .iter()
                .filter(|p| p.starts_with("Paragraph"))
                .count(),
            6,
            "{:?}",
            e.paragraphs
        );
    }

    #[test]
    fn a_container_of_short_points_is_taken_but_not_a_list_of_links() {
        let intro = "The rail operator published its winter plan on Monday, and the changes \
            reach almost every line in the region, from the coastal branch to the night trains. \
            Passengers on the busiest routes gain trains, while two rural lines lose their late \
            services, and the operator says the plan follows a year of complaints about delays.";
        let page_with = |item: &dyn Fn(usize) -> String| {
            let items: String = (1..=60).map(item).collect();
            Document::from(format!(
                "<html><body><article><p>{intro}</p><ul>{items}</ul></article></body></html>"
            ))
        };
        let found = vec![intro.to_string()];
        let words = word_count(intro);

        let points = page_with(&|n| format!("<li>Line {n}: trains run every twenty minutes</li>"));
        let taken = container_fallback(&points, &found, words).expect("the article is taken");
        assert_eq!(taken.len(), 61);

        let links = page_with(&|n| {
            format!("<li><a href=/l{n}>Timetable for line {n} and its stops</a></li>")
        });
        assert_eq!(container_fallback(&links, &found, words), None);
    }

    #[test]
    fn ordered_list_items_keep_their_numbers() {
        let p = html_paragraphs(
            "<ol><li>Book the ferry.</li><li><h3>Pack light</h3><p>One bag.</p></li><li><img></li></ol>\
             <ol start=\"7\"><li>Seventh step.</li><li value=\"10\">Tenth step.</li></ol>\
             <ol><li>1) Already numbered.</li></ol><ul><li>A point.</li></ul>\
             <ol start=\"9223372036854775807\"><li>Last.</li><li>After.</li></ol>",
        );
        assert_eq!(
            p,
            vec![
                "1. Book the ferry.",
                "2. Pack light",
                "One bag.",
                "7. Seventh step.",
                "10. Tenth step.",
                "1) Already numbered.",
                "A point.",
                "9223372036854775807. Last.",
                "9223372036854775807. After."
            ]
        );
    }

    #[test]
    fn table_rows_read_as_lines() {
        let p = html_paragraphs(
            "<table><thead><tr><th>Rank</th><th>State</th><th>Score</th></tr></thead>\
             <tbody><tr><td>1</td><td>North Dakota</td><td>82.0</td></tr>\
             <tr><td>2</td><td><p>Vermont</p></td><td></td></tr></tbody></table>",
        );
        assert_eq!(
            p,
            vec![
                "Rank · State · Score",
                "1 · North Dakota · 82.0",
                "2",
                "Vermont"
            ]
        );
        // and no row is mistaken for a breadcrumb trail
        let kept = crate::summarise::clean::clean_paragraphs(p);
        assert!(kept.contains(&"1 · North Dakota · 82.0".to_string()));
    }

    #[test]
    fn hard_wrapped_lines_stay_one_paragraph() {
        let p = html_paragraphs(
            "<p>Gym equipment refers to the machines used in a<br>\nfitness facility. These<br>help people train.</p><p>12 Main Street<br>Brussels</p>",
        );
        assert_eq!(
            p,
            vec![
                "Gym equipment refers to the machines used in a fitness facility. These help people train.",
                "12 Main Street",
                "Brussels"
            ]
        );
    }

    #[test]
    fn the_headline_is_the_h1_that_the_title_agrees_with() {
        const STORY: &str = "<p>The city council voted on Tuesday to close the old harbour \
            bridge to cars from March, after engineers found corrosion in two of its \
            supporting piers during a routine inspection of the structure.</p>\
            <p>Buses and bicycles will still cross while the repairs, expected to take \
            eighteen months, are carried out in stages over the winter and spring.</p>";
        let title_of = |title: &str, headings: &[&str]| {
            let h1s: String = headings.iter().map(|h| format!("<h1>{h}</h1>")).collect();
            let html = format!(
                "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\"></head>\
                 <body><article>{h1s}{STORY}</article></body></html>"
            );
            extract(&html).title.unwrap_or_default()
        };
        // the title (here also the page's `og:title`, which Readability
        // prefers) adds the site and a rubric; the heading is the headline
        assert_eq!(
            title_of(
                "Harbour bridge to close to cars from March | City News | Rotterdam Daily",
                &["Harbour bridge to close to cars from March"]
            ),
            "Harbour bridge to close to cars from March"
        );
        assert_eq!(
            title_of(
                "How To Book a Flight For Beginners | It’s All Trip To Me",
                &["How To Book a Flight For Beginners"]
            ),
            "How To Book a Flight For Beginners"
        );
        // a heading set in parts (a kicker and the headline, in spans)
        // takes the title's punctuation when the words are the same
        assert_eq!(
            title_of(
                "EU-Gipfel: Einigung auf Ukraine-Hilfen | tagesschau.de",
                &["<span>EU-Gipfel</span> <span>Einigung auf Ukraine-Hilfen</span>"]
            ),
            "EU-Gipfel: Einigung auf Ukraine-Hilfen"
        );
        assert_eq!(
            title_of(
                "EU-GIPFEL: EINIGUNG AUF UKRAINE-HILFEN | tagesschau.de",
                &["<span>EU-Gipfel</span> <span>Einigung auf Ukraine-Hilfen</span>"]
            ),
            "EU-Gipfel Einigung auf Ukraine-Hilfen"
        );
        // a heading in one piece keeps its own typography
        assert_eq!(
            title_of(
                "Why Cheap SEO Doesn't Work | Rotterdam Daily",
                &["Why Cheap SEO Doesn’t Work"]
            ),
            "Why Cheap SEO Doesn’t Work"
        );
        // a heading that repeats the whole title loses the site's name
        assert_eq!(
            title_of(
                "Harbour bridge to close | Transport | Rotterdam Daily",
                &["Harbour bridge to close | Transport | Rotterdam Daily"]
            ),
            "Harbour bridge to close"
        );
        // a blog's name in the heading is the site, not the headline
        assert_eq!(
            title_of(
                "RogerBW's Blog: Advent of Code 2025 week 2",
                &["RogerBW's Blog", "Day 7"]
            ),
            "RogerBW's Blog: Advent of Code 2025 week 2"
        );
        // sections set in <h1>: no one of them is the headline
        assert_eq!(
            title_of(
                "Harbour bridge to close to cars - Rotterdam Daily",
                &[
                    "Harbour bridge",
                    "Bridge to close",
                    "Cars to close",
                    "The bridge"
                ]
            ),
            "Harbour bridge to close to cars"
        );
    }

    #[test]
    fn a_page_that_names_its_site_loses_only_that_name_from_its_title() {
        // the headline in <h2>, no <h1>: the title comes from the <title>
        let title_of = |title: &str, site: &str| {
            let html = format!(
                "<html><head><title>{title}</title>\
                 <meta property=\"og:site_name\" content=\"{site}\"></head><body><article>\
                 <h2>{title}</h2><p>Bundesfinanzminister Lars Klingbeil hat im Bundestag den \
                 Haushaltsentwurf für 2027 gegen Kritik der Opposition verteidigt und neue \
                 Schulden in Milliardenhöhe begründet.</p><p>Die Union warf der Regierung vor, \
                 Ausgaben in Sondervermögen zu verschieben, der Ausschuss berät im Dezember.</p>\
                 </article></body></html>"
            );
            extract(&html).title.unwrap_or_default()
        };
        // a short second half after a dash is the headline's, not a site
        assert_eq!(
            title_of(
                "Klingbeil verteidigt Schuldenpläne - Union kritisiert Tricks",
                "DER SPIEGEL"
            ),
            "Klingbeil verteidigt Schuldenpläne - Union kritisiert Tricks"
        );
        assert_eq!(
            title_of(
                "Klingbeil verteidigt Schuldenpläne - Union kritisiert Tricks - DER SPIEGEL",
                "Spiegel"
            ),
            "Klingbeil verteidigt Schuldenpläne - Union kritisiert Tricks"
        );
        // a rubric after a bar goes, as on a page that names no site
        assert_eq!(
            title_of(
                "Homestead gardening makes rural communities more self-reliant | District",
                "BSS"
            ),
            "Homestead gardening makes rural communities more self-reliant"
        );
        // after a spaced colon, only the site's own name goes: a French
        // headline keeps its parts
        assert_eq!(
            title_of("Zero waste living guide for beginners : Earth5R", "Earth5R"),
            "Zero waste living guide for beginners"
        );
        assert_eq!(
            title_of("Budget européen : Macron refuse", "Le Monde"),
            "Budget européen : Macron refuse"
        );
        assert_eq!(
            title_of(
                "Marathon in One Year for Beginners » Take The Magic Step®",
                "Take The Magic Step"
            ),
            "Marathon in One Year for Beginners"
        );
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(
            strip_site_name("Budget passes | Morgenpost"),
            "Budget passes"
        );
        assert_eq!(
            strip_site_name("Haushalt beschlossen » Morgenpost"),
            "Haushalt beschlossen"
        );
        assert_eq!(
            strip_site_name("Vote - a long subtitle that is part of the headline"),
            "Vote - a long subtitle that is part of the headline"
        );
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <p>Hi</p>"));
        assert!(!looks_like_html("Home Europe\n\nNATO said 3 < 4."));
    }
}
