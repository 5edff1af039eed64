//! Recognising the same story reached through different links.

use url::Url;

/// Query parameters that only track the reader and never change the page.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src",
    "cmpid", "ocid",
];

/// The link without its fragment and tracking parameters: what we show
/// readers and fetch. Links that are not URLs are returned trimmed.
pub fn strip_tracking(link: &str) -> String {
    match Url::parse(link.trim()) {
        Ok(url) => without_tracking(url).to_string(),
        Err(_) => link.trim().to_string(),
    }
}

fn without_tracking(mut url: Url) -> Url {
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING_PARAMS.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url
}

/// A key under which two links to the same story compare equal: scheme,
/// `www.`, fragment, trailing slash and tracking parameters do not count.
pub fn canonical_url(link: &str) -> String {
    let Ok(url) = Url::parse(link.trim()) else {
        return link.trim().to_string();
    };
    let url = without_tracking(url);
    let host = url
        .host_str()
        .unwrap_or_default()
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    let path = url.path().trim_end_matches('/');
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    format!("{host}{port}{path}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_and_cosmetic_differences_are_ignored() {
        let a = canonical_url("https://www.example.org/news/1?utm_source=rss&id=5#top");
        let b = canonical_url("http://example.org/news/1/?id=5&fbclid=xyz");
        assert_eq!(a, b);
        assert_eq!(a, "example.org/news/1?id=5");
    }

    #[test]
    fn tracking_is_stripped_from_shown_links() {
        assert_eq!(
            strip_tracking("https://www.example.org/a?utm_source=x&id=3#c"),
            "https://www.example.org/a?id=3"
        );
        assert_eq!(
            strip_tracking("https://example.org/a?utm_medium=rss"),
            "https://example.org/a"
        );
    }

    #[test]
    fn different_stories_stay_apart() {
        assert_ne!(
            canonical_url("https://example.org/a?id=1"),
            canonical_url("https://example.org/a?id=2")
        );
    }
}
