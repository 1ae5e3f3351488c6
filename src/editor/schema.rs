//! Owns what the edit form shows for each content type: its fields in the
//! order `passerelle new` writes them, the kind of input each one takes,
//! and how a field's value in the file becomes form values and back.

use serde_yaml::{Mapping, Value};

use crate::content::Kind;
use crate::frontmatter::{ACTION_KINDS, PARTNER_KINDS, STATUSES};

/// The kind of input a field takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Input {
    Text,
    /// A few lines of plain text (a summary).
    Long,
    Date,
    /// A date with an optional time (an action's start and end).
    When,
    Url,
    Integer,
    Bool,
    Choice(&'static [&'static str]),
    Country,
    /// One item of a type, by id.
    Ref(Kind),
    /// Items of a type, by id, chosen by their titles.
    Refs(Kind),
    /// Words separated by commas (tags, themes, aliases).
    List,
    /// Repeatable groups of sub-fields (funding, working groups).
    Group(&'static [Sub]),
    /// A news image: source, alternative text, credit and focus.
    Image,
    /// Latitude and longitude.
    Location,
}

/// A sub-field of a repeatable group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sub {
    pub name: &'static str,
    pub number: bool,
    pub required: bool,
}

/// One front matter field as the form shows it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub name: &'static str,
    pub input: Input,
    /// Shown at once; the others are under "more fields".
    pub main: bool,
}

const fn f(name: &'static str, input: Input, main: bool) -> Field {
    Field { name, input, main }
}

const FUNDING: &[Sub] = &[
    Sub { name: "funder", number: false, required: true },
    Sub { name: "programme", number: false, required: false },
    Sub { name: "rate", number: true, required: false },
    Sub { name: "amount", number: true, required: false },
    Sub { name: "currency", number: false, required: false },
];
const GROUPS: &[Sub] = &[
    Sub { name: "id", number: false, required: false },
    Sub { name: "title", number: false, required: true },
    Sub { name: "summary", number: false, required: false },
];

const SLUG: Field = f("slug", Input::Text, false);
const DRAFT: Field = f("draft", Input::Bool, false);

const PROJECT: &[Field] = &[
    f("title", Input::Text, true),
    f("start", Input::Date, true),
    f("acronym", Input::Text, false),
    f("summary", Input::Long, true),
    f("status", Input::Choice(&STATUSES), true),
    f("end", Input::Date, true),
    f("lead", Input::Ref(Kind::Partner), true),
    f("partners", Input::Refs(Kind::Partner), true),
    f("themes", Input::List, false),
    f("funding", Input::Group(FUNDING), false),
    f("working_groups", Input::Group(GROUPS), false),
    f("website", Input::Url, false),
    f("logo", Input::Text, false),
    f("time_zone", Input::Text, false),
    SLUG,
    DRAFT,
];
const PARTNER: &[Field] = &[
    f("title", Input::Text, true),
    f("kind", Input::Choice(&PARTNER_KINDS), true),
    f("country", Input::Country, true),
    f("short_name", Input::Text, false),
    f("official_name", Input::Text, false),
    f("official_lang", Input::Text, false),
    f("location", Input::Location, false),
    f("website", Input::Url, true),
    f("logo", Input::Text, false),
    f("summary", Input::Long, true),
    SLUG,
    DRAFT,
];
const ACTION: &[Field] = &[
    f("title", Input::Text, true),
    f("project", Input::Ref(Kind::Project), true),
    f("start", Input::When, true),
    f("number", Input::Integer, false),
    f("kind", Input::Choice(&ACTION_KINDS), true),
    f("end", Input::When, true),
    f("location", Input::Text, true),
    f("online", Input::Bool, false),
    f("partners", Input::Refs(Kind::Partner), true),
    f("working_group", Input::Text, false),
    f("status", Input::Choice(&STATUSES), false),
    f("summary", Input::Long, true),
    f("time_zone", Input::Text, false),
    SLUG,
    DRAFT,
];
const NEWS: &[Field] = &[
    f("title", Input::Text, true),
    f("date", Input::Date, true),
    f("summary", Input::Long, true),
    f("author", Input::Text, false),
    f("projects", Input::Refs(Kind::Project), true),
    f("partners", Input::Refs(Kind::Partner), true),
    f("working_group", Input::Text, false),
    f("tags", Input::List, true),
    f("image", Input::Image, true),
    f("aliases", Input::List, false),
    SLUG,
    DRAFT,
];
const PAGE: &[Field] = &[
    f("title", Input::Text, true),
    f("summary", Input::Long, true),
    f("menu", Input::Integer, false),
    f("aliases", Input::List, false),
    SLUG,
    DRAFT,
];
const HOME: &[Field] = &[f("title", Input::Text, true), f("summary", Input::Long, true)];

