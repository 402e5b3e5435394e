import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from 'vitest';
import { buildRunReport, type RunInfo } from './buildRunReport.js';
import type { RuleResult } from './ruleResult.js';
import type { RunReport } from './runReport.js';
import { writeReports } from './writeReports.js';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** The rule's result event, set by the suite before the test ends. */
    conformance?: RuleResult;
  }
}

/**
 * The plain-vitest path's reporter (`vitest run -c suites/vitest.config.ts --shard`): it only
 * gathers result events, each rule test's `meta().conformance`, plus errors outside any rule
 * (setup, teardown) as harness errors, builds the RunReport as the CLI's in-process runner does
 * (buildRunReport) and, when given a directory, writes the reports there.
 */
export class ResultCollector implements Reporter {
  readonly results: RuleResult[] = [];
  readonly harnessErrors: { code: string; message: string }[] = [];
  report: RunReport | undefined;
  private vitest: Vitest | undefined;

  constructor(private readonly options: { outDir?: string } = {}) {}

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
    const info = this.providedRunInfo();
    if (!info) return;
    this.report = buildRunReport(info, this.results, this.harnessErrors);
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
