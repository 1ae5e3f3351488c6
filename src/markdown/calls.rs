//! Shortcode calls in a body: `{{ name(key="value") }}` alone in its
//! paragraph (replaced by the block the resolver renders) or inside a line
//! of text (replaced by inline HTML, for shortcodes that draw inline). It
//! parses calls and reports what is wrong with them; what a call renders is
//! the resolver's business.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Input, Problem, Resolver, ShortcodeError, Spanned, problem_at};

/// Replaces each paragraph that is exactly one `{{ name(...) }}` call of a
/// block shortcode with the HTML the resolver renders for it. The call is
/// read from the source text, so Markdown inside its arguments (`*`, `_`,
/// `<`) is not interpreted; code spans and code blocks are never paragraphs
/// of their own and stay literal. A failed call leaves the paragraph as it
/// is. Returns the events and the source ranges of the paragraphs it dealt
/// with (replaced or reported), which [`expand_inline`] leaves alone.
pub(super) fn expand_shortcodes<'a>(
    events: Vec<Spanned<'a>>,
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> (Vec<Spanned<'a>>, Vec<Range<usize>>) {
    let mut out = Vec::with_capacity(events.len());
    let mut handled = Vec::new();
    let mut events = events.into_iter();
    while let Some((event, range)) = events.next() {
        let call = match event {
            Event::Start(Tag::Paragraph) => call_shortcode(input, range.clone(), resolver, problems),
            _ => None,
        };
        match call {
            Some(Some(html)) => {
                // Paragraphs do not nest: drop everything up to this one's end.
                for (skipped, _) in events.by_ref() {
                    if matches!(skipped, Event::End(TagEnd::Paragraph)) {
                        break;
                    }
                }
                out.push((Event::Html(html.into()), range));
            }
            Some(None) => {
                handled.push(range.clone());
                out.push((event, range));
            }
            None => out.push((event, range)),
        }
    }
    (out, handled)
}

/// What the paragraph at `range` gives when it is one call of a block
/// shortcode: Some(Some(html)) when it succeeds, Some(None) when it fails
/// (recorded in `problems`). None when it is no such call: ordinary text,
/// several calls, or a call of an inline shortcode, for [`expand_inline`].
fn call_shortcode(
    input: &Input,
    range: Range<usize>,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> Option<Option<String>> {
    let source = input.text.get(range.clone())?.trim();
    let inner = source.strip_prefix("{{")?.strip_suffix("}}")?;
    if inner.contains("{{") && looks_like_call(inner) {
        return None;
    }
    let (name, args) = match parse_call(inner) {
        Ok((name, _)) if resolver.inline(&name) => return None,
        Ok(call) => call,
        Err(message) => {
            let hint = tr!("render-shortcode-malformed-hint");
            let message = tr!("render-shortcode-malformed", detail = message);
            problems.push(problem_at(input, range.start, message, Some(hint)));
            return Some(None);
        }
    };
    match resolver.shortcode(&name, &args, input.lang) {
        Ok(mut html) => {
            if !html.ends_with('\n') {
                html.push('\n');
            }
            Some(Some(html))
        }
        Err(ShortcodeError { message, hint }) => {
            let message = tr!("render-shortcode-failed", name = &name, detail = message);
            problems.push(problem_at(input, range.start, message, hint));
            Some(None)
        }
    }
}

/// Replaces each `{{ name(...) }}` call inside a text with the inline HTML
/// the resolver renders for it, outside code, links and images (a link
/// inside a link is no HTML) and outside the paragraphs `handled` already.
/// Runs on merged texts, so the arguments are read as Markdown text. Text
/// between `{{` and `}}` that does not start like a call (`name(`) is left
/// as it is written; a call of a block shortcode, or one that fails, is a
/// problem and stays visible as text.
pub(super) fn expand_inline<'a>(
    events: Vec<Spanned<'a>>,
    handled: &[Range<usize>],
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut literal = 0usize;
    for (event, range) in events {
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::Link { .. } | Tag::Image { .. }) => literal += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Link | TagEnd::Image) => literal = literal.saturating_sub(1),
            Event::Text(text)
                if literal == 0 && text.contains("{{") && !handled.iter().any(|h| h.contains(&range.start)) =>
            {
                let text = text.to_string();
                out.extend(inline_calls(&text, range, input, resolver, problems));
                continue;
            }
            _ => {}
        }
        out.push((event, range));
    }
    out
}

