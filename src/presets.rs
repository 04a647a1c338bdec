//! Named scenarios with the figures they rest on, each sourced, and the assumptions they add.

use crate::facts::{self, Assumption, Fact};
use crate::scenario::{Country, Key, Profile, Scenario};
use crate::view::Lang;

/// A named scenario a reader can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Washington's first demand: the whole 350 upfront, in dollars.
    UsDemand,
    /// The final Korean deal of November 2025.
    KrDeal,
    /// Japan's $550 bn pledge (Sep 2025).
    Japan,
    /// The EU's $600 bn pledge (Aug 2025).
    Eu,
}

/// The split of Korea's 150 bn shipbuilding part is not published.
pub const ASSUME_SHIPBUILDING_SPLIT: Assumption = Assumption {
    key: "kr_shipbuilding_split",
    text: "the 150 bn shipbuilding part is split half company investment (75) and half guarantees and ship financing (75, modelled as guarantees); the real split is unpublished",
    ko: "조선 협력 1,500억 달러는 절반은 기업 투자(750억 달러), 절반은 보증과 선박 금융(750억 달러, 보증으로 모델화)으로 나눔. 실제 배분은 공개되지 않음",
};
/// Deal presets start with no guarantee called.
pub const ASSUME_NO_CALLS: Assumption = Assumption {
    key: "calls_zero",
    text: "no guarantee is called; move 'Guarantees called' to see what calls would cost",
    ko: "청구되는 보증은 없다고 둠. 청구 시 비용은 '보증 청구' 슬라이더로 볼 수 있음",
};
/// Japan's split between loans and guarantees is not published.
pub const ASSUME_JP_SPLIT: Assumption = Assumption {
    key: "jp_split",
    text: "2% of Japan's 550 is cash equity (its negotiator said 1-2%); the rest is split evenly between JBIC loans and NEXI guarantees",
    ko: "일본의 5,500억 달러 중 2%는 현금 출자(협상 대표는 1~2%라고 말함). 나머지는 JBIC 대출과 NEXI 보증으로 반씩 나눔",
};
/// Timelines for Japan are not published as a payment schedule.
pub const ASSUME_JP_YEARS: Assumption = Assumption {
    key: "jp_years",
    text: "paid over 10 years like Korea's cash part; projects are chosen before January 2029 but payments run on",
    ko: "한국의 현금 부분처럼 10년에 걸쳐 지급. 사업은 2029년 1월 전에 고르지만 지급은 그 뒤에도 이어짐",
};
/// The EU's pledge is company investment.
pub const ASSUME_EU_CORPORATE: Assumption = Assumption {
    key: "eu_corporate",
    text: "the EU's 600 is what EU companies intend to invest by 2028: company money, no state cash",
    ko: "EU의 6,000억 달러는 EU 기업들이 2028년까지 투자할 의향을 밝힌 금액: 기업 돈이고 국가 현금은 없음",
};
/// The Bank of Korea's limit kept for comparison.
pub const ASSUME_LIMIT_FOR_COMPARISON: Assumption = Assumption {
    key: "limit_for_comparison",
    text: "the FX limit is the Bank of Korea's 20 bn a year, kept for comparison; no such figure is published for this economy",
    ko: "외환 한도는 비교를 위해 한국은행의 연 200억 달러를 그대로 씀. 이 경제권에는 발표된 수치가 없음",
};

impl Preset {
    /// Every preset, in the order the picker shows them.
    pub const ALL: [Preset; 4] = [Preset::UsDemand, Preset::KrDeal, Preset::Japan, Preset::Eu];

