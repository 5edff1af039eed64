//! The whole pipeline over real sockets: feeds and article pages from an
//! HTTP server on 127.0.0.1, messages to an SMTP server on 127.0.0.1.

mod support;

use std::collections::HashMap;

use mail_parser::{MessageParser, MimeHeaders};
use support::{Page, digest, fixture, http_server, smtp_server, write_config};

fn fixture_site() -> HashMap<String, Page> {
    let mut pages = HashMap::new();
    let read = |rel: &str| std::fs::read(fixture(rel)).unwrap();
    pages.insert(
        "/feeds/teasers.xml".into(),
        Page::ok("application/rss+xml", read("collect/feeds/teasers.xml")),
    );
    pages.insert(
        "/feeds/malformed.xml".into(),
        Page::ok("application/rss+xml", read("collect/feeds/malformed.xml")),
    );
    for name in ["antwerp-strike", "danube-water", "madrid-solar"] {
        pages.insert(
            format!("/articles/{name}.html"),
            Page::ok(
                "text/html; charset=utf-8",
                read(&format!("collect/pages/{name}.html")),
            ),
        );
    }
    pages
}

#[test]
fn teaser_feed_pages_are_fetched_summarised_and_mailed_despite_broken_sources() {
    let web = http_server(fixture_site());
    let (smtp, inbox) = smtp_server();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("subscribers")).unwrap();
    std::fs::write(
        dir.path().join("subscribers/harbour.csv"),
        "email,name,sections,format\nines@example.org,Inês,,html\nolaf@example.org,,Ports,text\nzoe@example.org,Zoë,,\n",
    )
    .unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[[section]]\nname = \"Ports\"\nsources = [\"http://{web}/feeds/teasers.xml\", \"http://{web}/feeds/malformed.xml\", \"http://{web}/feeds/missing.xml\"]\n\n\
             [collect]\nallow_private_hosts = true\ntimeout_secs = 5\n\n\
             [delivery]\ntransport = \"smtp\"\n\n[delivery.smtp]\nurl = \"smtp://{smtp}\"\nconcurrency = 2\n"
        ),
    );

    let out = digest(&[
        "--config",
        config.to_str().unwrap(),
        "send",
        "--date",
        "2026-03-11",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);

    // Broken sources are reported with their URL and reason; the run is partial.
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(
        stderr.contains(&format!("http://{web}/feeds/missing.xml: HTTP status 404")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "http://{web}/feeds/malformed.xml: not a valid RSS, Atom or JSON feed"
        )),
        "{stderr}"
    );
    assert!(
        stdout.contains("harbour: 3 sent, 0 already sent, 0 deferred, 0 failed"),
        "{stdout}"
    );

    let received = inbox.lock().unwrap().clone();
    assert_eq!(received.len(), 3);
    let mut recipients: Vec<String> = received.iter().flat_map(|r| r.rcpt_to.clone()).collect();
    recipients.sort();
    assert_eq!(
        recipients,
        ["ines@example.org", "olaf@example.org", "zoe@example.org"]
    );

    for r in &received {
        assert_eq!(r.mail_from, "news@briefing.test");
        let msg = MessageParser::default()
            .parse(&r.data)
            .expect("parsable message");
        assert!(msg.message_id().unwrap().ends_with("@briefing.test"));
        assert_eq!(
            msg.header_raw("List-Id").map(str::trim),
            Some("harbour <harbour.briefing.test>")
        );
        let text = msg.body_text(0).unwrap().into_owned();
        // The leads come from the fetched pages, not the feed's teasers.
        assert!(
            text.contains("Dock workers at the port of Antwerp walked out on Tuesday"),
            "{text}"
        );
        assert!(
            text.contains("Barges began moving again on the Danube"),
            "{text}"
        );
        assert!(text.contains("Madrid switched on a solar park"), "{text}");
        assert!(text.contains("— Marie Claes"), "{text}");
        assert!(text.contains("— Tomáš Horák"), "{text}");
        assert!(text.contains("— Lucía Moreno"), "{text}");
        assert!(!text.contains("outside the window"), "{text}");
        for junk in [
            "by editor",
            "Source link",
            "Related Posts",
            "Share on Facebook",
            "cookies",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
        // Tracking parameters are gone from links; relative links were resolved.
        assert!(
            text.contains(&format!("http://{web}/articles/antwerp-strike.html")),
            "{text}"
        );
        assert!(!text.contains("utm_source"), "{text}");

        if r.rcpt_to[0] == "olaf@example.org" {
            let ct = msg.root_part().content_type().unwrap();
            assert_eq!(
                (ct.ctype(), ct.subtype()),
                ("text", Some("plain")),
                "text-only subscriber got HTML"
            );
            assert!(text.contains("Good morning."));
        } else {
            let root = msg.root_part();
            assert_eq!(root.content_type().unwrap().subtype(), Some("alternative"));
            let html = msg.body_html(0).unwrap().into_owned();
            assert!(html.contains("Dock workers strike halts traffic at Antwerp terminals"));
            assert!(html.contains("role=\"presentation\""));
            // text/plain comes before text/html
            let raw = String::from_utf8_lossy(&r.data);
            assert!(raw.find("text/plain").unwrap() < raw.find("text/html").unwrap());
        }
    }
}
