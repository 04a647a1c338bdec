//! The guided tour: the story of the negotiation in seven steps, each a scenario (a query
//! string, as a link would carry it) and two or three sentences in English and Korean. The
//! figures in the words are checked against the model by the tests below.

use crate::scenario::Scenario;
use crate::view::Lang;

/// One step of the tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The scenario the step shows.
    pub query: &'static str,
    /// Heading, English and Korean.
    pub title: (&'static str, &'static str),
    /// What to see, English and Korean.
    pub text: (&'static str, &'static str),
}

impl Step {
    /// The step's scenario (the queries are fixed and tested; a bad one falls back leniently).
    pub fn scenario(&self) -> Scenario {
        Scenario::from_raw_lenient(&crate::scenario::RawParams::from_query(self.query)).0
    }

    /// The heading in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        crate::text::tr(lang, self.title.0, self.title.1)
    }

    /// The words in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        crate::text::tr(lang, self.text.0, self.text.1)
    }
}

/// The steps, in order. Step `n` of a link (`step=n`) is `STEPS[n - 1]`.
pub const STEPS: [Step; 7] = [
    Step {
        query: "preset=us-demand",
        title: ("The demand: all of it, upfront", "요구: 전부, 선불로"),
        text: (
            "Washington first demanded Korea's $350 bn upfront, in cash from government coffers. Paid in one year, \
             that is one tall bar: $350 bn in dollars in 2026.",
            "미국은 처음에 한국의 3,500억 달러를 정부 금고의 현금으로, 선불로 내라고 요구했습니다. 한 해에 내면 \
             막대 하나가 솟습니다. 2026년 한 해 달러 지급액만 3,500억 달러입니다.",
        ),
    },
    Step {
        query: "preset=us-demand",
        title: ("The Bank of Korea's limit", "한국은행의 한도"),
        text: (
            "The dashed line is the Bank of Korea's judgement: about $20 bn a year is the most Korea can pay in \
             dollars without destabilising the won. The upfront demand is 17.5 times that.",
            "점선은 한국은행의 판단입니다. 원화를 흔들지 않고 한국이 달러로 낼 수 있는 금액은 한 해 약 200억 \
             달러입니다. 선불 요구는 그 17.5배입니다.",
        ),
    },
    Step {
        query: "preset=us-demand&krw=50",
        title: ("Paying part in won", "일부는 원화로"),
        text: (
            "The US offered to accept part of the money in won, which does not press on the dollar market. Even with \
             half paid in won, the first year still needs $175 bn in dollars.",
            "미국은 일부를 원화로 받겠다고 했습니다. 원화 지급은 달러 시장에 부담이 없습니다. 절반을 원화로 \
             내도 첫해 달러 지급액은 여전히 1,750억 달러입니다.",
        ),
    },
    Step {
        query: "guarantees=43",
        title: ("Guarantees instead of cash", "현금 대신 보증"),
        text: (
            "Seoul pushed for loan guarantees: they cost nothing unless a loan goes bad and the guarantee is called. \
             With 43% given as guarantees, the cash left over ten years is just under $20 bn a year. Move \
             'Guarantees called' to see what calls would cost.",
            "한국은 대출 보증을 내세웠습니다. 보증은 대출이 부실해져 청구되기 전에는 돈이 들지 않습니다. 43%를 \
             보증으로 돌리면 10년 동안 남는 현금은 한 해 200억 달러를 조금 밑돕니다. '보증 청구'를 움직이면 청구 시 \
             비용이 보입니다.",
        ),
    },
    Step {
        query: "years=18",
        title: ("Spreading it over years", "여러 해에 나누기"),
        text: (
            "Spread evenly over ten years, $350 bn of cash is $35 bn a year, still above the limit. It takes 18 \
             years for every year to fit.",
            "10년에 고르게 나눠도 현금 3,500억 달러는 한 해 350억 달러로 여전히 한도를 넘습니다. 모든 해가 한도 \
             안에 들려면 18년이 걸립니다.",
        ),
    },
    Step {
        query: "preset=kr-deal",
        title: ("The final deal, November 2025", "최종 합의, 2025년 11월"),
        text: (
            "The deal: $200 bn of cash, capped at $20 bn a year, plus $150 bn of shipbuilding cooperation (company \
             investment, guarantees and ship financing). Every year now sits on the limit line, not above it.",
            "합의는 연 200억 달러 상한의 현금 2,000억 달러에, 기업 투자·보증·선박 금융으로 이뤄진 조선 협력 \
             1,500억 달러를 더한 것입니다. 이제 모든 해가 한도선을 넘지 않고 딱 맞습니다.",
        ),
    },
    Step {
        query: "preset=japan",
        title: ("Japan and the EU", "일본과 EU"),
        text: (
            "Japan pledged $550 bn, mostly loans and guarantees from its state lenders JBIC and NEXI; the EU's $600 bn \
             is what its companies intend to invest. Pick them in the Scenario menu to compare; the FX line stays \
             Korea's, for reference.",
            "일본은 5,500억 달러를 약속했는데 대부분 국책 금융기관 JBIC와 NEXI의 대출과 보증입니다. EU의 6,000억 \
             달러는 EU 기업들의 투자 의향입니다. 시나리오 메뉴에서 골라 비교해 보세요. 외환 한도선은 참고로 한국 \
             기준을 씁니다.",
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{min_years, schedule, summarize, within_limit};
    use crate::presets::Preset;
    use crate::scenario::Scenario;
    use crate::text::{pct, times, tr, usd_bn};

    fn summary(step: usize) -> crate::model::Summary {
        let s = STEPS[step - 1].scenario();
        summarize(&s, &schedule(&s))
    }

    #[test]
    fn every_step_is_a_valid_link() {
        for step in STEPS {
            assert!(Scenario::parse(step.query).is_ok(), "{}", step.query);
            for lang in [Lang::En, Lang::Ko] {
                assert!(!step.title(lang).is_empty() && !step.text(lang).is_empty());
            }
        }
    }

    /// Every figure a step's words state is the model's, as the page formats it: each dollar
    /// amount and ratio is computed from the step's scenario (or, for the EU, its preset),
    /// formatted with `usd_bn` / `times` for each language, and looked for in that language's
    /// words. A change of preset or model that moves a figure, or an edit of the words that
    /// changes one, fails here.
    #[test]
    fn the_figures_in_the_words_are_the_models() {
        // The step's words in both languages contain `figure`, formatted for each.
        let says = |step: usize, figure: &dyn Fn(Lang) -> String| {
            for lang in [Lang::En, Lang::Ko] {
                let (words, want) = (STEPS[step - 1].text(lang), figure(lang));
                assert!(words.contains(&want), "step {step} ({lang:?}) should state {want:?}: {words}");
            }
        };
        let money = |x: f64| move |lang: Lang| usd_bn(lang, x);
        let bn = |share: f64, s: &Scenario| s.total * share / 100.0;

        // 1: the whole pledge upfront is one bar of dollars in the first year.
        let demand = summary(1);
        says(1, &money(demand.peak_usd_cash));
        says(1, &|lang| tr(lang, "in {}", "{}년").replace("{}", &demand.peak_year.to_string()));
        assert_eq!(demand.peak_year, STEPS[0].scenario().start);

        // 2: the limit, and the demand's peak as a multiple of it.
        let s2 = STEPS[1].scenario();
        says(2, &money(s2.limit));
        let ratio = summary(2).peak_times_limit.expect("a limit above zero");
        says(2, &|lang| times(lang, ratio));

        // 3: half in won still leaves the first year's dollars.
        assert_eq!(STEPS[2].scenario().krw, 50.0);
        says(3, &money(summary(3).peak_usd_cash));

        // 4: with the stated share as guarantees, the cash a year is just under the limit.
        let s4 = STEPS[3].scenario();
        says(4, &|_| format!("{}%", pct(s4.guarantees)));
        says(4, &money(s4.limit));
        let cash_a_year = schedule(&s4).rows[0].usd_cash;
        assert!(within_limit(&s4) && cash_a_year < s4.limit && cash_a_year > s4.limit - 0.5, "{cash_a_year}");

        // 5: the default spread over ten years, and the years it takes to fit.
        let ten = Scenario { years: 10, ..STEPS[4].scenario() };
        assert_eq!(ten, Scenario::default(), "step 5 starts from the default page");
        says(5, &money(bn(ten.direct(), &ten)));
        let a_year = schedule(&ten).rows[0].usd_cash;
        assert!(!within_limit(&ten));
        says(5, &money(a_year));
        let years = min_years(&ten).expect("some timeline fits");
        assert_eq!(years, STEPS[4].scenario().years, "step 5 shows the timeline it names");
        says(5, &|lang| tr(lang, "{} years", "{}년").replace("{}", &years.to_string()));
        assert!(within_limit(&STEPS[4].scenario()));

        // 6: the deal's cash (the direct share), its cap a year, and shipbuilding (company
        // investment and guarantees), all from the preset's shares of its total.
        let deal = STEPS[5].scenario();
        let sum = summary(6);
        says(6, &money(bn(deal.direct(), &deal)));
        says(6, &money(sum.peak_usd_cash));
        says(6, &money(bn(deal.corporate + deal.guarantees, &deal)));
        assert_eq!(sum.breach_years, 0);
        assert!((sum.peak_usd_cash - deal.limit).abs() < 1e-9, "on the limit line, not above it");

        // 7: Japan's pledge is the step's scenario; the EU's is its preset's.
        says(7, &money(STEPS[6].scenario().total));
        says(7, &money(Preset::Eu.scenario().total));
    }
}
