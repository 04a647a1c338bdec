//! Figures the product shows, each with its unit, as-of date and source, copied from
//! `data/pledges.csv` (a test checks that every figure here matches its row there), and the
//! assumptions the model makes where no source gives a figure.

use serde::Serialize;

/// One sourced figure: a row of `data/pledges.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fact {
    /// The row's key in `data/pledges.csv`.
    pub key: &'static str,
    /// What the figure is, in a few words that fit after "a share of" (the figure cards) and,
    /// capitalised, head its line in the sources list.
    pub label: &'static str,
    /// The same in Korean.
    #[serde(skip)]
    pub label_ko: &'static str,
    /// The figure, in `unit`.
    pub value: f64,
    /// Unit as written in the data file, e.g. `USD bn`.
    pub unit: &'static str,
    /// The date (or year) the figure holds for.
    pub as_of: &'static str,
    /// Where it was read from: a URL, or a named article.
    pub source: &'static str,
    /// Short name of the source for captions.
    pub source_name: &'static str,
}

/// A figure no source gives, chosen by the model and always shown labelled as an assumption.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Assumption {
    /// Stable identifier.
    pub key: &'static str,
    /// What is assumed, in plain words.
    pub text: &'static str,
    /// The same in Korean.
    #[serde(skip)]
    pub ko: &'static str,
}

const WH_FACT_SHEET: &str = "https://www.whitehouse.gov/fact-sheets/2025/11/joint-fact-sheet-on-president-donald-j-trumps-meeting-with-president-lee-jae-myung/";