/// The fields of a type, in the order `passerelle new` writes them.
pub(crate) fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Project => PROJECT,
        Kind::Partner => PARTNER,
        Kind::Action => ACTION,
        Kind::News => NEWS,
        Kind::Page => PAGE,
        Kind::Home => HOME,
    }
}

/// The field names of a type in order: where new fields are written.
pub(crate) fn order(kind: Kind) -> Vec<&'static str> {
    fields(kind).iter().map(|f| f.name).collect()
}

/// What a form posted, as (name, value) pairs in order.
pub(crate) struct Posted<'a>(pub &'a [(String, String)]);

impl Posted<'_> {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn text(&self, name: &str) -> String {
        self.get(name).map(str::trim).unwrap_or_default().to_string()
    }

    pub fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The form name of a field.
pub(crate) fn name(field: &str) -> String {
    format!("f.{field}")
}

/// The value a field gets from what the form posted; None when empty.
pub(crate) fn read(field: &Field, posted: &Posted) -> Option<Value> {
    let key = name(field.name);
    let text = posted.text(&key);
    let string = |s: String| (!s.is_empty()).then_some(Value::String(s));
    match field.input {
        Input::Text | Input::Long | Input::Date | Input::Url | Input::Choice(_) | Input::Country | Input::Ref(_) => {
            string(text)
        }
        Input::When => {
            let time = posted.text(&format!("{key}.time"));
            if text.is_empty() {
                None
            } else if time.is_empty() {
                string(text)
            } else {
                string(format!("{text}T{time}"))
            }
        }
        Input::Integer => (!text.is_empty()).then(|| number(&text)),
        Input::Bool => posted.get(&key).map(|_| Value::Bool(true)),
        Input::Refs(_) => {
            let mut ids: Vec<String> = posted.all(&key).map(|v| v.trim().to_string()).collect();
            ids.extend(words(&posted.text(&format!("{key}.other"))));
            ids.retain(|id| !id.is_empty());
            let mut seen = std::collections::HashSet::new();
            ids.retain(|id| seen.insert(id.clone()));
            (!ids.is_empty()).then(|| Value::Sequence(ids.into_iter().map(Value::String).collect()))
        }
        Input::List => {
            let items = words(&text);
            (!items.is_empty()).then(|| Value::Sequence(items.into_iter().map(Value::String).collect()))
        }
        Input::Group(subs) => {
            let mut entries = Vec::new();
            for n in 0.. {
                let present = subs.iter().any(|s| posted.get(&format!("{key}.{n}.{}", s.name)).is_some());
                if !present {
                    break;
                }
                let mut entry = Mapping::new();
                for sub in subs {
                    let value = posted.text(&format!("{key}.{n}.{}", sub.name));
                    if !value.is_empty() {
                        let value = if sub.number { number(&value) } else { Value::String(value) };
                        entry.insert(Value::String(sub.name.to_string()), value);
                    }
                }
                if !entry.is_empty() {
                    entries.push(Value::Mapping(entry));
                }
            }
            (!entries.is_empty()).then_some(Value::Sequence(entries))
        }
        Input::Image => {
            let src = posted.text(&format!("{key}.src"));
            if src.is_empty() {
                return None;
            }
            let mut image = Mapping::new();
            for part in ["src", "alt", "credit", "focus"] {
                let value = posted.text(&format!("{key}.{part}"));
                if !value.is_empty() {
                    image.insert(Value::String(part.to_string()), Value::String(value));
                }
            }
            Some(Value::Mapping(image))
        }
        Input::Location => {
            if text.is_empty() {
                return None;
            }
            let parts: Vec<&str> = text.split(',').map(str::trim).collect();
            match parts.as_slice() {
                [lat, lon] => match (lat.parse::<f64>(), lon.parse::<f64>()) {
                    (Ok(lat), Ok(lon)) => Some(Value::Sequence(vec![lat.into(), lon.into()])),
                    _ => string(text),
                },
                _ => string(text),
            }
        }
    }
}

