import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import { ruleById } from '../contract/contract.js';
import type { MemberNode } from '../contract/memberNode.js';
import { STANDARD_ATTRIBUTES, type CustomAttribute, type PoolContext } from '../contract/poolContext.js';
import { requestMembers } from '../contract/requestMembers.js';
import { requestViolations } from '../contract/requestViolations.js';
import type { Rule } from '../contract/rule.js';
import type { FaultName } from './fakeFaults.js';
import { isJsonObject, type JsonObject } from '../oracles/jsonObject.js';
import { listenOnLoopback } from './loopbackHttpServer.js';
import { randomBase32Hex } from './randomBase32Hex.js';

/**
 * An in-process fake of the Cognito user pools API on 127.0.0.1 (node:http, real sockets), for
 * proving the oracles against planted bugs: clean, it answers as the contract says real AWS does;
 * each fault (fakeFaults.ts) makes it break one thing. It is the oracles' test bench, not
 * a target: it knows only the operations the suite and its fixtures use.
 *
 * Clean behaviour, with the contract rule or evidence behind it:
 * - requests are judged by the contract's own contract/requestViolations against the fake's pool
 *   state; model constraints give one InvalidParameterException, other rules the error their
 *   `expect` names (status 400 for client errors: contract/operationErrors.ts);
 * - errors are `{"__type": <bare shape name>, "message"}` (protocol.error-body) with an
 *   x-amzn-ErrorType header `<Name>:` (protocol.error-type-header); model-constraint messages in the
 *   Coral form `N validation error(s) detected: Value '…' at '<lowerCamel member>' failed to satisfy
 *   constraint: …` (message.validation-form), the not-found and cross-field texts real AWS sends
 *   (message.*); a Describe, Update or Delete of a client the pool lacks is ResourceNotFoundException
 *   "User pool client <id> does not exist."; a body that is not JSON SerializationException; an
 *   unknown operation UnknownOperationException, 400 (probe.*);
 * - every answer has Content-Type application/x-amz-json-1.1 and x-amzn-RequestId;
 * - defaults exactly as the `default.*` rules say (RefreshTokenValidity 30, TokenValidityUnits {},
 *   AllowedOAuthFlowsUserPoolClient false, EnableTokenRevocation true,
 *   EnablePropagateAdditionalUserContextData false, AuthSessionValidity 3, the rest absent);
 * - ClientId and ClientSecret: a crypto-random 128-bit and 256-bit number in unpadded base32hex, the
 *   process the format rules are written from (contract/randomNumberFormat.ts), so ids of 25
 *   characters and fewer come as often as from AWS;
 * - timestamps epoch seconds with a millisecond fraction, CreationDate = LastModifiedDate;
 * - lists come back deduplicated and reordered (rotated by one), as AWS reorders them; an ALLOW_*
 *   list without ALLOW_REFRESH_TOKEN_AUTH is accepted and nothing is added to it
 *   (explicit-auth-flows.refresh-token-auth-optional);
 * - CreateUserPool: a Schema entry named after a standard attribute sets that attribute (`email`
 *   Required), any other adds a custom attribute; a required attribute must then be in every
 *   WriteAttributes list (write-attributes.exist-and-writable). SchemaAttributes lists sub, the
 *   standard attributes the schema named and the custom ones.
 * - UpdateUserPoolClient replaces the configuration (omitted members back at their Create
 *   defaults; ClientName, the secret and CreationDate kept; LastModifiedDate moved), validated as
 *   Create is, client_credentials against the stored secret (docs/lifecycle.md L1–L10);
 *   ListUserPoolClients pages with MaxResults 1–60 (else InvalidParameterException) and a
 *   NextToken that deletes between pages do not shift; a deleted client is gone (L11–L14);
 * - a pool belongs to the region its CreateUserPool was signed for (the SigV4 credential scope of
 *   the Authorization header; us-east-1 unsigned) and its id starts with that region; a request
 *   signed for another region does not find it (region.pool-scoped: "User pool <id> does not exist.").
 */
export interface FakeCognitoOptions {
  faults?: ReadonlySet<FaultName>;
  /**
   * An emulator that validates nothing (issue 14): every CreateUserPoolClient is accepted, in any
   * pool id, whatever it breaks. Lookups of a client that does not exist still fail, as they do on
   * such emulators: only the probes (contract/probeRules.ts) then see an error.
   */
  validatesNothing?: boolean;
  /** Operations answered with a bare HTTP 500, as an emulator that lacks them does (moto 5.0.1: DeleteResourceServer). */
  failing?: ReadonlySet<string>;
  /**
   * Operations it does not have: answered as an awsJson service answers an operation it does not
   * know (HTTP 400 UnknownOperationException), e.g. CreateUserPool for a target that only serves
   * pools made elsewhere (`--user-pool-id`).
   */
  lacking?: ReadonlySet<string>;
  /** Pools that exist before anything is sent, as a user's own pool does. */
  pools?: readonly FakePoolSeed[];
}

