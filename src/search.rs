//! Owns the search index of one language, published as small files under
//! `/<lang>/search-index/` that the search page fetches as a query needs
//! them. Plain-text documents in, (path, JSON) pairs out; no I/O, nothing
//! of Markdown or HTML (callers pass plain text) nor of which items are
//! searchable. Its parts: [`fold`] (words folded as the browser folds
//! queries), [`stem`] (the Snowball stemmer of a language), [`index`]
//! (stems to documents), [`postings`] (document lists as text) and
//! [`shards`] (the files).
//!
//! # Format (version 2)
//!
//! `meta.json`, fetched with the search page:
//!
//! ```json
//! {"version":2, "lang":"fr", "stemmer":"french", "prefix":"/coop/fr/",
//!  "kinds":["news","project"], "stop":["au","aux", ...],
//!  "docs":1234, "page":32, "shards":["2026","cooper", ...], "v":"5f0c…"}
//! ```
//!
//! - `prefix`: the longest common prefix of every document URL, up to a `/`.
//! - `kinds`: the kinds of document (`news`, `project`, `partner`,
//!   `action`, `page`), in order of first appearance.
//! - `stop`: the stop words left out of the index, dropped from queries too.
//! - `docs`: how many documents there are, numbered from 0 newest first
//!   (undated ones last); `page`: how many each page of `docs/` holds.
//! - `shards`: the first word of each term shard `terms/<n>.json`, in
//!   order: the shard of a word is the last one whose first word is not
//!   after it (code point order, which is JavaScript's for the characters
//!   below U+10000).
//! - `v`: a hash of every other file, which the page appends to their URLs
//!   (`?v=…`) so that a browser never mixes files of two builds.
//!
//! `terms/<n>.json`, a range of the sorted folded words:
//!
//! ```json
//! {"words":["cooperation","cooperations","cooperer"], "stem":[0,0,0],
//!  "stems":["cooper"], "docs":["~_u…"], "titles":["03"]}
//! ```
//!
//! - `words`: every folded word of the range that is a term (see
//!   [`fold::is_term`]), sorted; `stem[i]` is the number of the stem of
//!   `words[i]` in this shard.
//! - `stems`: the stems of those words, sorted; `docs[j]` lists the
//!   documents holding `stems[j]` in their title, summary or body, and
//!   `titles[j]` those holding it in their title, both in the form of
//!   [`postings`]. A stem whose words fall in two shards is in both.
//!
//! `docs/<n>.json`, documents `n × page` to `(n + 1) × page − 1`:
//!
//! ```json
//! [["actualites/lancement/","Lancement de la coopération",0,"2026-02-06","Le programme…"], ...]
//! ```
//!
//! `[URL after prefix, title, index into kinds, "YYYY-MM-DD" or "", text]`,
//! where the text is the opening of the summary and body (at most 400
//! characters), from which the page cuts an excerpt around the words found.
//!
//! # Stems
//!
//! Words are folded (lowercase, accents dropped: [`fold::fold_words`])
//! and then stemmed with the Snowball stemmer of the page's language, so
//! `coopérations`, `Coopération` and `COOPERER` all index the stem
//! `cooper`. The browser never stems: it folds the query as the build
//! folds text and looks the folded word up in its shard. A word the site
//! never uses is matched by the longest stem of its shard that begins it
//! (`cooperations` → `cooper` when only `coopération` is written), and the
//! last word of a query, while typed, by every word it begins.

mod fold;
mod index;
mod postings;
mod shards;
mod stem;
#[cfg(test)]
mod testing;

pub(crate) use index::{Doc, Indexer, newest_first};

/// The files of one language's index: (path relative to the index folder,
/// JSON text), `meta.json` first.
pub(crate) fn files(indexer: Indexer, lang: &str) -> Vec<(String, String)> {
    shards::files(&indexer.finish(), lang)
}
