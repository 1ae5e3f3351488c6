//! Survey data (`content/data/<id>.yaml`) drawn as charts, tables and CSV:
//! every number a reader sees is computed from the counts, and every
//! mistake in the data is reported where it is written.

mod common;

use common::{Page, Site, minimal_files};

const SURVEY: &str = r#"title: { fr: "Question-Flash", en: "Quick poll" }
sponsor: { fr: "Réseau des villes", en: "Network of towns" }
fieldwork: { start: 2024-11-04, end: 2024-12-13 }
respondents: 38
source: { fr: "Enquête en ligne", en: "Online survey" }
questions:
  - id: terre-de-jeux
    kind: single
    text: { fr: "Votre collectivité est-elle labellisée ?", en: "Is your council labelled?" }
    answers:
      - { label: { fr: "Oui", en: "Yes" }, count: 29 }
      - { label: { fr: "Non", en: "No" }, count: 9 }
  - id: domaines
    kind: multiple
    respondents: 27
    text: { fr: "Dans quels domaines ?", en: "In which fields?" }
    answers:
      - { label: { fr: "Sport, santé", en: "Sport, health" }, count: 20 }
      - { label: { fr: "Culture \"vivante\"", en: "Live \"culture\"" }, count: 8 }
      - { label: { fr: "Éducation", en: "Education" }, count: 0 }
  - id: precisions
    kind: open
    text: { fr: "Précisions", en: "Details" }
    responses: [ "Service des sports (x3)", { fr: "Jeunesse", en: "Youth" } ]
"#;

fn site_with(survey: &str, fr_body: &str, en_body: &str) -> Site {
    let mut files = minimal_files();
    let fr = format!("---\ntitle: Résultats\nslug: resultats\n---\n{fr_body}\n");
    let en = format!("---\ntitle: Results\nslug: results\n---\n{en_body}\n");
    files.push(("content/data/question-flash.yaml", survey));
    let site = Site::new(&files);
    site.write("content/pages/results.fr.md", &fr);
    site.write("content/pages/results.en.md", &en);
    site
}

fn chart_site() -> Site {
    let call = "{{ chart(data=\"question-flash\", question=\"terre-de-jeux\") }}\n\n\
                {{ chart(data=\"question-flash\", question=\"domaines\") }}";
    site_with(SURVEY, call, call)
}

/// (label, count, width in %) of each bar of a chart.
fn bars(page: &Page, chart: &str) -> Vec<(String, u64, f64)> {
    let base = format!("#chart-question-flash-{chart}");
    let counts = page.attrs(&format!("{base} rect[data-count]"), "data-count");
    let widths = page.attrs(&format!("{base} rect[data-count]"), "width");
    let labels = page.texts(&format!("{base} tbody th"));
    labels
        .into_iter()
        .zip(counts)
        .zip(widths)
        .map(|((label, count), width)| {
            (label, count.parse().unwrap(), width.trim_end_matches('%').parse().expect("a width in %"))
        })
        .collect()
}

