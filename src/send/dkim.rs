//! DKIM signing with lettre: the key is read once, and the signature covers
//! the list headers too, as RFC 8058 asks of one-click unsubscribe.

use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::HeaderName;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::config::DkimSettings;

/// Headers signed when present, in this order.
pub const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
];

/// Why the DKIM key cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("DKIM key {path}: {reason}")]
pub struct DkimError {
    path: String,
    reason: String,
}

/// Reads the key and builds the signing configuration. `one_click` says
/// whether messages carry `List-Unsubscribe-Post`.
pub fn load(settings: &DkimSettings, one_click: bool) -> Result<DkimConfig, DkimError> {
    let path = settings.key_file.display().to_string();
    let fail = |reason: String| DkimError {
        path: path.clone(),
        reason,
    };
    let text = std::fs::read_to_string(&settings.key_file).map_err(|e| fail(e.to_string()))?;
    let key = if text.contains("BEGIN RSA PRIVATE KEY") {
        DkimSigningKey::new(&text, DkimSigningAlgorithm::Rsa).map_err(|e| fail(format!("{e:?}")))?
    } else if text.contains("BEGIN PRIVATE KEY") {
        // PKCS#8: an Ed25519 key ends with its 32-byte seed; RSA keys must be PKCS#1.
        let der: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = STANDARD
            .decode(der.trim())
            .map_err(|e| fail(e.to_string()))?;
        if der.len() != 48 {
            return Err(fail(
                "a PKCS#8 key that is not Ed25519; convert an RSA key with `openssl rsa -traditional`".into(),
            ));
        }
        let seed = STANDARD.encode(&der[16..]);
        DkimSigningKey::new(&seed, DkimSigningAlgorithm::Ed25519)
            .map_err(|e| fail(format!("{e:?}")))?
    } else {
        DkimSigningKey::new(text.trim(), DkimSigningAlgorithm::Ed25519)
            .map_err(|e| fail(format!("{e:?}")))?
    };
    let headers = SIGNED_HEADERS
        .iter()
        .filter(|h| one_click || **h != "List-Unsubscribe-Post")
        .map(|h| HeaderName::new_from_ascii_str(h))
        .collect();
    Ok(DkimConfig::new(
        settings.selector.clone(),
        settings.domain.clone(),
        key,
        headers,
        DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        },
    ))
}
