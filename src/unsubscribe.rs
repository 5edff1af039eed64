//! Unsubscribe tokens: an HMAC-SHA256 over the list and the address, keyed
//! with a secret only the sender knows, so a link cannot be forged or moved
//! to another list or address, and checking one needs no database.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
use sha2::Sha256;

/// Environment variable holding the secret.
pub const SECRET_ENV: &str = "DIGEST_SECRET";

/// Shortest secret accepted, in bytes.
pub const MIN_SECRET_LEN: usize = 16;

type HmacSha256 = hmac::Hmac<Sha256>;

/// Why a secret cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "{SECRET_ENV} is not set; it keys the unsubscribe links (use a random string of 32 or more characters)"
    )]
    Missing,
    #[error("{SECRET_ENV} is shorter than {MIN_SECRET_LEN} bytes")]
    TooShort,
}

/// The key for unsubscribe tokens.
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Result<Secret, SecretError> {
        let bytes = bytes.into();
        if bytes.len() < MIN_SECRET_LEN {
            return Err(SecretError::TooShort);
        }
        Ok(Secret(bytes))
    }

    /// Reads the secret from `DIGEST_SECRET`.
    pub fn from_env() -> Result<Secret, SecretError> {
        match std::env::var_os(SECRET_ENV) {
            Some(v) if !v.is_empty() => Secret::new(v.into_encoded_bytes()),
            _ => Err(SecretError::Missing),
        }
    }

    fn mac(&self, list: &str, email: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(b"newsdigest-unsubscribe\0");
        mac.update(list.as_bytes());
        mac.update(b"\0");
        mac.update(email.to_lowercase().as_bytes());
        mac
    }

    /// The URL-safe token for `email` on `list`.
    pub fn token(&self, list: &str, email: &str) -> String {
        let who = URL_SAFE_NO_PAD.encode(format!("{list}\n{}", email.to_lowercase()));
        let tag = URL_SAFE_NO_PAD.encode(self.mac(list, email).finalize().into_bytes());
        format!("{who}.{tag}")
    }

    /// The list and address a genuine token names; `None` for anything forged,
    /// truncated or altered. The tag is compared in constant time.
    pub fn verify(&self, token: &str) -> Option<(String, String)> {
        let (who, tag) = token.split_once('.')?;
        let who = String::from_utf8(URL_SAFE_NO_PAD.decode(who).ok()?).ok()?;
        let (list, email) = who.split_once('\n')?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        self.mac(list, email).verify_slice(&tag).ok()?;
        Some((list.to_string(), email.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Secret {
        Secret::new("a test secret of enough length").unwrap()
    }

    #[test]
    fn genuine_tokens_verify() {
        let t = secret().token("europe", "Ana@Example.org");
        assert!(
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        );
        assert_eq!(
            secret().verify(&t),
            Some(("europe".into(), "ana@example.org".into()))
        );
    }

    #[test]
    fn forged_moved_and_truncated_tokens_fail() {
        let s = secret();
        let t = s.token("europe", "ana@example.org");
        assert_eq!(s.verify(&t[..t.len() - 2]), None);
        let (_, tag) = t.split_once('.').unwrap();
        let other_list = format!(
            "{}.{tag}",
            URL_SAFE_NO_PAD.encode("economy\nana@example.org")
        );
        assert_eq!(s.verify(&other_list), None);
        let other_addr = format!(
            "{}.{tag}",
            URL_SAFE_NO_PAD.encode("europe\nbob@example.org")
        );
        assert_eq!(s.verify(&other_addr), None);
        assert_eq!(
            Secret::new("another secret, also long").unwrap().verify(&t),
            None
        );
        assert_eq!(s.verify("garbage"), None);
    }

    #[test]
    fn short_secrets_are_refused() {
        assert!(matches!(Secret::new("short"), Err(SecretError::TooShort)));
    }
}
