//! Subscriber lists: every `subscribers/<list>.csv` is a list named after its
//! file. Rows that cannot be used are reported with file and line, never
//! silently dropped. `edit` changes a list file in place.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use lettre::Address;

use crate::language::Language;
use crate::model::{Format, Subscriber};

/// The columns a list may have; only `email` is required.
pub const COLUMNS: [&str; 7] = [
    "email", "name", "sections", "format", "language", "timezone", "status",
];

pub mod edit;

/// Why a list could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("cannot read subscriber lists in {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Malformed { path: PathBuf, message: String },
    #[error("no subscriber list named `{0}`")]
    UnknownList(String),
}

/// A row that was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub path: PathBuf,
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason)
    }
}

/// The usable subscribers of one or more lists, and the rows that were not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Active subscribers, in file order.
    pub subscribers: Vec<Subscriber>,
    /// Rows marked unsubscribed or bounced: not mailed, not an error.
    pub inactive: usize,
    pub problems: Vec<RowProblem>,
}

/// The names of the lists in `dir`, sorted.
pub fn list_names(dir: &Path) -> Result<Vec<String>, ListError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ListError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    Ok(names)
}

/// Loads the lists in `dir` (only `only` when given), checking sections
/// against `known_sections`.
pub fn load_lists(
    dir: &Path,
    only: Option<&str>,
    known_sections: &[String],
) -> Result<Lists, ListError> {
    let names = list_names(dir)?;
    let selected: Vec<String> = match only {
        Some(name) if names.iter().any(|n| n == name) => vec![name.to_string()],
        Some(name) => return Err(ListError::UnknownList(name.to_string())),
        None => names,
    };
    let mut all = Lists::default();
    for name in selected {
        let path = dir.join(format!("{name}.csv"));
        let text = std::fs::read_to_string(&path).map_err(|source| ListError::Read {
            path: path.clone(),
            source,
        })?;
        let one = parse_list(&name, &path, &text, known_sections)?;
        all.subscribers.extend(one.subscribers);
        all.inactive += one.inactive;
        all.problems.extend(one.problems);
    }
    Ok(all)
}

