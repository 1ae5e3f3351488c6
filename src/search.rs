//! Owns the search index of one language (`/<lang>/search.json`) and the
//! text folding that both the index and the search page's script apply.
//! It turns plain-text documents into one compact JSON file; it does no I/O,
//! knows nothing of Markdown or HTML (callers pass plain text) and nothing
//! of which items are searchable.
//!
//! # Format of `search.json` (version 1)
//!
//! One JSON object, written without spaces:
//!
//! ```json
//! {"version":1,
//!  "prefix":"/coop/fr/",
//!  "kinds":["news","project"],
//!  "stop":["au","aux","avec", ...],
//!  "docs":[["actualites/lancement/","Lancement de COOPJOP",0,"2026-02-06","Le programme…"], ...],
//!  "terms":["2026","cooperation","lancement", ...],
//!  "postings":["0","!3","00C7", ...]}
//! ```
//!
//! - `prefix`: the longest common prefix of every document URL, up to a `/`;
//!   a document's URL is `prefix` followed by its first field.
//! - `kinds`: the kinds of document (`news`, `project`, `partner`, `action`,
//!   `page`), in order of first appearance.
//! - `stop`: the stop words left out of the index (French and English), so
//!   the browser drops them from queries too.
//! - `docs`: one array per document, numbered from 0 in this order:
//!   `[url after prefix, title, index into kinds, "YYYY-MM-DD" or "", summary]`.
//!   The summary is plain text of at most [`SUMMARY_CHARS`] characters.
//! - `terms`: every indexed term, sorted by code point (which is also
//!   JavaScript's string order, but for characters beyond U+FFFF), so that
//!   the browser finds the terms starting with a prefix by binary search.
//! - `postings`: for `terms[i]`, the documents holding it (in its title,
//!   summary or body), as increasing document numbers written as the first
//!   number then each gap minus one. Each number is written in base 32, most
//!   significant digit first, with the characters of [`DIGITS`]: a digit from
//!   the first half ends the number, a digit from the second half (value
//!   plus 32) is followed by more digits. So `00C7` lists documents 0, 1
//!   (gap 1, written 0) and 201 (gap 200, written as 199 = 6 × 32 + 7:
//!   `C7`). A term found in at least a sixth of the documents is written in
//!   the shortest of this form and two others: `!` followed by the list of the
//!   documents *not* holding it, or `~` followed by a bitmap, six documents
//!   per character of [`DIGITS`] (the character's index; its bit 0 is the
//!   first of the six), trailing empty characters left out.
//!
//! Terms are the words of `fold(text)` that have at least [`MIN_TERM`] and at
//! most [`MAX_TERM`] characters, are not stop words, and are not numbers
//! unless they have exactly four digits (years). Titles are ranked above
//! bodies by the browser, which folds the stored titles itself; the index
//! does not store where a term occurs nor how often.
//!
//! The folding table [`FOLD`], [`fold`] and the term rules are repeated in
//! `themes/default/static/search.js`: keep them in sync. The Node test
//! `tests/browser/search_fold.test.mjs` checks that both FOLD strings are
//! identical and runs the table of cases of the test of `fold` below.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Serialize;

/// One searchable document.
pub(crate) struct Doc {
    /// Path of the page on the site, e.g. `/coop/fr/actualites/lancement/`.
    pub url: String,
    pub title: String,
    /// `news`, `project`, `partner`, `action` or `page`.
    pub kind: String,
    /// ISO date (`2026-02-06`, maybe followed by a time); only the day is kept.
    pub date: Option<String>,
    /// Plain-text summary; when empty, the opening of `text` is shown instead.
    pub summary: String,
    /// Plain text of the body.
    pub text: String,
}

/// Version of the JSON format, bumped on any incompatible change.
const VERSION: u32 = 1;
/// Longest summary stored per document, in characters (an ellipsis included).
const SUMMARY_CHARS: usize = 160;
/// Shortest indexed term, in characters.
const MIN_TERM: usize = 2;
/// Longest indexed term, in characters: longer ones are noise (hashes, joined words).
const MAX_TERM: usize = 30;
/// Digits of the posting lists: values 0–31 end a number, 32–63 continue it.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Characters folded after lowercasing, as `characters=replacement`
/// groups: accented Latin letters to ASCII, and Greek final sigma to σ.
/// KEEP IN SYNC with `FOLD` in themes/default/static/search.js: the two
/// strings must be identical (tests/browser/search_fold.test.mjs checks it).
const FOLD: &str = "àáâãäåāăą=a æ=ae çćĉċč=c ďđð=d èéêëēĕėęě=e ĝğġģ=g ĥħ=h ìíîïĩīĭįı=i ĳ=ij ĵ=j ķ=k ĺļľŀł=l \
    ñńņňŉ=n òóôõöøōŏő=o œ=oe ŕŗř=r śŝşšș=s ß=ss ţťŧț=t þ=th ùúûüũūŭůűų=u ŵ=w ýÿŷ=y źżž=z ς=σ";

