//! newsdigest turns the day's news feeds into a morning email briefing.
//!
//! The pipeline runs in four stages, each in its own module, with plain data
//! ([`model`]) passed between them:
//!
//! 1. [`collect`]: read each section's feeds, keep the edition's window,
//!    fetch article pages for teasers → [`model::Article`]s;
//! 2. [`summarise`]: clean text, lead and key quote → [`model::Summary`];
//!    [`edition`] pairs them into an [`model::Edition`];
//! 3. [`render`]: HTML and plain text per subscriber → [`model::Digest`];
//! 4. [`send`]: SMTP or the outbox → [`model::Delivery`].
//!
//! [`config`] reads `digest.toml`; [`subscribers`] reads the lists; [`store`]
//! keeps the state between runs (the send ledger, suppressions);
//! [`unsubscribe`] makes and checks the one-click unsubscribe tokens.

pub mod collect;
pub mod config;
pub mod edition;
pub mod language;
pub mod model;
pub mod preview;
pub mod render;
pub mod send;
pub mod serve;
pub mod store;
pub mod subscribers;
pub mod summarise;
pub mod text;
pub mod unsubscribe;

/// Installs `ring` as the process-wide TLS crypto provider, shared by the
/// HTTP client and the SMTP client. Safe to call more than once.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
