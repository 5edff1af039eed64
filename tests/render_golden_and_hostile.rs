//! The renderer on a fixed edition (golden files) and on hostile feed
//! content: the output must stay safe, well-formed and within budget.
//!
//! After a deliberate change to the look, refresh the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test render_golden_and_hostile` and read
//! the diff before committing it.

mod support;

use std::path::Path;

use newsdigest::language::Language;
use newsdigest::model::{Edition, EditionArticle, EditionSection, Format, Quote, Subscriber};
use newsdigest::render::{Briefing, DEFAULT_HTML_BUDGET, Prepared, Reader, Theme};
use scraper::{Html, Selector};

fn briefing() -> Briefing {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Briefing::new(
        "Europe Morning Briefing".into(),
        "https://briefing.example.org".parse().unwrap(),
        Some("Europe Briefing, Rue de l'Exemple 1, 1000 Brussels, Belgium".into()),
        chrono_tz::Europe::Brussels,
        Language::default(),
        Theme::load(&root.join("templates")).unwrap(),
    )
}

fn subscriber(name: Option<&str>, format: Format) -> Subscriber {
    Subscriber {
        list: "europe".into(),
        email: "anna@example.org".into(),
        name: name.map(String::from),
        sections: vec![],
        format,
        language: None,
        timezone: None,
    }
}

fn reader(subscriber: &Subscriber) -> Reader<'_> {
    Reader {
        subscriber,
        unsubscribe_url: "https://briefing.example.org/unsubscribe?t=TOKEN".into(),
    }
}

