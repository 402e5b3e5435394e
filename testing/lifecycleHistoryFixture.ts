import type { RecordedExchange, RecordedPool } from '../targets/recording/recordedExchange.js';

/**
 * Hand-built lifecycle histories for the judges' unit tests: each exchange in the recorded form,
 * with AWS's answers (docs/lifecycle.md "Evidence") unless a test plants a fault in them.
 */
export const POOL = 'us-east-1_Lifecycle1';
export const FIXTURE_POOL: RecordedPool = { userPoolId: POOL, customAttributes: [], resourceServerScopes: ['https://api.example.com/read'], identityProviders: [], requiredAttributes: [] };
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** A client as Create answers a minimal request: the Create defaults (section 3 of the evidence). */
export function defaultClient(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    UserPoolId: POOL, ClientName: 'app', ClientId: id, CreationDate: 1767225600.123, LastModifiedDate: 1767225600.123,
    RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false, EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3, ...extra,
  };
}

function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

export function ok(operation: string, request: Record<string, unknown>, body: unknown, seconds = 0): RecordedExchange {
  return { operation, request: { UserPoolId: POOL, ...request }, response: { status: 200, body }, recordedAt: at(seconds), pool: FIXTURE_POOL };
}

export function refused(operation: string, request: Record<string, unknown>, type: string, seconds = 0, status = 400): RecordedExchange {
  return { operation, request: { UserPoolId: POOL, ...request }, response: { status, headers: { 'x-amzn-errortype': `${type}:` }, body: { __type: type, message: 'm' } }, recordedAt: at(seconds), pool: FIXTURE_POOL };
}

export const create = (request: Record<string, unknown>, client: Record<string, unknown>, seconds = 0) => ok('CreateUserPoolClient', { ClientName: 'app', ...request }, { UserPoolClient: client }, seconds);
export const describe = (id: string, client: Record<string, unknown>, seconds = 0) => ok('DescribeUserPoolClient', { ClientId: id }, { UserPoolClient: client }, seconds);
export const update = (id: string, request: Record<string, unknown>, client: Record<string, unknown>, seconds = 0) => ok('UpdateUserPoolClient', { ClientId: id, ...request }, { UserPoolClient: client }, seconds);
export const remove = (id: string, seconds = 0) => ok('DeleteUserPoolClient', { ClientId: id }, {}, seconds);
export const list = (max: number, ids: readonly string[], next?: string, token?: string) =>
  ok('ListUserPoolClients', { MaxResults: max, ...(token === undefined ? {} : { NextToken: token }) }, { UserPoolClients: ids.map((ClientId) => ({ ClientId, UserPoolId: POOL, ClientName: 'app' })), ...(next === undefined ? {} : { NextToken: next }) });
