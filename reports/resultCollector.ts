import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from 'vitest';
import { contract } from '../contract/contract.js';
import type { RuleResult } from './ruleResult.js';
import { totalsOf, type RunReport } from './runReport.js';
import { writeReports } from './writeReports.js';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** The rule's result event, set by the suite before the test ends. */
    conformance?: RuleResult;
  }
}

/** What the run knows besides the rule events (from the run's global setup). */
export interface RunInfo {
  target: RunReport['target'];
  seed: number;
  runs: number;
  startedAt: string;
  capabilities?: RunReport['capabilities'];
  toolVersion: string;
  modelDate: string;
  rulesInContract: number;
}

/**
 * A vitest reporter that only gathers result events: each rule test's `meta().conformance`, plus
 * errors outside any rule (setup, teardown) as harness errors. It builds the RunReport and, when
 * given a directory, writes the reports there, so plain `vitest run --shard` runs leave them too.
 */
export class ResultCollector implements Reporter {
  readonly results: RuleResult[] = [];
  readonly harnessErrors: { code: string; message: string }[] = [];
  report: RunReport | undefined;
  private vitest: Vitest | undefined;

  constructor(private readonly options: { outDir?: string; runInfo?: () => RunInfo | undefined } = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestCaseResult(testCase: TestCase): void {
    const meta = testCase.meta().conformance;
    if (meta) {
      this.results.push(meta);
      return;
    }
    const result = testCase.result();
    if (result.state === 'failed') {
      this.harnessErrors.push({ code: 'E_INTERNAL', message: `${testCase.name}: ${result.errors?.[0]?.message ?? 'failed without a result'}` });
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.harnessErrors.push({ code: codeOf(e), message: firstLine(e.message) });
    }
    for (const e of unhandled) this.harnessErrors.push({ code: codeOf(e), message: firstLine(e.message) });
    const info = this.options.runInfo?.() ?? this.providedRunInfo();
    if (!info) return;
    // Contract order, whatever order concurrent tests finished in.
    const order = new Map(contract.rules.map((r, i) => [r.id, i]));
    const rules = [...this.results].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    this.report = {
      tool: { name: 'cognito-conformance', version: info.toolVersion },
      contract: { operation: 'CreateUserPoolClient', modelDate: info.modelDate, rules: info.rulesInContract },
      target: info.target,
      seed: info.seed,
      runs: info.runs,
      startedAt: info.startedAt,
      finishedAt: new Date().toISOString(),
      totals: totalsOf(rules),
      ...(info.capabilities ? { capabilities: info.capabilities } : {}),
      rules,
      harnessErrors: this.harnessErrors,
    };
    if (this.options.outDir) writeReports(this.report, this.options.outDir);
  }

  private providedRunInfo(): RunInfo | undefined {
    const ctx = this.vitest?.getRootProject().getProvidedContext() as { conformanceReport?: RunInfo } | undefined;
    return ctx?.conformanceReport;
  }
}

function codeOf(e: SerializedError): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'E_INTERNAL';
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0] ?? '';
}
