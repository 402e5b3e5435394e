import type { Exchange, Target } from '../exchange.js';
import { answerSummary } from '../transports/answerSummary.js';
import { isSuccessStatus } from '../isSuccessStatus.js';
import { isUnsupportedOperation } from '../transports/unsupportedOperation.js';

/**
 * A fixture request the run can do without (everything beyond the pool: a resource server, an
 * identity provider, reading an existing pool's schema, scopes and providers). Whatever the target
 * answers, an error of any status, an unknown operation, a body that is not JSON, or no answer at
 * all, the run goes on: the rules that need the fixture are skipped, and the reason names the
 * operation and what came back, so that a maintainer sees the emulator's gap in the report instead
 * of a run that judged nothing (issue 14: five real emulator bugs went unseen because one optional
 * fixture answered HTTP 500 and the run stopped).
 */
export type OptionalAnswer = { ok: true; exchange: Exchange } | { ok: false; reason: string; exchange?: Exchange };

export async function sendOptional(target: Target, operation: string, input: Readonly<Record<string, unknown>>): Promise<OptionalAnswer> {
  let exchange: Exchange;
  try {
    exchange = await target.send(operation, input);
  } catch (err) {
    return { ok: false, reason: `${operation} got no answer: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  if (isSuccessStatus(exchange.status)) return { ok: true, exchange };
  return { ok: false, reason: optionalFailureReason(exchange), exchange };
}

/** "target lacks X (HTTP 501 …)" when the answer means the operation is missing, else "X answered HTTP 500 …". */
export function optionalFailureReason(exchange: Exchange): string {
  const answer = answerSummary(exchange);
  return isUnsupportedOperation(exchange) ? `target lacks ${exchange.operation} (${answer})` : `${exchange.operation} answered ${answer}`;
}
