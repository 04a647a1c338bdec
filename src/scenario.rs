//! The one scenario encoding shared by the page URL, the CLI argument and every export.
//!
//! Raw `key=value` pairs ([`RawParams`]) are checked once into a [`Scenario`] that the rest of
//! the program trusts: every number finite and in range, shares summing to at most 100.
//! [`Scenario::to_query`] writes it back; parsing what it writes gives the same scenario.

use std::fmt;

use serde::Serialize;

use crate::decimal::shortest;
use crate::presets::Preset;
use crate::view::{Lang, ViewKey};

/// How the yearly amounts of the spread-out parts are loaded over the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The same amount every year.
    Even,
    /// Largest in the first year, falling linearly.
    Front,
    /// Smallest in the first year, rising linearly.
    Back,
}

impl Profile {
    /// Every profile, in display order.
    pub const ALL: [Profile; 3] = [Profile::Even, Profile::Front, Profile::Back];

    /// The name used in the query string.
    pub fn key(self) -> &'static str {
        match self {
            Profile::Even => "even",
            Profile::Front => "front",
            Profile::Back => "back",
        }
    }

    fn from_key(value: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.key() == value)
    }
}

/// Whose GDP, reserves and currency the summary uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Country {
    /// South Korea (won).
    Kr,
    /// Japan (yen).
    Jp,
    /// The European Union (euro).
    Eu,
}

impl Country {
    /// Every country, in display order.
    pub const ALL: [Country; 3] = [Country::Kr, Country::Jp, Country::Eu];

    /// The name used in the query string.
    pub fn key(self) -> &'static str {
        match self {
            Country::Kr => "kr",
            Country::Jp => "jp",
            Country::Eu => "eu",
        }
    }

    fn from_key(value: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|c| c.key() == value)
    }
}

/// A checked scenario. Percentages are 0–100; money is USD billions.
///
/// Invariant: built only by [`Scenario::default`], a [`Preset`], or parsing, so every field is in
/// the range its [`Key`] documents and `upfront + guarantees + loans + corporate <= 100`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// The preset the scenario starts from, if any; other fields override it.
    #[serde(serialize_with = "serialize_preset")]
    pub preset: Option<Preset>,
    /// Size of the pledge, USD bn.
    pub total: f64,
    /// Share paid as one lump sum of government cash in the first year, percent.
    pub upfront: f64,
    /// Share given as loan guarantees (no cash unless called), percent.
    pub guarantees: f64,
    /// Share lent by state lenders, percent.
    pub loans: f64,
    /// Share invested by companies with their own money, percent.
    pub corporate: f64,
    /// Share of state cash paid in the country's own currency, percent.
    pub krw: f64,
    /// Timeline in years over which everything but the upfront part is paid.
    pub years: u32,
    /// Loading of the yearly amounts.
    pub profile: Profile,
    /// Share of guarantees that end up called and paid, percent.
    pub calls: f64,
    /// Dollars the state can supply per year without destabilising its currency, USD bn.
    pub limit: f64,
    /// First calendar year.
    pub start: u32,
    /// Whose GDP, reserves and currency the summary uses.
    pub country: Country,
}

fn serialize_preset<S: serde::Serializer>(preset: &Option<Preset>, s: S) -> Result<S::Ok, S::Error> {
    match preset {
        Some(p) => s.serialize_some(p.key()),
        None => s.serialize_none(),
    }
}

impl Default for Scenario {
    /// The key defaults: the whole pledge of 350 as government cash, evenly over ten years,
    /// in dollars, against the Bank of Korea's 20 a year.
    fn default() -> Self {
        Scenario {
            preset: None,
            total: 350.0,
            upfront: 0.0,
            guarantees: 0.0,
            loans: 0.0,
            corporate: 0.0,
            krw: 0.0,
            years: 10,
            profile: Profile::Even,
            calls: 0.0,
            limit: 20.0,
            start: 2026,
            country: Country::Kr,
        }
    }
}

/// A query-string key of the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `preset`
    Preset,
    /// `total`
    Total,
    /// `upfront`
    Upfront,
    /// `guarantees`
    Guarantees,
    /// `loans`
    Loans,
    /// `corporate`
    Corporate,
    /// `krw`
    Krw,
    /// `years`
    Years,
    /// `profile`
    Profile,
    /// `calls`
    Calls,
    /// `limit`
    Limit,
    /// `start`
    Start,
    /// `country`
    Country,
}

/// What values a key accepts.
enum Domain {
    Number { min: f64, max: f64 },
    Whole { min: u32, max: u32 },
    Choice,
}

impl Key {
    /// Every key, in the order the query string writes them.
    pub const ALL: [Key; 13] = [
        Key::Preset,
        Key::Total,
        Key::Upfront,
        Key::Guarantees,
        Key::Loans,
        Key::Corporate,
        Key::Krw,
        Key::Years,
        Key::Profile,
        Key::Calls,
        Key::Limit,
        Key::Start,
        Key::Country,
    ];

    /// The share keys whose sum may not exceed 100.
    pub const SHARES: [Key; 4] = [Key::Upfront, Key::Guarantees, Key::Loans, Key::Corporate];

