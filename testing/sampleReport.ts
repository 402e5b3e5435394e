import type { RunReport } from '../reports/runReport.js';
import { totalsOf } from '../reports/runReport.js';
import type { RuleResult } from '../reports/ruleResult.js';

/** A small, realistic run report for reporter tests and the docs: one rule of each status. */
export function sampleReport(): RunReport {
  const rules: RuleResult[] = [
    { id: 'client-name.max-length', kind: 'length', members: ['ClientName'], evidence: 'model', basis: 'the AWS service model says so', statement: 'ClientName has at most 128 characters', status: 'failed', cases: 1, reason: 'invalid request accepted (HTTP 200)', counterexample: { UserPoolId: 'us-east-1_Abc', ClientName: 'x'.repeat(129), ClientSecret: '<redacted:52 chars>' }, expected: { errorTypes: ['InvalidParameterException'], status: 400 }, observed: { status: 200 }, replay: "npm run conformance -- run --rules client-name.max-length --seed 42 --runs 25 --replay-path '3:0'", seed: 42, path: '3:0', oracle: 'rejection', durationMs: 120 },
    { id: 'default.auth-session-validity', kind: 'default', members: ['AuthSessionValidity'], evidence: 'observed', basis: 'AWS is known to do this (a real response was seen)', statement: 'AuthSessionValidity comes back as 3 (minutes) when omitted', status: 'passed', cases: 25, durationMs: 300 },
    { id: 'oauth.client-credentials.no-openid', kind: 'cross-field', members: ['AllowedOAuthFlows'], evidence: 'observed', basis: 'AWS is known to do this (a real response was seen)', statement: 'The openid scope is not allowed with the client_credentials flow', status: 'skipped', cases: 0, reason: 'target lacks CreateResourceServer' },
    { id: 'protocol.request-id', kind: 'protocol', members: [], evidence: 'observed', basis: 'AWS is known to do this (a real response was seen)', statement: 'Responses carry an x-amzn-RequestId header', status: 'error', cases: 2, errorCode: 'E_TARGET_UNREACHABLE', reason: 'connection refused by http://127.0.0.1:1/' },
  ];
  return {
    tool: { name: 'cognito-conformance', version: '0.1.0' },
    contract: { operation: 'CreateUserPoolClient', modelDate: '2026-04-21', rules: 116 },
    target: { name: 'cognito-local', endpoint: 'http://127.0.0.1:40123/', region: 'us-east-1', transport: 'http' },
    seed: 42,
    runs: 25,
    startedAt: '2026-11-26T06:00:00.000Z',
    finishedAt: '2026-11-26T06:01:00.000Z',
    totals: totalsOf(rules),
    rules,
    harnessErrors: [],
  };
}
