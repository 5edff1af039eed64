//! The SMTP transport: lettre's async client with a connection pool sized to
//! the configured concurrency.

use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::SmtpSettings;

/// Environment variable holding the SMTP password; never in the file.
pub const PASSWORD_ENV: &str = "DIGEST_SMTP_PASSWORD";

/// Why the relay could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    #[error("SMTP setup for {url}: {reason}")]
    Setup { url: String, reason: String },
}

/// How one SMTP transaction ended, when it did not end well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmtpFailure {
    /// 4xx replies, timeouts and dropped connections: worth another try.
    Transient(String),
    /// 5xx replies: the relay will not take this message.
    Permanent(String),
}

/// A pooled connection to the relay.
#[derive(Clone)]
pub struct Relay {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Relay {
    /// Connects lazily to the relay named by `settings.url`.
    pub fn new(settings: &SmtpSettings, password: Option<String>) -> Result<Relay, SmtpError> {
        crate::install_crypto_provider();
        let setup = |reason: String| SmtpError::Setup {
            url: settings.url.to_string(),
            reason,
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(settings.url.as_str())
            .map_err(|e| setup(e.to_string()))?
            .timeout(Some(Duration::from_secs(settings.timeout_secs)))
            .pool_config(PoolConfig::new().max_size(settings.concurrency as u32));
        match (&settings.user, password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password));
            }
            (Some(_), None) => {
                return Err(setup(format!("`user` is set but {PASSWORD_ENV} is not")));
            }
            _ => {}
        }
        Ok(Relay {
            transport: builder.build(),
        })
    }

    /// Sends one message; the error says whether trying again may help.
    pub async fn send(&self, message: Message) -> Result<(), SmtpFailure> {
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SmtpFailure::Permanent(describe(&e))),
            Err(e) => Err(SmtpFailure::Transient(describe(&e))),
        }
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