    /// The public name.
    pub fn name(self) -> &'static str {
        match self {
            Key::Preset => "preset",
            Key::Total => "total",
            Key::Upfront => "upfront",
            Key::Guarantees => "guarantees",
            Key::Loans => "loans",
            Key::Corporate => "corporate",
            Key::Krw => "krw",
            Key::Years => "years",
            Key::Profile => "profile",
            Key::Calls => "calls",
            Key::Limit => "limit",
            Key::Start => "start",
            Key::Country => "country",
        }
    }

    /// Looks a key up by its public name.
    pub fn from_name(name: &str) -> Option<Key> {
        // Read as a value is read: around its spaces and in any case (`Upfront =10`).
        let name = name.trim();
        Key::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name))
    }

    fn domain(self) -> Domain {
        match self {
            Key::Total => Domain::Number { min: 1.0, max: 5000.0 },
            Key::Upfront | Key::Guarantees | Key::Loans | Key::Corporate | Key::Krw | Key::Calls => {
                Domain::Number { min: 0.0, max: 100.0 }
            }
            Key::Limit => Domain::Number { min: 0.0, max: 1000.0 },
            Key::Years => Domain::Whole { min: 1, max: 30 },
            Key::Start => Domain::Whole { min: 2000, max: 2100 },
            Key::Preset | Key::Profile | Key::Country => Domain::Choice,
        }
    }

    /// The allowed values, in words, as error messages and docs show them.
    pub fn allowed(self) -> String {
        self.allowed_in(Lang::En)
    }

    /// The allowed values in words of `lang`.
    pub fn allowed_in(self, lang: Lang) -> String {
        match (self.domain(), lang) {
            (Domain::Number { min, max }, Lang::En) => {
                format!("a number from {} to {}", shortest(min), shortest(max))
            }
            (Domain::Number { min, max }, Lang::Ko) => {
                format!("{}부터 {}까지의 수", shortest(min), shortest(max))
            }
            (Domain::Whole { min, max }, Lang::En) => format!("a whole number from {min} to {max}"),
            (Domain::Whole { min, max }, Lang::Ko) => format!("{min}부터 {max}까지의 정수"),
            (Domain::Choice, _) => {
                let names: Vec<&str> = match self {
                    Key::Preset => Preset::ALL.iter().map(|p| p.key()).collect(),
                    Key::Profile => Profile::ALL.iter().map(|p| p.key()).collect(),
                    _ => Country::ALL.iter().map(|c| c.key()).collect(),
                };
                let one_of = crate::text::tr(lang, "one of ", "다음 중 하나: ");
                format!("{one_of}{}", names.join(", "))
            }
        }
    }

    /// The numeric range of a number key, `None` for choices.
    pub fn range(self) -> Option<(f64, f64)> {
        match self.domain() {
            Domain::Number { min, max } => Some((min, max)),
            Domain::Whole { min, max } => Some((f64::from(min), f64::from(max))),
            Domain::Choice => None,
        }
    }
}

/// Why one parameter was rejected.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ParamErrorKind {
    /// The key is neither a scenario key nor, in a link, a view key.
    UnknownKey,
    /// The key is not a scenario key where only those are read: inside a baseline (`base=`), or
    /// in a host's `set` message, which changes the scenario only. `inside` names where.
    NotAScenarioKey {
        /// Where only scenario keys are read ("a baseline").
        inside: &'static str,
    },
    /// The key appears more than once.
    Duplicate,
    /// The value is not a finite number (empty, text, NaN, infinite).
    NotANumber,
    /// The value is a number but the key takes whole numbers.
    NotAWholeNumber,
    /// The number is outside the key's range.
    OutOfRange,
    /// The value is not one of the key's names.
    UnknownChoice,
    /// `upfront + guarantees + loans + corporate` exceeds 100; reported against each share key given.
    SharesAbove100 {
        /// The sum that was asked for, to a tenth where that still reads as over 100.
        sum: f64,
    },
}

/// One rejected parameter: the key, the value given, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamError {
    /// The key as given.
    pub key: String,
    /// The value as given.
    pub value: String,
    /// What was wrong.
    pub kind: ParamErrorKind,
}

/// The keys a link knows, the scenario's then the view's, as a list in words.
pub fn link_keys() -> String {
    key_list(true)
}

/// The scenario's keys as a list in words, then the view's if `view_too`.
fn key_list(view_too: bool) -> String {
    let known: Vec<&str> = key_names(view_too).collect();
    known.join(", ")
}

/// The scenario's key names, then the view's if `view_too`.
fn key_names(view_too: bool) -> impl Iterator<Item = &'static str> {
    let view = ViewKey::ALL.iter().filter(move |_| view_too).map(|k| k.name());
    Key::ALL.iter().map(|k| k.name()).chain(view)
}

impl ParamError {
    /// Marks an unknown key as read where only scenario keys are: its message then lists those
    /// alone (`inside` names the place: "a baseline").
    pub fn only_scenario_keys(&mut self, inside: &'static str) {
        if self.kind == ParamErrorKind::UnknownKey {
            self.kind = ParamErrorKind::NotAScenarioKey { inside };
        }
    }

    /// The key an unknown one was likely meant to be, when that is plain: the known key that
    /// begins with the same three letters, in any case (`upfrnt`, `Year`, `language`,
    /// `baseline`: `upfront`, `years`, `lang`, `base`; no two keys share their first three).
    /// Only the scenario's keys are offered where only those are read; a baseline's key
    /// (`base.upfrnt`) is offered without its `base.`.
    pub fn suggestion(&self) -> Option<&'static str> {
        let only_scenario = match self.kind {
            ParamErrorKind::UnknownKey => false,
            ParamErrorKind::NotAScenarioKey { .. } => true,
            _ => return None,
        };
        let name = self.key.trim();
        let head = name.strip_prefix("base.").unwrap_or(name).get(..3)?;
        key_names(!only_scenario).find(|k| k.get(..3).is_some_and(|h| h.eq_ignore_ascii_case(head)))
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = allowed_for(&self.key, Lang::En);
        let (key, value) = (quoted(&self.key), quoted(&self.value));
        match &self.kind {
            ParamErrorKind::UnknownKey => {
                write!(
                    f,
                    "{key}={value}: unknown key{} (known keys: {})",
                    did_you_mean(Lang::En, self),
                    link_keys()
                )
            }
            ParamErrorKind::NotAScenarioKey { inside } => {
                // The view's keys are not known there, and not listed as known.
                let maybe = did_you_mean(Lang::En, self);
                write!(f, "{key}={value}: unknown key{maybe} (known keys in {inside}: {})", key_list(false))
            }
            ParamErrorKind::Duplicate => {
                write!(f, "{key}={value}: given more than once (allowed: once, {allowed})")
            }
            ParamErrorKind::NotANumber => write!(f, "{key}=\"{value}\": not a number (allowed: {allowed})"),
            ParamErrorKind::NotAWholeNumber => {
                write!(f, "{key}={value}: not a whole number (allowed: {allowed})")
            }
            ParamErrorKind::OutOfRange => write!(f, "{key}={value}: out of range (allowed: {allowed})"),
            ParamErrorKind::UnknownChoice => {
                write!(f, "{key}=\"{value}\": not recognised (allowed: {allowed})")
            }
            ParamErrorKind::SharesAbove100 { sum } => write!(
                f,
                "{key}={value}: upfront + guarantees + loans + corporate is {} (allowed: at most 100 in all)",
                shortest(*sum)
            ),
        }
    }
}

