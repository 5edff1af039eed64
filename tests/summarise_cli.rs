//! `digest summarise FILE --json`: the output contract and the quality of
//! lead and quote on pages in the style we receive.

mod support;

use support::{digest, fixture};

fn summarise_json(rel: &str) -> serde_json::Value {
    let path = fixture(rel);
    let out = digest(&["summarise", path.to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.trim().lines().count(),
        1,
        "exactly one JSON object: {stdout}"
    );
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn plain_text_page_gets_lead_quote_and_clean_body() {
    let v = summarise_json("summarise/seed-style.txt");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    assert_eq!(
        v["title"],
        "EU fisheries ministers agree deep cut to Baltic cod quotas"
    );
    assert!(
        v["lead"]
            .as_str()
            .unwrap()
            .starts_with("EU fisheries ministers agreed to cut next year’s Baltic cod catch")
    );
    assert_eq!(
        v["quote"]["text"],
        "Cod stocks in the Baltic will not recover unless we act now. We owe it to the coastal towns whose harbours have already emptied"
    );
    assert_eq!(v["quote"]["speaker"], "Anna Lindqvist");
    let body = v["body"].as_str().unwrap();
    for junk in ["Home Europe", "by editor", "Source link", "Related Posts"] {
        assert!(!body.contains(junk), "{junk} in body");
    }
    assert_eq!(body.split("\n\n").count(), 5, "{body}");
}

#[test]
fn html_page_in_german() {
    let v = summarise_json("summarise/article.html");
    assert!(
        v["lead"]
            .as_str()
            .unwrap()
            .starts_with("Der Bundestag hat am Freitag den Haushalt")
    );
    assert_eq!(v["quote"]["speaker"], "Klaus Becker");
    assert!(
        v["quote"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Wir investieren so viel")
    );
    let body = v["body"].as_str().unwrap();
    assert!(!body.contains("Von Anna Weber"), "{body}");
    assert!(!body.contains("Teilen auf Facebook"), "{body}");
    assert!(!body.contains("Newsletter"), "{body}");
}

#[test]
fn missing_file_is_reported_with_its_path() {
    let out = digest(&["summarise", "/nonexistent/page.html", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/page.html"));
}
