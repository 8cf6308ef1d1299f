use super::*;

fn found(table: &Prefixes, text: &str) -> Option<(usize, usize)> {
    table.longest_prefix(text.as_bytes())
}

#[test]
fn the_longest_name_a_text_starts_with_wins_whatever_its_case() {
    let table = Prefixes::new(&[
        "Bank",
        "Bank of England",
        "Bank of Japan",
        "Banks",
        "IS",
        "",
        "Azerbaijan",
        "Canada",
        "x",
        "xy",
    ]);
    assert_eq!(found(&table, "Bank of England said"), Some((1, 15)));
    assert_eq!(found(&table, "BANK OF JAPAN"), Some((2, 13)));
    // "Bank of Eng" shares most with "Bank of England" yet only "Bank" is a prefix of it
    assert_eq!(found(&table, "Bank of Eng"), Some((0, 4)));
    assert_eq!(found(&table, "Bankside"), Some((3, 5)));
    assert_eq!(found(&table, "Bankrupt"), Some((0, 4)));
    assert_eq!(found(&table, "is it"), Some((4, 2)));
    assert_eq!(found(&table, "Ban"), None);
    assert_eq!(found(&table, "Apple"), None);
    assert_eq!(found(&table, "Canada's"), Some((7, 6)));
    assert_eq!(found(&table, "Cab"), None);
    assert_eq!(found(&table, ""), None);
    // one-byte keys, alone and under a longer one
    assert_eq!(found(&table, "X-ray"), Some((8, 1)));
    assert_eq!(found(&table, "x"), Some((8, 1)));
    assert_eq!(found(&table, "XYZ"), Some((9, 2)));
    assert_eq!(found(&table, "Y"), None);
}

#[test]
fn a_text_whose_first_word_no_key_reaches_has_only_keys_inside_that_word() {
    let table = Prefixes::new(&[
        "Bank",
        "Bank of England",
        "IS",
        "Canada",
        "x",
        "Ünion",
        "Al-Qaeda",
        "A380 maker",
        "Abcdefghijk",
    ]);
    for text in [
        "Bankside",
        "Bank of",
        "BANK",
        "Isis",
        "IS",
        "Canadas",
        "Canada's",
        "x-ray",
        "Xylo",
        "Ünion",
        "Al-Qaeda",
        "A380",
        "A380 maker",
        "Ban",
        "",
        "Abcdefghijkl",
        "Abcdefgh",
    ] {
        let run = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if !table.may_reach_word_end(text.as_bytes()) {
            let found = found(&table, text);
            assert!(found.is_none_or(|(_, len)| len < run), "{text}");
        }
    }
    // a key read a byte at a time, a text eight at a time: one number
    assert!(table.may_reach_word_end(b"BANK of England said"));
    assert!(table.may_reach_word_end(b"al-Qaeda's men"));
    assert!(!table.may_reach_word_end(b"Bankside today"));
}

#[test]
fn a_listed_order_that_holds_makes_the_sorted_table_and_any_other_is_sorted() {
    let patterns = ["Bank", "Bank of England", "IS", "Azerbaijan", "x", "Ünion"];
    let sorted = Prefixes::new(&patterns);
    // "Ünion" starts with a byte above every ASCII one
    let order = "# comment\n3\n0\n1\n2\n4\n5\n";
    assert!(Prefixes::in_order(&patterns, order).is_some());
    assert!(Prefixes::with_order(&patterns, order).same_as(&sorted));
    for wrong in [
        "3\n0\n1\n2\n4\n",
        "3\n1\n0\n2\n4\n5\n",
        "3\n0\n1\n2\n4\n5\n5\n",
        "3\n0\n1\n2\n4\n6\n",
        "3\n0\n1\n2\n4\nfive\n",
        "",
    ] {
        assert!(Prefixes::in_order(&patterns, wrong).is_none(), "{wrong:?}");
        assert!(Prefixes::with_order(&patterns, wrong).same_as(&sorted));
    }
    // names equal but for case are one key: only the sort keeps the first
    let twins = ["Us", "US"];
    assert!(Prefixes::in_order(&twins, "0\n1\n").is_none());
    assert!(Prefixes::with_order(&twins, "0\n1\n").same_as(&Prefixes::new(&twins)));
}

#[test]
fn the_longest_prefix_is_the_one_found_by_trying_every_key() {
    // keys and texts over a few letters, so that keys nest and share many prefixes; with
    // the bytes next to the capitals ("@", "[") and letters whose first byte, its high bit
    // cleared, reads as a capital ("Ü" is C3 9C, "É" C3 89), which the lower-casing eight
    // bytes at a time must leave as they are
    let letters = ['a', 'b', 'A', ' ', 'a', 'b', '@', '[', 'Ü', 'É'];
    let mut seed = 7u32;
    let mut word = |max: u32| {
        let mut w = String::new();
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        for _ in 0..1 + (seed >> 16) % max {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            w.push(letters[(seed >> 16) as usize % letters.len()]);
        }
        w
    };
    // short keys, and keys longer than eight bytes, which are compared eight at a time
    for (longest_key, longest_text) in [(7, 10), (20, 24)] {
        let patterns: Vec<String> = (0..300).map(|_| word(longest_key)).collect();
        let mut texts: Vec<String> = (0..2000).map(|_| word(longest_text)).collect();
        // texts that share all of a key, or all but its last byte
        for p in &patterns {
            texts.push(format!("{}{}", p.to_ascii_uppercase(), word(4)));
            let last = p.char_indices().last().map_or(0, |(at, _)| at);
            texts.push(p[..last].to_string());
        }
        every_key_tried(&patterns, &texts);
    }
}

/// Asserts that the table of `patterns` finds in each of `texts` the longest pattern
/// found by trying every one.
fn every_key_tried(patterns: &[String], texts: &[String]) {
    let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
    let table = Prefixes::new(&patterns);
    for text in texts {
        let lower = text.to_ascii_lowercase();
        // the longest key, and of equal keys the first pattern
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in patterns.iter().enumerate() {
            if !p.is_empty()
                && lower.starts_with(&p.to_ascii_lowercase())
                && best.is_none_or(|(_, len)| p.len() > len)
            {
                best = Some((i, p.len()));
            }
        }
        assert_eq!(found(&table, text), best, "{text:?}");
    }
}

#[test]
fn names_equal_but_for_case_keep_the_first() {
    let table = Prefixes::new(&["Us", "US", "Üs", "üs"]);
    assert_eq!(found(&table, "us"), Some((0, 2)));
    assert_eq!(found(&table, "Üs"), Some((2, 3)));
    assert_eq!(found(&table, "üs"), Some((3, 3)));
}
