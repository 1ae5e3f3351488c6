//! Owns the files one language's index is published as: a small
//! `meta.json`, term shards (`terms/<n>.json`) that each cover a range of
//! the sorted words, and pages of documents (`docs/<n>.json`). The search
//! page fetches the meta file, then only the shards of the words typed and
//! the pages of the documents it shows. Turns an [`Index`] into JSON text;
//! no I/O. The format is documented in `src/search.rs`.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;

use super::fold::stop_words;
use super::index::{Index, Kept};
use super::postings::encode;

/// Version of the format, bumped on any incompatible change.
const VERSION: u32 = 2;
/// A term shard is closed once it would pass this size in bytes (a shard
/// holds at least one word, whatever its size).
const SHARD_BYTES: usize = 48 * 1024;
/// Documents per page of `docs/`.
const DOCS_PER_PAGE: usize = 32;

/// The files of one language's index: (path relative to the index
/// folder, JSON text), `meta.json` first.
pub(crate) fn files(index: &Index, lang: &str) -> Vec<(String, String)> {
    let total = u32::try_from(index.docs.len()).unwrap_or(u32::MAX);
    let prefix = common_prefix(&index.docs);
    let mut kinds: Vec<&str> = Vec::new();
    let mut rows = Vec::with_capacity(index.docs.len());
    for doc in &index.docs {
        let kind = kinds.iter().position(|k| *k == doc.kind).unwrap_or_else(|| {
            kinds.push(&doc.kind);
            kinds.len() - 1
        });
        rows.push((&doc.url[prefix.len()..], doc.title.as_str(), kind, doc.day.as_str(), doc.text.as_str()));
    }
    let mut files = Vec::new();
    let mut firsts = Vec::new();
    let encoded: Vec<(String, String)> = index
        .postings
        .iter()
        .zip(&index.titles)
        .map(|(docs, titles)| (encode(docs, total), encode(titles, total)))
        .collect();
    for (first, shard) in term_shards(index, &encoded) {
        firsts.push(first);
        files.push((format!("terms/{}.json", files.len()), to_json(&shard)));
    }
    for (page, docs) in rows.chunks(DOCS_PER_PAGE).enumerate() {
        files.push((format!("docs/{page}.json"), to_json(&docs)));
    }
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    let meta = Meta {
        version: VERSION,
        lang,
        stemmer: index.stemmer,
        prefix,
        kinds,
        stop: stop_words(),
        docs: total,
        page: DOCS_PER_PAGE,
        shards: firsts,
        v: format!("{:016x}", hasher.finish()),
    };
    files.insert(0, ("meta.json".to_owned(), to_json(&meta)));
    files
}

/// `meta.json`, fields in the documented order.
#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    lang: &'a str,
    stemmer: &'a str,
    prefix: &'a str,
    kinds: Vec<&'a str>,
    stop: &'a [&'a str],
    docs: u32,
    page: usize,
    shards: Vec<&'a str>,
    v: String,
}

/// One `terms/<n>.json`.
#[derive(Serialize, Default)]
struct Shard<'a> {
    words: Vec<&'a str>,
    stem: Vec<usize>,
    stems: Vec<&'a str>,
    docs: Vec<&'a str>,
    titles: Vec<&'a str>,
}

/// The term shards with the first word of each: consecutive ranges of the
/// sorted words, each with the stems of its words (their postings
/// `encoded`). A stem whose words fall in two shards is in both.
fn term_shards<'a>(index: &'a Index, encoded: &'a [(String, String)]) -> Vec<(&'a str, Shard<'a>)> {
    let stem_size = |stem: usize| index.stems[stem].len() + encoded[stem].0.len() + encoded[stem].1.len() + 12;
    let mut shards = Vec::new();
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut local: HashSet<usize> = HashSet::new();
    let mut size = 0;
    for (word, stem) in &index.words {
        let stem = *stem as usize;
        let word_size = word.len() + 8;
        let cost = word_size + if local.contains(&stem) { 0 } else { stem_size(stem) };
        if size + cost > SHARD_BYTES && !words.is_empty() {
            shards.push(shard(index, encoded, std::mem::take(&mut words)));
            local.clear();
            size = 0;
        }
        size += word_size + if local.insert(stem) { stem_size(stem) } else { 0 };
        words.push((word, stem));
    }
    if !words.is_empty() {
        shards.push(shard(index, encoded, words));
    }
    shards
}

