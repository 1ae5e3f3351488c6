//! The contract between passerelle and themes: the small serialisable
//! structs every template receives. Each field is documented here, and this
//! file is the whole of what a theme may rely on. Views are plain data built
//! by `pages`; they hold no references into the site graph. A [`Card`]
//! keeps the template value it was first turned into, so that a card shown
//! on many pages is converted once.
//!
//! Every template is rendered with these top-level variables:
//! - `lang`: the page's language code (also used by the `t` and
//!   `dir_within` functions);
//! - `site`: a [`SiteView`];
//! - `page`: a [`PageMeta`];
//! - one of `home` ([`HomeView`]), `item` (an item view, see [`ItemView`]) or
//!   `list` ([`ListView`]), depending on the template.
//!
//! Functions: `t(key="id", name=value)` formats a UI string in the page's
//! language; `dir_within(lang="ar")` gives the `dir` a text in that language
//! needs inside the page (`rtl` or `ltr` when its direction differs from the
//! page's, else an empty string), for text marked with another `lang`.
//!
//! Strings holding HTML (`content`, `summary_html`) are already safe for
//! output and must be printed with `| safe`; every other string is plain text.

use std::sync::{Arc, OnceLock};

use serde::Serialize;

/// Site-wide values, the same on every page of one language.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// The site title in the page's language.
    pub title: String,
    /// The site description (`description` in site.toml, per language if set).
    pub description: Option<String>,
    /// The page's language code, e.g. `fr`.
    pub lang: String,
    /// The default language code.
    pub default_lang: String,
    /// Absolute base URL, always ending in `/`, e.g. `https://example.org/coopjop/`.
    pub base_url: String,
    /// The path part of `base_url`, always ending in `/`, e.g. `/coopjop/`.
    /// Prefix theme assets with it: `{{ site.root }}style.css`.
    pub root: String,
    /// URL of this language's home page.
    pub home_url: String,
    /// Every language of the site, for a language switcher on pages that
    /// have no item (see `page.translations` for item pages).
    pub languages: Vec<LanguageLink>,
    /// Main menu: section lists and pages with a `menu` weight, in order.
    pub menu: Vec<MenuEntry>,
    /// URL of the legal-notice page in this language (page id `legal-notice`), if any.
    pub legal_url: Option<String>,
    /// URL of the accessibility statement in this language (page id `accessibility`), if any.
    pub accessibility_url: Option<String>,
    /// URL of the tag index in this language.
    pub tags_url: String,
    /// URL of this language's list of news (its first page).
    pub news_url: String,
    /// URL of this language's search page.
    pub search_url: String,
    /// URL of the `meta.json` of this language's search index, which
    /// names the other files of the index (see `src/search.rs`).
    pub search_index_url: String,
    /// URL of this language's Atom feed of news.
    pub feed_url: String,
    /// URL of this language's iCalendar agenda of actions.
    pub calendar_url: String,
    /// Build date, ISO `YYYY-MM-DD`.
    pub build_date: String,
}

/// A link to one language version, for language switchers.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// Language code, e.g. `en`; use it in `hreflang` and `lang`.
    pub code: String,
    /// Language name in that language, e.g. `English`.
    pub name: String,
    /// Where the switcher goes: the same item in that language, or that
    /// language's home when the item has no translation there.
    pub url: String,
    /// True for the page's own language.
    pub current: bool,
    /// False when `url` is the language's home because this page has no
    /// translation in it; themes should say so.
    pub exact: bool,
}

/// One entry of the main menu.
#[derive(Debug, Clone, Serialize)]
pub struct MenuEntry {
    pub title: String,
    pub url: String,
    /// True when the current page is this entry or inside its section.
    pub current: bool,
}

