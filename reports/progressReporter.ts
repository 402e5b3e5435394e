import type { Reporter, TestCase } from 'vitest/node';

/**
 * Progress while a run goes: rules done of total, cases sent, rate. On a terminal, one line
 * rewritten in place; otherwise (a pipe, CI) one plain line per rule as it finishes.
 */
export class ProgressReporter implements Reporter {
  private done = 0;
  private cases = 0;
  private readonly started = Date.now();
  private readonly tty: boolean;

  /** `total`: the number of rules selected for the run. */
  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  onTestCaseResult(testCase: TestCase): void {
    const meta = testCase.meta().conformance;
    this.done++;
    this.cases += meta?.cases ?? 0;
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? (this.cases / secs).toFixed(1) : '0';
    const status = meta?.status ?? testCase.result().state;
    const line = `[${this.done}/${this.total}] ${status.padEnd(7)} ${testCase.name} (${meta?.cases ?? 0} cases) — ${this.cases} cases, ${rate}/s`;
    if (this.tty) this.stream.write(`\r\x1b[2K${line}`);
    else this.stream.write(`${line}\n`);
  }

  onTestRunEnd(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }
}
