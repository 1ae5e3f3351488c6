//! Owns reading the YAML files of `content/data/`: texts written per
//! language, the position (line, column) of every value, and the checks any
//! such file needs (unknown fields with "did you mean", whole numbers,
//! dates, texts missing in a language). `surveys` and `funders` read their
//! own files with it; it knows nothing of either.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};
use marked_yaml::{LoaderOptions, Node};

use crate::diag::{Diagnostic, did_you_mean};

/// The folder of data files, relative to the site root.
pub(crate) const FOLDER: &str = "content/data";

/// A text written per language (`{ fr: "Oui", en: "Yes" }`), or once for
/// every language (`"COOPJOP"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Texts {
    pub(crate) by_lang: BTreeMap<String, String>,
    pub(crate) neutral: Option<String>,
}

/// A text as shown on a page of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shown {
    pub text: String,
    /// The language the text is written in, when it is not the page's
    /// (a missing translation): mark it with `lang`.
    pub lang: Option<String>,
}

impl Texts {
    /// The same text in every language.
    pub(crate) fn neutral(text: &str) -> Texts {
        Texts { by_lang: BTreeMap::new(), neutral: Some(text.to_string()) }
    }

    /// The text for a page in `lang`: its own, else the default language's,
    /// else the first one written.
    pub(crate) fn get(&self, lang: &str, default: &str) -> Shown {
        if let Some(text) = &self.neutral {
            return Shown { text: text.clone(), lang: None };
        }
        if let Some(text) = self.by_lang.get(lang) {
            return Shown { text: text.clone(), lang: None };
        }
        let (code, text) = self
            .by_lang
            .get_key_value(default)
            .or_else(|| self.by_lang.iter().next())
            .map_or(("", ""), |(c, t)| (c.as_str(), t.as_str()));
        Shown { text: text.to_string(), lang: (!code.is_empty()).then(|| code.to_string()) }
    }
}

/// The languages texts may be written in.
pub(crate) struct Languages<'a> {
    pub codes: &'a [String],
    pub default: &'a str,
}

/// A number that changes whenever `value`, read from data files, changes:
/// what pages drawn from it compare to know whether to render again.
pub(crate) fn fingerprint(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The text of a data file, or the diagnostic saying why it cannot be read.
pub(crate) fn read(path: &Path, rel: &str) -> Result<String, Diagnostic> {
    match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(_)) => {
            Err(Diagnostic::error(rel, 1, 1, tr!("content-not-utf8")).with_hint(tr!("content-not-utf8-hint")))
        }
        Err(e) => Err(Diagnostic::error(rel, 1, 1, tr!("content-cannot-read-file", error = e.to_string()))),
    }
}

/// Reads one file, reporting into `diags`.
pub(crate) struct Reader<'a> {
    pub path: &'a str,
    pub languages: &'a Languages<'a>,
    pub found: Vec<Diagnostic>,
}

/// Line and column of a node.
pub(crate) fn at(node: &Node) -> (usize, usize) {
    node.span().start().map_or((1, 1), |m| (m.line(), m.column()))
}

pub(crate) fn at_scalar(node: &MarkedScalarNode) -> (usize, usize) {
    node.span().start().map_or((1, 1), |m| (m.line(), m.column()))
}

/// A scalar that says nothing: `key:`, `~`, `null`.
pub(crate) fn is_null(node: &Node) -> bool {
    node.as_scalar().is_some_and(|s| matches!(s.as_str().trim(), "" | "~" | "null" | "Null" | "NULL"))
}

