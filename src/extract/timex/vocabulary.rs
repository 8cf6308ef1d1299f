//! Words that carry time: months, weekdays, seasons, units and numbers, both as regex fragments
//! for the recogniser and as lookups for the normaliser.

/// Month names and their news abbreviations ("Sept.", "Oct."), longest first.
pub const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

/// Month names written out in full (the only ones trusted without a day or year next to them).
pub const MONTH_FULL: &str =
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)";

pub const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

pub const SEASON: &str = r"(?:spring|summer|autumn|fall|winter)";

/// Cardinal numbers in digits or words, and the vague quantities TIMEX3 writes as `X`.
pub const NUMBER: &str = r"(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+thousand|thousands\s+of|\d+\s+1/2|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:(?:-|\s+)(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundreds\s+of|a\s+dozen|dozens\s+of|a\s+couple\s+of|couple\s+of|a\s+few|few|several|many|some|a|an|half\s+a|a\s+half)";

/// Time units, singular or plural.
pub const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|quarters?|fortnights?)";

/// The month (1–12) a month word names, by its first three letters.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let key = w.get(..3)?;
    let n = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// The ISO weekday number (Monday 1 … Sunday 7).
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let n = match w.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some(n)
}

/// The TIMEX3 season code.
pub fn season_code(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A number word or numeral as a count; `None` for vague quantities ("several", "a few"),
/// which TIMEX3 writes as `X`.
pub fn number_value(text: &str) -> Option<f64> {
    let t = text.to_ascii_lowercase();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = t.parse::<f64>() {
        return Some(n);
    }
    if let Some(count) = t.strip_suffix(" thousand") {
        return number_value(count).map(|n| n * 1000.0);
    }
    if let Some(whole) = t.strip_suffix(" 1/2") {
        return whole.trim().parse::<f64>().ok().map(|n| n + 0.5);
    }
    let small = |w: &str| -> Option<f64> {
        Some(match w {
            "a" | "an" | "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" | "a dozen" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            "a hundred" => 100.0,
            "half a" | "a half" => 0.5,
            "a couple of" | "couple of" => 2.0,
            _ => return None,
        })
    };
    // "twenty-four", and "twenty four" as transcripts write it.
    if let Some((tens, ones)) = t.split_once(['-', ' '])
        && let Some(tens) = small(tens).filter(|n| *n >= 20.0)
    {
        return Some(tens + small(ones).filter(|n| *n < 10.0)?);
    }
    if let Some((tens, ones)) = t.split_once('-') {
        return Some(small(tens)? + small(ones)?);
    }
    small(&t)
}

/// The ordinal (1–4) of a quarter or half word ("third", "3rd").
pub fn ordinal_value(word: &str) -> Option<u32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" | "latter" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// The century (as its first two digits, "19" for the 20th) an ordinal names.
pub fn century_prefix(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = if digits.is_empty() {
        match w.as_str() {
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "twenty-first" => 21,
            _ => return None,
        }
    } else {
        digits.parse().ok()?
    };
    n.checked_sub(1)
}

/// The step a relative word takes: "last" −1, "next" +1, "this" 0.
pub(super) fn rel_step(rel: &str) -> i32 {
    match rel.to_ascii_lowercase().as_str() {
        "last" | "previous" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_numbers() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("October"), Some(10));
        assert_eq!(weekday_number("Friday"), Some(5));
        assert_eq!(number_value("three"), Some(3.0));
        assert_eq!(number_value("twenty-five"), Some(25.0));
        assert_eq!(number_value("twenty four"), Some(24.0));
        assert_eq!(number_value("a dozen"), Some(12.0));
        assert_eq!(number_value("a"), Some(1.0));
        assert_eq!(number_value("several"), None);
        assert_eq!(century_prefix("21st"), Some(20));
        assert_eq!(season_code("fall"), Some("FA"));
    }
}
