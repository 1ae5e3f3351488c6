//! A site past the sitemaps.org limit of 50,000 URLs per file: its
//! `sitemap.xml` becomes an index over numbered children that each keep the
//! protocol's limits and every page's reciprocal hreflang alternates; and a
//! dev-server rebuild that shrinks the site below the limit leaves no child
//! behind.
//!
//! Both tests build over 100,000 content pages, so they are ignored by
//! default. Run them in release:
//! `cargo test --release --test sitemap_scale -- --ignored`.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use common::{Site, build_options};
use passerelle::builder::Builder;
use passerelle::output::{Files, Memory};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
const BASE: &str = "https://example.org/prog/";
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 52_428_800;

/// French news written; every hundredth has no English translation.
const NEWS: usize = 50_600;

/// The French and English files of news `i` (English none for every
/// hundredth), dated over a century so lists and feeds have dates to sort.
fn news_files(i: usize) -> Vec<(String, String)> {
    let date = format!("{}-{:02}-{:02}", 1900 + i % 120, 1 + (i / 120) % 12, 1 + (i / 1440) % 28);
    let mut files = vec![(
        format!("content/news/n{i}.fr.md"),
        format!("---\ntitle: Actualité {i}\ndate: {date}\n---\nLe texte de l'actualité {i}.\n"),
    )];
    if !i.is_multiple_of(100) {
        files.push((format!("content/news/n{i}.en.md"), format!("---\ntitle: News {i}\n---\nThe text of news {i}.\n")));
    }
    files
}

/// The minimal bilingual site with `NEWS` French news and their translations.
fn large_site() -> Site {
    let site = Site::minimal();
    for i in 0..NEWS {
        for (path, text) in news_files(i) {
            site.write(&path, &text);
        }
    }
    site
}

/// The output file that serves an absolute URL of the site.
fn file_of(url: &str) -> String {
    let rest = url.strip_prefix(BASE).unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
}

/// The text of the child element `name` (in the sitemap namespace) of `node`.
fn text_of<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children().find(|n| n.has_tag_name((SITEMAP_NS, name))).and_then(|n| n.text())
}

/// One `<url>` as a crawler reads it: loc, lastmod, (hreflang, href) of each alternate.
type Entry = (String, Option<String>, Vec<(String, String)>);

/// The `<url>` entries of a urlset, checking its root element.
fn urlset(xml: &str, name: &str) -> Vec<Entry> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
    assert!(doc.root_element().has_tag_name((SITEMAP_NS, "urlset")), "{name} is a urlset");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((SITEMAP_NS, "url")))
        .map(|url| {
            let links = url
                .children()
                .filter(|n| n.has_tag_name((XHTML_NS, "link")))
                .map(|l| (l.attribute("hreflang").unwrap().to_string(), l.attribute("href").unwrap().to_string()))
                .collect();
            let loc = text_of(url, "loc").unwrap_or_else(|| panic!("{name}: a <url> without <loc>"));
            (loc.to_string(), text_of(url, "lastmod").map(str::to_string), links)
        })
        .collect()
}

/// The (loc, lastmod) of each `<sitemap>` of a sitemap index.
fn index(xml: &str) -> Vec<(String, Option<String>)> {
    let doc = roxmltree::Document::parse(xml).expect("sitemap.xml is well-formed XML");
    assert!(doc.root_element().has_tag_name((SITEMAP_NS, "sitemapindex")), "sitemap.xml is a sitemap index");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((SITEMAP_NS, "sitemap")))
        .map(|s| {
            (text_of(s, "loc").expect("a <sitemap> has a <loc>").to_string(), text_of(s, "lastmod").map(str::to_string))
        })
        .collect()
}

