// The explorer's Korean-deal scenario (`pledge --format json preset=kr-deal`) as a small JS model
// for the peer pages: the same yearly stacked amounts, recomputed when the upfront share moves.
// It covers only what the peers draw (even profile, no won share, no guarantee calls), and
// follows the explorer's rule when shares would exceed 100: the moved share wins and the largest
// other share gives way. `bench/peers/check-model.mjs` compares it with the CLI's numbers.

export const KR_DEAL = Object.freeze({
  total: 350, // USD bn
  upfront: 0, // percent of total, paid in the first year
  guarantees: (75 / 350) * 100, // contingent: no cash unless called (calls = 0)
  loans: 0,
  corporate: (75 / 350) * 100, // company money, not state cash
  years: 10,
  start: 2026,
  limit: 20, // FX limit, USD bn a year (Bank of Korea)
});

const OTHERS = ['guarantees', 'loans', 'corporate'];

/** The scenario with `upfront` set to `value` percent; the largest other share gives way above 100.
 * Pass the scenario drawn last, not the preset: the explorer gives way from its current scenario,
 * so a drag up to 100 and back leaves the other shares at 0 (the rest is direct investment). */
export function withUpfront(base, value) {
  const s = { ...base, upfront: Math.min(100, Math.max(0, value)) };
  let excess = s.upfront + OTHERS.reduce((a, k) => a + s[k], 0) - 100;
  while (excess > 1e-9) {
    // Like Rust's Iterator::max_by: the last of equal maxima.
    let largest = OTHERS[0];
    for (const k of OTHERS) if (s[k] >= s[largest]) largest = k;
    if (s[largest] <= 0) break;
    const cut = Math.min(excess, s[largest]);
    s[largest] = Math.round((s[largest] - cut) * 1e9) / 1e9;
    excess -= cut;
  }
  return s;
}

/** Yearly amounts in USD bn, bottom of the stack first, as the explorer's chart stacks them. */
export function schedule(s) {
  const bn = (pct) => (s.total * pct) / 100;
  const direct = bn(Math.max(0, 100 - (s.upfront + s.guarantees + s.loans + s.corporate)));
  const years = [];
  const series = { upfront: [], direct: [], loans: [], corporate: [], guarantees: [] };
  for (let i = 0; i < s.years; i++) {
    years.push(s.start + i);
    series.upfront.push(i === 0 ? bn(s.upfront) : 0);
    series.direct.push(direct / s.years);
    series.loans.push(bn(s.loans) / s.years);
    series.corporate.push(bn(s.corporate) / s.years);
    series.guarantees.push(bn(s.guarantees) / s.years);
  }
  return { years, series, limit: s.limit };
}

/** Stack order and colours of the explorer's light theme (src/chart.rs `Theme::LIGHT`). */
export const SEGMENTS = [
  { key: 'upfront', label: 'Upfront cash', colour: 'rgb(18, 38, 82)' },
  { key: 'direct', label: 'Direct investment', colour: 'rgb(0, 94, 184)' },
  { key: 'loans', label: 'State loans', colour: 'rgb(86, 180, 233)' },
  { key: 'corporate', label: 'Company investment', colour: 'rgb(190, 190, 196)' },
  { key: 'guarantees', label: 'Guarantees (contingent)', colour: 'rgb(180, 110, 0)' },
];
export const LIMIT_LABEL = 'FX limit $20 bn a year (Bank of Korea, 2025-10-29)';
export const TITLE = "Korea's final deal, Nov 2025";
