//! Owns the Markdown of one content body: it parses the text with
//! pulldown-cmark, runs passerelle's transforms over the event stream
//! (shortcodes, French typography, heading ids, internal links, the
//! `<!-- more -->` summary, links to files of the site with their format,
//! size and `{lang=…}`) and renders HTML, reporting every problem it finds
//! at its position in the source file. Every transform works on events and
//! skips code and raw HTML; nothing here rewrites rendered HTML with patterns.
//! It does no I/O and knows nothing of Tera or of the site: links and
//! shortcodes are answered by the caller's [`Resolver`].

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::images::Picture;

/// One body to render.
pub(crate) struct Input<'a> {
    /// The Markdown body, front matter already removed.
    pub text: &'a str,
    /// The page language, e.g. "fr", "en", "fr-CA".
    pub lang: &'a str,
    /// 1-based line number, in the source file, of the body's first line.
    pub first_line: usize,
    /// Whether the page shows an image above the body (a news item's
    /// image, a logo): then every image of the body loads lazily, else
    /// the first one loads at once.
    pub image_above: bool,
}

/// What the body needs from the rest of the site.
pub(crate) trait Resolver {
    /// `target` is what follows `@/`, without any `#fragment`, e.g. "projects/coopjop.md".
    /// Returns the URL of that item's page in `lang`, or None when no such item exists.
    fn link(&self, target: &str, lang: &str) -> Option<String>;
    /// Renders shortcode `name` with its arguments; Err(message) when it fails (unknown shortcode, bad argument).
    fn shortcode(&self, name: &str, args: &[(String, String)], lang: &str) -> Result<String, ShortcodeError>;
    /// Whether shortcode `name` draws inline HTML (a link, a name), so it
    /// may be called inside a line of text; the others draw a block and
    /// stand alone in their paragraph.
    fn inline(&self, name: &str) -> bool;
    /// Where the destination of a link, as written (`/docs/study.pdf`,
    /// `docs/study.pdf`, `https://…`), leads among the files of the site.
    fn destination(&self, url: &str) -> Destination;
    /// The note a download link's text ends with, in the page language
    /// `lang`: "(PDF, 240 Ko, en anglais)". `hreflang` is the document's language.
    fn download_note(&self, download: &Download, hreflang: Option<&str>, lang: &str) -> String;
    /// What a page shows for the image source `url` as written
    /// (`/images/photo.jpg`, `images/photo.jpg`, `https://…`).
    fn picture(&self, url: &str) -> Shown;
}

/// What an image source becomes on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shown {
    /// Not a raster image of the site (an SVG, another host): left as written.
    AsWritten,
    /// A processed image of the site.
    Picture(Arc<Picture>),
    /// A path of the site where no file is, as in [`Destination::Missing`].
    Missing { path: String, close: Option<String> },
    /// A file of the site in a format pages cannot show.
    Unsupported,
    /// A file of the site that is not an image, or a truncated one.
    Unreadable,
    /// An image with more pixels than are decoded safely.
    TooLarge { width: u32, height: u32 },
}

impl Shown {
    /// What is wrong with showing the image `url`, and what to do: None
    /// when it can be shown.
    pub(crate) fn problem(&self, url: &str) -> Option<(String, String)> {
        Some(match self {
            Shown::AsWritten | Shown::Picture(_) => return None,
            Shown::Missing { path, close } => {
                let hint = match close {
                    Some(close) => tr!("did-you-mean", name = close.as_str()),
                    None => tr!("render-missing-file-hint", path = format!("static/{path}")),
                };
                (tr!("render-image-missing", url = url), hint)
            }
            Shown::Unsupported => (tr!("render-image-unsupported", url = url), tr!("render-image-unsupported-hint")),
            Shown::Unreadable => (tr!("render-image-unreadable", url = url), tr!("render-image-unreadable-hint")),
            Shown::TooLarge { width, height } => (
                tr!("render-image-too-large", url = url, width = width.to_string(), height = height.to_string()),
                tr!("render-image-too-large-hint", limit = (crate::images::PIXEL_LIMIT / 1_000_000).to_string()),
            ),
        })
    }
}

