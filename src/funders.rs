//! Owns the funder registry, `content/data/funders.yaml`: one entry per
//! funder id with its name and statement per language, its kind, logo and
//! website. It reads and checks the file where each value is written, checks
//! what projects' `funding` says of funders (ids, statements to show), and
//! knows the wording the European Union prescribes for its funding
//! statement. It draws nothing: views and templates show the funders.

use std::collections::BTreeMap;
use std::path::Path;

use marked_yaml::Node;

use crate::config::is_slug;
use crate::content::SourceFile;
use crate::data::{self, FOLDER, Languages, Reader, Texts, at, at_scalar, is_null};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::frontmatter::{FrontMatter, value_position};

/// The registry, relative to the site root.
pub(crate) const FILE: &str = "content/data/funders.yaml";

/// What a funder is: the European Union's rules apply to `eu`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Eu,
    State,
    Region,
    Foundation,
    Other,
}

impl Kind {
    const NAMES: [&'static str; 5] = ["eu", "state", "region", "foundation", "other"];

    pub(crate) fn name(self) -> &'static str {
        Kind::NAMES[self as usize]
    }

    fn parse(text: &str) -> Option<Kind> {
        let all = [Kind::Eu, Kind::State, Kind::Region, Kind::Foundation, Kind::Other];
        all.into_iter().find(|k| k.name() == text)
    }
}

/// One funder of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Funder {
    pub id: String,
    pub kind: Kind,
    pub name: Texts,
    /// What pages say of its support, e.g. « Avec le soutien du ministère… ».
    pub statement: Option<Texts>,
    /// A file of the site, as written (`/images/meae.svg`).
    pub logo: Option<String>,
    /// Where `logo` is written in the registry, to report a missing file.
    pub logo_at: (usize, usize),
    pub url: Option<String>,
}

/// Every funder of a site, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Funders {
    by_id: BTreeMap<String, Funder>,
}

impl Funders {
    pub(crate) fn get(&self, id: &str) -> Option<&Funder> {
        self.by_id.get(id)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Funder> {
        self.by_id.values()
    }

    /// A number that changes whenever any funder changes.
    pub(crate) fn fingerprint(&self) -> u64 {
        crate::data::fingerprint(self)
    }
}

/// The funding statements the European Union prescribes beside its
/// emblem, by language: "Co-funded by" for a share of the costs, "Funded
/// by" for all of them.
const EU_WORDING: &[(&str, &[&str])] = &[
    ("en", &["Co-funded by the European Union", "Funded by the European Union"]),
    ("fr", &["Cofinancé par l'Union européenne", "Financé par l'Union européenne"]),
    ("de", &["Kofinanziert von der Europäischen Union", "Finanziert von der Europäischen Union"]),
    ("it", &["Cofinanziato dall'Unione europea", "Finanziato dall'Unione europea"]),
    ("es", &["Cofinanciado por la Unión Europea", "Financiado por la Unión Europea"]),
    ("pt", &["Cofinanciado pela União Europeia", "Financiado pela União Europeia"]),
    ("nl", &["Medegefinancierd door de Europese Unie", "Gefinancierd door de Europese Unie"]),
];

/// The EU's wordings in `lang` (its primary subtag), if we know them.
fn eu_wording(lang: &str) -> Option<&'static [&'static str]> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase();
    EU_WORDING.iter().find(|(code, _)| *code == primary).map(|(_, wording)| *wording)
}

/// Whether `text` is one of the prescribed wordings, typographic
/// apostrophes and spacing aside.
fn is_eu_wording(text: &str, wording: &[&str]) -> bool {
    let plain = |s: &str| s.replace(['’', '\u{2BC}'], "'").split_whitespace().collect::<Vec<_>>().join(" ");
    let text = plain(text);
    wording.iter().any(|w| plain(w) == text)
}

const FUNDER_KEYS: &[&str] = &["name", "statement", "kind", "logo", "url"];

/// Reads the registry, if the site has one.
pub(crate) fn load(root: &Path, languages: &Languages) -> (Funders, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(rel) = ["funders.yaml", "funders.yml"]
        .map(|name| format!("{FOLDER}/{name}"))
        .into_iter()
        .find(|rel| root.join(rel).is_file())
    else {
        return (Funders::default(), diags);
    };
    let path = root.join(&rel);
    let text = match data::read(&path, &rel) {
        Ok(text) => text,
        Err(d) => {
            diags.push(d);
            return (Funders::default(), diags);
        }
    };
    let mut reader = Reader { path: &rel, languages, found: Vec::new() };
    let funders = read(&mut reader, &text);
    diags.extend(reader.found);
    (funders, diags)
}

fn read(reader: &mut Reader, text: &str) -> Funders {
    let mut funders = Funders::default();
    let not_a_mapping = (tr!("funders-not-a-mapping"), tr!("funders-not-a-mapping-hint"));
    let Some(root) = reader.mapping(text, not_a_mapping) else { return funders };
    let Some(map) = root.as_mapping() else { return funders };
    for (key, node) in map.iter() {
        let id = key.as_str();
        if !is_slug(id) {
            let d = reader.error(at_scalar(key), tr!("funders-invalid-id", id = id));
            d.hint = Some(tr!("content-invalid-id-hint"));
            continue;
        }
        if let Some(funder) = funder(reader, id, node) {
            funders.by_id.insert(id.to_string(), funder);
        }
    }
    funders
}