impl Reader<'_> {
    pub(crate) fn error(&mut self, (line, col): (usize, usize), message: String) -> &mut Diagnostic {
        self.found.push(Diagnostic::error(self.path, line, col, message));
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    pub(crate) fn warning(&mut self, (line, col): (usize, usize), message: String) -> &mut Diagnostic {
        self.found.push(Diagnostic::warning(self.path, line, col, message));
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    /// The top-level mapping of a file, or None with the problem reported
    /// (`not_a_mapping` and its hint when the file is not a mapping).
    pub(crate) fn mapping(&mut self, text: &str, not_a_mapping: (String, String)) -> Option<Node> {
        let options = LoaderOptions::default().error_on_duplicate_keys(true);
        let root = match marked_yaml::parse_yaml_with_options(0, text, options) {
            Ok(root) => root,
            Err(e) => {
                self.yaml_error(&e);
                return None;
            }
        };
        if root.as_mapping().is_none() {
            let (message, hint) = not_a_mapping;
            let d = self.error(at(&root), message);
            d.hint = Some(hint);
            return None;
        }
        Some(root)
    }

    fn yaml_error(&mut self, error: &marked_yaml::LoadError) {
        use marked_yaml::LoadError;
        let place = |marker: &marked_yaml::Marker| (marker.line(), marker.column());
        let (place, message) = match error {
            LoadError::ScanError(marker, scan) => (place(marker), tr!("data-yaml-syntax", detail = scan.info())),
            LoadError::DuplicateKey(inner) => {
                let first = at_scalar(&inner.prev_key).0;
                (at_scalar(&inner.key), tr!("data-duplicate-key", key = inner.key.as_str(), line = first))
            }
            LoadError::TopLevelMustBeMapping(marker) => (place(marker), tr!("data-not-a-mapping")),
            LoadError::UnexpectedAnchor(marker) | LoadError::UnexpectedTag(marker) => {
                (place(marker), tr!("data-yaml-unsupported"))
            }
            LoadError::MappingKeyMustBeScalar(marker) => (place(marker), tr!("data-yaml-key")),
            other => ((1, 1), tr!("data-yaml-syntax", detail = other.to_string())),
        };
        self.error(place, message);
    }

    pub(crate) fn unknown_keys(&mut self, map: &MarkedMappingNode, known: &[&str]) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let hint = match did_you_mean(key.as_str(), known.iter().copied()) {
                    Some(close) => tr!("did-you-mean", name = close),
                    None => tr!("data-known-fields", fields = known.join(", ")),
                };
                let d = self.error(at_scalar(key), tr!("data-unknown-field", field = key.as_str()));
                d.hint = Some(hint);
            }
        }
    }

    /// A whole number ≥ 0.
    pub(crate) fn count(&mut self, node: &Node, field: &str) -> Option<u64> {
        let text = node.as_scalar().map(|s| s.as_str().trim());
        match text.and_then(|t| t.parse::<u64>().ok()) {
            Some(n) => Some(n),
            None => {
                let shown = text.unwrap_or("…");
                let d = self.error(at(node), tr!("data-not-a-count", field = field, value = shown));
                d.hint = Some(tr!("data-not-a-count-hint"));
                None
            }
        }
    }

    pub(crate) fn required_texts(
        &mut self,
        map: &MarkedMappingNode,
        field: &str,
        place: (usize, usize),
    ) -> Option<Texts> {
        match map.get_node(field).filter(|n| !is_null(n)) {
            Some(node) => self.texts(node, field),
            None => {
                let place = map.get_node(field).map_or(place, at);
                self.error(place, tr!("data-missing-field", field = field));
                None
            }
        }
    }

    /// `"text"` for every language, or `{ fr: "...", en: "..." }`: a
    /// language missing is a warning, an unknown one an error.
    pub(crate) fn texts(&mut self, node: &Node, field: &str) -> Option<Texts> {
        match node {
            Node::Scalar(text) => Some(Texts::neutral(text.as_str())),
            Node::Mapping(map) => {
                let mut texts = Texts::default();
                let codes = self.languages.codes;
                for (key, value) in map.iter() {
                    let code = key.as_str();
                    if !codes.iter().any(|c| c == code) {
                        let d = self.error(at_scalar(key), tr!("data-unknown-language", lang = code));
                        d.hint = Some(match did_you_mean(code, codes.iter().map(String::as_str)) {
                            Some(close) => tr!("did-you-mean", name = close),
                            None => tr!("data-languages", codes = codes.join(", ")),
                        });
                        continue;
                    }
                    match value.as_scalar() {
                        Some(text) => {
                            texts.by_lang.insert(code.to_string(), text.as_str().to_string());
                        }
                        None => {
                            self.error(at(value), tr!("data-not-a-text", field = field, lang = code));
                        }
                    }
                }
                if texts.by_lang.is_empty() {
                    return None;
                }
                let missing: Vec<&str> =
                    codes.iter().map(String::as_str).filter(|c| !texts.by_lang.contains_key(*c)).collect();
                if !missing.is_empty() {
                    let shown = texts.get(missing[0], self.languages.default).lang.unwrap_or_default();
                    let message = tr!("data-missing-translation", field = field, langs = missing.join(", "));
                    let d = self.warning(at(node), message);
                    d.hint = Some(tr!("data-missing-translation-hint", lang = shown));
                }
                Some(texts)
            }
            Node::Sequence(_) => {
                self.error(at(node), tr!("data-not-texts", field = field));
                None
            }
        }
    }

    pub(crate) fn date(&mut self, map: &MarkedMappingNode, field: &str) -> Option<Date> {
        let node = map.get_node(field).filter(|n| !is_null(n))?;
        let text = node.as_scalar().map(|s| s.as_str().trim()).unwrap_or_default();
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                let d = self.error(at(node), tr!("data-not-a-date", field = field, value = text));
                d.hint = Some(tr!("data-not-a-date-hint"));
                None
            }
        }
    }
}
