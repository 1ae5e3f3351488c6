//! Writes a synthetic bilingual (FR/EN) cooperation-programme site for
//! benchmarking `passerelle build`.
//!
//! ```text
//! cargo run --release --example gen_site -- --news N --out DIR [--seed S] [--force]
//! ```
//!
//! The site has N news articles per language (400-900 words of varied
//! Markdown each), 20 partners, 5 projects and 30 actions, each in French and
//! English: 2N + 110 content pages, plus the two home pages. The output only
//! depends on N and the seed. English files set only the fields a translator
//! writes; everything else is inherited from the French file.
//!
//! Standard library only: the pseudo-random generator and every word list
//! live in this file.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: gen_site --news N --out DIR [--seed S] [--force]

Writes a synthetic bilingual (fr/en) passerelle site into DIR:
N news per language, 20 partners, 5 projects, 30 actions
(2N + 110 content pages, plus the two home pages).

options:
  --news N     number of news articles per language (0 to 99999)
  --out DIR    folder to write site.toml and content/ into
  --seed S     seed of the pseudo-random generator (default 20240601)
  --force      replace DIR/content if it already exists
  -h, --help   show this help";

const DEFAULT_SEED: u64 = 20_240_601;
const MAX_NEWS: usize = 99_999;
const ACTIONS_PER_PROJECT: usize = 6;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Options {
    news: usize,
    out: PathBuf,
    seed: u64,
    force: bool,
}

