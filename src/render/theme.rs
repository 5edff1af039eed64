//! The editor-owned look of the digest: `templates/digest.css` (the style,
//! inlined into the HTML) and `templates/theme.toml` (the wording). Both are
//! read at run time and checked, so an editor's mistake is refused with the
//! file and line instead of reaching subscribers.

use std::path::Path;

use serde::Deserialize;

use crate::config::ConfigError;

/// The stylesheet and the fixed wording of the digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// `digest.css`: plain rules are inlined, `@media` rules kept in `<style>`.
    pub css: String,
    pub text: Wording,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    text: Wording,
}

/// Everything the digest says that is not news.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// One line under the masthead.
    pub tagline: String,
    /// Why the reader gets this mail; `{title}` and `{list}` are replaced.
    pub why: String,
    /// `{name}` is replaced by the subscriber's name.
    #[serde(default = "default_greeting")]
    pub greeting: String,
    #[serde(default = "default_greeting_anonymous")]
    pub greeting_anonymous: String,
    /// Link under each article; `{source}` is replaced.
    #[serde(default = "default_read_more")]
    pub read_more: String,
    /// Line under a section cut to fit the size budget; `{count}`, `{section}`.
    #[serde(default = "default_more_online")]
    pub more_online: String,
    #[serde(default = "default_unsubscribe")]
    pub unsubscribe: String,
    #[serde(default = "default_view_online")]
    pub view_online: String,
    /// A footer note in simple HTML, sanitised before use.
    #[serde(default)]
    pub note_html: Option<String>,
}

fn default_greeting() -> String {
    "Good morning, {name}.".into()
}
fn default_greeting_anonymous() -> String {
    "Good morning.".into()
}
fn default_read_more() -> String {
    "Read the full story at {source}".into()
}
fn default_more_online() -> String {
    "{count} more stories in {section} in the online edition".into()
}
fn default_unsubscribe() -> String {
    "Unsubscribe from this list".into()
}
fn default_view_online() -> String {
    "View this briefing in your browser".into()
}

impl Theme {
    /// Reads `theme.toml` and `digest.css` from the templates folder.
    pub fn load(templates: &Path) -> Result<Theme, ConfigError> {
        let read = |name: &str| {
            let path = templates.join(name);
            std::fs::read_to_string(&path)
                .map(|text| (path.clone(), text))
                .map_err(|source| ConfigError::Read { path, source })
        };
        let (path, text) = read("theme.toml")?;
        let file: ThemeFile = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let placeholders: [(&str, &str, &[&str]); 4] = [
            ("why", &file.text.why, &["{title}", "{list}"]),
            ("greeting", &file.text.greeting, &["{name}"]),
            ("read_more", &file.text.read_more, &["{source}"]),
            (
                "more_online",
                &file.text.more_online,
                &["{count}", "{section}"],
            ),
        ];
        for (key, value, allowed) in placeholders {
            if let Some(unknown) = unknown_placeholder(value, allowed) {
                return Err(ConfigError::Invalid {
                    path,
                    message: format!(
                        "[text] {key}: unknown placeholder `{unknown}` (known: {})",
                        allowed.join(", ")
                    ),
                });
            }
        }
        let (css_path, css) = read("digest.css")?;
        check_css(&css).map_err(|(line, message)| ConfigError::Invalid {
            path: css_path,
            message: format!("line {line}: {message}"),
        })?;
        Ok(Theme {
            css,
            text: file.text,
        })
    }
}

fn unknown_placeholder<'a>(value: &'a str, allowed: &[&str]) -> Option<&'a str> {
    let mut rest = value;
    while let Some(start) = rest.find('{') {
        let tail = &rest[start..];
        let end = tail.find('}').map_or(tail.len(), |e| e + 1);
        let name = &tail[..end];
        if !allowed.contains(&name) {
            return Some(name);
        }
        rest = &tail[end..];
    }
    None
}

