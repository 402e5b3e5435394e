import fc from 'fast-check';
import type { MemberNode } from '../contract/memberNode.js';
import type { Rule } from '../contract/rule.js';
import { STANDARD_SCOPES, type AnalyticsFixture, type PoolContext } from '../contract/poolContext.js';
import { requestMembers } from '../contract/requestMembers.js';
import { modelRuleId, type ConstraintKind } from '../contract/ruleIds.js';
import type { RequestBody } from './testCase.js';
import { cannotBreak, withItem, type BreakerPlan } from './breakerPlan.js';
import { canonicalRequest } from './canonicalRequest.js';
import { CANDIDATE_CHARS, patternRegExp } from './patternChars.js';
import { URL_PREFIX_MAX, distinctUrls, redirectUrl, redirectUrlOfLength } from './redirectUrl.js';
import { shortestMatch, stringOfLength, stringRecipe, type Script } from './stringOfLength.js';
import type { ValidRequestOptions } from './requestChoices.js';
import { validRequest } from './validRequest.js';

/**
 * Breakers for the model-constraint rules (contract/modelRules.ts), derived from the member's node:
 * one character too long or too short (ASCII and non-ASCII, so that lengths are in characters), one
 * forbidden character, an integer one past a bound or far beyond it, a string outside the enum, one
 * item too many, a required member missing. The fault goes into an otherwise valid request.
 */
const MODEL_KINDS: readonly Rule['kind'][] = ['required', 'length', 'range', 'pattern', 'enum', 'list-length'];
const CONSTRAINTS: readonly ConstraintKind[] = ['required', 'min-length', 'max-length', 'min', 'max', 'pattern', 'enum', 'max-items'];

// AWS reads JSON integers into Java Integers: a value beyond 32 bits would fail deserialisation
// (a SerializationException no rule covers), so "far" means the 32-bit bound.
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// Values valid by the model for a pool without a Pinpoint project: with a model fault in the same
// structure the service never reaches the project's existence.
const MODEL_VALID_ANALYTICS: AnalyticsFixture = {
  applicationId: '0123456789abcdef0123456789abcdef',
  applicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123456789abcdef0123456789abcdef',
  roleArn: 'arn:aws:iam::123456789012:role/CognitoPinpointAnalytics',
  externalId: 'cognito-conformance-external-id',
};

const REMOVE = Symbol('remove');
type FaultValue = unknown;

/** The node at a member path (`A`, `A.B`, `A[]`). */
export function nodeAt(path: string): MemberNode | undefined {
  let members: Readonly<Record<string, MemberNode>> | undefined = requestMembers;
  let node: MemberNode | undefined;
  for (const raw of path.split('.')) {
    const isItem = raw.endsWith('[]');
    node = members?.[isItem ? raw.slice(0, -2) : raw];
    if (node && isItem) node = node.items;
    if (!node) return undefined;
    members = node.members;
  }
  return node;
}

/** The member path and constraint a model rule is about, or undefined for other rules. */
export function modelConstraintOf(rule: Rule): { path: string; constraint: ConstraintKind } | undefined {
  const path = rule.members[0];
  if (path === undefined || !MODEL_KINDS.includes(rule.kind)) return undefined;
  const constraint = CONSTRAINTS.find((c) => modelRuleId(path, c) === rule.id);
  return constraint ? { path, constraint } : undefined;
}

const isUrl = (node: MemberNode) => node.shape === requestMembers.CallbackURLs.items!.shape;

/** A value of exactly `n` characters matching the node's pattern; URLs look like URLs. */
function valueOfLength(node: MemberNode, n: number, script: Script): fc.Arbitrary<string> | undefined {
  if (isUrl(node) && n > URL_PREFIX_MAX) return redirectUrlOfLength(n, script);
  return stringOfLength(node, n, script);
}

function eitherScript(node: MemberNode, n: number): fc.Arbitrary<string> | undefined {
  const variants = (['ascii', 'non-ascii'] as const).map((s) => valueOfLength(node, n, s)).filter((a): a is fc.Arbitrary<string> => a !== undefined);
  return variants.length ? fc.oneof(...variants) : undefined;
}