    /// The name used in the query string.
    pub fn key(self) -> &'static str {
        match self {
            Preset::UsDemand => "us-demand",
            Preset::KrDeal => "kr-deal",
            Preset::Japan => "japan",
            Preset::Eu => "eu",
        }
    }

    /// Looks a preset up by its query-string name.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// A short title.
    pub fn title(self, lang: Lang) -> &'static str {
        let (en, ko) = match self {
            Preset::UsDemand => ("US demand: all upfront, in dollars", "미국 요구: 전액 선불, 달러로"),
            Preset::KrDeal => ("Korea's final deal, Nov 2025", "한국 최종 합의, 2025년 11월"),
            Preset::Japan => ("Japan's deal, Sep 2025", "일본 합의, 2025년 9월"),
            Preset::Eu => ("EU's deal, Aug 2025", "EU 합의, 2025년 8월"),
        };
        match lang {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }

    /// The sourced figures the preset's values come from. The FX limit every preset starts
    /// from is cited wherever the limit is the Bank of Korea's figure, preset or not
    /// ([`crate::export::cited_facts`], [`crate::text::source_line`]).
    pub fn facts(self) -> &'static [Fact] {
        match self {
            Preset::UsDemand => &[facts::KR_UPFRONT_DEMAND],
            Preset::KrDeal => &[
                facts::KR_PLEDGE_TOTAL,
                facts::KR_STRATEGIC_CASH,
                facts::KR_SHIPBUILDING,
                facts::KR_ANNUAL_CAP,
                facts::KR_CASH_YEARS,
            ],
            Preset::Japan => &[facts::JP_PLEDGE_TOTAL],
            Preset::Eu => &[facts::EU_INVESTMENT],
        }
    }

    /// The assumptions the preset adds to the model's own, each with the values it sets (bits of
    /// [`keys`]): an assumption is listed only while the scenario keeps the preset's value of
    /// every one of them ([`Preset::moved`]), so `preset=kr-deal&calls=20` does not rest on "no
    /// guarantee is called". (The figures a preset was built from stay cited: they are still
    /// what its values started from.)
    pub fn assumptions(self) -> &'static [(Assumption, u16)] {
        match self {
            Preset::UsDemand => &[],
            Preset::KrDeal => &[(ASSUME_SHIPBUILDING_SPLIT, SPLIT), (ASSUME_NO_CALLS, CALLS)],
            Preset::Japan => &[
                (ASSUME_JP_SPLIT, JP_SPLIT),
                (ASSUME_JP_YEARS, YEARS),
                (ASSUME_NO_CALLS, CALLS),
                (ASSUME_LIMIT_FOR_COMPARISON, COMPARISON),
            ],
            Preset::Eu => &[(ASSUME_EU_CORPORATE, EU_CORPORATE), (ASSUME_LIMIT_FOR_COMPARISON, COMPARISON)],
        }
    }

    /// The values `s` has moved off this preset's, as bits of [`keys`].
    pub fn moved(self, s: &Scenario) -> u16 {
        let preset = self.scenario();
        Key::ALL.into_iter().filter(|k| !s.same_at(*k, &preset)).fold(0, |bits, k| bits | keys(&[k]))
    }

    /// The preset's values.
    pub fn scenario(self) -> Scenario {
        let base = Scenario { preset: Some(self), ..Scenario::default() };
        let limit = facts::KR_BOK_FX_CAPACITY.value;
        match self {
            Preset::UsDemand => {
                Scenario { total: facts::KR_UPFRONT_DEMAND.value, upfront: 100.0, limit, ..base }
            }
            Preset::KrDeal => {
                let total = facts::KR_PLEDGE_TOTAL.value;
                let shipbuilding_half = facts::KR_SHIPBUILDING.value / 2.0;
                Scenario {
                    total,
                    corporate: percent_of(shipbuilding_half, total),
                    guarantees: percent_of(shipbuilding_half, total),
                    years: cash_years(),
                    limit,
                    ..base
                }
            }
            Preset::Japan => Scenario {
                total: facts::JP_PLEDGE_TOTAL.value,
                loans: 49.0,
                guarantees: 49.0,
                years: 10,
                limit,
                country: Country::Jp,
                ..base
            },
            Preset::Eu => Scenario {
                total: facts::EU_INVESTMENT.value,
                corporate: 100.0,
                years: 3,
                profile: Profile::Even,
                limit,
                country: Country::Eu,
                ..base
            },
        }
    }
}

// The values a preset's assumption sets ([`Preset::assumptions`]).
const YEARS: u16 = keys(&[Key::Years]);
const CALLS: u16 = keys(&[Key::Calls]);
const SPLIT: u16 = keys(&[Key::Total, Key::Corporate, Key::Guarantees]);
const JP_SPLIT: u16 = keys(&[Key::Total, Key::Upfront, Key::Loans, Key::Guarantees, Key::Corporate]);
const EU_CORPORATE: u16 = keys(&[Key::Total, Key::Corporate]);
const COMPARISON: u16 = keys(&[Key::Limit, Key::Country]);

