//! French typography over the text events of a body: narrow no-break
//! spaces before `; ! ?`, no-break spaces before `:` and inside « », applied
//! to whole inline runs and never to code, raw HTML or link destinations.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::{NBSP, NNBSP, SEP, Spanned};

/// Applies French spacing to the prose of the body. Text is typeset by
/// inline runs: the texts of one block that are only separated by emphasis
/// or link boundaries, so `**Bonjour** !` and `«*Le Monde*»` are seen whole.
/// Code, raw HTML, breaks and footnote references end a run; code blocks and
/// autolinks are skipped.
pub(super) fn typeset_french(events: &mut [Spanned]) {
    let mut run: Vec<usize> = Vec::new();
    let mut in_code_or_url = false;
    for i in 0..events.len() {
        let ends_run = match &events[i].0 {
            Event::Text(_) => {
                if !in_code_or_url {
                    run.push(i);
                }
                false
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => {
                in_code_or_url = true;
                true
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Link) if in_code_or_url => {
                in_code_or_url = false;
                true
            }
            Event::Start(tag) => !is_inline_markup(tag.to_end()),
            Event::End(end) => !is_inline_markup(*end),
            _ => true,
        };
        if ends_run {
            typeset_run(events, &run);
            run.clear();
        }
    }
    typeset_run(events, &run);
}

/// Emphasis, links and the like, which French spacing sees through.
fn is_inline_markup(end: TagEnd) -> bool {
    use TagEnd::*;
    matches!(end, Emphasis | Strong | Strikethrough | Superscript | Subscript | Link | Image)
}

/// Typesets the text events at `run` as one string, then puts each part back.
fn typeset_run(events: &mut [Spanned], run: &[usize]) {
    let texts: Vec<&str> = run.iter().map(|&i| text_of(&events[i].0)).collect();
    if !texts.iter().any(|text| text.contains([';', ':', '!', '?', '«', '»'])) {
        return;
    }
    let typeset = french_spacing(&texts.join("\0"));
    for (&i, part) in run.iter().zip(typeset.split(SEP)) {
        if text_of(&events[i].0) != part {
            events[i].0 = Event::Text(part.to_owned().into());
        }
    }
}

fn text_of<'e>(event: &'e Event) -> &'e str {
    match event {
        Event::Text(text) => text,
        _ => "",
    }
}

/// French spacing of one run of text (`SEP` marks where its events meet and
/// is invisible to the rules): a narrow no-break space before `; ! ?`, a
/// no-break space before `:` and inside `« »`. An ordinary space already there
/// is replaced; one is inserted only after a word and before a word's end, so
/// "18:30", "http://", "index.php?id=1" and the second mark of "?!" are kept.
pub(super) fn french_spacing(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let mut following = chars[i + 1..].iter().copied().filter(|&c| c != SEP);
        let next = following.clone().next();
        match c {
            ';' | '!' | '?' => space_before(&mut out, NNBSP, next),
            ':' => {
                let slashes = next == Some('/') && following.nth(1) == Some('/');
                if !(next.is_some_and(|n| n.is_ascii_digit()) || slashes) {
                    space_before(&mut out, NBSP, next);
                }
            }
            '»' => match last_visible(&out) {
                Some(k) if out[k] == ' ' => out[k] = NBSP,
                Some(k) if !out[k].is_whitespace() => out.push(NBSP),
                _ => {}
            },
            ' ' if last_visible(&out).is_some_and(|k| out[k] == '«') => {
                out.push(NBSP);
                continue;
            }
            _ => {}
        }
        out.push(c);
        if c == '«' && next.is_some_and(|n| !n.is_whitespace()) {
            out.push(NBSP);
        }
    }
    out.into_iter().collect()
}

/// Puts `space` before the mark about to be pushed onto `out`.
fn space_before(out: &mut Vec<char>, space: char, next: Option<char>) {
    match last_visible(out) {
        Some(k) if out[k] == ' ' => out[k] = space,
        Some(k) if closes_word(out[k]) && next.is_none_or(ends_word) => out.push(space),
        _ => {}
    }
}

fn last_visible(out: &[char]) -> Option<usize> {
    out.iter().rposition(|&c| c != SEP)
}

fn closes_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ')' | ']' | '»' | '…' | '’' | '"' | '\'')
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '!' | '?' | ';' | ':' | '.' | ',' | ')' | ']' | '»' | '…')
}

#[cfg(test)]
mod tests {
    use crate::markdown::testing::html_in;
    use crate::markdown::typeset;

    #[test]
    fn french_text_gets_french_spacing_and_nothing_else_does() {
        let cases = [
            ("Bonjour !", "<p>Bonjour\u{202F}!</p>\n"),
            ("Quoi?", "<p>Quoi\u{202F}?</p>\n"),
            ("Vraiment ?!", "<p>Vraiment\u{202F}?!</p>\n"),
            ("Vraiment?!", "<p>Vraiment\u{202F}?!</p>\n"),
            ("Un ; deux", "<p>Un\u{202F}; deux</p>\n"),
            ("« Bonjour »", "<p>«\u{A0}Bonjour\u{A0}»</p>\n"),
            ("«Bonjour»", "<p>«\u{A0}Bonjour\u{A0}»</p>\n"),
            ("Note : voir", "<p>Note\u{A0}: voir</p>\n"),
            ("Note: voir", "<p>Note\u{A0}: voir</p>\n"),
            ("à 18:30", "<p>à 18:30</p>\n"),
            ("http://example.org", "<p>http://example.org</p>\n"),
            ("<http://example.org>", "<p><a href=\"http://example.org\">http://example.org</a></p>\n"),
            ("voir index.php?id=3", "<p>voir index.php?id=3</p>\n"),
            ("le code `a : b` !", "<p>le code <code>a : b</code>\u{202F}!</p>\n"),
            ("```\nBonjour !\n```", "<pre><code>Bonjour !\n</code></pre>\n"),
            ("<span title=\"a : b\">x</span>", "<p><span title=\"a : b\">x</span></p>\n"),
            ("<div>Bonjour !</div>", "<div>Bonjour !</div>"),
            ("**Bonjour** !", "<p><strong>Bonjour</strong>\u{202F}!</p>\n"),
            ("Bonjour **!**", "<p>Bonjour\u{202F}<strong>!</strong></p>\n"),
            ("«*Le Monde*»", "<p>«\u{A0}<em>Le Monde</em>\u{A0}»</p>\n"),
            ("[Quoi ?](https://example.org/?q=1)", "<p><a href=\"https://example.org/?q=1\">Quoi\u{202F}?</a></p>\n"),
            ("Déjà\u{A0}!", "<p>Déjà\u{A0}!</p>\n"),
            ("a\0b **c** !", "<p>a\u{FFFD}b <strong>c</strong>\u{202F}!</p>\n"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(html_in("fr", markdown), expected, "French text {markdown:?}");
        }
        assert_eq!(html_in("fr-CA", "Allô !"), "<p>Allô\u{202F}!</p>\n", "Canadian French");
        for english in ["Hello !", "Note : see", "« Quoted »", "What?"] {
            assert_eq!(html_in("en", english), format!("<p>{english}</p>\n"), "English text {english:?}");
        }
        for (lang, text) in [("ar", "برنامج: لنتعاون! «نعم» ؛ هل ?"), ("ar-MA", "قال : نعم !"), ("fa", "سلام !")]
        {
            assert_eq!(html_in(lang, text), format!("<p>{text}</p>\n"), "right-to-left text in {lang}");
            assert_eq!(typeset(text, lang), text, "plain text in {lang}");
        }
    }
}
