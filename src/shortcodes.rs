//! Owns the shortcodes that draw from the site's data rather than from
//! their arguments alone: `chart` (one survey question), `survey` (a whole
//! survey), `partners_map` (where partners are) and `partner` (a partner's
//! name linked to its page, inline), and the arguments of `download` (a
//! file of the site). It checks the ids they name, with "did you mean", and
//! gives their templates the view to draw; rendering the template is the
//! caller's job.

use tera::Context;

use crate::charts;
use crate::content::Kind;
use crate::diag::did_you_mean;
use crate::frontmatter::FrontMatter;
use crate::i18n::Locales;
use crate::markdown::ShortcodeError;
use crate::resolve::Site;
use crate::surveys::{QuestionKind, Survey};
use crate::urls;
use crate::views::PartnerNameView;

/// The arguments each data shortcode takes: (name, required).
const ARGUMENTS: &[(&str, &[(&str, bool)])] = &[
    ("chart", &[("data", true), ("question", true)]),
    ("survey", &[("data", true)]),
    ("partners_map", &[("project", false)]),
    ("partner", &[("id", true), ("name", false)]),
    ("download", &[("file", true), ("text", true), ("lang", false)]),
];

/// Shortcodes that draw inline HTML, called inside a line of text.
const INLINE: &[&str] = &["partner"];

/// The names `partner(name=…)` may show.
const PARTNER_NAMES: &[&str] = &["title", "short", "official"];

/// Whether shortcode `name` draws inline HTML (the others draw blocks).
pub(crate) fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// Adds to `context` the view a data shortcode draws (`chart`, `survey` or
/// `map`); does nothing for other shortcodes.
pub(crate) fn add_view(
    site: &Site,
    locales: &Locales,
    call: (&str, &[(String, String)]),
    lang: &str,
    context: &mut Context,
) -> Result<(), ShortcodeError> {
    let (name, args) = call;
    let Some((_, expected)) = ARGUMENTS.iter().find(|(n, _)| *n == name) else {
        return Ok(());
    };
    check_arguments(expected, args)?;
    let arg = |key: &str| args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    match name {
        "chart" => {
            let survey = find_survey(site, arg("data").unwrap_or_default())?;
            let id = arg("question").unwrap_or_default();
            let Some(question) = survey.question(id) else {
                let ids = survey.questions.iter().map(|q| q.id.as_str());
                let hint = match did_you_mean(id, ids.clone()) {
                    Some(close) => tr!("did-you-mean", name = close),
                    None => tr!("shortcode-questions", questions = ids.collect::<Vec<_>>().join(", ")),
                };
                let message = tr!("shortcode-unknown-question", id = id, survey = &survey.id);
                return Err(ShortcodeError { message, hint: Some(hint) });
            };
            if question.kind == QuestionKind::Open {
                let message = tr!("shortcode-open-question", id = id);
                let hint = tr!("shortcode-open-question-hint", survey = &survey.id);
                return Err(ShortcodeError { message, hint: Some(hint) });
            }
            context.insert("chart", &charts::chart(survey, question, &chart_context(site, locales, survey, lang)));
        }
        "survey" => {
            let survey = find_survey(site, arg("data").unwrap_or_default())?;
            context.insert("survey", &charts::survey(survey, &chart_context(site, locales, survey, lang)));
        }
        "partner" => {
            let view = partner_name(site, arg("id").unwrap_or_default(), arg("name"), lang)?;
            context.insert("partner", &view);
        }
        // Its view needs the files of the site: see `downloads::shortcode_view`.
        "download" => {}
        _ => {
            let project = match arg("project") {
                None => None,
                Some(id) => Some(site.find(Kind::Project, id).ok_or_else(|| {
                    let ids: Vec<&str> = site.of_kind(Kind::Project).map(|i| site.items[i].id.as_str()).collect();
                    let hint = match did_you_mean(id, ids.iter().copied()) {
                        Some(close) => tr!("did-you-mean", name = close),
                        None => tr!("shortcode-projects", projects = ids.join(", ")),
                    };
                    ShortcodeError { message: tr!("shortcode-unknown-project", id = id), hint: Some(hint) }
                })?),
            };
            context.insert("map", &crate::pages::map::partners_map(site, locales, project, lang));
        }
    }
    Ok(())
}

