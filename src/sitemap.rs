//! Owns the files that speak to search-engine crawlers: the sitemap (the
//! sitemaps.org 0.9 protocol, with the `xhtml:link` hreflang alternates
//! that tell crawlers which pages are translations of each other) and
//! `robots.txt`, which points to it.
//!
//! A sitemap file may hold at most 50,000 URLs and 50 MB. Below both,
//! `sitemap.xml` is the one urlset; past either, it becomes a sitemap index
//! over numbered children (`sitemap-1.xml`, `sitemap-2.xml`…) beside it,
//! each filled up to the limits in the order given. Every URL keeps all its
//! alternates in whatever child it lands, so they stay reciprocal.
//!
//! It only writes text from URLs it is given: deciding which pages are
//! listed, their order and their alternates belongs to the caller. No I/O.

/// One `<url>` entry of the sitemap.
pub(crate) struct Url {
    /// Absolute URL of the page.
    pub loc: String,
    /// Date of the last change, `YYYY-MM-DD`.
    pub lastmod: Option<String>,
    /// `(hreflang, absolute href)` of every language version of the page,
    /// the page itself included. Empty for a page with no translations.
    pub alternates: Vec<(String, String)>,
    /// Absolute URL of the default-language version, written as the
    /// `x-default` alternate.
    pub x_default: Option<String>,
}

/// The most one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// `<url>` entries per file.
    pub urls: usize,
    /// Bytes per file, uncompressed.
    pub bytes: usize,
}

/// The limits of the sitemaps.org protocol: 50,000 URLs and 50 MB
/// (52,428,800 bytes) per file. (An index may itself list 50,000 children,
/// 2.5 billion URLs: no site comes near, so the index is never split.)
pub(crate) const PROTOCOL: Limits = Limits { urls: 50_000, bytes: 52_428_800 };

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
"#;
const FOOTER: &str = "</urlset>\n";

const INDEX_HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
"#;
const INDEX_FOOTER: &str = "</sitemapindex>\n";

