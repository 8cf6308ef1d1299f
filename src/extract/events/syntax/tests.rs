use super::*;

fn subs_of(s: &str) -> Vec<(String, SubKind)> {
    let mut lower = String::new();
    let toks = tokens(s, &(0..s.len()), &mut lower);
    subordinates(&toks)
        .into_iter()
        .map(|x| (s[x.range].to_string(), x.kind))
        .collect()
}

#[test]
fn the_markers_are_the_words_the_matches_accept() {
    for w in MARKERS {
        assert!(is_marker(w), "{w}");
    }
    let text = "The minister who said that the pact, which was signed once and whose \
        terms were kept until now, would hold when and if the talks began since March, \
        after all, before whom and whenever whereas although though while whilst unless \
        because they thought so; then this, than that, those, these, whoever, wherever \
        and thus however everyone that's whichever since2 onces";
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        assert_eq!(is_marker(w), MARKERS.contains(&w), "{w}");
    }
}

#[test]
fn since_opens_a_subordinate_clause_to_the_end_of_the_sentence() {
    let s = "The minister flew to Oslo on Friday evening, in her first known trip abroad since the strike there began in 2019.";
    assert_eq!(
        subs_of(s),
        [(
            "since the strike there began in 2019".to_string(),
            SubKind::Adverbial
        )]
    );
}

#[test]
fn a_relative_clause_ends_at_its_comma_or_where_the_main_verb_resumes() {
    let s = "The mayor, who took office in 2012, resigned on Monday.";
    assert_eq!(
        subs_of(s),
        [("who took office in 2012".to_string(), SubKind::Relative)]
    );
    let s = "The pact that was signed in 2009 collapsed on Monday.";
    assert_eq!(
        subs_of(s),
        [("that was signed in 2009".to_string(), SubKind::Relative)]
    );
    let s = "The pact signed in 2009 collapsed on Monday.";
    assert_eq!(
        subs_of(s),
        [("signed in 2009".to_string(), SubKind::Relative)]
    );
}

#[test]
fn that_after_a_reporting_verb_opens_reported_content() {
    let s = "The airline said on Monday that it would cut 300 jobs in March.";
    assert_eq!(
        subs_of(s),
        [(
            "that it would cut 300 jobs in March".to_string(),
            SubKind::Reported
        )]
    );
}

#[test]
fn the_subject_ends_at_the_first_verb_and_a_passive_names_its_agent_after_by() {
    let s = "The depot was struck by rebel rockets on Sunday.";
    let mut lower = String::new();
    let toks = tokens(s, &(0..s.len()), &mut lower);
    let (verb, by) = subject_end(&toks, 0, s.len()).expect("a verb");
    assert_eq!(&s[..verb], "The depot ");
    assert_eq!(by.map(|b| &s[b..]), Some(" rebel rockets on Sunday."));
}

/// The words of a text as the general reader gives them (from `scan::words`) and as the
/// all-ASCII reader gives them, for every line and every sentence-sized stretch of sample
/// articles and of texts of marks and dashes; each word's lower case is its letters'.
#[test]
fn the_ascii_reader_gives_the_general_readers_tokens() {
    let samples = [
        include_str!("../../../../assets/samples/2015-10-01-russia-begins-air-strikes.txt"),
        include_str!("../../../../assets/samples/2015-10-20-air-safety-memorandum.txt"),
        include_str!("../../../../assets/samples/2015-10-30-vienna-talks-widen.md"),
        "Apple announces, GM says: the U.S. Corp. sold (Reuters) \"quoted\" -- words - a \
         -- ... !? al-Assad's 2,000 U.S.-led \t\r\n\x0b\x0c tabs; Mr. Smith's  end. Inc. \
         Mrs. Gen. Capt. Prof. ab. a.b. x! y? z: w; v, the deal signed in 2009 collapsed, \
         ((( ))) \"\" - -- --- Said SAID said. told, TOLD indeed Speeded added ss passes",
        "- starts with a dash, and ends with one -",
        "\u{1c}\u{1f}\u{7f}control@bytes[are]`marks{}~ and_underscores_too",
    ];
    let sets = VerbSets {
        forms: &VERB_FORMS,
        not_verbs: &NOT_VERB_SET,
    };
    let mut checked = 0;
    for sample in samples {
        let ascii: String = sample.chars().filter(char::is_ascii).collect();
        let pieces = ascii
            .lines()
            .chain(ascii.split(['.', '!', '?']))
            .chain([ascii.as_str()]);
        for piece in pieces {
            // the piece where it lies in a longer text, so ranges are offset
            let text = format!("Lead text. {piece} Trail.");
            let sentence = 11..11 + piece.len();
            let mut lower = String::new();
            let fast = tokens(&text, &sentence, &mut lower);
            let lower_copy = text[sentence.clone()].to_ascii_lowercase();
            let mut general = Vec::new();
            tokens_by_words(piece, 11, &lower_copy, &[], &sets, &mut general);
            assert_eq!(fast, general, "{piece:?}");
            for t in &fast {
                assert_eq!(t.lower, text[t.range.clone()].to_lowercase(), "{piece:?}");
            }
            checked += general.len();
        }
    }
    assert!(checked > 1000, "{checked} tokens compared");
}

