//! The views of funding: a project's funding lines with their funders'
//! names, and the funders a page credits (its project's, or the projects
//! of its action or news item), from the funder registry.

use super::*;
use crate::frontmatter::ProjectFm;
use crate::funders::Funder;

impl Views<'_> {
    /// A project's funding lines, in the page's language.
    pub(super) fn funding(&self, project: &ProjectFm, lang: &str) -> Vec<FundingView> {
        let default = &self.site.config.default_language;
        project
            .funding
            .iter()
            .flatten()
            .map(|f| {
                let name = self.site.funders.get(&f.funder).map(|funder| funder.name.get(lang, default));
                FundingView {
                    funder: f.funder.clone(),
                    name: name.as_ref().map_or_else(|| f.funder.clone(), |n| n.text.clone()),
                    name_lang: name.and_then(|n| n.lang),
                    programme: f.programme.clone(),
                    rate: f.rate,
                    amount: f.amount,
                    currency: f.currency.clone(),
                }
            })
            .collect()
    }

    /// The funders the page of item `index` credits, in the order of their
    /// projects' funding, each once.
    pub(super) fn credits(&self, index: usize, lang: &str) -> Vec<CreditView> {
        let item = &self.site.items[index];
        let projects: Vec<usize> = match item.kind {
            Kind::Project => vec![index],
            Kind::Action => item.project.into_iter().collect(),
            Kind::News => item.projects.clone(),
            _ => Vec::new(),
        };
        let mut seen: Vec<&str> = Vec::new();
        let mut credits = Vec::new();
        for project in projects {
            let FrontMatter::Project(p) = &*self.site.items[project].base().fm else { continue };
            for line in p.funding.iter().flatten() {
                let Some(funder) = self.site.funders.get(&line.funder) else { continue };
                if !seen.contains(&funder.id.as_str()) {
                    seen.push(&funder.id);
                    credits.push(self.credit(funder, lang));
                }
            }
        }
        credits
    }

    fn credit(&self, funder: &Funder, lang: &str) -> CreditView {
        let default = &self.site.config.default_language;
        let name = funder.name.get(lang, default);
        let mut statement = funder.statement.as_ref().map(|s| s.get(lang, default));
        if statement.is_none() && funder.kind == crate::funders::Kind::Eu {
            // The EU's own wording, from the theme, rather than no statement.
            let text = self.locales.message(lang, "eu-statement", &[]).ok();
            statement = text.map(|text| crate::data::Shown { text, lang: None });
        }
        let (logo, logo_picture) = self.logo(funder.logo.as_deref());
        CreditView {
            id: funder.id.clone(),
            kind: funder.kind.name().to_string(),
            name: name.text,
            name_lang: name.lang,
            statement_lang: statement.as_ref().and_then(|s| s.lang.clone()),
            statement: statement.map(|s| s.text),
            logo,
            logo_picture,
            url: funder.url.clone(),
        }
    }

    /// A logo as pages show it: the URL of its largest rendition and its
    /// responsive set when it is a raster image of the site, else its URL
    /// as written (an SVG, another host).
    pub(super) fn logo(&self, logo: Option<&str>) -> (Option<String>, Option<crate::images::Picture>) {
        let Some(logo) = logo else { return (None, None) };
        match self.site.pictures.get(logo) {
            Some(picture) => (Some(picture.src.clone()), Some((**picture).clone())),
            None => (Some(urls::site_file(&self.site.config, logo)), None),
        }
    }
}
