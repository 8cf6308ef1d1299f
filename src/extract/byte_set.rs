//! Sets of bytes as 256-entry tables, for the scans that jump from one byte of interest to the
//! next: a table look-up per byte is cheaper than a chain of comparisons, and building the
//! table in a `const` keeps the list of bytes readable where the scan is written.

/// The table of `bytes`: `true` at each byte of the list, `false` elsewhere.
pub const fn of(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    #[test]
    fn holds_exactly_the_listed_bytes() {
        let set = super::of(b".!?\xE2");
        let held: Vec<u8> = (0..=255u8).filter(|&b| set[b as usize]).collect();
        assert_eq!(held, vec![b'!', b'.', b'?', 0xE2]);
    }
}
