import { describe, expect, it } from 'vitest';
import { contract } from '../contract/contract.js';
import { requestMemberIntroduced, responseMemberIntroduced } from '../contract/responseMembers.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import type { LoadedRecord } from '../targets/recording/recordedExchange.js';
import { ruleTopMembers, sameMessage } from './blamedMembers.js';
import { evidenceObservations, readEvidence } from './evidenceCorpus.js';

/**
 * "AWS passes its own contract": every real AWS exchange in contract/evidence/ is judged (runner/judgeRecords.ts)
 * and must conform. A record that contradicts a rule is never dropped here: the contract changes,
 * as a dated conflict when AWS changed (rejected in 2020, accepted in 2025).
 *
 * - an accepted CreateUserPoolClient or UpdateUserPoolClient request is valid for the request
 *   judge (contract/requestViolations.ts), apart from what the record cannot show (a member a
 *   partial request leaves out, the secret of the client an update changes);
 * - a rejected one breaks a rule whose members include a member AWS blamed. The blamed members
 *   are read off the error message (runner/blamedMembers.ts: the member path of a validation
 *   message, a member named in it, or the wording of AWS's known messages); when a message names
 *   none, the rule the request judge finds, with the error type AWS sent, must exist; and when a
 *   rule knows AWS's exact message, the rejection must be judged under such a rule. A rejection
 *   the superseded claim of a dated conflict explains, made before the rule's reading was seen,
 *   counts as explained;
 * - no oracle flags a record.
 */
const records = readEvidence();
const { outcome, observations } = evidenceObservations();
const CREATE_OR_UPDATE = new Set(['CreateUserPoolClient', 'UpdateUserPoolClient']);

function where(r: LoadedRecord): string {
  return `${r.key} (${r.file}:${r.line})`;
}

describe('AWS passes its own contract (contract/evidence/)', () => {
  it('holds at least 40 records, each with an id, a source, a confidence and a date', () => {
    expect(records.length).toBeGreaterThanOrEqual(40);
    const incomplete = records
      .filter((r) => !r.record.id || !r.record.source || !r.record.confidence)
      .map((r) => `${where(r)}: lacks ${['id', 'source', 'confidence'].filter((k) => !(r.record as unknown as Record<string, unknown>)[k]).join(', ')}`);
    expect(incomplete).toEqual([]);
  });

  it('lists every masked value in `redacted` (a mask elsewhere would be judged as a value)', () => {
    const unlisted: string[] = [];
    for (const r of records) {
      const listed = new Set(r.record.redacted ?? []);
      const walk = (v: unknown, path: string): void => {
        if (typeof v === 'string' && v.startsWith('<redacted') && !listed.has(path)) unlisted.push(`${where(r)}: ${path}`);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
        else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      };
      walk(r.record.request, 'request');
      walk(r.record.response, 'response');
    }
    expect(unlisted).toEqual([]);
  });

  it('holds no member the API did not have yet on the record\'s date (a record dated wrong)', () => {
    const since = (member: string, input: boolean): string | undefined =>
      (input ? requestMemberIntroduced[member] : undefined) ?? (responseMemberIntroduced as Readonly<Record<string, string>>)[member];
    const early: string[] = [];
    for (const r of records) {
      const day = r.record.recordedAt.slice(0, 10);
      const client = (r.record.response.body as { UserPoolClient?: Record<string, unknown> } | null)?.UserPoolClient ?? {};
      const members = [...Object.keys(r.record.request).map((m) => [m, true] as const), ...Object.keys(client).map((m) => [m, false] as const)];
      for (const [m, input] of members) {
        const date = since(m, input);
        if (date !== undefined && date > day) early.push(`${where(r)}: ${input ? 'request' : 'response'} member ${m} (since ${date}) on ${day}`);
      }
    }
    expect(early).toEqual([]);
  });

  it('judges every record', () => {
    const judged = new Set(outcome.judged.map((j) => j.record.key));
    expect(records.filter((r) => !judged.has(r.key)).map(where)).toEqual([]);
  });

  it('finds every accepted request valid', () => {
    const invalid = outcome.judged
      .filter((j) => j.mode === 'evidence' && CREATE_OR_UPDATE.has(j.record.record.operation) && isSuccessStatus(j.record.record.response.status))
      .flatMap((j) => {
        const certain = j.violations.filter((id) => !j.uncertain.includes(id));
        return [...certain, ...j.requestProblems].map((id) => `${where(j.record)}: AWS accepted it, the request judge says it breaks ${id}`);
      });
    expect(invalid).toEqual([]);
  });

  it('finds every rejected request invalid under a rule about the member AWS blamed', () => {
    const unexplained: string[] = [];
    for (const j of outcome.judged) {
      const r = j.record.record;
      if (j.mode !== 'evidence' || !CREATE_OR_UPDATE.has(r.operation) || isSuccessStatus(r.response.status)) continue;
      if (j.explainedBy) continue;
      const said = JSON.stringify((r.response.body as { message?: unknown } | null)?.message ?? null);
      if (!j.judgedAs) {
        unexplained.push(`${where(j.record)}: AWS rejected it (${said}), the request judge finds it valid`);
        continue;
      }
      // When rules know AWS's exact message, the rejection must be judged under one of them.
      const message = (r.response.body as { message?: string } | null)?.message;
      const quoting = contract.rules.filter((x) => x.expect.outcome === 'rejected' && sameMessage(x.expect.message, message)).map((x) => x.id);
      if (quoting.length && !quoting.includes(j.judgedAs)) {
        unexplained.push(`${where(j.record)}: AWS sent the message of ${quoting.join(' / ')} (${said}), but the request judge judges it under ${j.judgedAs}`);
        continue;
      }
      const rule = contract.rules.find((x) => x.id === j.judgedAs);
      const members = ruleTopMembers(rule?.members ?? []);
      if (j.blamed.length && !j.blamed.some((m) => members.has(m))) {
        unexplained.push(`${where(j.record)}: AWS blamed ${j.blamed.join(', ')} (${said}); the rule the judge finds, ${j.judgedAs}, is about ${[...members].join(', ')}`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('has no oracle flag any record', () => {
    const flagged = outcome.judged.flatMap((j) => j.verdicts.filter((v) => !v.ok).map((v) => `${where(j.record)}: ${v.ruleId} (${v.oracle}): ${v.message}`));
    expect(flagged).toEqual([]);
  });

  it('links at least 15 observed rules to the records that show them', () => {
    const linked = contract.rules.filter((r) => r.evidence === 'observed' && (observations.get(r.id)?.records.length ?? 0) > 0);
    expect(linked.length).toBeGreaterThanOrEqual(15);
  });
});
