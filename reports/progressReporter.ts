import type { RuleResult } from './ruleResult.js';

/**
 * Progress while a run goes: rules done of total, cases sent, rate. A plain listener of the
 * runner's result events (runner/runRules.ts). On a terminal, one line rewritten in place;
 * otherwise (a pipe, CI) one plain line per rule as it finishes.
 */
export class ProgressReporter {
  private done = 0;
  private cases = 0;
  private readonly started = Date.now();
  private readonly tty: boolean;

  /** `total`: the number of rules selected for the run. */
  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  onRuleResult(result: Pick<RuleResult, 'id' | 'status' | 'cases'>): void {
    this.done++;
    this.cases += result.cases;
    const secs = (Date.now() - this.started) / 1000;
    const rate = secs > 0 ? (this.cases / secs).toFixed(1) : '0';
    const line = `[${this.done}/${this.total}] ${result.status.padEnd(7)} ${result.id} (${result.cases} cases) — ${this.cases} cases, ${rate}/s`;
    if (this.tty) this.stream.write(`\r\x1b[2K${line}`);
    else this.stream.write(`${line}\n`);
  }

  /** Clears the terminal line, so that the summary starts on a clean one. */
  onRunEnd(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }
}