/// French stop words, folded, separated by spaces.
const STOP_FR: &str = "\
    ai aie aient aies ait alors apres as au aucun aucune aupres aura aurai auraient aurais aurait auras aurez \
    auriez aurions aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez avions avoir \
    avons ayant ayez ayons ce ceci cela celle celles celui cependant ces cet cette ceux chacun chaque chez comme \
    dans de deja des donc dont du elle elles en encore entre es est et etaient etais etait etant ete etes etiez \
    etions etre eu eue eues eurent eus eut eux fait faut fut ici il ils je la le les leur leurs lors lui ma mais \
    me meme memes mes moi mon ne ni nos notre nous on ont ou par parce pas peu peut plus pour pourquoi qu quand \
    que quel quelle quelles quels qui quoi sa sans se sera serai seraient serais serait seras serez seriez \
    serions serons seront ses si sien sienne soient sois soit sommes son sont sous soyez soyons suis sur ta te \
    tes toi ton tous tout toute toutes tres tu un une vers via vos votre vous";

/// English stop words, folded, separated by spaces.
const STOP_EN: &str = "\
    about above after again against all also am an and any are as at be because been before being below between \
    both but by can could did do does doing down during each few for from further had has have having he her \
    here hers herself him himself his how if in into is it its itself just me more most my myself no nor not now \
    of off on once only or other our ourselves out over own same she should so some such than that the their \
    theirs them themselves then there these they this those through to too under until up very was we were what \
    when where which while who whom why will with would you your yours yourself yourselves";

/// Length of the longest stop word, in bytes.
const LONGEST_STOP_WORD: usize = 10;

/// The JSON index for one language's documents.
pub(crate) fn index(docs: &[Doc]) -> String {
    let prefix = common_prefix(docs);
    let mut kinds: Vec<&str> = Vec::new();
    let mut rows = Vec::with_capacity(docs.len());
    let mut postings: HashMap<String, Vec<u32>, BuildHasherDefault<FastHasher>> = HashMap::default();
    for (number, doc) in (0u32..).zip(docs) {
        let kind = kinds.iter().position(|k| *k == doc.kind).unwrap_or_else(|| {
            kinds.push(&doc.kind);
            kinds.len() - 1
        });
        let date = doc.date.as_deref().map_or("", |d| d.get(..10).unwrap_or(d));
        let summary = if doc.summary.trim().is_empty() { &doc.text } else { &doc.summary };
        rows.push((&doc.url[prefix.len()..], doc.title.as_str(), kind, date, shorten(summary, SUMMARY_CHARS)));
        for text in [&doc.title, &doc.summary, &doc.text] {
            // Words that are not terms are kept too, with no documents,
            // so that each word is looked up once.
            fold_words(text, |word| match postings.get_mut(word) {
                Some(list) if list.is_empty() || list.last() == Some(&number) => {}
                Some(list) => list.push(number),
                None => {
                    postings.insert(word.to_owned(), if is_term(word) { vec![number] } else { Vec::new() });
                }
            });
        }
    }
    let mut terms: Vec<_> = postings.into_iter().filter(|(_, list)| !list.is_empty()).collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let total = u32::try_from(docs.len()).unwrap_or(u32::MAX);
    let file = IndexFile {
        version: VERSION,
        prefix,
        kinds,
        stop: stop_words(),
        docs: rows,
        postings: terms.iter().map(|(_, list)| encode(list, total)).collect(),
        terms: terms.iter().map(|(term, _)| term.as_str()).collect(),
    };
    serde_json::to_string(&file).expect("the index is plain strings and numbers")
}

/// Lowercase, accents folded to ASCII (é→e, ç→c, œ→oe, æ→ae, ß→ss, ï→i …),
/// punctuation to spaces: what both the index and the browser apply to text
/// and queries. Letters and digits of other scripts are kept as they are;
/// combining accents (of decomposed text) are dropped; every run of other
/// characters becomes one space, and there is none at either end.
#[cfg(test)]
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_words(text, |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    });
    out
}

