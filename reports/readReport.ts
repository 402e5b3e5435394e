import { isJsonObject as isObject } from '../oracles/jsonObject.js';
import { readJsonFile } from './readJsonFile.js';
import { HarnessError } from '../targets/harnessError.js';
import type { RunReport } from './runReport.js';
import { RULE_STATUSES as STATUSES, type RuleStatus } from './ruleResult.js';

/** The first thing that keeps `value` from being a report that diff and merge can read, if any. */
function problemOf(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  const tool = value.tool;
  if (!isObject(tool) || tool.name !== 'cognito-conformance') return 'not a cognito-conformance report (no tool.name "cognito-conformance")';
  if (typeof tool.version !== 'string') return 'tool.version is not a string';
  const target = value.target;
  if (!isObject(target) || typeof target.name !== 'string' || typeof target.endpoint !== 'string' || typeof target.region !== 'string' || (target.transport !== 'http' && target.transport !== 'sdk')) {
    return 'target must have name, endpoint, region and transport (http | sdk)';
  }
  if (!isObject(value.contract) || typeof value.contract.modelDate !== 'string') return 'contract.modelDate is not a string';
  if (typeof value.seed !== 'number' || typeof value.runs !== 'number') return 'seed and runs must be numbers';
  for (const key of ['startedAt', 'finishedAt'] as const) {
    if (typeof value[key] !== 'string' || Number.isNaN(Date.parse(value[key] as string))) return `${key} is not an ISO date`;
  }
  if (!Array.isArray(value.harnessErrors)) return 'harnessErrors is not a list';
  if (value.notes !== undefined && (!Array.isArray(value.notes) || value.notes.some((n) => typeof n !== 'string'))) return 'notes is not a list of strings';
  if (!Array.isArray(value.rules)) return 'rules is not a list';
  for (const [i, r] of value.rules.entries()) {
    if (!isObject(r) || typeof r.id !== 'string') return `rules[${i}] has no id`;
    if (!STATUSES.includes(r.status as RuleStatus)) return `rules[${i}] (${r.id}) has status ${JSON.stringify(r.status)}, not one of ${STATUSES.join(', ')}`;
  }
  return undefined;
}

/**
 * Reads a `report.json` written by a run (or a merge) for `diff` and `merge`. A missing file, bad
 * JSON or something that is not a report is a HarnessError `E_CONFIG` whose one-line message names
 * the file and the problem.
 */
export function readReport(path: string): RunReport {
  const value = readJsonFile(path, 'report');
  const problem = problemOf(value);
  if (problem) throw new HarnessError('E_CONFIG', `report ${path}: ${problem}`);
  return value as RunReport;
}
