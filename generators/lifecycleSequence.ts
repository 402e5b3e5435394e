import fc from 'fast-check';
import { contract } from '../contract/contract.js';
import type { PoolContext } from '../contract/poolContext.js';
import type { Rule } from '../contract/rule.js';
import { invalidRequest } from './invalidRequest.js';
import type { RequestBody } from './testCase.js';
import { validRequest } from './validRequest.js';

/**
 * One step of a lifecycle sequence (issue 17). A step names a client by `pick`, an index into the
 * clients the sequence has created so far (deleted ones included, so later steps meet deleted
 * clients too): the runner takes it modulo their number and skips the step while there is none;
 * LAST_CREATED names the client created last.
 */
export type LifecycleStep =
  | { op: 'create'; request: RequestBody }
  | { op: 'describe'; pick: number }
  | { op: 'update'; pick: number; request: RequestBody; invalid?: string }
  | { op: 'list'; maxResults: number }
  | { op: 'delete'; pick: number };

/** Steps in one sequence: enough for create, update, list, delete and a look afterwards, few enough for AWS's quotas. */
export const MAX_STEPS = 8;
/** Random steps between the first Create and the rule's focus steps (at most three). */
export const MAX_RANDOM_STEPS = MAX_STEPS - 4;
/** A `pick` naming the client created last (the focus steps' own client). */
export const LAST_CREATED = -1;

/** Update's input is Create's without the secret members (model: UpdateUserPoolClientRequest has neither). */
const NOT_IN_UPDATE = ['GenerateSecret', 'ClientSecret'];

/**
 * The Create rules an Update request can break as Create's does (docs/lifecycle.md L10): every
 * breakable rule but those about members Update lacks, the pool itself (an Update elsewhere is a
 * lookup, answered ResourceNotFound) and ClientName's presence (optional in Update: L4).
 */
export const UPDATE_BREAKABLE_RULES: readonly Rule[] = contract.rules.filter((r) =>
  r.breakable && r.expect.outcome === 'rejected' && r.id !== 'user-pool.exists' && r.id !== 'client-name.required'
  && !r.members.some((m) => NOT_IN_UPDATE.some((n) => m === n || m.startsWith(`${n}.`))));

/**
 * Requests are not shrunk, steps are: every shrink step of a sequence is a whole sequence sent
 * again (ten requests and more), and a request's own shrink tree is deep (the Create rules shrink
 * theirs). The shortest failing sequence is what a reader needs; its requests are shown in full.
 */
function requests(pool: PoolContext): fc.Arbitrary<RequestBody> {
  return fc.noShrink(validRequest(pool));
}

/**
 * A valid Create request with a secret: every valid Create request is then a valid Update of the
 * client once its secret members are left out (a client_credentials flow, or context data
 * propagation, needs the secret the client already has), so the focus Update is accepted by a
 * conforming target and judged.
 */
function withSecret(pool: PoolContext): fc.Arbitrary<RequestBody> {
  return fc.noShrink(validRequest(pool, { set: { GenerateSecret: true } }));
}

function asUpdate(request: RequestBody, keepName: boolean): RequestBody {
  const out: RequestBody = {};
  for (const [k, v] of Object.entries(request)) if (!NOT_IN_UPDATE.includes(k) && (keepName || k !== 'ClientName')) out[k] = v;
  return out;
}

export type StepWeights = Record<'create' | 'describe' | 'update' | 'list' | 'delete' | 'invalidUpdate' | 'badList', number>;
const BASE_WEIGHTS: StepWeights = { create: 2, describe: 2, update: 3, list: 2, delete: 1, invalidUpdate: 0, badList: 0 };
/**
 * More of the steps a rule is judged on, so that a few sequences (`--runs 25` gives five) reach it:
 * a Describe after an Update, a lookup after a Delete, listings.
 */
const RULE_WEIGHTS: Readonly<Record<string, Partial<StepWeights>>> = {
  // Fewer clients, so that a Describe meets the client just updated.
  'lifecycle.update-answer-is-describe': { create: 1, describe: 4, update: 4 },
  'lifecycle.dates': { create: 1, describe: 3 },
  'lifecycle.secret-stable': { create: 1, describe: 3 },
  'lifecycle.update-keeps-name': { create: 1 },
  'lifecycle.deleted-gone': { delete: 4, list: 1 },
  'lifecycle.list-complete': { list: 4, delete: 2 },
  'lifecycle.list-max-results': { list: 4 },
  'lifecycle.list-max-results-range': { list: 2, badList: 3 },
  'lifecycle.update-validated': { invalidUpdate: 4 },
};

/** How often each kind of step comes in a rule's sequences (relative weights; runner/runPlan.ts reads them too). */
export function lifecycleStepWeights(rule: Rule): StepWeights {
  return { ...BASE_WEIGHTS, ...RULE_WEIGHTS[rule.id] };
}

/**
 * The steps a rule's sequences are made of: every rule gets Create, Describe, Update (valid Create
 * requests without the secret members, half of them without ClientName), List (MaxResults 1–60,
 * paged by the runner) and Delete; lifecycle.update-validated also gets Updates that break one
 * Create rule, and lifecycle.list-max-results-range Lists with MaxResults 0 or 61.
 */