/// Calls `each` with every word of `fold(text)`, in order, without
/// building the folded text.
fn fold_words(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    let mut end_word = |word: &mut String| {
        if !word.is_empty() {
            each(word);
            word.clear();
        }
    };
    let mut rest = text;
    while let Some(&byte) = rest.as_bytes().first() {
        if byte.is_ascii() {
            rest = &rest[1..];
            if byte.is_ascii_alphanumeric() {
                word.push(char::from(byte.to_ascii_lowercase()));
            } else {
                end_word(&mut word);
            }
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or_default();
        rest = chars.as_str();
        if let Some(ascii) = folded(c) {
            word.push_str(ascii); // the common case: é, à, ç…
            continue;
        }
        // Lowercased one character at a time, so a final capital sigma gives
        // σ, not ς; FOLD turns ς into σ so JavaScript's `toLowerCase`, which
        // writes ς, ends the same.
        for c in c.to_lowercase() {
            if let Some(ascii) = folded(c) {
                word.push_str(ascii);
            } else if c.is_alphanumeric() {
                word.push(c);
            } else if !('\u{300}'..='\u{36f}').contains(&c) {
                end_word(&mut word);
            } // a combining accent is dropped without splitting the word
        }
    }
    end_word(&mut word);
}

/// The ASCII form of a lowercase character of [`FOLD`].
fn folded(c: char) -> Option<&'static str> {
    fold_table().get((c as usize).wrapping_sub(FOLD_FIRST)).copied().flatten()
}

/// The first and last characters of [`FOLD`].
const FOLD_FIRST: usize = 0xDF;
const FOLD_LAST: usize = 0x3C2;

/// The `(characters, replacement)` groups of [`FOLD`].
fn fold_groups() -> impl Iterator<Item = (&'static str, &'static str)> {
    FOLD.split_whitespace().filter_map(|group| group.split_once('='))
}

/// [`FOLD`] as a table indexed by `char - FOLD_FIRST`.
fn fold_table() -> &'static [Option<&'static str>] {
    static TABLE: OnceLock<Vec<Option<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![None; FOLD_LAST + 1 - FOLD_FIRST];
        for (chars, ascii) in fold_groups() {
            for c in chars.chars() {
                table[c as usize - FOLD_FIRST] = Some(ascii);
            }
        }
        table
    })
}

/// French and English stop words, sorted and without duplicates.
fn stop_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<_> = STOP_FR.split_whitespace().chain(STOP_EN.split_whitespace()).collect();
        words.sort_unstable();
        words.dedup();
        words
    })
}

/// The stop words as a set, for [`is_term`].
fn is_stop_word(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, BuildHasherDefault<FastHasher>>> = OnceLock::new();
    SET.get_or_init(|| stop_words().iter().copied().collect()).contains(word)
}

/// The FxHash function (rustc's): much faster than the default SipHash on
/// short words, and the index hashes millions of them. Not DoS-resistant,
/// which does not matter for the site's own text.
#[derive(Default)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The multiplication mixes into the high bits; the table indexes by
        // the low ones.
        self.0.rotate_left(26)
    }
}

/// Whether a folded word goes into the index (and counts in a query).
fn is_term(word: &str) -> bool {
    let chars = if word.is_ascii() { word.len() } else { word.chars().count() };
    (MIN_TERM..=MAX_TERM).contains(&chars)
        && (chars == 4 || !word.bytes().all(|b| b.is_ascii_digit()))
        && (word.len() > LONGEST_STOP_WORD || !is_stop_word(word))
}

/// The JSON file, fields in the documented order.
#[derive(Serialize)]
struct IndexFile<'a> {
    version: u32,
    prefix: &'a str,
    kinds: Vec<&'a str>,
    stop: &'a [&'a str],
    docs: Vec<(&'a str, &'a str, usize, &'a str, String)>,
    terms: Vec<&'a str>,
    postings: Vec<String>,
}

/// The longest prefix shared by every document URL that ends with `/`.
fn common_prefix(docs: &[Doc]) -> &str {
    let Some(first) = docs.first() else { return "" };
    let mut len = first.url.len();
    for doc in &docs[1..] {
        len = first.url.bytes().zip(doc.url.bytes()).take(len).take_while(|(a, b)| a == b).count();
    }
    first.url[..len].rfind('/').map_or("", |slash| &first.url[..=slash])
}

