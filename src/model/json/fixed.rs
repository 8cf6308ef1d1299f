//! Bytes the JSON writer writes often, as copies of a fixed size: a copy of a run's own length
//! is a call to `memcpy`, and most runs here (a mention's fixed bytes, an offset's digits) are
//! a few dozen bytes or less, which a fixed-size copy moves in a few instructions.

/// A run of bytes written often: up to `N` of them kept in an array, so that writing them is
/// one copy of `N` bytes (a few moves) cut back after, where a copy of their own length is a
/// call to `memcpy`; a longer run is kept as it is.
pub(super) enum Piece<const N: usize> {
    Short([u8; N], usize),
    Long(Vec<u8>),
}

impl<const N: usize> Piece<N> {
    pub(super) fn of(bytes: &[u8]) -> Self {
        let len = bytes.len();
        if len <= N {
            let mut short = [0; N];
            short[..len].copy_from_slice(bytes);
            Self::Short(short, len)
        } else {
            Self::Long(bytes.to_vec())
        }
    }

    #[inline(always)]
    pub(super) fn write(&self, buf: &mut Vec<u8>) {
        match self {
            Self::Short(bytes, len) => {
                let end = buf.len() + len;
                buf.extend_from_slice(bytes);
                buf.truncate(end);
            }
            Self::Long(bytes) => buf.extend_from_slice(bytes),
        }
    }
}

/// Two decimal digits for each number below 100.
static PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

/// `n` in decimal, as serde_json (`itoa`) writes an unsigned number: the digits are made in a
/// fixed-size array and written as one copy of its size, cut back after (see [`Piece`]).
#[inline(always)]
pub(super) fn push_decimal(buf: &mut Vec<u8>, n: u64) {
    let len = decimal_len(n);
    let mut digits = [b'0'; 20];
    let mut rest = n;
    let mut at = len;
    while at >= 2 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[(rest % 100) as usize]);
        rest /= 100;
    }
    if at == 1 {
        digits[0] = b'0' + rest as u8;
    }
    let end = buf.len() + len;
    buf.extend_from_slice(&digits);
    buf.truncate(end);
}

/// `10^k` for each `k` a `u64` reaches.
static POWERS: [u64; 20] = {
    let mut powers = [1u64; 20];
    let mut k = 1;
    while k < 20 {
        powers[k] = powers[k - 1] * 10;
        k += 1;
    }
    powers
};

/// How many decimal digits `n` has. The count of its binary digits times log10(2) (1233/4096,
/// a little below) is the number of decimal ones less one, or one less than that, which one
/// comparison settles: a few instructions where `checked_ilog10`'s branches took about thirty,
/// for every offset of every mention and source.
#[inline(always)]
fn decimal_len(n: u64) -> usize {
    let log2 = 63 - (n | 1).leading_zeros();
    let guess = ((log2 * 1233) >> 12) as usize;
    guess + 1 + POWERS.get(guess + 1).map_or(0, |&p| usize::from(n >= p))
}
