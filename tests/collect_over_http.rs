//! `digest collect` against a real HTTP server on 127.0.0.1 that serves
//! feeds as the web does: every format, legacy encodings and wrong
//! declarations, validators for conditional GET, a server error that heals,
//! one that never answers, an oversized body, malformed XML, a redirect
//! loop; duplicates across feeds and across editions; the edition window
//! across daylight-saving changes.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde_json::Value;
use support::{axum_server, digest, digest_at, write_config, write_list};

fn xml(body: impl Into<Vec<u8>>, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body.into()).into_response()
}

fn rss_item(title: &str, link: &str, date: &str) -> String {
    format!(
        "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>\
         <description>{}</description></item>",
        "A full paragraph of text about the story. ".repeat(40)
    )
}

/// Feeds in every format and encoding, each with items dated inside the
/// window of the edition of 2026-11-26 (Europe/Brussels, cutoff 06:00).
fn formats() -> Router {
    let day = "Wed, 25 Nov 2026 12:00:00 GMT";
    let long = "A full paragraph of text about the story. ".repeat(40);
    let rss091 = format!(
        "<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>Old Wire</title><link>http://old.test/</link>{}</channel></rss>",
        rss_item("RSS 0.91 item", "http://old.test/091", day)
    );
    let rdf = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <channel rdf:about=\"http://rdf.test/\"><title>RDF Wire</title><link>http://rdf.test/</link><description>d</description></channel>\
         <item rdf:about=\"http://rdf.test/10\"><title>RSS 1.0 item</title><link>http://rdf.test/10</link><description>{long}</description><dc:date>2026-11-25T12:00:00Z</dc:date></item>\
         </rdf:RDF>"
    );
    // windows-1252, declared only in the HTTP header: curly quotes
    let mut cp1252 =
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>CP Wire</title>".to_vec();
    cp1252.extend_from_slice(b"<item><title>\x93Quoted\x94 in cp1252</title><link>/cp/1</link>");
    cp1252.extend_from_slice(
        format!("<pubDate>{day}</pubDate><description>{long}</description></item></channel></rss>")
            .as_bytes(),
    );
    // ISO-8859-1 in the prolog: "Zürich"
    let mut latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Latin Wire</title>".to_vec();
    latin1.extend_from_slice(
        b"<item><title>Z\xfcrich &amp; Gen\xe8ve</title><link>http://latin.test/1</link>",
    );
    latin1.extend_from_slice(
        format!("<pubDate>{day}</pubDate><description>{long}</description></item></channel></rss>")
            .as_bytes(),
    );
    // ISO-8859-2: "Łódź"
    let mut latin2 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss version=\"2.0\"><channel><title>Polish Wire</title>".to_vec();
    latin2.extend_from_slice(
        b"<item><title>\xa3\xf3d\xbc tram plan</title><link>http://pl.test/1</link>",
    );
    latin2.extend_from_slice(
        format!("<pubDate>{day}</pubDate><description>{long}</description></item></channel></rss>")
            .as_bytes(),
    );
    // ISO-8859-15: the euro sign is 0xA4
    let mut latin9 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss version=\"2.0\"><channel><title>Euro Wire</title>".to_vec();
    latin9.extend_from_slice(
        b"<item><title>Fares rise to \xa45</title><link>http://eu.test/1</link>",
    );
    latin9.extend_from_slice(
        format!("<pubDate>{day}</pubDate><description>{long}</description></item></channel></rss>")
            .as_bytes(),
    );
    // a BOM, CDATA, entities, a relative link and an item without a date
    let bom = format!(
        "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>BOM Wire</title>\
         <item><title><![CDATA[Ministers & unions <b>agree</b>]]></title><link>/bom/1</link><pubDate>{day}</pubDate><description>{long}</description></item>\
         <item><title>Undated &#8212; &eacute;t&eacute; story</title><link>/bom/undated</link><description>{long}</description></item>\
         </channel></rss>"
    );
    // says ISO-8859-1 but is UTF-8
    let wrong = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Wrong Wire</title>{}</channel></rss>",
        rss_item("Kraków – wrong prolog", "http://wrong.test/1", day)
    );
    let atom = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title><id>urn:a</id><updated>2026-11-25T12:00:00Z</updated>\
         <entry><title type=\"html\">Atom &lt;i&gt;entry&lt;/i&gt;</title><id>urn:a:1</id><link href=\"entries/1\"/><updated>2026-11-25T12:00:00Z</updated><content type=\"html\">&lt;p&gt;{long}&lt;/p&gt;</content></entry></feed>"
    );
    let json10 = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"JSON 1.0 Wire\",\"items\":[{{\"id\":\"j1\",\"url\":\"http://json.test/1\",\"title\":\"JSON Feed 1.0 item\",\"content_text\":\"{long}\",\"date_published\":\"2026-11-25T12:00:00Z\"}}]}}"
    );
    let json11 = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"JSON 1.1 Wire\",\"items\":[{{\"id\":\"j2\",\"url\":\"http://json.test/2\",\"title\":\"JSON Feed 1.1 item\",\"content_html\":\"<p>{long}</p>\",\"date_published\":\"2026-11-25T13:00:00+01:00\"}}]}}"
    );
    Router::new()
        .route(
            "/rss091.xml",
            get(move || async move { xml(rss091, "application/rss+xml") }),
        )
        .route(
            "/rdf.xml",
            get(move || async move { xml(rdf, "application/rdf+xml") }),
        )
        .route(
            "/cp1252.xml",
            get(move || async move { xml(cp1252, "text/xml; charset=windows-1252") }),
        )
        .route(
            "/latin1.xml",
            get(move || async move { xml(latin1, "application/rss+xml") }),
        )
        .route(
            "/latin2.xml",
            get(move || async move { xml(latin2, "application/rss+xml") }),
        )
        .route(
            "/latin9.xml",
            get(move || async move { xml(latin9, "application/rss+xml") }),
        )
        .route(
            "/bom.xml",
            get(move || async move { xml(bom, "application/rss+xml") }),
        )
        .route(
            "/wrong.xml",
            get(move || async move { xml(wrong, "application/rss+xml") }),
        )
        .route(
            "/atom.xml",
            get(move || async move { xml(atom, "application/atom+xml") }),
        )
        .route(
            "/feed10.json",
            get(move || async move { xml(json10, "application/feed+json") }),
        )
        .route(
            "/feed11.json",
            get(move || async move { xml(json11, "application/feed+json") }),
        )
}

