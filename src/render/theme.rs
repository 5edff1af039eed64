//! The editor-owned look of the digest, read from `templates/theme.toml`.

use std::path::Path;

use serde::{Deserialize, Deserializer, de};

use crate::config::ConfigError;

/// Colours, fonts and fixed wording of the digest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub colors: Colors,
    pub fonts: Fonts,
    pub text: Wording,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    #[serde(deserialize_with = "hex_colour")]
    pub accent: String,
    #[serde(deserialize_with = "hex_colour")]
    pub text: String,
    #[serde(deserialize_with = "hex_colour")]
    pub muted: String,
    #[serde(deserialize_with = "hex_colour")]
    pub background: String,
    #[serde(deserialize_with = "hex_colour")]
    pub card: String,
    #[serde(deserialize_with = "hex_colour")]
    pub quote_rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    #[serde(deserialize_with = "font_stack")]
    pub body: String,
    #[serde(deserialize_with = "font_stack")]
    pub heading: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// One line under the masthead.
    pub tagline: String,
    /// Why the reader gets this mail; `{title}` and `{list}` are replaced.
    pub why: String,
}

impl Theme {
    /// Reads `theme.toml` from the templates folder.
    pub fn load(templates: &Path) -> Result<Theme, ConfigError> {
        let path = templates.join("theme.toml");
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path,
            message: e.to_string(),
        })
    }
}

fn hex_colour<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    let ok = s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(s)
    } else {
        Err(de::Error::custom(format!(
            "`{s}` is not a colour like \"#1f4e79\""
        )))
    }
}

fn font_stack<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty() || s.contains([';', '{', '}', '<', '>', '"']) {
        return Err(de::Error::custom(format!("`{s}` is not a CSS font stack")));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_theme_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        Theme::load(&dir).unwrap();
    }

    #[test]
    fn bad_colour_names_line() {
        let dir = tempfile::tempdir().unwrap();
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/theme.toml"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("theme.toml"),
            shipped.replace("\"#1f4e79\"", "\"blue\""),
        )
        .unwrap();
        let err = Theme::load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("theme.toml") && err.contains("line 5") && err.contains("blue"),
            "{err}"
        );
    }
}