#[test]
#[ignore = "builds 100,000+ pages: run in release with --ignored"]
fn a_site_past_50_000_urls_publishes_a_sitemap_index_whose_children_keep_the_protocol() {
    let started = Instant::now();
    let site = large_site();
    let written = started.elapsed();
    let started = Instant::now();
    site.build_ok();
    eprintln!(
        "wrote {} content files in {written:.1?}, built in {:.1?}",
        NEWS * 2 - NEWS / 100 + 12,
        started.elapsed()
    );

    assert!(site.read("robots.txt").contains(&format!("Sitemap: {BASE}sitemap.xml\n")), "robots.txt names the index");
    let children = index(&site.read("sitemap.xml"));
    assert!(children.len() >= 3, "over 100,000 pages need at least 3 children, got {}", children.len());
    let mut entries: Vec<Entry> = Vec::new();
    for (n, (loc, lastmod)) in (1..).zip(&children) {
        let name = format!("sitemap-{n}.xml");
        assert_eq!(*loc, format!("{BASE}{name}"), "children are numbered in order at the root");
        let bytes = std::fs::metadata(site.output(&name)).unwrap_or_else(|e| panic!("{name}: {e}")).len();
        assert!(bytes as usize <= MAX_BYTES, "{name} has {bytes} bytes");
        let urls = urlset(&site.read(&name), &name);
        assert!(!urls.is_empty() && urls.len() <= MAX_URLS, "{name} has {} URLs", urls.len());
        let newest = urls.iter().filter_map(|(_, lastmod, _)| lastmod.clone()).max();
        assert_eq!(*lastmod, newest, "{name} is dated by its newest URL in the index");
        entries.extend(urls);
    }
    let sitemaps: Vec<String> = site.files().into_iter().filter(|f| f.starts_with("sitemap")).collect();
    assert_eq!(sitemaps.len(), children.len() + 1, "no other sitemap file: {sitemaps:?}");

    let by_loc: HashMap<&str, &Vec<(String, String)>> = entries.iter().map(|(loc, _, l)| (loc.as_str(), l)).collect();
    assert_eq!(by_loc.len(), entries.len(), "every page is listed once");
    let html_pages = site.files().iter().filter(|f| f.ends_with("index.html") && *f != "index.html").count();
    assert_eq!(entries.len(), html_pages, "every page but the root chooser is listed");
    assert!(entries.len() > 100_000, "{} URLs", entries.len());
    for (loc, _, links) in &entries {
        assert!(site.output(&file_of(loc)).is_file(), "{loc} is not in the output");
        let own =
            &links.iter().find(|(_, href)| href == loc).unwrap_or_else(|| panic!("{loc} is not its own alternate")).0;
        for (lang, href) in links.iter().filter(|(lang, _)| lang != "x-default") {
            let back = by_loc.get(href.as_str()).unwrap_or_else(|| panic!("{loc} → {href} ({lang}) is not listed"));
            assert!(back.iter().any(|(l, h)| l == own && h == loc), "{loc} → {href} ({lang}) is not reciprocal");
        }
    }
    eprintln!("{} URLs in {} children, checked in {:.1?} in all", entries.len(), children.len(), started.elapsed());
}

/// The sitemap files of a built site, by path.
fn sitemap_files(files: &Files) -> BTreeMap<&str, &[u8]> {
    files.iter().filter(|(path, _)| path.starts_with("sitemap")).map(|(p, b)| (p.as_str(), b.as_slice())).collect()
}

/// The paths that differ between two builds.
fn differences(incremental: &Files, full: &Files) -> Vec<String> {
    let mut out: Vec<String> = full
        .iter()
        .filter(|(path, bytes)| incremental.get(*path) != Some(*bytes))
        .map(|(path, _)| format!("missing or different: {path}"))
        .collect();
    out.extend(incremental.keys().filter(|path| !full.contains_key(*path)).map(|path| format!("left over: {path}")));
    out.sort();
    out
}

#[test]
#[ignore = "builds 100,000+ pages: run in release with --ignored"]
fn a_rebuild_that_shrinks_the_site_below_the_limit_leaves_no_sitemap_child_and_growing_back_restores_them() {
    let started = Instant::now();
    let lap = |what: &str| eprintln!("{what}: {:.1?}", started.elapsed());
    let site = large_site();
    let memory = Memory::default();
    let mut builder = Builder::new(build_options(site.root()));
    let large = {
        let report = builder.build(&memory).unwrap();
        assert!(report.summary.is_some(), "{:?}", report.diagnostics.sorted());
        memory.snapshot()
    };
    assert!(sitemap_files(&large).contains_key("sitemap-3.xml"), "the large site has children");
    lap("large site written and built");

    // Every news aside at once (deleting 100,000 files one by one takes minutes).
    let (news, aside) = (site.root().join("content/news"), site.root().join("news-aside"));
    std::fs::rename(&news, &aside).unwrap();
    let report = builder.build(&memory).unwrap();
    assert!(report.summary.is_some(), "{:?}", report.diagnostics.sorted());
    let small = memory.snapshot();
    assert_eq!(sitemap_files(&small).keys().copied().collect::<Vec<_>>(), ["sitemap.xml"], "no child is left");
    let fresh = Memory::default();
    Builder::new(build_options(site.root())).build(&fresh).unwrap();
    let diff = differences(&small, &fresh.snapshot());
    assert!(diff.is_empty(), "the shrunk site differs from a full build:\n{}", diff.join("\n"));
    lap("shrunk, rebuilt and compared");

    std::fs::rename(&aside, &news).unwrap();
    builder.build(&memory).unwrap();
    let diff = differences(&memory.snapshot(), &large);
    assert!(diff.is_empty(), "the grown site differs from its first build:\n{}", diff.join("\n"));
    lap("grown, rebuilt and compared");
}
