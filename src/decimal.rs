//! Numbers written in decimal by this crate's own code rather than by `core::fmt`.
//!
//! `format!("{x}")` and `format!("{x:.1}")` on an `f64` bring core's float formatting (Grisu,
//! Dragon4, their big-number arithmetic and tables) into the browser bundle: removing it takes
//! about 7 KB off the page's gzip (bench/README.md). This module writes the same text, digit for
//! digit, from the number's exact decimal expansion with a few lines of big-integer arithmetic:
//!
//! - [`fixed`]`(x, d)` is `format!("{x:.d$}")`: `d` decimals, rounded half to even on the exact
//!   value of `x`;
//! - [`shortest`]`(x)` is `format!("{x}")`: the fewest significant digits that read back as `x`
//!   (the nearest such number when several have as few), never in exponent notation.
//!
//! Property tests compare both with `core::fmt` on arbitrary `f64`s. Reading back is
//! [`crate::scenario::parse_number`], which is JavaScript's `parseFloat` in the browser; the
//! wasm tests compare the browser's `shortest` with `core::fmt` as well.
//!
//! Invariant: no `f64` reaches `core::fmt`'s `Display` or `Debug` in code the page runs:
//! `cargo xtask dist` fails when the page's wasm links `flt2dec`. A panic message that prints a
//! float counts too, which is why `f64::clamp` is a disallowed method (clippy.toml).

use std::fmt::{self, Write as _};

/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it.
pub fn fixed(x: f64, decimals: usize) -> Fixed {
    Fixed { x, decimals }
}

/// `x` with [`fixed`]'s digits, for `format!` and `write!` (`{}` on it, never on the `f64`).
/// Width, fill, alignment, `+` and `0` work as they do for an `f64`; a precision in the format
/// string is ignored (the decimals are `fixed`'s).
#[derive(Clone, Copy)]
pub struct Fixed {
    x: f64,
    decimals: usize,
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed { x, decimals } = *self;
        if x.is_nan() {
            return pad_nan(f);
        }
        let non_negative = !x.is_sign_negative();
        // As core writes numbers: the sign, then zero padding or fill around the digits.
        if x.is_infinite() {
            return f.pad_integral(non_negative, "", "inf");
        }
        let digits = match scaled(x, decimals) {
            Some(n) => Digits::scaled(n, decimals),
            None => {
                let exact = Digits::exact(x);
                let keep = i64::from(exact.exp).saturating_add(i64::try_from(decimals).unwrap_or(i64::MAX));
                exact.round(keep, false)
            }
        };
        f.pad_integral(non_negative, "", &digits.plain(false, decimals))
    }
}

/// `NaN` as core writes it: aligned right unless told otherwise, zero-padded with `0`, and never
/// signed, even with `+`.
fn pad_nan(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let room = f.width().unwrap_or(0).saturating_sub(3);
    let (fill, align) = if f.sign_aware_zero_pad() {
        ('0', fmt::Alignment::Right)
    } else {
        (f.fill(), f.align().unwrap_or(fmt::Alignment::Right))
    };
    let (before, after) = match align {
        fmt::Alignment::Left => (0, room),
        fmt::Alignment::Right => (room, 0),
        fmt::Alignment::Center => (room / 2, room - room / 2),
    };
    let fill = |n: usize, f: &mut fmt::Formatter<'_>| (0..n).try_for_each(|_| f.write_char(fill));
    fill(before, f)?;
    f.write_str("NaN")?;
    fill(after, f)
}

