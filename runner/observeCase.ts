import type { Rule } from '../contract/rule.js';
import type { TestCase } from '../generators/testCase.js';
import type { Exchange, Target } from '../targets/exchange.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { persistentTarget } from '../targets/pacing/persistentTarget.js';
import type { Observation } from '../oracles/observation.js';
import { earlierClientIdsView } from './earlierClientIdsView.js';

/**
 * Sends one case and gathers what the oracles of its rule need: the create exchange (a probe's one
 * exchange, whatever its operation: `create` then holds it), and for
 * consistency and side-effect rules the Describe/List exchanges around it. A client the case
 * created is deleted right after (real AWS allows 1,000 clients per pool; cognito-local slows
 * down as its store grows, docs/evidence.md §9).
 */
export interface ObserveEnv {
  target: Target;
  userPoolId: string;
  earlierClientIds: Set<string>;
}

// One page is enough: every case deletes its client, so the pool holds at most one client per
// concurrent case.
const LIST_PAGE = 60;

function clientIdOf(exchange: Exchange): string | undefined {
  if (!isSuccessStatus(exchange.status)) return undefined;
  const id = (exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)?.UserPoolClient?.ClientId;
  return typeof id === 'string' ? id : undefined;
}

export async function observeCase(rule: Rule, testCase: TestCase, env: ObserveEnv): Promise<Observation> {
  const { target } = env;
  if (testCase.probe !== undefined) {
    // A probe is sent alone: no listing, and nothing to delete (real AWS refuses it; a target that
    // creates a client anyway is flagged by the probe, and the run's pool teardown removes it).
    const sentAt = Date.now();
    const operation = testCase.operation ?? 'CreateUserPoolClient';
    const exchange = await target.send(operation, testCase.request, testCase.rawBody === undefined ? undefined : { rawBody: testCase.rawBody });
    const receivedAt = Date.now();
    const clientId = clientIdOf(exchange);
    if (clientId && operation === 'CreateUserPoolClient') {
      env.earlierClientIds.add(clientId);
      await target.send('DeleteUserPoolClient', { UserPoolId: String(testCase.request.UserPoolId), ClientId: clientId });
    }
    return { rule, testCase, create: exchange, sentAt, receivedAt, earlierClientIds: earlierClientIdsView(env.earlierClientIds) };
  }
  const list = () => target.send('ListUserPoolClients', { UserPoolId: env.userPoolId, MaxResults: LIST_PAGE });
  const wantsList = rule.kind === 'side-effect' || rule.kind === 'consistency';
  const listBefore = rule.kind === 'side-effect' ? await list() : undefined;
  const earlierClientIds = earlierClientIdsView(env.earlierClientIds);
  const sentAt = Date.now();
  const create = await target.send('CreateUserPoolClient', testCase.request);
  const receivedAt = Date.now();
  const clientId = clientIdOf(create);
  let describe: Exchange | undefined;
  let listAfter: Exchange | undefined;
  try {
    if (rule.kind === 'consistency' && clientId) {
      describe = await target.send('DescribeUserPoolClient', { UserPoolId: env.userPoolId, ClientId: clientId });
    }
    if (wantsList) listAfter = await list();
  } finally {
    if (clientId) {
      env.earlierClientIds.add(clientId);
      // Cleanup: throttling is waited out here too (the verdict does not depend on this answer).
      await persistentTarget(target).send('DeleteUserPoolClient', { UserPoolId: env.userPoolId, ClientId: clientId });
    }
  }
  return { rule, testCase, create, sentAt, receivedAt, describe, listBefore, listAfter, earlierClientIds };
}