fn golden(name: &str, actual: &str) {
    let path = support::fixture("../golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the rendering at line {}:\n  golden: {:?}\n  actual: {:?}\n(UPDATE_GOLDEN=1 rewrites it after a deliberate change)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn fixed_edition() -> Edition {
    let json = std::fs::read_to_string(support::fixture("render/edition.json")).unwrap();
    serde_json::from_str(&json).unwrap()
}

#[test]
fn fixed_edition_matches_the_golden_html_and_text() {
    let edition = fixed_edition();
    let briefing = briefing();
    let prepared = Prepared::new(&edition, &briefing).unwrap();
    let anna = subscriber(Some("Anna Schmidt"), Format::Html);
    let digest = prepared.render(&reader(&anna));
    golden("digest.html", digest.html.as_deref().unwrap());
    golden("digest.txt", &digest.text);
    assert_eq!(
        digest.subject,
        "Europe Morning Briefing: Thursday 26 November"
    );

    // a text-only reader of one section in French, in Lisbon
    let mut pedro = subscriber(None, Format::Text);
    pedro.sections = vec!["World".into()];
    pedro.language = Language::parse("fr");
    pedro.timezone = Some(chrono_tz::Europe::Lisbon);
    let digest = prepared.render(&reader(&pedro));
    assert!(digest.html.is_none());
    golden("digest-fr-world.txt", &digest.text);
}

#[test]
fn the_text_twin_keeps_to_72_columns_but_for_urls() {
    let edition = fixed_edition();
    let briefing = briefing();
    let d = Prepared::new(&edition, &briefing)
        .unwrap()
        .render(&reader(&subscriber(Some("Anna"), Format::Html)));
    for line in d.text.lines() {
        let width = textwrap::core::display_width(line);
        let url_line = line.starts_with("http") || line.split_once("] http").is_some();
        assert!(width <= 72 || url_line, "{width} columns: {line}");
    }
    // every section underlined, every headline numbered and listed
    for section in &edition.sections {
        assert!(d.text.contains(&format!(
            "{}\n{}",
            section.name,
            "=".repeat(section.name.len())
        )));
        for article in &section.articles {
            assert!(d.text.contains(&article.url), "{}", article.url);
        }
    }
}

fn hostile_edition() -> Edition {
    let evil = |i: usize, title: String, url: &str| EditionArticle {
        url: url.to_string(),
        title,
        source: "<b onmouseover=alert(1)>Evil Wire</b>".into(),
        published: Some("2026-11-26T04:00:00Z".parse().unwrap()),
        lead: format!(
            "Lead {i} <script>alert('x')</script><img src=x onerror=alert(1)> \
             <iframe src=https://evil.test></iframe><form action=https://evil.test><input></form> \
             <style>body{{display:none}}</style> <a href=\"javascript:alert(1)\">click</a> \
             \u{202E}desrever\u{202C} 東京で会議 🇪🇺🎉 مرحبا"
        ),
        quote: Some(Quote {
            text: "</blockquote><script>alert(2)</script>\" onload=\"alert(3)".into(),
            speaker: Some("\u{202E}Mallory <svg onload=alert(4)>".into()),
        }),
    };
    let huge = "Huge ".repeat(200_000); // a 1 MB title
    Edition {
        date: "2026-11-26".parse().unwrap(),
        sections: vec![
            EditionSection {
                name: "<script>alert('section')</script>".into(),
                articles: vec![
                    evil(0, huge, "https://news.test/huge"),
                    evil(
                        1,
                        "javascript link".into(),
                        "javascript:alert(document.cookie)",
                    ),
                    evil(2, "data link".into(), "data:text/html;base64,PHNjcmlwdD4="),
                    evil(
                        3,
                        "\"><img src=x onerror=alert(5)> 東京 🇪🇺 \u{202E}olleh".into(),
                        "https://news.test/a?x=\"><script>",
                    ),
                ],
            },
            EditionSection {
                name: "World".into(),
                articles: (4..90)
                    .map(|i| evil(i, format!("Story {i} 😀 CJK 中文"), "https://news.test/s"))
                    .collect(),
            },
        ],
    }
}

#[test]
fn hostile_feed_content_stays_text_and_the_mail_stays_well_formed() {
    let edition = hostile_edition();
    let briefing = briefing();
    let prepared = Prepared::new(&edition, &briefing).unwrap();
    let sub = subscriber(Some("<script>alert('name')</script>\u{202E}"), Format::Html);
    let d = prepared.render(&reader(&sub));
    let html = d.html.unwrap();

    // parses, and holds no active content
    let doc = Html::parse_document(&html);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for tag in ["table", "tr", "td", "p", "h3", "a", "blockquote"] {
        let open =
            html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
        assert_eq!(
            open,
            html.matches(&format!("</{tag}>")).count(),
            "unbalanced <{tag}>"
        );
    }
    for bad in [
        "script", "iframe", "form", "input", "img", "svg", "object", "embed",
    ] {
        let sel = Selector::parse(bad).unwrap();
        assert_eq!(doc.select(&sel).count(), 0, "a <{bad}> element got through");
    }
    // one <style> only: ours, with the @media rules
    assert_eq!(doc.select(&Selector::parse("style").unwrap()).count(), 1);
    for el in doc.select(&Selector::parse("*").unwrap()) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            if name == "href" || name == "src" {
                assert!(
                    value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with("mailto:"),
                    "unsafe link {value}"
                );
            }
        }
    }
    // the javascript: and data: articles keep their headline but lose the link
    let plain = Selector::parse("span.headline-plain").unwrap();
    let unlinked: Vec<String> = doc.select(&plain).map(|e| e.text().collect()).collect();
    assert_eq!(unlinked, ["javascript link", "data link"]);
    // feed text shows as text
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    // bidi overrides are gone, emoji, CJK and Arabic are kept
    assert!(!html.contains('\u{202E}') && !d.text.contains('\u{202E}'));
    assert!(html.contains("東京で会議 🇪🇺🎉 مرحبا") && d.text.contains("東京で会議"));
    // the 1 MB title is cut, and the whole edition fits the budget
    assert!(html.len() <= DEFAULT_HTML_BUDGET, "{} bytes", html.len());
    assert!(!html.contains(&"Huge ".repeat(100)));
    assert!(html.contains("more stories in World in the online edition"));
    // the footer with its unsubscribe link survives
    assert!(html.contains("https://briefing.example.org/unsubscribe?t=TOKEN"));

    // the text twin: no line over 78 columns but URLs on their own
    for line in d.text.lines() {
        let width = textwrap::core::display_width(line);
        let url_line = line.starts_with("http") || line.split_once("] http").is_some();
        assert!(width <= 78 || url_line, "{width} columns: {line}");
    }
    // and the encoded bodies are valid quoted-printable with short lines
    for body in [&d.encoded.text, d.encoded.html.as_ref().unwrap()] {
        for line in body.split(|b| *b == b'\n') {
            assert!(line.len() <= 78);
        }
        quoted_printable::decode(body, quoted_printable::ParseMode::Strict).unwrap();
    }
}