/// Parses one list's CSV text (header row required; `#` lines are comments).
pub fn parse_list(
    list: &str,
    path: &Path,
    text: &str,
    known_sections: &[String],
) -> Result<Lists, ListError> {
    // Comment lines are blanked rather than given to the reader as comments,
    // and record positions (which point at the end of the previous record)
    // are moved past blank lines, so reports name the line an editor sees.
    let text: String = text
        .trim_start_matches('\u{feff}')
        .split_inclusive('\n')
        .map(|line| {
            if line.trim_start().starts_with('#') {
                "\n"
            } else {
                line
            }
        })
        .collect();
    let bytes = text.as_bytes();
    // Records come in order, so the line count advances from the last one.
    let mut counted = (0usize, 1u64);
    let mut line_at = |byte: u64| {
        let mut at = (byte as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        let (from, lines) = if at >= counted.0 { counted } else { (0, 1) };
        let line = lines + bytes[from..at].iter().filter(|b| **b == b'\n').count() as u64;
        counted = (at, line);
        line
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(bytes);
    let malformed = |message: String| ListError::Malformed {
        path: path.to_path_buf(),
        message,
    };
    let headers = reader
        .headers()
        .map_err(|e| malformed(e.to_string()))?
        .iter()
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let email_col =
        column("email").ok_or_else(|| malformed("the header row has no `email` column".into()))?;
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            return Err(malformed(format!(
                "unknown column `{h}` (known: {})",
                COLUMNS.join(", ")
            )));
        }
    }
    let (name_col, sections_col, format_col, status_col) = (
        column("name"),
        column("sections"),
        column("format"),
        column("status"),
    );
    let (language_col, timezone_col) = (column("language"), column("timezone"));

    let mut out = Lists::default();
    let mut seen = HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                out.problems.push(RowProblem {
                    path: path.to_path_buf(),
                    line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let problem = |reason: String| RowProblem {
            path: path.to_path_buf(),
            line,
            reason,
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |col: Option<usize>| col.and_then(|c| record.get(c)).filter(|v| !v.is_empty());
        let email = record.get(email_col).unwrap_or_default();
        let address: Address = match email.parse() {
            Ok(a) => a,
            Err(_) => {
                out.problems
                    .push(problem(format!("invalid address `{email}`")));
                continue;
            }
        };
        // Internationalised domains travel as IDNA (xn--…); a Unicode local
        // part stays, and goes only through relays that offer SMTPUTF8.
        let domain = match idna::domain_to_ascii(address.domain()) {
            Ok(d) => d,
            Err(_) => {
                out.problems
                    .push(problem(format!("invalid domain in `{email}`")));
                continue;
            }
        };
        let normalised = format!("{}@{domain}", address.user());
        if !seen.insert(normalised.to_lowercase()) {
            out.problems
                .push(problem(format!("duplicate address `{email}`")));
            continue;
        }
        let format = match field(format_col).map(str::to_ascii_lowercase).as_deref() {
            None | Some("html") => Format::Html,
            Some("text") => Format::Text,
            Some(other) => {
                out.problems
                    .push(problem(format!("unknown format `{other}` (html or text)")));
                continue;
            }
        };
        let sections: Vec<String> = field(sections_col)
            .map(|s| {
                s.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(unknown) = sections
            .iter()
            .find(|s| !known_sections.iter().any(|k| k.eq_ignore_ascii_case(s)))
        {
            out.problems
                .push(problem(format!("unknown section `{unknown}`")));
            continue;
        }
        let language = match field(language_col) {
            None => None,
            Some(tag) => match Language::parse(tag) {
                Some(l) => Some(l),
                None => {
                    out.problems.push(problem(format!(
                        "unknown language `{tag}` (e.g. en, fr, de-AT)"
                    )));
                    continue;
                }
            },
        };
        let timezone = match field(timezone_col) {
            None => None,
            Some(name) => match name.parse::<chrono_tz::Tz>() {
                Ok(tz) => Some(tz),
                Err(_) => {
                    out.problems.push(problem(format!(
                        "unknown timezone `{name}` (an IANA name like Europe/Paris)"
                    )));
                    continue;
                }
            },
        };
        match field(status_col).map(str::to_ascii_lowercase).as_deref() {
            None | Some("active") => {}
            Some("unsubscribed" | "bounced") => {
                out.inactive += 1;
                continue;
            }
            Some(other) => {
                out.problems.push(problem(format!(
                    "unknown status `{other}` (active, unsubscribed or bounced)"
                )));
                continue;
            }
        }
        out.subscribers.push(Subscriber {
            list: list.to_string(),
            email: normalised,
            name: field(name_col).map(String::from),
            sections,
            format,
            language,
            timezone,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<String> {
        vec!["Europe".into(), "Economy".into()]
    }

    #[test]
    fn rows_are_read_and_problems_have_lines() {
        let text = "\u{feff}email,name,sections,format\r\n# a comment\r\nana@Example.ORG,Ana,Europe,html\r\n\r\nnot-an-address,Bob,,\r\nana@example.org,Ana again,,\r\ncid@example.org,,Sports,\r\ndan@example.org,\"Dan, Jr\",europe;economy,text\r\n";
        let lists = parse_list(
            "europe",
            Path::new("subscribers/europe.csv"),
            text,
            &sections(),
        )
        .unwrap();
        let emails: Vec<&str> = lists.subscribers.iter().map(|s| s.email.as_str()).collect();
        assert_eq!(emails, vec!["ana@example.org", "dan@example.org"]);
        assert_eq!(lists.subscribers[1].name.as_deref(), Some("Dan, Jr"));
        assert_eq!(lists.subscribers[1].format, Format::Text);
        let problems: Vec<String> = lists.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            vec![
                "subscribers/europe.csv:5: invalid address `not-an-address`",
                "subscribers/europe.csv:6: duplicate address `ana@example.org`",
                "subscribers/europe.csv:7: unknown section `Sports`",
            ]
        );
    }

    #[test]
    fn international_addresses() {
        let text = "email\nanna@Bücher.example\njürgen@example.de\nANNA@xn--bcher-kva.example\n";
        let lists = parse_list("europe", Path::new("l.csv"), text, &sections()).unwrap();
        let emails: Vec<&str> = lists.subscribers.iter().map(|s| s.email.as_str()).collect();
        assert_eq!(
            emails,
            vec!["anna@xn--bcher-kva.example", "jürgen@example.de"]
        );
        assert_eq!(
            lists.problems.len(),
            1,
            "the same address in IDNA form is a duplicate"
        );
    }

    #[test]
    fn missing_email_column_is_an_error() {
        let err = parse_list("x", Path::new("x.csv"), "name\nAna\n", &sections()).unwrap_err();
        assert!(err.to_string().contains("email"));
    }
}
