//! Reading sources: local files, and HTTP(S) that behaves: connect and
//! total timeouts, retries with backoff for timeouts, dropped connections,
//! 5xx and 429, conditional GET (ETag / Last-Modified, kept in the state so
//! an unchanged feed costs a 304), gzip and brotli, a body-size cap, a
//! global and a per-host limit on requests in flight, and a refusal to
//! reach the machine's own network, checked again at every redirect.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION};
use tokio::sync::Semaphore;
use url::Url;

use crate::config::{CollectSettings, SourceLocation};

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// Why a source or page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: {reason}")]
    Network { url: String, reason: String },
    #[error("{url}: body larger than {limit} bytes")]
    TooLarge { url: String, limit: usize },
    #[error("{url}: refused: {reason}")]
    Refused { url: String, reason: String },
    #[error("{url}: {reason}")]
    Redirect { url: String, reason: String },
}

impl FetchError {
    /// Worth another try: the server or the network may do better soon.
    fn is_transient(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status >= 500 || *status == 429,
            FetchError::Network { .. } => true,
            _ => false,
        }
    }
}

/// Bytes read from a source, with the address they finally came from.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    /// The URL after redirects, for resolving relative links; `None` for files.
    pub url: Option<Url>,
    /// The response's Content-Type, for its charset.
    pub content_type: Option<String>,
    /// The server answered 304 and the body is the one kept from before.
    pub not_modified: bool,
}

/// A feed as last fetched, with the validators for the next request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cached {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// Where conditional GET keeps what it needs between runs.
pub trait HttpCache: Send + Sync {
    fn get(&self, url: &str) -> Option<Cached>;
    fn put(&self, url: &str, cached: &Cached);
}

/// Reads feeds and pages; one per run, shared by all sections.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    allow_private_hosts: bool,
    max_body_bytes: usize,
    retries: u32,
    backoff: Duration,
    global: Arc<Semaphore>,
    per_host_limit: usize,
    per_host: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
    cache: Option<Arc<dyn HttpCache>>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("allow_private_hosts", &self.allow_private_hosts)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("retries", &self.retries)
            .finish_non_exhaustive()
    }
}