fn collect_json(config: &std::path::Path, date: &str) -> (i32, Value, String) {
    let out = digest_at(config, &["collect", "--date", date, "--json"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{stderr}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), json, stderr)
}

fn titles(edition: &Value) -> Vec<String> {
    edition["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap())
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

fn section_titles(edition: &Value, name: &str) -> Vec<String> {
    let section = edition["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap();
    section["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

const COLLECT: &str =
    "[collect]\nallow_private_hosts = true\ntimeout_secs = 2\nretries = 2\nretry_backoff_ms = 50\n";

#[test]
fn every_feed_format_and_encoding_is_read() {
    let web = axum_server(formats());
    let dir = tempfile::tempdir().unwrap();
    let feeds = [
        "rss091.xml",
        "rdf.xml",
        "cp1252.xml",
        "latin1.xml",
        "latin2.xml",
        "latin9.xml",
        "bom.xml",
        "wrong.xml",
        "atom.xml",
        "feed10.json",
        "feed11.json",
    ];
    let sources: Vec<String> = feeds
        .iter()
        .map(|f| format!("\"http://{web}/{f}\""))
        .collect();
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"All\"\nmax_articles = 50\nsources = [{}]\n\n{COLLECT}",
            sources.join(", ")
        ),
    );
    // the edition whose window holds "now", for the undated item
    let (code, edition, stderr) = collect_json(&config, "2026-11-26");
    assert_eq!(code, 0, "{stderr}");
    let got = titles(&edition);
    for expected in [
        "RSS 0.91 item",
        "RSS 1.0 item",
        "“Quoted” in cp1252",
        "Zürich & Genève",
        "Łódź tram plan",
        "Fares rise to €5",
        "Ministers & unions agree",
        "Kraków – wrong prolog",
        "Atom entry",
        "JSON Feed 1.0 item",
        "JSON Feed 1.1 item",
    ] {
        assert!(
            got.iter().any(|t| t == expected),
            "missing {expected:?} in {got:?}"
        );
    }
    // relative links resolved against the feed's URL
    let urls: Vec<&str> = edition["sections"][0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["url"].as_str().unwrap())
        .collect();
    assert!(
        urls.contains(&format!("http://{web}/cp/1").as_str()),
        "{urls:?}"
    );
    assert!(
        urls.contains(&format!("http://{web}/entries/1").as_str()),
        "{urls:?}"
    );

    // `digest feed --json` lists every item, dated or not, as plain text
    let out = digest(&[
        "feed",
        &format!("http://{web}/bom.xml"),
        "--json",
        "--allow-private-hosts",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listing["title"], "BOM Wire");
    let items = listing["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["title"], "Ministers & unions agree");
    assert_eq!(items[0]["url"], format!("http://{web}/bom/1"));
    assert_eq!(items[0]["published"], "2026-11-25T12:00:00Z");
    assert_eq!(items[1]["title"], "Undated — été story");
    assert_eq!(items[1]["published"], Value::Null);
    assert!(items[0]["summary_words"].as_u64().unwrap() > 300);
}

#[test]
fn undated_items_keep_the_time_they_were_first_seen() {
    let web = axum_server(formats());
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!("[[section]]\nname = \"All\"\nsources = [\"http://{web}/bom.xml\"]\n\n{COLLECT}"),
    );
    // the edition whose window holds now: cutoff 06:00 in Brussels
    let local = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Brussels);
    let today = local.date_naive();
    let date = if local.time() < chrono::NaiveTime::from_hms_opt(6, 0, 0).unwrap() {
        today
    } else {
        today.succ_opt().unwrap()
    };
    let published = |edition: &Value| {
        edition["sections"][0]["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == "Undated — été story")
            .map(|a| a["published"].clone())
    };
    let (_, first, _) = collect_json(&config, &date.to_string());
    let first_seen = published(&first).expect("the undated item is in the current edition");
    std::thread::sleep(Duration::from_millis(1100));
    let (_, second, _) = collect_json(&config, &date.to_string());
    assert_eq!(published(&second), Some(first_seen));
}

/// A feed with validators that counts its requests and 304s.
fn conditional(hits: Arc<AtomicUsize>, not_modified: Arc<AtomicUsize>) -> Router {
    let body = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cached Wire</title>{}</channel></rss>",
        rss_item(
            "Cached story",
            "http://cached.test/1",
            "Wed, 25 Nov 2026 12:00:00 GMT"
        )
    );
    Router::new().route(
        "/cached.xml",
        get(move |headers: HeaderMap| {
            let body = body.clone();
            let (hits, not_modified) = (hits.clone(), not_modified.clone());
            async move {
                hits.fetch_add(1, Ordering::SeqCst);
                if headers
                    .get(header::IF_NONE_MATCH)
                    .is_some_and(|v| v == "\"v1\"")
                {
                    not_modified.fetch_add(1, Ordering::SeqCst);
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                (
                    [
                        (header::ETAG, "\"v1\""),
                        (header::CONTENT_TYPE, "application/rss+xml"),
                    ],
                    body,
                )
                    .into_response()
            }
        }),
    )
}

#[test]
fn an_unchanged_feed_costs_a_304_and_keeps_its_items() {
    let (hits, not_modified) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let web = axum_server(conditional(hits.clone(), not_modified.clone()));
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"All\"\nsources = [\"http://{web}/cached.xml\"]\n\n{COLLECT}"
        ),
    );
    let (code, first, _) = collect_json(&config, "2026-11-26");
    assert_eq!(code, 0);
    let (code, second, stderr) = collect_json(&config, "2026-11-26");
    assert_eq!(code, 0);
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    assert_eq!(
        not_modified.load(Ordering::SeqCst),
        1,
        "the second request was not conditional"
    );
    assert_eq!(titles(&first), ["Cached story"]);
    assert_eq!(titles(&second), ["Cached story"]);
    assert!(stderr.contains("1 unchanged since last run"), "{stderr}");
}

/// Sources that fail in every way the web fails, beside one that works
/// only on the second try and one that always works.
fn troubled(flaky_hits: Arc<AtomicUsize>) -> Router {
    let good = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good Wire</title>{}</channel></rss>",
        rss_item(
            "Good story",
            "http://good.test/1",
            "Wed, 25 Nov 2026 12:00:00 GMT"
        )
    );
    let healed = good
        .replace("Good story", "Healed story")
        .replace("good.test", "healed.test");
    let huge = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>{}</channel></rss>",
        "<!-- padding -->".repeat(200_000)
    );
    let malformed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Broken\n<item></item>\n</channel>\n</rss>\n";
    Router::new()
        .route(
            "/good.xml",
            get(move || async move { xml(good, "application/rss+xml") }),
        )
        .route(
            "/flaky.xml",
            get(move || {
                let healed = healed.clone();
                let hits = flaky_hits.clone();
                async move {
                    if hits.fetch_add(1, Ordering::SeqCst) == 0 {
                        StatusCode::INTERNAL_SERVER_ERROR.into_response()
                    } else {
                        xml(healed, "application/rss+xml")
                    }
                }
            }),
        )
        .route(
            "/hang.xml",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(60)).await;
                "never"
            }),
        )
        .route(
            "/huge.xml",
            get(move || async move { xml(huge, "application/rss+xml") }),
        )
        .route(
            "/malformed.xml",
            get(move || async move { xml(malformed, "application/rss+xml") }),
        )
        .route("/loop-a", get(|| async { Redirect::temporary("/loop-b") }))
        .route("/loop-b", get(|| async { Redirect::temporary("/loop-a") }))
        .route("/gone.xml", get(|| async { StatusCode::NOT_FOUND }))
}

