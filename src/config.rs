//! `digest.toml`: one typed description of the briefing, read once and handed
//! to every stage. Unknown keys and bad values are refused with the file, the
//! line and the key, so a typo never silently changes what goes out.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use lettre::message::Mailbox;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use url::Url;

use crate::language::Language;

/// Why a configuration file (`digest.toml`, `templates/theme.toml`) could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The whole briefing, with every relative path resolved against the folder
/// holding `digest.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file this was read from.
    pub path: PathBuf,
    pub digest: DigestSettings,
    pub sections: Vec<Section>,
    pub collect: CollectSettings,
    pub summary: SummarySettings,
    pub state: StateSettings,
    pub delivery: DeliverySettings,
    /// Folder with the editor-owned look of the digest (`theme.toml`).
    pub templates: PathBuf,
    /// Folder with one `<list>.csv` per subscriber list.
    pub subscribers: PathBuf,
}

/// `[digest]`: what the briefing is called and who sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigestSettings {
    pub title: String,
    /// IANA timezone in which the edition's day and cutoff are computed.
    #[serde(deserialize_with = "timezone")]
    pub timezone: Tz,
    #[serde(deserialize_with = "mailbox")]
    pub from: Mailbox,
    /// Public address of the briefing, used for links in the mail.
    #[serde(deserialize_with = "http_url")]
    pub base_url: Url,
    /// Postal address shown in the footer, as bulk mail rules require.
    #[serde(default)]
    pub postal_address: Option<String>,
    /// Language of the masthead date for readers who set none ("en", "fr", "de-AT").
    #[serde(default, deserialize_with = "language")]
    pub language: Language,
    /// Largest HTML body in bytes; past it, sections are cut to their top
    /// articles (Gmail clips messages at about 102 KB).
    #[serde(default = "default_html_budget")]
    pub max_html_bytes: usize,
}

fn default_html_budget() -> usize {
    crate::render::DEFAULT_HTML_BUDGET
}

/// Where a section's articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceLocation {
    File(PathBuf),
    Url(Url),
}

impl fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceLocation::File(p) => write!(f, "{}", p.display()),
            SourceLocation::Url(u) => write!(f, "{u}"),
        }
    }
}

/// When to fetch the article page instead of trusting the feed's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FullText {
    /// Fetch the page when the feed gives only a teaser.
    #[default]
    Auto,
    /// Always fetch the page.
    Always,
    /// Never fetch the page.
    Never,
}

/// One feed of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub location: SourceLocation,
    /// Name shown to readers; the feed's own title when absent.
    pub name: Option<String>,
    pub full_text: FullText,
}

/// `[[section]]`: a heading of the digest and its feeds.
#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub sources: Vec<Source>,
    pub max_articles: usize,
}

/// `[collect]`: how feeds and pages are fetched.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CollectSettings {
    /// Local time at which an edition closes; it holds the 24 hours before.
    #[serde(deserialize_with = "cutoff")]
    pub cutoff: NaiveTime,
    /// Allow fetching from loopback and private addresses (tests only).
    pub allow_private_hosts: bool,
    /// Whole-request timeout in seconds.
    pub timeout_secs: u64,
    /// Largest feed or page body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Contact address sent in the User-Agent so site owners can reach us.
    pub contact: Option<String>,
    /// Seconds allowed to open a connection.
    pub connect_timeout_secs: u64,
    /// Further tries after a timeout, a dropped connection, a 5xx or a 429.
    pub retries: u32,
    /// Wait before the first retry, doubled for each further one.
    pub retry_backoff_ms: u64,
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
}

impl Default for CollectSettings {
    fn default() -> Self {
        CollectSettings {
            cutoff: NaiveTime::from_hms_opt(6, 0, 0).expect("06:00 is a valid time"),
            allow_private_hosts: false,
            timeout_secs: 20,
            max_body_bytes: 10 * 1024 * 1024,
            contact: None,
            connect_timeout_secs: 10,
            retries: 2,
            retry_backoff_ms: 500,
            concurrency: 16,
            per_host: 4,
        }
    }
}

