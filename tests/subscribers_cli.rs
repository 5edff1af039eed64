//! `digest subscribers …` and `digest unsubscribe --from-mbox` on real list
//! files and a real state database.

mod support;

use std::path::Path;

use support::{digest, write_config};

fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/feeds/europe.xml");
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"Europe\"\nsources = [{:?}]\n",
            feed.to_str().unwrap()
        ),
    );
    std::fs::create_dir(dir.path().join("subscribers")).unwrap();
    std::fs::write(
        dir.path().join("subscribers/europe.csv"),
        "# Europe readers\nemail,name,sections,format\nann@example.org,Ann,,\n",
    )
    .unwrap();
    (dir, config.to_str().unwrap().to_string())
}

fn run(config: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["--config", config];
    all.extend_from_slice(args);
    let out = digest(&all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn add_list_remove_export_and_validate() {
    let (dir, config) = setup();
    let (code, _, err) = run(
        &config,
        &[
            "subscribers",
            "add",
            "bob@Example.ORG",
            "--list",
            "europe",
            "--name",
            "Bob, Jr",
            "--format",
            "text",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, _, _) = run(
        &config,
        &["subscribers", "add", "BOB@example.org", "--list", "europe"],
    );
    assert_eq!(code, Some(2), "duplicate refused");
    let (code, _, err) = run(
        &config,
        &[
            "subscribers",
            "add",
            "eve@example.org",
            "--list",
            "europe",
            "--sections",
            "Sport",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown section `Sport`"), "{err}");

    let file = std::fs::read_to_string(dir.path().join("subscribers/europe.csv")).unwrap();
    assert_eq!(
        file,
        "# Europe readers\nemail,name,sections,format\nann@example.org,Ann,,\nbob@Example.ORG,\"Bob, Jr\",,text\n"
    );

    let (code, out, _) = run(&config, &["subscribers", "list"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("europe\tann@example.org\tAnn\tall\thtml"),
        "{out}"
    );
    assert!(
        out.contains("europe\tbob@example.org\tBob, Jr\tall\ttext"),
        "{out}"
    );

    let (code, out, _) = run(&config, &["subscribers", "export"]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("list,email,name,sections,format,status\n"),
        "{out}"
    );
    assert!(
        out.contains("europe,bob@example.org,\"Bob, Jr\",,text,active"),
        "{out}"
    );

    let (code, _, _) = run(
        &config,
        &[
            "subscribers",
            "remove",
            "BOB@example.org",
            "--list",
            "europe",
        ],
    );
    assert_eq!(code, Some(0));
    let file = std::fs::read_to_string(dir.path().join("subscribers/europe.csv")).unwrap();
    assert_eq!(
        file,
        "# Europe readers\nemail,name,sections,format\nann@example.org,Ann,,\n"
    );

    std::fs::write(
        dir.path().join("subscribers/broken.csv"),
        "email\nok@example.org\n\nnot an address\n",
    )
    .unwrap();
    let (code, out, _) = run(&config, &["subscribers", "validate"]);
    assert_eq!(code, Some(2));
    assert!(
        out.contains("broken.csv:4: invalid address `not an address`"),
        "{out}"
    );
}

#[test]
fn import_merges_another_tools_export() {
    let (dir, config) = setup();
    let export = dir.path().join("listmonk.csv");
    std::fs::write(
        &export,
        "email,name,attributes\nANN@example.org,Ann,{}\ncid@example.org,Cid,{}\nbad,,{}\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &config,
        &[
            "subscribers",
            "import",
            export.to_str().unwrap(),
            "--list",
            "europe",
        ],
    );
    assert_eq!(code, Some(1), "one row skipped: {out}{err}");
    assert!(
        out.contains("1 added, 1 already listed, 1 skipped"),
        "{out}"
    );
    assert!(
        err.contains("listmonk.csv:4: invalid address `bad`"),
        "{err}"
    );
    let file = std::fs::read_to_string(dir.path().join("subscribers/europe.csv")).unwrap();
    assert!(
        file.ends_with("ann@example.org,Ann,,\ncid@example.org,Cid,,\n"),
        "{file}"
    );
}

#[test]
fn mailed_unsubscribe_requests_are_applied_and_honoured() {
    let (dir, config) = setup();
    run(
        &config,
        &["subscribers", "add", "bob@example.org", "--list", "europe"],
    );
    let mbox = dir.path().join("requests.mbox");
    std::fs::write(
        &mbox,
        "From bob@example.org Thu Nov 26 07:00:00 2026\nFrom: Bob <bob@example.org>\nTo: news@briefing.test\nSubject: unsubscribe europe\n\n\n\
         From someone@example.org Thu Nov 26 07:05:00 2026\nFrom: someone@example.org\nTo: news@briefing.test\nSubject: Great issue today\n\nThanks!\n",
    )
    .unwrap();
    let (code, out, _) = run(
        &config,
        &["unsubscribe", "--from-mbox", mbox.to_str().unwrap()],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("1 unsubscribe request(s) applied, 1 message(s) ignored"),
        "{out}"
    );

    let (_, listed, _) = run(&config, &["subscribers", "list"]);
    assert!(!listed.contains("bob@example.org"), "{listed}");
    let (_, listed, _) = run(&config, &["subscribers", "list", "--all"]);
    assert!(
        listed.contains("bob@example.org\t\tall\tsuppressed"),
        "{listed}"
    );

    let (code, out, _) = run(&config, &["send", "--date", "2026-11-26"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("europe: 1 sent") && out.contains("1 suppressed"),
        "{out}"
    );
}
