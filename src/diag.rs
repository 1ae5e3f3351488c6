//! Owns the diagnostics a build reports about the user's files: a position,
//! a message, an optional hint, and the collection that gathers them all so a
//! single run reports every problem. It formats them for people; it never
//! decides the exit code and never prints by itself.

use std::fmt;

/// How serious a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the user's files, located by path (relative to the site
/// root, with `/` separators), 1-based line and 1-based column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: line.max(1),
            col: col.max(1),
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(path: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, line, col, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds "did you mean" when one of `known` is close to `wrong`.
    pub fn with_suggestion<'a>(self, wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        match did_you_mean(wrong, known) {
            Some(close) => self.with_hint(tr!("did-you-mean", name = close)),
            None => self,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path, self.line, self.col)?;
        if self.severity == Severity::Warning {
            write!(f, "{} ", tr!("diag-warning"))?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {} {hint}", tr!("diag-hint"))?;
        }
        Ok(())
    }
}

/// "2 errors, 1 warning": the line that ends a list of diagnostics.
pub fn counts(errors: usize, warnings: usize) -> String {
    tr!("summary-counts", errors = errors, warnings = warnings)
}

/// Every diagnostic of one run, in the order they were found; `sorted`
/// gives the stable order users see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// By path, then position, errors before warnings; duplicates removed.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity, &a.message).cmp(&(&b.path, b.line, b.col, b.severity, &b.message))
        });
        items.dedup();
        items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics { items: iter.into_iter().collect() }
    }
}

/// The closest of `known` to `wrong`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(wrong, candidate), candidate))
        .filter(|(distance, candidate)| {
            let budget = wrong.chars().count().max(candidate.chars().count()).div_ceil(3);
            *distance <= budget
        })
        .min_by_key(|(distance, candidate)| (*distance, *candidate))
        .map(|(_, candidate)| candidate)
}

/// The starts of the lines of a text, to locate many offsets in it
/// without reading it from the start each time.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        Lines { text, starts }
    }

    /// Line and column (both from 1, the column in characters) of `offset`,
    /// as [`line_col`] gives them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_locate_offsets_as_line_col_does() {
        let text = "un\ndeux é\n\ntrois";
        let lines = Lines::new(text);
        for offset in (0..=text.len() + 2).filter(|&o| o >= text.len() || text.is_char_boundary(o)) {
            assert_eq!(lines.line_col(offset), line_col(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let known = ["region-sud", "region-aura", "utah"];
        let cases = [
            ("region-sdu", Some("region-sud")),
            ("regoin-aura", Some("region-aura")),
            ("uta", Some("utah")),
            ("lombardia", None),
        ];
        for (wrong, expected) in cases {
            assert_eq!(did_you_mean(wrong, known), expected, "{wrong}");
        }
    }

    #[test]
    fn line_and_column_are_one_based() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 8), (3, 1));
    }

    #[test]
    fn display_puts_the_hint_on_its_own_line() {
        let d = Diagnostic::error("content/news/a.fr.md", 4, 13, "unknown partner 'region-sdu'")
            .with_hint("did you mean 'region-sud'?");
        assert_eq!(
            d.to_string(),
            "content/news/a.fr.md:4:13: unknown partner 'region-sdu'\n  hint: did you mean 'region-sud'?"
        );
        let w = Diagnostic::warning("site.toml", 1, 1, "x");
        assert_eq!(w.to_string(), "site.toml:1:1: warning: x");
    }
}
