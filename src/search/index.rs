//! Owns the inverted index of one language's documents: every folded word
//! that is a term, the stem it has in the language, and for each stem the
//! documents holding it (anywhere, and in their title). Documents are
//! numbered newest first, so that a lower number ranks higher among equals.
//! Pure: plain text in, plain data out; nothing of JSON or files.

use rustc_hash::FxHashMap;

use super::fold::{fold_words, is_term};
use super::stem::Stems;

/// One searchable document.
pub(crate) struct Doc {
    /// Path of the page on the site, e.g. `/coop/fr/actualites/lancement/`.
    pub url: String,
    pub title: String,
    /// `news`, `project`, `partner`, `action` or `page`.
    pub kind: String,
    /// ISO date (`2026-02-06`, maybe followed by a time); only the day is kept.
    pub date: Option<String>,
    /// Plain-text summary, maybe empty.
    pub summary: String,
    /// Plain text of the whole body.
    pub text: String,
}

impl Doc {
    /// The day of the document (`2026-02-06`), if it has a date.
    pub(crate) fn day(&self) -> Option<&str> {
        self.date.as_deref().map(|d| d.get(..10).unwrap_or(d))
    }
}

/// What the index keeps of a document: what a result shows.
pub(crate) struct Kept {
    pub url: String,
    pub title: String,
    pub kind: String,
    /// `2026-02-06`, or empty.
    pub day: String,
    /// The opening of the summary and body, for excerpts (see [`kept_text`]).
    pub text: String,
}

/// The index of one language.
pub(crate) struct Index {
    /// The documents, numbered in the order they were added.
    pub docs: Vec<Kept>,
    /// The stems, numbered in the order they were first met.
    pub stems: Vec<String>,
    /// For each stem, the documents holding it in their title, summary or
    /// body, as increasing numbers.
    pub postings: Vec<Vec<u32>>,
    /// For each stem, the documents holding it in their title.
    pub titles: Vec<Vec<u32>>,
    /// Every folded word that is a term, sorted by code point, with the
    /// number of its stem.
    pub words: Vec<(String, u32)>,
    /// The name of the stemmer (`french`…, `none`).
    pub stemmer: &'static str,
}

/// Sorts documents (or what they are made from) in the order they must be
/// added to an [`Indexer`]: dated ones newest first, then the undated ones,
/// each group in the order given.
pub(crate) fn newest_first<T>(items: &mut [T], day: impl Fn(&T) -> Option<&str>) {
    items.sort_by(|a, b| day(b).map(|d| d.get(..10).unwrap_or(d)).cmp(&day(a).map(|d| d.get(..10).unwrap_or(d))));
}

/// Indexes `docs` with the stemmer of `lang`, in the order of [`newest_first`].
#[cfg(test)]
pub(crate) fn build(docs: &[Doc], lang: &str) -> Index {
    let mut ordered: Vec<&Doc> = docs.iter().collect();
    newest_first(&mut ordered, |doc| doc.day());
    let mut indexer = Indexer::new(lang);
    for doc in ordered {
        indexer.add(doc);
    }
    indexer.finish()
}

/// An index being filled, one document at a time, so that the full text
/// of a document is needed only while it is added.
pub(crate) struct Indexer {
    stems: Stems,
    /// Every folded word met, with its stem's number (none if not a term),
    /// so that each word is folded, checked and stemmed once.
    words: FxHashMap<String, Option<u32>>,
    numbers: FxHashMap<String, u32>,
    index: Index,
}

impl Indexer {
    /// An empty index, with the stemmer of `lang`.
    pub(crate) fn new(lang: &str) -> Indexer {
        let stems = Stems::for_language(lang);
        let index = Index {
            docs: Vec::new(),
            stems: Vec::new(),
            postings: Vec::new(),
            titles: Vec::new(),
            words: Vec::new(),
            stemmer: stems.name(),
        };
        Indexer { stems, words: FxHashMap::default(), numbers: FxHashMap::default(), index }
    }

    /// Adds the next document: documents are numbered in the order they
    /// are added, which must be that of [`newest_first`].
    pub(crate) fn add(&mut self, doc: &Doc) {
        let number = u32::try_from(self.index.docs.len()).unwrap_or(u32::MAX);
        fold_words(&doc.title, |word| self.add_word(word, number, true));
        for text in [&doc.summary, &doc.text] {
            fold_words(text, |word| self.add_word(word, number, false));
        }
        self.index.docs.push(Kept {
            url: doc.url.clone(),
            title: doc.title.clone(),
            kind: doc.kind.clone(),
            day: doc.day().unwrap_or_default().to_owned(),
            text: kept_text(doc),
        });
    }

    /// The index, its words sorted.
    pub(crate) fn finish(self) -> Index {
        let mut index = self.index;
        index.words = self.words.into_iter().filter_map(|(word, stem)| Some((word, stem?))).collect();
        index.words.sort_unstable();
        index
    }

    /// Records that document `number` holds the folded `word`.
    fn add_word(&mut self, word: &str, number: u32, in_title: bool) {
        let stem = match self.words.get(word) {
            Some(stem) => *stem,
            None => {
                let stem = is_term(word).then(|| self.number(word));
                self.words.insert(word.to_owned(), stem);
                stem
            }
        };
        let Some(stem) = stem else { return };
        let stem = stem as usize;
        push_once(&mut self.index.postings[stem], number);
        if in_title {
            push_once(&mut self.index.titles[stem], number);
        }
    }

