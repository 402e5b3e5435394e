import { describe, expect, it } from 'vitest';
import type { LifecycleJudge } from '../oracles/lifecycleJudge.js';
import { lifecycleJudges } from '../oracles/lifecycleJudges.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { readEvidence } from './evidenceCorpus.js';
import { judgeRecords } from './judgeRecords.js';
import { lifecycleHistories } from './lifecycleHistories.js';

/**
 * The evidence corpus under the lifecycle rules: its named sequences are real histories (one
 * source, in the order they happened), and `judge contract/evidence/` finds no lifecycle failure in
 * them with the registry's judges.
 * A test-double judge shows the plumbing on the corpus itself: its real Update passes, and the
 * same Update made to keep a member its request left out is flagged.
 */
const records = readEvidence();
const where = (r: LoadedRecord) => `${r.key} (${r.file}:${r.line})`;

/** When the exchange happened, as a window: a bare date is its whole day in any time zone. */
function window(r: RecordedExchange): { from: number; to: number } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(r.recordedAt)) {
    const day = Date.parse(`${r.recordedAt}T00:00:00Z`);
    return { from: day - 12 * 3_600_000, to: day + 38 * 3_600_000 };
  }
  const t = Date.parse(r.recordedAt);
  return { from: t, to: t };
}

const sequences = new Map<string, LoadedRecord[]>();
for (const r of records) {
  if (r.record.sequence === undefined) continue;
  const key = `${r.file} ${r.record.sequence}`;
  sequences.set(key, [...(sequences.get(key) ?? []), r]);
}