/// Comma-separated words, trimmed, without empty ones.
fn words(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// A number when the text is one; the text otherwise, for the build to
/// report at its line.
fn number(text: &str) -> Value {
    if let Ok(n) = text.parse::<i64>() {
        return n.into();
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => n.into(),
        _ => Value::String(text.to_string()),
    }
}

/// Whether the form's value is the file's: what the user did not change
/// stays as it is written, whatever its spelling.
pub(crate) fn same(field: &Field, old: Option<&Value>, new: Option<&Value>) -> bool {
    match (old, new) {
        (Some(Value::Bool(false)), None) | (None, Some(Value::Bool(false))) => field.input == Input::Bool,
        (Some(old), Some(new)) => match field.input {
            Input::Refs(_) => {
                let (mut a, mut b) = (flat(old), flat(new));
                a.sort();
                b.sort();
                a == b
            }
            _ => loose(old) == loose(new),
        },
        (None, None) => true,
        _ => false,
    }
}

/// The strings of a sequence (or of a single value).
fn flat(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().map(scalar).collect(),
        other => vec![scalar(other)],
    }
}

/// A value with every scalar as the text the form shows for it.
fn loose(value: &Value) -> Value {
    match value {
        Value::Sequence(items) => Value::Sequence(items.iter().map(loose).collect()),
        Value::Mapping(map) => Value::Mapping(map.iter().map(|(k, v)| (k.clone(), loose(v))).collect()),
        other => Value::String(scalar(other)),
    }
}

/// A scalar as the form shows it.
pub(crate) fn scalar(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        Value::Tagged(tagged) => scalar(&tagged.value),
        other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
    }
}

/// A list as the form shows it: its items separated by commas.
pub(crate) fn joined(value: Option<&Value>) -> String {
    value.map(flat).unwrap_or_default().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    fn field(kind: Kind, name: &str) -> Field {
        *fields(kind).iter().find(|f| f.name == name).unwrap()
    }

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn every_field_new_writes_is_in_the_form() {
        for kind in Kind::ITEMS {
            let names = order(kind);
            for required in crate::frontmatter::required(kind) {
                assert!(names.contains(required), "{kind:?} {required}");
            }
        }
    }

    #[test]
    fn form_values_become_yaml_values() {
        let pairs = posted(&[
            ("f.partners", "region-sud"),
            ("f.partners", "regione-lombardia"),
            ("f.partners.other", "ghost, region-sud"),
            ("f.tags", " jeunesse , , sport "),
            ("f.image.src", "/images/a.jpg"),
            ("f.image.alt", "Une photo"),
            ("f.image.credit", ""),
        ]);
        let p = Posted(&pairs);
        assert_eq!(read(&field(Kind::News, "partners"), &p), Some(yaml("[region-sud, regione-lombardia, ghost]")));
        assert_eq!(read(&field(Kind::News, "tags"), &p), Some(yaml("[jeunesse, sport]")));
        assert_eq!(read(&field(Kind::News, "image"), &p), Some(yaml("{src: /images/a.jpg, alt: Une photo}")));
        assert_eq!(read(&field(Kind::News, "summary"), &p), None);
        let pairs = posted(&[
            ("f.funding.0.funder", "eu"),
            ("f.funding.0.rate", "80"),
            ("f.funding.0.programme", ""),
            ("f.funding.1.funder", ""),
            ("f.funding.1.rate", ""),
        ]);
        assert_eq!(read(&field(Kind::Project, "funding"), &Posted(&pairs)), Some(yaml("[{funder: eu, rate: 80}]")));
        let pairs = posted(&[("f.start", "2026-12-07"), ("f.start.time", "09:30"), ("f.number", "douze")]);
        assert_eq!(read(&field(Kind::Action, "start"), &Posted(&pairs)), Some(yaml("'2026-12-07T09:30'")));
        assert_eq!(read(&field(Kind::Action, "number"), &Posted(&pairs)), Some(yaml("douze")));
    }

    #[test]
    fn values_spelled_otherwise_are_the_same() {
        let partners = field(Kind::News, "partners");
        assert!(same(&partners, Some(&yaml("[b, a]")), Some(&yaml("[a, b]"))));
        assert!(!same(&partners, Some(&yaml("[a]")), Some(&yaml("[a, b]"))));
        let rate = field(Kind::Project, "funding");
        assert!(same(&rate, Some(&yaml("[{funder: eu, rate: 80}]")), Some(&yaml("[{funder: eu, rate: '80'}]"))));
        let draft = field(Kind::News, "draft");
        assert!(same(&draft, Some(&yaml("false")), None));
        assert!(!same(&draft, Some(&yaml("true")), None));
        let title = field(Kind::News, "title");
        assert!(same(&title, Some(&yaml("'2026'")), Some(&yaml("2026"))));
    }
}
