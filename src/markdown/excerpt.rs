//! Plain text from a body: for descriptions, the first paragraph-ish text
//! of rendered HTML (or of plain text), markup dropped, entities decoded,
//! cut on a word. It reads the HTML pulldown-cmark writes and nothing more;
//! it is no HTML parser and changes no page.

use super::NBSP;

/// Plain text of the first paragraph-ish text, used as a description; max `max_chars` chars, cut on a word boundary with "…".
///
/// Accepts rendered HTML or plain text: tags are dropped, the content of
/// headings, `pre`, `script`, `style` and footnote references is skipped,
/// whitespace is collapsed, and the entities pulldown-cmark writes
/// (`&amp; &lt; &gt; &quot; &#39;`, plus `&nbsp;`) are decoded. The first
/// block that has text wins: blocks end at block-level tags or blank lines.
pub(crate) fn plain_excerpt(html_or_text: &str, max_chars: usize) -> String {
    truncate_on_word(&first_block(html_or_text), max_chars)
}

/// The whole plain text of rendered HTML, for the search index: tags are
/// dropped (a block-level tag or `<br>` leaves a space, so that words of
/// two blocks do not join), the content of `script`, `style`, `template`
/// and footnote references is skipped, and the entities pulldown-cmark
/// writes are decoded. White space is left as written: the index splits
/// words itself, and collapsing it was a tenth of the index's work.
pub(crate) fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    // The name of the element whose content is being skipped.
    let mut skipping: Option<&str> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let run = memchr::memchr2(b'<', b'&', rest.as_bytes()).unwrap_or(rest.len());
        if skipping.is_none() {
            text.push_str(&rest[..run]);
        }
        rest = &rest[run..];
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('&') {
            rest = after;
            match decode_entity(rest) {
                Some((decoded, after)) => {
                    rest = after;
                    if skipping.is_none() {
                        text.push(decoded);
                    }
                }
                None if skipping.is_none() => text.push('&'),
                None => {}
            }
            continue;
        }
        let Some((tag, after)) = split_tag(rest) else {
            if let Some(after) = rest.strip_prefix('<') {
                rest = after;
                if skipping.is_none() {
                    text.push('<');
                }
            }
            continue;
        };
        rest = after;
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        match skipping {
            Some(skipped) if closing && name.eq_ignore_ascii_case(skipped) => skipping = None,
            Some(_) => {}
            None if !closing
                && (is_one_of(name, HIDDEN_TAGS)
                    || name.eq_ignore_ascii_case("sup") && tag.contains("footnote-reference")) =>
            {
                skipping = Some(name);
            }
            None if name.eq_ignore_ascii_case("br") || is_one_of(name, BLOCK_TAGS) => text.push(' '),
            None => {}
        }
    }
    text
}

fn first_block(source: &str) -> String {
    let mut text = String::new();
    let mut skipping: Option<&str> = None;
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        let tag = if c == '<' { split_tag(rest) } else { None };
        if let Some((tag, after)) = tag {
            rest = after;
            let closing = tag.starts_with('/');
            let name = tag_name(tag);
            let is_footnote_ref = name.eq_ignore_ascii_case("sup") && tag.contains("footnote-reference");
            match skipping {
                Some(skipped) if closing && name.eq_ignore_ascii_case(skipped) => skipping = None,
                Some(_) => {}
                None if !closing && (is_one_of(name, SKIPPED_TAGS) || is_footnote_ref) => skipping = Some(name),
                None if is_one_of(name, BLOCK_TAGS) && !text.trim().is_empty() => break,
                None if name.eq_ignore_ascii_case("br") => text.push(' '),
                None => {}
            }
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if skipping.is_some() {
            continue;
        }
        match c {
            '\n' if rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') && !text.trim().is_empty() => {
                break;
            }
            c if c.is_ascii_whitespace() => text.push(' '),
            '&' => match decode_entity(rest) {
                Some((decoded, after)) => {
                    text.push(decoded);
                    rest = after;
                }
                None => text.push('&'),
            },
            c => text.push(c),
        }
    }
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits `<...>` (or a whole `<!-- -->` comment) off the front of `text`;
/// None when the `<` does not open a tag.
fn split_tag(text: &str) -> Option<(&str, &str)> {
    if let Some(comment) = text.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(comment.len(), |p| p + 3);
        return Some(("!--", &comment[end..]));
    }
    let inner = &text[1..];
    let starts_tag = inner.strip_prefix('/').unwrap_or(inner).starts_with(|c: char| c.is_ascii_alphabetic());
    let end = inner.find('>')?;
    starts_tag.then(|| (&inner[..end], &inner[end + 1..]))
}