/// Writes the sorted document numbers `list` out of `total` documents in
/// the posting format described at the top of the file.
fn encode(list: &[u32], total: u32) -> String {
    let gaps = |mut out: String, list: &mut dyn Iterator<Item = u32>| {
        let mut previous = None;
        for n in list {
            push_number(&mut out, previous.map_or(n, |p| n - p - 1));
            previous = Some(n);
        }
        out
    };
    let listed = gaps(String::new(), &mut list.iter().copied());
    if list.len() * 6 < total as usize {
        return listed;
    }
    // A frequent term: the shortest of the list, the list of documents
    // without it, and a bitmap.
    let mut bitmap = vec![0u8; (total as usize).div_ceil(6)];
    for &n in list {
        bitmap[n as usize / 6] |= 1 << (n % 6);
    }
    let mut holders = list.iter().copied().peekable();
    let complement = gaps(String::from("!"), &mut (0..total).filter(|n| holders.next_if_eq(n).is_none()));
    let used = bitmap.iter().rposition(|&bits| bits != 0).map_or(0, |last| last + 1);
    let bitmap = std::iter::once('~').chain(bitmap[..used].iter().map(|&bits| char::from(DIGITS[usize::from(bits)])));
    [listed, complement, bitmap.collect()].into_iter().min_by_key(String::len).unwrap_or_default()
}