/// One shard of `words` (sorted, with their global stem numbers), its
/// stems sorted and numbered from 0.
fn shard<'a>(index: &'a Index, encoded: &'a [(String, String)], words: Vec<(&'a str, usize)>) -> (&'a str, Shard<'a>) {
    let mut stems: Vec<usize> = words.iter().map(|(_, stem)| *stem).collect();
    stems.sort_unstable_by_key(|&stem| &index.stems[stem]);
    stems.dedup();
    let local: HashMap<usize, usize> = stems.iter().enumerate().map(|(i, &stem)| (stem, i)).collect();
    let shard = Shard {
        words: words.iter().map(|(word, _)| *word).collect(),
        stem: words.iter().map(|(_, stem)| local[stem]).collect(),
        stems: stems.iter().map(|&stem| index.stems[stem].as_str()).collect(),
        docs: stems.iter().map(|&stem| encoded[stem].0.as_str()).collect(),
        titles: stems.iter().map(|&stem| encoded[stem].1.as_str()).collect(),
    };
    (words[0].0, shard)
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the index is plain strings and numbers")
}

/// The longest prefix shared by every document URL that ends with `/`.
fn common_prefix(docs: &[Kept]) -> &str {
    let Some(first) = docs.first() else { return "" };
    let mut len = first.url.len();
    for doc in &docs[1..] {
        len = first.url.bytes().zip(doc.url.bytes()).take(len).take_while(|(a, b)| a == b).count();
    }
    first.url[..len].rfind('/').map_or("", |slash| &first.url[..=slash])
}

#[cfg(test)]
mod tests {
    use super::super::index::{Doc, build};
    use super::*;
    use crate::search::testing::doc;

    fn sample() -> Vec<Doc> {
        vec![
            doc(
                "/coop/fr/projets/aqualoc/",
                "AQUALOC : l'eau potable",
                None,
                "",
                "Un projet de coopération décentralisée pour l'accès à l'eau, œuvre commune des deux régions.",
            ),
            doc(
                "/coop/fr/actualites/lancement/",
                "Lancement de la Coopération",
                Some("2026-02-06T18:30"),
                "Le programme démarre à Porto-Novo.",
                "Les partenaires se réunissent pour la première fois en 2026 ; 12 communes participent.",
            ),
        ]
    }

    fn files_of(docs: &[Doc]) -> Vec<(String, serde_json::Value)> {
        let index = build(docs, "fr");
        files(&index, "fr").into_iter().map(|(path, json)| (path, serde_json::from_str(&json).unwrap())).collect()
    }

    /// The shard of a folded word, as search.js `shardOf` finds it.
    fn shard_of(meta: &serde_json::Value, word: &str) -> usize {
        let firsts = meta["shards"].as_array().unwrap();
        firsts.iter().rposition(|first| first.as_str().unwrap() <= word).unwrap_or(0)
    }