/// What every page knows about itself.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// `home`, `project`, `partner`, `action`, `news`, `page`, `projects`,
    /// `partners`, `actions`, `news_list`, `tag`, `tags`, `chooser` or `404`.
    pub kind: String,
    /// The page title (without the site title).
    pub title: String,
    /// A plain-text description (summary or excerpt), maybe empty.
    pub description: String,
    /// Path of the page, starting with `site.root`, e.g. `/coopjop/fr/projets/coopjop/`.
    pub url: String,
    /// Absolute URL of the page.
    pub permalink: String,
    /// The page's language.
    pub lang: String,
    /// The direction of the page's language: `rtl` for a right-to-left
    /// language (ar, he, fa, ur…), else `ltr`. The default theme writes
    /// `dir="rtl"` on `<html>` for the former and nothing for the latter.
    pub dir: String,
    /// The language the content is written in; differs from `lang` only for
    /// a page shown in its original language (`translation_fallback = "banner"`).
    pub content_lang: String,
    /// True when the content is shown untranslated with a notice.
    pub fallback: bool,
    /// The language switcher for this page: one entry per site language.
    pub translations: Vec<LanguageLink>,
    /// `<link rel="alternate" hreflang>` targets: only languages in which
    /// this page really exists (absolute URLs), including the page itself.
    pub alternates: Vec<Alternate>,
    /// Absolute URL of the page's image for `og:image`: the 1200×630 crop
    /// of a news `image`, with its pixel size and alternative text.
    pub image: Option<String>,
    pub image_width: Option<u32>,
    pub image_height: Option<u32>,
    pub image_alt: Option<String>,
    /// schema.org JSON-LD of item pages (the item and a BreadcrumbList),
    /// already escaped for a `<script type="application/ld+json">`: print
    /// it with `| safe`.
    pub json_ld: Option<String>,
}

/// One hreflang alternate of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    pub permalink: String,
}

/// A date as themes show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// ISO form as written, `2026-02-06` or `2026-02-06T18:30`.
    pub iso: String,
    /// The value for `<time datetime>`: `iso`, with the UTC offset of the
    /// time zone at that date when a time has one (`2026-02-06T18:30+01:00`).
    pub datetime: String,
    /// Long form in the page's language: `6 février 2026`, `6 February 2026`.
    pub text: String,
    /// `HH:MM` when the front matter gave a time.
    pub time: Option<String>,
    /// The time zone of `time`, named in the page's language with its
    /// offset at that date: `heure de Paris, UTC+1`, `Denver time, UTC−7`
    /// (message `time-zone`). Absent without a time or a known zone.
    pub zone: Option<String>,
    pub year: i16,
}

/// An item's card as views hold it: shared by every page that shows it, and
/// turned into a template value once. It serializes as its [`ItemCard`]
/// (for a serializer other than Tera's, through that value: its fields in
/// no set order).
#[derive(Debug, Clone)]
pub struct Card(Arc<(ItemCard, OnceLock<tera::Value>)>);

impl Card {
    pub fn new(card: ItemCard) -> Card {
        Card(Arc::new((card, OnceLock::new())))
    }
}

impl std::ops::Deref for Card {
    type Target = ItemCard;

    fn deref(&self) -> &ItemCard {
        &self.0.0
    }
}

impl Serialize for Card {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Tera takes a value met while it converts a page's variables as
        // it is (a reference count), instead of converting it again.
        let (card, value) = &*self.0;
        value.get_or_init(|| tera::Value::from_serializable(card)).serialize(serializer)
    }
}

/// A short reference to any item, used in lists and cross-references.
#[derive(Debug, Clone, Serialize)]
pub struct ItemCard {
    pub id: String,
    /// `project`, `partner`, `action`, `news` or `page`.
    pub kind: String,
    pub title: String,
    pub url: String,
    /// Plain-text summary (may be empty).
    pub summary: String,
    /// News date, or action/project start.
    pub date: Option<DateView>,
    /// Action/project end.
    pub end: Option<DateView>,
    /// Project acronym, partner short name, or action number as text.
    pub label: Option<String>,
    /// Project/action status: `planned`, `ongoing` or `completed`.
    pub status: Option<String>,
    /// Partner kind or action kind (enumeration value, translate with `t`).
    pub subkind: Option<String>,
    /// Partner country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Set when the card's text is in another language than the page.
    pub content_lang: Option<String>,
    /// Where an action takes place (front matter `location`).
    pub location: Option<String>,
    /// True for an action held online.
    pub online: bool,
}