/// Where a link leads, as far as files of the site go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Destination {
    /// Not a file of the site (a page, another host, mail, a fragment): left as written.
    Other,
    /// A file of the site: the URL to write and, for a document to
    /// download, its format and size.
    File { href: String, download: Option<Download> },
    /// A path of the site where no file is: the path from the site root
    /// (`docs/study.pdf`) and the URL of an existing file whose name is close.
    Missing { path: String, close: Option<String> },
}

/// A document a link offers to download.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Download {
    /// Its format as readers know it: "PDF", "ODT", "CSV".
    pub format: String,
    /// Its size in bytes.
    pub size: u64,
}

/// Why a shortcode could not be rendered: what to say, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShortcodeError {
    pub message: String,
    pub hint: Option<String>,
}

impl From<String> for ShortcodeError {
    fn from(message: String) -> ShortcodeError {
        ShortcodeError { message, hint: None }
    }
}

/// A heading of the body, in document order, for tables of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub level: u8,
    /// The `id` attribute it carries in the HTML, unique in the document.
    pub id: String,
    /// Its plain text (inline code included, markup dropped).
    pub text: String,
}

/// Something wrong in the body, located in the source file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

/// The rendered body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The whole body as HTML, without the `<!-- more -->` marker.
    pub html: String,
    /// HTML of the text before a `<!-- more -->` line, if there is one and
    /// that text is not empty.
    pub summary_html: Option<String>,
    pub headings: Vec<Heading>,
    /// Sorted by position in the source file.
    pub problems: Vec<Problem>,
}

mod calls;
mod files;
mod pictures;
mod typography;

use calls::{expand_inline, expand_shortcodes};
pub(crate) use files::is_language_tag;
use typography::typeset_french;

const MORE_MARKER: &str = "<!-- more -->";
const NBSP: char = '\u{A0}';
const NNBSP: char = '\u{202F}';
/// Joins the texts of one inline run while it is typeset. `merge_text`
/// replaces NUL (as CommonMark asks), so it never occurs in a text event.
const SEP: char = '\0';

/// An event with its byte range in the body.
type Spanned<'a> = (Event<'a>, Range<usize>);

