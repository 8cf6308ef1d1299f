//! Where things sit in an article: the header (banners, section label, headline, byline,
//! dateline), the body paragraphs, and the footer (credits, copyright, mailing lists).
//!
//! Every format cuts its text into [`Unit`]s (a line or a wrapped paragraph) and this module
//! decides what each one is, so plain text, Markdown, HTML and JSON follow the same rules.

use std::cell::LazyCell;
use std::ops::Range;

use chrono::NaiveDate;

use super::boilerplate::{Line, strip_markup, word_count};
use super::dateline::{WrittenDate, date_only_line, full_dates, wire_dateline};
use super::eight_bytes::next_newline;

/// One line or wrapped paragraph of an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Byte range in the article's text, without surrounding white space.
    pub range: Range<usize>,
    /// Markdown heading level ("# Title" is 1), if the unit is a heading.
    pub heading: Option<u8>,
}

/// What the layout rules found.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Layout {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub paragraphs: Vec<Range<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Heading(u8),
    Date(WrittenDate),
    Furniture,
    Byline,
    Prose,
    /// Short and not a sentence: a headline, section label or subheading.
    Label,
}

/// Classifies the units of `text`. `extra_dates` are full dates known from outside the text
/// (a date in the file name) that may lend a year to a year-less dateline.
pub(crate) fn lay_out(text: &str, units: &[Unit], extra_dates: &[NaiveDate]) -> Layout {
    let kinds: Vec<Kind> = units.iter().map(|u| kind_of(text, u)).collect();
    let first_prose = kinds.iter().position(|k| *k == Kind::Prose);
    let last_prose = kinds.iter().rposition(|k| *k == Kind::Prose);

    let (body_start, body_end) = match (first_prose, last_prose) {
        (Some(first), Some(last)) => (first, last + 1),
        // No sentence anywhere (notes, lists): everything but the first label is body.
        _ => {
            let first_label = kinds.iter().position(|k| *k == Kind::Label);
            (first_label.map_or(0, |i| i + 1), units.len())
        }
    };

    let title = kinds
        .iter()
        .position(|k| *k == Kind::Heading(1))
        .or_else(|| headline_in(text, units, &kinds[..body_start.min(kinds.len())]))
        .and_then(|i| units.get(i))
        .map(|u| clean_title(&text[u.range.clone()]))
        .filter(|t| !t.is_empty());

    let mut paragraphs = Vec::new();
    let mut wire_date = None;
    for (i, (unit, kind)) in units.iter().zip(&kinds).enumerate() {
        let in_body = (body_start..body_end).contains(&i);
        if !in_body || !matches!(kind, Kind::Prose | Kind::Label) {
            continue;
        }
        let mut range = unit.range.clone();
        if paragraphs.is_empty()
            && let Some(wire) = wire_dateline(&text[range.clone()])
        {
            wire_date = wire.date;
            range.start += wire.len;
        }
        if !range.is_empty() {
            paragraphs.push(range);
        }
    }

    // The body's full dates only lend a year to a dateline written without one: they are
    // looked for (a search through the whole body) only when such a dateline comes up.
    let nearby = LazyCell::new(|| nearby_dates(text, &paragraphs, extra_dates));
    let header_date = kinds[..body_start.min(kinds.len())]
        .iter()
        .find_map(|k| match k {
            Kind::Date(d) => Some(*d),
            _ => None,
        });
    let later_date = kinds.iter().skip(body_start).find_map(|k| match k {
        Kind::Date(d) => Some(*d),
        _ => None,
    });
    let published = [header_date, wire_date, later_date]
        .into_iter()
        .flatten()
        .find_map(|d| d.full().or_else(|| d.resolve(&nearby)));

    Layout {
        title,
        published,
        paragraphs,
    }
}

/// Cuts plain text into units: each line, except that a hard-wrapped paragraph (lines of about
/// one length) stays one unit. The lines are cut as `split_inclusive('\n')` cuts them (each
/// with its newline, the last without one), their ends found sixteen bytes at a time.
pub(crate) fn text_units(text: &str, from: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut offset = from;
    while offset < text.len() {
        let start = offset;
        offset = next_newline(text.as_bytes(), start).map_or(text.len(), |at| at + 1);
        // a newline is ASCII, so the line ends on a character's edge
        let line = &text[start..offset];
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            flush_block(text, &mut block, &mut units);
            continue;
        }
        block.push(start + lead..start + lead + trimmed.len());
    }
    flush_block(text, &mut block, &mut units);
    units
}

fn flush_block(text: &str, block: &mut Vec<Range<usize>>, units: &mut Vec<Unit>) {
    if block.is_empty() {
        return;
    }
    if is_wrapped(text, block) {
        let start = block[0].start;
        let end = block[block.len() - 1].end;
        units.push(Unit {
            range: start..end,
            heading: None,
        });
    } else {
        units.extend(block.iter().map(|r| Unit {
            range: r.clone(),
            heading: None,
        }));
    }
    block.clear();
}

/// A hard-wrapped paragraph: several lines of about one length holding a good many words.
fn is_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let longest = lines.iter().map(|r| r.len()).max().unwrap_or(0);
    // The length is known without reading the lines: a block with a long line (a whole
    // article of one-line paragraphs) is answered before its words are counted.
    if longest > 120 {
        return false;
    }
    let words: usize = lines.iter().map(|r| word_count(&text[r.clone()])).sum();
    words >= 20
        && lines[..lines.len() - 1]
            .iter()
            .all(|r| r.len() * 10 >= longest * 6 && date_only_line(&text[r.clone()]).is_none())
}

