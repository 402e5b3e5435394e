import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberNode } from '../contract/memberNode.js';
import { requestMembers } from '../contract/requestMembers.js';
import { charLength, hasAstral, isAscii, patternRegExp } from './patternChars.js';
import { boundedString, shortestMatch, stringOfLength, stringRecipe } from './stringOfLength.js';

/** Every string member of the request, with its path. */
function stringNodes(): [string, MemberNode][] {
  const out: [string, MemberNode][] = [];
  const walk = (path: string, n: MemberNode) => {
    if (n.type === 'string') out.push([path, n]);
    if (n.items) walk(`${path}[]`, n.items);
    for (const [k, c] of Object.entries(n.members ?? {})) walk(`${path}.${k}`, c);
  };
  for (const [k, n] of Object.entries(requestMembers)) walk(k, n);
  return out;
}

const matches = (n: MemberNode, s: string) => n.pattern === undefined || patternRegExp(n.pattern).test(s);

describe('stringOfLength', () => {
  it.each(stringNodes())('%s: values of an exact length match the pattern, in each script it allows', (_, node) => {
    const recipe = stringRecipe(node)!;
    expect(recipe).toBeDefined();
    const lengths = [shortestMatch(node, recipe), node.length?.min, node.length?.max, (node.length?.max ?? 40) + 1].filter((n): n is number => n !== undefined && n >= shortestMatch(node, recipe));
    for (const n of lengths) {
      for (const script of ['ascii', 'non-ascii'] as const) {
        const arb = stringOfLength(node, n, script);
        if (!arb) continue;
        for (const s of fc.sample(arb, { seed: 1, numRuns: 20 })) {
          expect(charLength(s)).toBe(n);
          expect(matches(node, s)).toBe(true);
          if (script === 'ascii') expect(isAscii(s)).toBe(true);
          else if (n > 0) expect(isAscii(s)).toBe(false);
        }
      }
    }
  });

  it('puts astral characters into non-ASCII values where the pattern has letters', () => {
    const url = requestMembers.CallbackURLs.items!;
    const s = fc.sample(stringOfLength(url, 1024, 'non-ascii')!, { seed: 1, numRuns: 5 });
    expect(s.every((v) => hasAstral(v) && charLength(v) === 1024 && v.length > 1024)).toBe(true);
  });

  it('has no value where the pattern needs more characters or another script', () => {
    expect(stringOfLength(requestMembers.ClientName, 0)).toBeUndefined();
    expect(stringOfLength(requestMembers.ClientName, 5, 'non-ascii')).toBeUndefined();
    expect(stringOfLength(requestMembers.UserPoolId, 3)).toBeUndefined();
  });

  it('builds structured values from a prefix the pattern accepts', () => {
    const arn = requestMembers.AnalyticsConfiguration.members!.RoleArn;
    const v = fc.sample(stringOfLength(arn, arn.length!.min! - 1)!, { seed: 3, numRuns: 10 });
    expect(v.every((s) => charLength(s) === arn.length!.min! - 1 && matches(arn, s))).toBe(true);
  });

  it('boundedString reaches both bounds', () => {
    const node = requestMembers.ClientSecret;
    const lengths = new Set(fc.sample(boundedString(node), { seed: 5, numRuns: 200 }).map(charLength));
    expect(lengths.has(node.length!.min!)).toBe(true);
    expect(lengths.has(node.length!.max!)).toBe(true);
    expect([...lengths].every((n) => n >= node.length!.min! && n <= node.length!.max!)).toBe(true);
  });
});
