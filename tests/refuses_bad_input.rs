//! Bad configuration and bad subscriber rows stop a send before anything
//! goes out (exit code 2), naming the file and line.

mod support;

use support::{digest, write_config};

fn setup(body: &str, csv: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let feed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/feeds/europe.xml");
    write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"Europe\"\nsources = [{:?}]\n{body}",
            feed.to_str().unwrap()
        ),
    );
    std::fs::create_dir(dir.path().join("subscribers")).unwrap();
    std::fs::write(dir.path().join("subscribers/europe.csv"), csv).unwrap();
    dir
}

#[test]
fn unknown_config_key_names_the_line() {
    let dir = setup("[summary]\nlead_word = 40\n", "email\na@example.org\n");
    let config = dir.path().join("digest.toml");
    let out = digest(&[
        "--config",
        config.to_str().unwrap(),
        "send",
        "--date",
        "2026-11-26",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("digest.toml")
            && stderr.contains("lead_word")
            && stderr.contains("line 15"),
        "{stderr}"
    );
    assert!(!dir.path().join("outbox").exists());
}

#[test]
fn invalid_rows_stop_the_send_unless_skipped() {
    let dir = setup(
        "",
        "email,name\na@example.org,Ann\nnot-an-address,Bob\nc@example.org,Cy\n",
    );
    let config = dir.path().join("digest.toml");
    let config = config.to_str().unwrap();
    let out = digest(&["--config", config, "send", "--date", "2026-11-26"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("europe.csv:3: invalid address `not-an-address`"),
        "{stderr}"
    );
    assert!(!dir.path().join("outbox").exists());

    let out = digest(&[
        "--config",
        config,
        "send",
        "--date",
        "2026-11-26",
        "--skip-invalid",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "partial: a row was skipped\n{stdout}"
    );
    assert!(stdout.contains("europe: 2 sent"), "{stdout}");
}
