//! Owns the typed front matter of each content type: the fields a file may
//! set, their types, enumerations and formats, which fields translators may
//! change, and the exact messages for each mistake. It checks one file at a
//! time and never looks at other files: references between items are
//! `resolve`'s job.

use jiff::civil::{Date, DateTime};
use serde::Deserialize;
use serde_yaml::{Mapping, Value};

use crate::content::{Kind, SourceFile};
use crate::diag::{Diagnostic, did_you_mean};

mod yaml_errors;

/// A date as written in front matter: `2026-02-06` or `2026-02-06T18:30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub date: Date,
    /// Set when the front matter gave a time.
    pub time: Option<jiff::civil::Time>,
}

impl When {
    pub fn parse(text: &str) -> Option<When> {
        let text = text.trim();
        if let Ok(date) = text.parse::<Date>()
            && text.len() == 10
        {
            return Some(When { date, time: None });
        }
        let normalized = text.replacen(' ', "T", 1);
        let datetime = normalized.parse::<DateTime>().ok()?;
        Some(When { date: datetime.date(), time: Some(datetime.time()) })
    }

    pub fn iso(&self) -> String {
        match self.time {
            Some(t) => format!("{}T{}", self.date, t.strftime("%H:%M")),
            None => self.date.to_string(),
        }
    }
}

/// A date field before checking its format (YAML gives it as a string).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct DateText(#[serde(deserialize_with = "date_text")] pub String);

/// What a date field expects, in serde's words (see `type_code`).
pub(crate) const DATE_EXPECTED: &str = "a date like 2026-02-06";

