import type { RunReport } from './runReport.js';
import type { RuleResult } from './ruleResult.js';

const LABEL: Record<RuleResult['status'], string> = { passed: 'PASS ', failed: 'FAIL ', skipped: 'SKIP ', error: 'ERROR' };

function oneLine(value: unknown, max = 400): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (s === undefined) return 'undefined';
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/**
 * The terminal summary: one line per rule, then each failure in full, then totals. Failures a
 * baseline already lists (`knownGaps`) are marked on their line and not spelled out again.
 */
export function summaryText(report: RunReport, reportPath?: string, options: { knownGaps?: ReadonlySet<string> } = {}): string {
  const known = options.knownGaps ?? new Set<string>();
  const t = report.target;
  const out: string[] = [];
  out.push(`cognito-conformance: ${report.contract.operation} against ${t.name} (${t.endpoint}, ${t.region}, ${t.transport}); seed ${report.seed}, up to ${report.runs} cases per rule`);
  out.push('');
  const width = Math.max(...report.rules.map((r) => r.id.length), 10);
  for (const r of report.rules) {
    const tail = r.status === 'skipped' || r.status === 'error' ? r.reason ?? '' : `${r.cases} cases${r.status === 'failed' ? ` — ${r.reason ?? ''}` : ''}`;
    const label = r.status === 'failed' && known.has(r.id) ? 'KNOWN' : LABEL[r.status];
    out.push(`${label} ${r.id.padEnd(width)}  ${r.evidence.padEnd(10)}  ${oneLine(tail, 160)}`);
  }
  const failures = report.rules.filter((r) => r.status === 'failed' && !known.has(r.id));
  if (failures.length) {
    out.push('', `Failures (${failures.length}${known.size ? ', not in the baseline' : ''}):`);
    for (const r of failures) {
      out.push('', `✗ ${r.id} [${r.evidence}: ${r.basis}]`);
      out.push(`  rule:     ${r.statement}`);
      out.push(`  request:  ${oneLine(r.counterexample)}`);
      out.push(`  expected: ${oneLine(r.expected)}`);
      out.push(`  observed: ${oneLine(r.observed)}`);
      if (r.replay) out.push(`  replay:   ${r.replay}`);
    }
  }
  const errors = report.rules.filter((r) => r.status === 'error');
  if (errors.length || report.harnessErrors.length) {
    out.push('', 'Harness errors (not the target\'s fault):');
    for (const r of errors) out.push(`  ${r.id}: ${r.errorCode ?? ''} ${r.reason ?? ''}`);
    for (const e of report.harnessErrors) out.push(`  ${e.code}: ${e.message}`);
  }
  const x = report.totals;
  out.push('', `Totals: ${x.passed} passed, ${x.failed} failed, ${x.skipped} skipped, ${x.error} errors (${report.rules.length} rules)${reportPath ? ` — report: ${reportPath}` : ''}`);
  return out.join('\n') + '\n';
}
