import type { Exchange, Target } from '../exchange.js';
import { isSuccessStatus } from '../isSuccessStatus.js';

/**
 * A Target that keeps count of the app clients created through it in one pool and not yet deleted
 * through it. In a pool the run did not create (`--user-pool-id`), teardown may delete only what the
 * run created: listing the pool and deleting every client, as a run's own pool is emptied
 * (poolTeardown.ts), would delete the owner's clients. Every case deletes its client once judged,
 * so the ledger is empty at the end unless a case was cut short (an interrupt, a failed delete).
 */
export interface ClientLedger extends Target {
  /** ClientIds created through this Target in the pool and not deleted since, oldest first. */
  outstanding(): string[];
}

export function clientLedger(target: Target, userPoolId: string): ClientLedger {
  const ids = new Set<string>();
  const inPool = (input: Readonly<Record<string, unknown>>) => input.UserPoolId === userPoolId;
  return {
    info: target.info,
    async send(operation, input, options) {
      const exchange = await target.send(operation, input, options);
      if (operation === 'CreateUserPoolClient' && inPool(input)) {
        const id = createdClientId(exchange);
        if (id !== undefined) ids.add(id);
      } else if (operation === 'DeleteUserPoolClient' && inPool(input) && typeof input.ClientId === 'string') {
        if (isSuccessStatus(exchange.status) || exchange.errorType === 'ResourceNotFoundException') ids.delete(input.ClientId);
      }
      return exchange;
    },
    close: () => target.close(),
    outstanding: () => [...ids],
  };
}

function createdClientId(exchange: Exchange): string | undefined {
  if (!isSuccessStatus(exchange.status)) return undefined;
  const id = (exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)?.UserPoolClient?.ClientId;
  return typeof id === 'string' ? id : undefined;
}