/// `x` with the fewest significant digits that read back as `x`, as `format!("{x}")` writes it:
/// `20`, `21.4`, `0.1`, `-0`.
pub fn shortest(x: f64) -> String {
    if let Some(special) = special(x) {
        return special.to_owned();
    }
    let negative = x.is_sign_negative();
    let magnitude = x.abs();
    // At a power of two that is not whole, the other neighbour can be the one that reads back
    // (below); the fast path does not look for it.
    let power_of_two = x.to_bits() & ((1 << 52) - 1) == 0;
    if !power_of_two || x.fract() == 0.0 {
        for (decimals, scale) in POW10.iter().enumerate() {
            // `None`: too large (so at every later count too) or near a tie, where nothing with
            // this many decimals reads back as `x` (12.5 at none): the next count may.
            let Some(n) = scaled(x, decimals) else { continue };
            // Both are exact, so the quotient is the double nearest n / 10^d, as reading it is.
            if n as f64 / scale == magnitude {
                return Digits::scaled(n, decimals).plain(negative, 0);
            }
        }
    }
    let exact = Digits::exact(x);
    let reads_back = |d: &Digits| {
        #[cfg(all(test, not(target_arch = "wasm32")))]
        tests::READ_BACKS.with(|n| n.set(n.get() + 1));
        let text = d.plain(false, 0);
        crate::scenario::parse_number(&text) == Some(magnitude)
    };
    // core's shortest digits break a tie upwards, unlike its fixed ones (to even).
    let nearest = |significant| exact.round(significant, true);
    // The fewest significant digits whose nearest number reads back, by halving: with more digits
    // the nearest number is no further away, so reading back is monotonic. 17 always do.
    let (mut fails, mut reads) = (0, 17);
    while reads - fails > 1 {
        let mid = (fails + reads) / 2;
        if reads_back(&nearest(mid)) {
            reads = mid;
        } else {
            fails = mid;
        }
    }
    // At a power of two the numbers that read back as `x` reach twice as far above it (2h) as
    // below (h), so with one digit fewer the neighbour on the far side can read back when the
    // nearest does not. That needs the grid's spacing to be at most 4h; with two digits fewer it
    // would be at most 0.4h, and the grid with one fewer would have a point within 0.2h of `x`,
    // whose nearest would then read back. The tests check every power of two.
    if power_of_two && fails > 0 {
        if let Some(other) = exact.other_neighbour(fails, &nearest(fails)) {
            if reads_back(&other) {
                return other.plain(negative, 0);
            }
        }
    }
    nearest(reads).plain(negative, 0)
}

/// Powers of ten up to 10^12, each exact.
const POW10: [f64; 13] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/// The fast path: `|x| × 10^decimals` rounded to a whole number, when the float product is below
/// 2^40 and far enough from a tie that it rounds as the exact product does. Below 2^40 the
/// product is off by at most 2^-14, so a fraction more than 2^-12 away from one half is safe.
/// `x` is finite. `None` sends the caller to the exact path.
fn scaled(x: f64, decimals: usize) -> Option<u64> {
    let y = x.abs() * POW10.get(decimals)?;
    if y >= 1_099_511_627_776.0 {
        return None;
    }
    let whole = y.floor();
    let fraction = y - whole;
    if (fraction - 0.5).abs() < 1.0 / 4096.0 {
        return None;
    }
    Some(whole as u64 + u64::from(fraction > 0.5))
}

