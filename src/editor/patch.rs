//! Owns writing the editor's changes back into a content file.
//!
//! People hand-edit these files too, so a save from the browser must not
//! reformat them: every field the user did not change stays byte-for-byte as
//! it was (comments, order, quoting, blank lines, line endings). Changed
//! fields are rewritten in place, new fields take the commented example line
//! that `passerelle new` left for them, removed fields lose their lines. The
//! result is parsed again and compared with what was asked before it is
//! returned, so a surprising file yields an error, never a corrupted page.

// wired by the editor: nothing calls the patch until the save request does.
#![allow(dead_code)]

use serde_yaml::{Mapping, Value};

/// Why a patch could not be made safely.
#[derive(Debug, PartialEq)]
pub(crate) enum PatchError {
    /// The file does not start with a `---` line closed by another one.
    NoFrontMatter,
    /// The front matter is not a YAML mapping with unique keys.
    Unparsable(String),
    /// The patched text did not parse back to the values asked for.
    Unverified(String),
}

/// `text`, a whole content file, with each `(key, value)` of `changes` set
/// (None removes the key), and the body replaced when `body` is Some.
///
/// `order` is the canonical field order of the content type: it places a new
/// field that has no commented example line.
pub(crate) fn patch(
    text: &str,
    changes: &[(&str, Option<Value>)],
    body: Option<&str>,
    order: &[&str],
) -> Result<String, PatchError> {
    let doc = Document::split(text)?;
    let old = parse_mapping(&doc.front_matter()).map_err(PatchError::Unparsable)?;
    check_unique_entries(&doc.lines)?;

    let mut lines = doc.lines.clone();
    for (key, value) in changes {
        if old.get(*key) == value.as_ref() {
            continue;
        }
        match value {
            Some(value) => set_field(&mut lines, key, value, order, doc.eol),
            None => remove_field(&mut lines, key),
        }
    }
    let new_body = match body {
        Some(body) => replace_body(doc.body, body, doc.eol),
        None => doc.body.to_string(),
    };
    let closing = with_line_ending(doc.closing, &new_body, doc.eol);
    let patched = format!("{}{}{closing}{new_body}", doc.head, lines.concat());
    // Verified even when nothing moved: a key the lines could not reach
    // (say a quoted one) must be reported, not silently left as it was.
    verify(&old, &patched, changes)?;
    Ok(patched)
}

/// A new value written as YAML for a top-level key: "key: value" or
/// "key:\n  block" lines (no trailing newline).
pub(crate) fn render_field(key: &str, value: &Value) -> String {
    if let Some(inline) = inline(value) {
        return format!("{key}: {inline}");
    }
    let block = match value {
        Value::Mapping(mapping) => block_mapping(mapping, "  ", "  "),
        Value::Sequence(items) => block_sequence_of_mappings(items),
        _ => None,
    };
    let block = block.unwrap_or_else(|| fallback_block(value));
    format!("{key}:\n{block}")
}

/// A content file cut into the parts the patch treats differently.
struct Document<'a> {
    /// The optional BOM and the opening `---` line with its line ending.
    head: &'a str,
    /// The front matter lines, each with its line ending.
    lines: Vec<String>,
    /// The closing `---` line, with its line ending if it has one.
    closing: &'a str,
    /// Everything after the closing line.
    body: &'a str,
    /// The file's line ending, taken from the opening line.
    eol: &'static str,
}

impl<'a> Document<'a> {
    fn split(text: &'a str) -> Result<Self, PatchError> {
        let bom_len = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let mut pieces = text[bom_len..].split_inclusive('\n');
        let opening = pieces.next().ok_or(PatchError::NoFrontMatter)?;
        if opening.trim_end() != "---" || !opening.ends_with('\n') {
            return Err(PatchError::NoFrontMatter);
        }
        let eol = if opening.ends_with("\r\n") { "\r\n" } else { "\n" };
        let head = &text[..bom_len + opening.len()];

        let mut lines = Vec::new();
        let mut offset = head.len();
        for line in pieces {
            if line.trim() == "---" {
                return Ok(Document { head, lines, closing: line, body: &text[offset + line.len()..], eol });
            }
            lines.push(line.to_string());
            offset += line.len();
        }
        Err(PatchError::NoFrontMatter)
    }

