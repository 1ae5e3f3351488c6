//! Owns turning serde_yaml's errors about a front matter into diagnostics a
//! non-developer can act on: an unknown field with the close one, a wrong
//! type named in words ("must be a list, found text"), a field given twice,
//! a list of the wrong length, a group lacking one of its fields. Only a
//! YAML syntax error keeps the parser's own (English) words, in a frame.

use super::{DATE_EXPECTED, locate_key_nth};
use crate::content::SourceFile;
use crate::diag::{Diagnostic, did_you_mean};

/// The diagnostic for a front matter serde_yaml could not read or type.
pub(super) fn diagnostic(file: &SourceFile, err: &serde_yaml::Error) -> Diagnostic {
    let (mut line, mut col) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
    let raw = err.to_string();
    let raw = match raw.find(" at line ") {
        Some(i) => &raw[..i],
        None => raw.as_str(),
    };
    let (path, message) = match raw.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (Some(path), rest),
        _ => (None, raw),
    };
    let kind = file.kind.name();
    let (message, hint) = if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        let hint = match (did_you_mean(name, expected.iter().copied()), path) {
            (Some(close), _) => tr!("did-you-mean", name = close),
            (None, None) => tr!("content-allowed-fields", fields = expected.join(", ")),
            (None, Some(parent)) => tr!("content-allowed-subfields", parent = parent, fields = expected.join(", ")),
        };
        let message = match path {
            None => tr!("content-unknown-field", field = name, kind = kind),
            Some(parent) => tr!("content-unknown-subfield", field = name, parent = parent, kind = kind),
        };
        (message, Some(hint))
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another type"));
        let ((expected, expected_value), (found, found_value)) = (type_code(expected), type_code(found));
        let (subject, field) = (if path.is_some() { "field" } else { "front-matter" }, path.unwrap_or_default());
        let message = tr!(
            "content-wrong-type",
            subject = subject,
            field = field,
            expected = expected,
            expected_value = expected_value,
            found = found,
            found_value = found_value
        );
        (message, None)
    } else if let Some(name) = message
        .strip_prefix("duplicate field `")
        .map(|r| r.trim_end_matches('`'))
        .or_else(|| message.strip_prefix("duplicate entry with key \"").map(|r| r.trim_end_matches('"')))
    {
        if let Some((l, c)) = locate_key_nth(&file.front_matter, name, 1) {
            (line, col) = (l, c);
        }
        (tr!("content-field-twice", field = name), Some(tr!("content-field-twice-hint")))
    } else if let Some(name) = message.strip_prefix("missing field `").map(|r| r.trim_end_matches('`')) {
        let parent = path.unwrap_or_default();
        (
            tr!("content-missing-subfield", field = name, parent = parent),
            Some(tr!("content-missing-subfield-hint", field = name, parent = parent)),
        )
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        let subject = if path.is_some() { "field" } else { "list" };
        let field = path.unwrap_or_default();
        // serde's words: "3, expected sequence of 2 elements".
        let counts = rest.split_once(", expected sequence of ").and_then(|(count, expected)| {
            let expected = expected.strip_suffix(" elements")?;
            Some((count.parse::<u64>().ok()?, expected.parse::<u64>().ok()?))
        });
        let message = match counts {
            Some((count, expected)) => {
                tr!("content-wrong-length", subject = subject, field = field, count = count, expected = expected)
            }
            None => tr!("content-wrong-length-detail", subject = subject, field = field, detail = rest),
        };
        (message, None)
    } else {
        (tr!("content-invalid-yaml", detail = message), Some(tr!("content-invalid-yaml-hint")))
    };
    let mut d = Diagnostic::error(&file.path, file.front_matter_line + line - 1, col, message);
    if let Some(hint) = hint {
        d = d.with_hint(hint);
    }
    d
}

/// A type or value as serde names it ("a sequence", "i64", "string \"oui\"",
/// "integer `5`"), as a type code of message `content-wrong-type` and the
/// value written (or serde's own words when the code is `other`).
fn type_code(serde_name: &str) -> (&'static str, String) {
    let text = serde_name.trim();
    let between = |prefix: &str, quote: char| {
        let rest = text.strip_prefix(prefix)?.trim();
        rest.strip_prefix(quote)?.strip_suffix(quote).map(str::to_string)
    };
    if let Some(value) = between("string", '"') {
        return ("text-value", value);
    }
    if let Some(value) = between("integer", '`').or_else(|| between("floating point", '`')) {
        return ("number-value", value);
    }
    if let Some(value) = between("boolean", '`') {
        return ("boolean-value", value);
    }
    let code = match text {
        "a sequence" | "sequence" => "list",
        "a map" | "map" => "map",
        "a boolean" => "boolean",
        "i64" | "u64" | "i32" => "integer",
        "f64" => "number",
        "a string" => "text",
        "an array of length 2" => "pair",
        DATE_EXPECTED => "date",
        other if other.starts_with("struct ") => "map",
        _ => "other",
    };
    (code, if code == "other" { text.to_string() } else { String::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every type a wrong-type message may name, in both languages.
    #[test]
    fn wrong_types_are_named_in_english_and_french() {
        use crate::messages::{Locale, text_in};
        let wrong = |locale, expected: &str, found: &str| {
            let ((expected, expected_value), (found, found_value)) = (type_code(expected), type_code(found));
            let args = [
                ("subject", "field".into()),
                ("field", "f".into()),
                ("expected", expected.into()),
                ("expected_value", expected_value.into()),
                ("found", found.into()),
                ("found_value", found_value.into()),
            ];
            text_in(locale, "content-wrong-type", &args)
        };
        let cases = [
            (
                "a string",
                "sequence",
                "'f' must be text, found a list",
                "le champ « f » doit être du texte, et non une liste",
            ),
            (
                "a sequence",
                "string \"oui\"",
                "'f' must be a list, found text \"oui\"",
                "le champ « f » doit être une liste, et non le texte « oui »",
            ),
            (
                "struct ImageFm",
                "map",
                "'f' must be a map of fields, found a map of fields",
                "le champ « f » doit être un groupe de champs, et non un groupe de champs",
            ),
            (
                "a boolean",
                "integer `1`",
                "'f' must be true or false, found the number `1`",
                "le champ « f » doit être true ou false, et non le nombre 1",
            ),
            (
                "i64",
                "boolean `true`",
                "'f' must be a whole number, found the value `true`",
                "le champ « f » doit être un nombre entier, et non la valeur true",
            ),
            (
                "f64",
                "floating point `1.5`",
                "'f' must be a number, found the number `1.5`",
                "le champ « f » doit être un nombre, et non le nombre 1.5",
            ),
            (
                "an array of length 2",
                "unit value",
                "'f' must be a pair [latitude, longitude], found unit value",
                "le champ « f » doit être une paire [latitude, longitude], et non unit value",
            ),
            (
                "a date like 2026-02-06",
                "sequence",
                "'f' must be a date like 2026-02-06, found a list",
                "le champ « f » doit être une date comme 2026-02-06, et non une liste",
            ),
        ];
        for (expected, found, en, fr) in cases {
            assert_eq!(wrong(Locale::En, expected, found), en);
            assert_eq!(wrong(Locale::Fr, expected, found), fr);
        }
    }
}
