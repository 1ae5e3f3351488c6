//! Owns which Snowball stemmer a language's index uses (`rust-stemmers`)
//! and how a folded word is stemmed. Words are folded first and stemmed
//! after (`cooperations` → `cooper`), so that a folded word has exactly one
//! stem, the one the search page finds for it in the index; the browser
//! never stems. Languages without a Snowball stemmer keep words whole.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// The stemmer of one language, if it has one.
pub(crate) struct Stems {
    stemmer: Option<Stemmer>,
    name: &'static str,
}

impl Stems {
    /// The stemmer for a language code (`fr`, `en`, `pt-BR`…): the Snowball
    /// algorithm of its primary subtag, or none.
    pub(crate) fn for_language(lang: &str) -> Stems {
        let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let found = ALGORITHMS.iter().find(|(code, _, _)| *code == primary);
        Stems {
            stemmer: found.map(|(_, _, algorithm)| Stemmer::create(*algorithm)),
            name: found.map_or("none", |(_, name, _)| name),
        }
    }

    /// The stem of a folded word (the word itself without a stemmer).
    pub(crate) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word),
            None => Cow::Borrowed(word),
        }
    }

    /// The algorithm's name (`french`, `english`…), or `none`.
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }
}

/// Language code, name written in the index, algorithm.
const ALGORITHMS: &[(&str, &str, Algorithm)] = &[
    ("ar", "arabic", Algorithm::Arabic),
    ("da", "danish", Algorithm::Danish),
    ("de", "german", Algorithm::German),
    ("el", "greek", Algorithm::Greek),
    ("en", "english", Algorithm::English),
    ("es", "spanish", Algorithm::Spanish),
    ("fi", "finnish", Algorithm::Finnish),
    ("fr", "french", Algorithm::French),
    ("hu", "hungarian", Algorithm::Hungarian),
    ("it", "italian", Algorithm::Italian),
    ("nb", "norwegian", Algorithm::Norwegian),
    ("nl", "dutch", Algorithm::Dutch),
    ("nn", "norwegian", Algorithm::Norwegian),
    ("no", "norwegian", Algorithm::Norwegian),
    ("pt", "portuguese", Algorithm::Portuguese),
    ("ro", "romanian", Algorithm::Romanian),
    ("ru", "russian", Algorithm::Russian),
    ("sv", "swedish", Algorithm::Swedish),
    ("ta", "tamil", Algorithm::Tamil),
    ("tr", "turkish", Algorithm::Turkish),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_inflections_share_a_stem_in_french_and_english() {
        let cases: &[(&str, &[&str])] = &[
            ("fr", &["cooperation", "cooperations", "cooperer"]),
            ("fr", &["partenaire", "partenaires"]),
            ("fr", &["partenariat", "partenariats"]),
            ("fr", &["region", "regions"]),
            ("fr", &["regional", "regionale", "regionales", "regionaux"]),
            ("fr", &["activite", "activites"]),
            ("fr", &["jeune", "jeunes"]),
            ("en", &["partnership", "partnerships"]),
            ("en", &["cooperation", "cooperations", "cooperate"]),
            ("en", &["region", "regions"]),
            ("en", &["study", "studies"]),
        ];
        for (lang, words) in cases {
            let stems = Stems::for_language(lang);
            let first = stems.stem(words[0]);
            for word in &words[1..] {
                assert_eq!(stems.stem(word), first, "{lang}: {word} and {}", words[0]);
            }
        }
    }

    #[test]
    fn stems_are_prefixes_of_their_folded_words_in_the_common_cases() {
        let fr = Stems::for_language("fr");
        assert_eq!(fr.stem("cooperations"), "cooper");
        assert_eq!(fr.stem("cooperation"), "cooper");
        let en = Stems::for_language("en-GB");
        assert_eq!(en.stem("partnerships"), "partnership");
    }

    #[test]
    fn languages_are_chosen_by_their_primary_subtag_and_others_keep_words_whole() {
        assert_eq!(Stems::for_language("fr").name(), "french");
        assert_eq!(Stems::for_language("pt-BR").name(), "portuguese");
        assert_eq!(Stems::for_language("EN").name(), "english");
        let none = Stems::for_language("eu");
        assert_eq!(none.name(), "none");
        assert_eq!(none.stem("etxeak"), "etxeak");
    }
}