    fn front_matter(&self) -> String {
        self.lines.concat()
    }
}

/// The front matter as a mapping; an empty or comment-only one is empty.
/// Duplicate keys are refused by the parser itself.
fn parse_mapping(yaml: &str) -> Result<Mapping, String> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(mapping)) => Ok(mapping),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err("the front matter is not a list of `key: value` fields".to_string()),
        Err(err) => Err(err.to_string()),
    }
}

/// Refuses a key written twice at column 0, which the YAML parser may not
/// see (e.g. one spelled quoted): the patch would only change one of them.
fn check_unique_entries(lines: &[String]) -> Result<(), PatchError> {
    let mut seen = Vec::new();
    for line in lines {
        if let Some(key) = entry_key(line) {
            if seen.contains(&key) {
                return Err(PatchError::Unparsable(format!("`{key}` is written twice")));
            }
            seen.push(key);
        }
    }
    Ok(())
}

/// The key of a line that starts a top-level entry: `key:` at column 0,
/// followed by a space or the end of the line.
fn entry_key(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    let after_colon = rest.chars().next();
    let separated = after_colon.is_none_or(char::is_whitespace);
    (is_identifier(key) && separated).then_some(key)
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether a line belongs to the entry above it: indented, or a block
/// sequence item at column 0 (YAML allows `- item` right under its key).
fn is_continuation(line: &str) -> bool {
    line.starts_with([' ', '\t']) || line.starts_with("- ") || line.trim_end() == "-"
}

/// The line range of the entry whose key is `key`. Blank lines inside a
/// block value belong to it, trailing blank lines do not.
fn find_entry(lines: &[String], key: &str) -> Option<std::ops::Range<usize>> {
    let start = lines.iter().position(|line| entry_key(line) == Some(key))?;
    Some(start..entry_end(lines, start))
}

fn entry_end(lines: &[String], start: usize) -> usize {
    let mut end = start + 1;
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        if is_continuation(line) {
            end = index + 1;
        } else if !is_blank(line) {
            break;
        }
    }
    end
}

/// The line range of a commented-out example `# key: …` and its commented
/// continuation lines, indented at least two more columns than the key.
fn find_commented(lines: &[String], key: &str) -> Option<std::ops::Range<usize>> {
    let start = lines.iter().position(|line| commented_key_indent(line, key).is_some())?;
    let indent = commented_key_indent(&lines[start], key)?;
    let continued = lines[start + 1..]
        .iter()
        .take_while(|line| comment_indent(line).is_some_and(|spaces| spaces >= indent + 2))
        .count();
    Some(start..start + 1 + continued)
}

/// The number of spaces between `#` and `key:` on a commented field line.
fn commented_key_indent(line: &str, key: &str) -> Option<usize> {
    let indent = comment_indent(line)?;
    let rest = line[1 + indent..].strip_prefix(key)?.strip_prefix(':')?;
    rest.chars().next().is_none_or(char::is_whitespace).then_some(indent)
}

/// The number of spaces after the `#` of a column-0 comment with text.
fn comment_indent(line: &str) -> Option<usize> {
    let after_hash = line.strip_prefix('#')?;
    let text = after_hash.trim_start_matches(' ');
    (!is_blank(text)).then_some(after_hash.len() - text.len())
}

/// Writes `key: value` over its entry, its commented example, or at its
/// place in `order`.
fn set_field(lines: &mut Vec<String>, key: &str, value: &Value, order: &[&str], eol: &str) {
    let rendered = render_field(key, value);
    if let Some(range) = find_entry(lines, key) {
        let rendered = match (&lines[range.clone()], value) {
            ([line], Value::String(text)) => in_quotes_like(line, key, text).unwrap_or(rendered),
            _ => rendered,
        };
        let new_lines = replacement(&lines[range.clone()], &rendered, eol);
        lines.splice(range, new_lines);
    } else if let Some(range) = find_commented(lines, key) {
        lines.splice(range, to_lines(&rendered, eol));
    } else {
        let at = insertion_point(lines, key, order);
        lines.splice(at..at, to_lines(&rendered, eol));
    }
}

