//! What the search module's tests share.

use super::index::Doc;

/// A document to index: a project when its URL is under `/projets/`, a
/// news item otherwise.
pub(super) fn doc(url: &str, title: &str, date: Option<&str>, summary: &str, text: &str) -> Doc {
    Doc {
        url: url.to_owned(),
        title: title.to_owned(),
        kind: if url.contains("/projets/") { "project" } else { "news" }.to_owned(),
        date: date.map(str::to_owned),
        summary: summary.to_owned(),
        text: text.to_owned(),
    }
}
