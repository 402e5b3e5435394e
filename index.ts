/**
 * The library entry of cognito-conformance: everything a test suite of someone else's needs to
 * embed the contract, from the data to the reports, along the pipeline
 * contract → generators → targets → oracles → runner → reports. Named exports only; the CLI is
 * built from the same pieces (cli/runCommand.ts). examples/embedding/ shows a vitest suite using it.
 */

// The contract: rules as data, with their evidence.
export { contract, ruleById, type Contract } from './contract/contract.js';
export { ALL_KINDS, type Rule, type RuleKind, type Evidence, type Expectation, type Conflict } from './contract/rule.js';
export type { PoolContext } from './contract/poolContext.js';
export { isConfirmed, unconfirmedBecause } from './contract/verdictStrength.js';
export { requestViolations } from './contract/requestViolations.js';
export { PROBES, type Probe } from './contract/probeRules.js';

// Generators: valid and single-fault invalid requests for one rule.
export { casesFor, type CaseSource } from './generators/casesFor.js';
export { validRequest } from './generators/validRequest.js';
export { invalidRequest } from './generators/invalidRequest.js';
export { fixedCasesFor, type FixedCases } from './generators/fixedCases.js';
export type { TestCase, WhyInvalid, RequestBody } from './generators/testCase.js';

// Targets: where requests go (or the recordings they came from).
export type { Target, TargetInfo, Exchange, SendOptions } from './targets/exchange.js';
export { loadTargetConfig, type TargetConfig, type TargetFlags } from './targets/targetConfig.js';
export { openTarget, type OpenedTarget } from './targets/openTarget.js';
export { startEmbeddedCognitoLocal, type EmbeddedCognitoLocal } from './targets/emulator/embeddedCognitoLocal.js';
export { createPoolFixture, type PoolFixture } from './targets/pool/poolFixture.js';
export { createCleanupRegistry, processCleanupRegistry, type CleanupRegistry } from './targets/pool/cleanupRegistry.js';
export { HarnessError, isHarnessError } from './targets/harnessError.js';
export { readRecordings } from './targets/recording/readRecordings.js';
export { withRecording, recordContext } from './targets/recording/recordingTarget.js';
export type { RecordedExchange } from './targets/recording/recordedExchange.js';

// Oracles: pure judges of one observation.
export { allOracles } from './oracles/allOracles.js';
export { oraclesForRule } from './oracles/oraclesForRule.js';
export type { Oracle, Verdict } from './oracles/verdict.js';
export type { Observation } from './oracles/observation.js';

// Runner: seeded properties, one per rule, in process; judging recordings.
export { readRunSettings, runSettingsFromEnv, RUN_DEFAULTS, type RunSettings } from './runner/runSettings.js';
export { prepareRun, type PreparedRun } from './runner/prepareRun.js';
export { runRules, type RunListener, type RulesOutcome } from './runner/runRules.js';
export { checkRule, type RuleEnv } from './runner/checkRule.js';
export { ruleEnvOf } from './runner/ruleEnv.js';
export { selectRules } from './runner/selectRules.js';
export { judgeRecords } from './runner/judgeRecords.js';

// Reports: read result events only.
export type { RuleResult, RuleStatus } from './reports/ruleResult.js';
export { exitCodeOf, type ReportBaseline, type RunReport } from './reports/runReport.js';
export { settleRun } from './reports/settleRun.js';
export { buildRunReport } from './reports/buildRunReport.js';
export { writeReports } from './reports/writeReports.js';
export { summaryText } from './reports/summaryText.js';
export { loadBaseline, applyBaseline } from './reports/baseline.js';
export { diffReports } from './reports/diffReports.js';
export { buildMatrix } from './reports/matrix.js';
