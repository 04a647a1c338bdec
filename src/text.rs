//! Words and number formats the chart, the table and the page share: the scenario title, the
//! summary lines and the one-sentence narration.

use crate::decimal::{fixed, shortest};
use crate::facts;
use crate::model::Summary;
use crate::scenario::{Country, Scenario};
use crate::view::Lang;

/// The English or the Korean text, as `lang` says: UI words are written in pairs where they
/// are used, so a missing translation is a compile error rather than a blank.
pub fn tr(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// The "cite this scenario" line: the model and data versions, the scenario and its link.
pub fn cite_line(lang: Lang, s: &Scenario, link: &str) -> String {
    let (model, data, scenario) = match lang {
        Lang::En => ("model", "data as of", "Scenario"),
        Lang::Ko => ("모델", "데이터 기준일", "시나리오"),
    };
    format!(
        "pledge-explorer, {model} {}, {data} {}. {scenario}: {}. {link}",
        env!("CARGO_PKG_VERSION"),
        facts::DATA_AS_OF,
        title(lang, s)
    )
}

/// A share in percent, one decimal, trailing `.0` dropped: `21.4`, `20`.
pub fn pct(x: f64) -> String {
    let text = fixed(x, 1).to_string();
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A figure for English prose, cards and tables: [`pct`]'s digits, grouped by thousands:
/// `5,000`, `1,166`, `13.5` (Korean money is [`eok_figure`]).
pub fn figure(x: f64) -> String {
    grouped(&pct(x))
}

/// A number with thousands separators in its whole part: `3,500`, `-1,234.5`.
pub fn grouped(number: &str) -> String {
    let whole = number.bytes().take_while(|b| *b != b'.').count();
    let mut out = String::new();
    for (i, b) in number.bytes().enumerate() {
        // Before every third digit from the end of the whole part, never right after the sign.
        if i > 0 && i < whole && (whole - i) % 3 == 0 && !out.ends_with('-') {
            out.push(',');
        }
        out.push(char::from(b));
    }
    out
}

/// An amount in USD bn as a whole count of 억 (10^8) dollars, as Korean readers count money:
/// 1 bn is 10억, and the English figure's one decimal (rounded as `pct` rounds it, half to even
/// on the exact value) is one 억, so both languages show the same amount.
fn eok(x: f64) -> u64 {
    fixed(x.abs(), 1)
        .to_string()
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
}

/// An amount in USD bn for a Korean table: the count of 억 dollars, grouped: `214`, `-3,300`.
pub fn eok_figure(x: f64) -> String {
    let n = eok(x);
    grouped(&format!("{}{n}", if x < 0.0 && n > 0 { "-" } else { "" }))
}

/// Money in USD bn for prose, as a reader of the language reads it: `$350 bn`, `$5,000 bn`,
/// `-$330 bn`; in Korean in units of 억 (10^8) and 조 (10^12): `3,500억 달러`, `1조 2,000억 달러`.
pub fn usd_bn(lang: Lang, x: f64) -> String {
    let x = if x.abs() < 5e-5 { 0.0 } else { x };
    let sign = if x < 0.0 { "-" } else { "" };
    // Under $0.1 bn, in millions (one decimal; in Korean 만, the same amount): `$1 m`,
    // `100만 달러`. A limit of 0.001 read "$0 bn" beside a peak 350,000 times it.
    let tenths_of_m = (x.abs() * 1e4).round();
    if x != 0.0 && tenths_of_m < 1000.0 {
        return match lang {
            Lang::En => format!("{sign}${} m", figure(tenths_of_m / 10.0)),
            Lang::Ko => format!("{sign}{}만 달러", grouped(&(tenths_of_m as u64 * 10).to_string())),
        };
    }
    match lang {
        Lang::En => format!("{sign}${} bn", figure(x.abs())),
        Lang::Ko => {
            let eok = eok(x);
            let (jo, rest) = (eok / 10_000, eok % 10_000);
            match (jo, rest) {
                (0, 0) => "0달러".to_owned(),
                (0, r) => format!("{sign}{}억 달러", grouped(&r.to_string())),
                (j, 0) => format!("{sign}{}조 달러", grouped(&j.to_string())),
                (j, r) => format!("{sign}{}조 {}억 달러", grouped(&j.to_string()), grouped(&r.to_string())),
            }
        }
    }
}

/// A ratio for prose, put before "the limit": `17.5 times`, `17.5배`. In English a ratio shown as
/// 1 is `exactly` (the Korean deal's peak is its cap) or, when it only rounds to 1, `about`:
/// "1 times the limit" is not English, and "한도의 1배" reads as awkward in Korean, which
/// writes a ratio shown as 1 as the share it is: `96%`, `100%`, `104%`. Below that it is a
/// share in both languages: `5% of`,
/// `5%` ("0.1 times the limit" hid that $1 bn is a twentieth of $20 bn); none at all is
/// `none of` (no dollars) and a share shown as 0 `almost none of`.
pub fn times(lang: Lang, x: f64) -> String {
    // Grouped by thousands: "355,000 times" (a limit a hair above zero).
    let shown = figure(x);
    let share = pct(x * 100.0);
    let exact = (x - 1.0).abs() < 1e-9;
    let ko = lang == Lang::Ko;
    match () {
        // Korean goes on to the share below (`100%`).
        () if shown == "1" && !ko => if exact { "exactly" } else { "about" }.to_owned(),
        () if x > 1.0 && shown != "1" => {
            if ko {
                format!("{shown}배")
            } else {
                format!("{shown} times")
            }
        }
        () if x == 0.0 => tr(lang, "none of", "0%").to_owned(),
        () if share == "0" => tr(lang, "almost none of", "거의 0%").to_owned(),
        () if ko => format!("{share}%"),
        () => format!("{share}% of"),
    }
}

/// The economy's name in a sentence.
pub fn country_name(lang: Lang, c: Country) -> &'static str {
    match (lang, c) {
        (Lang::En, Country::Kr) => "Korea",
        (Lang::En, Country::Jp) => "Japan",
        (Lang::En, Country::Eu) => "the EU",
        (Lang::Ko, Country::Kr) => "한국",
        (Lang::Ko, Country::Jp) => "일본",
        (Lang::Ko, Country::Eu) => "EU",
    }
}

/// The country's own currency, in a sentence.
pub fn currency_name(lang: Lang, c: Country) -> &'static str {
    match (lang, c) {
        (Lang::En, Country::Kr) => "won",
        (Lang::En, Country::Jp) => "yen",
        (Lang::En, Country::Eu) => "euros",
        (Lang::Ko, Country::Kr) => "원",
        (Lang::Ko, Country::Jp) => "엔",
        (Lang::Ko, Country::Eu) => "유로",
    }
}

/// Whether every year of a setting stays under the FX limit, in the map's words (its legend and
/// the position the keyboard reads out).
pub fn fit_words(lang: Lang, fits: bool) -> &'static str {
    if fits {
        tr(lang, "every year fits", "모든 해가 한도 안")
    } else {
        tr(lang, "some year above the limit", "한도를 넘는 해 있음")
    }
}

