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

/// A text field of the summary begins with `prefix`.
fn assert_starts(field: &serde_json::Value, prefix: &str) {
    let text = field.as_str().unwrap_or_default();
    assert!(
        text.starts_with(prefix),
        "{text:?} should start with {prefix:?}"
    );
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
    assert_starts(
        &v["lead"],
        "EU fisheries ministers agreed to cut next year’s Baltic cod catch",
    );
    assert_eq!(
        v["quote"]["text"],
        "Cod stocks in the Baltic will not recover unless we act now. We owe it to the coastal towns whose harbours have already emptied"
    );
    assert_eq!(v["quote"]["speaker"], "Anna Lindqvist");
    let body = v["body"].as_str().unwrap();
    assert_no_furniture(
        body,
        &["Home Europe", "by editor", "Source link", "Related Posts"],
    );
    assert_eq!(body.split("\n\n").count(), 5, "{body}");
}

#[test]
fn html_page_in_german() {
    let v = summarise_json("summarise/article.html");
    assert_starts(&v["lead"], "Der Bundestag hat am Freitag den Haushalt");
    assert_eq!(v["quote"]["speaker"], "Klaus Becker");
    assert_starts(&v["quote"]["text"], "Wir investieren so viel");
    assert_no_furniture(
        v["body"].as_str().unwrap(),
        &["Von Anna Weber", "Teilen auf Facebook", "Newsletter"],
    );
}

/// The furniture a page carries in its own language: trail, byline, date
/// line, "read also" links, advertising markers, caption credits, comment
/// counts and follow prompts.
fn assert_no_furniture(body: &str, furniture: &[&str]) {
    for junk in furniture {
        assert!(!body.contains(junk), "{junk:?} left in body:\n{body}");
    }
}

#[test]
fn html_page_in_french() {
    let v = summarise_json("summarise/article-fr.html");
    assert_eq!(v["title"], "Grève à la SNCF : le trafic fortement perturbé");
    assert_starts(
        &v["lead"],
        "Le trafic ferroviaire était fortement perturbé mardi",
    );
    assert_eq!(v["quote"]["speaker"], "Laurent Brun");
    assert_starts(&v["quote"]["text"], "Nous ne lâcherons rien");
    let body = v["body"].as_str().unwrap();
    assert_no_furniture(
        body,
        &[
            "Accueil",
            "Par la rédaction",
            "Publié le",
            "Photo de Jean Dupont",
            "Lire aussi",
            "Publicité",
            "commentaires",
            "Suivez-nous",
        ],
    );
    assert_eq!(body.split("\n\n").count(), 4, "{body}");
}

#[test]
fn plain_text_page_in_spanish() {
    let v = summarise_json("summarise/article-es.txt");
    assert_eq!(
        v["title"],
        "El Gobierno aprueba la subida del salario mínimo"
    );
    assert_starts(&v["lead"], "El Consejo de Ministros aprobó este martes");
    assert_eq!(v["quote"]["speaker"], "Yolanda Díaz");
    let body = v["body"].as_str().unwrap();
    assert_no_furniture(
        body,
        &[
            "Inicio",
            "Por Ana García",
            "Actualizado",
            "Lee también",
            "Publicidad",
            "Síguenos",
        ],
    );
    assert_eq!(body.split("\n\n").count(), 3, "{body}");
}

#[test]
fn missing_file_is_reported_with_its_path() {
    let out = digest(&["summarise", "/nonexistent/page.html", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/page.html"));
}
