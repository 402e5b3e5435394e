import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract, ruleById } from './contract.js';
import { ALL_EVIDENCE } from './rule.js';
import { errorStatus } from './operationErrors.js';
import { rulesTable } from './rulesTable.js';
import { modelCheckTool } from '../testing/modelCheckTool.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

function memberExists(path: string): boolean {
  const parts = path.replace(/\[\]$/, '').split('.');
  let members: Readonly<Record<string, unknown>> | undefined = { ...contract.input, ...contract.output, UserPoolClient: {} };
  for (const p of parts) {
    const node = members?.[p] as { members?: Record<string, unknown> } | undefined;
    if (!node) return false;
    members = node.members;
  }
  return true;
}

describe('the contract', () => {
  it('has 24 request members and 26 response members, as the 2026-04-21 model', () => {
    expect(Object.keys(contract.input)).toHaveLength(24);
    expect(Object.keys(contract.output)).toHaveLength(26);
  });

  it('has at least 40 rules, each with a unique stable id, a statement, evidence and sources', () => {
    expect(contract.rules.length).toBeGreaterThanOrEqual(40);
    const ids = contract.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of contract.rules) {
      expect(r.id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(ALL_EVIDENCE).toContain(r.evidence);
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.statement.length, r.id).toBeGreaterThan(10);
      for (const m of r.members) expect(memberExists(m), `${r.id}: ${m}`).toBe(true);
    }
  });

  it('expects rejections with an error type of the operation and the status real AWS sends', () => {
    for (const r of contract.rules) {
      if (r.expect.outcome !== 'rejected') continue;
      // A region rule's request is valid: it is the region it is sent through that AWS refuses.
      expect(r.breakable, r.id).toBe(r.via !== 'other-region');
      for (const t of r.expect.errorTypes) {
        expect(contract.errors, r.id).toContain(t);
        expect(r.expect.status, r.id).toBe(errorStatus(t));
      }
    }
  });

  it('records the PreventUserExistenceErrors drift: follows real AWS, keeps the superseded claim', () => {
    const r = ruleById('default.prevent-user-existence-errors.absent');
    expect(r.evidence).toBe('observed');
    expect(r.expect).toMatchObject({ outcome: 'accepted', response: [{ member: 'PreventUserExistenceErrors', absent: true }] });
    expect(r.conflicts?.map((c) => c.status)).toContain('superseded');
  });

  it('leaves RefreshTokenRotation unresolved: absent and DISABLED both conform', () => {
    const r = ruleById('default.refresh-token-rotation');
    expect(r.evidence).toBe('inferred');
    expect(r.conflicts?.every((c) => c.status === 'unresolved')).toBe(true);
  });

  it('accepts ALLOW_* lists without ALLOW_REFRESH_TOKEN_AUTH: the 2020 rejection is a dated, superseded claim under a new id', () => {
    const r = ruleById('explicit-auth-flows.refresh-token-auth-optional');
    expect(r.evidence).toBe('observed');
    expect(r.expect).toMatchObject({ outcome: 'accepted', when: { set: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } } });
    expect(r.conflicts).toEqual([expect.objectContaining({ status: 'superseded', dated: { claimSeen: '2020-04-27', ruleSeen: '2025-07-02' } })]);
    expect(r.formerIds).toEqual(['explicit-auth-flows.refresh-token-auth-required']);
    expect(() => ruleById('explicit-auth-flows.refresh-token-auth-required')).toThrow(/unknown rule id/);
    const formerIds = contract.rules.flatMap((x) => x.formerIds ?? []);
    for (const id of formerIds) expect(contract.rules.some((x) => x.id === id), `${id} is both former and current`).toBe(false);
  });

  it('rejects the OAuth flag without flows or scopes with the message AWS sends', () => {
    const r = ruleById('oauth.flag-needs-flows-and-scopes');
    expect(r.evidence).toBe('observed');
    expect(r.expect).toEqual({
      outcome: 'rejected', errorTypes: ['InvalidParameterException'], status: 400,
      message: 'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.',
    });
  });

  it('gives the invariants of the API their own evidence level', () => {
    const invariants = contract.rules.filter((r) => r.evidence === 'invariant').map((r) => r.id).sort();
    expect(invariants).toEqual(['consistency.describe-matches-create', 'consistency.list-matches-create', 'lifecycle.list-complete', 'output.client-id.unique', 'side-effect.none-on-rejection']);
  });

  it('cites public sources only, never a path outside the repository', () => {
    for (const r of contract.rules) for (const s of [...r.sources, ...(r.conflicts ?? []).flatMap((c) => c.sources)]) expect(s, r.id).not.toMatch(/\.\.\/shared|\/work\//);
  });

  it('follows the observed 400 for ResourceNotFound and TooManyRequests, not the model', () => {
    expect(errorStatus('ResourceNotFoundException')).toBe(400);
    expect(errorStatus('TooManyRequestsException')).toBe(400);
    expect(errorStatus('InternalErrorException')).toBe(500);
    const detail = contract.errorDetails.find((e) => e.name === 'ResourceNotFoundException');
    expect(detail?.modelStatus).toBe(404);
  });

  it('prints as JSON that check-spec accepts with 0 mismatches', (ctx) => {
    const found = modelCheckTool(repo, process.env);
    if (!found.ok) {
      // In CI the model check is part of the build: a checkout without ../shared must fail loudly.
      if (found.required) throw new Error(found.reason);
      return ctx.skip(found.reason);
    }
    const out = execFileSync(process.execPath, [found.path], { input: JSON.stringify(contract), encoding: 'utf8' });
    expect(out.trim().split('\n').at(-1)).toMatch(/ 0 mismatches; \d+ rules/);
  });

  it('keeps docs/rules.md generated from the contract (regenerate: npm run -s docs)', () => {
    const doc = readFileSync(join(repo, 'docs/rules.md'), 'utf8');
    expect(doc).toContain(rulesTable(contract.rules));
  });
});
