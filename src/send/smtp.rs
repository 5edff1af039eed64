//! The SMTP transport: one connection per worker, opened with lettre's
//! lower-level connection API. Compared with lettre's pooled transport this
//! sends no NOOP before each message and sets TCP_NODELAY, which is what
//! lets one connection carry hundreds of messages a second. When the relay
//! offers PIPELINING (RFC 2920), MAIL, RCPT and DATA go out in one write
//! and the message follows in one more, dot-stuffed here in one pass: two
//! round trips per message instead of four. A refused transaction is reset
//! with RSET, so the connection stays open for the next message.

use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Ehlo, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;

use crate::config::SmtpSettings;

/// Environment variable holding the SMTP password; never in the file.
pub const PASSWORD_ENV: &str = "DIGEST_SMTP_PASSWORD";

/// Why the relay settings cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("SMTP relay {url}: {reason}")]
pub struct SmtpError {
    url: String,
    reason: String,
}

/// How one SMTP transaction ended, when it did not end well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmtpFailure {
    /// 4xx replies, timeouts, refused or dropped connections: worth another try.
    Transient(String),
    /// 5xx replies: the relay will not take this message.
    Permanent {
        reply: String,
        /// The relay says the mailbox does not exist (5.1.1 and the like).
        no_such_user: bool,
    },
}

impl std::fmt::Display for SmtpFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmtpFailure::Transient(why) => f.write_str(why),
            SmtpFailure::Permanent { reply, .. } => f.write_str(reply),
        }
    }
}

/// How the connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    /// STARTTLS when the server offers it (`smtp://`).
    Opportunistic,
    /// STARTTLS or fail (`smtp://…?tls=required`).
    Required,
    /// No TLS at all (`smtp://…?tls=none`).
    None,
    /// TLS from the first byte (`smtps://`).
    Implicit,
}

/// Where and how to reach the relay.
#[derive(Clone)]
pub struct Relay {
    url: String,
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    timeout: Duration,
    hello: ClientId,
}

impl Relay {
    /// Reads the relay's address, security and credentials from the settings.
    pub fn new(settings: &SmtpSettings, password: Option<String>) -> Result<Relay, SmtpError> {
        crate::install_crypto_provider();
        let url = settings.url.to_string();
        let fail = |reason: String| SmtpError {
            url: url.clone(),
            reason,
        };
        let host = settings
            .url
            .host_str()
            .ok_or_else(|| fail("no host".into()))?
            .to_string();
        let tls = settings
            .url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let security = match (settings.url.scheme(), tls.as_deref()) {
            ("smtps", _) => Security::Implicit,
            ("smtp", None | Some("opportunistic")) => Security::Opportunistic,
            ("smtp", Some("required")) => Security::Required,
            ("smtp", Some("none")) => Security::None,
            (_, Some(other)) => {
                return Err(fail(format!(
                    "unknown tls={other} (required, opportunistic or none)"
                )));
            }
            (scheme, None) => return Err(fail(format!("unknown scheme {scheme}"))),
        };
        let port = settings
            .url
            .port()
            .unwrap_or(if security == Security::Implicit {
                465
            } else {
                25
            });
        let credentials = match (&settings.user, password) {
            (Some(user), Some(password)) => Some(Credentials::new(user.clone(), password)),
            (Some(_), None) => {
                return Err(fail(format!("`user` is set but {PASSWORD_ENV} is not")));
            }
            (None, _) => None,
        };
        Ok(Relay {
            url,
            host,
            port,
            security,
            credentials,
            timeout: Duration::from_secs(settings.timeout_secs),
            hello: ClientId::default(),
        })
    }

