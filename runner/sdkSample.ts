import type { Observation } from '../oracles/observation.js';
import type { SdkSample } from '../reports/ruleResult.js';
import { missingMembers } from './missingMembers.js';

/**
 * The SDK's view of one exchange, for the report (RuleResult.sdk): who answered, the wire status
 * and error type, what the SDK threw or returned, whether it sent the request as built, and which
 * members it dropped on the way out (`notSent`: in the request, not in the body it serialized) and
 * on the way back (`notParsed`: in the server's answer, not in its output). An SDK whose model lacks
 * a member drops it both ways without a word; naming the members lets `diff` say what an older or
 * newer SDK does differently (issue 16).
 */
export function sdkSample(o: Observation): SdkSample | undefined {
  const c = o.create;
  if (!c.sdk) return undefined;
  const sentBody = parsedBody(c.sdk.requestBody);
  const notSent = sentBody === undefined ? [] : missingMembers(o.testCase.request, sentBody);
  const notParsed = c.sdk.output === undefined ? [] : missingMembers(c.body, c.sdk.output);
  return {
    layer: c.layer ?? 'server',
    status: c.status,
    ...(c.errorType ? { errorType: c.errorType } : {}),
    ...(c.sdk.errorName ? { sdkError: c.sdk.errorName } : {}),
    ...(c.sdk.output === undefined ? {} : { output: c.sdk.output }),
    ...(sentBody === undefined ? {} : { sentAsBuilt: canonicalJson(sentBody) === canonicalJson(o.testCase.request) }),
    ...(notSent.length ? { notSent } : {}),
    ...(notParsed.length ? { notParsed } : {}),
  };
}

function parsedBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x);
}