/// What `core::fmt` writes for the numbers that have no digits.
fn special(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x.is_infinite() {
        Some(if x < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// A non-negative decimal number `0.d₁d₂d₃… × 10^exp`: `digits` holds `d₁d₂…` (each 0–9), with
/// no zero first or last. No digits is zero.
#[derive(Clone, PartialEq, Debug)]
struct Digits {
    digits: Vec<u8>,
    exp: i32,
}

impl Digits {
    /// `0.d₁d₂… × 10^exp` from digits that may end in zeros (dropped here).
    fn trimmed(mut digits: Vec<u8>, exp: i32) -> Digits {
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Digits { digits, exp }
    }

    /// The exact value of `|x|` (finite): every binary fraction has a finite decimal expansion.
    fn exact(x: f64) -> Digits {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        let (mut mantissa, mut exp2) =
            if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
        if mantissa == 0 {
            return Digits { digits: Vec::new(), exp: 0 };
        }
        let zeros = mantissa.trailing_zeros();
        mantissa >>= zeros;
        exp2 += zeros as i32;
        // |x| = mantissa × 2^exp2 = big / 10^scale.
        let mut big = Big::from_u64(mantissa);
        let scale = if exp2 >= 0 {
            big.shift_left(exp2.unsigned_abs());
            0
        } else {
            big.mul_pow5(exp2.unsigned_abs());
            exp2.unsigned_abs()
        };
        let digits = big.decimal_digits();
        let exp = digits.len() as i32 - scale as i32;
        Digits::trimmed(digits, exp)
    }

    /// `n / 10^scale`.
    fn scaled(mut n: u64, scale: usize) -> Digits {
        let mut digits = Vec::new();
        while n > 0 {
            digits.push((n % 10) as u8);
            n /= 10;
        }
        digits.reverse();
        let exp = digits.len() as i32 - scale as i32;
        Digits::trimmed(digits, exp)
    }

    /// Rounded to its first `keep` digits (any number: none or all of them may be kept); a tie
    /// goes to the even neighbour, or up if `ties_up`.
    fn round(&self, keep: i64, ties_up: bool) -> Digits {
        let len = self.digits.len() as i64;
        if keep >= len {
            return self.clone();
        }
        if keep < 0 {
            // Below a tenth of the unit being rounded to: rounds to zero.
            return Digits { digits: Vec::new(), exp: 0 };
        }
        let k = keep as usize;
        let next = self.digits.get(k).copied().unwrap_or(0);
        let last_kept_odd = k.checked_sub(1).and_then(|i| self.digits.get(i)).is_some_and(|d| d % 2 == 1);
        // The digits have no trailing zero, so anything after `next` is a non-zero remainder.
        let up = next > 5 || (next == 5 && (len > keep + 1 || last_kept_odd || ties_up));
        let truncated = self.truncated(k);
        if up {
            truncated.plus_unit(k)
        } else {
            truncated
        }
    }

    /// The neighbour at `keep` digits on the other side of `self` from `nearest`, if `self` does
    /// not have at most `keep` digits already.
    fn other_neighbour(&self, keep: i64, nearest: &Digits) -> Option<Digits> {
        let k = usize::try_from(keep).ok()?;
        if k >= self.digits.len() {
            return None;
        }
        let truncated = self.truncated(k);
        Some(if &truncated == nearest { truncated.plus_unit(k) } else { truncated })
    }

    /// The first `k` digits (fewer than there are), at the same `exp`.
    fn truncated(&self, k: usize) -> Digits {
        Digits::trimmed(self.digits.get(..k).map_or_else(Vec::new, <[u8]>::to_vec), self.exp)
    }

    /// `self` plus one unit in its `k`-th digit.
    fn plus_unit(self, k: usize) -> Digits {
        let Digits { mut digits, exp } = self;
        digits.resize(k, 0);
        // The last digit that is not 9 goes up by one and the 9s after it become zeros; with
        // none (every kept digit a 9, or none kept) the result is a 1 one place up.
        match digits.iter().rposition(|&d| d != 9) {
            Some(j) => {
                digits.truncate(j + 1);
                if let Some(d) = digits.last_mut() {
                    *d += 1;
                }
                Digits::trimmed(digits, exp)
            }
            None => Digits { digits: vec![1], exp: exp + 1 },
        }
    }

    /// Written out in full, never in exponent notation, with at least `decimals` decimals.
    fn plain(&self, negative: bool, decimals: usize) -> String {
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        let digit = |i: i64| {
            let d = usize::try_from(i).ok().and_then(|i| self.digits.get(i)).copied().unwrap_or(0);
            char::from(b'0' + d)
        };
        let exp = i64::from(self.exp);
        if exp <= 0 || self.digits.is_empty() {
            out.push('0');
        } else {
            out.extend((0..exp).map(digit));
        }
        let written = self.digits.len() as i64 - exp;
        let decimals = written.max(i64::try_from(decimals).unwrap_or(i64::MAX));
        if decimals > 0 {
            out.push('.');
            out.extend((exp..exp + decimals).map(digit));
        }
        out
    }
}

/// A non-negative integer of any size, least significant 32 bits first.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(k) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u32) {
        // 5^13 is the largest power of five below 2^32.
        while n >= 13 {
            self.mul_small(1_220_703_125);
            n -= 13;
        }
        self.mul_small(5u32.pow(n));
    }

    fn shift_left(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let shifted = (u64::from(*limb) << bits) | u64::from(carry);
                *limb = shifted as u32;
                carry = (shifted >> 32) as u32;
            }
            self.0.push(carry);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// The decimal digits, most significant first, without leading zeros (none for zero).
    fn decimal_digits(mut self) -> Vec<u8> {
        const CHUNK: u64 = 1_000_000_000;
        let mut chunks = Vec::new();
        loop {
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
            if self.0.is_empty() {
                break;
            }
            let mut rem = 0u64;
            for limb in self.0.iter_mut().rev() {
                let cur = (rem << 32) | u64::from(*limb);
                *limb = (cur / CHUNK) as u32;
                rem = cur % CHUNK;
            }
            chunks.push(rem as u32);
        }
        let mut digits = Vec::with_capacity(chunks.len() * 9);
        for chunk in chunks.iter().rev() {
            let mut c = *chunk;
            let mut nine = [0u8; 9];
            for d in nine.iter_mut().rev() {
                *d = (c % 10) as u8;
                c /= 10;
            }
            digits.extend_from_slice(&nine);
        }
        let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
        digits.split_off(first)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EDGES: [f64; 24] = [
        0.0,
        -0.0,
        1.0,
        0.1,
        0.25,
        0.5,
        1.5,
        2.5,
        -0.04,
        0.125,
        0.375,
        21.4,
        66.66666666666667,
        350.0,
        1e21,
        1e23,
        1152921504606846976.0,
        1e-7,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::EPSILON,
        9007199254740993.0,
        0.30000000000000004,
    ];

    #[test]
    fn writes_what_core_writes_at_the_edges() {
        for x in
            EDGES.into_iter().chain(EDGES.map(|x| -x)).chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY])
        {
            assert_eq!(shortest(x), format!("{x}"), "shortest of {x:e}");
            for d in 0..=20 {
                assert_eq!(fixed(x, d).to_string(), format!("{x:.d$}"), "{x:e} with {d} decimals");
            }
        }
    }

    #[test]
    fn format_flags_work_as_they_do_for_an_f64() {
        for x in [1.5, -1.5, 0.0, -0.0, 1234.5678, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            let f = fixed(x, 2);
            assert_eq!(format!("{f:8}"), format!("{x:8.2}"), "{x}");
            assert_eq!(format!("{f:08}"), format!("{x:08.2}"), "{x}");
            assert_eq!(format!("{f:+}"), format!("{x:+.2}"), "{x}");
            assert_eq!(format!("{f:<9}|"), format!("{x:<9.2}|"), "{x}");
            assert_eq!(format!("{f:*^11}"), format!("{x:*^11.2}"), "{x}");
            assert_eq!(format!("{f:>+10}"), format!("{x:>+10.2}"), "{x}");
        }
    }

    thread_local! {
        /// How many numbers `shortest` has read back (each a `parseFloat` in the browser).
        pub(super) static READ_BACKS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn numbers_with_few_decimals_are_written_without_reading_back() {
        // Every label on the chart has its font size written (`12.5px`), and every share a
        // slider sets its tenths: none of them may cost a read-back.
        let tenths = (0..=10_000u32).map(|t| f64::from(t) / 10.0).filter(|x| *x != 0.5);
        for x in
            [12.5, 11.5, -2.5, 1.25, 12.75, 0.375, 99.95, 1234.5678, 1e-12, 1e11].into_iter().chain(tenths)
        {
            READ_BACKS.with(|n| n.set(0));
            assert_eq!(shortest(x), format!("{x}"));
            assert_eq!(READ_BACKS.with(std::cell::Cell::get), 0, "{x} was read back");
        }
        // What the fast path cannot write: 17 digits, and a power of two below one.
        for x in [0.1 + 0.2, 0.5, 0.125] {
            READ_BACKS.with(|n| n.set(0));
            assert_eq!(shortest(x), format!("{x}"));
            assert!(READ_BACKS.with(std::cell::Cell::get) > 0, "{x}");
        }
    }

    #[test]
    fn powers_of_two_and_ten_read_as_core_writes_them() {
        for e in -1074..=1023 {
            let x = 2f64.powi(e);
            assert_eq!(shortest(x), format!("{x}"), "2^{e}");
        }
        for e in -323..=308 {
            let x: f64 = format!("1e{e}").parse().unwrap_or(0.0);
            assert_eq!(shortest(x), format!("{x}"), "1e{e}");
            assert_eq!(fixed(x, 3).to_string(), format!("{x:.3}"), "1e{e}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn any_f64_is_written_as_core_writes_it(bits in any::<u64>(), d in 0usize..25) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(shortest(x), format!("{x}"));
            prop_assert_eq!(fixed(x, d).to_string(), format!("{x:.d$}"));
        }

        #[test]
        fn numbers_a_reader_sees_are_written_as_core_writes_them(x in -1e5f64..1e5, d in 0usize..7) {
            prop_assert_eq!(shortest(x), format!("{x}"));
            prop_assert_eq!(fixed(x, d).to_string(), format!("{x:.d$}"));
            let tenths = (x * 10.0).round() / 10.0;
            prop_assert_eq!(shortest(tenths), format!("{tenths}"));
            prop_assert_eq!(fixed(tenths, 1).to_string(), format!("{tenths:.1}"));
        }

        #[test]
        fn near_ties_are_rounded_as_core_rounds_them(x in -1e6f64..1e6, d in 0usize..5) {
            // Halfway between two numbers of `d` decimals, and the doubles on either side.
            let half = 0.5 / 10f64.powi(d as i32);
            let tie = (x * 10f64.powi(d as i32)).trunc() / 10f64.powi(d as i32) + half;
            for v in [tie, f64::from_bits(tie.to_bits() + 1), f64::from_bits(tie.to_bits() - 1)] {
                prop_assert_eq!(fixed(v, d).to_string(), format!("{v:.d$}"));
                prop_assert_eq!(shortest(v), format!("{v}"));
            }
        }
    }
}
