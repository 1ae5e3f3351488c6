//! Owns writing Atom 1.0 feeds (RFC 4287) from plain data: a [`Feed`] goes
//! in, the XML text comes out. No I/O; it knows nothing of the site, its URLs,
//! its languages or Tera. The caller passes absolute URLs, texts and dates;
//! this module escapes every text for XML and drops the characters XML 1.0
//! forbids, so whatever the content says, the feed stays well formed.

use std::fmt::Write as _;

/// One Atom feed: the news of a language, or of a project.
pub(crate) struct Feed {
    /// The feed's title (also its author's name when an entry has none).
    pub title: String,
    /// An optional one-line description.
    pub subtitle: Option<String>,
    /// The feed's language, written as `xml:lang` on `<feed>`.
    pub lang: String,
    /// The feed's permanent id: the absolute URL of the HTML list page.
    pub id: String,
    /// The absolute URL of the feed file itself (`rel="self"`).
    pub self_url: String,
    /// The absolute URL of the HTML list page (`rel="alternate"`).
    pub alternate_url: String,
    /// When the feed last changed: the newest entry's date, computed by the
    /// caller (written as midnight UTC).
    pub updated: jiff::civil::Date,
    /// The name of the program that wrote the feed.
    pub generator: String,
    /// The entries, in the order they should appear (newest first).
    pub entries: Vec<FeedEntry>,
}

/// One entry of a feed: a news item.
pub(crate) struct FeedEntry {
    /// The entry's permanent id: its absolute permalink.
    pub id: String,
    pub title: String,
    /// The absolute URL of the entry's page (`rel="alternate"`).
    pub url: String,
    pub published: jiff::civil::Date,
    /// The last change; written as `published` when it is earlier.
    pub updated: jiff::civil::Date,
    /// A plain-text summary; omitted from the feed when blank.
    pub summary: String,
    /// The full body as HTML, written as escaped `<content type="html">`.
    pub content_html: Option<String>,
    /// The authors' names. When an entry has none, the feed carries one
    /// author named after the feed's title, as Atom requires.
    pub authors: Vec<String>,
    /// Written as `<category term="..."/>`.
    pub categories: Vec<String>,
    /// The entry's language: `hreflang` of its link, and `xml:lang` on the
    /// entry when it differs from the feed's.
    pub lang: String,
}

/// Writes `feed` as an Atom 1.0 document.
pub(crate) fn atom(feed: &Feed) -> String {
    let mut out = String::with_capacity(1024 + feed.entries.len() * 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    attribute(&mut out, "xml:lang", &feed.lang);
    out.push_str(">\n");
    text_element(&mut out, 1, "title", &feed.title);
    if let Some(subtitle) = feed.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        text_element(&mut out, 1, "subtitle", subtitle);
    }
    element(&mut out, 1, "id", &feed.id);
    link(&mut out, 1, "self", "application/atom+xml", None, &feed.self_url);
    link(&mut out, 1, "alternate", "text/html", Some(&feed.lang), &feed.alternate_url);
    element(&mut out, 1, "updated", &timestamp(feed.updated));
    element(&mut out, 1, "generator", &feed.generator);
    // RFC 4287 §4.1.1: a feed needs an author unless every entry has one.
    if feed.entries.is_empty() || feed.entries.iter().any(|entry| entry.authors.is_empty()) {
        author(&mut out, 1, &feed.title);
    }
    for entry in &feed.entries {
        write_entry(&mut out, entry, &feed.lang);
    }
    out.push_str("</feed>\n");
    out
}

fn write_entry(out: &mut String, entry: &FeedEntry, feed_lang: &str) {
    indent(out, 1);
    out.push_str("<entry");
    if !entry.lang.is_empty() && entry.lang != feed_lang {
        attribute(out, "xml:lang", &entry.lang);
    }
    out.push_str(">\n");
    element(out, 2, "id", &entry.id);
    text_element(out, 2, "title", &entry.title);
    let hreflang = Some(entry.lang.as_str()).filter(|lang| !lang.is_empty());
    link(out, 2, "alternate", "text/html", hreflang, &entry.url);
    element(out, 2, "published", &timestamp(entry.published));
    element(out, 2, "updated", &timestamp(entry.updated.max(entry.published)));
    for name in entry.authors.iter().filter(|name| !name.trim().is_empty()) {
        author(out, 2, name);
    }
    for term in entry.categories.iter().filter(|term| !term.trim().is_empty()) {
        indent(out, 2);
        out.push_str("<category");
        attribute(out, "term", term);
        out.push_str("/>\n");
    }
    if !entry.summary.trim().is_empty() {
        text_element(out, 2, "summary", &entry.summary);
    }
    if let Some(html) = &entry.content_html {
        indent(out, 2);
        out.push_str("<content type=\"html\">");
        crate::escape::xml_into(out, html);
        out.push_str("</content>\n");
    }
    indent(out, 1);
    out.push_str("</entry>\n");
}