/// A sentence that is not all ASCII: each word's lower case is its letters' lower-cased,
/// whatever its length, and the words and their ranges are those of the ASCII reading of the
/// same sentence with its letters replaced.
#[test]
fn words_that_are_not_ascii_keep_their_own_lower_case() {
    let text = "Prologue. «ΣΟΦΙΑ» Señor NÚÑEZ said İstanbul—and Ǆemal— met, U.S. “Aides” — \
        who'd OK'd it — left.";
    let sentence = 10..text.len();
    let mut lower = String::new();
    let toks = tokens(text, &sentence, &mut lower);
    let words: Vec<(&str, String)> = toks
        .iter()
        .map(|t| (&text[t.range.clone()], t.lower.to_string()))
        .collect();
    for (word, lower) in &words {
        assert_eq!(*lower, word.to_lowercase(), "{word}");
    }
    assert_eq!(
        words.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
        [
            "ΣΟΦΙΑ",
            "Señor",
            "NÚÑEZ",
            "said",
            "İstanbul—and",
            "Ǆemal",
            "met",
            "U.S",
            "Aides",
            "who'd",
            "OK'd",
            "it",
            "left"
        ]
    );
    // the lone dashes pause the words before them, as commas do
    let pauses: Vec<bool> = toks.iter().map(|t| t.pause_after).collect();
    assert_eq!(
        pauses,
        [
            false, false, false, false, false, true, true, false, true, false, false, true, true
        ]
    );
}

/// The test that rules most verbs out before [`opened_at`] is asked: every word it rules out
/// (a word without a marker's shape) is one that `opened_at` opens no clause at, so the
/// clauses found are those asking every verb would find.
#[test]
fn a_word_ruled_out_before_the_clause_test_opens_no_clause() {
    let samples = [
        include_str!("../../../../assets/samples/2015-10-01-russia-begins-air-strikes.txt"),
        include_str!("../../../../assets/samples/2015-10-20-air-safety-memorandum.txt"),
        include_str!("../../../../assets/samples/2015-10-30-vienna-talks-widen.md"),
        "The deal signed in 2009 collapsed. He announced the pact agreed on Monday. Talks \
         held at Geneva, plans drafted by aides, forces deployed during March and troops \
         stationed since 2011 stayed; Signed in May, it held. the accord reached last week",
    ];
    let mut ruled_out = 0;
    let mut opened = 0;
    for sample in samples {
        for sentence in sample.split(['.', ';', '\n']) {
            let mut lower = String::new();
            let toks = tokens(sentence, &(0..sentence.len()), &mut lower);
            for i in 0..toks.len() {
                if MARKER_SHAPES.admits(toks[i].lower()) {
                    continue;
                }
                let found = opened_at(&toks, i, false);
                if may_open_reduced_relative(&toks, i) {
                    opened += usize::from(found.is_some());
                } else {
                    assert_eq!(found, None, "{sentence:?} at {:?}", toks[i].lower);
                    ruled_out += usize::from(toks[i].verb);
                }
            }
        }
    }
    assert!(ruled_out > 100, "{ruled_out} verbs ruled out");
    assert!(opened >= 4, "{opened} reduced relatives opened");
}