    /// The number of the stem of a term, given one if it is new.
    fn number(&mut self, word: &str) -> u32 {
        let stem = self.stems.stem(word);
        if let Some(&number) = self.numbers.get(stem.as_ref()) {
            return number;
        }
        let index = &mut self.index;
        let number = u32::try_from(index.stems.len()).unwrap_or(u32::MAX);
        self.numbers.insert(stem.to_string(), number);
        index.stems.push(stem.into_owned());
        index.postings.push(Vec::new());
        index.titles.push(Vec::new());
        number
    }
}

/// Longest text kept per document for excerpts, in characters.
pub(crate) const KEPT_CHARS: usize = 400;

/// The text kept for a document's excerpt: its summary, then its body
/// (unless the body opens with the summary), at most [`KEPT_CHARS`].
fn kept_text(doc: &Doc) -> String {
    let summary = shorten(&doc.summary, usize::MAX);
    let body = shorten(&doc.text, KEPT_CHARS);
    let opening = summary.trim_end_matches('…');
    if summary.is_empty() || body.starts_with(opening) {
        return body;
    }
    shorten(&format!("{summary} {body}"), KEPT_CHARS)
}

/// `text` with runs of white space made single, cut at a word boundary to
/// at most `max` characters, an ellipsis marking the cut.
fn shorten(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let sep = usize::from(chars > 0);
        if chars + sep + len > max - 1 {
            if chars == 0 {
                out.extend(word.chars().take(max - 1));
            }
            out.push('…');
            return out;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        chars += sep + len;
    }
    out
}

/// Appends `number` unless it is already the last one (documents are
/// indexed in order, so a list stays increasing and without repeats).
fn push_once(list: &mut Vec<u32>, number: u32) {
    if list.last() != Some(&number) {
        list.push(number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testing::doc;

    /// The documents holding the stem of the folded `word`, as the search
    /// page finds them: the word, then its stem's postings.
    fn holders(index: &Index, word: &str) -> Vec<u32> {
        let Ok(at) = index.words.binary_search_by(|(w, _)| w.as_str().cmp(word)) else { return Vec::new() };
        index.postings[index.words[at].1 as usize].clone()
    }

    #[test]
    fn documents_are_numbered_newest_first_and_undated_ones_last() {
        let docs = [
            doc("/a/", "A", None, "", ""),
            doc("/b/", "B", Some("2024-01-01"), "", ""),
            doc("/c/", "C", Some("2026-02-06T18:30"), "", ""),
            doc("/d/", "D", Some("2024-01-01"), "", ""),
            doc("/e/", "E", None, "", ""),
        ];
        let index = build(&docs, "fr");
        let order: Vec<&str> = index.docs.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(order, ["C", "B", "D", "A", "E"]);
    }

    #[test]
    fn inflections_of_a_word_share_the_postings_of_their_stem() {
        let docs = [
            doc("/1/", "La coopération décentralisée", Some("2026-01-01"), "", "Des régions partenaires."),
            doc("/2/", "Bilan", Some("2025-01-01"), "Les coopérations de 2025.", "Une région, une partenaire."),
            doc("/3/", "Mentions légales", None, "", "Hébergement."),
        ];
        let index = build(&docs, "fr");
        assert_eq!(holders(&index, "cooperation"), [0, 1]);
        assert_eq!(holders(&index, "cooperations"), [0, 1]);
        assert_eq!(holders(&index, "regions"), [0, 1]);
        assert_eq!(holders(&index, "hebergement"), [2]);
        for dropped in ["la", "les", "de", "l"] {
            assert_eq!(holders(&index, dropped), [0u32; 0], "{dropped}");
        }
        let stem = index.words.iter().find(|(w, _)| w == "cooperation").unwrap().1 as usize;
        assert_eq!(index.titles[stem], [0], "in the title of the first only");
        assert!(index.words.is_sorted(), "words are sorted for the shards");
    }

    #[test]
    fn the_kept_text_is_the_summary_then_the_body_once_cut_to_its_length() {
        let cases = [
            ("", "Corps du texte.", "Corps du texte."),
            ("Résumé.", "Corps.", "Résumé. Corps."),
            ("Début du corps.", "Début du corps. Suite.", "Début du corps. Suite."),
            ("Début du…", "Début du corps. Suite.", "Début du corps. Suite."),
        ];
        for (summary, body, kept) in cases {
            assert_eq!(kept_text(&doc("/a/", "A", None, summary, body)), kept, "{summary:?} + {body:?}");
        }
        let long = kept_text(&doc("/a/", "A", None, "", &"mot ".repeat(500)));
        assert!(long.chars().count() <= KEPT_CHARS && long.ends_with("mot…"), "{long}");
    }

    #[test]
    fn text_is_shortened_at_a_word_boundary_with_an_ellipsis() {
        assert_eq!(shorten("  deux   mots ", 160), "deux mots");
        assert_eq!(shorten("un deux trois", 9), "un deux…");
        assert_eq!(shorten("anticonstitutionnellement", 6), "antic…");
    }
}