/// Renders one body. Never fails: what is wrong in the text becomes a
/// [`Problem`] and the rest of the body is still rendered.
pub(crate) fn render(input: &Input, resolver: &dyn Resolver) -> Rendered {
    let mut problems = Vec::new();
    let events: Vec<Spanned> = Parser::new_ext(input.text, options()).into_offset_iter().collect();
    let (events, handled) = expand_shortcodes(events, input, resolver, &mut problems);
    let events = merge_text(events);
    let mut events = expand_inline(events, &handled, input, resolver, &mut problems);
    if is_french(input.lang) {
        typeset_french(&mut events);
    }
    let headings = assign_heading_ids(&mut events);
    resolve_links(&mut events, input, resolver, &mut problems);
    files::link_files(&mut events, input, resolver, &mut problems);
    pictures::show_pictures(&mut events, input, resolver, &mut problems);
    let mut events: Vec<Event> = events.into_iter().map(|(event, _)| event).collect();

    let summary_html = take_more_marker(&mut events).and_then(|end| {
        let mut summary = String::new();
        html::push_html(&mut summary, events[..end].iter().cloned());
        (!summary.trim().is_empty()).then_some(summary)
    });
    let mut html = String::with_capacity(input.text.len() * 3 / 2);
    html::push_html(&mut html, events.into_iter());
    if !input.image_above {
        pictures::load_first_at_once(&mut html);
    }

    problems.sort_by_key(|problem| (problem.line, problem.col));
    Rendered { html, summary_html, headings, problems }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A plain text (not Markdown) set with the typography of `lang`, as
/// Markdown text is: French gets its no-break spaces.
pub(crate) fn typeset(text: &str, lang: &str) -> String {
    if is_french(lang) { typography::french_spacing(text) } else { text.to_string() }
}

fn is_french(lang: &str) -> bool {
    let lang = lang.as_bytes();
    lang.len() >= 2 && lang[..2].eq_ignore_ascii_case(b"fr") && matches!(lang.get(2), None | Some(b'-' | b'_'))
}

/// A problem at byte `offset` of the body.
fn problem_at(input: &Input, offset: usize, message: String, hint: Option<String>) -> Problem {
    let before = input.text.get(..offset).unwrap_or(input.text);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Problem {
        line: input.first_line.max(1) + before.matches('\n').count(),
        col: before[line_start..].chars().count() + 1,
        message,
        hint,
    }
}

// ---------------------------------------------------------------- text runs

/// pulldown-cmark splits text around `[`, `!`, entities and escapes; joins
/// consecutive text events so later transforms see whole phrases. NUL, which
/// pulldown-cmark lets through, becomes U+FFFD.
fn merge_text(events: Vec<Spanned>) -> Vec<Spanned> {
    let mut out: Vec<Spanned> = Vec::with_capacity(events.len());
    for (event, range) in events {
        let event = match event {
            Event::Text(text) if text.contains(SEP) => Event::Text(text.replace(SEP, "\u{FFFD}").into()),
            event => event,
        };
        if let (Event::Text(text), Some((Event::Text(previous), previous_range))) = (&event, out.last_mut()) {
            let mut joined = std::mem::replace(previous, CowStr::Borrowed("")).into_string();
            joined.push_str(text);
            *previous = joined.into();
            previous_range.end = range.end;
            continue;
        }
        out.push((event, range));
    }
    out
}

// ---------------------------------------------------------------- headings and links

/// Gives every heading an id (its `{#custom}` id, else the slug of its text),
/// unique in the document, and lists the headings.
fn assign_heading_ids(events: &mut [Spanned]) -> Vec<Heading> {
    let mut used = HashSet::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i].0, Event::Start(Tag::Heading { .. })) {
            let end = events[i..]
                .iter()
                .position(|(event, _)| matches!(event, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let text = plain_text(&events[i + 1..end]);
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i].0 {
                let base = match id.as_deref() {
                    Some(custom) if !custom.is_empty() => custom.to_owned(),
                    _ => Some(slugify(&text)).filter(|slug| !slug.is_empty()).unwrap_or_else(|| "section".to_owned()),
                };
                let unique = unique_id(base, &mut used);
                *id = Some(unique.clone().into());
                headings.push(Heading { level: *level as u8, id: unique, text });
            }
            i = end;
        }
        i += 1;
    }
    headings
}

fn plain_text(events: &[Spanned]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 0;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// Replaces `@/section/id.md#fragment` destinations of links and images
/// with the URL of that item in the page's language. An unknown item becomes
/// a problem and a link to "#", so the text stays readable.
fn resolve_links(events: &mut [Spanned], input: &Input, resolver: &dyn Resolver, problems: &mut Vec<Problem>) {
    for (event, range) in events.iter_mut() {
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) = event else {
            continue;
        };
        let Some(written) = dest_url.strip_prefix("@/") else {
            continue;
        };
        let (target, fragment) = written.find('#').map_or((written, ""), |p| written.split_at(p));
        let url = match resolver.link(target, input.lang) {
            Some(url) => url + fragment,
            None => {
                let item = target.strip_suffix(".md").unwrap_or(target);
                let message = tr!("render-broken-internal-link", target = written);
                let hint = tr!("render-broken-internal-link-hint", item = item);
                problems.push(problem_at(input, range.start, message, Some(hint)));
                "#".to_owned()
            }
        };
        *dest_url = url.into();
    }
}