    #[test]
    fn the_meta_file_comes_first_and_document_pages_strip_the_common_url_prefix() {
        let files = files_of(&sample());
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["meta.json", "terms/0.json", "docs/0.json"]);
        let meta = &files[0].1;
        assert_eq!(meta["version"], 2);
        assert_eq!((&meta["lang"], &meta["stemmer"]), (&"fr".into(), &"french".into()));
        assert_eq!(meta["prefix"], "/coop/fr/");
        assert_eq!(meta["kinds"], serde_json::json!(["news", "project"]), "in order of the numbered documents");
        assert_eq!((&meta["docs"], &meta["page"]), (&2.into(), &DOCS_PER_PAGE.into()));
        assert!(meta["stop"].as_array().unwrap().contains(&"les".into()));
        assert_eq!(meta["v"].as_str().unwrap().len(), 16);
        assert_eq!(
            files[2].1,
            serde_json::json!([
                [
                    "actualites/lancement/",
                    "Lancement de la Coopération",
                    0,
                    "2026-02-06",
                    "Le programme démarre à Porto-Novo. Les partenaires se réunissent pour la première fois en 2026 ; 12 communes participent."
                ],
                [
                    "projets/aqualoc/",
                    "AQUALOC : l'eau potable",
                    1,
                    "",
                    "Un projet de coopération décentralisée pour l'accès à l'eau, œuvre commune des deux régions."
                ]
            ])
        );
    }

    #[test]
    fn a_shard_maps_folded_words_to_stems_and_stems_to_documents() {
        let files = files_of(&sample());
        let shard = &files[1].1;
        let words: Vec<&str> = shard["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
        assert!(words.is_sorted());
        let at = words.iter().position(|w| *w == "cooperation").unwrap();
        let stem = shard["stem"][at].as_u64().unwrap() as usize;
        assert_eq!(shard["stems"][stem], "cooper");
        assert_eq!(shard["docs"][stem], "!", "documents 0 and 1: all but none");
        assert_eq!(shard["titles"][stem], "0", "in the title of document 0");
        assert!(!words.contains(&"les") && !words.contains(&"12"), "stop words and numbers are left out");
    }

    #[test]
    fn every_word_is_in_the_shard_that_meta_names_for_it_with_its_stem() {
        let docs = french_docs(300);
        let index = build(&docs, "fr");
        let files = files_of(&docs);
        let meta = &files[0].1;
        let shards: Vec<&serde_json::Value> =
            files.iter().filter(|(p, _)| p.starts_with("terms/")).map(|(_, shard)| shard).collect();
        assert!(shards.len() > 5, "{} shards", shards.len());
        assert_eq!(meta["shards"].as_array().unwrap().len(), shards.len());
        for (path, json) in files_as_text(&docs) {
            if path.starts_with("terms/") {
                assert!(json.len() <= SHARD_BYTES + 100, "{path} has {} bytes", json.len());
            }
        }
        for (word, stem) in index.words.iter().step_by(7) {
            let shard = shards[shard_of(meta, word)];
            let words = shard["words"].as_array().unwrap();
            let at = words.iter().position(|w| w == word.as_str()).unwrap_or_else(|| panic!("{word} not in its shard"));
            let local = shard["stem"][at].as_u64().unwrap() as usize;
            assert_eq!(shard["stems"][local], index.stems[*stem as usize].as_str(), "{word}");
        }
    }

    fn files_as_text(docs: &[Doc]) -> Vec<(String, String)> {
        files(&build(docs, "fr"), "fr")
    }

    #[test]
    fn documents_are_split_into_pages() {
        let docs = french_docs(DOCS_PER_PAGE * 2 + 1);
        let files = files_of(&docs);
        let pages: Vec<usize> = files
            .iter()
            .filter(|(p, _)| p.starts_with("docs/"))
            .map(|(_, page)| page.as_array().unwrap().len())
            .collect();
        assert_eq!(pages, [DOCS_PER_PAGE, DOCS_PER_PAGE, 1]);
    }

    #[test]
    fn an_empty_language_gives_a_meta_file_and_nothing_else() {
        let files = files_of(&[]);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].1["shards"], serde_json::json!([]));
        assert_eq!(files[0].1["docs"], 0);
    }

    /// Varied French-looking text for size measurements: words drawn with
    /// Zipf's law from a vocabulary of `VOCABULARY` forms whose most frequent
    /// ones are real French words (stop words included) and whose long tail
    /// is made of accented syllables, like the forms of a real corpus.
    struct FrenchText {
        words: Vec<String>,
        /// Cumulative Zipf weights of `words`.
        cumulative: Vec<f64>,
        state: u64,
    }

    const VOCABULARY: usize = 60_000;
    const COMMON: &str = "de la le et les des à en du un une pour dans est que qui sur au par avec se \
        sont ce plus aux pas ont été a leur ces son il elle nous projet coopération partenaires région \
        commune développement formation acteurs territoire mise œuvre échange délégation réunion programme \
        jeunes femmes eau assainissement gestion déchets agriculture économie locale santé éducation culture \
        patrimoine énergie climat numérique gouvernance décentralisée collectivités élus services techniciens \
        rencontre atelier étude diagnostic stratégie évaluation suivi financement budget accès population \
        quartier village marché école centre réseau associations maire conseil départemental national \
        international européenne africaine ministère citoyens habitants participation dialogue priorité";
    const SYLLABLES: [&str; 40] = [
        "ba", "ré", "ti", "con", "ver", "sa", "mé", "lo", "pri", "tu", "ai", "eu", "ou", "an", "on", "in", "qué",
        "chè", "gra", "ço", "dé", "pla", "fi", "ni", "mar", "tê", "lu", "vo", "cri", "sé", "bé", "na", "po", "ge",
        "rô", "ci", "tra", "mon", "è", "ï",
    ];
    const ENDINGS: [&str; 10] = ["", "", "", "s", "e", "es", "tion", "ment", "ée", "ent"];

    impl FrenchText {
        fn new(seed: u64) -> FrenchText {
            let mut words: Vec<String> = COMMON.split_whitespace().map(str::to_owned).collect();
            let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
            let mut n = 0u64;
            while words.len() < VOCABULARY {
                n += 1;
                let (mut x, mut word) = (n.wrapping_mul(0x9E37_79B9_7F4A_7C15), String::new());
                for _ in 0..2 + x % 3 {
                    x = x.rotate_left(7) ^ (x >> 3);
                    word.push_str(SYLLABLES[(x % 40) as usize]);
                }
                word.push_str(ENDINGS[(x >> 11) as usize % 10]);
                if seen.insert(word.clone()) {
                    words.push(word);
                }
            }
            let mut total = 0.0;
            let cumulative = (1..=words.len())
                .map(|rank| {
                    total += 1.0 / rank as f64;
                    total
                })
                .collect();
            FrenchText { words, cumulative, state: seed }
        }

        fn random(&mut self) -> f64 {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            (self.state >> 11) as f64 / (1u64 << 53) as f64
        }

        /// `count` words in sentences of 8 to 20 words.
        fn text(&mut self, count: usize) -> String {
            let mut out = String::new();
            for i in 0..count {
                let target = self.random() * self.cumulative.last().unwrap();
                let word = &self.words[self.cumulative.partition_point(|&c| c < target)];
                let start = i == 0 || out.ends_with(". ");
                if start {
                    let mut chars = word.chars();
                    out.extend(chars.next().into_iter().flat_map(char::to_uppercase).chain(chars));
                } else {
                    out.push_str(word);
                }
                out.push_str(if self.random() < 0.08 {
                    ". "
                } else if self.random() < 0.06 {
                    ", "
                } else {
                    " "
                });
            }
            out.trim_end().to_owned()
        }
    }

    /// `count` news items of 400 to 800 words (600 on average).
    fn french_docs(count: usize) -> Vec<Doc> {
        let mut text_gen = FrenchText::new(0x5EED);
        (0..count)
            .map(|i| {
                let words = 400 + (text_gen.random() * 400.0) as usize;
                let text = text_gen.text(words);
                doc(
                    &format!("/coop/fr/actualites/actualite-{i:05}/"),
                    &text_gen.text(8),
                    Some(&format!("20{:02}-{:02}-{:02}", 10 + i % 16, 1 + i % 12, 1 + i % 28)),
                    "",
                    &text,
                )
            })
            .collect()
    }

    /// Guards against storing whole texts: every file of the index of 500
    /// varied French documents (1.7 MB, most of it the 60,000 words of
    /// their vocabulary, each with its stem) stays well under the size of
    /// their text (2.4 MB).
    #[test]
    fn the_index_of_varied_french_text_is_smaller_than_three_quarters_of_the_text() {
        let docs = french_docs(500);
        let text: usize = docs.iter().map(|d| d.title.len() + d.text.len()).sum();
        let size: usize = files_as_text(&docs).iter().map(|(_, json)| json.len()).sum();
        assert!(size * 4 < text * 3, "{size} bytes of index for {text} bytes of text");
    }

    /// `cargo test --release -- --ignored --nocapture index_size`
    #[test]
    #[ignore = "a measurement, not a check"]
    fn index_size_for_5000_documents_of_600_words() {
        let docs = french_docs(5_000);
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let started = std::time::Instant::now();
        let files = files_as_text(&docs);
        let elapsed = started.elapsed();
        let size = |prefix: &str| -> (usize, usize) {
            let of: Vec<usize> = files.iter().filter(|(p, _)| p.starts_with(prefix)).map(|(_, j)| j.len()).collect();
            (of.len(), of.iter().sum())
        };
        println!(
            "{} docs, {words} words in {elapsed:?}: meta {:?}, terms {:?}, docs {:?} (files, bytes)",
            docs.len(),
            size("meta"),
            size("terms/"),
            size("docs/"),
        );
    }
}