/// `; did you mean upfront?`, said after why a parameter was rejected, in words of `lang`; nothing
/// when it has no [`ParamError::suggestion`].
pub fn did_you_mean(lang: Lang, e: &ParamError) -> impl fmt::Display {
    DidYouMean(lang, e.suggestion())
}

struct DidYouMean(Lang, Option<&'static str>);

impl fmt::Display for DidYouMean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DidYouMean(_, None) => Ok(()),
            DidYouMean(Lang::En, Some(key)) => write!(f, "; did you mean {key}?"),
            DidYouMean(Lang::Ko, Some(key)) => write!(f, ", 혹시 {key}인가요?"),
        }
    }
}

/// What a scenario or view key named `name` allows, in words of `lang` (empty for an unknown key).
pub fn allowed_for(name: &str, lang: Lang) -> String {
    // A problem inside the pinned baseline is named `base.<key>`: what `<key>` allows.
    let name = name.strip_prefix("base.").unwrap_or(name);
    match (Key::from_name(name), ViewKey::from_name(name)) {
        (Some(key), _) => key.allowed_in(lang),
        (None, Some(key)) => key.allowed_in(lang),
        (None, None) => String::new(),
    }
}

/// A key or value as an error message quotes it. Control characters and `"` (which could garble
/// a terminal or close the quote) are shown as `\u{..}`, cheaper than `{:?}`, which pulls Unicode
/// tables into the wasm bundle. Past [`QUOTED_CHARS`] characters the rest is cut and marked `…`:
/// a mangled link or a host's 5 MB message gives a notice of a line, not a screen of it.
pub fn quoted(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .by_ref()
        .take(QUOTED_CHARS)
        .map(
            |c| if c.is_control() || c == '"' { format!("\\u{{{:x}}}", u32::from(c)) } else { c.to_string() },
        )
        .collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// How many characters of a key or value an error message quotes ([`quoted`]).
pub const QUOTED_CHARS: usize = 40;

/// Every problem found in one query string.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", display_errors(.errors))]
pub struct ScenarioError {
    /// The rejected parameters, in the order given.
    pub errors: Vec<ParamError>,
}

/// How many problems a message lists before it counts the rest (the CLI's too).
pub const LISTED_ERRORS: usize = 20;

fn display_errors(errors: &[ParamError]) -> String {
    // Twenty lines, then a count: a host's `set` with 50 000 bad keys wrote a 7.8 MB warning to
    // the console, each line with the twenty known keys, and the embed took a second to answer.
    let mut lines: Vec<String> = errors.iter().take(LISTED_ERRORS).map(ParamError::to_string).collect();
    if let Some(more) = errors.len().checked_sub(LISTED_ERRORS).filter(|n| *n > 0) {
        lines.push(format!("… and {more} more"));
    }
    lines.join("\n")
}

/// Raw `key=value` pairs from a query string, a whole URL, or CLI words, not yet checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawParams {
    /// The decoded pairs, in order.
    pub pairs: Vec<(String, String)>,
}

impl RawParams {
    /// Splits a query string: a bare `a=1&b=2`, one with a leading `?`, or a whole URL (the
    /// part after `?`, without any `#fragment`). Percent-escapes and `+` are decoded. With no
    /// `?`, the input is an address (no pairs) only when it starts with a scheme and `://`:
    /// `years=5&upfront=http://x` is a query whose `upfront` is refused, not an address.
    /// Keys that sites and mail tools add to a shared link to count clicks ([`is_tracking_key`])
    /// are not the scenario's and are left out, as an empty pair is.
    pub fn from_query(input: &str) -> RawParams {
        let input = input.trim();
        let query = match input.split_once('?') {
            Some((_, q)) => q,
            None if input
                .split_once("://")
                .is_some_and(|(scheme, _)| scheme.bytes().all(|b| b.is_ascii_alphabetic())) =>
            {
                ""
            }
            None => input,
        };
        let query = query.split_once('#').map_or(query, |(q, _)| q);
        let pairs = form_urlencoded::parse(query.as_bytes())
            .filter(|(k, v)| !((k.is_empty() && v.is_empty()) || is_tracking_key(k)))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        RawParams { pairs }
    }

    /// Removes and returns the pairs whose key satisfies `pred` (e.g. the page's own view keys).
    pub fn take(&mut self, pred: impl Fn(&str) -> bool) -> Vec<(String, String)> {
        let (taken, kept) = std::mem::take(&mut self.pairs).into_iter().partition(|(k, _)| pred(k));
        self.pairs = kept;
        taken
    }
}