#[test]
fn failing_sources_are_reported_by_url_and_the_rest_still_collected() {
    let flaky_hits = Arc::new(AtomicUsize::new(0));
    let web = axum_server(troubled(flaky_hits.clone()));
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"Trouble\"\nsources = [\"http://{web}/hang.xml\", \"http://{web}/huge.xml\", \"http://{web}/malformed.xml\", \"http://{web}/loop-a\", \"http://{web}/gone.xml\"]\n\n\
             [[section]]\nname = \"Fine\"\nsources = [\"http://{web}/good.xml\", \"http://{web}/flaky.xml\"]\n\n\
             [collect]\nallow_private_hosts = true\ntimeout_secs = 1\nretries = 1\nretry_backoff_ms = 50\nmax_body_bytes = 1000000\n"
        ),
    );
    let started = std::time::Instant::now();
    let (code, edition, stderr) = collect_json(&config, "2026-11-26");
    assert_eq!(code, 1, "a partial run exits 1: {stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the hanging server held the run"
    );
    assert_eq!(
        section_titles(&edition, "Fine"),
        ["Good story", "Healed story"]
    );
    assert_eq!(
        flaky_hits.load(Ordering::SeqCst),
        2,
        "the 500 was retried once"
    );
    for (path, reason) in [
        ("hang.xml", "timed out"),
        ("huge.xml", "larger than 1000000 bytes"),
        ("malformed.xml", "XML error at line 6"),
        ("loop-a", "redirect loop"),
        ("gone.xml", "HTTP status 404"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("http://{web}/{path}")))
            .unwrap_or_else(|| panic!("{path} not reported:\n{stderr}"));
        assert!(
            line.contains("section `Trouble`") && line.contains(reason),
            "{line}"
        );
    }
    assert!(stderr.contains("5 failure(s)"), "{stderr}");

    // `digest check` says the same per source, and exits 1
    let out = digest_at(&config, &["check", "--date", "2026-11-26"]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains(&format!(
            "ok    Fine         http://{web}/good.xml  Good Wire: 1 items, 1 in the window"
        )),
        "{report}"
    );
    assert_eq!(report.matches("FAIL").count(), 5, "{report}");
    assert!(report.contains("7 source(s), 5 failing"), "{report}");
}