/// A partner's name in its own language, to be marked with `lang`.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialName {
    pub text: String,
    pub lang: String,
    /// True when `lang` differs from the page language: wrap it in `<span lang>`.
    pub foreign: bool,
    /// `rtl` (or `ltr`) when the name runs the other way than the page, as
    /// an Arabic name on a French page: put it in `dir` so the name is
    /// isolated and the punctuation around it stays in place.
    pub dir: Option<String>,
}

/// A partner named inside a text by the `partner` shortcode: the variable
/// `partner` of `shortcodes/partner.html`.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerNameView {
    pub id: String,
    /// The name shown: the partner's title in the page language (or in the
    /// language it exists in), its `short_name` or its `official_name`.
    pub name: String,
    /// Which name the call asked for: `title`, `short` or `official`.
    pub which: String,
    /// The partner's page in the page language (its page in its own
    /// language when it has no translation), starting with `site.root`.
    pub url: String,
    /// Set when the name is in another language than the page (an official
    /// name, an untranslated title): mark it with `lang`.
    pub lang: Option<String>,
    /// `rtl` (or `ltr`) when the name runs the other way than the page:
    /// put it in `dir`, which isolates the name.
    pub dir: Option<String>,
}

/// A tag with the URL of its page.
#[derive(Debug, Clone, Serialize)]
pub struct TagLink {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// Number of items with this tag (filled on the tag index).
    pub count: usize,
}

/// A funding line of a project.
#[derive(Debug, Clone, Serialize)]
pub struct FundingView {
    /// The funder's id in `content/data/funders.yaml`.
    pub funder: String,
    /// Its name in the page's language.
    pub name: String,
    /// The language of `name` when it is not the page's.
    pub name_lang: Option<String>,
    pub programme: Option<String>,
    /// Co-financing rate in percent.
    pub rate: Option<f64>,
    pub amount: Option<f64>,
    pub currency: Option<String>,
}

/// A funder as pages credit it: on its projects' pages and on the pages of
/// their actions and news.
#[derive(Debug, Clone, Serialize)]
pub struct CreditView {
    pub id: String,
    /// `eu`, `state`, `region`, `foundation` or `other`: for `eu` the theme
    /// draws the EU emblem beside the statement.
    pub kind: String,
    pub name: String,
    pub name_lang: Option<String>,
    /// What the page says of its support, in the page's language.
    pub statement: Option<String>,
    pub statement_lang: Option<String>,
    /// URL of its logo, with the site's base path: the largest rendition
    /// of a raster logo, an SVG as it is.
    pub logo: Option<String>,
    /// The responsive set of a raster logo (see [`ImageView::picture`]).
    pub logo_picture: Option<crate::images::Picture>,
    pub url: Option<String>,
}

/// A working group of a project.
#[derive(Debug, Clone, Serialize)]
pub struct WorkingGroupView {
    /// What actions and news name in `working_group:`.
    pub id: String,
    /// Its anchor on the project page, `wg-<id>`.
    pub anchor: String,
    pub title: String,
    pub summary: Option<String>,
    /// The project's actions and news that name this group, in list order.
    pub actions: Vec<Card>,
    pub news: Vec<Card>,
}

/// The working group an action or a news item belongs to, linked to its
/// section of the project page.
#[derive(Debug, Clone, Serialize)]
pub struct WorkingGroupLink {
    pub title: String,
    pub url: String,
}

/// An image with its alternative text (a news item's `image`).
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// The source as written in the front matter.
    pub src: String,
    pub alt: String,
    /// Who made it, to show with it ("Photo: …").
    pub credit: Option<String>,
    /// For a JPEG, PNG, WebP or GIF of the site, the responsive set to
    /// draw a `<picture>` with: `src` (URL of the largest JPEG or PNG
    /// rendition), `srcset` (those renditions with their widths),
    /// `webp_srcset` (the same widths in WebP), `sizes` (`[images] sizes`:
    /// a theme showing the image narrower writes its own) and the `width`
    /// and `height` of `src`, upright. The original is not published.
    pub picture: Option<crate::images::Picture>,
    /// Its 1200×630 crop for sharing sites (`og:image`): `url`, `width`,
    /// `height` (smaller when the source is), `orig_width`, `orig_height`.
    pub sharing: Option<crate::images::Resized>,
}