/// The name of the own-currency lever, and of the part it pays in the chart's legend.
pub fn paid_in_own_currency(lang: Lang, country: Country) -> &'static str {
    let (en, ko) = match country {
        Country::Kr => ("Paid in won", "원화 지급"),
        Country::Jp => ("Paid in yen", "엔화 지급"),
        Country::Eu => ("Paid in euros", "유로화 지급"),
    };
    tr(lang, en, ko)
}

/// The name of a scenario lever, as its control and the map's axes show it.
pub fn lever_name(lang: Lang, key: crate::scenario::Key, country: Country) -> &'static str {
    use crate::scenario::Key;
    let (en, ko) = match key {
        Key::Upfront => ("Upfront share", "선불 비중"),
        Key::Guarantees => ("Loan guarantees", "대출 보증"),
        Key::Krw => return paid_in_own_currency(lang, country),
        Key::Years => ("Timeline (years)", "기간 (년)"),
        Key::Loans => ("Loans", "대출"),
        Key::Corporate => ("Company investment", "기업 투자"),
        Key::Calls => ("Guarantees called", "보증 청구"),
        // In Korean the words count in 억 (3,500억 달러) and the box beside them in billions
        // (350): the unit is said, or a reader typed 4000 for 4,000억 and got 4조.
        Key::Limit => ("FX limit", "외환 한도 (10억 달러)"),
        Key::Total => ("Total pledge", "약정 총액 (10억 달러)"),
        Key::Start => ("First year", "첫해"),
        Key::Preset => ("Scenario", "시나리오"),
        Key::Profile => ("Loading profile", "연도별 배분"),
        Key::Country => ("Economy", "경제권"),
    };
    tr(lang, en, ko)
}

/// The page notice's line for a key the link does not know: the key, in either language, and the
/// key it was likely meant to be ([`crate::scenario::did_you_mean`]); the keys a link knows are
/// said once under the list ([`known_keys`]), not after each such key.
pub fn unknown_key(lang: Lang, e: &crate::scenario::ParamError) -> String {
    let (key, value) = (crate::scenario::quoted(&e.key), crate::scenario::quoted(&e.value));
    let maybe = crate::scenario::did_you_mean(lang, e);
    format!("{key}={value}: {}{maybe}", tr(lang, "unknown key", "알 수 없는 키"))
}

/// The keys a link knows, said once under a notice that lists an unknown key.
pub fn known_keys(lang: Lang) -> String {
    format!("{} {}.", tr(lang, "Known keys:", "사용할 수 있는 키:"), crate::scenario::link_keys())
}

/// A rejected link parameter, in words: English is `ParamError`'s own `Display` (the CLI's
/// message); Korean says the same with the key, the value and what is allowed.
pub fn param_error(lang: Lang, e: &crate::scenario::ParamError) -> String {
    use crate::scenario::ParamErrorKind;
    if lang == Lang::En {
        return e.to_string();
    }
    let allowed = crate::scenario::allowed_for(&e.key, lang);
    let (key, value) = (crate::scenario::quoted(&e.key), crate::scenario::quoted(&e.value));
    match &e.kind {
        ParamErrorKind::UnknownKey | ParamErrorKind::NotAScenarioKey { .. } => unknown_key(lang, e),
        ParamErrorKind::Duplicate => format!("{key}={value}: 두 번 이상 주어짐 (허용: 한 번, {allowed})"),
        ParamErrorKind::NotANumber => format!("{key}=\"{value}\": 숫자가 아님 (허용: {allowed})"),
        ParamErrorKind::NotAWholeNumber => format!("{key}={value}: 정수가 아님 (허용: {allowed})"),
        ParamErrorKind::OutOfRange => format!("{key}={value}: 범위를 벗어남 (허용: {allowed})"),
        ParamErrorKind::UnknownChoice => format!("{key}=\"{value}\": 알 수 없는 값 (허용: {allowed})"),
        ParamErrorKind::SharesAbove100 { sum } => {
            format!("{key}={value}: 선불 + 보증 + 대출 + 기업이 {} (허용: 합계 100 이하)", shortest(*sum))
        }
    }
}

/// Whose limit the FX line is: the Bank of Korea's when it is its figure for Korea.
pub fn limit_is_bok(s: &Scenario) -> bool {
    s.limit == facts::KR_BOK_FX_CAPACITY.value
}

/// Whether the limit is the Bank of Korea's own, for Korea (not borrowed for another economy).
fn koreas_own_limit(s: &Scenario) -> bool {
    limit_is_bok(s) && s.country == Country::Kr
}

/// How many of `years` years are (above the limit), with the verb that agrees: `1 of 10 years
/// is`, `3 of 10 years are`.
fn of_years(breach: u32, years: u32) -> String {
    let verb = if breach == 1 { "is" } else { "are" };
    format!("{breach} of {years} years {verb}")
}

/// A count of years as written: `1 year`, `10 years`, `17.5 years`.
pub fn years(count: &str) -> String {
    if count == "1" {
        "1 year".to_owned()
    } else {
        format!("{count} years")
    }
}

/// `" (changed)"` after the name of a scenario `shown` started from (a preset, a tour step) once
/// a link or a lever moved it away from `start`; empty while it is still `start`.
pub fn changed_mark(lang: Lang, shown: &Scenario, start: &Scenario) -> &'static str {
    if shown.same_as(start) {
        ""
    } else {
        tr(lang, " (changed)", " (조정)")
    }
}

/// The scenario's preset by name, as the chart title shows it: a preset whose values a link or a
/// lever changed is named as the start, not as the scenario.
pub fn preset_name(lang: Lang, s: &Scenario) -> Option<String> {
    let p = s.preset?;
    Some(format!("{}{}", p.title(lang), changed_mark(lang, s, &p.scenario())))
}

/// The chart and table title: the scenario in one line.
pub fn title(lang: Lang, s: &Scenario) -> String {
    let preset = preset_name(lang, s).map(|p| p + " · ").unwrap_or_default();
    let (total, u, g, l, c, k) = (
        usd_bn(lang, s.total),
        pct(s.upfront),
        pct(s.guarantees),
        pct(s.loans),
        pct(s.corporate),
        pct(s.krw),
    );
    match lang {
        Lang::En => format!(
            "{preset}{total} pledge over {}: {u}% upfront, {g}% guarantees, {l}% loans, {c}% company, {k}% in {}",
            years(&s.years.to_string()),
            currency_name(lang, s.country)
        ),
        Lang::Ko => format!(
            "{preset}총 {total} 약정, {}년: 선불 {u}%, 보증 {g}%, 대출 {l}%, 기업 {c}%, {}화 {k}%",
            s.years,
            currency_name(lang, s.country)
        ),
    }
}

