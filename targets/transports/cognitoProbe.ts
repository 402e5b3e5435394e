import { answerSummary } from './answerSummary.js';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { isSuccessStatus } from '../isSuccessStatus.js';
import { isUnsupportedOperation } from './unsupportedOperation.js';

/**
 * Telling "not Cognito at all" from "a Cognito emulator without this operation" when the first
 * fixture request fails. An awsJson1_1 service names every error (`__type` in the body or the
 * x-amzn-ErrorType header, exchange.errorType), even for an operation it does not have
 * (UnknownOperationException, cognito-local's `CognitoLocal#Unsupported`); a plain web server
 * answers 404 or 501 with an HTML or text page and no error name. So an answer with an error name,
 * or a success with a JSON object, speaks the protocol; when the failed answer does not, two
 * harmless requests decide: ListUserPools (one result) and DescribeUserPoolClient of a pool and a
 * client that cannot exist, which every Cognito answers with a named error.
 */
export function answersAsCognito(exchange: Pick<Exchange, 'status' | 'body' | 'errorType'>): boolean {
  if (exchange.errorType !== undefined) return true;
  return isSuccessStatus(exchange.status) && typeof exchange.body === 'object' && exchange.body !== null && !Array.isArray(exchange.body);
}

/** Well-formed ids (model patterns) that no pool has: the region part is not a region. */
const PROBES: readonly { operation: string; input: Readonly<Record<string, unknown>> }[] = [
  { operation: 'ListUserPools', input: { MaxResults: 1 } },
  { operation: 'DescribeUserPoolClient', input: { UserPoolId: 'xx-probe-0_NoSuchPool0', ClientId: '1abcdefghijklmnopqrstuvwxy' } },
];

/**
 * E_NOT_COGNITO when neither `failed` nor the probes answer as Cognito, naming the endpoint and
 * what each request got; undefined when the endpoint speaks the protocol.
 */
export async function notCognitoError(target: Target, failed: Exchange): Promise<HarnessError | undefined> {
  if (answersAsCognito(failed)) return undefined;
  const seen: { operation: string; got: string }[] = [{ operation: failed.operation, got: answerSummary(failed) }];
  for (const probe of PROBES) {
    try {
      const answer = await target.send(probe.operation, probe.input);
      if (answersAsCognito(answer)) return undefined;
      seen.push({ operation: probe.operation, got: answerSummary(answer) });
    } catch (err) {
      seen.push({ operation: probe.operation, got: `no answer (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` });
    }
  }
  // A web server answers every request alike: the same answer is said once, so the line stays one line.
  const answers = [...new Set(seen.map((x) => x.got))];
  const said = answers.length === 1
    ? `${seen.map((x) => x.operation).join(', ')} all got ${answers[0]}`
    : seen.map((x) => `${x.operation} got ${x.got}`).join('; ');
  return new HarnessError('E_NOT_COGNITO', `${target.info.endpoint} does not answer as Cognito: ${sentence(said)} Is this the right endpoint?`);
}

/**
 * The one-line error for a CreateUserPool that failed on an endpoint that does speak Cognito: the
 * run cannot make its own pool there, so it says so and how to judge the target anyway.
 */
export function createUserPoolFailure(target: Target, exchange: Exchange): HarnessError {
  const what = isUnsupportedOperation(exchange) ? 'this target lacks CreateUserPool' : 'this target could not create the run\'s user pool';
  return new HarnessError(
    'E_FIXTURE',
    `CreateUserPool failed on ${target.info.name} at ${target.info.endpoint}: ${sentence(answerSummary(exchange))} ${what[0].toUpperCase()}${what.slice(1)}; to judge it anyway, run against a pool that exists there: --user-pool-id ID`,
  );
}

/** Ends the text with one full stop (a quoted message may bring its own). */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