/// The `item` variable of single-item templates (`project.html`,
/// `partner.html`, `action.html`, `news.html`, `page.html`). Fields that do
/// not apply to a type are absent (null).
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub kind: String,
    pub title: String,
    /// Plain-text summary (front matter `summary`, or the text before `<!-- more -->`).
    pub summary: String,
    /// HTML of the summary, when it came from the body.
    pub summary_html: Option<String>,
    /// True when `summary` is only the opening of the body (no front matter
    /// summary, no `<!-- more -->`): themes should not show it above the body.
    pub summary_is_excerpt: bool,
    /// The body as HTML.
    pub content: String,
    /// Headings of the body, for a table of contents.
    pub headings: Vec<HeadingView>,
    /// Language the body is written in.
    pub content_lang: String,
    /// Free map from front matter `extra`.
    pub extra: serde_json::Value,

    // project
    pub acronym: Option<String>,
    pub status: Option<String>,
    pub start: Option<DateView>,
    pub end: Option<DateView>,
    pub lead: Option<Card>,
    pub themes: Vec<String>,
    pub funding: Vec<FundingView>,
    pub working_groups: Vec<WorkingGroupView>,
    /// The funders this page credits: a project's, or its action's or news
    /// item's projects'.
    pub credits: Vec<CreditView>,
    /// Actions and news: the working group they name.
    pub working_group: Option<WorkingGroupLink>,
    pub website: Option<String>,
    /// URL of its logo: the largest rendition of a JPEG, PNG, WebP or GIF
    /// (the original is not published), an SVG as it is.
    pub logo: Option<String>,
    /// The responsive set of a raster logo (see [`ImageView::picture`]).
    pub logo_picture: Option<crate::images::Picture>,

    // partner
    pub short_name: Option<String>,
    pub official_name: Option<OfficialName>,
    /// Partner kind or action kind (enumeration value).
    pub subkind: Option<String>,
    pub country: Option<String>,
    /// `[lat, lon]`.
    pub location_coords: Option<[f64; 2]>,

    // action
    pub number: Option<i64>,
    /// The project an action belongs to.
    pub project: Option<Card>,
    /// Place name of an action.
    pub location: Option<String>,
    pub online: bool,
    /// True when the action has not ended yet.
    pub upcoming: bool,

    // news
    pub date: Option<DateView>,
    pub author: Option<String>,
    pub image: Option<ImageView>,
    pub tags: Vec<TagLink>,

    /// Project: its actions by month, upcoming then past, with the links to
    /// subscribe to its agenda. Absent when it has no action.
    pub agenda: Option<AgendaView>,
    /// Project: the first of its actions that has not ended, if any.
    pub next_action: Option<Card>,

    /// Project: URL of its news feed. Other items: none.
    pub feed_url: Option<String>,
    /// Project: URL of its agenda; action: URL of its own `.ics` file.
    pub calendar_url: Option<String>,

    // references and reverse links
    /// Partners referenced by this item (project partners, action partners, news partners).
    pub partners: Vec<Card>,
    /// Projects: referenced by a news item, or led by / joined by a partner.
    pub projects: Vec<Card>,
    /// Actions of a project, or actions a partner takes part in.
    pub actions: Vec<Card>,
    /// News mentioning this project or partner, newest first (at most 50).
    pub news: Vec<Card>,
    /// How many news items mention it in all.
    pub news_total: usize,
    /// Project: the map of its lead and partners (absent when none has a country).
    pub map: Option<MapView>,
}

/// A heading of an item's body.
#[derive(Debug, Clone, Serialize)]
pub struct HeadingView {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The `home` variable of `home.html`.
#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub title: String,
    /// The home page body (content/_index.<lang>.md) as HTML.
    pub content: String,
    pub latest_news: Vec<Card>,
    pub projects: Vec<Card>,
    pub upcoming_actions: Vec<Card>,
    /// URLs of the section lists, to link "all news" etc.
    pub news_url: String,
    pub projects_url: String,
    pub actions_url: String,
    pub partners_url: String,
}

