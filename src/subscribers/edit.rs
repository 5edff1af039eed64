//! Changing a list file: add, remove and import rows. Every edit keeps the
//! rest of the file as it was (order, comments, quoting) and replaces the
//! file atomically, so a crash leaves the old or the new list, never half.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{ListError, Lists, RowProblem, parse_list};
use crate::model::{Format, Subscriber};

/// A row to add, as given on the command line or found in an import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewRow {
    pub email: String,
    pub name: Option<String>,
    pub sections: Vec<String>,
    pub format: Option<Format>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub added: usize,
    /// Already on the list (compared case-insensitively).
    pub already_listed: usize,
    /// Rows of the imported file that could not be used.
    pub problems: Vec<RowProblem>,
}

fn read(path: &Path) -> Result<String, ListError> {
    std::fs::read_to_string(path).map_err(|source| ListError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Replaces `path` with `text` atomically.
fn write_atomically(path: &Path, text: &str) -> Result<(), ListError> {
    let tmp = path.with_extension("csv.part");
    let io = |source| ListError::Read {
        path: path.to_path_buf(),
        source,
    };
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// The header row's column names, lower-cased.
fn header(text: &str) -> Vec<String> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or("email");
    first
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect()
}

/// One CSV line for `row` in the file's own column order.
fn encode(columns: &[String], row: &NewRow) -> Result<String, String> {
    let mut fields = Vec::with_capacity(columns.len());
    for column in columns {
        fields.push(match column.as_str() {
            "email" => row.email.clone(),
            "name" => row.name.clone().unwrap_or_default(),
            "sections" => row.sections.join(";"),
            "format" => match row.format {
                Some(Format::Text) => "text".into(),
                Some(Format::Html) => "html".into(),
                None => String::new(),
            },
            _ => String::new(),
        });
    }
    for (wanted, given) in [
        ("name", row.name.is_some()),
        ("sections", !row.sections.is_empty()),
        ("format", row.format.is_some()),
    ] {
        if given && !columns.iter().any(|c| c == wanted) {
            return Err(format!(
                "the list has no `{wanted}` column; add it to the header row first"
            ));
        }
    }
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(&fields).map_err(|e| e.to_string())?;
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields"))
}

/// Appends rows to the text, keeping its line ending style.
fn append(text: &mut String, lines: &[String]) {
    let crlf = text.contains("\r\n");
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
    for line in lines {
        let line = line.trim_end_matches(['\r', '\n']);
        text.push_str(line);
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
}

/// Checks `row` as the list would and returns its normalised address.
fn check(
    list: &str,
    path: &Path,
    row: &NewRow,
    known_sections: &[String],
) -> Result<Subscriber, String> {
    let columns = "email,name,sections,format\n";
    let mut one = String::from(columns);
    append(
        &mut one,
        &[encode(
            &["email", "name", "sections", "format"].map(String::from),
            row,
        )?],
    );
    let parsed = parse_list(list, path, &one, known_sections).map_err(|e| e.to_string())?;
    if let Some(p) = parsed.problems.first() {
        return Err(p.reason.clone());
    }
    parsed
        .subscribers
        .into_iter()
        .next()
        .ok_or_else(|| "the row is empty".to_string())
}

fn listed(lists: &Lists) -> HashSet<String> {
    lists
        .subscribers
        .iter()
        .map(|s| s.email.to_lowercase())
        .collect()
}

/// Adds one subscriber to the list file at `path`.
pub fn add(
    list: &str,
    path: &Path,
    row: &NewRow,
    known_sections: &[String],
) -> Result<(), ListError> {
    let invalid = |message: String| ListError::Malformed {
        path: path.to_path_buf(),
        message,
    };
    let mut text = if path.exists() {
        read(path)?
    } else {
        "email,name,sections,format\n".to_string()
    };
    let current = parse_list(list, path, &text, known_sections)?;
    let subscriber = check(list, path, row, known_sections).map_err(invalid)?;
    if listed(&current).contains(&subscriber.email.to_lowercase()) {
        return Err(invalid(format!("`{}` is already on the list", row.email)));
    }
    let line = encode(&header(&text), row).map_err(invalid)?;
    append(&mut text, &[line]);
    write_atomically(path, &text)
}

/// Removes every row of `email` (case-insensitive) from the list file;
/// returns how many rows went.
pub fn remove(path: &Path, email: &str) -> Result<usize, ListError> {
    let text = read(path)?;
    let columns = header(&text);
    let email_col =
        columns
            .iter()
            .position(|c| c == "email")
            .ok_or_else(|| ListError::Malformed {
                path: path.to_path_buf(),
                message: "the header row has no `email` column".into(),
            })?;
    let wanted = email.trim().to_lowercase();
    let mut removed = 0;
    let mut seen_header = false;
    let mut kept = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        let is_data = !content.is_empty() && !content.starts_with('#') && seen_header;
        if !content.is_empty() && !content.starts_with('#') {
            seen_header = true;
        }
        if is_data {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .trim(csv::Trim::All)
                .from_reader(content.as_bytes());
            let matches = reader
                .records()
                .next()
                .and_then(Result::ok)
                .and_then(|r| r.get(email_col).map(|e| e.to_lowercase() == wanted))
                .unwrap_or(false);
            if matches {
                removed += 1;
                continue;
            }
        }
        kept.push_str(line);
    }
    if removed > 0 {
        write_atomically(path, &kept)?;
    }
    Ok(removed)
}

/// Merges the rows of another CSV (e.g. an export from another tool: an
/// `email` column, optional `name`, `sections`, `format`, `status`; other
/// columns are ignored) into the list, skipping addresses already listed
/// and reporting rows that cannot be used.
pub fn import(
    list: &str,
    path: &Path,
    from: &Path,
    known_sections: &[String],
) -> Result<ImportReport, ListError> {
    let incoming = read(from)?;
    let columns: Vec<String> = header(&incoming);
    // keep only the columns we know, so other tools' extra columns do not refuse the file
    let keep: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| ["email", "name", "sections", "format", "status"].contains(&c.as_str()))
        .map(|(i, _)| i)
        .collect();
    let mut filtered = String::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(incoming.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for record in reader.records() {
        let record = record.map_err(|e| ListError::Malformed {
            path: from.to_path_buf(),
            message: e.to_string(),
        })?;
        let first = record.get(0).unwrap_or("");
        if first.trim_start().starts_with('#') {
            writer.write_record(["#"]).ok();
            continue;
        }
        writer
            .write_record(keep.iter().map(|&i| record.get(i).unwrap_or("")))
            .ok();
    }
    filtered
        .push_str(&String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default());
    let parsed = parse_list(list, from, &filtered, known_sections)?;

    let mut text = if path.exists() {
        read(path)?
    } else {
        "email,name,sections,format\n".to_string()
    };
    let current = parse_list(list, path, &text, known_sections)?;
    let mut have = listed(&current);
    let target_columns = header(&text);
    let mut report = ImportReport {
        problems: parsed.problems,
        ..ImportReport::default()
    };
    let mut lines = Vec::new();
    for s in parsed.subscribers {
        if !have.insert(s.email.to_lowercase()) {
            report.already_listed += 1;
            continue;
        }
        let row = NewRow {
            email: s.email,
            name: s
                .name
                .filter(|_| target_columns.iter().any(|c| c == "name")),
            sections: if target_columns.iter().any(|c| c == "sections") {
                s.sections
            } else {
                vec![]
            },
            format: (s.format == Format::Text && target_columns.iter().any(|c| c == "format"))
                .then_some(Format::Text),
        };
        lines.push(
            encode(&target_columns, &row).map_err(|message| ListError::Malformed {
                path: path.to_path_buf(),
                message,
            })?,
        );
        report.added += 1;
    }
    if !lines.is_empty() {
        append(&mut text, &lines);
        write_atomically(path, &text)?;
    }
    Ok(report)
}

/// Where the list named `list` lives.
pub fn list_path(dir: &Path, list: &str) -> PathBuf {
    dir.join(format!("{list}.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<String> {
        vec!["Europe".into(), "World".into()]
    }

    #[test]
    fn add_remove_keep_the_rest_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("europe.csv");
        let original = "# our readers\r\nemail,name,sections\r\n\"b@x.org\",\"Bee, B\",Europe\r\n# keep me\r\nc@x.org,,\r\n";
        std::fs::write(&path, original).unwrap();
        let row = NewRow {
            email: "a@x.org".into(),
            name: Some("Ann".into()),
            sections: vec!["World".into()],
            format: None,
        };
        add("europe", &path, &row, &sections()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{original}a@x.org,Ann,World\r\n"));
        assert!(
            add("europe", &path, &row, &sections())
                .unwrap_err()
                .to_string()
                .contains("already")
        );
        let bad = NewRow {
            email: "nope".into(),
            ..NewRow::default()
        };
        assert!(add("europe", &path, &bad, &sections()).is_err());
        let no_col = NewRow {
            email: "d@x.org".into(),
            format: Some(Format::Text),
            ..NewRow::default()
        };
        assert!(
            add("europe", &path, &no_col, &sections())
                .unwrap_err()
                .to_string()
                .contains("`format` column")
        );

        assert_eq!(remove(&path, "B@X.org").unwrap(), 1);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "# our readers\r\nemail,name,sections\r\n# keep me\r\nc@x.org,,\r\na@x.org,Ann,World\r\n"
        );
        assert_eq!(remove(&path, "zzz@x.org").unwrap(), 0);
    }

    #[test]
    fn import_merges_without_duplicates_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("europe.csv");
        std::fs::write(&path, "email,name\na@x.org,Ann\n").unwrap();
        let from = dir.path().join("export.csv");
        std::fs::write(&from, "\u{feff}Email,Name,attributes,created_at\nA@X.ORG,Ann,{},2024\nb@x.org,\"Bo, B\",{},2024\nbroken,,,\nb@x.org,Bo,{},2024\n").unwrap();
        let report = import("europe", &path, &from, &sections()).unwrap();
        assert_eq!(report.added, 1);
        assert_eq!(report.already_listed, 1);
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].ends_with("export.csv:4: invalid address `broken`"),
            "{problems:?}"
        );
        assert!(problems[1].contains(":5: duplicate"), "{problems:?}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "email,name\na@x.org,Ann\nb@x.org,\"Bo, B\"\n"
        );
    }
}