export function lifecycleStep(rule: Rule, pool: PoolContext): fc.Arbitrary<LifecycleStep> {
  const pick = fc.nat({ max: MAX_STEPS - 1 });
  const create = requests(pool).map((request): LifecycleStep => ({ op: 'create', request }));
  const update = fc.tuple(pick, requests(pool), fc.boolean()).map(([p, r, keepName]): LifecycleStep => ({ op: 'update', pick: p, request: asUpdate(r, keepName) }));
  const weight = lifecycleStepWeights(rule);
  const steps: fc.WeightedArbitrary<LifecycleStep>[] = [
    { arbitrary: create, weight: weight.create },
    { arbitrary: pick.map((p): LifecycleStep => ({ op: 'describe', pick: p })), weight: weight.describe },
    { arbitrary: update, weight: weight.update },
    { arbitrary: fc.integer({ min: 1, max: 60 }).map((maxResults): LifecycleStep => ({ op: 'list', maxResults })), weight: weight.list },
    { arbitrary: pick.map((p): LifecycleStep => ({ op: 'delete', pick: p })), weight: weight.delete },
  ];
  if (weight.invalidUpdate > 0) {
    const invalid = UPDATE_BREAKABLE_RULES.map((r) => invalidRequest(r, pool)).filter((a) => a !== undefined);
    if (invalid.length) {
      const broken = fc.tuple(pick, fc.noShrink(fc.oneof(...invalid))).map(([p, tc]): LifecycleStep => ({ op: 'update', pick: p, request: asUpdate(tc.request, true), invalid: tc.why?.ruleId ?? tc.ruleId }));
      steps.push({ arbitrary: broken, weight: weight.invalidUpdate });
    }
  }
  if (weight.badList > 0) {
    steps.push({ arbitrary: fc.constantFrom(0, 61).map((maxResults): LifecycleStep => ({ op: 'list', maxResults })), weight: weight.badList });
  }
  return fc.oneof(...steps);
}

/**
 * The steps every sequence of a rule ends with: the exchange its judges need, on the same client
 * (an Update then a Describe of it, a Delete then a lookup of it, a listing), so that each of the
 * few sequences a run affords judges the rule, and the shortest failing sequence is often just
 * Create and these.
 */
/** The operations of a rule's focus steps (focusSteps), for `run --plan`. */
export function focusOperations(rule: Rule): readonly ('create' | 'update' | 'describe' | 'delete' | 'list')[] {
  switch (rule.id) {
    case 'lifecycle.list-max-results':
      return ['create', 'list'];
    case 'lifecycle.update-answer-is-describe':
    case 'lifecycle.dates':
    case 'lifecycle.secret-stable':
      return ['create', 'update', 'describe'];
    case 'lifecycle.update-replaces':
    case 'lifecycle.update-keeps-name':
      return ['create', 'update'];
    case 'lifecycle.update-validated':
      return ['update'];
    case 'lifecycle.deleted-gone':
      return ['delete', 'describe'];
    default:
      return ['list'];
  }
}

function focusSteps(rule: Rule, pool: PoolContext): fc.Arbitrary<LifecycleStep[]> {
  const pick = fc.nat({ max: MAX_STEPS - 1 });
  const update = (p: number, r: RequestBody, keepName: boolean): LifecycleStep => ({ op: 'update', pick: p, request: asUpdate(r, keepName) });
  switch (rule.id) {
    case 'lifecycle.update-answer-is-describe':
    case 'lifecycle.dates':
    case 'lifecycle.secret-stable':
      return fc.tuple(withSecret(pool), requests(pool), fc.boolean()).map(([c, r, k]) => [
        { op: 'create', request: c }, update(LAST_CREATED, r, k), { op: 'describe', pick: LAST_CREATED },
      ]);
    case 'lifecycle.update-replaces':
    case 'lifecycle.update-keeps-name':
      return fc.tuple(withSecret(pool), requests(pool), fc.boolean()).map(([c, r, k]) => [{ op: 'create', request: c }, update(LAST_CREATED, r, k)]);
    case 'lifecycle.update-validated':
      return fc.tuple(pick, requests(pool), fc.boolean()).map(([p, r, k]) => [update(p, r, k)]);
    case 'lifecycle.deleted-gone':
      return fc.tuple(pick, fc.constantFrom<'describe' | 'delete'>('describe', 'delete')).map(([p, op]) => [{ op: 'delete', pick: p }, { op, pick: p }]);
    case 'lifecycle.list-max-results-range':
      return fc.constantFrom(0, 61).map((maxResults) => [{ op: 'list', maxResults }]);
    case 'lifecycle.list-max-results':
      // A second client of its own, then pages of one: the verdict does not hang on how many
      // clients other rules happen to hold in the pool at that moment.
      return requests(pool).map((request) => [{ op: 'create', request }, { op: 'list', maxResults: 1 }]);
    default:
      return fc.integer({ min: 1, max: 60 }).map((maxResults) => [{ op: 'list', maxResults }]);
  }
}

/**
 * A lifecycle sequence: a Create first (every other step needs a client), random steps, then the
 * rule's focus steps; at most MAX_STEPS in all. A plain array, not fc.commands: see
 * runner/checkLifecycleRule.ts for why.
 */
export function lifecycleSequence(rule: Rule, pool: PoolContext): fc.Arbitrary<LifecycleStep[]> {
  const first = requests(pool).map((request): LifecycleStep => ({ op: 'create', request }));
  return fc.tuple(first, fc.array(lifecycleStep(rule, pool), { maxLength: MAX_RANDOM_STEPS }), focusSteps(rule, pool)).map(([a, rest, focus]) => [a, ...rest, ...focus]);
}
