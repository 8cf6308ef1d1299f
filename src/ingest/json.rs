//! JSON articles: an array of `{"id"?, "title"?, "published"?, "url"?, "text"}` objects, the same
//! wrapped as `{"articles": [...]}`, one such object, or JSON Lines (one object per line).
//!
//! Text is the `text` field, so offsets index that string. Ids are the `id` field, else
//! "<file name>#<n>" (n counting from 1; a file holding one bare object uses the file name).
//!
//! One bad field never loses an article: a `published`, `title`, `id` or `url` that cannot be
//! read is left out with a warning naming the file, line and field (the article is then dated
//! from its dateline, if it has one). Only an item with no text at all is refused.

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::model::{Article, ArticleFormat};

use super::IngestError;
use super::dateline::parse_date_value;
use super::json_positions::{ItemLines, item_lines};
use super::layout::{clean_title, lay_out, text_units};
use super::source::Source;

/// The articles of a JSON file and the warnings about fields that were left out.
#[derive(Debug, Default)]
pub(crate) struct JsonArticles {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// Reads every article of a JSON or JSON Lines file, or says what is wrong with its shape.
pub(crate) fn read_json(source: &Source<'_>, text: &str) -> Result<JsonArticles, IngestError> {
    read_json_from_line(source, text, 1)
}

/// [`read_json`] for text that starts on line `first_line` of its file (a line of a stream).
pub(crate) fn read_json_from_line(
    source: &Source<'_>,
    text: &str,
    first_line: usize,
) -> Result<JsonArticles, IngestError> {
    let malformed = |reason: String| IngestError::Malformed {
        path: source.name.to_path_buf(),
        reason,
    };
    let (items, single) = items_of(text).map_err(malformed)?;
    if items.is_empty() {
        return Err(malformed("holds no articles".into()));
    }
    // Laying out each article's paragraphs is most of the reading: a file of thousands of
    // articles is read on every core, each item with its own warnings, kept in item order.
    let read: Vec<Result<(Article, Vec<FieldWarning>), String>> = items
        .into_par_iter()
        .enumerate()
        .map(|(i, item)| {
            let mut warnings = Vec::new();
            read_item(source, i + 1, single, item, &mut warnings).map(|a| (a, warnings))
        })
        .collect();
    let mut out = JsonArticles::default();
    let mut warned = Vec::new();
    for (i, one) in read.into_iter().enumerate() {
        let (article, warnings) = one.map_err(malformed)?;
        out.articles.push(article);
        warned.extend(warnings.into_iter().map(|w| (i, w)));
    }
    if warned.is_empty() {
        return Ok(out);
    }
    // The lines are only for warnings, and finding them walks the whole text again: done only
    // when there is a warning to place.
    let mut lines = item_lines(text);
    for item in &mut lines {
        item.line += first_line - 1;
        for line in item.fields.values_mut() {
            *line += first_line - 1;
        }
    }
    let file = source.path_string().unwrap_or_else(|| "stdin".into());
    out.warnings = warned
        .into_iter()
        .map(|(i, w)| {
            let at = Place {
                file: &file,
                n: i + 1,
                lines: lines.get(i),
            };
            at.warning(w.field, &w.problem, w.outcome)
        })
        .collect();
    Ok(out)
}

/// A field of an item that was left out: which, what is wrong with it, and what happens
/// instead. It becomes a message once the item's lines are known ([`Place::warning`]).
struct FieldWarning {
    field: &'static str,
    problem: String,
    outcome: &'static str,
}

/// Where an item is, for messages: its number and, when found, its lines.
struct Place<'a> {
    file: &'a str,
    n: usize,
    lines: Option<&'a ItemLines>,
}

impl Place<'_> {
    /// "feed.json: line 7: item 2" for a warning about `field` of this item.
    fn warning(&self, field: &str, problem: &str, outcome: &str) -> String {
        let line = self
            .lines
            .and_then(|l| l.fields.get(field).copied().or(Some(l.line)));
        match line {
            Some(line) => format!(
                "{}: line {line}: item {}: {field:?} {problem}; {outcome}",
                self.file, self.n
            ),
            None => format!(
                "{}: item {}: {field:?} {problem}; {outcome}",
                self.file, self.n
            ),
        }
    }
}

/// The items of the file, and whether it was one bare object.
fn items_of(text: &str) -> Result<(Vec<Value>, bool), String> {
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        values.push(value.map_err(|e| format!("not valid JSON: {e}"))?);
    }
    match values.as_mut_slice() {
        [Value::Array(items)] => Ok((std::mem::take(items), false)),
        [Value::Object(map)] => match map.remove("articles") {
            Some(Value::Array(items)) => Ok((items, false)),
            Some(_) => Err("\"articles\" is not a list".into()),
            None => Ok((std::mem::take(&mut values), true)),
        },
        [] => Err("holds no JSON value".into()),
        _ => Ok((values, false)),
    }
}

