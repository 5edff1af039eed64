//! `--shard K/N` splits the lists between hosts without overlap or gaps;
//! `--dry-run` renders and counts without delivering.

mod support;

use std::path::Path;

use support::{digest, write_config, write_list};

fn outbox_config(dir: &Path) -> std::path::PathBuf {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/feeds/europe.xml");
    write_config(
        dir,
        &format!(
            "[[section]]\nname = \"Europe\"\nsources = [{:?}]\n",
            feed.to_str().unwrap()
        ),
    )
}

#[test]
fn shards_cover_every_subscriber_once() {
    let dir = tempfile::tempdir().unwrap();
    let emails = write_list(dir.path(), "europe", 60);
    let config = outbox_config(dir.path());
    let config = config.to_str().unwrap();
    for shard in ["1/3", "2/3", "3/3"] {
        let out = digest(&[
            "--config",
            config,
            "send",
            "--date",
            "2026-11-26",
            "--shard",
            shard,
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut delivered: Vec<String> = std::fs::read_dir(dir.path().join("outbox/2026-11-26/europe"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".eml")
                .to_string()
        })
        .collect();
    delivered.sort();
    assert_eq!(delivered, emails);
    let bad = digest(&["--config", config, "send", "--shard", "4/3"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn dry_run_counts_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), "europe", 7);
    let config = outbox_config(dir.path());
    let out = digest(&[
        "--config",
        config.to_str().unwrap(),
        "send",
        "--date",
        "2026-11-26",
        "--dry-run",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("7 messages to send"), "{stdout}");
    assert!(!dir.path().join("outbox").exists());
}
