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
 * - errors are `{"__type": <bare shape name>, "message"}` (protocol.error-body);
 * - every answer has Content-Type application/x-amz-json-1.1 and x-amzn-RequestId;
 * - defaults exactly as the `default.*` rules say (RefreshTokenValidity 30, TokenValidityUnits {},
 *   AllowedOAuthFlowsUserPoolClient false, EnableTokenRevocation true,
 *   EnablePropagateAdditionalUserContextData false, AuthSessionValidity 3, the rest absent);
 * - ClientId 26 characters of [0-9a-v] starting 1–7, ClientSecret 52 starting 1 (docs/evidence.md §7);
 * - timestamps epoch seconds with a millisecond fraction, CreationDate = LastModifiedDate;
 * - lists come back deduplicated and reordered (rotated by one), as AWS reorders them; an ALLOW_*
 *   list without ALLOW_REFRESH_TOKEN_AUTH is accepted and nothing is added to it
 *   (explicit-auth-flows.refresh-token-auth-optional);
 * - CreateUserPool: a Schema entry named after a standard attribute sets that attribute (`email`
 *   Required), any other adds a custom attribute; a required attribute must then be in every
 *   WriteAttributes list (write-attributes.exist-and-writable). SchemaAttributes lists sub, the
 *   standard attributes the schema named and the custom ones.
 */
export interface FakeCognitoOptions {
  faults?: ReadonlySet<FaultName>;
  /** Operations answered with a bare HTTP 500, as an emulator that lacks them does (moto 5.0.1: DeleteResourceServer). */
  failing?: ReadonlySet<string>;
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
  name: string;
  created: number;
  customAttributes: CustomAttribute[];
  /** Standard attributes its schema marks required (sub aside). */
  requiredAttributes: string[];
  scopes: string[];
  providers: string[];
  /** Clients in creation order (Map keeps insertion order). */
  clients: Map<string, JsonObject>;
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

  const poolOf = (id: unknown): Pool => {
    const pool = typeof id === 'string' ? pools.get(id) : undefined;
    if (!pool) throw new ServiceError('ResourceNotFoundException', `User pool ${String(id)} does not exist.`);
    return pool;
  };

  const poolContext = (id: unknown): PoolContext => {
    const pool = typeof id === 'string' ? pools.get(id) : undefined;
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
    else id = randomChars('1234567', 1) + randomChars(BASE32HEX, 25);
    if (has('client-id-uppercase')) id = id.toUpperCase();
    lastClientId = id;
    return id;
  };

  const issued: string[] = [];
  const newSecret = (): string => {
    const secret = has('secret-short') ? randomChars(BASE32HEX, 40) : '1' + randomChars(BASE32HEX, 51);
    issued.push(secret);
    return secret;
  };

