import { createHash } from 'node:crypto';
import { WRITABLE_STANDARD_ATTRIBUTES, type AnalyticsFixture, type CustomAttribute, type PoolContext } from '../../contract/poolContext.js';
import { processCleanupRegistry, type CleanupRegistry } from './cleanupRegistry.js';
import type { Target } from '../exchange.js';
import type { FixtureCapabilities } from './fixtureCapabilities.js';
import { createUserPoolFailure, notCognitoError } from '../transports/cognitoProbe.js';
import { isSuccessStatus } from '../isSuccessStatus.js';
import { HarnessError } from '../harnessError.js';
import { sendOptional, type OptionalAnswer } from './optionalFixture.js';
import { removePoolContents } from './poolTeardown.js';
import { samlIdpMetadata } from './samlMetadata.js';
import { isUnsupportedOperation } from '../transports/unsupportedOperation.js';

/** The pool a run's rules work in, whoever made it: this fixture, or existingPool.ts (`--user-pool-id`). */
export interface RunPool {
  context: PoolContext;
  capabilities: FixtureCapabilities;
  /** Removes what the run created. Runs once. */
  cleanup(): Promise<void>;
  /** What cleanup could not delete but the pool's deletion removed anyway (poolTeardown.ts), for the report. */
  notes: readonly string[];
}

/**
 * A user pool of the run's own, with what existence rules need: custom attributes (one mutable,
 * one immutable), a required standard attribute (email), a resource server with two scopes, a SAML
 * identity provider (see samlMetadata.ts for why not OIDC). Only the pool is indispensable: what
 * the target cannot create beyond it, however it fails, is recorded as a missing capability with
 * the operation and its answer (optionalFixture.ts), and the run goes on.
 */
export interface PoolFixture extends RunPool {
  /** Names given to what was created; all start with the run id prefix. */
  created: { poolName: string; resourceServerIdentifier?: string; identityProviderName?: string };
  /** Deletes the pool's clients, the resource server, the identity provider, then the pool. Runs once. */
  cleanup(): Promise<void>;
}

export interface PoolFixtureOptions {
  /** See newRunIdPrefix; the pool is named `<runIdPrefix>-<index>`. */
  runIdPrefix: string;
  index?: number;
  /** Well-formed fake Pinpoint values, for emulators that never call Pinpoint. */
  syntheticAnalytics?: boolean;
  /** A real Pinpoint project for real AWS. Wins over syntheticAnalytics. */
  analytics?: AnalyticsFixture;
  /** Where cleanup is registered for signals; the process-wide registry by default. */
  registry?: CleanupRegistry;
}

/** The custom attributes every fixture pool declares (CreateUserPool Schema names, without `custom:`). */
export const FIXTURE_CUSTOM_ATTRIBUTES: readonly { name: string; mutable: boolean }[] = [
  { name: 'tier', mutable: true },
  { name: 'tenant', mutable: false },
];

/**
 * Standard attributes the fixture pool marks required: every WriteAttributes list must then hold
 * them (write-attributes.exist-and-writable). CreateUserPool takes a standard attribute in Schema
 * under its own name (the way CDK and Terraform make email required); required custom attributes
 * are refused by CreateUserPool, so none is asked for.
 */
export const FIXTURE_REQUIRED_ATTRIBUTES: readonly string[] = ['email'];

export const FIXTURE_SCOPES: readonly string[] = ['read', 'write'];

// CreateIdentityProvider ProviderName is at most 32 characters.
const PROVIDER_NAME_MAX = 32;