/// Finds a top-level `<!-- more -->` HTML block, removes it, and returns
/// where the summary ends.
fn take_more_marker(events: &mut Vec<Event>) -> Option<usize> {
    let mut depth = 0usize;
    let start = events.windows(3).position(|window| {
        let top_level = depth == 0;
        match window[0] {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        top_level
            && matches!(window[0], Event::Start(Tag::HtmlBlock))
            && matches!(&window[1], Event::Html(html) if html.trim() == MORE_MARKER)
            && matches!(window[2], Event::End(TagEnd::HtmlBlock))
    })?;
    events.drain(start..start + 3);
    Some(start)
}

// ---------------------------------------------------------------- plain text

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

fn first_block(source: &str) -> String {
    let mut text = String::new();
    let mut skipping: Option<String> = None;
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        let tag = if c == '<' { split_tag(rest) } else { None };
        if let Some((tag, after)) = tag {
            rest = after;
            let closing = tag.starts_with('/');
            let name = tag_name(tag);
            let is_footnote_ref = name == "sup" && tag.contains("footnote-reference");
            match &skipping {
                Some(skipped) if closing && name == *skipped => skipping = None,
                Some(_) => {}
                None if !closing && (is_one_of(&name, SKIPPED_TAGS) || is_footnote_ref) => skipping = Some(name),
                None if is_one_of(&name, BLOCK_TAGS) && !text.trim().is_empty() => break,
                None if name == "br" => text.push(' '),
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

/// The whole plain text of rendered HTML, for the search index: tags are
/// dropped (a block-level tag or `<br>` leaves a space, so that words of
/// two blocks do not join), the content of `script`, `style`, `template`
/// and footnote references is skipped, the entities pulldown-cmark writes
/// are decoded, and runs of ASCII white space become one space.
pub(crate) fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut skipping: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let run = rest.find(['<', '&']).unwrap_or(rest.len());
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
        match &skipping {
            Some(skipped) if closing && name == *skipped => skipping = None,
            Some(_) => {}
            None if !closing
                && (is_one_of(&name, HIDDEN_TAGS) || name == "sup" && tag.contains("footnote-reference")) =>
            {
                skipping = Some(name);
            }
            None if name == "br" || is_one_of(&name, BLOCK_TAGS) => text.push(' '),
            None => {}
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

fn tag_name(tag: &str) -> String {
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let end = tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len());
    tag[..end].to_ascii_lowercase()
}

/// Elements whose content is no description: code, scripts, headings.
const SKIPPED_TAGS: &str = "script style pre template h1 h2 h3 h4 h5 h6";
/// Elements whose content is not text a reader sees.
const HIDDEN_TAGS: &str = "script style template";
/// Elements that end the first block once it has text.
const BLOCK_TAGS: &str = "p div li ul ol dl dt dd blockquote table tr td th figure figcaption \
                          section article aside header footer hr h1 h2 h3 h4 h5 h6";

fn is_one_of(name: &str, names: &str) -> bool {
    names.split_ascii_whitespace().any(|listed| listed == name)
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

/// URL-safe slug of a heading or tag text: lowercase, accents folded to ASCII (é→e, ç→c, œ→oe, æ→ae, ß→ss ...), non-alphanumerics to single '-', trimmed.
///
/// Letters with no ASCII folding (Greek, Cyrillic, CJK...) are kept,
/// lowercased, rather than dropped. The result may be empty.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36F}').contains(&c) {
            continue; // a combining accent, as in a decomposed "é"
        }
        let folded = fold_to_ascii(c);
        if folded.is_none() && !c.is_alphanumeric() {
            dash = true;
            continue;
        }
        if dash && !slug.is_empty() {
            slug.push('-');
        }
        dash = false;
        match folded {
            Some(ascii) => slug.push_str(ascii),
            None => slug.push(c),
        }
    }
    slug
}

/// ASCII spellings of lowercase Latin letters with diacritics, and of ligatures.
const FOLDS: &str = "a:àáâãäåāăą c:çćĉċč d:ďđð e:èéêëēĕėęě g:ĝğġģ h:ĥħ i:ìíîïĩīĭįı j:ĵ k:ķ l:ĺļľŀł \
                     n:ñńņň o:òóôõöøōŏő r:ŕŗř s:śŝşšș t:ţťŧț u:ùúûüũūŭůűų w:ŵ y:ýÿŷ z:źżž \
                     oe:œ ae:æ ss:ß th:þ";

fn fold_to_ascii(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    FOLDS.split(' ').find_map(|entry| {
        let (ascii, accented) = entry.split_once(':')?;
        accented.contains(c).then_some(ascii)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calls::parse_call;

    /// A two-item site: one project and a `figure` shortcode.
    struct Site;

    impl Resolver for Site {
        fn link(&self, target: &str, lang: &str) -> Option<String> {
            match (target, lang) {
                ("projects/coopjop.md", "fr") => Some("/fr/projets/coopjop/".to_owned()),
                ("projects/coopjop.md", "en") => Some("/en/projects/coopjop/".to_owned()),
                _ => None,
            }
        }

        fn shortcode(&self, name: &str, args: &[(String, String)], lang: &str) -> Result<String, ShortcodeError> {
            match (name, args) {
                ("figure", [(key, src)]) if key == "src" => {
                    Ok(format!("<figure lang=\"{lang}\"><img src=\"{src}\"></figure>"))
                }
                ("figure", _) => Err("expected exactly one argument, 'src'".to_owned().into()),
                ("name", [(key, id)]) if key == "id" && id == "lombardia" => {
                    Ok(format!("<a href=\"/{lang}/lombardia/\" lang=\"it\">Regione Lombardia</a>\n"))
                }
                ("name", _) => Err(ShortcodeError { message: "unknown id".into(), hint: Some("try lombardia".into()) }),
                _ => Err(format!("no template 'shortcodes/{name}.html'").into()),
            }
        }

        fn inline(&self, name: &str) -> bool {
            name == "name"
        }

        fn destination(&self, url: &str) -> Destination {
            match url {
                "/docs/study.pdf" => Destination::File {
                    href: "/prog/docs/study.pdf".to_owned(),
                    download: Some(Download { format: "PDF".to_owned(), size: 240_000 }),
                },
                "/docs/missing.pdf" => Destination::Missing { path: "docs/missing.pdf".to_owned(), close: None },
                _ => Destination::Other,
            }
        }

        fn download_note(&self, download: &Download, hreflang: Option<&str>, _lang: &str) -> String {
            format!(
                "({}, {}{})",
                download.format,
                download.size / 1000,
                hreflang.map(|l| format!(", {l}")).unwrap_or_default()
            )
        }

        fn picture(&self, url: &str) -> Shown {
            match url {
                "/images/photo.jpg" => Shown::Picture(Arc::new(Picture {
                    src: "/prog/images/photo-0a1b2c3d-800.jpg".to_owned(),
                    srcset: "/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w"
                        .to_owned(),
                    webp_srcset: "/prog/images/photo-0a1b2c3d-480.webp 480w, /prog/images/photo-0a1b2c3d-800.webp 800w"
                        .to_owned(),
                    sizes: "100vw".to_owned(),
                    width: 800,
                    height: 600,
                })),
                "/images/gone.jpg" => Shown::Missing { path: "images/gone.jpg".to_owned(), close: None },
                _ => Shown::AsWritten,
            }
        }
    }

    fn render_in(lang: &str, text: &str) -> Rendered {
        render(&Input { text, lang, first_line: 1, image_above: false }, &Site)
    }

    fn html_in(lang: &str, text: &str) -> String {
        render_in(lang, text).html
    }

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

    #[test]
    fn headings_get_unique_ids_from_their_text_or_their_custom_id() {
        let rendered = render_in(
            "fr",
            "# Coopération décentralisée\n\n## Intro\n\n## Intro\n\n## Intro\n\n## Pourquoi ? {#why}\n\n### `code` et *texte*",
        );
        let ids: Vec<(u8, &str, &str)> =
            rendered.headings.iter().map(|h| (h.level, h.id.as_str(), h.text.as_str())).collect();
        assert_eq!(
            ids,
            [
                (1, "cooperation-decentralisee", "Coopération décentralisée"),
                (2, "intro", "Intro"),
                (2, "intro-1", "Intro"),
                (2, "intro-2", "Intro"),
                (2, "why", "Pourquoi\u{202F}?"),
                (3, "code-et-texte", "code et texte"),
            ]
        );
        assert!(rendered.html.contains("<h1 id=\"cooperation-decentralisee\">"));
        assert!(rendered.html.contains("<h2 id=\"intro-2\">Intro</h2>"));
        assert!(rendered.html.contains("<h2 id=\"why\">Pourquoi\u{202F}?</h2>"));
    }

    #[test]
    fn internal_links_resolve_to_the_page_in_the_current_language() {
        let cases = [
            ("fr", "[COOPJOP](@/projects/coopjop.md)", "<p><a href=\"/fr/projets/coopjop/\">COOPJOP</a></p>\n"),
            ("en", "[COOPJOP](@/projects/coopjop.md)", "<p><a href=\"/en/projects/coopjop/\">COOPJOP</a></p>\n"),
            (
                "en",
                "[funding](@/projects/coopjop.md#funding)",
                "<p><a href=\"/en/projects/coopjop/#funding\">funding</a></p>\n",
            ),
            ("en", "![logo](@/projects/coopjop.md)", "<p><img src=\"/en/projects/coopjop/\" alt=\"logo\" /></p>\n"),
            ("en", "[other](https://example.org/)", "<p><a href=\"https://example.org/\">other</a></p>\n"),
        ];
        for (lang, markdown, expected) in cases {
            let rendered = render_in(lang, markdown);
            assert_eq!(rendered.html, expected, "{markdown:?} in {lang}");
            assert_eq!(rendered.problems, [], "{markdown:?} in {lang}");
        }
    }

    #[test]
    fn a_broken_internal_link_is_a_problem_located_in_the_source_file() {
        let text = "Intro.\n\nVoir [ce projet](@/projects/nope.md) et [l'autre](@/projects/coopjop.md).";
        let rendered = render(&Input { text, lang: "fr", first_line: 5, image_above: false }, &Site);
        assert_eq!(
            rendered.html,
            "<p>Intro.</p>\n<p>Voir <a href=\"#\">ce projet</a> et <a href=\"/fr/projets/coopjop/\">l'autre</a>.</p>\n"
        );
        assert_eq!(
            rendered.problems,
            [Problem {
                line: 7,
                col: 6,
                message: "broken internal link '@/projects/nope.md'".to_owned(),
                hint: Some(
                    "no content file matches 'projects/nope'; internal links look like @/<section>/<id>.md".to_owned()
                ),
            }]
        );
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
            assert_eq!(rendered.html, expected, "{markdown:?}");
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

    #[test]
    fn text_before_the_more_marker_is_the_summary() {
        let rendered = render_in("fr", "# Titre\n\nLe début !\n\n<!-- more -->\n\nLa suite.");
        assert_eq!(rendered.summary_html.as_deref(), Some("<h1 id=\"titre\">Titre</h1>\n<p>Le début\u{202F}!</p>\n"));
        assert_eq!(rendered.html, "<h1 id=\"titre\">Titre</h1>\n<p>Le début\u{202F}!</p>\n<p>La suite.</p>\n");

        let marker_in_code = render_in("en", "Text.\n\n```\n<!-- more -->\n```\n");
        assert_eq!(marker_in_code.summary_html, None, "a marker inside a code block is code");
        assert!(marker_in_code.html.contains("&lt;!-- more --&gt;"));
        assert_eq!(render_in("en", "No marker.").summary_html, None);
        assert_eq!(render_in("en", "<!-- more -->\n\nAll.").summary_html, None, "an empty summary is none");

        let marker_after_a_line = render_in("en", "Start.\n<!-- more -->\nRest.");
        assert_eq!(marker_after_a_line.summary_html.as_deref(), Some("<p>Start.</p>\n"));
        assert_eq!(marker_after_a_line.html, "<p>Start.</p>\n<p>Rest.</p>\n");
    }

    #[test]
    fn a_paragraph_that_is_a_shortcode_call_is_replaced_by_its_html() {
        let rendered = render_in("fr", "Avant.\n\n{{ figure(src=\"a_b*c*.jpg\") }}\n\nAprès.");
        assert_eq!(
            rendered.html,
            "<p>Avant.</p>\n<figure lang=\"fr\"><img src=\"a_b*c*.jpg\"></figure>\n<p>Après.</p>\n"
        );
        assert_eq!(rendered.problems, []);

        let literal = render_in("en", "`{{ figure(src=\"a.jpg\") }}`\n\n```\n{{ figure(src=\"a.jpg\") }}\n```");
        assert_eq!(
            literal.html,
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
        assert!(rendered.html.contains("<p>{{ chart("), "a failed call stays visible as text");
    }

    #[test]
    fn an_inline_shortcode_is_replaced_inside_its_line_of_text() {
        let rendered =
            render_in("fr", "Avec la {{ name(id=\"lombardia\") }} : une *région* {{ name(id=\"lombardia\") }}.");
        assert_eq!(
            rendered.html,
            "<p>Avec la <a href=\"/fr/lombardia/\" lang=\"it\">Regione Lombardia</a>\u{A0}: une <em>région</em> \
             <a href=\"/fr/lombardia/\" lang=\"it\">Regione Lombardia</a>.</p>\n"
        );
        assert_eq!(rendered.problems, []);
        let alone = render_in("en", "{{ name(id=\"lombardia\") }}");
        assert_eq!(
            alone.html, "<p><a href=\"/en/lombardia/\" lang=\"it\">Regione Lombardia</a></p>\n",
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
        assert!(rendered.html.contains("See {{ figure("), "a failed call stays visible as text");
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

    #[test]
    fn raw_html_and_tables_pass_through() {
        assert_eq!(html_in("fr", "<aside class=\"x\">\n*a* : b\n</aside>"), "<aside class=\"x\">\n*a* : b\n</aside>");
        assert_eq!(
            html_in("en", "| a |\n|---|\n| ~~b~~ |\n\n- [x] done"),
            "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td><del>b</del></td></tr>\n</tbody></table>\n\
             <ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\ndone</li>\n</ul>\n"
        );
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
            assert_eq!(html_text(html), text, "text of {html:?}");
        }
    }

    #[test]
    fn slugs_are_lowercase_ascii_words_joined_by_dashes() {
        let cases = [
            ("Coopération décentralisée", "cooperation-decentralisee"),
            ("L'Œuvre", "l-oeuvre"),
            ("Ça, c'est l’été !", "ca-c-est-l-ete"),
            ("  Straße & Æsir  ", "strasse-aesir"),
            ("COOP'R 2024–2026", "coop-r-2024-2026"),
            ("e\u{301}te\u{301}", "ete"),
            ("Москва", "москва"),
            ("?!", ""),
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "slug of {text:?}");
        }
    }

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
    fn images_of_the_site_become_pictures_and_the_first_loads_at_once() {
        let html = html_in(
            "en",
            "![A \"map\"](/images/photo.jpg \"Title\")\n\n![Again](/images/photo.jpg) ![Logo](/logo.svg)\n",
        );
        assert_eq!(
            html,
            "<p><picture><source type=\"image/webp\" srcset=\"/prog/images/photo-0a1b2c3d-480.webp 480w, \
             /prog/images/photo-0a1b2c3d-800.webp 800w\" sizes=\"100vw\"><img src=\"/prog/images/photo-0a1b2c3d-800.jpg\" \
             srcset=\"/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w\" \
             sizes=\"100vw\" width=\"800\" height=\"600\" alt=\"A &quot;map&quot;\" title=\"Title\"></picture></p>\n\
             <p><picture><source type=\"image/webp\" srcset=\"/prog/images/photo-0a1b2c3d-480.webp 480w, \
             /prog/images/photo-0a1b2c3d-800.webp 800w\" sizes=\"100vw\"><img src=\"/prog/images/photo-0a1b2c3d-800.jpg\" \
             srcset=\"/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w\" \
             sizes=\"100vw\" width=\"800\" height=\"600\" alt=\"Again\" loading=\"lazy\" decoding=\"async\"></picture> \
             <img src=\"/logo.svg\" alt=\"Logo\" /></p>\n"
        );
    }

    #[test]
    fn a_missing_image_is_a_problem_where_it_is_written() {
        let rendered = render_in("en", "Text\n\nSee ![gone](/images/gone.jpg)\n");
        let problems: Vec<(usize, usize, &str)> =
            rendered.problems.iter().map(|p| (p.line, p.col, p.message.as_str())).collect();
        assert_eq!(problems, [(3, 5, "image not found: /images/gone.jpg")]);
    }
}
