//! The README's main command on the shipped defaults: sample feeds from
//! `samples/`, the lists in `subscribers/`, the outbox transport.

mod support;

use mail_parser::{MessageParser, MimeHeaders};
use support::{digest, shipped_setup};

#[test]
fn sample_edition_lands_in_the_outbox_once_per_subscriber() {
    let dir = tempfile::tempdir().unwrap();
    shipped_setup(dir.path());
    let config = dir.path().join("digest.toml");
    let config = config.to_str().unwrap();

    let out = digest(&["--config", config, "send", "--date", "2026-11-26"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let subscribers = std::fs::read_to_string(dir.path().join("subscribers/europe.csv")).unwrap();
    let expected = subscribers
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .count();
    let outbox = dir.path().join("outbox/2026-11-26/europe");
    let files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), expected);
    assert!(expected >= 3);

    for file in &files {
        let raw = std::fs::read(file).unwrap();
        let msg = MessageParser::default().parse(&raw).expect("valid message");
        let ct = msg.root_part().content_type().unwrap();
        assert_eq!(
            (ct.ctype(), ct.subtype()),
            ("multipart", Some("alternative")),
            "{}",
            file.display()
        );
        assert!(msg.message_id().is_some());
        assert!(msg.date().is_some());
        let text = msg.body_text(0).unwrap();
        let html = msg.body_html(0).unwrap();
        // at least three articles, each with its headline; a lead and a quote
        let headlines = text
            .lines()
            .filter(|l| l.trim_end().ends_with(']') && l.contains(" ["))
            .count();
        assert!(headlines >= 3, "{text}");
        assert!(
            text.contains("Ferry operators on the Baltic Sea agreed on Wednesday"),
            "{text}"
        );
        assert!(text.contains("— Liisa Tamm"), "{text}");
        assert!(html.contains("<blockquote"), "{html}");
        assert!(!text.contains("Older story outside the edition window"));
    }

    // A second run of the same edition sends nothing again.
    let again = digest(&["--config", config, "send", "--date", "2026-11-26"]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout.contains(&format!(
            "europe: 0 sent, {expected} already sent, 0 deferred, 0 failed"
        )),
        "{stdout}"
    );
}

#[test]
fn preview_writes_html_text_and_a_sample_message() {
    let dir = tempfile::tempdir().unwrap();
    shipped_setup(dir.path());
    let config = dir.path().join("digest.toml");
    let out_dir = dir.path().join("preview");
    let out = digest(&[
        "--config",
        config.to_str().unwrap(),
        "preview",
        "--date",
        "2026-11-26",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(out_dir.join("digest.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("Europe Morning Briefing")
            && html.contains("Economy")
            && html.contains("World")
    );
    let text = std::fs::read_to_string(out_dir.join("digest.txt")).unwrap();
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 78 || l.contains("://")),
        "{text}"
    );
    assert!(out_dir.join("sample.eml").is_file());
}

#[test]
fn collect_json_lists_the_edition() {
    let dir = tempfile::tempdir().unwrap();
    shipped_setup(dir.path());
    let config = dir.path().join("digest.toml");
    let out = digest(&[
        "--config",
        config.to_str().unwrap(),
        "collect",
        "--date",
        "2026-11-26",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let edition: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(edition["date"], "2026-11-26");
    let sections = edition["sections"].as_array().unwrap();
    let names: Vec<&str> = sections
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Europe", "Economy", "World"]);
    let europe = sections[0]["articles"].as_array().unwrap();
    assert_eq!(
        europe.len(),
        4,
        "the item dated two days earlier is outside the window"
    );
    let first = &europe[0];
    for key in ["url", "title", "source", "published", "lead", "quote"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["source"], "Europe Desk (sample)");
    assert_eq!(first["published"], "2026-11-25T21:40:00Z");
    assert_eq!(first["quote"]["speaker"], "Liisa Tamm");
}