/// The `list` variable of list templates: `projects.html`, `partners.html`,
/// `actions.html`, `news_list.html`, `tag.html`, `tags.html`.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
    pub title: String,
    /// Items of this page of the list (news, projects, tag pages).
    pub items: Vec<Card>,
    /// Partners grouped by country (`partners.html`), countries sorted by code.
    pub groups: Vec<CountryGroup>,
    /// Actions not yet ended, soonest first (`actions.html`).
    pub upcoming: Vec<Card>,
    /// Actions already ended, latest first (`actions.html`).
    pub past: Vec<Card>,
    /// The same actions grouped by month, with the links to subscribe
    /// to the language's agenda (`actions.html`).
    pub agenda: Option<AgendaView>,
    /// Every tag of the language (`tags.html`), by name.
    pub tags: Vec<TagLink>,
    /// Pagination of news lists; absent on lists that fit one page.
    pub paginator: Option<Paginator>,
    /// The map of every partner (`partners.html`).
    pub map: Option<MapView>,
}

/// Actions split at the build date and grouped by the month they start
/// in: the site's agenda (`list.agenda`) or a project's (`item.agenda`).
#[derive(Debug, Clone, Serialize)]
pub struct AgendaView {
    /// Actions not yet ended, soonest first.
    pub upcoming: Vec<MonthGroup>,
    /// Actions already ended, latest first.
    pub past: Vec<MonthGroup>,
    /// The iCalendar file of these actions (`…/agenda.ics`), starting with `site.root`.
    pub calendar_url: String,
    /// The same file as an absolute `webcal://` address, which calendar
    /// applications offer to subscribe to.
    pub webcal_url: String,
}

/// The actions that start in one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthGroup {
    /// `YYYY-MM`, for anchors.
    pub id: String,
    /// The month in the page's language: `février 2026`, `February 2026`.
    pub title: String,
    pub actions: Vec<Card>,
}

/// Partners of one country.
#[derive(Debug, Clone, Serialize)]
pub struct CountryGroup {
    /// ISO 3166-1 alpha-2 code; translate with `t(key="country-" ~ code)`.
    pub country: String,
    pub partners: Vec<Card>,
}

/// Pagination of a list. `pages` holds the first, the last and the pages
/// near the current one, not every page.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    /// 1-based number of this page.
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PageLink>,
}

/// One page of a paginated list.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// True when pages were skipped before this one (show an ellipsis).
    pub gap_before: bool,
}

/// A text of a data file as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TextView {
    pub text: String,
    /// The language the text is written in when it is not the page's (a
    /// missing translation): print it as `lang="…"` on the element.
    pub lang: Option<String>,
}

/// One question of a survey drawn as a bar chart (`chart` shortcode,
/// `partials/chart.html`). Every number is computed from the counts of the
/// data file. The SVG geometry is in CSS pixels for heights and in percent
/// of the chart's width for bar lengths, so text keeps the body's size at
/// any width.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// Survey id (the data file's name) and question id.
    pub survey: String,
    pub question: String,
    /// A prefix for element ids, unique per question: `chart-<survey>-<question>`.
    pub id: String,
    /// The question's text: the chart's title and the table's caption.
    pub text: TextView,
    /// `single` or `multiple`.
    pub kind: String,
    /// True when several answers were allowed: percentages do not add up to
    /// 100 and the chart must say so.
    pub multiple: bool,
    /// People who answered this question (n).
    pub respondents: u64,
    /// True when the survey's figures are example data: say so on the chart and the table.
    pub example: bool,
    pub bars: Vec<BarView>,
    /// Height of the SVG in pixels.
    pub height: u32,
    /// Baseline of the line under the bars (n, several answers allowed).
    pub footer_y: u32,
    /// URL of the survey's data as CSV in this language.
    pub csv_url: String,
    /// Where the figures come from (`source` of the survey).
    pub source: Option<TextView>,
}

/// One answer of a chart.
#[derive(Debug, Clone, Serialize)]
pub struct BarView {
    pub label: TextView,
    /// The label cut into lines that fit a narrow screen, with the baseline of each (px).
    pub lines: Vec<LineView>,
    pub count: u64,
    /// Percentage rounded half up to a whole number, in the page's language: `76 %`, `76%`.
    pub percent: String,
    /// Percentage rounded half up to one decimal, in the page's language: `76,3 %`, `76.3%`.
    pub percent_precise: String,
    /// Length of the bar in percent of the chart's width (proportional to
    /// the percentage; 100 % of the respondents is `BAR_SPAN` percent).
    pub width: f64,
    /// Top of the bar and its height (px).
    pub y: u32,
    pub bar_height: u32,
    /// Baseline of the value written after the bar (px).
    pub value_y: u32,
}

