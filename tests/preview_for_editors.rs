//! What editors use before a digest goes out: `digest preview --serve`
//! re-rendering as they edit, the digest in a real browser (headless
//! Chromium from apt) at desktop and phone widths, and SpamAssassin's
//! verdict on the sample message (apt `spamassassin`, offline rules).

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{Page, Running, digest, free_port, http_server, shipped_setup};

/// `digest preview --serve` on a free port over a copy of the shipped setup.
fn start_preview(dir: &Path) -> Running {
    shipped_setup(dir);
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_digest"))
        .args([
            "--config",
            dir.join("digest.toml").to_str().unwrap(),
            "preview",
            "--date",
            "2026-11-26",
            "--serve",
            &format!("127.0.0.1:{port}"),
        ])
        .spawn()
        .unwrap();
    Running::on_port(child, port)
}

async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Rewrites a file so its modification time surely changes.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[tokio::test]
async fn preview_server_shows_every_view_and_follows_the_templates() {
    newsdigest::install_crypto_provider();
    let dir = tempfile::tempdir().unwrap();
    let preview = start_preview(dir.path());
    let base = &preview.base;

    let (status, index) = get(&format!("{base}/")).await;
    assert_eq!(status, 200, "{index}");
    for link in ["/digest.html", "/digest.txt", "/message.eml"] {
        assert!(index.contains(link), "{link} missing from the index");
    }
    assert!(index.contains("width=\"375\"") && index.contains("Phone (375 px)"));

    let (_, html) = get(&format!("{base}/digest.html")).await;
    assert!(html.contains("Baltic ferry operators agree on shared winter timetable"));
    let (_, text) = get(&format!("{base}/digest.txt")).await;
    assert!(text.starts_with("EUROPE MORNING BRIEFING\nThursday 26 November 2026"));
    let (_, eml) = get(&format!("{base}/message.eml")).await;
    assert!(
        eml.contains("Content-Type: multipart/alternative") && eml.contains("List-Unsubscribe:")
    );

    // the editor changes the wording and the colours: the next request shows them
    let (_, v1) = get(&format!("{base}/version")).await;
    edit(
        &dir.path().join("templates/theme.toml"),
        "before your first coffee",
        "before the first tram",
    );
    edit(
        &dir.path().join("templates/digest.css"),
        "#1f4e79",
        "#7a1f1f",
    );
    let (_, v2) = get(&format!("{base}/version")).await;
    assert_ne!(v1, v2, "the version must change so the index reloads");
    let (_, html) = get(&format!("{base}/digest.html")).await;
    assert!(html.contains("before the first tram") && html.contains("#7a1f1f"));
    assert!(!html.contains("#1f4e79"));

    // a mistake is shown with the file and line, and fixing it recovers
    edit(
        &dir.path().join("templates/digest.css"),
        ".link {",
        ".link { background: url(https://tracker.test/p.gif);",
    );
    let (status, error) = get(&format!("{base}/digest.html")).await;
    assert_eq!(status, 500);
    assert!(
        error.contains("digest.css") && error.contains("url("),
        "{error}"
    );
    let (_, index) = get(&format!("{base}/")).await;
    assert!(index.contains("class=\"error\"") && index.contains("digest.css"));
    edit(
        &dir.path().join("templates/digest.css"),
        ".link { background: url(https://tracker.test/p.gif);",
        ".link {",
    );
    let (status, _) = get(&format!("{base}/digest.html")).await;
    assert_eq!(status, 200);

    // digest.toml is watched too
    edit(
        &dir.path().join("digest.toml"),
        "title = \"Europe Morning Briefing\"",
        "title = \"Brussels Briefing\"",
    );
    let (_, text) = get(&format!("{base}/digest.txt")).await;
    assert!(text.starts_with("BRUSSELS BRIEFING"), "{text}");
}

