import fc from 'fast-check';
import type { MemberNode } from '../contract/memberNode.js';
import { allowedChars, charLength, isAscii, hasAstral, patternRegExp, isSingleClassPattern, repeatToLength } from './patternChars.js';

/**
 * Strings of an exact length in characters that match a member's pattern: the building block for
 * valid values at their length boundaries and for single-fault values (one character too long or
 * too short, one forbidden character).
 *
 * A single-class pattern (`^[…]+$`) takes any of its characters. A structured pattern needs a fixed
 * start; the characters after it are found by testing candidates against the whole pattern.
 */
const STRUCTURED_PREFIX: Readonly<Record<string, string>> = {
  // `<region>_<id>`; the region part is free-form in the model (`[\w-]+`).
  UserPoolIdType: 'us-east-1_',
  // The shortest ARN form the model's pattern admits around a resource part: arn:partition:service::account:resource.
  ArnType: 'arn:aws:iam::1:',
};

export interface StringRecipe {
  prefix: string;
  /** Characters that may follow the prefix, any number of times. */
  chars: readonly string[];
}

export function stringRecipe(node: MemberNode): StringRecipe | undefined {
  if (node.pattern === undefined) return { prefix: '', chars: allowedChars(undefined) };
  if (isSingleClassPattern(node.pattern)) return { prefix: '', chars: allowedChars(node.pattern) };
  const prefix = node.shape ? STRUCTURED_PREFIX[node.shape] : undefined;
  if (prefix === undefined) return undefined;
  const re = patternRegExp(node.pattern);
  const chars = allowedChars(undefined).filter((c) => re.test(prefix + c) && re.test(prefix + c + c) && re.test(prefix + 'a' + c));
  return chars.length ? { prefix, chars } : undefined;
}

/** The fewest characters a value matching the node's pattern can have with this recipe. */
export function shortestMatch(node: MemberNode, recipe: StringRecipe): number {
  return charLength(recipe.prefix) + (node.pattern === undefined ? 0 : 1);
}

export type Script = 'ascii' | 'non-ascii';

/**
 * An arbitrary of strings of exactly `length` characters matching the node's pattern, or undefined
 * when no such string exists (length below the pattern's shortest match) or the script is not
 * allowed by the pattern. `non-ascii` puts at least one BMP and, where allowed, one astral
 * character into every value.
 */
export function stringOfLength(node: MemberNode, length: number, script: Script = 'ascii'): fc.Arbitrary<string> | undefined {
  const recipe = stringRecipe(node);
  if (!recipe || length < shortestMatch(node, recipe)) return undefined;
  const rest = length - charLength(recipe.prefix);
  if (rest === 0) return fc.constant(recipe.prefix);
  const ascii = recipe.chars.filter((c) => isAscii(c));
  if (script === 'ascii') {
    if (!ascii.length) return undefined;
    return fc.array(fc.constantFrom(...ascii), { minLength: 1, maxLength: 6 }).map((chunk) => recipe.prefix + repeatToLength(chunk, rest));
  }
  const bmp = recipe.chars.filter((c) => !isAscii(c) && !hasAstral(c));
  const astral = recipe.chars.filter((c) => hasAstral(c));
  if (!bmp.length && !astral.length) return undefined;
  const extras = fc.tuple(
    bmp.length ? fc.constantFrom(...bmp) : fc.constant(undefined),
    astral.length ? fc.constantFrom(...astral) : fc.constant(undefined),
  ).map(([a, b]) => [a, b].filter((c): c is string => c !== undefined));
  return fc
    .tuple(fc.array(fc.constantFrom(...recipe.chars), { maxLength: 4 }), extras)
    .map(([chunk, special]) => recipe.prefix + repeatToLength([...special, ...chunk], rest));
}

/**
 * A string of the node's length bounds: short ones mostly, exactly the minimum and exactly the
 * maximum on purpose. `shortMax` caps the random lengths so that most values stay readable.
 */
export function boundedString(node: MemberNode, script: Script = 'ascii', shortMax = 16): fc.Arbitrary<string> {
  const recipe = stringRecipe(node);
  if (!recipe) throw new Error(`boundedString: no recipe for ${node.shape ?? node.type}`);
  const min = Math.max(node.length?.min ?? 0, shortestMatch(node, recipe));
  const max = node.length?.max ?? Math.max(min, shortMax);
  const atMin = stringOfLength(node, min, script);
  const atMax = stringOfLength(node, max, script);
  if (!atMin || !atMax) throw new Error(`boundedString: ${node.shape ?? node.type} has no ${script} value at its bounds`);
  const chars = script === 'ascii' ? recipe.chars.filter((c) => isAscii(c)) : recipe.chars;
  const short = fc
    .array(fc.constantFrom(...chars), { minLength: min - charLength(recipe.prefix), maxLength: Math.max(min, Math.min(max, shortMax)) - charLength(recipe.prefix) })
    .map((cs) => recipe.prefix + cs.join(''));
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: short, weight: 3 },
    { arbitrary: atMin, weight: 1 },
    { arbitrary: atMax, weight: 1 },
  );
}
