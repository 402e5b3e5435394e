import type { SdkSample } from './ruleResult.js';
import { valueChangeLine } from './valueChangeLine.js';
import { valueChanges } from './valueChanges.js';

/** At most this many member lines per rule; the rest are counted. */
const MAX_LINES = 8;

/**
 * What differs between two SDK views of the same request (A's and B's SDK, or the same SDK against
 * two targets), in words: who answered, the status and errors, the members one SDK did not send or
 * dropped from the parsed answer and the other did not (an SDK whose model lacks a member drops it
 * without a word: runner/sdkSample.ts), then the output member by member. The samples are compared
 * as given: pass them through stableTokens first.
 */
export function sdkViewChange(a: SdkSample, b: SdkSample): string[] {
  const lines: string[] = [];
  if (a.layer !== b.layer) {
    const [refused, sent, other] = a.layer === 'sdk-client' ? ['A', 'B', b] : ['B', 'A', a];
    const thrown = (refused === 'A' ? a : b).sdkError;
    lines.push(`${refused}'s SDK refused the request before sending it${thrown ? ` (${thrown})` : ''}; ${sent}'s sent it (HTTP ${other.status})`);
  } else if (a.status !== b.status) {
    lines.push(`HTTP status: ${a.status} in A, ${b.status} in B`);
  }
  if (a.errorType !== b.errorType) lines.push(`error type: ${a.errorType ?? 'none'} in A, ${b.errorType ?? 'none'} in B`);
  if (a.sdkError !== b.sdkError) lines.push(`SDK error: ${a.sdkError ?? 'none'} in A, ${b.sdkError ?? 'none'} in B`);
  lines.push(...dropped('not sent by', "(in the request; {other}'s SDK sent {it})", a.notSent, b.notSent));
  lines.push(...dropped('dropped from the parsed answer by', "(the server sent {it}; {other}'s SDK kept {it})", a.notParsed, b.notParsed));
  const explained = new Set([...only(a.notSent, b.notSent), ...only(b.notSent, a.notSent)]);
  if (a.sentAsBuilt !== undefined && b.sentAsBuilt !== undefined && a.sentAsBuilt !== b.sentAsBuilt && explained.size === 0) {
    lines.push(a.sentAsBuilt ? "A's SDK sent the request as built; B's sent another body" : "B's SDK sent the request as built; A's sent another body");
  }
  // Output members a parse already explains are not listed again.
  const parsedAway = new Set([...only(a.notParsed, b.notParsed), ...only(b.notParsed, a.notParsed)]);
  const members = valueChanges(a.output, b.output, '').filter((c) => !parsedAway.has(c.path));
  lines.push(...members.slice(0, MAX_LINES).map((c) => valueChangeLine(c, 'output')));
  if (members.length > MAX_LINES) lines.push(`… ${members.length - MAX_LINES} more output members differ`);
  return lines;
}

function only(these: readonly string[] | undefined, those: readonly string[] | undefined): string[] {
  const other = new Set(those ?? []);
  return (these ?? []).filter((m) => !other.has(m));
}

function dropped(what: string, why: string, a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  const lines: string[] = [];
  const inB = only(b, a);
  const inA = only(a, b);
  const because = (other: string, n: number) => why.replace('{other}', other).replaceAll('{it}', n === 1 ? 'it' : 'them');
  if (inB.length) lines.push(`${inB.join(', ')}: ${what} B's SDK ${because('A', inB.length)}`);
  if (inA.length) lines.push(`${inA.join(', ')}: ${what} A's SDK ${because('B', inA.length)}`);
  return lines;
}