fn date_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(DATE_EXPECTED)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_str(Visitor)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeFm {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub extra: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingFm {
    pub funder: String,
    pub programme: Option<String>,
    pub rate: Option<f64>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroupFm {
    /// What actions and news write in `working_group:`; the slug of the
    /// title when not set. A translation's groups take the ids of the
    /// default-language version's, in order.
    pub id: Option<String>,
    pub title: String,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFm {
    pub title: Option<String>,
    pub acronym: Option<String>,
    pub summary: Option<String>,
    pub status: Option<String>,
    pub start: Option<DateText>,
    pub end: Option<DateText>,
    pub lead: Option<String>,
    pub partners: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub funding: Option<Vec<FundingFm>>,
    pub working_groups: Option<Vec<WorkingGroupFm>>,
    pub website: Option<String>,
    pub logo: Option<String>,
    /// IANA time zone of the project's actions, e.g. `Europe/Paris`.
    pub time_zone: Option<String>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerFm {
    pub title: Option<String>,
    pub short_name: Option<String>,
    pub official_name: Option<String>,
    pub official_lang: Option<String>,
    pub kind: Option<String>,
    pub country: Option<String>,
    pub location: Option<[f64; 2]>,
    pub website: Option<String>,
    pub logo: Option<String>,
    pub summary: Option<String>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionFm {
    pub title: Option<String>,
    pub project: Option<String>,
    pub number: Option<i64>,
    pub kind: Option<String>,
    pub start: Option<DateText>,
    pub end: Option<DateText>,
    pub location: Option<String>,
    pub online: Option<bool>,
    pub partners: Option<Vec<String>>,
    /// Id of a working group of its project.
    pub working_group: Option<String>,
    pub status: Option<String>,
    pub summary: Option<String>,
    /// IANA time zone of a timed start and end; the project's otherwise.
    pub time_zone: Option<String>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageFm {
    pub src: String,
    pub alt: Option<String>,
    /// Who made the image: shown under it ("Photo: …").
    pub credit: Option<String>,
    /// The point sharing crops keep in frame, as CSS `object-position`
    /// (`top`, `30% 20%`).
    pub focus: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsFm {
    pub title: Option<String>,
    pub date: Option<DateText>,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub projects: Option<Vec<String>>,
    pub partners: Option<Vec<String>>,
    /// Id of a working group of one of its projects.
    pub working_group: Option<String>,
    pub tags: Option<Vec<String>>,
    pub image: Option<ImageFm>,
    pub aliases: Option<Vec<String>>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFm {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub menu: Option<i64>,
    pub aliases: Option<Vec<String>>,
    pub slug: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<Value>,
}

/// The front matter of one file, typed by its content type.
#[derive(Debug, Clone)]
pub enum FrontMatter {
    Home(HomeFm),
    Project(ProjectFm),
    Partner(PartnerFm),
    Action(ActionFm),
    News(NewsFm),
    Page(PageFm),
}

impl FrontMatter {
    pub fn title(&self) -> Option<&str> {
        match self {
            FrontMatter::Home(f) => f.title.as_deref(),
            FrontMatter::Project(f) => f.title.as_deref(),
            FrontMatter::Partner(f) => f.title.as_deref(),
            FrontMatter::Action(f) => f.title.as_deref(),
            FrontMatter::News(f) => f.title.as_deref(),
            FrontMatter::Page(f) => f.title.as_deref(),
        }
    }

    pub fn slug(&self) -> Option<&str> {
        match self {
            FrontMatter::Home(_) => None,
            FrontMatter::Project(f) => f.slug.as_deref(),
            FrontMatter::Partner(f) => f.slug.as_deref(),
            FrontMatter::Action(f) => f.slug.as_deref(),
            FrontMatter::News(f) => f.slug.as_deref(),
            FrontMatter::Page(f) => f.slug.as_deref(),
        }
    }

    /// Old URLs that should redirect to this item.
    pub fn aliases(&self) -> &[String] {
        let aliases = match self {
            FrontMatter::News(f) => &f.aliases,
            FrontMatter::Page(f) => &f.aliases,
            _ => &None,
        };
        aliases.as_deref().unwrap_or_default()
    }

    /// The free `extra` map for themes.
    pub fn extra(&self) -> Option<&Value> {
        match self {
            FrontMatter::Home(f) => f.extra.as_ref(),
            FrontMatter::Project(f) => f.extra.as_ref(),
            FrontMatter::Partner(f) => f.extra.as_ref(),
            FrontMatter::Action(f) => f.extra.as_ref(),
            FrontMatter::News(f) => f.extra.as_ref(),
            FrontMatter::Page(f) => f.extra.as_ref(),
        }
    }
}

pub const STATUSES: [&str; 3] = ["planned", "ongoing", "completed"];
pub const PARTNER_KINDS: [&str; 9] = [
    "region",
    "department",
    "municipality",
    "intercommunality",
    "state",
    "university",
    "association",
    "agency",
    "other",
];
pub const ACTION_KINDS: [&str; 7] = ["meeting", "field-visit", "webinar", "seminar", "training", "study", "other"];

/// Fields a translation may set to its own value; every other field is
/// language-neutral and inherited from the default-language version.
pub fn translatable(kind: Kind, field: &str) -> bool {
    const ALWAYS: [&str; 6] = ["title", "summary", "slug", "extra", "draft", "aliases"];
    ALWAYS.contains(&field)
        || match kind {
            Kind::Project => matches!(field, "working_groups" | "funding" | "themes" | "acronym"),
            Kind::Partner => field == "short_name",
            Kind::Action => field == "location",
            Kind::News => matches!(field, "tags" | "image" | "author"),
            Kind::Home | Kind::Page => false,
        }
}

/// Required fields of a type, checked after inheritance.
pub fn required(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Home => &[],
        Kind::Project => &["title", "start"],
        Kind::Partner => &["title", "kind", "country"],
        Kind::Action => &["title", "project", "start"],
        Kind::News => &["title", "date"],
        Kind::Page => &["title"],
    }
}

/// Parses a file's own front matter as an untyped mapping (for
/// inheritance) and as typed fields (to check types and values), reporting
/// every problem.
pub fn parse(file: &SourceFile) -> Result<(Mapping, FrontMatter), Vec<Diagnostic>> {
    let mapping: Mapping = if file.front_matter.trim().is_empty() {
        Mapping::new()
    } else {
        match serde_yaml::from_str::<Value>(&file.front_matter) {
            Ok(Value::Mapping(m)) => m,
            Ok(Value::Null) => Mapping::new(),
            Ok(_) => {
                return Err(vec![
                    Diagnostic::error(&file.path, file.front_matter_line, 1, tr!("content-front-matter-not-fields"))
                        .with_hint(tr!("content-front-matter-not-fields-hint")),
                ]);
            }
            Err(err) => return Err(vec![yaml_errors::diagnostic(file, &err)]),
        }
    };
    // Typed from the fields already read, which is enough for almost
    // every file; reading the text again gives what a mistake needs: its
    // line and column (and reads a number as text where a field wants text).
    let fields = Value::Mapping(mapping);
    let typed = typed_of(file.kind, &fields).map_or_else(|| typed_from_str(file), Ok);
    // Given back whole: `fields` is the mapping wrapped just above.
    let mapping = match fields {
        Value::Mapping(mapping) => mapping,
        _ => Mapping::new(),
    };
    match typed {
        Ok(typed) => Ok((mapping, typed)),
        Err(err) => Err(vec![yaml_errors::diagnostic(file, &err)]),
    }
}

/// The front matter of a `kind` of content typed from its fields, or None
/// when they do not fit.
fn typed_of(kind: Kind, value: &Value) -> Option<FrontMatter> {
    use serde::Deserialize;
    Some(match kind {
        Kind::Home => FrontMatter::Home(Deserialize::deserialize(value).ok()?),
        Kind::Project => FrontMatter::Project(Deserialize::deserialize(value).ok()?),
        Kind::Partner => FrontMatter::Partner(Deserialize::deserialize(value).ok()?),
        Kind::Action => FrontMatter::Action(Deserialize::deserialize(value).ok()?),
        Kind::News => FrontMatter::News(Deserialize::deserialize(value).ok()?),
        Kind::Page => FrontMatter::Page(Deserialize::deserialize(value).ok()?),
    })
}

fn typed_from_str(file: &SourceFile) -> Result<FrontMatter, serde_yaml::Error> {
    let text = if file.front_matter.trim().is_empty() { "{}" } else { &file.front_matter };
    Ok(match file.kind {
        Kind::Home => FrontMatter::Home(serde_yaml::from_str(text)?),
        Kind::Project => FrontMatter::Project(serde_yaml::from_str(text)?),
        Kind::Partner => FrontMatter::Partner(serde_yaml::from_str(text)?),
        Kind::Action => FrontMatter::Action(serde_yaml::from_str(text)?),
        Kind::News => FrontMatter::News(serde_yaml::from_str(text)?),
        Kind::Page => FrontMatter::Page(serde_yaml::from_str(text)?),
    })
}

/// Types a merged mapping. The parts were checked one by one, so this only
/// fails on a mistake already reported.
pub fn typed(kind: Kind, mapping: &Mapping) -> Option<FrontMatter> {
    typed_of(kind, &Value::Mapping(mapping.clone()))
}

/// Position (1-based, within the front matter text) of the `nth` (0-based)
/// top-level occurrence of `key:`.
pub fn locate_key_nth(front_matter: &str, key: &str, nth: usize) -> Option<(usize, usize)> {
    front_matter
        .lines()
        .enumerate()
        .filter(|(_, l)| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        .nth(nth)
        .map(|(i, _)| (i + 1, 1))
}

/// Where a field is written in a file, as a file position; line 1 of the
/// front matter when the field is not in this file.
pub fn field_position(file: &SourceFile, key: &str) -> (usize, usize) {
    let (line, col) = locate_key_nth(&file.front_matter, key, 0).unwrap_or((1, 1));
    (file.front_matter_line + line - 1, col)
}

/// Where `value` is written under field `key` (on its line or in its
/// indented block), as a file position; the key's position otherwise.
pub fn value_position(file: &SourceFile, key: &str, value: &str) -> (usize, usize) {
    let Some((key_line, _)) = locate_key_nth(&file.front_matter, key, 0) else {
        return (file.front_matter_line, 1);
    };
    for (i, line) in file.front_matter.lines().enumerate().skip(key_line - 1) {
        if i >= key_line && !line.starts_with([' ', '\t', '-']) && !line.trim().is_empty() {
            break;
        }
        let start = if i == key_line - 1 { key.len() + 1 } else { 0 };
        if let Some(found) = find_token(&line[start.min(line.len())..], value) {
            let col = line[..start + found].chars().count() + 1;
            return (file.front_matter_line + i, col);
        }
    }
    (file.front_matter_line + key_line - 1, 1)
}

/// Finds `token` in `line` not glued to other id characters.
fn find_token(line: &str, token: &str) -> Option<usize> {
    let is_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(i) = line[from..].find(token) {
        let at = from + i;
        let before = line[..at].chars().next_back();
        let after = line[at + token.len()..].chars().next();
        if !before.is_some_and(is_id) && !after.is_some_and(is_id) {
            return Some(at);
        }
        from = at + token.len().max(1);
    }
    None
}

/// Checks the formats and enumerations of the fields a file sets itself.
pub fn check_values(file: &SourceFile, fm: &FrontMatter) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut date = |key: &str, value: &Option<DateText>| {
        if let Some(DateText(text)) = value
            && When::parse(text).is_none()
        {
            let (line, col) = value_position(file, key, text);
            out.push(
                Diagnostic::error(&file.path, line, col, tr!("content-invalid-date", field = key, value = text))
                    .with_hint(tr!("content-invalid-date-hint")),
            );
        }
    };
    match fm {
        FrontMatter::Project(p) => {
            date("start", &p.start);
            date("end", &p.end);
        }
        FrontMatter::Action(a) => {
            date("start", &a.start);
            date("end", &a.end);
        }
        FrontMatter::News(n) => date("date", &n.date),
        _ => {}
    }
    let mut choice = |key: &str, value: &Option<String>, allowed: &[&str], what: &str| {
        if let Some(value) = value
            && !allowed.contains(&value.as_str())
        {
            let (line, col) = value_position(file, key, value);
            let allowed_list = allowed.join(", ");
            let hint = match did_you_mean(value, allowed.iter().copied()) {
                Some(close) => tr!("content-expected-one-of-close", close = close, allowed = allowed_list),
                None => tr!("content-expected-one-of", allowed = allowed_list),
            };
            let message = tr!("content-unknown-choice", what = what, value = value);
            out.push(Diagnostic::error(&file.path, line, col, message).with_hint(hint));
        }
    };
    match fm {
        FrontMatter::Project(p) => choice("status", &p.status, &STATUSES, "status"),
        FrontMatter::Action(a) => {
            choice("status", &a.status, &STATUSES, "status");
            choice("kind", &a.kind, &ACTION_KINDS, "action-kind");
        }
        FrontMatter::Partner(p) => {
            choice("kind", &p.kind, &PARTNER_KINDS, "partner-kind");
            if let Some(country) = &p.country
                && !crate::countries::is_code(country)
            {
                let (line, col) = value_position(file, "country", country);
                let upper = country.to_uppercase();
                let hint = if crate::countries::is_code(&upper) {
                    tr!("content-country-upper-case", upper = upper)
                } else {
                    tr!("content-country-hint")
                };
                out.push(
                    Diagnostic::error(&file.path, line, col, tr!("content-unknown-country", code = country))
                        .with_hint(hint),
                );
            }
            if let Some(lang) = &p.official_lang
                && !crate::config::is_language_code(lang)
            {
                let (line, col) = value_position(file, "official_lang", lang);
                out.push(
                    Diagnostic::error(&file.path, line, col, tr!("content-invalid-language-code", code = lang))
                        .with_hint(tr!("content-invalid-language-code-hint")),
                );
            }
        }
        _ => {}
    }
    let time_zone = match fm {
        FrontMatter::Project(p) => p.time_zone.as_ref(),
        FrontMatter::Action(a) => a.time_zone.as_ref(),
        _ => None,
    };
    if let Some(zone) = time_zone
        && !crate::calendar::check_time_zone(zone)
    {
        let (line, col) = value_position(file, "time_zone", zone);
        out.push(
            Diagnostic::error(&file.path, line, col, tr!("content-unknown-time-zone", zone = zone))
                .with_hint(tr!("content-unknown-time-zone-hint")),
        );
    }
    if let FrontMatter::News(n) = fm
        && let Some(image) = &n.image
    {
        if image.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
            let (line, col) = field_position(file, "image");
            out.push(
                Diagnostic::error(&file.path, line, col, tr!("content-image-without-alt"))
                    .with_hint(tr!("content-image-without-alt-hint")),
            );
        }
        if let Some(focus) = &image.focus
            && crate::images::Focus::parse(focus).is_none()
        {
            let (line, col) = value_position(file, "image", focus);
            out.push(
                Diagnostic::error(&file.path, line, col, tr!("content-image-focus", focus = focus.as_str()))
                    .with_hint(tr!("content-image-focus-hint")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(kind: Kind, front_matter: &str) -> SourceFile {
        SourceFile {
            path: "content/x.fr.md".into(),
            kind,
            id: "x".into(),
            lang: "fr".into(),
            front_matter: front_matter.into(),
            front_matter_line: 2,
            body: crate::content::Body::Held("".into()),
            body_line: 3,
            hash: 0,
        }
    }

    fn problems(kind: Kind, front_matter: &str) -> Vec<String> {
        let f = file(kind, front_matter);
        match parse(&f) {
            Err(diags) => diags.iter().map(ToString::to_string).collect(),
            Ok((_, fm)) => check_values(&f, &fm).iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn mistakes_get_plain_messages() {
        let cases: [(Kind, &str, &str); 13] = [
            (
                Kind::News,
                "title: A\ntitel: B\n",
                "content/x.fr.md:3:1: unknown field 'titel' for a news item\n  hint: did you mean 'title'?",
            ),
            (
                Kind::News,
                "title: A\npartners: region-sud\n",
                "content/x.fr.md:3:11: 'partners' must be a list, found text \"region-sud\"",
            ),
            (
                Kind::Action,
                "title: A\nonline: yes\n",
                "content/x.fr.md:3:9: 'online' must be true or false, found text \"yes\"",
            ),
            (
                Kind::News,
                "title: A\n  bad: indentation\n",
                "content/x.fr.md:3:6: invalid YAML: mapping values are not allowed in this context\n  hint: check the indentation and quote text that contains ': '",
            ),
            (
                Kind::News,
                "title: A\ndate: 2026-13-45\n",
                "content/x.fr.md:3:7: 'date' is not a valid date: '2026-13-45'\n  hint: write dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time",
            ),
            (
                Kind::Project,
                "title: A\nstatus: ongoin\n",
                "content/x.fr.md:3:9: unknown status 'ongoin'\n  hint: did you mean 'ongoing'? (expected one of: planned, ongoing, completed)",
            ),
            (
                Kind::Partner,
                "title: A\ncountry: fr\n",
                "content/x.fr.md:3:10: unknown country code 'fr'\n  hint: country codes are upper case: 'FR'",
            ),
            (
                Kind::News,
                "title: A\nimage:\n  src: a.jpg\n",
                "content/x.fr.md:3:1: image without alternative text\n  hint: add 'alt:' under 'image:' describing the picture (or alt: \"\" only if it is purely decorative)",
            ),
            (
                Kind::News,
                "title: A\ntitle: B\n",
                "content/x.fr.md:3:1: field 'title' is set twice\n  hint: keep only one line for it",
            ),
            (
                Kind::News,
                "title: A\nimage:\n  src: a.jpg\n  legend: B\n",
                "content/x.fr.md:5:3: unknown field 'legend' in 'image' for a news item\n  hint: allowed fields in 'image': src, alt, credit, focus",
            ),
            (
                Kind::Home,
                "title: A\nmenu: 1\n",
                "content/x.fr.md:3:1: unknown field 'menu' for the home page\n  hint: allowed fields: title, summary, extra",
            ),
            (
                Kind::Page,
                "title: A\nmenu: 1.5\n",
                "content/x.fr.md:3:7: 'menu' must be a whole number, found the number `1.5`",
            ),
            (
                Kind::Partner,
                "title: A\nlocation: [1, 2, 3]\n",
                "content/x.fr.md:3:11: 'location' has the wrong number of elements (3, expected sequence of 2 elements)",
            ),
        ];
        for (kind, front_matter, expected) in cases {
            assert_eq!(problems(kind, front_matter), [expected], "{front_matter}");
        }
    }

    /// Every kind of item has its own words in both languages.
    #[test]
    fn kinds_are_named_in_english_and_french() {
        use crate::messages::{Locale, text_in};
        let unknown = |locale, kind: Kind| {
            text_in(locale, "content-unknown-field", &[("field", "x".into()), ("kind", kind.name().into())])
        };
        let cases = [
            (Kind::Home, "for the home page", "pour la page d'accueil"),
            (Kind::Project, "for a project", "pour un projet"),
            (Kind::Partner, "for a partner", "pour un partenaire"),
            (Kind::Action, "for an action", "pour une action"),
            (Kind::News, "for a news item", "pour une actualité"),
            (Kind::Page, "for a page", "pour une page"),
        ];
        for (kind, en, fr) in cases {
            assert_eq!(unknown(Locale::En, kind), format!("unknown field 'x' {en}"));
            assert_eq!(unknown(Locale::Fr, kind), format!("champ « x » inconnu {fr}"));
        }
    }

    #[test]
    fn dates_with_and_without_time() {
        let cases = [
            ("2026-02-06", Some("2026-02-06")),
            ("2026-02-06T18:30", Some("2026-02-06T18:30")),
            ("2026-02-06 18:30", Some("2026-02-06T18:30")),
            ("06/02/2026", None),
            ("2026-2-6", None),
        ];
        for (text, expected) in cases {
            assert_eq!(When::parse(text).map(|w| w.iso()), expected.map(String::from), "{text}");
        }
    }

    #[test]
    fn values_are_found_in_lists() {
        let f = file(Kind::News, "title: A\npartners: [region-sud, region-sdu]\nprojects:\n  - coopjop\n  - coopr\n");
        assert_eq!(value_position(&f, "partners", "region-sdu"), (3, 24));
        assert_eq!(value_position(&f, "projects", "coopr"), (6, 5));
        assert_eq!(value_position(&f, "projects", "nothing"), (4, 1));
    }
}
