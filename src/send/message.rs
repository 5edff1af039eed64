//! Building the MIME message of one digest: `multipart/alternative` with the
//! plain text first, and the list headers bulk mail needs.

use chrono::NaiveDate;
use lettre::Message;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};

use crate::model::{Digest, Subscriber};

/// Why a message could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    #[error("invalid recipient address `{0}`")]
    Recipient(String),
    #[error("cannot build message: {0}")]
    Build(String),
}

/// The sender's identity, shared by every message of a run.
#[derive(Clone)]
pub struct Sender {
    pub from: Mailbox,
    /// Signs every message when set.
    pub dkim: Option<std::sync::Arc<lettre::message::dkim::DkimConfig>>,
}

/// Where a reader can leave the list: the one-click HTTPS link (when a
/// secret is configured) and the mail fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsubscribeLinks {
    pub https: Option<String>,
    pub mailto: String,
}

impl UnsubscribeLinks {
    /// The link shown in the body: one click where possible.
    pub fn visible(&self) -> &str {
        self.https.as_deref().unwrap_or(&self.mailto)
    }
}

impl Sender {
    /// The domain of the From address: Message-ID and List-Id live on it.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }
}

/// A Message-ID that is the same for the same edition, list and subscriber,
/// so a resent copy is recognisable as the same message.
pub fn message_id(date: NaiveDate, list: &str, email: &str, domain: &str) -> String {
    let key = format!("{date}\u{0}{list}\u{0}{}", email.to_lowercase());
    format!("<{date}.{:016x}@{domain}>", fnv1a(key.as_bytes()))
}

/// FNV-1a: a stable, dependency-free 64-bit hash (not for secrets).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

/// The unsubscribe mail link for a list: a message to the sender, which the
/// list owner acts on.
pub fn unsubscribe_mailto(sender: &Sender, list: &str) -> String {
    format!(
        "mailto:{}?subject=unsubscribe%20{}",
        sender.from.email,
        url_escape(list)
    )
}

fn url_escape(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// Builds the message carrying `digest` to `subscriber`, signed when the
/// sender has a DKIM key. The encoded bodies move into the message.
pub fn build_message(
    digest: Digest,
    subscriber: &Subscriber,
    sender: &Sender,
    date: NaiveDate,
    unsubscribe: &UnsubscribeLinks,
) -> Result<Message, MessageError> {
    let to: Mailbox = match &subscriber.name {
        Some(name) if !name.trim().is_empty() => {
            format!("{} <{}>", quote_display_name(name), subscriber.email)
        }
        _ => subscriber.email.clone(),
    }
    .parse()
    .map_err(|_| MessageError::Recipient(subscriber.email.clone()))?;
    let id = message_id(date, &subscriber.list, &subscriber.email, sender.domain());
    let builder = Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(&digest.subject)
        .date_now()
        .message_id(Some(id));
    let text = part(ContentType::TEXT_PLAIN, digest.encoded.text);
    let built = match digest.encoded.html {
        Some(html) => builder.multipart(
            MultiPart::alternative()
                .singlepart(text)
                .singlepart(part(ContentType::TEXT_HTML, html)),
        ),
        None => builder.singlepart(text),
    };
    let mut message = built.map_err(|e| MessageError::Build(e.to_string()))?;
    let headers = message.headers_mut();
    headers.insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("List-Id"),
        format!(
            "{} <{}.{}>",
            subscriber.list,
            subscriber.list,
            sender.domain()
        ),
    ));
    let list_unsubscribe = match &unsubscribe.https {
        Some(https) => format!("<{https}>, <{}>", unsubscribe.mailto),
        None => format!("<{}>", unsubscribe.mailto),
    };
    headers.insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("List-Unsubscribe"),
        list_unsubscribe,
    ));
    if unsubscribe.https.is_some() {
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".into(),
        ));
    }
    headers.insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("Auto-Submitted"),
        "auto-generated".into(),
    ));
    if let Some(dkim) = &sender.dkim {
        message.sign(dkim);
    }
    Ok(message)
}

/// A body part from its quoted-printable bytes, encoded by `render`.
fn part(content_type: ContentType, quoted_printable: Vec<u8>) -> SinglePart {
    let body =
        Body::dangerous_pre_encoded(quoted_printable, ContentTransferEncoding::QuotedPrintable);
    SinglePart::builder().header(content_type).body(body)
}

/// Display names with specials must be quoted to parse as a mailbox.
fn quote_display_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
        .collect();
    format!("\"{clean}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn message_is_multipart_alternative_text_first() {
        let sender = Sender {
            from: "Briefing <news@example.org>".parse().unwrap(),
            dkim: None,
        };
        let links = UnsubscribeLinks {
            https: Some("https://example.org/unsubscribe?t=abc".into()),
            mailto: unsubscribe_mailto(&sender, "europe"),
        };
        let sub = Subscriber {
            list: "europe".into(),
            email: "ana@example.net".into(),
            name: Some("Ana, \"the reader\"".into()),
            sections: vec![],
            format: Format::Html,
            language: None,
            timezone: None,
        };
        let digest = Digest::new(
            "Briefing: Friday".into(),
            Some("<p>Hi</p>".into()),
            "Hi".into(),
        );
        let date = "2026-11-27".parse().unwrap();
        let raw = String::from_utf8(
            build_message(digest.clone(), &sub, &sender, date, &links)
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.find("text/plain").unwrap() < raw.find("text/html").unwrap());
        assert!(raw.contains("List-Id: europe <europe.example.org>"));
        assert!(raw.contains(&format!(
            "Message-ID: {}",
            message_id(date, "europe", "ana@example.net", "example.org")
        )));
        let unfolded = raw.replace("\r\n ", " ").replace("\r\n\t", " ");
        assert!(unfolded.contains(
            "List-Unsubscribe: <https://example.org/unsubscribe?t=abc>, <mailto:news@example.org?subject=unsubscribe%20europe>"
        ));
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    #[test]
    fn message_ids_are_stable_and_distinct() {
        let d = "2026-11-27".parse().unwrap();
        assert_eq!(
            message_id(d, "l", "A@x.org", "x.org"),
            message_id(d, "l", "a@x.org", "x.org")
        );
        assert_ne!(
            message_id(d, "l", "a@x.org", "x.org"),
            message_id(d, "l", "b@x.org", "x.org")
        );
    }
}