/// `[summary]`: how long a lead may be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SummarySettings {
    /// Word budget of the lead; it is cut at a sentence boundary within it.
    pub lead_words: usize,
}

impl Default for SummarySettings {
    fn default() -> Self {
        SummarySettings { lead_words: 60 }
    }
}

/// `[state]`: what must survive between runs.
#[derive(Debug, Clone)]
pub struct StateSettings {
    pub dir: PathBuf,
}

/// How digests leave the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// One `.eml` file per recipient in the outbox folder.
    Outbox,
    /// An SMTP relay.
    Smtp,
}

/// `[delivery]`.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub transport: Transport,
    pub outbox: PathBuf,
    pub smtp: SmtpSettings,
    pub dkim: Option<DkimSettings>,
}

/// `[delivery.dkim]`: sign every message for `domain` with the key in `key_file`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSettings {
    pub domain: String,
    pub selector: String,
    /// RSA key as PKCS#1 PEM, or Ed25519 key as PKCS#8 PEM or base64 of its 32 bytes.
    pub key_file: PathBuf,
}

/// `[delivery.smtp]`. The password is read from `DIGEST_SMTP_PASSWORD`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmtpSettings {
    /// `smtp://host:port` (STARTTLS when offered), `smtp://…?tls=required`
    /// or `smtps://host:port` (implicit TLS).
    #[serde(deserialize_with = "smtp_url")]
    pub url: Url,
    pub user: Option<String>,
    /// Messages in flight at once.
    pub concurrency: usize,
    /// Timeout of each SMTP command, in seconds.
    pub timeout_secs: u64,
    /// Most messages handed to the relay per second, all connections together.
    pub rate_per_second: Option<f64>,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            url: Url::parse("smtp://127.0.0.1:25").expect("static URL"),
            user: None,
            concurrency: 8,
            timeout_secs: 30,
            rate_per_second: None,
        }
    }
}

// ---- the file as written -------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    digest: DigestSettings,
    #[serde(rename = "section")]
    sections: Vec<RawSection>,
    #[serde(default)]
    collect: CollectSettings,
    #[serde(default)]
    summary: SummarySettings,
    #[serde(default)]
    state: RawState,
    #[serde(default)]
    delivery: RawDelivery,
    #[serde(default)]
    paths: RawPaths,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    name: String,
    sources: Vec<toml::Spanned<RawSource>>,
    #[serde(default = "default_max_articles")]
    max_articles: usize,
}