fn kind_of(text: &str, unit: &Unit) -> Kind {
    if let Some(level) = unit.heading {
        return Kind::Heading(level);
    }
    // Trimmed, stripped, checked for ASCII and its words counted once for all four tests.
    let line = Line::of(&text[unit.range.clone()]);
    if let Some(date) = date_only_line(line.text()) {
        return Kind::Date(date);
    }
    if line.is_furniture() {
        Kind::Furniture
    } else if line.is_byline() {
        Kind::Byline
    } else if line.is_prose() {
        Kind::Prose
    } else {
        Kind::Label
    }
}

/// The headline among the header units. Headlines come before the byline and dateline, so a
/// label of several words there wins; otherwise the label nearest the body, passing over one-
/// and two-word kickers ("Analysis", "Middle East") when a longer label is there.
fn headline_in(text: &str, units: &[Unit], header: &[Kind]) -> Option<usize> {
    let words = |i: usize| {
        units
            .get(i)
            .map_or(0, |u| word_count(&text[u.range.clone()]))
    };
    let is_label = |k: &Kind| matches!(k, Kind::Label | Kind::Heading(_));
    let first_credit = header
        .iter()
        .position(|k| matches!(k, Kind::Date(_) | Kind::Byline))
        .unwrap_or(header.len());
    let labels: Vec<usize> = (0..header.len())
        .filter(|&i| is_label(&header[i]))
        .collect();
    let long = |i: &&usize| words(**i) >= 3;
    labels
        .iter()
        .filter(|&&i| i < first_credit)
        .rev()
        .find(long)
        .or_else(|| labels.iter().rev().find(long))
        .or(labels.last())
        .copied()
}

/// Full dates in the body and outside the text, which may lend a dateline its year.
fn nearby_dates(text: &str, paragraphs: &[Range<usize>], extra: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = paragraphs
        .iter()
        .flat_map(|p| full_dates(&text[p.clone()]))
        .collect();
    dates.extend_from_slice(extra);
    dates
}

/// A headline as shown: markup and runs of white space removed.
pub(crate) fn clean_title(raw: &str) -> String {
    let raw = raw.trim().trim_start_matches('#');
    let raw = strip_markup(raw);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        lay_out(text, &text_units(text, 0), &[])
    }

    fn paragraph_texts<'a>(text: &'a str, l: &Layout) -> Vec<&'a str> {
        l.paragraphs.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn header_and_footer_furniture_stay_out_of_paragraphs() {
        let text = "Best Jobs For Widget Makers - JOIN NOW\n\nWorld Affairs (WA)\n\n[ partner banner ]\n\nMinisters Agree To Meet In Vienna\n\nOctober 21, 2015\n\nThe ministers agreed on Wednesday to meet in Vienna on Friday.\n\nThey spoke by telephone, the ministry said.\n\nWith reporting by AP\n\nSource: world/story.html\n\nCopyright (c) 2015. Example Media. All rights reserved.\n\nJoin the mailing list\n";
        let l = layout(text);
        assert_eq!(
            l.title.as_deref(),
            Some("Ministers Agree To Meet In Vienna")
        );
        assert_eq!(l.published, NaiveDate::from_ymd_opt(2015, 10, 21));
        assert_eq!(
            paragraph_texts(text, &l),
            [
                "The ministers agreed on Wednesday to meet in Vienna on Friday.",
                "They spoke by telephone, the ministry said."
            ]
        );
    }

    #[test]
    fn wire_dateline_is_cut_from_the_first_paragraph() {
        let text = "Talks Set For Vienna\n\nMOSCOW, Oct 21 (Reuters) - Russia said talks would be held on Friday.\n\nThe meeting follows a visit on October 20, 2015, officials said.\n";
        let l = layout(text);
        assert_eq!(
            paragraph_texts(text, &l)[0],
            "Russia said talks would be held on Friday."
        );
        assert_eq!(l.published, NaiveDate::from_ymd_opt(2015, 10, 21));
    }

    #[test]
    fn a_dateline_with_no_year_anywhere_gives_no_date() {
        let text = "Talks Set For Vienna\n\nMOSCOW, Oct 21 (Reuters) - Russia said talks would be held on Friday.\n";
        assert_eq!(layout(text).published, None);
    }

    #[test]
    fn hard_wrapped_paragraphs_stay_whole() {
        let text = "Headline Here\n\nThe ministers agreed on Wednesday to meet in Vienna\non Friday to discuss the war, a spokesman for the\nministry said in a statement late in the evening.\n";
        let l = layout(text);
        assert_eq!(l.paragraphs.len(), 1);
        assert!(paragraph_texts(text, &l)[0].ends_with("evening."));
    }

    #[test]
    fn kickers_and_bylines_after_the_headline_are_passed_over() {
        let text = "Ministers Agree To Meet In Vienna\n\nAnalysis\n\nBy Jane Roe, staff writer\n\nThe ministers agreed on Wednesday to meet in Vienna on Friday.\n";
        assert_eq!(
            layout(text).title.as_deref(),
            Some("Ministers Agree To Meet In Vienna")
        );
    }

    #[test]
    fn headline_directly_above_the_date_is_split_from_it() {
        let text = "Ministers Agree To Meet\nOctober 21, 2015\n\nThe ministers agreed on Wednesday to meet in Vienna on Friday.\n";
        let l = layout(text);
        assert_eq!(l.title.as_deref(), Some("Ministers Agree To Meet"));
        assert_eq!(l.published, NaiveDate::from_ymd_opt(2015, 10, 21));
    }
}
