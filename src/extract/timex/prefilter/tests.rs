use super::*;

/// [`ascii_suffices`] is its definition read a character at a time, on ASCII texts (its
/// whole-text fast path) and texts with each kind of non-ASCII character at each end.
#[test]
fn ascii_suffices_is_its_definition() {
    let by_chars = |text: &str| {
        text.chars()
            .all(|c| c.is_ascii() || !(c.is_whitespace() || c.is_numeric() || c.is_alphabetic()))
    };
    let ascii = "On Monday, Jan. 6, 1998 at 10:30 p.m. EST, three weeks ago.\n";
    let mut texts = vec![String::new(), ascii.to_string(), ascii.repeat(9)];
    for odd in [
        "\u{2019}", "\u{2014}", "\u{a0}", "\u{17f}", "\u{663}", "\u{e9}",
    ] {
        for at in [0, 1, 17, ascii.len()] {
            let mut text = ascii.repeat(3);
            text.insert_str(at, odd);
            texts.push(text);
        }
    }
    let mut plain = 0;
    for text in &texts {
        assert_eq!(ascii_suffices(text), by_chars(text), "{text:?}");
        plain += usize::from(by_chars(text));
    }
    assert!(plain >= 11, "{plain}");
}

#[test]
fn eight_bytes_at_a_time_find_the_same_letters() {
    crate::extract::eight_bytes::check_first_flags(
        non_letters,
        |b| CLASS[usize::from(b)] != LETTER,
        *b"abcdefgh",
    );
    let text = b"Sept. 5th of 1998, thanksgivingX";
    assert_eq!(word_end(text, 0), 4);
    assert_eq!(word_end(text, 19), text.len());
}

/// The scan as first written: byte by byte, the opening words looked up in the list.
fn byte_by_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    (from..bytes.len()).find(|&at| {
        let b = bytes[at];
        let after_word = at > 0 && is_word(bytes[at - 1]);
        if after_word {
            return b == b'\'' || !b.is_ascii();
        }
        if b.is_ascii_digit() {
            return true;
        }
        if !b.is_ascii_alphabetic() {
            return false;
        }
        let word: Vec<u8> = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .map(u8::to_ascii_lowercase)
            .collect();
        let folds = bytes.get(at + word.len()).is_some_and(|b| !b.is_ascii());
        folds || FIRST_WORDS.contains(&word.as_slice())
    })
}

#[test]
fn keys_read_eight_bytes_at_a_time_are_the_keys() {
    let text = b"Thanksgiving MAY independence a Wednesday september thanksgivingX";
    for start in 0..text.len() {
        let end = word_end(text, start);
        for len in 1..=(end - start).min(12) {
            let word = &text[start..start + len];
            assert_eq!(key_at(text, start, word), key(word), "{start} {len}");
            let lower = word.to_ascii_lowercase();
            assert_eq!(key(word), key(&lower));
        }
    }
}

#[test]
fn every_opening_word_has_a_known_first_letter_and_length() {
    assert!(FIRST_WORDS.iter().all(|w| may_open(w)));
    assert!(!may_open(b"of") && !may_open(b"was") && !may_open(b"abcdefghijklm"));
}

#[test]
fn the_scan_stops_where_a_byte_by_byte_scan_does() {
    let pieces: Vec<Vec<u8>> = FIRST_WORDS
        .iter()
        .map(|w| w.to_vec())
        .chain(
            [
                "The",
                "SEPT",
                "Thanksgiving",
                "independenceX",
                "Januaryy",
                "x",
                "said",
                "governments",
                "abcdefghijklmnopq",
                "5",
                "1998",
                "_",
                " ",
                "  ",
                "\n",
                "'",
                "-",
                ".",
                ",",
                "\u{e9}",
                "\u{2019}",
                "\u{17f}",
                "\u{a0}",
            ]
            .iter()
            .map(|p| p.as_bytes().to_vec()),
        )
        .collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut text = Vec::new();
    while text.len() < 6_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let piece = &pieces[(state % pieces.len() as u64) as usize];
        text.extend(piece.iter().map(|&b| {
            if state & 0x100 != 0 {
                b.to_ascii_uppercase()
            } else {
                b
            }
        }));
        if state & 0x600 != 0 {
            text.push(b' ');
        }
    }
    for from in 0..=text.len() {
        assert_eq!(
            next_start(&text, from),
            byte_by_byte(&text, from),
            "at {from}"
        );
    }
}

#[test]
fn every_opening_word_and_only_those_pass() {
    assert!(FIRST_WORDS.iter().all(|w| opens_a_pattern(key(w))));
    for other in ["said", "of", "and", "government", "they", "x"] {
        assert!(!opens_a_pattern(key(other.as_bytes())), "{other}");
    }
    let text = b"He said The year before, SEPT. 5";
    let starts: Vec<usize> =
        std::iter::successors(next_start(text, 0), |&at| next_start(text, at + 1)).collect();
    assert_eq!(starts, [8, 12, 25, 31]);
}
