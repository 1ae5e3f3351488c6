//! The search index a build publishes, read back file by file and queried
//! the way the search page's script queries it (themes/default/static/
//! search.js): fold the word, read its shard, find its stem, decode the
//! stem's documents; for a form the site never uses, the longest stem of
//! the shard that begins it.

mod common;

use std::collections::HashMap;

use common::Site;
use common::postings::decode;
use serde_json::Value;

/// A bilingual site where each idea is written in one form only, so that
/// finding it from another form needs stems.
fn site() -> Site {
    let site = Site::minimal();
    site.write(
        "content/news/cooperation.fr.md",
        "---\ntitle: La Coopération décentralisée\ndate: 2026-03-01\n---\n\
         Les régions partenaires renforcent leur coopération.\n\n## Bilan\n\nUn partenariat durable.\n",
    );
    site.write(
        "content/news/cooperation.en.md",
        "---\ntitle: Decentralised cooperation\n---\nRegional partnerships grow stronger.\n\n\
         ## Outcome\n\nStudies of the programme.\n",
    );
    site.write(
        "content/news/eau.fr.md",
        "---\ntitle: L'eau potable\ndate: 2026-01-15\n---\nUn projet d'accès à l'eau.\n",
    );
    site.write("content/news/eau.en.md", "---\ntitle: Drinking water\n---\nA water access project.\n");
    site.build_ok();
    site
}

/// One language's index, as the search page reads it.
struct Index<'a> {
    site: &'a Site,
    folder: String,
    meta: Value,
}