/// Chromium, as this machine's closed network needs it started.
fn chromium(profile: &Path, width: u32, extra: &[&str], url: &str) -> std::process::Output {
    let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("headless Chromium is needed: apt-get install chromium (.ci/run does)");
    Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--window-size={width},2400"),
            "--virtual-time-budget=3000",
        ])
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// A page holding the digest in a 375 px frame, the width of a phone:
/// headless Chromium will not make its window narrower than 500 px, but a
/// frame is a viewport of its own, so the digest's media queries apply as
/// on a phone. The script measures the digest from inside the browser:
/// document width against the viewport, and where each headline is.
const PHONE_FRAME: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="margin:0">
<iframe id="phone" src="/digest.html" width="375" height="2400" style="border:0;display:block"></iframe>
<script>
document.getElementById('phone').addEventListener('load', function () {
  var win = this.contentWindow, doc = this.contentDocument;
  var vw = win.innerWidth;
  var out = { viewport: vw, scrollWidth: doc.documentElement.scrollWidth, headlines: [] };
  doc.querySelectorAll('h3 a, h3 span').forEach(function (el) {
    var r = el.getBoundingClientRect();
    var s = win.getComputedStyle(el);
    out.headlines.push({ text: el.textContent, visible: r.width > 0 && r.height > 0 &&
      r.left >= 0 && r.right <= vw + 0.5 && s.visibility !== 'hidden' && s.display !== 'none' });
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>"#;

#[tokio::test]
async fn the_digest_fits_a_phone_in_headless_chromium() {
    newsdigest::install_crypto_provider();
    let dir = tempfile::tempdir().unwrap();
    let preview = start_preview(dir.path());
    let (status, html) = get(&format!("{}/digest.html", preview.base)).await;
    assert_eq!(status, 200);

    let server = http_server(HashMap::from([
        (
            "/digest.html".to_string(),
            Page::ok("text/html; charset=utf-8", html),
        ),
        (
            "/phone.html".to_string(),
            Page::ok("text/html; charset=utf-8", PHONE_FRAME),
        ),
    ]));

    // screenshots of the desktop view (600 px window) and of the phone
    // view (the 375 px frame), kept for a person to look at
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("preview-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (name, page) in [
        ("digest-600.png", "digest.html"),
        ("digest-375.png", "phone.html"),
    ] {
        let png = shots.join(name);
        let _ = std::fs::remove_file(&png);
        let profile = tempfile::tempdir().unwrap();
        let out = chromium(
            profile.path(),
            600,
            &[&format!("--screenshot={}", png.display())],
            &format!("http://{server}/{page}"),
        );
        assert!(
            png.exists(),
            "no screenshot {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(png_size(&png), (600, 2400), "screenshot size");
        assert!(
            std::fs::metadata(&png).unwrap().len() > 20_000,
            "{name}: a blank page?"
        );
    }

    // the layout, measured inside the browser at 375 px
    let profile = tempfile::tempdir().unwrap();
    let out = chromium(
        profile.path(),
        600,
        &["--dump-dom"],
        &format!("http://{server}/phone.html"),
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split("<pre id=\"layout-check\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_else(|| panic!("no layout result: {}", String::from_utf8_lossy(&out.stderr)))
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["viewport"], 375, "{result}");
    let scroll = result["scrollWidth"].as_u64().unwrap();
    assert!(
        scroll <= 375,
        "horizontal overflow at 375 px: {scroll} px wide"
    );
    let headlines = result["headlines"].as_array().unwrap();
    let edition: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::fixture("render/edition.json")).unwrap(),
    )
    .unwrap();
    let expected: usize = edition["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(headlines.len(), expected, "{result}");
    for h in headlines {
        assert_eq!(h["visible"], true, "headline not visible at 375 px: {h}");
    }
}

#[test]
fn spamassassin_scores_the_sample_digest_at_most_one_point() {
    let dir = tempfile::tempdir().unwrap();
    shipped_setup(dir.path());
    let out_dir = dir.path().join("preview");
    let out = digest(&[
        "--config",
        dir.path().join("digest.toml").to_str().unwrap(),
        "preview",
        "--date",
        "2026-11-26",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let eml = std::fs::File::open(out_dir.join("sample.eml")).unwrap();
    let report = Command::new("spamassassin")
        .args(["-L", "-t"])
        .stdin(eml)
        .output()
        .expect("spamassassin is needed: apt-get install spamassassin (.ci/run does)");
    let report = String::from_utf8_lossy(&report.stdout);
    let details = report
        .split("Content analysis details:")
        .nth(1)
        .unwrap_or_else(|| panic!("no SpamAssassin report:\n{report}"));
    let score: f64 = details
        .split_once('(')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no score in:\n{details}"));
    assert!(score <= 1.0, "SpamAssassin score {score}:\n{details}");
    for rule in ["MISSING_MID", "MIME_HTML_ONLY", "HTML_IMAGE_ONLY"] {
        assert!(!details.contains(rule), "{rule} fired:\n{details}");
    }
}
