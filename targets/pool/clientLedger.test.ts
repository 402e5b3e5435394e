import { describe, expect, it } from 'vitest';
import { clientLedger } from './clientLedger.js';
import type { Exchange, Target } from '../exchange.js';

function scripted(answer: (operation: string, input: Record<string, unknown>) => Partial<Exchange>): Target {
  return {
    info: { name: 't', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
    async send(operation, input) {
      return { operation, input, status: 200, headers: {}, body: {}, rawBody: '{}', elapsedMs: 1, ...answer(operation, input as Record<string, unknown>) };
    },
    close: async () => undefined,
  };
}

describe('clientLedger', () => {
  it('keeps the clients created in its pool and not deleted since; refusals, other pools and deletions drop out', async () => {
    let n = 0;
    const ledger = clientLedger(scripted((operation, input) => {
      if (operation === 'CreateUserPoolClient') return input.ClientName === 'bad' ? { status: 400, errorType: 'InvalidParameterException' } : { body: { UserPoolClient: { ClientId: `c${++n}` } } };
      if (operation === 'DeleteUserPoolClient' && input.ClientId === 'c2') return { status: 400, errorType: 'ResourceNotFoundException' };
      if (operation === 'DeleteUserPoolClient' && input.ClientId === 'c3') return { status: 500, errorType: 'InternalErrorException' };
      return {};
    }), 'us-east-1_Mine');
    for (const ClientName of ['a', 'b', 'c', 'bad']) await ledger.send('CreateUserPoolClient', { UserPoolId: 'us-east-1_Mine', ClientName });
    await ledger.send('CreateUserPoolClient', { UserPoolId: 'us-east-1_Other', ClientName: 'elsewhere' });
    expect(ledger.outstanding()).toEqual(['c1', 'c2', 'c3']);
    for (const ClientId of ['c1', 'c2', 'c3']) await ledger.send('DeleteUserPoolClient', { UserPoolId: 'us-east-1_Mine', ClientId });
    // A delete that failed leaves the client on the ledger for teardown.
    expect(ledger.outstanding()).toEqual(['c3']);
  });
});