impl<'a> Index<'a> {
    fn open(site: &'a Site, lang: &str) -> Index<'a> {
        let folder = format!("{lang}/search-index/");
        let meta = json(site, &format!("{folder}meta.json"));
        Index { site, folder, meta }
    }

    fn file(&self, path: &str) -> Value {
        json(self.site, &format!("{}{path}", self.folder))
    }

    /// search.js `shardOf`: the last shard whose first word is not after `word`.
    fn shard_of(&self, word: &str) -> usize {
        let firsts = self.meta["shards"].as_array().unwrap();
        firsts.iter().rposition(|first| first.as_str().unwrap() <= word).unwrap_or(0)
    }

    /// The URLs of the documents matching one query word (search.js
    /// `matchWord` for a whole word), newest first.
    fn find(&self, typed: &str) -> Vec<String> {
        let word = fold(typed);
        let n = self.shard_of(&word);
        let shard = self.file(&format!("terms/{n}.json"));
        let strings = |key: &str| -> Vec<String> {
            shard[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
        };
        let (words, stems) = (strings("words"), strings("stems"));
        let stem = match words.binary_search(&word) {
            Ok(at) => Some(shard["stem"][at].as_u64().unwrap() as usize),
            Err(_) => {
                let min = 3.max(word.len().div_ceil(2));
                (min..=word.len()).rev().find_map(|len| stems.binary_search(&word[..len].to_owned()).ok())
            }
        };
        let Some(stem) = stem else { return Vec::new() };
        let total = self.meta["docs"].as_u64().unwrap() as u32;
        let docs = decode(shard["docs"][stem].as_str().unwrap(), total);
        docs.into_iter().map(|doc| self.url(doc)).collect()
    }

    fn url(&self, doc: u32) -> String {
        let per_page = self.meta["page"].as_u64().unwrap() as u32;
        let page = self.file(&format!("docs/{}.json", doc / per_page));
        let row = &page[(doc % per_page) as usize];
        format!("{}{}", self.meta["prefix"].as_str().unwrap(), row[0].as_str().unwrap())
    }
}

fn json(site: &Site, path: &str) -> Value {
    serde_json::from_str(&site.read(path)).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// Lowercase and accents dropped, for the accented letters of these tests
/// (search.js folds every Latin accent; tests/browser/search_fold.test.mjs
/// checks it folds as the build does).
fn fold(word: &str) -> String {
    let accents: HashMap<char, char> =
        [('é', 'e'), ('è', 'e'), ('ê', 'e'), ('à', 'a'), ('ç', 'c'), ('ô', 'o')].into_iter().collect();
    word.to_lowercase().chars().map(|c| accents.get(&c).copied().unwrap_or(c)).collect()
}

#[test]
fn french_words_are_found_by_their_stem_whatever_their_accents_case_and_ending() {
    let site = site();
    let fr = Index::open(&site, "fr");
    assert_eq!(fr.meta["stemmer"], "french");
    // The project says "coopérer": the same stem.
    let both = ["/prog/fr/actualites/cooperation/", "/prog/fr/projets/coopjop/"];
    for typed in
        ["coopération", "Coopération", "cooperation", "cooperations", "COOPERATIONS", "coopérations", "coopérer"]
    {
        assert_eq!(fr.find(typed), both, "{typed}");
    }
    let news = ["/prog/fr/actualites/cooperation/"];
    for typed in ["Partenariats", "bilan", "durables"] {
        assert_eq!(fr.find(typed), news, "{typed}: a form never written, or in a heading");
    }
    assert_eq!(
        fr.find("Régionales"),
        ["/prog/fr/actualites/cooperation/", "/prog/fr/partenaires/lombardia/", "/prog/fr/partenaires/region-sud/"],
        "the longest stem that begins it: région"
    );
    assert_eq!(fr.find("eaux"), ["/prog/fr/actualites/eau/"]);
    assert!(fr.find("partnership").is_empty(), "English words are not in the French index");
}

#[test]
fn english_words_are_found_by_their_stem_whatever_their_case_and_ending() {
    let site = site();
    let en = Index::open(&site, "en");
    assert_eq!(en.meta["stemmer"], "english");
    for typed in ["partnership", "Partnerships", "PARTNERSHIP"] {
        assert_eq!(en.find(typed), ["/prog/en/news/cooperation/"], "{typed}");
    }
    // The project says "cooperate": the same stem.
    for typed in ["cooperation", "Cooperations", "COOPERATING"] {
        assert_eq!(en.find(typed), ["/prog/en/news/cooperation/", "/prog/en/projects/coopjop/"], "{typed}");
    }
    assert_eq!(en.find("waters"), ["/prog/en/news/eau/"]);
}

#[test]
fn documents_are_numbered_newest_first_with_their_title_and_text() {
    let site = site();
    let fr = Index::open(&site, "fr");
    let first = fr.file("docs/0.json");
    assert_eq!(first[0][0], "actualites/cooperation/");
    assert_eq!(first[0][1], "La Coopération décentralisée", "the title as written");
    assert_eq!(first[0][3], "2026-03-01");
    assert_eq!(
        first[0][4], "Les régions partenaires renforcent leur coopération. Bilan Un partenariat durable.",
        "the text, headings included, for excerpts"
    );
    let dates: Vec<&str> = first.as_array().unwrap().iter().map(|d| d[3].as_str().unwrap()).collect();
    let dated = dates.iter().take_while(|d| !d.is_empty()).count();
    assert!(dated >= 4 && dates[..dated].is_sorted_by(|a, b| a >= b), "newest first: {dates:?}");
    assert!(dates[dated..].iter().all(|d| d.is_empty()), "undated last: {dates:?}");
}

#[test]
fn the_search_page_points_to_its_language_index() {
    let site = site();
    let page = site.html("fr/recherche/index.html");
    assert_eq!(page.attrs("form[data-index]", "data-index"), ["/prog/fr/search-index/meta.json"]);
    assert!(site.exists("en/search-index/meta.json") && site.exists("en/search/index.html"));
    assert!(!site.exists("fr/search.json"), "the index of version 1 is gone");
}

#[test]
fn without_javascript_the_search_page_lists_content_by_type_and_links_every_news() {
    let site = site();
    let page = site.html("en/search/index.html");
    let links = page.attrs("[data-search-fallback] a", "href");
    for url in ["/prog/en/news/cooperation/", "/prog/en/projects/coopjop/", "/prog/en/news/"] {
        assert!(links.contains(&url.to_owned()), "{url} in {links:?}");
    }
}
