//! Machine code as lowercase hex, the profile's `code_hex`: more than half
//! of a profile's bytes, so encoded 16 bytes at a time.

use std::mem::MaybeUninit;

/// Write the hex of `src` into `dst`, two digits a byte, high nibble first.
///
/// # Panics
/// If `dst` is not twice as long as `src` (a caller's bug).
pub fn encode(src: &[u8], dst: &mut [MaybeUninit<u8>]) {
    assert_eq!(dst.len(), src.len() * 2, "two digits a byte");
    let (blocks, rest) = src.as_chunks::<16>();
    let (dst_blocks, dst_rest) = dst.split_at_mut(blocks.len() * 32);
    let (dst_blocks, _) = dst_blocks.as_chunks_mut::<32>();
    for (b, d) in blocks.iter().zip(dst_blocks) {
        block(b, d);
    }
    for (&b, d) in rest.iter().zip(dst_rest.as_chunks_mut::<2>().0) {
        let [hi, lo] = PAIRS[b as usize];
        *d = [MaybeUninit::new(hi), MaybeUninit::new(lo)];
    }
}

/// `src` in hex, as a string.
#[cfg(test)]
pub fn to_string(src: &[u8]) -> String {
    let mut v = Vec::with_capacity(src.len() * 2);
    encode(src, &mut v.spare_capacity_mut()[..src.len() * 2]);
    // SAFETY: `encode` initialised the first `2 * src.len()` bytes.
    unsafe { v.set_len(src.len() * 2) };
    String::from_utf8(v).expect("hex digits are ASCII")
}

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The two digits of every byte.
const PAIRS: [[u8; 2]; 256] = {
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [DIGITS[i >> 4], DIGITS[i & 15]];
        i += 1;
    }
    t
};

/// 16 bytes' digits, with SSE2 (in every x86-64): the nibbles spread to
/// bytes, then `'0' + n`, plus `'a' - '0' - 10` where `n > 9`.
#[cfg(target_arch = "x86_64")]
#[inline]
fn block(src: &[u8; 16], out: &mut [MaybeUninit<u8>; 32]) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of x86-64; the unaligned load and stores are of
    // 16 bytes inside `src` and `out`.
    unsafe {
        let v = _mm_loadu_si128(src.as_ptr().cast());
        let low = _mm_set1_epi8(0x0f);
        let hi = _mm_and_si128(_mm_srli_epi16::<4>(v), low);
        let lo = _mm_and_si128(v, low);
        let digits = |n: __m128i| {
            let letter = _mm_cmpgt_epi8(n, _mm_set1_epi8(9));
            let n = _mm_add_epi8(n, _mm_set1_epi8(b'0' as i8));
            _mm_add_epi8(
                n,
                _mm_and_si128(letter, _mm_set1_epi8(b'a' as i8 - b'0' as i8 - 10)),
            )
        };
        let first = digits(_mm_unpacklo_epi8(hi, lo));
        let second = digits(_mm_unpackhi_epi8(hi, lo));
        _mm_storeu_si128(out.as_mut_ptr().cast(), first);
        _mm_storeu_si128(out.as_mut_ptr().add(16).cast(), second);
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn block(src: &[u8; 16], out: &mut [MaybeUninit<u8>; 32]) {
    for (d, &b) in out.as_chunks_mut::<2>().0.iter_mut().zip(src) {
        let [hi, lo] = PAIRS[b as usize];
        *d = [MaybeUninit::new(hi), MaybeUninit::new(lo)];
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_byte_at_every_position_of_a_block_and_the_tail() {
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 50] {
            for b in 0..=255u8 {
                let v: Vec<u8> = (0..len).map(|i| b.wrapping_add(i as u8 * 37)).collect();
                let want: String = v.iter().map(|x| format!("{x:02x}")).collect();
                assert_eq!(super::to_string(&v), want, "len {len}, byte {b}");
            }
        }
    }
}
