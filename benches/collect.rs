//! Collecting on loopback: 50 feeds of 20 items (RSS, Atom and JSON Feed)
//! and 200 teaser items whose article pages are fetched, extracted and
//! summarised with everything else, through the real HTTP client, the
//! state file and the summariser. Prints the wall time of each stage and
//! pages per second. Run with `cargo bench --bench collect`.
//!
//! The article pages are real news pages from `../shared/eval`'s corpus
//! (served gzip-compressed, as sites do) when it is there, or set
//! `BENCH_PAGES_DIR` to a folder of `.html.gz` files; otherwise the three
//! small fixture pages of the tests stand in for them.

#[path = "common/corpus.rs"]
mod corpus;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::Path as UrlPath;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use newsdigest::collect::{Collector, Fetcher};
use newsdigest::config::Config;
use newsdigest::edition::assemble;
use newsdigest::store::Memory;

const FEEDS: usize = 50;
const ITEMS: usize = 20;
const PAGES: usize = 200;

/// Article pages as served: (gzip-compressed?, bytes).
fn article_pages() -> (Vec<(bool, Vec<u8>)>, String) {
    let (corpus, files) = corpus::corpus_pages();
    if let Some(files) = files.filter(|f| f.len() >= PAGES) {
        let pages = files[..PAGES]
            .iter()
            .map(|p| (true, std::fs::read(p).unwrap()))
            .collect();
        return (
            pages,
            format!("{PAGES} real pages from {}", corpus.display()),
        );
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collect/pages");
    let mut pages: Vec<(bool, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| (false, std::fs::read(e.unwrap().path()).unwrap()))
        .collect();
    pages.sort();
    (
        pages,
        "the 3 fixture pages, repeated (no eval corpus found)".into(),
    )
}

/// Item `i` of feed `f`: every fifth is a teaser (200 in all).
fn item(f: usize, i: usize) -> (String, String, bool) {
    let n = f * ITEMS + i;
    let teaser = n.is_multiple_of(5);
    let text = if teaser {
        "Ministers met on Tuesday to discuss the plan… Read more".to_string()
    } else {
        format!(
            "<p>Story {n} from feed {f}: the council agreed on Wednesday to extend the programme by two years, officials said.</p>{}",
            "<p>The decision follows months of talks between member states about funding, timing and oversight of the scheme. </p>".repeat(12)
        )
    };
    (format!("Story {n}"), text, teaser)
}

fn feed(f: usize, web: &str) -> (String, &'static str) {
    let date = "2026-11-25T12:00:00Z";
    match f % 3 {
        0 => {
            let items: String = (0..ITEMS)
                .map(|i| {
                    let (title, text, _) = item(f, i);
                    let n = f * ITEMS + i;
                    format!(
                        "<item><title>{title}</title><link>http://{web}/articles/{n}</link><guid>g{n}</guid>\
                         <pubDate>Wed, 25 Nov 2026 12:{:02}:00 GMT</pubDate><description><![CDATA[{text}]]></description></item>",
                        i
                    )
                })
                .collect();
            (
                format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {f}</title>{items}</channel></rss>"
                ),
                "application/rss+xml",
            )
        }
        1 => {
            let entries: String = (0..ITEMS)
                .map(|i| {
                    let (title, text, _) = item(f, i);
                    let n = f * ITEMS + i;
                    format!(
                        "<entry><title>{title}</title><id>urn:{n}</id><link href=\"http://{web}/articles/{n}\"/>\
                         <updated>{date}</updated><content type=\"html\">{}</content></entry>",
                        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
                    )
                })
                .collect();
            (
                format!(
                    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed {f}</title><id>urn:f{f}</id><updated>{date}</updated>{entries}</feed>"
                ),
                "application/atom+xml",
            )
        }
        _ => {
            let items: Vec<serde_json::Value> = (0..ITEMS)
                .map(|i| {
                    let (title, text, _) = item(f, i);
                    let n = f * ITEMS + i;
                    serde_json::json!({"id": format!("j{n}"), "url": format!("http://{web}/articles/{n}"),
                        "title": title, "content_html": text, "date_published": date})
                })
                .collect();
            (
                serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": format!("Feed {f}"), "items": items}).to_string(),
                "application/feed+json",
            )
        }
    }
}

