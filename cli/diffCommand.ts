import { diffReports, diffText } from '../reports/diffReports.js';
import { readReport } from '../reports/readReport.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

export const diffHelp = `Usage: cognito-conformance diff A/report.json B/report.json [--json]

Compares two runs (A earlier, B later) rule by rule: regressions (passed or skipped → failed or
error), fixes (→ passed), newly skipped rules, rules added or removed, and rules still failing whose
observed outcome changed, and (for --transport sdk runs) rules whose SDK view of the same request
changed: what the SDK sent or returned (useful across SDK and target upgrades), naming the members
one SDK did not send or dropped from the parsed answer. Values every run makes up are not changes:
server-generated ids, names built from the run id, secrets, dates and request ids are compared as
stable tokens, and lists as sets.

  --json   the diff as JSON (before, after, regressions, fixes, newlySkipped, otherChanges,
           added, removed, observedChanged, sdkChanged; each change with both whole values and
           its details)

Exit codes: 0 no regressions; 1 regressions; 2 usage error or a file that is not a report.
`;

export function diffCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('diff', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    out(diffHelp);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`diff needs two report files (A then B), got ${positionals.length} (see diff --help)`);
  const [pathA, pathB] = positionals as [string, string];
  const diff = diffReports(readReport(pathA), readReport(pathB));
  out(values.json ? JSON.stringify(diff, null, 2) + '\n' : diffText(diff, { before: pathA, after: pathB }));
  return diff.regressions.length > 0 ? 1 : 0;
}