/// Korea's pledge, USD bn.
pub const KR_PLEDGE_TOTAL: Fact = Fact {
    key: "kr_pledge_total_usd_bn",
    label: "Korea's pledge",
    label_ko: "한국의 약정액",
    value: 350.0,
    unit: "USD bn",
    as_of: "2025-11-13",
    source: WH_FACT_SHEET,
    source_name: "White House joint fact sheet",
};
/// Korea's cash or equity part under the MOU, USD bn.
pub const KR_STRATEGIC_CASH: Fact = Fact {
    key: "kr_strategic_cash_usd_bn",
    label: "cash part of the deal",
    label_ko: "합의의 현금 부분",
    value: 200.0,
    unit: "USD bn",
    as_of: "2025-11-13",
    source: WH_FACT_SHEET,
    source_name: "White House joint fact sheet",
};
/// Korea's shipbuilding cooperation part, USD bn.
pub const KR_SHIPBUILDING: Fact = Fact {
    key: "kr_masga_shipbuilding_usd_bn",
    label: "shipbuilding cooperation",
    label_ko: "조선 협력",
    value: 150.0,
    unit: "USD bn",
    as_of: "2025-11-14",
    source: "https://en.infomaxai.com/news/articleView.html?idxno=92372",
    source_name: "Yonhap Infomax",
};
/// The yearly cap on Korea's cash payments, USD bn per year.
pub const KR_ANNUAL_CAP: Fact = Fact {
    key: "kr_annual_cash_cap_usd_bn",
    label: "yearly cap on the cash",
    label_ko: "연간 현금 상한",
    value: 20.0,
    unit: "USD bn per year",
    as_of: "2025-11-13",
    source: "https://koreajoongangdaily.joins.com/news/2025-11-14/national/diplomacy/White-House-releases-joint-fact-sheet-on-KoreaUS-trade-and-defense-talks/2454378",
    source_name: "Korea JoongAng Daily",
};
/// Years over which the 200 bn of cash is paid.
pub const KR_CASH_YEARS: Fact = Fact {
    key: "kr_cash_schedule_years",
    label: "years the cash is paid over",
    label_ko: "현금 지급 기간",
    value: 10.0,
    unit: "years",
    as_of: "2025-10-29",
    source: "https://biz.chosun.com/en/en-policy/2025/10/29/MSXMCVMLJZCYDALBW7ACW5HTHQ/?outputType=amp",
    source_name: "Chosun Biz",
};
/// The US demand: the whole pledge upfront, USD bn.
pub const KR_UPFRONT_DEMAND: Fact = Fact {
    key: "kr_upfront_demand_usd_bn",
    label: "US demand, upfront",
    label_ko: "미국의 선불 요구",
    value: 350.0,
    unit: "USD bn",
    as_of: "2025-10-29",
    source: "seed article (POLITICO)",
    source_name: "POLITICO",
};
/// The Bank of Korea's judgement of how many dollars a year Korea can pay without destabilising the won.
pub const KR_BOK_FX_CAPACITY: Fact = Fact {
    key: "kr_bok_fx_capacity_usd_bn_per_year",
    label: "Bank of Korea's dollar limit",
    label_ko: "한국은행의 달러 한도",
    value: 20.0,
    unit: "USD bn per year",
    as_of: "2025-10-29",
    source: "seed article (POLITICO)",
    source_name: "Bank of Korea via POLITICO",
};
/// The US tariff on Korean goods agreed for the pledge, percent (it was to be 25).
pub const KR_TARIFF_AGREED: Fact = Fact {
    key: "kr_tariff_agreed_pct",
    label: "agreed US tariff on Korean goods",
    label_ko: "합의된 미국의 대한국 관세",
    value: 15.0,
    unit: "percent",
    as_of: "2025-07-30",
    source: "https://www.chinadaily.com.cn/a/202507/31/WS688aca84a310c26fd717cb26.html",
    source_name: "China Daily",
};
/// Korea's foreign-exchange reserves, USD bn.
pub const KR_FX_RESERVES: Fact = Fact {
    key: "kr_fx_reserves_usd_bn",
    label: "Korea's FX reserves",
    label_ko: "한국 외환보유액",
    value: 428.82,
    unit: "USD bn",
    as_of: "2025-10-31",
    source: "https://koreajoongangdaily.joins.com/news/2025-11-05/business/finance/Koreas-foreign-reserves-rise-to-nearly-3yr-high-in-October/2436927",
    source_name: "Korea JoongAng Daily",
};
/// Korea's nominal GDP, USD bn.
pub const KR_GDP: Fact = Fact {
    key: "kr_gdp_nominal_usd_bn",
    label: "Korea's GDP",
    label_ko: "한국 GDP",
    value: 1870.0,
    unit: "USD bn",
    as_of: "2025",
    source: "https://www.thehansindia.com/business/s-koreas-per-capita-income-edges-up-to-stay-in-36000-range-1055194",
    source_name: "The Hans India (Bank of Korea data)",
};
/// Won per dollar, 2025 average.
pub const KR_KRW_PER_USD: Fact = Fact {
    key: "kr_krw_per_usd_avg_2025",
    label: "won per dollar",
    label_ko: "원/달러 환율",
    value: 1422.16,
    unit: "KRW per USD",
    as_of: "2025",
    source: "http://world.kbs.co.kr/service/news_view.htm?Seq_Code=198497&lang=e",
    source_name: "KBS World",
};
/// Japan's pledge, USD bn.
pub const JP_PLEDGE_TOTAL: Fact = Fact {
    key: "jp_pledge_usd_bn",
    label: "Japan's pledge",
    label_ko: "일본의 약정액",
    value: 550.0,
    unit: "USD bn",
    as_of: "2025-09-04",
    source: "https://www.stlouisfed.org/on-the-economy/2025/nov/analyzing-japan-550-billion-pledge-invest-us",
    source_name: "St. Louis Fed",
};
/// Japan's foreign-exchange reserves, USD bn.
pub const JP_FX_RESERVES: Fact = Fact {
    key: "jp_fx_reserves_usd_bn",
    label: "Japan's FX reserves",
    label_ko: "일본 외환보유액",
    value: 1271.2,
    unit: "USD bn",
    as_of: "2025-08-31",
    source: "https://jp-reports.com/ja/articles/tKUiur9L",
    source_name: "Japan Ministry of Finance",
};
/// Japan's nominal GDP, JPY tn.
pub const JP_GDP_JPY: Fact = Fact {
    key: "jp_gdp_nominal_jpy_tn",
    label: "Japan's GDP",
    label_ko: "일본 GDP",
    value: 609.3,
    unit: "JPY tn",
    as_of: "2024",
    source: "https://japannews.yomiuri.co.jp/editorial/yomiuri-editorial/20250218-239269/",
    source_name: "Yomiuri Shimbun",
};
/// The EU's investment pledge, USD bn.
pub const EU_INVESTMENT: Fact = Fact {
    key: "eu_investment_usd_bn",
    label: "the EU's investment pledge",
    label_ko: "EU의 투자 약정",
    value: 600.0,
    unit: "USD bn",
    as_of: "2025-08-21",
    source:
        "https://www.3newsnow.com/politics/economy/us-and-eu-lock-in-tariff-rates-on-autos-industrial-goods",
    source_name: "Scripps News",
};
/// The EU's GDP, USD bn.
pub const EU_GDP: Fact = Fact {
    key: "eu_gdp_usd_bn",
    label: "the EU's GDP",
    label_ko: "EU GDP",
    value: 19398.3,
    unit: "USD bn",
    as_of: "2024",
    source: "https://www.oecd.org/en/publications/oecd-economic-surveys-european-union-and-euro-area-2025_5ec8dcc2-en/full-report/basic-statistics-of-the-european-union-2024_3e3c0872",
    source_name: "OECD",
};