/// The label of the FX-limit line: what it limits (state money paid in dollars: the bars stack
/// company money and guarantees too), how much, and whose figure it is: the Bank of Korea's with
/// its date, the Bank of Korea's assumed for another economy, or the reader's.
pub fn limit_label(lang: Lang, s: &Scenario) -> String {
    let limit = usd_bn(lang, s.limit);
    let whose = if koreas_own_limit(s) {
        format!("{}, {}", tr(lang, "Bank of Korea", "한국은행"), facts::KR_BOK_FX_CAPACITY.as_of)
    } else if limit_is_bok(s) {
        tr(lang, "Bank of Korea's, assumed", "한국은행 수치를 가정").to_owned()
    } else {
        tr(lang, "your setting", "사용자 설정").to_owned()
    };
    match lang {
        Lang::En => format!("FX limit on state dollars, {limit} a year ({whose})"),
        Lang::Ko => format!("국가 달러 지급 한도 연 {limit} ({whose})"),
    }
}

/// One plain-language sentence that states the key finding.
pub fn narration(lang: Lang, s: &Scenario, sum: &Summary) -> String {
    match lang {
        Lang::En => narration_en(s, sum),
        Lang::Ko => narration_ko(s, sum),
    }
}

/// When the peak's dollars are paid: "in 2026" ("2026년"), "every year" ("해마다") when every year
/// pays the same, so that none stands out, and nothing when no dollars are paid at all.
pub fn peak_when(lang: Lang, sum: &Summary) -> Option<String> {
    if sum.peak_usd_cash <= crate::model::BREACH_TOLERANCE_BN {
        return None;
    }
    Some(match (lang, sum.peak_every_year) {
        (_, true) => tr(lang, "every year", "해마다").to_owned(),
        (Lang::En, false) => format!("in {}", sum.peak_year),
        (Lang::Ko, false) => format!("{}년", sum.peak_year),
    })
}

fn narration_en(s: &Scenario, sum: &Summary) -> String {
    let who = country_name(Lang::En, s.country);
    let capitalised = capitalise(who);
    let usd = |x| usd_bn(Lang::En, x);
    if sum.state_cash_total <= 1e-9 {
        // Company money, uncalled guarantees or both (the chart shows which): it said companies
        // invest their own money, of a pledge all in guarantees.
        return format!("No state cash: nothing presses on {who}'s dollar reserves.");
    }
    let limit_words = if koreas_own_limit(s) {
        "what the Bank of Korea says it can supply a year".to_owned()
    } else {
        format!("the FX limit of {} a year", usd(s.limit))
    };
    if sum.breach_years > 0 {
        let years = if s.years > 1 {
            format!(" {} above the limit.", of_years(sum.breach_years, s.years))
        } else {
            String::new()
        };
        let against = match sum.peak_times_limit {
            Some(r) => format!("{} {limit_words}", times(Lang::En, r)),
            None => "against an FX limit of zero".to_owned(),
        };
        let when = peak_when(Lang::En, sum).unwrap_or_default();
        format!("{capitalised} would need {} in dollars {when}, {against}.{years}", usd(sum.peak_usd_cash))
    } else {
        // No dollars at all is "nothing", not "at most $0 bn".
        let (most, when) = match peak_when(Lang::En, sum) {
            Some(w) if sum.peak_every_year => ("", format!(" {w}")),
            Some(w) => ("at most ", format!(" in any year ({w})")),
            None => ("nothing", " in any year".to_owned()),
        };
        let peak = if most == "nothing" { String::new() } else { usd(sum.peak_usd_cash) };
        format!("{capitalised} would pay {most}{peak} in dollars{when}, within {limit_words}.")
    }
}

fn narration_ko(s: &Scenario, sum: &Summary) -> String {
    let usd = |x| usd_bn(Lang::Ko, x);
    if sum.state_cash_total <= 1e-9 {
        return format!(
            "국가 현금이 없습니다. {}의 달러 보유고에는 부담이 없습니다.",
            country_name(Lang::Ko, s.country)
        );
    }
    let who = country_name(Lang::Ko, s.country);
    let limit_words = if koreas_own_limit(s) {
        "한국은행이 한 해에 공급할 수 있다고 본 금액".to_owned()
    } else {
        format!("연 {} 외환 한도", usd(s.limit))
    };
    if sum.breach_years > 0 {
        let years = if s.years > 1 {
            format!(" {}년 중 {}년이 한도를 넘습니다.", s.years, sum.breach_years)
        } else {
            String::new()
        };
        let against = match sum.peak_times_limit {
            Some(r) => format!("{limit_words}의 {}입니다", times(Lang::Ko, r)),
            None => "외환 한도는 0입니다".to_owned(),
        };
        let when = peak_when(Lang::Ko, sum).unwrap_or_default();
        // "해마다" and "2026년" both read after the subject: "한국의 달러 지급액은 해마다 …".
        format!("{who}의 달러 지급액은 {when} {}입니다. {against}.{years}", usd(sum.peak_usd_cash))
    } else {
        let peak = usd(sum.peak_usd_cash);
        match peak_when(Lang::Ko, sum) {
            Some(w) if sum.peak_every_year => {
                format!("{who}의 달러 지급액은 {w} {peak}로, {limit_words} 이내입니다.")
            }
            Some(w) => format!("{who}의 한 해 달러 지급액은 많아야 {peak}({w})로, {limit_words} 이내입니다."),
            // Not "많아야 0달러" (at most nothing).
            None => format!("{who}의 달러 지급액은 해마다 0달러로, {limit_words} 이내입니다."),
        }
    }
}

/// The text with its first letter upper-case (ASCII: names and labels here start with one).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    // Names here are ASCII; ASCII case keeps Unicode case tables out of the wasm bundle.
    chars.next().map_or_else(String::new, |c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
}

/// The chart's long description for assistive technology: what it shows and what it finds,
/// not how it is drawn. `limit_above`: the chart names the FX limit above its scale instead of
/// drawing its line (`chart::limit_off_scale`).
pub fn chart_description(lang: Lang, s: &Scenario, sum: &Summary, limit_above: bool) -> String {
    let last = s.start + s.years - 1;
    let limit = usd_bn(lang, s.limit);
    let peak = usd_bn(lang, sum.peak_usd_cash);
    match lang {
        Lang::En => {
            let above = match (s.years, sum.breach_years) {
                (1, 0) => "The one year is not".to_owned(),
                (1, _) => "The one year is".to_owned(),
                (n, b) => of_years(b, n),
            };
            let line = if limit_above {
                format!("The FX limit of {limit} a year is off the scale, far above every bar")
            } else {
                format!("A dashed line marks the FX limit of {limit} a year")
            };
            format!(
                "Stacked bars, one per year from {} to {last}, show what is paid each year by kind; the dollar part of \
                 state cash is at the bottom. {line}. {above} above it; the most dollars in one year are {peak}{}.",
                s.start,
                peak_when(lang, sum).map(|w| format!(", {w}")).unwrap_or_default()
            )
        }
        Lang::Ko => {
            let above = match sum.breach_years {
                0 => "한도를 넘는 해는 없고".to_owned(),
                b => format!("{}년 중 {b}년이 한도를 넘고", s.years),
            };
            let peak = match peak_when(lang, sum) {
                Some(w) if sum.peak_every_year => format!("달러 지급액은 {w} {peak}입니다"),
                Some(w) => format!("한 해 달러 지급이 가장 큰 해는 {w}으로 {peak}입니다"),
                None => "달러 지급은 없습니다".to_owned(),
            };
            let line = if limit_above {
                format!("연 {limit}의 외환 한도는 모든 막대보다 훨씬 높아 축 범위를 넘습니다")
            } else {
                format!("점선은 연 {limit}의 외환 한도입니다")
            };
            format!(
                "{}년부터 {last}년까지 해마다 막대 하나가 그해 지급액을 종류별로 쌓아 보여 줍니다. 국가 현금 중 달러 부분이 \
                 맨 아래입니다. {line}. {above}, {peak}.",
                s.start
            )
        }
    }
}

