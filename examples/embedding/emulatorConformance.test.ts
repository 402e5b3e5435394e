import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applyBaseline,
  buildRunReport,
  checkRule,
  contract,
  ALL_KINDS,
  loadBaseline,
  prepareRun,
  processCleanupRegistry,
  readRunSettings,
  ruleEnvOf,
  selectRules,
  type PreparedRun,
  type RuleResult,
} from 'cognito-conformance';

/**
 * How an emulator's own vitest suite embeds the contract: one test per rule, against the
 * emulator the suite already runs (here the embedded cognito-local, which prepareRun starts when
 * no target is given; give `endpoint: 'http://127.0.0.1:PORT'` for yours), with the emulator's
 * known gaps as a baseline so that only regressions fail. Everything comes from the package's
 * entry (`import … from 'cognito-conformance'`), none of it from deep paths.
 */
const settings = readRunSettings({ rules: 'default.*,output.*', runs: '3' }, 'flags');
const rules = selectRules(contract.rules, ALL_KINDS, settings.rules);
const knownGaps = loadBaseline(fileURLToPath(new URL('../../reports/baselines/cognito-local.json', import.meta.url)));
const results: RuleResult[] = [];
let run: PreparedRun;

beforeAll(async () => {
  run = await prepareRun(settings, processCleanupRegistry());
}, 60_000);

afterAll(async () => {
  await run?.close();
  // The same report the CLI writes, built from this suite's results, judged against the baseline.
  const report = buildRunReport(run.runInfo, results, []);
  const outcome = applyBaseline(report, knownGaps, new Date());
  expect(outcome.newFailures.map((f) => f.id)).toEqual([]);
});

describe('CreateUserPoolClient conformance of my emulator', () => {
  const earlierClientIds = new Set<string>();
  for (const rule of rules) {
    test(rule.id, async () => {
      const result = await checkRule(rule, ruleEnvOf(run.context, run.target, earlierClientIds));
      results.push(result);
      expect(result.status, result.reason).not.toBe('error');
      if (result.status === 'failed') expect(knownGaps.entries.map((e) => e.ruleId), `${rule.id} is a new failure: ${result.reason}`).toContain(rule.id);
    });
  }
});