fn funder(reader: &mut Reader, id: &str, node: &Node) -> Option<Funder> {
    let Some(map) = node.as_mapping() else {
        let d = reader.error(at(node), tr!("funders-not-a-group", id = id));
        d.hint = Some(tr!("funders-not-a-group-hint"));
        return None;
    };
    reader.unknown_keys(map, FUNDER_KEYS);
    let name = reader.required_texts(map, "name", at(node)).unwrap_or_else(|| Texts::neutral(id));
    let kind = match map.get_scalar("kind") {
        Some(kind) => match Kind::parse(kind.as_str().trim()) {
            Some(kind) => kind,
            None => {
                let written = kind.as_str().trim();
                let d = reader.error(at_scalar(kind), tr!("funders-unknown-kind", kind = written));
                d.hint = Some(match did_you_mean(written, Kind::NAMES) {
                    Some(close) => tr!("did-you-mean", name = close),
                    None => tr!("funders-kinds", kinds = Kind::NAMES.join(", ")),
                });
                Kind::Other
            }
        },
        None => {
            let d = reader.error(at(node), tr!("data-missing-field", field = "kind"));
            d.hint = Some(tr!("funders-kinds", kinds = Kind::NAMES.join(", ")));
            Kind::Other
        }
    };
    let statement_node = map.get_node("statement").filter(|n| !is_null(n));
    let statement = statement_node.and_then(|n| reader.texts(n, "statement"));
    if let Some(node) = statement_node.filter(|_| kind == Kind::Eu) {
        check_eu_statement(reader, node);
    }
    let scalar = |field: &str| map.get_scalar(field).map(|s| (s.as_str().trim().to_string(), at_scalar(s)));
    let (logo, logo_at) = scalar("logo").filter(|(l, _)| !l.is_empty()).map_or((None, (1, 1)), |(l, p)| (Some(l), p));
    let url = scalar("url").map(|(u, _)| u).filter(|u| !u.is_empty());
    Some(Funder { id: id.to_string(), kind, name, statement, logo, logo_at, url })
}

/// Warns where an EU funder's statement is not the wording the EU
/// prescribes in its language.
fn check_eu_statement(reader: &mut Reader, node: &Node) {
    let codes: Vec<String> = reader.languages.codes.to_vec();
    let mut check = |lang: &str, text: &str, place: (usize, usize)| {
        let Some(wording) = eu_wording(lang) else { return };
        if !is_eu_wording(text, wording) {
            let d = reader.warning(place, tr!("funders-eu-wording", lang = lang));
            d.hint = Some(tr!("funders-eu-wording-hint", wording = wording.join(" » / « ")));
        }
    };
    match node {
        Node::Mapping(map) => {
            for (lang, value) in map.iter() {
                if let Some(text) = value.as_scalar() {
                    check(lang.as_str(), text.as_str(), at(value));
                }
            }
        }
        Node::Scalar(text) => {
            for lang in codes.iter().filter(|l| eu_wording(l).is_some_and(|w| !is_eu_wording(text.as_str(), w))) {
                check(lang, text.as_str(), at(node));
            }
        }
        Node::Sequence(_) => {}
    }
}

/// Reports every funder logo that is not a file of the site.
pub(crate) fn check_logos(funders: &Funders, files: &crate::downloads::Files, diags: &mut Diagnostics) {
    for funder in funders.iter() {
        let Some(logo) = &funder.logo else { continue };
        if let crate::markdown::Destination::Missing { path, close } = files.destination(logo) {
            let (line, col) = funder.logo_at;
            let d = Diagnostic::error(FILE, line, col, tr!("funders-missing-logo", logo = logo.as_str()));
            diags.push(d.with_hint(match close {
                Some(close) => tr!("did-you-mean", name = close),
                None => tr!("funders-missing-logo-hint", path = path),
            }));
        }
    }
}

/// Checks the `funding` a project file writes itself: every funder id is in
/// the registry, and at least one of the project's funders has a statement
/// for its pages to show.
pub(crate) fn check_funding(file: &SourceFile, own: &FrontMatter, funders: &Funders, diags: &mut Diagnostics) {
    let FrontMatter::Project(project) = own else { return };
    let Some(funding) = &project.funding else { return };
    let mut known = Vec::new();
    for line in funding {
        match funders.get(&line.funder) {
            Some(funder) => known.push(funder),
            None => {
                let (row, col) = value_position(file, "funding", &line.funder);
                let message = tr!("funders-unknown", id = line.funder.as_str());
                let mut d = Diagnostic::error(&file.path, row, col, message)
                    .with_suggestion(&line.funder, funders.iter().map(|f| f.id.as_str()));
                if d.hint.is_none() {
                    d = d.with_hint(tr!("funders-unknown-hint", file = FILE, id = line.funder.as_str()));
                }
                diags.push(d);
            }
        }
    }
    // An EU funder without a statement shows the EU's wording from the theme.
    if !known.is_empty() && known.iter().all(|f| f.statement.is_none() && f.kind != Kind::Eu) {
        let (row, col) = value_position(file, "funding", &known[0].id);
        let d = Diagnostic::warning(&file.path, row, col, tr!("funders-no-statement"));
        diags.push(d.with_hint(tr!("funders-no-statement-hint", file = FILE)));
    }
}