    /// The relay's URL, for messages.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Opens a connection: TCP (no Nagle delay), TLS as configured, AUTH.
    pub async fn connect(&self) -> Result<Connection, SmtpFailure> {
        let transient = |what: &str, e: &dyn std::fmt::Display| {
            SmtpFailure::Transient(format!("{what} {}: {e}", self.url))
        };
        let tls = || {
            TlsParameters::new(self.host.clone()).map_err(|e| SmtpFailure::Permanent {
                reply: format!("TLS setup for {}: {e}", self.host),
                no_such_user: false,
            })
        };
        let mut conn = if self.security == Security::Implicit {
            AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(self.timeout),
                &self.hello,
                Some(tls()?),
                None,
            )
            .await
            .map_err(|e| transient("cannot connect to", &e))?
        } else {
            let stream = tokio::time::timeout(
                self.timeout,
                tokio::net::TcpStream::connect((self.host.as_str(), self.port)),
            )
            .await
            .map_err(|_| SmtpFailure::Transient(format!("timed out connecting to {}", self.url)))?
            .map_err(|e| transient("cannot connect to", &e))?;
            let _ = stream.set_nodelay(true);
            tokio::time::timeout(
                self.timeout,
                AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello),
            )
            .await
            .map_err(|_| SmtpFailure::Transient(format!("timed out greeting {}", self.url)))?
            .map_err(|e| classify(&e))?
        };
        match self.security {
            Security::Opportunistic if conn.can_starttls() => {
                conn.starttls(tls()?, &self.hello)
                    .await
                    .map_err(|e| classify(&e))?;
            }
            Security::Required => {
                if !conn.can_starttls() {
                    return Err(SmtpFailure::Permanent {
                        reply: format!("{} does not offer STARTTLS, and tls=required", self.url),
                        no_such_user: false,
                    });
                }
                conn.starttls(tls()?, &self.hello)
                    .await
                    .map_err(|e| classify(&e))?;
            }
            _ => {}
        }
        // lettre keeps no note of PIPELINING: ask again and read the list.
        let pipelining = match conn.command(Ehlo::new(self.hello.clone())).await {
            Ok(reply) => reply.message().any(|line| {
                line.split_whitespace()
                    .next()
                    .is_some_and(|k| k.eq_ignore_ascii_case("PIPELINING"))
            }),
            Err(e) => return Err(classify(&e)),
        };
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(|e| classify(&e))?;
        }
        Ok(Connection {
            inner: conn,
            timeout: self.timeout,
            pipelining,
        })
    }
}

/// One open SMTP session.
pub struct Connection {
    inner: AsyncSmtpConnection,
    timeout: Duration,
    /// The relay accepts pipelined commands.
    pipelining: bool,
}

/// Text written as it is by lettre's `command`.
struct Raw<'a>(&'a str);

impl std::fmt::Display for Raw<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The DATA payload: lines starting with a dot get a second one (RFC 5321
/// 4.5.2), and the end-of-data line follows.
pub fn dot_stuffed(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + message.len() / 512 + 8);
    if message.starts_with('.') {
        out.push('.');
    }
    // a single-byte search (memchr) per line beats a substring search
    let bytes = message.as_bytes();
    let mut from = 0;
    for (i, _) in message.match_indices('\n') {
        if bytes.get(i + 1) == Some(&b'.') {
            out.push_str(&message[from..=i]);
            out.push('.');
            from = i + 1;
        }
    }
    out.push_str(&message[from..]);
    if !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}

impl Connection {
    /// Sends one message; `Ok` means the server answered 250 to its data.
    pub async fn send(&mut self, envelope: &Envelope, message: &[u8]) -> Result<(), SmtpFailure> {
        let fast = self.pipelining
            && envelope
                .from()
                .is_none_or(|a| AsRef::<str>::as_ref(a).is_ascii())
            && envelope
                .to()
                .iter()
                .all(|a| AsRef::<str>::as_ref(a).is_ascii())
            && message.is_ascii()
            && envelope.to().len() == 1;
        let result = if fast {
            let text = std::str::from_utf8(message).expect("ASCII is UTF-8");
            tokio::time::timeout(self.timeout * 2, self.pipelined(envelope, text)).await
        } else {
            tokio::time::timeout(self.timeout * 2, async {
                self.inner
                    .send(envelope, message)
                    .await
                    .map(|_| ())
                    .map_err(|e| classify(&e))
            })
            .await
        };
        match result {
            Ok(outcome) => outcome,
            Err(_) => {
                self.inner.abort().await;
                Err(SmtpFailure::Transient(
                    "timed out waiting for the relay".into(),
                ))
            }
        }
    }

