//! Reading sources: local files, and HTTP(S) with a timeout, a body-size cap
//! and a refusal to reach the machine's own network.

use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use url::Url;

use crate::config::{CollectSettings, SourceLocation};

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
}

/// Bytes read from a source, with the address they finally came from.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    /// The URL after redirects, for resolving relative links; `None` for files.
    pub url: Option<Url>,
}

/// Reads feeds and pages; one per run, shared by all sections.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    allow_private_hosts: bool,
    max_body_bytes: usize,
}

impl Fetcher {
    /// Builds the HTTP client from the `[collect]` settings.
    pub fn new(settings: &CollectSettings) -> Result<Fetcher, FetchError> {
        crate::install_crypto_provider();
        let contact = settings
            .contact
            .as_deref()
            .map(|c| format!("; +{c}"))
            .unwrap_or_default();
        let user_agent = format!("newsdigest/{}{contact}", env!("CARGO_PKG_VERSION"));
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(Duration::from_secs(settings.timeout_secs.min(10)))
            .timeout(Duration::from_secs(settings.timeout_secs))
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|e| FetchError::Network {
                url: "(client)".into(),
                reason: e.to_string(),
            })?;
        Ok(Fetcher {
            client,
            allow_private_hosts: settings.allow_private_hosts,
            max_body_bytes: settings.max_body_bytes,
        })
    }

    /// Reads a configured source.
    pub async fn fetch_source(&self, location: &SourceLocation) -> Result<Fetched, FetchError> {
        match location {
            SourceLocation::File(path) => read_file(path).await,
            SourceLocation::Url(url) => self.fetch_url(url).await,
        }
    }

    /// GETs `url`, refusing non-http(s) schemes and private addresses.
    pub async fn fetch_url(&self, url: &Url) -> Result<Fetched, FetchError> {
        self.check_allowed(url).await?;
        let network = |e: reqwest::Error| FetchError::Network {
            url: url.to_string(),
            reason: describe_reqwest_error(&e),
        };
        let mut response = self.client.get(url.clone()).send().await.map_err(network)?;
        let status = response.status();
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
        let final_url = response.url().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(network)? {
            if body.len() + chunk.len() > self.max_body_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            body,
            url: Some(final_url),
        })
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
    Ok(Fetched { body, url: None })
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
    } else if e.is_redirect() {
        "too many redirects".into()
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