/// One line of a wrapped label.
#[derive(Debug, Clone, Serialize)]
pub struct LineView {
    pub text: String,
    pub y: u32,
}

/// A whole survey (`survey` shortcode): its method, then its questions.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyView {
    pub id: String,
    pub title: TextView,
    /// Who ran it.
    pub sponsor: Option<TextView>,
    /// First and last day of the fieldwork.
    pub start: Option<DateView>,
    pub end: Option<DateView>,
    /// People who answered the survey.
    pub respondents: u64,
    pub example: bool,
    pub source: Option<TextView>,
    pub csv_url: String,
    /// Every question in order.
    pub questions: Vec<SurveyQuestionView>,
}

/// One question of a survey view: a chart for closed questions, a list of
/// responses for open ones.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyQuestionView {
    pub id: String,
    /// `single`, `multiple` or `open`.
    pub kind: String,
    pub text: TextView,
    pub respondents: u64,
    /// Closed questions.
    pub chart: Option<ChartView>,
    /// Open questions' verbatim responses.
    pub responses: Vec<TextView>,
}

/// A map of where partners are (`partners_map` shortcode, `item.map` of a
/// project, `list.map` of the partners list), drawn by
/// `partials/partners_map.html` as one SVG. Shapes come from Natural Earth
/// (public domain) and are simplified to the map's scale; nothing is
/// loaded from another host.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// A prefix for element ids, unique per map: `map-<project id>` or `map-partners`.
    pub id: String,
    /// The project's title when the map shows one project's partners.
    pub project: Option<String>,
    /// The SVG's user space: `viewBox="0 0 width height"`.
    pub width: f64,
    pub height: f64,
    /// Framed regions: partners far apart get one each.
    pub panels: Vec<MapPanelView>,
    /// How many partners and countries the map shows.
    pub partner_count: usize,
    pub country_count: usize,
    /// The text alternative: every country (name in the page's language,
    /// sorted by it) with its partners, linked to their pages.
    pub countries: Vec<MapCountryView>,
}

/// One framed region of a map, at (`x`, `y`) of the map; its shapes and
/// markers use the panel's own coordinates.
#[derive(Debug, Clone, Serialize)]
pub struct MapPanelView {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Muted countries first, then the partners' countries.
    pub shapes: Vec<MapShapeView>,
    pub markers: Vec<MapMarkerView>,
}

/// One country's outline.
#[derive(Debug, Clone, Serialize)]
pub struct MapShapeView {
    /// ISO 3166-1 alpha-2 code, when the shape has one.
    pub country: Option<String>,
    /// True for a partner's country.
    pub highlighted: bool,
    /// SVG path data.
    pub d: String,
}

/// A marker for one partner, or for several close ones of one country.
#[derive(Debug, Clone, Serialize)]
pub struct MapMarkerView {
    pub x: f64,
    pub y: f64,
    /// Radius of its circle: larger for a group, which shows its count.
    pub r: f64,
    /// The partners' ids, separated by spaces (for `data-partner`).
    pub partners: String,
    /// How many partners the marker stands for.
    pub count: usize,
    /// Their names in the page's language, comma-separated (for a tooltip).
    pub names: String,
}

/// A country of the map's text alternative.
#[derive(Debug, Clone, Serialize)]
pub struct MapCountryView {
    pub code: String,
    /// The country's name in the page's language (`country-<code>` UI string).
    pub name: String,
    pub partners: Vec<MapPartnerView>,
}

/// A partner in the map's text alternative.
#[derive(Debug, Clone, Serialize)]
pub struct MapPartnerView {
    pub id: String,
    pub title: String,
    pub url: String,
    /// Set when the title is in another language than the page.
    pub content_lang: Option<String>,
    /// True when the partner has a `location`, so a marker shows it.
    pub located: bool,
}
