//! JSON articles: an array of `{"id"?, "title"?, "published"?, "url"?, "text"}` objects, the same
//! wrapped as `{"articles": [...]}`, one such object, or JSON Lines (one object per line).
//!
//! Text is the `text` field, so offsets index that string. Ids are the `id` field, else
//! "<file name>#<n>" (n counting from 1; a file holding one bare object uses the file name).

use serde_json::{Map, Value};

use crate::model::{Article, ArticleFormat};

use super::IngestError;
use super::dateline::parse_date_value;
use super::layout::{clean_title, lay_out, text_units};
use super::source::Source;

/// Reads every article of a JSON or JSON Lines file, or says what is wrong with its shape.
pub(crate) fn read_json(source: &Source<'_>, text: &str) -> Result<Vec<Article>, IngestError> {
    let malformed = |reason: String| IngestError::Malformed {
        path: source.name.to_path_buf(),
        reason,
    };
    let (items, single) = items_of(text).map_err(malformed)?;
    if items.is_empty() {
        return Err(malformed("holds no articles".into()));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| read_item(source, i + 1, single, item).map_err(malformed))
        .collect()
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

fn read_item(source: &Source<'_>, n: usize, single: bool, item: Value) -> Result<Article, String> {
    let Value::Object(map) = item else {
        return Err(format!("item {n} is {}, not an object", kind_of(&item)));
    };
    let text = match map.get("text") {
        Some(Value::String(t)) => t.clone(),
        Some(other) => {
            return Err(format!(
                "item {n}: \"text\" is {}, not a string",
                kind_of(other)
            ));
        }
        None => return Err(format!("item {n} has no \"text\" field")),
    };
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(num)) => num.to_string(),
        _ if single => source.file_name(),
        _ => format!("{}#{n}", source.file_name()),
    };
    let title = string_field(&map, "title", n)?
        .map(|t| clean_title(&t))
        .filter(|t| !t.is_empty());
    let published = match string_field(&map, "published", n)? {
        Some(value) => Some(parse_date_value(&value).ok_or_else(|| {
            format!(
                "item {n}: published {value:?} is not a date (use YYYY-MM-DD or an RFC 3339 time)"
            )
        })?),
        None => None,
    };
    let url = string_field(&map, "url", n)?;

    let units = text_units(&text, 0);
    let layout = lay_out(&text, &units, &source.dates());
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

/// An optional string field; `null` counts as absent, any other non-string is an error.
fn string_field(map: &Map<String, Value>, key: &str, n: usize) -> Result<Option<String>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "item {n}: {key:?} is {}, not a string",
            kind_of(other)
        )),
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
        read_json(&Source::new(Path::new("feed.json")), text)
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
        let err = read(r#"[{"text": "x", "published": "soon"}]"#).unwrap_err();
        assert!(err.to_string().contains("published \"soon\" is not a date"));
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
}