fn read_item(
    source: &Source<'_>,
    n: usize,
    single: bool,
    item: Value,
    warnings: &mut Vec<FieldWarning>,
) -> Result<Article, String> {
    let Value::Object(mut map) = item else {
        return Err(format!("item {n} is {}, not an object", kind_of(&item)));
    };
    // taken out of the item, not copied: the item is dropped once read
    let text = match map.remove("text") {
        Some(Value::String(t)) => t,
        Some(other) => {
            return Err(format!(
                "item {n}: \"text\" is {}, not a string",
                kind_of(&other)
            ));
        }
        None => return Err(format!("item {n} has no \"text\" field")),
    };
    let units = text_units(&text, 0);
    let layout = lay_out(&text, &units, &source.dates());

    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(num)) => Some(num.to_string()),
        None | Some(Value::Null) => None,
        Some(other) => {
            warnings.push(FieldWarning {
                field: "id",
                problem: format!("is {}, not a string or number", describe(other)),
                outcome: "the article is numbered instead",
            });
            None
        }
    };
    let id = id.unwrap_or_else(|| {
        if single {
            source.file_name()
        } else {
            format!("{}#{n}", source.file_name())
        }
    });
    let title = string_field(&map, "title", "the title is taken from the text", warnings)
        .map(|t| clean_title(&t))
        .filter(|t| !t.is_empty());
    let dateline = if layout.published.is_some() {
        "the article is kept, dated from its dateline"
    } else {
        "the article is kept undated"
    };
    let published = string_field(&map, "published", dateline, warnings).and_then(|value| {
        let date = parse_date_value(&value);
        if date.is_none() {
            warnings.push(FieldWarning {
                field: "published",
                problem: format!("{value:?} is not a date (use YYYY-MM-DD or an RFC 3339 time)"),
                outcome: dateline,
            });
        }
        date
    });
    let url = string_field(&map, "url", "the article is kept without it", warnings);

    let fallback_title = if single {
        source.stem()
    } else {
        format!("{} #{n}", source.stem())
    };
    Ok(Article {
        id,
        title: title.or(layout.title).unwrap_or(fallback_title),
        published: published.or(layout.published),
        path: source.path_string(),
        url,
        format: ArticleFormat::Json,
        text,
        paragraphs: layout.paragraphs,
    })
}

/// An optional string field; `null` counts as absent, and any other non-string is left out with
/// a warning saying what happens instead (`outcome`).
fn string_field(
    map: &Map<String, Value>,
    key: &'static str,
    outcome: &'static str,
    warnings: &mut Vec<FieldWarning>,
) -> Option<String> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            warnings.push(FieldWarning {
                field: key,
                problem: format!("is {}, not a string", describe(other)),
                outcome,
            });
            None
        }
    }
}

/// A value as a message names it: its kind, and a short value shown as written.
fn describe(value: &Value) -> String {
    let written = value.to_string();
    if matches!(value, Value::Number(_) | Value::Bool(_)) && written.len() <= 24 {
        format!("{} ({written})", kind_of(value))
    } else {
        kind_of(value).to_string()
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;

    fn read(text: &str) -> Result<Vec<Article>, IngestError> {
        read_json(&Source::new(Path::new("feed.json")), text).map(|r| r.articles)
    }

    fn read_warned(text: &str) -> JsonArticles {
        read_json(&Source::new(Path::new("feed.json")), text).unwrap()
    }

    #[test]
    fn arrays_and_json_lines_give_articles_with_ids() {
        let array = r#"[{"id": "a1", "title": "One", "published": "2015-10-21", "text": "First story text here."},
                        {"text": "Second story.", "published": "2015-10-23T10:00:00+02:00"}]"#;
        let articles = read(array).unwrap();
        assert_eq!(articles[0].id, "a1");
        assert_eq!(articles[0].title, "One");
        assert_eq!(articles[1].id, "feed.json#2");
        assert_eq!(articles[1].published, NaiveDate::from_ymd_opt(2015, 10, 23));
        let lines = "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
        assert_eq!(read(lines).unwrap().len(), 2);
    }

    #[test]
    fn wrong_shapes_say_what_is_wrong() {
        let err = read(r#"[{"text": "ok"}, {"text": "ok"}, {"title": "no text"}]"#).unwrap_err();
        assert_eq!(err.to_string(), "feed.json: item 3 has no \"text\" field");
        let err = read("[{\"text\": \"ok\",}]").unwrap_err();
        assert!(err.to_string().contains("line 1 column"), "{err}");
        assert!(read("[]").is_err());
        assert!(
            read("[1]")
                .unwrap_err()
                .to_string()
                .contains("item 1 is a number")
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_skip_furniture() {
        let text = r#"{"title": "T", "text": "The first paragraph of the story is here.\n\nThe second paragraph of the story is here.\n\nCopyright 2015 Example Media"}"#;
        let a = &read(text).unwrap()[0];
        assert_eq!(a.id, "feed.json");
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn a_bad_date_keeps_the_article_with_a_warning_naming_the_line() {
        let text = "[\n{\"id\": \"a1\", \"text\": \"First story.\"},\n{\"id\": \"a2\",\n \"published\": \"03-02-2009\",\n \"text\": \"Ministers met in Vienna on Friday, officials said.\"}\n]";
        let read = read_warned(text);
        assert_eq!(read.articles.len(), 2);
        assert_eq!(read.articles[1].id, "a2");
        assert_eq!(read.articles[1].published, None);
        assert!(read.articles[1].text.contains("Vienna"));
        assert_eq!(
            read.warnings,
            [
                "feed.json: line 4: item 2: \"published\" \"03-02-2009\" is not a date \
              (use YYYY-MM-DD or an RFC 3339 time); the article is kept undated"
            ]
        );
    }

    #[test]
    fn fields_of_the_wrong_kind_are_left_out_with_warnings() {
        let text = r#"{"id": true, "title": 7, "published": 20091203, "url": [], "text": "MOSCOW, Oct. 21, 2015 (Example) - Talks were held on Wednesday, officials said."}"#;
        let read = read_warned(text);
        let a = &read.articles[0];
        assert_eq!(a.id, "feed.json");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2015, 10, 21));
        assert_eq!(a.url, None);
        assert_eq!(read.warnings.len(), 4, "{:?}", read.warnings);
        assert!(read.warnings[2].contains("\"published\" is a number (20091203)"));
        assert!(read.warnings[2].ends_with("dated from its dateline"));
        assert!(
            read.warnings
                .iter()
                .all(|w| w.starts_with("feed.json: line 1: item 1:"))
        );
    }
}