  function buildClient(request: JsonObject, pool: Pool): JsonObject {
    const now = Date.now();
    const name = str(request.ClientName) ?? '';
    const c: JsonObject = {
      UserPoolId: pool.id,
      ClientName: has('echo-changes-scalar') ? `${name}-` : name,
      ClientId: newClientId(),
    };
    if (request.GenerateSecret === true) {
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
    c.CreationDate = created;

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

  function rejection(ruleIds: readonly string[], request: JsonObject): ServiceError {
    const rules = ruleIds.map((id) => ruleById(id));
    if (rules.every((r) => MODEL_KINDS.has(r.kind))) {
      const n = rules.length;
      return new ServiceError('InvalidParameterException', `${n} validation error${n > 1 ? 's' : ''} detected: ${rules.map((r) => r.statement).join('; ')}`);
    }
    const rule = rules[0];
    if (rule.expect.outcome !== 'rejected') throw new Error(`rule ${rule.id} does not reject`);
    const message = (rule.expect.message ?? rule.statement)
      .replace(/<id>|<pool>/g, String(request.UserPoolId))
      .replace('<name>', String((request.SupportedIdentityProviders as unknown[] | undefined)?.find((p) => p !== 'COGNITO') ?? ''));
    return new ServiceError(rule.expect.errorTypes[0], message, rule.expect.status);
  }

  const handlers: Record<string, (input: JsonObject) => JsonObject> = {
    CreateUserPoolClient(raw) {
      const known = knownMembersOnly(raw, requestMembers);
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
      required(input, 'UserPoolId', 'ClientId');
      const pool = poolOf(input.UserPoolId);
      const stored = pool.clients.get(String(input.ClientId));
      if (!stored) throw new ServiceError('ResourceNotFoundException', `User pool client ${String(input.ClientId)} does not exist.`);
      const c: JsonObject = structuredClone(stored);
      if (has('describe-differs') && typeof c.EnableTokenRevocation === 'boolean') c.EnableTokenRevocation = !c.EnableTokenRevocation;
      if (has('describe-secret-differs') && c.ClientSecret !== undefined) c.ClientSecret = newSecret();
      if (has('lists-reordered')) for (const m of LIST_MEMBERS) if (Array.isArray(c[m])) c[m] = [...(c[m] as unknown[])].reverse();
      return { UserPoolClient: c };
    },
    ListUserPoolClients(input) {
      required(input, 'UserPoolId');
      if (has('bug-floci-list-absent-pool') && !pools.has(String(input.UserPoolId))) return { UserPoolClients: [] };
      const pool = poolOf(input.UserPoolId);
      const max = typeof input.MaxResults === 'number' ? input.MaxResults : MAX_LIST_RESULTS;
      if (!Number.isInteger(max) || max < 1 || max > MAX_LIST_RESULTS) {
        throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_LIST_RESULTS}`);
      }
      let all = [...pool.clients.values()];
      if (has('list-missing-client')) all = all.slice(0, -1);
      const start = typeof input.NextToken === 'string' ? Number.parseInt(input.NextToken, 10) || 0 : 0;
      const page = all.slice(start, start + max).map((c) => has('bug-floci-list-full-clients') ? { ...c } : ({
        ClientId: c.ClientId,
        UserPoolId: c.UserPoolId,
        ClientName: has('list-wrong-name') ? String(c.ClientName).toUpperCase() : c.ClientName,
      }));
      return { UserPoolClients: page, ...(start + max < all.length ? { NextToken: String(start + max) } : {}) };
    },
    DeleteUserPoolClient(input) {
      required(input, 'UserPoolId', 'ClientId');
      const pool = poolOf(input.UserPoolId);
      if (!pool.clients.delete(String(input.ClientId))) throw new ServiceError('ResourceNotFoundException', `User pool client ${String(input.ClientId)} does not exist.`);
      return {};
    },
    CreateUserPool(input) {
      required(input, 'PoolName');
      const id = has('bug-moto-pool-id-no-region') ? randomUUID().replaceAll('-', '') : `${REGION}_${randomChars(ALNUM, 9)}`;
      const schema = Array.isArray(input.Schema) ? input.Schema.filter(isJsonObject) : [];
      // A schema entry named after a standard attribute sets that attribute (email required);
      // any other name adds a custom attribute, as CreateUserPool does.
      const isStandard = (a: JsonObject) => (STANDARD_ATTRIBUTES as readonly unknown[]).includes(a.Name);
      const pool: Pool = {
        id,
        name: String(input.PoolName),
        created: Date.now(),
        customAttributes: schema.filter((a) => !isStandard(a)).map((a) => ({ name: `custom:${String(a.Name)}`, mutable: a.Mutable !== false })),
        requiredAttributes: schema.filter((a) => isStandard(a) && a.Required === true).map((a) => String(a.Name)),
        scopes: [],
        providers: [],
        clients: new Map(),
      };
      pools.set(id, pool);
      const t = epochSeconds(pool.created);
      const schemaAttributes = [
        { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true },
        ...schema.filter(isStandard).map((a) => ({ Name: a.Name, AttributeDataType: 'String', Mutable: a.Mutable !== false, Required: a.Required === true })),
        ...pool.customAttributes.map((a) => ({ Name: a.name, AttributeDataType: 'String', Mutable: a.mutable, Required: false })),
      ];
      return {
        UserPool: {
          Id: id, Name: pool.name, Arn: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${id}`, CreationDate: t, LastModifiedDate: t, SchemaAttributes: schemaAttributes,
        },
      };
    },
    DescribeUserPool(input) {
      required(input, 'UserPoolId');
      const pool = poolOf(input.UserPoolId);
      return { UserPool: { Id: pool.id, Name: pool.name } };
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
      return { UserPools: [...pools.values()].slice(0, Number(input.MaxResults)).map((p) => ({ Id: p.id, Name: p.name, CreationDate: t(p), LastModifiedDate: t(p) })) };
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

  function send(res: ServerResponse, status: number, body: JsonObject | undefined): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
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
    send(res, status, has('error-message-capitalized') ? { __type: wireType, Message: message } : { __type: wireType, message });
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
      if (!handler) throw new ServiceError('UnknownOperationException', `Unknown operation ${operation || String(target)}.`);
      if (options.failing?.has(operation)) throw new ServiceError('InternalErrorException', 'Internal error.', 500);
      const text = await readBody(req);
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        throw new ServiceError('SerializationException', 'The request body is not JSON.');
      }
      if (!isJsonObject(input)) throw new ServiceError('SerializationException', 'The request body is not a JSON object.');
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
