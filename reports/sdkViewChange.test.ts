import { describe, expect, it } from 'vitest';
import type { SdkSample } from './ruleResult.js';
import { sdkViewChange } from './sdkViewChange.js';

const server = (over: Partial<SdkSample> = {}): SdkSample => ({ layer: 'server', status: 200, sentAsBuilt: true, output: { UserPoolClient: { ClientName: 'c' } }, ...over });

describe('sdkViewChange', () => {
  it('says nothing of two equal views', () => {
    expect(sdkViewChange(server(), server())).toEqual([]);
  });

  it('names members one SDK did not send or parse, singular and plural, on either side', () => {
    expect(sdkViewChange(server({ notSent: ['A', 'B'] }), server({ notParsed: ['UserPoolClient.X'] }))).toEqual([
      "A, B: not sent by A's SDK (in the request; B's SDK sent them)",
      "UserPoolClient.X: dropped from the parsed answer by B's SDK (the server sent it; A's SDK kept it)",
    ]);
  });

  it('says which side sent another body when no member explains it, and the status and errors', () => {
    expect(sdkViewChange(server(), server({ sentAsBuilt: false, status: 400, errorType: 'InvalidParameterException', sdkError: 'InvalidParameterException', output: undefined }))).toEqual([
      'HTTP status: 200 in A, 400 in B',
      'error type: none in A, InvalidParameterException in B',
      'SDK error: none in A, InvalidParameterException in B',
      "A's SDK sent the request as built; B's sent another body",
      'output: only in A ({"UserPoolClient":{"ClientName":"c"}})',
    ]);
    expect(sdkViewChange({ layer: 'sdk-client', status: 0, sdkError: 'ValidationException' }, server())[0]).toBe("A's SDK refused the request before sending it (ValidationException); B's sent it (HTTP 200)");
  });

  it('lists output members and list items, at most eight lines and a count', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`M${i}`, n]));
    const lines = sdkViewChange(server({ output: many(1) }), server({ output: many(2) }));
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('output.M0: 1 in A, 2 in B');
    expect(lines[8]).toBe('… 2 more output members differ');
    expect(sdkViewChange(server({ output: { L: ['a', 'b'] } }), server({ output: { L: ['a', 'c'] } }))).toEqual(['output.L: only in A ["b"]; only in B ["c"]']);
  });
});
