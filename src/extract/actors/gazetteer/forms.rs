//! The gazetteer's all-ASCII forms by their ASCII lower case ([`FormTable`]): an
//! open-addressing table of pattern numbers that `scripts/build_gazetteer.py` writes into
//! `compiled.bin` as the binary would build it, so that a start reads it instead of hashing
//! ~37k forms into a map (a tenth of the start-up), and a look-up hashes eight bytes at a time.

use std::borrow::Cow;

use crate::extract::actors::number_set::table_size;
use crate::extract::eight_bytes::{ascii_lower_eight, number32};

/// Per slot, one more than the pattern number of the form there (0 for none), as 32-bit
/// little-endian numbers; a form's first slot is the top bits of its [`form_hash`], then the
/// next ones in turn. At most half full, at least 16 slots, a power of two.
pub(super) struct FormTable {
    slots: Cow<'static, [u8]>,
    /// 64 minus the base-2 logarithm of the number of slots.
    shift: u32,
}

/// A hash of `bytes` that ASCII case does not change: its length, then each eight bytes
/// (the last group zero-padded) ASCII-lower-cased and folded in as [`super::tables`]'
/// fingerprint folds. `scripts/build_gazetteer.py` computes the same (`form_hash`).
pub(super) fn form_hash(bytes: &[u8]) -> u64 {
    let fold = |h: u64, eight: u64| {
        (h.rotate_left(5) ^ ascii_lower_eight(eight)).wrapping_mul(0x517C_C1B7_2722_0A95)
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for chunk in &mut chunks {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        h = fold(h, u64::from_le_bytes(eight));
    }
    if !chunks.remainder().is_empty() {
        let mut last = [0; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        h = fold(h, u64::from_le_bytes(last));
    }
    h
}

impl FormTable {
    /// The table of the all-ASCII forms among `forms` (pattern numbers their places), the
    /// first of forms equal but for ASCII case kept: what the script writes.
    pub(super) fn build(forms: &[&str]) -> Self {
        let count = forms.iter().filter(|f| f.is_ascii()).count();
        let size = table_size(count);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![0u32; size];
        for (pattern, form) in forms.iter().enumerate().filter(|(_, f)| f.is_ascii()) {
            let mut i = (form_hash(form.as_bytes()) >> shift) as usize;
            while slots[i] != 0 {
                if forms[slots[i] as usize - 1].eq_ignore_ascii_case(form) {
                    break;
                }
                i = (i + 1) & (size - 1);
            }
            if slots[i] == 0 {
                // patterns number a few tens of thousands: they fit in u32
                slots[i] = pattern as u32 + 1;
            }
        }
        Self {
            slots: Cow::Owned(slots.into_iter().flat_map(u32::to_le_bytes).collect()),
            shift,
        }
    }

    /// The table as `compiled.bin` holds it; `None` when its size does not fit (see
    /// [`FormTable`]). The pattern numbers are checked where they are read.
    pub(super) fn of_compiled(slots: &'static [u8]) -> Option<Self> {
        let size = slots.len() / 4;
        (slots.len().is_multiple_of(4) && size.is_power_of_two() && size >= 16).then(|| Self {
            slots: Cow::Borrowed(slots),
            shift: 64 - size.trailing_zeros(),
        })
    }

    /// The pattern whose form equals the all-ASCII `form` but for ASCII case, among the
    /// patterns the table was made of, `form_of` giving each pattern's form (`None` beyond
    /// them).
    pub(super) fn find<'f>(
        &self,
        form: &[u8],
        form_of: impl Fn(usize) -> Option<&'f str>,
    ) -> Option<usize> {
        let mask = self.slots.len() / 4 - 1;
        let mut i = (form_hash(form) >> self.shift) as usize;
        // a table at most half full has a free slot within reach; the bound only keeps a
        // table that is not (none is written) from looping
        for _ in 0..=mask {
            let pattern = (number32(&self.slots, i) as usize).checked_sub(1)?;
            let there = form_of(pattern)?.as_bytes();
            if there.len() == form.len() && there.eq_ignore_ascii_case(form) {
                return Some(pattern);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The table's bytes, for the test that holds the shipped table to the built one.
    #[cfg(test)]
    pub(super) fn bytes(&self) -> &[u8] {
        &self.slots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_found_in_any_ascii_case_and_only_the_first_of_twins() {
        let forms = [
            "Bank of England",
            "IS",
            "Us",
            "US",
            "Ünion",
            "Kremlin",
            "A-Very-Long-Name x",
        ];
        let table = FormTable::build(&forms);
        let of = |p: usize| forms.get(p).copied();
        for (pattern, form) in forms.iter().enumerate().filter(|(_, f)| f.is_ascii()) {
            let first = if *form == "US" { 2 } else { pattern };
            for asked in [
                form.to_string(),
                form.to_ascii_uppercase(),
                form.to_ascii_lowercase(),
            ] {
                assert_eq!(table.find(asked.as_bytes(), of), Some(first), "{asked}");
            }
        }
        for asked in [
            "Bank of Englan",
            "Kremlins",
            "",
            "I",
            "Union",
            "A-Very-Long-Name",
        ] {
            assert_eq!(table.find(asked.as_bytes(), of), None, "{asked}");
        }
        let read = FormTable::of_compiled(table.bytes().to_vec().leak()).expect("fits");
        assert_eq!(read.find(b"KREMLIN", of), Some(5));
        assert!(FormTable::of_compiled(&[0; 12]).is_none());
    }

    #[test]
    fn equal_forms_but_for_ascii_case_hash_alike() {
        assert_eq!(form_hash(b"Bank of England"), form_hash(b"BANK OF ENGLAND"));
        assert_ne!(form_hash(b"Bank of England"), form_hash(b"Bank of Englan"));
        assert_ne!(form_hash(b"ab"), form_hash(b"ab\0"));
    }
}