fn check_arguments(expected: &[(&str, bool)], args: &[(String, String)]) -> Result<(), ShortcodeError> {
    let names = || expected.iter().map(|(n, _)| *n);
    for (key, _) in args {
        if !names().any(|n| n == key) {
            let hint = match did_you_mean(key, names()) {
                Some(close) => tr!("did-you-mean", name = close),
                None => tr!("shortcode-arguments", arguments = names().collect::<Vec<_>>().join(", ")),
            };
            return Err(ShortcodeError {
                message: tr!("shortcode-unknown-argument", key = key.as_str()),
                hint: Some(hint),
            });
        }
    }
    for (name, required) in expected {
        if *required && !args.iter().any(|(k, _)| k == name) {
            let hint = tr!("shortcode-arguments", arguments = names().collect::<Vec<_>>().join(", "));
            return Err(ShortcodeError { message: tr!("shortcode-missing-argument", key = *name), hint: Some(hint) });
        }
    }
    Ok(())
}

/// The name of partner `id` that `which` asks for (its title by default),
/// linked to its page in `lang`.
fn partner_name(site: &Site, id: &str, which: Option<&str>, lang: &str) -> Result<PartnerNameView, ShortcodeError> {
    let index = site.find(Kind::Partner, id).ok_or_else(|| {
        let ids: Vec<&str> = site.of_kind(Kind::Partner).map(|i| site.items[i].id.as_str()).collect();
        let hint = match did_you_mean(id, ids.iter().copied()) {
            Some(close) => tr!("did-you-mean", name = close),
            None if ids.is_empty() => tr!("shortcode-no-partners", id = id),
            None => tr!("shortcode-partners", partners = ids.join(", ")),
        };
        ShortcodeError { message: tr!("shortcode-unknown-partner", id = id), hint: Some(hint) }
    })?;
    let item = &site.items[index];
    let entry = crate::pages::entry_in(item, lang);
    let partner = match &*entry.fm {
        FrontMatter::Partner(p) => Some(p),
        _ => None,
    };
    let which = which.unwrap_or("title");
    let missing = |field: &str| ShortcodeError {
        message: tr!("shortcode-partner-without", id = id, field = field),
        hint: Some(tr!("shortcode-partner-without-hint", field = field, path = &item.base().path)),
    };
    let (name, name_lang) = match which {
        "title" => (entry.title.clone(), entry.lang.clone()),
        "short" => {
            let short = partner.and_then(|p| p.short_name.clone()).ok_or_else(|| missing("short_name"))?;
            (short, entry.lang.clone())
        }
        "official" => {
            let p = partner.filter(|p| p.official_name.is_some()).ok_or_else(|| missing("official_name"))?;
            let name_lang = p.official_lang.clone().unwrap_or_else(|| entry.lang.clone());
            (p.official_name.clone().unwrap_or_default(), name_lang)
        }
        other => {
            let hint = match did_you_mean(other, PARTNER_NAMES.iter().copied()) {
                Some(close) => tr!("did-you-mean", name = close),
                None => tr!("shortcode-partner-names", names = PARTNER_NAMES.join(", ")),
            };
            return Err(ShortcodeError {
                message: tr!("shortcode-unknown-partner-name", name = other),
                hint: Some(hint),
            });
        }
    };
    Ok(PartnerNameView {
        id: item.id.clone(),
        which: which.to_owned(),
        url: crate::pages::url_in(site, item, lang),
        dir: crate::config::dir_within(&name_lang, lang).map(str::to_owned),
        lang: (name_lang != lang).then_some(name_lang),
        name,
    })
}

fn find_survey<'s>(site: &'s Site, id: &str) -> Result<&'s Survey, ShortcodeError> {
    site.surveys.get(id).ok_or_else(|| {
        let hint = match did_you_mean(id, site.surveys.ids()) {
            Some(close) => tr!("did-you-mean", name = close),
            None => {
                let ids: Vec<&str> = site.surveys.ids().collect();
                if ids.is_empty() {
                    tr!("shortcode-no-surveys", id = id)
                } else {
                    tr!("shortcode-surveys", surveys = ids.join(", "))
                }
            }
        };
        ShortcodeError { message: tr!("shortcode-unknown-survey", id = id), hint: Some(hint) }
    })
}

fn chart_context<'a>(site: &'a Site, locales: &'a Locales, survey: &Survey, lang: &'a str) -> charts::Context<'a> {
    charts::Context {
        locales,
        lang,
        default_lang: &site.config.default_language,
        csv_url: urls::survey_data(&site.config, lang, &survey.id),
    }
}
