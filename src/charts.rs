//! Owns what a survey shows: percentages computed from the counts (rounded
//! half up, written in the page's language), the geometry of a bar chart,
//! the view of a whole survey and its data as CSV. Pure functions of a
//! checked [`Survey`] and the UI strings; no I/O, no Tera (templates draw
//! the SVG from these views).

use crate::i18n::{Arg, Locales};
use crate::surveys::{Question, QuestionKind, Shown, Survey, Texts};
use crate::views::{BarView, ChartView, DateView, LineView, SurveyQuestionView, SurveyView, TextView};

/// Share of the chart's width a bar of 100 % takes: the rest holds the
/// value written after the longest bar.
pub(crate) const BAR_SPAN: f64 = 70.0;
/// Label lines are cut to this many characters, so they fit a phone's width.
const LINE_CHARS: usize = 36;
const LINE_HEIGHT: u32 = 24;
const BAR_HEIGHT: u32 = 22;
const ROW_GAP: u32 = 18;
const FIRST_BASELINE: u32 = 18;

/// `count` in percent of `of`, rounded half up to `decimals` decimals
/// (0 or 1), in units of that precision: 763 for 76.3 % with one decimal.
pub(crate) fn percent_units(count: u64, of: u64, decimals: u32) -> u64 {
    if of == 0 {
        return 0;
    }
    let scale = 100 * 10u128.pow(decimals);
    let (count, of) = (u128::from(count), u128::from(of));
    // floor(x + 1/2), with x = count * scale / of, in whole numbers.
    ((2 * count * scale + of) / (2 * of)) as u64
}

/// A rounded percentage in the page's language, through the theme's
/// `number-decimal-separator` and `percent` messages: `76,3 %`, `76.3%`.
pub(crate) fn format_percent(locales: &Locales, lang: &str, units: u64, decimals: u32) -> String {
    let number = if decimals == 0 {
        units.to_string()
    } else {
        let scale = 10u64.pow(decimals);
        let separator = locales.message(lang, "number-decimal-separator", &[]).unwrap_or_else(|_| ".".into());
        format!("{}{separator}{:0width$}", units / scale, units % scale, width = decimals as usize)
    };
    locales.message(lang, "percent", &[("value", Arg::Str(number.clone()))]).unwrap_or_else(|_| format!("{number}%"))
}

/// What a page needs to show texts of a survey in one language.
pub(crate) struct Context<'a> {
    pub locales: &'a Locales,
    pub lang: &'a str,
    pub default_lang: &'a str,
    /// URL of the survey's CSV in this language.
    pub csv_url: String,
}

impl Context<'_> {
    /// A text in the page's language, or the one it falls back to, with
    /// that language's typography.
    fn text(&self, texts: &Texts) -> TextView {
        let Shown { text, lang } = texts.get(self.lang, self.default_lang);
        TextView { text: crate::markdown::typeset(&text, lang.as_deref().unwrap_or(self.lang)), lang }
    }

    fn percent(&self, count: u64, of: u64, decimals: u32) -> String {
        format_percent(self.locales, self.lang, percent_units(count, of, decimals), decimals)
    }

    fn date(&self, date: jiff::civil::Date) -> DateView {
        DateView {
            iso: date.to_string(),
            datetime: date.to_string(),
            text: self.locales.format_date(self.lang, date),
            time: None,
            zone: None,
            year: date.year(),
        }
    }
}

/// The chart of one closed question (an open one has no bars).
pub(crate) fn chart(survey: &Survey, question: &Question, cx: &Context) -> ChartView {
    let mut top = 4;
    let mut bars = Vec::with_capacity(question.answers.len());
    for answer in &question.answers {
        let label = cx.text(&answer.label);
        let lines: Vec<LineView> = wrap(&label.text, LINE_CHARS)
            .into_iter()
            .enumerate()
            .map(|(i, text)| LineView { text, y: top + FIRST_BASELINE + LINE_HEIGHT * i as u32 })
            .collect();
        let y = top + LINE_HEIGHT * lines.len().max(1) as u32 + 6;
        let exact =
            if question.respondents == 0 { 0.0 } else { answer.count as f64 * 100.0 / question.respondents as f64 };
        bars.push(BarView {
            count: answer.count,
            percent: cx.percent(answer.count, question.respondents, 0),
            percent_precise: cx.percent(answer.count, question.respondents, 1),
            width: (exact * BAR_SPAN).round() / 100.0,
            y,
            bar_height: BAR_HEIGHT,
            value_y: y + BAR_HEIGHT / 2 + 6,
            label,
            lines,
        });
        top = y + BAR_HEIGHT + ROW_GAP;
    }
    let footer_y = top + FIRST_BASELINE - 4;
    ChartView {
        survey: survey.id.clone(),
        question: question.id.clone(),
        id: format!("chart-{}-{}", survey.id, question.id),
        text: cx.text(&question.text),
        kind: question.kind.name().to_string(),
        multiple: question.kind == QuestionKind::Multiple,
        respondents: question.respondents,
        example: survey.example,
        bars,
        height: footer_y + 10,
        footer_y,
        csv_url: cx.csv_url.clone(),
        source: survey.source.as_ref().map(|s| cx.text(s)),
    }
}

