use super::*;

#[test]
fn the_shipped_indices_are_those_made_at_run_time_and_are_used() {
    for (data, index) in [(WEIGHTS, &WEIGHTS_INDEX[..]), (CASING, &CASING_INDEX[..])] {
        let made = Model::from_bytes(data).expect("the shipped weights");
        let shipped = Model::from_static(data, index).expect("the shipped weights");
        assert_eq!(made.index(), (index, false));
        assert_eq!(shipped.index(), (index, true));
    }
}

#[test]
fn names_read_from_the_labels_named_are_those_of_every_label() {
    // every sequence of four labels, and longer ones
    let mut sequences: Vec<Vec<usize>> = (0..LABELS.len().pow(4))
        .map(|mut x| {
            (0..4)
                .map(|_| {
                    let l = x % LABELS.len();
                    x /= LABELS.len();
                    l
                })
                .collect()
        })
        .collect();
    sequences.push(vec![0, 1, 2, 2, 0, 0, 3, 4, 3, 0, 5, 6, 6, 8, 7, 8]);
    sequences.push(Vec::new());
    for labels in sequences {
        let tokens: Vec<Range<usize>> = (0..labels.len()).map(|i| 2 * i..2 * i + 1).collect();
        let named: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] != 0).collect();
        assert_eq!(
            spans_of(&tokens, &labels, &named),
            spans(&tokens, &labels),
            "{labels:?}"
        );
    }
}

#[test]
fn the_labels_allowed_after_a_label_are_read_from_its_bits_as_tested() {
    for (prev, after) in ALLOWED_AFTER.into_iter().enumerate() {
        for label in 0..LABELS.len() {
            let bit = after >> label & 1 != 0;
            assert_eq!(bit, allowed(label, prev), "{label} after {prev}");
        }
        // the best allowed label, as the tests label by label find it
        for top in 0..LABELS.len() {
            let mut scores = [0i32; LABELS.len()];
            scores[top] = 5;
            scores[(top + 3) % LABELS.len()] = 4;
            let mut want = 0;
            for l in 1..LABELS.len() {
                if allowed(l, prev) && scores[l] > scores[want] {
                    want = l;
                }
            }
            assert_eq!(best(&scores, prev), want, "{scores:?} after {prev}");
        }
    }
}

#[test]
fn capitals_counted_eight_marks_at_a_time_are_those_counted_one_by_one() {
    use tokenize::{LETTER_FIRST, UPPER_FIRST, UPPER_OR_DIGIT};
    let kinds = [
        0,
        LETTER_FIRST,
        LETTER_FIRST | UPPER_FIRST,
        UPPER_OR_DIGIT,
        0xff,
    ];
    for n in 0..40 {
        let marks: Vec<u8> = (0..n)
            .map(|i| kinds[(i * 7 + i / 3) % kinds.len()])
            .collect();
        let mut want = Capitals::default();
        for &m in &marks {
            want.count(m & LETTER_FIRST != 0, m & UPPER_FIRST != 0);
        }
        let got = Capitals::of_marks(&marks);
        assert_eq!(
            (got.alpha, got.upper),
            (want.alpha, want.upper),
            "{marks:?}"
        );
    }
}

#[test]
fn a_model_of_other_classes_is_refused_not_run() {
    let eight = Model::new(
        LABELS[..8].iter().map(|l| (*l).to_string()).collect(),
        1.0,
        &[],
    );
    assert!(Recogniser::new(eight, Casing::empty()).is_err());
    let nine = Model::new(LABELS.iter().map(|l| (*l).to_string()).collect(), 1.0, &[]);
    assert!(Recogniser::new(nine, Casing::empty()).is_ok());
}
