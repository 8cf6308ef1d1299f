//! Where things are in a JSON file: the line each article item starts on and the line of each of
//! its fields, so a warning about one bad field can send the analyst to the right line.
//!
//! `serde_json::Value` forgets positions, so this walks the raw text again. It runs only on text
//! serde has already parsed, but it never assumes that: on anything unexpected it stops and
//! returns what it found, and callers fall back to the item's number.

use std::collections::HashMap;

/// One article item: the line it starts on and the line of each field's value (counting from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ItemLines {
    pub line: usize,
    pub fields: HashMap<String, usize>,
}

/// The lines of the article items of `text`, in the order [`super::json`] reads them: the
/// elements of one top-level array, of a top-level object's `"articles"` array, or the values
/// of a stream of objects (JSON Lines).
pub(crate) fn item_lines(text: &str) -> Vec<ItemLines> {
    let bytes = text.as_bytes();
    let lines = LineIndex::new(text);
    let mut tops = Vec::new();
    let mut i = skip_ws(bytes, 0);
    while i < bytes.len() {
        let Some(end) = skip_value(bytes, i) else {
            break;
        };
        tops.push(i);
        i = skip_ws(bytes, end);
    }
    let starts = match tops.as_slice() {
        [only] if bytes.get(*only) == Some(&b'[') => array_elements(bytes, *only),
        [only] if bytes.get(*only) == Some(&b'{') => {
            match object_fields(bytes, *only)
                .into_iter()
                .find(|(key, _)| key == "articles")
            {
                Some((_, at)) if bytes.get(at) == Some(&b'[') => array_elements(bytes, at),
                _ => vec![*only],
            }
        }
        _ => tops,
    };
    starts
        .into_iter()
        .map(|start| ItemLines {
            line: lines.line_of(start),
            fields: if bytes.get(start) == Some(&b'{') {
                object_fields(bytes, start)
                    .into_iter()
                    .map(|(key, at)| (key, lines.line_of(at)))
                    .collect()
            } else {
                HashMap::new()
            },
        })
        .collect()
}

/// Line numbers from byte offsets.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// The offset just past the value starting at `i`, or `None` if there is no whole value there.
/// Nesting is counted, not recursed into, so a deeply nested file costs no stack.
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => skip_string(bytes, i),
        b'[' | b'{' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'"' => {
                        j = skip_string(bytes, j)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while bytes
                .get(j)
                .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// The offset just past the string starting at `i` (a `"`).
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The start offsets of the elements of the array starting at `i`.
fn array_elements(bytes: &[u8], i: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut j = skip_ws(bytes, i + 1);
    while j < bytes.len() && bytes[j] != b']' {
        let Some(end) = skip_value(bytes, j) else {
            break;
        };
        found.push(j);
        j = skip_ws(bytes, end);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
    }
    found
}

/// The keys of the object starting at `i` (as written, without escapes decoded) with the start
/// offset of each value.
fn object_fields(bytes: &[u8], i: usize) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut j = skip_ws(bytes, i + 1);
    while bytes.get(j) == Some(&b'"') {
        let Some(key_end) = skip_string(bytes, j) else {
            break;
        };
        let key = String::from_utf8_lossy(&bytes[j + 1..key_end - 1]).into_owned();
        j = skip_ws(bytes, key_end);
        if bytes.get(j) != Some(&b':') {
            break;
        }
        let value = skip_ws(bytes, j + 1);
        let Some(end) = skip_value(bytes, value) else {
            break;
        };
        found.push((key, value));
        j = skip_ws(bytes, end);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_fields_are_found_by_line() {
        let text = "[\n  {\"text\": \"a\",\n   \"published\": \"x\"},\n  {\"id\": 3,\n   \"text\": \"b\"}\n]";
        let items = item_lines(text);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].line, 2);
        assert_eq!(items[0].fields["published"], 3);
        assert_eq!(items[1].line, 4);
        assert_eq!(items[1].fields["text"], 5);
    }

    #[test]
    fn wrapped_lists_and_json_lines_are_found() {
        let wrapped = "{\"source\": [1, 2],\n \"articles\": [\n {\"text\": \"a\"}]}";
        assert_eq!(item_lines(wrapped)[0].line, 3);
        let lines = "{\"text\": \"a\"}\n{\"text\": \"b \\\" }\", \"title\": 5}\n";
        let items = item_lines(lines);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].fields["title"], 2);
    }

    #[test]
    fn broken_text_gives_what_was_found() {
        assert_eq!(item_lines("[{\"text\": \"a"), []);
        assert!(item_lines("").is_empty());
        assert!(item_lines("}}]]").is_empty());
    }
}