/** Where a pattern's free characters start (after a structured prefix, after a URL's scheme and host). */
function freeStart(node: MemberNode): number {
  if (isUrl(node)) return URL_PREFIX_MAX;
  return [...(stringRecipe(node)?.prefix ?? '')].length;
}

/**
 * A value of valid length with one character replaced by one the pattern rejects there, never at
 * either end (a service that trims could otherwise accept it). Candidates are tried in turn from a
 * generated start, so every forbidden character is reachable.
 */
function patternBreaking(node: MemberNode): fc.Arbitrary<string> | undefined {
  const re = patternRegExp(node.pattern!);
  const recipe = stringRecipe(node);
  if (!recipe) return undefined;
  const start = freeStart(node);
  const lo = Math.max(node.length?.min ?? 1, shortestMatch(node, recipe), start + 3);
  const n = Math.min(node.length?.max ?? Infinity, Math.max(lo, start + 8));
  if (n < lo) return undefined;
  const base = valueOfLength(node, n, 'ascii');
  if (!base) return undefined;
  return fc.tuple(base, fc.nat(), fc.nat()).map(([s, posSeed, charSeed]) => {
    const cps = [...s];
    const pos = start + 1 + (posSeed % (cps.length - start - 2));
    for (let k = 0; k < CANDIDATE_CHARS.length; k++) {
      const c = CANDIDATE_CHARS[(charSeed + k) % CANDIDATE_CHARS.length];
      const candidate = [...cps.slice(0, pos), c, ...cps.slice(pos + 1)].join('');
      if (!re.test(candidate)) return candidate;
    }
    throw new Error(`no character breaks ${node.pattern}`);
  });
}

/** Strings close to the enum's values but not in it: case changes, a letter off, padding, empty. */
export function nonEnumValues(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const w of [v.toUpperCase(), v.toLowerCase(), v[0].toUpperCase() + v.slice(1).toLowerCase(), v.slice(0, -1), `${v}S`, ` ${v}`, `${v} `, v.replace(/_/g, '-')]) {
      out.add(w);
    }
  }
  out.add('');
  return [...out].filter((w) => !values.includes(w));
}

function listItems(path: string, node: MemberNode, count: number, pool: PoolContext): fc.Arbitrary<unknown[]> {
  const items = node.items!;
  if (items.enum) return fc.array(fc.constantFrom(...items.enum), { minLength: count, maxLength: count });
  if (isUrl(items)) return fc.array(redirectUrl({ short: true }), { minLength: count, maxLength: count }).map(distinctUrls);
  if (path === 'AllowedOAuthScopes') {
    // Scopes that exist where there are enough, so that only the count is wrong.
    const existing = [...STANDARD_SCOPES, ...pool.resourceServerScopes];
    if (existing.length >= count) return fc.shuffledSubarray(existing, { minLength: count, maxLength: count });
    return fc.constant([...existing, ...Array.from({ length: count - existing.length }, (_, i) => `x${i}`)]);
  }
  const item = stringOfLength(items, Math.max(items.length?.min ?? 1, 1), 'ascii');
  if (!item) throw new Error(`no item for ${path}`);
  return fc.array(item, { minLength: count, maxLength: count });
}

interface ModelFault {
  /** Members the valid base leaves out because the fault replaces or rebuilds them. */
  omit: string[];
  values: fc.Arbitrary<FaultValue>;
}

