//! The wording of dates, actors and sources, shared by every place that shows an event: the
//! tooltip, the detail panel, the presentation caption, the exported page and its metadata.
//! One function per phrase, so the screen, the PNG and the slides say the same thing.

use crate::layout::time::long_date;
use crate::model::{Event, Grading, Role, SourceRef, Timeline, When};

/// The best grading among an event's reports (A before F, 1 before 6), if any is graded.
pub fn best_grading(event: &Event) -> Option<Grading> {
    event
        .sources
        .iter()
        .filter_map(|s| s.grading)
        .min_by_key(|g| (g.reliability, g.credibility))
}

/// "20 Oct 2015", "29 – 30 Oct 2015", "21 – 30 Sep 2015".
pub fn normalised_date(when: &When) -> String {
    use chrono::Datelike;
    let (a, b) = (when.start, when.end);
    if a == b {
        return long_date(a);
    }
    if a.year() != b.year() {
        return format!("{} – {}", long_date(a), long_date(b));
    }
    if a.month() == b.month() {
        return format!("{} – {}", a.day(), long_date(b));
    }
    format!("{} – {}", a.format("%-d %b"), long_date(b))
}

/// The normalised date with why it is not exact, if it is not: the line every event view shows.
pub fn date_line(when: &When) -> String {
    format!("{}{}", normalised_date(when), certainty_note(when))
}

/// Why a date is not exact, if it is not.
fn certainty_note(when: &When) -> &'static str {
    use crate::model::Precision;
    if when.inferred {
        " · inferred from context"
    } else if when.approximate {
        " · approximate"
    } else if when.precision > Precision::Day && when.precision != Precision::Range {
        " · somewhere in this span"
    } else {
        ""
    }
}

/// The time expression as the source wrote it.
pub fn written_date(timeline: &Timeline, source: &SourceRef) -> Option<String> {
    let (a, b) = source.timex?;
    if let Some(text) = timeline
        .article(&source.article)
        .and_then(|art| art.text.get(a..b))
    {
        return Some(text.to_string());
    }
    let relative = a.checked_sub(source.start)?..b.checked_sub(source.start)?;
    source.quote.get(relative).map(str::to_string)
}

pub fn actor_names(timeline: &Timeline, event: &Event) -> String {
    if event.actors.is_empty() {
        return "none named".into();
    }
    let name = |id: &str| {
        timeline
            .actor(id)
            .map_or(id.to_string(), |a| a.name.clone())
    };
    if event.agents.is_empty() {
        return event
            .actors
            .iter()
            .map(|id| name(id))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut parts: Vec<String> = Vec::new();
    for role in [Role::Agent, Role::Participant] {
        let names: Vec<String> = event
            .roles()
            .filter(|(_, r)| *r == role)
            .map(|(id, _)| name(id))
            .collect();
        if !names.is_empty() {
            parts.push(format!("{}: {}", role.as_str(), names.join(", ")));
        }
    }
    parts.join(" · ")
}

/// "Assad makes surprise visit to Moscow — 21 Oct 2015".
pub fn source_line(timeline: &Timeline, source: &SourceRef) -> String {
    match timeline.article(&source.article) {
        Some(article) => {
            let title = if article.title.is_empty() {
                &article.id
            } else {
                &article.title
            };
            match article.published {
                Some(date) => format!("{title} — {}", long_date(date)),
                None => title.clone(),
            }
        }
        None => source.article.clone(),
    }
}

/// "Sources: 6 articles published 1 – 24 Oct 2015".
pub fn sources_line(timeline: &Timeline) -> String {
    let n = timeline.articles.len();
    let noun = if n == 1 { "article" } else { "articles" };
    let dates: Vec<_> = timeline
        .articles
        .iter()
        .filter_map(|a| a.published)
        .collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(" published {}", long_date(*a)),
        (Some(a), Some(b)) => format!(" published {} – {}", long_date(*a), long_date(*b)),
        _ => String::new(),
    };
    format!(
        "Sources: {n} {noun}{span} · {} events · chronolane",
        timeline.events.len()
    )
}