/// The summary as labelled lines (for the CLI table and the page's no-script summary).
pub fn summary_lines(lang: Lang, s: &Scenario, sum: &Summary) -> Vec<String> {
    let ko = lang == Lang::Ko;
    let usd = |x| usd_bn(lang, x);
    let mut lines = vec![narration(lang, s, sum)];
    let limit = usd(s.limit);
    let peak_vs = sum.peak_times_limit.map(|r| {
        if ko {
            format!(" ({limit} 한도의 {})", times(lang, r))
        } else {
            format!(" ({} the {limit} limit)", times(lang, r))
        }
    });
    let (when, peak, vs) = (peak_when(lang, sum), usd(sum.peak_usd_cash), peak_vs.unwrap_or_default());
    lines.push(match (ko, when) {
        (true, Some(w)) => format!("최대 달러 유출: {w} {peak}{vs}"),
        (true, None) => format!("최대 달러 유출: {peak}{vs}"),
        (false, w) => {
            format!("Peak dollar outflow: {peak}{}{vs}", w.map(|w| format!(" {w}")).unwrap_or_default())
        }
    });
    let above = (sum.breach_years > 0).then(|| usd(sum.above_limit_total));
    lines.push(match (ko, above) {
        (false, Some(a)) => {
            format!("Years above the limit: {} of {} ({a} above it in all)", sum.breach_years, s.years)
        }
        (false, None) => format!("Years above the limit: {} of {}", sum.breach_years, s.years),
        (true, Some(a)) => {
            format!("한도를 넘는 해: {}년 중 {}년 (초과분 합계 {a})", s.years, sum.breach_years)
        }
        (true, None) => format!("한도를 넘는 해: {}년 중 {}년", s.years, sum.breach_years),
    });
    let (cash, in_usd) = (usd(sum.state_cash_total), usd(sum.usd_cash_total));
    // `summarize` gives 0 years exactly when no dollars are owed.
    lines.push(match (ko, sum.years_at_limit) {
        (false, Some(0.0)) => format!("State cash: {cash}, none of it in dollars"),
        (true, Some(0.0)) => format!("국가 현금: {cash}, 달러로 내는 금액 없음"),
        (false, Some(y)) => {
            // A time under a twentieth of a year rounds to "0 years"; the dollars are owed.
            let time = match pct(y).as_str() {
                "0" => "under 0.1 years".to_owned(),
                shown => years(&grouped(shown)),
            };
            format!("State cash: {cash}, of which {in_usd} in dollars; at {limit} a year the dollars take {time}")
        }
        (false, None) => format!(
            "State cash: {cash}, of which {in_usd} in dollars; with a limit of zero the dollars can never be paid"
        ),
        (true, Some(y)) => {
            let time = match pct(y).as_str() {
                "0" => "0.1년 미만".to_owned(),
                shown => format!("{}년", grouped(shown)),
            };
            format!("국가 현금: {cash}, 그중 달러 {in_usd}. 연 {limit}씩이면 달러 지급에 {time}")
        }
        (true, None) => format!("국가 현금: {cash}, 그중 달러 {in_usd}. 한도가 0이면 달러는 지급할 수 없음"),
    });
    let (given, called, exposure, company) = (
        usd(sum.guarantees_issued_total),
        usd(sum.guarantees_called_total),
        usd(sum.contingent_exposure),
        usd(sum.corporate_total),
    );
    lines.push(if ko {
        format!("보증: 제공 {given}, 청구 {called}. 우발 채무 {exposure}. 기업 투자: {company}")
    } else {
        format!("Guarantees: {given} given, {called} called; contingent exposure {exposure}. Company investment: {company}")
    });
    let ctx = &sum.context;
    let who = country_name(lang, s.country);
    for (d, of) in [
        (&ctx.gdp_share, tr(lang, "GDP", "GDP")),
        (&ctx.reserves_share, tr(lang, "FX reserves", "외환보유액")),
    ] {
        if let Some(d) = d {
            let (share, cited) = (figure(d.value), cite(lang, d));
            lines.push(if ko {
                format!("약정액은 {who} {of}의 {share}%{cited}")
            } else {
                format!("The pledge is {share}% of {who}'s {of}{cited}")
            });
        }
    }
    let currency = currency_name(lang, s.country);
    if let Some(d) = &ctx.local_equivalent {
        lines.push(if ko {
            format!("{currency}화로: {}조 {currency}{}", grouped(&pct(d.value)), cite(lang, d))
        } else {
            format!("In {currency}: {} tn {currency}{}", grouped(&pct(d.value)), cite(lang, d))
        });
    }
    let sv = &sum.solvers;
    // The upfront answer is set as its slider sets it: past what direct investment leaves, it
    // takes from the other shares, and a link with that share alone would add up to over 100.
    let taken = |x: f64| Some(x - (s.upfront + s.direct())).filter(|t| *t > 1e-9).map(pct);
    lines.push(if ko {
        format!(
            "레버를 하나씩 움직여 모든 해를 한도 안에 두려면: {}; {}; {}",
            sv.max_upfront.map_or("어떤 선불 비중으로도 안 됨".to_owned(), |x| format!(
                "선불 비중 최대 {}%{}",
                pct(x),
                taken(x).map(|t| format!("(그중 {t}%p는 다른 비중에서)")).unwrap_or_default()
            )),
            sv.min_years.map_or("30년 이내의 어떤 기간으로도 부족함".to_owned(), |y| format!(
                "기간 최소 {y}년"
            )),
            sv.min_krw.map_or(format!("{currency}화 비중만으로는 부족함"), |x| {
                format!("{} 최소 {}%", paid_in_own_currency(lang, s.country), pct(x))
            }),
        )
    } else {
        format!(
            "To keep every year within the limit, one lever at a time: {}; {}; {}",
            sv.max_upfront.map_or("no upfront share works".to_owned(), |x| format!(
                "upfront share at most {}%{}",
                pct(x),
                taken(x)
                    .map(|t| format!(", {t} points of it taken from the other shares"))
                    .unwrap_or_default()
            )),
            sv.min_years.map_or("no timeline up to 30 years is long enough".to_owned(), |y| format!(
                "a timeline of at least {}",
                years(&y.to_string())
            )),
            sv.min_krw.map_or(format!("no share paid in {currency} is enough"), |x| {
                format!("at least {}% paid in {currency}", pct(x))
            }),
        )
    });
    for a in assumptions(lang, s) {
        lines.push(format!("{}: {a}", tr(lang, "Assumption", "가정")));
    }
    lines
}

