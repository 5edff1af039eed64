//! Delivery through Postfix's smtp-sink: list headers, soft and hard
//! bounces, a relay restarted mid-run, a lock against overlapping runs, and
//! runs killed at random points that resume without losing anyone.

mod support;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use mail_parser::MessageParser;
use support::{SmtpSink, digest_env, smtp_config, write_list};

const SECRET: (&str, &str) = ("DIGEST_SECRET", "a secret for the tests, long enough");
const DATE: &str = "2026-11-26";

fn send(config: &std::path::Path) -> std::process::Output {
    digest_env(
        &["--config", config.to_str().unwrap(), "send", "--date", DATE],
        &[SECRET],
    )
}

/// Starts `digest send` in the background, output discarded.
fn spawn_send(config: &std::path::Path) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_digest"))
        .args(["--config", config.to_str().unwrap(), "send", "--date", DATE])
        .env(SECRET.0, SECRET.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn status(config: &std::path::Path) -> String {
    let out = digest_env(
        &[
            "--config",
            config.to_str().unwrap(),
            "status",
            "--date",
            DATE,
        ],
        &[],
    );
    String::from_utf8(out.stdout).unwrap()
}

fn copies(recipients: &[String]) -> HashMap<String, usize> {
    let mut count = HashMap::new();
    for r in recipients {
        *count.entry(r.clone()).or_default() += 1;
    }
    count
}

#[test]
fn delivered_messages_carry_list_headers() {
    let sink = SmtpSink::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let emails = write_list(dir.path(), "europe", 5);
    let config = smtp_config(dir.path(), &sink.url(), "concurrency = 2");
    let out = send(&config);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut recipients = sink.recipients();
    recipients.sort();
    assert_eq!(recipients, emails);
    for raw in sink.messages() {
        let msg = MessageParser::default()
            .parse(raw.as_bytes())
            .expect("message");
        assert!(
            msg.message_id().unwrap().ends_with("@briefing.test"),
            "{raw}"
        );
        assert!(msg.date().is_some());
        assert_eq!(
            msg.header_raw("List-Id").map(str::trim),
            Some("europe <europe.briefing.test>")
        );
        let unsubscribe = msg
            .header_raw("List-Unsubscribe")
            .unwrap()
            .replace(['\r', '\n'], "");
        assert!(
            unsubscribe.contains("<https://briefing.test/unsubscribe?t="),
            "{unsubscribe}"
        );
        assert!(
            unsubscribe.contains("<mailto:news@briefing.test?subject=unsubscribe%20europe>"),
            "{unsubscribe}"
        );
        assert_eq!(
            msg.header_raw("List-Unsubscribe-Post").map(str::trim),
            Some("List-Unsubscribe=One-Click")
        );
    }
    assert!(
        status(&config).contains("europe: 5 sent, 0 deferred, 0 failed, 0 in flight"),
        "{}",
        status(&config)
    );
}

#[test]
fn soft_bounces_are_deferred_then_delivered_on_the_next_run() {
    let sink = SmtpSink::start(&["-r", "RCPT"]);
    let dir = tempfile::tempdir().unwrap();
    let emails = write_list(dir.path(), "europe", 3);
    let config = smtp_config(dir.path(), &sink.url(), "concurrency = 3");

    let out = send(&config);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("europe: 0 sent, 0 already sent, 3 deferred, 0 failed"),
        "{stdout}"
    );
    let st = status(&config);
    assert!(st.contains("3 deferred"), "{st}");
    assert!(
        st.contains("deferred after 4 attempt(s): ") && st.contains("450"),
        "{st}"
    );

    let sink = sink.restart(&[]);
    let out = send(&config);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("europe: 3 sent, 0 already sent, 0 deferred, 0 failed"),
        "{stdout}"
    );
    let mut got = sink.recipients();
    got.sort();
    assert_eq!(got, emails);
}