/// Whether `key` is one that a site, an ad network or a mail tool appends to a link it passes on
/// to count the clicks (Google Analytics' `utm_…`, Facebook's `fbclid`, Instagram's `igshid`,
/// Google's and Microsoft's ad clicks' `gclid` and `msclkid`, Mailchimp's `mc_cid`, `mc_eid`):
/// a reader who follows an article's link from a feed did not write it, and a notice naming it,
/// with the list of known keys, took 310 px of a phone's screen above the chart. Read in any
/// case, as the scenario's keys are.
pub fn is_tracking_key(key: &str) -> bool {
    let key = key.trim();
    key.get(..4).is_some_and(|head| head.eq_ignore_ascii_case("utm_"))
        || ["fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "igshid"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(key))
}

/// A query string being written: `key=value` pairs joined by `&`, each side encoded as
/// `application/x-www-form-urlencoded` exactly as `form_urlencoded::Serializer` writes it
/// (ASCII letters, digits and `*-._` kept, a space as `+`, every other byte as `%XX`). The
/// crate still reads every link ([`RawParams::from_query`]); its writer is not used: its
/// table of the 256 escapes and its slicing cost the page 510 B as served (bench/README.md).
/// **Invariant:** the same text as the crate's writer for any pairs (proptest,
/// `tests/fuzz_link.rs`).
#[derive(Default)]
pub struct QueryWriter(String);

impl QueryWriter {
    /// Appends `key=value`, after a `&` unless it is the first pair.
    pub fn pair(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        form_encode(key, &mut self.0);
        self.0.push('=');
        form_encode(value, &mut self.0);
    }

    /// The query string, without a leading `?`.
    pub fn finish(self) -> String {
        self.0
    }
}

fn form_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        match byte {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                for nibble in [byte >> 4, byte & 0xf] {
                    out.push(char::from_digit(u32::from(nibble), 16).map_or('0', |c| c.to_ascii_uppercase()));
                }
            }
        }
    }
}

/// A parsed value of one key.
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
enum Value {
    Number(f64),
    Whole(u32),
    Preset(Preset),
    Profile(Profile),
    Country(Country),
}

