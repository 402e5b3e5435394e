import { describe as suite, expect, it } from 'vitest';
import { defineLifecycleJudge } from './defineLifecycleJudge.js';
import { create, defaultClient, list } from '../testing/lifecycleHistoryFixture.js';

suite('defineLifecycleJudge', () => {
  it('refuses a verdict on a rule the judge does not enforce', () => {
    const rogue = defineLifecycleJudge({ id: 'rogue', rules: ['lifecycle.dates'], judge: () => [{ ruleId: 'lifecycle.list-complete', ok: true, message: 'x' }] });
    expect(() => rogue.judge([list(1, [])])).toThrow(/does not enforce/);
  });

  it('masks every secret the history holds in what a verdict says, and names its judge', () => {
    const secret = 'k'.repeat(51);
    const leaky = defineLifecycleJudge({ id: 'leaky', rules: ['lifecycle.dates'], judge: () => [{ ruleId: 'lifecycle.dates', ok: false, message: `saw ${secret}`, expected: 'x', observed: { s: secret } }] });
    const vs = leaky.judge([create({ GenerateSecret: true }, defaultClient('a', { ClientSecret: secret }))]);
    expect(vs[0]?.oracle).toBe('leaky');
    expect(JSON.stringify(vs)).not.toContain(secret);
  });
});
