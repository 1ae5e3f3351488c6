//! Shortcode calls in a body: `{{ name(key="value") }}` alone in its
//! paragraph (replaced by the block the resolver renders) or inside a line
//! of text (replaced by inline HTML, for shortcodes that draw inline). It
//! parses calls and reports what is wrong with them; what a call renders is
//! the resolver's business.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Input, Problem, Resolver, ShortcodeError, Spanned, problem_at};

/// Replaces each paragraph that is exactly one `{{ name(...) }}` call with
/// the HTML the resolver renders for it. The call is read from the source
/// text, so Markdown inside its arguments (`*`, `_`, `<`) is not interpreted;
/// code spans and code blocks are never paragraphs of their own and stay
/// literal. A failed call leaves the paragraph as it is.
pub(super) fn expand_shortcodes<'a>(
    events: Vec<Spanned<'a>>,
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    while let Some((event, range)) = events.next() {
        let html = match event {
            Event::Start(Tag::Paragraph) => call_shortcode(input, range.clone(), resolver, problems),
            _ => None,
        };
        if let Some(html) = html {
            // Paragraphs do not nest: drop everything up to this one's end.
            for (skipped, _) in events.by_ref() {
                if matches!(skipped, Event::End(TagEnd::Paragraph)) {
                    break;
                }
            }
            out.push((Event::Html(html.into()), range));
        } else {
            out.push((event, range));
        }
    }
    out
}

/// The HTML of the paragraph at `range` if it is a shortcode call that
/// succeeds; None otherwise (a failure is recorded in `problems`).
fn call_shortcode(
    input: &Input,
    range: Range<usize>,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let source = input.text.get(range.clone())?.trim();
    let inner = source.strip_prefix("{{")?.strip_suffix("}}")?;
    let (name, args) = match parse_call(inner) {
        Ok(call) => call,
        Err(message) => {
            let hint = tr!("render-shortcode-malformed-hint");
            let message = tr!("render-shortcode-malformed", detail = message);
            problems.push(problem_at(input, range.start, message, Some(hint)));
            return None;
        }
    };
    match resolver.shortcode(&name, &args, input.lang) {
        Ok(mut html) => {
            if !html.ends_with('\n') {
                html.push('\n');
            }
            Some(html)
        }
        Err(ShortcodeError { message, hint }) => {
            let message = tr!("render-shortcode-failed", name = &name, detail = message);
            problems.push(problem_at(input, range.start, message, hint));
            None
        }
    }
}

type Call = (String, Vec<(String, String)>);

/// Parses `name(key="value", count=3, wide=true)`, the text between `{{` and `}}`.
pub(super) fn parse_call(text: &str) -> Result<Call, String> {
    if text.contains("{{") {
        return Err(tr!("render-shortcode-alone"));
    }
    let (name, rest) = text.split_once('(').unwrap_or((text, ""));
    let name = name.trim();
    if !is_name(name) {
        return Err(tr!("render-shortcode-bad-name", name = name));
    }
    let Some(mut rest) = rest.trim_end().strip_suffix(')') else {
        return Err(tr!("render-shortcode-parentheses", name = name));
    };
    let mut args: Vec<(String, String)> = Vec::new();
    while !rest.trim().is_empty() {
        let (key, after) = rest.split_once('=').unwrap_or(("", ""));
        let key = key.trim();
        if !is_name(key) {
            return Err(tr!("render-shortcode-bad-argument", text = rest.trim()));
        }
        let Some((value, after)) = argument_value(after.trim_start()) else {
            return Err(tr!("render-shortcode-bad-value", key = key));
        };
        if args.iter().any(|(seen, _)| seen == key) {
            return Err(tr!("render-shortcode-duplicate-argument", key = key));
        }
        args.push((key.to_owned(), value));
        rest = match after.trim_start().strip_prefix(',') {
            Some(after) => after,
            None if after.trim().is_empty() => "",
            None => return Err(tr!("render-shortcode-missing-comma", key = key)),
        };
    }
    Ok((name.to_owned(), args))
}

/// A `"string"` (with `\"` and `\\` escapes), a number, `true` or `false` at
/// the start of `text`, and the text after it.
fn argument_value(text: &str) -> Option<(String, &str)> {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = text.find([',', ' ', '\t', '\n', '\r']).unwrap_or(text.len());
        let word = &text[..end];
        let number = word.strip_prefix('-').unwrap_or(word).split('.');
        let is_number = number.clone().count() <= 2
            && number.into_iter().all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
        return (is_number || word == "true" || word == "false").then(|| (word.to_owned(), &text[end..]));
    };
    let mut value = String::new();
    let mut chars = quoted.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((value, &quoted[at + 1..])),
            '\\' => match chars.next()? {
                (_, escaped @ ('"' | '\\')) => value.push(escaped),
                (_, other) => value.extend(['\\', other]),
            },
            c => value.push(c),
        }
    }
    None
}

/// `[a-z_][a-z0-9_]*`
fn is_name(word: &str) -> bool {
    let lower_or_underscore = |b: u8| b.is_ascii_lowercase() || b == b'_';
    word.bytes().next().is_some_and(lower_or_underscore)
        && word.bytes().all(|b| lower_or_underscore(b) || b.is_ascii_digit())
}