    /// MAIL, RCPT and DATA in one write, then the message in one more.
    async fn pipelined(&mut self, envelope: &Envelope, message: &str) -> Result<(), SmtpFailure> {
        let to = envelope.to()[0].clone();
        let commands = format!(
            "{}{}DATA\r\n",
            Mail::new(envelope.from().cloned(), vec![]),
            Rcpt::new(to, vec![])
        );
        // three replies come back, whatever happens to the first
        let mail = self.inner.command(Raw(&commands)).await;
        self.check_alive(&mail).await?;
        let rcpt = self.inner.read_response().await;
        self.check_alive(&rcpt).await?;
        let data = self.inner.read_response().await;
        self.check_alive(&data).await?;
        let refused = [&mail, &rcpt, &data]
            .into_iter()
            .find_map(|r| r.as_ref().err())
            .map(classify);
        if let Some(failure) = refused {
            // a DATA that was accepted must still be ended before RSET
            if data.is_ok() {
                let _ = self.inner.command(Raw(".\r\n")).await;
            }
            let reset = self.inner.command(Raw("RSET\r\n")).await;
            if reset.is_err() {
                self.inner.abort().await;
            }
            return Err(failure);
        }
        let sent = self.inner.command(Raw(&dot_stuffed(message))).await;
        self.check_alive(&sent).await?;
        sent.map(|_| ()).map_err(|e| classify(&e))
    }

    /// A reply error is the relay's answer; any other error means the
    /// connection is gone: it is closed and the failure returned.
    async fn check_alive<T>(
        &mut self,
        result: &Result<T, lettre::transport::smtp::Error>,
    ) -> Result<(), SmtpFailure> {
        match result {
            Err(e) if !(e.is_permanent() || e.is_transient()) => {
                let failure = classify(e);
                self.inner.abort().await;
                Err(failure)
            }
            _ => Ok(()),
        }
    }

    /// After a failed transaction lettre closes the session; a new one is needed.
    pub fn is_broken(&self) -> bool {
        self.inner.has_broken()
    }

    /// Ends the session politely.
    pub async fn quit(mut self) {
        let _ = self.inner.quit().await;
    }
}

/// Sorts a lettre error into try-again or give-up.
fn classify(e: &lettre::transport::smtp::Error) -> SmtpFailure {
    let text = describe(e);
    // client errors (e.g. a Unicode address and no SMTPUTF8) will not go away by retrying
    if e.is_permanent() || e.is_client() {
        let lower = text.to_lowercase();
        let no_such_user = [
            "5.1.1",
            "user unknown",
            "no such user",
            "unknown user",
            "mailbox unavailable",
            "does not exist",
        ]
        .iter()
        .any(|p| lower.contains(p));
        SmtpFailure::Permanent {
            reply: text,
            no_such_user,
        }
    } else {
        SmtpFailure::Transient(text)
    }
}

fn describe(e: &lettre::transport::smtp::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::dot_stuffed;

    #[test]
    fn leading_dots_are_doubled_and_the_end_is_marked() {
        assert_eq!(dot_stuffed(".a\r\nb\r\n.c\r\n"), "..a\r\nb\r\n..c\r\n.\r\n");
        assert_eq!(dot_stuffed("x"), "x\r\n.\r\n");
        assert_eq!(dot_stuffed("a.b\r\n"), "a.b\r\n.\r\n");
    }
}