/// The same story in two feeds, with tracking parameters, a fragment,
/// `http`/`https` and `www.` differences or a shared guid; and a story
/// republished the next day after it went out.
fn duplicates() -> Router {
    let day1 = "Wed, 25 Nov 2026 12:00:00 GMT";
    let day2 = "Thu, 26 Nov 2026 12:00:00 GMT";
    let first = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>First</title>{}{}{}</channel></rss>",
        rss_item("Shared story", "https://news.test/shared?id=7", day1),
        rss_item("Same guid story", "https://news.test/guid-a", day1)
            .replace("</title>", "</title><guid>urn:story:42</guid>"),
        rss_item("Only here", "https://news.test/only", day1),
    );
    let second = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Second</title>{}{}{}</channel></rss>",
        rss_item(
            "Shared story (copy)",
            "http://www.news.test/shared?id=7&amp;utm_source=x&amp;fbclid=abc#top",
            day1
        ),
        rss_item("Same guid, other link", "https://mirror.test/guid-b", day1)
            .replace("</title>", "</title><guid>urn:story:42</guid>"),
        rss_item("Second only", "https://news.test/second", day1),
    );
    let next_day = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Next</title>{}{}</channel></rss>",
        rss_item(
            "Shared story, updated",
            "https://news.test/shared?id=7&amp;utm_medium=rss",
            day2
        ),
        rss_item("Fresh story", "https://news.test/fresh", day2),
    );
    Router::new()
        .route(
            "/first.xml",
            get(move || async move { xml(first, "application/rss+xml") }),
        )
        .route(
            "/second.xml",
            get(move || async move { xml(second, "application/rss+xml") }),
        )
        .route(
            "/next.xml",
            get(move || async move { xml(next_day, "application/rss+xml") }),
        )
}