#[test]
fn hard_bounces_fail_are_recorded_and_suppress_unknown_users() {
    let sink = SmtpSink::start(&[
        "-f",
        "RCPT",
        "-B",
        "550 5.1.1 Recipient address rejected: User unknown",
    ]);
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), "europe", 2);
    let config = smtp_config(dir.path(), &sink.url(), "");
    let out = send(&config);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("0 sent, 0 already sent, 0 deferred, 2 failed"),
        "{stdout}"
    );
    let st = status(&config);
    assert!(
        st.contains("failed after 1 attempt(s)") && st.contains("5.1.1"),
        "{st}"
    );

    // Not tried again for this edition, and suppressed for the next ones.
    let sink = sink.restart(&[]);
    let out = send(&config);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("0 sent, 0 already sent, 0 deferred, 2 failed")
    );
    let out = digest_env(
        &[
            "--config",
            config.to_str().unwrap(),
            "send",
            "--date",
            "2026-11-27",
        ],
        &[SECRET],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("2 suppressed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(sink.recipients().is_empty());
}

#[test]
fn a_relay_restarted_mid_run_loses_nobody() {
    let sink = SmtpSink::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let emails = write_list(dir.path(), "europe", 200);
    let config = smtp_config(
        dir.path(),
        &sink.url(),
        "concurrency = 4\nrate_per_second = 100",
    );
    let mut child = spawn_send(&config);
    wait_for(|| sink.recipients().len() >= 50);
    let sink = {
        let mut sink = sink;
        sink.stop();
        std::thread::sleep(Duration::from_millis(700));
        sink.restart(&[])
    };
    let status_code = child.wait().unwrap().code();
    // Whatever the run could not finish is finished by the next one.
    if status_code != Some(0) {
        assert_eq!(send(&config).status.code(), Some(0));
    }
    // the restarted sink appends to the same dump file
    let count = copies(&sink.recipients());
    for e in &emails {
        assert!(count.contains_key(e), "{e} never received the digest");
    }
    let twice = count.values().filter(|n| **n > 1).count();
    assert!(twice <= 4, "{twice} subscribers got two copies");
}

#[test]
fn runs_killed_at_random_points_resume_without_loss() {
    const CONCURRENCY: usize = 8;
    for kill_after in [150, 700, 1400] {
        let sink = SmtpSink::start(&[]);
        let dir = tempfile::tempdir().unwrap();
        let emails = write_list(dir.path(), "europe", 2000);
        let config = smtp_config(
            dir.path(),
            &sink.url(),
            &format!("concurrency = {CONCURRENCY}"),
        );
        let mut child = spawn_send(&config);
        wait_for(|| sink.recipients().len() >= kill_after);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let at_kill = sink.recipients().len();
        assert!(
            at_kill < emails.len(),
            "the run ended before it could be killed"
        );

        let out = send(&config);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let count = copies(&sink.recipients());
        for e in &emails {
            assert!(count.contains_key(e), "{e} lost after a kill at {at_kill}");
        }
        let twice = count.values().filter(|n| **n > 1).count();
        assert!(count.values().all(|n| *n <= 2));
        assert!(
            twice <= CONCURRENCY,
            "{twice} duplicates after a kill at {at_kill}"
        );
    }
}

#[test]
fn a_second_send_on_the_same_state_exits_at_once() {
    let sink = SmtpSink::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    write_list(dir.path(), "europe", 40);
    let config = smtp_config(
        dir.path(),
        &sink.url(),
        "concurrency = 1\nrate_per_second = 20",
    );
    let mut first = spawn_send(&config);
    wait_for(|| !sink.recipients().is_empty());
    let started = Instant::now();
    let second = send(&config);
    assert_eq!(second.status.code(), Some(3));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(String::from_utf8_lossy(&second.stderr).contains("another `digest send` is running"));
    assert_eq!(first.wait().unwrap().code(), Some(0));
    assert_eq!(sink.recipients().len(), 40);
}

fn wait_for(mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting");
        std::thread::sleep(Duration::from_millis(5));
    }
}
