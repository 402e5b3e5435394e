import { plural } from './plural.js';
import type { RuleResult } from './ruleResult.js';
import { RunEffort, type EffortCounts } from './runEffort.js';

/** How often a terminal's line is redrawn while a long rule (a shrink) produces no result. */
const TTY_REFRESH_MS = 1_000;

/**
 * Progress while a run goes: rules done of total, then what was sent — cases and shrink steps
 * apart (shrinking a counterexample can send more requests than the cases did), the requests they
 * took, and the rate the target answered at. A plain listener of the runner's events
 * (runner/runRules.ts); the runner counts into `effort`. On a terminal, one line rewritten in
 * place (also every second, so a long shrink shows it is moving); otherwise (a pipe, CI) one plain
 * line per rule as it finishes. The run ends with one totals line on either.
 *
 * A failure the run's baseline accepts reads `known`, as in the summary (KNOWN): a CI log that
 * shows `failed` for a gap the maintainers already track sends readers after nothing new.
 */
export class ProgressReporter {
  /** The runner counts cases, shrink steps and requests here (RunListener.effort). */
  readonly effort = new RunEffort();
  private done = 0;
  private last = '';
  private readonly started = Date.now();
  private readonly tty: boolean;
  private timer: NodeJS.Timeout | undefined;

  /**
   * `total`: the number of rules selected for the run. `isKnownGap`: whether the baseline accepts
   * a failure of this rule (listed, not expired).
   */
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly isKnownGap: (ruleId: string) => boolean = () => false,
  ) {
    this.tty = Boolean(stream.isTTY) && !process.env.CI;
    if (this.tty) {
      this.timer = setInterval(() => this.redraw(), TTY_REFRESH_MS);
      this.timer.unref();
    }
  }

  onRuleResult(result: Pick<RuleResult, 'id' | 'status'>): void {
    this.done++;
    const rule = this.effort.finish(result.id);
    const label = result.status === 'failed' && this.isKnownGap(result.id) ? 'known' : result.status;
    this.last = `${label.padEnd(7)} ${result.id} (${effortText(rule)})`;
    const line = this.line();
    if (this.tty) this.stream.write(`\r\x1b[2K${line}`);
    else this.stream.write(`${line}\n`);
  }

  /** Clears the terminal line and writes the totals, so that the summary starts on a clean line. */
  onRunEnd(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const t = this.effort.total;
    const secs = this.seconds();
    const requests = t.caseRequests + t.shrinkRequests;
    const totals = `Sent ${plural(requests, 'request')} in ${secs.toFixed(1)} s (${rate(requests, secs)}/s): ` +
      `${t.caseRequests} for ${plural(t.cases, 'case')}, ${t.shrinkRequests} for ${plural(t.shrinkSteps, 'shrink step')}\n`;
    this.stream.write(this.tty ? `\r\x1b[2K${totals}` : totals);
  }

  private line(): string {
    const t = this.effort.total;
    const requests = t.caseRequests + t.shrinkRequests;
    return `[${this.done}/${this.total}] ${this.last} — ${plural(t.cases, 'case')}, ${plural(t.shrinkSteps, 'shrink step')}, ${plural(requests, 'request')}, ${rate(requests, this.seconds())} req/s`;
  }

  private redraw(): void {
    if (this.done > 0) this.stream.write(`\r\x1b[2K${this.line()}`);
  }

  private seconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}

function effortText(e: EffortCounts): string {
  const requests = e.caseRequests + e.shrinkRequests;
  return `${plural(e.cases, 'case')}${e.shrinkSteps ? `, ${plural(e.shrinkSteps, 'shrink step')}` : ''}, ${plural(requests, 'request')}`;
}

function rate(n: number, secs: number): string {
  return secs > 0 ? (n / secs).toFixed(0) : '0';
}
