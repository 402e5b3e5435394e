import { describe, expect, it } from 'vitest';
import { mergeReports } from './mergeReports.js';
import { totalsOf, type RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';
import { sampleReport } from '../testing/sampleReport.js';

function rule(id: string, status: RuleResult['status']): RuleResult {
  return { id, kind: 'length', members: [], evidence: 'model', basis: 'the AWS service model says so', statement: id, status, cases: 25 };
}

function shard(rules: RuleResult[], over: Partial<RunReport> = {}): RunReport {
  return { ...sampleReport(), rules, totals: totalsOf(rules), ...over };
}

// Shards as vitest --shard leaves them: disjoint rule sets, each in its own order and time window.
const one = shard([rule('output.shape', 'passed'), rule('client-name.max-length', 'failed')], {
  startedAt: '2026-11-26T06:00:05.000Z', finishedAt: '2026-11-26T06:02:00.000Z',
  target: { name: 'cognito-local', endpoint: 'http://127.0.0.1:40001/', region: 'us-east-1', transport: 'http' },
  harnessErrors: [{ code: 'E_FIXTURE', message: 'teardown left a client' }],
  capabilities: { resourceServer: true, identityProvider: false, analytics: false, reasons: { identityProvider: 'target lacks CreateIdentityProvider' } },
});
const two = shard([rule('default.auth-session-validity', 'skipped'), rule('user-pool-id.required', 'passed')], {
  startedAt: '2026-11-26T06:00:01.000Z', finishedAt: '2026-11-26T06:01:00.000Z',
  target: { name: 'cognito-local', endpoint: 'http://127.0.0.1:40002/', region: 'us-east-1', transport: 'http' },
  harnessErrors: [],
  capabilities: { resourceServer: false, identityProvider: false, analytics: false, reasons: { resourceServer: 'target lacks CreateResourceServer' } },
  notes: ['DeleteResourceServer failed on moto: HTTP 500; DeleteUserPool then removed the pool'],
});
const three = shard([rule('protocol.request-id', 'error')], {
  startedAt: '2026-11-26T06:00:03.000Z', finishedAt: '2026-11-26T06:03:30.000Z',
  target: { name: 'cognito-local', endpoint: 'http://127.0.0.1:40001/', region: 'us-east-1', transport: 'http' },
  harnessErrors: [],
});

describe('mergeReports', () => {
  const merged = mergeReports([one, two, three], ['s1/report.json', 's2/report.json', 's3/report.json']);

  it('takes the union of the rules in contract order', () => {
    expect(merged.rules.map((r) => r.id)).toEqual(['user-pool-id.required', 'client-name.max-length', 'default.auth-session-validity', 'output.shape', 'protocol.request-id']);
  });

  it('recounts totals, spans the earliest start to the latest finish', () => {
    expect(merged.totals).toEqual({ passed: 2, failed: 1, skipped: 1, incomplete: 0, interrupted: 0, error: 1 });
    expect(merged.startedAt).toBe('2026-11-26T06:00:01.000Z');
    expect(merged.finishedAt).toBe('2026-11-26T06:03:30.000Z');
  });

  it('keeps the run identity, lists each shard endpoint once, and keeps every harness error', () => {
    expect(merged.target).toEqual({ name: 'cognito-local', endpoint: 'http://127.0.0.1:40001/, http://127.0.0.1:40002/', region: 'us-east-1', transport: 'http' });
    expect(merged.seed).toBe(42);
    expect(merged.runs).toBe(25);
    expect(merged.tool).toEqual(one.tool);
    expect(merged.contract).toEqual(one.contract);
    expect(merged.harnessErrors).toEqual([{ code: 'E_FIXTURE', message: 'teardown left a client' }]);
  });

  it('keeps every shard\'s notes once, and has none when no shard had one', () => {
    expect(merged.notes).toEqual(['DeleteResourceServer failed on moto: HTTP 500; DeleteUserPool then removed the pool']);
    expect(mergeReports([one, three]).notes).toBeUndefined();
  });

  it('claims only the capabilities every shard had', () => {
    expect(merged.capabilities).toEqual({
      resourceServer: false, identityProvider: false, analytics: false,
      reasons: { identityProvider: 'target lacks CreateIdentityProvider', resourceServer: 'target lacks CreateResourceServer' },
    });
  });

  it('one shard merges to itself (same rules and totals)', () => {
    const alone = mergeReports([two]);
    expect(alone.rules).toEqual(two.rules.slice().reverse());
    expect(alone.totals).toEqual(two.totals);
    expect(alone.target.endpoint).toBe('http://127.0.0.1:40002/');
  });

  it('a rule in two shards with the same status is kept once', () => {
    expect(mergeReports([one, one]).rules).toHaveLength(2);
  });

  it('a rule with different statuses in two shards is an error naming both', () => {
    const clash = shard([rule('output.shape', 'failed')]);
    expect(() => mergeReports([one, clash], ['s1/report.json', 's2/report.json'])).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: 'rule output.shape is passed in s1/report.json but failed in s2/report.json' }),
    );
  });

  it.each([
    ['seed', { seed: 7 }, 'seed 7, but shard 1 has 42'],
    ['target', { target: { ...one.target, name: 'localstack' } }, 'target name "localstack", but shard 1 has "cognito-local"'],
    ['transport', { target: { ...one.target, transport: 'sdk' as const } }, 'transport "sdk"'],
    ['tool version', { tool: { name: 'cognito-conformance' as const, version: '9.9.9' } }, 'tool version "9.9.9"'],
  ])('shards of different runs (%s) are an error', (_what, over, message) => {
    expect(() => mergeReports([one, { ...two, ...over }])).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining(`shard 2 is from another run: ${message}`) }));
  });

  it('nothing to merge is an error', () => {
    expect(() => mergeReports([])).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
  });
});
