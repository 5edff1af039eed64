//! The summariser on one core over `../shared/eval`'s development corpus
//! (793 article pages): HTML in, JSON out, in-process. Prints pages per
//! second and the peak resident memory. Run with
//! `cargo bench --bench summarise`; `BENCH_PAGES_DIR` points at another
//! folder of `.html.gz` pages.
//!
//! With `SUMMARISE_OUT=DIR` it also writes each page's JSON (with its own
//! `elapsed_us`) to `DIR/<id>.json`, which the eval scores without starting
//! a process per page:
//! `python3 ../shared/eval/extract_eval.py --name digest-inproc --cmd 'cat DIR/{id}.json'`

#[path = "common/corpus.rs"]
mod corpus;

use std::io::Read;
use std::time::Instant;

use newsdigest::collect::charset;
use newsdigest::summarise::summarise;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Pages summarised, untimed, before the clock starts.
const WARM_UP_PAGES: usize = 50;

/// Timed passes over the corpus on one core.
const ROUNDS: usize = 5;

fn main() {
    let (dir, files) = corpus::corpus_pages();
    let Some(files) = files else {
        eprintln!("no corpus at {} (set BENCH_PAGES_DIR)", dir.display());
        return;
    };
    // decompress and decode first: only summarising is timed
    let pages: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap())
                .read_to_end(&mut html)
                .unwrap();
            let id = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".html.gz")
                .to_string();
            (id, charset::page_to_string(&html, None))
        })
        .collect();
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let rss_before = peak_rss_kb().unwrap_or(0);
    let out_dir = std::env::var_os("SUMMARISE_OUT").map(std::path::PathBuf::from);
    if let Some(d) = &out_dir {
        std::fs::create_dir_all(d).unwrap();
    }

    // warm up: the patterns compile and the allocator settles on the first
    // pages, as in a long run; then every page is timed once
    for (_, html) in pages.iter().take(WARM_UP_PAGES) {
        std::hint::black_box(summarise(html, 60));
    }
    let start = Instant::now();
    let mut slowest = (0u128, String::new());
    for (id, html) in &pages {
        let t = Instant::now();
        let summary = summarise(html, 60);
        let us = t.elapsed().as_micros();
        if us > slowest.0 {
            slowest = (us, id.clone());
        }
        if let Some(d) = &out_dir {
            let mut json = serde_json::to_value(&summary).unwrap();
            json["elapsed_us"] = serde_json::json!(us as u64);
            std::fs::write(d.join(format!("{id}.json")), json.to_string()).unwrap();
        }
        std::hint::black_box(summary);
    }
    let took = start.elapsed();
    println!(
        "{} pages ({} MB of HTML) summarised on one core in {:.2} s: {:.0} pages/s; slowest {} ({:.1} ms)",
        pages.len(),
        bytes / 1_000_000,
        took.as_secs_f64(),
        pages.len() as f64 / took.as_secs_f64(),
        slowest.1,
        slowest.0 as f64 / 1000.0
    );
    // a shared machine's speed drifts from minute to minute: more rounds,
    // reported as median and best (the first pass counts unless it also
    // wrote the JSON files)
    let mut rates = Vec::with_capacity(ROUNDS);
    if out_dir.is_none() {
        rates.push(pages.len() as f64 / took.as_secs_f64());
    }
    while rates.len() < ROUNDS {
        let start = Instant::now();
        for (_, html) in &pages {
            std::hint::black_box(summarise(html, 60));
        }
        rates.push(pages.len() as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "one core over {ROUNDS} rounds: median {:.0} pages/s, best {:.0} pages/s",
        rates[rates.len() / 2],
        rates[rates.len() - 1]
    );
    // the same pages on every core, as `digest` summarises an edition
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    std::thread::scope(|scope| {
        for part in pages.chunks(pages.len().div_ceil(cores)) {
            scope.spawn(move || {
                for (_, html) in part {
                    std::hint::black_box(summarise(html, 60));
                }
            });
        }
    });
    let took = start.elapsed();
    println!(
        "the same on {cores} cores in {:.2} s: {:.0} pages/s",
        took.as_secs_f64(),
        pages.len() as f64 / took.as_secs_f64()
    );
    if let Some(peak) = peak_rss_kb() {
        println!(
            "peak resident memory {:.0} MB ({:.0} MB of it the corpus held in memory before the run)",
            peak as f64 / 1024.0,
            rss_before as f64 / 1024.0
        );
    }
}
