//! Owns the folding of text into search words: lowercase, accents
//! folded to ASCII, punctuation to spaces, and which folded words are
//! terms (long enough, not stop words, not plain numbers). The index folds
//! the site's text with it; the search page's script repeats it for
//! queries. Pure functions, no I/O, nothing of stems or files.
//!
//! [`FOLD`], [`fold_words`] and [`is_term`] are repeated in
//! `themes/default/static/search.js`: keep them in sync. The Node test
//! `tests/browser/search_fold.test.mjs` checks that both FOLD strings are
//! identical and runs the table of cases of the test of `fold` below.

use std::sync::OnceLock;

/// Shortest indexed term, in characters.
pub(crate) const MIN_TERM: usize = 2;
/// Longest indexed term, in characters: longer ones are noise (hashes, joined words).
pub(crate) const MAX_TERM: usize = 30;

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
pub(crate) fn fold_words(text: &str, mut each: impl FnMut(&str)) {
    // The word being folded, when it cannot be handed out as written.
    let mut word = String::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if ASCII_WORD[usize::from(byte)] != 0 {
            // A run of ASCII letters and digits, the bulk of most text.
            let start = at;
            let mut classes = 0;
            while let Some(&class) = bytes.get(at).map(|&b| &ASCII_WORD[usize::from(b)]).filter(|&&c| c != 0) {
                classes |= class;
                at += 1;
            }
            let upper = classes & UPPER != 0;
            let run = &text[start..at];
            if word.is_empty() && !upper && bytes.get(at).is_none_or(u8::is_ascii) {
                each(run); // a whole word already folded: given as written
            } else {
                word.push_str(run);
                if upper {
                    word.make_ascii_lowercase();
                }
            }
            continue;
        }
        if byte.is_ascii() {
            at += 1;
            end_word(&mut word, &mut each);
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        at += c.len_utf8();
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
                end_word(&mut word, &mut each);
            } // a combining accent is dropped without splitting the word
        }
    }
    end_word(&mut word, &mut each);
}

/// Each byte's part in an ASCII word: 0 for none (other ASCII characters,
/// and the bytes of other characters), [`LOWER`] for a lowercase letter or
/// a digit, [`UPPER`] for a capital.
const ASCII_WORD: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            table[b] = LOWER;
        } else if byte.is_ascii_uppercase() {
            table[b] = UPPER;
        }
        b += 1;
    }
    table
};
const LOWER: u8 = 1;
const UPPER: u8 = 2;

/// Hands out the word being folded, if any, and empties it.
fn end_word(word: &mut String, each: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        each(word);
        word.clear();
    }
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
pub(crate) fn stop_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<_> = STOP_FR.split_whitespace().chain(STOP_EN.split_whitespace()).collect();
        words.sort_unstable();
        words.dedup();
        words
    })
}

/// Whether a folded word is a stop word.
fn is_stop_word(word: &str) -> bool {
    stop_words().binary_search(&word).is_ok()
}

/// Whether a folded word goes into the index (and counts in a query).
pub(crate) fn is_term(word: &str) -> bool {
    let chars = if word.is_ascii() { word.len() } else { word.chars().count() };
    (MIN_TERM..=MAX_TERM).contains(&chars)
        && (chars == 4 || !word.bytes().all(|b| b.is_ascii_digit()))
        && (word.len() > LONGEST_STOP_WORD || !is_stop_word(word))
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
}