/// `key: "text"` when the line it replaces quoted its value (`'…'` for
/// single quotes), so that a person's quoting survives a change of words.
fn in_quotes_like(line: &str, key: &str, text: &str) -> Option<String> {
    let old_value = line[key.len() + 1..].trim_start();
    if old_value.starts_with('"') {
        Some(format!("{key}: {}", double_quoted(text)))
    } else if old_value.starts_with('\'') && !text.chars().any(|c| c.is_control() || needs_escape(c)) {
        Some(format!("{key}: '{}'", text.replace('\'', "''")))
    } else {
        None
    }
}

/// The lines replacing an existing entry: a one-line entry keeps its inline
/// comment when the new value fits on one line too.
fn replacement(old: &[String], rendered: &str, eol: &str) -> Vec<String> {
    let comment = match old {
        [line] if !rendered.contains('\n') => inline_comment(line),
        _ => None,
    };
    match comment {
        Some(comment) => vec![format!("{rendered}{comment}{eol}")],
        None => to_lines(rendered, eol),
    }
}

/// The inline comment of a `key: value  # comment` line, with the
/// whitespace before it, without the line ending. A `#` inside a quoted
/// scalar or not preceded by whitespace is part of the value.
fn inline_comment(line: &str) -> Option<&str> {
    let line = line.trim_end_matches(['\r', '\n']);
    let value_start = line.find(':')? + 1;
    let mut quote: Option<char> = None;
    let mut previous = ':';
    let mut escaped = false;
    for (index, c) in line[value_start..].char_indices() {
        let at = value_start + index;
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && opens_scalar(&line[..at]) => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => {
                let before = line[..at].trim_end();
                return Some(&line[before.len()..]);
            }
            None => {}
        }
        previous = c;
    }
    None
}

/// Whether a quote after `before` starts a quoted scalar (rather than being
/// an apostrophe inside a plain one, as in `l'école`).
fn opens_scalar(before: &str) -> bool {
    before.trim_end().ends_with([':', '[', '{', ','])
}

/// Where a field with no line yet goes: after the nearest field present
/// before it in `order`, else before the first present one after it, else
/// after the last non-blank line.
fn insertion_point(lines: &[String], key: &str, order: &[&str]) -> usize {
    let end = lines.iter().rposition(|line| !is_blank(line)).map_or(0, |index| index + 1);
    let Some(position) = order.iter().position(|field| *field == key) else {
        return end;
    };
    // The nearest field in `order`, set or shown as a commented example.
    let place = |field: &&str| find_entry(lines, field).or_else(|| find_commented(lines, field));
    if let Some(range) = order[..position].iter().rev().find_map(place) {
        return range.end;
    }
    order[position + 1..].iter().find_map(place).map_or(end, |range| range.start)
}

fn remove_field(lines: &mut Vec<String>, key: &str) {
    if let Some(range) = find_entry(lines, key) {
        lines.drain(range);
    }
}

/// Rendered text as lines, each ending with the file's line ending.
fn to_lines(rendered: &str, eol: &str) -> Vec<String> {
    rendered.split('\n').map(|line| format!("{line}{eol}")).collect()
}

/// The body after the closing `---` line, with its text replaced by `new`
/// and the blank lines separating it from the front matter kept.
fn replace_body(current: &str, new: &str, eol: &str) -> String {
    let text_start = leading_blank_len(current);
    let text = normalise_body(new, eol);
    if normalise_body(&current[text_start..], eol) == text {
        return current.to_string();
    }
    // A body with no text yet gets the usual layout of a new file: one
    // blank line after the front matter.
    let separator = if text_start == current.len() { eol } else { &current[..text_start] };
    if text.is_empty() {
        return separator.to_string();
    }
    format!("{separator}{text}")
}