fn default_max_articles() -> usize {
    8
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawSource {
    Plain(String),
    Detailed(RawSourceTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourceTable {
    url: String,
    name: Option<String>,
    #[serde(default)]
    full_text: FullText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawState {
    dir: PathBuf,
}

impl Default for RawState {
    fn default() -> Self {
        RawState {
            dir: "state".into(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDelivery {
    #[serde(default = "default_transport")]
    transport: Transport,
    #[serde(default = "default_outbox")]
    outbox: PathBuf,
    #[serde(default)]
    smtp: SmtpSettings,
    dkim: Option<DkimSettings>,
}

fn default_transport() -> Transport {
    Transport::Outbox
}

fn default_outbox() -> PathBuf {
    "outbox".into()
}

impl Default for RawDelivery {
    fn default() -> Self {
        RawDelivery {
            transport: default_transport(),
            outbox: default_outbox(),
            smtp: SmtpSettings::default(),
            dkim: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawPaths {
    templates: PathBuf,
    subscribers: PathBuf,
}

impl Default for RawPaths {
    fn default() -> Self {
        RawPaths {
            templates: "templates".into(),
            subscribers: "subscribers".into(),
        }
    }
}

impl Config {
    /// Reads and validates the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// Validates configuration text; `path` names the file in errors and
    /// anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let resolve = |p: &Path| {
            if p.is_absolute() {
                p.to_path_buf()
            } else {
                dir.join(p)
            }
        };

        if raw.sections.is_empty() {
            return Err(invalid(
                "`section`: at least one [[section]] is needed".into(),
            ));
        }
        let mut sections = Vec::with_capacity(raw.sections.len());
        for (i, section) in raw.sections.into_iter().enumerate() {
            if section.max_articles == 0 {
                return Err(invalid(format!(
                    "section `{}`: `max_articles` must be at least 1",
                    section.name
                )));
            }
            let mut sources = Vec::with_capacity(section.sources.len());
            for (j, spanned) in section.sources.into_iter().enumerate() {
                let line = line_of(text, spanned.span().start);
                let key = format!("section[{i}].sources[{j}] (line {line})");
                let (location, name, full_text) = match spanned.into_inner() {
                    RawSource::Plain(s) => (s, None, FullText::Auto),
                    RawSource::Detailed(t) => (t.url, t.name, t.full_text),
                };
                let location = parse_location(&location, &resolve)
                    .map_err(|why| invalid(format!("{key}: {why}")))?;
                sources.push(Source {
                    location,
                    name,
                    full_text,
                });
            }
            sections.push(Section {
                name: section.name,
                sources,
                max_articles: section.max_articles,
            });
        }
        let mut seen = std::collections::HashSet::new();
        for s in &sections {
            if !seen.insert(s.name.to_lowercase()) {
                return Err(invalid(format!("section `{}` is defined twice", s.name)));
            }
        }
        if raw.summary.lead_words < 10 {
            return Err(invalid("`summary.lead_words` must be at least 10".into()));
        }
        if raw.delivery.smtp.concurrency == 0 {
            return Err(invalid(
                "`delivery.smtp.concurrency` must be at least 1".into(),
            ));
        }
        if raw
            .delivery
            .smtp
            .rate_per_second
            .is_some_and(|r| r.is_nan() || r <= 0.0)
        {
            return Err(invalid(
                "`delivery.smtp.rate_per_second` must be above 0".into(),
            ));
        }
        let dkim = match raw.delivery.dkim {
            Some(mut d) => {
                d.key_file = resolve(&d.key_file);
                if !d.key_file.is_file() {
                    return Err(invalid(format!(
                        "`delivery.dkim.key_file`: no such file `{}`",
                        d.key_file.display()
                    )));
                }
                Some(d)
            }
            None => None,
        };

        Ok(Config {
            path: path.to_path_buf(),
            digest: raw.digest,
            sections,
            collect: raw.collect,
            summary: raw.summary,
            state: StateSettings {
                dir: resolve(&raw.state.dir),
            },
            delivery: DeliverySettings {
                transport: raw.delivery.transport,
                outbox: resolve(&raw.delivery.outbox),
                smtp: raw.delivery.smtp,
                dkim,
            },
            templates: resolve(&raw.paths.templates),
            subscribers: resolve(&raw.paths.subscribers),
        })
    }

    /// The names of all sections, in order.
    pub fn section_names(&self) -> Vec<String> {
        self.sections.iter().map(|s| s.name.clone()).collect()
    }
}

fn parse_location(
    location: &str,
    resolve: &dyn Fn(&Path) -> PathBuf,
) -> Result<SourceLocation, String> {
    if let Some((scheme, _)) = location.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(format!(
                "unsupported scheme `{scheme}` in `{location}` (use http(s) or a path)"
            ));
        }
        return Url::parse(location)
            .map(SourceLocation::Url)
            .map_err(|e| format!("invalid URL `{location}`: {e}"));
    }
    let path = resolve(Path::new(location));
    if !path.is_file() {
        return Err(format!("no such file `{}`", path.display()));
    }
    Ok(SourceLocation::File(path))
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn timezone<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<Tz>().map_err(|_| {
        de::Error::custom(format!(
            "`timezone`: unknown IANA timezone `{s}` (e.g. \"Europe/Brussels\")"
        ))
    })
}

fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
    let s = String::deserialize(d)?;
    Language::parse(&s).ok_or_else(|| {
        de::Error::custom(format!(
            "`language`: unknown language `{s}` (e.g. \"en\", \"fr\", \"de-AT\")"
        ))
    })
}

fn mailbox<'de, D: Deserializer<'de>>(d: D) -> Result<Mailbox, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<Mailbox>().map_err(|e| {
        de::Error::custom(format!(
            "`from`: `{s}` is not a mail address ({e}); e.g. \"Briefing <news@example.org>\""
        ))
    })
}

fn http_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    let s = String::deserialize(d)?;
    match Url::parse(&s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(u),
        Ok(_) => Err(de::Error::custom(format!(
            "`base_url`: `{s}` must be an http(s) URL"
        ))),
        Err(e) => Err(de::Error::custom(format!(
            "`base_url`: `{s}` is not a URL ({e})"
        ))),
    }
}

fn smtp_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    let s = String::deserialize(d)?;
    match Url::parse(&s) {
        Ok(u) if matches!(u.scheme(), "smtp" | "smtps") && u.host_str().is_some() => Ok(u),
        _ => Err(de::Error::custom(format!(
            "`url`: `{s}` must look like smtp://host:port, smtp://host:port?tls=required or smtps://host:port"
        ))),
    }
}

fn cutoff<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    let s = String::deserialize(d)?;
    NaiveTime::parse_from_str(&s, "%H:%M")
        .map_err(|_| de::Error::custom(format!("`cutoff`: `{s}` is not a time like \"06:00\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[digest]
title = "Briefing"
timezone = "Europe/Brussels"
from = "Briefing <b@example.org>"
base_url = "https://example.org"

[[section]]
name = "Europe"
sources = ["https://example.org/rss"]
"#;

    #[test]
    fn minimal_file_gets_defaults() {
        let c = Config::parse(MINIMAL, Path::new("/etc/news/digest.toml")).unwrap();
        assert_eq!(c.sections[0].max_articles, 8);
        assert_eq!(c.summary.lead_words, 60);
        assert_eq!(c.delivery.transport, Transport::Outbox);
        assert_eq!(c.delivery.outbox, Path::new("/etc/news/outbox"));
        assert_eq!(c.state.dir, Path::new("/etc/news/state"));
        assert_eq!(c.collect.cutoff, NaiveTime::from_hms_opt(6, 0, 0).unwrap());
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let text = MINIMAL.replace(
            "title = \"Briefing\"",
            "title = \"Briefing\"\ncolour = \"red\"",
        );
        let err = Config::parse(&text, Path::new("digest.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("digest.toml"), "{err}");
        assert!(err.contains("colour"), "{err}");
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn bad_timezone_names_key_and_line() {
        let text = MINIMAL.replace("Europe/Brussels", "Europe/Atlantis");
        let err = Config::parse(&text, Path::new("digest.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("timezone") && err.contains("Europe/Atlantis"),
            "{err}"
        );
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn missing_source_file_names_line() {
        let text = MINIMAL.replace("https://example.org/rss", "feeds/nowhere.xml");
        let err = Config::parse(&text, Path::new("/tmp/x/digest.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("section[0].sources[0] (line 10)"), "{err}");
        assert!(err.contains("nowhere.xml"), "{err}");
    }

    #[test]
    fn detailed_source_and_bad_scheme() {
        let text = MINIMAL.replace(
            "sources = [\"https://example.org/rss\"]",
            "sources = [{ url = \"https://example.org/rss\", name = \"Wire\", full_text = \"always\" }, \"ftp://x/y\"]",
        );
        let err = Config::parse(&text, Path::new("digest.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("sources[1]") && err.contains("ftp"), "{err}");
    }

    #[test]
    fn bad_smtp_url_is_refused() {
        let text = format!(
            "{MINIMAL}\n[delivery]\ntransport = \"smtp\"\n[delivery.smtp]\nurl = \"mail.example.org\"\n"
        );
        let err = Config::parse(&text, Path::new("digest.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("smtp://host:port"), "{err}");
    }
}
