import { WRITABLE_STANDARD_ATTRIBUTES, type AnalyticsFixture, type CustomAttribute, type PoolContext } from '../../contract/poolContext.js';
import { answerSummary } from '../transports/answerSummary.js';
import { clientLedger } from './clientLedger.js';
import { notCognitoError } from '../transports/cognitoProbe.js';
import type { Exchange, Target } from '../exchange.js';
import type { FixtureCapabilities } from './fixtureCapabilities.js';
import { HarnessError } from '../harnessError.js';
import { sendOptional } from './optionalFixture.js';
import type { RunPool } from './poolFixture.js';
import { syntheticAnalytics } from './poolFixture.js';
import { deleteTolerant } from './poolTeardown.js';
import { isUnsupportedOperation } from '../transports/unsupportedOperation.js';
import { RUN_POOL_NAME } from './sweepLeftovers.js';

/**
 * A run in a user pool that already exists (`--user-pool-id`), for targets that cannot create one
 * (an emulator without CreateUserPool) and for least-privilege AWS roles that may work in one
 * designated pool only (examples/iam-policy-existing-pool.json).
 *
 * The pool is read, never changed: its schema with DescribeUserPool (custom and required
 * attributes), its scopes with ListResourceServers (`<Identifier>/<ScopeName>`), its identity
 * providers with ListIdentityProviders. Nothing is created in it but the app clients the cases
 * create, and teardown deletes those and only those (clientLedger.ts); the pool, its resource
 * servers and identity providers are never deleted. A read the target cannot answer leaves that
 * part of the pool unknown, and the rules whose cases depend on it are skipped with the reason
 * (the `known-*` fixture needs); the run does not create a resource server or identity provider in
 * the pool instead: it is someone else's.
 */
export interface ExistingPool extends RunPool {
  /** The pool's name, when DescribeUserPool gave it. */
  name?: string;
  /** The Target to send the run's requests through: it keeps the ledger of the clients created. */
  target: Target;
}

export interface ExistingPoolOptions {
  userPoolId: string;
  /** As for createPoolFixture: made-up Pinpoint values for emulators, or a real project. */
  syntheticAnalytics?: boolean;
  analytics?: AnalyticsFixture;
  /** Prefix of analytics names; the run id prefix. */
  runIdPrefix: string;
}

// ListResourceServers takes 1–50 (Cognito API reference, ListResourceServers MaxResults);
// ListIdentityProviders 1–60. 50 is valid for both.
const PAGE = 50;
const MAX_PAGES = 100;

export async function useExistingPool(target: Target, options: ExistingPoolOptions): Promise<ExistingPool> {
  const { userPoolId } = options;
  const where = `${target.info.name} at ${target.info.endpoint}`;
  const capabilities: FixtureCapabilities = { resourceServer: false, identityProvider: false, analytics: false, reasons: {} };
  const context: PoolContext = { userPoolId, customAttributes: [], resourceServerScopes: [], identityProviders: [] };

  const described = await sendOptional(target, 'DescribeUserPool', { UserPoolId: userPoolId });
  let name: string | undefined;
  if (described.ok) {
    const pool = ((described.exchange.body as { UserPool?: unknown } | undefined)?.UserPool ?? {}) as { Name?: unknown; SchemaAttributes?: unknown };
    if (typeof pool.Name === 'string') name = pool.Name;
    if (Array.isArray(pool.SchemaAttributes)) {
      context.customAttributes = customAttributesOf(pool.SchemaAttributes);
      context.requiredAttributes = requiredAttributesOf(pool.SchemaAttributes);
    } else {
      unknownAttributes(context, capabilities, 'DescribeUserPool answered without SchemaAttributes');
    }
  } else {
    await mustExist(target, userPoolId, described.exchange, where);
    unknownAttributes(context, capabilities, described.reason);
  }
  if (name !== undefined && RUN_POOL_NAME.test(name)) {
    throw new HarnessError('E_USAGE', `--user-pool-id ${userPoolId} is ${name}, a pool named as runs name theirs: \`sweep\` would delete it as a leftover; give a pool of your own`);
  }

  const servers = await listAll(target, 'ListResourceServers', userPoolId, 'ResourceServers');
  if (servers.ok) {
    context.resourceServerScopes = servers.items.flatMap((s) => scopesOf(s));
    if (context.resourceServerScopes.length > 0) capabilities.resourceServer = true;
    else capabilities.reasons['resource-server'] = `pool ${userPoolId} has no resource server with scopes (a run does not create one in a pool it did not create)`;
  } else {
    capabilities.scopesKnown = false;
    capabilities.reasons['known-scopes'] = servers.reason;
    capabilities.reasons['resource-server'] = servers.reason;
  }

  const providers = await listAll(target, 'ListIdentityProviders', userPoolId, 'Providers');
  if (providers.ok) {
    context.identityProviders = providers.items.map((p) => (p as { ProviderName?: unknown }).ProviderName).filter((n): n is string => typeof n === 'string');
    if (context.identityProviders.length > 0) capabilities.identityProvider = true;
    else capabilities.reasons['identity-provider'] = `pool ${userPoolId} has no identity provider (a run does not create one in a pool it did not create)`;
  } else {
    capabilities.providersKnown = false;
    capabilities.reasons['known-providers'] = providers.reason;
    capabilities.reasons['identity-provider'] = providers.reason;
  }

  if (options.analytics !== undefined) {
    context.analytics = options.analytics;
    capabilities.analytics = true;
  } else if (options.syntheticAnalytics === true) {
    context.analytics = syntheticAnalytics(options.runIdPrefix, target.info.region);
    capabilities.analytics = true;
  } else {
    capabilities.reasons.analytics = 'no Pinpoint project configured for this run';
  }

  const ledger = clientLedger(target, userPoolId);
  const notes: string[] = [];
  let done: Promise<void> | undefined;
  const cleanup = () => (done ??= deleteOutstanding(ledger, userPoolId, name ?? userPoolId, notes));
  return { context, capabilities, notes, target: ledger, cleanup, ...(name === undefined ? {} : { name }) };
}