impl Fetcher {
    /// Builds the HTTP client from the `[collect]` settings.
    pub fn new(settings: &CollectSettings) -> Result<Fetcher, FetchError> {
        crate::install_crypto_provider();
        let user_agent = match settings.contact.as_deref() {
            Some(contact) => format!("newsdigest/{} (+{contact})", env!("CARGO_PKG_VERSION")),
            None => format!("newsdigest/{}", env!("CARGO_PKG_VERSION")),
        };
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(Duration::from_secs(
                settings
                    .connect_timeout_secs
                    .min(settings.timeout_secs)
                    .max(1),
            ))
            .timeout(Duration::from_secs(settings.timeout_secs.max(1)))
            // redirects are followed by hand, to check every hop
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| FetchError::Network {
                url: "(client)".into(),
                reason: e.to_string(),
            })?;
        Ok(Fetcher {
            client,
            allow_private_hosts: settings.allow_private_hosts,
            max_body_bytes: settings.max_body_bytes,
            retries: settings.retries,
            backoff: Duration::from_millis(settings.retry_backoff_ms),
            global: Arc::new(Semaphore::new(settings.concurrency.max(1))),
            per_host_limit: settings.per_host.max(1),
            per_host: Arc::new(Mutex::new(HashMap::new())),
            cache: None,
        })
    }

    /// Keeps validators and bodies of feeds in `cache` for conditional GET.
    pub fn with_cache(mut self, cache: Arc<dyn HttpCache>) -> Fetcher {
        self.cache = Some(cache);
        self
    }

    /// Reads a configured source; feeds over HTTP use conditional GET.
    pub async fn fetch_source(&self, location: &SourceLocation) -> Result<Fetched, FetchError> {
        match location {
            SourceLocation::File(path) => read_file(path).await,
            SourceLocation::Url(url) => self.fetch(url, true).await,
        }
    }

    /// GETs `url`, refusing non-http(s) schemes and private addresses.
    pub async fn fetch_url(&self, url: &Url) -> Result<Fetched, FetchError> {
        self.fetch(url, false).await
    }

    async fn fetch(&self, url: &Url, conditional: bool) -> Result<Fetched, FetchError> {
        let mut attempt = 0;
        loop {
            match self.fetch_once(url, conditional).await {
                Err(e) if e.is_transient() && attempt < self.retries => {
                    let wait = self.backoff * 2u32.saturating_pow(attempt);
                    tracing::debug!("{e}; trying again in {wait:?}");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// The semaphore of `url`'s host.
    fn host_slot(&self, url: &Url) -> Arc<Semaphore> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let mut map = self.per_host.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            map.entry(host)
                .or_insert_with(|| Arc::new(Semaphore::new(self.per_host_limit))),
        )
    }

    /// One try: follows redirects by hand, checking every hop.
    async fn fetch_once(&self, start: &Url, conditional: bool) -> Result<Fetched, FetchError> {
        let cached = if conditional {
            self.cache.as_ref().and_then(|c| c.get(start.as_str()))
        } else {
            None
        };
        let mut url = start.clone();
        let mut visited = vec![url.clone()];
        loop {
            self.check_allowed(&url).await?;
            let host = self.host_slot(&url);
            let _host = host.acquire().await.expect("semaphore never closed");
            let _global = self.global.acquire().await.expect("semaphore never closed");
            let network = |e: reqwest::Error| FetchError::Network {
                url: url.to_string(),
                reason: describe_reqwest_error(&e),
            };
            let mut request = self.client.get(url.clone());
            if let Some(c) = &cached {
                if let Some(etag) = &c.etag {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                if let Some(modified) = &c.last_modified {
                    request = request.header(IF_MODIFIED_SINCE, modified);
                }
            }
            let mut response = request.send().await.map_err(network)?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = response
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::Redirect {
                        url: url.to_string(),
                        reason: format!("redirect ({status}) without a Location"),
                    })?;
                let next = url.join(location).map_err(|e| FetchError::Redirect {
                    url: url.to_string(),
                    reason: format!("bad redirect Location `{location}`: {e}"),
                })?;
                if visited.contains(&next) {
                    return Err(FetchError::Redirect {
                        url: start.to_string(),
                        reason: format!("redirect loop through {next}"),
                    });
                }
                if visited.len() > MAX_REDIRECTS {
                    return Err(FetchError::Redirect {
                        url: start.to_string(),
                        reason: format!("more than {MAX_REDIRECTS} redirects"),
                    });
                }
                visited.push(next.clone());
                url = next;
                continue;
            }
            if status == StatusCode::NOT_MODIFIED
                && let Some(c) = cached
            {
                return Ok(Fetched {
                    body: c.body,
                    url: Some(url),
                    content_type: None,
                    not_modified: true,
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status: status.as_u16(),
                });
            }
            let too_large = || FetchError::TooLarge {
                url: url.to_string(),
                limit: self.max_body_bytes,
            };
            if response
                .content_length()
                .is_some_and(|n| n > self.max_body_bytes as u64)
            {
                return Err(too_large());
            }
            let header = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                    .map(String::from)
            };
            let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
            let content_type = header(reqwest::header::CONTENT_TYPE);
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(network)? {
                if body.len() + chunk.len() > self.max_body_bytes {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            if conditional
                && (etag.is_some() || last_modified.is_some())
                && let Some(cache) = &self.cache
            {
                let entry = Cached {
                    etag,
                    last_modified,
                    body,
                };
                cache.put(start.as_str(), &entry);
                body = entry.body;
            }
            return Ok(Fetched {
                body,
                url: Some(url),
                content_type,
                not_modified: false,
            });
        }
    }

    async fn check_allowed(&self, url: &Url) -> Result<(), FetchError> {
        let refused = |reason: String| FetchError::Refused {
            url: url.to_string(),
            reason,
        };
        if !matches!(url.scheme(), "http" | "https") {
            return Err(refused(format!("scheme `{}` is not http(s)", url.scheme())));
        }
        if self.allow_private_hosts {
            return Ok(());
        }
        let host = url
            .host_str()
            .ok_or_else(|| refused("no host".into()))?
            .trim_start_matches('[')
            .trim_end_matches(']');
        let port = url.port_or_known_default().unwrap_or(80);
        let addrs: Vec<IpAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => tokio::net::lookup_host((host, port))
                .await
                .map_err(|e| FetchError::Network {
                    url: url.to_string(),
                    reason: format!("cannot resolve host: {e}"),
                })?
                .map(|a| a.ip())
                .collect(),
        };
        if let Some(ip) = addrs.iter().find(|ip| is_private(ip)) {
            return Err(refused(format!(
                "host resolves to the non-public address {ip} (set [collect] allow_private_hosts = true to allow)"
            )));
        }
        Ok(())
    }
}

async fn read_file(path: &Path) -> Result<Fetched, FetchError> {
    let body = tokio::fs::read(path)
        .await
        .map_err(|source| FetchError::File {
            path: path.display().to_string(),
            source,
        })?;
    Ok(Fetched {
        body,
        url: None,
        content_type: None,
        not_modified: false,
    })
}

/// Loopback, private, link-local, shared, unspecified and metadata addresses.
pub fn is_private(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(&IpAddr::V4(v4));
            }
            let seg = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || (seg[0] & 0xfe00) == 0xfc00
                || (seg[0] & 0xffc0) == 0xfe80
        }
    }
}

fn describe_reqwest_error(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        format!("cannot connect: {}", root_cause(e))
    } else {
        root_cause(e)
    }
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_recognised() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "169.254.169.254",
            "::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "100.64.0.1",
        ] {
            assert!(is_private(&ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "2606:4700::1"] {
            assert!(!is_private(&ip.parse().unwrap()), "{ip}");
        }
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_allowed() {
        let fetcher = Fetcher::new(&CollectSettings::default()).unwrap();
        let err = fetcher
            .fetch_url(&Url::parse("http://127.0.0.1:9/feed").unwrap())
            .await
            .unwrap_err();
        assert!(matches!(err, FetchError::Refused { .. }), "{err}");
        let err = fetcher
            .fetch_url(&Url::parse("file:///etc/passwd").unwrap())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("scheme"), "{err}");
    }
}