/// A whole survey: its method and every question in order.
pub(crate) fn survey(survey: &Survey, cx: &Context) -> SurveyView {
    let questions = survey
        .questions
        .iter()
        .map(|question| SurveyQuestionView {
            id: question.id.clone(),
            kind: question.kind.name().to_string(),
            text: cx.text(&question.text),
            respondents: question.respondents,
            chart: (question.kind != QuestionKind::Open).then(|| chart(survey, question, cx)),
            responses: question.responses.iter().map(|r| cx.text(r)).collect(),
        })
        .collect();
    SurveyView {
        id: survey.id.clone(),
        title: cx.text(&survey.title),
        sponsor: survey.sponsor.as_ref().map(|s| cx.text(s)),
        start: survey.fieldwork.map(|(start, _)| cx.date(start)),
        end: survey.fieldwork.map(|(_, end)| cx.date(end)),
        respondents: survey.respondents,
        example: survey.example,
        source: survey.source.as_ref().map(|s| cx.text(s)),
        csv_url: cx.csv_url.clone(),
        questions,
    }
}

/// The survey's closed questions as CSV (RFC 4180, UTF-8 with a byte-order
/// mark so spreadsheets keep the accents, CRLF line ends): one row per
/// answer with the question id and text, the answer, its count, the
/// question's respondents and the percentage with one decimal (a point).
pub(crate) fn csv(survey: &Survey, lang: &str, default_lang: &str) -> String {
    let mut out = String::from("\u{FEFF}question_id,question,answer,count,respondents,percentage\r\n");
    for question in survey.questions.iter().filter(|q| q.kind != QuestionKind::Open) {
        let text = question.text.get(lang, default_lang).text;
        for answer in &question.answers {
            let tenths = percent_units(answer.count, question.respondents, 1);
            let row = [
                question.id.clone(),
                text.clone(),
                answer.label.get(lang, default_lang).text,
                answer.count.to_string(),
                question.respondents.to_string(),
                format!("{}.{}", tenths / 10, tenths % 10),
            ];
            let fields: Vec<String> = row.iter().map(|field| csv_field(field)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// One CSV field, quoted when it holds a quote, a comma or a line break.
fn csv_field(text: &str) -> String {
    if text.contains(['"', ',', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// Cuts `text` into lines of at most `max` characters at spaces (a longer
/// word stands alone on its line).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up() {
        let cases = [
            // (count, of, decimals, units)
            (29, 38, 0, 76),  // 76.31...
            (29, 38, 1, 763), // 76.315... → 76.3
            (9, 38, 1, 237),  // 23.68... → 23.7
            (1, 8, 1, 125),   // 12.5 exactly
            (1, 8, 0, 13),    // 12.5 → 13, half up
            (1, 40, 1, 25),   // 2.5 exactly
            (1, 400, 1, 3),   // 0.25 → 0.3, half up
            (5, 0, 1, 0),     // no respondents
            (38, 38, 0, 100),
        ];
        for (count, of, decimals, units) in cases {
            assert_eq!(percent_units(count, of, decimals), units, "{count}/{of} with {decimals} decimals");
        }
    }

    #[test]
    fn labels_wrap_on_spaces() {
        assert_eq!(wrap("Oui", 36), ["Oui"]);
        assert_eq!(wrap("", 36), [""]);
        assert_eq!(wrap("un deux trois quatre", 9), ["un deux", "trois", "quatre"]);
        assert_eq!(wrap("anticonstitutionnellement court", 10), ["anticonstitutionnellement", "court"]);
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Oui"), "Oui");
        assert_eq!(csv_field("Sports, culture"), "\"Sports, culture\"");
        assert_eq!(csv_field("dit \"non\""), "\"dit \"\"non\"\"\"");
    }
}