/// Appends `n` in base 32 with the continuation digits of [`DIGITS`].
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut start = digits.len();
    let mut last = true;
    loop {
        start -= 1;
        digits[start] = DIGITS[(n % 32) as usize + if last { 0 } else { 32 }];
        last = false;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&b| char::from(b)));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases `tests/browser/search_fold.test.mjs` also asserts on the
    /// script's `fold`: keep the two tables identical.
    const FOLD_CASES: &[(&str, &str)] = &[
        ("Coopération", "cooperation"),
        ("ŒUVRE", "oeuvre"),
        ("Straße", "strasse"),
        ("Côte d'Ivoire", "cote d ivoire"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Ex æquo", "ex aequo"),
        ("Français, ça va ?", "francais ca va"),
        ("Maïs et canoë", "mais et canoe"),
        ("Porto-Novo", "porto novo"),
        ("  «\u{a0}Économie\u{202f}»  ", "economie"),
        ("L'été 2026 : 1er bilan !", "l ete 2026 1er bilan"),
        ("Łódź, Kraków", "lodz krakow"),
        ("Timișoara, Brașov", "timisoara brasov"),
        ("İzmir ve Diyarbakır", "izmir ve diyarbakir"),
        ("Ålesund, Øresund", "alesund oresund"),
        ("Crème brûlée", "creme brulee"),
        ("e\u{301}te\u{301}", "ete"),
        ("Ἀθῆναι", "ἀθῆναι"),
        ("Москва", "москва"),
        ("ΟΔΟΣ", "οδοσ"),
        ("C++/Rust_2024", "c rust 2024"),
        ("", ""),
        ("?!", ""),
    ];

    fn doc(url: &str, title: &str, kind: &str, date: Option<&str>, summary: &str, text: &str) -> Doc {
        Doc {
            url: url.to_owned(),
            title: title.to_owned(),
            kind: kind.to_owned(),
            date: date.map(str::to_owned),
            summary: summary.to_owned(),
            text: text.to_owned(),
        }
    }

    /// Reads the posting list of `term` back, the way search.js does.
    fn postings(index: &serde_json::Value, term: &str) -> Vec<u32> {
        let terms = index["terms"].as_array().unwrap();
        let Some(i) = terms.iter().position(|t| t == term) else { return Vec::new() };
        let total = index["docs"].as_array().unwrap().len() as u32;
        decode(index["postings"][i].as_str().unwrap(), total)
    }

    fn digit(b: u8) -> u32 {
        DIGITS.iter().position(|&d| d == b).expect("a posting digit") as u32
    }

    fn decode(text: &str, total: u32) -> Vec<u32> {
        if let Some(bitmap) = text.strip_prefix('~') {
            let bits = |(i, b)| (0..6).filter(move |bit| digit(b) >> bit & 1 == 1).map(move |bit| i as u32 * 6 + bit);
            return bitmap.bytes().enumerate().flat_map(bits).collect();
        }
        let (negated, text) = text.strip_prefix('!').map_or((false, text), |rest| (true, rest));
        let (mut list, mut n, mut previous) = (Vec::new(), 0, None::<u32>);
        for b in text.bytes() {
            let value = digit(b);
            n = n * 32 + value % 32;
            if value < 32 {
                let doc = previous.map_or(n, |p| p + n + 1);
                list.push(doc);
                previous = Some(doc);
                n = 0;
            }
        }
        if negated { (0..total).filter(|d| !list.contains(d)).collect() } else { list }
    }

    fn sample() -> Vec<Doc> {
        vec![
            doc(
                "/coop/fr/actualites/lancement/",
                "Lancement de la Coopération",
                "news",
                Some("2026-02-06T18:30"),
                "Le programme démarre à Porto-Novo.",
                "Les partenaires se réunissent pour la première fois en 2026 ; 12 communes participent.",
            ),
            doc(
                "/coop/fr/projets/aqualoc/",
                "AQUALOC : l'eau potable",
                "project",
                None,
                "",
                "Un projet de coopération décentralisée pour l'accès à l'eau, œuvre commune des deux régions.",
            ),
            doc("/coop/fr/mentions-legales/", "Mentions légales", "page", None, "Éditeur du site.", "Hébergement."),
        ]
    }

    #[test]
    fn fold_lowercases_folds_accents_and_turns_punctuation_into_single_spaces() {
        for (input, expected) in FOLD_CASES {
            assert_eq!(fold(input), *expected, "fold({input:?})");
        }
    }

    #[test]
    fn the_fold_table_maps_lowercase_letters_only_once_each() {
        let mut seen = std::collections::HashSet::new();
        assert_eq!(fold_groups().count(), FOLD.split_whitespace().count(), "every group has one '='");
        for (chars, ascii) in fold_groups() {
            assert!(ascii.bytes().all(|b| b.is_ascii_lowercase()) || ascii == "σ", "{ascii}");
            for c in chars.chars() {
                assert!((FOLD_FIRST..=FOLD_LAST).contains(&(c as usize)), "{c} is outside FOLD_FIRST..=FOLD_LAST");
                assert!(seen.insert(c), "{c} is in two groups");
                assert_eq!(c.to_lowercase().to_string(), c.to_string(), "{c} is lowercase");
            }
        }
    }

    #[test]
    fn stop_words_are_folded_terms_of_at_least_two_letters() {
        for word in STOP_FR.split_whitespace().chain(STOP_EN.split_whitespace()) {
            assert_eq!(fold(word), word);
            assert!(word.len() >= MIN_TERM, "{word} would be dropped anyway");
            assert!(word.len() <= LONGEST_STOP_WORD, "{word} is longer than LONGEST_STOP_WORD");
        }
    }

    #[test]
    fn terms_are_words_of_two_to_thirty_characters_that_are_not_stop_words_or_plain_numbers() {
        let (thirty, thirty_two) = ("ab".repeat(15), "ab".repeat(16));
        let cases = [
            ("cooperation", true),
            ("eau", true),
            ("ue", true),
            ("x", false),
            ("les", false),
            ("the", false),
            ("2026", true),
            ("12", false),
            ("123456", false),
            ("1er", true),
            ("covid19", true),
            (thirty.as_str(), true),
            (thirty_two.as_str(), false),
        ];
        for (word, expected) in cases {
            assert_eq!(is_term(word), expected, "{word}");
        }
    }

    #[test]
    fn the_index_keeps_short_document_fields_and_strips_the_common_url_prefix() {
        let index: serde_json::Value = serde_json::from_str(&index(&sample())).unwrap();
        assert_eq!(index["version"], 1);
        assert_eq!(index["prefix"], "/coop/fr/");
        assert_eq!(index["kinds"], serde_json::json!(["news", "project", "page"]));
        assert_eq!(
            index["docs"],
            serde_json::json!([
                [
                    "actualites/lancement/",
                    "Lancement de la Coopération",
                    0,
                    "2026-02-06",
                    "Le programme démarre à Porto-Novo."
                ],
                [
                    "projets/aqualoc/",
                    "AQUALOC : l'eau potable",
                    1,
                    "",
                    "Un projet de coopération décentralisée pour l'accès à l'eau, œuvre commune des deux régions."
                ],
                ["mentions-legales/", "Mentions légales", 2, "", "Éditeur du site."]
            ])
        );
        assert!(index["stop"].as_array().unwrap().contains(&"les".into()));
    }

    #[test]
    fn accented_words_are_found_by_their_folded_form_in_titles_summaries_and_bodies() {
        let index: serde_json::Value = serde_json::from_str(&index(&sample())).unwrap();
        assert_eq!(postings(&index, "cooperation"), [0, 1], "title of 0, body of 1");
        assert_eq!(postings(&index, "porto"), [0], "summary");
        assert_eq!(postings(&index, "oeuvre"), [1]);
        assert_eq!(postings(&index, "hebergement"), [2]);
        assert_eq!(postings(&index, "2026"), [0]);
        for dropped in ["la", "les", "de", "12", "l"] {
            assert_eq!(postings(&index, dropped), [0u32; 0], "{dropped}");
        }
        let terms: Vec<_> = index["terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(terms.is_sorted(), "terms are sorted for prefix search");
    }

    #[test]
    fn postings_round_trip_through_gaps_long_numbers_complements_and_bitmaps() {
        let cases: &[(&[u32], u32, &str)] = &[
            (&[0], 10, "0"),
            (&[0, 1, 2], 100, "000"),
            (&[0, 1, 2], 10, "~7"),
            (&[0, 2, 4, 6, 8], 12, "~l5"),
            (&[0, 1, 2, 3, 4, 5, 7, 8, 9, 10], 30, "~_u"),
            (&[3, 7, 11], 18, "333"),
            (&[0, 1, 201], 1000, "00C7"),
            (&[31, 32, 393], 1000, "v0H8"),
            (&[100_000], 200_000, "zxR0"),
            (&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10, "!"),
            (&[0, 1, 2, 3, 5, 6, 7, 8, 9], 10, "!4"),
        ];
        for (list, total, written) in cases {
            let text = encode(list, *total);
            assert_eq!(text, *written, "{list:?}");
            assert_eq!(decode(&text, *total), *list, "{list:?} written {text}");
        }
    }

    #[test]
    fn summaries_are_shortened_at_a_word_boundary_with_an_ellipsis() {
        assert_eq!(shorten("  deux   mots ", 160), "deux mots");
        assert_eq!(shorten("un deux trois", 9), "un deux…");
        assert_eq!(shorten("anticonstitutionnellement", 6), "antic…");
        let long = "Coopération décentralisée ".repeat(20);
        let short = shorten(&long, SUMMARY_CHARS);
        assert!(short.chars().count() <= SUMMARY_CHARS && short.ends_with("décentralisée…"), "{short}");
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
                    "news",
                    Some(&format!("20{:02}-{:02}-{:02}", 10 + i % 16, 1 + i % 12, 1 + i % 28)),
                    "",
                    &text,
                )
            })
            .collect()
    }

    /// Guards against storing whole texts: 500 documents give an index of
    /// about 0.94 MB for 2.2 MB of text (5,000 give 4.7 MB for 22 MB, as
    /// the vocabulary is shared).
    #[test]
    fn the_index_of_varied_french_text_is_less_than_half_the_size_of_the_text() {
        let docs = french_docs(500);
        let text: usize = docs.iter().map(|d| d.title.len() + d.text.len()).sum();
        let size = index(&docs).len();
        assert!(size * 2 < text, "{size} bytes of index for {text} bytes of text");
    }

    /// `cargo test --release -- --ignored --nocapture index_size`
    #[test]
    #[ignore = "a measurement, not a check"]
    fn index_size_for_5000_documents_of_600_words() {
        let docs = french_docs(5_000);
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let started = std::time::Instant::now();
        let json = index(&docs);
        let elapsed = started.elapsed();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let part = |key: &str| value[key].to_string().len();
        println!(
            "{} docs, {words} words: index {} bytes in {elapsed:?} (docs {}, terms {} for {} terms, postings {})",
            docs.len(),
            json.len(),
            part("docs"),
            part("terms"),
            value["terms"].as_array().unwrap().len(),
            part("postings"),
        );
        std::fs::write(std::env::temp_dir().join("search-5000.json"), json).unwrap();
    }

    #[test]
    fn an_empty_language_gives_a_valid_empty_index() {
        let index: serde_json::Value = serde_json::from_str(&index(&[])).unwrap();
        assert_eq!(index["docs"], serde_json::json!([]));
        assert_eq!(index["terms"], serde_json::json!([]));
    }
}
