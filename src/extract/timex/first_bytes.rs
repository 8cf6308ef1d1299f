//! Which bytes a rule's pattern can begin a match with, read from the pattern's text once, so
//! that the recogniser asks a rule's regex about a match only when the match's first byte is
//! one the rule can begin with (a rule turned away this way would not have matched there).
//!
//! The reading is conservative, never a guess: a pattern that can match the empty string, or
//! holds syntax this reader does not know, may begin with any byte; every non-ASCII byte is
//! always allowed (case folding ties "K" to "k" and "ſ" to "s"; the Unicode `\d` and `\s` hold
//! non-ASCII characters); and letters count in both cases, as the rules are compiled
//! case-insensitively.

/// A set of bytes, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    const EMPTY: Self = Self([0; 4]);
    const ALL: Self = Self([u64::MAX; 4]);

    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn insert_range(&mut self, lo: u8, hi: u8) {
        for b in lo..=hi {
            self.insert(b);
        }
    }

    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    fn union(&mut self, other: Self) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine |= theirs;
        }
    }

    /// The set with each ASCII letter in it also in its other case.
    fn both_cases(mut self) -> Self {
        for b in b'a'..=b'z' {
            if self.contains(b) || self.contains(b.to_ascii_uppercase()) {
                self.insert(b);
                self.insert(b.to_ascii_uppercase());
            }
        }
        self
    }
}

/// The bytes a match of `pattern` (compiled case-insensitively) can begin with.
pub fn first_bytes(pattern: &str) -> ByteSet {
    let mut reader = Reader {
        p: pattern.as_bytes(),
        at: 0,
    };
    match reader.alternation() {
        Some((set, false)) if reader.at == reader.p.len() => {
            let mut set = set.both_cases();
            set.insert_range(0x80, 0xff);
            set
        }
        _ => ByteSet::ALL,
    }
}

/// A reader of the regex syntax the rules use; each step returns the first bytes of what it
/// read and whether that can match the empty string, or `None` for syntax it does not know.
struct Reader<'p> {
    p: &'p [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    /// `sequence ('|' sequence)*`.
    fn alternation(&mut self) -> Option<(ByteSet, bool)> {
        let (mut set, mut empty) = self.sequence()?;
        while self.eat(b'|') {
            let (more, also_empty) = self.sequence()?;
            set.union(more);
            empty |= also_empty;
        }
        Some((set, empty))
    }

    /// Atoms, each with an optional quantifier, up to `|`, `)` or the end.
    fn sequence(&mut self) -> Option<(ByteSet, bool)> {
        let (mut set, mut empty) = (ByteSet::EMPTY, true);
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let (first, atom_empty) = self.atom()?;
            let optional = self.quantifier()?;
            // Only while everything before can match nothing does this atom's first byte
            // open the sequence.
            if empty {
                set.union(first);
            }
            empty &= atom_empty || optional;
        }
        Some((set, empty))
    }

    /// A quantifier after an atom, if any: whether it lets the atom match nothing.
    fn quantifier(&mut self) -> Option<bool> {
        let optional = match self.peek() {
            Some(b'?' | b'*') => {
                self.at += 1;
                true
            }
            Some(b'+') => {
                self.at += 1;
                false
            }
            Some(b'{') => {
                let close = self.at + self.p.get(self.at..)?.iter().position(|&c| c == b'}')?;
                let inner = std::str::from_utf8(self.p.get(self.at + 1..close)?).ok()?;
                let min: u32 = inner.split(',').next()?.parse().ok()?;
                self.at = close + 1;
                min == 0
            }
            _ => return Some(false),
        };
        // A lazy quantifier matches the same strings.
        self.eat(b'?');
        Some(optional)
    }

    fn atom(&mut self) -> Option<(ByteSet, bool)> {
        let c = self.peek()?;
        self.at += 1;
        let mut set = ByteSet::EMPTY;
        match c {
            b'(' => return self.group(),
            b'\\' => {
                let escaped = self.peek()?;
                self.at += 1;
                match escaped {
                    // A word boundary matches no byte.
                    b'b' | b'B' => return Some((ByteSet::EMPTY, true)),
                    b'd' => set.insert_range(b'0', b'9'),
                    b's' => [b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c]
                        .into_iter()
                        .for_each(|b| set.insert(b)),
                    b'.' | b'-' | b'\'' | b'/' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'?'
                    | b'*' | b'+' | b'|' | b'\\' | b'^' | b'$' => set.insert(escaped),
                    _ => return None,
                }
            }
            b'[' => set = self.class()?,
            b'^' | b'$' => return Some((ByteSet::EMPTY, true)),
            b'.' => set = ByteSet::ALL,
            b'|' | b')' | b'?' | b'*' | b'+' | b'{' | b'}' | b']' => return None,
            literal => set.insert(literal),
        }
        Some((set, false))
    }

    /// After `(`: `(?:…)`, `(?P<name>…)`, `(?flags:…)`, or a plain group.
    fn group(&mut self) -> Option<(ByteSet, bool)> {
        if self.eat(b'?') {
            if self.eat(b'P') {
                if !self.eat(b'<') {
                    return None;
                }
                self.at += self.p.get(self.at..)?.iter().position(|&c| c == b'>')? + 1;
            } else {
                // Only the flags the rules use; "(?i)" on its own (flags for the rest of the
                // pattern) is not read.
                loop {
                    match self.peek()? {
                        b'i' | b'u' | b'-' => self.at += 1,
                        b':' => {
                            self.at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
        }
        let inner = self.alternation()?;
        self.eat(b')').then_some(inner)
    }

    /// After `[`: literal bytes and ranges, no negation, escapes or nested classes.
    fn class(&mut self) -> Option<ByteSet> {
        let mut set = ByteSet::EMPTY;
        if self.peek() == Some(b'^') {
            return None;
        }
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                b']' => return Some(set),
                b'\\' | b'[' => return None,
                lo if self.peek() == Some(b'-') && self.p.get(self.at + 1) != Some(&b']') => {
                    let hi = *self.p.get(self.at + 1)?;
                    self.at += 2;
                    if hi < lo {
                        return None;
                    }
                    set.insert_range(lo, hi);
                }
                literal => set.insert(literal),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(set: ByteSet) -> String {
        (b'a'..=b'z')
            .filter(|&b| set.contains(b))
            .map(char::from)
            .collect()
    }

    #[test]
    fn first_bytes_of_the_forms_the_rules_use() {
        let year = first_bytes(r"(?P<y>(?:1[89]|20)\d{2})(?-u:\b)");
        assert!(year.contains(b'1') && year.contains(b'2') && !year.contains(b'3'));
        assert_eq!(letters(year), "");
        let the = first_bytes(r"(?:the\s+)?(?P<s>spring|fall)(?:\s+of)?(?-u:\b)");
        assert_eq!(letters(the), "fst");
        assert!(the.contains(b'T') && the.contains(0xe2) && !the.contains(b' '));
        let optional_digits = first_bytes(r"[0-3]?\d{1,2}(?:st|nd)?|'(?P<s>\d)0s");
        assert!((b'0'..=b'9').all(|b| optional_digits.contains(b)));
        assert!(optional_digits.contains(b'\'') && !optional_digits.contains(b'a'));
        assert_eq!(first_bytes(r"a?"), ByteSet::ALL, "can match nothing");
        assert_eq!(first_bytes(r"(?i)x"), ByteSet::ALL, "unknown syntax");
        assert_eq!(first_bytes(r"[^x]"), ByteSet::ALL, "unknown syntax");
        assert_eq!(first_bytes(r"(x"), ByteSet::ALL, "unclosed group");
    }
}