/// The assumptions behind a scenario: the model's own and the preset's.
pub fn assumptions(lang: Lang, s: &Scenario) -> Vec<&'static str> {
    let text = |a: &facts::Assumption| tr(lang, a.text, a.ko);
    let mut out: Vec<&'static str> = facts::MODEL_ASSUMPTIONS.iter().map(text).collect();
    if let Some(p) = s.preset {
        let moved = p.moved(s);
        out.extend(p.assumptions().iter().filter(|(_, sets)| sets & moved == 0).map(|(a, _)| text(a)));
    }
    out
}

/// A fact's name in `lang`, as a list item starts with it: "Korea's pledge", "한국의 약정액".
pub fn fact_label(lang: Lang, f: &facts::Fact) -> String {
    capitalise(tr(lang, f.label, f.label_ko))
}

/// A sourced figure with its unit, as the language writes it, grouped by thousands:
/// `$1,870 bn` / `1조 8,700억 달러`, `1,422.16 KRW per USD` / `달러당 1,422.16원`.
pub fn fact_value(lang: Lang, f: &facts::Fact) -> String {
    let value = grouped(&shortest(f.value));
    match (lang, f.unit) {
        // As sourced, to the last digit (prose rounds money to a tenth): `$428.82 bn`.
        (Lang::En, "USD bn") => format!("${value} bn"),
        (Lang::En, "USD bn per year") => format!("${value} bn a year"),
        (_, "percent") => format!("{value}%"),
        (Lang::En, _) => format!("{value} {}", f.unit),
        (Lang::Ko, "USD bn") => usd_bn(lang, f.value),
        (Lang::Ko, "USD bn per year") => format!("연 {}", usd_bn(lang, f.value)),
        (Lang::Ko, "KRW per USD") => format!("달러당 {value}원"),
        (Lang::Ko, "JPY tn") => format!("{value}조 엔"),
        (Lang::Ko, "years") => format!("{value}년"),
        (Lang::Ko, unit) => format!("{value} {unit}"),
    }
}

