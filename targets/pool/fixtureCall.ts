import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { isSuccessStatus } from '../isSuccessStatus.js';

/**
 * Fixture calls (create a pool, delete a client) must succeed; when one does not, the run cannot
 * judge anything and says so as E_FIXTURE, naming the call, the target and the target's answer.
 */
export function fixtureFailure(target: Target, exchange: Exchange, what: string = exchange.operation): HarnessError {
  const named = exchange.errorType === undefined ? `HTTP ${exchange.status}` : `HTTP ${exchange.status} ${exchange.errorType}`;
  const message = (exchange.errorMessage ?? '').split('\n')[0].slice(0, 200);
  return new HarnessError(
    'E_FIXTURE',
    `${what} failed on ${target.info.name} at ${target.info.endpoint}: ${named}${message === '' ? '' : `: ${message}`}`,
  );
}

/** Send and return the parsed body of a success, or throw E_FIXTURE. */
export async function sendOk(target: Target, operation: string, input: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const exchange = await target.send(operation, input);
  if (!isSuccessStatus(exchange.status)) throw fixtureFailure(target, exchange);
  const body = exchange.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
