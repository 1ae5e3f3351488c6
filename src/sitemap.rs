//! Owns the two files that speak to search-engine crawlers: `sitemap.xml`
//! (the sitemaps.org 0.9 protocol, with the `xhtml:link` hreflang alternates
//! that tell crawlers which pages are translations of each other) and
//! `robots.txt`, which points to it.
//!
//! It only writes text from URLs it is given: deciding which pages are
//! listed, their order and their alternates belongs to the caller. No I/O.
//!
//! A sitemap may hold at most 50,000 URLs and 50 MB; past that a sitemap
//! index over several files is needed, which this module does not write.

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

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
"#;

/// The `sitemap.xml` listing `urls` in the order given.
pub(crate) fn sitemap(urls: &[Url]) -> String {
    let mut out = String::with_capacity(HEADER.len() + urls.len() * 320);
    out.push_str(HEADER);
    for url in urls {
        out.push_str("  <url>\n    <loc>");
        crate::escape::xml_into(&mut out, &url.loc);
        out.push_str("</loc>\n");
        if let Some(lastmod) = &url.lastmod {
            out.push_str("    <lastmod>");
            crate::escape::xml_into(&mut out, lastmod);
            out.push_str("</lastmod>\n");
        }
        let x_default = url.x_default.as_deref().map(|href| ("x-default", href));
        for (hreflang, href) in url.alternates.iter().map(|(l, h)| (l.as_str(), h.as_str())).chain(x_default) {
            out.push_str(r#"    <xhtml:link rel="alternate" hreflang=""#);
            crate::escape::xml_into(&mut out, hreflang);
            out.push_str(r#"" href=""#);
            crate::escape::xml_into(&mut out, href);
            out.push_str("\"/>\n");
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
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

    /// What a crawler reads from one `<url>`: loc, lastmod and the
    /// (hreflang, href) of each `xhtml:link`.
    type Entry = (String, Option<String>, Vec<(String, String)>);

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
                let child = |name: &str| {
                    entry
                        .children()
                        .find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(SITEMAP_NS))
                        .and_then(|n| n.text())
                        .map(str::to_owned)
                };
                let links = entry
                    .children()
                    .filter(|n| n.tag_name().name() == "link")
                    .map(|link| {
                        assert_eq!(link.tag_name().namespace(), Some(XHTML_NS), "xhtml:link is in the XHTML namespace");
                        assert_eq!(link.attribute("rel"), Some("alternate"));
                        (link.attribute("hreflang").unwrap().to_owned(), link.attribute("href").unwrap().to_owned())
                    })
                    .collect();
                (child("loc").expect("every <url> has a <loc>"), child("lastmod"), links)
            })
            .collect()
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
    fn robots_allows_everything_and_names_the_sitemap() {
        assert_eq!(
            robots("https://example.org/coop/sitemap.xml"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/coop/sitemap.xml\n"
        );
    }
}