#[test]
fn a_chart_draws_each_answer_with_its_count_and_a_length_proportional_to_its_share() {
    let site = chart_site();
    site.build_ok();
    let page = site.html("fr/resultats/index.html");

    let single = bars(&page, "terre-de-jeux");
    assert_eq!(single.iter().map(|(l, c, _)| (l.as_str(), *c)).collect::<Vec<_>>(), [("Oui", 29), ("Non", 9)]);
    // Lengths are proportional to the shares of the 38 respondents.
    let ratio = single[0].2 / single[1].2;
    assert!((ratio - 29.0 / 9.0).abs() < 0.01, "bar lengths {single:?}");
    let (yes, no) = (single[0].2 / (29.0 / 38.0), single[1].2 / (9.0 / 38.0));
    assert!((yes - no).abs() < 0.05, "the same scale for every bar: {single:?}");

    // Values written next to the bars, in French: whole percentages with a no-break space.
    let values = page.raw_texts("#chart-question-flash-terre-de-jeux .chart__value");
    assert_eq!(values, ["76\u{a0}% (29)", "24\u{a0}% (9)"]);
    assert!(page.texts("#chart-question-flash-terre-de-jeux .chart__n")[0].contains("n = 38"));
    // The table: one decimal, header cells with a scope.
    let cells = page.raw_texts("#chart-question-flash-terre-de-jeux tbody td");
    assert_eq!(cells, ["29", "76,3\u{a0}%", "9", "23,7\u{a0}%"]);
    assert_eq!(page.attrs("#chart-question-flash-terre-de-jeux thead th", "scope"), ["col", "col", "col"]);
    assert_eq!(page.attrs("#chart-question-flash-terre-de-jeux tbody th", "scope"), ["row", "row"]);
    // An accessible SVG: role, title (the question) and description (the answers in words).
    let svg = "#chart-question-flash-terre-de-jeux svg";
    assert_eq!(page.attrs(svg, "role"), ["img"]);
    assert_eq!(page.raw_texts(&format!("{svg} > title")), ["Votre collectivité est-elle labellisée\u{202f}?"]);
    let desc = page.raw_texts(&format!("{svg} > desc")).join("");
    assert!(desc.contains("38 répondants.") && desc.contains("Oui\u{a0}: 76\u{a0}% (29).") && desc.contains("Non"));
    // A link to the data as CSV.
    assert_eq!(
        page.attrs("#chart-question-flash-terre-de-jeux a[type='text/csv']", "href"),
        ["/prog/fr/data/question-flash.csv"]
    );

    // English: a point and no space before the percent sign.
    let page = site.html("en/results/index.html");
    assert_eq!(page.texts("#chart-question-flash-terre-de-jeux .chart__value"), ["76% (29)", "24% (9)"]);
    assert_eq!(page.texts("#chart-question-flash-terre-de-jeux tbody td"), ["29", "76.3%", "9", "23.7%"]);
    assert_eq!(page.texts("#chart-question-flash-terre-de-jeux tbody th"), ["Yes", "No"]);
}

#[test]
fn a_multiple_answer_question_counts_percentages_of_its_own_respondents() {
    let site = chart_site();
    site.build_ok();
    let page = site.html("fr/resultats/index.html");
    let multiple = bars(&page, "domaines");
    assert_eq!(multiple.iter().map(|(_, c, _)| *c).collect::<Vec<_>>(), [20, 8, 0]);
    assert_eq!(multiple[2].2, 0.0);
    // 20 of the question's 27 respondents, not of the survey's 38.
    assert_eq!(
        page.raw_texts("#chart-question-flash-domaines tbody td"),
        ["20", "74,1\u{a0}%", "8", "29,6\u{a0}%", "0", "0,0\u{a0}%"]
    );
    let n = page.texts("#chart-question-flash-domaines .chart__n").join("");
    assert!(n.contains("n = 27") && n.contains("plusieurs réponses possibles"), "{n}");
    let page = site.html("en/results/index.html");
    assert!(page.texts("#chart-question-flash-domaines .chart__n").join("").contains("several answers allowed"));
}

