use super::*;

/// [`calendar_start`] as it was written before it read by position: the value cut at
/// its dashes, each piece parsed.
fn calendar_start_by_pieces(value: &str) -> Option<NaiveDate> {
    let number = |s: Option<&str>| -> Option<u32> {
        let s = s?;
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let mut parts = value.split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 {
        return None;
    }
    let year = number(Some(year_text))? as i32;
    let month = match parts.next() {
        Some(m) if m.len() == 2 => number(Some(m))?,
        Some(_) => return None,
        None => 1,
    };
    let day = match parts.next() {
        Some(d) if d.len() == 2 => number(Some(d))?,
        Some(_) => return None,
        None => 1,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Read by position, a value gives the day the pieces give, for values of every shape
/// the normaliser writes and near misses of them.
#[test]
fn calendar_start_reads_as_the_pieces_read() {
    let mut values: Vec<String> = [
        "1998",
        "1998-01",
        "1998-01-08",
        "1998-02-29",
        "2000-02-29",
        "0000",
        "0000-00-00",
        "1998-13",
        "1998-00",
        "1998-12-32",
        "1998-1-08",
        "1998-01-8",
        "98-01-08",
        "1998-01-08-",
        "1998--01",
        "1998-",
        "-1998",
        "1998-W02",
        "1998-Q3",
        "1998-SU",
        "XXXX-01-08",
        "1998-01-08T10:30",
        "PAST_REF",
        "P3W",
        "199",
        "19980",
        "1998 01 08",
        "1998-01-0a",
        "1998-0a-08",
        "19a8-01-08",
        "١٩٩٨",
        "1998-01-08\u{0}",
        "",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    // every day of a leap year and of a common one, and each month and year alone
    for year in [1996, 1998] {
        for month in 1..=12 {
            values.push(format!("{year}-{month:02}"));
            for day in 1..=31 {
                values.push(format!("{year}-{month:02}-{day:02}"));
            }
        }
    }
    for value in &values {
        assert_eq!(
            calendar_start(value),
            calendar_start_by_pieces(value),
            "{value:?}"
        );
    }
    assert_eq!(
        calendar_start("1998-02"),
        NaiveDate::from_ymd_opt(1998, 2, 1)
    );
}

/// [`word_char_end`] as it was written before the eight-byte scan: a character at a time.
fn word_char_end_bytewise(s: &str, mut at: usize, inside: bool) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(at) {
        let (is_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'\'', 1)
        } else {
            match s.get(at..).and_then(|r| r.chars().next()) {
                Some(ch) => (ch.is_alphanumeric() || ch == '’', ch.len_utf8()),
                None => return s.len(),
            }
        };
        if is_word != inside {
            return at;
        }
        at += len;
    }
    s.len()
}

#[test]
fn word_flags_mark_exactly_the_word_bytes_in_every_place() {
    crate::extract::eight_bytes::check_first_flags(word_flags, is_word_byte, *b"  ..-,; ");
    crate::extract::eight_bytes::check_first_flags(
        |eight| !word_flags(eight) & HIGHS,
        |b| !is_word_byte(b),
        *b"abcXYZ09",
    );
}

#[test]
fn eight_byte_word_scan_ends_where_the_character_scan_ends() {
    let text = "Putin's talks with Assad came on the same day, 12 Oct. — año’s Zürich \
                café… x'y ab_cd «quoted» and a-long-hyphenated-word-run-on-and-on? Ωμέγα 2015";
    for at in (0..=text.len() + 2).filter(|&i| i > text.len() || text.is_char_boundary(i)) {
        for inside in [false, true] {
            assert_eq!(
                word_char_end(text, at, inside),
                word_char_end_bytewise(text, at, inside),
                "{at} {inside}"
            );
        }
    }
    for sentence in [text, "ASSAD’S talks. Putin", "", "''", "x"] {
        let ours: Vec<&str> = words(sentence).collect();
        let split: Vec<&str> = sentence
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '’'))
            .filter(|w| !w.is_empty())
            .map(without_possessive)
            .collect();
        assert_eq!(ours, split, "{sentence}");
    }
}

/// On an ASCII sentence the byte split gives [`words`]' words, and so the same marks.
#[test]
fn ascii_words_are_the_words() {
    for sentence in [
        "Putin's talks with Assad came on the same day, 12 Oct. -- Zurich's 'quoted' x'y",
        "ab_cd a-long-hyphenated-word-run boss's's Jones' '' ' 's x 2015 ASSAD'S talks.",
        "",
        "x",
        "Talks",
    ] {
        let ours: Vec<&[u8]> = ascii_words(sentence.as_bytes()).collect();
        let general: Vec<&[u8]> = words(sentence).map(str::as_bytes).collect();
        assert_eq!(ours, general, "{sentence}");
    }
    let here = content_words("Putin's talks with Assad about trade");
    let mut shared = vec![false; here.len()];
    mark_shared(&here, "Assad's talks. PUTIN came", &mut shared);
    assert_eq!(shared.iter().filter(|&&b| b).count(), 3, "{here:?}");
}

#[test]
fn possessives_are_cut_as_trim_end_matches_cuts_them() {
    for word in [
        "Putin's",
        "talks",
        "s",
        "'s",
        "’s",
        "x's's",
        "x’s's",
        "x's’s",
        "it’s’s",
        "'",
        "",
        "boss",
        "Jones'",
        "año's",
    ] {
        let trimmed = word.trim_end_matches("'s").trim_end_matches("’s");
        assert_eq!(without_possessive(word), trimmed, "{word}");
    }
}