/**
 * Without DescribeUserPool the run cannot tell a pool that is missing from one it cannot read: a
 * not-Cognito endpoint is said so, a missing pool is a harness error (every case would fail on
 * it), and otherwise ListUserPoolClients decides.
 */
async function mustExist(target: Target, userPoolId: string, described: Exchange | undefined, where: string): Promise<void> {
  if (described !== undefined) {
    const notCognito = await notCognitoError(target, described);
    if (notCognito) throw notCognito;
    if (described.errorType === 'ResourceNotFoundException') throw missingPool(userPoolId, where, described);
  }
  const listed = await sendOptional(target, 'ListUserPoolClients', { UserPoolId: userPoolId, MaxResults: 1 });
  if (!listed.ok && listed.exchange?.errorType === 'ResourceNotFoundException') throw missingPool(userPoolId, where, listed.exchange);
}

function missingPool(userPoolId: string, where: string, exchange: Exchange): HarnessError {
  return new HarnessError('E_FIXTURE', `--user-pool-id ${userPoolId}: no such pool on ${where} (${exchange.operation}: ${answerSummary(exchange)})`);
}

/**
 * Unknown schema: no custom attribute is used, and every writable standard attribute counts as
 * required, so that each WriteAttributes list a valid case sends holds them all (valid whichever
 * the pool requires: a required attribute cannot be left out of a client's write permissions).
 */
function unknownAttributes(context: PoolContext, capabilities: FixtureCapabilities, reason: string): void {
  context.customAttributes = [];
  context.requiredAttributes = [...WRITABLE_STANDARD_ATTRIBUTES];
  capabilities.attributesKnown = false;
  capabilities.reasons['known-attributes'] = reason;
}

type Listed = { ok: true; items: unknown[] } | { ok: false; reason: string };

async function listAll(target: Target, operation: string, userPoolId: string, member: string): Promise<Listed> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await sendOptional(target, operation, { UserPoolId: userPoolId, MaxResults: PAGE, ...(NextToken === undefined ? {} : { NextToken }) });
    if (!answer.ok) return { ok: false, reason: answer.reason };
    const body = (answer.exchange.body ?? {}) as Record<string, unknown>;
    const list = body[member];
    if (!Array.isArray(list)) return { ok: false, reason: `${operation} answered without ${member}` };
    items.push(...list);
    const next = body.NextToken;
    if (typeof next !== 'string' || next === '') return { ok: true, items };
    if (seen.has(next)) return { ok: false, reason: `${operation} repeats a NextToken` };
    seen.add(next);
    NextToken = next;
  }
  return { ok: false, reason: `${operation} returned more than ${MAX_PAGES} pages` };
}

function scopesOf(server: unknown): string[] {
  const { Identifier, Scopes } = server as { Identifier?: unknown; Scopes?: unknown };
  if (typeof Identifier !== 'string' || !Array.isArray(Scopes)) return [];
  return Scopes.map((s) => (s as { ScopeName?: unknown }).ScopeName).filter((n): n is string => typeof n === 'string').map((n) => `${Identifier}/${n}`);
}

function customAttributesOf(schema: readonly unknown[]): CustomAttribute[] {
  return schema
    .map((a) => a as { Name?: unknown; Mutable?: unknown; Required?: unknown })
    .filter((a): a is { Name: string; Mutable?: unknown; Required?: unknown } => typeof a.Name === 'string' && a.Name.startsWith('custom:'))
    .map((a) => ({ name: a.Name, mutable: a.Mutable !== false, ...(a.Required === true ? { required: true } : {}) }));
}

function requiredAttributesOf(schema: readonly unknown[]): string[] {
  return schema
    .map((a) => a as { Name?: unknown; Required?: unknown })
    .filter((a): a is { Name: string; Required: true } => typeof a.Name === 'string' && a.Required === true)
    .map((a) => a.Name)
    .filter((n) => (WRITABLE_STANDARD_ATTRIBUTES as readonly string[]).includes(n));
}

/**
 * Deletes the clients the run created and did not delete; a failure names how many are left. A
 * target that lacks DeleteUserPoolClient (cognito-local 2.x answers it "Unsupported") cannot have
 * its clients removed by anyone: that is the target's gap, reported as a note of the run, not a
 * harness error that would hide the verdicts.
 */
async function deleteOutstanding(ledger: ReturnType<typeof clientLedger>, userPoolId: string, poolName: string, notes: string[]): Promise<void> {
  const failures: string[] = [];
  const outstanding = ledger.outstanding();
  const [first] = outstanding;
  if (first !== undefined) {
    const probe = await ledger.send('DeleteUserPoolClient', { UserPoolId: userPoolId, ClientId: first });
    if (isUnsupportedOperation(probe)) {
      notes.push(`the target lacks DeleteUserPoolClient (HTTP ${probe.status}${probe.errorType === undefined ? '' : ` ${probe.errorType}`}): ${outstanding.length} app client(s) the run created remain in ${poolName}`);
      return;
    }
  }
  for (const ClientId of ledger.outstanding()) {
    try {
      await deleteTolerant(ledger, 'DeleteUserPoolClient', { UserPoolId: userPoolId, ClientId });
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failures.length > 0) {
    throw new HarnessError('E_FIXTURE', `cleanup in ${poolName} left ${failures.length} app client(s) the run created behind: ${failures[0]}`);
  }
}