#[test]
fn the_csv_of_a_survey_has_one_row_per_answer_equal_to_the_data_file() {
    let site = chart_site();
    site.build_ok();
    for (lang, question, yes) in
        [("fr", "Votre collectivité est-elle labellisée ?", "Oui"), ("en", "Is your council labelled?", "Yes")]
    {
        let bytes = std::fs::read(site.output(&format!("{lang}/data/question-flash.csv"))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark, so spreadsheets read UTF-8");
        let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
        let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(headers, ["question_id", "question", "answer", "count", "respondents", "percentage"]);
        let rows: Vec<Vec<String>> =
            reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        let expected: Vec<Vec<&str>> = vec![
            vec!["terre-de-jeux", question, yes, "29", "38", "76.3"],
            vec!["terre-de-jeux", question, if lang == "fr" { "Non" } else { "No" }, "9", "38", "23.7"],
        ];
        assert_eq!(rows[..2], expected[..], "{lang}");
        // Commas and quotes inside a label survive the round trip.
        let label = if lang == "fr" { "Sport, santé" } else { "Sport, health" };
        assert_eq!(rows[2][2], label);
        assert_eq!(rows[3][2], if lang == "fr" { "Culture \"vivante\"" } else { "Live \"culture\"" });
        assert_eq!((rows[2][3].as_str(), rows[2][4].as_str(), rows[2][5].as_str()), ("20", "27", "74.1"));
        // Open questions have no counts: no rows.
        assert_eq!(rows.len(), 5);
    }
}

#[test]
fn the_survey_shortcode_shows_the_method_then_every_question_in_order() {
    let site = site_with(SURVEY, "{{ survey(data=\"question-flash\") }}", "{{ survey(data=\"question-flash\") }}");
    site.build_ok();
    let page = site.html("fr/resultats/index.html");
    let method = page.texts(".survey__method dd").join(" | ");
    assert!(method.contains("Réseau des villes"), "{method}");
    assert!(method.contains("du 4 novembre 2024 au 13 décembre 2024"), "{method}");
    assert!(method.contains("38 personnes"), "{method}");
    assert!(method.contains("Enquête en ligne"), "{method}");
    assert!(method.contains("n = 27"), "the respondents of each question: {method}");
    assert_eq!(
        page.texts(".survey__question h3"),
        ["Votre collectivité est-elle labellisée ?", "Dans quels domaines ?", "Précisions"]
    );
    assert_eq!(page.texts(".survey__question svg").len(), 2, "charts for the closed questions only");
    assert_eq!(page.texts(".survey__responses li"), ["Service des sports (x3)", "Jeunesse"]);
    let page = site.html("en/results/index.html");
    let method = page.texts(".survey__method dd").join(" | ");
    assert!(method.contains("from 4 November 2024 to 13 December 2024"), "{method}");
    assert_eq!(page.texts(".survey__responses li"), ["Service des sports (x3)", "Youth"]);
}

#[test]
fn example_data_says_so_on_every_chart_and_table() {
    let survey = SURVEY.replace("respondents: 38\n", "respondents: 38\nexample: true\n");
    let call = "{{ chart(data=\"question-flash\", question=\"terre-de-jeux\") }}";
    let site = site_with(&survey, call, call);
    site.build_ok();
    let page = site.html("fr/resultats/index.html");
    assert!(page.texts("#chart-question-flash-terre-de-jeux figcaption")[0].contains("Données d'exemple"));
    assert!(page.texts("#chart-question-flash-terre-de-jeux caption")[0].contains("Données d'exemple"));
    assert!(page.texts("#chart-question-flash-terre-de-jeux desc")[0].contains("Données d'exemple"));
    let page = site.html("en/results/index.html");
    assert!(page.texts("#chart-question-flash-terre-de-jeux caption")[0].contains("Example data"));
}

#[test]
fn a_text_missing_in_a_language_is_a_warning_and_shows_the_default_text_marked_with_its_language() {
    let survey =
        SURVEY.replace("{ label: { fr: \"Non\", en: \"No\" }, count: 9 }", "{ label: { fr: \"Non\" }, count: 9 }");
    let call = "{{ chart(data=\"question-flash\", question=\"terre-de-jeux\") }}";
    let site = site_with(&survey, call, call);
    let run = site.build_ok();
    assert_eq!(
        run.diagnostics(),
        [
            "content/data/question-flash.yaml:12:18: warning: 'label' has no text in en\n  hint: the 'fr' text is shown there, marked as such"
        ]
    );
    let page = site.html("en/results/index.html");
    assert_eq!(page.texts("#chart-question-flash-terre-de-jeux tbody th"), ["Yes", "Non"]);
    assert_eq!(page.attrs("#chart-question-flash-terre-de-jeux tbody th[lang]", "lang"), ["fr"]);
}

#[test]
fn every_mistake_in_survey_data_is_reported_where_it_is_written() {
    let survey = r#"title: { fr: "Enquête", en: "Survey" }
respondents: 38
questions:
  - id: oui-non
    kind: single
    text: { fr: "Q1", en: "Q1" }
    answers:
      - { label: { fr: "Oui", en: "Yes" }, count: 29.5 }
      - { label: { fr: "Non", en: "No" }, count: -2 }
  - id: trop
    kind: single
    text: { fr: "Q2", en: "Q2" }
    answers:
      - { label: { fr: "Oui", en: "Yes" }, count: 30 }
      - { label: { fr: "Non", en: "No" }, count: 10 }
  - id: domaines
    kind: multiple
    respondents: 27
    text: { fr: "Q3", en: "Q3" }
    answers:
      - { label: { fr: "Sport", en: "Sport" }, count: 28 }
  - id: trop
    kind: single
    text: { fr: "Q4", en: "Q4" }
    answers: [ { label: "A", count: 1 } ]
  - id: libre
    kind: multiples
    text: { fr: "Q5", en: "Q5" }
"#;
    let site = site_with(survey, "Texte.", "Text.");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/data/question-flash.yaml:8:51: 'count' must be a whole number of people, not '29.5'\n  hint: write a whole number, 0 or more, without a unit (percentages are computed)",
            "content/data/question-flash.yaml:9:50: 'count' must be a whole number of people, not '-2'\n  hint: write a whole number, 0 or more, without a unit (percentages are computed)",
            "content/data/question-flash.yaml:14:7: the answers to 'trop' add up to 40, more than the survey's 38 respondents\n  hint: a single question counts one answer per person: check the counts, or make it 'kind: multiple'",
            "content/data/question-flash.yaml:21:55: this answer counts 28 people, more than the 27 who answered the question\n  hint: check the count, or the question's 'respondents'",
            "content/data/question-flash.yaml:22:9: question id 'trop' is used twice (first on line 10)\n  hint: give each question its own id: charts name questions by it",
            "content/data/question-flash.yaml:27:11: unknown question kind 'multiples'\n  hint: did you mean 'multiple'?",
        ]
    );
    assert!(!site.exists("fr/index.html"), "nothing is written when the data is wrong");
}