/// A set of the scenario's keys as bits, one per key (`1 << key`).
pub const fn keys(list: &[Key]) -> u16 {
    let (mut bits, mut rest) = (0, list);
    while let [key, tail @ ..] = rest {
        bits |= 1 << *key as u16;
        rest = tail;
    }
    bits
}

/// The sourced figures a scenario's values come from: its preset's ([`Preset::facts`]) and,
/// with no preset, the economy's sourced pledge when the scenario pledges exactly that total: a
/// link with no preset (the default page, `?upfront=20&years=10`) still shows Korea's $350 bn,
/// and cites where that figure is from.
pub fn facts_of(s: &Scenario) -> &'static [Fact] {
    if let Some(p) = s.preset {
        return p.facts();
    }
    let deal = match s.country {
        Country::Kr => Preset::KrDeal,
        Country::Jp => Preset::Japan,
        Country::Eu => Preset::Eu,
    };
    // Each economy's deal names its pledge first (a test holds it): the same static the preset
    // cites, not a copy of it in the bundle.
    match deal.facts().split_first() {
        Some((pledge, _)) if (s.total - pledge.value).abs() < 1e-9 => std::slice::from_ref(pledge),
        _ => &[],
    }
}

fn percent_of(part: f64, total: f64) -> f64 {
    part / total * 100.0
}

