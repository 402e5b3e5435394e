import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleJudge } from '../oracles/lifecycleJudge.js';
import type { Verdict } from '../oracles/verdict.js';
import type { Target } from '../targets/exchange.js';
import { parseRecordings } from '../targets/recording/readRecordings.js';
import type { LoadedRecord, RecordedExchange } from '../targets/recording/recordedExchange.js';
import { recordContext, withRecording } from '../targets/recording/recordingTarget.js';
import { judgeLifecycle } from './judgeLifecycle.js';
import { judgeRecords } from './judgeRecords.js';

/**
 * The plumbing that feeds recorded histories to the lifecycle judges, shown with test doubles (the
 * registry's real judges are the lifecycle runner's; runner/evidenceLifecycle.test.ts judges the
 * corpus with them). Each double judges one rule the simplest way that still needs what it is fed.
 */
const REPLACES = 'lifecycle.update-replaces';
const KEEPS_NAME = 'lifecycle.update-keeps-name';
const SECRET_STABLE = 'lifecycle.secret-stable';
const LISTS = ['ExplicitAuthFlows', 'CallbackURLs', 'LogoutURLs', 'AllowedOAuthFlows', 'AllowedOAuthScopes', 'SupportedIdentityProviders'];

type Client = Record<string, unknown>;
const clientOf = (r: RecordedExchange): Client | undefined => (r.response.body as { UserPoolClient?: Client } | null)?.UserPoolClient;
const accepted = (r: RecordedExchange) => r.response.status === 200;
const verdict = (ruleId: string, ok: boolean, message: string): Verdict => ({ oracle: 'double', ruleId, ok, message });

/** An accepted Update's answer holds no list its request left out (one exchange is enough). */
const replacesDouble: LifecycleJudge = {
  id: 'double-replaces',
  rules: [REPLACES],
  judge(history) {
    const last = history[history.length - 1]!;
    const client = clientOf(last);
    if (last.operation !== 'UpdateUserPoolClient' || !accepted(last) || !client) return [];
    const kept = LISTS.filter((m) => last.request[m] === undefined && client[m] !== undefined);
    return [verdict(REPLACES, kept.length === 0, kept.length ? `kept ${kept.join(', ')}, which the request left out` : 'every omitted list is absent')];
  },
};

/** The latest answer about `clientId` before the last exchange, or undefined when the history has none. */
function previous(history: readonly RecordedExchange[], clientId: unknown): Client | undefined {
  for (const r of history.slice(0, -1).reverse()) {
    const c = clientOf(r);
    if (accepted(r) && c?.ClientId === clientId) return c;
  }
  return undefined;
}

/** An Update without ClientName answers the name the client had: needs the history. */
const keepsNameDouble: LifecycleJudge = {
  id: 'double-keeps-name',
  rules: [KEEPS_NAME],
  judge(history) {
    const last = history[history.length - 1]!;
    const before = previous(history, last.request.ClientId);
    if (last.operation !== 'UpdateUserPoolClient' || !accepted(last) || last.request.ClientName !== undefined || !before) return [];
    const name = clientOf(last)?.ClientName;
    return [verdict(KEEPS_NAME, name === before.ClientName, `name ${String(name)} after ${String(before.ClientName)}`)];
  },
};

/** Describe and Update answer the secret the client had (masks compared as the recording wrote them). */
const secretDouble: LifecycleJudge = {
  id: 'double-secret',
  rules: [SECRET_STABLE],
  judge(history) {
    const last = history[history.length - 1]!;
    const before = previous(history, last.request.ClientId);
    const now = clientOf(last);
    if (!before || !now || last.operation === 'ListUserPoolClients') return [];
    return [verdict(SECRET_STABLE, now.ClientSecret === before.ClientSecret, `secret ${String(now.ClientSecret)} after ${String(before.ClientSecret)}`)];
  },
};
const DOUBLES = [replacesDouble, keepsNameDouble, secretDouble];

const POOL = 'us-east-1_AbCdEf123';
const ID = '4ssm8oh504j4q146ic4hogbo2s';
const CLIENT = {
  UserPoolId: POOL, ClientName: 'app', ClientId: ID, LastModifiedDate: 1732259462.702, CreationDate: 1732259462.702, RefreshTokenValidity: 30, TokenValidityUnits: {},
  AllowedOAuthFlowsUserPoolClient: false, EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
};