/// A date as an RFC 3339 timestamp at midnight UTC, as Atom's date
/// constructs require a time.
fn timestamp(date: jiff::civil::Date) -> String {
    let mut out = String::with_capacity(20);
    let _ = write!(out, "{:04}-{:02}-{:02}T00:00:00Z", date.year(), date.month(), date.day());
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// `<name>value</name>` on its own line.
fn element(out: &mut String, depth: usize, name: &str, value: &str) {
    indent(out, depth);
    out.push('<');
    out.push_str(name);
    out.push('>');
    crate::escape::xml_into(out, value);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// An Atom text construct in plain text: `<name type="text">value</name>`.
fn text_element(out: &mut String, depth: usize, name: &str, value: &str) {
    indent(out, depth);
    out.push('<');
    out.push_str(name);
    out.push_str(" type=\"text\">");
    crate::escape::xml_into(out, value);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn link(out: &mut String, depth: usize, rel: &str, media_type: &str, hreflang: Option<&str>, href: &str) {
    indent(out, depth);
    out.push_str("<link");
    attribute(out, "rel", rel);
    attribute(out, "type", media_type);
    if let Some(hreflang) = hreflang {
        attribute(out, "hreflang", hreflang);
    }
    attribute(out, "href", href);
    out.push_str("/>\n");
}

fn author(out: &mut String, depth: usize, name: &str) {
    indent(out, depth);
    out.push_str("<author>\n");
    element(out, depth + 1, "name", name);
    indent(out, depth);
    out.push_str("</author>\n");
}

/// ` name="value"`, the value escaped.
fn attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    crate::escape::xml_into(out, value);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn entry(id: &str, title: &str) -> FeedEntry {
        FeedEntry {
            id: format!("https://example.org/coop/fr/actualites/{id}/"),
            title: title.to_string(),
            url: format!("https://example.org/coop/fr/actualites/{id}/"),
            published: date(2026, 2, 6),
            updated: date(2026, 2, 8),
            summary: "Le lancement du programme.".to_string(),
            content_html: Some("<p>Premier <em>paragraphe</em> &amp; suite.</p>".to_string()),
            authors: vec![],
            categories: vec!["jeunesse".to_string(), "mobilité".to_string()],
            lang: "fr".to_string(),
        }
    }

    fn feed(entries: Vec<FeedEntry>) -> Feed {
        Feed {
            title: "COOPJOP — actualités".to_string(),
            subtitle: Some("Les nouvelles du portail".to_string()),
            lang: "fr".to_string(),
            id: "https://example.org/coop/fr/actualites/".to_string(),
            self_url: "https://example.org/coop/fr/atom.xml".to_string(),
            alternate_url: "https://example.org/coop/fr/actualites/".to_string(),
            updated: date(2026, 2, 8),
            generator: "passerelle".to_string(),
            entries,
        }
    }

    fn parse(xml: &str) -> feed_rs::model::Feed {
        roxmltree::Document::parse(xml).expect("the feed is well-formed XML");
        feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs reads the feed")
    }

    fn href<'a>(links: &'a [feed_rs::model::Link], rel: &str) -> Option<&'a feed_rs::model::Link> {
        links.iter().find(|link| link.rel.as_deref() == Some(rel))
    }

    #[test]
    fn a_feed_parses_with_its_title_links_and_dates() {
        let parsed = parse(&atom(&feed(vec![entry("lancement", "Lancement de COOPJOP")])));
        assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(parsed.id, "https://example.org/coop/fr/actualites/");
        assert_eq!(parsed.title.unwrap().content, "COOPJOP — actualités");
        assert_eq!(parsed.description.unwrap().content, "Les nouvelles du portail");
        assert_eq!(parsed.language.as_deref(), Some("fr"));
        assert_eq!(parsed.updated.unwrap().to_rfc3339(), "2026-02-08T00:00:00+00:00");
        let own = href(&parsed.links, "self").expect("a self link");
        assert_eq!(own.href, "https://example.org/coop/fr/atom.xml");
        assert_eq!(own.media_type.as_deref(), Some("application/atom+xml"));
        let html = href(&parsed.links, "alternate").expect("an alternate link");
        assert_eq!(html.href, "https://example.org/coop/fr/actualites/");
        assert_eq!(html.media_type.as_deref(), Some("text/html"));
        assert_eq!(parsed.generator.unwrap().content, "passerelle");
        assert_eq!(parsed.authors[0].name.as_deref(), Some("COOPJOP — actualités"));
    }

    #[test]
    fn entries_carry_id_link_dates_summary_content_and_categories() {
        let parsed = parse(&atom(&feed(vec![entry("lancement", "Lancement"), entry("atelier", "Atelier")])));
        assert_eq!(parsed.entries.len(), 2);
        let first = &parsed.entries[0];
        assert_eq!(first.id, "https://example.org/coop/fr/actualites/lancement/");
        let link = href(&first.links, "alternate").expect("an alternate link");
        assert_eq!(link.href, "https://example.org/coop/fr/actualites/lancement/");
        assert_eq!(link.href_lang.as_deref(), Some("fr"));
        assert_eq!(first.published.unwrap().to_rfc3339(), "2026-02-06T00:00:00+00:00");
        assert_eq!(first.updated.unwrap().to_rfc3339(), "2026-02-08T00:00:00+00:00");
        assert_eq!(first.summary.as_ref().unwrap().content, "Le lancement du programme.");
        let content = first.content.as_ref().expect("content");
        assert_eq!(content.body.as_deref(), Some("<p>Premier <em>paragraphe</em> &amp; suite.</p>"));
        assert_eq!(content.content_type.essence().to_string(), "text/html");
        let terms: Vec<&str> = first.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(terms, ["jeunesse", "mobilité"]);
        assert_eq!(parsed.entries[1].id, "https://example.org/coop/fr/actualites/atelier/");
    }

    #[test]
    fn awkward_text_round_trips() {
        let title = "Tom & Jerry <script> \"quoted\" l'été 🎉";
        let mut news = entry("awkward", title);
        news.summary = "a\u{1}b\u{0}c\u{b}d\u{fffe} < & > fin".to_string();
        news.authors = vec!["Région Sud & <Co>".to_string()];
        news.categories = vec!["\"tag\" & 'more'".to_string()];
        let xml = atom(&feed(vec![news]));
        let parsed = parse(&xml);
        let parsed_entry = &parsed.entries[0];
        assert_eq!(parsed_entry.title.as_ref().unwrap().content, title);
        assert_eq!(parsed_entry.summary.as_ref().unwrap().content, "abcd < & > fin");
        assert_eq!(parsed_entry.authors[0].name.as_deref(), Some("Région Sud & <Co>"));
        assert_eq!(parsed_entry.categories[0].term, "\"tag\" & 'more'");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let xml_title = doc.descendants().find(|n| n.has_tag_name("entry")).unwrap();
        let xml_title = xml_title.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(xml_title.text(), Some(title));
    }

    #[test]
    fn an_entry_with_authors_needs_no_feed_author() {
        let mut news = entry("signed", "Signé");
        news.authors = vec!["Anne Martin".to_string()];
        let parsed = parse(&atom(&feed(vec![news])));
        assert!(parsed.authors.is_empty());
        assert_eq!(parsed.entries[0].authors[0].name.as_deref(), Some("Anne Martin"));
    }

    #[test]
    fn an_entry_in_another_language_says_so() {
        let mut news = entry("launch", "Launch");
        news.lang = "en".to_string();
        let xml = atom(&feed(vec![news]));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let node = doc.descendants().find(|n| n.has_tag_name("entry")).unwrap();
        assert_eq!(node.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some("en"));
        let parsed = parse(&xml);
        assert_eq!(href(&parsed.entries[0].links, "alternate").unwrap().href_lang.as_deref(), Some("en"));
    }

    #[test]
    fn blank_summary_and_missing_content_are_left_out() {
        let mut news = entry("short", "Court");
        news.summary = "  ".to_string();
        news.content_html = None;
        let xml = atom(&feed(vec![news]));
        assert!(!xml.contains("<summary"));
        assert!(!xml.contains("<content"));
        let parsed = parse(&xml);
        assert!(parsed.entries[0].content.is_none());
    }

    #[test]
    fn an_empty_feed_is_valid() {
        let mut empty = feed(vec![]);
        empty.subtitle = None;
        let xml = atom(&empty);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
        for required in ["id", "title", "updated", "author"] {
            assert!(root.children().any(|n| n.has_tag_name(required)), "missing <{required}>");
        }
        let parsed = parse(&xml);
        assert!(parsed.entries.is_empty());
        assert_eq!(parsed.title.unwrap().content, "COOPJOP — actualités");
    }

    #[test]
    fn escaping_covers_the_five_xml_characters_and_drops_illegal_ones() {
        let cases = [
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            ("<b>", "&lt;b&gt;"),
            ("\"'", "&quot;&apos;"),
            ("tab\there\nline\r", "tab\there\nline&#13;"),
            ("bell\u{7}nul\u{0}", "bellnul"),
            ("emoji 🎉 é", "emoji 🎉 é"),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            crate::escape::xml_into(&mut out, input);
            assert_eq!(out, expected, "escaping {input:?}");
        }
    }
}