fn cash_years() -> u32 {
    // 10 years, as the sourced schedule says; the fact is a small whole number.
    let years = facts::KR_CASH_YEARS.value;
    if (1.0..=30.0).contains(&years) {
        years as u32
    } else {
        10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_with_no_preset_cites_the_pledge_it_shows() {
        let keys =
            |q: &str| -> Vec<&str> { facts_of(&Scenario::parse(q).unwrap()).iter().map(|f| f.key).collect() };
        assert_eq!(keys(""), ["kr_pledge_total_usd_bn"], "the default page pledges Korea's 350");
        assert_eq!(keys("upfront=20&years=10&krw=30"), ["kr_pledge_total_usd_bn"]);
        assert_eq!(keys("total=400"), Vec::<&str>::new(), "a total of the reader's own has no source");
        assert_eq!(keys("country=jp&total=550"), ["jp_pledge_usd_bn"]);
        assert_eq!(keys("country=jp"), Vec::<&str>::new(), "350 is not Japan's pledge");
        assert_eq!(keys("country=eu&total=600"), ["eu_investment_usd_bn"]);
        // A preset cites its figures while the values they set are its own: the years do not
        // set the US demand.
        assert_eq!(keys("preset=us-demand&years=3"), ["kr_upfront_demand_usd_bn"]);
        let firsts = [Preset::KrDeal, Preset::Japan, Preset::Eu].map(|p| p.facts().first().map(|f| f.key));
        let pledges =
            [&facts::KR_PLEDGE_TOTAL, &facts::JP_PLEDGE_TOTAL, &facts::EU_INVESTMENT].map(|f| Some(f.key));
        assert_eq!(firsts, pledges, "each economy's deal names its pledge first");
    }

    /// An assumption of a preset is listed while the reader leaves what it sets alone, and not
    /// once any of those values is moved: every one of them, for every preset.
    #[test]
    fn a_presets_assumptions_go_when_the_values_they_set_are_moved() {
        for preset in Preset::ALL {
            let start = preset.scenario();
            assert_eq!(preset.moved(&start), 0, "{preset:?}");
            for (name, sets) in preset.assumptions().iter().map(|(a, sets)| (a.key, *sets)) {
                assert_ne!(sets, 0, "{preset:?}: {name} would be listed whatever the reader moves");
                for moved in Key::ALL.into_iter().filter(|k| sets & keys(&[*k]) != 0) {
                    let mut s = start.clone();
                    match moved {
                        Key::Profile => {
                            s.profile =
                                if s.profile == Profile::Front { Profile::Back } else { Profile::Front }
                        }
                        Key::Country => {
                            s.country = if s.country == Country::Kr { Country::Jp } else { Country::Kr }
                        }
                        Key::Total => s.total = 1000.0,
                        Key::Years => s.years = 7,
                        Key::Limit => s.limit = 50.0,
                        Key::Calls => s.calls = 10.0,
                        _ => s.set(moved, if s.get(moved) == Some(1.0) { 0.5 } else { 1.0 }).unwrap(),
                    }
                    assert_eq!(preset.moved(&s), keys(&[moved]), "{preset:?} {}", moved.name());
                }
            }
        }
        // As the notes and the table list them.
        let listed = |q: &str| {
            let s = Scenario::parse(q).unwrap();
            let facts: Vec<&str> = facts_of(&s).iter().map(|f| f.key).collect();
            (facts, crate::text::assumptions(Lang::En, &s))
        };
        let (_, assumed) = listed("preset=kr-deal&calls=20");
        assert!(
            !assumed.contains(&ASSUME_NO_CALLS.text) && assumed.contains(&ASSUME_SHIPBUILDING_SPLIT.text)
        );
        let (facts, assumed) = listed("preset=japan&limit=100");
        assert_eq!(facts, ["jp_pledge_usd_bn"]);
        assert!(
            !assumed.contains(&ASSUME_LIMIT_FOR_COMPARISON.text) && assumed.contains(&ASSUME_JP_SPLIT.text)
        );
        // The figures the preset was built from stay: its values started from them.
        let (facts, assumed) = listed("preset=kr-deal&total=1000");
        assert!(
            facts.contains(&facts::KR_PLEDGE_TOTAL.key) && !assumed.contains(&ASSUME_SHIPBUILDING_SPLIT.text)
        );
    }

    #[test]
    fn a_presets_chart_title_names_its_amount_once() {
        // The chart title is "<preset> · <total> pledge over …": a preset's name that gave the
        // amount too ("Japan's 550 · $550 bn pledge") said it twice, once without its unit.
        for preset in Preset::ALL {
            let s = preset.scenario();
            for lang in [Lang::En, Lang::Ko] {
                let title = crate::text::title(lang, &s);
                let digits: String =
                    crate::text::usd_bn(lang, s.total).chars().filter(char::is_ascii_digit).collect();
                let mentions = title.replace(',', "").matches(digits.as_str()).count();
                assert_eq!(mentions, 1, "{preset:?} {lang:?}: {title}");
            }
        }
    }

    #[test]
    fn every_preset_is_a_valid_scenario_that_round_trips() {
        for preset in Preset::ALL {
            let s = preset.scenario();
            assert!(s.shares_fit(), "{preset:?}");
            assert_eq!(s.to_query(), format!("preset={}", preset.key()));
            assert_eq!(Scenario::parse(&s.to_query()).unwrap(), s);
        }
    }

    /// A preset is built in code, not parsed, so nothing but this test holds it to the ranges a
    /// link may carry: every key of every preset, written out explicitly (not left to the
    /// preset to fill in), must pass the strict parser and give the preset's values back; every
    /// number must lie in its key's documented range; and the four shares, added here, must come
    /// to at most 100.
    #[test]
    fn every_presets_values_are_ones_a_link_could_carry() {
        use crate::scenario::Key;
        for preset in Preset::ALL {
            let s = preset.scenario();
            let explicit = Scenario { preset: None, ..s.clone() }.to_query_full();
            for key in Key::ALL.into_iter().filter(|k| *k != Key::Preset) {
                assert!(explicit.contains(&format!("{}=", key.name())), "{preset:?}: {explicit}");
            }
            match Scenario::parse(&explicit) {
                Ok(parsed) => assert_eq!(parsed, Scenario { preset: None, ..s.clone() }, "{preset:?}"),
                Err(e) => panic!("{preset:?}: {explicit} is rejected: {e}"),
            }
            for key in Key::ALL {
                if let (Some((min, max)), Some(value)) = (key.range(), s.get(key)) {
                    assert!(
                        (min..=max).contains(&value),
                        "{preset:?}: {}={value}, allowed {min} to {max}",
                        key.name()
                    );
                }
            }
            let shares = s.upfront + s.guarantees + s.loans + s.corporate;
            assert!(shares <= 100.0 + 1e-9, "{preset:?}: shares add up to {shares}");
        }
    }

    #[test]
    fn kr_deal_pays_200_of_state_cash_at_20_a_year() {
        let s = Preset::KrDeal.scenario();
        let direct_bn = s.total * s.direct() / 100.0;
        assert!((direct_bn - 200.0).abs() < 1e-9, "{direct_bn}");
        assert!((direct_bn / f64::from(s.years) - 20.0).abs() < 1e-9);
    }
}
