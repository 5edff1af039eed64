//! The outbox transport: one `.eml` file per recipient, for previews and for
//! machines without a relay. A file that exists was delivered.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// Writes messages under `<outbox>/<date>/<list>/<address>.eml`.
#[derive(Debug, Clone)]
pub struct Outbox {
    pub dir: PathBuf,
}

impl Outbox {
    /// Where the message of this edition, list and recipient goes.
    pub fn path_for(&self, date: NaiveDate, list: &str, email: &str) -> PathBuf {
        self.dir
            .join(date.to_string())
            .join(safe_file_name(list))
            .join(format!("{}.eml", safe_file_name(&email.to_lowercase())))
    }

    /// True when this recipient's message is already in the outbox.
    pub fn contains(&self, date: NaiveDate, list: &str, email: &str) -> bool {
        self.path_for(date, list, email).is_file()
    }

    /// Writes the message atomically: a crash leaves either the whole file or none.
    pub async fn deliver(
        &self,
        date: NaiveDate,
        list: &str,
        email: &str,
        raw: &[u8],
    ) -> std::io::Result<PathBuf> {
        let path = self.path_for(date, list, email);
        let dir = path.parent().unwrap_or(Path::new("."));
        tokio::fs::create_dir_all(dir).await?;
        let tmp = path.with_extension("eml.part");
        tokio::fs::write(&tmp, raw).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(path)
    }
}

/// Keeps letters, digits and `@._+-`; everything else becomes `_`.
fn safe_file_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || "@._+-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn writes_once_per_recipient() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox {
            dir: dir.path().into(),
        };
        let date = "2026-11-27".parse().unwrap();
        assert!(!outbox.contains(date, "europe", "A@x.org"));
        let path = outbox
            .deliver(date, "europe", "A@x.org", b"msg")
            .await
            .unwrap();
        assert!(path.ends_with("2026-11-27/europe/a@x.org.eml"));
        assert!(outbox.contains(date, "europe", "a@x.org"));
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
    }
}
