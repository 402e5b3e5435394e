import junit, { type Builder } from 'junit-report-builder';
import type { RunReport } from './runReport.js';
import { AREAS, areaOf } from './ruleArea.js';
import { verdictOf } from './verdict.js';
import { exitCodeOfReport, knownFailuresOf, outcomeLine } from './settleRun.js';

function block(label: string, value: unknown): string {
  return `${label}: ${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`;
}

/**
 * JUnit XML from the run's result events: one testsuite per area, one testcase per rule.
 * Conformance failures are `<failure>`, harness errors `<error>`, skipped rules `<skipped>` with
 * their reason as a property (junit-report-builder's `<skipped>` has no message attribute) and in
 * system-out.
 *
 * An unconfirmed failure (inferred or disputed evidence) is not a `<failure>`: CI test views and
 * plugins turn any `<failure>` red or "unstable", while such a failure does not fail the run
 * without --strict. It is a passing testcase with the property `verdict` = `unconfirmed` and a
 * system-out that starts with "unconfirmed:" and holds the same details as a failure. With
 * `strict` (the run's --strict) it is a `<failure>` whose message starts with "unconfirmed:".
 * Notes (things the run could not do but did not need to) are `note` properties of a suite
 * without testcases, so they count as nothing. An incomplete rule (a spent budget) is `<skipped>`
 * with "incomplete after N cases: <reason>" as its skip-reason; an interrupted one (the run was
 * stopped by a signal) too, with "interrupted: <reason>".
 *
 * A known gap (a failure the run's baseline accepts) is not a `<failure>` either, for the same
 * reason: the run exits 0 on it. It is a passing testcase with the property `verdict` =
 * `known-gap` and a system-out that starts with "known gap (baseline FILE):" and holds the
 * failure's details. Every suite carries the run's `exit-code`, its `outcome` line (new versus
 * known failures) and, with a baseline, the `baseline` file, so JUnit says what the run said.
 */
export function junitReport(report: RunReport, options: { strict?: boolean } = {}): string {
  // The package is CommonJS (`module.exports = builder`) while its types declare an ES default
  // export; at run time the default import is the builder itself.
  const builder = (junit as unknown as { newBuilder(): Builder }).newBuilder();
  const known = knownFailuresOf(report);
  const exitCode = String(exitCodeOfReport(report, options));
  const outcome = outcomeLine(report, options);
  for (const { area } of AREAS) {
    const rules = report.rules.filter((r) => areaOf(r.kind) === area);
    if (!rules.length) continue;
    const suite = builder.testSuite().name(`CreateUserPoolClient: ${area}`)
      .property('target', `${report.target.name} ${report.target.endpoint}`)
      .property('seed', String(report.seed))
      .property('exit-code', exitCode)
      .property('outcome', outcome);
    if (report.baseline) suite.property('baseline', report.baseline.file);
    for (const r of rules) {
      const verdict = verdictOf(r);
      const isKnown = r.status === 'failed' && known.has(r.id);
      const tc = suite.testCase().className(`conformance.${area.replace(/\W+/g, '-')}`).name(r.id).time((r.durationMs ?? 0) / 1000)
        .property('evidence', r.evidence)
        .property('basis', r.basis)
        .property('verdict', isKnown ? 'known-gap' : verdict);
      const details = [block('rule', r.statement), block('request', r.counterexample), block('expected', r.expected), block('observed', r.observed), block('replay', r.replay ?? '')];
      if (isKnown) {
        tc.standardOutput([`known gap (baseline ${report.baseline?.file ?? ''}): ${r.reason ?? 'does not conform'} [${r.evidence}]; does not fail the run`, ...details].join('\n'));
      } else if (verdict === 'unconfirmed' && options.strict) {
        tc.failure(`unconfirmed: ${r.reason ?? 'does not conform'} [${r.evidence}]`, 'ConformanceFailure');
        tc.standardOutput(details.join('\n'));
      } else if (verdict === 'unconfirmed') {
        tc.standardOutput([`unconfirmed: ${r.reason ?? 'does not conform'} [${r.evidence}]; fails the run only with --strict`, ...details].join('\n'));
      } else if (r.status === 'failed') {
        tc.failure(`${r.reason ?? 'does not conform'} [${r.evidence}]`, 'ConformanceFailure');
        tc.standardOutput(details.join('\n'));
      } else if (r.status === 'error') {
        tc.error(r.reason ?? 'harness error', r.errorCode ?? 'HarnessError');
      } else if (r.status === 'skipped') {
        tc.skipped().property('skip-reason', r.reason ?? '').standardOutput(`skipped: ${r.reason ?? ''}`);
      } else if (r.status === 'incomplete') {
        // Not judged in full: CI test views show skipped, not passed; the reason says which budget.
        const why = `incomplete after ${r.cases} cases: ${r.reason ?? ''}`;
        tc.skipped().property('skip-reason', why).standardOutput(why);
      } else if (r.status === 'interrupted') {
        const why = `interrupted: ${r.reason ?? 'the run was stopped'}`;
        tc.skipped().property('skip-reason', why).standardOutput(why);
      }
    }
  }
  if (report.harnessErrors.length) {
    const suite = builder.testSuite().name('CreateUserPoolClient: harness');
    for (const e of report.harnessErrors) suite.testCase().className('conformance.harness').name(e.code).error(e.message, e.code);
  }
  if (report.notes?.length) {
    const suite = builder.testSuite().name('CreateUserPoolClient: notes');
    for (const note of report.notes) suite.property('note', note);
  }
  return builder.build();
}
