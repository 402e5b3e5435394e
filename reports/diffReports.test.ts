import { describe, expect, it } from 'vitest';
import { diffReports, diffText } from './diffReports.js';
import { totalsOf, type RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';
import { sampleReport } from '../testing/sampleReport.js';

function rule(id: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult {
  return { id, kind: 'length', members: ['ClientName'], evidence: 'model', basis: 'the AWS service model says so', statement: id, status, cases: 25, ...extra };
}

function report(rules: RuleResult[], over: Partial<RunReport> = {}): RunReport {
  return { ...sampleReport(), rules, totals: totalsOf(rules), ...over };
}

/** Two synthetic runs with one rule of every kind of change. */
const before = report([
  rule('a.passed-to-failed', 'passed'),
  rule('b.passed-to-error', 'passed'),
  rule('c.skipped-to-failed', 'skipped', { reason: 'target lacks X' }),
  rule('d.failed-to-passed', 'failed', { observed: { status: 200 } }),
  rule('e.passed-to-skipped', 'passed'),
  rule('f.skipped-to-passed', 'skipped'),
  rule('g.failed-to-error', 'failed'),
  rule('h.still-failing-same', 'failed', { observed: { status: 200, body: { a: 1, b: 2 } } }),
  rule('i.still-failing-changed', 'failed', { observed: { status: 200 } }),
  rule('j.removed', 'passed'),
  rule('k.unchanged', 'passed'),
], { startedAt: '2026-11-25T06:00:00.000Z', tool: { name: 'cognito-conformance', version: '0.1.0' } });

const after = report([
  rule('a.passed-to-failed', 'failed', { reason: 'invalid request accepted (HTTP 200)' }),
  rule('b.passed-to-error', 'error', { reason: 'connection refused' }),
  rule('c.skipped-to-failed', 'failed'),
  rule('d.failed-to-passed', 'passed'),
  rule('e.passed-to-skipped', 'skipped', { reason: 'target lacks CreateResourceServer' }),
  rule('f.skipped-to-passed', 'passed'),
  rule('g.failed-to-error', 'error'),
  rule('h.still-failing-same', 'failed', { observed: { body: { b: 2, a: 1 }, status: 200 } }),
  rule('i.still-failing-changed', 'failed', { observed: { status: 400, errorType: 'ResourceNotFoundException' }, reason: 'wrong error type' }),
  rule('k.unchanged', 'passed'),
  rule('l.added', 'failed'),
], { startedAt: '2026-11-26T06:00:00.000Z', tool: { name: 'cognito-conformance', version: '0.2.0' }, target: { name: 'cognito-local', endpoint: 'http://127.0.0.1:5000/', region: 'us-east-1', transport: 'sdk' } });

describe('diffReports', () => {
  const diff = diffReports(before, after);
  const ids = (list: { id: string }[]) => list.map((c) => c.id);

  it('sorts every status change into one group', () => {
    expect(ids(diff.regressions)).toEqual(['a.passed-to-failed', 'b.passed-to-error', 'c.skipped-to-failed']);
    expect(diff.regressions[0]).toEqual({ id: 'a.passed-to-failed', before: 'passed', after: 'failed', reason: 'invalid request accepted (HTTP 200)' });
    expect(ids(diff.fixes)).toEqual(['d.failed-to-passed']);
    expect(diff.newlySkipped).toEqual([{ id: 'e.passed-to-skipped', before: 'passed', after: 'skipped', reason: 'target lacks CreateResourceServer' }]);
    expect(ids(diff.otherChanges)).toEqual(['f.skipped-to-passed', 'g.failed-to-error']);
  });

  it('finds added and removed rules', () => {
    expect(diff.added).toEqual([{ id: 'l.added', status: 'failed' }]);
    expect(diff.removed).toEqual([{ id: 'j.removed', status: 'passed' }]);
  });

  it('reports rules still failing whose observed outcome changed, ignoring key order', () => {
    expect(diff.observedChanged).toEqual([{
      id: 'i.still-failing-changed', before: { status: 200 }, after: { status: 400, errorType: 'ResourceNotFoundException' }, reason: 'wrong error type',
      details: ['errorType: only in B (ResourceNotFoundException)', 'status: 200 in A, 400 in B'],
    }]);
  });

  it('names both runs', () => {
    expect(diff.before).toMatchObject({ target: 'cognito-local', transport: 'http', toolVersion: '0.1.0', startedAt: '2026-11-25T06:00:00.000Z' });
    expect(diff.after).toMatchObject({ target: 'cognito-local', transport: 'sdk', toolVersion: '0.2.0', startedAt: '2026-11-26T06:00:00.000Z' });
  });

  it('two identical runs have no changes', () => {
    const same = diffReports(before, before);
    expect([same.regressions, same.fixes, same.newlySkipped, same.otherChanges, same.added, same.removed, same.observedChanged].flat()).toEqual([]);
    expect(diffText(same)).toContain('\nNo change: every rule has the same status and observed outcome (ids, run-scoped names, secrets, dates and request ids aside).\n');
  });
});

describe('diffText', () => {
  const text = diffText(diffReports(before, after), { before: 'a/report.json', after: 'b/report.json' });

  it('starts with a header naming both runs', () => {
    const [a, b] = text.split('\n');
    expect(a).toBe('A: cognito-local (http://127.0.0.1:40123/, us-east-1, http), cognito-conformance 0.1.0, model 2026-04-21, seed 42, runs 25, started 2026-11-25T06:00:00.000Z — a/report.json');
    expect(b).toBe('B: cognito-local (http://127.0.0.1:5000/, us-east-1, sdk), cognito-conformance 0.2.0, model 2026-04-21, seed 42, runs 25, started 2026-11-26T06:00:00.000Z — b/report.json');
  });

  it('lists each group with the transition and the later reason', () => {
    expect(text).toMatch(/^Regressions \(3\):\n {2}a\.passed-to-failed +passed → failed +invalid request accepted \(HTTP 200\)$/m);
    expect(text).toMatch(/^Fixes \(1\):\n {2}d\.failed-to-passed +failed → passed$/m);
    expect(text).toMatch(/^Newly skipped \(1\):\n {2}e\.passed-to-skipped +passed → skipped +target lacks CreateResourceServer$/m);
    expect(text).toMatch(/^Added rules, only in B \(1\):\n {2}l\.added +failed$/m);
    expect(text).toMatch(/^Removed rules, only in A \(1\):\n {2}j\.removed +passed$/m);
    expect(text).toContain('Still failing, observed outcome changed (1):\n  i.still-failing-changed — wrong error type\n    errorType: only in B (ResourceNotFoundException)\n    status: 200 in A, 400 in B\n\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 regressions, 1 fix, 1 newly skipped, 2 other changes, 1 added, 1 removed, 1 observed change');
  });

  it('notes when the runs sent different cases or hit different targets', () => {
    const other = diffText(diffReports(before, { ...after, seed: 7, target: { ...after.target, name: 'localstack' } }));
    expect(other).toContain('Note: different targets (cognito-local vs localstack); different seeds or runs: the two runs sent different cases.');
  });
});

describe('diffReports: SDK upgrades', () => {
  it('shows a changed SDK view of the same request, with the SDK versions in the header', () => {
    const a = sampleReport();
    a.target = { ...a.target, transport: 'sdk', sdkVersion: '3.1169.0' };
    a.rules[1] = { ...a.rules[1]!, sdk: { layer: 'server', status: 200, output: { UserPoolClient: { ClientId: 'aaa', AuthSessionValidity: 3 } } } };
    const b = structuredClone(a);
    b.target.sdkVersion = '3.1200.0';
    b.rules[1] = { ...b.rules[1]!, sdk: { layer: 'server', status: 200, output: { UserPoolClient: { ClientId: 'bbb', AuthSessionValidity: 3, ClientType: 'PUBLIC' } } } };
    const d = diffReports(a, b);
    expect(d.sdkChanged.map((c) => c.id)).toEqual([a.rules[1]!.id]);
    expect(diffText(d)).toContain('@aws-sdk/client-cognito-identity-provider 3.1200.0');
    expect(diffText(d)).toMatch(/SDK view changed \(1/);
    // A new ClientId alone is not a change.
    const c = structuredClone(a);
    (c.rules[1]!.sdk!.output as { UserPoolClient: { ClientId: string } }).UserPoolClient.ClientId = 'ccc';
    expect(diffReports(a, c).sdkChanged).toEqual([]);
  });
});

describe('diffReports: run-to-run values and model differences', () => {
  /** One SDK run of the sample's second rule, with what a run makes up (after a real run against cognito-local). */
  function sdkRun(prefix: string, poolId: string, clientId: string, sdkVersion: string, client: Record<string, unknown> = {}): RunReport {
    const r = sampleReport();
    r.target = { ...r.target, transport: 'sdk', sdkVersion };
    r.rules[1] = {
      ...r.rules[1]!,
      sdk: {
        layer: 'server', status: 200, sentAsBuilt: true,
        output: { UserPoolClient: { UserPoolId: poolId, ClientId: clientId, ClientName: 'c', CreationDate: '2026-12-08T04:45:55.000Z', AllowedOAuthScopes: [`https://${prefix}.example/read`, 'openid'], SupportedIdentityProviders: [`${prefix}-saml`], ...client } },
      },
    };
    r.rules[0] = { ...r.rules[0]!, observed: { status: 200, message: `pool ${poolId}: client ${clientId} created as ${prefix}-1` } };
    return r;
  }
  const rotation = { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } };

  it('two runs of the same SDK that differ only in ids, run-scoped names and dates: no change', () => {
    const a = sdkRun('cc-20261208t044553-6991', 'local_5M7BZPo0', '1dl0f1ihn6cbw7awz619pztip', '3.1169.0', rotation);
    const b = sdkRun('cc-20261208t044600-b8e2', 'local_2UfKNtUK', 'dhrwnu67trhflrch4mdmd837r', '3.1169.0', rotation);
    (b.rules[1]!.sdk!.output as { UserPoolClient: { CreationDate: string; AllowedOAuthScopes: string[] } }).UserPoolClient.CreationDate = '2026-12-08T04:46:01.000Z';
    (b.rules[1]!.sdk!.output as { UserPoolClient: { AllowedOAuthScopes: string[] } }).UserPoolClient.AllowedOAuthScopes.reverse();
    const d = diffReports(a, b);
    expect([d.sdkChanged, d.observedChanged].flat()).toEqual([]);
    expect(diffText(d)).toMatch(/\nNo change: every rule has the same status, observed outcome and SDK view/);
  });

  it('an older SDK that drops a member from the parsed answer and does not send it: the diff names the member and the SDK', () => {
    const newer = sdkRun('cc-20261208t044553-6991', 'local_5M7BZPo0', '1dl0f1ihn6cbw7awz619pztip', '3.1169.0', rotation);
    const older = sdkRun('cc-20261208t044600-b8e2', 'local_2UfKNtUK', 'dhrwnu67trhflrch4mdmd837r', '3.600.0');
    older.rules[1]!.sdk = { ...older.rules[1]!.sdk!, sentAsBuilt: false, notSent: ['RefreshTokenRotation'], notParsed: ['UserPoolClient.RefreshTokenRotation'] };
    const d = diffReports(newer, older);
    expect(d.sdkChanged.map((c) => c.id)).toEqual(['default.auth-session-validity']);
    expect(d.sdkChanged[0]!.details).toEqual([
      "RefreshTokenRotation: not sent by B's SDK (in the request; A's SDK sent it)",
      "UserPoolClient.RefreshTokenRotation: dropped from the parsed answer by B's SDK (the server sent it; A's SDK kept it)",
    ]);
    const text = diffText(d);
    expect(text).toContain('Note: different SDK versions (3.1169.0 vs 3.600.0).');
    expect(text).toContain("  default.auth-session-validity\n    RefreshTokenRotation: not sent by B's SDK");
    // The other way round (an upgrade that learns the member), A is the one that drops it.
    expect(diffReports(older, newer).sdkChanged[0]!.details[1]).toBe("UserPoolClient.RefreshTokenRotation: dropped from the parsed answer by A's SDK (the server sent it; B's SDK kept it)");
  });

  it('still shows real changes: an output member gone, another error, the SDK refusing before sending', () => {
    const a = sdkRun('cc-20261208t044553-6991', 'local_5M7BZPo0', '1dl0f1ihn6cbw7awz619pztip', '3.1169.0', rotation);
    const gone = sdkRun('cc-20261208t044600-b8e2', 'local_2UfKNtUK', 'dhrwnu67trhflrch4mdmd837r', '3.1169.0');
    expect(diffReports(a, gone).sdkChanged[0]!.details).toEqual(['output.UserPoolClient.RefreshTokenRotation: only in A ({"Feature":"ENABLED","RetryGracePeriodSeconds":10})']);
    const refused = structuredClone(gone);
    refused.rules[1]!.sdk = { layer: 'sdk-client', status: 0, sdkError: 'ValidationException' };
    expect(diffReports(a, refused).sdkChanged[0]!.details.slice(0, 2)).toEqual([
      "B's SDK refused the request before sending it (ValidationException); A's sent it (HTTP 200)",
      'SDK error: none in A, ValidationException in B',
    ]);
    const rejected = structuredClone(a);
    rejected.rules[0] = { ...rejected.rules[0]!, observed: { status: 400, errorType: 'InvalidParameterException' } };
    expect(diffReports(a, rejected).observedChanged.map((c) => c.details)).toEqual([[
      'errorType: only in B (InvalidParameterException)',
      'message: only in A (pool <UserPoolId:1>: client <ClientId:1> created as <run-id:1>-1)',
      'status: 200 in A, 400 in B',
    ]]);
  });
});