#[test]
fn a_chart_naming_an_unknown_survey_or_question_suggests_the_closest() {
    let fr = "Intro.\n\n{{ chart(data=\"question-flsh\", question=\"terre-de-jeux\") }}\n\n\
              {{ chart(data=\"question-flash\", question=\"terre-de-jeu\") }}\n\n\
              {{ chart(data=\"question-flash\", question=\"precisions\") }}\n\n\
              {{ chart(data=\"question-flash\") }}";
    let site = site_with(SURVEY, fr, "Text.");
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/pages/results.fr.md:7:1: shortcode 'chart' failed: unknown survey 'question-flsh'\n  hint: did you mean 'question-flash'?",
            "content/pages/results.fr.md:9:1: shortcode 'chart' failed: survey 'question-flash' has no question 'terre-de-jeu'\n  hint: did you mean 'terre-de-jeux'?",
            "content/pages/results.fr.md:11:1: shortcode 'chart' failed: question 'precisions' is open: it has responses, not counts to chart\n  hint: show it with its survey: {{ survey(data=\"question-flash\") }}",
            "content/pages/results.fr.md:13:1: shortcode 'chart' failed: missing argument 'question'\n  hint: arguments: data, question",
        ]
    );
}

#[test]
fn survey_mistakes_read_in_french_for_a_french_user() {
    let survey = SURVEY.replace("kind: open", "kind: ouverte");
    let site = site_with(&survey, "Texte.", "Text.");
    let run = site.run_fr(&["build"]);
    assert_eq!(
        run.diagnostics(),
        [
            "content/data/question-flash.yaml:22:11: type de question « ouverte » inconnu\n  conseil : types possibles : single, multiple, open"
        ]
    );
}