fn cite(lang: Lang, d: &crate::model::Derived) -> String {
    let mut parts: Vec<String> = d
        .sources
        .iter()
        .map(|f| format!("{}, {}: {}", fact_value(lang, f), f.as_of, f.source_name))
        .collect();
    if let Some(a) = d.assumption {
        parts.push(format!("{}: {}", tr(lang, "assumption", "가정"), tr(lang, a.text, a.ko)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({}{})", tr(lang, "from ", "근거: "), parts.join("; "))
    }
}

/// The chart's source line.
pub fn source_line(lang: Lang, s: &Scenario) -> String {
    let mut names: Vec<String> = Vec::new();
    if limit_is_bok(s) {
        let who = tr(lang, "FX limit: Bank of Korea via POLITICO", "외환 한도: 한국은행(POLITICO 보도)");
        names.push(format!("{who}, {}", facts::KR_BOK_FX_CAPACITY.as_of));
    }
    for f in crate::presets::facts_of(s) {
        let entry = format!("{}, {}", f.source_name, f.as_of);
        if !names.contains(&entry) {
            names.push(entry);
        }
    }
    let sources = if names.is_empty() {
        String::new()
    } else {
        format!("{}: {}. ", tr(lang, "Sources", "출처"), names.join("; "))
    };
    let model = tr(
        lang,
        "Model: pledge-explorer; assumptions are labelled in its notes.",
        "모델: pledge-explorer. 가정은 그 주석에 밝혀 두었습니다.",
    );
    format!("{sources}{model}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_named_alone_and_the_known_keys_said_once_in_both_languages() {
        let e = crate::scenario::ParamError {
            key: "colour".into(),
            value: "red".into(),
            kind: crate::scenario::ParamErrorKind::UnknownKey,
        };
        assert_eq!(unknown_key(Lang::En, &e), "colour=red: unknown key");
        assert_eq!(unknown_key(Lang::Ko, &e), "colour=red: 알 수 없는 키");
        assert_eq!(param_error(Lang::Ko, &e), unknown_key(Lang::Ko, &e));
        // The CLI's message, one line a key, still lists them.
        assert!(
            param_error(Lang::En, &e).ends_with(&format!("(known keys: {})", crate::scenario::link_keys()))
        );
        assert!(known_keys(Lang::En).starts_with("Known keys: preset, total, upfront,"));
        assert!(known_keys(Lang::Ko).starts_with("사용할 수 있는 키: preset,"));
        assert!(known_keys(Lang::Ko).ends_with(", map."));
    }
    use crate::model::{schedule, summarize};
    use crate::presets::Preset;

    fn narrate(s: &Scenario) -> String {
        narration(Lang::En, s, &summarize(s, &schedule(s)))
    }

    fn narrate_ko(s: &Scenario) -> String {
        narration(Lang::Ko, s, &summarize(s, &schedule(s)))
    }

    #[test]
    fn the_source_line_names_the_pledges_source_on_a_link_with_no_preset() {
        let line = source_line(Lang::En, &Scenario::parse("upfront=20&years=10").unwrap());
        assert!(
            line.starts_with("Sources: FX limit: Bank of Korea via POLITICO, 2025-10-29; White House joint fact sheet, 2025-11-13. "),
            "{line}"
        );
        let own = source_line(Lang::En, &Scenario::parse("total=400").unwrap());
        assert!(!own.contains("White House"), "{own}");
    }

    #[test]
    fn korean_narration_and_money_as_koreans_read_it() {
        assert_eq!(
            narrate_ko(&Preset::UsDemand.scenario()),
            "한국의 달러 지급액은 2026년 3,500억 달러입니다. 한국은행이 한 해에 공급할 수 있다고 본 금액의 17.5배입니다. 10년 중 1년이 한도를 넘습니다."
        );
        // The deal pays $20 bn every year; no one year is the peak.
        let deal = narrate_ko(&Preset::KrDeal.scenario());
        assert_eq!(deal, "한국의 달러 지급액은 해마다 200억 달러로, 한국은행이 한 해에 공급할 수 있다고 본 금액 이내입니다.");
        let upfront = narrate_ko(&Scenario::parse("preset=kr-deal&years=20&upfront=2").unwrap());
        assert!(upfront.starts_with("한국의 한 해 달러 지급액은 많아야 "), "{upfront}");
        assert!(upfront.contains("(2026년)로, 한국은행이"), "{upfront}");
        let other = narrate_ko(&Scenario::parse("preset=kr-deal&limit=30").unwrap());
        assert!(other.ends_with("로, 연 300억 달러 외환 한도 이내입니다."), "{other}");
        let level = narrate_ko(&Scenario::default());
        assert!(level.starts_with("한국의 달러 지급액은 해마다 350억 달러입니다."), "{level}");
        assert_eq!(usd_bn(Lang::Ko, 350.0), "3,500억 달러");
        assert_eq!(usd_bn(Lang::Ko, 66.6667), "667억 달러");
        assert_eq!(usd_bn(Lang::Ko, 1200.0), "1조 2,000억 달러");
        assert_eq!(usd_bn(Lang::Ko, 5000.0), "5조 달러");
        // Under $0.1 bn in millions, the same amount in both languages; float noise is none.
        for (x, en, ko) in [
            (0.01, "$10 m", "1,000만 달러"),
            (0.001, "$1 m", "100만 달러"),
            (0.0499, "$49.9 m", "4,990만 달러"),
            (0.0999, "$99.9 m", "9,990만 달러"),
            (0.09996, "$0.1 bn", "1억 달러"),
            (-0.002, "-$2 m", "-200만 달러"),
            (1e-7, "$0 bn", "0달러"),
        ] {
            assert_eq!((usd_bn(Lang::En, x), usd_bn(Lang::Ko, x)), (en.to_owned(), ko.to_owned()), "{x}");
        }
        assert_eq!(usd_bn(Lang::Ko, -4.5), "-45억 달러");
        assert_eq!(
            [grouped("999"), grouped("3500"), grouped("-1234.5"), grouped("1234567.25")],
            ["999", "3,500", "-1,234.5", "1,234,567.25"]
        );
        assert_eq!([eok_figure(21.428), eok_figure(-330.0), eok_figure(-0.01)], ["214", "-3,300", "0"]);
        // The same rounding as the English figure (half to even on the exact value).
        for (x, en, ko) in
            [(0.15, "$0.1 bn", "1억 달러"), (1.25, "$1.2 bn", "12억 달러"), (12.35, "$12.3 bn", "123억 달러")]
        {
            assert_eq!((usd_bn(Lang::En, x), usd_bn(Lang::Ko, x)), (en.to_owned(), ko.to_owned()));
        }
        assert_eq!(times(Lang::Ko, 17.5), "17.5배");
        assert_eq!(times(Lang::Ko, 1.0), "100%");
        assert_eq!(times(Lang::Ko, 1.002), "100.2%");
        assert_eq!(times(Lang::Ko, 0.96), "96%");
        assert_eq!(times(Lang::Ko, 1.04), "104%");
        assert_eq!(times(Lang::Ko, 1.06), "1.1배");
        assert_eq!(times(Lang::Ko, 0.05), "5%");
        assert_eq!(times(Lang::Ko, 0.0004), "거의 0%");
        assert_eq!(times(Lang::Ko, 0.0), "0%");
        assert_eq!(
            title(Lang::Ko, &Preset::KrDeal.scenario()),
            "한국 최종 합의, 2025년 11월 · 총 3,500억 달러 약정, 10년: 선불 0%, 보증 21.4%, 대출 0%, 기업 21.4%, 원화 0%"
        );
        // The own currency is named, as its lever names it.
        let japan = Preset::Japan.scenario();
        assert!(title(Lang::Ko, &japan).ends_with(", 엔화 0%"), "{}", title(Lang::Ko, &japan));
        assert!(title(Lang::En, &japan).ends_with(", 0% in yen"), "{}", title(Lang::En, &japan));
        let lines = summary_lines(
            Lang::Ko,
            &Scenario::default(),
            &summarize(&Scenario::default(), &schedule(&Scenario::default())),
        );
        assert!(lines.iter().any(|l| l.starts_with("원화로: 497.8조 원")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains(" bn")), "{lines:?}");
        // No year above the limit is said as such, not as "0 of 10 years are above it".
        let deal = Preset::KrDeal.scenario();
        let described = chart_description(Lang::Ko, &deal, &summarize(&deal, &schedule(&deal)), false);
        assert!(described.contains("외환 한도입니다. 한도를 넘는 해는 없고, "), "{described}");
        let demand = Preset::UsDemand.scenario();
        let described = chart_description(Lang::Ko, &demand, &summarize(&demand, &schedule(&demand)), false);
        assert!(described.contains("10년 중 1년이 한도를 넘고, "), "{described}");
    }

    #[test]
    fn dollars_that_take_under_a_twentieth_of_a_year_are_not_said_to_take_none() {
        let s = Scenario::parse("total=1&limit=1000").unwrap();
        let sum = summarize(&s, &schedule(&s));
        let said = |lang| summary_lines(lang, &s, &sum).join("\n");
        assert!(
            said(Lang::En).contains("at $1,000 bn a year the dollars take under 0.1 years"),
            "{}",
            said(Lang::En)
        );
        assert!(said(Lang::Ko).contains("달러 지급에 0.1년 미만"), "{}", said(Lang::Ko));
        let s = Scenario::parse("total=2&limit=20").unwrap();
        let lines = summary_lines(Lang::En, &s, &summarize(&s, &schedule(&s))).join("\n");
        assert!(lines.contains("the dollars take 0.1 years"), "{lines}");
    }

    #[test]
    fn a_preset_the_link_changed_is_named_as_changed() {
        let demand = Preset::UsDemand.scenario();
        assert!(title(Lang::En, &demand).starts_with("US demand: all upfront, in dollars · $350 bn"));
        let changed = Scenario::parse("preset=us-demand&krw=50").unwrap();
        assert!(
            title(Lang::En, &changed).starts_with("US demand: all upfront, in dollars (changed) · $350 bn"),
            "{}",
            title(Lang::En, &changed)
        );
        assert!(title(Lang::Ko, &changed).contains(" (조정) · "), "{}", title(Lang::Ko, &changed));
        assert!(!title(Lang::En, &Scenario::parse("krw=50").unwrap()).contains("changed"));
        // A preset's date is not in brackets: the mark after it would make two in a row.
        let japan = Scenario::parse("preset=japan&years=12").unwrap();
        assert!(
            title(Lang::En, &japan).starts_with("Japan's deal, Sep 2025 (changed) · "),
            "{}",
            title(Lang::En, &japan)
        );
        assert!(
            title(Lang::Ko, &japan).starts_with("일본 합의, 2025년 9월 (조정) · "),
            "{}",
            title(Lang::Ko, &japan)
        );
    }

    #[test]
    fn the_pledge_is_set_against_gdp_and_reserves_with_their_sources() {
        let japan = Preset::Japan.scenario();
        let sum = summarize(&japan, &schedule(&japan));
        let en = summary_lines(Lang::En, &japan, &sum);
        assert!(en.iter().any(|l| l == "The pledge is 43.3% of Japan's FX reserves (from $1,271.2 bn, 2025-08-31: Japan Ministry of Finance)"), "{en:?}");
        assert!(en.iter().any(|l| l.starts_with("The pledge is 13.5% of Japan's GDP (from 609.3 JPY tn, 2024: Yomiuri Shimbun; assumption: 150 yen per dollar")), "{en:?}");
        let ko = summary_lines(Lang::Ko, &japan, &sum);
        assert!(ko.iter().any(|l| l == "약정액은 일본 외환보유액의 43.3% (근거: 1조 2,712억 달러, 2025-08-31: Japan Ministry of Finance)"), "{ko:?}");
        assert!(
            ko.iter().any(|l| l
                .starts_with("약정액은 일본 GDP의 13.5% (근거: 609.3조 엔, 2024: Yomiuri Shimbun; 가정:")),
            "{ko:?}"
        );
    }

    #[test]
    fn narration_of_the_us_demand() {
        assert_eq!(
            narrate(&Preset::UsDemand.scenario()),
            "Korea would need $350 bn in dollars in 2026, 17.5 times what the Bank of Korea says it can supply a year. 1 of 10 years is above the limit."
        );
    }

    #[test]
    fn narration_within_the_limit_and_without_state_cash() {
        // The deal pays $20 bn every year: no one year is the peak.
        let deal = narrate(&Preset::KrDeal.scenario());
        assert!(deal.starts_with("Korea would pay $20 bn in dollars every year, within "), "{deal}");
        let upfront = narrate(&Scenario::parse("preset=kr-deal&years=20&upfront=2").unwrap());
        assert!(upfront.starts_with("Korea would pay at most "), "{upfront}");
        assert!(upfront.contains(" in dollars in any year (in 2026), within "), "{upfront}");
        let won = narrate(&Scenario::parse("krw=100").unwrap());
        // No dollars at all: "nothing", not "at most $0 bn" (nor "많아야 0달러").
        assert_eq!(won, "Korea would pay nothing in dollars in any year, within what the Bank of Korea says it can supply a year.");
        assert_eq!(
            narrate_ko(&Scenario::parse("krw=100&limit=0").unwrap()),
            "한국의 달러 지급액은 해마다 0달러로, 연 0달러 외환 한도 이내입니다."
        );
        let level = narrate(&Scenario::default());
        assert!(level.starts_with("Korea would need $35 bn in dollars every year, 1.8 times "), "{level}");
        assert_eq!(
            narrate(&Preset::Eu.scenario()),
            "No state cash: nothing presses on the EU's dollar reserves."
        );
        // All of it in guarantees, none called: no state cash, and no company invests either.
        let guarantees = Scenario::parse("guarantees=100").unwrap();
        assert_eq!(narrate(&guarantees), "No state cash: nothing presses on Korea's dollar reserves.");
        assert_eq!(narrate_ko(&guarantees), "국가 현금이 없습니다. 한국의 달러 보유고에는 부담이 없습니다.");
    }

    #[test]
    fn a_key_given_twice_says_what_it_allows_in_both_languages() {
        let e = Scenario::parse("years=5&years=6").unwrap_err();
        assert_eq!(
            param_error(Lang::En, &e.errors[0]),
            "years=6: given more than once (allowed: once, a whole number from 1 to 30)"
        );
        assert_eq!(
            param_error(Lang::Ko, &e.errors[0]),
            "years=6: 두 번 이상 주어짐 (허용: 한 번, 1부터 30까지의 정수)"
        );
    }

    #[test]
    fn money_is_grouped_with_the_sign_before_the_dollar() {
        assert_eq!(usd_bn(Lang::En, 5000.0), "$5,000 bn");
        assert_eq!(usd_bn(Lang::En, -330.0), "-$330 bn");
        assert_eq!(usd_bn(Lang::Ko, -330.0), "-3,300억 달러");
    }

    #[test]
    fn a_peak_at_the_limit_is_exactly_the_limit_not_one_times_it() {
        assert_eq!(times(Lang::En, 17.5), "17.5 times");
        assert_eq!(times(Lang::En, 1.0), "exactly");
        assert_eq!(times(Lang::En, 1.002), "about");
        assert_eq!(times(Lang::En, 1.06), "1.1 times");
        // Below the limit, a share of it: $1 bn is 5% of $20 bn, not "0.1 times" it.
        assert_eq!(times(Lang::En, 0.05), "5% of");
        assert_eq!(times(Lang::En, 0.485), "48.5% of");
        assert_eq!(times(Lang::En, 0.94), "94% of");
        // No dollars at all (every cash share paid in won, or company money only).
        assert_eq!(times(Lang::En, 0.0), "none of");
        assert_eq!(times(Lang::En, 0.0004), "almost none of");
        let eu = Preset::Eu.scenario();
        let lines = summary_lines(Lang::En, &eu, &summarize(&eu, &schedule(&eu)));
        assert!(lines.iter().any(|l| l.contains("(none of the $20 bn limit)")), "{lines:?}");
        let deal = Preset::KrDeal.scenario();
        let lines = summary_lines(Lang::En, &deal, &summarize(&deal, &schedule(&deal)));
        assert!(lines.iter().any(|l| l.contains("(exactly the $20 bn limit)")), "{lines:?}");
        // Just above the limit: $20 bn against 19.9.
        let over = Scenario { limit: 19.9, ..deal };
        assert!(narrate(&over).contains(", about the FX limit of $19.9 bn a year."), "{}", narrate(&over));
    }

    /// The upfront answer past what direct investment leaves says how much of it the other shares
    /// give up: a link with that upfront share alone would not parse.
    #[test]
    fn the_upfront_answer_says_what_it_takes_from_the_other_shares() {
        let line = |lang, s: &Scenario| {
            let lines = summary_lines(lang, s, &summarize(s, &schedule(s)));
            lines
                .into_iter()
                .find(|l| l.contains("one lever at a time") || l.contains("레버를"))
                .unwrap_or_default()
        };
        let eu = Preset::Eu.scenario();
        assert!(line(Lang::En, &eu)
            .contains("upfront share at most 3.3%, 3.3 points of it taken from the other shares;"));
        assert!(line(Lang::Ko, &eu).contains("선불 비중 최대 3.3%(그중 3.3%p는 다른 비중에서);"));
        // Room to spare: nothing is taken.
        let roomy = Scenario::parse("years=20&upfront=2").unwrap_or_default();
        assert!(line(Lang::En, &roomy).contains("upfront share at most "), "{}", line(Lang::En, &roomy));
        assert!(!line(Lang::En, &roomy).contains("taken"), "{}", line(Lang::En, &roomy));
    }

    #[test]
    fn the_cite_line_names_model_and_data_versions_and_the_link() {
        let line = cite_line(Lang::En, &Preset::KrDeal.scenario(), "https://x.test/?preset=kr-deal");
        assert!(
            line.starts_with(&format!(
                "pledge-explorer, model {}, data as of 2025-11-14. Scenario: Korea's final deal",
                env!("CARGO_PKG_VERSION")
            )),
            "{line}"
        );
        assert!(line.ends_with(". https://x.test/?preset=kr-deal"), "{line}");
    }

    #[test]
    fn link_errors_in_korean_name_the_key_value_and_what_is_allowed() {
        use crate::scenario::RawParams;
        let (_, errors) = Scenario::from_raw_lenient(&RawParams::from_query(
            "years=99&upfront=lots&profile=zig&colour=red&loans=2.5",
        ));
        let ko: Vec<String> = errors.iter().map(|e| param_error(Lang::Ko, e)).collect();
        assert_eq!(ko[0], "years=99: 범위를 벗어남 (허용: 1부터 30까지의 정수)");
        assert_eq!(ko[1], "upfront=\"lots\": 숫자가 아님 (허용: 0부터 100까지의 수)");
        assert_eq!(ko[2], "profile=\"zig\": 알 수 없는 값 (허용: 다음 중 하나: even, front, back)");
        assert_eq!(ko[3], "colour=red: 알 수 없는 키");
        assert_eq!(param_error(Lang::En, &errors[0]), errors[0].to_string());
        let mut raw = RawParams::from_query("lang=fr&controls=x");
        let (_, view_errors) = crate::view::View::take(&mut raw);
        assert_eq!(
            param_error(Lang::Ko, &view_errors[0]),
            "lang=\"fr\": 알 수 없는 값 (허용: 다음 중 하나: en, ko)"
        );
        assert!(
            param_error(Lang::Ko, &view_errors[1]).contains("쉼표로 구분한 목록"),
            "{}",
            param_error(Lang::Ko, &view_errors[1])
        );
    }

    #[test]
    fn one_year_is_singular() {
        let one = Scenario { years: 1, ..Scenario::default() };
        assert!(
            title(Lang::En, &one).starts_with("$350 bn pledge over 1 year: "),
            "{}",
            title(Lang::En, &one)
        );
        let ten = Scenario::default();
        assert!(
            title(Lang::En, &ten).starts_with("$350 bn pledge over 10 years: "),
            "{}",
            title(Lang::En, &ten)
        );
        assert_eq!(years("17.5"), "17.5 years");
        let describe = |s: &Scenario| chart_description(Lang::En, s, &summarize(s, &schedule(s)), false);
        let above = describe(&one);
        assert!(above.contains(". The one year is above it; "), "{above}");
        let within = Scenario { years: 1, upfront: 0.0, guarantees: 0.0, corporate: 100.0, ..one };
        assert!(describe(&within).contains(". The one year is not above it; "), "{}", describe(&within));
        let demand = Preset::UsDemand.scenario();
        assert!(describe(&demand).contains(". 1 of 10 years is above it; "), "{}", describe(&demand));
        assert!(describe(&ten).contains(". 10 of 10 years are above it; "), "{}", describe(&ten));
        let three = Scenario { years: 3, ..Scenario::default() };
        assert!(describe(&three).contains(". 3 of 3 years are above it; "), "{}", describe(&three));
        // Far above the bars the limit is named at the chart's corner, with no line to speak of.
        let far = Scenario::parse("total=1&limit=1000").unwrap();
        let sum = summarize(&far, &schedule(&far));
        let said = chart_description(Lang::En, &far, &sum, true);
        assert!(
            said.contains(". The FX limit of $1,000 bn a year is off the scale, far above every bar. "),
            "{said}"
        );
        assert!(!said.contains("dashed"), "{said}");
        let said = chart_description(Lang::Ko, &far, &sum, true);
        assert!(
            said.contains("연 1조 달러의 외환 한도는 모든 막대보다 훨씬 높아 축 범위를 넘습니다."),
            "{said}"
        );
        assert!(!said.contains("점선"), "{said}");
    }

    #[test]
    fn the_own_currency_lever_is_named_after_the_economy() {
        use crate::scenario::Key;
        assert_eq!(lever_name(Lang::Ko, Key::Total, Country::Kr), "약정 총액 (10억 달러)");
        assert_eq!(lever_name(Lang::Ko, Key::Limit, Country::Kr), "외환 한도 (10억 달러)");
        let names = |lang| Country::ALL.map(|c| lever_name(lang, Key::Krw, c));
        assert_eq!(names(Lang::En), ["Paid in won", "Paid in yen", "Paid in euros"]);
        assert_eq!(names(Lang::Ko), ["원화 지급", "엔화 지급", "유로화 지급"]);
        for c in Country::ALL {
            assert_eq!(lever_name(Lang::En, Key::Upfront, c), "Upfront share");
        }
    }

    #[test]
    fn sourced_figures_are_grouped_by_thousands_in_both_languages() {
        let (won, gdp, eu) = (&facts::KR_KRW_PER_USD, &facts::KR_GDP, &facts::EU_GDP);
        assert_eq!(fact_value(Lang::En, won), "1,422.16 KRW per USD");
        assert_eq!(fact_value(Lang::Ko, won), "달러당 1,422.16원");
        assert_eq!(fact_value(Lang::En, gdp), "$1,870 bn");
        assert_eq!(fact_value(Lang::Ko, gdp), "1조 8,700억 달러");
        assert_eq!(fact_value(Lang::En, eu), "$19,398.3 bn");
        assert_eq!(fact_value(Lang::En, &facts::KR_FX_RESERVES), "$428.82 bn");
        assert_eq!(fact_value(Lang::En, &facts::KR_BOK_FX_CAPACITY), "$20 bn a year");
    }

    #[test]
    fn a_limit_a_hair_above_zero_or_dollars_a_hair_above_it_read_as_what_is_shown() {
        // The limit is kept to the $0.1 m amounts are written to: no 300-digit ratio, no "inf".
        for (link, limit) in
            [("limit=1e-300", 0.0), ("limit=1e-320", 0.0), ("limit=0.00004", 0.0), ("limit=0.04", 0.04)]
        {
            let s = Scenario::parse(link).unwrap();
            assert_eq!(s.limit, limit, "{link}");
            for lang in [Lang::En, Lang::Ko] {
                let sum = summarize(&s, &schedule(&s));
                let words = [narration(lang, &s, &sum), summary_lines(lang, &s, &sum).join("\n")].join("\n");
                assert!(!words.contains("inf"), "{link}: {words}");
                let longest = words.split(|c: char| !c.is_ascii_digit() && c != ',').map(str::len).max();
                assert!(longest < Some(12), "{link}: {words}");
            }
        }
        // $35 000 a year over a limit of zero is not "above the limit", written "$0 bn"...
        let s = Scenario::parse("krw=99.9999&limit=0").unwrap();
        let sum = summarize(&s, &schedule(&s));
        assert_eq!(sum.breach_years, 0, "{}", narration(Lang::En, &s, &sum));
        // ...while $0.1 m is, and says so.
        let s = Scenario::parse("krw=99.9997&limit=0").unwrap();
        let sum = summarize(&s, &schedule(&s));
        assert_eq!(sum.breach_years, 10);
        assert!(narration(Lang::En, &s, &sum).contains("$0.1 m"), "{}", narration(Lang::En, &s, &sum));
    }

    #[test]
    fn a_large_ratio_is_grouped_by_thousands() {
        assert_eq!(times(Lang::En, 355_000.0), "355,000 times");
        assert_eq!(times(Lang::Ko, 1234.5), "1,234.5배");
    }

    #[test]
    fn number_formats() {
        assert_eq!(pct(21.428), "21.4");
        assert_eq!(pct(20.0), "20");
        assert_eq!(usd_bn(Lang::En, 66.6667), "$66.7 bn");
        assert_eq!(usd_bn(Lang::En, -0.01), "-$10 m");
        // Float noise below zero is no amount, and no "-$0 bn".
        assert_eq!(usd_bn(Lang::En, -1e-9), "$0 bn");
    }
}
