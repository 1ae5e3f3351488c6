//! Owns the survey data files, `content/data/<survey-id>.yaml`: reads them,
//! checks every value where it is written (file, line, column) and gives
//! back typed surveys whose numbers can be trusted: counts are whole
//! numbers, a `single` question's respondents are the sum of its counts, a
//! `multiple` answer never exceeds its question's respondents. It computes
//! no percentage and knows nothing of pages or Tera (`charts` draws them).
//!
//! `content/data/funders.yaml` is not a survey and is left to its owner.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::civil::Date;
use marked_yaml::Node;
use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};

use crate::config::is_slug;
use crate::data::{self, Reader, at, at_scalar, is_null};
pub(crate) use crate::data::{FOLDER, Languages, Shown, Texts};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};

/// Data files of that folder that are not surveys.
const NOT_SURVEYS: &[&str] = &["funders"];

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum QuestionKind {
    /// One answer per respondent.
    Single,
    /// Several answers allowed: percentages are of the question's respondents.
    Multiple,
    /// Free text, shown as a list of responses.
    Open,
}

impl QuestionKind {
    const NAMES: [&'static str; 3] = ["single", "multiple", "open"];

    pub(crate) fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Open => "open",
        }
    }
}

/// One answer of a closed question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Answer {
    pub label: Texts,
    pub count: u64,
}

/// One question of a survey.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Texts,
    /// People who answered this question: the sum of the counts for a
    /// `single` question, as written for a `multiple` one, as written (or
    /// the number of responses) for an `open` one.
    pub respondents: u64,
    /// Closed questions' answers, in display order.
    pub answers: Vec<Answer>,
    /// Open questions' verbatim responses.
    pub responses: Vec<Texts>,
}

/// One survey of `content/data/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Survey {
    pub id: String,
    /// The data file, relative to the site root.
    pub path: String,
    pub title: Texts,
    pub sponsor: Option<Texts>,
    pub source: Option<Texts>,
    /// First and last day of the fieldwork.
    pub fieldwork: Option<(Date, Date)>,
    /// People who answered the survey.
    pub respondents: u64,
    /// True when the figures are examples: every chart and table says so.
    pub example: bool,
    pub questions: Vec<Question>,
}

impl Survey {
    pub(crate) fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Every survey of a site, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Surveys {
    by_id: BTreeMap<String, Survey>,
}

impl Surveys {
    pub(crate) fn get(&self, id: &str) -> Option<&Survey> {
        self.by_id.get(id)
    }

    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.by_id.keys().map(String::as_str)
    }

    /// A number that changes whenever any survey changes.
    pub(crate) fn fingerprint(&self) -> u64 {
        crate::data::fingerprint(self)
    }
}

/// Reads every survey of `root/content/data/`. A file with problems is
/// still returned with what could be read, so pages that name it do not
/// add "unknown survey" to the report.
pub(crate) fn load(root: &Path, languages: &Languages) -> (Surveys, Diagnostics) {
    let mut surveys = Surveys::default();
    let mut diags = Diagnostics::new();
    let Ok(entries) = std::fs::read_dir(root.join(FOLDER)) else {
        return (surveys, diags);
    };
    let mut files: Vec<(String, std::path::PathBuf)> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter_map(|path| Some((path.file_name()?.to_str()?.to_string(), path)))
        .filter(|(name, _)| !crate::content::is_editor_file(name))
        .collect();
    files.sort();
    for (name, path) in files {
        let rel = format!("{FOLDER}/{name}");
        let Some(id) = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml")) else {
            continue;
        };
        if NOT_SURVEYS.contains(&id) {
            continue;
        }
        if !is_slug(id) {
            let message = tr!("data-invalid-id", id = id);
            diags.push(Diagnostic::error(&rel, 1, 1, message).with_hint(tr!("content-invalid-id-hint")));
            continue;
        }
        let text = match data::read(&path, &rel) {
            Ok(text) => text,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let mut reader = Reader { path: &rel, languages, found: Vec::new() };
        if let Some(survey) = reader.survey(id, &text) {
            surveys.by_id.insert(id.to_string(), survey);
        }
        diags.extend(reader.found);
    }
    (surveys, diags)
}

const SURVEY_KEYS: &[&str] = &["title", "sponsor", "fieldwork", "respondents", "example", "source", "questions"];
const QUESTION_KEYS: &[&str] = &["id", "kind", "text", "respondents", "answers", "responses"];
const ANSWER_KEYS: &[&str] = &["label", "count"];
const FIELDWORK_KEYS: &[&str] = &["start", "end"];