/** A pool the fake starts with. */
export interface FakePoolSeed {
  /** A UserPoolId (`us-east-1_…`). */
  id: string;
  name: string;
  /** Standard attributes its schema marks required. */
  requiredAttributes?: readonly string[];
  /** `custom:`-prefixed names. */
  customAttributes?: readonly CustomAttribute[];
  /** `<identifier>/<scope>` of its resource servers. */
  scopes?: readonly string[];
  /** Names of its identity providers. */
  providers?: readonly string[];
}

export interface FakeCognito {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Every ClientSecret it issued or stored, so tests can prove none of them leaks. */
  secrets(): readonly string[];
  close(): Promise<void>;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_1_1 = 'application/x-amz-json-1.1';
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SERVICE_LINKED_ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp`;
const REFRESH_TOKEN_AUTH = 'ALLOW_REFRESH_TOKEN_AUTH';
const DEFAULT_EXPLICIT_FLOWS = [REFRESH_TOKEN_AUTH, 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
const LIST_MEMBERS = Object.entries(requestMembers).filter(([, n]) => n.type === 'list').map(([name]) => name);
const MAX_LIST_RESULTS = 60;
const MAX_BODY_BYTES = 1 << 20;

class ServiceError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

interface Pool {
  id: string;
  /** The region CreateUserPool was signed for. */
  region: string;
  name: string;
  created: number;
  customAttributes: CustomAttribute[];
  /** Standard attributes its schema marks required (sub aside). */
  requiredAttributes: string[];
  scopes: string[];
  providers: string[];
  /** Clients in creation order (Map keeps insertion order). */
  clients: Map<string, JsonObject>;
  /** Each client's creation number: a listing's NextToken is the last number it showed, so deletes between pages shift nothing. */
  sequence?: Map<string, number>;
  /** As CreateUserPool and DescribeUserPool answer them. */
  schemaAttributes: JsonObject[];
}

/** The region of a SigV4 Authorization header's credential scope (`Credential=<key>/<date>/<region>/<service>/aws4_request`). */
function signingRegion(authorization: string | undefined): string | undefined {
  return /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(authorization ?? '')?.[1];
}

function randomChars(alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function epochSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function required(input: JsonObject, ...names: string[]): void {
  const missing = names.filter((n) => input[n] === undefined || input[n] === null);
  if (missing.length) {
    const detail = missing.map((n) => `Value null at '${n[0].toLowerCase()}${n.slice(1)}' failed to satisfy constraint: Member must not be null`);
    throw new ServiceError('InvalidParameterException', `${missing.length} validation error${missing.length > 1 ? 's' : ''} detected: ${detail.join('; ')}`);
  }
}

/** Members the model does not know are dropped, as an AWS JSON service ignores unknown fields. */
function knownMembersOnly(value: JsonObject, members: Readonly<Record<string, MemberNode>>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const node = members[k];
    if (!node) continue;
    out[k] = node.type === 'structure' && isJsonObject(v) ? knownMembersOnly(v, node.members ?? {}) : v;
  }
  return out;
}

const MODEL_KINDS = new Set<Rule['kind']>(['required', 'length', 'range', 'pattern', 'enum', 'list-length']);

/** Rotated by one and without repeats: same set, another order. */
/** What floci's CreateUserPoolClient dropped before floci-io/floci#1360 (floci-io/floci#1306). */
const FLOCI_DROPPED_MEMBERS = [
  'ExplicitAuthFlows', 'AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits',
  'RefreshTokenRotation', 'EnableTokenRevocation', 'PreventUserExistenceErrors', 'SupportedIdentityProviders',
] as const;

function reordered(list: readonly unknown[]): unknown[] {
  const unique = [...new Set(list)];
  return unique.length > 1 ? [...unique.slice(1), unique[0]] : unique;
}

export async function startFakeCognito(options: FakeCognitoOptions = {}): Promise<FakeCognito> {
  const faults = options.faults ?? new Set<FaultName>();
  const has = (f: FaultName) => faults.has(f);
  const pools = new Map<string, Pool>();
  let lastClientId: string | undefined;
  for (const seed of options.pools ?? []) {
    const customAttributes = [...(seed.customAttributes ?? [])];
    const requiredAttributes = [...(seed.requiredAttributes ?? [])];
    pools.set(seed.id, {
      id: seed.id, name: seed.name, region: seed.id.split('_')[0] ?? REGION, created: Date.now(), customAttributes, requiredAttributes,
      scopes: [...(seed.scopes ?? [])], providers: [...(seed.providers ?? [])], clients: new Map(),
      schemaAttributes: [
        { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true },
        ...requiredAttributes.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: true })),
        ...customAttributes.map((a) => ({ Name: a.name, AttributeDataType: 'String', Mutable: a.mutable, Required: false })),
      ],
    });
  }
  /** The signing region of the request being handled (handlers run synchronously, one at a time). */
  let requestRegion = REGION;
  const inRegion = (pool: Pool | undefined): Pool | undefined => (pool && (pool.region === requestRegion || has('region-ignored')) ? pool : undefined);

  const poolOf = (id: unknown): Pool => {
    const pool = inRegion(typeof id === 'string' ? pools.get(id) : undefined);
    if (!pool) throw new ServiceError('ResourceNotFoundException', `User pool ${String(id)} does not exist.`);
    return pool;
  };

  const poolContext = (id: unknown): PoolContext => {
    const pool = inRegion(typeof id === 'string' ? pools.get(id) : undefined);
    // With no such pool, an empty context makes requestViolations report user-pool.exists.
    if (!pool) return { userPoolId: '', customAttributes: [], resourceServerScopes: [], identityProviders: [] };
    return {
      userPoolId: pool.id, customAttributes: pool.customAttributes, requiredAttributes: pool.requiredAttributes,
      resourceServerScopes: pool.scopes, identityProviders: pool.providers,
    };
  };

  // moto of 2018 made pool ids without "<region>_" and did not check them against the pattern:
  // an existing pool's id is judged as if it had the prefix.
  const motoPoolIdViolations = (request: JsonObject): string[] => {
    const context = poolContext(request.UserPoolId);
    if (context.userPoolId === '') return requestViolations(request, context);
    const prefixed = `${REGION}_${context.userPoolId}`;
    return requestViolations({ ...request, UserPoolId: prefixed }, { ...context, userPoolId: prefixed });
  };

  const newClientId = (): string => {
    if (has('duplicate-client-id') && lastClientId) return lastClientId;
    let id: string;
    if (has('client-id-w-z')) id = randomChars('0123456789abcdefghijklmnopqrstuvwxyz', 25) + 'wxyz'[randomInt(4)];
    else if (has('client-id-25-chars')) id = randomChars(BASE32HEX.slice(1), 1) + randomChars(BASE32HEX, 24);
    else if (has('bug-moto-client-id-uuid')) id = randomUUID();
    else id = randomBase32Hex(128);
    if (has('client-id-uppercase')) id = id.toUpperCase();
    lastClientId = id;
    return id;
  };

  const issued: string[] = [];
  const newSecret = (): string => {
    const secret = has('secret-short') ? randomChars(BASE32HEX, 40) : randomBase32Hex(256);
    issued.push(secret);
    return secret;
  };

  /**
   * A client built from a Create request, or from an Update request (`kept`: what an Update keeps
   * of the stored client — its id, secret and CreationDate; everything else comes from the request
   * and the defaults, as UpdateUserPoolClient replaces the configuration, docs/lifecycle.md L1).
   */
  function buildClient(request: JsonObject, pool: Pool, kept?: JsonObject): JsonObject {
    const now = Date.now();
    const name = str(request.ClientName) ?? '';
    const c: JsonObject = {
      UserPoolId: pool.id,
      ClientName: has('echo-changes-scalar') ? `${name}-` : name,
      ClientId: kept ? kept.ClientId : newClientId(),
    };
    if (kept) {
      if (kept.ClientSecret !== undefined) c.ClientSecret = has('update-regenerates-secret') ? newSecret() : kept.ClientSecret;
    } else if (request.GenerateSecret === true) {
      if (!has('secret-missing-when-generated')) c.ClientSecret = newSecret();
    } else if (request.ClientSecret !== undefined) {
      // A custom secret is echoed here; whether AWS echoes it is open (output.client-secret.when-generated).
      c.ClientSecret = request.ClientSecret;
      issued.push(String(request.ClientSecret));
    } else if (has('secret-without-generate')) c.ClientSecret = newSecret();

    const created = has('timestamps-ms') ? now
      : has('timestamps-microseconds') ? epochSeconds(now) + 0.000123
      : has('timestamps-iso') ? new Date(now).toISOString()
      : has('timestamps-stale') ? epochSeconds(now - 3_600_000)
      : epochSeconds(now);
    c.LastModifiedDate = has('creation-ne-modified') && typeof created === 'number' ? Math.round((created + 0.001) * 1000) / 1000 : created;
    c.CreationDate = kept && !has('update-moves-creation-date') ? kept.CreationDate : created;

    const refresh = request.RefreshTokenValidity;
    if (refresh === undefined) {
      if (!has('default-refresh-30-missing')) c.RefreshTokenValidity = 30;
    } else c.RefreshTokenValidity = refresh === 0 && !has('refresh-zero-kept') ? 30 : refresh;
    for (const m of ['AccessTokenValidity', 'IdTokenValidity']) {
      if (request[m] !== undefined) c[m] = request[m];
      else if (has('access-id-validity-filled')) c[m] = 60;
    }
    const units = isJsonObject(request.TokenValidityUnits) ? request.TokenValidityUnits : {};
    c.TokenValidityUnits = has('fills-token-units') ? { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days', ...units } : { ...units };

    for (const m of LIST_MEMBERS) {
      const sent = request[m];
      if (!Array.isArray(sent) || sent.length === 0) continue;
      const back = reordered(sent);
      c[m] = has('echo-drops-list-item') ? back.slice(0, -1) : back;
    }
    if (request.ExplicitAuthFlows === undefined && has('explicit-flows-filled')) c.ExplicitAuthFlows = [...DEFAULT_EXPLICIT_FLOWS];
    const flows = Array.isArray(c.ExplicitAuthFlows) ? c.ExplicitAuthFlows : [];
    if (has('refresh-flow-added') && flows.some((f) => String(f).startsWith('ALLOW_')) && !flows.includes(REFRESH_TOKEN_AUTH)) {
      c.ExplicitAuthFlows = [...flows, REFRESH_TOKEN_AUTH];
    }
    if (request.DefaultRedirectURI !== undefined) c.DefaultRedirectURI = request.DefaultRedirectURI;
    c.AllowedOAuthFlowsUserPoolClient = request.AllowedOAuthFlowsUserPoolClient ?? false;
    if (isJsonObject(request.AnalyticsConfiguration)) {
      const ac = { ...request.AnalyticsConfiguration };
      if (ac.ApplicationArn !== undefined && ac.RoleArn === undefined) ac.RoleArn = SERVICE_LINKED_ROLE;
      c.AnalyticsConfiguration = ac;
    }
    if (request.PreventUserExistenceErrors !== undefined) c.PreventUserExistenceErrors = request.PreventUserExistenceErrors;
    else if (has('prevent-user-existence-enabled-default')) c.PreventUserExistenceErrors = 'ENABLED';
    const revocation = request.EnableTokenRevocation ?? !has('token-revocation-default-false');
    c.EnableTokenRevocation = has('wrong-member-type') ? String(revocation) : revocation;
    c.EnablePropagateAdditionalUserContextData = request.EnablePropagateAdditionalUserContextData ?? false;
    c.AuthSessionValidity = request.AuthSessionValidity ?? 3;
    if (isJsonObject(request.RefreshTokenRotation)) c.RefreshTokenRotation = { ...request.RefreshTokenRotation };
    else if (has('rotation-default-enabled')) c.RefreshTokenRotation = { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 };
    else if (has('rotation-default-disabled')) c.RefreshTokenRotation = { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 };
    if (has('unknown-member')) c.ClientType = 'REGULAR';
    if (has('bug-floci-drops-members')) for (const m of FLOCI_DROPPED_MEMBERS) delete c[m];
    return c;
  }

  /** One clause of a Coral validation message (message.validation-form): the value, the member path in lowerCamelCase. */
  function validationClause(rule: Rule, request: JsonObject): string {
    const path = rule.members[0] ?? '';
    const top = path.split(/[.[]/)[0];
    const wirePath = has('validation-path-pascal') ? top : top.charAt(0).toLowerCase() + top.slice(1);
    const v = request[top];
    const value = v === undefined || v === null ? 'null' : `'${Array.isArray(v) ? `[${v.map(String).join(', ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)}'`;
    return `Value ${value} at '${wirePath}' failed to satisfy constraint: ${rule.statement}`;
  }

  function rejection(ruleIds: readonly string[], request: JsonObject): ServiceError {
    const rules = ruleIds.map((id) => ruleById(id));
    if (rules.every((r) => MODEL_KINDS.has(r.kind))) {
      const n = rules.length;
      return new ServiceError('InvalidParameterException', `${n} validation error${n > 1 ? 's' : ''} detected: ${rules.map((r) => validationClause(r, request)).join('; ')}`);
    }
    const rule = rules[0];
    if (rule.expect.outcome !== 'rejected') throw new Error(`rule ${rule.id} does not reject`);
    const pool = poolContext(request.UserPoolId);
    const unknownScope = (request.AllowedOAuthScopes as unknown[] | undefined)?.find((x) => !pool.resourceServerScopes.includes(String(x))) ?? '';
    let message = (rule.expect.message ?? rule.statement)
      .replace(/<id>|<pool>/g, String(request.UserPoolId))
      .replace('<name>', String((request.SupportedIdentityProviders as unknown[] | undefined)?.find((p) => p !== 'COGNITO') ?? ''))
      .replace('<scope>', String(unknownScope));
    if (rule.id === 'user-pool.exists' && has('message-pool-id-only')) message = String(request.UserPoolId);
    else if (rule.id !== 'user-pool.exists' && rule.expect.message !== undefined && has('known-text-generic')) message = 'Invalid request.';
    return new ServiceError(rule.expect.errorTypes[0], message, rule.expect.status);
  }

  /** A client lookup that finds nothing: ResourceNotFoundException with AWS's text (message.client-not-found). */
  const clientMissing = (id: unknown) => new ServiceError('ResourceNotFoundException', has('message-client-generic') ? 'Resource not found.' : `User pool client ${String(id)} does not exist.`);

  /** validatesNothing: a pool id nobody created is taken as a pool, as lax emulators do. */
  const laxPoolOf = (id: unknown): Pool => {
    const key = String(id);
    let pool = pools.get(key);
    if (!pool) {
      pool = { id: key, name: key, region: requestRegion, created: Date.now(), customAttributes: [], requiredAttributes: [], scopes: [], providers: [], clients: new Map(), schemaAttributes: [] };
      pools.set(key, pool);
    }
    return pool;
  };

  /**
   * The client Describe and Update name: ResourceNotFoundException when the pool lacks it, or
   * undefined under `unknown-client-200` (the caller then answers 200 {}).
   */
  const storedClient = (input: JsonObject): JsonObject | undefined => {
    required(input, 'UserPoolId', 'ClientId');
    const stored = poolOf(input.UserPoolId).clients.get(String(input.ClientId));
    if (stored === undefined && !has('unknown-client-200')) throw clientMissing(input.ClientId);
    return stored;
  };

  /** `<pool>/<client>` of every client deleted: the `delete-twice-200` fault answers 200 for them. */
  const deletedIds = new Set<string>();
  let createdCount = 0;
  const sequenceOf = (pool: Pool, clientId: string): number => {
    pool.sequence ??= new Map();
    let n = pool.sequence.get(clientId);
    if (n === undefined) pool.sequence.set(clientId, (n = ++createdCount));
    return n;
  };
  /** The configuration a stored client holds: what an Update that merges (the `update-merges` fault) keeps. */
  const configurationOf = (stored: JsonObject): JsonObject => {
    const { ClientId: _i, ClientSecret: _s, CreationDate: _c, LastModifiedDate: _l, ...config } = stored;
    return config;
  };

  const handlers: Record<string, (input: JsonObject) => JsonObject> = {
    CreateUserPoolClient(raw) {
      const known = knownMembersOnly(raw, requestMembers);
      if (options.validatesNothing) {
        const pool = laxPoolOf(known.UserPoolId);
        const client = buildClient(known, pool);
        pool.clients.set(client.ClientId as string, client);
        return { UserPoolClient: client };
      }
      const violations = has('bug-moto-pool-id-no-region') ? motoPoolIdViolations(known) : requestViolations(known, poolContext(known.UserPoolId));
      if (violations.includes('contract.wrong-type')) {
        throw new ServiceError('SerializationException', 'A member of the request has the wrong JSON type.');
      }
      const acceptedAnyway = has('accept-invalid') && violations.length === 1 && violations[0] === 'default-redirect-uri.in-callback-urls';
      if (violations.length && !acceptedAnyway) {
        const err = rejection(violations, known);
        const semantic = violations.some((id) => !MODEL_KINDS.has(ruleById(id).kind)) && !violations.includes('user-pool.exists');
        if (has('side-effect-on-reject') && semantic) {
          const pool = poolOf(known.UserPoolId);
          const orphan = buildClient(known, pool);
          pool.clients.set(orphan.ClientId as string, orphan);
        }
        throw err;
      }
      const pool = poolOf(known.UserPoolId);
      const client = buildClient(known, pool);
      pool.clients.set(client.ClientId as string, client);
      return { UserPoolClient: client };
    },
    DescribeUserPoolClient(input) {
      const stored = storedClient(input);
      if (!stored) return {};
      const c: JsonObject = structuredClone(stored);
      if (has('describe-differs') && typeof c.EnableTokenRevocation === 'boolean') c.EnableTokenRevocation = !c.EnableTokenRevocation;
      if (has('describe-secret-differs') && c.ClientSecret !== undefined) c.ClientSecret = newSecret();
      if (has('lists-reordered')) for (const m of LIST_MEMBERS) if (Array.isArray(c[m])) c[m] = [...(c[m] as unknown[])].reverse();
      return { UserPoolClient: c };
    },
    ListUserPoolClients(input) {
      required(input, 'UserPoolId');
      if ((has('bug-floci-list-absent-pool') || has('list-absent-pool-empty')) && !pools.has(String(input.UserPoolId))) return { UserPoolClients: [] };
      // A lax emulator takes any pool id as a pool here too (cognito-local before 5.x: PR #399).
      const pool = options.validatesNothing ? laxPoolOf(input.UserPoolId) : poolOf(input.UserPoolId);
      const asked = typeof input.MaxResults === 'number' ? input.MaxResults : MAX_LIST_RESULTS;
      const outOfRange = !Number.isInteger(asked) || asked < 1 || asked > MAX_LIST_RESULTS;
      if (outOfRange && !has('list-accepts-any-max-results')) {
        // The Coral form real AWS answers on sibling list operations (docs/lifecycle.md L14).
        const bound = asked < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_LIST_RESULTS}`;
        throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${asked}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`);
      }
      const max = (outOfRange ? MAX_LIST_RESULTS : asked) + (has('list-ignores-max-results') ? 1 : 0);
      let all = [...pool.clients.values()];
      if (has('list-missing-client')) all = all.slice(0, -1);
      // NextToken: the creation number of the last client shown; the next page starts after it.
      const seq = (c: JsonObject) => sequenceOf(pool, String(c.ClientId));
      const after = typeof input.NextToken === 'string' ? Number.parseInt(input.NextToken, 10) || 0 : 0;
      const rest = all.filter((c) => seq(c) > after);
      let shownClients = rest.slice(0, max);
      if (has('list-repeats-across-pages') && after > 0) {
        const previous = all.filter((c) => seq(c) <= after).at(-1);
        if (previous) shownClients = [previous, ...shownClients.slice(0, max - 1)];
      }
      const lastShown = shownClients.at(-1);
      const more = rest.length > max || (has('list-repeats-across-pages') && after > 0 && rest.length > max - 1);
      const nextToken = more && lastShown ? String(seq(lastShown)) : has('list-never-ends') ? String(after + 1_000_000) : undefined;
      const page = shownClients.map((c) => has('bug-floci-list-full-clients') ? { ...c } : ({
        ClientId: c.ClientId,
        UserPoolId: c.UserPoolId,
        ClientName: has('list-wrong-name') ? String(c.ClientName).toUpperCase() : c.ClientName,
        ...(has('list-shows-secret') && c.ClientSecret !== undefined ? { ClientSecret: c.ClientSecret } : {}),
      }));
      return { UserPoolClients: page, ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
    },
    DeleteUserPoolClient(input) {
      required(input, 'UserPoolId', 'ClientId');
      const pool = poolOf(input.UserPoolId);
      const id = String(input.ClientId);
      if (pool.clients.delete(id)) {
        deletedIds.add(`${pool.id}/${id}`);
        return {};
      }
      if (!has('unknown-client-200') && !(has('delete-twice-200') && deletedIds.has(`${pool.id}/${id}`))) throw clientMissing(input.ClientId);
      return {};
    },
    // As AWS (docs/lifecycle.md "Evidence"): the request replaces the configuration (omitted members back at
    // their Create defaults, L1/L5) but the name (L4), the secret (L9) and CreationDate (L8); it is
    // validated as Create is, the client_credentials flow against the secret the client has (L10).
    UpdateUserPoolClient(raw) {
      if (has('update-unknown-200')) {
        required(raw, 'UserPoolId', 'ClientId');
        if (!poolOf(raw.UserPoolId).clients.has(String(raw.ClientId))) return {};
      }
      const stored = storedClient(raw);
      if (!stored) return {};
      const pool = poolOf(raw.UserPoolId);
      const { GenerateSecret: _g, ClientSecret: _s, ...known } = knownMembersOnly(raw, requestMembers);
      const asCreate: JsonObject = { ...known, ClientName: known.ClientName ?? stored.ClientName, ...(stored.ClientSecret === undefined ? {} : { GenerateSecret: true }) };
      const violations = has('update-accepts-invalid') ? [] : requestViolations(asCreate, poolContext(known.UserPoolId));
      if (violations.includes('contract.wrong-type')) throw new ServiceError('SerializationException', 'A member of the request has the wrong JSON type.');
      if (violations.length) throw rejection(violations, asCreate);
      const base = has('update-merges') ? { ...configurationOf(stored), ...known } : known;
      const name = known.ClientName ?? (has('update-forgets-name') ? '' : stored.ClientName);
      const next = buildClient({ ...base, ClientName: name }, pool, stored);
      pool.clients.set(String(stored.ClientId), next);
      const answer = structuredClone(next);
      if (has('update-answer-differs') && typeof answer.EnableTokenRevocation === 'boolean') answer.EnableTokenRevocation = !answer.EnableTokenRevocation;
      return { UserPoolClient: answer };
    },
    CreateUserPool(input) {
      required(input, 'PoolName');
      const id = has('bug-moto-pool-id-no-region') ? randomUUID().replaceAll('-', '') : `${requestRegion}_${randomChars(ALNUM, 9)}`;
      const schema = Array.isArray(input.Schema) ? input.Schema.filter(isJsonObject) : [];
      // A schema entry named after a standard attribute sets that attribute (email required);
      // any other name adds a custom attribute, as CreateUserPool does.
      const isStandard = (a: JsonObject) => (STANDARD_ATTRIBUTES as readonly unknown[]).includes(a.Name);
      const pool: Pool = {
        id,
        region: requestRegion,
        name: String(input.PoolName),
        created: Date.now(),
        customAttributes: schema.filter((a) => !isStandard(a)).map((a) => ({ name: `custom:${String(a.Name)}`, mutable: a.Mutable !== false })),
        requiredAttributes: schema.filter((a) => isStandard(a) && a.Required === true).map((a) => String(a.Name)),
        scopes: [],
        providers: [],
        clients: new Map(),
        schemaAttributes: [],
      };
      pool.schemaAttributes = [
        { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true },
        ...schema.filter(isStandard).map((a) => ({ Name: a.Name, AttributeDataType: 'String', Mutable: a.Mutable !== false, Required: a.Required === true })),
        ...pool.customAttributes.map((a) => ({ Name: a.name, AttributeDataType: 'String', Mutable: a.mutable, Required: false })),
      ];
      pools.set(id, pool);
      const t = epochSeconds(pool.created);
      return {
        UserPool: {
          Id: id, Name: pool.name, Arn: `arn:aws:cognito-idp:${pool.region}:${ACCOUNT}:userpool/${id}`, CreationDate: t, LastModifiedDate: t, SchemaAttributes: pool.schemaAttributes,
        },
      };
    },
    DescribeUserPool(input) {
      required(input, 'UserPoolId');
      const pool = poolOf(input.UserPoolId);
      return { UserPool: { Id: pool.id, Name: pool.name, SchemaAttributes: pool.schemaAttributes } };
    },
    ListResourceServers(input) {
      required(input, 'UserPoolId', 'MaxResults');
      const pool = poolOf(input.UserPoolId);
      const servers = new Map<string, string[]>();
      for (const s of pool.scopes) {
        const cut = s.lastIndexOf('/');
        servers.set(s.slice(0, cut), [...(servers.get(s.slice(0, cut)) ?? []), s.slice(cut + 1)]);
      }
      return {
        ResourceServers: [...servers].map(([Identifier, names]) => ({
          UserPoolId: pool.id, Identifier, Name: Identifier, Scopes: names.map((ScopeName) => ({ ScopeName, ScopeDescription: ScopeName })),
        })),
      };
    },
    ListIdentityProviders(input) {
      required(input, 'UserPoolId');
      const pool = poolOf(input.UserPoolId);
      return { Providers: pool.providers.map((ProviderName) => ({ ProviderName, ProviderType: 'SAML' })) };
    },
    DeleteUserPool(input) {
      required(input, 'UserPoolId');
      poolOf(input.UserPoolId);
      pools.delete(String(input.UserPoolId));
      return {};
    },
    ListUserPools(input) {
      required(input, 'MaxResults');
      const t = (p: Pool) => epochSeconds(p.created);
      return { UserPools: [...pools.values()].filter((p) => inRegion(p)).slice(0, Number(input.MaxResults)).map((p) => ({ Id: p.id, Name: p.name, CreationDate: t(p), LastModifiedDate: t(p) })) };
    },
    CreateResourceServer(input) {
      required(input, 'UserPoolId', 'Identifier', 'Name');
      const pool = poolOf(input.UserPoolId);
      const scopes = Array.isArray(input.Scopes) ? input.Scopes.filter(isJsonObject) : [];
      for (const s of scopes) pool.scopes.push(`${String(input.Identifier)}/${String(s.ScopeName)}`);
      return { ResourceServer: { UserPoolId: pool.id, Identifier: input.Identifier, Name: input.Name, Scopes: scopes } };
    },
    DeleteResourceServer(input) {
      required(input, 'UserPoolId', 'Identifier');
      const pool = poolOf(input.UserPoolId);
      const prefix = `${String(input.Identifier)}/`;
      pool.scopes = pool.scopes.filter((s) => !s.startsWith(prefix));
      return {};
    },
    DeleteIdentityProvider(input) {
      required(input, 'UserPoolId', 'ProviderName');
      const pool = poolOf(input.UserPoolId);
      pool.providers = pool.providers.filter((p) => p !== String(input.ProviderName));
      return {};
    },
    CreateIdentityProvider(input) {
      required(input, 'UserPoolId', 'ProviderName', 'ProviderType', 'ProviderDetails');
      const pool = poolOf(input.UserPoolId);
      const name = String(input.ProviderName);
      if (pool.providers.includes(name)) throw new ServiceError('DuplicateProviderException', `A provider with the name ${name} already exists in this user pool.`);
      pool.providers.push(name);
      const t = epochSeconds(Date.now());
      return {
        IdentityProvider: {
          UserPoolId: pool.id, ProviderName: name, ProviderType: input.ProviderType, ProviderDetails: input.ProviderDetails,
          AttributeMapping: input.AttributeMapping ?? {}, IdpIdentifiers: input.IdpIdentifiers ?? [], LastModifiedDate: t, CreationDate: t,
        },
      };
    },
  };

  function send(res: ServerResponse, status: number, body: JsonObject | undefined, extra: Readonly<Record<string, string>> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...extra,
      'Content-Type': has('wrong-content-type') ? 'application/json' : has('content-type-charset') ? `${JSON_1_1}; charset=utf-8` : JSON_1_1,
      'Content-Length': String(Buffer.byteLength(text)),
      Date: new Date().toUTCString(),
    };
    if (!has('no-request-id')) headers['x-amzn-RequestId'] = randomUUID();
    res.writeHead(status, headers).end(text);
  }

  function sendError(res: ServerResponse, err: ServiceError): void {
    const status = has('status-404-for-not-found') && err.type === 'ResourceNotFoundException' ? 404 : err.status;
    const type = has('wrong-error-type') && err.type === 'InvalidOAuthFlowException' ? 'InvalidParameterException' : err.type;
    const wireType = has('error-type-prefixed') ? `com.amazonaws.cognitoidentityprovider#${type}`
      : has('error-type-suffixed') ? `${type}:http://internal.amazon.com/coral/com.amazon.coral.validate/`
      : type;
    const poolNotFound = /^User pool (\S+) does not exist\.$/.exec(err.message);
    const bugMessage = poolNotFound === null ? undefined
      : has('bug-moto-pool-message') ? poolNotFound[1]
      : has('bug-floci-pool-message') ? 'User pool not found'
      : undefined;
    const message = has('empty-error-message') ? '' : bugMessage ?? err.message;
    if (has('bug-localstack-error-body')) return send(res, status, { Type: 'User', message });
    const body = has('error-message-capitalized') ? { __type: wireType, Message: message }
      : has('error-body-code-member') ? { code: type, message }
      : { __type: wireType, message };
    // Real Cognito names the error in a header too, as "<Name>:" (protocol.error-type-header).
    send(res, status, body, has('no-error-type-header') ? {} : { 'x-amzn-ErrorType': `${type}:` });
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new ServiceError('SerializationException', 'Request body too large.');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (req.method !== 'POST' || (req.url ?? '/') !== '/') throw new ServiceError('UnknownOperationException', 'Only POST / is served.', 404);
      const target = req.headers['x-amz-target'];
      const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
      const handler = Object.hasOwn(handlers, operation) ? handlers[operation] : undefined;
      if (!handler) throw new ServiceError('UnknownOperationException', `Unknown operation ${operation || String(target)}.`, has('unknown-operation-404') ? 404 : 400);
      if (options.failing?.has(operation)) throw new ServiceError('InternalErrorException', 'Internal error.', 500);
      if (options.lacking?.has(operation)) throw new ServiceError('UnknownOperationException', `Unknown operation ${operation}.`);
      const text = await readBody(req);
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        if (!has('non-json-read-as-empty')) throw new ServiceError('SerializationException', 'The request body is not JSON.');
        input = {};
      }
      if (!isJsonObject(input)) throw new ServiceError('SerializationException', 'The request body is not a JSON object.');
      const auth = req.headers.authorization;
      requestRegion = signingRegion(typeof auth === 'string' ? auth : undefined) ?? REGION;
      const out = handler(input);
      send(res, 200, operation === 'CreateUserPoolClient' && has('create-body-empty') ? undefined : out);
    } catch (err) {
      sendError(res, err instanceof ServiceError ? err : new ServiceError('InternalErrorException', 'Internal error.', 500));
    }
  }

  const server = await listenOnLoopback(handle);
  return {
    endpoint: server.endpoint,
    secrets: () => [...issued],
    close: server.close,
  };
}