#[test]
fn a_story_appears_once_and_is_not_sent_again_in_a_later_edition() {
    let web = axum_server(duplicates());
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), "europe", 2);
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"One\"\nsources = [\"http://{web}/first.xml\"]\n\n\
             [[section]]\nname = \"Two\"\nsources = [\"http://{web}/second.xml\", \"http://{web}/next.xml\"]\n\n{COLLECT}"
        ),
    );
    let (_, edition, stderr) = collect_json(&config, "2026-11-26");
    assert_eq!(
        section_titles(&edition, "One"),
        ["Shared story", "Same guid story", "Only here"],
        "{stderr}"
    );
    assert_eq!(section_titles(&edition, "Two"), ["Second only"]);

    // the edition of the 26th goes out
    let out = digest_at(&config, &["send", "--date", "2026-11-26"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // the next edition leaves out the republished story, keeps the new one
    let (_, next, stderr) = collect_json(&config, "2026-11-27");
    assert_eq!(titles(&next), ["Fresh story"], "{stderr}");
    assert!(
        stderr.contains("1 left out as sent in an earlier edition"),
        "{stderr}"
    );
    // the edition already sent still holds its own stories when collected again
    let (_, again, _) = collect_json(&config, "2026-11-26");
    assert_eq!(section_titles(&again, "One").len(), 3);
}

/// Items around the daylight-saving changes of Europe/Brussels.
fn dst() -> Router {
    let feed = |items: &[(&str, &str)]| {
        let body: String = items
            .iter()
            .map(|(title, date)| {
                rss_item(
                    title,
                    &format!("http://dst.test/{}", title.replace(' ', "-")),
                    date,
                )
            })
            .collect();
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>DST</title>{body}</channel></rss>"
        )
    };
    // spring: 2026-03-29 02:00 CET -> 03:00 CEST; the window of the 29th
    // runs from 28 Mar 05:00Z (06:00 CET) to 29 Mar 04:00Z (06:00 CEST): 23 h
    let spring = feed(&[
        ("spring before", "Sat, 28 Mar 2026 04:59:00 GMT"),
        ("spring first", "Sat, 28 Mar 2026 05:00:00 GMT"),
        ("spring last", "Sun, 29 Mar 2026 03:59:00 GMT"),
        ("spring after", "Sun, 29 Mar 2026 04:00:00 GMT"),
    ]);
    // autumn: 2026-10-25 03:00 CEST -> 02:00 CET; the window of the 25th
    // runs from 24 Oct 04:00Z (06:00 CEST) to 25 Oct 05:00Z (06:00 CET): 25 h
    let autumn = feed(&[
        ("autumn before", "Sat, 24 Oct 2026 03:59:00 GMT"),
        ("autumn first", "Sat, 24 Oct 2026 04:00:00 GMT"),
        ("autumn last", "Sun, 25 Oct 2026 04:59:00 GMT"),
        ("autumn after", "Sun, 25 Oct 2026 05:00:00 GMT"),
    ]);
    Router::new()
        .route(
            "/spring.xml",
            get(move || async move { xml(spring, "application/rss+xml") }),
        )
        .route(
            "/autumn.xml",
            get(move || async move { xml(autumn, "application/rss+xml") }),
        )
}

#[test]
fn the_edition_window_follows_daylight_saving_changes() {
    let web = axum_server(dst());
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"DST\"\nsources = [\"http://{web}/spring.xml\", \"http://{web}/autumn.xml\"]\n\n{COLLECT}"
        ),
    );
    let (_, spring, _) = collect_json(&config, "2026-03-29");
    assert_eq!(titles(&spring), ["spring last", "spring first"]);
    let (_, autumn, _) = collect_json(&config, "2026-10-25");
    assert_eq!(titles(&autumn), ["autumn last", "autumn first"]);
}
