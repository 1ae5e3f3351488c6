//! Owns the URL scheme: where each page lives under `base_url`, and the
//! output file that serves each URL. Pure functions of the config; no I/O.

use crate::config::Config;
use crate::content::Kind;

/// `/root/fr/`
pub fn home(config: &Config, lang: &str) -> String {
    format!("{}{lang}/", config.root())
}

/// `/root/fr/actualites/`
pub fn section(config: &Config, section: &str, lang: &str) -> String {
    format!("{}{}/", home(config, lang), config.section_slug(section, lang))
}

/// The page of an item: pages sit at the language root, the others in their section.
pub fn item(config: &Config, kind: Kind, lang: &str, slug: &str) -> String {
    match kind {
        Kind::Home => home(config, lang),
        Kind::Page => format!("{}{slug}/", home(config, lang)),
        _ => format!("{}{slug}/", section(config, kind.folder(), lang)),
    }
}

/// `/root/fr/mots-cles/cooperation/`
pub fn tag(config: &Config, lang: &str, slug: &str) -> String {
    format!("{}{slug}/", section(config, "tags", lang))
}

/// `/root/fr/data/question-flash.csv`: a survey's data in a language.
pub fn survey_data(config: &Config, lang: &str, survey: &str) -> String {
    format!("{}data/{survey}.csv", home(config, lang))
}

/// Page `number` (1-based) of a paginated list whose first page is `first`.
pub fn paginated(first: &str, number: usize) -> String {
    if number <= 1 { first.to_string() } else { format!("{first}page/{number}/") }
}

/// Absolute URL of a site path.
pub fn permalink(config: &Config, url: &str) -> String {
    let rest = url.strip_prefix(config.root()).unwrap_or(url.trim_start_matches('/'));
    format!("{}{rest}", config.base_url)
}

/// The output file, relative to the output folder, that serves `url`.
pub fn output_file(config: &Config, url: &str) -> String {
    let rest = url.strip_prefix(config.root()).unwrap_or(url.trim_start_matches('/'));
    if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_honour_a_sub_path_and_localized_sections() {
        let config = Config::parse("title = \"T\"\nbase_url = \"https://example.org/coopjop/\"\n").0.unwrap();
        let cases = [
            (item(&config, Kind::News, "fr", "lancement-coopjop"), "/coopjop/fr/actualites/lancement-coopjop/"),
            (item(&config, Kind::News, "en", "coopjop-launch"), "/coopjop/en/news/coopjop-launch/"),
            (item(&config, Kind::Page, "fr", "mentions-legales"), "/coopjop/fr/mentions-legales/"),
            (item(&config, Kind::Action, "en", "kick-off"), "/coopjop/en/agenda/kick-off/"),
            (item(&config, Kind::Partner, "fr", "region-sud"), "/coopjop/fr/partenaires/region-sud/"),
            (tag(&config, "fr", "sport"), "/coopjop/fr/mots-cles/sport/"),
            (paginated("/coopjop/fr/actualites/", 2), "/coopjop/fr/actualites/page/2/"),
            (paginated("/coopjop/fr/actualites/", 1), "/coopjop/fr/actualites/"),
            (permalink(&config, "/coopjop/en/"), "https://example.org/coopjop/en/"),
            (output_file(&config, "/coopjop/en/news/x/"), "en/news/x/index.html"),
            (output_file(&config, "/coopjop/"), "index.html"),
        ];
        for (found, expected) in cases {
            assert_eq!(found, expected);
        }
    }
}
