//! Owns the Markdown of one content body: it parses the text with
//! pulldown-cmark, runs passerelle's transforms over the event stream
//! (shortcodes, French typography, heading ids, internal links, the
//! `<!-- more -->` summary, links to files of the site with their format,
//! size and `{lang=…}`) and renders HTML, reporting every problem it finds
//! at its position in the source file. Every transform works on events and
//! skips code and raw HTML; nothing here rewrites rendered HTML with patterns.
//! It does no I/O and knows nothing of Tera or of the site: links and
//! shortcodes are answered by the caller's [`Resolver`].
//!
//! Each transform has its file: shortcode calls in `calls`, French spacing
//! in `typography`, heading ids and slugs in `headings`, links to files in
//! `files`, images in `pictures`; `excerpt` turns rendered HTML into the
//! plain text of descriptions.

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
    html: Packed,
    /// HTML of the text before a `<!-- more -->` line, if there is one and
    /// that text is not empty.
    pub summary_html: Option<String>,
    pub headings: Vec<Heading>,
    /// Sorted by position in the source file.
    pub problems: Vec<Problem>,
}

impl Rendered {
    /// The whole body as HTML, without the `<!-- more -->` marker.
    pub fn html(&self) -> String {
        self.html.unpack()
    }

    /// Holds the HTML compressed from now on: for a large site, whose
    /// bodies are all held from their rendering until their pages are
    /// written.
    pub fn pack(&mut self) {
        if let Packed::Plain(html) = &self.html {
            self.html = Packed::Lz4(lz4_flex::block::compress_prepend_size(html.as_bytes()));
        }
    }
}

/// HTML as rendered, or compressed (LZ4, about a third of its size): on a
/// site of 100,000 pages, the bodies held until their pages are written
/// are a gigabyte of HTML.
#[derive(Clone)]
enum Packed {
    Plain(String),
    Lz4(Vec<u8>),
}

impl Packed {
    fn unpack(&self) -> String {
        match self {
            Packed::Plain(html) => html.clone(),
            Packed::Lz4(bytes) => {
                // Bytes `pack` compressed from a string: neither step can fail.
                let bytes = lz4_flex::block::decompress_size_prepended(bytes).unwrap_or_default();
                String::from_utf8(bytes).unwrap_or_default()
            }
        }
    }
}

impl PartialEq for Packed {
    /// The same HTML, however it is held.
    fn eq(&self, other: &Packed) -> bool {
        match (self, other) {
            (Packed::Plain(a), Packed::Plain(b)) => a == b,
            _ => self.unpack() == other.unpack(),
        }
    }
}

impl Eq for Packed {}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.unpack().fmt(f)
    }
}

mod calls;
mod excerpt;
mod files;
mod headings;
mod pictures;
#[cfg(test)]
mod testing;
mod typography;

use calls::{expand_inline, expand_shortcodes};
pub(crate) use excerpt::{html_text, plain_excerpt};
pub(crate) use files::is_language_tag;
pub(crate) use headings::slugify;
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
    let headings = headings::assign_heading_ids(&mut events);
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
    Rendered { html: Packed::Plain(html), summary_html, headings, problems }
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

/// The text of some events, inline code included, breaks as spaces and
/// markup dropped: what a heading or an image description says.
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

// ---------------------------------------------------------------- links and the summary

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

#[cfg(test)]
mod tests {
    use super::testing::{Site, html_in, render_in};
    use super::*;

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
            assert_eq!(rendered.html(), expected, "{markdown:?} in {lang}");
            assert_eq!(rendered.problems, [], "{markdown:?} in {lang}");
        }
    }

    #[test]
    fn a_broken_internal_link_is_a_problem_located_in_the_source_file() {
        let text = "Intro.\n\nVoir [ce projet](@/projects/nope.md) et [l'autre](@/projects/coopjop.md).";
        let rendered = render(&Input { text, lang: "fr", first_line: 5, image_above: false }, &Site);
        assert_eq!(
            rendered.html(),
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
    fn a_packed_body_gives_back_the_same_html() {
        let plain = render_in(
            "fr",
            "# Titre\n\nUne *coopération* décentralisée : « enfin » !\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        );
        let mut packed = plain.clone();
        packed.pack();
        assert!(matches!(packed.html, Packed::Lz4(_)));
        assert_eq!(packed.html(), plain.html());
        assert!(packed.html().contains("<em>coopération</em>"));
        assert_eq!(packed, plain);
    }

    #[test]
    fn text_before_the_more_marker_is_the_summary() {
        let rendered = render_in("fr", "# Titre\n\nLe début !\n\n<!-- more -->\n\nLa suite.");
        assert_eq!(rendered.summary_html.as_deref(), Some("<h1 id=\"titre\">Titre</h1>\n<p>Le début\u{202F}!</p>\n"));
        assert_eq!(rendered.html(), "<h1 id=\"titre\">Titre</h1>\n<p>Le début\u{202F}!</p>\n<p>La suite.</p>\n");

        let marker_in_code = render_in("en", "Text.\n\n```\n<!-- more -->\n```\n");
        assert_eq!(marker_in_code.summary_html, None, "a marker inside a code block is code");
        assert!(marker_in_code.html().contains("&lt;!-- more --&gt;"));
        assert_eq!(render_in("en", "No marker.").summary_html, None);
        assert_eq!(render_in("en", "<!-- more -->\n\nAll.").summary_html, None, "an empty summary is none");

        let marker_after_a_line = render_in("en", "Start.\n<!-- more -->\nRest.");
        assert_eq!(marker_after_a_line.summary_html.as_deref(), Some("<p>Start.</p>\n"));
        assert_eq!(marker_after_a_line.html(), "<p>Start.</p>\n<p>Rest.</p>\n");
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
}