/// Refuses what would break the digest in mail clients or make it load
/// remote resources: `@import`, `url(...)`, `expression(...)`, layout that
/// Outlook cannot render, and unbalanced braces. Gives the 1-based line.
fn check_css(css: &str) -> Result<(), (usize, String)> {
    let lowered = strip_comments(css).to_ascii_lowercase();
    let mut depth = 0i32;
    for (i, line) in lowered.lines().enumerate() {
        let n = i + 1;
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let refused = [
            ("@import", "@import loads a remote stylesheet"),
            ("url(", "url(...) loads a remote resource"),
            ("expression(", "expression(...) runs script"),
            ("position:", "position is not supported by Outlook"),
            ("float:", "float is not supported by Outlook"),
            ("display:flex", "flex layout is not supported by Outlook"),
            ("display:grid", "grid layout is not supported by Outlook"),
            (
                "display:inline-flex",
                "flex layout is not supported by Outlook",
            ),
            ("</style", "`</style` would end the style block"),
        ];
        if let Some((_, why)) = refused.iter().find(|(what, _)| compact.contains(what)) {
            return Err((n, why.to_string()));
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return Err((n, "`}` without a matching `{`".into()));
            }
        }
    }
    if depth != 0 {
        return Err((lowered.lines().count(), "a `{` is never closed".into()));
    }
    Ok(())
}

/// Replaces `/* ... */` comments by spaces, keeping line breaks so line
/// numbers stay true.
fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 2..];
        let (comment, after) = match tail.find("*/") {
            Some(end) => (&tail[..end], &tail[end + 2..]),
            None => (tail, ""),
        };
        out.extend(comment.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        out.push_str("    ");
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(name: &str) -> String {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("templates")
                .join(name),
        )
        .unwrap()
    }

    fn load_with(theme: &str, css: &str) -> Result<Theme, String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("theme.toml"), theme).unwrap();
        std::fs::write(dir.path().join("digest.css"), css).unwrap();
        Theme::load(dir.path()).map_err(|e| e.to_string())
    }

    #[test]
    fn shipped_theme_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let theme = Theme::load(&dir).unwrap();
        assert!(theme.css.contains("@media (prefers-color-scheme: dark)"));
    }

    #[test]
    fn remote_resources_in_css_are_refused_with_the_line() {
        let css = shipped("digest.css").replace(
            ".link { color",
            ".link { background: url(https://tracker.test/p.gif);\n  color",
        );
        let err = load_with(&shipped("theme.toml"), &css).unwrap_err();
        assert!(err.contains("digest.css") && err.contains("url("), "{err}");
        let line = css
            .lines()
            .position(|l| l.contains("tracker.test"))
            .unwrap()
            + 1;
        assert!(err.contains(&format!("line {line}:")), "{err}");

        let err = load_with(&shipped("theme.toml"), "@import 'x.css';\n").unwrap_err();
        assert!(err.contains("line 1") && err.contains("@import"), "{err}");
        let err = load_with(&shipped("theme.toml"), ".a { float: left; }\n").unwrap_err();
        assert!(err.contains("float"), "{err}");
        let err = load_with(&shipped("theme.toml"), ".a { color: red;\n").unwrap_err();
        assert!(err.contains("never closed"), "{err}");
        // a commented-out rule is not refused
        load_with(
            &shipped("theme.toml"),
            "/* float: left */ .a { color: red; }\n",
        )
        .unwrap();
    }

    #[test]
    fn bad_wording_names_the_file_and_key() {
        let theme = shipped("theme.toml").replace("{list} list", "{lists} list");
        let err = load_with(&theme, &shipped("digest.css")).unwrap_err();
        assert!(
            err.contains("theme.toml") && err.contains("why") && err.contains("{lists}"),
            "{err}"
        );
        let theme = shipped("theme.toml").replace("tagline =", "tag_line =");
        let err = load_with(&theme, &shipped("digest.css")).unwrap_err();
        assert!(
            err.contains("theme.toml") && err.contains("line 5"),
            "{err}"
        );
    }
}
