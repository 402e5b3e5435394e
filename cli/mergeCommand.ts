import { mergeReports } from '../reports/mergeReports.js';
import { readReport } from '../reports/readReport.js';
import { exitCodeOf } from '../reports/runReport.js';
import { summaryText } from '../reports/summaryText.js';
import { writeReports } from '../reports/writeReports.js';
import { checkOutputPath } from './checkOutputPath.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

export const mergeHelp = `Usage: cognito-conformance merge --out DIR shard1/report.json shard2/report.json ...

Merges the reports of a sharded run (\`npx vitest run -c suites/vitest.config.ts --shard i/n\` with
CONFORMANCE_OUT=DIR per shard) into one report, and writes report.json, junit.xml,
scorecard.html and summary.md into DIR. The shards must come from one run (same target, seed,
runs, tool version); a rule with different statuses in two shards is an error.

  --out DIR   where to write the merged reports (required)

Exit codes (of the merged run): 0 every rule passed or was skipped; 1 conformance failures;
2 harness errors, a usage error, or shards that cannot be merged.
`;

export function mergeCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('merge', argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    out(mergeHelp);
    return 0;
  }
  // Required rather than defaulted: writing over reports/latest by accident would lose a run.
  if (!values.out) throw new UsageError('merge needs --out DIR (see merge --help)');
  if (!positionals.length) throw new UsageError('merge needs at least one shard report.json (see merge --help)');
  // Before reading anything: an unusable --out fails at once, in one line.
  checkOutputPath(values.out, { flag: '--out', kind: 'directory' });
  const report = mergeReports(positionals.map(readReport), positionals);
  const files = writeReports(report, values.out);
  out(`Merged ${positionals.length} shard report${positionals.length === 1 ? '' : 's'} into ${values.out}\n\n`);
  out(summaryText(report, files.json));
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  return exitCodeOf(report);
}
