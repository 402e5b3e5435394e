import { contract } from '../contract/contract.js';
import { isConfirmed } from '../contract/verdictStrength.js';
import type { RunReport } from '../reports/runReport.js';
import { totalsOf } from '../reports/runReport.js';
import { basisOf, type RuleResult } from '../reports/ruleResult.js';

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

/**
 * The sample report plus one unconfirmed failure: an inferred rule broken by the target, which
 * every report must show as such and which fails the run only with --strict.
 */
export function sampleReportWithUnconfirmed(): RunReport {
  const report = sampleReport();
  const unconfirmed: RuleResult = {
    id: 'logout-urls.same-rules-as-callback', kind: 'cross-field', members: ['LogoutURLs[]'], evidence: 'inferred', basis: basisOf('inferred'),
    statement: 'LogoutURLs follow the same rules as CallbackURLs', status: 'failed', cases: 3, reason: 'invalid request accepted (HTTP 200)',
    counterexample: { UserPoolId: 'us-east-1_Abc', ClientName: 'c', LogoutURLs: ['http://example.com/out'] }, expected: { errorTypes: ['InvalidParameterException'], status: 400 }, observed: { status: 200 },
    replay: "npm run conformance -- run --rules logout-urls.same-rules-as-callback --seed 42 --runs 25 --replay-path '1:0'", seed: 42, path: '1:0', oracle: 'rejection', durationMs: 90,
    confirmed: false,
  };
  const rules = [...report.rules, unconfirmed];
  return { ...report, rules, totals: totalsOf(rules) };
}

/**
 * A run against a target that validates little: every rule of the contract fails with a
 * realistic counterexample, as against an emulator that accepts everything (the 800-line
 * terminal output of issue 7), confirmed or not as the contract says. For tests of how reports
 * cope with many failures.
 */
export function failingReport(): RunReport {
  const base = sampleReport();
  const rules: RuleResult[] = contract.rules.map((rule, i) => ({
    id: rule.id, kind: rule.kind, members: rule.members, evidence: rule.evidence, basis: basisOf(rule.evidence), statement: rule.statement,
    confirmed: isConfirmed(rule), status: 'failed', cases: 1, reason: 'invalid request accepted (HTTP 200)',
    counterexample: { UserPoolId: 'us-east-1_Abc', ClientName: `case-${i}`, CallbackURLs: ['https://example.com/cb'] },
    expected: { errorTypes: ['InvalidParameterException'], status: 400 }, observed: { status: 200, body: { UserPoolClient: { ClientId: '1abcdefghijklmnopqrstuv012' } } },
    replay: `npm run conformance -- run --rules ${rule.id} --seed 42 --runs 25 --replay-path '${i}:0'`, seed: 42, path: `${i}:0`, oracle: 'rejection', durationMs: 10,
  }));
  return { ...base, target: { ...base.target, name: 'lenient-emulator' }, totals: totalsOf(rules), rules };
}
