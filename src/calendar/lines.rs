//! The text of iCalendar content lines: how dates, date-times and UTC
//! offsets are written, how TEXT, URI and parameter values are escaped, and
//! lines folded at 75 octets with CRLF endings (RFC 5545 §3.1 and §3.3).

use std::fmt::Write as _;

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;

pub(super) fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

pub(super) fn basic_datetime(at: DateTime) -> String {
    format!("{}T{:02}{:02}{:02}", basic_date(at.date()), at.hour(), at.minute(), at.second())
}

/// `+0100`, `-0700`, or `+053730` when the offset has seconds.
pub(super) fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = format!("{sign}{hours:02}{minutes:02}");
    if seconds != 0 {
        let _ = write!(out, "{seconds:02}");
    }
    out
}

pub(super) fn tzid(tz: Option<&str>) -> String {
    tz.map_or_else(String::new, |name| param("TZID", name))
}

/// `;NAME=value`, the value quoted when it holds `;`, `:` or `,`, with the
/// characters a parameter cannot hold (double quotes, controls) removed.
pub(super) fn param(name: &str, value: &str) -> String {
    let value: String = value.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if value.contains([';', ':', ',']) { format!(";{name}=\"{value}\"") } else { format!(";{name}={value}") }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters, which TEXT cannot hold, dropped.
pub(super) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: written as given, less control characters and spaces at the ends.
pub(super) fn uri(value: &str) -> String {
    value.trim().chars().filter(|c| !c.is_control()).collect()
}

/// Appends `NAME` + `params` + `:` + `value` as one content line, folded
/// so that no line exceeds 75 octets (a continuation line starts with a
/// space, which counts), never inside a UTF-8 character, ended by CRLF.
pub(super) fn line(out: &mut String, name: &str, params: &str, value: &str) {
    const LIMIT: usize = 75;
    let mut width = 0;
    for part in [name, params, ":", value] {
        for c in part.chars() {
            if width + c.len_utf8() > LIMIT {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use icalendar::parser::read_calendar;
    use jiff::civil::date;

    use super::*;
    use crate::calendar::Moment;
    use crate::calendar::testing::*;

    #[test]
    fn long_utf8_lines_are_folded_without_splitting_a_character() {
        let summary: String = "Coopération é à 🎉 ü ; ".chars().cycle().take(300).collect();
        let mut long = event("l@example.org", Moment::Date(date(2026, 2, 6)), None);
        long.summary = summary.clone();
        let (ics, unfolded) = write(&calendar(vec![long]));
        assert!(ics.lines().filter(|l| l.starts_with(' ')).count() >= 5, "the summary is folded");
        let parsed = read_calendar(&unfolded).unwrap();
        let vevent = events(&parsed)[0];
        let parsed_summary = vevent.find_prop("SUMMARY").unwrap().val.clone().unescape_text();
        assert_eq!(parsed_summary.as_str(), summary);
    }

    #[test]
    fn text_values_are_escaped() {
        let cases = [
            ("plain", "plain"),
            ("a;b,c", "a\\;b\\,c"),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines\r\nand\rmore", "two\\nlines\\nand\\nmore"),
            ("tab\tbell\u{7}", "tab\tbell"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input), expected, "escaping {input:?}");
        }
        let mut tricky = event("e@example.org", Moment::Date(date(2026, 2, 6)), None);
        tricky.summary = "Atelier; salle 2, étage\\3".to_string();
        tricky.description = Some("Ligne 1\nLigne 2".to_string());
        tricky.categories = vec!["a,b".to_string(), "c".to_string()];
        let (ics, unfolded) = write(&calendar(vec![tricky]));
        assert!(ics.contains("SUMMARY;LANGUAGE=fr:Atelier\\; salle 2\\, étage\\\\3\r\n"));
        assert!(ics.contains("DESCRIPTION;LANGUAGE=fr:Ligne 1\\nLigne 2\r\n"));
        assert!(ics.contains("CATEGORIES;LANGUAGE=fr:a\\,b,c\r\n"));
        let parsed = read_calendar(&unfolded).unwrap();
        let vevent = events(&parsed)[0];
        let summary = vevent.find_prop("SUMMARY").unwrap().val.clone().unescape_text();
        assert_eq!(summary.as_str(), "Atelier; salle 2, étage\\3");
        let description = vevent.find_prop("DESCRIPTION").unwrap().val.clone().unescape_text();
        assert_eq!(description.as_str(), "Ligne 1\nLigne 2");
    }
}