/// Reads a decimal number as Rust's `f64` parser does (`12`, `-0.5`, `1.`, `.5`, `+3`, `1e3`,
/// `2.5E-1`), except that the words `inf`, `infinity` and `nan` are not numbers here (they were
/// rejected as not finite anyway). `None` when `text` is not such a number; out-of-range
/// exponents give an infinity or zero, as in Rust.
///
/// In the browser the conversion itself is JavaScript's `parseFloat`, which rounds correctly like
/// Rust's parser: this keeps Rust's table of powers of five (10 KB that gzip cannot shrink) out
/// of the bundle. The grammar is checked here on every platform, so a link means the same
/// number in the browser and in the CLI (a test in `tests/web.rs` compares the two).
pub fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    decimal_value(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn decimal_value(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[cfg(target_arch = "wasm32")]
fn decimal_value(text: &str) -> Option<f64> {
    // `text` is a whole decimal number (checked above), so parseFloat reads all of it.
    Some(js_sys::parse_float(text))
}

fn check_value(key: Key, raw: &str) -> Result<Value, ParamErrorKind> {
    let text = raw.trim();
    match key.domain() {
        // A whole-number key too: any spelling of a number (`30`, `30.0`, `1e1`, `-3`) is
        // checked as the number it is, like a typed one (`years=30.0` was refused as out of range).
        Domain::Number { .. } | Domain::Whole { .. } => {
            check_number(key, parse_number(text).ok_or(ParamErrorKind::NotANumber)?)
        }
        Domain::Choice => {
            let lower = text.to_ascii_lowercase();
            let found = match key {
                Key::Preset => Preset::from_key(&lower).map(Value::Preset),
                Key::Profile => Profile::from_key(&lower).map(Value::Profile),
                _ => Country::from_key(&lower).map(Value::Country),
            };
            found.ok_or(ParamErrorKind::UnknownChoice)
        }
    }
}

/// Checks a number for `key` as `check_value` checks its decimal spelling, without the round trip
/// through text (the feasibility map sets two values for each of its hundreds of cells); the
/// text path checks every `Number` key's parsed value here.
fn check_number(key: Key, n: f64) -> Result<Value, ParamErrorKind> {
    match key.domain() {
        Domain::Choice => Err(ParamErrorKind::UnknownChoice),
        _ if !n.is_finite() => Err(ParamErrorKind::NotANumber),
        Domain::Number { min, max } if (min..=max).contains(&n) => {
            // The limit to the $0.1 m the page writes amounts to: a limit a hair above zero
            // (`limit=1e-300`, "$0 bn") made the peak a 300-digit multiple of it.
            let n = if key == Key::Limit { (n * 1e4).round() / 1e4 } else { n };
            // -0 and 0 are the same setting; keep one spelling so encoding is canonical.
            Ok(Value::Number(if n == 0.0 { 0.0 } else { n }))
        }
        Domain::Whole { min, max } => whole(n, min, max).map(Value::Whole),
        Domain::Number { .. } => Err(ParamErrorKind::OutOfRange),
    }
}

/// `n` as a whole number from `min` to `max`: the one check of every whole-number key, the
/// view's tour step among them (`step=3.0` is step 3, as `years=30.0` is 30 years).
pub(crate) fn whole(n: f64, min: u32, max: u32) -> Result<u32, ParamErrorKind> {
    if !n.is_finite() {
        Err(ParamErrorKind::NotANumber)
    } else if n.fract() != 0.0 {
        Err(ParamErrorKind::NotAWholeNumber)
    } else if (f64::from(min)..=f64::from(max)).contains(&n) {
        // In range and whole, so the conversion is exact.
        Ok(n as u32)
    } else {
        Err(ParamErrorKind::OutOfRange)
    }
}

impl Scenario {
    /// The value of a number key (shares, money, years) as a number.
    pub fn get(&self, key: Key) -> Option<f64> {
        Some(match key {
            Key::Total => self.total,
            Key::Upfront => self.upfront,
            Key::Guarantees => self.guarantees,
            Key::Loans => self.loans,
            Key::Corporate => self.corporate,
            Key::Krw => self.krw,
            Key::Years => f64::from(self.years),
            Key::Calls => self.calls,
            Key::Limit => self.limit,
            Key::Start => f64::from(self.start),
            Key::Preset | Key::Profile | Key::Country => return None,
        })
    }

    /// Sets a number key, checking it as parsing would. Shares are not re-balanced here: the
    /// caller decides what gives way (see [`Scenario::set_share_giving_way`]).
    pub fn set(&mut self, key: Key, value: f64) -> Result<(), ParamErrorKind> {
        let checked = check_number(key, value)?;
        self.apply(key, checked);
        Ok(())
    }

    /// Sets one share and, if the four shares would then exceed 100, takes the excess from the
    /// other shares (largest first), so the share being moved always wins. Returns the keys that
    /// gave way.
    pub fn set_share_giving_way(&mut self, key: Key, value: f64) -> Result<Vec<Key>, ParamErrorKind> {
        if !Key::SHARES.contains(&key) {
            return self.set(key, value).map(|()| Vec::new());
        }
        self.set(key, value)?;
        let mut gave_way = Vec::new();
        let mut excess = self.share_sum() - 100.0;
        while excess > 1e-9 {
            let Some(largest) = Key::SHARES
                .into_iter()
                .filter(|k| *k != key)
                .max_by(|a, b| self.share(*a).total_cmp(&self.share(*b)))
            else {
                break;
            };
            let current = self.share(largest);
            if current <= 0.0 {
                break;
            }
            let cut = excess.min(current);
            self.set_share_raw(largest, current - cut);
            excess -= cut;
            gave_way.push(largest);
        }
        Ok(gave_way)
    }

    fn share(&self, key: Key) -> f64 {
        self.get(key).unwrap_or(0.0)
    }

    fn set_share_raw(&mut self, key: Key, value: f64) {
        let value = (value.max(0.0) * 1e9).round() / 1e9;
        match key {
            Key::Upfront => self.upfront = value,
            Key::Guarantees => self.guarantees = value,
            Key::Loans => self.loans = value,
            Key::Corporate => self.corporate = value,
            _ => {}
        }
    }

    /// `upfront + guarantees + loans + corporate`, percent.
    pub fn share_sum(&self) -> f64 {
        self.upfront + self.guarantees + self.loans + self.corporate
    }

    /// Whether the four shares add up to at most 100 (allowing for float rounding).
    pub fn shares_fit(&self) -> bool {
        self.share_sum() <= 100.0 + 1e-9
    }

    /// The derived share invested directly as government cash through capital calls, percent.
    pub fn direct(&self) -> f64 {
        (100.0 - self.share_sum()).max(0.0)
    }

    fn apply(&mut self, key: Key, value: Value) {
        match (key, value) {
            (Key::Total, Value::Number(n)) => self.total = n,
            (Key::Upfront, Value::Number(n)) => self.upfront = n,
            (Key::Guarantees, Value::Number(n)) => self.guarantees = n,
            (Key::Loans, Value::Number(n)) => self.loans = n,
            (Key::Corporate, Value::Number(n)) => self.corporate = n,
            (Key::Krw, Value::Number(n)) => self.krw = n,
            (Key::Calls, Value::Number(n)) => self.calls = n,
            (Key::Limit, Value::Number(n)) => self.limit = n,
            (Key::Years, Value::Whole(n)) => self.years = n,
            (Key::Start, Value::Whole(n)) => self.start = n,
            (Key::Profile, Value::Profile(p)) => self.profile = p,
            (Key::Country, Value::Country(c)) => self.country = c,
            (Key::Preset, Value::Preset(p)) => self.preset = Some(p),
            _ => {}
        }
    }

    /// Parses a query string (or a whole URL) strictly: any problem is an error naming every
    /// bad key, its value and the allowed range.
    pub fn parse(query: &str) -> Result<Scenario, ScenarioError> {
        Scenario::from_raw(&RawParams::from_query(query))
    }

    /// Checks raw parameters strictly.
    pub fn from_raw(raw: &RawParams) -> Result<Scenario, ScenarioError> {
        let (scenario, errors) = Scenario::from_raw_lenient(raw);
        if errors.is_empty() {
            Ok(scenario)
        } else {
            Err(ScenarioError { errors })
        }
    }

    /// Checks raw parameters leniently, as the page does with a pasted link: every bad key
    /// falls back to its base value (the preset's, or the default), and the problems are returned
    /// to be shown. The scenario returned is always valid.
    pub fn from_raw_lenient(raw: &RawParams) -> (Scenario, Vec<ParamError>) {
        let mut errors = Vec::new();
        let mut seen: Vec<Key> = Vec::new();
        let mut checked: Vec<(Key, Value, &(String, String))> = Vec::new();
        for pair in &raw.pairs {
            let (name, value) = pair;
            let error = |kind| ParamError { key: name.clone(), value: value.clone(), kind };
            let Some(key) = Key::from_name(name) else {
                errors.push(error(ParamErrorKind::UnknownKey));
                continue;
            };
            if seen.contains(&key) {
                errors.push(error(ParamErrorKind::Duplicate));
                // A key given twice is ambiguous: neither value is used.
                checked.retain(|(k, _, _)| *k != key);
                continue;
            }
            seen.push(key);
            match check_value(key, value) {
                Ok(v) => checked.push((key, v, pair)),
                Err(kind) => errors.push(error(kind)),
            }
        }
        let preset = checked.iter().find_map(|(_, v, _)| match v {
            Value::Preset(p) => Some(*p),
            _ => None,
        });
        let base = preset.map_or_else(Scenario::default, Preset::scenario);
        let mut scenario = base.clone();
        for (key, value, _) in checked.iter().filter(|(k, _, _)| *k != Key::Preset) {
            scenario.apply(*key, *value);
        }
        // Shown to a tenth where that still reads as over 100, else to a billionth: a preset's
        // 300/7 % made it "142.85714285714286" (`preset=kr-deal&upfront=100`), float noise
        // "100.03999999999999".
        let sum = scenario.share_sum();
        let to = |p: f64| (sum * p).round() / p;
        let sum = if to(10.0) > 100.0 { to(10.0) } else { to(1e9) };
        if !scenario.shares_fit() {
            for (key, _, (name, value)) in checked.iter().filter(|(k, _, _)| Key::SHARES.contains(k)) {
                errors.push(ParamError {
                    key: name.clone(),
                    value: value.clone(),
                    kind: ParamErrorKind::SharesAbove100 { sum },
                });
                // The base's value exactly: rounded to a billionth, kr-deal's 150/7 % read as
                // "(changed)" and went into the link as 21.428571429.
                scenario.apply(*key, Value::Number(base.share(*key)));
            }
        }
        (scenario, errors)
    }

    /// The canonical query string (no leading `?`): `preset` first if any, then every key whose
    /// value differs from the base (the preset's, or the default), in [`Key::ALL`] order.
    /// Parsing it gives back this scenario.
    pub fn to_query(&self) -> String {
        let base = self.preset.map_or_else(Scenario::default, Preset::scenario);
        let mut out = QueryWriter::default();
        for key in Key::ALL {
            if let Some(value) = self.value_text(key, &base) {
                out.pair(key.name(), &value);
            }
        }
        out.finish()
    }

    /// Every key with its value, as the JSON export and the CLI title show them.
    pub fn to_query_full(&self) -> String {
        let mut out = QueryWriter::default();
        for key in Key::ALL {
            if let Some(value) = self.text(key) {
                out.pair(key.name(), &value);
            }
        }
        out.finish()
    }

    fn text(&self, key: Key) -> Option<String> {
        match key {
            Key::Preset => self.preset.map(|p| p.key().to_owned()),
            Key::Profile => Some(self.profile.key().to_owned()),
            Key::Country => Some(self.country.key().to_owned()),
            _ => self.get(key).map(shortest),
        }
    }

    fn value_text(&self, key: Key, base: &Scenario) -> Option<String> {
        if key == Key::Preset || !self.same_at(key, base) {
            self.text(key)
        } else {
            None
        }
    }

    /// Whether `key` has the same value in both.
    pub fn same_at(&self, key: Key, other: &Scenario) -> bool {
        match key {
            Key::Preset => self.preset == other.preset,
            Key::Profile => self.profile == other.profile,
            Key::Country => self.country == other.country,
            _ => self.get(key) == other.get(key),
        }
    }

    /// Whether every key has the same value in both (what `to_query` compares against its base).
    pub fn same_as(&self, other: &Scenario) -> bool {
        Key::ALL.into_iter().all(|key| self.same_at(key, other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Scenario::set` checks numbers without printing them; it must accept, reject and store
    /// exactly what the checked text would.
    #[test]
    fn set_checks_a_number_as_its_decimal_text_is_checked() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            12.0,
            12.25,
            29.999,
            30.0,
            30.5,
            31.0,
            99.99,
            100.0,
            100.000_000_1,
            999.5,
            1000.0,
            1000.5,
            1999.0,
            2000.0,
            2025.0,
            2100.0,
            2100.5,
            2101.0,
            4999.9,
            5000.0,
            5000.1,
            1e-7,
            1e300,
            -1e300,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        values.extend((0..=2200).map(|i| f64::from(i) * 0.37));
        values.extend((0..=120).map(|i| f64::from(i) - 10.0));
        for key in Key::ALL {
            for &v in &values {
                let by_text = check_value(key, &v.to_string());
                let by_number = check_number(key, v);
                assert_eq!(by_number, by_text, "{key:?} {v}");
                let (mut a, mut b) = (Scenario::default(), Scenario::default());
                let set = a.set(key, v);
                let stored_ok = set.is_ok();
                if let Ok(value) = by_text {
                    b.apply(key, value);
                }
                assert_eq!((set, &a), (by_text.map(|_| ()), &b), "{key:?} {v}");
                if let Some(stored) = a.get(key).filter(|_| stored_ok) {
                    assert!(stored.to_bits() != (-0.0f64).to_bits(), "{key:?} {v} stored as -0");
                }
            }
        }
    }

    #[test]
    fn control_characters_and_quotes_in_values_are_escaped_in_messages() {
        let err = Scenario::parse("profile=a%1B%22b").unwrap_err();
        assert!(err.to_string().starts_with("profile=\"a\\u{1b}\\u{22}b\": not recognised"), "{err}");
    }

    #[test]
    fn long_keys_and_values_are_quoted_by_their_first_characters_in_both_languages() {
        let long = "9".repeat(5_000_000);
        let query = format!(
            "upfront={long}&{}=1&profile=%1B{}&years=1&years=2{}",
            "k".repeat(41),
            "a".repeat(60),
            "0".repeat(45)
        );
        let err = Scenario::parse(&query).unwrap_err();
        let nines = "9".repeat(QUOTED_CHARS);
        let ks = "k".repeat(QUOTED_CHARS);
        let a39 = "a".repeat(QUOTED_CHARS - 1);
        let en: Vec<String> = err.errors.iter().map(ToString::to_string).collect();
        let ko: Vec<String> = err.errors.iter().map(|e| crate::text::param_error(Lang::Ko, e)).collect();
        // Five million digits are past every float: not a number, as `1e999` is.
        assert_eq!(en[0], format!("upfront=\"{nines}…\": not a number (allowed: a number from 0 to 100)"));
        assert!(en[1].starts_with(&format!("{ks}…=1: unknown key")), "{}", en[1]);
        // A control character counts as one of the forty.
        assert!(en[2].starts_with(&format!("profile=\"\\u{{1b}}{a39}…\": not recognised")), "{}", en[2]);
        assert!(
            en[3].starts_with(&format!("years=2{}…: given more than once", "0".repeat(QUOTED_CHARS - 1))),
            "{}",
            en[3]
        );
        assert_eq!(ko[0], format!("upfront=\"{nines}…\": 숫자가 아님 (허용: 0부터 100까지의 수)"));
        assert_eq!(ko[1], format!("{ks}…=1: 알 수 없는 키"));
        assert!(ko[2].starts_with(&format!("profile=\"\\u{{1b}}{a39}…\": 알 수 없는 값")), "{}", ko[2]);
        // Forty characters exactly are quoted whole.
        let err = Scenario::parse(&format!("upfront={nines}")).unwrap_err();
        assert!(err.to_string().starts_with(&format!("upfront={nines}: out of range")), "{err}");
        assert!(en.iter().chain(&ko).all(|m| m.chars().count() < 300), "{en:?} {ko:?}");
    }

    #[test]
    fn empty_query_is_the_default() {
        assert_eq!(Scenario::parse("").unwrap(), Scenario::default());
        assert_eq!(Scenario::parse("?").unwrap(), Scenario::default());
        assert_eq!(Scenario::default().to_query(), "");
    }

    #[test]
    fn accepts_bare_query_leading_question_mark_and_whole_url() {
        let want = Scenario { upfront: 20.0, years: 12, ..Scenario::default() };
        for input in [
            "upfront=20&years=12",
            "?upfront=20&years=12",
            "https://example.org/explorer/?upfront=20&years=12#chart",
            "  upfront=20&years=12  ",
        ] {
            assert_eq!(Scenario::parse(input).unwrap(), want, "{input}");
        }
        assert_eq!(Scenario::parse("https://example.org/").unwrap(), Scenario::default());
    }

    #[test]
    fn a_value_holding_an_address_is_refused_not_read_as_an_address() {
        // Read as an address, `years=5` was dropped and the bad `upfront` never reported.
        let err = Scenario::parse("years=5&upfront=http://x").unwrap_err();
        assert_eq!(err.errors.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(), ["upfront"]);
        let err = Scenario::parse("years=5&https://x").unwrap_err();
        assert_eq!(err.errors.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(), ["https://x"]);
    }

    #[test]
    fn error_names_every_bad_key_value_and_range() {
        let err = Scenario::parse("upfront=abc&years=31&colour=red&profile=zigzag").unwrap_err();
        let text = err.to_string();
        assert_eq!(err.errors.len(), 4, "{text}");
        assert!(text.contains("upfront=\"abc\": not a number (allowed: a number from 0 to 100)"), "{text}");
        assert!(text.contains("years=31: out of range (allowed: a whole number from 1 to 30)"), "{text}");
        assert!(text.contains("colour=red: unknown key"), "{text}");
        assert!(
            text.contains("profile=\"zigzag\": not recognised (allowed: one of even, front, back)"),
            "{text}"
        );
    }

    #[test]
    fn rejects_nan_infinity_empty_negative_fraction_years_and_duplicates() {
        for (query, kind) in [
            ("limit=NaN", ParamErrorKind::NotANumber),
            ("total=inf", ParamErrorKind::NotANumber),
            ("krw=", ParamErrorKind::NotANumber),
            ("calls=-1", ParamErrorKind::OutOfRange),
            ("total=1e300", ParamErrorKind::OutOfRange),
            ("years=2.5", ParamErrorKind::NotAWholeNumber),
            ("years=30.5", ParamErrorKind::NotAWholeNumber),
            ("years=-3", ParamErrorKind::OutOfRange),
            ("years=31.0", ParamErrorKind::OutOfRange),
            ("years=1e999", ParamErrorKind::NotANumber),
            ("years=ten", ParamErrorKind::NotANumber),
            ("start=1999", ParamErrorKind::OutOfRange),
        ] {
            let err = Scenario::parse(query).unwrap_err();
            assert_eq!(err.errors[0].kind, kind, "{query}");
        }
        let err = Scenario::parse("years=5&years=6").unwrap_err();
        assert_eq!(err.errors[0].kind, ParamErrorKind::Duplicate);
    }

    #[test]
    fn a_near_miss_suggests_what_it_likely_meant() {
        let first = |q: &str| Scenario::parse(q).unwrap_err().errors[0].suggestion();
        for (given, meant) in [
            ("upfrnt", "upfront"),
            ("Year", "years"),
            ("guarentees", "guarantees"),
            ("language", "lang"),
            ("baseline", "base"),
            ("start_year", "start"),
            ("control", "controls"),
            ("COUNTRIES", "country"),
        ] {
            assert_eq!(first(&format!("{given}=1")), Some(meant), "{given}");
        }
        // Too short to say, or no key begins so.
        for given in ["x", "ye", "kwr", "company", "currency", "", "\u{1f600}"] {
            assert_eq!(first(&format!("{given}=1")), None, "{given}");
        }
        // Only a key is suggested.
        assert_eq!(first("upfront=50%"), None);
        // Said in the message, in either language.
        let e = &Scenario::parse("upfrnt=20").unwrap_err().errors[0];
        assert!(
            e.to_string().starts_with("upfrnt=20: unknown key; did you mean upfront? (known keys: "),
            "{e}"
        );
        assert_eq!(crate::text::unknown_key(Lang::Ko, e), "upfrnt=20: 알 수 없는 키, 혹시 upfront인가요?");
        // In a baseline, only the scenario's keys are offered, without the `base.`.
        let mut e = Scenario::parse("themes=dark").unwrap_err().errors.remove(0);
        assert_eq!(e.suggestion(), Some("theme"));
        e.only_scenario_keys("a baseline");
        assert_eq!(e.suggestion(), None);
        let (_, errors) = crate::view::View::take(&mut RawParams::from_query("base=upfrnt%3D3"));
        assert_eq!(errors[0].key, "base.upfrnt");
        assert_eq!(errors[0].suggestion(), Some("upfront"));
    }

    #[test]
    fn a_message_lists_twenty_problems_then_counts_the_rest() {
        let many: Vec<String> = (0..50_000).map(|i| format!("x{i}=1")).collect();
        let err = Scenario::parse(&many.join("&")).unwrap_err();
        assert_eq!(err.errors.len(), 50_000);
        let text = err.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), LISTED_ERRORS + 1);
        assert!(lines[19].starts_with("x19=1: unknown key"), "{}", lines[19]);
        assert_eq!(lines[20], "… and 49980 more");
        // Twenty exactly: no count.
        let err = Scenario::parse(&many[..20].join("&")).unwrap_err();
        assert_eq!(err.to_string().lines().count(), 20);
    }

    #[test]
    fn shares_above_100_are_reported_against_each_share_given() {
        let err = Scenario::parse("upfront=60&loans=50").unwrap_err();
        assert_eq!(err.errors.len(), 2);
        assert!(err.to_string().contains("is 110"), "{err}");
        assert!(Scenario::parse("upfront=60&loans=40").is_ok());
        // A preset's fractional share, to a tenth; a sum a hair over 100, exactly.
        let err = Scenario::parse("preset=kr-deal&upfront=100").unwrap_err();
        assert!(err.to_string().contains(" is 142.9 (allowed"), "{err}");
        let err = Scenario::parse("upfront=60&loans=40.04").unwrap_err();
        assert!(err.to_string().contains(" is 100.04 (allowed"), "{err}");
    }

    #[test]
    fn lenient_parse_falls_back_only_the_bad_keys() {
        let raw = RawParams::from_query("upfront=20&years=abc&krw=30&zzz=1");
        let (scenario, errors) = Scenario::from_raw_lenient(&raw);
        assert_eq!(errors.len(), 2);
        assert_eq!(scenario.upfront, 20.0);
        assert_eq!(scenario.krw, 30.0);
        assert_eq!(scenario.years, Scenario::default().years);
    }

    #[test]
    fn click_counting_keys_are_not_the_scenarios_and_are_left_out() {
        let link = "https://news.example/kr?years=5&fbclid=IwAR0abc&UTM_Source=feed&utm_medium=social&gclid=x&mc_eid=1";
        let raw = RawParams::from_query(link);
        assert_eq!(raw.pairs, vec![("years".to_owned(), "5".to_owned())]);
        assert_eq!(Scenario::parse(link).map(|s| s.to_query()), Ok("years=5".to_owned()));
        // Only those: a key merely like one is still refused, named.
        for near in ["utm=1", "fbclid2=1", "x_utm_source=1"] {
            let err = Scenario::parse(near).unwrap_err();
            assert!(err.to_string().contains("unknown key"), "{near}: {err}");
        }
    }

    #[test]
    fn explicit_keys_override_the_preset() {
        let s = Scenario::parse("preset=us-demand&years=3").unwrap();
        assert_eq!(s.preset, Some(Preset::UsDemand));
        assert_eq!(s.upfront, 100.0);
        assert_eq!(s.years, 3);
        assert_eq!(s.to_query(), "preset=us-demand&years=3");
    }

    #[test]
    fn the_moved_share_wins_and_the_largest_other_gives_way() {
        let mut s = Scenario { guarantees: 50.0, loans: 30.0, ..Scenario::default() };
        let gave_way = s.set_share_giving_way(Key::Upfront, 40.0).unwrap();
        assert_eq!(s.upfront, 40.0);
        assert_eq!(gave_way, vec![Key::Guarantees]);
        assert_eq!(s.guarantees, 30.0);
        assert_eq!(s.share_sum(), 100.0);
        let gave_way = s.set_share_giving_way(Key::Upfront, 100.0).unwrap();
        assert_eq!((s.guarantees, s.loans, s.corporate), (0.0, 0.0, 0.0));
        assert_eq!(gave_way.len(), 2);
    }

    /// A whole-number key takes any spelling of a whole number in its range, as a typed value
    /// does (refusals, each for its reason, are in the test above).
    #[test]
    fn whole_number_keys_read_other_spellings_of_a_whole_number() {
        assert_eq!(Scenario::parse("years=30.0").unwrap().years, 30);
        assert_eq!(
            Scenario::parse("years=1e1&start=2.03e3").unwrap(),
            Scenario::parse("years=10&start=2030").unwrap()
        );
    }

    /// A share refused for pushing the sum over 100 falls back to the preset's own value, exactly:
    /// the link then names the preset alone, unchanged.
    #[test]
    fn a_refused_share_falls_back_to_the_presets_exact_value() {
        for link in ["preset=kr-deal&corporate=100", "preset=kr-deal&guarantees=100", "preset=japan&loans=90"]
        {
            let (s, errors) = Scenario::from_raw_lenient(&RawParams::from_query(link));
            assert_eq!(errors.len(), 1, "{link}");
            let preset = s.preset.unwrap();
            assert!(s.same_as(&preset.scenario()), "{link}: {}", s.to_query());
            assert_eq!(s.to_query(), format!("preset={}", preset.key()), "{link}");
        }
    }

    #[test]
    fn whole_numbers_written_without_a_decimal_point() {
        let s = Scenario { upfront: 20.0, krw: 30.5, ..Scenario::default() };
        assert_eq!(s.to_query(), "upfront=20&krw=30.5");
    }
}