enum Command {
    Help,
    Generate(Options),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut news = None;
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut force = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) if !v.is_empty() && !v.starts_with("--") => Ok(v),
                _ => Err(format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--news" => {
                let v = value("--news")?;
                let n: usize = v.parse().map_err(|_| format!("--news expects a whole number, got '{v}'"))?;
                if n > MAX_NEWS {
                    return Err(format!("--news must be at most {MAX_NEWS}, got {n}"));
                }
                news = Some(n);
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => {
                let v = value("--seed")?;
                seed = v.parse().map_err(|_| format!("--seed expects a whole number, got '{v}'"))?;
            }
            "--force" if inline.is_none() => force = true,
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    let news = news.ok_or("missing --news N")?;
    let out = out.ok_or("missing --out DIR")?;
    Ok(Command::Generate(Options { news, out, seed, force }))
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Generate(opts)) => match generate(&opts) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gen_site: error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(msg) => {
            eprintln!("gen_site: error: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------
// Pseudo-random numbers (SplitMix64) and dates
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    /// A generator for one item, independent of the order items are written.
    fn for_item(seed: u64, kind: u64, id: usize) -> Rng {
        let mut r = Rng(seed ^ kind.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 ^= (id as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices in `0..n`, in drawing order.
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut pool: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[derive(Clone, Copy)]
struct Date {
    y: i64,
    m: u32,
    d: u32,
}

impl Date {
    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date { y, m, d }
    }

    fn days(self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

const fn date(y: i64, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

fn random_date(rng: &mut Rng, from: Date, to: Date) -> Date {
    let span = (to.days() - from.days()).max(0) as usize;
    Date::from_days(from.days() + rng.below(span + 1) as i64)
}

const MONTHS: [(&str, &str); 12] = [
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
];

// ---------------------------------------------------------------------------
// Fixed entities: partners and projects
// ---------------------------------------------------------------------------

struct Partner {
    fr: &'static str,
    en: &'static str,
    short_fr: Option<&'static str>,
    short_en: Option<&'static str>,
    kind: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    city_fr: &'static str,
    city_en: &'static str,
    since: u32,
}

const fn partner(
    names: (&'static str, &'static str),
    short: (Option<&'static str>, Option<&'static str>),
    kind: &'static str,
    country: &'static str,
    pos: (f64, f64),
    city: (&'static str, &'static str),
    since: u32,
) -> Partner {
    Partner {
        fr: names.0,
        en: names.1,
        short_fr: short.0,
        short_en: short.1,
        kind,
        country,
        lat: pos.0,
        lon: pos.1,
        city_fr: city.0,
        city_en: city.1,
        since,
    }
}

#[rustfmt::skip]
const PARTNERS: [Partner; 20] = [
    partner(("Région Bretagne", "Brittany Region"), (Some("Bretagne"), Some("Brittany")), "region", "FR", (48.1147, -1.6794), ("Rennes", "Rennes"), 2009),
    partner(("Département du Finistère", "Finistère Department"), (Some("Finistère"), None), "department", "FR", (47.9960, -4.1024), ("Quimper", "Quimper"), 2012),
    partner(("Ville de Chambéry", "City of Chambéry"), (None, None), "municipality", "FR", (45.5646, 5.9178), ("Chambéry", "Chambéry"), 2005),
    partner(("Grenoble-Alpes Métropole", "Grenoble-Alpes Metropolitan Authority"), (Some("la Métro"), Some("the Metro")), "intercommunality", "FR", (45.1885, 5.7245), ("Grenoble", "Grenoble"), 2016),
    partner(("Commune de Ziguinchor", "Municipality of Ziguinchor"), (Some("Ziguinchor"), None), "municipality", "SN", (12.5641, -16.2719), ("Ziguinchor", "Ziguinchor"), 2009),
    partner(("Conseil départemental de Podor", "Podor Departmental Council"), (Some("CD Podor"), None), "department", "SN", (16.6527, -14.9592), ("Podor", "Podor"), 2014),
    partner(("Ville de Porto-Novo", "City of Porto-Novo"), (None, None), "municipality", "BJ", (6.4969, 2.6289), ("Porto-Novo", "Porto-Novo"), 2011),
    partner(("Communauté de communes des Collines", "Collines Community of Municipalities"), (Some("CC des Collines"), Some("Collines CoM")), "intercommunality", "BJ", (7.7500, 2.1833), ("Dassa-Zoumé", "Dassa-Zoumé"), 2018),
    partner(("Région de l'Oriental", "Oriental Region"), (Some("l'Oriental"), Some("Oriental")), "region", "MA", (34.6814, -1.9086), ("Oujda", "Oujda"), 2013),
    partner(("Commune de Chefchaouen", "Municipality of Chefchaouen"), (Some("Chefchaouen"), None), "municipality", "MA", (35.1688, -5.2636), ("Chefchaouen", "Chefchaouen"), 2015),
    partner(("Région Toscane", "Tuscany Region"), (Some("Toscane"), Some("Tuscany")), "region", "IT", (43.7696, 11.2558), ("Florence", "Florence"), 2017),
    partner(("Ville de Bologne", "City of Bologna"), (Some("Bologne"), Some("Bologna")), "municipality", "IT", (44.4949, 11.3426), ("Bologne", "Bologna"), 2019),
    partner(("Université de Parakou", "University of Parakou"), (Some("UP"), None), "university", "BJ", (9.3372, 2.6303), ("Parakou", "Parakou"), 2016),
    partner(("Université Gaston-Berger", "Gaston Berger University"), (Some("UGB"), None), "university", "SN", (16.0620, -16.4260), ("Saint-Louis", "Saint-Louis"), 2010),
    partner(("Agence de développement régional de Kayes", "Kayes Regional Development Agency"), (Some("ADR Kayes"), Some("Kayes RDA")), "agency", "ML", (14.4469, -11.4445), ("Kayes", "Kayes"), 2014),
    partner(("Association Sahel Solidaire", "Sahel Solidarity Association"), (Some("Sahel Solidaire"), Some("Sahel Solidarity")), "association", "BF", (12.3714, -1.5197), ("Ouagadougou", "Ouagadougou"), 2008),
    partner(("Ministère des Collectivités territoriales du Sénégal", "Senegal Ministry of Local Government"), (Some("MCT"), Some("MLG")), "state", "SN", (14.6928, -17.4467), ("Dakar", "Dakar"), 2012),
    partner(("Réseau des villes du fleuve Niger", "Niger River Cities Network"), (Some("RVFN"), Some("NRCN")), "other", "ML", (12.6392, -8.0029), ("Bamako", "Bamako"), 2020),
    partner(("Commune urbaine de Toliara", "Urban Municipality of Toliara"), (Some("Toliara"), None), "municipality", "MG", (-23.3500, 43.6667), ("Toliara", "Toliara"), 2017),
    partner(("Communauté urbaine de Douala", "Douala Urban Community"), (Some("CUD"), Some("DUC")), "intercommunality", "CM", (4.0511, 9.7679), ("Douala", "Douala"), 2015),
];

fn partner_id(i: usize) -> String {
    format!("partner-{:02}", i + 1)
}

struct Project {
    acronym: &'static str,
    fr: &'static str,
    en: &'static str,
    summary: (&'static str, &'static str),
    status: &'static str,
    start: Date,
    end: Date,
    lead: usize,
    partners: &'static [usize],
    themes: &'static [&'static str],
    /// Working groups: ((fr title, fr summary), (en title, en summary)).
    groups: &'static [(Pair, Pair)],
}

const PROJECTS: [Project; 5] = [
    Project {
        acronym: "AQUALOC",
        fr: "Eau potable et assainissement de proximité",
        en: "Local drinking water and sanitation",
        summary: (
            "Améliorer l'accès à l'eau et à l'assainissement dans les quartiers périphériques de Ziguinchor et de Podor.",
            "Improving access to water and sanitation in the outlying neighbourhoods of Ziguinchor and Podor.",
        ),
        status: "completed",
        start: date(2020, 2, 1),
        end: date(2023, 6, 30),
        lead: 0,
        partners: &[0, 4, 5, 13, 16],
        themes: &["water", "sanitation", "public-health"],
        groups: &[
            (
                ("Réseaux et bornes-fontaines", "Plan et suivi des extensions du réseau."),
                ("Networks and standpipes", "Planning and monitoring network extensions."),
            ),
            (
                ("Gestion communautaire", "Comités d'usagers et tarification sociale."),
                ("Community management", "User committees and social pricing."),
            ),
        ],
    },
    Project {
        acronym: "JEUNACT",
        fr: "Jeunesse et participation citoyenne",
        en: "Youth and civic participation",
        summary: (
            "Donner aux jeunes de Chambéry, Porto-Novo et Ouagadougou les moyens de porter leurs propres projets de quartier.",
            "Giving young people in Chambéry, Porto-Novo and Ouagadougou the means to run their own neighbourhood projects.",
        ),
        status: "ongoing",
        start: date(2022, 9, 1),
        end: date(2026, 8, 31),
        lead: 2,
        partners: &[2, 6, 12, 15],
        themes: &["youth", "participation", "employment"],
        groups: &[
            (
                ("Conseils de jeunes", "Installation et animation des conseils."),
                ("Youth councils", "Setting up and running the councils."),
            ),
            (
                ("Fonds d'initiatives", "Sélection et suivi des microprojets."),
                ("Initiative fund", "Selecting and monitoring micro-projects."),
            ),
            (
                ("Mobilités internationales", "Échanges de volontaires entre les villes."),
                ("International mobility", "Volunteer exchanges between the cities."),
            ),
        ],
    },
    Project {
        acronym: "CLIMARC",
        fr: "Résilience climatique des territoires côtiers",
        en: "Climate resilience of coastal territories",
        summary: (
            "Anticiper l'érosion et les submersions marines avec les communes littorales de quatre pays.",
            "Preparing for erosion and coastal flooding with seaside municipalities in four countries.",
        ),
        status: "ongoing",
        start: date(2023, 1, 15),
        end: date(2026, 12, 31),
        lead: 1,
        partners: &[1, 8, 9, 18, 19],
        themes: &["climate", "coastline", "planning"],
        groups: &[
            (
                ("Observation du trait de côte", "Relevés partagés et données ouvertes."),
                ("Shoreline monitoring", "Shared surveys and open data."),
            ),
            (
                ("Aménagement et prévention", "Plans locaux face aux risques."),
                ("Planning and prevention", "Local plans for hazards."),
            ),
        ],
    },
    Project {
        acronym: "PATRIMONIA",
        fr: "Patrimoine vivant et tourisme durable",
        en: "Living heritage and sustainable tourism",
        summary: (
            "Valoriser les centres historiques et les savoir-faire locaux sans les livrer au tourisme de masse.",
            "Promoting historic centres and local know-how without handing them over to mass tourism.",
        ),
        status: "completed",
        start: date(2020, 5, 1),
        end: date(2022, 12, 31),
        lead: 10,
        partners: &[10, 11, 9, 6],
        themes: &["heritage", "tourism", "crafts"],
        groups: &[
            (
                ("Inventaire du patrimoine", "Fiches et relevés des bâtiments."),
                ("Heritage inventory", "Building records and surveys."),
            ),
            (
                ("Routes des artisans", "Circuits et formation des guides."),
                ("Craft trails", "Itineraries and guide training."),
            ),
        ],
    },
    Project {
        acronym: "FINLOC",
        fr: "Finances locales et fiscalité de proximité",
        en: "Local finance and community taxation",
        summary: (
            "Renforcer les ressources propres des collectivités partenaires et la transparence de leurs budgets.",
            "Strengthening the own revenue of partner local governments and the transparency of their budgets.",
        ),
        status: "planned",
        start: date(2026, 9, 1),
        end: date(2029, 8, 31),
        lead: 3,
        partners: &[3, 7, 14, 17],
        themes: &["local-finance", "governance"],
        groups: &[
            (
                ("Adressage et recensement fiscal", "Outils de recensement des contribuables."),
                ("Addressing and tax census", "Tools to register taxpayers."),
            ),
            (
                ("Budgets ouverts", "Publication et débat public des budgets."),
                ("Open budgets", "Publishing and publicly debating budgets."),
            ),
        ],
    },
];

fn project_id(i: usize) -> String {
    format!("project-{}", i + 1)
}

fn action_id(i: usize) -> String {
    format!("action-{:02}", i + 1)
}

fn news_id(i: usize) -> String {
    format!("news-{:05}", i + 1)
}

// ---------------------------------------------------------------------------
// Word lists: (French, English) pairs, so an English file translates its
// French file sentence by sentence.
// ---------------------------------------------------------------------------

type Pair = (&'static str, &'static str);

/// Sentence subjects: (fr, en, plural in French).
const SUBJECTS: [(&str, &str, bool); 20] = [
    ("le comité de pilotage", "the steering committee", false),
    ("l'équipe de coordination", "the coordination team", false),
    ("la délégation", "the delegation", false),
    ("les services techniques", "the technical services", true),
    ("les élus des deux territoires", "elected representatives from both territories", true),
    ("le conseil municipal", "the city council", false),
    ("les associations de quartier", "neighbourhood associations", true),
    ("l'agence de développement", "the development agency", false),
    ("les étudiants de master", "the master's students", true),
    ("le groupe de travail", "the working group", false),
    ("les agents communaux", "municipal staff", true),
    ("la direction des relations internationales", "the international relations department", false),
    ("les représentants de la société civile", "civil society representatives", true),
    ("le bureau d'études", "the consultancy", false),
    ("les maraîchères du périmètre irrigué", "the women farming the irrigated plots", true),
    ("le réseau des jeunes ambassadeurs", "the young ambassadors' network", false),
    ("les chefs de quartier", "the neighbourhood chiefs", true),
    ("la cellule de suivi", "the monitoring unit", false),
    ("les partenaires techniques et financiers", "technical and financial partners", true),
    ("la maire adjointe", "the deputy mayor", false),
];

/// Past participles (fr) and simple past (en) of transitive verbs.
const VERBS: [Pair; 20] = [
    ("présenté", "presented"),
    ("examiné", "reviewed"),
    ("validé", "approved"),
    ("adopté", "adopted"),
    ("lancé", "launched"),
    ("préparé", "prepared"),
    ("évalué", "assessed"),
    ("cofinancé", "co-funded"),
    ("mis en place", "set up"),
    ("relancé", "revived"),
    ("consolidé", "consolidated"),
    ("restitué", "reported back on"),
    ("amendé", "amended"),
    ("défendu", "championed"),
    ("soumis au vote", "put to the vote"),
    ("testé sur le terrain", "field-tested"),
    ("documenté", "documented"),
    ("financé", "funded"),
    ("piloté", "steered"),
    ("simplifié", "simplified"),
];

const OBJECTS: [Pair; 22] = [
    ("le plan de gestion des eaux pluviales", "the stormwater management plan"),
    ("un programme d'échanges entre techniciens", "an exchange programme for technicians"),
    ("la feuille de route de l'année à venir", "the roadmap for the coming year"),
    ("le cahier des charges du futur marché couvert", "the specifications of the future covered market"),
    ("un dispositif de collecte des déchets ménagers", "a household waste collection scheme"),
    ("le schéma local de mobilité", "the local mobility plan"),
    ("une enquête auprès de trois cents ménages", "a survey of three hundred households"),
    ("le budget de la deuxième phase", "the budget of the second phase"),
    ("la convention de partenariat", "the partnership agreement"),
    ("un module de formation en gestion financière", "a training module in financial management"),
    ("le registre des biens communaux", "the register of municipal property"),
    ("une cartographie des zones inondables", "a map of flood-prone areas"),
    ("le programme de réhabilitation des puits", "the well rehabilitation programme"),
    ("un fonds pour les initiatives des jeunes", "a fund for youth initiatives"),
    ("le rapport d'étape", "the progress report"),
    ("une charte de la participation citoyenne", "a charter for civic participation"),
    ("le plan de sauvegarde de la médina", "the medina conservation plan"),
    ("les indicateurs de suivi", "the monitoring indicators"),
    ("un calendrier de visites croisées", "a schedule of reciprocal visits"),
    ("la stratégie de communication", "the communication strategy"),
    ("un inventaire des pratiques agricoles", "an inventory of farming practices"),
    ("le projet de pépinière municipale", "the municipal tree nursery project"),
];

const COMPLEMENTS: [Pair; 16] = [
    ("avec l'appui des services de l'État", "with support from central government services"),
    ("au terme de deux journées d'échanges", "after two days of discussions"),
    ("en présence de nombreux habitants", "in the presence of many residents"),
    ("dans une salle comble", "in a packed hall"),
    ("sous la présidence de l'adjointe aux finances", "chaired by the deputy mayor for finance"),
    ("malgré un calendrier très serré", "despite a very tight schedule"),
    ("conformément aux engagements pris l'an dernier", "in line with last year's commitments"),
    ("en lien étroit avec les chefs de village", "in close cooperation with village chiefs"),
    ("à l'issue d'une large concertation", "following a broad consultation"),
    ("pour la première fois depuis le début du programme", "for the first time since the programme began"),
    ("grâce à un cofinancement européen", "thanks to European co-funding"),
    ("lors d'une séance de travail à distance", "during an online working session"),
    ("devant un public attentif", "in front of an attentive audience"),
    ("avec le concours de l'université", "with help from the university"),
    ("en s'appuyant sur l'expérience des deux villes", "drawing on the experience of both cities"),
    ("après une phase de test de six mois", "after a six-month trial phase"),
];

const CONNECTORS: [Pair; 12] = [
    ("Par ailleurs,", "In addition,"),
    ("Dans le même temps,", "Meanwhile,"),
    ("En outre,", "Moreover,"),
    ("Au cours de la séance,", "During the session,"),
    ("Quelques semaines plus tard,", "A few weeks later,"),
    ("Comme prévu,", "As planned,"),
    ("Enfin,", "Finally,"),
    ("Dès le lendemain,", "The very next day,"),
    ("À cette occasion,", "On this occasion,"),
    ("Concrètement,", "In practical terms,"),
    ("Pour rappel,", "As a reminder,"),
    ("Sur le terrain,", "On the ground,"),
];

/// Quotations: (fr, en, final punctuation).
const QUOTES: [(&str, &str, char); 10] = [
    (
        "Ce projet change concrètement la vie des habitants",
        "This project makes a real difference to residents' lives",
        '.',
    ),
    ("Nous avons appris autant que nous avons transmis", "We have learnt as much as we have passed on", '.'),
    ("Il faut maintenant passer à l'échelle", "Now we need to scale up", '!'),
    ("Qui aurait imaginé un tel résultat il y a deux ans", "Who would have imagined such a result two years ago", '?'),
    (
        "La coopération, c'est d'abord une affaire de confiance",
        "Cooperation is first and foremost a matter of trust",
        '.',
    ),
    (
        "Les jeunes ont pris toute leur place dans la démarche",
        "Young people have fully played their part in the process",
        '.',
    ),
    (
        "Sans les agents de terrain, rien n'aurait été possible",
        "Without the field staff, none of this would have been possible",
        '!',
    ),
    ("Nous repartons avec des idées très concrètes", "We are leaving with very practical ideas", '.'),
    (
        "Pourquoi ne pas étendre l'expérience aux communes voisines",
        "Why not extend the experiment to neighbouring municipalities",
        '?',
    ),
    ("Chaque euro investi doit profiter aux habitants", "Every euro invested must benefit residents", '.'),
];

const SAYS: [Pair; 5] = [
    ("souligne", "says"),
    ("explique", "explains"),
    ("rappelle", "recalls"),
    ("résume", "sums up"),
    ("insiste", "insists"),
];

const SPEAKERS: [Pair; 8] = [
    ("la vice-présidente chargée des relations internationales", "the vice-president for international relations"),
    ("le coordinateur du programme", "the programme coordinator"),
    ("une habitante du quartier", "a local resident"),
    ("le directeur des services techniques", "the head of technical services"),
    ("une étudiante en urbanisme", "an urban planning student"),
    ("le président de l'association", "the chair of the association"),
    ("la cheffe de projet", "the project manager"),
    ("un conseiller municipal", "a city councillor"),
];

const PRIORITIES: [Pair; 24] = [
    ("l'accès à l'eau", "access to water"),
    ("la formation des agents", "staff training"),
    ("la gestion des déchets", "waste management"),
    ("la mobilité douce", "active travel"),
    ("la sécurité alimentaire", "food security"),
    ("l'emploi des jeunes", "youth employment"),
    ("la transparence budgétaire", "budget transparency"),
    ("la protection du littoral", "coastal protection"),
    ("l'éclairage public", "street lighting"),
    ("la santé maternelle", "maternal health"),
    ("l'état civil", "civil registration"),
    ("la fiscalité locale", "local taxation"),
    ("le reboisement", "reforestation"),
    ("l'artisanat", "crafts"),
    ("la restauration scolaire", "school meals"),
    ("le numérique éducatif", "digital learning"),
    ("l'habitat insalubre", "substandard housing"),
    ("les marchés de quartier", "neighbourhood markets"),
    ("la lutte contre l'érosion", "erosion control"),
    ("la petite enfance", "early childhood"),
    ("l'énergie solaire", "solar energy"),
    ("la mise en valeur du patrimoine", "heritage promotion"),
    ("l'égalité entre femmes et hommes", "equality between women and men"),
    ("l'archivage municipal", "municipal record keeping"),
];

const CLAUSES: [Pair; 8] = [
    ("Les besoins restent considérables", "Needs remain considerable"),
    ("Le calendrier est ambitieux", "The timetable is ambitious"),
    ("La saison des pluies a retardé les travaux", "The rainy season delayed the works"),
    ("Les moyens restent limités", "Resources remain limited"),
    ("La demande des habitants est forte", "Demand from residents is strong"),
    ("Le terrain a confirmé le diagnostic", "Fieldwork confirmed the assessment"),
    ("Rien n'était joué d'avance", "Nothing was a foregone conclusion"),
    ("La confiance s'est construite pas à pas", "Trust was built step by step"),
];

const QUESTIONS: [Pair; 6] = [
    (
        "Comment associer durablement les habitants aux décisions",
        "How can residents be involved in decisions for the long term",
    ),
    ("Que retenir de cette première année", "What should we take away from this first year"),
    ("Pourquoi ce choix", "Why this choice"),
    ("Quels enseignements pour la suite", "What lessons for the next phase"),
    ("Comment financer l'entretien des équipements", "How can the upkeep of the facilities be funded"),
    ("Faut-il aller plus vite", "Should we move faster"),
];

const ANSWERS: [Pair; 6] = [
    (
        "La réponse tient en grande partie à la méthode choisie dès le départ",
        "The answer lies largely in the method chosen from the start",
    ),
    ("Les partenaires ont préféré avancer par petites étapes", "The partners preferred to move forward in small steps"),
    (
        "Les premiers retours des usagers apportent des éléments de réponse",
        "The first feedback from users offers part of the answer",
    ),
    ("Plusieurs pistes ont été mises sur la table", "Several options were put on the table"),
    ("Le débat reste ouvert, mais les lignes ont bougé", "The debate remains open, but positions have shifted"),
    (
        "Les élus ont tranché en faveur d'une approche progressive",
        "Elected representatives opted for a gradual approach",
    ),
];

const LIST_ITEMS: [Pair; 14] = [
    ("un diagnostic partagé des besoins", "a shared needs assessment"),
    ("la formation de vingt agents municipaux", "training for twenty municipal staff"),
    ("l'achat de matériel de collecte", "the purchase of collection equipment"),
    ("trois réunions publiques par quartier", "three public meetings per neighbourhood"),
    ("un guide pratique en deux langues", "a practical guide in two languages"),
    ("la réhabilitation de deux bornes-fontaines", "the repair of two standpipes"),
    ("un concours d'idées ouvert aux lycéens", "an ideas contest open to secondary school pupils"),
    ("une plateforme de suivi en ligne", "an online monitoring platform"),
    ("des visites d'échange entre techniciens", "exchange visits between technicians"),
    ("un comité citoyen de suivi", "a citizens' monitoring committee"),
    ("la numérisation des registres", "the digitisation of registers"),
    ("un plan de formation pluriannuel", "a multi-year training plan"),
    ("la plantation de haies brise-vent", "the planting of windbreak hedges"),
    ("un budget réservé à l'entretien", "a budget set aside for maintenance"),
];

const LIST_LEADS: [Pair; 6] = [
    ("Le programme prévoit notamment :", "The programme includes in particular:"),
    ("Plusieurs chantiers ont été ouverts en parallèle :", "Work started on several fronts at once:"),
    ("Au menu des discussions :", "On the agenda:"),
    ("Les partenaires se sont engagés sur les points suivants :", "The partners committed to the following:"),
    ("Parmi les réalisations de l'année :", "Among the year's achievements:"),
    ("Le plan d'action retient :", "The action plan includes:"),
];

const STEPS: [Pair; 8] = [
    ("Recenser les besoins avec les habitants", "Identify needs with residents"),
    ("Former les équipes municipales", "Train municipal teams"),
    ("Lancer les premiers travaux", "Start the first works"),
    ("Évaluer les résultats avec les partenaires", "Assess the results with the partners"),
    ("Partager la méthode avec d'autres communes", "Share the method with other municipalities"),
    ("Rédiger le cahier des charges", "Draft the specifications"),
    ("Mobiliser les cofinancements", "Secure co-funding"),
    ("Installer le comité de suivi", "Set up the monitoring committee"),
];

const HEADINGS: [Pair; 20] = [
    ("Contexte", "Background"),
    ("Un besoin identifié de longue date", "A long-standing need"),
    ("Les objectifs", "The aims"),
    ("Ce qui a été fait", "What has been done"),
    ("Sur le terrain", "On the ground"),
    ("Les résultats", "The results"),
    ("Paroles d'acteurs", "In their own words"),
    ("Et maintenant ?", "What next?"),
    ("Les chiffres", "Facts and figures"),
    ("Une méthode partagée", "A shared method"),
    ("Le rôle des partenaires", "The partners' role"),
    ("Des défis à relever", "Challenges ahead"),
    ("Le calendrier", "The timetable"),
    ("Pourquoi c'est important", "Why it matters"),
    ("Les enseignements", "Lessons learnt"),
    ("Une démarche participative", "A participatory approach"),
    ("Le financement", "Funding"),
    ("Vers une deuxième phase", "Towards a second phase"),
    ("Les prochaines étapes", "Next steps"),
    ("En bref", "In brief"),
];

const INDICATORS: [Pair; 8] = [
    ("Ménages raccordés au réseau", "Households connected to the network"),
    ("Agents formés", "Staff trained"),
    ("Réunions publiques", "Public meetings"),
    ("Participants aux ateliers", "Workshop participants"),
    ("Kilomètres de pistes réhabilités", "Kilometres of tracks repaired"),
    ("Arbres plantés", "Trees planted"),
    ("Actes d'état civil numérisés", "Civil records digitised"),
    ("Projets de jeunes soutenus", "Youth projects supported"),
];

const EVENTS: [Pair; 10] = [
    ("Atelier", "Workshop"),
    ("Séminaire", "Seminar"),
    ("Rencontre", "Meeting"),
    ("Journée d'étude", "Study day"),
    ("Mission technique", "Technical mission"),
    ("Formation", "Training"),
    ("Forum", "Forum"),
    ("Visite d'échange", "Exchange visit"),
    ("Table ronde", "Round table"),
    ("Chantier participatif", "Community work day"),
];

const TOPICS: [Pair; 12] = [
    ("sur la gestion de l'eau", "on water management"),
    ("sur le budget participatif", "on participatory budgeting"),
    ("autour de l'économie circulaire", "on the circular economy"),
    ("sur les marchés publics", "on public procurement"),
    ("sur l'adaptation au climat", "on climate adaptation"),
    ("sur la jeunesse et l'emploi", "on youth and jobs"),
    ("sur la gestion des archives", "on records management"),
    ("sur la sauvegarde du patrimoine", "on heritage conservation"),
    ("sur l'agroécologie", "on agroecology"),
    ("sur la prévention des inondations", "on flood prevention"),
    ("sur la santé communautaire", "on community health"),
    ("sur la fiscalité locale", "on local taxation"),
];

const HEADLINES: [Pair; 12] = [
    ("les premiers résultats sont là", "the first results are in"),
    ("une nouvelle étape franchie", "a new milestone reached"),
    ("le chantier démarre", "work gets under way"),
    ("retour sur une année d'échanges", "looking back on a year of exchanges"),
    ("les habitants prennent la parole", "residents have their say"),
    ("un partenariat renouvelé", "a renewed partnership"),
    ("bilan à mi-parcours", "mid-term review"),
    ("les jeunes au cœur du projet", "young people at the heart of the project"),
    ("cap sur la deuxième phase", "heading for phase two"),
    ("une délégation en visite", "a delegation comes to visit"),
    ("des outils partagés", "shared tools"),
    ("l'heure du bilan", "time to take stock"),
];

/// News tags: about forty per language, every English tag differs from its
/// French one.
const TAGS: [Pair; 40] = [
    ("gouvernance locale", "local governance"),
    ("eau potable", "drinking water"),
    ("assainissement", "sanitation"),
    ("déchets", "waste"),
    ("énergie solaire", "solar power"),
    ("changement climatique", "climate change"),
    ("agroécologie", "agroecology"),
    ("jeunesse", "young people"),
    ("éducation", "education"),
    ("santé", "health"),
    ("patrimoine", "heritage"),
    ("tourisme durable", "sustainable tourism"),
    ("mobilité", "transport"),
    ("urbanisme", "town planning"),
    ("finances locales", "local finance"),
    ("fiscalité", "taxation"),
    ("état civil", "civil registration"),
    ("numérique", "digital"),
    ("formation", "training"),
    ("emploi", "jobs"),
    ("égalité", "equality"),
    ("femmes", "women"),
    ("participation citoyenne", "civic participation"),
    ("budget participatif", "participatory budgeting"),
    ("société civile", "civil society"),
    ("enseignement supérieur", "higher education"),
    ("recherche", "research"),
    ("inondations", "floods"),
    ("littoral", "coastline"),
    ("forêts", "forests"),
    ("biodiversité", "biodiversity"),
    ("alimentation", "food"),
    ("marchés", "markets"),
    ("artisanat", "crafts"),
    ("vie culturelle", "arts and culture"),
    ("sport", "sports"),
    ("migrations", "migration"),
    ("jumelage", "twinning"),
    ("coopération décentralisée", "decentralised cooperation"),
    ("intercommunalité", "inter-municipal cooperation"),
];

const AUTHORS: [&str; 8] = [
    "Awa Ndiaye",
    "Julien Le Goff",
    "Fatima Zahra Bennani",
    "Marco Bianchi",
    "Koffi Agbodjan",
    "Hanta Rakotomalala",
    "Chloé Martin",
    "Ibrahim Traoré",
];

const VENUES: [Pair; 6] = [
    ("Hôtel de ville", "City hall"),
    ("Salle des fêtes", "Community hall"),
    ("Maison des associations", "Voluntary sector centre"),
    ("Campus universitaire", "University campus"),
    ("Siège du conseil régional", "Regional council headquarters"),
    ("Centre de formation municipal", "Municipal training centre"),
];

/// Action kinds with a title pattern: `{c}` is a city, `{t}` a topic.
const ACTION_KINDS: [(&str, Pair); 7] = [
    ("meeting", ("Réunion du comité de pilotage à {c}", "Steering committee meeting in {c}")),
    ("field-visit", ("Visite de terrain à {c}", "Field visit to {c}")),
    ("webinar", ("Webinaire {t}", "Webinar {t}")),
    ("seminar", ("Séminaire {t} à {c}", "Seminar {t} in {c}")),
    ("training", ("Formation des agents {t}", "Staff training {t}")),
    ("study", ("Étude {t}", "Study {t}")),
    ("other", ("Journée portes ouvertes à {c}", "Open day in {c}")),
];

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words a reader would count: tokens holding at least one letter or digit.
fn count_words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A double-quoted YAML scalar.
fn yq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML flow sequence of plain ids.
fn id_list(ids: &[String]) -> String {
    format!("[{}]", ids.join(", "))
}

fn thousands(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && i % 3 == digits.len() % 3 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn verb_fr(plural: bool) -> &'static str {
    if plural { "ont" } else { "a" }
}

/// French and English text built side by side, with running word counts.
#[derive(Default)]
struct Bi {
    fr: String,
    en: String,
    fr_words: usize,
    en_words: usize,
}

impl Bi {
    fn push(&mut self, fr: &str, en: &str) {
        self.fr.push_str(fr);
        self.en.push_str(en);
        self.fr_words += count_words(fr);
        self.en_words += count_words(en);
    }

    fn push_pair(&mut self, (fr, en): (String, String)) {
        self.push(&fr, &en);
    }

    fn max_words(&self) -> usize {
        self.fr_words.max(self.en_words)
    }

    fn min_words(&self) -> usize {
        self.fr_words.min(self.en_words)
    }
}

/// What a body may link to and contain.
struct BodyPlan<'a> {
    rng: &'a mut Rng,
    /// Stop adding blocks once both languages reach this many words.
    target: usize,
    /// Never start a block once either language has this many words.
    ceiling: usize,
    /// Sections with `##` headings, lists, tables and quotes.
    rich: bool,
    /// Internal links to other news not placed yet: (id, fr title, en title).
    news_links: Vec<(usize, String, String)>,
    partners: &'a [usize],
    projects: &'a [usize],
    year: i64,
    footnote: bool,
    /// At most one of each in the body, when allowed.
    quote: bool,
    table: bool,
    code: bool,
}

/// An ordinary sentence: subject, verb, object, complement.
fn action_sentence(rng: &mut Rng, connector: bool, emphasis: bool) -> (String, String) {
    let (sfr, sen, plural) = *rng.pick(&SUBJECTS);
    let (vfr, ven) = *rng.pick(&VERBS);
    let (ofr, oen) = *rng.pick(&OBJECTS);
    let (cfr, cen) = *rng.pick(&COMPLEMENTS);
    let (ofr, oen) = if emphasis {
        let mark = if rng.chance(50) { "*" } else { "**" };
        (format!("{mark}{ofr}{mark}"), format!("{mark}{oen}{mark}"))
    } else {
        (ofr.to_string(), oen.to_string())
    };
    let aux = verb_fr(plural);
    if connector {
        let (kfr, ken) = *rng.pick(&CONNECTORS);
        (format!("{kfr} {sfr} {aux} {vfr} {ofr} {cfr}."), format!("{ken} {sen} {ven} {oen} {cen}."))
    } else {
        (format!("{} {aux} {vfr} {ofr} {cfr}.", cap(sfr)), format!("{} {ven} {oen} {cen}.", cap(sen)))
    }
}

fn quote_sentence(rng: &mut Rng) -> (String, String) {
    let (qfr, qen, p) = *rng.pick(&QUOTES);
    let (vfr, ven) = *rng.pick(&SAYS);
    let (pfr, pen) = *rng.pick(&SPEAKERS);
    match p {
        '.' => (format!("« {qfr} », {vfr} {pfr}."), format!("“{qen},” {ven} {pen}.")),
        _ => (format!("« {qfr} {p} » {vfr} {pfr}."), format!("“{qen}{p}” {ven} {pen}.")),
    }
}

fn priorities_sentence(rng: &mut Rng) -> (String, String) {
    let (sfr, sen, plural) = *rng.pick(&SUBJECTS);
    let picks = rng.distinct(PRIORITIES.len(), 3);
    let [a, b, c] = [picks[0], picks[1], picks[2]].map(|i| PRIORITIES[i]);
    (
        format!("{} {} retenu trois priorités : {}, {} et {}.", cap(sfr), verb_fr(plural), a.0, b.0, c.0),
        format!("{} identified three priorities: {}, {} and {}.", cap(sen), a.1, b.1, c.1),
    )
}

fn semicolon_sentence(rng: &mut Rng) -> (String, String) {
    let (kfr, ken) = *rng.pick(&CLAUSES);
    let (sfr, sen, plural) = *rng.pick(&SUBJECTS);
    let (vfr, ven) = *rng.pick(&VERBS);
    let (ofr, oen) = *rng.pick(&OBJECTS);
    (format!("{kfr} ; {sfr} {} néanmoins {vfr} {ofr}.", verb_fr(plural)), format!("{ken}; even so, {sen} {ven} {oen}."))
}

fn question_sentence(rng: &mut Rng) -> (String, String) {
    let (qfr, qen) = *rng.pick(&QUESTIONS);
    let (afr, aen) = *rng.pick(&ANSWERS);
    (format!("{qfr} ? {afr}."), format!("{qen}? {aen}."))
}

fn figures_sentence(rng: &mut Rng) -> (String, String) {
    if rng.chance(50) {
        let n = rng.between(12, 480);
        let (cfr, cen) = *rng.pick(&COMPLEMENTS);
        (
            format!("Au total, {n} personnes ont pris part aux travaux {cfr}."),
            format!("In all, {n} people took part in the work {cen}."),
        )
    } else {
        let amount = rng.between(15, 900) * 1000;
        let pct = rng.between(10, 80);
        let p = rng.pick(&PARTNERS);
        (
            format!(
                "Le budget mobilisé atteint {} euros. Part apportée par {} : {pct} %.",
                thousands(amount, ' '),
                p.fr
            ),
            format!("The budget raised comes to {} euros. Share provided by {}: {pct}%.", thousands(amount, ','), p.en),
        )
    }
}

fn news_link_sentence(rng: &mut Rng, id: usize, tfr: &str, ten: &str) -> (String, String) {
    let target = format!("@/news/{}.md", news_id(id));
    match rng.below(3) {
        0 => (
            format!("Pour en savoir plus, lire [{tfr}]({target})."),
            format!("To find out more, read [{ten}]({target})."),
        ),
        1 => (
            format!("Cette étape prolonge le travail décrit dans l'article [{tfr}]({target})."),
            format!("This step builds on the work described in [{ten}]({target})."),
        ),
        _ => (
            format!("Nous en parlions déjà ici : [{tfr}]({target})."),
            format!("We covered this earlier: [{ten}]({target})."),
        ),
    }
}

fn partner_link_sentence(rng: &mut Rng, partners: &[usize]) -> (String, String) {
    let i = *rng.pick(partners);
    let p = &PARTNERS[i];
    let target = format!("@/partners/{}.md", partner_id(i));
    (
        format!("Le travail s'appuie sur l'expertise d'un partenaire : [{}]({target}).", p.fr),
        format!("The work draws on a partner's expertise: [{}]({target}).", p.en),
    )
}

fn project_link_sentence(rng: &mut Rng, projects: &[usize]) -> (String, String) {
    let i = *rng.pick(projects);
    let target = format!("@/projects/{}.md", project_id(i));
    let acr = PROJECTS[i].acronym;
    (
        format!("Cette action s'inscrit dans le projet [{acr}]({target})."),
        format!("This activity is part of the [{acr}]({target}) project."),
    )
}

/// A paragraph of two to four sentences, ending with a blank line.
fn paragraph(plan: &mut BodyPlan) -> (String, String) {
    let n = plan.rng.between(2, 4);
    let mut fr = String::new();
    let mut en = String::new();
    for k in 0..n {
        let (sfr, sen) = if !plan.news_links.is_empty() && plan.rng.chance(30) {
            let (id, tfr, ten) = plan.news_links.remove(0);
            news_link_sentence(plan.rng, id, &tfr, &ten)
        } else if !plan.partners.is_empty() && plan.rng.chance(6) {
            partner_link_sentence(plan.rng, plan.partners)
        } else if !plan.projects.is_empty() && plan.rng.chance(5) {
            project_link_sentence(plan.rng, plan.projects)
        } else {
            let rng = &mut *plan.rng;
            match rng.below(20) {
                0..=1 => quote_sentence(rng),
                2 => priorities_sentence(rng),
                3..=4 => semicolon_sentence(rng),
                5 if k == 0 => question_sentence(rng),
                6..=7 => figures_sentence(rng),
                _ => {
                    let connector = k > 0 && rng.chance(45);
                    let emphasis = rng.chance(12);
                    action_sentence(rng, connector, emphasis)
                }
            }
        };
        if k > 0 {
            fr.push(' ');
            en.push(' ');
        }
        fr.push_str(&sfr);
        en.push_str(&sen);
        if plan.footnote && k == 0 {
            plan.footnote = false;
            fr.push_str("[^source]");
            en.push_str("[^source]");
        }
    }
    fr.push_str("\n\n");
    en.push_str("\n\n");
    (fr, en)
}

fn bullet_list(rng: &mut Rng) -> (String, String) {
    let n = rng.between(3, 5);
    let bold = rng.chance(35);
    let (lead_fr, lead_en) = *rng.pick(&LIST_LEADS);
    let mut fr = format!("{lead_fr}\n\n");
    let mut en = format!("{lead_en}\n\n");
    let items = rng.distinct(LIST_ITEMS.len(), n);
    let leads = rng.distinct(PRIORITIES.len(), n);
    for (k, (&i, &l)) in items.iter().zip(&leads).enumerate() {
        let (ifr, ien) = LIST_ITEMS[i];
        let end = if k + 1 == n { "." } else { " ;" };
        if bold {
            let (lfr, len) = PRIORITIES[l];
            let _ = writeln!(fr, "- **{}** : {ifr}{end}", cap(lfr));
            let _ = writeln!(en, "- **{}**: {ien}", cap(len));
        } else {
            let _ = writeln!(fr, "- {ifr}{end}");
            let _ = writeln!(en, "- {ien}");
        }
    }
    fr.push('\n');
    en.push('\n');
    (fr, en)
}

fn ordered_list(rng: &mut Rng) -> (String, String) {
    let n = rng.between(3, 5);
    let tasks = rng.chance(15);
    let mut fr = String::from(if tasks { "Où en est-on ?\n\n" } else { "La démarche suit plusieurs étapes :\n\n" });
    let mut en =
        String::from(if tasks { "Where do things stand?\n\n" } else { "The approach follows several steps:\n\n" });
    let done = rng.below(n + 1);
    for (k, &i) in rng.distinct(STEPS.len(), n).iter().enumerate() {
        let (sfr, sen) = STEPS[i];
        if tasks {
            let mark = if k < done { 'x' } else { ' ' };
            let _ = writeln!(fr, "- [{mark}] {sfr}");
            let _ = writeln!(en, "- [{mark}] {sen}");
        } else {
            let _ = writeln!(fr, "{}. {sfr}", k + 1);
            let _ = writeln!(en, "{}. {sen}", k + 1);
        }
    }
    fr.push('\n');
    en.push('\n');
    (fr, en)
}

fn blockquote(rng: &mut Rng) -> (String, String) {
    let (qfr, qen, p) = *rng.pick(&QUOTES);
    let (pfr, pen) = *rng.pick(&SPEAKERS);
    let (afr, aen) = *rng.pick(&ANSWERS);
    let pfr_end = if p == '.' { ".".to_string() } else { format!(" {p}") };
    (
        format!("> « {qfr}{pfr_end} {afr}. »\n>\n> — {}\n\n", cap(pfr)),
        format!("> “{qen}{p} {aen}.”\n>\n> — {}\n\n", cap(pen)),
    )
}

fn table(rng: &mut Rng, year: i64) -> (String, String) {
    let (y1, y2) = (year - 2, year - 1);
    let mut fr = format!(
        "Le tableau ci-dessous résume les principaux indicateurs :\n\n| Indicateur | {y1} | {y2} | Objectif |\n|---|---:|---:|---:|\n"
    );
    let mut en = format!(
        "The table below sums up the main indicators:\n\n| Indicator | {y1} | {y2} | Target |\n|---|---:|---:|---:|\n"
    );
    let rows = rng.between(3, 5);
    for &i in &rng.distinct(INDICATORS.len(), rows) {
        let a = rng.between(5, 900);
        let b = a + rng.between(0, 400);
        let t = b + rng.between(10, 500);
        let (ifr, ien) = INDICATORS[i];
        let _ = writeln!(fr, "| {ifr} | {a} | {b} | {} |", thousands(t, ' '));
        let _ = writeln!(en, "| {ien} | {a} | {b} | {} |", thousands(t, ','));
    }
    fr.push('\n');
    en.push('\n');
    (fr, en)
}

fn code_block(rng: &mut Rng) -> (String, String) {
    let mut code = String::from("```csv\ndistrict,households,connected\n");
    for name in ["Centre", "Plateau", "Port", "Nord"] {
        let h = rng.between(200, 2500);
        let c = rng.below(h);
        let _ = writeln!(code, "{name},{h},{c}");
    }
    code.push_str("```\n\n");
    (
        format!("Les données brutes sont publiées au format CSV :\n\n{code}"),
        format!("The raw data is published as CSV:\n\n{code}"),
    )
}

/// Appends blocks until the plan's word target is met. Returns nothing: the
/// text goes into `bi`.
fn body(plan: &mut BodyPlan, bi: &mut Bi) {
    let headings = if plan.rich { HEADINGS.len() } else { 0 };
    let mut headings = plan.rng.distinct(HEADINGS.len(), headings).into_iter();
    let mut quoted = !plan.quote;
    let mut tabled = !plan.table;
    let mut coded = !plan.code;
    while bi.min_words() < plan.target && bi.max_words() < plan.ceiling {
        if let Some(h) = headings.next() {
            let (hfr, hen) = HEADINGS[h];
            bi.push(&format!("## {hfr}\n\n"), &format!("## {hen}\n\n"));
        }
        let blocks = if plan.rich { plan.rng.between(1, 3) } else { 1 };
        for b in 0..blocks {
            // A heading always gets at least one block.
            if b > 0 && bi.max_words() >= plan.ceiling {
                break;
            }
            let roll = plan.rng.below(100);
            let block = if !plan.rich || roll < 62 {
                paragraph(plan)
            } else if roll < 74 {
                bullet_list(plan.rng)
            } else if roll < 82 {
                ordered_list(plan.rng)
            } else if roll < 89 && !quoted {
                quoted = true;
                blockquote(plan.rng)
            } else if roll < 95 && !tabled {
                tabled = true;
                table(plan.rng, plan.year)
            } else if roll >= 95 && !coded {
                coded = true;
                code_block(plan.rng)
            } else {
                paragraph(plan)
            };
            bi.push_pair(block);
        }
    }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

struct Writer {
    content: PathBuf,
    files: usize,
    bytes: usize,
}

impl Writer {
    fn write(&mut self, rel: &str, text: &str) -> Result<(), String> {
        let path = self.content.join(rel);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        self.files += 1;
        self.bytes += text.len();
        Ok(())
    }

    fn write_pair(&mut self, dir: &str, id: &str, fr: &str, en: &str) -> Result<(), String> {
        self.write(&format!("{dir}/{id}.fr.md"), fr)?;
        self.write(&format!("{dir}/{id}.en.md"), en)
    }
}

fn site_toml() -> String {
    "\
title = \"Passerelle benchmark\"
base_url = \"https://example.org/bench/\"
default_language = \"fr\"
theme = \"default\"

[languages.fr]
name = \"Français\"

[languages.en]
name = \"English\"
"
    .to_string()
}

fn home(w: &mut Writer, news: usize) -> Result<(), String> {
    let mut fr = String::from(
        "---\ntitle: \"Programme de coopération Passerelle\"\nsummary: \"Vingt collectivités, universités et associations de neuf pays travaillent ensemble.\"\n---\n\n",
    );
    let mut en = String::from(
        "---\ntitle: \"Passerelle cooperation programme\"\nsummary: \"Twenty local governments, universities and associations from nine countries working together.\"\n---\n\n",
    );
    fr.push_str("Bienvenue sur le portail du programme : cinq projets, vingt partenaires et ");
    let _ = write!(fr, "{news} actualités par langue.\n\n## Nos projets\n\n");
    en.push_str("Welcome to the programme portal: five projects, twenty partners and ");
    let _ = write!(en, "{news} news articles per language.\n\n## Our projects\n\n");
    for (i, p) in PROJECTS.iter().enumerate() {
        let target = format!("@/projects/{}.md", project_id(i));
        let _ = writeln!(fr, "- [{} — {}]({target})", p.acronym, p.fr);
        let _ = writeln!(en, "- [{} — {}]({target})", p.acronym, p.en);
    }
    w.write("_index.fr.md", &fr)?;
    w.write("_index.en.md", &en)
}

fn partners(w: &mut Writer, seed: u64) -> Result<(), String> {
    for (i, p) in PARTNERS.iter().enumerate() {
        let mut rng = Rng::for_item(seed, 1, i);
        let mut fr = format!("---\ntitle: {}\n", yq(p.fr));
        let mut en = format!("---\ntitle: {}\n", yq(p.en));
        if let Some(s) = p.short_fr {
            let _ = writeln!(fr, "short_name: {}", yq(s));
        }
        if let Some(s) = p.short_en {
            let _ = writeln!(en, "short_name: {}", yq(s));
        }
        let _ = write!(fr, "kind: {}\ncountry: {}\nlocation: [{:.4}, {:.4}]\n---\n\n", p.kind, p.country, p.lat, p.lon);
        en.push_str("---\n\n");
        let mut bi = Bi::default();
        bi.push(
            &format!("{} est partenaire du programme depuis {} ; son siège est à {}. ", p.fr, p.since, p.city_fr),
            &format!("{} has been a programme partner since {}; it is based in {}. ", p.en, p.since, p.city_en),
        );
        let projects: Vec<usize> = (0..PROJECTS.len()).filter(|&j| PROJECTS[j].partners.contains(&i)).collect();
        let mut plan = BodyPlan {
            rng: &mut rng,
            target: 90,
            ceiling: 180,
            rich: false,
            news_links: Vec::new(),
            partners: &[],
            projects: &projects,
            year: 2024,
            footnote: false,
            quote: true,
            table: false,
            code: false,
        };
        body(&mut plan, &mut bi);
        fr.push_str(&bi.fr);
        en.push_str(&bi.en);
        w.write_pair("partners", &partner_id(i), &fr, &en)?;
    }
    Ok(())
}

fn projects(w: &mut Writer, seed: u64) -> Result<(), String> {
    for (i, p) in PROJECTS.iter().enumerate() {
        let mut rng = Rng::for_item(seed, 2, i);
        let ids: Vec<String> = p.partners.iter().map(|&j| partner_id(j)).collect();
        let mut fr = format!(
            "---\ntitle: {}\nacronym: {}\nsummary: {}\nstatus: {}\nstart: {}\nend: {}\nlead: {}\npartners: {}\nthemes: [{}]\nworking_groups:\n",
            yq(p.fr),
            yq(p.acronym),
            yq(p.summary.0),
            p.status,
            p.start.iso(),
            p.end.iso(),
            partner_id(p.lead),
            id_list(&ids),
            p.themes.join(", ")
        );
        let mut en = format!("---\ntitle: {}\nsummary: {}\nworking_groups:\n", yq(p.en), yq(p.summary.1));
        for ((tfr, sfr), (ten, sen)) in p.groups {
            let _ = write!(fr, "  - title: {}\n    summary: {}\n", yq(tfr), yq(sfr));
            let _ = write!(en, "  - title: {}\n    summary: {}\n", yq(ten), yq(sen));
        }
        fr.push_str("---\n\n");
        en.push_str("---\n\n");
        let mut bi = Bi::default();
        bi.push(
            &format!(
                "Le projet {} ({}) réunit {} partenaires ; son chef de file est [{}](@/partners/{}.md).\n\n",
                p.acronym,
                p.fr.to_lowercase(),
                p.partners.len(),
                PARTNERS[p.lead].fr,
                partner_id(p.lead)
            ),
            &format!(
                "The {} project ({}) brings together {} partners; its lead partner is [{}](@/partners/{}.md).\n\n",
                p.acronym,
                p.en.to_lowercase(),
                p.partners.len(),
                PARTNERS[p.lead].en,
                partner_id(p.lead)
            ),
        );
        let mut plan = BodyPlan {
            rng: &mut rng,
            target: 280,
            ceiling: 420,
            rich: true,
            news_links: Vec::new(),
            partners: p.partners,
            projects: &[],
            year: p.start.y + 1,
            footnote: false,
            quote: true,
            table: true,
            code: false,
        };
        body(&mut plan, &mut bi);
        fr.push_str(&bi.fr);
        en.push_str(&bi.en);
        w.write_pair("projects", &project_id(i), &fr, &en)?;
    }
    Ok(())
}

fn actions(w: &mut Writer, seed: u64) -> Result<(), String> {
    for i in 0..PROJECTS.len() * ACTIONS_PER_PROJECT {
        let mut rng = Rng::for_item(seed, 3, i);
        let pi = i / ACTIONS_PER_PROJECT;
        let p = &PROJECTS[pi];
        let (kind, (tfr, ten)) = *rng.pick(&ACTION_KINDS);
        let host_ix = *rng.pick(p.partners);
        let host = &PARTNERS[host_ix];
        let (topic_fr, topic_en) = *rng.pick(&TOPICS);
        let title_fr = tfr.replace("{c}", host.city_fr).replace("{t}", topic_fr);
        let title_en = ten.replace("{c}", host.city_en).replace("{t}", topic_en);
        let last = if p.end.days() < date(2027, 6, 30).days() { p.end } else { date(2027, 6, 30) };
        let day = random_date(&mut rng, p.start, last);
        let timed = rng.chance(50);
        let start = if timed {
            format!("{}T{:02}:{}", day.iso(), rng.between(8, 15), if rng.chance(50) { "00" } else { "30" })
        } else {
            day.iso()
        };
        let end = if timed && rng.chance(50) {
            Some(format!("{}T{:02}:00", day.iso(), rng.between(16, 18)))
        } else if !timed && rng.chance(50) {
            Some(Date::from_days(day.days() + rng.between(1, 3) as i64).iso())
        } else {
            None
        };
        let online = kind == "webinar" || rng.chance(10);
        let mut fr = format!(
            "---\ntitle: {}\nproject: {}\nnumber: {}\nkind: {kind}\nstart: {start}\n",
            yq(&title_fr),
            project_id(pi),
            i % ACTIONS_PER_PROJECT + 1
        );
        let mut en = format!("---\ntitle: {}\n", yq(&title_en));
        if let Some(end) = end {
            let _ = writeln!(fr, "end: {end}");
        }
        if kind != "webinar" {
            let (vfr, ven) = *rng.pick(&VENUES);
            let _ = writeln!(fr, "location: {}", yq(&format!("{vfr}, {}", host.city_fr)));
            let _ = writeln!(en, "location: {}", yq(&format!("{ven}, {}", host.city_en)));
        }
        if online {
            fr.push_str("online: true\n");
        }
        let count = rng.between(0, 2);
        let mut ids = vec![partner_id(host_ix)];
        for k in rng.distinct(p.partners.len(), count) {
            if p.partners[k] != host_ix {
                ids.push(partner_id(p.partners[k]));
            }
        }
        let _ = writeln!(fr, "partners: {}", id_list(&ids));
        fr.push_str("---\n\n");
        en.push_str("---\n\n");
        let mut bi = Bi::default();
        let target = format!("@/projects/{}.md", project_id(pi));
        bi.push(
            &format!("Cette activité du projet [{}]({target}) réunit les partenaires autour d'un programme de travail commun. ", p.acronym),
            &format!("This activity of the [{}]({target}) project brings the partners together around a shared work plan. ", p.acronym),
        );
        let mut plan = BodyPlan {
            rng: &mut rng,
            target: 60,
            ceiling: 140,
            rich: false,
            news_links: Vec::new(),
            partners: p.partners,
            projects: &[],
            year: day.y,
            footnote: false,
            quote: true,
            table: false,
            code: false,
        };
        body(&mut plan, &mut bi);
        fr.push_str(&bi.fr);
        en.push_str(&bi.en);
        w.write_pair("actions", &action_id(i), &fr, &en)?;
    }
    Ok(())
}

/// A news title, drawn from the article's own generator so other articles
/// can quote it in their links.
fn news_title(seed: u64, i: usize) -> (String, String, usize) {
    let mut rng = Rng::for_item(seed, 5, i);
    let city = rng.below(PARTNERS.len());
    let p = &PARTNERS[city];
    let (fr, en) = match rng.below(3) {
        0 => {
            let (efr, een) = *rng.pick(&EVENTS);
            let (tfr, ten) = *rng.pick(&TOPICS);
            (format!("{efr} {tfr} à {}", p.city_fr), format!("{een} {ten} in {}", p.city_en))
        }
        1 => {
            let (hfr, hen) = *rng.pick(&HEADLINES);
            (format!("{} : {hfr}", p.city_fr), format!("{}: {hen}", p.city_en))
        }
        _ => {
            let acr = rng.pick(&PROJECTS).acronym;
            let (hfr, hen) = *rng.pick(&HEADLINES);
            (format!("{acr} : {hfr}"), format!("{acr}: {hen}"))
        }
    };
    (fr, en, city)
}

fn one_news(seed: u64, i: usize, total: usize) -> (String, String) {
    let mut rng = Rng::for_item(seed, 4, i);
    let day = random_date(&mut rng, date(2020, 1, 1), date(2025, 12, 31));
    let (title_fr, title_en, city_ix) = news_title(seed, i);
    // Partners named in the front matter: the one whose city the title
    // names first, when there are any.
    let count = rng.below(4);
    let mut partner_ix = Vec::with_capacity(count);
    if count > 0 {
        partner_ix.push(city_ix);
        for k in rng.distinct(PARTNERS.len(), count) {
            if k != city_ix && partner_ix.len() < count {
                partner_ix.push(k);
            }
        }
    }
    let count = rng.below(3);
    let project_ix = rng.distinct(PROJECTS.len(), count);
    let count = rng.between(1, 4);
    let tags = rng.distinct(TAGS.len(), count);
    let has_summary = rng.chance(50);
    let author = rng.chance(30).then(|| *rng.pick(&AUTHORS));

    let mut fr = format!("---\ntitle: {}\ndate: {}\n", yq(&title_fr), day.iso());
    let mut en = format!("---\ntitle: {}\n", yq(&title_en));
    if has_summary {
        let (sfr, sen) = action_sentence(&mut rng, false, false);
        let _ = writeln!(fr, "summary: {}", yq(&sfr));
        let _ = writeln!(en, "summary: {}", yq(&sen));
    }
    if let Some(a) = author {
        let _ = writeln!(fr, "author: {}", yq(a));
    }
    if !project_ix.is_empty() {
        let ids: Vec<String> = project_ix.iter().map(|&k| project_id(k)).collect();
        let _ = writeln!(fr, "projects: {}", id_list(&ids));
    }
    if !partner_ix.is_empty() {
        let ids: Vec<String> = partner_ix.iter().map(|&k| partner_id(k)).collect();
        let _ = writeln!(fr, "partners: {}", id_list(&ids));
    }
    let tags_fr: Vec<String> = tags.iter().map(|&k| yq(TAGS[k].0)).collect();
    let tags_en: Vec<String> = tags.iter().map(|&k| yq(TAGS[k].1)).collect();
    let _ = write!(fr, "tags: [{}]\n---\n\n", tags_fr.join(", "));
    let _ = write!(en, "tags: [{}]\n---\n\n", tags_en.join(", "));

    // Other articles this one links to.
    let mut news_links = Vec::new();
    if total > 1 {
        for _ in 0..rng.between(1, 3) {
            let mut j = rng.below(total - 1);
            if j >= i {
                j += 1;
            }
            let (tfr, ten, _) = news_title(seed, j);
            news_links.push((j, tfr, ten));
        }
    }

    let mut bi = Bi::default();
    let city = &PARTNERS[city_ix];
    let (mfr, men) = MONTHS[day.m as usize - 1];
    let (sfr, sen) = action_sentence(&mut rng, false, false);
    let (sfr, sen) = (sfr.trim_end_matches('.'), sen.trim_end_matches('.'));
    let lower = |s: &str| -> String {
        let mut c = s.chars();
        c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
    };
    bi.push(
        &format!("En {mfr} {}, à {}, {}. ", day.y, city.city_fr, lower(sfr)),
        &format!("In {men} {}, in {}, {}. ", day.y, city.city_en, lower(sen)),
    );
    let (s2fr, s2en) = action_sentence(&mut rng, true, false);
    bi.push(&format!("{s2fr}\n\n"), &format!("{s2en}\n\n"));
    if !has_summary {
        bi.push("<!-- more -->\n\n", "<!-- more -->\n\n");
    }

    let footnote = rng.chance(6);
    let mut plan = BodyPlan {
        target: rng.between(400, 760),
        ceiling: 770,
        rich: true,
        news_links,
        partners: &partner_ix,
        projects: &project_ix,
        year: day.y,
        footnote,
        quote: rng.chance(60),
        table: rng.chance(40),
        code: rng.chance(6),
        rng: &mut rng,
    };
    body(&mut plan, &mut bi);
    if !plan.news_links.is_empty() {
        bi.push("**À lire aussi :**\n\n", "**Read also:**\n\n");
        for (j, tfr, ten) in &plan.news_links {
            let target = format!("@/news/{}.md", news_id(*j));
            bi.push(&format!("- [{tfr}]({target})\n"), &format!("- [{ten}]({target})\n"));
        }
        bi.push("\n", "\n");
    }
    if footnote && !plan.footnote {
        let r = day.y - 1;
        bi.push(
            &format!("[^source]: Rapport d'activité {r} du programme, chapitre 3.\n"),
            &format!("[^source]: Programme activity report {r}, chapter 3.\n"),
        );
    }
    fr.push_str(bi.fr.trim_end());
    fr.push('\n');
    en.push_str(bi.en.trim_end());
    en.push('\n');
    (fr, en)
}

fn news(w: &mut Writer, seed: u64, n: usize) -> Result<(), String> {
    for i in 0..n {
        let (fr, en) = one_news(seed, i, n);
        w.write_pair("news", &news_id(i), &fr, &en)?;
    }
    Ok(())
}

fn generate(opts: &Options) -> Result<String, String> {
    let out = &opts.out;
    let content = out.join("content");
    if content.exists() {
        if !opts.force {
            return Err(format!("{} already exists (pass --force to replace it)", content.display()));
        }
        fs::remove_dir_all(&content).map_err(|e| format!("cannot remove {}: {e}", content.display()))?;
    }
    // site.toml is written last, so its presence marks a complete site.
    let toml = out.join("site.toml");
    if toml.exists() {
        fs::remove_file(&toml).map_err(|e| format!("cannot remove {}: {e}", toml.display()))?;
    }
    for dir in ["partners", "projects", "actions", "news"] {
        let d = content.join(dir);
        fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let mut w = Writer { content, files: 0, bytes: 0 };
    home(&mut w, opts.news)?;
    partners(&mut w, opts.seed)?;
    projects(&mut w, opts.seed)?;
    actions(&mut w, opts.seed)?;
    news(&mut w, opts.seed, opts.news)?;
    write_file(&toml, &site_toml())?;
    let pages = w.files - 2;
    Ok(format!(
        "gen_site: wrote {} content files ({pages} content pages: {} news, {} partners, {} projects, {} actions; plus 2 home pages; {:.1} MiB) to {}",
        w.files,
        2 * opts.news,
        2 * PARTNERS.len(),
        2 * PROJECTS.len(),
        2 * PROJECTS.len() * ACTIONS_PER_PROJECT,
        w.bytes as f64 / (1024.0 * 1024.0),
        out.display()
    ))
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
