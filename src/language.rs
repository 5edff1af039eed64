//! A reader's language: how the masthead date is written and what the HTML
//! says its language is. Dates come from chrono's locale tables.

use std::fmt;

use chrono::{Locale, NaiveDate};

/// A language tag as subscribers and editors write it ("fr", "de-AT",
/// "en_GB"), resolved to one of chrono's locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language {
    locale: Locale,
}

/// The default when neither the subscriber nor `digest.toml` says.
pub const ENGLISH: Language = Language {
    locale: Locale::en_GB,
};

/// Territories for bare language codes whose country code differs from
/// the language code, or whose first match would surprise a European reader.
const TERRITORY: &[(&str, &str)] = &[
    ("en", "GB"),
    ("el", "GR"),
    ("da", "DK"),
    ("sv", "SE"),
    ("cs", "CZ"),
    ("et", "EE"),
    ("sl", "SI"),
    ("uk", "UA"),
    ("ga", "IE"),
    ("ca", "ES"),
    ("eu", "ES"),
    ("gl", "ES"),
    ("nb", "NO"),
    ("nn", "NO"),
    ("sq", "AL"),
    ("sr", "RS"),
    ("be", "BY"),
    ("ka", "GE"),
    ("hy", "AM"),
    ("ar", "EG"),
    ("he", "IL"),
    ("fa", "IR"),
    ("ja", "JP"),
    ("ko", "KR"),
    ("zh", "CN"),
];

impl Language {
    /// Parses "fr", "fr-FR", "fr_FR" (any case); `None` if chrono has no such locale.
    pub fn parse(tag: &str) -> Option<Language> {
        let tag = tag.trim().replace('-', "_");
        let (lang, region) = match tag.split_once('_') {
            Some((l, r)) => (l.to_ascii_lowercase(), Some(r.to_ascii_uppercase())),
            None => (tag.to_ascii_lowercase(), None),
        };
        if lang.is_empty() || !lang.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let region = region.unwrap_or_else(|| {
            TERRITORY
                .iter()
                .find(|(l, _)| *l == lang)
                .map_or_else(|| lang.to_ascii_uppercase(), |(_, r)| r.to_string())
        });
        Locale::try_from(format!("{lang}_{region}").as_str())
            .ok()
            .map(|locale| Language { locale })
    }

    fn code(&self) -> String {
        format!("{:?}", self.locale)
    }

    /// The primary language subtag: "fr".
    pub fn primary(&self) -> String {
        let code = self.code();
        code.split('_').next().unwrap_or("en").to_string()
    }

    /// For the `lang` attribute: "fr-FR".
    pub fn html_tag(&self) -> String {
        self.code().replacen('_', "-", 1)
    }

    /// For the `dir` attribute.
    pub fn direction(&self) -> &'static str {
        match self.primary().as_str() {
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" => "rtl",
            _ => "ltr",
        }
    }

    /// The long (masthead) and short (subject line, no year) date patterns
    /// of this language.
    fn date_patterns(&self) -> (&'static str, &'static str) {
        match self.primary().as_str() {
            "de" | "da" | "nb" | "nn" | "fi" | "cs" | "sk" | "sl" | "hr" | "et" => {
                ("%A, %-d. %B %Y", "%A, %-d. %B")
            }
            "pl" | "lt" | "lv" | "ru" | "uk" | "bg" | "ro" => ("%A, %-d %B %Y", "%A, %-d %B"),
            "es" | "pt" | "ca" | "gl" => ("%A, %-d de %B de %Y", "%A, %-d de %B"),
            "hu" => ("%Y. %B %-d., %A", "%A %-d %B"),
            "ja" | "zh" | "ko" => ("%Y-%m-%d (%a)", "%m-%d (%a)"),
            _ => ("%A %-d %B %Y", "%A %-d %B"),
        }
    }

    /// "Thursday 26 November 2026", "jeudi 26 novembre 2026",
    /// "Donnerstag, 26. November 2026".
    pub fn long_date(&self, date: NaiveDate) -> String {
        date.format_localized(self.date_patterns().0, self.locale)
            .to_string()
    }

    /// The date for the subject line, without the year.
    pub fn short_date(&self, date: NaiveDate) -> String {
        date.format_localized(self.date_patterns().1, self.locale)
            .to_string()
    }
}

impl Default for Language {
    fn default() -> Language {
        ENGLISH
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.html_tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_resolve_to_locales() {
        assert_eq!(Language::parse("fr").unwrap().html_tag(), "fr-FR");
        assert_eq!(Language::parse("de-at").unwrap().html_tag(), "de-AT");
        assert_eq!(Language::parse("en").unwrap().html_tag(), "en-GB");
        assert_eq!(Language::parse("EL").unwrap().html_tag(), "el-GR");
        assert_eq!(Language::parse("ar").unwrap().direction(), "rtl");
        assert!(Language::parse("xx").is_none());
        assert!(Language::parse("").is_none());
        assert!(Language::parse("f r").is_none());
    }

    #[test]
    fn dates_in_the_readers_language() {
        let date: NaiveDate = "2026-11-26".parse().unwrap();
        let long = |tag: &str| Language::parse(tag).unwrap().long_date(date);
        assert_eq!(long("en"), "Thursday 26 November 2026");
        assert_eq!(long("fr"), "jeudi 26 novembre 2026");
        assert_eq!(long("de"), "Donnerstag, 26. November 2026");
        assert_eq!(long("es"), "jueves, 26 de noviembre de 2026");
        assert_eq!(
            Language::parse("it").unwrap().short_date(date),
            "giovedì 26 novembre"
        );
    }
}
