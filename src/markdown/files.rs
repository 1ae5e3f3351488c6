//! Links to files of the site: a link whose destination is a file of the
//! site gets the URL it is published at; a document to download gets its
//! format and size at the end of the link text, so screen readers say them
//! as part of the link's name; `{lang=en}` written right after a link
//! gives the language of what it leads to (`hreflang`, and the language's
//! name in the note); a link to a file the site does not have is a problem.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::{Destination, Input, Problem, Resolver, Spanned, problem_at};
use crate::diag::did_you_mean;

/// The attributes `{…}` after a link may set.
const ATTRIBUTES: &[&str] = &["lang"];

pub(super) fn link_files(
    events: &mut Vec<Spanned>,
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) {
    let mut i = 0;
    while i < events.len() {
        let (Event::Start(Tag::Link { link_type, dest_url, .. }), range) = &events[i] else {
            i += 1;
            continue;
        };
        let (url, at) = (dest_url.to_string(), range.start);
        let email = *link_type == LinkType::Email;
        // Links do not nest: the next link end is this one's.
        let Some(mut end) = events[i..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Link))).map(|p| i + p)
        else {
            break;
        };
        let hreflang = take_attributes(events, end, input, problems);
        let destination = if email { Destination::Other } else { resolver.destination(&url) };
        match destination {
            Destination::Other => {}
            Destination::File { href, download } => {
                if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i].0 {
                    *dest_url = href.into();
                }
                if let Some(download) = download {
                    let note = resolver.download_note(&download, hreflang.as_deref(), input.lang);
                    let range = events[end].1.clone();
                    events.insert(end, (Event::Text(format!(" {note}").into()), range));
                    end += 1;
                }
            }
            Destination::Missing { path, close } => {
                let hint = match close {
                    Some(close) => tr!("did-you-mean", name = close),
                    None => tr!("render-missing-file-hint", path = format!("static/{path}")),
                };
                problems.push(problem_at(input, at, tr!("render-missing-file", url = url.as_str()), Some(hint)));
            }
        }
        if let Some(lang) = hreflang
            && let Event::Start(Tag::Link { dest_url, title, .. }) = &events[i].0
        {
            let mut open =
                format!("<a href=\"{}\" hreflang=\"{}\"", href_attribute(dest_url), crate::escape::xml(&lang));
            if !title.is_empty() {
                open.push_str(&format!(" title=\"{}\"", crate::escape::xml(title)));
            }
            open.push('>');
            events[i].0 = Event::InlineHtml(open.into());
            events[end].0 = Event::InlineHtml("</a>".into());
        }
        i = end + 1;
    }
}

/// Reads `{lang=en}` at the start of the text right after the link that
/// ends at `end`, removes it, and returns the language. Anything else
/// between braces there is a problem, and the text stays as written.
fn take_attributes(events: &mut [Spanned], end: usize, input: &Input, problems: &mut Vec<Problem>) -> Option<String> {
    let (Event::Text(text), range) = events.get(end + 1)? else {
        return None;
    };
    if !text.starts_with('{') || text.starts_with("{{") {
        return None;
    }
    let at = range.start;
    let hint = || Some(tr!("render-link-attributes-hint"));
    let Some(close) = text.find('}') else {
        let shown = text.split_whitespace().next().unwrap_or_default();
        problems.push(problem_at(input, at, tr!("render-link-attributes-malformed", text = shown), hint()));
        return None;
    };
    let written = &text[..=close];
    let mut lang = None;
    for pair in text[1..close].split_whitespace() {
        let Some((key, value)) = pair.split_once('=') else {
            problems.push(problem_at(input, at, tr!("render-link-attributes-malformed", text = written), hint()));
            return None;
        };
        let value = value.trim_matches('"');
        if !ATTRIBUTES.contains(&key) {
            let hint = match did_you_mean(key, ATTRIBUTES.iter().copied()) {
                Some(close) => Some(tr!("did-you-mean", name = close)),
                None => hint(),
            };
            problems.push(problem_at(input, at, tr!("render-link-attribute-unknown", key = key), hint));
            return None;
        }
        if !is_language_tag(value) {
            problems.push(problem_at(input, at, tr!("render-link-lang-invalid", value = value), hint()));
            return None;
        }
        lang = Some(value.to_owned());
    }
    let Some(lang) = lang else {
        problems.push(problem_at(input, at, tr!("render-link-attributes-malformed", text = written), hint()));
        return None;
    };
    let rest = text[close + 1..].to_owned();
    events[end + 1].0 = Event::Text(rest.into());
    Some(lang)
}

/// A BCP 47 language tag as people write them: `en`, `pt-BR`, `zh-Hant`.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A URL for a double-quoted `href`, escaped as pulldown-cmark escapes the
/// links it writes: spaces and quotes percent-encoded, `&` as an entity.
fn href_attribute(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#x27;"),
            ' ' | '"' | '<' | '>' | '`' | '\\' | '^' | '{' | '}' | '|' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render;
    use crate::markdown::testing::{Site, render_in};

    #[test]
    fn language_tags_are_letters_then_subtags() {
        for good in ["en", "fr", "pt-BR", "zh-Hant", "ast", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "12", "fr-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn hrefs_are_escaped_for_an_attribute() {
        assert_eq!(href_attribute("/docs/my study.pdf?a=1&b=\"2\""), "/docs/my%20study.pdf?a=1&amp;b=%222%22");
        assert_eq!(href_attribute("/docs/étude.pdf"), "/docs/étude.pdf");
    }

    #[test]
    fn links_to_files_get_their_url_note_and_language() {
        let cases = [
            ("[L'étude](/docs/study.pdf)", "<p><a href=\"/prog/docs/study.pdf\">L'étude (PDF, 240)</a></p>\n"),
            (
                "[Study](/docs/study.pdf \"T\"){lang=en}, then",
                "<p><a href=\"/prog/docs/study.pdf\" hreflang=\"en\" title=\"T\">Study (PDF, 240, en)</a>, then</p>\n",
            ),
            (
                "[Site](https://example.org/){lang=it}",
                "<p><a href=\"https://example.org/\" hreflang=\"it\">Site</a></p>\n",
            ),
            (
                "[Site](https://example.org/) {not attributes}",
                "<p><a href=\"https://example.org/\">Site</a> {not attributes}</p>\n",
            ),
            ("<team@example.org>", "<p><a href=\"mailto:team@example.org\">team@example.org</a></p>\n"),
        ];
        for (markdown, expected) in cases {
            let rendered = render_in("en", markdown);
            assert_eq!(rendered.html(), expected, "{markdown:?}");
            assert_eq!(rendered.problems, [], "{markdown:?}");
        }
    }

    #[test]
    fn a_missing_file_and_bad_link_attributes_are_problems_at_their_place() {
        let text =
            "Voir [l'étude](/docs/missing.pdf).\n\n[a](/docs/study.pdf){lang=en\n[b](/docs/study.pdf){langue=en}";
        let rendered = render(&Input { text, lang: "en", first_line: 4, image_above: false }, &Site);
        let problems: Vec<(usize, usize, &str)> =
            rendered.problems.iter().map(|p| (p.line, p.col, p.message.as_str())).collect();
        assert_eq!(
            problems,
            [
                (4, 6, "link to a missing file: /docs/missing.pdf"),
                (6, 21, "malformed attributes after a link: '{lang=en'"),
                (7, 21, "unknown link attribute 'langue'"),
            ]
        );
        assert_eq!(
            rendered.problems[0].hint.as_deref(),
            Some(
                "put the file at static/docs/missing.pdf (the files of static/ are published at the site root), or correct the link"
            )
        );
    }
}
