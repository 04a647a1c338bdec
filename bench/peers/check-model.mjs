// Checks the peer pages' JS model (model.js) against the explorer's own numbers: for several
// upfront shares, the yearly amounts must equal the CLI's for the same shares
// (`pledge --format json preset=kr-deal upfront=U guarantees=G corporate=C`). The CLI rejects
// shares above 100 rather than giving way, so the shares after model.js's give-way are passed
// explicitly: this checks the schedule, not the give-way rule (that is Rust's, tested there).
// Usage: node bench/peers/check-model.mjs   (PLEDGE=path/to/pledge, default target/debug/pledge)
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { KR_DEAL, withUpfront, schedule } from './model.js';

const PLEDGE = process.env.PLEDGE || 'target/debug/pledge';
let checked = 0;
for (const u of [0, 1, 13.5, 57, 57.2, 60, 79, 90, 100]) {
  const s = withUpfront(KR_DEAL, u);
  const query = `preset=kr-deal&upfront=${s.upfront}&guarantees=${s.guarantees}&corporate=${s.corporate}`;
  const cli = JSON.parse(execFileSync(PLEDGE, [query, '--format', 'json'], { encoding: 'utf8' }));
  const js = schedule(s);
  assert.equal(cli.rows.length, js.years.length, `years at upfront=${u}`);
  cli.rows.forEach((row, i) => {
    assert.equal(row.year, js.years[i]);
    for (const [key, want] of [['upfront', row.upfront], ['direct', row.direct], ['loans', row.loans],
      ['corporate', row.corporate], ['guarantees', row.guarantees_issued]]) {
      const got = js.series[key][i];
      assert.ok(Math.abs(got - want) < 1e-6, `upfront=${u} ${row.year} ${key}: js ${got} vs cli ${want}`);
      checked++;
    }
    assert.equal(row.fx_limit, js.limit);
  });
}
console.log(`model.js agrees with ${PLEDGE}: ${checked} yearly amounts checked`);