let line = 0;
function loaded(over: Partial<RecordedExchange> & Pick<RecordedExchange, 'operation' | 'request'>, file = 'notes.jsonl'): LoadedRecord {
  line++;
  const record: RecordedExchange = { response: { status: 200, body: {} }, recordedAt: '2024-11-22T07:11:02.702Z', source: { kind: 'notes', repo: 'someone/notes' }, confidence: 'observed', sequence: 'app-client', ...over };
  return { record, file, line, key: record.id ?? `${file}:${line}` };
}
const create = (over: Partial<RecordedExchange> = {}) => loaded({
  id: 'create', operation: 'CreateUserPoolClient', request: { UserPoolId: POOL, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
  response: { status: 200, body: { UserPoolClient: { ...CLIENT, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } } }, ...over,
});
const UPDATE_REQUEST = { UserPoolId: POOL, ClientId: ID, CallbackURLs: ['https://a.example/cb'] };
const update = (client: Client, over: Partial<RecordedExchange> = {}) => loaded({
  id: 'update', operation: 'UpdateUserPoolClient', request: UPDATE_REQUEST, response: { status: 200, body: { UserPoolClient: client } }, recordedAt: '2024-11-23T07:11:02.702Z', ...over,
});
/** What AWS answers to UPDATE_REQUEST: the flows it left out are gone, the name is kept. */
const GOOD = { ...CLIENT, LastModifiedDate: 1732345862.702, CallbackURLs: ['https://a.example/cb'] };
/** A merge: the flows the request left out are still there. */
const MERGED = { ...GOOD, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] };

const resultOf = (records: LoadedRecord[], id: string) => judgeRecords(records, { lifecycleJudges: DOUBLES }).results.find((r) => r.id === id);

describe('judgeLifecycle: recorded exchanges under the lifecycle rules', () => {
  it('passes an Update that reset what its request left out, and flags one that kept it, with the history before it', () => {
    expect(resultOf([create(), update(GOOD)], REPLACES)).toMatchObject({ status: 'passed', cases: 1 });
    const failed = resultOf([create(), update(MERGED)], REPLACES);
    expect(failed).toMatchObject({
      status: 'failed', oracle: 'double', reason: 'update: kept ExplicitAuthFlows, which the request left out',
      counterexample: { record: 'update', operation: 'UpdateUserPoolClient', history: ['create: CreateUserPoolClient → 200'] },
      replay: 'npm run conformance -- judge notes.jsonl',
    });
  });

  it('gives each judge the history before the exchange: a name is judged kept only against an earlier answer', () => {
    expect(resultOf([create(), update(GOOD)], KEEPS_NAME)).toMatchObject({ status: 'passed' });
    expect(resultOf([create(), update({ ...GOOD, ClientName: 'other' })], KEEPS_NAME)).toMatchObject({ status: 'failed', reason: 'update: name other after app' });
    // The Update alone: no earlier answer, nothing to judge it against.
    expect(resultOf([update({ ...GOOD, ClientName: 'other' })], KEEPS_NAME)).toMatchObject({ status: 'skipped' });
  });

  it('joins transcribed records only when they name one sequence', () => {
    const renamed = [create(), update({ ...GOOD, ClientName: 'other' })];
    expect(resultOf(renamed, KEEPS_NAME)?.status).toBe('failed');
    // The same two records of one source, with no sequence named: each stands alone (the pool id may be a placeholder).
    const unnamed = renamed.map((r) => ({ ...r, record: { ...r.record, sequence: undefined } }));
    expect(resultOf(unnamed, KEEPS_NAME)?.status).toBe('skipped');
    // Named sequences in different files are different histories.
    expect(resultOf([renamed[0]!, { ...renamed[1]!, file: 'other.jsonl' }], KEEPS_NAME)?.status).toBe('skipped');
  });

  it('does not judge an exchange it cannot read whole, and says why', () => {
    const partial = resultOf([create(), update(MERGED, { partial: ['request'] })], REPLACES);
    expect(partial).toMatchObject({ status: 'skipped', reason: 'not judged: 1 record: the request is known only in part: an omitted member may have been sent' });
    // An answer not shown is no evidence: not judged, and not in the history of what follows.
    const cutUpdate = update({}, { id: 'cut', response: { status: 200, body: {} }, partial: ['request', 'response.body'] });
    expect(resultOf([create(), cutUpdate], REPLACES)).toMatchObject({ status: 'skipped', reason: 'no recorded exchange exercises this rule' });
    const renamed = judgeRecords([create(), cutUpdate, update({ ...GOOD, ClientName: 'other' }, { id: 'after', recordedAt: '2024-11-24T07:11:02.702Z' })], { lifecycleJudges: DOUBLES });
    expect(renamed.judged.filter((j) => j.mode === 'lifecycle' && j.record.key === 'after').map((j) => j.related.map((r) => r.key))).toEqual([['create']]);
    // A judge that would judge it without its body (here: any accepted Update) says why it did not.
    const statusOnly: LifecycleJudge = { id: 'status-only', rules: [REPLACES], judge: (h) => (h.at(-1)?.operation === 'UpdateUserPoolClient' ? [verdict(REPLACES, true, 'accepted')] : []) };
    expect(judgeRecords([create(), cutUpdate], { lifecycleJudges: [statusOnly] }).results.find((r) => r.id === REPLACES))
      .toMatchObject({ status: 'skipped', reason: 'not judged: 1 record: the record does not show the response body' });
  });

  it('leaves a run recording\'s cases to their own sequences (judgeLifecycleRecords) and never judges a fixture', () => {
    const run = { kind: 'run' as const, title: 'cognito-conformance run' };
    const inRun = (r: LoadedRecord, tag: Partial<RecordedExchange>) => ({ ...r, file: 'run.jsonl', record: { ...r.record, source: run, confidence: undefined, ...tag } });
    const rules = (tag: Partial<RecordedExchange>) => judgeLifecycle([inRun(create(), { fixture: true }), inRun(update({ ...MERGED, ClientName: 'other' }), tag)], DOUBLES).flatMap((j) => j.verdicts);
    expect(rules({ rule: KEEPS_NAME, case: '1' })).toEqual([]);
    expect(rules({ rule: 'output.echo', case: '1' })).toEqual([]);
    expect(rules({ fixture: true })).toEqual([]);
    // judge of the recording: the lifecycle case is judged once, with its sequence and the registry's
    // judges, as the run judged it; not as a Create rule's case as well.
    const all = judgeRecords([inRun(create(), { rule: REPLACES, case: '1' }), inRun(update(MERGED), { rule: REPLACES, case: '1' })]).judged;
    expect(all.map((j) => [j.mode, j.record.key, j.verdicts.map((v) => `${v.ruleId} ${v.ok}`)])).toEqual([['case', 'update', [`${REPLACES} false`]]]);
  });

  it('judges nothing without judges', () => {
    expect(judgeLifecycle([create(), update(MERGED)], [])).toEqual([]);
  });
});