impl Reader<'_> {
    fn survey(&mut self, id: &str, text: &str) -> Option<Survey> {
        let root = self.mapping(text, (tr!("data-not-a-mapping"), tr!("data-not-a-mapping-hint")))?;
        let map = root.as_mapping()?;
        self.unknown_keys(map, SURVEY_KEYS);
        let mut survey = Survey {
            id: id.to_string(),
            path: self.path.to_string(),
            title: self.required_texts(map, "title", (1, 1)).unwrap_or_default(),
            sponsor: map.get_node("sponsor").filter(|n| !is_null(n)).and_then(|n| self.texts(n, "sponsor")),
            source: map.get_node("source").filter(|n| !is_null(n)).and_then(|n| self.texts(n, "source")),
            fieldwork: map.get_node("fieldwork").filter(|n| !is_null(n)).and_then(|n| self.fieldwork(n)),
            respondents: 0,
            example: false,
            questions: Vec::new(),
        };
        match map.get_node("respondents").filter(|n| !is_null(n)) {
            Some(node) => survey.respondents = self.count(node, "respondents").unwrap_or(0),
            None => {
                let d = self.error((1, 1), tr!("data-missing-field", field = "respondents"));
                d.hint = Some(tr!("data-survey-respondents-hint"));
            }
        }
        if let Some(node) = map.get_node("example").filter(|n| !is_null(n)) {
            match node.as_scalar().and_then(MarkedScalarNode::as_bool) {
                Some(example) => survey.example = example,
                None => {
                    self.error(at(node), tr!("data-not-a-boolean", field = "example"));
                }
            }
        }
        match map.get_node("questions") {
            Some(Node::Sequence(list)) if !list.is_empty() => {
                let mut seen: HashMap<String, usize> = HashMap::new();
                for node in list.iter() {
                    if let Some(question) = self.question(node, &survey, &mut seen) {
                        survey.questions.push(question);
                    }
                }
            }
            Some(node) if !is_null(node) && node.as_sequence().is_none() => {
                self.error(at(node), tr!("data-not-a-list", field = "questions"));
            }
            other => {
                let place = other.map_or((1, 1), at);
                let d = self.error(place, tr!("data-no-questions"));
                d.hint = Some(tr!("data-no-questions-hint"));
            }
        }
        Some(survey)
    }

    fn fieldwork(&mut self, node: &Node) -> Option<(Date, Date)> {
        let Some(map) = node.as_mapping() else {
            let d = self.error(at(node), tr!("data-not-a-group", field = "fieldwork"));
            d.hint = Some(tr!("data-fieldwork-hint"));
            return None;
        };
        self.unknown_keys(map, FIELDWORK_KEYS);
        let start = self.date(map, "start");
        let end = self.date(map, "end");
        for field in FIELDWORK_KEYS {
            if map.get_node(field).is_none() {
                let d = self.error(at(node), tr!("data-missing-field", field = format!("fieldwork.{field}")));
                d.hint = Some(tr!("data-fieldwork-hint"));
            }
        }
        let (start, end) = (start?, end?);
        if end < start {
            let place = map.get_node("end").map_or(at(node), at);
            self.error(place, tr!("data-fieldwork-order", start = start.to_string(), end = end.to_string()));
            return None;
        }
        Some((start, end))
    }

    fn question(&mut self, node: &Node, survey: &Survey, seen: &mut HashMap<String, usize>) -> Option<Question> {
        let Some(map) = node.as_mapping() else {
            let d = self.error(at(node), tr!("data-not-a-group", field = "questions"));
            d.hint = Some(tr!("data-question-hint"));
            return None;
        };
        self.unknown_keys(map, QUESTION_KEYS);
        let place = at(node);
        let id = match map.get_scalar("id").map(|s| (s.as_str().trim(), at_scalar(s))) {
            Some((id, id_at)) if is_slug(id) => {
                if let Some(first) = seen.get(id) {
                    let d = self.error(id_at, tr!("data-duplicate-question", id = id, line = *first));
                    d.hint = Some(tr!("data-duplicate-question-hint"));
                    return None;
                }
                seen.insert(id.to_string(), id_at.0);
                id.to_string()
            }
            Some((id, id_at)) => {
                let d = self.error(id_at, tr!("data-invalid-question-id", id = id));
                d.hint = Some(tr!("content-invalid-id-hint"));
                return None;
            }
            None => {
                let d = self.error(place, tr!("data-missing-field", field = "id"));
                d.hint = Some(tr!("data-question-hint"));
                return None;
            }
        };
        let kind = match map.get_scalar("kind") {
            None => {
                let d = self.error(place, tr!("data-missing-field", field = "kind"));
                d.hint = Some(tr!("data-kinds", kinds = QuestionKind::NAMES.join(", ")));
                return None;
            }
            Some(kind) => match kind.as_str().trim() {
                "single" => QuestionKind::Single,
                "multiple" => QuestionKind::Multiple,
                "open" => QuestionKind::Open,
                other => {
                    let hint = match did_you_mean(other, QuestionKind::NAMES) {
                        Some(close) => tr!("did-you-mean", name = close),
                        None => tr!("data-kinds", kinds = QuestionKind::NAMES.join(", ")),
                    };
                    let d = self.error(at_scalar(kind), tr!("data-unknown-kind", kind = other));
                    d.hint = Some(hint);
                    return None;
                }
            },
        };
        let text = self.required_texts(map, "text", place).unwrap_or_default();
        let mut question = Question { id, kind, text, respondents: 0, answers: Vec::new(), responses: Vec::new() };
        let declared = map.get_node("respondents").filter(|n| !is_null(n));
        let declared = declared.and_then(|n| self.count(n, "respondents").map(|count| (count, at(n))));
        match kind {
            QuestionKind::Open => {
                self.not_for_kind(map, "answers", kind);
                question.responses = self.responses(map, place);
                question.respondents = declared.map_or(question.responses.len() as u64, |(n, _)| n);
            }
            QuestionKind::Single | QuestionKind::Multiple => {
                self.not_for_kind(map, "responses", kind);
                question.answers = self.answers(map, place);
                let sum: u64 = question.answers.iter().map(|a| a.count).sum();
                if kind == QuestionKind::Single {
                    question.respondents = sum;
                    if let Some((written, written_at)) = declared
                        && written != sum
                    {
                        let d = self.warning(written_at, tr!("data-single-respondents", written = written, sum = sum));
                        d.hint = Some(tr!("data-single-respondents-hint"));
                    }
                    if sum > survey.respondents && survey.respondents > 0 {
                        let where_ = map.get_node("answers").map_or(place, at);
                        let message = tr!("data-single-over", id = &question.id, sum = sum, total = survey.respondents);
                        self.error(where_, message).hint = Some(tr!("data-single-over-hint"));
                    }
                } else {
                    self.multiple_respondents(map, &mut question, declared, survey, place);
                }
            }
        }
        Some(question)
    }

    fn multiple_respondents(
        &mut self,
        map: &MarkedMappingNode,
        question: &mut Question,
        declared: Option<(u64, (usize, usize))>,
        survey: &Survey,
        place: (usize, usize),
    ) {
        let Some((respondents, written_at)) = declared else {
            if map.get_node("respondents").is_none_or(is_null) {
                let d = self.error(place, tr!("data-multiple-respondents", id = &question.id));
                d.hint = Some(tr!("data-multiple-respondents-hint"));
            }
            return;
        };
        question.respondents = respondents;
        if respondents > survey.respondents && survey.respondents > 0 {
            let message = tr!("data-question-over", id = &question.id, count = respondents, total = survey.respondents);
            self.error(written_at, message);
        }
        let answers = map.get_sequence("answers");
        for (answer, node) in question.answers.iter().zip(answers.into_iter().flat_map(|s| s.iter())) {
            if answer.count > respondents {
                let count_at = node.as_mapping().and_then(|m| m.get_node("count")).map_or(at(node), at);
                let message = tr!("data-multiple-over", count = answer.count, respondents = respondents);
                self.error(count_at, message).hint = Some(tr!("data-multiple-over-hint"));
            }
        }
    }

    fn not_for_kind(&mut self, map: &MarkedMappingNode, field: &str, kind: QuestionKind) {
        if let Some(node) = map.get_node(field) {
            let d = self.error(at(node), tr!("data-field-not-for-kind", field = field, kind = kind.name()));
            d.hint = Some(tr!("data-field-not-for-kind-hint"));
        }
    }

    fn answers(&mut self, map: &MarkedMappingNode, place: (usize, usize)) -> Vec<Answer> {
        let list = match map.get_node("answers") {
            Some(Node::Sequence(list)) if !list.is_empty() => list,
            other => {
                let d = self.error(other.map_or(place, at), tr!("data-no-answers"));
                d.hint = Some(tr!("data-answer-hint"));
                return Vec::new();
            }
        };
        let mut answers = Vec::with_capacity(list.len());
        for node in list.iter() {
            let Some(answer) = node.as_mapping() else {
                let d = self.error(at(node), tr!("data-not-a-group", field = "answers"));
                d.hint = Some(tr!("data-answer-hint"));
                continue;
            };
            self.unknown_keys(answer, ANSWER_KEYS);
            let label = self.required_texts(answer, "label", at(node));
            let count = match answer.get_node("count").filter(|n| !is_null(n)) {
                Some(count) => self.count(count, "count"),
                None => {
                    let d = self.error(at(node), tr!("data-missing-field", field = "count"));
                    d.hint = Some(tr!("data-answer-hint"));
                    None
                }
            };
            answers.push(Answer { label: label.unwrap_or_default(), count: count.unwrap_or(0) });
        }
        answers
    }

    fn responses(&mut self, map: &MarkedMappingNode, place: (usize, usize)) -> Vec<Texts> {
        match map.get_node("responses") {
            Some(Node::Sequence(list)) => list.iter().filter_map(|node| self.texts(node, "responses")).collect(),
            Some(node) if !is_null(node) => {
                self.error(at(node), tr!("data-not-a-list", field = "responses"));
                Vec::new()
            }
            _ => {
                let d = self.error(place, tr!("data-missing-field", field = "responses"));
                d.hint = Some(tr!("data-responses-hint"));
                Vec::new()
            }
        }
    }
}