describe('the evidence corpus as lifecycle histories', () => {
  it('names real sequences: each of several records, of one source and one pool, in the order they happened', () => {
    expect(sequences.size).toBeGreaterThanOrEqual(4);
    const problems: string[] = [];
    for (const [key, seq] of sequences) {
      if (seq.length < 2) problems.push(`${key}: a sequence of one record`);
      const sources = new Set(seq.map((r) => r.record.source?.repo ?? r.record.source?.url));
      if (sources.size !== 1) problems.push(`${key}: several sources (${[...sources].join(', ')})`);
      const pools = new Set(seq.map((r) => r.record.request.UserPoolId));
      if (pools.size !== 1) problems.push(`${key}: several pools`);
      seq.forEach((r, i) => {
        const before = seq.slice(0, i).find((b) => window(b.record).from > window(r.record).to);
        if (before) problems.push(`${where(r)} happened before ${before.key}, which precedes it`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('holds Update and Describe records whose client is known from an earlier record of their history', () => {
    const known: string[] = [];
    for (const h of lifecycleHistories(records)) {
      h.records.forEach((r, i) => {
        const op = r.record.operation;
        if (op !== 'UpdateUserPoolClient' && op !== 'DescribeUserPoolClient') return;
        const id = r.record.request.ClientId;
        const earlier = h.records.slice(0, i).some((e) => (e.record.response.body as { UserPoolClient?: { ClientId?: unknown } } | null)?.UserPoolClient?.ClientId === id);
        if (earlier) known.push(`${op} ${r.key}`);
      });
    }
    expect(known).toEqual(expect.arrayContaining([
      'UpdateUserPoolClient cognito-demo-update-oauth-no-flows-2025-07-11',
      'UpdateUserPoolClient cognito-demo-update-allow-user-password-only-2025-07-12',
    ]));
  });

  it('has no lifecycle failure under the registry\'s judges, and passes some', () => {
    const outcome = judgeRecords(records);
    const lifecycle = outcome.results.filter((r) => r.kind === 'lifecycle');
    expect(lifecycle.filter((r) => r.status === 'failed').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    // Real once the lifecycle judges are registered: the corpus's listings (a complete one after
    // its create, a page of MaxResults) are judged and pass.
    if (lifecycleJudges.length > 0) expect(lifecycle.filter((r) => r.status === 'passed').map((r) => r.id)).not.toEqual([]);
  });
});

describe('judge contract/evidence/ with a test-double lifecycle judge', () => {
  const RULE = 'lifecycle.update-replaces';
  /** An accepted Update's answer holds no ExplicitAuthFlows when its request left them out. */
  const double: LifecycleJudge = {
    id: 'double-replaces',
    rules: [RULE],
    judge(history) {
      const last = history[history.length - 1]!;
      const client = (last.response.body as { UserPoolClient?: Record<string, unknown> } | null)?.UserPoolClient;
      if (last.operation !== 'UpdateUserPoolClient' || last.response.status !== 200 || !client || last.request.ExplicitAuthFlows !== undefined) return [];
      const kept = client.ExplicitAuthFlows !== undefined;
      return [{ oracle: 'double', ruleId: RULE, ok: !kept, message: kept ? 'kept ExplicitAuthFlows, which the request left out' : 'ExplicitAuthFlows reset' }];
    },
  };
  const UPDATE = 'cognito-demo-update-oauth-no-flows-2025-07-11';

  it('passes the real Update that left ExplicitAuthFlows out and got none back', () => {
    const outcome = judgeRecords(records, { lifecycleJudges: [double] });
    expect(outcome.results.find((r) => r.id === RULE)).toMatchObject({ status: 'passed' });
    // Every accepted Update of the corpus that left the flows out and shows its answer.
    expect(outcome.judged.filter((j) => j.mode === 'lifecycle' && j.verdicts.length > 0).map((j) => j.record.key).sort()).toEqual([
      'agent-builder-update-callback-urls-2025-10-17', 'cli-example-update-2019', UPDATE,
    ]);
  });

  it('flags the same Update made to keep the flows the describe before it showed, naming its history', () => {
    const planted = records.map((r) => {
      if (r.key !== UPDATE) return r;
      const body = r.record.response.body as { UserPoolClient: Record<string, unknown> };
      const merged = { UserPoolClient: { ...body.UserPoolClient, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } };
      return { ...r, record: { ...r.record, response: { ...r.record.response, body: merged } } };
    });
    const result = judgeRecords(planted, { lifecycleJudges: [double] }).results.find((r) => r.id === RULE);
    expect(result).toMatchObject({ status: 'failed', reason: `${UPDATE}: kept ExplicitAuthFlows, which the request left out` });
    expect((result?.counterexample as { history: string[] }).history).toEqual(expect.arrayContaining([
      'cognito-demo-describe-allow-user-password-only-2025-07-11: DescribeUserPoolClient → 200',
    ]));
  });
});

describe('judge contract/evidence/ with the registry\'s lifecycle judges', () => {
  const UPDATE = 'cognito-demo-update-oauth-no-flows-2025-07-11';
  const lifecycleVerdicts = (outcome: ReturnType<typeof judgeRecords>) =>
    outcome.judged.filter((j) => j.mode === 'lifecycle').flatMap((j) => j.verdicts.map((v) => ({ key: j.record.key, op: j.record.record.operation, rule: v.ruleId, ok: v.ok })));

  it('judges the corpus\'s real Update and Describe records under the lifecycle rules, and none fails', () => {
    const verdicts = lifecycleVerdicts(judgeRecords(records));
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    const judgedOps = new Set(verdicts.map((v) => v.op));
    expect(judgedOps).toContain('UpdateUserPoolClient');
    expect(judgedOps).toContain('DescribeUserPoolClient');
    // The 2025 Update is judged against the Describe before it: replaced, name kept, dates, secret.
    expect(verdicts.filter((v) => v.key === UPDATE).map((v) => v.rule).sort()).toEqual([
      'lifecycle.dates', 'lifecycle.secret-stable', 'lifecycle.update-keeps-name', 'lifecycle.update-replaces',
    ]);
  });

  it('flags the real Update made to merge (keep the flows it left out) and to move CreationDate', () => {
    const planted = records.map((r) => {
      if (r.key !== UPDATE) return r;
      const body = r.record.response.body as { UserPoolClient: Record<string, unknown> };
      const bad = { UserPoolClient: { ...body.UserPoolClient, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], CreationDate: 1752224959.68 } };
      return { ...r, record: { ...r.record, response: { ...r.record.response, body: bad } } };
    });
    const failed = lifecycleVerdicts(judgeRecords(planted)).filter((v) => !v.ok);
    expect(failed.map((v) => `${v.key} ${v.rule}`).sort()).toEqual([`${UPDATE} lifecycle.dates`, `${UPDATE} lifecycle.update-replaces`]);
  });
});