/// The text at `range` as texts and the inline HTML of its calls.
fn inline_calls(
    text: &str,
    range: Range<usize>,
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) -> Vec<Spanned<'static>> {
    let source = input.text.get(range.clone()).unwrap_or_default();
    let mut out = Vec::new();
    let (mut at, mut written_up_to, mut searched) = (0, 0, 0);
    while let Some(open) = text[at..].find("{{").map(|p| at + p) {
        let Some(close) = text[open..].find("}}").map(|p| open + p) else { break };
        let inner = &text[open + 2..close];
        at = open + 2;
        if !looks_like_call(inner) {
            continue;
        }
        at = close + 2;
        // Where the call is written, for messages: found again in the source.
        let call = &text[open..at];
        let offset = match source[searched..].find(call) {
            Some(p) => {
                searched += p + call.len();
                range.start + searched - call.len()
            }
            None => range.start,
        };
        match inline_call(inner, input.lang, resolver) {
            Ok(html) => {
                if written_up_to < open {
                    out.push((Event::Text(text[written_up_to..open].to_owned().into()), range.clone()));
                }
                out.push((Event::InlineHtml(html.trim_end().to_owned().into()), range.clone()));
                written_up_to = at;
            }
            Err((message, hint)) => problems.push(problem_at(input, offset, message, hint)),
        }
    }
    if written_up_to < text.len() {
        out.push((Event::Text(text[written_up_to..].to_owned().into()), range));
    }
    out
}

/// The HTML of one call inside a text, or the message and hint saying why not.
fn inline_call(inner: &str, lang: &str, resolver: &dyn Resolver) -> Result<String, (String, Option<String>)> {
    let (name, args) = parse_call(inner).map_err(|message| {
        (tr!("render-shortcode-malformed", detail = message), Some(tr!("render-shortcode-malformed-hint")))
    })?;
    if !resolver.inline(&name) {
        return Err((tr!("render-shortcode-block", name = &name), Some(tr!("render-shortcode-block-hint"))));
    }
    resolver.shortcode(&name, &args, lang).map_err(|ShortcodeError { message, hint }| {
        (tr!("render-shortcode-failed", name = &name, detail = message), hint)
    })
}

