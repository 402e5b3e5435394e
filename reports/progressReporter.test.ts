import { describe, expect, it } from 'vitest';
import type { Exchange, Target } from '../targets/exchange.js';
import { ProgressReporter } from './progressReporter.js';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

const result = (id: string, status: 'passed' | 'failed') => ({ id, status });

/** A target that answers every request at once, as the runner's counting wrapper sees it. */
const nullTarget: Target = {
  info: { name: 'null', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
  send: (operation, input) => Promise.resolve({ operation, input, status: 200, headers: {}, body: {}, rawBody: '{}', elapsedMs: 0 } satisfies Exchange),
  close: () => Promise.resolve(),
};

/** What checkRule does for one property call: a step, then the case's requests through the counting target. */
async function sendCase(p: ProgressReporter, ruleId: string, shrinking: boolean, requests: number): Promise<void> {
  p.effort.step(ruleId, shrinking);
  const target = p.effort.counting(nullTarget, ruleId, () => shrinking);
  for (let i = 0; i < requests; i++) await target.send('CreateUserPoolClient', {});
}

describe('ProgressReporter', () => {
  it('writes one plain line per rule when not on a terminal, with cases, shrink steps and requests apart, and a totals line', async () => {
    const out = stream(false);
    const p = new ProgressReporter(3, out);
    // A rule that fails on its first case and shrinks twice (two requests per case: create, delete).
    await sendCase(p, 'client-name.max-length', false, 2);
    await sendCase(p, 'client-name.max-length', true, 2);
    await sendCase(p, 'client-name.max-length', true, 1);
    p.onRuleResult(result('client-name.max-length', 'failed'));
    for (let i = 0; i < 25; i++) await sendCase(p, 'default.auth-session-validity', false, 2);
    p.onRuleResult(result('default.auth-session-validity', 'passed'));
    p.onRunEnd();
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/3\] failed +client-name\.max-length \(1 case, 2 shrink steps, 5 requests\) — 1 case, 2 shrink steps, 5 requests, \d+ req\/s$/);
    expect(lines[1]).toMatch(/^\[2\/3\] passed +default\.auth-session-validity \(25 cases, 50 requests\) — 26 cases, 2 shrink steps, 55 requests, \d+ req\/s$/);
    expect(lines[2]).toMatch(/^Sent 55 requests in [\d.]+ s \(\d+\/s\): 52 for 26 cases, 3 for 2 shrink steps$/);
    expect(out.text).not.toContain('\r');
  });

  it('says known, not failed, for a failure the baseline accepts, and failed for any other', async () => {
    const out = stream(false);
    const p = new ProgressReporter(3, out, (id) => id === 'client-name.max-length');
    await sendCase(p, 'client-name.max-length', false, 1);
    p.onRuleResult(result('client-name.max-length', 'failed'));
    await sendCase(p, 'client-name.min-length', false, 1);
    p.onRuleResult(result('client-name.min-length', 'failed'));
    await sendCase(p, 'client-name.max-length', false, 1);
    p.onRuleResult(result('client-name.max-length', 'passed'));
    const lines = out.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\[1\/3\] known +client-name\.max-length \(1 case, 1 request\)/);
    expect(lines[1]).toMatch(/^\[2\/3\] failed +client-name\.min-length /);
    expect(lines[2]).toMatch(/^\[3\/3\] passed +client-name\.max-length /);
  });

  it('forgets a finished rule\'s own counts (memory does not grow with the run) but keeps the totals', async () => {
    const p = new ProgressReporter(1, stream(false));
    await sendCase(p, 'output.shape', false, 3);
    p.onRuleResult(result('output.shape', 'passed'));
    expect(p.effort.finish('output.shape')).toEqual({ cases: 0, shrinkSteps: 0, caseRequests: 0, shrinkRequests: 0 });
    expect(p.effort.total).toEqual({ cases: 1, shrinkSteps: 0, caseRequests: 3, shrinkRequests: 0 });
  });

  it('rewrites one line in place on a terminal, and ends with the totals on a clean line', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const out = stream(true);
      const p = new ProgressReporter(2, out);
      p.onRuleResult(result('output.shape', 'passed'));
      p.onRunEnd();
      expect(out.text.startsWith('\r\x1b[2K[1/2] passed')).toBe(true);
      expect(out.text).toMatch(/\r\x1b\[2KSent 0 requests in [\d.]+ s \(0\/s\): 0 for 0 cases, 0 for 0 shrink steps\n$/);
      expect(out.text.split('\n')).toHaveLength(2);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