/// Every sourced figure the product uses, for the sources panel and the data-file check.
pub const ALL: &[Fact] = &[
    KR_PLEDGE_TOTAL,
    KR_STRATEGIC_CASH,
    KR_SHIPBUILDING,
    KR_ANNUAL_CAP,
    KR_CASH_YEARS,
    KR_UPFRONT_DEMAND,
    KR_BOK_FX_CAPACITY,
    KR_TARIFF_AGREED,
    KR_FX_RESERVES,
    KR_GDP,
    KR_KRW_PER_USD,
    JP_PLEDGE_TOTAL,
    JP_FX_RESERVES,
    JP_GDP_JPY,
    EU_INVESTMENT,
    EU_GDP,
];

/// The data version: the latest as-of date of any fact (the cite line quotes it).
pub const DATA_AS_OF: &str = "2025-11-14";

/// Yen per dollar used to put Japan's GDP (published in yen) in dollars.
pub const JPY_PER_USD_ASSUMED: f64 = 150.0;

/// No rate is in the reference data, so the yen conversion is an assumption.
pub const ASSUME_JPY_RATE: Assumption = Assumption {
    key: "jpy_per_usd",
    text: "150 yen per dollar, a round figure: the reference data gives Japan's GDP only in yen",
    ko: "달러당 150엔, 어림값: 참고 자료에 일본 GDP가 엔화로만 있음",
};
/// How called guarantees are timed.
pub const ASSUME_CALL_TIMING: Assumption = Assumption {
    key: "call_timing",
    text: "a called guarantee is paid in the same year it is issued (the worst timing for that year's dollar limit)",
    ko: "청구된 보증은 보증을 선 해에 바로 지급됨 (그해 달러 한도에 가장 불리한 시점)",
};
/// Company investment does not draw on the state's dollars.
pub const ASSUME_CORPORATE: Assumption = Assumption {
    key: "corporate_not_state",
    text: "companies invest their own money: it counts toward the pledge but not against the state's dollar limit",
    ko: "기업은 자기 돈으로 투자함: 약정액에는 들어가지만 국가의 달러 한도에는 들어가지 않음",
};
/// Paying in won does not press on the dollar market.
pub const ASSUME_WON: Assumption = Assumption {
    key: "won_not_dollars",
    text: "state cash paid in the country's own currency does not count against the dollar limit",
    ko: "자국 통화로 낸 국가 현금은 달러 한도에 들어가지 않음",
};

/// Assumptions every scenario makes.
pub const MODEL_ASSUMPTIONS: &[Assumption] = &[ASSUME_CALL_TIMING, ASSUME_CORPORATE, ASSUME_WON];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_version_is_the_latest_as_of_date_in_the_data_file() {
        let csv = include_str!("../data/pledges.csv");
        let latest = csv.lines().skip(1).filter_map(|l| l.split(',').nth(3)).max().unwrap();
        assert_eq!(DATA_AS_OF, latest);
    }

    /// Guards against a figure drifting from the reference data it was copied from.
    #[test]
    fn every_fact_matches_its_row_in_the_data_file() {
        let csv = include_str!("../data/pledges.csv");
        for fact in ALL {
            let row = csv
                .lines()
                .find(|line| line.split(',').next() == Some(fact.key))
                .unwrap_or_else(|| panic!("{} missing from data/pledges.csv", fact.key));
            let cols: Vec<&str> = row.splitn(6, ',').collect();
            assert_eq!(cols[1].parse::<f64>().unwrap(), fact.value, "{}", fact.key);
            assert_eq!(cols[2], fact.unit, "{}", fact.key);
            assert_eq!(cols[3], fact.as_of, "{}", fact.key);
            assert_eq!(cols[4], fact.source, "{}", fact.key);
        }
    }

    /// The sources list names each figure; two figures with one name could not be told apart.
    #[test]
    fn every_fact_has_its_own_name_in_both_languages() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(!a.label.is_empty() && !a.label_ko.is_empty(), "{}", a.key);
            for b in ALL.iter().skip(i + 1) {
                assert!(a.label != b.label && a.label_ko != b.label_ko, "{} and {}", a.key, b.key);
            }
        }
    }
}
