import { ruleById } from '../contract/contract.js';
import type { TestCase } from '../generators/testCase.js';
import type { Exchange } from '../targets/exchange.js';
import type { Observation } from '../oracles/observation.js';

/**
 * Hand-built exchanges and observations for the oracles' unit tests: a real-looking accepted create
 * (after docs/evidence.md §3 RAW-1) and a real-looking rejection, each easy to bend one way.
 */
export const NOW_MS = 1_732_259_462_702;
export const POOL_ID = 'us-east-1_AbCdEf123';
export const CLIENT_ID = '4ssm8oh504j4q146ic4hogbo2s';
export const SECRET = '13ka4h7u28d9oo44tqpq9djqsfvhvu8rk4d2ighvpu0k8fj1c2r9';

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': '6f3d1e8c-2b9a-4f5e-9c1d-7a8b9c0d1e2f' };

export function makeExchange(over: Partial<Exchange> = {}): Exchange {
  const body = 'body' in over ? over.body : {};
  return {
    operation: 'CreateUserPoolClient',
    input: {},
    status: 200,
    headers: JSON_HEADERS,
    body,
    rawBody: body === undefined ? '' : JSON.stringify(body),
    elapsedMs: 12,
    layer: 'server',
    ...over,
  };
}

/** What the clean service returns for `request` (defaults of the `default.*` rules, echo of the rest). */
export function acceptedClient(request: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
  const t = NOW_MS / 1000;
  const client: Record<string, unknown> = {
    UserPoolId: request.UserPoolId, ClientName: request.ClientName, ClientId: CLIENT_ID,
    ...(request.GenerateSecret === true ? { ClientSecret: SECRET } : {}),
    LastModifiedDate: t, CreationDate: t,
    RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
  };
  for (const [k, v] of Object.entries(request)) if (k !== 'GenerateSecret' && k !== 'ClientSecret') client[k] = v;
  if (request.RefreshTokenValidity === 0) client.RefreshTokenValidity = 30;
  return { ...client, ...over };
}

export function acceptedCreate(request: Record<string, unknown>, client: Record<string, unknown> = acceptedClient(request)): Exchange {
  return makeExchange({ input: request, body: { UserPoolClient: client } });
}

export function rejectedCreate(errorType: string, message = 'something is wrong', status = 400): Exchange {
  const body = { __type: errorType, message };
  // Real Cognito names the error in x-amzn-ErrorType too, as "<Name>:" (protocol.error-type-header).
  return makeExchange({ status, body, errorType, errorMessage: message, headers: { ...JSON_HEADERS, 'x-amzn-errortype': `${errorType}:` } });
}

export function validCase(request: Record<string, unknown>, ruleId = 'output.echo'): TestCase {
  return { ruleId, request };
}

export function invalidCase(ruleId: string, request: Record<string, unknown>, path = 'ClientName'): TestCase {
  const rule = ruleById(ruleId);
  if (rule.expect.outcome !== 'rejected') throw new Error(`${ruleId} is not a rejection rule`);
  return { ruleId, request, why: { ruleId, path, expected: { errorTypes: rule.expect.errorTypes, status: rule.expect.status } } };
}

export function makeObservation(testCase: TestCase, create: Exchange, over: Partial<Observation> = {}): Observation {
  return { rule: ruleById(testCase.ruleId), testCase, create, sentAt: NOW_MS - 50, receivedAt: NOW_MS + 50, ...over };
}

export function listing(clients: ReadonlyArray<{ ClientId: string; ClientName: string }>, over: Partial<Exchange> = {}): Exchange {
  return makeExchange({
    operation: 'ListUserPoolClients',
    body: { UserPoolClients: clients.map((c) => ({ ...c, UserPoolId: POOL_ID })) },
    ...over,
  });
}