/// The length of the blank lines that start `body`.
fn leading_blank_len(body: &str) -> usize {
    body.split_inclusive('\n').take_while(|line| is_blank(line)).map(str::len).sum()
}

/// A body with the file's line endings, no leading blank lines, and
/// exactly one line ending at its end (none when empty).
fn normalise_body(body: &str, eol: &str) -> String {
    let unix = body.replace("\r\n", "\n");
    let text = unix.trim_start_matches('\n').trim_end();
    if text.is_empty() {
        return String::new();
    }
    format!("{text}\n").replace('\n', eol)
}

/// The closing `---` line, given a line ending when a body follows it.
fn with_line_ending(closing: &str, body: &str, eol: &str) -> String {
    if closing.ends_with('\n') || body.is_empty() { closing.to_string() } else { format!("{closing}{eol}") }
}

/// Parses the patched text back and checks that it says exactly what was
/// asked: changed keys have their new values, every other key its old value,
/// in the same order.
fn verify(old: &Mapping, patched: &str, changes: &[(&str, Option<Value>)]) -> Result<(), PatchError> {
    let unverified = |why: String| PatchError::Unverified(why);
    let doc = Document::split(patched).map_err(|_| unverified("the front matter is lost".into()))?;
    let new = parse_mapping(&doc.front_matter()).map_err(unverified)?;

    let changed = |key: &Value| changes.iter().any(|(name, _)| key.as_str() == Some(*name));
    for (key, value) in changes {
        if new.get(*key) != value.as_ref() {
            return Err(unverified(format!("`{key}` does not read back as written")));
        }
    }
    for (key, value) in old.iter().filter(|(key, _)| !changed(key)) {
        if new.get(key) != Some(value) {
            return Err(unverified(format!("`{}` changed unasked", describe(key))));
        }
    }
    if let Some(key) = new.keys().find(|key| !changed(key) && !old.contains_key(*key)) {
        return Err(unverified(format!("`{}` appeared unasked", describe(key))));
    }
    let untouched = |mapping: &Mapping| -> Vec<Value> { mapping.keys().filter(|key| !changed(key)).cloned().collect() };
    if untouched(old) != untouched(&new) {
        return Err(unverified("the fields changed order".into()));
    }
    Ok(())
}

fn describe(key: &Value) -> String {
    key.as_str().map_or_else(|| format!("{key:?}"), str::to_string)
}

/// A value that fits after `key: ` on one line: a scalar, an empty
/// collection, or a list of scalars in flow style.
fn inline(value: &Value) -> Option<String> {
    match value {
        Value::Sequence(items) => flow_sequence(items),
        Value::Mapping(mapping) if mapping.is_empty() => Some("{}".to_string()),
        Value::Mapping(_) | Value::Tagged(_) => None,
        scalar => scalar_text(scalar, false),
    }
}

/// `[a, b, "c, d"]`, when every item is a scalar.
fn flow_sequence(items: &[Value]) -> Option<String> {
    let items: Option<Vec<String>> = items.iter().map(|item| scalar_text(item, true)).collect();
    Some(format!("[{}]", items?.join(", ")))
}