fn main() {
    let (pages, pages_from) = article_pages();
    println!("article pages: {pages_from}");
    let pages = Arc::new(pages);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let web = listener.local_addr().unwrap().to_string();
    let feeds: Arc<Vec<(String, &'static str)>> =
        Arc::new((0..FEEDS).map(|f| feed(f, &web)).collect());
    let served = {
        let (feeds, pages) = (feeds.clone(), pages.clone());
        Router::new()
            .route(
                "/feeds/{n}",
                get(move |UrlPath(n): UrlPath<usize>| {
                    let feeds = feeds.clone();
                    async move {
                        let (body, ct) = feeds[n].clone();
                        ([(header::CONTENT_TYPE, ct)], body).into_response()
                    }
                }),
            )
            .route(
                "/articles/{n}",
                get(move |UrlPath(n): UrlPath<usize>| {
                    let pages = pages.clone();
                    async move {
                        let (gzipped, body) = pages[(n / 5) % pages.len()].clone();
                        let mut response =
                            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body)
                                .into_response();
                        if gzipped {
                            response.headers_mut().insert(
                                header::CONTENT_ENCODING,
                                header::HeaderValue::from_static("gzip"),
                            );
                        }
                        response
                    }
                }),
            )
    };
    // the server gets a core's worth of threads of its own
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, served).await.unwrap();
        });
    });

    let dir = tempfile::tempdir().unwrap();
    let sections: String = (0..5)
        .map(|s| {
            let sources: Vec<String> = (0..FEEDS / 5)
                .map(|k| format!("\"http://{web}/feeds/{}\"", s * (FEEDS / 5) + k))
                .collect();
            format!(
                "[[section]]\nname = \"Section {s}\"\nmax_articles = 1000\nsources = [{}]\n\n",
                sources.join(", ")
            )
        })
        .collect();
    let toml = format!(
        "[digest]\ntitle = \"Bench\"\ntimezone = \"Europe/Brussels\"\nfrom = \"b@bench.test\"\nbase_url = \"https://bench.test\"\n\n{sections}\
         [collect]\nallow_private_hosts = true\nconcurrency = 32\nper_host = 32\n\n[state]\ndir = \"state\"\n"
    );
    let config_path = dir.path().join("digest.toml");
    std::fs::write(&config_path, &toml).unwrap();
    let config = Config::parse(&toml, &config_path).unwrap();

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let date = "2026-11-26".parse().unwrap();
    let run = |label: &str| {
        let memory = Arc::new(Memory::open(&config.state.dir).unwrap());
        let fetcher = Fetcher::new(&config.collect)
            .unwrap()
            .with_cache(memory.clone());
        let start = Instant::now();
        let collection = rt.block_on(
            Collector {
                config: &config,
                fetcher: &fetcher,
                history: memory.as_ref(),
                progress: &|_| {},
            }
            .collect(date),
        );
        let fetched = start.elapsed();
        let edition = assemble(&collection, 60);
        let total = start.elapsed();
        assert!(collection.failures.is_empty(), "{:?}", collection.failures);
        assert_eq!(edition.article_count(), FEEDS * ITEMS);
        assert_eq!(collection.stats.pages_fetched, PAGES);
        println!(
            "{label}: {} feeds, {} articles, {} pages fetched: fetch+parse {:.2} s, summarise {:.2} s, total {:.2} s ({:.0} pages/s, {:.0} articles/s)",
            FEEDS,
            edition.article_count(),
            collection.stats.pages_fetched,
            fetched.as_secs_f64(),
            (total - fetched).as_secs_f64(),
            total.as_secs_f64(),
            PAGES as f64 / total.as_secs_f64(),
            edition.article_count() as f64 / total.as_secs_f64()
        );
    };
    run("first run (empty state)");
    run("second run (same feeds, state file warm)");
    println!("target: the whole collect under 3 s on 2 cores");
}