/// The element name of a tag's text, as written (compare it ignoring case).
fn tag_name(tag: &str) -> &str {
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let end = tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len());
    &tag[..end]
}

/// Elements whose content is no description: code, scripts, headings.
const SKIPPED_TAGS: &[&str] = &["script", "style", "pre", "template", "h1", "h2", "h3", "h4", "h5", "h6"];
/// Elements whose content is not text a reader sees.
const HIDDEN_TAGS: &[&str] = &["script", "style", "template"];
/// Elements that end the first block once it has text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Whether the element `name` (in any case) is one of `names` (lowercase).
fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|listed| listed.eq_ignore_ascii_case(name))
}

/// Decodes the entity whose `&` was just consumed; returns the character and
/// the text after the `;`.
fn decode_entity(text: &str) -> Option<(char, &str)> {
    let (name, _) = text.get(..8).unwrap_or(text).split_once(';')?;
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "#39" | "#x27" | "apos" => '\'',
        "nbsp" => NBSP,
        _ => return None,
    };
    Some((decoded, &text[name.len() + 1..]))
}

fn truncate_on_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let Some(keep) = max_chars.checked_sub(1) else {
        return String::new();
    };
    // Room is left for the "…".
    let cut = text.char_indices().nth(keep).map_or(text.len(), |(at, _)| at);
    let head = &text[..cut];
    let head = if text[cut..].starts_with(' ') { head } else { head.rfind(' ').map_or(head, |space| &head[..space]) };
    let trimmed = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(«".contains(c));
    let head = if trimmed.is_empty() { &text[..cut] } else { trimmed };
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_the_first_paragraph_as_plain_text_cut_on_a_word() {
        let cases = [
            (
                "<h1>Titre</h1>\n<p>Le <em>premier</em> paragraphe.</p>\n<p>Le second.</p>",
                100,
                "Le premier paragraphe.",
            ),
            ("<p>Fish &amp; chips &lt;3 &quot;yes&quot; &#39;no&#39;</p>", 100, "Fish & chips <3 \"yes\" 'no'"),
            (
                "<p>Un projet<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup> commun.</p>",
                100,
                "Un projet commun.",
            ),
            ("Plain text\nover two lines.\n\nSecond block.", 100, "Plain text over two lines."),
            ("<p>Une coopération entre régions</p>", 20, "Une coopération…"),
            ("<p>Une coopération entre régions</p>", 16, "Une coopération…"),
            ("<p>Une coopération entre régions</p>", 15, "Une…"),
            ("<p>Note\u{A0}: voir plus loin</p>", 9, "Note…"),
            ("<p>Anticonstitutionnellement</p>", 6, "Antic…"),
            ("<p>a &lt; b</p>", 0, ""),
        ];
        for (source, max, excerpt) in cases {
            assert_eq!(plain_excerpt(source, max), excerpt, "excerpt of {source:?} in {max} chars");
            assert!(excerpt.chars().count() <= max);
        }
    }

    #[test]
    fn the_text_of_a_body_keeps_every_block_and_separates_them() {
        let cases = [
            ("<h2 id=\"a\">Titre</h2>\n<p>Un <em>mot</em>.</p><p>Deux</p>", "Titre Un mot. Deux"),
            ("<ul><li>un</li><li>deux</li></ul>", "un deux"),
            ("<p>a&amp;b &lt;c&gt; &eacute;</p>", "a&b <c> &eacute;"),
            ("<p>ligne<br>suivante</p>", "ligne suivante"),
            ("<p>x<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></p>", "x"),
            ("<script>var a = 1;</script><p>vu</p><style>p{}</style>", "vu"),
            ("<pre><code>let x = 1;</code></pre>", "let x = 1;"),
            ("<p>1 < 2\u{a0}:</p>", "1 < 2\u{a0}:"),
            ("", ""),
        ];
        for (html, text) in cases {
            let words = html_text(html).split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words, text, "text of {html:?}");
        }
    }
}