/// A scalar as YAML; `in_flow` when it sits inside `[...]`, where commas
/// and brackets need quoting too.
fn scalar_text(value: &Value, in_flow: bool) -> Option<String> {
    match value {
        Value::Null => Some("null".to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) if needs_quotes(text, in_flow) => Some(double_quoted(text)),
        Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// Characters that give a plain scalar another meaning when they start it.
const INDICATORS: &[char] =
    &['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'];

/// Words some YAML readers take for booleans or null.
const KEYWORDS: &[&str] = &["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"];

/// Whether a string must be quoted to read back as the same string.
fn needs_quotes(text: &str, in_flow: bool) -> bool {
    text.is_empty()
        || text.trim() != text
        || text.starts_with(INDICATORS)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.chars().any(|c| c.is_control() || needs_escape(c))
        || (in_flow && text.contains([',', '[', ']', '{', '}']))
        || KEYWORDS.contains(&text.to_lowercase().as_str())
        || !reads_as_string(text)
}

/// Whether the YAML parser reads `text` alone as this very string, which
/// rules out numbers (`10`, `0x1A`, `1e3`, `.inf`) and anything structural.
fn reads_as_string(text: &str) -> bool {
    serde_yaml::from_str::<Value>(text).is_ok_and(|value| value.as_str() == Some(text))
}

/// A double-quoted YAML scalar. JSON strings are valid YAML ones; the few
/// characters JSON leaves raw but YAML cannot print are escaped too.
fn double_quoted(text: &str) -> String {
    let json = serde_json::to_string(text).expect("a string serialises to JSON");
    json.chars().map(|c| if needs_escape(c) { format!("\\u{:04X}", u32::from(c)) } else { c.to_string() }).collect()
}

/// Characters YAML does not allow raw in a document, or reads as line breaks.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// `k: v` lines of a mapping whose values are all inline, the first line
/// prefixed with `first`, the others with `rest`.
fn block_mapping(mapping: &Mapping, first: &str, rest: &str) -> Option<String> {
    let mut lines = Vec::new();
    for (key, value) in mapping {
        let key = scalar_text(key, false)?;
        let prefix = if lines.is_empty() { first } else { rest };
        lines.push(format!("{prefix}{key}: {}", inline(value)?));
    }
    Some(lines.join("\n"))
}

/// `  - funder: eu\n    rate: 80` for a list of flat mappings.
fn block_sequence_of_mappings(items: &[Value]) -> Option<String> {
    let mut blocks = Vec::new();
    for item in items {
        let Value::Mapping(mapping) = item else { return None };
        if mapping.is_empty() {
            return None;
        }
        blocks.push(block_mapping(mapping, "  - ", "    ")?);
    }
    Some(blocks.join("\n"))
}

/// Deeper structures as the YAML serialiser writes them, indented under
/// their key.
fn fallback_block(value: &Value) -> String {
    let yaml = serde_yaml::to_string(value).unwrap_or_default();
    yaml.lines()
        .map(|line| if line.is_empty() { String::new() } else { format!("  {line}") })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = "---
title: \"Lancement de COOPJOP\"     # shown in lists
date: 2026-02-06
# summary: One sentence shown in lists.   # default: the text before <!-- more -->
partners: [region-sud, regione-lombardia]
# funding:
#   - { funder: eu, rate: 80 }
# image: { src: /images/photo.jpg, alt: What the picture shows }
# slug: url-segment              # in this language; default: the id
---

Body text in **Markdown**.
";

    const ORDER: &[&str] = &[
        "title",
        "date",
        "summary",
        "author",
        "projects",
        "partners",
        "working_group",
        "tags",
        "image",
        "aliases",
        "slug",
        "draft",
    ];

    fn text(value: &str) -> Option<Value> {
        Some(Value::String(value.to_string()))
    }

    fn yaml(source: &str) -> Value {
        serde_yaml::from_str(source).expect("test YAML parses")
    }

    fn set(file: &str, key: &str, value: Option<Value>) -> String {
        patch(file, &[(key, value)], None, ORDER).expect("patch succeeds")
    }

    #[test]
    fn changing_the_title_keeps_every_other_byte_and_its_inline_comment() {
        let patched = set(NEWS, "title", text("Nouveau titre"));
        let expected = NEWS.replace("\"Lancement de COOPJOP\"     #", "\"Nouveau titre\"     #");
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_title_needing_quotes_keeps_the_inline_comment() {
        let patched = set(NEWS, "title", text("COOPJOP: le lancement"));
        let expected = NEWS.replace("\"Lancement de COOPJOP\"", "\"COOPJOP: le lancement\"");
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_crlf_file_stays_crlf() {
        let file = NEWS.replace('\n', "\r\n");
        let patched = set(&file, "summary", text("Le projet démarre."));
        let expected = NEWS
            .replace(
                "# summary: One sentence shown in lists.   # default: the text before <!-- more -->",
                "summary: Le projet démarre.",
            )
            .replace('\n', "\r\n");
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_crlf_title_keeps_its_inline_comment_and_line_ending() {
        let file = NEWS.replace('\n', "\r\n");
        let patched = set(&file, "title", text("Nouveau titre"));
        let expected = file.replace("\"Lancement de COOPJOP\"     #", "\"Nouveau titre\"     #");
        assert_eq!(patched, expected);
    }

    #[test]
    fn removing_an_absent_field_changes_nothing() {
        assert_eq!(set(NEWS, "author", None), NEWS);
    }

    #[test]
    fn a_bom_is_kept() {
        let file = format!("\u{feff}{NEWS}");
        let patched = set(&file, "date", text("2026-03-01"));
        assert_eq!(patched, format!("\u{feff}{}", NEWS.replace("2026-02-06", "2026-03-01")));
    }

    #[test]
    fn a_new_summary_replaces_its_commented_line() {
        let patched = set(NEWS, "summary", text("Une phrase."));
        let expected = NEWS.replace(
            "# summary: One sentence shown in lists.   # default: the text before <!-- more -->",
            "summary: Une phrase.",
        );
        assert_eq!(patched, expected);
    }

    #[test]
    fn new_funding_replaces_its_commented_example_block() {
        let funding = yaml("- funder: eu\n  rate: 80\n- funder: region-sud\n  rate: 10");
        let patched = set(NEWS, "funding", Some(funding));
        let expected = NEWS.replace(
            "# funding:\n#   - { funder: eu, rate: 80 }\n",
            "funding:\n  - funder: eu\n    rate: 80\n  - funder: region-sud\n    rate: 10\n",
        );
        assert_eq!(patched, expected);
    }

    #[test]
    fn an_image_mapping_is_written_block_style_over_its_example() {
        let image = yaml("src: /images/x.jpg\nalt: \"Une photo: la mer\"");
        let patched = set(NEWS, "image", Some(image));
        let expected = NEWS.replace(
            "# image: { src: /images/photo.jpg, alt: What the picture shows }\n",
            "image:\n  src: /images/x.jpg\n  alt: \"Une photo: la mer\"\n",
        );
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_field_without_example_goes_after_its_predecessor_in_order() {
        let file = "---\ntitle: Hello\ndate: 2026-01-01\n\n# Keywords\ntags: [a, b]\n---\nBody\n";
        let patched = set(file, "author", text("Marie"));
        let expected = "---\ntitle: Hello\ndate: 2026-01-01\nauthor: Marie\n\n# Keywords\ntags: [a, b]\n---\nBody\n";
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_field_first_in_order_goes_before_its_first_present_successor() {
        let file = "---\n# The date\ndate: 2026-01-01\n---\n";
        let patched = set(file, "title", text("Hello"));
        assert_eq!(patched, "---\n# The date\ntitle: Hello\ndate: 2026-01-01\n---\n");
    }

    #[test]
    fn a_field_outside_the_order_goes_at_the_end() {
        let file = "---\ntitle: Hello\n\n---\n";
        let patched = set(file, "extra", Some(Value::Bool(true)));
        assert_eq!(patched, "---\ntitle: Hello\nextra: true\n\n---\n");
    }

    #[test]
    fn removing_a_column_zero_block_sequence_keeps_the_comment_after_it() {
        let file = "---\ntitle: Hello\npartners:\n- region-sud\n\n- regione-lombardia\n# tags: [a]\ndraft: true\n---\n";
        let patched = set(file, "partners", None);
        assert_eq!(patched, "---\ntitle: Hello\n# tags: [a]\ndraft: true\n---\n");
    }

    #[test]
    fn removing_an_indented_block_removes_all_its_lines() {
        let file = "---\nfunding:\n  - funder: eu\n    rate: 80\n\ntitle: Hello\n---\n";
        let patched = set(file, "funding", None);
        assert_eq!(patched, "---\n\ntitle: Hello\n---\n");
    }

    #[test]
    fn a_partner_list_is_written_flow_style() {
        let partners = yaml("[region-sud, regione-lombardia, \"a, b\"]");
        let patched = set(NEWS, "partners", Some(partners));
        let expected = NEWS.replace(
            "partners: [region-sud, regione-lombardia]",
            "partners: [region-sud, regione-lombardia, \"a, b\"]",
        );
        assert_eq!(patched, expected);
    }

    #[test]
    fn replacing_the_body_keeps_the_front_matter_and_separator() {
        let patched = patch(NEWS, &[], Some("Nouveau **texte**.\n\n\n"), ORDER).expect("patch succeeds");
        let expected = NEWS.replace("Body text in **Markdown**.", "Nouveau **texte**.");
        assert_eq!(patched, expected);
    }

    #[test]
    fn a_body_in_a_crlf_file_gets_crlf() {
        let file = "---\r\ntitle: A\r\n---\r\n\r\nOld\r\n";
        let patched = patch(file, &[], Some("Line one\nLine two"), ORDER).expect("patch succeeds");
        assert_eq!(patched, "---\r\ntitle: A\r\n---\r\n\r\nLine one\r\nLine two\r\n");
    }

    #[test]
    fn a_body_added_to_a_file_ending_at_the_closing_line_gets_a_blank_line() {
        let patched = patch("---\ntitle: A\n---", &[], Some("Text"), ORDER).expect("patch succeeds");
        assert_eq!(patched, "---\ntitle: A\n---\n\nText\n");
    }

    #[test]
    fn unchanged_values_leave_the_file_identical() {
        let changes = [
            ("title", text("Lancement de COOPJOP")),
            ("date", text("2026-02-06")),
            ("partners", Some(yaml("[region-sud, regione-lombardia]"))),
            ("summary", None),
        ];
        let patched = patch(NEWS, &changes, Some("Body text in **Markdown**.\n"), ORDER);
        assert_eq!(patched, Ok(NEWS.to_string()));
    }

    #[test]
    fn values_needing_quotes_read_back_equal() {
        for value in ["10", "oui: non", "true", "# not a comment", "- x", "-leading"] {
            let patched = set(NEWS, "title", text(value));
            let line = patched.lines().nth(1).expect("title line");
            assert!(line.starts_with("title: \""), "{line}");
            assert!(line.ends_with("     # shown in lists"), "{line}");
        }
    }

    #[test]
    fn tricky_titles_round_trip_exactly() {
        let tricky = [
            "« Guillemets »",
            "Emoji 🚀 lancement",
            "  leading spaces",
            "trailing spaces  ",
            "null",
            "~",
            "- x",
            "a\nb",
            "Il a dit \"oui\"",
            "l'école",
            "'single'",
            "key: value",
            "C# et F#",
            "a # b",
            "1.5",
            "0x1A",
            "1e3",
            ".inf",
            "Yes",
            "",
            "tab\there",
            "back\\slash",
            "[not, a, list]",
            "{not: a map}",
            "ends with colon:",
            "line\u{2028}separator",
            "@handle",
            "%percent",
            "*star",
            "2026-02-06",
            "2026-02-06T09:30",
        ];
        for value in tricky {
            let patched = set(NEWS, "title", text(value));
            let doc = Document::split(&patched).expect("front matter");
            let mapping = parse_mapping(&doc.front_matter()).expect("parses");
            assert_eq!(mapping.get("title"), text(value).as_ref(), "{value:?}");
        }
    }

    #[test]
    fn render_field_writes_plain_values_plainly() {
        assert_eq!(render_field("date", &text("2026-02-06").unwrap()), "date: 2026-02-06");
        assert_eq!(render_field("when", &text("2026-02-06T09:30").unwrap()), "when: 2026-02-06T09:30");
        assert_eq!(render_field("rate", &yaml("80")), "rate: 80");
        assert_eq!(render_field("rate", &yaml("80.5")), "rate: 80.5");
        assert_eq!(render_field("draft", &Value::Bool(false)), "draft: false");
        assert_eq!(render_field("tags", &yaml("[]")), "tags: []");
        assert_eq!(render_field("title", &text("10").unwrap()), "title: \"10\"");
    }

    #[test]
    fn render_field_falls_back_to_the_serialiser_for_deep_values() {
        let deep = yaml("a:\n  b: [1, 2]\n  c:\n    d: x");
        let rendered = render_field("extra", &deep);
        assert_eq!(rendered, "extra:\n  a:\n    b:\n    - 1\n    - 2\n    c:\n      d: x");
        let parsed = yaml(&rendered);
        assert_eq!(parsed.get("extra"), Some(&deep));
    }

    #[test]
    fn a_new_field_goes_before_the_commented_examples_of_later_fields() {
        let file = "---\n# summary: One sentence.\n# slug: x\n---\n\nText.\n";
        let patched = set(file, "title", text("Spring seminar"));
        assert_eq!(patched, "---\ntitle: Spring seminar\n# summary: One sentence.\n# slug: x\n---\n\nText.\n");
    }

    #[test]
    fn a_quoted_value_stays_quoted_in_its_own_style() {
        let file = "---\ntitle: \"Old\"   # note\nplace: 'Dakar'\n---\n";
        let patched = set(file, "title", text("New title"));
        assert_eq!(patched, "---\ntitle: \"New title\"   # note\nplace: 'Dakar'\n---\n");
        let patched = set(file, "place", text("l'île de Gorée"));
        assert_eq!(patched, "---\ntitle: \"Old\"   # note\nplace: 'l''île de Gorée'\n---\n");
    }

    #[test]
    fn an_inline_comment_after_a_quoted_hash_is_found() {
        let line = "title: \"a # b\"   # note\n";
        assert_eq!(inline_comment(line), Some("   # note"));
        assert_eq!(inline_comment("title: C#\n"), None);
        assert_eq!(inline_comment("title: l'école # x\n"), Some(" # x"));
    }

    #[test]
    fn a_multi_line_value_replaces_a_commented_line_entry_wholly() {
        let file = "---\ntitle: A   # note\n---\n";
        let patched = set(file, "title", Some(yaml("src: x")));
        assert_eq!(patched, "---\ntitle:\n  src: x\n---\n");
    }

    #[test]
    fn an_unparsable_front_matter_is_refused() {
        let result = patch("---\ntitle: [unclosed\n---\n", &[("title", text("x"))], None, ORDER);
        assert!(matches!(result, Err(PatchError::Unparsable(_))), "{result:?}");
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let result = patch("---\ntitle: a\ntitle: b\n---\n", &[("title", text("x"))], None, ORDER);
        assert!(matches!(result, Err(PatchError::Unparsable(_))), "{result:?}");
        let quoted = patch("---\ntitle: a\n\"title\": b\n---\n", &[("title", text("x"))], None, ORDER);
        assert!(matches!(quoted, Err(PatchError::Unparsable(_))), "{quoted:?}");
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        assert_eq!(patch("# Title\n\nText\n", &[], None, ORDER), Err(PatchError::NoFrontMatter));
        assert_eq!(patch("---\ntitle: a\n", &[], None, ORDER), Err(PatchError::NoFrontMatter));
    }

    #[test]
    fn a_key_the_lines_cannot_reach_is_unverified_not_corrupted() {
        let file = "---\n\"quoted\": a\n---\n";
        let result = patch(file, &[("quoted", None)], None, ORDER);
        assert!(matches!(result, Err(PatchError::Unverified(_))), "{result:?}");
    }

    #[test]
    fn an_empty_front_matter_takes_a_new_field() {
        let patched = set("---\n---\nBody\n", "title", text("Hello"));
        assert_eq!(patched, "---\ntitle: Hello\n---\nBody\n");
    }
}