/// Whether the text between `{{` and `}}` starts like a call, `name(`; other
/// text between double braces (a template example) is prose.
fn looks_like_call(inner: &str) -> bool {
    let inner = inner.trim_start();
    let end = inner.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')).unwrap_or(inner.len());
    end > 0 && inner[end..].trim_start().starts_with('(')
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;
    use crate::markdown::testing::{Site, html_in, render_in};

    #[test]
    fn a_paragraph_that_is_a_shortcode_call_is_replaced_by_its_html() {
        let rendered = render_in("fr", "Avant.\n\n{{ figure(src=\"a_b*c*.jpg\") }}\n\nAprès.");
        assert_eq!(
            rendered.html(),
            "<p>Avant.</p>\n<figure lang=\"fr\"><img src=\"a_b*c*.jpg\"></figure>\n<p>Après.</p>\n"
        );
        assert_eq!(rendered.problems, []);

        let literal = render_in("en", "`{{ figure(src=\"a.jpg\") }}`\n\n```\n{{ figure(src=\"a.jpg\") }}\n```");
        assert_eq!(
            literal.html(),
            "<p><code>{{ figure(src=\"a.jpg\") }}</code></p>\n<pre><code>{{ figure(src=\"a.jpg\") }}\n</code></pre>\n"
        );
        assert_eq!(literal.problems, []);
    }

    #[test]
    fn a_failing_shortcode_is_a_problem_at_its_line() {
        let text = "Intro.\n\n{{ chart(data=\"survey\", width=600, legend=true) }}\n\n{{ figure(src=\"a.jpg\" }}";
        let rendered = render(&Input { text, lang: "en", first_line: 3, image_above: false }, &Site);
        let problems: Vec<(usize, usize, &str)> =
            rendered.problems.iter().map(|p| (p.line, p.col, p.message.as_str())).collect();
        assert_eq!(
            problems,
            [
                (5, 1, "shortcode 'chart' failed: no template 'shortcodes/chart.html'"),
                (7, 1, "malformed shortcode call: expected '(' after 'figure' and ')' at the end of the call"),
            ]
        );
        assert!(rendered.html().contains("<p>{{ chart("), "a failed call stays visible as text");
    }

    #[test]
    fn an_inline_shortcode_is_replaced_inside_its_line_of_text() {
        let rendered =
            render_in("fr", "Avec la {{ name(id=\"lombardia\") }} : une *région* {{ name(id=\"lombardia\") }}.");
        assert_eq!(
            rendered.html(),
            "<p>Avec la <a href=\"/fr/lombardia/\" lang=\"it\">Regione Lombardia</a>\u{A0}: une <em>région</em> \
             <a href=\"/fr/lombardia/\" lang=\"it\">Regione Lombardia</a>.</p>\n"
        );
        assert_eq!(rendered.problems, []);
        let alone = render_in("en", "{{ name(id=\"lombardia\") }}");
        assert_eq!(
            alone.html(),
            "<p><a href=\"/en/lombardia/\" lang=\"it\">Regione Lombardia</a></p>\n",
            "still a paragraph"
        );
        let prose = "<p>Write {{ page.title }} or <code>{{ name(id=\"lombardia\") }}</code>.</p>\n";
        assert_eq!(html_in("en", "Write {{ page.title }} or `{{ name(id=\"lombardia\") }}`."), prose);
    }

    #[test]
    fn a_block_shortcode_or_a_failing_call_inside_text_is_a_problem_where_it_is_written() {
        let text = "Intro.\n\nSee {{ figure(src=\"a.jpg\") }} and\nthe {{ name(id=\"lombardy\") }}, {{ name(id=) }}.";
        let rendered = render(&Input { text, lang: "en", first_line: 3, image_above: false }, &Site);
        let problems: Vec<(usize, usize, &str, Option<&str>)> =
            rendered.problems.iter().map(|p| (p.line, p.col, p.message.as_str(), p.hint.as_deref())).collect();
        assert_eq!(
            problems,
            [
                (
                    5,
                    5,
                    "shortcode 'figure' draws a block: it must stand alone in its paragraph",
                    Some("put the call on a line of its own, with a blank line before and after")
                ),
                (6, 5, "shortcode 'name' failed: unknown id", Some("try lombardia")),
                (
                    6,
                    32,
                    "malformed shortcode call: the value of 'id' must be a quoted string, a number, true or false",
                    Some(
                        "shortcodes look like {{ name(key=\"value\") }}; to show the text as it is, put it between backticks"
                    )
                ),
            ]
        );
        assert!(rendered.html().contains("See {{ figure("), "a failed call stays visible as text");
    }

    #[test]
    fn shortcode_arguments_are_strings_numbers_or_booleans() {
        let call = |text: &str| parse_call(text);
        let args =
            |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
        assert_eq!(call("figure()"), Ok(("figure".to_owned(), args(&[]))));
        assert_eq!(
            call(" chart(data=\"a \\\"b\\\"\", width=600, ratio=-0.5, legend=true,) "),
            Ok((
                "chart".to_owned(),
                args(&[("data", "a \"b\""), ("width", "600"), ("ratio", "-0.5"), ("legend", "true")])
            ))
        );
        let errors = [
            ("", "'' is not a shortcode name (lowercase letters, digits and '_')"),
            ("Figure()", "'Figure' is not a shortcode name (lowercase letters, digits and '_')"),
            ("page.title", "'page.title' is not a shortcode name (lowercase letters, digits and '_')"),
            ("figure(src=\"a\"", "expected '(' after 'figure' and ')' at the end of the call"),
            ("figure(src)", "expected an argument like key=\"value\", found 'src'"),
            ("figure(\"a.jpg\")", "expected an argument like key=\"value\", found '\"a.jpg\"'"),
            ("figure(src=a.jpg)", "the value of 'src' must be a quoted string, a number, true or false"),
            ("figure(src=\"a.jpg)", "the value of 'src' must be a quoted string, a number, true or false"),
            ("figure(src=\"a\", src=\"b\")", "argument 'src' is given twice"),
            ("figure(src=\"a\" alt=\"b\")", "expected ',' after argument 'src'"),
            ("a() }} et {{ b()", "a shortcode call must stand alone in its paragraph"),
        ];
        for (text, message) in errors {
            assert_eq!(call(text), Err(message.to_owned()), "call {text:?}");
        }
    }

    #[test]
    fn shortcode_errors_read_in_french() {
        use crate::messages::{Locale, text_in};
        let cases = [
            ("render-shortcode-alone", "", "un appel de shortcode doit être seul dans son paragraphe"),
            (
                "render-shortcode-bad-name",
                "Figure",
                "« Figure » n'est pas un nom de shortcode (lettres minuscules, chiffres et « _ »)",
            ),
            ("render-shortcode-bad-argument", "src", "un argument de la forme arg=\"valeur\" est attendu, pas « src »"),
            (
                "render-shortcode-bad-value",
                "src",
                "la valeur de « src » doit être une chaîne entre guillemets, un nombre, true ou false",
            ),
            ("render-shortcode-duplicate-argument", "src", "l'argument « src » est donné deux fois"),
            ("render-shortcode-missing-comma", "src", "une virgule est attendue après l'argument « src »"),
        ];
        for (id, value, french) in cases {
            let args = [("name", value.into()), ("text", value.into()), ("key", value.into())];
            assert_eq!(text_in(Locale::Fr, id, &args), french, "{id}");
        }
    }
}
