//! Owns working groups: the ids of a project's groups, and the check of the
//! `working_group:` an action or a news item names against the groups of
//! its project(s). Knows nothing of items or pages: callers give it front
//! matter and the groups of each project.

use std::collections::HashMap;

use crate::content::SourceFile;
use crate::diag::{Diagnostic, Diagnostics};
use crate::frontmatter::{FrontMatter, ProjectFm, value_position};
use crate::markdown::slugify;

/// The ids of a project's working groups, in order: each one's `id`, or
/// the slug of its title.
pub(crate) fn ids(project: &ProjectFm) -> Vec<String> {
    project.working_groups.iter().flatten().map(|g| g.id.clone().unwrap_or_else(|| slugify(&g.title))).collect()
}

/// The anchor of a working group on its project's page.
pub(crate) fn anchor(id: &str) -> String {
    format!("wg-{id}")
}

/// Where the `nth` (from 0) `id: <id>` of the front matter is written.
fn id_position(file: &SourceFile, id: &str, nth: usize) -> Option<(usize, usize)> {
    file.front_matter
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let key = line.find("id:")?;
            let before = line[..key].trim();
            let value = line[key + 3..].trim().trim_matches(['"', '\'']);
            ((before.is_empty() || before == "-") && value == id).then(|| {
                let col =
                    line[..key + 3].chars().count() + line[key + 3..].chars().take_while(|c| *c == ' ').count() + 1;
                (file.front_matter_line + i, col)
            })
        })
        .nth(nth)
}

/// The working group an action or a news item names.
pub(crate) fn named_id(fm: &FrontMatter) -> Option<&str> {
    named(fm).map(|(id, _)| id)
}

/// The working group ids of every project, by project id.
#[derive(Debug, Default)]
pub(crate) struct Groups(HashMap<String, Vec<String>>);

impl Groups {
    pub(crate) fn add(&mut self, project: &str, fm: &ProjectFm) {
        self.0.insert(project.to_string(), ids(fm));
    }

    fn of(&self, project: &str) -> &[String] {
        self.0.get(project).map(Vec::as_slice).unwrap_or_default()
    }
}

/// The working group a front matter names, with the projects it may belong to.
fn named(fm: &FrontMatter) -> Option<(&str, Vec<&str>)> {
    match fm {
        FrontMatter::Action(a) => Some((a.working_group.as_deref()?, a.project.as_deref().into_iter().collect())),
        FrontMatter::News(n) => {
            Some((n.working_group.as_deref()?, n.projects.iter().flatten().map(String::as_str).collect()))
        }
        _ => None,
    }
}

/// Checks a file that writes `working_group:` itself (`own`), with the
/// projects of its item (`merged`, translations inheriting them): the id
/// must be a group of one of those projects. Also checks that a project's
/// own groups have distinct ids.
pub(crate) fn check(
    file: &SourceFile,
    own: &FrontMatter,
    merged: &FrontMatter,
    groups: &Groups,
    diags: &mut Diagnostics,
) {
    if let FrontMatter::Project(p) = own {
        let ids = ids(p);
        for (n, id) in ids.iter().enumerate() {
            let seen = ids[..n].iter().filter(|other| *other == id).count();
            if seen > 0 {
                let (line, col) =
                    id_position(file, id, seen).unwrap_or_else(|| value_position(file, "working_groups", id));
                let message = tr!("content-working-group-twice", id = id.as_str());
                diags.push(
                    Diagnostic::error(&file.path, line, col, message)
                        .with_hint(tr!("content-working-group-twice-hint")),
                );
            }
        }
        return;
    }
    let (Some((id, _)), Some((_, projects))) = (named(own), named(merged)) else { return };
    let (line, col) = value_position(file, "working_group", id);
    if projects.is_empty() {
        let message = tr!("content-working-group-no-project", id = id);
        let field = if matches!(merged, FrontMatter::News(_)) { "projects" } else { "project" };
        diags.push(
            Diagnostic::error(&file.path, line, col, message)
                .with_hint(tr!("content-working-group-no-project-hint", field = field)),
        );
        return;
    }
    let known: Vec<&str> = projects.iter().flat_map(|p| groups.of(p)).map(String::as_str).collect();
    if known.contains(&id) {
        return;
    }
    let message = tr!("content-unknown-working-group", id = id, projects = projects.join(", "));
    let mut d = Diagnostic::error(&file.path, line, col, message).with_suggestion(id, known.iter().copied());
    if d.hint.is_none() {
        d = d.with_hint(if known.is_empty() {
            tr!("content-no-working-groups-hint")
        } else {
            tr!("content-working-groups-hint", ids = known.join(", "))
        });
    }
    diags.push(d);
}