function faultFor(path: string, constraint: ConstraintKind, node: MemberNode, pool: PoolContext): ModelFault | string {
  const top = path.split(/[.[]/)[0];
  // ClientSecret faults go into a client without a generated secret (client-secret.not-with-generate-secret).
  const omitFor = (extra: string[] = []) => (top === 'ClientSecret' ? ['ClientSecret', 'GenerateSecret'] : [top]).concat(extra);
  switch (constraint) {
    case 'required':
      return { omit: [top], values: fc.constant(REMOVE) };
    case 'min-length': {
      const n = node.length!.min! - 1;
      // The empty string: a `+` pattern fails with it only because it is empty, which the judge
      // (contract/requestViolations.ts) attributes to the minimum length alone, as the service does.
      const values = n === 0 ? fc.constant('') : eitherScript(node, n);
      if (!values) {
        return `no value of ${n} characters matches ${node.pattern}, so a value that short also breaks ${modelRuleId(path, 'pattern')}`;
      }
      return { omit: path.includes('[]') ? [] : omitFor(), values };
    }
    case 'max-length': {
      const values = eitherScript(node, node.length!.max! + 1);
      if (!values) return `no value of ${node.length!.max! + 1} characters matches ${node.pattern}`;
      return { omit: path.includes('[]') ? [] : omitFor(), values };
    }
    case 'pattern': {
      const values = patternBreaking(node);
      if (!values) return `no value of a valid length can carry a forbidden character for ${node.pattern}`;
      return { omit: path.includes('[]') ? [] : omitFor(), values };
    }
    case 'min': {
      const m = node.range!.min!;
      return { omit: omitFor(), values: fc.oneof({ withCrossShrink: true }, fc.constant(m - 1), fc.constant(INT32_MIN), fc.integer({ min: INT32_MIN, max: m - 1 })) };
    }
    case 'max': {
      const m = node.range!.max!;
      return { omit: omitFor(), values: fc.oneof({ withCrossShrink: true }, fc.constant(m + 1), fc.constant(INT32_MAX), fc.integer({ min: m + 1, max: INT32_MAX })) };
    }
    case 'enum':
      return { omit: path.includes('[]') || top === 'TokenValidityUnits' ? [] : omitFor(), values: fc.constantFrom(...nonEnumValues(node.enum!)) };
    case 'max-items':
      // A replaced CallbackURLs list would no longer hold the DefaultRedirectURI.
      return { omit: top === 'CallbackURLs' ? ['DefaultRedirectURI'] : [], values: listItems(path, node, node.length!.max! + 1, pool) };
  }
}

/** The structure a structure-member fault goes into, valid but for that member. */
function structureFor(top: string, member: string, base: RequestBody, pool: PoolContext): Record<string, unknown> {
  switch (top) {
    case 'AnalyticsConfiguration': {
      const a = pool.analytics ?? MODEL_VALID_ANALYTICS;
      return member === 'ApplicationArn' ? { ApplicationArn: a.applicationArn } : { ApplicationId: a.applicationId, RoleArn: a.roleArn, ExternalId: a.externalId };
    }
    case 'RefreshTokenRotation':
      // ENABLED wherever valid requests allow it (no ExplicitAuthFlows), as RetryGracePeriodSeconds belongs to rotation.
      return { Feature: base.ExplicitAuthFlows === undefined ? 'ENABLED' : 'DISABLED' };
    default:
      return { ...((base[top] as Record<string, unknown> | undefined) ?? {}) };
  }
}

function applyFault(base: RequestBody, path: string, value: FaultValue, pos: number, pool: PoolContext): RequestBody {
  const req: Record<string, unknown> = { ...base };
  if (path.endsWith('[]')) {
    const list = path.slice(0, -2);
    const max = requestMembers[list].length?.max;
    req[list] = withItem(req[list] as unknown[] | undefined, value, pos, max, req.DefaultRedirectURI);
  } else if (path.includes('.')) {
    const [top, member] = path.split('.');
    const struct = structureFor(top, member, base, pool);
    if (value === REMOVE) delete struct[member];
    else struct[member] = value;
    req[top] = struct;
  } else if (value === REMOVE) {
    delete req[path];
  } else {
    req[path] = value;
  }
  return canonicalRequest(req);
}

export function modelBreaker(rule: Rule, pool: PoolContext): BreakerPlan {
  const found = modelConstraintOf(rule);
  if (!found) return cannotBreak(`${rule.id} is not a model constraint`);
  const node = nodeAt(found.path);
  if (!node) return cannotBreak(`no member ${found.path} in the contract`);
  const fault = faultFor(found.path, found.constraint, node, pool);
  if (typeof fault === 'string') return cannotBreak(fault);
  const options: ValidRequestOptions = { omit: fault.omit };
  if (found.path.startsWith('RefreshTokenRotation.')) options.omit = [...fault.omit, 'ExplicitAuthFlows'];
  const faults = fc
    .tuple(validRequest(pool, options), fault.values, fc.nat())
    .map(([base, value, pos]) => ({ request: applyFault(base, found.path, value, pos, pool), path: found.path }));
  return { ok: true, faults };
}