/// The file name of the `n`-th child of a sitemap index, counted from 1.
pub(crate) fn child_name(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The sitemap files listing `urls` in the order given: `sitemap.xml`
/// first, then, when it is an index, its children in order (the `n`-th is
/// [`child_name`]`(n)`). `base` is the absolute URL of the folder they are
/// published in, ending with `/`.
pub(crate) fn sitemaps(urls: &[Url], base: &str, limits: Limits) -> Vec<String> {
    let parts = split(urls, limits);
    if parts.len() == 1 {
        return parts.into_iter().map(|part| part.xml).collect();
    }
    let mut files = Vec::with_capacity(parts.len() + 1);
    files.push(index(&parts, base));
    files.extend(parts.into_iter().map(|part| part.xml));
    files
}

/// One urlset file and the newest `lastmod` of its URLs.
struct Part {
    xml: String,
    lastmod: Option<String>,
}

impl Part {
    fn new(capacity: usize) -> Part {
        let mut xml = String::with_capacity(capacity);
        xml.push_str(HEADER);
        Part { xml, lastmod: None }
    }
}

/// `urls` as urlsets, each filled with URLs up to the limits (at least one
/// URL each, and one empty urlset for no URL at all).
fn split(urls: &[Url], limits: Limits) -> Vec<Part> {
    let capacity = (HEADER.len() + urls.len().min(limits.urls) * 320).min(limits.bytes);
    let mut parts = Vec::new();
    let mut part = Part::new(capacity);
    let mut count = 0;
    for url in urls {
        let start = part.xml.len();
        write_url(&mut part.xml, url);
        let full = count >= limits.urls || part.xml.len() + FOOTER.len() > limits.bytes;
        if count > 0 && full {
            let entry = part.xml.split_off(start);
            part.xml.push_str(FOOTER);
            parts.push(std::mem::replace(&mut part, Part::new(capacity)));
            part.xml.push_str(&entry);
            count = 0;
        }
        count += 1;
        // `YYYY-MM-DD` dates sort as text.
        if url.lastmod > part.lastmod {
            part.lastmod.clone_from(&url.lastmod);
        }
    }
    part.xml.push_str(FOOTER);
    parts.push(part);
    parts
}

/// One `<url>` entry with its alternates.
fn write_url(out: &mut String, url: &Url) {
    out.push_str("  <url>\n    <loc>");
    crate::escape::xml_into(out, &url.loc);
    out.push_str("</loc>\n");
    if let Some(lastmod) = &url.lastmod {
        out.push_str("    <lastmod>");
        crate::escape::xml_into(out, lastmod);
        out.push_str("</lastmod>\n");
    }
    let x_default = url.x_default.as_deref().map(|href| ("x-default", href));
    for (hreflang, href) in url.alternates.iter().map(|(l, h)| (l.as_str(), h.as_str())).chain(x_default) {
        out.push_str(r#"    <xhtml:link rel="alternate" hreflang=""#);
        crate::escape::xml_into(out, hreflang);
        out.push_str(r#"" href=""#);
        crate::escape::xml_into(out, href);
        out.push_str("\"/>\n");
    }
    out.push_str("  </url>\n");
}

/// The sitemap index over `parts`, published as the children of `base`.
fn index(parts: &[Part], base: &str) -> String {
    let mut out = String::with_capacity(INDEX_HEADER.len() + parts.len() * 120);
    out.push_str(INDEX_HEADER);
    for (n, part) in parts.iter().enumerate() {
        out.push_str("  <sitemap>\n    <loc>");
        crate::escape::xml_into(&mut out, &format!("{base}{}", child_name(n + 1)));
        out.push_str("</loc>\n");
        if let Some(lastmod) = &part.lastmod {
            out.push_str("    <lastmod>");
            crate::escape::xml_into(&mut out, lastmod);
            out.push_str("</lastmod>\n");
        }
        out.push_str("  </sitemap>\n");
    }
    out.push_str(INDEX_FOOTER);
    out
}

/// The `robots.txt` that allows everything and names the sitemap.
pub(crate) fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
    const BASE: &str = "https://example.org/coop/";

    fn url(loc: &str, lastmod: Option<&str>, alternates: &[(&str, &str)], x_default: Option<&str>) -> Url {
        Url {
            loc: loc.to_owned(),
            lastmod: lastmod.map(str::to_owned),
            alternates: alternates.iter().map(|(l, h)| ((*l).to_owned(), (*h).to_owned())).collect(),
            x_default: x_default.map(str::to_owned),
        }
    }

    fn bilingual() -> Vec<Url> {
        let fr = "https://example.org/coop/fr/actualites/lancement/";
        let en = "https://example.org/coop/en/news/launch/";
        let pairs = [("fr", fr), ("en", en)];
        vec![
            url(fr, Some("2026-02-06"), &pairs, Some(fr)),
            url(en, Some("2026-02-07"), &pairs, Some(fr)),
            url("https://example.org/coop/fr/mentions-legales/", None, &[], None),
        ]
    }

    /// `n` news in French and English, each language version listed after
    /// the other (as the site lists them: every French page, then every
    /// English one), the `i`-th dated on day `i + 1` of January.
    fn news(n: usize) -> Vec<Url> {
        let pair = |i: usize| {
            (
                format!("{BASE}fr/actualites/article-{i}/"),
                format!("{BASE}en/news/article-{i}/"),
                format!("2026-01-{:02}", i + 1),
            )
        };
        let mut out = Vec::new();
        for lang in ["fr", "en"] {
            for i in 0..n {
                let (fr, en, date) = pair(i);
                let own = if lang == "fr" { &fr } else { &en };
                out.push(url(own, Some(&date), &[("fr", &fr), ("en", &en)], Some(&fr)));
            }
        }
        out
    }

    /// The single `sitemap.xml` of `urls` within the protocol's limits.
    fn sitemap(urls: &[Url]) -> String {
        let mut files = sitemaps(urls, BASE, PROTOCOL);
        assert_eq!(files.len(), 1, "a small site has one sitemap file");
        files.remove(0)
    }

    /// What a crawler reads from one `<url>`: loc, lastmod and the
    /// (hreflang, href) of each `xhtml:link`.
    type Entry = (String, Option<String>, Vec<(String, String)>);

    /// The text of the child element `name` (in the sitemap namespace) of `node`.
    fn text_of(node: roxmltree::Node, name: &str) -> Option<String> {
        node.children().find(|n| n.has_tag_name((SITEMAP_NS, name))).and_then(|n| n.text()).map(str::to_owned)
    }

    /// Reads a sitemap with an independent XML parser, checking namespaces.
    fn parse(xml: &str) -> Vec<Entry> {
        let doc = roxmltree::Document::parse(xml).expect("the sitemap is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "urlset");
        assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
        root.children()
            .filter(roxmltree::Node::is_element)
            .map(|entry| {
                assert_eq!(entry.tag_name().name(), "url");
                assert_eq!(entry.tag_name().namespace(), Some(SITEMAP_NS));
                let links = entry
                    .children()
                    .filter(|n| n.tag_name().name() == "link")
                    .map(|link| {
                        assert_eq!(link.tag_name().namespace(), Some(XHTML_NS), "xhtml:link is in the XHTML namespace");
                        assert_eq!(link.attribute("rel"), Some("alternate"));
                        (link.attribute("hreflang").unwrap().to_owned(), link.attribute("href").unwrap().to_owned())
                    })
                    .collect();
                (text_of(entry, "loc").expect("every <url> has a <loc>"), text_of(entry, "lastmod"), links)
            })
            .collect()
    }

    /// Reads a sitemap index: the (loc, lastmod) of each `<sitemap>`.
    fn parse_index(xml: &str) -> Vec<(String, Option<String>)> {
        let doc = roxmltree::Document::parse(xml).expect("the sitemap index is well-formed XML");
        let root = doc.root_element();
        assert!(root.has_tag_name((SITEMAP_NS, "sitemapindex")), "sitemap.xml is an index");
        root.children()
            .filter(roxmltree::Node::is_element)
            .map(|entry| {
                assert!(entry.has_tag_name((SITEMAP_NS, "sitemap")));
                (text_of(entry, "loc").expect("every <sitemap> has a <loc>"), text_of(entry, "lastmod"))
            })
            .collect()
    }

    /// Splits `urls` with `limits` into an index and its children, checking
    /// that the index names the children in order; returns the children's
    /// entries and the index's lastmods.
    fn split_with(urls: &[Url], limits: Limits) -> (Vec<Vec<Entry>>, Vec<Option<String>>) {
        let files = sitemaps(urls, BASE, limits);
        let index = parse_index(&files[0]);
        assert_eq!(index.len(), files.len() - 1, "the index names every child");
        for (n, (loc, _)) in index.iter().enumerate() {
            assert_eq!(*loc, format!("{BASE}sitemap-{}.xml", n + 1));
        }
        for child in &files[1..] {
            assert!(
                child.len() <= limits.bytes,
                "a child of {} bytes is past the limit of {}",
                child.len(),
                limits.bytes
            );
        }
        let children = files[1..].iter().map(|xml| parse(xml)).collect();
        (children, index.into_iter().map(|(_, lastmod)| lastmod).collect())
    }

    fn locs(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|(loc, _, _)| loc.as_str()).collect()
    }

    #[test]
    fn every_url_is_listed_once_in_the_order_given_with_its_loc_and_lastmod() {
        let entries = parse(&sitemap(&bilingual()));
        let locs: Vec<_> = entries.iter().map(|(loc, lastmod, _)| (loc.as_str(), lastmod.as_deref())).collect();
        assert_eq!(
            locs,
            [
                ("https://example.org/coop/fr/actualites/lancement/", Some("2026-02-06")),
                ("https://example.org/coop/en/news/launch/", Some("2026-02-07")),
                ("https://example.org/coop/fr/mentions-legales/", None),
            ]
        );
    }

    #[test]
    fn a_small_site_gets_one_urlset_written_as_ever() {
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://example.org/coop/fr/actualites/lancement/</loc>
    <lastmod>2026-02-06</lastmod>
    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/coop/fr/actualites/lancement/"/>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/coop/en/news/launch/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/coop/fr/actualites/lancement/"/>
  </url>
  <url>
    <loc>https://example.org/coop/en/news/launch/</loc>
    <lastmod>2026-02-07</lastmod>
    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/coop/fr/actualites/lancement/"/>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/coop/en/news/launch/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/coop/fr/actualites/lancement/"/>
  </url>
  <url>
    <loc>https://example.org/coop/fr/mentions-legales/</loc>
  </url>
</urlset>
"#;
        assert_eq!(sitemap(&bilingual()), expected);
    }

    #[test]
    fn translations_carry_reciprocal_hreflang_links_and_x_default() {
        let entries = parse(&sitemap(&bilingual()));
        let expected = [
            ("fr", "https://example.org/coop/fr/actualites/lancement/"),
            ("en", "https://example.org/coop/en/news/launch/"),
            ("x-default", "https://example.org/coop/fr/actualites/lancement/"),
        ]
        .map(|(l, h)| (l.to_owned(), h.to_owned()));
        assert_eq!(entries[0].2, expected);
        assert_eq!(entries[1].2, expected);
        assert!(entries[2].2.is_empty(), "a page without translations has no xhtml:link");
    }

    #[test]
    fn ampersands_and_other_markup_characters_in_urls_are_escaped() {
        let loc = "https://example.org/?a=1&b=<2>&c=\"3\"&d='4'";
        let xml = sitemap(&[url(loc, None, &[("fr", loc)], Some(loc))]);
        assert!(xml.contains("?a=1&amp;b=&lt;2&gt;&amp;c=&quot;3&quot;&amp;d=&apos;4&apos;"));
        let entries = parse(&xml);
        assert_eq!(entries[0].0, loc);
        assert_eq!(entries[0].2, [("fr".to_owned(), loc.to_owned()), ("x-default".to_owned(), loc.to_owned())]);
    }

    #[test]
    fn an_empty_site_gives_a_valid_empty_urlset() {
        assert!(parse(&sitemap(&[])).is_empty());
    }

    #[test]
    fn a_site_at_the_limits_keeps_one_urlset() {
        let urls = news(2);
        let one = sitemaps(&urls, BASE, PROTOCOL);
        let exact = Limits { urls: 4, bytes: one[0].len() };
        assert_eq!(sitemaps(&urls, BASE, exact), one, "4 URLs in exactly the bytes allowed fit one file");
    }

    #[test]
    fn past_the_url_limit_sitemap_xml_is_an_index_over_children_filled_in_order() {
        let urls = news(4);
        let (children, lastmods) = split_with(&urls, Limits { urls: 3, bytes: PROTOCOL.bytes });
        let counts: Vec<usize> = children.iter().map(Vec::len).collect();
        assert_eq!(counts, [3, 3, 2], "each child is filled up to the limit");
        let listed: Vec<&str> = children.iter().flat_map(|entries| locs(entries)).collect();
        let given: Vec<&str> = urls.iter().map(|u| u.loc.as_str()).collect();
        assert_eq!(listed, given, "every URL once, in the order given");
        // Child 1: fr 0-2; child 2: fr 3, en 0-1; child 3: en 2-3.
        let newest = ["2026-01-03", "2026-01-04", "2026-01-04"].map(|d| Some(d.to_owned()));
        assert_eq!(lastmods, newest, "each child is dated by its newest URL");
    }

    #[test]
    fn a_child_without_dates_has_no_lastmod_in_the_index() {
        let page = |i: usize| url(&format!("{BASE}fr/page-{i}/"), None, &[], None);
        let urls = [page(1), page(2), url(&format!("{BASE}fr/n/"), Some("2026-03-01"), &[], None)];
        let (_, lastmods) = split_with(&urls, Limits { urls: 2, bytes: PROTOCOL.bytes });
        assert_eq!(lastmods, [None, Some("2026-03-01".to_owned())]);
    }

    #[test]
    fn past_the_byte_limit_each_child_stays_within_it() {
        let urls = news(10);
        let whole = sitemaps(&urls, BASE, PROTOCOL).remove(0);
        let limit = whole.len() / 4;
        let (children, _) = split_with(&urls, Limits { urls: 50_000, bytes: limit });
        assert!(children.len() >= 4, "{} children for a quarter of the bytes", children.len());
        let listed: Vec<&str> = children.iter().flat_map(|entries| locs(entries)).collect();
        assert_eq!(listed.len(), urls.len(), "every URL is listed once");
        // Filled up to the limit: the first URL of each child would not fit
        // in the one before it.
        let files = sitemaps(&urls, BASE, Limits { urls: 50_000, bytes: limit });
        for (file, next) in files[1..].iter().zip(&children[1..]) {
            let first = urls.iter().find(|u| u.loc == next[0].0).unwrap();
            let mut entry = String::new();
            write_url(&mut entry, first);
            assert!(file.len() + entry.len() > limit, "a child was closed before it was full");
        }
    }

    #[test]
    fn a_url_larger_than_the_byte_limit_gets_a_child_of_its_own() {
        let files = sitemaps(&news(1), BASE, Limits { urls: 10, bytes: 10 });
        assert_eq!(parse_index(&files[0]).len(), 2);
        let counts: Vec<usize> = files[1..].iter().map(|xml| parse(xml).len()).collect();
        assert_eq!(counts, [1, 1], "no URL is dropped, and none shares a child past the limit");
    }

    #[test]
    fn alternates_stay_complete_and_reciprocal_whatever_child_a_translation_lands_in() {
        let urls = news(3);
        let (children, _) = split_with(&urls, Limits { urls: 2, bytes: PROTOCOL.bytes });
        let child_of = |loc: &str| children.iter().position(|entries| locs(entries).contains(&loc)).unwrap();
        let fr = format!("{BASE}fr/actualites/article-2/");
        let en = format!("{BASE}en/news/article-2/");
        assert_ne!(child_of(&fr), child_of(&en), "the test splits a pair of translations");
        let entries: Vec<&Entry> = children.iter().flatten().collect();
        for (loc, _, links) in &entries {
            assert_eq!(links.len(), 3, "{loc} keeps fr, en and x-default");
            let own = &links.iter().find(|(_, href)| href == loc).expect("a page is among its alternates").0;
            for (lang, href) in links.iter().filter(|(lang, _)| lang != "x-default") {
                let (_, _, back) = entries.iter().find(|(l, _, _)| l == href).expect("every alternate is listed");
                assert!(back.iter().any(|(l, h)| l == own && h == loc), "{loc} → {href} ({lang}) is not reciprocal");
            }
        }
    }

    #[test]
    fn robots_allows_everything_and_names_the_sitemap() {
        assert_eq!(
            robots("https://example.org/coop/sitemap.xml"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/coop/sitemap.xml\n"
        );
    }
}
