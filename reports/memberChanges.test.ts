import { describe, expect, it } from 'vitest';
import { memberChanges } from './memberChanges.js';

describe('memberChanges', () => {
  it('names a member only one side has, at its full path', () => {
    const a = { layer: 'server', output: { UserPoolClient: { ClientName: 'n' } } };
    const b = { layer: 'server', output: { UserPoolClient: { ClientName: 'n', RefreshTokenRotation: { Feature: 'DISABLED' } } } };
    expect(memberChanges(a, b)).toEqual({ onlyInA: [], onlyInB: ['output.UserPoolClient.RefreshTokenRotation'], changed: [] });
    expect(memberChanges(b, a)).toEqual({ onlyInA: ['output.UserPoolClient.RefreshTokenRotation'], onlyInB: [], changed: [] });
  });

  it('names changed values, a list as one change, and nothing for generated ids and dates', () => {
    const a = { sdkError: 'X', output: { C: { ClientId: 'abc', CreationDate: '2026-01-01T00:00:00Z', Flows: ['code'] } } };
    const b = { sdkError: 'Y', output: { C: { ClientId: 'def', CreationDate: '2026-02-02T00:00:00Z', Flows: ['code', 'implicit'] } } };
    expect(memberChanges(a, b)).toEqual({ onlyInA: [], onlyInB: [], changed: ['sdkError', 'output.C.Flows'] });
    expect(memberChanges({ x: 1 }, { x: 1 })).toEqual({ onlyInA: [], onlyInB: [], changed: [] });
    expect(memberChanges('a', 'b').changed).toEqual(['(the whole value)']);
  });
});
