//! Where the benchmarks find real article pages: `../shared/eval`'s
//! development corpus, or the folder named by `BENCH_PAGES_DIR`.

use std::path::PathBuf;

/// The corpus folder and its `.html.gz` pages in name order; `None` when
/// the folder cannot be read.
pub fn corpus_pages() -> (PathBuf, Option<Vec<PathBuf>>) {
    let dir = std::env::var_os("BENCH_PAGES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/eval/data/wcxb-dev-articles/html")
        });
    let files = std::fs::read_dir(&dir).ok().map(|entries| {
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
            .collect();
        files.sort();
        files
    });
    (dir, files)
}