describe('run --record keeps what the lifecycle judges read', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const SECRET = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';
  const OTHER = '1vvvvh7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';

  /** A stub that answers Create, Update, Describe, List and Delete; its Describe answers `describeSecret`. */
  function stub(describeSecret: string): Target {
    const client = { ...CLIENT, ClientSecret: SECRET };
    const bodies: Record<string, unknown> = {
      CreateUserPoolClient: { UserPoolClient: client },
      UpdateUserPoolClient: { UserPoolClient: { ...client, CallbackURLs: ['https://a.example/cb'] } },
      DescribeUserPoolClient: { UserPoolClient: { ...client, CallbackURLs: ['https://a.example/cb'], ClientSecret: describeSecret } },
      ListUserPoolClients: { UserPoolClients: [{ ClientId: ID, UserPoolId: POOL, ClientName: 'app' }] },
      DeleteUserPoolClient: {},
    };
    return {
      info: { name: 'stub', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
      async send(operation, input) {
        const body = bodies[operation];
        return { operation, input, status: 200, headers: {}, body, rawBody: JSON.stringify(body), elapsedMs: 1, layer: 'server' };
      },
      async close() {},
    };
  }

  async function recordSequence(describeSecret: string): Promise<{ text: string; records: LoadedRecord[] }> {
    const dir = mkdtempSync(join(tmpdir(), 'cc-lifecycle-record-'));
    dirs.push(dir);
    const target = withRecording(stub(describeSecret), dir, { fileName: 'run.jsonl' });
    await recordContext.run({ rule: SECRET_STABLE, case: '0' }, async () => {
      await target.send('CreateUserPoolClient', { UserPoolId: POOL, ClientName: 'app', GenerateSecret: true });
      await target.send('UpdateUserPoolClient', UPDATE_REQUEST);
      await target.send('DescribeUserPoolClient', { UserPoolId: POOL, ClientId: ID });
      await target.send('ListUserPoolClients', { UserPoolId: POOL, MaxResults: 60 });
      await target.send('DeleteUserPoolClient', { UserPoolId: POOL, ClientId: ID });
    });
    const text = readFileSync(target.file, 'utf8');
    return { text, records: parseRecordings(text, 'run.jsonl') };
  }

  it('records every operation of a sequence, tagged, with equal secrets masked alike and none in the file', async () => {
    const { text, records } = await recordSequence(SECRET);
    expect(text).not.toContain(SECRET);
    expect(records.map((r) => [r.record.operation, r.record.rule, r.record.case])).toEqual(
      ['CreateUserPoolClient', 'UpdateUserPoolClient', 'DescribeUserPoolClient', 'ListUserPoolClients', 'DeleteUserPoolClient'].map((op) => [op, SECRET_STABLE, '0']),
    );
    // judge reads the sequence back and the registry's secret-stable judge passes it.
    expect(judgeRecords(records).results.find((r) => r.id === SECRET_STABLE)).toMatchObject({ status: 'passed' });
  });

  it('keeps a changed secret visible as a changed mask, so the judge flags it without seeing either value', async () => {
    const { text, records } = await recordSequence(OTHER);
    expect(text).not.toContain(OTHER);
    const failed = judgeRecords(records).judged.flatMap((j) => j.verdicts.filter((v) => !v.ok).map((v) => v.ruleId));
    expect(failed).toEqual([SECRET_STABLE]);
  });
});