export async function createPoolFixture(target: Target, options: PoolFixtureOptions): Promise<PoolFixture> {
  const prefix = options.runIdPrefix;
  const poolName = `${prefix}-${options.index ?? 1}`;
  const registry = options.registry ?? processCleanupRegistry();

  const poolAnswer = await target.send('CreateUserPool', {
    PoolName: poolName,
    Schema: [
      ...FIXTURE_REQUIRED_ATTRIBUTES.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: true })),
      ...FIXTURE_CUSTOM_ATTRIBUTES.map((a) => ({
        Name: a.name,
        AttributeDataType: 'String',
        Mutable: a.mutable,
        StringAttributeConstraints: { MinLength: '0', MaxLength: '64' },
      })),
    ],
    UserPoolTags: { 'cognito-conformance-run': prefix },
  });
  if (!isSuccessStatus(poolAnswer.status)) throw (await notCognitoError(target, poolAnswer)) ?? createUserPoolFailure(target, poolAnswer);
  const pool = (typeof poolAnswer.body === 'object' && poolAnswer.body !== null ? poolAnswer.body : {}) as { UserPool?: unknown };
  const userPool = (pool.UserPool ?? {}) as { Id?: unknown; SchemaAttributes?: unknown };
  if (typeof userPool.Id !== 'string') {
    throw new HarnessError('E_FIXTURE', `CreateUserPool on ${target.info.name} answered without UserPool.Id`);
  }
  const userPoolId = userPool.Id;
  const created: PoolFixture['created'] = { poolName };

  // Registered before anything else is created, so that an interrupt from here on removes the pool.
  const notes: string[] = [];
  const handle = registry.register(`user pool ${poolName} (${userPoolId})`, async () => {
    notes.push(...(await removePoolContents(target, { userPoolId, ...created })));
  });

  const capabilities: FixtureCapabilities = { resourceServer: false, identityProvider: false, analytics: false, reasons: {} };
  const context: PoolContext = {
    userPoolId,
    customAttributes: customAttributesOf(userPool.SchemaAttributes),
    requiredAttributes: requiredAttributesOf(userPool.SchemaAttributes),
    resourceServerScopes: [],
    identityProviders: [],
  };

  try {
    const identifier = `https://${prefix}.example`;
    const rs = await sendOptional(target, 'CreateResourceServer', {
      UserPoolId: userPoolId,
      Identifier: identifier,
      Name: `${prefix}-rs`,
      Scopes: FIXTURE_SCOPES.map((s) => ({ ScopeName: s, ScopeDescription: `${s} access for conformance runs` })),
    });
    if (mightExist(rs)) created.resourceServerIdentifier = identifier;
    if (!rs.ok) capabilities.reasons['resource-server'] = rs.reason;
    else {
      capabilities.resourceServer = true;
      context.resourceServerScopes = FIXTURE_SCOPES.map((s) => `${identifier}/${s}`);
    }

    const providerName = `${prefix.slice(0, PROVIDER_NAME_MAX - '-saml'.length)}-saml`;
    const idp = await sendOptional(target, 'CreateIdentityProvider', {
      UserPoolId: userPoolId,
      ProviderName: providerName,
      ProviderType: 'SAML',
      ProviderDetails: { MetadataFile: samlIdpMetadata(`https://${prefix}.idp.example`), IDPSignout: 'false' },
      AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
    });
    if (mightExist(idp)) created.identityProviderName = providerName;
    if (!idp.ok) capabilities.reasons['identity-provider'] = idp.reason;
    else {
      capabilities.identityProvider = true;
      context.identityProviders = [providerName];
    }
  } catch (err) {
    await handle.run().catch(() => undefined);
    throw err;
  }

  if (options.analytics !== undefined) {
    context.analytics = options.analytics;
    capabilities.analytics = true;
  } else if (options.syntheticAnalytics === true) {
    context.analytics = syntheticAnalytics(prefix, target.info.region);
    capabilities.analytics = true;
  } else {
    capabilities.reasons.analytics = 'no Pinpoint project configured for this run';
  }

  return { context, capabilities, created, notes, cleanup: () => handle.run() };
}

/**
 * Fake but well-formed Pinpoint values (model patterns: ApplicationId hex, ARNs with a 12-digit
 * account). Only emulators accept them: real Cognito checks that the project and role exist.
 */
export function syntheticAnalytics(prefix: string, region: string): AnalyticsFixture {
  const applicationId = createHash('sha256').update(prefix).digest('hex').slice(0, 32);
  return {
    applicationId,
    applicationArn: `arn:aws:mobiletargeting:${region}:123456789012:apps/${applicationId}`,
    roleArn: `arn:aws:iam::123456789012:role/${prefix}-analytics`,
    externalId: `${prefix}-external-id`,
  };
}

/**
 * Whether teardown must delete what an optional create asked for: when it was created, and when a
 * server error may have come after the server stored it. A refusal (4xx) or a missing operation
 * created nothing, and a delete there would only add a failing request to the teardown.
 */
function mightExist(answer: OptionalAnswer): boolean {
  if (answer.ok) return true;
  return answer.exchange !== undefined && answer.exchange.status >= 500 && !isUnsupportedOperation(answer.exchange);
}

/** Custom attributes as the target reports them; what we asked for when it reports no schema. */
function customAttributesOf(schema: unknown): CustomAttribute[] {
  if (Array.isArray(schema)) {
    const reported = schema
      .map((a) => a as { Name?: unknown; Mutable?: unknown })
      .filter((a): a is { Name: string; Mutable?: unknown } => typeof a.Name === 'string' && a.Name.startsWith('custom:'))
      .map((a) => ({ name: a.Name, mutable: a.Mutable !== false }));
    if (reported.length > 0) return reported;
  }
  return FIXTURE_CUSTOM_ATTRIBUTES.map((a) => ({ name: `custom:${a.name}`, mutable: a.mutable }));
}

/**
 * Writable standard attributes the target reports as required (`sub` is required and never
 * writable: not listed); what we asked for when it reports no schema. A target that reports the
 * schema without email required did not take it: the pool then has no required attribute.
 */
function requiredAttributesOf(schema: unknown): string[] {
  if (!Array.isArray(schema) || schema.length === 0) return [...FIXTURE_REQUIRED_ATTRIBUTES];
  return schema
    .map((a) => a as { Name?: unknown; Required?: unknown })
    .filter((a): a is { Name: string; Required: true } => typeof a.Name === 'string' && a.Required === true)
    .map((a) => a.Name)
    .filter((name) => (WRITABLE_STANDARD_ATTRIBUTES as readonly string[]).includes(name));
}
